import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Test data written by others (seeds, gold, corpus, datasets) stays in `../shared` beside the project.
 * Tests find it here and skip, with a message naming what is missing, when it is absent.
 */
export const SHARED_DIR = process.env.MARGINALIA_SHARED
  ? path.resolve(process.env.MARGINALIA_SHARED)
  : path.resolve(__dirname, '..', '..', '..', 'shared');

/** Absolute path of a file or folder under shared/, or undefined when it is not there. */
export function sharedPath(...parts: string[]): string | undefined {
  const p = path.join(SHARED_DIR, ...parts);
  return fs.existsSync(p) ? p : undefined;
}

/** In a mocha `before`/`it`: skips the suite or test with a clear message when shared data is missing. */
export function requireShared(ctx: Mocha.Context, ...parts: string[]): string {
  const p = sharedPath(...parts);
  if (!p) {
    console.warn(`  (skipped: ${path.join(SHARED_DIR, ...parts)} is absent; shared test data lives beside the project)`);
    ctx.skip();
  }
  return p as string;
}
