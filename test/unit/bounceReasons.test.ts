import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { reasonLabel, reasonMarkdown } from '../../server/src/features/bounceReason';
import { createLanguageService } from '../../server/src/languageService';
import { classifyBounce, readsReplyText } from '../../server/src/registry/bounceReasons';
import { fixture } from '../support/paths';

/** Which words of a reply decide a bounce's reason, and what the user is told of each reason, exactly. */

/** Replies as MTAs and large providers word them, the reason each gives with a vague code (5.0.0) and the words that decided. */
const REPLIES: [text: string, reason: string, matched: string][] = [
  ["User unknown in local recipient table", "user-unknown", "User unknown"],
  ["Unknown user: ann", "user-unknown", "Unknown user"],
  ["550 Address unknown (state 14)", "user-unknown", "Address unknown"],
  ["No such user here", "user-unknown", "No such user"],
  ["No such mailbox", "user-unknown", "No such mailbox"],
  ["No such recipient here", "user-unknown", "No such recipient"],
  ["no such address: ann", "user-unknown", "no such address"],
  ["The email account that you tried to reach does not exist", "user-unknown", "does not exist"],
  ["Mailbox doesn't exist", "user-unknown", "doesn't exist"],
  ["Recipient not found by SMTP address lookup", "user-unknown", "Recipient not found"],
  ["RESOLVER.ADR.RecipientNotFound", "user-unknown", "RecipientNotFound"],
  ["User not found", "user-unknown", "User not found"],
  ["unknown recipient", "user-unknown", "unknown recipient"],
  ["Unknown mailbox", "user-unknown", "Unknown mailbox"],
  ["unknown address", "user-unknown", "unknown address"],
  ["Invalid recipient", "user-unknown", "Invalid recipient"],
  ["invalid mailbox", "user-unknown", "invalid mailbox"],
  ["Requested action not taken: mailbox unavailable", "user-unknown", "mailbox unavailable"],
  ["mailbox not found", "user-unknown", "mailbox not found"],
  ["ann is not a valid mailbox", "user-unknown", "not a valid mailbox"],
  ["not a valid recipient", "user-unknown", "not a valid recipient"],
  ["This address doesn't have a Yahoo account", "user-unknown", "doesn't have a Yahoo account"],
  ["This address doesn't have an Outlook account", "user-unknown", "doesn't have an Outlook account"],
  ["This user doesn't have a yahoo.com account", "user-unknown", "doesn't have a yahoo.com account"],
  ["Invalid username", "user-unknown", "Invalid username"],
  ["badrcptto(user mail-box not found)", "user-unknown", "mail-box not found"],
  ["No mailbox found", "user-unknown", "No mailbox found"],
  ["** No mail box available for this user **", "user-unknown", "No mail box available"],
  ["\"ann@example.org\" is not a known user", "user-unknown", "not a known user"],
  ["BAD_RECIPIENT - see http://mail.example.org/undelivered", "user-unknown", "BAD_RECIPIENT"],
  ["Recipient address rejected: Nonexistent user", "user-unknown", "Nonexistent user"],
  ["non-existent mailbox", "user-unknown", "non-existent mailbox"],
  ["Mailbox full", "mailbox-full", "Mailbox full"],
  ["The mailbox is full", "mailbox-full", "mailbox is full"],
  ["user is over quota", "mailbox-full", "over quota"],
  ["overquota", "mailbox-full", "overquota"],
  ["Quota exceeded", "mailbox-full", "Quota exceeded"],
  ["Requested mail action aborted: exceeded storage allocation", "mailbox-full", "exceeded storage"],
  ["The user has exceeded the quota", "mailbox-full", "exceeded the quota"],
  ["insufficient storage", "mailbox-full", "insufficient storage"],
  ["Insufficient space", "mailbox-full", "Insufficient space"],
  ["Recipient is out of storage", "mailbox-full", "out of storage"],
  ["Mailbox size limit exceeded", "mailbox-full", "Mailbox size limit"],
  ["The recipient mailbox has exceeded its disk space limit", "mailbox-full", "exceeded its disk space"],
  ["Account(s) <ann@example.org> does not have enough space", "mailbox-full", "not have enough space"],
  ["User has too many messages on the server", "mailbox-full", "User has too many messages"],
  ["account disabled", "mailbox-disabled", "account disabled"],
  ["mailbox is inactive", "mailbox-disabled", "mailbox is inactive"],
  ["This user has been suspended", "mailbox-disabled", "user has been suspended"],
  ["account has been deactivated", "mailbox-disabled", "account has been deactivated"],
  ["Mailbox closed", "mailbox-disabled", "Mailbox closed"],
  ["The account is locked", "mailbox-disabled", "account is locked"],
  ["This address is no longer active", "mailbox-disabled", "no longer active"],
  ["no longer in use", "mailbox-disabled", "no longer in use"],
  ["ann@example.org is a deactivated mailbox", "mailbox-disabled", "deactivated mailbox"],
  ["Mailbox currently suspended", "mailbox-disabled", "Mailbox currently suspended"],
  ["Host or domain name not found. Name service error for name=example.org type=MX", "host-unknown", "Host or domain name not found"],
  ["host not found", "host-unknown", "host not found"],
  ["Host unknown", "host-unknown", "Host unknown"],
  ["Recipient address rejected: Domain not found", "host-unknown", "Domain not found"],
  ["Domain does not exist", "host-unknown", "Domain does not exist"],
  ["no such domain", "host-unknown", "no such domain"],
  ["Unknown domain", "host-unknown", "Unknown domain"],
  ["Unrouteable address", "host-unknown", "Unrouteable address"],
  ["name service error for name=example.org", "host-unknown", "name service error"],
  ["DNS lookup returned NXDOMAIN", "host-unknown", "NXDOMAIN"],
  ["Domain example.org has a null MX", "host-unknown", "null MX"],
  ["[mx.example.org]: Name or service not known", "host-unknown", "Name or service not known"],
  ["SPF check failed", "authentication", "SPF"],
  ["DKIM signature did not verify", "authentication", "DKIM"],
  ["Rejected by DMARC policy", "authentication", "DMARC"],
  ["ARC validation failed", "authentication", "ARC"],
  ["Unable to archive message", "other", ""],
  ["unauthenticated mail is prohibited", "authentication", "unauthenticated"],
  ["Sender not authenticated", "authentication", "not authenticated"],
  ["Authentication failed", "authentication", "Authentication failed"],
  ["authentication required", "authentication", "authentication required"],
  ["192.0.2.8 is not allowed to send mail from example.org", "authentication", "not allowed to send mail from"],
  ["example.org does not designate 192.0.2.8 as permitted sender", "authentication", "as permitted sender"],
  ["Your IP is on our blocklist", "blocked", "blocklist"],
  ["on our block list", "blocked", "block list"],
  ["blacklisted", "blocked", "blacklist"],
  ["black list", "blocked", "black list"],
  ["Denied due to spam list", "blocked", "spam list"],
  ["IP listed at example.net", "blocked", "listed"],
  ["Service unavailable; client [192.0.2.1] is in spamhaus", "blocked", "spamhaus"],
  ["spamcop", "blocked", "spamcop"],
  ["Barracuda Reputation", "blocked", "Barracuda"],
  ["SORBS", "blocked", "SORBS"],
  ["absorbs", "other", ""],
  ["dnsbl", "blocked", "dnsbl"],
  ["RBL", "blocked", "RBL"],
  ["poor reputation", "blocked", "reputation"],
  ["Access denied, banned sending IP [203.0.113.7]", "blocked", "banned sending IP"],
  ["Client host rejected", "blocked", "Client host rejected"],
  ["Client host [203.0.113.9] blocked", "blocked", "Client host [203.0.113.9] blocked"],
  ["reverse DNS lookup failed", "blocked", "reverse DNS"],
  ["no PTR record", "blocked", "PTR"],
  ["spam", "spam-or-content", "spam"],
  ["spammy", "spam-or-content", "spam"],
  ["Blocked by SpamAssassin", "spam-or-content", "Spam"],
  ["Spamming not allowed", "spam-or-content", "Spam"],
  ["Rejected - bulk email", "spam-or-content", "bulk email"],
  ["You're using a mass mailer", "spam-or-content", "mass mailer"],
  ["Your email breaches local URIBL policy", "spam-or-content", "URIBL"],
  ["Your message failed several antispam checks", "spam-or-content", "antispam"],
  ["host mx1.antispamcloud.example said: 554 rejected", "other", ""],
  ["relay=filter.spamtitan.example[192.0.2.9]:25, status=bounced", "other", ""],
  ["unsolicited", "spam-or-content", "unsolicited"],
  ["junk", "spam-or-content", "junk"],
  ["virus found", "spam-or-content", "virus"],
  ["malware", "spam-or-content", "malware"],
  ["phishing", "spam-or-content", "phish"],
  ["content rejected", "spam-or-content", "content rejected"],
  ["content filter", "spam-or-content", "content filter"],
  ["message content", "spam-or-content", "message content"],
  ["suspicious", "spam-or-content", "suspicious"],
  ["attachment", "spam-or-content", "attachment"],
  ["rate limit", "rate-limited", "rate limit"],
  ["too many messages", "rate-limited", "too many messages"],
  ["too many connections", "rate-limited", "too many connections"],
  ["too many recipients", "rate-limited", "too many recipients"],
  ["too many emails", "rate-limited", "too many emails"],
  ["too many mails", "rate-limited", "too many mails"],
  ["throttled", "rate-limited", "throttl"],
  ["sending limit", "rate-limited", "sending limit"],
  ["message limit", "rate-limited", "message limit"],
  ["hourly limit", "rate-limited", "hourly limit"],
  ["daily limit", "rate-limited", "daily limit"],
  ["slow down", "rate-limited", "slow down"],
  ["You have exceeded your 24-hour limit", "rate-limited", "exceeded your 24-hour limit"],
  ["exceededlimit", "rate-limited", "exceededlimit"],
  ["unusual rate", "rate-limited", "unusual rate"],
  ["Message too big", "message-too-large", "too big"],
  ["too large", "message-too-large", "too large"],
  ["size limit", "message-too-large", "size limit"],
  ["exceeds maximum", "message-too-large", "exceeds maximum"],
  ["exceeds the maximum", "message-too-large", "exceeds the maximum"],
  ["exceeds size", "message-too-large", "exceeds size"],
  ["exceeds allowed size", "message-too-large", "exceeds allowed size"],
  ["message length exceeds administrative limit", "message-too-large", "message length"],
  ["expired", "expired", "expired"],
  ["message too old", "expired", "too old"],
  ["queue lifetime", "expired", "queue lifetime"],
  ["queue time", "expired", "queue time"],
  ["undeliverable for too long", "expired", "undeliverable for too long"],
  ["retry time not reached for any host", "expired", "retry time not reached"],
  ["retry timeout exceeded", "expired", "retry timeout exceeded"],
  ["connection timed out", "routing-or-network", "connection timed out"],
  ["Connection refused", "routing-or-network", "Connection refused"],
  ["connection reset", "routing-or-network", "connection reset"],
  ["timed out", "routing-or-network", "timed out"],
  ["No route to host", "routing-or-network", "No route to host"],
  ["Network is unreachable", "routing-or-network", "Network is unreachable"],
  ["network unreachable", "routing-or-network", "network unreachable"],
  ["temporarily suspended", "routing-or-network", "temporarily suspended"],
  ["lost connection", "routing-or-network", "lost connection"],
  ["mail loop", "routing-or-network", "mail loop"],
  ["routing loop", "routing-or-network", "routing loop"],
  ["too many hops", "routing-or-network", "too many hops"],
  ["unable to route", "routing-or-network", "unable to route"],
  ["blocked", "blocked", "blocked"],
  ["Relay access denied", "policy", "Relay access denied"],
  ["Relaying denied", "policy", "Relaying denied"],
  ["relay not permitted", "policy", "relay not permitted"],
  ["greylisted", "policy", "greylist"],
  ["graylisted", "policy", "graylist"],
  ["policy", "policy", "policy"],
  ["access denied", "policy", "access denied"],
  ["not permitted", "policy", "not permitted"],
  ["prohibited", "policy", "prohibited"],
  ["not authorized", "policy", "not authorized"],
  ["Administrative prohibition", "policy", "Administrative"],
  ["internal error", "system-error", "internal error"],
  ["Internal server error", "system-error", "Internal server error"],
  ["local problem", "system-error", "local problem"],
  ["local error in processing", "system-error", "local error"],
  ["system error", "system-error", "system error"],
  ["system failure", "system-error", "system failure"],
  ["insufficient resources", "system-error", "insufficient resources"],
  ["Insufficient system resources", "system-error", "Insufficient system resources"],
  ["configuration error", "system-error", "configuration error"],
  ["Service unavailable", "system-error", "Service unavailable"],
  ["service temporarily unavailable", "system-error", "service temporarily unavailable"],
  ["Try again later", "other", ""],
];

/** Codes that decide by themselves: the reason, hard or soft as 5.X.X and as 4.X.X, and why. */
const CODES: string[] = [
  "5.1.1 user-unknown hard / 4.1.1 soft: X.1.1 / X.1.3 / X.1.4: the destination mailbox address is bad or ambiguous",
  "5.1.2 host-unknown hard / 4.1.2 soft: X.1.2 / X.1.10: the destination system is bad or has a null MX (RFC 7505)",
  "5.1.3 user-unknown hard / 4.1.3 soft: X.1.1 / X.1.3 / X.1.4: the destination mailbox address is bad or ambiguous",
  "5.1.4 user-unknown hard / 4.1.4 soft: X.1.1 / X.1.3 / X.1.4: the destination mailbox address is bad or ambiguous",
  "5.1.6 mailbox-disabled hard / 4.1.6 soft: X.1.6 / X.2.1 / X.7.13 / X.7.17 / X.7.18: the mailbox moved, is disabled or changed owner",
  "5.1.10 host-unknown hard / 4.1.10 soft: X.1.2 / X.1.10: the destination system is bad or has a null MX (RFC 7505)",
  "5.2.1 mailbox-disabled hard / 4.2.1 soft: X.1.6 / X.2.1 / X.7.13 / X.7.17 / X.7.18: the mailbox moved, is disabled or changed owner",
  "5.2.2 mailbox-full soft / 4.2.2 soft: X.2.2: mailbox full",
  "5.2.3 message-too-large hard / 4.2.3 soft: X.2.3 / X.3.4 / X.7.16: the message exceeds a size limit",
  "5.3.1 system-error hard / 4.3.1 soft: X.3.1 / X.3.2 / X.3.5 / X.4.5: the receiving system is full, not accepting, misconfigured or congested",
  "5.3.2 system-error hard / 4.3.2 soft: X.3.1 / X.3.2 / X.3.5 / X.4.5: the receiving system is full, not accepting, misconfigured or congested",
  "5.3.4 message-too-large hard / 4.3.4 soft: X.2.3 / X.3.4 / X.7.16: the message exceeds a size limit",
  "5.3.5 system-error hard / 4.3.5 soft: X.3.1 / X.3.2 / X.3.5 / X.4.5: the receiving system is full, not accepting, misconfigured or congested",
  "5.4.5 system-error hard / 4.4.5 soft: X.3.1 / X.3.2 / X.3.5 / X.4.5: the receiving system is full, not accepting, misconfigured or congested",
  "5.4.7 expired hard / 4.4.7 soft: X.4.7: delivery time expired",
  "5.4.1 routing-or-network hard / 4.4.1 soft: X.4.*: network or routing status",
  "5.5.3 rate-limited soft / 4.5.3 soft: X.5.3 / X.7.28: too many recipients, or a mail flood detected",
  "5.5.1 system-error hard / 4.5.1 soft: X.3.* / X.5.*: mail system or protocol status",
  "5.6.3 spam-or-content hard / 4.6.3 soft: X.6.*: the message's media or encoding was refused",
  "5.7.8 authentication hard / 4.7.8 soft: X.7.8-X.7.12, X.7.20-X.7.24, X.7.26, X.7.29: SMTP login, DKIM, SPF, DMARC or ARC failed",
  "5.7.9 authentication hard / 4.7.9 soft: X.7.8-X.7.12, X.7.20-X.7.24, X.7.26, X.7.29: SMTP login, DKIM, SPF, DMARC or ARC failed",
  "5.7.11 authentication hard / 4.7.11 soft: X.7.8-X.7.12, X.7.20-X.7.24, X.7.26, X.7.29: SMTP login, DKIM, SPF, DMARC or ARC failed",
  "5.7.12 authentication hard / 4.7.12 soft: X.7.8-X.7.12, X.7.20-X.7.24, X.7.26, X.7.29: SMTP login, DKIM, SPF, DMARC or ARC failed",
  "5.7.13 mailbox-disabled hard / 4.7.13 soft: X.1.6 / X.2.1 / X.7.13 / X.7.17 / X.7.18: the mailbox moved, is disabled or changed owner",
  "5.7.16 message-too-large hard / 4.7.16 soft: X.2.3 / X.3.4 / X.7.16: the message exceeds a size limit",
  "5.7.17 mailbox-disabled hard / 4.7.17 soft: X.1.6 / X.2.1 / X.7.13 / X.7.17 / X.7.18: the mailbox moved, is disabled or changed owner",
  "5.7.18 mailbox-disabled hard / 4.7.18 soft: X.1.6 / X.2.1 / X.7.13 / X.7.17 / X.7.18: the mailbox moved, is disabled or changed owner",
  "5.7.20 authentication hard / 4.7.20 soft: X.7.8-X.7.12, X.7.20-X.7.24, X.7.26, X.7.29: SMTP login, DKIM, SPF, DMARC or ARC failed",
  "5.7.21 authentication hard / 4.7.21 soft: X.7.8-X.7.12, X.7.20-X.7.24, X.7.26, X.7.29: SMTP login, DKIM, SPF, DMARC or ARC failed",
  "5.7.22 authentication hard / 4.7.22 soft: X.7.8-X.7.12, X.7.20-X.7.24, X.7.26, X.7.29: SMTP login, DKIM, SPF, DMARC or ARC failed",
  "5.7.23 authentication hard / 4.7.23 soft: X.7.8-X.7.12, X.7.20-X.7.24, X.7.26, X.7.29: SMTP login, DKIM, SPF, DMARC or ARC failed",
  "5.7.24 authentication hard / 4.7.24 soft: X.7.8-X.7.12, X.7.20-X.7.24, X.7.26, X.7.29: SMTP login, DKIM, SPF, DMARC or ARC failed",
  "5.7.25 blocked hard / 4.7.25 soft: X.7.25: reverse DNS validation of the sending IP failed",
  "5.7.26 authentication hard / 4.7.26 soft: X.7.8-X.7.12, X.7.20-X.7.24, X.7.26, X.7.29: SMTP login, DKIM, SPF, DMARC or ARC failed",
  "5.7.28 rate-limited soft / 4.7.28 soft: X.5.3 / X.7.28: too many recipients, or a mail flood detected",
  "5.7.29 authentication hard / 4.7.29 soft: X.7.8-X.7.12, X.7.20-X.7.24, X.7.26, X.7.29: SMTP login, DKIM, SPF, DMARC or ARC failed",
  "5.7.2 policy hard / 4.7.2 soft: X.7.*: security or policy status",
  "5.0.0 other hard / 4.0.0 soft: the code and the reply text say no more",
  "5.1.5 other hard / 4.1.5 soft: the code and the reply text say no more",
  "5.2.4 other hard / 4.2.4 soft: the code and the reply text say no more",
  "5.3.3 system-error hard / 4.3.3 soft: X.3.* / X.5.*: mail system or protocol status",
  "5.5.5 system-error hard / 4.5.5 soft: X.3.* / X.5.*: mail system or protocol status",
  "5.6.0 spam-or-content hard / 4.6.0 soft: X.6.*: the message's media or encoding was refused",
  "5.9.9 other hard / 4.9.9 soft: no rule matched",
];

/** What the hover says of each reason: [code, reply text, inlay label, the hover section's lines]. */
const HOVER_SECTIONS: string[][] = [
  ["5.0.0", "User unknown", "user unknown (hard)", "**Bounce reason:** user unknown, hard: permanent, resending unchanged fails again", "", "The recipient address does not exist; the reply says the recipient does not exist (\"User unknown\"). Check the address for typos; stop mailing it if it is right."],
  ["4.0.0", "Mailbox full", "mailbox full (soft)", "**Bounce reason:** mailbox full, soft: temporary, a later attempt may succeed", "", "The recipient's mailbox or quota is full; the reply speaks of a full mailbox or quota (\"Mailbox full\"). Send again later; the recipient has to make room."],
  ["5.0.0", "account disabled", "mailbox disabled (hard)", "**Bounce reason:** mailbox disabled, hard: permanent, resending unchanged fails again", "", "The mailbox exists but is disabled, moved or reassigned; the reply says the mailbox or account is disabled (\"account disabled\"). Stop mailing the address; ask the recipient for a new one."],
  ["5.0.0", "host not found", "host unknown (hard)", "**Bounce reason:** host unknown, hard: permanent, resending unchanged fails again", "", "The recipient domain does not exist or accepts no mail; the reply says the domain does not exist (\"host not found\"). Check the domain for typos; stop mailing it if it is right."],
  ["5.7.1", "Client host rejected", "blocked (hard)", "**Bounce reason:** blocked, hard: permanent, resending unchanged fails again", "", "The sending IP address or domain is refused for its reputation or a block list; the reply names a block list, the reputation or the sending IP (\"Client host rejected\"). Look the sending IP and domain up on the block list named in the reply and ask for delisting."],
  ["5.0.0", "spam", "spam or content (hard)", "**Bounce reason:** spam or content, hard: permanent, resending unchanged fails again", "", "The message itself was refused: spam, malware or its format; the reply speaks of spam, malware or the content (\"spam\"). Change the content (links, attachments, encoding) and send again."],
  ["5.7.1", "SPF check failed", "authentication (hard)", "**Bounce reason:** authentication, hard: permanent, resending unchanged fails again", "", "The sender failed authentication: SPF, DKIM, DMARC, ARC or SMTP login; the reply names SPF, DKIM, DMARC or failed authentication (\"SPF\"). Fix the SPF record, DKIM signing or DMARC alignment of the sending domain."],
  ["4.7.1", "slow down", "rate limited (soft)", "**Bounce reason:** rate limited, soft: temporary, a later attempt may succeed", "", "The receiving side limits how much or how fast it accepts; the reply speaks of rate or volume limits (\"slow down\"). Send more slowly and try again later."],
  ["5.0.0", "Message too big", "message too large (hard)", "**Bounce reason:** message too large, hard: permanent, resending unchanged fails again", "", "The message exceeds a size limit; the reply speaks of the message size (\"too big\"). Send a smaller message (link large attachments instead)."],
  ["5.4.7", "", "expired (hard)", "**Bounce reason:** expired, hard: permanent, resending unchanged fails again", "", "The sending server gave up after retrying for its whole queue lifetime; X.4.7: delivery time expired. Look at the last temporary error before it expired; send again once it is fixed."],
  ["4.4.1", "", "routing or network (soft)", "**Bounce reason:** routing or network, soft: temporary, a later attempt may succeed", "", "The receiving server could not be reached or routed to; X.4.*: network or routing status. Check DNS (MX) and connectivity of the destination; it often clears by itself."],
  ["5.7.1", "Relay access denied", "policy (hard)", "**Bounce reason:** policy, hard: permanent, resending unchanged fails again", "", "A local policy of the receiving server refused the message (relaying, sender, security rules); the reply names a policy, relaying or access rule (\"Relay access denied\"). Read the reply text; the receiving postmaster can say which rule refused it."],
  ["4.3.0", "internal error", "system error (soft)", "**Bounce reason:** system error, soft: temporary, a later attempt may succeed", "", "The receiving system failed or misbehaved (disk, configuration, protocol); the reply speaks of an error of the receiving system (\"internal error\"). Nothing to change on the sending side: retry later or tell the receiving postmaster."],
  ["5.0.0", "Try again later", "other (hard)", "**Bounce reason:** other, hard: permanent, resending unchanged fails again", "", "The code and text do not say enough to tell; the code and the reply text say no more. Read the reply text."],
];

describe('the reason of a bounce', () => {
  test('with a vague code, the words of the reply decide, the first rule that matches winning', () => {
    for (const [text, reason, matched] of REPLIES) {
      const classification = classifyBounce(5, 0, 0, text)!;
      assert.deepEqual([classification.reason, classification.matched ?? ''], [reason, matched], text);
    }
  });

  test('a code that says it by itself gives its reason, hard as 5.X.X unless it clears by itself, soft as 4.X.X', () => {
    const found = CODES.map((row) => {
      const [subject, detail] = row.slice(2, row.indexOf(' ')).split('.').map(Number);
      const permanent = classifyBounce(5, subject, detail)!;
      const transient = classifyBounce(4, subject, detail)!;
      return `5.${subject}.${detail} ${permanent.reason} ${permanent.hard ? 'hard' : 'soft'} / 4.${subject}.${detail} ${transient.hard ? 'hard' : 'soft'}: ${permanent.why}`;
    });
    assert.deepEqual(found, CODES);
  });

  test('the reply is read for the vague codes and the unregistered ones only', () => {
    const vague = ['0.0', '1.0', '2.0', '3.0', '4.0', '4.4', '5.0', '6.0', '7.0', '7.1', '1.10', '7.606', '1.99'];
    for (const code of vague) {
      const [subject, detail] = code.split('.').map(Number);
      assert.equal(readsReplyText(subject, detail), true, code);
      assert.equal(classifyBounce(5, subject, detail, 'Recipient address rejected: User unknown')?.reason, 'user-unknown', code);
    }
    for (const code of ['1.1', '1.2', '2.2', '4.7', '5.3', '7.2', '7.25', '7.26', '6.3']) {
      const [subject, detail] = code.split('.').map(Number);
      assert.equal(readsReplyText(subject, detail), false, code);
      assert.equal(classifyBounce(5, subject, detail, 'Recipient address rejected: User unknown')?.matched, undefined, code);
    }
    assert.equal(classifyBounce(3, 0, 0, 'User unknown'), undefined, 'no reason for a code of no failure class');
    assert.equal(classifyBounce(2, 1, 1), undefined);
  });

  test('the hover section and the inlay label say the reason, hard or soft, why and what to do', () => {
    for (const [code, text, label, ...lines] of HOVER_SECTIONS) {
      const [statusClass, subject, detail] = code.split('.').map(Number);
      const classification = classifyBounce(statusClass, subject, detail, text)!;
      assert.equal(reasonLabel(classification), label, `${code} ${text}`);
      assert.equal(reasonMarkdown(classification), lines.join('\n'), `${code} ${text}`);
    }
  });
});

describe('the reply a code came with, in a returned message', () => {
  const service = createLanguageService();
  const document = TextDocument.create('file:///home/alice/Mail/returned.eml', 'plaintext', 1, fixture('bounces/postfix-wrapped-replies.eml'));
  const lines = document.getText().split('\n');
  /** The hover's bounce reason section for the code on `line`. */
  const reasonOn = (line: number) => {
    const code = /(?<=[ :])[245]\.\d\.\d\b/.exec(lines[line])!;
    const value = (service.doHover(document, { line, character: code.index + 1 })?.contents as { value: string } | undefined)?.value ?? '';
    return value.slice(value.indexOf('**Bounce reason:**'));
  };

  test('the reply is read on the code\'s line and up to three indented lines after it; a DSN Status reads the Diagnostic-Code of its recipient', () => {
    // ann: wrapped onto indented lines; bo: the telling words on the fourth line; cy: a line that is not indented;
    // spam@: the address is not the reason; di: a tab-indented line; ed: a Diagnostic-Code of another class is read as text;
    // flo: a vague Status takes the reply's code of its class; gus: a Status without Diagnostic-Code reads its own line.
    assert.deepEqual(lines.map((_, line) => line).filter((line) => /(?<=[ :])[245]\.\d\.\d\b/.test(lines[line])).map((line) => `${line} ${reasonOn(line)}`), [
      "10 **Bounce reason:** blocked, hard: permanent, resending unchanged fails again\n\nThe sending IP address or domain is refused for its reputation or a block list; the reply names a block list, the reputation or the sending IP (\"Client host [203.0.113.25] blocked\"). Look the sending IP and domain up on the block list named in the reply and ask for delisting.",
      "14 **Bounce reason:** policy, hard: permanent, resending unchanged fails again\n\nA local policy of the receiving server refused the message (relaying, sender, security rules); X.7.*: security or policy status. Read the reply text; the receiving postmaster can say which rule refused it.",
      "20 **Bounce reason:** policy, hard: permanent, resending unchanged fails again\n\nA local policy of the receiving server refused the message (relaying, sender, security rules); X.7.*: security or policy status. Read the reply text; the receiving postmaster can say which rule refused it.",
      "23 **Bounce reason:** policy, hard: permanent, resending unchanged fails again\n\nA local policy of the receiving server refused the message (relaying, sender, security rules); the reply names a policy, relaying or access rule (\"Access denied\"). Read the reply text; the receiving postmaster can say which rule refused it.",
      "26 **Bounce reason:** user unknown, hard: permanent, resending unchanged fails again\n\nThe recipient address does not exist; the reply says the recipient does not exist (\"mailbox unavailable\"). Check the address for typos; stop mailing it if it is right.",
      "33 **Bounce reason:** mailbox full, soft: temporary, a later attempt may succeed\n\nThe recipient's mailbox or quota is full; the reply speaks of a full mailbox or quota (\"Mailbox full\"). Send again later; the recipient has to make room.",
      "34 **Bounce reason:** mailbox full, soft: temporary, a later attempt may succeed\n\nThe recipient's mailbox or quota is full; X.2.2: mailbox full. Send again later; the recipient has to make room.",
      "39 **Bounce reason:** user unknown, hard: permanent, resending unchanged fails again\n\nThe recipient address does not exist; X.1.1 / X.1.3 / X.1.4: the destination mailbox address is bad or ambiguous. Check the address for typos; stop mailing it if it is right.",
      "40 **Bounce reason:** user unknown, hard: permanent, resending unchanged fails again\n\nThe recipient address does not exist; X.1.1 / X.1.3 / X.1.4: the destination mailbox address is bad or ambiguous. Check the address for typos; stop mailing it if it is right.",
      "45 **Bounce reason:** user unknown, hard: permanent, resending unchanged fails again\n\nThe recipient address does not exist; the reply says the recipient does not exist (\"mailbox unavailable\"). Check the address for typos; stop mailing it if it is right.",
    ]);
  });

  test('the summary by reason counts each failure once, hard or soft', () => {
    const reasons = service.summarize(document, undefined, true).reasons!;
    assert.deepEqual(reasons.map((reason) => [reason.label, reason.count, reason.hard, reason.soft, reason.codes.map((code) => code.code)]), [["user unknown",4,4,0,["5.0.0","5.1.1"]],["policy",3,3,0,["5.7.1"]],["mailbox full",2,0,2,["4.2.2","5.0.0"]],["blocked",1,1,0,["5.7.1"]]]);
  });
});

describe('a Status without a Diagnostic-Code, in a returned message', () => {
  test('reads the report of its recipient in the part before the delivery status (CommuniGate Pro), else its own line', () => {
    const service = createLanguageService();
    const document = TextDocument.create('file:///home/alice/Mail/communigate-ndr.eml', 'plaintext', 1, fixture('bounces/communigate-ndr.eml'));
    const lines = document.getText().split('\n');
    const statusLines = lines.map((_, line) => line).filter((line) => lines[line].startsWith('Status:'));
    const reasons = statusLines.map((line) => {
      const value = (service.doHover(document, { line, character: 9 })?.contents as { value: string } | undefined)?.value ?? '';
      return `${line} ${/\*\*Bounce reason:\*\* ([^,]+)/.exec(value)?.[1]} ${/\("([^"]+)"\)/.exec(value.slice(value.indexOf('**Bounce reason:**')))?.[1] ?? ''}`;
    });
    // ann: named on the reply line itself; bo: named by the line that opens the report (its Final-Recipient has no domain,
    // its Original-Recipient has); cy: no report names it.
    assert.deepEqual(reasons, ['34 user unknown unknown user', '39 mailbox full quota exceeded', '43 other ']);
  });
});

describe('a Status without a Diagnostic-Code, among many recipients', () => {
  test('each reads the report that names its own address, whole, however far above the delivery status it stands', () => {
    const people = Array.from({ length: 20 }, (_, i) => `user${i}@example.net`);
    // `ann@` is inside `joann@`: each must find its own report, not the other's, nor the other's fields.
    const recipients = ['joann@example.net', 'ann@example.net', ...people];
    const reports = recipients.map((address, i) => `Failed to deliver to '<${address}>'\nSMTP module(domain example.net) reports:\n host mx.example.net says:\n ${i === 0 ? '552 Mailbox full' : '550 unknown user account'}\n`);
    const groups = recipients.map((address) => `Final-Recipient: rfc822;<${address}>\nAction: failed\nStatus: 5.0.0\n`);
    const text = ['From: MAILER-DAEMON@mail.example.net', 'Content-Type: multipart/report; report-type="delivery-status"; boundary="b1"', '', '--b1', 'Content-Type: text/plain', '',
      reports.join('\n'), '--b1', 'Content-Type: message/delivery-status', '', 'Reporting-MTA: dns; mail.example.net', '', groups.join('\n'), '--b1--', ''].join('\n');
    const service = createLanguageService();
    const reasons = service.summarize(TextDocument.create('file:///home/alice/Mail/many.eml', 'plaintext', 1, text), undefined, true).reasons!;
    assert.deepEqual(reasons.map((reason) => [reason.label, reason.count]), [['user unknown', 21], ['mailbox full', 1]]);
  });
});

describe('a reply code quoted without an enhanced code', () => {
  const service = createLanguageService();
  const reasonOf = (uri: string, languageId: string, text: string, line: number, character: number) => {
    const value = (service.doHover(TextDocument.create(uri, languageId, 1, text), { line, character })?.contents as { value: string } | undefined)?.value ?? '';
    return [/^\*\*(\d{3})\*\*/.exec(value)?.[1], /\*\*Bounce reason:\*\* ([^\n]+)/.exec(value)?.[1]];
  };

  test('in a bounce or a log, hovers with the reason its text gives, read over the lines that continue it', () => {
    const bounce = 'From: postmaster@mail.example.net\nSubject: Delivery Status Notification (Failure)\n\nThe following recipient(s) could not be reached:\n\n      ann@example.net on 29/11/2026 21:04\n            The e-mail account does not exist at the organization this message was sent to.\n            <mx.example.net #5.1.1>\n\n      bo@example.net on 29/11/2026 21:04\n  host mx.example.net said: 550 Requested action\n    not taken: mailbox unavailable\n';
    assert.deepEqual(reasonOf('file:///home/alice/Mail/ndr.eml', 'plaintext', bounce, 10, 28), ['550', 'user unknown, hard: permanent, resending unchanged fails again']);
    const value = (service.doHover(TextDocument.create('file:///home/alice/Mail/ndr.eml', 'plaintext', 1, bounce), { line: 10, character: 28 })?.contents as { value: string }).value;
    assert.ok(value.indexOf('**Bounce reason:**') < value.indexOf('Registered enhanced codes for 550'), 'the reason comes before the long list of codes');
    const exim = '2026-11-30 10:00:01 1tGqXa-0004Ab-1F ** cy@example.org R=dnslookup T=remote_smtp H=mx.example.org [192.0.2.7]: SMTP error from remote mail server after RCPT TO:<cy@example.org>: 452 Mailbox full\n';
    assert.deepEqual(reasonOf('file:///var/log/exim4/mainlog', 'log', exim, 0, exim.indexOf('452') + 1), ['452', 'mailbox full, soft: temporary, a later attempt may succeed']);
  });

  test('where the reply goes on with an enhanced code of its class on the next line, that code decides', () => {
    const bounce = 'From: MAILER-DAEMON@mail.shop.example\nSubject: Undelivered Mail Returned to Sender\n\n<ann@gmail.example>: host gmail-smtp-in.l.google.example[192.0.2.27] said: 550\n    5.2.1 The email account that you tried to reach is inactive. (in reply to RCPT TO\n    command)\n';
    assert.deepEqual(reasonOf('file:///home/alice/Mail/inactive.eml', 'plaintext', bounce, 3, 76), ['550', 'mailbox disabled, hard: permanent, resending unchanged fails again']);
  });

  test('nowhere else: a success, or a reply written in configuration, is described without a reason', () => {
    const log = '2026-11-30 10:00:02 1tGqXb-0004Ac-2G => dee@example.org R=dnslookup T=remote_smtp H=mx.example.org [192.0.2.7] C="250 OK id=1tGqXc-0007Zz-3H"\n';
    assert.deepEqual(reasonOf('file:///var/log/exim4/mainlog', 'log', log, 0, log.indexOf('250') + 1), ['250', undefined]);
    const access = 'spammer.example    550 Mailbox unavailable\n';
    assert.deepEqual(reasonOf('file:///etc/postfix/sender_access', 'plaintext', access, 0, 20), ['550', undefined]);
  });
});

describe('a provider that redefines a code gives the reason where it is named', () => {
  test('Exchange Online\'s 5.2.2 is its sender\'s quota, counted as rate limited; the same code from another server is a full mailbox', () => {
    const log = [
      'Nov 30 10:00:01 mx postfix/smtp[123]: 4F2A31C0E2: to=<a@contoso.com>, relay=contoso-com.mail.protection.outlook.com[52.101.1.1]:25, delay=1, delays=0/0/0/1, dsn=5.2.2, status=bounced (host contoso-com.mail.protection.outlook.com[52.101.1.1] said: 550 5.2.2 Submission quota exceeded (in reply to MAIL FROM command))',
      'Nov 30 10:00:02 mx postfix/smtp[124]: 4F2A31C0E3: to=<b@example.org>, relay=mx.example.org[192.0.2.1]:25, delay=1, delays=0/0/0/1, dsn=5.2.2, status=bounced (host mx.example.org[192.0.2.1] said: 552 5.2.2 Mailbox full (in reply to RCPT TO command))',
      '',
    ].join('\n');
    const service = createLanguageService();
    const reasons = service.summarize(TextDocument.create('file:///var/log/mail.log', 'log', 1, log), undefined, true).reasons!;
    assert.deepEqual(reasons.map((reason) => [reason.label, reason.count, reason.hard, reason.soft]), [['mailbox full', 2, 0, 2], ['rate limited', 2, 0, 2]]);
  });
  test('inlay hints give the reason hover gives: Exchange Online\'s submission quota, not a full mailbox', () => {
    const log = 'Nov 30 10:00:01 mx postfix/smtp[123]: 4F2A31C0E2: to=<a@contoso.com>, relay=contoso-com.mail.protection.outlook.com[52.101.1.1]:25, delay=1, delays=0/0/0/1, dsn=5.2.2, status=bounced (host contoso-com.mail.protection.outlook.com[52.101.1.1] said: 550 5.2.2 Submission quota exceeded (in reply to MAIL FROM command))\n';
    const service = createLanguageService();
    const document = TextDocument.create('file:///var/log/mail.log', 'log', 1, log);
    const hover = (service.doHover(document, { line: 0, character: log.indexOf('dsn=') + 5 })?.contents as { value: string }).value;
    assert.match(hover, /\*\*Bounce reason:\*\* rate limited, soft/);
    const label = 'Submission quota exceeded (Microsoft 365 / Exchange Online) · rate limited (soft)';
    assert.deepEqual(service.doInlayHints(document, { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }).map((hint) => hint.label), [label, label]);
  });

  test('a provider entry that marks its reply applies only where the reply says so: Zoho Mail\'s disabled mailbox is not ZeptoMail\'s missing subject', () => {
    const service = createLanguageService();
    const line = (reply: string) => `Nov 30 10:00:03 mx postfix/smtp[125]: 4F2A31C0E4: to=<c@zohomail.com>, relay=mx.zoho.com[204.141.33.44]:25, delay=1, delays=0/0/0/1, dsn=5.2.1, status=bounced (host mx.zoho.com[204.141.33.44] said: 550 5.2.1 ${reply} (in reply to RCPT TO command))\n`;
    const hoverOf = (text: string) => (service.doHover(TextDocument.create('file:///var/log/mail.log', 'log', 1, text), { line: 0, character: text.indexOf('dsn=') + 5 })?.contents as { value: string }).value;
    const disabled = hoverOf(line('Mailbox is disabled'));
    assert.ok(!disabled.includes('Subject is mandatory'), disabled);
    assert.match(disabled, /\*\*Bounce reason:\*\* mailbox disabled, hard/);
    const noSubject = hoverOf(line('Subject is mandatory'));
    assert.match(noSubject, /Subject is mandatory/);
    assert.match(noSubject, /\*\*Bounce reason:\*\* spam or content, hard/);
  });

  test('in a bounce, the sender\'s provider counts only where the code\'s paragraph names none; in a mailbox, never', () => {
    const service = createLanguageService();
    const providersIn = (uri: string, text: string, line: number) => {
      const value = (service.doHover(TextDocument.create(uri, 'plaintext', 1, text), { line, character: text.split('\n')[line].indexOf('5.7.1') + 1 })?.contents as { value: string }).value;
      return ['Google Workspace / Gmail', 'Yahoo / AOL', 'Microsoft 365 / Exchange Online'].filter((name) => value.includes(`**${name}**`));
    };
    // A Gmail user's bounce relays Yahoo's reply: Yahoo's meaning, not Gmail's.
    const gmail = 'From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>\nSubject: Delivery Status Notification (Failure)\n\nThe response from the remote server was:\n554 5.7.1 [BL21] Connections will not be accepted from 192.0.2.3, because the ip is in Spamhaus\'s list; see https://senders.yahooinc.com/error-codes (mta7.am0.yahoodns.net)\n';
    assert.deepEqual(providersIn('file:///home/alice/Mail/gmail.eml', gmail, 4), ['Yahoo / AOL']);
    // A paragraph that names no provider: the bounce's sender is the one that replied.
    const outlook = 'From: postmaster@outlook.com\nSubject: Undeliverable: Invoice\n\nRemote Server returned \'550 5.7.1 Service unavailable, Client host blocked\'\n';
    assert.deepEqual(providersIn('file:///home/alice/Mail/outlook.eml', outlook, 3), ['Microsoft 365 / Exchange Online']);
    const mailbox = `From MAILER-DAEMON Mon Nov 30 08:00:00 2026\n${outlook}\nFrom MAILER-DAEMON Mon Nov 30 09:00:00 2026\nFrom: MAILER-DAEMON@mail.shop.example\nSubject: Undelivered Mail\n\nRemote Server returned '550 5.7.1 Delivery not authorized'\n`;
    assert.deepEqual(providersIn('file:///home/alice/Mail/bounces.mbox', mailbox, 10), []);
  });

  test('in a bounce, a Status is read with its own recipient\'s Remote-MTA and reply, alike in hover, inlay hints and the summary', () => {
    const service = createLanguageService();
    const document = TextDocument.create('file:///home/alice/Mail/postfix-providers.eml', 'plaintext', 1, fixture('bounces/postfix-providers.eml'));
    const lines = document.getText().split('\n');
    const statusLines = lines.map((_, line) => line).filter((line) => lines[line].startsWith('Status:'));
    const hoverReason = (line: number) => /\*\*Bounce reason:\*\* ([^,]+)/.exec((service.doHover(document, { line, character: 9 })?.contents as { value: string }).value)?.[1];
    const inlayReason = (line: number) => String(service.doInlayHints(document, { start: { line, character: 0 }, end: { line, character: 20 } })[0].label).split(' · ')[1];
    // Yahoo's 5.7.9 is a policy rejection; Outlook.com's 5.2.2 that says mailbox full is one, not Exchange Online's
    // submission quota; a 5.7.9 from a server no provider runs means what the registry says, though the message names
    // Yahoo and Outlook.com elsewhere (its other recipients, the returned message's To:).
    const expected = ['policy (hard)', 'mailbox full (soft)', 'authentication (hard)'];
    assert.deepEqual(statusLines.map((line) => `${hoverReason(line)} / ${inlayReason(line)}`), expected.map((label) => `${label.replace(/ \(.*/, '')} / ${label}`));
    const hover = (service.doHover(document, { line: statusLines[1], character: 9 })?.contents as { value: string }).value;
    assert.ok(!hover.includes('Submission quota exceeded'), 'the entry for another use of 5.2.2 is not shown');
    const byReason = service.summarize(document, undefined, true).reasons!.map((reason) => [reason.label, reason.codes.map((code) => code.code).join(' ')]);
    assert.deepEqual(byReason.sort(), [['authentication', '5.7.9'], ['mailbox full', '5.2.2'], ['policy', '5.7.9']]);
  });
});
