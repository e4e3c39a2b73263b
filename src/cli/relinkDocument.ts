/**
 * One id per person across the files of an `analyze` batch: each person id of a document replaced by its linked
 * person's id and name. Most documents of a large batch name someone linked, and they wait serialized until the
 * batch is done; {@link relinkParts} splices their UTF-8 bytes where a person id stands ({@link personRefs}, found
 * where each was serialized) instead of decoding, parsing and serializing each whole document again.
 */
import type { JsonDocument } from './analyzeFile';

export type PersonLinks = ReadonlyMap<string, { id: string; name: string }>;

/** The document with each linked person's id and name in place of its own (changed in place). */
export function relink(doc: JsonDocument, links: PersonLinks): JsonDocument {
  for (const e of doc.entities) {
    const to = e.id === undefined ? undefined : links.get(e.id);
    if (to) {
      e.id = to.id;
      e.value = to.name;
    }
    // A quote's speaker is the same person across the files too.
    const speaker = e.speakerId === undefined ? undefined : links.get(e.speakerId);
    if (speaker) {
      e.speakerId = speaker.id;
      e.speaker = speaker.name;
    }
  }
  return doc;
}

// Where a person id stands. A quote inside a JSON string is escaped, so these keys with their quotes bare are
// keys of the document's own structure, and a colon followed by a bare quote is a key's end. Entities are
// serialized with their keys in the order analyze writes them: an entity's `value` right after its `id`, a
// quote's `speaker` right before its `speakerId`.
const ID_KEY = Buffer.from('"id"');
const SPEAKER_ID_KEY = Buffer.from('"speakerId"');
/** What follows either key when its value is a person id: searched for once, for both keys. */
const PERSON_VALUE = Buffer.from(':"person:');
const VALUE = Buffer.from(',"value":"');
const SPEAKER = Buffer.from('"speaker":"');
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** Kinds of a {@link PersonRefs} entry: an entity's id and value, a quote's speaker and speaker id. */
const ID_VALUE = 0;
const SPEAKER_NAME_ID = 1;

/**
 * Where the person ids of a serialized document stand, found once where it was serialized (in a worker thread)
 * so that relinking it later is splicing bytes: per reference four numbers, its first byte, its end byte (the
 * person's name included), its id's index in `ids` and its kind.
 */
export interface PersonRefs {
  ids: string[];
  at: number[];
}

/**
 * The {@link PersonRefs} of a {@link JsonDocument} serialized by analyze; undefined when a person id has no name
 * beside it (relinking adds the name at the entity's end, which {@link relinkParts} leaves to the long way).
 * Searched in the document's UTF-8 bytes (as the spool writes them), where offsets are already byte offsets: a
 * quote and a backslash are one byte there, and no byte of another character is either.
 */
export function personRefs(json: string | Buffer): PersonRefs | undefined {
  const bytes = typeof json === 'string' ? Buffer.from(json) : json;
  // Per reference its first and end byte and where its id stands: the entities' ids, then the quotes' speakers.
  const idRefs: number[] = [];
  const speakerRefs: number[] = [];
  for (let at = bytes.indexOf(PERSON_VALUE); at >= 0; at = bytes.indexOf(PERSON_VALUE, at + 1)) {
    const idStart = at + 2;
    if (endsAt(bytes, at, ID_KEY)) {
      const idEnd = stringEnd(bytes, idStart);
      if (VALUE.compare(bytes, idEnd + 1, Math.min(bytes.length, idEnd + 1 + VALUE.length)) !== 0) return undefined;
      idRefs.push(at - ID_KEY.length, stringEnd(bytes, idEnd + 1 + VALUE.length) + 1, idStart, idEnd);
    } else if (endsAt(bytes, at, SPEAKER_ID_KEY)) {
      const key = at - SPEAKER_ID_KEY.length;
      const speaker = bytes.lastIndexOf(SPEAKER, key);
      if (speaker < 0 || stringEnd(bytes, speaker + SPEAKER.length) !== key - 2) return undefined;
      const idEnd = stringEnd(bytes, idStart);
      speakerRefs.push(speaker, idEnd + 1, idStart, idEnd);
    }
  }
  const ids: string[] = [];
  const index = new Map<string, number>();
  const found: number[] = [];
  for (const [refs, kind] of [[idRefs, ID_VALUE], [speakerRefs, SPEAKER_NAME_ID]] as const) {
    for (let r = 0; r < refs.length; r += 4) {
      const id = unescape(bytes.toString('utf8', refs[r + 2], refs[r + 3]));
      let i = index.get(id);
      if (i === undefined) index.set(id, (i = ids.push(id) - 1));
      found.push(refs[r] as number, refs[r + 1] as number, i, kind);
    }
  }
  return { ids, at: found };
}

/**
 * The bytes that stand for a linked person where an id of it stood, one of each kind per id, made once for a
 * batch: most of a batch's references are to the few people many documents name.
 */
export class LinkedBytes {
  private readonly made = [new Map<string, Buffer>(), new Map<string, Buffer>()];

  constructor(readonly links: PersonLinks) {}

  /** The bytes for the reference of `kind` to `id`; undefined when `id` is its person's own. */
  of(id: string, kind: number): Buffer | undefined {
    const made = this.made[kind] as Map<string, Buffer>;
    let bytes = made.get(id);
    if (bytes === undefined) {
      const to = this.links.get(id);
      if (!to) return undefined;
      const [toId, name] = [JSON.stringify(to.id), JSON.stringify(to.name)];
      bytes = Buffer.from(kind === ID_VALUE ? `"id":${toId},"value":${name}` : `"speaker":${name},"speakerId":${toId}`);
      made.set(id, bytes);
    }
    return bytes;
  }
}

/**
 * `JSON.stringify(relink(JSON.parse(json), links))` for the UTF-8 bytes of a {@link JsonDocument} as analyze
 * serializes it (without a newline), given its {@link personRefs}, as the pieces to write one after the other:
 * stretches of the bytes, never decoded, and each linked person's id and name; the bytes alone when nothing is
 * linked. Without refs, the long way.
 */
export function relinkParts(bytes: Buffer, refs: PersonRefs | undefined, links: PersonLinks | LinkedBytes): Uint8Array[] {
  const linked = links instanceof LinkedBytes ? links : new LinkedBytes(links);
  if (refs === undefined) return [Buffer.from(JSON.stringify(relink(JSON.parse(bytes.toString('utf8')) as JsonDocument, linked.links)))];
  const edits: { start: number; end: number; bytes: Buffer }[] = [];
  for (let r = 0; r < refs.at.length; r += 4) {
    const to = linked.of(refs.ids[refs.at[r + 2] as number] as string, refs.at[r + 3] as number);
    if (to) edits.push({ start: refs.at[r] as number, end: refs.at[r + 1] as number, bytes: to });
  }
  if (edits.length === 0) return [bytes];
  edits.sort((a, b) => a.start - b.start);
  const parts: Uint8Array[] = [];
  let at = 0;
  for (const e of edits) {
    parts.push(bytes.subarray(at, e.start), e.bytes);
    at = e.end;
  }
  parts.push(bytes.subarray(at));
  return parts;
}

/** Where the JSON string whose content starts at `from` ends: its closing quote, the first not escaped. */
function stringEnd(bytes: Buffer, from: number): number {
  for (let q = bytes.indexOf(QUOTE, from); q >= 0; q = bytes.indexOf(QUOTE, q + 1)) {
    let backslashes = 0;
    while (bytes[q - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return q;
  }
  throw new Error('a string of a serialized document does not end');
}

/** Whether `key` ends right before byte `end`. */
function endsAt(bytes: Buffer, end: number, key: Buffer): boolean {
  const from = end - key.length;
  if (from < 0) return false;
  for (let k = 0; k < key.length; k++) if (bytes[from + k] !== key[k]) return false;
  return true;
}

/** A JSON string's content as the string it stands for. */
function unescape(content: string): string {
  return content.includes('\\') ? (JSON.parse(`"${content}"`) as string) : content;
}
