import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseLogLine, type LogEvent } from '../../server/src/logs/logLine';

type Linked = { id: string };
type Expected = Omit<LogEvent, 'idStart' | 'idEnd' | 'nextHop' | 'parent'> & { nextHop?: Linked; parent?: Linked };

/**
 * One line of each form the parser reads, with everything it should take from it: what the message features and the
 * `summary` command build on. The spans are given by the text they cover: the ID's (`idStart`, `idEnd`; the client's
 * for a reject before a queue ID exists), and the next hop's or parent's, where that ID stands last in the line.
 */
const LINES: [line: string, span: string, event: Expected][] = [
  ['Nov 29 09:14:02 mx1 postfix/smtpd[3120]: 3F9C12A0B4: client=mail-ed1-f41.google.com[209.85.208.41]',
    '3F9C12A0B4', { mta: 'postfix', kind: 'received', id: '3F9C12A0B4', timestamp: 'Nov 29 09:14:02', process: 'smtpd', client: 'mail-ed1-f41.google.com[209.85.208.41]' }],
  ['Nov 29 09:15:10 mx1 postfix/pickup[1021]: 91AB34CD56: uid=1001 from=<billing>',
    '91AB34CD56', { mta: 'postfix', kind: 'received', id: '91AB34CD56', timestamp: 'Nov 29 09:15:10', process: 'pickup', from: 'billing' }],
  ['Nov  3 09:14:03 mx1 postfix/qmgr[1020]: 3F9C12A0B4: from=<ana.silva@gmail.com>, size=48213, nrcpt=1 (queue active)',
    '3F9C12A0B4', { mta: 'postfix', kind: 'sender', id: '3F9C12A0B4', timestamp: 'Nov  3 09:14:03', process: 'qmgr', from: 'ana.silva@gmail.com', size: 48213 }],
  ['Nov 29 09:15:11 mx1 postfix/smtp[3161]: 91AB34CD56: to=<kim@example.org>, relay=mx.example.org[192.0.2.40]:25, delay=1.3, delays=0.08/0/0.6/0.62, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 5E6F7A8B9C)',
    '91AB34CD56', { mta: 'postfix', kind: 'delivered', id: '91AB34CD56', timestamp: 'Nov 29 09:15:11', process: 'smtp', to: 'kim@example.org', relay: 'mx.example.org[192.0.2.40]:25', delay: '1.3', delays: '0.08/0/0.6/0.62', dsn: '2.0.0', reply: '250 2.0.0 Ok: queued as 5E6F7A8B9C', nextHop: { id: '5E6F7A8B9C' } }],
  ['Nov 29 09:15:11 mx1 postfix/smtp[3160]: 91AB34CD56: to=<jdoe@example.net>, relay=mx.example.net[192.0.2.25]:25, delay=1.2, delays=0.08/0/0.58/0.54, dsn=5.1.1, status=bounced (host mx.example.net[192.0.2.25] said: 550 5.1.1 <jdoe@example.net>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command))',
    '91AB34CD56', { mta: 'postfix', kind: 'bounced', id: '91AB34CD56', timestamp: 'Nov 29 09:15:11', process: 'smtp', to: 'jdoe@example.net', relay: 'mx.example.net[192.0.2.25]:25', delay: '1.2', delays: '0.08/0/0.58/0.54', dsn: '5.1.1', reply: '550 5.1.1 <jdoe@example.net>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)', replyCode: 550 }],
  ['2026-11-29T09:16:21.482913+00:00 mx1 postfix/smtp[3181]: 4Y0mKq3Zx9zJ7yP: to=<user@gmail.com>, relay=gmail-smtp-in.l.google.com[142.250.102.27]:25, delay=0.8, delays=0.1/0/0.3/0.4, dsn=4.7.28, status=deferred (host gmail-smtp-in.l.google.com[142.250.102.27] said: 421-4.7.28 Gmail has detected an unusual rate of unsolicited mail originating from your IP address. (in reply to end of DATA command))',
    '4Y0mKq3Zx9zJ7yP', { mta: 'postfix', kind: 'deferred', id: '4Y0mKq3Zx9zJ7yP', timestamp: '2026-11-29T09:16:21.482913+00:00', process: 'smtp', to: 'user@gmail.com', relay: 'gmail-smtp-in.l.google.com[142.250.102.27]:25', delay: '0.8', delays: '0.1/0/0.3/0.4', dsn: '4.7.28', reply: '421-4.7.28 Gmail has detected an unusual rate of unsolicited mail originating from your IP address. (in reply to end of DATA command)', replyCode: 421 }],
  ['Nov 29 09:20:40 mx1 postfix/smtp[3190]: 5C6D7E8F90: to=<old@example.org>, orig_to=<alias@example.com>, relay=none, delay=30, delays=0.01/0/30/0, dsn=4.4.1, status=deferred (connect to mx.example.org[192.0.2.40]:25: Connection timed out)',
    '5C6D7E8F90', { mta: 'postfix', kind: 'deferred', id: '5C6D7E8F90', timestamp: 'Nov 29 09:20:40', process: 'smtp', to: 'old@example.org', relay: 'none', delay: '30', delays: '0.01/0/30/0', dsn: '4.4.1', reply: 'connect to mx.example.org[192.0.2.40]:25: Connection timed out' }],
  ['Nov 29 09:14:04 mx1 postfix/qmgr[1020]: 3F9C12A0B4: removed',
    '3F9C12A0B4', { mta: 'postfix', kind: 'removed', id: '3F9C12A0B4', timestamp: 'Nov 29 09:14:04', process: 'qmgr' }],
  ['Nov 29 09:15:11 mx1 postfix/bounce[3170]: 91AB34CD56: sender non-delivery notification: A0B1C2D3E4',
    '91AB34CD56', { mta: 'postfix', kind: 'note', id: '91AB34CD56', timestamp: 'Nov 29 09:15:11', process: 'bounce', nextHop: { id: 'A0B1C2D3E4' } }],
  ['Nov 29 09:14:03 mx1 postfix/smtpd[3121]: NOQUEUE: reject: RCPT from unknown[198.51.100.23]: 554 5.7.1 Service unavailable; Client host [198.51.100.23] blocked using zen.spamhaus.org; from=<promo@bulk.example> to=<sales@example.com> proto=ESMTP helo=<bulk.example>',
    'NOQUEUE', { mta: 'postfix', kind: 'rejected', timestamp: 'Nov 29 09:14:03', process: 'smtpd', stage: 'RCPT', client: 'unknown[198.51.100.23]', reply: '554 5.7.1 Service unavailable; Client host [198.51.100.23] blocked using zen.spamhaus.org', from: 'promo@bulk.example', to: 'sales@example.com', replyCode: 554, dsn: '5.7.1' }],
  ['Nov 29 09:30:00 mx1 postfix/cleanup[3125]: 6A7B8C9D0E: milter-reject: END-OF-MESSAGE from mail.example.net[192.0.2.80]: 5.7.1 Rejected by spam filter; from=<news@example.net> to=<paul@example.com> proto=ESMTP helo=<mail.example.net>',
    '6A7B8C9D0E', { mta: 'postfix', kind: 'rejected', id: '6A7B8C9D0E', timestamp: 'Nov 29 09:30:00', process: 'cleanup', stage: 'END-OF-MESSAGE', client: 'mail.example.net[192.0.2.80]', reply: '5.7.1 Rejected by spam filter', from: 'news@example.net', to: 'paul@example.com', dsn: '5.7.1' }],
  ['Nov 29 09:31:00 mx1 postfix/cleanup[3125]: 7B8C9D0E1F: reject: header Subject: You have won from mail.example.net[192.0.2.80]; from=<news@example.net> to=<paul@example.com> proto=ESMTP helo=<mail.example.net>: 5.7.1 Message content rejected',
    '7B8C9D0E1F', { mta: 'postfix', kind: 'rejected', id: '7B8C9D0E1F', timestamp: 'Nov 29 09:31:00', process: 'cleanup', stage: 'header', client: 'mail.example.net[192.0.2.80]', reply: '5.7.1 Message content rejected', from: 'news@example.net', to: 'paul@example.com', dsn: '5.7.1' }],
  ['Nov 30 02:00:00 mx1 postfix/qmgr[1020]: 4Y0mKq3Zx9zJ7yP: from=<noreply@example.com>, status=expired, returned to sender',
    '4Y0mKq3Zx9zJ7yP', { mta: 'postfix', kind: 'expired', id: '4Y0mKq3Zx9zJ7yP', timestamp: 'Nov 30 02:00:00', process: 'qmgr', from: 'noreply@example.com', reply: 'returned to sender' }],
  ['Nov 29 09:32:00 mx1 postfix/local[3171]: 8C9D0E1F2A: to=<root@mx1.example.com>, orig_to=<root>, relay=local, delay=0.1, delays=0.05/0/0/0.05, dsn=2.0.0, status=sent (forwarded as 9D0E1F2A3B)',
    '8C9D0E1F2A', { mta: 'postfix', kind: 'forwarded', id: '8C9D0E1F2A', timestamp: 'Nov 29 09:32:00', process: 'local', to: 'root@mx1.example.com', relay: 'local', delay: '0.1', delays: '0.05/0/0/0.05', dsn: '2.0.0', reply: 'forwarded as 9D0E1F2A3B' }],
  ['Nov 29 09:33:00 mx1 postfix/postscreen[900]: NOQUEUE: reject: RCPT from [203.0.113.50]:51234: 550 5.7.1 Service unavailable; client [203.0.113.50] blocked using zen.spamhaus.org; from=<x@spam.example>, to=<ana@example.com>, proto=ESMTP, helo=<spam.example>',
    'NOQUEUE', { mta: 'postfix', kind: 'rejected', timestamp: 'Nov 29 09:33:00', process: 'postscreen', stage: 'RCPT', client: '[203.0.113.50]:51234', reply: '550 5.7.1 Service unavailable; client [203.0.113.50] blocked using zen.spamhaus.org', from: 'x@spam.example', to: 'ana@example.com', replyCode: 550, dsn: '5.7.1' }],
  ['2026-11-29 10:02:11 1vQ3aB-00000000Lm4-2xYz <= ana@example.com H=(laptop.example.com) [192.0.2.50] P=esmtpsa X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=no A=dovecot_plain:ana S=2381 id=20261129100211.GA1234@example.com',
    '1vQ3aB-00000000Lm4-2xYz', { mta: 'exim', kind: 'received', id: '1vQ3aB-00000000Lm4-2xYz', timestamp: '2026-11-29 10:02:11', process: 'exim', from: 'ana@example.com', client: '(laptop.example.com)[192.0.2.50]', size: 2381 }],
  ['2026-11-29 10:02:12.345 +0100 [4242] 1vQ3aB-00000000Lm4-2xYz => bob@example.net R=dnslookup T=remote_smtp H=mx.example.net [192.0.2.25] X=TLS1.3:TLS_AES_256_GCM_SHA384:256 CV=yes C=\"250 2.0.0 Ok: queued as 4B1C21A0F2\"',
    '1vQ3aB-00000000Lm4-2xYz', { mta: 'exim', kind: 'delivered', id: '1vQ3aB-00000000Lm4-2xYz', timestamp: '2026-11-29 10:02:12.345', process: 'exim', to: 'bob@example.net', relay: 'mx.example.net[192.0.2.25]', reply: '250 2.0.0 Ok: queued as 4B1C21A0F2', nextHop: { id: '4B1C21A0F2' }, replyCode: 250, dsn: '2.0.0' }],
  ['2026-11-29 10:02:14 1tGqXb-0004Ac-2G ** carol@example.org R=dnslookup T=remote_smtp H=mx.example.org [192.0.2.40] X=TLS1.2:ECDHE-RSA-AES256-GCM-SHA384:256 CV=yes: SMTP error from remote mail server after RCPT TO:<carol@example.org>: 550 5.1.1 <carol@example.org>: Recipient address rejected: User unknown in local recipient table',
    '1tGqXb-0004Ac-2G', { mta: 'exim', kind: 'bounced', id: '1tGqXb-0004Ac-2G', timestamp: '2026-11-29 10:02:14', process: 'exim', to: 'carol@example.org', relay: 'mx.example.org[192.0.2.40]', reply: '550 5.1.1 <carol@example.org>: Recipient address rejected: User unknown in local recipient table', replyCode: 550, dsn: '5.1.1' }],
  ['2026-11-29 10:05:00 1tGqXc-0004Ad-3H == dan@example.org R=dnslookup T=remote_smtp defer (-44) H=mx.example.org [192.0.2.40]: SMTP error from remote mail server after RCPT TO:<dan@example.org>: 451 4.7.1 Greylisted, try again later',
    '1tGqXc-0004Ad-3H', { mta: 'exim', kind: 'deferred', id: '1tGqXc-0004Ad-3H', timestamp: '2026-11-29 10:05:00', process: 'exim', to: 'dan@example.org', relay: 'mx.example.org[192.0.2.40]', reply: '451 4.7.1 Greylisted, try again later', replyCode: 451, dsn: '4.7.1' }],
  ['2026-11-29 10:02:11 H=(spammer.example) [198.51.100.66] F=<spam@spammer.example> rejected RCPT <info@example.com>: relay not permitted',
    '(spammer.example) [198.51.100.66]', { mta: 'exim', kind: 'rejected', timestamp: '2026-11-29 10:02:11', process: 'exim', client: '(spammer.example)[198.51.100.66]', stage: 'RCPT', reply: 'relay not permitted', from: 'spam@spammer.example', to: 'info@example.com' }],
  ['2026-11-29 10:02:14 1vQ3aC-00000000Ln5-3AbC <= <> R=1tGqXb-0004Ac-2G U=Debian-exim P=local S=3104',
    '1vQ3aC-00000000Ln5-3AbC', { mta: 'exim', kind: 'received', id: '1vQ3aC-00000000Ln5-3AbC', timestamp: '2026-11-29 10:02:14', process: 'exim', from: '<>', size: 3104, parent: { id: '1tGqXb-0004Ac-2G' } }],
  ['2026-11-29 10:02:12 1vQ3aB-00000000Lm4-2xYz Completed',
    '1vQ3aB-00000000Lm4-2xYz', { mta: 'exim', kind: 'removed', id: '1vQ3aB-00000000Lm4-2xYz', timestamp: '2026-11-29 10:02:12', process: 'exim' }],
  ['Nov 29 11:00:01 relay sendmail[5001]: 2ATB01ab005001: from=<alice@example.com>, size=2048, class=0, nrcpts=2, msgid=<20261129110001.2ATB01ab005001@relay.example.com>, proto=ESMTP, daemon=MTA, relay=laptop.example.com [192.0.2.50]',
    '2ATB01ab005001', { mta: 'sendmail', kind: 'received', id: '2ATB01ab005001', timestamp: 'Nov 29 11:00:01', process: 'sendmail', from: 'alice@example.com', size: 2048, client: 'laptop.example.com [192.0.2.50]' }],
  ['Nov 29 11:00:02 relay sendmail[5003]: 2ATB01ab005001: to=<bob@example.net>, delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=122048, relay=mx.example.net. [192.0.2.25], dsn=2.0.0, stat=Sent (Ok: queued as 4B1C21A0F2)',
    '2ATB01ab005001', { mta: 'sendmail', kind: 'delivered', id: '2ATB01ab005001', timestamp: 'Nov 29 11:00:02', process: 'sendmail', to: 'bob@example.net', delay: '00:00:01', relay: 'mx.example.net. [192.0.2.25]', dsn: '2.0.0', reply: 'Ok: queued as 4B1C21A0F2', nextHop: { id: '4B1C21A0F2' } }],
  ['Nov 29 11:00:03 relay sendmail[5003]: 2ATB01ab005001: to=<carol@example.org>, delay=00:00:02, xdelay=00:00:01, mailer=esmtp, pri=122048, relay=mx.example.org. [192.0.2.40], dsn=5.1.1, stat=User unknown',
    '2ATB01ab005001', { mta: 'sendmail', kind: 'bounced', id: '2ATB01ab005001', timestamp: 'Nov 29 11:00:03', process: 'sendmail', to: 'carol@example.org', delay: '00:00:02', relay: 'mx.example.org. [192.0.2.40]', dsn: '5.1.1', reply: 'User unknown' }],
  ['Nov 29 11:05:00 relay sendmail[5003]: 2ATB05ef005005: to=<dan@example.org>, delay=00:05:00, xdelay=00:00:30, mailer=esmtp, pri=212048, relay=mx.example.org. [192.0.2.40], dsn=4.0.0, stat=Deferred: 451 4.7.1 Greylisted, try again later',
    '2ATB05ef005005', { mta: 'sendmail', kind: 'deferred', id: '2ATB05ef005005', timestamp: 'Nov 29 11:05:00', process: 'sendmail', to: 'dan@example.org', delay: '00:05:00', relay: 'mx.example.org. [192.0.2.40]', dsn: '4.0.0', reply: '451 4.7.1 Greylisted, try again later', replyCode: 451 }],
  ['Nov 29 11:00:01 relay sendmail[5002]: ruleset=check_rcpt, arg1=<erin@example.net>, relay=[198.51.100.5], reject=550 5.7.1 <erin@example.net>... Relaying denied',
    '[198.51.100.5]', { mta: 'sendmail', kind: 'rejected', timestamp: 'Nov 29 11:00:01', process: 'sendmail', client: '[198.51.100.5]', stage: 'check_rcpt', reply: '550 5.7.1 <erin@example.net>... Relaying denied', to: 'erin@example.net', replyCode: 550, dsn: '5.7.1' }],
  ['Nov 29 11:00:03 relay sendmail[5003]: 2ATB01ab005001: 2ATB03cd005003: DSN: User unknown',
    '2ATB01ab005001', { mta: 'sendmail', kind: 'note', id: '2ATB01ab005001', timestamp: 'Nov 29 11:00:03', process: 'sendmail', nextHop: { id: '2ATB03cd005003' } }],
];

/** Lines that name no message and reject nothing. */
const NOT_EVENTS = [
  'Nov 29 09:14:02 mx1 postfix/smtpd[3120]: connect from mail-ed1-f41.google.com[209.85.208.41]',
  'Nov 29 09:14:02 mx1 postfix/smtpd[3120]: disconnect from mail-ed1-f41.google.com[209.85.208.41] ehlo=1 mail=1 rcpt=1 data=1 quit=1 commands=5',
  'Nov 29 09:14:02 mx1 dovecot: imap-login: Login: user=<ana>, method=PLAIN, rip=192.0.2.50',
  'Nov 29 11:00:00 relay sendmail[5000]: starting daemon (8.17.1): SMTP+queueing@00:10:00',
  '2026-11-29 10:02:10 exim 4.96 daemon started: pid=4000, -q30m, listening for SMTP on port 25 (IPv4)',
  '2026-11-29 10:02:10 Start queue run: pid=4001',
  'Nov 29 09:14:02',
  '',
];

describe('log lines, one of each form', () => {
  for (const [line, span, expected] of LINES) {
    test(line.slice(0, 100), () => {
      const event = parseLogLine(line);
      assert.ok(event, 'read as an event');
      const { idStart, idEnd, ...rest } = event;
      assert.equal(line.slice(idStart, idEnd), span);
      assert.equal(idStart, line.indexOf(span));
      const located = (linked?: Linked) => linked && { id: linked.id, start: line.lastIndexOf(linked.id) };
      const { nextHop, parent, ...plain } = expected;
      // A field the line does not have may be absent or undefined: both read the same.
      const defined = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
      assert.deepEqual(defined, { ...plain, ...(nextHop ? { nextHop: located(nextHop) } : {}), ...(parent ? { parent: located(parent) } : {}) });
    });
  }

  test('lines that name no message and reject nothing are not events', () => {
    for (const line of NOT_EVENTS) assert.equal(parseLogLine(line), undefined, line);
  });
});
