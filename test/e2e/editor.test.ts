/**
 * The packaged extension in a real VS Code (code-server) driven in headless Chromium: what a user sees.
 * Screenshots land in test-results/screenshots/.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { FIXTURES } from '../support/paths';
import { CodeServer, missingPrerequisite } from './codeServer';
import type { Locator } from 'playwright-core';
import { Workbench } from './workbench';

const missing = missingPrerequisite();

describe('the extension in a real VS Code', { skip: missing ?? false, timeout: 600_000 }, () => {
  let server: CodeServer;
  let workbench: Workbench;
  let workspace: string;

  before(async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'smtp-workspace-'));
    for (const fixture of ['logs/mail.log', 'config/postfix/sender_access', 'source/smtp-server.js']) {
      fs.copyFileSync(path.join(FIXTURES, fixture), path.join(workspace, path.basename(fixture)));
    }
    fs.copyFileSync(path.join(FIXTURES, 'messages', 'mail.log'), path.join(workspace, 'maillog'));
    fs.copyFileSync(path.join(FIXTURES, 'bounces', 'outlook-banned-ip.eml'), path.join(workspace, 'outlook-banned-ip.eml'));
    fs.copyFileSync(path.join(FIXTURES, 'bounces', 'hotmail-mailbox-unavailable.eml'), path.join(workspace, 'hotmail-mailbox-unavailable.eml'));
    // Messages collapsed, so that the Outline of a mail log shows one row per message.
    server = await CodeServer.start(workspace, { 'outline.collapseItems': 'alwaysCollapse' });
    workbench = await Workbench.open(server.url);
  });

  after(async () => {
    await workbench?.close();
    await server?.stop();
  });

  test('hover over 5.1.1 in a mail log shows what it means', async () => {
    await workbench.openFile('mail.log');
    const text = await workbench.hoverAt(4, 156, /Bad destination mailbox address/);
    assert.match(text, /5\.1\.1/);
    assert.match(text, /Permanent Failure/);
    await workbench.screenshot('hover-mail-log');
    await workbench.closeWidgets();
  });

  test('a bounce explains the provider\'s code, its reason and hard or soft, with inlay hints after each code', async () => {
    await workbench.openFile('outlook-banned-ip.eml');
    await workbench.page.locator('.view-lines', { hasText: 'banned sending IP' }).first().waitFor({ timeout: 30_000 });
    const text = await workbench.hoverAt(34, 16, /Microsoft/);
    assert.match(text, /5\.7\.606/);
    assert.match(text, /banned sending IP/i);
    assert.match(text, /hard/i);
    await workbench.screenshot('bounce-hover-and-inlay-hints');
    await workbench.closeWidgets();
    // The Explorer goes back to the files the later tests click on.
    await workbench.command('View: Close All Editors');
    fs.rmSync(path.join(workspace, 'outlook-banned-ip.eml'));
    await workbench.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'outlook-banned-ip.eml' }).first().waitFor({ state: 'detached', timeout: 30_000 });
  });

  test('in a bounce, a reply code quoted without an enhanced code hovers with the bounce reason its text gives', async () => {
    await workbench.openFile('hotmail-mailbox-unavailable.eml');
    const text = await workbench.hoverAt(18, 67, /Bounce reason/);
    assert.match(text, /550/);
    assert.match(text, /user unknown, hard/i);
    assert.match(text, /\("mailbox unavailable"\)/, 'the words of the reply that decided');
    await workbench.screenshot('bounce-reply-code-reason');
    await workbench.closeWidgets();
    await workbench.command('View: Close All Editors');
    fs.rmSync(path.join(workspace, 'hotmail-mailbox-unavailable.eml'));
    await workbench.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'hotmail-mailbox-unavailable.eml' }).first().waitFor({ state: 'detached', timeout: 30_000 });
  });

  test('a mail log shows inlay hints and the Status Codes view counts its codes by class', async () => {
    await workbench.openFile('mail.log');
    await workbench.goTo(4, 1);
    await workbench.page.locator('.view-lines', { hasText: 'Bad destination mailbox address' }).first().waitFor({ timeout: 30_000 });
    const header = workbench.page.locator('.pane-header', { hasText: 'Status Codes' }).first();
    await header.waitFor({ timeout: 30_000 });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    const permanent = workbench.page.locator('.monaco-list-row', { hasText: 'Permanent failure (5.X.X)' }).first();
    await permanent.waitFor({ timeout: 30_000 });
    const code = workbench.page.locator('.monaco-list-row', { hasText: 'Multiple authentication checks failed' }).first();
    await code.waitFor({ timeout: 30_000 });
    await workbench.screenshot('log-summary-and-inlay-hints');
  });

  test('the Outline of a mail log lists its messages with their outcomes', async () => {
    await workbench.openFile('maillog');
    await workbench.goTo(14, 42);
    await workbench.command('Explorer: Focus on Outline View');
    await workbench.page.locator('.monaco-list-row', { hasText: '3F9C12A0B4 delivered: 2.0.0' }).first().waitFor({ timeout: 30_000 });
    // The Outline shares the side bar with the folder's files and the Status Codes view: fold those while it is looked at.
    const folded: Locator[] = [];
    for (const title of [/^smtp-workspace-/i, /^Status Codes$/i]) {
      const header = workbench.page.locator('.pane-header', { has: workbench.page.locator('.title', { hasText: title }) }).first();
      if ((await header.getAttribute('aria-expanded')) !== 'true') continue;
      await header.click();
      folded.push(header);
    }
    try {
      await workbench.page.locator('.monaco-list-row', { hasText: '91AB34CD56 bounced: 5.1.1 Bad destination mailbox address' }).first().waitFor({ timeout: 30_000 });
      await workbench.page.locator('.monaco-list-row', { hasText: 'NOQUEUE unknown[198.51.100.23] rejected: 5.7.1' }).first().waitFor({ timeout: 30_000 });
      await workbench.page.locator('.monaco-list-row', { hasText: '4Y0mKq3Zx9zJ7yP deferred: 4.7.28' }).first().waitFor({ timeout: 30_000 });
      await workbench.screenshot('outline-mail-log');
    } finally {
      for (const header of folded) await header.click();
      await workbench.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 30_000 });
    }
  });

  test('the Problems view lists the class mismatch in a Postfix access map', async () => {
    await workbench.openFile('sender_access');
    await workbench.command('Problems: Focus on Problems View');
    const row = workbench.page.locator('.markers-panel .monaco-list-row', { hasText: 'REJECT (a permanent failure) needs class 5' }).first();
    await row.waitFor({ timeout: 30_000 });
    assert.match(await row.innerText(), /4\.7\.1 is a transient failure code/);
    await workbench.screenshot('problems-sender-access');
  });

  test('a Plain Text sender_access shows its codes coloured by class', async () => {
    await workbench.openFile('sender_access');
    const language = workbench.page.locator('.statusbar-item', { hasText: 'Plain Text' }).first();
    await language.waitFor({ timeout: 30_000 });
    // Semantic tokens split the codes into spans of their own, coloured by the theme's scopes for each class.
    const colours = await workbench.page.waitForFunction(`(() => {
      const spans = [...document.querySelectorAll('.monaco-editor .view-line span span')];
      const colourOf = (span) => span && getComputedStyle(span).color;
      const plain = colourOf(spans.find((span) => span.textContent.includes('spammer@example.net')));
      const permanent = colourOf(spans.find((span) => span.textContent === '5.7.1'));
      const transient = colourOf(spans.find((span) => span.textContent === '4.7.1'));
      return plain && permanent && transient && { plain, permanent, transient };
    })()`, undefined, { timeout: 60_000 }).then((handle) => handle.jsonValue() as Promise<{ plain: string; permanent: string; transient: string }>);
    assert.notEqual(colours.permanent, colours.plain);
    assert.notEqual(colours.transient, colours.plain);
    assert.notEqual(colours.permanent, colours.transient);
    await workbench.screenshot('semantic-colours-plain-text');
  });

  test('the language status item shows the kind, and choosing another kind changes the findings', async () => {
    await workbench.openFile('sender_access');
    await workbench.command('Problems: Focus on Problems View');
    const mismatch = workbench.page.locator('.markers-panel .monaco-list-row', { hasText: 'REJECT (a permanent failure) needs class 5' }).first();
    await mismatch.waitFor({ timeout: 30_000 });
    await workbench.openFile('sender_access');
    const kind = await workbench.languageStatus('Postfix configuration');
    assert.match(kind, /recognised by its name/);
    await workbench.screenshot('language-status-kind');
    await workbench.page.locator('.hover-language-status .element', { hasText: 'Postfix configuration' }).locator('a', { hasText: 'Change the kind' }).first().click();
    await workbench.pick('Prose');
    await mismatch.waitFor({ state: 'detached', timeout: 30_000 });
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(server.workspace, '.vscode', 'settings.json'), 'utf8')), { 'smtpStatusCodes.fileKinds': { sender_access: 'prose' } });
    assert.match(await workbench.languageStatus('Prose'), /set in smtpStatusCodes\.fileKinds: "sender_access"/);
    await workbench.page.locator('.hover-language-status .element', { hasText: 'Prose' }).locator('a', { hasText: 'Change the kind' }).first().click();
    await workbench.pick('Detect automatically');
    await workbench.command('Problems: Focus on Problems View');
    await mismatch.waitFor({ timeout: 30_000 });
    await workbench.closeWidgets();
  });

  test('a quick fix mends a class mismatch in the Postfix access map', async () => {
    await workbench.openFile('sender_access');
    await workbench.goTo(5, 37);
    await workbench.command('Quick Fix...');
    // The preferred fix comes first and focused; Enter applies it, as a person would.
    const fix = workbench.page.locator('.action-widget .monaco-list-row.focused', { hasText: 'Replace 4.7.1 with 5.7.1' }).first();
    await fix.waitFor({ timeout: 30_000 });
    await workbench.screenshot('quick-fix-sender-access');
    await workbench.page.keyboard.press('Enter');
    await workbench.page.locator('.view-line', { hasText: 'REJECT 5.7.1 Sender blocked' }).first().waitFor({ timeout: 30_000 });
    const row = workbench.page.locator('.markers-panel .monaco-list-row', { hasText: 'REJECT (a permanent failure) needs class 5' });
    await row.waitFor({ state: 'detached', timeout: 30_000 });
  });

  test('the look-up command finds a code by its words and shows its entry; the registry renders whole', async () => {
    await workbench.command('SMTP Status Codes: Look Up an Enhanced Status Code');
    const input = workbench.page.locator('.quick-input-widget input');
    await input.fill('mailbox full');
    const row = workbench.page.locator('.quick-input-list .monaco-list-row', { hasText: '4.2.2' }).first();
    await row.waitFor({ timeout: 30_000 });
    await workbench.screenshot('look-up-command');
    await workbench.page.keyboard.press('Enter');
    const preview = workbench.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await preview.locator('body', { hasText: 'The mailbox is full because the user has exceeded' }).waitFor({ timeout: 30_000 });
    await workbench.command('SMTP Status Codes: Show the Registry');
    await workbench.page.locator('.tab', { hasText: 'Preview registry.md' }).first().waitFor({ timeout: 30_000 });
  });

  test('completion offers codes in a reply string', async () => {
    await workbench.openFile('smtp-server.js');
    await workbench.goTo(17, 1);
    await workbench.page.keyboard.type("      return callback(new Error('550 5.");
    const suggestion = workbench.page.locator('.suggest-widget .monaco-list-row', { hasText: '5.1.1' }).first();
    await suggestion.waitFor({ timeout: 30_000 });
    const labels = await workbench.page.locator('.suggest-widget .monaco-list-row').allInnerTexts();
    assert.ok(labels.every((label) => /^5\./.test(label.trim())), labels.join(' | '));
    await workbench.screenshot('completion-reply-string');
    await workbench.page.keyboard.press('Escape');
  });

  test('Restart Server brings the server back after it is killed', async () => {
    await workbench.openFile('mail.log');
    const [killed] = server.languageServerPids();
    assert.ok(killed, 'a language server runs');
    process.kill(killed, 'SIGKILL');
    await workbench.command('SMTP Status Codes: Restart Server');
    const text = await workbench.hoverAt(4, 156, /Bad destination mailbox address/);
    assert.match(text, /5\.1\.1/);
    await workbench.closeWidgets();
    // The client restarts a crashed server by itself as well; where the command's restart comes after that one, its new
    // server is still starting when the hover has been answered: one server runs once the restarts have settled.
    let running = server.languageServerPids();
    for (const started = Date.now(); running.length !== 1 && Date.now() - started < 15_000; running = server.languageServerPids()) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(running.length, 1, `one server runs: ${running.join(', ')}`);
    assert.notEqual(running[0], killed);
    assert.match(await workbench.languageStatus('Mail log'), /recognised by its name/);
    await workbench.closeWidgets();
  });
});
