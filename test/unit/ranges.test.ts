import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { clampLine, clampRange, readPosition, readRange, readTextChange } from '../../server/src/ranges';

describe('positions, ranges and edits as clients send them', () => {
  test('a line or character is a whole number, or a string of digits; a fraction is cut', () => {
    const cases: [unknown, unknown][] = [
      [{ line: 3, character: 7 }, { line: 3, character: 7 }],
      [{ line: '3', character: ' 7 ' }, { line: 3, character: 7 }],
      [{ line: '-1', character: 0 }, { line: -1, character: 0 }],
      [{ line: 2.9, character: -1.5 }, { line: 2, character: -1 }],
      [{ line: '1e3', character: 0 }, undefined],
      [{ line: '3px', character: 0 }, undefined],
      [{ line: 'x3', character: 0 }, undefined],
      [{ line: '', character: 0 }, undefined],
      [{ line: 3, character: Number.NaN }, undefined],
      [{ line: Number.POSITIVE_INFINITY, character: 0 }, undefined],
      [{ line: 3, character: null }, undefined],
      [{ line: true, character: 0 }, undefined],
      [{ line: 3 }, undefined],
      [{ character: 3 }, undefined],
      [null, undefined],
      ['3:7', undefined],
      [undefined, undefined],
    ];
    assert.deepEqual(cases.map(([value]) => [value, readPosition(value)]), cases);
  });

  test('a range is two readable positions', () => {
    const start = { line: 0, character: 1 };
    const end = { line: '2', character: 4 };
    assert.deepEqual(readRange({ start, end }), { start, end: { line: 2, character: 4 } });
    assert.equal(readRange({ start }), undefined);
    assert.equal(readRange({ end }), undefined);
    assert.equal(readRange({ start: { line: 'a', character: 0 }, end }), undefined);
    assert.equal(readRange(null), undefined);
    assert.equal(readRange('0:1-2:4'), undefined);
  });

  test('a content change: its text a string, its range (if any) readable; otherwise what is wrong with it', () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };
    assert.deepEqual(readTextChange({ text: 'said: 550' }), { text: 'said: 550' });
    assert.deepEqual(readTextChange({ range, text: '' }), { range, text: '' });
    assert.deepEqual(readTextChange({ range: { start: { line: '0', character: 0 }, end: { line: 0, character: '3' } }, text: 'x' }), { range, text: 'x' });
    assert.equal(readTextChange(null), 'a content change that is not an object');
    assert.equal(readTextChange('said: 550'), 'a content change that is not an object');
    assert.equal(readTextChange({ range, text: null }), 'a content change whose text is null, not a string');
    assert.equal(readTextChange({ range, text: 550 }), 'a content change whose text is number, not a string');
    assert.equal(readTextChange({ range }), 'a content change whose text is undefined, not a string');
    assert.equal(readTextChange({ range: { start: { line: 0.5 }, end: range.end }, text: 'x' }),
      'a content change whose range is not made of whole numbers: {"start":{"line":0.5},"end":{"line":0,"character":3}}');
    assert.equal(readTextChange({ range: null, text: 'x' }), 'a content change whose range is not made of whole numbers: null');
    const refused = (line: string) => (readTextChange({ range: { start: { line } }, text: '' }) as string).replace('a content change whose range is not made of whole numbers: ', '');
    assert.equal(refused('x'.repeat(59)), `{"start":{"line":"${'x'.repeat(59)}"}}`, 'eighty characters are quoted whole');
    assert.equal(refused('x'.repeat(60)), `{"start":{"line":"${'x'.repeat(60)}"…`, 'more are cut to 79 and an ellipsis');
    assert.equal(refused(`${'x'.repeat(60)}😀 and more`), `{"start":{"line":"${'x'.repeat(60)}…`, 'never inside a surrogate pair');
    assert.equal(refused(`${'x'.repeat(59)}😀 and more`), `{"start":{"line":"${'x'.repeat(59)}😀…`);
  });

  test('a range is clamped to the document and turned round when reversed', () => {
    const lengths = [15, 0, 22];
    const clamp = (start: [number, number], end: [number, number]) => {
      const clamped = clampRange({ start: { line: start[0], character: start[1] }, end: { line: end[0], character: end[1] } }, 3, (line) => lengths[line]);
      return [clamped.start.line, clamped.start.character, clamped.end.line, clamped.end.character];
    };
    assert.deepEqual(clamp([0, 3], [2, 5]), [0, 3, 2, 5]);
    assert.deepEqual(clamp([-1, 9], [0, 99]), [0, 0, 0, 15]);
    assert.deepEqual(clamp([1, 4], [3, 0]), [1, 0, 2, 22]);
    assert.deepEqual(clamp([2, 0], [2, -4]), [2, 0, 2, 0]);
    assert.deepEqual(clamp([2, 9], [0, 1]), [0, 1, 2, 9]);
    assert.deepEqual(clamp([2, 9], [2, 4]), [2, 4, 2, 9]);
    assert.deepEqual(clamp([2, 4], [2, 4]), [2, 4, 2, 4]);
    assert.deepEqual(clamp([0, 15], [0, 14]), [0, 14, 0, 15]);
    assert.deepEqual(clamp([3, 0], [3, 0]), [2, 22, 2, 22]);
    assert.deepEqual([-3, 0, 1, 2, 3, 40].map((line) => clampLine(line, 3)), [0, 0, 1, 2, 2, 2]);
  });
});
