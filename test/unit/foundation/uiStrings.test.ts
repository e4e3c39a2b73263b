import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { findMessages } from '../../../scripts/lib/l10nMessages';

/**
 * The words the editor shows, checked in the source of src/features: counts take a singular and a plural form
 * ("1 speaker mention", not "1 speaker mentions" or "annotation(s)"), and messages go through `vscode.l10n.t`
 * so that they can be translated; those messages and the core's (its messages port, `l10n.t`) are in the l10n
 * bundle that translations start from.
 */
const SRC = path.resolve(__dirname, '..', '..', '..', 'src');
const FEATURES = path.join(SRC, 'features');
const files = fs
  .readdirSync(FEATURES, { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.ts'))
  .map((f) => ({ name: f, text: fs.readFileSync(path.join(FEATURES, f), 'utf8') }));

/** String and template literals of a source file (comments dropped first). */
function literals(text: string): string[] {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  return [...code.matchAll(/'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`|"(?:[^"\\\n]|\\.)*"/g)].map((m) => m[0]);
}

describe('user-visible strings in src/features', () => {
  it('no count is worded "(s)"', () => {
    const hits = files.flatMap((f) => literals(f.text).filter((l) => /\w\(s\)/.test(l)).map((l) => `${f.name}: ${l}`));
    assert.deepEqual(hits, []);
  });

  it('every "{n} nouns" message has a "1 noun" message beside it', () => {
    // "N of M files" is left alone: its noun goes with M, which is the workspace's size.
    const count = /(?<!of )\{\d\} ((?:speaker |treaty )?(?:mention|date|document|annotation|occurrence|problem|file|quote|entit(?=ies)))(?:s|ies)\b/g;
    const missing: string[] = [];
    for (const f of files) {
      for (const l of literals(f.text)) {
        for (const m of l.matchAll(count)) if (!f.text.includes(`1 ${m[1]}${m[1].endsWith('entit') ? 'y' : ''}`)) missing.push(`${f.name}: ${l}`);
      }
    }
    assert.deepEqual(missing, []);
  });

  it('messages, titles, prompts, picker labels and descriptions go through vscode.l10n.t', () => {
    // A user-visible slot given a string literal directly (not through l10n.t): the literal is what is shown.
    const slot = /(?:show(?:Information|Warning|Error)Message\(|setStatusBarMessage\(|\b(?:title|prompt|placeHolder|label|description|tooltip|message):\s*|\.(?:description|tooltip|message)\s*=\s*)(['`"])/g;
    const raw: string[] = [];
    for (const f of files) {
      const code = f.text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      for (const m of code.matchAll(slot)) {
        const rest = code.slice((m.index ?? 0) + m[0].length - 1, (m.index ?? 0) + m[0].length + 40);
        // Names that are the same in every language: the product, a codicon alone, a number.
        if (/^(['`"])(Marginalia|\$\([\w-]+\)|\$\{[^}]*\})\1/.test(rest)) continue;
        raw.push(`${f.name}: ${code.slice(m.index, (m.index ?? 0) + m[0].length + 40).split('\n')[0]}`);
      }
    }
    assert.deepEqual(raw, []);
  });

  it('no words for the user are written outside vscode.l10n.t (button labels, tree groups, code actions, diagnostics, validation)', () => {
    // A literal that opens with a capitalised word is prose for the user unless it is l10n.t's message; the
    // product's name alone (an output channel, a diagnostic's source) is the same in every language.
    const prose = /^.[A-Z][a-z]+\b/;
    const sameEverywhere = /^(['`"])Marginalia(?: \$\{[^}]*\})?\1$/;
    const raw: string[] = [];
    for (const f of [...files, { name: '../activation.ts', text: fs.readFileSync(path.join(SRC, 'activation.ts'), 'utf8') }]) {
      const code = f.text.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/^\s*\/\/.*$/gm, (c) => c.replace(/[^\n]/g, ' '));
      for (const m of code.matchAll(/'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`|"(?:[^"\\\n]|\\.)*"/g)) {
        if (!prose.test(m[0]) || sameEverywhere.test(m[0])) continue;
        if (/l10n\.t\(\s*$/.test(code.slice(Math.max(0, (m.index ?? 0) - 20), m.index))) continue;
        raw.push(`${f.name}:${code.slice(0, m.index).split('\n').length}: ${m[0].slice(0, 60)}`);
      }
    }
    assert.deepEqual(raw, []);
  });

  it('every message of src/features and of the core\'s messages port is in l10n/bundle.l10n.json (npm run l10n writes it)', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(SRC, '..', 'package.json'), 'utf8'));
    assert.equal(pkg.l10n, './l10n');
    const bundle = JSON.parse(fs.readFileSync(path.join(SRC, '..', 'l10n', 'bundle.l10n.json'), 'utf8')) as Record<string, string>;
    const { messages, dynamic } = findMessages(SRC);
    assert.deepEqual(messages.filter((m) => bundle[m] === undefined), [], 'messages missing from the bundle: run npm run l10n');
    assert.deepEqual(Object.keys(bundle).filter((k) => !messages.includes(k)), [], 'messages in the bundle that the code no longer has: run npm run l10n');
    // A message that is not a literal is never in the bundle; the one allowed is a port handing its literal on.
    const forwards = dynamic.filter((at) => {
      const [file, line] = at.split(':') as [string, string];
      return !/\(message: string, \.\.\.args[^)]*\) => vscode\.l10n\.t\(message, \.\.\.args\)/.test(fs.readFileSync(path.join(SRC, file), 'utf8').split('\n')[Number(line) - 1] ?? '');
    });
    assert.deepEqual(forwards, [], 'l10n.t called with a message that is not a string literal');
    assert.ok(messages.includes('Speaks {0} times in {1} documents: {2}') && messages.includes('{0} January {1}') && messages.includes('Markdown report'), 'the core\'s messages are read');
  });
});
