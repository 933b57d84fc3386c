/** The LSP server around the language service: capabilities, settings, document sync, scheduling of validation. */
import {
  CodeActionKind, DiagnosticRefreshRequest, DidChangeConfigurationNotification, TextDocumentSyncKind,
  type CancellationToken, type Connection, type InitializeResult,
} from 'vscode-languageserver';
import { DOCUMENT_KIND_REQUEST, REGISTRY_MARKDOWN_REQUEST, REGISTRY_REQUEST, SERVER_STATUS_REQUEST, SUMMARY_REQUEST } from './commands';
import { SEMANTIC_TOKENS_LEGEND, SemanticTokensResults } from './features/semanticTokens';
import { createLanguageService } from './languageService';
import { LineDocument } from './lineDocument';
import { resolveSettings, type Settings } from './settings';

/** Push diagnostics at once after a quiet spell, then at most this often while edits keep coming. */
const PUSH_INTERVAL_MS = 100;

export function startServer(connection: Connection): void {
  const service = createLanguageService();
  const documents = new Map<string, LineDocument>();
  const settingsByUri = new Map<string, Promise<Settings>>();
  const toldOnce = new Set<string>();
  const pushes = new Map<string, { timer?: ReturnType<typeof setTimeout>; last: number }>();
  let canPullSettings = false;
  let clientPullsDiagnostics = false;
  let canRefreshDiagnostics = false;
  let canRefreshInlayHints = false;
  let canRefreshSemanticTokens = false;
  const semanticTokens = new SemanticTokensResults();

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
        ...(clientPullsDiagnostics ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'smtp-status-codes-language-server' },
    };
  });

  connection.onInitialized(() => {
    if (canPullSettings) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'smtpStatusCodes' });
  });

  /** A failure in one request is logged and answered with `fallback`; it never takes the server down. */
  async function guard<T>(work: () => T | Promise<T>, fallback: T): Promise<T> {
    try {
      return await work();
    } catch (error) {
      connection.console.error(`SMTP status codes: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return fallback;
    }
  }

  function tellOnce(key: string, message: string, kind: 'warning' | 'information'): void {
    if (toldOnce.has(key)) return;
    toldOnce.add(key);
    connection.console.info(message);
    void (kind === 'warning' ? connection.window.showWarningMessage(message) : connection.window.showInformationMessage(message));
  }

  function settingsFor(uri: string): Promise<Settings> {
    let settings = settingsByUri.get(uri);
    if (!settings) {
      const raw = canPullSettings
        ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'smtpStatusCodes' }).catch(() => undefined)
        : Promise.resolve(undefined);
      settings = raw.then((value) => {
        const { settings: resolved, problems } = resolveSettings(value);
        for (const problem of problems) tellOnce(problem, problem, 'warning');
        return resolved;
      });
      settingsByUri.set(uri, settings);
    }
    return settings;
  }

  async function validate(document: LineDocument, token?: CancellationToken) {
    const validation = service.doValidation(document, await settingsFor(document.uri), token);
    if (validation?.limited) tellOnce(`${document.uri} ${validation.limited.setting}`, validation.limited.message, 'information');
    return validation?.diagnostics;
  }

  async function push(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document) return;
    const diagnostics = await validate(document);
    if (diagnostics && documents.get(uri)?.version === document.version) {
      await connection.sendDiagnostics({ uri, version: document.version, diagnostics });
    }
  }

  /** Leading and trailing throttle: the first edit after a pause is checked at once, a burst once per interval and at its end. */
  function schedulePush(uri: string): void {
    const state = pushes.get(uri) ?? { last: 0 };
    pushes.set(uri, state);
    if (state.timer) return;
    const wait = Math.max(0, state.last + PUSH_INTERVAL_MS - Date.now());
    state.timer = setTimeout(() => {
      state.timer = undefined;
      state.last = Date.now();
      void guard(() => push(uri), undefined);
    }, wait);
  }

  connection.onDidOpenTextDocument(({ textDocument: { uri, languageId, version, text } }) => {
    documents.set(uri, new LineDocument(uri, languageId, version, text));
    if (!clientPullsDiagnostics) schedulePush(uri);
  });

  connection.onDidChangeTextDocument(({ textDocument: { uri, version }, contentChanges }) => {
    const document = documents.get(uri);
    if (!document) return;
    void guard(() => {
      for (const change of contentChanges) {
        document.update(change, version);
        service.didChange(document, change);
      }
    }, undefined);
    if (!clientPullsDiagnostics) schedulePush(uri);
  });

  connection.onDidCloseTextDocument(({ textDocument: { uri } }) => {
    clearTimeout(pushes.get(uri)?.timer);
    pushes.delete(uri);
    documents.delete(uri);
    settingsByUri.delete(uri);
    semanticTokens.forget(uri);
    service.forget(uri);
    if (!clientPullsDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration(() => {
    settingsByUri.clear();
    toldOnce.clear();
    if (canRefreshInlayHints) void connection.languages.inlayHint.refresh();
    if (canRefreshSemanticTokens) void connection.languages.semanticTokens.refresh();
    if (clientPullsDiagnostics) {
      if (canRefreshDiagnostics) void connection.sendRequest(DiagnosticRefreshRequest.type);
    } else {
      for (const uri of documents.keys()) schedulePush(uri);
    }
  });

  connection.languages.diagnostics.on((params, token) => guard(async () => {
    const document = documents.get(params.textDocument.uri);
    const items = document ? await validate(document, token) : [];
    return { kind: 'full' as const, items: items ?? [] };
  }, { kind: 'full' as const, items: [] }));

  connection.onHover((params) => guard(async () => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.doHover(document, params.position, await settingsFor(document.uri)) : null;
  }, null));

  connection.onCompletion((params) => guard(async () => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.doComplete(document, params.position, await settingsFor(document.uri)) : null;
  }, null));

  /** For benchmarks and bug reports: open documents and memory, settled by a collection where the process allows one. */
  connection.onCompletionResolve((item) => service.doResolveCompletion(item));

  connection.onCodeAction((params) => guard(async () => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.doCodeActions(document, params.context.diagnostics, await settingsFor(document.uri)) : [];
  }, []));

  connection.languages.inlayHint.on((params) => guard(async () => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.doInlayHints(document, params.range, await settingsFor(document.uri)) : [];
  }, []));

  connection.onDocumentLinks((params) => guard(async () => {
    const document = documents.get(params.textDocument.uri);
    return document ? service.doDocumentLinks(document, await settingsFor(document.uri)) : [];
  }, []));

  connection.languages.semanticTokens.on((params) => guard(async () => {
    const document = documents.get(params.textDocument.uri);
    return document ? semanticTokens.full(document.uri, service.doSemanticTokens(document, await settingsFor(document.uri))) : { data: [] };
  }, { data: [] }));

  connection.languages.semanticTokens.onDelta((params) => guard(async () => {
    const document = documents.get(params.textDocument.uri);
    return document ? semanticTokens.delta(document.uri, params.previousResultId, service.doSemanticTokens(document, await settingsFor(document.uri))) : { data: [] };
  }, { data: [] }));

  connection.languages.semanticTokens.onRange((params) => guard(async () => {
    const document = documents.get(params.textDocument.uri);
    return { data: document ? service.doSemanticTokens(document, await settingsFor(document.uri), params.range) : [] };
  }, { data: [] }));

  connection.onRequest(DOCUMENT_KIND_REQUEST, (params: { uri: string }) => guard(async () => {
    const document = documents.get(params.uri);
    return document ? service.kindOf(document, await settingsFor(document.uri)) : null;
  }, null));

  connection.onRequest(SUMMARY_REQUEST, (params: { uri: string }) => guard(async () => {
    const document = documents.get(params.uri);
    return document ? service.summarize(document, await settingsFor(document.uri)) : null;
  }, null));
  connection.onRequest(REGISTRY_REQUEST, () => service.registryItems());
  connection.onRequest(REGISTRY_MARKDOWN_REQUEST, () => service.registryMarkdown());

  connection.onRequest(SERVER_STATUS_REQUEST, () => {
    (globalThis as { gc?: () => void }).gc?.();
    return { documents: documents.size, memory: process.memoryUsage() };
  });

  connection.listen();
}
