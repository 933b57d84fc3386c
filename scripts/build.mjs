// Bundles the client and the server with esbuild: dist/ for Node, dist/browser/ for the web worker and web client.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';

const production = process.argv.includes('--production');
const common = { bundle: true, minify: production, sourcemap: !production, logLevel: 'warning', legalComments: 'none' };

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/node.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node18', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/node.ts'], outfile: 'dist/server.js', platform: 'node', format: 'cjs', target: 'node18' }),
  esbuild.build({
    ...common, entryPoints: ['server/src/cli/cli.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node18',
    define: { CLI_VERSION: JSON.stringify(JSON.parse(fs.readFileSync('server/package.json', 'utf8')).version) },
  }),
  esbuild.build({ ...common, entryPoints: ['client/src/browser.ts'], outfile: 'dist/browser/extension.js', platform: 'browser', format: 'cjs', target: 'es2022', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/browser.ts'], outfile: 'dist/browser/server.js', platform: 'browser', format: 'iife', target: 'es2022' }),
]);

// The standalone server package ships the same bundles: the language server and the command-line checker.
fs.mkdirSync('server/dist', { recursive: true });
for (const bundle of ['server.js', 'cli.js']) {
  fs.copyFileSync(`dist/${bundle}`, `server/dist/${bundle}`);
  fs.chmodSync(`server/dist/${bundle}`, 0o755);
}
