/**
 * The scanned form of a document, kept in step with its edits: an edit re-scans only the lines it touched,
 * since every context the scanner reads lies on the code's own line.
 */
import type { Position, Range } from 'vscode-languageserver-types';
import { documentKind, SNIFF_LENGTH, type DocumentKind } from './documentKind';
import { scan, scanLines, type Occurrence } from './scanner/scanner';
import { clampLine, type TextChange } from './ranges';

export type { TextChange } from './ranges';

/** The parts of a text document the service reads (vscode-languageserver-textdocument's TextDocument fits). */
export interface TextDocumentLike {
  readonly uri: string;
  readonly languageId: string;
  readonly version: number;
  readonly lineCount: number;
  getText(range?: Range): string;
  offsetAt(position: Position): number;
  positionAt(offset: number): Position;
}

export class DocumentAnalysis {
  kind: DocumentKind = 'text';
  version = 0;
  textLength = 0;
  /** The document's number of lines when it was last scanned: an edit's effect on it tells which lines it replaced. */
  private lineCount = 1;
  /**
   * The first line that an edit has touched since `changedFromLine` was last set to Infinity (by the diagnostics, once
   * built): occurrences on the lines before it are the same objects on the same lines (edits shift only later lines).
   */
  changedFromLine = 0;
  private all: Occurrence[] = [];
  private confidentCount = 0;
  private visible: readonly Occurrence[] | undefined;

  /** `userKind`: the kind the user gave the document (smtpStatusCodes.fileKinds), which no detection overrides. */
  constructor(document: TextDocumentLike, isCancelled?: () => boolean, readonly userKind?: DocumentKind) {
    this.scanWhole(document, isCancelled);
  }

  private scanWhole(document: TextDocumentLike, isCancelled?: () => boolean): void {
    const text = document.getText();
    this.version = document.version;
    this.textLength = text.length;
    this.kind = this.userKind ?? documentKind(document.uri, document.languageId, text);
    this.changedFromLine = 0;
    const scanned = scanLines(text, { kind: this.kind, isCancelled });
    this.all = scanned.occurrences;
    this.lineCount = scanned.lineCount;
    this.confidentCount = 0;
    this.count(this.all, 1);
  }

  /**
   * Occurrences in document order. Code-only literals count only where the document holds confident codes too,
   * so that `'2.1.0'` in an ordinary program stays quiet while a table of codes beside replies hovers.
   */
  get occurrences(): readonly Occurrence[] {
    this.visible ??= this.confidentCount > 0 ? this.all : this.all.filter((occurrence) => !occurrence.literal);
    return this.visible;
  }

  /** Occurrences on one line, found by binary search. */
  occurrencesOnLine(line: number): Occurrence[] {
    return this.occurrencesInLines(line, line);
  }

  /** Occurrences on lines `from` to `to` (inclusive), found by binary search, one at a time (a caller may stop early). */
  *eachInLines(from: number, to: number): Generator<Occurrence> {
    const list = this.occurrences;
    for (let i = firstOnOrAfter(list, from); i < list.length && list[i].line <= to; i++) yield list[i];
  }

  /** Occurrences on lines `from` to `to` (inclusive), found by binary search. */
  occurrencesInLines(from: number, to: number): Occurrence[] {
    const list = this.occurrences;
    const result: Occurrence[] = [];
    for (let i = firstOnOrAfter(list, from); i < list.length && list[i].line <= to; i++) result.push(list[i]);
    return result;
  }

  /**
   * Brings the analysis up to `document`, to which `change` has just been applied. Its range is read as the document
   * store reads it (clamped, turned round if reversed). The edit replaced the lines from its start line to its end line;
   * they are now the lines from the start line to the end line plus the change in the number of lines: the lines around
   * keep their content (only their line break may change, as when a `\r` before the edit and a `\n` in it join).
   */
  applyChange(document: TextDocumentLike, change: TextChange): void {
    const range = 'range' in change ? change.range : undefined;
    const [from, to] = range ? [clampLine(range.start.line, this.lineCount), clampLine(range.end.line, this.lineCount)].sort((a, b) => a - b) : [0, 0];
    if (!range || this.mayChangeKind(document, from)) {
      this.scanWhole(document);
      return;
    }
    this.changedFromLine = Math.min(this.changedFromLine, from);
    const lineDelta = document.lineCount - this.lineCount;
    const lastLine = to + lineDelta;

    const first = firstOnOrAfter(this.all, from);
    const afterLast = firstOnOrAfter(this.all, to + 1);
    const rescanned = lastLine < from ? [] : scan(
      document.getText({ start: { line: from, character: 0 }, end: { line: lastLine + 1, character: 0 } }),
      { kind: this.kind, firstLine: from },
    );
    for (let i = first; i < afterLast; i++) if (this.all[i].confident) this.confidentCount--;
    if (lineDelta !== 0) for (let i = afterLast; i < this.all.length; i++) this.all[i].line += lineDelta;
    this.count(rescanned, 1);
    // In place: a copy of the list (tens of thousands of entries in a large log) on every keystroke is most of an edit's cost.
    if (rescanned.length <= 10_000) this.all.splice(first, afterLast - first, ...rescanned);
    else this.all = this.all.slice(0, first).concat(rescanned, this.all.slice(afterLast));
    this.version = document.version;
    this.lineCount = document.lineCount;
    this.textLength = document.offsetAt({ line: document.lineCount, character: 0 });
  }

  /** An edit from `line` on can change the kind only where the content decides it: in the first SNIFF_LENGTH characters. */
  private mayChangeKind(document: TextDocumentLike, line: number): boolean {
    if (this.userKind) return false;
    const headEnd = document.positionAt(SNIFF_LENGTH);
    if (line > headEnd.line) return false;
    const head = document.getText({ start: { line: 0, character: 0 }, end: headEnd });
    return documentKind(document.uri, document.languageId, head) !== this.kind;
  }

  private count(occurrences: readonly Occurrence[], sign: 1 | -1): void {
    for (const occurrence of occurrences) if (occurrence.confident) this.confidentCount += sign;
    this.visible = undefined;
  }
}

/** The index of the first item of `list` (in line order) whose line is `line` or later, found by binary search. */
export function firstOnOrAfter<T>(list: readonly T[], line: number, lineOf: (item: T) => number = (item) => (item as { line: number }).line): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (lineOf(list[middle]) < line) low = middle + 1;
    else high = middle;
  }
  return low;
}

