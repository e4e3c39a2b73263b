/// <reference lib="dom" />
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { contributedColor, currentTheme, decorationBoxes, quickOpen, sameColor } from '../features/editorUi';
import { useWorkbench } from '../support/session';
import { UI_TIMEOUT_MS } from '../support/workbench';

const TEXT = 'An unnamed envoy\nThe envoy refused to be quoted by name, but confirmed the schedule of the next round.\n';

describe('annotating by hand in the workbench', () => {
  const session = useWorkbench({ userSettings: { 'workbench.colorTheme': 'Default Light Modern' } });

  // A document of our own, written into the suite's copy of the samples (sidecars live in workspace folders).
  let doc = '';
  let sidecarFile = '';
  before(() => {
    doc = path.join(session.workspace, 'zz-ui-annotate.txt');
    sidecarFile = `${doc}.annotations.yaml`;
    fs.writeFileSync(doc, TEXT);
  });

  it('annotates the selection as a speaker from the Command Palette: highlighted, and saved in the sidecar', async () => {
    const { workbench } = session;
    const page = workbench.page;
    await quickOpen(workbench, doc); // by its path: Quick Open may not have indexed a new file yet
    const theme = await currentTheme(page);
    const speakerBg = contributedColor('marginalia.speakerBackground', theme);
    const speakerBoxes = async () => (await decorationBoxes(page)).filter((b) => sameColor(b.background, speakerBg));
    assert.equal((await speakerBoxes()).length, 0, 'no speaker is found automatically on this line');

    // Marginalia is active and serving this document once its counts are in the status bar.
    await page.locator('[id="marginalia-dev.marginalia.marginalia.counts"]').waitFor({ timeout: UI_TIMEOUT_MS });
    await page.locator('.monaco-editor .view-lines').first().click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('Shift+End');
    await workbench.runCommand('Marginalia: Annotate Selection as Speaker');
    const note = page.locator('.quick-input-widget input');
    await note.waitFor({ timeout: UI_TIMEOUT_MS });
    await note.fill('unnamed envoy, checked against the wire copy');
    await page.keyboard.press('Enter');

    const deadline = Date.now() + UI_TIMEOUT_MS;
    while (!(fs.existsSync(sidecarFile) && fs.readFileSync(sidecarFile, 'utf8').includes('An unnamed envoy')) && Date.now() < deadline) await page.waitForTimeout(100);
    const sidecar = fs.readFileSync(sidecarFile, 'utf8');
    assert.match(sidecar, /kind: speaker/);
    assert.match(sidecar, /unnamed envoy, checked against the wire copy/);

    while ((await speakerBoxes()).length === 0 && Date.now() < deadline) await page.waitForTimeout(100);
    assert.ok((await speakerBoxes()).length > 0, 'the annotated speaker is highlighted');
    await page.keyboard.press('ArrowDown'); // the selection no longer hides the highlight
    await workbench.screenshot('annotate-selection');
  });
});
