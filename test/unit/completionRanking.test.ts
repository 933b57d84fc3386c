/**
 * Completion as a writer meets it, in the language service: which codes come first for each kind of reply, what an item
 * inserts and replaces, and where nothing is offered.
 */
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CompletionItem, CompletionList, TextEdit } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/languageService';
import { resolveSettings } from '../../server/src/settings';
import { withCursor } from '../support/documents';

const service = createLanguageService();

function list(text: string, uri: string, languageId = 'plaintext', raw: unknown = {}): CompletionList | null {
  const { document, position } = withCursor(text, uri, languageId);
  const result = service.doComplete(document, position, resolveSettings(raw).settings);
  service.forget(uri);
  return result;
}

const items = (text: string, uri: string, languageId = 'plaintext', raw: unknown = {}) => list(text, uri, languageId, raw)?.items ?? [];
/** The items in the order an editor shows them: by sort text, ties by label (so that 5.1.10 would come before 5.1.2). */
const bySortText = (found: CompletionItem[]) =>
  [...found].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label) || a.label.localeCompare(b.label));
/** The codes offered (not snippets), best first, as they would be inserted. */
const ranked = (text: string, uri: string, languageId = 'plaintext', raw: unknown = {}) =>
  bySortText(items(text, uri, languageId, raw).filter((item) => item.kind === 12)).map((item) => (item.textEdit as TextEdit).newText);

/** The text after accepting `item`, with snippet placeholders resolved to their defaults. */
function accept(text: string, uri: string, item: CompletionItem): string {
  const { document } = withCursor(text, uri);
  const edit = item.textEdit as TextEdit;
  return TextDocument.applyEdits(document, [{ range: edit.range, newText: edit.newText.replace(/\$\{\d+:([^}]*)\}/g, '$1') }]);
}

describe('completion: the codes a writer most likely wants come first', () => {
  test('after a Postfix action: a policy refusal first, then user unknown; a deferral offers transient codes', () => {
    const access = 'file:///etc/postfix/sender_access';
    assert.deepEqual(ranked('spammer@example.net   REJECT |', access).slice(0, 3), ['5.7.1', '5.1.1', '5.7.0']);
    assert.deepEqual(ranked('busy.example   DEFER |', access).slice(0, 3), ['4.7.1', '4.2.2', '4.7.0']);
    assert.deepEqual(ranked('busy.example   defer_if_permit |', access).slice(0, 2), ['4.7.1', '4.2.2'], 'actions are read in any case');
  });

  test('after a reply code in a string: the codes that go with what that reply says', () => {
    const uri = 'file:///srv/relay/replies.py';
    assert.deepEqual(ranked('POLICY = "550 |"', uri, 'python').slice(0, 2), ['5.7.1', '5.1.1']);
    assert.deepEqual(ranked('RECIPIENT_UNKNOWN = "550 |"', uri, 'python').slice(0, 2), ['5.1.1', '5.2.1'], 'a recipient reply: user unknown first');
    assert.deepEqual(ranked('TOO_BIG = "552 |"', uri, 'python').slice(0, 2), ['5.3.4', '5.2.2']);
    assert.deepEqual(ranked('BAD_AUTH = "535 |"', uri, 'python')[0], '5.7.8');
    assert.deepEqual(ranked('GREYLISTED = "450 |"', uri, 'python').slice(0, 2), ['4.7.1', '4.2.2']);
    assert.deepEqual(ranked('OK = "250 |"', uri, 'python').slice(0, 4), ['2.0.0', '2.1.0', '2.1.5', '2.6.0'], 'sender OK, recipient OK, queued');
  });

  test('the first choice is preselected; after it come the codes the registry lists for the reply, then the rest of the class', () => {
    const found = bySortText(items('TOO_BIG = "552 |"', 'file:///srv/relay/replies.py', 'python').filter((item) => item.kind === 12));
    assert.deepEqual(found.filter((item) => item.preselect).map((item) => item.label), ['5.3.4']);
    const groups = found.map((item) => item.sortText![0]);
    assert.deepEqual([...new Set(groups)], ['0', '1', '2'], 'writer\'s choice, then associated, then the rest');
    const associated = found.filter((item) => item.sortText![0] === '1').map((item) => item.label);
    assert.deepEqual(associated, ['5.7.16'], 'X.7.16 lists 552; X.2.2, X.2.3 and X.3.4 are ranked before it');
    const rest = found.filter((item) => item.sortText![0] === '2').map((item) => item.label);
    assert.ok(rest.includes('5.1.1') && !rest.includes('5.3.4'), 'the rest of the class, without the codes already ranked');
    assert.deepEqual(rest, [...rest].sort((a, b) => {
      const [, as, ad] = a.split('.').map(Number);
      const [, bs, bd] = b.split('.').map(Number);
      return as - bs || ad - bd;
    }), 'the rest in registry order, by subject then detail');
  });

  test('each code item carries its summary, and its documentation names the reply it was offered for', () => {
    const item = items('"550 5.1.|', 'file:///src/a.js', 'javascript').find((i) => i.label === '5.1.1')!;
    assert.equal(item.detail, 'Bad destination mailbox address');
    assert.equal(item.labelDetails?.description, 'Bad destination mailbox address');
    const documentation = (service.doResolveCompletion(item).documentation as { value: string }).value;
    assert.match(documentation, /Bad destination mailbox address/);
    assert.match(documentation, /550/);
  });
});

describe('completion in APIs that take the reply code apart', () => {
  test('Python, Haraka, Go textproto: the reply code argument ranks the codes', () => {
    assert.equal(ranked("raise SMTPResponseException(550, '|')", 'file:///srv/relay/handler.py', 'python')[0], '5.7.1');
    assert.equal(ranked("connection.respond(452, '|');", 'file:///srv/haraka/plugins/x.js', 'javascript')[0], '4.2.2');
    assert.equal(ranked('return &textproto.Error{Code: 535, Msg: "|"}', 'file:///srv/relay/server.go', 'go')[0], '5.7.8');
  });

  test("go-smtp's EnhancedCode takes the code as three numbers", () => {
    const text = 'return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{|}}';
    const found = items(text, 'file:///srv/relay/backend.go', 'go').filter((item) => item.kind === 12);
    const first = bySortText(found)[0];
    assert.equal(first.label, '5.7.1');
    assert.equal(first.filterText, '5, 7, 1');
    assert.equal(accept(text, 'file:///srv/relay/backend.go', first), 'return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 7, 1}}');
    assert.ok(found.every((item) => item.label.startsWith('5.')));
  });

  test('a Node smtp-server error: responseCode set beside the message ranks the codes', () => {
    assert.equal(ranked("const err = new Error('|');\nerr.responseCode = 552;", 'file:///srv/relay/server.js', 'javascript')[0], '5.3.4');
    assert.equal(ranked("err.responseCode = 451;\nconst x = 1;\nconst err = new Error('|');", 'file:///srv/relay/server.js', 'javascript')[0], '4.7.1');
    assert.deepEqual(items("err.responseCode = 451;\n\n\n\n\nconst err = new Error('|');", 'file:///srv/relay/server.js', 'javascript'), [], 'too far away to belong to the error');
  });
});

describe('completion after MTA syntax', () => {
  test('Sendmail $#error offers both failure classes; a typed class narrows them', () => {
    const uri = 'file:///etc/mail/sendmail.mc';
    const both = ranked('R$* < @ $* . > $*\t$#error $@ |', uri);
    assert.ok(both.includes('5.7.1') && both.includes('4.7.1') && !both.some((code) => code.startsWith('2.')));
    const transient = ranked('R$* < @ $* . > $*\t$#error $@ 4.|', uri);
    assert.ok(transient.length > 20 && transient.every((code) => code.startsWith('4.')));
  });

  test('a status field offers every class; what is typed is replaced whole', () => {
    const uri = 'file:///srv/relay/events.py';
    const classes = new Set(ranked('event = {"enhanced_code": "|"}', uri, 'python').map((code) => code[0]));
    assert.deepEqual([...classes].sort(), ['2', '4', '5']);
    const text = 'event = {"dsn": "5.1.|"}';
    const item = items(text, uri, 'python').find((i) => i.label === '5.1.10')!;
    assert.equal(accept(text, uri, item), 'event = {"dsn": "5.1.10"}');
  });

  test('an Exim defer is offered transient reply snippets only, a deny permanent ones', () => {
    const uri = 'file:///etc/exim4/exim4.conf';
    const snippetsAfter = (verb: string) => items(`begin acl\nacl_check_rcpt:\n  ${verb}   message = |\n`, uri).filter((item) => item.kind === 15).map((item) => item.label);
    const deferred = snippetsAfter('defer');
    assert.ok(deferred.length >= 2 && deferred.every((label) => label.startsWith('4')), deferred.join(', '));
    const denied = snippetsAfter('deny');
    assert.ok(denied.length >= 2 && denied.every((label) => label.startsWith('5')), denied.join(', '));
    const item = items('  deny    message = |', uri).find((i) => i.label === '550 5.1.1 User unknown')!;
    assert.equal(accept('  deny    message = |', uri, item), '  deny    message = 550 5.1.1 User unknown');
    assert.equal((item.textEdit as TextEdit).newText, '550 5.1.1 ${1:User unknown}', 'the text is a placeholder to overwrite');
  });

  test('OpenSMTPD: a quoted reply snippet closes its quote', () => {
    const uri = 'file:///etc/smtpd.conf';
    const text = 'filter check_rdns phase connect match !rdns reject |';
    const item = items(text, uri).find((i) => i.label === '"550 5.7.1 Access denied"')!;
    assert.equal(accept(text, uri, item), 'filter check_rdns phase connect match !rdns reject "550 5.7.1 Access denied"');
  });

  test('known codes of the class are offered after the registry\'s, with their description', () => {
    const found = items('spammer@example.net   REJECT |', 'file:///etc/postfix/sender_access', 'plaintext', { knownCodes: { '5.7.515': 'Access denied, sending domain does not meet authentication requirements', '4.7.500': 'Server busy' } });
    const known = found.filter((item) => item.label === '5.7.515');
    assert.equal(known.length, 1);
    assert.match(known[0].detail!, /sending domain .* \(smtpStatusCodes\.knownCodes\)/);
    assert.ok(bySortText(found).at(-1)!.label === '5.7.515', 'after every registered code');
    assert.ok(!found.some((item) => item.label === '4.7.500'), 'a transient known code does not follow REJECT');
  });
});

describe('where completion stays quiet', () => {
  test('a number and a space in code or prose is not a reply', () => {
    assert.equal(list('        x = 550 |', 'file:///src/server.py', 'python'), null);
    assert.equal(list('Change the reply code to 550 |', 'file:///docs/README.md', 'markdown'), null);
    assert.equal(list('the version 1.2 |', 'file:///etc/postfix/main.cf'), null);
  });

  test('a reply code that is not 2xx, 4xx or 5xx offers nothing', () => {
    assert.equal(list('MORE = "354 |"', 'file:///srv/relay/replies.py', 'python'), null);
  });

  test('switched off by the setting', () => {
    assert.equal(list('POLICY = "550 |"', 'file:///srv/relay/replies.py', 'python', { completion: { enabled: false } }), null);
  });

  test('a long list is cut and marked incomplete; a short one is complete', () => {
    const short = list('POLICY = "550 |"', 'file:///srv/relay/replies.py', 'python')!;
    assert.equal(short.isIncomplete, false);
    const manyKnown = Object.fromEntries(Array.from({ length: 1000 }, (_, i) => [`5.9.${i}`, `Own code ${i}`]));
    const long = list('POLICY = "550 |"', 'file:///srv/relay/replies.py', 'python', { knownCodes: manyKnown })!;
    assert.equal(long.items.length, 1000);
    assert.equal(long.isIncomplete, true);
    assert.equal(bySortText(long.items)[0].label, '5.7.1', 'the best are kept');
  });
});

describe('where a reply, an action or a field is recognised before the cursor', () => {
  const LOG = 'file:///var/log/mail.log';
  const ACCESS = 'file:///etc/postfix/sender_access';
  const TEXT = 'file:///notes/replies.txt';
  const classes = (text: string, uri: string, languageId = 'plaintext') => [...new Set(ranked(text, uri, languageId).map((code) => code[0]))].join(',');

  test('in mail files a reply starts a line, a map value, a quote or a field, or follows said:', () => {
    assert.deepEqual(ranked('host said: 550 |', LOG, 'log').slice(0, 2), ['5.7.1', '5.1.1']);
    for (const text of ['reject=550 |', 'x = 550 |', 'key 550 |', '  550 |', 'x; 550 |', 'x #550 |']) assert.equal(classes(text, ACCESS), '5', text);
    assert.deepEqual(ranked('x550 |', ACCESS), [], 'a number glued to a word is no reply');
    assert.deepEqual(ranked('one two 550 |', ACCESS), [], 'the third word of a line is no map value');
  });

  test('a recipient on the line puts user unknown first: RCPT, a mailbox, an address key, To:', () => {
    for (const [text, uri] of [['user@example.com 550 |', ACCESS], ['To:x@example.org 550 |', 'file:///etc/mail/access'], ['NO_MAILBOX = "550 |"', 'file:///srv/relay/replies.py'], ['reply(user, "550 |")', 'file:///srv/relay/replies.py'], ['RCPT_REPLY = "550 |"', 'file:///srv/relay/replies.py']]) {
      assert.equal(ranked(text, uri, uri.endsWith('.py') ? 'python' : 'plaintext')[0], '5.1.1', text);
    }
    assert.equal(ranked('POLICY = "550 |"', 'file:///srv/relay/replies.py', 'python')[0], '5.7.1');
  });

  test('a code being typed after a space, a quote, =, : or ( in mail files; not one glued to a word', () => {
    assert.equal(classes('text: 5.1|', TEXT), '5');
    assert.equal(classes('text 4.1|', TEXT), '4');
    assert.equal(list('text: 5|', TEXT), null, 'one digit is not yet a code');
    assert.equal(list('v5.|', TEXT), null);
    assert.equal(list('node@5.|', TEXT), null);
    assert.equal(classes('"550 5.|"', 'file:///srv/relay/replies.py', 'python'), '5');
  });

  test('status fields take any class: status:, "status": ", enhanced_status_code =, ERROR:", (#', () => {
    for (const [text, uri, languageId] of [['status: |', TEXT, 'plaintext'], ['"status": "|', 'file:///srv/x.js', 'javascript'], ['enhanced_status_code = "|', 'file:///srv/x.py', 'python'],
      ['enhancedcode: |', TEXT, 'plaintext'], ['ERROR:"|', 'file:///etc/mail/access', 'plaintext'], ['(#|', TEXT, 'plaintext']]) {
      assert.equal(classes(text, uri, languageId), '2,4,5', text);
    }
    assert.equal(classes('x (#5.|', TEXT), '5', 'what is typed narrows the class');
  });

  test('reply snippets for each MTA where its action or reply begins', () => {
    const snippets = (text: string, uri: string) => items(text, uri).filter((item) => item.kind === 15).map((item) => item.label);
    assert.deepEqual(snippets('From:spam.example  |', 'file:///etc/mail/access').slice(0, 1), ['ERROR:5.7.1:550 Access denied']);
    assert.deepEqual(snippets('Spam:x  ERR|', 'file:///etc/mail/access').slice(0, 1), ['ERROR:5.7.1:550 Access denied']);
    assert.deepEqual(snippets('/^Subject: x/i  REJ|', 'file:///etc/postfix/header_checks').slice(0, 1), ['REJECT 5.7.1 Access denied']);
    assert.deepEqual(snippets('filter f phase connect match !rdns disconnect |', 'file:///etc/smtpd.conf').at(-1), '"421 4.7.0 Too many connections"');
    assert.deepEqual(snippets('x "55|', TEXT).slice(0, 1), ['550 5.1.1 User unknown'], 'a quoted reply in text');
    assert.deepEqual(snippets("        return '25|", 'file:///srv/relay/replies.py'), ['250 2.0.0 OK']);
    assert.deepEqual(snippets('        return `42|', 'file:///srv/x.js'), ['421 4.7.0 Too many connections, try again later']);
    assert.equal(list('x "55|', LOG, 'log'), null, 'no reply is written in a log');
  });

  test('Exim: the verb of the statement, through its indented conditions and comments, sets the class of the snippets', () => {
    const uri = 'file:///etc/exim4/exim4.conf';
    const first = (text: string) => items(text, uri).filter((item) => item.kind === 15).map((item) => item.label)[0];
    assert.equal(first('  drop    message = |'), '550 5.7.1 Access denied');
    assert.equal(first('  require message = |'), '550 5.7.1 Access denied');
    assert.equal(first('acl:\n  defer\n    hosts = x\n    message = |'), '451 4.7.1 Try again later');
    assert.equal(first('acl:\n  defer\n  # greylisting\n    message = |'), '451 4.7.1 Try again later');
    const anyClass = items('acl:\n  defer\nnext:\n    message = |', uri).filter((item) => item.kind === 15).map((item) => item.label[0]);
    assert.deepEqual([...new Set(anyClass)].sort(), ['4', '5'], 'a new statement ends the defer');
    const warn = items('  warn    message = |', uri).filter((item) => item.kind === 15).map((item) => item.label[0]);
    assert.deepEqual([...new Set(warn)].sort(), ['4', '5']);
  });

  test('whole replies offered as a reply code is typed in a string, each with its usual text', () => {
    const offered = (typed: string) => bySortText(items(`        return "${typed}|`, 'file:///srv/relay/replies.py', 'python')).filter((item) => item.kind === 15).map((item) => item.label);
    assert.deepEqual(offered('55'), ['550 5.1.1 User unknown', '550 5.7.1 Relaying denied', '554 5.7.1 Message rejected for policy reasons', '550 5.7.26 Message failed authentication checks', '552 5.3.4 Message too big']);
    assert.deepEqual(offered('53'), ['535 5.7.8 Authentication credentials invalid', '530 5.7.0 Authentication required']);
    assert.deepEqual(offered('45'), ['452 4.2.2 Mailbox full, try again later', '451 4.7.1 Greylisted, try again later']);
    assert.deepEqual(offered('25'), ['250 2.0.0 OK']);
    const snippet = items('        return "55|', 'file:///srv/relay/replies.py', 'python')[0];
    assert.equal(service.doResolveCompletion(snippet), snippet, 'a snippet has no code documentation to add');
    const code = items('"550 5.1.|', 'file:///src/a.js', 'javascript').find((i) => i.label === '5.1.1')!;
    assert.equal((service.doResolveCompletion(code).documentation as { kind: string }).kind, 'markdown');
  });

  test('APIs: a space before the comma and a bytes literal; a 3xx reply gets nothing', () => {
    assert.equal(ranked('respond(452 , b"|', 'file:///srv/relay/replies.py', 'python')[0], '4.2.2');
    assert.equal(ranked('&smtp.SMTPError{Code: 421, EnhancedCode: EnhancedCode{|', 'file:///x.go', 'go')[0], '4, 7, 0');
    assert.equal(list('&smtp.SMTPError{Code: 354, EnhancedCode: EnhancedCode{|', 'file:///x.go', 'go'), null);
    assert.equal(list('const e = new Error(|);\ne.responseCode = 550;', 'file:///srv/x.js', 'javascript'), null, 'only inside the message string');
  });
});

describe('completion: what is typed before the cursor, as the writer types it', () => {
  const LOG = 'file:///var/log/mail.log';
  const ACCESS = 'file:///etc/postfix/sender_access';
  const SENDMAIL = 'file:///etc/mail/access';
  const EXIM = 'file:///etc/exim4/exim4.conf';
  const TEXT = 'file:///notes/replies.txt';
  const PYTHON = 'file:///srv/relay/replies.py';
  const HARAKA = 'file:///srv/haraka/plugins/rcpt_check.js';
  const NODE = 'file:///srv/relay/server.js';
  const GO = 'file:///srv/relay/backend.go';
  const LANGUAGE: Record<string, string> = { [LOG]: 'log', [PYTHON]: 'python', [HARAKA]: 'javascript', [NODE]: 'javascript', [GO]: 'go' };
  const on = (uri: string) => LANGUAGE[uri] ?? 'plaintext';
  const first = (text: string, uri: string) => ranked(text, uri, on(uri))[0];
  const classes = (text: string, uri: string) => [...new Set(ranked(text, uri, on(uri)).map((code) => code[0]))].sort().join(',');
  const quiet = (text: string, uri: string) => assert.equal(list(text, uri, on(uri)), null, text);
  const acceptLabel = (text: string, uri: string, label: string) => {
    const item = items(text, uri, on(uri)).find((i) => i.label === label);
    assert.ok(item, `${label} offered after ${text}`);
    return accept(text, uri, item);
  };

  test('the class digit alone, a detail being typed, a two-digit subject: the item replaces what is typed', () => {
    assert.equal(classes('spammer@example.net   REJECT 5|', ACCESS), '5');
    assert.equal(acceptLabel('spammer@example.net   REJECT 5|', ACCESS, '5.7.1'), 'spammer@example.net   REJECT 5.7.1');
    assert.equal(acceptLabel('/^From:.*spam/   REJECT 5.7.2|', 'file:///etc/postfix/header_checks', '5.7.26'), '/^From:.*spam/   REJECT 5.7.26');
    const own = items('spammer@example.net   REJECT 5.10|', ACCESS, 'plaintext', { knownCodes: { '5.10.3': 'Sender over its daily quota' } }).find((i) => i.label === '5.10.3');
    assert.ok(own, 'a known code with a two-digit subject');
    assert.equal(accept('spammer@example.net   REJECT 5.10|', ACCESS, own), 'spammer@example.net   REJECT 5.10.3');
  });

  test('Sendmail $@ with or without a space before the code', () => {
    assert.equal(classes('R$* < @ $* . > $*\t$#error $@|', 'file:///etc/mail/sendmail.mc'), '4,5');
    assert.equal(acceptLabel('R$* < @ $* . > $*\t$#error $@5.7.|', 'file:///etc/mail/sendmail.mc', '5.7.1'), 'R$* < @ $* . > $*\t$#error $@5.7.1');
    assert.equal(classes('R$* < @ $* . > $*\t$#error  $@ |', 'file:///etc/mail/sendmail.mc'), '4,5', 'as typed, two spaces');
    quiet('R$* < @ $* . > $*\t$#error $@ 5.7.1 $: |', 'file:///etc/mail/sendmail.mc');
  });

  test('a reply code right before a typed code ranks it: at the start of a line, after said: and a space', () => {
    assert.equal(first('550 5.7.|', TEXT), '5.7.1', 'a server line of an SMTP transcript');
    assert.equal(first('host mx.example.org[192.0.2.1] said: 550 5.7.|', LOG), '5.7.1');
    assert.equal(classes('Mailbox full: not 552 but 4.2.|', TEXT), '4', 'a reply code earlier in the line does not decide');
  });

  test('a reply code in mail files: after a key and several spaces, said: with no space; not once its text has begun', () => {
    assert.equal(first('spam.example   550 |', ACCESS), '5.7.1');
    assert.equal(classes('host mx.example.org[192.0.2.1] said:550 |', LOG), '5');
    quiet('spammer@example.net   550 Go away |', ACCESS);
    quiet('        return "550 No such user" if user is None else |', PYTHON);
  });

  test('a reply code passed as a number: written tight or with a space before the colon; not once the text has begun', () => {
    assert.equal(first("connection.respond(550,'|')", HARAKA), '5.7.1');
    assert.equal(first("reply = { code: 550, message:'|' }", HARAKA), '5.7.1');
    assert.equal(first("reply = { code: 550, message : '|' }", HARAKA), '5.7.1');
    quiet("connection.respond(550, 'No such user |')", HARAKA);
  });

  test("go-smtp's EnhancedCode as typed before gofmt; not in the message that follows it", () => {
    assert.equal(first('return &smtp.SMTPError{Code:550,EnhancedCode:smtp.EnhancedCode{|', GO), '5, 7, 1');
    assert.equal(first('return &smtp.SMTPError{Code: 421 , EnhancedCode: smtp.EnhancedCode{ |', GO), '4, 7, 0');
    quiet('return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 7, 1}, Message: "|', GO);
  });

  test('a recipient: an address key, a Sendmail To: entry; not a sender address, not a Reply-To header, not another reply', () => {
    assert.equal(first('bob@example.com   550 |', 'file:///etc/postfix/recipient_access'), '5.1.1');
    assert.equal(first('To:sales@   550 |', SENDMAIL), '5.1.1');
    assert.equal(first('REPLIES["bob@example.org"]="550 |"', PYTHON), '5.1.1', 'an address key with no space after it');
    assert.equal(first('  deny  senders = spammer@example.net  message = 550 |', EXIM), '5.7.1');
    assert.equal(first('/^Reply-To:.*spam\\.example/   550 |', 'file:///etc/postfix/header_checks'), '5.7.1');
    assert.equal(first('RCPT_GREYLISTED = "450 |"', PYTHON), '4.7.1', 'a temporary recipient reply keeps its own order');
  });

  test('a reply code with no preferred codes: the codes the registry lists with it first', () => {
    assert.equal(first('AUTH_OK = "235 |"', PYTHON), '2.7.0');
  });

  test("Node's responseCode: up to three lines below the message, written tight; only right after the opening quote", () => {
    assert.equal(first("const err = new Error('|');\n\n\nerr.responseCode = 552;\nthrow err;", NODE), '5.3.4');
    quiet("const err = new Error('|');\n\n\n\nerr.responseCode = 552;\nthrow err;", NODE);
    assert.equal(first("const err = new Error('|');\nerr.responseCode=552;", NODE), '5.3.4');
    quiet("const err = new Error('No such user |');\nerr.responseCode = 550;", NODE);
  });

  test('status fields: camelCase, compact JSON, a Sendmail ERROR: with no quote; not a status earlier in the line', () => {
    assert.equal(classes("const reply = { enhancedStatusCode: '|' };", HARAKA), '2,4,5');
    assert.equal(classes('{"event":"bounce","dsn":"|"}', 'file:///srv/relay/events.json'), '2,4,5');
    assert.ok(ranked('From:spam.example   ERROR:|', SENDMAIL).includes('5.7.1'));
    quiet('        log.info("status: %s", "4.|")', PYTHON);
  });

  test('a code typed in mail files: at the start of a line, from its second character; not in a range of versions', () => {
    assert.equal(classes('5.7.|', TEXT), '5');
    assert.equal(classes('The server answered 5.|', TEXT), '5');
    quiet('Tested with versions 4.2-5.1|', TEXT);
  });
});

describe('reply snippets: each MTA\'s whole list, in order, and what an item inserts', () => {
  const ACCESS = 'file:///etc/postfix/sender_access';
  const SENDMAIL = 'file:///etc/mail/access';
  const EXIM = 'file:///etc/exim4/exim4.conf';
  const OPENSMTPD = 'file:///etc/smtpd.conf';
  const PYTHON = 'file:///srv/relay/replies.py';
  const snippetItems = (text: string, uri: string, languageId = 'plaintext', raw: unknown = {}) =>
    bySortText(items(text, uri, languageId, raw)).filter((item) => item.kind === 15);
  const labels = (text: string, uri: string, languageId = 'plaintext') => snippetItems(text, uri, languageId).map((item) => item.label);

  test('Postfix, Sendmail, Exim and OpenSMTPD lists', () => {
    assert.deepEqual(labels('spammer@example.net   |', ACCESS), ['REJECT 5.7.1 Access denied', 'DEFER 4.7.1 Try again later', 'DEFER_IF_PERMIT 4.7.1 Try again later', '550 5.7.1 Access denied', '450 4.7.1 Try again later']);
    assert.deepEqual(labels('spam.example   |', SENDMAIL), ['ERROR:5.7.1:550 Access denied', 'ERROR:4.7.1:451 Try again later', 'ERROR:5.1.1:550 User unknown'], 'a key with no To: or From: tag');
    assert.deepEqual(labels('  warn    message = |', EXIM), ['550 5.7.1 Access denied', '451 4.7.1 Try again later', '550 5.1.1 User unknown', '450 4.7.1 Greylisted, try again later', '452 4.2.2 Mailbox full, try again later']);
    assert.deepEqual(labels('  drop    message = |', EXIM), ['550 5.7.1 Access denied', '550 5.1.1 User unknown']);
    assert.deepEqual(labels('  require message = |', EXIM), ['550 5.7.1 Access denied', '550 5.1.1 User unknown']);
    assert.deepEqual(labels('filter check_rdns phase connect match !rdns reject |', OPENSMTPD), ['"550 5.7.1 Access denied"', '"451 4.7.1 Try again later"', '"421 4.7.0 Too many connections"']);
    assert.deepEqual(labels('/^Subject: .*viagra/   |', 'file:///etc/postfix/header_checks').slice(0, 1), ['REJECT 5.7.1 Access denied'], 'a pattern with a space and no flags');
  });

  test('each snippet says what it is, filters on the reply it inserts, and keeps a closing quote out of its placeholder', () => {
    for (const [text, uri, languageId] of [['spammer@example.net   REJ|', ACCESS, 'plaintext'], ['  deny    message = 55|', EXIM, 'plaintext'], ['filter f phase connect match !rdns reject "55|', OPENSMTPD, 'plaintext'], ['        return "55|', PYTHON, 'python']]) {
      const found = snippetItems(text, uri, languageId);
      assert.ok(found.length > 0, text);
      for (const item of found) {
        assert.equal(item.detail, 'Reply with an enhanced status code');
        assert.equal(item.filterText, item.label.replace(/"$/, ''), 'filtered on the reply it inserts');
      }
    }
    const quoted = snippetItems('filter f phase connect match !rdns reject "55|', OPENSMTPD).find((item) => item.label === '"550 5.7.1 Access denied"')!;
    assert.equal((quoted.textEdit as TextEdit).newText, '"550 5.7.1 ${1:Access denied}"');
    assert.equal(accept('filter f phase connect match !rdns reject "55|', OPENSMTPD, quoted), 'filter f phase connect match !rdns reject "550 5.7.1 Access denied"');
  });

  test('typed digits are replaced; spacing as typed; nothing once the reply text has begun', () => {
    const exim = snippetItems('  deny    message = 55|', EXIM).find((item) => item.label === '550 5.1.1 User unknown')!;
    assert.equal(accept('  deny    message = 55|', EXIM, exim), '  deny    message = 550 5.1.1 User unknown');
    assert.deepEqual(labels('  deny    message=|', EXIM), ['550 5.7.1 Access denied', '550 5.1.1 User unknown']);
    assert.deepEqual(labels('filter f phase connect match !rdns reject  |', OPENSMTPD).length, 3);
    assert.deepEqual(labels('        return "550|', PYTHON, 'python'), ['550 5.1.1 User unknown', '550 5.7.1 Relaying denied', '550 5.7.26 Message failed authentication checks']);
    for (const [text, uri, languageId] of [['  deny    message = 550 Go away |', EXIM, 'plaintext'], ['filter f phase connect match !rdns reject "550 Go away |', OPENSMTPD, 'plaintext'],
      ['spam.example   ERROR:5.7.1:550 Go away |', SENDMAIL, 'plaintext'], ['        return "550 No such us|', PYTHON, 'python']]) {
      assert.equal(list(text, uri, languageId), null, text);
    }
  });

  test('a list of snippets alone is complete; prose chosen by the user still gets whole replies in quotes', () => {
    assert.equal(list('        return "55|', PYTHON, 'python')!.isIncomplete, false);
    const prose = snippetItems('Answer with "55|', 'file:///notes/policy.txt', 'plaintext', { fileKinds: { '**/notes/*.txt': 'prose' } });
    assert.equal(prose[0]?.label, '550 5.1.1 User unknown');
  });
});

describe('completion: known codes and items the client sends back', () => {
  test('a known code shows its description beside it and inserts itself', () => {
    const text = 'spammer@example.net   REJECT 5.7.|';
    const uri = 'file:///etc/postfix/sender_access';
    const known = items(text, uri, 'plaintext', { knownCodes: { '5.7.515': 'Sending domain does not meet authentication requirements' } }).find((item) => item.label === '5.7.515')!;
    assert.equal(known.labelDetails?.description, 'Sending domain does not meet authentication requirements');
    assert.equal(accept(text, uri, known), 'spammer@example.net   REJECT 5.7.515');
  });

  test('an item whose data is not a code\'s comes back as it was', () => {
    const item: CompletionItem = { label: 'REJECT 5.7.1 Access denied', data: { snippet: 'postfix' } };
    assert.equal(service.doResolveCompletion(item), item);
  });
});

describe('Exim: which statement a message belongs to', () => {
  const uri = 'file:///etc/exim4/exim4.conf';
  const firstSnippet = (text: string) => bySortText(items(text, uri)).filter((item) => item.kind === 15).map((item) => item.label)[0];

  test('a verb on the first line, a message line not yet indented, a comment at the start of a line, a verb word in a condition', () => {
    assert.equal(firstSnippet('defer   hosts = +greylist\n        message = |'), '451 4.7.1 Try again later');
    assert.equal(firstSnippet('acl_check_rcpt:\n  defer   hosts = +greylist\nmessage = |'), '451 4.7.1 Try again later');
    assert.equal(firstSnippet('acl_check_rcpt:\n  defer   hosts = +greylist\n# greylisted senders retry\n        message = |'), '451 4.7.1 Try again later');
    assert.equal(firstSnippet('acl_check_rcpt:\n  defer   hosts = +greylist\n        log_message = greylisted, we accept later\n        message = |'), '451 4.7.1 Try again later');
  });

  test('the verb is looked for up to 39 lines above', () => {
    const statement = (conditions: number) => `acl_check_rcpt:\n  defer   hosts = +greylist\n${'        # a reason\n'.repeat(conditions)}        message = |`;
    assert.equal(firstSnippet(statement(38)), '451 4.7.1 Try again later');
    assert.equal(firstSnippet(statement(39)), '550 5.7.1 Access denied');
  });
});
