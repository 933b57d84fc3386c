/**
 * Enhanced status codes that large mail providers document for their own servers, outside the IANA registry or
 * with a meaning of their own for a registered code. Data only; look-ups are in providerLookup.ts.
 *
 * Sources (each entry names its own page and the date it was read; meanings and advice are written here, not copied):
 * - Microsoft 365 / Exchange Online: "Email non-delivery reports and SMTP errors in Exchange Online" and its pages per
 *   code ("Fix NDR error 550 5.0.350", "5.7.124", "5.7.134", "5.7.13 or 5.7.135", "5.7.700 through 5.7.750" …, on
 *   learn.microsoft.com), "Fix NDR error 550 5.7.515 in Outlook.com" (support.microsoft.com).
 * - Google Workspace / Gmail: "Gmail SMTP errors and codes" (support.google.com/a/answer/3726730).
 * - Yahoo / AOL: "SMTP Error Codes" of the Yahoo Sender Hub (senders.yahooinc.com).
 * - Apple iCloud Mail: "iCloud Mail postmaster information" (support.apple.com).
 * - Zoho ZeptoMail: "SMTP Error Codes" (zoho.com/zeptomail).
 * Proofpoint and Mimecast document their rejections as reply codes and texts without enhanced codes of their own,
 * so they have no rows here.
 */
import type { BounceReason } from './bounceReasons';

export type ProviderId = 'microsoft' | 'google' | 'yahoo' | 'apple' | 'zoho';

export interface Provider {
  id: ProviderId;
  name: string;
  /** Host names (and other marks, such as Gmail's `gsmtp`) whose presence in a line or message names this provider. */
  marks: RegExp;
  /** The same, for people: shown in the README and hover. */
  markNames: string[];
}

/** How a provider's meaning of a registered code stands to the registry's. */
export type RegistryDifference = Redefinition | Narrowing;

/** The provider means something else than the registry. */
interface Redefinition extends DifferenceNote {
  kind: 'redefines';
  /** The bounce reason of the provider's meaning, which replaces the registry's where the provider's meaning applies. */
  reason: BounceReason;
}

/** The registry's sense, for one specific cause. */
interface Narrowing extends DifferenceNote {
  kind: 'narrows';
}

interface DifferenceNote {
  note: string;
  /**
   * Set where mail admins meet the code mostly from this provider and the registry's sense is rare in practice
   * (Gmail's 4.7.28, Microsoft's 5.4.1), so the provider's meaning shows even where the context names no provider.
   * Codes that many servers use in the registry's sense (4.7.1, 5.2.2) show a provider's meaning only in its context.
   */
  usualMeaning?: true;
}

export interface ProviderCode {
  provider: ProviderId;
  /** Exact codes (`5.7.26`) and ranges over the detail (`5.7.606-5.7.649`). */
  codes: string[];
  /** A few words, for places with little room. */
  title: string;
  meaning: string;
  /** What the sender (or the recipient's administrator, where only they can) can do. */
  action: string;
  /** The provider's documentation page (https). */
  source: string;
  /** When the source was read (YYYY-MM-DD). */
  read: string;
  /** Required where a code is in the IANA registry. */
  differsFromRegistry?: RegistryDifference;
  /**
   * Where the provider also sends the code with another meaning: the words of its reply that mark this one. Where a
   * reply is read (hover, inlay hints, the summary by reason) and lacks them, the entry does not explain the code.
   */
  replyMarks?: RegExp;
}

export const PROVIDERS: readonly Provider[] = [
  {
    id: 'microsoft',
    name: 'Microsoft 365 / Exchange Online',
    marks: /(?:^|[^\w-])(?:outlook|hotmail|office365|live|msn|microsoft)\.com\b/i,
    markNames: ['*.protection.outlook.com', 'outlook.com', 'hotmail.com', 'office365.com', 'live.com', 'msn.com', 'microsoft.com'],
  },
  {
    id: 'google',
    name: 'Google Workspace / Gmail',
    marks: /(?:^|[^\w-])(?:google|gmail|googlemail)\.com\b|\bgsmtp\b/i,
    markNames: ['google.com', 'gmail.com', 'googlemail.com', 'gsmtp'],
  },
  {
    id: 'yahoo',
    name: 'Yahoo / AOL',
    marks: /(?:^|[^\w-])(?:yahoodns\.net|yahoo\.com|yahooinc\.com|aol\.com)\b/i,
    markNames: ['yahoodns.net', 'yahoo.com', 'yahooinc.com', 'aol.com'],
  },
  {
    id: 'apple',
    name: 'Apple iCloud Mail',
    marks: /(?:^|[^\w-])(?:icloud|me|mac)\.com\b|\bsupport\.apple\.com\b/i,
    markNames: ['icloud.com', 'me.com', 'mac.com', 'support.apple.com'],
  },
  {
    id: 'zoho',
    name: 'Zoho (ZeptoMail)',
    marks: /(?:^|[^\w-])(?:zoho|zohomail|zeptomail)\.(?:com|eu|in|jp|com\.au|com\.cn)\b/i,
    markNames: ['zoho.com', 'zohomail.com', 'zeptomail.com'],
  },
];

const READ = '2026-11-30';
const MICROSOFT_NDR = 'https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/ndr/non-delivery-reports-in-exchange-online';
const MICROSOFT_700 = 'https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/ndr/fix-error-code-5-7-700-through-5-7-750';
const MICROSOFT_NDR_PAGE = (slug: string) => `https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/ndr/${slug}`;
const MICROSOFT_350 = MICROSOFT_NDR_PAGE('fix-error-code-550-5-0-350-in-exchange-online');
const MICROSOFT_124 = MICROSOFT_NDR_PAGE('fix-error-code-5-7-124-in-exchange-online');
const MICROSOFT_134 = MICROSOFT_NDR_PAGE('fix-error-code-5-7-134-in-exchange-online');
const MICROSOFT_135 = MICROSOFT_NDR_PAGE('fix-error-code-5-7-13-or-5-7-135-in-exchange-online');
const MICROSOFT_64 = 'https://learn.microsoft.com/en-us/exchange/troubleshoot/email-delivery/ndr/relay-access-denied-smtp';
const MICROSOFT_233 = 'https://learn.microsoft.com/en-us/answers/questions/5835651/email-cant-be-sent-because-tenant-has-exceeded-its';
const MICROSOFT_515 = 'https://support.microsoft.com/en-au/topic/fix-ndr-error-550-5-7-515-in-outlook-com-34cfe8f8-6fbf-457e-9e8b-9e4dbaf4e0ef';
const GMAIL = 'https://support.google.com/a/answer/3726730';
const YAHOO = 'https://senders.yahooinc.com/smtp-error-codes/';
const ICLOUD = 'https://support.apple.com/en-us/HT204137';
const ZEPTOMAIL = 'https://www.zoho.com/zeptomail/help/api/smtp-error-codes.html';

const microsoft = (entry: Omit<ProviderCode, 'provider' | 'read' | 'source'> & { source?: string }): ProviderCode =>
  ({ provider: 'microsoft', source: MICROSOFT_NDR, read: READ, ...entry });
const google = (entry: Omit<ProviderCode, 'provider' | 'read' | 'source'>): ProviderCode => ({ provider: 'google', source: GMAIL, read: READ, ...entry });
const yahoo = (entry: Omit<ProviderCode, 'provider' | 'read' | 'source'>): ProviderCode => ({ provider: 'yahoo', source: YAHOO, read: READ, ...entry });
const apple = (entry: Omit<ProviderCode, 'provider' | 'read' | 'source'>): ProviderCode => ({ provider: 'apple', source: ICLOUD, read: READ, ...entry });
const zoho = (entry: Omit<ProviderCode, 'provider' | 'read' | 'source'>): ProviderCode => ({ provider: 'zoho', source: ZEPTOMAIL, read: READ, ...entry });

export const PROVIDER_CODES: readonly ProviderCode[] = [
  // Microsoft 365 / Exchange Online
  microsoft({
    codes: ['4.3.2'],
    title: 'Recipient mailbox throttled',
    meaning: 'The recipient mailbox is taking in too many messages at once, so Exchange Online slows its delivery down to protect the other mailboxes on the same database (STOREDRV.Deliver; recipient thread limit exceeded).',
    action: 'Nothing to change: the message stays queued and is retried. If it persists, the recipient is being flooded; their administrator can look at what is sending to them.',
    differsFromRegistry: { kind: 'narrows', note: 'The registry means a whole system that takes no network mail; Microsoft means one recipient mailbox throttled for a while.' },
  }),
  microsoft({
    codes: ['4.4.7'],
    title: 'Message expired in the queue',
    meaning: 'The message stayed in the queue past its expiry time without being delivered: the receiving server did not accept it in time, a header limit was hit there, or the connection timed out.',
    action: 'Check the recipient address and that the receiving domain\'s servers accept mail; with many recipients, send to fewer at a time. Sent again, the message is queued again.',
    differsFromRegistry: { kind: 'narrows', note: 'Same sense as the registry\'s "Delivery time expired"; Microsoft adds header limits and protocol time-outs at the remote server as causes.' },
  }),
  microsoft({
    codes: ['4.4.316'],
    title: 'Connection refused by the remote server',
    meaning: 'Exchange Online could not connect to a mail server outside Microsoft 365: the connection was refused (socket error 10061). The fault is almost always at the receiving side.',
    action: 'The administrator of the receiving domain must fix their server or network; the error names the IP address that refused. Exchange Online keeps retrying until the message expires, and then returns it in a non-delivery report.',
  }),
  microsoft({
    codes: ['4.7.26'],
    title: 'IPv6 mail must pass SPF or DKIM',
    meaning: 'A message sent to Microsoft 365 over IPv6 failed both SPF and DKIM; mail over IPv6 must pass at least one of them.',
    action: 'Publish an SPF record that includes the sending IPv6 address, or sign the mail with DKIM, for the sending domain.',
    differsFromRegistry: { kind: 'narrows', note: 'The registry means a message that failed several authentication checks; Microsoft uses it for IPv6 connections where neither SPF nor DKIM passed.' },
  }),
  microsoft({
    codes: ['4.7.500-4.7.699'],
    title: 'Access denied, try again later (throttling)',
    meaning: 'Exchange Online Protection is temporarily refusing mail from the sending IP, typically because its sending pattern changed or grew suddenly (IP throttling, a form of greylisting); Outlook.com answers in this range when an IP\'s reputation is being rate limited.',
    action: 'Let the sending server retry; ramp up volume gradually over days so that the IP builds a sending history. Relays through Microsoft 365 should use a properly configured connector.',
  }),
  microsoft({
    codes: ['4.7.850-4.7.899'],
    title: 'Access denied, try again later (suspicious IP)',
    meaning: 'Microsoft 365 saw suspicious activity from the sending IP address and holds its mail back for a while, until it has looked at the traffic more closely.',
    action: 'Let the sending server retry: if the mail is legitimate, the restriction is lifted soon. Check that nothing else sends unwanted mail from the same IP.',
  }),
  microsoft({
    codes: ['5.0.350'],
    title: 'Generic error from the recipient\'s side',
    meaning: 'A catch-all code that Exchange Online puts around errors of many kinds, most of them returned by the recipient\'s mail system. Two texts have a known cause: "x-dg-ref header is too long" (a Rich Text message from Outlook that carries an attached message which itself has attachments) and "policy violation detected (AS345)" (an attachment with 20 or more embedded files).',
    action: 'For x-dg-ref, send the message in HTML instead of Rich Text; for AS345, take some of the embedded files out of the attachment. Otherwise read the original error in the diagnostic part of the report: the fault is usually in the recipient\'s system.',
    source: MICROSOFT_350,
  }),
  microsoft({
    codes: ['5.1.0'],
    title: 'Sender denied',
    meaning: 'The recipient\'s organisation refuses the sender: the sender or their domain is blocked, or the address in MAIL FROM is not accepted.',
    action: 'Check the sender address for mistakes; otherwise the recipient\'s administrator must remove the block.',
    differsFromRegistry: { kind: 'narrows', note: 'The registry\'s "Other address status" says only that an address is wrong; Microsoft means the sender is refused.' },
  }),
  microsoft({
    codes: ['5.1.1'],
    title: 'Recipient address does not exist',
    meaning: 'The recipient address is not found at the destination: a typing mistake, a mailbox that was removed, or a stale entry in the sender\'s autocomplete list.',
    action: 'Check the address, clear the entry from the autocomplete list, and send again; if the address is right, the recipient\'s administrator must check the mailbox or its forwarding.',
    differsFromRegistry: { kind: 'narrows', note: 'Same sense as the registry\'s "Bad destination mailbox address"; Microsoft names stale autocomplete entries and moved mailboxes as common causes.' },
  }),
  microsoft({
    codes: ['5.1.8'],
    title: 'Sender blocked for sending spam',
    meaning: 'The sending account was blocked by Microsoft 365 because it sent spam or exceeded sending limits (bad outbound sender); it is listed as a restricted entity.',
    action: 'Treat the account as compromised: reset its password and check for rules that forward mail, then an administrator removes it from the restricted entities in the Microsoft Defender portal.',
    differsFromRegistry: { kind: 'redefines', note: 'The registry means the sender\'s system address (its domain) is bad; Microsoft means the sending account is blocked for outbound spam.', reason: 'blocked' },
  }),
  microsoft({
    codes: ['5.1.10'],
    title: 'Recipient not found',
    meaning: 'The recipient address does not exist in the destination organisation (RESOLVER.ADR.RecipientNotFound).',
    action: 'Check the address and send again; if it is right, the recipient\'s administrator must check that the mailbox or contact exists.',
    differsFromRegistry: { kind: 'redefines', note: 'The registry means the recipient\'s domain publishes a null MX (RFC 7505) and takes no mail; Microsoft means the recipient is unknown.', usualMeaning: true, reason: 'user-unknown' },
  }),
  microsoft({
    codes: ['5.1.90'],
    title: 'Daily recipient limit reached',
    meaning: 'The sender reached the number of recipients a mailbox may send to in a day (the recipient rate limit of Exchange Online).',
    action: 'Wait until the 24-hour window passes. An account that suddenly sends this much may be compromised: check it; bulk mail belongs with a service made for it.',
  }),
  microsoft({
    codes: ['5.2.2'],
    title: 'Submission quota exceeded',
    meaning: 'The sender exceeded the recipient rate limit or the message rate limit of Exchange Online.',
    action: 'Send less at a time and wait for the limit to reset; check that the account is not compromised.',
    differsFromRegistry: { kind: 'redefines', note: 'The registry means the recipient\'s mailbox is full; Exchange Online uses it for the sender exceeding its sending quota.', reason: 'rate-limited' },
    // Exchange's mailbox stores answer a full mailbox with 5.2.2 as the registry means it (`554 5.2.2 mailbox full;
    // STOREDRV.Deliver.Exception:QuotaExceededException`): only a reply about the submission quota is this entry.
    replyMarks: /submission ?quota/i,
  }),
  microsoft({
    codes: ['5.2.121'],
    title: 'Recipient\'s hourly limit for this sender',
    meaning: 'The recipient received more messages from this one sender in the past hour than Exchange Online allows (a third of the mailbox\'s hourly receive limit); other senders still get through.',
    action: 'Send less often to that recipient; messages sent after the hour passes are accepted.',
  }),
  microsoft({
    codes: ['5.2.122'],
    title: 'Recipient\'s hourly receive limit',
    meaning: 'The recipient received more messages in the past hour than Exchange Online allows a mailbox (3,600 an hour), from all senders together.',
    action: 'Send again later; the recipient may be receiving a flood of mail their administrator should look at.',
  }),
  microsoft({
    codes: ['5.3.190'],
    title: 'Journaling to Microsoft 365 not supported',
    meaning: 'A journal rule on an on-premises server sends journal reports to Microsoft 365, which the organisation does not accept while its Journaling Archive is turned off.',
    action: 'Change the on-premises journal rule to deliver elsewhere, or have Journaling Archive turned on for the organisation.',
  }),
  microsoft({
    codes: ['5.4.1'],
    title: 'Recipient address rejected: access denied',
    meaning: 'Exchange Online refused the recipient: the address is not in the destination organisation\'s directory (directory-based edge blocking), or the domain is not accepted so relaying is denied.',
    action: 'Check the recipient address; the recipient\'s administrator must check that the address exists and that the domain is an accepted domain with correct mail routing.',
    differsFromRegistry: { kind: 'redefines', note: 'The registry means the destination host did not answer; Microsoft means the recipient was rejected (unknown in the directory, or relaying denied).', usualMeaning: true, reason: 'user-unknown' },
  }),
  microsoft({
    codes: ['5.4.6'],
    title: 'Routing loop detected',
    meaning: 'The message went round in a loop between servers: mail routing or forwarding for the domain is misconfigured, often between Microsoft 365 and an on-premises server.',
    action: 'The recipient\'s administrator must fix the connectors, MX records or forwarding that send the message back and forth.',
    differsFromRegistry: { kind: 'narrows', note: 'Same sense as the registry\'s "Routing loop detected"; Microsoft points at hybrid connectors and accepted-domain settings.' },
  }),
  microsoft({
    codes: ['5.4.14'],
    title: 'Hop count exceeded (mail loop)',
    meaning: 'The message passed through too many servers, a sign of a mail loop in the routing of the recipient\'s domain.',
    action: 'The recipient\'s administrator must fix the routing, connectors or forwarding that loop.',
  }),
  microsoft({
    codes: ['5.4.300'],
    title: 'Message expired',
    meaning: 'Delivery took too long and the message expired: the receiving server never answered, or the message caused a non-delivery report that could not be returned to its sender.',
    action: 'Check that the recipient\'s domain and its servers are reachable (and, for a report that came back, that the sender address takes mail); send again once they are.',
  }),
  microsoft({
    codes: ['5.4.312'],
    title: 'Message expired, DNS query failed',
    meaning: 'Delivery failed until the message expired because the DNS look-up of the recipient\'s domain kept failing.',
    action: 'The recipient\'s domain owner must fix its DNS servers or MX records.',
  }),
  microsoft({
    codes: ['5.6.11'],
    title: 'Bare line feeds in the message',
    meaning: 'The message holds bare line feeds (LF without CR), which Exchange Online cannot pass with the DATA command to a receiving server that does not support BDAT (CHUNKING); it no longer strips them itself.',
    action: 'Fix the sending application to end every line with CRLF; the receiving server can also avoid the problem by supporting CHUNKING and BDAT.',
  }),
  microsoft({
    codes: ['5.7.1'],
    title: 'Delivery not authorised',
    meaning: 'The sender may not send to this recipient: a restricted group or mailbox, a mail flow rule, a relay that is not permitted, or an unauthenticated client where authentication is required.',
    action: 'Read the text after the code: ask the recipient\'s administrator to allow the sender; for relaying, configure a connector or authenticate.',
    differsFromRegistry: { kind: 'narrows', note: 'The registry\'s "Delivery not authorized, message refused"; Microsoft uses it for group and mailbox delivery restrictions, relaying and unauthenticated clients.' },
  }),
  microsoft({
    codes: ['5.7.12'],
    title: 'Sender not authenticated by the organisation',
    meaning: 'The recipient (often a group) accepts mail only from authenticated senders inside the organisation, and this sender is external.',
    action: 'The recipient\'s administrator can allow external senders for that group or mailbox.',
    differsFromRegistry: { kind: 'redefines', note: 'The registry means the user must change their password (RFC 4954); Microsoft means an external sender was refused by a recipient that takes only internal mail.', usualMeaning: true, reason: 'policy' },
  }),
  microsoft({
    codes: ['5.7.23'],
    title: 'SPF violation',
    meaning: 'The recipient\'s organisation rejected the message because it failed the sender domain\'s SPF check.',
    action: 'The sender\'s domain owner must add the sending server to the SPF record.',
    differsFromRegistry: { kind: 'narrows', note: 'Same sense as the registry\'s "SPF validation failed".' },
  }),
  microsoft({
    codes: ['5.7.25'],
    title: 'IPv6 sender without reverse DNS',
    meaning: 'The message came from an IPv6 address that has no reverse DNS (PTR) record, which Microsoft 365 requires of mail over IPv6.',
    action: 'Ask whoever controls the IPv6 address to publish a PTR record for it, or send over IPv4.',
    differsFromRegistry: { kind: 'narrows', note: 'Same sense as the registry\'s "Reverse DNS validation failed"; Microsoft applies it to senders over IPv6.' },
  }),
  microsoft({
    codes: ['5.7.57'],
    title: 'Client not authenticated to send',
    meaning: 'A device or application tried to send through smtp.office365.com without authenticating (anonymous mail during MAIL FROM).',
    action: 'Configure the client to authenticate (SMTP AUTH with a mailbox, or OAuth) or relay through a connector.',
  }),
  microsoft({
    codes: ['5.7.64'],
    title: 'Relay access denied (tenant attribution)',
    meaning: 'Mail relayed out through Microsoft 365 could not be matched to an inbound connector of the tenant: the on-premises server\'s certificate or IP address no longer matches what the connector expects (a renewed certificate, a new IP).',
    action: 'Rerun the Hybrid Configuration Wizard, or update the inbound connector\'s certificate name or IP addresses to match the relaying server.',
    source: MICROSOFT_64,
  }),
  microsoft({
    codes: ['5.7.124'],
    title: 'Sender not in the allowed-senders list',
    meaning: 'The recipient is a group that accepts mail only from the senders on its list (directly or through a group they belong to), and this sender is not on it; depending on the group, even its owner may need to be listed.',
    action: 'Join the group if it allows that, or ask its owner to add the sender to the allowed senders; the owner or an administrator can also let everyone send to it.',
    source: MICROSOFT_124,
  }),
  microsoft({
    codes: ['5.7.133'],
    title: 'Sender not authenticated for the group',
    meaning: 'The recipient is a group (distribution list) that refuses mail from outside its organisation.',
    action: 'Only the group\'s owner or an administrator of the recipient\'s organisation can let external senders in.',
  }),
  microsoft({
    codes: ['5.7.134'],
    title: 'Sender not authenticated for the mailbox',
    meaning: 'The recipient mailbox is set to refuse mail from senders outside its organisation (or that are not authenticated).',
    action: 'Only an administrator of the recipient\'s organisation can fix it: stop requiring authenticated senders for the mailbox, or put this sender on its allowed-senders list.',
    source: MICROSOFT_134,
  }),
  microsoft({
    codes: ['5.7.135'],
    title: 'Sender not authenticated for the public folder',
    meaning: 'The recipient is a mail-enabled public folder set to refuse mail from senders outside its organisation.',
    action: 'Only an administrator of the recipient\'s organisation can fix it: accept all senders for the public folder, or put this sender on its allowed-senders list.',
    source: MICROSOFT_135,
  }),
  microsoft({
    codes: ['5.7.136'],
    title: 'Sender not authenticated for the mail user',
    meaning: 'The recipient is a mail user set to refuse mail from senders outside its organisation.',
    action: 'Only an administrator of the recipient\'s organisation can allow external senders for that mail user.',
  }),
  microsoft({
    codes: ['5.7.233'],
    title: 'Tenant external recipient limit reached',
    meaning: 'The sender\'s whole Microsoft 365 organisation reached its daily limit of external recipients (tenant external recipient rate limit), counted over a rolling 24 hours across all mailboxes and applications.',
    action: 'Wait for the 24-hour window to roll on; find what sent unusual volumes in the message trace; the limit grows with paid licences.',
    source: MICROSOFT_233,
  }),
  microsoft({
    codes: ['5.7.501'],
    title: 'Access denied, spam abuse detected',
    meaning: 'The sending account was blocked for sending spam.',
    action: 'Secure the account (it may be compromised), then an administrator releases it from the restricted entities.',
  }),
  microsoft({
    codes: ['5.7.506'],
    title: 'Access denied, bad HELO',
    meaning: 'The sending server introduced itself in HELO/EHLO with the name of the server it connects to (or another name that is not its own) instead of its own fully qualified domain name.',
    action: 'Configure the sending server to announce its own fully qualified host name.',
  }),
  microsoft({
    codes: ['5.7.508'],
    title: 'IPv6 range exceeded its limits',
    meaning: 'The IPv6 range of the sending address tried to send too many messages in too short a time.',
    action: 'Send more slowly from that range, spread over time; the text names the address and the range it counts against.',
  }),
  microsoft({
    codes: ['5.7.509'],
    title: 'Sending domain fails DMARC',
    meaning: 'The message failed DMARC for the domain in its From: header, and that domain\'s DMARC policy says to reject it.',
    action: 'The sending domain\'s owner must make SPF or DKIM pass in alignment with the From: domain for every service that sends as it.',
  }),
  microsoft({
    codes: ['5.7.510'],
    title: 'Recipient does not accept mail over IPv6',
    meaning: 'The message came over IPv6, but the recipient\'s domain does not take mail over IPv6.',
    action: 'Send to that domain over IPv4 (prefer IPv4 for it on the sending server); only the recipient can start accepting IPv6.',
  }),
  microsoft({
    codes: ['5.7.511'],
    title: 'Access denied, banned sender',
    meaning: 'Microsoft 365 has banned the IP address the mail comes from.',
    action: 'Stop what sent the unwanted mail, then ask Microsoft to delist the address by mail (delist@microsoft.com) with the full text of the report and the IP address.',
  }),
  microsoft({
    codes: ['5.7.512'],
    title: 'No valid From: address (RFC 5322 section 3.6.2)',
    meaning: 'The message came without a valid email address in its From: header, so Microsoft 365 refused it.',
    action: 'Fix the sending application so that From: holds a well-formed address, in angle brackets after any display name (Name <user@example.com>).',
  }),
  microsoft({
    codes: ['5.7.513'],
    title: 'Blocked by the recipient\'s block list',
    meaning: 'The recipient\'s organisation blocks the sending IP with its own connection filter (customer block list).',
    action: 'Ask the recipient\'s administrator to remove the IP from their block list.',
  }),
  microsoft({
    codes: ['5.7.515'],
    title: 'Sending domain fails the required authentication',
    meaning: 'Outlook.com (Hotmail, Live, MSN) refused mail from a high-volume sending domain (5,000 or more messages a day) that does not pass SPF, DKIM and DMARC as required.',
    action: 'For the From: domain, make SPF and DKIM pass and publish a DMARC record (p=none at least) aligned with one of them.',
    source: MICROSOFT_515,
  }),
  microsoft({
    codes: ['5.7.520'],
    title: 'External forwarding not allowed',
    meaning: 'The sender\'s organisation does not allow automatic forwarding to external addresses, and a forwarding rule tried it.',
    action: 'Remove the forwarding rule, or have the administrator allow external forwarding in the outbound spam policy.',
  }),
  microsoft({
    codes: ['5.7.606-5.7.649'],
    title: 'Access denied, banned sending IP',
    meaning: 'The sending IP address is on Microsoft\'s block list, so Microsoft 365 refuses mail from it.',
    action: 'Request delisting at https://sender.office.com and follow its steps; find and stop what made the IP send spam.',
  }),
  microsoft({
    codes: ['5.7.700-5.7.702', '5.7.704', '5.7.706-5.7.707', '5.7.709-5.7.749'],
    title: 'Access denied, tenant has exceeded threshold',
    meaning: 'The sender\'s Microsoft 365 organisation sent too much spam or bulk mail and its outbound mail is blocked.',
    action: 'The administrator must find the cause (a compromised account or server, a runaway application) and then ask Microsoft support to lift the block.',
    source: MICROSOFT_700,
  }),
  microsoft({
    codes: ['5.7.703'],
    title: 'Blocked by the Tenant Allow/Block List',
    meaning: 'The sender\'s own organisation blocks the recipient address or domain in its tenant allow/block list; every recipient of the message is refused with it.',
    action: 'Only an administrator of the sending organisation can change the tenant allow/block list.',
    source: MICROSOFT_700,
  }),
  microsoft({
    codes: ['5.7.705'],
    title: 'Tenant has exceeded threshold',
    meaning: 'The sending organisation sent too much spam or bulk mail (often through a compromised on-premises server or connector), or its subscription is being renewed, and outbound mail is blocked.',
    action: 'The administrator must fix the cause, then contact Microsoft support to remove the block.',
    source: MICROSOFT_700,
  }),
  microsoft({
    codes: ['5.7.708'],
    title: 'Traffic not accepted from this IP',
    meaning: 'Microsoft 365 refuses outbound traffic from the tenant\'s sending IP because of its low reputation, common for new or trial tenants.',
    action: 'The administrator must check for compromised accounts and contact Microsoft support; new tenants build reputation over time.',
    source: MICROSOFT_700,
  }),
  microsoft({
    codes: ['5.7.750'],
    title: 'Client blocked from sending from unregistered domains',
    meaning: 'The tenant sent a large volume of mail from domains that are not accepted (registered) domains of the organisation.',
    action: 'Add and verify the sending domains in Microsoft 365, or stop sending from them; then ask Microsoft support to lift the block.',
    source: MICROSOFT_700,
  }),

  // Google Workspace / Gmail
  google({
    codes: ['4.2.1'],
    title: 'Recipient receiving mail too fast',
    meaning: 'The Gmail user is receiving mail at a rate that Gmail holds back, or the sending customer exceeded the peak rate of the SMTP relay service.',
    action: 'Let the message be retried later; spread sending to that recipient over time.',
    differsFromRegistry: { kind: 'redefines', note: 'The registry means the mailbox is disabled and takes no mail; Gmail means a rate limit on the recipient (or the relay customer), temporary.', usualMeaning: true, reason: 'rate-limited' },
  }),
  google({
    codes: ['4.3.0'],
    title: 'Temporary system problem',
    meaning: 'Gmail had a temporary problem, or the relay refused a transaction with recipients in several domains at once.',
    action: 'Retry later; through the SMTP relay, send one destination domain per transaction.',
    differsFromRegistry: { kind: 'narrows', note: 'The registry\'s "Other or undefined mail system status"; Gmail also uses it for several destination domains in one relay transaction.' },
  }),
  google({
    codes: ['4.4.5'],
    title: 'Server busy',
    meaning: 'The Gmail server is busy.',
    action: 'Retry later.',
    differsFromRegistry: { kind: 'narrows', note: 'Same sense as the registry\'s "Mail system congestion".' },
  }),
  google({
    codes: ['4.5.0'],
    title: 'SMTP protocol violation',
    meaning: 'The client broke the SMTP protocol, for example by pipelining commands right after STARTTLS.',
    action: 'Fix the client or relay configuration so that it waits for each reply where it must.',
    differsFromRegistry: { kind: 'narrows', note: 'The registry\'s "Other or undefined protocol status"; Gmail names pipelining after STARTTLS.' },
  }),
  google({
    codes: ['4.7.0'],
    title: 'Temporary policy refusal',
    meaning: 'Gmail defers for a policy reason: the sending IP is not on the recipient domain\'s allow list, TLS is required for the recipient domain, the IP has a low reputation or sends unusual amounts of unsolicited mail, authentication had a temporary problem, or a suspected denial of service at HELO.',
    action: 'Read the text after the code: use TLS, check authentication, slow down and follow Google\'s sender guidelines; the allow list belongs to the recipient\'s administrator.',
    differsFromRegistry: { kind: 'narrows', note: 'The registry\'s "Other or undefined security status"; Gmail uses it for several temporary policy refusals.' },
  }),
  google({
    codes: ['4.7.25', '5.7.25'],
    title: 'No valid reverse DNS (PTR)',
    meaning: 'The sending IP has no PTR record, or the name in it does not resolve back to that IP.',
    action: 'Ask whoever controls the IP address to publish a PTR record whose name resolves to the same IP.',
    differsFromRegistry: { kind: 'narrows', note: 'Same sense as the registry\'s "Reverse DNS validation failed" (RFC 7372).' },
  }),
  google({
    codes: ['4.7.23'],
    title: 'Reverse DNS does not match the sending IP',
    meaning: 'The host name in the sending IP\'s PTR record does not resolve back to that IP, so Gmail defers the mail.',
    action: 'Ask whoever controls the IP address to make its PTR name resolve to the same IP (forward-confirmed reverse DNS).',
    differsFromRegistry: { kind: 'redefines', note: 'The registry (RFC 7372) means SPF validation failed; Gmail uses the transient 4.7.23 for a reverse DNS mismatch.', reason: 'blocked' },
  }),
  google({
    codes: ['4.7.24', '5.7.24'],
    title: 'Suspicious SPF record',
    meaning: 'The SPF record of the sending domain has entries Gmail finds suspicious: 4.7.24 rate-limits the mail, 5.7.24 blocks it.',
    action: 'Review the SPF record: remove over-broad mechanisms (large IP ranges, +all, includes of services you do not use).',
    differsFromRegistry: { kind: 'narrows', note: 'The registry (RFC 7372) means SPF evaluation ended in an error; Gmail means the SPF record itself looks suspicious.' },
  }),
  google({
    codes: ['4.7.26'],
    title: 'Rate limited: unauthenticated sender',
    meaning: 'Gmail slows down mail that passes neither SPF nor DKIM.',
    action: 'Set up SPF and DKIM for the sending domain.',
    differsFromRegistry: { kind: 'narrows', note: 'The registry means a message failed several authentication checks; Gmail means neither SPF nor DKIM passed, and defers it.' },
  }),
  google({
    codes: ['5.7.26'],
    title: 'Blocked: unauthenticated sender or DMARC',
    meaning: 'Gmail blocked the message because the sender is not authenticated: neither SPF nor DKIM passed, or the message failed DMARC and the From: domain\'s policy says to reject it.',
    action: 'Make SPF or DKIM pass, aligned with the From: domain, for every service that sends as the domain (mailing lists and forwarders included).',
    differsFromRegistry: { kind: 'narrows', note: 'The registry (RFC 7372) means a message that failed more than one authentication check; Gmail uses it for any sender with no passing SPF or DKIM, and for rejections by the From: domain\'s DMARC policy.' },
  }),
  google({
    codes: ['4.7.27', '5.7.27'],
    title: 'SPF did not pass',
    meaning: 'The message did not pass SPF, which Gmail requires of bulk senders: 4.7.27 rate-limits it, 5.7.27 blocks it.',
    action: 'Add every server that sends for the domain to its SPF record and check that the record is valid (at most 10 DNS look-ups).',
    differsFromRegistry: { kind: 'redefines', note: 'The registry (RFC 7505) means the sender\'s domain publishes a null MX; Gmail means SPF did not pass.', usualMeaning: true, reason: 'authentication' },
  }),
  google({
    codes: ['4.7.28'],
    title: 'Rate limited: unusual rate of unsolicited mail',
    meaning: 'Gmail saw an unusual rate of unsolicited mail from the sending IP, SPF domain, DKIM domain or a URL domain in the message, and temporarily limits it.',
    action: 'Back off and let the queue retry slowly; cut the mail recipients did not ask for, watch the spam rate in Postmaster Tools and follow the bulk sender guidelines.',
    differsFromRegistry: { kind: 'redefines', note: 'The registry (draft-levine-mailbomb-header) means the message looks like part of a flood of similar abusive messages; Gmail means the sender\'s reputation is being rate limited for unsolicited mail.', usualMeaning: true, reason: 'rate-limited' },
  }),
  google({
    codes: ['5.7.28'],
    title: 'Blocked: unusual rate of unsolicited mail',
    meaning: 'Gmail blocked mail from the sending IP or domain after an unusual rate of unsolicited mail.',
    action: 'Stop sending unwanted mail, fix authentication and list hygiene, and follow the bulk sender guidelines before sending again.',
    differsFromRegistry: { kind: 'redefines', note: 'The registry (draft-levine-mailbomb-header) means the message looks like part of a flood of similar abusive messages; Gmail means the sender is blocked for unsolicited mail.', usualMeaning: true, reason: 'blocked' },
  }),
  google({
    codes: ['4.7.29'],
    title: 'Rate limited: not sent over TLS',
    meaning: 'The message did not come over a TLS connection, which Gmail requires of bulk senders, so Gmail rate-limits it.',
    action: 'Enable STARTTLS on the sending server.',
    differsFromRegistry: { kind: 'redefines', note: 'The registry (RFC 8617) means ARC validation failed; Gmail means the connection had no TLS.', usualMeaning: true, reason: 'policy' },
  }),
  google({
    codes: ['4.7.30', '5.7.30'],
    title: 'DKIM did not pass',
    meaning: 'The message did not pass DKIM, which Gmail requires of bulk senders: 4.7.30 rate-limits it, 5.7.30 blocks it.',
    action: 'Sign outgoing mail with DKIM for the sending domain and publish the key in DNS.',
    differsFromRegistry: { kind: 'redefines', note: 'The registry (RFC 8689) means REQUIRETLS support is required; Gmail means DKIM did not pass.', usualMeaning: true, reason: 'authentication' },
  }),
  google({
    codes: ['4.7.32', '5.7.32'],
    title: 'From: not aligned with SPF or DKIM',
    meaning: 'The domain in the From: header matches neither the SPF domain nor the DKIM domain that passed (no DMARC alignment).',
    action: 'Send with a return path in the From: domain, or sign with DKIM for the From: domain.',
  }),
  google({
    codes: ['4.7.40', '5.7.40'],
    title: 'No DMARC record',
    meaning: 'The sending domain publishes no DMARC record (or one without a policy), which Gmail requires of bulk senders.',
    action: 'Publish a DMARC record for the domain; p=none is enough to begin.',
  }),
  google({
    codes: ['5.1.1'],
    title: 'Account does not exist',
    meaning: 'There is no Gmail or Google Workspace account with that address.',
    action: 'Check the address for mistakes; remove it from mailing lists.',
    differsFromRegistry: { kind: 'narrows', note: 'Same sense as the registry\'s "Bad destination mailbox address".' },
  }),
  google({
    codes: ['5.2.1'],
    title: 'Account disabled',
    meaning: 'The recipient\'s account is disabled.',
    action: 'Reach the recipient another way; stop sending to the address.',
    differsFromRegistry: { kind: 'narrows', note: 'Same sense as the registry\'s "Mailbox disabled, not accepting messages".' },
  }),
  google({
    codes: ['5.3.4'],
    title: 'Message or headers too large',
    meaning: 'The message is larger than Gmail accepts, or its headers exceed Gmail\'s header size limit.',
    action: 'Send large files as links; trim long header fields.',
    differsFromRegistry: { kind: 'narrows', note: 'The registry\'s "Message too big for system"; Gmail also applies it to the size of the headers.' },
  }),
  google({
    codes: ['5.4.5'],
    title: 'Daily sending quota exceeded',
    meaning: 'The account or the SMTP relay customer reached its daily sending limit.',
    action: 'Wait for the limit to reset; spread sending or move bulk mail to a service made for it.',
    differsFromRegistry: { kind: 'redefines', note: 'The registry means mail system congestion (temporary by nature); Gmail means a daily sending quota, permanent for this message.', usualMeaning: true, reason: 'rate-limited' },
  }),
  google({
    codes: ['5.7.1'],
    title: 'Message refused by policy',
    meaning: 'Gmail or the recipient\'s administrator refused the message: likely unsolicited mail, a blocked IP, no authentication, several addresses in From:, an administrator\'s rule (marked gcdp), a daily relay limit, or sign-in required for SMTP.',
    action: 'Read the text after the code; "gcdp" means a rule of the recipient\'s administrator, who alone can change it.',
    differsFromRegistry: { kind: 'narrows', note: 'The registry\'s "Delivery not authorized, message refused"; Gmail uses it for many policy refusals, named in the text.' },
  }),
  google({
    codes: ['5.7.8'],
    title: 'Username and password not accepted',
    meaning: 'The credentials given to Gmail\'s SMTP server were wrong.',
    action: 'Check the username and password, or use an app password or OAuth.',
    differsFromRegistry: { kind: 'narrows', note: 'Same sense as the registry\'s "Authentication credentials invalid".' },
  }),
  google({
    codes: ['5.7.9'],
    title: 'App password required',
    meaning: 'The account uses 2-step verification, so an ordinary password is not enough for SMTP.',
    action: 'Create an app password, or sign in with OAuth.',
    differsFromRegistry: { kind: 'narrows', note: 'The registry\'s "Authentication mechanism is too weak"; Gmail means the account needs an app password or OAuth.' },
  }),
  google({
    codes: ['5.7.14'],
    title: 'Sign in with a web browser first',
    meaning: 'Google wants the user to sign in through a web browser (for example to confirm a new device) before SMTP sign-in is allowed.',
    action: 'Sign in to the account in a browser, complete the check, then send again.',
    differsFromRegistry: { kind: 'redefines', note: 'The registry (RFC 4954) means a trust relationship is required; Gmail means the user must sign in with a browser first.', usualMeaning: true, reason: 'authentication' },
  }),

  // Yahoo / AOL
  yahoo({
    codes: ['4.7.0'],
    title: 'Temporarily deferred (TSS04)',
    meaning: 'Yahoo defers mail from the sending IP because of unusual traffic, complaints from its users, content that looks like spam, or a busy server ([TSS04] and similar).',
    action: 'Let the queue retry slowly; reduce complaints, authenticate with SPF, DKIM and DMARC, and follow Yahoo\'s sender requirements.',
    differsFromRegistry: { kind: 'narrows', note: 'The registry\'s "Other or undefined security status"; Yahoo uses it for reputation deferrals.' },
  }),
  yahoo({
    codes: ['5.7.1'],
    title: 'IP on a block list',
    meaning: 'Yahoo refuses the connection because the sending IP is on a block list it uses, such as Spamhaus ([BL21] and similar).',
    action: 'Get the IP delisted from the block list named in the reply.',
    differsFromRegistry: { kind: 'narrows', note: 'The registry\'s "Delivery not authorized, message refused"; Yahoo names the block list.' },
  }),
  yahoo({
    codes: ['5.7.9'],
    title: 'Not accepted for policy reasons',
    meaning: 'Yahoo refuses the message for policy reasons: it failed authentication (neither SPF nor DKIM passed) or DMARC, or its content or sender are judged abusive.',
    action: 'Authenticate with SPF, DKIM and DMARC aligned with the From: domain; review the content and the list it went to.',
    differsFromRegistry: { kind: 'redefines', note: 'The registry means the authentication mechanism is too weak (SMTP AUTH); Yahoo means a policy rejection, often failed sender authentication.', reason: 'policy' },
  }),

  // Apple iCloud Mail
  apple({
    codes: ['4.7.1'],
    title: 'Deferred: excessive volume',
    meaning: 'iCloud Mail defers messages to a recipient (or from a sender) that arrive in too great a volume.',
    action: 'Let the queue retry; send fewer messages to the same recipient, and fewer connections at once.',
    differsFromRegistry: { kind: 'redefines', note: 'The registry means delivery is not authorised; iCloud Mail uses the transient 4.7.1 for rate limiting.', reason: 'rate-limited' },
  }),
  apple({
    codes: ['5.7.1'],
    title: 'Rejected by local policy',
    meaning: 'iCloud Mail rejected the message by its own policy ([CS01], [CS02] and similar), because of the From: domain\'s DMARC policy, or because the message links to a domain on a block list.',
    action: 'Check authentication and the domains linked in the message; if it persists, contact the iCloud Mail postmaster team with the bounce.',
    differsFromRegistry: { kind: 'narrows', note: 'The registry\'s "Delivery not authorized, message refused"; Apple adds a bracketed reason code in the text.' },
  }),
  apple({
    codes: ['5.1.1'],
    title: 'Unknown or inactive address',
    meaning: 'The iCloud address does not exist or is not active.',
    action: 'Check the address; stop sending to it if it keeps failing.',
    differsFromRegistry: { kind: 'narrows', note: 'Same sense as the registry\'s "Bad destination mailbox address"; iCloud addresses can also be deactivated by their owner.' },
  }),

  // Zoho ZeptoMail. Zoho Mail's own servers (zoho.com, zohomail.com) answer with these codes in the registry's sense
  // (`550 5.2.1 Mailbox is disabled`): each entry applies only where the reply says what it is about.
  zoho({
    codes: ['5.2.0'],
    title: 'Message size exceeds the policy',
    meaning: 'The message or its attachments are larger than the ZeptoMail account allows.',
    action: 'Send smaller attachments, or links to them.',
    differsFromRegistry: { kind: 'narrows', note: 'The registry\'s "Other or undefined mailbox status"; ZeptoMail means a size limit of the sending account.' },
    replyMarks: /size/i,
  }),
  zoho({
    codes: ['5.2.1'],
    title: 'Subject is mandatory',
    meaning: 'ZeptoMail refuses messages without a subject.',
    action: 'Give the message a subject.',
    differsFromRegistry: { kind: 'redefines', note: 'The registry means the mailbox is disabled; ZeptoMail means the message has no subject.', reason: 'spam-or-content' },
    replyMarks: /subject/i,
  }),
  zoho({
    codes: ['5.7.1'],
    title: 'Virus detected',
    meaning: 'Zoho found a virus in the message and refused it.',
    action: 'Scan the message and its attachments and send it again clean.',
    differsFromRegistry: { kind: 'narrows', note: 'The registry\'s "Delivery not authorized, message refused"; Zoho uses it for messages carrying a virus.' },
    replyMarks: /virus/i,
  }),
];
