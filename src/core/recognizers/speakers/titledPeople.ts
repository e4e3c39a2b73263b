/**
 * People named without speaking, found where a title vouches for the name: "President Putin", "Foreign
 * Minister Kuleba", "Mr. Reed", "Secretary of State James Baker". They are reported with kind `person` (never
 * `speaker`) so hover cards and the people tree can link them to the same entity as the person's speech.
 * Untitled names ("Trevor Reed") are left out: without a title or a verb a capitalised run is too often a
 * place, a programme or an organisation.
 */
import type { Found } from './attribution';
import { nameEndingAt, nameStartingAt } from './names';
import type { BlockTokens } from './tokens';

/** A title word that introduces a name (capitalised, as in running text before a name). */
const TITLED_RE =
  /\b(?:President|Presidents|Vice President|Secretary|Minister|Ambassador|Senator|Sen\.|Representative|Rep\.|Mr\.|Ms\.|Mrs\.|Dr\.|General|Gen\.|Chancellor|Premier|Envoy|Chairman|Chairwoman|Director|Governor|Admiral|Adm\.|Marshal|Commissioner|King|Queen|Prince|Pope|Patriarch|Sheikh|Emir|Speaker|Leader|Lt\.|Col\.|Gen\.|Mayor|Judge|Justice)\s+(?=\p{Lu})/gu;

/** Appends `person` candidates (rule `titled-name`) for titled names in a block. */
export function findTitledPeople(block: string, out: Found[], tokens: BlockTokens): void {
  const re = TITLED_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(block)) !== null) {
    const n = nameStartingAt(block, m.index, Math.min(block.length, m.index + 160));
    if (!n || n.start < m.index + m[0].length) continue;
    // The full role may start before the matched title word ("Foreign Minister Kuleba").
    const back = nameEndingAt(block, n.end, tokens);
    out.push({ name: back && back.start === n.start && back.role ? back : n, rule: 'titled-name' });
    // "Presidents Putin and Biden": the second name shares the title.
    if (m[0].startsWith('Presidents')) {
      const and = /^\s+and\s+/.exec(block.slice(n.end, n.end + 8));
      if (and) {
        const second = nameStartingAt(block, n.end + and[0].length, Math.min(block.length, n.end + 60));
        if (second && second.start === n.end + and[0].length) out.push({ name: second, rule: 'titled-name' });
      }
    }
    re.lastIndex = Math.max(re.lastIndex, n.end);
  }
}
