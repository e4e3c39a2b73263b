/** First argument of every console line the suite's reporter writes (see scripts/test/integrationLayer.ts). */
export const SUITE_OUTPUT_MARKER = '[marginalia-suite]';

/** First argument of the console line that carries the web suite's counts as JSON. */
export const SUITE_COUNTS_MARKER = '[marginalia-counts]';
