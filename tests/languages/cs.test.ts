/**
 * Czech, one module (src/languages/cs.ts): its stemmer, numbers, dates and sources, each read
 * through the language-neutral machinery as an article in Czech is.
 */
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/model/article.js';
import { extractClaims } from '../../src/figures/claims.js';
import { findAttributions } from '../../src/figures/attribution.js';
import { czech, czechStem } from '../../src/languages/cs.js';
import { languageFor } from '../../src/languages/index.js';
import { buildPassages } from '../../src/search/passages.js';
import { conceptsOf, guessQuestionLanguage, isStopWord, stem } from '../../src/text/analyze.js';
import { findDates } from '../../src/text/dates.js';
import { detectLanguage } from '../../src/text/detectLanguage.js';
import { findNumbers } from '../../src/text/numbers/index.js';

const counts = (text: string) =>
  findNumbers(text, 'cs')
    .filter((mention) => mention.kind === 'count')
    .map(({ wording, value, low, high, qualifier }) => ({ wording, value, low, high, qualifier }));

function claimsOf(text: string, published = '2025-03-14') {
  const article: Article = {
    id: 'cs-test',
    path: 'cs-test.md',
    title: 'test',
    text,
    language: 'cs',
    published,
    publisher: null,
    url: null,
  } as unknown as Article;
  return extractClaims(buildPassages([article])).map((claim) => ({
    category: claim.category,
    value: claim.value,
    qualifier: claim.qualifier,
    scope: claim.scope,
    asOf: claim.asOf?.date ?? null,
    claimant: claim.attributions[0]?.claimant ?? null,
  }));
}

describe('Czech: the module', () => {
  it('GIVEN the tags cs, cs-CZ THEN the Czech module reads them', () => {
    expect(languageFor('cs')).toBe(czech);
    expect(languageFor('cs-CZ')).toBe(czech);
  });
});

describe('Czech: the light stemmer (Dolamic & Savoy)', () => {
  it.each([
    [['vojáků', 'vojáci', 'vojákům', 'voják', 'vojáky'], 'voják'],
    [['zahynulo', 'zahynuli', 'zahynulých'], 'zahynul'],
    [['zraněno', 'zraněných', 'zranění'], 'zraněn'],
    [['severokorejští', 'severokorejských', 'severokorejské'], 'severokorejsk'],
    [['Kursk', 'Kursku', 'Kurské', 'Kurská'], 'kursk'],
    [['Pchjongjang', 'Pchjongjangu'], 'pchjongjang'],
    [['obětí', 'oběti', 'obětem'], 'obět'],
  ])('GIVEN the forms %j THEN they meet in one stem, %s', (forms, wanted) => {
    expect(new Set(forms.map(czechStem))).toEqual(new Set([wanted]));
  });

  it('GIVEN inflected forms in an article THEN they stand for one concept', () => {
    for (const word of ['vojáků', 'vojáci', 'vojákům']) expect(conceptsOf(stem(word, 'cs'), 'cs')).toContain('troops');
    for (const word of ['zahynulo', 'padli', 'mrtvých', 'obětí'])
      expect(conceptsOf(stem(word, 'cs'), 'cs')).toContain('killed');
    for (const word of ['zraněno', 'raněných']) expect(conceptsOf(stem(word, 'cs'), 'cs')).toContain('injured');
    expect(conceptsOf(stem('KLDR', 'cs'), 'cs')).toContain('north-korean');
  });

  it('GIVEN a question THEN its question words are stop words and it is read as Czech', () => {
    expect(isStopWord('kolik', 'cs')).toBe(true);
    expect(isStopWord('kolika', 'cs')).toBe(true);
    expect(isStopWord('strana', 'cs')).toBe(false);
    expect(guessQuestionLanguage('kolik vojáků KLDR padlo')).toBe('cs');
  });
});

describe('Czech: numbers', () => {
  it.each([
    ['12 tisíc vojáků', '12 tisíc', 12000],
    ['12 tis. vojáků', '12 tis.', 12000],
    ['1 500 vojáků', '1 500', 1500],
    ['1500 vojáků', '1500', 1500],
    ['1,5 milionu granátů', '1,5 milionu', 1_500_000],
    ['dvanáct tisíc vojáků', 'dvanáct tisíc', 12000],
    ['tři sta vojáků', 'tři sta', 300],
    ['dva tisíce vojáků', 'dva tisíce', 2000],
    ['dvou set vojáků', 'dvou set', 200],
    ['pět set vojáků', 'pět set', 500],
    ['dvacet pět vojáků', 'dvacet pět', 25],
    ['sto vojáků', 'sto', 100],
    ['tisíc vojáků', 'tisíc', 1000],
    ['půl milionu granátů', 'půl milionu', 500_000],
    ['pět stovek vojáků', 'pět stovek', 500],
  ])('GIVEN "%s" THEN "%s" counts %d', (text, wording, value) => {
    expect(counts(text)).toEqual([{ wording, value, low: value, high: value, qualifier: 'exact' }]);
  });

  it.each([
    ['přibližně 300 vojáků', 'přibližně 300', 300, 300, 300, 'about'],
    ['asi dvě stě vojáků', 'asi dvě stě', 200, 200, 200, 'about'],
    ['zhruba 4 700 vojáků', 'zhruba 4 700', 4700, 4700, 4700, 'about'],
    ['kolem 11 tisíc vojáků', 'kolem 11 tisíc', 11000, 11000, 11000, 'about'],
    ['nejméně 600 vojáků', 'nejméně 600', 600, 600, null, 'at least'],
    ['minimálně 600 vojáků', 'minimálně 600', 600, 600, null, 'at least'],
    ['alespoň 600 vojáků', 'alespoň 600', 600, 600, null, 'at least'],
    ['více než 3000 vojáků', 'více než 3000', 3000, 3000, null, 'more than'],
    ['přes 200 raket', 'přes 200', 200, 200, null, 'more than'],
    ['až 12 tisíc vojáků', 'až 12 tisíc', 12000, null, 12000, 'up to'],
    ['téměř 4000 vojáků', 'téměř 4000', 4000, null, 4000, 'nearly'],
    ['počet padlých překročil tisícovku', 'překročil tisícovku', 1000, 1000, null, 'more than'],
  ])('GIVEN "%s" THEN "%s" is %d (%s–%s), %s', (text, wording, value, low, high, qualifier) => {
    expect(counts(text)).toEqual([{ wording, value, low, high, qualifier }]);
  });

  it.each([
    ['stovky vojáků', 'stovky', 200, 999],
    ['tisíce vojáků', 'tisíce', 2000, 9999],
    ['několik set vojáků', 'několik set', 200, 900],
    ['desítky tisíc vojáků', 'desítky tisíc', 20_000, 99_999],
  ])('GIVEN the vague "%s" THEN "%s" is %d–%d', (text, wording, low, high) => {
    expect(counts(text)).toMatchObject([{ wording, low, high, qualifier: 'vague' }]);
  });

  it('GIVEN ranges and alternatives THEN each is one count with its range', () => {
    expect(counts('10 až 15 tisíc vojáků')).toMatchObject([{ value: 12500, low: 10000, high: 15000 }]);
    expect(counts('mezi 1000 a 1500 vojáky')).toMatchObject([{ value: 1250, low: 1000, high: 1500 }]);
    expect(counts('1 nebo 2 miliony granátů')).toMatchObject([{ low: 1_000_000, high: 2_000_000 }]);
  });

  it('GIVEN years, ages, percentages, money and dates THEN none is a count', () => {
    expect(counts('v roce 2024 padlo 2000 vojáků')).toEqual([
      { wording: '2000', value: 2000, low: 2000, high: 2000, qualifier: 'exact' },
    ]);
    expect(counts('ve věku 40 let')).toEqual([]);
    expect(counts('12 procent')).toEqual([]);
    expect(counts('škody přesáhnou dvě miliardy korun')).toEqual([]);
    expect(counts('5. března 2025')).toEqual([]);
  });
});

describe('Czech: dates', () => {
  const dates = (text: string, published = '2025-01-15') =>
    findDates(text, 'cs', { published }).map(({ wording, date }) => [wording, date]);

  it('GIVEN a day with a period and a month in the genitive THEN it is that day', () => {
    expect(dates('5. března 2025')).toEqual([['5. března 2025', '2025-03-05']]);
    expect(dates('12. ledna')).toEqual([['12. ledna', '2025-01-12']]);
  });

  it('GIVEN a month in the locative or genitive after its preposition THEN it is that month', () => {
    expect(dates('v březnu')).toEqual([['březnu', '2024-03']]);
    expect(dates('začátkem února')).toEqual([['února', '2024-02']]);
    expect(dates('na konci ledna', '2025-04-02')).toEqual([['ledna', '2025-01']]);
  });

  it('GIVEN "do března" in January THEN it is the coming March', () => {
    expect(dates('do března')).toEqual([['března', '2025-03']]);
  });

  it('GIVEN weekdays and relative words THEN they resolve against the publication date', () => {
    expect(dates('v pondělí')).toEqual([['pondělí', '2025-01-13']]);
    expect(dates('ve středu')).toEqual([['středu', '2025-01-15']]);
    expect(dates('včera')).toEqual([['včera', '2025-01-14']]);
    expect(dates('minulý měsíc')).toEqual([['minulý měsíc', '2024-12']]);
    expect(dates('loni')).toEqual([['loni', '2024']]);
    expect(dates('v loňském roce')).toEqual([['v loňském roce', '2024']]);
  });

  it('GIVEN a relative year and a month, "loni v prosinci" THEN it is that month of that year', () => {
    expect(dates('loni v prosinci')).toEqual([['loni v prosinci', '2024-12']]);
    expect(dates('i fjor i desember')).toEqual([['i fjor i desember', '2024-12']]);
  });
});

describe('Czech: who says it', () => {
  const sources = (sentence: string) => findAttributions(sentence, 'cs').map((span) => span.claimant);

  it.each([
    ['Podle jihokorejské rozvědky padlo nejméně 600 vojáků.', 'jihokorejské rozvědky'],
    ['Podle informací agentury Jonhap se vrátilo 800 raněných.', 'agentury Jonhap'],
    [
      'Padlo 600 vojáků, uvedla ve čtvrtek jihokorejská zpravodajská služba NIS na zasedání výboru.',
      'jihokorejská zpravodajská služba NIS',
    ],
    ['Zahynuli dva civilisté, oznámil šéf oblastní správy Oleh Syněhubov.', 'šéf oblastní správy Oleh Syněhubov'],
    [
      'Ukrajinský prezident Volodymyr Zelenskyj v pondělí prohlásil, že padlo 300 vojáků.',
      'Ukrajinský prezident Volodymyr Zelenskyj',
    ],
    ['V pondělí uvedla rozvědka, že padlo 300 vojáků.', 'rozvědka'],
    ['Nejméně 12 z nich padlo, uvedlo loni v prosinci ministerstvo zahraničí.', 'ministerstvo zahraničí'],
    ['Mluvčí armády řekl, že zahynulo 20 lidí.', 'Mluvčí armády'],
  ])('GIVEN "%s" THEN the source is "%s"', (sentence, claimant) => {
    expect(sources(sentence)).toEqual([claimant]);
  });
});

describe('Czech: figures', () => {
  it('GIVEN the verb first, "Zahynulo přibližně 300 vojáků KLDR" THEN about 300 North Korean soldiers killed', () => {
    expect(claimsOf('Zahynulo přibližně 300 vojáků KLDR, uvedla rozvědka.')).toEqual([
      {
        category: 'killed',
        value: 300,
        qualifier: 'about',
        scope: 'troops@north-korean',
        asOf: '2025-03-14',
        claimant: 'rozvědka',
      },
    ]);
  });

  it('GIVEN "dalších" before the number THEN more troops sent are reinforcements', () => {
    expect(claimsOf('Pchjongjang poslal dalších 3000 vojáků.')).toMatchObject([
      { category: 'reinforcements', value: 3000 },
    ]);
  });

  it('GIVEN a nation after a preposition, "vyslala do Ruska 14 tisíc vojáků" THEN it is the place, not the owner', () => {
    expect(claimsOf('Severní Korea vyslala do Ruska kolem 14 tisíc vojáků.')).toMatchObject([
      { category: 'deployed', value: 14000, scope: 'troops@north-korean' },
    ]);
  });

  it('GIVEN perpetrators, "severokorejští vojáci zastřelili čtyři ruské vojáky" THEN four Russians killed', () => {
    expect(claimsOf('Severokorejští vojáci zastřelili čtyři ruské vojáky.')).toMatchObject([
      { category: 'killed', value: 4, scope: 'troops@russian' },
    ]);
  });

  it('GIVEN killed and injured in one sentence THEN each is its own figure of the same people', () => {
    expect(claimsOf('Zahynuli dva civilisté a dalších 11 lidí bylo zraněno.')).toMatchObject([
      { category: 'killed', value: 2, scope: 'people' },
      { category: 'injured', value: 11, scope: 'people' },
    ]);
  });
});

describe('Czech: language detection (eld)', () => {
  it.each([
    'Zahynulo přibližně 300 vojáků KLDR.',
    'Kolik vojáků KLDR padlo?',
    'Severní Korea vyslala do Ruska zhruba 11 tisíc vojáků, uvedl v pondělí mluvčí.',
    'Ukrajinská armáda zajala dva vojáky.',
  ])('GIVEN the short Czech text "%s" THEN it is read as Czech, not Slovak', (text) => {
    expect(detectLanguage(text)).toBe('cs');
  });
});
