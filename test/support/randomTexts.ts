/**
 * Random short strings over an alphabet, the same on every run for a seed: text `t` has `t % maxLength` characters,
 * so every length up to `maxLength - 1` comes round.
 */
export function* randomTexts(alphabet: readonly string[], count: number, maxLength: number, seed = 11): Generator<string> {
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) % alphabet.length;
  for (let t = 0; t < count; t++) {
    let s = '';
    for (let i = t % maxLength; i > 0; i--) s += alphabet[next()];
    yield s;
  }
}
