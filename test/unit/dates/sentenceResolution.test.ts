import * as assert from 'node:assert/strict';
import { valuesIn } from './helpers';

/** Resolution that reads the sentence, not its tense alone (issue 16, item 2). */
describe('dates: the sentence decides where a partial date points', () => {
  it('a plan told in the past tense points forward: would, agreed to, scheduled for', () => {
    assert.deepEqual(valuesIn('The ministers agreed that the talks would take place on January 9-10 in Vienna.', '2021-12-30'), [
      ['January 9-10', '2022-01-09/2022-01-10'],
    ]);
    assert.deepEqual(valuesIn('The council said it would meet again on January 12.', '2021-12-30'), [['January 12', '2022-01-12']]);
    assert.deepEqual(valuesIn('Both sides agreed to meet on February 3.', '2021-12-30'), [['February 3', '2022-02-03']]);
    assert.deepEqual(valuesIn('The vote was scheduled for January 20.', '2021-12-30'), [['January 20', '2022-01-20']]);
  });

  it('a finished event in the past tense still points back', () => {
    assert.deepEqual(valuesIn('The delegates met in Vienna on December 12.', '2022-01-05'), [['December 12', '2021-12-12']]);
    assert.deepEqual(valuesIn('He said the talks had ended on December 20.', '2022-01-05'), [['December 20', '2021-12-20']]);
  });

  it('irregular past forms are past: made, took, gave, held, began', () => {
    assert.deepEqual(valuesIn('We will act on the decision the President made in December.', '2019-02-02'), [['December', '2018-12']]);
    assert.deepEqual(valuesIn('They will build on the talks we held in November.', '2019-02-02'), [['November', '2018-11']]);
    assert.deepEqual(valuesIn('The parliament took that vote in October.', '2019-02-02'), [['October', '2018-10']]);
  });

  it('"as previously scheduled" does not move a plan into the past', () => {
    assert.deepEqual(valuesIn('The meeting will go ahead on Monday as it was previously scheduled.', '2021-12-30'), [['Monday', '2022-01-03']]);
    assert.deepEqual(valuesIn('The summit went ahead on Monday as previously scheduled.', '2021-12-30'), [['Monday', '2021-12-27']]);
  });
});

describe('dates: a day of the month on its own ("on the 12th")', () => {
  it('takes the month the sentence points to from the document date', () => {
    assert.deepEqual(
      valuesIn('The ministers agreed to talks starting on the 9th and 10th in Geneva, a council meeting on the 12th, and a summit on the 13th.', '2021-12-30'),
      [
        ['9th and 10th', '2022-01-09/2022-01-10'],
        ['12th', '2022-01-12'],
        ['13th', '2022-01-13'],
      ],
    );
    assert.deepEqual(valuesIn('Protesters marched in the capital on the 29th against the visit.', '2004-11-30'), [['29th', '2004-11-29']]);
    assert.deepEqual(valuesIn('Thousands marched on the 30th.', '2004-11-30'), [['30th', '2004-11-30']]);
  });

  it('keeps the day without a document date', () => {
    assert.deepEqual(valuesIn('The talks resume on the 12th.'), [['12th', 'XXXX-XX-12']]);
  });

  it('leaves ordinals that count something else', () => {
    assert.deepEqual(valuesIn('They met on the 25th anniversary of the treaty.', '2021-12-30'), []);
    assert.deepEqual(valuesIn('The office is on the 5th floor.', '2021-12-30'), []);
    assert.deepEqual(valuesIn('It changed in the 20th and 21st centuries.', '2021-12-30'), []);
    assert.deepEqual(valuesIn('He finished 3rd in the race.', '2021-12-30'), []);
  });
});

describe('dates: holidays as points in time', () => {
  it('tags Christmas and New Year after a time word, resolved like a month and day', () => {
    assert.deepEqual(valuesIn('I suspect that soon after Christmas we will have our 17th inspection.', '2011-12-23'), [['Christmas', '2011-12-25']]);
    assert.deepEqual(valuesIn('The talks stalled before Christmas.', '2012-01-10'), [['Christmas', '2011-12-25']]);
    assert.deepEqual(valuesIn("The treaty enters into force on New Year's Day.", '2021-12-20'), [["New Year's Day", '2022-01-01']]);
    assert.deepEqual(valuesIn('We hope to finish by New Year.', '2021-12-20'), [['New Year', '2022-01-01']]);
    assert.deepEqual(valuesIn('He spoke on Christmas Eve.', '2021-12-28'), [['Christmas Eve', '2021-12-24']]);
  });

  it('leaves greetings, names and the holiday season', () => {
    assert.deepEqual(valuesIn('We wish him a Merry Christmas and a Happy New Year.', '2009-12-18'), []);
    assert.deepEqual(valuesIn('We begin this holiday season with a tremendous achievement.', '2010-12-23'), []);
    assert.deepEqual(valuesIn('The Christmas truce of 1914 was short.', '2010-12-23'), [['1914', '1914']]);
    assert.deepEqual(valuesIn('Christmas Island lies south of Java.', '2010-12-23'), []);
  });
});

describe('dates: the year of the narrative', () => {
  it('a month after a date of another year in the paragraph takes that year', () => {
    assert.deepEqual(valuesIn('In June 2018 the two leaders met in Singapore. In October they met again in Hanoi.', '2021-12-30'), [
      ['June 2018', '2018-06'],
      ['October', '2018-10'],
    ]);
    assert.deepEqual(valuesIn('The treaty was signed in 1987. In May the Senate ratified it.', '2021-12-30'), [
      ['1987', '1987'],
      ['May', '1987-05'],
    ]);
    assert.deepEqual(valuesIn('In June 2018 the two leaders met in Singapore. In October they met again.'), [
      ['June 2018', '2018-06'],
      ['October', '2018-10'],
    ]);
  });

  it('a date in the document year, the dateline or a future plan leave it to the document date', () => {
    assert.deepEqual(valuesIn('February 2, 2019. We follow through on the decision the President made in December.', '2019-02-02'), [
      ['February 2, 2019', '2019-02-02'],
      ['December', '2018-12'],
    ]);
    assert.deepEqual(valuesIn('The treaty was signed in 2010. The parties will meet in March.', '2021-12-30'), [
      ['2010', '2010'],
      ['March', '2022-03'],
    ]);
  });
});

describe('dates: a year inside a name', () => {
  it('a year right after a capitalised name word is part of the name', () => {
    assert.deepEqual(valuesIn('Russia held the Zapad 2021 exercises near the border.', '2021-12-30'), []);
    assert.deepEqual(valuesIn('Visitors came to Expo 2020 in Dubai.', '2021-12-30'), []);
    assert.deepEqual(valuesIn('The Fiscal Year 2020 National Defense Authorization Act passed.', '2021-12-30'), []);
  });

  it('keeps years after a capitalised sentence opener, a month or a season', () => {
    assert.deepEqual(valuesIn('In 2021 the exercises were larger. Since 2014 relations have soured.', '2021-12-30'), [
      ['2021', '2021'],
      ['2014', '2014'],
    ]);
    assert.deepEqual(valuesIn('The 2020 election was close.', '2021-12-30'), [['2020', '2020']]);
    assert.deepEqual(valuesIn('They met in Summer 2019.', '2021-12-30'), [['Summer 2019', '2019-SU']]);
  });
});

describe('dates: counted from today, and the weekend just past', () => {
  it('"ninety days from today" is the day that many days ahead', () => {
    assert.deepEqual(valuesIn('Ninety days from today, the resolution takes effect.', '2015-07-20'), [['Ninety days from today', '2015-10-18']]);
    assert.deepEqual(valuesIn('The deadline is two weeks from today.', '2015-07-20'), [['two weeks from today', '2015-08-03']]);
    assert.deepEqual(valuesIn('It starts 10 days from today.', '2015-07-20'), [['10 days from today', '2015-07-30']]);
  });

  it('"this weekend" in a past-tense sentence written on a weekday is the weekend just past', () => {
    assert.deepEqual(valuesIn('He was sworn in by deputies this weekend.', '2004-11-24'), [['this weekend', '2004-W47-WE']]);
    assert.deepEqual(valuesIn('He will be sworn in this weekend.', '2004-11-24'), [['this weekend', '2004-W48-WE']]);
  });
});

describe('dates: years before the common era', () => {
  it('tags "421 BC" as one span with a BC value', () => {
    assert.deepEqual(valuesIn('The Peace of Nicias was signed in 421 BC.'), [['421 BC', 'BC0421']]);
    assert.deepEqual(valuesIn('Athens fell in 404 B.C. after a long siege.'), [['404 B.C.', 'BC0404']]);
    assert.deepEqual(valuesIn('It was built around 2560 BCE.'), [['2560 BCE', 'BC2560']]);
  });

  it('leaves numbers before other capitals', () => {
    assert.deepEqual(valuesIn('The station broadcast on 421 BCD channels.'), []);
  });
});
