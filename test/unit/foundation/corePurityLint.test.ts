import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');

/** Lints `code` as if it were the file at `relativePath` and returns the ids of the rules it breaks. */
async function ruleIdsFor(code: string, relativePath: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: REPO_ROOT });
  const [result] = await eslint.lintText(code, { filePath: path.join(REPO_ROOT, relativePath) });
  assert.ok(result, 'ESLint returns one result per linted text');
  return result.messages.map((m) => m.ruleId ?? `fatal: ${m.message}`);
}

describe('foundation: the lint rule that keeps src/core pure', function () {
  // Loading typescript-eslint takes a few seconds the first time.
  this.timeout(60_000);

  it('rejects importing vscode under src/core', async () => {
    const ids = await ruleIdsFor("import * as vscode from 'vscode';\nexport const x = vscode;\n", 'src/core/probe.ts');
    assert.ok(ids.includes('no-restricted-imports'), `rules broken: ${ids.join(', ')}`);
  });

  it('rejects Node built-ins under src/core, with and without the node: prefix', async () => {
    const sources = ["import * as fs from 'node:fs';\nexport const x = fs;\n", "import * as path from 'path';\nexport const x = path;\n"];
    for (const source of sources) {
      const ids = await ruleIdsFor(source, 'src/core/model/probe.ts');
      assert.ok(ids.includes('no-restricted-imports'), `${source} -> rules broken: ${ids.join(', ')}`);
    }
  });

  it('allows the same imports outside src/core', async () => {
    const ids = await ruleIdsFor(
      "import * as vscode from 'vscode';\nimport * as fs from 'node:fs';\nexport const x = [vscode, fs];\n",
      'src/features/probe.ts',
    );
    assert.ok(!ids.includes('no-restricted-imports'), `rules broken: ${ids.join(', ')}`);
  });
});
