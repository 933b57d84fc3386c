import * as assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  DefinitionRequest, DocumentHighlightRequest, DocumentSymbolRequest, ReferencesRequest,
  type DocumentHighlight, type DocumentSymbol, type Location, type MarkupContent, type Position,
} from 'vscode-languageserver-protocol';
import { LspSession } from '../support/lspSession';
import { fixture } from '../support/paths';

const POSTFIX = 'file:///var/log/mail.log';
const EXIM = 'file:///var/log/exim4/exim_mainlog';
const SENDMAIL = 'file:///var/log/maillog';

describe('following messages through a mail log over the protocol', { timeout: 60_000 }, () => {
  let session: LspSession;
  const texts = new Map<string, string[]>();
  before(async () => {
    session = await LspSession.start({ settings: {} });
    for (const [uri, name] of [[POSTFIX, 'messages/mail.log'], [EXIM, 'messages/exim_mainlog'], [SENDMAIL, 'messages/maillog']]) {
      texts.set(uri, fixture(name).split('\n'));
      await session.open(uri, fixture(name), 'log');
    }
  });
  after(() => session.stop());

  /** The position of the `nth` occurrence of `text` on `line`, one character in. */
  const at = (uri: string, line: number, text: string, nth = 0): Position => {
    let character = -1;
    for (let i = 0; i <= nth; i++) character = texts.get(uri)![line].indexOf(text, character + 1);
    assert.ok(character >= 0, `${text} is on line ${line}`);
    return { line, character: character + 1 };
  };
  const highlights = async (uri: string, position: Position) =>
    ((await session.connection.sendRequest(DocumentHighlightRequest.type, { textDocument: { uri }, position })) ?? []) as DocumentHighlight[];
  /** Each highlight as `line:text`, so that a failure shows what was highlighted. */
  const highlighted = async (uri: string, position: Position) =>
    (await highlights(uri, position)).map(({ range }) => `${range.start.line}:${texts.get(uri)![range.start.line].slice(range.start.character, range.end.character)}`);
  const definitionLine = async (uri: string, position: Position) => {
    const found = await session.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri }, position });
    return (Array.isArray(found) ? (found[0] as Location) : (found as Location | null))?.range.start.line;
  };
  const hoverText = async (uri: string, position: Position) => ((await session.hover(uri, position))?.contents as MarkupContent | undefined)?.value ?? '';
  const outline = async (uri: string) =>
    ((await session.connection.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) ?? []) as DocumentSymbol[];

  test('a Postfix queue ID highlights every line of its message and no other, and references list the same lines', async () => {
    const id = '3F9C12A0B4';
    assert.deepEqual(await highlighted(POSTFIX, at(POSTFIX, 5, id)), [1, 2, 4, 5, 7].map((line) => `${line}:${id}`));
    const refs = (await session.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: POSTFIX }, position: at(POSTFIX, 2, id), context: { includeDeclaration: true } })) ?? [];
    assert.deepEqual(refs.map((ref) => ref.range.start.line), [1, 2, 4, 5, 7]);
    assert.ok(refs.every((ref) => ref.uri === POSTFIX));
    const longId = '4Y0mKq3Zx9zJ7yP';
    assert.deepEqual(await highlighted(POSTFIX, at(POSTFIX, 24, longId)), [24, 25, 26, 28].map((line) => `${line}:${longId}`), 'the long queue ID form');
  });

  test('NOQUEUE rejects are one message per client', async () => {
    assert.deepEqual(await highlighted(POSTFIX, at(POSTFIX, 3, 'NOQUEUE')), ['3:NOQUEUE', '12:NOQUEUE', '27:NOQUEUE']);
    assert.deepEqual(await highlighted(POSTFIX, at(POSTFIX, 9, 'NOQUEUE')), ['9:NOQUEUE']);
  });

  test('go to definition leads to the line where the message entered the queue, and from "queued as" to the next hop', async () => {
    assert.equal(await definitionLine(POSTFIX, at(POSTFIX, 5, '3F9C12A0B4')), 1, 'smtpd client= line');
    assert.equal(await definitionLine(POSTFIX, at(POSTFIX, 21, '91AB34CD56')), 13, 'pickup line');
    assert.equal(await definitionLine(POSTFIX, at(POSTFIX, 5, '7D41E2C9F0')), 6, 'the content filter handed it on as 7D41E2C9F0');
    assert.equal(await definitionLine(POSTFIX, at(POSTFIX, 19, 'A0B1C2D3E4')), 18, 'the bounce it caused; it entered before any receive line, so its first line');
    assert.deepEqual(await highlighted(POSTFIX, at(POSTFIX, 5, '7D41E2C9F0')), ['6:7D41E2C9F0', '8:7D41E2C9F0', '10:7D41E2C9F0', '11:7D41E2C9F0']);
    assert.equal(await definitionLine(POSTFIX, at(POSTFIX, 2, 'message-id')), undefined, 'not on an ID');
  });

  test('the Outline lists each message with its final outcome and last code', async () => {
    const symbols = await outline(POSTFIX);
    assert.deepEqual(symbols.map((symbol) => symbol.name), [
      '3F9C12A0B4 delivered: 2.0.0 Other undefined Status',
      'NOQUEUE unknown[198.51.100.23] rejected: 5.7.1 Delivery not authorized, message refused',
      '7D41E2C9F0 delivered: 2.0.0 Other undefined Status',
      'NOQUEUE unknown[203.0.113.9] rejected: 4.7.1 Delivery not authorized, message refused',
      '91AB34CD56 bounced: 5.1.1 Bad destination mailbox address',
      'A0B1C2D3E4 delivered: 2.0.0 Other undefined Status',
      '4Y0mKq3Zx9zJ7yP deferred: 4.7.28 Mail flood detected',
      'B7C8D9E0F1 rejected: 5.7.1 Delivery not authorized, message refused',
      'C1D2E3F4A5 bounced',
    ]);
    const bounced = symbols[4];
    assert.equal(bounced.detail, 'jdoe@example.net, kim@example.org');
    assert.deepEqual(bounced.children?.map((child) => `${child.name} ${child.detail}`), [
      'jdoe@example.net bounced 5.1.1 Bad destination mailbox address',
      'kim@example.org delivered 2.0.0 Other undefined Status',
    ]);
    assert.equal(bounced.selectionRange.start.line, 13);
    assert.equal(symbols[1].detail, 'sales@example.com, info@example.com, hr@example.com · 3 rejects');
  });

  test('hover on a queue ID tells the message\'s story; hover on its codes still explains the codes', async () => {
    const story = await hoverText(POSTFIX, at(POSTFIX, 16, '91AB34CD56'));
    assert.match(story, /^\*\*Postfix message 91AB34CD56\*\*: bounced/);
    assert.match(story, /from `<billing@example\.com>` · 2,210 bytes/);
    assert.match(story, /\| jdoe@example\.net \| bounced \| 5\.1\.1 Bad destination mailbox address \| mx\.example\.net\[192\.0\.2\.25\]:25 \| 1\.2 \|/);
    assert.match(story, /\| kim@example\.org \| delivered \| 2\.0\.0 /);
    assert.match(story, /Delays 0\.08\/0\/0\.58\/0\.54: before the queue manager/);
    assert.match(story, /Final reply \(line 17\): 550 5\.1\.1 /);
    assert.match(story, /Next hop: \*\*5E6F7A8B9C\*\* \(not in this log\)/);
    assert.match(story, /Next hop: \*\*A0B1C2D3E4\*\* \(Postfix, line 19\): delivered/);
    assert.match(story, /entered the queue at line 14/);
    assert.match(await hoverText(POSTFIX, at(POSTFIX, 16, '5.1.1')), /^\*\*5\.1\.1\*\* Bad destination mailbox address/);
    assert.match(await hoverText(POSTFIX, at(POSTFIX, 16, '550 5.1.1')), /^\*\*550\*\*/);
    assert.match(await hoverText(POSTFIX, at(POSTFIX, 3, 'NOQUEUE')), /^\*\*Postfix rejects from unknown\[198\.51\.100\.23\]\*\* \(no queue ID\): 3 rejects/);
  });

  test('Exim message IDs, old and new form, with the bounce that names its parent', async () => {
    const id = '1vQ3aB-00000000Lm4-2xYz';
    assert.deepEqual(await highlighted(EXIM, at(EXIM, 2, id)), [0, 2, 3].map((line) => `${line}:${id}`));
    assert.deepEqual(await highlighted(EXIM, at(EXIM, 5, '1tGqXb-0004Ac-2G')), [4, 5, 7, 9].map((line) => `${line}:1tGqXb-0004Ac-2G`));
    assert.equal(await definitionLine(EXIM, at(EXIM, 8, '1tGqXb-0004Ac-2G')), 4, 'from the bounce to the message it reports on');
    assert.equal(await definitionLine(EXIM, at(EXIM, 11, '1vQ3aC-00000000Ln5-3AbC')), 8);
    assert.deepEqual(await highlighted(EXIM, at(EXIM, 1, '198.51.100.66')).then((found) => found.map((item) => item.split(':')[0])), ['1', '6'], 'rejects grouped by client');
    const names = (await outline(EXIM)).map((symbol) => symbol.name.replace(/:.*/, ''));
    assert.deepEqual(names, [
      '1vQ3aB-00000000Lm4-2xYz delivered',
      'NOQUEUE (spammer.example)[198.51.100.66] rejected',
      '1tGqXb-0004Ac-2G bounced',
      '1vQ3aC-00000000Ln5-3AbC delivered',
      '1vQ3aD-00000000Lo6-4BcD deferred',
      'NOQUEUE unknown[203.0.113.5] rejected',
    ]);
    const story = await hoverText(EXIM, at(EXIM, 2, id));
    assert.match(story, /^\*\*Exim message 1vQ3aB-00000000Lm4-2xYz\*\*: delivered/);
    assert.match(story, /Next hop: \*\*4B1C21A0F2\*\* \(not in this log\)/);
    assert.match(await hoverText(EXIM, at(EXIM, 5, '1tGqXb-0004Ac-2G')), /\| carol@example\.org \| bounced \| 5\.1\.1 Bad destination mailbox address \|/);
  });

  test('Sendmail queue IDs, the DSN a bounce caused, and rejects grouped by relay', async () => {
    const id = '2ATB01ab005001';
    assert.deepEqual(await highlighted(SENDMAIL, at(SENDMAIL, 3, id)), [0, 2, 3, 5].map((line) => `${line}:${id}`));
    assert.equal(await definitionLine(SENDMAIL, at(SENDMAIL, 3, id)), 0);
    assert.equal(await definitionLine(SENDMAIL, at(SENDMAIL, 5, '2ATB03cd005003')), 6, 'the DSN\'s own queue ID');
    assert.deepEqual((await highlighted(SENDMAIL, at(SENDMAIL, 1, '[198.51.100.5]'))).map((item) => item.split(':')[0]), ['1', '4']);
    assert.deepEqual((await outline(SENDMAIL)).map((symbol) => symbol.name.replace(/:.*/, '')), [
      '2ATB01ab005001 bounced', 'NOQUEUE [198.51.100.5] rejected', '2ATB03cd005003 delivered', '2ATB05ef005010 deferred',
    ]);
    assert.match(await hoverText(SENDMAIL, at(SENDMAIL, 9, '2ATB05ef005010')), /\| dave@example\.org \| deferred \| 4\.2\.2 Mailbox full \|/);
  });

  test('documents that are not mail logs have no messages', async () => {
    const uri = 'file:///srv/app/notes.md';
    await session.open(uri, '3F9C12A0B4: to=<a@example.com>, status=sent\n', 'markdown');
    assert.deepEqual(await outline(uri), []);
    assert.deepEqual(await highlights(uri, { line: 0, character: 2 }), []);
  });
});
