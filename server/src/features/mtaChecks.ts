/**
 * Line checks that know each MTA's configuration syntax: replies without an enhanced status code, Postfix reply-code
 * parameters holding a dotted code, Exim replies that contradict their ACL verb, OpenSMTPD messages without a reply code.
 */
import type { Range, TextEdit } from 'vscode-languageserver-types';
import { impliedClass, POSTFIX_ACTIONS } from '../actions';
import type { DocumentKind } from '../documentKind';
import type { StatusClass } from '../registry/registry';
import type { DiagnosticCode } from '../settings';
import { bestCodeFor } from './suggest';

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
 * A Postfix table value that rejects or defers with text: `key  REJECT text`, `key  450 text`, `action=DEFER text`.
 * The key ends in a non-blank character, so that a long run of blanks is crossed once, not once per blank (linear time).
 */
const POSTFIX_REPLY_WITHOUT_CODE = new RegExp(String.raw`^(\S(?:.*?\S)?[ \t]+|action=)(${POSTFIX_ACTIONS}|[45]\d\d)[ \t]+(\S.*)`);

function span(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

function insert(line: number, character: number, text: string): TextEdit {
  return { range: span(line, character, character), newText: text };
}

/** A reply (or action) at [start, end) on `line` that carries no enhanced code: offer the best one, inserted at `at`. */
function missingCode(line: number, start: number, end: number, statusClass: StatusClass, text: string, at: number, format: (code: string) => string, what: string): LineFinding {
  const code = bestCodeFor(statusClass, text);
  return {
    code: 'missing-code',
    message: `${what} has no enhanced status code, so the MTA sends a generic one; write one such as ${code}.`,
    range: span(line, start, end),
    fixes: [{ title: `Insert enhanced status code ${code}`, edits: [insert(line, at, format(code))], preferred: true }],
  };
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
    return [missingCode(line, start, start + action[2].length, statusClass, action[3], text.length - action[3].length, (code) => `${code} `, `${action[2]} ${action[3]}`)];
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
    const quoted = error[1] === '"';
    return [missingCode(line, start, replyEnd, Number(error[2][0]) as StatusClass, error[3], quoted ? replyEnd + 1 : start + 'ERROR:'.length,
      (code) => (quoted ? `${code} ` : `${code}:`), `ERROR:${error[1]}${error[2]}`)];
  }
  const rule = /\$#error\s+(\$:\s*"?([45]\d\d)\s+(.*))/.exec(text);
  if (rule) {
    const start = rule.index;
    return [missingCode(line, start, start + 7, Number(rule[2][0]) as StatusClass, rule[3], text.length - rule[1].length, (code) => `$@ ${code} `, '$#error')];
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
      message: `An OpenSMTPD ${verdict[1]} message must start with a reply code (such as 550 or 451); "${verdict[2]}" does not.`,
      range: span(line, messageStart - 1, messageStart + verdict[2].length + 1),
      fixes: [{ title: 'Insert reply code 550 5.7.1', edits: [insert(line, messageStart, '550 5.7.1 ')], preferred: true }],
    }];
  }
  if (HAS_CODE.test(reply[2])) return [];
  return [missingCode(line, messageStart, messageStart + 3, Number(reply[1][0]) as StatusClass, reply[2], messageStart + 4, (code) => `${code} `, `The ${verdict[1]} reply ${reply[1]}`)];
}

/** Exim ACL verbs and the reply class their message must have; `warn` and `accept` messages are not replies. */
const EXIM_VERB_CLASS: Record<string, StatusClass> = { deny: 5, drop: 5, require: 5, defer: 4 };

function eximLine(text: string, line: number, verb: string | undefined): LineFinding[] {
  const reply = /^(\s*(?:(?:accept|deny|defer|discard|drop|require|warn)\s+)?(?:message\s*=\s*|data\s*=\s*:(?:fail|defer):\s*|:(?:fail|defer):\s*))([245]\d\d)([ -])(.*)$/.exec(text);
  if (!reply) return [];
  const start = reply[1].length;
  const findings: LineFinding[] = [];
  const expected = /message\s*=/.test(reply[1]) ? (verb ? EXIM_VERB_CLASS[verb] : undefined) : /:defer:/.test(reply[1]) ? 4 : 5;
  if (expected && Number(reply[2][0]) !== expected) {
    const fixed = `${expected}${reply[2].slice(1)}`;
    const code = HAS_CODE.exec(reply[4])?.[0];
    const edits: TextEdit[] = [{ range: span(line, start, start + 3), newText: fixed }];
    if (code) edits.push({ range: span(line, start + 4, start + 4 + code.length), newText: `${expected}${code.slice(1)}` });
    findings.push({
      code: 'class-mismatch',
      message: `${verb ? `An Exim ${verb}` : 'This redirection'} needs a ${expected}xx reply, but the message starts with ${reply[2]}; Exim refuses such a reply.`,
      range: span(line, start, start + 3),
      fixes: [{ title: `Change the reply to ${fixed}${code ? ` ${expected}${code.slice(1)}` : ''}`, edits, preferred: true }],
    });
  }
  if (!HAS_CODE.test(reply[4])) {
    findings.push(missingCode(line, start, start + 3, Number(reply[2][0]) as StatusClass, reply[4], start + 4, (code) => `${code} `, `The reply ${reply[2]}`));
  }
  return findings;
}

/** Findings for an MTA configuration file; none for other kinds. */
export function mtaFindings(text: string, kind: DocumentKind): LineFinding[] {
  if (kind !== 'postfix' && kind !== 'sendmail' && kind !== 'opensmtpd' && kind !== 'exim') return [];
  const findings: LineFinding[] = [];
  let verb: string | undefined;
  text.split('\n').forEach((raw, line) => {
    const lineText = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (/^\s*(?:#|dnl\b)/.test(lineText)) return;
    if (kind === 'postfix') findings.push(...postfixLine(lineText, line));
    else if (kind === 'sendmail') findings.push(...sendmailLine(lineText, line));
    else if (kind === 'opensmtpd') findings.push(...openSmtpdLine(lineText, line));
    else {
      const statement = /^\s*(accept|deny|defer|discard|drop|require|warn)\b/.exec(lineText);
      if (statement) verb = statement[1];
      else if (/^\S/.test(lineText)) verb = undefined;
      findings.push(...eximLine(lineText, line, verb));
    }
  });
  return findings;
}
