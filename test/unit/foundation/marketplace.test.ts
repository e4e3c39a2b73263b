import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * What the Marketplace and the Welcome page show: the icon (a 128x128 PNG: the Marketplace refuses SVG icons),
 * the gallery banner and the Getting Started walkthrough, whose steps must point at files and commands that exist.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const nls: Record<string, string> = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8'));
const text = (v: string): string => {
  const m = /^%(.+)%$/.exec(v);
  return m ? (nls[m[1]] ?? assert.fail(`package.nls.json has no ${m[1]}`)) : v;
};

/** Width and height from a PNG's IHDR chunk; throws naming the file when it is not a PNG. */
function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  if (b.length < 24 || b.readUInt32BE(0) !== 0x89504e47 || b.toString('ascii', 12, 16) !== 'IHDR') throw new Error(`${file}: not a PNG`);
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

describe('Marketplace and Getting Started', () => {
  it('has a 128x128 PNG icon and a gallery banner', () => {
    assert.match(pkg.icon, /\.png$/);
    assert.deepEqual(pngSize(path.join(ROOT, pkg.icon)), { width: 128, height: 128 });
    assert.match(pkg.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(pkg.galleryBanner.theme));
    assert.ok(!/(^|\/)\.vscodeignore$/.test(pkg.icon));
    assert.match(fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8'), /^!media\/\*\*$/m, 'the icon and walkthrough media are packaged');
  });

  it('walks through opening, hovering, annotating and exporting, with media and commands that exist', () => {
    const [walkthrough] = pkg.contributes.walkthroughs;
    assert.ok(text(walkthrough.title).length > 0);
    const declared = new Set(pkg.contributes.commands.map((c: { command: string }) => c.command));
    const steps: { id: string; title: string; description: string; media: { markdown: string }; completionEvents: string[] }[] = walkthrough.steps;
    assert.deepEqual(steps.map((s) => s.id), ['marginalia.open', 'marginalia.hover', 'marginalia.annotate', 'marginalia.export']);
    for (const step of steps) {
      const md = path.join(ROOT, step.media.markdown);
      assert.ok(fs.existsSync(md), `${step.id}: ${step.media.markdown} exists`);
      assert.match(fs.readFileSync(md, 'utf8'), /^# /, `${step.media.markdown} starts with a heading`);
      for (const [, command] of text(step.description).matchAll(/\(command:([\w.]+)/g)) {
        assert.ok(declared.has(command) || command.startsWith('workbench.'), `${step.id}: ${command} is declared`);
      }
      for (const e of step.completionEvents) {
        const [, type, id] = /^(onCommand|onView):(.+)$/.exec(e) ?? assert.fail(`${step.id}: unexpected completion event ${e}`);
        if (type === 'onCommand') assert.ok(declared.has(id), `${step.id}: ${id} is declared`);
        else assert.ok(pkg.contributes.views.marginalia.some((v: { id: string }) => v.id === id), `${step.id}: view ${id} exists`);
      }
    }
  });

  it('names the keys the README and package.json bind, not the old Ctrl+Alt ones', () => {
    const walkthroughText = fs
      .readdirSync(path.join(ROOT, 'media', 'walkthrough'))
      .map((f) => fs.readFileSync(path.join(ROOT, 'media', 'walkthrough', f), 'utf8'))
      .join('\n');
    assert.doesNotMatch(walkthroughText + fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8'), /ctrl\+alt\+m|ctrl\+alt\+[.,]/i);
    for (const k of pkg.contributes.keybindings.filter((x: { command: string }) => x.command.startsWith('marginalia.annotate'))) {
      assert.match(k.key, /^ctrl\+k a /, `${k.command} is under Ctrl+K A, as the walkthrough says`);
    }
  });
});
