import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentAnalysis } from '../../server/src/analysis';
import { findSuppressions } from '../../server/src/comments';
import { LineDocument } from '../../server/src/lineDocument';
import { eachLine, LineCursor, lineStarts, splitLinesKeepingBreaks } from '../../server/src/lines';
import { scan } from '../../server/src/scanner/scanner';

const text = fc.array(fc.constantFrom('a', 'bc', ' ', '5.1.1', '\n', '\r\n', '\r', '😀', '中'), { maxLength: 40 }).map((parts) => parts.join(''));
const position = fc.record({ line: fc.integer({ min: -1, max: 12 }), character: fc.integer({ min: -1, max: 12 }) });

/** Mail-like text whose lines end in any of the three line breaks, so that edits join and split them. */
const mailText = fc.array(fc.constantFrom(
  '550 ', '5.1.1', '4.7.1', ' User unknown', 'dsn=', 'said: ', 'REJECT ', '"', '\n', '\r\n', '\r', '\r', 'x', ' ',
  '# smtp-status-codes-disable-next-line ', 'Nov 28 mx postfix/smtp[1]: ', '😀',
), { maxLength: 60 }).map((parts) => parts.join(''));
/** Positions anywhere, also outside the document (line 99, line -5) and reversed ranges. */
const wildPosition = fc.record({ line: fc.integer({ min: -5, max: 30 }), character: fc.integer({ min: -3, max: 60 }) });
const kinds = fc.constantFrom(['file:///var/log/mail.log', 'log'], ['file:///etc/postfix/access', 'plaintext'], ['file:///src/a.py', 'python'], ['file:///notes.txt', 'plaintext']);

describe('LineDocument', () => {
  test('answers like TextDocument after any sequence of edits', () => {
    fc.assert(fc.property(text, fc.array(fc.record({ start: position, end: position, text, whole: fc.boolean() }), { maxLength: 8 }), fc.array(position, { maxLength: 6 }), (initial, edits, probes) => {
      // The reference is made afresh from the text after each edit: TextDocument's own incremental line table
      // miscounts lone carriage returns in inserted text.
      let reference = TextDocument.create('file:///a.txt', 'plaintext', 1, initial);
      const document = new LineDocument('file:///a.txt', 'plaintext', 1, initial);
      for (const [index, edit] of edits.entries()) {
        const change = edit.whole ? { text: edit.text } : { range: { start: edit.start, end: edit.end }, text: edit.text };
        TextDocument.update(reference, [change], index + 2);
        reference = TextDocument.create('file:///a.txt', 'plaintext', index + 2, reference.getText());
        document.update(change, index + 2);
        assert.equal(document.getText(), reference.getText());
        assert.equal(document.lineCount, reference.lineCount);
      }
      for (const probe of probes) {
        assert.deepEqual(document.positionAt(reference.offsetAt(probe)), reference.positionAt(reference.offsetAt(probe)));
        assert.equal(document.offsetAt(probe), reference.offsetAt(probe), JSON.stringify({ probe, text: reference.getText() }));
        for (const other of probes) assert.equal(document.getText({ start: probe, end: other }), reference.getText({ start: probe, end: other }));
      }
    }), { numRuns: 500 });
  });
});

describe('line ends (\\n, \\r\\n and a lone \\r) as LSP counts them', () => {
  test('the line helpers count and split lines as TextDocument does', () => {
    fc.assert(fc.property(text, (value) => {
      const reference = TextDocument.create('file:///a.txt', 'plaintext', 1, value);
      const starts = lineStarts(value);
      assert.equal(starts.length, reference.lineCount);
      assert.deepEqual(starts, starts.map((_, line) => reference.offsetAt({ line, character: 0 })));
      assert.equal(splitLinesKeepingBreaks(value).join(''), value);
      for (const { content, line, start } of eachLine(value)) {
        assert.equal(start, starts[line]);
        assert.equal(content, reference.getText({ start: { line, character: 0 }, end: { line, character: Number.MAX_SAFE_INTEGER } }));
      }
      // A cursor moved forward to offsets in turn is on the line TextDocument says (a line break is on the line it ends;
      // the \n of a \r\n, inside one break, is left out).
      const cursor = new LineCursor(value);
      for (let offset = 0; offset <= value.length; offset += 1 + (offset % 3)) {
        if (value[offset] === '\n' && value[offset - 1] === '\r') continue;
        cursor.moveTo(offset);
        assert.equal(cursor.line, reference.positionAt(offset).line, JSON.stringify({ value, offset }));
        assert.equal(cursor.start, starts[cursor.line]);
      }
      cursor.moveTo(value.length);
      assert.equal(cursor.line, reference.lineCount - 1);
    }), { numRuns: 500 });
  });

  test('the scanner and the comment finder put each code and comment on the line TextDocument puts it', () => {
    fc.assert(fc.property(mailText, kinds, (value, [, languageId]) => {
      const reference = TextDocument.create('file:///a.txt', languageId, 1, value);
      for (const occurrence of scan(value, { kind: languageId === 'log' ? 'mail-log' : 'postfix' })) {
        const offset = reference.offsetAt({ line: occurrence.line, character: occurrence.start });
        assert.equal(value.slice(offset, offset + occurrence.text.length), occurrence.text, JSON.stringify({ value, occurrence }));
      }
      const suppressed = [...findSuppressions(value).lines.keys()].map((nextLine) => nextLine - 1);
      const expected = [...value.matchAll(/smtp-status-codes-disable-next-line/g)].map((match) => reference.positionAt(match.index!).line);
      assert.deepEqual(suppressed, [...new Set(expected)]);
    }), { numRuns: 500 });
  });

  test('after random edits that insert and delete \\r, \\n and \\r\\n, and ranges outside the document or reversed, the store and the incremental analysis agree with a fresh document', () => {
    const edit = fc.record({ start: wildPosition, end: wildPosition, text: mailText });
    fc.assert(fc.property(mailText, kinds, fc.array(edit, { maxLength: 12 }), (initial, [uri, languageId], edits) => {
      let reference = TextDocument.create(uri, languageId, 1, initial);
      const document = new LineDocument(uri, languageId, 1, initial);
      const analysis = new DocumentAnalysis(document);
      for (const [index, { start, end, text: inserted }] of edits.entries()) {
        const change = { range: { start, end }, text: inserted };
        TextDocument.update(reference, [change], index + 2);
        reference = TextDocument.create(uri, languageId, index + 2, reference.getText());
        analysis.applyChange(document, document.update(change, index + 2));
        assert.equal(document.getText(), reference.getText());
      }
      const fresh = new DocumentAnalysis(reference);
      assert.deepEqual(analysis.occurrences, fresh.occurrences, JSON.stringify({ initial, edits, final: reference.getText() }));
      assert.equal(analysis.kind, fresh.kind);
    }), { numRuns: 500 });
  });

  test('the analysis takes a raw edit as the store does: a range past the end, before the start, or reversed', () => {
    const initial = 'said: 550 5.1.1 a\rsaid: 550 5.1.2 b';
    const edits = [
      { range: { start: { line: 99, character: 0 }, end: { line: 99, character: 5 } }, text: '\rsaid: 550 4.1.1 c' },
      { range: { start: { line: -5, character: 0 }, end: { line: -5, character: 0 } }, text: 'said: 550 5.7.1 d\r\n' },
      { range: { start: { line: 2, character: 6 }, end: { line: 1, character: 6 } }, text: '' },
    ];
    let reference = TextDocument.create('file:///var/log/mail.log', 'log', 1, initial);
    const document = new LineDocument('file:///var/log/mail.log', 'log', 1, initial);
    const analysis = new DocumentAnalysis(document);
    for (const [index, change] of edits.entries()) {
      TextDocument.update(reference, [change], index + 2);
      reference = TextDocument.create(reference.uri, 'log', index + 2, reference.getText());
      document.update(change, index + 2);
      analysis.applyChange(document, change);
    }
    assert.equal(document.getText(), reference.getText());
    assert.deepEqual(analysis.occurrences.map((o) => [o.line, o.start, o.text]), new DocumentAnalysis(reference).occurrences.map((o) => [o.line, o.start, o.text]));
    assert.deepEqual(analysis.occurrences.map((o) => o.text), ['5.7.1', '5.1.2', '4.1.1']);
  });

  test('a \\r\\n made across two edits is one line end; replaced by a lone \\r or taken away, the lines follow', () => {
    const uri = 'file:///var/log/mail.log';
    const steps = [
      { range: { start: { line: 0, character: 15 }, end: { line: 0, character: 15 } }, text: '\r' },
      { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: '\nsaid: 550 5.7.1 c' },
      { range: { start: { line: 0, character: 15 }, end: { line: 1, character: 0 } }, text: '\r' },
      { range: { start: { line: 0, character: 15 }, end: { line: 1, character: 0 } }, text: '' },
    ];
    const initial = 'said: 550 5.1.1said: 550 4.1.1 b';
    let reference = TextDocument.create(uri, 'log', 1, initial);
    const document = new LineDocument(uri, 'log', 1, initial);
    const analysis = new DocumentAnalysis(document);
    const lines: number[][] = [];
    for (const [index, change] of steps.entries()) {
      TextDocument.update(reference, [change], index + 2);
      reference = TextDocument.create(uri, 'log', index + 2, reference.getText());
      analysis.applyChange(document, document.update(change, index + 2));
      assert.equal(document.getText(), reference.getText());
      assert.deepEqual(analysis.occurrences, new DocumentAnalysis(reference).occurrences, JSON.stringify(reference.getText()));
      lines.push(analysis.occurrences.map((o) => o.line));
    }
    assert.deepEqual(lines, [[0, 1], [0, 1, 1], [0, 1, 1], [0, 0]]);
  });

  test('a paste of 300,000 log lines is applied in one edit', () => {
    const logLine = 'Nov 28 06:25:17 mx1 postfix/smtp[22011]: 4B1C21A0F2: to=<a@example.net>, dsn=5.1.1, status=bounced\n';
    const document = new LineDocument('file:///var/log/mail.log', 'log', 1, 'first\nlast');
    document.update({ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: logLine.repeat(300_000) }, 2);
    assert.equal(document.lineCount, 300_002);
    assert.equal(document.getText({ start: { line: 300_000, character: 0 }, end: { line: 300_001, character: 4 } }), `${logLine}last`);
    assert.equal(document.getText().length, 6 + logLine.length * 300_000 + 4);
  });

  test('offsets before the start or past the end are the document\'s start and the end of its last line', () => {
    const document = new LineDocument('file:///var/log/mail.log', 'log', 1, 'said: 550 5.1.1\r\nsaid: 450 4.2.2\r\n');
    const offsets = [-5, 0, 16, 17, 18, 34, 35, 99];
    const reference = TextDocument.create('file:///var/log/mail.log', 'log', 1, document.getText());
    assert.deepEqual(offsets.map((offset) => document.positionAt(offset)), offsets.map((offset) => reference.positionAt(offset)));
    assert.deepEqual(offsets.map((offset) => document.positionAt(offset)), [
      { line: 0, character: 0 }, { line: 0, character: 0 }, { line: 0, character: 15 }, { line: 1, character: 0 }, { line: 1, character: 1 },
      { line: 2, character: 0 }, { line: 2, character: 0 }, { line: 2, character: 0 },
    ]);
  });
});
