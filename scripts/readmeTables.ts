/** Rewrites (`--write`) or checks the README's tables of commands, settings and keys; see scripts/lib/readmeTables.ts. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { readmeTables, withTables } from './lib/readmeTables';

const ROOT = path.resolve(__dirname, '..');
const read = (f: string): string => fs.readFileSync(path.join(ROOT, f), 'utf8');
const readme = read('README.md');
const updated = withTables(readme, readmeTables(JSON.parse(read('package.json')), JSON.parse(read('package.nls.json'))));
if (process.argv.includes('--write')) {
  fs.writeFileSync(path.join(ROOT, 'README.md'), updated);
  console.log(updated === readme ? 'README.md tables already up to date' : 'README.md tables rewritten');
} else if (updated !== readme) {
  console.error('README.md tables differ from package.json: run npx tsx scripts/readmeTables.ts --write');
  process.exitCode = 1;
}
