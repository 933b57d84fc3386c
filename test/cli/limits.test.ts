import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cliInProcess, lines, mismatch, remove, tree } from './cliProcess';

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
      const found = cliInProcess(['check', 'postfix'], root);
      assert.equal(found.code, 1);
      assert.match(found.stderr, /^postfix\/access\.db: skipped: binary \(a NUL byte in the first 8,000 bytes; UTF-16 needs a byte-order mark to be read\)$/m);
      assert.match(found.stdout, /in 1 of 1 files\. 1 file skipped \(not text\)\.$/m);
      const named = cliInProcess(['check', 'postfix/access.db'], root);
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
