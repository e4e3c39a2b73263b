/// <reference lib="dom" />
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { REPO_ROOT } from '../../../scripts/lib/paths';
import { KIND_STYLES } from '../../../src/features/kindStyles';
import { useWorkbench } from '../support/session';
import { UI_TIMEOUT_MS } from '../support/workbench';
import { contributedColor, cursorPosition, currentTheme, hoverBox, quickOpen, sameColor, treeRow, waitForBoxes } from './editorUi';

const STATEMENT = path.join(REPO_ROOT, 'test', 'fixtures', 'editor', 'statement.txt');

describe('editor experience in the workbench', () => {
  const session = useWorkbench({ userSettings: { 'editor.hover.delay': 100, 'workbench.colorTheme': 'Default Light Modern' } });

  it('shows speakers, dates and treaties in their theme colours', async () => {
    const { workbench } = session;
    const page = workbench.page;
    await quickOpen(workbench, 'press-briefing.txt');
    const theme = await currentTheme(page);
    const expected = ['speaker', 'date', 'treaty'].map((k) => contributedColor(`marginalia.${k}Background`, theme));
    const boxes = await waitForBoxes(page, expected);
    for (const kind of ['speaker', 'date', 'treaty']) {
      const bg = contributedColor(`marginalia.${kind}Background`, theme);
      const border = contributedColor(`marginalia.${kind}Border`, theme);
      const mine = boxes.filter((b) => sameColor(b.background, bg));
      assert.ok(mine.length > 0, `${kind} boxes`);
      assert.ok(mine.every((b) => sameColor(b.border, border) && b.width > 10), `${kind} boxes are underlined in ${border}`);
      // Told apart by more than colour: each kind's underline has its own shape.
      const line = KIND_STYLES[kind as keyof typeof KIND_STYLES].line;
      assert.deepEqual([...new Set(mine.map((b) => b.borderStyle))], [line], `${kind} boxes are underlined ${line}`);
    }
    await workbench.screenshot('editor-highlights');
  });

  it('shows a hover card with the speaker\'s role', async () => {
    const { workbench } = session;
    const page = workbench.page;
    await quickOpen(workbench, STATEMENT);
    const theme = await currentTheme(page);
    const speakerBg = contributedColor('marginalia.speakerBackground', theme);
    const boxes = await waitForBoxes(page, [speakerBg]);
    const first = boxes.filter((b) => sameColor(b.background, speakerBg)).sort((a, b) => a.y - b.y || a.x - b.x)[0];
    const card = await hoverBox(page, first, 'Anna Petrova');
    const text = (await card.textContent()) ?? '';
    assert.match(text, /Anna Petrova — speaker/);
    assert.match(text, /Deputy Foreign Minister/);
    assert.match(text, /Speaks 3 times/);
    assert.match(text, /We will not return to the old limits/);
    assert.equal(await card.locator('img, script, iframe').count(), 0);
    await workbench.screenshot('editor-hover-role');
    await page.mouse.move(700, 5, { steps: 3 });
    await page.keyboard.press('Escape');
    await card.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
  });

  it('lists the three kinds in the Entities view, and a click on a mention moves the cursor to it', async () => {
    const { workbench } = session;
    const page = workbench.page;
    await quickOpen(workbench, 'press-briefing.txt');
    await workbench.showMarginalia();
    for (const kind of ['Speakers', 'Dates', 'Treaties']) {
      await treeRow(page, 'Entities', kind).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    }
    await treeRow(page, 'Entities', 'Treaties').first().click();
    const newStart = treeRow(page, 'Entities', /^New START$/).first();
    await newStart.click();
    const mention = treeRow(page, 'Entities', /^press-briefing\.txt:\d+$/).first();
    await mention.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    const label = (await mention.locator('.label-name').first().textContent()) ?? '';
    const line = Number(label.split(':')[1]);
    const before = await cursorPosition(page);
    await mention.click();
    await page.waitForFunction(
      (want) => /Ln (\d+)/.exec(document.querySelector('.statusbar')?.textContent ?? '')?.[1] === String(want),
      line,
      { timeout: UI_TIMEOUT_MS },
    );
    const after = await cursorPosition(page);
    assert.equal(after?.line, line);
    assert.notDeepEqual(after, before);
    await workbench.activeTab('press-briefing.txt').waitFor({ timeout: UI_TIMEOUT_MS });
    await workbench.screenshot('editor-tree-reveal');
  });

  it('expands every kind and entity with "Expand All Entities"', async () => {
    const { workbench } = session;
    const page = workbench.page;
    await quickOpen(workbench, 'press-briefing.txt');
    await workbench.showMarginalia();
    const speakers = treeRow(page, 'Entities', /^Speakers$/).first();
    await speakers.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    // Collapsed to start with, whatever other tests did: the kinds' own rows toggle when clicked.
    for (const kind of ['Speakers', 'Dates', 'Treaties']) {
      const row = treeRow(page, 'Entities', new RegExp(`^${kind}$`)).first();
      if ((await row.getAttribute('aria-expanded')) === 'true') await row.click();
      await page.waitForFunction((el) => el?.getAttribute('aria-expanded') === 'false', await row.elementHandle(), { timeout: UI_TIMEOUT_MS });
    }
    await workbench.runCommand('Marginalia: Expand All Entities');
    await page.waitForFunction((el) => el?.getAttribute('aria-expanded') === 'true', await speakers.elementHandle(), { timeout: UI_TIMEOUT_MS });
    // The speaker under it is expanded too, down to its mentions.
    // Expanded, and in view once the command is done: the list renders only the rows in view, and the command
    // scrolls it while it reveals each kind in turn.
    const hartley = treeRow(page, 'Entities', /^Hartley$/).and(page.locator('[aria-expanded="true"]')).first();
    await hartley.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await treeRow(page, 'Entities', /^press-briefing\.txt:\d+$/).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  });

  it('README: highlights, a hover card and the tree on a sample document', async () => {
    const { workbench } = session;
    const page = workbench.page;
    await workbench.runCommand('View: Close All Editors');
    await quickOpen(workbench, 'press-briefing.txt');
    await workbench.showMarginalia();
    // An earlier test may have left the tree expanded and scrolled: the list only renders the rows in view, so
    // scroll it back to the top before looking for the first kind.
    const entities = page.locator('.part.sidebar .pane').filter({ has: page.locator('.pane-header', { hasText: 'Entities' }) });
    await entities.locator('.monaco-list').first().hover();
    await page.mouse.wheel(0, -100_000);
    // Only the workspace's samples are listed once the fixture from outside the workspace is closed.
    await treeRow(page, 'Entities', 'Speakers').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    const theme = await currentTheme(page);
    const speakerBg = contributedColor('marginalia.speakerBackground', theme);
    const boxes = await waitForBoxes(page, [speakerBg]);
    // MR. HARTLEY's first turn: the second speaker box from the top (the first is the moderator).
    const speakerBoxes = boxes.filter((b) => sameColor(b.background, speakerBg)).sort((a, b) => a.y - b.y || a.x - b.x);
    await hoverBox(page, speakerBoxes[1], 'Hartley');
    const file = await workbench.screenshot('readme-editor');
    assert.ok(file.endsWith('readme-editor.png'));
  });
});
