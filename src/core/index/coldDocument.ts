/**
 * A document that is not open in an editor, indexed as the workspace views need it: where each mention is, its
 * kind and its entity key, in typed arrays, rather than one object per mention. A scanned workspace is mostly
 * such documents, and the index kept every mention of each (with its attributes and strings): for 1,000 documents
 * of a workspace hundreds of thousands of objects, which the garbage collector copied out of the young generation and marked
 * again and again, more CPU than indexing itself. An open document is analysed and indexed whole.
 *
 * Its text is kept as the file's UTF-8 bytes when the host has them, and decoded when a view needs it: a text is
 * a single object but a large one (two bytes a character as soon as it has one curly quote), and copying a
 * thousand of them out of the young generation was most of the collector's remaining work. Strings kept per entity
 * key are copied off the text (see {@link detach}), which they would otherwise keep alive.
 *
 * A mention read from here is a light copy: kind, span, text, entity id, value and source, without attributes
 * (the one a view needs, a person's role, is kept per entity key). Of the derived layers only the quotes are kept
 * (the Quotes view lists every document's), as spans and a speaker per span, and read back as light copies too.
 * Mentions a light copy would not reproduce (manual ones, or one whose text is not its span's) are kept whole.
 */
import type { DocumentView } from '../model/documentView';
import type { Entity } from '../model/entity';
import type { Mention } from '../model/mention';
import type { DocumentDate } from '../recognizers/context';
import { groupByKey, KINDS, type DocKeys } from './docKeys';
import type { IndexedDocument } from './indexedDocument';

const NO_MENTIONS: readonly Mention[] = Object.freeze([]);

/**
 * A closed document as the index stores it, apart from its text: plain data and typed arrays, so a scan in a
 * worker thread can build it and hand it over (structured clone, the arrays transferred; see {@link coldBuffers}).
 * Made by {@link coldParts}: in the index (`WorkspaceIndex.setDocument` of a view to keep cold) or in the scan
 * (scan/coldAnalysis.ts, in the worker or the editor's thread). Read by the index, which keeps `entities` in its
 * entity store and the rest as a {@link ColdDocument}.
 */
export interface ColdParts {
  /** The text's length (UTF-16 code units). */
  length: number;
  documentDate: DocumentDate | undefined;
  /** The mentions grouped by entity key. */
  keys: DocKeys;
  starts: Uint32Array;
  ends: Uint32Array;
  /** Per entity key (slot): the value its mentions carry, whether they carry the key as entity id, a role. */
  slotValues: Array<string | undefined>;
  slotHasId: Uint8Array;
  slotRoles: Array<string | undefined> | undefined;
  /** Mentions a light copy would not reproduce, by index. */
  whole: Map<number, Mention> | undefined;
  /** The quotes layer (see {@link ColdQuotes}), or undefined when the text has no quote. */
  quotes: ColdQuotes | undefined;
  /** The entities the mentions link to (the scan worker sends them apart, each once: see entityTransfer.ts). */
  entities: readonly Entity[];
}

/** A document's quotes: span `i` is `starts[i]..ends[i]`, said by speaker `speakerOf[i]` (an index into `ids`). */
export interface ColdQuotes {
  starts: Uint32Array;
  ends: Uint32Array;
  speakerOf: Uint32Array;
  /** Each speaker's entity id and canonical name. */
  ids: Array<string | undefined>;
  names: Array<string | undefined>;
}

/**
 * The parts of a cold document from its view: `mentions` sorted, main layer only, grouped by entity key (see
 * {@link groupByKey}); `layered`, the view's derived mentions. Strings kept per key are copied off the text (see
 * {@link detach}).
 */
export function coldParts(
  text: string,
  shown: Pick<DocumentView, 'entities' | 'documentDate'>,
  mentions: readonly Mention[],
  layered: readonly Mention[] = NO_MENTIONS,
): ColdParts {
  const keys = groupByKey(mentions);
  const n = mentions.length;
  const starts = new Uint32Array(n);
  const ends = new Uint32Array(n);
  const slotValues = new Array<string | undefined>(keys.keys.length);
  const slotHasId = new Uint8Array(keys.keys.length);
  let roles: Array<string | undefined> | undefined;
  let whole: Map<number, Mention> | undefined;
  for (let i = 0; i < n; i++) {
    const m = mentions[i];
    const slot = keys.slotOf[i];
    starts[i] = m.start;
    ends[i] = m.end;
    if (keys.order[keys.offsets[slot]] === i) {
      slotValues[slot] = m.value === undefined ? undefined : detach(m.value);
      slotHasId[slot] = m.entityId === undefined ? 0 : 1;
    }
    const role = m.attributes?.role;
    if (role !== undefined && (roles === undefined || roles[slot] === undefined)) (roles ??= [])[slot] = detach(role);
    const light =
      m.source === 'auto' &&
      (m.value === undefined ? slotValues[slot] === undefined : m.value === slotValues[slot]) &&
      (m.entityId === undefined) === (slotHasId[slot] === 0) &&
      m.kind === KINDS[keys.kinds[i]] &&
      m.text.length === m.end - m.start &&
      text.startsWith(m.text, m.start);
    if (!light) (whole ??= new Map()).set(i, m);
  }
  return {
    length: text.length,
    documentDate: shown.documentDate,
    keys,
    starts,
    ends,
    slotValues,
    slotHasId,
    slotRoles: roles,
    whole,
    quotes: coldQuotes(layered),
    entities: shown.entities,
  };
}

/** The quotes among `layered`, as {@link ColdQuotes}; a speaker's strings are kept once, copied off the text. */
function coldQuotes(layered: readonly Mention[]): ColdQuotes | undefined {
  const quotes = layered.filter((m) => m.kind === 'quote');
  if (quotes.length === 0) return undefined;
  const starts = new Uint32Array(quotes.length);
  const ends = new Uint32Array(quotes.length);
  const speakerOf = new Uint32Array(quotes.length);
  const ids: Array<string | undefined> = [];
  const names: Array<string | undefined> = [];
  const slots = new Map<string, number>();
  quotes.forEach((q, i) => {
    starts[i] = q.start;
    ends[i] = q.end;
    const speaker = `${q.entityId ?? ''}\u0000${q.value ?? ''}`;
    let slot = slots.get(speaker);
    if (slot === undefined) {
      slots.set(speaker, (slot = ids.length));
      ids.push(q.entityId === undefined ? undefined : detach(q.entityId));
      names.push(q.value === undefined ? undefined : detach(q.value));
    }
    speakerOf[i] = slot;
  });
  return { starts, ends, speakerOf, ids, names };
}

/** The buffers of a document's parts, to transfer rather than copy when they cross to another thread. */
export function coldBuffers(parts: Omit<ColdParts, 'entities'>): ArrayBuffer[] {
  const { keys } = parts;
  const quotes = parts.quotes ? [parts.quotes.starts, parts.quotes.ends, parts.quotes.speakerOf] : [];
  return [parts.starts, parts.ends, parts.slotHasId, keys.offsets, keys.order, keys.kindCounts, keys.slotOf, keys.kinds, ...quotes].map((a) => a.buffer as ArrayBuffer);
}

export class ColdDocument implements IndexedDocument {
  readonly documentDate: DocumentDate | undefined;
  /** The text itself, or its UTF-8 bytes (decoded on use, the result held weakly). */
  private readonly source: string | Uint8Array;
  private decoded: WeakRef<{ text: string }> | undefined;
  lineStarts: Uint32Array | undefined = undefined;
  private runningMaxEnd: Uint32Array | undefined;
  readonly length: number;
  /** Number of (main-layer) mentions. */
  readonly count: number;
  private readonly keys: DocKeys;
  private readonly starts: Uint32Array;
  private readonly ends: Uint32Array;
  private readonly slotValues: Array<string | undefined>;
  private readonly slotHasId: Uint8Array;
  private readonly slotRoles: Array<string | undefined> | undefined;
  private readonly whole: Map<number, Mention> | undefined;
  private materialised: WeakRef<readonly Mention[]> | undefined;
  private readonly quotes: ColdQuotes | undefined;

  /**
   * `source` is the text, or the UTF-8 bytes it was decoded from by a UTF-8 TextDecoder (which drops a byte-order
   * mark), kept instead.
   */
  constructor(
    readonly uri: string,
    parts: ColdParts,
    source: string | Uint8Array,
  ) {
    this.source = source;
    this.length = parts.length;
    this.documentDate = parts.documentDate;
    this.count = parts.starts.length;
    this.keys = parts.keys;
    this.starts = parts.starts;
    this.ends = parts.ends;
    this.slotValues = parts.slotValues;
    this.slotHasId = parts.slotHasId;
    this.slotRoles = parts.slotRoles;
    this.whole = parts.whole;
    this.quotes = parts.quotes;
  }

  /** The quotes, as light copies made on each call (views ask rarely, and keep what they need). */
  get layered(): readonly Mention[] {
    const q = this.quotes;
    if (!q) return NO_MENTIONS;
    const text = this.text;
    const out: Mention[] = new Array(q.starts.length);
    for (let i = 0; i < q.starts.length; i++) {
      const slot = q.speakerOf[i];
      const start = q.starts[i];
      const end = q.ends[i];
      out[i] = { kind: 'quote', start, end, text: text.slice(start, end), entityId: q.ids[slot], value: q.names[slot], source: 'auto', layer: 'quotes' };
    }
    return out;
  }

  /** See {@link IndexedDocument.maxEnd}; made on first use (finding the mention at a place, in an open editor). */
  get maxEnd(): Uint32Array {
    if (!this.runningMaxEnd) {
      const maxEnd = new Uint32Array(this.count);
      let max = 0;
      for (let i = 0; i < this.count; i++) maxEnd[i] = max = Math.max(max, this.ends[i]);
      this.runningMaxEnd = maxEnd;
    }
    return this.runningMaxEnd;
  }

  /** The document's text (decoded from its bytes when that is how it is kept). */
  get text(): string {
    if (typeof this.source === 'string') return this.source;
    let held = this.decoded?.deref();
    if (held === undefined) {
      held = { text: new TextDecoder('utf-8').decode(this.source) };
      this.decoded = new WeakRef(held);
    }
    return held.text;
  }

  /** Every mention, as light copies (made on first use, and again once the collector took them). */
  get mentions(): readonly Mention[] {
    let all = this.materialised?.deref();
    if (!all) {
      const list: Mention[] = [];
      for (let i = 0; i < this.count; i++) list.push(this.mention(i));
      all = list;
      this.materialised = new WeakRef(all);
    }
    return all;
  }

  /** Mention `i`: a light copy, or the mention itself when it was kept whole. */
  mention(i: number): Mention {
    const held = this.whole?.get(i);
    if (held) return held;
    const slot = this.keys.slotOf[i];
    const start = this.starts[i];
    const end = this.ends[i];
    return {
      kind: KINDS[this.keys.kinds[i]],
      start,
      end,
      text: this.text.slice(start, end),
      entityId: this.slotHasId[slot] === 1 ? this.keys.keys[slot] : undefined,
      value: this.slotValues[slot],
      source: 'auto',
    };
  }

  /** The kind code of mention `i` (see {@link kindCode}). */
  kindCodeOf(i: number): number {
    return this.keys.kinds[i];
  }

  /** The first role given at a mention of the key in slot `slot`, if any. */
  roleOf(slot: number): string | undefined {
    return this.slotRoles?.[slot];
  }

  /** The same document under another URI (a file moved). */
  renamed(uri: string): ColdDocument {
    const copy = Object.create(ColdDocument.prototype) as ColdDocument;
    Object.assign(copy, this, { uri, materialised: undefined });
    return copy;
  }
}

/**
 * A copy of `s` that shares no storage with a longer string. V8 makes a slice of 13 characters or more a view of
 * the string it was cut from: a name sliced from a document kept the whole document alive. Concatenating makes a
 * new string, which the slice then flattens into fresh storage of its own.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}
