import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { documentKind } from '../../server/src/documentKind';
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
});
