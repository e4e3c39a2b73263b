/**
 * The reporting-verb lexicon: the words and phrases English uses to present someone as saying something, as data.
 * Each entry is one verb's forms (past, third person, British spellings), separated by commas; entries end with
 * a semicolon. speechVerbs.ts reads these lists into one Map from word form to how the form is used.
 * Present forms that double as plural nouns ("notes", "remarks", "talks") are weak: "Berg notes that …" is
 * speech, "the Berg talks" is not; they close the weak list.
 */

/** Verbs whose named subject is a speaker ("Anna Berg cautioned", "Olaf Holm briefed the council"). */
export const STRONG_VERBS = `
  said, says; told, tells; stated; restated, restates; stressed, stresses; noted; added, adds;
  announced, announces; warned, warns; cautioned, cautions; emphasized, emphasised, emphasizes, emphasises;
  explained, explains; predicted, predicts; forecast; claimed; pointed out, points out; reiterated, reiterates;
  expressed, expresses; voiced; spoke, speaks; spoke out, speaks out; spoke up, speaks up; revealed, reveals;
  disclosed, discloses; called on, calls on; called upon, calls upon; called for, calls for;
  pressed for, presses for; made clear, makes clear; reaffirmed, reaffirms; affirmed, affirms; proposed, proposes;
  put forward, puts forward; commented; concluded, concludes; recalled, recalls; recounted, recounts;
  argued, argues; contended, contends; insisted, insists; wrote, writes; tweeted; remarked; asserted, asserts;
  alleged, alleges; confirmed, confirms; acknowledged, acknowledges; admitted, admits; conceded, concedes;
  confessed, confesses; urged, urges; implored, implores; suggested, suggests; asked, asks; replied, replies;
  retorted, retorts; countered; rejoined, rejoins; underlined, underlines; underscored, underscores; highlighted;
  mentioned; assured, assures; reassured, reassures; briefed; informed, informs; notified, notifies; detailed;
  outlined; laid out, lays out; set out, sets out; spelled out, spells out, spelt out;
  criticized, criticised, criticizes, criticises; condemned, condemns; denounced, denounces; decried, decries;
  deplored, deplores; lamented, laments; lambasted, lambasts; slammed, slams; praised; hailed; accused;
  observed, observes; opined, opines; clarified, clarifies; elaborated, elaborates; specified, specifies;
  stipulated, stipulates; testified, testifies; vowed; pledged; swore; complained, complains; protested;
  exclaimed, exclaims; quipped, quips; joked; boasted, boasts; reminded; advised; recommended, recommends;
  appealed; pleaded, pleads; talked; discussed, discusses; chatted; conversed, converses; confided, confides;
  relayed; conveyed; summarized, summarised, summarizes, summarises; reasoned;
  theorized, theorised, theorizes, theorises; speculated, speculates; surmised, surmises; posited, posits;
  hypothesized, hypothesised, hypothesizes, hypothesises; mused; interjected, interjects;
  went on to say, goes on to say; apologized, apologised, apologizes, apologises; thanked;
  congratulated, congratulates; spoken; written; sworn; foreseen; made it clear, makes it clear;
  made plain, makes plain; made the point, makes the point; was quoted as saying, is quoted as saying;
  expressed the hope, expresses the hope;
`;

/**
 * Verbs that are speech only before a quotation, a colon or a `that` clause ("Berg raised concerns that …",
 * "Berg described the treaty as "dead""), not on their own ("Berg raised the flag", "Berg described the scene").
 */
export const WEAK_VERBS = `
  described, describes; called, calls; responded, responds; answered, answers; questioned, questions;
  inquired, inquires; enquired, enquires; queried, queries; demanded, demands; requested, requests; denied, denies;
  rejected, rejects; dismissed, dismisses; ruled out, rules out; welcomed, welcomes; promised, promises;
  blamed, blames; continued, continues; raised, raises; addressed, addresses; touched on, touches on;
  touched upon, touches upon; shared, shares; agreed, agrees; disagreed, disagrees; objected, objects;
  signaled, signals, signalled; indicated, indicates; hinted, hints; reported, reports; echoed, echoes;
  repeated, repeats; characterized, characterised, characterizes, characterises; labeled, labels, labelled;
  dubbed, dubs; branded, brands; termed, terms; defended, defends; justified, justifies; challenged, challenges;
  disputed, disputes; refuted, refutes; rebutted, rebuts; contradicted, contradicts; threatened, threatens;
  guaranteed, guarantees; offered, offers; presented, presents; unveiled, unveils; floated, floats;
  declared, declares; proclaimed, proclaims; pronounced, pronounces; estimated, estimates; attacked, attacks;
  blasted, blasts; rebuked, rebukes; chided, chides; reproached, reproaches; assailed, assails;
  encouraged, encourages; invited, invites; recognized, recognised, recognizes, recognises; reflected, reflects;
  wondered, wonders; concurred, concurs; regretted, regrets; was clear, were clear, was very clear, is clear;
  was explicit, was adamant, was emphatic, was firm; accuses; advises; appeals; briefs; claims; comments; conveys;
  counters; details; forecasts; hails; highlights; jokes; mentions; muses; notes; outlines; pledges; praises;
  protests; reasons; relays; remarks; reminds; states; swears; talks; tweets; voices; vows;
`;

/** Base forms, speech after a modal or auxiliary ("Berg would say", "Berg did not stress") or a plural subject. */
export const BASE_VERBS = `
  say; tell; add; stress; note; warn; insist; argue; explain; emphasize, emphasise; confirm; claim; predict;
  suggest; recall; acknowledge; admit; urge; announce; state; reiterate; caution; point out; make clear; comment;
`;

/** Words that introduce a base form ("Berg would say"): modals and the auxiliary `do`. */
export const MODALS = `
  will would could should can may might must shall did does do
`;

/** Verbs that also take their speaker after them, after a quotation or a comma: `"…," cautioned Anna Berg`. */
export const INVERTIBLE_VERBS = `
  said, says, told, added, adds, noted, notes, stressed, warned, explained, wrote, writes, asked, continued,
  concluded, insisted, argued, stated, replied, recalled, emphasized, emphasised, declared, announced, remarked,
  cautioned, observed, countered, retorted, quipped, joked, admitted, conceded, acknowledged, explained,
  insists, argues, recalls, warns, stresses, adds, asks, continues, concludes, replies, explains, observes,
  underlined, underscored, lamented, complained, suggested, confirmed, predicted, urged, pleaded, reiterated,
`;

/**
 * Phrases after a speaker's name that frame what follows as their words, `Berg, in a statement, urged` aside:
 * "Anna Berg in an interview with a daily assessed …", "Olaf Holm in a tweet called …".
 */
export const FRAMING_PHRASES = `
  in an interview, in a statement, in a tweet, in a post, in remarks, in his remarks, in her remarks, in a speech,
  in his speech, in her speech, in a letter, in an article, in an op-ed, in a message, in an address,
  in a video address, in a press release, in a commentary, in testimony, in a briefing, in a video,
  in a televised address, in a written statement, in a joint statement, in comments,
`;

/** Nouns for what someone said, after a possessive or before "by": "Berg's remarks", "remarks by Anna Berg". */
export const REMARK_NOUNS = `
  remarks, comments, statement, statements, words, speech, address, testimony, interview, answer, reply, message,
  tweet, tweets, op-ed,
`;

/** Nouns for what someone proposed or declared, before "by" only: "a proposal by Olaf Holm", "concerns voiced by X". */
export const BY_NOUNS = `
  warning, warnings, appeal, assurance, assurances, pledge, promise, proposal, proposals, call, claim, claims,
  admission, announcement, briefing, explanation, response, criticism, declaration, rebuttal, retort, accusation,
  accusations, allegation, allegations, question, questions, objection, objections, concern, concerns, plea,
  request, demand, demands, suggestion, recommendation, initiative, initiatives, idea, ideas, message, messages,
`;

/** Participles that make "by X" a speaker on their own: "as noted by Anna Berg", "the view expressed by X". */
export const PASSIVE_SPEECH = `
  said, stated, noted, stressed, emphasized, emphasised, explained, announced, proposed, put forward, voiced,
  expressed, articulated, uttered, reiterated, underlined, underscored, highlighted, tabled, spoken, suggested,
`;

/** Participles that make "by X" a speaker after a noun for words: "the proposal made by X", "concerns raised by X". */
export const PASSIVE_AFTER_NOUN = `
  made, issued, delivered, given, written, read, raised, offered, presented, floated, set out, laid out, advanced,
  put, sent, posted, published, released, shared, conveyed, relayed, outlined,
`;

/** Weak verbs that are speech before a word for something said, too ("Berg raised concerns about", "shared her view"). */
export const OBJECT_VERBS = `
  raised, raises, shared, shares, voiced, expressed, reiterated, stressed, answered, answers,
`;

/** What a speaker raises or shares, after an optional determiner ("the", "his", "Moscow's"). */
export const SPEECH_OBJECTS = `
  concern, concerns, issue, issues, question, questions, matter, case, topic, subject, objection, objections, doubt,
  doubts, alarm, possibility, prospect, need, view, views, assessment, assessments, position, idea, ideas, proposal,
  proposals, hope, regret, criticism, complaint, complaints, worry, worries, point, points, problem, problems,
`;

/**
 * Present participles that make the name right before them a speaker, with no finite verb: "what about Berg
 * saying …", "the talks ended with Holm arguing that …". Only those that are speech in any context.
 */
export const SPEECH_PARTICIPLES = `
  saying, arguing, insisting, claiming, asserting, stressing, warning, urging, telling, explaining, declaring,
  announcing, complaining, predicting, suggesting, vowing, pledging, demanding, accusing, speaking,
`;
