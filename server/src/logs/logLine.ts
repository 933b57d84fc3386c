/**
 * One parser of Postfix, Exim and Sendmail log lines, shared by the editor's message features and the command-line summary.
 * It reads a line once, left to right, with `indexOf` dispatch and a few anchored expressions, so that a gigabyte of log
 * parses in seconds. Columns are UTF-16 offsets in the line, as LSP positions are.
 */

export type Mta = 'postfix' | 'exim' | 'sendmail';

export type LogEventKind =
  | 'received'   // the message entered the queue (Postfix smtpd client= or pickup, Exim <=, Sendmail from=)
  | 'sender'     // Postfix qmgr from=<…>, size=…: the envelope sender, not a new message
  | 'delivered'
  | 'forwarded'  // Postfix status=sent (forwarded as …): handed to another queue, not a final delivery
  | 'deferred'
  | 'bounced'
  | 'expired'    // Postfix qmgr status=expired: given up after maximal_queue_lifetime
  | 'rejected'
  | 'removed'    // Postfix qmgr removed, Exim Completed: the message left the queue
  | 'note';      // any other line that names a message

export interface LogEvent {
  mta: Mta;
  kind: LogEventKind;
  /** Queue ID (Postfix, Sendmail) or message ID (Exim); undefined for a reject before a queue ID exists. */
  id?: string;
  /** Where the ID stands in the line; for a reject without one, the `NOQUEUE` word or the client. */
  idStart: number;
  idEnd: number;
  /** The timestamp as written: `Nov 28 06:25:14`, `2026-11-28T06:25:14.1+00:00` or `2026-11-28 06:25:14`. */
  timestamp: string;
  /** The Postfix daemon (smtpd, smtp, cleanup, qmgr, …); the program name otherwise. */
  process: string;
  from?: string;
  to?: string;
  /** The remote client of a received or rejected message: `host[address]`. */
  client?: string;
  /** The host a delivery went to: `mx.example.net[192.0.2.25]:25`. */
  relay?: string;
  size?: number;
  delay?: string;
  delays?: string;
  /** The enhanced status code the MTA logged (`dsn=`), or the one in the reply. */
  dsn?: string;
  /** The basic reply code of the remote or local reply, if any. */
  replyCode?: number;
  /** The reply or reason text: inside `status=… (…)`, after `stat=`, after `: ` in Exim, the reject text. */
  reply?: string;
  /** Postfix `reject: RCPT`, Exim `rejected RCPT`, Sendmail `ruleset=check_rcpt`: where in the dialogue a reject fell. */
  stage?: string;
  /** Exim: the message this one is the bounce of (`<= <> R=1tGqXi-0004Aj-9N`). */
  parent?: { id: string; start: number };
  /** The ID the message has on the next hop or the notification it caused: `queued as X`, Exim `id=X`, a DSN's ID. */
  nextHop?: { id: string; start: number };
}

const POSTFIX_QUEUE_ID = /^(?:[0-9A-F]{6,12}|[0-9B-DF-HJ-NP-TV-Zb-df-hj-np-tv-y]{10,}z[0-9B-DF-HJ-NP-TV-Zb-df-hj-np-tv-y]+)$/;
const SENDMAIL_QUEUE_ID = /^[0-9A-Za-z]{6,9}\d{5,8}$/;
/** Exim message IDs: `1tGqXa-0004Ab-1F` before 4.97, `1qE7xV-00000000Z0a-1aBc` since. */
const EXIM_ID = /^[0-9A-Za-z]{6}-(?:[0-9A-Za-z]{6}-[0-9A-Za-z]{2}|[0-9A-Za-z]{11}-[0-9A-Za-z]{4})(?=[\s:,;)]|$)/;
const NEXT_HOP = /(?:queued as |\bid=)([0-9A-Za-z]{5,20}(?:-[0-9A-Za-z]{6,11}-[0-9A-Za-z]{2,4})?)/g;
const REPLY_WITH_CODE = /(?:^|[\s:(#"=])([245]\d\d)(?:[ -]([245]\.\d{1,3}\.\d{1,3})\b)?/;
const REMOTE_REPLY = /: (?=[245]\d\d[ -])/;
const ENHANCED_CODE = /(?:^|[\s:(="])([245]\.\d{1,3}\.\d{1,3})\b/;

/** Parses one log line (without its line break); undefined when the line names no message and rejects nothing. */
export function parseLogLine(line: string): LogEvent | undefined {
  const first = line.charCodeAt(0);
  if (first >= 48 && first <= 57) {
    // 2026-11-28T06:25:14+00:00 host prog[pid]: … (RFC 3339 syslog), or 2026-11-28 06:25:14 … (Exim's own log)
    if (line.charCodeAt(10) === 84 /* T */) {
      const space = line.indexOf(' ', 11);
      return space < 0 ? undefined : parseSyslog(line, line.slice(0, space), space + 1);
    }
    if (line.charCodeAt(10) === 32 && line.charCodeAt(4) === 45) return parseExim(line);
    return undefined;
  }
  // Nov 28 06:25:14 host prog[pid]: …  (the day is padded with a space: "Nov  8")
  if (line.charCodeAt(15) !== 32 || line.charCodeAt(3) !== 32) return undefined;
  return parseSyslog(line, line.slice(0, 15), 16);
}

function parseSyslog(line: string, timestamp: string, hostStart: number): LogEvent | undefined {
  const programStart = line.indexOf(' ', hostStart) + 1;
  const bodyMark = line.indexOf(': ', programStart);
  // A line without a program or a message: the daemon parsers would find no queue ID in it either, but need not look.
  if (programStart === 0 || bodyMark < 0) return undefined;
  if (line.startsWith('postfix', programStart)) {
    const bracket = line.indexOf('[', programStart);
    const programEnd = bracket > 0 && bracket < bodyMark ? bracket : bodyMark;
    const process = line.slice(line.lastIndexOf('/', programEnd) + 1, programEnd);
    return parsePostfix(line, timestamp, process, bodyMark + 2);
  }
  if (line.startsWith('sendmail', programStart) || line.startsWith('sm-m', programStart)) {
    return parseSendmail(line, timestamp, bodyMark + 2);
  }
  return undefined;
}

/** The value of `key` (which includes its `=`) up to `end` (default `,`), from `from` on. */
function field(line: string, key: string, from: number, end = ','): string | undefined {
  const at = line.indexOf(key, from);
  if (at < 0) return undefined;
  const start = at + key.length;
  let stop = line.indexOf(end, start);
  if (stop < 0) stop = line.length;
  return line.slice(start, stop);
}

/** `<user@example.net>` as `user@example.net` (`<>` stays, as the null sender). */
function angle(line: string, key: string, from: number): string | undefined {
  const at = line.indexOf(key, from);
  if (at < 0) return undefined;
  const start = at + key.length;
  if (line.charCodeAt(start) !== 60) return undefined;
  const stop = line.indexOf('>', start);
  if (stop < 0) return undefined;
  return stop === start + 1 ? '<>' : line.slice(start + 1, stop);
}

/** Sets the reply code and, unless the MTA logged one, the enhanced code from the reply text. */
function withCodes(event: LogEvent, reply: string): LogEvent {
  const found = REPLY_WITH_CODE.exec(reply);
  if (found) {
    event.replyCode = Number(found[1]);
    event.dsn ??= found[2];
  } else if (!event.dsn) {
    event.dsn = ENHANCED_CODE.exec(reply)?.[1];
  }
  return event;
}

function nextHopIn(line: string, from: number): LogEvent['nextHop'] {
  NEXT_HOP.lastIndex = from;
  let last: RegExpExecArray | null = null;
  for (let found = NEXT_HOP.exec(line); found; found = NEXT_HOP.exec(line)) last = found;
  return last ? { id: last[1], start: last.index + last[0].length - last[1].length } : undefined;
}

function parsePostfix(line: string, timestamp: string, process: string, body: number): LogEvent | undefined {
  const colon = line.indexOf(': ', body);
  if (colon < 0) return undefined;
  const id = line.slice(body, colon);
  const rest = colon + 2;
  if (id === 'NOQUEUE') {
    if (!line.startsWith('reject: ', rest) && !line.startsWith('milter-reject: ', rest)) return undefined;
    return postfixReject(line, timestamp, process, undefined, body, rest);
  }
  if (!POSTFIX_QUEUE_ID.test(id)) return undefined;
  const event: LogEvent = { mta: 'postfix', kind: 'note', id, idStart: body, idEnd: colon, timestamp, process };
  switch (line.charCodeAt(rest)) {
    case 116: /* t */
      if (line.startsWith('to=<', rest)) return postfixDelivery(line, event, rest);
      break;
    case 102: /* f */
      if (line.startsWith('from=<', rest)) {
        event.from = angle(line, 'from=', rest);
        const size = field(line, ', size=', rest);
        if (size !== undefined) {
          event.kind = 'sender';
          event.size = Number(size);
        } else if (line.includes(', status=expired', rest)) {
          event.kind = 'expired';
          event.reply = line.slice(line.indexOf(', status=expired', rest) + 17).trim() || 'expired';
        }
      }
      return event;
    case 99: /* c */
      if (line.startsWith('client=', rest) && process === 'smtpd') {
        event.kind = 'received';
        event.client = field(line, 'client=', rest);
      }
      return event;
    case 117: /* u */
    case 115: /* s */
      if (process === 'pickup' && (line.startsWith('uid=', rest) || line.startsWith('sender=', rest))) {
        event.kind = 'received';
        event.from = angle(line, 'from=', rest) ?? angle(line, 'sender=', rest);
      } else if (line.startsWith('sender ', rest)) {
        // sender non-delivery notification: 3F2A1B4C5D: the bounce this message caused
        const notified = line.lastIndexOf(': ');
        if (notified > rest) event.nextHop = { id: line.slice(notified + 2).trim(), start: notified + 2 };
      }
      return event;
    case 114: /* r */
      if (line.startsWith('removed', rest)) event.kind = 'removed';
      else if (line.startsWith('reject: ', rest)) return postfixReject(line, timestamp, process, id, body, rest);
      return event;
    case 109: /* m */
      if (line.startsWith('milter-reject: ', rest)) return postfixReject(line, timestamp, process, id, body, rest);
      return event;
  }
  return event;
}

function postfixDelivery(line: string, event: LogEvent, rest: number): LogEvent {
  event.to = angle(line, 'to=', rest);
  const statusAt = line.indexOf(', status=', rest);
  if (statusAt < 0) return event;
  const relay = field(line, ', relay=', rest);
  event.relay = relay;
  event.delay = field(line, ', delay=', rest);
  event.delays = field(line, ', delays=', rest);
  const dsnAt = line.lastIndexOf(', dsn=', statusAt);
  if (dsnAt > rest) event.dsn = line.slice(dsnAt + 6, statusAt);
  const wordStart = statusAt + 9;
  let wordEnd = line.indexOf(' ', wordStart);
  if (wordEnd < 0) wordEnd = line.length;
  const status = line.slice(wordStart, wordEnd);
  const open = line.indexOf('(', wordEnd);
  if (open >= 0) event.reply = line.slice(open + 1, line.endsWith(')') ? line.length - 1 : line.length);
  switch (status) {
    case 'sent':
      event.kind = event.reply?.startsWith('forwarded as ') ? 'forwarded' : 'delivered';
      // A pre-test for speed on the commonest line of a log: NEXT_HOP needs one of the two.
      if (event.reply?.includes('queued as ') || event.reply?.includes('id=')) event.nextHop = nextHopIn(line, open);
      break;
    case 'deferred': event.kind = 'deferred'; break;
    case 'bounced': event.kind = 'bounced'; break;
    case 'expired': event.kind = 'expired'; break;
    default: return event; // deliverable / undeliverable: address verification probes, not deliveries
  }
  if (event.kind !== 'delivered' && event.reply) {
    // host mx[…] said: 550 5.1.1 … (in reply to RCPT TO command)
    const said = event.reply.indexOf(' said: ');
    withCodes(event, event.reply);
    if (said >= 0) event.reply = event.reply.slice(said + 7);
  }
  return event;
}

/** NOQUEUE: reject: RCPT from host[addr]: 550 5.1.1 <x>: Recipient address rejected: …; from=<a> to=<b> proto=ESMTP helo=<h> */
function postfixReject(line: string, timestamp: string, process: string, id: string | undefined, idStart: number, rest: number): LogEvent {
  const afterVerb = line.indexOf(': ', rest) + 2;
  const stageEnd = line.indexOf(' ', afterVerb);
  const event: LogEvent = {
    mta: 'postfix', kind: 'rejected', id, idStart, idEnd: idStart + (id ?? 'NOQUEUE').length, timestamp, process,
    stage: line.slice(afterVerb, stageEnd),
  };
  const fromAt = line.indexOf(' from ', stageEnd);
  let text: string;
  if (event.stage === 'header' || event.stage === 'body') {
    // cleanup: reject: header Subject: … from host[addr]; from=<a> to=<b> proto=SMTP helo=<h>: 5.7.1 text
    const fromField = line.indexOf('; from=<', stageEnd);
    const clientAt = fromField > 0 ? line.lastIndexOf(' from ', fromField) : -1;
    if (clientAt > 0) event.client = line.slice(clientAt + 6, fromField);
    const tail = fromField > 0 ? line.indexOf('>: ', line.lastIndexOf('helo=<', line.length)) : -1;
    text = tail > 0 ? line.slice(tail + 3) : line.slice(stageEnd + 1);
  } else {
    const clientEnd = fromAt >= 0 ? line.indexOf(': ', fromAt + 6) : -1;
    if (clientEnd > 0) event.client = line.slice(fromAt + 6, clientEnd);
    const textStart = clientEnd > 0 ? clientEnd + 2 : stageEnd + 1;
    text = line.slice(textStart, rejectFieldsAt(line, textStart));
  }
  event.reply = text;
  event.from = angle(line, ' from=', stageEnd);
  event.to = angle(line, ' to=', stageEnd);
  return withCodes(event, text);
}

/** Where the fields after a Postfix reject text begin (`; from=<a> to=<b> proto=ESMTP helo=<h>`): each is there only when known. */
function rejectFieldsAt(line: string, textStart: number): number {
  for (const first of ['; from=<', '; to=<', '; proto=', '; helo=<']) {
    const at = line.indexOf(first, textStart);
    if (at >= 0) return at;
  }
  return line.length;
}

function parseSendmail(line: string, timestamp: string, body: number): LogEvent | undefined {
  const colon = line.indexOf(': ', body);
  let id: string | undefined;
  let rest = body;
  if (colon > 0 && SENDMAIL_QUEUE_ID.test(line.slice(body, colon))) {
    id = line.slice(body, colon);
    rest = colon + 2;
  }
  if (line.startsWith('ruleset=', rest) || line.startsWith('Milter: ', rest)) {
    const reject = line.indexOf('reject=', rest);
    if (reject < 0) return id ? { mta: 'sendmail', kind: 'note', id, idStart: body, idEnd: colon, timestamp, process: 'sendmail' } : undefined;
    const relayAt = line.indexOf('relay=', rest);
    const relayEnd = relayAt >= 0 ? line.indexOf(', ', relayAt) : -1;
    const client = relayAt >= 0 ? line.slice(relayAt + 6, relayEnd > 0 ? relayEnd : line.length) : undefined;
    const idStart = id ? body : relayAt >= 0 ? relayAt + 6 : body;
    const reply = line.slice(reject + 7);
    const event: LogEvent = {
      mta: 'sendmail', kind: 'rejected', id, idStart, idEnd: id ? colon : idStart + (client?.length ?? 0), timestamp, process: 'sendmail',
      client, stage: field(line, 'ruleset=', rest) ?? 'milter', reply,
    };
    const arg = angle(line, 'arg1=', rest);
    if (event.stage === 'check_rcpt') event.to = arg;
    else if (event.stage === 'check_mail') event.from = arg;
    return withCodes(event, reply);
  }
  if (!id) return undefined;
  const event: LogEvent = { mta: 'sendmail', kind: 'note', id, idStart: body, idEnd: colon, timestamp, process: 'sendmail' };
  if (line.startsWith('from=', rest)) {
    event.kind = 'received';
    event.from = angle(line, 'from=', rest) ?? field(line, 'from=', rest);
    const size = field(line, ', size=', rest);
    if (size !== undefined) event.size = Number(size);
    event.client = field(line, ', relay=', rest);
    return event;
  }
  if (line.startsWith('to=', rest)) {
    event.to = angle(line, 'to=', rest) ?? field(line, 'to=', rest);
    event.delay = field(line, ', delay=', rest);
    event.relay = field(line, ', relay=', rest);
    event.dsn = field(line, ', dsn=', rest);
    const statAt = line.indexOf(', stat=', rest);
    if (statAt < 0) return event;
    const stat = line.slice(statAt + 7);
    if (stat.startsWith('Sent')) {
      event.kind = 'delivered';
      const open = stat.indexOf('(');
      if (open >= 0) event.reply = stat.slice(open + 1, stat.endsWith(')') ? -1 : undefined);
      event.nextHop = nextHopIn(line, statAt);
      return event;
    }
    if (stat.startsWith('queued')) return event; // accepted for a later queue run (DeliveryMode=queue or deferred): not yet tried
    const deferred = stat.startsWith('Deferred');
    event.kind = deferred || event.dsn?.startsWith('4') ? 'deferred' : 'bounced';
    event.reply = deferred ? stat.replace(/^Deferred:?\s*/, '') : stat;
    return withCodes(event, event.reply);
  }
  // 2ASM02cd005003: 2ASM02ce005003: DSN: User unknown
  const second = line.indexOf(': ', rest);
  if (second > 0 && SENDMAIL_QUEUE_ID.test(line.slice(rest, second))) event.nextHop = { id: line.slice(rest, second), start: rest };
  return event;
}

function parseExim(line: string): LogEvent | undefined {
  // 2026-11-28 06:30:02[.123] [+0100] [[pid]] ID <= …
  let at = 19;
  if (line.charCodeAt(at) === 46) at = line.indexOf(' ', at);
  if (line.charCodeAt(at) !== 32) return undefined;
  const timestamp = line.slice(0, at);
  at++;
  const c = line.charCodeAt(at);
  if ((c === 43 || c === 45) && line.charCodeAt(at + 5) === 32) at += 6; // +0100
  if (line.charCodeAt(at) === 91) { // [pid]
    const close = line.indexOf('] ', at);
    if (close < 0) return undefined;
    at = close + 2;
  }
  const idMatch = EXIM_ID.exec(line.slice(at, at + 24));
  if (!idMatch) return line.startsWith('rejected ', at) || line.includes(' rejected ', at) ? eximReject(line, timestamp, undefined, at, at) : undefined;
  const id = idMatch[0];
  const idStart = at;
  const rest = at + id.length + 1;
  const event: LogEvent = { mta: 'exim', kind: 'note', id, idStart, idEnd: idStart + id.length, timestamp, process: 'exim' };
  const flag = line.slice(rest, rest + 3);
  switch (flag) {
    case '<= ': {
      event.kind = 'received';
      const end = line.indexOf(' ', rest + 3);
      event.from = line.slice(rest + 3, end < 0 ? line.length : end);
      event.client = eximHost(line, rest);
      const size = field(line, ' S=', rest, ' ');
      if (size !== undefined) event.size = Number(size);
      const parentAt = line.indexOf(' R=', rest);
      const parent = parentAt >= 0 ? EXIM_ID.exec(line.slice(parentAt + 3, parentAt + 27)) : null;
      if (parent) event.parent = { id: parent[0], start: parentAt + 3 };
      return event;
    }
    case '=> ':
    case '-> ':
    case '*> ': {
      event.kind = flag === '*> ' ? 'note' : 'delivered';
      event.to = eximAddress(line, rest + 3);
      event.relay = eximHost(line, rest);
      const confirmation = line.indexOf(' C="', rest);
      if (confirmation >= 0) {
        event.reply = line.slice(confirmation + 4, line.endsWith('"') ? line.length - 1 : line.length);
        event.nextHop = nextHopIn(line, confirmation);
        withCodes(event, event.reply);
      }
      return event;
    }
    case '** ':
    case '== ': {
      event.kind = flag === '** ' ? 'bounced' : 'deferred';
      event.to = eximAddress(line, rest + 3);
      event.relay = eximHost(line, rest);
      const reason = line.indexOf(': ', rest + 3);
      const text = reason >= 0 ? line.slice(reason + 2) : line.slice(rest + 3);
      // SMTP error from remote mail server after RCPT TO:<x>: 550 5.1.1 …: keep the remote reply
      const remote = text.startsWith('SMTP error') ? REMOTE_REPLY.exec(text) : null;
      event.reply = remote ? text.slice(remote.index + 2) : text;
      return withCodes(event, event.reply);
    }
  }
  if (line.startsWith('Completed', rest)) event.kind = 'removed';
  else if (line.includes(' rejected ', rest)) return eximReject(line, timestamp, id, idStart, rest);
  return event;
}

function eximAddress(line: string, start: number): string {
  const end = line.indexOf(' ', start);
  const address = line.slice(start, end < 0 ? line.length : end);
  return address.endsWith(':') ? address.slice(0, -1) : address;
}

/** `H=mx.example.net [192.0.2.25]` as `mx.example.net[192.0.2.25]`. */
function eximHost(line: string, from: number): string | undefined {
  const at = line.indexOf(' H=', from);
  return at < 0 ? undefined : hostAndAddress(line, at + 3);
}

/** `mx.example.net [192.0.2.25]` (the name may be absent) at `start` as `mx.example.net[192.0.2.25]`. */
function hostAndAddress(line: string, start: number): string | undefined {
  const open = line.indexOf('[', start);
  const close = open >= 0 ? line.indexOf(']', open) : -1;
  if (close < 0) return undefined;
  return `${line.slice(start, open).trim()}${line.slice(open, close + 1)}`;
}

/**
 * H=(helo) [198.51.100.5] F=<a@example.net> rejected RCPT <b@example.com>: relay not permitted
 * rejected EHLO from [198.51.100.7]: syntactically invalid argument(s): (no argument given)
 */
function eximReject(line: string, timestamp: string, id: string | undefined, idStart: number, rest: number): LogEvent {
  const at = line.startsWith('rejected ', rest) ? rest - 1 : line.indexOf(' rejected ', rest);
  const stageEnd = line.indexOf(' ', at + 10);
  const stage = line.slice(at + 10, stageEnd < 0 ? line.length : stageEnd).replace(/:$/, '');
  const reason = line.indexOf(': ', at);
  const hostAt = line.lastIndexOf('H=', at);
  const clientStart = hostAt >= 0 ? hostAt + 2 : line.startsWith(' from ', stageEnd) ? stageEnd + 6 : idStart;
  const client = clientStart === idStart ? undefined : hostAndAddress(line, clientStart);
  const reply = reason >= 0 ? line.slice(reason + 2) : line.slice(at + 10);
  const event: LogEvent = {
    mta: 'exim', kind: 'rejected', id, idStart: id ? idStart : clientStart,
    idEnd: id ? idStart + id.length : line.indexOf(']', clientStart) + 1 || clientStart, timestamp, process: 'exim', client,
    stage: stage === 'after' ? line.slice(at + 10, reason < 0 ? undefined : reason) : stage,
    reply,
  };
  event.from = angle(line, 'F=', rest);
  if (stage === 'RCPT') event.to = angle(line, 'RCPT ', at);
  return withCodes(event, reply);
}
