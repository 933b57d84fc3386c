/**
 * `--fix`: the service's preferred quick fixes, applied until nothing more can be fixed.
 *
 * Each round applies every preferred fix whose span overlaps no other, then checks the result again. A place is edited at
 * most once (so fixes never chain: a class fix is not followed by a reply-code fix on the same code), and a fix whose result
 * is flagged again at that place is dropped. Only the user's own reply definitions (configuration, code, data) are fixed: never logs, mail messages or prose, whatever a fix is marked.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextEdit } from 'vscode-languageserver-types';
import { isEditableKind, type DocumentKind } from '../documentKind';
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
  /** Set when the document's kind is never fixed (mail logs, mail messages, documentation and prose): what it is. */
  notEditableKind?: DocumentKind;
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

/** A finding at an edited place: an insertion counts where a finding covers its point. */
function flaggedAt(place: Span, finding: Span): boolean {
  if (place.start === place.end || finding.start === finding.end) return finding.start <= place.end && place.start <= finding.end;
  return finding.start < place.end && place.start < finding.end;
}

const byStart = (a: Span, b: Span) => a.start - b.start || a.end - b.end;

/** The index of the first of `sorted` (disjoint, in order) that ends at or after `offset`. */
function firstEndingFrom(sorted: Span[], offset: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle].end < offset) low = middle + 1;
    else high = middle;
  }
  return low;
}

function overlapsAny(sorted: Span[], span: Span): boolean {
  const i = firstEndingFrom(sorted, span.start);
  return i < sorted.length && overlaps(sorted[i], span);
}

/** Moves spans (disjoint, sorted, none overlapping an edit) to where they lie after `edits` (sorted). */
function shiftSpans<T extends Span>(spans: T[], edits: Candidate[]): T[] {
  let delta = 0;
  let e = 0;
  return spans.map((span) => {
    while (e < edits.length && edits[e].end < span.start) {
      delta += edits[e].newText.length - (edits[e].end - edits[e].start);
      e++;
    }
    return { ...span, start: span.start + delta, end: span.end + delta };
  });
}

function diagnosticSpan(document: TextDocument, diagnostic: Diagnostic): Span {
  return { start: document.offsetAt(diagnostic.range.start), end: document.offsetAt(diagnostic.range.end) };
}

/** The preferred fix of each diagnostic that has one made of a single edit, asked for all of them at once. */
function preferredFixes(service: LanguageService, document: TextDocument, diagnostics: Diagnostic[], settings: Settings): Candidate[] {
  const chosen = new Map<Diagnostic, Candidate>();
  for (const action of service.doCodeActions(document, diagnostics, settings)) {
    const diagnostic = action.diagnostics?.[0];
    const edits: TextEdit[] = action.edit?.changes?.[document.uri] ?? [];
    if (!diagnostic || !action.isPreferred || chosen.has(diagnostic)) continue;
    if (edits.length !== 1 || Object.keys(action.edit?.changes ?? {}).length !== 1 || action.edit?.documentChanges) continue;
    const edit = edits[0];
    chosen.set(diagnostic, { start: document.offsetAt(edit.range.start), end: document.offsetAt(edit.range.end), newText: edit.newText, code: String(diagnostic.code), title: action.title });
  }
  return [...chosen.values()];
}

export function fixToFixedPoint(service: LanguageService, uri: string, languageId: string, original: string, settings: Settings): FixResult {
  let text = original;
  let version = 1;
  const documentOf = (content: string) => TextDocument.create(uri, languageId, version++, content);
  let document = documentOf(text);
  // The kind the service gives the file, the user's smtpStatusCodes.fileKinds first, as the editor would.
  const { kind } = service.kindOf(document, settings);
  if (!isEditableKind(kind)) return { text: original, applied: [], dropped: 0, roundsExhausted: false, notEditableKind: kind };

  let applied: Placed[] = [];
  /** Places edited or whose fix was dropped: disjoint, in order, and never edited (again). */
  let settled: Span[] = [];
  let dropped = 0;
  const validate = (document: TextDocument) => service.doValidation(document, settings)?.diagnostics ?? [];

  let diagnostics = validate(document);
  for (let round = 0; round < MAX_FIX_ROUNDS; round++) {
    const open = diagnostics.filter((diagnostic) => !overlapsAny(settled, diagnosticSpan(document, diagnostic)));
    const candidates = preferredFixes(service, document, open, settings).filter((candidate) => !overlapsAny(settled, candidate)).sort(byStart);
    const batch: Candidate[] = [];
    let keptEnd = -1;
    for (const candidate of candidates) {
      if (candidate.start <= keptEnd) continue;
      batch.push(candidate);
      keptEnd = candidate.end;
    }
    if (batch.length === 0) return { text, applied: placedFixes(document, applied), dropped, roundsExhausted: false };

    const pieces: string[] = [];
    let from = 0;
    for (const edit of batch) {
      pieces.push(text.slice(from, edit.start), edit.newText);
      from = edit.end;
    }
    pieces.push(text.slice(from));
    const fixed = pieces.join('');
    const placed = shiftSpans(batch, batch).map((edit): Placed => ({ start: edit.start, end: edit.start + edit.newText.length, code: edit.code, title: edit.title }));

    const next = documentOf(fixed);
    const nextDiagnostics = validate(next);
    const flagged = new Set<number>();
    for (const diagnostic of nextDiagnostics) {
      const finding = diagnosticSpan(next, diagnostic);
      for (let i = firstEndingFrom(placed, finding.start); i < placed.length && placed[i].start <= finding.end; i++) if (flaggedAt(placed[i], finding)) flagged.add(i);
    }
    if (flagged.size > 0) {
      dropped += flagged.size;
      settled = [...settled, ...batch.filter((_, i) => flagged.has(i))].sort(byStart);
      continue; // the same text again, without the dropped fixes
    }
    applied = [...shiftSpans(applied, batch), ...placed].sort(byStart);
    settled = [...shiftSpans(settled, batch), ...placed].sort(byStart);
    text = fixed;
    document = next;
    diagnostics = nextDiagnostics;
  }
  return { text, applied: placedFixes(document, applied), dropped, roundsExhausted: true };
}

function placedFixes(document: TextDocument, applied: Placed[]): AppliedFix[] {
  return applied.map((place) => ({ ...document.positionAt(place.start), code: place.code, title: place.title }));
}
