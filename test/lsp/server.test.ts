import * as assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { CompletionResolveRequest, DocumentDiagnosticRequest, type MarkupContent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ENUMERATED_CODES } from '../../server/src/registry/registry';
import { LspSession } from '../support/lspSession';

const hoverValue = async (session: LspSession, uri: string, line: number, character: number) =>
  ((await session.hover(uri, { line, character }))?.contents as MarkupContent | undefined)?.value ?? '';

const noExceptions = (session: LspSession) => {
  assert.ok(session.alive, 'the server is still running');
  assert.doesNotMatch(session.stderr, /Error|exception|at .*\.js:\d+/i, 'nothing on stderr');
  assert.ok(!session.messages.some((message) => /Error:|\n\s+at /.test(message)), `no exception logged:\n${session.messages.join('\n')}`);
};

for (const pullDiagnostics of [false, true]) {
  describe(`language server over stdio (${pullDiagnostics ? 'pull' : 'push'} diagnostics)`, { timeout: 60_000 }, () => {
    let session: LspSession;
    before(async () => (session = await LspSession.start({ pullDiagnostics, settings: {} })));
    after(() => session.stop());

    test('hover on every one of the 81 registered codes shows its IANA sample text', async () => {
      const uri = 'file:///work/all-codes.txt';
      const lines = ENUMERATED_CODES.map((entry) => {
        const statusClass = entry.usage === 'transient' ? 4 : 5;
        return `"${statusClass}50 ${statusClass}.${entry.subject}.${entry.detail} text"`;
      });
      await session.open(uri, lines.join('\n'));
      for (const [line, entry] of ENUMERATED_CODES.entries()) {
        const value = await hoverValue(session, uri, line, 6);
        if (entry.deprecatedBy) assert.match(value, /Deprecated: a duplicate of X\.6\.8/, entry.code);
        else assert.ok(value.includes(entry.sample), `${entry.code}: ${value}`);
      }
      await session.close(uri);
    });

    test('diagnostics: class mismatch, unregistered, and nothing on a good reply', async () => {
      const uri = 'file:///src/replies.ts';
      await session.open(uri, ['const a = "550 4.1.1 User unknown";', 'const b = "550 5.9.9 Something";', 'const c = "550 5.1.1 User unknown";'].join('\n'), 'typescript');
      const diagnostics = await session.diagnostics(uri);
      assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.range.start.character, d.code, d.source]), [
        [0, 15, 'class-mismatch', 'smtp-status-codes'],
        [1, 15, 'unregistered-code', 'smtp-status-codes'],
      ]);
      assert.ok(diagnostics.every((d) => d.codeDescription?.href.startsWith('https://')));
    });

    test('versions and addresses get neither hover nor diagnostic', async () => {
      const uri = 'file:///app/package.json';
      const text = '{\n  "version": "5.1.1",\n  "listen": "10.5.1.1"\n}';
      await session.open(uri, text, 'json');
      assert.deepEqual(await session.diagnostics(uri), []);
      assert.equal(await session.hover(uri, { line: 1, character: 16 }), null);
      assert.equal(await session.hover(uri, { line: 2, character: 17 }), null);
      const txt = 'file:///notes/hosts.txt';
      await session.open(txt, 'gateway 10.5.1.1 answered', 'plaintext');
      assert.deepEqual(await session.diagnostics(txt), []);
      assert.equal(await session.hover(txt, { line: 0, character: 12 }), null);
    });

    test('completion after "550 5." offers 5.x.y codes and no 4.x.y', async () => {
      const uri = 'file:///src/reply.py';
      await session.open(uri, 'raise SMTPError("550 5.', 'python');
      const list = await session.completion(uri, { line: 0, character: 23 });
      assert.ok(list.items.length > 40);
      assert.ok(list.items.every((item) => item.label.startsWith('5.')), 'only 5.x.y');
      const item = list.items.find((i) => i.label === '5.1.1')!;
      const resolved = await session.connection.sendRequest(CompletionResolveRequest.type, item);
      assert.match((resolved.documentation as MarkupContent).value, /Bad destination mailbox address/);
    });

    test('edits are applied incrementally and a burst of 1,000 edits ends with diagnostics for the final text', async () => {
      const uri = 'file:///src/burst.js';
      await session.open(uri, 'reply("250 2.0.0 ok");\n', 'javascript');
      assert.deepEqual(await session.diagnostics(uri), []);
      for (let i = 0; i < 1000; i++) {
        await session.change(uri, { range: { start: { line: 0, character: 7 }, end: { line: 0, character: 10 } }, text: i % 2 ? '250' : '550' });
      }
      await session.change(uri, { range: { start: { line: 0, character: 7 }, end: { line: 0, character: 10 } }, text: '550' });
      assert.deepEqual((await session.diagnostics(uri)).map((d) => d.code), ['class-mismatch']);
    });

    test('settings change severities, and a broken setting gives one clear message', async () => {
      const uri = 'file:///src/severity.js';
      await session.open(uri, 'reply("550 4.1.1 nope");', 'javascript');
      assert.equal((await session.diagnostics(uri))[0]?.severity, 1);
      // Pushed: the settings change alone must re-check the open document, without an edit.
      const pushed = pullDiagnostics ? undefined : session.nextPush(uri);
      await session.changeSettings({ severity: { 'class-mismatch': 'hint' }, maxFileSize: 'huge' });
      const diagnostics = pushed ? (await pushed).diagnostics : await session.diagnostics(uri);
      assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['class-mismatch', 4]]);
      assert.ok(session.messages.some((message) => /smtpStatusCodes\.maxFileSize: expected a whole number/.test(message)));
      await session.changeSettings({});
    });

    test('a file over maxFileSize is not checked, still hovers, and the user is told once how to change it', async () => {
      await session.changeSettings({ maxFileSize: 30 });
      const uri = 'file:///etc/postfix/big_access';
      await session.open(uri, 'x.example   REJECT 4.7.1 Too big to be checked\n');
      assert.deepEqual(await session.diagnostics(uri), []);
      await session.change(uri, { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, text: 'y.example   REJECT 4.7.1 again\n' });
      assert.deepEqual(await session.diagnostics(uri), []);
      assert.match(((await session.hover(uri, { line: 0, character: 21 }))?.contents as MarkupContent).value, /Delivery not authorized/);
      const told = session.messages.filter((message) => message.startsWith('big_access has'));
      assert.equal(told.length, 2, 'once as a message, once in the log');
      assert.match(told[0], /more than smtpStatusCodes\.maxFileSize \(30\), so its status codes are not checked; hover still works\. Raise the setting to check it\./);
      await session.changeSettings({});
      await session.close(uri);
    });

    test('bad input: empty, binary, a 10 MB line, unknown documents, wrong-shaped settings', async () => {
      await session.open('file:///empty.txt', '');
      assert.deepEqual(await session.diagnostics('file:///empty.txt'), []);
      const binary = Array.from({ length: 100_000 }, (_, i) => String.fromCharCode((i * 7919) % 65_536)).join('');
      await session.open('file:///blob.bin', binary);
      assert.deepEqual(await session.diagnostics('file:///blob.bin'), []);
      const noLoneCr = binary.replace(/\r/g, '');
      const withReply = `${noLoneCr.slice(0, 50_000)}\n"550 4.1.1 x"\n${noLoneCr.slice(50_000)}`;
      await session.open('file:///blob-with-reply.bin', withReply);
      const found = await session.diagnostics('file:///blob-with-reply.bin');
      const code = TextDocument.create('file:///blob-with-reply.bin', 'plaintext', 1, withReply).positionAt(50_006);
      assert.deepEqual(found.map((d) => [d.code, d.range.start]), [['class-mismatch', code]]);
      await session.open('file:///long.txt', 'x'.repeat(10_000_000) + ' "550 4.1.1 end"');
      assert.deepEqual((await session.diagnostics('file:///long.txt')).map((d) => d.code), ['class-mismatch']);
      await session.close('file:///never-opened.txt');
      assert.equal(await session.hover('file:///never-opened.txt', { line: 0, character: 0 }), null);
      await session.changeSettings(['not', 'an', 'object']);
      await session.open('file:///after.txt', '"550 5.1.1 ok"');
      assert.deepEqual(await session.diagnostics('file:///after.txt'), []);
      assert.ok(session.messages.some((message) => /expected an object of settings, got a list; using the defaults/.test(message)));
      noExceptions(session);
      await session.changeSettings({});
    });
  });
}

describe('what the language server announces to a client', { timeout: 30_000 }, () => {
  for (const pullDiagnostics of [false, true]) {
    test(`its name and capabilities, to a client that ${pullDiagnostics ? 'pulls diagnostics' : 'waits for diagnostics to be pushed'}`, async () => {
      const session = await LspSession.start({ pullDiagnostics, settings: {} });
      try {
        assert.deepEqual(session.serverInfo, { name: 'smtp-status-codes-language-server' });
        assert.deepEqual(session.serverCapabilities, {
          textDocumentSync: { openClose: true, change: 2 },
          hoverProvider: true,
          completionProvider: { triggerCharacters: ['.', ' ', '-'], resolveProvider: true },
          codeActionProvider: { codeActionKinds: ['quickfix'] },
          inlayHintProvider: true,
          documentLinkProvider: { resolveProvider: false },
          semanticTokensProvider: {
            legend: {
              tokenTypes: ['statusCodeSuccess', 'statusCodeTransient', 'statusCodePermanent', 'statusCode', 'replyCodeSuccess', 'replyCodeTransient', 'replyCodePermanent'],
              tokenModifiers: ['invalid', 'deprecated'],
            },
            full: { delta: true },
            range: true,
          },
          foldingRangeProvider: true,
          documentHighlightProvider: true,
          referencesProvider: true,
          definitionProvider: true,
          documentSymbolProvider: { label: 'Messages' },
          // Only a client that pulls diagnostics is offered them to pull; the others get them pushed.
          ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
        });
      } finally {
        await session.stop();
      }
    });
  }
});

describe('language server without workspace/configuration (a minimal client such as Neovim 0.7)', { timeout: 30_000 }, () => {
  test('uses the defaults and pushes diagnostics', async () => {
    const session = await LspSession.start({});
    try {
      await session.open('file:///etc/postfix/sender_access', 'spammer@example.net  REJECT 4.7.1 go away\n');
      assert.deepEqual((await session.diagnostics('file:///etc/postfix/sender_access')).map((d) => d.code), ['class-mismatch']);
      noExceptions(session);
    } finally {
      await session.stop();
    }
  });
});

describe('pulled diagnostics with result ids (as VS Code asks for them)', { timeout: 30_000 }, () => {
  test('an edit that changes no diagnostic gets an unchanged report; one that does gets the new ones', async () => {
    const session = await LspSession.start({ pullDiagnostics: true, settings: { severityInLogs: { 'unregistered-code': 'hint' } } });
    try {
      const uri = 'file:///var/log/mail.log';
      const lines = [
        'Nov 28 10:00:01 mx1 postfix/smtp[2001]: 1A2B3C4D5E: to=<a@example.net>, dsn=5.1.1, status=bounced (host said: 550 4.1.1 User unknown)',
        'Nov 28 10:00:02 mx1 postfix/smtpd[2002]: connect from unknown[192.0.2.7]',
        'Nov 28 10:00:03 mx1 postfix/smtp[2003]: 2B3C4D5E6F: to=<b@example.net>, dsn=5.9.9, status=bounced',
      ];
      await session.open(uri, lines.join('\n') + '\n', 'log');
      const pull = (previousResultId?: string) => session.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId });
      const first = await pull();
      assert.equal(first.kind, 'full');
      assert.deepEqual(first.kind === 'full' && first.items.map((d) => `${d.range.start.line} ${d.code}`), ['0 class-mismatch', '2 unregistered-code']);
      const resultId = first.kind === 'full' ? first.resultId : undefined;
      assert.ok(resultId);

      await session.change(uri, { range: { start: { line: 1, character: 20 }, end: { line: 1, character: 23 } }, text: 'mx2' });
      assert.deepEqual(await pull(resultId), { kind: 'unchanged', resultId });
      assert.equal((await pull()).kind, 'full', 'a client without the last report gets it whole');

      await session.change(uri, { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'Nov 28 10:00:00 mx1 postfix/smtp[2000]: said: 550 5.9.9 x\n' });
      const shifted = await pull(resultId);
      assert.equal(shifted.kind, 'full');
      assert.deepEqual(shifted.kind === 'full' && shifted.items.map((d) => `${d.range.start.line} ${d.code}`), ['0 unregistered-code', '1 class-mismatch', '3 unregistered-code']);
      noExceptions(session);
    } finally {
      await session.stop();
    }
  });
});
