import * as assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DOCUMENT_KIND_REQUEST } from '../../server/src/commands';
import type { DocumentKindInfo } from '../../server/src/languageService';
import { RULES_TXT } from '../support/fileKindFixtures';
import { LspSession } from '../support/lspSession';

describe('smtpStatusCodes.fileKinds over stdio', { timeout: 60_000 }, () => {
  let session: LspSession;
  const uri = 'file:///srv/mail/rules.txt';
  const kindOf = (documentUri: string) => session.connection.sendRequest<DocumentKindInfo | null>(DOCUMENT_KIND_REQUEST, { uri: documentUri });
  const codes = async (documentUri: string) => (await session.diagnostics(documentUri)).map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code}`);

  before(async () => {
    session = await LspSession.start({ pullDiagnostics: true, settings: {} });
    await session.open(uri, RULES_TXT, 'plaintext');
  });
  after(() => session.stop());

  test('rules.txt holding a Postfix access map is recognised by its content and gets the class mismatch of REJECT 4.7.1', async () => {
    assert.deepEqual(await kindOf(uri), { kind: 'postfix', label: 'Postfix configuration', reason: 'content' });
    assert.deepEqual(await codes(uri), ['2:27 class-mismatch']);
  });

  test('set to prose by the setting, the open document is read again and gets no finding', async () => {
    await session.changeSettings({ fileKinds: { 'rules.txt': 'prose' } });
    assert.deepEqual(await kindOf(uri), { kind: 'prose', label: 'Prose only', reason: 'setting', pattern: 'rules.txt' });
    assert.deepEqual(await codes(uri), []);
  });

  test('a path glob outranks a name glob, and removing the setting brings detection back', async () => {
    await session.changeSettings({ fileKinds: { 'rules.txt': 'prose', 'mail/*.txt': 'text' } });
    assert.deepEqual(await kindOf(uri), { kind: 'text', label: 'Documentation and plain text', reason: 'setting', pattern: 'mail/*.txt' });
    await session.changeSettings({});
    assert.equal((await kindOf(uri))?.kind, 'postfix');
    assert.deepEqual(await codes(uri), ['2:27 class-mismatch']);
  });

  test('the reason names what detection went by: the name, the language', async () => {
    const log = 'file:///var/log/mail.log';
    await session.open(log, 'Nov 28 06:25:14 mx1 postfix/smtpd[21873]: connect from unknown[198.51.100.23]', 'log');
    assert.deepEqual(await kindOf(log), { kind: 'mail-log', label: 'Mail log', reason: 'name' });
    const source = 'file:///src/replies.py';
    await session.open(source, 'REPLY = "550 5.1.1 User unknown"', 'python');
    assert.deepEqual(await kindOf(source), { kind: 'source', label: 'Source code', reason: 'language' });
    const notes = 'file:///home/me/notes';
    await session.open(notes, 'Ask the provider about it', 'plaintext');
    assert.deepEqual(await kindOf(notes), { kind: 'text', label: 'Documentation and plain text', reason: 'default' });
    assert.equal(await kindOf('file:///not/open.txt'), null);
  });

  test('a kind that does not exist is reported and skipped', async () => {
    await session.changeSettings({ fileKinds: { 'rules.txt': 'postfix-map', '*.notes': 'prose' } });
    assert.equal((await kindOf(uri))?.kind, 'postfix');
    assert.ok(session.messages.some((message) => message.includes('smtpStatusCodes.fileKinds.rules.txt: expected one of postfix, exim')), session.messages.join('\n'));
    await session.changeSettings({});
  });
});

describe('smtpStatusCodes.fileKinds with pushed diagnostics', { timeout: 60_000 }, () => {
  test('changing the setting pushes new diagnostics for the open document', async () => {
    const session = await LspSession.start({ settings: {} });
    const uri = 'file:///srv/mail/rules.txt';
    await session.open(uri, RULES_TXT, 'plaintext');
    assert.deepEqual((await session.diagnostics(uri)).map((d) => d.code), ['class-mismatch']);
    const pushed = session.nextPush(uri);
    await session.changeSettings({ fileKinds: { '**/mail/rules.txt': 'prose' } });
    assert.deepEqual((await pushed).diagnostics, []);
    await session.stop();
  });
});
