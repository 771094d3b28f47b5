/**
 * What a language module gives: everything about a language that the language-neutral machinery
 * in src/text/ and src/figures/ needs to read it. One module per language (src/languages/en.ts,
 * nb.ts), found through the registry (src/languages/index.ts). Word lists are written as they
 * appear in text, lower case; where a field takes regular-expression fragments it says so.
 */
import type { Qualifier } from '../model/claim.js';

/** A number word's part in a number phrase: "two" is a unit, "hundred" a hundred, "million" a scale. */
export interface NumberMorph {
  cat: 'unit' | 'teen' | 'ten' | 'hundred' | 'scale' | 'and';
  v: number;
  /** "dozen": a figure said with it is approximate. */
  approx?: boolean;
  /** A ten a teen may follow and add to: French "soixante-dix" (70), "quatre-vingt-douze" (92). */
  takesTeen?: boolean;
  /** An "and" that may follow a ten: French "vingt et un", "soixante et onze". */
  afterTen?: boolean;
  /**
   * A hundreds or scale word that is a number on its own and names its own value ("сто", "двести",
   * "тысяча"): it may open a number phrase, and follow a scale word ("тысяча двести" = 1,200).
   */
  alone?: boolean;
}

export interface LanguageModule {
  /** The BCP 47 primary tags it reads; the first is its own ("nb" also serves "no" and "nn"). */
  tags: readonly string[];
  /** Its name in English, for logs and help. */
  name: string;

  /** Search: how words become index terms. */
  analysis: {
    /** Reduces an inflected word to its stem ("soldiers" → "soldier"); from `@orama/stemmers`. */
    stemmer: (word: string) => string;
    /** Words that carry no topic (`@orama/stopwords`), with question words that carry none either. */
    stopWords: readonly string[];
    /** The locale Intl.Segmenter splits its words and sentences with. */
    segmenterLocale: string;
    /** Elided words joined to the next by an apostrophe ("l'armée", "d'Ukraine"): stemmed without them. */
    elisions?: readonly string[];
    /** Stop words are matched by stem too: particles attach to them ("명으로" is "명"). */
    stopWordsByStem?: boolean;
  };

  /** Sentence splitting. */
  segmentation: {
    /** Abbreviations ending in a period that do not end a sentence ("Gen.", "f.eks."); without the final period. */
    abbreviations: readonly string[];
    /**
     * Page furniture: whole lines of a web page that are not the article ("Share", "Read also: …",
     * "Exit mobile version", a cookie notice, a byline); fragments, each matched against a whole
     * line, any case; one that opens with `.*` ("`.*cookies.*`") may stand anywhere in a line and is
     * searched for unanchored. Kept out of passages and figures; the metadata reader still sees them.
     */
    furniture?: readonly string[];
    /** Words that open a byline line ("By", "Written by"): followed by one to six capitalised names, the line is furniture. */
    bylines?: readonly string[];
  };

  /** The words of each concept of src/model/concepts.ts, by concept id. A concept may have none here. */
  concepts: Readonly<Record<string, readonly string[]>>;

  /** Questions. */
  questions: {
    /** Phrases that ask for a figure ("how many", "hvor mange"); regular-expression fragments. */
    asksForFigure: readonly string[];
  };

  /** Numbers written in words, and the words around numbers. */
  numbers: NumberWords;

  /** Dates: month and weekday names, relative dates, and how a date is shown. */
  dates: DateWords;

  /** Capitalised words that name an office, an institution or a date, not a place or a person. */
  titles: readonly string[];

  /** Figure extraction: the words its rules look for (src/figures/claims.ts says where each applies). */
  claims: ClaimWords;

  /** Who says a figure: speech verbs and attribution patterns. */
  attribution: AttributionWords;

  /** How a plain-text article names its source: source lines, sign-offs, copyright lines. */
  metadata: MetadataWords;
}

/** The words of the lines a plain-text article names its source in (src/corpus/infer.ts); read in every article. */
export interface MetadataWords {
  /** Labels of a line naming the source or its address ("Original Source: …", "Kilde: …"); fragments, any case. */
  sourceLabels: readonly string[];
  /** Values of such a line that hold a place, not a name ("Source 1"); fragments, any case. */
  placeholderSources: readonly string[];
  /** A broadcaster's sign-off naming the outlet, the words before the name and after it ("I'm YTN's Kwon Younghee"). */
  signOff: { before: readonly string[]; after: readonly string[] };
  /** Words for copyright beside © and (c), and for its holder ("Copyright holder (c) 2024 YTN"); fragments, any case. */
  copyright: readonly string[];
  copyrightHolder: readonly string[];
  /** Capitalised words after a copyright holder's name that are not part of it ("All Rights Reserved"). */
  notNames: readonly string[];
}

export interface NumberWords {
  /**
   * How number words combine: `separate` words ("two hundred thousand", "twenty-one"), or
   * `compound` words made of number morphemes ("tretusen", "hundreogfemti").
   */
  grammar: 'separate' | 'compound';
  /**
   * Number words, or the morphemes compound number words are made of. With the separate grammar a
   * key may join two words with a hyphen ("dix-sept", "quatre-vingts"): read as one word.
   */
  words: Readonly<Record<string, NumberMorph>>;
  /** Hundred and scale words that are a number alone, with no "a"/"one" before them ("mille", "cent"). */
  bareScales?: readonly string[];
  /** Number words that are also common function words or nouns ("to", "ni"): numbers only before a plural noun. */
  ambiguous: readonly string[];
  ordinals: Readonly<Record<string, number>>;
  /** Fraction denominators, singular and plural ("third", "thirds"). */
  denominators: Readonly<Record<string, number>>;
  /** Scale words that may follow digits ("1.5 million", "2 mrd."). */
  digitScales: Readonly<Record<string, number>>;
  /** Abbreviated scale words that may end in a period ("mill.", "bn."). */
  abbreviatedScales: readonly string[];
  /**
   * Scale words that are one of their scale after a qualifier, and otherwise a vague plural or
   * nothing: "около тысячи" is about 1,000 where "тысячи солдат" is thousands; "более миллиона".
   */
  scalesOneAfterQualifier?: readonly string[];
  /** Scale words after a vague lead ("several hundred", "flere tusen"). */
  vagueScales: Readonly<Record<string, number>>;
  /** Vague and fractional idioms ("dozens", "a few hundred", "half a million", "hundrevis"). */
  idioms: NumberIdioms;
  /** Qualifier phrases before a number ("at least", "minst"). */
  qualifiers: ReadonlyArray<readonly [string, Qualifier]>;
  /** Digit notation: the thousands and decimal separators ("1,000.5" / "1.000,5"). */
  separators: {
    group: string;
    decimal: string;
    /** A plain space groups thousands ("10 000"); NBSP and thin space do in every language. */
    spaceGroupsThousands: boolean;
    /** "3.5" is read as a decimal too, where not a group of three digits. */
    pointDecimalToo: boolean;
    /** A period after a small number makes an ordinal ("3. plass"). */
    ordinalPeriod: boolean;
  };
  /** Words that join a range: "between A and B", "from A to B", "A or B". */
  ranges: {
    between: readonly string[];
    from: readonly string[];
    to: readonly string[];
    /** Joins a range when written "A-to-B" too. */
    hyphenatedTo: boolean;
    or: readonly string[];
    and: readonly string[];
  };
  /** Nouns with no plural ending that mark a count ("people", "mennesker"), and words announcing one ("more"). */
  countWords: readonly string[];
  /** Plural nouns without the usual plural ending (for the ambiguous number words). */
  irregularPlurals: readonly string[];
  /** Plural endings, as a regular-expression fragment: what makes a word after a number a counted noun. */
  pluralEnding: string;
  /** …in a word of at least this many letters. */
  pluralMinLength: number;
  /** Endings of an adjective between an ambiguous number word and its plural noun ("to store skip"); fragments. */
  pluralAdjectiveEndings: readonly string[];
  /** "en", "et", "un", "une": one only before a scale word ("en million", "un million"). */
  articleOnes: readonly string[];
  /** …"én": one, stressed, before a noun that is none of {@link stressedOneNotCountBefore}. */
  stressedOnes: readonly string[];
  stressedOneNotCountBefore: readonly string[];
  /** Unit and currency words after a number, to their canonical unit ("kilometres" → "km"); read in every article. */
  units: {
    physical: ReadonlyArray<readonly [string, string]>;
    durations: ReadonlyArray<readonly [string, string]>;
    currencies: ReadonlyArray<readonly [string, string]>;
    /** Currency words that are common words too ("won"): money only after a scale word ("2 billion won"). */
    currenciesAfterScaleOnly: readonly string[];
  };
  /** The words around a number that tell what kind of number it is; they apply in every article. */
  context: NumberContextWords;
  /** Counters and myriad scales (Korean, and East Asian writing like it); none where left out. */
  counters?: CounterWords;
  /** Only with the separate grammar: words after "one" that make it a pronoun or an idiom ("one of"). */
  oneNotCountFollowedBy: readonly string[];
  /** …and words before it that do ("no one", "the one"). */
  oneNotCountPrecededBy: readonly string[];
}

/**
 * Counters: words right after a number, glued or after a space, that say it counts ("400명", "10발",
 * "수백 명"), with the scale characters glued to digits ("2천500", "1만 2천", "5천만") and the
 * qualifiers glued to the number ("300여 명") or following its counter ("100명 이상").
 */
export interface CounterWords {
  /** Counter words ("명", "발"); any particle may follow them. */
  words: readonly string[];
  /** Scale characters written right after digits, myriad-grouped: 1만 2천 = 12,000. */
  scales: Readonly<Record<string, number>>;
  /** Suffixes glued to the number before its counter ("300여 명": more than 300). */
  gluedQualifiers: ReadonlyArray<readonly [string, Qualifier]>;
  /** Words after the counter that qualify the number ("100명 이상": more than 100); particles may follow. */
  afterQualifiers: ReadonlyArray<readonly [string, Qualifier]>;
  /** Particles that may follow a counter or a qualifier after it ("400명으로", "100명 이상이"). */
  particles: readonly string[];
  /** …and those between a counter and its qualifier ("3천 명을 넘어선"). */
  particlesBeforeQualifier: readonly string[];
}

/** Relative dates the date parser resolves against an article's publication date. */
export type RelativeDate =
  | 'yesterday'
  | 'today'
  | 'tomorrow'
  | 'day-before-yesterday'
  | 'last-year'
  | 'this-year'
  | 'next-year'
  | 'year-before-last'
  | 'last-month'
  | 'this-month'
  | 'next-month';

/**
 * Date words. Phrases are written with single spaces, which match any run of spaces; the parser
 * reads the words of every language in every article (corpora mix them).
 */
/**
 * Words around a number, read in every article whatever its language (corpora mix them). Fields
 * marked "fragments" take regular-expression fragments; the others, words or phrases as written.
 */
/**
 * Idioms of number words. A vague interval is [low, high] with the value at its low end (what the
 * speaker commits to), unless a third number gives the value. Phrases are words joined by single spaces.
 */
export interface NumberIdioms {
  /** Words alone for a vague interval: "dozens" 24–99, "hundreds" 200–999, "hundrevis". */
  vagueWords: Readonly<Record<string, readonly [number, number]>>;
  /** Vague words that count only before "of" (the wording stops before it): "scores of" 40–99. */
  vagueWordsBeforeOf: Readonly<Record<string, readonly [number, number]>>;
  /** "tens"/"hundreds" of a plural scale word: f × 2·scale to f × 10·scale − 1 ("tens of thousands" 20,000–99,999). */
  vagueMultiples: Readonly<Record<string, number>>;
  /** The plural scale words after them ("thousands", "tusen"). */
  vagueMultipleScales: Readonly<Record<string, number>>;
  /**
   * Leads before scale words: "several hundred" is 2–9 hundred, value 3 hundred. `alone`: the lead
   * without a scale word is a vague count of its own ("a few"); `of`: an "of" may follow ("a couple of hundred").
   */
  vagueLeads: Readonly<Record<string, { low: number; high: number; value: number; alone?: boolean; of?: boolean }>>;
  /** Phrases for a small vague count, [low, high, value]: "a handful" 2–6, value 4. */
  vaguePhrases: Readonly<Record<string, readonly [number, number, number]>>;
  /** A half of the scale word after: "half a million", "en halv million". */
  halfOf: readonly string[];
  /** …also of an abbreviated scale ("en halv mill."). */
  halfOfAbbreviatedScales: boolean;
  /** A half, a fraction: "half", "halvparten". */
  half: readonly string[];
  /** One and a half (of the scale word after): "halvannen". */
  oneAndAHalf: readonly string[];
  /** The article that is one before a scale or a fraction: "a hundred", "a third of". */
  indefiniteOne: readonly string[];
  /** "of", "av". */
  of: readonly string[];
}

export interface NumberContextWords {
  /** Qualifiers after a number: " or more" (at least), " or so" (about), " or fewer" (up to); a leading space is any space. */
  suffixQualifiers: { atLeast: readonly string[]; about: readonly string[]; upTo: readonly string[] };
  /** "rose to 2000", "økte til": a change verb makes the number after it a count, and "from A to B" no range. */
  changeVerbs: readonly string[];
  /** Words before a four-digit number that make it a year ("in 2024", "i 2024"). */
  yearContext: readonly string[];
  /** Prefixes joined to a year by a hyphen that make it one ("mid-2024", "pre-2022"); fragments. */
  yearPrefixes: readonly string[];
  /** Determiners before a year and a singular noun ("the 2024 election"). */
  yearDeterminers: readonly string[];
  /** Function words after a four-digit number that make it a year ("2024 and"). */
  functionWordsAfter: readonly string[];
  /** Words before a number that make it a code or a reference ("resolution 2231", "side 4"); fragments. */
  codePrefixes: readonly string[];
  /** Words before a number that make it an age ("aged 40"). */
  ageBefore: readonly string[];
  /** After a number, an age ("40-year-old", "40-åring"); fragments. */
  ageAfter: readonly string[];
  /** Words for per cent after a number; fragments. */
  percent: readonly string[];
  /** After a number, a time of day ("5 pm"); fragments. */
  timeAfter: readonly string[];
  /** After a year, its decade ("1990-tallet"). */
  decadeAfter: readonly string[];
  /** Before an hour, a time of day ("kl. 16"); fragments. */
  clock: readonly string[];
  /** Labels before a phone number ("tel.", "tlf."). */
  phoneLabels: readonly string[];
}

export interface DateWords {
  /** Month names and abbreviations, to month numbers (1–12). */
  months: Readonly<Record<string, number>>;
  /** Full month names: a month named alone ("in August") must be one of these. */
  fullMonthNames: readonly string[];
  /** Weekday names, to 0 = Sunday … 6 = Saturday. */
  weekdays: Readonly<Record<string, number>>;
  /**
   * Month and weekday names are capitalised ("May", not the verb "may"); where they are not, a
   * capitalised month name standing alone is taken for a proper noun ("Mars").
   */
  namesCapitalised: boolean;
  /** "5/10/2024" reads month first ("May 10") where the numbers allow either. */
  slashMonthFirst: boolean;
  /** Ordinal suffixes of a day ("3rd"); the number reader takes them for any ordinal in digits. */
  dayOrdinalSuffixes: readonly string[];
  /** "3rd of October". */
  dayOfMonth: readonly string[];
  /** Words before "the 3rd" that make it a day of the publication month ("on the 3rd"), and the article. */
  dayOnlyContext: readonly string[];
  dayOnlyArticle: readonly string[];
  /** Words before a bare year that make it a date ("in 2022", "i 2023"). */
  yearContext: readonly string[];
  /** Words before a month name that make it a date ("in August", "i januar", "slutten av mai"). */
  monthContext: readonly string[];
  /** Words before a month that make it a deadline ("by March", "innen mars"): in January, the coming March. */
  deadlineContext?: readonly string[];
  /** "early", "late", "mid" between those words and a month ("in early May"). */
  monthParts: readonly string[];
  /** Prefixes joined to a month by a hyphen that make it a date alone ("mid-August"). */
  monthPrefixes: readonly string[];
  /** Words that continue a list of months ("January and February"). */
  monthListJoiners: readonly string[];
  /** Whole phrases for a relative date ("yesterday", "i fjor"). */
  relativePhrases: Readonly<Record<string, RelativeDate>>;
  /** "earlier"/"later" + a phrase for this month or year ("earlier this month", "tidligere i år"). */
  earlierOrLater: readonly string[];
  thisPeriod: Readonly<Record<string, 'this-month' | 'this-year'>>;
  /** "last year", "neste måned": the words for last, this and next, and for year and month. */
  periodModifiers: { last: readonly string[]; this: readonly string[]; next: readonly string[] };
  periodUnits: { year: readonly string[]; month: readonly string[] };
  /** "the year before last". */
  yearBeforeLast: readonly string[];
  /** Words before a weekday: before it ("last Tuesday"), after it ("next"), this one, or "on" (left out of the wording). */
  weekdayModifiers: {
    before: readonly string[];
    after: readonly string[];
    this: readonly string[];
    on: readonly string[];
  };
  /** Possessive endings of a weekday ("Monday's", "torsdagens"). */
  weekdayPossessives: readonly string[];
  /** Plural endings of a weekday: "on Tuesdays" is a habit, no date. */
  weekdayPlurals: readonly string[];
  /**
   * Dates written with markers after the numbers ("2025년 3월 5일", "3월 5일", "5일"): the marker
   * of each part, and what after a day's marker makes it a span of days ("5일간"); fragments.
   */
  numericMarkers?: { year: string; month: string; day: string; notDateAfterDay: readonly string[] };
  /** Particles that may attach to a date word ("지난달에", "월요일에는"). */
  particles?: readonly string[];
  /** Display: short month names, January first. */
  shortMonths: readonly string[];
  /** Display: a day number is followed by a period ("3. okt."). */
  dayPeriod: boolean;
  /** Display: how a date without a year says so. */
  unknownYear: string;
}

/**
 * Word lists of the figure extractor's rules. Entries are regular-expression fragments ("civilians?"),
 * matched whole and case-insensitively unless a field says otherwise; the rules apply the words of
 * every language to every article, as corpora mix them.
 */
export interface ClaimWords {
  /** Nouns are written with a capital ("450 Soldaten"), so a lower-case word after a count is none. */
  nounsCapitalised?: boolean;
  /** Words that make a count additional: "3,000 more soldiers", "flere soldater". */
  additive: readonly string[];
  /** Phrases after a count that say it was sent as an increment: "en renfort", "als Verstärkung"; fragments. */
  asIncrement?: readonly string[];
  /** Nouns for people in general ("people", "mennesker"). */
  people: readonly string[];
  /** "civilians": people of no army, counted as people. */
  civilians: readonly string[];
  /** Nouns for people, which alone can be killed, injured or captured ("children", "barn"). */
  personNouns: readonly string[];
  /** Endings of agent nouns, which are people too ("firefighters", "arbeidere"). */
  personNounEndings: readonly string[];
  /** "lost 300 troops", "mistet": a loss of people is their death. */
  lossVerbs: readonly string[];
  /** "lost their lives", "mistet livet". */
  lives: readonly string[];
  /** Phrases that name a death wherever their verb stands ("ums Leben", "perdu la vie"); fragments. */
  deathPhrases?: readonly string[];
  /** An apposition that says what a figure counts: ", a figure that counts both the dead and the wounded". */
  definingAppositions: readonly string[];
  /** Right before a count, a part of the count before it: "of whom", "hvorav". */
  partOfBefore: readonly string[];
  /** Prepositions and conjunctions that end a counted noun phrase ("since", "etter"). */
  phraseEnd: readonly string[];
  /** Copulas: "120 were civilians", "40 var barn". */
  copulas: readonly string[];
  /** "of": "of those", "of the injured", "millions of shells". */
  of: readonly string[];
  /** Pronouns after "of" that make a part of the count before: "of those", "av dem". */
  partOfPronouns: readonly string[];
  /** Articles after "of" that make a part of a count named by its event: "of the injured". */
  partOfArticles: readonly string[];
  /** Definite plural endings after "of" that make a part of something counted before: "68 av dronene". */
  definitePluralAfterOf: readonly string[];
  /** Prisoners of war, in one word ("POWs", "krigsfanger"). */
  prisonersOfWar: readonly string[];
  /** …and in two: "prisoners" + "of war". */
  prisoners: readonly string[];
  ofWar: readonly string[];
  /** "or", "and", which join words and counts. */
  joining: readonly string[];
  /** "and" alone, joining two counts of the same people ("Nine people were killed and 64 injured"). */
  and: readonly string[];
  /** Nouns that stand for a figure named before ("the figure", "tallet"). */
  anaphoric: readonly string[];
  /** Phrases opening a subset after a comma ("including", "blant dem"). */
  subsetOpeners: readonly string[];
  /**
   * Relative pronouns opening a clause right after a counted noun, whose event is what happened to the
   * counted ("Dva vojáci, které Ukrajinci zajali"): leave out those that make them the doers.
   */
  patientRelatives?: readonly string[];
  /** Nouns naming a count of the dead ("toll", "dødstall"). */
  tolls: readonly string[];
  /** "since": the start of a period, not the date a figure holds for. */
  since: readonly string[];
  /** "when": a figure in a when-clause is of that date. */
  when: readonly string[];
  /** Conjunctions of contrast between clauses ("but", "men"). */
  contrast: readonly string[];
  /** Present and perfect verbs: the figure is the state of things when the article was written. */
  presentOrPerfect: readonly string[];
  /** Event words that are nouns: the words before them describe the counted ("casualties", "tap"). */
  eventNouns: readonly string[];
  /** Endings of a demonym standing for a nation ("Chinese", "Estonians"); empty where demonyms are not capitalised. */
  demonymEndings: readonly string[];
  /** A sentence opening with "earlier" places itself before the rest of the day: "Earlier on Monday, …". */
  earlier: readonly string[];
  /** Lower-case words inside a sentence's opening proper noun phrase: "Ministry of Defence"; case-sensitive. */
  nameParticles: readonly string[];
  /**
   * Verbs end their clauses (Korean): a verb before a count is the clause before's ("2명이 숨지고 5명이
   * 다쳤다"), and a date after a count, across a comma, the next clause's.
   */
  headFinal?: boolean;
  /** Words that date their sentence with the last date the article named ("이날", that day); fragments. */
  sameDay?: readonly string[];
  /** Words after a figure in its clause that withdraw it, a correction's ("…으로 보도했으나"); fragments. */
  retracted?: readonly string[];
  /** Words right after a date that make it the start of a period, not the figure's date ("10월부터", since October). */
  sinceAfter?: readonly string[];
  /**
   * Where the counted noun stands right before the number and its counter ("탄도미사일 200여 기",
   * "노동자 6천 명"): a bare noun there is counted; one with a case ending is another part of the
   * clause ("북한은 1만 명을…"). The noun after the number counts only when a linker joins it ("1만 명의 병력").
   */
  countedNounBefore?: { linkers: readonly string[]; caseEndings: readonly string[] };
  /** How the language names the nations a count may be of, by nation key (see claims.ts). */
  nations: Readonly<Record<string, readonly string[]>>;

  // Figures filed right (issue 11). Optional: a language without them reads every count as a plain total.

  /**
   * Right before a count, words that make it an increment: "an additional 3,000", "a further 2,000",
   * "another 1,000", "a second rotation of 5,000"; fragments matched at the end of the words before it.
   */
  incrementsBefore?: readonly string[];
  /** After a count in its clause, a purpose that makes it an increment: "to replace", "to bolster"; fragments. */
  incrementPurposes?: readonly string[];
  /** Verbs that kill when a count of people follows them right away: "shot four of their comrades" (not "shot down 50 drones"). */
  killingVerbs?: readonly string[];
  /** Relative pronouns: an event in "the soldiers that Pyongyang dispatched" is background to the clause's main verb. */
  relativePronouns?: readonly string[];
  /** After "of", the determiners of a partitive whose noun says who was counted: "four of their Russian comrades". */
  partitiveDeterminers?: readonly string[];
  /** Relatives that define a count by what it counts: "a toll of 2,500 that counts the dead, wounded and missing"; fragments. */
  definingRelatives?: readonly string[];
  /** Auxiliaries of a passive loss after the count: "600 troops were lost". */
  lossAuxiliaries?: readonly string[];
  /** Rates, by the period they count per: `{ day: ['a day', 'per day', 'daily'] }`; fragments, matched in the count's clause. */
  rates?: Readonly<Partial<Record<'day' | 'week' | 'month' | 'year', readonly string[]>>>;
  /** Words of a forecast in a count's clause: "could lose up to 9,000", "is expected to"; fragments, case-sensitive. */
  projections?: readonly string[];
  /** A single incident named in the sentence: "the strike", "a drone attack", "angrepet"; fragments. */
  incidents?: readonly string[];
  /** Words of a cumulative toll: "so far", "in total", "since"; fragments. */
  cumulative?: readonly string[];
  /** Verbs that move the counted somewhere, making them a part, not a total: "800 wounded were evacuated"; fragments. */
  transfers?: readonly string[];
  /** Verbs of custody: people held or exchanged, before their count or after it with an auxiliary, are captured. */
  custodyVerbs?: readonly string[];
  /** Words that join a count to the one before it, like "and": "alongside", "along with", "as well as". */
  alongside?: readonly string[];
  /** Averages that may stand between a verb and its count: "lost on average 1,200", "mistet i snitt 1200"; fragments. */
  averages?: readonly string[];
  /** "or", joining alternative counts ("1 million shells, or perhaps 2 million"). */
  or?: readonly string[];
}

/** Attribution words; entries are regular-expression fragments, matched whole and case-insensitively. */
export interface AttributionWords {
  /** Speech verbs ("said", "told", "sa"): "X said …", ", said X". Read in its articles, with the default language's. */
  speechVerbs: readonly string[];
  /** Speech verbs that report whatever follows them; the others report only a clause ("confirmed that…") or an estimate. */
  bareSpeechVerbs: readonly string[];
  /** Speech verbs with a recipient, who is the channel: "told Reuters", "informed Reuters". */
  toldVerbs: readonly string[];
  /** "according to X", "ifølge X": the source follows. */
  accordingTo: readonly string[];
  /** A sentence opening with one of these and a speech verb names the source of the sentence before: "Das", "C'est ce qu'". Fragments. */
  backwardPronouns?: readonly string[];
  /** "X zufolge": the source stands before the word. */
  accordingToAfter?: readonly string[];
  /** Auxiliaries that make a verb after them passive, with no speaker before it: "are said to". */
  passiveAuxiliaries: readonly string[];
  /** Pronouns that stand for the previous sentence's source ("It added…"). */
  pronouns: readonly string[];
  /** Function words that are never a claimant on their own. */
  functionWords: readonly string[];
  /** Finite verbs, which end an "according to" phrase ("Ifølge X har Nord-Korea sendt…"). */
  finiteVerbs: readonly string[];
  /**
   * …and finite verbs told by their form, where no list can hold them all: fragments matched whole,
   * case-sensitively and in the language's own articles only (the Czech past tense of "dorazilo",
   * "vrátili": a lower-case word ending in -l, -la, -lo…).
   */
  finiteVerbForms?: readonly string[];
  /** Qualifier words that belong to the figure after a claimant, not to the claimant. */
  qualifierWords: readonly string[];
  /** What a non-bare speech verb may report: "confirmed that…", "provided a different estimate". */
  reportedObjects: readonly string[];
  /** "puts casualties at nearly 4,000": verbs that state an estimate as a value, and the word before it. */
  putVerbs: readonly string[];
  putAt: readonly string[];
  /** Words between a claimant and its verb that belong to neither ("also", "further"). */
  adverbs: readonly string[];
  /** Time words after an inverted claimant: "rapporterte Sør-Koreas militær torsdag"; or between the verb and it: "заявила в понедельник разведка". */
  trailingTimes: readonly string[];
  /**
   * Prepositions after an inverted speech verb that name the source by its institution, with no
   * speaker: ", сообщили в Минобороны", ", говорится в докладе разведки", ", повідомили у ГУР".
   */
  sourcePrepositions?: readonly string[];
  /** "…, said X in an interview with the BBC": what puts the outlet, the channel, after the claimant. */
  interviewWith: readonly string[];
  /** Where an inverted claimant ends: a place, a time or a medium ("… on Telegram"). */
  claimantTails: readonly string[];
  /** After an inverted verb, words that do not start a claimant: ", said on Telegram" has its claimant before. */
  notClaimantStarts: readonly string[];
  /** Verbs that make a phrase a clause, not a name ("Six officers were killed"). */
  clauseVerbs: readonly string[];
  /** Words that open a sentence without naming anyone: "In recent developments, …". */
  openingWords: readonly string[];
  /** An aside between commas before the verb: ", speaking on condition of anonymity,". */
  parentheticals: readonly string[];
  /** A sentence's subject: its articles, and the relative pronouns and auxiliaries that end it. */
  subjectArticles: readonly string[];
  subjectEnds: readonly string[];
  /** Of those articles, the ones that are pronouns too ("de", they): after "according to X," they open a clause. */
  pronounArticles: readonly string[];
  /** Words between "according to" and its source that belong to neither: "according to (the) information from X". */
  sourceIntroductions: readonly string[];
  /** Conjunctions that open a reported clause: "said that…", "sa at…". */
  complementizers: readonly string[];
  /** "and", joining a list of sources: "according to U.S., South Korean and Ukrainian assessments"; case-sensitive. */
  listJoiners: readonly string[];
  /** Auxiliaries before "according to X" whose participle follows X: "har ifølge X sendt". */
  auxiliaries: readonly string[];
  /**
   * Words that break a clause, which a claimant before its speech verb cannot span ("that", "while").
   * A fragment may add a lookahead after the word: "and(?=\s\p{Ll})" breaks only before a lower-case word.
   */
  clauseBreaks: readonly string[];
  /** …matched case-sensitively, where a capital makes them another word ("Men" are men, "men" is but). */
  clauseBreaksCaseSensitive: readonly string[];
  /** "X who spoke to Y": the words between a claimant and the channel. */
  spokeTo: readonly string[];
  /** Conjunctions that are never a claimant: a phrase of one of them points to the sentence's subject. */
  conjunctions: readonly string[];
  /** Lower-case words inside a capitalised appositive: "Member of Parliament", "Ministry for …". */
  nameParticles: readonly string[];
  /**
   * Head-final attribution (Korean): the claimant opens the clause, marked by a topic or subject
   * particle, and the speech verb ends it ("국정원은 … 밝혔다", "… 라고 국정원은 밝혔다"); the source
   * stands before a postposition ("국정원에 따르면").
   */
  headFinal?: {
    /** Speech verbs as they begin ("밝혔" of 밝혔다, 밝혔으며); fragments. */
    speechVerbs: readonly string[];
    /** Particles that end a claimant: the topic's. */
    claimantParticles: readonly string[];
    /** …and the subject's, which name the claimant only right before the verb, after a quotation ("…라고 국정원이 밝혔다"). */
    subjectParticles: readonly string[];
    /** Postpositions after a source ("에 따르면"), glued to it or not. */
    accordingTo: readonly string[];
    /** Endings of a word that closes a quotation ("…라고", "…며"): the claimant comes after it. */
    quoteEnds: readonly string[];
    /** Endings of a word that is another part of the clause, before a claimant's name ("발제자로 나선"). */
    phraseEnds: readonly string[];
    /** Words that open a clause without naming anyone ("이날", "한편"). */
    notClaimants: readonly string[];
    /** The most words a claimant takes before its particle. */
    maxWords: number;
  };
  /** A time said first puts the speaker after the verb ("I går sa politiet at…"): its words. */
  frontedTime: { before: readonly string[]; times: readonly string[]; partsOfDay: readonly string[] };
}
