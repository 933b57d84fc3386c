import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type Position, type Range } from 'vscode-languageserver-types';
import { HARAKA_VERDICTS, impliedClass, POSTFIX_ACTIONS } from '../actions';
import { isConfigKind, type DocumentKind } from '../documentKind';
import { ENUMERATED_CODES, suitsClass, withClass, type StatusClass } from '../registry/registry';
import { exactKnownCodes } from '../knownCodes';
import { describeStatusCode, entrySummary } from './describe';

/** A partly typed code at the cursor: "", "5", "5.", "5.7", "5.7.", "5.7.2". */
const PARTIAL = /(?<![\w.@^~])((?:[245](?:\.(?:\d{1,3}(?:\.\d{0,3})?)?)?)?)$/;

/**
 * A reply code before the cursor. Where no code is typed yet the leaders are narrow, so that typing a space after any
 * number stays quiet: in mail files a reply starts a line, a map value, a string or a field; in code, only a string.
 */
const REPLY_WHEN_TYPED = /(?:^|[\s"'=#:;(])([2-5]\d\d)[ -]$/;
const REPLY_IN_MAIL_FILES = /(?:^\s*|^\S+\s+|["']|said:\s*|[=#;]\s*)([2-5]\d\d)[ -]$/;
const REPLY_IN_STRINGS = /["']([2-5]\d\d)[ -]$/;
const ACTION_AT_CURSOR = new RegExp(String.raw`\b(${POSTFIX_ACTIONS})\s+$`, 'i');
const VERDICT_AT_CURSOR = new RegExp(String.raw`\b(${HARAKA_VERDICTS})\s*,\s*["'\`]$`);

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
  const typed = PARTIAL.exec(linePrefix)?.[1] ?? '';
  const before = linePrefix.slice(0, linePrefix.length - typed.length);

  const reply = (typed ? REPLY_WHEN_TYPED : loose ? REPLY_IN_MAIL_FILES : REPLY_IN_STRINGS).exec(before);
  if (reply) {
    const replyClass = Number(reply[1][0]);
    if (replyClass === 3) return undefined;
    return { classes: [replyClass as StatusClass], replyCode: Number(reply[1]), partial: typed };
  }

  const action = ACTION_AT_CURSOR.exec(before);
  if (action && loose) return { classes: [impliedClass(action[1])!], partial: typed };
  const verdict = VERDICT_AT_CURSOR.exec(before);
  if (verdict) return { classes: [impliedClass(verdict[1])!], partial: typed };
  if (/\$#error\s+\$@\s*$/.test(before)) return { classes: typed ? [statusClass(typed[0])] : [5, 4], partial: typed };

  if (/(?:\b(?:dsn|status|enhanced[_-]?(?:status[_-]?)?code)["']?\s*[=:]\s*["']?|\bERROR:"?|\(#)$/i.test(before)) {
    return { classes: typed ? [statusClass(typed[0])] : [5, 4, 2], partial: typed };
  }

  if (loose && typed.length >= 2 && /(?:^|[\s"'=:(])$/.test(before)) {
    return { classes: [statusClass(typed[0])], partial: typed };
  }
  return undefined;
}

const pad = (n: number) => String(n).padStart(3, '0');

/** What a code item carries so that its documentation is built only when the editor shows it (completionItem/resolve). */
interface CodeItemData {
  statusClass: number;
  subject: number;
  detail: number;
  replyCode?: number;
}

export function resolveCompletion(item: CompletionItem): CompletionItem {
  const data = item.data as CodeItemData | undefined;
  if (!data || typeof data.subject !== 'number') return item;
  return { ...item, documentation: { kind: 'markdown', value: describeStatusCode(data.statusClass, data.subject, data.detail, data.replyCode) } };
}

/** Whole replies offered inside a string once two digits of its reply code are typed: `"55` -> `550 5.1.1 User unknown`. */
const REPLY_SNIPPETS: [string, string][] = [
  ['550 5.1.1', 'User unknown'],
  ['550 5.7.1', 'Relaying denied'],
  ['554 5.7.1', 'Message rejected for policy reasons'],
  ['550 5.7.26', 'Message failed authentication checks'],
  ['552 5.3.4', 'Message too big'],
  ['535 5.7.8', 'Authentication credentials invalid'],
  ['530 5.7.0', 'Authentication required'],
  ['452 4.2.2', 'Mailbox full, try again later'],
  ['451 4.7.1', 'Greylisted, try again later'],
  ['421 4.7.0', 'Too many connections, try again later'],
  ['250 2.0.0', 'OK'],
];

/** Each MTA's way of rejecting, offered where an action or a reply begins. */
const MTA_SNIPPETS: Record<string, { before: RegExp; items: [string, string][] }[]> = {
  postfix: [{
    before: /^(?:\S+|\/.*\/\w*)\s+([A-Z_0-9]*)$/,
    items: [['REJECT 5.7.1', 'Access denied'], ['DEFER 4.7.1', 'Try again later'], ['DEFER_IF_PERMIT 4.7.1', 'Try again later'], ['550 5.7.1', 'Access denied'], ['450 4.7.1', 'Try again later']],
  }],
  sendmail: [{
    before: /^(?:Connect|From|To|Spam)?:?\S+\s+([A-Z:]*)$/,
    items: [['ERROR:5.7.1:550', 'Access denied'], ['ERROR:4.7.1:451', 'Try again later'], ['ERROR:5.1.1:550', 'User unknown']],
  }],
  exim: [{
    before: /\bmessage\s*=\s*([0-9]*)$/,
    items: [['550 5.7.1', 'Access denied'], ['451 4.7.1', 'Try again later'], ['550 5.1.1', 'User unknown']],
  }],
  opensmtpd: [{
    before: /\b(?:reject|disconnect)\s+("?[0-9]*)$/,
    items: [['"550 5.7.1', 'Access denied"'], ['"451 4.7.1', 'Try again later"'], ['"421 4.7.0', 'Too many connections"']],
  }],
};

function snippet(label: string, placeholder: string, range: Range, sortText: string): CompletionItem {
  const closing = placeholder.endsWith('"') ? '"' : '';
  const text = closing ? placeholder.slice(0, -1) : placeholder;
  return {
    label: `${label} ${text}${closing}`,
    kind: CompletionItemKind.Snippet,
    detail: 'Reply with an enhanced status code',
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range, newText: `${label} \${1:${text}}${closing}` },
    filterText: `${label} ${text}`,
    sortText,
  };
}

function snippets(linePrefix: string, position: Position, kind: DocumentKind): CompletionItem[] {
  const items: CompletionItem[] = [];
  const typedReply = /["'`]([245]\d{1,2})$/.exec(linePrefix);
  if (typedReply && (kind === 'source' || kind === 'text' || kind === 'prose' || isConfigKind(kind))) {
    const range = { start: { line: position.line, character: position.character - typedReply[1].length }, end: position };
    REPLY_SNIPPETS.filter(([reply]) => reply.startsWith(typedReply[1])).forEach(([reply, text], index) => items.push(snippet(reply, text, range, `3${index}`)));
  }
  for (const { before, items: templates } of MTA_SNIPPETS[kind] ?? []) {
    const match = before.exec(linePrefix);
    if (!match) continue;
    const range = { start: { line: position.line, character: position.character - match[1].length }, end: position };
    templates.forEach(([label, text], index) => items.push(snippet(label, text, range, `4${index}`)));
  }
  return items;
}

export function completion(linePrefix: string, position: Position, kind: DocumentKind, knownCodes: Record<string, string> = {}): CompletionList | null {
  const context = completionContext(linePrefix, kind);
  const extra = snippets(linePrefix, position, kind);
  if (!context) return extra.length > 0 ? { isIncomplete: false, items: extra } : null;
  const range = { start: { line: position.line, character: position.character - context.partial.length }, end: position };
  const items: CompletionItem[] = [...extra];
  for (const cls of context.classes) {
    for (const entry of ENUMERATED_CODES) {
      if (!suitsClass(entry, cls)) continue;
      const code = withClass(entry, cls);
      const associated = context.replyCode !== undefined && entry.replyCodes.codes.includes(context.replyCode);
      items.push({
        label: code,
        labelDetails: { description: entrySummary(entry) },
        kind: CompletionItemKind.Value,
        detail: entrySummary(entry),
        data: { statusClass: cls, subject: entry.subject, detail: entry.detail, replyCode: context.replyCode } satisfies CodeItemData,
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
