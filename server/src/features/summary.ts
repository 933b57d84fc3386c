/** A summary of the codes in a document by class and count, for the log summary view. */
import type { Range } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../analysis';
import { findKnownCode } from '../knownCodes';
import { findEntry } from '../registry/registry';
import { entrySummary } from './describe';
import { providerSummary } from './providers';

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

export interface DocumentSummary {
  total: number;
  classes: ClassSummary[];
}

const CLASS_LABEL: Record<number, string> = { 2: 'Success (2.X.X)', 4: 'Persistent transient failure (4.X.X)', 5: 'Permanent failure (5.X.X)' };

export function summarize(analysis: DocumentAnalysis, knownCodes: Record<string, string>, maxOccurrences = 200, providers = true): DocumentSummary {
  const byCode = new Map<string, CodeSummary & { statusClass: number }>();
  let total = 0;
  for (const occurrence of analysis.occurrences) {
    if (occurrence.malformation) continue;
    total++;
    let summary = byCode.get(occurrence.text);
    if (!summary) {
      const entry = findEntry(occurrence.subject, occurrence.detail);
      const meaning = entry
        ? entrySummary(entry)
        : findKnownCode(knownCodes, occurrence.text)?.description ?? (providers ? providerSummary(occurrence.text) : undefined) ?? 'Not in the IANA registry';
      summary = { code: occurrence.text, meaning, count: 0, occurrences: [], statusClass: occurrence.statusClass };
      byCode.set(occurrence.text, summary);
    }
    summary.count++;
    if (summary.occurrences.length < maxOccurrences) {
      summary.occurrences.push({ start: { line: occurrence.line, character: occurrence.start }, end: { line: occurrence.line, character: occurrence.end } });
    }
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
  return { total, classes };
}
