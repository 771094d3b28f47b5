import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compareDates,
  findDates,
  formatDate,
  parseDateline,
  scanDateExpressions,
  type ResolvedDate,
} from '../../src/text/dates.js';

interface Case {
  given: string;
  lang: string;
  published: string | null;
  then: Array<Pick<ResolvedDate, 'wording' | 'date' | 'precision'>>;
  /** Wordings that must not resolve. */
  absent?: string[];
}

function run(c: Case): void {
  const found = findDates(c.given, c.lang, { published: c.published });
  for (const d of found) {
    expect(c.given.slice(d.start, d.end)).toBe(d.wording);
  }
  for (const exp of c.then) {
    const hit = found.find((d) => d.wording === exp.wording);
    expect(hit, `no date worded "${exp.wording}" in ${JSON.stringify(found.map((d) => d.wording))}`).toBeDefined();
    expect(hit).toMatchObject(exp);
  }
  for (const w of c.absent ?? []) expect(found.filter((d) => d.wording.includes(w))).toEqual([]);
}

function table(title: string, cases: Case[]): void {
  describe(title, () => {
    for (const c of cases) {
      const then = c.then.map((e) => `${e.wording} → ${e.date} (${e.precision})`).join('; ');
      it(`GIVEN published ${c.published ?? 'unknown'} AND "${c.given}" THEN ${then || 'nothing'}`, () => run(c));
    }
  });
}

table('seed corpus, published 2024-10-05 (a Saturday)', [
  {
    given:
      'Kim Yonghyun confirmed on Tuesday that it is highly likely six officers died in a missile strike near Donetsk on October 3.',
    lang: 'en',
    published: '2024-10-05',
    then: [
      { wording: 'Tuesday', date: '2024-10-01', precision: 'day' },
      { wording: 'October 3', date: '2024-10-03', precision: 'day' },
    ],
  },
  {
    given:
      'The South Korean government also said in August that it had confirmed that North Korea had already sent more than 500 units.',
    lang: 'en',
    published: '2024-10-05',
    then: [{ wording: 'August', date: '2024-08', precision: 'month' }],
  },
  {
    given: 'On the 3rd local time, Ukrainian forces attacked the area near Donetsk.',
    lang: 'en',
    published: '2024-10-05',
    then: [{ wording: 'the 3rd', date: '2024-10-03', precision: 'day' }],
  },
  {
    given:
      'Ukrainian intelligence revealed last year that North Korean military personnel were operating in Russian-occupied areas.',
    lang: 'en',
    published: '2024-10-05',
    then: [{ wording: 'last year', date: '2023', precision: 'year' }],
  },
  {
    given: '(U.N. Security Council meeting on Sept. 24): North Korea has delivered large amounts of weapons',
    lang: 'en',
    published: '2024-10-05',
    then: [{ wording: 'Sept. 24', date: '2024-09-24', precision: 'day' }],
  },
  {
    given: "since Russia's invasion of Ukraine in 2022, raises alarms",
    lang: 'en',
    published: '2024-10-05',
    then: [{ wording: '2022', date: '2022', precision: 'year' }],
  },
  {
    given: '2024.10.05. PM 8:58',
    lang: 'en',
    published: null,
    then: [{ wording: '2024.10.05.', date: '2024-10-05', precision: 'day' }],
  },
]);

table('seed corpus, published 2024-12-20', [
  {
    given:
      'Andrii Kovalenko also highlighted on December 18 that losses could have exceeded 200 troops. Zelenskyy noted on December 16 that Russia had begun employing North Korean soldiers.',
    lang: 'en',
    published: '2024-12-20',
    then: [
      { wording: 'December 18', date: '2024-12-18', precision: 'day' },
      { wording: 'December 16', date: '2024-12-16', precision: 'day' },
    ],
  },
  {
    given: 'President Vladimir Putin visited Pyongyang in June to establish a partnership.',
    lang: 'en',
    published: '2024-12-20',
    then: [{ wording: 'June', date: '2024-06', precision: 'month' }],
  },
]);

table('seed corpus, unknown publication date', [
  {
    given: 'Rundt 400 nordkoreanske soldater ble antatt å ha blitt drept per 26. februar, med ytterligere 3600 skadet.',
    lang: 'nb',
    published: null,
    then: [{ wording: '26. februar', date: '--02-26', precision: 'day' }],
  },
  {
    given:
      'President Volodymyr Zelenskyy noted on December 16 that Russia had indeed begun employing North Korean soldiers.',
    lang: 'en',
    published: null,
    then: [{ wording: 'December 16', date: '--12-16', precision: 'day' }],
  },
  {
    given:
      'Minister Kim confirmed on Tuesday what Ukrainian intelligence revealed last year; on the 3rd, yesterday, earlier this month.',
    lang: 'en',
    published: null,
    then: [],
    absent: ['Tuesday', 'last year', '3rd', 'yesterday', 'earlier this month'],
  },
  {
    given: 'The troops arrived on 3 October 2024 and fought in August.',
    lang: 'en',
    published: null,
    then: [
      { wording: '3 October 2024', date: '2024-10-03', precision: 'day' },
      { wording: 'August', date: '--08', precision: 'month' },
    ],
  },
]);

table('Norwegian article, published Thursday 2025-03-20', [
  {
    given: 'Nord -Korea har sendt minst 3000 flere soldater, rapporterte Sør -Koreas militær torsdag.',
    lang: 'nb',
    published: '2025-03-20',
    then: [{ wording: 'torsdag', date: '2025-03-20', precision: 'day' }],
  },
  {
    given: 'Forsterkningene ble sendt til Russland i januar og februar for å styrke styrken.',
    lang: 'nb',
    published: '2025-03-20',
    then: [
      { wording: 'januar', date: '2025-01', precision: 'month' },
      { wording: 'februar', date: '2025-02', precision: 'month' },
    ],
  },
  {
    given: 'Putin og Kim hadde bekreftet alliansen i fjor, etter en motinvasjon av Ukraina i august.',
    lang: 'nb',
    published: '2025-03-20',
    then: [
      { wording: 'i fjor', date: '2024', precision: 'year' },
      { wording: 'august', date: '2024-08', precision: 'month' },
    ],
  },
  {
    given: 'Russland tok tilbake nesten hele Kursk tidligere denne måneden.',
    lang: 'nb',
    published: '2025-03-20',
    then: [{ wording: 'tidligere denne måneden', date: '2025-03', precision: 'month' }],
  },
  {
    given: 'Rundt 400 soldater ble antatt drept per 26. februar.',
    lang: 'nb',
    published: '2025-03-20',
    then: [{ wording: '26. februar', date: '2025-02-26', precision: 'day' }],
  },
  {
    given: 'Det skjedde i går, ikke i dag; i år er annerledes. Seoul advarte på mandag og forrige torsdag.',
    lang: 'nb',
    published: '2025-03-20',
    then: [
      { wording: 'i går', date: '2025-03-19', precision: 'day' },
      { wording: 'i dag', date: '2025-03-20', precision: 'day' },
      { wording: 'i år', date: '2025', precision: 'year' },
      { wording: 'mandag', date: '2025-03-17', precision: 'day' },
      { wording: 'forrige torsdag', date: '2025-03-13', precision: 'day' },
    ],
  },
  {
    given: 'Avtalen ble signert 5. oktober 2024 og trådte i kraft 1. mars.',
    lang: 'nb',
    published: '2025-03-20',
    then: [
      { wording: '5. oktober 2024', date: '2024-10-05', precision: 'day' },
      { wording: '1. mars', date: '2025-03-01', precision: 'day' },
    ],
  },
]);

table('relative resolution rules', [
  {
    given:
      "Monday's briefing came a day after yesterday's report; this year and earlier this year differ from last month.",
    lang: 'en',
    published: '2024-10-05',
    then: [
      { wording: 'Monday', date: '2024-09-30', precision: 'day' },
      { wording: 'yesterday', date: '2024-10-04', precision: 'day' },
      { wording: 'this year', date: '2024', precision: 'year' },
      { wording: 'earlier this year', date: '2024', precision: 'year' },
      { wording: 'last month', date: '2024-09', precision: 'month' },
    ],
  },
  {
    given: 'It happened on Saturday, not last Saturday, and will continue next Saturday.',
    lang: 'en',
    published: '2024-10-05',
    then: [
      { wording: 'Saturday', date: '2024-10-05', precision: 'day' },
      { wording: 'last Saturday', date: '2024-09-28', precision: 'day' },
      { wording: 'next Saturday', date: '2024-10-12', precision: 'day' },
    ],
  },
  {
    given: 'The strike happened on December 30 and the talks in November.',
    lang: 'en',
    published: '2025-01-04',
    then: [
      { wording: 'December 30', date: '2024-12-30', precision: 'day' },
      { wording: 'November', date: '2024-11', precision: 'month' },
    ],
  },
  {
    given: 'On the 28th, drones struck.',
    lang: 'en',
    published: '2024-10-05',
    then: [{ wording: 'the 28th', date: '2024-09-28', precision: 'day' }],
  },
  {
    given: 'On the 31st, drones struck.',
    lang: 'en',
    published: '2024-10-05',
    then: [{ wording: 'the 31st', date: '2024-08-31', precision: 'day' }],
  },
  {
    given: 'On February 29 there was a strike.',
    lang: 'en',
    published: '2025-06-01',
    then: [{ wording: 'February 29', date: '2024-02-29', precision: 'day' }],
  },
  {
    given: 'Fighting broke out in January and February.',
    lang: 'en',
    published: '2024-10-05T12:00:00Z',
    then: [
      { wording: 'January', date: '2024-01', precision: 'month' },
      { wording: 'February', date: '2024-02', precision: 'month' },
    ],
  },
  {
    given: 'Talks in October 2023, then on Tuesdays in May.',
    lang: 'en',
    published: '2024-10-05',
    then: [
      { wording: 'October 2023', date: '2023-10', precision: 'month' },
      { wording: 'May', date: '2024-05', precision: 'month' },
    ],
    absent: ['Tuesday'],
  },
]);

table('words that look like dates but are not', [
  {
    given: 'Officials may 5 times revise it; the march 3 km long; NASA sent a rover to Mars in 2020.',
    lang: 'en',
    published: '2024-10-05',
    then: [{ wording: '2020', date: '2020', precision: 'year' }],
    absent: ['may', 'march', 'Mars'],
  },
  {
    given: 'Huset til Mars ble solgt.',
    lang: 'nb',
    published: '2024-10-05',
    then: [],
    absent: ['Mars'],
  },
  {
    given: 'The 2024-13-45 code and 31.02.2024 are invalid.',
    lang: 'en',
    published: '2024-10-05',
    then: [],
    absent: ['2024-13-45', '31.02.2024'],
  },
]);

table('issue 11: deadlines, days of the month, a publication date known to the month', [
  {
    given: 'Seoul expects another rotation of troops by March.',
    lang: 'en',
    published: '2025-01-15',
    then: [{ wording: 'March', date: '2025-03', precision: 'month' }],
  },
  {
    given: 'North Korea may send more soldiers by February.',
    lang: 'en',
    published: '2024-12-19',
    then: [{ wording: 'February', date: '2025-02', precision: 'month' }],
  },
  {
    given: 'By March, some 600 of them had been killed.',
    lang: 'en',
    published: '2025-04-29',
    then: [{ wording: 'March', date: '2025-03', precision: 'month' }],
  },
  {
    given: 'Nord-Korea kan sende flere soldater innen mars.',
    lang: 'nb',
    published: '2025-01-15',
    then: [{ wording: 'mars', date: '2025-03', precision: 'month' }],
  },
  {
    given: 'The troops arrived in March.',
    lang: 'en',
    published: '2025-01-15',
    then: [{ wording: 'March', date: '2024-03', precision: 'month' }],
  },
  {
    given: 'Seven people were killed on the 12th.',
    lang: 'en',
    published: '2025-03-14',
    then: [{ wording: 'the 12th', date: '2025-03-12', precision: 'day' }],
  },
  {
    given: 'Seven people were killed on the 12th, and more on Monday, officials said yesterday.',
    lang: 'en',
    published: '2025-03',
    then: [{ wording: 'the 12th', date: '2025-03-12', precision: 'day' }],
    absent: ['Monday', 'yesterday'],
  },
  {
    given: 'The figure was first given last year, in February.',
    lang: 'en',
    published: '2025-03',
    then: [
      { wording: 'last year', date: '2024', precision: 'year' },
      { wording: 'February', date: '2025-02', precision: 'month' },
    ],
  },
]);

describe('parseDateline', () => {
  it.each([
    ['2024.10.05. PM 8:58', '2024-10-05'],
    ['2024-10-05', '2024-10-05'],
    ['2024-10-05T08:58:00+09:00', '2024-10-05'],
    ['October 5, 2024', '2024-10-05'],
    ['Published Oct. 5, 2024 at 9:00', '2024-10-05'],
    ['5 October 2024', '2024-10-05'],
    ['5. oktober 2024', '2024-10-05'],
    ['05.10.2024', '2024-10-05'],
    ['05.10.2024 kl. 14.30', '2024-10-05'],
    ['10/25/2024', '2024-10-25'],
    ['Font size settings', null],
    ['October 5', null],
    ['', null],
  ])('GIVEN %j THEN %j', (text, expected) => {
    expect(parseDateline(text)).toBe(expected);
  });
});

describe('compareDates', () => {
  it('GIVEN mixed known and unknown-year dates THEN known years come first, chronologically, coarse before fine', () => {
    const sorted = ['--02-26', '2024-10-03', '2024', '--01', '2024-10', 'garbage', '2023-12-31', '--12-16'].sort(
      compareDates,
    );
    expect(sorted).toEqual(['2023-12-31', '2024', '2024-10', '2024-10-03', '--01', '--02-26', '--12-16', 'garbage']);
  });

  it('GIVEN ResolvedDate objects THEN they sort by their date', () => {
    const a = { date: '--02-26' },
      b = { date: '2024-12-18' },
      c = { date: '2024-12-16' };
    expect([a, b, c].sort(compareDates)).toEqual([c, b, a]);
    expect(compareDates('2024-10-03', '2024-10-03')).toBe(0);
  });
});

describe('formatDate', () => {
  it.each([
    ['2024-10-03', undefined, 'en', '3 Oct 2024'],
    ['2024-09-03', 'day', 'en', '3 Sep 2024'],
    ['2024-10', undefined, 'en', 'Oct 2024'],
    ['2024-10-03', 'month', 'en', 'Oct 2024'],
    ['2024', 'year', 'en', '2024'],
    ['2024-10-03', 'year', 'en', '2024'],
    ['--02-26', 'day', 'en', '26 Feb (year unknown)'],
    ['--08', undefined, 'en', 'Aug (year unknown)'],
    ['2024-10-03', 'day', 'nb', '3. okt. 2024'],
    ['2024-03', 'month', 'no', 'mars 2024'],
    ['--02-26', 'day', 'nb', '26. feb. (ukjent år)'],
    ['not a date', undefined, 'en', 'not a date'],
    ['2024-13', undefined, 'en', '2024-13'],
  ] as const)('GIVEN %j (%s, %s) THEN %j', (iso, precision, locale, expected) => {
    expect(formatDate(iso, precision, locale)).toBe(expected);
  });

  it('GIVEN another locale THEN Intl formats it (with a marker when the year is unknown)', () => {
    expect(formatDate('2024-10-03', 'day', 'it')).toMatch(/3.*2024/);
    expect(formatDate('--02-26', 'day', 'it')).toMatch(/26.*\(\?\)$/);
  });

  it('GIVEN an invalid locale THEN it falls back to English', () => {
    expect(formatDate('2024-10-03', 'day', 'not_a_locale!!')).toBe('3 Oct 2024');
  });
});

describe('scanDateExpressions', () => {
  it('GIVEN "October 5, 2024" THEN one expression, not a date plus a year', () => {
    const found = scanDateExpressions('It began on October 5, 2024 in Kursk.');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      wording: 'October 5, 2024',
      type: 'absolute',
      year: 2024,
      month: 10,
      day: 5,
      hasDigits: true,
    });
  });
});

describe('properties', () => {
  const FRAGMENTS = [
    '3',
    '26',
    '2024',
    '.',
    '-',
    '/',
    ',',
    ' ',
    ' ',
    'on',
    'the',
    '3rd',
    'October',
    'Sept.',
    'februar',
    'mars',
    'Mars',
    'in',
    'i',
    'last',
    'year',
    'fjor',
    'går',
    'Tuesday',
    'torsdag',
    'earlier',
    'this',
    'month',
    'denne',
    'måneden',
    'and',
    'og',
    'PM',
    '8:58',
    '\u00A0',
  ];
  it('GIVEN arbitrary text and references THEN findDates never throws and offsets are exact', () => {
    const textArb = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 120 }),
      fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 25 }).map((p) => p.join(' ')),
    );
    const pubArb = fc.oneof(
      fc.constant(null),
      fc.constantFrom('2024-10-05', '2024-02-29', '2025-01-01T00:00:00Z', 'garbage'),
    );
    fc.assert(
      fc.property(textArb, pubArb, fc.constantFrom('en', 'nb'), (text, published, lang) => {
        let prevEnd = 0;
        for (const d of findDates(text, lang, { published })) {
          if (d.start < prevEnd || d.start >= d.end || text.slice(d.start, d.end) !== d.wording) return false;
          if (!/^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|--\d{2}(?:-\d{2})?)$/.test(d.date)) return false;
          prevEnd = d.end;
        }
        return true;
      }),
      { numRuns: 800 },
    );
  });
});
