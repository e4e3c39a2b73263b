/**
 * Speech verbs and the other phrases that present someone as saying something. One precompiled regex finds
 * every trigger in a block in a single pass; the rules then look only at the few words around each trigger.
 */

/** How a trigger is used. */
export type TriggerKind =
  /** A verb whose subject is a speaker ("Ryabkov stressed"). */
  | 'verb'
  /** A verb that is speech only with a quotation or a `that` clause after it ("Bush described START as "…""). */
  | 'weakVerb'
  | 'accordingTo'
  | 'quoted'
  | 'interview'
  | 'remarks'
  | 'statement';

const STRONG = [
  'said', 'says', 'say', 'told', 'tells', 'stressed', 'stresses', 'noted', 'notes', 'added', 'adds', 'announced',
  'announces', 'stated', 'states', 'warned', 'warns', 'emphasized', 'emphasised', 'emphasizes', 'emphasises',
  'explained', 'explains', 'predicted', 'predicts', 'claims', 'claimed', 'pointed out', 'points out', 'reiterated',
  'reiterates', 'expressed', 'expresses', 'spoke', 'speaks', 'spoken', 'revealed', 'reveals', 'called on', 'calls on',
  'called for', 'calls for', 'made clear', 'makes clear', 'made it clear', 'reaffirmed', 'reaffirms', 'proposed',
  'proposes', 'commented', 'concluded', 'recalled', 'recalls', 'argued', 'argues', 'insisted', 'insists', 'wrote',
  'writes', 'remarked', 'asserted', 'asserts', 'confirmed', 'confirms', 'acknowledged', 'acknowledges', 'urged',
  'urges', 'suggested', 'suggests', 'replied', 'replies', 'underlined', 'underscored', 'underscores', 'highlighted',
  'mentioned', 'assured', 'was quoted as saying', 'is quoted as saying', 'went on to say', 'spoke out',
];

const WEAK = [
  'described', 'describes', 'called', 'calls', 'responded', 'responds', 'declared', 'declares', 'criticized',
  'criticised', 'complained', 'accused', 'denied', 'welcomed', 'admitted', 'conceded', 'vowed', 'promised', 'pledged',
  'asked', 'answered', 'dismissed', 'rejected', 'condemned', 'hailed', 'praised', 'blamed', 'continued',
];

/** Verbs that also introduce a name after them, after a quotation: `"…," said Ryabkov`. */
export const INVERTIBLE = new Set([
  'said', 'says', 'told', 'added', 'adds', 'noted', 'notes', 'stressed', 'warned', 'explained', 'wrote', 'writes',
  'asked', 'continued', 'concluded', 'insisted', 'argued', 'stated', 'replied', 'recalled', 'emphasized',
  'emphasised', 'declared', 'announced', 'remarked',
]);

const KIND = new Map<string, TriggerKind>();
for (const v of STRONG) KIND.set(v, 'verb');
for (const v of WEAK) KIND.set(v, 'weakVerb');
KIND.set('according to', 'accordingTo');
KIND.set('According to', 'accordingTo');
KIND.set('quoted', 'quoted');
KIND.set('cited', 'quoted');
KIND.set('in an interview', 'interview');
KIND.set('In an interview', 'interview');

const REMARK_NOUNS = 'remarks|comments|statement|statements|words|speech|address|testimony|interview|answer|reply|message';

function alternation(list: string[]): string {
  // Grouped by first letter ("s(?:aid|ays|…)|t(?:old|…)"): V8 then rejects most positions on one character,
  // about three times faster than a flat alternation of 120 phrases. Longest first inside a group so
  // "called on" wins over "called"; a space matches any run of spaces or one line break.
  const groups = new Map<string, string[]>();
  for (const w of [...list].sort((a, b) => b.length - a.length)) {
    const rest = w.slice(1).replace(/ /g, '\\s+');
    const g = groups.get(w.charAt(0));
    if (g) g.push(rest);
    else groups.set(w.charAt(0), [rest]);
  }
  return [...groups].map(([first, rests]) => `${first}(?:${rests.join('|')})`).join('|');
}

/**
 * Speech verbs and phrases. No capture group and no other alternative in the same regex: measured here,
 * either makes V8 about 1.6 times slower on this 120-way alternation. (A hand-written char-code loop hashing
 * each word against a table was tried and measured twice as slow as this regex.)
 */
const VERB_RE = new RegExp(`\\b(?:${alternation([...KIND.keys()])})\\b`, 'g');
/** Module-level, not literals evaluated (a new object each) per trigger. */
const SPACE = /\s/;
const SPACES = /\s+/g;

/**
 * Calls `on` for every speech verb or phrase in a block: start, end, the phrase (single-spaced) and its kind.
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

/** A possessive before a remark noun ("Ryabkov's remarks"), matched from the apostrophe. */
export const REMARKS_RE = new RegExp(`['’]s\\s+(?:[a-z]+\\s+)?(?:${REMARK_NOUNS})\\b`, 'g');

/** "released/issued the following statement": the subject is the speaker. */
export const STATEMENT_RE = /\b(?:released|issued|made)\s+(?:the\s+following|a|this)\s+(?:[a-z]+\s+)?statement\b/g;
