/**
 * `npm run screenshots:readme`: copies the README's pictures from the UI layer's last run
 * (test-results/screenshots/readme-*.png) into docs/, so that they show the workbench as the tests saw it
 * rather than a capture made by hand. Run the UI layer first (`npm test -- ui`); a picture it did not save is
 * named and nothing is copied.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, SCREENSHOTS_DIR } from './lib/paths';

/** Each README picture in docs/ and the UI test screenshot it is copied from (the name given to `screenshot()`). */
export const README_SCREENSHOTS: Readonly<Record<string, string>> = {
  'docs/screenshot.png': 'readme-editor',
  'docs/desk-quotes.png': 'readme-quotes',
  'docs/desk-speaker-treaty.png': 'readme-speaker-treaty',
  'docs/desk-timeline.png': 'readme-timeline',
};

/** Copies every picture; throws naming the screenshots that are missing, before copying any. */
export function copyReadmeScreenshots(from = SCREENSHOTS_DIR, to = REPO_ROOT): string[] {
  const pairs = Object.entries(README_SCREENSHOTS).map(([target, shot]) => ({ source: path.join(from, `${shot}.png`), target: path.join(to, target) }));
  const missing = pairs.filter((p) => !fs.existsSync(p.source)).map((p) => p.source);
  if (missing.length > 0) throw new Error(`no UI test screenshot ${missing.join(', ')}: run the UI layer first (npm test -- ui)`);
  for (const p of pairs) fs.copyFileSync(p.source, p.target);
  return pairs.map((p) => path.relative(to, p.target));
}

if (require.main === module) {
  try {
    for (const f of copyReadmeScreenshots()) console.log(`updated ${f}`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
