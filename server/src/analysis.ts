/** The scanned form of one document version, with fast look-up by line. */
import type { Range } from 'vscode-languageserver-types';
import { documentKind, type DocumentKind } from './documentKind';
import { scan, type Occurrence } from './scanner/scanner';

/** The parts of a text document the service reads (vscode-languageserver-textdocument's TextDocument fits). */
export interface TextDocumentLike {
  readonly uri: string;
  readonly languageId: string;
  readonly version: number;
  getText(range?: Range): string;
}

export class DocumentAnalysis {
  readonly kind: DocumentKind;
  readonly occurrences: readonly Occurrence[];
  readonly textLength: number;

  constructor(readonly uri: string, readonly version: number, languageId: string, text: string, isCancelled?: () => boolean) {
    this.kind = documentKind(uri, languageId, text);
    this.textLength = text.length;
    this.occurrences = scan(text, { kind: this.kind, isCancelled });
  }

  /** Occurrences on one line, found by binary search (occurrences are in document order). */
  occurrencesOnLine(line: number): Occurrence[] {
    const list = this.occurrences;
    let low = 0;
    let high = list.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (list[middle].line < line) low = middle + 1;
      else high = middle;
    }
    const result: Occurrence[] = [];
    for (let i = low; i < list.length && list[i].line === line; i++) result.push(list[i]);
    return result;
  }
}
