/**
 * The shared ground of the number parser: characters, the words around a position, the spans
 * already claimed, and the compiled number words of the language being read.
 */
import type { Qualifier } from '../../model/claim.js';
import {
  perLanguage,
  perRegistry,
  type LanguageModule,
  type NumberContextWords,
  type NumberMorph,
  type NumberWords,
} from '../../languages/index.js';
import type { NumberKind } from './mention.js';

export const LETTER = /\p{L}/u;
export const MARK = /\p{M}/u;
export const UPPER = /\p{Lu}/u;
const APOSTROPHE = /['’]/;
export const isDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
export const isLetter = (c: string | undefined): boolean => c !== undefined && LETTER.test(c);
export const isAlnum = (c: string | undefined): boolean => isDigit(c) || isLetter(c);
export const isHSpace = (c: string | undefined): boolean =>
  c === ' ' || c === '\t' || c === '\u00A0' || c === '\u202F' || c === '\u2009';
export const isLowerWord = (w: string): boolean => w.length > 0 && !UPPER.test(w[0]!) && isLetter(w[0]);

import { escapeRegExp as escapeRe } from '../wordBoundary.js';

export { escapeRe };
export const phraseRe = (s: string): string => escapeRe(s).replace(/ /g, '[\\s\\u00A0]+');

/** A language's number words, compiled once per language module. */
export interface NumberReading {
  words: NumberWords;
  /** Number words (separate grammar) or morphemes (compound grammar), by spelling. */
  morphs: Readonly<Record<string, NumberMorph>>;
  /** The morphemes, longest first: a compound word is decomposed greedily into them. */
  morphemes: ReadonlyArray<readonly [string, NumberMorph]>;
  /** Every word a number phrase can begin with: any other word is rejected at once. */
  firstWords: ReadonlySet<string>;
  ambiguous: ReadonlySet<string>;
  articleOnes: ReadonlySet<string>;
  stressedOnes: ReadonlySet<string>;
  stressedOneNotCountBefore: ReadonlySet<string>;
  qualifiers: ReadonlyMap<string, Qualifier>;
  qualifierAlternatives: string;
  countWords: ReadonlySet<string>;
  irregularPlurals: ReadonlySet<string>;
  plural: RegExp;
  pluralAdjective: RegExp;
  oneNotCountFollowedBy: ReadonlySet<string>;
  oneNotCountPrecededBy: ReadonlySet<string>;
  betweenAlternatives: string;
  fromAlternatives: string;
  to: RegExp;
  or: RegExp;
  and: RegExp;
  /** "a", the article that is one ("a hundred", "a third of"). */
  indefiniteOne: ReadonlySet<string>;
  /** "of", "av". */
  of: ReadonlySet<string>;
  /** The leads before a scale word, by their words. */
  vagueLeads: ReadonlyArray<
    readonly [string[], { low: number; high: number; value: number; alone?: boolean; of?: boolean }]
  >;
  vaguePhrases: ReadonlyArray<readonly [string[], readonly [number, number, number]]>;
  halfOf: ReadonlyArray<string[]>;
  /** Words already decomposed: a corpus repeats its words, and the search is a depth-first walk over morphemes. */
  morphMemo: Map<string, NumberMorph[] | null>;
}

const alternativesOf = (words: readonly string[]): string => words.map(escapeRe).join('|');
const joiner = (words: readonly string[]): string => `^[ \\u00A0]+(?:${alternativesOf(words)})[ \\u00A0]+`;

/** The compiled number words of a language module. */
export const numberReading = perLanguage((module: LanguageModule): NumberReading => {
  const words = module.numbers;
  const { idioms } = words;
  const qualifiers = new Map<string, Qualifier>();
  for (const [phrase, qualifier] of words.qualifiers) if (!qualifiers.has(phrase)) qualifiers.set(phrase, qualifier);
  return {
    words,
    morphs: words.words,
    morphemes: Object.entries(words.words).sort((a, b) => b[0].length - a[0].length),
    firstWords: new Set([
      ...Object.keys(idioms.vagueMultiples),
      ...Object.keys(idioms.vagueWords),
      ...Object.keys(idioms.vagueWordsBeforeOf),
      ...[...Object.keys(idioms.vagueLeads), ...Object.keys(idioms.vaguePhrases), ...idioms.halfOf].map(
        (phrase) => phrase.split(' ')[0]!,
      ),
      ...idioms.half,
      ...idioms.oneAndAHalf,
      ...idioms.indefiniteOne,
      ...(words.grammar === 'separate' ? Object.keys(words.words) : []),
      ...Object.keys(words.ordinals),
      ...(words.grammar === 'compound' ? Object.keys(words.denominators) : []),
    ]),
    ambiguous: new Set(words.ambiguous),
    articleOnes: new Set(words.articleOnes),
    stressedOnes: new Set(words.stressedOnes),
    stressedOneNotCountBefore: new Set(words.stressedOneNotCountBefore),
    qualifiers,
    qualifierAlternatives: [...words.qualifiers]
      .sort((a, b) => b[0].length - a[0].length)
      .map(([w]) => phraseRe(w))
      .join('|'),
    countWords: new Set(words.countWords),
    irregularPlurals: new Set(words.irregularPlurals),
    plural: new RegExp(`${words.pluralEnding}$`),
    pluralAdjective: new RegExp(`(?:${words.pluralAdjectiveEndings.join('|') || '(?!)'})$`),
    oneNotCountFollowedBy: new Set(words.oneNotCountFollowedBy),
    oneNotCountPrecededBy: new Set(words.oneNotCountPrecededBy),
    betweenAlternatives: alternativesOf(words.ranges.between),
    fromAlternatives: alternativesOf(words.ranges.from),
    to: new RegExp(
      `${joiner(words.ranges.to)}${words.ranges.hyphenatedTo ? `|^-(?:${alternativesOf(words.ranges.to)})-` : ''}`,
      'i',
    ),
    or: new RegExp(joiner(words.ranges.or), 'i'),
    and: new RegExp(joiner(words.ranges.and), 'i'),
    indefiniteOne: new Set(idioms.indefiniteOne),
    of: new Set(idioms.of),
    vagueLeads: Object.entries(idioms.vagueLeads).map(([phrase, lead]) => [phrase.split(' '), lead] as const),
    vaguePhrases: Object.entries(idioms.vaguePhrases).map(([phrase, vague]) => [phrase.split(' '), vague] as const),
    halfOf: idioms.halfOf.map((phrase) => phrase.split(' ')),
    morphMemo: new Map(),
  };
});

const cache = new Map<string, RegExp>();
export function cached(source: string, flags: string): RegExp {
  const key = `${flags}/${source}`;
  let re = cache.get(key);
  if (!re) {
    re = new RegExp(source, flags);
    cache.set(key, re);
  }
  return re;
}

/**
 * The words around numbers, of every language, compiled once per version of the registry:
 * what tells a count from a year, an age, a percentage, a time, a code.
 */
export const numberContext = perRegistry((all) => {
  const words = (pick: (context: NumberContextWords) => readonly string[]) => [
    ...new Set(all.flatMap((module) => pick(module.numbers.context))),
  ];
  const fragments = (pick: (context: NumberContextWords) => readonly string[]) => words(pick).join('|') || '(?!)';
  const suffixes = (pick: (context: NumberContextWords) => readonly string[]) =>
    words(pick).map((phrase) => {
      // A leading space is one space of any kind; a space inside, any run of them.
      const inner = escapeRe(phrase.replace(/^ /, '')).replace(/ /g, '[ \\u00A0]+');
      return phrase.startsWith(' ') ? `[ \\u00A0]${inner}` : inner;
    });
  return {
    suffixQualifiers: new RegExp(
      `^(?:(${['\\+', ...suffixes((c) => c.suffixQualifiers.atLeast)].join('|')})|(${suffixes((c) => c.suffixQualifiers.about).join('|') || '(?!)'})|(${suffixes((c) => c.suffixQualifiers.upTo).join('|') || '(?!)'}))(?![\\p{L}\\p{N}])`,
      'iu',
    ),
    changeVerbs: fragments((c) => c.changeVerbs),
    /** "rose to 2000": the words for "to" of every language's ranges. */
    rangeTo: [...new Set(all.flatMap((module) => module.numbers.ranges.to))].map(escapeRe).join('|') || '(?!)',
    yearContext: fragments((c) => c.yearContext),
    yearPrefixes: fragments((c) => c.yearPrefixes),
    yearDeterminers: fragments((c) => c.yearDeterminers),
    functionWordsAfter: new Set(words((c) => c.functionWordsAfter)),
    codePrefixes: fragments((c) => c.codePrefixes),
    ageBefore: fragments((c) => c.ageBefore),
    ageAfter: new RegExp(`^(?:${fragments((c) => c.ageAfter)})(?![\\p{L}\\p{N}])`, 'iu'),
    percent: new RegExp(`^(?:[ \\u00A0]?%|(?:[ \\u00A0]|-)(?:${fragments((c) => c.percent)})(?![\\p{L}\\p{N}]))`, 'iu'),
    timeAfter: new RegExp(`^(?:${fragments((c) => c.timeAfter)})`, 'iu'),
    decadeAfter: new RegExp(`^(?:${fragments((c) => c.decadeAfter)})(?![\\p{L}])`, 'iu'),
    clock: fragments((c) => c.clock),
    phoneLabels: fragments((c) => c.phoneLabels),
    /** Letters glued to digits that make an ordinal ("3rd"): the day suffixes of the date words. */
    ordinalSuffixes: new Set(
      all.flatMap((module) => module.dates.dayOrdinalSuffixes.map((suffix) => suffix.toLowerCase())),
    ),
  };
});
export type NumberContext = ReturnType<typeof numberContext>;

/** Units after a number, of every language with the symbols (compiled in notations.ts). */
export interface UnitPatterns {
  physical: RegExp;
  duration: RegExp;
  currencyAfter: RegExp;
  /** The canonical unit of a unit as found ("kilometres" → "km"). */
  physicalUnit: (found: string) => string;
  durationUnit: (found: string) => string;
  currencyUnit: (found: string) => string;
  /** A currency word that is money only after a scale word ("2 billion won"). */
  currencyAfterScaleOnly: (found: string) => boolean;
}

export interface Scan {
  text: string;
  units: UnitPatterns;
  /** The words around numbers, of every language. */
  context: NumberContext;
  /** The number words of the text's language. */
  lang: NumberReading;
  /** The text's language. */
  module: LanguageModule;
  /**
   * Spans nothing may be read from (phones, dates, times, URLs…), sorted by start and disjoint.
   * Emitted expressions need no entry: the scan only moves forward and never reads before its floor.
   */
  claimed: Array<[number, number]>;
}

/** Index of the first claimed span that ends after `pos` (binary search). */
export function firstClaimEndingAfter(s: Scan, pos: number): number {
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
export function phraseBefore(
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

export function wordBefore(s: Scan, pos: number): { start: number; word: string } | null {
  let i = pos;
  while (i > 0 && isHSpace(s.text[i - 1])) i--;
  if (i === pos && pos > 0 && isAlnum(s.text[pos - 1])) return null;
  const end = i;
  while (i > 0 && (isLetter(s.text[i - 1]) || MARK.test(s.text[i - 1]!))) i--;
  if (i === end) return null;
  return { start: i, word: s.text.slice(i, end) };
}

export interface Word {
  start: number;
  end: number;
  raw: string;
  lower: string;
}

export function readWordAt(text: string, pos: number): Word | null {
  if (!isLetter(text[pos])) return null;
  let e = pos;
  for (;;) {
    while (e < text.length && (isLetter(text[e]) || MARK.test(text[e]!))) e++;
    // An apostrophe between letters is part of the word: Ukrainian "п'ять", "дев’ять".
    if (APOSTROPHE.test(text[e] ?? '') && isLetter(text[e + 1]) && e > pos) e++;
    else break;
  }
  const raw = text.slice(pos, e);
  return { start: pos, end: e, raw, lower: raw.toLowerCase() };
}

/** The next word after `pos` separated only by horizontal space (at least one). */
export function nextWord(text: string, pos: number): Word | null {
  let i = pos;
  while (isHSpace(text[i])) i++;
  if (i === pos) return null;
  return readWordAt(text, i);
}

export interface Atom {
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
  /** "one", "to", "tre"…: a number only if a noun follows (or in a range); see the language's ambiguous words. */
  needsNounCheck?: 'one' | 'plural' | 'stressed-one';
  /** Letters glued to the digits that the classifier must interpret (e.g. "m" in "$5m"). */
  gluedSuffix?: string;
  /** A counter follows ("400명"): the number counts (see counters.ts). */
  counter?: boolean;
  /** A qualifier written after the number ("300여", "100명 이상"). */
  qualifier?: Qualifier;
}

export function makeAtom(start: number, end: number, value: number, extra: Partial<Atom> = {}): Atom {
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

export function isClaimed(s: Scan, pos: number): boolean {
  const c = s.claimed[firstClaimEndingAfter(s, pos)];
  return c !== undefined && c[0] <= pos;
}
export function overlapsClaimed(s: Scan, start: number, end: number): boolean {
  const c = s.claimed[firstClaimEndingAfter(s, start)];
  return c !== undefined && c[0] < end;
}
