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
  // Longest first so "called on" wins over "called"; spaces match any run of spaces or one line break.
  return [...list].sort((a, b) => b.length - a.length).map((w) => w.replace(/ /g, '\\s+')).join('|');
}

/**
 * Every trigger, in one pass. Group 1: a verb or phrase (see {@link triggerKind}). Group 2: a possessive
 * before a remark noun ("Ryabkov's remarks"), matched at the apostrophe. Group 3: "released/issued the
 * following statement".
 */
export const TRIGGER_RE = new RegExp(
  `\\b(${alternation([...STRONG, ...WEAK, 'according to', 'According to', 'quoted', 'cited', 'in an interview', 'In an interview'])})\\b` +
    `|(['’]s\\s+(?:[a-z]+\\s+)?(?:${REMARK_NOUNS})\\b)` +
    `|\\b((?:released|issued|made)\\s+(?:the\\s+following|a|this)\\s+(?:[a-z]+\\s+)?statement)\\b`,
  'g',
);

/** The kind of a group-1 match (its text with whitespace runs collapsed). */
export function triggerKind(matched: string): TriggerKind | undefined {
  return KIND.get(matched.indexOf('\n') >= 0 || matched.indexOf('  ') >= 0 ? matched.replace(/\s+/g, ' ') : matched);
}
