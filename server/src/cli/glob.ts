/**
 * Glob matching for command-line arguments (`postfix/*_access`, `conf/**\/*.cf`) in time proportional to
 * pattern length × path length: a `*` only remembers where it last stood, it never nests a search, so no pattern
 * (`*a*a*a*a*b`) can take exponential time as a regular expression would.
 */

type Token = { any: true } | { one: true } | { set: string; negated: boolean } | { literal: string };

function tokenize(segment: string): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < segment.length; i++) {
    const char = segment[i];
    if (char === '*') tokens.push({ any: true });
    else if (char === '?') tokens.push({ one: true });
    else if (char === '\\' && i + 1 < segment.length) tokens.push({ literal: segment[++i] });
    else if (char === '[') {
      const close = segment.indexOf(']', i + 2);
      if (close < 0) {
        tokens.push({ literal: char });
        continue;
      }
      const negated = segment[i + 1] === '!' || segment[i + 1] === '^';
      tokens.push({ set: segment.slice(negated ? i + 2 : i + 1, close), negated });
      i = close;
    } else tokens.push({ literal: char });
  }
  return tokens;
}

function inSet(set: string, char: string): boolean {
  for (let i = 0; i < set.length; i++) {
    if (set[i + 1] === '-' && i + 2 < set.length) {
      if (char >= set[i] && char <= set[i + 2]) return true;
      i += 2;
    } else if (set[i] === char) return true;
  }
  return false;
}

function matchesOne(token: Token, char: string): boolean {
  if ('one' in token) return true;
  if ('set' in token) return inSet(token.set, char) !== token.negated;
  return 'literal' in token && token.literal === char;
}

/**
 * Wildcard matching with a single remembered star: on a mismatch, the last `*` takes one more item and the rest is tried
 * again. Correct because every other token takes exactly one item.
 */
function wildcardMatch<T, I>(tokens: T[], items: I[], isStar: (token: T) => boolean, matches: (token: T, item: I) => boolean): boolean {
  let t = 0;
  let i = 0;
  let starToken = -1;
  let starItem = 0;
  while (i < items.length) {
    if (t < tokens.length && isStar(tokens[t])) {
      starToken = t++;
      starItem = i;
    } else if (t < tokens.length && matches(tokens[t], items[i])) {
      t++;
      i++;
    } else if (starToken >= 0) {
      t = starToken + 1;
      i = ++starItem;
    } else return false;
  }
  while (t < tokens.length && isStar(tokens[t])) t++;
  return t === tokens.length;
}

export function isGlob(input: string): boolean {
  return /[*?[]/.test(input);
}

/** A matcher of `/`-separated relative paths: `*`, `?` and `[...]` within a segment, `**` for any number of segments. */
export function globMatcher(glob: string): (relativePath: string) => boolean {
  const segments = glob.split('/').filter((segment) => segment !== '').map((segment) => (segment === '**' ? '**' : tokenize(segment)));
  const isGlobstar = (segment: '**' | Token[]) => segment === '**';
  const segmentMatches = (segment: '**' | Token[], name: string) =>
    segment !== '**' && wildcardMatch(segment, name.split(''), (token) => 'any' in token, matchesOne);
  return (relativePath) => wildcardMatch(segments, relativePath.split('/'), isGlobstar, segmentMatches);
}
