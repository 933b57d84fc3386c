/** The language server under a careless or hostile client: odd edits and URIs, silence, cancellation, the lifecycle, huge answers. */
import * as assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CancellationTokenSource, CodeActionRequest, ConfigurationRequest, DocumentDiagnosticRequest, DocumentLinkRequest, ExitNotification,
  HoverRequest, InlayHintRequest, ShutdownRequest,
  type Diagnostic, type MarkupContent, type Range, type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol';
import { SUMMARY_REQUEST } from '../../server/src/commands';
import type { DocumentSummary } from '../../server/src/languageService';
import { LspSession, SERVER_IN_PROCESS } from '../support/lspSession';

const hoverValue = async (session: LspSession, uri: string, line: number, character: number) =>
  ((await session.hover(uri, { line, character }))?.contents as MarkupContent | undefined)?.value ?? '';

const shape = (diagnostics: Diagnostic[]) => diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.range.end.character, d.code, d.message]);

const wholeLog = (lines: string[]) => lines.join('\n');

describe('language server: lists and messages stay bounded', { timeout: 120_000 }, () => {
  let session: LspSession;
  before(async () => (session = await LspSession.start({ pullDiagnostics: true, settings: {} })));
  after(() => session.stop());

  test('inlay hints: at most 1,000 per request, even for a line holding 3,000 codes', async () => {
    const uri = 'file:///var/log/mail.log';
    await session.open(uri, `Nov 28 10:00:00 mx postfix/smtp[1]: A1: said: ${'550 5.1.1 '.repeat(3_000)}\nNov 28 10:00:01 mx postfix/smtp[1]: A2: dsn=5.7.1\n`, 'log');
    const hints = await session.connection.sendRequest(InlayHintRequest.type, {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 1_000_000, character: 0 } },
    });
    assert.equal(hints?.length, 1_000);
    assert.match(String(hints![0].label), /Bad destination mailbox address/);
  });

  test('a code action request answers at most 1,000 actions, however many diagnostics the client sends', async () => {
    const uri = 'file:///src/replies.js';
    await session.open(uri, Array.from({ length: 600 }, (_, i) => `reply${i}("550 4.1.1 nope");`).join('\n'), 'javascript');
    const diagnostics = await session.diagnostics(uri);
    assert.equal(diagnostics.length, 600);
    const actions = await session.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 600, character: 0 } }, context: { diagnostics: [...diagnostics, ...diagnostics] },
    });
    assert.equal(actions?.length, 1_000);
  });

  test('completion answers at most 1,000 items and says the list is incomplete', async () => {
    const knownCodes = Object.fromEntries(Array.from({ length: 1_500 }, (_, i) => [`5.${10 + Math.floor(i / 100)}.${i % 100}`, `Provider code ${i}`]));
    await session.changeSettings({ knownCodes });
    try {
      const uri = 'file:///src/complete.py';
      await session.open(uri, 'raise SMTPError("550 5.', 'python');
      const list = await session.completion(uri, { line: 0, character: 23 });
      assert.equal(list.items.length, 1_000);
      assert.equal(list.isIncomplete, true);
    } finally {
      await session.changeSettings({});
    }
  });

  test('the summary lists at most 500 codes per class and reveals at most 10,000 occurrences, with exact counts', async () => {
    const uri = 'file:///var/log/summary/mail.log';
    const lines: string[] = [];
    for (let repeat = 0; repeat < 10; repeat++) {
      for (let code = 0; code < 1_500; code++) lines.push(`Nov 28 10:00:00 mx postfix/smtp[1]: Q${code}: to=<a@b.example>, dsn=5.${Math.floor(code / 100)}.${code % 100}, status=bounced`);
    }
    await session.open(uri, wholeLog(lines), 'log');
    const summary = await session.connection.sendRequest<DocumentSummary>(SUMMARY_REQUEST, { uri });
    assert.equal(summary.total, 15_000);
    const [permanent] = summary.classes;
    assert.equal(permanent.count, 15_000);
    assert.equal(permanent.codes.length, 500);
    const revealed = permanent.codes.reduce((n, code) => n + code.occurrences.length, 0);
    assert.equal(revealed, 5_000, 'each listed code reveals its 10 occurrences');
    await session.close(uri);
  });

  test('document links stay at 2,000', async () => {
    const uri = 'file:///notes/rfcs.txt';
    await session.open(uri, 'See RFC 3463 and RFC 5248.\n'.repeat(1_500));
    const links = await session.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri } });
    assert.equal(links?.length, 2_000);
  });

  test('a 2 MB line is never quoted whole: messages and code action titles stay short', async () => {
    const uri = 'file:///etc/smtpd.conf';
    await session.open(uri, `match from any for domain "example.net" reject "${'Go away '.repeat(250_000)}"\n`);
    const diagnostics = await session.diagnostics(uri);
    assert.deepEqual(diagnostics.map((d) => d.code), ['invalid-reply-code']);
    const message = String(diagnostics[0].message);
    assert.ok(message.length <= 500, `a message of ${message.length} characters`);
    const actions = await session.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics } });
    assert.ok(actions && actions.length > 0);
    assert.ok(JSON.stringify(actions).length < 20_000, `code actions of ${JSON.stringify(actions).length} characters`);
    for (const action of actions) assert.ok(action.title.length <= 200, action.title.slice(0, 300));
  });
});

describe('language server: edits, documents and URIs as a careless client sends them', { timeout: 60_000 }, () => {
  let session: LspSession;
  before(async () => (session = await LspSession.start({ pullDiagnostics: true, settings: {} })));
  after(() => session.stop());

  test('edits outside the document, reversed, with string or missing numbers, and 10 more: diagnostics equal a fresh open of the text', async () => {
    const uri = 'file:///src/edited/replies.js';
    const initial = 'reply("250 2.0.0 ok");\nreply("550 5.1.1 unknown");';
    // What a client may send, and what the document becomes: ranges are clamped as the client's own document does,
    // numbers written as strings are read as numbers, and an edit without numbers is refused.
    const edits: { sent: unknown; applied?: TextDocumentContentChangeEvent | 'refused' }[] = [
      { sent: { range: { start: { line: 99, character: 0 }, end: { line: 99, character: 0 } }, text: '\nreply("550 4.1.1 late");' } },
      { sent: { range: { start: { line: -5, character: 0 }, end: { line: -5, character: 0 } }, text: 'reply("450 5.7.1 first");\n' } },
      { sent: { range: { start: { line: 2, character: 10 }, end: { line: 1, character: 7 } }, text: '451' } },
      { sent: { range: { start: { line: '1', character: '7' }, end: { line: '1', character: '10' } }, text: '550' }, applied: { range: { start: { line: 1, character: 7 }, end: { line: 1, character: 10 } }, text: '550' } },
      { sent: { range: { start: { line: null, character: 0 }, end: { line: 0, character: 3 } }, text: 'XXX' }, applied: 'refused' },
    ];
    for (let i = 0; i < 10; i++) {
      const line = i % 4;
      edits.push({ sent: { range: { start: { line, character: 7 }, end: { line, character: 10 } }, text: i % 2 ? '421' : '550' } });
    }
    let reference = TextDocument.create(uri, 'javascript', 1, initial);
    await session.open(uri, initial, 'javascript');
    await session.diagnostics(uri);
    for (const { sent, applied } of edits) {
      await session.change(uri, sent as TextDocumentContentChangeEvent);
      const change = applied === 'refused' ? undefined : applied ?? (sent as TextDocumentContentChangeEvent);
      if (change && 'range' in change) {
        reference = TextDocument.create(uri, 'javascript', reference.version + 1, TextDocument.applyEdits(reference, [{ range: change.range as Range, newText: change.text }]));
      }
    }
    const fresh = 'file:///src/fresh/replies.js';
    await session.open(fresh, reference.getText(), 'javascript');
    const expected = await session.diagnostics(fresh);
    assert.ok(expected.length >= 2, JSON.stringify(reference.getText()));
    assert.deepEqual(shape(await session.diagnostics(uri)), shape(expected));
    assert.ok(session.messages.some((message) => /ignored a content change whose range is not made of whole numbers/.test(message)), 'the refused edit is logged');
  });

  test('a file: URI with a malformed percent-escape is an opaque name: the document gets diagnostics and hover', async () => {
    const uri = 'file:///tmp/a%ZZ.txt';
    await session.open(uri, '"550 4.1.1 nope"');
    assert.deepEqual((await session.diagnostics(uri)).map((d) => d.code), ['class-mismatch']);
    assert.match(await hoverValue(session, uri, 0, 7), /Bad destination mailbox address/);
  });

  test('a second didOpen of an open document replaces it', async () => {
    const uri = 'file:///src/reopened.js';
    await session.open(uri, 'reply("550 4.1.1 nope");', 'javascript');
    assert.deepEqual((await session.diagnostics(uri)).map((d) => d.code), ['class-mismatch']);
    await session.open(uri, 'reply("550 5.1.1 fine");\nreply("250 5.1.1 odd");', 'javascript');
    assert.deepEqual((await session.diagnostics(uri)).map((d) => [d.range.start.line, d.code]), [[1, 'class-mismatch']]);
  });

  test('positions and requests with strings or nulls for numbers get an answer, never a crash', async () => {
    const uri = 'file:///src/positions.js';
    await session.open(uri, 'reply("550 4.1.1 nope");', 'javascript');
    const hover = await session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: '0', character: '12' } as never });
    assert.match((hover?.contents as MarkupContent).value, /4\.1\.1/);
    await assert.rejects(session.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: null, character: 1 } as never }), (error: { code: number }) => error.code === -32602);
    await assert.rejects(session.connection.sendRequest(InlayHintRequest.type, { textDocument: { uri }, range: {} as never }), (error: { code: number }) => error.code === -32602);
    assert.ok(session.alive);
  });
});

describe('language server: line ends as LSP counts them (\\n, \\r\\n and a lone \\r)', { timeout: 60_000 }, () => {
  for (const pullDiagnostics of [false, true]) {
    test(`a file with lone CR line ends (classic Mac mail) gets hover and diagnostics where the editor puts them (${pullDiagnostics ? 'pull' : 'push'})`, async () => {
      const session = await LspSession.start({ pullDiagnostics, settings: {} });
      try {
        const uri = 'file:///etc/postfix/sender_access';
        const text = 'friend@example.org   OK\rspammer@example.net  REJECT 4.7.1 go away\rtrouble@example.com  DEFER 4.2.2 full\r';
        await session.open(uri, text);
        assert.deepEqual((await session.diagnostics(uri)).map((d) => [d.range.start.line, d.range.start.character, d.code]), [[1, 28, 'class-mismatch']]);
        assert.match(await hoverValue(session, uri, 1, 30), /Delivery not authorized/);
        assert.match(await hoverValue(session, uri, 2, 28), /Mailbox full/);
        // Edits that split a line with a lone \r and join two lines by deleting one.
        await session.change(uri, { range: { start: { line: 0, character: 23 }, end: { line: 0, character: 23 } }, text: '\rabuse@example.net   REJECT 4.7.1 no' });
        await session.change(uri, { range: { start: { line: 3, character: 37 }, end: { line: 4, character: 0 } }, text: '' });
        const expected = 'friend@example.org   OK\rabuse@example.net   REJECT 4.7.1 no\rspammer@example.net  REJECT 4.7.1 go away\rtrouble@example.com  DEFER 4.2.2 full';
        const fresh = 'file:///etc/postfix/fresh/sender_access';
        await session.open(fresh, expected);
        assert.deepEqual(shape(await session.diagnostics(uri)), shape(await session.diagnostics(fresh)));
        assert.deepEqual((await session.diagnostics(uri)).map((d) => d.range.start.line), [1, 2]);
      } finally {
        await session.stop();
      }
    });
  }
});

describe('language server: a client that never answers workspace/configuration', { timeout: 30_000 }, () => {
  test('after a short wait the defaults are used, once logged; hover and diagnostics come', async () => {
    for (const pullDiagnostics of [true, false]) {
      const session = await LspSession.start({ pullDiagnostics, settingsNeverAnswered: true });
      try {
        const uri = 'file:///src/silent.js';
        await session.open(uri, 'reply("550 4.1.1 nope");', 'javascript');
        assert.match(await hoverValue(session, uri, 0, 12), /Bad destination mailbox address/);
        assert.deepEqual((await session.diagnostics(uri)).map((d) => d.code), ['class-mismatch']);
        await session.open('file:///src/other.js', 'reply("550 5.9.9 nope");', 'javascript');
        assert.deepEqual((await session.diagnostics('file:///src/other.js')).map((d) => d.code), ['unregistered-code']);
        assert.equal(session.messages.filter((message) => /did not answer workspace\/configuration/.test(message)).length, 1);
      } finally {
        await session.stop();
      }
    }
  });
});

describe('language server: cancellation and the lifecycle', { timeout: 30_000 }, () => {
  test('a cancelled pull-diagnostics request is answered with the cancellation error, not an empty report', async () => {
    const session = await LspSession.start({ pullDiagnostics: true, settings: {} });
    try {
      const uri = 'file:///src/cancelled.js';
      await session.open(uri, 'reply("550 4.1.1 nope");', 'javascript');
      const source = new CancellationTokenSource();
      // The server asks for the document's settings first: the client cancels before it answers.
      session.connection.onRequest(ConfigurationRequest.type, (params) => {
        source.cancel();
        return params.items.map(() => ({}));
      });
      await assert.rejects(
        session.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } }, source.token),
        (error: { code: number }) => error.code === -32800,
      );
      assert.deepEqual((await session.diagnostics(uri)).map((d) => d.code), ['class-mismatch'], 'the next request is answered');
    } finally {
      await session.stop();
    }
  });

  test('after shutdown a request gets InvalidRequest, and exit ends the server with code 0', async () => {
    const session = await LspSession.start({ settings: {} });
    await session.open('file:///src/a.js', 'reply("550 4.1.1 nope");', 'javascript');
    await session.connection.sendRequest(ShutdownRequest.type);
    await assert.rejects(session.hover('file:///src/a.js', { line: 0, character: 12 }), (error: { code: number }) => error.code === -32600);
    await session.connection.sendNotification(ExitNotification.type);
    assert.equal(await session.exit, 0);
    assert.equal(session.stderr, '');
    session.connection.dispose();
  });

  test('exit without shutdown ends the server with code 1', async () => {
    const session = await LspSession.start({ settings: {} });
    await session.connection.sendNotification(ExitNotification.type);
    assert.equal(await session.exit, 1);
    assert.equal(session.stderr, '');
    session.connection.dispose();
  });

  test('a client that closes the server\'s output or input: the server leaves quietly, with no stack', { skip: SERVER_IN_PROCESS && 'the server\'s own pipes need its own process' }, async () => {
    for (const closed of ['stdout', 'stdin'] as const) {
      const session = await LspSession.start({ settings: {} });
      try {
        const uri = 'file:///src/closing.js';
        await session.open(uri, 'reply("550 4.1.1 nope");', 'javascript');
        await session.diagnostics(uri);
        if (closed === 'stdout') {
          session.process.stdout!.destroy();
          // Diagnostics pushed after each edit now have nowhere to go. (The client's own connection has closed with the
          // stream it read: the edits are written to the server's input as they go over the wire.)
          for (let version = 2; version < 5; version++) {
            const body = JSON.stringify({ jsonrpc: '2.0', method: 'textDocument/didChange', params: { textDocument: { uri, version }, contentChanges: [{ text: `reply("550 4.1.${version} nope");` }] } });
            session.process.stdin!.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
          }
        } else {
          session.process.stdin!.end();
        }
        assert.equal(await session.exit, 1, closed);
        assert.doesNotMatch(session.stderr, /Connection is closed|Error|\n\s+at /, `${closed}: ${session.stderr}`);
      } finally {
        session.process.kill();
        session.connection.dispose();
      }
    }
  });
});
