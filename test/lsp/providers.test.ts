import * as assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { MarkupContent } from 'vscode-languageserver-protocol';
import { LspSession } from '../support/lspSession';
import { fixture } from '../support/paths';

describe('provider codes over the protocol', { timeout: 60_000 }, () => {
  let session: LspSession;
  before(async () => (session = await LspSession.start({ settings: {} })));
  after(() => session.stop());

  const hoverOn = async (uri: string, text: string, needle: string, occurrence = 0) => {
    const lines = text.split('\n');
    const found = lines.flatMap((line, number) => (line.includes(needle) ? [{ number, character: line.indexOf(needle) }] : []))[occurrence];
    assert.ok(found, `${needle} #${occurrence} is in the fixture`);
    const code = /[245]\.\d{1,3}\.\d{1,3}/.exec(needle)!;
    const hover = await session.hover(uri, { line: found.number, character: found.character + code.index + 2 });
    return (hover?.contents as MarkupContent | undefined)?.value ?? '';
  };

  test('550 5.7.606 in a bounce from *.protection.outlook.com: Microsoft\'s meaning and page, and no unregistered-code', async () => {
    const uri = 'file:///home/billing/Mail/outlook-banned-ip.eml';
    const text = fixture('bounces/outlook-banned-ip.eml');
    await session.open(uri, text);
    for (const [needle, occurrence] of [['said: 550 5.7.606', 0], ['Status: 5.7.606', 0], ['smtp; 550 5.7.606', 0]] as const) {
      const value = await hoverOn(uri, text, needle, occurrence);
      assert.match(value, /\*\*5\.7\.606\*\* Access denied, banned sending IP \(Microsoft 365 \/ Exchange Online\)/, needle);
      assert.match(value, /X\.7: Security or Policy Status/, needle);
      assert.match(value, /\[Microsoft 365 \/ Exchange Online documentation\]\(https:\/\/learn\.microsoft\.com\/[^)]+\) \(read 2026-11-30\)/, needle);
      assert.match(value, /sender\.office\.com/, needle);
    }
    const diagnostics = await session.diagnostics(uri);
    assert.deepEqual(diagnostics.filter((d) => d.code === 'unregistered-code'), []);
    await session.close(uri);
  });

  test('421 4.7.28 from Gmail: Gmail\'s meaning beside the registry\'s, and how they differ', async () => {
    const uri = 'file:///home/news/Mail/gmail-rate-limited.eml';
    const text = fixture('bounces/gmail-rate-limited.eml');
    await session.open(uri, text);
    for (const needle of ['421 4.7.28 review', 'Status: 4.7.28', '421-4.7.28 [203']) {
      const value = await hoverOn(uri, text, needle);
      assert.match(value, /\*\*4\.7\.28\*\* Mail flood detected/, needle);
      assert.match(value, /\*\*Google Workspace \/ Gmail\*\* · 4\.7\.28: Rate limited: unusual rate of unsolicited mail/, needle);
      assert.match(value, /\*Differs from the registry:\*/, needle);
      assert.match(value, /\(https:\/\/support\.google\.com\/a\/answer\/3726730\)/, needle);
    }
    await session.close(uri);
  });

  test('the same codes with no provider in sight list each provider that documents them', async () => {
    const uri = 'file:///home/postmaster/notes/seen-this-week.txt';
    const text = [
      'Replies seen this week:',
      '  said: 550 5.7.606 Access denied, banned sending IP [198.51.100.25]',
      '  said: 421 4.7.28 [203.0.113.77] unusual rate of unsolicited mail',
      '  said: 550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup',
      '  said: 450 4.7.1 Greylisted, please try again later',
    ].join('\n');
    await session.open(uri, text);
    const microsoft = await hoverOn(uri, text, '550 5.7.606');
    assert.match(microsoft, /Microsoft 365 \/ Exchange Online/);
    const gmail = await hoverOn(uri, text, '421 4.7.28');
    assert.match(gmail, /Mail flood detected/);
    assert.match(gmail, /Google Workspace \/ Gmail/);
    const recipient = await hoverOn(uri, text, '550 5.1.10');
    assert.match(recipient, /Recipient address has null MX/);
    assert.match(recipient, /\*\*Microsoft 365 \/ Exchange Online\*\* · 5\.1\.10: Recipient not found/);
    const greylisted = await hoverOn(uri, text, '450 4.7.1');
    assert.match(greylisted, /Delivery not authorized, message refused/);
    assert.doesNotMatch(greylisted, /iCloud/, 'a code many servers use shows a provider\'s meaning only where the provider is named');
    assert.deepEqual((await session.diagnostics(uri)).filter((d) => d.code === 'unregistered-code'), []);
    await session.close(uri);
  });

  test('switched off, provider codes are unregistered again and hover says only what the registry says', async () => {
    await session.changeSettings({ providers: { enabled: false }, severityInLogs: { 'unregistered-code': 'hint' } });
    const uri = 'file:///home/billing/Mail/outlook-banned-ip-2.eml';
    const text = fixture('bounces/outlook-banned-ip.eml');
    await session.open(uri, text);
    const value = await hoverOn(uri, text, 'said: 550 5.7.606');
    assert.match(value, /5\.7\.606\*\* is not in the IANA registry/);
    assert.doesNotMatch(value, /Microsoft/);
    assert.equal((await session.diagnostics(uri)).filter((d) => d.code === 'unregistered-code').length, 3);
    await session.close(uri);
    await session.changeSettings({});
  });
});
