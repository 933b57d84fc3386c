/**
 * Folding in bounces, as a reader of a delivery status notification meets it: the delivery-status part, each of its field
 * groups, and the headers of the returned message fold; nothing else does.
 */
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createLanguageService } from '../../server/src/languageService';
import { documentOf } from '../support/documents';

const service = createLanguageService();

/** The folds of a message as [first line, last line], each a region. */
function folds(text: string, uri = 'file:///home/alice/Mail/bounce.eml'): [number, number][] {
  const ranges = service.doFoldingRanges(documentOf(text, uri));
  service.forget(uri);
  assert.ok(ranges.every((range) => range.kind === 'region'));
  return ranges.map((range) => [range.startLine, range.endLine]);
}

const POSTFIX_BOUNCE = [
  'From: MAILER-DAEMON@mx.example.org (Mail Delivery System)', // 0
  'Subject: Undelivered Mail Returned to Sender',
  'MIME-Version: 1.0',
  'Content-Type: multipart/report; report-type=delivery-status;',
  '\tboundary="4F2A31C0E2.1701338401/mx.example.org"',
  '', // 5
  'This is a MIME-encapsulated message.',
  '',
  '--4F2A31C0E2.1701338401/mx.example.org',
  'Content-Description: Notification',
  'Content-Type: text/plain; charset=us-ascii', // 10
  '',
  "I'm sorry to have to inform you that your message could not",
  'be delivered to one or more recipients.',
  '',
  '--4F2A31C0E2.1701338401/mx.example.org', // 15
  'Content-Description: Delivery report',
  'Content-Type: message/delivery-status',
  '',
  'Reporting-MTA: dns; mx.example.org',
  'X-Postfix-Queue-ID: 4F2A31C0E2', // 20
  'Arrival-Date: Thu, 30 Nov 2026 10:00:01 +0000 (UTC)',
  '',
  'Final-Recipient: rfc822; bob@example.com',
  'Action: failed',
  'Status: 5.1.1', // 25
  'Diagnostic-Code: smtp; 550 5.1.1 <bob@example.com>: Recipient address',
  '    rejected: User unknown in local recipient table',
  '',
  '--4F2A31C0E2.1701338401/mx.example.org',
  'Content-Description: Undelivered Message Headers', // 30
  'Content-Type: text/rfc822-headers',
  '',
  'Return-Path: <alice@example.org>',
  'Received: by mx.example.org (Postfix, from userid 1000)',
  '\tid 4F2A31C0E2; Thu, 30 Nov 2026 10:00:01 +0000 (UTC)', // 35
  'To: bob@example.com',
  'Subject: Quarterly report',
  '',
  '--4F2A31C0E2.1701338401/mx.example.org--',
  '', // 40
].join('\n');

const POSTFIX_FOLDS: [number, number][] = [[16, 27], [19, 21], [23, 27], [33, 37]];

describe('folding in bounces', () => {
  test('a Postfix bounce: the report part, its per-message and per-recipient groups, the returned headers', () => {
    assert.deepEqual(folds(POSTFIX_BOUNCE), POSTFIX_FOLDS);
  });

  test('the same with CRLF line ends, and with the boundary unquoted or its delimiter followed by spaces', () => {
    assert.deepEqual(folds(POSTFIX_BOUNCE.replace(/\n/g, '\r\n')), POSTFIX_FOLDS);
    const unquoted = POSTFIX_BOUNCE.replace('boundary="4F2A31C0E2.1701338401/mx.example.org"', 'boundary=4F2A31C0E2.1701338401/mx.example.org; charset=us-ascii');
    assert.deepEqual(folds(unquoted), POSTFIX_FOLDS);
    const spaced = POSTFIX_BOUNCE.split('\n').map((line) => (line.startsWith('--4F2A') ? `${line}  ` : line)).join('\n');
    assert.deepEqual(folds(spaced), POSTFIX_FOLDS);
    const upper = POSTFIX_BOUNCE.replace('boundary=', 'BOUNDARY = ').replace('Content-Type: message/delivery-status', 'CONTENT-TYPE : Message/Delivery-Status');
    assert.deepEqual(folds(upper), POSTFIX_FOLDS);
  });

  test('blank lines at the end of the report part and before the returned headers are left out', () => {
    const lines = POSTFIX_BOUNCE.split('\n');
    lines.splice(28, 0, '', '');
    lines.splice(34, 0, '', '');
    assert.deepEqual(folds(lines.join('\n')), [[16, 27], [19, 21], [23, 27], [37, 41]]);
  });

  test('a delimiter of another boundary, or a line that only starts like one, does not end a part', () => {
    const lines = POSTFIX_BOUNCE.split('\n');
    lines.splice(22, 0, '--4F2A31C0E2.1701338401/mx.example.org.old');
    assert.deepEqual(folds(lines.join('\n')), [[16, 28], [19, 22], [24, 28], [34, 38]]);
    assert.deepEqual(folds(POSTFIX_BOUNCE.replace(/^--4F2A31C0E2\.1701338401\/mx\.example\.org/gm, '-- 4F2A31C0E2.1701338401/mx.example.org')), [],
      'no part at all: delimiters must be the boundary right after the two dashes');
  });

  test('a part without a Content-Type, or of another type, does not fold', () => {
    assert.deepEqual(folds(POSTFIX_BOUNCE.replace('Content-Type: message/delivery-status', 'Content-Type: text/plain')), [[33, 37]]);
    assert.deepEqual(folds(POSTFIX_BOUNCE.replace('Content-Type: text/rfc822-headers', 'X-Note: text/rfc822-headers')), [[16, 27], [19, 21], [23, 27]]);
    assert.deepEqual(folds(POSTFIX_BOUNCE.replace('\tboundary="4F2A31C0E2.1701338401/mx.example.org"', '\tcharset=us-ascii')), [], 'no boundary, no parts');
  });

  test('an internationalised report (RFC 6533) and a returned message/rfc822 part', () => {
    const text = [
      'Content-Type: multipart/report; report-type=global-delivery-status; boundary="=_report_1"', // 0
      '',
      '--=_report_1',
      'Content-Type: message/global-delivery-status',
      '',
      'Reporting-MTA: dns; mail.example.jp', // 5
      '',
      'Original-Recipient: utf-8; 太郎@example.jp',
      'Final-Recipient: utf-8; 太郎@example.jp',
      'Action: failed',
      'Status: 5.2.2', // 10
      '',
      '--=_report_1',
      'Content-Type: message/rfc822',
      '',
      'From: alice@example.org', // 15
      'Subject: Hello',
      '',
      'Body text that does not fold.',
      'More body text.',
      '--=_report_1--', // 20
    ].join('\n');
    assert.deepEqual(folds(text), [[3, 10], [7, 10], [15, 16]]);
    assert.deepEqual(folds(text.replace('message/rfc822', 'message/global')), [[3, 10], [7, 10], [15, 16]]);
    assert.deepEqual(folds(text.replace('message/rfc822', 'message/global-headers')), [[3, 10], [7, 10], [15, 16]]);
  });

  test('a one-line group, or a returned part whose first line is no header, gives no fold', () => {
    const text = [
      'Content-Type: multipart/report; boundary="b1"', // 0
      '',
      '--b1',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.net', // 5
      '',
      'Final-Recipient: rfc822; carol@example.net',
      'Status: 4.4.1',
      '--b1',
      'Content-Type: message/rfc822', // 10
      '',
      'This is not a header line',
      'Subject: x',
      '--b1--',
    ].join('\n');
    assert.deepEqual(folds(text), [[3, 8], [7, 8]]);
    assert.deepEqual(folds(text.replace('This is not a header line\n', '')), [[3, 8], [7, 8]], 'a single header line does not fold');
  });

  test('Exchange: "Original message headers:" folds down to the last header line, blank lines after the title skipped', () => {
    const text = [
      'Delivery has failed to these recipients or groups:', // 0
      '',
      'bob@contoso.com',
      '',
      'Diagnostic information for administrators:',
      'Remote Server returned \'550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup\'', // 5
      '',
      'Original message headers:',
      '',
      '',
      'Received: from DM6PR01MB1234.prod.exchangelabs.com (2603:10b6:5:1::1) by', // 10
      ' DM6PR01MB5678.prod.exchangelabs.com with HTTPS; Thu, 30 Nov 2026 10:00:01 +0000',
      'MIME-Version: 1.0',
      'Subject: Invoice',
      '',
      'Trailing text', // 15
    ].join('\n');
    assert.deepEqual(folds(text), [[7, 13]]);
    assert.deepEqual(folds(text.replace('Original message headers:', '  ORIGINAL MESSAGE HEADERS:  ')), [[7, 13]]);
    assert.deepEqual(folds(text.replace('Original message headers:', 'Original message headers: see below')), []);
    assert.deepEqual(folds(text.split('\n').slice(0, 10).join('\n')), [], 'a title with no headers after it');
  });

  test('nothing folds outside bounces', () => {
    assert.deepEqual(folds(POSTFIX_BOUNCE, 'file:///var/log/mail.log'), []);
  });
});
