/**
 * The language server as a client meets it: what each request answers for an open document and for one it does not know,
 * settings pulled and pushed, refreshes, document sync as careless clients send it, errors and cancellation.
 */
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  CancellationTokenSource, CodeActionRequest, ConfigurationRequest, DefinitionRequest, DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification, DocumentDiagnosticRequest, DocumentHighlightRequest, DocumentLinkRequest, DocumentSymbolRequest,
  FoldingRangeRequest, HoverRequest, InlayHintRequest, ReferencesRequest, SemanticTokensDeltaRequest, SemanticTokensRangeRequest,
  SemanticTokensRequest, CompletionRequest, CompletionResolveRequest, DidCloseTextDocumentNotification, ShutdownRequest, ExitNotification,
  type Diagnostic, type DocumentSymbol, type Location, type MarkupContent,
} from 'vscode-languageserver-protocol';
import { DOCUMENT_KIND_REQUEST, REGISTRY_MARKDOWN_REQUEST, REGISTRY_REQUEST, SERVER_STATUS_REQUEST, SUMMARY_REQUEST, type ServerStatus } from '../../server/src/commands';
import type { DocumentKindInfo, DocumentSummary, RegistryItem } from '../../server/src/languageService';
import { LspSession, SERVER_IN_PROCESS } from '../support/lspSession';
import { fixture } from '../support/paths';

const LOG = 'file:///var/log/mail.log';
const LOG_LINES = [
  'Nov 28 10:00:01 mx1 postfix/smtpd[2001]: 3F9C12A0B4: client=mail.example.org[192.0.2.10]',
  'Nov 28 10:00:01 mx1 postfix/qmgr[2002]: 3F9C12A0B4: from=<alice@example.org>, size=2048, nrcpt=1 (queue active)',
  'Nov 28 10:00:02 mx1 postfix/smtp[2003]: 3F9C12A0B4: to=<bob@example.net>, relay=mx.example.net[198.51.100.7]:25, delay=1.2, delays=0.1/0/0.5/0.6, dsn=5.1.1, status=bounced (host mx.example.net[198.51.100.7] said: 550 5.1.1 <bob@example.net>: Recipient address rejected: User unknown (in reply to RCPT TO command))',
  'Nov 28 10:00:02 mx1 postfix/qmgr[2002]: 3F9C12A0B4: removed',
];
const SOURCE = 'file:///src/replies.js';
const SOURCE_TEXT = 'reply("550 4.1.1 nope");';

/** Error lines the server logged (a failure it caught), which no request of a client should cause. */
const failures = (session: LspSession) => session.messages.filter((message) => /^SMTP status codes: \w*Error/.test(message) || /\n\s+at /.test(message));

/** A promise and the function that settles it, for a client that answers when the test says so. */
function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((settle) => (resolve = settle));
  return { promise, resolve };
}

describe('language server: every request, for an open document and for one it does not know', { timeout: 60_000 }, () => {
  test('a document the server does not know gets the empty answer of each request, and nothing is logged as a failure', async () => {
    const session = await LspSession.start({ pullDiagnostics: true, settings: {} });
    try {
      const textDocument = { uri: 'file:///never/opened.log' };
      const position = { line: 0, character: 3 };
      const range = { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } };
      const send = session.connection.sendRequest.bind(session.connection);
      assert.deepEqual(await send(DocumentDiagnosticRequest.type, { textDocument }), { kind: 'full', items: [] });
      assert.equal(await send(HoverRequest.type, { textDocument, position }), null);
      assert.equal(await send(CompletionRequest.type, { textDocument, position }), null);
      assert.deepEqual(await send(CodeActionRequest.type, { textDocument, range, context: { diagnostics: [] } }), []);
      assert.deepEqual(await send(InlayHintRequest.type, { textDocument, range }), []);
      assert.deepEqual(await send(DocumentLinkRequest.type, { textDocument }), []);
      assert.deepEqual(await send(SemanticTokensRequest.type, { textDocument }), { data: [] });
      assert.deepEqual(await send(SemanticTokensDeltaRequest.type, { textDocument, previousResultId: '1' }), { data: [] });
      assert.deepEqual(await send(SemanticTokensRangeRequest.type, { textDocument, range }), { data: [] });
      assert.equal(await send(DOCUMENT_KIND_REQUEST, { uri: textDocument.uri }), null);
      assert.deepEqual(await send(DocumentHighlightRequest.type, { textDocument, position }), []);
      assert.deepEqual(await send(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: true } }), []);
      assert.equal(await send(DefinitionRequest.type, { textDocument, position }), null);
      assert.deepEqual(await send(DocumentSymbolRequest.type, { textDocument }), []);
      assert.deepEqual(await send(FoldingRangeRequest.type, { textDocument }), []);
      assert.equal(await send(SUMMARY_REQUEST, { uri: textDocument.uri }), null);
      assert.deepEqual(failures(session), []);
    } finally {
      await session.stop();
    }
  });

  test('an open Postfix log: highlights, references, definition, outline, folding, kind, summary and links answer for it', async () => {
    const session = await LspSession.start({ pullDiagnostics: true, settings: {} });
    try {
      await session.open(LOG, LOG_LINES.join('\n') + '\n', 'log');
      const textDocument = { uri: LOG };
      const onQueueId = { line: 2, character: LOG_LINES[2].indexOf('3F9C12A0B4') + 2 };
      const send = session.connection.sendRequest.bind(session.connection);
      const highlights = (await send(DocumentHighlightRequest.type, { textDocument, position: onQueueId })) ?? [];
      assert.deepEqual(highlights.map((highlight) => highlight.range.start.line), [0, 1, 2, 3]);
      const references = (await send(ReferencesRequest.type, { textDocument, position: onQueueId, context: { includeDeclaration: true } })) ?? [];
      assert.deepEqual(references.map((reference) => [reference.uri, reference.range.start.line]), [[LOG, 0], [LOG, 1], [LOG, 2], [LOG, 3]]);
      const found = await send(DefinitionRequest.type, { textDocument, position: onQueueId });
      assert.equal((Array.isArray(found) ? (found[0] as Location) : (found as Location)).range.start.line, 0, 'the line where the message entered the queue');
      const outline = ((await send(DocumentSymbolRequest.type, { textDocument })) ?? []) as DocumentSymbol[];
      assert.deepEqual(outline.map((symbol) => [symbol.name, symbol.detail, symbol.range.start.line, symbol.children?.map((child) => [child.name, child.detail])]), [
        ['3F9C12A0B4 bounced: 5.1.1 Bad destination mailbox address', 'bob@example.net', 0, [['bob@example.net', 'bounced 5.1.1 Bad destination mailbox address']]],
      ]);
      const kind = await send<DocumentKindInfo | null>(DOCUMENT_KIND_REQUEST, { uri: LOG });
      assert.equal(kind?.kind, 'mail-log');
      const summary = await send<DocumentSummary | null>(SUMMARY_REQUEST, { uri: LOG });
      assert.equal(summary?.total, 2, 'dsn=5.1.1 and the 5.1.1 of the reply');
      assert.deepEqual(summary?.classes.map((entry) => [entry.count, entry.codes.map((code) => code.code)]), [[2, ['5.1.1']]]);
      const byReason = await send<DocumentSummary | null>(SUMMARY_REQUEST, { uri: LOG, byReason: true });
      assert.notDeepEqual(byReason, summary, 'the failures grouped by bounce reason when asked');
      assert.match(JSON.stringify(byReason), /user unknown/i);
      const tokens = await send(SemanticTokensRequest.type, { textDocument });
      assert.ok(tokens && tokens.data.length > 0 && tokens.resultId !== undefined);
      const inRange = await send(SemanticTokensRangeRequest.type, { textDocument, range: { start: { line: 2, character: 0 }, end: { line: 3, character: 0 } } });
      assert.equal(inRange?.data.length, 3 * 5, 'dsn=5.1.1, the reply code 550 and its 5.1.1, five numbers each');
      const hints = (await send(InlayHintRequest.type, { textDocument, range: { start: { line: 0, character: 0 }, end: { line: 4, character: 0 } } })) ?? [];
      assert.equal(hints.length, 2);
      assert.deepEqual(failures(session), []);
    } finally {
      await session.stop();
    }
  });

  test('links, folding, completion details and semantic token edits answer for open documents; requests without params for none', async () => {
    const session = await LspSession.start({ pullDiagnostics: true, settings: {} });
    try {
      const send = session.connection.sendRequest.bind(session.connection);
      const notes = 'file:///notes/codes.txt';
      await session.open(notes, 'See RFC 3463 for "550 5.1.1 User unknown".\n');
      const links = (await send(DocumentLinkRequest.type, { textDocument: { uri: notes } })) ?? [];
      assert.deepEqual(links.map((link) => [link.range.start.character, link.range.end.character]), [[4, 12], [22, 27]]);
      const bounce = 'file:///mail/returned.eml';
      await session.open(bounce, fixture('bounces/dsn.eml'));
      assert.ok(((await send(FoldingRangeRequest.type, { textDocument: { uri: bounce } })) ?? []).length >= 2, 'a bounce folds its parts');
      const reply = 'file:///src/reply.py';
      await session.open(reply, 'raise SMTPError("550 5.', 'python');
      const item = (await session.completion(reply, { line: 0, character: 23 })).items.find((candidate) => candidate.label === '5.1.1')!;
      assert.equal(item.documentation, undefined, 'the documentation comes when the item is shown');
      const resolved = await send(CompletionResolveRequest.type, item);
      assert.match((resolved.documentation as MarkupContent).value, /Bad destination mailbox address/);
      const full = await send(SemanticTokensRequest.type, { textDocument: { uri: notes } });
      await session.change(notes, { range: { start: { line: 0, character: 18 }, end: { line: 0, character: 19 } }, text: '4' });
      const delta = await send(SemanticTokensDeltaRequest.type, { textDocument: { uri: notes }, previousResultId: full!.resultId! });
      assert.ok(delta && 'edits' in delta && delta.edits.length === 1, JSON.stringify(delta));
      // Requests of this server's own, sent without params by a careless client.
      assert.equal(await send(DOCUMENT_KIND_REQUEST), null);
      assert.equal(await send(SUMMARY_REQUEST), null);
      assert.equal((await send<ServerStatus>(SERVER_STATUS_REQUEST)).documents, 3);
      assert.deepEqual(await send(CodeActionRequest.type, { textDocument: { uri: notes }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } } as never), []);
      // Notifications without their fields.
      await session.connection.sendNotification(DidChangeTextDocumentNotification.type, { contentChanges: [] } as never);
      await session.connection.sendNotification(DidCloseTextDocumentNotification.type, {} as never);
      assert.equal((await send<ServerStatus>(SERVER_STATUS_REQUEST)).documents, 3);
      assert.deepEqual(failures(session), []);
      assert.deepEqual(session.messages.filter((message) => /failed/.test(message)), []);
    } finally {
      await session.stop();
    }
  });

  test('a pulling client closes a document: it is forgotten', async () => {
    const session = await LspSession.start({ pullDiagnostics: true, settings: {} });
    try {
      await session.open(SOURCE, SOURCE_TEXT, 'javascript');
      assert.equal((await session.diagnostics(SOURCE)).length, 1);
      await session.change(SOURCE, { range: { start: { line: 0, character: 7 }, end: { line: 0, character: 10 } }, text: '450' });
      assert.deepEqual(await session.diagnostics(SOURCE), []);
      await session.close(SOURCE);
      assert.equal((await session.connection.sendRequest<ServerStatus>(SERVER_STATUS_REQUEST, {})).documents, 0);
      assert.equal(session.pushesFor(SOURCE), 0, 'a client that pulls is never pushed diagnostics');
      assert.equal(await session.hover(SOURCE, { line: 0, character: 12 }), null);
      assert.deepEqual(await session.diagnostics(SOURCE), []);
    } finally {
      await session.stop();
    }
  });

  test('the registry answers whole, as items and as Markdown', async () => {
    const session = await LspSession.start({ settings: {} });
    try {
      const items = await session.connection.sendRequest<RegistryItem[]>(REGISTRY_REQUEST);
      assert.equal(items.length, 81);
      assert.ok(items.some((item) => JSON.stringify(item).includes('Bad destination mailbox address')));
      const markdown = await session.connection.sendRequest<string>(REGISTRY_MARKDOWN_REQUEST);
      assert.match(markdown, /Bad destination mailbox address/);
      assert.deepEqual(failures(session), []);
    } finally {
      await session.stop();
    }
  });

  test('the server status counts the open documents and the processor time the server has used', async () => {
    const session = await LspSession.start({ settings: {} });
    try {
      const before = process.cpuUsage();
      await session.open(SOURCE, SOURCE_TEXT, 'javascript');
      await session.open(LOG, LOG_LINES.join('\n'), 'log');
      const status = await session.connection.sendRequest<ServerStatus>(SERVER_STATUS_REQUEST, { collectGarbage: false });
      const after = process.cpuUsage();
      assert.equal(status.documents, 2);
      assert.ok(status.memory.heapUsed > 0 && status.memory.rss >= status.memory.heapUsed, JSON.stringify(status.memory));
      assert.equal(typeof status.cpuMs, 'number');
      if (SERVER_IN_PROCESS) {
        // The server runs in this process: its figure lies between the test's own readings around the request.
        assert.ok(status.cpuMs! >= (before.user + before.system) / 1000 && status.cpuMs! <= (after.user + after.system) / 1000, `${status.cpuMs} ms`);
      } else {
        assert.ok(status.cpuMs! > 0);
      }
      await session.close(SOURCE);
      assert.equal((await session.connection.sendRequest<ServerStatus>(SERVER_STATUS_REQUEST, {})).documents, 1, 'a closed document is forgotten');
    } finally {
      await session.stop();
    }
  });
});

describe('language server: requests a client gets wrong are answered with a clear error', { timeout: 60_000 }, () => {
  test('a position or range without whole numbers: InvalidParams that quotes what came', async () => {
    const session = await LspSession.start({ pullDiagnostics: true, settings: {} });
    try {
      await session.open(LOG, LOG_LINES.join('\n'), 'log');
      const textDocument = { uri: LOG };
      const badPosition = { line: 'two', character: 5 } as never;
      const badRange = { start: { line: 0 }, end: null } as never;
      const positionMessage = 'The position must have whole-number lines and characters, not {"line":"two","character":5}.';
      const rangeMessage = 'The range must have whole-number lines and characters, not {"start":{"line":0},"end":null}.';
      const invalid = (message: string) => (error: { code: number; message: string }) => {
        assert.equal(error.code, -32602);
        assert.equal(error.message, message);
        return true;
      };
      const send = session.connection.sendRequest.bind(session.connection);
      await assert.rejects(send(HoverRequest.type, { textDocument, position: badPosition }), invalid(positionMessage));
      await assert.rejects(send(CompletionRequest.type, { textDocument, position: badPosition }), invalid(positionMessage));
      await assert.rejects(send(DocumentHighlightRequest.type, { textDocument, position: badPosition }), invalid(positionMessage));
      await assert.rejects(send(ReferencesRequest.type, { textDocument, position: badPosition, context: { includeDeclaration: true } }), invalid(positionMessage));
      await assert.rejects(send(DefinitionRequest.type, { textDocument, position: badPosition }), invalid(positionMessage));
      await assert.rejects(send(InlayHintRequest.type, { textDocument, range: badRange }), invalid(rangeMessage));
      await assert.rejects(send(SemanticTokensRangeRequest.type, { textDocument, range: badRange }), invalid(rangeMessage));
      await assert.rejects(send(HoverRequest.type, { textDocument, position: undefined as never }), invalid('The position must have whole-number lines and characters, not undefined.'));
      assert.deepEqual(failures(session), [], 'a client\'s mistake is not a failure of the server');
    } finally {
      await session.stop();
    }
  });

  test('after shutdown every request is refused with InvalidRequest and a message that says why', async () => {
    const session = await LspSession.start({ settings: {} });
    await session.open(SOURCE, SOURCE_TEXT, 'javascript');
    await session.diagnostics(SOURCE);
    await session.connection.sendRequest(ShutdownRequest.type);
    const refused = (error: { code: number; message: string }) => {
      assert.equal(error.code, -32600);
      assert.equal(error.message, 'The server is shut down: it takes no more requests.');
      return true;
    };
    const pushes = session.pushesFor(SOURCE);
    await session.close(SOURCE);
    await session.open(LOG, LOG_LINES.join('\n'), 'log');
    await assert.rejects(session.hover(SOURCE, { line: 0, character: 12 }), refused);
    await assert.rejects(session.connection.sendRequest(REGISTRY_REQUEST), refused);
    assert.deepEqual([session.pushesFor(SOURCE), session.pushesFor(LOG)], [pushes, 0], 'nothing is pushed after shutdown, not even the clearing of a closed document');
    await session.connection.sendNotification(ExitNotification.type);
    assert.equal(await session.exit, 0);
    session.connection.dispose();
  });

  test('code actions read only the diagnostics with a readable range; the others are left out', async () => {
    const session = await LspSession.start({ pullDiagnostics: true, settings: {} });
    try {
      await session.open(SOURCE, SOURCE_TEXT, 'javascript');
      const [diagnostic] = await session.diagnostics(SOURCE);
      const broken = { ...diagnostic, range: { start: { line: 'x' }, end: {} } } as unknown as Diagnostic;
      const ask = (diagnostics: unknown) => session.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: SOURCE }, range: diagnostic.range, context: { diagnostics } as never,
      });
      const titles = async (diagnostics: unknown) => ((await ask(diagnostics)) ?? []).map((action) => action.title);
      const fixes = await titles([diagnostic]);
      assert.ok(fixes.some((title) => title.includes('5.1.1')), fixes.join('\n'));
      assert.deepEqual(await titles([broken, diagnostic, null]), fixes);
      assert.deepEqual(await titles([broken]), []);
      assert.deepEqual(await titles('not a list'), []);
      assert.deepEqual(failures(session), []);
    } finally {
      await session.stop();
    }
  });
});

describe('language server: cancellation while the settings are on their way', { timeout: 60_000 }, () => {
  test('each request cancelled before its answer gets the cancellation error, and the next one its answer', async () => {
    const session = await LspSession.start({ pullDiagnostics: true, settings: {} });
    try {
      const source = new CancellationTokenSource();
      // The server asks for each document's settings once: the client cancels before it answers.
      session.connection.onRequest(ConfigurationRequest.type, (params) => {
        source.cancel();
        return params.items.map(() => ({}));
      });
      const cancelledError = (error: { code: number; message: string }) => {
        assert.equal(error.code, -32800);
        assert.equal(error.message, 'The request was cancelled.');
        return true;
      };
      const requests: [string, (uri: string) => Promise<unknown>][] = [
        ['hover', (uri) => session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 12 } }, source.token)],
        ['completion', (uri) => session.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 0, character: 12 } }, source.token)],
        ['inlay hints', (uri) => session.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } } }, source.token)],
        ['semantic tokens', (uri) => session.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri } }, source.token)],
        ['links', (uri) => session.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri } }, source.token)],
        ['diagnostics', (uri) => session.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }, source.token)],
      ];
      for (const [name, ask] of requests) {
        const uri = `file:///src/cancelled-${name.replace(' ', '-')}.js`;
        await session.open(uri, SOURCE_TEXT, 'javascript');
        await assert.rejects(ask(uri), cancelledError, name);
      }
      assert.deepEqual(failures(session), [], 'work cut short is no failure');
      assert.match(((await session.hover('file:///src/cancelled-hover.js', { line: 0, character: 12 }))?.contents as MarkupContent).value, /Bad destination mailbox address/);
    } finally {
      await session.stop();
    }
  });
});

describe('language server: settings, pulled and pushed', { timeout: 60_000 }, () => {
  test('a client that answers workspace/configuration with an error gets the defaults at once, with no complaint of silence', async () => {
    const session = await LspSession.start({ settings: {} });
    try {
      session.connection.onRequest(ConfigurationRequest.type, () => {
        throw new Error('no configuration here');
      });
      await session.open(SOURCE, SOURCE_TEXT, 'javascript');
      assert.deepEqual((await session.diagnostics(SOURCE)).map((d) => [d.code, d.severity]), [['class-mismatch', 1]]);
      assert.deepEqual(session.messages.filter((message) => /did not answer/.test(message)), []);
    } finally {
      await session.stop();
    }
  });

  test('a client that answers workspace/configuration is asked for each document\'s smtpStatusCodes section once, and again after a change', async () => {
    const session = await LspSession.start({ settings: { severity: { 'class-mismatch': 'warning' } } });
    try {
      await session.open(SOURCE, SOURCE_TEXT, 'javascript');
      assert.deepEqual((await session.diagnostics(SOURCE)).map((d) => [d.code, d.severity]), [['class-mismatch', 2]]);
      await session.hover(SOURCE, { line: 0, character: 12 });
      assert.deepEqual(session.configurationRequests, [{ scopeUri: SOURCE, section: 'smtpStatusCodes' }]);
      assert.deepEqual(session.registrations.map((registration) => [registration.method, registration.registerOptions]), [
        ['workspace/didChangeConfiguration', { section: 'smtpStatusCodes' }],
      ]);
      const pushed = session.nextPush(SOURCE);
      await session.changeSettings({ severity: { 'class-mismatch': 'information' } });
      assert.deepEqual((await pushed).diagnostics.map((d) => [d.code, d.severity]), [['class-mismatch', 3]]);
      assert.equal(session.configurationRequests.length, 2);
      // A reopened document asks again: its workspace folder may have changed.
      const cleared = session.nextPush(SOURCE);
      await session.close(SOURCE);
      await cleared;
      await session.open(SOURCE, SOURCE_TEXT, 'javascript');
      await session.diagnostics(SOURCE);
      assert.deepEqual(session.configurationRequests.map((item) => item.scopeUri), [SOURCE, SOURCE, SOURCE]);
    } finally {
      await session.stop();
    }
  });

  test('a client without workspace/configuration is not asked, registers nothing and gets the defaults', async () => {
    const session = await LspSession.start({});
    try {
      await session.open(SOURCE, SOURCE_TEXT, 'javascript');
      assert.deepEqual((await session.diagnostics(SOURCE)).map((d) => [d.code, d.severity]), [['class-mismatch', 1]]);
      await session.hover(SOURCE, { line: 0, character: 12 });
      assert.deepEqual(session.configurationRequests, []);
      assert.deepEqual(session.registrations, []);
    } finally {
      await session.stop();
    }
  });

  test('a pulling client is asked to pull again after a settings change, and to refresh inlay hints and semantic tokens where it can', async () => {
    const session = await LspSession.start({
      pullDiagnostics: true, settings: {},
      workspaceCapabilities: { inlayHint: { refreshSupport: true }, semanticTokens: { refreshSupport: true } },
    });
    try {
      await session.open(SOURCE, SOURCE_TEXT, 'javascript');
      assert.deepEqual((await session.diagnostics(SOURCE)).map((d) => d.severity), [1]);
      await session.changeSettings({ severity: { 'class-mismatch': 'hint' } });
      // The refresh requests are sent before the server answers the pull that follows the change.
      assert.deepEqual((await session.diagnostics(SOURCE)).map((d) => d.severity), [4]);
      assert.deepEqual([...session.refreshes].sort(), ['workspace/diagnostic/refresh', 'workspace/inlayHint/refresh', 'workspace/semanticTokens/refresh']);
    } finally {
      await session.stop();
    }
  });

  test('a pulling client that cannot refresh is asked for nothing; a pushing one gets only its open documents pushed again', async () => {
    const puller = await LspSession.start({ pullDiagnostics: true, settings: {}, workspaceCapabilities: { diagnostics: { refreshSupport: false } } });
    try {
      await puller.open(SOURCE, SOURCE_TEXT, 'javascript');
      await puller.changeSettings({ severity: { 'class-mismatch': 'hint' } });
      assert.deepEqual((await puller.diagnostics(SOURCE)).map((d) => d.severity), [4]);
      assert.deepEqual(puller.refreshes, []);
    } finally {
      await puller.stop();
    }
    const pusher = await LspSession.start({ settings: {} });
    try {
      await pusher.open(SOURCE, SOURCE_TEXT, 'javascript');
      await pusher.open(LOG, LOG_LINES.join('\n'), 'log');
      await pusher.diagnostics(SOURCE);
      await pusher.diagnostics(LOG);
      await pusher.close(LOG);
      const pushed = pusher.nextPush(SOURCE);
      await pusher.changeSettings({ severity: { 'class-mismatch': 'hint' } });
      assert.deepEqual((await pushed).diagnostics.map((d) => d.severity), [4]);
      assert.deepEqual(pusher.refreshes, []);
    } finally {
      await pusher.stop();
    }
  });

  test('a broken setting is told once per change of the settings, not once per request', async () => {
    const session = await LspSession.start({ pullDiagnostics: true, settings: { maxNumberOfProblems: -1 } });
    try {
      const told = () => session.messages.filter((message) => message.startsWith('smtpStatusCodes.maxNumberOfProblems: expected a whole number of 0 or more, got -1; using 1000.'));
      await session.open(SOURCE, SOURCE_TEXT, 'javascript');
      await session.open(LOG, LOG_LINES.join('\n'), 'log');
      await session.diagnostics(SOURCE);
      await session.diagnostics(LOG);
      assert.equal(told().length, 2, 'once as a warning, once in the log');
      await session.changeSettings({ maxNumberOfProblems: -1 });
      await session.diagnostics(SOURCE);
      assert.equal(told().length, 4, 'told again after the settings changed');
    } finally {
      await session.stop();
    }
  });

  test('a client that never answers workspace/configuration is said to be silent once, even after a change of its settings', async () => {
    const session = await LspSession.start({ pullDiagnostics: true, settingsNeverAnswered: true });
    try {
      await session.open(SOURCE, SOURCE_TEXT, 'javascript');
      assert.deepEqual((await session.diagnostics(SOURCE)).map((d) => d.code), ['class-mismatch']);
      await session.changeSettings({ severity: { 'class-mismatch': 'hint' } });
      await session.open(LOG, LOG_LINES.join('\n'), 'log');
      assert.deepEqual((await session.diagnostics(SOURCE)).map((d) => d.severity), [1], 'still the defaults');
      assert.equal(session.messages.filter((message) => /did not answer workspace\/configuration/.test(message)).length, 1);
      assert.equal(session.configurationRequests.length, 2, 'asked again after the change, without waiting for the answer');
    } finally {
      await session.stop();
    }
  });

  test('a client that answers workspace/configuration late: the defaults first, its settings as soon as they come', async () => {
    const session = await LspSession.start({ settings: {} });
    try {
      const answer = deferred<unknown[]>();
      session.connection.onRequest(ConfigurationRequest.type, (params) => {
        session.configurationRequests.push(...params.items);
        return answer.promise;
      });
      await session.open(SOURCE, SOURCE_TEXT, 'javascript');
      assert.deepEqual((await session.diagnostics(SOURCE)).map((d) => [d.code, d.severity]), [['class-mismatch', 1]], 'the defaults after the wait');
      assert.equal(session.messages.filter((message) => message === 'SMTP status codes: the client did not answer workspace/configuration within 1.5 s; using the default settings until it does.').length, 1);
      const pushed = session.nextPush(SOURCE);
      answer.resolve([{ severity: { 'class-mismatch': 'hint' } }]);
      assert.deepEqual((await pushed).diagnostics.map((d) => [d.code, d.severity]), [['class-mismatch', 4]], 'the late answer applies');
    } finally {
      await session.stop();
    }
  });
});

describe('language server: document sync as clients send it', { timeout: 60_000 }, () => {
  test('a document opened again while its settings are on their way: only the new text\'s diagnostics are pushed', async () => {
    const session = await LspSession.start({ settings: {} });
    try {
      const answer = deferred<unknown[]>();
      const asked = deferred<void>();
      session.connection.onRequest(ConfigurationRequest.type, () => {
        asked.resolve();
        return answer.promise;
      });
      await session.open(SOURCE, SOURCE_TEXT, 'javascript');
      // The first text is being checked: the server waits for its settings.
      await asked.promise;
      const pushed = session.nextPush(SOURCE);
      await session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: SOURCE, languageId: 'javascript', version: 7, text: 'reply("550 5.9.9 nope");' } });
      // The server has the new text once it answers a request; the settings come after.
      await session.connection.sendRequest(DOCUMENT_KIND_REQUEST, { uri: 'file:///src/not-open.js' });
      answer.resolve([{}]);
      const { version, diagnostics } = await pushed;
      assert.deepEqual([version, diagnostics.map((d) => d.code)], [7, ['unregistered-code']]);
    } finally {
      await session.stop();
    }
  });

  test('a didOpen without text is logged once and ignored; one without a version or language is read as version 0, plain text', async () => {
    const session = await LspSession.start({ settings: {} });
    try {
      const open = (textDocument: unknown) => session.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument } as never);
      await open({ uri: 'file:///etc/postfix/no-text' });
      await open({ uri: 'file:///etc/postfix/no-text-again' });
      await open(undefined);
      await open({ text: 'REJECT 4.7.1' });
      const uri = 'file:///etc/postfix/sender_access';
      const pushed = session.nextPush(uri);
      await open({ uri, text: 'spammer@example.net  REJECT 4.7.1 go away\n' });
      const { version, diagnostics } = await pushed;
      assert.equal(version, 0);
      assert.deepEqual(diagnostics.map((d) => d.code), ['class-mismatch']);
      const kind = await session.connection.sendRequest<DocumentKindInfo | null>(DOCUMENT_KIND_REQUEST, { uri });
      assert.equal(kind?.kind, 'postfix');
      const ignored = session.messages.filter((message) => message.startsWith('SMTP status codes: ignored a didOpen'));
      assert.deepEqual(ignored, [
        'SMTP status codes: ignored a didOpen without a string uri and text ({"uri":"file:///etc/postfix/no-text"}).',
        'SMTP status codes: ignored a didOpen without a string uri and text ().',
      ], 'once for each kind of mistake');
      assert.equal(await session.hover('file:///etc/postfix/no-text', { line: 0, character: 0 }), null);
    } finally {
      await session.stop();
    }
  });

  test('a didChange without a version takes the next one; a change that is not a list is read as one change', async () => {
    const session = await LspSession.start({ settings: {} });
    try {
      await session.open(SOURCE, SOURCE_TEXT, 'javascript');
      await session.diagnostics(SOURCE);
      const pushed = session.nextPush(SOURCE);
      await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: SOURCE }, contentChanges: { range: { start: { line: 0, character: 11 }, end: { line: 0, character: 12 } }, text: '5' },
      } as never);
      const { version, diagnostics } = await pushed;
      assert.equal(version, 2);
      assert.deepEqual(diagnostics, [], '550 5.1.1 is right');
      const jumped = session.nextPush(SOURCE);
      await session.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: SOURCE, version: 9 }, contentChanges: [{ range: { start: { line: 0, character: 11 }, end: { line: 0, character: 12 } }, text: '4' }],
      });
      assert.deepEqual([(await jumped).version, (await jumped).diagnostics.map((d) => d.code)], [9, ['class-mismatch']], 'the version the client gives');
    } finally {
      await session.stop();
    }
  });

  test('an edit the server cannot read is logged once for each document, with what to do', async () => {
    const session = await LspSession.start({ pullDiagnostics: true, settings: {} });
    try {
      await session.open(SOURCE, SOURCE_TEXT, 'javascript');
      const bad = { range: { start: { line: 'a', character: 0 }, end: { line: 0, character: 1 } }, text: 'x' };
      await session.change(SOURCE, bad as never);
      await session.change(SOURCE, bad as never);
      assert.deepEqual((await session.diagnostics(SOURCE)).map((d) => d.code), ['class-mismatch'], 'the text as it was');
      const other = 'file:///src/other.js';
      await session.open(other, SOURCE_TEXT, 'javascript');
      await session.change(other, bad as never);
      await session.diagnostics(other);
      const logged = session.messages.filter((message) => message.includes('ignored a content change'));
      assert.equal(logged.length, 2, logged.join('\n'));
      assert.match(logged[0], /^SMTP status codes: ignored a content change whose range is not made of whole numbers.* in file:\/\/\/src\/replies\.js; its diagnostics may be out of step with the editor until it is reopened\.$/);
      assert.match(logged[1], / in file:\/\/\/src\/other\.js; /);
    } finally {
      await session.stop();
    }
  });

  test('closing a document clears its pushed diagnostics; a pulling client is sent nothing', async () => {
    const session = await LspSession.start({ settings: {} });
    try {
      await session.open(SOURCE, SOURCE_TEXT, 'javascript');
      assert.equal((await session.diagnostics(SOURCE)).length, 1);
      const cleared = session.nextPush(SOURCE);
      await session.close(SOURCE);
      assert.deepEqual(await cleared, { uri: SOURCE, diagnostics: [] });
    } finally {
      await session.stop();
    }
  });
});

describe('language server: pulled diagnostics compared with the last report', { timeout: 60_000 }, () => {
  test('a report is unchanged only when every diagnostic is the same: fewer, another severity or another message make a full one', async () => {
    const session = await LspSession.start({ pullDiagnostics: true, settings: {} });
    try {
      const uri = 'file:///src/compared.js';
      await session.open(uri, 'reply("550 4.1.1 nope");\nreply("550 4.2.2 full");', 'javascript');
      const pull = (previousResultId?: string) => session.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId });
      const full = async (previousResultId: string | undefined, shape: string[]) => {
        const report = await pull(previousResultId);
        assert.equal(report.kind, 'full');
        if (report.kind !== 'full') return '';
        assert.deepEqual(report.items.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.code} ${d.severity} ${d.message}`), shape);
        return report.resultId!;
      };
      const first = await full(undefined, [
        '0:11 class-mismatch 1 4.1.1 is a transient failure code but reply code 550 needs class 5: write 5.1.1, or change the reply code.',
        '1:11 class-mismatch 1 4.2.2 is a transient failure code but reply code 550 needs class 5: write 5.2.2, or change the reply code.',
      ]);
      // A change of text that changes no diagnostic: the client keeps what it has.
      await session.change(uri, { range: { start: { line: 1, character: 18 }, end: { line: 1, character: 22 } }, text: 'quota' });
      assert.deepEqual(await pull(first), { kind: 'unchanged', resultId: first });
      assert.equal((await pull('an id this server never gave')).kind, 'full', 'a client without the last report gets it whole');
      // The last diagnostic goes.
      await session.change(uri, { range: { start: { line: 1, character: 11 }, end: { line: 1, character: 12 } }, text: '5' });
      const fewer = await full(first, ['0:11 class-mismatch 1 4.1.1 is a transient failure code but reply code 550 needs class 5: write 5.1.1, or change the reply code.']);
      // Another message at the same place.
      await session.change(uri, { range: { start: { line: 0, character: 7 }, end: { line: 0, character: 10 } }, text: '554' });
      const message = await full(fewer, ['0:11 class-mismatch 1 4.1.1 is a transient failure code but reply code 554 needs class 5: write 5.1.1, or change the reply code.']);
      // Another severity, from the settings alone.
      await session.changeSettings({ severity: { 'class-mismatch': 'warning' } });
      await full(message, ['0:11 class-mismatch 2 4.1.1 is a transient failure code but reply code 554 needs class 5: write 5.1.1, or change the reply code.']);
    } finally {
      await session.stop();
    }
  });
});

describe('language server: clients that declare little', { timeout: 60_000 }, () => {
  test('a client that declares no capabilities at all gets diagnostics pushed with the default settings', async () => {
    const session = await LspSession.start({ capabilities: {} });
    try {
      assert.equal(session.serverCapabilities.diagnosticProvider, undefined, 'nothing to pull');
      await session.open(SOURCE, SOURCE_TEXT, 'javascript');
      assert.deepEqual((await session.diagnostics(SOURCE)).map((d) => [d.code, d.severity]), [['class-mismatch', 1]]);
      const pushed = session.nextPush(SOURCE);
      await session.changeSettings({ severity: { 'class-mismatch': 'hint' } });
      assert.deepEqual((await pushed).diagnostics.map((d) => [d.code, d.severity]), [['class-mismatch', 1]], 'it has no settings to give: still the defaults');
      assert.deepEqual([session.configurationRequests, session.registrations, session.refreshes], [[], [], []]);
    } finally {
      await session.stop();
    }
  });

  test('a client that answers workspace/configuration and declares nothing else gets its settings pushed', async () => {
    const session = await LspSession.start({ capabilities: { workspace: { configuration: true } }, settings: { severity: { 'class-mismatch': 'warning' } } });
    try {
      await session.open(SOURCE, SOURCE_TEXT, 'javascript');
      assert.deepEqual((await session.diagnostics(SOURCE)).map((d) => [d.code, d.severity]), [['class-mismatch', 2]]);
      const pushed = session.nextPush(SOURCE);
      await session.changeSettings({ severity: { 'class-mismatch': 'hint' } });
      assert.deepEqual((await pushed).diagnostics.map((d) => [d.code, d.severity]), [['class-mismatch', 4]]);
      assert.deepEqual(session.refreshes, []);
    } finally {
      await session.stop();
    }
  });
});

describe('language server: what the user is shown', { timeout: 60_000 }, () => {
  test('each file too large to check is told once, and again after the settings change', async () => {
    const session = await LspSession.start({ pullDiagnostics: true, settings: { maxFileSize: 20 } });
    try {
      const told = () => session.shown.map(({ message }) => message.slice(0, message.indexOf(' has ')));
      for (const uri of ['file:///etc/postfix/sender_access', 'file:///etc/postfix/client_access']) {
        await session.open(uri, 'spammer@example.net  REJECT 4.7.1 go away\n');
        await session.diagnostics(uri);
        await session.diagnostics(uri);
      }
      assert.deepEqual(told(), ['sender_access', 'client_access']);
      await session.changeSettings({ maxFileSize: 20 });
      await session.diagnostics('file:///etc/postfix/client_access');
      assert.deepEqual(told(), ['sender_access', 'client_access', 'client_access']);
    } finally {
      await session.stop();
    }
  });

  test('a wrong setting is shown as a warning, a file too large to check as information', async () => {
    const session = await LspSession.start({ pullDiagnostics: true, settings: { strictRegistry: 'yes', maxFileSize: 20 } });
    try {
      await session.open('file:///etc/postfix/sender_access', 'spammer@example.net  REJECT 4.7.1 go away\n');
      assert.deepEqual(await session.diagnostics('file:///etc/postfix/sender_access'), []);
      assert.deepEqual(session.shown.map(({ type, message }) => [type, message]), [
        [2, 'smtpStatusCodes.strictRegistry: expected true or false, got "yes"; using false.'],
        [3, 'sender_access has 42 characters, more than smtpStatusCodes.maxFileSize (20), so its status codes are not checked; hover still works. Raise the setting to check it.'],
      ]);
    } finally {
      await session.stop();
    }
  });
});
