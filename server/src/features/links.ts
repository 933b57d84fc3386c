/** Document links: `RFC nnnn` mentions to the RFC Editor, and codes to the IANA registry. */
import type { DocumentLink } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../analysis';
import { isReadOnlyKind } from '../documentKind';
import { REGISTRY_URL } from '../registry/registry';
import { matchesWithPositions } from '../text';

const RFC = /\bRFC[ -]?(\d{3,4})\b/g;

/** At most `maxLinks` links: they are sent whole on every change, so their number stays bounded on large logs. */
export function documentLinks(analysis: DocumentAnalysis, text: string, maxLinks: number): DocumentLink[] {
  const links: DocumentLink[] = [];
  for (const { match, line, character } of matchesWithPositions(text, RFC)) {
    if (links.length >= maxLinks) return links;
    links.push({
      range: { start: { line, character }, end: { line, character: character + match[0].length } },
      target: `https://www.rfc-editor.org/rfc/rfc${Number(match[1])}`,
      tooltip: `RFC ${Number(match[1])} at the RFC Editor`,
    });
  }
  if (isReadOnlyKind(analysis.kind) && analysis.occurrenceCount > maxLinks) return links;
  for (const occurrence of analysis.eachInLines(0, Infinity)) {
    if (links.length >= maxLinks) break;
    if (occurrence.malformation) continue;
    links.push({
      range: { start: { line: occurrence.line, character: occurrence.start }, end: { line: occurrence.line, character: occurrence.end } },
      target: REGISTRY_URL,
      tooltip: `${occurrence.text} in the IANA registry of enhanced status codes`,
    });
  }
  return links;
}
