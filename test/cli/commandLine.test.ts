import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { reasonOf } from '../../server/src/cli/files';
import { cliInProcess, commandInProcess, lines, mismatch, remove, tree } from './cliProcess';

/** Runs `check`, `explain` or a bare option in a directory of its own, removed afterwards. */
function inTree<T>(files: Record<string, string | Uint8Array>, use: (root: string) => T): T {
  const root = tree(files);
  try {
    return use(root);
  } finally {
    remove(root);
  }
}

const firstLine = (text: string) => text.split('\n')[0];

const CLASS_MISMATCH = 'a@example.net REJECT 4.7.1 Sender blocked';
const UNREGISTERED = 'b@example.net REJECT 5.7.299 Internal block';
const MISSING_CODE = 'forged.example REJECT SPF check failed for this sender';

const QUOTED_LOG = 'Nov 30 01:00:00 mx postfix/smtp[123]: 4B1C21A0F2: to=<a@b.example>, relay=mx.b.example[192.0.2.1]:25, dsn=5.1.1, status=bounced (host mx.b.example[192.0.2.1] said: 550 4.1.1 <a@b.example>: Recipient address rejected (in reply to RCPT TO command))\n';
const QUOTED_BOUNCE = [
  'From: Mail Delivery System <MAILER-DAEMON@mx.example.com>',
  'To: alice@example.com',
  'Subject: Undelivered Mail Returned to Sender',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
  '',
  '--B',
  'Content-Type: message/delivery-status',
  '',
  'Final-Recipient: rfc822; bob@example.net',
  'Action: failed',
  'Status: 5.1.1',
  'Diagnostic-Code: smtp; 550 4.1.1 <bob@example.net>: Recipient address rejected',
  '',
  '--B--',
  '',
].join('\n');
const QUOTED_DOCS = '# Blocklists\n\nWith this entry a listed client gets the reply\n\n    zen.spamhaus.org=127.0.0.10 521 4.7.1 Service unavailable\n\nand the connection is closed.\n';

describe('the command line reads its arguments', () => {
  test('bad usage: the problem on the first line, then the usage, exit 2', () => {
    const table: Array<[string[], string]> = [
      [[], 'no command given'],
      [['frobnicate'], 'unknown command frobnicate'],
      [['check', '--colour'], 'unknown option --colour'],
      [['check', '--format'], '--format needs a value'],
      [['check', '--fail-on'], '--fail-on needs a value'],
      [['check', '--config'], '--config needs a value'],
      [['check', '--max-file-size'], '--max-file-size needs a value'],
      [['check', '--format', 'xml'], '--format must be text, json or sarif, not xml'],
      [['check', '--fail-on', 'fatal'], '--fail-on must be one of error, warning, information, hint or none, not fatal'],
      [['check', '--fail-on', 'off'], '--fail-on must be one of error, warning, information, hint or none, not off'],
      [['check', '--diff', '--fix'], '--diff shows what --fix would change; give one of them'],
      [['check', '--diff', '--format', 'json'], '--diff prints a unified diff, so it takes no --format'],
      [['check', '--max-file-size', '1e6'], '--max-file-size takes a number of characters, not 1e6'],
      [['check', '--max-file-size', '-5'], '--max-file-size takes a number of characters, not -5'],
      [['check', '--max-file-size', '10MB'], '--max-file-size takes a number of characters, not 10MB'],
      [['check', '--max-file-size', '99999999999999999999'], '--max-file-size takes a number of characters, not 99999999999999999999'],
      [['explain'], 'explain needs a code, such as 5.7.26'],
      [['explain', '5.7.26', '5.7.1'], '"5.7.26 5.7.1" is not an enhanced status code such as 5.7.26'],
      [['explain', '3.1.1'], '"3.1.1" is not an enhanced status code such as 5.7.26'],
      [['explain', '5.1234.1'], '"5.1234.1" is not an enhanced status code such as 5.7.26'],
      [['explain', '5.1.1x'], '"5.1.1x" is not an enhanced status code such as 5.7.26'],
      [['explain', 'x5.1.1'], '"x5.1.1" is not an enhanced status code such as 5.7.26'],
      [['explain', '550'], '"550" is not an enhanced status code such as 5.7.26'],
    ];
    inTree({ 'sender_access': `${CLASS_MISMATCH}\n` }, (root) => {
      for (const [args, problem] of table) {
        const { code, stdout, stderr } = cliInProcess(args, root);
        assert.equal(code, 2, args.join(' '));
        assert.equal(stdout, '', args.join(' '));
        assert.equal(firstLine(stderr), `smtp-status-codes: ${problem}`, args.join(' '));
        assert.match(stderr, /\n\nusage: smtp-status-codes check \[paths or globs \.\.\.\] \[options\]\n/, args.join(' '));
        assert.match(stderr, /\nsummary options:\n/, args.join(' '));
      }
    });
  });

  test('--version, -v, --help, -h and help answer on standard output and exit 0', () => {
    inTree({}, (root) => {
      for (const flag of ['--version', '-v']) assert.deepEqual(cliInProcess([flag], root), { code: 0, stdout: 'development\n', stderr: '' });
      for (const flag of ['--help', '-h', 'help']) {
        const { code, stdout, stderr } = cliInProcess([flag], root);
        assert.equal(code, 0);
        assert.equal(stderr, '');
        assert.equal(firstLine(stdout), 'usage: smtp-status-codes check [paths or globs ...] [options]');
        assert.match(stdout, /^ {2}--fail-on LEVEL {12}exit 1 on findings at or above error\|warning\|information\|hint, or none \(default error\)$/m);
        assert.match(stdout, /\n\nsummary options:\n {2}--format text\|json\|markdown /);
        assert.doesNotMatch(stdout, /usage: smtp-status-codes summary FILES/, 'the summary usage is not repeated whole');
      }
    });
  });

  test('bad usage of summary prints the summary usage alone, exit 2', async () => {
    const root = tree({ 'maillog': 'Nov 30 01:00:00 mx postfix/qmgr[99]: 4B1C21A0F2: removed\n' });
    try {
      for (const [args, problem] of [[['summary', '--top', 'lots', 'maillog'], '--top takes a positive whole number, not lots'], [['summary'], 'summary needs at least one log file (or - for standard input)']] as const) {
        const { code, stdout, stderr } = await commandInProcess([...args], root);
        assert.equal(code, 2);
        assert.equal(stdout, '');
        assert.equal(firstLine(stderr), `smtp-status-codes: ${problem}`);
        assert.match(stderr, /\n\nusage: smtp-status-codes summary FILES\.\.\. /);
        assert.doesNotMatch(stderr, /check options:/);
      }
    } finally {
      remove(root);
    }
  });

  test('options and paths in any order; no path checks the working directory', () => {
    inTree({ 'postfix/sender_access': `${CLASS_MISMATCH}\n`, 'other_access': `${mismatch('o@example.net')}\n` }, (root) => {
      const afterPath = cliInProcess(['check', 'postfix', '--fail-on', 'none', '--format', 'json'], root);
      assert.equal(afterPath.code, 0);
      assert.deepEqual(JSON.parse(afterPath.stdout).map((f: { path: string }) => f.path), ['postfix/sender_access']);
      const whole = cliInProcess(['check'], root);
      assert.equal(whole.code, 1);
      assert.deepEqual(lines(whole.stdout).map((line) => line.split(' ')[0]), ['other_access:1:22', 'postfix/sender_access:1:22', '2']);
    });
  });
});

describe('--fail-on decides the exit code from the severities found', () => {
  test('each level fails on findings at or above it, none never does', () => {
    const files = {
      'error_access': `${CLASS_MISMATCH}\n`,
      'warning_access': `${UNREGISTERED}\n`,
      'information_access': `${MISSING_CODE}\n`,
      'hint_access': `${MISSING_CODE}\n`,
      'hints.json': '{ "smtpStatusCodes.severity": { "missing-code": "hint" } }',
    };
    const expected: Record<string, Record<string, number>> = {
      error_access: { error: 1, warning: 1, information: 1, hint: 1, none: 0 },
      warning_access: { error: 0, warning: 1, information: 1, hint: 1, none: 0 },
      information_access: { error: 0, warning: 0, information: 1, hint: 1, none: 0 },
      hint_access: { error: 0, warning: 0, information: 0, hint: 1, none: 0 },
    };
    inTree(files, (root) => {
      for (const [file, codes] of Object.entries(expected)) {
        const config = file === 'hint_access' ? ['--config', 'hints.json'] : [];
        const severity = file.replace('_access', '');
        const json = cliInProcess(['check', file, '--format', 'json', '--fail-on', 'none', ...config], root);
        assert.deepEqual(JSON.parse(json.stdout).map((f: { severity: string }) => f.severity), [severity]);
        for (const [level, code] of Object.entries(codes)) assert.equal(cliInProcess(['check', file, '--fail-on', level, ...config], root).code, code, `${file} --fail-on ${level}`);
      }
    });
  });

  test('every finding carries its severity, code, message and range in JSON and in text', () => {
    inTree({ 'sender_access': [CLASS_MISMATCH, UNREGISTERED, MISSING_CODE, ''].join('\n') }, (root) => {
      const json = cliInProcess(['check', '--format', 'json'], root);
      assert.equal(json.code, 1);
      assert.deepEqual(JSON.parse(json.stdout), [
        { path: 'sender_access', line: 1, column: 22, endLine: 1, endColumn: 27, severity: 'error', code: 'class-mismatch', message: '4.7.1 is a transient failure code but REJECT (a permanent failure) needs class 5: write 5.7.1, or change the action.' },
        { path: 'sender_access', line: 2, column: 22, endLine: 2, endColumn: 29, severity: 'warning', code: 'unregistered-code', message: '5.7.299 is not in the IANA registry of enhanced status codes: subject X.7 (Security or Policy Status) has no detail 299.' },
        { path: 'sender_access', line: 3, column: 16, endLine: 3, endColumn: 22, severity: 'information', code: 'missing-code', message: 'REJECT SPF check failed for this sender has no enhanced status code, so Postfix adds its generic 5.7.1; the text says "SPF validation failed": write 5.7.23.' },
      ]);
      assert.equal(lines(cliInProcess(['check'], root).stdout).at(-1), '3 problems (1 errors, 1 warnings, 1 infos, 0 hints) in 1 of 1 files.');
    });
  });
});

describe('settings files', () => {
  test('VS Code settings with comments, trailing commas, and strings holding // and /* are read', () => {
    const settings = [
      '{',
      '  // mail team: codes of our own policy service',
      '  "smtpStatusCodes.knownCodes": { "5.7.299": "Internal block, see https://wiki.example.net/mail/policy /* not a comment */ \\"blocked\\" // nor this" },',
      '  /* the relays',
      '     forward these */',
      '  "smtpStatusCodes.severity.class-mismatch": "hint",',
      '  "editor.rulers": [100,],',
      '}',
      '',
    ].join('\n');
    inTree({ 'sender_access': `${CLASS_MISMATCH}\n${UNREGISTERED}\n`, '.vscode/settings.json': settings }, (root) => {
      const { code, stdout, stderr } = cliInProcess(['check', 'sender_access', '--fail-on', 'warning'], root);
      assert.equal(stderr, '');
      assert.equal(code, 0, 'the one finding left is a hint');
      assert.deepEqual(lines(stdout), [
        'sender_access:1:22 hint class-mismatch 4.7.1 is a transient failure code but REJECT (a permanent failure) needs class 5: write 5.7.1, or change the action.',
        '1 problem (0 errors, 0 warnings, 0 infos, 1 hints) in 1 of 1 files.',
      ]);
    });
  });

  test('--config, over the workspace settings, takes the smtpStatusCodes section, a file holding only that section, or flat keys; its problems are named', () => {
    const shapes: Record<string, string> = {
      'nested.json': JSON.stringify({ 'editor.tabSize': 2, smtpStatusCodes: { severity: { 'class-mismatch': 'warning' } } }),
      'section.json': JSON.stringify({ severity: { 'class-mismatch': 'warning' } }),
      'flat.json': JSON.stringify({ 'smtpStatusCodes.severity': { 'class-mismatch': 'warning' } }),
      'deep.json': JSON.stringify({ 'smtpStatusCodes.severity.class-mismatch': 'warning', 'smtpStatusCodes.severity.unregistered-code': 'off' }),
    };
    const workspace = { '.vscode/settings.json': '{ "smtpStatusCodes.severity": { "class-mismatch": "hint" } }' };
    inTree({ 'conf/sender_access': `${CLASS_MISMATCH}\n`, ...workspace, ...Object.fromEntries(Object.entries(shapes).map(([name, text]) => [`settings/${name}`, text])) }, (root) => {
      assert.match(cliInProcess(['check', 'conf'], root).stdout, /^conf\/sender_access:1:22 hint class-mismatch /, 'without --config, the workspace settings');
      for (const name of Object.keys(shapes)) {
        const { code, stdout, stderr } = cliInProcess(['check', 'conf', '--config', `settings/${name}`], root);
        assert.equal(stderr, '', name);
        assert.equal(code, 0, name);
        assert.match(stdout, /^conf\/sender_access:1:22 warning class-mismatch /, name);
      }
    });
    inTree({ 'sender_access': `${CLASS_MISMATCH}\n`, 'team.json': '{ "smtpStatusCodes.maxNumberOfProblems": -1, "smtpStatusCodes.severity": { "class-mismatch": "fatal" } }' }, (root) => {
      const { code, stderr } = cliInProcess(['check', 'sender_access', '--config', 'team.json'], root);
      assert.equal(code, 1);
      assert.deepEqual(lines(stderr).map((line) => line.split(':')[0]), ['team.json', 'team.json']);
    });
  });

  test('a settings file that cannot be read stops the run with exit 2 and the reason', () => {
    inTree({ 'sender_access': `${CLASS_MISMATCH}\n`, 'broken.json': '{ "smtpStatusCodes.severity": ', 'conf.d/keep': '' }, (root) => {
      const table: Array<[string, RegExp]> = [
        ['missing.json', /^cannot read settings from missing\.json: no such file or directory \(ENOENT\)$/],
        ['conf.d', /^cannot read settings from conf\.d: a directory$/],
        ['broken.json', /^cannot read settings from broken\.json: .*JSON/],
        ['/dev/null', /^cannot read settings from \/dev\/null: a character device, not a file$/],
      ];
      for (const [config, message] of table) {
        const { code, stdout, stderr } = cliInProcess(['check', '--config', config], root);
        assert.equal(code, 2, config);
        assert.equal(stdout, '', config);
        assert.match(stderr.trimEnd(), message, config);
      }
    });
  });
});

describe('the size limit', () => {
  test('a file of exactly --max-file-size characters is checked, one more is not; the byte bound allows three bytes a character and a BOM', () => {
    const euros = (count: number) => '\u20ac'.repeat(count);
    inTree({
      'exact.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(euros(12), 'utf8')]),
      'over.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(euros(13), 'utf8')]),
      'ascii.txt': 'x'.repeat(12),
    }, (root) => {
      const exact = cliInProcess(['check', '--max-file-size', '12', 'exact.txt', 'ascii.txt'], root);
      assert.deepEqual(exact, { code: 0, stdout: 'No problems in 2 files.\n', stderr: '' });
      const over = cliInProcess(['check', '--max-file-size', '12', 'over.txt'], root);
      assert.equal(over.code, 2);
      assert.equal(over.stderr, 'over.txt: not checked: 42 bytes, more than 12 characters (--max-file-size); raise --max-file-size to check it\n');
      assert.equal(over.stdout, 'No problems in 0 files. 1 file not checked.\n');
      const oneMore = cliInProcess(['check', '--max-file-size', '11', 'ascii.txt'], root);
      assert.equal(oneMore.stderr, 'ascii.txt: not checked: 12 characters, more than 11 (--max-file-size); raise --max-file-size to check it\n');
    });
  });
});

describe('paths as the user reads them', () => {
  test('inside the working directory relative, outside it absolute, and too long to read shortened in the middle', () => {
    const outside = tree({ 'sender_access': `${mismatch('far@example.net')}\n` });
    try {
      inTree({ 'postfix/sender_access': `${mismatch('near@example.net')}\n` }, (root) => {
        const work = path.join(root, 'postfix');
        const { stdout } = cliInProcess(['check', '.', path.join(outside, 'sender_access'), '--fail-on', 'none'], work);
        assert.deepEqual(lines(stdout).map((line) => line.split(' ')[0]), ['sender_access:1:25', `${path.join(outside, 'sender_access')}:1:24`, '2']);
        const parent = cliInProcess(['check', '../postfix/sender_access', '--format', 'json', '--fail-on', 'none'], path.join(root, 'postfix'));
        assert.equal(JSON.parse(parent.stdout)[0].path, 'sender_access');

        const long = (length: number) => `${'d'.repeat(length - 14)}/sender_access`;
        const fits = cliInProcess(['check', long(200)], root);
        assert.equal(fits.stderr, `${long(200)}: cannot read it: no such file or directory (ENOENT)\n`);
        const cut = cliInProcess(['check', long(201)], root);
        assert.equal(cut.stderr, `${'d'.repeat(80)}…${'d'.repeat(66)}/sender_access (201 characters): cannot read it: no such file or directory (ENOENT)\n`);
      });
    } finally {
      remove(outside);
    }
  });

  test('a working directory that is gone is named by its own name, its parent by its absolute path', () => {
    const gone = path.join(os.tmpdir(), `smtp-cli-gone-${process.pid}`, 'etc');
    const { code, stderr } = cliInProcess(['check', '.', '..'], gone);
    assert.equal(code, 2);
    assert.deepEqual(lines(stderr), [
      'etc: cannot read it: no such file or directory (ENOENT)',
      `${path.dirname(gone)}: cannot read it: no such file or directory (ENOENT)`,
    ]);
  });
});

describe('--fix and --diff say what they did', () => {
  test('with --format json, the fixes are told on standard error and standard output holds only the JSON', () => {
    inTree({ 'sender_access': `${CLASS_MISMATCH}\n${UNREGISTERED}\n` }, (root) => {
      const { code, stdout, stderr } = cliInProcess(['check', '--fix', '--format', 'json'], root);
      assert.equal(code, 0);
      assert.equal(stderr, 'sender_access:1:22 fixed class-mismatch: Replace 4.7.1 with 5.7.1 (Delivery not authorized, message refused)\n');
      assert.deepEqual(JSON.parse(stdout).map((f: { code: string; line: number }) => [f.line, f.code]), [[2, 'unregistered-code']]);
      assert.equal(fs.readFileSync(path.join(root, 'sender_access'), 'utf8'), `${CLASS_MISMATCH.replace('4.7.1', '5.7.1')}\n${UNREGISTERED}\n`);
    });
  });

  test('a symbolic link is fixed in its target, and the run says so', () => {
    inTree({ 'real/sender_access': `${CLASS_MISMATCH}\n` }, (root) => {
      fs.symlinkSync(path.join('real', 'sender_access'), path.join(root, 'link_access'));
      const target = fs.realpathSync(path.join(root, 'real', 'sender_access'));
      const { code, stdout } = cliInProcess(['check', '--fix', 'link_access'], root);
      assert.equal(code, 0);
      assert.deepEqual(lines(stdout), [
        `link_access: a symbolic link; fixed its target ${target}`,
        'link_access:1:22 fixed class-mismatch: Replace 4.7.1 with 5.7.1 (Delivery not authorized, message refused)',
        'No problems in 1 file. Fixed 1 problem in 1 file.',
      ]);
      assert.ok(fs.lstatSync(path.join(root, 'link_access')).isSymbolicLink());
      const plain = cliInProcess(['check', '--fix', path.join('real', 'sender_access')], root);
      assert.equal(plain.stdout, 'No problems in 1 file. Fixed 0 problems in 0 files.\n', 'nothing left to fix, and no word of a link');
    });
  });

  test('logs, bounces and documentation are left as they are, however wrong the replies they quote', () => {
    inTree({ 'logs/maillog': QUOTED_LOG, 'bounce.eml': QUOTED_BOUNCE, 'docs/README.md': QUOTED_DOCS }, (root) => {
      const { code, stdout, stderr } = cliInProcess(['check', '--fix', '--fail-on', 'none'], root);
      assert.equal(code, 0);
      assert.equal(stderr, '');
      assert.match(stdout, / Fixed 0 problems in 0 files\.$/m);
      assert.equal(fs.readFileSync(path.join(root, 'logs', 'maillog'), 'utf8'), QUOTED_LOG);
      assert.equal(fs.readFileSync(path.join(root, 'bounce.eml'), 'utf8'), QUOTED_BOUNCE);
      assert.equal(fs.readFileSync(path.join(root, 'docs', 'README.md'), 'utf8'), QUOTED_DOCS);
    });
  });

  test('a file that smtpStatusCodes.fileKinds calls Postfix configuration is fixed, whatever its name suggests', () => {
    const settings = '{ "smtpStatusCodes.fileKinds": { "rejects.log": "postfix" } }';
    inTree({ 'rejects.log': `${CLASS_MISMATCH}\n`, '.vscode/settings.json': settings }, (root) => {
      const { code, stdout, stderr } = cliInProcess(['check', '--fix', 'rejects.log'], root);
      assert.equal(stderr, '');
      assert.equal(code, 0);
      assert.deepEqual(lines(stdout), [
        'rejects.log:1:22 fixed class-mismatch: Replace 4.7.1 with 5.7.1 (Delivery not authorized, message refused)',
        'No problems in 1 file. Fixed 1 problem in 1 file.',
      ]);
      assert.equal(fs.readFileSync(path.join(root, 'rejects.log'), 'utf8'), `${CLASS_MISMATCH.replace('4.7.1', '5.7.1')}\n`);
    });
  });

  test('--diff names files in subdirectories with / and writes the summary to standard error', () => {
    inTree({ 'etc/postfix/sender_access': `# senders\n${CLASS_MISMATCH}\n` }, (root) => {
      const { code, stdout, stderr } = cliInProcess(['check', '--diff', '--format', 'text'], root);
      assert.equal(code, 0);
      assert.equal(stdout, [
        '--- a/etc/postfix/sender_access',
        '+++ b/etc/postfix/sender_access',
        '@@ -1,2 +1,2 @@',
        ' # senders',
        '-a@example.net REJECT 4.7.1 Sender blocked',
        '+a@example.net REJECT 5.7.1 Sender blocked',
        '',
      ].join('\n'));
      assert.deepEqual(lines(stderr), [
        'etc/postfix/sender_access:2:22 would fix class-mismatch: Replace 4.7.1 with 5.7.1 (Delivery not authorized, message refused)',
        'No problems in 1 file. Would fix 1 problem in 1 file.',
      ]);
    });
  });
});

describe('maxNumberOfProblems', () => {
  const warnings = (count: number) => Array.from({ length: count }, (_, i) => `u${i}@example.net REJECT 5.7.${200 + i} Blocked`);

  test('beyond the cap, only the findings at or above --fail-on are listed, in their place in the file', () => {
    const text = [mismatch('first@example.net'), ...warnings(3), MISSING_CODE, mismatch('last@example.net'), ''].join('\n');
    inTree({ 'sender_access': text, 'cap.json': '{ "smtpStatusCodes.maxNumberOfProblems": 2 }' }, (root) => {
      const at = (level: string) => cliInProcess(['check', '--config', 'cap.json', '--fail-on', level, 'sender_access'], root);
      const byError = at('error');
      assert.equal(byError.code, 1);
      assert.deepEqual(lines(byError.stdout).map((line) => line.split(' ').slice(0, 3).join(' ')), [
        'sender_access:1:26 error class-mismatch', 'sender_access:2:23 warning unregistered-code', 'sender_access:6:25 error class-mismatch', '3 problems (2',
      ]);
      assert.equal(byError.stderr, 'sender_access: more than 2 problems (smtpStatusCodes.maxNumberOfProblems): the first 2 are listed, and 1 more at or above --fail-on error\n');
      const byWarning = at('warning');
      assert.deepEqual(lines(byWarning.stdout).map((line) => line.split(' ')[0]), ['sender_access:1:26', 'sender_access:2:23', 'sender_access:3:23', 'sender_access:4:23', 'sender_access:6:25', '5']);
      assert.equal(byWarning.stderr, 'sender_access: more than 2 problems (smtpStatusCodes.maxNumberOfProblems): the first 2 are listed, and 3 more at or above --fail-on warning\n');
      const byHint = at('hint');
      assert.equal(lines(byHint.stdout).length, 7, 'every finding, the information included');
      const byNone = at('none');
      assert.equal(byNone.code, 0);
      assert.equal(lines(byNone.stdout).length, 3);
      assert.equal(byNone.stderr, 'sender_access: more than 2 problems (smtpStatusCodes.maxNumberOfProblems): the first 2 are listed\n');
    });
  });

  test('a check turned off stays off beyond the cap', () => {
    const text = [...warnings(3), mismatch('first@example.net'), mismatch('last@example.net'), ''].join('\n');
    const settings = '{ "smtpStatusCodes.maxNumberOfProblems": 1, "smtpStatusCodes.severity": { "unregistered-code": "off", "class-mismatch": "warning" } }';
    inTree({ 'sender_access': text, 'cap.json': settings }, (root) => {
      const { code, stdout, stderr } = cliInProcess(['check', '--config', 'cap.json', '--fail-on', 'hint', 'sender_access'], root);
      assert.equal(code, 1);
      assert.deepEqual(lines(stdout).map((line) => line.split(' ').slice(0, 3).join(' ')), ['sender_access:4:26 warning class-mismatch', 'sender_access:5:25 warning class-mismatch', '2 problems (0']);
      assert.equal(stderr, 'sender_access: more than 1 problems (smtpStatusCodes.maxNumberOfProblems): the first 1 are listed, and 1 more at or above --fail-on hint\n');
    });
  });
});

describe('explain', () => {
  test('prints the registry entry and the bounce reason as plain text: links as text <address>, no emphasis marks', () => {
    inTree({}, (root) => {
      const { code, stdout, stderr } = cliInProcess(['explain', '4.2.2'], root);
      assert.equal(code, 0);
      assert.equal(stderr, '');
      assert.equal(stdout, [
        '4.2.2 Mailbox full',
        '',
        '4: Persistent Transient Failure · X.2: Mailbox Status',
        '',
        'The mailbox is full because the user has exceeded a per-mailbox administrative quota or physical capacity. The general semantics implies that the recipient can delete messages to make more space available. This code should be used as a persistent transient failure.',
        '',
        'Reply codes: 552 · Usage: persistent transient failures only (4.X.X)',
        '',
        'Defined in RFC 3463 <https://www.rfc-editor.org/rfc/rfc3463> (Standards Track) · IANA registry entry X.2.2 <https://www.iana.org/assignments/smtp-enhanced-status-codes/smtp-enhanced-status-codes.xhtml>',
        '',
        'Bounce reason: mailbox full, soft: temporary, a later attempt may succeed',
        '',
        "The recipient's mailbox or quota is full; X.2.2: mailbox full. Send again later; the recipient has to make room.",
        '',
      ].join('\n'));
    });
  });

  test("a provider's own code is read with the provider's words: its bounce reason comes from them", () => {
    inTree({}, (root) => {
      const { stdout } = cliInProcess(['explain', '5.7.606'], root);
      assert.match(stdout, /^Bounce reason: blocked, hard: permanent, resending unchanged fails again$/m);
      assert.doesNotMatch(stdout, /[*[\]]/);
    });
  });
});

describe('globs on the command line', () => {
  /** Every file holds one class mismatch, so the paths of the findings are the files checked. */
  const NAMES = [
    'postfix/sender_access', 'postfix/client_access', 'postfix/main.cf', 'postfix/master.cf', 'postfix/deep/x_access', 'postfix/deep/er/y_access',
    'postfix/a*b', 'postfix/axxb', 'postfix/access-1', 'postfix/access-2', 'postfix/access-9', 'postfix/x', 'postfix/[x', 'postfix/-', 'postfix/end\\',
  ];
  const table: Array<[string, string[]]> = [
    ['postfix/*_access', ['postfix/client_access', 'postfix/sender_access']],
    ['postfix/**/*_access', ['postfix/client_access', 'postfix/deep/er/y_access', 'postfix/deep/x_access', 'postfix/sender_access']],
    ['postfix/deep/**', ['postfix/deep/er/y_access', 'postfix/deep/x_access']],
    ['**/main.cf', ['postfix/main.cf']],
    ['postfix//*.cf', ['postfix/main.cf', 'postfix/master.cf']],
    ['postfix/?ain.cf', ['postfix/main.cf']],
    ['postfix/m??n.cf', ['postfix/main.cf']],
    ['postfix/[ms]a*.cf', ['postfix/main.cf', 'postfix/master.cf']],
    ['postfix/[!abcm-z]*', ['postfix/-', 'postfix/[x', 'postfix/end\\']],
    ['postfix/[^abcm-z]*', ['postfix/-', 'postfix/[x', 'postfix/end\\']],
    ['postfix/access-[1-3]', ['postfix/access-1', 'postfix/access-2']],
    ['postfix/access-[!1-3]', ['postfix/access-9']],
    ['postfix/access-[19]', ['postfix/access-1', 'postfix/access-9']],
    ['postfix/[x-]', ['postfix/-', 'postfix/x']],
    ['postfix/a*b', ['postfix/a*b', 'postfix/axxb']],
    ['postfix/a\\*b', ['postfix/a*b']],
    ['postfix/[x', ['postfix/[x']],
    ['postfix/*\\', ['postfix/end\\']],
    ['postfix/*', ['postfix/-', 'postfix/[x', 'postfix/a*b', 'postfix/access-1', 'postfix/access-2', 'postfix/access-9', 'postfix/axxb', 'postfix/client_access', 'postfix/end\\', 'postfix/main.cf', 'postfix/master.cf', 'postfix/sender_access', 'postfix/x']],
  ];

  test('* ? [set] [!set] [a-z] \\ and ** choose the files as a shell would', () => {
    inTree(Object.fromEntries(NAMES.map((name) => [name, `${CLASS_MISMATCH}\n`])), (root) => {
      for (const [glob, expected] of table) {
        const { code, stdout, stderr } = cliInProcess(['check', glob, '--format', 'json', '--fail-on', 'none'], root);
        assert.equal(stderr, '', glob);
        assert.equal(code, 0, glob);
        assert.deepEqual(JSON.parse(stdout).map((finding: { path: string }) => finding.path).sort(), expected, glob);
      }
      const absolute = cliInProcess(['check', `${root}/postfix/m*.cf`, '--format', 'json', '--fail-on', 'none'], root);
      assert.deepEqual(JSON.parse(absolute.stdout).map((finding: { path: string }) => finding.path), ['postfix/main.cf', 'postfix/master.cf']);
    });
  });

  test('a glob that matches nothing, or whose directory is missing or a file, is told and fails the run', () => {
    inTree({ 'postfix/main.cf': `${CLASS_MISMATCH}\n` }, (root) => {
      const table: Array<[string, string]> = [
        ['postfix/*.db', 'postfix/*.db: no file matches it'],
        ['exim/*.conf', 'exim/*.conf: no file matches it: cannot read exim: no such file or directory (ENOENT)'],
        ['postfix/main.cf/*', 'postfix/main.cf/*: no file matches it: postfix/main.cf is not a directory'],
      ];
      for (const [glob, message] of table) {
        const { code, stdout, stderr } = cliInProcess(['check', glob], root);
        assert.equal(code, 2, glob);
        assert.equal(stderr, `${message}\n`, glob);
        assert.equal(stdout, 'No problems in 0 files. 1 path could not be read.\n', glob);
      }
    });
  });

  test('a binary file a glob names is not checked, as if named: the run fails', () => {
    inTree({ 'postfix/access.db': Buffer.from([0, 1, 2, 0x35, 0x2e, 0x37, 0x2e, 0x31, 0, 255]), 'postfix/sender_access': `${CLASS_MISMATCH}\n` }, (root) => {
      const { code, stderr } = cliInProcess(['check', 'postfix/*.db'], root);
      assert.equal(code, 2);
      assert.match(stderr, /^postfix\/access\.db: not checked: binary /);
    });
  });
});

describe('what a directory holds', () => {
  test('.git, node_modules, .hg and .svn are never walked; a file in them named on the command line is checked', () => {
    const files = Object.fromEntries(['.git', 'node_modules', '.hg', '.svn', 'conf'].map((directory) => [`${directory}/sender_access`, `${CLASS_MISMATCH}\n`]));
    inTree(files, (root) => {
      const walked = cliInProcess(['check', '--format', 'json'], root);
      assert.deepEqual(JSON.parse(walked.stdout).map((finding: { path: string }) => finding.path), ['conf/sender_access']);
      const named = cliInProcess(['check', '--format', 'json', 'node_modules/sender_access'], root);
      assert.deepEqual(JSON.parse(named.stdout).map((finding: { path: string }) => finding.path), ['node_modules/sender_access']);
    });
  });

  test('symbolic links: to a file checked, to a directory skipped with a word, dangling or looping told as failures', () => {
    inTree({ 'real/sender_access': `${CLASS_MISMATCH}\n`, 'conf/main.cf': 'myhostname = mx.example.com\n' }, (root) => {
      fs.symlinkSync(path.join('..', 'real', 'sender_access'), path.join(root, 'conf', 'linked_access'));
      fs.symlinkSync(path.join('..', 'real'), path.join(root, 'conf', 'linked_dir'));
      fs.symlinkSync('nowhere', path.join(root, 'conf', 'dangling'));
      fs.symlinkSync('loop', path.join(root, 'conf', 'loop'));
      const { code, stdout, stderr } = cliInProcess(['check', 'conf'], root);
      assert.equal(code, 2);
      assert.deepEqual(lines(stderr), [
        'conf/dangling: cannot follow the symbolic link: no such file or directory (ENOENT)',
        'conf/linked_dir: skipped: a symbolic link to a directory, not followed (name it to check it)',
        'conf/loop: cannot follow the symbolic link: too many levels of symbolic links (ELOOP)',
      ]);
      assert.deepEqual(lines(stdout), [
        'conf/linked_access:1:22 error class-mismatch 4.7.1 is a transient failure code but REJECT (a permanent failure) needs class 5: write 5.7.1, or change the action.',
        '1 problem (1 errors, 0 warnings, 0 infos, 0 hints) in 1 of 2 files. 2 paths could not be read. 1 file skipped (not text).',
      ]);
      const named = cliInProcess(['check', 'conf/linked_dir', 'conf/loop'], root);
      assert.equal(named.code, 2);
      assert.equal(named.stderr, 'conf/loop: cannot read it: too many levels of symbolic links (ELOOP)\n');
      assert.match(named.stdout, /^conf\/linked_dir\/sender_access:1:22 error /m, 'a link to a directory named is walked');
    });
  });

  test('a symbolic link to a directory that .gitignore ignores as a directory is not mentioned', () => {
    inTree({ 'real/sender_access': `${CLASS_MISMATCH}\n`, 'conf/.gitignore': 'cache/\n' }, (root) => {
      fs.symlinkSync(path.join('..', 'real'), path.join(root, 'conf', 'cache'));
      const { code, stdout, stderr } = cliInProcess(['check', 'conf'], root);
      assert.deepEqual({ code, stdout, stderr }, { code: 0, stdout: 'No problems in 1 file.\n', stderr: '' });
    });
  });

  test('a .gitignore that cannot be read is told and fails the run; its directory is still checked', () => {
    inTree({ 'a/.gitignore/x': '', 'a/sender_access': `${CLASS_MISMATCH}\n`, 'b/sender_access': `${CLASS_MISMATCH}\n`, 'c/sender_access': `${CLASS_MISMATCH}\n` }, (root) => {
      fs.symlinkSync('.gitignore', path.join(root, 'b', '.gitignore'));
      fs.symlinkSync('missing', path.join(root, 'c', '.gitignore'));
      const { code, stdout, stderr } = cliInProcess(['check'], root);
      assert.equal(code, 2);
      assert.deepEqual(lines(stderr), [
        'a/.gitignore: its rules are not applied: a directory',
        'b/.gitignore: cannot read it, so its rules are not applied: too many levels of symbolic links (ELOOP)',
        'b/.gitignore: cannot follow the symbolic link: too many levels of symbolic links (ELOOP)',
        'c/.gitignore: cannot follow the symbolic link: no such file or directory (ENOENT)',
      ]);
      assert.match(stdout, / in 3 of 4 files\. 4 paths could not be read\.$/m);
    });
  });

  test('pipes and sockets: skipped in a directory, not checked when named', () => {
    inTree({ 'spool/sender_access': `${CLASS_MISMATCH}\n` }, (root) => {
      const fifo = path.join(root, 'spool', 'pipe');
      assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
      const socketPath = path.join(root, 'spool', 'socket');
      const bound = spawnSync(process.execPath, ['-e', `require('net').createServer().listen(${JSON.stringify(socketPath)}, () => process.exit(0))`]);
      assert.equal(bound.status, 0);
      const found = cliInProcess(['check', 'spool'], root);
      assert.equal(found.code, 1);
      assert.deepEqual(lines(found.stderr), ['spool/pipe: skipped: a named pipe (FIFO), not a file', 'spool/socket: skipped: a socket, not a file']);
      assert.match(found.stdout, / in 1 of 1 files\. 2 files skipped \(not text\)\.$/m);
      const named = cliInProcess(['check', 'spool/pipe', 'spool/socket', '/dev/null'], root);
      assert.equal(named.code, 2);
      assert.deepEqual(lines(named.stderr), [
        `${fifo}: not checked: a named pipe (FIFO), not a file`,
        `${socketPath}: not checked: a socket, not a file`,
        '/dev/null: not checked: a character device, not a file',
      ].map((line) => line.replace(`${root}/`, '')));
    });
  });

  test('a file named twice, or named and found in a directory, is checked once, and as named', () => {
    inTree({ 'postfix/access.db': Buffer.from([0, 1, 2, 0x35, 0x2e, 0x37, 0x2e, 0x31, 0, 255]), 'postfix/sender_access': `${CLASS_MISMATCH}\n` }, (root) => {
      for (const args of [['postfix', 'postfix/access.db'], ['postfix/access.db', 'postfix'], ['postfix/*', 'postfix']]) {
        const { code, stdout, stderr } = cliInProcess(['check', ...args], root);
        assert.equal(code, 2, args.join(' '));
        assert.match(stderr, /^postfix\/access\.db: not checked: binary /, args.join(' '));
        assert.equal(lines(stdout).length, 2, args.join(' '));
        assert.match(stdout, / in 1 of 1 files\. 1 file not checked\.$/m, args.join(' '));
      }
    });
  });

  test('files are checked in name order, at each level of the tree', () => {
    const names = ['zeta_access', 'Alpha_access', 'beta/sender_access', 'beta_access', 'a/z/sender_access'];
    inTree(Object.fromEntries(names.map((name) => [name, `${CLASS_MISMATCH}\n`])), (root) => {
      const { stdout } = cliInProcess(['check', '--format', 'json'], root);
      assert.deepEqual(JSON.parse(stdout).map((finding: { path: string }) => finding.path), ['a/z/sender_access', 'Alpha_access', 'beta/sender_access', 'beta_access', 'zeta_access']);
    });
  });
});

describe('file-system errors in words', () => {
  test('each error a path can meet is told in words, with its code', () => {
    const table: Array<[string, string]> = [
      ['EACCES', 'permission denied (EACCES)'], ['EPERM', 'operation not permitted (EPERM)'], ['ENOENT', 'no such file or directory (ENOENT)'],
      ['ENOTDIR', 'a part of the path is not a directory (ENOTDIR)'], ['ENAMETOOLONG', 'the path is too long (ENAMETOOLONG)'],
      ['ELOOP', 'too many levels of symbolic links (ELOOP)'], ['EISDIR', 'is a directory (EISDIR)'], ['EMFILE', 'too many open files (EMFILE)'],
      ['EIO', 'input/output error (EIO)'], ['EROFS', 'read-only file system (EROFS)'], ['ETXTBSY', 'text file busy (ETXTBSY)'], ['EBUSY', 'resource busy (EBUSY)'],
      ['ENXIO', 'no such device or address (ENXIO)'], ['ERR_FS_FILE_TOO_LARGE', 'too large to read at once (ERR_FS_FILE_TOO_LARGE)'],
      ['ERR_STRING_TOO_LONG', 'too large to hold as text (ERR_STRING_TOO_LONG)'], ['ESTALE', 'ESTALE'],
    ];
    for (const [code, words] of table) assert.equal(reasonOf(Object.assign(new Error(`${code}: from the system`), { code })), words);
    assert.equal(reasonOf(new Error('out of memory')), 'out of memory');
    assert.equal(reasonOf('interrupted'), 'interrupted');
  });

  test('paths that cannot be read are told with the reason, the rest is checked', () => {
    inTree({ 'sender_access': `${CLASS_MISMATCH}\n`, 'main.cf': 'myhostname = mx.example.com\n' }, (root) => {
      const tooLong = 'x'.repeat(300);
      const { code, stdout, stderr } = cliInProcess(['check', 'main.cf/sender_access', tooLong, 'sender_access'], root);
      assert.equal(code, 2);
      assert.deepEqual(lines(stderr), [
        'main.cf/sender_access: cannot read it: a part of the path is not a directory (ENOTDIR)',
        `${'x'.repeat(80)}…${'x'.repeat(80)} (300 characters): cannot read it: the path is too long (ENAMETOOLONG)`,
      ]);
      assert.match(stdout, /^sender_access:1:22 error /);
    });
  });
});

describe('encodings', () => {
  const hex = (text: string) => Buffer.from(text.replace(/ /g, ''), 'hex');

  test('a byte-order mark of an encoding that is not read names it, and the file is not checked', () => {
    const table: Array<[string, string]> = [
      ['0000feff', 'UTF-32BE (byte-order mark 0000feff)'],
      ['fffe0000', 'UTF-32LE (byte-order mark fffe0000)'],
      ['2b2f7638', 'UTF-7 (byte-order mark 2b2f7638)'],
      ['2b2f7639', 'UTF-7 (byte-order mark 2b2f7639)'],
      ['2b2f762b', 'UTF-7 (byte-order mark 2b2f762b)'],
      ['2b2f762f', 'UTF-7 (byte-order mark 2b2f762f)'],
      ['dd736673', 'UTF-EBCDIC (byte-order mark dd736673)'],
      ['0efeff', 'SCSU (byte-order mark 0efeff)'],
      ['fbee28', 'BOCU-1 (byte-order mark fbee28)'],
      ['84319533', 'GB18030 (byte-order mark 84319533)'],
    ];
    inTree(Object.fromEntries(table.map(([mark], i) => [`f${i}_access`, Buffer.concat([hex(mark), Buffer.from(`${CLASS_MISMATCH}\n`)])])), (root) => {
      const { code, stdout, stderr } = cliInProcess(['check'], root);
      assert.equal(code, 2);
      assert.deepEqual(lines(stderr), table.map(([, name], i) => `f${i}_access: not checked: the text is in ${name}, an encoding that is not read; convert it to UTF-8 or UTF-16 to check it`));
      assert.equal(stdout, 'No problems in 0 files. 10 files not checked.\n');
    });
    inTree({ 'odd_access': Buffer.concat([hex('feff'), Buffer.from(CLASS_MISMATCH, 'utf16le').swap16(), hex('0a')]), 'plus_access': Buffer.from(`+/v ${CLASS_MISMATCH}\n`) }, (root) => {
      const { stderr, stdout } = cliInProcess(['check'], root);
      assert.equal(stderr, 'odd_access: not checked: the text is in UTF-16 with an odd number of bytes; convert it to UTF-8 or UTF-16 to check it\n');
      assert.match(stdout, /^plus_access:1:26 error class-mismatch/, 'a line that only begins like a UTF-7 mark is text');
    });
  });

  test('UTF-16 in either byte order is fixed and written back in its own encoding', () => {
    const text = `# senders \u{1F4EC}\n${CLASS_MISMATCH}\n`;
    const le = Buffer.concat([hex('fffe'), Buffer.from(text, 'utf16le')]);
    const be = Buffer.concat([hex('feff'), Buffer.from(text, 'utf16le').swap16()]);
    inTree({ 'le_access': le, 'be_access': be }, (root) => {
      const { code, stdout } = cliInProcess(['check', '--fix'], root);
      assert.equal(code, 0);
      assert.deepEqual(lines(stdout).map((line) => line.split(' ')[0]), ['be_access:2:22', 'le_access:2:22', 'No']);
      const fixed = text.replace('4.7.1', '5.7.1');
      assert.ok(fs.readFileSync(path.join(root, 'le_access')).equals(Buffer.concat([hex('fffe'), Buffer.from(fixed, 'utf16le')])));
      assert.ok(fs.readFileSync(path.join(root, 'be_access')).equals(Buffer.concat([hex('feff'), Buffer.from(fixed, 'utf16le').swap16()])));
    });
  });

  test('around a byte that is not UTF-8, each well-formed character is one character and each stray byte another', () => {
    // Well-formed at each bound of the UTF-8 table: U+0080, U+07FF, U+0800, U+D7FF, U+E000, U+FFFF, U+10000, U+10FFFF (10 UTF-16 units).
    const wellFormed = 'c280 dfbf e0a080 ed9fbf ee8080 efbfbf f0908080 f48fbfbf';
    // Not well-formed, one unit a byte: Latin-1 é, an overlong C1, an overlong E0, a surrogate, an overlong F0, beyond U+10FFFF, F5, a lead without its continuation, a bare continuation, the A after the lead one unit too (24 units).
    const stray = 'e9 c180 e09fbf eda080 f08fbfbf f4908080 f5808080 c241 80';
    const key = Buffer.concat([hex(wellFormed), hex(stray)]);
    const original = Buffer.concat([Buffer.from('# legacy keys \u{1F4EC}\n'), key, Buffer.from(' REJECT 4.7.1 Sender blocked\n')]);
    inTree({ 'sender_access': original }, (root) => {
      const checked = cliInProcess(['check', '--format', 'json'], root);
      assert.deepEqual(JSON.parse(checked.stdout).map((f: { line: number; column: number }) => [f.line, f.column]), [[2, 10 + 24 + 9]]);
      cliInProcess(['check', '--fix'], root);
      assert.ok(fs.readFileSync(path.join(root, 'sender_access')).equals(Buffer.concat([Buffer.from('# legacy keys \u{1F4EC}\n'), key, Buffer.from(' REJECT 5.7.1 Sender blocked\n')])));
    });
  });

  test('a NUL byte in the first 8,000 bytes makes a file binary; one after them does not', () => {
    const withNulAt = (offset: number) => Buffer.concat([Buffer.from(`${CLASS_MISMATCH}\n`), Buffer.alloc(offset - CLASS_MISMATCH.length - 1, 0x23), Buffer.from([0])]);
    inTree({ 'early_access': withNulAt(7999), 'late_access': withNulAt(8000) }, (root) => {
      const { code, stdout, stderr } = cliInProcess(['check'], root);
      assert.equal(code, 1);
      assert.equal(stderr, 'early_access: skipped: binary (a NUL byte in the first 8,000 bytes; UTF-16 needs a byte-order mark to be read)\n');
      assert.match(stdout, /^late_access:1:22 error class-mismatch /);
    });
  });
});

describe('the language of a file, from its extension as in the editor', () => {
  test('replies in comments of the file\'s own syntax are unchecked; data is checked as configuration; documentation and logs softly', () => {
    const source = ['.js', '.mjs', '.cjs', '.jsx', '.ts', '.tsx', '.py', '.go', '.java', '.cs', '.c', '.h', '.cc', '.cpp', '.hpp', '.php', '.rb', '.pl', '.pm', '.rs', '.sh', '.bash', '.lua', '.JS', '.Py'];
    const data = ['.json', '.yaml', '.yml', '.toml', '.xml', '.csv', '.sql'];
    const soft = ['.ini', '.md', '.log', '.html', '.htm', '.rst', '.txt', ''];
    const content = '// reply 550 4.7.1 blocked\n# reply 550 4.7.1 blocked\n-- reply 550 4.7.1 blocked\n; reply 550 4.7.1 blocked\nreply 550 4.7.1 blocked\n';
    const all = [...source, ...data, ...soft];
    inTree(Object.fromEntries(all.map((extension) => [`replies${extension}`, content])), (root) => {
      const { stdout } = cliInProcess(['check', '--format', 'json', '--fail-on', 'none'], root);
      const severities = new Map<string, string[]>();
      for (const finding of JSON.parse(stdout) as Array<{ path: string; severity: string }>) severities.set(finding.path, [...(severities.get(finding.path) ?? []), finding.severity]);
      // Source code: every comment line; data and text: the line comments of the language (none in JSON, XML, CSV, Markdown;
      // `;` and `#` in INI).
      const commented: Record<string, number> = { '.yaml': 1, '.yml': 1, '.toml': 1, '.sql': 1, '.ini': 2 };
      // (`;` opens no comment in these languages.)
      for (const extension of source) assert.deepEqual(severities.get(`replies${extension}`), ['error', 'error'], extension);
      for (const extension of data) assert.deepEqual(severities.get(`replies${extension}`), Array(5 - (commented[extension] ?? 0)).fill('error'), extension);
      for (const extension of soft) {
        assert.deepEqual(severities.get(`replies${extension}`), Array(5 - (commented[extension] ?? 0)).fill('information'), extension || 'no extension');
      }
    });
  });
});
