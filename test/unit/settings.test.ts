/** The settings as users write them in settings.json, right and wrong: what each becomes and what the user is told. */
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_SETTINGS, KNOWN_CODE_PATTERN, resolveSettings, type Settings } from '../../server/src/settings';

/** The defaults with `change` applied to a copy. */
function defaultsWith(change: (settings: Settings) => void): Settings {
  const settings = structuredClone(DEFAULT_SETTINGS);
  change(settings);
  return settings;
}

describe('settings as written in settings.json', () => {
  const cases: [string, unknown, Settings, string[]][] = [
    ['nothing', undefined, DEFAULT_SETTINGS, []],
    ['null', null, DEFAULT_SETTINGS, []],
    ['an empty object', {}, DEFAULT_SETTINGS, []],
    ['a string', 'strict', DEFAULT_SETTINGS, ['smtpStatusCodes: expected an object of settings, got "strict"; using the defaults.']],
    ['a list', ['hover'], DEFAULT_SETTINGS, ['smtpStatusCodes: expected an object of settings, got a list; using the defaults.']],
    ['a number', 42, DEFAULT_SETTINGS, ['smtpStatusCodes: expected an object of settings, got 42; using the defaults.']],
    ['hover off', { hover: { enabled: false } }, defaultsWith((s) => (s.hover.enabled = false)), []],
    ['completion off', { completion: { enabled: false } }, defaultsWith((s) => (s.completion.enabled = false)), []],
    ['validation off', { validate: { enabled: false } }, defaultsWith((s) => (s.validate.enabled = false)), []],
    ['providers off', { providers: { enabled: false } }, defaultsWith((s) => (s.providers.enabled = false)), []],
    ['hover without enabled', { hover: {} }, DEFAULT_SETTINGS, []],
    ['hover: true instead of an object', { hover: true }, DEFAULT_SETTINGS, ['smtpStatusCodes.hover.enabled: expected true or false, got true; using true.']],
    ['validate.enabled as a string', { validate: { enabled: 'no' } }, DEFAULT_SETTINGS, ['smtpStatusCodes.validate.enabled: expected true or false, got "no"; using true.']],
    ['providers: null', { providers: null }, DEFAULT_SETTINGS, ['smtpStatusCodes.providers.enabled: expected true or false, got null; using true.']],
    ['completion.enabled as an object', { completion: { enabled: { on: true } } }, DEFAULT_SETTINGS, ['smtpStatusCodes.completion.enabled: expected true or false, got an object; using true.']],
    ['inlay hints swapped', { inlayHints: { inLogs: false, elsewhere: true } }, defaultsWith((s) => (s.inlayHints = { inLogs: false, elsewhere: true })), []],
    ['inlay hints elsewhere only', { inlayHints: { elsewhere: true } }, defaultsWith((s) => (s.inlayHints.elsewhere = true)), []],
    ['inlay hints as a string', { inlayHints: 'on' }, DEFAULT_SETTINGS, ['smtpStatusCodes.inlayHints: expected an object, got "on"; using the defaults.']],
    ['inlay hints as a number', { inlayHints: { elsewhere: 1, inLogs: 'yes' } }, DEFAULT_SETTINGS, [
      'smtpStatusCodes.inlayHints.inLogs: expected true or false, got "yes"; using true.',
      'smtpStatusCodes.inlayHints.elsewhere: expected true or false, got 1; using false.',
    ]],
    ['a severity', { severity: { 'class-mismatch': 'warning', 'missing-code': 'off' } }, defaultsWith((s) => {
      s.severity['class-mismatch'] = 'warning';
      s.severity['missing-code'] = 'off';
    }), []],
    ['a severity in logs', { severityInLogs: { 'unregistered-code': 'hint' } }, defaultsWith((s) => (s.severityInLogs['unregistered-code'] = 'hint')), []],
    ['severity as a word', { severity: 'strict' }, DEFAULT_SETTINGS, ['smtpStatusCodes.severity: expected an object mapping checks to severities, got "strict"; using the defaults.']],
    ['severityInLogs as a list', { severityInLogs: ['off'] }, DEFAULT_SETTINGS, ['smtpStatusCodes.severityInLogs: expected an object mapping checks to severities, got a list; using the defaults.']],
    ['a misspelt check', { severity: { 'class-missmatch': 'hint', 'deprecated-code': 'error' } }, defaultsWith((s) => (s.severity['deprecated-code'] = 'error')), [
      'smtpStatusCodes.severity: unknown check "class-missmatch" (known: unregistered-code, malformed-code, class-mismatch, unexpected-reply-code, usage-mismatch, deprecated-code, missing-code, invalid-reply-code, dsn-inconsistency); ignored.',
    ]],
    ['an unknown severity in logs', { severityInLogs: { 'class-mismatch': 'fatal' } }, DEFAULT_SETTINGS, [
      'smtpStatusCodes.severityInLogs.class-mismatch: expected one of error, warning, information, hint, off, got "fatal"; using information.',
    ]],
    ['a severity as a number', { severity: { 'malformed-code': 1 } }, DEFAULT_SETTINGS, [
      'smtpStatusCodes.severity.malformed-code: expected one of error, warning, information, hint, off, got 1; using error.',
    ]],
    ['limits of 0', { maxFileSize: 0, maxNumberOfProblems: 0 }, defaultsWith((s) => {
      s.maxFileSize = 0;
      s.maxNumberOfProblems = 0;
    }), []],
    ['a larger file size', { maxFileSize: 200_000_000 }, defaultsWith((s) => (s.maxFileSize = 200_000_000)), []],
    ['limits that are not whole numbers of 0 or more', { maxFileSize: '100', maxNumberOfProblems: -1 }, DEFAULT_SETTINGS, [
      'smtpStatusCodes.maxFileSize: expected a whole number of 0 or more, got "100"; using 50000000.',
      'smtpStatusCodes.maxNumberOfProblems: expected a whole number of 0 or more, got -1; using 1000.',
    ]],
    ['a fraction', { maxNumberOfProblems: 2.5 }, DEFAULT_SETTINGS, ['smtpStatusCodes.maxNumberOfProblems: expected a whole number of 0 or more, got 2.5; using 1000.']],
    ['strict registry', { strictRegistry: true }, defaultsWith((s) => (s.strictRegistry = true)), []],
    ['strict registry as a string', { strictRegistry: 'true' }, DEFAULT_SETTINGS, ['smtpStatusCodes.strictRegistry: expected true or false, got "true"; using false.']],
    ['known codes and patterns', { knownCodes: { '5.7.606': 'Banned sending IP', '5.7.5xx': 'Microsoft 365 policy', 'X.4.316': 'Connection refused' } },
      defaultsWith((s) => (s.knownCodes = { '5.7.606': 'Banned sending IP', '5.7.5xx': 'Microsoft 365 policy', 'X.4.316': 'Connection refused' })), []],
    ['known codes that are not codes, or lack a description', { knownCodes: { '550': 'Rejected', '3.1.1': 'x', '5.7.6060': 'x', '5.1.1': 42, '4.7.500': 'Server busy' } },
      defaultsWith((s) => (s.knownCodes = { '4.7.500': 'Server busy' })), [
        'smtpStatusCodes.knownCodes: "550" is not a code or pattern such as 5.7.606 or 5.7.5xx; skipped.',
        'smtpStatusCodes.knownCodes: "3.1.1" is not a code or pattern such as 5.7.606 or 5.7.5xx; skipped.',
        'smtpStatusCodes.knownCodes: "5.7.6060" is not a code or pattern such as 5.7.606 or 5.7.5xx; skipped.',
        'smtpStatusCodes.knownCodes.5.1.1: expected a description, got 42; skipped.',
      ]],
    ['known codes as a list', { knownCodes: ['5.7.606'] }, DEFAULT_SETTINGS, ['smtpStatusCodes.knownCodes: expected an object mapping codes to descriptions, got a list; ignored.']],
    ['file kinds', { fileKinds: { 'docs/**': 'prose', 'rules.txt': 'postfix' } }, defaultsWith((s) => (s.fileKinds = { 'docs/**': 'prose', 'rules.txt': 'postfix' })), []],
    ['file kinds as a string', { fileKinds: 'postfix' }, DEFAULT_SETTINGS, ['smtpStatusCodes.fileKinds: expected an object mapping globs to file kinds, got "postfix"; ignored.']],
    ['a file kind that does not exist', { fileKinds: { 'rules.txt': 'postfix-map', '': 'text' } }, DEFAULT_SETTINGS, [
      'smtpStatusCodes.fileKinds.rules.txt: expected one of postfix, exim, sendmail, opensmtpd, mail-log, bounce, source, data, text, prose, got "postfix-map"; skipped.',
      'smtpStatusCodes.fileKinds: an empty glob matches no file; skipped.',
    ]],
    ['a long wrong value is quoted short', { severity: { 'class-mismatch': 'a severity written out in a whole sentence by mistake' } }, DEFAULT_SETTINGS, [
      'smtpStatusCodes.severity.class-mismatch: expected one of error, warning, information, hint, off, got "a severity written out in a whole senten…"; using error.',
    ]],
    ['a wrong value of exactly 40 characters is quoted whole', { strictRegistry: 'x'.repeat(40) }, DEFAULT_SETTINGS, [
      `smtpStatusCodes.strictRegistry: expected true or false, got "${'x'.repeat(40)}"; using false.`,
    ]],
  ];
  for (const [name, raw, settings, problems] of cases) {
    test(name, () => {
      const resolved = resolveSettings(raw);
      assert.deepEqual(resolved.problems, problems);
      assert.deepEqual(resolved.settings, settings);
    });
  }

  test('the defaults are never changed by what a user writes', () => {
    const before = structuredClone(DEFAULT_SETTINGS);
    resolveSettings({ severity: { 'class-mismatch': 'off' }, knownCodes: { '5.7.606': 'Banned' }, fileKinds: { 'a.txt': 'text' }, hover: { enabled: false } });
    assert.deepEqual(DEFAULT_SETTINGS, before);
  });

  test('a known code has class 2, 4, 5 or X and sub-codes of one to three digits or x', () => {
    const accepted = ['2.0.0', '4.7.500', '5.7.5xx', 'x.1.1', 'X.7.606', '5.XXX.1', '5.1.x'];
    const refused = ['3.1.1', '5.1', '5.1.1.1', '5.1234.1', '5.1.1234', '55.1.1', '5..1', ' 5.1.1', '5.1.1 ', '5.1.y'];
    assert.deepEqual(accepted.filter((code) => !KNOWN_CODE_PATTERN.test(code)), []);
    assert.deepEqual(refused.filter((code) => KNOWN_CODE_PATTERN.test(code)), []);
  });
});
