import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseLogLine } from '../../server/src/logs/logLine';
import { createLanguageService } from '../../server/src/languageService';
import { fixture } from '../support/paths';

const realLines = ['messages/mail.log', 'messages/exim_mainlog', 'messages/maillog', 'logs/mail.log', 'logs/exim_mainlog', 'logs/maillog']
  .flatMap((name) => fixture(name).split('\n').filter(Boolean));

/** Real log lines, cut short at random, with random text spliced in: what a damaged or half-written log holds. */
const damagedLine = fc.tuple(fc.constantFrom(...realLines), fc.double({ min: 0, max: 1, noNaN: true }), fc.string({ maxLength: 12 }))
  .map(([line, cut, noise]) => line.slice(0, Math.floor(cut * line.length)) + noise);
const damagedLog = fc.array(fc.oneof(fc.constantFrom(...realLines), damagedLine, fc.string({ unit: 'binary', maxLength: 60 })), { maxLength: 40 })
  .map((lines) => lines.join('\n'));

const service = createLanguageService();

describe('messages in damaged logs', () => {
  test('the parser never throws and every column it returns lies in the line', () => {
    fc.assert(fc.property(fc.oneof(damagedLine, fc.string({ unit: 'binary', maxLength: 300 })), (line) => {
      const event = parseLogLine(line);
      if (!event) return;
      assert.ok(event.idStart >= 0 && event.idStart <= event.idEnd && event.idEnd <= line.length, JSON.stringify(event));
      if (event.nextHop) assert.equal(line.slice(event.nextHop.start, event.nextHop.start + event.nextHop.id.length), event.nextHop.id);
      if (event.id) assert.equal(line.slice(event.idStart, event.idEnd), event.id);
    }), { numRuns: 2000 });
  });

  test('highlights, references, definition, symbols and hover never throw and agree on where a message is', () => {
    fc.assert(fc.property(damagedLog, (text) => {
      const document = TextDocument.create('file:///var/log/mail.log', 'log', 1, text);
      const lines = text.split(/\r\n|\r|\n/); // as LSP counts lines: a lone \r ends one too
      for (const symbol of service.doDocumentSymbols(document)) assert.ok(symbol.selectionRange.start.line < lines.length);
      for (let line = 0; line < lines.length; line++) {
        for (let character = 0; character <= lines[line].length; character += 9) {
          const highlights = service.doDocumentHighlights(document, { line, character });
          for (const { range } of highlights) assert.ok(range.start.character < range.end.character && range.end.character <= lines[range.start.line].length);
          const definition = service.doDefinition(document, { line, character });
          assert.equal(definition === null, highlights.length === 0);
          assert.equal(service.doReferences(document, { line, character }).length, highlights.length);
          service.doHover(document, { line, character });
        }
      }
      service.forget(document.uri);
    }), { numRuns: 150 });
  });
});
