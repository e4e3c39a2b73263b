/**
 * `util.format` for a host without Node: mocha's reporters print with printf-style patterns (`%d passing (%s)`).
 * The harness also applies it to what the workbench forwards to `codeAutomationLog`.
 */
export function format(...args: unknown[]): string {
  const [first, ...rest] = args;
  if (typeof first !== 'string') return args.map(show).join(' ');
  let i = 0;
  const text = first.replace(/%([sdifjoOc%])/g, (whole, c: string) => {
    if (c === '%') return '%';
    if (i >= rest.length) return whole;
    const value = rest[i++];
    if (c === 'c') return '';
    if (c === 'd' || c === 'i') return String(c === 'i' ? Math.trunc(Number(value)) : Number(value));
    if (c === 'f') return String(Number(value));
    if (c === 'j' || c === 'o' || c === 'O') return JSON.stringify(value);
    return show(value);
  });
  return [text, ...rest.slice(i).map(show)].join(' ');
}

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return value.stack ?? value.message;
  try {
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  } catch {
    return String(value);
  }
}
