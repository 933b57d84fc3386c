/** Runs a real VS Code (code-server) on loopback with the packaged extension installed, for end-to-end tests. */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../support/paths';

export const CODE_SERVER = path.join(ROOT, '.e2e', 'code-server', 'node_modules', '.bin', 'code-server');
export const VSIX = path.join(ROOT, 'smtp-status-codes.vsix');
export const CHROMIUM = '/usr/bin/chromium';

/** Why the end-to-end suite cannot run here, or undefined when it can. */
export function missingPrerequisite(): string | undefined {
  if (!fs.existsSync(CODE_SERVER) || !fs.existsSync(CHROMIUM)) {
    try {
      execFileSync('bash', [path.join(ROOT, 'test', 'e2e', 'install-code-server.sh')], { stdio: 'inherit' });
    } catch {
      return 'code-server and Chromium could not be installed (test/e2e/install-code-server.sh needs root, apt and the npm registry)';
    }
  }
  if (!fs.existsSync(VSIX)) return `${path.basename(VSIX)} is not built: run npm run package first`;
  return undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export class CodeServer {
  private constructor(readonly url: string, readonly workspace: string, readonly userDataDir: string, private readonly child: ChildProcess) {}

  /** Installs the .vsix into a fresh profile and starts code-server on `workspace`. */
  static async start(workspace: string, settings: Record<string, unknown> = {}): Promise<CodeServer> {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-e2e-'));
    const userDataDir = path.join(home, 'user-data');
    const extensionsDir = path.join(home, 'extensions');
    fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
    fs.writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({
      'security.workspace.trust.enabled': false,
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'extensions.ignoreRecommendations': true,
      'telemetry.telemetryLevel': 'off',
      'editor.minimap.enabled': false,
      ...settings,
    }, null, 2));
    const common = ['--config', path.join(home, 'config.yaml'), '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--disable-telemetry', '--disable-update-check'];
    execFileSync(CODE_SERVER, [...common, '--install-extension', VSIX, '--force'], { stdio: 'pipe' });

    const port = await freePort();
    const child = spawn(CODE_SERVER, [...common, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, workspace], { stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const onData = (chunk: Buffer) => {
        output += chunk;
        if (/HTTP server listening/.test(output)) resolve();
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', (code) => reject(new Error(`code-server exited with ${code}:\n${output}`)));
    });
    return new CodeServer(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`, workspace, userDataDir, child);
  }

  /** The extension host's log, where activation and server errors appear. */
  extensionHostLog(): string {
    const logs = path.join(this.userDataDir, 'logs');
    if (!fs.existsSync(logs)) return '';
    const files: string[] = [];
    const walk = (dir: string) => fs.readdirSync(dir, { withFileTypes: true }).forEach((entry) =>
      entry.isDirectory() ? walk(path.join(dir, entry.name)) : files.push(path.join(dir, entry.name)));
    walk(logs);
    return files.filter((file) => /exthost|SMTP/i.test(file)).map((file) => fs.readFileSync(file, 'utf8')).join('\n');
  }

  /** The process ids of the extension's language servers that this code-server started. */
  languageServerPids(): number[] {
    const home = path.dirname(this.userDataDir);
    return fs.readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).flatMap((pid) => {
      try {
        const commandLine = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
        return commandLine.includes(home) && commandLine.includes('dist/server.js') ? [Number(pid)] : [];
      } catch {
        return []; // the process ended while the list was read
      }
    });
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}
