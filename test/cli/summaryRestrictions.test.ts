/**
 * The "Rejects by restriction" table of `summary`: which restriction of the MTA's configuration made each reject, read from
 * the text the MTA logs, as a mail admin reads it to see which check turns mail away.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { commandInProcess, tree } from './cliProcess';

const postfix = (stage: string, reply: string) =>
  `Nov 30 10:00:01 mx1 postfix/smtpd[4242]: NOQUEUE: reject: ${stage} from unknown[203.0.113.5]: ${reply}; from=<alice@example.net> to=<bob@example.com> proto=ESMTP helo=<mail.example.net>`;
const exim = (rest: string) => `2026-11-30 10:00:01 H=mail.example.net [203.0.113.5] F=<alice@example.net> rejected ${rest}`;

/** A log line and the restriction the summary names for its reject. */
const REJECTS: [string, string][] = [
  [postfix('RCPT', '554 5.7.1 Service unavailable; Client host [203.0.113.5] blocked using zen.spamhaus.org'), 'reject_rbl_client zen.spamhaus.org'],
  [postfix('RCPT', '554 5.7.1 Service unavailable; Client host [2001:db8::25] blocked using zen.spamhaus.org'), 'reject_rbl_client zen.spamhaus.org'],
  [postfix('RCPT', '554 5.7.1 Service unavailable; Client host [mail.spam.example] blocked using dbl.spamhaus.org'), 'reject_rhsbl_client dbl.spamhaus.org'],
  [postfix('RCPT', '554 5.7.1 Service unavailable; Unverified Client host [mail.spam.example] blocked using dbl.spamhaus.org'), 'reject_rhsbl_reverse_client dbl.spamhaus.org'],
  [postfix('RCPT', '554 5.7.1 Service unavailable; Sender address [alice@spam.example] blocked using dbl.spamhaus.org; see https://www.spamhaus.org/dbl/'), 'reject_rhsbl_sender dbl.spamhaus.org'],
  [postfix('RCPT', '554 5.7.1 Service unavailable; Recipient address [bob@spam.example] blocked using multi.uribl.com'), 'reject_rhsbl_recipient multi.uribl.com'],
  [postfix('RCPT', '554 5.7.1 Service unavailable; Helo command [spam.example] blocked using dbl.spamhaus.org'), 'reject_rhsbl_helo dbl.spamhaus.org'],
  ['Nov 30 10:00:01 mx1 postfix/postscreen[900]: NOQUEUE: reject: RCPT from [203.0.113.50]:51234: 550 5.7.1 Service unavailable; client [203.0.113.50] blocked using zen.spamhaus.org; from=<x@spam.example>, to=<bob@example.com>, proto=ESMTP, helo=<spam.example>',
    'postscreen_dnsbl_sites zen.spamhaus.org'],
  [postfix('RCPT', '454 4.7.1 <bob@example.org>: Relay access denied'), 'reject_unauth_destination'],
  [postfix('RCPT', '550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown in local recipient table'), 'reject_unlisted_recipient (local)'],
  [postfix('RCPT', '550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown in virtual mailbox table'), 'reject_unlisted_recipient (virtual)'],
  [postfix('RCPT', '550 5.1.1 <nobody@example.com>: Recipient address rejected: User unknown in relay recipient table'), 'reject_unlisted_recipient (relay)'],
  [postfix('RCPT', '550 5.1.1 <sales@example.com>: Recipient address rejected: User unknown in virtual alias table'), 'reject_unlisted_recipient'],
  [postfix('RCPT', '450 4.7.1 Client host rejected: cannot find your reverse hostname, [203.0.113.5]'), 'reject_unknown_reverse_client_hostname'],
  [postfix('RCPT', '450 4.7.1 Client host rejected: cannot find your hostname, [203.0.113.5]'), 'reject_unknown_client_hostname'],
  [postfix('RCPT', '450 4.1.8 <alice@nonexistent.example>: Sender address rejected: Domain not found'), 'reject_unknown_sender_domain'],
  [postfix('RCPT', '450 4.1.2 <bob@nonexistent.example>: Recipient address rejected: Domain not found'), 'reject_unknown_recipient_domain'],
  [postfix('RCPT', '504 5.5.2 <alice>: Sender address rejected: need fully-qualified address'), 'reject_non_fqdn_sender'],
  [postfix('RCPT', '504 5.5.2 <bob>: Recipient address rejected: need fully-qualified address'), 'reject_non_fqdn_recipient'],
  [postfix('RCPT', '504 5.5.2 <localhost>: Helo command rejected: need fully-qualified hostname'), 'reject_non_fqdn_helo_hostname'],
  [postfix('RCPT', '501 5.5.2 <mail_server>: Helo command rejected: Invalid name'), 'reject_invalid_helo_hostname'],
  [postfix('RCPT', '450 4.7.1 <mail.nonexistent.example>: Helo command rejected: Host not found'), 'reject_unknown_helo_hostname'],
  [postfix('RCPT', '553 5.7.1 <ceo@example.com>: Sender address rejected: not logged in'), 'reject_sender_login_mismatch'],
  [postfix('RCPT', '553 5.7.1 <ceo@example.com>: Sender address rejected: not owned by user alice'), 'reject_sender_login_mismatch'],
  [postfix('RCPT', '503 5.5.0 <bob@example.com>: Recipient address rejected: Improper use of SMTP command pipelining'), 'reject_unauth_pipelining'],
  [postfix('DATA', '521 5.5.1 Protocol error'), 'smtpd protocol error'],
  [postfix('MAIL', '552 5.3.4 Message size exceeds fixed limit'), 'message_size_limit'],
  [postfix('MAIL', '452 4.3.1 Insufficient system storage'), 'queue_minfree'],
  [postfix('RCPT', '450 4.2.0 <bob@example.com>: Recipient address rejected: Greylisted, see https://postgrey.schweikert.ch/help/example.com.html'), 'check_policy_service (greylisting)'],
  [postfix('RCPT', '451 4.7.1 <bob@example.com>: Recipient address rejected: try again later (greylisting in action)'), 'check_policy_service (greylisting)'],
  [postfix('RCPT', '554 5.7.1 <unknown[203.0.113.5]>: Client host rejected: Access denied'), 'check access map (Client host)'],
  [postfix('RCPT', '554 5.7.1 <spammer@example.net>: Sender address rejected: Access denied'), 'check access map (Sender address)'],
  [postfix('RCPT', '554 5.7.1 <bob@example.com>: Recipient address rejected: Access denied'), 'check access map (Recipient address)'],
  [postfix('RCPT', '554 5.7.1 <mail.example.net>: Helo command rejected: Access denied'), 'check access map (Helo command)'],
  [postfix('DATA', '554 5.7.1 <DATA>: Data command rejected: Access denied'), 'check access map (Data command)'],
  [postfix('ETRN', '554 5.7.1 <example.com>: Etrn command rejected: Access denied'), 'check access map (Etrn command)'],
  // No restriction of the list: the reject's own text, up to the first ; or , and without the codes and address before it.
  [postfix('RCPT', '550 5.7.1 <bob@example.com>: Recipient address rejected: Mailbox disabled for this recipient'), 'Recipient address rejected: Mailbox disabled for this recipient'],
  [postfix('RCPT', '550 5.7.1 <bob@example.com>: Recipient address rejected: Known spam source, contact postmaster@example.com'), 'Recipient address rejected: Known spam source'],
  [postfix('MAIL', '421 4.7.0 mx1.example.com Error: too many errors'), 'mx1.example.com Error: too many errors'],
  [postfix('RCPT', '550-5.7.1 <bob@example.com>: Recipient address rejected: Over quota'), 'Recipient address rejected: Over quota'],
  [postfix('RCPT', '554 Transaction failed'), 'Transaction failed'],
  [postfix('RCPT', '552 5.2.2 <bob@example.com>: Recipient address rejected: Mailbox quota exceeded (error 5.2.2 from store)'),
    'Recipient address rejected: Mailbox quota exceeded (error 5.2.2 from store)'],
  [postfix('MAIL', '553 5.7.1 Sender <alice@example.net> not allowed, see the policy page'), 'Sender <alice@example.net> not allowed'],
  [postfix('RCPT', '550 5.7.23 <bob@example.com>: Recipient address rejected: Message rejected due to: SPF fail - not authorized'),
    'Recipient address rejected: Message rejected due to: SPF fail - not authorized'],
  ['Nov 30 10:00:07 mx1 postfix/smtpd[4242]: NOQUEUE: milter-reject: RCPT from unknown[203.0.113.5]: 554 5.7.1 ; from=<alice@example.net> to=<bob@example.com> proto=ESMTP helo=<mail.example.net>', 'reject'],
  [postfix('RCPT', `550 5.7.1 <bob@example.com>: Recipient address rejected: ${'a policy text that runs on and on '.repeat(4)}`),
    'Recipient address rejected: a policy text that runs on and on a policy text that'],
  ['Nov 30 10:00:02 mx1 postfix/cleanup[2345]: 4F3A21D3C5: reject: header Subject: Cheap meds now from unknown[203.0.113.5]; from=<alice@example.net> to=<bob@example.com> proto=ESMTP helo=<mail.example.net>: 5.7.1 Spam subject', 'header_checks'],
  ['Nov 30 10:00:03 mx1 postfix/cleanup[2345]: 4F3A21D3C6: reject: body <a href="http://spam.example/">Click</a> from unknown[203.0.113.5]; from=<alice@example.net> to=<bob@example.com> proto=ESMTP helo=<mail.example.net>: 5.7.1 Spam link', 'body_checks'],
  ['Nov 30 10:00:04 mx1 postfix/cleanup[2345]: 4F3A21D3C7: milter-reject: END-OF-MESSAGE from unknown[203.0.113.5]: 5.7.1 Spam message rejected; from=<alice@example.net> to=<bob@example.com> proto=ESMTP helo=<mail.example.net>', 'milter'],
  ['Nov 30 10:00:05 mx1 postfix/smtpd[4242]: NOQUEUE: milter-reject: RCPT from unknown[203.0.113.5]: 550 5.7.1 Command rejected; from=<alice@example.net> to=<bob@example.com> proto=ESMTP helo=<mail.example.net>', 'Command rejected'],
  ['Nov 30 10:00:06 mx1 postfix/smtpd[4242]: NOQUEUE: milter-reject: CONNECT from unknown[203.0.113.5]: 5.7.1 Blocked by reputation; proto=SMTP', 'Blocked by reputation'],

  [exim('RCPT <info@example.com>: relay not permitted'), 'acl_smtp_rcpt: relay not permitted'],
  [exim('RCPT <info@example.com>: Relay not permitted'), 'acl_smtp_rcpt: relay not permitted'],
  [exim('RCPT <nobody@example.com>: Unrouteable address'), 'acl_smtp_rcpt: verify = recipient'],
  [exim('RCPT <info@example.com>: Sender verify failed'), 'acl_smtp_rcpt: verify = sender'],
  [exim('RCPT <info@example.com>: 203.0.113.5 is listed in zen.spamhaus.org'), 'dnslists zen.spamhaus.org'],
  [exim('RCPT <info@example.com>: JunkMail rejected - mail.example.net [203.0.113.5] is listed at bl.spamcop.net'), 'dnslists bl.spamcop.net'],
  ['2026-11-30 10:00:02 H=unknown [203.0.113.5] rejected EHLO or HELO localhost: syntactically invalid argument(s)', 'HELO syntax check'],
  ['2026-11-30 10:00:03 H=[203.0.113.5] rejected connection in "connect" ACL', 'acl_smtp_connect'],
  [exim('after DATA: Your message scored 15.2 spam points, rejected'), 'Your message scored 15.2 spam points'],
  [exim('RCPT <info@example.com>: <info@example.com> does not accept mail from this sender'), 'does not accept mail from this sender'],

  ['Nov 30 10:00:01 relay sendmail[5002]: ruleset=check_rcpt, arg1=<erin@example.net>, relay=[198.51.100.5], reject=550 5.7.1 <erin@example.net>... Relaying denied', 'check_rcpt'],
  ['Nov 30 10:00:02 relay sendmail[5003]: ruleset=check_relay, arg1=spam.example, arg2=203.0.113.5, relay=spam.example [203.0.113.5], reject=554 5.7.1 Rejected 203.0.113.5 found in zen.spamhaus.org', 'check_relay'],
  ['Nov 30 10:00:03 relay sendmail[5004]: 5AUA03Xj005004: Milter: from=<alice@example.net>, reject=553 5.7.1 Sender rejected by reputation', 'milter'],
];

describe('summary: rejects by restriction', () => {
  let dir: string;
  before(() => (dir = tree(Object.fromEntries(REJECTS.map(([line], index) => [`mail-${index}.log`, `${line}\n`])))));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('each reject is named by the restriction that made it, or by its own text where none is known', async () => {
    const named: string[] = [];
    for (let index = 0; index < REJECTS.length; index++) {
      const outcome = await commandInProcess(['summary', `mail-${index}.log`, '--format', 'json'], dir);
      assert.equal(outcome.code, 0, outcome.stderr);
      const [mta] = JSON.parse(outcome.stdout).mtas;
      named.push(mta.rejects.map((row: { restriction: string }) => row.restriction).join(' | '));
    }
    assert.deepEqual(named, REJECTS.map(([, restriction]) => restriction));
  });

  test('rejects of the same restriction are counted together, the most frequent first', async () => {
    const lineOf = (restriction: string) => REJECTS.find(([, named]) => named === restriction)![0];
    const [rbl, relay, unknown] = [lineOf('reject_rbl_client zen.spamhaus.org'), lineOf('reject_unauth_destination'), lineOf('reject_unlisted_recipient (local)')];
    const lines = [rbl, relay, rbl, unknown, rbl, relay];
    const many = tree({ 'mail.log': `${lines.join('\n')}\n` });
    try {
      const outcome = await commandInProcess(['summary', 'mail.log', '--format', 'json'], many);
      assert.deepEqual(JSON.parse(outcome.stdout).mtas[0].rejects.map((row: { restriction: string; count: number }) => `${row.count} ${row.restriction}`),
        ['3 reject_rbl_client zen.spamhaus.org', '2 reject_unauth_destination', '1 reject_unlisted_recipient (local)']);
    } finally {
      fs.rmSync(many, { recursive: true, force: true });
    }
  });
});
