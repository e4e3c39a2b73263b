import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { openSample, waitFor, waitForActivation } from '../support/editor';
import { positionOf, treeChildren, waitForDecorations, whenIdle } from './marginaliaApi';

describe('editor: tree, symbols, references, navigation', () => {
  let editor: vscode.TextEditor;

  before(async () => {
    editor = await openSample('press-briefing.txt');
    await waitForActivation();
    const documents = await whenIdle();
    assert.ok(documents >= 4, `the workspace scan indexed the samples (${documents} documents)`);
    await waitForDecorations(editor.document, (d) => (d.ranges.speaker?.length ?? 0) > 0, 'the briefing analysed');
  });

  it('lists the three kinds, entities with counts, and mentions in the workspace tree', async () => {
    await waitFor(async () => (await treeChildren('marginalia.entities')).length >= 3, 'the workspace tree filled');
    const kinds = (await treeChildren('marginalia.entities')).map((r) => r.label);
    for (const k of ['Speakers', 'Dates', 'Treaties']) assert.ok(kinds.includes(k), `${k} in ${kinds.join(', ')}`);
    const treaties = await treeChildren('marginalia.entities', ['Treaties']);
    const newStart = treaties.find((r) => r.label === 'New START');
    assert.ok(newStart, treaties.map((r) => r.label).join(', '));
    assert.match(String(newStart.description), /^\d+ · [2-9] docs$/);
    const mentions = await treeChildren('marginalia.entities', ['Treaties', 'New START']);
    assert.equal(mentions.length, Number(String(newStart.description).split(' ')[0]));
    assert.ok(mentions.some((m) => m.label.startsWith('interview.md:')), 'mentions in a file that is not open');
    assert.ok(mentions.every((m) => /:\d+$/.test(m.label) && m.description && m.command?.length === 3));
  });

  it('groups the workspace dates by year, then month, in time order, named in words', async () => {
    const years = (await treeChildren('marginalia.entities', ['Dates'])).map((r) => r.label);
    const dated = years.filter((y) => /^\d{4}$/.test(y));
    assert.ok(dated.length >= 3, years.join(', '));
    assert.deepEqual(dated, [...dated].sort(), `years in time order: ${years.join(', ')}`);
    // Groups without a year come after every dated one.
    const firstUndated = years.findIndex((y) => !/^\d{4}$/.test(y) && !/^The \d/.test(y));
    if (firstUndated >= 0) assert.ok(years.slice(firstUndated).every((y) => !/^\d{4}$/.test(y)), years.join(', '));
    const in2025 = await treeChildren('marginalia.entities', ['Dates', '2025']);
    const months = in2025.filter((r) => /^[A-Z][a-z]+ 2025$/.test(r.label)).map((r) => r.label);
    assert.ok(months.includes('January 2025') && months.includes('March 2025'), in2025.map((r) => r.label).join(', '));
    assert.ok(months.indexOf('January 2025') < months.indexOf('March 2025'));
    const january = (await treeChildren('marginalia.entities', ['Dates', '2025', 'January 2025'])).map((r) => r.label);
    assert.ok(january.includes('8 January 2025'), january.join(', '));
    for (const label of [...years, ...january]) assert.doesNotMatch(label, /XXXX|_REF|\d{4}-\d{2}/, 'no ISO codes as names');
  });

  it('a tree row reveals and selects its mention', async () => {
    const mentions = await treeChildren('marginalia.entities', ['Treaties', 'New START']);
    const row = mentions.find((m) => m.label.startsWith('interview.md:'));
    assert.ok(row?.command);
    await vscode.commands.executeCommand('marginalia.revealMention', ...row.command);
    const active = vscode.window.activeTextEditor;
    assert.ok(active && active.document.uri.path.endsWith('/interview.md'));
    assert.match(active.document.getText(active.selection), /^New START/);
    assert.equal(active.selection.start.line + 1, Number(row.label.split(':')[1]));
    editor = await vscode.window.showTextDocument(editor.document);
  });

  it('the document view lists this document only, and reveals the mention under the cursor', async () => {
    const speakers = await treeChildren('marginalia.documentEntities', ['Speakers']);
    assert.ok(speakers.some((r) => r.label === 'Hartley' && r.description === '5'), speakers.map((r) => `${r.label}:${r.description}`).join(', '));
    const position = positionOf(editor.document, 'MS. ABARA', 4);
    editor.selection = new vscode.Selection(position, position);
    await vscode.commands.executeCommand('marginalia.revealInTree');
    const selected = await vscode.commands.executeCommand<string[]>('marginalia.internal.treeSelection');
    assert.ok(selected?.some((id) => id.includes('person:abara') && id.includes('/m:')), String(selected));
  });

  it('sorts the entities by name and by count with the view-title commands', async () => {
    const speakers = async () => (await treeChildren('marginalia.entities', ['Speakers'])).map((r) => ({ name: r.label, count: Number(String(r.description).split(' ')[0]) }));
    const byName = (rows: Array<{ name: string }>) => rows.every((r, i) => i === 0 || rows[i - 1].name.localeCompare(r.name) <= 0);
    const byCount = (rows: Array<{ count: number }>) => rows.every((r, i) => i === 0 || rows[i - 1].count >= r.count);
    try {
      await vscode.commands.executeCommand('marginalia.sortEntitiesByName');
      await waitFor(async () => byName(await speakers()), 'the speakers sorted by name');
      // The samples' speakers are in a different order by count, so each command shows its own effect.
      assert.ok(!byCount(await speakers()), (await speakers()).map((r) => `${r.name} ${r.count}`).join(', '));
      await vscode.commands.executeCommand('marginalia.sortEntitiesByCount');
      await waitFor(async () => byCount(await speakers()), 'the speakers sorted by count');
      assert.ok(!byName(await speakers()));
    } finally {
      await vscode.workspace.getConfiguration('marginalia').update('tree.sortBy', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('filters the tree by text, and clears the filter', async () => {
    await vscode.commands.executeCommand('marginalia.filterEntities', 'skies');
    assert.deepEqual((await treeChildren('marginalia.entities')).map((r) => r.label), ['Treaties']);
    assert.deepEqual((await treeChildren('marginalia.entities', ['Treaties'])).map((r) => r.label), ['Open Skies Treaty']);
    await vscode.commands.executeCommand('marginalia.clearEntityFilter');
    assert.ok((await treeChildren('marginalia.entities')).length >= 3);
  });

  it('offers mentions as document symbols (Outline, breadcrumbs)', async () => {
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
    assert.ok(symbols && symbols.length > 10);
    const hartley = symbols.filter((s) => s.name === 'Hartley');
    assert.equal(hartley.length, 5);
    assert.equal(hartley[0].kind, vscode.SymbolKind.Event);
    assert.equal(editor.document.getText(hartley[0].selectionRange), 'MR. HARTLEY');
    assert.ok(symbols.some((s) => s.name === 'Open Skies Treaty' && s.kind === vscode.SymbolKind.Class));
  });

  it('gives a long document one symbol per entity, with its count, instead of thousands of mentions', async () => {
    const content = 'MR. HARTLEY: New START, the INF Treaty and the NPT on March 3, 2023.\n'.repeat(300);
    const long = await vscode.workspace.openTextDocument({ language: 'plaintext', content });
    try {
      await vscode.window.showTextDocument(long);
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', long.uri);
      const names = symbols.map((s) => s.name);
      assert.equal(new Set(names).size, names.length, 'each entity once');
      assert.ok(symbols.length >= 4 && symbols.length < 10, names.join(', '));
      const hartley = symbols.find((s) => s.name === 'Hartley');
      assert.equal(hartley?.detail, 'speaker \u00b7 300 mentions');
      assert.equal(long.getText(hartley?.selectionRange), 'MR. HARTLEY');
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
      await vscode.window.showTextDocument(editor.document);
    }
  });

  it('finds entities across the workspace with workspace symbols (Ctrl+T)', async () => {
    const found = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Open Skies');
    const files = new Set(found.filter((s) => s.name === 'Open Skies Treaty').map((s) => s.location.uri.path.split('/').pop()));
    assert.ok(files.has('press-briefing.txt') && files.has('interview.md'), [...files].join(', '));
    const hartley = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'hartly');
    assert.ok(hartley.some((s) => s.name === 'Hartley'), 'a loose query finds the speaker');
  });

  it('lists every mention of the entity under the cursor as references, in open and closed files', async () => {
    const locations = await vscode.commands.executeCommand<vscode.Location[]>(
      'vscode.executeReferenceProvider',
      editor.document.uri,
      positionOf(editor.document, 'New START', 2),
    );
    const files = new Set(locations.map((l) => l.uri.path.split('/').pop()));
    assert.ok(files.has('press-briefing.txt') && files.has('interview.md'), [...files].join(', '));
    const interview = await vscode.workspace.openTextDocument(locations.find((l) => l.uri.path.endsWith('interview.md'))!.uri);
    for (const l of locations.filter((x) => x.uri.path.endsWith('interview.md'))) {
      assert.match(interview.getText(l.range), /^New START/);
    }
  });

  it('goes to the next and previous entity, wrapping at the ends', async () => {
    editor = await vscode.window.showTextDocument(editor.document);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    await vscode.commands.executeCommand('marginalia.nextEntity');
    assert.match(editor.document.getText(editor.selection), /January 8, 2025/);
    const first = editor.selection;
    await vscode.commands.executeCommand('marginalia.nextEntity');
    assert.equal(editor.document.getText(editor.selection), 'MODERATOR');
    await vscode.commands.executeCommand('marginalia.previousEntity');
    assert.ok(editor.selection.isEqual(first));
    await vscode.commands.executeCommand('marginalia.previousEntity');
    assert.ok(editor.selection.start.line > 10, 'wrapped to the last mention');
  });
});
