/**
 * A deterministic generator of news-like articles for the benchmark: front matter, ~10 passages
 * an article, in the eight languages the bot reads (English about half, then Korean, Ukrainian,
 * Russian, German, French, Norwegian, Czech: LANGUAGE_MIX in languages.ts), figures and dates the
 * way each language's news states them, and filler drawn from a Zipf-distributed vocabulary so
 * common words match many passages and rare ones few.
 *
 * It also plants labelled facts (a unique name with a figure, plus decoy passages naming the same
 * person) for the recall measurement, and makes the question set for the latency measurement.
 * Same seed, same corpus: corpora are cached on disk by size and {@link GENERATOR_VERSION}.
 */
import { existsSync } from 'node:fs';
import { link, mkdir, readdir, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { LANGUAGE_MIX, OTHER_LANGUAGES, type OtherLanguage } from './languages.js';

/** Bump whenever the output changes, so cached corpora are regenerated. */
export const GENERATOR_VERSION = 2;
const SEED = 20_241_003;
/** Labelled facts per corpus (fewer for tiny corpora: at most one per five articles). */
const PLANTED = 200;
const MANIFEST = '.manifest.json';

// ---------------------------------------------------------------------------------------------
// Random numbers

export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  /** mulberry32: uniform in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(low: number, high: number): number {
    return low + Math.floor(this.next() * (high - low + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

/** Draws ranks 0..n-1 with probability ∝ 1/(rank+1)^s. */
class Zipf {
  private readonly cdf: Float64Array;
  constructor(n: number, s = 1.05) {
    this.cdf = new Float64Array(n);
    let sum = 0;
    for (let i = 0; i < n; i++) this.cdf[i] = sum += 1 / (i + 1) ** s;
    for (let i = 0; i < n; i++) this.cdf[i]! /= sum;
  }
  rank(rng: Rng): number {
    const u = rng.next();
    let low = 0;
    let high = this.cdf.length - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.cdf[mid]! < u) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}

// ---------------------------------------------------------------------------------------------
// Vocabulary

const EN_COMMON = `the of and to in a that said is for on was with as by it at from has have were be his are an
not this but had they who been which their will its after also more would or one about there up new than over
two last she year people when out can we first into all other government military he could war some against
time them since what officials country years three state only forces during told any her week may president
security most report where before because such city between attack region including did under while both so
if him those our second former through reported local day part according army international very four month
support many five border members foreign held news least months area capital early several defence later
minister national spokesman statement agency weapons group ministry intelligence conflict frontline front
situation exercise meeting leaders talks analysts sources media alliance strategy sanctions officials
operation units equipment supply supplies assistance reports claims evidence satellite images footage video
territory positions villages town towns regions battle battles offensive counteroffensive assault advance
advances retreat defenses lines convoy base bases airfield bridge railway road roads power plant energy grid
winter summer spring autumn morning evening night overnight weekend announcement interview briefing parliament
election economy prices market markets trade exports imports oil gas food aid humanitarian refugees families
children hospital hospitals school schools buildings homes residents population mayor governor council court
investigation prosecutors law rights human treaty agreement deal partnership cooperation relations diplomacy
embassy ambassador envoy summit visit delegation speech address warning threat threats risk pressure response`
  .split(/\s+/)
  .filter(Boolean);

const NB_COMMON = `og i det som er en på til av for at med har ikke de den et om var seg men fra sier han ble kan
vil skal etter også nå over år da hadde eller alle mot sin dette under blir andre siden mange regjeringen
landet krigen militære ifølge uke første to tre fire fem dag dager måneder måned president forsvaret
myndighetene departementet sikkerhet angrep området regionen fronten byen grensen møte ledere samtaler
analytikere kilder mediene alliansen strategi sanksjoner operasjonen enheter utstyr støtte rapporter bilder
territoriet stillinger landsbyer kamp kampene offensiven fremrykning forsvarslinjer base broen jernbanen
vinteren sommeren morgenen natten helgen intervju stortinget økonomien prisene handel olje gass mat hjelp
flyktninger familier barn sykehus skoler bygninger innbyggere ordføreren guvernøren avtale samarbeid
forholdet ambassadør besøk tale advarsel trussel risiko press svar`
  .split(/\s+/)
  .filter(Boolean);

const SYLLABLES = {
  en: [
    'ka',
    'ro',
    'ten',
    'mi',
    'sor',
    'vel',
    'da',
    'lun',
    'bre',
    'tis',
    'mor',
    'gan',
    'pel',
    'fi',
    'nor',
    'stra',
    'cal',
    'bo',
    'den',
    'rum',
    'sha',
    'lo',
    'ver',
    'tic',
    'ple',
    'ran',
    'col',
    'ma',
    'ent',
    'ist',
  ],
  nb: [
    'ka',
    'rø',
    'ten',
    'mi',
    'sor',
    'vel',
    'da',
    'lun',
    'bre',
    'tis',
    'mor',
    'gå',
    'pel',
    'fje',
    'nor',
    'stra',
    'kal',
    'bo',
    'den',
    'rum',
    'skj',
    'lø',
    'ver',
    'tik',
    'ple',
    'ran',
    'æl',
    'ma',
    'ene',
    'het',
  ],
};

function syntheticWords(language: 'en' | 'nb', count: number, avoid: ReadonlySet<string>, seed: number): string[] {
  const rng = new Rng(seed);
  const words: string[] = [];
  const seen = new Set(avoid);
  while (words.length < count) {
    const parts = rng.pick([1, 2, 2, 2, 3, 3]);
    let word = '';
    for (let i = 0; i < parts; i++) word += rng.pick(SYLLABLES[language]);
    if (language === 'en' && rng.chance(0.3)) word += rng.pick(['s', 'ed', 'ing', 'ly', 'tion']);
    if (language === 'nb' && rng.chance(0.3)) word += rng.pick(['en', 'ene', 'et', 'ing', 'er']);
    if (seen.has(word)) continue;
    seen.add(word);
    words.push(word);
  }
  return words;
}

function otherWords(language: OtherLanguage, count: number, seed: number): string[] {
  const { common, syllables } = OTHER_LANGUAGES[language];
  const rng = new Rng(seed);
  const words = [...new Set(common)];
  const seen = new Set(words);
  while (words.length < count) {
    let word = '';
    for (let i = rng.pick([2, 2, 3, 3, 3, 4]); i > 0; i--) word += rng.pick(syllables);
    if (seen.has(word)) continue;
    seen.add(word);
    words.push(word);
  }
  return words;
}

type Language = 'en' | 'nb' | OtherLanguage;
const OTHER_TAGS = Object.keys(OTHER_LANGUAGES) as OtherLanguage[];
const isOther = (language: string): language is OtherLanguage => language in OTHER_LANGUAGES;

/** Real common words at the head of the distribution, made-up words for the long tail. */
export const VOCABULARY: Record<Language, string[]> = {
  en: [...EN_COMMON, ...syntheticWords('en', 40_000 - EN_COMMON.length, new Set(EN_COMMON), 1)],
  nb: [...NB_COMMON, ...syntheticWords('nb', 15_000 - NB_COMMON.length, new Set(NB_COMMON), 2)],
  ...(Object.fromEntries(OTHER_TAGS.map((tag, i) => [tag, otherWords(tag, 12_000, 3 + i)])) as Record<
    OtherLanguage,
    string[]
  >),
};
const ZIPF = Object.fromEntries(
  Object.entries(VOCABULARY).map(([language, words]) => [language, new Zipf(words.length)]),
) as Record<Language, Zipf>;

/** A language drawn by its share of the corpus. */
function pickLanguage(rng: Rng): Language {
  let u = rng.next();
  for (const [language, share] of LANGUAGE_MIX) {
    u -= share;
    if (u < 0) return language;
  }
  return 'en';
}

export const PLACES = [
  'Kursk',
  'Donetsk',
  'Pyongyang',
  'Kyiv',
  'Moscow',
  'Seoul',
  'Kharkiv',
  'Zaporizhzhia',
  'Bakhmut',
  'Avdiivka',
  'Pokrovsk',
  'Sudzha',
  'Belgorod',
  'Bryansk',
  'Luhansk',
  'Kherson',
  'Vladivostok',
  'Rostov',
  'Odesa',
  'Dnipro',
  'Sumy',
  'Mariupol',
  'Toretsk',
  'Kupiansk',
  'Lyman',
  'Kramatorsk',
  'Sloviansk',
  'Vuhledar',
  'Korenevo',
  'Khabarovsk',
];
const FIRST_NAMES = [
  'Kim',
  'Park',
  'Lee',
  'Choi',
  'Oleksandr',
  'Andriy',
  'Dmitry',
  'Sergei',
  'Volodymyr',
  'Kyrylo',
  'Rustem',
  'John',
  'Lloyd',
  'Antony',
  'Mark',
  'Sarah',
  'Anna',
  'Olena',
  'Ingrid',
  'Ola',
  'Kari',
  'Jonas',
  'Erik',
  'Yoon',
  'Shin',
  'Cho',
  'Han',
  'Jung',
  'Maria',
  'David',
  'Peter',
  'Michael',
  'Elena',
  'Natalia',
  'Viktor',
  'Pavel',
  'Hyun',
  'Min',
  'Tae',
  'Jae',
];
const SURNAMES = [
  'Kim',
  'Park',
  'Lee',
  'Zelensky',
  'Budanov',
  'Syrskyi',
  'Shoigu',
  'Belousov',
  'Gerasimov',
  'Peskov',
  'Lavrov',
  'Austin',
  'Blinken',
  'Kirby',
  'Stoltenberg',
  'Rutte',
  'Yoon',
  'Shin',
  'Cho',
  'Kwon',
  'Howell',
  'Petrenko',
  'Kovalenko',
  'Bondarenko',
  'Melnyk',
  'Shevchenko',
  'Hansen',
  'Johansen',
  'Olsen',
  'Larsen',
  'Berg',
  'Haugen',
  'Dahl',
  'Lie',
  'Moe',
  'Solberg',
  'Ivanov',
  'Smirnov',
  'Kuznetsov',
  'Popov',
];
const ROLES = [
  'General',
  'Colonel',
  'Lieutenant',
  'Minister',
  'spokesman',
  'analyst',
  'commander',
  'lawmaker',
  'researcher',
  'official',
];
const ROLES_NB = ['general', 'oberst', 'løytnant', 'minister', 'talsperson', 'analytiker', 'forsker', 'statsråd'];
const PUBLISHERS = [
  'Reuters',
  'Associated Press',
  'BBC',
  'CNN',
  'YTN',
  'Yonhap',
  'Kyiv Post',
  'Kyiv Independent',
  'The Guardian',
  'Al Jazeera',
  'NK News',
  'Korea Herald',
  'Politico',
  'Financial Times',
  'Meduza',
];
const PUBLISHERS_NB = ['NRK', 'VG', 'Aftenposten', 'Dagbladet', 'E24', 'Klassekampen', 'NTB'];
const SOURCES = [
  'officials said',
  'a Ukrainian military spokesman said',
  'the Pentagon said',
  'Kyiv said',
  'according to Ukrainian intelligence',
  "according to South Korea's National Intelligence Service",
  'according to the Joint Chiefs of Staff',
  'the ministry said in a statement',
  'according to local media',
  'US officials told reporters',
  'analysts said',
  'according to the governor',
];
const SOURCES_NB = [
  'Sør-Koreas etterretningstjeneste',
  'ukrainske myndigheter',
  'Pentagon',
  'Forsvarsdepartementet',
  'de felles stabssjefene',
  'ukrainsk etterretning',
  'lokale medier',
  'guvernøren',
];
const SUBJECTS = [
  'North Korean soldiers',
  'soldiers',
  'troops',
  'North Korean troops',
  'Russian soldiers',
  'Ukrainian troops',
  'civilians',
  'officers',
  'servicemen',
  'fighters',
  'people',
];
const SUBJECTS_NB = [
  'soldater',
  'nordkoreanske soldater',
  'russiske soldater',
  'ukrainske soldater',
  'sivile',
  'offiserer',
  'mennesker',
];
const COUNTRIES = ['North Korea', 'Russia', 'Pyongyang', 'Moscow', 'Ukraine', 'Iran'];
const COUNTRIES_NB = ['Nord-Korea', 'Russland', 'Pyongyang', 'Moskva', 'Ukraina'];
const ITEMS = [
  'shells',
  'artillery shells',
  'missiles',
  'ballistic missiles',
  'drones',
  'rocket launchers',
  'howitzers',
  'rounds of ammunition',
];
const ITEMS_NB = ['granater', 'artillerigranater', 'missiler', 'droner', 'rakettoppskytere', 'haubitser'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MONTHS_NB = [
  'januar',
  'februar',
  'mars',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'desember',
];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const WEEKDAYS_NB = ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag'];
const NUMBER_WORDS = [
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'dozens of',
  'hundreds of',
  'thousands of',
];
const NUMBER_WORDS_NB = [
  'to',
  'tre',
  'fire',
  'fem',
  'seks',
  'sju',
  'åtte',
  'ni',
  'ti',
  'dusinvis av',
  'hundrevis av',
  'tusenvis av',
];

/** What happened, per figure category: the canonical word a question uses, and how articles say it. */
export const EVENTS = {
  killed: {
    ask: 'killed',
    en: ['were killed', 'died', 'were killed in action', 'have died'],
    nb: ['drept', 'omkommet'],
    askNb: 'drept',
  },
  injured: {
    ask: 'injured',
    en: ['were injured', 'were wounded', 'were hurt'],
    nb: ['skadet', 'såret'],
    askNb: 'skadet',
  },
  deployed: {
    ask: 'deployed',
    en: ['were deployed', 'were sent', 'were dispatched', 'were stationed'],
    nb: ['sendt', 'utplassert'],
    askNb: 'sendt',
  },
  captured: {
    ask: 'captured',
    en: ['were captured', 'were taken prisoner'],
    nb: ['tatt til fange', 'fanget'],
    askNb: 'fanget',
  },
} as const;
type EventName = keyof typeof EVENTS;
const EVENT_NAMES = Object.keys(EVENTS) as EventName[];

// ---------------------------------------------------------------------------------------------
// Sentences

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function number(rng: Rng, language: 'en' | 'nb'): string {
  if (rng.chance(0.12)) return rng.pick(language === 'en' ? NUMBER_WORDS : NUMBER_WORDS_NB);
  const magnitude = rng.pick([10, 100, 100, 1000, 1000, 10000]);
  let value = rng.int(1, 9) * magnitude + (rng.chance(0.4) ? rng.int(0, magnitude / 10) * 10 : 0);
  if (value < 2) value = 2;
  if (value < 1000) return String(value);
  const digits = String(value).replace(/\B(?=(\d{3})+(?!\d))/g, language === 'en' ? ',' : rng.pick(['.', ' ', '']));
  return digits;
}

function qualifier(rng: Rng, language: 'en' | 'nb'): string {
  const list =
    language === 'en'
      ? ['at least', 'about', 'more than', 'nearly', 'up to', 'some', 'around', 'over', '', '']
      : ['minst', 'rundt', 'omtrent', 'over', 'nesten', 'opptil', 'cirka', ''];
  const word = rng.pick(list);
  return word ? `${word} ` : '';
}

function datePhrase(rng: Rng, language: 'en' | 'nb'): string {
  const month = rng.int(0, 11);
  const day = rng.int(1, 28);
  if (language === 'nb')
    return rng.pick([
      `per ${day}. ${MONTHS_NB[month]}`,
      `${day}. ${MONTHS_NB[month]}`,
      rng.pick(WEEKDAYS_NB),
      `i ${MONTHS_NB[month]}`,
    ]);
  return rng.pick([
    `on ${MONTHS[month]} ${day}`,
    `on ${rng.pick(WEEKDAYS)}`,
    `in ${MONTHS[month]}`,
    'last week',
    `as of ${MONTHS[month]} ${day}`,
  ]);
}

/** Filler words from the Zipf vocabulary, with a domain word now and then. */
function filler(rng: Rng, language: Language, count: number): string {
  const words: string[] = [];
  for (let i = 0; i < count; i++) {
    if (isOther(language)) {
      words.push(
        rng.chance(0.08) ? rng.pick(OTHER_LANGUAGES[language].domain) : VOCABULARY[language][ZIPF[language].rank(rng)]!,
      );
      continue;
    }
    if (rng.chance(0.06)) words.push(rng.pick(PLACES));
    else if (rng.chance(0.04))
      words.push(
        rng.pick(
          language === 'en'
            ? ['troops', 'soldiers', 'drones', 'missiles', 'shells', 'casualties', 'losses', 'deployed', 'fighting']
            : ['soldater', 'droner', 'tap', 'kamper', 'tropper'],
        ),
      );
    else words.push(VOCABULARY[language][ZIPF[language].rank(rng)]!);
  }
  return words.join(' ');
}

function person(rng: Rng): string {
  return `${capitalize(rng.pick(ROLES))} ${rng.pick(FIRST_NAMES)} ${rng.pick(SURNAMES)}`;
}

function englishSentence(rng: Rng): string {
  const event = EVENTS[rng.pick(EVENT_NAMES)];
  switch (rng.int(0, 9)) {
    case 0:
      return `${capitalize(qualifier(rng, 'en'))}${number(rng, 'en')} ${rng.pick(SUBJECTS)} ${rng.pick(event.en)} near ${rng.pick(PLACES)} ${datePhrase(rng, 'en')}, ${rng.pick(SOURCES)}.`;
    case 1:
      return `${capitalize(rng.pick(SOURCES.filter((s) => s.startsWith('according'))))}, ${qualifier(rng, 'en')}${number(rng, 'en')} ${rng.pick(SUBJECTS)} ${rng.pick(event.en)} in ${rng.pick(PLACES)}.`;
    case 2:
      return `${rng.pick(COUNTRIES)} has deployed ${qualifier(rng, 'en')}${number(rng, 'en')} troops to ${rng.pick(PLACES)}, ${rng.pick(SOURCES)}.`;
    case 3:
      return `${rng.pick(COUNTRIES)} supplied ${qualifier(rng, 'en')}${number(rng, 'en')} ${rng.pick(ITEMS)} to Russia ${datePhrase(rng, 'en')}, ${rng.pick(SOURCES)}.`;
    case 4:
      return `${person(rng)} said the ${filler(rng, 'en', rng.int(4, 9))} in ${rng.pick(PLACES)}.`;
    case 5:
      return `Drones struck ${rng.pick(PLACES)} ${datePhrase(rng, 'en')}, ${rng.pick(['killing', 'wounding', 'injuring'])} ${number(rng, 'en')} people and damaging ${filler(rng, 'en', rng.int(2, 5))}.`;
    default:
      return `${capitalize(filler(rng, 'en', rng.int(10, 24)))}.`;
  }
}

function norwegianSentence(rng: Rng): string {
  const event = EVENTS[rng.pick(EVENT_NAMES)];
  switch (rng.int(0, 8)) {
    case 0:
      return `${capitalize(qualifier(rng, 'nb'))}${number(rng, 'nb')} ${rng.pick(SUBJECTS_NB)} ble ${rng.pick(event.nb)} i ${rng.pick(PLACES)} ${datePhrase(rng, 'nb')}, ifølge ${rng.pick(SOURCES_NB)}.`;
    case 1:
      return `${rng.pick(COUNTRIES_NB)} har sendt ${qualifier(rng, 'nb')}${number(rng, 'nb')} flere soldater til ${rng.pick(PLACES)}, sa ${rng.pick(SOURCES_NB)} ${rng.pick(WEEKDAYS_NB)}.`;
    case 2:
      return `Ifølge ${rng.pick(SOURCES_NB)} har Nord-Korea levert ${qualifier(rng, 'nb')}${number(rng, 'nb')} ${rng.pick(ITEMS_NB)} til Russland.`;
    case 3:
      return `${capitalize(rng.pick(ROLES_NB))} ${rng.pick(FIRST_NAMES)} ${rng.pick(SURNAMES)} sier at ${filler(rng, 'nb', rng.int(5, 10))}.`;
    default:
      return `${capitalize(filler(rng, 'nb', rng.int(10, 22)))}.`;
  }
}

function title(rng: Rng, language: 'en' | 'nb'): string {
  if (language === 'nb') {
    return rng.pick([
      `${capitalize(number(rng, 'nb'))} ${rng.pick(SUBJECTS_NB)} ${rng.pick(EVENTS[rng.pick(EVENT_NAMES)].nb)} i ${rng.pick(PLACES)}`,
      `${rng.pick(COUNTRIES_NB)} sender flere soldater til ${rng.pick(PLACES)}`,
      capitalize(filler(rng, 'nb', rng.int(4, 7))),
    ]);
  }
  return rng.pick([
    `${capitalize(number(rng, 'en'))} ${rng.pick(SUBJECTS)} ${rng.pick(EVENTS[rng.pick(EVENT_NAMES)].en)} near ${rng.pick(PLACES)}`,
    `${rng.pick(COUNTRIES)} sends more troops to ${rng.pick(PLACES)}`,
    capitalize(filler(rng, 'en', rng.int(4, 8))),
  ]);
}

// ---------------------------------------------------------------------------------------------
// Planted facts, for recall

/** A question whose answer is one known passage: the one containing `needle` in article `articleId`. */
export interface Labelled {
  question: string;
  articleId: string;
  needle: string;
  /** `same-word`, `synonym`, `typo-name` (English); `xx-xx` asked in the article's language xx, `xx-en` in English. */
  kind: string;
}

const KINDS: string[] = [
  'same-word',
  'synonym',
  'typo-name',
  'nb-nb',
  'nb-en',
  ...OTHER_TAGS.flatMap((tag) => [`${tag}-${tag}`, `${tag}-en`]),
];

/** A surname no other article uses and no filler word resembles. */
function uniqueName(rng: Rng, used: Set<string>): string {
  const parts = [
    'zar',
    'vek',
    'tro',
    'mil',
    'osk',
    'yev',
    'dun',
    'kha',
    'bri',
    'lenk',
    'gorz',
    'umi',
    'pax',
    'qir',
    'hol',
    'jat',
  ];
  for (;;) {
    const name = capitalize(
      rng.pick(parts) + rng.pick(parts) + rng.pick(parts) + rng.pick(['ov', 'ski', 'enko', 'sen', 'ic', 'ard']),
    );
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
}

function typo(rng: Rng, word: string): string {
  const at = rng.int(1, word.length - 2);
  return rng.chance(0.5)
    ? word.slice(0, at) + word.slice(at + 1)
    : word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
}

interface Plant {
  answer: string;
  decoys: string[];
  labelled: Omit<Labelled, 'articleId'>;
}

function plant(rng: Rng, kind: string, name: string): Plant {
  const eventName = rng.pick(['killed', 'injured', 'deployed'] as const);
  const event = EVENTS[eventName];
  const place = rng.pick(PLACES);
  const language = kind.split('-')[0]!;
  if (isOther(language)) {
    const text = OTHER_LANGUAGES[language].plant(rng, name, eventName);
    const question = kind.endsWith('-en') ? text.questionEn : text.question;
    return { answer: text.answer, decoys: text.decoys, labelled: { question, needle: text.answer, kind } };
  }
  if (kind === 'nb-nb' || kind === 'nb-en') {
    const answer = `Ifølge ${rng.pick(ROLES_NB)} ${rng.pick(FIRST_NAMES)} ${name} ble ${qualifier(rng, 'nb')}${rng.int(12, 4000)} soldater ${rng.pick(event.nb)} nær ${place} ${datePhrase(rng, 'nb')}.`;
    const decoys = [
      `${name} sa at ${rng.int(12, 900)} ${rng.pick(ITEMS_NB)} ble avfyrt mot ${rng.pick(PLACES)}.`,
      `Ifølge ${name} er situasjonen i ${rng.pick(PLACES)} fortsatt uavklart.`,
      `${capitalize(rng.pick(ROLES_NB))} ${name} snakket med journalister i ${rng.pick(PLACES)} ${datePhrase(rng, 'nb')}.`,
    ];
    const question = kind === 'nb-nb' ? `hvor mange ${event.askNb} ifølge ${name}` : `how many ${event.ask} ${name}`;
    return { answer, decoys, labelled: { question, needle: answer, kind } };
  }
  const said = kind === 'synonym' ? event.en.find((form) => !form.includes(event.ask))! : event.en[0];
  const answer = `${capitalize(rng.pick(ROLES))} ${rng.pick(FIRST_NAMES)} ${name} said ${qualifier(rng, 'en')}${rng.int(12, 4000)} ${rng.pick(SUBJECTS)} ${said} near ${place} ${datePhrase(rng, 'en')}.`;
  const decoys = [
    `${name} said ${rng.int(12, 900)} ${rng.pick(ITEMS)} had been fired at ${rng.pick(PLACES)} ${datePhrase(rng, 'en')}.`,
    `According to ${name}, the situation in ${rng.pick(PLACES)} remained ${rng.pick(['tense', 'difficult', 'unclear'])}.`,
    `${capitalize(rng.pick(ROLES))} ${name} spoke to reporters in ${rng.pick(PLACES)} ${datePhrase(rng, 'en')}.`,
  ];
  const question =
    kind === 'typo-name'
      ? `${typo(rng, name)} ${event.ask} ${place}`
      : rng.pick([
          `how many ${event.ask} according to ${name}`,
          `${name} ${event.ask} ${place}`,
          `how many ${rng.pick(['troops', 'soldiers'])} ${event.ask} ${name}`,
        ]);
  return { answer, decoys, labelled: { question, needle: answer, kind } };
}

// ---------------------------------------------------------------------------------------------
// Articles and corpora

interface Article {
  id: string;
  file: string;
  content: string;
}

function article(rng: Rng, n: number, planted: Plant | null, forced: Language | null): Article {
  const drawn = pickLanguage(rng);
  const language = forced ?? drawn;
  const other = isOther(language) ? OTHER_LANGUAGES[language] : null;
  const sentence = other
    ? (r: Rng) => other.sentence(r, (count) => filler(r, language, count))
    : language === 'en'
      ? englishSentence
      : norwegianSentence;
  const paragraphs: string[] = [];
  const count = rng.int(8, 11);
  for (let i = 0; i < count; i++)
    paragraphs.push(rng.chance(0.25) ? `${sentence(rng)} ${sentence(rng)}` : sentence(rng));
  if (planted) {
    for (const text of [planted.answer, ...planted.decoys]) paragraphs.splice(rng.int(0, paragraphs.length), 0, text);
  }
  const month = rng.int(1, 12);
  const published = `${month >= 7 ? 2024 : 2025}-${String(month).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
  const publisher = rng.pick(other ? other.publishers : language === 'nb' ? PUBLISHERS_NB : PUBLISHERS);
  const folder = String(Math.floor(n / 1000)).padStart(3, '0');
  const id = `${folder}/${String(n).padStart(6, '0')}`;
  const front = [
    '---',
    `title: ${JSON.stringify(other ? other.title(rng, (count) => filler(rng, language, count)) : title(rng, language === 'nb' ? 'nb' : 'en'))}`,
    `publisher: ${JSON.stringify(publisher)}`,
    `url: https://news.example/${id}`,
    `published: ${published}`,
    `language: ${language}`,
    '---',
    '',
  ].join('\n');
  return { id, file: `${id}.md`, content: `${front}${paragraphs.join('\n\n')}\n` };
}

export interface GeneratedCorpus {
  dir: string;
  articles: number;
  labelled: Labelled[];
}

/** The articles of a corpus of `size`, in order; planted facts spread evenly. */
function* articles(size: number, labelled: Labelled[]): Generator<Article> {
  const rng = new Rng(SEED + size);
  const plantRng = new Rng(SEED + size + 1);
  const planted = Math.min(PLANTED, Math.floor(size / 5));
  const names = new Set<string>();
  const plantAt = new Map<number, number>();
  for (let i = 0; i < planted; i++) plantAt.set(Math.floor(((i + 0.5) * size) / planted), i);
  for (let n = 0; n < size; n++) {
    const i = plantAt.get(n);
    const kind = i === undefined ? null : KINDS[i % KINDS.length]!;
    const fact = kind ? plant(plantRng, kind, uniqueName(plantRng, names)) : null;
    const language = kind?.split('-')[0];
    const forced = language === 'nb' || (language !== undefined && isOther(language)) ? language : 'en';
    const generated = article(rng, n, fact, kind === null ? null : (forced as Language));
    if (fact) labelled.push({ ...fact.labelled, articleId: generated.id });
    yield generated;
  }
}

/** The corpus of `size` articles under `root`, generated unless a complete one of this version is there. */
export async function ensureCorpus(root: string, size: number): Promise<GeneratedCorpus> {
  const dir = path.join(root, `v${GENERATOR_VERSION}-${size}`);
  const manifest = path.join(dir, MANIFEST);
  if (existsSync(manifest)) return JSON.parse(await readFile(manifest, 'utf8')) as GeneratedCorpus;
  await rm(dir, { recursive: true, force: true });
  const labelled: Labelled[] = [];
  const folders = new Set<string>();
  for (const generated of articles(size, labelled)) {
    const file = path.join(dir, generated.file);
    const folder = path.dirname(file);
    if (!folders.has(folder)) {
      await mkdir(folder, { recursive: true });
      folders.add(folder);
    }
    await writeFile(file, generated.content);
  }
  const corpus: GeneratedCorpus = { dir, articles: size, labelled };
  await writeFile(manifest, JSON.stringify(corpus)); // written last: marks the corpus complete
  return corpus;
}

/** A copy of a corpus made of hard links (cheap), to change without touching the cached original. */
export async function linkedCopy(corpus: GeneratedCorpus, target: string): Promise<string> {
  await rm(target, { recursive: true, force: true });
  for (const folder of (await readdir(corpus.dir)).filter((name) => !name.startsWith('.')).sort()) {
    await mkdir(path.join(target, folder), { recursive: true });
    for (const name of await readdir(path.join(corpus.dir, folder)))
      await link(path.join(corpus.dir, folder, name), path.join(target, folder, name));
  }
  return target;
}

/**
 * Changes `fraction` of the articles of a linked copy: a third removed, a third rewritten, a third
 * added (planted articles are left alone). Returns how many files changed.
 */
export async function changeFiles(corpus: GeneratedCorpus, dir: string, fraction: number): Promise<number> {
  const rng = new Rng(SEED + corpus.articles + 7);
  const planted = new Set(corpus.labelled.map((label) => label.articleId));
  const ids: string[] = [];
  for (let n = 0; n < corpus.articles; n++) {
    const id = `${String(Math.floor(n / 1000)).padStart(3, '0')}/${String(n).padStart(6, '0')}`;
    if (!planted.has(id)) ids.push(id);
  }
  const changed = Math.max(3, Math.round(corpus.articles * fraction));
  for (let i = 0; i < changed; i++) {
    // Swap-remove, so no file is picked twice.
    const at = rng.int(0, ids.length - 1);
    const file = path.join(dir, `${ids[at]!}.md`);
    ids[at] = ids[ids.length - 1]!;
    ids.pop();
    const fresh = article(rng, corpus.articles + i, null, null);
    if (i % 3 === 2) {
      await mkdir(path.join(dir, 'new'), { recursive: true });
      await writeFile(path.join(dir, 'new', `${String(i).padStart(6, '0')}.md`), fresh.content);
    } else {
      await unlink(file); // a hard link: unlink before writing, or the original changes too
      if (i % 3 === 1) await writeFile(file, fresh.content);
    }
  }
  return changed;
}

// ---------------------------------------------------------------------------------------------
// Questions, for latency

/** `count` varied questions of 2–6 words from the corpus vocabulary: figures, places, both languages, typos, rare and unknown words. */
export function questions(count: number, seed = SEED): string[] {
  const rng = new Rng(seed);
  const result: string[] = [];
  const word = (language: 'en' | 'nb') => VOCABULARY[language][ZIPF[language].rank(rng)]!;
  const rare = (language: 'en' | 'nb') =>
    VOCABULARY[language][rng.int(VOCABULARY[language].length / 2, VOCABULARY[language].length - 1)]!;
  while (result.length < count) {
    const event = EVENTS[rng.pick(EVENT_NAMES)];
    const place = rng.pick(PLACES);
    const question = rng.pick([
      () => `how many ${event.ask}`,
      () => `how many ${event.ask} in ${place}`,
      () => `how many ${rng.pick(SUBJECTS)} ${event.ask} ${place}`,
      () => `troops sent to ${place}`,
      () => `${rng.pick(ITEMS)} fired at ${place}`,
      () => `${place} ${event.ask} ${rng.pick(MONTHS)}`,
      () => `hvor mange er ${event.askNb}`,
      () => `hvor mange soldater ${event.askNb} i ${place}`,
      () => `${rng.pick(ITEMS_NB)} til Russland`,
      () => `what did ${rng.pick(SURNAMES)} say about ${rng.pick(ITEMS)}`,
      () => `${rng.pick(SURNAMES)} ${event.ask}`,
      () => `${word('en')} ${word('en')} ${place}`,
      () => `${word('en')} ${word('en')} ${word('en')}`,
      () => `${rare('en')} ${word('en')}`,
      () => `${word('nb')} ${word('nb')} ${rng.pick(SUBJECTS_NB)}`,
      () => `casualties ${place} ${rng.pick(WEEKDAYS)}`,
      () => `North Korean ${rng.pick(['troops', 'officers', 'soldiers'])} ${event.ask} ${place}`,
      () => `zorbleq ${rare('en')}`, // unknown: the no-answer and suggestion path
      () => OTHER_LANGUAGES[rng.pick(OTHER_TAGS)].questions(rng),
      () => OTHER_LANGUAGES[rng.pick(OTHER_TAGS)].questions(rng),
    ])();
    let words = question.split(' ');
    if (rng.chance(0.15)) {
      const at = rng.int(0, words.length - 1);
      if (words[at]!.length >= 5) words[at] = typo(rng, words[at]!);
    }
    if (words.length < 2) words.push(place);
    words = words.slice(0, 6);
    result.push(words.join(' '));
  }
  return result;
}
