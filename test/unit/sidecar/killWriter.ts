/**
 * A child process for the kill and two-writer tests: saves a sidecar over and over through the real store and
 * Node file system, reporting each completed save on stdout, until it is killed or has done its work.
 *
 *   kill   <root> <document>           forever: version N+1 = annotations N-WINDOW+2..N+1, save, print "saved N+1"
 *   writer <root> <document> <name> <count> <seed>   adds <count> annotations of its own, saving after each
 *                                                     and reloading after some (chosen by the seeded generator)
 */
import { SidecarStore } from '../../../src/core/sidecar/sidecarStore';
import { isProcessAlive, NodeFileSystem } from '../../../src/hosts/nodeFileSystem';
import { seededRandom } from '../../support/seededRandom';
import { annotationForVersion, versionOf, WINDOW } from './killVersions';

async function main(): Promise<void> {
  const [mode, root, document, name, count, seed] = process.argv.slice(2);
  const store = new SidecarStore({ fs: new NodeFileSystem(), root, process: { pid: process.pid, isAlive: isProcessAlive } });
  const file = await store.open(document);
  if (file.state === 'failed') throw new Error(file.problems.join('\n'));
  if (mode === 'kill') {
    let n = versionOf(file.sidecar);
    process.stdout.write(`ready ${n}\n`);
    for (;;) {
      n++;
      file.edit({ type: 'putAnnotation', annotation: annotationForVersion(n) });
      if (n - WINDOW >= 1) file.edit({ type: 'removeAnnotation', id: annotationForVersion(n - WINDOW).id });
      await file.save();
      process.stdout.write(`saved ${n}\n`);
    }
  }
  const random = seededRandom(Number(seed ?? 1));
  for (let i = 1; i <= Number(count); i++) {
    const a = annotationForVersion(i);
    file.edit({ type: 'putAnnotation', annotation: { ...a, id: `a-${name}-${i}`, note: `${name} ${i}` } });
    if (i % 3 === 0) {
      // Also edit an earlier one of ours, so updates race with the other writer too.
      const earlier = file.sidecar.annotations.find((x) => x.id === `a-${name}-${i - 1}`);
      if (earlier) file.edit({ type: 'putAnnotation', annotation: { ...earlier, note: `${name} ${i - 1} edited` } });
    }
    await file.save();
    if (random() < 0.3) await file.reload();
  }
  process.stdout.write('done\n');
}

main().catch((e) => {
  process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
