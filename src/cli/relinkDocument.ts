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
// keys of the document's own structure. Entities are serialized with their keys in the order analyze writes
// them: an entity's `value` right after its `id`, a quote's `speaker` right before its `speakerId`.
const ID = '"id":"person:';
const VALUE = ',"value":"';
const SPEAKER = '"speaker":"';
const SPEAKER_ID = '"speakerId":"person:';

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
 */
export function personRefs(json: string): PersonRefs | undefined {
  const found: number[] = [];
  const ids: string[] = [];
  const index = new Map<string, number>();
  const idOf = (start: number, end: number) => {
    const id = unescape(json.slice(start, end));
    let i = index.get(id);
    if (i === undefined) index.set(id, (i = ids.push(id) - 1));
    return i;
  };
  for (let at = json.indexOf(ID); at >= 0; at = json.indexOf(ID, at + 1)) {
    const idStart = at + '"id":"'.length;
    const idEnd = stringEnd(json, idStart);
    if (!json.startsWith(VALUE, idEnd + 1)) return undefined;
    found.push(at, stringEnd(json, idEnd + 1 + VALUE.length) + 1, idOf(idStart, idEnd), ID_VALUE);
  }
  for (let at = json.indexOf(SPEAKER_ID); at >= 0; at = json.indexOf(SPEAKER_ID, at + 1)) {
    const idStart = at + '"speakerId":"'.length;
    const speaker = json.lastIndexOf(SPEAKER, at);
    if (speaker < 0 || stringEnd(json, speaker + SPEAKER.length) !== at - 2) return undefined;
    found.push(speaker, stringEnd(json, idStart) + 1, idOf(idStart, stringEnd(json, idStart)), SPEAKER_NAME_ID);
  }
  return { ids, at: inBytes(json, found) };
}

/**
 * `JSON.stringify(relink(JSON.parse(json), links))` for the UTF-8 bytes of a {@link JsonDocument} as analyze
 * serializes it (without a newline), given its {@link personRefs}, as the pieces to write one after the other:
 * stretches of the bytes, never decoded, and each linked person's id and name; the bytes alone when nothing is
 * linked. Without refs, the long way.
 */
export function relinkParts(bytes: Buffer, refs: PersonRefs | undefined, links: PersonLinks): Uint8Array[] {
  if (refs === undefined) return [Buffer.from(JSON.stringify(relink(JSON.parse(bytes.toString('utf8')) as JsonDocument, links)))];
  const edits: { start: number; end: number; text: string }[] = [];
  for (let r = 0; r < refs.at.length; r += 4) {
    const to = links.get(refs.ids[refs.at[r + 2] as number] as string);
    if (!to) continue;
    const [id, name] = [JSON.stringify(to.id), JSON.stringify(to.name)];
    const text = refs.at[r + 3] === ID_VALUE ? `"id":${id},"value":${name}` : `"speaker":${name},"speakerId":${id}`;
    edits.push({ start: refs.at[r] as number, end: refs.at[r + 1] as number, text });
  }
  if (edits.length === 0) return [bytes];
  edits.sort((a, b) => a.start - b.start);
  const parts: Uint8Array[] = [];
  let at = 0;
  for (const e of edits) {
    parts.push(bytes.subarray(at, e.start), Buffer.from(e.text));
    at = e.end;
  }
  parts.push(bytes.subarray(at));
  return parts;
}

/**
 * The references' string offsets (the first two of each four numbers) as offsets in the string's UTF-8 bytes.
 * References do not overlap: in the order they stand, their offsets only grow.
 */
function inBytes(json: string, found: number[]): number[] {
  const order: number[] = [];
  for (let r = 0; r < found.length; r += 4) order.push(r);
  order.sort((a, b) => (found[a] as number) - (found[b] as number));
  const out = [...found];
  let char = 0;
  let bytes = 0;
  for (const r of order) {
    for (const k of [r, r + 1]) {
      bytes += Buffer.byteLength(json.slice(char, found[k]));
      char = found[k] as number;
      out[k] = bytes;
    }
  }
  return out;
}

/** Where the JSON string whose content starts at `from` ends: its closing quote, the first not escaped. */
function stringEnd(json: string, from: number): number {
  for (let q = json.indexOf('"', from); q >= 0; q = json.indexOf('"', q + 1)) {
    let backslashes = 0;
    while (json.charCodeAt(q - 1 - backslashes) === 0x5c) backslashes++;
    if (backslashes % 2 === 0) return q;
  }
  throw new Error('a string of a serialized document does not end');
}

/** A JSON string's content as the string it stands for. */
function unescape(content: string): string {
  return content.includes('\\') ? (JSON.parse(`"${content}"`) as string) : content;
}
