import * as assert from 'node:assert/strict';
import { analyze } from '../../../src/core/analyze';
import { reconcile } from '../../../src/core/model/documentView';
import { emptySidecar } from '../../../src/core/model/annotation';
import { annotationOn } from '../sidecar/sidecarTestData';

describe('speakers: manual annotations of people', () => {
  it('makes a manual "Daniel Okafor" and an automatic "Okafor" of one document one person', () => {
    const text = 'The statement came from Daniel Okafor, the chief negotiator.\n\n"We are ready," Okafor said.';
    const auto = analyze(text).mentions;
    assert.deepEqual(
      auto.filter((m) => m.kind === 'speaker').map((m) => m.text),
      ['Okafor'],
      'the recognizer finds the surname only',
    );
    const manual = annotationOn(text, 'Daniel Okafor', { kind: 'speaker' });
    const view = reconcile({ mentions: auto, entities: [] }, { ...emptySidecar(), annotations: [manual] }, text);
    const people = view.mentions.filter((m) => m.kind === 'speaker');
    assert.deepEqual(
      people.map((m) => [m.text, m.source, m.entityId, m.value]),
      [
        ['Daniel Okafor', 'manual', 'person:daniel-okafor', 'Daniel Okafor'],
        ['Okafor', 'auto', 'person:daniel-okafor', 'Daniel Okafor'],
      ],
    );
  });

  it('gives a manual name the id of the same name found automatically, and keeps an id given by hand', () => {
    const text = 'Sergey Ryabkov said no.\n\nLater the minister, Sergei Ryabkov, spoke again.';
    const auto = analyze(text).mentions;
    const free = annotationOn(text, 'Sergei Ryabkov', { kind: 'person' });
    const view = reconcile({ mentions: auto, entities: [] }, { ...emptySidecar(), annotations: [free] }, text);
    assert.ok(view.mentions.filter((m) => m.text.includes('Ryabkov')).every((m) => m.entityId === 'person:sergei-ryabkov'));
    const given = annotationOn(text, 'Sergei Ryabkov', { kind: 'person', entityId: 'person:someone-else' });
    const kept = reconcile({ mentions: auto, entities: [] }, { ...emptySidecar(), annotations: [given] }, text);
    assert.equal(kept.mentions.find((m) => m.source === 'manual')?.entityId, 'person:someone-else');
  });
});
