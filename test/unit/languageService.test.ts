import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/languageService';
import { DEFAULT_SETTINGS, resolveSettings } from '../../server/src/settings';
import { documentOf, withCursor } from '../support/documents';
import { fixture } from '../support/paths';

const service = createLanguageService();
const hoverText = (hover: Hover | null) => (hover ? (hover.contents as MarkupContent).value : '');
const hoverAt = (text: string, uri?: string, languageId?: string) => {
  const { document, position } = withCursor(text, uri, languageId);
  return hoverText(service.doHover(document, position));
};
/** Diagnostics of `text`, by default as a Python file that writes replies. */
const problems = (text: string, uri = 'file:///srv/relay/replies.py', languageId = 'python') =>
  (service.doValidation(documentOf(text, uri, languageId))?.diagnostics ?? []).map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code}`);

describe('hover', () => {
  test('explains a code in a reply, with sample text, class, subject and reply codes', () => {
    const text = hoverAt('"550 5.1.|1 User unknown"', 'file:///src/server.js', 'javascript');
    assert.match(text, /\*\*5\.1\.1\*\* Bad destination mailbox address/);
    assert.match(text, /5: Permanent Failure · X\.1: Addressing Status/);
    assert.match(text, /Reply codes: 451, 550/);
    assert.match(text, /\[RFC 3463\]\(https:\/\/www\.rfc-editor\.org\/rfc\/rfc3463\)/);
  });

  test('explains the basic reply code beside a code', () => {
    const text = hoverAt('"55|0 5.1.1 User unknown"');
    assert.match(text, /\*\*550\*\* Requested action not taken: mailbox unavailable/);
    assert.match(text, /5\.1\.1 Bad destination mailbox address/);
  });

  test('explains a reply code written without an enhanced code, but not any number', () => {
    assert.match(hoverAt('relay.example   55|0 Relaying denied', 'file:///etc/postfix/access'), /\*\*550\*\* Requested action not taken/);
    assert.match(hoverAt('<<< 4|21 Service not available', 'file:///m/bounce.eml'), /\*\*421\*\* <domain> Service not available/);
    assert.match(hoverAt('Nov 28 x: host y said: 55|6 Domain does not accept mail', 'file:///var/log/mail.log', 'log'), /\*\*556\*\* Domain does not accept mail/);
    assert.equal(hoverAt('const timeout = 2|50;', 'file:///src/a.ts', 'typescript'), '');
    assert.equal(hoverAt('{ "port": 5|50 }', 'file:///app/config.json', 'json'), '');
    assert.equal(hoverAt('took 45|0 ms', 'file:///notes.txt'), '');
  });

  test('says what an unregistered code still means', () => {
    const text = hoverAt('REJECT 5.7.|99 no');
    assert.match(text, /5\.7\.99\*\* is not in the IANA registry/);
    assert.match(text, /X\.7: Security or Policy Status/);
  });

  test('X.6.10 says it is deprecated in favour of X.6.8', () => {
    assert.match(hoverAt('550 5.6.1|0 x'), /Deprecated: a duplicate of X\.6\.8 \(UTF-8 string reply is required/);
  });

  test('works on the forms of a Postfix log', () => {
    const log = fixture('logs/mail.log');
    const document = documentOf(log, 'file:///var/log/mail.log', 'log');
    const lines = log.split('\n');
    const at = (line: number, needle: string, delta = 1) => hoverText(service.doHover(document, { line, character: lines[line].indexOf(needle) + delta }));
    assert.match(at(3, 'dsn=5.1.1', 5), /Bad destination mailbox address/);
    assert.match(at(4, '550-5.7.26', 6), /Multiple authentication checks failed/);
    assert.match(at(6, ']: 5.7.1', 4), /Delivery not authorized, message refused/);
    assert.match(at(11, '452 4.5.3', 5), /Too many recipients/);
    assert.equal(at(3, '0.08/0/0.58'), '');
    assert.equal(at(8, '3.7.11'), '');
  });

  test('finds nothing in versions, addresses and OIDs', () => {
    const json = fixture('negative/package.json');
    const document = documentOf(json, 'file:///app/package.json', 'json');
    json.split('\n').forEach((line, number) => {
      for (let character = 0; character < line.length; character++) {
        assert.equal(service.doHover(document, { line: number, character }), null, `${number}:${character} ${line}`);
      }
    });
    for (const text of ['host 10.5.1|.1 ok', 'v5.1|.1', 'node@5.1|.1', 'RFC 3463 section 3.3|.1', 'ver 1.5.1|.1', '5.1.1|.2']) {
      assert.equal(hoverAt(text), '', text);
    }
  });
});

describe('diagnostics', () => {
  test('flags each kind of mistake in a reply string', () => {
    assert.deepEqual(problems('"550 4.1.1 User unknown"'), ['0:5 class-mismatch']);
    assert.deepEqual(problems('"550 5.9.9 Whatever"'), ['0:5 unregistered-code']);
    assert.deepEqual(problems('"550 5.1.1 User unknown"'), []);
    assert.deepEqual(problems('"550 5.01.1 bad"'), ['0:5 malformed-code']);
    assert.deepEqual(problems('"550 5.6.10 old"'), ['0:5 deprecated-code']);
    assert.deepEqual(problems('"571 5.7.1 Delivery not authorized"'), ['0:5 unexpected-reply-code'], 'no RFC defines 571');
    assert.deepEqual(problems('"421 5.7.0 Too many errors"'), ['0:5 class-mismatch']);
  });

  test('takes the replies that MTAs send by design as they are, unless strict registry conformance is asked for', () => {
    const byDesign = ['"504 5.5.2 Helo command rejected"', '"450 4.1.8 Sender address rejected"', '"421 4.7.0 Error: too many errors"',
      '"502 5.5.1 Error: command not implemented"', '"452 4.5.3 Error: too many recipients"', '"553 5.1.3 Bad address syntax"',
      '"554 5.4.6 Too many hops"', '"450 4.1.1 Recipient address rejected: unverified address"', '"554 5.1.1 User unknown"'];
    for (const reply of byDesign) assert.deepEqual(problems(reply), [], reply);
    const strict = resolveSettings({ strictRegistry: true }).settings;
    const strictProblems = (text: string) => service.doValidation(documentOf(text, 'file:///srv/relay/replies.py', 'python'), strict)!.diagnostics.map((d) => d.code);
    assert.deepEqual(strictProblems('"554 5.1.1 User unknown"'), ['unexpected-reply-code']);
    assert.deepEqual(strictProblems('"450 4.1.2 No such domain"'), ['usage-mismatch']);
    assert.deepEqual(strictProblems('"452 4.2.2 Mailbox full"'), [], 'X.2.2 lists 552; its transient twin 452 fits');
  });

  test('checks the class an MTA action implies', () => {
    assert.deepEqual(problems(fixture('config/postfix/sender_access'), 'file:///etc/postfix/sender_access'), [
      '4:35 class-mismatch', '5:35 unregistered-code', '6:32 deprecated-code', '7:32 malformed-code',
    ]);
  });

  test('every diagnostic carries a stable code, a link and the source', () => {
    const [diagnostic] = service.doValidation(documentOf('"550 4.1.1 x"', 'file:///srv/relay/replies.py', 'python'))!.diagnostics;
    assert.equal(diagnostic.source, 'smtp-status-codes');
    assert.equal(diagnostic.codeDescription?.href, 'https://www.rfc-editor.org/rfc/rfc2034#section-4');
    assert.equal(diagnostic.severity, 1);
  });

  test('is softer in logs, where codes come from remote servers', () => {
    const [diagnostic] = service.doValidation(documentOf('Nov 28 mx postfix/smtp[1]: said: 550 4.1.1 nope', 'file:///var/log/mail.log', 'log'))!.diagnostics;
    assert.equal(diagnostic.code, 'class-mismatch');
    assert.equal(diagnostic.severity, 3);
  });

  test('follows the severity settings, and honours limits', () => {
    const { settings } = resolveSettings({ severity: { 'class-mismatch': 'off', 'unregistered-code': 'error' }, maxNumberOfProblems: 1 });
    const limited = service.doValidation(documentOf('"550 4.1.1 x"\n"550 5.9.9 y"\n"550 5.9.8 z"', 'file:///src/replies.py', 'python'), settings)!;
    assert.deepEqual(limited.diagnostics.map((d) => [d.code, d.severity]), [['unregistered-code', 1]]);
    assert.equal(limited.limited?.setting, 'maxNumberOfProblems');
    assert.match(limited.limited!.message, /^replies\.py has more than 1 status code problems; only the first 1 are shown\. Raise smtpStatusCodes\.maxNumberOfProblems/);
    const tiny = resolveSettings({ maxFileSize: 5 }).settings;
    const tooLarge = service.doValidation(documentOf('"550 4.1.1 x"', 'file:///src/big.txt'), tiny)!;
    assert.deepEqual(tooLarge.diagnostics, []);
    assert.match(tooLarge.limited!.message, /^big\.txt has 13 characters, more than smtpStatusCodes\.maxFileSize \(5\)/);
  });

  test('finds nothing in a source file except its wrong reply', () => {
    assert.deepEqual(problems(fixture('source/smtp-server.js'), 'file:///src/server.js', 'javascript'), ['15:37 class-mismatch']);
  });

  test('a bounce message has no problems and its codes hover', () => {
    const eml = fixture('bounces/dsn.eml');
    const document = documentOf(eml, 'file:///mail/bounce.eml');
    assert.deepEqual(service.doValidation(document)?.diagnostics, []);
    const lines = eml.split('\n');
    const status = lines.findIndex((line) => line.startsWith('Status:'));
    const diagnostic = lines.findIndex((line) => line.startsWith('Diagnostic-Code:'));
    assert.match(hoverText(service.doHover(document, { line: status, character: 9 })), /Bad destination mailbox address/);
    assert.match(hoverText(service.doHover(document, { line: diagnostic, character: 23 })), /Bad destination mailbox address/);
  });
});

describe('completion', () => {
  const labels = (text: string, uri?: string, languageId?: string) => {
    const { document, position } = withCursor(text, uri, languageId);
    return service.doComplete(document, position)?.items ?? [];
  };

  test('after "550 5." offers 5.x.y codes, the ones writers use with 550 first', () => {
    const items = labels('reply("550 5.|', 'file:///src/a.js', 'javascript');
    assert.ok(items.length > 40);
    assert.ok(items.every((item) => item.label.startsWith('5.')));
    const sorted = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
    assert.deepEqual(sorted.slice(0, 2).map((item) => item.label), ['5.7.1', '5.1.1']);
    assert.equal(sorted[1].detail, 'Bad destination mailbox address');
    assert.deepEqual((sorted[0].textEdit as { range: unknown }).range, { start: { line: 0, character: 11 }, end: { line: 0, character: 13 } });
    assert.ok(!items.some((item) => item.label === '5.4.1'), 'no transient-only code in a permanent reply');
  });

  test('a 4xx reply gets 4.x.y codes and a Postfix DEFER too', () => {
    const transient = labels('"451 |', 'file:///src/a.py', 'python');
    assert.ok(transient.length > 30 && transient.every((item) => item.label.startsWith('4.')), transient.map((item) => item.label).join(' '));
    const defer = labels('example.com  DEFER |', 'file:///etc/postfix/access');
    assert.ok(defer.length > 0 && defer.every((item) => item.label.startsWith('4.')));
  });

  test('stays quiet where no code belongs', () => {
    assert.deepEqual(labels('{ "version": "5.|', 'file:///app/package.json', 'json'), []);
    assert.deepEqual(labels('const timeout = 250 |', 'file:///src/a.ts', 'typescript'), []);
    assert.deepEqual(labels('"354 |', 'file:///src/a.ts', 'typescript'), []);
  });
});

describe('bad input', () => {
  test('empty, binary and huge documents never throw', () => {
    assert.deepEqual(service.doValidation(documentOf(''))?.diagnostics, []);
    assert.equal(service.doHover(documentOf(''), { line: 0, character: 0 }), null);
    const binary = Array.from({ length: 200_000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
    assert.deepEqual(service.doValidation(documentOf(binary, 'file:///bin/data.bin'))?.diagnostics, []);
    // A reply in the middle of binary data, lone CRs and all, is still found where it is.
    const withReply = documentOf(`${binary.slice(0, 100_000)}\n"550 4.1.1 x"\n${binary.slice(100_000)}`, 'file:///bin/reply.bin');
    const found = service.doValidation(withReply)!.diagnostics;
    assert.deepEqual(found.map((d) => [d.code, withReply.offsetAt(d.range.start)]), [['class-mismatch', 100_006]]);
    const longLine = '550 5.1.1 '.repeat(100_000);
    assert.deepEqual(service.doValidation(documentOf(longLine))!.diagnostics, []);
    assert.equal(service.doHover(documentOf(longLine), { line: 0, character: 500_005 })?.range?.start.character, 500_004);
  });

  test('a lone CR ends a line, as LSP positions count it', () => {
    const document = documentOf('old\rmac\n"550 4.1.1 x"', 'file:///notes/old-mac.txt');
    assert.deepEqual(service.doValidation(document)!.diagnostics.map((d) => [d.code, d.range.start]), [['class-mismatch', { line: 2, character: 5 }]]);
  });

  test('settings of the wrong shape fall back to defaults with a clear message', () => {
    assert.deepEqual(resolveSettings(42), { settings: DEFAULT_SETTINGS, problems: ['smtpStatusCodes: expected an object of settings, got 42; using the defaults.'] });
    const { settings, problems: messages } = resolveSettings({ severity: 'loud', hover: { enabled: 'yes' }, maxFileSize: -1, severityInLogs: { 'class-mismatch': 'fatal', nope: 'hint' } });
    assert.deepEqual(settings, DEFAULT_SETTINGS);
    assert.equal(messages.length, 5);
    assert.match(messages.join('\n'), /smtpStatusCodes\.severityInLogs\.class-mismatch: expected one of error, warning, information, hint, off, got "fatal"/);
  });
});

describe('the service\'s other requests, as the editor makes them', () => {
  const LOG_TEXT = [
    'Nov 28 10:00:01 mx1 postfix/smtpd[2001]: 3F9C12A0B4: client=mail.example.org[192.0.2.10]',
    'Nov 28 10:00:02 mx1 postfix/smtp[2003]: 3F9C12A0B4: to=<bob@example.net>, relay=mx.example.net[198.51.100.7]:25, dsn=5.2.2, status=bounced (host mx.example.net[198.51.100.7] said: 552 5.2.2 Mailbox full)',
    'Nov 28 10:00:03 mx1 postfix/smtp[2004]: 4A0D23B1C5: to=<carol@example.com>, relay=mx.example.com[203.0.113.9]:25, dsn=4.4.1, status=deferred (connect to mx.example.com[203.0.113.9]:25: Connection timed out)',
  ].join('\n');

  test('the kind of a file and why: the user\'s glob, the name, the language, the content', () => {
    const local = createLanguageService();
    const byName = documentOf('x.example REJECT 5.7.1 no\n', 'file:///etc/postfix/sender_access');
    assert.deepEqual(local.kindOf(byName), { kind: 'postfix', label: 'Postfix configuration', reason: 'name' });
    const chosen = resolveSettings({ fileKinds: { 'sender_access': 'prose', 'other.txt': 'exim' } }).settings;
    assert.deepEqual(local.kindOf(byName, chosen), { kind: 'prose', label: 'Prose only', reason: 'setting', pattern: 'sender_access' });
    assert.deepEqual(local.kindOf(documentOf('reply("550 5.1.1")', 'file:///src/a.js', 'javascript')), { kind: 'source', label: 'Source code', reason: 'language' });
    assert.deepEqual(local.kindOf(documentOf(LOG_TEXT, 'untitled:Untitled-1')), { kind: 'mail-log', label: 'Mail log', reason: 'content' });
  });

  test('folding follows the kind the last settings gave, since the editor asks for it without settings', () => {
    const local = createLanguageService();
    const bounce = fixture('bounces/dsn.eml');
    const asText = documentOf(bounce, 'file:///notes/returned.txt', 'plaintext');
    const asBounce = resolveSettings({ fileKinds: { 'returned.txt': 'bounce' } }).settings;
    const asProse = resolveSettings({ fileKinds: { 'returned.txt': 'prose' } }).settings;
    local.kindOf(asText, asProse);
    assert.deepEqual(local.doFoldingRanges(asText), [], 'prose does not fold');
    local.kindOf(asText, asBounce);
    assert.ok(local.doFoldingRanges(asText).length >= 2, 'a bounce folds its parts');
    assert.deepEqual(local.doFoldingRanges(documentOf(LOG_TEXT, 'file:///var/log/mail.log')), []);
  });

  test('hover and completion switched off answer nothing', () => {
    const document = documentOf('reply("550 5.1.1 unknown")', 'file:///src/b.js', 'javascript');
    const off = resolveSettings({ hover: { enabled: false }, completion: { enabled: false } }).settings;
    assert.ok(service.doHover(document, { line: 0, character: 12 }));
    assert.equal(service.doHover(document, { line: 0, character: 12 }, off), null);
    const { document: typing, position } = withCursor('reply("550 5.|")', 'file:///src/c.js', 'javascript');
    assert.ok(service.doComplete(typing, position)!.items.length > 0);
    assert.equal(service.doComplete(typing, position, off), null);
  });

  test('the log\'s messages: only a queue ID under the cursor highlights, and the outline lists each message', () => {
    const local = createLanguageService();
    const document = documentOf(LOG_TEXT, 'file:///var/log/mail.log');
    const onId = { line: 1, character: 42 };
    assert.deepEqual(local.doDocumentHighlights(document, onId).map((h) => h.range.start.line), [0, 1]);
    assert.deepEqual(local.doReferences(document, onId).map((l) => [l.uri, l.range.start.line]), [['file:///var/log/mail.log', 0], ['file:///var/log/mail.log', 1]]);
    assert.equal(local.doDefinition(document, onId)?.range.start.line, 0);
    const offId = { line: 1, character: 5 };
    assert.deepEqual(local.doDocumentHighlights(document, offId), []);
    assert.deepEqual(local.doReferences(document, offId), []);
    assert.equal(local.doDefinition(document, offId), null);
    assert.deepEqual(local.doDocumentSymbols(document).map((s) => s.name), ['3F9C12A0B4 bounced: 5.2.2 Mailbox full', '4A0D23B1C5 deferred: 4.4.1 No answer from host']);
    const source = documentOf('reply("550 5.1.1 3F9C12A0B4")', 'file:///src/d.js', 'javascript');
    assert.deepEqual(local.doDocumentSymbols(source), []);
    assert.deepEqual(local.doDocumentHighlights(source, { line: 0, character: 20 }), []);
  });

  test('a log edited keeps its messages in step with its text', () => {
    const local = createLanguageService();
    const document = TextDocument.create('file:///var/log/mail.log', 'plaintext', 1, LOG_TEXT);
    assert.equal(local.doDocumentSymbols(document).length, 2);
    const end = document.positionAt(LOG_TEXT.length);
    const added = '\nNov 28 10:00:04 mx1 postfix/smtp[2005]: 5B1E34C2D6: to=<dan@example.org>, dsn=2.0.0, status=sent (250 2.0.0 OK)';
    const updated = TextDocument.update(document, [{ range: { start: end, end }, text: added }], 2);
    assert.deepEqual(local.doDocumentSymbols(updated).map((s) => s.name.slice(0, 10)), ['3F9C12A0B4', '4A0D23B1C5', '5B1E34C2D6']);
  });

  test('the summary groups failures by bounce reason only when asked', () => {
    const document = documentOf(LOG_TEXT, 'file:///var/log/summary.log');
    const plain = service.summarize(document);
    assert.equal(plain.total, 3, 'dsn=5.2.2, the 5.2.2 of the reply and dsn=4.4.1');
    const byReason = service.summarize(document, DEFAULT_SETTINGS, true);
    assert.notDeepEqual(byReason, plain);
    assert.match(JSON.stringify(byReason), /mailbox full/i);
  });

  test('links stop where the file is over maxFileSize; inlay hints take a range past the end', () => {
    const document = documentOf('See RFC 3463 for 5.1.1.\n', 'file:///notes/rfc.txt');
    assert.equal(service.doDocumentLinks(document).length, 1);
    assert.deepEqual(service.doDocumentLinks(document, resolveSettings({ maxFileSize: 10 }).settings), []);
    assert.equal(service.doDocumentLinks(document, resolveSettings({ maxFileSize: 24 }).settings).length, 1, 'a file of exactly maxFileSize characters is linked');
    const log = documentOf(LOG_TEXT, 'file:///var/log/hints.log');
    const labels = (range: { start: number; end: number }) => service.doInlayHints(log, { start: { line: range.start, character: 0 }, end: { line: range.end, character: 0 } }).map((hint) => hint.position.line);
    assert.deepEqual(labels({ start: 0, end: 2 }), [1, 1, 2]);
    assert.deepEqual(labels({ start: -3, end: 99 }), [1, 1, 2]);
    assert.deepEqual(labels({ start: 2, end: 2 }), [2]);
  });
});
