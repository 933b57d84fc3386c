/**
 * Finds enhanced status codes in text in one pass. A dotted triple is a code only where its context says so:
 * a reply code before it, a status field, an MTA action; a bare triple is at most plausible (hover only).
 */
import { HARAKA_VERDICTS, impliedClass, POSTFIX_ACTIONS } from '../actions';
import { isConfigKind, isReadOnlyKind, type DocumentKind } from '../documentKind';
import { indexOrLength, LineCursor } from '../lines';
import { contextFlags, digitsValue, OccurrenceTable, type Occurrence, type OccurrenceContext } from './occurrences';

export type { Occurrence, OccurrenceContext } from './occurrences';

/** What classify may also answer: a code-only literal, shown only where the document holds confident codes too. */
type CandidateContext = OccurrenceContext | 'literal';

/**
 * A digit, a dot, 1-4 digits, a dot, 1-4 digits (4 so that over-long sub-codes are caught as malformed),
 * not inside a longer dotted number, a word or a version (`v5.1.1`, `node@5.1.1`, `^5.1.1`, `10.5.1.1`, `5.1.1.2`), nor after
 * a comparison (`>=2.1.0`, `===5.3.0`, `~=4.2.0`: version ranges and tests).
 * Underscores may touch it: qmail writes spaces as `_` in its logs (`said:_550_5.1.1_<user>`).
 */
const CANDIDATE = /(?<![A-Za-z0-9.@^~/\\+$%*]|[<>=!~]=)\d\.\d{1,4}\.\d{1,4}(?![A-Za-z0-9]|\.\w|-\w)/g;

/** How far back on the line each context is read: enough for its longest form, and a bound on the work per candidate. */
const CONTEXT_WINDOW = 40;
const AFTER_WINDOW = 16;

/**
 * A reply code passed as an argument before the code: milter-style `"550", "5.7.1"`, `setReply(550, "5.7.1")`.
 * (A reply code right before the code, `550 `, `550-`, `_550_`, `\n550-`, is read by replyCodeBefore.)
 */
const REPLY_ARGUMENT_BEFORE = /(?<![A-Za-z0-9.])([2-5]\d\d)["']?\s*,\s*["']$/;
/** Status fields and named keys: `dsn=`, `Status: `, `"enhancedCode": "`, `XCODE_REJECT "`, qmail's `(#`. */
const FIELD_BEFORE = /(?:\b(?:dsn|status|x-?status|enhanced[_-]?(?:status[_-]?)?code|enhancedstatus|esc|status[_-]?code|dsn[_-]?(?:code|status))["']?\s*[=:]\s*["']?|\bxcode\w*["']?\s*(?:[=:]\s*|\s)["']|\(#)$/i;
/** A cheap first test for FIELD_BEFORE: one of the words its keys contain. */
const FIELD_WORD = /dsn|stat|code|esc|\(#/i;
/** MTA actions: Postfix access results, error/retry transports, Sendmail access and rules. */
const ACTION_BEFORE = new RegExp(String.raw`(\b(?:${POSTFIX_ACTIONS}|error:|retry:)|\$#error\s+\$@)\s*$`, 'i');
/** Haraka's verdicts passed with a reply text: `next(DENY, '5.7.1 text')`, `next(DENYSOFT, "4.2.2 text")`. */
const HARAKA_BEFORE = new RegExp(String.raw`\b(${HARAKA_VERDICTS})\s*,\s*["'\`]$`);
/** The reply code written after the code: Sendmail's `ERROR:5.7.1:550` and `$@ 5.7.1 $: "550 …"`. */
const REPLY_AFTER = /^(?::|\s*\$:\s*"?)([2-5]\d\d)\b/;
/** Postfix cleanup drops the reply code of a milter's reply: `milter-reject: END-OF-MESSAGE from host[addr]: 5.7.1 text`. */
const MILTER_LINE = /\bmilter-(?:reject|tempfail|discard|hold)\b/;
/** In MTA tables the value follows the key: `relay.example   5.1.6 text`. */
export const MAP_VALUE_LEADER = /^\S+\s+$/;

/** Whether text[index, end) with its second dot at `secondDot` has no malformation, tested without slicing it. */
function isWellFormed(text: string, index: number, secondDot: number, end: number): boolean {
  const statusClass = text.charCodeAt(index);
  return (statusClass === 50 || statusClass === 52 || statusClass === 53) && isWellFormedSubCode(text, index + 2, secondDot) && isWellFormedSubCode(text, secondDot + 1, end);
}

function isWellFormedSubCode(text: string, from: number, to: number): boolean {
  return to - from <= 1 || (to - from <= 3 && text.charCodeAt(from) !== 48);
}

const C_DIRECTIVES = new Set(['define', 'include', 'if', 'ifdef', 'ifndef', 'elif', 'else', 'endif', 'undef', 'pragma', 'error']);

/**
 * Whether text[lineStart, index) is in a comment, in source code: a comment describes (`// Take a line like "4.2.12 text"`),
 * so its codes hover but are not checked. A line that starts as a comment (`//`, `/*`, `*`, `-- `, or `#` where no C
 * preprocessor directive follows it), or ` // ` after code.
 */
function isCommentBefore(text: string, lineStart: number, index: number, slashes: DoubleSlashes): boolean {
  const first = skipSpacesForward(text, lineStart, index);
  const c = text.charCodeAt(first);
  // Stryker disable next-line ConditionalExpression,EqualityOperator,ArithmeticOperator,UnaryOperator: a bound: the character at `index` is the code's first digit, which opens no comment
  const next = first + 1 < index ? text.charCodeAt(first + 1) : -1;
  if (first < index && (c === 42 || (c === 47 && (next === 47 || next === 42)))) return true; // *, //, /*
  if (c === 45 && next === 45 && first + 2 < index && isRegExpSpace(text.charCodeAt(first + 2))) return true; // --
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a bound: the character at `index` is a digit, no `#`
  if (c === 35 && first < index) { // #
    const wordStart = skipSpacesForward(text, first + 1, index);
    let wordEnd = wordStart;
    // Stryker disable next-line ConditionalExpression,EqualityOperator: a bound: a word that runs into the code names no directive either
    while (wordEnd < index && isWordCharacter(text.charCodeAt(wordEnd))) wordEnd++;
    if (!C_DIRECTIVES.has(text.slice(wordStart, wordEnd))) return true;
  }
  return slashes.spacedBetween(lineStart + 1, index);
}

/**
 * Finds `//` in one text. Each call must ask from an offset at or after the one before, which lets it remember the next
 * `//` instead of searching each line again (as LineEnds remembers line breaks).
 */
class DoubleSlashes {
  private next = -1;

  constructor(private readonly text: string) {}

  /** Whether a `//` with white space on both sides starts at or after `from` and ends before `to`. */
  spacedBetween(from: number, to: number): boolean {
    const text = this.text;
    if (this.next < from) this.next = indexOrLength(text, '//', from);
    for (; this.next + 2 < to; this.next = indexOrLength(text, '//', this.next + 1)) {
      if (isRegExpSpace(text.charCodeAt(this.next - 1)) && isRegExpSpace(text.charCodeAt(this.next + 2))) return true;
    }
    return false;
  }
}


/**
 * Whether the code at `index` is in a comment, where codes describe and are not checked: source comments (see
 * isCommentBefore); elsewhere a line that starts, after white space, with one of the document's line comments
 * (`lineComments`: `#` in YAML, `;` or `#` in INI, `--` in SQL, `dnl` in Sendmail's `.mc` files), or in MTA configuration
 * with `#`. A commented-out rule or setting is not in force.
 */
function isInComment(text: string, lineStart: number, index: number, kind: DocumentKind, lineComments: readonly string[], slashes: DoubleSlashes): boolean {
  if (kind === 'source') return isCommentBefore(text, lineStart, index, slashes);
  const first = skipSpacesForward(text, lineStart, index);
  if (isConfigKind(kind) && text.charCodeAt(first) === 35) return true;
  for (let i = 0; i < lineComments.length; i++) {
    const comment = lineComments[i];
    // A comment word (`dnl`) is a word of its own: `dnlx` opens no comment.
    if (text.startsWith(comment, first) && (!isWordCharacter(text.charCodeAt(first + comment.length - 1)) || !isWordCharacter(text.charCodeAt(first + comment.length)))) return true;
  }
  return false;
}

/** The offset of the first character at or after `from`, before `to`, that is not `\s`; `to` if there is none. */
function skipSpacesForward(text: string, from: number, to: number): number {
  let p = from;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a bound: `to` is a code's first digit, no space
  while (p < to && isRegExpSpace(text.charCodeAt(p))) p++;
  return p;
}

export interface ScanOptions {
  kind: DocumentKind;
  /** How line comments start in the document (see lineCommentPrefixes in comments.ts), where it has line comments. */
  lineComments?: readonly string[];
  /** Line number of the first line of `text`. */
  firstLine?: number;
  isCancelled?: () => boolean;
  /** The table to add to (an empty one sharing a document's strings, for an edit); a new one by default. */
  into?: OccurrenceTable;
}

/** All occurrences in `text`, in order, code-only literals included (flagged). */
export function scan(text: string, options: ScanOptions): Occurrence[] {
  return scanLines(text, options).occurrences.toArray();
}

/**
 * The occurrences, and the number of lines of `text` as LSP counts them: the scan walks the line ends up to its last code
 * anyway, so the count costs only the lines after it (a document need not be read again for its line count). A cancelled
 * scan returns what it found and no count (NaN).
 */
export function scanLines(text: string, options: ScanOptions): { occurrences: OccurrenceTable; lineCount: number } {
  // A busy mail log holds a code every 400 characters or so: room for one every 256 is made at its first code (up to 3.5 MB).
  // Stryker disable next-line MethodExpression: the room made at first, not what the table holds
  const occurrences = options.into ?? new OccurrenceTable(undefined, Math.min(text.length >> 8, 1 << 17));
  const firstLine = options.firstLine ?? 0;
  const lastLine = scanInto(occurrences, text, options.kind, options.lineComments ?? [], firstLine, options.isCancelled);
  return { occurrences, lineCount: lastLine === -1 ? NaN : lastLine - firstLine + 1 };
}

/**
 * Adds the occurrences in `text` to `occurrences` and returns the number of the text's last line, or -1 if cancelled.
 * Nothing follows the loop: the loop's end is one more turn (with no candidate, up to the end of the text), so that the
 * compiled loop holds no code that has not run yet, which would throw the compiled code away at the end of every scan.
 */
function scanInto(occurrences: OccurrenceTable, text: string, kind: DocumentKind, lineComments: readonly string[], firstLine: number,
  isCancelled: (() => boolean) | undefined): number {
  const lines = new LineCursor(text, firstLine);
  const slashes = new DoubleSlashes(text);
  let candidates = 0;
  CANDIDATE.lastIndex = 0;
  for (;;) {
    // test() rather than exec(): no match array per candidate; the start is found from the end (digits, dot, digits, dot, digit).
    const found = CANDIDATE.test(text);
    const end = found ? CANDIDATE.lastIndex : text.length;
    let secondDot = end - 1;
    let index = end;
    if (found) {
      while (text.charCodeAt(secondDot) !== 46) secondDot--;
      index = secondDot - 1;
      while (text.charCodeAt(index) !== 46) index--;
      index--;
    }
    lines.moveTo(index);
    if (!found) return lines.line;
    if ((++candidates & 4095) === 0 && isCancelled !== undefined && isCancelled()) return -1;
    const lineStart = lines.start;

    // Most candidates in source trees are versions that no context claims: the code is sliced only once one does.
    // The commonest contexts, a reply code right before the code and a log's `dsn=`, are read without slicing the line.
    const replyStart = replyCodeBefore(text, lineStart, index);
    const context = replyStart !== -1 ? REPLY : isDsnBefore(text, lineStart, index) ? FIELD : classify(text, lineStart, index, secondDot, end, lines.end, kind);
    if (context) record(occurrences, text, kind, lineComments, lines.line, lineStart, index, end, context, replyStart, slashes);
  }
}

/** Adds the code text[index, end) on `line`, in the context found for it (and the reply code right before it, if any). */
function record(occurrences: OccurrenceTable, text: string, kind: DocumentKind, lineComments: readonly string[], line: number, lineStart: number,
  index: number, end: number, context: Context, replyStart: number, slashes: DoubleSlashes): void {
  const column = index - lineStart;
  const reply = context.reply;
  occurrences.add(line, column, text, index, end, context.flags,
    context.context !== 'bare' && context.context !== 'literal' && !isInComment(text, lineStart, index, kind, lineComments, slashes),
    replyStart !== -1 ? digitsValue(text, replyStart, replyStart + 3) : reply ? reply.value : 0,
    // Stryker disable next-line UnaryOperator: the column of a reply code that is not there is never read
    replyStart !== -1 ? replyStart - lineStart : reply ? column + reply.offset : -1,
    context.action);
}

// Stryker disable all: a fast path for the commonest field; where it does not decide, classify reads `dsn=` the same way
/** Whether a log's `dsn=` stands right before the code at `index`, not inside a longer word. */
function isDsnBefore(text: string, lineStart: number, index: number): boolean {
  return text.charCodeAt(index - 1) === 61 && index - 4 >= lineStart && text.startsWith('dsn', index - 4) && !isWordCharacter(text.charCodeAt(index - 5));
}
// Stryker restore all

/**
 * Where the key ends that a value starting at `index` belongs to, given `last`, the last character before the value (or
 * its opening quote) that is not white space: before `=` or `:` and white space, and before the key's closing quote.
 * `"version": "`, `status=`, `XCODE_REJECT "`, `version "` (yarn.lock).
 */
function keyEndBefore(text: string, from: number, last: number): number {
  let p = last;
  const c = text.charCodeAt(p);
  if (c === 61 || c === 58) p = skipSpacesBack(text, from, p);
  const q = text.charCodeAt(p);
  if (q === 34 || q === 39) p--;
  return p + 1;
}

/**
 * Whether the key that ends at `keyEnd` names a version: `version`, `__version__`, `lockfileVersion`, `release`, `ver`. A
 * version is no code whatever else is around it, and it is the commonest candidate in a source tree: rejected first.
 */
function isVersionKey(text: string, from: number, keyEnd: number): boolean {
  let end = keyEnd;
  while (end > from && text.charCodeAt(end - 1) === 95) end--; // `__version__`
  return endsWithVersionWord(text, from, end);
}

/** Whether the word that ends at `to` (not before `from`) is `ver` or ends in `version` or `release`, in any case. */
function endsWithVersionWord(text: string, from: number, to: number): boolean {
  switch (text.charCodeAt(to - 1) | 32) {
    case 110: return endsWithWord(text, from, to, 'version');
    case 101: return endsWithWord(text, from, to, 'release');
    case 114: return endsWithWord(text, from, to, 'ver') && !isWordCharacter(text.charCodeAt(to - 4));
    default: return false;
  }
}

interface Context {
  context: CandidateContext;
  /** The reply code and its offset from the candidate's start. */
  reply?: { value: number; offset: number };
  action?: string;
  /** The occurrence table's flags for the context (see contextFlags). */
  flags: number;
}

/** A context with every field, in one order: the scanner's loop reads them all from one shape of object. */
function contextOf(context: CandidateContext, reply?: { value: number; offset: number }, action?: string): Context {
  const flags = contextFlags(context === 'literal' ? 'bare' : context, context === 'literal', action === undefined ? undefined : impliedClass(action));
  return { context, reply, action, flags };
}

// Stryker disable next-line StringLiteral: the occurrence table reads a context it does not know as its first, 'reply'
const REPLY = contextOf('reply');
const FIELD = contextOf('field');
const STRING = contextOf('string');
const LITERAL = contextOf('literal');
const BARE = contextOf('bare');

const isDigit = (c: number) => c >= 48 && c <= 57;
const isAlphanumericOrDot = (c: number) => isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 46;
const isWordCharacter = (c: number) => isAlphanumericOrDot(c) && c !== 46 || c === 95;
const isReplySeparator = (c: number) => c === 32 || c === 45 || c === 95; // ' ', '-', '_'

/**
 * The offset of a reply code written right before the code (`550 `, `550-`, `550  `, qmail's `_550_`, Exim's `\n550-`),
 * or -1. Character tests instead of a regular expression: this is the commonest context and the scanner's hot path.
 */
function replyCodeBefore(text: string, lineStart: number, index: number): number {
  let p = index - 1;
  // Before the line's start is its line break (or NaN), no separator: no bound is needed.
  if (text.charCodeAt(p) === 32 && isReplySeparator(text.charCodeAt(p - 1))) p--;
  // Stryker disable next-line ConditionalExpression,LogicalOperator,ArithmeticOperator: a bound: before the line's start is its line break, no digit
  if (p < lineStart + 3 || !isReplySeparator(text.charCodeAt(p))) return -1;
  const first = text.charCodeAt(p - 3);
  if (first < 50 || first > 53 || !isDigit(text.charCodeAt(p - 2)) || !isDigit(text.charCodeAt(p - 1))) return -1;
  const start = p - 3;
  // Stryker disable next-line ConditionalExpression: a bound: the character before the line is its line break, no letter
  if (start === lineStart) return start;
  const leader = text.charCodeAt(start - 1);
  if (!isAlphanumericOrDot(leader)) return start;
  return leader === 110 && text.charCodeAt(start - 2) === 92 ? start : -1; // `\n` (before the line is its break, no backslash)
}

/** The characters a regular expression's `\s` matches. */
function isRegExpSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 160 && (c === 160 || c === 5760 || (c >= 8192 && c <= 8202)
    || c === 8232 || c === 8233 || c === 8239 || c === 8287 || c === 12288 || c === 65279));
}
const isUpperCase = (c: number) => c >= 65 && c <= 90;

/** The offset of the last character before `index`, at or after `from`, that is not `\s`; from - 1 if there is none. */
function skipSpacesBack(text: string, from: number, index: number): number {
  let p = index - 1;
  // Stryker disable next-line ConditionalExpression: a bound: every caller tests the result against `from`
  while (p >= from && isRegExpSpace(text.charCodeAt(p))) p--;
  return p;
}

// Stryker disable all: a pre-test for speed; the regular expression it guards decides, so a mutant that lets more through changes only the speed
/**
 * The last letters of the Postfix actions, a bit for each letter (a is bit 0): ACTION_BEFORE can end (before spaces) only in
 * one of them, `:` or `@`.
 */
const ACTION_LAST_LETTERS = POSTFIX_ACTIONS.toLowerCase().split('|').reduce((bits, action) => bits | (1 << (action.charCodeAt(action.length - 1) - 97)), 0);

/** Whether ACTION_BEFORE can match a `before` whose last character other than white space is at `last`: a character test run before the expression. */
function actionMayEndAt(text: string, from: number, last: number): boolean {
  if (last < from) return false;
  const c = text.charCodeAt(last);
  const letter = (c | 32) - 97;
  return c === 58 || c === 64 || (letter >= 0 && letter < 26 && ((ACTION_LAST_LETTERS >> letter) & 1) === 1);
}
// Stryker restore all

// Stryker disable all: a pre-test for speed; the regular expression it guards decides, so a mutant that lets more through changes only the speed
/**
 * Whether FIELD_BEFORE can match the `before` that ends at `index` (after FIELD_WORD), by characters: `(#`, or a key that
 * ends in one of its words (dsn, status, code, esc) or holds `xcode`, then `=` or `:` (or, for xcode keys, spaces and a quote).
 */
function fieldMayEndBefore(text: string, from: number, index: number, quote: boolean, last: number, keyEnd: number): boolean {
  if (text.charCodeAt(index - 1) === 35) return index - 2 >= from && text.charCodeAt(index - 2) === 40;
  if (last < from) return false;
  const c = text.charCodeAt(last);
  const separated = c === 61 || c === 58;
  if ((!separated && (!quote || last === index - 2)) || keyEnd <= from) return false;
  if (separated && endsWithFieldWord(text, from, keyEnd)) return true;
  return quote && holdsXcode(text, from, keyEnd);
}

/** Whether text[from, to) ends with one of the words status field keys end in: dsn, status, code, esc (any case). */
function endsWithFieldWord(text: string, from: number, to: number): boolean {
  switch (text.charCodeAt(to - 1) | 32) {
    case 110: return endsWithWord(text, from, to, 'dsn');
    case 115: return endsWithWord(text, from, to, 'status');
    case 101: return endsWithWord(text, from, to, 'code');
    case 99: return endsWithWord(text, from, to, 'esc');
    default: return false;
  }
}
// Stryker restore all

/** Whether text[from, to) ends with `word` (lower case), ignoring case. */
function endsWithWord(text: string, from: number, to: number, word: string): boolean {
  if (to - from < word.length) return false;
  for (let i = 0; i < word.length; i++) if ((text.charCodeAt(to - word.length + i) | 32) !== word.charCodeAt(i)) return false;
  return true;
}

// Stryker disable all: a pre-test for speed; the regular expression it guards decides, so a mutant that lets more through changes only the speed
/** Whether the word that ends at `to` (not before `from`) holds `xcode`, in any case. */
function holdsXcode(text: string, from: number, to: number): boolean {
  for (let i = to - 1; i >= from; i--) {
    const c = text.charCodeAt(i);
    if (!isWordCharacter(c)) return false;
    if ((c | 32) === 120 && i + 5 <= to && endsWithWord(text, i, i + 5, 'xcode')) return true;
  }
  return false;
}
// Stryker restore all

/** A word that speaks of a version. */
const VERSION_CUE = /version|\bver\b|release/i;

/**
 * Whether text[from, to) speaks of a version (VERSION_CUE); a `v` right before a code makes no candidate at all. The
 * expression's compiled search beats a loop over the characters.
 */
function hasVersionCue(text: string, from: number, to: number): boolean {
  return VERSION_CUE.test(text.slice(from, to));
}

/**
 * Whether a Ruby word list runs up to `index`: `%w[` or `%w(` (or `%W`), then words of digits and dots. A literal that is
 * only a code (`'5.1.1' => :no_such_user`, `%w[5.1.1 5.1.2]`) in source or data that holds confident codes elsewhere is
 * plausible, unless the words before it speak of a version (see hasVersionCue): it opens with a quote or is in such a
 * list, and closes with a quote, a space or a closing bracket.
 */
function wordListMayEndBefore(text: string, from: number, index: number): boolean {
  let p = index - 1;
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a bound: the list is looked for at or after `from` below
  while (p >= from && (isDigit(text.charCodeAt(p)) || text.charCodeAt(p) === 46 || isRegExpSpace(text.charCodeAt(p)))) p--;
  const c = text.charCodeAt(p);
  return p - 2 >= from && (c === 91 || c === 40) && (text.charCodeAt(p - 1) | 32) === 119 && text.charCodeAt(p - 2) === 37;
}

/**
 * Whether the candidate at [index, end) is a literal that is only a code (see wordListMayEndBefore): it opens with a quote
 * or is in a word list, ends before a quote, a closing bracket or white space, and no word before it speaks of a version.
 */
function isCodeLiteral(text: string, windowStart: number, index: number, end: number, afterEnd: number): boolean {
  // Stryker disable next-line UnaryOperator: -1 and 1 are both no character that ends a literal
  const next = end < afterEnd ? text.charCodeAt(end) : -1;
  if (!(next === 34 || next === 39 || next === 96 || next === 93 || next === 41 || isRegExpSpace(next))) return false;
  const lead = text.charCodeAt(index - 1);
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a pre-test for speed, wordListMayEndBefore decides (a list ends in white space, `[` or `(`)
  const opens = lead === 34 || lead === 39 || lead === 96 || ((isRegExpSpace(lead) || lead === 91 || lead === 40) && wordListMayEndBefore(text, windowStart, index));
  return opens && !hasVersionCue(text, windowStart, index);
}

/** What may follow a bare code (/^(?:$|[),;:'"\]]|\s(?!\d)|\.(?:\s|$))/ over text[end, afterEnd)): the end, a closing character, a space not before a digit, a final dot. */
function bareMayEndAt(text: string, end: number, afterEnd: number): boolean {
  if (end >= afterEnd) return true;
  const c = text.charCodeAt(end);
  if (c === 41 || c === 44 || c === 59 || c === 58 || c === 39 || c === 34 || c === 93) return true;
  if (isRegExpSpace(c)) return !isDigit(text.charCodeAt(end + 1)); // at the line's end, its break
  return c === 46 && (end + 1 >= afterEnd || isRegExpSpace(text.charCodeAt(end + 1)));
}

/**
 * What may come before a bare code, spaces aside: in logs and bounces `:`, `;`, `(` or nothing (/(?:^|[:;(])\s*$/ over the
 * window), in other text `:` or `;` (/[:;]\s*$/).
 */
function bareLeaderBefore(text: string, from: number, index: number, orWindowStart: boolean): boolean {
  const p = skipSpacesBack(text, from, index);
  if (p < from) return orWindowStart;
  const c = text.charCodeAt(p);
  return c === 58 || c === 59 || (orWindowStart && c === 40);
}

/**
 * The context of the candidate at [index, end) where no reply code stands right before it, or nothing.
 * Each regular expression above runs only where a test of the characters around the candidate says it can match, and
 * the simplest rules are character tests alone, so that a version string in a source tree costs no slice.
 */
function classify(text: string, lineStart: number, index: number, secondDot: number, end: number, lineEnd: number, kind: DocumentKind): Context | undefined {
  // Every context ends in a known character right before the code: test only the contexts that can end in this one.
  // At the start of a line, the line break before it (or NaN): no context ends in one.
  const lead = text.charCodeAt(index - 1);
  const quote = lead === 34 || lead === 39 || lead === 96;
  const space = isRegExpSpace(lead);
  const windowStart = Math.max(lineStart, index - CONTEXT_WINDOW);
  let before: string | undefined;
  const afterEnd = Math.min(lineEnd, end + AFTER_WINDOW);
  // The contexts before a code are read back from one place: the last character before the code, or before its opening
  // quote, that is not white space (the end of a key, a separator, a comma between arguments).
  const last = skipSpacesBack(text, windowStart, quote ? index - 1 : index);
  const keyEnd = keyEndBefore(text, windowStart, last);
  if (isVersionKey(text, windowStart, keyEnd)) return undefined;

  // Before an opening quote, a split-argument reply (`"550", "`) or Haraka's verdict (`DENY, '`) has a comma; a field never does.
  // Stryker disable next-line ConditionalExpression,EqualityOperator: a pre-test for speed, the expression behind it decides (read with no quote, or back past the window, it finds no comma the expressions accept)
  const beforeQuote = quote && last >= windowStart ? text.charCodeAt(last) : -1;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a pre-test for speed, the expression behind it decides (both end in a comma, spaces and a quote); prose is tested apart
  if (beforeQuote === 44 && kind !== 'prose') {
    before ??= text.slice(windowStart, index);
    const reply = REPLY_ARGUMENT_BEFORE.exec(before);
    if (reply) return contextOf('reply', { value: Number(reply[1]), offset: reply.index - before.length });
    const verdict = HARAKA_BEFORE.exec(before);
    if (verdict) return contextOf('action', undefined, verdict[1]);
  }

  // Stryker disable next-line ConditionalExpression,LogicalOperator: a pre-test for speed, the expression behind it decides (ACTION_BEFORE ends in an action word, `:` or `@`, then white space); prose is tested apart
  const action = (space || lead === 58) && kind !== 'prose' && actionMayEndAt(text, windowStart, last) ? ACTION_BEFORE.exec(before ??= text.slice(windowStart, index)) : null;
  if (action) {
    const replyAfter = REPLY_AFTER.exec(text.slice(end, afterEnd));
    // Stryker disable next-line Regex: only `$#error $@` has white space inside, and it implies no class: its name is shown in no message
    const name = action[1].replace(/\s+/g, ' ');
    return contextOf('action', replyAfter ? { value: Number(replyAfter[1]), offset: end - index + replyAfter[0].length - 3 } : undefined, name);
  }

  // Stryker disable next-line ConditionalExpression,LogicalOperator,EqualityOperator: a pre-test for speed, the expression behind it decides (FIELD_BEFORE ends in `=`, `:`, `(#`, white space or a quote after one of them)
  const fieldMayEndHere = quote ? beforeQuote !== 44 && beforeQuote !== 40 : space || lead === 58 || lead === 61 || lead === 35;
  // Stryker disable next-line ConditionalExpression,LogicalOperator: a pre-test for speed, the expression behind it decides
  if (fieldMayEndHere && fieldMayEndBefore(text, windowStart, index, quote, last, keyEnd)) {
    before ??= text.slice(windowStart, index);
    if (FIELD_WORD.test(before) && FIELD_BEFORE.test(before)) return FIELD;
  }
  if (!isWellFormed(text, index, secondDot, end)) return undefined;
  if (lead === 32 && index - 3 >= windowStart && text.charCodeAt(index - 2) === 58 && text.charCodeAt(index - 3) === 93 && MILTER_LINE.test(text.slice(lineStart, index))) return FIELD;
  // A string literal that begins with a code and a capitalised word: Haraka's `'5.7.8 Authentication failed'`.
  if (quote && end + 2 <= afterEnd && text.charCodeAt(end) === 32 && isUpperCase(text.charCodeAt(end + 1)) && (kind === 'source' || isConfigKind(kind))) return STRING;
  if (kind === 'source' || kind === 'data') return isCodeLiteral(text, windowStart, index, end, afterEnd) ? LITERAL : undefined;
  if (!bareMayEndAt(text, end, afterEnd)) return undefined;
  if (isReadOnlyKind(kind) ? bareLeaderBefore(text, windowStart, index, true) : (kind === 'text' || kind === 'prose') && bareLeaderBefore(text, windowStart, index, false)) return BARE;
  if (space && isConfigKind(kind) && MAP_VALUE_LEADER.test(text.slice(lineStart, index))) return BARE;
  return undefined;
}
