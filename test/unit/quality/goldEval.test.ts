import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { compareSpans, readGold, score, totalScores, type Span } from '../../support/goldEval';

/** The scorer behind every quality floor: if it flatters, every floor passes. */
describe('quality: the gold scorer', () => {
  const span = (kind: string, start: number, end: number): Span => ({ kind, start, end, text: 'x'.repeat(end - start) });

  it('scores 1:1 overlap matches per kind', () => {
    const gold = [span('date', 0, 5), span('date', 10, 15), span('treaty', 20, 30)];
    const predicted = [span('date', 1, 5), span('date', 40, 45), span('speaker', 20, 30)];
    const [date, treaty] = totalScores([compareSpans(gold, predicted, ['date', 'treaty'])], ['date', 'treaty']);
    assert.deepEqual([date!.tp, date!.fp, date!.fn], [1, 1, 1]);
    assert.equal(date!.f1, 0.5);
    assert.deepEqual([treaty!.tp, treaty!.fp, treaty!.fn, treaty!.f1], [0, 0, 1, 0]);
  });

  it('an empty gold set fails loudly instead of scoring F1 = 1', () => {
    assert.throws(() => score('date', 0, 0, 0), /no gold spans of kind 'date'/);
    assert.throws(() => score('date', 0, 3, 0), /no gold spans of kind 'date'/);
    assert.throws(() => totalScores([], ['speaker']), /no gold spans of kind 'speaker'/);
    assert.throws(() => totalScores([compareSpans([], [span('date', 0, 4)], ['date'])], ['date']), /no gold spans/);
  });

  it('an empty prediction set scores 0', () => {
    const [s] = totalScores([compareSpans([span('date', 0, 4)], [], ['date'])], ['date']);
    assert.deepEqual([s!.precision, s!.recall, s!.f1], [0, 0, 0]);
  });

  it('a gold file that is empty or not a list is an error naming the file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marginalia-gold-'));
    try {
      const empty = path.join(dir, 'empty.yaml');
      fs.writeFileSync(empty, '');
      assert.throws(() => readGold(empty), (e: Error) => e.message.includes(empty) && /YAML list of spans/.test(e.message));
      const map = path.join(dir, 'map.yaml');
      fs.writeFileSync(map, 'kind: date\n');
      assert.throws(() => readGold(map), (e: Error) => e.message.includes(map));
      const list = path.join(dir, 'list.yaml');
      fs.writeFileSync(list, '- {kind: date, start: 0, end: 4, text: "2013", value: 2013}\n');
      assert.deepEqual(readGold(list), [{ kind: 'date', start: 0, end: 4, text: '2013', value: '2013' }]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
