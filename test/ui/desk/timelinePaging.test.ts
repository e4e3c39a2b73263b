/// <reference lib="dom" />
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TABLE_PAGE_ROWS } from '../../../src/core/desk/timelineSvg';
import { dateInWords } from '../../../src/core/model/dateWords';
import { useWorkbench } from '../support/session';
import { UI_TIMEOUT_MS } from '../support/workbench';
import { quickOpen } from '../features/editorUi';
import { timelineFrame } from './deskUi';

/** A document of our own with one distinct date per paragraph: more timeline items than two pages of the table. */
const DATES = 2 * TABLE_PAGE_ROWS + 50;
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const days = Array.from({ length: DATES }, (_, i) => new Date(Date.UTC(1990, 0, 1) + i * 3 * 86_400_000));
const chronicle = `${days.map((d, i) => `On ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} the archive logged entry ${i + 1}.`).join('\n\n')}\n`;
const lastDate = dateInWords((days[DATES - 1] as Date).toISOString().slice(0, 10));
/** A date after the chronicle's, in a file written while the table shows two pages. */
const LATE_DATE = '2 March 2001';
const LATE_ISO = '2001-03-02';

describe("the timeline's table of a large workspace, a page at a time, in the workbench", () => {
  const session = useWorkbench({ userSettings: { 'workbench.colorTheme': 'Default Dark Modern' } });

  before(() => {
    fs.writeFileSync(path.join(session.workspace, 'chronicle.txt'), chronicle);
  });

  it('shows one page of rows; its button, by mouse then by keyboard, adds the next until every item has one row, in order', async () => {
    const { workbench } = session;
    await quickOpen(workbench, 'chronicle.txt');
    await workbench.runCommand('Marginalia: Show Timeline');
    const frame = timelineFrame(workbench.page);
    // The panel renders again as the index fills: the chronicle is in once its last date is on the axis.
    await frame.locator(`svg .mg-item[aria-label^="Date ${lastDate},"]`).waitFor({ timeout: UI_TIMEOUT_MS });
    const marks = frame.locator('svg .mg-item');
    const rows = frame.locator('table.mg-table tbody tr');
    const more = frame.locator('button#mg-more');
    // The panel can render once more as the scan finishes (its table empty for a moment): wait for a page of rows.
    await rows.nth(TABLE_PAGE_ROWS - 1).waitFor({ timeout: UI_TIMEOUT_MS });
    const firstTotal = await marks.count();
    assert.ok(firstTotal >= DATES, `${firstTotal} items on the axis`);
    assert.equal(await rows.count(), TABLE_PAGE_ROWS, 'one page of the table at first');
    assert.match((await more.textContent()) ?? '', new RegExp(`next ${TABLE_PAGE_ROWS} rows .*\\(${firstTotal - TABLE_PAGE_ROWS} not shown\\)`));

    await more.click();
    await rows.nth(2 * TABLE_PAGE_ROWS - 1).waitFor({ timeout: UI_TIMEOUT_MS });
    assert.equal(await rows.count(), 2 * TABLE_PAGE_ROWS);

    // The index changes (a new dated file): the panel renders again, and keeps the pages the user asked for.
    fs.writeFileSync(path.join(session.workspace, 'postscript.txt'), `On ${LATE_DATE} the archive closed.\n`);
    await frame.locator(`svg .mg-item[aria-label^="Date ${dateInWords(LATE_ISO)},"]`).waitFor({ timeout: UI_TIMEOUT_MS });
    // The picture and the table are one render: with the new date on the axis, the table is the new one.
    assert.equal(await rows.count(), 2 * TABLE_PAGE_ROWS, 'the table keeps its two pages across a render');
    const total = await marks.count();
    const left = total - 2 * TABLE_PAGE_ROWS;
    assert.match((await more.textContent()) ?? '', new RegExp(`next ${Math.min(left, TABLE_PAGE_ROWS)} rows .*\\(${left} not shown\\)`));

    // Keyboard: the button takes the focus and Enter presses it; with nothing left it goes.
    await more.focus();
    await workbench.page.keyboard.press('Enter');
    await more.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    assert.equal(await rows.count(), total, 'every item has its row');
    // The table is the picture's text alternative: row i goes to item i, says what item i says, none lost or repeated.
    const targets = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelector('[data-item]')?.getAttribute('data-item')));
    assert.deepEqual(targets, Array.from({ length: total }, (_, i) => String(i)));
    const labels = await marks.evaluateAll((gs) => gs.map((g) => g.getAttribute('aria-label') ?? ''));
    const what = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[2]?.textContent ?? ''));
    // The table's "(3 mentions)" is the picture's "mentioned 3 times": compare what comes before it.
    const mismatched = what.filter((w, i) => !(labels[i] as string).includes(w.replace(/ \(\d+ (mentions|quotes)\)$/, '')));
    assert.deepEqual(mismatched, []);

    // A row of the last page goes to its place: the chronicle's last date.
    const last = what.indexOf(lastDate);
    assert.ok(last >= 2 * TABLE_PAGE_ROWS, `${lastDate} is on the last page (row ${last})`);
    await rows.nth(last).locator('button').click();
    await workbench.activeTab('chronicle.txt').waitFor({ timeout: UI_TIMEOUT_MS });
  });
});
