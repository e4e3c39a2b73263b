// Per-thread CPU time for the benchmarks (Linux /proc): the editor bench's extension host, the scan bench's worker.
import * as fs from 'node:fs';

/**
 * CPU time (ms) of this process's main thread and of the others, from /proc (Linux): the host's CPU figure counts
 * every thread, and V8's helper threads (garbage collection, compilation; all named "node") are a part of it worth
 * seeing apart. Empty where /proc is not there.
 */
export function threadCpu(): Map<string, number> {
  const out = new Map<string, number>();
  const ticks = 100; // USER_HZ on Linux
  let tids: string[];
  try {
    tids = fs.readdirSync('/proc/self/task');
  } catch {
    return out;
  }
  for (const tid of tids) {
    try {
      const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const name = tid === String(process.pid) ? 'main' : 'others';
      out.set(name, (out.get(name) ?? 0) + ((Number(fields[11]) + Number(fields[12])) * 1000) / ticks);
    } catch {
      // the thread ended meanwhile
    }
  }
  return out;
}
