/** Inlay hints: the sample text after each code (and, in code, the reply a Haraka DSN helper produces). */
import type { InlayHint } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../analysis';
import { isReadOnlyKind } from '../documentKind';
import { findKnownCode } from '../knownCodes';
import { findEntry } from '../registry/registry';
import type { Settings } from '../settings';
import { entrySummary } from './describe';
import { dsnCalls } from './harakaDsn';
import { providerSummary } from './providers';

/** At most `maxHints` hints for the codes on lines `lines.start` to `lines.end` (lines of the document). */
export function inlayHints(analysis: DocumentAnalysis, lines: { start: number; end: number }, settings: Settings, lineText: (line: number) => string, maxHints: number): InlayHint[] {
  if (!(isReadOnlyKind(analysis.kind) ? settings.inlayHints.inLogs : settings.inlayHints.elsewhere)) return [];
  const hints: InlayHint[] = [];
  for (const occurrence of analysis.eachInLines(lines.start, lines.end)) {
    if (hints.length >= maxHints) return hints;
    if (occurrence.malformation) continue;
    const entry = findEntry(occurrence.subject, occurrence.detail);
    const label = entry ? entrySummary(entry) : findKnownCode(settings.knownCodes, occurrence.text)?.description ?? (settings.providers.enabled ? providerSummary(occurrence.text) : undefined);
    if (!label) continue;
    hints.push({ position: { line: occurrence.line, character: occurrence.end }, label, paddingLeft: true });
  }
  if (analysis.kind === 'source') {
    for (let line = lines.start; line <= lines.end; line++) {
      const text = lineText(line);
      if (!text.includes('DSN.')) continue;
      for (const call of dsnCalls(text)) {
        if (hints.length >= maxHints) return hints;
        hints.push({ position: { line, character: call.end }, label: `→ ${call.reply}`, paddingLeft: true });
      }
    }
  }
  return hints;
}
