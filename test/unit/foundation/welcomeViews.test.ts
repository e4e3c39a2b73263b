import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { evaluate } from '../../support/whenClause';

/**
 * What the empty Entities view says, from package.json `viewsWelcome`: "scanning" from the moment the view shows
 * (the extension may not even be active yet, so no context key of ours is set) until the first scan has ended, and
 * "nothing found" only after a scan found nothing.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const nls: Record<string, string> = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8'));

function shown(context: Record<string, unknown>, view = 'marginalia.entities'): string[] {
  return (pkg.contributes.viewsWelcome as { view: string; contents: string; when?: string }[])
    .filter((w) => w.view === view && evaluate(w.when ?? 'true', { workbenchState: 'folder', ...context }))
    .map((w) => nls[w.contents.replace(/%/g, '')] ?? w.contents);
}

describe('Entities view welcome content', () => {
  it('says it is scanning before the extension has set anything', () => {
    assert.deepEqual(shown({}).map((t) => /^Scanning/.test(t)), [true]);
  });

  it('says it is scanning during the first scan and any rescan', () => {
    assert.deepEqual(shown({ 'marginalia.scanning': true }).map((t) => /^Scanning/.test(t)), [true]);
    assert.deepEqual(shown({ 'marginalia.scanning': true, 'marginalia.scanned': true }).map((t) => /^Scanning/.test(t)), [true]);
  });

  it('says nothing was found only once a scan has ended', () => {
    assert.deepEqual(shown({ 'marginalia.scanning': false, 'marginalia.scanned': true }).map((t) => /^No speakers/.test(t)), [true]);
  });

  it('the workspace scanner sets the context key the welcome content waits for', () => {
    const scanner = fs.readFileSync(path.join(ROOT, 'src', 'features', 'workspaceScanner.ts'), 'utf8');
    assert.match(scanner, /setContext', 'marginalia\.scanned', true/);
  });
});

describe('Quotes and speaker x treaty views welcome content', () => {
  // Both list what the scan finds across the workspace: "none found" during the first scan would be untrue.
  for (const [view, empty] of [
    ['marginalia.quotes', /^No quotes found/],
    ['marginalia.speakerTreaties', /^No quote stands/],
  ] as const) {
    it(`${view} says it is scanning until a scan has ended, and only then that none were found`, () => {
      assert.deepEqual(shown({}, view).map((t) => /^Scanning/.test(t)), [true]);
      assert.deepEqual(shown({ 'marginalia.scanning': true, 'marginalia.scanned': true }, view).map((t) => /^Scanning/.test(t)), [true]);
      assert.deepEqual(shown({ 'marginalia.scanning': false, 'marginalia.scanned': true }, view).map((t) => empty.test(t)), [true]);
    });
  }
});
