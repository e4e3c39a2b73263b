import { SpeechHits } from './speechHits';
import { BlockTokens } from './tokens';

/**
 * What the speaker recognizer reuses from one block to the next, owned by a recognizer state (and so by a document
 * analyzer): kept as long as the analyzer, never shared by two of them.
 */
export class SpeakerState {
  /** Turn labels repeat through a transcript: the verdict per label (turnLabels.ts), cleared when it grows large. */
  readonly labelVerdicts = new Map<string, boolean>();
  /** The last block's speech-verb hits, read once for the speaker and the quote rules. */
  readonly hits = new SpeechHits();
  /** The words before positions of the last block, read by every rule that reads backwards from a trigger. */
  readonly tokens = new BlockTokens();
}
