import * as fs from 'node:fs';
import * as inspector from 'node:inspector';
import { DeskData } from '../src/core/desk/deskData';
import { analyzeCold } from '../src/core/scan/coldAnalysis';
import { BUILTIN_LEXICON } from '../src/core/lexicon/builtinLexicon';
import { WorkspaceIndex } from '../src/core/index/workspaceIndex';
import { distinctBench } from './benchText';

const { docs } = distinctBench();
const index = new WorkspaceIndex();
for (const file of docs) {
  const bytes = fs.readFileSync(file);
  index.setDocument(`file://${file}`, bytes, analyzeCold(new TextDecoder('utf-8').decode(bytes), BUILTIN_LEXICON, file));
}
const session = new inspector.Session();
session.connect();
const post = (m: string, p?: object) => new Promise<any>((res, rej) => session.post(m, p ?? {}, (e, r) => (e ? rej(e) : res(r))));
const ms = (c: NodeJS.CpuUsage) => { const u = process.cpuUsage(c); return ((u.user + u.system) / 1000).toFixed(1); };
(async () => {
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  const gc = (globalThis as { gc?: () => void }).gc;
  const fresh0 = new DeskData(index); fresh0.topics(); fresh0.timeline();
  await post('Profiler.start');
  for (let i = 0; i < 10; i++) {
    gc?.();
    const fresh = new DeskData(index);
    let c = process.cpuUsage();
    fresh.topics();
    const t1 = ms(c);
    c = process.cpuUsage();
    fresh.timeline();
    console.log('topics', t1, 'timeline', ms(c));
  }
  const { profile } = await post('Profiler.stop');
  fs.writeFileSync('/tmp/l10n6-prof/p.cpuprofile', JSON.stringify(profile));
})();
