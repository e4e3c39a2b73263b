/// <reference lib="dom" />
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { analyze } from '../../../src/core/analyze';
import { quotesWithTopics, speakerTreatyTable } from '../../../src/core/desk/quoteTopics';
import { WorkspaceIndex } from '../../../src/core/index/workspaceIndex';
import { BUILTIN_LEXICON } from '../../../src/core/lexicon/builtinLexicon';
import { UI_TIMEOUT_MS } from '../support/workbench';

/** The side-bar pane of one of our views, by its title. */
export function pane(page: Page, title: string): Locator {
  return page.locator('.part.sidebar .pane').filter({ has: page.locator('.pane-header', { hasText: title }) });
}

/** Opens a pane that starts collapsed (Quotes, Who Spoke About Which Treaty); collapses the others in the way. */
export async function expandPane(page: Page, title: string, collapse: string[] = []): Promise<Locator> {
  for (const other of collapse) {
    const header = pane(page, other).locator('.pane-header').first();
    if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
  }
  const header = pane(page, title).locator('.pane-header').first();
  await header.waitFor({ timeout: UI_TIMEOUT_MS });
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
  await page.waitForFunction((el) => el?.getAttribute('aria-expanded') === 'true', await header.elementHandle(), { timeout: UI_TIMEOUT_MS });
  return pane(page, title);
}

export interface RowText {
  index: number;
  label: string;
  description: string;
  level: number;
  /** What a screen reader says of the row. */
  aria: string;
}

/**
 * Every row of a pane's tree, read as the list renders them (only the rows in view exist in the page): scrolls
 * down by wheel until no new row appears.
 */
export async function allRows(page: Page, paneLocator: Locator): Promise<RowText[]> {
  const list = paneLocator.locator('.monaco-list').first();
  await list.hover();
  await page.mouse.wheel(0, -100_000);
  const rows = new Map<number, RowText>();
  for (let round = 0; round < 200; round++) {
    const seen = await list.evaluate((el) =>
      Array.from(el.querySelectorAll('.monaco-list-row')).map((r) => ({
        index: Number(r.getAttribute('data-index')),
        label: r.querySelector('.label-name')?.textContent ?? '',
        description: r.querySelector('.label-description')?.textContent ?? '',
        level: Number(r.getAttribute('aria-level')),
        aria: r.getAttribute('aria-label') ?? '',
      })),
    );
    const before = rows.size;
    for (const r of seen) rows.set(r.index, r);
    if (round > 0 && rows.size === before) break;
    await page.mouse.wheel(0, 120);
    await page.waitForTimeout(50);
  }
  return [...rows.values()].sort((a, b) => a.index - b.index);
}

/** Scrolls a pane's list from the top until a row with this label is rendered, and returns it. */
export async function scrollToRow(page: Page, paneLocator: Locator, label: RegExp): Promise<Locator> {
  const list = paneLocator.locator('.monaco-list').first();
  const row = paneLocator.locator('.monaco-list-row').filter({ has: page.locator('.label-name', { hasText: label }) }).first();
  await list.hover();
  await page.mouse.wheel(0, -100_000);
  for (let round = 0; round < 100 && (await row.count()) === 0; round++) {
    await page.mouse.wheel(0, 60);
    await page.waitForTimeout(50);
  }
  await row.waitFor({ timeout: UI_TIMEOUT_MS });
  await row.scrollIntoViewIfNeeded();
  return row;
}

/** The timeline webview's page (the workbench nests it in two frames). */
export function timelineFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
}

/** The seeds copied into a workspace folder (`seeds/`), as a user would add them. */
export function copySeeds(seedsDir: string, workspace: string): string[] {
  const target = path.join(workspace, 'seeds');
  fs.mkdirSync(target, { recursive: true });
  const names = fs.readdirSync(seedsDir).filter((f) => f.endsWith('.txt')).sort();
  for (const f of names) fs.copyFileSync(path.join(seedsDir, f), path.join(target, f));
  return names;
}

/** What the core says of the seeds, to compare with what the views show: one person's speaker x treaty cell. */
export function seedCell(seedsDir: string, person: string, treaty: string): number {
  const index = new WorkspaceIndex();
  for (const f of fs.readdirSync(seedsDir).filter((x) => x.endsWith('.txt'))) {
    const text = fs.readFileSync(path.join(seedsDir, f), 'utf8');
    const r = analyze(text, { lexicon: BUILTIN_LEXICON });
    index.setDocument(`file:///seeds/${f}`, text, { mentions: r.mentions, entities: r.entities, documentDate: r.documentDate }, { cold: true });
  }
  const row = speakerTreatyTable(quotesWithTopics(index)).find((r) => r.name === person);
  return row?.cells.find((c) => index.displayName(c.treaty) === treaty)?.quotes.length ?? 0;
}
