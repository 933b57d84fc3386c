import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LineDocument } from '../../server/src/lineDocument';

const text = fc.array(fc.constantFrom('a', 'bc', ' ', '5.1.1', '\n', '\r\n', '\r', '😀', '中'), { maxLength: 40 }).map((parts) => parts.join(''));
const position = fc.record({ line: fc.integer({ min: -1, max: 12 }), character: fc.integer({ min: -1, max: 12 }) });

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
