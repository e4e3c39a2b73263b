/**
 * People named without speaking, found where a title vouches for the name: "President Putin", "Foreign
 * Minister Kuleba", "Mr. Reed", "Secretary of State James Baker". They are reported with kind `person` (never
 * `speaker`) so hover cards and the people tree can link them to the same entity as the person's speech.
 * Untitled names ("Trevor Reed") are left out: without a title or a verb a capitalised run is too often a
 * place, a programme or an organisation.
 */
import type { Found } from './attribution';
import { nameEndingAt, nameStartingAt, readsBackAlike } from './names';
import type { BlockTokens } from './tokens';
import { TITLED_RE } from './titleWords';

/**
 * Appends `person` candidates (rule `titled-name`) for titled names in a block. With `titles` (where the block's
 * title words stand, -1 after the last: see speechHits.ts), the expression is tried at those places only, which
 * finds what its scan of the block finds.
 */
export function findTitledPeople(block: string, out: Found[], tokens: BlockTokens, titles?: Int32Array): void {
  let from = 0;
  let k = 0;
  for (;;) {
    let m: RegExpExecArray | null = null;
    if (titles === undefined) {
      TITLED_RE.lastIndex = from;
      m = TITLED_RE.exec(block);
    } else {
      for (let at = titles[k] as number; at !== -1 && m === null; at = titles[++k] as number) {
        if (at < from) continue;
        TITLED_AT.lastIndex = at;
        m = TITLED_AT.exec(block);
      }
    }
    if (m === null) return;
    from = m.index + m[0].length;
    const n = nameStartingAt(block, m.index, Math.min(block.length, m.index + 160), tokens);
    if (!n || n.start < from) continue;
    // The full role may start before the matched title word ("Foreign Minister Kuleba"): read back from the name's
    // end unless that finds what reading forward found.
    const back = readsBackAlike(block, n, tokens) ? undefined : nameEndingAt(block, n.end, tokens);
    out.push({ name: back && back.start === n.start && back.role ? back : n, rule: 'titled-name' });
    // "Presidents Putin and Biden": the second name shares the title.
    if (m[0].startsWith('Presidents')) {
      const and = /^\s+and\s+/.exec(block.slice(n.end, n.end + 8));
      if (and) {
        const second = nameStartingAt(block, n.end + and[0].length, Math.min(block.length, n.end + 60));
        if (second && second.start === n.end + and[0].length) out.push({ name: second, rule: 'titled-name' });
      }
    }
    from = Math.max(from, n.end);
  }
}

/** {@link TITLED_RE} tried at one place. */
const TITLED_AT = new RegExp(TITLED_RE.source, 'uy');
