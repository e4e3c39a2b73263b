import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/core/analyze';
import { findDashTurns } from '../../../src/core/recognizers/speakers/dashTurns';

const FIXTURE = path.join(__dirname, '..', '..', 'fixtures', 'speakers', 'dashInterview.txt');

describe('speakers: dash-marked interview turns (turns layer)', () => {
  const text = fs.readFileSync(FIXTURE, 'utf8');
  const result = analyze(text);
  const turns = result.mentions.filter((m) => m.layer === 'turns');

  it('finds every dash turn, alternating question and answer, with "?" deciding questions', () => {
    assert.deepEqual(turns.map((t) => t.attributes?.turn), ['question', 'answer', 'question', 'answer', 'question', 'answer', 'question', 'answer']);
    assert.ok(turns.every((t) => t.kind === 'speaker' && text.slice(t.start, t.end) === t.text && t.text.startsWith('- ')));
  });

  it('covers the whole turn, continuation lines included', () => {
    const second = turns[1];
    assert.ok(second?.text.endsWith('depends on the results of the first.'), second?.text);
  });

  it('attributes answers to the interviewee named in the lead, questions to the interviewer', () => {
    const lead = result.mentions.find((m) => m.kind === 'speaker' && !m.layer);
    assert.equal(lead?.text, 'Olga Marchenko');
    for (const t of turns) {
      const expected: string | undefined = t.attributes?.turn === 'answer' ? lead?.entityId : 'person:interviewer';
      assert.equal(t.attributes?.speaker, expected);
      assert.equal(t.entityId, expected);
    }
    const interviewer = result.entities.find((e) => e.id === 'person:interviewer');
    assert.equal(interviewer?.facts.outlet, 'Newswire');
  });

  it('adds no main-layer speaker for the addressed interviewee or the turns', () => {
    assert.deepEqual(result.mentions.filter((m) => m.kind === 'speaker' && !m.layer).map((m) => m.text), ['Olga Marchenko']);
  });

  it('leaves markdown bullet lists and lists of questions alone', () => {
    assert.deepEqual(findDashTurns('Highlights:\n-   *President Holm has spoken with leaders.*\n-   *Secretary Vogt met partners.*'), []);
    assert.deepEqual(findDashTurns('Agenda:\n- Arms control.\n- Trade.\n- Visas.'), []);
    assert.deepEqual(findDashTurns('FAQ:\n- What is it?\n- Who runs it?'), []);
  });
});
