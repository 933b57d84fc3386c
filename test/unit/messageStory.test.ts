import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentHighlightKind, type DocumentSymbol, type Position, type Range } from 'vscode-languageserver-types';
import { documentHighlights, isOnMessageId, MessageIndex, messageHover } from '../../server/src/features/messages';
import { createLanguageService } from '../../server/src/languageService';
import { fixture } from '../support/paths';

/** What a user reads of the Outline, hovers and highlights of a mail log, exactly, through the language service. */

const KIND_NAMES: Record<number, string> = { 8: 'Field', 19: 'Object', 21: 'Null', 24: 'Event' };
const at = (range: Range) => `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;

/** The Outline as lines: `name | detail | kind | range selectionRange`, children indented. */
function outlineLines(symbols: DocumentSymbol[]): string[] {
  return symbols.flatMap((symbol) => [
    `${symbol.name} | ${symbol.detail} | ${KIND_NAMES[symbol.kind]} | ${at(symbol.range)} ${at(symbol.selectionRange)}`,
    ...(symbol.children ?? []).map((child) => `  ${child.name} | ${child.detail} | ${KIND_NAMES[child.kind]} | ${at(child.range)} ${at(child.selectionRange)}`),
  ]);
}

let version = 0;
function open(name: string, uri: string) {
  const service = createLanguageService();
  const document = TextDocument.create(uri, 'log', ++version, fixture(name));
  const lines = document.getText().split('\n');
  /** The hover on the first character of the `nth` occurrence of `needle` on `line`, as its range and its lines. */
  const story = (position: Position) => {
    const hover = service.doHover(document, position);
    return hover && [at(hover.range!), ...(hover.contents as { value: string }).value.split('\n')];
  };
  const position = (line: number, needle: string, delta = 0): Position => {
    const character = lines[line].indexOf(needle);
    assert.ok(character >= 0, `${needle} on line ${line}`);
    return { line, character: character + delta };
  };
  return { service, document, lines, story, position };
}

/** Each message's story, hovered on the ID of its first line (the Outline's selection). */
function storiesOf(name: string, uri: string, titles: string[]): Record<string, string[] | null> {
  const { service, document, story } = open(name, uri);
  const stories: Record<string, string[] | null> = {};
  for (const symbol of service.doDocumentSymbols(document)) {
    const title = symbol.name.split(' ').slice(0, symbol.name.startsWith('NOQUEUE') ? 2 : 1).join(' ');
    if (titles.includes(title)) stories[title] = story(symbol.selectionRange.start);
  }
  return stories;
}

const POSTFIX_OUTLINE = [
  "3F9C12A0B4 delivered: 2.0.0 Other undefined Status | paul@example.com | Event | 1:0-1:98 1:41-1:51",
  "  paul@example.com | delivered 2.0.0 Other undefined Status | Field | 5:0-5:250 5:40-5:50",
  "NOQUEUE unknown[198.51.100.23] rejected: 5.7.1 Delivery not authorized, message refused | sales@example.com, info@example.com, hr@example.com · 3 rejects | Object | 3:0-3:263 3:41-3:48",
  "  sales@example.com | rejected 5.7.1 Delivery not authorized, message refused | Field | 3:0-3:263 3:41-3:48",
  "  info@example.com | rejected 5.7.1 Delivery not authorized, message refused | Field | 12:0-12:262 12:41-12:48",
  "  hr@example.com | rejected 5.7.1 Delivery not authorized, message refused | Field | 27:0-27:260 27:41-27:48",
  "7D41E2C9F0 delivered: 2.0.0 Other undefined Status | paul@example.com | Event | 6:0-6:80 6:41-6:51",
  "  paul@example.com | delivered 2.0.0 Other undefined Status | Field | 10:0-10:243 10:40-10:50",
  "NOQUEUE unknown[203.0.113.9] rejected: 4.7.1 Delivery not authorized, message refused | b@example.com · 1 reject | Object | 9:0-9:248 9:41-9:48",
  "  b@example.com | rejected 4.7.1 Delivery not authorized, message refused | Field | 9:0-9:248 9:41-9:48",
  "91AB34CD56 bounced: 5.1.1 Bad destination mailbox address | jdoe@example.net, kim@example.org | Event | 13:0-13:77 13:42-13:52",
  "  jdoe@example.net | bounced 5.1.1 Bad destination mailbox address | Field | 16:0-16:339 16:40-16:50",
  "  kim@example.org | delivered 2.0.0 Other undefined Status | Field | 17:0-17:205 17:40-17:50",
  "A0B1C2D3E4 delivered: 2.0.0 Other undefined Status | billing@example.com | Event | 18:0-18:109 18:43-18:53",
  "  billing@example.com | delivered 2.0.0 Other undefined Status | Field | 22:0-22:168 22:41-22:51",
  "4Y0mKq3Zx9zJ7yP deferred: 4.7.28 Mail flood detected | user@gmail.com | Event | 24:0-24:132 24:41-24:56",
  "  user@gmail.com | deferred 4.7.28 Mail flood detected | Field | 28:0-28:490 28:40-28:55",
  "B7C8D9E0F1 rejected: 5.7.1 Delivery not authorized, message refused | paul@example.com | Event | 29:0-29:81 29:41-29:51",
  "  paul@example.com | rejected 5.7.1 Delivery not authorized, message refused | Field | 30:0-30:217 30:43-30:53",
  "C1D2E3F4A5 bounced | (all recipients) | Event | 31:0-31:114 31:40-31:50",
  "  (all recipients) | expired | Field | 31:0-31:114 31:40-31:50",
];

const POSTFIX_STORIES: Record<string, string[]> = {
  "3F9C12A0B4": [
    "1:41-1:51",
    "**Postfix message 3F9C12A0B4**: delivered",
    "",
    "from `<ana.silva@gmail.com>` · 48,213 bytes · client mail-ed1-f41.google.com[209.85.208.41]",
    "",
    "| to | outcome | code | relay | delay |",
    "| --- | --- | --- | --- | --- |",
    "| paul@example.com | delivered | 2.0.0 Other undefined Status | 127.0.0.1[127.0.0.1]:10024 | 1.9 |",
    "",
    "Delays 0.61/0.01/0.02/1.3: before the queue manager / in the queue manager / connection setup / transmission, in seconds.",
    "",
    "Final reply (line 6): 250 2.0.0 from MTA(smtp:[127.0.0.1]:10025): 250 2.0.0 Ok: queued as 7D41E2C9F0",
    "",
    "Next hop: **7D41E2C9F0** (Postfix, line 7): delivered",
    "",
    "*5 lines, Nov 29 09:14:02 to Nov 29 09:14:04; entered the queue at line 2*",
  ],
  "NOQUEUE unknown[198.51.100.23]": [
    "3:41-3:48",
    "**Postfix rejects from unknown[198.51.100.23]** (no queue ID): 3 rejects",
    "",
    "from `<promo@bulk.example>`",
    "",
    "| to | outcome | code | relay | delay |",
    "| --- | --- | --- | --- | --- |",
    "| sales@example.com | rejected at RCPT | 5.7.1 Delivery not authorized, message refused | | |",
    "| info@example.com | rejected at RCPT | 5.7.1 Delivery not authorized, message refused | | |",
    "| hr@example.com | rejected at RCPT | 5.7.1 Delivery not authorized, message refused | | |",
    "",
    "Final reply (line 28): 554 5.7.1 Service unavailable; Client host [198.51.100.23] blocked using zen.spamhaus.org",
    "",
    "*3 lines, Nov 29 09:14:03 to Nov 29 09:16:25*",
  ],
  "91AB34CD56": [
    "13:42-13:52",
    "**Postfix message 91AB34CD56**: bounced",
    "",
    "from `<billing@example.com>` · 2,210 bytes",
    "",
    "| to | outcome | code | relay | delay |",
    "| --- | --- | --- | --- | --- |",
    "| jdoe@example.net | bounced | 5.1.1 Bad destination mailbox address | mx.example.net[192.0.2.25]:25 | 1.2 |",
    "| kim@example.org | delivered | 2.0.0 Other undefined Status | mx.example.org[192.0.2.40]:25 | 1.3 |",
    "",
    "Delays 0.08/0/0.58/0.54: before the queue manager / in the queue manager / connection setup / transmission, in seconds.",
    "",
    "Final reply (line 17): 550 5.1.1 &lt;jdoe@example.net&gt;: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)",
    "",
    "Next hop: **5E6F7A8B9C** (not in this log)",
    "",
    "Next hop: **A0B1C2D3E4** (Postfix, line 19): delivered",
    "",
    "*7 lines, Nov 29 09:15:10 to Nov 29 09:15:11; entered the queue at line 14*",
  ],
  "A0B1C2D3E4": [
    "18:43-18:53",
    "**Postfix message A0B1C2D3E4**: delivered",
    "",
    "from `<>` (a bounce) · 4,302 bytes",
    "",
    "| to | outcome | code | relay | delay |",
    "| --- | --- | --- | --- | --- |",
    "| billing@example.com | delivered | 2.0.0 Other undefined Status | local | 0.02 |",
    "",
    "Delays 0/0/0/0.02: before the queue manager / in the queue manager / connection setup / transmission, in seconds.",
    "",
    "Final reply (line 23): delivered to mailbox",
    "",
    "*4 lines, Nov 29 09:15:11 to Nov 29 09:15:12*",
  ],
  "C1D2E3F4A5": [
    "31:40-31:50",
    "**Postfix message C1D2E3F4A5**: bounced",
    "",
    "from `<reports@example.com>`",
    "",
    "| to | outcome | code | relay | delay |",
    "| --- | --- | --- | --- | --- |",
    "| (all recipients) | expired |  |  |  |",
    "",
    "Final reply (line 32): returned to sender",
    "",
    "*2 lines, Nov 29 09:30:00*",
  ],
  "B7C8D9E0F1": [
    "29:41-29:51",
    "**Postfix message B7C8D9E0F1**: rejected",
    "",
    "from `<x@spam.example>` · client unknown[203.0.113.77]",
    "",
    "| to | outcome | code | relay | delay |",
    "| --- | --- | --- | --- | --- |",
    "| paul@example.com | rejected at END-OF-MESSAGE | 5.7.1 Delivery not authorized, message refused | | |",
    "",
    "Final reply (line 31): 5.7.1 Spam message rejected",
    "",
    "*2 lines, Nov 29 09:27:00 to Nov 29 09:27:01; entered the queue at line 30*",
  ],
};

const EXIM_OUTLINE = [
  "1vQ3aB-00000000Lm4-2xYz delivered: 2.0.0 Other undefined Status | bob@example.net | Event | 0:0-0:214 0:20-0:43",
  "  bob@example.net | delivered 2.0.0 Other undefined Status | Field | 2:0-2:200 2:20-2:43",
  "NOQUEUE (spammer.example)[198.51.100.66] rejected | info@example.com, sales@example.com · 2 rejects | Object | 1:0-1:134 1:22-1:55",
  "  info@example.com | rejected | Field | 1:0-1:134 1:22-1:55",
  "  sales@example.com | rejected | Field | 6:0-6:135 6:22-6:55",
  "1tGqXb-0004Ac-2G bounced: 5.1.1 Bad destination mailbox address | carol@example.org, dave@example.com | Event | 4:0-4:88 4:20-4:36",
  "  carol@example.org | bounced 5.1.1 Bad destination mailbox address | Field | 5:0-5:329 5:20-5:36",
  "  dave@example.com | delivered | Field | 7:0-7:86 7:20-7:36",
  "1vQ3aC-00000000Ln5-3AbC delivered | newsletter@example.com | Event | 8:0-8:97 8:20-8:43",
  "  newsletter@example.com | delivered | Field | 10:0-10:99 10:20-10:43",
  "1vQ3aD-00000000Lo6-4BcD deferred: 4.2.2 Mailbox full | erin@example.org | Event | 12:0-12:115 12:20-12:43",
  "  erin@example.org | deferred 4.2.2 Mailbox full | Field | 13:0-13:275 13:20-13:43",
  "NOQUEUE unknown[203.0.113.5] rejected | 1 reject | Object | 14:0-14:110 14:22-14:43",
  "  EHLO | rejected | Field | 14:0-14:110 14:22-14:43",
];

const EXIM_STORIES: Record<string, string[]> = {
  "1vQ3aC-00000000Ln5-3AbC": [
    "8:20-8:43",
    "**Exim message 1vQ3aC-00000000Ln5-3AbC**: delivered",
    "",
    "from `<>` (a bounce) · 3,104 bytes",
    "",
    "| to | outcome | code | relay | delay |",
    "| --- | --- | --- | --- | --- |",
    "| newsletter@example.com | delivered |  |  |  |",
    "",
    "Bounce of **1tGqXb-0004Ac-2G** (line 9)",
    "",
    "*3 lines, 2026-11-29 10:02:14 to 2026-11-29 10:02:15; entered the queue at line 9*",
  ],
  "NOQUEUE unknown[203.0.113.5]": [
    "14:22-14:43",
    "**Exim rejects from unknown[203.0.113.5]** (no queue ID): 1 reject",
    "",
    "| to | outcome | code | relay | delay |",
    "| --- | --- | --- | --- | --- |",
    "|  | rejected at EHLO |  | | |",
    "",
    "Final reply (line 15): syntactically invalid argument(s)",
    "",
    "*1 line, 2026-11-29 10:02:18*",
  ],
  "1tGqXb-0004Ac-2G": [
    "4:20-4:36",
    "**Exim message 1tGqXb-0004Ac-2G**: bounced",
    "",
    "from `<newsletter@example.com>` · 10,432 bytes",
    "",
    "| to | outcome | code | relay | delay |",
    "| --- | --- | --- | --- | --- |",
    "| carol@example.org | bounced | 5.1.1 Bad destination mailbox address | mx.example.org[192.0.2.40] |  |",
    "| dave@example.com | delivered |  |  |  |",
    "",
    "Final reply (line 6): 550 5.1.1 &lt;carol@example.org&gt;: Recipient address rejected: User unknown in local recipient table",
    "",
    "*4 lines, 2026-11-29 10:02:13 to 2026-11-29 10:02:14; entered the queue at line 5*",
  ],
};

const SENDMAIL_OUTLINE = [
  "2ATB01ab005001 bounced: 5.1.1 Bad destination mailbox address | bob@example.net, carol@example.org | Event | 0:0-0:229 0:38-0:52",
  "  bob@example.net | delivered 2.0.0 Other undefined Status | Field | 2:0-2:218 2:38-2:52",
  "  carol@example.org | bounced 5.1.1 Bad destination mailbox address | Field | 3:0-3:201 3:38-3:52",
  "NOQUEUE [198.51.100.5] rejected: 5.7.1 Delivery not authorized, message refused | erin@example.net, frank@example.net · 2 rejects | Object | 1:0-1:159 1:89-1:103",
  "  erin@example.net | rejected 5.7.1 Delivery not authorized, message refused | Field | 1:0-1:159 1:89-1:103",
  "  frank@example.net | rejected 5.7.1 Delivery not authorized, message refused | Field | 4:0-4:161 4:90-4:104",
  "2ATB03cd005003 delivered: 2.0.0 Other undefined Status | alice@example.com | Event | 6:0-6:133 6:38-6:52",
  "  alice@example.com | delivered 2.0.0 Other undefined Status | Field | 7:0-7:156 7:38-7:52",
  "2ATB05ef005010 deferred: 4.2.2 Mailbox full | dave@example.org | Event | 8:0-8:169 8:38-8:52",
  "  dave@example.org | deferred 4.2.2 Mailbox full | Field | 9:0-9:220 9:38-9:52",
];

const SENDMAIL_STORIES: Record<string, string[]> = {
  "2ATB03cd005003": [
    "6:38-6:52",
    "**Sendmail message 2ATB03cd005003**: delivered",
    "",
    "from `<>` (a bounce) · 3,120 bytes · client localhost",
    "",
    "| to | outcome | code | relay | delay |",
    "| --- | --- | --- | --- | --- |",
    "| alice@example.com | delivered | 2.0.0 Other undefined Status |  | 00:00:01 |",
    "",
    "*2 lines, Nov 29 11:00:03 to Nov 29 11:00:04; entered the queue at line 7*",
  ],
  "NOQUEUE [198.51.100.5]": [
    "1:89-1:103",
    "**Sendmail rejects from [198.51.100.5]** (no queue ID): 2 rejects",
    "",
    "| to | outcome | code | relay | delay |",
    "| --- | --- | --- | --- | --- |",
    "| erin@example.net | rejected at check_rcpt | 5.7.1 Delivery not authorized, message refused | | |",
    "| frank@example.net | rejected at check_rcpt | 5.7.1 Delivery not authorized, message refused | | |",
    "",
    "Final reply (line 5): 550 5.7.1 &lt;frank@example.net&gt;... Relaying denied",
    "",
    "*2 lines, Nov 29 11:00:01 to Nov 29 11:00:03*",
  ],
};

const RETRIES_OUTLINE = [
  "5A1B2C3D4E bounced: 5.2.2 Mailbox full | ann@example.org, bo@example.org | Event | 0:0-0:95 0:41-0:51",
  "  bo@example.org | bounced 5.1.1 Bad destination mailbox address | Field | 4:0-4:279 4:40-4:50",
  "  ann@example.org | bounced 5.2.2 Mailbox full | Field | 12:0-12:277 12:40-12:50",
  "6B2C3D4E5F in queue |  | Event | 5:0-5:88 5:41-5:51",
  "NOQUEUE unknown[203.0.113.44] rejected: 5.1.1 Bad destination mailbox address | sales@example.com, info@example.com, nobody@example.com · 3 rejects | Object | 7:0-7:242 7:41-7:48",
  "  sales@example.com | rejected 4.7.1 Delivery not authorized, message refused | Field | 7:0-7:242 7:41-7:48",
  "  info@example.com | rejected 5.7.1 Delivery not authorized, message refused | Field | 11:0-11:256 11:41-11:48",
  "  nobody@example.com | rejected 5.1.1 Bad destination mailbox address | Field | 14:0-14:272 14:41-14:48",
  "7C3D4E5F6A delivered: 2.0.0 Other undefined Status | root@mx1.example.com | Event | 8:0-8:80 8:41-8:51",
  "  root@mx1.example.com | forwarded 2.0.0 Other undefined Status | Field | 10:0-10:190 10:41-10:51",
  "9E5F6A7B8C bounced: 5.7.606 unregistered; security or policy status | ops@example.net | Event | 13:0-13:299 13:40-13:50",
  "  ops@example.net | bounced 5.7.606 unregistered; security or policy status | Field | 13:0-13:299 13:40-13:50",
];

const RETRIES_STORIES: Record<string, string[]> = {
  "5A1B2C3D4E": [
    "0:41-0:51",
    "**Postfix message 5A1B2C3D4E**: bounced",
    "",
    "from `<orders@partner.example>` · 1,024 bytes · client mail.partner.example[198.51.100.80]",
    "",
    "| to | outcome | code | relay | delay |",
    "| --- | --- | --- | --- | --- |",
    "| ann@example.org | bounced | 5.2.2 Mailbox full | mx.example.org[192.0.2.40]:25 | 3601 |",
    "| bo@example.org | bounced | 5.1.1 Bad destination mailbox address | mx.example.org[192.0.2.40]:25 | 1.5 |",
    "",
    "Delays 3600/0/0.5/0.5: before the queue manager / in the queue manager / connection setup / transmission, in seconds.",
    "",
    "Final reply (line 13): 552 5.2.2 Mailbox full \\| quota 100% (in reply to RCPT TO command)",
    "",
    "*6 lines, Nov 30 08:00:01 to Nov 30 09:00:03; entered the queue at line 1*",
  ],
  "6B2C3D4E5F": [
    "5:41-5:51",
    "**Postfix message 6B2C3D4E5F**: in queue",
    "",
    "client app2.example.com[192.0.2.62]",
    "",
    "*2 lines, Nov 30 08:00:04; entered the queue at line 6*",
  ],
  "NOQUEUE unknown[203.0.113.44]": [
    "7:41-7:48",
    "**Postfix rejects from unknown[203.0.113.44]** (no queue ID): 3 rejects",
    "",
    "from `<x@bulk.example>`",
    "",
    "| to | outcome | code | relay | delay |",
    "| --- | --- | --- | --- | --- |",
    "| sales@example.com | rejected at RCPT | 4.7.1 Delivery not authorized, message refused | | |",
    "| info@example.com | rejected at RCPT | 5.7.1 Delivery not authorized, message refused | | |",
    "| nobody@example.com | rejected at RCPT | 5.1.1 Bad destination mailbox address | | |",
    "",
    "Final reply (line 15): 550 5.1.1 &lt;nobody@example.com&gt;: Recipient address rejected: User unknown in local recipient table",
    "",
    "*3 lines, Nov 30 08:00:05 to Nov 30 09:00:05*",
  ],
  "7C3D4E5F6A": [
    "8:41-8:51",
    "**Postfix message 7C3D4E5F6A**: delivered",
    "",
    "from `<root@mx1.example.com>` · 812 bytes · client localhost[127.0.0.1]",
    "",
    "| to | outcome | code | relay | delay |",
    "| --- | --- | --- | --- | --- |",
    "| root@mx1.example.com | forwarded | 2.0.0 Other undefined Status | local | 0.1 |",
    "",
    "Delays 0.05/0/0/0.05: before the queue manager / in the queue manager / connection setup / transmission, in seconds.",
    "",
    "Final reply (line 11): forwarded as 8D4E5F6A7B",
    "",
    "*3 lines, Nov 30 08:00:06; entered the queue at line 9*",
  ],
  "9E5F6A7B8C": [
    "13:40-13:50",
    "**Postfix message 9E5F6A7B8C**: bounced",
    "",
    "| to | outcome | code | relay | delay |",
    "| --- | --- | --- | --- | --- |",
    "| ops@example.net | bounced | 5.7.606 unregistered; security or policy status | mx.example.net[192.0.2.25]:25 | 0.4 |",
    "",
    "Delays 0/0/0.2/0.2: before the queue manager / in the queue manager / connection setup / transmission, in seconds.",
    "",
    "Final reply (line 14): 550 5.7.606 Access denied, banned sending IP [192.0.2.10] (in reply to MAIL FROM command)",
    "",
    "*1 line, Nov 30 09:00:04*",
  ],
};

describe('the story of each message of a mail log', () => {
  test('the Outline lists every message with its outcome, code, recipients and rejects, each on its own lines', () => {
    for (const [name, uri, expected] of [
      ['messages/mail.log', 'file:///var/log/mail.log', POSTFIX_OUTLINE],
      ['messages/exim_mainlog', 'file:///var/log/exim4/exim_mainlog', EXIM_OUTLINE],
      ['messages/maillog', 'file:///var/log/maillog', SENDMAIL_OUTLINE],
      ['messages/retries.log', 'file:///var/log/mail.log.1', RETRIES_OUTLINE],
    ] as const) {
      const { service, document } = open(name, uri);
      assert.deepEqual(outlineLines(service.doDocumentSymbols(document)), expected, name);
    }
  });

  test('hover on a message ID tells its story: sender, size, client, recipients, delays, final reply, hops and lines', () => {
    assert.deepEqual(storiesOf('messages/mail.log', 'file:///var/log/mail.log', Object.keys(POSTFIX_STORIES)), POSTFIX_STORIES);
    assert.deepEqual(storiesOf('messages/exim_mainlog', 'file:///var/log/exim4/exim_mainlog', Object.keys(EXIM_STORIES)), EXIM_STORIES);
    assert.deepEqual(storiesOf('messages/maillog', 'file:///var/log/maillog', Object.keys(SENDMAIL_STORIES)), SENDMAIL_STORIES);
    assert.deepEqual(storiesOf('messages/retries.log', 'file:///var/log/mail.log.1', Object.keys(RETRIES_STORIES)), RETRIES_STORIES);
  });

  test('a message\'s ID is found from each of its lines; the line where it entered the queue is the one written', () => {
    const { service, document, lines } = open('messages/mail.log', 'file:///var/log/mail.log');
    const ownLines = [13, 14, 15, 16, 17, 19, 21];
    for (const line of ownLines) {
      const position = { line, character: lines[line].indexOf('91AB34CD56') + 3 };
      const highlights = service.doDocumentHighlights(document, position);
      assert.deepEqual(highlights.map((highlight) => `${at(highlight.range)} ${highlight.kind}`),
        ownLines.map((own) => `${own}:${lines[own].indexOf('91AB34CD56')}-${own}:${lines[own].indexOf('91AB34CD56') + 10} ${own === 13 ? DocumentHighlightKind.Write : DocumentHighlightKind.Read}`), `from line ${line}`);
      assert.deepEqual(service.doReferences(document, position).map((reference) => `${reference.uri} ${at(reference.range)}`), highlights.map((highlight) => `file:///var/log/mail.log ${at(highlight.range)}`));
      assert.equal(at(service.doDefinition(document, position)!.range), '13:42-13:52');
    }
    const bounce = service.doDocumentHighlights(document, { line: 18, character: 45 });
    assert.deepEqual(bounce.map((highlight) => highlight.kind), [1, 1, 1, 1].map(() => DocumentHighlightKind.Read), 'a bounce that entered before the log began: no line is its entry');
    assert.equal(at(service.doDefinition(document, { line: 22, character: 45 })!.range), '18:43-18:53', 'its first line instead');
  });

  test('the cursor finds an ID from its first character to just after its last, and nothing beside it', () => {
    const { service, document, story, position } = open('messages/mail.log', 'file:///var/log/mail.log');
    const lineCount = (at: Position) => service.doDocumentHighlights(document, at).length;
    assert.equal(lineCount(position(1, '3F9C12A0B4', -1)), 0, 'the space before');
    assert.equal(lineCount(position(1, '3F9C12A0B4')), 5);
    assert.equal(lineCount(position(1, '3F9C12A0B4', 10)), 5, 'right after the last character');
    assert.equal(lineCount(position(1, '3F9C12A0B4', 11)), 0, 'past the colon');
    assert.equal(service.doDefinition(document, position(1, '3F9C12A0B4', 11)), null);
    // "queued as 7D41E2C9F0" on another message's line leads to the next hop.
    assert.equal(lineCount(position(5, 'queued as 7D41E2C9F0', 9)), 0, 'the space before the next hop\'s ID');
    assert.deepEqual(service.doDocumentHighlights(document, position(5, '7D41E2C9F0')).map((highlight) => at(highlight.range)), ['6:41-6:51', '8:40-8:50', '10:40-10:50', '11:40-11:50']);
    assert.equal(lineCount(position(5, '7D41E2C9F0', 10)), 4, 'right after the last character');
    assert.equal(lineCount(position(5, '7D41E2C9F0', 11)), 0);
    const hop = story(position(5, '7D41E2C9F0', 2))!;
    assert.deepEqual(hop.slice(0, 2), ['5:239-5:249', '**Postfix message 7D41E2C9F0**: delivered'], 'the story of the next hop, on the ID where the cursor is');
    assert.equal(at(service.doDefinition(document, position(5, '7D41E2C9F0'))!.range), '6:41-6:51');
    // A next hop that is not in this log leads nowhere.
    assert.deepEqual(service.doDocumentHighlights(document, position(17, '5E6F7A8B9C', 1)), []);
    assert.equal(service.doDefinition(document, position(17, '5E6F7A8B9C', 1)), null);
    assert.equal(story(position(17, '5E6F7A8B9C', 1)), null);
  });

  test('a Sendmail line that names the DSN a bounce caused leads to the DSN from its ID and to the bounced message from the queue ID', () => {
    const { service, document, position } = open('messages/maillog', 'file:///var/log/maillog');
    assert.equal(at(service.doDefinition(document, position(5, '2ATB03cd005003', 1))!.range), '6:38-6:52');
    assert.equal(at(service.doDefinition(document, position(5, '2ATB01ab005001', 1))!.range), '0:38-0:52');
  });

  test('the Outline of a log of many messages lists the first 2,000 and counts the rest in a last entry at the last line', () => {
    const queueId = (n: number) => (0x5A00000000 + n).toString(16).toUpperCase();
    const lines = Array.from({ length: 3234 }, (_, n) => `Nov 30 10:00:${String(n % 60).padStart(2, '0')} mx1 postfix/smtpd[4101]: ${queueId(n)}: client=app.example.com[192.0.2.7]`);
    lines.push(`Nov 30 10:01:00 mx1 postfix/qmgr[1020]: ${queueId(0)}: removed`);
    const service = createLanguageService();
    const document = TextDocument.create('file:///var/log/mail.log', 'log', ++version, `${lines.join('\n')}\n`);
    const symbols = service.doDocumentSymbols(document);
    assert.equal(symbols.length, 2001);
    assert.equal(symbols[1999].name, `${queueId(1999)} in queue`);
    assert.deepEqual(outlineLines(symbols.slice(2000)), [
      '… 1,234 more messages | the Outline lists the first 2,000; smtp-status-codes summary reads the whole log | Null | 3234:0-3234:0 3234:0-3234:0',
    ]);
  });

  test('whether the cursor stands on a message ID is told from its line alone, before the log is indexed', () => {
    const received = 'Nov 29 09:14:02 mx1 postfix/smtpd[3120]: 3F9C12A0B4: client=mail-ed1-f41.google.com[209.85.208.41]';
    const relayed = 'Nov 29 09:14:04 mx1 postfix/smtp[3130]: 3F9C12A0B4: to=<paul@example.com>, relay=127.0.0.1[127.0.0.1]:10024, delay=1.9, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 7D41E2C9F0)';
    const bounce = '2026-11-29 10:02:14 1vQ3aC-00000000Ln5-3AbC <= <> R=1tGqXb-0004Ac-2G U=Debian-exim P=local S=3104';
    const noRelay = 'Nov 29 11:00:01 relay sendmail[5002]: ruleset=check_mail, arg1=<spammer@example>, reject=553 5.1.8 <spammer@example>... Domain of sender address spammer@example does not exist';
    const on = (line: string, needle: string, deltas: number[]) => deltas.map((delta) => isOnMessageId(line, line.indexOf(needle) + delta));
    assert.deepEqual(on(received, '3F9C12A0B4', [-1, 0, 10, 11]), [false, true, true, false]);
    assert.deepEqual(on(relayed, '7D41E2C9F0', [-1, 0, 10, 11]), [false, true, true, false]);
    assert.deepEqual(on(relayed, '3F9C12A0B4', [-1, 0, 10, 11]), [false, true, true, false]);
    assert.deepEqual(on(bounce, '1tGqXb-0004Ac-2G', [-1, 0, 16, 17]), [false, true, true, false]);
    assert.deepEqual(on(noRelay, 'ruleset', [-1, 0, 1]), [false, false, false], 'a reject with neither queue ID nor client is no message');
    assert.equal(isOnMessageId('Nov 29 09:14:02 mx1 postfix/smtpd[3120]: connect from unknown[203.0.113.9]', 45), false);
    assert.equal(isOnMessageId('', 0), false);
  });

  test('a message is found only where the cursor stands on its ID or a next hop\'s', () => {
    const text = fixture('messages/mail.log');
    const index = new MessageIndex(text);
    const lines = text.split('\n');
    const column = (line: number, needle: string) => lines[line].indexOf(needle);
    assert.equal(documentHighlights(index, { line: 5, character: column(5, '3F9C12A0B4') }).length, 5);
    for (const position of [
      { line: 5, character: column(5, '3F9C12A0B4') - 1 }, { line: 5, character: column(5, 'relay=') }, { line: 5, character: column(5, '7D41E2C9F0') - 1 },
      { line: 0, character: 45 }, { line: 17, character: column(17, '5E6F7A8B9C') + 1 }, { line: 40, character: 0 },
    ]) {
      assert.deepEqual(documentHighlights(index, position), [], JSON.stringify(position));
      assert.equal(messageHover(index, position), null, JSON.stringify(position));
    }
  });

  test('lines that name no message are nobody\'s: a Sendmail reject without a relay, a connect line', () => {
    const log = [
      'Nov 29 11:00:01 relay sendmail[5002]: ruleset=check_mail, arg1=<spammer@example>, reject=553 5.1.8 <spammer@example>... Domain of sender address spammer@example does not exist',
      'Nov 29 11:00:05 relay sendmail[5010]: 2ATB05ef005010: from=<news@example.com>, size=9000, class=0, nrcpts=1, proto=ESMTP, daemon=MTA, relay=list.example.com [192.0.2.70]',
      'Nov 29 11:00:06 relay sendmail[5011]: 2ATB05ef005010: to=<dave@example.org>, delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=129000, relay=mx.example.org. [192.0.2.40], dsn=4.2.2, stat=Deferred: 452 4.2.2 Mailbox full',
    ];
    const service = createLanguageService();
    const document = TextDocument.create('file:///var/log/maillog', 'log', ++version, `${log.join('\n')}\n`);
    assert.deepEqual(outlineLines(service.doDocumentSymbols(document)), [
      '2ATB05ef005010 deferred: 4.2.2 Mailbox full | dave@example.org | Event | 1:0-1:169 1:38-1:52',
      '  dave@example.org | deferred 4.2.2 Mailbox full | Field | 2:0-2:220 2:38-2:52',
    ]);
    assert.deepEqual(service.doDocumentHighlights(document, { line: 0, character: 40 }), []);
    assert.deepEqual(service.doDocumentHighlights(document, { line: 3, character: 0 }), [], 'the empty last line');
  });
});
