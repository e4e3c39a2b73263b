import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXPORT_FORMATS } from '../../../src/core/export/registry';
import { emptySidecar } from '../../../src/core/model/annotation';
import { createAnnotation } from '../../../src/core/sidecar/annotationEdits';
import { textFingerprint } from '../../../src/core/sidecar/fingerprint';
import { serializeSidecar } from '../../../src/core/sidecar/serializeSidecar';
import type { ExportOutcome, ExportRequest } from '../../../src/features/export/exportCommand';
import { uriBasename } from '../../../src/features/uriPaths';
import { waitForActivation, workspaceRoot } from '../support/editor';
import { exists, readText, remove, scratchFolder, writtenUri, writeText } from '../support/files';

function exportWith(request: ExportRequest): Thenable<ExportOutcome | undefined> {
  return vscode.commands.executeCommand<ExportOutcome | undefined>('marginalia.exportAnnotations', request);
}

/**
 * The export in both extension hosts (the desktop's Node fs, the browser's `vscode.workspace.fs`): files are
 * written beside the workspace, reached through `vscode.workspace.fs` in either.
 */

/** Code-point offsets (W3C, brat) to a JS string slice. */
function slicePoints(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

describe('export from the editor', function () {
  this.timeout(60_000);
  let out: vscode.Uri;
  const at = (...names: string[]) => vscode.Uri.joinPath(out, ...names);

  before(async () => {
    await waitForActivation();
  });

  beforeEach(() => {
    out = scratchFolder('marginalia-export-out');
  });

  afterEach(async () => {
    await remove(out);
  });

  it('exports one sample document as Marginalia JSON whose offsets point at the mentions', async () => {
    const doc = vscode.Uri.joinPath(workspaceRoot(), 'press-briefing.txt');
    const target = at('briefing.json');
    const outcome = await exportWith({ uris: [doc], format: 'json', manualOnly: false, target });
    assert.ok(outcome, 'the export ran');
    assert.deepEqual(outcome.files.map((f) => uriBasename(writtenUri(f))), ['briefing.json']);
    const json = JSON.parse(await readText(target)) as { documents: { path: string; text: string; mentions: { kind: string; start: number; end: number; text: string }[] }[] };
    assert.equal(json.documents.length, 1);
    const [d] = json.documents;
    assert.ok(d && d.mentions.length > 10, 'the briefing has its speakers, dates and treaties');
    const kinds = new Set(d.mentions.map((m) => m.kind));
    for (const k of ['speaker', 'date', 'treaty']) assert.ok(kinds.has(k), `a ${k} is exported`);
    for (const m of d.mentions) assert.equal(d.text.slice(m.start, m.end), m.text);
  });

  it('exports the whole workspace as CSV, one row per annotation of every sample', async () => {
    const files = await vscode.workspace.findFiles('**/*.{txt,md}');
    const target = at('all.csv');
    const outcome = await exportWith({ uris: files, format: 'csv', manualOnly: false, target });
    assert.ok(outcome);
    assert.equal(outcome.documents, files.length);
    const rows = (await readText(target)).trim().split(/\r?\n/);
    assert.ok(rows[0]?.replace(/^\ufeff/, '').startsWith('document,'), `a header row: ${rows[0]}`);
    assert.equal(rows.length - 1, outcome.annotations);
    for (const f of files) assert.ok(rows.some((r) => r.startsWith(uriBasename(f))), `rows for ${uriBasename(f)}`);
  });

  it('exports a folder as W3C Web Annotation whose quotes match the text at code-point positions', async () => {
    const outcome = await exportWith({ uris: [workspaceRoot()], format: 'w3c', manualOnly: false, target: at('w3c.json') });
    assert.ok(outcome && outcome.documents >= 4);
    const collection = JSON.parse(await readText(at('w3c.json'))) as Record<string, unknown>;
    const items = ((collection.first as { items?: unknown[] } | undefined)?.items ?? (collection.items as unknown[])) as {
      target: { source: string; selector: { type: string; exact?: string; start?: number; end?: number }[] };
    }[];
    assert.ok(items.length > 20);
    const texts = new Map<string, string>();
    for (const a of items) {
      const source = a.target.source;
      if (!texts.has(source)) texts.set(source, await readText(vscode.Uri.parse(source)));
      const quote = a.target.selector.find((s) => s.type === 'TextQuoteSelector');
      const position = a.target.selector.find((s) => s.type === 'TextPositionSelector');
      assert.ok(quote && position);
      assert.equal(slicePoints(texts.get(source) as string, position.start as number, position.end as number), quote.exact);
    }
  });

  it('asks about unsaved changes naming the document, but not for an editor left on a deleted file', async () => {
    const doc = vscode.Uri.joinPath(workspaceRoot(), `zz-unsaved-${Date.now().toString(36)}.txt`);
    await writeText(doc, 'The INF Treaty ended on August 2, 2019.\n');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(doc));
    try {
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Unsaved. '));
      // The test workbench refuses every modal dialog, with the dialog's text in the error.
      await assert.rejects(Promise.resolve(exportWith({ uris: [workspaceRoot()], format: 'csv', manualOnly: false, target: at('a.csv') })), /zz-unsaved-\w+\.txt has unsaved changes/);
      await remove(doc);
      const outcome = await exportWith({ uris: [workspaceRoot()], format: 'csv', manualOnly: false, target: at('b.csv') });
      assert.ok(outcome && outcome.documents >= 4, 'the deleted file is not read, so its unsaved editor does not stop the export');
    } finally {
      await vscode.window.showTextDocument(editor.document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await remove(doc);
    }
  });

  it('exports brat standoff into a folder, each T line re-checked against the copied text', async () => {
    const doc = vscode.Uri.joinPath(workspaceRoot(), 'news-report.txt');
    const outcome = await exportWith({ uris: [doc], format: 'brat', manualOnly: false, target: out });
    assert.ok(outcome);
    assert.ok(await exists(at('annotation.conf')));
    const ann = await readText(at('news-report.ann'));
    const txt = await readText(at('news-report.txt'));
    const tLines = ann.split('\n').filter((l) => l.startsWith('T'));
    assert.ok(tLines.length > 5);
    for (const line of tLines) {
      const [, spec, text] = line.split('\t') as [string, string, string];
      const fragments = spec.split(' ').slice(1).join(' ').split(';').map((f) => f.split(' ').map(Number) as [number, number]);
      assert.equal(fragments.map(([s, e]) => slicePoints(txt, s, e)).join(' '), text);
    }
  });

  it('exports only the manual annotations of a sidecar when asked, with their notes', async () => {
    const text = 'The New START treaty was extended on 3 February 2021, the ministry said.\n';
    // In the workspace: the browser's export reads the sidecars of workspace folders only.
    const docs = vscode.Uri.joinPath(workspaceRoot(), `zz-export-docs-${Date.now()}`);
    const doc = vscode.Uri.joinPath(docs, 'note.txt');
    const start = text.indexOf('the ministry');
    const annotation = createAnnotation(text, start, start + 'the ministry'.length, { kind: 'speaker', note: 'unnamed spokesperson' }, { now: new Date().toISOString(), author: 'test' });
    const sidecar = { ...emptySidecar(), document: { fingerprint: textFingerprint(text) }, annotations: [annotation] };
    let all: ExportOutcome | undefined;
    let manual: ExportOutcome | undefined;
    try {
      await writeText(doc, text);
      await writeText(doc.with({ path: `${doc.path}.annotations.yaml` }), serializeSidecar(sidecar, undefined));
      all = await exportWith({ uris: [doc], format: 'json', manualOnly: false, target: at('all.json') });
      manual = await exportWith({ uris: [doc], format: 'json', manualOnly: true, target: at('manual.json') });
    } finally {
      await remove(docs);
    }
    assert.ok(all && manual);
    assert.ok(all.annotations >= 3, 'treaty, date and the manual speaker');
    assert.equal(manual.annotations, 1);
    const json = JSON.parse(await readText(at('manual.json'))) as { documents: { mentions: { text: string; source: string; note?: string }[] }[] };
    const mentions = json.documents[0]?.mentions ?? [];
    assert.deepEqual(mentions.map((m) => [m.text, m.source, m.note]), [['the ministry', 'manual', 'unnamed spokesperson']]);
  });

  for (const format of EXPORT_FORMATS) {
    it(`exports one document and the workspace in ${format.label}`, async () => {
      const one = await exportWith({
        uris: [vscode.Uri.joinPath(workspaceRoot(), 'interview.md')],
        format: format.id,
        manualOnly: false,
        target: format.multiFile ? at('one') : at(`one.${format.id}`),
      });
      const all = await exportWith({
        uris: [workspaceRoot()],
        format: format.id,
        manualOnly: false,
        target: format.multiFile ? at('all') : at(`all.${format.id}`),
      });
      assert.ok(one && all);
      assert.equal(one.documents, 1);
      assert.ok(all.documents >= 4, `every sample (${all.documents})`);
      assert.ok(all.annotations > one.annotations && one.annotations > 0);
      for (const f of [...one.files, ...all.files]) assert.ok((await vscode.workspace.fs.stat(writtenUri(f))).size > 0, `${f} has content`);
    });
  }

  it('offers the command on the Explorer, the editor title and the entity trees', () => {
    const pkg = vscode.extensions.getExtension('marginalia-dev.marginalia')?.packageJSON as { contributes: { menus: Record<string, { command: string }[]> } };
    for (const menu of ['explorer/context', 'editor/title/context', 'view/title', 'view/item/context']) {
      assert.ok(pkg.contributes.menus[menu]?.some((i) => i.command === 'marginalia.exportAnnotations'), `in ${menu}`);
    }
  });
});
