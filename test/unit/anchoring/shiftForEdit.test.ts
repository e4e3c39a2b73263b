import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { shiftForEdit, shiftForEdits, type TextChange } from '../../../src/core/anchoring/shiftForEdit';
import { reanchor } from '../../../src/core/anchoring/reanchor';
import { normalizeText } from '../../../src/core/anchoring/normalizedText';
import { annotationOn } from '../sidecar/sidecarTestData';

const TEXT = 'On Thursday, Sergey Ryabkov said the New START treaty was still in force.';

function apply(text: string, c: TextChange): string {
  return text.slice(0, c.start) + c.newText + text.slice(c.end);
}

describe('shiftForEdit', () => {
  const ryabkov = annotationOn(TEXT, 'Sergey Ryabkov');
  const at = TEXT.indexOf('Sergey Ryabkov');
  const end = at + 'Sergey Ryabkov'.length;
  const cases: [string, TextChange, [number, number] | 'collapsed', string?][] = [
    ['insertion before moves it', { start: 0, end: 0, newText: 'Late ' }, [at + 5, end + 5]],
    ['deletion before moves it back', { start: 0, end: 3, newText: '' }, [at - 3, end - 3]],
    ['typing right at its start stays outside', { start: at, end: at, newText: 'Mr ' }, [at + 3, end + 3]],
    ['typing right at its end stays outside', { start: end, end, newText: ',' }, [at, end]],
    ['an edit after leaves it', { start: end + 5, end: end + 8, newText: 'XYZW' }, [at, end]],
    ['a typo fixed inside grows or shrinks it', { start: at + 7, end: at + 8, newText: 'RR' }, [at, end + 1], 'Sergey RRyabkov'],
    ['deleting all of it collapses it (it becomes an orphan)', { start: at - 1, end: end + 1, newText: ' ' }, 'collapsed'],
    ['replacing its start keeps what remains', { start: at - 2, end: at + 7, newText: 'X' }, [at - 1, end - 8], 'Ryabkov'],
    ['replacing its end keeps what remains', { start: at + 6, end: end + 5, newText: '' }, [at, at + 6], 'Sergey'],
  ];
  for (const [name, change, expected, text] of cases) {
    it(name, () => {
      const after = apply(TEXT, change);
      const [shifted] = shiftForEdit([ryabkov], change, after);
      if (expected === 'collapsed') {
        assert.equal(shifted.collapsed, true);
        assert.deepEqual(shifted.item.selectors.quote, ryabkov.selectors.quote, 'the old quote is kept so undo can bring it back');
        assert.equal(reanchor([shifted.item], after).orphans.length, 1);
        assert.equal(reanchor([shifted.item], TEXT).placed.length, 1, 'after undo it anchors again');
        return;
      }
      assert.equal(shifted.collapsed, false);
      assert.deepEqual([shifted.item.selectors.position.start, shifted.item.selectors.position.end], expected);
      assert.equal(after.slice(...expected), text ?? 'Sergey Ryabkov');
      assert.equal(shifted.item.selectors.quote.exact, text ?? 'Sergey Ryabkov', 'quote refreshed from the new text');
      assert.equal(shifted.item.id, ryabkov.id);
    });
  }

  it('leaves items far from the edit untouched (same object)', () => {
    const force = annotationOn(TEXT, 'force');
    const [s] = shiftForEdit([force], { start: 0, end: 2, newText: 'On' }, TEXT);
    assert.equal(s.item, force);
  });

  it('agrees with re-anchoring after random edits (property)', () => {
    const anns = ['Thursday', 'Sergey Ryabkov', 'New START', 'force'].map((q) => annotationOn(TEXT, q));
    const change = fc.tuple(fc.nat(TEXT.length), fc.nat(6), fc.constantFrom('', 'x', 'the ', '🙂', '\r\n')).map(([s, l, t]) => ({ start: s, end: Math.min(TEXT.length, s + l), newText: t }));
    fc.assert(
      fc.property(fc.array(change, { minLength: 1, maxLength: 5 }), (changes) => {
        let text = TEXT;
        let items = anns;
        for (const c of changes) {
          if (c.start > text.length) continue;
          const fitted = { ...c, end: Math.min(c.end, text.length) };
          text = apply(text, fitted);
          items = shiftForEdit(items, fitted, text).map((s) => s.item);
        }
        for (const item of items) {
          const { start, end } = item.selectors.position;
          assert.ok(start >= 0 && start <= end && end <= text.length);
          if (start < end) assert.equal(text.slice(start, end), item.selectors.quote.exact);
        }
        // Whatever survives intact is where re-anchoring would put it too.
        const placed = reanchor(items, text).placed;
        for (const p of placed) {
          const item = items.find((i) => i.id === p.item.id);
          if (item && item.selectors.position.start < item.selectors.position.end && p.status === 'exact') {
            assert.equal(p.start, item.selectors.position.start);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('applies the several changes of one editor event, given against the text before it', () => {
    const anns = ['Thursday', 'Sergey Ryabkov', 'force'].map((q) => annotationOn(TEXT, q));
    const changes: TextChange[] = [
      { start: 0, end: 2, newText: 'Early on' },
      { start: TEXT.indexOf('said'), end: TEXT.indexOf('said') + 4, newText: 'told reporters' },
    ];
    let after = TEXT;
    for (const c of [...changes].sort((a, b) => b.start - a.start)) after = apply(after, c);
    const shifted = shiftForEdits(anns, changes, after);
    assert.deepEqual(
      shifted.map((s) => after.slice(s.item.selectors.position.start, s.item.selectors.position.end)),
      ['Thursday', 'Sergey Ryabkov', 'force'],
    );
    assert.ok(shifted.every((s) => after.slice(s.item.selectors.position.start, s.item.selectors.position.end) === s.item.selectors.quote.exact));
  });
});

describe('normalizeText', () => {
  it('removes a BOM, turns CRLF and CR into LF, composes NFD, and maps offsets both ways', () => {
    const original = '\ufeffCafe\u0301\r\nnai\u0308ve\rend';
    const n = normalizeText(original);
    assert.equal(n.text, 'Café\nnaïve\nend');
    assert.equal(n.toOriginal(0), 1);
    assert.equal(n.toOriginal(n.text.indexOf('\n')), original.indexOf('\r\n'));
    assert.equal(n.toOriginal(n.text.indexOf('naïve')), original.indexOf('nai'));
    assert.equal(n.toOriginal(n.text.length), original.length);
    assert.equal(n.fromOriginal(original.indexOf('end')), n.text.indexOf('end'));
    assert.equal(n.fromOriginal(original.length), n.text.length);
  });

  it('is the identity on plain ASCII with LF line ends', () => {
    const n = normalizeText('plain\ntext');
    assert.equal(n.text, 'plain\ntext');
    assert.equal(n.toOriginal(3), 3);
  });
});
