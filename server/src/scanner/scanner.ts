/**
 * Finds enhanced status codes in text in one pass. A dotted triple is a code only where its context says so:
 * a reply code before it, a status field, an MTA action; a bare triple is at most plausible (hover only).
 */
import { HARAKA_VERDICTS, impliedClass, POSTFIX_ACTIONS } from '../actions';
import { isConfigKind, isReadOnlyKind, type DocumentKind } from '../documentKind';
import { LineEnds } from '../lines';
import type { StatusClass } from '../registry/registry';

export type OccurrenceContext = 'reply' | 'field' | 'action' | 'string' | 'bare';

/** What classify may also answer: a code-only literal, shown only where the document holds confident codes too. */
type CandidateContext = OccurrenceContext | 'literal';

export interface Occurrence {
  line: number;
  /** UTF-16 offsets within the line. */
  start: number;
  end: number;
  text: string;
  statusClass: number;
  subject: number;
  detail: number;
  /** What is wrong with the code's shape, if anything (RFC 3463 section 2). */
  malformation?: string;
  context: OccurrenceContext;
  /** Confident occurrences get diagnostics; plausible ones only hover. */
  confident: boolean;
  /** The basic reply code that goes with the code, on the same line, and where it starts (it is three digits long). */
  replyCode?: number;
  replyStart?: number;
  /** The class an MTA action implies (Postfix REJECT is 5, DEFER 4), where no reply code is written. */
  impliedClass?: StatusClass;
  action?: string;
  /** A code-only literal: plausible only while the document also holds confident codes (see DocumentAnalysis). */
  literal?: boolean;
}

/**
 * A digit, a dot, 1-4 digits, a dot, 1-4 digits (4 so that over-long sub-codes are caught as malformed),
 * not inside a longer dotted number, a word or a version (`v5.1.1`, `node@5.1.1`, `^5.1.1`, `10.5.1.1`, `5.1.1.2`).
 * Underscores may touch it: qmail writes spaces as `_` in its logs (`said:_550_5.1.1_<user>`).
 */
const CANDIDATE = /(?<![A-Za-z0-9.@^~/\\+$%*])\d\.\d{1,4}\.\d{1,4}(?![A-Za-z0-9]|\.\w|-\w)/g;

/** How far back on the line each context is read: enough for its longest form, and a bound on the work per candidate. */
const REPLY_WINDOW = 12;
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
/** A string literal that begins with a code and a capitalised word: Haraka's `'5.7.8 Authentication failed'`. */
const STRING_TEXT = /^ [A-Z]/;
/**
 * A literal that is only a code (`'5.1.1' => :no_such_user`, `%w[5.1.1 5.1.2]`) in source or data that holds confident
 * codes elsewhere: plausible, unless the words before it speak of a version.
 */
const LITERAL_BEFORE = /(?:["'`]|%[wW][[(](?:[\d.\s]*\s)?)$/;
const LITERAL_AFTER = /^["'`\s\])]/;
const VERSION_CUE = /version|\bver\b|release|\bv$/i;
/**
 * A comment in source code before the code on its line: a comment describes (`// Take a line like "4.2.12 text"`), so its
 * codes hover but are not checked. A line that starts as a comment, or ` // ` after code; `#` only where no C preprocessor
 * directive follows it.
 */
const COMMENT_BEFORE = /^\s*(?:\/\/|\/\*|\*|#(?!\s*(?:define|include|if|ifdef|ifndef|elif|else|endif|undef|pragma|error)\b)|--\s)|\s\/\/\s/;
/** In logs and bounces a bare code may follow `: `, `; `, `(` or start a line; in other text only `: ` or `; `. */
const BARE_LEADER_IN_MAIL = /(?:^|[:;(])\s*$/;
const BARE_LEADER_IN_TEXT = /[:;]\s*$/;
/** In MTA tables the value follows the key: `relay.example   5.1.6 text`. */
export const MAP_VALUE_LEADER = /^\S+\s+$/;
const BARE_FOLLOWER = /^(?:$|[),;:'"\]]|\s(?!\d)|\.(?:\s|$))/;

/** The number written by the digits in text[from, to). */
function digitsValue(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
}

/** What is wrong with the shape of `code` (digits, dot, digits, dot, digits), if anything. */
function malformation(code: string, secondDot: number): string | undefined {
  const statusClass = code.charCodeAt(0);
  if (statusClass !== 50 && statusClass !== 52 && statusClass !== 53) return `class ${code[0]} is not 2, 4 or 5`;
  return subCodeProblem('subject', code, 2, secondDot) ?? subCodeProblem('detail', code, secondDot + 1, code.length);
}

function subCodeProblem(name: string, code: string, from: number, to: number): string | undefined {
  if (to - from > 3) return `the ${name} sub-code ${code.slice(from, to)} has more than three digits`;
  if (to - from > 1 && code.charCodeAt(from) === 48) return `the ${name} sub-code ${code.slice(from, to)} has a leading zero`;
  return undefined;
}

export interface ScanOptions {
  kind: DocumentKind;
  /** Line number of the first line of `text`. */
  firstLine?: number;
  isCancelled?: () => boolean;
}

/** All occurrences in `text`, in order, code-only literals included (flagged). */
export function scan(text: string, options: ScanOptions): Occurrence[] {
  const occurrences: Occurrence[] = [];
  const kind = options.kind;
  let line = options.firstLine ?? 0;
  let lineStart = 0;
  const lineEnds = new LineEnds(text);
  let lineEnd = lineEnds.endOfLine(0);
  let candidates = 0;
  CANDIDATE.lastIndex = 0;
  // test() rather than exec(): no match array per candidate; the start is found from the end (digits, dot, digits, dot, digit).
  while (CANDIDATE.test(text)) {
    const end = CANDIDATE.lastIndex;
    let index = end - 1;
    while (text.charCodeAt(index) !== 46) index--;
    index--;
    while (text.charCodeAt(index) !== 46) index--;
    index--;
    while (index > lineEnd) {
      lineStart = lineEnds.nextLineStart(lineEnd);
      lineEnd = lineEnds.endOfLine(lineStart);
      line++;
    }
    if ((++candidates & 4095) === 0 && options.isCancelled?.()) break;

    const code = text.slice(index, end);
    const secondDot = code.indexOf('.', 2);
    const problem = malformation(code, secondDot);
    const column = index - lineStart;
    // The commonest contexts, a reply code right before the code and a log's `dsn=`, are read without slicing the line.
    const replyStart = replyCodeBefore(text, lineStart, index);
    const found = replyStart !== -1 ? REPLY
      : index - 4 >= lineStart && text.startsWith('dsn=', index - 4) && !isWordCharacter(text.charCodeAt(index - 5)) ? FIELD
        : classify(text, lineStart, index, end, lineEnd, kind, !problem);
    if (!found) continue;
    const reply = found.reply;
    occurrences.push({
      line,
      start: column,
      end: column + code.length,
      text: code,
      statusClass: code.charCodeAt(0) - 48,
      subject: digitsValue(code, 2, secondDot),
      detail: digitsValue(code, secondDot + 1, code.length),
      malformation: problem,
      context: found.context === 'literal' ? 'bare' : found.context,
      confident: found.context !== 'bare' && found.context !== 'literal' && !(kind === 'source' && COMMENT_BEFORE.test(text.slice(lineStart, index))),
      replyCode: replyStart !== -1 ? digitsValue(text, replyStart, replyStart + 3) : reply?.value,
      replyStart: replyStart !== -1 ? replyStart - lineStart : reply && column + reply.offset,
      impliedClass: found.impliedClass,
      action: found.action,
      literal: found.context === 'literal' || undefined,
    });
  }
  return occurrences;
}

interface Context {
  context: CandidateContext;
  /** The reply code and its offset from the candidate's start. */
  reply?: { value: number; offset: number };
  impliedClass?: StatusClass;
  action?: string;
}

const REPLY: Context = { context: 'reply' };
const FIELD: Context = { context: 'field' };
const STRING: Context = { context: 'string' };
const LITERAL: Context = { context: 'literal' };
const BARE: Context = { context: 'bare' };

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
  if (p - 1 >= lineStart && text.charCodeAt(p) === 32 && isReplySeparator(text.charCodeAt(p - 1))) p--;
  if (p < lineStart + 3 || !isReplySeparator(text.charCodeAt(p))) return -1;
  const first = text.charCodeAt(p - 3);
  if (first < 50 || first > 53 || !isDigit(text.charCodeAt(p - 2)) || !isDigit(text.charCodeAt(p - 1))) return -1;
  const start = p - 3;
  if (start === lineStart) return start;
  const leader = text.charCodeAt(start - 1);
  if (!isAlphanumericOrDot(leader)) return start;
  return leader === 110 && start - 2 >= lineStart && text.charCodeAt(start - 2) === 92 ? start : -1; // `\n`
}

/** The context of the candidate at [index, end) where no reply code stands right before it, or nothing. */
function classify(text: string, lineStart: number, index: number, end: number, lineEnd: number, kind: DocumentKind, wellFormed: boolean): Context | undefined {
  // Every context ends in a known character right before the code: test only the contexts that can end in this one.
  const lead = index > lineStart ? text.charCodeAt(index - 1) : -1;
  const quote = lead === 34 || lead === 39 || lead === 96;
  const space = lead === 32 || lead === 9;
  const before = text.slice(Math.max(lineStart, index - CONTEXT_WINDOW), index);
  const visibleEnd = text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
  const after = text.slice(end, Math.min(visibleEnd, end + AFTER_WINDOW));

  // Before an opening quote, a split-argument reply (`"550", "`) or Haraka's verdict (`DENY, '`) has a comma; a field never does.
  let beforeQuote = -1;
  if (quote) for (let i = index - 2; i >= lineStart && beforeQuote === -1; i--) if (text.charCodeAt(i) !== 32) beforeQuote = text.charCodeAt(i);
  if (beforeQuote === 44 && kind !== 'prose') {
    const nearBefore = before.slice(-REPLY_WINDOW);
    const reply = REPLY_ARGUMENT_BEFORE.exec(nearBefore);
    if (reply) return { context: 'reply', reply: { value: Number(reply[1]), offset: reply.index - nearBefore.length } };
    const verdict = HARAKA_BEFORE.exec(before);
    if (verdict) return { context: 'action', action: verdict[1], impliedClass: impliedClass(verdict[1]) };
  }

  const action = (space || lead === 58) && kind !== 'prose' ? ACTION_BEFORE.exec(before) : null;
  if (action) {
    const replyAfter = REPLY_AFTER.exec(after);
    const name = action[1].replace(/\s+/g, ' ');
    return {
      context: 'action',
      action: name,
      impliedClass: impliedClass(name),
      reply: replyAfter ? { value: Number(replyAfter[1]), offset: end - index + replyAfter[0].length - 3 } : undefined,
    };
  }

  const fieldMayEndHere = quote ? beforeQuote !== 44 && beforeQuote !== 40 : space || lead === 58 || lead === 61 || lead === 35;
  if (fieldMayEndHere && FIELD_WORD.test(before) && FIELD_BEFORE.test(before)) return FIELD;
  if (!wellFormed) return undefined;
  if (space && before.endsWith(']: ') && MILTER_LINE.test(text.slice(lineStart, index))) return FIELD;
  if (quote && STRING_TEXT.test(after) && (kind === 'source' || isConfigKind(kind))) return STRING;
  if ((kind === 'source' || kind === 'data') && (quote || ((space || lead === 91 || lead === 40) && LITERAL_BEFORE.test(before))) && LITERAL_AFTER.test(after) && !VERSION_CUE.test(before)) {
    return LITERAL;
  }
  if (!BARE_FOLLOWER.test(after)) return undefined;
  if (isReadOnlyKind(kind) ? BARE_LEADER_IN_MAIL.test(before) : (kind === 'text' || kind === 'prose') && BARE_LEADER_IN_TEXT.test(before)) return BARE;
  if (space && isConfigKind(kind) && MAP_VALUE_LEADER.test(text.slice(lineStart, index))) return BARE;
  return undefined;
}
