/**
 * The reporting verbs and phrases that introduce what someone said, grouped by what may follow them: the reported
 * clause alone (`said the US had not responded`), only a `that` clause or a quotation (`noted that …`: `noted the
 * importance` is an object, not speech), an addressee first (`told reporters that …`), or an addressee and an
 * infinitive that is the content (`called on NATO to provide guarantees`), or a label in quotation marks
 * (`called the test "highly provocative"`), an infinitive or gerund (`vowed to`, `proposed banning`), or a
 * request (`asked the Council to help`). Data, read once into one regex.
 */

/** Every class, in a fixed order (quoteTriggers.ts numbers a verb's kind by it). */
export const VERB_CLASSES = ['clause', 'that', 'tell', 'appeal', 'label', 'commit', 'request'] as const;

export type VerbClass = (typeof VERB_CLASSES)[number];

const CLAUSE = `said says say added adds believes believed thinks thought argued argues claimed claims insisted insists
  warned warns predicted predicts estimated estimates hopes hoped suggested suggests maintained maintains contended
  contends reckoned reckons stated states
  was_quoted_as_saying is_quoted_as_saying were_quoted_as_saying went_on_to_say`;

const THAT = `stressed stresses noted notes reiterated reiterates emphasized emphasised emphasizes emphasises explained
  explains announced announces pointed_out points_out recalled recalls concluded concludes confirmed
  confirms agreed agrees expressed_the_hope expressed_hope expressed_confidence expressed_concern made_clear
  made_it_clear makes_clear underlined underlines underscored underscores highlighted highlights mentioned mentions
  revealed reveals asserted asserts declared declares remarked remarks observed observes replied replies responded
  responds answered answers wrote writes commented comments complained complains cautioned cautions countered
  counters hinted hints reaffirmed reaffirms specified indicated indicates clarified clarifies alleged alleges
  affirmed affirms assessed denied denies opined continued continues acknowledged
  acknowledges conceded admitted reported reports was_clear was_very_clear were_clear is_clear has_been_clear
  have_been_clear has_been_very_clear`;

/**
 * Verbs of commitment and proposal: the content is a `that` clause, an infinitive (`vowed to challenge the
 * result`) or a gerund (`proposed banning all ballistic missiles`); a noun phrase after them is an object.
 */
const COMMIT = `vowed vows promised promises pledged pledges threatened threatens proposed proposes`;

/** Requests: the content is an addressee and an infinitive (`asked the Council to help`), or an infinitive. */
const REQUEST = `asked asks requested requests`;

const TELL = `told tells assured assures reminded reminds informed informs briefed`;

const APPEAL = `called_on calls_on called_for calls_for urged urges`;

/** Verbs that label something with quoted words (`called the test "highly provocative"`): only the quotation is speech. */
const LABEL = `called calls described describes condemned condemns termed terms labeled labelled branded dubbed
  characterized characterised`;

export const VERB_CLASS = new Map<string, VerbClass>();
for (const [list, cls] of [
  [CLAUSE, 'clause'],
  [THAT, 'that'],
  [TELL, 'tell'],
  [APPEAL, 'appeal'],
  [LABEL, 'label'],
  [COMMIT, 'commit'],
  [REQUEST, 'request'],
] as const) {
  for (const w of list.trim().split(/\s+/)) VERB_CLASS.set(w.replace(/_/g, ' '), cls);
}

/**
 * Every phrase, a space matching any run of white space, grouped by first letter (`s(?:aid|ays|…)|t(?:old|…)`)
 * and longest first in a group: V8 then rejects most positions on one character, several times faster than one
 * flat alternation of the same phrases.
 */
export const VERB_RE = new RegExp(`\\b(?:${groupedAlternation([...VERB_CLASS.keys()])})\\b`, 'g');

function groupedAlternation(phrases: string[]): string {
  const groups = new Map<string, string[]>();
  for (const w of [...phrases].sort((a, b) => b.length - a.length)) {
    const rest = w.slice(1).replace(/ /g, '\\s+');
    const g = groups.get(w.charAt(0));
    if (g) g.push(rest);
    else groups.set(w.charAt(0), [rest]);
  }
  return [...groups].map(([first, rests]) => `${first}(?:${rests.join('|')})`).join('|');
}

/** The class of a matched phrase (its white space single-spaced). */
export function verbClass(matched: string): VerbClass | undefined {
  return VERB_CLASS.get(matched.indexOf(' ') < 0 && matched.indexOf('\n') < 0 ? matched : matched.replace(/\s+/g, ' '));
}

/**
 * Participles after a comma that report the words of their sentence's subject (`…, arguing that …`), each with
 * the class of its finite verb.
 */
export const PARTICIPLE_CLASS = new Map<string, VerbClass>();
for (const [list, cls] of [
  ['saying stating adding arguing insisting claiming warning declaring', 'clause'],
  [
    `noting stressing explaining emphasizing emphasising underlining underscoring reiterating recalling asserting
    acknowledging pointing_out highlighting announcing maintaining`,
    'that',
  ],
  ['vowing promising pledging threatening proposing', 'commit'],
  ['asking requesting', 'request'],
  ['urging calling_on calling_for', 'appeal'],
] as const) {
  for (const w of list.trim().split(/\s+/)) PARTICIPLE_CLASS.set(w.replace(/_/g, ' '), cls);
}

/** Words that may stand between a subject and its verb ("Ryabkov also said", "he has repeatedly warned"). */
export const BETWEEN = new Set(
  `has have had was were is are also further again then later earlier previously publicly repeatedly recently once
  reportedly officially personally separately specifically explicitly firmly clearly would will could may might can
  did does do not never already just only even still similarly likewise now but and however too`.split(/\s+/),
);

/** Nouns of people's roles: `the diplomat said`, `according to the Deputy Foreign Minister` refer to a named speaker. */
export const ROLE_NOUNS = new Set(
  `diplomat minister official spokesman spokeswoman spokesperson ambassador envoy secretary president leader senator
  representative congressman congresswoman chairman chairwoman chair adviser advisor general commander negotiator
  premier chancellor deputy politician lawmaker director administrator undersecretary under-secretary
  vice-president counterpart delegate head officer prosecutor governor mayor king queen prince emperor`.split(/\s+/),
);

/** Words that open an adverbial, not a clause: after a verb they mean the content, if any, comes later. */
export const ADVERBIAL_OPENERS = new Set(
  `in at on during after before with about to of for from by via through over under when while as earlier later
  today yesterday tonight last this next on`.split(/\s+/),
);

/** Openers of a sentence part that is not a reported clause (`During the talks, he told …`). */
export const NON_CLAUSE_OPENERS = new Set(
  `during in on at after before when while although though as since because following despite for with by from
  earlier later asked speaking addressing responding commenting referring meanwhile separately also`.split(/\s+/),
);
