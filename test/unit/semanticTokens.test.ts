/**
 * Semantic tokens as the editor receives them, in the language service: each code and reply code typed by class, wrong and
 * deprecated codes marked as the user's severities say, a range of lines, and the deltas sent after an edit.
 */
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createLanguageService } from '../../server/src/languageService';
import { SEMANTIC_TOKENS_LEGEND, semanticTokensEdits, SemanticTokensResults } from '../../server/src/features/semanticTokens';
import { resolveSettings } from '../../server/src/settings';
import { documentOf } from '../support/documents';

const service = createLanguageService();

/** The tokens decoded: `line:start+length type[ modifiers]`, with the legend's names. */
function tokens(text: string, uri: string, languageId = 'plaintext', raw: unknown = {}, lines?: [number, number]): string[] {
  const document = documentOf(text, uri, languageId);
  const range = lines && { start: { line: lines[0], character: 0 }, end: { line: lines[1], character: 0 } };
  const data = service.doSemanticTokens(document, resolveSettings(raw).settings, range);
  service.forget(uri);
  const decoded: string[] = [];
  let line = 0;
  let start = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    start = data[i] === 0 ? start + data[i + 1] : data[i + 1];
    const modifiers = SEMANTIC_TOKENS_LEGEND.tokenModifiers.filter((_, bit) => data[i + 4] & (1 << bit));
    decoded.push(`${line}:${start}+${data[i + 2]} ${SEMANTIC_TOKENS_LEGEND.tokenTypes[data[i + 3]]}${modifiers.length > 0 ? ` ${modifiers.join(',')}` : ''}`);
  }
  return decoded;
}

const ACCESS_MAP = [
  'spammer.example   550 5.7.1 Access denied',
  'old@example.com   550 4.1.1 User unknown',
  'x.example   550 5.6.10 Conversion not possible',
  'busy.example   DEFER 4.7.1 Try again later',
  'y.example   REJECT 7.1.1 Bad',
  'z.example   250 2.0.0 Ok',
  'w.example   421 4.7.99 Come back later',
].join('\n');

describe('semantic tokens', () => {
  test('a Postfix access map: reply codes and codes by class; mismatched, malformed and unregistered codes invalid; a deprecated one marked', () => {
    assert.deepEqual(tokens(ACCESS_MAP, 'file:///etc/postfix/sender_access'), [
      '0:18+3 replyCodePermanent', '0:22+5 statusCodePermanent',
      '1:18+3 replyCodePermanent', '1:22+5 statusCodeTransient invalid',
      '2:12+3 replyCodePermanent', '2:16+6 statusCodePermanent deprecated',
      '3:21+5 statusCodeTransient',
      '4:19+5 statusCode invalid',
      '5:12+3 replyCodeSuccess', '5:16+5 statusCodeSuccess',
      '6:12+3 replyCodeTransient', '6:16+6 statusCodeTransient invalid',
    ]);
  });

  test('a range of lines: only their tokens, still encoded from the top of the document', () => {
    assert.deepEqual(tokens(ACCESS_MAP, 'file:///etc/postfix/sender_access', 'plaintext', {}, [1, 2]), [
      '1:18+3 replyCodePermanent', '1:22+5 statusCodeTransient invalid',
      '2:12+3 replyCodePermanent', '2:16+6 statusCodePermanent deprecated',
    ]);
  });

  test('a check set to off marks nothing; in a log, the softer severities decide', () => {
    assert.deepEqual(tokens(ACCESS_MAP, 'file:///etc/postfix/sender_access', 'plaintext', {
      severity: { 'class-mismatch': 'off', 'deprecated-code': 'off', 'unregistered-code': 'off', 'malformed-code': 'off' },
    }).filter((token) => / (?:invalid|deprecated)/.test(token)), []);
    const log = 'Nov 30 10:00:01 mx postfix/smtp[1]: 4F2: to=<a@example.com>, relay=mx.example.com[192.0.2.1]:25, dsn=5.7.99, status=bounced (host mx.example.com[192.0.2.1] said: 550 5.7.99 Go away (in reply to RCPT TO command))';
    assert.deepEqual(tokens(log, 'file:///var/log/mail.log', 'log'), [
      '0:101+6 statusCodePermanent', '0:162+3 replyCodePermanent', '0:166+6 statusCodePermanent',
    ], 'an unregistered code in a log is not marked unless asked');
    assert.deepEqual(tokens(log, 'file:///var/log/mail.log', 'log', { severityInLogs: { 'unregistered-code': 'hint' } }), [
      '0:101+6 statusCodePermanent invalid', '0:162+3 replyCodePermanent', '0:166+6 statusCodePermanent invalid',
    ]);
  });

  test('a reply code after its code (Sendmail ERROR:5.7.1:550) comes in order of position', () => {
    assert.deepEqual(tokens('From:spammer@example.net   ERROR:5.7.1:550 Access denied\nTo:old@example.org   ERROR:4.1.1:550 User unknown', 'file:///etc/mail/access'), [
      '0:33+5 statusCodePermanent', '0:39+3 replyCodePermanent',
      '1:27+5 statusCodeTransient invalid', '1:33+3 replyCodePermanent',
    ]);
  });
});

describe('semantic token deltas', () => {
  test('one edit between the common head and tail; none when nothing changed', () => {
    assert.deepEqual(semanticTokensEdits([0, 18, 3, 6, 0, 0, 4, 5, 2, 0], [0, 18, 3, 6, 0, 0, 4, 5, 2, 0]), []);
    assert.deepEqual(semanticTokensEdits([0, 18, 3, 6, 0, 0, 4, 5, 2, 0], [0, 18, 3, 6, 0, 0, 4, 5, 1, 1]), [{ start: 8, deleteCount: 2, data: [1, 1] }]);
    assert.deepEqual(semanticTokensEdits([1, 2, 3], [1, 2, 3, 4, 5]), [{ start: 3, deleteCount: 0, data: [4, 5] }], 'tokens added at the end');
    assert.deepEqual(semanticTokensEdits([1, 2, 3, 4, 5], [4, 5]), [{ start: 0, deleteCount: 3, data: [] }], 'tokens removed at the start');
    assert.deepEqual(semanticTokensEdits([7, 7, 7], [7, 7]), [{ start: 2, deleteCount: 1, data: [] }], 'head and tail overlap in a run of equal numbers');
    assert.deepEqual(semanticTokensEdits([], [1]), [{ start: 0, deleteCount: 0, data: [1] }]);
  });

  test('a delta against the last result sent; the full tokens against an older one or a forgotten document', () => {
    const results = new SemanticTokensResults();
    const uri = 'file:///etc/postfix/sender_access';
    assert.deepEqual(results.full(uri, [0, 18, 3, 6, 0]), { resultId: '1', data: [0, 18, 3, 6, 0] });
    assert.deepEqual(results.delta(uri, '1', [0, 18, 3, 5, 0]), { resultId: '2', edits: [{ start: 3, deleteCount: 1, data: [5] }] });
    assert.deepEqual(results.delta(uri, '1', [0, 18, 3, 6, 0]), { resultId: '3', data: [0, 18, 3, 6, 0] }, 'an outdated result id');
    assert.deepEqual(results.delta('file:///etc/postfix/other_access', '3', [1]), { resultId: '4', data: [1] }, 'another document');
    results.forget(uri);
    assert.deepEqual(results.delta(uri, '3', [0, 18, 3, 6, 0]), { resultId: '5', data: [0, 18, 3, 6, 0] });
  });
});
