/**
 * Annotation attributes as a user types them in one line: `role=Deputy Foreign Minister; source=TASS`.
 */

/** Parses `k=v; k2=v2` (empty: no attributes); undefined for no input (Escape) or a malformed pair. */
export function parseAttributes(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined) return undefined;
  const out: Record<string, string> = {};
  for (const part of text.split(';')) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    const key = eq > 0 ? part.slice(0, eq).trim() : '';
    if (!/^[A-Za-z][\w-]*$/.test(key)) return undefined;
    out[key] = part.slice(eq + 1).trim();
  }
  return out;
}
