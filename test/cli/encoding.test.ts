import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { decode, encode } from '../../server/src/cli/encoding';

describe('reading files as text and writing them back', () => {
  test('any bytes decode and encode back to themselves, whatever their encoding', () => {
    const marks = fc.constantFrom([], [0xef, 0xbb, 0xbf], [0xff, 0xfe], [0xfe, 0xff]);
    fc.assert(fc.property(marks, fc.uint8Array({ maxLength: 64 }), (mark, body) => {
      const bytes = Buffer.concat([Buffer.from(mark), body, mark.length === 2 && body.length % 2 ? Buffer.from([0x20]) : Buffer.alloc(0)]);
      const decoded = decode(bytes);
      if ('unreadable' in decoded) return;
      assert.ok(encode(decoded.text, decoded.encoding).equals(bytes), bytes.toString('hex'));
    }), { numRuns: 2000 });
  });

  test('well-formed text reads as itself; each byte that is not UTF-8 is one character, kept apart from its neighbours', () => {
    const decoded = decode(Buffer.from([0x35, 0x2e, 0xe9, 0x37, 0xf0, 0x9f, 0x93, 0xac, 0xc3, 0x0a]));
    assert.ok('text' in decoded);
    assert.equal(decoded.text.length, 8);
    assert.equal(decoded.text.slice(0, 2), '5.');
    assert.equal(decoded.text.slice(3, 6), '7\u{1F4EC}');
    assert.equal(decoded.text.slice(-1), '\n');
    assert.equal(decoded.encoding, 'utf-8');
    assert.deepEqual(decode(Buffer.from([0xff, 0xfe, 0, 0, 0x35, 0, 0, 0])), { unreadable: 'UTF-32LE (byte-order mark fffe0000), an encoding that is not read' });
    assert.deepEqual(decode(Buffer.from([0xfe, 0xff, 0, 0x35, 0])), { unreadable: 'UTF-16 with an odd number of bytes' });
    assert.deepEqual(decode(Buffer.from('+/v8 is UTF-7')), { unreadable: 'UTF-7 (byte-order mark 2b2f7638), an encoding that is not read' });
    assert.deepEqual(decode(Buffer.from('+/vx is text')), { text: '+/vx is text', encoding: 'utf-8' });
  });
});
