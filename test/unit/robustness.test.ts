import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver-types';
import { DocumentAnalysis } from '../../server/src/analysis';
import { createLanguageService } from '../../server/src/languageService';
import { resolveSettings } from '../../server/src/settings';
import { fixture } from '../support/paths';

/** Text made of the pieces codes and their look-alikes are made of, so that random text often holds contexts. */
const mailishText = fc.array(fc.constantFrom(
  '550', '4.7.1', '5.1.1', '2.0.0', '5.01.1', '10.5.1.1', ' ', ' ', '-', '\n', '\r\n', 'dsn=', 'Status: ', 'REJECT ', 'DEFER ',
  'said: ', '"', "'", '(#', ')', ':', 'v', '😀', '中文', 'ERROR:', ':550', '$#error $@ ', '\t', '\\n', '_', 'milter-reject: x]: ',
  // Content that decides the kind of a file without a telling name, so that edits can change it.
  'Nov 28 mx postfix/smtp[1]: ', 'Final-Recipient:', 'begin acl',
), { maxLength: 80 }).map((parts) => parts.join(''));

const anyText = fc.oneof(mailishText, fc.string({ unit: 'binary', maxLength: 200 }), fc.string({ maxLength: 200 }));

const kinds = fc.constantFrom(
  ['file:///var/log/mail.log', 'log'], ['file:///etc/postfix/access', 'plaintext'], ['file:///src/a.py', 'python'],
  ['file:///notes.txt', 'plaintext'], ['file:///m/bounce.eml', 'plaintext'], ['file:///app/package.json', 'json'],
);

function randomRange(document: TextDocument, a: number, b: number): Range {
  const length = document.getText().length;
  const [from, to] = [Math.floor(a * (length + 1)), Math.floor(b * (length + 1))].sort((x, y) => x - y);
  return { start: document.positionAt(from), end: document.positionAt(to) };
}

const service = createLanguageService();

describe('robustness', () => {
  test('random text, binary and settings never throw, and every diagnostic range holds a code', () => {
    fc.assert(fc.property(anyText, kinds, fc.anything(), (text, [uri, languageId], rawSettings) => {
      const document = TextDocument.create(uri, languageId, 1, text);
      const { settings } = resolveSettings(rawSettings);
      const validation = service.doValidation(document, settings);
      for (const diagnostic of validation?.diagnostics ?? []) {
        const covered = document.getText(diagnostic.range);
        if (diagnostic.code === 'missing-code' || diagnostic.code === 'invalid-reply-code') assert.ok(covered.trim().length > 0);
        else assert.match(covered, /^(?:\d\.\d{1,4}\.\d{1,4}|[2-5]\d\d)$/, `${diagnostic.code} covers ${JSON.stringify(covered)}`);
      }
      for (let offset = 0; offset <= text.length; offset += 7) {
        const position = document.positionAt(offset);
        const found = service.doHover(document, position, settings);
        if (found) {
          // A hover covers the position and a code or a reply code, and says what it is.
          const at = document.offsetAt(position); // inside a CRLF, the offset of the CR
          assert.ok(found.range && document.offsetAt(found.range.start) <= at && at <= document.offsetAt(found.range.end), 'the hover range holds the position');
          // It covers a code or reply code, or a word it explains (a DSN field, an MTA action), and names what it covers.
          const covered = document.getText(found.range);
          const value = (found.contents as { value: string }).value;
          if (/^(?:\d\.\d{1,4}\.\d{1,4}|[2-5]\d\d)$/.test(covered)) assert.match(value, /^\*\*(?:\d\.\d{1,4}\.\d{1,4}|[2-5]\d\d)\*\* \S/);
          else assert.ok(covered.trim().length > 0 && value.toLowerCase().includes(covered.trim().toLowerCase()), `a hover on ${JSON.stringify(covered)} names it`);
        }
        for (const item of service.doComplete(document, position, settings)?.items ?? []) {
          // An item replaces text that ends at the cursor, on its line, and inserts a code or a reply.
          const edit = item.textEdit as { range: Range; newText: string };
          assert.deepEqual(edit.range.end, position);
          assert.equal(edit.range.start.line, position.line);
          assert.ok(edit.range.start.character <= position.character);
          assert.match(edit.newText, /^(?:[245]\.\d{1,3}\.\d{1,3}|[245], \d{1,3}, \d{1,3}|[A-Z_:"0-9]*[245]\d\d|[A-Z_]+ [245]\.\d|ERROR:[245]\.\d{1,3}\.\d{1,3}:[245]\d\d)/, edit.newText);
        }
      }
      service.forget(uri);
    }), { numRuns: 300 });
  });

  test('incremental analysis after random edits equals a fresh analysis of the final text', () => {
    const edit = fc.record({ a: fc.double({ min: 0, max: 1, noNaN: true }), b: fc.double({ min: 0, max: 1, noNaN: true }), text: mailishText });
    fc.assert(fc.property(mailishText, kinds, fc.array(edit, { maxLength: 12 }), (initial, [uri, languageId], edits) => {
      const document = TextDocument.create(uri, languageId, 1, initial);
      const analysis = new DocumentAnalysis(document);
      for (const { a, b, text } of edits) {
        const change = { range: randomRange(document, a, b), text };
        TextDocument.update(document, [change], document.version + 1);
        analysis.applyChange(document, change);
      }
      const fresh = new DocumentAnalysis(TextDocument.create(uri, languageId, document.version, document.getText()));
      assert.deepEqual(analysis.occurrences, fresh.occurrences);
      assert.equal(analysis.kind, fresh.kind);
    }), { numRuns: 400 });
  });

  test('diagnostics checked between random edits equal those of a fresh check of the final text, limits included', () => {
    const logKinds = fc.constantFrom(['file:///var/log/mail.log', 'log'], ['file:///m/bounce.eml', 'plaintext'], ['file:///notes.txt', 'plaintext']);
    const logLine = fc.oneof(mailishText, fc.constantFrom(
      'Nov 28 mx postfix/smtp[1]: 1A: to=<a@b>, dsn=5.9.9, status=bounced (host said: 550 4.1.1 User unknown)',
      'Nov 28 mx postfix/smtpd[2]: NOQUEUE: reject: RCPT from x[192.0.2.1]: 450 5.7.1 <c@d>: Relay access denied',
      'Nov 28 mx postfix/smtpd[3]: connect from unknown[192.0.2.2]',
      'Nov 28 mx postfix/smtp[4]: 2B: to=<e@f>, dsn=5.01.1, status=bounced',
    ));
    const fraction = fc.integer({ min: 0, max: 1000 }).map((n) => n / 1000);
    const edit = fc.record({ a: fraction, b: fraction, text: fc.oneof(mailishText, logLine), check: fc.boolean() });
    const manyLines = fc.array(logLine, { minLength: 2, maxLength: 12 }).map((lines) => lines.join('\n'));
    fc.assert(fc.property(manyLines, logKinds, fc.array(edit, { maxLength: 12 }), fc.integer({ min: 0, max: 6 }), (initial, [uri, languageId], edits, max) => {
      const { settings } = resolveSettings({ maxNumberOfProblems: max, severityInLogs: { 'unexpected-reply-code': 'hint', 'missing-code': 'hint' } });
      const incremental = createLanguageService();
      const document = TextDocument.create(uri, languageId, 1, initial);
      incremental.doValidation(document, settings);
      for (const { a, b, text, check } of edits) {
        const change = { range: randomRange(document, a, b), text };
        TextDocument.update(document, [change], document.version + 1);
        incremental.didChange(document, change);
        if (check) incremental.doValidation(document, settings);
      }
      const fresh = createLanguageService().doValidation(TextDocument.create(uri, languageId, document.version, document.getText()), settings);
      assert.deepEqual(incremental.doValidation(document, settings), fresh);
    }), {
      numRuns: 400,
      examples: [[
        // At the limit, a report equal to the last one must still move the limit to the line of its first hidden problem.
        'Nov 28 mx postfix/smtp[1]: 1A: to=<a@b>, dsn=5.9.9, status=bounced (host said: 550 4.1.1 User unknown)\n\nNov 28 mx postfix/smtp[1]: 1A: to=<a@b>, dsn=5.9.9, status=bounced (host said: 550 4.1.1 User unknown)',
        ['file:///var/log/mail.log', 'log'],
        [{ a: 0, b: 0.16, text: '', check: false }, { a: 0.265, b: 0, text: '550', check: true }, { a: 0.825, b: 0.207, text: '', check: false }],
        0,
      ]],
    });
  });

  test('an edit that removes the only problem past the limit lifts the limit, one before it keeps it', () => {
    const { settings } = resolveSettings({ maxNumberOfProblems: 2, severityInLogs: { 'unregistered-code': 'hint' } });
    const incremental = createLanguageService();
    const line = (n: number, code: string) => `Nov 28 10:00:0${n} mx postfix/smtp[1]: ${n}A: to=<a@b>, dsn=${code}, status=bounced`;
    const document = TextDocument.create('file:///var/log/mail.log', 'log', 1, [line(1, '5.9.9'), line(2, '5.9.8'), 'x', line(4, '5.9.7')].join('\n'));
    assert.equal(incremental.doValidation(document, settings)?.limited?.setting, 'maxNumberOfProblems');
    const edit = (range: Range, text: string) => {
      TextDocument.update(document, [{ range, text }], document.version + 1);
      incremental.didChange(document, { range, text });
      return incremental.doValidation(document, settings);
    };
    assert.equal(edit({ start: { line: 2, character: 0 }, end: { line: 2, character: 1 } }, 'y')?.limited?.setting, 'maxNumberOfProblems');
    const lifted = edit({ start: { line: 3, character: 54 }, end: { line: 3, character: 59 } }, '5.1.1');
    assert.equal(lifted?.limited, undefined);
    assert.equal(lifted?.diagnostics.length, 2);
  });

  test('incremental edits in the middle of a real log keep every occurrence where a fresh scan puts it', () => {
    const log = fixture('logs/mail.log');
    const document = TextDocument.create('file:///var/log/mail.log', 'log', 1, log);
    const analysis = new DocumentAnalysis(document);
    const edits = [
      { range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: 'Nov 28 x postfix/smtp[1]: said: 550 4.1.1 inserted\n' },
      { range: { start: { line: 10, character: 3 }, end: { line: 14, character: 7 } }, text: '' },
      { range: { start: { line: 2, character: 95 }, end: { line: 2, character: 96 } }, text: '4' },
    ];
    for (const change of edits) {
      TextDocument.update(document, [change], document.version + 1);
      analysis.applyChange(document, change);
    }
    assert.deepEqual(analysis.occurrences, new DocumentAnalysis(TextDocument.create(document.uri, 'log', 9, document.getText())).occurrences);
  });

  test('positions are exact UTF-16 offsets after emoji, CJK and CRLF line ends', () => {
    const text = '😀😀 中文 "550 4.1.1 x"\r\n🎉 said: 550 5.9.9 y\r\n';
    const document = TextDocument.create('file:///srv/relay/replies.py', 'python', 1, text);
    const diagnostics = service.doValidation(document)!.diagnostics;
    assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.range.start.character, document.getText(d.range)]), [
      [0, 13, '4.1.1'],
      [1, 13, '5.9.9'],
    ]);
    service.forget(document.uri);
  });
});
