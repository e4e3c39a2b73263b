/** Time as the core sees it: injectable so tests are deterministic and the lock's waits are fast in tests. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms` milliseconds. */
  sleep(ms: number): Promise<void>;
}

/** ISO 8601 timestamp (UTC, milliseconds) for `created`/`modified`. */
export function isoTimestamp(clock: Clock): string {
  return new Date(clock.now()).toISOString();
}

/** The real clock: `Date.now` and `setTimeout` exist in every host (Node, the extension host, browsers). */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};
