// Preloaded with `node -r` into a benchmarked process: reports its peak resident memory (KiB), the CPU time of all
// its threads (ms) and, where Linux's /proc has it, its main thread's time on a CPU (ms) on exit, on stderr. The
// main thread's figure is what the wall time would be on an idle machine with a core to spare for V8's helper
// threads (compilation, garbage collection): on a loaded one the wall time mostly measures the others.
process.on('exit', () => {
  const fs = require('node:fs');
  const usage = process.resourceUsage();
  let main = '';
  try {
    main = `mainCpuMs ${Math.round(Number(fs.readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6)}\n`;
  } catch {
    // not Linux
  }
  fs.writeSync(2, `\nmaxRSS ${usage.maxRSS}\ncpuMs ${Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000)}\n${main}`);
});
