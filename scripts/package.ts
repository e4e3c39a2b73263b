/**
 * `npm run package` after the production build: `vsce package` with the README's relative links made absolute
 * under package.json `repository.url` (scripts/lib/packageLinks.ts), so the Marketplace shows its images.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createVSIX } from '@vscode/vsce';
import { isPlaceholder, vsceLinkOptions } from './lib/packageLinks';

const ROOT = path.resolve(__dirname, '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
if (isPlaceholder(pkg)) {
  console.warn(`package.json repository.url is a placeholder (${pkg.repository.url}): the packaged README keeps its relative links until it is set (then they become absolute, as the Marketplace needs).`);
}
createVSIX({ cwd: ROOT, dependencies: false, ...vsceLinkOptions(pkg) }).catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
});
