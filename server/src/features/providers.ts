/** Provider codes in hover: which providers the context names, and the markdown that explains their meaning. */
import type { DocumentAnalysis, TextDocumentLike } from '../analysis';
import { isConfigKind, type DocumentKind } from '../documentKind';
import { findProvider, providerEntriesFor, providerEntriesInContext, providersNamedIn, type ProviderCode, type ProviderId } from '../registry/providerLookup';
import type { Occurrence } from '../scanner/scanner';

/** How far a paragraph of a bounce is read each way from a code for host names, and how far its header for `From:`. */
const PARAGRAPH_REACH = 10;
const HEADER_REACH = 100;

const lineOf = (document: TextDocumentLike, line: number) => document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });

/**
 * The text that a code in a bounce is read in the context of, where its own line names no provider of the code: its
 * paragraph (up to a blank line or a MIME boundary, at most PARAGRAPH_REACH lines each way: a DSN recipient's Remote-MTA, a
 * reply wrapped over lines), and the one that sent the bounce (its `From:`). Not the whole message: the returned
 * message's Received headers and the recipients' addresses name servers that did not send the reply.
 */
function textAround(document: TextDocumentLike, line: number): string {
  const isEdge = (text: string) => text.trim() === '' || text.startsWith('--');
  let first = line;
  while (first > 0 && first > line - PARAGRAPH_REACH && !isEdge(lineOf(document, first - 1))) first--;
  let last = line;
  while (last + 1 < document.lineCount && last < line + PARAGRAPH_REACH && !isEdge(lineOf(document, last + 1))) last++;
  const paragraph = document.getText({ start: { line: first, character: 0 }, end: { line: last + 1, character: 0 } });
  return `${paragraph}\n${bounceSender(document)}`;
}

/** The bounce's own `From:` header line, or ''. */
function bounceSender(document: TextDocumentLike): string {
  for (let line = 0; line < Math.min(document.lineCount, HEADER_REACH); line++) {
    const text = lineOf(document, line);
    if (text.trim() === '') return '';
    if (/^from:/i.test(text)) return text;
  }
  return '';
}

/** The provider entries that explain an occurrence in its context. */
export type ProvidersAt = (occurrence: Occurrence) => readonly ProviderCode[];

/**
 * The provider entries that explain each occurrence in its context: the providers its own line names, and the words of
 * the reply there (see ProviderCode.replyMarks); in a bounce, where the line names none of those that document the code,
 * the text around it (see textAround). Each line is read once, for features that go through many occurrences in line order.
 */
export function providerContext(analysis: DocumentAnalysis, document: TextDocumentLike): ProvidersAt {
  let contextLine = -1;
  let lineText = '';
  let named: ReadonlySet<ProviderId> = new Set();
  return (occurrence) => {
    const documenting = providerEntriesFor(occurrence.text);
    if (documenting.length === 0) return documenting;
    const { line } = occurrence;
    if (line !== contextLine) {
      contextLine = line;
      lineText = lineOf(document, line);
      named = providersNamedIn(lineText);
    }
    if (analysis.kind !== 'bounce' || documenting.some((entry) => named.has(entry.provider))) return providerEntriesInContext(occurrence.text, named, lineText);
    const around = textAround(document, line);
    return providerEntriesInContext(occurrence.text, providersNamedIn(around), around);
  };
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
