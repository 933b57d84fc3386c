/**
 * The scanned form of a document, kept in step with its edits: an edit re-scans only the lines it touched,
 * since every context the scanner reads lies on the code's own line.
 */
import type { Position, Range } from 'vscode-languageserver-types';
import { lineCommentPrefixes } from './comments';
import { documentKind, SNIFF_LENGTH, type DocumentKind } from './documentKind';
import { scanLines } from './scanner/scanner';
import { OccurrenceTable, type Occurrence } from './scanner/occurrences';
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

/** Lines `from` to `to` (inclusive) are new; the lines after them were `shift` lines higher (lower if negative). */
export interface ChangedLines {
  from: number;
  to: number;
  shift: number;
}

const EVERYTHING: ChangedLines = { from: 0, to: Infinity, shift: 0 };

/** The changes so far and an edit that replaced the lines up to `editedTo` (numbered as before the edit) with `edit`'s lines. */
function joinChanges(changed: ChangedLines | undefined, edit: ChangedLines, editedTo: number): ChangedLines {
  if (!changed) return edit;
  const to = changed.to > editedTo ? changed.to + edit.shift : changed.to;
  return { from: Math.min(changed.from, edit.from), to: Math.max(to, edit.to), shift: changed.shift + edit.shift };
}

export class DocumentAnalysis {
  kind: DocumentKind = 'text';
  version = 0;
  textLength = 0;
  /** The document's number of lines when it was last scanned: an edit's effect on it tells which lines it replaced. */
  private lineCount = 1;
  /**
   * The lines edits have touched since the diagnostics were last built (they clear it), in today's line numbers, and how
   * far the lines after them have moved: occurrences outside these lines are unchanged, those after them only moved.
   * Undefined when nothing has changed.
   */
  changedLines: ChangedLines | undefined = EVERYTHING;
  private table = new OccurrenceTable();
  /** How line comments start in the document, for the scanner: a code on a commented-out line is not checked. */
  private lineComments: readonly string[] = [];
  private confidentCount = 0;

  /** `userKind`: the kind the user gave the document (smtpStatusCodes.fileKinds), which no detection overrides. */
  constructor(document: TextDocumentLike, isCancelled?: () => boolean, readonly userKind?: DocumentKind) {
    this.scanWhole(document, isCancelled);
  }

  private scanWhole(document: TextDocumentLike, isCancelled?: () => boolean): void {
    const text = document.getText();
    this.version = document.version;
    this.textLength = text.length;
    this.kind = this.userKind ?? documentKind(document.uri, document.languageId, text);
    this.lineComments = lineCommentPrefixes(this.kind, document.languageId, document.uri);
    this.changedLines = EVERYTHING;
    const scanned = scanLines(text, { kind: this.kind, lineComments: this.lineComments, isCancelled });
    this.table = scanned.occurrences;
    this.lineCount = scanned.lineCount;
    this.confidentCount = this.confidentIn(0, this.table.length);
  }

  /**
   * Whether the occurrence in `row` counts. Code-only literals count only where the document holds confident codes too,
   * so that `'2.1.0'` in an ordinary program stays quiet while a table of codes beside replies hovers.
   */
  private isVisible(row: number): boolean {
    return this.confidentCount > 0 || !this.table.isLiteral(row);
  }

  /** The number of occurrences, without making them. */
  get occurrenceCount(): number {
    if (this.confidentCount > 0) return this.table.length;
    let count = 0;
    for (let row = 0; row < this.table.length; row++) if (!this.table.isLiteral(row)) count++;
    return count;
  }

  /**
   * Occurrences in document order, as new objects: features that read them all go through eachInLines, one at a time,
   * so that a large log's occurrences are never all held as objects at once.
   */
  get occurrences(): Occurrence[] {
    return this.occurrencesInLines(0, Infinity);
  }

  /** Occurrences on one line, found by binary search. */
  occurrencesOnLine(line: number): Occurrence[] {
    return this.occurrencesInLines(line, line);
  }

  /** Occurrences on lines `from` to `to` (inclusive), found by binary search, one at a time (a caller may stop early). */
  *eachInLines(from: number, to: number): Generator<Occurrence> {
    const table = this.table;
    for (let row = table.firstOnOrAfter(from); row < table.length && table.lineAt(row) <= to; row++) if (this.isVisible(row)) yield table.at(row);
  }

  /** Occurrences on lines `from` to `to` (inclusive), found by binary search. */
  occurrencesInLines(from: number, to: number): Occurrence[] {
    const table = this.table;
    const result: Occurrence[] = [];
    for (let row = table.firstOnOrAfter(from); row < table.length && table.lineAt(row) <= to; row++) if (this.isVisible(row)) result.push(table.at(row));
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
    const lineDelta = document.lineCount - this.lineCount;
    const lastLine = to + lineDelta;
    this.changedLines = joinChanges(this.changedLines, { from, to: Math.max(from, lastLine), shift: lineDelta }, to);

    const first = this.table.firstOnOrAfter(from);
    const afterLast = this.table.firstOnOrAfter(to + 1);
    const rescanned = this.table.emptyLike();
    if (lastLine >= from) {
      scanLines(
        document.getText({ start: { line: from, character: 0 }, end: { line: lastLine + 1, character: 0 } }),
        { kind: this.kind, lineComments: this.lineComments, firstLine: from, into: rescanned },
      );
    }
    this.confidentCount += rescanned.length === 0 ? 0 : countConfident(rescanned, 0, rescanned.length);
    this.confidentCount -= this.confidentIn(first, afterLast);
    this.table.replaceRows(first, afterLast, rescanned, lineDelta);
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

  private confidentIn(from: number, to: number): number {
    return countConfident(this.table, from, to);
  }
}

function countConfident(table: OccurrenceTable, from: number, to: number): number {
  let count = 0;
  for (let row = from; row < to; row++) if (table.isConfident(row)) count++;
  return count;
}
