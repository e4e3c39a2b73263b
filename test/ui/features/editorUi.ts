/// <reference lib="dom" />
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { REPO_ROOT } from '../../../scripts/lib/paths';
import { UI_TIMEOUT_MS, type Workbench } from '../support/workbench';

/**
 * What Marginalia puts on screen, seen through the DOM of the real workbench: decoration boxes and their
 * computed colours, the hover card, the rows of our views. Selectors that held up against VS Code 1.100.
 */

type Theme = 'dark' | 'light' | 'highContrast' | 'highContrastLight';

/** The theme the workbench renders (`.monaco-workbench` carries vs / vs-dark / hc-black / hc-light). */
export async function currentTheme(page: Page): Promise<Theme> {
  const cls = (await page.locator('.monaco-workbench').first().getAttribute('class')) ?? '';
  if (/\bhc-light\b/.test(cls)) return 'highContrastLight';
  if (/\bhc-black\b/.test(cls)) return 'highContrast';
  if (/\bvs-dark\b/.test(cls)) return 'dark';
  return 'light';
}

/** The contributed default of a colour for a theme, as the `rgba(r, g, b, a)` string getComputedStyle returns. */
export function contributedColor(id: string, theme: Theme): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
  const color = (pkg.contributes.colors as Array<{ id: string; defaults: Record<string, string> }>).find((c) => c.id === id);
  if (!color) throw new Error(`${id} is not contributed`);
  const hex = color.defaults[theme] ?? color.defaults.light;
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  if (hex.length === 7) return `rgb(${r}, ${g}, ${b})`;
  const a = Math.round((parseInt(hex.slice(7, 9), 16) / 255) * 1000) / 1000;
  return `rgba(${r}, ${g}, ${b}, ${a})`;
}

/** Compares two CSS colours allowing the rounding browsers do on alpha. */
export function sameColor(a: string, b: string): boolean {
  const nums = (s: string): number[] => (s.match(/[\d.]+/g) ?? []).map(Number);
  const x = nums(a);
  const y = nums(b);
  if (x.length === 3) x.push(1);
  if (y.length === 3) y.push(1);
  return x.length === y.length && x.every((v, i) => Math.abs(v - y[i]) <= (i === 3 ? 0.01 : 1));
}

/** The decoration boxes VS Code draws behind text (`.cdr` in `.view-overlays`) with their computed colours. */
export async function decorationBoxes(page: Page): Promise<Array<{ background: string; border: string; borderStyle: string; x: number; y: number; width: number; height: number }>> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.editor-instance .view-overlays .cdr[class*="TextEditorDecorationType"]')).map((el) => {
      const style = getComputedStyle(el);
      const r = el.getBoundingClientRect();
      return { background: style.backgroundColor, border: style.borderBottomColor, borderStyle: style.borderBottomStyle, x: r.x, y: r.y, width: r.width, height: r.height };
    }),
  );
}

/** Waits until boxes of the given background colours are all on screen; returns the boxes. */
export async function waitForBoxes(page: Page, backgrounds: string[], timeoutMs = UI_TIMEOUT_MS): Promise<Awaited<ReturnType<typeof decorationBoxes>>> {
  const deadline = Date.now() + timeoutMs;
  let boxes: Awaited<ReturnType<typeof decorationBoxes>> = [];
  while (Date.now() < deadline) {
    boxes = await decorationBoxes(page);
    if (backgrounds.every((bg) => boxes.some((b) => sameColor(b.background, bg)))) return boxes;
    await page.waitForTimeout(100);
  }
  throw new Error(`decoration boxes with ${backgrounds.join(', ')} did not appear; saw ${[...new Set(boxes.map((b) => b.background))].join(', ')}`);
}

/** The visible hover widget. */
export function hoverCard(page: Page): Locator {
  return page.locator('.monaco-hover:not(.hidden)').filter({ hasText: /—/ });
}

/** Hovers the mouse over the middle of a box and waits for the hover card that contains `text`. */
export async function hoverBox(page: Page, box: { x: number; y: number; width: number; height: number }, text: string | RegExp): Promise<Locator> {
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
  const card = hoverCard(page).filter({ hasText: text });
  await card.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  // The hover fades in; a screenshot taken mid-animation shows the text behind it. (A string, so the bundler
  // adds no helpers to code that runs in the page.)
  await page.waitForFunction(
    `(() => { const el = document.querySelector('.monaco-hover:not(.hidden)'); if (!el) return false;
      for (let e = el; e; e = e.parentElement) if (Number(getComputedStyle(e).opacity) < 1) return false; return true; })()`,
    undefined,
    { timeout: UI_TIMEOUT_MS },
  );
  return card.first();
}

/** A row of one of our tree views, by its label. */
export function treeRow(page: Page, viewTitle: string, label: string | RegExp): Locator {
  const pane = page.locator('.part.sidebar .pane').filter({ has: page.locator('.pane-header', { hasText: viewTitle }) });
  return pane.locator('.monaco-list-row').filter({ has: page.locator('.label-name, .monaco-highlighted-label', { hasText: label }) });
}

/** The cursor position the status bar shows (`Ln 12, Col 5`). */
export async function cursorPosition(page: Page): Promise<{ line: number; column: number } | undefined> {
  const text = await page.locator('.statusbar-item', { hasText: /Ln \d+, Col \d+/ }).first().textContent();
  const m = /Ln (\d+), Col (\d+)/.exec(text ?? '');
  return m ? { line: Number(m[1]), column: Number(m[2]) } : undefined;
}

/**
 * Opens a file through Quick Open (Ctrl+P) by name or absolute path. Waits until the *focused* row is the
 * file before pressing Enter: right after typing, Quick Open still shows (and focuses) the recently opened
 * list, and Enter there opens whatever was first in it.
 */
export async function quickOpen(workbench: Workbench, nameOrPath: string): Promise<void> {
  const page = workbench.page;
  const name = path.basename(nameOrPath);
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: UI_TIMEOUT_MS });
  await input.fill(nameOrPath);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: name }).first().waitFor({ timeout: UI_TIMEOUT_MS });
  await page.keyboard.press('Enter');
  await workbench.activeTab(name).waitFor({ timeout: UI_TIMEOUT_MS });
}
