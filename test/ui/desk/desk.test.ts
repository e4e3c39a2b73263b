/// <reference lib="dom" />
import * as assert from 'node:assert/strict';
import { requireShared } from '../../support/sharedData';
import { useWorkbench } from '../support/session';
import { UI_TIMEOUT_MS } from '../support/workbench';
import { quickOpen, treeRow } from '../features/editorUi';
import { allRows, copySeeds, expandPane, pane, scrollToRow, seedCell, timelineFrame } from './deskUi';

describe("the analyst's desk in the workbench: quotes, timeline, speaker x treaty", () => {
  const session = useWorkbench({
    // No sticky rows: a person's row kept at the top of a scrolled tree would sit over the quote a test clicks.
    userSettings: { 'workbench.colorTheme': 'Default Light Modern', 'workbench.tree.enableStickyScroll': false },
  });
  let seeds: string;

  before(function () {
    seeds = requireShared(this, 'seeds');
    copySeeds(seeds, session.workspace);
  });

  it("lists Ryabkov's quotes across the seed files in date order", async () => {
    const { workbench } = session;
    const page = workbench.page;
    await workbench.showMarginalia();
    const quotes = await expandPane(page, 'Quotes', ['Entities', 'This Document']);
    // The seeds are scanned after the workbench opened: wait for his row.
    await workbench.runCommand('Marginalia: Filter Quotes by Person');
    await page.locator('.quick-input-widget input').fill('ryabkov');
    await page.keyboard.press('Enter');
    const person = treeRow(page, 'Quotes', /Ryabkov/).first();
    await person.waitFor({ timeout: 60_000 });
    if ((await person.getAttribute('aria-expanded')) !== 'true') await person.click();
    await treeRow(page, 'Quotes', /^\u201c/).first().waitFor({ timeout: UI_TIMEOUT_MS });
    const rows = (await allRows(page, quotes)).filter((r) => r.level === 2);
    const files = rows.map((r) => /seeds\/(\d{3})_/.exec(r.description)?.[1]);
    assert.ok(rows.length >= 20, `${rows.length} quotes: ${rows.map((r) => r.description).join('; ')}`);
    // Dated 29 November 2023 (004), then 22 December of an unknown year (003), then the undated ones by name.
    const order = [...new Set(files)];
    assert.deepEqual(order.slice(0, 2), ['004', '003'], files.join(' '));
    const undated = order.slice(2);
    assert.ok(undated.length > 0 && undated.every((f, i) => i === 0 || (undated[i - 1] as string) < (f as string)), order.join(' '));
    assert.equal(files.filter((f) => f === '004').length, rows.findIndex((r) => !r.description.includes('004_')), 'one file after the other');
    for (const r of rows.filter((x) => undated.some((f) => x.description.includes(`${f}_`)))) assert.ok(!r.description.includes('\u00b7'), `undated: ${r.description}`);
    const of2023 = rows.filter((r) => r.description.includes('29 November 2023'));
    assert.ok(of2023.length > 0 && rows.findIndex((r) => !r.description.includes('2023')) >= of2023.length, 'the 2023 quotes come first');
    // What a screen reader says of a quote row: whose words, and where and when, not the quote alone.
    const aria = of2023[0]?.aria ?? '';
    assert.match(aria, /Ryabkov/, aria);
    assert.match(aria, /seeds\/004_\w+\.txt/, aria);
    assert.match(aria, /29 November 2023/, aria);
    // For the README: back to the top, his first quote opened beside the list.
    await quotes.locator('.monaco-list').first().hover();
    await page.mouse.wheel(0, -100_000);
    await treeRow(page, 'Quotes', /^\u201c/).first().click();
    await workbench.activeTab('_').waitFor({ timeout: UI_TIMEOUT_MS });
    await workbench.screenshot('readme-quotes');
  });

  it('filters the quotes by treaty and says so in the view', async () => {
    const { workbench } = session;
    const page = workbench.page;
    await workbench.runCommand('Marginalia: Filter Quotes by Treaty');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'New START' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    await page.locator('.quick-input-widget input').fill('New START');
    await page.keyboard.press('Enter');
    await pane(page, 'Quotes').locator('.pane-header', { hasText: /about New START/ }).waitFor({ timeout: UI_TIMEOUT_MS });
    await pane(page, 'Quotes').getByText(/Quotes about New START: its paragraph names it/).waitFor({ timeout: UI_TIMEOUT_MS });
    await workbench.runCommand('Marginalia: Clear Quote Filter');
    await pane(page, 'Quotes').locator('.pane-header', { hasText: /about New START/ }).waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
  });

  it('shows how often Ryabkov spoke about New START, with the quotes behind the cell', async () => {
    const { workbench } = session;
    const page = workbench.page;
    const expected = seedCell(seeds, 'Sergei Ryabkov', 'New START');
    assert.ok(expected > 0, 'the seeds have quotes of Ryabkov about New START');
    await workbench.showMarginalia();
    await expandPane(page, 'Who Spoke About Which Treaty', ['Entities', 'This Document', 'Quotes']);
    const person = await scrollToRow(page, pane(page, 'Who Spoke'), /^Sergei Ryabkov$/);
    if ((await person.getAttribute('aria-expanded')) !== 'true') await person.click();
    await page.waitForFunction((el) => el?.getAttribute('aria-expanded') === 'true', await person.elementHandle(), { timeout: UI_TIMEOUT_MS });
    // His cells follow his row: the first New START row after it is his.
    const cell = await scrollToRow(page, pane(page, 'Who Spoke'), /^New START$/);
    assert.equal(await cell.getAttribute('aria-level'), '2');
    assert.equal(await cell.locator('.label-description').textContent(), expected === 1 ? '1 quote' : `${expected} quotes`);
    await cell.click();
    await page.waitForFunction((el) => el?.getAttribute('aria-expanded') === 'true', await cell.elementHandle(), { timeout: UI_TIMEOUT_MS });
    const quoteRows = treeRow(page, 'Who Spoke', /^\u201c/);
    await quoteRows.first().waitFor({ timeout: UI_TIMEOUT_MS });
    assert.ok((await quoteRows.count()) >= Math.min(expected, 5));
    await workbench.screenshot('readme-speaker-treaty');
  });

  it("shows the timeline's items in a themed webview, as a picture and a table, and Enter on an item jumps to it", async () => {
    const { workbench } = session;
    const page = workbench.page;
    await quickOpen(workbench, 'press-briefing.txt');
    await workbench.runCommand('Marginalia: Show Timeline');
    const frame = timelineFrame(page);
    const table = frame.locator('table.mg-table tbody tr');
    await table.first().waitFor({ timeout: UI_TIMEOUT_MS });
    const rows = await table.evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? '')));
    // Ryabkov's quotes of 29 November 2023 are one item; the briefing's own date is there too.
    const ryabkov = rows.find((r) => r[1] === 'Sergei Ryabkov' && r[0] === '2023-11-29');
    assert.ok(ryabkov, rows.map((r) => r.join(' | ')).join('\n'));
    assert.match(ryabkov[2] ?? '', /\(\d+ quotes\)$/);
    assert.ok(rows.some((r) => r[1] === 'Date'), 'dates are on it');
    const marks = frame.locator('svg .mg-item');
    assert.equal(await marks.count(), rows.length, 'the picture and the table show the same items');
    // Themed: the page's text takes the theme's foreground.
    const colour = await frame.locator('body').evaluate((b) => getComputedStyle(b).getPropertyValue('--vscode-foreground').trim());
    assert.ok(colour.length > 0, 'the webview gets the theme variables');
    await workbench.screenshot('readme-timeline');

    // Keyboard: Tab reaches the items; Enter on Ryabkov's opens his document at the quote.
    const index = rows.indexOf(ryabkov);
    await marks.nth(index).focus();
    await page.keyboard.press('Enter');
    await workbench.activeTab('004_').waitFor({ timeout: UI_TIMEOUT_MS });

    // Coloured by treaty: the lanes are the treaties.
    await workbench.runCommand('Marginalia: Show Timeline');
    await frame.locator('button[data-colour="treaty"]').click();
    await frame.locator('button[data-colour="treaty"][aria-pressed="true"]').waitFor({ timeout: UI_TIMEOUT_MS });
    await frame.locator('svg text', { hasText: 'New START' }).first().waitFor({ timeout: UI_TIMEOUT_MS });

    // Filtered by treaty from the page's list: only items about New START are left, in the picture and the table.
    const before = await frame.locator('table.mg-table tbody tr').count();
    await frame.locator('select#treaty').selectOption({ label: 'New START' });
    await frame.locator('select#treaty option[selected]', { hasText: 'New START' }).waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
    const treaties = await frame.locator('table.mg-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[3]?.textContent ?? ''));
    assert.ok(treaties.length > 0 && treaties.length < before, `${treaties.length} of ${before} rows`);
    assert.deepEqual(treaties.filter((t) => !t.includes('New START')), []);
    assert.equal(await frame.locator('svg .mg-item').count(), treaties.length);
  });
});
