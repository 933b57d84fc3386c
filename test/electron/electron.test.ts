/** Runs test/electron/suite.ts in a real VS Code downloaded by @vscode/test-electron, where the machine can download it. */
import { describe, test } from 'node:test';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { ROOT } from '../support/paths';

const VERSION = '1.100.0';

async function download(): Promise<{ executable?: string; reason?: string }> {
  try {
    return { executable: await downloadAndUnzipVSCode({ version: VERSION, cachePath: path.join(ROOT, '.vscode-test'), timeout: 30_000 }) };
  } catch (error) {
    return { reason: `VS Code ${VERSION} could not be downloaded here (${error instanceof Error ? error.message : String(error)}); this suite runs where it can, and the code-server suite covers the same scenarios` };
  }
}

describe('the extension in VS Code through @vscode/test-electron', async () => {
  const { executable, reason } = await download();
  test('hover, diagnostics, a quick fix and completion through the vscode API', { skip: reason ?? false, timeout: 300_000 }, async () => {
    const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-electron-'));
    await runTests({
      vscodeExecutablePath: executable!,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: path.join(ROOT, 'out', 'test', 'electron', 'suite.js'),
      launchArgs: ['--disable-extensions', '--disable-workspace-trust', '--user-data-dir', userData, '--no-sandbox'],
    });
  });
});
