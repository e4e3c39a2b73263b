import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { keyLabel, readmeTables, withTables } from '../../../scripts/lib/readmeTables';

const ROOT = path.resolve(__dirname, '..', '..', '..');
const read = (f: string): string => fs.readFileSync(path.join(ROOT, f), 'utf8');

describe('README tables of commands, settings and keys', () => {
  it('match package.json (npx tsx scripts/readmeTables.ts --write rewrites them)', () => {
    const readme = read('README.md');
    const expected = withTables(readme, readmeTables(JSON.parse(read('package.json')), JSON.parse(read('package.nls.json'))));
    assert.equal(readme, expected);
  });

  it('list every keybinding for each platform and every setting', () => {
    const pkg = JSON.parse(read('package.json'));
    const tables = readmeTables(pkg, JSON.parse(read('package.nls.json')));
    for (const k of pkg.contributes.keybindings) assert.ok(tables.keys.includes(`\`${keyLabel(k.mac ?? k.key)}\``), k.command);
    for (const id of Object.keys(pkg.contributes.configuration.properties)) assert.ok(tables.settings.includes(`\`${id}\``), id);
    assert.equal(keyLabel('ctrl+k a backspace'), 'Ctrl+K A Backspace');
  });

  it('name the missing marker when a block is gone', () => {
    assert.throws(() => withTables('# no tables', { commands: '', settings: '', keys: '' }), /README.md: no "<!-- generated:commands/);
  });
});
