/**
 * Which restriction made an MTA reject, read from the text it logs. Postfix does not log the restriction's name, but each
 * writes its own text: sources are the Postfix postconf(5) manual (smtpd_*_restrictions) and SMTPD_ACCESS_README;
 * Exim's texts come from its ACL defaults (spec chapter "Access control lists"); Sendmail logs the ruleset itself.
 * The first matching row wins; a reject no row matches is grouped by its own text up to the first `;`.
 */
export interface RestrictionRule {
  pattern: RegExp;
  /** The restriction's name; `$1` is replaced by the pattern's first group. */
  restriction: string;
}

export const POSTFIX_RESTRICTIONS: readonly RestrictionRule[] = [
  // A DNS list names what it looked up: the client's address (reject_rbl_client), a name or
  // address (the reject_rhsbl_* forms); postscreen writes `client` in lower case.
  { pattern: /Sender address \[[^\][\s]*\] blocked using ([\w.-]+)/, restriction: 'reject_rhsbl_sender $1' },
  { pattern: /Recipient address \[[^\][\s]*\] blocked using ([\w.-]+)/, restriction: 'reject_rhsbl_recipient $1' },
  { pattern: /Helo command \[[^\][\s]*\] blocked using ([\w.-]+)/, restriction: 'reject_rhsbl_helo $1' },
  { pattern: /Unverified Client host \[[^\][\s]*\] blocked using ([\w.-]+)/, restriction: 'reject_rhsbl_reverse_client $1' },
  { pattern: /Client host \[(?:\d{1,3}(?:\.\d{1,3}){3}|[\da-fA-F]*:[\da-fA-F:.]*)\] blocked using ([\w.-]+)/, restriction: 'reject_rbl_client $1' },
  { pattern: /Client host \[[^\][\s]*\] blocked using ([\w.-]+)/, restriction: 'reject_rhsbl_client $1' },
  { pattern: /client \[[^\][\s]*\] blocked using ([\w.-]+)/, restriction: 'postscreen_dnsbl_sites $1' },
  { pattern: /Relay access denied/, restriction: 'reject_unauth_destination' },
  { pattern: /Recipient address rejected: User unknown in (\w+) (?:recipient|mailbox) table/, restriction: 'reject_unlisted_recipient ($1)' },
  { pattern: /Recipient address rejected: User unknown/, restriction: 'reject_unlisted_recipient' },
  { pattern: /Client host rejected: cannot find your reverse hostname/, restriction: 'reject_unknown_reverse_client_hostname' },
  { pattern: /Client host rejected: cannot find your hostname/, restriction: 'reject_unknown_client_hostname' },
  { pattern: /Sender address rejected: Domain not found/, restriction: 'reject_unknown_sender_domain' },
  { pattern: /Recipient address rejected: Domain not found/, restriction: 'reject_unknown_recipient_domain' },
  { pattern: /Sender address rejected: need fully-qualified address/, restriction: 'reject_non_fqdn_sender' },
  { pattern: /Recipient address rejected: need fully-qualified address/, restriction: 'reject_non_fqdn_recipient' },
  { pattern: /Helo command rejected: need fully-qualified hostname/, restriction: 'reject_non_fqdn_helo_hostname' },
  { pattern: /Helo command rejected: Invalid name/, restriction: 'reject_invalid_helo_hostname' },
  { pattern: /Helo command rejected: Host not found/, restriction: 'reject_unknown_helo_hostname' },
  { pattern: /Sender address rejected: not (?:logged in|owned by user)/, restriction: 'reject_sender_login_mismatch' },
  { pattern: /Improper use of SMTP command pipelining/, restriction: 'reject_unauth_pipelining' },
  { pattern: /Protocol error/, restriction: 'smtpd protocol error' },
  { pattern: /Message size exceeds fixed limit/, restriction: 'message_size_limit' },
  { pattern: /Insufficient system storage/, restriction: 'queue_minfree' },
  { pattern: /Greylist/i, restriction: 'check_policy_service (greylisting)' },
  { pattern: /(Client host|Sender address|Recipient address|Helo command|Data command|Etrn command) rejected: Access denied/, restriction: 'check access map ($1)' },
];

export const EXIM_RESTRICTIONS: readonly RestrictionRule[] = [
  { pattern: /relay not permitted/i, restriction: 'acl_smtp_rcpt: relay not permitted' },
  { pattern: /Unrouteable address/i, restriction: 'acl_smtp_rcpt: verify = recipient' },
  { pattern: /Sender verify failed/i, restriction: 'acl_smtp_rcpt: verify = sender' },
  { pattern: /is listed (?:in|at) ([\w.-]+)/, restriction: 'dnslists $1' },
  { pattern: /syntactically invalid argument/, restriction: 'HELO syntax check' },
  { pattern: /in "connect" ACL/, restriction: 'acl_smtp_connect' },
];

export function restrictionOf(mta: 'postfix' | 'exim' | 'sendmail', reply: string, stage?: string): string {
  if (mta === 'sendmail') return stage ?? 'ruleset';
  for (const rule of mta === 'postfix' ? POSTFIX_RESTRICTIONS : EXIM_RESTRICTIONS) {
    const found = rule.pattern.exec(reply);
    if (found) return rule.restriction.replace('$1', found[1] ?? '');
  }
  if (mta === 'postfix' && (stage === 'header' || stage === 'body')) return `${stage}_checks`;
  if (mta === 'postfix' && stage === 'END-OF-MESSAGE') return 'milter';
  // 550 5.7.1 <x@example.com>: Recipient address rejected: text; → Recipient address rejected: text
  const text = reply.replace(/^[245]\d\d[ -](?:[245]\.\d{1,3}\.\d{1,3} )?/, '').replace(/^(?:[245]\.\d{1,3}\.\d{1,3} )/, '').replace(/^<[^>]*>:? /, '');
  const end = text.search(/[;,]/);
  return (end > 0 ? text.slice(0, end) : text).slice(0, 80) || 'reject';
}
