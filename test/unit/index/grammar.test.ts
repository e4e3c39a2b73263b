import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

/**
 * The TextMate grammars in syntaxes/, run through the same tokenizer VS Code uses (vscode-textmate with the
 * Oniguruma regex engine), so what is asserted here is what the editor colours.
 */
const ROOT = path.resolve(__dirname, '..', '..', '..');
const PLAIN = path.join(ROOT, 'syntaxes', 'marginalia.plain.tmLanguage.json');
const INJECTION = path.join(ROOT, 'syntaxes', 'marginalia.injection.tmLanguage.json');

/** A stand-in for Markdown's grammar: paragraphs plus fenced code, enough for the injection selector. */
const MARKDOWN_STUB = {
  scopeName: 'text.html.markdown',
  patterns: [
    { begin: '^```', end: '^```', name: 'markup.fenced_code.block.markdown' },
    { match: '`[^`]+`', name: 'markup.inline.raw.string.markdown' },
  ],
};

let registry: textmate.Registry;

before(async () => {
  const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  registry = new textmate.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (s) => new oniguruma.OnigScanner(s), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scopeName) => {
      if (scopeName === 'text.marginalia.plain') return textmate.parseRawGrammar(fs.readFileSync(PLAIN, 'utf8'), PLAIN);
      if (scopeName === 'text.marginalia.injection') return textmate.parseRawGrammar(fs.readFileSync(INJECTION, 'utf8'), INJECTION);
      if (scopeName === 'text.html.markdown') return textmate.parseRawGrammar(JSON.stringify(MARKDOWN_STUB), 'markdown.json');
      return null;
    },
    getInjections: (scopeName) => (scopeName === 'text.html.markdown' ? ['text.marginalia.injection'] : undefined),
  });
});

/** The text of every token whose scopes include `scope`, line by line. */
async function tokensWith(scopeName: string, text: string, scope: string): Promise<string[]> {
  const grammar = await registry.loadGrammar(scopeName);
  assert.ok(grammar);
  let state = textmate.INITIAL;
  const found: string[] = [];
  for (const line of text.split('\n')) {
    const r = grammar.tokenizeLine(line, state);
    for (const t of r.tokens) if (t.scopes.some((s) => s.startsWith(scope))) found.push(line.slice(t.startIndex, t.endIndex));
    state = r.ruleStack;
  }
  return found;
}

describe('TextMate grammars', () => {
  const transcript = [
    'MR. HARTLEY: Good afternoon. The talks resume on March 3, 2023.',
    'QUESTION: Will New START inspections restart before 5 February 2026?',
    'Q: And the 2022-12-01 statement?',
    'Note that nothing here: is a label in mixed case.',
    'The meeting ran until Dec. 7 and ended in December 2022.',
  ].join('\n');

  // entity.name.label: the default themes draw it in the plain text colour (Light+ #000000, Dark+ #C8C8C8), readable
  // on the speaker fill; entity.name.tag drew turn labels maroon on blue in the light themes.
  it('scopes transcript turn labels in plain text', async () => {
    assert.deepEqual(await tokensWith('text.marginalia.plain', transcript, 'entity.name.label.speaker'), ['MR. HARTLEY', 'QUESTION', 'Q']);
  });

  it('scopes dates in plain text', async () => {
    assert.deepEqual(await tokensWith('text.marginalia.plain', transcript, 'constant.numeric.date'), [
      'March 3, 2023',
      '5 February 2026',
      '2022-12-01',
      'Dec. 7',
      'December 2022',
    ]);
  });

  it('injects the same scopes into Markdown paragraphs but not into code', async () => {
    const md = ['**MS. OKAFOR:** We met on June 14, 2021.', '```', 'MR. CODE: June 15, 2021', '```', 'Inline `July 1, 2022` stays code.'].join('\n');
    assert.deepEqual(await tokensWith('text.html.markdown', md, 'entity.name.label.speaker'), ['MS. OKAFOR']);
    assert.deepEqual(await tokensWith('text.html.markdown', md, 'constant.numeric.date'), ['June 14, 2021']);
  });

  it('keeps the plain and Markdown grammars\' patterns identical', () => {
    const plain = JSON.parse(fs.readFileSync(PLAIN, 'utf8'));
    const injection = JSON.parse(fs.readFileSync(INJECTION, 'utf8'));
    assert.deepEqual(injection.repository, plain.repository);
    assert.deepEqual(injection.patterns, plain.patterns);
  });
});
