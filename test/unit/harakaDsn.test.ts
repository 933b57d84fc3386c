import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { dsnCalls } from '../../server/src/features/harakaDsn';
import { createLanguageService } from '../../server/src/languageService';

/** What Haraka replies for each DSN helper call in a plugin, as hover and inlay hints show it. */

/** Each helper called without arguments, and the reply it gives: its default reply code, its code and its text. */
const HELPER_REPLIES: string[] = [
  "unspecified 450 4.0.0 Other undefined status",
  "addr_unspecified 450 4.1.0 Other address status",
  "addr_bad_dest_mailbox 550 5.1.1 Bad destination mailbox address",
  "addr_bad_dest_system 550 5.1.2 Bad destination system address",
  "addr_bad_dest_syntax 550 5.1.3 Bad destination mailbox address syntax",
  "addr_dest_ambigous 450 4.1.4 Destination mailbox address ambiguous",
  "addr_rcpt_ok 220 2.1.5 Destination address valid",
  "addr_mbox_moved 550 5.1.6 Destination mailbox has moved, No forwarding address",
  "addr_bad_from_syntax 550 5.1.7 Bad sender's mailbox address syntax",
  "addr_bad_from_system 550 5.1.8 Bad sender's system address",
  "mbox_unspecified 450 4.2.0 Other or undefined mailbox status",
  "mbox_disabled 550 5.2.1 Mailbox disabled, not accepting messages",
  "mbox_full 450 4.2.2 Mailbox full",
  "mbox_msg_too_long 550 5.2.3 Message length exceeds administrative limit",
  "mbox_list_expansion_problem 450 4.2.4 Mailing list expansion problem",
  "sys_unspecified 450 4.3.0 Other or undefined mail system status",
  "sys_disk_full 450 4.3.1 Mail system full",
  "sys_not_accepting_mail 450 4.3.2 System not accepting network messages",
  "sys_not_supported 450 4.3.3 System not capable of selected features",
  "sys_msg_too_big 550 5.3.4 Message too big for system",
  "sys_incorrectly_configured 450 4.3.5 System incorrectly configured",
  "net_unspecified 450 4.4.0 Other or undefined network or routing status",
  "net_no_answer 450 4.4.1 No answer from host",
  "net_bad_connection 450 4.4.2 Bad connection",
  "net_directory_server_failed 450 4.4.3 Directory server failure",
  "net_unable_to_route 550 5.4.4 Unable to route",
  "net_system_congested 450 4.4.5 Mail system congestion",
  "net_routing_loop 550 5.4.6 Routing loop detected",
  "net_delivery_time_expired 550 5.4.7 Delivery time expired",
  "proto_unspecified 450 4.5.0 Other or undefined protocol status",
  "proto_invalid_command 550 5.5.1 Invalid command",
  "proto_syntax_error 550 5.5.2 Syntax error",
  "proto_too_many_recipients 450 4.5.3 Too many recipients",
  "proto_invalid_cmd_args 550 5.5.4 Invalid command arguments",
  "proto_wrong_version 450 4.5.5 Wrong protocol version",
  "media_unspecified 450 4.6.0 Other or undefined media error",
  "media_unsupported 550 5.6.1 Media not supported",
  "media_conv_prohibited 550 5.6.2 Conversion required and prohibited",
  "media_conv_unsupported 450 4.6.3 Conversion required but not supported",
  "media_conv_lossy 450 4.6.4 Conversion with loss performed",
  "media_conv_failed 450 4.6.5 Conversion failed",
  "sec_unspecified 450 4.7.0 Other or undefined security status",
  "sec_unauthorized 550 5.7.1 Delivery not authorized, message refused",
  "sec_list_expn_prohibited 550 5.7.2 Mailing list expansion prohibited",
  "sec_conv_failed 550 5.7.3 Security conversion required but not possible",
  "sec_feature_unsupported 550 5.7.4 Security features not supported",
  "sec_crypto_failure 550 5.7.5 Cryptographic failure",
  "sec_crypto_algo_unsupported 450 4.7.6 Cryptographic algorithm not supported",
  "sec_msg_integrity_failure 550 5.7.7 Message integrity failure",
  "no_such_user 550 5.1.1 No such user",
  "temp_resolver_failed 450 4.4.3 Temporary address resolution failure",
  "too_many_hops 550 5.4.6 Too many hops",
  "bad_sender_ip 550 5.7.1 Bad sender IP",
  "relaying_denied 550 5.7.1 Relaying denied",
];

describe('Haraka DSN helper calls', () => {
  test('each helper gives its own reply code, enhanced code and text', () => {
    assert.deepEqual(HELPER_REPLIES.map((row) => {
      const name = row.split(' ')[0];
      return `${name} ${dsnCalls(`    return next(DENY, DSN.${name}());`).map((call) => call.reply).join(' | ')}`;
    }), HELPER_REPLIES);
  });

  test('a call\'s own text and a reply code as its last argument change the reply; other arguments do not', () => {
    const cases: [string, string[]][] = [
      ['next(DENYSOFT, DSN.relaying_denied(\'Not here\', 450));', ['450 4.7.1 Not here']],
      ['next(DENY, DSN.sec_unauthorized("Blocked, see https://example.com/why"));', ['550 5.7.1 Blocked, see https://example.com/why']],
      ['next(DENYSOFT, DSN.mbox_full(\'Quota exceeded, try later\', 452));', ['452 4.2.2 Quota exceeded, try later']],
      ['next(DENY, DSN.mbox_full(`Quota of ${user} exceeded`, 552));', ['552 5.2.2 Quota of ${user} exceeded']],
      ['next(DENY, DSN.addr_bad_dest_system( \'No such domain\' , 551 ));', ['551 5.1.2 No such domain']],
      ['next(DENY, DSN.mbox_full(msg + \', sorry\'));', ['450 4.2.2 Mailbox full']],
      ['next(DENY, DSN.mbox_full(\'Quota\' + reason));', ['450 4.2.2 Mailbox full']],
      ['next(DENY, DSN.mbox_full(\'unterminated));', ['450 4.2.2 Mailbox full']],
      ['next(DENY, DSN.mbox_full(450));', ['450 4.2.2 Mailbox full']],
      ['next(DENY, DSN.mbox_full(msg, 4500));', ['450 4.2.2 Mailbox full']],
      ['next(DENY, DSN.mbox_full(msg, 352));', ['450 4.2.2 Mailbox full']],
      ['next(DENY, DSN.mbox_full(msg, 552, extra));', ['450 4.2.2 Mailbox full']],
      ['next(DENY, DSN.no_such_user(), DSN.net_no_answer(\'later\', 451));', ['550 5.1.1 No such user', '451 4.4.1 later']],
      ['next(DENY, DSN.not_a_helper(), MyDSN.no_such_user());', []],
    ];
    for (const [line, replies] of cases) assert.deepEqual(dsnCalls(line).map((call) => call.reply), replies, line);
  });

  test('hover on a call, from its first character to its closing parenthesis, shows the reply and the code it carries', () => {
    const service = createLanguageService();
    const line = '        return next(DENYSOFT, DSN.mbox_full(\'Quota exceeded, try later\', 452));';
    const document = TextDocument.create('file:///srv/haraka/plugins/quota.js', 'javascript', 1, `${line}\n`);
    const hoverAt = (character: number) => {
      const hover = service.doHover(document, { line: 0, character });
      const value = (hover?.contents as { value: string } | undefined)?.value ?? '';
      return hover && `${hover.range!.start.character}-${hover.range!.end.character} ${value.split('\n').slice(0, 5).join(' / ')}`;
    };
    const start = line.indexOf('DSN.');
    const end = line.lastIndexOf(')');
    const expected = `${start}-${end} Haraka replies \`452 4.2.2 Quota exceeded, try later\` /  / --- /  / **4.2.2** Mailbox full`;
    assert.equal(hoverAt(start), expected);
    assert.equal(hoverAt(end), expected);
    assert.equal(hoverAt(start - 1), null);
    assert.notEqual(hoverAt(end + 1), expected);
  });
});
