import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { evaluate } from '../../support/whenClause';

/**
 * The editor's Marginalia submenu (package.json `menus["marginalia.annotations"]`), evaluated for where the cursor
 * is: it offers what applies there and nothing else (the context keys come from src/features/cursorContext.ts).
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const items: { command: string; when?: string }[] = pkg.contributes.menus['marginalia.annotations'];

function shown(context: Record<string, unknown>): string[] {
  const c = { editorLangId: 'plaintext', 'marginalia.servedLanguages': ['plaintext', 'markdown'], ...context };
  return items.filter((i) => evaluate(i.when ?? 'true', c)).map((i) => i.command.replace('marginalia.', '')).sort();
}

describe('the editor context submenu', () => {
  it('on plain text without a selection offers only undo', () => {
    assert.deepEqual(shown({}), ['undoAnnotationChange']);
  });

  it('with a selection offers the annotate commands', () => {
    assert.deepEqual(shown({ editorHasSelection: true }), ['annotate', 'annotateAllOccurrences', 'annotateDate', 'annotateLabel', 'annotateSpeaker', 'annotateTreaty', 'undoAnnotationChange']);
  });

  it('on an automatic entity offers accept, reject and link', () => {
    assert.deepEqual(shown({ 'marginalia.atAutomaticEntity': true }), ['acceptEntity', 'linkEntity', 'rejectEntity', 'undoAnnotationChange']);
  });

  it('on a manual annotation offers edit, change kind, attributes, link and delete', () => {
    assert.deepEqual(shown({ 'marginalia.atManualAnnotation': true }), [
      'changeAnnotationKind',
      'deleteAnnotation',
      'editAnnotationAttributes',
      'editAnnotationNote',
      'linkEntity',
      'undoAnnotationChange',
    ]);
  });
});
