import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { CLI, cli, giveAway, lines, mismatch, remove, tree } from './cliProcess';

describe('the command line survives the file system', () => {
  test('unreadable directories, symbolic link loops, a glob under a file and a read-only file: each told, the rest checked, exit 2', () => {
    const root = tree({
      'ok/sender_access': `${mismatch('ok@example.net')}\n`,
      'locked/sender_access': `${mismatch('locked@example.net')}\n`,
      'readonly_access': `${mismatch('readonly@example.net')}\n`,
      'secret_access': `${mismatch('secret@example.net')}\n`,
      'bad.txt': 'not a directory\n',
    }, { unprivileged: true });
    fs.chmodSync(path.join(root, 'secret_access'), 0o000);
    fs.chmodSync(path.join(root, 'locked'), 0o000);
    fs.chmodSync(path.join(root, 'readonly_access'), 0o444);
    fs.symlinkSync('loop', path.join(root, 'loop'));
    try {
      const { code, stdout, stderr } = cli(['check', '--fix', '.', 'bad.txt/*.txt'], root, { unprivileged: true });
      assert.equal(code, 2);
      assert.deepEqual(lines(stderr).sort(), [
        'bad.txt/*.txt: no file matches it: bad.txt is not a directory',
        'locked: cannot read the directory: permission denied (EACCES)',
        'loop: cannot follow the symbolic link: too many levels of symbolic links (ELOOP)',
        'readonly_access: not fixed: cannot write it: permission denied (EACCES)',
        'secret_access: not checked: permission denied (EACCES)',
      ]);
      assert.match(fs.readFileSync(path.join(root, 'ok', 'sender_access'), 'utf8'), /REJECT 5\.7\.1/, 'the other files are still fixed');
      assert.match(fs.readFileSync(path.join(root, 'readonly_access'), 'utf8'), /REJECT 4\.7\.1/);
      assert.match(stdout, /^readonly_access:1:29 error class-mismatch/m);
      assert.match(stdout, /^ok\/sender_access:1:23 fixed class-mismatch/m);
      assert.match(stdout, /in 1 of 3 files\. Fixed 1 problem in 1 file\. 1 file not checked\. 3 paths could not be read\. 1 file could not be fixed\.$/m);
    } finally {
      remove(root);
    }
  });

  test('2,100 nested directories: the path that grows too long is told, the rest is checked', () => {
    const root = tree({ 'sender_access': `${mismatch('top@example.net')}\n` });
    // Relative steps: no single path given to the system is longer than its limit.
    const made = spawnSync(process.execPath, ['-e', "for (let i = 0; i < 2100; i++) { require('fs').mkdirSync('d'); process.chdir('d'); }"], { cwd: root });
    assert.equal(made.status, 0);
    try {
      const { code, stdout, stderr } = cli(['check'], root);
      assert.equal(code, 2);
      assert.match(stderr, /^d\/d\/d\/d.*…(\/d)+ \(\d+ characters\): cannot read the directory: the path is too long \(ENAMETOOLONG\)$/m);
      assert.ok(lines(stderr).every((line) => line.length < 400), 'long paths are shortened');
      assert.match(stdout, /^sender_access:1:24 error class-mismatch/m);
    } finally {
      remove(root);
    }
  });

  test('a reader that stops early ends the run quietly', () => {
    const root = tree({ 'sender_access': Array.from({ length: 900 }, (_, i) => `${mismatch(`s${i}@example.net`)}\n`).join('') });
    try {
      const piped = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" check | head -n 1; echo "status \${PIPESTATUS[0]}" >&2`], { cwd: root, encoding: 'utf8' });
      assert.match(piped.stdout, /^sender_access:1:23 error class-mismatch/);
      assert.equal(piped.stderr, 'status 1\n', 'no stack trace, and the exit code of the findings');
    } finally {
      remove(root);
    }
  });

  test('a FIFO is never opened for a blocking read, whether named or found in a directory', () => {
    const root = tree({ 'sender_access': `${mismatch('a@example.net')}\n` });
    assert.equal(spawnSync('mkfifo', [path.join(root, 'pipe')]).status, 0);
    giveAway(root);
    try {
      const named = cli(['check', 'pipe'], root);
      assert.equal(named.code, 2);
      assert.match(named.stderr, /^pipe: not checked: a named pipe \(FIFO\), not a file$/m);
      const found = cli(['check'], root);
      assert.equal(found.code, 1);
      assert.match(found.stderr, /^pipe: skipped: a named pipe \(FIFO\), not a file$/m);
      const device = cli(['check', '/dev/zero'], root);
      assert.equal(device.code, 2);
      assert.match(device.stderr, /^\/dev\/zero: not checked: a character device, not a file$/m);
    } finally {
      remove(root);
    }
  });
});
