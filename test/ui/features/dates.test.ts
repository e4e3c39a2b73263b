/// <reference lib="dom" />
import * as assert from 'node:assert/strict';
import { useWorkbench } from '../support/session';
import { UI_TIMEOUT_MS } from '../support/workbench';
import { contributedColor, currentTheme, hoverBox, hoverCard, quickOpen, sameColor, treeRow, waitForBoxes } from './editorUi';

/** What a person must never be shown alone: ISO codes with placeholders, TIMEX3 references, season/week codes. */
const CODE = /XXXX|_REF|\b\d{4}-(?:SP|SU|FA|WI|W\d\d|Q\d)\b/;

describe('dates in the workbench: in words, with the document date they were resolved against', () => {
  const session = useWorkbench({ userSettings: { 'editor.hover.delay': 100 } });

  it('a relative date\'s hover says its day in words and what it was resolved against', async () => {
    const { workbench } = session;
    const page = workbench.page;
    await quickOpen(workbench, 'press-briefing.txt');
    const dateBg = contributedColor('marginalia.dateBackground', await currentTheme(page));
    const boxes = (await waitForBoxes(page, [dateBg])).filter((b) => sameColor(b.background, dateBg)).sort((a, b) => a.y - b.y || a.x - b.x);
    let text = '';
    // The briefing's first dates are its dateline; the relative ones follow in the turns.
    for (const box of boxes.slice(0, 8)) {
      const card = await hoverBox(page, box, /— date/);
      text = (await card.textContent()) ?? '';
      if (/Resolved relative to/.test(text)) break;
      await page.mouse.move(700, 5, { steps: 2 });
      await page.keyboard.press('Escape');
      await hoverCard(page).first().waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    }
    assert.match(text, /Resolved relative to 8 January 2025, from the dateline\./);
    assert.match(text, /^\d{1,2} [A-Z][a-z]+ 2025 — date/);
    assert.match(text, /ISO value: 2025-01-\d\d/);
    assert.doesNotMatch(text.split('ISO value')[0] as string, CODE);
    await workbench.screenshot('dates-hover');
    await page.mouse.move(700, 5, { steps: 2 });
    await page.keyboard.press('Escape');
  });

  it('the status bar shows the document date in words', async () => {
    const { workbench } = session;
    const item = workbench.page.locator('.statusbar-item', { hasText: '8 January 2025' });
    await item.first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  });

  it('the Entities view groups dates by year and month, in words', async () => {
    const { workbench } = session;
    const page = workbench.page;
    await workbench.activityBarItem('Marginalia').click();
    const dates = treeRow(page, 'Entities', /^Dates$/).first();
    await dates.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await dates.click();
    const year = treeRow(page, 'Entities', /^2025$/).first();
    await year.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await year.click();
    const month = treeRow(page, 'Entities', /^January 2025$/).first();
    await month.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await month.click();
    await treeRow(page, 'Entities', /^8 January 2025$/).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    const labels = await page.locator('.part.sidebar .pane .monaco-list-row .label-name').allTextContents();
    for (const label of labels) assert.doesNotMatch(label, CODE, `tree row "${label}"`);
    await workbench.screenshot('dates-tree');
  });
});
