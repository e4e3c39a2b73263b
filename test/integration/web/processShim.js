// The npm `assert` package (via `util`) reads a global `process`, which a web worker does not have.
export const process = {
  env: {},
  argv: [],
  platform: 'browser',
  version: '',
  versions: {},
  browser: true,
  cwd: () => '/',
  nextTick: (fn, ...args) => queueMicrotask(() => fn(...args)),
  emitWarning: (...args) => console.warn(...args),
};
