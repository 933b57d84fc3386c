/**
 * The three outputs of `check` as a CI job and a person read them: the summary line's counts and words, JSON findings,
 * and SARIF levels, rules and locations.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { cliInProcess, lines, mismatch, remove, tree } from './cliProcess';

/** One finding of each severity: an error (class mismatch), a warning (unregistered), an information (571), a hint (deprecated, by setting). */
const FOUR_SEVERITIES = {
  'replies.py': [
    'a = "550 4.1.1 Unknown"',
    'b = "550 5.9.9 Ours"',
    'c = "571 5.7.1 Denied"',
    'd = "554 5.6.10 Old"',
    '',
  ].join('\n'),
  '.vscode/settings.json': '{ "smtpStatusCodes.severity": { "deprecated-code": "hint" } }',
};

describe('the summary line', () => {
  test('counts each severity and the files with findings, in words that agree with the numbers', () => {
    const root = tree({ ...FOUR_SEVERITIES, 'clean.py': 'ok = "250 2.0.0 OK"\n' });
    try {
      const { code, stdout } = cliInProcess(['check', '--fail-on', 'none'], root);
      assert.equal(code, 0);
      assert.deepEqual(lines(stdout), [
        'replies.py:1:10 error class-mismatch 4.1.1 is a transient failure code but reply code 550 needs class 5: write 5.1.1, or change the reply code.',
        'replies.py:2:10 warning unregistered-code 5.9.9 is not in the IANA registry of enhanced status codes: there is no subject X.9.',
        'replies.py:3:10 information unexpected-reply-code 571 is not a reply code that RFC 5321 or its extensions define, so clients read it only by its first digit; the registry associates X.7.1 (Delivery not authorized, message refused) with 451, 454, 502, 503, 533, 550, 551.',
        'replies.py:4:10 hint deprecated-code 5.6.10 is deprecated: the registry marks X.6.10 as a duplicate of X.6.8; use 5.6.8.',
        '4 problems (1 errors, 1 warnings, 1 infos, 1 hints) in 1 of 3 files.', // the settings file is checked too
      ]);
    } finally {
      remove(root);
    }
  });

  test('one problem, one file, one fix: singular words', () => {
    const root = tree({ 'sender_access': `${mismatch('a@example.net')}\n` });
    try {
      assert.deepEqual(lines(cliInProcess(['check'], root).stdout).at(-1), '1 problem (1 errors, 0 warnings, 0 infos, 0 hints) in 1 of 1 files.');
      const preview = cliInProcess(['check', '--diff'], root);
      assert.deepEqual(lines(preview.stderr).at(-1), 'No problems in 1 file. Would fix 1 problem in 1 file.', 'what the run would leave');
      const fixed = cliInProcess(['check', '--fix'], root);
      assert.deepEqual(lines(fixed.stdout).at(-1), 'No problems in 1 file. Fixed 1 problem in 1 file.');
      assert.equal(fixed.code, 0);
    } finally {
      remove(root);
    }
  });

  test('a path that cannot be read is counted, and the run exits 2', () => {
    const root = tree({ 'sender_access': `${mismatch('a@example.net')}\n` });
    try {
      const { code, stdout } = cliInProcess(['check', 'sender_access', 'gone_access', 'missing/*.txt'], root);
      assert.equal(code, 2);
      assert.deepEqual(lines(stdout).at(-1), '1 problem (1 errors, 0 warnings, 0 infos, 0 hints) in 1 of 1 files. 2 paths could not be read.');
    } finally {
      remove(root);
    }
  });

  test('--fail-on sets which severity fails the run', () => {
    const root = tree(FOUR_SEVERITIES);
    try {
      const failsOn = (level: string) => cliInProcess(['check', '--fail-on', level], root).code;
      assert.deepEqual(['error', 'warning', 'information', 'hint', 'none'].map(failsOn), [1, 1, 1, 1, 0]);
      const warningsOnly = tree({ 'replies.py': 'b = "550 5.9.9 Ours"\n' });
      try {
        assert.deepEqual(['error', 'warning', 'none'].map((level) => cliInProcess(['check', '--fail-on', level], warningsOnly).code), [0, 1, 0]);
      } finally {
        remove(warningsOnly);
      }
    } finally {
      remove(root);
    }
  });
});

describe('JSON and SARIF', () => {
  test('JSON lists each finding with its path and one-based positions, and no absolute path', () => {
    const root = tree(FOUR_SEVERITIES);
    try {
      const findings = JSON.parse(cliInProcess(['check', '--format', 'json'], root).stdout);
      assert.deepEqual(findings.map((f: { severity: string; line: number; column: number; endColumn: number }) => [f.severity, f.line, f.column, f.endColumn]), [
        ['error', 1, 10, 15], ['warning', 2, 10, 15], ['information', 3, 10, 15], ['hint', 4, 10, 16],
      ]);
      assert.deepEqual(Object.keys(findings[0]).sort(), ['code', 'column', 'endColumn', 'endLine', 'line', 'message', 'path', 'severity']);
      assert.equal(findings[0].path, 'replies.py');
    } finally {
      remove(root);
    }
  });

  test('SARIF: information and hints are notes; every check is a rule with its documentation; results point at their rule', () => {
    const root = tree(FOUR_SEVERITIES);
    try {
      const sarif = JSON.parse(cliInProcess(['check', '--format', 'sarif'], root).stdout);
      assert.equal(sarif.version, '2.1.0');
      assert.equal(sarif.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
      const run = sarif.runs[0];
      assert.deepEqual(run.results.map((r: { level: string; ruleId: string }) => [r.ruleId, r.level]), [
        ['class-mismatch', 'error'], ['unregistered-code', 'warning'], ['unexpected-reply-code', 'note'], ['deprecated-code', 'note'],
      ]);
      const rules = run.tool.driver.rules;
      for (const result of run.results) assert.equal(rules[result.ruleIndex].id, result.ruleId);
      assert.deepEqual(rules.find((rule: { id: string }) => rule.id === 'class-mismatch'), {
        id: 'class-mismatch', name: 'class-mismatch', shortDescription: { text: 'class mismatch' }, helpUri: 'https://www.rfc-editor.org/rfc/rfc2034#section-4',
      });
      assert.ok(rules.every((rule: { helpUri: string }) => rule.helpUri.startsWith('https://')));
      assert.equal(run.tool.driver.name, 'smtp-status-codes');
      assert.equal(run.tool.driver.informationUri, 'https://www.iana.org/assignments/smtp-enhanced-status-codes/');
      assert.equal(run.results[0].message.text, '4.1.1 is a transient failure code but reply code 550 needs class 5: write 5.1.1, or change the reply code.');
      assert.deepEqual(run.results[3].locations[0].physicalLocation, {
        artifactLocation: { uri: 'replies.py', uriBaseId: '%SRCROOT%' }, region: { startLine: 4, startColumn: 10, endLine: 4, endColumn: 16 },
      });
      assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: `${pathToFileURL(root).href}/` } });
      assert.deepEqual(run.invocations, [{ executionSuccessful: true, toolExecutionNotifications: [] }]);
    } finally {
      remove(root);
    }
  });

  test('SARIF: what was not checked is a notification; a skipped file is a note and the run still succeeds', () => {
    const root = tree({ 'sender_access': `${mismatch('a@example.net')}\n`, 'access.db': Buffer.from([0, 1, 2, 0x35, 0x2e, 0x37, 0x2e, 0x31, 0]) });
    try {
      const sarif = JSON.parse(cliInProcess(['check', '--format', 'sarif'], root).stdout);
      const invocation = sarif.runs[0].invocations[0];
      assert.equal(invocation.executionSuccessful, true);
      assert.deepEqual(invocation.toolExecutionNotifications.map((n: { level: string; message: { text: string }; locations: Array<{ physicalLocation: { artifactLocation: unknown } }> }) =>
        [n.level, n.message.text.split(':')[0], n.locations[0].physicalLocation.artifactLocation]), [
        ['note', 'skipped', { uri: 'access.db', uriBaseId: '%SRCROOT%' }],
      ]);
      const missing = JSON.parse(cliInProcess(['check', '--format', 'sarif', 'sender_access', 'gone.txt'], root).stdout).runs[0].invocations[0];
      assert.equal(missing.executionSuccessful, false);
      assert.deepEqual(missing.toolExecutionNotifications.map((n: { level: string; locations: Array<{ physicalLocation: { artifactLocation: unknown } }> }) =>
        [n.level, n.locations[0].physicalLocation.artifactLocation]), [['error', { uri: 'gone.txt', uriBaseId: '%SRCROOT%' }]]);
    } finally {
      remove(root);
    }
  });

  test('SARIF: a file outside the working directory has an absolute URI; one whose name starts with two dots inside it does not', () => {
    const root = tree({ '..notes/sender_access': `${mismatch('a@example.net')}\n`, 'work/.keep': '' });
    const outside = tree({ 'sender_access': `${mismatch('b@example.net')}\n` });
    try {
      const sarif = JSON.parse(cliInProcess(['check', '--format', 'sarif', '.', path.join(outside, 'sender_access')], root).stdout);
      assert.deepEqual(sarif.runs[0].results.map((r: { locations: Array<{ physicalLocation: { artifactLocation: unknown } }> }) => r.locations[0].physicalLocation.artifactLocation), [
        { uri: '..notes/sender_access', uriBaseId: '%SRCROOT%' },
        { uri: pathToFileURL(path.join(outside, 'sender_access')).href },
      ]);
      const fromBelow = JSON.parse(cliInProcess(['check', '--format', 'sarif', '../..notes/sender_access'], path.join(root, 'work')).stdout);
      assert.deepEqual(fromBelow.runs[0].results[0].locations[0].physicalLocation.artifactLocation, { uri: pathToFileURL(path.join(root, '..notes', 'sender_access')).href });
    } finally {
      remove(root);
      remove(outside);
    }
  });

  test('SARIF from the file system root: the base URI is not given a second slash, and files are relative to it', () => {
    const root = tree({ 'sender_access': `${mismatch('a@example.net')}\n` });
    try {
      const sarif = JSON.parse(cliInProcess(['check', '--format', 'sarif', path.join(root, 'sender_access')], '/').stdout);
      assert.deepEqual(sarif.runs[0].originalUriBaseIds, { '%SRCROOT%': { uri: 'file:///' } });
      assert.equal(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri, path.join(root, 'sender_access').slice(1).split(path.sep).map(encodeURIComponent).join('/'));
    } finally {
      remove(root);
    }
  });
});
