/**
 * Line checks that know each MTA's configuration syntax: replies without an enhanced status code, Postfix reply-code
 * parameters holding a dotted code, Exim replies that contradict their ACL verb, OpenSMTPD messages without a reply code.
 */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { impliedClass, POSTFIX_ACTIONS } from '../actions';
import { POSTFIX_KEY, type DocumentKind } from '../documentKind';
import { findEntryByCode, type StatusClass } from '../registry/registry';
import { COUNTERPART_REPLY_CODES } from '../registry/replyCodes';
import type { DiagnosticCode } from '../settings';
import { eachLine } from '../lines';
import { quote } from '../text';
import { codeNamedBy } from './suggest';

export interface Fix {
  title: string;
  edits: TextEdit[];
  preferred?: boolean;
}

export interface LineFinding {
  code: DiagnosticCode;
  message: string;
  range: Range;
  fixes: Fix[];
}

const HAS_CODE = /^[245]\.\d{1,3}\.\d{1,3}\b/;
/**
 * A Postfix table entry that rejects or defers with text: `key  REJECT text`, `key  450 text`, `action=DEFER text`. The key
 * is one token that looks like a lookup key (an address, a domain, a network, a pattern); text starting with `-` is an
 * option of some other program (`REJECT --reject-with`).
 */
const POSTFIX_REPLY_WITHOUT_CODE = new RegExp(String.raw`^(${POSTFIX_KEY}[ \t]+|action=)(${POSTFIX_ACTIONS}|[45]\d\d)[ \t]+([^\s-].*)$`);

function span(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

function insert(line: number, character: number, text: string): TextEdit {
  return { range: span(line, character, character), newText: text };
}

/** What an MTA sends for a reply written without an enhanced status code. */
type WithoutCode =
  /** Postfix adds a generic code of its own (X.7.1 for access maps); Sendmail derives X.0.0 from the reply code. */
  | { mta: 'postfix' | 'sendmail'; sends: string }
  /** Exim and OpenSMTPD send the reply as written, with no enhanced code at all; `policy` where the verb is a policy refusal. */
  | { mta: 'exim' | 'opensmtpd'; policy: boolean };

/**
 * A reply (or action) at [start, end) on `line` without an enhanced code, whose text is `text`: a finding where a mail admin
 * would add one. Where the MTA adds a generic code of its own, only when the text names a condition with a code of its own
 * (`REJECT User unknown`: Postfix would send 5.7.1, the text says 5.1.1); where it sends none, always. The fix inserts the
 * code the text names; for a policy refusal with no telling words, X.7.1; otherwise no fix is offered.
 */
function missingCode(line: number, start: number, end: number, statusClass: StatusClass, text: string, at: number, format: (code: string) => string, what: string, mta: WithoutCode): LineFinding[] {
  const named = codeNamedBy(statusClass, text);
  let message: string;
  let code = named;
  if ('sends' in mta) {
    const sends = `${statusClass}${mta.sends.slice(1)}`;
    if (!named || named === sends) return [];
    const by = mta.mta === 'postfix' ? 'Postfix adds its generic' : 'Sendmail derives the generic';
    message = `${what} has no enhanced status code, so ${by} ${sends}; the text says ${describeNamed(named)}: write ${named}.`;
  } else {
    if (!code && mta.policy) code = `${statusClass}.7.1`;
    const name = mta.mta === 'exim' ? 'Exim' : 'OpenSMTPD';
    message = `${what} has no enhanced status code, and ${name} sends none of its own${code ? `: write one such as ${code}` : ''}.`;
  }
  return [{
    code: 'missing-code',
    message,
    range: span(line, start, end),
    fixes: code ? [{ title: `Insert enhanced status code ${code}`, edits: [insert(line, at, format(code))], preferred: true }] : [],
  }];
}

function describeNamed(code: string): string {
  const entry = findEntryByCode(code);
  return entry ? `"${entry.sample}"` : code;
}

function postfixLine(text: string, line: number): LineFinding[] {
  const parameter = /^(\s*)(\w+_(?:reject|defer)_code)\s*=\s*([245])\.\d{1,3}\.\d{1,3}\s*$/.exec(text);
  if (parameter) {
    const value = text.trimEnd().slice(text.lastIndexOf('=') + 1).trim();
    const start = text.indexOf(value, text.indexOf('='));
    const reply = `${parameter[2].endsWith('defer_code') ? 4 : parameter[3]}50`;
    return [{
      code: 'invalid-reply-code',
      message: `${parameter[2]} takes a three-digit reply code such as ${reply}, not an enhanced status code; Postfix adds the enhanced code itself.`,
      range: span(line, start, start + value.length),
      fixes: [{ title: `Replace ${value} with ${reply}`, edits: [{ range: span(line, start, start + value.length), newText: reply }], preferred: true }],
    }];
  }
  const action = POSTFIX_REPLY_WITHOUT_CODE.exec(text);
  if (action && !HAS_CODE.test(action[3])) {
    const start = action[1].length;
    const statusClass = impliedClass(action[2]) ?? (Number(action[2][0]) as StatusClass);
    return missingCode(line, start, start + action[2].length, statusClass, action[3], text.length - action[3].length, (code) => `${code} `,
      `${action[2]} ${quote(action[3])}`, { mta: 'postfix', sends: 'X.7.1' });
  }
  return [];
}

// The text after a reply code is read with a greedy `(.*)` and no `$`: it runs to the end of the line in one step, where an
// anchor that cannot match (a stray \r inside the line) would retry every split of the blanks before it.
function sendmailLine(text: string, line: number): LineFinding[] {
  const error = /\bERROR:("?)([45]\d\d)[ \t]+(.*)/i.exec(text);
  if (error && !HAS_CODE.test(error[3])) {
    // ERROR:450 text -> ERROR:4.2.2:450 text; ERROR:"550 text" -> ERROR:"550 5.7.1 text"
    const start = error.index;
    const replyEnd = start + 'ERROR:'.length + error[1].length + 3;
    const isQuoted = error[1] === '"';
    return missingCode(line, start, replyEnd, Number(error[2][0]) as StatusClass, error[3], isQuoted ? replyEnd + 1 : start + 'ERROR:'.length,
      (code) => (isQuoted ? `${code} ` : `${code}:`), `ERROR:${error[1]}${error[2]}`, { mta: 'sendmail', sends: 'X.0.0' });
  }
  const rule = /\$#error\s+(\$:\s*"?([45]\d\d)\s+(.*))/.exec(text);
  if (rule) {
    const start = rule.index;
    return missingCode(line, start, start + 7, Number(rule[2][0]) as StatusClass, rule[3], text.length - rule[1].length, (code) => `$@ ${code} `, '$#error',
      { mta: 'sendmail', sends: 'X.0.0' });
  }
  return [];
}

function openSmtpdLine(text: string, line: number): LineFinding[] {
  const verdict = /\b(reject|disconnect)\s+"([^"]*)"/.exec(text);
  if (!verdict) return [];
  const messageStart = verdict.index + verdict[0].length - verdict[2].length - 1;
  const reply = /^([2-5]\d\d)[ -](.*)$/.exec(verdict[2]);
  if (!reply) {
    return [{
      code: 'invalid-reply-code',
      message: `An OpenSMTPD ${verdict[1]} message must start with a reply code (such as 550 or 451); "${quote(verdict[2])}" does not.`,
      range: span(line, messageStart - 1, messageStart + verdict[2].length + 1),
      fixes: [{ title: 'Insert reply code 550 5.7.1', edits: [insert(line, messageStart, '550 5.7.1 ')], preferred: true }],
    }];
  }
  if (HAS_CODE.test(reply[2])) return [];
  return missingCode(line, messageStart, messageStart + 3, Number(reply[1][0]) as StatusClass, reply[2], messageStart + 4, (code) => `${code} `,
    `The ${verdict[1]} reply ${reply[1]}`, { mta: 'opensmtpd', policy: true });
}

function eximLine(text: string, line: number, verb: string | undefined): LineFinding[] {
  const reply = /^(\s*(?:(?:accept|deny|defer|discard|drop|require|warn)\s+)?(?:message\s*=\s*|data\s*=\s*:(?:fail|defer):\s*|:(?:fail|defer):\s*))([245]\d\d)([ -])(.*)$/.exec(text);
  if (!reply) return [];
  const start = reply[1].length;
  const findings: LineFinding[] = [];
  const expected = /message\s*=/.test(reply[1]) ? (verb ? impliedClass(verb) : undefined) : /:defer:/.test(reply[1]) ? 4 : 5;
  if (expected && Number(reply[2][0]) !== expected) {
    // The reply code of the other failure class that means the same keeps the reply's sense; without one the fix is a guess.
    const counterpart = COUNTERPART_REPLY_CODES[Number(reply[2])];
    const fixed = String(counterpart ?? (expected === 4 ? 451 : 550));
    const code = HAS_CODE.exec(reply[4])?.[0];
    const edits: TextEdit[] = [{ range: span(line, start, start + 3), newText: fixed }];
    if (code) edits.push({ range: span(line, start + 4, start + 4 + code.length), newText: `${expected}${code.slice(1)}` });
    findings.push({
      code: 'class-mismatch',
      message: `${verb ? `An Exim ${verb}` : 'This redirection'} needs a ${expected}xx reply, but the message starts with ${reply[2]}; Exim refuses such a reply.`,
      range: span(line, start, start + 3),
      fixes: [{ title: `Change the reply to ${fixed}${code ? ` ${expected}${code.slice(1)}` : ''}`, edits, preferred: counterpart !== undefined }],
    });
  }
  if (!HAS_CODE.test(reply[4])) {
    const policy = /message\s*=/.test(reply[1]) && verb !== undefined && impliedClass(verb) !== undefined;
    // The code of the class the verb needs: where the reply code is of the other class, the two fixes then agree (450 4.7.1).
    findings.push(...missingCode(line, start, start + 3, expected ?? (Number(reply[2][0]) as StatusClass), reply[4], start + 4, (code) => `${code} `, `The reply ${reply[2]}`,
      { mta: 'exim', policy }));
  }
  return findings;
}

/** Findings for an MTA configuration file; none for other kinds. */
export function mtaFindings(text: string, kind: DocumentKind): LineFinding[] {
  if (kind !== 'postfix' && kind !== 'sendmail' && kind !== 'opensmtpd' && kind !== 'exim') return [];
  const findings: LineFinding[] = [];
  let verb: string | undefined;
  for (const { content: lineText, line } of eachLine(text)) {
    if (/^\s*(?:#|dnl\b)/.test(lineText)) continue;
    if (kind === 'postfix') findings.push(...postfixLine(lineText, line));
    else if (kind === 'sendmail') findings.push(...sendmailLine(lineText, line));
    else if (kind === 'opensmtpd') findings.push(...openSmtpdLine(lineText, line));
    else {
      const statement = /^\s*(accept|deny|defer|discard|drop|require|warn)\b/.exec(lineText);
      if (statement) verb = statement[1];
      else if (/^\S/.test(lineText)) verb = undefined;
      findings.push(...eximLine(lineText, line, verb));
    }
  }
  return findings;
}
