/**
 * The fewest edits (insertions, deletions, substitutions of UTF-16 code units) that make `pattern` occur
 * somewhere in `text`: what scoring a candidate's context needs. approx-string-match answers the same question
 * but lists every match with its start, which for a context (pattern and text of about 32 characters, every
 * end a match) cost most of a re-anchoring. Here only the number: Myers' bit-parallel algorithm in one 32-bit
 * word for patterns up to 32 code units, the plain dynamic programme beyond.
 */
export function fewestEdits(text: string, pattern: string): number {
  const m = pattern.length;
  if (m === 0) return 0;
  return m <= 32 ? myers(text, pattern) : dynamic(text, pattern);
}

function myers(text: string, pattern: string): number {
  const m = pattern.length;
  const peq = new Map<number, number>();
  for (let i = 0; i < m; i++) {
    const c = pattern.charCodeAt(i);
    peq.set(c, (peq.get(c) ?? 0) | (1 << i));
  }
  const last = 1 << (m - 1);
  let pv = m === 32 ? -1 : (1 << m) - 1;
  let mv = 0;
  let score = m;
  let best = m;
  for (let j = 0; j < text.length; j++) {
    const eq = peq.get(text.charCodeAt(j)) ?? 0;
    const xv = eq | mv;
    // The carry out of the top bit is dropped by the 32-bit `^`, as the algorithm wants.
    const xh = ((((eq & pv) >>> 0) + (pv >>> 0)) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & last) score++;
    else if (mh & last) score--;
    // A match may start anywhere in the text: no carry into the first row.
    ph <<= 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
    if (score < best) best = score;
  }
  return best;
}

function dynamic(text: string, pattern: string): number {
  const m = pattern.length;
  // column[i]: fewest edits for pattern[0, i) ending at the current text position.
  let column = Array.from({ length: m + 1 }, (_, i) => i);
  let best = m;
  for (let j = 0; j < text.length; j++) {
    const next = [0];
    const c = text.charCodeAt(j);
    for (let i = 1; i <= m; i++) {
      next[i] = Math.min(column[i - 1] + (pattern.charCodeAt(i - 1) === c ? 0 : 1), column[i] + 1, next[i - 1] + 1);
    }
    column = next;
    if (column[m] < best) best = column[m];
  }
  return best;
}
