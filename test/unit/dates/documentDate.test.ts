import * as assert from 'node:assert/strict';
import { detectDocumentDate } from '../../../src/core/recognizers/dates/dateRecognizer';

describe('dates: detectDocumentDate', () => {
  it('reads a time stamp line', () => {
    const text = 'Headline about talks\n\nSubtitle line here\n\n12:55 - 29/11/2023 Wednesday\nFile Photo\n\nThe minister said on Wednesday...';
    const d = detectDocumentDate(text);
    assert.deepEqual(d, { value: '2023-11-29', source: 'dateline', start: text.indexOf('29/11'), end: text.indexOf('Wednesday\n') + 9 });
  });

  it('reads a city dateline without a year as XXXX-MM-DD', () => {
    const text = 'Moscow. December 22nd. INTERFAX - The deputy minister said in an interview...';
    assert.deepEqual(detectDocumentDate(text), { value: 'XXXX-12-22', source: 'dateline', start: 8, end: 21 });
  });

  it('reads agency datelines, labels, a date line and an ISO date', () => {
    assert.equal(detectDocumentDate('WASHINGTON, Jan. 21, 2021 (Reuters) - The White House said...')?.value, '2021-01-21');
    assert.equal(detectDocumentDate('MOSCOW, December 22. /TASS/. Russia expects...')?.value, 'XXXX-12-22');
    assert.equal(detectDocumentDate('Published: January 21, 2021\n\nText of the article.')?.value, '2021-01-21');
    assert.equal(detectDocumentDate('Press briefing\nJanuary 21, 2021\n\nMS. PSAKI: Good afternoon.')?.value, '2021-01-21');
    assert.equal(detectDocumentDate('2021-06-16\n\nJoint statement on strategic stability.')?.value, '2021-06-16');
  });

  it('reads a full date ending a title line at the top', () => {
    assert.equal(detectDocumentDate('Evening Review, City Radio, 3 October 2023\nHost: A. Person\n\nGood evening.')?.value, '2023-10-03');
  });

  it('reads long title lines (a readout or briefing named by its subject) and says the date came from the title', () => {
    const readout =
      "Readout of President Joseph R. Biden, Jr.'s Call with President Vladimir Putin of Russia on the Situation in Ukraine and Strategic Stability, December 30, 2021\n\nToday the President spoke.";
    assert.deepEqual(detectDocumentDate(readout), { value: '2021-12-30', source: 'title', start: readout.indexOf('December 30'), end: readout.indexOf(', 2021') + 6 });
    const briefing = 'Press Briefing by Press Secretary Jen Psaki and National Security Advisor Jake Sullivan, January 21, 2021\n\nMS. PSAKI: Hi.';
    assert.equal(detectDocumentDate(briefing)?.value, '2021-01-21');
  });

  it('reads datelines with a place in several parts', () => {
    assert.equal(detectDocumentDate('WASHINGTON, D.C., June 16, 2021 — The presidents met.')?.value, '2021-06-16');
    assert.equal(detectDocumentDate('UNITED NATIONS, New York, 3 March 2022. The Council met.')?.value, '2022-03-03');
    assert.equal(detectDocumentDate('MOSCOW, Feb 14 (TASS) - Talks went on.')?.value, 'XXXX-02-14');
  });

  it('ignores dates inside sentences and captions', () => {
    assert.equal(detectDocumentDate('Deputy Foreign Minister Sergei Ryabkov on Thursday, December 23, spoke about the goals.'), undefined);
    assert.equal(detectDocumentDate('*“We are committed to the principle,\nnothing about Europe without Europe.”\nSecretary of State Tony Blinken, January 7, 2022*\n\nBody.'), undefined);
    assert.equal(detectDocumentDate('-   January 10: The ambassador will meet allies.'), undefined);
  });

  it('looks only at the header', () => {
    const text = `${'A long opening paragraph without any date in it at all. '.repeat(30)}\n\nJanuary 21, 2021\n`;
    assert.equal(detectDocumentDate(text), undefined);
  });
});
