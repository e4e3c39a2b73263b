import * as fs from 'node:fs';
import type { Page } from 'playwright-core';
import { parse } from 'yaml';
import { UI_TIMEOUT_MS } from '../support/workbench';

/** One annotation of a sidecar as a reader of the file sees it: its kind and the text it covers. */
export interface SidecarEntry {
  kind: string;
  quote: string;
}

/** The annotations a sidecar file holds (none when it does not exist). */
export function sidecarEntries(file: string): SidecarEntry[] {
  if (!fs.existsSync(file)) return [];
  const doc = parse(fs.readFileSync(file, 'utf8')) as { annotations?: Array<{ kind: string; selectors?: { quote?: { exact?: string } } }> };
  return (doc.annotations ?? []).map((a) => ({ kind: a.kind, quote: a.selectors?.quote?.exact ?? '' }));
}

/** Polls the sidecar until `condition` holds of its entries; returns them, or throws with what it held. */
export async function waitForSidecar(page: Page, file: string, condition: (entries: SidecarEntry[]) => boolean, what: string): Promise<SidecarEntry[]> {
  const deadline = Date.now() + UI_TIMEOUT_MS;
  let entries = sidecarEntries(file);
  while (!condition(entries) && Date.now() < deadline) {
    await page.waitForTimeout(100);
    entries = sidecarEntries(file);
  }
  if (!condition(entries)) throw new Error(`${what}: the sidecar holds ${JSON.stringify(entries)}`);
  return entries;
}

/** Selects line `line` (0-based) of the focused editor from its start to its end, with the keyboard. */
export async function selectLine(page: Page, line: number): Promise<void> {
  await page.locator('.monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < line; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Home');
  await page.keyboard.press('Shift+End');
}

/** Types `text` into the open input box (a note) and presses Enter. */
export async function answerInputBox(page: Page, text: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: UI_TIMEOUT_MS });
  await input.fill(text);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
}

/** Picks the item labelled `label` in the open pick list: filters by typing, waits until it is focused, Enter. */
export async function pickItem(page: Page, label: string): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: UI_TIMEOUT_MS });
  await input.fill(label);
  await page.locator('.quick-input-list .monaco-list-row.focused', { hasText: label }).first().waitFor({ timeout: UI_TIMEOUT_MS });
  await page.keyboard.press('Enter');
}
