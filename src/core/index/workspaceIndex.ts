/**
 * The WorkspaceIndex: every indexed document's mentions, and for each entity the places it is mentioned across
 * the workspace. Features (hover, tree, symbols, references, status) read it; the editor glue updates it one
 * document at a time. Pure data structure: no I/O, no editor types, so it is tested in Node.
 */
import type { Entity } from '../model/entity';
import type { Mention, MentionKind } from '../model/mention';
import { computeLineStarts, positionAt, updateLineStarts, type LinePosition } from './lineIndex';
import { changedRange } from '../textDiff';
import { snippetAround } from './quotes';
import { lastStartingAtOrBefore, runningMaxEnd, splitLayers } from './sortedMentions';
import { groupByKey, KINDS, sameKeys } from './docKeys';
import { entitiesOfKind } from './entitiesOfKind';
import { ColdDocument, coldParts, type ColdParts } from './coldDocument';
import { OpenDocument } from './openDocument';
import { EntityStore } from './entityStore';
import { KeyPostings, type Place } from './keyPostings';
import { PersonGroups } from './personGroups';
import type { IndexedDocument } from './indexedDocument';
import type { DocumentView } from '../model/documentView';
import type { DocumentDate } from '../recognizers/context';
import { usageInDocument, type EntitySummary, type EntityUsage, type MentionRef } from './entityUsage';
import { dateInWords } from '../model/dateWords';
import type { Messages } from '../ports/messages';

/** Dates are keyed by their value (`date:2021-12-30`); a key with `~` is a date mention that has none. */
const DATE_KEY = 'date:';

export { entityKey } from './docKeys';

export type { EntitySummary, EntityUsage, MentionRef } from './entityUsage';

export class WorkspaceIndex {
  private readonly docs = new Map<string, IndexedDocument>();
  /** entity key -> the documents mentioning it, and its totals per kind. */
  private readonly postings = new KeyPostings();
  private readonly entities = new EntityStore();
  /** The ids of documents' people that are one person across the workspace (see {@link personGroups}). */
  private readonly groups = new PersonGroups();
  /**
   * The entity list each document was last indexed with: the same list (and mentions) allows a cheap update.
   * Weakly held: a scanned document's list is not kept alive for this (a thousand documents' worth of entities).
   */
  private readonly docInputEntities = new Map<string, WeakRef<readonly Entity[]>>();
  /** Per-generation memo of {@link usage} answers: a hover over the same entity again costs a lookup. */
  private readonly usageMemo = new Map<string, EntityUsage>();
  private usageMemoGeneration = -1;
  private generation = 0;

  /** Bumped on every change; views compare it to know whether what they show is stale. */
  get version(): number {
    return this.generation;
  }

  /**
   * Replaces what the index holds for `uri`: the one way in. Cost is linear in that document's mentions only.
   * A document's view (its mentions, sorted or not, entities and date; see model/documentView.ts) comes with its
   * text, read once and kept: open (mention objects), or with `keep.cold` as a closed document's parts (see
   * coldDocument.ts), keeping its UTF-8 `bytes` instead of the text when given. A closed document's parts made
   * elsewhere (the scan worker: see scan/coldAnalysis.ts) come with its text or its UTF-8 bytes.
   */
  setDocument(
    uri: string,
    text: string | Uint8Array,
    shown: Pick<DocumentView, 'mentions' | 'entities' | 'documentDate'> | ColdParts,
    keep?: { cold: true; bytes?: Uint8Array },
  ): IndexedDocument {
    if (!('mentions' in shown)) return this.setColdDocument(uri, shown, text);
    if (typeof text !== 'string') throw new TypeError(`${uri}: a document's view is indexed with its text, not bytes`);
    const { mentions, layered } = splitLayers(shown.mentions);
    const previous = this.docs.get(uri);
    if (previous && this.docInputEntities.get(uri)?.deref() === shown.entities && sameKeys(previous.mentions, mentions)) {
      return this.moveMentions(previous, text, shown.documentDate, mentions, layered);
    }
    if (keep?.cold) return this.setColdDocument(uri, coldParts(text, shown, mentions, layered), keep.bytes ?? text);
    this.removeContributions(uri);
    this.docInputEntities.set(uri, new WeakRef(shown.entities));
    this.entities.add(uri, shown.entities, false);
    this.postings.add(uri, groupByKey(mentions));
    const doc = new OpenDocument(uri, mentions, layered, text, shown.documentDate, undefined, runningMaxEnd(mentions));
    this.docs.set(uri, doc);
    this.generation++;
    return doc;
  }

  /** A document that is not open, as its parts (made here or in the scan worker: see {@link coldParts}). */
  private setColdDocument(uri: string, parts: ColdParts, source: string | Uint8Array): IndexedDocument {
    this.removeContributions(uri);
    this.entities.add(uri, parts.entities, true);
    this.postings.add(uri, parts.keys);
    const doc = new ColdDocument(uri, parts, source);
    this.docs.set(uri, doc);
    this.generation++;
    return doc;
  }

  /**
   * An edit that moved mentions without changing which entities they name, in what order (typing inside a
   * sentence): the entity lists index the same positions and the totals are unchanged, so only the document's
   * mentions, text and line starts are replaced, the line starts updated around the edit only.
   */
  private moveMentions(previous: IndexedDocument, text: string, documentDate: DocumentDate | undefined, mentions: Mention[], layered: Mention[]): IndexedDocument {
    const lineStarts = previous.lineStarts && updateLineStarts(previous.lineStarts, text, changedRange(previous.text, text));
    const doc = new OpenDocument(previous.uri, mentions, layered, text, documentDate, lineStarts, runningMaxEnd(mentions));
    this.docs.set(previous.uri, doc);
    this.generation++;
    return doc;
  }

  /** Forgets a document (deleted, or no longer served). */
  removeDocument(uri: string): boolean {
    const had = this.removeContributions(uri);
    if (had) this.generation++;
    return had;
  }

  /** Renames a document's key without re-reading it (a file moved). */
  renameDocument(from: string, to: string): void {
    const doc = this.docs.get(from);
    if (!doc || from === to) return;
    this.removeContributions(to);
    const keys = this.postings.remove(from);
    if (keys) this.postings.add(to, keys);
    this.entities.rename(from, to);
    this.docInputEntities.delete(from);
    this.docs.delete(from);
    this.docs.set(to, doc.renamed(to));
    this.generation++;
  }

  clear(): void {
    this.docs.clear();
    this.postings.clear();
    this.entities.clear();
    this.docInputEntities.clear();
    this.generation++;
  }

  document(uri: string): IndexedDocument | undefined {
    return this.docs.get(uri);
  }

  uris(): string[] {
    return [...this.docs.keys()];
  }

  get documentCount(): number {
    return this.docs.size;
  }

  /**
   * The innermost mention covering `offset` (start <= offset < end; an offset right after a mention's last
   * character counts too, as editors place the cursor there). O(log n) plus the overlapping mentions.
   */
  mentionAt(uri: string, offset: number): MentionRef | undefined {
    const doc = this.docs.get(uri);
    if (!doc || doc.mentions.length === 0) return undefined;
    let i = lastStartingAtOrBefore(doc.mentions, offset);
    let best: number | undefined;
    for (; i >= 0 && doc.maxEnd[i] >= offset; i--) {
      const m = doc.mentions[i];
      if (m.start <= offset && offset <= m.end && m.end > m.start) {
        if (best === undefined || m.end - m.start < doc.mentions[best].end - doc.mentions[best].start) best = i;
      }
    }
    return best === undefined ? undefined : { uri, index: best, mention: doc.mentions[best] };
  }

  /** A line of context around a mention, whitespace collapsed, for tree rows and reference lists. */
  snippet(uri: string, index: number): string | undefined {
    const doc = this.docs.get(uri);
    const m = doc && mentionIn(doc, index);
    return doc && m ? snippetAround(doc.text, m.start, m.end) : undefined;
  }

  /** The entity with this id, as supplied by the document that knew most about it. */
  entity(id: string): Entity | undefined {
    return this.entities.get(this.personGroups().headOf(id)) ?? this.entities.get(id);
  }

  /** The id the entity of `key` goes by across the workspace: a person's ids in several documents are one. */
  canonicalKey(key: string): string {
    return this.personGroups().headOf(key);
  }

  /** The groups of person ids, brought up to date with the keys indexed. */
  private personGroups(): PersonGroups {
    this.groups.refresh(this.postings.keySetVersion, this.postings.keys(), (key) => {
      const e = this.entities.get(key);
      const name = e?.name ?? this.firstMentionOfKey(key)?.mention.value ?? this.firstMentionOfKey(key)?.mention.text;
      return name === undefined ? undefined : { id: key, name, lexicon: e?.facts.source === 'lexicon' };
    });
    return this.groups;
  }

  /**
   * The name a list shows for an entity key: the entity's canonical name, else the first mention's text; a date
   * in words, in the reader's language with `l10n`.
   */
  displayName(key: string, l10n?: Messages): string {
    // A date's name is its ISO value, for exports; people read it in words.
    if (key.startsWith(DATE_KEY) && key[DATE_KEY.length] !== '~') return dateInWords(key.slice(DATE_KEY.length), undefined, l10n);
    const e = this.entity(key);
    if (e) return e.name;
    const merged = this.personGroups().nameOf(key);
    if (merged !== undefined) return merged;
    const first = this.firstMention(key)?.mention;
    if (!first) return key;
    return first.kind === 'date' && first.value ? dateInWords(first.value, undefined, l10n) : (first.value ?? first.text);
  }

  /** Every mention of an entity (or the first `limit`), by document (in URI order) then position. */
  mentionsOf(key: string, uri?: string, limit = Infinity): MentionRef[] {
    const members = this.personGroups().membersOf(key);
    if (members) {
      const all = members.flatMap((k) => this.mentionsOfKey(k, uri, Infinity));
      all.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.index - b.index));
      return all.slice(0, limit);
    }
    return this.mentionsOfKey(key, uri, limit);
  }

  private mentionsOfKey(key: string, uri: string | undefined, limit: number): MentionRef[] {
    const out: MentionRef[] = [];
    for (const { entry, slot } of this.postings.places(key, uri)) {
      const doc = this.docs.get(entry.uri);
      if (!doc) continue;
      const keys = entry.keys;
      for (let j = keys.offsets[slot]; j < keys.offsets[slot + 1]; j++) {
        if (out.length >= limit) return out;
        const index = keys.order[j];
        out.push({ uri: entry.uri, index, mention: mentionIn(doc, index) as Mention });
      }
    }
    return out;
  }

  /** How many mentions of the entity each document holds. */
  documentsOf(key: string): Array<{ uri: string; count: number }> {
    const members = this.personGroups().membersOf(key);
    if (members) {
      const counts = new Map<string, number>();
      for (const k of members) for (const d of this.documentsOfKey(k)) counts.set(d.uri, (counts.get(d.uri) ?? 0) + d.count);
      return [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([uri, count]) => ({ uri, count }));
    }
    return this.documentsOfKey(key);
  }

  private documentsOfKey(key: string): Array<{ uri: string; count: number }> {
    return this.postings.places(key).map(({ entry: { uri, keys }, slot }) => ({ uri, count: keys.offsets[slot + 1] - keys.offsets[slot] }));
  }

  /** The entities mentioned as `kind`, with counts, across the workspace or in one document (see entitiesOfKind.ts). */
  entitiesOfKind(kind: MentionKind, uri?: string): EntitySummary[] {
    return entitiesOfKind(this.postings, this.personGroups(), (key) => this.displayName(key), kind, uri);
  }

  /**
   * How often an entity is mentioned (as `kind`, or as any kind) and in which documents, most mentions first,
   * with the first such mention of each document. Linear in the entity's mentions, memoised until the index
   * changes: what a hover card needs, without building a reference per mention.
   */
  usage(key: string, kind?: MentionKind): EntityUsage {
    if (this.usageMemoGeneration !== this.generation) {
      this.usageMemo.clear();
      this.usageMemoGeneration = this.generation;
    }
    const memoKey = `${key}\u0000${kind ?? ''}`;
    const memo = this.usageMemo.get(memoKey);
    if (memo) return memo;
    const documents: Array<{ uri: string; count: number; first: number }> = [];
    let count = 0;
    let role: string | undefined;
    // The role given in the first document by URI that gives one: the same answer whatever the order of updates.
    let roleUri: string | undefined;
    const places = this.personGroups().membersOf(key)?.flatMap((k) => this.postings.places(k, undefined, false)) ?? this.postings.places(key, undefined, false);
    for (const { entry, slot } of places) {
      const { uri, keys } = entry;
      const doc = this.docs.get(uri);
      if (!doc) continue;
      const { n, first, role: docRole } = usageInDocument(doc, keys, slot, kind);
      if (docRole !== undefined && (roleUri === undefined || uri < roleUri)) {
        role = docRole;
        roleUri = uri;
      }
      if (n > 0) {
        // Two ids of one person in the same document: one row, its first mention the earlier.
        const same = documents.find((d) => d.uri === uri);
        if (same) documents[documents.indexOf(same)] = { uri, count: same.count + n, first: Math.min(same.first, first) };
        else documents.push({ uri, count: n, first });
      }
      count += n;
    }
    documents.sort((a, b) => b.count - a.count || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    const usage: EntityUsage = { count, documents, role };
    this.usageMemo.set(memoKey, usage);
    return usage;
  }

  /** Mentions per kind, across the workspace or in one document. */
  kindCounts(uri?: string): Map<MentionKind, number> {
    const counts = new Map<MentionKind, number>();
    const docs = uri !== undefined ? [this.docs.get(uri)].filter((d): d is IndexedDocument => !!d) : this.docs.values();
    for (const doc of docs) {
      for (let i = 0; i < doc.count; i++) {
        const kind = KINDS[doc.kindCodeOf(i)] as MentionKind;
        counts.set(kind, (counts.get(kind) ?? 0) + 1);
      }
    }
    return counts;
  }

  /** Mention `index` of a document (of a document that is not open, a light copy: see {@link ColdDocument}). */
  mention(uri: string, index: number): Mention | undefined {
    const doc = this.docs.get(uri);
    return doc && mentionIn(doc, index);
  }

  /** Line and column of a mention's start and end, for documents that are not open. */
  locate(uri: string, mention: { start: number; end: number }): { start: LinePosition; end: LinePosition } | undefined {
    const doc = this.docs.get(uri);
    if (!doc) return undefined;
    const lineStarts = this.lineStartsOf(doc);
    return { start: positionAt(lineStarts, mention.start), end: positionAt(lineStarts, mention.end) };
  }

  /** Where the document's lines start (computed once, on the first call). */
  lineStarts(uri: string): Uint32Array | undefined {
    const doc = this.docs.get(uri);
    return doc && this.lineStartsOf(doc);
  }

  private lineStartsOf(doc: IndexedDocument): Uint32Array {
    return (doc.lineStarts ??= computeLineStarts(doc.text));
  }

  /** The first mention of an entity in the index (document order), e.g. the target of a workspace symbol. */
  firstMention(key: string, uri?: string): MentionRef | undefined {
    const members = this.personGroups().membersOf(key);
    if (!members) return this.firstMentionOfKey(key, uri);
    let best: MentionRef | undefined;
    for (const k of members) {
      const ref = this.firstMentionOfKey(k, uri);
      if (ref && (!best || ref.uri < best.uri || (ref.uri === best.uri && ref.index < best.index))) best = ref;
    }
    return best;
  }

  private firstMentionOfKey(key: string, uri?: string): MentionRef | undefined {
    let best: Place | undefined;
    for (const place of this.postings.places(key, uri, false)) if (!best || place.entry.uri < best.entry.uri) best = place;
    const doc = best && this.docs.get(best.entry.uri);
    if (!best || !doc) return undefined;
    const keys = best.entry.keys;
    if (keys.offsets[best.slot + 1] === keys.offsets[best.slot]) return undefined;
    const index = keys.order[keys.offsets[best.slot]];
    return { uri: best.entry.uri, index, mention: mentionIn(doc, index) as Mention };
  }

  /** Every entity key in the index (for workspace-symbol search). */
  entityKeys(): string[] {
    const groups = this.personGroups();
    return [...this.postings.keys()].filter((k) => !groups.isMerged(k));
  }

  private removeContributions(uri: string): boolean {
    if (!this.docs.has(uri)) return false;
    this.postings.remove(uri);
    this.entities.remove(uri);
    this.docInputEntities.delete(uri);
    this.docs.delete(uri);
    return true;
  }
}

/** Mention `i` of a document, without making a cold document's whole list. */
function mentionIn(doc: IndexedDocument, i: number): Mention | undefined {
  return i >= 0 && i < doc.count ? doc.mention(i) : undefined;
}
