import * as assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DiagnosticSeverity, FoldingRangeRequest, InlayHintRequest, type Hover } from 'vscode-languageserver-protocol';
import { SUMMARY_REQUEST } from '../../server/src/commands';
import type { DocumentSummary } from '../../server/src/languageService';
import { LspSession } from '../support/lspSession';
import { fixture } from '../support/paths';

const everywhere = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };
const text = (hover: Hover | null) => (hover?.contents as { value: string } | undefined)?.value ?? '';

/** The position of `needle` in the fixture's text: its first occurrence on the first line holding `lineNeedle`, plus `delta`. */
function find(source: string, lineNeedle: string, needle = lineNeedle, delta = 1) {
  const lines = source.split('\n');
  const line = lines.findIndex((candidate) => candidate.includes(lineNeedle));
  assert.notEqual(line, -1, lineNeedle);
  return { line, character: lines[line].indexOf(needle) + delta };
}

describe('bounces and MTA words over the protocol', { timeout: 60_000 }, () => {
  let session: LspSession;
  before(async () => (session = await LspSession.start({ settings: {} })));
  after(() => session.stop());

  async function open(name: string, uri = `file:///home/alice/Mail/${name.split('/').pop()}`) {
    const source = fixture(name);
    await session.open(uri, source);
    return { uri, source, hover: async (lineNeedle: string, needle?: string, delta?: number) => text(await session.hover(uri, find(source, lineNeedle, needle, delta))) };
  }

  test('hover on each Action value says what the reporting MTA did', async () => {
    const uri = 'file:///home/alice/Mail/actions.eml';
    const values = ['failed', 'delayed', 'delivered', 'relayed', 'expanded'];
    const dsn = ['Reporting-MTA: dns; mx.example.com', '', ...values.flatMap((value, i) => [
      `Final-Recipient: rfc822; user${i}@example.org`, `Action: ${value}`, `Status: ${value === 'failed' ? '5.1.1' : value === 'delayed' ? '4.4.1' : '2.0.0'}`, '',
    ])].join('\n');
    await session.open(uri, dsn);
    const expected: Record<string, RegExp> = {
      failed: /stopped trying: a bounce/, delayed: /still trying/, delivered: /Delivered to the recipient's mailbox/,
      relayed: /does not send delivery notifications/, expanded: /several further addresses/,
    };
    for (const value of values) {
      const hover = await session.hover(uri, find(dsn, `Action: ${value}`, value));
      assert.match(text(hover), new RegExp(`^\\*\\*Action: ${value}\\*\\*`), value);
      assert.match(text(hover), expected[value], value);
      assert.match(text(hover), /RFC 3464 section 2\.3\.3/);
    }
    assert.deepEqual(await session.diagnostics(uri), [], 'each Action agrees with its Status');
  });

  test('hover on DSN field names and the types of their values', async () => {
    const { hover } = await open('bounces/postfix-three-recipients.eml');
    assert.match(await hover('Reporting-MTA:'), /\*\*Reporting-MTA\*\* · a required per-message field[\s\S]*wrote this report/);
    assert.match(await hover('Reporting-MTA: dns;', 'dns'), /\*\*Reporting-MTA: dns\*\*[\s\S]*host name in the DNS/);
    assert.match(await hover('Final-Recipient: rfc822; martina', 'rfc822'), /Internet mail address/);
    assert.match(await hover('Original-Recipient:'), /ORCPT=/);
    assert.match(await hover('Remote-MTA:'), /whose reply is in Diagnostic-Code/);
    assert.match(await hover('Diagnostic-Code: smtp; 552', 'smtp'), /the SMTP reply the remote server sent/);
    assert.match(await hover('Diagnostic-Code:'), /RFC 3464 section 2\.3\.6/);
    assert.match(await hover('Arrival-Date:'), /When the reporting MTA received the message/);
    assert.match(await hover('X-Postfix-Queue-ID:'), /search the mail log for it/);
    assert.match(await hover('X-Postfix-Sender:'), /envelope sender of the returned message/);
    const delayed = await open('bounces/gmail-delayed.eml');
    assert.match(await delayed.hover('Will-Retry-Until:'), /keep trying before it gives up/);
    const sendmail = await open('bounces/sendmail-expired.eml');
    assert.match(await sendmail.hover('Last-Attempt-Date:'), /last tried to deliver/);
  });

  test('Action: failed with Status 4.4.7 is reported, softly in a bounce; consistent reports are not', async () => {
    const { uri, source } = await open('bounces/sendmail-expired.eml');
    const diagnostics = await session.diagnostics(uri);
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    const [finding] = diagnostics;
    assert.equal(finding.code, 'dsn-inconsistency');
    assert.equal(finding.severity, DiagnosticSeverity.Information);
    assert.deepEqual(finding.range.start, find(source, 'Status: 4.4.7', '4.4.7', 0));
    assert.match(finding.message as string, /Action: failed with Status 4\.4\.7, a transient code/);
    assert.equal(finding.codeDescription?.href, 'https://www.rfc-editor.org/rfc/rfc3464#section-2.3.3');

    for (const name of ['dsn.eml', 'postfix-three-recipients.eml', 'gmail-delayed.eml', 'gmail-ndr.eml', 'exim-bounce.eml', 'sendmail-dsn.eml']) {
      const opened = await open(`bounces/${name}`);
      const found = (await session.diagnostics(opened.uri)).filter((d) => d.code === 'dsn-inconsistency');
      assert.deepEqual(found, [], name);
    }
  });

  test('an Action, Status and Diagnostic-Code that contradict each other are each reported', async () => {
    const uri = 'file:///home/alice/Mail/contradictions.eml';
    const dsn = [
      'Reporting-MTA: dns; mx.example.com', '',
      'Final-Recipient: rfc822; a@example.org', 'Action: delayed', 'Status: 5.2.2', 'Diagnostic-Code: smtp; 552 5.2.2 Mailbox full', '',
      'Final-Recipient: rfc822; b@example.org', 'Action: delivered', 'Status: 4.0.0', '',
      'Final-Recipient: rfc822; c@example.org', 'Action: failed', 'Status: 2.0.0', '',
      'Final-Recipient: rfc822; d@example.org', 'Action: failed', 'Status: 5.1.1', 'Diagnostic-Code: smtp; 451 4.3.0 Temporary failure', '',
      'Final-Recipient: rfc822; e@example.org', 'Action: failed', 'Status: 5.1.1', 'Diagnostic-Code: smtp; 550 5.7.1 Relaying denied', '',
      'Final-Recipient: rfc822; f@example.org', 'Action: failed', 'Status: 5.0.0', 'Diagnostic-Code: smtp; 451 Try again later', '',
      'Final-Recipient: rfc822; g@example.org', 'Action: failed', 'Status: 5.0.0', 'Diagnostic-Code: smtp; 550 Mailbox unavailable', '',
    ].join('\n');
    await session.open(uri, dsn);
    const messages = (await session.diagnostics(uri)).filter((d) => d.code === 'dsn-inconsistency').map((d) => `${d.range.start.line} ${d.message}`);
    assert.equal(messages.length, 6, messages.join('\n'));
    assert.match(messages[0], /^4 Action: delayed means the MTA is still trying, but Status 5\.2\.2 is a permanent failure/);
    assert.match(messages[1], /^9 Action: delivered reports success, but Status 4\.0\.0 is a transient failure/);
    assert.match(messages[2], /^13 Action: failed with Status 2\.0\.0, a success code/);
    assert.match(messages[3], /^17 Status 5\.1\.1 is a permanent failure but the reply in Diagnostic-Code carries 4\.3\.0, a transient failure/);
    assert.match(messages[4], /^22 Status 5\.1\.1 differs from 5\.7\.1 in the reply quoted in Diagnostic-Code/);
    assert.match(messages[5], /^27 Status 5\.0\.0 is a permanent failure but the reply in Diagnostic-Code starts with 451, a transient failure/);
  });

  test('hover on Postfix REJECT in an access map gives the default reply and the parameter that changes it', async () => {
    const uri = 'file:///etc/postfix/sender_access';
    const source = fixture('config/postfix/sender_access');
    await session.open(uri, source);
    const reject = text(await session.hover(uri, find(source, 'REJECT 5.7.1', 'REJECT')));
    assert.match(reject, /^\*\*REJECT\*\* · Postfix action/);
    assert.match(reject, /Replies by default: `554 5\.7\.1 <address>: … rejected: Access denied`/);
    assert.match(reject, /access_map_reject_code/);
    assert.match(reject, /\(https:\/\/www\.postfix\.org\/access\.5\.html\)/);
    assert.match(text(await session.hover(uri, find(source, 'DEFER 4.7.1', 'DEFER'))), /450 4\.7\.1[\s\S]*access_map_defer_code/);
    assert.equal(text(await session.hover(uri, find(source, 'spammer@example.net', 'spammer'))), '', 'the key is not an action');
    const commented = 'file:///etc/postfix/client_access';
    const commentedSource = '# REJECT here would refuse the whole network\n192.0.2.0/24   OK\n';
    await session.open(commented, commentedSource);
    assert.equal(text(await session.hover(commented, { line: 0, character: 3 })), '', 'a comment is not an action');
    assert.match(text(await session.hover(commented, { line: 1, character: 16 })), /^\*\*OK\*\* · Postfix action/);

    const mainCf = 'file:///etc/postfix/main.cf';
    const main = fixture('config/postfix/main.cf');
    await session.open(mainCf, main);
    assert.match(text(await session.hover(mainCf, find(main, 'unknown_address_reject_code', 'unknown', 3))), /Default: `unknown_address_reject_code = 450`/);
    assert.match(text(await session.hover(mainCf, find(main, 'defer_code = 450', 'defer_code'))), /^\*\*defer_code\*\* · Postfix parameter[\s\S]*Default: `defer_code = 450`/);
  });

  test('hover on an Exim ACL verb, Sendmail $#error and ERROR:, a Haraka verdict and an OpenSMTPD filter verdict', async () => {
    const exim = 'file:///etc/exim4/exim4.conf';
    const eximSource = fixture('config/exim/exim4.conf');
    await session.open(exim, eximSource);
    const defer = text(await session.hover(exim, find(eximSource, 'defer   message', 'defer')));
    assert.match(defer, /^\*\*defer\*\* · Exim ACL verb/);
    assert.match(defer, /Replies by default: `451 Temporary local problem - please try later`/);
    assert.match(defer, /`message =`/);
    assert.match(text(await session.hover(exim, find(eximSource, 'deny    message', 'deny'))), /550 Administrative prohibition/);

    const mc = 'file:///etc/mail/sendmail.mc';
    const mcSource = fixture('config/sendmail/sendmail.mc');
    await session.open(mc, mcSource);
    const error = text(await session.hover(mc, find(mcSource, '$#error $@ 5.7.1', '$#error', 2)));
    assert.match(error, /^\*\*\$#error\*\* · Sendmail action/);
    assert.match(error, /Replies by default: 553, where the text after `\$:` starts with no reply code/);
    const access = 'file:///etc/mail/access';
    const accessSource = fixture('config/sendmail/access');
    await session.open(access, accessSource);
    assert.match(text(await session.hover(access, find(accessSource, 'ERROR:5.7.1:550 Your host', 'ERROR'))), /^\*\*ERROR:\*\* · Sendmail action/);

    const plugin = 'file:///srv/haraka/plugins/limits.js';
    const pluginSource = "exports.hook_rcpt = function (next, connection) {\n  if (connection.notes.over_limit) return next(DENYSOFT, '4.7.28 Too many messages, slow down');\n  next();\n};\n";
    await session.open(plugin, pluginSource, 'javascript');
    assert.match(text(await session.hover(plugin, find(pluginSource, 'DENYSOFT', 'DENYSOFT', 3))), /^\*\*DENYSOFT\*\* · Haraka plugin verdict[\s\S]*450/);

    const smtpd = 'file:///etc/mail/smtpd.conf';
    const smtpdSource = fixture('config/opensmtpd/smtpd.conf');
    await session.open(smtpd, smtpdSource);
    assert.match(text(await session.hover(smtpd, find(smtpdSource, 'match !rdns disconnect', 'disconnect'))), /^\*\*disconnect\*\* · OpenSMTPD filter verdict[\s\S]*closes the session/);
  });

  test('the reason and hard or soft of real-looking bounces, in hover and inlay hints', async () => {
    const cases: [string, string, string, RegExp][] = [
      ['bounces/postfix-three-recipients.eml', '552 5.2.2 <martina', '5.2.2', /Bounce reason:\*\* mailbox full, soft/],
      ['bounces/postfix-three-recipients.eml', 'said: 554 5.7.1 Service unavailable', '5.7.1', /Bounce reason:\*\* blocked, hard[\s\S]*"Client host \[203\.0\.113\.25\] blocked"/],
      ['bounces/postfix-three-recipients.eml', 'Status: 5.7.26', '5.7.26', /Bounce reason:\*\* authentication, hard[\s\S]*DKIM, SPF, DMARC/],
      ['bounces/gmail-delayed.eml', 'Status: 4.7.28', '4.7.28', /Bounce reason:\*\* rate limited, soft/],
      ['bounces/sendmail-expired.eml', 'Status: 4.4.7', '4.4.7', /Bounce reason:\*\* expired, soft/],
      ['bounces/exchange-ndr.eml', '#550 5.1.10', '5.1.10', /Bounce reason:\*\* user unknown, hard[\s\S]*Exchange Online uses 5\.1\.10 for "Recipient not found"/],
      ['bounces/exim-bounce.eml', 'Status: 5.0.0', '5.0.0', /Bounce reason:\*\* user unknown, hard/],
      ['bounces/gmail-ndr.eml', 'Status: 5.1.1', '5.1.1', /Bounce reason:\*\* user unknown, hard[\s\S]*X\.1\.1/],
    ];
    for (const [name, lineNeedle, code, expected] of cases) {
      const { hover } = await open(name);
      assert.match(await hover(lineNeedle, code), expected, `${name} ${code}`);
    }

    const log = 'file:///var/log/mail.log.1';
    const line = 'Nov 29 22:41:07 mx1 postfix/smtp[7731]: 5F1A83E0C2: to=<k.weber@contoso.com>, relay=contoso-com.mail.protection.outlook.com[52.101.68.11]:25, delay=1.2, dsn=5.7.606, status=bounced (host contoso-com.mail.protection.outlook.com[52.101.68.11] said: 550 5.7.606 Access denied, banned sending IP [203.0.113.25]. (in reply to RCPT TO command))\n';
    await session.open(log, line, 'log');
    const banned = text(await session.hover(log, { line: 0, character: line.indexOf('550 5.7.606') + 6 }));
    assert.match(banned, /Bounce reason:\*\* blocked, hard[\s\S]*"banned sending IP"/, 'an unregistered code read with its reply text');

    const { uri, source } = await open('bounces/postfix-three-recipients.eml');
    const hints = ((await session.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: everywhere })) ?? [])
      .map((hint) => `${hint.position.line} ${hint.label}`);
    const lineOf = (needle: string) => source.split('\n').findIndex((line) => line.includes(needle));
    assert.ok(hints.includes(`${lineOf('Status: 5.2.2')} Mailbox full · mailbox full (soft)`), hints.join('\n'));
    assert.ok(hints.includes(`${lineOf('Status: 5.7.1')} Delivery not authorized, message refused · blocked (hard)`));
    assert.ok(hints.includes(`${lineOf('Status: 5.7.26')} Multiple authentication checks failed · authentication (hard)`));
  });

  test('the Status Codes summary groups failures by reason as well as by class', async () => {
    const { uri } = await open('bounces/postfix-three-recipients.eml');
    assert.equal((await session.connection.sendRequest<DocumentSummary>(SUMMARY_REQUEST, { uri })).reasons, undefined, 'only when asked');
    const summary = await session.connection.sendRequest<DocumentSummary>(SUMMARY_REQUEST, { uri, byReason: true });
    assert.deepEqual(summary.classes.map((c) => c.statusClass), [5]);
    assert.deepEqual(summary.reasons!.map((r) => [r.label, r.count, r.hard, r.soft, r.codes.map((c) => c.code)]), [
      ['authentication', 7, 7, 0, ['5.7.26']],
      ['blocked', 3, 3, 0, ['5.7.1']],
      ['mailbox full', 3, 0, 3, ['5.2.2']],
    ]);
    assert.equal(summary.reasons!.reduce((n, r) => n + r.count, 0), summary.total);
  });

  test('folding ranges for the delivery-status part, its field groups and the returned headers', async () => {
    const { uri, source } = await open('bounces/postfix-three-recipients.eml');
    const lines = source.split('\n');
    const lineOf = (needle: string, from = 0) => lines.findIndex((line, index) => index >= from && line.includes(needle));
    const ranges = ((await session.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } })) ?? []).map((r) => [r.startLine, r.endLine]);
    const report = lineOf('Content-Description: Delivery report');
    const headers = lineOf('Content-Description: Undelivered Message Headers');
    assert.deepEqual(ranges, [
      [report, headers - 3],
      [lineOf('Reporting-MTA:'), lineOf('Arrival-Date:')],
      [lineOf('Final-Recipient: rfc822; martina'), lineOf('Mailbox quota exceeded', report) ],
      [lineOf('Final-Recipient: rfc822; orders'), lineOf('https://www.spamhaus.org/query', report)],
      [lineOf('Final-Recipient: rfc822; lena'), headers - 3],
      [lineOf('Return-Path: <newsletter'), lineOf('List-Unsubscribe:')],
    ]);

    const exchange = await open('bounces/exchange-ndr.eml');
    const exchangeLines = exchange.source.split('\n');
    const exchangeRanges = ((await session.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: exchange.uri } })) ?? []).map((r) => [r.startLine, r.endLine]);
    const original = exchangeLines.findIndex((line) => line.startsWith('Original message headers:'));
    const lastHeader = exchangeLines.findIndex((line) => line.startsWith('X-MS-Exchange-Processed-By-BccFoldering'));
    assert.ok(exchangeRanges.some(([start, end]) => start === original && end === lastHeader), JSON.stringify(exchangeRanges));

    const log = 'file:///var/log/mail.log';
    await session.open(log, fixture('logs/mail.log'), 'log');
    assert.deepEqual(await session.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri: log } }), []);
  });
});
