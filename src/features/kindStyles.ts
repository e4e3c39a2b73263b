/**
 * How each kind is drawn, told apart by more than colour: a line shape of its own under the text and its own
 * lane in the overview ruler, so a reader who cannot tell the theme colours apart still sees which kind a
 * highlight is. Manual annotations keep their kind's look and gain a small pencil after the text, in a neutral
 * colour, so that they read as "written by hand" rather than as an error. Free of `vscode` so that the unit
 * layer can check the table; `decorations.ts` turns it into decoration types.
 */
import type { HighlightKind } from '../core/model/mention';

export type RulerLane = 'left' | 'center' | 'right';

export interface KindStyle {
  /** CSS border-style of the line(s) drawn with the kind's border colour. */
  line: 'solid' | 'dotted' | 'dashed' | 'double';
  /** CSS border-width: which sides are drawn and how thick (double needs 3px to show two lines). */
  width: string;
  lane: RulerLane;
}

export const KIND_STYLES: Readonly<Record<HighlightKind, KindStyle>> = {
  speaker: { line: 'solid', width: '0 0 2px 0', lane: 'left' },
  date: { line: 'dotted', width: '0 0 2px 0', lane: 'center' },
  treaty: { line: 'dashed', width: '0 0 2px 0', lane: 'right' },
  person: { line: 'double', width: '0 0 3px 0', lane: 'left' },
  // Over- and underlined: the one kind with a line above the text.
  custom: { line: 'solid', width: '1px 0 1px 0', lane: 'center' },
};

/** Drawn after each manual annotation, in `marginalia.manualBorder`. */
export const MANUAL_MARKER = '\u270e';
