import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { BUILTIN_LEXICON } from './builtinLexicon';
import type { Lexicon, PersonEntry, TreatyEntry } from './lexicon';
import { ENGLISH, type Messages } from '../ports/messages';
import { yamlTooDeepAt } from '../yamlDepth';
import { isTooDeep, tooDeepMessage } from '../yamlErrors';
import { checkField, idFromName, PERSON_FIELDS, TREATY_FIELDS, type FieldRule } from './lexiconFields';

/** A problem in a workspace lexicon file: where it is and what is wrong. */
export interface LexiconProblem {
  file: string;
  /** 1-based line, when known. */
  line?: number;
  message: string;
}

type Kind = 'treaty' | 'person';

/**
 * Reads a workspace's `.marginalia/lexicon.yaml`:
 *
 * ```yaml
 * people:
 *   - name: Sergey Ryabkov
 *     aliases: [Sergei Ryabkov]
 *     role: Deputy Foreign Minister of Russia
 * treaties:
 *   - id: treaty:new-start        # an id of the built-in lexicon: the fields given replace the built-in ones
 *     status: expired
 *   - name: Kyiv Accord            # a new treaty; id derived from the name when absent
 *     abbreviations: [KA]
 *     signed: 2024-05-01
 * ```
 *
 * Every problem names the file and line. An entry with an invalid value is left out whole (half an entry would
 * show wrong facts) and the rest still loads; an unknown field is reported and ignored; a YAML syntax error is
 * reported with its line and whatever the parser could still read is used. Aliases (`*a`) are refused, the
 * entry holding one left out: a lexicon has no use for them and they are how small files expand into huge ones.
 * Problems are worded by `l10n` (the editor passes `vscode.l10n`; English by default).
 */
export function parseWorkspaceLexicon(text: string, file: string, l10n: Messages = ENGLISH): { lexicon: Lexicon; problems: LexiconProblem[] } {
  const deepAt = yamlTooDeepAt(text);
  if (deepAt >= 0) return { lexicon: { people: [], treaties: [] }, problems: [{ file, line: text.slice(0, deepAt).split('\n').length, message: l10n.t('YAML syntax error: {0}', tooDeepMessage(l10n)) }] };
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const problems: LexiconProblem[] = [];
  const lineOf = (offset: number | undefined): number | undefined => (offset === undefined ? undefined : lineCounter.linePos(offset).line);
  const report = (node: Node | undefined | null, message: string, offset?: number) =>
    problems.push({ file, line: lineOf(offset ?? node?.range?.[0]), message });
  // An error found at the end of the input (an unclosed quote or bracket) belongs to the last line with text.
  const lastText = text.trimEnd().length - 1;
  const errors = [...doc.errors, ...doc.warnings];
  // Running out of stack leaves one error per level unwound and a half-read tree: one line, nothing loaded.
  const tooDeep = errors.find((e) => isTooDeep(e));
  if (tooDeep) return { lexicon: { people: [], treaties: [] }, problems: [{ file, line: lineOf(Math.min(tooDeep.pos[0], Math.max(0, lastText))), message: l10n.t('YAML syntax error: {0}', tooDeepMessage(l10n)) }] };
  for (const e of errors) {
    problems.push({ file, line: lineOf(Math.min(e.pos[0], Math.max(0, lastText))), message: e.name === 'YAMLWarning' ? l10n.t('YAML warning: {0}', e.message.split('\n')[0]) : l10n.t('YAML syntax error: {0}', e.message.split('\n')[0]) });
  }
  // Aliases are reported once, at the first: a billion-laughs file holds dozens, each a line of its own.
  let aliases: { count: number; node: Node | undefined | null; message: string } | undefined;
  const offsetOf = (node: Node | undefined | null) => node?.range?.[0] ?? Number.POSITIVE_INFINITY;
  const reportAlias: Report = (node, message) => {
    const count = (aliases?.count ?? 0) + 1;
    aliases = !aliases || offsetOf(node) < offsetOf(aliases.node) ? { count, node, message } : { ...aliases, count };
  };
  const lexicon: Lexicon = { people: [], treaties: [] };
  const root = doc.contents;
  if (root === null || root === undefined || (isScalar(root) && (root.value === null || root.value === ''))) return { lexicon, problems };
  if (!isMap(root)) {
    report(root, l10n.t("the lexicon must be a mapping with 'people' and/or 'treaties' lists"));
    return { lexicon, problems };
  }
  for (const pair of root.items) {
    const key = isScalar(pair.key) ? String(pair.key.value) : '';
    const value = pair.value as Node | null;
    if (key !== 'people' && key !== 'treaties') {
      report(pair.key as Node, l10n.t("unknown top-level key '{0}' (expected 'people' or 'treaties'); ignored", key));
      continue;
    }
    if (value === null || (isScalar(value) && value.value === null)) continue;
    if (!isSeq(value)) {
      report(value, l10n.t("'{0}' must be a list of entries", key));
      continue;
    }
    const kind: Kind = key === 'people' ? 'person' : 'treaty';
    const seen = new Set<string>();
    for (const item of value.items) {
      const entry = readEntry(kind, item as Node, report, reportAlias, l10n);
      if (!entry) continue;
      if (seen.has(entry.id)) {
        report(item as Node, kind === 'person' ? l10n.t("person '{0}' is listed twice; the later entry is ignored", entry.id) : l10n.t("treaty '{0}' is listed twice; the later entry is ignored", entry.id));
        continue;
      }
      seen.add(entry.id);
      if (kind === 'person') lexicon.people.push(entry as unknown as PersonEntry);
      else lexicon.treaties.push(entry as unknown as TreatyEntry);
    }
  }
  if (aliases) {
    const { count, node, message } = aliases;
    report(node, count === 1 ? message : l10n.t('{0} ({1} aliases in all; every entry holding one is left out)', message, count));
  }
  checkAbbreviationClashes(lexicon, file, problems, lineOfTreaty(doc, lineOf), l10n);
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { lexicon, problems };
}

type Report = (node: Node | undefined | null, message: string, offset?: number) => void;

/** One entry, complete (an override is filled from the built-in entry it overrides), or undefined if invalid. */
function readEntry(kind: Kind, node: Node, report: Report, reportAlias: Report, l10n: Messages): ({ id: string } & Record<string, unknown>) | undefined {
  if (isAlias(node)) {
    reportAlias(node, aliasProblem(node.source, l10n));
    return undefined;
  }
  if (!isMap(node)) {
    report(node, kind === 'person' ? l10n.t('each person must be a mapping of fields') : l10n.t('each treaty must be a mapping of fields'));
    return undefined;
  }
  const rules: Record<string, FieldRule> = kind === 'person' ? PERSON_FIELDS : TREATY_FIELDS;
  const nameNode = node.items.find((p) => isScalar(p.key) && (p.key.value === 'id' || p.key.value === 'name'));
  const label = nameNode && isScalar(nameNode.value) ? String(nameNode.value.value) : l10n.t('(no id or name)');
  const about = (problem: string) => (kind === 'person' ? l10n.t("person '{0}': {1}", label, problem) : l10n.t("treaty '{0}': {1}", label, problem));
  const fields: Record<string, unknown> = {};
  let valid = true;
  for (const pair of node.items) {
    const field = isScalar(pair.key) ? String(pair.key.value) : '';
    // Own fields only: `constructor` or `__proto__` would otherwise find a property every object has.
    const rule = Object.hasOwn(rules, field) ? rules[field] : undefined;
    if (!rule) {
      report(pair.key as Node, about(l10n.t("unknown field '{0}' (ignored); known fields: {1}", field, Object.keys(rules).join(', '))));
      continue;
    }
    const aliasIn = findAlias(pair.value as Node | null);
    if (aliasIn) {
      reportAlias(aliasIn, about(aliasProblem(aliasIn.source, l10n)));
      valid = false;
      continue;
    }
    const checked = checkField(kind, field, rule, plain(pair.value as Node | null), l10n);
    if ('problem' in checked) {
      report((pair.value as Node | null) ?? (pair.key as Node), about(checked.problem));
      valid = false;
    } else fields[field] = checked.value;
  }
  if (!valid) return undefined;
  const id = (fields.id as string | undefined) ?? (typeof fields.name === 'string' ? idFromName(kind, fields.name) : undefined);
  if (!id) {
    report(node, kind === 'person' ? l10n.t("person entry needs an 'id' (to override a built-in entry) or a 'name' (to add one)") : l10n.t("treaty entry needs an 'id' (to override a built-in entry) or a 'name' (to add one)"));
    return undefined;
  }
  const base: Record<string, unknown> | undefined =
    kind === 'treaty' ? (BUILTIN_LEXICON.treaties.find((t) => t.id === id) as Record<string, unknown> | undefined) : (BUILTIN_LEXICON.people.find((p) => p.id === id) as Record<string, unknown> | undefined);
  if (!base && typeof fields.name !== 'string') {
    report(node, kind === 'person' ? l10n.t("person '{0}': not a built-in entry, so it needs a 'name'", id) : l10n.t("treaty '{0}': not a built-in entry, so it needs a 'name'", id));
    return undefined;
  }
  const defaults = kind === 'treaty' ? { abbreviations: [], aliases: [], fullName: fields.name } : { aliases: [] };
  // A role given for a built-in person is the role to show: the built-in terms would otherwise win at every date.
  const terms = kind === 'person' && fields.role !== undefined && base ? { terms: [] } : {};
  return { ...defaults, ...base, ...fields, ...terms, id };
}

function aliasProblem(source: string, l10n: Messages): string {
  return l10n.t('YAML aliases (*{0}) are not supported in a lexicon; write the value out', source);
}

function findAlias(node: Node | null): (Node & { source: string }) | undefined {
  if (isAlias(node)) return node;
  if (isSeq(node)) for (const n of node.items) if (isAlias(n)) return n;
  return undefined;
}

/** The plain value of a node: scalars as parsed, lists of them as arrays; anything else as a non-matching object. */
function plain(node: Node | null): unknown {
  if (node === null || node === undefined) return undefined;
  if (isScalar(node)) return node.value;
  if (isSeq(node)) return node.items.map((n) => plain(n as Node));
  return {};
}

/** Where each treaty of the file starts, for messages about clashes found after reading. */
function lineOfTreaty(doc: ReturnType<typeof parseDocument>, lineOf: (o: number | undefined) => number | undefined): (index: number) => number | undefined {
  const seq = isMap(doc.contents) ? doc.contents.get('treaties', true) : undefined;
  return (index) => (isSeq(seq) ? lineOf((seq.items[index] as Node | undefined)?.range?.[0]) : undefined);
}

/** An abbreviation given to a second treaty takes it away from the first: worth a warning, not a refusal. */
function checkAbbreviationClashes(lexicon: Lexicon, file: string, problems: LexiconProblem[], lineOf: (i: number) => number | undefined, l10n: Messages): void {
  const overridden = new Set(lexicon.treaties.map((t) => t.id));
  const owner = new Map<string, string>();
  for (const t of BUILTIN_LEXICON.treaties) if (!overridden.has(t.id)) for (const a of t.abbreviations) owner.set(a, t.id);
  lexicon.treaties.forEach((t, i) => {
    for (const a of t.abbreviations) {
      const other = owner.get(a);
      if (other && other !== t.id) {
        problems.push({ file, line: lineOf(i), message: l10n.t("treaty '{0}': abbreviation '{1}' also belongs to '{2}'; this entry takes it over", t.id, a, other) });
      }
      owner.set(a, t.id);
    }
  });
}

/**
 * The lexicon with an overlay applied: an overlay entry with the id of a base entry replaces the fields it gives
 * (the rest of the base entry stays); other overlay entries are added after the base ones, so they win any
 * form both claim.
 */
export function mergeLexicons(base: Lexicon, overlay: Lexicon): Lexicon {
  return { people: mergeById(base.people, overlay.people), treaties: mergeById(base.treaties, overlay.treaties) };
}

function mergeById<T extends { id: string }>(base: T[], overlay: T[]): T[] {
  const byId = new Map(overlay.map((e) => [e.id, e]));
  const merged = base.map((e) => {
    const o = byId.get(e.id);
    if (!o) return e;
    byId.delete(e.id);
    const defined = Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
    return { ...e, ...defined } as T;
  });
  return [...merged, ...byId.values()];
}

/** `file:line: message`, the form editors and terminals turn into links. */
export function formatLexiconProblem(p: LexiconProblem): string {
  return `${p.file}${p.line !== undefined ? `:${p.line}` : ''}: ${p.message}`;
}
