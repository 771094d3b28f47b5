/**
 * Ukrainian: number words in their cases (with the apostrophe of "п'ять"), qualifiers, vague
 * idioms, dates with months in the genitive and the locative, attribution and the figures of
 * sentences with Ukrainian word order.
 */
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/model/article.js';
import { findAttributions } from '../../src/figures/attribution.js';
import { extractClaims } from '../../src/figures/claims.js';
import { buildPassages } from '../../src/search/passages.js';
import { findDates } from '../../src/text/dates.js';
import { findNumbers } from '../../src/text/numbers/index.js';
import { isFurniture } from '../../src/text/segment.js';

const count = (text: string) =>
  findNumbers(text, 'uk')
    .filter((mention) => mention.kind === 'count')
    .map(({ wording, value, low, high, qualifier }) => ({ wording, value, low, high, qualifier }));

describe('Ukrainian numbers', () => {
  it.each([
    ['понад трьох тисяч солдатів', 'понад трьох тисяч', 3000],
    ['близько двох тисяч військових', 'близько двох тисяч', 2000],
    ["п'ять тисяч військових", "п'ять тисяч", 5000],
    ['п’ятсот військових', 'п’ятсот', 500],
    ['двісті п’ятдесят осіб', 'двісті п’ятдесят', 250],
    ['11 тис. військових', '11 тис.', 11000],
    ['1 500 загиблих', '1 500', 1500],
    ['півтори тисячі солдатів', 'півтори тисячі', 1500],
    ['двоє солдатів потрапили в полон', 'двоє', 2],
    ['близько тисячі військових', 'близько тисячі', 1000],
  ])('GIVEN "%s" THEN it counts %s = %d', (text, wording, value) => {
    expect(count(text)).toEqual([expect.objectContaining({ wording, value })]);
  });

  it.each([
    ['близько 300 військових', 'about', 300, 300],
    ['приблизно 300 військових', 'about', 300, 300],
    ['майже 300 військових', 'nearly', null, 300],
    ['щонайменше 600 військових', 'at least', 600, null],
    ['не менше 600 військових', 'at least', 600, null],
    ['понад 200 гармат', 'more than', 200, null],
    ['більше 200 гармат', 'more than', 200, null],
    ['до 12 000 солдатів', 'up to', null, 12000],
  ])('GIVEN "%s" THEN the qualifier is %s', (text, qualifier, low, high) => {
    expect(count(text)[0]).toMatchObject({ qualifier, low, high });
  });

  it.each([
    ['сотні військових', 200, 999],
    ['кілька сотень військових', 200, 900],
    ['тисячі солдатів', 2000, 9999],
    ['десятки тисяч військових', 20000, 99000],
  ])('GIVEN the idiom "%s" THEN it is vague from %d to %d', (text, low, high) => {
    expect(count(text)[0]).toMatchObject({ qualifier: 'vague', low, high });
  });
});

describe('Ukrainian dates', () => {
  const published = '2025-03-14';
  it.each([
    ['3 березня 2025 року', '2025-03-03'],
    ['12 лютого', '2025-02-12'],
    ['у січні', '2025-01'],
    ['у понеділок', '2025-03-10'],
    ["у п'ятницю", '2025-03-14'],
    ['вчора', '2025-03-13'],
    ['минулого місяця', '2025-02'],
    ['торік', '2024'],
  ])('GIVEN "%s" in an article of 14 March 2025 THEN %s', (text, date) => {
    expect(findDates(text, 'uk', { published }).map((found) => found.date)).toEqual([date]);
  });

  it('GIVEN "до березня" in a January article THEN the coming March', () => {
    expect(findDates('до березня', 'uk', { published: '2025-01-20' }).map((found) => found.date)).toEqual(['2025-03']);
  });
});

describe('Ukrainian attribution', () => {
  it.each([
    ['За даними ГУР, торік Пхеньян відправив до Росії близько 11 тис. військових.', 'ГУР'],
    [
      'Щонайменше 600 солдатів КНДР загинули, заявив у середу представник ГУР Андрій Юсов.',
      'представник ГУР Андрій Юсов',
    ],
    ['Близько 3 000 військових прибули, повідомили у Генштабі.', 'Генштабі'],
  ])('GIVEN "%s" THEN the source is %s', (sentence, claimant) => {
    expect(findAttributions(sentence, 'uk').map((span) => span.claimant)).toContain(claimant);
  });

  it('GIVEN "за його словами" THEN a pronoun for the speaker before', () => {
    expect(findAttributions('За його словами, ще близько 3 400 військових поранені.', 'uk')).toEqual([
      expect.objectContaining({ pronoun: true }),
    ]);
  });
});

describe('Ukrainian figures', () => {
  const claimsOf = (text: string) => {
    const article: Article = {
      id: 'uk-test',
      title: 'test',
      text,
      language: 'uk',
      published: '2025-03-14',
      publisher: null,
      url: null,
      file: 'uk-test.md',
      provenance: {},
    };
    return extractClaims(buildPassages([article])).map(({ category, value, scope }) => ({ category, value, scope }));
  };

  it.each([
    ['Щонайменше 600 солдатів КНДР загинули в боях.', 'killed', 600, 'troops@north-korean'],
    ['Кількість загиблих північнокорейських солдатів сягнула 1 100.', 'killed', 1100, undefined],
    ['Втрати КНДР склали близько 4 000 військових.', 'casualties', 4000, undefined],
    ['Близько 3 400 північнокорейських військових отримали поранення.', 'injured', 3400, undefined],
    ['Двоє північнокорейських солдатів потрапили в полон.', 'captured', 2, undefined],
    ['Пхеньян відправив до Росії близько 11 тис. військових.', 'deployed', 11000, 'troops@north-korean'],
    ['У лютому КНДР перекинула ще приблизно 1 500 військових.', 'reinforcements', 1500, undefined],
    ['Північнокорейські військові розстріляли трьох своїх російських побратимів.', 'killed', 3, 'troops@russian'],
    ["П'ятеро військових загинули, 12 отримали поранення.", 'injured', 12, undefined],
    ['Сили оборони ліквідували за добу 1 340 окупантів.', 'killed', 1340, 'troops@russian'],
    ['У полоні перебувають щонайменше два північнокорейських військових.', 'captured', 2, undefined],
  ])('GIVEN "%s" THEN %s %d', (text, category, value, scope) => {
    const claim = claimsOf(text).find((found) => found.value === value);
    expect(claim).toMatchObject({ category, ...(scope ? { scope } : {}) });
  });
});

describe('Ukrainian page furniture', () => {
  it.each([['Поділитися'], ['Читайте також: ГУР про втрати КНДР'], ['Автор: Олена Коваль'], ['Джерело: Укрінформ']])(
    'GIVEN the line "%s" THEN it is no article text',
    (line) => {
      expect(isFurniture(line)).toBe(true);
    },
  );

  it('GIVEN a sentence of the article THEN it is text', () => {
    expect(isFurniture('Щонайменше 600 солдатів КНДР загинули.')).toBe(false);
  });
});
