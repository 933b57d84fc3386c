/**
 * The scanned form of a document, kept in step with its edits: an edit re-scans only the lines it touched,
 * since every context the scanner reads lies on the code's own line.
 */
import type { Position, Range } from 'vscode-languageserver-types';
import { documentKind, SNIFF_LENGTH, type DocumentKind } from './documentKind';
import { scan, type Occurrence } from './scanner/scanner';

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

/** An edit as LSP describes it: a range replaced by text, or the whole text replaced. */
export type TextChange = { range: Range; text: string } | { text: string };

export class DocumentAnalysis {
  kind: DocumentKind = 'text';
  version = 0;
  textLength = 0;
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
    this.all = scan(text, { kind: this.kind, isCancelled });
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

  /** Occurrences on lines `from` to `to` (inclusive), found by binary search. */
  occurrencesInLines(from: number, to: number): Occurrence[] {
    const list = this.occurrences;
    const result: Occurrence[] = [];
    for (let i = firstOnOrAfter(list, from); i < list.length && list[i].line <= to; i++) result.push(list[i]);
    return result;
  }

  /** Brings the analysis up to `document`, to which `change` has just been applied. */
  applyChange(document: TextDocumentLike, change: TextChange): void {
    if (!('range' in change) || this.mayChangeKind(document, change.range.start.line)) {
      this.scanWhole(document);
      return;
    }
    const { start, end } = change.range;
    const lastNewLine = start.line + countNewlines(change.text);
    const lineDelta = lastNewLine - end.line;

    const from = firstOnOrAfter(this.all, start.line);
    const to = firstOnOrAfter(this.all, end.line + 1);
    const rescanned = scan(
      document.getText({ start: { line: start.line, character: 0 }, end: { line: lastNewLine + 1, character: 0 } }),
      { kind: this.kind, firstLine: start.line },
    );
    for (let i = from; i < to; i++) if (this.all[i].confident) this.confidentCount--;
    if (lineDelta !== 0) for (let i = to; i < this.all.length; i++) this.all[i].line += lineDelta;
    this.count(rescanned, 1);
    this.all = this.all.slice(0, from).concat(rescanned, this.all.slice(to));
    this.version = document.version;
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

function firstOnOrAfter(list: readonly Occurrence[], line: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle].line < line) low = middle + 1;
    else high = middle;
  }
  return low;
}


function countNewlines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
  return count;
}
