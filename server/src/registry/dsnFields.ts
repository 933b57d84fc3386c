/**
 * The fields of a delivery status notification (the `message/delivery-status` part of a bounce), their typed
 * values and the five actions. Facts from RFC 3464 (the format), RFC 3461 (the SMTP DSN extension that carries
 * ORCPT and ENVID into the report), RFC 6533 (internationalized reports) and the MTAs that add `X-` fields.
 */

export interface DsnSource {
  label: string;
  url: string;
}

export interface DsnField {
  /** As usually written; field names are matched without regard to case. */
  name: string;
  /** Per-message fields come first in the report, then one group of per-recipient fields for each recipient. */
  scope: 'per-message' | 'per-recipient';
  meaning: string;
  /** How the value is written, where it has a form. */
  syntax?: string;
  required?: boolean;
  source: DsnSource;
}

export interface DsnValue {
  value: string;
  meaning: string;
  source: DsnSource;
}

const RFC3464 = 'https://www.rfc-editor.org/rfc/rfc3464';
const rfc3464 = (section: string): DsnSource => ({ label: `RFC 3464 section ${section}`, url: `${RFC3464}#section-${section}` });
const RFC3461: DsnSource = { label: 'RFC 3461 section 4', url: 'https://www.rfc-editor.org/rfc/rfc3461#section-4' };
const RFC6533: DsnSource = { label: 'RFC 6533 section 3', url: 'https://www.rfc-editor.org/rfc/rfc6533#section-3' };
const POSTFIX_BOUNCE: DsnSource = { label: 'Postfix bounce(8) and DSN_README', url: 'https://www.postfix.org/DSN_README.html' };
/** RFC 3464 admits extension fields whose names begin with `X-`; each MTA documents its own. */
const EXTENSION = (writer: string): DsnSource => ({ label: `RFC 3464 section 2.4 (written by ${writer})`, url: `${RFC3464}#section-2.4` });
const EXCHANGE_DSN: DsnSource = { label: '[MS-OXCMAIL] 2.2.3.7', url: 'https://learn.microsoft.com/en-us/openspecs/exchange_server_protocols/ms-oxcmail/d0b2d172-ec08-4c01-b43f-377b860cba1b' };

export const DSN_FIELDS: readonly DsnField[] = [
  { name: 'Original-Envelope-Id', scope: 'per-message', meaning: 'The envelope identifier the sender gave with `MAIL FROM … ENVID=`, returned so that the sender can match the report to what it sent.', syntax: 'the ENVID value, xtext-decoded', source: rfc3464('2.2.1') },
  { name: 'Reporting-MTA', scope: 'per-message', required: true, meaning: 'The mail server that wrote this report: the one that tried to deliver, or gave up.', syntax: '`dns; host.name` (mta-name-type, then the name)', source: rfc3464('2.2.2') },
  { name: 'DSN-Gateway', scope: 'per-message', meaning: 'The gateway that turned a foreign (non-Internet) delivery report into this one.', syntax: '`dns; host.name`', source: rfc3464('2.2.3') },
  { name: 'Received-From-MTA', scope: 'per-message', meaning: 'The server from which the reporting MTA received the message.', syntax: '`dns; host.name`', source: rfc3464('2.2.4') },
  { name: 'Arrival-Date', scope: 'per-message', meaning: 'When the reporting MTA received the message.', syntax: 'an RFC 5322 date-time', source: rfc3464('2.2.5') },
  { name: 'Original-Recipient', scope: 'per-recipient', meaning: 'The recipient as the sender first wrote it, carried by `RCPT TO … ORCPT=` (RFC 3461); present only where the sender\'s MTA passed ORCPT. Compare it with Final-Recipient to see aliasing or forwarding.', syntax: '`rfc822; user@example.com` (address-type, then the address)', source: rfc3464('2.3.1') },
  { name: 'Final-Recipient', scope: 'per-recipient', required: true, meaning: 'The recipient address the reporting MTA was trying to deliver to, after any aliasing or forwarding on the way.', syntax: '`rfc822; user@example.com`', source: rfc3464('2.3.2') },
  { name: 'Action', scope: 'per-recipient', required: true, meaning: 'What the reporting MTA did with the message for this recipient: `failed`, `delayed`, `delivered`, `relayed` or `expanded`. The Status code should agree with it: 5.X.X (or 4.X.X, given up) for failed, 4.X.X for delayed, 2.X.X for the rest.', syntax: 'one of failed, delayed, delivered, relayed, expanded', source: rfc3464('2.3.3') },
  { name: 'Status', scope: 'per-recipient', required: true, meaning: 'The enhanced status code (RFC 3463) for this recipient: its class says success (2), transient failure (4) or permanent failure (5). It normally repeats the code of the remote server\'s reply in Diagnostic-Code.', syntax: 'class.subject.detail, e.g. `5.1.1`', source: rfc3464('2.3.4') },
  { name: 'Remote-MTA', scope: 'per-recipient', meaning: 'The server that answered the reporting MTA for this recipient: the one whose reply is in Diagnostic-Code.', syntax: '`dns; host.name`', source: rfc3464('2.3.5') },
  { name: 'Diagnostic-Code', scope: 'per-recipient', meaning: 'The reply the remote server actually sent (or a local error), word for word: the reply code, the enhanced code and the text. The most telling line of a bounce.', syntax: '`smtp; 550 5.1.1 text` (diagnostic-type, then the reply)', source: rfc3464('2.3.6') },
  { name: 'Last-Attempt-Date', scope: 'per-recipient', meaning: 'When the reporting MTA last tried to deliver to this recipient.', syntax: 'an RFC 5322 date-time', source: rfc3464('2.3.7') },
  { name: 'Final-Log-ID', scope: 'per-recipient', meaning: 'The identifier under which the final MTA logged the message, to look it up in that server\'s logs.', source: rfc3464('2.3.8') },
  { name: 'Will-Retry-Until', scope: 'per-recipient', meaning: 'For `Action: delayed`: until when the reporting MTA will keep trying before it gives up and sends a failure report.', syntax: 'an RFC 5322 date-time', source: rfc3464('2.3.9') },
  { name: 'X-Postfix-Queue-ID', scope: 'per-message', meaning: 'Postfix: the queue ID the message had on the reporting server; search the mail log for it to follow the message.', source: POSTFIX_BOUNCE },
  { name: 'X-Postfix-Sender', scope: 'per-message', meaning: 'Postfix: the envelope sender of the returned message.', syntax: '`rfc822; sender@example.com`', source: POSTFIX_BOUNCE },
  { name: 'X-Actual-Recipient', scope: 'per-recipient', meaning: 'Sendmail: the address the message was finally delivered or bounced at, after alias expansion, where it differs from Final-Recipient.', syntax: '`rfc822; user@example.com`', source: EXTENSION('Sendmail') },
  { name: 'X-Exim-Diagnostic', scope: 'per-recipient', meaning: 'Exim: its own text for the failure, beside the standard Diagnostic-Code.', syntax: '`X-str; text`', source: EXTENSION('Exim') },
  { name: 'X-Display-Name', scope: 'per-recipient', meaning: 'Microsoft Exchange: the display name of the recipient.', source: EXCHANGE_DSN },
  { name: 'X-Supplementary-Info', scope: 'per-recipient', meaning: 'Microsoft Exchange: further details of the failure, read by Outlook into the non-delivery report.', source: EXCHANGE_DSN },
];

/** The five values of the Action field (RFC 3464 section 2.3.3). */
export const DSN_ACTIONS: readonly DsnValue[] = [
  { value: 'failed', meaning: 'The message could not be delivered to this recipient and the reporting MTA has stopped trying: a bounce. Expect a 5.X.X Status (or a 4.X.X one for a temporary condition that lasted too long).', source: rfc3464('2.3.3') },
  { value: 'delayed', meaning: 'Not delivered yet, but the reporting MTA is still trying (see Will-Retry-Until); a warning, not a bounce. Expect a 4.X.X Status.', source: rfc3464('2.3.3') },
  { value: 'delivered', meaning: 'Delivered to the recipient\'s mailbox (or to a mailing list exploder); it says nothing about whether the message was read. Expect a 2.X.X Status.', source: rfc3464('2.3.3') },
  { value: 'relayed', meaning: 'Passed on to a system that does not send delivery notifications, so no further report will come for this recipient. Expect a 2.X.X Status.', source: rfc3464('2.3.3') },
  { value: 'expanded', meaning: 'Delivered to the recipient address and forwarded from there to several further addresses (an alias or list); reports for those may follow. Expect a 2.X.X Status.', source: rfc3464('2.3.3') },
];

/** The types written before `;` in address, MTA-name and diagnostic fields. */
export const DSN_VALUE_TYPES: readonly DsnValue[] = [
  { value: 'rfc822', meaning: 'address type: an Internet mail address (RFC 5322 addr-spec).', source: rfc3464('2.1.1') },
  { value: 'utf-8', meaning: 'address type: an internationalized address in UTF-8 (SMTPUTF8).', source: RFC6533 },
  { value: 'dns', meaning: 'MTA name type: a host name in the DNS.', source: rfc3464('2.1.2') },
  { value: 'smtp', meaning: 'diagnostic type: the SMTP reply the remote server sent, reply code first.', source: rfc3464('2.1.3') },
  { value: 'x-postfix', meaning: 'diagnostic type: a Postfix-internal reason, no remote reply (a local delivery error, a lookup failure, a queue timeout).', source: POSTFIX_BOUNCE },
  { value: 'x-unix', meaning: 'diagnostic type: a local delivery agent\'s error (Unix mailer exit status), used by Sendmail.', source: EXTENSION('Sendmail') },
  { value: 'x-local', meaning: 'diagnostic type: an error of the reporting host\'s own delivery.', source: rfc3464('2.1.3') },
];

/** ORCPT and ENVID, the SMTP parameters RFC 3461 defines, are what fill Original-Recipient and Original-Envelope-Id. */
export const DSN_EXTENSION_SOURCE = RFC3461;

const fieldsByName = new Map(DSN_FIELDS.map((field) => [field.name.toLowerCase(), field]));
const actionsByValue = new Map(DSN_ACTIONS.map((action) => [action.value, action]));
const typesByValue = new Map(DSN_VALUE_TYPES.map((type) => [type.value, type]));

export function findDsnField(name: string): DsnField | undefined {
  return fieldsByName.get(name.toLowerCase());
}

export function findDsnAction(value: string): DsnValue | undefined {
  return actionsByValue.get(value.toLowerCase());
}

export function findDsnValueType(value: string): DsnValue | undefined {
  return typesByValue.get(value.toLowerCase());
}
