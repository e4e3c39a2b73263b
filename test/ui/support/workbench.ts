import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { SCREENSHOTS_DIR } from '../../../scripts/lib/paths';

/** How long a user-visible reaction may take before a UI test fails (the workbench is slow on 2 cores). */
export const UI_TIMEOUT_MS = 20_000;

/**
 * The VS Code workbench in a browser page, seen the way a user sees it: selectors for what is on screen,
 * and actions through the keyboard and mouse. Every wait is on a selector, never a fixed sleep.
 */
export class Workbench {
  constructor(readonly page: Page) {}

  /** Waits until the Explorer lists the workspace's files (the workbench has restored). */
  async waitUntilReady(): Promise<void> {
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });
  }

  /** The activity-bar entry whose label starts with `label` (e.g. the `Marginalia` view container). */
  activityBarItem(label: string): Locator {
    return this.page.locator(`.part.activitybar .action-item a.action-label[aria-label^="${label}"]`);
  }

  /** Shows the Marginalia side bar: clicks its activity-bar entry unless it is already the selected one (a click would hide it). */
  async showMarginalia(): Promise<void> {
    const item = this.activityBarItem('Marginalia');
    await item.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    const selected = /\bchecked\b/.test((await item.locator('xpath=..').getAttribute('class')) ?? '');
    if (!selected) await item.click();
  }

  /**
   * The title of a side-bar view (e.g. `Entities`): its pane header, or, when it is the only view of its
   * container, the container's title (`Marginalia: Entities`, which VS Code shows instead of a header).
   */
  viewTitle(title: string): Locator {
    return this.page
      .locator('.part.sidebar .composite.title h2, .part.sidebar .pane-header:not(.hidden)')
      .filter({ hasText: title });
  }

  /** Opens a workspace file through Quick Open (Ctrl+P) and waits until its tab is the active one. */
  async openFile(name: string): Promise<void> {
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: UI_TIMEOUT_MS });
    await input.fill(name);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    await this.page.keyboard.press('Enter');
    await this.activeTab(name).waitFor({ timeout: UI_TIMEOUT_MS });
  }

  /** The active editor tab, when it shows `name`. */
  activeTab(name: string): Locator {
    return this.page.locator('.tabs-container .tab.active', { hasText: name });
  }

  /** The text lines of the visible editor (`.view-lines`). */
  editorLines(): Locator {
    return this.page.locator('.editor-instance .view-lines');
  }

  /** Runs a command from the Command Palette (F1) by its title, e.g. `Marginalia: Show Version`. */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: UI_TIMEOUT_MS });
    await input.fill(`>${title}`);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    await this.page.keyboard.press('Enter');
  }

  /** A visible notification toast whose message contains `text`. */
  notification(text: string | RegExp): Locator {
    return this.page.locator('.notifications-toasts .notification-toast', { hasText: text });
  }

  /**
   * Saves a screenshot of the whole workbench to test-results/screenshots/<name>.png (git-ignored artifacts).
   * @returns the file written.
   */
  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    const file = path.join(SCREENSHOTS_DIR, `${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }
}
