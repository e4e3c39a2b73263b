/// <reference lib="dom" />
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { useWorkbench } from '../support/session';
import { UI_TIMEOUT_MS } from '../support/workbench';
import { contributedColor, currentTheme, hoverBox, quickOpen, sameColor, treeRow, waitForBoxes } from '../features/editorUi';
import { allRows, expandPane, pane, timelineFrame } from './deskUi';

/**
 * A workspace large enough that the first scan takes a while: generated archive notes of our own, one dated
 * entry a paragraph, beside the samples.
 */
// Under marginalia.files.maxFiles (5,000), so that the scan takes all of them.
const ARCHIVE_FILES = 4800;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
function archiveNote(i: number): string {
  const paragraphs = Array.from({ length: 12 }, (_, p) => {
    const day = ((i + p) % 28) + 1;
    return `On ${day} ${MONTHS[(i + p) % 12]} ${1980 + (i % 40)} the archive logged entry ${i}.${p} about the inspection regime and its reports.`;
  });
  return `${paragraphs.join('\n\n')}\n`;
}

/** The files the scan covers (marginalia.files.scanGlob's default) under `folder`. */
function scannedFiles(folder: string): number {
  return fs.readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(txt|md|markdown)$/.test(f)).length;
}

describe('the desk while the workspace is scanned, from a hover card, and by keyboard, in the workbench', () => {
  const session = useWorkbench({
    // No sticky rows: a person's row kept at the top of a scrolled tree is not one of the list's rows.
    userSettings: { 'editor.hover.delay': 100, 'workbench.colorTheme': 'Default Light Modern', 'workbench.tree.enableStickyScroll': false },
    // Written before the workbench opens the folder: Marginalia's first scan finds them all at once. Written
    // later, the file watcher reports them in batches for seconds, and the scan's total grows meanwhile.
    prepare: (workspace) => {
      const folder = path.join(workspace, 'archive');
      fs.mkdirSync(folder);
      for (let i = 0; i < ARCHIVE_FILES; i++) fs.writeFileSync(path.join(folder, `note-${String(i).padStart(4, '0')}.txt`), archiveNote(i));
    },
  });

  it('says "Scanning N of M files..." with progress in the Entities view during the first scan, then lists what it found', async () => {
    const { workbench } = session;
    const page = workbench.page;
    const files = scannedFiles(session.workspace);
    assert.ok(files > ARCHIVE_FILES, `${files} files to scan`);
    // Showing the view activates Marginalia: its first scan starts at once, so the view is watched from then on.
    await workbench.showMarginalia();
    const entities = pane(page, 'Entities');
    const scanning = entities.getByText(/Scanning \d+ of \d+ files/);
    await scanning.waitFor({ timeout: UI_TIMEOUT_MS });
    const first = /Scanning (\d+) of (\d+) files/.exec((await scanning.textContent()) ?? '');
    assert.ok(first, 'the message counts the files');
    const done = Number(first[1]);
    assert.equal(first[0], `Scanning ${done} of ${files} files`, 'the total is the files of the workspace');
    // The count moves on while the scan runs: the workbench shows a later message before the scan ends (a view
    // changed too often showed its first message until the end, see src/features/viewPace.ts). Looked for from
    // now on, while the checks below run.
    const next = page.waitForFunction(
      ([from]) => {
        const text = document.querySelector('.part.sidebar')?.textContent ?? '';
        const m = /Scanning (\d+) of (\d+) files/.exec(text);
        if (m) return Number(m[1]) > from ? m[0] : false;
        return /Dates\s*\d/.test(text) ? 'the scan ended' : false;
      },
      [done],
      { timeout: 120_000, polling: 50 },
    );
    next.catch(() => undefined); // awaited below; a check failing first must not leave it unhandled
    // The view's progress bar runs while the message shows; "none found" is not said meanwhile.
    await entities.locator('.monaco-progress-container.active').waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
    assert.equal(await entities.getByText(/No speakers, dates or treaties found/).count(), 0);
    await workbench.screenshot('desk-first-scan');
    const shown = String(await (await next).jsonValue());
    const later = /Scanning (\d+) of (\d+) files/.exec(shown);
    assert.ok(later, `a later message during the scan, but ${shown} with "Scanning ${done} of ${files} files" last shown`);
    assert.equal(Number(later[2]), files, later[0]);
    await scanning.waitFor({ state: 'detached', timeout: 120_000 });
    await treeRow(page, 'Entities', /^Dates/).first().waitFor({ timeout: UI_TIMEOUT_MS });
    assert.equal(await entities.locator('.monaco-progress-container.active').count(), 0, 'the progress bar stops with the scan');
  });

  it('"All quotes..." in a speaker\'s hover card opens the Quotes view filtered to that person', async () => {
    const { workbench } = session;
    const page = workbench.page;
    await quickOpen(workbench, 'press-briefing.txt');
    const theme = await currentTheme(page);
    const speakerBg = contributedColor('marginalia.speakerBackground', theme);
    const boxes = (await waitForBoxes(page, [speakerBg])).filter((b) => sameColor(b.background, speakerBg)).sort((a, b) => a.y - b.y || a.x - b.x);
    // MR. HARTLEY's first turn: the second speaker box from the top (the first is the moderator).
    const card = await hoverBox(page, boxes[1] as (typeof boxes)[number], 'Hartley');
    const link = card.getByText('All quotes\u2026');
    await link.waitFor({ timeout: UI_TIMEOUT_MS });
    await link.click();
    await pane(page, 'Quotes').locator('.pane-header', { hasText: /Hartley/ }).waitFor({ timeout: UI_TIMEOUT_MS });
    // Room to read the whole list: the other views folded.
    const quotes = await expandPane(page, 'Quotes', ['Entities', 'This Document']);
    await quotes.getByText(/Filtered by \u201c[^\u201d]*Hartley/).waitFor({ timeout: UI_TIMEOUT_MS });
    const person = treeRow(page, 'Quotes', /Hartley/).first();
    await person.waitFor({ timeout: UI_TIMEOUT_MS });
    if ((await person.getAttribute('aria-expanded')) !== 'true') await person.click();
    await treeRow(page, 'Quotes', /^\u201c/).first().waitFor({ timeout: UI_TIMEOUT_MS });
    const rows = await allRows(page, quotes);
    const people = rows.filter((r) => r.level === 1);
    assert.deepEqual(
      people.map((r) => /Hartley/.test(r.label)),
      [true],
      people.map((r) => r.label).join(', '),
    );
    const said = rows.filter((r) => r.level === 2);
    assert.ok(said.length > 0 && said.every((r) => r.description.includes('press-briefing.txt')), said.map((r) => r.description).join('; '));
    assert.ok(said.some((r) => r.label.includes('We have said for some time')), said.map((r) => r.label).join('; '));
    await workbench.runCommand('Marginalia: Clear Quote Filter');
  });

  it("arrow keys move between the timeline's items, and Enter jumps to the focused one", async () => {
    const { workbench } = session;
    const page = workbench.page;
    await quickOpen(workbench, 'press-briefing.txt');
    await workbench.runCommand('Marginalia: Show Timeline');
    const frame = timelineFrame(page);
    const marks = frame.locator('svg .mg-item');
    await marks.nth(2).waitFor({ timeout: UI_TIMEOUT_MS });
    const focused = () => frame.locator('body').evaluate(() => document.activeElement?.getAttribute('data-item') ?? null);
    await marks.first().focus();
    assert.equal(await focused(), '0');
    await page.keyboard.press('ArrowRight');
    assert.equal(await focused(), '1');
    await page.keyboard.press('ArrowDown');
    assert.equal(await focused(), '2');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await focused(), '1');
    await page.keyboard.press('ArrowUp');
    assert.equal(await focused(), '0');
    // Before the first item there is none: the focus stays.
    await page.keyboard.press('ArrowLeft');
    assert.equal(await focused(), '0');
    // Enter on the second item opens its document (the table's row says which).
    await page.keyboard.press('ArrowRight');
    const where = (await frame.locator('table.mg-table tbody tr').nth(1).locator('td').nth(4).textContent()) ?? '';
    const name = path.basename(where.replace(/ and \d+ more$/, ''));
    assert.ok(name.length > 0, `row 2 names its document: ${where}`);
    await page.keyboard.press('Enter');
    await workbench.activeTab(name).waitFor({ timeout: UI_TIMEOUT_MS });
  });
});
