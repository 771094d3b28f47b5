/**
 * Number layer of figure extraction: finds every numeric expression in a
 * sentence (English or Norwegian), with exact offsets, a value, an interval,
 * a qualifier and a kind. Only `kind: 'count'` mentions are candidates for
 * figures ("20 people killed"); every other kind (years, dates, times,
 * measures, ordinals, percentages, phone numbers, ages, money, codes and
 * fractions) is classified so callers can drop it.
 *
 * ## Conventions for `value`, `low`, `high`
 * `low`/`high` are what the wording states, never an invented tolerance;
 * `null` means open on that side. For a stated figure N:
 *
 * | qualifier   | examples                                   | value | low  | high |
 * |-------------|--------------------------------------------|-------|------|------|
 * | exact       | "20", "six", "1.5 million"                 | N     | N    | N    |
 * | at least    | "at least", "minst", "100 or more", "100+" | N     | N    | null |
 * | more than   | "more than", "over", "exceeded", "drøyt"   | N     | N    | null |
 * | about       | "about", "around", "some", "rundt", "ca."  | N     | N    | N    |
 * | nearly      | "nearly", "almost", "close to", "nesten"   | N     | null | N    |
 * | up to       | "up to", "as many as", "opptil", "inntil"  | N     | null | N    |
 * | less than   | "fewer than", "under", "færre enn"         | N     | null | N    |
 *
 * "more than"/"less than" bounds are exclusive but stored as the stated figure
 * (N, not N+1: "more than 1.5 million" has no meaningful successor); the
 * qualifier tells strictness. "about" keeps low = high = N: the tolerance is a
 * policy for the caller, not something the text says.
 *
 * Ranges ("170,000–180,000", "between 100 and 200", "mellom 100 og 200",
 * "from 1,000 to 1,500", "two or three") have low/high = the two figures and
 * value = the midpoint; the qualifier is 'exact' unless a qualifier word
 * precedes ("about 100-200" → 'about'; "up to 100-200" → low null).
 *
 * Vague words have qualifier 'vague', an interval read from the word, and a
 * value at the low end (what the speaker commits to):
 *
 * | wording                                 | value  | low    | high     |
 * |-----------------------------------------|--------|--------|----------|
 * | a few / noen få                         | 3      | 2      | 5        |
 * | a couple / et par                       | 2      | 2      | 3        |
 * | a handful / en håndfull                 | 4      | 2      | 6        |
 * | dozens / dusinvis                       | 24     | 24     | 99       |
 * | scores (of)                             | 40     | 40     | 99       |
 * | hundreds / hundrevis                    | 200    | 200    | 999      |
 * | thousands / tusenvis                    | 2,000  | 2,000  | 9,999    |
 * | tens of thousands / titusenvis          | 20,000 | 20,000 | 99,999   |
 * | hundreds of thousands / hundretusenvis  | 200k   | 200k   | 999,999  |
 * | millions / millioner / millionvis       | 2M     | 2M     | 9,999,999|
 * | several X / flere X (X = hundred, …)    | 3X     | 2X     | 9X       |
 * | a few X / noen X                        | 3X     | 2X     | 5X       |
 * | a couple (of) X / et par X              | 2X     | 2X     | 3X       |
 *
 * A qualifier word before a vague word keeps its own meaning on the vague
 * interval ("at least hundreds" → at least, low 200, high null). "a dozen" /
 * "et dusin" (and "two dozen") are 'about' 12 (24). "several", "many",
 * "some" alone are not numbers.
 *
 * Non-count kinds keep a value too: year → the year; date → the day of month
 * (the year when there is no day); time → the hour; ordinal → the rank;
 * phone → the digits as a number; fractions (kind 'other', "half", "a third
 * of", "halvparten") → 0.5, 1/3…; codes ("KN-23") → the digits.
 *
 * ## Wording
 * `wording` covers qualifier words ("at least 100"), range words ("between
 * 1,000 and 1,500"), currency ("$5 million"), units ("240 mm", "40%",
 * "20-year-old"), but never the counted noun.
 *
 * ## Separators
 * English: "1,000" thousands, "3.5" decimal. Norwegian: "11.000" and "10 000"
 * (space, NBSP or thin space) thousands, "3,5" decimal. Space groups join only
 * when the next group is exactly three digits and, unless it is "000", no unit
 * follows: "omtrent 220 240 mm" is about 220 (count) + 240 mm (measure). The
 * other language's separator before exactly three digits ("3,600" in a
 * Norwegian text, "11.000" in an English one) is read as thousands unless the
 * integer part is 0 or a scale word, unit or percent follows ("1,250 millioner").
 *
 * ## Years
 * A plain 4-digit number in 1900–2100 is a year after a year context ("in",
 * "since", "i", "mid-"…), before a possessive or a singular noun ("the 2024
 * election"), or with no counted noun after it; a count before a plural noun
 * ("2000 North Korean soldiers"), a count word ("2000 more") or after a change
 * verb ("rose to 2000").
 *
 * ## Known limitations
 * - A year context wins over a following plural: "in 2000 cases" is a year.
 * - "on/since/by the 3rd" is a date even in "on the 3rd floor".
 * - "from A to B" is a range unless a change verb precedes ("rose from 100 to 200").
 * - "10 500 km" (space group before a unit) reads as 10 + 500 km.
 * - Ambiguous words are conservative: English "one" needs a following word
 *   that is not a stop word ("one of", "one after another", "no one" are not
 *   counts); Norwegian "to/tre/ni/seks" need a plural-looking noun (-er, -ene,
 *   -ar, -ane, or a known irregular plural) or a qualifier, so "tre drepte"
 *   is missed; "en/et/ett" count only before a scale word ("en million").
 * - "several", "many", "flere", "noen" alone are not numbers.
 * - Only ASCII digits; number words are not joined across line breaks.
 */

import { scanDateExpressions } from '../dates.js';

/** How the text qualifies a figure. See the module comment for the value/low/high each implies. */
export type Qualifier = 'exact' | 'at least' | 'more than' | 'about' | 'nearly' | 'up to' | 'less than' | 'vague';

/** What a numeric expression is. Only 'count' is a candidate figure. */
export type NumberKind =
  | 'count'
  | 'year'
  | 'date'
  | 'time'
  | 'measure'
  | 'ordinal'
  | 'percent'
  | 'phone'
  | 'age'
  | 'money'
  | 'other';

/** One numeric expression found by {@link findNumbers}. `text.slice(start, end) === wording`. */
export interface NumberMention {
  /** Offset (UTF-16 code units) of the whole expression, qualifier words included. */
  start: number;
  end: number;
  /** `text.slice(start, end)`, e.g. "at least 100", "several hundred", "rundt 4000". */
  wording: string;
  /** Representative value: the figure, a range's midpoint, or a vague word's low end. */
  value: number;
  /** Lower bound; null = open. */
  low: number | null;
  /** Upper bound; null = open-ended. */
  high: number | null;
  qualifier: Qualifier;
  kind: NumberKind;
  /** measure: 'mm', 'km', 'kg', 'day', 'year'…; percent: '%'; money: 'USD', 'NOK'…; age: 'year'. */
  unit?: string;
}

/** True for Norwegian language codes: 'nb', 'no', 'nn' (and 'nob', 'nno', 'nor', 'nb-NO'…). */
export function isNorwegian(language: string): boolean {
  return /^(nb|no|nn|nob|nno|nor)(?:[-_]|$)/i.test(language.trim());
}

// ---------------------------------------------------------------------------
// Character helpers

const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;
const UPPER = /\p{Lu}/u;
const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isLetter = (c: string | undefined): boolean => c !== undefined && LETTER.test(c);
const isAlnum = (c: string | undefined): boolean => isDigit(c) || isLetter(c);
const isHSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\u00A0' || c === '\u202F' || c === '\u2009';
const isLowerWord = (w: string): boolean => w.length > 0 && !UPPER.test(w[0]!) && isLetter(w[0]);

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const phraseRe = (s: string): string => escapeRe(s).replace(/ /g, '[\\s\\u00A0]+');

// ---------------------------------------------------------------------------
// Lexicons

interface Morph {
  cat: 'unit' | 'teen' | 'ten' | 'hundred' | 'scale' | 'and';
  v: number;
  approx?: boolean;
}

const EN_NUMBER_WORDS: Readonly<Record<string, Morph>> = {
  zero: { cat: 'unit', v: 0 },
  one: { cat: 'unit', v: 1 },
  two: { cat: 'unit', v: 2 },
  three: { cat: 'unit', v: 3 },
  four: { cat: 'unit', v: 4 },
  five: { cat: 'unit', v: 5 },
  six: { cat: 'unit', v: 6 },
  seven: { cat: 'unit', v: 7 },
  eight: { cat: 'unit', v: 8 },
  nine: { cat: 'unit', v: 9 },
  ten: { cat: 'teen', v: 10 },
  eleven: { cat: 'teen', v: 11 },
  twelve: { cat: 'teen', v: 12 },
  thirteen: { cat: 'teen', v: 13 },
  fourteen: { cat: 'teen', v: 14 },
  fifteen: { cat: 'teen', v: 15 },
  sixteen: { cat: 'teen', v: 16 },
  seventeen: { cat: 'teen', v: 17 },
  eighteen: { cat: 'teen', v: 18 },
  nineteen: { cat: 'teen', v: 19 },
  twenty: { cat: 'ten', v: 20 },
  thirty: { cat: 'ten', v: 30 },
  forty: { cat: 'ten', v: 40 },
  fifty: { cat: 'ten', v: 50 },
  sixty: { cat: 'ten', v: 60 },
  seventy: { cat: 'ten', v: 70 },
  eighty: { cat: 'ten', v: 80 },
  ninety: { cat: 'ten', v: 90 },
  hundred: { cat: 'hundred', v: 100 },
  thousand: { cat: 'scale', v: 1e3 },
  million: { cat: 'scale', v: 1e6 },
  billion: { cat: 'scale', v: 1e9 },
  trillion: { cat: 'scale', v: 1e12 },
  dozen: { cat: 'scale', v: 12, approx: true },
  and: { cat: 'and', v: 0 },
};

/** Norwegian number morphemes; words are decomposed into these ("tretusen" = tre + tusen). */
const NB_MORPHEMES: ReadonlyArray<[string, Morph]> = (
  [
    ['en', { cat: 'unit', v: 1 }],
    ['én', { cat: 'unit', v: 1 }],
    ['ett', { cat: 'unit', v: 1 }],
    ['et', { cat: 'unit', v: 1 }],
    ['to', { cat: 'unit', v: 2 }],
    ['tre', { cat: 'unit', v: 3 }],
    ['fire', { cat: 'unit', v: 4 }],
    ['fem', { cat: 'unit', v: 5 }],
    ['seks', { cat: 'unit', v: 6 }],
    ['sju', { cat: 'unit', v: 7 }],
    ['syv', { cat: 'unit', v: 7 }],
    ['åtte', { cat: 'unit', v: 8 }],
    ['ni', { cat: 'unit', v: 9 }],
    ['ti', { cat: 'teen', v: 10 }],
    ['elleve', { cat: 'teen', v: 11 }],
    ['tolv', { cat: 'teen', v: 12 }],
    ['tretten', { cat: 'teen', v: 13 }],
    ['fjorten', { cat: 'teen', v: 14 }],
    ['femten', { cat: 'teen', v: 15 }],
    ['seksten', { cat: 'teen', v: 16 }],
    ['sytten', { cat: 'teen', v: 17 }],
    ['atten', { cat: 'teen', v: 18 }],
    ['nitten', { cat: 'teen', v: 19 }],
    ['tjue', { cat: 'ten', v: 20 }],
    ['tyve', { cat: 'ten', v: 20 }],
    ['tretti', { cat: 'ten', v: 30 }],
    ['tredve', { cat: 'ten', v: 30 }],
    ['førti', { cat: 'ten', v: 40 }],
    ['femti', { cat: 'ten', v: 50 }],
    ['seksti', { cat: 'ten', v: 60 }],
    ['sytti', { cat: 'ten', v: 70 }],
    ['åtti', { cat: 'ten', v: 80 }],
    ['nitti', { cat: 'ten', v: 90 }],
    ['hundre', { cat: 'hundred', v: 100 }],
    ['tusen', { cat: 'scale', v: 1e3 }],
    ['millioner', { cat: 'scale', v: 1e6 }],
    ['million', { cat: 'scale', v: 1e6 }],
    ['milliarder', { cat: 'scale', v: 1e9 }],
    ['milliard', { cat: 'scale', v: 1e9 }],
    ['dusin', { cat: 'scale', v: 12, approx: true }],
    ['og', { cat: 'and', v: 0 }],
  ] as Array<[string, Morph]>
).sort((a, b) => b[0].length - a[0].length);

/** Norwegian words that are also function words or nouns: numbers only in an explicit pattern. */
const NB_AMBIGUOUS = new Set(['en', 'et', 'ett', 'to', 'tre', 'ni', 'seks']);
/** Norwegian plural nouns that lack the usual -er/-ene endings. */
const NB_IRREGULAR_PLURALS = new Set([
  'år',
  'barn',
  'barna',
  'menn',
  'hus',
  'land',
  'fly',
  'skip',
  'liv',
  'dødsfall',
  'våpen',
  'mål',
  'tog',
  'kjøretøy',
  'døgn',
  'ganger',
  'brødre',
  'søstre',
  'føtter',
  'tær',
  'netter',
  'bein',
  'ben',
  'øyne',
  'tiår',
  'mil',
  'tonn',
  'kilo',
]);

const EN_ORDINALS: Readonly<Record<string, number>> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  sixtieth: 60,
  seventieth: 70,
  eightieth: 80,
  ninetieth: 90,
  hundredth: 100,
  thousandth: 1000,
  millionth: 1e6,
};
const NB_ORDINALS: Readonly<Record<string, number>> = {
  første: 1,
  tredje: 3,
  fjerde: 4,
  femte: 5,
  sjette: 6,
  sjuende: 7,
  syvende: 7,
  åttende: 8,
  niende: 9,
  tiende: 10,
  ellevte: 11,
  tolvte: 12,
  trettende: 13,
  fjortende: 14,
  femtende: 15,
  sekstende: 16,
  syttende: 17,
  attende: 18,
  nittende: 19,
  tjuende: 20,
  trettiende: 30,
  førtiende: 40,
  femtiende: 50,
  hundrede: 100,
  tusende: 1000,
};
/** Fraction denominators (singular / plural). */
const EN_DENOMINATORS: Readonly<Record<string, number>> = {
  half: 2,
  halves: 2,
  third: 3,
  thirds: 3,
  quarter: 4,
  quarters: 4,
  fifth: 5,
  fifths: 5,
  sixth: 6,
  sixths: 6,
  seventh: 7,
  sevenths: 7,
  eighth: 8,
  eighths: 8,
  ninth: 9,
  ninths: 9,
  tenth: 10,
  tenths: 10,
};
const NB_DENOMINATORS: Readonly<Record<string, number>> = {
  halvdel: 2,
  halvdeler: 2,
  tredjedel: 3,
  tredjedeler: 3,
  fjerdedel: 4,
  fjerdedeler: 4,
  firedel: 4,
  firedeler: 4,
  femtedel: 5,
  femtedeler: 5,
  sjettedel: 6,
  sjettedeler: 6,
  tidel: 10,
  tideler: 10,
  tiendedel: 10,
  tiendedeler: 10,
};

/** Scale words that may follow digits ("1.5 million", "2 millioner", "10 thousand", "1,5 mrd."). */
const EN_DIGIT_SCALES: Readonly<Record<string, number>> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  mn: 1e6,
  mln: 1e6,
  billion: 1e9,
  bn: 1e9,
  trillion: 1e12,
  dozen: 12,
};
const NB_DIGIT_SCALES: Readonly<Record<string, number>> = {
  hundre: 100,
  tusen: 1e3,
  million: 1e6,
  millioner: 1e6,
  mill: 1e6,
  mln: 1e6,
  milliard: 1e9,
  milliarder: 1e9,
  mrd: 1e9,
  billion: 1e12,
  billioner: 1e12,
  dusin: 12,
};

// Words after English "one" that make it a pronoun or an idiom rather than a count.
const EN_ONE_STOP = new Set([
  'of',
  'another',
  'after',
  'by',
  'or',
  'and',
  'in',
  'on',
  'at',
  'to',
  'from',
  'for',
  'with',
  'as',
  'than',
  'is',
  'was',
  'are',
  'were',
  'has',
  'have',
  'had',
  'who',
  'whom',
  'whose',
  'that',
  'which',
  'would',
  'could',
  'can',
  'will',
  'may',
  'might',
  'must',
  'should',
  'shall',
  'does',
  'did',
  'do',
  'says',
  'said',
  'day',
  'time',
  'way',
  'thing',
  'point',
  'side',
  'hand',
  'another',
  'the',
  'a',
  'an',
  'such',
  'more',
  'less',
  'else',
  'too',
  'here',
  'there',
  'where',
  'when',
  'if',
  'but',
  'not',
  'knows',
  'thinks',
]);
const EN_ONE_STOP_BEFORE = new Set([
  'no',
  'the',
  'this',
  'that',
  'every',
  'any',
  'each',
  'which',
  'such',
  'whichever',
  'some',
]);

// ---------------------------------------------------------------------------
// Units and context

/** Physical units (block "220 240 mm" from joining into 220240). Canonical unit by lower-case spelling. */
const PHYSICAL_UNITS: ReadonlyArray<[string, string]> = [
  ['millimetres', 'mm'],
  ['millimeters', 'mm'],
  ['millimetre', 'mm'],
  ['millimeter', 'mm'],
  ['mm', 'mm'],
  ['centimetres', 'cm'],
  ['centimeters', 'cm'],
  ['centimetre', 'cm'],
  ['centimeter', 'cm'],
  ['cm', 'cm'],
  ['kilometres', 'km'],
  ['kilometers', 'km'],
  ['kilometre', 'km'],
  ['kilometer', 'km'],
  ['kms', 'km'],
  ['km/h', 'km/h'],
  ['km/t', 'km/h'],
  ['km²', 'km2'],
  ['km2', 'km2'],
  ['km', 'km'],
  ['square kilometres', 'km2'],
  ['square kilometers', 'km2'],
  ['sq km', 'km2'],
  ['sq. km', 'km2'],
  ['kvadratkilometer', 'km2'],
  ['square miles', 'mi2'],
  ['square metres', 'm2'],
  ['square meters', 'm2'],
  ['kvadratmeter', 'm2'],
  ['m²', 'm2'],
  ['hectares', 'ha'],
  ['hectare', 'ha'],
  ['ha', 'ha'],
  ['acres', 'acre'],
  ['acre', 'acre'],
  ['dekar', 'daa'],
  ['metres', 'm'],
  ['meters', 'm'],
  ['metre', 'm'],
  ['meter', 'm'],
  ['m', 'm'],
  ['nautical miles', 'nmi'],
  ['nautiske mil', 'nmi'],
  ['miles', 'mi'],
  ['mile', 'mi'],
  ['mph', 'mph'],
  ['feet', 'ft'],
  ['foot', 'ft'],
  ['ft', 'ft'],
  ['inches', 'in'],
  ['inch', 'in'],
  ['yards', 'yd'],
  ['yard', 'yd'],
  ['kilograms', 'kg'],
  ['kilogrammes', 'kg'],
  ['kilogram', 'kg'],
  ['kilos', 'kg'],
  ['kilo', 'kg'],
  ['kg', 'kg'],
  ['grams', 'g'],
  ['gram', 'g'],
  ['tonnes', 't'],
  ['tonne', 't'],
  ['tons', 't'],
  ['ton', 't'],
  ['tonn', 't'],
  ['pounds', 'lb'],
  ['pound', 'lb'],
  ['lbs', 'lb'],
  ['lb', 'lb'],
  ['litres', 'l'],
  ['liters', 'l'],
  ['litre', 'l'],
  ['liter', 'l'],
  ['barrels', 'bbl'],
  ['barrel', 'bbl'],
  ['knots', 'kn'],
  ['knot', 'kn'],
  ['knop', 'kn'],
  ['megatons', 'Mt'],
  ['megaton', 'Mt'],
  ['kilotons', 'kt'],
  ['kiloton', 'kt'],
  ['kilotonn', 'kt'],
  ['mw', 'MW'],
  ['gw', 'GW'],
  ['kw', 'kW'],
  ['kwh', 'kWh'],
  ['mwh', 'MWh'],
  ['gwh', 'GWh'],
  ['twh', 'TWh'],
  ['°c', '°C'],
  ['°f', '°F'],
  ['°', '°'],
  ['degrees', '°'],
  ['degree', '°'],
  ['grader', '°'],
  ['calibre', 'calibre'],
  ['caliber', 'calibre'],
  ['kaliber', 'calibre'],
  ['mil', 'mil'],
];
const DURATION_UNITS: ReadonlyArray<[string, string]> = [
  ['seconds', 'second'],
  ['second', 'second'],
  ['secs', 'second'],
  ['sekunder', 'second'],
  ['sekund', 'second'],
  ['minutes', 'minute'],
  ['minute', 'minute'],
  ['mins', 'minute'],
  ['minutter', 'minute'],
  ['minutt', 'minute'],
  ['hours', 'hour'],
  ['hour', 'hour'],
  ['hrs', 'hour'],
  ['timer', 'hour'],
  ['days', 'day'],
  ['day', 'day'],
  ['dager', 'day'],
  ['dag', 'day'],
  ['døgn', 'day'],
  ['weeks', 'week'],
  ['week', 'week'],
  ['uker', 'week'],
  ['uke', 'week'],
  ['months', 'month'],
  ['month', 'month'],
  ['måneder', 'month'],
  ['måned', 'month'],
  ['years', 'year'],
  ['year', 'year'],
  ['yrs', 'year'],
  ['år', 'year'],
  ['decades', 'decade'],
  ['decade', 'decade'],
  ['tiår', 'decade'],
  ['centuries', 'century'],
  ['century', 'century'],
  ['århundrer', 'century'],
  ['århundre', 'century'],
];
const CURRENCY_WORDS: ReadonlyArray<[string, string]> = [
  ['us dollars', 'USD'],
  ['dollars', 'USD'],
  ['dollar', 'USD'],
  ['usd', 'USD'],
  ['euros', 'EUR'],
  ['euro', 'EUR'],
  ['eur', 'EUR'],
  ['pounds sterling', 'GBP'],
  ['gbp', 'GBP'],
  ['kroner', 'NOK'],
  ['krone', 'NOK'],
  ['kr.', 'NOK'],
  ['kr', 'NOK'],
  ['nok', 'NOK'],
  ['won', 'KRW'],
  ['krw', 'KRW'],
  ['yen', 'JPY'],
  ['yuan', 'CNY'],
  ['rubles', 'RUB'],
  ['ruble', 'RUB'],
  ['roubles', 'RUB'],
  ['rouble', 'RUB'],
  ['rubler', 'RUB'],
  ['rubel', 'RUB'],
  ['hryvnias', 'UAH'],
  ['hryvnia', 'UAH'],
  ['hryvnja', 'UAH'],
];
const CURRENCY_PREFIXES: ReadonlyArray<[string, string]> = [
  ['US$', 'USD'],
  ['$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['₩', 'KRW'],
  ['₽', 'RUB'],
  ['₴', 'UAH'],
  ['USD', 'USD'],
  ['EUR', 'EUR'],
  ['GBP', 'GBP'],
  ['NOK', 'NOK'],
  ['KRW', 'KRW'],
  ['RUB', 'RUB'],
  ['UAH', 'UAH'],
  ['kr.', 'NOK'],
  ['kr', 'NOK'],
];

function alternation(list: ReadonlyArray<[string, string]>): string {
  return [...list]
    .sort((a, b) => b[0].length - a[0].length)
    .map(([w]) => phraseRe(w))
    .join('|');
}
function lookup(list: ReadonlyArray<[string, string]>, found: string): string {
  const key = found.toLowerCase().replace(/[\s\u00A0]+/g, ' ');
  return list.find(([w]) => w.toLowerCase() === key)?.[1] ?? key;
}

const UNIT_END = '(?![\\p{L}\\p{N}])';
const PHYSICAL_RE = new RegExp(`^(?:[ \\u00A0]?|-)(${alternation(PHYSICAL_UNITS)})${UNIT_END}`, 'iu');
const DURATION_RE = new RegExp(`^(?:[ \\u00A0]|-)(${alternation(DURATION_UNITS)})${UNIT_END}`, 'iu');
const CURRENCY_AFTER_RE = new RegExp(`^(?:[ \\u00A0]|-)(${alternation(CURRENCY_WORDS)})(?![\\p{L}\\p{N}])`, 'iu');
const CURRENCY_BEFORE_RE = new RegExp(
  `(?:^|[^\\p{L}\\p{N}])(${CURRENCY_PREFIXES.map(([w]) => escapeRe(w)).join('|')})[ \\u00A0]?$`,
  'u',
);
const PERCENT_RE =
  /^(?:[ \u00A0]?%|(?:[ \u00A0]|-)(?:percentage points?|per cent|percent|pct\.?|prosentpoeng|prosent)(?![\p{L}\p{N}]))/iu;
const AGE_AFTER_RE =
  /^(?:[-\s\u00A0](?:years?|yrs?)[-\s\u00A0]olds?|[\s\u00A0]years?[\s\u00A0]of[\s\u00A0]age|-åring(?:en|er|ene)?|[\s\u00A0]år[\s\u00A0]+(?:gammel|gamle|gammelt))(?![\p{L}\p{N}])/iu;
const TIME_AFTER_RE = /^(?:[ \u00A0]?(?:a\.m\.|p\.m\.|am|pm)(?![\p{L}\p{N}])|[ \u00A0]o['’]clock(?![\p{L}]))/iu;
const DECADE_AFTER_RE = /^(?:-tallet|-årene|-åra)(?![\p{L}])/iu;

// Qualifier phrases before a number.
const EN_QUALIFIERS: ReadonlyArray<[string, Qualifier]> = [
  ['at least', 'at least'],
  ['at a minimum', 'at least'],
  ['a minimum of', 'at least'],
  ['no fewer than', 'at least'],
  ['no less than', 'at least'],
  ['not less than', 'at least'],
  ['not fewer than', 'at least'],
  ['more than', 'more than'],
  ['over', 'more than'],
  ['well over', 'more than'],
  ['just over', 'more than'],
  ['upwards of', 'more than'],
  ['upward of', 'more than'],
  ['in excess of', 'more than'],
  ['exceeded', 'more than'],
  ['exceeding', 'more than'],
  ['exceeds', 'more than'],
  ['exceed', 'more than'],
  ['above', 'more than'],
  ['greater than', 'more than'],
  ['north of', 'more than'],
  ['surpassed', 'more than'],
  ['surpassing', 'more than'],
  ['topped', 'more than'],
  ['topping', 'more than'],
  ['about', 'about'],
  ['around', 'about'],
  ['roughly', 'about'],
  ['approximately', 'about'],
  ['approx.', 'about'],
  ['some', 'about'],
  ['an estimated', 'about'],
  ['estimated', 'about'],
  ['circa', 'about'],
  ['ca.', 'about'],
  ['an approximate', 'about'],
  ['approximate', 'about'],
  ['in the region of', 'about'],
  ['on the order of', 'about'],
  ['nearly', 'nearly'],
  ['almost', 'nearly'],
  ['close to', 'nearly'],
  ['just shy of', 'nearly'],
  ['approaching', 'nearly'],
  ['nigh on', 'nearly'],
  ['not quite', 'nearly'],
  ['up to', 'up to'],
  ['as many as', 'up to'],
  ['as much as', 'up to'],
  ['at most', 'up to'],
  ['at the most', 'up to'],
  ['no more than', 'up to'],
  ['not more than', 'up to'],
  ['a maximum of', 'up to'],
  ['maximum of', 'up to'],
  ['fewer than', 'less than'],
  ['less than', 'less than'],
  ['under', 'less than'],
  ['below', 'less than'],
  ['just under', 'less than'],
  ['just below', 'less than'],
  ['well under', 'less than'],
  ['well below', 'less than'],
];
const NB_QUALIFIERS: ReadonlyArray<[string, Qualifier]> = [
  ['minst', 'at least'],
  ['i hvert fall', 'at least'],
  ['i alle fall', 'at least'],
  ['minimum', 'at least'],
  ['ikke færre enn', 'at least'],
  ['ikke mindre enn', 'at least'],
  ['over', 'more than'],
  ['godt over', 'more than'],
  ['mer enn', 'more than'],
  ['flere enn', 'more than'],
  ['i overkant av', 'more than'],
  ['drøyt', 'more than'],
  ['drøye', 'more than'],
  ['vel', 'more than'],
  ['oversteg', 'more than'],
  ['overstiger', 'more than'],
  ['overskred', 'more than'],
  ['overskrider', 'more than'],
  ['passerte', 'more than'],
  ['rundt', 'about'],
  ['omtrent', 'about'],
  ['cirka', 'about'],
  ['ca.', 'about'],
  ['ca', 'about'],
  ['anslagsvis', 'about'],
  ['om lag', 'about'],
  ['omlag', 'about'],
  ['omkring', 'about'],
  ['estimerte', 'about'],
  ['anslått', 'about'],
  ['anslåtte', 'about'],
  ['beregnede', 'about'],
  ['i størrelsesorden', 'about'],
  ['nesten', 'nearly'],
  ['nær', 'nearly'],
  ['nærmere', 'nearly'],
  ['snaut', 'nearly'],
  ['snaue', 'nearly'],
  ['knapt', 'nearly'],
  ['knappe', 'nearly'],
  ['bortimot', 'nearly'],
  ['opp mot', 'nearly'],
  ['opptil', 'up to'],
  ['inntil', 'up to'],
  ['så mange som', 'up to'],
  ['maksimalt', 'up to'],
  ['høyst', 'up to'],
  ['ikke mer enn', 'up to'],
  ['ikke flere enn', 'up to'],
  ['under', 'less than'],
  ['færre enn', 'less than'],
  ['mindre enn', 'less than'],
  ['i underkant av', 'less than'],
];
const SUFFIX_QUALIFIERS_RE =
  /^(?:(\+|[ \u00A0]or[ \u00A0]+more|-plus|[ \u00A0]eller[ \u00A0]+(?:mer|flere))|([ \u00A0]or[ \u00A0]+so|-odd)|([ \u00A0]or[ \u00A0]+(?:fewer|less)|[ \u00A0]eller[ \u00A0]+(?:færre|mindre)))(?![\p{L}\p{N}])/iu;

const CHANGE_VERBS =
  'rose|risen|rise|rises|rising|increased|increase|increases|increasing|grew|grown|grow|climbed|jumped|fell|fallen|' +
  'dropped|decreased|declined|doubled|tripled|went|raised|revised|cut|reduced|lowered|surged|soared|plunged|' +
  'upped|økte|økt|øker|steg|stiger|falt|faller|sank|synker|gikk|justert|oppjustert|nedjustert|redusert';

const YEAR_CONTEXT_BEFORE =
  'in|since|by|during|until|till|from|before|after|of|through|throughout|year|early|late|mid|pre|post|' +
  'i|siden|innen|fra|til|før|etter|gjennom|år|året|våren|sommeren|høsten|vinteren|starten av|slutten av|frem til|fram til';
const YEAR_DETERMINERS = 'the|its|their|his|her|our|this|that|a|an|det|den|dette';
const FUNCTION_WORDS_AFTER = new Set([
  'and',
  'or',
  'but',
  'the',
  'a',
  'an',
  'to',
  'in',
  'on',
  'at',
  'by',
  'for',
  'from',
  'of',
  'with',
  'when',
  'as',
  'after',
  'before',
  'while',
  'that',
  'which',
  'was',
  'were',
  'is',
  'are',
  'has',
  'had',
  'have',
  'will',
  'would',
  'it',
  'he',
  'she',
  'they',
  'we',
  'there',
  'this',
  'its',
  'until',
  'since',
  'through',
  'where',
  'og',
  'eller',
  'men',
  'i',
  'på',
  'til',
  'fra',
  'med',
  'for',
  'av',
  'om',
  'da',
  'når',
  'som',
  'ble',
  'var',
  'er',
  'har',
  'hadde',
  'vil',
  'skal',
  'kan',
  'det',
  'den',
  'de',
  'han',
  'hun',
  'vi',
  'etter',
  'før',
  'under',
  'mot',
  'ved',
  'siden',
  'frem',
  'fram',
]);
const CODE_PREFIX =
  'resolution|resolutions|article|art\\.|paragraph|section|chapter|clause|no\\.|nr\\.|number|page|p\\.|pp\\.|route|' +
  'highway|flight|channel|room|source|sources|version|level|phase|step|grade|class|type|model|block|batch|episode|' +
  'season|vol\\.|volume|item|table|figure|fig\\.|appendix|annex|exhibit|gate|terminal|platform|line|bus|' +
  'kilde|resolusjon|artikkel|paragraf|kapittel|side|rute|versjon|nivå|fase|trinn|klasse|modell|vedlegg|tabell|figur|linje|buss';

// ---------------------------------------------------------------------------
// Regex helpers with safe word boundaries

const cache = new Map<string, RegExp>();
function cached(source: string, flags: string): RegExp {
  const key = `${flags}/${source}`;
  let re = cache.get(key);
  if (!re) {
    re = new RegExp(source, flags);
    cache.set(key, re);
  }
  return re;
}

interface Scan {
  text: string;
  nb: boolean;
  /**
   * Spans nothing may be read from (phones, dates, times, URLs…), sorted by start and disjoint.
   * Emitted expressions need no entry: the scan only moves forward and never reads before its floor.
   */
  claimed: Array<[number, number]>;
}

/** Index of the first claimed span that ends after `pos` (binary search). */
function firstClaimEndingAfter(s: Scan, pos: number): number {
  let lo = 0,
    hi = s.claimed.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (s.claimed[mid]![1] <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Matches `alts` as the last word(s) before `pos` (only whitespace between),
 * not reaching back before `floor`. Returns the absolute start of the phrase
 * and the matched phrase.
 */
function phraseBefore(
  s: Scan,
  pos: number,
  alts: string,
  floor: number,
  sep = '[\\s\\u00A0]+',
): { start: number; phrase: string } | null {
  const from = Math.max(floor, pos - 60, 0);
  if (from >= pos) return null;
  // A sentinel before the window keeps a phrase from matching in the middle of a word.
  const sentinel = from === 0 || !isAlnum(s.text[from - 1]) ? ' ' : 'x';
  const win = sentinel + s.text.slice(from, pos);
  const m = cached(`[^\\p{L}\\p{N}](${alts})${sep}$`, 'iu').exec(win);
  if (!m) return null;
  // m.index is the separator's index in `win`; the phrase starts one later, and `win` is shifted by one.
  return { start: from + m.index, phrase: m[1]! };
}

function wordBefore(s: Scan, pos: number): { start: number; word: string } | null {
  let i = pos;
  while (i > 0 && isHSpace(s.text[i - 1])) i--;
  if (i === pos && pos > 0 && isAlnum(s.text[pos - 1])) return null;
  const end = i;
  while (i > 0 && (isLetter(s.text[i - 1]) || MARK.test(s.text[i - 1]!))) i--;
  if (i === end) return null;
  return { start: i, word: s.text.slice(i, end) };
}

interface Word {
  start: number;
  end: number;
  raw: string;
  lower: string;
}

function readWordAt(text: string, pos: number): Word | null {
  if (!isLetter(text[pos])) return null;
  let e = pos;
  while (e < text.length && (isLetter(text[e]) || MARK.test(text[e]!))) e++;
  const raw = text.slice(pos, e);
  return { start: pos, end: e, raw, lower: raw.toLowerCase() };
}

/** The next word after `pos` separated only by horizontal space (at least one). */
function nextWord(text: string, pos: number): Word | null {
  let i = pos;
  while (isHSpace(text[i])) i++;
  if (i === pos) return null;
  return readWordAt(text, i);
}

// ---------------------------------------------------------------------------
// Atoms: one number written in digits or words

interface Atom {
  start: number;
  end: number;
  value: number;
  low: number;
  high: number;
  vague: boolean;
  approx: boolean;
  fromDigits: boolean;
  /** Only digits (no separators, decimals or words): year candidates. */
  plainInt: boolean;
  digitCount: number;
  multiplied: boolean;
  base: number;
  scale: number;
  forced?: { kind: NumberKind; unit?: string };
  /** English "one" / Norwegian "to", "tre"…: a number only if a noun follows (or in a range). */
  needsNounCheck?: 'en-one' | 'nb-plural' | 'nb-en';
  /** Letters glued to the digits that the classifier must interpret (e.g. "m" in "$5m"). */
  gluedSuffix?: string;
}

function makeAtom(start: number, end: number, value: number, extra: Partial<Atom> = {}): Atom {
  return {
    start,
    end,
    value,
    low: value,
    high: value,
    vague: false,
    approx: false,
    fromDigits: false,
    plainInt: false,
    digitCount: 0,
    multiplied: false,
    base: value,
    scale: 1,
    ...extra,
  };
}

const threeDigitsAt = (text: string, p: number): boolean =>
  isDigit(text[p]) && isDigit(text[p + 1]) && isDigit(text[p + 2]) && !isDigit(text[p + 3]);

function scaleWordAfter(s: Scan, pos: number): { end: number; scale: number; approx: boolean } | null {
  const w = nextWord(s.text, pos);
  if (!w) return null;
  const table = s.nb ? NB_DIGIT_SCALES : EN_DIGIT_SCALES;
  const scale = table[w.lower];
  if (scale === undefined) return null;
  let end = w.end;
  if (
    (w.lower === 'mill' || w.lower === 'mrd' || w.lower === 'mln' || w.lower === 'mn' || w.lower === 'bn') &&
    s.text[end] === '.'
  )
    end++;
  return { end, scale, approx: w.lower === 'dozen' || w.lower === 'dusin' };
}

/** True when a physical unit follows `pos` (used to refuse joining "220 240 mm"). */
const unitFollows = (text: string, pos: number): boolean => PHYSICAL_RE.test(text.slice(pos, pos + 40));
const scaleOrUnitFollows = (s: Scan, pos: number): boolean =>
  unitFollows(s.text, pos) || PERCENT_RE.test(s.text.slice(pos, pos + 30)) || scaleWordAfter(s, pos) !== null;

/** Reads a number written in digits starting at `i` (text[i] is a digit, text[i-1] is not). */
function readDigitAtom(s: Scan, i: number): Atom | null {
  const { text, nb } = s;
  // Letters glued before: a model name or code ("F16", "MH17", "KN-23", "Su-34", "COVID-19").
  const codeStart = codeStartBefore(text, i);
  if (codeStart !== null) {
    const end = codeEnd(text, i);
    const digits = text.slice(i, end).match(/^\d+/)![0];
    return makeAtom(codeStart, end, Number(digits), { forced: { kind: 'other' }, fromDigits: true });
  }

  let j = i;
  while (isDigit(text[j])) j++;
  const intStr = text.slice(i, j);
  let digits = intStr;
  let grouped = false;
  const GS = nb ? '.' : ',';
  const DS = nb ? ',' : '.';

  if (intStr.length <= 3) {
    // Thousands with the language's group separator: 1,000 / 11.000 / 170.000
    let k = j;
    while (text[k] === GS && threeDigitsAt(text, k + 1)) {
      digits += text.slice(k + 1, k + 4);
      k += 4;
    }
    if (k > j) {
      j = k;
      grouped = true;
    }
    // Space-grouped thousands: 10 000 (nb; NBSP/thin space in any language). The next group must be
    // exactly three digits and, unless it is "000", not followed by a unit: "220 240 mm" is 220 of 240 mm.
    if (!grouped) {
      let k2 = j;
      for (;;) {
        const sep = text[k2];
        const sepOk = sep === '\u00A0' || sep === '\u202F' || sep === '\u2009' || (nb && sep === ' ');
        if (!sepOk || !threeDigitsAt(text, k2 + 1)) break;
        const group = text.slice(k2 + 1, k2 + 4);
        if (group !== '000' && unitFollows(text, k2 + 4)) break;
        if (text[k2 + 4] === GS && isDigit(text[k2 + 5])) break;
        digits += group;
        k2 += 4;
      }
      if (k2 > j) {
        j = k2;
        grouped = true;
      }
    }
    // The other separator with exactly three digits: 1,000,000 (nb) / 1.000.000 (en) are thousands;
    // a single group ("3,600" in nb, "11.000" in en) is read as thousands unless the integer part is 0
    // or a scale word, unit or percent follows ("1,250 millioner", "3.125 km").
    if (!grouped && text[j] === DS && threeDigitsAt(text, j + 1)) {
      let k3 = j,
        groups = 0,
        acc = '';
      while (text[k3] === DS && threeDigitsAt(text, k3 + 1)) {
        acc += text.slice(k3 + 1, k3 + 4);
        k3 += 4;
        groups++;
      }
      if (
        groups >= 2 ||
        (intStr !== '0' && !scaleOrUnitFollows(s, k3) && !(text[k3] === GS && isDigit(text[k3 + 1])))
      ) {
        digits += acc;
        j = k3;
        grouped = true;
      }
    }
  }
  // Decimals: 3.5 (en), 3,5 (nb); Norwegian text also tolerates 3.5 when the part is not a 3-digit group.
  let decimals = '';
  if (text[j] === DS && isDigit(text[j + 1])) {
    let k = j + 1;
    while (isDigit(text[k])) k++;
    decimals = text.slice(j + 1, k);
    j = k;
  } else if (nb && !grouped && text[j] === '.' && isDigit(text[j + 1])) {
    let k = j + 1;
    while (isDigit(text[k])) k++;
    if (k - j - 1 !== 3 && !(text[k] === '.' && isDigit(text[k + 1]))) {
      decimals = text.slice(j + 1, k);
      j = k;
    }
  }
  const value = Number(decimals ? `${digits}.${decimals}` : digits);
  if (!Number.isFinite(value)) return null;
  const plainInt = !grouped && !decimals;
  let atom = makeAtom(i, j, value, { fromDigits: true, plainInt, digitCount: digits.length });

  // Slash forms that are not full dates ("24/7", "1/3", "9/11"): a ratio or shorthand, not a count.
  if (text[j] === '/' && isDigit(text[j + 1])) {
    let k = j;
    while (text[k] === '/' && isDigit(text[k + 1])) {
      k++;
      while (isDigit(text[k])) k++;
    }
    return { ...atom, end: k, forced: { kind: 'other' } };
  }

  // Letters glued after the digits.
  if (isLetter(text[j])) {
    const w = readWordAt(text, j)!;
    const lower = w.lower;
    if (plainInt && /^(st|nd|rd|th)$/.test(lower)) return { ...atom, end: w.end, forced: { kind: 'ordinal' } };
    if (lower === 'k' && !isDigit(text[w.end])) {
      return {
        ...atom,
        end: w.end,
        value: value * 1000,
        low: value * 1000,
        high: value * 1000,
        multiplied: true,
        base: value,
        scale: 1000,
      };
    }
    if (lower === 's' && plainInt && intStr.length === 4 && value >= 1900 && value <= 2090) {
      return { ...atom, end: w.end, forced: { kind: 'year' } };
    }
    if (lower === 's' && plainInt && intStr.length === 2) return { ...atom, end: w.end, forced: { kind: 'other' } };
    if (
      ['m', 'bn', 'b', 'mn', 'mln', 'mrd'].includes(lower) &&
      !isDigit(text[w.end]) &&
      CURRENCY_BEFORE_RE.test(text.slice(Math.max(0, i - 5), i))
    ) {
      const scale = lower === 'm' || lower === 'mn' || lower === 'mln' ? 1e6 : 1e9;
      return {
        ...atom,
        end: w.end,
        value: value * scale,
        low: value * scale,
        high: value * scale,
        multiplied: true,
        base: value,
        scale,
        gluedSuffix: lower,
      };
    }
    const unit = PHYSICAL_RE.exec(text.slice(j, j + 40));
    if (unit)
      return { ...atom, end: j + unit[0].length, forced: { kind: 'measure', unit: lookup(PHYSICAL_UNITS, unit[1]!) } };
    const dur = /^(h|d|min|s)(?![\p{L}\p{N}])/u.exec(text.slice(j));
    if (dur)
      return {
        ...atom,
        end: j + dur[0].length,
        forced: {
          kind: 'measure',
          unit: ({ h: 'hour', d: 'day', min: 'minute', s: 'second' } as Record<string, string>)[dur[1]!.toLowerCase()]!,
        },
      };
    // Anything else glued ("9M723", "3D", "5G"): a code.
    return { ...atom, end: codeEnd(text, i), forced: { kind: 'other' } };
  }

  // Norwegian ordinal dot: "det 21. århundre", "3. plass" (dates were claimed earlier).
  if (nb && plainInt && intStr.length <= 3 && text[j] === '.' && isHSpace(text[j + 1])) {
    const w = nextWord(text, j + 1);
    if (
      w &&
      isLowerWord(w.raw) &&
      NB_DIGIT_SCALES[w.lower] === undefined &&
      !PHYSICAL_RE.test(text.slice(j + 1, j + 40)) &&
      !CURRENCY_AFTER_RE.test(text.slice(j + 1, j + 40)) &&
      !PERCENT_RE.test(text.slice(j + 1, j + 40))
    ) {
      return { ...atom, end: j + 1, forced: { kind: 'ordinal' } };
    }
  }

  // Scale words: "1.5 million", "2 millioner", "10 thousand", "two dozen".
  const sc = scaleWordAfter(s, j);
  if (sc) {
    let scale = sc.scale;
    let end = sc.end;
    // "1.5 hundred thousand" / "5 hundre tusen"
    if (scale === 100) {
      const sc2 = scaleWordAfter(s, end);
      if (sc2 && sc2.scale > 100) {
        scale *= sc2.scale;
        end = sc2.end;
      }
    }
    const v = value * scale;
    atom = {
      ...atom,
      end,
      value: v,
      low: v,
      high: v,
      multiplied: true,
      base: value,
      scale,
      approx: sc.approx,
      plainInt: false,
    };
  }
  return atom;
}

/** Start of letters glued before digits at `i` that make a code ("F16", "KN-23", "Su-34"), or null. */
function codeStartBefore(text: string, i: number): number | null {
  if (isLetter(text[i - 1])) {
    let k = i;
    while (k > 0 && isAlnum(text[k - 1])) k--;
    return k;
  }
  if (text[i - 1] === '-' && isLetter(text[i - 2])) {
    let k = i - 1;
    while (k > 0 && isLetter(text[k - 1])) k--;
    const letters = text.slice(k, i - 1);
    // Upper case marks a designation ("KN-23", "Su-34", "F-16"); lower case is a prefix ("mid-2024", "pre-2022").
    if (UPPER.test(letters)) {
      while (k > 1 && text[k - 1] === '-' && isAlnum(text[k - 2])) {
        k--;
        while (k > 0 && isAlnum(text[k - 1])) k--;
      }
      return k;
    }
  }
  return null;
}

/** End of an alphanumeric code that contains position `i` ("9M723", "F-16s", "Kh-101"). */
function codeEnd(text: string, i: number): number {
  let e = i;
  for (;;) {
    while (isAlnum(text[e])) e++;
    if (text[e] === '-' && isAlnum(text[e + 1]) && /[0-9\p{Lu}]/u.test(text[e + 1]!)) {
      e++;
      continue;
    }
    return e;
  }
}

// ---------------------------------------------------------------------------
// Word numbers

interface WordSeq {
  words: Word[];
  gaps: string[];
}

/** Words from `pos` joined by single spaces (or a hyphen when `hyphen`), up to `max`. */
function wordsFrom(text: string, pos: number, max: number, hyphen: boolean): WordSeq {
  const words: Word[] = [];
  const gaps: string[] = [];
  let w = readWordAt(text, pos);
  while (w && words.length < max) {
    words.push(w);
    let i = w.end;
    let gap = '';
    if (hyphen && text[i] === '-' && isLetter(text[i + 1])) {
      gap = '-';
      i++;
    } else {
      while (isHSpace(text[i])) i++;
      if (i === w.end) break;
      gap = ' ';
    }
    const nw = readWordAt(text, i);
    if (!nw) break;
    gaps.push(gap);
    w = nw;
  }
  return { words, gaps };
}

/** Evaluates a sequence of number morphemes; null if it is not a well-formed number. */
function evaluate(ms: Morph[]): number | null {
  let total = 0,
    cur = 0;
  let last: Morph['cat'] | null = null;
  let beforeAnd: Morph['cat'] | null = null;
  for (const m of ms) {
    switch (m.cat) {
      case 'unit':
        if (last === null || last === 'hundred' || last === 'scale') cur += m.v;
        else if (last === 'and' && beforeAnd !== 'unit') cur += m.v;
        else if (last === 'ten' && cur % 10 === 0) cur += m.v;
        else return null;
        break;
      case 'teen':
        if (last === null || last === 'hundred' || last === 'scale' || (last === 'and' && beforeAnd !== 'unit'))
          cur += m.v;
        else return null;
        break;
      case 'ten':
        if (last === null || last === 'hundred' || last === 'scale' || last === 'and') cur += m.v;
        else return null;
        break;
      case 'hundred':
        if (last === null) cur = 100;
        else if ((last === 'unit' || last === 'teen' || last === 'ten') && cur > 0 && cur < 100) cur *= 100;
        else return null;
        break;
      case 'scale':
        if (last === 'and') return null;
        if (last !== null && cur === 0) return null;
        total += (cur || 1) * m.v;
        cur = 0;
        break;
      case 'and':
        if (last !== 'hundred' && last !== 'scale' && last !== 'unit') return null;
        beforeAnd = last;
        break;
    }
    last = m.cat;
  }
  if (last === 'and' || last === null) return null;
  return total + cur;
}

/**
 * Decomposes a Norwegian word into number morphemes ("tretusen" → [tre, tusen],
 * "hundreogfemti" → [hundre, og, femti]); the first decomposition that is a
 * well-formed number wins. Depth-first with a step budget, so adversarial
 * input cannot blow up.
 */
/** Words already decomposed: a corpus repeats its words, and the search is a depth-first walk over morphemes. */
const nbMorphsMemo = new Map<string, Morph[] | null>();
const MAX_NB_MORPHS_MEMO = 50_000;

function nbWordMorphs(word: string): Morph[] | null {
  let morphs = nbMorphsMemo.get(word);
  if (morphs === undefined) {
    morphs = decomposeNorwegian(word);
    if (nbMorphsMemo.size >= MAX_NB_MORPHS_MEMO) nbMorphsMemo.clear();
    nbMorphsMemo.set(word, morphs);
  }
  return morphs;
}

function decomposeNorwegian(word: string): Morph[] | null {
  if (word.length > 30) return null;
  let budget = 500;
  const path: Morph[] = [];
  const dfs = (from: number): boolean => {
    if (--budget < 0) return false;
    if (from === word.length) return evaluate(path) !== null || (path.length === 1 && path[0]!.cat === 'and');
    for (const [str, m] of NB_MORPHEMES) {
      if (!word.startsWith(str, from)) continue;
      path.push(m);
      if (dfs(from + str.length)) return true;
      path.pop();
    }
    return false;
  };
  return dfs(0) ? [...path] : null;
}

const vagueAtom = (start: number, end: number, low: number, high: number, value = low): Atom =>
  makeAtom(start, end, value, { low, high, vague: true });

/** Product of consecutive scale words at words[k…] ("hundred thousand" → 1e5); null if none. */
function scaleRun(
  words: Word[],
  gaps: string[],
  k: number,
  table: Readonly<Record<string, number>>,
): { scale: number; next: number } | null {
  let scale = 1,
    n = k;
  while (n < words.length && n < k + 2 && table[words[n]!.lower] !== undefined && (n === k || gaps[n - 1] === ' ')) {
    scale *= table[words[n]!.lower]!;
    n++;
  }
  return n > k ? { scale, next: n } : null;
}

const EN_VAGUE_SCALES: Readonly<Record<string, number>> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  dozen: 12,
};
const NB_VAGUE_SCALES: Readonly<Record<string, number>> = {
  hundre: 100,
  tusen: 1e3,
  million: 1e6,
  millioner: 1e6,
  milliard: 1e9,
  milliarder: 1e9,
  dusin: 12,
};

/** Every word an English number phrase can begin with (see the branches below): any other word is rejected at once. */
const EN_FIRST_WORDS: ReadonlySet<string> = new Set([
  'tens',
  'hundreds',
  'thousands',
  'millions',
  'billions',
  'several',
  'a',
  'dozens',
  'scores',
  'half',
  ...Object.keys(EN_NUMBER_WORDS),
  ...Object.keys(EN_ORDINALS),
]);

function readEnglishWords(s: Scan, pos: number): Atom | null {
  const { text } = s;
  // Called at every word of every sentence: most words are no number, and reading eight words ahead for each is the costly part.
  const first = readWordAt(text, pos);
  if (!first || !EN_FIRST_WORDS.has(first.lower)) return null;
  const { words, gaps } = wordsFrom(text, pos, 8, true);
  if (words.length === 0) return null;
  const lw = words.map((w) => w.lower);
  const spaced = (k: number): boolean => gaps[k] === ' ';
  const end = (k: number): number => words[k]!.end;
  const st = words[0]!.start;

  // tens / hundreds of thousands|millions|billions
  if ((lw[0] === 'tens' || lw[0] === 'hundreds') && lw[1] === 'of' && spaced(0) && spaced(1)) {
    const sc = EN_VAGUE_SCALES[lw[2]?.replace(/s$/, '') ?? ''];
    if (sc && sc >= 1000 && lw[2]!.endsWith('s')) {
      const f = lw[0] === 'tens' ? 10 : 100;
      return vagueAtom(st, end(2), 2 * f * sc, 10 * f * sc - 1);
    }
  }
  // several / a few / a couple (of) + scale
  let vagueLead: { low: number; high: number; value: number; next: number } | null = null;
  if (lw[0] === 'several' && spaced(0)) vagueLead = { low: 2, high: 9, value: 3, next: 1 };
  else if (lw[0] === 'a' && lw[1] === 'few' && spaced(0)) vagueLead = { low: 2, high: 5, value: 3, next: 2 };
  else if (lw[0] === 'a' && lw[1] === 'couple' && spaced(0))
    vagueLead = { low: 2, high: 3, value: 2, next: lw[2] === 'of' && spaced(1) ? 3 : 2 };
  if (vagueLead) {
    const run = spaced(vagueLead.next - 1) ? scaleRun(words, gaps, vagueLead.next, EN_VAGUE_SCALES) : null;
    if (run)
      return vagueAtom(
        st,
        end(run.next - 1),
        vagueLead.low * run.scale,
        vagueLead.high * run.scale,
        vagueLead.value * run.scale,
      );
    if (lw[0] === 'a' && lw[1] === 'few') return vagueAtom(st, end(1), 2, 5, 3);
    if (lw[0] === 'a' && lw[1] === 'couple') return vagueAtom(st, end(1), 2, 3, 2);
  }
  if (lw[0] === 'a' && lw[1] === 'handful' && spaced(0)) return vagueAtom(st, end(1), 2, 6, 4);
  // dozens, scores of, hundreds, thousands, millions, billions
  if (lw[0] === 'dozens') return vagueAtom(st, end(0), 24, 99);
  if (lw[0] === 'scores' && lw[1] === 'of' && spaced(0)) return vagueAtom(st, end(0), 40, 99);
  const pluralScale: Record<string, number> = { hundreds: 100, thousands: 1e3, millions: 1e6, billions: 1e9 };
  if (pluralScale[lw[0]!] !== undefined) {
    const sc = pluralScale[lw[0]!]!;
    return vagueAtom(st, end(0), 2 * sc, 10 * sc - 1);
  }
  // half a million / half a dozen / half
  if (lw[0] === 'half') {
    if ((lw[1] === 'a' || lw[1] === 'an') && spaced(0) && spaced(1)) {
      const sc = EN_DIGIT_SCALES[lw[2] ?? ''];
      if (sc !== undefined && !['mn', 'mln', 'bn'].includes(lw[2]!)) {
        return makeAtom(st, end(2), sc / 2, { approx: lw[2] === 'dozen', multiplied: true, base: 0.5, scale: sc });
      }
    }
    return makeAtom(st, end(0), 0.5, { forced: { kind: 'other' } });
  }
  // Fractions: a third of, one-third, two-thirds, three quarters
  if (words.length >= 2) {
    const den = EN_DENOMINATORS[lw[1]!];
    const num = lw[0] === 'a' ? 1 : EN_NUMBER_WORDS[lw[0]!]?.cat === 'unit' ? EN_NUMBER_WORDS[lw[0]!]!.v : undefined;
    if (den !== undefined && num !== undefined && num > 0) {
      const plural = lw[1]!.endsWith('s');
      const ok =
        lw[0] === 'a'
          ? spaced(0) && lw[2] === 'of' && spaced(1) && !plural
          : lw[0] === 'one'
            ? !plural || lw[1] === 'halves'
            : plural;
      if (ok) return makeAtom(st, end(1), num / den, { forced: { kind: 'other' } });
    }
  }

  // Number phrase.
  const morphs: Morph[] = [];
  let best: { k: number; value: number } | null = null;
  for (let k = 0; k < words.length; k++) {
    if (
      k > 0 &&
      gaps[k - 1] === '-' &&
      !(morphs[morphs.length - 1]?.cat === 'ten' || morphs[morphs.length - 1]?.cat === 'unit')
    )
      break;
    let m = EN_NUMBER_WORDS[lw[k]!];
    if (k === 0 && lw[0] === 'a') {
      const nxt = EN_NUMBER_WORDS[lw[1] ?? ''];
      if (spaced(0) && nxt && (nxt.cat === 'hundred' || nxt.cat === 'scale')) m = { cat: 'unit', v: 1 };
    }
    if (!m) break;
    if (k === 0 && (m.cat === 'hundred' || m.cat === 'scale' || m.cat === 'and')) break; // bare "hundred", "million"
    morphs.push(m);
    const v = evaluate(morphs);
    if (v === null) {
      if (m.cat === 'and') continue;
      morphs.pop();
      break;
    }
    best = { k, value: v };
  }
  if (best) {
    const used = morphs.slice(0, best.k + 1);
    const approx = used.some((m) => m.approx);
    const e = end(best.k);
    // twenty-first, thirty-second: ordinal
    if (used[used.length - 1]!.cat === 'ten' && gaps[best.k] === '-' && words[best.k + 1]) {
      const ord = EN_ORDINALS[lw[best.k + 1]!];
      if (ord !== undefined && ord < 10)
        return makeAtom(st, end(best.k + 1), best.value + ord, { forced: { kind: 'ordinal' } });
    }
    const scaleM = used.filter((m) => m.cat === 'scale');
    const atom = makeAtom(st, e, best.value, {
      approx,
      multiplied: scaleM.length > 0,
      scale: scaleM.length ? scaleM[scaleM.length - 1]!.v : 1,
    });
    atom.base = atom.scale !== 1 ? best.value / atom.scale : best.value;
    if (best.k === 0 && lw[0] === 'one') atom.needsNounCheck = 'en-one';
    return atom;
  }
  const ord = EN_ORDINALS[lw[0]!];
  if (ord !== undefined) return makeAtom(st, end(0), ord, { forced: { kind: 'ordinal' } });
  return null;
}

/** Words a Norwegian number phrase can begin with besides number words themselves (see the branches below). */
const NB_FIRST_WORDS: ReadonlySet<string> = new Set([
  'hundrevis',
  'titusener',
  'dusinvis',
  'tusenvis',
  'titusenvis',
  'hundretusenvis',
  'millionvis',
  'milliardvis',
  'millioner',
  'milliarder',
  'flere',
  'noen',
  'et',
  'en',
  'halvannen',
  'halvannet',
  'halvparten',
  'halvdelen',
  ...Object.keys(NB_ORDINALS),
  ...Object.keys(NB_DENOMINATORS),
]);

function readNorwegianWords(s: Scan, pos: number): Atom | null {
  const { text } = s;
  // As in English: reject at once a first word that cannot begin a number phrase.
  const first = readWordAt(text, pos);
  if (!first || (!NB_FIRST_WORDS.has(first.lower) && !nbWordMorphs(first.lower))) return null;
  const { words, gaps } = wordsFrom(text, pos, 8, false);
  if (words.length === 0) return null;
  const lw = words.map((w) => w.lower);
  const end = (k: number): number => words[k]!.end;
  const st = words[0]!.start;

  // hundrevis, tusenvis, titusenvis, hundretusenvis, millionvis, dusinvis, "hundrevis av tusen"
  const vagueWords: Record<string, [number, number]> = {
    dusinvis: [24, 99],
    hundrevis: [200, 999],
    tusenvis: [2000, 9999],
    titusenvis: [20_000, 99_999],
    hundretusenvis: [200_000, 999_999],
    millionvis: [2e6, 1e7 - 1],
    milliardvis: [2e9, 1e10 - 1],
  };
  if (lw[0] === 'hundrevis' && lw[1] === 'av' && (lw[2] === 'tusen' || lw[2] === 'millioner')) {
    const sc = lw[2] === 'tusen' ? 1e3 : 1e6;
    return vagueAtom(st, end(2), 200 * sc, 1000 * sc - 1);
  }
  if (lw[0] === 'titusener' || lw[0] === 'titusenvis') return vagueAtom(st, end(0), 20_000, 99_999);
  if (vagueWords[lw[0]!]) {
    const [lo, hi] = vagueWords[lw[0]!]!;
    return vagueAtom(st, end(0), lo, hi);
  }
  if (lw[0] === 'millioner' || lw[0] === 'milliarder') {
    const sc = lw[0] === 'millioner' ? 1e6 : 1e9;
    return vagueAtom(st, end(0), 2 * sc, 10 * sc - 1);
  }
  // flere / noen / et par + scale; noen få; et par; en håndfull
  let lead: { low: number; high: number; value: number; next: number } | null = null;
  if (lw[0] === 'flere') lead = { low: 2, high: 9, value: 3, next: 1 };
  else if (lw[0] === 'noen') lead = { low: 2, high: 5, value: 3, next: 1 };
  else if (lw[0] === 'et' && lw[1] === 'par') lead = { low: 2, high: 3, value: 2, next: 2 };
  if (lead) {
    const run = words.length > lead.next ? scaleRun(words, gaps, lead.next, NB_VAGUE_SCALES) : null;
    if (run)
      return vagueAtom(st, end(run.next - 1), lead.low * run.scale, lead.high * run.scale, lead.value * run.scale);
    if (lw[0] === 'noen' && lw[1] === 'få') return vagueAtom(st, end(1), 2, 5, 3);
    if (lw[0] === 'et' && lw[1] === 'par') return vagueAtom(st, end(1), 2, 3, 2);
    if (lw[0] !== 'et') return null;
  }
  if (lw[0] === 'en' && lw[1] === 'håndfull') return vagueAtom(st, end(1), 2, 6, 4);
  // et halvt dusin, en halv million, halvannen (million)
  if ((lw[0] === 'en' || lw[0] === 'et') && (lw[1] === 'halv' || lw[1] === 'halvt') && lw[2]) {
    const sc = NB_DIGIT_SCALES[lw[2]];
    if (sc !== undefined)
      return makeAtom(st, end(2), sc / 2, { approx: sc === 12, multiplied: true, base: 0.5, scale: sc });
  }
  if (lw[0] === 'halvannen' || lw[0] === 'halvannet') {
    const sc = lw[1] ? NB_DIGIT_SCALES[lw[1]] : undefined;
    if (sc !== undefined) return makeAtom(st, end(1), 1.5 * sc, { multiplied: true, base: 1.5, scale: sc });
    return makeAtom(st, end(0), 1.5);
  }
  // Fractions: halvparten, halvdelen, en tredjedel, to tredjedeler, tredjedel
  if (lw[0] === 'halvparten' || lw[0] === 'halvdelen') return makeAtom(st, end(0), 0.5, { forced: { kind: 'other' } });
  if (NB_DENOMINATORS[lw[0]!] !== undefined)
    return makeAtom(st, end(0), 1 / NB_DENOMINATORS[lw[0]!]!, { forced: { kind: 'other' } });
  if (words.length >= 2 && NB_DENOMINATORS[lw[1]!] !== undefined) {
    const numM = nbWordMorphs(lw[0]!);
    const num = numM ? evaluate(numM) : null;
    if (num !== null && num > 0 && num < 10)
      return makeAtom(st, end(1), num / NB_DENOMINATORS[lw[1]!]!, { forced: { kind: 'other' } });
  }

  // Number phrase: words decomposed into morphemes ("to hundre", "tretusen", "hundre og femti").
  const morphs: Morph[] = [];
  let best: { k: number; value: number; count: number } | null = null;
  for (let k = 0; k < words.length; k++) {
    if (k > 0 && gaps[k - 1] !== ' ') break;
    const ms = nbWordMorphs(lw[k]!);
    if (!ms) break;
    morphs.push(...ms);
    const v = evaluate(morphs);
    if (v === null) {
      if (ms.length === 1 && ms[0]!.cat === 'and') continue;
      break;
    }
    best = { k, value: v, count: morphs.length };
  }
  if (best) {
    const used = morphs.slice(0, best.count);
    const first = used[0]!;
    // Bare "million"/"milliard" are not numbers; "en"/"et"/"ett" only before a scale word.
    if (best.k === 0 && used.length === 1 && first.cat === 'scale' && first.v >= 1e6) return null;
    const scaleM = used.filter((m) => m.cat === 'scale');
    const approx = used.some((m) => m.approx);
    const atom = makeAtom(st, end(best.k), best.value, {
      approx,
      multiplied: scaleM.length > 0,
      scale: scaleM.length ? scaleM[scaleM.length - 1]!.v : 1,
    });
    atom.base = atom.scale !== 1 ? best.value / atom.scale : best.value;
    if (best.k === 0) {
      if (lw[0] === 'én') atom.needsNounCheck = 'nb-en';
      else if (lw[0] === 'en' || lw[0] === 'et' || lw[0] === 'ett') return null;
      else if (NB_AMBIGUOUS.has(lw[0]!)) atom.needsNounCheck = 'nb-plural';
    }
    return atom;
  }
  const ord = NB_ORDINALS[lw[0]!];
  if (ord !== undefined) return makeAtom(st, end(0), ord, { forced: { kind: 'ordinal' } });
  return null;
}

function readAtom(s: Scan, pos: number): Atom | null {
  if (isDigit(s.text[pos])) return readDigitAtom(s, pos);
  return s.nb ? readNorwegianWords(s, pos) : readEnglishWords(s, pos);
}

// ---------------------------------------------------------------------------
// Noun checks for ambiguous number words

function enOneIsCount(s: Scan, atom: Atom): boolean {
  const prev = wordBefore(s, atom.start);
  if (prev && EN_ONE_STOP_BEFORE.has(prev.word.toLowerCase())) return false;
  const nxt = nextWord(s.text, atom.end);
  return nxt !== null && !EN_ONE_STOP.has(nxt.lower);
}

function nbPluralish(w: Word): boolean {
  if (!isLowerWord(w.raw)) return false;
  return (w.lower.length >= 4 && /(?:er|ene|ar|ane)$/.test(w.lower)) || NB_IRREGULAR_PLURALS.has(w.lower);
}

function nbNounFollows(s: Scan, atom: Atom): boolean {
  const w1 = nextWord(s.text, atom.end);
  if (!w1) return false;
  if (atom.needsNounCheck === 'nb-en')
    return isLowerWord(w1.raw) && !['av', 'eller', 'og', 'til', 'som', 'gang', 'for'].includes(w1.lower);
  if (nbPluralish(w1)) return true;
  if (isLowerWord(w1.raw) && w1.lower.endsWith('e')) {
    const w2 = nextWord(s.text, w1.end);
    return w2 !== null && nbPluralish(w2);
  }
  return false;
}

// ---------------------------------------------------------------------------
// Expressions: atoms joined into ranges, with qualifiers and a kind

interface Expr {
  start: number;
  end: number;
  value: number;
  low: number | null;
  high: number | null;
  qualifier: Qualifier;
  kind: NumberKind;
  unit?: string;
}

function canRange(a: Atom, b: Atom): boolean {
  return !a.vague && !b.vague && !a.forced && !b.forced;
}

interface RangeResult {
  second: Atom;
  lowV: number;
  prefixStart: number | null;
}

/** Looks for "A-B", "A to B", "A til B", "A or B", "between A and B", "mellom A og B", "from A to B". */
function readRange(s: Scan, first: Atom, floor: number): RangeResult | null {
  const { text } = s;
  const rest = text.slice(first.end, first.end + 30);
  const between = phraseBefore(s, first.start, s.nb ? 'mellom' : 'between|somewhere between|anywhere between', floor);
  const from = phraseBefore(s, first.start, s.nb ? 'fra' : 'from|anywhere from', floor);
  let m: RegExpExecArray | null;
  let connector: 'dash' | 'to' | 'or' | 'and' | null = null;
  if ((m = /^[ \u00A0]?[-–—][ \u00A0]?(?=[0-9])/.exec(rest)) && first.fromDigits) connector = 'dash';
  else if ((m = (s.nb ? /^[ \u00A0]+til[ \u00A0]+/i : /^[ \u00A0]+to[ \u00A0]+|^-to-/i).exec(rest))) connector = 'to';
  else if ((m = (s.nb ? /^[ \u00A0]+eller[ \u00A0]+/i : /^[ \u00A0]+or[ \u00A0]+/i).exec(rest))) connector = 'or';
  else if (between && (m = (s.nb ? /^[ \u00A0]+og[ \u00A0]+/i : /^[ \u00A0]+and[ \u00A0]+/i).exec(rest)))
    connector = 'and';
  if (!m || !connector) return null;
  const p2 = first.end + m[0].length;
  if (isClaimed(s, p2)) return null;
  if (connector === 'dash' && !isDigit(text[p2])) return null;
  const second = readAtom(s, p2);
  if (!second || !canRange(first, second)) return null;
  if (connector === 'dash' && !second.fromDigits) return null;
  // "from 100 to 200" after a change verb ("rose from 100 to 200") is a change, not a range.
  if (connector === 'to' && from) {
    const verb = phraseBefore(s, from.start, CHANGE_VERBS, floor);
    if (verb) return null;
  }
  if (connector === 'to' && !from && phraseBefore(s, first.start, CHANGE_VERBS, floor)) return null;
  let lowV = first.value;
  // "between 1 and 1.5 million": the scale word belongs to both figures.
  if (second.multiplied && !first.multiplied && first.value <= second.base) lowV = first.value * second.scale;
  if (!(second.value > lowV)) return null;
  if (connector === 'or' && first.fromDigits !== second.fromDigits) return null;
  const prefixStart = connector === 'and' ? between!.start : connector === 'to' && from ? from.start : null;
  return { second, lowV, prefixStart };
}

function isClaimed(s: Scan, pos: number): boolean {
  const c = s.claimed[firstClaimEndingAfter(s, pos)];
  return c !== undefined && c[0] <= pos;
}
function overlapsClaimed(s: Scan, start: number, end: number): boolean {
  const c = s.claimed[firstClaimEndingAfter(s, start)];
  return c !== undefined && c[0] < end;
}

function qualifierBefore(s: Scan, pos: number, floor: number): { start: number; q: Qualifier } | null {
  const list = s.nb ? NB_QUALIFIERS : EN_QUALIFIERS;
  const m = phraseBefore(s, pos, s.nb ? NB_Q_ALTS : EN_Q_ALTS, floor);
  if (!m) return null;
  const key = m.phrase.toLowerCase().replace(/[\s\u00A0]+/g, ' ');
  const q = list.find(([w]) => w === key)?.[1];
  return q ? { start: m.start, q } : null;
}

/** Applies a qualifier to an interval (see the module comment). */
function qualify(
  q: Qualifier,
  value: number,
  low: number,
  high: number,
): Pick<Expr, 'value' | 'low' | 'high' | 'qualifier'> {
  switch (q) {
    case 'at least':
    case 'more than':
      return { value, low, high: null, qualifier: q };
    case 'nearly':
    case 'up to':
    case 'less than':
      return { value, low: null, high, qualifier: q };
    default:
      return { value, low, high, qualifier: q };
  }
}

const EN_Q_ALTS = [...EN_QUALIFIERS]
  .sort((a, b) => b[0].length - a[0].length)
  .map(([w]) => phraseRe(w))
  .join('|');
const NB_Q_ALTS = [...NB_QUALIFIERS]
  .sort((a, b) => b[0].length - a[0].length)
  .map(([w]) => phraseRe(w))
  .join('|');
const CURRENCY_PREFIX_ALTS = [...CURRENCY_PREFIXES]
  .sort((a, b) => b[0].length - a[0].length)
  .map(([w]) => escapeRe(w))
  .join('|');

const yearish = (a: Atom): boolean => a.plainInt && a.digitCount === 4 && a.value >= 1900 && a.value <= 2100;

interface Classified {
  kind: NumberKind;
  unit?: string;
  start: number;
  end: number;
}

/**
 * Decides the kind of the number(s) spanning [coreStart, coreEnd) and extends the span over
 * currency signs and unit words. `first`/`last` are the atoms (the same atom unless a range).
 */
function classify(
  s: Scan,
  first: Atom,
  last: Atom,
  isRange: boolean,
  coreStart: number,
  coreEnd: number,
  floor: number,
): Classified {
  const { text } = s;
  const after = text.slice(coreEnd, coreEnd + 60);
  let m: RegExpExecArray | null;
  if (first.forced) {
    const r: Classified = { kind: first.forced.kind, start: coreStart, end: coreEnd };
    if (first.forced.unit !== undefined) r.unit = first.forced.unit;
    return r;
  }
  const currency = phraseBefore(s, coreStart, CURRENCY_PREFIX_ALTS, floor, '[ \\u00A0]?');
  if (currency && coreStart === first.start) {
    const cw = CURRENCY_AFTER_RE.exec(after);
    const unit =
      CURRENCY_PREFIXES.find(([w]) => w.toLowerCase() === currency.phrase.toLowerCase())?.[1] ?? currency.phrase;
    return { kind: 'money', unit, start: currency.start, end: coreEnd + (cw ? cw[0].length : 0) };
  }
  if (first.gluedSuffix) return { kind: 'money', start: coreStart, end: coreEnd };
  if ((m = PERCENT_RE.exec(after))) return { kind: 'percent', unit: '%', start: coreStart, end: coreEnd + m[0].length };
  if ((m = CURRENCY_AFTER_RE.exec(after)) && !(m[1]!.toLowerCase() === 'won' && !first.multiplied)) {
    return { kind: 'money', unit: lookup(CURRENCY_WORDS, m[1]!), start: coreStart, end: coreEnd + m[0].length };
  }
  if ((m = AGE_AFTER_RE.exec(after)))
    return { kind: 'age', unit: 'year', start: coreStart, end: coreEnd + m[0].length };
  if (phraseBefore(s, coreStart, 'aged|age|ages|alder|alderen', floor))
    return { kind: 'age', unit: 'year', start: coreStart, end: coreEnd };
  if (!last.multiplied && (m = PHYSICAL_RE.exec(after))) {
    return { kind: 'measure', unit: lookup(PHYSICAL_UNITS, m[1]!), start: coreStart, end: coreEnd + m[0].length };
  }
  if ((m = DURATION_RE.exec(after)))
    return { kind: 'measure', unit: lookup(DURATION_UNITS, m[1]!), start: coreStart, end: coreEnd + m[0].length };
  if (first.fromDigits && !isRange && (m = TIME_AFTER_RE.exec(after)))
    return { kind: 'time', start: coreStart, end: coreEnd + m[0].length };
  if (first.plainInt && (m = DECADE_AFTER_RE.exec(after)))
    return { kind: 'year', start: coreStart, end: coreEnd + m[0].length };
  if (
    first.fromDigits &&
    (phraseBefore(s, coreStart, CODE_PREFIX, floor) ||
      /[#№]$/.test(text.slice(Math.max(floor, coreStart - 1), coreStart)))
  ) {
    return { kind: 'other', start: coreStart, end: coreEnd };
  }
  // Norwegian press style: "Kim Jong-un (40)".
  if (
    first.fromDigits &&
    !isRange &&
    first.digitCount <= 3 &&
    first.plainInt &&
    text[coreStart - 1] === '(' &&
    text[coreEnd] === ')' &&
    /\p{Lu}[\p{L}-]*[ \u00A0]?\($/u.test(text.slice(Math.max(0, coreStart - 40), coreStart))
  ) {
    return { kind: 'age', unit: 'year', start: coreStart, end: coreEnd };
  }
  if (yearish(first) && (!isRange || yearish(last)) && isYear(s, first, last, floor))
    return { kind: 'year', start: coreStart, end: coreEnd };
  return { kind: 'count', start: coreStart, end: coreEnd };
}

/** Builds the expression starting with `first`; returns null when the atom is not a number here. */
function buildExpr(s: Scan, first: Atom, floor: number): Expr | null {
  const { text } = s;
  // "2022-23": a span of years (a failed range, since 23 < 2022).
  if (yearish(first)) {
    const yy = /^[-–](\d{2})(?![\p{N}\p{L}])/u.exec(text.slice(first.end, first.end + 4));
    const hi = yy ? Math.floor(first.value / 100) * 100 + Number(yy[1]) : 0;
    if (yy && hi > first.value) {
      return {
        start: first.start,
        end: first.end + 3,
        value: first.value,
        low: first.value,
        high: hi,
        qualifier: 'exact',
        kind: 'year',
      };
    }
  }
  const range = readRange(s, first, floor);
  if (!range) {
    if (first.needsNounCheck === 'en-one' && !enOneIsCount(s, first)) return null;
    if (
      (first.needsNounCheck === 'nb-plural' || first.needsNounCheck === 'nb-en') &&
      !nbNounFollows(s, first) &&
      !qualifierBefore(s, first.start, floor)
    ) {
      return null;
    }
  }
  const last = range ? range.second : first;
  const coreStart = range?.prefixStart ?? first.start;
  const c = classify(s, first, last, range !== null, coreStart, last.end, floor);
  const low0 = range ? range.lowV : first.low;
  const high0 = last.high;
  const value0 = range ? (range.lowV + last.value) / 2 : first.value;
  const base: Expr = {
    start: c.start,
    end: c.end,
    value: value0,
    low: low0,
    high: high0,
    qualifier: 'exact',
    kind: c.kind,
  };
  if (c.unit !== undefined) base.unit = c.unit;

  // Qualifiers only make sense on quantities (and on fractions: "nearly half").
  const quantity =
    c.kind === 'count' ||
    c.kind === 'measure' ||
    c.kind === 'percent' ||
    c.kind === 'money' ||
    c.kind === 'age' ||
    (c.kind === 'other' && first.forced?.kind === 'other' && !first.fromDigits);
  if (!quantity) return base;
  base.qualifier = first.vague ? 'vague' : first.approx ? 'about' : 'exact';
  const q = qualifierBefore(s, c.start, floor);
  if (q) return { ...base, start: q.start, ...qualify(q.q, value0, low0, high0) };
  if (!range && c.kind === 'count') {
    const sm = SUFFIX_QUALIFIERS_RE.exec(text.slice(c.end, c.end + 20));
    if (sm)
      return {
        ...base,
        end: c.end + sm[0].length,
        ...qualify(sm[1] ? 'at least' : sm[2] ? 'about' : 'up to', value0, low0, high0),
      };
  }
  return base;
}

/** English plurals without -s, and words that announce a count ("2000 more"). */
const EN_COUNT_WORDS = new Set([
  'people',
  'men',
  'women',
  'children',
  'police',
  'personnel',
  'staff',
  'crew',
  'aircraft',
  'infantry',
  'cattle',
  'more',
  'additional',
  'other',
  'new',
  'extra',
  'fresh',
  'further',
]);
const NB_COUNT_WORDS = new Set(['flere', 'nye', 'andre', 'ekstra', 'mennesker', 'mann', 'personell', 'ytterligere']);

/**
 * Year rule for a plain 4-digit number in 1900–2100 (or a range of two such numbers).
 * A year when: a year context precedes ("in", "since", "i", "mid-"…); or a determiner plus a
 * singular noun ("the 2024 election"); or a possessive ("2024's"); or no counted noun follows
 * (punctuation, end, a function word, or a singular noun: "2024 summit"). A count when a plural
 * noun follows, possibly after capitalised words ("2000 North Korean soldiers"), when a count
 * word follows ("2000 more"), when a count qualifier precedes and any lower-case word follows
 * ("about 2000 badly wounded"), or after a change verb ("rose to 2000").
 */
function isYear(s: Scan, first: Atom, last: Atom, floor: number): boolean {
  const { text } = s;
  if (phraseBefore(s, first.start, YEAR_CONTEXT_BEFORE, floor)) return true;
  if (phraseBefore(s, first.start, 'mid|pre|post', floor, '-')) return true;
  if (phraseBefore(s, first.start, `(?:${CHANGE_VERBS})[\\s\\u00A0]+(?:to|til)`, floor)) return false;
  if (/^['’]s(?![\p{L}])/u.test(text.slice(last.end))) return true;
  // The first lower-case word after the number, skipping up to three capitalised words.
  let w = nextWord(text, last.end);
  for (let k = 0; k < 3 && w && !isLowerWord(w.raw); k++) w = nextWord(text, w.end);
  if (!w || !isLowerWord(w.raw)) return true;
  if (FUNCTION_WORDS_AFTER.has(w.lower)) return true;
  const plural = s.nb
    ? nbPluralish(w) || NB_COUNT_WORDS.has(w.lower)
    : (/[^s]s$/.test(w.lower) && w.lower.length > 2) || EN_COUNT_WORDS.has(w.lower);
  if (plural) return false;
  if (phraseBefore(s, first.start, YEAR_DETERMINERS, floor)) return true;
  return !qualifierBefore(s, first.start, floor);
}

// ---------------------------------------------------------------------------
// Pre-scan: spans with a fixed kind (phones, dates, times, list markers, URLs)

interface Fixed {
  start: number;
  end: number;
  kind: NumberKind;
  value: number;
  unit?: string;
}

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"'\]]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;
const PHONE_RES: RegExp[] = [
  /(?:\[(?:phone|tel|telephone|tlf|telefon|mobil|fax)\]|\b(?:phone|tel|telephone|tlf|telefon|mobil|fax)\.?:?)[ \u00A0]*(\+?\(?\d[\d \u00A0().-]{4,}\d)/giu,
  /(?<![\p{L}\p{N}+])\+\d{1,3}(?:[ \u00A0.-]?\(?\d{1,4}\)?){2,}(?![\p{N}])/gu,
  /(?<![\p{L}\p{N}.,-])\(\d{2,4}\)[ \u00A0]?\d{3,4}[-. ]\d{4}(?![\p{N}]|[.,-]\d)/gu,
  /(?<![\p{L}\p{N}.,-])\d{2,4}([-.])\d{3,4}\1\d{4}(?![\p{N}]|[.,-]\d)/gu,
  /(?<![\p{L}\p{N}.,])\d{2}[ \u00A0]\d{2}[ \u00A0]\d{2}[ \u00A0]\d{2}(?![\p{N}]|[.,]\d)/gu,
];
const TIME_RES: RegExp[] = [
  /(?<![\p{L}\p{N}])(?:(?:AM|PM|am|pm|a\.m\.|p\.m\.)[ \u00A0]*)?(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:[ \u00A0]*(?:AM|PM|am|pm|a\.m\.|p\.m\.)(?![\p{L}]))?(?![\p{N}])/gu,
  /(?<![\p{L}])(?:kl\.?|klokka|klokken)[ \u00A0]*(?:[01]?\d|2[0-3])(?:[.:][0-5]\d)?(?![\p{N}])/giu,
];
const LIST_MARKER_RE = /(?:^|\n)[ \t]*(\d{1,2}[.)])(?=[ \t]+\p{Lu})/gu;

function prescan(text: string, language: string): { fixed: Fixed[]; skip: Array<[number, number]> } {
  const fixed: Fixed[] = [];
  const skip: Array<[number, number]> = [];
  const taken = (a: number, b: number): boolean =>
    fixed.some((f) => a < f.end && f.start < b) || skip.some(([x, y]) => a < y && x < b);
  const digitsOf = (s: string): number => Number(s.replace(/\D/g, '').slice(0, 15) || '0');

  for (const m of text.matchAll(URL_RE)) skip.push([m.index, m.index + m[0].length]);
  for (const re of PHONE_RES) {
    for (const m of text.matchAll(re)) {
      const num = m[1] ?? m[0];
      const start = m.index + m[0].length - num.length;
      const end = start + num.trimEnd().length;
      if ((num.match(/\d/g)?.length ?? 0) < 7 || taken(start, end)) continue;
      fixed.push({ start, end, kind: 'phone', value: digitsOf(num) });
    }
  }
  for (const d of scanDateExpressions(text, language)) {
    if (!d.hasDigits || d.type === 'year' || taken(d.start, d.end)) continue;
    fixed.push({ start: d.start, end: d.end, kind: 'date', value: d.day ?? d.year ?? 0 });
  }
  for (const re of TIME_RES) {
    for (const m of text.matchAll(re)) {
      const end = m.index + m[0].length;
      if (taken(m.index, end)) continue;
      const hour = /(\d{1,2})(?:[:.]\d{2})?/.exec(m[0].replace(/^\D+/, ''));
      fixed.push({ start: m.index, end, kind: 'time', value: hour ? Number(hour[1]) : 0 });
    }
  }
  for (const m of text.matchAll(LIST_MARKER_RE)) {
    const start = m.index + m[0].length - m[1]!.length;
    const end = start + m[1]!.length;
    if (taken(start, end)) continue;
    fixed.push({ start, end, kind: 'other', value: Number(m[1]!.slice(0, -1)) });
  }
  return { fixed, skip };
}

// ---------------------------------------------------------------------------
// Public entry point

/**
 * Finds every numeric expression in `text` with exact offsets.
 *
 * @param language 'en', or Norwegian 'nb' / 'no' / 'nn' (any other code is read
 *   with English rules). It selects the thousands/decimal separators ("1,000"
 *   and "3.5" in English; "11.000", "10 000" and "3,5" in Norwegian) and the
 *   number-word and qualifier lexicons.
 * @returns mentions sorted by `start`, never overlapping; each satisfies
 *   `text.slice(start, end) === wording` and `start < end`. Only `kind: 'count'`
 *   mentions are figure candidates. See the module comment for the
 *   value/low/high conventions.
 *
 * Never throws; unusual input yields fewer mentions, not errors.
 */
export function findNumbers(text: string, language: 'en' | 'nb' | string): NumberMention[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  // Indexing reads each sentence twice (its facts, then its claims): the second read is free.
  const key = `${language}\u0000${text}`;
  const known = recent.get(key);
  if (known) return known;
  // Frozen: the list is shared between callers, so none may change it.
  const found = Object.freeze(scanNumbers(text, language)) as NumberMention[];
  if (recent.size >= RECENT_SENTENCES) recent.clear();
  recent.set(key, found);
  return found;
}

/** How many sentences' numbers are remembered: the sentences of the article being indexed. */
const RECENT_SENTENCES = 512;
const recent = new Map<string, NumberMention[]>();

function scanNumbers(text: string, language: string): NumberMention[] {
  const nb = isNorwegian(language ?? 'en');
  const { fixed, skip } = prescan(text, nb ? 'nb' : 'en');
  const claimed = [...skip, ...fixed.map((f): [number, number] => [f.start, f.end])].sort((a, b) => a[0] - b[0]);
  const s: Scan = { text, nb, claimed };
  const out: NumberMention[] = fixed.map((f) => {
    const mention: NumberMention = {
      start: f.start,
      end: f.end,
      wording: text.slice(f.start, f.end),
      value: f.value,
      low: f.value,
      high: f.value,
      qualifier: 'exact',
      kind: f.kind,
    };
    if (f.unit !== undefined) mention.unit = f.unit;
    return mention;
  });

  let lastEnd = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const claim = s.claimed[firstClaimEndingAfter(s, i)];
    if (claim && claim[0] <= i) {
      i = claim[1];
      lastEnd = Math.max(lastEnd, claim[1]);
      continue;
    }
    const c = text[i];
    const startsDigit = isDigit(c) && !isDigit(text[i - 1]);
    const startsWord = isLetter(c) && !isAlnum(text[i - 1]);
    if (!startsDigit && !startsWord) {
      i++;
      continue;
    }
    const floor = lastEnd;
    let e: Expr | null = null;
    try {
      const atom = readAtom(s, i);
      if (atom && atom.start >= floor && !overlapsClaimed(s, atom.start, atom.end)) e = buildExpr(s, atom, floor);
    } catch {
      // Defensive: a reader bug must cost one mention, not the whole sentence.
      e = null;
    }
    if (e && e.end > e.start && e.start >= floor && e.end <= n && !overlapsClaimed(s, e.start, e.end)) {
      const mention: NumberMention = {
        start: e.start,
        end: e.end,
        wording: text.slice(e.start, e.end),
        value: e.value,
        low: e.low,
        high: e.high,
        qualifier: e.qualifier,
        kind: e.kind,
      };
      if (e.unit !== undefined) mention.unit = e.unit;
      out.push(mention);
      lastEnd = e.end;
      i = e.end;
      continue;
    }
    // Not a number here: skip the rest of this word / digit run.
    if (startsWord) {
      while (i < n && (isLetter(text[i]) || MARK.test(text[i]!))) i++;
    } else {
      while (i < n && isDigit(text[i])) i++;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
