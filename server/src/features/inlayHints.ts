/** Inlay hints: the sample text after each code (and, in code, the reply a Haraka DSN helper produces). */
import type { InlayHint, Range } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../analysis';
import { isReadOnlyKind } from '../documentKind';
import { findKnownCode } from '../knownCodes';
import { findEntry } from '../registry/registry';
import type { Settings } from '../settings';
import { entrySummary } from './describe';
import { dsnCalls } from './harakaDsn';
import { providerSummary } from './providers';

export function inlayHints(analysis: DocumentAnalysis, range: Range, settings: Settings, lineText: (line: number) => string): InlayHint[] {
  if (!(isReadOnlyKind(analysis.kind) ? settings.inlayHints.inLogs : settings.inlayHints.elsewhere)) return [];
  const hints: InlayHint[] = [];
  for (const occurrence of analysis.occurrencesInLines(range.start.line, range.end.line)) {
    if (occurrence.malformation) continue;
    const entry = findEntry(occurrence.subject, occurrence.detail);
    const label = entry ? entrySummary(entry) : findKnownCode(settings.knownCodes, occurrence.text)?.description ?? (settings.providers.enabled ? providerSummary(occurrence.text) : undefined);
    if (!label) continue;
    hints.push({ position: { line: occurrence.line, character: occurrence.end }, label: `${label}`, paddingLeft: true });
  }
  if (analysis.kind === 'source') {
    for (let line = range.start.line; line <= range.end.line; line++) {
      const text = lineText(line);
      if (!text.includes('DSN.')) continue;
      for (const call of dsnCalls(text)) hints.push({ position: { line, character: call.end }, label: `→ ${call.reply}`, paddingLeft: true });
    }
  }
  return hints;
}
