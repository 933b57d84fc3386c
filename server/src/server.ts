/** The LSP server around the language service: capabilities, settings, document sync, debounced validation. */
import {
  DiagnosticRefreshRequest, DidChangeConfigurationNotification, TextDocuments, TextDocumentSyncKind,
  type CancellationToken, type Connection, type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from './languageService';
import { resolveSettings, type Settings } from './settings';

const VALIDATION_DELAY_MS = 200;

export function startServer(connection: Connection): void {
  const service = createLanguageService();
  const documents = new TextDocuments(TextDocument);
  const settingsByUri = new Map<string, Promise<Settings>>();
  const reportedProblems = new Set<string>();
  const pendingValidations = new Map<string, ReturnType<typeof setTimeout>>();
  const toldTooLarge = new Set<string>();
  let canPullSettings = false;
  let clientPullsDiagnostics = false;
  let canRefreshDiagnostics = false;

  connection.onInitialize((params): InitializeResult => {
    const capabilities = params.capabilities;
    canPullSettings = capabilities.workspace?.configuration === true;
    clientPullsDiagnostics = capabilities.textDocument?.diagnostic !== undefined;
    canRefreshDiagnostics = capabilities.workspace?.diagnostics?.refreshSupport === true;
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['.', ' ', '-'], resolveProvider: false },
        ...(clientPullsDiagnostics ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'smtp-status-codes-language-server' },
    };
  });

  connection.onInitialized(() => {
    if (canPullSettings) void connection.client.register(DidChangeConfigurationNotification.type, { section: 'smtpStatusCodes' });
  });

  function settingsFor(uri: string): Promise<Settings> {
    let settings = settingsByUri.get(uri);
    if (!settings) {
      const raw = canPullSettings
        ? connection.workspace.getConfiguration({ scopeUri: uri, section: 'smtpStatusCodes' }).catch(() => undefined)
        : Promise.resolve(undefined);
      settings = raw.then((value) => {
        const { settings: resolved, problems } = resolveSettings(value);
        for (const problem of problems) reportOnce(problem);
        return resolved;
      });
      settingsByUri.set(uri, settings);
    }
    return settings;
  }

  function reportOnce(message: string): void {
    if (reportedProblems.has(message)) return;
    reportedProblems.add(message);
    connection.console.warn(message);
    void connection.window.showWarningMessage(message);
  }

  function tellIfTooLarge(document: TextDocument, settings: Settings): void {
    if (document.getText().length <= settings.maxFileSize || toldTooLarge.has(document.uri)) return;
    toldTooLarge.add(document.uri);
    void connection.window.showInformationMessage(
      `SMTP status codes: ${document.uri.slice(document.uri.lastIndexOf('/') + 1)} is larger than smtpStatusCodes.maxFileSize (${settings.maxFileSize} characters), so it is not checked; hover still works. Raise the setting to check it.`,
    );
  }

  async function validate(document: TextDocument, token?: CancellationToken) {
    const settings = await settingsFor(document.uri);
    tellIfTooLarge(document, settings);
    return service.doValidation(document, settings, token);
  }

  function schedulePush(document: TextDocument): void {
    clearTimeout(pendingValidations.get(document.uri));
    pendingValidations.set(document.uri, setTimeout(() => {
      pendingValidations.delete(document.uri);
      void guard(async () => {
        const latest = documents.get(document.uri);
        if (!latest) return;
        const diagnostics = await validate(latest);
        if (diagnostics && documents.get(latest.uri)?.version === latest.version) {
          await connection.sendDiagnostics({ uri: latest.uri, version: latest.version, diagnostics });
        }
      }, undefined);
    }, VALIDATION_DELAY_MS));
  }

  /** A failure in one request is logged and answered with `fallback`; it never takes the server down. */
  async function guard<T>(work: () => T | Promise<T>, fallback: T): Promise<T> {
    try {
      return await work();
    } catch (error) {
      connection.console.error(`SMTP status codes: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      return fallback;
    }
  }

  documents.onDidChangeContent((event) => {
    if (!clientPullsDiagnostics) schedulePush(event.document);
  });

  documents.onDidClose((event) => {
    clearTimeout(pendingValidations.get(event.document.uri));
    pendingValidations.delete(event.document.uri);
    settingsByUri.delete(event.document.uri);
    toldTooLarge.delete(event.document.uri);
    service.forget(event.document.uri);
    if (!clientPullsDiagnostics) void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  connection.onDidChangeConfiguration(() => {
    settingsByUri.clear();
    reportedProblems.clear();
    if (clientPullsDiagnostics) {
      if (canRefreshDiagnostics) void connection.sendRequest(DiagnosticRefreshRequest.type);
    } else {
      documents.all().forEach(schedulePush);
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

  documents.listen(connection);
  connection.listen();
}
