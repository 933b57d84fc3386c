/**
 * The checks that know each MTA's configuration syntax, as a mail admin meets them: the finding on a line of Postfix, Sendmail,
 * OpenSMTPD or Exim configuration, where it stands, what it says, and the line as its preferred fix leaves it.
 */
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../server/src/languageService';

const service = createLanguageService();

/** Each finding as `line:start-end check: message => the line after the preferred fix` (or the fixes offered, or `no fix`). */
function findings(uri: string, text: string): string[] {
  const document = TextDocument.create(uri, 'plaintext', 1, `${text}\n`);
  const result = service.doValidation(document)!.diagnostics.map((diagnostic) => {
    const actions = service.doCodeActions(document, [diagnostic]);
    const fix = actions.find((action) => action.isPreferred && action.edit);
    const offered = actions.filter((action) => !action.title.startsWith('Disable')).map((action) => action.title);
    const fixed = fix ? `${fix.title}: ${TextDocument.applyEdits(document, fix.edit!.changes![uri]).split('\n')[diagnostic.range.start.line]}`
      : offered.length > 0 ? `none preferred of ${offered.join(' | ')}` : 'no fix';
    const { start, end } = diagnostic.range;
    return `${start.line}:${start.character}-${end.character} ${diagnostic.code}: ${diagnostic.message} => ${fixed}`;
  });
  service.forget(uri);
  return result;
}

const MAIN_CF = 'file:///etc/postfix/main.cf';
const ACCESS = 'file:///etc/postfix/recipient_access';
const SENDMAIL_ACCESS = 'file:///etc/mail/access';
const SENDMAIL_MC = 'file:///etc/mail/sendmail.mc';
const SMTPD_CONF = 'file:///etc/smtpd.conf';

/** A configuration line and every finding on it. */
const LINES: [string, string, string[]][] = [
  // Postfix reply-code parameters take a reply code; a defer code is always 4xx.
  [MAIN_CF, 'access_map_reject_code = 5.7.1', ['0:25-30 invalid-reply-code: access_map_reject_code takes a three-digit reply code such as 550, not an enhanced status code; Postfix adds the enhanced code itself. => Replace 5.7.1 with 550: access_map_reject_code = 550']],
  [MAIN_CF, '  maps_rbl_reject_code=5.7.1  ', ['0:23-28 invalid-reply-code: maps_rbl_reject_code takes a three-digit reply code such as 550, not an enhanced status code; Postfix adds the enhanced code itself. => Replace 5.7.1 with 550:   maps_rbl_reject_code=550  ']],
  [MAIN_CF, 'unverified_recipient_defer_code = 5.1.1', ['0:34-39 invalid-reply-code: unverified_recipient_defer_code takes a three-digit reply code such as 450, not an enhanced status code; Postfix adds the enhanced code itself. => Replace 5.1.1 with 450: unverified_recipient_defer_code = 450']],
  [MAIN_CF, 'unknown_address_reject_code = 4.1.2', ['0:30-35 invalid-reply-code: unknown_address_reject_code takes a three-digit reply code such as 450, not an enhanced status code; Postfix adds the enhanced code itself. => Replace 4.1.2 with 450: unknown_address_reject_code = 450']],
  [MAIN_CF, 'unknown_address_reject_code = 450', []],
  [MAIN_CF, 'smtpd_reject_unlisted_recipient = yes', []],
  // Postfix access tables: a reply without a code gets Postfix's generic X.7.1, a finding only where the text says otherwise.
  [ACCESS, 'nobody@example.com   REJECT User unknown', ['0:21-27 missing-code: REJECT User unknown has no enhanced status code, so Postfix adds its generic 5.7.1; the text says "Bad destination mailbox address": write 5.1.1. => Insert enhanced status code 5.1.1: nobody@example.com   REJECT 5.1.1 User unknown']],
  [ACCESS, 'olduser@example.com\tREJECT\tThis mailbox has moved, no such user here', ['0:20-26 missing-code: REJECT This mailbox has moved, no such user here has no enhanced status code, so Postfix adds its generic 5.7.1; the text says "Bad destination mailbox address": write 5.1.1. => Insert enhanced status code 5.1.1: olduser@example.com\tREJECT\t5.1.1 This mailbox has moved, no such user here']],
  [ACCESS, 'full@example.com   DEFER Mailbox full, try again later', ['0:19-24 missing-code: DEFER Mailbox full, try again later has no enhanced status code, so Postfix adds its generic 4.7.1; the text says "Mailbox full": write 4.2.2. => Insert enhanced status code 4.2.2: full@example.com   DEFER 4.2.2 Mailbox full, try again later']],
  [ACCESS, 'gone@example.com   550 User unknown', ['0:19-22 missing-code: 550 User unknown has no enhanced status code, so Postfix adds its generic 5.7.1; the text says "Bad destination mailbox address": write 5.1.1. => Insert enhanced status code 5.1.1: gone@example.com   550 5.1.1 User unknown']],
  [ACCESS, 'gone@example.com   450 Mailbox full', ['0:19-22 missing-code: 450 Mailbox full has no enhanced status code, so Postfix adds its generic 4.7.1; the text says "Mailbox full": write 4.2.2. => Insert enhanced status code 4.2.2: gone@example.com   450 4.2.2 Mailbox full']],
  ['file:///etc/postfix/policy.txt', 'action=DEFER Mailbox full', ['0:7-12 missing-code: DEFER Mailbox full has no enhanced status code, so Postfix adds its generic 4.7.1; the text says "Mailbox full": write 4.2.2. => Insert enhanced status code 4.2.2: action=DEFER 4.2.2 Mailbox full']],
  [ACCESS, 'relay.example   REJECT Relaying denied', []],
  [ACCESS, 'gone@example.com   REJECT 5.1.1 User unknown', []],
  [ACCESS, 'nullmx.example   REJECT 5.1.10 Recipient domain has a null MX', []],
  [ACCESS, '# gone@example.com   REJECT User unknown', []],
  // Sendmail derives X.0.0 from the reply code: the access database's ERROR: forms and the error mailer in rules.
  [SENDMAIL_ACCESS, 'From:spammer@example.net   ERROR:550 User unknown', ['0:27-36 missing-code: ERROR:550 has no enhanced status code, so Sendmail derives the generic 5.0.0; the text says "Bad destination mailbox address": write 5.1.1. => Insert enhanced status code 5.1.1: From:spammer@example.net   ERROR:5.1.1:550 User unknown']],
  [SENDMAIL_ACCESS, 'To:full@example.com   ERROR:"452 Mailbox full"', ['0:22-32 missing-code: ERROR:"452 has no enhanced status code, so Sendmail derives the generic 4.0.0; the text says "Mailbox full": write 4.2.2. => Insert enhanced status code 4.2.2: To:full@example.com   ERROR:"452 4.2.2 Mailbox full"']],
  [SENDMAIL_ACCESS, 'To:full@example.com   ERROR:"452 4.2.2 Mailbox full"', []],
  [SENDMAIL_ACCESS, 'To:bob@example.com\tERROR:550 5.1.1 User unknown', []],
  [SENDMAIL_ACCESS, 'From:spammer@example.net   ERROR:550 Go away', []],
  [SENDMAIL_MC, 'R$*\t$#error $: "550 User unknown"', ['0:4-11 missing-code: $#error has no enhanced status code, so Sendmail derives the generic 5.0.0; the text says "Bad destination mailbox address": write 5.1.1. => Insert enhanced status code 5.1.1: R$*\t$#error $@ 5.1.1 $: "550 User unknown"']],
  [SENDMAIL_MC, 'R$*\t$#error $: 450 Mailbox full', ['0:4-11 missing-code: $#error has no enhanced status code, so Sendmail derives the generic 4.0.0; the text says "Mailbox full": write 4.2.2. => Insert enhanced status code 4.2.2: R$*\t$#error $@ 4.2.2 $: 450 Mailbox full']],
  [SENDMAIL_MC, 'dnl R$*\t$#error $: 550 User unknown', []],
  // OpenSMTPD sends a filter's reply as written: it must start with a reply code, and gets no enhanced code of its own.
  [SMTPD_CONF, 'filter "rdns" phase connect match !rdns disconnect "550 no rDNS"', ['0:52-55 missing-code: The disconnect reply 550 has no enhanced status code, and OpenSMTPD sends none of its own: write one such as 5.7.25. => Insert enhanced status code 5.7.25: filter "rdns" phase connect match !rdns disconnect "550 5.7.25 no rDNS"']],
  [SMTPD_CONF, 'filter "rdns" phase connect match !rdns reject "No reverse DNS"', ['0:47-63 invalid-reply-code: An OpenSMTPD reject message must start with a reply code (such as 550 or 451); "No reverse DNS" does not. => Insert reply code 550 5.7.1: filter "rdns" phase connect match !rdns reject "550 5.7.1 No reverse DNS"']],
  [SMTPD_CONF, 'filter "rdns" phase connect match !rdns reject "550 5.7.1 no rDNS"', []],
  [SMTPD_CONF, 'filter "quota" phase rcpt-to match rcpt-to <full> reject "452 Mailbox full"', ['0:58-61 missing-code: The reject reply 452 has no enhanced status code, and OpenSMTPD sends none of its own: write one such as 4.2.2. => Insert enhanced status code 4.2.2: filter "quota" phase rcpt-to match rcpt-to <full> reject "452 4.2.2 Mailbox full"']],
  [SMTPD_CONF, 'filter "quota" phase rcpt-to match rcpt-to <full> reject "452 Over the limit"', ['0:58-61 missing-code: The reject reply 452 has no enhanced status code, and OpenSMTPD sends none of its own: write one such as 4.7.1. => Insert enhanced status code 4.7.1: filter "quota" phase rcpt-to match rcpt-to <full> reject "452 4.7.1 Over the limit"']],
];

/** An Exim configuration: each statement's verb decides the class its `message =` needs, a redirection's `:fail:` or `:defer:` that of its text. */
const EXIM_CONF = [
  'begin acl',
  '',
  'acl_check_rcpt:',
  '  deny    message = 451 4.7.1 Relay not permitted',
  '          hosts = +blocked',
  '  defer   message = 550 Greylisted',
  '  warn    message = 451 Slow down',
  '  deny    hosts = +spammers',
  '          message = 451 4.7.1 Listed as a spam source',
  '  deny    message = 550 Relaying not permitted',
  '          !hosts = +relay_hosts',
  '  accept',
  '          message = 451 Nope',
  '  drop    message = 550-Go away',
  'acl_check_data:',
  '          message = 451 Nope',
  '',
  'redirect:',
  '  data = :fail: 450 User has left',
  '  data = :defer: 550 Mailbox moving',
  '  data = :fail: 550 Unknown user',
  '  data = :fail: 450 4.1.1 User has left',
  '  data = :defer: 450 4.2.2 Mailbox moving',
  '  data = :fail: 550 Bad luck',
  '# deny message = 451 commented out',
  'acl_check_tls:',
  '  deny    message = 454 4.7.0 TLS not available',
  '  defer   message = 554 5.7.1 Rejected',
  '  deny    message = 550 5.1.10 Recipient has a null MX',
].join('\n');

describe('MTA configuration checks', () => {
  test('each line of Postfix, Sendmail and OpenSMTPD configuration: the finding, its place, its message and its fix', () => {
    const seen = LINES.map(([uri, line]) => findings(uri, line));
    assert.deepEqual(seen, LINES.map(([, , expected]) => expected));
  });

  test('an Exim configuration: a reply that contradicts its ACL verb or redirection, and replies without an enhanced code', () => {
    assert.deepEqual(findings('file:///etc/exim4/exim4.conf', EXIM_CONF), [
      '3:20-23 class-mismatch: An Exim deny needs a 5xx reply, but the message starts with 451; Exim refuses such a reply. => Change the reply to 550 5.7.1:   deny    message = 550 5.7.1 Relay not permitted',
      '5:20-23 class-mismatch: An Exim defer needs a 4xx reply, but the message starts with 550; Exim refuses such a reply. => Change the reply to 450:   defer   message = 450 Greylisted',
      '5:20-23 missing-code: The reply 550 has no enhanced status code, and Exim sends none of its own: write one such as 4.7.1. => Insert enhanced status code 4.7.1:   defer   message = 550 4.7.1 Greylisted',
      '6:20-23 missing-code: The reply 451 has no enhanced status code, and Exim sends none of its own. => no fix',
      '8:20-23 class-mismatch: An Exim deny needs a 5xx reply, but the message starts with 451; Exim refuses such a reply. => Change the reply to 550 5.7.1:           message = 550 5.7.1 Listed as a spam source',
      '9:20-23 missing-code: The reply 550 has no enhanced status code, and Exim sends none of its own: write one such as 5.7.1. => Insert enhanced status code 5.7.1:   deny    message = 550 5.7.1 Relaying not permitted',
      '12:20-23 missing-code: The reply 451 has no enhanced status code, and Exim sends none of its own. => no fix',
      '13:20-23 missing-code: The reply 550 has no enhanced status code, and Exim sends none of its own: write one such as 5.7.1. => Insert enhanced status code 5.7.1:   drop    message = 550-5.7.1 Go away',
      '15:20-23 missing-code: The reply 451 has no enhanced status code, and Exim sends none of its own. => no fix',
      '18:16-19 class-mismatch: This redirection needs a 5xx reply, but the message starts with 450; Exim refuses such a reply. => Change the reply to 550:   data = :fail: 550 User has left',
      '18:16-19 missing-code: The reply 450 has no enhanced status code, and Exim sends none of its own. => no fix',
      '19:17-20 class-mismatch: This redirection needs a 4xx reply, but the message starts with 550; Exim refuses such a reply. => Change the reply to 450:   data = :defer: 450 Mailbox moving',
      '19:17-20 missing-code: The reply 550 has no enhanced status code, and Exim sends none of its own. => no fix',
      '20:16-19 missing-code: The reply 550 has no enhanced status code, and Exim sends none of its own: write one such as 5.1.1. => Insert enhanced status code 5.1.1:   data = :fail: 550 5.1.1 Unknown user',
      '21:16-19 class-mismatch: This redirection needs a 5xx reply, but the message starts with 450; Exim refuses such a reply. => Change the reply to 550 5.1.1:   data = :fail: 550 5.1.1 User has left',
      '23:16-19 missing-code: The reply 550 has no enhanced status code, and Exim sends none of its own. => no fix',
      '26:20-23 class-mismatch: An Exim deny needs a 5xx reply, but the message starts with 454; Exim refuses such a reply. => none preferred of Change the reply to 550 5.7.0',
      '27:20-23 class-mismatch: An Exim defer needs a 4xx reply, but the message starts with 554; Exim refuses such a reply. => none preferred of Change the reply to 451 4.7.1',
    ]);
  });
});
