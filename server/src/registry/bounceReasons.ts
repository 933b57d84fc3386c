/**
 * What a failure reply means for the sender: one of a small set of reasons, and whether it is hard or soft.
 * One ordered table of rules, the first match wins. A code the registry leaves vague (X.0.0, X.7.1 …) or one it
 * lacks is read with its reply text first; any other code decides by itself. The reasons follow the registry's
 * own descriptions (RFC 3463, RFC 5248 and the RFCs each entry cites), the text patterns the wording that MTAs and
 * large providers use in their replies.
 */
import { findEntry } from './registry';

export type BounceReason =
  | 'user-unknown' | 'mailbox-full' | 'mailbox-disabled' | 'host-unknown' | 'blocked' | 'spam-or-content'
  | 'authentication' | 'rate-limited' | 'message-too-large' | 'expired' | 'routing-or-network' | 'policy'
  | 'system-error' | 'other';

export interface ReasonInfo {
  label: string;
  meaning: string;
  /** What the sender can do. */
  advice: string;
  /** Conditions that clear by themselves: soft even with a 5.X.X code. */
  clearsByItself?: boolean;
}

export const REASONS: Record<BounceReason, ReasonInfo> = {
  'user-unknown': { label: 'user unknown', meaning: 'the recipient address does not exist', advice: 'Check the address for typos; stop mailing it if it is right.' },
  'mailbox-full': { label: 'mailbox full', meaning: 'the recipient\'s mailbox or quota is full', advice: 'Send again later; the recipient has to make room.', clearsByItself: true },
  'mailbox-disabled': { label: 'mailbox disabled', meaning: 'the mailbox exists but is disabled, moved or reassigned', advice: 'Stop mailing the address; ask the recipient for a new one.' },
  'host-unknown': { label: 'host unknown', meaning: 'the recipient domain does not exist or accepts no mail', advice: 'Check the domain for typos; stop mailing it if it is right.' },
  blocked: { label: 'blocked', meaning: 'the sending IP address or domain is refused for its reputation or a block list', advice: 'Look the sending IP and domain up on the block list named in the reply and ask for delisting.' },
  'spam-or-content': { label: 'spam or content', meaning: 'the message itself was refused: spam, malware or its format', advice: 'Change the content (links, attachments, encoding) and send again.' },
  authentication: { label: 'authentication', meaning: 'the sender failed authentication: SPF, DKIM, DMARC, ARC or SMTP login', advice: 'Fix the SPF record, DKIM signing or DMARC alignment of the sending domain.' },
  'rate-limited': { label: 'rate limited', meaning: 'the receiving side limits how much or how fast it accepts', advice: 'Send more slowly and try again later.', clearsByItself: true },
  'message-too-large': { label: 'message too large', meaning: 'the message exceeds a size limit', advice: 'Send a smaller message (link large attachments instead).' },
  expired: { label: 'expired', meaning: 'the sending server gave up after retrying for its whole queue lifetime', advice: 'Look at the last temporary error before it expired; send again once it is fixed.' },
  'routing-or-network': { label: 'routing or network', meaning: 'the receiving server could not be reached or routed to', advice: 'Check DNS (MX) and connectivity of the destination; it often clears by itself.' },
  policy: { label: 'policy', meaning: 'a local policy of the receiving server refused the message (relaying, sender, security rules)', advice: 'Read the reply text; the receiving postmaster can say which rule refused it.' },
  'system-error': { label: 'system error', meaning: 'the receiving system failed or misbehaved (disk, configuration, protocol)', advice: 'Nothing to change on the sending side: retry later or tell the receiving postmaster.' },
  other: { label: 'other', meaning: 'the code and text do not say enough to tell', advice: 'Read the reply text.' },
};

export interface ReasonRule {
  /**
   * `vague`: a code the registry leaves vague or lacks (see VAGUE_CODES), read with its reply text;
   * otherwise codes of any class, `X.1.1`, or a whole subject, `X.4.*`.
   */
  codes: 'vague' | readonly string[];
  /** For `vague` rules: the words of the reply text that decide. */
  text?: RegExp;
  reason: BounceReason;
  /** Why the rule gives this reason, in the words shown to the user. */
  why: string;
}

/** Codes whose registry meaning does not tell the reason: the reply text decides where it can. */
export const VAGUE_CODES: readonly string[] = ['X.0.0', 'X.1.0', 'X.2.0', 'X.3.0', 'X.4.0', 'X.4.4', 'X.5.0', 'X.6.0', 'X.7.0', 'X.7.1', 'X.1.10'];

export const REASON_RULES: readonly ReasonRule[] = [
  // Vague or unregistered codes: the reply text decides, most specific wording first.
  { codes: 'vague', text: /(?:user|address|recipient|mailbox) unknown|unknown user|no such (?:user|mailbox|recipient|address)|(?<!domain )does ?n[o']t exist|recipient ?not ?found|user not found|unknown (?:recipient|mailbox|address)|invalid (?:recipient|mailbox|user ?name)|mail[ -]?box (?:unavailable|not found)|no mail ?box (?:found|here|available)|not a valid (?:mailbox|recipient)|not a known (?:user|recipient|address)|non-?existent (?:user|recipient|mailbox|address)|bad[ _-]recipient|doesn't have an? [\w.-]+ account/i, reason: 'user-unknown', why: 'the reply says the recipient does not exist' },
  { codes: 'vague', text: /mailbox (?:is )?full|over ?quota|quota exceeded|exceeded (?:the |its )?(?:storage|quota|disk space)|insufficient (?:storage|space)|out of storage|mailbox size limit|not have enough (?:disk |storage )?space|(?:user|mailbox|account) has too many messages/i, reason: 'mailbox-full', why: 'the reply speaks of a full mailbox or quota' },
  { codes: 'vague', text: /(?:account|mailbox|user) (?:is |has been |currently )?(?:disabled|inactive|suspended|deactivated|closed|locked)|(?:disabled|inactive|suspended|deactivated|closed|locked) (?:mailbox|account)|no longer (?:active|in use)/i, reason: 'mailbox-disabled', why: 'the reply says the mailbox or account is disabled' },
  { codes: 'vague', text: /host (?:or domain name )?not found|host unknown|domain (?:not found|does not exist)|no such domain|unknown domain|unrouteable address|name service error|NXDOMAIN|null MX|name or service not known/i, reason: 'host-unknown', why: 'the reply says the domain does not exist' },
  { codes: 'vague', text: /\b(?:SPF|DKIM|DMARC|ARC)\b|unauthenticated|not authenticated|authentication (?:failed|required)|not (?:allowed|permitted) to send mail from|as permitted sender/i, reason: 'authentication', why: 'the reply names SPF, DKIM, DMARC or failed authentication' },
  { codes: 'vague', text: /block ?list|black ?list|spam ?list|\blisted\b|spamhaus|spamcop|barracuda|\bsorbs\b|dnsbl|\brbl\b|reputation|banned sending ip|client host (?:\[[^\][]*\] )?(?:rejected|blocked)|reverse dns|\bPTR\b/i, reason: 'blocked', why: 'the reply names a block list, the reputation or the sending IP' },
  { codes: 'vague', text: /(?<![\w.-])(?:anti-?)?spam(?![\w-]*\.[a-z])|unsolicited|bulk (?:e-?)?mail|mass mailer|\b(?:uribl|surbl)\b|\bjunk\b|virus|malware|phish|content (?:rejected|filter)|message content|suspicious|attachment/i, reason: 'spam-or-content', why: 'the reply speaks of spam, malware or the content' },
  { codes: 'vague', text: /rate limit|too many (?:messages|connections|recipients|emails|mails)|throttl|(?:sending|rate|message|hourly|daily) limit|slow down|exceeded.{0,40}limit|unusual rate/i, reason: 'rate-limited', why: 'the reply speaks of rate or volume limits' },
  { codes: 'vague', text: /too (?:big|large)|size limit|exceeds (?:the )?(?:maximum|size|allowed size)|message length/i, reason: 'message-too-large', why: 'the reply speaks of the message size' },
  { codes: 'vague', text: /expired|too old|queue (?:lifetime|time)|undeliverable for too long|retry time(?:out)? (?:not reached|exceeded)/i, reason: 'expired', why: 'the reply says the message expired in the queue' },
  { codes: 'vague', text: /connection (?:timed out|refused|reset)|timed out|no route to host|network (?:is )?unreachable|temporarily suspended|lost connection|mail loop|routing loop|too many hops|unable to route/i, reason: 'routing-or-network', why: 'the reply speaks of connection or routing trouble' },
  { codes: 'vague', text: /\bblocked\b/i, reason: 'blocked', why: 'the reply says blocked' },
  { codes: 'vague', text: /relay(?:ing)? (?:access )?(?:denied|not permitted)|greylist|graylist|policy|access denied|not permitted|prohibited|not authorized|administrative/i, reason: 'policy', why: 'the reply names a policy, relaying or access rule' },
  { codes: 'vague', text: /internal (?:server )?error|local problem|local error|system (?:error|failure)|insufficient (?:system )?resources|configuration error|service (?:temporarily )?unavailable/i, reason: 'system-error', why: 'the reply speaks of an error of the receiving system' },

  // Codes that say it by themselves (and the fallbacks of the vague ones, whose text said nothing telling).
  { codes: ['X.1.1', 'X.1.3', 'X.1.4'], reason: 'user-unknown', why: 'X.1.1 / X.1.3 / X.1.4: the destination mailbox address is bad or ambiguous' },
  { codes: ['X.1.2', 'X.1.10'], reason: 'host-unknown', why: 'X.1.2 / X.1.10: the destination system is bad or has a null MX (RFC 7505)' },
  { codes: ['X.1.6', 'X.2.1', 'X.7.13', 'X.7.17', 'X.7.18'], reason: 'mailbox-disabled', why: 'X.1.6 / X.2.1 / X.7.13 / X.7.17 / X.7.18: the mailbox moved, is disabled or changed owner' },
  { codes: ['X.2.2'], reason: 'mailbox-full', why: 'X.2.2: mailbox full' },
  { codes: ['X.2.3', 'X.3.4', 'X.7.16'], reason: 'message-too-large', why: 'X.2.3 / X.3.4 / X.7.16: the message exceeds a size limit' },
  { codes: ['X.4.7'], reason: 'expired', why: 'X.4.7: delivery time expired' },
  { codes: ['X.5.3', 'X.7.28'], reason: 'rate-limited', why: 'X.5.3 / X.7.28: too many recipients, or a mail flood detected' },
  { codes: ['X.7.8', 'X.7.9', 'X.7.11', 'X.7.12', 'X.7.20', 'X.7.21', 'X.7.22', 'X.7.23', 'X.7.24', 'X.7.26', 'X.7.29'], reason: 'authentication', why: 'X.7.8-X.7.12, X.7.20-X.7.24, X.7.26, X.7.29: SMTP login, DKIM, SPF, DMARC or ARC failed' },
  { codes: ['X.7.25'], reason: 'blocked', why: 'X.7.25: reverse DNS validation of the sending IP failed' },
  { codes: ['X.3.1', 'X.3.2', 'X.3.5', 'X.4.5'], reason: 'system-error', why: 'X.3.1 / X.3.2 / X.3.5 / X.4.5: the receiving system is full, not accepting, misconfigured or congested' },
  { codes: ['X.4.*'], reason: 'routing-or-network', why: 'X.4.*: network or routing status' },
  { codes: ['X.5.*', 'X.3.*'], reason: 'system-error', why: 'X.3.* / X.5.*: mail system or protocol status' },
  { codes: ['X.6.*'], reason: 'spam-or-content', why: 'X.6.*: the message\'s media or encoding was refused' },
  { codes: ['X.7.*'], reason: 'policy', why: 'X.7.*: security or policy status' },
  { codes: ['X.0.0', 'X.1.*', 'X.2.*'], reason: 'other', why: 'the code and the reply text say no more' },
];

export interface BounceClassification {
  reason: BounceReason;
  hard: boolean;
  /** The rule that decided, in words. */
  why: string;
  /** For text rules: the words of the reply that matched. */
  matched?: string;
}

/** Per code key ("7.1"): the rules that may apply to it, in table order. */
const rulesByKey = new Map<string, readonly ReasonRule[]>();

function rulesFor(subject: number, detail: number): readonly ReasonRule[] {
  const key = `${subject}.${detail}`;
  let rules = rulesByKey.get(key);
  if (!rules) {
    const vague = VAGUE_CODES.includes(`X.${key}`) || !findEntry(subject, detail);
    rules = REASON_RULES.filter((rule) => rule.codes === 'vague'
      ? vague
      : rule.codes.some((code) => code === `X.${key}` || code === `X.${subject}.*`));
    rulesByKey.set(key, rules);
  }
  return rules;
}

/** Whether the reply text can change the reason of this code (so callers read the text only where it matters). */
export function readsReplyText(subject: number, detail: number): boolean {
  return rulesFor(subject, detail).some((rule) => rule.text);
}

/**
 * The reason and hardness of a failure code (class 4 or 5), with `replyText` the text that came with it;
 * undefined for success codes and codes of no class.
 */
export function classifyBounce(statusClass: number, subject: number, detail: number, replyText = ''): BounceClassification | undefined {
  if (statusClass !== 4 && statusClass !== 5) return undefined;
  for (const rule of rulesFor(subject, detail)) {
    if (!rule.text) return classification(rule, statusClass);
    const match = rule.text.exec(replyText);
    if (match) return { ...classification(rule, statusClass), matched: match[0] };
  }
  return { reason: 'other', hard: statusClass === 5, why: 'no rule matched' };
}

function classification(rule: ReasonRule, statusClass: number): BounceClassification {
  return reasonClassification(rule.reason, statusClass, rule.why);
}

/** A failure code of `statusClass` classified as `reason`, for the reason `why`: hard where it is permanent and does not clear by itself. */
export function reasonClassification(reason: BounceReason, statusClass: number, why: string): BounceClassification {
  return { reason, hard: statusClass === 5 && !REASONS[reason].clearsByItself, why };
}
