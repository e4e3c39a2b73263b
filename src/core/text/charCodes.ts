/**
 * Named UTF-16 code units, for code that reads text with `charCodeAt` (the recognisers do, to avoid slicing
 * strings near every candidate). A comparison reads `c === COMMA`, never `c === 44`.
 *
 * A module that uses them (or the classes of charClasses.ts) binds them to its own constants once, at load:
 * `import * as codes from '…/charCodes'; const { COMMA } = codes;`. Run from source (tsx, as the tests and the
 * benchmarks are), every use of an imported binding is a call to an accessor of the exporting module, about ten
 * times the cost of a local constant in a loop over characters; a local binding costs that once.
 */

// Control characters that are white space.
export const TAB = 0x09;
export const LINE_FEED = 0x0a;
export const CARRIAGE_RETURN = 0x0d;

// ASCII punctuation and symbols.
export const SPACE = 0x20;
export const EXCLAMATION_MARK = 0x21;
/** The straight double quotation mark `"`. */
export const QUOTATION_MARK = 0x22;
export const NUMBER_SIGN = 0x23;
export const DOLLAR_SIGN = 0x24;
export const PERCENT_SIGN = 0x25;
export const AMPERSAND = 0x26;
/** The straight single quotation mark `'`, also the ASCII apostrophe. */
export const APOSTROPHE = 0x27;
export const LEFT_PARENTHESIS = 0x28;
export const RIGHT_PARENTHESIS = 0x29;
export const ASTERISK = 0x2a;
export const COMMA = 0x2c;
/** `-`: the ASCII hyphen, also typed for dashes and minus signs. */
export const HYPHEN_MINUS = 0x2d;
export const FULL_STOP = 0x2e;
export const SLASH = 0x2f;
export const DIGIT_ZERO = 0x30;
export const DIGIT_NINE = 0x39;
export const COLON = 0x3a;
export const SEMICOLON = 0x3b;
export const GREATER_THAN_SIGN = 0x3e;
export const QUESTION_MARK = 0x3f;
export const COMMERCIAL_AT = 0x40;
export const LEFT_SQUARE_BRACKET = 0x5b;
/** `\`, the escape character of quoted strings. */
export const BACKSLASH = 0x5c;
export const RIGHT_SQUARE_BRACKET = 0x5d;
export const UNDERSCORE = 0x5f;
export const LEFT_CURLY_BRACKET = 0x7b;
export const VERTICAL_LINE = 0x7c;
export const RIGHT_CURLY_BRACKET = 0x7d;

// ASCII letters, named where a rule compares with one of them.
export const UPPER_A = 0x41;
export const UPPER_B = 0x42;
export const UPPER_C = 0x43;
export const UPPER_I = 0x49;
export const UPPER_J = 0x4a;
export const UPPER_M = 0x4d;
export const UPPER_O = 0x4f;
export const UPPER_Q = 0x51;
export const UPPER_R = 0x52;
export const UPPER_S = 0x53;
export const UPPER_Y = 0x59;
export const UPPER_Z = 0x5a;
export const LOWER_A = 0x61;
export const LOWER_F = 0x66;
export const LOWER_H = 0x68;
export const LOWER_J = 0x6a;
export const LOWER_K = 0x6b;
export const LOWER_N = 0x6e;
export const LOWER_O = 0x6f;
export const LOWER_P = 0x70;
export const LOWER_R = 0x72;
export const LOWER_S = 0x73;
export const LOWER_T = 0x74;
export const LOWER_Y = 0x79;
export const LOWER_Z = 0x7a;

/** The last ASCII code unit: past it, a class needs the Unicode tables. */
export const ASCII_MAX = 0x7f;

// Beyond ASCII.
export const NO_BREAK_SPACE = 0xa0;
export const POUND_SIGN = 0xa3;
export const LEFT_GUILLEMET = 0xab;
export const RIGHT_GUILLEMET = 0xbb;
/** `À`, the first letter of Latin-1: everything below it past ASCII is a symbol or a control. */
export const LATIN1_FIRST_LETTER = 0xc0;
/** `ɏ`, the last letter of Latin Extended-B. */
export const LATIN_EXTENDED_B_LAST = 0x24f;
export const HYPHEN = 0x2010;
export const NON_BREAKING_HYPHEN = 0x2011;
export const EN_DASH = 0x2013;
export const EM_DASH = 0x2014;
/** `’`: the right single quotation mark, also the typographic apostrophe. */
export const RIGHT_SINGLE_QUOTE = 0x2019;
export const LEFT_DOUBLE_QUOTE = 0x201c;
export const RIGHT_DOUBLE_QUOTE = 0x201d;
/** `„`: the low-9 double quotation mark that opens a quotation in German and Russian. */
export const LOW_DOUBLE_QUOTE = 0x201e;
export const LINE_SEPARATOR = 0x2028;
export const PARAGRAPH_SEPARATOR = 0x2029;
export const THIN_SPACE = 0x2009;
export const NARROW_NO_BREAK_SPACE = 0x202f;
export const EURO_SIGN = 0x20ac;
