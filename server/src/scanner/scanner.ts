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

/** How far back on the line the context is read; bounds the work per candidate. */
const CONTEXT_WINDOW = 96;

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

/** All occurrences in `text`, in order. */
export function scan(text: string, options: ScanOptions): Occurrence[] {
  const occurrences: Occurrence[] = [];
  const allowBare = mayHoldPlausibleCodes(options.kind);
  let line = options.firstLine ?? 0;
  let lineStart = 0;
  let counted = 0;
  CANDIDATE.lastIndex = 0;
  for (let match = CANDIDATE.exec(text); match; match = CANDIDATE.exec(text)) {
    const index = match.index;
    for (let newline = text.indexOf('\n', counted); newline !== -1 && newline < index; newline = text.indexOf('\n', newline + 1)) {
      line++;
      lineStart = newline + 1;
    }
    counted = index;
    if ((occurrences.length & 1023) === 0 && options.isCancelled?.()) break;

    let lineEnd = text.indexOf('\n', index);
    if (lineEnd === -1) lineEnd = text.length;
    if (text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    const before = text.slice(Math.max(lineStart, index - CONTEXT_WINDOW), index);
    const end = index + match[0].length;
    const after = text.slice(end, Math.min(lineEnd, end + 8));
    const occurrence = classify(match, before, after, allowBare);
    if (!occurrence) continue;
    const column = index - lineStart;
    occurrence.line = line;
    occurrence.start = column;
    occurrence.end = column + match[0].length;
    if (occurrence.replyCode) {
      occurrence.replyCode.line = line;
      occurrence.replyCode.start += column;
      occurrence.replyCode.end += column;
    }
    occurrences.push(occurrence);
  }
  return occurrences;
}

/** The occurrence for one candidate, with positions relative to the candidate's start, or nothing. */
function classify(match: RegExpExecArray, before: string, after: string, allowBare: boolean): Occurrence | undefined {
  const [text, statusClass, subject, detail] = match;
  const base = {
    line: 0, start: 0, end: 0, text,
    statusClass: Number(statusClass), subject: Number(subject), detail: Number(detail),
    malformation: malformation(statusClass, subject, detail),
  };

  const reply = REPLY_BEFORE.exec(before);
  if (reply) {
    const start = reply.index - before.length;
    const replyCode = { value: Number(reply[1]), line: 0, start, end: start + 3 };
    return { ...base, context: 'reply', confident: true, replyCode };
  }

  const action = ACTION_BEFORE.exec(before);
  if (action) {
    const replyAfter = REPLY_AFTER.exec(after);
    const replyCode = replyAfter ? { value: Number(replyAfter[1]), line: 0, start: text.length + 1, end: text.length + 4 } : undefined;
    const name = action[1].replace(/\s+/g, ' ');
    return { ...base, context: 'action', confident: true, action: name, impliedClass: IMPLIED_CLASS[name.toLowerCase()], replyCode };
  }

  if (FIELD_BEFORE.test(before)) return { ...base, context: 'field', confident: true };

  if (allowBare && !base.malformation && BARE_LEADER.test(before) && BARE_FOLLOWER.test(after)) {
    return { ...base, context: 'bare', confident: false };
  }
  return undefined;
}
