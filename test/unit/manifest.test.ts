import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * package.json checked against the code, in plain Node: what the manifest promises must exist in the source, and
 * the contribution points must follow the house rules (category, `when`, three theme values, documented settings,
 * UI strings in package.nls.json).
 */
const ROOT = path.resolve(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const nls: Record<string, string> = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.json'), 'utf8'));
const contributes = pkg.contributes;

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => path.join(dir, f));
}
const source = sourceFiles(path.join(ROOT, 'src'))
  .map((f) => fs.readFileSync(f, 'utf8'))
  .join('\n');

/** Command ids the source registers: `id: 'x'`, `id = 'x'`, registerCommand('x', ...), or the next/previous pair. */
function registeredCommandIds(): Set<string> {
  const ids = new Set<string>();
  for (const m of source.matchAll(/\bid(?:\s*[:=]\s*|\s*=\s*)['"`](marginalia\.[\w.]+)['"`]/g)) ids.add(m[1]);
  for (const m of source.matchAll(/(?:registerCommand|\brun)\(\s*['"`](marginalia\.[\w.]+)['"`]/g)) ids.add(m[1]);
  for (const m of source.matchAll(/['"`](marginalia\.[\w.]+)['"`]\s*:\s*['"`]marginalia\.[\w.]+['"`]/g)) ids.add(m[1]);
  for (const m of source.matchAll(/\?\s*['"`](marginalia\.[\w.]+)['"`]\s*:\s*['"`](marginalia\.[\w.]+)['"`]/g)) {
    ids.add(m[1]);
    ids.add(m[2]);
  }
  return ids;
}

function resolveNls(value: string): string | undefined {
  const m = /^%(.+)%$/.exec(value);
  return m ? nls[m[1]] : value;
}

describe('package.json manifest', () => {
  const commands: Array<{ command: string; title: string; category?: string }> = contributes.commands ?? [];

  it('registers every contributed command in the source', () => {
    const registered = registeredCommandIds();
    const missing = commands.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, []);
  });

  it('gives every command a category and a title from package.nls.json', () => {
    for (const c of commands) {
      assert.ok(c.category, `${c.command} has a category`);
      assert.ok(resolveNls(c.title), `${c.command}'s title ${c.title} is in package.nls.json`);
      assert.ok(resolveNls(c.category), `${c.command}'s category resolves`);
    }
  });

  it('refers only to contributed commands from menus and keybindings, each menu entry with a `when`', () => {
    const ids = new Set(commands.map((c) => c.command));
    const submenus = new Set((contributes.submenus ?? []).map((s: { id: string }) => s.id));
    for (const [menu, entries] of Object.entries<Array<{ command: string; submenu?: string; when?: string }>>(contributes.menus ?? {})) {
      for (const e of entries) {
        if (e.submenu) {
          assert.ok(submenus.has(e.submenu), `${menu}: submenu ${e.submenu} is contributed`);
          assert.ok(e.when, `${menu}: submenu ${e.submenu} has a when clause`);
          continue;
        }
        assert.ok(ids.has(e.command), `${menu}: ${e.command} is contributed`);
        assert.ok(e.when, `${menu}: ${e.command} has a when clause`);
      }
    }
    for (const k of contributes.keybindings ?? []) {
      assert.ok(ids.has(k.command), `keybinding for ${k.command}`);
      assert.ok(k.when, `keybinding for ${k.command} has a when clause`);
    }
  });

  it('hides commands that need arguments from the Command Palette', () => {
    const palette: Array<{ command: string; when: string }> = contributes.menus?.commandPalette ?? [];
    assert.ok(palette.some((e) => e.command === 'marginalia.revealMention' && e.when === 'false'));
  });

  it('gives every colour dark, light and high-contrast values, and uses only contributed colours', () => {
    const colors: Array<{ id: string; description: string; defaults: Record<string, string> }> = contributes.colors ?? [];
    assert.ok(colors.length > 0);
    for (const c of colors) {
      assert.match(c.id, /^marginalia\.[a-z]+[A-Z]\w+$/);
      for (const theme of ['dark', 'light', 'highContrast']) assert.ok(c.defaults[theme], `${c.id} has a ${theme} value`);
      assert.ok(resolveNls(c.description), `${c.id} has a description`);
    }
    const ids = new Set(colors.map((c) => c.id));
    const used = [...source.matchAll(/ThemeColor\(\s*[`'"]([^`'"]+)[`'"]/g)].map((m) => m[1]);
    for (const u of used) {
      if (u.includes('${')) {
        const pattern = new RegExp(`^${u.replace(/\./g, '\\.').replace(/\$\{[^}]+\}/g, '[a-z]+')}$`);
        assert.ok([...ids].some((id) => pattern.test(id)), `colours matching ${u} are contributed`);
      } else {
        assert.ok(ids.has(u), `${u} is contributed`);
      }
    }
    for (const kind of ['speaker', 'date', 'treaty', 'person', 'custom']) {
      assert.ok(ids.has(`marginalia.${kind}Background`) && ids.has(`marginalia.${kind}Border`), `${kind} has both colours`);
    }
  });

  it('documents every setting with markdownDescription, default and scope', () => {
    const props: Record<string, { markdownDescription?: string; default?: unknown; scope?: string }> = contributes.configuration.properties;
    assert.ok(Object.keys(props).length > 0);
    for (const [key, p] of Object.entries(props)) {
      assert.match(key, /^marginalia\.[a-z][a-zA-Z]*\.[a-zA-Z]+$/, `${key} is marginalia.area.name`);
      assert.ok(p.markdownDescription && resolveNls(p.markdownDescription), `${key} has a markdownDescription`);
      assert.ok('default' in p, `${key} has a default`);
      assert.ok(p.scope, `${key} has a scope`);
    }
  });

  it('reads only contributed settings in the source, with the same defaults', () => {
    const props: Record<string, { default?: unknown }> = contributes.configuration.properties;
    const settings = fs.readFileSync(path.join(ROOT, 'src', 'features', 'settings.ts'), 'utf8');
    const reads = [...settings.matchAll(/(?:c\.get|trustedValue)<[^>]+>\('([\w.]+)',\s*([^)]+?)(?:,\s*scope)?\)/g)];
    assert.ok(reads.length >= 10);
    for (const [, key, fallback] of reads) {
      assert.ok(props[`marginalia.${key}`], `marginalia.${key} is contributed`);
      const literal = fallback.replace(/(\d)_(\d)/g, '$1$2').replace(/\[\.\.\.EDITOR_KINDS\]/, JSON.stringify(['speaker', 'date', 'treaty', 'person', 'custom']));
      assert.deepEqual(JSON.parse(literal.replace(/'/g, '"')), props[`marginalia.${key}`].default, `default of marginalia.${key}`);
    }
  });

  it('declares path-like settings restricted in untrusted workspaces, as the code treats them', () => {
    const declared: string[] = pkg.capabilities.untrustedWorkspaces.restrictedConfigurations;
    assert.equal(pkg.capabilities.untrustedWorkspaces.supported, 'limited');
    const inCode = /RESTRICTED_SETTINGS[^=]*=\s*\[([^\]]*)\]/.exec(source)?.[1] ?? '';
    const restricted = [...inCode.matchAll(/'([^']+)'/g)].map((m) => `marginalia.${m[1]}`);
    for (const key of ['marginalia.lexicon.path', 'marginalia.sidecar.mirrorFolder']) assert.ok(restricted.includes(key), `${key} restricted in the code`);
    assert.deepEqual([...declared].sort(), [...restricted].sort());
  });

  it('activates precisely: plain text and Markdown, never "*"', () => {
    assert.ok(!pkg.activationEvents.includes('*'));
    assert.ok(pkg.activationEvents.includes('onLanguage:plaintext'));
    assert.ok(pkg.activationEvents.includes('onLanguage:markdown'));
  });

  it('contributes each view with a welcome text, and each grammar file exists', () => {
    const views: Array<{ id: string; name: string }> = contributes.views.marginalia;
    for (const v of views) {
      assert.ok(resolveNls(v.name), `${v.id} has a name`);
      assert.ok(contributes.viewsWelcome.some((w: { view: string }) => w.view === v.id), `${v.id} has welcome content`);
      assert.match(source, new RegExp(`'${v.id.replace('.', '\\.')}'`), `${v.id} is created in the source`);
    }
    for (const g of contributes.grammars) assert.ok(fs.existsSync(path.join(ROOT, g.path)), g.path);
  });

  it('has no unused or missing UI strings', () => {
    const text = JSON.stringify(pkg);
    const referenced = new Set([...text.matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]));
    for (const key of referenced) assert.ok(key in nls, `${key} is in package.nls.json`);
    for (const key of Object.keys(nls)) assert.ok(referenced.has(key), `${key} is used in package.json`);
  });
});
