/**
 * The words in MTA configuration that produce SMTP replies, what each does, the reply it sends by default and the
 * setting that changes that reply. Facts from each MTA's documentation (sources below, read 2026-11-30); the text
 * is this project's own. The class an action implies (REJECT 5, DEFER 4) is read from here by the scanner,
 * completion and the configuration checks.
 */
import type { StatusClass } from './types';

export type Mta = 'postfix' | 'exim' | 'sendmail' | 'opensmtpd' | 'haraka';

export interface MtaSource {
  label: string;
  url: string;
}

export interface MtaAction {
  mta: Mta;
  /** As written in the configuration: `REJECT`, `deny`, `$#error`, `ERROR:`, `access_map_reject_code`. */
  word: string;
  /** Set for a parameter that sets a reply code; a word that acts (an action, verb or verdict) has none. */
  kind?: 'parameter';
  /** The class of the reply it sends: 5 rejects, 4 defers; none where it sends no failure reply of its own. */
  impliedClass?: StatusClass;
  effect: string;
  /** The reply the MTA sends by default, or the default value of a reply-code parameter. */
  defaultReply?: string;
  /** The parameter, option or syntax that changes the reply. */
  changedBy?: string;
  source: MtaSource;
}

const POSTFIX_ACCESS: MtaSource = { label: 'Postfix access(5)', url: 'https://www.postfix.org/access.5.html' };
const POSTFIX_HEADER_CHECKS: MtaSource = { label: 'Postfix header_checks(5)', url: 'https://www.postfix.org/header_checks.5.html' };
const postconf = (parameter: string): MtaSource => ({ label: `Postfix postconf(5), ${parameter}`, url: `https://www.postfix.org/postconf.5.html#${parameter}` });
const EXIM_ACL: MtaSource = { label: 'Exim specification, chapter "Access control lists"', url: 'https://www.exim.org/exim-html-current/doc/html/spec_html/ch-access_control_lists.html' };
const SENDMAIL_CF: MtaSource = { label: 'Sendmail cf/README, "Anti-spam configuration control"', url: 'https://github.com/freebsd/freebsd-src/blob/main/contrib/sendmail/cf/README' };
const SENDMAIL_ERROR: MtaSource = { label: 'Sendmail Installation and Operation Guide, the error mailer', url: 'https://github.com/freebsd/freebsd-src/blob/main/contrib/sendmail/doc/op/op.me' };
const OPENSMTPD_CONF: MtaSource = { label: 'OpenSMTPD smtpd.conf(5), filters', url: 'https://man.openbsd.org/smtpd.conf.5' };
const OPENSMTPD_FILTERS: MtaSource = { label: 'OpenSMTPD smtpd-filters(7)', url: 'https://man.openbsd.org/smtpd-filters.7' };
const HARAKA_PLUGINS: MtaSource = { label: 'Haraka plugin return codes', url: 'https://haraka.github.io/core/Plugins/' };

const postfixAction = (word: string, effect: string, extra: Partial<MtaAction> = {}): MtaAction =>
  ({ mta: 'postfix', word, effect, source: POSTFIX_ACCESS, ...extra });
const postfixCode = (word: string, defaultReply: string, effect: string): MtaAction =>
  ({ mta: 'postfix', word, kind: 'parameter', effect, defaultReply, changedBy: word, source: postconf(word) });

export const MTA_ACTIONS: readonly MtaAction[] = [
  // Postfix access(5) tables and header/body checks
  postfixAction('REJECT', 'Rejects the client, sender or recipient. With text, the text is sent after the codes. In header_checks and body_checks it rejects the message: `550 5.7.1 Error: message content rejected`, or 550 5.7.1 and the text given.', {
    impliedClass: 5, defaultReply: '554 5.7.1 <address>: … rejected: Access denied', changedBy: 'access_map_reject_code (the reply code); text after REJECT replaces "Access denied"; an explicit enhanced code after REJECT replaces 5.7.1',
  }),
  postfixAction('DEFER', 'Rejects with a temporary error: the client should try again later (Postfix 2.6 and later).', {
    impliedClass: 4, defaultReply: '450 4.7.1 <address>: … rejected: Access denied', changedBy: 'access_map_defer_code (the reply code); text after DEFER replaces "Access denied"',
  }),
  postfixAction('DEFER_IF_PERMIT', 'Defers the request if a later restriction would permit it (so the client comes back when the doubt is resolved); otherwise the later result stands.', {
    impliedClass: 4, defaultReply: '450 4.7.1 <address>: … rejected: Service unavailable', changedBy: 'access_map_defer_code (the reply code); text after DEFER_IF_PERMIT replaces the generic text',
  }),
  postfixAction('DEFER_IF_REJECT', 'Defers the request if a later restriction would reject it, turning that rejection into a temporary one.', {
    impliedClass: 4, defaultReply: '450 4.7.1 <address>: … rejected: Service unavailable', changedBy: 'access_map_defer_code (the reply code); text after DEFER_IF_REJECT replaces the generic text',
  }),
  postfixAction('DISCARD', 'Accepts the message and throws it away: the client is told it was delivered (250), the log says discard.'),
  postfixAction('HOLD', 'Accepts the message and puts it in the hold queue, where it waits until `postsuper -H` releases it.'),
  postfixAction('REDIRECT', 'Accepts the message and sends it to the given address instead of its recipients.'),
  postfixAction('FILTER', 'Accepts the message and routes it through the given `transport:destination` (a content filter).'),
  postfixAction('PREPEND', 'Accepts and adds the given header line to the message.'),
  postfixAction('WARN', 'Logs a warning with the optional text and goes on; the client sees nothing.', { source: POSTFIX_HEADER_CHECKS }),
  postfixAction('INFO', 'Logs an informational record with the optional text and goes on (Postfix 3.2 and later).', { source: POSTFIX_HEADER_CHECKS }),
  postfixAction('DUNNO', 'Stops the lookup here as if nothing matched, so that shorter keys (parent domains, networks) are not tried; the next restriction decides.'),
  postfixAction('OK', 'Accepts what matched (for this restriction list); no reply of its own.'),
  postfixAction('PERMIT', 'In a restriction list (`permit`): accepts the request and stops evaluating the list.', { source: postconf('smtpd_recipient_restrictions') }),
  postfixAction('BCC', 'Accepts and sends a blind copy of the message to the given address (Postfix 3.0 and later).'),
  postfixCode('access_map_reject_code', '554', 'The reply code of REJECT in access(5) tables.'),
  postfixCode('access_map_defer_code', '450', 'The reply code of DEFER, DEFER_IF_PERMIT and DEFER_IF_REJECT in access(5) tables (before Postfix 2.6 always 450).'),
  postfixCode('reject_code', '554', 'The reply code of the `reject` restriction.'),
  postfixCode('defer_code', '450', 'The reply code of the `defer`, `defer_if_permit` and `defer_if_reject` restrictions.'),
  postfixCode('relay_domains_reject_code', '554', 'The reply code when reject_unauth_destination refuses to relay ("Relay access denied").'),
  postfixCode('maps_rbl_reject_code', '554', 'The reply code when a client or sender is on a DNS block list (reject_rbl_client and the like).'),
  postfixCode('invalid_hostname_reject_code', '501', 'The reply code when reject_invalid_helo_hostname finds a malformed HELO name.'),
  postfixCode('non_fqdn_reject_code', '504', 'The reply code of the reject_non_fqdn_* restrictions.'),
  postfixCode('unknown_address_reject_code', '450', 'The reply code when a sender or recipient domain has no DNS record (reject_unknown_sender_domain, reject_unknown_recipient_domain).'),
  postfixCode('unknown_client_reject_code', '450', 'The reply code of reject_unknown_client_hostname.'),
  postfixCode('unknown_hostname_reject_code', '450', 'The reply code of reject_unknown_helo_hostname.'),
  postfixCode('unknown_local_recipient_reject_code', '550', 'The reply code for a recipient of a local domain that does not exist ("User unknown in local recipient table").'),
  postfixCode('unknown_relay_recipient_reject_code', '550', 'The reply code for a relay-domain recipient not in relay_recipient_maps.'),
  postfixCode('unknown_virtual_alias_reject_code', '550', 'The reply code for a virtual alias domain recipient without an alias.'),
  postfixCode('unknown_virtual_mailbox_reject_code', '550', 'The reply code for a virtual mailbox domain recipient without a mailbox ("User unknown in virtual mailbox table").'),
  postfixCode('unverified_recipient_reject_code', '450', 'The reply code when address verification finds a recipient undeliverable.'),
  postfixCode('unverified_sender_reject_code', '450', 'The reply code when address verification finds a sender undeliverable.'),
  postfixCode('unverified_recipient_defer_code', '450', 'The reply code when verification of a recipient cannot finish yet.'),
  postfixCode('unverified_sender_defer_code', '450', 'The reply code when verification of a sender cannot finish yet.'),
  postfixCode('multi_recipient_bounce_reject_code', '550', 'The reply code of reject_multi_recipient_bounce.'),
  postfixCode('plaintext_reject_code', '450', 'The reply code when TLS is required and the client did not start it.'),

  // Exim ACL verbs
  { mta: 'exim', word: 'accept', effect: 'If the conditions hold, the ACL accepts (a 2xx reply) and stops; otherwise the next statement is tried.', defaultReply: '250 (the command\'s usual success reply)', source: EXIM_ACL },
  { mta: 'exim', word: 'deny', impliedClass: 5, effect: 'If the conditions hold, the ACL rejects with a permanent error and stops.', defaultReply: '550 Administrative prohibition (no enhanced code: Exim adds none of its own)', changedBy: '`message =` (a reply code and enhanced code at its start replace 550)', source: EXIM_ACL },
  { mta: 'exim', word: 'defer', impliedClass: 4, effect: 'If the conditions hold, the ACL answers with a temporary error (4xx), so the client tries again later.', defaultReply: '451 Temporary local problem - please try later', changedBy: '`message =` (its reply code must be a 4xx one)', source: EXIM_ACL },
  { mta: 'exim', word: 'discard', effect: 'Like accept, but the recipient (or, in the DATA ACL, the message) is silently thrown away: the client sees success.', defaultReply: '250', changedBy: '`log_message =` says in the log why', source: EXIM_ACL },
  { mta: 'exim', word: 'drop', impliedClass: 5, effect: 'Like deny, but Exim closes the connection after the reply.', defaultReply: '550 Administrative prohibition, then the connection is closed', changedBy: '`message =`', source: EXIM_ACL },
  { mta: 'exim', word: 'require', impliedClass: 5, effect: 'If any condition fails, the ACL denies (as deny); if all hold, the next statement is tried.', defaultReply: '550 Administrative prohibition', changedBy: '`message =`', source: EXIM_ACL },
  { mta: 'exim', word: 'warn', effect: 'If the conditions hold, adds headers or logs (`add_header`, `log_message`) and goes on; it never changes the reply.', source: EXIM_ACL },

  // Sendmail access database and rules
  { mta: 'sendmail', word: 'REJECT', impliedClass: 5, effect: 'Access database: rejects the client, sender or recipient with a general message.', defaultReply: '550 5.7.1 Access denied', changedBy: 'confREJECT_MSG in the .mc file', source: SENDMAIL_CF },
  { mta: 'sendmail', word: 'DISCARD', effect: 'Access database: accepts the message and discards it through the $#discard mailer; the client sees success.', source: SENDMAIL_CF },
  { mta: 'sendmail', word: 'OK', effect: 'Access database: accepts, even where other rules of the same check would reject.', source: SENDMAIL_CF },
  { mta: 'sendmail', word: 'RELAY', effect: 'Access database: allows relaying to or from what matched (and implies OK).', source: SENDMAIL_CF },
  { mta: 'sendmail', word: 'ERROR:', effect: 'Access database (and virtusertable, in lower case): rejects with the reply written after it, `ERROR:5.7.1:550 text` or `ERROR:"550 text"`; the reply code decides permanent (5xx) or temporary (4xx).', defaultReply: 'the reply written after it', changedBy: 'the text after ERROR:', source: SENDMAIL_CF },
  { mta: 'sendmail', word: 'TEMP:', impliedClass: 4, effect: 'Access database: rejects with a temporary error; it must be followed by a 4xx reply code and text.', defaultReply: 'the 4xx reply written after it', changedBy: 'the text after TEMP:', source: SENDMAIL_CF },
  { mta: 'sendmail', word: 'QUARANTINE:', effect: 'Access database: accepts the message and quarantines it with the reason given (held in the queue until released).', source: SENDMAIL_CF },
  { mta: 'sendmail', word: '$#error', effect: 'Rule sets: hands the address to the error mailer, which rejects it. `$@` gives the enhanced code (or an exit status such as tempfail), `$:` the reply text, optionally starting with a reply code.', defaultReply: '553, where the text after `$:` starts with no reply code', changedBy: '`$@ 5.7.1` (the enhanced code) and a reply code at the start of the `$:` text', source: SENDMAIL_ERROR },
  { mta: 'sendmail', word: 'TEMPFAIL', impliedClass: 4, effect: 'A temporary failure: in rules `$#error $@ tempfail $: text` (exit status EX_TEMPFAIL), and in a milter\'s verdict; the client gets a 4xx reply and tries again later.', changedBy: '`$@ 4.x.y` and a 4xx reply code in the `$:` text', source: SENDMAIL_ERROR },

  // OpenSMTPD filter verdicts
  { mta: 'opensmtpd', word: 'reject', effect: 'Filter verdict: refuses the current command with the reply given, which must start with a reply code (`reject "550 5.7.1 text"`); 4xx and 5xx both allowed.', defaultReply: 'the reply written after it (no default)', changedBy: 'the quoted reply', source: OPENSMTPD_CONF },
  { mta: 'opensmtpd', word: 'disconnect', effect: 'Filter verdict: sends the reply given and closes the session (`disconnect "421 4.7.0 text"`).', defaultReply: 'the reply written after it (no default)', changedBy: 'the quoted reply', source: OPENSMTPD_CONF },
  { mta: 'opensmtpd', word: 'junk', effect: 'Filter verdict: accepts the message but marks it as spam (adds an X-Spam header) for the delivery to sort.', source: OPENSMTPD_CONF },
  { mta: 'opensmtpd', word: 'bypass', effect: 'Filter verdict: skips the remaining filters of this phase and goes on.', source: OPENSMTPD_CONF },
  { mta: 'opensmtpd', word: 'rewrite', effect: 'Filter verdict: replaces the value of the current command (the HELO name, an address) and goes on.', source: OPENSMTPD_CONF },
  { mta: 'opensmtpd', word: 'report', effect: 'Filter verdict: logs a report and goes on.', source: OPENSMTPD_CONF },
  { mta: 'opensmtpd', word: 'proceed', effect: 'Filter protocol answer: no objection, the session goes on.', source: OPENSMTPD_FILTERS },

  // Haraka plugin verdicts (the first argument of next())
  { mta: 'haraka', word: 'DENY', impliedClass: 5, effect: 'Rejects with a permanent error; the message argument of next() is the reply text.', defaultReply: '550 at RCPT TO (554 in the connect hook); no enhanced code unless the text starts with one', changedBy: 'the text passed to next(), or a DSN helper (`DSN.no_such_user()`) for the code', source: HARAKA_PLUGINS },
  { mta: 'haraka', word: 'DENYSOFT', impliedClass: 4, effect: 'Rejects with a temporary error; the client should try again later.', defaultReply: '450 at RCPT TO (a 4xx reply in every hook)', changedBy: 'the text passed to next(), or a DSN helper', source: HARAKA_PLUGINS },
  { mta: 'haraka', word: 'DENYDISCONNECT', impliedClass: 5, effect: 'Rejects with a permanent error and closes the connection.', defaultReply: '550 at RCPT TO, then the connection is closed', changedBy: 'the text passed to next()', source: HARAKA_PLUGINS },
  { mta: 'haraka', word: 'DENYSOFTDISCONNECT', impliedClass: 4, effect: 'Rejects with a temporary error and closes the connection.', defaultReply: '450 at RCPT TO, then the connection is closed', changedBy: 'the text passed to next()', source: HARAKA_PLUGINS },
  { mta: 'haraka', word: 'DISCONNECT', effect: 'Closes the connection without a rejection reply of its own.', source: HARAKA_PLUGINS },
  { mta: 'haraka', word: 'OK', effect: 'Accepts (for this hook) and skips the remaining plugins of the hook.', source: HARAKA_PLUGINS },
  { mta: 'haraka', word: 'CONT', effect: 'No decision: the next plugin of the hook is asked.', source: HARAKA_PLUGINS },
];

/** The actions of one MTA whose word matches (parameters are matched exactly, words without regard to case). */
export function findMtaAction(mta: Mta, word: string): MtaAction | undefined {
  const lower = word.toLowerCase();
  return MTA_ACTIONS.find((action) => action.mta === mta && (action.kind === 'parameter' ? action.word === word : action.word.toLowerCase() === lower));
}

/** Words of one MTA that imply a class, longest first (so that an alternation takes DEFER_IF_PERMIT before DEFER). */
export function classActionWords(mta: Mta): string[] {
  return MTA_ACTIONS.filter((action) => action.mta === mta && action.impliedClass !== undefined)
    .map((action) => action.word)
    .sort((a, b) => b.length - a.length);
}
