import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv-draft-04';
import { ROOT } from '../support/paths';
import { cli, cliInProcess, mismatch, remove, tree } from './cliProcess';

const CLI = path.join(ROOT, 'dist', 'cli.js');
const TREE = path.join(ROOT, 'examples');

/** The bundled command runs as a process where the process matters (the README's command); the rest in this process. */
const run = (args: string[], cwd = TREE) => cliInProcess(args, cwd);

/** SARIF logs are checked against the schema, not typed here. */
type SarifLog = any;
const sarifSchema = JSON.parse(fs.readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
const validSarif = new Ajv({ strict: false, unicodeRegExp: false, validateFormats: false, logger: false }).compile(sarifSchema);

function copyOfTree(): string {
  const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-cli-'));
  fs.cpSync(TREE, copy, { recursive: true });
  return copy;
}

describe('smtp-status-codes command line', () => {
  test('check prints each finding and a summary, honours .gitignore and the workspace settings, and exits 1 on errors', () => {
    const { code, stdout } = run(['check']);
    assert.equal(code, 1);
    assert.deepEqual(stdout.trim().split('\n'), [
      'postfix/main.cf:2:39 error invalid-reply-code unknown_local_recipient_reject_code takes a three-digit reply code such as 550, not an enhanced status code; Postfix adds the enhanced code itself.',
      'postfix/sender_access:3:36 error class-mismatch 4.7.1 is a transient failure code but REJECT (a permanent failure) needs class 5: write 5.7.1, or change the action.',
      'postfix/sender_access:4:29 warning missing-code REJECT SPF check failed for this sender has no enhanced status code, so Postfix adds its generic 5.7.1; the text says "SPF validation failed": write 5.7.23.',
      '3 problems (2 errors, 1 warnings, 0 infos, 0 hints) in 2 of 6 files.',
    ]);
  });

  test("the README's first command shows the planted mistakes and succeeds; the default --fail-on fails on them as CI would", () => {
    const first = spawnSync(process.execPath, [CLI, 'check', 'examples', '--fail-on', 'none'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(first.status, 0);
    assert.match(first.stdout, /^examples\/postfix\/sender_access:3:36 error class-mismatch /m);
    assert.match(first.stdout, /^3 problems \(2 errors, \d warnings, \d infos, 0 hints\) in 2 of 6 files\.$/m);
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    assert.ok(readme.includes('\nnpm ci && npm run package && node dist/cli.js check examples --fail-on none '), 'the README starts with that command');
    assert.equal(spawnSync(process.execPath, [CLI, 'check', 'examples'], { cwd: ROOT, encoding: 'utf8' }).status, 1);
  });

  test('paths and globs choose the files, and --fail-on sets the exit code', () => {
    assert.equal(run(['check', 'postfix/*_access', '--fail-on', 'none']).code, 0);
    assert.match(run(['check', 'postfix/*_access']).stdout, /^postfix\/sender_access:3:36 error class-mismatch/);
    assert.equal(run(['check', 'logs', '--fail-on', 'hint']).code, 0, 'the log has nothing to report');
    assert.equal(run(['check', 'postfix/main.cf', '--fail-on', 'warning']).code, 1);
  });

  test('--format json lists findings with positions', () => {
    const { code, stdout } = run(['check', '--format', 'json']);
    assert.equal(code, 1);
    const findings = JSON.parse(stdout);
    assert.deepEqual(findings[1], {
      path: 'postfix/sender_access', line: 3, column: 36, endLine: 3, endColumn: 41, severity: 'error', code: 'class-mismatch',
      message: '4.7.1 is a transient failure code but REJECT (a permanent failure) needs class 5: write 5.7.1, or change the action.',
    });
  });

  test('--format sarif is valid SARIF 2.1.0, with UTF-16 columns after the BOM and percent-encoded URIs relative to a base', () => {
    const { stdout } = run(['check', '--format', 'sarif']);
    const sarif: SarifLog = JSON.parse(stdout);
    assert.ok(validSarif(JSON.parse(stdout)), JSON.stringify(validSarif.errors, null, 2));
    const results = sarif.runs[0].results;
    assert.equal(results.length, 3);
    assert.deepEqual(results[1].locations[0].physicalLocation, {
      artifactLocation: { uri: 'postfix/sender_access', uriBaseId: '%SRCROOT%' },
      region: { startLine: 3, startColumn: 36, endLine: 3, endColumn: 41 },
    });
    assert.equal(results[1].level, 'error');
    assert.equal(sarif.runs[0].tool.driver.rules[results[1].ruleIndex].id, 'class-mismatch');
    assert.equal(sarif.runs[0].columnKind, 'utf16CodeUnits');
    assert.deepEqual(sarif.runs[0].originalUriBaseIds, { '%SRCROOT%': { uri: `${pathToFileURL(TREE).href}/` } });
    assert.equal(sarif.runs[0].invocations[0].executionSuccessful, true);

    const root = tree({
      'a #1 100%.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`# \u{1F4EC} inbox\n\u{1F4EC} ${mismatch('a@example.net')}\n`)]),
      'inside/sender_access': `${mismatch('b@example.net')}\n`,
    });
    const outside = tree({ 'sender_access': `${mismatch('c@example.net')}\n`, 'pipe.bin': Buffer.from([0, 1]) });
    try {
      const output = cli(['check', '--format', 'sarif', '.', path.join(outside, 'sender_access'), path.join(outside, 'pipe.bin')], root).stdout;
      assert.ok(validSarif(JSON.parse(output)), JSON.stringify(validSarif.errors, null, 2));
      const report: SarifLog = JSON.parse(output);
      const where = report.runs[0].results.map((result: { locations: Array<{ physicalLocation: unknown }> }) => result.locations[0].physicalLocation);
      assert.deepEqual(where, [
        { artifactLocation: { uri: 'a%20%231%20100%25.txt', uriBaseId: '%SRCROOT%' }, region: { startLine: 2, startColumn: 25, endLine: 2, endColumn: 30 } },
        { artifactLocation: { uri: 'inside/sender_access', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 22, endLine: 1, endColumn: 27 } },
        { artifactLocation: { uri: pathToFileURL(path.join(outside, 'sender_access')).href }, region: { startLine: 1, startColumn: 22, endLine: 1, endColumn: 27 } },
      ]);
      assert.equal(report.runs[0].invocations[0].executionSuccessful, false);
      assert.deepEqual(report.runs[0].invocations[0].toolExecutionNotifications.map((n: { level: string; locations: Array<{ physicalLocation: { artifactLocation: unknown } }> }) => [n.level, n.locations[0].physicalLocation.artifactLocation]), [
        ['error', { uri: pathToFileURL(path.join(outside, 'pipe.bin')).href }],
      ]);
    } finally {
      remove(root);
      remove(outside);
    }
  });

  test('--fix applies the unambiguous fixes in place', () => {
    const copy = copyOfTree();
    const { code } = run(['check', '--fix'], copy);
    assert.equal(code, 0);
    assert.equal(fs.readFileSync(path.join(copy, 'postfix', 'sender_access'), 'utf8'), [
      '# Sender restrictions, deployed with postmap hash:/etc/postfix/sender_access',
      'spammer@example.net         REJECT 5.7.1 We do not accept mail from you',
      'badguy.example              REJECT 5.7.1 Sender blocked',
      'forged.example              REJECT 5.7.23 SPF check failed for this sender',
      '',
    ].join('\n'));
    assert.match(fs.readFileSync(path.join(copy, 'postfix', 'main.cf'), 'utf8'), /^unknown_local_recipient_reject_code = 550$/m);
    assert.equal(fs.readFileSync(path.join(copy, 'build', 'generated_access'), 'utf8'), fs.readFileSync(path.join(TREE, 'build', 'generated_access'), 'utf8'), 'ignored files are left alone');
    assert.equal(run(['check'], copy).code, 0);
  });

  test('explain shows a registry entry', () => {
    const { code, stdout } = run(['explain', '5.7.26']);
    assert.equal(code, 0);
    assert.match(stdout, /^5\.7\.26 Multiple authentication checks failed/);
    assert.match(stdout, /RFC 7372 <https:\/\/www\.rfc-editor\.org\/rfc\/rfc7372>/);
    assert.match(run(['explain', '5.9.9']).stdout, /5\.9\.9 is not in the IANA registry/);
    assert.match(run(['explain', '5.2.2']).stdout, /Bounce reason: mailbox full, soft: temporary, a later attempt may succeed/);
    assert.match(run(['explain', '4.7.28']).stdout, /Bounce reason: rate limited, soft: temporary, a later attempt may succeed\n\nThe receiving side limits how much or how fast it accepts; Google Workspace \/ Gmail uses 4\.7\.28 for "Rate limited: unusual rate of unsolicited mail"/);
    assert.doesNotMatch(run(['explain', '2.0.0']).stdout, /Bounce reason/);
  });

  test('explain shows what each provider that documents a code means by it', () => {
    const microsoft = run(['explain', '5.7.606']).stdout;
    assert.match(microsoft, /^5\.7\.606 Access denied, banned sending IP \(Microsoft 365 \/ Exchange Online\)/);
    assert.match(microsoft, /Microsoft 365 \/ Exchange Online documentation <https:\/\/learn\.microsoft\.com\//);
    const policy = run(['explain', '5.7.1']).stdout;
    for (const provider of ['Microsoft 365', 'Google Workspace / Gmail', 'Yahoo / AOL', 'Apple iCloud Mail']) assert.ok(policy.includes(provider), provider);
  });

  test('bad usage and unreadable input exit 2 with a clear message', () => {
    const unknownOption = run(['check', '--colour']);
    assert.equal(unknownOption.code, 2);
    assert.match(unknownOption.stderr, /^smtp-status-codes: unknown option --colour\n\nusage:/);
    assert.equal(run(['check', '--format', 'xml']).code, 2);
    assert.equal(run(['explain', 'banana']).code, 2);
    assert.equal(run([]).code, 2);
    const missing = run(['check', 'no-such-file']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^no-such-file: cannot read it: no such file or directory \(ENOENT\)$/m);
    const copy = copyOfTree();
    fs.writeFileSync(path.join(copy, '.vscode', 'settings.json'), '{ "smtpStatusCodes.severity": ');
    const broken = run(['check'], copy);
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /^cannot read settings from .*settings\.json: /);
  });

  test('a binary file is skipped, a settings value of the wrong shape is reported and replaced by its default', () => {
    const copy = copyOfTree();
    fs.writeFileSync(path.join(copy, 'postfix', 'access.db'), Buffer.from([0, 1, 2, 0x35, 0x2e, 0x37, 0x2e, 0x31, 0, 255]));
    fs.writeFileSync(path.join(copy, '.vscode', 'settings.json'), '{ "smtpStatusCodes.maxNumberOfProblems": "many" }');
    const { code, stderr } = run(['check', 'postfix'], copy);
    assert.equal(code, 1);
    assert.match(stderr, /smtpStatusCodes\.maxNumberOfProblems: expected a whole number of 0 or more, got "many"; using 1000\./);
  });
});
