// Preloaded with `node -r` into a benchmarked process: reports its peak resident memory (KiB), the CPU time of all
// its threads (ms) and, where Linux's /proc has it, its main thread's time on a CPU (ms) on exit, on stderr. The
// main thread's figure is what the wall time would be on an idle machine with a core to spare for V8's helper
// threads (compilation, garbage collection): on a loaded one the wall time mostly measures the others.
// `helperCpuMs` is the time of the threads still there at exit besides the main one: V8's helper threads and
// libuv's thread pool. Worker threads have stopped by then: the rest of `cpuMs` is theirs. A worker thread loads
// this too (it inherits the preload) and says nothing: its exit comes before the process's.
if (!require('node:worker_threads').isMainThread) return;
process.on('exit', () => {
  const fs = require('node:fs');
  const usage = process.resourceUsage();
  let threads = '';
  try {
    const onCpuMs = (tid) => Number(fs.readFileSync(`/proc/self/task/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
    const helpers = fs.readdirSync('/proc/self/task').filter((tid) => tid !== String(process.pid));
    threads = `mainCpuMs ${Math.round(onCpuMs(process.pid))}\nhelperCpuMs ${Math.round(helpers.reduce((ms, tid) => ms + onCpuMs(tid), 0))}\n`;
  } catch {
    // not Linux
  }
  fs.writeSync(2, `\nmaxRSS ${usage.maxRSS}\ncpuMs ${Math.round((usage.userCPUTime + usage.systemCPUTime) / 1000)}\n${threads}`);
});
