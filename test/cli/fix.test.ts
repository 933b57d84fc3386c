import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { cli, cliInProcess, copyOfExamples, EXAMPLES, lines, mismatch, remove, tree } from './cliProcess';

const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'utf8') : Buffer.from(part))));
/** `text` with every class-mismatched `REJECT 4.7.1` made `REJECT 5.7.1`, bytes around untouched. */
const fixedBytes = (original: Buffer) => Buffer.from(original.toString('latin1').replaceAll('REJECT 4.7.1', 'REJECT 5.7.1'), 'latin1');

describe('--fix', () => {
  test('reaches the fixed point in one run: 300 class mismatches in one file, and a second run changes nothing', () => {
    const original = ['# sender access, one reply per line', ...Array.from({ length: 300 }, (_, i) => mismatch(`user${i}@example.net`)), ''].join('\n');
    const root = tree({ 'sender_access': original });
    const file = path.join(root, 'sender_access');
    try {
      const first = cliInProcess(['check', '--fix'], root);
      assert.equal(first.code, 0);
      assert.equal(fs.readFileSync(file, 'utf8'), original.replaceAll('REJECT 4.7.1', 'REJECT 5.7.1'));
      const said = lines(first.stdout);
      assert.equal(said.length, 301);
      assert.equal(said[0], 'sender_access:2:26 fixed class-mismatch: Replace 4.7.1 with 5.7.1 (Delivery not authorized, message refused)');
      assert.equal(said[300], 'No problems in 1 file. Fixed 300 problems in 1 file.');
      const second = cliInProcess(['check', '--fix'], root);
      assert.equal(second.code, 0);
      assert.equal(second.stdout, 'No problems in 1 file. Fixed 0 problems in 0 files.\n');
      assert.equal(fs.readFileSync(file, 'utf8'), original.replaceAll('REJECT 4.7.1', 'REJECT 5.7.1'));
    } finally {
      remove(root);
    }
  });

  test('changes only the edited span: invalid UTF-8 and Latin-1 bytes, CR, CRLF, LF, a BOM, no final newline, the mode; a link edits its target', () => {
    const original = bytes([0xef, 0xbb, 0xbf], '# caf', [0xe9], ' \r', mismatch('a@example.net'), '\r\n', '# ', [0xff, 0xc3], '\n', mismatch('b@example.net'), '\n', '# \u00e9t\u00e9 ', [0x80], '\r', mismatch('c@example.net'));
    const root = tree({ 'real/sender_access': original });
    const target = path.join(root, 'real', 'sender_access');
    fs.chmodSync(target, 0o640);
    fs.symlinkSync(path.join('real', 'sender_access'), path.join(root, 'link_access'));
    try {
      const { code, stdout } = cli(['check', '--fix', 'link_access'], root);
      assert.equal(code, 0);
      assert.ok(fs.readFileSync(target).equals(fixedBytes(original)), fs.readFileSync(target).toString('latin1'));
      assert.equal(fs.statSync(target).mode & 0o777, 0o640);
      assert.ok(fs.lstatSync(path.join(root, 'link_access')).isSymbolicLink(), 'the link stays a link');
      assert.match(stdout, new RegExp(`^link_access: a symbolic link; fixed its target ${target.replace(/[/\\.]/g, '\\$&')}$`, 'm'));
      assert.deepEqual(lines(stdout).filter((line) => /^\S+:\d+:\d+ fixed /.test(line)).map((line) => line.split(' ')[0]), ['link_access:2:22', 'link_access:4:22', 'link_access:6:22']);
      const again = cli(['check', '--fix', '.'], root);
      assert.equal(again.code, 0);
      assert.ok(fs.readFileSync(target).equals(fixedBytes(original)));
    } finally {
      remove(root);
    }
  });

  test('fixes that meet on one Exim reply agree: a defer with a 550 and no code becomes 450 4.7.1, and a second run is clean', () => {
    const root = tree({ 'exim4.conf': 'acl_check_rcpt:\n  defer   message = 550 Greylisted, try later\n  accept\n' });
    try {
      const { code, stdout } = cliInProcess(['check', '--fix'], root);
      assert.equal(code, 0, stdout);
      assert.equal(fs.readFileSync(path.join(root, 'exim4.conf'), 'utf8'), 'acl_check_rcpt:\n  defer   message = 450 4.7.1 Greylisted, try later\n  accept\n');
      assert.equal(cliInProcess(['check'], root).stdout, 'No problems in 1 file.\n');
    } finally {
      remove(root);
    }
  });

  test('leaves mail logs as they are', () => {
    const log = 'Nov 30 01:00:00 mx postfix/smtp[123]: 4B1C21A0F2: to=<a@b.example>, relay=mx.b.example[192.0.2.1]:25, dsn=5.1.1, status=bounced (host mx.b.example[192.0.2.1] said: 550 4.1.1 <a@b.example>: Recipient address rejected (in reply to RCPT TO command))\n';
    const root = tree({ 'logs/maillog': log, 'sender_access': `${mismatch('c@example.net')}\n` });
    try {
      const { code, stdout } = cliInProcess(['check', '--fix', '--fail-on', 'none'], root);
      assert.equal(code, 0);
      assert.equal(fs.readFileSync(path.join(root, 'logs', 'maillog'), 'utf8'), log);
      assert.match(stdout, / Fixed 1 problem in 1 file\.$/m);
    } finally {
      remove(root);
    }
  });

  test('positions count a lone CR as a line end, as LSP does, and the fix keeps every CR', () => {
    const original = `# sender access\r${mismatch('a@example.net')}\rok@example.net OK\r${mismatch('b@example.net')}\r`;
    const root = tree({ 'sender_access': original });
    try {
      const checked = cliInProcess(['check', '--format', 'json'], root);
      assert.deepEqual(JSON.parse(checked.stdout).map((f: { line: number; column: number; endColumn: number }) => [f.line, f.column, f.endColumn]), [[2, 22, 27], [4, 22, 27]]);
      cliInProcess(['check', '--fix'], root);
      assert.equal(fs.readFileSync(path.join(root, 'sender_access'), 'utf8'), original.replaceAll('4.7.1', '5.7.1'));
    } finally {
      remove(root);
    }
  });

  test('property: around fixable lines, random bytes, line ends and byte-order marks come back unchanged, and a second run changes nothing', () => {
    // No letters or digits in the noise, so that it holds no code and does not change what kind of file this is.
    const noiseByte = fc.oneof(fc.integer({ min: 0x80, max: 0xff }), fc.constantFrom(...Buffer.from(' \t#;:-_=.,()<>"\'/\\!?*+%&@[]{}|~^`$')));
    const noise = fc.array(fc.oneof(noiseByte.map((b) => [b]), fc.constantFrom([0x0a], [0x0d], [0x0d, 0x0a], [...Buffer.from('\u00e9\u20ac\ud83d\ude00', 'utf8')])), { maxLength: 30 }).map((parts) => parts.flat());
    const lineEnd = fc.constantFrom('\n', '\r\n', '\r');
    const root = tree({});
    const file = path.join(root, 'sender_access');
    let runs = 0;
    try {
      fc.assert(fc.property(fc.boolean(), fc.array(fc.tuple(noise, lineEnd), { minLength: 1, maxLength: 4 }), noise, (bom, blocks, tail) => {
        const parts: Array<string | number[]> = bom ? [[0xef, 0xbb, 0xbf]] : [];
        parts.push('#');
        blocks.forEach(([before, end], i) => parts.push(before, end, mismatch(`s${i}@example.net`), end));
        parts.push(tail);
        const original = bytes(...parts);
        fs.writeFileSync(file, original);
        runs++;
        const first = cliInProcess(['check', '--fix', 'sender_access'], root);
        assert.equal(first.code, 0, first.stdout + first.stderr);
        assert.ok(fs.readFileSync(file).equals(fixedBytes(original)), `${original.toString('hex')}\n→ ${fs.readFileSync(file).toString('hex')}`);
        cliInProcess(['check', '--fix', 'sender_access'], root);
        assert.ok(fs.readFileSync(file).equals(fixedBytes(original)), 'a second run changed the file');
      }), { numRuns: 25 });
      assert.equal(runs >= 25, true);
    } finally {
      remove(root);
    }
  });
});

describe('--diff', () => {
  test('prints a unified diff of what --fix would change, and changes nothing', () => {
    const copy = copyOfExamples();
    try {
      const before = fs.readFileSync(path.join(copy, 'postfix', 'sender_access'));
      const { code, stdout, stderr } = cliInProcess(['check', '--diff'], copy);
      assert.equal(code, 0, 'the exit code is the one --fix would give');
      assert.equal(stdout, [
        '--- a/postfix/main.cf',
        '+++ b/postfix/main.cf',
        '@@ -1,3 +1,3 @@',
        ' myhostname = mx1.example.com',
        '-unknown_local_recipient_reject_code = 5.1.1',
        '+unknown_local_recipient_reject_code = 550',
        ' smtpd_sender_restrictions = check_sender_access hash:/etc/postfix/sender_access',
        '--- a/postfix/sender_access',
        '+++ b/postfix/sender_access',
        '@@ -1,4 +1,4 @@',
        ' # Sender restrictions, deployed with postmap hash:/etc/postfix/sender_access',
        ' spammer@example.net         REJECT 5.7.1 We do not accept mail from you',
        '-badguy.example              REJECT 4.7.1 Sender blocked',
        '-forged.example              REJECT SPF check failed for this sender',
        '+badguy.example              REJECT 5.7.1 Sender blocked',
        '+forged.example              REJECT 5.7.23 SPF check failed for this sender',
        '',
      ].join('\n'));
      assert.match(stderr, /^postfix\/sender_access:3:36 would fix class-mismatch: /m);
      assert.match(stderr, /Would fix 3 problems in 2 files\.$/m);
      assert.ok(fs.readFileSync(path.join(copy, 'postfix', 'sender_access')).equals(before));
      assert.ok(fs.readFileSync(path.join(EXAMPLES, 'postfix', 'sender_access')).equals(before));
      assert.equal(cliInProcess(['check', '--diff', '--fix'], copy).code, 2);
    } finally {
      remove(copy);
    }
  });
});
