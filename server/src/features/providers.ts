/** Provider codes: which providers a code's context names (for hover, inlay hints and the summary), and the markdown that explains their meaning. */
import { isConfigKind, type DocumentKind } from '../documentKind';
import { findProvider, providerEntriesFor, providerEntriesInContext, providersNamedIn, type ProviderCode, type ProviderId } from '../registry/providerLookup';
import type { Occurrence } from '../scanner/scanner';
import type { LineReader } from './bounceReason';
import { paragraphAround } from './dsn';

/** How far a bounce's paragraph is read each way from a code, and how far its header for `From:`. */
const PARAGRAPH_REACH = 10;
const HEADER_REACH = 100;

/** The provider entries that explain an occurrence in its context. */
export type ProvidersAt = (occurrence: Occurrence) => readonly ProviderCode[];

/**
 * The provider entries that explain each occurrence in its context, and the reply there (see ProviderCode.replyMarks).
 * The context is the code's line; in a bounce, its paragraph (up to a blank line or a MIME boundary: a DSN recipient's
 * Remote-MTA, a reply wrapped over lines), and where that names none of the providers that document the code, the
 * bounce's own sender (`From:`). Never the whole message: the returned message's headers and the other recipients'
 * addresses name servers that did not send the reply. Each line's context is read once, for features that go through
 * many occurrences in line order.
 */
export function providerContext(kind: DocumentKind, lineAt: LineReader): ProvidersAt {
  let contextLine = -1;
  let context = '';
  let named: ReadonlySet<ProviderId> = new Set();
  let sender: ReadonlySet<ProviderId> | undefined;
  return (occurrence) => {
    const documenting = providerEntriesFor(occurrence.text);
    if (documenting.length === 0) return documenting;
    const { line } = occurrence;
    if (line !== contextLine) {
      contextLine = line;
      context = kind === 'bounce' ? paragraphAround(lineAt, line, PARAGRAPH_REACH).lines.join('\n') : lineAt(line) ?? '';
      named = providersNamedIn(context);
    }
    const entries = providerEntriesInContext(occurrence.text, named, context);
    if (kind !== 'bounce' || entries.some((entry) => named.has(entry.provider))) return entries;
    sender ??= providersNamedIn(bounceSender(lineAt));
    return sender.size === 0 ? entries : providerEntriesInContext(occurrence.text, new Set([...named, ...sender]), context);
  };
}

/** The bounce's own `From:` header line, or '' (also in a mailbox of several messages, whose first sender is not each one's). */
function bounceSender(lineAt: LineReader): string {
  if (lineAt(0)?.startsWith('From ')) return '';
  for (let line = 0; line < HEADER_REACH; line++) {
    const text = lineAt(line);
    if (text === undefined || text.trim() === '') return '';
    if (/^from:/i.test(text)) return text;
  }
  return '';
}

/**
 * What a code that only providers document counts for in diagnostics: known where codes are quoted from remote
 * servers (logs, bounces, notes); where replies are written (configuration, source, data), still unregistered, with
 * the provider named, since the server that sends the reply is not the provider's; nothing where switched off.
 */
export type ProviderUse = 'known' | 'named' | 'off';

export function providerUseOf(kind: DocumentKind, enabled: boolean): ProviderUse {
  if (!enabled) return 'off';
  return isConfigKind(kind) || kind === 'source' || kind === 'data' ? 'named' : 'known';
}

/** "Microsoft 365 / Exchange Online uses it for …" for a code providers document; undefined for the others. */
export function whoDocuments(code: string): string | undefined {
  const entries = providerEntriesFor(code);
  if (entries.length === 0) return undefined;
  return entries.map((entry) => `${findProvider(entry.provider).name} uses it for "${entry.title}"`).join(', ');
}

/** A line for places with little room (inlay hints, the Status Codes view): what providers mean by a code the registry lacks. */
export function providerSummary(code: string): string | undefined {
  const entries = providerEntriesFor(code);
  return entries.length > 0 ? providerHeadline(entries) : undefined;
}

/** The headline of a code the registry lacks: the provider's title, or the titles of each. */
export function providerHeadline(entries: readonly ProviderCode[]): string {
  if (entries.length === 1) return `${entries[0].title} (${findProvider(entries[0].provider).name})`;
  return `means different things at ${entries.map((entry) => findProvider(entry.provider).name).join(', ')}`;
}

/** One section per entry: the provider's meaning, what to do, how it differs from the registry, and the source. */
export function describeProviderEntries(code: string, entries: readonly ProviderCode[]): string {
  return entries.map((entry) => {
    const name = findProvider(entry.provider).name;
    const span = entry.codes.length === 1 && entry.codes[0] === code ? code : entry.codes.join(', ');
    const lines = [`**${name}** · ${span}: ${entry.title}`, '', entry.meaning, '', `*What to do:* ${entry.action}`];
    if (entry.differsFromRegistry) {
      const how = entry.differsFromRegistry.kind === 'redefines' ? 'Differs from the registry' : 'Narrower than the registry';
      lines.push('', `*${how}:* ${entry.differsFromRegistry.note}`);
    }
    lines.push('', `[${name} documentation](${entry.source}) (read ${entry.read})`);
    return lines.join('\n');
  }).join('\n\n---\n\n');
}
