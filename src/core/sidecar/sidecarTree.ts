/**
 * A neutral tree of what a sidecar file says, with line numbers, built by either reader (the canonical fast
 * reader or the full `yaml` reader) and checked by one validator. Building it is where the YAML hazards are
 * refused: aliases (billion laughs, reliability #10), explicit tags (#13), merge keys and `__proto__` (#12),
 * non-string keys, and nesting deeper than any sidecar needs (#11).
 */
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node as YamlNode } from 'yaml';
import { FORBIDDEN_KEYS } from '../model/attributes';
import { ENGLISH, type Messages } from '../ports/messages';

export type TreeNode = TreeMap | TreeSeq | TreeScalar;

export interface TreeMap {
  type: 'map';
  line: number;
  entries: { key: string; line: number; value: TreeNode }[];
  /** For list items read by the canonical reader: the item's own lines in the text (offsets). */
  source?: { start: number; end: number };
}

export interface TreeSeq {
  type: 'seq';
  line: number;
  items: TreeNode[];
}

export interface TreeScalar {
  type: 'scalar';
  line: number;
  value: string | number | boolean | null;
}

/** One reason a sidecar cannot be loaded, with its 1-based line (0 when it concerns the whole file). */
export interface SidecarProblem {
  line: number;
  message: string;
}

/** Deeper than this is refused: the format itself needs 5 levels; user extras get generous room. */
export const MAX_DEPTH = 64;

/** Converts a parsed `yaml` document into a tree, or lists every problem found on the way (worded by `l10n`). */
export function yamlToTree(doc: Document, lineCounter: LineCounter, l10n: Messages = ENGLISH): { tree?: TreeNode; problems: SidecarProblem[] } {
  const problems: SidecarProblem[] = [];
  const lineOf = (node: { range?: [number, number, number] | null } | null | undefined): number =>
    node?.range ? lineCounter.linePos(node.range[0]).line : 0;
  const root = doc.contents as YamlNode | null;
  if (!root) return { tree: { type: 'map', line: 1, entries: [] }, problems };
  // Iterative on purpose: a recursive walk is the stack overflow the depth limit exists to prevent.
  const rootHolder: { value?: TreeNode } = {};
  const stack: { node: unknown; depth: number; assign: (t: TreeNode) => void }[] = [
    { node: root, depth: 0, assign: (t) => (rootHolder.value = t) },
  ];
  // Aliases and deep nesting are each reported once, at their first line: a billion-laughs file holds dozens.
  let aliases: { count: number; line: number; source: string } | undefined;
  let tooDeep: number | undefined;
  while (stack.length > 0) {
    const { node, depth, assign } = stack.pop() as (typeof stack)[number];
    const line = lineOf(node as YamlNode);
    if (depth > MAX_DEPTH) {
      tooDeep = Math.min(tooDeep ?? line, line);
      continue;
    }
    if (isAlias(node)) {
      const count = (aliases?.count ?? 0) + 1;
      aliases = !aliases || line < aliases.line ? { count, line, source: node.source } : { ...aliases, count };
      continue;
    }
    if ((node as { tag?: string }).tag !== undefined) {
      problems.push({ line, message: l10n.t('tags ({0}) are not allowed in a sidecar', String((node as { tag?: string }).tag)) });
      continue;
    }
    if (isScalar(node)) {
      const v = node.value;
      if (v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v))) {
        assign({ type: 'scalar', line, value: v });
      } else if (typeof v === 'number') {
        problems.push({ line, message: l10n.t('the number {0} is too large to read (offsets are whole numbers such as 1200)', (node as { source?: string }).source ?? String(v)) });
      } else {
        problems.push({ line, message: l10n.t('unsupported value {0}', String(v)) });
      }
    } else if (isMap(node)) {
      const map: TreeMap = { type: 'map', line, entries: [] };
      assign(map);
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key;
        const keyLine = lineOf(key as YamlNode) || line;
        if (!isScalar(key) || typeof key.value !== 'string' || (key as { tag?: string }).tag !== undefined) {
          problems.push({ line: keyLine, message: l10n.t('keys must be plain strings') });
          continue;
        }
        if (FORBIDDEN_KEYS.has(key.value)) {
          problems.push({ line: keyLine, message: l10n.t("the key '{0}' is not allowed in a sidecar", key.value) });
          continue;
        }
        const entry = { key: key.value, line: keyLine, value: { type: 'scalar', line: keyLine, value: null } as TreeNode };
        map.entries.push(entry);
        if (pair.value !== null && pair.value !== undefined) {
          stack.push({ node: pair.value, depth: depth + 1, assign: (t) => (entry.value = t) });
        }
      }
    } else if (isSeq(node)) {
      const seq: TreeSeq = { type: 'seq', line, items: [] };
      assign(seq);
      node.items.forEach((item, i) => {
        seq.items.push({ type: 'scalar', line, value: null });
        stack.push({ node: item, depth: depth + 1, assign: (t) => (seq.items[i] = t) });
      });
    } else {
      problems.push({ line, message: l10n.t('unsupported YAML node') });
    }
  }
  if (tooDeep !== undefined) problems.push({ line: tooDeep, message: l10n.t('nested deeper than {0} levels', MAX_DEPTH) });
  if (aliases) {
    const { count, line, source } = aliases;
    const message = count === 1 ? l10n.t('aliases (*{0}) are not allowed in a sidecar', source) : l10n.t('aliases are not allowed in a sidecar: {0} found, the first (*{1}) here', count, source);
    problems.push({ line, message });
  }
  problems.sort((a, b) => a.line - b.line);
  return { tree: problems.length === 0 ? rootHolder.value : undefined, problems };
}
