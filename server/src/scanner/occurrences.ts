/**
 * Occurrences kept as columns of numbers. A log holds tens of thousands of codes: an object for each, kept for as long as
 * the document is open, costs the garbage collector more than finding them. An Occurrence object is made when a feature
 * asks for one, and is dropped once it has been read.
 */
import { firstOnOrAfterLine } from '../lines';
import type { StatusClass } from '../registry/registry';

export type OccurrenceContext = 'reply' | 'field' | 'action' | 'string' | 'bare';

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

const CONTEXTS: readonly OccurrenceContext[] = ['reply', 'field', 'action', 'string', 'bare'];
const CONFIDENT = 8;
const LITERAL = 16;
const IMPLIED_CLASS_SHIFT = 5;

/**
 * The flags of a row for the scanner's verdict on a code's context, kept with the context (see contextOf in the
 * scanner): whether the code is also confident is added per row (see OccurrenceTable.add).
 */
export function contextFlags(context: OccurrenceContext, literal: boolean, impliedClass: StatusClass | undefined): number {
  return CONTEXTS.indexOf(context) | (literal ? LITERAL : 0) | ((impliedClass ?? 0) << IMPLIED_CLASS_SHIFT);
}

/** The strings a table and the tables of its edits share: each distinct code and action once. */
class Dictionary {
  readonly codes: string[] = [];
  /** By a number made of the code's characters and length, so that a code is looked up without slicing it. */
  private readonly codeIds = new Map<number, number>();
  readonly actions: string[] = [];
  private readonly actionIds = new Map<string, number>();

  /** The id of text[index, end), a code of at most 11 characters (digits and dots). */
  codeId(text: string, index: number, end: number): number {
    let key = end - index;
    for (let i = index; i < end; i++) {
      const c = text.charCodeAt(i);
      key = key * 11 + (c === 46 ? 10 : c - 48);
    }
    let id = this.codeIds.get(key);
    if (id === undefined) {
      id = this.codes.push(text.slice(index, end)) - 1;
      this.codeIds.set(key, id);
    }
    return id;
  }

  /** 0 for none, otherwise the action's index plus one. */
  actionId(action: string | undefined): number {
    if (action === undefined) return 0;
    let id = this.actionIds.get(action);
    if (id === undefined) {
      id = this.actions.push(action);
      this.actionIds.set(action, id);
    }
    return id;
  }
}

/** A row's fields, in the order they are stored. */
const LINE = 0;
const START = 1;
const CODE = 2;
const REPLY_CODE = 3;
const REPLY_START = 4;
const FLAGS = 5;
const ACTION = 6;
const FIELDS = 7;

const NO_ROWS = new Int32Array(0);

export class OccurrenceTable {
  length = 0;
  /** FIELDS numbers per row, one buffer for the whole table: one allocation as it grows, one copy per edit. */
  private rows = NO_ROWS;

  /**
   * `expectedRows`: room to make at the first row, so that a large log's table is not copied as it grows. Nothing is
   * allocated before it: most files of a source tree hold no code at all.
   */
  constructor(private readonly dictionary = new Dictionary(), private readonly expectedRows = 0) {}

  /** An empty table that shares this one's strings, for the lines an edit re-scans (see replaceRows). */
  emptyLike(): OccurrenceTable {
    return new OccurrenceTable(this.dictionary);
  }

  /**
   * Adds the code text[index, end) at `line`, `column`, in a context with `flags` (see contextFlags); `replyCode` is 0
   * where there is none, and `replyStart` the reply code's column (ignored without one).
   */
  add(line: number, column: number, text: string, index: number, end: number, flags: number, confident: boolean, replyCode: number, replyStart: number,
    action: string | undefined): void {
    let at = this.length * FIELDS;
    // At least 256 rows (7 KB) at first: making a buffer costs about as much as filling one of that size.
    if (at === this.rows.length) this.grow(Math.max(256, this.expectedRows, this.length * 2));
    this.length++;
    const rows = this.rows;
    rows[at++] = line;
    rows[at++] = column;
    rows[at++] = this.dictionary.codeId(text, index, end);
    rows[at++] = replyCode;
    rows[at++] = replyStart;
    rows[at++] = confident ? flags | CONFIDENT : flags;
    rows[at] = this.dictionary.actionId(action);
  }

  lineAt(row: number): number {
    return this.rows[row * FIELDS + LINE];
  }

  isConfident(row: number): boolean {
    return (this.rows[row * FIELDS + FLAGS] & CONFIDENT) !== 0;
  }

  isLiteral(row: number): boolean {
    return (this.rows[row * FIELDS + FLAGS] & LITERAL) !== 0;
  }

  /** The occurrence in `row`, as a new object. */
  at(row: number): Occurrence {
    const at = row * FIELDS;
    const rows = this.rows;
    const text = this.dictionary.codes[rows[at + CODE]];
    const secondDot = text.indexOf('.', 2);
    const start = rows[at + START];
    const flags = rows[at + FLAGS];
    const replyCode = rows[at + REPLY_CODE];
    const action = rows[at + ACTION];
    return {
      line: rows[at + LINE],
      start,
      end: start + text.length,
      text,
      statusClass: text.charCodeAt(0) - 48,
      subject: digitsValue(text, 2, secondDot),
      detail: digitsValue(text, secondDot + 1, text.length),
      malformation: malformation(text, secondDot),
      context: CONTEXTS[flags & 7],
      confident: (flags & CONFIDENT) !== 0,
      replyCode: replyCode === 0 ? undefined : replyCode,
      replyStart: replyCode === 0 ? undefined : rows[at + REPLY_START],
      impliedClass: (flags >> IMPLIED_CLASS_SHIFT || undefined) as StatusClass | undefined,
      action: action === 0 ? undefined : this.dictionary.actions[action - 1],
      literal: (flags & LITERAL) !== 0 || undefined,
    };
  }

  toArray(): Occurrence[] {
    const result: Occurrence[] = [];
    for (let row = 0; row < this.length; row++) result.push(this.at(row));
    return result;
  }

  /** The first row whose line is `line` or later, found by binary search. */
  firstOnOrAfter(line: number): number {
    return firstOnOrAfterLine(this.length, (row) => this.rows[row * FIELDS + LINE], line);
  }

  /** Replaces rows [first, afterLast) with the rows of `table` (made by emptyLike), and moves the rows after them by `lineDelta` lines. */
  replaceRows(first: number, afterLast: number, table: OccurrenceTable, lineDelta: number): void {
    if (table.dictionary !== this.dictionary) throw new Error('replaceRows takes a table made by emptyLike');
    const length = this.length - (afterLast - first) + table.length;
    if (length * FIELDS > this.rows.length) this.grow(Math.max(length, this.length * 2));
    const moved = first + table.length;
    this.rows.copyWithin(moved * FIELDS, afterLast * FIELDS, this.length * FIELDS);
    this.rows.set(table.rows.subarray(0, table.length * FIELDS), first * FIELDS);
    this.length = length;
    if (lineDelta !== 0) for (let at = moved * FIELDS + LINE; at < length * FIELDS; at += FIELDS) this.rows[at] += lineDelta;
  }

  private grow(rows: number): void {
    const grown = new Int32Array(rows * FIELDS);
    grown.set(this.rows.subarray(0, this.length * FIELDS));
    this.rows = grown;
  }
}

/** The number written by the digits in text[from, to). */
export function digitsValue(text: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
}

/** What is wrong with the shape of `code` (digits, dot, digits, dot, digits), if anything. */
export function malformation(code: string, secondDot: number): string | undefined {
  const statusClass = code.charCodeAt(0);
  if (statusClass !== 50 && statusClass !== 52 && statusClass !== 53) return `class ${code[0]} is not 2, 4 or 5`;
  return subCodeProblem('subject', code, 2, secondDot) ?? subCodeProblem('detail', code, secondDot + 1, code.length);
}

function subCodeProblem(name: string, code: string, from: number, to: number): string | undefined {
  if (to - from > 3) return `the ${name} sub-code ${code.slice(from, to)} has more than three digits`;
  if (to - from > 1 && code.charCodeAt(from) === 48) return `the ${name} sub-code ${code.slice(from, to)} has a leading zero`;
  return undefined;
}
