/** Text helpers shared by the features that search a whole document. */

/** Each match of a global `pattern` in `text` with its line and character, counting lines once in one pass. */
export function* matchesWithPositions(text: string, pattern: RegExp): Generator<{ match: RegExpMatchArray; line: number; character: number }> {
  let line = 0;
  let lineStart = 0;
  for (const match of text.matchAll(pattern)) {
    for (let newline = text.indexOf('\n', lineStart); newline !== -1 && newline < match.index!; newline = text.indexOf('\n', lineStart)) {
      line++;
      lineStart = newline + 1;
    }
    yield { match, line, character: match.index! - lineStart };
  }
}
