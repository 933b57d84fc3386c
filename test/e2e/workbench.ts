/** Drives the VS Code workbench in Chromium the way a person does: Explorer clicks, the command palette, the keyboard. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from '../support/paths';
import { CHROMIUM } from './codeServer';

export const SCREENSHOTS = path.join(ROOT, 'test-results', 'screenshots');

export class Workbench {
  private constructor(private readonly browser: Browser, readonly page: Page) {}

  static async open(url: string): Promise<Workbench> {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
    await page.goto(url, { timeout: 120_000 }); // a loaded shared machine can take longer than the default 30 s
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
    return new Workbench(browser, page);
  }

  async openFile(name: string): Promise<void> {
    await this.page.locator('.explorer-folders-view .monaco-list-row', { hasText: name }).first().click();
    await this.page.locator(`.tab.active[aria-label^="${name}"], .tab.active:has-text("${name}")`).first().waitFor();
    await this.page.locator('.monaco-editor .view-lines').first().waitFor();
  }

  async command(name: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${name}`);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor();
    await this.page.keyboard.press('Enter');
  }

  /** Places the cursor at a 1-based line and column. */
  async goTo(line: number, column: number): Promise<void> {
    await this.command('Go to Line/Column');
    const input = this.page.locator('.quick-input-widget input');
    await input.fill(`:${line}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /**
   * The hover text at a 1-based line and column. The first request after opening a file can come before the
   * language server is up, so "Show or Focus Hover" is asked again until the expected hover shows.
   */
  async hoverAt(line: number, column: number, expected: RegExp, attempts = 10): Promise<string> {
    const hover = this.page.locator('.monaco-hover-content', { hasText: expected }).first();
    for (let attempt = 1; ; attempt++) {
      await this.goTo(line, column);
      await this.command('Show or Focus Hover');
      try {
        await hover.waitFor({ timeout: 3_000 });
        return await hover.innerText();
      } catch (error) {
        if (attempt >= attempts) throw error;
        await this.page.keyboard.press('Escape');
      }
    }
  }

  /** Opens the language status hover (the `{ }` in the status bar) and returns the text of the item showing `label`. */
  async languageStatus(label: string): Promise<string> {
    const element = this.page.locator('.hover-language-status .element', { hasText: label }).first();
    for (let attempt = 1; ; attempt++) {
      await this.page.locator('[id="status.languageStatus"]').first().click();
      try {
        await element.waitFor({ timeout: 5_000 });
        return await element.innerText();
      } catch (error) {
        if (attempt >= 6) throw error;
        await this.page.keyboard.press('Escape');
      }
    }
  }

  /** Chooses the item with `label` in the open quick pick. */
  async pick(label: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(label);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: label }).first().waitFor();
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  async closeWidgets(): Promise<void> {
    await this.page.keyboard.press('Escape');
  }

  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const file = path.join(SCREENSHOTS, `${name}.png`);
    // Widgets fade in: wait until every finite animation has finished, so the picture shows what a person sees.
    await this.page.waitForFunction(`document.getAnimations().every((animation) =>
      animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity)`);
    await this.page.screenshot({ path: file });
    return file;
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
