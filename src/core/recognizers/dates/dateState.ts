import { parseAnchor, type Anchor } from './calendar';

/**
 * What the date recognizer reuses from one block to the next, owned by a document analyzer: the analyzer calls
 * it once per block with the same document date, which is parsed once.
 */
export class DateState {
  private lastValue: string | undefined;
  private lastAnchor: Anchor | undefined;

  anchorOf(value: string | undefined): Anchor | undefined {
    if (value !== this.lastValue) {
      this.lastValue = value;
      this.lastAnchor = parseAnchor(value);
    }
    return this.lastAnchor;
  }
}
