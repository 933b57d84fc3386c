import * as assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { SemanticTokens, SemanticTokensDelta, SemanticTokensLegend } from 'vscode-languageserver-protocol';
import { LspSession } from '../support/lspSession';

interface DecodedToken {
  line: number;
  text: string;
  type: string;
  modifiers: string[];
}

/** Turns LSP's relative encoding back into tokens with the text they cover. */
function decode(data: readonly number[], legend: SemanticTokensLegend, text: string): DecodedToken[] {
  const lines = text.split('\n');
  const tokens: DecodedToken[] = [];
  let line = 0;
  let start = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    start = data[i] === 0 ? start + data[i + 1] : data[i + 1];
    tokens.push({
      line,
      text: lines[line].slice(start, start + data[i + 2]),
      type: legend.tokenTypes[data[i + 3]],
      modifiers: legend.tokenModifiers.filter((_, bit) => data[i + 4] & (1 << bit)),
    });
  }
  return tokens;
}

function applyEdits(data: readonly number[], delta: SemanticTokensDelta): number[] {
  const result = [...data];
  for (const edit of [...delta.edits].sort((a, b) => b.start - a.start)) result.splice(edit.start, edit.deleteCount, ...(edit.data ?? []));
  return result;
}

const ACCESS_MAP = [
  '# Sender restrictions, built with postmap hash:/etc/postfix/sender_access',
  'spammer@example.net        REJECT 5.7.1 Sender blocked by local policy',
  'bulk.example.org           REJECT 4.7.1 Too much mail from your domain',
  '.marketing.example.com     DEFER 4.7.1 Greylisted, please retry',
  'newsletter@example.com     550 5.7.1 Access denied',
  'old-relay.example.com      REJECT 5.6.10 Conversion required',
  'partner.example.net        REJECT 5.9.99 Unknown policy',
].join('\n');

const MAIL_LOG = [
  'Nov 28 06:25:17 mx1 postfix/smtp[22011]: 4B1C21A0F2: to=<jdoe@example.net>, relay=mx.example.net[192.0.2.25]:25, delay=1.2, delays=0.08/0/0.58/0.54, dsn=5.1.1, status=bounced (host mx.example.net[192.0.2.25] said: 550 5.1.1 <jdoe@example.net>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command))',
  'Nov 28 06:25:19 mx1 postfix/smtp[22012]: 6D3E41C2B4: to=<full@example.org>, relay=mx.example.org[192.0.2.40]:25, delay=0.9, delays=0.02/0/0.4/0.48, dsn=4.2.2, status=deferred (host mx.example.org[192.0.2.40] said: 452 4.2.2 Mailbox full (in reply to RCPT TO command))',
  'Nov 28 06:25:21 mx1 postfix/smtp[22013]: 8F5A61E4D6: to=<ok@example.com>, relay=mx.example.com[192.0.2.10]:25, delay=0.31, delays=0.01/0/0.1/0.2, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 9A6B71F5E7)',
  'Nov 28 06:25:22 mx1 postfix/postfix-script[22100]: starting the Postfix mail system (version 3.7.11)',
].join('\n');

const SOURCE = [
  "import { version } from './package.json'; // \"version\": \"5.1.1\"",
  'export function rejectUnknown(session: Session): void {',
  "  session.reply('550 5.1.1 User unknown');",
  '}',
  'export const MAILBOX_FULL = "450 5.2.2 Mailbox full";',
  "export const OK = '250 2.0.0 Ok';",
].join('\n');

describe('semantic tokens over stdio', { timeout: 60_000 }, () => {
  let session: LspSession;
  let legend: SemanticTokensLegend;
  const tokensOf = async (uri: string, text: string) => decode((await session.semanticTokens(uri)).data, legend, text);

  before(async () => {
    session = await LspSession.start({ settings: {} });
    const provider = session.serverCapabilities.semanticTokensProvider;
    assert.ok(provider, 'the server offers semantic tokens');
    assert.deepEqual({ full: provider.full, range: provider.range }, { full: { delta: true }, range: true });
    legend = provider.legend;
  });
  after(() => session.stop());

  test('a Postfix access map opened as Plain Text: codes by class, the reply code, invalid and deprecated codes marked', async () => {
    const uri = 'file:///etc/postfix/sender_access';
    await session.open(uri, ACCESS_MAP, 'plaintext');
    assert.deepEqual(await tokensOf(uri, ACCESS_MAP), [
      { line: 1, text: '5.7.1', type: 'statusCodePermanent', modifiers: [] },
      { line: 2, text: '4.7.1', type: 'statusCodeTransient', modifiers: ['invalid'] },
      { line: 3, text: '4.7.1', type: 'statusCodeTransient', modifiers: [] },
      { line: 4, text: '550', type: 'replyCodePermanent', modifiers: [] },
      { line: 4, text: '5.7.1', type: 'statusCodePermanent', modifiers: [] },
      { line: 5, text: '5.6.10', type: 'statusCodePermanent', modifiers: ['deprecated'] },
      { line: 6, text: '5.9.99', type: 'statusCodePermanent', modifiers: ['invalid'] },
    ]);
    await session.close(uri);
  });

  test('a mail log: status fields and replies by class; the version number is no token', async () => {
    const uri = 'file:///var/log/mail.log';
    await session.open(uri, MAIL_LOG, 'log');
    assert.deepEqual((await tokensOf(uri, MAIL_LOG)).map(({ line, text, type }) => `${line} ${text} ${type}`), [
      '0 5.1.1 statusCodePermanent', '0 550 replyCodePermanent', '0 5.1.1 statusCodePermanent',
      '1 4.2.2 statusCodeTransient', '1 452 replyCodeTransient', '1 4.2.2 statusCodeTransient',
      '2 2.0.0 statusCodeSuccess', '2 250 replyCodeSuccess', '2 2.0.0 statusCodeSuccess',
    ]);
    await session.close(uri);
  });

  test('source code: replies in strings, the class mismatch marked, the version in a comment left alone', async () => {
    const uri = 'file:///src/replies.ts';
    await session.open(uri, SOURCE, 'typescript');
    assert.deepEqual(await tokensOf(uri, SOURCE), [
      { line: 2, text: '550', type: 'replyCodePermanent', modifiers: [] },
      { line: 2, text: '5.1.1', type: 'statusCodePermanent', modifiers: [] },
      { line: 4, text: '450', type: 'replyCodeTransient', modifiers: [] },
      { line: 4, text: '5.2.2', type: 'statusCodePermanent', modifiers: ['invalid'] },
      { line: 5, text: '250', type: 'replyCodeSuccess', modifiers: [] },
      { line: 5, text: '2.0.0', type: 'statusCodeSuccess', modifiers: [] },
    ]);
    await session.close(uri);
  });

  test('a range request answers for the lines in the range only', async () => {
    const uri = 'file:///etc/postfix/client_access';
    await session.open(uri, ACCESS_MAP, 'plaintext');
    const ranged = await session.semanticTokens(uri, { start: { line: 3, character: 0 }, end: { line: 4, character: 60 } });
    assert.deepEqual(decode(ranged.data, legend, ACCESS_MAP).map(({ line, text }) => `${line} ${text}`), ['3 4.7.1', '4 550', '4 5.7.1']);
    await session.close(uri);
  });

  test('after an edit, the delta turns the previous tokens into the new ones', async () => {
    const uri = 'file:///etc/postfix/recipient_access';
    await session.open(uri, ACCESS_MAP, 'plaintext');
    const first = await session.semanticTokens(uri);
    assert.ok(first.resultId);
    await session.change(uri, { range: { start: { line: 2, character: 34 }, end: { line: 2, character: 35 } }, text: '5' });
    const delta = await session.semanticTokensDelta(uri, first.resultId!);
    assert.ok('edits' in delta, 'a delta, not the whole array');
    assert.ok(delta.edits.reduce((sum, edit) => sum + (edit.data?.length ?? 0), 0) < first.data.length / 4, 'the delta is small');
    const edited = ACCESS_MAP.replace('REJECT 4.7.1 Too much', 'REJECT 5.7.1 Too much');
    const full = await session.semanticTokens(uri);
    assert.deepEqual(applyEdits(first.data, delta), full.data);
    assert.deepEqual(decode(full.data, legend, edited)[1], { line: 2, text: '5.7.1', type: 'statusCodePermanent', modifiers: [] });
    const stale = await session.semanticTokensDelta(uri, 'an old result');
    assert.deepEqual((stale as SemanticTokens).data, full.data, 'an unknown previous result gets the whole array');
    await session.close(uri);
  });

  test('a check switched off marks nothing', async () => {
    const uri = 'file:///etc/postfix/helo_access';
    await session.open(uri, ACCESS_MAP, 'plaintext');
    await session.changeSettings({ severity: { 'class-mismatch': 'off', 'unregistered-code': 'off' } });
    const tokens = await tokensOf(uri, ACCESS_MAP);
    assert.deepEqual(tokens.filter((token) => token.modifiers.includes('invalid')), []);
    assert.deepEqual(tokens.find((token) => token.line === 5)?.modifiers, ['deprecated']);
    await session.changeSettings({});
    await session.close(uri);
  });
});
