/**
 * Word classes the name scanner consults: which capitalised words are titles, places, organisations or plain
 * sentence words rather than parts of a person's name. Data only, held in Sets so a lookup is one hash probe
 * (a large alternation regex would be far slower). Compared in lower case; a trailing period is kept for
 * abbreviations ("gen.", "sen.").
 */

function words(text: string): Set<string> {
  return new Set(text.trim().split(/\s+/));
}

/** Titles, ranks and offices. Before a name they form its role; they never belong to the name itself. */
export const TITLE_WORDS = words(`
  president presidents secretaries senators ambassadors generals vice-president vice prime premier minister secretary secretary-general deputy undersecretary under-secretary
  under assistant ambassador ambassador-at-large envoy special spokesman spokeswoman spokesperson spokespeople press
  senator sen. representative rep. congressman congresswoman governor gov. mayor chancellor king queen prince princess
  pope emir sheikh sultan general gen. lieutenant lt. colonel col. major maj. admiral adm. captain capt. sergeant sgt.
  brig. brigadier marshal commander commander-in-chief chairman chairwoman chair chairperson director director-general chief head
  adviser advisor counselor counsellor coordinator commissioner attorney justice judge leader official officials
  representative negotiator delegate diplomat consul consul-general aide mr. mr ms. ms mrs. mrs dr. dr miss sir lord lady
  dame prof. professor rev. reverend father patriarch metropolitan former acting then-president senior top
  first executive permanent foreign defense defence interior finance security national political affairs strategic
  presidential ministerial kremlin pentagon state department ministry office council committee cabinet administration
  house staff joint chiefs member mp lawmaker journalist correspondent editor reporter columnist analyst expert
  historian author writer inspector moderator secretariat press-secretary speaker majority minority whip
  ombudsman prosecutor prosecutor-general auditor governor-general viceroy deputy-head spokesperson-in-chief
`);

/** Lower-case words that head a role phrase before a name ("Kremlin spokesman Dmitry Peskov"). */
export const LOWER_ROLE_NOUNS = words(`
  president vice-president minister secretary ambassador envoy spokesman spokeswoman spokesperson senator
  representative governor mayor chancellor premier general chief head adviser advisor director chairman chairwoman
  official representative negotiator delegate diplomat consul aide leader commander journalist correspondent editor
  reporter columnist analyst expert historian author writer inspector moderator secretary-general lawmaker member
  deputy prime foreign defense defence affairs security national state press political senior former acting top
`);

/** Countries, regions and cities: sources like "Russia has said" or "Moscow says" are not people. */
export const PLACE_WORDS = words(`
  afghanistan albania algeria america americas arabia armenia asia australia austria azerbaijan belarus belgium bosnia
  brazil britain bulgaria canada china croatia cuba cyprus czech czechia denmark egypt england estonia europe finland
  france germany greece hungary india indonesia iran iraq ireland israel italy japan kazakhstan korea kosovo kuwait
  kyrgyzstan latvia lebanon libya lithuania luxembourg moldova mongolia montenegro netherlands norway pakistan
  palestine poland portugal qatar romania russia saudi scotland serbia slovakia slovenia spain sweden switzerland syria
  taiwan tajikistan turkey turkiye turkmenistan ukraine uzbekistan venezuela vietnam yemen yugoslavia crimea donbas
  donbass transcaucasia africa caucasus balkans baltic baltics benelux scandinavia siberia arctic antarctica
  moscow washington kyiv kiev beijing london paris berlin brussels geneva vienna helsinki minsk warsaw tehran pyongyang
  seoul tokyo ankara istanbul riga vilnius tallinn budapest bucharest sofia prague rome madrid ottawa delhi tbilisi
  yerevan baku astana damascus baghdad kabul jerusalem cairo doha riyadh havana caracas reykjavik malta munich
  strasbourg sochi petersburg york geneva stockholm oslo copenhagen athens belgrade zagreb lisbon dublin amsterdam
  hague bern canberra brasilia mexico singapore manila jakarta bangkok hanoi islamabad tashkent bishkek dushanbe
  ashgabat chisinau kaliningrad donetsk luhansk kherson zaporizhzhia zaporizhzhya mariupol odesa odessa kharkiv lviv
  united states kingdom emirates federation republic union soviet ussr usa us u.s. u.k. uk eu nato un
  north south east west eastern western northern southern central middle pacific atlantic euro-atlantic
  asia-pacific indo-pacific mediterranean
`);

/** Nationality adjectives and plural demonyms: roles ("Russian Deputy ...") or group sources ("Russians say"). */
export const NATIONALITY_WORDS = words(`
  russian american ukrainian chinese british french german polish iranian israeli turkish european soviet japanese
  korean indian georgian belarusian belarussian canadian italian spanish swedish finnish estonian latvian lithuanian
  hungarian romanian bulgarian czech slovak austrian swiss dutch belgian norwegian danish greek serbian croatian
  armenian azerbaijani kazakh syrian iraqi afghan pakistani saudi egyptian arab palestinian australian brazilian
  cuban venezuelan mexican moldovan uzbek kyrgyz tajik turkmen mongolian vietnamese indonesian qatari emirati
  russians americans ukrainians europeans germans iranians israelis palestinians poles turks soviets westerners
  allies democrats republicans british-born us-based
`);

/**
 * Organisations, media and institutional words. A candidate containing one is an organisation
 * ("The Financial Times", "State Department"), never a person.
 */
export const ORG_WORDS = words(`
  ministry department office council committee house times post journal news agency press service commission
  assembly parliament congress senate duma rada government administration embassy alliance organization
  organisation union bank fund institute university party forces army navy corporation company group inc ltd
  center centre foundation association network channel magazine review herald tribune gazette telegraph guardian
  express daily weekly radio tv television court board bureau command delegation mission treaty conference summit
  initiative dialogue act agreement convention protocol program programme plan project federation kingdom nations
  islands street square airport station base region oblast province county city church patriarchate club
  kremlin pentagon interfax reuters tass ria novosti izvestia kommersant xinhua bloomberg politico axios sputnik
  vedomosti pravda yonhap kyodo anadolu ukrinform gazeta cnn bbc nbc cbs abc afp ap rt fox msnbc npr
  wikinews wikipedia haaretz instagram twitter telegram facebook youtube google microsoft gazprom rosatom roscosmos nasa
  secretariat directorate staff chiefs headquarters navy marines guard police intelligence international watch
  partners capital holdings airlines systems technologies media school academy society movement front coalition
  bloc caucus brigade battalion regiment fleet corps observatory monitor
`);

/** Months and weekdays, with their abbreviations. */
export const CALENDAR_WORDS = words(`
  january february march april may june july august september october november december
  jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec.
  monday tuesday wednesday thursday friday saturday sunday mon. tue. tues. wed. thu. thurs. fri. sat. sun.
`);

/**
 * Capitalised words that start sentences or stand for groups, never names: pronouns, determiners, sentence
 * adverbs, conjunctions, and common plural nouns used as anonymous sources ("Officials said").
 */
export const COMMON_WORDS = words(`
  the a an this that these those it its he she they we i you who whom whose what which when where why how there here
  his her their our my your me him us them but and or nor so yet if as at in on of for to by with from after before
  during since until while although though because earlier later also meanwhile however then now today yesterday
  tomorrow tonight separately instead still previously recently finally moreover additionally furthermore
  nevertheless nonetheless indeed thus therefore hence both all many some several few most others other each every
  everyone everybody nobody no not only even just anyone someone nothing something everything one two three four
  five first second third last next another such said says sources officials analysts experts critics diplomats
  observers reports witnesses residents lawmakers leaders authorities ministers police protesters scientists
  researchers investigators prosecutors supporters opponents participants negotiators partners members
  please thanks thank yes okay ok well good great oh sorry dear ladies gentlemen hi hello mm-hmm
  topics issues themes related visa highlights upcoming missiles exercises period note source photo file update editor's background
  according asked answering speaking addressing commenting responding asked later however perhaps maybe
  let like unlike concerning regarding despite without within among between against toward towards under over
  above below about around across along through throughout upon via per re vs mr mrs ms dr
  god lord christmas easter ramadan
`);

/** Lower-case name particles allowed between capitalised name words ("Ursula von der Leyen"). */
export const NAME_PARTICLES = words(`
  de da di du des del della der den van von ter ten le la los las bin ibn bint al el ul ad abu dos das
`);

/** Name suffixes kept in the span ("Joseph R. Biden, Jr."). */
export const NAME_SUFFIXES = words(`jr. jr sr. sr ii iii iv`);

/** Abbreviations that end with a period which is not a sentence end. */
export const ABBREVIATIONS = words(`
  mr. mrs. ms. dr. jr. sr. gen. brig. lt. col. sen. rep. gov. st. adm. amb. maj. capt. prof. sgt. rev. gov. u.s. u.k. u.n. e.u.
  jan. feb. mar. apr. jun. jul. aug. sep. sept. oct. nov. dec. no. vs. etc. e.g. i.e.
`);

const NON_NAME = new Set([...TITLE_WORDS, ...PLACE_WORDS, ...NATIONALITY_WORDS, ...ORG_WORDS, ...CALENDAR_WORDS, ...COMMON_WORDS]);

/** True when a capitalised word is certainly not part of a person's name (one hash probe over all classes). */
export function isNonNameWord(lower: string): boolean {
  return NON_NAME.has(lower);
}
