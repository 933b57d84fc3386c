import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position } from 'vscode-languageserver-types';

let version = 0;

export function documentOf(text: string, uri = 'file:///work/notes.txt', languageId = 'plaintext'): TextDocument {
  return TextDocument.create(uri, languageId, ++version, text);
}

/** A document whose text holds one `|` cursor marker; returns the document without it and the marker's position. */
export function withCursor(textWithCursor: string, uri?: string, languageId?: string): { document: TextDocument; position: Position } {
  const offset = textWithCursor.indexOf('|');
  if (offset === -1) throw new Error('no | cursor marker in the text');
  const document = documentOf(textWithCursor.slice(0, offset) + textWithCursor.slice(offset + 1), uri, languageId);
  return { document, position: document.positionAt(offset) };
}
