/** The first argument of the console line that carries the web scan benchmark's figures (webHostSuite.ts to webScanBench.ts). */
export const BENCH_RESULTS_MARKER = '[marginalia-web-bench]';
