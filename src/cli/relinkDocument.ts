/**
 * One id per person across the files of an `analyze` batch: each person id of a document replaced by its linked
 * person's id and name. Most documents of a large batch name someone linked, and they wait serialized until the
 * batch is done; {@link relinkJson} rewrites their JSON where a person id stands instead of parsing and
 * serializing each whole document again.
 */
import type { JsonDocument } from './analyzeCommand';

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

// A JSON string's content: no unescaped quote. A key's opening quote inside a string would be escaped, so a
// match starts only at a key of the document's own structure. Entities are serialized with their keys in the
// order analyze writes them: an entity's `value` right after its `id`, a quote's `speaker` right before its
// `speakerId`.
const STRING = String.raw`(?:[^"\\]|\\.)*`;
const PERSON_ID = new RegExp(String.raw`"id":"(person:${STRING})"(,"value":"${STRING}")?`, 'g');
const SPEAKER_ID = new RegExp(String.raw`("speaker":"${STRING}",)?"speakerId":"(person:${STRING})"`, 'g');

/**
 * `JSON.stringify(relink(JSON.parse(json), links))` for the JSON of a {@link JsonDocument} as analyze
 * serializes it, mostly without parsing it: a linked person without its name beside the id (which relinking
 * adds at the entity's end) takes the long way.
 */
export function relinkJson(json: string, links: PersonLinks): string {
  let unnamed = false;
  const out = json
    .replace(PERSON_ID, (all, id: string, value: string | undefined) => {
      const to = links.get(unescape(id));
      if (!to) return all;
      if (value === undefined) unnamed = true;
      return `"id":${JSON.stringify(to.id)},"value":${JSON.stringify(to.name)}`;
    })
    .replace(SPEAKER_ID, (all, speaker: string | undefined, id: string) => {
      const to = links.get(unescape(id));
      if (!to) return all;
      if (speaker === undefined) unnamed = true;
      return `"speaker":${JSON.stringify(to.name)},"speakerId":${JSON.stringify(to.id)}`;
    });
  return unnamed ? JSON.stringify(relink(JSON.parse(json) as JsonDocument, links)) : out;
}

/** A JSON string's content as the string it stands for. */
function unescape(content: string): string {
  return content.includes('\\') ? (JSON.parse(`"${content}"`) as string) : content;
}
