import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../../src/extension';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { createAnnotation } from '../../../src/core/sidecar/annotationEdits';
import { workspaceSidecarPlace } from '../../../src/features/sidecars/sidecarPlaces';
import { uriBasename } from '../../../src/features/uriPaths';
import { EXTENSION_ID, waitFor, waitForActivation, workspaceRoot } from '../support/editor';
import { exists, readText, remove, writeText } from '../support/files';
import { waitForDecorations } from '../features/marginaliaApi';

const TEXT = [
  'GENEVA, March 4, 2025 — The talks on the New START treaty resumed on Tuesday, officials said.',
  '',
  '"We will not wait for the deadline," said Helena Marsh, the head of the delegation.',
  '',
  'A spokesperson for the ministry declined to comment on the Open Skies Treaty.',
  '',
].join('\n');

/** Names of the test's own files: runs in the two hosts never meet, but a file a killed run left must not matter. */
const TOKEN = Date.now().toString(36);

/**
 * Another writer of the workspace's sidecars, as another window or the CLI would be: a store of its own over
 * `vscode.workspace.fs` (in both hosts; its locks and the extension's exclude each other).
 */
const otherStore = () => workspaceSidecarPlace(workspaceRoot(), { readOnly: false, location: {} }).store;

describe('manual annotations in the editor', function () {
  this.timeout(60_000);
  let api: MarginaliaApi;
  let sidecarUri: vscode.Uri;
  let uri: vscode.Uri;

  const sidecarText = () => readText(sidecarUri);
  const parsed = async () => {
    const p = parseSidecar(await sidecarText());
    assert.ok(p.ok, `the sidecar parses: ${JSON.stringify(p)}`);
    return p.sidecar;
  };
  const mentionsAt = (start: number, end: number) =>
    (api.index.document(uri.toString())?.mentions ?? []).filter((m) => m.start === start && m.end === end);

  // One test document for the whole suite, inside the workspace (sidecars live in workspace folders): VS Code
  // keeps a closed document alive for minutes, so a document per test would linger in the index and in the
  // counts other suites check.
  before(async () => {
    await waitForActivation();
    api = vscode.extensions.getExtension<MarginaliaApi>(EXTENSION_ID)?.exports as MarginaliaApi;
    uri = vscode.Uri.joinPath(workspaceRoot(), `zz-annotations-test-${TOKEN}.txt`);
    sidecarUri = uri.with({ path: `${uri.path}.annotations.yaml` });
  });

  beforeEach(async () => {
    await remove(sidecarUri);
    await writeText(uri, TEXT);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await (await api.sidecars.open(uri))?.reload();
    const treaty = TEXT.indexOf('Open Skies Treaty');
    await waitFor(
      () => vscode.window.activeTextEditor?.document.getText() === TEXT && mentionsAt(treaty, treaty + 'Open Skies Treaty'.length).length === 1 && !(api.index.document(uri.toString())?.mentions ?? []).some((m) => m.source === 'manual'),
      'the test document analysed afresh, without manual annotations',
    );
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    for (const f of [uri, sidecarUri]) await remove(f);
  });

  it('annotates a selection as a speaker with a note: written to the sidecar and shown as a manual mention', async () => {
    const start = TEXT.indexOf('A spokesperson for the ministry');
    const end = start + 'A spokesperson for the ministry'.length;
    await vscode.commands.executeCommand('marginalia.annotateSpeaker', { uri: uri.toString(), start, end, note: 'unnamed official' });
    const sidecar = await parsed();
    assert.equal(sidecar.annotations.length, 1);
    const [a] = sidecar.annotations;
    assert.equal(a?.kind, 'speaker');
    assert.equal(a?.note, 'unnamed official');
    assert.equal(a?.selectors.quote.exact, 'A spokesperson for the ministry');
    await waitFor(() => mentionsAt(start, end).some((m) => m.source === 'manual' && m.kind === 'speaker'), 'the manual speaker in the index');
  });

  it('refreshes the document symbols (Outline, breadcrumbs) when an annotation changes, without an edit of the text', async () => {
    const symbolNames = async (): Promise<string[]> =>
      ((await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri)) ?? []).map((s) => s.name);
    // Asked once first, as the Outline does when the editor opens: VS Code keeps the answer until something changes.
    assert.ok((await symbolNames()).includes('Open Skies Treaty'), 'the automatic treaty is a symbol');
    const start = TEXT.indexOf('A spokesperson for the ministry');
    const end = start + 'A spokesperson for the ministry'.length;
    await vscode.commands.executeCommand('marginalia.annotateSpeaker', { uri: uri.toString(), start, end, note: '' });
    await waitFor(async () => (await symbolNames()).includes('A spokesperson for the ministry'), 'the new manual speaker among the symbols', 5_000);
    const treaty = TEXT.indexOf('Open Skies Treaty');
    await vscode.commands.executeCommand('marginalia.rejectEntity', { uri: uri.toString(), start: treaty });
    await waitFor(async () => !(await symbolNames()).includes('Open Skies Treaty'), 'the rejected treaty gone from the symbols', 5_000);
  });

  it("shows a manual annotation's note at the end of its line, unless marginalia.annotations.showNotes is off", async () => {
    const start = TEXT.indexOf('A spokesperson for the ministry');
    const end = start + 'A spokesperson for the ministry'.length;
    await vscode.commands.executeCommand('marginalia.annotateSpeaker', { uri: uri.toString(), start, end, note: 'unnamed official' });
    const document = await vscode.workspace.openTextDocument(uri);
    const line = document.positionAt(start).line;
    await waitForDecorations(document, (d) => d.notes.some((n) => n.line === line && n.text === '\u270e unnamed official'), 'the note after its line');
    const config = vscode.workspace.getConfiguration('marginalia');
    await config.update('annotations.showNotes', false, vscode.ConfigurationTarget.Workspace);
    try {
      await waitForDecorations(document, (d) => d.notes.length === 0 && (d.ranges.manual?.length ?? 0) === 1, 'no note shown, the annotation still marked');
    } finally {
      await config.update('annotations.showNotes', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('tells the context menu what is under the cursor: a manual annotation, an automatic entity or neither', async () => {
    const start = TEXT.indexOf('A spokesperson for the ministry');
    await vscode.commands.executeCommand('marginalia.annotateSpeaker', { uri: uri.toString(), start, end: start + 'A spokesperson'.length, note: '' });
    const editor = vscode.window.activeTextEditor as vscode.TextEditor;
    const cursorAt = async (offset: number, want: { manual: boolean; auto: boolean }, what: string): Promise<void> => {
      const p = editor.document.positionAt(offset);
      editor.selection = new vscode.Selection(p, p);
      await waitFor(async () => {
        const c = await vscode.commands.executeCommand<Record<string, boolean>>('marginalia.internal.cursorContext');
        return c['marginalia.atManualAnnotation'] === want.manual && c['marginalia.atAutomaticEntity'] === want.auto;
      }, what);
    };
    await cursorAt(start + 3, { manual: true, auto: false }, 'on the manual annotation');
    await cursorAt(TEXT.indexOf('Open Skies Treaty') + 2, { manual: false, auto: true }, 'on the automatic treaty');
    await cursorAt(TEXT.indexOf('declined') + 2, { manual: false, auto: false }, 'on plain text');
  });

  it('rejects an automatic entity so it stays hidden, and undo brings it back', async () => {
    const start = TEXT.indexOf('Open Skies Treaty');
    const end = start + 'Open Skies Treaty'.length;
    assert.ok(mentionsAt(start, end).some((m) => m.source === 'auto' && m.kind === 'treaty'), 'the treaty is found automatically');
    await vscode.commands.executeCommand('marginalia.rejectEntity', { uri: uri.toString(), start });
    assert.equal((await parsed()).rejections.length, 1);
    await waitFor(() => mentionsAt(start, end).length === 0, 'the rejected treaty leaves the index');
    await vscode.commands.executeCommand('marginalia.undoAnnotationChange');
    assert.equal((await parsed()).rejections.length, 0);
    await waitFor(() => mentionsAt(start, end).length === 1, 'the treaty is back after undo');
  });

  it('accepts an automatic entity as a manual annotation, then edits its note and deletes it', async () => {
    const start = TEXT.indexOf('Helena Marsh');
    await vscode.commands.executeCommand('marginalia.acceptEntity', { uri: uri.toString(), start });
    assert.equal((await parsed()).annotations[0]?.selectors.quote.exact, 'Helena Marsh');
    await vscode.commands.executeCommand('marginalia.editAnnotationNote', { uri: uri.toString(), start, note: 'head of delegation' });
    assert.equal((await parsed()).annotations[0]?.note, 'head of delegation');
    await vscode.commands.executeCommand('marginalia.editAnnotationAttributes', { uri: uri.toString(), start, attributes: { role: 'head of the delegation', source: 'wire' } });
    assert.deepEqual((await parsed()).annotations[0]?.attributes, { role: 'head of the delegation', source: 'wire' });
    assert.equal((await parsed()).annotations[0]?.note, 'head of delegation', 'the note is kept');
    await vscode.commands.executeCommand('marginalia.deleteAnnotation', { uri: uri.toString(), start });
    assert.equal((await parsed()).annotations.length, 0);
  });

  it('refuses an attribute name the sidecar reader refuses, leaving the sidecar loadable and unchanged', async () => {
    const start = TEXT.indexOf('Helena Marsh');
    await vscode.commands.executeCommand('marginalia.annotateSpeaker', { uri: uri.toString(), start, end: start + 'Helena Marsh'.length, note: '', attributes: { role: 'envoy' } });
    const before = await sidecarText();
    for (const name of ['constructor', '<<']) {
      await vscode.commands.executeCommand('marginalia.editAnnotationAttributes', { uri: uri.toString(), start, attributes: { [name]: 'x' } });
      await vscode.commands.executeCommand('marginalia.annotateDate', { uri: uri.toString(), start: 0, end: 3, note: '', attributes: { [name]: 'x' } });
    }
    assert.equal(await sidecarText(), before);
    assert.deepEqual((await parsed()).annotations.map((a) => a.attributes), [{ role: 'envoy' }]);
  });

  it('offers Accept and Reject as code actions on an automatic entity', async () => {
    const start = TEXT.indexOf('New START');
    const doc = await vscode.workspace.openTextDocument(uri);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(doc.positionAt(start + 1), doc.positionAt(start + 1)));
    const titles = actions.map((a) => a.title);
    assert.ok(titles.some((t) => t.includes('Accept treaty "New START')), titles.join(' | '));
    assert.ok(titles.some((t) => t.includes('Reject treaty "New START')), titles.join(' | '));
  });

  it('moves an annotation with typing and writes its new offsets when the document is saved', async () => {
    const start = TEXT.indexOf('A spokesperson');
    const end = start + 'A spokesperson'.length;
    await vscode.commands.executeCommand('marginalia.annotateLabel', { uri: uri.toString(), start, end, label: 'source', note: '' });
    const editor = vscode.window.activeTextEditor as vscode.TextEditor;
    const inserted = 'Breaking: ';
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), inserted));
    await waitFor(() => mentionsAt(start + inserted.length, end + inserted.length).some((m) => m.source === 'manual'), 'the annotation follows the text');
    await editor.document.save();
    // In the web host, replacing the sidecar through vscode.workspace.fs is not atomic (README, "Use it in the
    // browser"): a poll that lands in between finds no file or one not yet complete, which is "not yet".
    const savedStart = async (): Promise<number | undefined> => {
      try {
        const p = parseSidecar(await sidecarText());
        return p.ok ? p.sidecar.annotations[0]?.selectors.position.start : undefined;
      } catch (e) {
        if ((e as { code?: string }).code === 'FileNotFound') return undefined;
        throw e;
      }
    };
    await waitFor(async () => (await savedStart()) === start + inserted.length, 'the saved sidecar holds the new offsets');
    assert.equal((await parsed()).annotations[0]?.label, 'source');
  });

  it('picks up an annotation written to the sidecar by another process', async () => {
    const file = await otherStore().open(uri.path);
    const start = TEXT.indexOf('officials');
    file.edit({ type: 'putAnnotation', annotation: createAnnotation(TEXT, start, start + 'officials'.length, { kind: 'speaker' }, { now: new Date().toISOString() }) });
    await file.save();
    await waitFor(() => mentionsAt(start, start + 'officials'.length).some((m) => m.source === 'manual'), 'the external annotation in the index', 20_000);
  });

  it('picks up a sidecar that appears for a scanned document that had none', async function () {
    // Not opened in an editor: indexed by the workspace scan, which found no sidecar in its folder listing.
    const scanned = vscode.Uri.joinPath(workspaceRoot(), `zz-scanned-${TOKEN}.txt`);
    const scannedUri = scanned.toString();
    try {
      await writeText(scanned, TEXT);
      await vscode.commands.executeCommand('marginalia.refreshEntities');
      await waitFor(() => (api.index.document(scannedUri)?.mentions.length ?? 0) > 0, 'the scanned document in the index', 20_000);
      assert.ok(!api.sidecars.loaded(scannedUri), 'no sidecar is loaded for a document without one');
      const file = await otherStore().open(scanned.path);
      const start = TEXT.indexOf('officials');
      file.edit({ type: 'putAnnotation', annotation: createAnnotation(TEXT, start, start + 'officials'.length, { kind: 'speaker' }, { now: new Date().toISOString() }) });
      await file.save();
      await waitFor(
        () => (api.index.document(scannedUri)?.mentions ?? []).some((m) => m.source === 'manual' && m.start === start),
        'the new sidecar\'s annotation in the index',
        20_000,
      );
    } finally {
      for (const f of [scanned, scanned.with({ path: `${scanned.path}.annotations.yaml` })]) await remove(f);
    }
  });

  it('re-links documents that are not open when the workspace lexicon changes', async function () {
    const scanned = vscode.Uri.joinPath(workspaceRoot(), `zz-lexicon-${TOKEN}.txt`);
    const scannedUri = scanned.toString();
    const lexiconFolder = vscode.Uri.joinPath(workspaceRoot(), '.marginalia');
    const lexiconFile = vscode.Uri.joinPath(lexiconFolder, 'lexicon.yaml');
    const text = 'Officials in Geneva said the Prague Deal would hold until 2026.\n';
    const linked = () => (api.index.document(scannedUri)?.mentions ?? []).some((m) => m.text === 'Prague Deal' && m.entityId === 'treaty:new-start');
    assert.ok(!(await exists(lexiconFile)), 'the sample workspace has no lexicon of its own');
    try {
      await writeText(scanned, text);
      await vscode.commands.executeCommand('marginalia.refreshEntities');
      await waitFor(() => api.index.document(scannedUri) !== undefined, 'the scanned document in the index', 20_000);
      assert.ok(!linked(), '"Prague Deal" is no treaty name without the lexicon');
      await vscode.workspace.fs.createDirectory(lexiconFolder);
      await writeText(lexiconFile, 'treaties:\n  - id: treaty:new-start\n    aliases: [Prague Deal]\n');
      await waitFor(linked, 'the new alias linked in the document that is not open', 20_000);
    } finally {
      await remove(lexiconFolder);
      await remove(scanned);
      await waitFor(() => !linked(), 'the lexicon removed again', 20_000).catch(() => undefined);
    }
  });

  it('never writes a sidecar that failed to load, and says which file and why', async () => {
    const broken = '<<<<<<< HEAD\nmarginalia: 1\n=======\nmarginalia: 1\n>>>>>>> other\n';
    await writeText(sidecarUri, broken);
    await api.sidecars.open(uri).then((f) => f?.reload());
    const start = TEXT.indexOf('officials');
    await vscode.commands.executeCommand('marginalia.annotateSpeaker', { uri: uri.toString(), start, end: start + 9, note: '' });
    const why = await api.sidecars.whyReadOnly(uri);
    assert.equal(await sidecarText(), broken, 'byte-identical');
    assert.ok(why?.includes(uriBasename(sidecarUri)) && /conflict/i.test(why), `the reason names the file and the problem: ${why}`);
  });

  it('lists an annotation whose quote is gone as a Problem, with quick fixes that re-attach or delete it', async () => {
    const other = `${TEXT}The envoy Piotr Zalewski arrived late.\n`;
    const file = await otherStore().open(uri.path);
    const at = other.indexOf('Piotr Zalewski');
    const lost = createAnnotation(other, at, at + 'Piotr Zalewski'.length, { kind: 'speaker', note: 'check spelling' }, { now: new Date().toISOString() });
    file.edit({ type: 'putAnnotation', annotation: lost });
    await file.save();
    const orphanProblems = () => vscode.languages.getDiagnostics(uri).filter((d) => d.message.includes('Orphaned') && d.message.includes('Piotr Zalewski'));
    await waitFor(() => orphanProblems().length === 1, 'the orphan in the Problems panel', 20_000);
    assert.match(orphanProblems()[0]?.message ?? '', /check spelling/);
    assert.ok(api.sidecars.orphaned().some((o) => o.uri === uri.toString()), 'listed for the Orphaned Annotations view');

    const doc = await vscode.workspace.openTextDocument(uri);
    const start = TEXT.indexOf('Helena Marsh');
    const selection = new vscode.Range(doc.positionAt(start), doc.positionAt(start + 'Helena Marsh'.length));
    const fixes = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, selection);
    const titles = fixes.map((f) => f.title);
    assert.ok(titles.some((t) => t.includes('Re-attach the orphaned annotation "Piotr Zalewski"')), titles.join(' | '));
    const onProblem = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, orphanProblems()[0]?.range as vscode.Range);
    assert.ok(onProblem.some((f) => f.title.includes('Delete the orphaned')), onProblem.map((f) => f.title).join(' | '));

    const reattach = fixes.find((f) => f.title.includes('Re-attach')) as vscode.CodeAction;
    await vscode.commands.executeCommand(reattach.command?.command as string, ...(reattach.command?.arguments ?? []));
    await waitFor(() => orphanProblems().length === 0, 'the orphan re-attached');
    const placed = (await parsed()).annotations.find((a) => a.id === lost.id);
    assert.equal(placed?.selectors.quote.exact, 'Helena Marsh');
    assert.equal(placed?.note, 'check spelling', 'the note survives');
  });

  it('offers the places an ambiguous orphan fits equally well as quick fixes, and re-attaches it to the one chosen', async () => {
    const original = `${TEXT}\nNegotiators reviewed the Northern Range Protocol during a long session on Thursday.\n`;
    // The paragraph, reworded around the quote, now twice after the same text: neither place can be chosen.
    const reworded = 'Negotiators reread the Northern Range Protocol during a late session on Thursday.';
    const twice = `${TEXT}\n${reworded}\n\n${TEXT}\n${reworded}\n`;
    await writeText(uri, twice);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor(() => vscode.window.activeTextEditor?.document.getText() === twice, 'the document rewritten');
    const file = await otherStore().open(uri.path);
    const at = original.indexOf('Northern Range Protocol');
    const lost = createAnnotation(original, at, at + 23, { kind: 'treaty' }, { now: new Date().toISOString() });
    file.edit({ type: 'putAnnotation', annotation: lost });
    await file.save();
    const problem = () => vscode.languages.getDiagnostics(uri).find((d) => d.message.includes('Orphaned') && d.message.includes('Northern Range Protocol'));
    await waitFor(() => problem() !== undefined, 'the ambiguous orphan in the Problems panel', 20_000);
    const doc = await vscode.workspace.openTextDocument(uri);
    const lines = [twice.indexOf('Northern Range'), twice.lastIndexOf('Northern Range')].map((o) => doc.positionAt(o).line + 1);
    assert.match(problem()?.message ?? '', new RegExp(`line ${lines[0]}, line ${lines[1]}`));
    const fixes = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, problem()?.range as vscode.Range);
    const titles = fixes.map((f) => f.title);
    for (const line of lines) assert.ok(titles.some((t) => t.endsWith(`to line ${line}`)), titles.join(' | '));
    const second = fixes.find((f) => f.title.endsWith(`to line ${lines[1]}`)) as vscode.CodeAction;
    await vscode.commands.executeCommand(second.command?.command as string, ...(second.command?.arguments ?? []));
    await waitFor(() => problem() === undefined, 'the orphan re-attached');
    assert.equal((await parsed()).annotations.find((a) => a.id === lost.id)?.selectors.position.start, twice.lastIndexOf('Northern Range'));
  });

  it('deletes an orphaned annotation from its quick fix', async () => {
    const file = await otherStore().open(uri.path);
    const other = 'Nothing of this text is in the document: Ambassador Quill spoke.';
    const lost = createAnnotation(other, other.indexOf('Quill'), other.indexOf('Quill') + 5, { kind: 'speaker' }, { now: new Date().toISOString() });
    file.edit({ type: 'putAnnotation', annotation: lost });
    await file.save();
    await waitFor(() => vscode.languages.getDiagnostics(uri).some((d) => d.message.includes('Quill')), 'the orphan listed', 20_000);
    await vscode.commands.executeCommand('marginalia.deleteOrphan', { uri: uri.toString(), id: lost.id });
    assert.equal((await parsed()).annotations.length, 0);
    await waitFor(() => !vscode.languages.getDiagnostics(uri).some((d) => d.message.includes('Quill')), 'the problem cleared');
  });

  it('links a mention to a canonical entity: an automatic one is accepted with the link, a manual one gets it', async () => {
    const start = TEXT.indexOf('New START');
    await vscode.commands.executeCommand('marginalia.linkEntity', { uri: uri.toString(), start: start + 1, entityId: 'treaty:start-i' });
    const [accepted] = (await parsed()).annotations;
    assert.equal(accepted?.entityId, 'treaty:start-i');
    await vscode.commands.executeCommand('marginalia.linkEntity', { uri: uri.toString(), start: start + 1, entityId: 'treaty:new-start' });
    assert.deepEqual((await parsed()).annotations.map((a) => a.entityId), ['treaty:new-start']);
    await waitFor(() => mentionsAt(accepted?.selectors.position.start ?? -1, accepted?.selectors.position.end ?? -1).some((m) => m.source === 'manual' && m.entityId === 'treaty:new-start'), 'the link in the index');
  });

  it('keeps sidecars in a mirror folder when the setting names one', async () => {
    const config = vscode.workspace.getConfiguration('marginalia');
    const mirror = vscode.Uri.joinPath(workspaceRoot(), '.annotations-test');
    await config.update('sidecar.mirrorFolder', '.annotations-test', vscode.ConfigurationTarget.Global);
    try {
      const start = TEXT.indexOf('officials');
      await waitFor(async () => (await api.sidecars.open(uri))?.path.startsWith(mirror.path) === true, 'the store follows the setting');
      await vscode.commands.executeCommand('marginalia.annotateSpeaker', { uri: uri.toString(), start, end: start + 'officials'.length, note: '' });
      const mirrored = vscode.Uri.joinPath(mirror, `${uriBasename(uri)}.annotations.yaml`);
      assert.ok(await exists(mirrored), `written to ${mirrored.toString()}`);
      assert.ok(!(await exists(sidecarUri)), 'nothing beside the document');
      assert.match(await readText(mirrored), /exact: officials/);
    } finally {
      await config.update('sidecar.mirrorFolder', undefined, vscode.ConfigurationTarget.Global);
      await remove(mirror);
    }
  });
});
