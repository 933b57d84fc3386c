/** Hover on Haraka DSN helper calls: `DSN.no_such_user()` shows the reply it produces, `550 5.1.1 No such user`. */
import type { Hover, Position } from 'vscode-languageserver-types';
import { DSN_HELPERS } from '../registry/harakaDsn';
import { findEntryByCode } from '../registry/registry';
import { describeStatusCode } from './describe';

const CALL = /\bDSN\.(\w+)\s*\(([^()]*)\)/g;
/** The first argument when it is a string literal as a whole (it may hold commas): the text of the reply. */
const QUOTED_FIRST_ARGUMENT = /^\s*(['"`])((?:\\.|(?!\1)[^\\])*)\1\s*(?:,|$)/;
/** A reply code as the last of two or more arguments. */
const REPLY_CODE_LAST_ARGUMENT = /,\s*([245]\d\d)\s*$/;

export interface DsnCall {
  start: number;
  end: number;
  reply: string;
  replyCode: number;
  statusClass: number;
  subject: number;
  detail: number;
}

/** The DSN helper calls on a line, with the reply each produces (a numeric last argument overrides the reply code). */
export function dsnCalls(lineText: string): DsnCall[] {
  const calls: DsnCall[] = [];
  for (const match of lineText.matchAll(CALL)) {
    const helper = DSN_HELPERS.get(match[1]);
    if (!helper) continue;
    const override = REPLY_CODE_LAST_ARGUMENT.exec(match[2])?.[1];
    const message = QUOTED_FIRST_ARGUMENT.exec(match[2])?.[2];
    const replyCode = override ? Number(override) : helper.replyCode;
    const statusClass = Math.floor(replyCode / 100);
    const { subject, detail } = findEntryByCode(helper.code)!;
    calls.push({
      start: match.index!,
      end: match.index! + match[0].length,
      reply: `${replyCode} ${statusClass}.${subject}.${detail} ${message ?? helper.message}`,
      replyCode, statusClass, subject, detail,
    });
  }
  return calls;
}

export function dsnHover(lineText: string, position: Position): Hover | null {
  const call = dsnCalls(lineText).find((c) => position.character >= c.start && position.character <= c.end);
  if (!call) return null;
  return {
    contents: { kind: 'markdown', value: `Haraka replies \`${call.reply}\`\n\n---\n\n${describeStatusCode(call.statusClass, call.subject, call.detail, call.replyCode)}` },
    range: { start: { line: position.line, character: call.start }, end: { line: position.line, character: call.end } },
  };
}
