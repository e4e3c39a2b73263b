// Preloaded with `node -r` into a benchmarked process: reports its peak resident memory on exit (stderr, KiB).
process.on('exit', () => {
  require('node:fs').writeSync(2, `\nmaxRSS ${process.resourceUsage().maxRSS}\n`);
});
