/**
 * A text document kept as lines, for the server: an edit copies only the lines it touches, where a single-string
 * document would copy the whole text (20 MB for a large mail log) on every keystroke.
 */
import type { Position, Range } from 'vscode-languageserver-types';
import type { TextDocumentLike } from './analysis';
import { contentLength, splitLinesKeepingBreaks as splitLines } from './lines';
import { clampRange, type TextChange } from './ranges';

function countNewlines(text: string): number {
  let count = 0;
  for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', newline + 1)) count++;
  return count;
}

export class LineDocument implements TextDocumentLike {
  /** The lines, split from `whole` when first needed: opening a document and checking it whole reads no single line. */
  private split: string[] | undefined;
  private length: number;
  /** The whole text while no edit has changed it, so that reading it whole does not join the lines again. */
  private whole: string | undefined;

  constructor(readonly uri: string, readonly languageId: string, public version: number, text: string) {
    this.length = text.length;
    this.whole = text;
  }

  private get lines(): string[] {
    return (this.split ??= splitLines(this.whole!));
  }

  /** Splits the text into lines now (the server calls this when idle after the first check), so that no edit waits for it. */
  prepareLines(): void {
    void this.lines;
  }

  get lineCount(): number {
    if (this.split) return this.split.length;
    return this.whole!.includes('\r') ? this.lines.length : countNewlines(this.whole!) + 1;
  }

  /** The range clamped to the document and turned round if reversed (see clampRange). */
  clampRange(range: Range): Range {
    return clampRange(range, this.lines.length, (line) => contentLength(this.lines[line]));
  }

  /** The position clamped to the document, its character to the line's content (never inside a line break). */
  private clamp(position: Position): Position {
    return this.clampRange({ start: position, end: position }).start;
  }

  getText(range?: Range): string {
    if (!range) return (this.whole ??= this.lines.join(''));
    const { start, end } = this.clampRange(range);
    if (start.line === end.line) return this.lines[start.line].slice(start.character, end.character);
    const parts = [this.lines[start.line].slice(start.character)];
    for (let line = start.line + 1; line < end.line; line++) parts.push(this.lines[line]);
    parts.push(this.lines[end.line].slice(0, end.character));
    return parts.join('');
  }

  offsetAt(position: Position): number {
    const { line, character } = this.clamp(position);
    if (position.line >= this.lines.length) return this.length;
    let offset = 0;
    for (let i = 0; i < line; i++) offset += this.lines[i].length;
    return offset + character;
  }

  /** An offset past the end is the end of the last line's content: the character is clamped to it. */
  positionAt(offset: number): Position {
    const last = this.lines.length - 1;
    let remaining = Math.max(0, offset);
    let line = 0;
    for (; line < last && remaining >= this.lines[line].length; line++) remaining -= this.lines[line].length;
    return { line, character: Math.min(remaining, contentLength(this.lines[line])) };
  }

  /**
   * Applies one content change (its types checked by readTextChange) and takes the new version. Returns the change
   * as applied, its range clamped: the incremental analysis takes that one, so that both agree on what changed.
   */
  update(change: TextChange, version: number): TextChange {
    this.version = version;
    if (!('range' in change)) {
      this.split = undefined;
      this.length = change.text.length;
      this.whole = change.text;
      return change;
    }
    this.prepareLines();
    this.whole = undefined;
    const { start, end } = this.clampRange(change.range);
    const removed = this.getText({ start, end }).length;
    // The lines around the edit are split again with it: a lone \r before it and a \n after it join into one break.
    const first = Math.max(0, start.line - 1);
    const last = Math.min(this.lines.length - 1, end.line + 1);
    const before = this.lines.slice(first, start.line).join('') + this.lines[start.line].slice(0, start.character);
    const after = this.lines[end.line].slice(end.character) + this.lines.slice(end.line + 1, last + 1).join('');
    const replacement = splitLines(before + change.text + after);
    if (last < this.lines.length - 1 && replacement[replacement.length - 1] === '') replacement.pop();
    if (replacement.length <= 10_000) this.lines.splice(first, last - first + 1, ...replacement);
    else this.split = this.lines.slice(0, first).concat(replacement, this.lines.slice(last + 1));
    this.length += change.text.length - removed;
    return { range: { start, end }, text: change.text };
  }
}
