import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { sharedPath } from './sharedData';

/** Every paragraph of the repository's samples and development-set texts: real prose of each style, for equivalence tests. */
export function sampleParagraphs(): string[] {
  const root = path.join(__dirname, '..', '..');
  const out: string[] = [];
  for (const dir of [path.join(root, 'samples'), path.join(root, 'test', 'fixtures', 'devset', 'texts')]) {
    for (const f of fs.readdirSync(dir)) {
      const file = path.join(dir, f);
      if (fs.statSync(file).isFile()) out.push(...fs.readFileSync(file, 'utf8').split(/\n\s*\n/));
    }
  }
  return out;
}

/**
 * The tests of an equivalence (`assertSame` of a paragraph) on real prose: every paragraph of the samples and the
 * development set, and of the benchmark text when the shared data is there.
 */
export function itAgreesOnRealText(assertSame: (paragraph: string) => void): void {
  it('agrees on the samples and the development set, paragraph by paragraph', () => {
    const paragraphs = sampleParagraphs();
    for (const b of paragraphs) assertSame(b);
    assert.ok(paragraphs.length > 200, `${paragraphs.length} paragraphs read`);
  });

  it('agrees on the benchmark text, when the shared data is there', function () {
    this.timeout(60_000);
    const file = sharedPath('corpus', 'bench', 'distinct-1mb.txt');
    if (!file) this.skip();
    for (const b of fs.readFileSync(file as string, 'utf8').split(/\n\s*\n/)) assertSame(b);
  });
}
