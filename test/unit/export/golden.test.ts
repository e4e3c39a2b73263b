import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { EXPORT_FORMATS, exportDocuments } from '../../../src/core/export/registry';
import { FIXTURE_DIR, SAMPLE_ENTITIES, sampleDocuments } from '../../fixtures/export/sampleDocuments';

/**
 * Golden files: the exact output of every format for our sample documents (CRLF, emoji, a treaty name broken
 * over a line, formula-like cells). A difference fails; regenerate on purpose only, with
 * `npm run golden:export` (UPDATE_GOLDEN=1), and review the diff before committing. Under CI=true that is
 * refused: every golden test would rewrite its file and pass, checking nothing.
 */
const GOLDEN_DIR = path.join(FIXTURE_DIR, 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

function listFiles(dir: string, base = ''): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(path.join(dir, e.name), `${base}${e.name}/`) : [`${base}${e.name}`],
  );
}

describe('export golden files', () => {
  before(() => {
    if (UPDATE && process.env.CI === 'true') {
      throw new Error('UPDATE_GOLDEN=1 is refused under CI=true: it rewrites the golden files instead of comparing with them');
    }
  });

  for (const format of EXPORT_FORMATS) {
    for (const scope of ['all', 'manual'] as const) {
      it(`${format.id} (${scope === 'all' ? 'manual + automatic' : 'manual only'}) matches its golden files`, () => {
        const { files, warnings } = exportDocuments(format.id, sampleDocuments(), { entities: SAMPLE_ENTITIES, manualOnly: scope === 'manual' });
        const dir = path.join(GOLDEN_DIR, `${format.id}-${scope}`);
        const produced = [...files, { path: 'warnings.txt', content: warnings.map((w) => `${w}\n`).join('') }];
        if (UPDATE) {
          fs.rmSync(dir, { recursive: true, force: true });
          for (const f of produced) {
            fs.mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
            fs.writeFileSync(path.join(dir, f.path), f.content);
          }
          return;
        }
        assert.ok(fs.existsSync(dir), `no golden files in ${dir}; run npm run golden:export and review them`);
        assert.deepEqual(produced.map((f) => f.path).sort(), listFiles(dir).sort(), 'set of output files');
        for (const f of produced) {
          assert.equal(f.content, fs.readFileSync(path.join(dir, f.path), 'utf8'), `${format.id}-${scope}/${f.path} differs from its golden file`);
        }
      });
    }
  }
});
