import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { DocumentKind } from '../../server/src/documentKind';
import { scan } from '../../server/src/scanner/scanner';

const contexts = (kind: DocumentKind, text: string) => scan(text, { kind }).map((occurrence) =>
  [occurrence.text, occurrence.context, occurrence.literal && 'literal', occurrence.action, occurrence.replyCode].filter((part) => part !== undefined).join(' '));

describe('scanner contexts read from the characters around each candidate', () => {
  test('versions, engines and section numbers in source are not codes; replies, fields and quoted codes are', () => {
    assert.deepEqual(contexts('source', `const pkg = { "version": "5.1.1", engines: { node: ">=4.2.0" } };`), []);
    assert.deepEqual(contexts('source', `logger.info('client uses library v5.1.1 on node 4.2.2');`), []);
    assert.deepEqual(contexts('source', `if (semver.satisfies(release, '5.1.1')) upgrade(); reply("550 5.7.1 Denied");`), ['5.7.1 reply 550']);
    assert.deepEqual(contexts('source', `return '5.7.8 Authentication failed'; // see RFC 5321 section 4.2.2 for details`), ['5.7.8 string']);
    assert.deepEqual(contexts('source', `const codes = { '5.1.1': 'no such user' }; reply('550 5.1.1 User unknown');`), ['5.1.1 bare literal', '5.1.1 reply 550']);
    assert.deepEqual(contexts('source', `KNOWN = %w[5.1.1 5.2.2]; ver 5.1.1; reply("550 5.7.1 Denied")`), ['5.1.1 bare literal', '5.2.2 bare literal', '5.7.1 reply 550']);
  });

  test('field keys, Haraka verdicts, split-argument replies and MTA actions', () => {
    assert.deepEqual(contexts('source', `res.json({ "enhancedStatusCode": "5.1.1", status_code: '4.2.2', esc: "5.7.26" });`), ['5.1.1 field', '4.2.2 field', '5.7.26 field']);
    assert.deepEqual(contexts('source', `send(XCODE_REJECT "5.7.1 Relaying denied"); next(DENY, '5.7.1 Go away'); setReply("550", "5.7.1", "No")`), [
      '5.7.1 field', '5.7.1 action DENY', '5.7.1 reply 550',
    ]);
    assert.deepEqual(contexts('data', `{ "dsn": "5.1.1", "node": "4.2.0", "tags": ["5.7.1"] }`), ['5.1.1 field', '4.2.0 bare literal', '5.7.1 bare literal']);
    assert.deepEqual(contexts('postfix', `spammer.example\tREJECT\t5.7.1 Go away\nother.example   5.1.6 Moved\nDEFER_IF_PERMIT 4.7.1 later`), [
      '5.7.1 action REJECT', '5.1.6 bare', '4.7.1 action DEFER_IF_PERMIT',
    ]);
    assert.deepEqual(contexts('sendmail', `From:spam.example  ERROR:5.7.1:550 Go away\nR$*  $#error $@ 5.7.1 $: "550 Denied"`), [
      '5.7.1 action ERROR: 550', '5.7.1 action $#error $@ 550',
    ]);
  });

  test('bare codes in logs and text only after their leaders and before a break, not before a number', () => {
    assert.deepEqual(contexts('mail-log', `Nov 28 10:00:01 exim 4.96 daemon: version 4.96.2 started (2.0.0) ; 4.4.1`), ['2.0.0 bare', '4.4.1 bare']);
    assert.deepEqual(contexts('mail-log', `Nov 28 10:00:02 mx1 postfix/cleanup[311]: 1A2B3C: milter-reject: END-OF-MESSAGE from host[192.0.2.1]: 5.7.1 Spam`), ['5.7.1 field']);
    assert.deepEqual(contexts('mail-log', `Nov 28 10:00:03 mx1 postfix/smtp[312]: 1A2B3C: dsn=4.4.1, status=deferred (connect to x: 4.4.1 2 retries)`), ['4.4.1 field']);
    assert.deepEqual(contexts('text', `The reply was: 5.1.1. Then 4.2.2 1 day later; 5.7.1`), ['5.1.1 bare', '5.7.1 bare']);
  });
});
