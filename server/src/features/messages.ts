/**
 * Messages in a mail log: every line of one queue ID (or one client's NOQUEUE rejects) connected, for highlights,
 * references, go to definition (where the message entered the queue), the Outline and a hover that tells its story.
 * The index is built once per document version, on the first request that needs it.
 */
import {
  DocumentHighlightKind, SymbolKind, type DocumentHighlight, type DocumentSymbol, type Hover, type Location, type Position, type Range,
} from 'vscode-languageserver-types';
import { LineEnds } from '../lines';
import { parseLogLine, type LogEvent, type LogEventKind, type Mta } from '../logs/logLine';
import { statusCodeMeaning } from './describe';

/** The Outline lists at most this many messages (a 100,000-line log holds tens of thousands); the rest are counted in a last entry. */
export const MAX_OUTLINE_MESSAGES = 2000;

export type MessageOutcome = 'delivered' | 'deferred' | 'bounced' | 'rejected' | 'in queue';

const MTA_NAME: Record<Mta, string> = { postfix: 'Postfix', exim: 'Exim', sendmail: 'Sendmail' };

interface IdToken {
  line: number;
  start: number;
  end: number;
  /** The length of the line. */
  lineEnd: number;
}

/** An ID a line names that is another message's: `queued as X`, a bounce's parent. */
interface HopToken extends IdToken {
  id: string;
}

interface Recipient {
  address: string;
  kind: LogEventKind;
  line: number;
  event: LogEvent;
}

export interface Message {
  id?: string;
  mta: Mta;
  /** The ID on each of the message's own lines. */
  tokens: IdToken[];
  entryLine?: number;
  from?: string;
  size?: number;
  client?: string;
  recipients: Map<string, Recipient>;
  rejects: { line: number; event: LogEvent }[];
  nextHops: { id: string; line: number }[];
  previousHops: { id: string; line: number }[];
  firstTimestamp: string;
  lastTimestamp: string;
}

export class MessageIndex {
  /** In the order of their first lines. */
  readonly messages: Message[] = [];
  private readonly byKey: Record<Mta, Map<string, Message>> = { postfix: new Map(), exim: new Map(), sendmail: new Map() };
  /** The message each line belongs to (a sparse array: most lines of a log name a message). */
  private readonly lineOwner: Message[] = [];
  private readonly hopTokens = new Map<number, HopToken>();

  constructor(text: string) {
    const ends = new LineEnds(text);
    for (let line = 0, start = 0; ; line++) {
      const end = ends.endOfLine(start);
      const lineText = text.slice(start, end);
      const event = parseLogLine(lineText);
      if (event) this.add(event, line, lineText.length);
      if (end >= text.length) return;
      start = ends.nextLineStart(end);
    }
  }

  private add(event: LogEvent, line: number, lineEnd: number): void {
    const key = messageKey(event);
    if (!key) return;
    const messages = this.byKey[event.mta];
    let message = messages.get(key);
    if (!message) {
      message = {
        id: event.id, mta: event.mta, tokens: [], recipients: new Map(), rejects: [], nextHops: [], previousHops: [],
        firstTimestamp: event.timestamp, lastTimestamp: event.timestamp,
      };
      messages.set(key, message);
      this.messages.push(message);
    }
    message.lastTimestamp = event.timestamp;
    message.tokens.push({ line, start: event.idStart, end: event.idEnd, lineEnd });
    this.lineOwner[line] = message;
    if (event.kind === 'received') message.entryLine ??= line;
    if (event.from) message.from = event.kind === 'sender' || !message.from ? event.from : message.from;
    message.size ??= event.size;
    message.client ??= event.client;
    switch (event.kind) {
      case 'delivered': case 'deferred': case 'bounced': case 'forwarded':
        if (event.to) message.recipients.set(event.to, { address: event.to, kind: event.kind, line, event });
        break;
      case 'expired': {
        const address = event.to ?? '(all recipients)';
        message.recipients.set(address, { address, kind: 'expired', line, event });
        break;
      }
      case 'rejected':
        message.rejects.push({ line, event });
        break;
    }
    const hop = event.nextHop ?? event.parent;
    if (hop) {
      this.hopTokens.set(line, { line, start: hop.start, end: hop.start + hop.id.length, lineEnd, id: hop.id });
      if (event.nextHop) message.nextHops.push({ id: hop.id, line });
      else message.previousHops.push({ id: hop.id, line });
    }
  }

  /** The message whose ID (or a next hop's ID) is under the cursor, and the token's range. */
  messageAt(position: Position): { message: Message; range: Range } | undefined {
    const within = (token: IdToken) => position.character >= token.start && position.character <= token.end;
    const toRange = (token: IdToken) => lineRange(token.line, token.start, token.end);
    const owner = this.lineOwner[position.line];
    const own = owner && tokenOnLine(owner.tokens, position.line);
    if (own && within(own)) return { message: owner, range: toRange(own) };
    const hop = this.hopTokens.get(position.line);
    if (hop && within(hop)) {
      const message = this.findById(hop.id);
      if (message) return { message, range: toRange(hop) };
    }
    return undefined;
  }

  /** A next hop is named by ID only, and may be any MTA's message. */
  findById(id: string): Message | undefined {
    return this.byKey.postfix.get(id) ?? this.byKey.exim.get(id) ?? this.byKey.sendmail.get(id);
  }
}

/** The token of `line` in a message's tokens, which are in line order. */
function tokenOnLine(tokens: IdToken[], line: number): IdToken | undefined {
  let low = 0;
  let high = tokens.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const found = tokens[middle].line;
    if (found < line) low = middle + 1;
    else if (found > line) high = middle - 1;
    else return tokens[middle];
  }
  return undefined;
}

/** Whether the cursor stands on a message ID in this line: checked before the whole log is indexed, as editors ask on every cursor move. */
export function isOnMessageId(lineText: string, character: number): boolean {
  const event = parseLogLine(lineText);
  if (!event) return false;
  const within = (start: number, end: number) => character >= start && character <= end;
  if (within(event.idStart, event.idEnd) && messageKey(event)) return true;
  const hop = event.nextHop ?? event.parent;
  return hop !== undefined && within(hop.start, hop.start + hop.id.length);
}

/** The ID; for a reject before a queue ID exists, the client's address (IDs hold no space, so the two never meet). */
function messageKey(event: LogEvent): string | undefined {
  if (event.id) return event.id;
  if (event.kind !== 'rejected' || !event.client) return undefined;
  return `reject ${clientAddress(event.client)}`;
}

/** `unknown[198.51.100.23]`, `[198.51.100.61]:51234` and `host [addr]` all group by the address. */
function clientAddress(client: string): string {
  return /\[([^\][]+)\]/.exec(client)?.[1] ?? client;
}

export function outcomeOf(message: Message): MessageOutcome {
  const kinds = new Set([...message.recipients.values()].map((recipient) => recipient.kind));
  if (kinds.has('bounced') || kinds.has('expired')) return 'bounced';
  if (kinds.has('deferred')) return 'deferred';
  if (kinds.has('delivered') || kinds.has('forwarded')) return 'delivered';
  return message.rejects.length > 0 ? 'rejected' : 'in queue';
}

const OUTCOME_KINDS: Record<MessageOutcome, readonly LogEventKind[]> = {
  bounced: ['bounced', 'expired'], rejected: ['rejected'], deferred: ['deferred'], delivered: ['delivered', 'forwarded'],
  // Stryker disable next-line ArrayDeclaration: no event has a kind named by the mutated array, so 'in queue' finds no line either way
  'in queue': [],
};

/** The line that decided the outcome: the last one of its kind. */
export function decisiveLine(message: Message, outcome = outcomeOf(message)): { line: number; event: LogEvent } | undefined {
  const kinds = OUTCOME_KINDS[outcome];
  return [...message.recipients.values(), ...message.rejects]
    .filter((candidate) => kinds.includes(candidate.event.kind))
    .sort((a, b) => b.line - a.line)[0];
}

function codeText(event: LogEvent): string {
  const code = event.dsn ?? (event.replyCode ? String(event.replyCode) : undefined);
  if (!code) return '';
  const meaning = statusCodeMeaning(code);
  return meaning ? `${code} ${meaning}` : code;
}

/** A message without an ID is a client's rejects (see messageKey), so it has a client. */
function titleOf(message: Message): string {
  return message.id ?? `NOQUEUE ${message.client}`;
}

function lineRange(line: number, start = 0, end = start): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

export function documentHighlights(index: MessageIndex, position: Position): DocumentHighlight[] {
  const found = index.messageAt(position);
  if (!found) return [];
  return found.message.tokens.map((token) => ({
    range: lineRange(token.line, token.start, token.end),
    kind: token.line === found.message.entryLine ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}

export function references(index: MessageIndex, uri: string, position: Position): Location[] {
  const found = index.messageAt(position);
  return found ? found.message.tokens.map((token) => ({ uri, range: lineRange(token.line, token.start, token.end) })) : [];
}

/** The line where the message entered the queue; for a message that entered before the log began, its first line. */
export function definition(index: MessageIndex, uri: string, position: Position): Location | null {
  const found = index.messageAt(position);
  if (!found) return null;
  const { message } = found;
  const entry = message.tokens.find((token) => token.line === message.entryLine) ?? message.tokens[0];
  return { uri, range: lineRange(entry.line, entry.start, entry.end) };
}

export function documentSymbols(index: MessageIndex): DocumentSymbol[] {
  const symbols: DocumentSymbol[] = [];
  let more = 0;
  let lastLine = 0;
  for (const message of index.messages) {
    const first = message.tokens[0];
    const final = message.tokens[message.tokens.length - 1];
    lastLine = Math.max(lastLine, final.line);
    if (symbols.length >= MAX_OUTLINE_MESSAGES) {
      more++;
      continue;
    }
    const outcome = outcomeOf(message);
    const selection = message.tokens.find((token) => token.line === message.entryLine) ?? first;
    const recipients = [...message.recipients.values()];
    const decisive = decisiveLine(message, outcome);
    const code = decisive ? codeText(decisive.event) : '';
    const detailParts = [recipients.map((r) => r.address).join(', ') || message.rejects.map((r) => r.event.to).filter(Boolean).join(', ')];
    if (!message.id) detailParts.push(`${message.rejects.length} reject${message.rejects.length === 1 ? '' : 's'}`);
    // A message's lines interleave with other messages' lines, so a symbol spans only its own line: a range from a
    // message's first line to its last would hold other messages' lines, and breadcrumbs would name the wrong message.
    const wholeLine = (line: number) => {
      const token = tokenOnLine(message.tokens, line);
      return lineRange(line, 0, token?.lineEnd ?? 0);
    };
    const children: DocumentSymbol[] = [
      ...recipients.map((recipient) => ({
        name: recipient.address,
        detail: `${recipient.kind} ${codeText(recipient.event)}`.trim(),
        kind: SymbolKind.Field,
        range: wholeLine(recipient.line),
        selectionRange: lineRange(recipient.line, recipient.event.idStart, recipient.event.idEnd),
      })),
      ...message.rejects.map(({ line, event }) => ({
        name: event.to ?? event.stage ?? 'reject',
        detail: `rejected ${codeText(event)}`.trim(),
        kind: SymbolKind.Field,
        range: wholeLine(line),
        selectionRange: lineRange(line, event.idStart, event.idEnd),
      })),
    ].sort((a, b) => a.range.start.line - b.range.start.line);
    symbols.push({
      // The outcome and its code go in the name: editors show the name everywhere, the detail only in some views.
      name: `${titleOf(message)} ${outcome}${code ? `: ${code}` : ''}`,
      detail: detailParts.filter(Boolean).join(' · '),
      kind: message.id ? SymbolKind.Event : SymbolKind.Object,
      range: lineRange(selection.line, 0, selection.lineEnd),
      selectionRange: lineRange(selection.line, selection.start, selection.end),
      children,
    });
  }
  if (more > 0) {
    symbols.push({
      name: `… ${more.toLocaleString('en-US')} more messages`,
      detail: `the Outline lists the first ${MAX_OUTLINE_MESSAGES.toLocaleString('en-US')}; smtp-status-codes summary reads the whole log`,
      kind: SymbolKind.Null,
      range: lineRange(lastLine),
      selectionRange: lineRange(lastLine),
    });
  }
  return symbols;
}

const DELAYS_EXPLAINED = 'before the queue manager / in the queue manager / connection setup / transmission, in seconds';

export function messageHover(index: MessageIndex, position: Position): Hover | null {
  const found = index.messageAt(position);
  if (!found) return null;
  const { message } = found;
  const outcome = outcomeOf(message);
  const lines: string[] = [];
  lines.push(message.id
    ? `**${MTA_NAME[message.mta]} message ${message.id}**: ${outcome}`
    : `**${MTA_NAME[message.mta]} rejects from ${message.client}** (no queue ID): ${message.rejects.length} reject${message.rejects.length === 1 ? '' : 's'}`);
  const facts: string[] = [];
  if (message.from) facts.push(`from \`<${message.from === '<>' ? '' : message.from}>\`${message.from === '<>' ? ' (a bounce)' : ''}`);
  if (message.size !== undefined) facts.push(`${message.size.toLocaleString('en-US')} bytes`);
  if (message.client && message.id) facts.push(`client ${message.client}`);
  if (facts.length > 0) lines.push('', facts.join(' · '));
  const recipients = [...message.recipients.values()];
  if (recipients.length > 0 || message.rejects.length > 0) {
    lines.push('', '| to | outcome | code | relay | delay |', '| --- | --- | --- | --- | --- |');
    for (const { address, kind, event } of recipients) {
      lines.push(`| ${cell(address)} | ${kind} | ${cell(codeText(event))} | ${cell(event.relay ?? '')} | ${cell(event.delay ?? '')} |`);
    }
    for (const { event } of message.rejects) lines.push(`| ${cell(event.to ?? '')} | rejected at ${cell(event.stage ?? '')} | ${cell(codeText(event))} | | |`);
  }
  const decisive = decisiveLine(message, outcome);
  if (decisive?.event.delays) lines.push('', `Delays ${decisive.event.delays}: ${DELAYS_EXPLAINED}.`);
  if (decisive?.event.reply) lines.push('', `Final reply (line ${decisive.line + 1}): ${cell(decisive.event.reply)}`);
  for (const hop of message.nextHops) {
    const next = index.findById(hop.id);
    lines.push('', next
      ? `Next hop: **${hop.id}** (${MTA_NAME[next.mta]}, line ${(next.entryLine ?? next.tokens[0].line) + 1}): ${outcomeOf(next)}`
      : `Next hop: **${hop.id}** (not in this log)`);
  }
  for (const hop of message.previousHops) lines.push('', `Bounce of **${hop.id}** (line ${hop.line + 1})`);
  const lineCount = new Set(message.tokens.map((token) => token.line)).size;
  lines.push('', `*${lineCount} line${lineCount === 1 ? '' : 's'}, ${message.firstTimestamp}${message.lastTimestamp !== message.firstTimestamp ? ` to ${message.lastTimestamp}` : ''}${message.entryLine !== undefined ? `; entered the queue at line ${message.entryLine + 1}` : ''}*`);
  return { contents: { kind: 'markdown', value: lines.join('\n') }, range: found.range };
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;'));
}
