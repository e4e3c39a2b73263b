/**
 * Words the date rules read: month and weekday names, number words, time units. Plain tables so the rules
 * stay short and a new spelling is one entry, not a new regular expression.
 */

/** Month number (1-12) by lower-cased name or abbreviation, with or without the abbreviation's dot. */
export const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1], ['jan', 1], ['february', 2], ['feb', 2], ['march', 3], ['mar', 3], ['april', 4], ['apr', 4],
  ['may', 5], ['june', 6], ['jun', 6], ['july', 7], ['jul', 7], ['august', 8], ['aug', 8], ['september', 9],
  ['sep', 9], ['sept', 9], ['october', 10], ['oct', 10], ['november', 11], ['nov', 11], ['december', 12], ['dec', 12],
]);

/** ISO weekday (Monday 1 ... Sunday 7) by lower-cased name. */
export const WEEKDAYS: ReadonlyMap<string, number> = new Map([
  ['monday', 1], ['tuesday', 2], ['wednesday', 3], ['thursday', 4], ['friday', 5], ['saturday', 6], ['sunday', 7],
]);

/** Source of the month alternatives of the trigger pattern: title case with abbreviations, and full upper case. */
export const MONTH_PATTERN =
  'Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?' +
  '|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER';

/** Source of the weekday alternatives of the trigger pattern. */
export const WEEKDAY_PATTERN =
  '(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY';

/** Cardinal number words a count before `ago` may use. */
export const NUMBER_WORDS: ReadonlyMap<string, number> = new Map([
  ['a', 1], ['an', 1], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7],
  ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14],
  ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20],
  ['thirty', 30], ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
  ['hundred', 100], ['a hundred', 100],
]);

/** Ordinal words (first ... twenty-first) for quarters, halves and centuries. */
export const ORDINAL_WORDS: ReadonlyMap<string, number> = new Map([
  ['first', 1], ['second', 2], ['third', 3], ['fourth', 4], ['fifth', 5], ['sixth', 6], ['seventh', 7],
  ['eighth', 8], ['ninth', 9], ['tenth', 10], ['eleventh', 11], ['twelfth', 12], ['thirteenth', 13],
  ['fourteenth', 14], ['fifteenth', 15], ['sixteenth', 16], ['seventeenth', 17], ['eighteenth', 18],
  ['nineteenth', 19], ['twentieth', 20], ['twenty-first', 21], ['twenty first', 21], ['last', 4],
]);

/** TIMEX3 season codes. */
export const SEASONS: ReadonlyMap<string, string> = new Map([
  ['spring', 'SP'], ['summer', 'SU'], ['autumn', 'FA'], ['fall', 'FA'], ['winter', 'WI'],
]);

/** First month of each TIMEX3 season (winter starts in December of the year before its label). */
export const SEASON_START_MONTH: Readonly<Record<string, number>> = { SP: 3, SU: 6, FA: 9, WI: 12 };

/** The calendar units relative expressions count in. */
export type Unit = 'day' | 'week' | 'weekend' | 'month' | 'quarter' | 'year' | 'decade' | 'century';

/** Unit by lower-cased singular or plural noun. */
export const UNITS: ReadonlyMap<string, Unit> = new Map([
  ['day', 'day'], ['days', 'day'], ['week', 'week'], ['weeks', 'week'], ['weekend', 'weekend'], ['weekends', 'weekend'],
  ['month', 'month'], ['months', 'month'], ['quarter', 'quarter'], ['quarters', 'quarter'], ['year', 'year'],
  ['years', 'year'], ['decade', 'decade'], ['decades', 'decade'], ['century', 'century'], ['centuries', 'century'],
]);

/**
 * Nouns that make a preceding four-digit number a count, not a year ("1550 warheads", "2000 troops"). Years used
 * as modifiers ("the 2020 election") are followed by other nouns, so only counting nouns are listed.
 */
export const COUNT_NOUNS: ReadonlySet<string> = new Set([
  'people', 'persons', 'troops', 'soldiers', 'servicemen', 'personnel', 'warheads', 'missiles', 'launchers', 'weapons',
  'bombers', 'tanks', 'aircraft', 'planes', 'ships', 'vehicles', 'rockets', 'drones', 'km', 'kilometers', 'kilometres',
  'miles', 'meters', 'metres', 'feet', 'tons', 'tonnes', 'kg', 'kilograms', 'dollars', 'euros', 'rubles', 'roubles',
  'employees', 'diplomats', 'staff', 'members', 'cases', 'deaths', 'victims', 'casualties', 'times', 'units', 'pages',
  'words', 'hours', 'minutes', 'seconds', 'days', 'weeks', 'months', 'years', 'decades', 'children', 'men', 'women',
  'students', 'votes', 'signatures', 'delegates', 'inspections', 'sites', 'points', 'percent', 'per', 'more', 'fewer',
  'others', 'of', 'out', 'hrs', 'gmt', 'utc', 'msk', 'est', 'edt', 'cet', 'cest', 'z', 'mhz', 'mw', 'ft', 'm', 'mm',
]);

/**
 * Words before a four-digit number that make it an identifier, not a year ("Resolution 2231", "No. 1999",
 * "Flight 2019"). Compared lower-cased.
 */
export const NUMBER_LABELS: ReadonlySet<string> = new Set([
  'no', 'no.', 'nos', 'number', 'num', 'resolution', 'resolutions', 'article', 'art', 'section', 'paragraph', 'para',
  'page', 'pages', 'p', 'pp', 'flight', 'room', 'order', 'decree', 'item', 'chapter', 'rule', 'model', 'code',
  'route', 'highway', 'vol', 'volume', 'issue', 'box', 'suite', 'building', 'unit', 'version', 'v', 'ref', 'id',
  'tel', 'phone', 'fax', 'doc', 'document', 'protocol', 'annex', 'appendix', 'table', 'figure', 'fig', 'exhibit',
]);
