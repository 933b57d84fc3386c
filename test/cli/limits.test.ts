import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { CLI, cli, cliInProcess, giveAway, lines, mismatch, remove, tree } from './cliProcess';

const utf16le = (text: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
const utf16be = (text: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
const utf8bom = (text: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);

describe('the command line says what it did not check', () => {
  test('a file over the size limit is not checked, is named with the limit, and the run exits 2', () => {
    const big = Array.from({ length: 5 }, (_, i) => `${mismatch(`big${i}@example.net`)}\n`).join('');
    const root = tree({
      'small_access': `${mismatch('small@example.net')}\n`,
      'big_access': big,
      'huge_access': big.repeat(10),
      '.vscode/settings.json': '{ "smtpStatusCodes.maxFileSize": 100 }',
    });
    try {
      const bySetting = cliInProcess(['check'], root);
      assert.equal(bySetting.code, 2);
      assert.match(bySetting.stderr, new RegExp(`^big_access: not checked: ${big.length} characters, more than 100 \\(smtpStatusCodes\\.maxFileSize\\); raise smtpStatusCodes\\.maxFileSize to check it$`, 'm'));
      assert.match(bySetting.stderr, /^huge_access: not checked: \d+ bytes, more than 100 characters \(smtpStatusCodes\.maxFileSize\)/m);
      assert.deepEqual(lines(bySetting.stdout).map((line) => line.split(' ')[0]), ['small_access:1:26', '1']);
      assert.match(bySetting.stdout, /in 1 of 2 files\. 2 files not checked\.$/m);

      const byOption = cliInProcess(['check', '--max-file-size', String(big.length * 10)], root);
      assert.equal(byOption.code, 1, 'everything is checked: the option overrides the setting');
      assert.match(byOption.stdout, /^56 problems .* in 3 of 4 files\.$/m);
      const tooSmall = cliInProcess(['check', '--max-file-size', '10', 'small_access'], root);
      assert.equal(tooSmall.code, 2);
      assert.match(tooSmall.stderr, /^small_access: not checked: \d+ bytes, more than 10 characters \(--max-file-size\); raise --max-file-size to check it$/m);
      assert.equal(cliInProcess(['check', '--max-file-size', 'lots'], root).code, 2);
    } finally {
      remove(root);
    }
  });

  test('an error after maxNumberOfProblems warnings is still listed and fails the run', () => {
    const warnings = Array.from({ length: 1000 }, (_, i) => `u${i}@example.net REJECT 5.7.${200 + (i % 50)} Blocked`);
    const root = tree({ 'sender_access': [...warnings, mismatch('last@example.net'), ''].join('\n') });
    try {
      const { code, stdout, stderr } = cliInProcess(['check'], root);
      assert.equal(code, 1);
      const found = lines(stdout);
      assert.equal(found.length, 1002);
      assert.match(found[1000], /^sender_access:1001:25 error class-mismatch /);
      assert.match(found[1001], /^1001 problems \(1 errors, 1000 warnings, 0 infos, 0 hints\) in 1 of 1 files\. 1 file had more problems than maxNumberOfProblems: the first are listed, and every one at or above --fail-on\.$/);
      assert.equal(stderr, 'sender_access: more than 1000 problems (smtpStatusCodes.maxNumberOfProblems): the first 1000 are listed, and 1 more at or above --fail-on error\n');
      const relaxed = cliInProcess(['check', '--fail-on', 'none'], root);
      assert.equal(relaxed.code, 0);
      assert.equal(lines(relaxed.stdout).length, 1001, 'with nothing failing, the cap holds');
      assert.match(relaxed.stderr, /^sender_access: more than 1000 problems \(smtpStatusCodes\.maxNumberOfProblems\): the first 1000 are listed$/m);
    } finally {
      remove(root);
    }
  });

  test('a binary file found in a directory is skipped with a line; one named on the command line is not checked', () => {
    const root = tree({
      'postfix/access.db': Buffer.from([0, 1, 2, 0x35, 0x2e, 0x37, 0x2e, 0x31, 0, 255]),
      'postfix/sender_access': `${mismatch('a@example.net')}\n`,
    });
    try {
      const found = cli(['check', 'postfix'], root);
      assert.equal(found.code, 1);
      assert.match(found.stderr, /^postfix\/access\.db: skipped: binary \(a NUL byte in the first 8,000 bytes; UTF-16 needs a byte-order mark to be read\)$/m);
      assert.match(found.stdout, /in 1 of 1 files\. 1 file skipped \(not text\)\.$/m);
      const named = cli(['check', 'postfix/access.db'], root);
      assert.equal(named.code, 2);
      assert.match(named.stderr, /^postfix\/access\.db: not checked: binary/m);
    } finally {
      remove(root);
    }
  });

  test('UTF-16 (either byte order) and UTF-8 with a byte-order mark are read; UTF-32 is named and not checked', () => {
    const text = `# sender access\n${mismatch('a')}\n`;
    const root = tree({
      'be_access': utf16be(text),
      'le_access': utf16le(text),
      'bom_access': utf8bom(text),
      'wide_access': Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), Buffer.from(text.split('').map((c) => `${c}\0\0\0`).join(''), 'latin1')]),
    });
    try {
      const { code, stdout, stderr } = cliInProcess(['check'], root);
      assert.equal(code, 2);
      assert.deepEqual(lines(stdout).map((line) => line.split(' ').slice(0, 3).join(' ')), [
        'be_access:2:10 error class-mismatch',
        'bom_access:2:10 error class-mismatch',
        'le_access:2:10 error class-mismatch',
        '3 problems (3',
      ]);
      assert.match(stderr, /^wide_access: not checked: the text is in UTF-32LE \(byte-order mark fffe0000\), an encoding that is not read; convert it to UTF-8 or UTF-16 to check it$/m);
    } finally {
      remove(root);
    }
  });
});

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
