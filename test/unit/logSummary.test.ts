import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { statusCodeMeaning } from '../../server/src/features/describe';
import type { LogEvent } from '../../server/src/logs/logLine';
import { LogSummary, parseTimeBound, timestampValue } from '../../server/src/logs/logSummary';

/** A day of one relay's Postfix log: what `summary` counts, message by message. */
const POSTFIX_DAY = [
  'Nov 29 09:14:02 mx1 postfix/smtpd[3120]: 3F9C12A0B4: client=mail-ed1-f41.google.com[209.85.208.41]',
  'Nov 29 09:14:03 mx1 postfix/qmgr[1020]: 3F9C12A0B4: from=<ana.silva@gmail.com>, size=48213, nrcpt=3 (queue active)',
  'Nov 29 09:14:04 mx1 postfix/smtp[3160]: 3F9C12A0B4: to=<jdoe@Example.NET>, relay=mx.example.net[192.0.2.25]:25, delay=1.2, delays=0.08/0/0.58/0.54, dsn=5.1.1, status=bounced (host mx.example.net[192.0.2.25] said: 550 5.1.1 <jdoe@example.net>: Recipient address rejected: User unknown (in reply to RCPT TO command))',
  'Nov 29 09:14:05 mx1 postfix/smtp[3161]: 3F9C12A0B4: to=<kim@example.org>, relay=mx.example.org[192.0.2.40]:25, delay=1.3, delays=0.08/0/0.6/0.62, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 5E6F7A8B9C)',
  'Nov 29 09:14:06 mx1 postfix/smtp[3162]: 3F9C12A0B4: to=<sam@example.net>, relay=mx.example.net[192.0.2.25]:25, delay=2, delays=0.1/0/1/0.9, dsn=4.2.2, status=deferred (host mx.example.net[192.0.2.25] said: 452 4.2.2 Mailbox full (in reply to RCPT TO command))',
  'Nov 29 09:44:06 mx1 postfix/smtp[3163]: 3F9C12A0B4: to=<sam@example.net>, relay=mx.example.net[192.0.2.25]:25, delay=1802, delays=1800/0/1/0.9, dsn=4.2.2, status=deferred (host mx.example.net[192.0.2.25] said: 452 4.2.2 Mailbox full (in reply to RCPT TO command))',
  'Nov 29 10:14:06 mx1 postfix/qmgr[1020]: 3F9C12A0B4: removed',
  'Nov 29 10:20:00 mx1 postfix/smtpd[3120]: 4A5B6C7D8E: client=laptop.example.com[192.0.2.50]',
  'Nov 29 10:20:01 mx1 postfix/smtp[3170]: 4A5B6C7D8E: to=<ops@example.biz>, relay=none, delay=30, delays=0.01/0/30/0, dsn=4.4.1, status=deferred (connect to mx.example.biz[192.0.2.70]:25: Connection timed out)',
  'Nov 29 10:20:02 mx1 postfix/smtp[3171]: 4A5B6C7D8E: to=<root>, relay=mx.example.net[192.0.2.25]:25, delay=31, delays=0.01/0/30/1, dsn=4.2.2, status=deferred (host mx.example.net[192.0.2.25] said: 452 4.2.2 Mailbox full (in reply to RCPT TO command))',
  'Nov 29 10:21:00 mx1 postfix/local[3172]: 5B6C7D8E9F: to=<root@mx1.example.com>, orig_to=<root>, relay=local, delay=0.1, delays=0.05/0/0/0.05, dsn=2.0.0, status=sent (forwarded as 9D0E1F2A3B)',
  'Nov 29 10:22:00 mx1 postfix/smtpd[3121]: NOQUEUE: reject: RCPT from unknown[198.51.100.23]: 554 5.7.1 Service unavailable; Client host [198.51.100.23] blocked using zen.spamhaus.org; from=<promo@bulk.example> to=<sales@example.com> proto=ESMTP helo=<bulk.example>',
  'Nov 29 10:22:01 mx1 postfix/smtpd[3121]: NOQUEUE: reject: RCPT from unknown[198.51.100.24]: 554 5.7.1 Service unavailable; Client host [198.51.100.24] blocked using zen.spamhaus.org; from=<promo@bulk.example> to=<info@example.com> proto=ESMTP helo=<bulk.example>',
  'Nov 29 10:22:02 mx1 postfix/smtpd[3121]: NOQUEUE: reject: RCPT from mail.example.net[192.0.2.80]: 450 4.1.8 <bounce@no-such.example>: Sender address rejected: Domain not found; from=<bounce@no-such.example> to=<kim@example.com> proto=ESMTP helo=<mail.example.net>',
  'Nov 30 02:00:00 mx1 postfix/qmgr[1020]: 4A5B6C7D8E: from=<ana@example.com>, status=expired, returned to sender',
  'Nov 30 02:00:01 mx1 postfix/smtpd[3120]: connect from mail-ed1-f41.google.com[209.85.208.41]',
];

const EXIM_AND_SENDMAIL = [
  '2026-11-29 10:02:11 1tGqXa-0004Ab-1F <= ana@example.com H=(laptop.example.com) [192.0.2.50] P=esmtpsa S=2381',
  '2026-11-29 10:02:14 1tGqXa-0004Ab-1F ** carol@example.org R=dnslookup T=remote_smtp H=mx.example.org [192.0.2.40]: SMTP error from remote mail server after RCPT TO:<carol@example.org>: 550 5.1.1 <carol@example.org>: User unknown',
  '2026-11-29 10:05:00 1tGqXa-0004Ab-1F == dan@example.org R=dnslookup T=remote_smtp defer (-44) H=mx.example.org [192.0.2.40]: SMTP error from remote mail server after RCPT TO:<dan@example.org>: 451 Greylisted, try again later',
  'Nov 29 11:05:00 relay sendmail[5003]: 2ATB05ef005005: to=<dan@example.org>, delay=00:05:00, xdelay=00:00:30, mailer=esmtp, pri=212048, relay=mx.example.org. [192.0.2.40], dsn=4.0.0, stat=Deferred: 451 4.7.1 Greylisted, try again later',
  'Nov 29 11:35:00 relay sendmail[5004]: 2ATB05ef005005: to=<dan@example.org>, delay=00:35:00, xdelay=00:00:01, mailer=esmtp, pri=302048, relay=mx.example.org. [192.0.2.40], dsn=2.0.0, stat=Sent (Ok: queued as 4B1C21A0F2)',
  'Nov 29 12:00:00 relay sendmail[5005]: 2ATB05ef005005: to=<eve@example.org>, delay=01:00:00, xdelay=00:00:30, mailer=esmtp, pri=392048, relay=mx.example.org. [192.0.2.40], dsn=4.0.0, stat=Deferred: 451 4.7.1 Greylisted, try again later',
  'Nov 29 12:30:00 relay sendmail[5006]: 2ATB05ef005005: to=<eve@example.org>, delay=01:30:00, xdelay=00:00:01, mailer=esmtp, pri=482048, relay=mx.example.org. [192.0.2.40], dsn=5.1.1, stat=User unknown',
  'Nov 29 12:31:00 relay sendmail[5007]: 2ATB05ef005005: to=<eve@example.org>, delay=01:31:00, xdelay=00:00:30, mailer=esmtp, pri=572048, relay=mx.example.org. [192.0.2.40], dsn=4.0.0, stat=Deferred: 451 4.7.1 Greylisted, try again later',
  'Nov 29 12:40:00 relay sendmail[5008]: ruleset=check_rcpt, arg1=<erin@example.net>, relay=[198.51.100.5], reject=550 5.7.1 <erin@example.net>... Relaying denied',
];

function summaryOf(lines: string[], year = 2026): LogSummary {
  const summary = new LogSummary({}, year);
  for (const line of lines) summary.addLine(line);
  return summary;
}

const coded = (code: string, count: number) => ({ code, statusClass: Number(code[0]), count, meaning: statusCodeMeaning(code) });

describe('log summary', () => {
  test('a day of Postfix: totals, codes, domains, hosts and restrictions', () => {
    const report = summaryOf(POSTFIX_DAY).report();
    assert.equal(report.lines, POSTFIX_DAY.length);
    assert.equal(report.outsideWindow, 0);
    assert.equal(report.mtas.length, 1);
    const [postfix] = report.mtas;
    assert.equal(postfix.mta, 'postfix');
    assert.equal(postfix.first, 'Nov 29 09:14:02');
    assert.equal(postfix.last, 'Nov 30 02:00:00');
    assert.equal(postfix.lines, POSTFIX_DAY.length - 1, 'every line but the connect names a message or a reject');
    assert.deepEqual(postfix.totals, { received: 2, delivered: 1, forwarded: 1, deferred: 2, deferrals: 4, bounced: 1, expired: 1, rejected: 3 });
    assert.deepEqual(postfix.codes, [coded('4.2.2', 3), coded('5.7.1', 2), coded('2.0.0', 1), coded('4.1.8', 1), coded('4.4.1', 1), coded('5.1.1', 1)]);
    assert.ok(postfix.codes.every(({ meaning }) => meaning.length > 0));
    assert.deepEqual(postfix.domains, [
      { name: 'example.net', bounced: 1, deferred: 2, codes: [{ code: '4.2.2', count: 2 }, { code: '5.1.1', count: 1 }] },
      { name: 'example.biz', bounced: 0, deferred: 1, codes: [{ code: '4.4.1', count: 1 }] },
    ]);
    assert.deepEqual(postfix.hosts, [
      { name: 'mx.example.net[192.0.2.25]', bounced: 1, deferred: 3, codes: [{ code: '4.2.2', count: 3 }, { code: '5.1.1', count: 1 }] },
    ]);
    assert.deepEqual(postfix.rejects, [
      { restriction: 'reject_rbl_client zen.spamhaus.org', count: 2, codes: [{ code: '5.7.1', count: 2 }] },
      { restriction: 'reject_unknown_sender_domain', count: 1, codes: [{ code: '4.1.8', count: 1 }] },
    ]);
  });

  test('top limits the domains, hosts and restrictions, not the codes', () => {
    const [postfix] = summaryOf(POSTFIX_DAY).report(1).mtas;
    assert.deepEqual(postfix.domains.map(({ name }) => name), ['example.net']);
    assert.deepEqual(postfix.rejects.map(({ restriction }) => restriction), ['reject_rbl_client zen.spamhaus.org']);
    assert.equal(postfix.codes.length, 6);
  });

  test('Exim and Sendmail: a reply code stands for a missing enhanced code; a Sendmail delivery or bounce ends a deferral', () => {
    const report = summaryOf([...EXIM_AND_SENDMAIL, ...POSTFIX_DAY.slice(0, 1)]).report();
    assert.deepEqual(report.mtas.map(({ mta }) => mta), ['postfix', 'exim', 'sendmail']);
    const [, exim, sendmail] = report.mtas;
    assert.deepEqual(exim.totals, { received: 1, delivered: 0, forwarded: 0, deferred: 1, deferrals: 1, bounced: 1, expired: 0, rejected: 0 });
    assert.deepEqual(exim.codes, [coded('451', 1), coded('5.1.1', 1)]);
    assert.deepEqual(exim.hosts, [{ name: 'mx.example.org[192.0.2.40]', bounced: 1, deferred: 1, codes: [{ code: '451', count: 1 }, { code: '5.1.1', count: 1 }] }]);
    // The same queue ID deferred three times: after the delivery and after the bounce it is a new deferred message.
    assert.deepEqual(sendmail.totals, { received: 0, delivered: 1, forwarded: 0, deferred: 3, deferrals: 3, bounced: 1, expired: 0, rejected: 1 });
    assert.equal(sendmail.first, 'Nov 29 11:05:00');
    assert.equal(sendmail.last, 'Nov 29 12:40:00');
    assert.deepEqual(sendmail.hosts, [{ name: 'mx.example.org[192.0.2.40]', bounced: 1, deferred: 3, codes: [{ code: '4.0.0', count: 3 }, { code: '5.1.1', count: 1 }] }]);
    assert.deepEqual(sendmail.domains, [{ name: 'example.org', bounced: 1, deferred: 3, codes: [{ code: '4.0.0', count: 3 }, { code: '5.1.1', count: 1 }] }]);
    assert.deepEqual(sendmail.rejects, [{ restriction: 'check_rcpt', count: 1, codes: [{ code: '5.7.1', count: 1 }] }]);
  });

  test('address checks are not counted; an outcome without a code counts without one; a host without an address is kept as written', () => {
    const report = summaryOf([
      'Nov 29 09:14:25 mx1 postfix/smtp[3133]: 4A5B6C7D8F: to=<x@example.com>, relay=mx.example.com[192.0.2.60]:25, delay=0.4, delays=0.1/0/0.2/0.1, dsn=2.1.5, status=deliverable (250 2.1.5 Ok)',
      'Nov 29 10:30:00 mx1 postfix/local[3172]: 6C7D8E9FA0: to=<kim@mx1.example.com>, relay=local, delay=0.1, delays=0.05/0/0/0.05, dsn=4.3.0, status=deferred (temporary failure. Command output: procmail: Quota exceeded while writing "/var/mail/kim")',
      '2026-11-29 10:06:04 1tGqXf-0004Ag-6L ** nobody@example.com: Unrouteable address',
      'Nov 29 11:10:10 relay sendmail[5020]: 2ATB10ii005020: to=<bo@example.net>, delay=00:00:02, mailer=esmtp, pri=120512, relay=smarthost.example.com [192.0.2.9], dsn=5.0.0, stat=Service unavailable',
    ]).report();
    const [postfix, exim, sendmail] = report.mtas;
    assert.equal(postfix.lines, 2);
    assert.deepEqual(postfix.codes, [coded('4.3.0', 1)]);
    assert.deepEqual(postfix.hosts, [{ name: 'local', bounced: 0, deferred: 1, codes: [{ code: '4.3.0', count: 1 }] }]);
    assert.deepEqual(postfix.domains, [{ name: 'mx1.example.com', bounced: 0, deferred: 1, codes: [{ code: '4.3.0', count: 1 }] }]);
    assert.deepEqual(exim.totals.bounced, 1);
    assert.deepEqual(exim.codes, []);
    assert.deepEqual(exim.domains, [{ name: 'example.com', bounced: 1, deferred: 0, codes: [] }]);
    assert.deepEqual(exim.hosts, []);
    assert.deepEqual(sendmail.hosts, [{ name: 'smarthost.example.com[192.0.2.9]', bounced: 1, deferred: 0, codes: [{ code: '5.0.0', count: 1 }] }]);
  });

  test('ten domains and restrictions by default, the most affected first, ties by name', () => {
    const summary = new LogSummary({}, 2026);
    for (let n = 12; n >= 1; n--) {
      const domain = `d${String(n).padStart(2, '0')}.example`;
      for (let times = n === 7 ? 2 : 1; times > 0; times--) {
        summary.addEvent({ mta: 'sendmail', kind: 'bounced', idStart: 0, idEnd: 0, timestamp: 'Nov 29 09:00:00', process: 'sendmail', to: `user@${domain}`, dsn: '5.1.1' });
      }
      summary.addEvent({ mta: 'sendmail', kind: 'rejected', idStart: 0, idEnd: 0, timestamp: 'Nov 29 09:00:00', process: 'sendmail', stage: `check_${domain}` });
    }
    const [sendmail] = summary.report().mtas;
    assert.deepEqual(sendmail.domains.map(({ name }) => name), ['d07.example', 'd01.example', 'd02.example', 'd03.example', 'd04.example', 'd05.example', 'd06.example', 'd08.example', 'd09.example', 'd10.example']);
    assert.deepEqual(sendmail.rejects.map(({ restriction }) => restriction).slice(0, 3), ['check_d01.example', 'check_d02.example', 'check_d03.example']);
    assert.equal(sendmail.rejects.length, 10);
    assert.deepEqual(sendmail.rejects[0].codes, []);
  });

  test('a Postfix delivery does not end a deferral: only the removal from the queue does', () => {
    const deferred = POSTFIX_DAY[4];
    const delivered = POSTFIX_DAY[3];
    const removed = POSTFIX_DAY[6];
    const [postfix] = summaryOf([deferred, delivered, deferred, removed, deferred]).report().mtas;
    assert.equal(postfix.totals.deferred, 2);
    assert.equal(postfix.totals.deferrals, 3);
  });

  test('a deferral without a queue ID is a deferred message of its own', () => {
    const summary = new LogSummary({}, 2026);
    const event: LogEvent = { mta: 'exim', kind: 'deferred', idStart: 0, idEnd: 0, timestamp: '2026-11-29 10:00:00', process: 'exim', to: 'a@example.org', dsn: '4.7.1' };
    summary.addEvent(event);
    summary.addEvent({ ...event, timestamp: '2026-11-29 10:30:00' });
    const [exim] = summary.report().mtas;
    assert.equal(exim.totals.deferred, 2);
    assert.equal(exim.last, '2026-11-29 10:30:00');
  });

  test('--since is inclusive, --until exclusive, syslog times read in the year of the bounds', () => {
    const since = Date.UTC(2025, 10, 29, 9, 44, 6);
    const until = Date.UTC(2025, 10, 29, 10, 22, 1);
    const summary = new LogSummary({ since, until });
    for (const line of POSTFIX_DAY) summary.addLine(line);
    const report = summary.report();
    assert.equal(report.lines, POSTFIX_DAY.length);
    // Inside: the retry at 09:44:06 up to the reject at 10:22:00; the connect line is no event and is not counted.
    assert.equal(report.outsideWindow, 5 + 3);
    assert.equal(report.mtas[0].first, 'Nov 29 09:44:06');
    assert.equal(report.mtas[0].last, 'Nov 29 10:22:00');
    assert.equal(new LogSummary({ since: Date.UTC(2025, 10, 30) }).report().mtas.length, 0);
    const untilOnly = new LogSummary({ until: Date.UTC(2025, 10, 29, 9, 14, 3) });
    for (const line of POSTFIX_DAY) untilOnly.addLine(line);
    assert.equal(untilOnly.report().mtas[0].lines, 1);
    const sinceOnly = new LogSummary({ since: Date.UTC(2025, 10, 30) });
    for (const line of POSTFIX_DAY) sinceOnly.addLine(line);
    assert.deepEqual(sinceOnly.report().mtas[0].totals.expired, 1);
    assert.equal(sinceOnly.report().mtas[0].lines, 1);
    // The same window in 2026 leaves every 2025 line out.
    const nextYear = new LogSummary({ since, until }, 2026);
    for (const line of POSTFIX_DAY) nextYear.addLine(line);
    assert.equal(nextYear.report().outsideWindow, POSTFIX_DAY.length - 1);
  });

  test('log timestamps as milliseconds, as written', () => {
    assert.equal(timestampValue('Nov 28 06:25:14', 2026), Date.UTC(2026, 10, 28, 6, 25, 14));
    assert.equal(timestampValue('Jan  3 23:59:59', 2027), Date.UTC(2027, 0, 3, 23, 59, 59));
    assert.equal(timestampValue('2026-11-28T06:25:14.1+00:00', 1999), Date.UTC(2026, 10, 28, 6, 25, 14));
    assert.equal(timestampValue('2026-11-28 06:25:14', 1999), Date.UTC(2026, 10, 28, 6, 25, 14));
  });

  test('time bounds: a date, a date and time, with or without seconds; anything else is undefined', () => {
    assert.equal(parseTimeBound('2026-11-28'), Date.UTC(2026, 10, 28));
    assert.equal(parseTimeBound(' 2026-11-28 06:00 '), Date.UTC(2026, 10, 28, 6, 0));
    assert.equal(parseTimeBound('2026-11-28T06:00:30'), Date.UTC(2026, 10, 28, 6, 0, 30));
    assert.equal(parseTimeBound('2026-12-31'), Date.UTC(2026, 11, 31));
    for (const bad of ['2026-13-01', 'since 2026-11-28', '2026-11-32', '28/11/2026', '2026-11-28 6:00', '2026-11-28T06', 'yesterday', '']) {
      assert.equal(parseTimeBound(bad), undefined, bad);
    }
  });

  test('a full table drops its rarest half, and the counts it keeps stay exact', () => {
    const summary = new LogSummary({}, 2026);
    const bounce = (domain: string): LogEvent => ({
      mta: 'postfix', kind: 'bounced', id: 'A0B1C2D3E4', idStart: 0, idEnd: 0, timestamp: 'Nov 29 09:00:00', process: 'smtp',
      to: `user@${domain}`, relay: `mx.${domain}[192.0.2.1]:25`, dsn: '5.1.1',
    });
    const reject = (stage: string): LogEvent => ({
      mta: 'sendmail', kind: 'rejected', idStart: 0, idEnd: 0, timestamp: 'Nov 29 09:00:00', process: 'sendmail', stage, replyCode: 550,
    });
    for (let n = 0; n < 5; n++) summary.addEvent(bounce('big.example'));
    for (let n = 0; n < 5; n++) summary.addEvent(reject('check_big'));
    for (let n = 1; n < 20_000; n++) {
      summary.addEvent(bounce(`d${n}.example`));
      summary.addEvent(reject(`check_${n}`));
    }
    const full = summary.report(30_000);
    assert.equal(full.mtas[0].domains.length, 20_000);
    assert.equal(full.mtas[1].rejects.length, 20_000);
    summary.addEvent(bounce('new.example'));
    summary.addEvent(reject('check_new'));
    const [postfix, sendmail] = summary.report(30_000).mtas;
    assert.equal(postfix.domains.length, 10_001);
    assert.equal(postfix.hosts.length, 10_001);
    assert.deepEqual(postfix.domains[0], { name: 'big.example', bounced: 5, deferred: 0, codes: [{ code: '5.1.1', count: 5 }] });
    assert.equal(postfix.hosts[0].name, 'mx.big.example[192.0.2.1]');
    assert.ok(postfix.domains.some(({ name }) => name === 'new.example'));
    assert.equal(sendmail.rejects.length, 10_001);
    assert.deepEqual(sendmail.rejects[0], { restriction: 'check_big', count: 5, codes: [{ code: '550', count: 5 }] });
    assert.equal(postfix.totals.bounced, 20_005);
  });
});
