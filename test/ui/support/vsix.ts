import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from '../../../scripts/lib/paths';

/**
 * The .vsix `npm run package` wrote (`marginalia-<version>.vsix` in the repository root), or the one named
 * by MARGINALIA_VSIX. The UI layer packages it before the UI suites run.
 */
export function vsixPath(): string {
  if (process.env.MARGINALIA_VSIX) return path.resolve(process.env.MARGINALIA_VSIX);
  const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  return path.join(REPO_ROOT, `${manifest.name}-${manifest.version}.vsix`);
}
