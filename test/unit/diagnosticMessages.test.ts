/**
 * What each diagnostic says, word for word, and where it stands: the message is what a mail admin acts on, so it must name
 * the code, what is wrong, and what to write instead.
 */
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../server/src/languageService';
import { resolveSettings } from '../../server/src/settings';
import { documentOf } from '../support/documents';
import { fixture } from '../support/paths';

const service = createLanguageService();

/** Line, start, end, check, severity and message of each diagnostic. */
function diagnosed(text: string, uri = 'file:///srv/relay/replies.py', languageId = 'python', raw: unknown = {}) {
  const validation = service.doValidation(documentOf(text, uri, languageId), resolveSettings(raw).settings)!;
  service.forget(uri);
  return validation.diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, d.code, d.severity, d.message]);
}

const ACCESS = 'file:///etc/postfix/sender_access';
const SOURCE_URI = 'file:///srv/relay/replies.py';
const LOG_URI = 'file:///var/log/mail.log';

describe('what each finding says', () => {
  test('a class mismatch names the code, its class, what the reply code or action needs, and the code to write', () => {
    assert.deepEqual(diagnosed('"550 4.1.1 User unknown"'), [[0, 5, 10, 'class-mismatch', 1,
      '4.1.1 is a transient failure code but reply code 550 needs class 5: write 5.1.1, or change the reply code.']]);
    assert.deepEqual(diagnosed('"250 5.0.0 OK"'), [[0, 5, 10, 'class-mismatch', 1,
      '5.0.0 is a permanent failure code but reply code 250 needs class 2: write 2.0.0, or change the reply code.']]);
    assert.deepEqual(diagnosed('spammer@example.net   REJECT 4.7.1 Go away\n', ACCESS, 'plaintext'), [[0, 29, 34, 'class-mismatch', 1,
      '4.7.1 is a transient failure code but REJECT (a permanent failure) needs class 5: write 5.7.1, or change the action.']]);
    assert.deepEqual(diagnosed('"550 2.0.0 OK"')[0][5], '2.0.0 is a success code but reply code 550 needs class 5: write 5.0.0, or change the reply code.');
    assert.deepEqual(diagnosed('busy.example   DEFER 5.7.1 Try later\n', ACCESS, 'plaintext'), [[0, 21, 26, 'class-mismatch', 1,
      '5.7.1 is a permanent failure code but DEFER (a transient failure) needs class 4: write 4.7.1, or change the action.']]);
  });

  test('an unregistered code says whether its subject exists, and which provider uses it', () => {
    assert.deepEqual(diagnosed('"550 5.1.99 x"'), [[0, 5, 11, 'unregistered-code', 2,
      '5.1.99 is not in the IANA registry of enhanced status codes: subject X.1 (Addressing Status) has no detail 99.']]);
    assert.deepEqual(diagnosed('"550 5.9.9 x"'), [[0, 5, 10, 'unregistered-code', 2,
      '5.9.9 is not in the IANA registry of enhanced status codes: there is no subject X.9.']]);
    assert.deepEqual(diagnosed('spammer@example.net   REJECT 5.7.606 banned\n', ACCESS, 'plaintext'), [[0, 29, 36, 'unregistered-code', 2,
      '5.7.606 is not in the IANA registry of enhanced status codes: subject X.7 (Security or Policy Status) has no detail 606. '
      + 'Microsoft 365 / Exchange Online uses it for "Access denied, banned sending IP"; a reply of your own should use a registered code.']]);
  });

  test('a deprecated code names its replacement in the same class', () => {
    assert.deepEqual(diagnosed('"550 5.6.10 x"'), [[0, 5, 11, 'deprecated-code', 2,
      '5.6.10 is deprecated: the registry marks X.6.10 as a duplicate of X.6.8; use 5.6.8.']]);
    assert.deepEqual(diagnosed('"450 4.6.10 x"')[0][5], '4.6.10 is deprecated: the registry marks X.6.10 as a duplicate of X.6.8; use 4.6.8.');
  });

  test('a reply code no RFC defines is read by its first digit; the message lists the reply codes the registry gives', () => {
    assert.deepEqual(diagnosed('"571 5.7.1 x"'), [[0, 5, 10, 'unexpected-reply-code', 3,
      '571 is not a reply code that RFC 5321 or its extensions define, so clients read it only by its first digit; '
      + 'the registry associates X.7.1 (Delivery not authorized, message refused) with 451, 454, 502, 503, 533, 550, 551.']]);
    assert.deepEqual(diagnosed('"571 4.7.1 x"').map((d) => d[3]), ['class-mismatch'], 'the class is the first thing to fix');
  });

  test('under strict registry conformance: the registry\'s reply codes and its permanent or transient note', () => {
    const strict = { strictRegistry: true };
    assert.deepEqual(diagnosed('"554 5.1.1 x"', undefined, undefined, strict), [[0, 5, 10, 'unexpected-reply-code', 3,
      'The registry associates X.1.1 (Bad destination mailbox address) with reply codes 451, 550, not 554.']]);
    assert.deepEqual(diagnosed('"450 4.1.2 x"', undefined, undefined, strict), [[0, 5, 10, 'usage-mismatch', 2,
      'X.1.2 (Bad destination system address) is registered as useful only for permanent failures (5.X.X), but 4.1.2 is a transient failure.']]);
    assert.deepEqual(diagnosed('"550 5.4.5 x"', undefined, undefined, strict), [
      [0, 5, 10, 'unexpected-reply-code', 3, 'The registry associates X.4.5 (Mail system congestion) with reply codes 451, not 550.'],
      [0, 5, 10, 'usage-mismatch', 2, 'X.4.5 (Mail system congestion) is registered as useful only for persistent transient failures (4.X.X), but 5.4.5 is a permanent failure.']]);
    assert.deepEqual(diagnosed('"550 4.1.2 x"', undefined, undefined, strict).map((d) => d[3]), ['class-mismatch'], 'a class mismatch is not also a usage mismatch');
    assert.deepEqual(diagnosed('spammer@example.net   REJECT 5.2.2 Full\n', ACCESS, 'plaintext', strict), [], 'without a reply code there is no reply code to check');
    assert.deepEqual(diagnosed('"550 5.1.1 x"\n"250 2.1.5 ok"', undefined, undefined, strict), [], 'replies the registry lists');
  });

  test('a malformed code says which part is wrong', () => {
    assert.deepEqual(diagnosed('"550 5.01.1 x"'), [[0, 5, 11, 'malformed-code', 1,
      '5.01.1 is not a well-formed enhanced status code: the subject sub-code 01 has a leading zero.']]);
    assert.deepEqual(diagnosed('"550 5.1.1234 x"'), [[0, 5, 13, 'malformed-code', 1,
      '5.1.1234 is not a well-formed enhanced status code: the detail sub-code 1234 has more than three digits.']]);
  });
});

describe('how findings are reported', () => {
  test('each check links to the section of the RFC or the registry that defines it', () => {
    const links = (text: string, uri = SOURCE_URI, languageId = 'python', raw: unknown = {}) => {
      const found = service.doValidation(documentOf(text, uri, languageId), resolveSettings(raw).settings)!.diagnostics.map((d) => [d.code, d.codeDescription?.href, d.source]);
      service.forget(uri);
      return found;
    };
    const registry = 'https://www.iana.org/assignments/smtp-enhanced-status-codes/smtp-enhanced-status-codes.xhtml';
    assert.deepEqual(links('"550 5.01.1 x"\n"550 4.1.1 x"\n"550 5.9.9 x"\n"571 5.7.1 x"\n"550 5.6.10 x"\n"550 5.4.5 x"', SOURCE_URI, 'python', { strictRegistry: true }), [
      ['malformed-code', 'https://www.rfc-editor.org/rfc/rfc3463#section-2', 'smtp-status-codes'],
      ['class-mismatch', 'https://www.rfc-editor.org/rfc/rfc2034#section-4', 'smtp-status-codes'],
      ['unregistered-code', registry, 'smtp-status-codes'],
      ['unexpected-reply-code', registry, 'smtp-status-codes'],
      ['deprecated-code', registry, 'smtp-status-codes'],
      ['unexpected-reply-code', registry, 'smtp-status-codes'],
      ['usage-mismatch', 'https://www.rfc-editor.org/rfc/rfc3463#section-3', 'smtp-status-codes'],
    ]);
    assert.deepEqual(links('nobody@example.com   REJECT User unknown\nunknown_local_recipient_reject_code = 5.1.1\n', 'file:///etc/postfix/main.cf', 'plaintext').map(([code, href]) => [code, href]), [
      ['missing-code', 'https://www.rfc-editor.org/rfc/rfc2034#section-4'],
      ['invalid-reply-code', 'https://www.rfc-editor.org/rfc/rfc5321#section-4.2'],
    ]);
    const bounce = fixture('bounces/sendmail-expired.eml');
    assert.deepEqual(links(bounce, 'file:///home/alice/Mail/expired.eml', 'plaintext').map(([code, href]) => [code, href]), [
      ['dsn-inconsistency', 'https://www.rfc-editor.org/rfc/rfc3464#section-2.3.3'],
    ]);
  });

  test('findings of whole lines and of codes come in the order of their lines', () => {
    const text = 'nobody@example.com   REJECT User unknown\nspammer@example.net   REJECT 4.7.1 Go away\nother@example.com   REJECT Relay denied here\n';
    assert.deepEqual(diagnosed(text, ACCESS, 'plaintext').map((d) => `${d[0]}:${d[1]} ${d[3]}`), ['0:21 missing-code', '1:29 class-mismatch']);
    assert.deepEqual(diagnosed(text, ACCESS, 'plaintext', { severity: { 'missing-code': 'off' } }).map((d) => d[3]), ['class-mismatch']);
  });

  test('a check cancelled while a large file is scanned gives nothing; the next one is complete', () => {
    const text = Array.from({ length: 3000 }, (_, i) => `reply${i} = "550 4.1.1 User unknown"; version = "1.2.3"`).join('\n');
    const cancelled = createLanguageService();
    let asked = 0;
    const token = { get isCancellationRequested() { return ++asked > 1; } };
    assert.equal(cancelled.doValidation(documentOf(text, SOURCE_URI, 'python'), undefined, token), undefined);
    assert.ok(asked >= 2, 'the scan asked again while it ran');
    assert.equal(cancelled.doValidation(documentOf(text, SOURCE_URI, 'python'))!.diagnostics.length, 1000, 'up to maxNumberOfProblems');
  });

  test('a file of exactly maxFileSize characters is checked; one more is not', () => {
    const text = '"550 4.1.1 x"';
    assert.deepEqual(diagnosed(text, SOURCE_URI, 'python', { maxFileSize: text.length }).map((d) => d[3]), ['class-mismatch']);
    const over = service.doValidation(documentOf(text, SOURCE_URI, 'python'), resolveSettings({ maxFileSize: text.length - 1 }).settings)!;
    assert.deepEqual([over.diagnostics, over.limited?.setting], [[], 'maxFileSize']);
  });

  test('in logs, codes a provider documents are known; with providers switched off they are not, and no provider is named', () => {
    const line = 'Nov 28 10:14:02 mx1 postfix/smtp[21874]: 4Q2x1: to=<a@contoso.com>, relay=contoso-com.mail.protection.outlook.com[52.101.1.1]:25, dsn=5.7.606, status=bounced (host said: 550 5.7.606 Access denied, banned sending IP [192.0.2.1] (in reply to RCPT TO command))';
    const loud = { severityInLogs: { 'unregistered-code': 'warning' } };
    assert.deepEqual(diagnosed(line, LOG_URI, 'log', loud), []);
    const unknown = diagnosed(line.replaceAll('5.7.606', '5.7.699'), LOG_URI, 'log', loud);
    assert.deepEqual(unknown.map((d) => d[3]), ['unregistered-code', 'unregistered-code']);
    const off = diagnosed(line, LOG_URI, 'log', { ...loud, providers: { enabled: false } });
    assert.deepEqual(off.map((d) => d[3]), ['unregistered-code', 'unregistered-code']);
    assert.doesNotMatch(String(off[0][5]), /Microsoft/);
  });
});

describe('where a finding is not made', () => {
  test('a 3xx reply carries no class', () => {
    assert.deepEqual(diagnosed('"354 2.0.0 Start mail input"'), []);
  });

  test('a mismatch written beside its correction is a test of the correction, within two lines; not in a log', () => {
    assert.deepEqual(diagnosed('self.assertEqual(fix("550 2.3.4 Stuff"), "5.3.4")'), []);
    assert.deepEqual(diagnosed("reply = fix('550 2.3.4 Stuff')\n\nassert reply == '5.3.4'"), []);
    assert.deepEqual(diagnosed('x = "550 2.3.4 Stuff"\n\n\ny = "5.3.4"').map((d) => d[3]), ['class-mismatch'], 'three lines on is too far');
    assert.deepEqual(diagnosed('x = "550 2.3.4 Stuff"  # was "5.4.3"').map((d) => d[3]), ['class-mismatch'], 'another code is not the correction');
    assert.deepEqual(diagnosed('expect(fix(`550 2.3.4 Stuff`)).toBe(`5.3.4`);', 'file:///src/fix.test.js', 'javascript'), [], 'backquotes too');
    assert.deepEqual(diagnosed("next(DENY, '4.7.1 Go away'); // becomes '5.7.1'", 'file:///srv/haraka/plugins/x.js', 'javascript'), [], 'an action\'s class');
    assert.deepEqual(diagnosed('Nov 28 mx1 postfix/smtp[1]: A1: said: 550 2.3.4 Stuff (expected "5.3.4")', LOG_URI, 'log').map((d) => d[3]), ['class-mismatch'], 'a log quotes, it does not test');
  });

  test('codes the user declares known, exactly or by pattern, are not unregistered; a known code keeps its class check', () => {
    assert.deepEqual(diagnosed('"550 5.9.9 x"', undefined, undefined, { knownCodes: { '5.9.9': 'Our own refusal' } }), []);
    assert.deepEqual(diagnosed('"550 5.9.42 x"', undefined, undefined, { knownCodes: { '5.9.xx': 'Our own refusals' } }), []);
    assert.deepEqual(diagnosed('"450 5.9.9 x"', undefined, undefined, { knownCodes: { '5.9.9': 'Our own refusal' } }).map((d) => d[3]), ['class-mismatch']);
  });

  test('checks switched off, one by one or all, and silenced by a comment', () => {
    assert.deepEqual(diagnosed('"550 4.1.1 x"', undefined, undefined, { validate: { enabled: false } }), []);
    assert.deepEqual(diagnosed('"550 4.1.1 x"\n"550 5.9.9 y"', undefined, undefined, { severity: { 'unregistered-code': 'off' } }).map((d) => d[3]), ['class-mismatch']);
    assert.deepEqual(diagnosed('# smtp-status-codes-disable-next-line\n"550 4.1.1 x"\n"550 4.1.1 y"').map((d) => d[0]), [2]);
    assert.deepEqual(diagnosed('# smtp-status-codes-disable-next-line unregistered-code\n"550 4.1.1 x"').map((d) => d[3]), ['class-mismatch']);
    assert.deepEqual(diagnosed('# smtp-status-codes-disable class-mismatch\n"550 4.1.1 x"\n"550 5.9.9 y"').map((d) => d[3]), ['unregistered-code'], 'a file-wide comment');
  });

  test('a message never quotes more than 500 characters of a line', () => {
    const longAction = `spammer@example.net   REJECT 4.7.1 ${'x'.repeat(900)}\n`;
    for (const [, , , , , message] of diagnosed(longAction, ACCESS, 'plaintext')) assert.ok(String(message).length <= 500);
  });
});

describe('a log checked again after edits', () => {
  const line = (n: number, code: string) => `Nov 28 10:00:0${n} mx postfix/smtp[1]: ${n}A: to=<a@b.example>, status=bounced (host said: 550 ${code} No)`;

  test('an edit that touches no code gives back the same report, and the server answers "unchanged"', () => {
    const incremental = createLanguageService();
    const document = TextDocument.create(LOG_URI, 'log', 1, [line(1, '4.1.1'), 'Nov 28 10:00:02 mx postfix/smtpd[2]: connect from x', line(3, '4.2.2')].join('\n'));
    const first = incremental.doValidation(document)!;
    assert.deepEqual(first.diagnostics.map((d) => d.range.start.line), [0, 2]);
    const change = { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'x' };
    TextDocument.update(document, [change], 2);
    incremental.didChange(document, change);
    assert.equal(incremental.doValidation(document), first);
  });

  test('after an edit, the findings on other lines are kept, moved with their lines where lines were added', () => {
    const incremental = createLanguageService();
    const document = TextDocument.create(LOG_URI, 'log', 1, [line(1, '4.1.1'), line(2, '5.1.1'), line(3, '4.2.2')].join('\n'));
    const [top, bottom] = incremental.doValidation(document)!.diagnostics;
    const change = { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: `${line(2, '4.7.1')}\n` };
    TextDocument.update(document, [change], 2);
    incremental.didChange(document, change);
    const after = incremental.doValidation(document)!.diagnostics;
    assert.deepEqual(after.map((d) => d.range.start.line), [0, 1, 3]);
    assert.equal(after[0], top, 'the line above the edit keeps its diagnostic');
    assert.deepEqual({ ...after[2], range: bottom.range }, bottom, 'the line below moved, its finding the same');
    assert.equal(after[2].range.start.line, 3);
  });

  test('new settings are applied to a log checked before', () => {
    const incremental = createLanguageService();
    const document = TextDocument.create(LOG_URI, 'log', 1, line(1, '4.1.1'));
    assert.deepEqual(incremental.doValidation(document)!.diagnostics.map((d) => d.severity), [3]);
    assert.deepEqual(incremental.doValidation(document, resolveSettings({ severityInLogs: { 'class-mismatch': 'error' } }).settings)!.diagnostics.map((d) => d.severity), [1]);
  });
});
