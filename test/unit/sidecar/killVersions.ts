/**
 * The deterministic versions the kill-test writer saves: version N holds the annotations N-WINDOW+1..N, so
 * the test can say exactly what the complete old and the complete new file must be.
 */
import { writeCanonical } from '../../../src/core/sidecar/canonicalFormat';
import { emptySidecar, type Annotation, type Sidecar } from '../../../src/core/model/annotation';

export const WINDOW = 20;
export const KILL_TEXT = 'Delegations met on Thursday in Geneva to discuss the New START treaty and its inspections regime.';

/** The annotation added by version `n`. */
export function annotationForVersion(n: number): Annotation {
  const at = n % 3 === 0 ? 'Thursday' : n % 3 === 1 ? 'Geneva' : 'New START';
  const start = KILL_TEXT.indexOf(at);
  return {
    id: `a-v${String(n).padStart(8, '0')}`,
    kind: n % 3 === 0 ? 'date' : n % 3 === 1 ? 'custom' : 'treaty',
    note: `version ${n}: ${'notes grow the file so a write takes more than one block '.repeat(n % 7)}`,
    created: '2026-11-22T08:00:00.000Z',
    modified: '2026-11-22T08:00:00.000Z',
    selectors: {
      position: { start, end: start + at.length },
      quote: { exact: at, prefix: KILL_TEXT.slice(Math.max(0, start - 32), start), suffix: KILL_TEXT.slice(start + at.length, start + at.length + 32) },
    },
  };
}

/** The sidecar of version `n` (0: empty). */
export function sidecarForVersion(n: number): Sidecar {
  const annotations: Annotation[] = [];
  for (let i = Math.max(1, n - WINDOW + 1); i <= n; i++) annotations.push(annotationForVersion(i));
  return { ...emptySidecar(), annotations };
}

/** The exact text of version `n` as the store writes it. */
export function textForVersion(n: number): string {
  return writeCanonical(sidecarForVersion(n));
}

/** Which version a loaded sidecar is (its highest annotation), 0 when empty. */
export function versionOf(s: Sidecar): number {
  return s.annotations.reduce((max, a) => Math.max(max, Number(a.id.slice(3))), 0);
}
