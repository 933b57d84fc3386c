/** Which registered codes fit a reply: by the words of its text, for quick fixes that insert or replace a code. */
import { ENUMERATED_CODES, findEntryByCode, suitsClass, withClass, type StatusClass } from '../registry/registry';

/** Words that name a condition the sample texts put otherwise. */
const KEYWORDS: [RegExp, string][] = [
  [/\b(?:no such (?:user|mailbox)|user unknown|unknown (?:user|recipient)|recipient not found|does not exist)\b/i, 'X.1.1'],
  // "mailbox" or "quota", then "full" or "exceeded": read from the first of the two words only, so that a line of many
  // of them is crossed once (a bare `\b(?:mailbox|quota)\b.*` would retry the rest of the line at each one).
  [/^(?:(?!\b(?:mailbox|quota)\b).)*\b(?:mailbox|quota)\b.*\b(?:full|exceeded)\b|\bover quota\b|\bmailbox full\b/i, 'X.2.2'],
  [/\b(?:disabled|inactive|suspended)\b/i, 'X.2.1'],
  [/\b(?:too (?:big|large)|size (?:limit|exceeds))\b/i, 'X.3.4'],
  [/\btoo many recipients\b/i, 'X.5.3'],
  [/\b(?:r(?:everse )?dns|ptr record|reverse (?:lookup|hostname))\b/i, 'X.7.25'],
  [/\bspf\b/i, 'X.7.23'],
  [/\bdkim\b/i, 'X.7.20'],
  [/\b(?:auth(?:entication)? (?:required|needed))\b/i, 'X.7.0'],
  [/\b(?:auth(?:entication)? (?:failed|credentials|invalid))\b/i, 'X.7.8'],
  [/\b(?:relay(?:ing)?|spam|blocked|blacklist|blocklist|denied|refused|policy|not allowed|not welcome)\b/i, 'X.7.1'],
  [/\b(?:try again|later|greylist\w*|temporar\w*|busy|rate)\b/i, 'X.7.1'],
  [/\b(?:moved|no longer)\b/i, 'X.1.6'],
];

const STOP_WORDS = new Set(['the', 'an', 'of', 'or', 'to', 'for', 'not', 'and', 'is', 'be', 'by', 'on', 'in', 'your', 'our', 'this', 'that', 'please']);

function words(text: string): Set<string> {
  // Words of one letter are dropped with the stop words.
  return new Set(text.toLowerCase().split(/[^a-z0-9]+/).filter((word) => word.length > 1 && !STOP_WORDS.has(word)));
}

function similarity(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  // Never 0 / 0: every sample text has words.
  return shared / (a.size + b.size - shared);
}


/**
 * Registered codes of `statusClass` ranked for a reply whose text is `text`: the keyword match first, then codes of
 * `subject` (when given), then by how many words the text shares with the sample text.
 */
export function suggestCodes(statusClass: StatusClass, text: string, subject?: number, limit = 3): string[] {
  const textWords = words(text);
  const keyword = KEYWORDS.find(([pattern]) => pattern.test(text))?.[1];
  const scored = ENUMERATED_CODES.filter((entry) => suitsClass(entry, statusClass)).map((entry) => ({
    entry,
    score: (entry.code === keyword ? 4 : 0) + (entry.subject === subject ? 2 : 0) + similarity(textWords, words(entry.sample)),
  }));
  // Stable: equal scores keep the registry's order, which is by subject, then detail.
  scored.sort((a, b) => b.score - a.score);
  return scored.slice(0, limit).map(({ entry }) => withClass(entry, statusClass));
}

/** The code that the words of a reply name (user unknown: X.1.1, mailbox full: X.2.2 ...), or undefined where they name none. */
export function codeNamedBy(statusClass: StatusClass, text: string): string | undefined {
  const keyword = KEYWORDS.find(([pattern]) => pattern.test(text))?.[1];
  const entry = keyword ? findEntryByCode(keyword) : undefined;
  return entry && suitsClass(entry, statusClass) ? withClass(entry, statusClass) : undefined;
}
