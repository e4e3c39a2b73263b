import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { MarginaliaApi } from '../../../src/extension';
import { parseSidecar } from '../../../src/core/sidecar/parseSidecar';
import { createAnnotation } from '../../../src/core/sidecar/annotationEdits';
import { createNodeSidecarStore } from '../../../src/hosts/nodeSidecarStore';
import { EXTENSION_ID, waitFor, waitForActivation, workspaceRoot } from '../support/editor';

const TEXT = [
  'GENEVA, March 4, 2025 — The talks on the New START treaty resumed on Tuesday, officials said.',
  '',
  '"We will not wait for the deadline," said Helena Marsh, the head of the delegation.',
  '',
  'A spokesperson for the ministry declined to comment on the Open Skies Treaty.',
  '',
].join('\n');

describe('manual annotations in the editor', function () {
  this.timeout(60_000);
  let api: MarginaliaApi;
  let docPath: string;
  let sidecarPath: string;
  let uri: vscode.Uri;

  const sidecarText = () => (fs.existsSync(sidecarPath) ? fs.readFileSync(sidecarPath, 'utf8') : '');
  const parsed = () => {
    const p = parseSidecar(sidecarText());
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
    docPath = path.join(workspaceRoot().fsPath, `zz-annotations-test-${process.pid}.txt`);
    sidecarPath = `${docPath}.annotations.yaml`;
    uri = vscode.Uri.file(docPath);
  });

  beforeEach(async () => {
    fs.rmSync(sidecarPath, { force: true });
    fs.writeFileSync(docPath, TEXT);
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
    for (const f of [docPath, sidecarPath]) fs.rmSync(f, { force: true });
  });

  it('annotates a selection as a speaker with a note: written to the sidecar and shown as a manual mention', async () => {
    const start = TEXT.indexOf('A spokesperson for the ministry');
    const end = start + 'A spokesperson for the ministry'.length;
    await vscode.commands.executeCommand('marginalia.annotateSpeaker', { uri: uri.toString(), start, end, note: 'unnamed official' });
    const sidecar = parsed();
    assert.equal(sidecar.annotations.length, 1);
    const [a] = sidecar.annotations;
    assert.equal(a?.kind, 'speaker');
    assert.equal(a?.note, 'unnamed official');
    assert.equal(a?.selectors.quote.exact, 'A spokesperson for the ministry');
    await waitFor(() => mentionsAt(start, end).some((m) => m.source === 'manual' && m.kind === 'speaker'), 'the manual speaker in the index');
  });

  it('rejects an automatic entity so it stays hidden, and undo brings it back', async () => {
    const start = TEXT.indexOf('Open Skies Treaty');
    const end = start + 'Open Skies Treaty'.length;
    assert.ok(mentionsAt(start, end).some((m) => m.source === 'auto' && m.kind === 'treaty'), 'the treaty is found automatically');
    await vscode.commands.executeCommand('marginalia.rejectEntity', { uri: uri.toString(), start });
    assert.equal(parsed().rejections.length, 1);
    await waitFor(() => mentionsAt(start, end).length === 0, 'the rejected treaty leaves the index');
    await vscode.commands.executeCommand('marginalia.undoAnnotationChange');
    assert.equal(parsed().rejections.length, 0);
    await waitFor(() => mentionsAt(start, end).length === 1, 'the treaty is back after undo');
  });

  it('accepts an automatic entity as a manual annotation, then edits its note and deletes it', async () => {
    const start = TEXT.indexOf('Helena Marsh');
    await vscode.commands.executeCommand('marginalia.acceptEntity', { uri: uri.toString(), start });
    assert.equal(parsed().annotations[0]?.selectors.quote.exact, 'Helena Marsh');
    await vscode.commands.executeCommand('marginalia.editAnnotationNote', { uri: uri.toString(), start, note: 'head of delegation' });
    assert.equal(parsed().annotations[0]?.note, 'head of delegation');
    await vscode.commands.executeCommand('marginalia.editAnnotationAttributes', { uri: uri.toString(), start, attributes: { role: 'head of the delegation', source: 'wire' } });
    assert.deepEqual(parsed().annotations[0]?.attributes, { role: 'head of the delegation', source: 'wire' });
    assert.equal(parsed().annotations[0]?.note, 'head of delegation', 'the note is kept');
    await vscode.commands.executeCommand('marginalia.deleteAnnotation', { uri: uri.toString(), start });
    assert.equal(parsed().annotations.length, 0);
  });

  it('refuses an attribute name the sidecar reader refuses, leaving the sidecar loadable and unchanged', async () => {
    const start = TEXT.indexOf('Helena Marsh');
    await vscode.commands.executeCommand('marginalia.annotateSpeaker', { uri: uri.toString(), start, end: start + 'Helena Marsh'.length, note: '', attributes: { role: 'envoy' } });
    const before = sidecarText();
    for (const name of ['constructor', '<<']) {
      await vscode.commands.executeCommand('marginalia.editAnnotationAttributes', { uri: uri.toString(), start, attributes: { [name]: 'x' } });
      await vscode.commands.executeCommand('marginalia.annotateDate', { uri: uri.toString(), start: 0, end: 3, note: '', attributes: { [name]: 'x' } });
    }
    assert.equal(sidecarText(), before);
    assert.deepEqual(parsed().annotations.map((a) => a.attributes), [{ role: 'envoy' }]);
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
    await waitFor(() => parsed().annotations[0]?.selectors.position.start === start + inserted.length, 'the saved sidecar holds the new offsets');
    assert.equal(parsed().annotations[0]?.label, 'source');
  });

  it('picks up an annotation written to the sidecar by another process', async () => {
    const store = createNodeSidecarStore({ root: workspaceRoot().fsPath, cwd: workspaceRoot().fsPath });
    const file = await store.open(docPath);
    const start = TEXT.indexOf('officials');
    file.edit({ type: 'putAnnotation', annotation: createAnnotation(TEXT, start, start + 'officials'.length, { kind: 'speaker' }, { now: new Date().toISOString() }) });
    await file.save();
    await waitFor(() => mentionsAt(start, start + 'officials'.length).some((m) => m.source === 'manual'), 'the external annotation in the index', 20_000);
  });

  it('picks up a sidecar that appears for a scanned document that had none', async () => {
    // Not opened in an editor: indexed by the workspace scan, which found no sidecar in its folder listing.
    const scanned = path.join(workspaceRoot().fsPath, `zz-scanned-${process.pid}.txt`);
    const scannedUri = vscode.Uri.file(scanned).toString();
    try {
      fs.writeFileSync(scanned, TEXT);
      await vscode.commands.executeCommand('marginalia.refreshEntities');
      await waitFor(() => (api.index.document(scannedUri)?.mentions.length ?? 0) > 0, 'the scanned document in the index', 20_000);
      assert.ok(!api.sidecars.loaded(scannedUri), 'no sidecar is loaded for a document without one');
      const store = createNodeSidecarStore({ root: workspaceRoot().fsPath, cwd: workspaceRoot().fsPath });
      const file = await store.open(scanned);
      const start = TEXT.indexOf('officials');
      file.edit({ type: 'putAnnotation', annotation: createAnnotation(TEXT, start, start + 'officials'.length, { kind: 'speaker' }, { now: new Date().toISOString() }) });
      await file.save();
      await waitFor(
        () => (api.index.document(scannedUri)?.mentions ?? []).some((m) => m.source === 'manual' && m.start === start),
        'the new sidecar\'s annotation in the index',
        20_000,
      );
    } finally {
      for (const f of [scanned, `${scanned}.annotations.yaml`]) fs.rmSync(f, { force: true });
    }
  });

  it('re-links documents that are not open when the workspace lexicon changes', async () => {
    const scanned = path.join(workspaceRoot().fsPath, `zz-lexicon-${process.pid}.txt`);
    const scannedUri = vscode.Uri.file(scanned).toString();
    const lexiconFile = path.join(workspaceRoot().fsPath, '.marginalia', 'lexicon.yaml');
    const text = 'Officials in Geneva said the Prague Deal would hold until 2026.\n';
    const linked = () => (api.index.document(scannedUri)?.mentions ?? []).some((m) => m.text === 'Prague Deal' && m.entityId === 'treaty:new-start');
    assert.ok(!fs.existsSync(lexiconFile), 'the sample workspace has no lexicon of its own');
    try {
      fs.writeFileSync(scanned, text);
      await vscode.commands.executeCommand('marginalia.refreshEntities');
      await waitFor(() => api.index.document(scannedUri) !== undefined, 'the scanned document in the index', 20_000);
      assert.ok(!linked(), '"Prague Deal" is no treaty name without the lexicon');
      fs.mkdirSync(path.dirname(lexiconFile), { recursive: true });
      fs.writeFileSync(lexiconFile, 'treaties:\n  - id: treaty:new-start\n    aliases: [Prague Deal]\n');
      await waitFor(linked, 'the new alias linked in the document that is not open', 20_000);
    } finally {
      fs.rmSync(path.dirname(lexiconFile), { recursive: true, force: true });
      fs.rmSync(scanned, { force: true });
      await waitFor(() => !linked(), 'the lexicon removed again', 20_000).catch(() => undefined);
    }
  });

  it('never writes a sidecar that failed to load, and says which file and why', async () => {
    const broken = '<<<<<<< HEAD\nmarginalia: 1\n=======\nmarginalia: 1\n>>>>>>> other\n';
    fs.writeFileSync(sidecarPath, broken);
    await api.sidecars.open(uri).then((f) => f?.reload());
    const start = TEXT.indexOf('officials');
    await vscode.commands.executeCommand('marginalia.annotateSpeaker', { uri: uri.toString(), start, end: start + 9, note: '' });
    const why = await api.sidecars.whyReadOnly(uri);
    assert.equal(sidecarText(), broken, 'byte-identical');
    assert.ok(why?.includes(path.basename(sidecarPath)) && /conflict/i.test(why), `the reason names the file and the problem: ${why}`);
  });

  it('lists an annotation whose quote is gone as a Problem, with quick fixes that re-attach or delete it', async () => {
    const other = `${TEXT}The envoy Piotr Zalewski arrived late.\n`;
    const store = createNodeSidecarStore({ root: workspaceRoot().fsPath, cwd: workspaceRoot().fsPath });
    const file = await store.open(docPath);
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
    const placed = parsed().annotations.find((a) => a.id === lost.id);
    assert.equal(placed?.selectors.quote.exact, 'Helena Marsh');
    assert.equal(placed?.note, 'check spelling', 'the note survives');
  });

  it('offers the places an ambiguous orphan fits equally well as quick fixes, and re-attaches it to the one chosen', async () => {
    const original = `${TEXT}\nNegotiators reviewed the Northern Range Protocol during a long session on Thursday.\n`;
    // The paragraph, reworded around the quote, now twice after the same text: neither place can be chosen.
    const reworded = 'Negotiators reread the Northern Range Protocol during a late session on Thursday.';
    const twice = `${TEXT}\n${reworded}\n\n${TEXT}\n${reworded}\n`;
    fs.writeFileSync(docPath, twice);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await waitFor(() => vscode.window.activeTextEditor?.document.getText() === twice, 'the document rewritten');
    const store = createNodeSidecarStore({ root: workspaceRoot().fsPath, cwd: workspaceRoot().fsPath });
    const file = await store.open(docPath);
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
    assert.equal(parsed().annotations.find((a) => a.id === lost.id)?.selectors.position.start, twice.lastIndexOf('Northern Range'));
  });

  it('deletes an orphaned annotation from its quick fix', async () => {
    const store = createNodeSidecarStore({ root: workspaceRoot().fsPath, cwd: workspaceRoot().fsPath });
    const file = await store.open(docPath);
    const other = 'Nothing of this text is in the document: Ambassador Quill spoke.';
    const lost = createAnnotation(other, other.indexOf('Quill'), other.indexOf('Quill') + 5, { kind: 'speaker' }, { now: new Date().toISOString() });
    file.edit({ type: 'putAnnotation', annotation: lost });
    await file.save();
    await waitFor(() => vscode.languages.getDiagnostics(uri).some((d) => d.message.includes('Quill')), 'the orphan listed', 20_000);
    await vscode.commands.executeCommand('marginalia.deleteOrphan', { uri: uri.toString(), id: lost.id });
    assert.equal(parsed().annotations.length, 0);
    await waitFor(() => !vscode.languages.getDiagnostics(uri).some((d) => d.message.includes('Quill')), 'the problem cleared');
  });

  it('links a mention to a canonical entity: an automatic one is accepted with the link, a manual one gets it', async () => {
    const start = TEXT.indexOf('New START');
    await vscode.commands.executeCommand('marginalia.linkEntity', { uri: uri.toString(), start: start + 1, entityId: 'treaty:start-i' });
    const [accepted] = parsed().annotations;
    assert.equal(accepted?.entityId, 'treaty:start-i');
    await vscode.commands.executeCommand('marginalia.linkEntity', { uri: uri.toString(), start: start + 1, entityId: 'treaty:new-start' });
    assert.deepEqual(parsed().annotations.map((a) => a.entityId), ['treaty:new-start']);
    await waitFor(() => mentionsAt(accepted?.selectors.position.start ?? -1, accepted?.selectors.position.end ?? -1).some((m) => m.source === 'manual' && m.entityId === 'treaty:new-start'), 'the link in the index');
  });

  it('keeps sidecars in a mirror folder when the setting names one', async () => {
    const config = vscode.workspace.getConfiguration('marginalia');
    const mirror = path.join(workspaceRoot().fsPath, '.annotations-test');
    await config.update('sidecar.mirrorFolder', '.annotations-test', vscode.ConfigurationTarget.Global);
    try {
      const start = TEXT.indexOf('officials');
      await waitFor(async () => (await api.sidecars.open(uri))?.path.startsWith(mirror) === true, 'the store follows the setting');
      await vscode.commands.executeCommand('marginalia.annotateSpeaker', { uri: uri.toString(), start, end: start + 'officials'.length, note: '' });
      const mirrored = path.join(mirror, `${path.basename(docPath)}.annotations.yaml`);
      assert.ok(fs.existsSync(mirrored), `written to ${mirrored}`);
      assert.ok(!fs.existsSync(sidecarPath), 'nothing beside the document');
      assert.match(fs.readFileSync(mirrored, 'utf8'), /exact: officials/);
    } finally {
      await config.update('sidecar.mirrorFolder', undefined, vscode.ConfigurationTarget.Global);
      fs.rmSync(mirror, { recursive: true, force: true });
    }
  });
});
