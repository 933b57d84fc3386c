/** A summary of the codes in a document by class, and of its failures by bounce reason, with counts, for the log summary view. */
import type { Range } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../analysis';
import { findKnownCode } from '../knownCodes';
import { REASONS, type BounceReason } from '../registry/bounceReasons';
import { findEntry } from '../registry/registry';
import { classifyOccurrence, type LineReader, type ReasonCache } from './bounceReason';
import { entrySummary } from './describe';
import { providerSummary, type ProvidersAt } from './providers';

export interface CodeSummary {
  code: string;
  meaning: string;
  count: number;
  /** The first occurrences (at most `maxOccurrences`), for revealing them. */
  occurrences: Range[];
}

export interface ClassSummary {
  statusClass: number;
  label: string;
  count: number;
  codes: CodeSummary[];
}

/** The failures (4.X.X and 5.X.X) of one bounce reason; a code that the reply text splits shows under each reason. */
export interface ReasonSummary {
  reason: BounceReason;
  label: string;
  meaning: string;
  count: number;
  hard: number;
  soft: number;
  codes: CodeSummary[];
}

export interface DocumentSummary {
  total: number;
  classes: ClassSummary[];
  /** Present when asked for: it reads the reply text of every vague failure code. */
  reasons?: ReasonSummary[];
}

const CLASS_LABEL: Record<number, string> = { 2: 'Success (2.X.X)', 4: 'Persistent transient failure (4.X.X)', 5: 'Permanent failure (5.X.X)' };

/**
 * `lineAt` reads the document's lines for the grouping by bounce reason; without it there is none. `providersAt` gives
 * the provider entries that explain a code in its context (see providerContext), undefined where provider codes are off.
 */
export function summarize(analysis: DocumentAnalysis, knownCodes: Record<string, string>, lineAt: LineReader | undefined, providersAt: ProvidersAt | undefined,
  maxOccurrences: number): DocumentSummary {
  const byCode = new Map<string, CodeSummary & { statusClass: number }>();
  const byReason = new Map<BounceReason, Omit<ReasonSummary, 'codes'> & { codes: Map<string, CodeSummary> }>();
  const reasonCache: ReasonCache = new Map();
  let total = 0;
  for (const occurrence of analysis.eachInLines(0, Infinity)) {
    if (occurrence.malformation) continue;
    total++;
    let summary = byCode.get(occurrence.text);
    if (!summary) {
      const entry = findEntry(occurrence.subject, occurrence.detail);
      const meaning = entry
        ? entrySummary(entry)
        : findKnownCode(knownCodes, occurrence.text)?.description ?? (providersAt ? providerSummary(occurrence.text) : undefined) ?? 'Not in the IANA registry';
      summary = { code: occurrence.text, meaning, count: 0, occurrences: [], statusClass: occurrence.statusClass };
      byCode.set(occurrence.text, summary);
    }
    summary.count++;
    const range = { start: { line: occurrence.line, character: occurrence.start }, end: { line: occurrence.line, character: occurrence.end } };
    if (summary.occurrences.length < maxOccurrences) summary.occurrences.push(range);

    if (!lineAt) continue;
    // The providers that apply in the code's context, as in hover (Exchange Online's 5.2.2 is its sender's quota).
    const classification = classifyOccurrence(occurrence, lineAt, reasonCache, providersAt?.(occurrence));
    if (!classification) continue;
    let reason = byReason.get(classification.reason);
    if (!reason) {
      const { label, meaning } = REASONS[classification.reason];
      reason = { reason: classification.reason, label, meaning, count: 0, hard: 0, soft: 0, codes: new Map() };
      byReason.set(classification.reason, reason);
    }
    reason.count++;
    if (classification.hard) reason.hard++;
    else reason.soft++;
    let code = reason.codes.get(occurrence.text);
    if (!code) {
      code = { code: occurrence.text, meaning: summary.meaning, count: 0, occurrences: [] };
      reason.codes.set(occurrence.text, code);
    }
    code.count++;
    if (code.occurrences.length < maxOccurrences) code.occurrences.push(range);
  }
  const classes = [5, 4, 2].map((statusClass) => {
    const codes = [...byCode.values()].filter((c) => c.statusClass === statusClass).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
    return {
      statusClass,
      label: CLASS_LABEL[statusClass],
      count: codes.reduce((n, c) => n + c.count, 0),
      codes: codes.map(({ statusClass: _, ...code }) => code),
    };
  }).filter((c) => c.count > 0);
  const byCount = (a: CodeSummary, b: CodeSummary) => b.count - a.count || a.code.localeCompare(b.code);
  const reasons = [...byReason.values()]
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label))
    .map((reason) => ({ ...reason, codes: [...reason.codes.values()].sort(byCount) }));
  return lineAt ? { total, classes, reasons } : { total, classes };
}
