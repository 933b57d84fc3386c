/**
 * The protocol floor for `npm run bench`: a language server on the same vscode-languageserver that keeps each document's
 * text, makes one bare RegExp pass over it and publishes empty diagnostics. No server on this stack can answer faster,
 * since receiving and parsing the notification is most of the work.
 */
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SERVER_STATUS_REQUEST, type ServerStatus, type ServerStatusParams } from '../../server/src/commands';
import { barePass } from './barePass';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let clientPullsDiagnostics = false;

connection.onInitialize((params) => {
  clientPullsDiagnostics = params.capabilities.textDocument?.diagnostic !== undefined;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['.', ' ', '-'] },
      ...(clientPullsDiagnostics ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
    },
  };
});

documents.onDidChangeContent(({ document }) => {
  if (clientPullsDiagnostics) return;
  barePass(document.getText());
  void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics: [] });
});

connection.languages.diagnostics.on((params) => {
  const document = documents.get(params.textDocument.uri);
  if (document) barePass(document.getText());
  return { kind: 'full', items: [] };
});

connection.onHover(() => null);
connection.onCompletion(() => null);

connection.onRequest(SERVER_STATUS_REQUEST, (params?: ServerStatusParams): ServerStatus => {
  const { user, system } = process.cpuUsage();
  if (params?.collectGarbage !== false) (globalThis as { gc?: () => void }).gc?.();
  return { documents: documents.all().length, memory: process.memoryUsage(), cpuMs: (user + system) / 1000 };
});

documents.listen(connection);
connection.listen();
