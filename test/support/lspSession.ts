/**
 * A real LSP client for tests: starts dist/server.js over stdio and talks JSON-RPC to it. With SMTP_LSP_IN_PROCESS=1
 * (set by `npm run test:mutation`), the server from the compiled sources runs in the test's own process instead, over a
 * pair of streams: the same protocol, and code that the mutation run can see being run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { PassThrough } from 'node:stream';
import { createConnection as createServerConnection, ProposedFeatures, type WatchDog } from 'vscode-languageserver';
import {
  CompletionRequest, ConfigurationRequest, createProtocolConnection, DidChangeConfigurationNotification,
  DidChangeTextDocumentNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, DocumentDiagnosticRequest,
  ExitNotification, HoverRequest, SemanticTokensDeltaRequest, SemanticTokensRangeRequest, SemanticTokensRequest, InitializedNotification, InitializeRequest, LogMessageNotification, PublishDiagnosticsNotification,
  ShowMessageNotification, ShutdownRequest, StreamMessageReader, StreamMessageWriter,
  type ClientCapabilities, type CompletionList, type ConfigurationItem, type Registration, type RegistrationParams, type ShowMessageParams, type Diagnostic, type Hover, type Position, type ProtocolConnection, type ServerCapabilities,
  type PublishDiagnosticsParams, type Range, type SemanticTokens, type SemanticTokensDelta, type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { startServer } from '../../server/src/server';
import { SERVER } from './paths';

/** Whether sessions start the server in this process (see above). */
export const SERVER_IN_PROCESS = process.env.SMTP_LSP_IN_PROCESS === '1';

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
  /** Workspace capabilities added to the client's own (`inlayHint: { refreshSupport: true }` …). */
  workspaceCapabilities?: ClientCapabilities['workspace'];
  /** The client's capabilities, whole, instead of those of a full client (`{}`: a client that declares nothing). */
  capabilities?: ClientCapabilities;
}

export class LspSession {
  readonly messages: string[] = [];
  stderr = '';
  settings: unknown;
  serverCapabilities: ServerCapabilities = {};
  serverInfo: { name: string; version?: string } | undefined;
  /** Each workspace/configuration item the server asked for, in order. */
  readonly configurationRequests: ConfigurationItem[] = [];
  /** Each registration the server asked for with client/registerCapability. */
  readonly registrations: Registration[] = [];
  /** The methods of the server's requests to refresh what the client shows (`workspace/diagnostic/refresh` …), in order. */
  readonly refreshes: string[] = [];
  /** What the server showed the user (window/showMessage and window/showMessageRequest), with its type (1 error, 2 warning, 3 information). */
  readonly shown: ShowMessageParams[] = [];
  private readonly versions = new Map<string, number>();
  private readonly published = new Map<string, PublishDiagnosticsParams>();
  private readonly pushCounts = new Map<string, number>();
  private readonly pulled = new Map<string, { resultId?: string; items: Diagnostic[] }>();
  private readonly waiters: (() => void)[] = [];
  private exited = false;
  private endInProcess?: (code: number) => void;
  /** Resolves with the server's exit code when its process ends (in process: when it would end its process). */
  readonly exit: Promise<number | null>;
  private readonly child?: ChildProcess;

  private constructor(readonly connection: ProtocolConnection, child: ChildProcess | undefined, readonly options: SessionOptions) {
    this.settings = options.settings;
    this.child = child;
    this.exit = child
      ? new Promise((resolve) => child.once('exit', (code) => resolve(code)))
      : new Promise((resolve) => (this.endInProcess = (code) => {
        this.exited = true;
        resolve(code);
      }));
  }

  /** The server's process; a session whose server runs in the test process has none. */
  get process(): ChildProcess {
    if (!this.child) throw new Error('this session runs the server in the test process: a test of the process itself needs SMTP_LSP_IN_PROCESS unset');
    return this.child;
  }

  static async start(options: SessionOptions = {}): Promise<LspSession> {
    const inProcess = SERVER_IN_PROCESS && options.server === undefined && options.nodeOptions === undefined;
    let session: LspSession;
    let connection: ProtocolConnection;
    if (inProcess) {
      const toServer = new PassThrough();
      const toClient = new PassThrough();
      connection = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
      const inProcessSession = new LspSession(connection, undefined, options);
      session = inProcessSession;
      // What vscode-languageserver/node does for the process, for this session: `exit` ends the session, not the tests.
      const watchDog: WatchDog = {
        shutdownReceived: false,
        initialize: () => undefined,
        exit: (code) => inProcessSession.endInProcess!(code),
      };
      startServer(createServerConnection(
        (logger) => createProtocolConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient), logger),
        watchDog, ProposedFeatures.all,
      ));
    } else {
      const child = spawn(process.execPath, [...(options.nodeOptions ?? []), options.server ?? SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
      connection = createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
      session = new LspSession(connection, child, options);
      child.stderr!.on('data', (chunk) => (session.stderr += chunk));
      child.on('exit', () => (session.exited = true));
    }
    connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
      session.published.set(params.uri, params);
      session.pushCounts.set(params.uri, (session.pushCounts.get(params.uri) ?? 0) + 1);
      session.waiters.splice(0).forEach((wake) => wake());
    });
    connection.onNotification(LogMessageNotification.type, (params) => void session.messages.push(params.message));
    connection.onNotification(ShowMessageNotification.type, (params) => {
      session.shown.push(params);
      session.messages.push(params.message);
    });
    connection.onRequest(ConfigurationRequest.type, (params) => {
      session.configurationRequests.push(...params.items);
      return options.settingsNeverAnswered ? new Promise<never>(() => undefined) : params.items.map(() => session.settings);
    });
    connection.onRequest('client/registerCapability', (params: RegistrationParams) => {
      session.registrations.push(...params.registrations);
      return null;
    });
    for (const method of ['workspace/inlayHint/refresh', 'workspace/semanticTokens/refresh']) {
      connection.onRequest(method, () => {
        session.refreshes.push(method);
        return null;
      });
    }
    connection.onRequest('window/showMessageRequest', (params: ShowMessageParams) => {
      session.shown.push({ type: params.type, message: params.message });
      session.messages.push(params.message);
      return null;
    });
    connection.onRequest('workspace/diagnostic/refresh', () => {
      session.refreshes.push('workspace/diagnostic/refresh');
      return null;
    });
    connection.listen();

    const capabilities: ClientCapabilities = options.capabilities ?? {
      workspace: {
        configuration: options.settings !== undefined || options.settingsNeverAnswered === true, didChangeConfiguration: { dynamicRegistration: true }, diagnostics: { refreshSupport: true },
        ...options.workspaceCapabilities,
      },
      textDocument: {
        hover: { contentFormat: ['markdown', 'plaintext'] },
        completion: { completionItem: { snippetSupport: true, labelDetailsSupport: true } },
        publishDiagnostics: { versionSupport: true },
        ...(options.pullDiagnostics ? { diagnostic: { dynamicRegistration: false } } : {}),
      },
    };
    const initialized = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities, workspaceFolders: null });
    session.serverCapabilities = initialized.capabilities;
    session.serverInfo = initialized.serverInfo;
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

  /** How many times the server has pushed diagnostics for `uri`. */
  pushesFor(uri: string): number {
    return this.pushCounts.get(uri) ?? 0;
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
    const exit = this.exit;
    await this.connection.sendRequest(ShutdownRequest.type);
    await this.connection.sendNotification(ExitNotification.type);
    await exit;
    this.connection.dispose();
  }
}
