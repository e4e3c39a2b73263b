import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { createVSIX } from '@vscode/vsce';
import { isPlaceholder, linkBases, repositoryPage, vsceLinkOptions } from '../../../scripts/lib/packageLinks';

/**
 * The project's address is set in one place, package.json `repository.url`: the packaged README's links (images
 * absolute, as the Marketplace cannot resolve relative ones) are made from it when `npm run package` runs, and vsce
 * derives the bugs and homepage links from a GitHub or GitLab address. The project has no public address yet
 * (a reserved `.invalid` placeholder); setting it is a change of that one line. Checked by packaging a stand-in of the
 * extension with vsce itself and reading the .vsix.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
/** vsce's own zip reader (a dependency of vsce, not of ours). */
const { readZip } = createRequire(require.resolve('@vscode/vsce'))('./zip') as {
  readZip(file: string, filter: (name: string) => boolean): Promise<Map<string, Buffer>>;
};

const images = (markdown: string): string[] => [...markdown.matchAll(/!\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1] as string);

/** Packages a stand-in of the extension (the real manifest, README, and empty bundles) with `manifest`. */
async function packaged(manifest: Record<string, unknown>): Promise<{ readme: string; vsixManifest: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-links-'));
  try {
    fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify(manifest));
    for (const f of ['package.nls.json', '.vscodeignore', 'README.md', 'LICENSE']) fs.copyFileSync(path.join(ROOT, f), path.join(dir, f));
    fs.cpSync(path.join(ROOT, 'media'), path.join(dir, 'media'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'dist', 'web'), { recursive: true });
    for (const f of ['extension.js', 'scanWorker.js', 'reanchorWorker.js', 'web/extension.js', 'web/scanWorker.js']) fs.writeFileSync(path.join(dir, 'dist', f), '');
    const vsix = path.join(dir, 'out.vsix');
    // What scripts/package.ts gives vsce; vsce's listing of the files is not this test's output.
    const log = console.log;
    console.log = () => undefined;
    try {
      await createVSIX({ cwd: dir, packagePath: vsix, dependencies: false, ...vsceLinkOptions(manifest) });
    } finally {
      console.log = log;
    }
    const files = await readZip(vsix, (n) => n === 'extension/readme.md' || n === 'extension.vsixmanifest');
    return { readme: String(files.get('extension/readme.md')), vsixManifest: String(files.get('extension.vsixmanifest')) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("the project's address, in one place", function () {
  this.timeout(30_000);

  it('is package.json repository.url alone: no bugs or homepage of its own, and not written into the README', () => {
    assert.equal(typeof pkg.repository?.url, 'string');
    assert.equal(pkg.bugs, undefined, 'bugs is derived from repository.url');
    assert.equal(pkg.homepage, undefined, 'homepage is derived from repository.url');
    const page = repositoryPage(pkg);
    assert.ok(!readme.includes(page), `README.md names ${page}: it would be a second place to change`);
    // In the repository the README's images are files beside it, which any clone and any Git host shows.
    assert.ok(images(readme).length > 0);
    assert.deepEqual(images(readme).filter((i) => /^\w+:/.test(i) || !fs.existsSync(path.join(ROOT, i))), []);
  });

  it('is what `npm run package` packages with', () => {
    assert.match(pkg.scripts.package, /tsx scripts\/package\.ts$/);
    assert.match(fs.readFileSync(path.join(ROOT, 'scripts', 'package.ts'), 'utf8'), /createVSIX\(\{[^}]*\.\.\.vsceLinkOptions\(pkg\)/);
  });

  it('while the address is a placeholder, keeps the packaged README as it is: relative links, no broken absolute ones', async () => {
    assert.ok(isPlaceholder(pkg), 'package.json names a real address now: this test no longer applies, remove it');
    const { readme: shipped } = await packaged(pkg);
    assert.deepEqual(images(shipped), images(readme));
  });

  it('follows a new address with no other change: links, bugs and homepage', async () => {
    const moved = { ...pkg, repository: { type: 'git', url: 'git+https://github.com/someone/marginalia.git' } };
    const { readme: shipped, vsixManifest } = await packaged(moved);
    const base = 'https://github.com/someone/marginalia/raw/HEAD/';
    assert.equal(images(shipped).length, images(readme).length);
    assert.deepEqual(images(shipped).filter((l) => !l.startsWith(base) || !fs.existsSync(path.join(ROOT, l.slice(base.length)))), []);
    assert.match(vsixManifest, /Links\.Support" Value="https:\/\/github\.com\/someone\/marginalia\/issues"/);
    assert.match(vsixManifest, /Links\.Source" Value="https:\/\/github\.com\/someone\/marginalia(\.git)?"/);
  });

  it('reads the address in the forms npm accepts, and names the field when it is missing', () => {
    assert.equal(repositoryPage({ repository: 'https://example.org/a/b.git' }), 'https://example.org/a/b');
    assert.equal(repositoryPage({ repository: { url: 'git+https://example.org/a/b.git' } }), 'https://example.org/a/b');
    assert.deepEqual(linkBases({ repository: { url: 'https://example.org/a/b' } }), { content: 'https://example.org/a/b/blob/HEAD/', images: 'https://example.org/a/b/raw/HEAD/' });
    assert.throws(() => repositoryPage({}), /package\.json: no repository\.url/);
    assert.throws(() => repositoryPage({ repository: { url: 'marginalia' } }), /package\.json: repository\.url "marginalia" is not an http\(s\) address/);
  });
});
