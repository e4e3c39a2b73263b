import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Test data written by others (seeds, gold, corpus, datasets) stays in `../shared` beside the project.
 * Tests find it here. When it is absent they skip, with a message naming what is missing, on a developer's
 * machine; under CI (`CI=true`) they fail instead, since a CI run that skipped them would pass having checked
 * none of the quality floors.
 */
export const SHARED_DIR = process.env.MARGINALIA_SHARED
  ? path.resolve(process.env.MARGINALIA_SHARED)
  : path.resolve(__dirname, '..', '..', '..', 'shared');

/** Absolute path of a file or folder under shared/, or undefined when it is not there. */
export function sharedPath(...parts: string[]): string | undefined {
  const p = path.join(SHARED_DIR, ...parts);
  return fs.existsSync(p) ? p : undefined;
}

/**
 * In a mocha `before`/`it`: when shared data is missing, skips the suite or test with a clear message, or
 * under `CI=true` fails it with that message.
 */
export function requireShared(ctx: Mocha.Context, ...parts: string[]): string {
  const p = sharedPath(...parts);
  if (!p) {
    const missing = `${path.join(SHARED_DIR, ...parts)} is absent; shared test data lives beside the project (../shared, or MARGINALIA_SHARED)`;
    if (process.env.CI === 'true') throw new Error(`${missing}. Under CI=true a test that needs it fails instead of skipping.`);
    console.warn(`  (skipped: ${missing})`);
    ctx.skip();
  }
  return p as string;
}
