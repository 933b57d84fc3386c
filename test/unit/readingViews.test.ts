/**
 * What a reader of logs, runbooks and code sees besides the diagnostics: document links, inlay hints, the summary view
 * of a log and the registry view, through the language service.
 */
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { DocumentLink, InlayHint } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/languageService';
import { resolveSettings } from '../../server/src/settings';
import { documentOf } from '../support/documents';

const service = createLanguageService();
const everywhere = { start: { line: 0, character: 0 }, end: { line: 100_000, character: 0 } };
const IANA = 'https://www.iana.org/assignments/smtp-enhanced-status-codes/smtp-enhanced-status-codes.xhtml';
const MAIL_LOG = 'file:///var/log/mail.log';
const settingsOf = (raw: unknown) => resolveSettings(raw).settings;

const BOUNCE_AND_DEFERRAL = [
  'Nov 30 01:12:09 mx postfix/smtp[2211]: 4Wq9: to=<a@example.net>, relay=mx.example.net[192.0.2.25]:25, dsn=5.1.1, status=bounced (host mx.example.net[192.0.2.25] said: 550 5.1.1 <a@example.net>: Recipient address rejected: User unknown (in reply to RCPT TO command))',
  'Nov 30 01:12:10 mx postfix/smtp[2212]: 5Xr0: to=<b@gmail.com>, relay=gmail-smtp-in.l.google.com[142.250.102.27]:25, dsn=4.2.2, status=deferred (host gmail-smtp-in.l.google.com[142.250.102.27] said: 452-4.2.2 The email account that you tried to reach is over quota. (in reply to RCPT TO command))',
  'Nov 30 01:12:11 mx postfix/qmgr[1020]: 5Xr0: removed',
  '',
].join('\n');

/** A Postfix log of `count` bounces for an unknown user. */
const bounces = (count: number) =>
  Array.from({ length: count }, (_, i) => `Nov 30 02:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} mx postfix/smtp[3000]: 6Ys${i}: to=<u${i}@example.org>, relay=mx.example.org[192.0.2.40]:25, dsn=5.1.1, status=bounced (user unknown)\n`).join('');

const link = (line: number, start: number, end: number, target: string, tooltip: string): DocumentLink => ({ range: { start: { line, character: start }, end: { line, character: end } }, target, tooltip });
const codeLink = (line: number, start: number, code: string) => link(line, start, start + code.length, IANA, `${code} in the IANA registry of enhanced status codes`);
const rfcLink = (line: number, start: number, end: number, rfc: number) => link(line, start, end, `https://www.rfc-editor.org/rfc/rfc${rfc}`, `RFC ${rfc} at the RFC Editor`);
const hintLabels = (hints: InlayHint[]) => hints.map((hint) => `${hint.position.line}:${hint.position.character} ${hint.label}${hint.paddingLeft ? '' : ' (no padding)'}`);

describe('document links', () => {
  test('RFC mentions link to the RFC Editor and codes to the IANA registry, with their exact ranges', () => {
    const runbook = documentOf([
      'Runbook: bounces per RFC 3463 and RFC-5248 (codes), replies per RFC5321; old RFC 0821 and RFC 12 or XRFC 3463 are not links.',
      'Diagnostic-Code: smtp; 550 5.1.1 <ana@example.net>... User unknown',
      'Status: 4.2.2',
      '',
    ].join('\n'), 'file:///home/postmaster/runbook.txt');
    assert.deepEqual(service.doDocumentLinks(runbook), [
      rfcLink(0, 21, 29, 3463), rfcLink(0, 34, 42, 5248), rfcLink(0, 64, 71, 5321), rfcLink(0, 77, 85, 821),
      codeLink(1, 27, '5.1.1'), codeLink(2, 8, '4.2.2'),
    ]);
  });

  test('a malformed code gets no link', () => {
    const text = 'def envrcpt(self, to, *params):\n    self.setreply("550", "5.01.1", "User unknown")\n    return "550 5.01.1 User unknown; see 550 5.1.1"\n';
    const milter = documentOf(text, 'file:///srv/milter/rcpt.py', 'python');
    assert.deepEqual(service.doDocumentLinks(milter), [codeLink(2, text.split('\n')[2].indexOf('5.1.1'), '5.1.1')]);
  });

  test('at most 2,000 links; a log with more codes than that links only its RFC mentions', () => {
    const notes = documentOf('See RFC 5321.\n'.repeat(2_001), 'file:///home/postmaster/notes.txt');
    const links = service.doDocumentLinks(notes);
    assert.equal(links.length, 2_000);
    assert.deepEqual(links.at(-1), rfcLink(1_999, 4, 12, 5321));

    const manyCodes = documentOf('RFC 3463 codes:\n' + 'reply 550 5.1.1 here\n'.repeat(2_000), 'file:///home/postmaster/codes.txt');
    const mixed = service.doDocumentLinks(manyCodes);
    assert.equal(mixed.length, 2_000);
    assert.deepEqual(mixed[0], rfcLink(0, 0, 8, 3463));
    assert.deepEqual(mixed.at(-1), codeLink(1_999, 10, '5.1.1'));

    const crowded = documentOf('# RFC 3463\n' + bounces(2_001), MAIL_LOG, 'log');
    assert.deepEqual(service.doDocumentLinks(crowded), [rfcLink(0, 2, 10, 3463)]);
    const full = documentOf(bounces(2_000), MAIL_LOG, 'log');
    const fullLinks = service.doDocumentLinks(full);
    assert.equal(fullLinks.length, 2_000, 'exactly as many codes as links: every one linked');
    assert.deepEqual(fullLinks[0].tooltip, '5.1.1 in the IANA registry of enhanced status codes');
  });
});

describe('inlay hints', () => {
  test('in a log: the sample text and the bounce reason after each code, on the lines asked for', () => {
    const log = documentOf(BOUNCE_AND_DEFERRAL, MAIL_LOG, 'log');
    assert.deepEqual(hintLabels(service.doInlayHints(log, everywhere)), [
      '0:111 Bad destination mailbox address · user unknown (hard)',
      '0:176 Bad destination mailbox address · user unknown (hard)',
      '1:125 Mailbox full · mailbox full (soft)',
      '1:207 Mailbox full · mailbox full (soft)',
    ]);
    assert.deepEqual(hintLabels(service.doInlayHints(log, { start: { line: 1, character: 0 }, end: { line: 1, character: 10 } })), [
      '1:125 Mailbox full · mailbox full (soft)',
      '1:207 Mailbox full · mailbox full (soft)',
    ]);
    assert.deepEqual(service.doInlayHints(log, everywhere, settingsOf({ inlayHints: { inLogs: false } })), [], 'turned off for logs');
  });

  test('in code only when asked: known and custom codes, Haraka DSN calls; no hint for a malformed or unknown code', () => {
    const plugin = documentOf([
      "exports.hook_rcpt = function (next, connection, params) {",
      "  if (blocked) return next(DENY, '550 5.7.1 Sender domain blocked');",
      "  if (typo) return next(DENY, '550 5.01.1 No such user');",
      "  if (local) return next(DENY, '550 5.7.700 Relay for local users only');",
      "  if (odd) return next(DENYSOFT, '451 4.9.99 Try later');",
      "  return next(DENY, DSN.no_such_user());",
      "};",
      '',
    ].join('\n'), 'file:///srv/haraka/plugins/rcpt_policy.js', 'javascript');
    assert.deepEqual(service.doInlayHints(plugin, everywhere), [], 'off in code by default');
    const on = settingsOf({ inlayHints: { elsewhere: true }, knownCodes: { '5.7.700': 'Relay for local users only (our policy)' } });
    assert.deepEqual(hintLabels(service.doInlayHints(plugin, everywhere, on)), [
      '1:43 Delivery not authorized, message refused',
      '3:43 Relay for local users only (our policy)',
      '5:38 → 550 5.1.1 No such user',
    ]);
    assert.deepEqual(hintLabels(service.doInlayHints(plugin, { start: { line: 2, character: 0 }, end: { line: 4, character: 0 } }, on)), [
      '3:43 Relay for local users only (our policy)',
    ], 'neither the code nor the DSN call outside the lines asked for');
    assert.deepEqual(hintLabels(service.doInlayHints(plugin, { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, on)), [
      '5:38 → 550 5.1.1 No such user',
    ], 'the DSN call on the one line asked for');
  });

  test('a DSN call quoted in a runbook gets no reply hint: only code runs it', () => {
    const runbook = documentOf('Haraka plugins answer unknown users with DSN.no_such_user(), which sends 550 5.1.1.\n', 'file:///home/postmaster/haraka.md', 'markdown');
    assert.deepEqual(hintLabels(service.doInlayHints(runbook, everywhere, settingsOf({ inlayHints: { elsewhere: true } }))), ['0:82 Bad destination mailbox address']);
  });

  test('at most 1,000 hints, DSN calls included', () => {
    const log = documentOf(bounces(1_001), MAIL_LOG, 'log');
    const hints = service.doInlayHints(log, everywhere);
    assert.equal(hints.length, 1_000);
    assert.equal(hints.at(-1)!.position.line, 999, 'the hint of the last line left out');
    const replies = Array.from({ length: 999 }, (_, i) => `  if (rcpt === ${i}) return next(DENY, '550 5.1.1 No such user');`);
    const plugin = documentOf([...replies, '  return next(DENY, DSN.no_such_user());', '  return next(DENYSOFT, DSN.mbox_full());', ''].join('\n'), 'file:///srv/haraka/plugins/many.js', 'javascript');
    const pluginHints = service.doInlayHints(plugin, everywhere, settingsOf({ inlayHints: { elsewhere: true } }));
    assert.equal(pluginHints.length, 1_000);
    assert.deepEqual(hintLabels(pluginHints.slice(-2)), ['998:48 Bad destination mailbox address', '999:38 → 550 5.1.1 No such user']);
  });
});

describe('the summary view of a log', () => {
  test('codes by class with their meaning and places, and with byReason the failures by bounce reason', () => {
    const log = documentOf(BOUNCE_AND_DEFERRAL + 'Nov 30 01:12:12 mx postfix/smtp[2214]: 7Zt2: to=<c@example.com>, relay=mx.example.com[192.0.2.10]:25, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 9A8B7C6D5E)\n', MAIL_LOG, 'log');
    const at = (line: number, start: number) => ({ start: { line, character: start }, end: { line, character: start + 5 } });
    const permanent = { code: '5.1.1', meaning: 'Bad destination mailbox address', count: 2, occurrences: [at(0, 106), at(0, 171)] };
    const transient = { code: '4.2.2', meaning: 'Mailbox full', count: 2, occurrences: [at(1, 120), at(1, 202)] };
    const sent = log.getText().split('\n')[3];
    const success = { code: '2.0.0', meaning: 'Other undefined Status', count: 2, occurrences: [at(3, sent.indexOf('2.0.0')), at(3, sent.lastIndexOf('2.0.0'))] };
    const classes = [
      { statusClass: 5, label: 'Permanent failure (5.X.X)', count: 2, codes: [permanent] },
      { statusClass: 4, label: 'Persistent transient failure (4.X.X)', count: 2, codes: [transient] },
      { statusClass: 2, label: 'Success (2.X.X)', count: 2, codes: [success] },
    ];
    assert.deepEqual(service.summarize(log), { total: 6, classes });
    assert.deepEqual(service.summarize(log, undefined, true), {
      total: 6,
      classes,
      reasons: [
        { reason: 'mailbox-full', label: 'mailbox full', meaning: "the recipient's mailbox or quota is full", count: 2, hard: 0, soft: 2, codes: [transient] },
        { reason: 'user-unknown', label: 'user unknown', meaning: 'the recipient address does not exist', count: 2, hard: 2, soft: 0, codes: [permanent] },
      ],
    });
  });

  test('most frequent first, then by code; malformed codes left out; the meaning of unregistered codes', () => {
    const replies = documentOf([
      'REPLIES = {',
      "    'unknown': '550 5.1.1 User unknown',",
      "    'full': '552 5.2.2 Mailbox full',",
      "    'typo': '550 5.01.1 User unknown',",
      "    'local': '550 5.7.700 Relay for local users only',",
      "    'odd': '550 5.9.99 Odd',",
      "    'full_again': '552 5.2.2 Mailbox full',",
      '}',
      '',
    ].join('\n'), 'file:///srv/milter/replies.py', 'python');
    const summary = service.summarize(replies, settingsOf({ knownCodes: { '5.7.700': 'Relay for local users only (our policy)' } }));
    assert.equal(summary.total, 5);
    assert.equal(summary.classes.length, 1);
    assert.deepEqual(summary.classes[0].codes.map((code) => `${code.code} ×${code.count} ${code.meaning}`), [
      '5.2.2 ×2 Mailbox full',
      '5.1.1 ×1 Bad destination mailbox address',
      '5.7.700 ×1 Relay for local users only (our policy)',
      '5.9.99 ×1 Not in the IANA registry',
    ]);
  });

  test('the reasons of a log: the most frequent first, its codes too, hard and soft counted apart, a code under each of its reasons', () => {
    const log = documentOf([
      'Nov 30 03:00:06 mx postfix/smtp[4002]: 8Aw0: to=<f@example.org>, relay=mx.example.org[192.0.2.40]:25, dsn=4.7.1, status=deferred (host mx.example.org[192.0.2.40] said: 450 4.7.1 Client host rejected: blocked using zen.spamhaus.org (in reply to RCPT TO command))',
      ...Array.from({ length: 3 }, (_, i) => `Nov 30 03:00:0${i} mx postfix/smtp[4000]: 8Au${i}: to=<d${i}@example.org>, relay=mx.example.org[192.0.2.40]:25, dsn=5.7.1, status=bounced (host mx.example.org[192.0.2.40] said: 550 5.7.1 Service unavailable; client [203.0.113.9] blocked using zen.spamhaus.org (in reply to RCPT TO command))`),
      'Nov 30 03:00:05 mx postfix/smtp[4001]: 8Av0: to=<e@example.org>, relay=mx.example.org[192.0.2.40]:25, dsn=5.7.1, status=bounced (host mx.example.org[192.0.2.40] said: 550 5.7.1 Recipient address rejected: Access denied (in reply to RCPT TO command))',
            '',
    ].join('\n'), MAIL_LOG, 'log');
    const reasons = service.summarize(log, undefined, true).reasons!;
    assert.deepEqual(reasons.map((reason) => `${reason.label} ${reason.count} (${reason.hard} hard, ${reason.soft} soft): ${reason.codes.map((code) => `${code.code} ×${code.count}`).join(', ')}`), [
      'blocked 8 (6 hard, 2 soft): 5.7.1 ×6, 4.7.1 ×2',
      'policy 2 (2 hard, 0 soft): 5.7.1 ×2',
    ]);
  });

  test('a provider\'s own code is grouped by what the provider means by it, unless providers are turned off', () => {
    const log = documentOf('Nov 30 01:12:09 mx postfix/smtp[2211]: 4Wq9: to=<a@contoso.com>, dsn=5.7.606, status=bounced (host x said: 550 5.7.606 Access denied)\n', MAIL_LOG, 'log');
    const reasons = (settings?: ReturnType<typeof settingsOf>) => service.summarize(log, settings, true).reasons!.map((reason) => `${reason.label} ${reason.count}: ${reason.codes.map((code) => code.meaning).join(', ')}`);
    assert.deepEqual(reasons(), ['blocked 2: Access denied, banned sending IP (Microsoft 365 / Exchange Online)']);
    assert.deepEqual(reasons(settingsOf({ providers: { enabled: false } })), ['policy 2: Not in the IANA registry']);
  });

  test('at most 200 places per code', () => {
    const log = bounces(201);
    const summary = service.summarize(documentOf(log, MAIL_LOG, 'log'), undefined, true);
    const code = summary.classes[0].codes[0];
    assert.equal(code.count, 201);
    assert.equal(code.occurrences.length, 200);
    assert.equal(summary.reasons![0].codes[0].occurrences.length, 200);
    const start = log.split('\n')[199].indexOf('5.1.1');
    assert.deepEqual(code.occurrences.at(-1), { start: { line: 199, character: start }, end: { line: 199, character: start + 5 } });
  });
});

describe('the registry view', () => {
  test('each code with the class it is usually sent with, its sample text, hover and deprecation', () => {
    const items = service.registryItems();
    assert.equal(items.length, 81);
    const item = (code: string) => items.find((entry) => entry.code === code)!;
    assert.deepEqual({ ...item('X.1.1'), documentation: undefined, description: undefined }, { code: 'X.1.1', usual: '5.1.1', sample: 'Bad destination mailbox address', documentation: undefined, description: undefined, deprecated: false });
    assert.match(item('X.1.1').description, /^The mailbox specified in the address does not exist\./);
    assert.match(item('X.1.1').documentation, /^\*\*5\.1\.1\*\* Bad destination mailbox address\n\n\*5: Permanent Failure · X\.1: Addressing Status\*/);
    assert.equal(item('X.2.2').usual, '4.2.2', 'a transient condition');
    assert.match(item('X.2.2').documentation, /^\*\*4\.2\.2\*\* Mailbox full\n/);
    assert.equal(item('X.1.5').usual, '2.1.5', 'sent with 250 only');
    assert.equal(item('X.7.8').usual, '5.7.8', 'sent with 535 and 554');
    assert.equal(item('X.6.8').usual, '5.6.8', 'sent with 252, 553 and 550: a success only when every reply code is one');
    assert.equal(item('X.6.10').usual, '5.6.10', 'no reply code listed: a failure');
    assert.equal(item('X.6.10').deprecated, true);
    assert.deepEqual(items.filter((entry) => entry.deprecated).map((entry) => entry.code), ['X.6.10']);
  });

  test('the whole registry as Markdown: classes, then each subject with its own codes only', () => {
    const markdown = service.registryMarkdown();
    const lines = markdown.split('\n');
    assert.deepEqual(lines.slice(0, 8), [
      '# SMTP Enhanced Status Codes',
      '',
      `The IANA registry ([source](${IANA})), updated 2024-12-06: 81 codes. A code is class.subject.detail; the class says whether the delivery succeeded (2), failed for now (4) or for good (5).`,
      '',
      '## Classes',
      '',
      '| Class | Meaning | Description |',
      '| --- | --- | --- |',
    ]);
    assert.equal(lines[11], '', 'a blank line after the class table');
    assert.match(lines[8], /^\| 2\.X\.X \| Success \| Success specifies that the DSN is reporting a positive delivery action\. .* \|$/);
    const sections = markdown.split(/\n(?=## )/);
    assert.deepEqual(sections.slice(2).map((section) => section.split('\n')[0]), [
      '## X.0: Other or Undefined Status', '## X.1: Addressing Status', '## X.2: Mailbox Status', '## X.3: Mail System Status',
      '## X.4: Network and Routing Status', '## X.5: Mail Delivery Protocol Status', '## X.6: Message Content or Media Status', '## X.7: Security or Policy Status',
    ]);
    for (const [subject, section] of sections.slice(2).entries()) {
      const rows = section.split('\n').filter((line) => /^\| X\./.test(line));
      assert.ok(rows.length > 0 && rows.every((row) => row.startsWith(`| X.${subject}.`)), section);
      assert.deepEqual(section.split('\n').filter((_, index) => index === 1 || index === 3), ['', ''], 'blank lines around the description');
      assert.deepEqual(section.split('\n').slice(4, 6), ['| Code | Sample text | Reply codes | Usage | Reference |', '| --- | --- | --- | --- | --- |']);
    }
    assert.equal(lines.filter((line) => /^\| X\./.test(line)).length, 81);
    assert.ok(lines.includes('| X.1.1 | Bad destination mailbox address | 451, 550 | permanent | [RFC 3463](https://www.rfc-editor.org/rfc/rfc3463) |'));
    assert.ok(lines.includes('| X.1.10 | Recipient address has null MX | 556 | unstated | [RFC 7505](https://www.rfc-editor.org/rfc/rfc7505), [RFC 7504](https://www.rfc-editor.org/rfc/rfc7504) |'));
    assert.ok(lines.includes('| X.6.10 | Deprecated: a duplicate of X.6.8 (UTF-8 string reply is required, but not permitted by the SMTP client) | not given | unstated | [RFC 6531](https://www.rfc-editor.org/rfc/rfc6531) |'));
    assert.ok(markdown.endsWith('|\n'));
  });
});
