/** Deterministic, realistic data for the benchmark: a mixed MTA log, a source tree full of look-alikes, and endless Postfix and Exim logs. */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';

/** mulberry32: a small seeded generator, so that every run measures the same text. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REPLIES = [
  ['550', '5.1.1', '<user@example.net>: Recipient address rejected: User unknown in virtual mailbox table'],
  ['550', '5.7.1', 'Service unavailable; client host blocked using zen.example.org'],
  ['450', '4.7.1', 'Client host rejected: cannot find your reverse hostname'],
  ['452', '4.2.2', 'Mailbox full'],
  ['421', '4.7.0', 'Try again later, closing connection.'],
  ['550', '5.7.26', 'Unauthenticated email from example.com is not accepted due to domain DMARC policy'],
  ['554', '5.7.9', 'Message not accepted for policy reasons'],
  ['550', '5.7.606', 'Access denied, banned sending IP [192.0.2.3]'],
  ['552', '5.3.4', 'Message size exceeds fixed limit'],
  ['550', '4.1.1', 'User unknown (a class mismatch)'],
  ['451', '4.3.0', 'Temporary system problem, try again later'],
  ['553', '5.1.3', 'Bad recipient address syntax'],
] as const;

function pick<T>(next: () => number, list: readonly T[]): T {
  return list[Math.floor(next() * list.length)];
}

function ip(next: () => number): string {
  return `${pick(next, ['192.0.2', '198.51.100', '203.0.113'])}.${1 + Math.floor(next() * 254)}`;
}

function queueId(next: () => number): string {
  return Math.floor(next() * 0xffffffffff).toString(16).toUpperCase().padStart(10, '0');
}

function time(second: number): string {
  const s = second % 86_400;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `Nov 28 ${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
}

/** A mixed Postfix, Exim and Sendmail log of about `size` characters, a third of its lines holding codes. */
export function mailLog(size: number, seed = 3463): string {
  const next = random(seed);
  const lines: string[] = [];
  let length = 0;
  for (let n = 0; length < size; n++) {
    const [reply, code, text] = pick(next, REPLIES);
    const address = ip(next);
    const id = queueId(next);
    let line: string;
    switch (n % 9) {
      case 0: line = `${time(n)} mx1 postfix/smtp[${2000 + (n % 5000)}]: ${id}: to=<user${n}@example.net>, relay=mx.example.net[${address}]:25, delay=1.2, delays=0.08/0/0.58/0.54, dsn=${code}, status=bounced (host mx.example.net[${address}] said: ${reply} ${code} ${text} (in reply to RCPT TO command))`; break;
      case 3: line = `${time(n)} mx1 postfix/smtpd[${2000 + (n % 5000)}]: NOQUEUE: reject: RCPT from unknown[${address}]: ${reply} ${code} ${text}; from=<a@example.org> to=<b@example.com> proto=ESMTP helo=<mail.example.org>`; break;
      case 6: line = `2026-11-28 ${time(n).slice(7)} 1tGq${id.slice(0, 2)}-000${n % 10}Ab-1F ** carol${n}@example.org R=dnslookup T=remote_smtp H=mx.example.org [${address}]: SMTP error from remote mail server after RCPT TO:<carol${n}@example.org>: ${reply} ${code} ${text}`; break;
      case 1: line = `${time(n)} mx1 postfix/smtpd[${2000 + (n % 5000)}]: connect from unknown[${address}]`; break;
      case 2: line = `${time(n)} mx1 postfix/qmgr[1020]: ${id}: from=<newsletter@example.org>, size=${1000 + n % 90000}, nrcpt=1 (queue active)`; break;
      case 4: line = `${time(n)} relay sendmail[${5000 + n % 1000}]: 2ASM${id.slice(0, 6)}: from=<alice@example.com>, size=2048, class=0, nrcpts=1, proto=ESMTP, daemon=MTA, relay=laptop.example.com [${address}]`; break;
      case 5: line = `${time(n)} mx1 postfix/smtpd[${2000 + (n % 5000)}]: Anonymous TLS connection established from unknown[${address}]: TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits)`; break;
      case 7: line = `${time(n)} mx1 postfix/smtpd[${2000 + (n % 5000)}]: disconnect from unknown[${address}] ehlo=1 mail=1 rcpt=0/1 data=0/1 commands=2/4`; break;
      default: line = `2026-11-28 ${time(n).slice(7)} exim 4.96 daemon: queue run: pid=${1300 + n % 100} -q30m, version 4.96.2`; break;
    }
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n') + '\n';
}

/** Source and data files of about `size` characters in all, full of versions and addresses and with a few real replies. */
export function sourceTree(size: number, seed = 5321): { uri: string; languageId: string; text: string }[] {
  const next = random(seed);
  const files: { uri: string; languageId: string; text: string }[] = [];
  let total = 0;
  for (let n = 0; total < size; n++) {
    const version = () => `${Math.floor(next() * 6)}.${Math.floor(next() * 12)}.${Math.floor(next() * 20)}`;
    let text: string;
    let uri: string;
    let languageId: string;
    if (n % 3 === 0) {
      const entries = Array.from({ length: 400 }, (_, i) => `    "node_modules/pkg-${n}-${i}": {\n      "version": "${version()}",\n      "license": "MIT",\n      "engines": { "node": ">=${version()}" }\n    }`);
      text = `{\n  "name": "app-${n}",\n  "version": "${version()}",\n  "lockfileVersion": 3,\n  "packages": {\n${entries.join(',\n')}\n  }\n}\n`;
      uri = `file:///src/app-${n}/package-lock.json`;
      languageId = 'json';
    } else {
      const lines = Array.from({ length: 600 }, (_, i) => {
        switch (i % 6) {
          case 0: return `const upstream${i} = { host: '${ip(next)}', port: 25, version: '${version()}' };`;
          case 1: return `logger.info('client ${ip(next)} uses library v${version()} on node ${version()}');`;
          case 2: return `if (attempts > ${i % 7}) return reply('451 4.7.1 Try again later');`;
          case 3: return `const oid = '1.3.6.1.4.1.2021.${i}.1'; // ${version()}`;
          case 4: return `assert.equal(semver.satisfies('${version()}', '^${version()}'), true);`;
          default: return `// see RFC 5321 section ${1 + (i % 4)}.${i % 9}.${i % 5} for details`;
        }
      });
      text = lines.join('\n') + '\n';
      uri = `file:///src/app-${n}/server-${n}.js`;
      languageId = 'javascript';
    }
    files.push({ uri, languageId, text });
    total += text.length;
  }
  return files;
}

/** What a generated log holds, counted as pflogsumm and eximstats count: delivered and bounced per recipient line, deferred per message. */
export interface GeneratedCounts {
  received: number;
  delivered: number;
  deferred: number;
  deferrals: number;
  bounced: number;
  rejected: number;
}

const REMOTE_DOMAINS = ['example.net', 'example.org', 'gmail.example', 'outlook.example', 'yahoo.example', 'corp.example', 'lists.example'];
const REMOTE_HOSTS: Record<string, string> = {
  'example.net': 'mx.example.net[192.0.2.25]', 'example.org': 'mx.example.org[192.0.2.40]', 'gmail.example': 'gmail-smtp-in.l.google.example[198.51.100.27]',
  'outlook.example': 'mx.outlook.example[203.0.113.80]', 'yahoo.example': 'mta5.am0.yahoodns.example[198.51.100.140]',
  'corp.example': 'mail.corp.example[203.0.113.12]', 'lists.example': 'mx.lists.example[192.0.2.90]',
};
const BOUNCES = [
  ['550', '5.1.1', '<$to>: Recipient address rejected: User unknown in virtual mailbox table', 'RCPT TO'],
  ['550', '5.7.26', 'Unauthenticated email from example.com is not accepted due to domain\'s DMARC policy', 'end of DATA'],
  ['552', '5.2.2', '<$to>: Recipient address rejected: Mailbox full', 'RCPT TO'],
  ['554', '5.7.1', 'Message rejected as spam by Content Filtering.', 'end of DATA'],
  ['550', '5.7.606', 'Access denied, banned sending IP [192.0.2.3]', 'RCPT TO'],
] as const;
const DEFERRALS = [
  ['421', '4.7.0', 'Try again later, closing connection.', 'end of DATA'],
  ['450', '4.2.1', 'The user you are trying to contact is receiving mail at a rate that prevents additional messages from being delivered.', 'RCPT TO'],
  ['451', '4.7.1', 'Please try again later (greylisted)', 'RCPT TO'],
  ['452', '4.2.2', 'Mailbox full', 'RCPT TO'],
] as const;
const REJECTS = [
  '554 5.7.1 Service unavailable; Client host [$ip] blocked using zen.spamhaus.org',
  '450 4.7.1 Client host rejected: cannot find your reverse hostname, [$ip]',
  '550 5.1.1 <$to>: Recipient address rejected: User unknown in virtual mailbox table',
  '454 4.7.1 <$to>: Relay access denied',
  '450 4.1.8 <$from>: Sender address rejected: Domain not found',
  '504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname',
] as const;

/** Distinct Postfix short queue IDs: multiplication by an odd constant is a bijection on 32-bit numbers. */
function postfixQueueId(n: number): string {
  return ((n >>> 24) & 0xff).toString(16).toUpperCase().padStart(2, '0') + (Math.imul(n, 0x9e3779b1) >>> 0).toString(16).toUpperCase().padStart(8, '0');
}

function syslogTime(second: number): string {
  const day = 1 + Math.floor(second / 86_400) % 28;
  const s = second % 86_400;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `Nov ${String(day).padStart(2, ' ')} ${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
}

/**
 * An endless Postfix log in real Postfix line formats (smtpd, cleanup, qmgr, smtp, lmtp, bounce, local, pickup), as batches of
 * lines; `counts` is kept up to date. Deferred messages are retried later, interleaved with newer mail, and end delivered or bounced.
 */
export function* postfixLog(counts: GeneratedCounts, seed = 5321): Generator<string[]> {
  const next = random(seed);
  const retries: { id: string; to: string; domain: string; attempts: number; due: number }[] = [];
  let message = 0;
  let second = 0;
  for (;;) {
    const lines: string[] = [];
    for (let batch = 0; batch < 500; batch++) {
      second += next() < 0.5 ? 1 : 0;
      const t = syslogTime(second);
      const pid = 2000 + Math.floor(next() * 30_000);
      const address = ip(next);
      const client = next() < 0.3 ? `unknown[${address}]` : `mail${Math.floor(next() * 900)}.sender.example[${address}]`;
      const roll = next();
      if (roll < 0.12) {
        const from = `news${Math.floor(next() * 1000)}@sender.example`;
        const to = `user${Math.floor(next() * 5000)}@example.com`;
        const reply = pick(next, REJECTS).replace('$ip', address).replace('$to', to).replace('$from', from);
        lines.push(`${t} mx1 postfix/smtpd[${pid}]: connect from ${client}`);
        lines.push(`${t} mx1 postfix/smtpd[${pid}]: NOQUEUE: reject: RCPT from ${client}: ${reply}; from=<${from}> to=<${to}> proto=ESMTP helo=<${client.slice(0, client.indexOf('['))}>`);
        lines.push(`${t} mx1 postfix/smtpd[${pid}]: disconnect from ${client} ehlo=1 mail=1 rcpt=0/1 data=0/1 quit=1 commands=3/5`);
        counts.rejected++;
        continue;
      }
      const id = postfixQueueId(message++);
      const from = `sender${Math.floor(next() * 20_000)}@sender.example`;
      const size = 1500 + Math.floor(next() * 120_000);
      if (roll < 0.16) {
        lines.push(`${t} mx1 postfix/pickup[1021]: ${id}: uid=1000 from=<app>`);
      } else {
        lines.push(`${t} mx1 postfix/smtpd[${pid}]: connect from ${client}`);
        lines.push(`${t} mx1 postfix/smtpd[${pid}]: ${id}: client=${client}`);
      }
      counts.received++;
      lines.push(`${t} mx1 postfix/cleanup[${pid + 1}]: ${id}: message-id=<${id}.${second}@sender.example>`);
      if (roll > 0.985) {
        lines.push(`${t} mx1 postfix/cleanup[${pid + 1}]: ${id}: milter-reject: END-OF-MESSAGE from ${client}: 5.7.1 Spam message rejected; from=<${from}> to=<user@example.com> proto=ESMTP helo=<sender.example>`);
        counts.rejected++;
        continue;
      }
      const recipients = 1 + (next() < 0.2 ? Math.floor(next() * 3) : 0);
      lines.push(`${t} mx1 postfix/qmgr[1020]: ${id}: from=<${from}>, size=${size}, nrcpt=${recipients} (queue active)`);
      let pending = false;
      let bounced = false;
      for (let r = 0; r < recipients; r++) {
        const domain = pick(next, REMOTE_DOMAINS);
        const to = `rcpt${Math.floor(next() * 50_000)}@${domain}`;
        const outcome = next();
        if (outcome < 0.8) {
          lines.push(deliveredLine(t, pid + 2, id, to, domain, next));
          counts.delivered++;
        } else if (outcome < 0.9) {
          lines.push(deferredLine(t, pid + 2, id, to, domain, next));
          counts.deferrals++;
          if (!pending) counts.deferred++;
          pending = true;
          retries.push({ id, to, domain, attempts: 1, due: second + 300 + Math.floor(next() * 900) });
        } else {
          const [reply, code, text, stage] = pick(next, BOUNCES);
          const host = REMOTE_HOSTS[domain];
          lines.push(`${t} mx1 postfix/smtp[${pid + 2}]: ${id}: to=<${to}>, relay=${host}:25, delay=1.2, delays=0.08/0/0.58/0.54, dsn=${code}, status=bounced (host ${host} said: ${reply} ${code} ${text.replace('$to', to)} (in reply to ${stage} command))`);
          counts.bounced++;
          bounced = true;
        }
      }
      if (bounced) {
        const notice = postfixQueueId(message++);
        lines.push(`${t} mx1 postfix/cleanup[${pid + 1}]: ${notice}: message-id=<${second}.${notice}@mx1.example.com>`);
        lines.push(`${t} mx1 postfix/bounce[${pid + 3}]: ${id}: sender non-delivery notification: ${notice}`);
        lines.push(`${t} mx1 postfix/qmgr[1020]: ${notice}: from=<>, size=${size + 2000}, nrcpt=1 (queue active)`);
        lines.push(`${t} mx1 postfix/smtp[${pid + 4}]: ${notice}: to=<${from}>, relay=mx.sender.example[192.0.2.7]:25, delay=0.4, delays=0/0/0.2/0.2, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as ${postfixQueueId(0x7fffffff - message)})`);
        lines.push(`${t} mx1 postfix/qmgr[1020]: ${notice}: removed`);
        counts.delivered++;
      }
      if (!pending) lines.push(`${t} mx1 postfix/qmgr[1020]: ${id}: removed`);
      if (roll > 0.5 && roll < 0.56) lines.push(`${t} mx1 postfix/smtpd[${pid}]: disconnect from ${client} ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5`);
      // retries that fall due: delivered, bounced, or deferred again
      while (retries.length > 0 && retries[0].due <= second) {
        const retry = retries.shift()!;
        const fate = next();
        const rt = syslogTime(second);
        if (fate < 0.6 || retry.attempts >= 4) {
          if (fate < 0.9) {
            lines.push(deliveredLine(rt, pid + 5, retry.id, retry.to, retry.domain, next));
            counts.delivered++;
          } else {
            const [reply, code, text, stage] = pick(next, BOUNCES);
            const host = REMOTE_HOSTS[retry.domain];
            lines.push(`${rt} mx1 postfix/smtp[${pid + 5}]: ${retry.id}: to=<${retry.to}>, relay=${host}:25, delay=${retry.attempts * 600}, delays=${retry.attempts * 600}/0/0.5/0.2, dsn=${code}, status=bounced (host ${host} said: ${reply} ${code} ${text.replace('$to', retry.to)} (in reply to ${stage} command))`);
            counts.bounced++;
          }
          if (!retries.some((other) => other.id === retry.id)) lines.push(`${rt} mx1 postfix/qmgr[1020]: ${retry.id}: removed`);
        } else {
          lines.push(deferredLine(rt, pid + 5, retry.id, retry.to, retry.domain, next));
          counts.deferrals++;
          retries.push({ ...retry, attempts: retry.attempts + 1, due: second + 600 + Math.floor(next() * 1200) });
          retries.sort((a, b) => a.due - b.due);
        }
      }
    }
    yield lines;
  }
}

function deliveredLine(t: string, pid: number, id: string, to: string, domain: string, next: () => number): string {
  const host = REMOTE_HOSTS[domain];
  const delay = (0.2 + next() * 3).toFixed(1);
  return `${t} mx1 postfix/smtp[${pid}]: ${id}: to=<${to}>, relay=${host}:25, delay=${delay}, delays=0.05/0.01/0.3/${(Number(delay) - 0.36).toFixed(2)}, dsn=2.0.0, status=sent (250 2.0.0 OK ${Math.floor(next() * 1e9).toString(36)} - gsmtp)`;
}

function deferredLine(t: string, pid: number, id: string, to: string, domain: string, next: () => number): string {
  const [reply, code, text, stage] = pick(next, DEFERRALS);
  const host = REMOTE_HOSTS[domain];
  return `${t} mx1 postfix/smtp[${pid}]: ${id}: to=<${to}>, relay=${host}:25, delay=${(1 + next() * 5).toFixed(1)}, delays=0.1/0/0.5/0.4, dsn=${code}, status=deferred (host ${host} said: ${reply} ${code} ${text} (in reply to ${stage} command))`;
}

/** Exim message IDs in the form Exim 4.96 and earlier write (and Debian's eximstats reads); distinct for distinct `n`. */
function eximId(n: number): string {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
  const base62 = (value: number, width: number) => {
    let text = '';
    for (let i = 0; i < width; i++, value = Math.floor(value / 62)) text = alphabet[value % 62] + text;
    return text;
  };
  const scrambled = Math.imul(n, 0x9e3779b1) >>> 0;
  return `1v${base62(scrambled, 4)}-${base62(n, 6)}-${base62(scrambled & 0xfff, 2)}`;
}

/**
 * An endless Exim main log (<=, =>, **, ==, Completed, rejected RCPT) as batches of lines; `counts` is kept up to date.
 * Deferred messages are delivered on a later queue run, so that every message leaves the queue.
 */
export function* eximLog(counts: GeneratedCounts, seed = 3464): Generator<string[]> {
  const next = random(seed);
  const retries: { id: string; to: string; host: string; due: number }[] = [];
  let message = 0;
  let second = 0;
  const pad = (n: number) => String(n).padStart(2, '0');
  const time = (at: number) => {
    const s = at % 86_400;
    return `2026-11-${pad(1 + Math.floor(at / 86_400) % 28)} ${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}:${pad(s % 60)}`;
  };
  for (;;) {
    const lines: string[] = [];
    for (let batch = 0; batch < 500; batch++) {
      second += next() < 0.5 ? 1 : 0;
      const t = time(second);
      const address = ip(next);
      while (retries.length > 0 && retries[0].due <= second) {
        const retry = retries.shift()!;
        lines.push(`${t} ${retry.id} => ${retry.to} R=dnslookup T=remote_smtp H=${retry.host} X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes C="250 2.0.0 OK"`);
        lines.push(`${t} ${retry.id} Completed`);
        counts.delivered++;
      }
      if (next() < 0.1) {
        lines.push(`${t} H=(spam${Math.floor(next() * 100)}.example) [${address}] F=<bulk@spam.example> rejected RCPT <user${Math.floor(next() * 5000)}@example.com>: relay not permitted`);
        counts.rejected++;
        continue;
      }
      const id = eximId(message++);
      lines.push(`${t} ${id} <= sender${Math.floor(next() * 20_000)}@sender.example H=mail.sender.example [${address}] P=esmtps X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=no S=${1500 + Math.floor(next() * 90_000)} id=${id}@sender.example`);
      counts.received++;
      const domain = pick(next, REMOTE_DOMAINS);
      const host = REMOTE_HOSTS[domain].replace('[', ' [');
      const to = `rcpt${Math.floor(next() * 50_000)}@${domain}`;
      const outcome = next();
      if (outcome < 0.85) {
        lines.push(`${t} ${id} => ${to} R=dnslookup T=remote_smtp H=${host} X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes C="250 2.0.0 OK id=${eximId(0x7fffffff - message)}"`);
        counts.delivered++;
        lines.push(`${t} ${id} Completed`);
      } else if (outcome < 0.93) {
        const [reply, code, text, stage] = pick(next, DEFERRALS);
        lines.push(`${t} ${id} == ${to} R=dnslookup T=remote_smtp defer (-44) H=${host}: SMTP error from remote mail server after ${stage === 'RCPT TO' ? `RCPT TO:<${to}>` : 'end of data'}: ${reply} ${code} ${text}`);
        counts.deferrals++;
        counts.deferred++;
        retries.push({ id, to, host, due: second + 900 });
      } else {
        const [reply, code, text, stage] = pick(next, BOUNCES);
        lines.push(`${t} ${id} ** ${to} R=dnslookup T=remote_smtp H=${host}: SMTP error from remote mail server after ${stage === 'RCPT TO' ? `RCPT TO:<${to}>` : 'end of data'}: ${reply} ${code} ${text.replace('$to', to)}`);
        counts.bounced++;
        lines.push(`${t} ${id} Completed`);
      }
    }
    yield lines;
  }
}

/** Writes batches from `log` to `file` until it holds at least `bytes`, waiting on the stream so that memory stays flat. */
export async function writeLog(file: string, log: Generator<string[]>, bytes: number): Promise<number> {
  const out = createWriteStream(file);
  let written = 0;
  while (written < bytes) {
    const text = log.next().value!.join('\n') + '\n';
    written += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return written;
}
