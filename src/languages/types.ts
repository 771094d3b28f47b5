/**
 * What a language module gives: everything about a language that the language-neutral machinery
 * in src/text/ and src/figures/ needs to read it. One module per language (src/languages/en.ts,
 * nb.ts), found through the registry (src/languages/index.ts). Word lists are written as they
 * appear in text, lower case; where a field takes regular-expression fragments it says so.
 */

/** How the text qualifies a figure; see src/text/numbers/index.ts for the value/low/high each implies. */
export type Qualifier = 'exact' | 'at least' | 'more than' | 'about' | 'nearly' | 'up to' | 'less than' | 'vague';

/** A number word's part in a number phrase: "two" is a unit, "hundred" a hundred, "million" a scale. */
export interface NumberMorph {
  cat: 'unit' | 'teen' | 'ten' | 'hundred' | 'scale' | 'and';
  v: number;
  /** "dozen": a figure said with it is approximate. */
  approx?: boolean;
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
  };

  /** Sentence splitting. */
  segmentation: {
    /** Abbreviations ending in a period that do not end a sentence ("Gen.", "f.eks."); without the final period. */
    abbreviations: readonly string[];
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

  /** Capitalised words that name an office, an institution or a date, not a place or a person. */
  titles: readonly string[];

  /** Who says a figure: speech verbs and attribution patterns. */
  attribution: AttributionWords;
}

export interface NumberWords {
  /**
   * How number words combine: `separate` words ("two hundred thousand", "twenty-one"), or
   * `compound` words made of number morphemes ("tretusen", "hundreogfemti").
   */
  grammar: 'separate' | 'compound';
  /** Number words, or the morphemes compound number words are made of. */
  words: Readonly<Record<string, NumberMorph>>;
  /** Number words that are also common function words or nouns ("to", "ni"): numbers only before a plural noun. */
  ambiguous: readonly string[];
  ordinals: Readonly<Record<string, number>>;
  /** Fraction denominators, singular and plural ("third", "thirds"). */
  denominators: Readonly<Record<string, number>>;
  /** Scale words that may follow digits ("1.5 million", "2 mrd."). */
  digitScales: Readonly<Record<string, number>>;
  /** Abbreviated scale words that may end in a period ("mill.", "bn."). */
  abbreviatedScales: readonly string[];
  /** Scale words after a vague lead ("several hundred", "flere tusen"). */
  vagueScales: Readonly<Record<string, number>>;
  /** Words a number phrase may begin with besides number words and ordinals ("several", "hundrevis"). */
  firstWords: readonly string[];
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
  /** Only with the compound grammar: "en", "et": one only before a scale word ("en million"). */
  articleOnes: readonly string[];
  /** …"én": one, stressed, before a noun that is none of {@link stressedOneNotCountBefore}. */
  stressedOnes: readonly string[];
  stressedOneNotCountBefore: readonly string[];
  /** Only with the separate grammar: words after "one" that make it a pronoun or an idiom ("one of"). */
  oneNotCountFollowedBy: readonly string[];
  /** …and words before it that do ("no one", "the one"). */
  oneNotCountPrecededBy: readonly string[];
}

export interface AttributionWords {
  /** Speech verbs ("said", "told", "sa"): "X said …", ", said X". Read in its articles, with English ones. */
  speechVerbs: readonly string[];
}
