import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { quickOpen, treeRow } from '../features/editorUi';
import { useWorkbench } from '../support/session';
import { UI_TIMEOUT_MS } from '../support/workbench';
import { answerInputBox, pickItem, selectLine, waitForSidecar } from './annotateUi';

// One line per test, none of which Marginalia finds anything in by itself.
const LINES = [
  'An unnamed envoy',
  'The talks resume in the spring session.',
  'Delegates praised the Lakeside framework.',
  'A backchannel was mentioned.',
  'Another voice spoke off the record.',
];

describe('annotating with the Ctrl+Alt+M chords and the annotation commands in the workbench', () => {
  const session = useWorkbench();
  let sidecarFile = '';

  before(async () => {
    const doc = path.join(session.workspace, 'zz-ui-chords.txt');
    sidecarFile = `${doc}.annotations.yaml`;
    fs.writeFileSync(doc, `${LINES.join('\n')}\n`);
    const { workbench } = session;
    await quickOpen(workbench, doc); // by its path: Quick Open may not have indexed a new file yet
    // Marginalia serves this document once its counts are in the status bar.
    await workbench.page.locator('[id="marginalia-dev.marginalia.marginalia.counts"]').waitFor({ timeout: UI_TIMEOUT_MS });
  });

  const chord = async (key: string): Promise<void> => {
    const page = session.workbench.page;
    await page.keyboard.press('Control+Alt+M');
    await page.keyboard.press(key);
  };
  const has = (kind: string, line: number) => (entries: Array<{ kind: string; quote: string }>) =>
    entries.some((e) => e.kind === kind && e.quote === LINES[line]);

  for (const [key, kind, line] of [['s', 'speaker', 0], ['d', 'date', 1], ['t', 'treaty', 2]] as const) {
    it(`Ctrl+Alt+M ${key.toUpperCase()} annotates the selection as a ${kind}, with a note, in the sidecar`, async () => {
      const page = session.workbench.page;
      await selectLine(page, line);
      await chord(key);
      await answerInputBox(page, `${kind} by chord`);
      await waitForSidecar(page, sidecarFile, has(kind, line), `a ${kind} annotation of line ${line + 1}`);
      assert.match(fs.readFileSync(sidecarFile, 'utf8'), new RegExp(`${kind} by chord`));
    });
  }

  it('Ctrl+Alt+M A asks for the kind, and annotates the selection as the one picked', async () => {
    const page = session.workbench.page;
    await selectLine(page, 3);
    await chord('a');
    await pickItem(page, 'Date');
    await answerInputBox(page, '');
    await waitForSidecar(page, sidecarFile, has('date', 3), 'a date annotation of line 4');
  });

  it('"Change Annotation Kind…" turns the annotation at the cursor into the kind picked', async () => {
    const { workbench } = session;
    const page = workbench.page;
    await selectLine(page, 4);
    await chord('s');
    await answerInputBox(page, '');
    await waitForSidecar(page, sidecarFile, has('speaker', 4), 'a speaker annotation of line 5');
    // The cursor inside the annotation, no selection.
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await workbench.runCommand('Marginalia: Change Annotation Kind…');
    await pickItem(page, 'Treaty');
    const entries = await waitForSidecar(page, sidecarFile, has('treaty', 4), 'line 5 changed to a treaty');
    assert.ok(!has('speaker', 4)(entries), 'the speaker annotation of line 5 is gone');
    await workbench.screenshot('annotate-chords');
  });

  it('lists an annotation whose text is gone in the Orphaned Annotations view', async () => {
    const { workbench } = session;
    const page = workbench.page;
    const doc = path.join(session.workspace, 'zz-ui-orphan.txt');
    const gone = 'A sentence that is about to be deleted.';
    fs.writeFileSync(doc, `Keep this line.\n${gone}\n`);
    await quickOpen(workbench, doc); // by its path: Quick Open may not have indexed a new file yet
    await selectLine(page, 1);
    await chord('s');
    await answerInputBox(page, '');
    await waitForSidecar(page, `${doc}.annotations.yaml`, (entries) => entries.some((e) => e.quote === gone), 'the annotation to orphan');
    // Another program rewrites the file: the editor reloads it and the annotation's text is nowhere.
    fs.writeFileSync(doc, 'Keep this line.\nSomething else entirely.\n');
    await workbench.showMarginalia();
    await treeRow(page, 'Orphaned Annotations', `"${gone}"`).first().waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
    await workbench.screenshot('orphaned-annotations');
  });
});
