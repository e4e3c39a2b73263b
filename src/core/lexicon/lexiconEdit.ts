/**
 * Edits of a workspace lexicon made from the editor ("Add alias...", "Merge with..." on a person): the file is
 * changed in place through the YAML document model, so the user's comments, order and other entries stay.
 */
import { isMap, isScalar, isSeq, parseDocument, type Document, type YAMLMap, type YAMLSeq } from 'yaml';
import { yamlTooDeepAt } from '../yamlDepth';
import { tooDeepMessage } from '../yamlErrors';
import { ENGLISH, type Messages } from '../ports/messages';
import { BUILTIN_LEXICON } from './builtinLexicon';
import { foldName } from '../recognizers/speakers/transliteration';

function sameName(a: string, b: string): boolean {
  return foldName(a.split(/\s+/)) === foldName(b.split(/\s+/));
}

/**
 * The lexicon text with `aliases` added to the person `person` (its entry found by id, else by name; made when
 * absent, as an override of the built-in entry with that id when there is one). Throws, naming `file` and the
 * problem in words of `l10n` (English by default), when the text is not a lexicon that can be edited safely.
 */
export function addPersonAliases(
  text: string,
  person: { id: string; name: string },
  aliases: readonly string[],
  file = '.marginalia/lexicon.yaml',
  l10n: Messages = ENGLISH,
): string {
  const deepAt = yamlTooDeepAt(text);
  if (deepAt >= 0) throw new Error(l10n.t('{0} line {1}: {2}; fix it before adding aliases', file, text.slice(0, deepAt).split('\n').length, tooDeepMessage(l10n)));
  const doc: Document = parseDocument(text);
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const line = e?.linePos?.[0]?.line;
    const problem = e?.message.split('\n')[0] ?? l10n.t('YAML error');
    throw new Error(line !== undefined ? l10n.t('{0} line {1}: {2}; fix it before adding aliases', file, line, problem) : l10n.t('{0}: {1}; fix it before adding aliases', file, problem));
  }
  if (doc.contents === null || (isScalar(doc.contents) && (doc.contents.value === null || doc.contents.value === ''))) doc.contents = doc.createNode({}) as YAMLMap;
  const root = doc.contents;
  if (!isMap(root)) throw new Error(l10n.t("{0}: the lexicon must be a mapping with 'people' and/or 'treaties' lists", file));
  let people: unknown = root.get('people', true);
  if (people === undefined || people === null || (isScalar(people) && people.value === null)) {
    people = doc.createNode([]) as YAMLSeq;
    root.set('people', people);
  }
  if (!isSeq(people)) throw new Error(l10n.t("{0}: 'people' must be a list of entries", file));
  const field = (m: YAMLMap, key: string): string | undefined => {
    const v = m.get(key);
    return typeof v === 'string' ? v : undefined;
  };
  let entry = people.items.find((m): m is YAMLMap => isMap(m) && field(m, 'id') === person.id);
  entry ??= people.items.find((m): m is YAMLMap => isMap(m) && field(m, 'id') === undefined && sameName(field(m, 'name') ?? '', person.name));
  const builtin = BUILTIN_LEXICON.people.find((p) => p.id === person.id);
  if (!entry) {
    const fresh: Record<string, unknown> = { id: person.id };
    if (!builtin) fresh.name = person.name;
    // An override replaces the built-in aliases: they are written out with the new ones.
    fresh.aliases = builtin ? [...builtin.aliases] : [];
    entry = doc.createNode(fresh) as YAMLMap;
    people.add(entry);
  }
  let list: unknown = entry.get('aliases', true);
  if (isScalar(list)) {
    const single = list.value;
    list = doc.createNode(typeof single === 'string' && single.trim() !== '' ? [single] : []) as YAMLSeq;
    entry.set('aliases', list);
  }
  if (!isSeq(list)) {
    list = doc.createNode(builtin && entry.get('aliases') === undefined ? [...builtin.aliases] : []) as YAMLSeq;
    entry.set('aliases', list);
  }
  const seq = list as YAMLSeq;
  const names = [field(entry, 'name') ?? builtin?.name ?? person.name];
  for (const item of seq.items) if (isScalar(item) && typeof item.value === 'string') names.push(item.value);
  for (const alias of aliases) {
    const a = alias.trim();
    if (a === '' || names.some((n) => n === a)) continue;
    seq.add(doc.createNode(a));
    names.push(a);
  }
  return doc.toString();
}
