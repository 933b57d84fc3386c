import * as assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { DocumentLinkRequest, InlayHintRequest, type InlayHint } from 'vscode-languageserver-protocol';
import { REGISTRY_MARKDOWN_REQUEST, REGISTRY_REQUEST, SUMMARY_REQUEST } from '../../server/src/commands';
import type { DocumentSummary, RegistryItem } from '../../server/src/languageService';
import { LspSession } from '../support/lspSession';
import { fixture } from '../support/paths';

const everywhere = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };
const labels = (hints: InlayHint[]) => hints.map((hint) => `${hint.position.line}:${hint.position.character} ${hint.label}`);

describe('reading logs and bounces over the protocol', { timeout: 60_000 }, () => {
  let session: LspSession;
  before(async () => (session = await LspSession.start({ settings: {} })));
  after(() => session.stop());

  test('inlay hints show the sample text after each code in a log, and not in source unless asked', async () => {
    const log = 'file:///var/log/maillog';
    await session.open(log, fixture('logs/maillog'));
    const hints = labels(await session.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: log }, range: everywhere }) ?? []);
    const lines = fixture('logs/maillog').split('\n');
    const after = (line: number, text: string) => `${line}:${lines[line].indexOf(text) + text.length}`;
    assert.ok(hints.includes(`${after(2, 'dsn=5.1.1')} Bad destination mailbox address · user unknown (hard)`), hints.slice(0, 5).join('\n'));
    assert.ok(hints.includes(`${after(4, '452 4.2.2')} Mailbox full · mailbox full (soft)`));
    const source = 'file:///srv/haraka/plugins/example.js';
    await session.open(source, "return next(DENY, '5.7.1 Sender domain blocked');\nreturn next(DENY, DSN.no_such_user());\n", 'javascript');
    assert.deepEqual(await session.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: source }, range: everywhere }), []);
    await session.changeSettings({ inlayHints: { elsewhere: true } });
    const sourceHints = labels(await session.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri: source }, range: everywhere }) ?? []);
    assert.deepEqual(sourceHints, ['0:24 Delivery not authorized, message refused', '1:36 → 550 5.1.1 No such user']);
    await session.changeSettings({});
  });

  test('document links on RFC mentions and on codes', async () => {
    const uri = 'file:///home/postmaster/notes/runbook.txt';
    await session.open(uri, fixture('text/postmaster-runbook.txt'));
    const links = (await session.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri } })) ?? [];
    assert.ok(links.some((link) => link.target === 'https://www.rfc-editor.org/rfc/rfc3463'));
    assert.ok(links.some((link) => link.target === 'https://www.rfc-editor.org/rfc/rfc8422'));
    const lines = fixture('text/postmaster-runbook.txt').split('\n');
    const line = lines.findIndex((text) => text.includes('Diagnostic-Code: smtp; 550 5.1.1'));
    const codeLink = links.find((link) => link.range.start.line === line && link.range.start.character === lines[line].indexOf('5.1.1'));
    assert.match(codeLink?.target ?? '', /^https:\/\/www\.iana\.org\/assignments\/smtp-enhanced-status-codes\//);
  });

  test('the summary of a log counts codes by class, with their meaning and where they are', async () => {
    const uri = 'file:///var/log/mail.log';
    await session.open(uri, fixture('logs/mail.log'), 'log');
    const summary = await session.connection.sendRequest<DocumentSummary>(SUMMARY_REQUEST, { uri });
    assert.deepEqual(summary.classes.map((c) => c.statusClass), [5, 4, 2]);
    const permanent = summary.classes[0];
    assert.deepEqual(permanent.codes.map((c) => c.count), [...permanent.codes.map((c) => c.count)].sort((a, b) => b - a), 'most frequent first');
    const code = permanent.codes.find((c) => c.code === '5.7.1')!;
    assert.equal(code.meaning, 'Delivery not authorized, message refused');
    assert.equal(code.occurrences.length, code.count);
    assert.equal(summary.total, summary.classes.reduce((n, c) => n + c.count, 0));
  });

  test('the registry for the look-up command and the registry view', async () => {
    const items = await session.connection.sendRequest<RegistryItem[]>(REGISTRY_REQUEST);
    assert.equal(items.length, 81);
    assert.deepEqual(items.find((item) => item.code === 'X.2.2')?.usual, '4.2.2');
    assert.match(items.find((item) => item.code === 'X.1.1')!.documentation, /Bad destination mailbox address/);
    const markdown = await session.connection.sendRequest<string>(REGISTRY_MARKDOWN_REQUEST);
    assert.match(markdown, /^# SMTP Enhanced Status Codes/);
    assert.match(markdown, /\| X\.7\.26 \| Multiple authentication checks failed \| 550 \|/);
  });
});
