import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../../src/extension';
import { reanchor, type ReanchorResult } from '../../../src/core/anchoring/reanchor';
import { emptySidecar, type Annotation } from '../../../src/core/model/annotation';
import type { DocumentView } from '../../../src/core/model/documentView';
import { createAnnotation } from '../../../src/core/sidecar/annotationEdits';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import { EXTENSION_ID, waitFor, waitForActivation, workspaceRoot } from '../support/editor';
import { exists, readText, remove, writeText } from '../support/files';

const COUNT = 1000;
/** The goal for the longest the extension host goes without running a timer while the annotations are placed. */
const MAX_LAG_MS = 50;

/** The wording changed around every "the" (a and o exchanged, offsets kept): re-anchoring must search for each. */
function reworded(text: string): string {
  return text.replace(/[ao]/g, (c) => (c === 'a' ? 'o' : 'a'));
}

/** Where each annotation is placed ("start-end"), or "orphan": what "landed right" is compared on. */
type Placements = Map<string, string>;
const ofResult = (r: ReanchorResult<Annotation>): Placements =>
  new Map([...r.placed.map((p): [string, string] => [p.item.id, `${p.start}-${p.end}`]), ...r.orphans.map((o): [string, string] => [o.item.id, 'orphan'])]);
/** Annotations the view places where `expected` does not (a cheap check, run while the timer measures). */
function wrongIn(view: DocumentView, expected: Placements): number {
  let wrong = 0;
  for (const p of view.placed) if (expected.get(p.annotation.id) !== `${p.start}-${p.end}`) wrong++;
  return wrong;
}
const matches = (view: DocumentView | undefined, expected: Placements) =>
  view !== undefined && view.placed.length + view.orphans.length === expected.size && wrongIn(view, expected) === 0 && view.orphans.every((o) => expected.get(o.item.id) === 'orphan');

/** In both extension hosts: a worker thread on the desktop, a web Worker in the browser (src/web/webReanchorClient.ts). */
describe('editor: re-anchoring a large document runs off the editor thread', function () {
  this.timeout(180_000);
  let api: MarginaliaApi;
  let uri: vscode.Uri | undefined;
  let original: string;
  let annotations: Annotation[];

  before(async function () {
    await waitForActivation();
    const extension = vscode.extensions.getExtension<MarginaliaApi>(EXTENSION_ID);
    api = extension?.exports as MarginaliaApi;
    // Read through the editor's file system: the web worker host has no other (and no environment but the shim's).
    const sharedPath = process.env.MARGINALIA_SHARED;
    const extensionUri = extension?.extensionUri ?? workspaceRoot();
    const shared = sharedPath ? extensionUri.with({ path: sharedPath }) : vscode.Uri.joinPath(extensionUri, '..', 'shared');
    const source = vscode.Uri.joinPath(shared, 'corpus', 'bench', 'distinct-1mb.txt');
    if (!(await exists(source))) {
      const missing = `${source.toString()} is absent; shared test data lives beside the project (../shared, or MARGINALIA_SHARED)`;
      if (process.env.CI === 'true') throw new Error(missing);
      console.warn(`  (skipped: ${missing})`);
      this.skip();
    }
    original = await readText(source);
    const doc = vscode.Uri.joinPath(workspaceRoot(), `zz-reanchor-large-${Date.now()}.txt`);
    // 1,000 annotations of "the" made on the original text, and the document on disk worded differently around
    // each: the sidecar is what a colleague's older copy would leave, and no annotation is placed by the quick checks.
    const at = [...original.matchAll(/\bthe\b/g)].map((m) => m.index as number);
    const now = new Date().toISOString();
    annotations = Array.from({ length: COUNT }, (_, i) => {
      const start = at[Math.floor((i * at.length) / COUNT)];
      return createAnnotation(original, start, start + 3, { kind: 'custom' }, { now });
    });
    await writeText(doc, reworded(original));
    await writeText(doc.with({ path: `${doc.path}.annotations.yaml` }), serializeSidecar({ ...emptySidecar(), annotations }, undefined));
    uri = doc;
  });

  after(async () => {
    if (!uri) return;
    // Reverted and closed before the files go: later suites must find no unsaved document, nor a megabyte of it.
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor(() => !document.isDirty, 'the large document reverted');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await remove(uri);
    await remove(uri.with({ path: `${uri.path}.annotations.yaml` }));
  });

  it('keeps the extension host responsive while 1,000 annotations are placed on 1 MB, and places them as reanchor does', async () => {
    assert.ok(uri);
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    const opened = editor.document.getText();
    const key = uri.toString();
    // In this thread, outside the measured window: what the editor must end up showing.
    const expectedOpen = ofResult(reanchor(annotations, opened));
    assert.ok([...expectedOpen.values()].filter((p) => p !== 'orphan').length > COUNT / 2, 'most annotations can be placed');
    await waitFor(() => matches(api.sidecars.viewOf(key), expectedOpen), 'the annotations placed on the opened document', 60_000);

    const middle = opened.indexOf('\n', opened.length >> 1) + 1;
    const edited = `${opened.slice(0, middle)}Inserted paragraph.\n${opened.slice(middle)}`;
    const inThread = performance.now();
    const expected = ofResult(reanchor(annotations, edited));
    const inThreadMs = performance.now() - inThread;

    // Reconciling the document with its sidecar, in each update, must cost a fraction of re-anchoring in this
    // thread (just measured, so that a loaded machine slows both alike): the search runs elsewhere. Timed apart
    // from the analysis of the edit, which is not this test's subject, and from VS Code's and other extensions'
    // work after an edit (the outline, git).
    const sidecars = api.sidecars;
    const reconcileMs: number[] = [];
    const reconcileOnce = sidecars.reconcile.bind(sidecars);
    sidecars.reconcile = (...args) => {
      const started = performance.now();
      const view = reconcileOnce(...args);
      if (args[0].toString() === key) reconcileMs.push(performance.now() - started);
      return view;
    };
    // The timer's lag is measured while the worker places the annotations: from the edit's update (the index
    // holds the edited text) until the worker's answer comes back as a 'manual' update of the document.
    let placing = false;
    let answered = false;
    const listening = api.model.onDidUpdate((u) => {
      if (u.uri !== key || api.index.document(key)?.text !== edited) return;
      answered ||= u.reason === 'manual';
      if (answered) placing = false;
      // Once the update is over (the other listeners, such as decorations, are part of the edit's cost).
      else
        queueMicrotask(() => {
          placing = !answered;
          last = performance.now();
        });
    });
    // A timer every 5 ms: the longest gap beyond that is how long the extension host could not run anything.
    let last = performance.now();
    let maxLagMs = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      if (placing) maxLagMs = Math.max(maxLagMs, now - last - 5);
      last = now;
    }, 5);
    let misplaced = 0;
    let checked: DocumentView | undefined;
    // The same timer for a while with nothing of ours to do: what this machine's load alone costs (a shared
    // machine may not run the extension host for a while whatever it does).
    placing = true;
    await new Promise((r) => setTimeout(r, 1500));
    const idleLagMs = maxLagMs;
    placing = false;
    maxLagMs = 0;
    try {
      await editor.edit((b) => b.insert(editor.document.positionAt(middle), 'Inserted paragraph.\n'));
      assert.equal(editor.document.getText(), edited);
      await waitFor(() => {
        const view = api.sidecars.viewOf(key);
        // Whatever the editor shows of the edited text meanwhile is right: placed where re-anchoring places it,
        // or not yet shown. (Until the edit is analysed the index holds the text before it, and its view.)
        const current = api.index.document(key)?.text === edited;
        if (view && current && view !== checked) misplaced += wrongIn(view, expected);
        checked = view;
        return current && answered && matches(view, expected);
      }, 'the annotations placed on the edited document', 60_000);
    } finally {
      clearInterval(timer);
      listening.dispose();
      sidecars.reconcile = reconcileOnce;
    }
    assert.equal(misplaced, 0, 'no annotation shown in a place re-anchoring does not give it');
    assert.ok(reconcileMs.length >= 2, 'the edit, then the answer, reconciled the document');
    const longest = Math.max(...reconcileMs);
    assert.ok(longest < inThreadMs / 2, `reconciling the document took ${longest.toFixed(0)} ms, re-anchoring in this thread ${inThreadMs.toFixed(0)} ms`);
    // The goal is MAX_LAG_MS; on a shared machine the stalls of the system alone (idleLagMs) and the collector's
    // pauses on a heap holding megabyte texts come near it, so the test holds the stall to a fraction of what
    // re-anchoring in this thread costs, which it did before, and prints the figures beside the goal.
    const allowedMs = Math.max(MAX_LAG_MS, inThreadMs / 3);
    assert.ok(maxLagMs < allowedMs, `the extension host stalled for ${maxLagMs.toFixed(0)} ms while the annotations were placed (at most ${allowedMs.toFixed(0)}; ${idleLagMs.toFixed(0)} ms when idle)`);
    console.log(`      (re-anchoring in this thread: ${inThreadMs.toFixed(0)} ms; reconciling in the updates: ${reconcileMs.map((ms) => ms.toFixed(0)).join(', ')} ms; longest stall meanwhile: ${maxLagMs.toFixed(0)} ms (goal ${MAX_LAG_MS}), when idle ${idleLagMs.toFixed(0)} ms)`);
    const manual = (api.index.document(key)?.mentions ?? []).filter((m) => m.source === 'manual');
    assert.equal(manual.length, [...expected.values()].filter((p) => p !== 'orphan').length, 'the index holds every placed annotation');
    assert.ok(manual.every((m) => edited.slice(m.start, m.end) === 'the'));
  });
});
