/** The browser bundle of the server in a web worker in headless Chromium, as vscode.dev runs it. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { ROOT } from '../support/paths';
import { CHROMIUM, missingPrerequisite } from './codeServer';

const BUNDLE = path.join(ROOT, 'dist', 'browser', 'server.js');

describe('the web worker server in Chromium', { skip: missingPrerequisite() ?? false, timeout: 120_000 }, () => {
  test('the browser bundles use no Node built-ins', () => {
    for (const bundle of [BUNDLE, path.join(ROOT, 'dist', 'browser', 'extension.js')]) {
      const text = fs.readFileSync(bundle, 'utf8');
      assert.doesNotMatch(text, /require\(["'](?:node:)?(?:fs|path|child_process|net|os|stream|crypto)["']\)/, path.basename(bundle));
    }
  });

  test('answers initialize, hover and diagnostics over postMessage', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'] });
    try {
      const page = await browser.newPage();
      await page.goto('about:blank');
      const result = await page.evaluate(async (source) => {
        const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
        const pending = new Map<number, (value: unknown) => void>();
        const notifications: { method: string; params: { uri: string; diagnostics: { code: string }[] } }[] = [];
        let onNotification = () => {};
        worker.onmessage = ({ data }) => {
          if (data.id !== undefined && pending.has(data.id)) pending.get(data.id)!(data.result);
          else if (data.method === 'textDocument/publishDiagnostics') {
            notifications.push(data);
            onNotification();
          } else if (data.id !== undefined) worker.postMessage({ jsonrpc: '2.0', id: data.id, result: null });
        };
        let id = 0;
        const request = (method: string, params: unknown) => new Promise((resolve) => {
          pending.set(++id, resolve);
          worker.postMessage({ jsonrpc: '2.0', id, method, params });
        });
        const notify = (method: string, params: unknown) => worker.postMessage({ jsonrpc: '2.0', method, params });
        const initialized = (await request('initialize', { processId: null, rootUri: null, capabilities: {} })) as { capabilities: { hoverProvider: boolean } };
        notify('initialized', {});
        const diagnosticsArrived = new Promise<void>((resolve) => (onNotification = resolve));
        notify('textDocument/didOpen', { textDocument: { uri: 'file:///etc/postfix/access', languageId: 'plaintext', version: 1, text: 'x.example  REJECT 4.7.1 Go away\n' } });
        const hover = (await request('textDocument/hover', { textDocument: { uri: 'file:///etc/postfix/access' }, position: { line: 0, character: 20 } })) as { contents: { value: string } };
        const tokens = (await request('textDocument/semanticTokens/full', { textDocument: { uri: 'file:///etc/postfix/access' } })) as { data: number[] };
        await diagnosticsArrived;
        worker.terminate();
        return { hoverProvider: initialized.capabilities.hoverProvider, hover: hover.contents.value, diagnostics: notifications[0].params.diagnostics.map((d) => d.code), tokens: tokens.data };
      }, fs.readFileSync(BUNDLE, 'utf8'));
      assert.equal(result.hoverProvider, true);
      assert.match(result.hover, /\*\*4\.7\.1\*\* Delivery not authorized, message refused/);
      assert.deepEqual(result.diagnostics, ['class-mismatch']);
      assert.deepEqual(result.tokens, [0, 18, 5, 1, 1], 'one token: 4.7.1, a transient code marked invalid');
    } finally {
      await browser.close();
    }
  });
});
