import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isSidecarName, isSidecarStoreName, PathRefusedError, resolveInside, sidecarPathFor } from '../../../src/core/sidecar/sidecarPaths';
import type { SidecarStoreError } from '../../../src/core/sidecar/sidecarErrors';
import { SidecarStore } from '../../../src/core/sidecar/sidecarStore';
import { NodeFileSystem } from '../../../src/hosts/nodeFileSystem';
import { annotationOn } from './sidecarTestData';

const TEXT = 'On Thursday, Sergey Ryabkov said the New START treaty was still in force.';

describe('sidecar paths', () => {
  describe('reliability #17: paths leading outside the workspace are refused', () => {
    const refused: [string, string][] = [
      ['..', 'parent of the root'],
      ['../outside.txt', 'sibling of the root'],
      ['docs/../../outside.txt', 'climbs out through a folder'],
      ['docs/../../ws-evil/x.txt', 'prefix trick: a sibling whose name starts like the root'],
      ['/etc/passwd', 'absolute path elsewhere'],
      ['/ws-evil/x.txt', 'absolute sibling with the root as name prefix'],
      ['\\\\server\\share\\x.txt', 'UNC path'],
      ['//server/share/x.txt', 'UNC path with forward slashes'],
      ['\\\\?\\C:\\x.txt', 'Windows device path'],
      ['C:\\Windows\\x.txt', 'drive-letter path'],
      ['C:x.txt', 'drive-relative path'],
      ['docs/x.txt\0.png', 'NUL byte'],
      ['docs\\..\\..\\outside.txt', 'backslash traversal'],
      ['', 'empty path'],
    ];
    for (const [p, why] of refused) {
      it(`refuses ${JSON.stringify(p)} (${why})`, () => {
        assert.throws(() => resolveInside('/ws', p), PathRefusedError);
        assert.throws(() => sidecarPathFor('/ws', p), PathRefusedError);
      });
    }

    it('refuses the same table against a Windows root', () => {
      for (const p of ['..\\x.txt', 'D:\\ws\\x.txt', 'C:\\other\\x.txt', '\\\\server\\share\\x', 'C:x.txt', 'a\0b']) {
        assert.throws(() => resolveInside('C:\\ws', p), PathRefusedError, p);
      }
      assert.equal(resolveInside('C:\\ws', 'docs\\a.txt'), 'C:/ws/docs/a.txt');
      assert.equal(resolveInside('c:\\ws', 'C:\\ws\\a.txt'), 'C:/ws/a.txt');
    });

    it('accepts paths that stay inside, however they are spelled', () => {
      assert.equal(resolveInside('/ws', 'docs/a.txt'), '/ws/docs/a.txt');
      assert.equal(resolveInside('/ws', './docs/../docs/a.txt'), '/ws/docs/a.txt');
      assert.equal(resolveInside('/ws', '/ws/docs/a.txt'), '/ws/docs/a.txt');
      assert.equal(resolveInside('/ws/', 'a..b.txt'), '/ws/a..b.txt');
      assert.equal(sidecarPathFor('/ws', 'docs/a.txt'), '/ws/docs/a.txt.annotations.yaml');
      assert.equal(sidecarPathFor('/ws', 'docs/a.txt', { mirrorFolder: '.marginalia/sidecars' }), '/ws/.marginalia/sidecars/docs/a.txt.annotations.yaml');
      assert.throws(() => sidecarPathFor('/ws', 'docs/a.txt', { mirrorFolder: '../elsewhere' }), PathRefusedError);
    });

    it('names: sidecars are recognised; temp and lock files are not', () => {
      assert.ok(isSidecarName('a.txt.annotations.yaml'));
      assert.ok(!isSidecarName('.a.txt.annotations.yaml.marginalia-tmp-12-1'));
      assert.ok(!isSidecarName('.a.txt.annotations.yaml.marginalia-lock'));
      assert.ok(!isSidecarName('a.txt'));
    });

    it('names the store writes (sidecars, temp files, locks and their leftovers) are told from documents and folders', () => {
      for (const name of ['a.txt.annotations.yaml', '.a.txt.annotations.yaml.marginalia-tmp-12-1', '.a.txt.annotations.yaml.marginalia-lock', '.a.txt.annotations.yaml.marginalia-lock-new-x1']) {
        assert.ok(isSidecarStoreName(name), name);
      }
      for (const name of ['a.txt', 'notes', 'annotations', '.marginalia']) assert.ok(!isSidecarStoreName(name), name);
    });
  });

  describe('on the real file system', () => {
    let dir: string;
    let root: string;
    let outside: string;
    beforeEach(() => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-paths-'));
      root = path.join(dir, 'ws');
      outside = path.join(dir, 'outside');
      fs.mkdirSync(path.join(root, 'docs'), { recursive: true });
      fs.mkdirSync(outside);
      fs.writeFileSync(path.join(root, 'docs', 'a.txt'), TEXT);
    });
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    const store = () => new SidecarStore({ fs: new NodeFileSystem(), root, process: { pid: process.pid } });

    it('reliability #18: a committed symlink sidecar pointing outside leaves the outside file untouched', async () => {
      const victim = path.join(outside, 'victim.txt');
      fs.writeFileSync(victim, 'precious');
      fs.symlinkSync(victim, path.join(root, 'docs', 'a.txt.annotations.yaml'));
      await assert.rejects(store().open('docs/a.txt'), (e: SidecarStoreError) => e.code === 'PATH_REFUSED' && /symbolic link/.test(e.message));
      assert.equal(fs.readFileSync(victim, 'utf8'), 'precious');
    });

    it('reliability #18: a sidecar replaced by a symlink after loading is not written through', async () => {
      const victim = path.join(outside, 'victim.txt');
      fs.writeFileSync(victim, 'precious');
      const file = await store().open('docs/a.txt');
      file.edit({ type: 'putAnnotation', annotation: annotationOn(TEXT, 'Thursday') });
      fs.symlinkSync(victim, file.path);
      await assert.rejects(file.save(), /symbolic link/);
      assert.equal(fs.readFileSync(victim, 'utf8'), 'precious');
      assert.equal(file.unsavedEdits.length, 1);
    });

    it('reliability #17: a symlinked folder leading outside the workspace is refused', async () => {
      fs.writeFileSync(path.join(outside, 'b.txt'), TEXT);
      fs.symlinkSync(outside, path.join(root, 'linked'));
      await assert.rejects(store().open('linked/b.txt'), (e: SidecarStoreError) => e.code === 'PATH_REFUSED');
      assert.deepEqual(fs.readdirSync(outside), ['b.txt']);
    });

    it('keeps sidecars in a mirror folder, creating it on first save; a mirror folder linked outside is refused', async () => {
      const mirrored = new SidecarStore({ fs: new NodeFileSystem(), root, process: { pid: process.pid }, location: { mirrorFolder: '.marginalia/sidecars' } });
      const file = await mirrored.open('docs/a.txt');
      assert.equal(file.state, 'missing');
      assert.equal(file.path, path.join(root, '.marginalia', 'sidecars', 'docs', 'a.txt.annotations.yaml').replace(/\\/g, '/'));
      file.edit({ type: 'putAnnotation', annotation: annotationOn(TEXT, 'Thursday') });
      await file.save();
      assert.match(fs.readFileSync(file.path, 'utf8'), /exact: Thursday/);

      fs.rmSync(path.join(root, '.marginalia'), { recursive: true });
      fs.symlinkSync(outside, path.join(root, '.marginalia'));
      await assert.rejects(mirrored.open('docs/a.txt'), (e: SidecarStoreError) => e.code === 'PATH_REFUSED');
      assert.deepEqual(fs.readdirSync(outside), []);
    });

    it('saves atomically on disk and leaves no temp or lock file', async () => {
      const file = await store().open('docs/a.txt');
      file.edit({ type: 'putAnnotation', annotation: annotationOn(TEXT, 'Sergey Ryabkov') });
      await file.save();
      assert.deepEqual(fs.readdirSync(path.join(root, 'docs')).sort(), ['a.txt', 'a.txt.annotations.yaml']);
      assert.equal((await store().open('docs/a.txt')).sidecar.annotations[0].selectors.quote.exact, 'Sergey Ryabkov');
    });
  });
});
