import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { analyzeCommand, type JsonEntity } from '../../../src/cli/analyzeCommand';
import type { CliIo } from '../../../src/cli/cliIo';
import { compareSpans, readGold, timemlDocumentDate, type Comparison } from '../../support/goldEval';
import { requireShared } from '../../support/sharedData';
import { asTimeml, tempevalComparisons, valueAccuracy } from '../../support/tempeval';

const MIN_CORRECT_WITH_DATES = 17;

/**
 * Issue 16: "the CLI reaches the same with --document-date". Each TempEval-3 text is copied to a temp folder under a
 * name without a date (its own name, AP_20130322, would give the CLI the date from the file name) and analysed by
 * `marginalia analyze --format json`, with its creation date as --document-date and without.
 */
describe('quality: TempEval-3 through marginalia analyze --document-date', function () {
  this.timeout(60_000);
  let dir: string | undefined;
  after(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  async function cliComparisons(dataset: string, withCreationDates: boolean): Promise<Comparison[]> {
    dir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-tempeval-'));
    const stems = fs.readdirSync(dataset).filter((f) => f.endsWith('.dates.yaml')).sort().map((f) => f.replace(/\.dates\.yaml$/, ''));
    assert.ok(stems.length > 0, `${dataset} holds no *.dates.yaml gold files`);
    const out: Comparison[] = [];
    for (const [i, stem] of stems.entries()) {
      const file = `document-${i + 1}.txt`;
      fs.copyFileSync(path.join(dataset, `${stem}.txt`), path.join(dir, file));
      const dct = timemlDocumentDate(path.join(dataset, `${stem}.tml`));
      assert.ok(dct, `${stem}.tml has no creation date`);
      const args = ['--format', 'json', ...(withCreationDates ? ['--document-date', dct] : []), file];
      const io: CliIo & { out: string; err: string } = { out: '', err: '', cwd: dir, stdout: (t) => void (io.out += t), stderr: (t) => void (io.err += t) };
      assert.equal(await analyzeCommand.run(args, io), 0, `marginalia analyze ${args.join(' ')}: ${io.err}`);
      const [doc] = (JSON.parse(io.out) as { documents: { documentDate?: { value: string; source: string }; entities: JsonEntity[] }[] }).documents;
      if (withCreationDates) assert.deepEqual(doc?.documentDate, { value: dct, source: 'option' }, `${stem}: the document date used`);
      const dates = (doc?.entities ?? []).filter((e) => e.kind === 'date').map((e) => ({ kind: e.kind, start: e.start, end: e.end, text: e.text, value: e.value }));
      out.push(compareSpans(readGold(path.join(dataset, `${stem}.dates.yaml`)), asTimeml(dates), ['date']));
    }
    return out;
  }

  it(`>= ${MIN_CORRECT_WITH_DATES} values right with --document-date, as many as in-process with creation dates; printed without`, async function () {
    const dataset = requireShared(this, 'datasets', 'tempeval3-platinum');
    const withDates = valueAccuracy(await cliComparisons(dataset, true));
    const without = valueAccuracy(await cliComparisons(dataset, false));
    const inProcess = valueAccuracy(tempevalComparisons(dataset, true));
    console.log(
      `    TempEval-3 values right through the CLI: ${withDates.correct}/${withDates.matched} with --document-date, ${without.correct}/${without.matched} without` +
        ` (in-process with creation dates: ${inProcess.correct}/${inProcess.matched})`,
    );
    assert.ok(withDates.correct >= MIN_CORRECT_WITH_DATES, `${withDates.correct}/${withDates.matched}\n${withDates.wrong.join('\n')}`);
    assert.deepEqual([withDates.correct, withDates.matched], [inProcess.correct, inProcess.matched], 'the CLI and the in-process analysis differ');
  });
});
