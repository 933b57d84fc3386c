/**
 * Behaviour users meet, over the protocol: each test pins one thing a plausible slip in the scanner, hover, completion,
 * settings, server, registry or summary would change.
 */
import * as assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic, MarkupContent } from 'vscode-languageserver-protocol';
import { SUMMARY_REQUEST } from '../../server/src/commands';
import type { DocumentSummary } from '../../server/src/features/summary';
import { LspSession } from '../support/lspSession';

const hoverValue = async (session: LspSession, uri: string, line: number, character: number) =>
  ((await session.hover(uri, { line, character }))?.contents as MarkupContent | undefined)?.value ?? null;

const codesOf = (diagnostics: Diagnostic[]) => diagnostics.map((d) => [d.range.start.character, d.code]);

const QMAIL_FAILURE = '@400000006747c8a30b3c2d55 delivery 4472: failure: 192.0.2.40_does_not_like_recipient./Remote_host_said:_550_5.1.1_<carol@example.org>:_Recipient_address_rejected/Giving_up_on_192.0.2.40./';
const POSTFIX_BOUNCE = 'Nov 28 10:14:02 mx1 postfix/smtp[21874]: 4Q2x1: to=<dave@example.net>, relay=mx.example.net[198.51.100.7]:25, delay=1.2, dsn=5.1.1, status=bounced (host mx.example.net[198.51.100.7] said: 550 4.1.1 <dave@example.net>: Recipient address rejected: User unknown (in reply to RCPT TO command))';

describe('what users see, over the protocol', { timeout: 60_000 }, () => {
  let session: LspSession;
  before(async () => (session = await LspSession.start({ pullDiagnostics: true, settings: {} })));
  after(() => session.stop());

  describe('scanner', () => {
    test('a code of class 3 is malformed, not a class mismatch', async () => {
      const uri = 'file:///src/class3.py';
      await session.open(uri, 'raise SMTPError("550 3.1.1 User unknown")', 'python');
      const diagnostics = await session.diagnostics(uri);
      assert.deepEqual(codesOf(diagnostics), [[21, 'malformed-code']]);
      assert.match(String(diagnostics[0].message), /class 3 is not 2, 4 or 5/);
      await session.close(uri);
    });

    test('digits glued to a reply code are not a reply code: x12550 4.1.1 gets no class mismatch', async () => {
      const uri = 'file:///src/glued.py';
      await session.open(uri, 'token = "x12550 4.1.1"\nreply = "550 4.1.1 nope"', 'python');
      assert.deepEqual((await session.diagnostics(uri)).map((d) => [d.range.start.line, d.code]), [[1, 'class-mismatch']]);
      await session.close(uri);
    });

    test('a four-part number after a reply code is not a code: said: 550 5.1.1.2 has no hover', async () => {
      const uri = 'file:///var/log/four-part.log';
      await session.open(uri, `${POSTFIX_BOUNCE}\nNov 28 10:15:00 mx1 postfix/smtp[21875]: 4Q2x2: host said: 550 5.1.1.2 odd\n`, 'log');
      const line = 'Nov 28 10:15:00 mx1 postfix/smtp[21875]: 4Q2x2: host said: 550 5.1.1.2 odd';
      assert.equal(await session.hover(uri, { line: 1, character: line.indexOf('5.1.1.2') + 2 }), null);
      assert.match((await hoverValue(session, uri, 0, POSTFIX_BOUNCE.indexOf('dsn=5.1.1') + 6))!, /Bad destination mailbox address/);
      await session.close(uri);
    });

    test('dsn= inside a longer word is not a status field: xdsn=5.1.1 has no hover', async () => {
      const uri = 'file:///var/log/xdsn.log';
      const line = 'Nov 28 10:16:00 mx1 postfix/qmgr[881]: 4Q2x3: xdsn=5.1.1 note';
      await session.open(uri, `${POSTFIX_BOUNCE}\n${line}\n`, 'log');
      assert.equal(await session.hover(uri, { line: 1, character: line.indexOf('5.1.1') + 1 }), null);
      await session.close(uri);
    });
  });

  describe('hover', () => {
    test('the reply code beside a code hovers, in a qmail log and in JSON data', async () => {
      const log = 'file:///var/log/qmail/current';
      await session.open(log, `@400000006747c8a10c1b2e3c new msg 9483012\n${QMAIL_FAILURE}\n`, 'log');
      const reply = await session.hover(log, { line: 1, character: QMAIL_FAILURE.indexOf('_550_') + 2 });
      assert.match((reply?.contents as MarkupContent).value, /^\*\*550\*\* /);
      assert.deepEqual(reply?.range, { start: { line: 1, character: QMAIL_FAILURE.indexOf('_550_') + 1 }, end: { line: 1, character: QMAIL_FAILURE.indexOf('_550_') + 4 } });
      await session.close(log);

      const data = 'file:///data/bounces.json';
      const json = '[{"recipient": "erin@example.com", "reply": "550 5.1.1 User unknown"}]';
      await session.open(data, json, 'json');
      assert.match((await hoverValue(session, data, 0, json.indexOf('550') + 1))!, /^\*\*550\*\* /);
      assert.match((await hoverValue(session, data, 0, json.indexOf('5.1.1') + 1))!, /Bad destination mailbox address/);
      await session.close(data);
    });

    test('hover holds from the first character of a code to the cursor right after its last', async () => {
      const uri = 'file:///src/range.js';
      const text = 'reply("550 5.1.1 User unknown");';
      await session.open(uri, text, 'javascript');
      const start = text.indexOf('5.1.1');
      const range = { start: { line: 0, character: start }, end: { line: 0, character: start + 5 } };
      for (const character of [start, start + 4, start + 5]) {
        const found = await session.hover(uri, { line: 0, character });
        assert.deepEqual(found?.range, range, `hover at ${character}`);
        assert.match((found!.contents as MarkupContent).value, /Bad destination mailbox address/);
      }
      await session.close(uri);
    });
  });

  describe('completion', () => {
    test('after a 4xx reply in a string, transient codes, those registered for the reply first', async () => {
      const uri = 'file:///src/greylist.py';
      const text = '        raise SMTPError("450 ';
      await session.open(uri, text, 'python');
      const items = (await session.completion(uri, { line: 0, character: text.length })).items;
      assert.ok(items.length > 20, `${items.length} items`);
      assert.ok(items.every((item) => item.label.startsWith('4.')), items.map((item) => item.label).join(' '));
      const first = [...items].sort((a, b) => a.sortText!.localeCompare(b.sortText!))[0];
      assert.equal(first.sortText![0], '0', 'a code the registry lists for 450 comes first');
      assert.ok(items.some((item) => item.label === '4.2.2') && items.some((item) => item.label === '4.7.1'));
      await session.close(uri);
    });

    test('after Haraka DENYSOFT, transient codes; after DENY, permanent ones', async () => {
      const uri = 'file:///srv/haraka/plugins/greylist.js';
      const soft = "    return next(DENYSOFT, '";
      const hard = "    return next(DENY, '";
      await session.open(uri, `${soft}\n${hard}`, 'javascript');
      const softItems = (await session.completion(uri, { line: 0, character: soft.length })).items;
      assert.ok(softItems.length > 20, `${softItems.length} items after DENYSOFT`);
      assert.ok(softItems.every((item) => item.label.startsWith('4.')));
      assert.ok(softItems.some((item) => item.label === '4.7.1'));
      const hardItems = (await session.completion(uri, { line: 1, character: hard.length })).items;
      assert.ok(hardItems.length > 20 && hardItems.every((item) => item.label.startsWith('5.')));
      await session.close(uri);
    });
  });

  describe('settings', () => {
    test('a severityInLogs choice applies in logs, and severity does not', async () => {
      const uri = 'file:///var/log/severity.log';
      await session.open(uri, `${POSTFIX_BOUNCE}\n`, 'log');
      const mismatch = async () => (await session.diagnostics(uri)).filter((d) => d.code === 'class-mismatch').map((d) => d.severity);
      try {
        assert.deepEqual(await mismatch(), [3], 'information by default in logs');
        await session.changeSettings({ severityInLogs: { 'class-mismatch': 'error' }, severity: { 'class-mismatch': 'hint' } });
        assert.deepEqual(await mismatch(), [1]);
        await session.changeSettings({ severityInLogs: { 'class-mismatch': 'off' } });
        assert.deepEqual(await mismatch(), []);
      } finally {
        await session.changeSettings({});
        await session.close(uri);
      }
    });
  });

  describe('registry', () => {
    test('a transient twin of a listed reply is accepted only where the code may be transient', async () => {
      const uri = 'file:///src/replies.js';
      // X.2.2 lists 552 and may be transient: 452 4.2.2 is fine. X.3.4 lists 552 and 554 and is permanent only.
      // These checks read the registry's lists to the letter, so they run only under strictRegistry.
      await session.changeSettings({ strictRegistry: true });
      try {
        await session.open(uri, 'a = "452 4.2.2 Mailbox full";\nb = "452 4.3.4 Message too big";', 'javascript');
        const diagnostics = await session.diagnostics(uri);
        assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.code]), [[1, 'unexpected-reply-code'], [1, 'usage-mismatch']]);
        assert.match(String(diagnostics[0].message), /X\.3\.4 .* with reply codes 552, 554, not 452/);
      } finally {
        await session.changeSettings({});
        await session.close(uri);
      }
    });
  });

  describe('summary', () => {
    test('the summary counts well-formed codes only', async () => {
      const uri = 'file:///var/log/summary.log';
      const lines = [
        POSTFIX_BOUNCE,
        'Nov 28 10:17:00 mx1 postfix/smtp[21876]: 4Q2x4: to=<f@example.net>, relay=mx.example.net[198.51.100.7]:25, dsn=5.1.1, status=bounced (host mx.example.net[198.51.100.7] said: 550 5.1.1 User unknown (in reply to RCPT TO command))',
        'Nov 28 10:18:00 mx1 postfix/smtp[21877]: 4Q2x5: to=<g@example.net>, relay=mx.example.net[198.51.100.7]:25, dsn=4.2.2, status=deferred (host mx.example.net[198.51.100.7] said: 452 4.2.2 Mailbox full (in reply to RCPT TO command))',
        'Nov 28 10:19:00 mx1 postfix/smtp[21878]: 4Q2x6: to=<h@example.net>, relay=mx.example.net[198.51.100.7]:25, dsn=5.0.0, status=bounced (host mx.example.net[198.51.100.7] said: 550 5.01.1 odd code (in reply to RCPT TO command))',
        'Nov 28 10:20:00 mx1 postfix/smtp[21879]: 4Q2x7: to=<i@example.net>, relay=local, dsn=2.0.0, status=sent (delivered to mailbox)',
      ];
      await session.open(uri, lines.join('\n') + '\n', 'log');
      const summary = await session.connection.sendRequest<DocumentSummary>(SUMMARY_REQUEST, { uri });
      const counts = summary.classes.map((c) => [c.statusClass, c.count, c.codes.map((code) => `${code.code}x${code.count}`).join(' ')]);
      // Line 1: dsn=5.1.1 and 4.1.1; line 2: 5.1.1 twice; line 3: 4.2.2 twice; line 4: dsn=5.0.0 (5.01.1 is malformed); line 5: 2.0.0.
      assert.deepEqual(counts, [[5, 4, '5.1.1x3 5.0.0x1'], [4, 3, '4.2.2x2 4.1.1x1'], [2, 1, '2.0.0x1']]);
      assert.equal(summary.total, 8);
      await session.close(uri);
    });
  });
});

describe('a client that takes pushed diagnostics', { timeout: 60_000 }, () => {
  let session: LspSession;
  before(async () => (session = await LspSession.start({ settings: {} })));
  after(() => session.stop());

  test('a settings change alone re-checks open documents and pushes new diagnostics', async () => {
    const uri = 'file:///src/severity.js';
    await session.open(uri, 'reply("550 4.1.1 nope");', 'javascript');
    assert.deepEqual((await session.diagnostics(uri)).map((d) => d.severity), [1]);
    const pushed = session.nextPush(uri);
    await session.changeSettings({ severity: { 'class-mismatch': 'hint' } });
    const params = await pushed;
    assert.equal(params.version, 1, 'the same text, checked again');
    assert.deepEqual(params.diagnostics.map((d) => [d.code, d.severity]), [['class-mismatch', 4]]);
  });
});
