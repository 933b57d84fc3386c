import type { Hover, Position } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../analysis';
import { findKnownCode } from '../knownCodes';
import { describeReplyCode, describeStatusCode } from './describe';

/** Hover on an enhanced status code, or on the basic reply code that goes with one. */
export function hover(analysis: DocumentAnalysis, position: Position, knownCodes: Record<string, string> = {}): Hover | null {
  for (const occurrence of analysis.occurrencesOnLine(position.line)) {
    const { line, start, end, replyCode, replyStart } = occurrence;
    if (position.character >= start && position.character <= end) {
      if (occurrence.malformation) {
        return {
          contents: { kind: 'markdown', value: `**${occurrence.text}** is not a well-formed enhanced status code: ${occurrence.malformation}.` },
          range: { start: { line, character: start }, end: { line, character: end } },
        };
      }
      return {
        contents: { kind: 'markdown', value: describeStatusCode(occurrence.statusClass, occurrence.subject, occurrence.detail, replyCode, findKnownCode(knownCodes, occurrence.text)) },
        range: { start: { line, character: start }, end: { line, character: end } },
      };
    }
    if (replyCode !== undefined && replyStart !== undefined && position.character >= replyStart && position.character <= replyStart + 3) {
      return {
        contents: { kind: 'markdown', value: describeReplyCode(replyCode) },
        range: { start: { line, character: replyStart }, end: { line, character: replyStart + 3 } },
      };
    }
  }
  return null;
}
