/**
 * Reading files as text and writing them back byte for byte.
 *
 * UTF-8 is decoded losslessly: a byte that is not part of a well-formed UTF-8 sequence (Latin-1 text, a stray byte)
 * becomes the lone surrogate U+DC80 + byte, which no well-formed UTF-8 can produce, and is written back as that byte.
 * So a file whose unedited parts are never touched comes back identical, whatever it holds.
 */
import { isUtf8 } from 'node:buffer';

export type Encoding = 'utf-8' | 'utf-8 with BOM' | 'utf-16le' | 'utf-16be';

export type Decoded = { text: string; encoding: Encoding } | { unreadable: string };

/** Byte-order marks of encodings that are not read, longest first where one begins another. */
const UNREAD_MARKS: Array<[number[], string]> = [
  [[0x00, 0x00, 0xfe, 0xff], 'UTF-32BE'],
  [[0xff, 0xfe, 0x00, 0x00], 'UTF-32LE'],
  ...[0x38, 0x39, 0x2b, 0x2f].map((fourth): [number[], string] => [[0x2b, 0x2f, 0x76, fourth], 'UTF-7']),
  [[0xdd, 0x73, 0x66, 0x73], 'UTF-EBCDIC'],
  [[0x0e, 0xfe, 0xff], 'SCSU'],
  [[0xfb, 0xee, 0x28], 'BOCU-1'],
  [[0x84, 0x31, 0x95, 0x33], 'GB18030'],
];

/** The encodings `decode` does not read, for messages and documentation. */
export const UNREAD_ENCODINGS = [...new Set(UNREAD_MARKS.map(([, name]) => name))];

/** git's rule: a NUL byte in the first 8,000 bytes makes a file binary. */
const BINARY_SNIFF_LENGTH = 8000;

function startsWith(bytes: Uint8Array, mark: number[]): boolean {
  return bytes.length >= mark.length && mark.every((byte, i) => bytes[i] === byte);
}

export function isBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, BINARY_SNIFF_LENGTH).includes(0);
}

/** The text of a file, from its byte-order mark (UTF-8 without one), or why it cannot be read. Binary files are the caller's test. */
export function decode(bytes: Buffer): Decoded {
  for (const [mark, name] of UNREAD_MARKS) if (startsWith(bytes, mark)) return { unreadable: `${name} (byte-order mark ${Buffer.from(mark).toString('hex')}), an encoding that is not read` };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: decodeUtf8(bytes.subarray(3)), encoding: 'utf-8 with BOM' };
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    if (bytes.length % 2 !== 0) return { unreadable: 'UTF-16 with an odd number of bytes' };
    const littleEndian = bytes[0] === 0xff;
    const body = Buffer.from(bytes.subarray(2));
    if (!littleEndian) body.swap16();
    return { text: body.toString('utf16le'), encoding: littleEndian ? 'utf-16le' : 'utf-16be' };
  }
  return { text: decodeUtf8(bytes), encoding: 'utf-8' };
}

export function encode(text: string, encoding: Encoding): Buffer {
  switch (encoding) {
    case 'utf-8': return encodeUtf8(text);
    case 'utf-8 with BOM': return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), encodeUtf8(text)]);
    case 'utf-16le': return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be': return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
  }
}

const ESCAPE_BASE = 0xdc00;

/** The length of the well-formed UTF-8 sequence at `i` (Unicode table 3-7), or 0. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const first = bytes[i];
  const continuation = (at: number, low = 0x80, high = 0xbf) => at < bytes.length && bytes[at] >= low && bytes[at] <= high;
  if (first < 0x80) return 1;
  if (first >= 0xc2 && first <= 0xdf) return continuation(i + 1) ? 2 : 0;
  if (first >= 0xe0 && first <= 0xef) {
    const low = first === 0xe0 ? 0xa0 : 0x80;
    const high = first === 0xed ? 0x9f : 0xbf;
    return continuation(i + 1, low, high) && continuation(i + 2) ? 3 : 0;
  }
  if (first >= 0xf0 && first <= 0xf4) {
    const low = first === 0xf0 ? 0x90 : 0x80;
    const high = first === 0xf4 ? 0x8f : 0xbf;
    return continuation(i + 1, low, high) && continuation(i + 2) && continuation(i + 3) ? 4 : 0;
  }
  return 0;
}

export function decodeUtf8(bytes: Uint8Array): string {
  if (isUtf8(bytes)) return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  const units = new Uint16Array(bytes.length);
  let length = 0;
  for (let i = 0; i < bytes.length;) {
    const size = sequenceLength(bytes, i);
    if (size === 0) {
      units[length++] = ESCAPE_BASE + bytes[i++];
      continue;
    }
    let codePoint = size === 1 ? bytes[i] : bytes[i] & (0xff >> (size + 1));
    for (let k = 1; k < size; k++) codePoint = (codePoint << 6) | (bytes[i + k] & 0x3f);
    if (codePoint >= 0x10000) {
      codePoint -= 0x10000;
      units[length++] = 0xd800 + (codePoint >> 10);
      units[length++] = 0xdc00 + (codePoint & 0x3ff);
    } else units[length++] = codePoint;
    i += size;
  }
  return Buffer.from(units.buffer, 0, length * 2).toString('utf16le');
}

const LONE_ESCAPE = /(?<![\ud800-\udbff])[\udc80-\udcff]/;

export function encodeUtf8(text: string): Buffer {
  if (!LONE_ESCAPE.test(text)) return Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      continue;
    }
    if (unit < 0xdc80 || unit > 0xdcff) continue;
    chunks.push(Buffer.from(text.slice(from, i), 'utf8'), Buffer.from([unit - ESCAPE_BASE]));
    from = i + 1;
  }
  chunks.push(Buffer.from(text.slice(from), 'utf8'));
  return Buffer.concat(chunks);
}
