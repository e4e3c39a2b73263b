// The analyst's desk on 1,000 documents (`npm run bench desk`): ../shared/corpus/bench/docs-1000 indexed as the
// scanner indexes closed files (cold, with their bytes), then the data of the views built from that index in plain
// Node, as the extension builds it when a view opens: the Quotes view's list (quotes with their treaties, then a
// treaty filter; beside it the list without treaties, as the view was before), the timeline's items and its page's markup (the picture and the table's first page, as the page opens), the speaker x treaty table. The target is to open
// under 300 ms. Each figure is the median of several runs from a fresh DeskData, after a full collection (a cold
// document's decoded text is held weakly, so each run decodes again, as after a pause in the editor). Each figure
// is this process's CPU time, which the other work on a shared machine changes less than the wall clock (the wall
// clock's median is printed beside it).
import * as fs from 'node:fs';
import { DeskData } from '../src/core/desk/deskData';
import { filterTopics } from '../src/core/desk/quoteTopics';
import { TABLE_PAGE_ROWS, timelineSvg, timelineTable } from '../src/core/desk/timelineSvg';
import { quotesByPerson } from '../src/core/index/quoteList';
import { analyzeCold } from '../src/core/scan/coldAnalysis';
import { BUILTIN_LEXICON } from '../src/core/lexicon/builtinLexicon';
import { WorkspaceIndex } from '../src/core/index/workspaceIndex';
import { distinctBench } from './benchText';

const RUNS = 7;
const TARGET_MS = 300;

const { docs } = distinctBench();
const index = new WorkspaceIndex();
const t0 = performance.now();
for (const file of docs) {
  const bytes = fs.readFileSync(file);
  const text = new TextDecoder('utf-8').decode(bytes);
  // As the scanner does: a date in the file's name dates a text that has none of its own.
  index.setDocument(`file://${file}`, bytes, analyzeCold(text, BUILTIN_LEXICON, file));
}
console.log(`indexed ${docs.length} documents in ${((performance.now() - t0) / 1000).toFixed(1)} s (not part of the figures)`);

const gc = (globalThis as { gc?: () => void }).gc;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const names = ['quotesByPerson', 'quotes', 'quotesByTreaty', 'timeline', 'timelineMarkup', 'speakerTreaty'] as const;
const figures = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<(typeof names)[number], number[]>;
const walls = Object.fromEntries(names.map((n) => [n, [] as number[]])) as Record<(typeof names)[number], number[]>;
/** Runs `f`, adding its CPU and wall milliseconds to the figure `name`. */
function timed<T>(name: (typeof names)[number], f: () => T): T {
  const cpu = process.cpuUsage();
  const t = performance.now();
  const out = f();
  walls[name].push(performance.now() - t);
  const used = process.cpuUsage(cpu);
  figures[name].push((used.user + used.system) / 1000);
  return out;
}
let sizes = '';
for (let run = 0; run < RUNS; run++) {
  gc?.();
  timed('quotesByPerson', () => quotesByPerson(index));
  gc?.();
  const desk = new DeskData(index);
  const people = timed('quotes', () => desk.topics());
  const firstTreaty = desk.timeline().treaties[0]?.key;
  const filtered = timed('quotesByTreaty', () => filterTopics(people, { treaty: firstTreaty }));
  gc?.();
  const fresh = new DeskData(index);
  fresh.topics();
  const data = timed('timeline', () => fresh.timeline());
  const options = { colourBy: 'person' as const, treatyName: (k: string) => index.displayName(k), documentName: (u: string) => u.slice(u.lastIndexOf('/') + 1) };
  const html = timed('timelineMarkup', () => timelineSvg(data, options) + timelineTable(data, options, TABLE_PAGE_ROWS));
  const table = timed('speakerTreaty', () => desk.speakerTreaties());
  const quotes = people.reduce((n, p) => n + p.quotes.length, 0);
  sizes = `${people.length} people, ${quotes} quotes (${filtered.length} people quoted about the first treaty by name), ${data.items.length} timeline items (${data.unplaced} unplaced), ${(html.length / 1e6).toFixed(1)} MB of markup, ${table.length} rows of speaker x treaty`;
}
console.log(sizes);
for (const name of names) {
  const xs = figures[name];
  console.log(`${name.padEnd(16)} CPU median ${median(xs).toFixed(1)} ms (fastest ${Math.min(...xs).toFixed(1)}, slowest ${Math.max(...xs).toFixed(1)}); wall median ${median(walls[name]).toFixed(1)} ms`);
}
const quotesView = median(figures.quotes);
const timelineOpen = median(figures.quotes) + median(figures.timeline) + median(figures.timelineMarkup);
console.log(`Quotes view opens in ${quotesView.toFixed(0)} ms, the timeline (its quotes, items and markup) in ${timelineOpen.toFixed(0)} ms; target ${TARGET_MS} ms each`);
if (quotesView > TARGET_MS || timelineOpen > TARGET_MS) console.log('!! over the target');
