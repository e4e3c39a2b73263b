import { launchChromium } from '../../../scripts/browser/chromium';
import type { Chromium } from '../../../scripts/browser/chromium';

let shared: Promise<Chromium> | undefined;

/** One headless Chromium for the whole UI run (launching one takes a second or two); each suite opens its pages. */
export function sharedChromium(): Promise<Chromium> {
  shared ??= launchChromium();
  return shared;
}

/** Closes the shared Chromium, if one was launched. */
export async function closeSharedChromium(): Promise<void> {
  if (!shared) return;
  const browser = await shared;
  shared = undefined;
  await browser.close();
}
