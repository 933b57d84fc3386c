/**
 * Lines as LSP counts them: `\n`, `\r\n` and a lone `\r` each end a line (classic Mac mail and some bounces use `\r`).
 * Every part of the service that splits text into lines or counts them goes through here, so that they all agree.
 */

const LF = 10;
const CR = 13;

export function isLineBreak(charCode: number): boolean {
  return charCode === LF || charCode === CR;
}

/** The length of the line break that starts at `offset` (2 for `\r\n`, 1 for `\r` or `\n`), or 0 where none starts. */
export function lineBreakLength(text: string, offset: number): number {
  const c = text.charCodeAt(offset);
  if (c === LF) return 1;
  if (c !== CR) return 0;
  return text.charCodeAt(offset + 1) === LF ? 2 : 1;
}

/**
 * Finds the ends of successive lines of one text. Each call must ask from an offset at or after the one before,
 * which lets it remember the next `\r` and `\n` instead of searching again: text without `\r` is searched for one once.
 */
export class LineEnds {
  private nextLf = -1;
  private nextCr = -1;

  constructor(private readonly text: string) {}

  /** The offset of the line break that ends the line holding `from` (from `from` on), or the text's length. */
  endOfLine(from: number): number {
    const text = this.text;
    if (this.nextLf < from) this.nextLf = indexOrLength(text, '\n', from);
    if (this.nextCr < from) this.nextCr = indexOrLength(text, '\r', from);
    return this.nextLf < this.nextCr ? this.nextLf : this.nextCr;
  }

  /** Where the next line starts, given the end of a line from endOfLine. */
  nextLineStart(lineEnd: number): number {
    return lineEnd + (lineBreakLength(this.text, lineEnd) || 1);
  }
}

/**
 * The line that holds an offset, moved forward through one text: its number, where it starts and where it ends (the offset
 * of its line break, or the text's length).
 */
export class LineCursor {
  line: number;
  start = 0;
  end: number;
  /** Where lines end where the text holds a `\r`; where it holds none, each line ends at the next `\n`. */
  private readonly ends: LineEnds | undefined;

  constructor(private readonly text: string, firstLine = 0) {
    this.line = firstLine;
    if (text.includes('\r')) this.ends = new LineEnds(text);
    this.end = this.ends ? this.ends.endOfLine(0) : indexOrLength(text, '\n', 0);
  }

  /** Moves to the line that holds `offset`, which must not be before the current line. */
  moveTo(offset: number): void {
    let end = this.end;
    if (offset <= end) return;
    const text = this.text;
    let start: number;
    let line = this.line;
    const ends = this.ends;
    if (ends === undefined) {
      do {
        start = end + 1;
        end = indexOrLength(text, '\n', start);
        line++;
      } while (offset > end);
    } else {
      do {
        start = ends.nextLineStart(end);
        end = ends.endOfLine(start);
        line++;
      } while (offset > end);
    }
    this.start = start;
    this.end = end;
    this.line = line;
  }
}

/** The offset of the first `search` at or after `from`, or the text's length if there is none. */
export function indexOrLength(text: string, search: string, from: number): number {
  const found = text.indexOf(search, from);
  return found === -1 ? text.length : found;
}

/** Each line's content (without its break), its number and where it starts. */
export function* eachLine(text: string): Generator<{ content: string; line: number; start: number }> {
  const ends = new LineEnds(text);
  let start = 0;
  for (let line = 0; ; line++) {
    const end = ends.endOfLine(start);
    yield { content: text.slice(start, end), line, start };
    if (end >= text.length) return;
    start = ends.nextLineStart(end);
  }
}

/** The offsets at which lines start (the first is 0); as many as the text has lines. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  const ends = new LineEnds(text);
  for (let end = ends.endOfLine(0); end < text.length; end = ends.endOfLine(starts[starts.length - 1])) {
    starts.push(ends.nextLineStart(end));
  }
  return starts;
}

/** Splits text into lines that keep their line break; the last line has none and may be empty. */
export function splitLinesKeepingBreaks(text: string): string[] {
  const lines: string[] = [];
  const ends = new LineEnds(text);
  let start = 0;
  for (let end = ends.endOfLine(0); end < text.length; end = ends.endOfLine(start)) {
    const next = ends.nextLineStart(end);
    lines.push(text.slice(start, next));
    start = next;
  }
  lines.push(text.slice(start));
  return lines;
}

/** The length of a line without its line break. */
export function contentLength(line: string): number {
  const length = line.length;
  if (length === 0) return 0;
  const last = line.charCodeAt(length - 1);
  if (last === LF) return length >= 2 && line.charCodeAt(length - 2) === CR ? length - 2 : length - 1;
  return last === CR ? length - 1 : length;
}

/** The line without its line break. */
export function withoutLineBreak(line: string): string {
  return line.slice(0, contentLength(line));
}

/** The first of `count` items in line order whose line (`lineAt(index)`) is `line` or later, found by binary search. */
export function firstOnOrAfterLine(count: number, lineAt: (index: number) => number, line: number): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (lineAt(middle) < line) low = middle + 1;
    else high = middle;
  }
  return low;
}
