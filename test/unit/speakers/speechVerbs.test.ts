import * as assert from 'node:assert/strict';
import { only, speakers, speakerTexts } from './helpers';

describe('speakers: subjects of speech verbs', () => {
  it('tags the subject of each common speech verb', () => {
    const verbs = ['said', 'says', 'told reporters', 'stressed', 'noted', 'added', 'announced', 'stated', 'warned', 'emphasized',
      'explained', 'predicted', 'claims', 'pointed out', 'reiterated', 'expressed the hope', 'spoke about it', 'revealed',
      'called on Europe', 'made clear', 'reaffirmed', 'proposed'];
    for (const verb of verbs) {
      assert.deepEqual(speakerTexts(`Later that day Olga Marchenko ${verb} that the plan was sound.`), ['Olga Marchenko'], verb);
    }
  });

  it('keeps the title out of the span and in attributes, with the rule that fired', () => {
    const m = only('Deputy Foreign Minister Sergei Ryabkov said the talks were over.', 'Sergei Ryabkov');
    assert.equal(m.attributes?.role, 'Deputy Foreign Minister');
    assert.equal(m.attributes?.rule, 'speech-verb');
    assert.equal(only('Russian Deputy Foreign Minister Sergei Ryabkov said so.', 'Sergei Ryabkov').attributes?.title, 'Deputy Foreign Minister');
    assert.equal(only('Kremlin spokesman Dmitry Peskov said so.', 'Dmitry Peskov').attributes?.role, 'Kremlin spokesman');
  });

  it('passes auxiliaries, adverbs and a date between the name and the verb', () => {
    assert.deepEqual(speakerTexts('Tomas Berg has also repeatedly said that the deal is dead.'), ['Tomas Berg']);
    assert.deepEqual(speakerTexts('Vera Lind on Thursday, December 23, spoke about the goals of the talks.'), ['Vera Lind']);
    assert.deepEqual(speakerTexts('Ivan Petrov formally announced that he would leave.'), ['Ivan Petrov']);
  });

  it('passes an appositive, an aside between commas, and a party tag in parentheses', () => {
    const a = only('Nadia Kowal, the agency spokeswoman, told reporters the site was closed.', 'Nadia Kowal');
    assert.equal(a.attributes?.role, 'agency spokeswoman');
    assert.deepEqual(speakerTexts('Paul Reyes, in a written statement, added that talks would go on.'), ['Paul Reyes']);
    assert.deepEqual(speakerTexts('Representative Adam Smith (D-Wash.) said the bill was flawed.'), ['Adam Smith']);
    assert.deepEqual(speakerTexts('the chief negotiator of the ministry, Lena Ortiz, announced a pause.'), ['Lena Ortiz']);
  });

  it('keeps a name suffix and handles particles, hyphens and initials', () => {
    assert.deepEqual(speakerTexts('President Joseph R. Biden, Jr. spoke today with his counterpart.'), ['Joseph R. Biden, Jr.']);
    assert.deepEqual(speakerTexts('Ursula von der Leyen said Europe would answer.'), ['Ursula von der Leyen']);
    assert.deepEqual(speakerTexts('Ahmad al-Rashid told state television that the war was over.'), ['Ahmad al-Rashid']);
    assert.deepEqual(speakerTexts('Press secretary Anne-Marie Duval-Crowe stated the plan.'), ['Anne-Marie Duval-Crowe']);
    assert.deepEqual(speakerTexts('George H. W. Bush said the wall had fallen.'), ['George H. W. Bush']);
  });

  it('reads names with letters outside ASCII and transliterated Russian names', () => {
    assert.deepEqual(speakerTexts('François Mitterrand said Europe must unite.'), ['François Mitterrand']);
    assert.deepEqual(speakerTexts('Volodymyr Zelenskyy warned that strikes would continue.'), ['Volodymyr Zelenskyy']);
    assert.deepEqual(speakerTexts('Yuriy Ushakov noted the date was set.'), ['Yuriy Ushakov']);
  });

  it('tags coordinated subjects', () => {
    assert.deepEqual(speakerTexts('President Arne Holm and Chancellor Mira Vogt declared that the border was open.'), ['Arne Holm', 'Mira Vogt']);
  });

  it('needs a quotation or a that-clause after a weak verb', () => {
    assert.deepEqual(speakerTexts('Karl Enge described the accord as "a step forward".'), ['Karl Enge']);
    assert.deepEqual(speakerTexts('Karl Enge responded, "We are ready."'), ['Karl Enge']);
    assert.deepEqual(speakerTexts('Karl Enge responded to the strike by ordering a build-up.'), []);
    assert.deepEqual(speakerTexts('Karl Enge declared a state of emergency.'), []);
    // A that-clause right after the weak verb makes it speech, with nothing quoted anywhere in the sentence.
    for (const verb of ['declared', 'denied', 'admitted', 'promised', 'complained']) {
      assert.deepEqual(speakerTexts(`Karl Enge ${verb} that the border was open.`), ['Karl Enge'], verb);
    }
  });

  it('"released the following statement"', () => {
    assert.deepEqual(speakerTexts('Senator Ruth Alder released the following statement on the vote.'), ['Ruth Alder']);
  });
});

describe('speakers: attributions around quotations and sources', () => {
  it('a name after a quotation: "…," Ryabkov said / said Ryabkov', () => {
    assert.deepEqual(speakerTexts('"We will not give in," Ryabkov said.'), ['Ryabkov']);
    const inv = only('"We will not give in," said Deputy Minister Oleg Sorin.', 'Oleg Sorin');
    assert.equal(inv.attributes?.rule, 'speech-verb-inverted');
    assert.equal(inv.attributes?.role, 'Deputy Minister');
    assert.deepEqual(speakerTexts('Ties unlikely to improve, says Deputy Foreign Minister Ryabkov'), ['Ryabkov']);
  });

  it('does not take the subject of a reported clause for the speaker', () => {
    assert.deepEqual(speakerTexts('He said President Holm would travel next week.'), []);
  });

  it('"according to X", not to a pronoun, a description or an organisation', () => {
    assert.equal(only('According to Ryabkov, the red lines are clear.', 'Ryabkov').attributes?.rule, 'according-to');
    assert.deepEqual(speakerTexts('According to him, the talks failed.'), []);
    assert.deepEqual(speakerTexts('According to the Deputy Foreign Minister, NATO is to blame.'), []);
    assert.deepEqual(speakerTexts('According to Russia, Turkey gave no reason.'), []);
    assert.deepEqual(speakerTexts('"It is madness," he said, according to the Associated Press.'), []);
  });

  it('"quoted X as saying", "X was quoted as saying"', () => {
    assert.equal(only('The magazine quoted Ryabkov as saying that NATO must stop.', 'Ryabkov').attributes?.rule, 'quoted-as-saying');
    assert.deepEqual(speakerTexts('Foreign Minister Sergey Lavrov was quoted as saying that Russia had done its part.'), ['Sergey Lavrov']);
    assert.deepEqual(speakerTexts('The magazine quoted Ryabkov in its lead story.'), []);
  });

  it('"X\'s remarks" and "X in an interview"', () => {
    assert.equal(only('We took note of Secretary Blinken’s public remarks yesterday.', 'Blinken').attributes?.rule, 'remarks');
    assert.equal(only('Minister Ilya Gorin in an interview with a daily paper assessed the prospects.', 'Ilya Gorin').attributes?.rule, 'framing');
  });

  it('every repeat is tagged', () => {
    assert.equal(speakers('Ryabkov said no. Ryabkov added that it was final. Ryabkov stressed it again.').length, 3);
  });

  it('reads a phrase spaced across a line break, and three-letter prefixed particles', () => {
    assert.deepEqual(speakerTexts('The plan is dead, according\nto Anna Berg.'), ['Anna Berg']);
    assert.deepEqual(speakerTexts('The plan is dead, according  to Anna Berg.'), ['Anna Berg']);
    assert.deepEqual(speakerTexts('Omar bin-Laden told reporters that it was over.'), ['Omar bin-Laden']);
  });
});
