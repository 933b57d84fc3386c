import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { documentKind, isTestPath } from '../../server/src/documentKind';
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
});
