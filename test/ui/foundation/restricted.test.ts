import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { contributedColor, currentTheme, quickOpen, waitForBoxes } from '../features/editorUi';
import { selectLine, answerInputBox } from '../annotations/annotateUi';
import { useWorkbench } from '../support/session';
import { UI_TIMEOUT_MS } from '../support/workbench';

/** Every file under `dir` with its size, to show that nothing was written. */
function filesOf(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .sort()
    .map((f) => `${f} ${fs.statSync(`${dir}/${f}`).size}`);
}

describe('Restricted Mode: a workbench that has not trusted the workspace', () => {
  const session = useWorkbench({ restricted: true, userSettings: { 'workbench.colorTheme': 'Default Light Modern' } });

  it('is in Restricted Mode', async () => {
    await session.workbench.page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ timeout: UI_TIMEOUT_MS });
  });

  it('highlights speakers, dates and treaties', async () => {
    const { workbench } = session;
    await quickOpen(workbench, 'press-briefing.txt');
    const theme = await currentTheme(workbench.page);
    await waitForBoxes(workbench.page, ['speaker', 'date', 'treaty'].map((k) => contributedColor(`marginalia.${k}Background`, theme)));
    await workbench.screenshot('restricted-mode-highlights');
  });

  it('writes no sidecar when the user annotates, and says why', async () => {
    const { workbench } = session;
    const page = workbench.page;
    const before = filesOf(session.workspace);
    await quickOpen(workbench, 'news-report.txt');
    await page.locator('[id="marginalia-dev.marginalia.marginalia.counts"]').waitFor({ timeout: UI_TIMEOUT_MS });
    await selectLine(page, 0);
    await page.keyboard.press('Control+Alt+M');
    await page.keyboard.press('s');
    await answerInputBox(page, 'a note that must not be saved');
    await workbench.notification(/Restricted Mode: Marginalia writes no sidecar/).waitFor({ timeout: UI_TIMEOUT_MS });
    assert.deepEqual(filesOf(session.workspace), before, 'the workspace is unchanged');
  });
});
