import type { Hover, Position } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../analysis';
import { findKnownCode } from '../knownCodes';
import { MAP_VALUE_LEADER } from '../scanner/scanner';
import { classifyOccurrence, classifyReplyCode, reasonMarkdown, type LineReader } from './bounceReason';
import { describeReplyCode, describeStatusCode } from './describe';
import type { ProvidersAt } from './providers';

/**
 * Hover on an enhanced status code, or on the basic reply code that goes with one; `providersOf` gives the provider
 * entries that explain a code, `lineAt` the lines whose reply text decides a failure's bounce reason.
 */
export function hover(
  analysis: DocumentAnalysis, position: Position, knownCodes: Record<string, string> = {}, providersOf: ProvidersAt = () => [],
  lineAt?: LineReader,
): Hover | null {
  for (const occurrence of analysis.occurrencesOnLine(position.line)) {
    const { line, start, end, replyCode, replyStart } = occurrence;
    if (position.character >= start && position.character <= end) {
      if (occurrence.malformation) {
        return {
          contents: { kind: 'markdown', value: `**${occurrence.text}** is not a well-formed enhanced status code: ${occurrence.malformation}.` },
          range: { start: { line, character: start }, end: { line, character: end } },
        };
      }
      const providers = providersOf(occurrence);
      const classification = lineAt && classifyOccurrence(occurrence, lineAt, undefined, providers);
      const description = describeStatusCode(occurrence.statusClass, occurrence.subject, occurrence.detail, replyCode, findKnownCode(knownCodes, occurrence.text), providers);
      return {
        contents: { kind: 'markdown', value: classification ? `${description}\n\n---\n\n${reasonMarkdown(classification)}` : description },
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

/**
 * Where a reply code stands without an enhanced code beside it: the start of a reply line (`550 Relaying denied`,
 * `<<< 421 …`), after `said:`, `reject=`, `#`, `=`, a quote, `ERROR:`, or an MTA action.
 */
const REPLY_LEADER = /(?:^\s*(?:<<<|>>>|<-|->)?\s*|said:\s*|reject=|[#=:;"'(]\s*|ERROR:"?|\b(?:REJECT|DEFER\w*|reject|disconnect)\s+"?)$/;

/**
 * Hover on a basic reply code written without an enhanced code: `550 Relaying denied`, `said: 421 Try later`. With
 * `lineAt` (logs and bounces, where replies are quoted) a failure's bounce reason too, from its text.
 */
export function replyCodeHover(lineText: string, position: Position, inConfiguration: boolean, lineAt?: LineReader): Hover | null {
  let start = position.character;
  while (start > 0 && /\d/.test(lineText[start - 1])) start--;
  const word = /^\d+/.exec(lineText.slice(start))?.[0];
  if (!word || !/^[2-5]\d\d$/.test(word) || position.character > start + 3) return null;
  const next = lineText[start + 3];
  if (next !== undefined && next !== ' ' && next !== '-' && next !== '"' && next !== "'") return null;
  const before = lineText.slice(Math.max(0, start - 40), start);
  if (!REPLY_LEADER.test(before) && !(inConfiguration && MAP_VALUE_LEADER.test(lineText.slice(0, start)))) return null;
  const classification = lineAt && classifyReplyCode(Number(word), lineAt, position.line, start + 3);
  return {
    contents: { kind: 'markdown', value: describeReplyCode(Number(word), classification ? reasonMarkdown(classification) : undefined) },
    range: { start: { line: position.line, character: start }, end: { line: position.line, character: start + 3 } },
  };
}
