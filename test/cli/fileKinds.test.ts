import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { RULES_TXT } from '../support/fileKindFixtures';
import { ROOT } from '../support/paths';

const CLI = path.join(ROOT, 'dist', 'cli.js');

function check(cwd: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [CLI, 'check', ...args], { cwd, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout.trim().split('\n'), stderr: result.stderr };
}

function project(settings?: unknown): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-kinds-'));
  fs.mkdirSync(path.join(directory, 'postfix'));
  fs.writeFileSync(path.join(directory, 'postfix', 'rules.txt'), RULES_TXT);
  if (settings !== undefined) {
    fs.mkdirSync(path.join(directory, '.vscode'));
    fs.writeFileSync(path.join(directory, '.vscode', 'settings.json'), JSON.stringify(settings, null, 2));
  }
  return directory;
}

describe('smtpStatusCodes.fileKinds on the command line', () => {
  test('rules.txt holding a Postfix access map gets the class mismatch of REJECT 4.7.1', () => {
    const { code, stdout } = check(project());
    assert.equal(code, 1);
    assert.match(stdout[0], /^postfix\/rules\.txt:3:28 error class-mismatch 4\.7\.1 is a transient failure code but REJECT/);
  });

  test('set to prose in .vscode/settings.json, the same file gets none', () => {
    const { code, stdout, stderr } = check(project({ 'smtpStatusCodes.fileKinds': { 'rules.txt': 'prose' } }), 'postfix');
    assert.equal(stderr, '');
    assert.equal(code, 0);
    assert.deepEqual(stdout, ['No problems in 1 file.']);
  });

  test('a path glob in --config works too, and a wrong kind is reported', () => {
    const directory = project();
    const config = path.join(directory, 'kinds.json');
    fs.writeFileSync(config, JSON.stringify({ fileKinds: { 'postfix/*.txt': 'prose', 'other.txt': 'postfix-map' } }));
    const { code, stdout, stderr } = check(directory, '--config', config);
    assert.equal(code, 0, stdout.join('\n'));
    assert.match(stderr, /smtpStatusCodes\.fileKinds\.other\.txt: expected one of postfix, exim, .*prose, got "postfix-map"; skipped\./);
  });
});
