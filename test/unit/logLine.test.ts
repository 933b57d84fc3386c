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
  // Less common daemons, options and outcomes: multi-instance and submission names, old lines without dsn=, address
  // verification, truncated lines, rejects before MAIL FROM, Sendmail's local mailer and queue-only mode, Exim's local deliveries.
  ['Nov 29 09:14:05 mx1 postfix/qmgr[1020]: 0C1D2E3F4A: from=<>, size=3210, nrcpt=1 (queue active)',
    '0C1D2E3F4A', { mta: 'postfix', kind: 'sender', id: '0C1D2E3F4A', timestamp: 'Nov 29 09:14:05', process: 'qmgr', from: '<>', size: 3210 }],
  ['Nov 29 09:14:05 mx1 postfix/submission/smtpd[4120]: 1D2E3F4A5B: client=laptop.example.com[192.0.2.50], sasl_method=PLAIN, sasl_username=ana',
    '1D2E3F4A5B', { mta: 'postfix', kind: 'received', id: '1D2E3F4A5B', timestamp: 'Nov 29 09:14:05', process: 'smtpd', client: 'laptop.example.com[192.0.2.50]' }],
  ['Nov 29 09:14:06 mx1 postfix-out/smtp[4121]: 1D2E3F4A5B: to=<kim@example.org>, relay=mx.example.org[192.0.2.40]:25, delay=0.9, delays=0.1/0/0.4/0.4, dsn=2.0.0, status=sent (250 OK id=1tGqXd-0004Ae-4J)',
    '1D2E3F4A5B', { mta: 'postfix', kind: 'delivered', id: '1D2E3F4A5B', timestamp: 'Nov 29 09:14:06', process: 'smtp', to: 'kim@example.org', relay: 'mx.example.org[192.0.2.40]:25', delay: '0.9', delays: '0.1/0/0.4/0.4', dsn: '2.0.0', reply: '250 OK id=1tGqXd-0004Ae-4J', nextHop: { id: '1tGqXd-0004Ae-4J' } }],
  ['Nov 29 09:14:07 mx1 postfix/cleanup[3125]: 1D2E3F4A5B: message-id=<20261129091405.1D2E3F4A5B@mx1.example.com>',
    '1D2E3F4A5B', { mta: 'postfix', kind: 'note', id: '1D2E3F4A5B', timestamp: 'Nov 29 09:14:07', process: 'cleanup' }],
  ['Nov 29 09:14:07 mx1 postfix/cleanup[3125]: 1D2E3F4A5B: replace: header Received: from laptop.example.com from laptop.example.com[192.0.2.50]; from=<ana@example.com> to=<kim@example.org> proto=ESMTP helo=<laptop.example.com>: Received: from [127.0.0.1]',
    '1D2E3F4A5B', { mta: 'postfix', kind: 'note', id: '1D2E3F4A5B', timestamp: 'Nov 29 09:14:07', process: 'cleanup' }],
  ['Nov 29 09:14:08 mx1 postfix/smtp[3130]: 2E3F4A5B6C: host mx.example.net[192.0.2.25] said: 450 4.7.1 Client host rejected: cannot find your hostname (in reply to RCPT TO command)',
    '2E3F4A5B6C', { mta: 'postfix', kind: 'note', id: '2E3F4A5B6C', timestamp: 'Nov 29 09:14:08', process: 'smtp' }],
  ['Nov 29 09:14:08 mx1 postfix/smtp[3130]: 2E3F4A5B6C: conversation with mx.example.net[192.0.2.25] timed out while receiving the initial server greeting',
    '2E3F4A5B6C', { mta: 'postfix', kind: 'note', id: '2E3F4A5B6C', timestamp: 'Nov 29 09:14:08', process: 'smtp' }],
  ['Nov 29 09:14:09 mx1 postfix/smtpd: 2E3F4A5B6C: client=mail.example.net[192.0.2.80]',
    '2E3F4A5B6C', { mta: 'postfix', kind: 'received', id: '2E3F4A5B6C', timestamp: 'Nov 29 09:14:09', process: 'smtpd', client: 'mail.example.net[192.0.2.80]' }],
  ['Nov 29 09:14:09 mx1 postfix/smtp[3130]: 2E3F4A5B6C: to=<ops@example.net>, relay=mx.example.net[192.0.2.25]:25, delay=2, delays=0.1/0/1/0.9, dsn=5.0.0, status=bounced (host mx.example.net[192.0.2.25] said: 550 Requested action not taken: mailbox unavailable (in reply to RCPT TO command))',
    '2E3F4A5B6C', { mta: 'postfix', kind: 'bounced', id: '2E3F4A5B6C', timestamp: 'Nov 29 09:14:09', process: 'smtp', to: 'ops@example.net', relay: 'mx.example.net[192.0.2.25]:25', delay: '2', delays: '0.1/0/1/0.9', dsn: '5.0.0', reply: '550 Requested action not taken: mailbox unavailable (in reply to RCPT TO command)', replyCode: 550 }],
  ['Nov 29 09:14:10 mx1 postfix/smtp[3131]: 3F4A5B6C7D: to=<sam@example.net>, relay=mx.example.net[192.0.2.25]:25, delay=2, delays=0.1/0/1/0.9, dsn=5.7.1, status=bounced (host mx.example.net[192.0.2.25] said: 554 5.7.1 <sam@example.net>: Relay access denied (in reply to RCPT TO comm',
    '3F4A5B6C7D', { mta: 'postfix', kind: 'bounced', id: '3F4A5B6C7D', timestamp: 'Nov 29 09:14:10', process: 'smtp', to: 'sam@example.net', relay: 'mx.example.net[192.0.2.25]:25', delay: '2', delays: '0.1/0/1/0.9', dsn: '5.7.1', reply: '554 5.7.1 <sam@example.net>: Relay access denied (in reply to RCPT TO comm', replyCode: 554 }],
  ['Nov 29 09:14:11 mx1 postfix/smtp[3132]: 4A5B6C7D8E: to=<lee@example.com>, relay=mx.example.com[192.0.2.60]:25, delay=0.4, delays=0.1/0/0.2/0.1, dsn=5.1.1, status=undeliverable (host mx.example.com[192.0.2.60] said: 550 5.1.1 <lee@example.com>: Recipient address rejected: User unknown (in reply to RCPT TO command))',
    '4A5B6C7D8E', { mta: 'postfix', kind: 'note', id: '4A5B6C7D8E', timestamp: 'Nov 29 09:14:11', process: 'smtp', to: 'lee@example.com', relay: 'mx.example.com[192.0.2.60]:25', delay: '0.4', delays: '0.1/0/0.2/0.1', dsn: '5.1.1', reply: 'host mx.example.com[192.0.2.60] said: 550 5.1.1 <lee@example.com>: Recipient address rejected: User unknown (in reply to RCPT TO command)' }],
  ['Nov 29 09:14:12 mx1 postfix/local[3171]: 5B6C7D8E9F: to=<kim@mx1.example.com>, relay=local, delay=0.02, status=sent (delivered to mailbox)',
    '5B6C7D8E9F', { mta: 'postfix', kind: 'delivered', id: '5B6C7D8E9F', timestamp: 'Nov 29 09:14:12', process: 'local', to: 'kim@mx1.example.com', relay: 'local', delay: '0.02', reply: 'delivered to mailbox' }],
  ['Nov 29 09:14:13 mx1 postfix/error[3172]: 6C7D8E9FA0: to=<joe@example.biz>, relay=none, delay=310, delays=300/10/0/0, dsn=4.4.1, status=deferred (delivery temporarily suspended: connect to mx.example.biz[192.0.2.70]:25: Connection refused)',
    '6C7D8E9FA0', { mta: 'postfix', kind: 'deferred', id: '6C7D8E9FA0', timestamp: 'Nov 29 09:14:13', process: 'error', to: 'joe@example.biz', relay: 'none', delay: '310', delays: '300/10/0/0', dsn: '4.4.1', reply: 'delivery temporarily suspended: connect to mx.example.biz[192.0.2.70]:25: Connection refused' }],
  ['Nov 29 09:14:14 mx1 postfix/lmtp[3173]: 7D8E9FA0B1: to=<kim@example.com>, relay=mail.example.com[private/dovecot-lmtp], delay=0.05, delays=0.01/0/0.01/0.03, dsn=2.0.0, status=sent (250 2.0.0 <kim@example.com> mIQ6IGQcOWZhCwAAh8Mvjg Saved)',
    '7D8E9FA0B1', { mta: 'postfix', kind: 'delivered', id: '7D8E9FA0B1', timestamp: 'Nov 29 09:14:14', process: 'lmtp', to: 'kim@example.com', relay: 'mail.example.com[private/dovecot-lmtp]', delay: '0.05', delays: '0.01/0/0.01/0.03', dsn: '2.0.0', reply: '250 2.0.0 <kim@example.com> mIQ6IGQcOWZhCwAAh8Mvjg Saved' }],
  ['Nov 29 09:14:15 mx1 postfix/qmgr[1020]: 8E9FA0B1C2: from=<billing@example.com>, status=expired',
    '8E9FA0B1C2', { mta: 'postfix', kind: 'expired', id: '8E9FA0B1C2', timestamp: 'Nov 29 09:14:15', process: 'qmgr', from: 'billing@example.com', reply: 'expired' }],
  ['Nov 29 09:14:16 mx1 postfix/bounce[3170]: 8E9FA0B1C2: sender delivery status notification: 9FA0B1C2D3',
    '8E9FA0B1C2', { mta: 'postfix', kind: 'note', id: '8E9FA0B1C2', timestamp: 'Nov 29 09:14:16', process: 'bounce', nextHop: { id: '9FA0B1C2D3' } }],
  ['Nov 29 09:14:17 mx1 postfix/smtpd[3120]: NOQUEUE: reject: CONNECT from unknown[198.51.100.7]: 554 5.7.1 <unknown[198.51.100.7]>: Client host rejected: Access denied; proto=SMTP',
    'NOQUEUE', { mta: 'postfix', kind: 'rejected', timestamp: 'Nov 29 09:14:17', process: 'smtpd', stage: 'CONNECT', client: 'unknown[198.51.100.7]', reply: '554 5.7.1 <unknown[198.51.100.7]>: Client host rejected: Access denied', replyCode: 554, dsn: '5.7.1' }],
  ['Nov 29 09:14:18 mx1 postfix/smtpd[3120]: NOQUEUE: reject: HELO from unknown[198.51.100.8]: 504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname; proto=SMTP helo=<localhost>',
    'NOQUEUE', { mta: 'postfix', kind: 'rejected', timestamp: 'Nov 29 09:14:18', process: 'smtpd', stage: 'HELO', client: 'unknown[198.51.100.8]', reply: '504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname', replyCode: 504, dsn: '5.5.2' }],
  ['Nov 29 09:14:19 mx1 postfix/smtpd[3120]: NOQUEUE: milter-reject: MAIL from mail.example.net[192.0.2.80]: 451 4.7.1 Service unavailable - try again later; from=<news@example.net> proto=ESMTP helo=<mail.example.net>',
    'NOQUEUE', { mta: 'postfix', kind: 'rejected', timestamp: 'Nov 29 09:14:19', process: 'smtpd', stage: 'MAIL', client: 'mail.example.net[192.0.2.80]', reply: '451 4.7.1 Service unavailable - try again later', from: 'news@example.net', replyCode: 451, dsn: '4.7.1' }],
  ['Nov 29 09:14:20 mx1 postfix/smtpd[3120]: NOQUEUE: reject: RCPT from mail.example.net[192.0.2.80]: 450 4.1.8 <bounce@no-such.example>: Sender address rejected: Domain not found; from=<> to=<kim@example.com> proto=ESMTP helo=<mail.example.net>',
    'NOQUEUE', { mta: 'postfix', kind: 'rejected', timestamp: 'Nov 29 09:14:20', process: 'smtpd', stage: 'RCPT', client: 'mail.example.net[192.0.2.80]', reply: '450 4.1.8 <bounce@no-such.example>: Sender address rejected: Domain not found', from: '<>', to: 'kim@example.com', replyCode: 450, dsn: '4.1.8' }],
  ['Nov 29 09:14:21 mx1 postfix/cleanup[3125]: A0B1C2D3E4: reject: body Buy cheap watches at http://spam.example/ from mail.example.net[192.0.2.80]; from=<deals@spam.example> to=<kim@example.com> proto=ESMTP helo=<mail.example.net>: 5.7.1 Spam URL in body',
    'A0B1C2D3E4', { mta: 'postfix', kind: 'rejected', id: 'A0B1C2D3E4', timestamp: 'Nov 29 09:14:21', process: 'cleanup', stage: 'body', client: 'mail.example.net[192.0.2.80]', reply: '5.7.1 Spam URL in body', from: 'deals@spam.example', to: 'kim@example.com', dsn: '5.7.1' }],
  ['Nov 29 09:14:22 mx1 postfix/cleanup[3126]: B1C2D3E4F5: reject: header To: undisclosed-recipients:; from local; from=<root> to=<kim@example.com>: 5.7.1 Missing recipients',
    'B1C2D3E4F5', { mta: 'postfix', kind: 'rejected', id: 'B1C2D3E4F5', timestamp: 'Nov 29 09:14:22', process: 'cleanup', stage: 'header', client: 'local', reply: '5.7.1 Missing recipients', from: 'root', to: 'kim@example.com', dsn: '5.7.1' }],
  ['Nov 29 11:10:00 relay sm-mta[5010]: 2ATB10aa005010: from=root, size=512, class=0, nrcpts=1, msgid=<202611291110.2ATB10aa005010@relay.example.com>, proto=ESMTP, daemon=MTA-v4, relay=localhost [127.0.0.1]',
    '2ATB10aa005010', { mta: 'sendmail', kind: 'received', id: '2ATB10aa005010', timestamp: 'Nov 29 11:10:00', process: 'sendmail', from: 'root', size: 512, client: 'localhost [127.0.0.1]' }],
  ['Nov 29 11:10:01 relay sm-mta[5011]: 2ATB10aa005010: to=root, ctladdr=root (0/0), delay=00:00:01, xdelay=00:00:00, mailer=local, pri=30512, dsn=2.0.0, stat=Sent',
    '2ATB10aa005010', { mta: 'sendmail', kind: 'delivered', id: '2ATB10aa005010', timestamp: 'Nov 29 11:10:01', process: 'sendmail', to: 'root', delay: '00:00:01', dsn: '2.0.0' }],
  ['Nov 29 11:10:02 relay sendmail[5012]: 2ATB10bb005012: ruleset=check_mail, arg1=<spam@bad.example>, relay=bad.example [198.51.100.9] (may be forged), reject=553 5.1.8 <spam@bad.example>... Domain of sender address spam@bad.example does not exist',
    '2ATB10bb005012', { mta: 'sendmail', kind: 'rejected', id: '2ATB10bb005012', timestamp: 'Nov 29 11:10:02', process: 'sendmail', client: 'bad.example [198.51.100.9] (may be forged)', stage: 'check_mail', reply: '553 5.1.8 <spam@bad.example>... Domain of sender address spam@bad.example does not exist', from: 'spam@bad.example', replyCode: 553, dsn: '5.1.8' }],
  ['Nov 29 11:10:03 relay sendmail[5013]: ruleset=check_relay, arg1=dsl-10.bad.example, arg2=198.51.100.10, relay=dsl-10.bad.example [198.51.100.10], reject=550 5.7.1 Rejected: 198.51.100.10 listed at zen.spamhaus.org',
    'dsl-10.bad.example [198.51.100.10]', { mta: 'sendmail', kind: 'rejected', timestamp: 'Nov 29 11:10:03', process: 'sendmail', client: 'dsl-10.bad.example [198.51.100.10]', stage: 'check_relay', reply: '550 5.7.1 Rejected: 198.51.100.10 listed at zen.spamhaus.org', replyCode: 550, dsn: '5.7.1' }],
  ['Nov 29 11:10:04 relay sendmail[5014]: 2ATB10cc005014: Milter: data, reject=554 5.7.1 Rejected by spam filter',
    '2ATB10cc005014', { mta: 'sendmail', kind: 'rejected', id: '2ATB10cc005014', timestamp: 'Nov 29 11:10:04', process: 'sendmail', stage: 'milter', reply: '554 5.7.1 Rejected by spam filter', replyCode: 554, dsn: '5.7.1' }],
  ['Nov 29 11:10:05 relay sendmail[5015]: 2ATB10dd005015: ruleset=check_rcpt, arg1=<ghost@example.com>, relay=mail.example.net [192.0.2.80], discard',
    '2ATB10dd005015', { mta: 'sendmail', kind: 'note', id: '2ATB10dd005015', timestamp: 'Nov 29 11:10:05', process: 'sendmail' }],
  ['Nov 29 11:10:06 relay sendmail[5016]: 2ATB10ee005016: to=<kim@example.net>, delay=00:10:00, xdelay=00:00:30, mailer=esmtp, pri=120512, relay=mx.example.net., dsn=4.0.0, stat=Deferred: Connection refused by mx.example.net.',
    '2ATB10ee005016', { mta: 'sendmail', kind: 'deferred', id: '2ATB10ee005016', timestamp: 'Nov 29 11:10:06', process: 'sendmail', to: 'kim@example.net', delay: '00:10:00', relay: 'mx.example.net.', dsn: '4.0.0', reply: 'Connection refused by mx.example.net.' }],
  ['Nov 29 11:10:07 relay sendmail[5017]: 2ATB10ff005017: to=<kim@example.org>, delay=00:00:05, xdelay=00:00:05, mailer=esmtp, pri=120512, relay=mx.example.org. [192.0.2.40], dsn=4.4.2, stat=Connection reset by mx.example.org.',
    '2ATB10ff005017', { mta: 'sendmail', kind: 'deferred', id: '2ATB10ff005017', timestamp: 'Nov 29 11:10:07', process: 'sendmail', to: 'kim@example.org', delay: '00:00:05', relay: 'mx.example.org. [192.0.2.40]', dsn: '4.4.2', reply: 'Connection reset by mx.example.org.' }],
  ['Nov 29 11:10:08 relay sendmail[5018]: 2ATB10gg005018: collect: premature EOM: Connection reset by mail.example.net',
    '2ATB10gg005018', { mta: 'sendmail', kind: 'note', id: '2ATB10gg005018', timestamp: 'Nov 29 11:10:08', process: 'sendmail' }],
  ['Nov 29 11:10:09 relay sendmail[5019]: 2ATB10hh005019: to=<ann@example.net>, delay=00:00:02, xdelay=00:00:02, mailer=esmtp, pri=120512, relay=mx.example.net. [192.0.2.25], dsn=2.0.0, stat=Sent (<20261129.abc@relay.example.com> [InternalId=1234] Queued mail for delivery',
    '2ATB10hh005019', { mta: 'sendmail', kind: 'delivered', id: '2ATB10hh005019', timestamp: 'Nov 29 11:10:09', process: 'sendmail', to: 'ann@example.net', delay: '00:00:02', relay: 'mx.example.net. [192.0.2.25]', dsn: '2.0.0', reply: '<20261129.abc@relay.example.com> [InternalId=1234] Queued mail for delivery' }],
  ['Nov 29 11:10:10 relay sendmail[5020]: 2ATB10ii005020: to=<bo@example.net>, delay=00:00:02, mailer=esmtp, pri=120512, relay=mx.example.net. [192.0.2.25], dsn=5.0.0, stat=Service unavailable',
    '2ATB10ii005020', { mta: 'sendmail', kind: 'bounced', id: '2ATB10ii005020', timestamp: 'Nov 29 11:10:10', process: 'sendmail', to: 'bo@example.net', delay: '00:00:02', relay: 'mx.example.net. [192.0.2.25]', dsn: '5.0.0', reply: 'Service unavailable' }],
  ['2026-11-29 10:06:00 1tGqXe-0004Af-5K <= root@mx1.example.com U=root P=local S=512',
    '1tGqXe-0004Af-5K', { mta: 'exim', kind: 'received', id: '1tGqXe-0004Af-5K', timestamp: '2026-11-29 10:06:00', process: 'exim', from: 'root@mx1.example.com', size: 512 }],
  ['2026-11-29 10:06:01 -0500 1tGqXe-0004Af-5K => kim <kim@mx1.example.com> R=local_user T=mail_spool',
    '1tGqXe-0004Af-5K', { mta: 'exim', kind: 'delivered', id: '1tGqXe-0004Af-5K', timestamp: '2026-11-29 10:06:01', process: 'exim', to: 'kim' }],
  ['2026-11-29 10:06:02 [4243] 1tGqXe-0004Af-5K -> ops@example.org R=dnslookup T=remote_smtp H=mx.example.org [192.0.2.40] C="250 2.0.0 Ok: queued as 7E8F9A0B1C',
    '1tGqXe-0004Af-5K', { mta: 'exim', kind: 'delivered', id: '1tGqXe-0004Af-5K', timestamp: '2026-11-29 10:06:02', process: 'exim', to: 'ops@example.org', relay: 'mx.example.org[192.0.2.40]', reply: '250 2.0.0 Ok: queued as 7E8F9A0B1C', replyCode: 250, dsn: '2.0.0', nextHop: { id: '7E8F9A0B1C' } }],
  ['2026-11-29 10:06:03 1tGqXe-0004Af-5K *> test@example.org R=dnslookup T=remote_smtp H=mx.example.org [192.0.2.40]',
    '1tGqXe-0004Af-5K', { mta: 'exim', kind: 'note', id: '1tGqXe-0004Af-5K', timestamp: '2026-11-29 10:06:03', process: 'exim', to: 'test@example.org', relay: 'mx.example.org[192.0.2.40]' }],
  ['2026-11-29 10:06:04 1tGqXf-0004Ag-6L ** nobody@example.com: Unrouteable address',
    '1tGqXf-0004Ag-6L', { mta: 'exim', kind: 'bounced', id: '1tGqXf-0004Ag-6L', timestamp: '2026-11-29 10:06:04', process: 'exim', to: 'nobody@example.com', reply: 'Unrouteable address' }],
  ['2026-11-29 10:06:05 1tGqXf-0004Ag-6L == amy@example.org R=dnslookup T=remote_smtp defer (-53): retry time not reached for any host for \'example.org\'',
    '1tGqXf-0004Ag-6L', { mta: 'exim', kind: 'deferred', id: '1tGqXf-0004Ag-6L', timestamp: '2026-11-29 10:06:05', process: 'exim', to: 'amy@example.org', reply: 'retry time not reached for any host for \'example.org\'' }],
  ['2026-11-29 10:06:06 1tGqXf-0004Ag-6L Frozen (delivery error message)',
    '1tGqXf-0004Ag-6L', { mta: 'exim', kind: 'note', id: '1tGqXf-0004Ag-6L', timestamp: '2026-11-29 10:06:06', process: 'exim' }],
  ['2026-11-29 10:06:07 1tGqXg-0004Ah-7M H=mail.example.net [192.0.2.80] F=<news@example.net> rejected after DATA: Your message scored 15.3 spam points',
    '1tGqXg-0004Ah-7M', { mta: 'exim', kind: 'rejected', id: '1tGqXg-0004Ah-7M', timestamp: '2026-11-29 10:06:07', process: 'exim', client: 'mail.example.net[192.0.2.80]', stage: 'after DATA', reply: 'Your message scored 15.3 spam points', from: 'news@example.net' }],
  ['2026-11-29 10:06:08 rejected EHLO from [198.51.100.7]: syntactically invalid argument(s): (no argument given)',
    '[198.51.100.7]', { mta: 'exim', kind: 'rejected', timestamp: '2026-11-29 10:06:08', process: 'exim', client: '[198.51.100.7]', stage: 'EHLO', reply: 'syntactically invalid argument(s): (no argument given)' }],
  ['2026-11-29 10:06:09 H=[198.51.100.11] rejected connection in "connect" ACL: listed at zen.spamhaus.org',
    '[198.51.100.11]', { mta: 'exim', kind: 'rejected', timestamp: '2026-11-29 10:06:09', process: 'exim', client: '[198.51.100.11]', stage: 'connection', reply: 'listed at zen.spamhaus.org' }],
  ['Nov 29 09:14:25 mx1 postfix/smtp[3133]: 4A5B6C7D8F: to=<x@example.com>, relay=mx.example.com[192.0.2.60]:25, delay=0.4, delays=0.1/0/0.2/0.1, dsn=2.1.5, status=deliverable (250 2.1.5 Ok)',
    '4A5B6C7D8F', { mta: 'postfix', kind: 'note', id: '4A5B6C7D8F', timestamp: 'Nov 29 09:14:25', process: 'smtp', to: 'x@example.com', relay: 'mx.example.com[192.0.2.60]:25', delay: '0.4', delays: '0.1/0/0.2/0.1', dsn: '2.1.5', reply: '250 2.1.5 Ok' }],
  ['Nov 29 11:10:11 relay sm-msp-queue[5022]: 2ATB10jj005022: to=root, ctladdr=root (0/0), delay=00:00:00, mailer=relay, pri=30000, stat=queued',
    '2ATB10jj005022', { mta: 'sendmail', kind: 'note', id: '2ATB10jj005022', timestamp: 'Nov 29 11:10:11', process: 'sendmail', to: 'root', delay: '00:00:00' }],
  ['2026-11-29 10:06:14 rejected HELO from mail.example.net [192.0.2.81]: syntactically invalid argument(s): mail_example.net',
    'mail.example.net [192.0.2.81]', { mta: 'exim', kind: 'rejected', timestamp: '2026-11-29 10:06:14', process: 'exim', client: 'mail.example.net[192.0.2.81]', stage: 'HELO', reply: 'syntactically invalid argument(s): mail_example.net' }],
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
  'Nov 29 09:14:23 mx1 postfix/smtpd[3120]: NOQUEUE: filter: RCPT from mail.example.net[192.0.2.80]: <news@example.net>: Sender address triggers FILTER smtp:[127.0.0.1]:10025; from=<news@example.net> to=<kim@example.com> proto=ESMTP helo=<mail.example.net>',
  'Nov 29 09:14:24 mx1 postfix/smtpd[3120]: warning: hostname mail.example.net does not resolve to address 192.0.2.80: Name or service not known',
  '2026-11-29 10:06:10',
  '2026-11-29 10:06:10.123',
  '2026-11-29 10:06:11 [4244 1tGqXg-0004Ah-7M Completed',
  '2026/11/29 10:06:12 relay rejected RCPT <kim@example.com>: 550 5.1.1 no such user',
  '2026-11-29T10:06:13+00:00',
  'Nov 29 09:14:26 mx1 postfix[3134]: fatal: bad string length 0 < 1: smtpd_banner =',
  'Nov 29 11:10:12 relay sendmail[5023]: ruleset=check_rcpt, arg1=<ghost@example.com>, relay=mail.example.net [192.0.2.80], discard',
  'Nov 29 11:10:13 relay spamd[5024]: spamd: result: Y 15 - BAYES_99,URIBL_BLACK scantime=0.8,size=4120,user=kim,uid=1000',
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
