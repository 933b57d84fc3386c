/**
 * Inlay hints: the sample text after each code, in logs and bounces with the bounce reason of failures (and, in
 * code, the reply a Haraka DSN helper produces).
 */
import type { InlayHint } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../analysis';
import { isReadOnlyKind } from '../documentKind';
import { findKnownCode } from '../knownCodes';
import { findEntry } from '../registry/registry';
import type { Settings } from '../settings';
import { classifyOccurrence, reasonLabel, type LineReader } from './bounceReason';
import { entrySummary } from './describe';
import { dsnCalls } from './harakaDsn';
import { providerHeadline, providerSummary, type ProvidersAt } from './providers';

/**
 * At most `maxHints` hints for the codes on lines `lines.start` to `lines.end` (lines of the document); `providersAt`
 * gives the provider entries that explain a code in its context (none where provider codes are switched off).
 */
export function inlayHints(analysis: DocumentAnalysis, lines: { start: number; end: number }, settings: Settings, lineAt: LineReader, maxHints: number,
  providersAt: ProvidersAt = () => []): InlayHint[] {
  const readOnly = isReadOnlyKind(analysis.kind);
  if (!(readOnly ? settings.inlayHints.inLogs : settings.inlayHints.elsewhere)) return [];
  const hints: InlayHint[] = [];
  for (const occurrence of analysis.eachInLines(lines.start, lines.end)) {
    if (hints.length >= maxHints) return hints;
    if (occurrence.malformation) continue;
    const entry = findEntry(occurrence.subject, occurrence.detail);
    const providers = providersAt(occurrence);
    // A provider that gives a registered code a meaning of its own in this context names it, as hover heads with it.
    const redefining = providers.filter((provider) => provider.differsFromRegistry?.kind === 'redefines');
    const label = redefining.length > 0
      ? providerHeadline(redefining)
      : entry ? entrySummary(entry) : findKnownCode(settings.knownCodes, occurrence.text)?.description ?? (settings.providers.enabled ? providerSummary(occurrence.text) : undefined);
    const classification = readOnly ? classifyOccurrence(occurrence, lineAt, undefined, providers) : undefined;
    const parts = [label, classification && reasonLabel(classification)].filter(Boolean);
    if (parts.length === 0) continue;
    hints.push({ position: { line: occurrence.line, character: occurrence.end }, label: parts.join(' · '), paddingLeft: true });
  }
  if (analysis.kind === 'source') {
    for (let line = lines.start; line <= lines.end; line++) {
      const text = lineAt(line);
      if (text === undefined || !text.includes('DSN.')) continue;
      for (const call of dsnCalls(text)) {
        if (hints.length >= maxHints) return hints;
        hints.push({ position: { line, character: call.end }, label: `→ ${call.reply}`, paddingLeft: true });
      }
    }
  }
  return hints;
}
