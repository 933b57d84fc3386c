import { CompletionItemKind, type CompletionItem, type CompletionList, type Position } from 'vscode-languageserver-types';
import type { DocumentKind } from '../documentKind';
import { ENUMERATED_CODES, usageAllows, withClass, type EnumeratedEntry, type StatusClass } from '../registry/registry';
import { exactKnownCodes } from '../knownCodes';
import { describeStatusCode, entrySummary } from './describe';

/** A partly typed code at the cursor: "", "5", "5.", "5.7", "5.7.", "5.7.2". */
const PARTIAL = String.raw`(?<![\w.@^~])((?:[245](?:\.(?:\d{1,3}(?:\.\d{0,3})?)?)?)?)$`;

/** Where a reply code may start when no code is typed yet: kept narrow so that typing a space after any number stays quiet. */
const REPLY_LEADER_IN_MAIL_FILES = String.raw`(?:^\s*|^\S+\s+|["']|said:\s*|[=#;]\s*)`;
const REPLY_LEADER_IN_STRINGS = `["']`;
const REPLY_LEADER_TYPED = String.raw`(?:^|[\s"'=#:;(])`;

interface CompletionContext {
  classes: StatusClass[];
  replyCode?: number;
  /** The partly typed code, replaced by the chosen one. */
  partial: string;
}

const statusClass = (digit: string) => Number(digit) as StatusClass;

/** Where the cursor stands in a reply, action or field, and what has been typed of the code. */
export function completionContext(linePrefix: string, kind: DocumentKind): CompletionContext | undefined {
  const loose = kind !== 'source' && kind !== 'data';
  const typed = new RegExp(PARTIAL).exec(linePrefix)?.[1] ?? '';
  const before = linePrefix.slice(0, linePrefix.length - typed.length);

  const leader = typed ? REPLY_LEADER_TYPED : loose ? REPLY_LEADER_IN_MAIL_FILES : REPLY_LEADER_IN_STRINGS;
  const reply = new RegExp(String.raw`${leader}([2-5]\d\d)[ -]$`).exec(before);
  if (reply) {
    const replyClass = Number(reply[1][0]);
    if (replyClass === 3) return undefined;
    return { classes: [replyClass as StatusClass], replyCode: Number(reply[1]), partial: typed };
  }

  const action = /\b(REJECT|DEFER_IF_PERMIT|DEFER_IF_REJECT|DEFER)\s+$/i.exec(before);
  if (action && loose) return { classes: [/^reject$/i.test(action[1]) ? 5 : 4], partial: typed };

  if (/(?:\b(?:dsn|status|enhanced[_-]?(?:status[_-]?)?code)["']?\s*[=:]\s*["']?|\bERROR:"?|\(#)$/i.test(before)) {
    return { classes: typed ? [statusClass(typed[0])] : [5, 4, 2], partial: typed };
  }

  if (loose && typed.length >= 2 && /(?:^|[\s"'=:(])$/.test(before)) {
    return { classes: [statusClass(typed[0])], partial: typed };
  }
  return undefined;
}

function suits(entry: EnumeratedEntry, cls: StatusClass): boolean {
  if (entry.deprecatedBy) return false;
  if (cls === 2) return entry.replyCodes.kind === 'any' || entry.replyCodes.codes.some((code) => code < 300);
  return usageAllows(entry, cls);
}

const pad = (n: number) => String(n).padStart(3, '0');

export function completion(linePrefix: string, position: Position, kind: DocumentKind, knownCodes: Record<string, string> = {}): CompletionList | null {
  const context = completionContext(linePrefix, kind);
  if (!context) return null;
  const range = { start: { line: position.line, character: position.character - context.partial.length }, end: position };
  const items: CompletionItem[] = [];
  for (const cls of context.classes) {
    for (const entry of ENUMERATED_CODES) {
      if (!suits(entry, cls)) continue;
      const code = withClass(entry, cls);
      const associated = context.replyCode !== undefined && entry.replyCodes.codes.includes(context.replyCode);
      items.push({
        label: code,
        labelDetails: { description: entrySummary(entry) },
        kind: CompletionItemKind.Value,
        detail: entrySummary(entry),
        documentation: { kind: 'markdown', value: describeStatusCode(cls, entry.subject, entry.detail, context.replyCode) },
        filterText: code,
        sortText: `${associated ? 0 : 1}${cls}${pad(entry.subject)}${pad(entry.detail)}`,
        textEdit: { range, newText: code },
      });
    }
    for (const known of exactKnownCodes(knownCodes, cls)) {
      items.push({
        label: known.pattern,
        labelDetails: { description: known.description },
        kind: CompletionItemKind.Value,
        detail: `${known.description} (smtpStatusCodes.knownCodes)`,
        filterText: known.pattern,
        sortText: `2${known.pattern}`,
        textEdit: { range, newText: known.pattern },
      });
    }
  }
  return { isIncomplete: false, items };
}
