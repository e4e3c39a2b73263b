import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const CORE = path.resolve(__dirname, '..', '..', '..', 'src', 'core');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') ? [full] : [];
  });
}

/**
 * The names a module declares at its top level that hold data between calls: every `let`, and every `const`
 * with a lower-case name made from a growable container (a Map, Set or array). Constant tables are named in
 * capitals and built once; a WeakMap lives as long as the objects it is keyed by, so it is no module state.
 */
function moduleState(source: string): string[] {
  const names: string[] = [];
  for (const m of source.matchAll(/^(?:export )?let ([A-Za-z_$][\w$]*)/gm)) names.push(m[1] as string);
  const container = /^(?:export )?const ([a-z_$][\w$]*)\s*(?::[^=]+)?=\s*(?:new (?:Map|Set|Array|Int32Array|Uint8Array|Uint16Array|Uint32Array|Float64Array)\b|\[\])/gm;
  for (const m of source.matchAll(container)) names.push(m[1] as string);
  return names;
}

describe('foundation: src/core keeps no state at module level', () => {
  it('finds the module-level state it is meant to find', () => {
    const probe = "let last = '';\nconst seen = new Map<string, number>();\nconst words: string[] = [];\nconst TABLE = new Set(['a']);\nconst owners = new WeakMap<object, number>();\n";
    assert.deepEqual(moduleState(probe), ['last', 'seen', 'words']);
  });

  it('holds no module-level caches or scratch arrays', () => {
    const found: Record<string, string[]> = {};
    for (const file of sourceFiles(CORE)) {
      const names = moduleState(fs.readFileSync(file, 'utf8'));
      if (names.length) found[path.relative(CORE, file).split(path.sep).join('/')] = names;
    }
    // State that outlives a call belongs to an owner with a clear lifetime: a document analyzer's RecognizerState,
    // or a host's AnalysisCache (issue 17).
    assert.deepEqual(found, {}, 'module-level state in src/core');
  });
});
