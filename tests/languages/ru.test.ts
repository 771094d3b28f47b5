/**
 * Russian: number notations and words in their cases, qualifiers, vague idioms, dates with months
 * in the genitive and the prepositional, attribution, language detection and the figures of
 * sentences with Russian word order.
 */
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/model/article.js';
import { findAttributions } from '../../src/figures/attribution.js';
import { extractClaims } from '../../src/figures/claims.js';
import { buildPassages } from '../../src/search/passages.js';
import { findDates } from '../../src/text/dates.js';
import { detectLanguage } from '../../src/text/detectLanguage.js';
import { findNumbers } from '../../src/text/numbers/index.js';
import { isFurniture } from '../../src/text/segment.js';

const count = (text: string) =>
  findNumbers(text, 'ru')
    .filter((mention) => mention.kind === 'count')
    .map(({ wording, value, low, high, qualifier }) => ({ wording, value, low, high, qualifier }));

describe('Russian numbers', () => {
  it.each([
    ['погибли 1 500 военных', '1 500', 1500],
    ['погибли 1500 военных', '1500', 1500],
    ['отправила 11 тысяч военных', '11 тысяч', 11000],
    ['отправила 11 тыс. военных', '11 тыс.', 11000],
    ['передала 1,5 млн снарядов', '1,5 млн', 1_500_000],
    ['около двух тысяч военных', 'около двух тысяч', 2000],
    ['полторы тысячи солдат', 'полторы тысячи', 1500],
    ['две тысячи двести военных', 'две тысячи двести', 2200],
    ['триста двадцать пять человек', 'триста двадцать пять', 325],
    ['тысяча солдат', 'тысяча', 1000],
    ['расстреляли четырёх сослуживцев', 'четырёх', 4],
    ['двое солдат попали в плен', 'двое', 2],
    ['одного солдата', 'одного', 1],
    ['около тысячи военных', 'около тысячи', 1000],
    ['более миллиона снарядов', 'более миллиона', 1_000_000],
  ])('GIVEN "%s" THEN it counts %s = %d', (text, wording, value) => {
    expect(count(text)).toEqual([expect.objectContaining({ wording, value })]);
  });

  it.each([
    ['около 300 военных', 'about', 300, 300],
    ['примерно 300 военных', 'about', 300, 300],
    ['порядка 300 военных', 'about', 300, 300],
    ['почти 300 военных', 'nearly', null, 300],
    ['не менее 600 военных', 'at least', 600, null],
    ['по меньшей мере 600 военных', 'at least', 600, null],
    ['как минимум 600 военных', 'at least', 600, null],
    ['более 200 орудий', 'more than', 200, null],
    ['свыше 200 орудий', 'more than', 200, null],
    ['до 12 000 солдат', 'up to', null, 12000],
  ])('GIVEN "%s" THEN the qualifier is %s', (text, qualifier, low, high) => {
    expect(count(text)[0]).toMatchObject({ qualifier, low, high });
  });

  it.each([
    ['сотни военных', 200, 999],
    ['несколько сотен военных', 200, 900],
    ['тысячи солдат', 2000, 9999],
    ['десятки тысяч военных', 20000, 99000],
  ])('GIVEN the idiom "%s" THEN it is vague from %d to %d', (text, low, high) => {
    expect(count(text)[0]).toMatchObject({ qualifier: 'vague', low, high });
  });

  it('GIVEN "выросло до 1 000" THEN "до" is "to", not "up to"', () => {
    expect(count('число погибших выросло до 1 000')[0]).toMatchObject({ value: 1000, qualifier: 'exact' });
  });

  it('GIVEN "1 или 2 миллиона снарядов" THEN one range', () => {
    expect(count('1 или 2 миллиона снарядов')).toEqual([expect.objectContaining({ low: 1_000_000, high: 2_000_000 })]);
  });

  it('GIVEN "один из" or a year THEN no count', () => {
    expect(count('один из солдат')).toEqual([]);
    expect(count('в 2024 году')).toEqual([]);
    expect(count('3 марта 2025 года')).toEqual([]);
  });
});

describe('Russian dates', () => {
  const published = '2025-03-14';
  it.each([
    ['3 марта 2025 года', '2025-03-03'],
    ['12 февраля', '2025-02-12'],
    ['в марте', '2025-03'],
    ['в январе', '2025-01'],
    ['в понедельник', '2025-03-10'],
    ['вчера', '2025-03-13'],
    ['в прошлом месяце', '2025-02'],
    ['в прошлом году', '2024'],
  ])('GIVEN "%s" in an article of 14 March 2025 THEN %s', (text, date) => {
    expect(findDates(text, 'ru', { published }).map((found) => found.date)).toEqual([date]);
  });

  it('GIVEN "к марту" in a January article THEN the coming March', () => {
    expect(findDates('к марту', 'ru', { published: '2025-01-20' }).map((found) => found.date)).toEqual(['2025-03']);
  });
});

describe('Russian attribution', () => {
  it.each([
    ['По данным разведки, КНДР отправила в Россию около 11 тысяч военных.', 'разведки'],
    ['Около 300 военных погибли, заявила в понедельник Национальная служба разведки.', 'Национальная служба разведки'],
    ['Около 3 000 военных прибыли в январе, сообщили в Минобороны.', 'Минобороны'],
    ['Число погибших достигло 1 000, говорится в докладе британской разведки.', 'докладе британской разведки'],
  ])('GIVEN "%s" THEN the source is %s', (sentence, claimant) => {
    expect(findAttributions(sentence, 'ru').map((span) => span.claimant)).toContain(claimant);
  });
});

describe('Russian figures', () => {
  const claimsOf = (text: string) => {
    const article: Article = {
      id: 'ru-test',
      title: 'test',
      text,
      language: 'ru',
      published: '2025-03-14',
      publisher: null,
      url: null,
      file: 'ru-test.md',
      provenance: {},
    };
    return extractClaims(buildPassages([article])).map(({ category, value, scope }) => ({ category, value, scope }));
  };

  it.each([
    ['Погибли около 300 северокорейских военных.', 'killed', 300, 'troops@north-korean'],
    ['Число погибших северокорейских военных достигло 1 000 человек.', 'killed', 1000, undefined],
    ['Потери КНДР составили около 4 000 военных.', 'casualties', 4000, undefined],
    ['Около 800 военных КНДР ранены.', 'injured', 800, undefined],
    ['Двое северокорейских солдат попали в плен.', 'captured', 2, undefined],
    ['КНДР отправила в Россию около 11 тысяч военных.', 'deployed', 11000, 'troops@north-korean'],
    ['В январе Пхеньян перебросил ещё около 3 000 военных.', 'reinforcements', 3000, undefined],
    ['Северокорейские военные расстреляли четырёх своих российских сослуживцев.', 'killed', 4, 'troops@russian'],
    ['Общие потери, включая раненых, превысили 4 700 человек.', 'casualties', 4700, undefined],
    ['Пятеро военнослужащих погибли, 12 получили ранения.', 'injured', 12, undefined],
    ['В Курской области погибли или были ранены около 4 тысяч военных КНДР.', 'casualties', 4000, undefined],
    ['В плену находятся двое военных КНДР.', 'captured', 2, undefined],
    // "Ранее" stems as "ранены" does: it must not make the count wounded.
    ['Ранее Пентагон оценивал численность контингента КНДР в 11–12 тысяч военных.', 'deployed', 11500, undefined],
  ])('GIVEN "%s" THEN %s %d', (text, category, value, scope) => {
    const claim = claimsOf(text).find((found) => found.value === value);
    expect(claim).toMatchObject({ category, ...(scope ? { scope } : {}) });
  });
});

describe('Russian and Ukrainian told apart', () => {
  it.each([
    ['Сколько погибших северокорейских военных?', 'ru'],
    ['В понедельник разведка заявила, что погибли около 300 военных КНДР.', 'ru'],
    ['Скільки загиблих солдатів КНДР?', 'uk'],
    ['У понеділок розвідка заявила, що загинули близько 300 військових КНДР.', 'uk'],
  ])('GIVEN "%s" THEN %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });
});

describe('Russian page furniture', () => {
  it.each([
    ['Поделиться'],
    ['Читайте также: Пхеньян отправил новых военных'],
    ['Автор: Иван Петров'],
    ['Источник: Восточное агентство'],
  ])('GIVEN the line "%s" THEN it is no article text', (line) => {
    expect(isFurniture(line)).toBe(true);
  });

  it('GIVEN a sentence of the article THEN it is text', () => {
    expect(isFurniture('Около 300 военных погибли.')).toBe(false);
  });
});
