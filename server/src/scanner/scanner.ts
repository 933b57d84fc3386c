/**
 * Finds enhanced status codes in text in one pass. A dotted triple is a code only where its context says so:
 * a reply code before it, a status field, an MTA action; a bare triple is at most plausible (hover only).
 */
import type { DocumentKind } from '../documentKind';
import { isStatusClass, type StatusClass } from '../registry/registry';

export type OccurrenceContext = 'reply' | 'field' | 'action' | 'bare';

export interface NumberSpan {
  value: number;
  line: number;
  start: number;
  end: number;
}

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
  /** The basic reply code that goes with the code, on the same line. */
  replyCode?: NumberSpan;
  /** The class an MTA action implies (Postfix REJECT is 5, DEFER 4), where no reply code is written. */
  impliedClass?: StatusClass;
  action?: string;
}

/**
 * A digit, a dot, 1-4 digits, a dot, 1-4 digits (4 so that over-long sub-codes are caught as malformed),
 * not inside a longer dotted number, a word or a version (`v5.1.1`, `node@5.1.1`, `^5.1.1`, `10.5.1.1`, `5.1.1.2`).
 */
const CANDIDATE = /(?<![\w.@^~/\\+$%*])(\d)\.(\d{1,4})\.(\d{1,4})(?![\w]|\.\w|-\w)/g;

/** How far back on the line each context is read: enough for its longest form, and a bound on the work per candidate. */
const REPLY_WINDOW = 12;
const CONTEXT_WINDOW = 40;

const REPLY_BEFORE = /(?<![\w.])([2-5]\d\d)(?:[ -] ?|["']?\s*,\s*["'])$/;
const FIELD_BEFORE = /(?:\b(?:dsn|status|x-?status|enhanced[_-]?(?:status[_-]?)?code|esc|xcode|status[_-]?code)["']?\s*[=:]\s*["']?|\(#)$/i;
const ACTION_BEFORE = /\b(REJECT|DEFER_IF_PERMIT|DEFER_IF_REJECT|DEFER|error:|retry:|\$#error\s+\$@)\s*$/i;
const REPLY_AFTER = /^:([2-5]\d\d)\b/;
const BARE_LEADER = /(?:^|[:;(\[])\s*$/;
const BARE_FOLLOWER = /^(?:$|[\s),;:'"\]]|\.(?:\s|$))/;

const IMPLIED_CLASS: Record<string, StatusClass> = { reject: 5, defer: 4, defer_if_permit: 4, defer_if_reject: 4 };

export function mayHoldPlausibleCodes(kind: DocumentKind): boolean {
  return kind === 'mail-log' || kind === 'bounce' || kind === 'text';
}

function malformation(statusClass: string, subject: string, detail: string): string | undefined {
  if (!isStatusClass(Number(statusClass))) return `class ${statusClass} is not 2, 4 or 5`;
  for (const [name, part] of [['subject', subject], ['detail', detail]] as const) {
    if (part.length > 3) return `the ${name} sub-code ${part} has more than three digits`;
    if (part.length > 1 && part[0] === '0') return `the ${name} sub-code ${part} has a leading zero`;
  }
  return undefined;
}

export interface ScanOptions {
  kind: DocumentKind;
  /** Line number of the first line of `text`. */
  firstLine?: number;
  isCancelled?: () => boolean;
}

/** The offset of the newline that ends the line starting at `from`, or the text's length. */
function endOfLine(text: string, from: number): number {
  const newline = text.indexOf('\n', from);
  return newline === -1 ? text.length : newline;
}

/** All occurrences in `text`, in order. */
export function scan(text: string, options: ScanOptions): Occurrence[] {
  const occurrences: Occurrence[] = [];
  const allowBare = mayHoldPlausibleCodes(options.kind);
  let line = options.firstLine ?? 0;
  let lineStart = 0;
  let lineEnd = endOfLine(text, 0);
  let candidates = 0;
  CANDIDATE.lastIndex = 0;
  for (let match = CANDIDATE.exec(text); match; match = CANDIDATE.exec(text)) {
    const index = match.index;
    while (index > lineEnd) {
      lineStart = lineEnd + 1;
      lineEnd = endOfLine(text, lineStart);
      line++;
    }
    if ((++candidates & 4095) === 0 && options.isCancelled?.()) break;

    const visibleEnd = text.charCodeAt(lineEnd - 1) === 13 ? lineEnd - 1 : lineEnd;
    const before = text.slice(Math.max(lineStart, index - CONTEXT_WINDOW), index);
    const end = index + match[0].length;
    const after = text.slice(end, Math.min(visibleEnd, end + 8));
    const problem = malformation(match[1], match[2], match[3]);
    const found = classify(before, after, match[0].length, allowBare && !problem);
    if (!found) continue;
    const column = index - lineStart;
    const reply = found.reply;
    occurrences.push({
      line,
      start: column,
      end: column + match[0].length,
      text: match[0],
      statusClass: Number(match[1]),
      subject: Number(match[2]),
      detail: Number(match[3]),
      malformation: problem,
      context: found.context,
      confident: found.context !== 'bare',
      replyCode: reply && { value: reply.value, line, start: column + reply.offset, end: column + reply.offset + 3 },
      impliedClass: found.impliedClass,
      action: found.action,
    });
  }
  return occurrences;
}

interface Context {
  context: OccurrenceContext;
  /** The reply code and its offset from the candidate's start. */
  reply?: { value: number; offset: number };
  impliedClass?: StatusClass;
  action?: string;
}

/** The context of one candidate, read from the text before and after it on its line, or nothing. */
function classify(before: string, after: string, length: number, allowBare: boolean): Context | undefined {
  const nearBefore = before.slice(-REPLY_WINDOW);
  const reply = REPLY_BEFORE.exec(nearBefore);
  if (reply) return { context: 'reply', reply: { value: Number(reply[1]), offset: reply.index - nearBefore.length } };

  const action = ACTION_BEFORE.exec(before);
  if (action) {
    const replyAfter = REPLY_AFTER.exec(after);
    const name = action[1].replace(/\s+/g, ' ');
    return {
      context: 'action',
      action: name,
      impliedClass: IMPLIED_CLASS[name.toLowerCase()],
      reply: replyAfter ? { value: Number(replyAfter[1]), offset: length + 1 } : undefined,
    };
  }

  if (FIELD_BEFORE.test(before)) return { context: 'field' };
  if (allowBare && BARE_LEADER.test(before) && BARE_FOLLOWER.test(after)) return { context: 'bare' };
  return undefined;
}
