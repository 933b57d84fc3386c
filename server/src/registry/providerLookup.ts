/** Look-ups over the provider table: which providers document a code, and which of them a text names. */
import { PROVIDER_CODES, PROVIDERS, type Provider, type ProviderCode, type ProviderId } from './providers';

export type { Provider, ProviderCode, ProviderId, RegistryDifference } from './providers';
export { PROVIDERS, PROVIDER_CODES } from './providers';

/** `5.7.606` or `5.7.606-5.7.649`: class, subject and the detail range. */
const CODE_OR_RANGE = /^([245])\.(\d{1,3})\.(\d{1,3})(?:-\1\.\2\.(\d{1,3}))?$/;

export interface CodeSpan {
  statusClass: number;
  subject: number;
  from: number;
  to: number;
}

/** Parses a table code (`5.7.26`) or range (`5.7.606-5.7.649`); undefined where it is neither. */
export function parseCodeSpan(text: string): CodeSpan | undefined {
  const shape = CODE_OR_RANGE.exec(text);
  if (!shape) return undefined;
  const from = Number(shape[3]);
  return { statusClass: Number(shape[1]), subject: Number(shape[2]), from, to: shape[4] === undefined ? from : Number(shape[4]) };
}

const providerById = new Map<ProviderId, Provider>(PROVIDERS.map((provider) => [provider.id, provider]));

/** Spans by `class.subject`, for a look-up that reads only the few spans of one subject. */
const spansBySubject = new Map<string, { from: number; to: number; entry: ProviderCode }[]>();
for (const entry of PROVIDER_CODES) {
  for (const code of entry.codes) {
    const span = parseCodeSpan(code);
    if (!span) continue; // the shape test reports it
    const key = `${span.statusClass}.${span.subject}`;
    let list = spansBySubject.get(key);
    if (!list) spansBySubject.set(key, (list = []));
    list.push({ from: span.from, to: span.to, entry });
  }
}

export function findProvider(id: ProviderId): Provider {
  return providerById.get(id)!;
}

const NONE: readonly ProviderCode[] = [];
/** Answers by code text: a log repeats a few codes many times. Bounded, since random input can hold any number of them. */
const answered = new Map<string, readonly ProviderCode[]>();

/** Every provider entry that documents `code` ("5.7.606"), in table order. */
export function providerEntriesFor(code: string): readonly ProviderCode[] {
  let entries = answered.get(code);
  if (entries) return entries;
  const shape = /^(\d)\.(\d{1,3})\.(\d{1,3})$/.exec(code);
  const spans = shape ? spansBySubject.get(`${shape[1]}.${Number(shape[2])}`) : undefined;
  const detail = shape ? Number(shape[3]) : 0;
  entries = spans ? spans.filter((span) => detail >= span.from && detail <= span.to).map((span) => span.entry) : NONE;
  if (answered.size >= 10_000) answered.clear();
  answered.set(code, entries);
  return entries;
}

/** Whether any provider documents `code`. */
export function isProviderCode(code: string): boolean {
  return providerEntriesFor(code).length > 0;
}

/** The providers a text names: host names in it such as `*.protection.outlook.com`, `yahoodns.net`, or Gmail's `gsmtp`. */
export function providersNamedIn(text: string): Set<ProviderId> {
  const named = new Set<ProviderId>();
  for (const provider of PROVIDERS) if (provider.marks.test(text)) named.add(provider.id);
  return named;
}

/**
 * The entries that explain `code` given the providers its context names (see providerContext): those of
 * the named providers where any documents the code; otherwise every provider's for a code the registry lacks, and
 * for a registered code only those whose meaning is the usual one in practice (see RegistryDifference.usualMeaning).
 * With the text of the context (the reply), an entry whose replyMarks it lacks does not count.
 */
export function providerEntriesInContext(code: string, named: ReadonlySet<ProviderId>, replyText?: string): readonly ProviderCode[] {
  let entries = providerEntriesFor(code);
  if (replyText !== undefined) entries = entries.filter((entry) => !entry.replyMarks || entry.replyMarks.test(replyText));
  if (entries.length === 0) return entries;
  const inContext = entries.filter((entry) => named.has(entry.provider));
  if (inContext.length > 0) return inContext;
  return entries.filter((entry) => !entry.differsFromRegistry || entry.differsFromRegistry.usualMeaning);
}
