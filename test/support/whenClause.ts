/**
 * VS Code `when` clauses evaluated against a context of our own, for the manifest tests (keybindings, welcome
 * views): keys missing from the context are unset, as they are in the editor before anything sets them.
 */

/** A small evaluator of VS Code `when` clauses: ! && || ( ) == != =~ in, 'not in', comparisons, literals. */
export function evaluate(when: string, context: Record<string, unknown>): boolean {
  const tokens = when.match(/\s*(?:&&|\|\||!=|==|=~|>=|<=|[()!<>]|'[^']*'|\/(?:\\.|[^/])*\/[a-z]*|not in\b|in\b|[^\s()!&|=<>]+)/g) ?? [];
  let i = 0;
  const peek = (): string | undefined => tokens[i]?.trim();
  const value = (t: string): unknown => {
    if (t === 'true') return true;
    if (t === 'false') return false;
    if (/^'.*'$/.test(t)) return t.slice(1, -1);
    if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
    return t in context ? context[t] : undefined;
  };
  const literal = (t: string): unknown => (/^'.*'$/.test(t) ? t.slice(1, -1) : t === 'true' ? true : t === 'false' ? false : /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t);
  function primary(): boolean {
    const t = peek();
    i++;
    if (t === '!') return !primary();
    if (t === '(') {
      const v = or();
      i++; // ')'
      return v;
    }
    const left = value(t as string);
    const op = peek();
    if (op && ['==', '!=', '=~', '>=', '<=', '<', '>', 'in', 'not in'].includes(op)) {
      i++;
      const right = tokens[i++]?.trim() as string;
      if (op === '==') return left === literal(right);
      if (op === '!=') return left !== literal(right);
      if (op === '=~') {
        const m = /^\/(.*)\/([a-z]*)$/.exec(right);
        return typeof left === 'string' && m !== null && new RegExp(m[1], m[2]).test(left);
      }
      if (op === 'in' || op === 'not in') {
        const list = context[right];
        const inside = Array.isArray(list) ? list.includes(left) : false;
        return op === 'in' ? inside : !inside;
      }
      const [a, b] = [Number(left), Number(literal(right))];
      return op === '<' ? a < b : op === '>' ? a > b : op === '<=' ? a <= b : a >= b;
    }
    return Boolean(left);
  }
  function and(): boolean {
    let v = primary();
    while (peek() === '&&') {
      i++;
      v = primary() && v;
    }
    return v;
  }
  function or(): boolean {
    let v = and();
    while (peek() === '||') {
      i++;
      v = and() || v;
    }
    return v;
  }
  return when.trim() === '' ? true : or();
}
