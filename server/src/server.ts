/** The LSP server around the language service: capabilities, settings, document sync, scheduling of validation. */
import {
  CodeActionKind, DiagnosticRefreshRequest, DidChangeConfigurationNotification, ErrorCodes, LSPErrorCodes, ResponseError,
  TextDocumentSyncKind, type CancellationToken, type Connection, type Diagnostic, type DocumentDiagnosticReport, type InitializeResult,
} from 'vscode-languageserver';
import { DOCUMENT_KIND_REQUEST, REGISTRY_MARKDOWN_REQUEST, REGISTRY_REQUEST, SERVER_STATUS_REQUEST, SUMMARY_REQUEST, type ServerStatus, type ServerStatusParams } from './commands';
import { SEMANTIC_TOKENS_LEGEND, SemanticTokensResults } from './features/semanticTokens';
import { createLanguageService } from './languageService';
import { LineDocument } from './lineDocument';
import { readPosition, readRange, readTextChange } from './ranges';
import { resolveSettings, type Settings } from './settings';
import { quote } from './text';

/** Push diagnostics at once after a quiet spell, then at most this often while edits keep coming. */
const PUSH_INTERVAL_MS = 100;
/** How long the first request for a document waits for workspace/configuration before it goes on with the defaults. */
const SETTINGS_TIMEOUT_MS = 1_500;

/** How the user is shown a message of each kind. */
const SHOW_MESSAGE = { warning: 'showWarningMessage', information: 'showInformationMessage' } as const;

function processCpuMs(): number | undefined {
  if (typeof process === 'undefined' || typeof process.cpuUsage !== 'function') return undefined;
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

function sameItems(a: readonly Diagnostic[], b: readonly Diagnostic[]): boolean {
  return a.length === b.length && a.every((item, index) => item === b[index] || sameDiagnostic(item, b[index]));
}

function sameDiagnostic(a: Diagnostic, b: Diagnostic): boolean {
  return a.message === b.message && a.code === b.code && a.severity === b.severity && a.range.start.line === b.range.start.line
    && a.range.start.character === b.range.start.character && a.range.end.line === b.range.end.line && a.range.end.character === b.range.end.character;
}

/** What the entry point needs to know to leave as LSP says: exit code 0 only after `shutdown`. */
export interface ServerState {
  readonly shutdownReceived: boolean;
}

export function startServer(connection: Connection): ServerState {
  const service = createLanguageService();
  const documents = new Map<string, LineDocument>();
  const settingsByUri = new Map<string, Promise<Settings>>();
  const toldOnce = new Set<string>();
  const pushes = new Map<string, { timer?: ReturnType<typeof setTimeout>; last: number }>();
  const reports = new Map<string, { resultId: string; items: Diagnostic[] }>();
  let lastResultId = 0;
  let canPullSettings = false;
  let clientPullsDiagnostics = false;
  let canRefreshDiagnostics = false;
  let canRefreshInlayHints = false;
  let canRefreshSemanticTokens = false;
  const semanticTokens = new SemanticTokensResults();
  /** False once a workspace/configuration request went unanswered: later ones do not wait, until an answer comes. */
  let clientAnswersSettings = true;
  const state = { shutdownReceived: false };

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    canPullSettings = capabilities.workspace?.configuration === true;
    clientPullsDiagnostics = capabilities.textDocument?.diagnostic !== undefined;
    canRefreshDiagnostics = capabilities.workspace?.diagnostics?.refreshSupport === true;
    canRefreshInlayHints = capabilities.workspace?.inlayHint?.refreshSupport === true;
    canRefreshSemanticTokens = capabilities.workspace?.semanticTokens?.refreshSupport === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['.', ' ', '-'], resolveProvider: true },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        inlayHintProvider: true,
        documentLinkProvider: { resolveProvider: false },
        semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: { delta: true }, range: true },
        foldingRangeProvider: true,
        documentHighlightProvider: true,
        referencesProvider: true,
        definitionProvider: true,
        documentSymbolProvider: { label: 'Messages' },
        ...(clientPullsDiagnostics ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'smtp-status-codes-language-server' },
    };
  });

  connection.onInitialized(() => {
    if (canPullSettings) send(() => connection.client.register(DidChangeConfigurationNotification.type, { section: 'smtpStatusCodes' }));
  });

  connection.onShutdown(() => {
    state.shutdownReceived = true;
    for (const push of pushes.values()) clearTimeout(push.timer);
    pushes.clear();
  });

  /** Sends to the client, never throwing: once the client has gone (its end of the connection closed) there is no one to tell. */
  function send(message: () => unknown): void {
    try {
      const sent = message();
      if (sent instanceof Promise) sent.catch(() => undefined);
    } catch {
      // The connection is closed: the process is about to leave.
    }
  }

  function log(kind: 'error' | 'warn' | 'info', message: string): void {
    send(() => connection.console[kind](message));
  }

  function tellOnce(key: string, message: string, kind: keyof typeof SHOW_MESSAGE): void {
    if (toldOnce.has(key)) return;
    toldOnce.add(key);
    log('info', message);
    send(() => connection.window[SHOW_MESSAGE[kind]](message));
  }

  function logOnce(key: string, message: string): void {
    if (toldOnce.has(key)) return;
    toldOnce.add(key);
    log('warn', message);
  }

  /** A failure in a notification handler or a push is logged; it never takes the server down. */
  async function guard<T>(work: () => T | Promise<T>, fallback: T): Promise<T> {
    try {
      return await work();
    } catch (error) {
      log('error', `SMTP status codes: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return fallback;
    }
  }

  const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');

  /**
   * Every request goes through here: after `shutdown` it is refused as LSP says, a cancelled one is answered with the
   * cancellation error (never with a result the client could take for the answer), and a failure is logged and answered
   * with `fallback`.
   */
  async function request<T>(token: CancellationToken | undefined, work: () => T | Promise<T>, fallback: T): Promise<T> {
    if (state.shutdownReceived) throw new ResponseError(ErrorCodes.InvalidRequest, 'The server is shut down: it takes no more requests.');
    if (token?.isCancellationRequested) throw cancelled();
    let result: T;
    try {
      result = await work();
    } catch (error) {
      if (error instanceof ResponseError) throw error;
      log('error', `SMTP status codes: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      result = fallback;
    }
    if (token?.isCancellationRequested) throw cancelled();
    return result;
  }

  function invalidParams(what: string, value: unknown): ResponseError<void> {
    return new ResponseError(ErrorCodes.InvalidParams, `${what} must have whole-number lines and characters, not ${quote(JSON.stringify(value) ?? String(value))}.`);
  }

  function positionOf(params: { position?: unknown }) {
    const position = readPosition(params.position);
    if (!position) throw invalidParams('The position', params.position);
    return position;
  }

  /** The `smtpStatusCodes` settings of the workspace/configuration answer, or undefined (the defaults) where none came in time. */
  function requestSettings(uri: string, cached: () => Promise<Settings> | undefined): Promise<unknown> {
    if (!canPullSettings) return Promise.resolve(undefined);
    const answer = new Promise<unknown>((resolve) => {
      try {
        connection.workspace.getConfiguration({ scopeUri: uri, section: 'smtpStatusCodes' }).then(resolve, () => resolve(undefined));
      } catch {
        resolve(undefined);
      }
    });
    const NO_ANSWER = Symbol('no answer');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<typeof NO_ANSWER>((resolve) => (timer = setTimeout(() => resolve(NO_ANSWER), clientAnswersSettings ? SETTINGS_TIMEOUT_MS : 0)));
    return Promise.race([answer, timeout]).then((value) => {
      clearTimeout(timer);
      if (value !== NO_ANSWER) return value;
      if (clientAnswersSettings) {
        clientAnswersSettings = false;
        logOnce('settings timeout', `SMTP status codes: the client did not answer workspace/configuration within ${SETTINGS_TIMEOUT_MS / 1000} s; using the default settings until it does.`);
      }
      const defaults = cached();
      void answer.then((late) => {
        clientAnswersSettings = true;
        if (late === undefined || settingsByUri.get(uri) !== defaults) return;
        settingsByUri.set(uri, Promise.resolve(resolved(late)));
        refresh([uri]);
      });
      return undefined;
    });
  }

  function resolved(value: unknown): Settings {
    const { settings, problems } = resolveSettings(value);
    for (const problem of problems) tellOnce(problem, problem, 'warning');
    return settings;
  }

  function settingsFor(uri: string): Promise<Settings> {
    let settings = settingsByUri.get(uri);
    if (!settings) {
      const pending: Promise<Settings> = requestSettings(uri, () => pending).then(resolved);
      settings = pending;
      settingsByUri.set(uri, settings);
    }
    return settings;
  }

  /** Asks the client to pull diagnostics and inlay hints again, or pushes them anew. */
  function refresh(uris: Iterable<string>): void {
    if (state.shutdownReceived) return;
    if (canRefreshInlayHints) send(() => connection.languages.inlayHint.refresh());
    if (canRefreshSemanticTokens) send(() => connection.languages.semanticTokens.refresh());
    if (clientPullsDiagnostics) {
      if (canRefreshDiagnostics) send(() => connection.sendRequest(DiagnosticRefreshRequest.type));
    } else {
      for (const uri of uris) if (documents.has(uri)) schedulePush(uri);
    }
  }

  /** Diagnostics for the document, or undefined when `token` cancelled the work before it finished. */
  async function validate(document: LineDocument, token?: CancellationToken): Promise<Diagnostic[] | undefined> {
    const validation = service.doValidation(document, await settingsFor(document.uri), token);
    if (validation?.limited) tellOnce(`${document.uri} ${validation.limited.setting}`, validation.limited.message, 'information');
    // A document is checked whole without being split into lines: that is done once its diagnostics are on their way.
    // Stryker disable next-line ArrowFunction: splitting the lines ahead only spares the first request that reads them the time
    setTimeout(() => document.prepareLines(), 0);
    return validation?.diagnostics;
  }

  async function push(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document || state.shutdownReceived) return;
    const diagnostics = await validate(document);
    // Validation reads the document as it is now; a didOpen may have replaced it while the settings came.
    if (diagnostics && documents.get(uri) === document) await connection.sendDiagnostics({ uri, version: document.version, diagnostics });
  }

  /** Leading and trailing throttle: the first edit after a pause is checked at once, a burst once per interval and at its end. */
  function schedulePush(uri: string): void {
    if (state.shutdownReceived) return;
    const throttle = pushes.get(uri) ?? { last: 0 };
    pushes.set(uri, throttle);
    if (throttle.timer) return;
    const wait = Math.max(0, throttle.last + PUSH_INTERVAL_MS - Date.now());
    throttle.timer = setTimeout(() => {
      throttle.timer = undefined;
      throttle.last = Date.now();
      void guard(() => push(uri), undefined);
    }, wait);
  }

  connection.onDidOpenTextDocument(({ textDocument }) => {
    if (state.shutdownReceived) return;
    const { uri, languageId, version, text } = textDocument ?? {};
    if (typeof uri !== 'string' || typeof text !== 'string') {
      logOnce(`bad didOpen ${typeof uri}`, `SMTP status codes: ignored a didOpen without a string uri and text (${quote(JSON.stringify(textDocument) ?? '')}).`);
      return;
    }
    // A second didOpen of an open document (no didClose between) replaces it, and what was worked out for the old text.
    service.forget(uri);
    documents.set(uri, new LineDocument(uri, typeof languageId === 'string' ? languageId : 'plaintext', typeof version === 'number' ? version : 0, text));
    if (!clientPullsDiagnostics) schedulePush(uri);
  });

  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    if (state.shutdownReceived) return;
    const document = documents.get(textDocument?.uri);
    if (!document) return;
    const version = typeof textDocument.version === 'number' ? textDocument.version : document.version + 1;
    void guard(() => {
      for (const raw of Array.isArray(contentChanges) ? contentChanges : [contentChanges]) {
        const change = readTextChange(raw);
        if (typeof change === 'string') {
          logOnce(`bad change ${document.uri}`, `SMTP status codes: ignored ${change} in ${quote(document.uri)}; its diagnostics may be out of step with the editor until it is reopened.`);
          continue;
        }
        // The store clamps the range; the analysis takes the change as the store applied it, so both agree.
        service.didChange(document, document.update(change, version));
      }
    }, undefined);
    if (!clientPullsDiagnostics) schedulePush(document.uri);
  });

  connection.onDidCloseTextDocument(({ textDocument }) => {
    const uri = textDocument?.uri;
    clearTimeout(pushes.get(uri)?.timer);
    pushes.delete(uri);
    documents.delete(uri);
    reports.delete(uri);
    settingsByUri.delete(uri);
    semanticTokens.forget(uri);
    service.forget(uri);
    if (!clientPullsDiagnostics && typeof uri === 'string' && !state.shutdownReceived) send(() => connection.sendDiagnostics({ uri, diagnostics: [] }));
  });

  connection.onDidChangeConfiguration(() => {
    settingsByUri.clear();
    toldOnce.clear();
    refresh(documents.keys());
  });

  /**
   * Pulled diagnostics answer "unchanged" when the client holds the last report and the new one is the same (the service
   * keeps a log's diagnostics of untouched codes as the same objects; others are compared by value): most keystrokes in a
   * large log change no diagnostic,
   * and a report of a thousand of them need not be encoded and sent again.
   */
  connection.languages.diagnostics.on((params, token) => request(token, async (): Promise<DocumentDiagnosticReport> => {
    const uri = params.textDocument?.uri;
    const document = documents.get(uri);
    if (!document) return { kind: 'full', items: [] };
    const items = await validate(document, token);
    if (!items) throw cancelled();
    const previous = reports.get(uri);
    if (previous && params.previousResultId === previous.resultId && sameItems(previous.items, items)) return { kind: 'unchanged', resultId: previous.resultId };
    // Stryker disable next-line UpdateOperator: the id only has to be new; counting down gives new ids too
    const resultId = String(++lastResultId);
    reports.set(uri, { resultId, items });
    return { kind: 'full', resultId, items };
  }, { kind: 'full' as const, items: [] }));

  connection.onHover((params, token) => request(token, async () => {
    const document = documents.get(params.textDocument?.uri);
    return document ? service.doHover(document, positionOf(params), await settingsFor(document.uri)) : null;
  }, null));

  connection.onCompletion((params, token) => request(token, async () => {
    const document = documents.get(params.textDocument?.uri);
    return document ? service.doComplete(document, positionOf(params), await settingsFor(document.uri)) : null;
  }, null));

  connection.onCompletionResolve((item, token) => request(token, () => service.doResolveCompletion(item), item));

  connection.onCodeAction((params, token) => request(token, async () => {
    const document = documents.get(params.textDocument?.uri);
    const diagnostics = Array.isArray(params.context?.diagnostics) ? params.context.diagnostics : [];
    // Diagnostics come back from the client: only those with a readable range are looked at.
    const readable = diagnostics.flatMap((diagnostic) => {
      const range = readRange(diagnostic?.range);
      return range ? [{ ...diagnostic, range }] : [];
    });
    return document ? service.doCodeActions(document, readable, await settingsFor(document.uri)) : [];
  }, []));

  connection.languages.inlayHint.on((params, token) => request(token, async () => {
    const document = documents.get(params.textDocument?.uri);
    const range = readRange(params.range);
    if (!range) throw invalidParams('The range', params.range);
    return document ? service.doInlayHints(document, range, await settingsFor(document.uri)) : [];
  }, []));

  connection.onDocumentLinks((params, token) => request(token, async () => {
    const document = documents.get(params.textDocument?.uri);
    return document ? service.doDocumentLinks(document, await settingsFor(document.uri)) : [];
  }, []));

  connection.languages.semanticTokens.on((params, token) => request(token, async () => {
    const document = documents.get(params.textDocument?.uri);
    return document ? semanticTokens.full(document.uri, service.doSemanticTokens(document, await settingsFor(document.uri))) : { data: [] };
  }, { data: [] }));

  connection.languages.semanticTokens.onDelta((params, token) => request(token, async () => {
    const document = documents.get(params.textDocument?.uri);
    return document ? semanticTokens.delta(document.uri, String(params.previousResultId), service.doSemanticTokens(document, await settingsFor(document.uri))) : { data: [] };
  }, { data: [] }));

  connection.languages.semanticTokens.onRange((params, token) => request(token, async () => {
    const document = documents.get(params.textDocument?.uri);
    const range = readRange(params.range);
    if (!range) throw invalidParams('The range', params.range);
    return { data: document ? service.doSemanticTokens(document, await settingsFor(document.uri), range) : [] };
  }, { data: [] }));

  connection.onRequest(DOCUMENT_KIND_REQUEST, (params: { uri: string }, token) => request(token, async () => {
    const document = documents.get(params?.uri);
    return document ? service.kindOf(document, await settingsFor(document.uri)) : null;
  }, null));

  connection.onDocumentHighlight((params, token) => request(token, () => {
    const document = documents.get(params.textDocument?.uri);
    return document ? service.doDocumentHighlights(document, positionOf(params)) : [];
  }, []));
  connection.onReferences((params, token) => request(token, () => {
    const document = documents.get(params.textDocument?.uri);
    return document ? service.doReferences(document, positionOf(params)) : [];
  }, []));
  connection.onDefinition((params, token) => request(token, () => {
    const document = documents.get(params.textDocument?.uri);
    return document ? service.doDefinition(document, positionOf(params)) : null;
  }, null));
  connection.onDocumentSymbol((params, token) => request(token, () => {
    const document = documents.get(params.textDocument?.uri);
    return document ? service.doDocumentSymbols(document) : [];
  }, []));

  connection.onFoldingRanges((params, token) => request(token, () => {
    const document = documents.get(params?.textDocument?.uri);
    return document ? service.doFoldingRanges(document) : [];
  }, []));

  connection.onRequest(SUMMARY_REQUEST, (params: { uri: string; byReason?: boolean }, token) => request(token, async () => {
    const document = documents.get(params?.uri);
    return document ? service.summarize(document, await settingsFor(document.uri), params.byReason === true) : null;
  }, null));
  connection.onRequest(REGISTRY_REQUEST, () => request(undefined, () => service.registryItems(), []));
  connection.onRequest(REGISTRY_MARKDOWN_REQUEST, () => request(undefined, () => service.registryMarkdown(), ''));

  /** For benchmarks and bug reports: open documents, memory and processor time, settled by a collection where the process allows one. */
  connection.onRequest(SERVER_STATUS_REQUEST, (params?: ServerStatusParams) => request(undefined, () => {
    const cpuMs = processCpuMs();
    if (params?.collectGarbage !== false) (globalThis as { gc?: () => void }).gc?.();
    return { documents: documents.size, memory: process.memoryUsage(), cpuMs } satisfies ServerStatus;
  }, null));

  connection.listen();
  return state;
}
