/** Text helpers shared by the features: positions of matches in a whole document, quoting. */
import { LineCursor } from './lines';

/** Each match of a global `pattern` in `text` with its line and character, counting lines (`\n`, `\r\n`, `\r`) once in one pass. */
export function* matchesWithPositions(text: string, pattern: RegExp): Generator<{ match: RegExpMatchArray; line: number; character: number }> {
  const lines = new LineCursor(text);
  for (const match of text.matchAll(pattern)) {
    lines.moveTo(match.index!);
    yield { match, line: lines.line, character: match.index! - lines.start };
  }
}

/** How much of a document's text a message or a title quotes at most. */
export const MAX_QUOTED_LENGTH = 80;

/**
 * Text from a document as a message quotes it: at most `max` characters, cut with an ellipsis (and never inside a
 * surrogate pair), so that a 10 MB line never makes a 10 MB message.
 */
export function quote(text: string, max = MAX_QUOTED_LENGTH): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const last = text.charCodeAt(cut - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut--;
  return `${text.slice(0, cut)}…`;
}
