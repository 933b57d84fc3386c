/** SMTP basic reply codes: RFC 5321 section 4.2.2-4.2.3 and the extensions that add codes. */

export interface ReplyCodeEntry {
  code: number;
  meaning: string;
  reference: string;
}

const rfc = (n: number) => `RFC ${n}`;

export const REPLY_CODES: readonly ReplyCodeEntry[] = [
  { code: 211, meaning: 'System status, or system help reply', reference: rfc(5321) },
  { code: 214, meaning: 'Help message', reference: rfc(5321) },
  { code: 220, meaning: '<domain> Service ready (also: Ready to start TLS, RFC 3207)', reference: rfc(5321) },
  { code: 221, meaning: '<domain> Service closing transmission channel', reference: rfc(5321) },
  { code: 235, meaning: 'Authentication succeeded', reference: rfc(4954) },
  { code: 250, meaning: 'Requested mail action okay, completed', reference: rfc(5321) },
  { code: 251, meaning: 'User not local; will forward to <forward-path>', reference: rfc(5321) },
  { code: 252, meaning: 'Cannot VRFY user, but will accept message and attempt delivery', reference: rfc(5321) },
  { code: 253, meaning: 'OK, pending messages for node started (ETRN)', reference: rfc(1985) },
  { code: 334, meaning: 'Server challenge (AUTH continuation)', reference: rfc(4954) },
  { code: 354, meaning: 'Start mail input; end with <CRLF>.<CRLF>', reference: rfc(5321) },
  { code: 421, meaning: '<domain> Service not available, closing transmission channel', reference: rfc(5321) },
  { code: 432, meaning: 'A password transition is needed', reference: rfc(4954) },
  { code: 450, meaning: 'Requested mail action not taken: mailbox unavailable (e.g. busy or temporarily blocked)', reference: rfc(5321) },
  { code: 451, meaning: 'Requested action aborted: local error in processing', reference: rfc(5321) },
  { code: 452, meaning: 'Requested action not taken: insufficient system storage', reference: rfc(5321) },
  { code: 454, meaning: 'Temporary authentication failure (also: TLS not available due to temporary reason, RFC 3207)', reference: rfc(4954) },
  { code: 455, meaning: 'Server unable to accommodate parameters', reference: rfc(5321) },
  { code: 458, meaning: 'Unable to queue messages for node (ETRN)', reference: rfc(1985) },
  { code: 459, meaning: 'Node not allowed (ETRN)', reference: rfc(1985) },
  { code: 500, meaning: 'Syntax error, command unrecognized (also: authentication exchange line too long, RFC 4954)', reference: rfc(5321) },
  { code: 501, meaning: 'Syntax error in parameters or arguments', reference: rfc(5321) },
  { code: 502, meaning: 'Command not implemented', reference: rfc(5321) },
  { code: 503, meaning: 'Bad sequence of commands', reference: rfc(5321) },
  { code: 504, meaning: 'Command parameter not implemented', reference: rfc(5321) },
  { code: 521, meaning: 'Host does not accept mail', reference: rfc(7504) },
  { code: 523, meaning: 'Encryption needed', reference: rfc(5248) },
  { code: 525, meaning: 'User account disabled', reference: rfc(5248) },
  { code: 530, meaning: 'Authentication required (also: must issue a STARTTLS command first, RFC 3207)', reference: rfc(4954) },
  { code: 534, meaning: 'Authentication mechanism is too weak', reference: rfc(4954) },
  { code: 535, meaning: 'Authentication credentials invalid', reference: rfc(4954) },
  { code: 538, meaning: 'Encryption required for requested authentication mechanism', reference: rfc(4954) },
  { code: 550, meaning: 'Requested action not taken: mailbox unavailable (e.g. not found, no access, or command rejected for policy reasons)', reference: rfc(5321) },
  { code: 551, meaning: 'User not local; please try <forward-path>', reference: rfc(5321) },
  { code: 552, meaning: 'Requested mail action aborted: exceeded storage allocation', reference: rfc(5321) },
  { code: 553, meaning: 'Requested action not taken: mailbox name not allowed', reference: rfc(5321) },
  { code: 554, meaning: 'Transaction failed (or, in reply to a connection opening, no SMTP service here)', reference: rfc(5321) },
  { code: 555, meaning: 'MAIL FROM/RCPT TO parameters not recognized or not implemented', reference: rfc(5321) },
  { code: 556, meaning: 'Domain does not accept mail', reference: rfc(7504) },
];

/**
 * The reply code of the other failure class that says the same thing, where there is one: what a class fix of a reply code
 * may write without changing its meaning (`451` under a `deny` becomes `550`, not `551` "user not local"; `421` stays a
 * disconnect as `521`). Reply codes without a counterpart (`554`, `530`, `501` ...) have no unambiguous fix.
 */
export const COUNTERPART_REPLY_CODES: Readonly<Record<number, number>> = {
  421: 521, 521: 421,
  450: 550, 550: 450,
  451: 550,
  452: 552, 552: 452,
  455: 555, 555: 455,
};
