/**
 * Totals of mail logs per MTA, fed one line at a time: what `smtp-status-codes summary` prints. Memory depends on the
 * number of distinct codes, domains, hosts and restrictions (each table is capped) and on the messages deferred and still
 * in the queue, never on the length of the log.
 */
import { statusCodeMeaning } from '../features/describe';
import { restrictionOf } from '../registry/rejectRestrictions';
import { parseLogLine, type LogEvent, type Mta } from './logLine';

/** Distinct keys kept per table (domains, hosts, restrictions); past it the rarest half is dropped, so large counts stay exact. */
const TABLE_CAPACITY = 20_000;

export interface Totals {
  received: number;
  delivered: number;
  /** Postfix status=sent (forwarded as …): handed to another queue, not counted as delivered (as pflogsumm does). */
  forwarded: number;
  /** Messages deferred at least once. */
  deferred: number;
  /** Deferral lines: a message is deferred again at each retry. */
  deferrals: number;
  bounced: number;
  expired: number;
  rejected: number;
}

interface Tally {
  count: number;
  codes: Map<string, number>;
}

interface RemoteTally {
  bounced: number;
  deferred: number;
  codes: Map<string, number>;
}

class MtaTally {
  readonly totals: Totals = { received: 0, delivered: 0, forwarded: 0, deferred: 0, deferrals: 0, bounced: 0, expired: 0, rejected: 0 };
  readonly codes = new Map<string, number>();
  readonly domains = new Map<string, RemoteTally>();
  readonly hosts = new Map<string, RemoteTally>();
  readonly restrictions = new Map<string, Tally>();
  /** Messages deferred and not yet gone from the queue: a retry is a deferral, not another deferred message. */
  readonly pendingDeferred = new Set<string | undefined>();
  first = '';
  last = '';
  lines = 0;
}

export interface TimeWindow {
  /** Inclusive. */
  since?: number;
  /** Exclusive. */
  until?: number;
}

const MONTHS: Record<string, number> = { Jan: 0, Feb: 1, Mar: 2, Apr: 3, May: 4, Jun: 5, Jul: 6, Aug: 7, Sep: 8, Oct: 9, Nov: 10, Dec: 11 };

/**
 * A log timestamp as milliseconds, read as written (local time, no zone): `Nov 28 06:25:14` (in `year`),
 * `2026-11-28T06:25:14.1+00:00`, `2026-11-28 06:25:14`.
 */
export function timestampValue(timestamp: string, year: number): number {
  if (timestamp.charCodeAt(0) <= 57) {
    return Date.UTC(Number(timestamp.slice(0, 4)), Number(timestamp.slice(5, 7)) - 1, Number(timestamp.slice(8, 10)),
      Number(timestamp.slice(11, 13)), Number(timestamp.slice(14, 16)), Number(timestamp.slice(17, 19)));
  }
  return Date.UTC(year, MONTHS[timestamp.slice(0, 3)] ?? 0, Number(timestamp.slice(4, 6)),
    Number(timestamp.slice(7, 9)), Number(timestamp.slice(10, 12)), Number(timestamp.slice(13, 15)));
}

/** `2026-11-28`, `2026-11-28 06:00`, `2026-11-28T06:00:30` as milliseconds read as written; undefined if it is none of these. */
export function parseTimeBound(text: string): number | undefined {
  const found = /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d))?)?$/.exec(text.trim());
  if (!found) return undefined;
  const [, y, mo, d, h, mi, s] = found;
  if (Number(mo) > 12 || Number(d) > 31) return undefined;
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(s ?? 0));
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function keep<T extends { codes: Map<string, number> }>(map: Map<string, T>, key: string, create: () => T, weight: (value: T) => number): T {
  let value = map.get(key);
  if (!value) {
    if (map.size >= TABLE_CAPACITY) {
      const sorted = [...map.entries()].sort((a, b) => weight(a[1]) - weight(b[1]));
      for (const [dropped] of sorted.slice(0, sorted.length / 2)) map.delete(dropped);
    }
    value = create();
    map.set(key, value);
  }
  return value;
}

function codeOf(event: LogEvent): string | undefined {
  return event.dsn ?? (event.replyCode !== undefined ? String(event.replyCode) : undefined);
}

/** `mx.example.net[192.0.2.25]:25` as `mx.example.net[192.0.2.25]`; Sendmail's `mx.example.net. [192.0.2.25]` the same. */
function hostOf(relay: string): string {
  const close = relay.lastIndexOf(']');
  const host = close > 0 ? relay.slice(0, close + 1) : relay;
  return host.replace(/\.? \[/, '[');
}

export class LogSummary {
  private readonly mtas = new Map<Mta, MtaTally>();
  lines = 0;
  /** Lines outside --since/--until. */
  outsideWindow = 0;
  private readonly year: number;

  constructor(private readonly window: TimeWindow = {}, year?: number) {
    // Without bounds the year is never read.
    this.year = year ?? new Date(window.since ?? window.until ?? 0).getUTCFullYear();
  }

  addLine(line: string): void {
    this.lines++;
    const event = parseLogLine(line);
    if (!event) return;
    if (this.window.since !== undefined || this.window.until !== undefined) {
      const at = timestampValue(event.timestamp, this.year);
      if ((this.window.since !== undefined && at < this.window.since) || (this.window.until !== undefined && at >= this.window.until)) {
        this.outsideWindow++;
        return;
      }
    }
    this.addEvent(event);
  }

  addEvent(event: LogEvent): void {
    let tally = this.mtas.get(event.mta);
    if (!tally) {
      tally = new MtaTally();
      tally.first = event.timestamp;
      this.mtas.set(event.mta, tally);
    }
    tally.lines++;
    tally.last = event.timestamp;
    const totals = tally.totals;
    switch (event.kind) {
      case 'received': totals.received++; return;
      case 'removed': tally.pendingDeferred.delete(event.id); return;
      case 'forwarded': totals.forwarded++; return;
      case 'delivered':
        totals.delivered++;
        if (event.mta === 'sendmail') tally.pendingDeferred.delete(event.id);
        break;
      case 'deferred':
        totals.deferrals++;
        if (event.id === undefined) totals.deferred++;
        else if (!tally.pendingDeferred.has(event.id)) {
          tally.pendingDeferred.add(event.id);
          totals.deferred++;
        }
        break;
      case 'bounced':
        totals.bounced++;
        if (event.mta === 'sendmail') tally.pendingDeferred.delete(event.id);
        break;
      case 'expired': totals.expired++; break;
      case 'rejected': totals.rejected++; break;
      default: return;
    }
    const code = codeOf(event);
    if (code) bump(tally.codes, code);
    if (event.kind === 'rejected') {
      // Stryker disable next-line StringLiteral: a Postfix or Exim reject always has its text, and Sendmail's restriction is its stage
      const restriction = restrictionOf(event.mta, event.reply ?? '', event.stage);
      const entry = keep(tally.restrictions, restriction, () => ({ count: 0, codes: new Map() }), (value) => value.count);
      entry.count++;
      if (code) bump(entry.codes, code);
    } else if (event.kind === 'bounced' || event.kind === 'deferred') {
      const weight = (value: RemoteTally) => value.bounced + value.deferred;
      const domain = event.to ? event.to.slice(event.to.lastIndexOf('@') + 1).toLowerCase() : undefined;
      const targets = [
        domain && event.to!.includes('@') ? keep(tally.domains, domain, () => ({ bounced: 0, deferred: 0, codes: new Map() }), weight) : undefined,
        event.relay && event.relay !== 'none' ? keep(tally.hosts, hostOf(event.relay), () => ({ bounced: 0, deferred: 0, codes: new Map() }), weight) : undefined,
      ];
      for (const target of targets) {
        if (!target) continue;
        if (event.kind === 'bounced') target.bounced++;
        else target.deferred++;
        if (code) bump(target.codes, code);
      }
    }
  }

  /** The totals and top tables, ready for JSON, text or Markdown. */
  report(top = 10): SummaryReport {
    const mtas: MtaReport[] = [];
    for (const mta of ['postfix', 'exim', 'sendmail'] as const) {
      const tally = this.mtas.get(mta);
      if (!tally) continue;
      const codes = (map: Map<string, number>) => [...map.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code, count]) => ({ code, count }));
      const remote = (map: Map<string, RemoteTally>) => [...map.entries()]
        .sort((a, b) => b[1].bounced + b[1].deferred - (a[1].bounced + a[1].deferred) || a[0].localeCompare(b[0])).slice(0, top)
        .map(([name, value]) => ({ name, bounced: value.bounced, deferred: value.deferred, codes: codes(value.codes) }));
      mtas.push({
        mta,
        first: tally.first,
        last: tally.last,
        lines: tally.lines,
        totals: { ...tally.totals },
        codes: codes(tally.codes).map(({ code, count }) => ({ code, statusClass: Number(code[0]), count, meaning: statusCodeMeaning(code) })),
        domains: remote(tally.domains),
        hosts: remote(tally.hosts),
        rejects: [...tally.restrictions.entries()].sort((a, b) => b[1].count - a[1].count || a[0].localeCompare(b[0])).slice(0, top)
          .map(([restriction, value]) => ({ restriction, count: value.count, codes: codes(value.codes) })),
      });
    }
    return { lines: this.lines, outsideWindow: this.outsideWindow, mtas };
  }
}

export interface MtaReport {
  mta: Mta;
  first: string;
  last: string;
  /** Lines of this MTA that name a message or a reject. */
  lines: number;
  totals: Totals;
  codes: { code: string; statusClass: number; count: number; meaning: string }[];
  domains: RemoteReport[];
  hosts: RemoteReport[];
  rejects: { restriction: string; count: number; codes: { code: string; count: number }[] }[];
}

export interface RemoteReport {
  name: string;
  bounced: number;
  deferred: number;
  codes: { code: string; count: number }[];
}

export interface SummaryReport {
  lines: number;
  outsideWindow: number;
  mtas: MtaReport[];
}
