// Preloaded with `node -r` into a benchmarked process: reports its peak resident memory (KiB) and the CPU time
// of all its threads (ms) on exit, on stderr.
process.on('exit', () => {
  const usage = process.resourceUsage();
  require('node:fs').writeSync(2, `\nmaxRSS ${usage.maxRSS}\ncpuMs ${Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000)}\n`);
});
