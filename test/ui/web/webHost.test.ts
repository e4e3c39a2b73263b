/// <reference lib="dom" />
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { answerInputBox, selectLine, waitForSidecar } from '../annotations/annotateUi';
import { contributedColor, currentTheme, decorationBoxes, hoverBox, quickOpen, sameColor, waitForBoxes } from '../features/editorUi';
import { useWorkbench } from '../support/session';
import { UI_TIMEOUT_MS } from '../support/workbench';

const TEXT = 'An unnamed envoy\nThe envoy refused to be quoted by name, but confirmed the schedule of the next round.\n';

/**
 * Marginalia as VS Code for the Web runs it: `remote.extensionKind` moves it out of code-server's Node extension
 * host into the web worker one, where its `browser` entry (dist/web/extension.js) is what runs.
 */
describe('in the web worker extension host (VS Code for the Web)', () => {
  const session = useWorkbench({
    userSettings: { 'remote.extensionKind': { 'marginalia-dev.marginalia': ['web'] }, 'editor.hover.delay': 100, 'workbench.colorTheme': 'Default Light Modern' },
  });

  it('highlights speakers, dates and treaties and shows a hover card', async () => {
    const { workbench } = session;
    const page = workbench.page;
    await quickOpen(workbench, 'press-briefing.txt');
    const theme = await currentTheme(page);
    const [speakerBg, dateBg, treatyBg] = ['speaker', 'date', 'treaty'].map((k) => contributedColor(`marginalia.${k}Background`, theme)) as [string, string, string];
    const boxes = await waitForBoxes(page, [speakerBg, dateBg, treatyBg]);
    const speaker = boxes.filter((b) => sameColor(b.background, speakerBg)).sort((a, b) => a.y - b.y || a.x - b.x)[0];
    assert.ok(speaker, 'a speaker is highlighted');
    const card = await hoverBox(page, speaker, /— speaker/);
    assert.match((await card.textContent()) ?? '', /Speaks \d+ times? in 1 document: press-briefing\.txt/);
    await workbench.screenshot('web-highlights-hover');
    await page.keyboard.press('Escape');
  });

  it('saves an annotation to its sidecar on disk, through vscode.workspace.fs', async () => {
    const { workbench } = session;
    const page = workbench.page;
    const doc = path.join(session.workspace, 'zz-ui-web-annotate.txt');
    const sidecar = `${doc}.annotations.yaml`;
    fs.writeFileSync(doc, TEXT);
    await quickOpen(workbench, doc);
    // Marginalia serves this document once its counts are in the status bar.
    await page.locator('[id="marginalia-dev.marginalia.marginalia.counts"]').waitFor({ timeout: UI_TIMEOUT_MS });
    await selectLine(page, 0);
    await workbench.runCommand('Marginalia: Annotate Selection as Speaker');
    await answerInputBox(page, 'annotated in the browser');
    await waitForSidecar(page, sidecar, (e) => e.some((a) => a.kind === 'speaker' && a.quote === 'An unnamed envoy'), 'the speaker saved');
    assert.match(fs.readFileSync(sidecar, 'utf8'), /note: "annotated in the browser"/);
    // The lock goes once the save is done, and no temp file stays beside the sidecar.
    const leftovers = () => fs.readdirSync(session.workspace).filter((f) => f.includes('marginalia-tmp') || f.includes('marginalia-lock'));
    const deadline = Date.now() + UI_TIMEOUT_MS;
    while (leftovers().length > 0 && Date.now() < deadline) await page.waitForTimeout(100);
    assert.deepEqual(leftovers(), []);
    const speakerBg = contributedColor('marginalia.speakerBackground', await currentTheme(page));
    while (!(await decorationBoxes(page)).some((b) => sameColor(b.background, speakerBg)) && Date.now() < deadline) await page.waitForTimeout(100);
    assert.ok((await decorationBoxes(page)).some((b) => sameColor(b.background, speakerBg)), 'the annotated speaker is highlighted');
    await page.keyboard.press('ArrowDown');
    await workbench.screenshot('web-annotation-saved');
  });
});
