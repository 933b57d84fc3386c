/**
 * Positions, ranges and edits as a client sends them, checked and clamped in one place: the document store and the
 * incremental analysis both take the edit this module returns, so that they always agree on what changed.
 */
import type { Position, Range } from 'vscode-languageserver-types';
import { quote } from './text';

/** An edit as LSP describes it: a range replaced by text, or the whole text replaced. */
export type TextChange = { range: Range; text: string } | { text: string };

/** A line or character as sent: a number, or a string of digits (read as the number it spells). Anything else is invalid. */
function readNumber(value: unknown): number | undefined {
  const number = typeof value === 'number' ? value : typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : NaN;
  return Number.isFinite(number) ? Math.trunc(number) : undefined;
}

/** A position whose line and character are whole numbers (or strings of digits), or undefined. Not clamped. */
export function readPosition(value: unknown): Position | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { line, character } = value as Record<string, unknown>;
  const lineNumber = readNumber(line);
  const characterNumber = readNumber(character);
  return lineNumber === undefined || characterNumber === undefined ? undefined : { line: lineNumber, character: characterNumber };
}

/** A range made of two positions (see readPosition), or undefined. Not clamped. */
export function readRange(value: unknown): Range | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const start = readPosition((value as Record<string, unknown>).start);
  const end = readPosition((value as Record<string, unknown>).end);
  return start && end ? { start, end } : undefined;
}

/** The change with its types checked, or why it cannot be applied. The range is not clamped yet (see clampRange). */
export function readTextChange(raw: unknown): TextChange | string {
  if (typeof raw !== 'object' || raw === null) return 'a content change that is not an object';
  const { text, range } = raw as Record<string, unknown>;
  if (typeof text !== 'string') return `a content change whose text is ${text === null ? 'null' : typeof text}, not a string`;
  if (range === undefined) return { text };
  const checked = readRange(range);
  if (!checked) return `a content change whose range is not made of whole numbers: ${quote(JSON.stringify(range) ?? String(range))}`;
  return { range: checked, text };
}

/**
 * The range clamped to a document of `lineCount` lines, as LSP clients and vscode-languageserver-textdocument read it:
 * a line before the first is the document's start, a line after the last its end, a character past the line's content
 * the end of that content (never inside a line break); a reversed range is turned round.
 */
export function clampRange(range: Range, lineCount: number, contentLength: (line: number) => number): Range {
  const clamp = (position: Position): Position => {
    if (position.line < 0) return { line: 0, character: 0 };
    if (position.line >= lineCount) return { line: lineCount - 1, character: contentLength(lineCount - 1) };
    return { line: position.line, character: Math.max(0, Math.min(position.character, contentLength(position.line))) };
  };
  const start = clamp(range.start);
  const end = clamp(range.end);
  return start.line > end.line || (start.line === end.line && start.character > end.character) ? { start: end, end: start } : { start, end };
}

/** A line number clamped to a document of `lineCount` lines. */
export function clampLine(line: number, lineCount: number): number {
  return Math.max(0, Math.min(line, lineCount - 1));
}
