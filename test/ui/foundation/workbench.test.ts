import * as assert from 'node:assert/strict';
import { UI_TIMEOUT_MS } from '../support/workbench';
import { useWorkbench } from '../support/session';

describe('foundation: the workbench with Marginalia loaded', () => {
  const session = useWorkbench();

  it('shows the Marginalia icon in the activity bar', async () => {
    await session.workbench.activityBarItem('Marginalia').waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  });

  it('shows the Entities view when the icon is clicked', async () => {
    const { workbench } = session;
    await workbench.activityBarItem('Marginalia').click();
    await workbench.viewTitle('Entities').first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    // The activity-bar entry is marked as the selected one.
    const item = workbench.activityBarItem('Marginalia').locator('xpath=..');
    assert.match((await item.getAttribute('class')) ?? '', /\bchecked\b/);
  });

  it('opens a sample document through Quick Open (Ctrl+P)', async () => {
    const { workbench } = session;
    await workbench.openFile('press-briefing.txt');
    await workbench.editorLines().getByText('MR. HARTLEY:').first().waitFor({ timeout: UI_TIMEOUT_MS });
    // The README shows this one: the sample workspace, a transcript open, Marginalia's view beside it. Give
    // the view a moment to list entities (it scans after activation); an empty view is no failure here.
    await workbench.page.locator('.part.sidebar .monaco-list-row').first().waitFor({ timeout: 15_000 }).catch(() => undefined);
    // Off the activity bar and away with its tooltip, so nothing covers the view.
    await workbench.page.mouse.move(700, 5, { steps: 5 });
    await workbench.page.keyboard.press('Escape');
    await workbench.page.locator('.workbench-hover-container').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    const file = await workbench.screenshot('workbench');
    assert.ok(file.endsWith('workbench.png'));
  });
});
