/** Provider codes in hover: which providers the context names, and the markdown that explains their meaning. */
import type { DocumentAnalysis, TextDocumentLike } from '../analysis';
import { isConfigKind, type DocumentKind } from '../documentKind';
import { findProvider, providerEntriesFor, providerEntriesInContext, providersNamedIn, type ProviderCode, type ProviderId } from '../registry/providerLookup';
import type { Occurrence } from '../scanner/scanner';

const messageProviders = new WeakMap<DocumentAnalysis, { version: number; named: Set<ProviderId> }>();

function providersInMessage(analysis: DocumentAnalysis, document: TextDocumentLike): Set<ProviderId> {
  let cached = messageProviders.get(analysis);
  if (!cached || cached.version !== analysis.version) {
    cached = { version: analysis.version, named: providersNamedIn(document.getText()) };
    messageProviders.set(analysis, cached);
  }
  return cached.named;
}

/**
 * The provider entries that explain an occurrence in its context: the providers its own line names; in a bounce,
 * where the line names none of those that document the code, the providers named anywhere in the message (a bounce
 * is one message, read once per version).
 */
export function providerEntriesAt(analysis: DocumentAnalysis, document: TextDocumentLike, occurrence: Occurrence): readonly ProviderCode[] {
  const documenting = providerEntriesFor(occurrence.text);
  if (documenting.length === 0) return documenting;
  const { line } = occurrence;
  let named = providersNamedIn(document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }));
  if (analysis.kind === 'bounce' && !documenting.some((entry) => named.has(entry.provider))) named = providersInMessage(analysis, document);
  return providerEntriesInContext(occurrence.text, named);
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
