/**
 * Finds the triggers of speaker rules in a block: the reporting verbs and phrases of reportingLexicon.ts,
 * "according to", "quoted"/"cited", and framing phrases ("in an interview"), in one regex pass; the rules then
 * look only at the few words around each trigger, and sets of word forms answer their questions by lookup.
 */
import {
  BASE_VERBS, BY_NOUNS, FRAMING_PHRASES, INVERTIBLE_VERBS, MODALS, OBJECT_VERBS, PASSIVE_AFTER_NOUN, PASSIVE_SPEECH,
  REMARK_NOUNS, SPEECH_OBJECTS, SPEECH_PARTICIPLES, STRONG_VERBS, WEAK_VERBS,
} from './reportingLexicon';

/** How a trigger is used. */
export type TriggerKind =
  /** A verb whose subject is a speaker ("Ryabkov stressed"). */
  | 'verb'
  /** A verb that is speech only with a quotation or a `that` clause after it ("Bush described START as "…""). */
  | 'weakVerb'
  /** A base form, speech after a modal ("Berg would say"). */
  | 'baseVerb'
  | 'accordingTo'
  | 'quoted'
  /** A present participle right after its speaker's name ("what about Berg saying …"). */
  | 'participle'
  /** A phrase after the speaker's name that frames their words ("Berg in an interview assessed"). */
  | 'framing';

/** The entries of a lexicon list: comma- or semicolon-separated, single-spaced, lower case. */
export function lexiconEntries(list: string): string[] {
  return list
    .split(/[,;]/)
    .map((w) => w.trim().replace(/\s+/g, ' '))
    .filter((w) => w.length > 0);
}

function wordSet(list: string): Set<string> {
  return new Set(lexiconEntries(list.replace(/\s+/g, ',')));
}

/** Verbs that also introduce a name after them, after a quotation: `"…," said Ryabkov`. */
export const INVERTIBLE = new Set(lexiconEntries(INVERTIBLE_VERBS));
/** Words before a base form that make it a finite verb ("would say", "did not say"). */
export const MODAL_WORDS = wordSet(MODALS);
/** Nouns for what someone said ("Berg's remarks", "remarks by Berg"). */
export const SPOKEN_NOUNS = new Set(lexiconEntries(REMARK_NOUNS));
/** Nouns that make "by X" a speaker ("a proposal by Berg"), the spoken nouns included. */
export const BY_SPEAKER_NOUNS = new Set([...SPOKEN_NOUNS, ...lexiconEntries(BY_NOUNS)]);
/** Participles after which "by X" is a speaker, alone or after a spoken noun. */
export const PASSIVE_ALONE = new Set(lexiconEntries(PASSIVE_SPEECH));
export const PASSIVE_WITH_NOUN = new Set(lexiconEntries(PASSIVE_AFTER_NOUN));
/** Weak verbs that are speech before a spoken object ("raised concerns"), and those objects. */
export const WITH_OBJECT = new Set(lexiconEntries(OBJECT_VERBS));
export const OBJECTS = new Set(lexiconEntries(SPEECH_OBJECTS));

const KIND = new Map<string, TriggerKind>();

function add(phrase: string, kind: TriggerKind): void {
  const had = KIND.get(phrase);
  // A form listed twice keeps its strongest use: a verb over a weak verb over a base form.
  if (had === undefined || had === 'baseVerb' || (had === 'weakVerb' && kind === 'verb')) KIND.set(phrase, kind);
}

for (const p of lexiconEntries(BASE_VERBS)) add(p, 'baseVerb');
for (const p of lexiconEntries(WEAK_VERBS)) add(p, 'weakVerb');
for (const p of lexiconEntries(STRONG_VERBS)) add(p, 'verb');
for (const p of lexiconEntries(SPEECH_PARTICIPLES)) add(p, 'participle');
add('quoted', 'quoted');
add('cited', 'quoted');
add('quotes', 'quoted');
// These may open a sentence: "According to Berg, …", "In an interview, Berg …".
for (const p of ['according to', ...lexiconEntries(FRAMING_PHRASES)]) {
  const kind: TriggerKind = p === 'according to' ? 'accordingTo' : 'framing';
  add(p, kind);
  add(p.charAt(0).toUpperCase() + p.slice(1), kind);
}

/** Every phrase the scanner knows, with its kind (for tests and tools). */
export function knownTriggers(): ReadonlyMap<string, TriggerKind> {
  return KIND;
}

interface TrieNode {
  end: boolean;
  next: Map<string, TrieNode>;
}

/**
 * One regex source for a list of phrases, with shared prefixes factored out ("in\\s+(?:a\\s+(?:speech|tweet)|an…)"):
 * V8 then reads each shared prefix once instead of once per phrase, and rejects most positions on their first
 * character. A space in a phrase matches any run of spaces or one line break; the longest phrase wins.
 */
export function trieSource(list: readonly string[]): string {
  const root: TrieNode = { end: false, next: new Map() };
  for (const w of list) {
    let node = root;
    for (const ch of w) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { end: false, next: new Map() }));
      node = child;
    }
    node.end = true;
  }
  return emit(root);
}

// Leaves return before any array is made (an empty array from `map` has another elements kind than the others),
// and every node builds the same strings whichever form it returns: code first met after emit was optimized
// deoptimized it while the module loads.
function emit(node: TrieNode): string {
  if (node.next.size === 0) return '';
  const alts: string[] = [];
  for (const [ch, child] of node.next) alts.push((ch === ' ' ? '\\s+' : ch.replace(/[-.]/g, '\\$&')) + emit(child));
  const inner = alts.join('|');
  const grouped = `(?:${inner})`;
  if (!node.end) return alts.length === 1 ? inner : grouped;
  return (alts.length === 1 && inner.length === 1 ? inner : grouped) + '?';
}

/**
 * Every phrase of the lexicon, compiled into one regex that locates them and a Map that says how each is used.
 * V8 reads such an alternation faster than a char-code loop hashing each word for a Map lookup, and one pass of
 * a union with the date and treaty words, each recogniser confirming its own matches after, did not pay either. No capture group and no other alternative in the same regex: either
 * makes V8 slower here.
 */
export const VERB_RE = new RegExp(`\\b${trieSource([...KIND.keys()])}\\b`, 'g');
/** Module-level, not literals evaluated (a new object each) per trigger. */
const SPACE = /\s/;
const SPACES = /\s+/g;

/**
 * Calls `on` for every trigger in a block: start, end, the phrase (single-spaced) and its kind.
 */
export function scanTriggers(block: string, on: (start: number, end: number, phrase: string, kind: TriggerKind) => void): void {
  const re = VERB_RE;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(block)) !== null) {
    const text = m[0];
    // Most matches are one word and a key as they stand; only a phrase spaced otherwise ("according\nto") is
    // respaced (a key holds single spaces, so a match found as it stands needs no respacing).
    let phrase = text;
    let kind = KIND.get(text);
    if (kind === undefined && SPACE.test(text)) {
      phrase = text.replace(SPACES, ' ');
      kind = KIND.get(phrase);
    }
    if (kind) on(m.index, m.index + text.length, phrase, kind);
  }
}

/** A possessive before a spoken noun ("Ryabkov's remarks"), matched from the apostrophe. */
export const REMARKS_RE = new RegExp(`['’]s\\s+(?:[a-z]+\\s+)?(?:${[...SPOKEN_NOUNS].map((w) => w.replace(/-/g, '\\-')).join('|')})\\b`, 'g');

/** "released/issued the following statement": the subject is the speaker. */
export const STATEMENT_RE = /\b(?:released|issued|made)\s+(?:the\s+following|a|this)\s+(?:[a-z]+\s+)?statement\b/g;
