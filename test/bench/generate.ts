/** Deterministic, realistic data for the benchmark: a mixed MTA log and a source tree full of look-alikes. */

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
