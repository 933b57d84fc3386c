import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { createLanguageService } from '../../server/src/languageService';
import { fixture } from '../support/paths';

/** The fields of a delivery status notification as a user meets them: hover on each, and what contradicts itself, exactly. */

const at = (range: Range) => `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
const service = createLanguageService();
let version = 0;
const bounce = (text: string, uri = 'file:///home/alice/Mail/returned.eml') => TextDocument.create(uri, 'plaintext', ++version, text);

/** A line of the report with `|` where the cursor stands, and the hover's range and text. */
const FIELD_HOVERS: [string, string][] = [
  ["|Reporting-MTA: dns; mx1.example.com",
    "10:0-10:13 **Reporting-MTA** · a required per-message field of a delivery status notification\n\nThe mail server that wrote this report: the one that tried to deliver, or gave up.\n\nWritten as `dns; host.name` (mta-name-type, then the name).\n\n[RFC 3464 section 2.2.2](https://www.rfc-editor.org/rfc/rfc3464#section-2.2.2)"],
  ["Reporting-MTA: |dns; mx1.example.com",
    "10:15-10:18 **Reporting-MTA: dns** · the type of the value that follows\n\nMTA name type: a host name in the DNS.\n\n[RFC 3464 section 2.1.2](https://www.rfc-editor.org/rfc/rfc3464#section-2.1.2)"],
  ["|X-Postfix-Queue-ID: 4F1A2B3C",
    "11:0-11:18 **X-Postfix-Queue-ID** · an optional per-message field of a delivery status notification\n\nPostfix: the queue ID the message had on the reporting server; search the mail log for it to follow the message.\n\n[Postfix bounce(8) and DSN_README](https://www.postfix.org/DSN_README.html)"],
  ["|X-Postfix-Sender: rfc822; orders@example.com",
    "12:0-12:16 **X-Postfix-Sender** · an optional per-message field of a delivery status notification\n\nPostfix: the envelope sender of the returned message.\n\nWritten as `rfc822; sender@example.com`.\n\n[Postfix bounce(8) and DSN_README](https://www.postfix.org/DSN_README.html)"],
  ["X-Postfix-Sender: |rfc822; orders@example.com",
    "12:18-12:24 **X-Postfix-Sender: rfc822** · the type of the value that follows\n\naddress type: an Internet mail address (RFC 5322 addr-spec).\n\n[RFC 3464 section 2.1.1](https://www.rfc-editor.org/rfc/rfc3464#section-2.1.1)"],
  ["|Original-Envelope-Id: ORD-20261130-0042",
    "13:0-13:20 **Original-Envelope-Id** · an optional per-message field of a delivery status notification\n\nThe envelope identifier the sender gave with `MAIL FROM … ENVID=`, returned so that the sender can match the report to what it sent.\n\nWritten as the ENVID value, xtext-decoded.\n\n[RFC 3464 section 2.2.1](https://www.rfc-editor.org/rfc/rfc3464#section-2.2.1)"],
  ["|DSN-Gateway: dns; gw.example.com",
    "14:0-14:11 **DSN-Gateway** · an optional per-message field of a delivery status notification\n\nThe gateway that turned a foreign (non-Internet) delivery report into this one.\n\nWritten as `dns; host.name`.\n\n[RFC 3464 section 2.2.3](https://www.rfc-editor.org/rfc/rfc3464#section-2.2.3)"],
  ["DSN-Gateway: |dns; gw.example.com",
    "14:13-14:16 **DSN-Gateway: dns** · the type of the value that follows\n\nMTA name type: a host name in the DNS.\n\n[RFC 3464 section 2.1.2](https://www.rfc-editor.org/rfc/rfc3464#section-2.1.2)"],
  ["|Received-From-MTA: dns; app1.example.com",
    "15:0-15:17 **Received-From-MTA** · an optional per-message field of a delivery status notification\n\nThe server from which the reporting MTA received the message.\n\nWritten as `dns; host.name`.\n\n[RFC 3464 section 2.2.4](https://www.rfc-editor.org/rfc/rfc3464#section-2.2.4)"],
  ["Received-From-MTA: |dns; app1.example.com",
    "15:19-15:22 **Received-From-MTA: dns** · the type of the value that follows\n\nMTA name type: a host name in the DNS.\n\n[RFC 3464 section 2.1.2](https://www.rfc-editor.org/rfc/rfc3464#section-2.1.2)"],
  ["|Arrival-Date: Mon, 30 Nov 2026 08:00:00 +0000",
    "16:0-16:12 **Arrival-Date** · an optional per-message field of a delivery status notification\n\nWhen the reporting MTA received the message.\n\nWritten as an RFC 5322 date-time.\n\n[RFC 3464 section 2.2.5](https://www.rfc-editor.org/rfc/rfc3464#section-2.2.5)"],
  ["|Original-Recipient: rfc822; Ann.Lee@example.org",
    "18:0-18:18 **Original-Recipient** · an optional per-recipient field of a delivery status notification\n\nThe recipient as the sender first wrote it, carried by `RCPT TO … ORCPT=` (RFC 3461); present only where the sender's MTA passed ORCPT. Compare it with Final-Recipient to see aliasing or forwarding.\n\nWritten as `rfc822; user@example.com` (address-type, then the address).\n\n[RFC 3464 section 2.3.1](https://www.rfc-editor.org/rfc/rfc3464#section-2.3.1)"],
  ["Original-Recipient: |rfc822; Ann.Lee@example.org",
    "18:20-18:26 **Original-Recipient: rfc822** · the type of the value that follows\n\naddress type: an Internet mail address (RFC 5322 addr-spec).\n\n[RFC 3464 section 2.1.1](https://www.rfc-editor.org/rfc/rfc3464#section-2.1.1)"],
  ["|Final-Recipient: utf-8; ann@example.org",
    "19:0-19:15 **Final-Recipient** · a required per-recipient field of a delivery status notification\n\nThe recipient address the reporting MTA was trying to deliver to, after any aliasing or forwarding on the way.\n\nWritten as `rfc822; user@example.com`.\n\n[RFC 3464 section 2.3.2](https://www.rfc-editor.org/rfc/rfc3464#section-2.3.2)"],
  ["Final-Recipient: |utf-8; ann@example.org",
    "19:17-19:22 **Final-Recipient: utf-8** · the type of the value that follows\n\naddress type: an internationalized address in UTF-8 (SMTPUTF8).\n\n[RFC 6533 section 3](https://www.rfc-editor.org/rfc/rfc6533#section-3)"],
  ["|X-Actual-Recipient: rfc822; ann.lee@mail.example.org",
    "20:0-20:18 **X-Actual-Recipient** · an optional per-recipient field of a delivery status notification\n\nSendmail: the address the message was finally delivered or bounced at, after alias expansion, where it differs from Final-Recipient.\n\nWritten as `rfc822; user@example.com`.\n\n[RFC 3464 section 2.4 (written by Sendmail)](https://www.rfc-editor.org/rfc/rfc3464#section-2.4)"],
  ["X-Actual-Recipient: |rfc822; ann.lee@mail.example.org",
    "20:20-20:26 **X-Actual-Recipient: rfc822** · the type of the value that follows\n\naddress type: an Internet mail address (RFC 5322 addr-spec).\n\n[RFC 3464 section 2.1.1](https://www.rfc-editor.org/rfc/rfc3464#section-2.1.1)"],
  ["|X-Display-Name: Ann Lee",
    "21:0-21:14 **X-Display-Name** · an optional per-recipient field of a delivery status notification\n\nMicrosoft Exchange: the display name of the recipient.\n\n[[MS-OXCMAIL] 2.2.3.7](https://learn.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-oxcmail/d0b2d172-ec08-4c01-b43f-377b860cba1b)"],
  ["|Action: failed",
    "22:0-22:6 **Action** · a required per-recipient field of a delivery status notification\n\nWhat the reporting MTA did with the message for this recipient: `failed`, `delayed`, `delivered`, `relayed` or `expanded`. The Status code should agree with it: 5.X.X (or 4.X.X, given up) for failed, 4.X.X for delayed, 2.X.X for the rest.\n\nWritten as one of failed, delayed, delivered, relayed, expanded.\n\n[RFC 3464 section 2.3.3](https://www.rfc-editor.org/rfc/rfc3464#section-2.3.3)"],
  ["Action: |failed",
    "22:8-22:14 **Action: failed** · what the reporting MTA did for this recipient\n\nThe message could not be delivered to this recipient and the reporting MTA has stopped trying: a bounce. Expect a 5.X.X Status (or a 4.X.X one for a temporary condition that lasted too long).\n\n[RFC 3464 section 2.3.3](https://www.rfc-editor.org/rfc/rfc3464#section-2.3.3)"],
  ["|Status: 5.2.2",
    "23:0-23:6 **Status** · a required per-recipient field of a delivery status notification\n\nThe enhanced status code (RFC 3463) for this recipient: its class says success (2), transient failure (4) or permanent failure (5). It normally repeats the code of the remote server's reply in Diagnostic-Code.\n\nWritten as class.subject.detail, e.g. `5.1.1`.\n\n[RFC 3464 section 2.3.4](https://www.rfc-editor.org/rfc/rfc3464#section-2.3.4)"],
  ["|Remote-MTA: dns; mx.example.org",
    "24:0-24:10 **Remote-MTA** · an optional per-recipient field of a delivery status notification\n\nThe server that answered the reporting MTA for this recipient: the one whose reply is in Diagnostic-Code.\n\nWritten as `dns; host.name`.\n\n[RFC 3464 section 2.3.5](https://www.rfc-editor.org/rfc/rfc3464#section-2.3.5)"],
  ["Remote-MTA: |dns; mx.example.org",
    "24:12-24:15 **Remote-MTA: dns** · the type of the value that follows\n\nMTA name type: a host name in the DNS.\n\n[RFC 3464 section 2.1.2](https://www.rfc-editor.org/rfc/rfc3464#section-2.1.2)"],
  ["|Diagnostic-Code: smtp; 552 5.2.2 Mailbox full",
    "25:0-25:15 **Diagnostic-Code** · an optional per-recipient field of a delivery status notification\n\nThe reply the remote server actually sent (or a local error), word for word: the reply code, the enhanced code and the text. The most telling line of a bounce.\n\nWritten as `smtp; 550 5.1.1 text` (diagnostic-type, then the reply).\n\n[RFC 3464 section 2.3.6](https://www.rfc-editor.org/rfc/rfc3464#section-2.3.6)"],
  ["Diagnostic-Code: |smtp; 552 5.2.2 Mailbox full",
    "25:17-25:21 **Diagnostic-Code: smtp** · the type of the value that follows\n\ndiagnostic type: the SMTP reply the remote server sent, reply code first.\n\n[RFC 3464 section 2.1.3](https://www.rfc-editor.org/rfc/rfc3464#section-2.1.3)"],
  ["|X-Exim-Diagnostic: X-str; quota exceeded",
    "26:0-26:17 **X-Exim-Diagnostic** · an optional per-recipient field of a delivery status notification\n\nExim: its own text for the failure, beside the standard Diagnostic-Code.\n\nWritten as `X-str; text`.\n\n[RFC 3464 section 2.4 (written by Exim)](https://www.rfc-editor.org/rfc/rfc3464#section-2.4)"],
  ["|X-Supplementary-Info: <mx.example.org #5.2.2 smtp;552 5.2.2 Mailbox full>",
    "27:0-27:20 **X-Supplementary-Info** · an optional per-recipient field of a delivery status notification\n\nMicrosoft Exchange: further details of the failure, read by Outlook into the non-delivery report.\n\n[[MS-OXCMAIL] 2.2.3.7](https://learn.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-oxcmail/d0b2d172-ec08-4c01-b43f-377b860cba1b)"],
  ["|Last-Attempt-Date: Mon, 30 Nov 2026 08:00:03 +0000",
    "28:0-28:17 **Last-Attempt-Date** · an optional per-recipient field of a delivery status notification\n\nWhen the reporting MTA last tried to deliver to this recipient.\n\nWritten as an RFC 5322 date-time.\n\n[RFC 3464 section 2.3.7](https://www.rfc-editor.org/rfc/rfc3464#section-2.3.7)"],
  ["|Final-Log-ID: 8812AB",
    "29:0-29:12 **Final-Log-ID** · an optional per-recipient field of a delivery status notification\n\nThe identifier under which the final MTA logged the message, to look it up in that server's logs.\n\n[RFC 3464 section 2.3.8](https://www.rfc-editor.org/rfc/rfc3464#section-2.3.8)"],
  ["|Will-Retry-Until: Fri, 04 Dec 2026 08:00:00 +0000",
    "30:0-30:16 **Will-Retry-Until** · an optional per-recipient field of a delivery status notification\n\nFor `Action: delayed`: until when the reporting MTA will keep trying before it gives up and sends a failure report.\n\nWritten as an RFC 5322 date-time.\n\n[RFC 3464 section 2.3.9](https://www.rfc-editor.org/rfc/rfc3464#section-2.3.9)"],
  ["Diagnostic-Code: |x-postfix; mail for example.org loops back to myself",
    "31:17-31:26 **Diagnostic-Code: x-postfix** · the type of the value that follows\n\ndiagnostic type: a Postfix-internal reason, no remote reply (a local delivery error, a lookup failure, a queue timeout).\n\n[Postfix bounce(8) and DSN_README](https://www.postfix.org/DSN_README.html)"],
  ["Diagnostic-Code: |x-unix; 67",
    "32:17-32:23 **Diagnostic-Code: x-unix** · the type of the value that follows\n\ndiagnostic type: a local delivery agent's error (Unix mailer exit status), used by Sendmail.\n\n[RFC 3464 section 2.4 (written by Sendmail)](https://www.rfc-editor.org/rfc/rfc3464#section-2.4)"],
  ["Diagnostic-Code: |X-Local; delivery failed",
    "33:17-33:24 **Diagnostic-Code: x-local** · the type of the value that follows\n\ndiagnostic type: an error of the reporting host's own delivery.\n\n[RFC 3464 section 2.1.3](https://www.rfc-editor.org/rfc/rfc3464#section-2.1.3)"],
  ["Final-Recipient: |rfc822; list@example.org",
    "35:17-35:23 **Final-Recipient: rfc822** · the type of the value that follows\n\naddress type: an Internet mail address (RFC 5322 addr-spec).\n\n[RFC 3464 section 2.1.1](https://www.rfc-editor.org/rfc/rfc3464#section-2.1.1)"],
  ["Action: |expanded",
    "36:8-36:16 **Action: expanded** · what the reporting MTA did for this recipient\n\nDelivered to the recipient address and forwarded from there to several further addresses (an alias or list); reports for those may follow. Expect a 2.X.X Status.\n\n[RFC 3464 section 2.3.3](https://www.rfc-editor.org/rfc/rfc3464#section-2.3.3)"],
  ["Status: |2.0.0",
    "37:8-37:13 **2.0.0** Other undefined Status\n\n*2: Success · X.0: Other or Undefined Status*\n\nOther undefined status is the only undefined error code. It should be used for all errors for which only the class of the error is known.\n\nReply codes: Any · Usage: not stated by the registry\n\nDefined in [RFC 3463](https://www.rfc-editor.org/rfc/rfc3463) (Standards Track) · [IANA registry entry X.0.0](https://www.iana.org/assignments/smtp-enhanced-status-codes/smtp-enhanced-status-codes.xhtml)"],
  ["Action: |delayed",
    "40:8-40:15 **Action: delayed** · what the reporting MTA did for this recipient\n\nNot delivered yet, but the reporting MTA is still trying (see Will-Retry-Until); a warning, not a bounce. Expect a 4.X.X Status.\n\n[RFC 3464 section 2.3.3](https://www.rfc-editor.org/rfc/rfc3464#section-2.3.3)"],
  ["Status: |4.4.1",
    "41:8-41:13 **4.4.1** No answer from host\n\n*4: Persistent Transient Failure · X.4: Network and Routing Status*\n\nThe outbound connection attempt was not answered, because either the remote system was busy, or was unable to take a call. This is useful only as a persistent transient error.\n\nReply codes: 451 · Usage: persistent transient failures only (4.X.X)\n\nDefined in [RFC 3463](https://www.rfc-editor.org/rfc/rfc3463) (Standards Track) · [IANA registry entry X.4.1](https://www.iana.org/assignments/smtp-enhanced-status-codes/smtp-enhanced-status-codes.xhtml)\n\n---\n\n**Bounce reason:** routing or network, soft: temporary, a later attempt may succeed\n\nThe receiving server could not be reached or routed to; X.4.*: network or routing status. Check DNS (MX) and connectivity of the destination; it often clears by itself."],
  ["Action: |relayed",
    "44:8-44:15 **Action: relayed** · what the reporting MTA did for this recipient\n\nPassed on to a system that does not send delivery notifications, so no further report will come for this recipient. Expect a 2.X.X Status.\n\n[RFC 3464 section 2.3.3](https://www.rfc-editor.org/rfc/rfc3464#section-2.3.3)"],
  ["Action: |Delivered",
    "48:8-48:17 **Action: delivered** · what the reporting MTA did for this recipient\n\nDelivered to the recipient's mailbox (or to a mailing list exploder); it says nothing about whether the message was read. Expect a 2.X.X Status.\n\n[RFC 3464 section 2.3.3](https://www.rfc-editor.org/rfc/rfc3464#section-2.3.3)"],
];

describe('hover on the fields of a delivery status notification', () => {
  const document = bounce(fixture('bounces/dsn-all-fields.eml'));
  const lines = document.getText().split('\n');
  const hoverAt = (lineWithCursor: string) => {
    const line = lines.indexOf(lineWithCursor.replace('|', ''));
    assert.notEqual(line, -1, lineWithCursor);
    const hover = service.doHover(document, { line, character: lineWithCursor.indexOf('|') });
    return hover && `${at(hover.range!)} ${(hover.contents as { value: string }).value}`;
  };

  test('each field name, Action value and value type says what it is, whether it is required, how it is written and where it is defined', () => {
    for (const [lineWithCursor, expected] of FIELD_HOVERS) assert.equal(hoverAt(lineWithCursor), expected, lineWithCursor);
  });

  test('the hover covers the name up to its colon and the value word or type up to its end, nothing beside them', () => {
    assert.match(hoverAt('Action|: failed') ?? '', /^22:0-22:6 \*\*Action\*\* · a required per-recipient field/);
    assert.equal(hoverAt('Action:| failed'), null, 'the space after the colon');
    assert.match(hoverAt('Action: failed|') ?? '', /^22:8-22:14 \*\*Action: failed\*\*/);
    assert.match(hoverAt('Reporting-MTA: dns|; mx1.example.com') ?? '', /^10:15-10:18 \*\*Reporting-MTA: dns\*\*/);
    assert.equal(hoverAt('Reporting-MTA: dns;| mx1.example.com'), null);
    assert.equal(hoverAt('Reporting-MTA:| dns; mx1.example.com'), null);
    assert.equal(hoverAt('X-Exim-Diagnostic: |X-str; quota exceeded'), null, 'a type the report format does not define');
    assert.equal(hoverAt('Arrival-Date: |Mon, 30 Nov 2026 08:00:00 +0000'), null, 'a value without a type');
  });

  test('an mbox Status header is not a DSN Status field, and an unknown Action word is not explained', () => {
    const mbox = bounce('From: ann@example.org\nSubject: re: invoice\nStatus: RO\nX-Status: A\nAction: retry\n\nThanks!\n');
    assert.equal(service.doHover(mbox, { line: 2, character: 2 }), null);
    assert.equal(service.doHover(mbox, { line: 4, character: 9 }), null);
    assert.match((service.doHover(mbox, { line: 4, character: 2 })?.contents as { value: string }).value, /^\*\*Action\*\* · a required per-recipient field/);
  });
});

describe('Action, Status and Diagnostic-Code that contradict each other', () => {
  const findings = (document: TextDocument) => service.doValidation(document)!.diagnostics
    .filter((diagnostic) => diagnostic.code === 'dsn-inconsistency')
    .map((diagnostic) => `${at(diagnostic.range)} ${diagnostic.severity} ${diagnostic.message}`);

  test('each contradiction is reported on the Status code with what is wrong; agreeing, vague and expired reports are not', () => {
    assert.deepEqual(findings(bounce(fixture('bounces/dsn-contradictions.eml'))), [
      "5:8-5:13 3 Action: delayed means the MTA is still trying, but Status 5.2.2 is a permanent failure: a delayed recipient carries a 4.X.X status (RFC 3464 section 2.3.3).",
      "10:8-10:13 3 Action: relayed reports success, but Status 4.0.0 is a transient failure: a relayed recipient carries a 2.X.X status (RFC 3464 section 2.3.3).",
      "14:8-14:13 3 Action: failed with Status 2.0.0, a success code: a failed recipient needs a 4.X.X or 5.X.X status (RFC 3464 section 2.3.3).",
      "18:8-18:13 3 Status 5.1.1 is a permanent failure but the reply in Diagnostic-Code carries 4.3.0, a transient failure: one of them misreports what happened (RFC 3464 section 2.3.4).",
      "23:8-23:13 3 Status 5.1.1 differs from 5.7.1 in the reply quoted in Diagnostic-Code: the Status normally repeats the remote server's code (RFC 3464 section 2.3.4), so read the reply for the actual reason.",
      "28:8-28:13 3 Status 5.0.0 is a permanent failure but the reply in Diagnostic-Code starts with 451, a transient failure: one of them misreports what happened (RFC 3464 section 2.3.4).",
      "33:8-33:13 3 Action: expanded reports success, but Status 5.1.1 is a permanent failure: an expanded recipient carries a 2.X.X status (RFC 3464 section 2.3.3).",
      "42:8-42:13 3 Action: failed with Status 4.4.7, a transient code: the MTA gave up, yet the code says a later attempt may succeed. RFC 3463 allows this for a temporary condition that lasted too long; treat it as a soft bounce and look for the last error before it expired.",
      "67:8-67:13 3 Status 4.2.2 is a transient failure but the reply in Diagnostic-Code carries 5.2.2, a permanent failure: one of them misreports what happened (RFC 3464 section 2.3.4).",
      "78:8-78:13 3 Status 5.1.1 is a permanent failure but the reply in Diagnostic-Code starts with 250, a success: one of them misreports what happened (RFC 3464 section 2.3.4).",
      "82:8-82:13 3 Action: failed with Status 2.0.0, a success code: a failed recipient needs a 4.X.X or 5.X.X status (RFC 3464 section 2.3.3).",
      "86:8-86:13 3 Status 5.3.0 is a permanent failure but the reply in Diagnostic-Code starts with 354, not a failure or success: one of them misreports what happened (RFC 3464 section 2.3.4).",
    ]);
  });

  test('a report with Windows line ends and a wrapped Diagnostic-Code reads the same', () => {
    const text = 'Reporting-MTA: dns; mx1.example.com\r\n\r\nFinal-Recipient: rfc822; s@example.org\r\nAction: delivered\r\nStatus: 5.1.1\r\nDiagnostic-Code: smtp; 550 5.1.1\r\n  User unknown\r\n';
    assert.deepEqual(findings(bounce(text)), [
      '4:8-4:13 3 Action: delivered reports success, but Status 5.1.1 is a permanent failure: a delivered recipient carries a 2.X.X status (RFC 3464 section 2.3.3).',
    ]);
    const wrapped = 'Reporting-MTA: dns; mx1.example.com\n\nFinal-Recipient: rfc822; t@example.org\nAction: delayed\nStatus: 4.2.2\nDiagnostic-Code: smtp; 552-Requested mail action aborted:\n    552 5.2.2 exceeded storage allocation\n';
    assert.deepEqual(findings(bounce(wrapped)), [
      '4:8-4:13 3 Status 4.2.2 is a transient failure but the reply in Diagnostic-Code carries 5.2.2, a permanent failure: one of them misreports what happened (RFC 3464 section 2.3.4).',
    ]);
    assert.deepEqual(findings(bounce(wrapped.replace('Action: delayed', 'X-Action: delayed'))), [], 'no Action field, no recipient group to check');
  });
});
