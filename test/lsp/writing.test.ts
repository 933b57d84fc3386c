import * as assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CodeActionRequest, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspSession } from '../support/lspSession';

/** What a mail admin meets while writing replies: fixes that keep the reply's intent, findings only where they act, completion ranked for them. */
describe('writing replies over the protocol', { timeout: 60_000 }, () => {
  let session: LspSession;
  let counter = 0;
  before(async () => (session = await LspSession.start({ settings: {} })));
  after(() => session.stop());

  async function actions(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return (await session.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic], only: ['quickfix'] },
    })) as CodeAction[];
  }

  /** The line as the preferred fix of its first diagnostic leaves it, or undefined where no fix is preferred. */
  async function preferredFix(path: string, line: string, languageId = 'plaintext'): Promise<string | undefined> {
    const uri = `file://${path.replace(/(\.\w+)?$/, `-${++counter}$1`)}`;
    await session.open(uri, `${line}\n`, languageId);
    const [diagnostic] = await session.diagnostics(uri);
    assert.ok(diagnostic, `a finding on: ${line}`);
    const fix = (await actions(uri, diagnostic)).find((action) => action.isPreferred && action.edit);
    await session.close(uri);
    if (!fix) return undefined;
    const document = TextDocument.create(uri, languageId, 1, `${line}\n`);
    return TextDocument.applyEdits(document, fix.edit!.changes![uri]).trimEnd();
  }

  async function findings(path: string, text: string, languageId = 'plaintext'): Promise<string[]> {
    const uri = `file://${path.replace(/(\.\w+)?$/, `-${++counter}$1`)}`;
    await session.open(uri, text, languageId);
    const result = (await session.diagnostics(uri)).map((d) => `${d.range.start.line}:${d.code}`);
    await session.close(uri);
    return result;
  }

  test('a class fix changes the enhanced code to match the reply code, so temporary stays temporary and 421 stays 421', async () => {
    assert.equal(await preferredFix('/srv/relay/replies.py', 'reply = "450 5.1.2 MX lookup failure"', 'python'), 'reply = "450 4.1.2 MX lookup failure"');
    assert.equal(await preferredFix('/srv/relay/replies.py', 'reply = "421 5.7.0 Too many errors, closing"', 'python'), 'reply = "421 4.7.0 Too many errors, closing"');
    assert.equal(await preferredFix('/etc/postfix/sender_access', 'spammer@example.net   REJECT 4.7.1 Go away'), 'spammer@example.net   REJECT 5.7.1 Go away');
    assert.equal(await preferredFix('/etc/mail/sendmail.mc', 'R$*\t$#error $@ 5.1.2 $: "450 MX lookup failure"'), 'R$*\t$#error $@ 4.1.2 $: "450 MX lookup failure"');
  });

  test('an Exim reply that contradicts its verb keeps the reply code\'s meaning, never the registry\'s first code', async () => {
    const acl = (verb: string, message: string) => `begin acl\n\nacl_check_rcpt:\n  ${verb}   message = ${message}\n          hosts = +blocked\n`;
    const fixed = async (verb: string, message: string) => {
      const uri = `file:///etc/exim4/exim4-${++counter}.conf`;
      await session.open(uri, acl(verb, message));
      const diagnostic = (await session.diagnostics(uri)).find((d) => d.code === 'class-mismatch')!;
      const fix = (await actions(uri, diagnostic)).find((action) => action.isPreferred && action.edit);
      const text = fix && TextDocument.applyEdits(TextDocument.create(uri, 'plaintext', 1, acl(verb, message)), fix.edit!.changes![uri]).split('\n')[3].trim();
      await session.close(uri);
      return text;
    };
    assert.equal(await fixed('deny', '451 4.7.1 Relay not permitted'), 'deny   message = 550 5.7.1 Relay not permitted', '451 is not 551 "user not local"');
    assert.equal(await fixed('defer', '550 5.7.1 Greylisted, try later'), 'defer   message = 450 4.7.1 Greylisted, try later');
    assert.equal(await fixed('defer', '554 5.7.1 Rejected'), undefined, '554 has no transient twin: nothing is preferred');
  });

  test('an unregistered code and an undefined reply code are offered fixes, but none is applied unasked', async () => {
    assert.equal(await preferredFix('/srv/relay/replies.py', 'reply = "550 5.3.44 Message too big"', 'python'), undefined);
    assert.equal(await preferredFix('/srv/relay/replies.py', 'reply = "571 5.7.1 Delivery not authorized"', 'python'), undefined);
  });

  test('no fix is preferred in logs, bounces or prose', async () => {
    assert.equal(await preferredFix('/var/log/mail.log', 'Nov 28 12:00:01 mx postfix/smtp[1]: ABC: to=<a@b.example>, dsn=5.0.0, status=bounced (host b.example said: 550 4.1.1 No such user)', 'log'), undefined);
    assert.equal(await preferredFix('/home/alice/Mail/bounce.eml', 'Diagnostic-Code: smtp; 550 4.1.1 No such user'), undefined);
    assert.equal(await preferredFix('/docs/rbl.md', 'zen.spamhaus.org=127.0.0.10 521 4.7.1 Service unavailable', 'markdown'), undefined);
  });

  test('the replies MTAs send by design are not findings; numbers and action words in prose are not replies', async () => {
    const byDesign = ['"504 5.5.2 Helo command rejected"', '"450 4.1.8 Sender address rejected: Domain not found"', '"421 4.7.0 Error: too many errors"',
      '"502 5.5.1 Error: command not implemented"', '"452 4.5.3 Error: too many recipients"', '"553 5.1.3 Bad address syntax"'];
    assert.deepEqual(await findings('/srv/relay/replies.py', byDesign.map((reply) => `replies.append(${reply})`).join('\n'), 'python'), []);
    const readme = [
      'Postfix listens on port 587 which requires authentication.',
      'A 421 status code means that the server closes the connection; the 512 character limit applies to commands.',
      'Each entry maps a key to PERMIT, REJECT or DEFER (try again later) and the reply text the client sees.',
      'Change the reply code to 550 when the sender should not retry at all, and keep it so for a while.',
      'The example below rejects a listed client with a reply the client can read and act upon at once.',
    ].join('\n');
    assert.deepEqual(await findings('/usr/share/doc/postfix/README_FILES/SMTPD_ACCESS_README', readme), []);
    assert.deepEqual(await findings('/etc/fail2ban/action.d/iptables.conf', '[Init]\nblocktype = REJECT --reject-with icmp-port-unreachable\n'), []);
    assert.deepEqual(await findings('/src/postfix/src/smtpd/smtpd.c', '/* REJECT Relaying denied */\nsmtpd_chat_reply(state, "550 5.7.1 Relaying denied");\n', 'c'), []);
    assert.deepEqual(await findings('/docs/rbl.md', 'zen.spamhaus.org=127.0.0.10 521 4.7.1 Service unavailable\n', 'markdown'), ['0:class-mismatch'], 'a complete example reply is still checked');
  });

  test('missing-code says what the MTA sends without one, and fires only where a code would change it', async () => {
    const uri = 'file:///etc/postfix/recipient_access';
    await session.open(uri, 'nobody@example.com   REJECT User unknown\nrelay.example   REJECT Relaying denied\n');
    const diagnostics = await session.diagnostics(uri);
    assert.deepEqual(diagnostics.map((d) => d.range.start.line), [0], 'Postfix adds 5.7.1 itself, which fits "Relaying denied"');
    assert.match(String(diagnostics[0].message), /Postfix adds its generic 5\.7\.1; the text says .*: write 5\.1\.1\./);
    await session.close(uri);
    const exim = 'file:///etc/exim4/exim4-missing.conf';
    await session.open(exim, 'begin acl\n\nacl_check_rcpt:\n  deny    message = 550 Relaying not permitted\n          !hosts = +relay_hosts\n');
    const [eximFinding] = await session.diagnostics(exim);
    assert.match(String(eximFinding.message), /Exim sends none of its own: write one such as 5\.7\.1/);
    await session.close(exim);
  });

  test('completion offers first the codes a writer most likely wants', async () => {
    const firstCodes = async (path: string, text: string, languageId = 'plaintext') => {
      const uri = `file://${path.replace(/(\.\w+)?$/, `-${++counter}$1`)}`;
      const offset = text.indexOf('|');
      const clean = text.slice(0, offset) + text.slice(offset + 1);
      await session.open(uri, clean, languageId);
      const position = TextDocument.create(uri, languageId, 1, clean).positionAt(offset);
      const items = (await session.completion(uri, position)).items;
      await session.close(uri);
      return items.slice().sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label)).map((item) => item.label).slice(0, 3);
    };
    assert.deepEqual((await firstCodes('/etc/postfix/sender_access', 'spammer@example.net   REJECT |')).slice(0, 2), ['5.7.1', '5.1.1']);
    assert.deepEqual((await firstCodes('/etc/postfix/sender_access', 'busy.example   DEFER |')).slice(0, 2), ['4.7.1', '4.2.2']);
    assert.deepEqual((await firstCodes('/srv/haraka/plugins/rcpt.js', "return next(DENY, '|');", 'javascript'))[0], '5.7.1');
    assert.deepEqual((await firstCodes('/srv/relay/replies.py', 'RECIPIENT_UNKNOWN = "550 |"', 'python'))[0], '5.1.1');
    const deferSnippets = await firstCodes('/etc/exim4/exim4.conf', 'begin acl\nacl_check_rcpt:\n  defer   message = |\n');
    assert.ok(deferSnippets.length > 0 && deferSnippets.every((label) => label.startsWith('4')), deferSnippets.join(', '));
  });

  test('completion in APIs that take the reply code apart', async () => {
    const labels = async (path: string, text: string, languageId: string) => {
      const uri = `file://${path.replace(/(\.\w+)?$/, `-${++counter}$1`)}`;
      const offset = text.indexOf('|');
      const clean = text.slice(0, offset) + text.slice(offset + 1);
      await session.open(uri, clean, languageId);
      const items = (await session.completion(uri, TextDocument.create(uri, languageId, 1, clean).positionAt(offset))).items;
      await session.close(uri);
      return items.slice().sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map((item) => (item.textEdit as { newText: string }).newText);
    };
    assert.equal((await labels('/srv/relay/handler.py', "raise SMTPResponseException(550, '|')", 'python'))[0], '5.7.1');
    assert.equal((await labels('/srv/haraka/plugins/x.js', "connection.respond(452, '|');", 'javascript'))[0], '4.2.2');
    assert.equal((await labels('/srv/relay/server.go', 'return &textproto.Error{Code: 535, Msg: "|"}', 'go'))[0], '5.7.8');
    assert.equal((await labels('/srv/relay/backend.go', 'return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{|}}', 'go'))[0], '5, 7, 1');
    assert.equal((await labels('/srv/relay/server.js', "const err = new Error('|');\nerr.responseCode = 552;", 'javascript'))[0], '5.3.4');
  });
});
