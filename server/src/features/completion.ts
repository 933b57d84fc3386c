import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type Position, type Range } from 'vscode-languageserver-types';
import { HARAKA_VERDICTS, impliedClass, POSTFIX_ACTIONS } from '../actions';
import { isConfigKind, type DocumentKind } from '../documentKind';
import { ENUMERATED_CODES, suitsClass, withClass, type StatusClass } from '../registry/registry';
import { exactKnownCodes } from '../knownCodes';
import { CODES_AFTER_ACTION, CODES_AFTER_RECIPIENT_REJECT, CODES_AFTER_REPLY } from '../registry/writersChoice';
import { describeStatusCode, entrySummary } from './describe';

/**
 * A partly typed code at the cursor: "5", "5.", "5.7", "5.7.", "5.7.2" (nothing typed when it does not match). Not one glued to
 * a word, a dot, `^` or `~` (`v5.1`, `10.5.1`, `^5.1`); after `@` it is, as Sendmail's `$@5.7.1` is written.
 */
const PARTIAL = /(?<![\w.^~])([245](?:\.(?:\d{1,3}(?:\.\d{0,3})?)?)?)$/;

/**
 * A reply code before the cursor. Where no code is typed yet the leaders are narrow, so that typing a space after any
 * number stays quiet: in mail files a reply starts a line, a map value, a string or a field; in code, only a string.
 */
const REPLY_WHEN_TYPED = /(?:^|[\s"'=#:;(])([2-5]\d\d)[ -]$/;
const REPLY_IN_MAIL_FILES = /(?:^\s*|^\S+\s+|["']|said:\s*|[=#;]\s*)([2-5]\d\d)[ -]$/;
const REPLY_IN_STRINGS = /["']([2-5]\d\d)[ -]$/;
const ACTION_AT_CURSOR = new RegExp(String.raw`\b(${POSTFIX_ACTIONS})\s+$`, 'i');
/**
 * A reply code passed as a number before the text, in the APIs that take them apart: Python `SMTPResponseException(550, '`,
 * Haraka `connection.respond(550, '`, Go `textproto.Error{Code: 550, Msg: "`, and a quoted text right after `responseCode = 550`.
 */
const REPLY_ARGUMENT = /\b([2-5]\d\d)\s*,\s*(?:\w+\s*:\s*)?b?["'`]$/;
/** go-smtp's `&smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{`: the code as three numbers. */
const GO_ENHANCED_CODE = /\bCode:\s*([2-5]\d\d)\s*,\s*EnhancedCode:\s*(?:\w+\.)?EnhancedCode\{\s*$/;
/** A recipient in the reply's line: RCPT, a recipient map key, an address with a local part. */
// `^[^\s@]+@`: the first @ of the line's first word, so that a word of many @ is read once (linear time).
const RECIPIENT_CONTEXT = /rcpt|recipient|mailbox|\buser\b|^[^\s@]+@\S|^To:/i;
const VERDICT_AT_CURSOR = new RegExp(String.raw`\b(${HARAKA_VERDICTS})\s*,\s*["'\`]$`);

interface CompletionContext {
  classes: StatusClass[];
  replyCode?: number;
  /** The codes to offer first, in order (written with X for the class). */
  first?: readonly string[];
  /** Insert the code as `5, 1, 1` (go-smtp's EnhancedCode). */
  asNumbers?: boolean;
  /** The partly typed code, replaced by the chosen one. */
  partial: string;
}

const statusClass = (digit: string) => Number(digit) as StatusClass;

function afterReply(replyCode: number, line: string, partial: string): CompletionContext | undefined {
  const replyClass = Math.floor(replyCode / 100);
  if (replyClass !== 2 && replyClass !== 4 && replyClass !== 5) return undefined;
  const first = replyCode === 550 && RECIPIENT_CONTEXT.test(line) ? CODES_AFTER_RECIPIENT_REJECT : CODES_AFTER_REPLY[replyCode];
  return { classes: [replyClass], replyCode, partial, first };
}

function afterAction(action: string, partial: string): CompletionContext {
  const implied = impliedClass(action)!;
  return { classes: [implied], partial, first: CODES_AFTER_ACTION[implied as 4 | 5] };
}

/**
 * Where the cursor stands in a reply, action or field, and what has been typed of the code. `eximVerb` is the ACL verb of the
 * statement the line belongs to; `nearbyReplyCode` a `responseCode = 550` on the lines around (Node's smtp-server).
 */
export function completionContext(linePrefix: string, kind: DocumentKind, eximVerb?: string, nearbyReplyCode?: number): CompletionContext | undefined {
  const loose = kind !== 'source' && kind !== 'data';
  const typed = PARTIAL.exec(linePrefix)?.[1] ?? '';
  const before = linePrefix.slice(0, linePrefix.length - typed.length);

  const goCode = GO_ENHANCED_CODE.exec(linePrefix);
  if (goCode) {
    const context = afterReply(Number(goCode[1]), linePrefix, '');
    return context && { ...context, asNumbers: true };
  }
  const reply = (typed ? REPLY_WHEN_TYPED : loose ? REPLY_IN_MAIL_FILES : REPLY_IN_STRINGS).exec(before) ?? REPLY_ARGUMENT.exec(before);
  if (reply) return afterReply(Number(reply[1]), linePrefix, typed);
  if (nearbyReplyCode !== undefined && /["'`]$/.test(before)) return afterReply(nearbyReplyCode, linePrefix, typed);

  const action = ACTION_AT_CURSOR.exec(before);
  if (action && loose) return afterAction(action[1], typed);
  const verdict = VERDICT_AT_CURSOR.exec(before);
  if (verdict) return afterAction(verdict[1], typed);
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
    items: [['550 5.7.1', 'Access denied'], ['451 4.7.1', 'Try again later'], ['550 5.1.1', 'User unknown'], ['450 4.7.1', 'Greylisted, try again later'], ['452 4.2.2', 'Mailbox full, try again later']],
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

/** The class of reply each Exim ACL verb must send: a `defer` message is offered only 4xx replies. */
const EXIM_VERB_CLASS: Record<string, string> = { deny: '5', drop: '5', require: '5', defer: '4' };

function snippets(linePrefix: string, position: Position, kind: DocumentKind, eximVerb?: string): CompletionItem[] {
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
    const verbClass = eximVerb && EXIM_VERB_CLASS[eximVerb];
    templates.filter(([label]) => !verbClass || label.startsWith(verbClass)).forEach(([label, text], index) => items.push(snippet(label, text, range, `4${index}`)));
  }
  return items;
}

export function completion(linePrefix: string, position: Position, kind: DocumentKind, knownCodes: Record<string, string> = {}, eximVerb?: string, nearbyReplyCode?: number): CompletionList | null {
  const context = completionContext(linePrefix, kind, eximVerb, nearbyReplyCode);
  const extra = snippets(linePrefix, position, kind, eximVerb);
  if (!context) return extra.length > 0 ? { isIncomplete: false, items: extra } : null;
  const range = { start: { line: position.line, character: position.character - context.partial.length }, end: position };
  const items: CompletionItem[] = [...extra];
  for (const cls of context.classes) {
    for (const entry of ENUMERATED_CODES) {
      if (!suitsClass(entry, cls)) continue;
      const code = withClass(entry, cls);
      const associated = entry.replyCodes.codes.some((replyCode) => replyCode === context.replyCode);
      const rank = context.first?.indexOf(entry.code) ?? -1;
      const group = rank !== -1 ? `0${pad(rank)}` : associated ? '1' : '2';
      items.push({
        label: code,
        labelDetails: { description: entrySummary(entry) },
        kind: CompletionItemKind.Value,
        detail: entrySummary(entry),
        data: { statusClass: cls, subject: entry.subject, detail: entry.detail, replyCode: context.replyCode } satisfies CodeItemData,
        filterText: context.asNumbers ? code.replace(/\./g, ', ') : code,
        sortText: `${group}${cls}${pad(entry.subject)}${pad(entry.detail)}`,
        preselect: rank === 0 || undefined,
        textEdit: { range, newText: context.asNumbers ? code.replace(/\./g, ', ') : code },
      });
    }
    for (const known of exactKnownCodes(knownCodes, cls)) {
      items.push({
        label: known.pattern,
        labelDetails: { description: known.description },
        kind: CompletionItemKind.Value,
        detail: `${known.description} (smtpStatusCodes.knownCodes)`,
        filterText: known.pattern,
        sortText: `3${known.pattern}`,
        textEdit: { range, newText: known.pattern },
      });
    }
  }
  return { isIncomplete: false, items };
}

/**
 * The Exim ACL verb of the statement that `line` belongs to: the nearest verb above, through its indented conditions and
 * comments, looked for up to 39 lines above.
 */
export function eximVerbAt(lineText: (line: number) => string, line: number): string | undefined {
  const top = Math.max(0, line - 39);
  for (let current = line; current >= top; current--) {
    const text = lineText(current);
    const verb = /^\s*(accept|deny|defer|discard|drop|require|warn)\b/.exec(text);
    if (verb) return verb[1];
    if (current < line && /^\S/.test(text) && !text.startsWith('#')) return undefined;
  }
  return undefined;
}

/** A `responseCode = 550` (Node's smtp-server errors) within three lines of `line`. */
export function replyCodeNearby(lineText: (line: number) => string, line: number, lineCount: number): number | undefined {
  const end = Math.min(lineCount, line + 4);
  for (let current = Math.max(0, line - 3); current < end; current++) {
    const match = /\bresponseCode\s*=\s*([2-5]\d\d)\b/.exec(lineText(current));
    if (match) return Number(match[1]);
  }
  return undefined;
}
