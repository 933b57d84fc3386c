/**
 * Folding ranges in bounces: the delivery-status part (RFC 3464), each of its field groups, and the headers of the
 * returned message (a `message/rfc822` or `text/rfc822-headers` part, or Exchange's "Original message headers:").
 */
import type { FoldingRange } from 'vscode-languageserver-types';

const BOUNDARY = /boundary\s*=\s*(?:"([^"]+)"|([^\s;"]+))/gi;
const CONTENT_TYPE = /^content-type[ \t]*:[ \t]*([\w.+-]+\/[\w.+-]+)/i;
const STATUS_TYPES = new Set(['message/delivery-status', 'message/global-delivery-status']);
const RETURNED_TYPES = new Set(['message/rfc822', 'text/rfc822-headers', 'message/global', 'message/global-headers']);
const HEADER_LINE = /^[!-9;-~]+[ \t]*:/;
const ORIGINAL_HEADERS = /^\s*original message headers:\s*$/i;

const isBlank = (text: string) => text.trim() === '';

/** The last line of the header block that starts at `from` (header lines and their continuations), or -1. */
function headerBlockEnd(lines: readonly string[], from: number, until: number): number {
  if (from >= until || !HEADER_LINE.test(lines[from])) return -1;
  let last = from;
  for (let line = from + 1; line < until; line++) {
    const text = lines[line];
    if (HEADER_LINE.test(text) || (/^[ \t]+\S/.test(text))) last = line;
    else break;
  }
  return last;
}

function fold(ranges: FoldingRange[], startLine: number, endLine: number): void {
  if (endLine > startLine) ranges.push({ startLine, endLine, kind: 'region' });
}

export function foldingRanges(text: string): FoldingRange[] {
  const boundaries = new Set<string>();
  for (const match of text.matchAll(BOUNDARY)) boundaries.add(match[1] ?? match[2]);
  const lines = text.split(/\r?\n/);
  const ranges: FoldingRange[] = [];

  // Parts: the lines between one boundary delimiter and the next.
  const delimiters: number[] = [];
  if (boundaries.size > 0) {
    lines.forEach((line, index) => {
      if (!line.startsWith('--')) return;
      const name = line.trimEnd().slice(2).replace(/--$/, '');
      if (boundaries.has(name)) delimiters.push(index);
    });
  }
  for (let i = 0; i + 1 < delimiters.length; i++) {
    const first = delimiters[i] + 1;
    const end = delimiters[i + 1];
    let headersEnd = first;
    while (headersEnd < end && !isBlank(lines[headersEnd])) headersEnd++;
    const type = lines.slice(first, headersEnd).map((line) => CONTENT_TYPE.exec(line)?.[1]?.toLowerCase()).find(Boolean);
    if (!type) continue;
    let last = end - 1;
    while (last > first && isBlank(lines[last])) last--;
    if (STATUS_TYPES.has(type)) {
      fold(ranges, first, last);
      foldFieldGroups(lines, headersEnd, last + 1, ranges);
    } else if (RETURNED_TYPES.has(type)) {
      let start = headersEnd;
      while (start < end && isBlank(lines[start])) start++;
      fold(ranges, start, headerBlockEnd(lines, start, end));
    }
  }

  lines.forEach((line, index) => {
    if (!ORIGINAL_HEADERS.test(line)) return;
    let start = index + 1;
    while (start < lines.length && isBlank(lines[start])) start++;
    const end = headerBlockEnd(lines, start, lines.length);
    if (end !== -1) fold(ranges, index, end);
  });
  return ranges.sort((a, b) => a.startLine - b.startLine);
}

/** Each per-message and per-recipient group of fields within a delivery-status part. */
function foldFieldGroups(lines: readonly string[], from: number, until: number, ranges: FoldingRange[]): void {
  let start = -1;
  for (let line = from; line <= until; line++) {
    const blank = line === until || isBlank(lines[line]);
    if (!blank && start === -1) start = line;
    if (blank && start !== -1) {
      fold(ranges, start, line - 1);
      start = -1;
    }
  }
}
