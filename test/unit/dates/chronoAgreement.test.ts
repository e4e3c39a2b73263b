import * as assert from 'node:assert/strict';
import { CalendarReader, type CalendarParse, NAMED_PARSERS, readWithChrono, NUMERIC_PARSERS, strictParserNames } from '../../../src/core/recognizers/dates/chronoAdapter';
import { AnalysisCache } from '../../../src/core/analysisCache';
import { EMPTY_LEXICON } from '../../../src/core/lexicon/lexicon';
import { recognizeDates } from '../../../src/core/recognizers/dates/dateRecognizer';
import { RecognizerState } from '../../../src/core/recognizers/recognizerState';
import { datesIn, spansIn, valuesIn } from './helpers';

const calendar = new CalendarReader();

/** The value chrono's reading of a window gives a day or a range of days, in our notation. */
function chronoValue(chrono: CalendarParse): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const day = (y: number | undefined, m: number | undefined, d: number | undefined) => `${y ?? 'XXXX'}-${pad(m as number)}-${pad(d as number)}`;
  const first = day(chrono.year, chrono.month, chrono.day);
  return chrono.end ? `${first}/${day(chrono.end.year ?? chrono.year, chrono.end.month ?? chrono.month, chrono.end.day)}` : first;
}

// Plain "Month D, YYYY" / "D Month YYYY" dates are read by the scan's own expression, the rest by chrono-node.
// Both must read the same day, or the fast path would change results depending on the form.
describe('dates: the fast path agrees with chrono-node', () => {
  const forms = ['December 1', 'July 1, 2022', '24 May 2002', 'Dec. 5', 'January 30', 'December 22nd', '3 Sept 2019', 'Feb 28, 2023', '1 March 2018'];
  for (const form of forms) {
    it(form, () => {
      const chrono = calendar.parse(form);
      assert.ok(chrono, 'chrono reads it');
      assert.equal(chrono.length, form.length, 'chrono reads the same span');
      const [ours] = datesIn(`Talks were held on ${form}.`);
      assert.ok(ours);
      assert.equal(ours.text, form);
      const pad = (n: number) => String(n).padStart(2, '0');
      assert.equal(ours.value, `${chrono.year ?? 'XXXX'}-${pad(chrono.month as number)}-${pad(chrono.day as number)}`);
    });
  }
});

// Weekday-led dates and ranges of days in one month are read by the scan too (chrono's first meeting with each
// form costs 10-15 ms of lazy compilation in a short-lived CLI process).
describe('dates: the fast path agrees with chrono-node on weekdays and ranges', () => {
  const forms = ['Thursday, December 23', 'Thursday, December 23, 2021', 'Friday, Dec. 3', '8–9 March 2016', '1-5 February', '12 to 14 June 2019', 'March 8-9, 2007'];
  for (const form of forms) {
    it(form, () => {
      const chrono = calendar.parse(form);
      assert.ok(chrono, 'chrono reads it');
      assert.equal(chrono.length, form.length, 'chrono reads the same span');
      const [ours] = datesIn(`Talks were held on ${form}.`);
      assert.ok(ours);
      assert.equal(ours.text, form);
      assert.equal(ours.value, chronoValue(chrono));
    });
  }

  it('reads "July 10–12" as the range (chrono stops at "July 10")', () => {
    assert.equal(calendar.parse('July 10–12')?.length, 'July 10'.length);
    assert.deepEqual(valuesIn('The session runs July 10–12, 2024 in Vienna.'), [['July 10–12, 2024', '2024-07-10/2024-07-12']]);
  });

  it('reads "March 8 and 9, 2007" as the two days, as chrono plus the scan did', () => {
    const [ours] = datesIn('The rounds took place on March 8 and 9, 2007, in Geneva.');
    assert.equal(ours?.text, 'March 8 and 9, 2007');
    assert.equal(ours?.value, '2007-03-08/2007-03-09');
  });

  it('ends a date at the full stop after a full month name, so the next sentence\'s weekday stays apart', () => {
    const found = datesIn('The summit ran 1 to 5 February. Wednesday brought the vote.');
    assert.deepEqual(found.map((d) => d.text), ['1 to 5 February', 'Wednesday']);
    assert.deepEqual(datesIn('It was signed on 5 February. Monday was quiet.').map((d) => d.text), ['5 February', 'Monday']);
  });

  it('finds every parser the cut configurations name in the installed chrono-node', () => {
    const names = new Set(strictParserNames());
    for (const name of [...NUMERIC_PARSERS, ...NAMED_PARSERS]) assert.ok(names.has(name), `${name} is a parser of chrono's strict configuration`);
  });
});

// "2 of February", "24th of May 2002": a day before "of" and a month name is read by the scan as the same form
// without "of" is. chrono's expression for it is its largest: its first use in a process cost more than the rest
// of the dates of a 1 MiB text.
describe('dates: the fast path reads a day "of" a month as chrono-node does, without chrono', () => {
  const forms = ['2 of February', '24th of May 2002', '1st of March, 2019', '3rd of Sept. 2019', '5 of Dec. 2020', '8 to 9 of March', '8-9 of March 2016'];
  for (const form of forms) {
    it(form, () => {
      const chrono = new CalendarReader().parse(form);
      assert.ok(chrono, 'chrono reads it');
      assert.equal(chrono.length, form.length, 'chrono reads the same span');
      const state = new RecognizerState(new AnalysisCache());
      const [ours] = recognizeDates(`Talks were held on ${form}.`, { lexicon: EMPTY_LEXICON, state });
      assert.ok(ours);
      assert.equal(ours.text, form);
      assert.equal(ours.value, chronoValue(chrono));
      assert.equal(state.cache.calendar.size, 0, 'chrono read no window');
    });
  }

  it('leaves an impossible day alone and reads the month after it, as before', () => {
    assert.deepEqual(spansIn('It fell on 31 of April, they said.'), ['April']);
  });
});

// A slashed numeric date ("5/12/23", "31/12/1999") is read without chrono-node when it names a valid day: chrono
// is built (its configuration, its parsers) for each analysis without a shared cache, at a cost well above the
// rest of a short document's dates.
describe('dates: slashed numeric dates are read as chrono-node reads them, without chrono', () => {
  class CountingReader extends CalendarReader {
    built = 0;
    override chrono(which: 'numeric' | 'named' | 'all') {
      this.built++;
      return super.chrono(which);
    }
  }

  it('agrees with chrono on every day-month order, impossible day and two- or four-digit year', () => {
    const fast = new CountingReader();
    const reference = new CalendarReader();
    for (const year of ['23', '50', '51', '99', '00', '1999', '2024', '0023']) {
      for (let a = 0; a <= 33; a++) {
        for (let b = 0; b <= 33; b += a % 3 === 0 ? 1 : 7) {
          const window = `${a}/${b}/${year}`;
          assert.deepEqual(fast.parse(window), readWithChrono(window, reference), window);
        }
      }
    }
  });

  it('builds no chrono for a valid slashed date', () => {
    const reader = new CountingReader();
    assert.deepEqual(reader.parse('5/12/23'), { index: 0, length: 7, year: 2023, month: 5, day: 12, weekday: undefined });
    assert.deepEqual(reader.parse('31/12/1999'), { index: 0, length: 10, year: 1999, month: 12, day: 31, weekday: undefined });
    assert.equal(reader.built, 0);
    reader.parse('2/30/23');
    assert.ok(reader.built > 0, 'an impossible day is left to chrono');
  });
});
