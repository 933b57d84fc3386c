/** Markdown that explains a code; shared by hover and completion. */
import type { KnownCode } from '../knownCodes';
import type { ProviderCode } from '../registry/providerLookup';
import {
  allowsReplyCode, entriesAssociatedWith, findClass, findEntry, findEntryByCode, findReplyCode, findSubject, isStatusClass, REGISTRY_URL,
  withClass, type EnumeratedEntry, type Reference, type StatusClass, type Usage,
} from '../registry/registry';
import { describeProviderEntries, providerHeadline } from './providers';

const USAGE_TEXT: Record<Usage, string> = {
  permanent: 'permanent failures only (5.X.X)',
  transient: 'persistent transient failures only (4.X.X)',
  both: 'permanent or persistent transient failures',
  unstated: 'not stated by the registry',
};

function references(list: Reference[]): string {
  return list.map((ref) => (ref.url ? `[${ref.label}](${ref.url})` : ref.label) + (ref.note ? ` (${ref.note})` : '')).join(', ');
}

export function entrySummary(entry: EnumeratedEntry): string {
  if (entry.deprecatedBy) {
    const replacement = findEntryByCode(entry.deprecatedBy);
    return `Deprecated: a duplicate of ${entry.deprecatedBy}${replacement ? ` (${replacement.sample})` : ''}`;
  }
  return entry.sample;
}

/**
 * The hover text of an enhanced status code such as "5.1.1"; `replyCode` is the basic code beside it, if any;
 * `providers`, what providers that document the code mean by it.
 */
export function describeStatusCode(
  statusClass: number, subject: number, detail: number, replyCode?: number, known?: KnownCode, providers: readonly ProviderCode[] = [],
): string {
  const code = `${statusClass}.${subject}.${detail}`;
  const entry = findEntry(subject, detail);
  const classEntry = findClass(statusClass);
  const subjectEntry = findSubject(subject);
  const lines: string[] = [];

  if (entry) lines.push(`**${code}** ${entrySummary(entry)}`);
  else if (known) lines.push(`**${code}** ${known.description}`, '', `*Not in the IANA registry; known from smtpStatusCodes.knownCodes (${known.pattern}).*`);
  else if (providers.length > 0) lines.push(`**${code}** ${providerHeadline(providers)}`, '', '*Not in the IANA registry; documented by the provider.*');
  else lines.push(`**${code}** is not in the IANA registry`);
  const parts = [
    classEntry ? `${classEntry.statusClass}: ${classEntry.summary}` : `class ${statusClass}: not a valid class (2, 4 or 5)`,
    subjectEntry ? `X.${subject}: ${subjectEntry.summary}` : `X.${subject}: no registered subject`,
  ];
  lines.push('', `*${parts.join(' · ')}*`);

  if (entry) {
    lines.push('', entry.description);
    if (entry.deprecatedBy) lines.push('', `Use **${statusClass}.${entry.deprecatedBy.slice(2)}** instead.`);
    const facts = [
      `Reply codes: ${entry.replyCodes.kind === 'not-given' ? 'not given' : entry.replyCodes.raw}`,
      `Usage: ${USAGE_TEXT[entry.usage]}`,
    ];
    lines.push('', facts.join(' · '));
    if (replyCode !== undefined && !allowsReplyCode(entry, replyCode)) {
      lines.push('', `The registry does not associate reply code ${replyCode} with ${entry.code}.`);
    }
    lines.push('', `Defined in ${references(entry.references)} · [IANA registry entry ${entry.code}](${REGISTRY_URL})`);
    if (providers.length > 0) lines.push('', '---', '', describeProviderEntries(code, providers));
  } else {
    if (providers.length > 0) lines.push('', describeProviderEntries(code, providers), '', '---');
    if (classEntry) lines.push('', classEntry.description);
    if (subjectEntry) lines.push('', subjectEntry.description);
    lines.push('', `[IANA registry](${REGISTRY_URL})`);
  }
  return lines.join('\n');
}

/**
 * The hover text of a basic reply code such as 550; `reason`, the bounce reason of a quoted reply, comes right after
 * its class, before the list of the codes the registry associates with it.
 */
export function describeReplyCode(code: number, reason?: string): string {
  const entry = findReplyCode(code);
  const lines = [entry ? `**${code}** ${entry.meaning}` : `**${code}** is not a reply code defined by RFC 5321 or its extensions`];
  const kind = ({ 2: 'Positive completion', 3: 'Positive intermediate', 4: 'Transient negative completion', 5: 'Permanent negative completion' } as Record<number, string>)[Math.floor(code / 100)];
  if (kind) lines.push('', `*${kind} reply${isStatusClass(Math.floor(code / 100)) ? ` · goes with ${Math.floor(code / 100)}.X.X enhanced codes` : ''}*`);
  if (reason) lines.push('', reason);
  const associated = entriesAssociatedWith(code);
  if (associated.length > 0) {
    lines.push('', `Registered enhanced codes for ${code}: ${associated.map((e) => `${isStatusClass(Math.floor(code / 100)) ? withClass(e, Math.floor(code / 100) as StatusClass) : e.code} ${entrySummary(e)}`).join(' · ')}`);
  }
  if (entry) lines.push('', `Defined in [${entry.reference}](https://www.rfc-editor.org/rfc/rfc${entry.reference.slice(4)})`);
  return lines.join('\n');
}

/** What a code means in a few words, for lists: the registry's sample text, or what its class and subject say. */
export function statusCodeMeaning(code: string): string {
  const shape = /^([245])\.(\d{1,3})\.(\d{1,3})$/.exec(code);
  if (!shape) {
    const reply = /^[2-5]\d\d$/.test(code) ? findReplyCode(Number(code)) : undefined;
    return reply?.meaning ?? '';
  }
  const entry = findEntry(Number(shape[2]), Number(shape[3]));
  if (entry) return entrySummary(entry);
  const subject = findSubject(Number(shape[2]));
  return `unregistered${subject ? `; ${subject.summary.toLowerCase()}` : ''}`;
}
