import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isDocumentName, listDocumentsUnder, SKIPPED_FOLDERS, type FolderEntry } from '../../../src/core/model/documentFiles';
import { NodeDocumentReader } from '../../../src/hosts/nodeDocumentReader';

describe('files: which files under a folder are documents (one definition for every host)', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-listing-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  const put = (relative: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    fs.writeFileSync(path.join(dir, relative), 'text\n');
  };

  it('takes .txt, .md and .markdown in any case, and not a dot file named ".txt" or other endings', () => {
    assert.deepEqual(['a.txt', 'b.MD', 'c.Markdown', '.txt', 'd.yaml', 'e.txt.annotations.yaml', 'txt'].filter(isDocumentName), ['a.txt', 'b.MD', 'c.Markdown']);
  });

  it('lists documents depth first in name order, skipping tool folders and .marginalia, and takes named files as given', async () => {
    for (const f of ['b.txt', 'a/z.md', 'a/y.markdown', 'notes.yaml', 'b.txt.annotations.yaml', ...[...SKIPPED_FOLDERS].map((s) => `${s}/hidden.txt`), 'deep/er/x.txt']) put(f);
    const reader = new NodeDocumentReader({ cwd: dir });
    const { files, errors } = await reader.collect(['.', 'notes.yaml', 'missing.txt']);
    assert.deepEqual(files, ['a/y.markdown', 'a/z.md', 'b.txt', 'deep/er/x.txt', 'notes.yaml'].map((f) => path.join(f)));
    assert.deepEqual(errors, ['missing.txt: no such file or folder']);
  });

  it('goes on past a folder it cannot list, naming it', async () => {
    const tree: Record<string, FolderEntry[]> = {
      '/w': [{ name: 'open', folder: true }, { name: 'closed', folder: true }, { name: 'c.txt', folder: false }],
      '/w/open': [{ name: 'a.txt', folder: false }],
    };
    const failed: string[] = [];
    const entries = async (folder: string) => {
      const found = tree[folder];
      if (!found) throw new Error('permission denied');
      return [...found];
    };
    const listed = await listDocumentsUnder('/w', { entries, join: (f, n) => `${f}/${n}` }, (folder, e) => failed.push(`${folder}: ${(e as Error).message}`));
    assert.deepEqual(listed, ['/w/c.txt', '/w/open/a.txt']);
    assert.deepEqual(failed, ['/w/closed: permission denied']);
  });
});
