/**
 * Hover as a reader meets it: the text shown on an enhanced status code or a reply code, in configuration, logs, bounces
 * and notes, with what the registry, the user's known codes and the providers say; and where a hover starts and ends.
 */
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Hover } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/languageService';
import { resolveSettings } from '../../server/src/settings';
import { documentOf, withCursor } from '../support/documents';

const service = createLanguageService();

function hoverAt(textWithCursor: string, uri: string, languageId = 'plaintext', raw: unknown = {}): Hover | null {
  const { document, position } = withCursor(textWithCursor, uri, languageId);
  const found = service.doHover(document, position, resolveSettings(raw).settings);
  service.forget(uri);
  return found;
}

const range = (hover: Hover | null) => hover && `${hover.range!.start.line}:${hover.range!.start.character}-${hover.range!.end.character}`;

/** What follows the title of 5.7.606 wherever it is known: Microsoft's section, then its class and subject (no registry entry). */
const MICROSOFT_606_AND_ITS_CLASS = [
  '**Microsoft 365 / Exchange Online** · 5.7.606-5.7.649: Access denied, banned sending IP',
  '',
  'The sending IP address is on Microsoft\'s block list, so Microsoft 365 refuses mail from it.',
  '',
  '*What to do:* Request delisting at https://sender.office.com and follow its steps; find and stop what made the IP send spam.',
  '',
  '[Microsoft 365 / Exchange Online documentation](https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/ndr/non-delivery-reports-in-exchange-online) (read 2026-11-30)',
  '',
  '---',
  '',
  'A permanent failure is one which is not likely to be resolved by resending the message in the current form. Some change to the message or the destination must be made for successful delivery.',
  '',
  'The security or policy status codes report failures involving policies such as per-recipient or per-host filtering and cryptographic operations. Security and policy status issues are assumed to be under the control of either or both the sender and recipient. Both the sender and recipient must permit the exchange of messages and arrange the exchange of necessary keys and certificates for cryptographic operations.',
  '',
  '[IANA registry](https://www.iana.org/assignments/smtp-enhanced-status-codes/smtp-enhanced-status-codes.xhtml)',
];

/** A Gmail rejection of an unauthenticated sender, in a Postfix log: hovered with providers on and off. */
const GMAIL_5_7_26_LINE = 'Nov 30 10:00:01 mx postfix/smtp[123]: 4F2: to=<a@gmail.com>, relay=gmail-smtp-in.l.google.com[142.250.1.1]:25, dsn=5.7.26, status=bounced (host gmail-smtp-in.l.google.com[142.250.1.1] said: 550 5.7.2|6 This mail has been blocked because the sender is unauthenticated. (in reply to end of DATA command))\n';

/** The registry's part of the hover of 5.7.26, which providers add to. */
const REGISTRY_5_7_26 = [
  '**5.7.26** Multiple authentication checks failed',
  '',
  '*5: Permanent Failure · X.7: Security or Policy Status*',
  '',
  'This status code is returned when a message failed more than one message authentication check, contrary to local policy requirements. The particular mechanisms that failed are not specified.',
  '',
  'Reply codes: 550 · Usage: not stated by the registry',
  '',
  'Defined in [RFC 7372](https://www.rfc-editor.org/rfc/rfc7372) (Standards Track) · [IANA registry entry X.7.26](https://www.iana.org/assignments/smtp-enhanced-status-codes/smtp-enhanced-status-codes.xhtml)',
];

/** The registry's part of the hover of 5.2.2 after a 550 reply, which a provider may add to. */
const REGISTRY_5_2_2 = [
  '**5.2.2** Mailbox full',
  '',
  '*5: Permanent Failure · X.2: Mailbox Status*',
  '',
  'The mailbox is full because the user has exceeded a per-mailbox administrative quota or physical capacity. The general semantics implies that the recipient can delete messages to make more space available. This code should be used as a persistent transient failure.',
  '',
  'Reply codes: 552 · Usage: persistent transient failures only (4.X.X)',
  '',
  'The registry does not associate reply code 550 with X.2.2.',
  '',
  'Defined in [RFC 3463](https://www.rfc-editor.org/rfc/rfc3463) (Standards Track) · [IANA registry entry X.2.2](https://www.iana.org/assignments/smtp-enhanced-status-codes/smtp-enhanced-status-codes.xhtml)',
];

/** Exchange Online's 5.2.2, the same wherever the provider is named: in a log's relay or in a bounce's sender. */
const EXCHANGE_SUBMISSION_QUOTA_HOVER = [
  ...REGISTRY_5_2_2,
  '',
  '---',
  '',
  '**Microsoft 365 / Exchange Online** · 5.2.2: Submission quota exceeded',
  '',
  'The sender exceeded the recipient rate limit or the message rate limit of Exchange Online.',
  '',
  '*What to do:* Send less at a time and wait for the limit to reset; check that the account is not compromised.',
  '',
  '*Differs from the registry:* The registry means the recipient\'s mailbox is full; Exchange Online uses it for the sender exceeding its sending quota.',
  '',
  '[Microsoft 365 / Exchange Online documentation](https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/ndr/non-delivery-reports-in-exchange-online) (read 2026-11-30)',
];

/** The hover's text up to the bounce reason, which has tests of its own. */
const explanation = (hover: Hover | null) => (hover?.contents as { value: string } | undefined)?.value.split('\n\n---\n\n**Bounce reason:**')[0];

const CASES: { name: string; uri: string; languageId: string; settings?: unknown; text: string; range: string; hover: string[] }[] = [
  {
    name: '554 5.1.1 in a Postfix map: the registry does not list 554 for X.1.1',
    uri: 'file:///etc/postfix/sender_access', languageId: 'plaintext',
    text: 'olduser@example.com   554 5.1.|1 User unknown\n',
    range: '0:26-31',
    hover: [
      '**5.1.1** Bad destination mailbox address',
      '',
      '*5: Permanent Failure · X.1: Addressing Status*',
      '',
      'The mailbox specified in the address does not exist. For Internet mail names, this means the address portion to the left of the "@" sign is invalid. This code is only useful for permanent failures.',
      '',
      'Reply codes: 451, 550 · Usage: permanent failures only (5.X.X)',
      '',
      'The registry does not associate reply code 554 with X.1.1.',
      '',
      'Defined in [RFC 3463](https://www.rfc-editor.org/rfc/rfc3463) (Standards Track) · [IANA registry entry X.1.1](https://www.iana.org/assignments/smtp-enhanced-status-codes/smtp-enhanced-status-codes.xhtml)',
    ],
  },
  {
    name: 'a deprecated code: its replacement, in the class written',
    uri: 'file:///etc/postfix/sender_access', languageId: 'plaintext',
    text: 'olduser@example.com   450 4.6.1|0 Conversion\n',
    range: '0:26-32',
    hover: [
      '**4.6.10** Deprecated: a duplicate of X.6.8 (UTF-8 string reply is required, but not permitted by the SMTP client)',
      '',
      '*4: Persistent Transient Failure · X.6: Message Content or Media Status*',
      '',
      'This is a duplicate of X.6.8 and is thus deprecated.',
      '',
      'Use **4.6.8** instead.',
      '',
      'Reply codes: not given · Usage: not stated by the registry',
      '',
      'Defined in [RFC 6531](https://www.rfc-editor.org/rfc/rfc6531) (Standards track) · [IANA registry entry X.6.10](https://www.iana.org/assignments/smtp-enhanced-status-codes/smtp-enhanced-status-codes.xhtml)',
    ],
  },
  {
    name: 'an unregistered detail of a registered subject: the class and the subject explained',
    uri: 'file:///etc/postfix/sender_access', languageId: 'plaintext',
    text: 'olduser@example.com   550 5.1.|99 User unknown\n',
    range: '0:26-32',
    hover: [
      '**5.1.99** is not in the IANA registry',
      '',
      '*5: Permanent Failure · X.1: Addressing Status*',
      '',
      'A permanent failure is one which is not likely to be resolved by resending the message in the current form. Some change to the message or the destination must be made for successful delivery.',
      '',
      'The address status reports on the originator or destination address. It may include address syntax or validity. These errors can generally be corrected by the sender and retried.',
      '',
      '[IANA registry](https://www.iana.org/assignments/smtp-enhanced-status-codes/smtp-enhanced-status-codes.xhtml)',
    ],
  },
  {
    name: 'an unregistered subject',
    uri: 'file:///etc/postfix/sender_access', languageId: 'plaintext',
    text: 'olduser@example.com   550 5.9.|99 User unknown\n',
    range: '0:26-32',
    hover: [
      '**5.9.99** is not in the IANA registry',
      '',
      '*5: Permanent Failure · X.9: no registered subject*',
      '',
      'A permanent failure is one which is not likely to be resolved by resending the message in the current form. Some change to the message or the destination must be made for successful delivery.',
      '',
      '[IANA registry](https://www.iana.org/assignments/smtp-enhanced-status-codes/smtp-enhanced-status-codes.xhtml)',
    ],
  },
  {
    name: 'a known code of the settings, which a provider also documents',
    uri: 'file:///etc/postfix/sender_access', languageId: 'plaintext', settings: {"knownCodes":{"5.7.6xx":"Microsoft 365 policy rejections"}},
    text: 'spammer.example   REJECT 5.7.|606 Banned\n',
    range: '0:25-32',
    hover: [
      '**5.7.606** Microsoft 365 policy rejections',
      '',
      '*Not in the IANA registry; known from smtpStatusCodes.knownCodes (5.7.6xx).*',
      '',
      '*5: Permanent Failure · X.7: Security or Policy Status*',
      '',
      ...MICROSOFT_606_AND_ITS_CLASS,
    ],
  },
  {
    name: 'a code only a provider documents, quoted in a log line that names the provider',
    uri: 'file:///var/log/mail.log', languageId: 'log',
    text: 'Nov 30 10:00:01 mx postfix/smtp[123]: 4F2: to=<a@outlook.com>, relay=outlook-com.olc.protection.outlook.com[52.101.1.1]:25, dsn=5.7.606, status=bounced (host outlook-com.olc.protection.outlook.com[52.101.1.1] said: 550 5.7.|606 Access denied, banned sending IP [192.0.2.1]. (in reply to RCPT TO command))\n',
    range: '0:219-226',
    hover: [
      '**5.7.606** Access denied, banned sending IP (Microsoft 365 / Exchange Online)',
      '',
      '*Not in the IANA registry; documented by the provider.*',
      '',
      '*5: Permanent Failure · X.7: Security or Policy Status*',
      '',
      ...MICROSOFT_606_AND_ITS_CLASS,
    ],
  },
  {
    name: 'a registered code that Gmail narrows',
    uri: 'file:///var/log/mail.log', languageId: 'log',
    text: GMAIL_5_7_26_LINE,
    range: '0:194-200',
    hover: [
      ...REGISTRY_5_7_26,
      '',
      '---',
      '',
      '**Google Workspace / Gmail** · 5.7.26: Blocked: unauthenticated sender or DMARC',
      '',
      'Gmail blocked the message because the sender is not authenticated: neither SPF nor DKIM passed, or the message failed DMARC and the From: domain\'s policy says to reject it.',
      '',
      '*What to do:* Make SPF or DKIM pass, aligned with the From: domain, for every service that sends as the domain (mailing lists and forwarders included).',
      '',
      '*Narrower than the registry:* The registry (RFC 7372) means a message that failed more than one authentication check; Gmail uses it for any sender with no passing SPF or DKIM, and for rejections by the From: domain\'s DMARC policy.',
      '',
      '[Google Workspace / Gmail documentation](https://support.google.com/a/answer/3726730) (read 2026-11-30)',
    ],
  },
  {
    name: 'the same with providers switched off',
    uri: 'file:///var/log/mail.log', languageId: 'log', settings: {"providers":{"enabled":false}},
    text: GMAIL_5_7_26_LINE,
    range: '0:194-200',
    hover: [
      ...REGISTRY_5_7_26,
    ],
  },
  {
    name: 'a registered code that Exchange Online redefines',
    uri: 'file:///var/log/mail.log', languageId: 'log',
    text: 'Nov 30 10:00:01 mx postfix/smtp[123]: 4F2: to=<a@contoso.com>, relay=contoso-com.mail.protection.outlook.com[52.101.1.1]:25, dsn=5.2.2, status=bounced (host contoso-com.mail.protection.outlook.com[52.101.1.1] said: 550 5.2.|2 Submission quota exceeded (in reply to MAIL FROM command))\n',
    range: '0:219-224',
    hover: EXCHANGE_SUBMISSION_QUOTA_HOVER,
  },
  {
    name: 'a bounce from Exchange Online: where the code\'s paragraph names no provider, the bounce\'s sender explains the code',
    uri: 'file:///home/alice/Mail/bounce.eml', languageId: 'plaintext',
    text: 'From: postmaster@outlook.com\nSubject: Undeliverable: Invoice\nContent-Type: text/plain\n\nDelivery has failed to these recipients or groups:\n\nRemote Server returned \'550 5.2.|2 Submission quota exceeded\'\n',
    range: '6:28-33',
    hover: EXCHANGE_SUBMISSION_QUOTA_HOVER,
  },
  {
    name: 'a bounce that names no provider: the registry\'s meaning alone',
    uri: 'file:///home/alice/Mail/bounce.eml', languageId: 'plaintext',
    text: 'From: MAILER-DAEMON@mx.example.org\nSubject: Undelivered Mail Returned to Sender\nContent-Type: text/plain\n\nDelivery has failed to these recipients or groups:\n\nRemote Server returned \'550 5.2.|2 Submission quota exceeded\'\n',
    range: '6:28-33',
    hover: [
      ...REGISTRY_5_2_2,
    ],
  },
  {
    name: '421 beside its code',
    uri: 'file:///notes/replies.txt', languageId: 'plaintext',
    text: '4|21 4.7.0 Too many connections, try again later\n',
    range: '0:0-3',
    hover: [
      '**421** <domain> Service not available, closing transmission channel',
      '',
      '*Transient negative completion reply · goes with 4.X.X enhanced codes*',
      '',
      'Registered enhanced codes for 421: 4.3.0 Other or undefined mail system status · 4.4.2 Bad connection',
      '',
      'Defined in [RFC 5321](https://www.rfc-editor.org/rfc/rfc5321)',
    ],
  },
  {
    name: '571, which no RFC defines',
    uri: 'file:///notes/replies.txt', languageId: 'plaintext',
    text: '5|71 Delivery not authorized\n',
    range: '0:0-3',
    hover: [
      '**571** is not a reply code defined by RFC 5321 or its extensions',
      '',
      '*Permanent negative completion reply · goes with 5.X.X enhanced codes*',
    ],
  },
  {
    name: '354, an intermediate reply',
    uri: 'file:///notes/replies.txt', languageId: 'plaintext',
    text: '3|54 Start mail input\n',
    range: '0:0-3',
    hover: [
      '**354** Start mail input; end with <CRLF>.<CRLF>',
      '',
      '*Positive intermediate reply*',
      '',
      'Defined in [RFC 5321](https://www.rfc-editor.org/rfc/rfc5321)',
    ],
  },
  {
    name: '235 beside its code',
    uri: 'file:///notes/replies.txt', languageId: 'plaintext',
    text: '235| 2.7.0 Authentication successful\n',
    range: '0:0-3',
    hover: [
      '**235** Authentication succeeded',
      '',
      '*Positive completion reply · goes with 2.X.X enhanced codes*',
      '',
      'Registered enhanced codes for 235: 2.7.0 Other or undefined security status',
      '',
      'Defined in [RFC 4954](https://www.rfc-editor.org/rfc/rfc4954)',
    ],
  },
  {
    name: 'a code for both kinds of failure, after the transient twin of a reply the registry lists (521)',
    uri: 'file:///notes/transcript.txt', languageId: 'plaintext',
    text: '421 4.3.|2 System not accepting network messages\n',
    range: '0:4-9',
    hover: [
      '**4.3.2** System not accepting network messages',
      '',
      '*4: Persistent Transient Failure · X.3: Mail System Status*',
      '',
      'The host on which the mailbox is resident is not accepting messages. Examples of such conditions include an imminent shutdown, excessive load, or system maintenance. This is useful for both permanent and persistent transient errors.',
      '',
      'Reply codes: 453, 521 · Usage: permanent or persistent transient failures',
      '',
      'Defined in [RFC 3463](https://www.rfc-editor.org/rfc/rfc3463) (Standards Track), [RFC 7504](https://www.rfc-editor.org/rfc/rfc7504) (Standards Track) · [IANA registry entry X.3.2](https://www.iana.org/assignments/smtp-enhanced-status-codes/smtp-enhanced-status-codes.xhtml)',
    ],
  },
  {
    name: 'a success code that goes with any reply',
    uri: 'file:///notes/transcript.txt', languageId: 'plaintext',
    text: '250 2.0.|0 Ok: queued as 4F2A31C0E2\n',
    range: '0:4-9',
    hover: [
      '**2.0.0** Other undefined Status',
      '',
      '*2: Success · X.0: Other or Undefined Status*',
      '',
      'Other undefined status is the only undefined error code. It should be used for all errors for which only the class of the error is known.',
      '',
      'Reply codes: Any · Usage: not stated by the registry',
      '',
      'Defined in [RFC 3463](https://www.rfc-editor.org/rfc/rfc3463) (Standards Track) · [IANA registry entry X.0.0](https://www.iana.org/assignments/smtp-enhanced-status-codes/smtp-enhanced-status-codes.xhtml)',
    ],
  },
];

describe('hover: what a code says', () => {
  for (const { name, uri, languageId, settings, text, range: expectedRange, hover } of CASES) {
    test(name, () => {
      const found = hoverAt(text, uri, languageId, settings);
      assert.equal(range(found), expectedRange);
      assert.equal(explanation(found), hover.join('\n'));
    });
  }
});

describe('hover: where it starts and ends', () => {
  const ACCESS = 'file:///etc/postfix/recipient_access';
  const LINE = 'olduser@example.com   550 5.1.1 User unknown';
  const at = (column: number) => {
    const found = hoverAt(`${LINE.slice(0, column)}|${LINE.slice(column)}\n`, ACCESS);
    return found && `${range(found)} ${explanation(found)!.split('\n')[0]}`;
  };

  test('on the reply code, from its first digit to just after its last', () => {
    assert.equal(at(21), null, 'the space before it');
    for (const column of [22, 24, 25]) assert.equal(at(column), '0:22-25 **550** Requested action not taken: mailbox unavailable (e.g. not found, no access, or command rejected for policy reasons)', `column ${column}`);
  });

  test('on the enhanced code, from its first character to just after its last', () => {
    for (const column of [26, 28, 31]) assert.equal(at(column), '0:26-31 **5.1.1** Bad destination mailbox address', `column ${column}`);
    assert.equal(at(32), null, 'the text after it');
  });

  test('an Exim reject log line: the reply code hovers where it stands', () => {
    const text = 'H=mx.example.net [192.0.2.1] F=<a@example.net> rejected RCPT <b@example.org>: 550 5.7.1 Relay not permitted';
    const start = text.indexOf('550');
    const found = hoverAt(`${text.slice(0, start + 1)}|${text.slice(start + 1)}\n`, 'file:///var/log/exim4/rejectlog', 'log');
    assert.equal(range(found), `0:${start}-${start + 3}`);
  });

  test('a malformed code says what is wrong with it', () => {
    const found = hoverAt('olduser@example.com   550 5.01.|1 User unknown\n', ACCESS);
    assert.equal(range(found), '0:26-32');
    assert.equal(explanation(found), '**5.01.1** is not a well-formed enhanced status code: the subject sub-code 01 has a leading zero.');
  });

  test('hover switched off: nothing', () => {
    assert.equal(hoverAt('olduser@example.com   550 5.1.|1 User unknown\n', ACCESS, 'plaintext', { hover: { enabled: false } }), null);
  });
});

describe('what a code means in a few words: the outline of a mail log', () => {
  test('each message names its outcome with its code and what the code means', () => {
    const log = [
      'Nov 30 10:00:01 mx postfix/smtp[1]: 4F2A31C0E1: to=<a@example.com>, relay=mx.example.com[192.0.2.1]:25, delay=1, dsn=5.1.1, status=bounced (host mx.example.com[192.0.2.1] said: 550 5.1.1 User unknown (in reply to RCPT TO command))',
      'Nov 30 10:00:02 mx postfix/smtp[1]: 4F2A31C0E2: to=<b@example.com>, relay=mx.example.com[192.0.2.1]:25, delay=1, dsn=5.1.99, status=bounced (host mx.example.com[192.0.2.1] said: 550 5.1.99 Nope (in reply to RCPT TO command))',
      'Nov 30 10:00:03 mx postfix/smtp[1]: 4F2A31C0E3: to=<c@example.com>, relay=mx.example.com[192.0.2.1]:25, delay=1, dsn=5.9.99, status=bounced (host mx.example.com[192.0.2.1] said: 550 5.9.99 Nope (in reply to RCPT TO command))',
      'Nov 30 10:00:04 mx postfix/smtpd[2]: NOQUEUE: reject: RCPT from unknown[192.0.2.9]: 554 Relay access denied; from=<x@example.net> to=<y@example.org> proto=ESMTP helo=<x>',
      'Nov 30 10:00:05 mx postfix/smtpd[2]: NOQUEUE: reject: RCPT from unknown[192.0.2.8]: 571 Go away; from=<x@example.net> to=<y@example.org> proto=ESMTP helo=<x>',
      'Nov 30 10:00:06 mx postfix/smtp[1]: 4F2A31C0E4: to=<d@example.com>, relay=mx.example.com[192.0.2.1]:25, delay=1, dsn=5.6.10, status=bounced (host mx.example.com[192.0.2.1] said: 550 5.6.10 Nope (in reply to RCPT TO command))',
      'Nov 30 10:00:07 mx postfix/smtp[1]: 4F2A31C0E5: to=<e@example.com>, relay=mx.example.com[192.0.2.1]:25, delay=1, dsn=4.2.2, status=deferred (host mx.example.com[192.0.2.1] said: 452 4.2.2 Mailbox full (in reply to RCPT TO command))',
    ].join('\n');
    const uri = 'file:///var/log/mail.log';
    const names = service.doDocumentSymbols(withCursor(`|${log}\n`, uri, 'log').document).map((symbol) => symbol.name);
    service.forget(uri);
    assert.deepEqual(names, [
      '4F2A31C0E1 bounced: 5.1.1 Bad destination mailbox address',
      '4F2A31C0E2 bounced: 5.1.99 unregistered; addressing status',
      '4F2A31C0E3 bounced: 5.9.99 unregistered',
      'NOQUEUE unknown[192.0.2.9] rejected: 554 Transaction failed (or, in reply to a connection opening, no SMTP service here)',
      'NOQUEUE unknown[192.0.2.8] rejected: 571',
      '4F2A31C0E4 bounced: 5.6.10 Deprecated: a duplicate of X.6.8 (UTF-8 string reply is required, but not permitted by the SMTP client)',
      '4F2A31C0E5 deferred: 4.2.2 Mailbox full',
    ]);
  });
});

describe('hover in a bounce after an edit', () => {
  test('the bounce\'s sender is read again: a sender changed from Exchange Online no longer explains the code', () => {
    const uri = 'file:///home/alice/Mail/undeliverable.eml';
    const text = "From: postmaster@outlook.com\nSubject: Undeliverable: Invoice\nContent-Type: text/plain\n\nDelivery has failed to these recipients or groups:\n\nRemote Server returned '550 5.2.2 Submission quota exceeded'\n";
    const incremental = createLanguageService();
    const document = TextDocument.create(uri, 'plaintext', 1, text);
    const position = { line: 6, character: 30 };
    const said = () => (incremental.doHover(document, position)!.contents as { value: string }).value;
    assert.match(said(), /\*\*Microsoft 365 \/ Exchange Online\*\* · 5\.2\.2: Submission quota exceeded/);
    const change = { range: { start: { line: 0, character: 6 }, end: { line: 0, character: 28 } }, text: 'MAILER-DAEMON@mx.example.org' };
    TextDocument.update(document, [change], 2);
    incremental.didChange(document, change);
    assert.doesNotMatch(said(), /Microsoft/);
    assert.match(said(), /^\*\*5\.2\.2\*\* Mailbox full/);
  });

  test('the bounce reason follows the provider that redefines a code: the sender\'s quota, not a full mailbox', () => {
    const reason = (from: string) => {
      const uri = 'file:///home/alice/Mail/reason.eml';
      const document = TextDocument.create(uri, 'plaintext', 1, `From: ${from}\nSubject: Undeliverable: Invoice\nContent-Type: text/plain\n\nRemote Server returned '550 5.2.2 Submission quota exceeded'\n`);
      const value = (service.doHover(document, { line: 4, character: 28 })!.contents as { value: string }).value;
      service.forget(uri);
      return value.split('\n\n---\n\n').at(-1)!.split('\n')[0];
    };
    assert.equal(reason('postmaster@outlook.com'), '**Bounce reason:** rate limited, soft: temporary, a later attempt may succeed');
    assert.equal(reason('MAILER-DAEMON@mx.example.org'), '**Bounce reason:** mailbox full, soft: temporary, a later attempt may succeed');
  });
});

describe('codes that only providers document, beside hover', () => {
  const LOG_LINE = 'Nov 30 10:00:01 mx postfix/smtp[1]: 4F2: to=<a@outlook.com>, relay=outlook-com.olc.protection.outlook.com[52.101.1.1]:25, dsn=5.7.606, status=bounced (host outlook-com.olc.protection.outlook.com[52.101.1.1] said: 550 5.7.606 Access denied, banned sending IP (in reply to RCPT TO command))\n';

  test('in configuration, still unregistered, with the provider that uses it named; in a log, known', () => {
    const config = documentOf('spammer.example   550 5.7.606 Banned\n', 'file:///etc/postfix/sender_access');
    assert.deepEqual(service.doValidation(config)!.diagnostics.map((diagnostic) => diagnostic.message), [
      '5.7.606 is not in the IANA registry of enhanced status codes: subject X.7 (Security or Policy Status) has no detail 606. Microsoft 365 / Exchange Online uses it for "Access denied, banned sending IP"; a reply of your own should use a registered code.',
    ]);
    service.forget(config.uri);
    const log = documentOf(LOG_LINE, 'file:///var/log/mail.log', 'log');
    assert.deepEqual(service.doValidation(log, resolveSettings({ severityInLogs: { 'unregistered-code': 'warning' } }).settings)!.diagnostics, []);
    service.forget(log.uri);
  });

  test('the inlay hint after the code names the provider\'s meaning, unless providers are switched off', () => {
    const log = documentOf(LOG_LINE, 'file:///var/log/mail.log', 'log');
    const lines = { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } };
    assert.deepEqual(service.doInlayHints(log, lines).map((hint) => hint.label), [
      'Access denied, banned sending IP (Microsoft 365 / Exchange Online) · blocked (hard)',
      'Access denied, banned sending IP (Microsoft 365 / Exchange Online) · blocked (hard)',
    ]);
    assert.deepEqual(service.doInlayHints(log, lines, resolveSettings({ providers: { enabled: false } }).settings).map((hint) => hint.label), ['blocked (hard)', 'blocked (hard)']);
    service.forget(log.uri);
  });
});

describe('hover on a reply code written without an enhanced code', () => {
  const NOTES = 'file:///notes/transcript.txt';
  /** [the line with the cursor, where, the range hovered or null]. */
  const REPLIES: [string, string, string | null][] = [
    ['5|50 Relaying denied', NOTES, '0:0-3'],
    ['|550 Relaying denied', NOTES, '0:0-3'],
    ['550| Relaying denied', NOTES, '0:0-3'],
    ['550 |Relaying denied', NOTES, null],
    ['<<< 42|1 Too many connections', NOTES, '0:4-7'],
    ['  -> 4|21 Too many connections', NOTES, '0:5-8'],
    ['55|0-Multi line', NOTES, '0:0-3'],
    ['55|0', NOTES, '0:0-3'],
    ['status="55|0"', NOTES, '0:8-11'],
    ["status='55|0'", NOTES, '0:8-11'],
    ['Reply (#55|0 Denied)', NOTES, '0:8-11'],
    ['Order 55|0 shipped', NOTES, null],
    ['550|1 Relaying denied', NOTES, null],
    ['65|0 Relaying denied', NOTES, null],
    ['55|0x Relaying denied', NOTES, null],
    ['Nov 30 10:00:01 mx postfix/smtp[1]: 4F2: to=<a@example.com>, relay=mx.example.com[192.0.2.1]:25, status=deferred (host mx.example.com[192.0.2.1] said: 45|1 Try again later (in reply to RCPT TO command))', 'file:///var/log/mail.log', '0:151-154'],
    ['Nov 30 10:00:01 mx sm-mta[1]: x: reject=55|4 Relay denied', 'file:///var/log/mail.log', '0:40-43'],
    ['Connect:192.0.2.9   ERROR:55|0 Go away', 'file:///etc/mail/access', '0:26-29'],
    ['spammer.example   55|0 Access denied', 'file:///etc/postfix/sender_access', '0:18-21'],
    ['spammer.example   REJECT 55|0 Access denied', 'file:///etc/postfix/sender_access', '0:25-28'],
    ['match from any reject "55|0 Go away"', 'file:///etc/smtpd.conf', '0:23-26'],
  ];

  test('at the start of a reply line, after said:, reject=, ERROR:, an action, a quote or #; not inside other numbers or words', () => {
    for (const [line, uri, expected] of REPLIES) {
      const found = hoverAt(`${line}\n`, uri, uri.endsWith('.log') ? 'log' : 'plaintext');
      assert.equal(range(found), expected, line);
      if (found) assert.match(explanation(found)!, /^\*\*[245]\d\d\*\* /, line);
    }
  });
});
