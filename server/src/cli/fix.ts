/**
 * `--fix`: the service's preferred quick fixes, applied until nothing more can be fixed.
 *
 * Each round applies every preferred fix whose span overlaps no other, then checks the result again. A place is edited at
 * most once (so fixes never chain: a class fix is not followed by a reply-code fix on the same code), and a fix whose result
 * is flagged again at that place is dropped. The text given to the service has each lone CR made LF: the same length and
 * the same LSP positions, whether or not the scanner counts a lone CR as a line end.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { documentKind, isReadOnlyKind } from '../documentKind';
import type { LanguageService } from '../languageService';
import type { Settings } from '../settings';

export const MAX_FIX_ROUNDS = 10;

export interface AppliedFix {
  /** Zero-based LSP position of the edit in the fixed text. */
  line: number;
  character: number;
  code: string;
  title: string;
}

export interface FixResult {
  text: string;
  applied: AppliedFix[];
  /** Fixes not applied because their result was flagged again at the same place. */
  dropped: number;
  /** True when MAX_FIX_ROUNDS rounds were not enough to reach the fixed point. */
  roundsExhausted: boolean;
  /** Set when the document's kind is never fixed (mail logs, bounces): what it is. */
  readOnlyKind?: string;
}

/** Lone CRs as LFs: LSP counts `\r`, `\n` and `\r\n` alike, so positions and offsets are unchanged. */
export function withLspLineEnds(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

interface Span {
  start: number;
  end: number;
}

interface Candidate extends Span {
  newText: string;
  code: string;
  title: string;
}

interface Placed extends Span {
  code: string;
  title: string;
}

/** Spans that touch count as overlapping: an edit never borders a place already edited. */
const overlaps = (a: Span, b: Span) => a.start <= b.end && b.start <= a.end;

function diagnosticSpan(document: TextDocument, diagnostic: Diagnostic): Span {
  return { start: document.offsetAt(diagnostic.range.start), end: document.offsetAt(diagnostic.range.end) };
}

/** Where `offset` of the text before `edits` lies after them (edits sorted, none covering the offset). */
function shift(offset: number, edits: Candidate[]): number {
  let delta = 0;
  for (const edit of edits) {
    if (edit.end >= offset) break;
    delta += edit.newText.length - (edit.end - edit.start);
  }
  return offset + delta;
}

export function fixToFixedPoint(service: LanguageService, uri: string, languageId: string, original: string, settings: Settings): FixResult {
  const kind = documentKind(uri, languageId, withLspLineEnds(original));
  if (isReadOnlyKind(kind)) return { text: original, applied: [], dropped: 0, roundsExhausted: false, readOnlyKind: kind };

  let text = original;
  let version = 1;
  let applied: Placed[] = [];
  let rejected: Span[] = [];
  let dropped = 0;
  const documentOf = (content: string) => TextDocument.create(uri, languageId, version++, withLspLineEnds(content));
  const validate = (document: TextDocument) => service.doValidation(document, settings)?.diagnostics ?? [];

  let document = documentOf(text);
  let diagnostics = validate(document);
  for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
    const chosen: Candidate[] = [];
    const candidates = diagnostics
      .map((diagnostic) => ({ diagnostic, span: diagnosticSpan(document, diagnostic) }))
      .filter(({ span }) => !applied.some((place) => overlaps(place, span)) && !rejected.some((place) => overlaps(place, span)));
    for (const { diagnostic } of candidates) {
      const fix = service.doCodeActions(document, [diagnostic]).find((action) => action.isPreferred && action.edit?.changes?.[uri]);
      const edits: TextEdit[] = fix?.edit?.changes?.[uri] ?? [];
      if (!fix || edits.length !== 1) continue;
      const span = { start: document.offsetAt(edits[0].range.start), end: document.offsetAt(edits[0].range.end) };
      if (applied.some((place) => overlaps(place, span)) || rejected.some((place) => overlaps(place, span))) continue;
      chosen.push({ ...span, newText: edits[0].newText, code: String(diagnostic.code), title: fix.title });
    }
    chosen.sort((a, b) => a.start - b.start || a.end - b.end);
    const batch: Candidate[] = [];
    let keptEnd = -1;
    for (const candidate of chosen) {
      if (candidate.start <= keptEnd) continue;
      batch.push(candidate);
      keptEnd = candidate.end;
    }
    if (batch.length === 0) return { text, applied: placedFixes(document, applied), dropped, roundsExhausted: false };

    let fixed = '';
    let from = 0;
    for (const edit of batch) {
      fixed += text.slice(from, edit.start) + edit.newText;
      from = edit.end;
    }
    fixed += text.slice(from);
    const placed = batch.map((edit): Placed => {
      const start = shift(edit.start, batch);
      return { start, end: start + edit.newText.length, code: edit.code, title: edit.title };
    });

    const next = documentOf(fixed);
    const nextDiagnostics = validate(next);
    const flaggedAgain = new Set(placed.filter((place) => nextDiagnostics.some((diagnostic) => overlapsStrictly(place, diagnosticSpan(next, diagnostic)))).map((place) => placed.indexOf(place)));
    if (flaggedAgain.size > 0) {
      dropped += flaggedAgain.size;
      rejected.push(...batch.filter((_, i) => flaggedAgain.has(i)));
      continue; // the same text again, without the rejected fixes
    }
    const move = <T extends Span>(span: T): T => ({ ...span, start: shift(span.start, batch), end: shift(span.end, batch) });
    applied = [...applied.map(move), ...placed];
    rejected = rejected.map(move);
    text = fixed;
    document = next;
    diagnostics = nextDiagnostics;
  }
  return { text, applied: placedFixes(document, applied), dropped, roundsExhausted: true };
}

/** A finding at the edited place: an insertion counts where a finding covers its point. */
function overlapsStrictly(place: Span, finding: Span): boolean {
  if (place.start === place.end || finding.start === finding.end) return finding.start <= place.end && place.start <= finding.end;
  return finding.start < place.end && place.start < finding.end;
}

function placedFixes(document: TextDocument, applied: Placed[]): AppliedFix[] {
  return applied
    .sort((a, b) => a.start - b.start)
    .map((place) => ({ ...document.positionAt(place.start), code: place.code, title: place.title }));
}
