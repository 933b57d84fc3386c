/** A real LSP client for tests: starts dist/server.js over stdio and talks JSON-RPC to it. */
import { spawn, type ChildProcess } from 'node:child_process';
import {
  CompletionRequest, ConfigurationRequest, createProtocolConnection, DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, DocumentDiagnosticRequest,
  ExitNotification, HoverRequest, SemanticTokensDeltaRequest, SemanticTokensRangeRequest, SemanticTokensRequest, InitializedNotification, InitializeRequest, LogMessageNotification, PublishDiagnosticsNotification,
  ShowMessageNotification, ShutdownRequest, StreamMessageReader, StreamMessageWriter,
  type ClientCapabilities, type CompletionList, type Diagnostic, type Hover, type Position, type ProtocolConnection, type ServerCapabilities,
  type PublishDiagnosticsParams, type Range, type SemanticTokens, type SemanticTokensDelta, type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { SERVER } from './paths';

export interface SessionOptions {
  /** The client asks for diagnostics (LSP 3.17 pull) instead of waiting for them to be pushed. */
  pullDiagnostics?: boolean;
  /** The `smtpStatusCodes` section returned to workspace/configuration; undefined: the client cannot answer it. */
  settings?: unknown;
  /** The client declares workspace/configuration but never answers it (a careless client). */
  settingsNeverAnswered?: boolean;
  /** Extra options for the server's Node process (the benchmark passes --expose-gc). */
  nodeOptions?: string[];
  /** The server script to run; dist/server.js unless given (the benchmark also runs its protocol floor). */
  server?: string;
}

export class LspSession {
  readonly messages: string[] = [];
  stderr = '';
  settings: unknown;
  serverCapabilities: ServerCapabilities = {};
  private readonly versions = new Map<string, number>();
  private readonly published = new Map<string, PublishDiagnosticsParams>();
  private readonly pushCounts = new Map<string, number>();
  private readonly pulled = new Map<string, { resultId?: string; items: Diagnostic[] }>();
  private readonly waiters: (() => void)[] = [];
  private exited = false;
  /** Resolves with the server's exit code when its process ends. */
  readonly exit: Promise<number | null>;

  private constructor(readonly connection: ProtocolConnection, readonly process: ChildProcess, readonly options: SessionOptions) {
    this.settings = options.settings;
    this.exit = new Promise((resolve) => process.once('exit', (code) => resolve(code)));
  }

  static async start(options: SessionOptions = {}): Promise<LspSession> {
    const child = spawn(process.execPath, [...(options.nodeOptions ?? []), options.server ?? SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const session = new LspSession(connection, child, options);
    child.stderr!.on('data', (chunk) => (session.stderr += chunk));
    child.on('exit', () => (session.exited = true));
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      session.published.set(params.uri, params);
      session.pushCounts.set(params.uri, (session.pushCounts.get(params.uri) ?? 0) + 1);
      session.waiters.splice(0).forEach((wake) => wake());
    });
    connection.onNotification(LogMessageNotification.type, (params) => void session.messages.push(params.message));
    connection.onNotification(ShowMessageNotification.type, (params) => void session.messages.push(params.message));
    connection.onRequest(ConfigurationRequest.type, (params) => options.settingsNeverAnswered
      ? new Promise<never>(() => undefined)
      : params.items.map(() => session.settings));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/showMessageRequest', (params: { message: string }) => {
      session.messages.push(params.message);
      return null;
    });
    connection.onRequest('workspace/diagnostic/refresh', () => null);
    connection.listen();

    const capabilities: ClientCapabilities = {
      workspace: { configuration: options.settings !== undefined || options.settingsNeverAnswered === true, didChangeConfiguration: { dynamicRegistration: true }, diagnostics: { refreshSupport: true } },
      textDocument: {
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: true, labelDetailsSupport: true } },
        publishDiagnostics: { versionSupport: true },
        ...(options.pullDiagnostics ? { diagnostic: { dynamicRegistration: false } } : {}),
      },
    };
    const initialized = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities, workspaceFolders: null });
    session.serverCapabilities = initialized.capabilities;
    await connection.sendNotification(InitializedNotification.type, {});
    return session;
  }

  get alive(): boolean {
    return !this.exited;
  }

  async open(uri: string, text: string, languageId = 'plaintext'): Promise<void> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  }

  async change(uri: string, ...contentChanges: TextDocumentContentChangeEvent[]): Promise<void> {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges });
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async changeSettings(settings: unknown): Promise<void> {
    this.settings = settings;
    await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
  }

  async completion(uri: string, position: Position): Promise<CompletionList> {
    const result = await this.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position });
    return Array.isArray(result) ? { isIncomplete: false, items: result } : result ?? { isIncomplete: false, items: [] };
  }

  async semanticTokens(uri: string, range?: Range): Promise<SemanticTokens> {
    const result = range
      ? await this.connection.sendRequest(SemanticTokensRangeRequest.type, { textDocument: { uri }, range })
      : await this.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } });
    return result ?? { data: [] };
  }

  async semanticTokensDelta(uri: string, previousResultId: string): Promise<SemanticTokens | SemanticTokensDelta> {
    return (await this.connection.sendRequest(SemanticTokensDeltaRequest.type, { textDocument: { uri }, previousResultId })) ?? { data: [] };
  }

  /** The diagnostics for the document's latest version: pulled, or awaited until the server pushes them. */
  async diagnostics(uri: string): Promise<Diagnostic[]> {
    if (this.options.pullDiagnostics) {
      // As VS Code does: the last report's id goes with the request, and an unchanged report keeps the last items.
      const previous = this.pulled.get(uri);
      const report = await this.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId: previous?.resultId });
      if (report.kind === 'unchanged') return previous?.items ?? [];
      this.pulled.set(uri, { resultId: report.resultId, items: report.items });
      return report.items;
    }
    const version = this.versions.get(uri);
    for (;;) {
      const latest = this.published.get(uri);
      if (latest && latest.version === version) return latest.diagnostics;
      await new Promise<void>((wake) => this.waiters.push(wake));
    }
  }

  /** Resolves with the next diagnostics pushed for `uri` after the call, whatever their version (pushes for other documents do not count). */
  async nextPush(uri: string): Promise<PublishDiagnosticsParams> {
    const seen = this.pushCounts.get(uri) ?? 0;
    for (;;) {
      await new Promise<void>((wake) => this.waiters.push(wake));
      if ((this.pushCounts.get(uri) ?? 0) > seen) return this.published.get(uri)!;
    }
  }

  async stop(): Promise<void> {
    if (this.exited) return;
    const exit = new Promise((resolve) => this.process.once('exit', resolve));
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    await exit;
    this.connection.dispose();
  }
}
