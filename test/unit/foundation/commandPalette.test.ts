import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { evaluate } from '../../support/whenClause';

/**
 * The Command Palette (package.json `menus.commandPalette`) offers a command only where it applies: the commands
 * that act on the annotation or entity under the cursor where the editor's Marginalia submenu offers them (a
 * palette entry that can only answer "there is no manual annotation at the cursor" is noise), and the sort
 * commands only where they change the order.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const palette: { command: string; when?: string }[] = pkg.contributes.menus.commandPalette;
const submenu: { command: string; when?: string }[] = pkg.contributes.menus['marginalia.annotations'];
const declared: string[] = pkg.contributes.commands.map((c: { command: string }) => c.command);

/** The declared commands the palette shows in this context (a command with no palette entry is always shown). */
function inPalette(context: Record<string, unknown>): string[] {
  return declared.filter((id) => palette.filter((p) => p.command === id).every((p) => evaluate(p.when ?? 'true', context)));
}

const SERVED = { editorLangId: 'plaintext', 'marginalia.servedLanguages': ['plaintext', 'markdown'] };
const CURSOR_CONTEXTS: Record<string, Record<string, unknown>> = {
  'plain text': SERVED,
  'a selection': { ...SERVED, editorHasSelection: true },
  'a manual annotation': { ...SERVED, 'marginalia.atManualAnnotation': true },
  'an automatic entity': { ...SERVED, 'marginalia.atAutomaticEntity': true },
  'a manual annotation, selected': { ...SERVED, 'marginalia.atManualAnnotation': true, editorHasSelection: true },
};

describe('the Command Palette', () => {
  for (const [where, context] of Object.entries(CURSOR_CONTEXTS)) {
    it(`on ${where} offers the submenu's commands where the submenu does`, () => {
      const fromSubmenu = submenu.filter((s) => evaluate(s.when ?? 'true', context)).map((s) => s.command).sort();
      const fromPalette = inPalette(context).filter((id) => submenu.some((s) => s.command === id)).sort();
      assert.deepEqual(fromPalette, fromSubmenu);
    });
  }

  it('offers no editor command in a document Marginalia does not serve', () => {
    const shown = inPalette({ editorLangId: 'json', 'marginalia.servedLanguages': ['plaintext', 'markdown'], 'marginalia.atManualAnnotation': false });
    assert.deepEqual(shown.filter((id) => submenu.some((s) => s.command === id) || /Entity$|Highlights$|InTree$/.test(id)), []);
  });

  it('offers the sort that changes the order, not the one in force', () => {
    const sorts = (treeSort: string | undefined) => inPalette({ 'marginalia.treeSort': treeSort }).filter((id) => id.startsWith('marginalia.sortEntities'));
    assert.deepEqual(sorts(undefined), ['marginalia.sortEntitiesByName'], 'sorted by count by default');
    assert.deepEqual(sorts('count'), ['marginalia.sortEntitiesByName']);
    assert.deepEqual(sorts('name'), ['marginalia.sortEntitiesByCount']);
  });
});
