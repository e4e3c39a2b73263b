/**
 * The speaker rules' triggers read from the block's shared speech hits (speechHits.ts): what speechVerbs.ts's
 * `scanTriggers` finds, in the same order, without a regex pass of its own.
 */
import { classifyPhrase, EXACT, phraseOf, phrasePrefixes, PHRASE_COUNT, REREAD, rereadSpan, UNKNOWN, type SpeechHits } from './speechHits';
import { knownTriggers, VERB_RE, type TriggerKind } from './speechVerbs';

const KIND = knownTriggers();
/** The speaker expression, tried at one place (sticky) or over a phrase (global; not the scan's own object). */
const STICKY = new RegExp(VERB_RE.source, 'y');
const WHOLE = new RegExp(VERB_RE.source, 'g');
const PREFIXES = phrasePrefixes(KIND.keys());
/**
 * Per phrase id, how the speaker expression reads it (speechHits.ts's UNKNOWN, EXACT, NONE or REREAD): a constant
 * table, a function of the phrase lists alone, filled on first use so that loading the module classifies nothing.
 */
const CLASS = new Uint8Array(PHRASE_COUNT);
const SPACES = /\s+/g;

export type OnTrigger = (start: number, end: number, phrase: string, kind: TriggerKind) => void;

/** Calls `on` for every speaker trigger of the block `hits` last read: start, end, the phrase and its kind. */
export function eachSpeakerTrigger(hits: SpeechHits, on: OnTrigger): void {
  const block = hits.block as string;
  const data = hits.data;
  // Where the expression's own scan would go on: a match reread may run past its hit.
  let pos = 0;
  for (let i = 0, n = 3 * hits.count; i < n; i += 3) {
    const s = data[i] as number;
    const e = data[i + 1] as number;
    if (e <= pos) continue;
    const id = data[i + 2] as number;
    let cls = CLASS[id] as number;
    if (cls === UNKNOWN) CLASS[id] = cls = classifyPhrase(phraseOf(id), WHOLE, PREFIXES);
    if (s >= pos && cls === EXACT) {
      const phrase = phraseOf(id);
      on(s, e, phrase, KIND.get(phrase) as TriggerKind);
      pos = e;
    } else if (s < pos || cls === REREAD) pos = rereadSpan(block, Math.max(s, pos), e, STICKY, (m) => onMatch(m, on));
  }
}

/** A match of the speaker expression, as `scanTriggers` reports it. */
function onMatch(m: RegExpExecArray, on: OnTrigger): void {
  const text = m[0];
  const phrase = KIND.has(text) ? text : text.replace(SPACES, ' ');
  const kind = KIND.get(phrase);
  if (kind) on(m.index, m.index + text.length, phrase, kind);
}
