import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { basename, documentKind, isTestPath } from '../../server/src/documentKind';
import { fixture } from '../support/paths';

describe('document kinds', () => {
  test('from the path, whatever language the editor gave', () => {
    const cases: [string, string, string][] = [
      ['file:///var/log/maillog', 'plaintext', 'mail-log'],
      ['file:///var/log/mail.log.2', 'plaintext', 'mail-log'],
      ['file:///var/log/mail.log.3.gz', 'plaintext', 'mail-log'],
      ['file:///var/log/exim4/exim_mainlog', 'plaintext', 'mail-log'],
      ['file:///var/log/exim_rejectlog-20261128', 'plaintext', 'mail-log'],
      ['file:///home/alice/bounce.eml', 'plaintext', 'bounce'],
      ['file:///etc/postfix/sender_access', 'plaintext', 'postfix'],
      ['file:///etc/postfix/main.cf', 'properties', 'postfix'],
      ['file:///etc/mail/access', 'plaintext', 'sendmail'],
      ['file:///etc/mail/sendmail.mc', 'plaintext', 'sendmail'],
      ['file:///etc/exim4/conf.d/acl/30_exim4-config_check_rcpt', 'plaintext', 'exim'],
      ['file:///etc/smtpd.conf', 'plaintext', 'opensmtpd'],
      ['file:///src/server.py', 'python', 'source'],
      ['file:///app/package.json', 'json', 'data'],
      ['file:///app/Gemfile.lock', 'plaintext', 'data'],
      ['file:///notes/todo.txt', 'plaintext', 'text'],
    ];
    for (const [uri, languageId, kind] of cases) assert.equal(documentKind(uri, languageId), kind, uri);
  });

  test('from the content, for untitled buffers and files without telling names', () => {
    assert.equal(documentKind('untitled:Untitled-1', 'plaintext', fixture('bounces/dsn.eml')), 'bounce');
    assert.equal(documentKind('untitled:Untitled-2', 'plaintext', fixture('logs/mail.log')), 'mail-log');
    assert.equal(documentKind('untitled:Untitled-3', 'plaintext', fixture('logs/exim_mainlog')), 'mail-log');
    assert.equal(documentKind('untitled:Untitled-4', 'plaintext', fixture('logs/qmail-current')), 'mail-log');
    assert.equal(documentKind('untitled:Untitled-5', 'plaintext', fixture('config/exim/exim4.conf')), 'exim');
    assert.equal(documentKind('untitled:Untitled-6', 'plaintext', fixture('config/postfix/header_checks')), 'postfix');
    assert.equal(documentKind('untitled:Untitled-7', 'plaintext', fixture('config/sendmail/sendmail.mc')), 'sendmail');
    assert.equal(documentKind('untitled:Untitled-8', 'plaintext', 'Shopping list\n- milk\n- 2 eggs\n'), 'text');
  });

  test('the language and the content come before a directory: a program is code, documentation is prose', () => {
    assert.equal(documentKind('file:///src/postfix/src/smtpd/smtpd_check.c', 'c'), 'source');
    assert.equal(documentKind('file:///src/postfix/README_FILES/SMTPD_ACCESS_README', 'plaintext'), 'text');
    assert.equal(documentKind('file:///src/postfix/html/access.5.html', 'plaintext'), 'text');
    assert.equal(documentKind('file:///src/postfix/man/man5/access.5', 'plaintext'), 'text');
    assert.equal(documentKind('file:///docs/setup.md', 'markdown'), 'text');
    const proto = [
      '%PARAM access_map_reject_code 554', '',
      '<p> The numerical Postfix SMTP server response code for', 'an access(5) map "reject" action. </p>', '',
      '<p> Do not change this unless you have a complete understanding of RFC 5321. </p>', '',
      '%PARAM access_map_defer_code 450', '',
      '<p> The numerical Postfix SMTP server response code for', 'an access(5) map "defer" action, including "defer_if_permit"',
      'or "defer_if_reject". Prior to Postfix 2.6, the response', 'is hard-coded as "450". </p>',
    ].join('\n');
    assert.equal(documentKind('file:///src/postfix/proto/postconf.proto', 'plaintext', proto), 'text');
    const readme = 'Postfix access restrictions\n\nThe examples below show how each restriction list is evaluated in turn.\nEach entry maps a key to PERMIT, REJECT or DEFER and the text the client sees.\n\n    smtpd_recipient_restrictions =\n        permit_mynetworks, reject_unauth_destination\n\nThe server stops at the first restriction that gives a definite answer.\nUse DUNNO to stop the search within one table without a verdict.\n';
    assert.equal(documentKind('file:///etc/postfix/notes', 'plaintext', readme), 'text', 'prose with an indented example is still prose');
    assert.equal(documentKind('file:///etc/postfix/conf.d/empty', 'plaintext', '# managed elsewhere\n'), 'postfix', 'a directory decides where the content says nothing');
  });

  test('an action word of another program, a test name or a mail message is not an MTA table', () => {
    assert.equal(documentKind('file:///etc/fail2ban/action.d/iptables.conf', 'plaintext', '[Init]\nblocktype = REJECT --reject-with icmp-port-unreachable\n'), 'text');
    assert.equal(documentKind('file:///tests/dmarc.robot', 'plaintext', '*** Test Cases ***\nDMARC REJECT FAIL\n  Scan File  fail_reject.eml\n'), 'text');
    const message = 'Return-Path: <bugzilla@example.org>\nReceived: from mx.example.org by mail.example.com\nMessage-ID: <1@example.org>\nSubject: [Bug 531] New: whitelist_to problem\n\nBody text\n';
    assert.equal(documentKind('file:///t/data/nice/005', 'plaintext', message), 'bounce', 'received mail is read-only like a bounce');
    assert.equal(documentKind('untitled:Untitled-9', 'plaintext', 'spammer@example.net   REJECT 4.7.1 Go away\n192.0.2.0/24   DEFER Try again later\n'), 'postfix');
  });

  test('every file name form each kind lists', () => {
    const forms: Record<string, string[]> = {
      postfix: ['/etc/postfix/header_checks', '/etc/postfix/body_checks.pcre', '/etc/postfix/smtp_header_checks', '/etc/postfix/relocated',
        '/etc/postfix/transport', '/etc/postfix/canonical', '/etc/postfix/smtp_reply_filter', '/etc/postfix/spam.regexp', '/etc/postfix/clients.cidr',
        '/etc/postfix/master.cf', '/etc/postfix/access.hash', '/etc/postfix/recipient_access.pcre', '/header_checks'],
      sendmail: ['/etc/mail/virtusertable', '/etc/mail/mailertable', '/etc/mail/submit.cf'],
      exim: ['/etc/exim4/exim4.conf.template', '/etc/exim/exim.conf'],
      data: ['/app/requirements-dev.txt', '/app/CHANGELOG.md', '/app/go.sum', '/app/Pipfile', '/app/RELEASE_NOTES.txt'],
      text: ['/app/README.md', '/app/INSTALL', '/usr/share/man/man8/postfix.8', '/app/docs/guide.rst', '/usr/share/doc/postfix/postfix_README'],
      'mail-log': ['/var/log/mail.err', '/var/log/mail.warn.1', '/var/log/exim4/paniclog', '/var/log/mail.log-20261128.gz', '/srv/postfix.log',
        '/srv/postfix.log.1', '/var/log/smtp.log.3'],
      bounce: ['/home/a/inbox.mbox', '/home/a/returned.msg', '/home/a/report.dsn'],
    };
    for (const [kind, paths] of Object.entries(forms)) {
      for (const path of paths) assert.equal(documentKind(`file://${path}`, 'plaintext'), kind, path);
    }
  });

  test('the kind of each language the editor names, whatever the text', () => {
    const kinds: Record<string, string[]> = {
      'mail-log': ['log', 'maillog'], bounce: ['email', 'eml'], postfix: ['postfix'], exim: ['exim'], sendmail: ['sendmail', 'm4'],
      data: ['json', 'jsonc', 'jsonl', 'yaml', 'toml', 'xml', 'csv', 'tsv', 'sql'],
      text: ['markdown', 'html', 'restructuredtext', 'asciidoc', 'latex', 'tex', 'troff', 'groff', 'man'],
      source: ['javascript', 'javascriptreact', 'typescript', 'typescriptreact', 'python', 'go', 'java', 'csharp', 'c', 'cpp',
        'php', 'ruby', 'perl', 'perl6', 'rust', 'shellscript', 'lua', 'kotlin', 'scala', 'swift', 'elixir', 'erlang', 'haskell',
        'powershell', 'vb', 'fsharp', 'dart', 'groovy', 'clojure', 'r', 'nim', 'zig', 'tcl'],
    };
    assert.equal(documentKind('untitled:Untitled-1', 'plaintext', 'begin acl\n'), 'exim', 'plain text is read by its content');
    for (const [kind, languages] of Object.entries(kinds)) {
      // Content that reads as another kind: the language id decides before it.
      const content = kind === 'exim' ? 'smtpd_banner = $myhostname ESMTP\n' : 'begin acl\n';
      for (const language of languages) assert.equal(documentKind('untitled:Untitled-1', language, content), kind, language);
    }
  });

  test('test sources and test data are told by their directory or name', () => {
    const tests = ['tests/fixtures/a.js', 'test/a.js', 'spec/a.rb', '__tests__/a.js', 'testdata/a.txt', 't/basic.t', 'test_reply.py', 'reply_test.go', 'reply.test.ts', 'reply.spec.js'];
    for (const path of tests) assert.equal(isTestPath(`file:///repo/${path}`), true, path);
    const others = ['contest/a.js', 'latest.js', 'testimony.txt', 'src/reply.ts', 'src/a.js?x=tests/', 'my%20tests/a.js'];
    for (const path of others) assert.equal(isTestPath(`file:///repo/${path}`), false, path);
  });

  test('names that only look like a telling name leave the kind to the content', () => {
    const cases: [string, string, string][] = [
      // [path, content, kind]
      ['/srv/app/Gemfile.example', '', 'text'],
      ['/srv/app/requirements.txt.orig', '', 'text'],
      ['/srv/reports/q3.summary', '', 'text'],
      ['/srv/mail/changes/access', '', 'postfix'],
      ['/home/me/notes/maillog-analysis.md', '', 'text'],
      ['/var/log/mail.log.old', '', 'text'],
      ['/srv/app/build.log.html', '', 'text'],
      ['/etc/postfix/blocklist.2.cidr', '', 'postfix'],
      ['/etc/postfix/README.conf', 'smtpd_banner = $myhostname ESMTP\n', 'text'],
      ['/srv/mail/TODO_access', '', 'text'],
      ['/srv/mail/readme_first', 'smtpd_banner = $myhostname ESMTP\n', 'text'],
      ['/srv/mail/my_README', 'smtpd_banner = $myhostname ESMTP\n', 'text'],
      ['/srv/mail/READMEFIRST', 'smtpd_banner = $myhostname ESMTP\n', 'postfix'],
      ['/srv/mail/bounces.eml.txt', '', 'text'],
      ['/srv/mail/smtpd.conf.orig', '', 'text'],
      ['/srv/mail/old-smtpd.conf', '', 'text'],
      ['/srv/mail/sendmail.cf.bak', '', 'text'],
      ['/srv/mail/mysendmail.cf', '', 'text'],
      ['/srv/mail/virtusertable.txt', '', 'text'],
      ['/srv/mail/exim.conf.bak', '', 'text'],
      ['/srv/mail/myexim.conf', '', 'text'],
      ['/srv/mail/main.cf.orig', '', 'text'],
      ['/srv/mail/domain.cf', '', 'text'],
      ['/srv/mail/accesslist', '', 'text'],
      ['/srv/mail/access.json.txt', '', 'text'],
      ['/srv/mail/header_checks_old/notes', '', 'text'],
      ['/srv/mail/transport.txt', '', 'text'],
      ['/srv/mail/spam.pcre.bak', '', 'text'],
    ];
    for (const [path, content, kind] of cases) assert.equal(documentKind(`file://${path}`, 'plaintext', content), kind, path);
  });

  test('more names that tell the kind', () => {
    const forms: Record<string, string[]> = {
      data: ['/srv/app/yarn.lock', '/srv/app/Gemfile', '/srv/app/Podfile', '/srv/app/CHANGES', '/srv/app/NEWS', '/srv/app/HISTORY.rst',
        '/srv/app/RELEASE-NOTES.md', '/srv/app/RELEASENOTES', '/srv/app/requirements.txt'],
      'mail-log': ['/var/log/mail.info', '/var/log/exim_paniclog', '/var/log/exim4/mainlog', '/var/log/exim4/rejectlog.1', '/var/log/maillog.2.gz',
        '/var/log/mail.err-20261128', '/srv/relay/debug.LOG'],
      text: ['/srv/doc/guide.markdown', '/srv/doc/index.htm', '/srv/doc/index.html', '/srv/doc/manual.adoc', '/srv/doc/postfix.texi',
        '/usr/share/man/man5/access.5', '/usr/share/man/man1/mailq.1', '/srv/app/FAQ', '/srv/app/TODO.txt', '/srv/app/COPYING', '/srv/app/AUTHORS',
        '/srv/app/THANKS', '/srv/app/README-postfix', '/srv/app/INSTALL_notes.txt'],
      opensmtpd: ['/etc/mail/smtpd.conf', '/usr/local/etc/SMTPD.CONF'],
      sendmail: ['/etc/mail/sendmail.cf', '/srv/mail/mailertable', '/srv/mail/relay.mc'],
      exim: ['/srv/mail/exim.conf', '/srv/mail/exim4-custom.conf'],
      postfix: ['/srv/mail/main.cf', '/srv/mail/client_access', '/srv/mail/access', '/srv/mail/access.pcre', '/srv/mail/access.regexp',
        '/srv/mail/access.cidr', '/srv/mail/sender_access.texthash', '/srv/mail/body_checks', '/srv/mail/mime_header_checks.pcre',
        '/srv/mail/relocated', '/srv/mail/transport', '/srv/mail/canonical', '/srv/mail/smtpd_reply_filter', '/srv/mail/helo.regexp'],
      bounce: ['/srv/mail/returned.EML'],
    };
    for (const [kind, paths] of Object.entries(forms)) {
      // Content that reads as another kind: the name decides before it.
      const content = kind === 'exim' ? 'smtpd_banner = $myhostname ESMTP\n' : 'begin acl\n';
      for (const path of paths) assert.equal(documentKind(`file://${path}`, 'plaintext', content), kind, path);
    }
  });

  test('what each kind of text starts with, in an untitled buffer', () => {
    const cases: [string, string][] = [
      ['Reporting-MTA: dns; mx1.example.com\nArrival-Date: Sat, 28 Nov 2026 06:25:17 +0000\n', 'bounce'],
      ['Final-Recipient: rfc822; carol@example.org\nAction: failed\nStatus: 5.1.1\n', 'bounce'],
      ['Original-Recipient: rfc822;carol@example.org\n', 'bounce'],
      ['Action: failed\ndiagnostic-code: smtp; 550 5.1.1 User unknown\n', 'bounce'],
      ['--B1C21A0F2.1764311117/mx1.example.com\nContent-Type: message/delivery-status\n', 'bounce'],
      ['Look at the Diagnostic-Code: field first\n', 'text'],
      ['X-Final-Recipient: nobody\n', 'text'],
      ['Nov 28 06:25:14 mx1 postfix/submission/smtpd[21873]: connect from laptop[192.0.2.50]\n', 'mail-log'],
      ['Nov 28 06:25:14 mx1 postfix-out/smtp[21873]: 4B1C21A0F2: to=<a@example.net>\n', 'text'],
      ['Nov 28 07:00:01 relay sendmail[5001]: 2ASM01ab005001: from=<alice@example.com>, size=2048\n', 'mail-log'],
      ['Nov 28 07:00:01 relay sm-mta[5001]: 2ASM01ab005001: to=<bob@example.net>, stat=Sent\n', 'mail-log'],
      ['Nov 28 07:00:01 relay sendmail: started\nNov 28 07:00:01 relay sm-mta[]: x\n', 'text'],
      ['2026-11-28 06:30:03 1tGqXa-0004Ab-1F => bob@example.net R=dnslookup T=remote_smtp\n', 'mail-log'],
      ['2026-11-28 06:30:02.412 [1200] 1tGqXa-0004Ab-1F <= alice@example.com H=(laptop.example.com) [192.0.2.50]\n', 'mail-log'],
      ['2026-11-28 06:30:02 1tGqXa-00000004Ab1-1Fz2 -> carol@example.org R=virtual\n', 'mail-log'],
      ['2026-11-28 06:30:02 1tGqXa-0004Ab-1F ** carol@example.org: Unrouteable address\n', 'mail-log'],
      ['2026-11-28 06:30:02 1tGqXa-0004Ab-1F == dave@example.org R=dnslookup T=remote_smtp defer (-53): retry time not reached\n', 'mail-log'],
      ['2026-11-28 06:30:02 1tGqXa-0004Ab-1F Completed\n', 'mail-log'],
      ['2026-11-28 06:30:02 backup-of-all-users-1F => tape\n', 'text'],
      ['Seen in the log: 2026-11-28 06:30:02 1tGqXa-0004Ab-1F Completed\n', 'text'],
      ['2026-11-28 06:30:02 1tGqX-0004Ab-1F => tape\n', 'text'],
      ['Nov 28 06:25:14 mx1 smtpd[4123]: 2d4c8f1ab0c3e5f7 smtp connected address=192.0.2.50 host=laptop.example.com\n', 'mail-log'],
      ['Nov 28 06:25:14 mx1 smtpd[4123]: 2d4c8f1ab0c3 smtp connected\n', 'text'],
      ['@400000006747c8a10c1b2e3c new msg 9483012\n', 'mail-log'],
      ['@400000006747c8a10c1b3a74 info msg 9483012: bytes 2381 from <alice@example.com> qp 31002 uid 89\n', 'mail-log'],
      ['@400000006747c8a10c1f6d2c starting delivery 4471: msg 9483012 to remote bob@example.net\n', 'mail-log'],
      ['@400000006747c8a20a2b1c44 delivery 4471: success: 192.0.2.25_accepted_message./\n', 'mail-log'],
      ['@400000006747c8a20a2b1c44 status: local 0/10 remote 1/20\n', 'mail-log'],
      ['@400000006747c8a20a2b1c4 new msg 9483012\n', 'text'],
      ['> @400000006747c8a10c1b2e3c new msg 9483012\n', 'text'],
      ['Nov 28 06:25:14 mx1 smtpd[4123]: a client went away\n', 'text'],
      ['From alice@example.com Sat Nov 28 06:30:01 2026\nReturn-Path: <alice@example.com>\nDelivered-To: bob@example.net\nSubject: Lunch\n\nSee you at noon.\n', 'bounce'],
      ['Received: from mx.example.org\n\tby mail.example.com with ESMTP\nDKIM-Signature: v=1; a=rsa-sha256;\n d=example.org\nAuthentication-Results: mail.example.com; spf=pass\nARC-Seal: i=1\n', 'bounce'],
      ['MIME-Version: 1.0\nContent-Type: text/plain\nReply-To: a@example.org\n', 'bounce'],
      ['Sender: b@example.org\nX-Mailer: mutt\nDate: Sat, 28 Nov 2026 06:30:01 +0000\n', 'bounce'],
      ['To: bob@example.net\nFrom: alice@example.com\nMessage-ID: <1@example.com>\n', 'bounce'],
      ['To: bob@example.net\nSubject: Lunch\n\nSee you.\n', 'text'],
      ['Notes\nReturn-Path: <a@example.org>\nReceived: from mx.example.org\nSubject: Lunch\n', 'text'],
      ['listen on lo0\n', 'opensmtpd'],
      ['  listen on egress tls pki mx1.example.com\n', 'opensmtpd'],
      ['action "local" mbox alias <aliases>\n', 'opensmtpd'],
      ['action out relay\n', 'opensmtpd'],
      ['action "in" maildir "~/Maildir"\n', 'opensmtpd'],
      ['action "lda" lmtp "/var/dovecot/lmtp"\n', 'opensmtpd'],
      ['match from any for domain "example.org" action "local"\n', 'opensmtpd'],
      ['match for any action "out"\n', 'opensmtpd'],
      ['filter "rdns" phase connect match !rdns disconnect "550 5.7.25 no rDNS"\n', 'opensmtpd'],
      ['filter check_helo phase helo match helo regex "^[0-9.]+$" reject "550 no"\n', 'opensmtpd'],
      ['action  "local_mail"\tmaildir "~/Maildir"\n', 'opensmtpd'],
      ['match  from any\tfor domain "example.org" action "local_mail"\n', 'opensmtpd'],
      ['filter\tcheck_rdns  phase connect match !rdns disconnect "550 5.7.25 no rDNS"\n', 'opensmtpd'],
      ['The daemon will listen on port 25 once started.\n', 'text'],
      ['matches from the list\n', 'text'],
      ['action taken\n', 'text'],
      ['begin acl\n', 'exim'],
      ['acl_smtp_rcpt = acl_check_rcpt\n', 'exim'],
      ['  deny message = 550 5.7.1 Relay not permitted\n', 'exim'],
      ['defer message = 451 4.7.1 Try later\n', 'exim'],
      ['drop   message  = 554 5.7.1 Go away\n', 'exim'],
      ['divert(-1)\n', 'sendmail'],
      ['dnl # the local configuration\n', 'sendmail'],
      ["FEATURE(`access_db')\n", 'sendmail'],
      ["OSTYPE(`linux')\n", 'sendmail'],
      ['MAILER(smtp)\n', 'sendmail'],
      ['R$*\t$#error $@ 5.7.1 $: "550 Relaying denied"\n', 'sendmail'],
      ['From:spammer@example.net\tERROR:"550 5.7.1 Go away"\n', 'sendmail'],
      ['To:example.org\tRELAY\n', 'sendmail'],
      ['Connect:192.0.2.1 REJECT\n', 'sendmail'],
      ['Connect:10.0.0\tDISCARD\n', 'sendmail'],
      ['myhostname = mx1.example.com\n', 'postfix'],
      ['mydestination=$myhostname, localhost\n', 'postfix'],
      ['smtp_tls_security_level = may\n', 'postfix'],
      ['relayhost = [smtp.example.net]:587\n', 'postfix'],
      ['mynetworks = 127.0.0.0/8\n', 'postfix'],
      ['virtual_alias_maps = hash:/etc/postfix/virtual\n', 'postfix'],
      ['  smtpd_helo_required = yes\n', 'postfix'],
      ['/^Subject:.*viagra/i REJECT spam\n', 'postfix'],
      ['!/^mail\\.example\\.com$/ DUNNO\n', 'postfix'],
      ['@example.com OK\n', 'postfix'],
      ['example.com REJECT\n', 'postfix'],
      ['.example.com  DEFER_IF_PERMIT Try later\n', 'postfix'],
      ['192.0.2 HOLD\n', 'postfix'],
      ['192.0.2.0/24 DISCARD\n', 'postfix'],
      ['[2001:db8::1] REJECT\n', 'postfix'],
      ['[192.0.2.1]/32 WARN listed\n', 'postfix'],
      ['mail.example.com PREPEND X-Relay: yes\n', 'postfix'],
      ['spam@example.com REDIRECT quarantine@example.com\n', 'postfix'],
      ['example.net FILTER smtp:[127.0.0.1]:10025\n', 'postfix'],
      ['example.net DEFER_IF_REJECT\n', 'postfix'],
      ['example.net DEFER\n', 'postfix'],
      ['example.net 550 No thanks\n', 'postfix'],
      ['example.net 450\n', 'postfix'],
      ['example.net OK -- fine\n', 'text'],
      ['example.net REJECTED\n', 'text'],
    ];
    assert.deepEqual(cases.map(([text]) => [text, documentKind('untitled:Untitled-1', 'plaintext', text)]), cases);
  });

  test('prose: four lines of sentences or markup, more than the other lines, comments aside', () => {
    const sentence = 'The relay rejects mail from hosts without reverse DNS.';
    const other = 'smtpd_helo_required = yes';
    const kindOf = (lines: string[]) => documentKind('file:///etc/postfix/notes', 'plaintext', lines.join('\n'));
    assert.equal(kindOf([sentence, sentence, sentence, sentence, other, other, other]), 'text');
    assert.equal(kindOf([sentence, sentence, sentence, other]), 'postfix');
    assert.equal(kindOf([sentence, sentence, sentence, sentence, other, other, other, other]), 'postfix');
    assert.equal(kindOf(['<ul>', '<li> Reject mail from hosts without reverse DNS </li>', '</ul>', '<!-- generated -->', other]), 'text');
    assert.equal(kindOf(['.TH ACCESS 5', '.SH NAME', 'access \\- Postfix SMTP server access table', '.SH DESCRIPTION', '.PP', other]), 'text');
    assert.equal(kindOf(['* Reject mail from hosts without reverse DNS', '> Quoted from the manual page of access', '- every line a bullet of the list',
      '(Reject mail from such hosts, always.)', other]), 'text');
    const comments = ['# The relay rejects mail from hosts without reverse DNS.', '// and so on, with many words in a row', '; said the admin of the mail relay',
      'dnl the macro file of the sendmail relay', '-- an SQL comment of several words here'];
    assert.equal(kindOf([...comments, other]), 'sendmail', 'comments are not prose; an m4 comment tells Sendmail');
    assert.equal(kindOf(['', '   ', sentence, sentence, sentence, sentence, other]), 'text');
    assert.equal(kindOf(['a b c d e', 'x y z w v', 'q r s t u', 'k l m n o', other]), 'text');
    assert.equal(kindOf(['550 is a code', '450 is a code', '421 is a code', '554 is a code', other]), 'postfix', 'a sentence starts with a word');
  });

  test('the name is read from the URI\'s path: without query or fragment, decoded where it can be', () => {
    assert.equal(documentKind('vscode-vfs://github/acme/mail/postfix/main.cf?ref=main', 'plaintext'), 'postfix');
    assert.equal(documentKind('vscode-vfs://github/acme/mail/notes.txt?ref=main#/etc/postfix/main.cf', 'plaintext'), 'text');
    assert.equal(documentKind('file:///srv/mail/sendmail%2Emc', 'plaintext'), 'sendmail');
    assert.equal(documentKind('file:///srv/100%/main.cf', 'plaintext'), 'postfix', 'a stray % is read as written');
    assert.deepEqual(['file:///srv/mail/main.cf?ref=main', 'file:///srv/Mail%20Rules/sender%20access#top', 'file:///srv/100%25/50%.txt', 'untitled:Untitled-1'].map(basename),
      ['main.cf', 'sender access', '50%.txt', 'untitled:Untitled-1']);
    assert.equal(isTestPath('file:///repo/my%20tests/a.js'), false);
    assert.equal(isTestPath('file:///repo/100%/tests/a.js'), true);
    assert.deepEqual(['reply.test.ts?v=2', 'reply_test.go#L10', 'test_reply.py?x', 'src/reply.ts?test_x'].map((path) => isTestPath(`file:///repo/${path}`)), [true, true, true, false]);
  });

  test('only the first 4096 characters are read', () => {
    const filler = `${'-'.repeat(79)}\n`.repeat(52);
    assert.equal(documentKind('untitled:Untitled-1', 'plaintext', `${filler}myhostname = mx1.example.com\n`), 'text');
    assert.equal(documentKind('untitled:Untitled-1', 'plaintext', `${filler.slice(0, 4000)}\nmyhostname = mx1.example.com\n`), 'postfix');
  });
});
