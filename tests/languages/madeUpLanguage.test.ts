/**
 * A new language is one module: this test registers Zorbic, a made-up language with its own words
 * for "killed", "soldiers", numbers, "about", "said", "according to (information from)" and a
 * source line's label, and reads a figure from a sentence in it through the real extractor.
 * Nothing else of the code knows Zorbic.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/model/article.js';
import { inferMetadata } from '../../src/corpus/infer.js';
import { extractClaims } from '../../src/figures/claims.js';
import { english } from '../../src/languages/en.js';
import {
  languageFor,
  registerLanguage,
  type AttributionWords,
  type ClaimWords,
  type LanguageModule,
} from '../../src/languages/index.js';
import { buildPassages } from '../../src/search/passages.js';
import { findNumbers } from '../../src/text/numbers/index.js';

// Zorbic's figure rules have no words of their own: English ones, which every article is read with, will do.
const noClaimWords = Object.fromEntries(
  Object.keys(english.claims).map((key) => [key, key === 'nations' ? {} : []]),
) as unknown as ClaimWords;

// …nor words of the attribution rules beyond its speech verb.
const noAttributionWords = {
  ...(Object.fromEntries(Object.keys(english.attribution).map((key) => [key, []])) as unknown as AttributionWords),
  frontedTime: { before: [], times: [], partsOfDay: [] },
};

const zorbic: LanguageModule = {
  tags: ['zz'],
  name: 'Zorbic',
  analysis: { stemmer: (word) => word, stopWords: ['ke', 'la'], segmenterLocale: 'en' },
  segmentation: { abbreviations: ['Gnl'] },
  concepts: { killed: ['morted', 'morto'], troops: ['soldos', 'soldo'] },
  questions: { asksForFigure: ['kwanto'] },
  numbers: {
    grammar: 'separate',
    words: {
      una: { cat: 'unit', v: 1 },
      dua: { cat: 'unit', v: 2 },
      tria: { cat: 'unit', v: 3 },
      deka: { cat: 'teen', v: 10 },
      hekto: { cat: 'hundred', v: 100 },
      mila: { cat: 'scale', v: 1000 },
    },
    ambiguous: ['una'],
    ordinals: {},
    denominators: {},
    digitScales: { hekto: 100, mila: 1000 },
    abbreviatedScales: [],
    vagueScales: {},
    idioms: {
      vagueWords: { dekoj: [20, 99] },
      vagueWordsBeforeOf: {},
      vagueMultiples: {},
      vagueMultipleScales: {},
      vagueLeads: {},
      vaguePhrases: {},
      halfOf: [],
      halfOfAbbreviatedScales: false,
      half: [],
      oneAndAHalf: [],
      indefiniteOne: [],
      of: [],
    },
    qualifiers: [['cirkum', 'about']],
    separators: { group: "'", decimal: '.', spaceGroupsThousands: false, pointDecimalToo: false, ordinalPeriod: false },
    ranges: { between: [], from: [], to: [], hyphenatedTo: false, or: [], and: [] },
    countWords: [],
    irregularPlurals: [],
    pluralEnding: 'os',
    pluralMinLength: 3,
    pluralAdjectiveEndings: [],
    articleOnes: [],
    stressedOnes: [],
    stressedOneNotCountBefore: [],
    oneNotCountFollowedBy: [],
    oneNotCountPrecededBy: [],
    units: { physical: [['metroj', 'm']], durations: [['diej', 'day']], currencies: [], currenciesAfterScaleOnly: [] },
    context: {
      suffixQualifiers: { atLeast: [], about: [], upTo: [] },
      changeVerbs: [],
      yearContext: ['dum'],
      yearPrefixes: [],
      yearDeterminers: [],
      functionWordsAfter: [],
      codePrefixes: [],
      ageBefore: [],
      ageAfter: [],
      percent: ['procento'],
      timeAfter: [],
      decadeAfter: [],
      clock: [],
      phoneLabels: [],
    },
  },
  dates: {
    months: { primu: 1, sekundu: 2 },
    fullMonthNames: ['primu', 'sekundu'],
    weekdays: {},
    namesCapitalised: false,
    slashMonthFirst: false,
    dayOrdinalSuffixes: [],
    dayOfMonth: [],
    dayOnlyContext: [],
    dayOnlyArticle: [],
    yearContext: ['dum'],
    monthContext: ['dum'],
    monthParts: [],
    monthPrefixes: [],
    monthListJoiners: [],
    relativePhrases: { hieri: 'yesterday' },
    earlierOrLater: [],
    thisPeriod: {},
    periodModifiers: { last: [], this: [], next: [] },
    periodUnits: { year: [], month: [] },
    yearBeforeLast: [],
    weekdayModifiers: { before: [], after: [], this: [], on: [] },
    weekdayPossessives: [],
    weekdayPlurals: [],
    shortMonths: ['pri', 'sek', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'],
    dayPeriod: false,
    unknownYear: '(?)',
  },
  titles: [],
  claims: noClaimWords,
  attribution: {
    ...noAttributionWords,
    speechVerbs: ['parolis'],
    bareSpeechVerbs: ['parolis'],
    accordingTo: ['laŭ'],
    sourceIntroductions: ['informo de'],
  },
  metadata: {
    sourceLabels: ['Fonto'],
    placeholderSources: [],
    signOff: { before: [], after: [] },
    copyright: [],
    copyrightHolder: [],
    notNames: [],
  },
};

const SENTENCE = 'Generalo Vark parolis hieri ke cirkum dua hekto soldos morted.';
// "According to information from General Vark, two hundred soldiers died yesterday."
const ACCORDING_TO = 'Laŭ informo de Generalo Vark, dua hekto soldos morted hieri.';

function article(text: string): Article {
  return {
    id: 'zorbic',
    file: 'zorbic.md',
    text,
    title: 'Zorbic',
    publisher: null,
    url: null,
    published: '2025-01-14',
    language: 'zz',
    provenance: {},
  };
}

describe('GIVEN a made-up language registered as one module', () => {
  let unregister: () => void;
  beforeAll(() => {
    unregister = registerLanguage(zorbic);
  });
  afterAll(() => unregister());

  it('THEN its tag finds it', () => {
    expect(languageFor('zz-ZZ')).toBe(zorbic);
  });

  it('THEN its number words and qualifier are read', () => {
    expect(findNumbers(SENTENCE, 'zz')).toMatchObject([
      { wording: 'cirkum dua hekto', value: 200, qualifier: 'about', kind: 'count' },
    ]);
  });

  it('THEN a sentence in it gives a figure: value, category, qualifier and claimant', () => {
    const claims = extractClaims(buildPassages([article(SENTENCE)]));
    expect(
      claims.map((claim) => ({
        value: claim.value,
        category: claim.category,
        qualifier: claim.qualifier,
        scope: claim.scope,
        claimant: claim.attributedTo?.claimant,
        asOf: claim.asOf?.date,
      })),
    ).toEqual([
      {
        value: 200,
        category: 'killed',
        qualifier: 'about',
        scope: 'troops',
        claimant: 'Generalo Vark',
        // "hieri", yesterday, before the article's date.
        asOf: '2025-01-13',
      },
    ]);
  });

  it('THEN its "according to" names the claimant, without the words that introduce the source', () => {
    const claims = extractClaims(buildPassages([article(ACCORDING_TO)]));
    expect(claims.map((claim) => [claim.value, claim.category, claim.attributedTo?.claimant])).toEqual([
      [200, 'killed', 'Generalo Vark'],
    ]);
  });

  it("THEN a plain-text article's source line in it names the publisher", () => {
    expect(inferMetadata('Dua hekto soldos morted\nFonto: Zorba Novaĵoj\n\nGeneralo Vark parolis.').publisher).toBe(
      'Zorba Novaĵoj',
    );
  });
});

describe('GIVEN the made-up language unregistered again', () => {
  it('THEN its tag finds nothing and its words are no numbers', () => {
    expect(languageFor('zz')).toBeNull();
    expect(findNumbers(SENTENCE, 'zz')).toEqual([]);
  });
});
