/**
 * Semantic tokens: every code and reply code the scanner found, typed by class, so that editors colour them in any
 * file, Plain Text included, where no grammar reaches. A wrong code carries `invalid`, a deprecated one `deprecated`.
 */
import type { Range, SemanticTokensEdit, SemanticTokensLegend } from 'vscode-languageserver-types';
import type { DocumentAnalysis } from '../analysis';
import { quotesOthers } from '../documentKind';
import type { Occurrence } from '../scanner/scanner';
import type { Settings } from '../settings';
import { findingsFor } from './diagnostics';
import { providerUseOf, type ProviderUse } from './providers';

export const SEMANTIC_TOKEN_TYPES = [
  'statusCodeSuccess', 'statusCodeTransient', 'statusCodePermanent', 'statusCode',
  'replyCodeSuccess', 'replyCodeTransient', 'replyCodePermanent',
] as const;
export const SEMANTIC_TOKEN_MODIFIERS = ['invalid', 'deprecated'] as const;
type SemanticTokenType = (typeof SEMANTIC_TOKEN_TYPES)[number];

export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = {
  tokenTypes: [...SEMANTIC_TOKEN_TYPES],
  tokenModifiers: [...SEMANTIC_TOKEN_MODIFIERS],
};

const typeIndex = (type: SemanticTokenType) => SEMANTIC_TOKEN_TYPES.indexOf(type);
/** Token types by class (the first digit of the code or of the reply code). */
const STATUS_CODE_TYPE: Record<number, number> = { 2: typeIndex('statusCodeSuccess'), 4: typeIndex('statusCodeTransient'), 5: typeIndex('statusCodePermanent') };
const ANY_STATUS_CODE = typeIndex('statusCode');
const REPLY_CODE_TYPE: Record<number, number> = { 2: typeIndex('replyCodeSuccess'), 4: typeIndex('replyCodeTransient'), 5: typeIndex('replyCodePermanent') };
const INVALID = 1 << SEMANTIC_TOKEN_MODIFIERS.indexOf('invalid');
const DEPRECATED = 1 << SEMANTIC_TOKEN_MODIFIERS.indexOf('deprecated');

interface Token {
  start: number;
  length: number;
  type: number;
  modifiers: number;
}

/** The modifiers of a code: only for findings the user's severities report (a check set to `off` marks nothing). */
function modifiersOf(occurrence: Occurrence, settings: Settings, levels: Settings['severity'], providers: ProviderUse): number {
  if (!occurrence.confident) return 0;
  let modifiers = 0;
  for (const { code } of findingsFor(occurrence, settings.knownCodes, providers, settings.strictRegistry)) {
    if (levels[code] === 'off') continue;
    if (code === 'deprecated-code') modifiers |= DEPRECATED;
    else if (code === 'malformed-code' || code === 'class-mismatch' || code === 'unregistered-code') modifiers |= INVALID;
  }
  return modifiers;
}

/** The tokens of one line's occurrences, in order, without overlaps (a reply code may stand before or after its code). */
function lineTokens(occurrences: readonly Occurrence[], settings: Settings, levels: Settings['severity'], providers: ProviderUse): Token[] {
  const tokens: Token[] = [];
  for (const occurrence of occurrences) {
    tokens.push({
      start: occurrence.start,
      length: occurrence.end - occurrence.start,
      type: STATUS_CODE_TYPE[occurrence.statusClass] ?? ANY_STATUS_CODE,
      modifiers: modifiersOf(occurrence, settings, levels, providers),
    });
    const replyType = occurrence.replyCode !== undefined ? REPLY_CODE_TYPE[Math.floor(occurrence.replyCode / 100)] : undefined;
    if (replyType !== undefined && occurrence.replyStart !== undefined) tokens.push({ start: occurrence.replyStart, length: 3, type: replyType, modifiers: 0 });
  }
  if (tokens.length === 1) return tokens;
  tokens.sort((a, b) => a.start - b.start);
  return tokens.filter((token, index) => index === 0 || token.start >= tokens[index - 1].start + tokens[index - 1].length);
}

/**
 * The tokens of the whole document, or of the lines a range covers (tokens that only touch the range's first or last
 * line outside it are kept: editors ask for whole visible lines), in LSP's relative encoding.
 */
export function semanticTokens(analysis: DocumentAnalysis, settings: Settings, range?: Range): number[] {
  const levels = quotesOthers(analysis.kind) ? settings.severityInLogs : settings.severity;
  const providers = providerUseOf(analysis.kind, settings.providers.enabled);
  const encoder = new RelativeEncoder();
  const onLine: Occurrence[] = [];
  // One line's occurrences at a time: a large log's are never all made into objects at once.
  for (const occurrence of range ? analysis.eachInLines(range.start.line, range.end.line) : analysis.eachInLines(0, Infinity)) {
    if (onLine.length > 0 && occurrence.line !== onLine[0].line) {
      encoder.add(onLine[0].line, lineTokens(onLine, settings, levels, providers));
      onLine.length = 0;
    }
    onLine.push(occurrence);
  }
  if (onLine.length > 0) encoder.add(onLine[0].line, lineTokens(onLine, settings, levels, providers));
  return encoder.data;
}

/** LSP's relative encoding: each token's line and start as the difference from the token before it. */
class RelativeEncoder {
  readonly data: number[] = [];
  private previousLine = 0;
  private previousStart = 0;

  add(line: number, tokens: readonly Token[]): void {
    const data = this.data;
    for (const token of tokens) {
      const deltaLine = line - this.previousLine;
      data.push(deltaLine);
      data.push(deltaLine === 0 ? token.start - this.previousStart : token.start);
      data.push(token.length);
      data.push(token.type);
      data.push(token.modifiers);
      this.previousLine = line;
      this.previousStart = token.start;
    }
  }
}

/**
 * The edit that turns `previous` into `next`: one replacement between their common head and tail. An edit in a large
 * log changes a few numbers of the relative encoding, so the editor receives those instead of the whole array.
 */
export function semanticTokensEdits(previous: readonly number[], next: readonly number[]): SemanticTokensEdit[] {
  let head = 0;
  const shorter = Math.min(previous.length, next.length);
  while (head < shorter && previous[head] === next[head]) head++;
  let tail = 0;
  while (tail < shorter - head && previous[previous.length - 1 - tail] === next[next.length - 1 - tail]) tail++;
  if (head === previous.length && head === next.length) return [];
  return [{ start: head, deleteCount: previous.length - head - tail, data: next.slice(head, next.length - tail) }];
}

/** The last full result sent for each document, so that the next request can be answered with a delta. */
export class SemanticTokensResults {
  private readonly last = new Map<string, { resultId: string; data: number[] }>();
  private counter = 0;

  full(uri: string, data: number[]): { resultId: string; data: number[] } {
    const result = { resultId: String(++this.counter), data };
    this.last.set(uri, result);
    return result;
  }

  /** A delta against `previousResultId` where that is the last result sent, else the full tokens. */
  delta(uri: string, previousResultId: string, data: number[]): { resultId: string; edits: SemanticTokensEdit[] } | { resultId: string; data: number[] } {
    const previous = this.last.get(uri);
    const result = this.full(uri, data);
    return previous?.resultId === previousResultId ? { resultId: result.resultId, edits: semanticTokensEdits(previous.data, data) } : result;
  }

  forget(uri: string): void {
    this.last.delete(uri);
  }
}
