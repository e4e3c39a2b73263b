import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { evaluate } from '../../support/whenClause';

/**
 * Marginalia's default keybindings (package.json `contributes.keybindings`) against what they could collide with:
 * - Ctrl+Alt is AltGr on Windows (Ctrl+Alt+M types µ on German and US-International layouts): no binding for
 *   Windows or Linux uses it, and none for macOS uses Cmd+Alt (Cmd+Alt+M is the system's Minimize All);
 * - VS Code's own defaults (test/fixtures/editor/vscodeDefaultKeybindings.json, with its source): no binding equals
 *   or is a chord prefix of a default that is active in a served editor with text focus (a prefix would make VS Code
 *   wait for the next key and shadow the default), and no Ctrl+K / Cmd+K chord reuses a second key that VS Code
 *   binds after Ctrl+K on any platform;
 * - macOS system shortcuts.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const defaults: { linux: [string, string, string][]; chordSecondKeys: string[]; macSystem: string[] } = JSON.parse(
  fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'editor', 'vscodeDefaultKeybindings.json'), 'utf8'),
);
const ours: { command: string; key: string; mac?: string; win?: string; linux?: string; when?: string }[] = pkg.contributes.keybindings;

/** Chords in a canonical form: modifiers sorted, so that 'alt+ctrl+x' and 'ctrl+alt+x' compare equal. */
function chords(key: string): string[] {
  return key
    .toLowerCase()
    .trim()
    .split(/\s+/)
    .map((c) => {
      const parts = c.split('+');
      const last = c.endsWith('++') ? '+' : (parts.pop() as string);
      return [...parts.filter((p) => p !== '').sort(), last].join('+');
    });
}

const isPrefix = (a: string[], b: string[]): boolean => a.length <= b.length && a.every((c, i) => c === b[i]);

/**
 * The context keys of a served plain-text editor with text focus, with and without a selection; any other key is
 * unset (false), as it is in that editor.
 */
const SERVED_EDITOR: Record<string, unknown>[] = [true, false].map((editorHasSelection) => ({
  editorTextFocus: true,
  editorFocus: true,
  textInputFocus: true,
  editorLangId: 'plaintext',
  resourceScheme: 'file',
  resourceLangId: 'plaintext',
  editorHasSelection,
  isLinux: true,
  'marginalia.servedLanguages': ['plaintext', 'markdown'],
}));

const winLinux = ours.flatMap((k) => [...new Set([k.win ?? k.key, k.linux ?? k.key])].map((key) => ({ ...k, key })));
const mac = ours.map((k) => ({ ...k, key: k.mac ?? k.key }));

describe('default keybindings', () => {
  it('the when-clause evaluator reads VS Code clauses', () => {
    const c = SERVED_EDITOR[0];
    assert.equal(evaluate('editorTextFocus && !editorReadonly', c), true);
    assert.equal(evaluate('editorTextFocus && editorLangId in marginalia.servedLanguages', c), true);
    assert.equal(evaluate("inQuickInput && quickInputType == 'quickPick'", c), false);
    assert.equal(evaluate("editorLangId == 'plaintext' || isInDiffEditor", c), true);
    assert.equal(evaluate('resourceScheme =~ /^fi/ && !(isInDiffEditor || inZenMode)', c), true);
  });

  it('none uses Ctrl+Alt on Windows or Linux (AltGr on Windows), nor Cmd+Alt on macOS', () => {
    const bad = [
      ...winLinux.filter((k) => chords(k.key).some((c) => /\balt\b/.test(c) && /\bctrl\b/.test(c))).map((k) => `${k.command}: ${k.key}`),
      ...mac.filter((k) => chords(k.key).some((c) => /\balt\b/.test(c) && /\bcmd\b/.test(c))).map((k) => `${k.command}: mac ${k.key}`),
    ];
    assert.deepEqual(bad, []);
  });

  it("none equals or prefixes a VS Code default that is active in a served editor (VS Code's Linux defaults)", () => {
    const active = defaults.linux.filter(([, command, when]) => !command.startsWith('-') && SERVED_EDITOR.some((c) => evaluate(when, c)));
    assert.ok(active.length > 200, `the data file lists VS Code's defaults (${active.length} active in an editor)`);
    const clashes: string[] = [];
    for (const k of ours.map((k) => ({ ...k, key: k.linux ?? k.key }))) {
      const mine = chords(k.key);
      for (const [key, command, when] of active) {
        const theirs = chords(key);
        if (isPrefix(mine, theirs) || isPrefix(theirs, mine)) clashes.push(`${k.command} (${k.key}) vs ${command} (${key}${when ? ` when ${when}` : ''})`);
      }
    }
    assert.deepEqual(clashes, []);
  });

  it('no Ctrl+K / Cmd+K chord takes a second key VS Code binds after Ctrl+K on any platform', () => {
    const taken = new Set(defaults.chordSecondKeys);
    const bad = [...winLinux, ...mac]
      .map((k) => ({ k, c: chords(k.key) }))
      .filter(({ c }) => (c[0] === 'ctrl+k' || c[0] === 'cmd+k') && c.length > 1 && taken.has(c[1]))
      .map(({ k }) => `${k.command}: ${k.key}`);
    assert.deepEqual(bad, []);
  });

  it('none on macOS is taken by the system', () => {
    const system = defaults.macSystem.map((k) => chords(k).join(' '));
    const bad = mac.filter((k) => system.includes(chords(k.key)[0])).map((k) => `${k.command}: ${k.key}`);
    assert.deepEqual(bad, []);
  });
});
