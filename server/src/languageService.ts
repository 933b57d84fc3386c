/**
 * The language service: pure functions of (document, position, settings) that return LSP types.
 * No editor, no I/O: the LSP server, the browser worker and tests all wrap this.
 */
import type {
  CodeAction, CompletionItem, CompletionList, Diagnostic, DocumentHighlight, DocumentLink, DocumentSymbol, FoldingRange, Hover, InlayHint, Location, Position, Range,
} from 'vscode-languageserver-types';
import { DocumentAnalysis, type TextChange, type TextDocumentLike } from './analysis';
import { decideDocumentKind, isConfigKind, isReadOnlyKind, SNIFF_LENGTH, type DocumentKind } from './documentKind';
import type { LineReader } from './features/bounceReason';
import { codeActions } from './features/codeActions';
import { completion, eximVerbAt, replyCodeNearby, resolveCompletion } from './features/completion';
import { diagnostics, type Validation } from './features/diagnostics';
import { hover, replyCodeHover } from './features/hover';
import { inlayHints } from './features/inlayHints';
import { documentLinks } from './features/links';
import { registryItems, registryMarkdown, type RegistryItem } from './features/registryView';
import { summarize, type DocumentSummary } from './features/summary';
import { dsnHover } from './features/harakaDsn';
import { semanticTokens } from './features/semanticTokens';
import { FILE_KINDS, userFileKind, type KindReason } from './fileKinds';
import { dsnFieldHover } from './features/dsn';
import { foldingRanges } from './features/folding';
import { mtaActionHover } from './features/mtaActionHover';
import { definition, documentHighlights, documentSymbols, isOnMessageId, MessageIndex, messageHover, references } from './features/messages';
import { providerContext, type ProvidersAt } from './features/providers';
import { withoutLineBreak } from './lines';
import { clampLine } from './ranges';
import type { Occurrence } from './scanner/scanner';
import { DEFAULT_SETTINGS, type Settings } from './settings';

export type { Validation } from './features/diagnostics';
export type { DocumentSummary } from './features/summary';
export type { RegistryItem } from './features/registryView';
export type { TextChange, TextDocumentLike } from './analysis';
export type { KindReason } from './fileKinds';

/** The kind a document was given and why, for the editor to show. */
export interface DocumentKindInfo {
  kind: DocumentKind;
  label: string;
  reason: KindReason;
  /** The glob of smtpStatusCodes.fileKinds that decided it, where the setting did. */
  pattern?: string;
}

/** Links are recomputed after every edit: documents larger than this (most are logs) get none. */
const MAX_LINKED_TEXT = 5_000_000;
/** Folding ranges are computed over the whole text on request: larger bounces (mailboxes) get none. */
const MAX_FOLDED_TEXT = 5_000_000;

/**
 * The most items one request returns, whatever the document holds: a response the editor cannot show is sent whole
 * and holds up every request after it (a 10 MB line of codes would otherwise make a million inlay hints).
 * Diagnostics have their own limit, the setting maxNumberOfProblems.
 */
export const LIMITS = {
  inlayHints: 1_000,
  documentLinks: 2_000,
  codeActions: 1_000,
  completionItems: 1_000,
  /** Codes listed per class in the summary (the most frequent first); their counts stay exact. */
  summaryCodes: 500,
  /** Occurrences the summary reveals, per code and in all. */
  summaryOccurrencesPerCode: 200,
  summaryOccurrences: 10_000,
} as const;

export interface CancellationTokenLike {
  readonly isCancellationRequested: boolean;
}

export interface LanguageService {
  doHover(document: TextDocumentLike, position: Position, settings?: Settings): Hover | null;
  doComplete(document: TextDocumentLike, position: Position, settings?: Settings): CompletionList | null;
  /** Adds the documentation of a completion item the editor is about to show. */
  doResolveCompletion(item: CompletionItem): CompletionItem;
  /** Diagnostics, and what a limit cut short; undefined when cancelled before it finished. */
  doValidation(document: TextDocumentLike, settings?: Settings, token?: CancellationTokenLike): Validation | undefined;
  /** Tells the service that `change` has just been applied to `document`, so that only the lines it touched are scanned again. */
  didChange(document: TextDocumentLike, change: TextChange): void;
  /** Quick fixes for the given diagnostics (those of this service; others are ignored). */
  doCodeActions(document: TextDocumentLike, diagnostics: readonly Diagnostic[], settings?: Settings): CodeAction[];
  doInlayHints(document: TextDocumentLike, range: Range, settings?: Settings): InlayHint[];
  doDocumentLinks(document: TextDocumentLike, settings?: Settings): DocumentLink[];
  /** Semantic tokens (LSP's relative encoding) of the whole document, or of the lines `range` covers. */
  doSemanticTokens(document: TextDocumentLike, settings?: Settings, range?: Range): number[];
  /** The kind the document is analysed as, and why: the user's smtpStatusCodes.fileKinds, or its name, language, content. */
  kindOf(document: TextDocumentLike, settings?: Settings): DocumentKindInfo;
  /** In bounces: the delivery-status part, its field groups and the returned message's headers. */
  doFoldingRanges(document: TextDocumentLike): FoldingRange[];
  /** The codes of a document by class, and (when asked) its failures by bounce reason, with counts, for the log summary view. */
  summarize(document: TextDocumentLike, settings?: Settings, byReason?: boolean): DocumentSummary;
  registryItems(): RegistryItem[];
  registryMarkdown(): string;
  /** In a mail log: every line of the message whose ID is under the cursor. */
  doDocumentHighlights(document: TextDocumentLike, position: Position): DocumentHighlight[];
  doReferences(document: TextDocumentLike, position: Position): Location[];
  /** In a mail log: the line where the message under the cursor entered the queue. */
  doDefinition(document: TextDocumentLike, position: Position): Location | null;
  /** In a mail log: its messages with their outcomes. */
  doDocumentSymbols(document: TextDocumentLike): DocumentSymbol[];
  /** Drops what is cached for a closed document. */
  forget(uri: string): void;
}

export function createLanguageService(): LanguageService {
  const analyses = new Map<string, DocumentAnalysis>();
  const messageIndexes = new Map<string, { version: number; index: MessageIndex }>();

  /** The messages of a mail log, indexed on the first request for this version; undefined for other kinds of document. */
  function messagesOf(document: TextDocumentLike, position?: Position): MessageIndex | undefined {
    if (analyze(document)!.kind !== 'mail-log') return undefined;
    if (position) {
      const lineText = document.getText({ start: { line: position.line, character: 0 }, end: { line: position.line + 1, character: 0 } });
      if (!isOnMessageId(withoutLineBreak(lineText), position.character)) return undefined;
    }
    const cached = messageIndexes.get(document.uri);
    if (cached && cached.version === document.version) return cached.index;
    const index = new MessageIndex(document.getText());
    messageIndexes.set(document.uri, { version: document.version, index });
    return index;
  }

  /** The analysis of the document's current version, with the kind the user's settings give it (if any). */
  function analyze(document: TextDocumentLike, settings?: Settings, token?: CancellationTokenLike): DocumentAnalysis | undefined {
    const cached = analyses.get(document.uri);
    // Without settings (folding ranges), the kind the last settings gave stands.
    const userKind = settings ? userFileKind(document.uri, settings.fileKinds)?.kind : cached?.userKind;
    if (cached && cached.version === document.version && cached.userKind === userKind) return cached;
    const analysis = new DocumentAnalysis(document, () => token?.isCancellationRequested ?? false, userKind);
    if (token?.isCancellationRequested) {
      analyses.delete(document.uri); // an outdated analysis must not take the next edits
      return undefined;
    }
    analyses.set(document.uri, analysis);
    return analysis;
  }

  return {
    doHover(document, position, settings = DEFAULT_SETTINGS) {
      if (!settings.hover.enabled) return null;
      const analysis = analyze(document, settings)!;
      const lineAt = lineReader(document);
      const providersOf = providersIn(analysis.kind, lineAt, settings);
      const found = hover(analysis, position, settings.knownCodes, providersOf, lineAt);
      if (found || analysis.kind === 'data') return found;
      const messages = messagesOf(document, position);
      const message = messages ? messageHover(messages, position) : null;
      if (message) return message;
      const lineText = lineAt(position.line) ?? '';
      return (analysis.kind === 'source' ? dsnHover(lineText, position) : null)
        ?? (analysis.kind === 'bounce' ? dsnFieldHover(lineText, position) : null)
        ?? (isReadOnlyKind(analysis.kind) ? null : mtaActionHover(lineText, position, analysis.kind))
        ?? replyCodeHover(lineText, position, isConfigKind(analysis.kind), isReadOnlyKind(analysis.kind) ? lineAt : undefined);
    },
    doComplete(document, position, settings = DEFAULT_SETTINGS) {
      if (!settings.completion.enabled) return null;
      const kind = analyze(document, settings)!.kind;
      const linePrefix = document.getText({ start: { line: position.line, character: 0 }, end: position });
      const lineText = (line: number) => document.getText({ start: { line, character: 0 }, end: { line, character: Number.MAX_SAFE_INTEGER } });
      const eximVerb = kind === 'exim' ? eximVerbAt(lineText, position.line) : undefined;
      const nearby = kind === 'source' ? replyCodeNearby(lineText, position.line, document.lineCount) : undefined;
      const list = completion(linePrefix, position, kind, settings.knownCodes, eximVerb, nearby);
      return list && list.items.length > LIMITS.completionItems ? { isIncomplete: true, items: list.items.slice(0, LIMITS.completionItems) } : list;
    },
    doResolveCompletion: resolveCompletion,
    doValidation(document, settings = DEFAULT_SETTINGS, token) {
      const analysis = analyze(document, settings, token);
      return analysis && diagnostics(analysis, settings, document);
    },
    didChange(document, change) {
      analyses.get(document.uri)?.applyChange(document, change);
    },
    doCodeActions(document, diagnostics, settings = DEFAULT_SETTINGS) {
      // Every diagnostic that has quick fixes gives at least one: the first LIMITS.codeActions of them are enough.
      return codeActions(document, analyze(document, settings)!, diagnostics.slice(0, LIMITS.codeActions)).slice(0, LIMITS.codeActions);
    },
    doInlayHints(document, range, settings = DEFAULT_SETTINGS) {
      const lines = { start: clampLine(range.start.line, document.lineCount), end: clampLine(range.end.line, document.lineCount) };
      const analysis = analyze(document, settings)!;
      const lineAt = lineReader(document);
      return inlayHints(analysis, lines, settings, lineAt, LIMITS.inlayHints, providersIn(analysis.kind, lineAt, settings));
    },
    doDocumentLinks(document, settings = DEFAULT_SETTINGS) {
      const analysis = analyze(document, settings)!;
      return analysis.textLength > Math.min(settings.maxFileSize, MAX_LINKED_TEXT) ? [] : documentLinks(analysis, document.getText(), LIMITS.documentLinks);
    },
    doSemanticTokens(document, settings = DEFAULT_SETTINGS, range) {
      return semanticTokens(analyze(document, settings)!, settings, range);
    },
    kindOf(document, settings = DEFAULT_SETTINGS) {
      const analysis = analyze(document, settings)!;
      const chosen = userFileKind(document.uri, settings.fileKinds);
      const head = () => document.getText({ start: { line: 0, character: 0 }, end: document.positionAt(SNIFF_LENGTH) });
      return chosen
        ? { kind: analysis.kind, label: FILE_KINDS[analysis.kind].label, reason: 'setting', pattern: chosen.pattern }
        : { kind: analysis.kind, label: FILE_KINDS[analysis.kind].label, reason: decideDocumentKind(document.uri, document.languageId, head()).reason };
    },
    doFoldingRanges(document) {
      const analysis = analyze(document)!;
      return analysis.kind !== 'bounce' || analysis.textLength > MAX_FOLDED_TEXT ? [] : foldingRanges(document.getText());
    },
    summarize(document, settings = DEFAULT_SETTINGS, byReason = false) {
      const analysis = analyze(document, settings)!;
      const lineAt = lineReader(document);
      const providersAt = providersIn(analysis.kind, lineAt, settings);
      return boundSummary(summarize(analysis, settings.knownCodes, byReason ? lineAt : undefined, providersAt, LIMITS.summaryOccurrencesPerCode));
    },
    registryItems,
    registryMarkdown,
    doDocumentHighlights(document, position) {
      const index = messagesOf(document, position);
      return index ? documentHighlights(index, position) : [];
    },
    doReferences(document, position) {
      const index = messagesOf(document, position);
      return index ? references(index, document.uri, position) : [];
    },
    doDefinition(document, position) {
      const index = messagesOf(document, position);
      return index ? definition(index, document.uri, position) : null;
    },
    doDocumentSymbols(document) {
      const index = messagesOf(document);
      return index ? documentSymbols(index) : [];
    },
    forget(uri) {
      analyses.delete(uri);
      messageIndexes.delete(uri);
    },
  };
}

/** The summary with at most LIMITS.summaryCodes codes per class and LIMITS.summaryOccurrences occurrences in all. */
function boundSummary(summary: DocumentSummary): DocumentSummary {
  let occurrencesLeft = LIMITS.summaryOccurrences;
  for (const statusClass of summary.classes) {
    statusClass.codes = statusClass.codes.slice(0, LIMITS.summaryCodes);
    for (const code of statusClass.codes) {
      if (code.occurrences.length > occurrencesLeft) code.occurrences = code.occurrences.slice(0, occurrencesLeft);
      occurrencesLeft -= code.occurrences.length;
    }
  }
  return summary;
}

/** The provider entries that explain each code in its context, where provider codes are on (see providerContext). */
function providersIn(kind: DocumentKind, lineAt: LineReader, settings: Settings): ProvidersAt | undefined {
  return settings.providers.enabled ? providerContext(kind, lineAt) : undefined;
}

/** One line of the document without its line break, undefined past its end. */
function lineReader(document: TextDocumentLike): LineReader {
  return (line) => line < 0 || line >= document.lineCount
    ? undefined
    : withoutLineBreak(document.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }));
}
