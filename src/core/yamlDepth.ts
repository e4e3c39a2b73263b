/**
 * How deeply a YAML text nests lists and mappings, read before the `yaml` library parses it. Its parser
 * recurses once per level, and on input nested thousands of levels deep the engine does not always end that
 * with a catchable stack overflow: a regular expression compiled while the stack is nearly exhausted aborts the
 * whole process (the editor's extension host with it). So sidecars and lexicons nested deeper than any real one
 * are refused before the parser sees them.
 *
 * The reading is a small scanner, not a parser. For a text the parser accepts it counts every flow collection
 * (`[`, `{`) exactly and every block level once per indentation step (a list written at its parent key's
 * indentation shares that step; a collection opened at the start of a line or a scalar after `- ` may count
 * once more), so what it reports is never less than half the real depth and never more than two levels above.
 * Quoted scalars, block scalars (`|`, `>`) and comments are skipped, so brackets in text do not count.
 */
import * as codes from './text/charCodes';
import { isBlank } from './text/charClasses';

// Bound once, not read through the module on every use: see charCodes.ts.
const {
  AMPERSAND,
  APOSTROPHE,
  BACKSLASH,
  CARRIAGE_RETURN,
  COLON,
  COMMA,
  EXCLAMATION_MARK,
  GREATER_THAN_SIGN,
  HYPHEN_MINUS,
  LEFT_CURLY_BRACKET,
  LEFT_SQUARE_BRACKET,
  LINE_FEED,
  NUMBER_SIGN,
  QUESTION_MARK,
  QUOTATION_MARK,
  RIGHT_CURLY_BRACKET,
  RIGHT_SQUARE_BRACKET,
  SPACE,
  TAB,
  VERTICAL_LINE,
} = codes;

/** Far deeper than any sidecar or lexicon (they need fewer than ten levels), far below where the parser fails. */
export const MAX_YAML_DEPTH = 1000;

function isFlowIndicator(c: number): boolean {
  return c === COMMA || c === LEFT_SQUARE_BRACKET || c === RIGHT_SQUARE_BRACKET || c === LEFT_CURLY_BRACKET || c === RIGHT_CURLY_BRACKET;
}

function endsToken(text: string, p: number): boolean {
  const c = text.charCodeAt(p);
  return p >= text.length || c === SPACE || c === TAB || c === LINE_FEED || c === CARRIAGE_RETURN;
}

/** The offset just past the quoted scalar that opens at `p`, or -1 when it never closes. */
function endOfQuoted(text: string, p: number): number {
  const quote = text.charCodeAt(p);
  for (let q = p + 1; q < text.length; q++) {
    const c = text.charCodeAt(q);
    if (quote === QUOTATION_MARK && c === BACKSLASH) q++;
    else if (c === quote) {
      if (quote === APOSTROPHE && text.charCodeAt(q + 1) === APOSTROPHE) q++;
      else return q + 1;
    }
  }
  return -1;
}

function endOfLine(text: string, p: number): number {
  const end = text.indexOf('\n', p);
  return end < 0 ? text.length : end;
}

/**
 * The offset at which `text` first nests lists or mappings more than `limit` levels deep, or -1 when it stays
 * within it. Linear in the text's length.
 */
export function yamlTooDeepAt(text: string, limit = MAX_YAML_DEPTH): number {
  const n = text.length;
  /** Indentation of each open block level. */
  const levels: number[] = [];
  let flow = 0;
  /** Indentation of the line that opened the outermost flow collection: valid flow content never goes left of it. */
  let flowColumn = 0;
  /** Indentation of the line that introduced a block scalar, whose more indented lines are its text; -1 when none. */
  let scalarParent = -1;
  /** Inside a flow collection, whether the next character may start a node (a quoted scalar or a collection). */
  let nodeStart = true;
  /** Whether the last thing read was plain scalar text, which a more indented line in block context continues. */
  let plain = false;
  let p = 0;
  while (p < n) {
    const lineStart = p;
    while (text.charCodeAt(p) === SPACE) p++;
    const column = p - lineStart;
    const first = text.charCodeAt(p);
    if (p >= n) break;
    if (first === LINE_FEED || first === CARRIAGE_RETURN) {
      p = endOfLine(text, p) + 1;
      continue;
    }
    if (scalarParent >= 0) {
      if (column > scalarParent) {
        p = endOfLine(text, p) + 1;
        continue;
      }
      scalarParent = -1;
    }
    if (first === NUMBER_SIGN) {
      p = endOfLine(text, p) + 1;
      continue;
    }
    if (flow > 0 && column < flowColumn) flow = 0;
    if (flow === 0 && plain && column > (levels[levels.length - 1] ?? -1)) {
      // A plain scalar's continuation line: text, whatever characters it starts with.
      p = endOfLine(text, p) + 1;
      continue;
    }
    if (flow === 0) {
      nodeStart = true;
      while (levels.length > 0 && (levels[levels.length - 1] as number) >= column) levels.pop();
      levels.push(column);
      if (levels.length > limit) return p;
    }
    let previousBlank = true;
    /** Whether the last token was a quoted scalar or a closed collection, after which `:` needs no space in flow. */
    let closed = false;
    while (p < n) {
      const c = text.charCodeAt(p);
      if (c === LINE_FEED) break;
      if (isBlank(c) || c === CARRIAGE_RETURN) {
        previousBlank = true;
        p++;
        continue;
      }
      const afterBlank = previousBlank;
      previousBlank = false;
      const afterKey = closed;
      closed = false;
      if (c === NUMBER_SIGN && afterBlank) {
        plain = false;
        p = endOfLine(text, p);
        break;
      }
      plain = false;
      if (nodeStart && flow === 0 && (c === HYPHEN_MINUS || c === QUESTION_MARK) && endsToken(text, p + 1)) {
        // What follows an entry's indicator on its line (`- a: 1`, `- - x`) is a node of its own, indented to
        // where it starts: a mapping there continues on the next lines at that column.
        let q = p + 1;
        while (isBlank(text.charCodeAt(q))) q++;
        const next = text.charCodeAt(q);
        if (q < n && next !== LINE_FEED && next !== CARRIAGE_RETURN && next !== NUMBER_SIGN) {
          levels.push(q - lineStart);
          if (levels.length > limit) return p;
        }
        p++;
        continue;
      }
      if (c === COLON && (endsToken(text, p + 1) || (flow > 0 && (afterKey || isFlowIndicator(text.charCodeAt(p + 1)))))) {
        nodeStart = true;
        p++;
        continue;
      }
      if (nodeStart && (c === QUOTATION_MARK || c === APOSTROPHE)) {
        p = endOfQuoted(text, p);
        if (p < 0) return -1;
        nodeStart = false;
        closed = true;
        continue;
      }
      if (nodeStart && flow === 0 && (c === VERTICAL_LINE || c === GREATER_THAN_SIGN)) {
        scalarParent = column;
        p = endOfLine(text, p);
        break;
      }
      if ((c === LEFT_SQUARE_BRACKET || c === LEFT_CURLY_BRACKET) && (nodeStart || flow > 0)) {
        if (flow === 0) flowColumn = column;
        flow++;
        if (levels.length + flow > limit) return p;
        nodeStart = true;
        p++;
        continue;
      }
      if ((c === RIGHT_SQUARE_BRACKET || c === RIGHT_CURLY_BRACKET) && flow > 0) {
        flow--;
        nodeStart = false;
        closed = true;
        p++;
        continue;
      }
      if (c === COMMA && flow > 0) {
        nodeStart = true;
        p++;
        continue;
      }
      if (nodeStart && (c === AMPERSAND || c === EXCLAMATION_MARK)) {
        // An anchor or a tag comes before the node it names.
        while (p < n && !endsToken(text, p)) p++;
        continue;
      }
      nodeStart = false;
      plain = flow === 0;
      p++;
    }
    p++;
  }
  return -1;
}
