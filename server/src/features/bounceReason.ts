/** What a failure code means for the sender (reason, hard or soft, and why), for hover, inlay hints and the summary. */
import { classifyBounce, readsReplyText, reasonClassification, REASONS, type BounceClassification } from '../registry/bounceReasons';
import { findProvider, type ProviderCode } from '../registry/providerLookup';
import type { Occurrence } from '../scanner/scanner';
import { groupAround, isParagraphEdge, type DsnGroup } from './dsn';

/** Reads one line of the document without its line break; undefined past the end. */
export type LineReader = (line: number) => string | undefined;

/** How many wrapped continuation lines of a reply are read (Postfix and Exim indent them). */
const CONTINUATION_LINES = 3;
const STATUS_FIELD = /^status[ \t]*:/i;
const CODE_IN_TEXT = /(?<![\w.])([245])\.(\d{1,3})\.(\d{1,3})(?![\d.])/;

/**
 * The reply text that came with the code: the rest of its line and the indented lines that continue it; for a DSN
 * `Status:` field, the Diagnostic-Code of the same recipient, or where it has none, the report that names the
 * recipient before the delivery status (see recipientReport).
 */
export function replyTextOf(occurrence: Occurrence, lineAt: LineReader, text = lineAt(occurrence.line) ?? ''): string {
  if (STATUS_FIELD.test(text)) {
    const group = groupAround(lineAt, occurrence.line);
    const diagnostic = group.get('diagnostic-code');
    if (diagnostic) return diagnostic.text;
    const report = recipientReport(group, lineAt);
    if (report !== undefined) return report;
  }
  return textAfter(lineAt, occurrence.line, occurrence.end, text);
}

/** The text of a reply from `character` on `line` to the end of the line and the indented lines that continue it. */
function textAfter(lineAt: LineReader, line: number, character: number, text = lineAt(line) ?? ''): string {
  const parts = [text.slice(character)];
  for (let next = line + 1; next <= line + CONTINUATION_LINES; next++) {
    const continued = lineAt(next);
    if (continued === undefined || !/^[ \t]+\S/.test(continued)) break;
    parts.push(continued.trim());
  }
  return parts.join(' ');
}

/**
 * The reason of a failure reply code quoted without an enhanced code beside it (`550 Requested action not taken: mailbox
 * unavailable`), read as X.0.0 of its class with the reply's text, or as the enhanced code of its class that opens the
 * reply on the next line (`said: 550` / `    5.2.1 The account is inactive`); undefined for other classes.
 */
export function classifyReplyCode(replyCode: number, lineAt: LineReader, line: number, end: number): BounceClassification | undefined {
  const statusClass = Math.floor(replyCode / 100);
  if (statusClass !== 4 && statusClass !== 5) return undefined;
  const text = textAfter(lineAt, line, end).replace(ADDRESS, '<>');
  const opening = CODE_OPENING.exec(text);
  return opening && Number(opening[1]) === statusClass
    ? classifyBounce(statusClass, Number(opening[2]), Number(opening[3]), text)
    : classifyBounce(statusClass, 0, 0, text);
}

const CODE_OPENING = /^\s*([245])\.(\d{1,3})\.(\d{1,3})(?![\d.])/;

/** How many lines before its recipient's fields a Status without a Diagnostic-Code reads for the report of that recipient. */
const REPORT_REACH = 1000;
/** How many lines of a report are read: CommuniGate Pro's name the recipient, the module, the host and then its reply. */
const REPORT_LINES = 5;
const ADDRESS_IN_FIELD = /;\s*<?([^<>\s;@]+@[^<>\s;]+)>?\s*$/;

/**
 * For a DSN group without a Diagnostic-Code (CommuniGate Pro writes none), the report of its recipient in the part before
 * the delivery-status one: from the last line there that names the recipient's address (a whole address, in any case),
 * the rest of its paragraph. `Failed to deliver to '<ann@example.org>'` / `SMTP module(domain example.org) reports:` /
 * ` 550 5.1.1 User unknown`. The other recipients' fields, in the delivery-status part itself, are not read.
 */
function recipientReport(group: DsnGroup, lineAt: LineReader): string | undefined {
  const address = [group.get('final-recipient'), group.get('original-recipient')]
    .map((field) => field && ADDRESS_IN_FIELD.exec(field.text)?.[1]).find((found) => found !== undefined);
  if (!address) return undefined;
  const groupStart = Math.min(...[...group.values()].map((field) => field.line));
  let boundaries = 0;
  for (let line = groupStart - 1; line >= 0 && line >= groupStart - REPORT_REACH; line--) {
    const text = lineAt(line) ?? '';
    // The first boundary above the groups opens the delivery-status part; the one above it, the report.
    if (text.startsWith('--')) {
      if (++boundaries === 2) return undefined;
      continue;
    }
    const after = boundaries === 1 ? endOfAddress(text, address) : -1;
    if (after === -1) continue;
    const parts = [text.slice(after)];
    for (let next = line + 1; next < line + REPORT_LINES && !isParagraphEdge(lineAt(next)); next++) parts.push(lineAt(next)!.trim());
    return parts.join(' ');
  }
  return undefined;
}

const isAddressCharacter = (c: string | undefined) => c !== undefined && /[\w.+-]/.test(c);

/** Where `address` ends in `text`, found whole (not inside a longer address) and in any case; -1 where it is not there. */
function endOfAddress(text: string, address: string): number {
  // Lower-casing keeps the offsets of ASCII text; a line it does not (rare letters) is searched as written.
  const lowered = text.toLowerCase();
  const haystack = lowered.length === text.length ? lowered : text;
  const wanted = haystack === lowered ? address.toLowerCase() : address;
  for (let at = haystack.indexOf(wanted); at !== -1; at = haystack.indexOf(wanted, at + 1)) {
    const end = at + wanted.length;
    // A dot after it ends a sentence unless the address goes on (`ann@example.org.uk`).
    const goesOn = text[end] === '.' ? isAddressCharacter(text[end + 1]) : isAddressCharacter(text[end]);
    if (!isAddressCharacter(text[at - 1]) && !goesOn) return end;
  }
  return -1;
}

/** Addresses in a reply name the recipient, not the reason (`<spam-reports@…>`): they are blanked before the rules read it. */
const ADDRESS = /<[^<>\s]*>/g;
/** What varies between replies of one kind and no rule reads: digits and bracketed hosts or addresses. */
const VARIABLE = /\[[^\][]*\]|\d+/g;

/** Classifications by code and reply text with its variable parts blanked, for reading a whole document. */
export type ReasonCache = Map<string, BounceClassification>;

/**
 * The classification of a failure occurrence; the text is read only where the code is vague, together with what the
 * providers that document the code say of it. With a cache (the summary of a whole log), replies that differ only in
 * addresses, hosts and numbers are classified once.
 */
export function classifyOccurrence(
  occurrence: Occurrence, lineAt: LineReader, cache?: ReasonCache, providers: readonly ProviderCode[] = [],
): BounceClassification | undefined {
  const { statusClass, subject, detail } = occurrence;
  if (occurrence.malformation || (statusClass !== 4 && statusClass !== 5)) return undefined;
  const redefined = providerReason(occurrence.text, statusClass, providers);
  if (redefined) return redefined;
  if (!readsReplyText(subject, detail)) return classifyBounce(statusClass, subject, detail);
  const lineText = lineAt(occurrence.line) ?? '';
  const said = providers.map((entry) => ` ${entry.title}. ${entry.meaning}`).join('');
  const text = replyTextOf(occurrence, lineAt, lineText).replace(ADDRESS, '<>') + said;
  const isStatus = STATUS_FIELD.test(lineText);
  const key = cache && `${isStatus ? 'Status ' : ''}${occurrence.text} ${text.replace(VARIABLE, '#')}`;
  const cached = key && cache!.get(key);
  if (cached) return cached;
  // A vague DSN Status (Exim always writes 5.0.0) is read as the code of the reply it reports, where that has one.
  const replied = isStatus ? CODE_IN_TEXT.exec(text) : null;
  const classification = replied && Number(replied[1]) === statusClass
    ? classifyBounce(statusClass, Number(replied[2]), Number(replied[3]), text)
    : classifyBounce(statusClass, subject, detail, text);
  if (key && classification) cache!.set(key, classification);
  return classification;
}

/**
 * The reason a provider gives a registered code it redefines (Exchange Online's 5.2.2 is the sender's submission quota,
 * not a full mailbox), where `providers` (those that apply in the code's context) hold such an entry.
 */
export function providerReason(code: string, statusClass: number, providers: readonly ProviderCode[]): BounceClassification | undefined {
  for (const entry of providers) {
    const difference = entry.differsFromRegistry;
    if (difference?.kind !== 'redefines') continue;
    return reasonClassification(difference.reason, statusClass, `${findProvider(entry.provider).name} uses ${code} for "${entry.title}"`);
  }
  return undefined;
}

export function reasonLabel(classification: BounceClassification): string {
  return `${REASONS[classification.reason].label} (${classification.hard ? 'hard' : 'soft'})`;
}

/** The hover section: the reason, hard or soft, why, and what to do. */
export function reasonMarkdown(classification: BounceClassification): string {
  const reason = REASONS[classification.reason];
  const because = classification.matched ? `${classification.why} ("${classification.matched}")` : classification.why;
  const hardness = classification.hard
    ? 'hard: permanent, resending unchanged fails again'
    : 'soft: temporary, a later attempt may succeed';
  return [`**Bounce reason:** ${reason.label}, ${hardness}`, '', `${reason.meaning[0].toUpperCase()}${reason.meaning.slice(1)}; ${because}. ${reason.advice}`].join('\n');
}
