/**
 * Inlay hints: the sample text after each code, in logs and bounces with the bounce reason of failures (and, in
 * code, the reply a Haraka DSN helper produces).
 */
import type { InlayHint, Range } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../analysis';
import { isReadOnlyKind } from '../documentKind';
import { findKnownCode } from '../knownCodes';
import { providerEntriesFor } from '../registry/providerLookup';
import { findEntry } from '../registry/registry';
import type { Settings } from '../settings';
import { classifyOccurrence, reasonLabel, type LineReader } from './bounceReason';
import { entrySummary } from './describe';
import { dsnCalls } from './harakaDsn';
import { providerSummary } from './providers';

export function inlayHints(analysis: DocumentAnalysis, range: Range, settings: Settings, lineAt: LineReader): InlayHint[] {
  const readOnly = isReadOnlyKind(analysis.kind);
  if (!(readOnly ? settings.inlayHints.inLogs : settings.inlayHints.elsewhere)) return [];
  const hints: InlayHint[] = [];
  for (const occurrence of analysis.occurrencesInLines(range.start.line, range.end.line)) {
    if (occurrence.malformation) continue;
    const entry = findEntry(occurrence.subject, occurrence.detail);
    const label = entry ? entrySummary(entry) : findKnownCode(settings.knownCodes, occurrence.text)?.description ?? (settings.providers.enabled ? providerSummary(occurrence.text) : undefined);
    const providers = !entry && settings.providers.enabled ? providerEntriesFor(occurrence.text) : [];
    const classification = readOnly ? classifyOccurrence(occurrence, lineAt, undefined, providers) : undefined;
    const parts = [label, classification && reasonLabel(classification)].filter(Boolean);
    if (parts.length === 0) continue;
    hints.push({ position: { line: occurrence.line, character: occurrence.end }, label: parts.join(' · '), paddingLeft: true });
  }
  if (analysis.kind === 'source') {
    for (let line = range.start.line; line <= range.end.line; line++) {
      const text = lineAt(line);
      if (text === undefined || !text.includes('DSN.')) continue;
      for (const call of dsnCalls(text)) hints.push({ position: { line, character: call.end }, label: `→ ${call.reply}`, paddingLeft: true });
    }
  }
  return hints;
}
