/**
 * Delivery status notifications in bounces: hover on their fields and values, and the check that a recipient's
 * Action, Status and Diagnostic-Code agree (RFC 3464 section 2.3).
 */
import type { Hover, Position, Range } from 'vscode-languageserver-types';
import { findDsnAction, findDsnField, findDsnValueType, type DsnField, type DsnValue } from '../registry/dsnFields';
import type { DiagnosticCode } from '../settings';

const FIELD_LINE = /^([A-Za-z][A-Za-z0-9-]*)[ \t]*:[ \t]*/;
const CONTINUATION = /^[ \t]+\S/;
const TYPED_VALUE = /^([A-Za-z][\w.-]*)[ \t]*;/;
const LEADING_CODE = /^([245])\.(\d{1,3})\.(\d{1,3})(?![\d.])/;
const CODE_IN_TEXT = /(?<![\w.])([245])\.(\d{1,3})\.(\d{1,3})(?![\d.])/;
/** The reply code at the start of an `smtp;` diagnostic that quotes no enhanced code. */
const SMTP_REPLY_CODE = /^smtp[ \t]*;[ \t]*([2-5]\d\d)(?![\d.])/i;

function span(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

function sourceLink(source: { label: string; url: string }): string {
  return `[${source.label}](${source.url})`;
}

function fieldMarkdown(field: DsnField): string {
  const lines = [`**${field.name}** · a${field.required ? ' required' : 'n optional'} ${field.scope} field of a delivery status notification`, '', field.meaning];
  if (field.syntax) lines.push('', `Written as ${field.syntax}.`);
  lines.push('', sourceLink(field.source));
  return lines.join('\n');
}

function valueMarkdown(field: string, value: DsnValue, what: string): string {
  return [`**${field}: ${value.value}** · ${what}`, '', value.meaning, '', sourceLink(value.source)].join('\n');
}

/** Hover on a DSN field name, an Action value, or the type before `;` (`dns;`, `rfc822;`, `smtp;`). */
export function dsnFieldHover(lineText: string, position: Position): Hover | null {
  const head = FIELD_LINE.exec(lineText);
  if (!head) return null;
  const field = findDsnField(head[1]);
  if (!field) return null;
  const line = position.line;
  const character = position.character;
  if (character <= head[1].length) {
    if (field.name === 'Status' && !LEADING_CODE.test(lineText.slice(head[0].length))) return null; // an mbox `Status: RO` header
    return { contents: { kind: 'markdown', value: fieldMarkdown(field) }, range: span(line, 0, head[1].length) };
  }
  const valueStart = head[0].length;
  const value = lineText.slice(valueStart);
  if (field.name === 'Action') {
    const word = /^[A-Za-z]+/.exec(value)?.[0];
    const action = word && findDsnAction(word);
    if (action && character >= valueStart && character <= valueStart + word.length) {
      return { contents: { kind: 'markdown', value: valueMarkdown('Action', action, 'what the reporting MTA did for this recipient') }, range: span(line, valueStart, valueStart + word.length) };
    }
    return null;
  }
  const typed = TYPED_VALUE.exec(value);
  const type = typed && findDsnValueType(typed[1]);
  if (type && character >= valueStart && character <= valueStart + typed[1].length) {
    return { contents: { kind: 'markdown', value: valueMarkdown(field.name, type, 'the type of the value that follows') }, range: span(line, valueStart, valueStart + typed[1].length) };
  }
  return null;
}

export interface DsnFieldValue {
  line: number;
  /** Where the value starts on its first line. */
  start: number;
  /** The value, continuation lines joined with a space. */
  text: string;
}

/** The fields of one group of lines (a per-message or per-recipient block), by lower-cased name. */
export type DsnGroup = Map<string, DsnFieldValue>;

/** Whether a line ends a paragraph of a message: a blank line, a MIME boundary, or the end of the text. */
export const isParagraphEdge = (text: string | undefined) => text === undefined || text.trim() === '' || text.startsWith('--');

/**
 * The paragraph around `line`: the lines between the nearest blank (or MIME boundary) lines above and below, read
 * through `lineAt`, at most `reach` lines each way.
 */
export function paragraphAround(lineAt: (line: number) => string | undefined, line: number, reach: number): { first: number; lines: string[] } {
  let first = line;
  while (first > line - reach && !isParagraphEdge(lineAt(first - 1))) first--;
  const lines: string[] = [];
  for (let current = first; current < line + reach && !isParagraphEdge(lineAt(current)); current++) lines.push(lineAt(current)!);
  return { first, lines };
}

/** The group of fields around `line` (a DSN's per-message or per-recipient block): its paragraph, read as fields. */
export function groupAround(lineAt: (line: number) => string | undefined, line: number, reach = 30): DsnGroup {
  const { first, lines } = paragraphAround(lineAt, line, reach);
  return readGroup(lines, first);
}

function readGroup(lines: readonly string[], firstLine: number): DsnGroup {
  const group: DsnGroup = new Map();
  let last: DsnFieldValue | undefined;
  lines.forEach((raw, index) => {
    const text = raw.replace(/\r?\n$/, '').replace(/\r$/, '');
    if (last && CONTINUATION.test(text)) {
      last.text += ` ${text.trim()}`;
      return;
    }
    const head = FIELD_LINE.exec(text);
    last = undefined;
    if (!head) return;
    last = { line: firstLine + index, start: head[0].length, text: text.slice(head[0].length).trimEnd() };
    if (!group.has(head[1].toLowerCase())) group.set(head[1].toLowerCase(), last);
  });
  return group;
}

export interface DsnFinding {
  code: DiagnosticCode;
  message: string;
  range: Range;
}

const CLASS_WORD: Record<string, string> = { 2: 'a success', 4: 'a transient failure', 5: 'a permanent failure' };

/** What contradicts itself in one recipient group. */
function groupFindings(group: DsnGroup): DsnFinding[] {
  const status = group.get('status');
  const statusCode = status && LEADING_CODE.exec(status.text);
  if (!status || !statusCode) return [];
  const code = statusCode[0];
  const statusClass = statusCode[1];
  const range = span(status.line, status.start, status.start + code.length);
  const findings: DsnFinding[] = [];
  const action = group.get('action')?.text.split(/[\s(;]/)[0].toLowerCase();
  const problem = action && actionProblem(action, statusClass, code);
  if (problem) findings.push({ code: 'dsn-inconsistency', message: problem, range });

  const diagnostic = group.get('diagnostic-code');
  const replied = diagnostic && CODE_IN_TEXT.exec(diagnostic.text);
  const replyCode = diagnostic && !replied ? SMTP_REPLY_CODE.exec(diagnostic.text) : null;
  if (replyCode && replyCode[1][0] !== statusClass && code.slice(2) !== '4.7') {
    findings.push({ code: 'dsn-inconsistency', message: `Status ${code} is ${CLASS_WORD[statusClass]} but the reply in Diagnostic-Code starts with ${replyCode[1]}, ${CLASS_WORD[replyCode[1][0]] ?? 'not a failure or success'}: one of them misreports what happened (RFC 3464 section 2.3.4).`, range });
  }
  // An expiry (X.4.7) reports the giving up, its Diagnostic-Code the last error before it: they differ by design.
  if (replied && replied[0] !== code && code.slice(2) !== '4.7') {
    const [, repliedClass, repliedSubject, repliedDetail] = replied;
    const detail = statusCode[3];
    if (repliedClass !== statusClass) {
      findings.push({ code: 'dsn-inconsistency', message: `Status ${code} is ${CLASS_WORD[statusClass]} but the reply in Diagnostic-Code carries ${replied[0]}, ${CLASS_WORD[repliedClass]}: one of them misreports what happened (RFC 3464 section 2.3.4).`, range });
    } else if (statusCode[2] !== repliedSubject && detail !== '0' && repliedDetail !== '0') {
      // Codes of one subject, or a vague X.Y.0 on either side, are a usual way of reporting the same failure.
      findings.push({ code: 'dsn-inconsistency', message: `Status ${code} differs from ${replied[0]} in the reply quoted in Diagnostic-Code: the Status normally repeats the remote server's code (RFC 3464 section 2.3.4), so read the reply for the actual reason.`, range });
    }
  }
  return findings;
}

function actionProblem(action: string, statusClass: string, code: string): string | undefined {
  if (action === 'failed' && statusClass === '2') return `Action: failed with Status ${code}, a success code: a failed recipient needs a 4.X.X or 5.X.X status (RFC 3464 section 2.3.3).`;
  if (action === 'failed' && statusClass === '4') {
    return `Action: failed with Status ${code}, a transient code: the MTA gave up, yet the code says a later attempt may succeed. RFC 3463 allows this for a temporary condition that lasted too long; treat it as a soft bounce and look for the last error before it expired.`;
  }
  if (action === 'delayed' && statusClass !== '4') return `Action: delayed means the MTA is still trying, but Status ${code} is ${CLASS_WORD[statusClass]}: a delayed recipient carries a 4.X.X status (RFC 3464 section 2.3.3).`;
  if ((action === 'delivered' || action === 'relayed' || action === 'expanded') && statusClass !== '2') {
    return `Action: ${action} reports success, but Status ${code} is ${CLASS_WORD[statusClass]}: ${action === 'expanded' ? 'an' : 'a'} ${action} recipient carries a 2.X.X status (RFC 3464 section 2.3.3).`;
  }
  return undefined;
}

/** A cheap test: only documents with an Action field hold recipient groups worth checking. */
const ACTION_FIELD = /^action[ \t]*:/im;

/** Findings for every recipient group of a bounce (its Action and Status and Diagnostic-Code disagreeing). */
export function dsnFindings(text: string): DsnFinding[] {
  if (!ACTION_FIELD.test(text)) return [];
  const lines = text.split('\n');
  const findings: DsnFinding[] = [];
  let start = 0;
  for (let line = 0; line <= lines.length; line++) {
    const edge = line === lines.length || lines[line].trim() === '' || lines[line].startsWith('--');
    if (!edge) continue;
    if (line > start) {
      const group = readGroup(lines.slice(start, line), start);
      if (group.has('action')) findings.push(...groupFindings(group));
    }
    start = line + 1;
  }
  return findings;
}
