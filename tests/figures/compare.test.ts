/**
 * mergeClaims and compareFigures: the same figure told twice counted once, and a verdict on each
 * pair that matters. Unit cases use small hand-built claims; the fixture cases check the verdicts
 * a careful reader expects in each fixture article and across the articles of one story.
 */
import type { AsOf, AsOfBasis, Claim, ClaimSource, Qualifier, Verdict } from '../../src/model/claim.js';
import type { FigureCategory } from '../../src/model/categories.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/model/article.js';
import { compareFigures, compatibleScope, mergeClaims, plausibleRange } from '../../src/figures/compare.js';
import {
  articlesOf,
  findVerdict,
  fixtureExpectations,
  FIXTURE_ARTICLES,
  reportOf,
  storyExpectations,
  type ExpectedVerdict,
} from './fixtures/expectations.js';

interface Spec {
  id: string;
  value: number;
  category?: FigureCategory;
  qualifier?: Qualifier;
  low?: number | null;
  high?: number | null;
  wording?: string;
  scope?: string;
  subject?: string;
  item?: string | null;
  date?: string | null;
  time?: string;
  basis?: AsOfBasis;
  claimant?: string | null;
  channel?: string | null;
  article?: string;
  /** The sentence's offset: claims of one sentence share it. */
  at?: number;
  quote?: string;
}

/** A claim as extractClaims makes it, from the parts a test cares about. */
function claim(spec: Spec): Claim {
  const qualifier = spec.qualifier ?? 'exact';
  const open = qualifier === 'at least' || qualifier === 'more than';
  const capped = qualifier === 'nearly' || qualifier === 'up to' || qualifier === 'less than';
  const asOf: AsOf | null =
    spec.date === null || spec.date === undefined
      ? null
      : {
          date: spec.date,
          precision:
            spec.date.length === 10 || (spec.date.length === 7 && spec.date.startsWith('--'))
              ? 'day'
              : spec.date.length === 4
                ? 'year'
                : 'month',
          ...(spec.time ? { time: spec.time } : {}),
        };
  const attribution = spec.claimant ? { claimant: spec.claimant, channel: spec.channel ?? null } : null;
  const wording = spec.wording ?? `${qualifier === 'exact' ? '' : `${qualifier} `}${spec.value}`;
  const quote = spec.quote ?? `Sentence ${spec.id}.`;
  const source: ClaimSource = {
    articleId: spec.article ?? 'a',
    quote,
    start: spec.at ?? 0,
    end: (spec.at ?? 0) + quote.length,
    wording,
    attributedTo: attribution,
    asOf,
    asOfBasis: asOf ? (spec.basis ?? 'sentence') : null,
  };
  return {
    id: spec.id,
    value: spec.value,
    low: spec.low !== undefined ? spec.low : capped ? null : spec.value,
    high: spec.high !== undefined ? spec.high : open ? null : spec.value,
    qualifier,
    wording,
    category: spec.category ?? 'killed',
    item: spec.item ?? null,
    subject: spec.subject ?? 'soldiers',
    scope: spec.scope ?? 'troops',
    asOf,
    attributedTo: attribution,
    attributions: attribution ? [attribution] : [],
    articles: [source.articleId],
    quote,
    sources: [source],
  };
}

function verdicts(claims: Claim[], category: FigureCategory = 'killed'): Verdict[] {
  return compareFigures(claims, category).flatMap((report) => report.verdicts);
}

const kinds = (found: Verdict[]) => found.map((verdict) => `${verdict.kind}: ${verdict.claims.join(' ')}`);

describe("plausibleRange: what a figure's words allow", () => {
  it.each([
    ['exact', { value: 100, low: 100, high: 100, qualifier: 'exact' as Qualifier }, [100, 100]],
    ['at least', { value: 100, low: 100, high: null, qualifier: 'at least' as Qualifier }, [100, 150]],
    ['more than', { value: 200, low: 200, high: null, qualifier: 'more than' as Qualifier }, [200, 300]],
    ['about', { value: 1000, low: 1000, high: 1000, qualifier: 'about' as Qualifier }, [900, 1100]],
    ['nearly', { value: 4000, low: null, high: 4000, qualifier: 'nearly' as Qualifier }, [3400, 4000]],
    ['up to', { value: 12000, low: null, high: 12000, qualifier: 'up to' as Qualifier }, [0, 12000]],
    ['between 1,000 and 1,500', { value: 1250, low: 1000, high: 1500, qualifier: 'exact' as Qualifier }, [1000, 1500]],
    ['several hundred', { value: 300, low: 200, high: 900, qualifier: 'vague' as Qualifier }, [200, 900]],
  ])('GIVEN %s THEN the range is %j', (_name, figure, range) => {
    expect(plausibleRange(figure)).toEqual(range);
  });
});

describe('compatibleScope: may two claims count the same thing?', () => {
  it.each([
    ['troops', 'troops', true],
    ['troops', 'unspecified', true],
    ['troops@north-korean', 'troops', true],
    ['troops@north-korean', 'unspecified@north-korean', true],
    ['troops@north-korean', 'troops@ukrainian', false],
    ['officers@north-korean', 'troops@north-korean', false],
    ['more:troops@north-korean', 'troops@north-korean', false],
    ['part:people', 'people', false],
    ['other:pilot', 'troops', false],
    ['people', 'troops', false],
  ])('GIVEN %s and %s THEN %s', (a, b, expected) => {
    expect(compatibleScope(a, b)).toBe(expected);
    expect(compatibleScope(b, a)).toBe(expected);
  });
});

describe('mergeClaims: the same figure told twice is counted once', () => {
  it('GIVEN six officers told by two outlets THEN one claim with both articles and both sources, the fully dated telling leading', () => {
    const merged = mergeClaims([
      claim({
        id: 'ytn@1',
        value: 6,
        scope: 'officers',
        date: '2024-10-03',
        basis: 'context',
        claimant: 'Kiwu Post',
        article: 'ytn',
      }),
      claim({
        id: 'min@1',
        value: 6,
        scope: 'officers',
        date: '--10-03',
        claimant: 'Defense Minister Kim Yonghyun',
        channel: 'Yonhap',
        article: 'minister',
      }),
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.articles).toEqual(['ytn', 'minister']);
    expect(merged[0]!.attributions.map((a) => a.claimant)).toEqual(['Kiwu Post', 'Defense Minister Kim Yonghyun']);
    // The date and claimant shown are one telling's: the one with a known year, and its own
    // claimant. (Before issue 11 the minister's claimant was shown with a year from the other
    // article: "October 3" dated by YTN's "2024".)
    expect(merged[0]!.attributedTo).toEqual({ claimant: 'Kiwu Post', channel: null });
    expect(merged[0]!.asOf).toEqual({ date: '2024-10-03', precision: 'day' });
    // Each telling keeps its own date.
    expect(merged[0]!.sources.map((source) => source.asOf?.date)).toEqual(['2024-10-03', '--10-03']);
  });

  it('GIVEN "over 100" and "at least 100" in one article THEN one figure; "hundreds" stays apart from "more than 200"', () => {
    const merged = mergeClaims([
      claim({ id: 'a@1', value: 100, qualifier: 'more than', claimant: 'South Korea' }),
      claim({ id: 'a@2', value: 100, qualifier: 'at least', claimant: 'Lee Seong-kweun', channel: 'Reuters' }),
      claim({ id: 'a@3', value: 200, qualifier: 'vague', low: 200, high: 999, wording: 'hundreds' }),
      claim({ id: 'a@4', value: 200, qualifier: 'more than', wording: 'more than 200' }),
    ]);
    expect(merged.map((c) => [c.id, c.sources.length])).toEqual([
      ['a@1', 2],
      ['a@3', 1],
      ['a@4', 1],
    ]);
  });

  it('GIVEN the same number for different people or far apart in time THEN they stay apart', () => {
    const merged = mergeClaims([
      claim({ id: 'a@1', value: 600, scope: 'troops@north-korean', date: '2025-03-10' }),
      claim({ id: 'b@1', value: 600, scope: 'troops@ukrainian', date: '2025-03-10', article: 'b' }),
      claim({ id: 'c@1', value: 600, scope: 'troops@north-korean', date: '2025-04-29', article: 'c' }),
    ]);
    expect(merged.map((c) => c.id)).toEqual(['a@1', 'b@1', 'c@1']);
  });

  it('GIVEN "13" with no one named and "13 people" THEN one claim that says people', () => {
    const merged = mergeClaims([
      claim({ id: 'a@1', value: 13, scope: 'unspecified', subject: 'unspecified' }),
      claim({ id: 'a@2', value: 13, scope: 'people', subject: 'people', at: 50 }),
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ scope: 'people', subject: 'people' });
  });

  it('GIVEN a Norwegian "februar" without a year and a December 2024 article THEN no "Feb 2024": each telling keeps its date, the claim shows one', () => {
    const merged = mergeClaims([
      claim({
        id: 'nb@1',
        value: 11000,
        qualifier: 'about',
        date: '--02',
        claimant: 'Sør-Koreas felles stabssjefer',
        article: 'nb',
      }),
      claim({
        id: 'en@1',
        value: 11000,
        qualifier: 'about',
        date: '2024-12-19',
        basis: 'published',
        claimant: 'the agency',
        article: 'en',
      }),
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]!.sources.map((source) => [source.articleId, source.asOf?.date])).toEqual([
      ['nb', '--02'],
      ['en', '2024-12-19'],
    ]);
    expect([merged[0]!.asOf?.date, merged[0]!.attributedTo?.claimant]).toEqual(['2024-12-19', 'the agency']);
  });

  it('GIVEN a figure with no date in one article and a dated telling in another THEN the claim shows the dated telling with its own claimant', () => {
    const merged = mergeClaims([
      claim({
        id: 'seed@1',
        value: 3000,
        qualifier: 'at least',
        date: null,
        claimant: 'Sør-Koreas militær',
        channel: 'NTB',
        article: 'seed',
      }),
      claim({
        id: 'new@1',
        value: 3000,
        qualifier: 'up to',
        date: '2025-02',
        claimant: 'South Korean lawmakers',
        article: 'new',
      }),
    ]);
    expect(merged).toHaveLength(1);
    expect([merged[0]!.asOf?.date, merged[0]!.attributedTo?.claimant]).toEqual(['2025-02', 'South Korean lawmakers']);
  });

  it('GIVEN a figure first given in one live-blog entry and repeated in a later one THEN it is dated by the first', () => {
    const merged = mergeClaims([
      claim({ id: 'a@9', value: 64, date: '2025-01-20', time: '17:05', basis: 'published', at: 90 }),
      claim({ id: 'a@1', value: 64, date: '2025-01-20', time: '09:20', basis: 'published', at: 10 }),
    ]);
    expect(merged[0]!.asOf).toEqual({ date: '2025-01-20', precision: 'day', time: '09:20' });
  });
});

describe('compareFigures: the verdicts', () => {
  it('GIVEN two figures of the same time whose words cannot both be true THEN disagree', () => {
    const found = verdicts([
      claim({ id: 'seoul', value: 100, date: '2024-12-19', claimant: 'NIS' }),
      claim({ id: 'us', value: 300, qualifier: 'about', date: '2024-12-19', claimant: 'a US official', article: 'b' }),
    ]);
    expect(kinds(found)).toEqual(['disagree: seoul us']);
    expect(found[0]!.explanation).toBe(
      '100 (NIS, 19 Dec 2024) and about 300 (a US official, 19 Dec 2024) are about the same time but do not overlap.',
    );
  });

  it('GIVEN "at least 100" and "several hundred" of the same time THEN far apart: both can be true, the estimates are far apart', () => {
    const found = verdicts([
      claim({ id: 'nis', value: 100, qualifier: 'at least', date: '2024-12-19', claimant: 'NIS' }),
      claim({
        id: 'us',
        value: 300,
        qualifier: 'vague',
        low: 200,
        high: 900,
        wording: 'several hundred',
        date: '2024-12-19',
        claimant: 'a US official',
        article: 'b',
      }),
    ]);
    expect(kinds(found)).toEqual(['far apart: nis us']);
    expect(found[0]!.explanation).toBe(
      'at least 100 (NIS, 19 Dec 2024) and several hundred (a US official, 19 Dec 2024) are about the same time; their words can both be true, but the estimates are far apart (100 vs 200–900).',
    );
  });

  it('GIVEN two figures of the same time whose ranges meet THEN consistent', () => {
    expect(
      kinds(
        verdicts([
          claim({ id: 'x', value: 1000, qualifier: 'about', date: '2025-01-13' }),
          claim({ id: 'y', value: 1050, date: '2025-01-14', article: 'b' }),
        ]),
      ),
    ).toEqual(['consistent: x y']);
  });

  it('GIVEN a higher figure later THEN grew', () => {
    const found = verdicts([
      claim({ id: 'jan', value: 300, qualifier: 'about', date: '2025-01' }),
      claim({ id: 'mar', value: 600, qualifier: 'at least', date: '2025-03-10' }),
    ]);
    expect(kinds(found)).toEqual(['grew: jan mar']);
    expect(found[0]!.explanation).toBe(
      'From about 300 (Jan 2025) to at least 600 (10 Mar 2025): later and higher, as time passed.',
    );
  });

  it('GIVEN "at least 35" and a day later 51 from the same article THEN grew, though 51 is also at least 35', () => {
    expect(
      kinds(
        verdicts([
          claim({ id: 'thu', value: 35, qualifier: 'at least', date: '2025-03-27' }),
          claim({ id: 'fri', value: 51, date: '2025-03-28', at: 80 }),
        ]),
      ),
    ).toEqual(['grew: thu fri']);
  });

  it('GIVEN a lower figure later in a live blog THEN disagree, as a correction', () => {
    const found = verdicts(
      [
        claim({ id: 'early', value: 64, date: '2025-01-20', time: '09:20' }),
        claim({ id: 'late', value: 46, date: '2025-01-20', time: '17:05', at: 40 }),
      ],
      'killed',
    );
    expect(kinds(found)).toEqual(['disagree: early late']);
    expect(found[0]!.explanation).toMatch(
      /^46 \(unattributed, 20 Jan 2025 17:05\) is lower than the earlier 64 \(unattributed, 20 Jan 2025 09:20\): a correction or a real disagreement\.$/,
    );
  });

  it('GIVEN entry stamps of one day THEN they order the figures: 9 at 09:20, 13 at 18:47 grew', () => {
    expect(
      kinds(
        verdicts([
          claim({ id: 'b', value: 13, date: '2025-01-20', time: '18:47' }),
          claim({ id: 'a', value: 9, date: '2025-01-20', time: '09:20', at: 70 }),
        ]),
      ),
    ).toEqual(['grew: a b']);
  });

  it('GIVEN "Earlier on Monday, officials had put the death toll at 16" THEN it is older than the day\'s "at least 21"', () => {
    const found = verdicts([
      claim({
        id: 'lead',
        value: 21,
        qualifier: 'at least',
        date: '2024-09-16',
        quote: 'The death toll rose to at least 21 on Monday, officials said.',
      }),
      claim({
        id: 'earlier',
        value: 16,
        date: '2024-09-16',
        at: 200,
        quote: 'Earlier on Monday, officials had put the death toll at 16.',
      }),
    ]);
    expect(kinds(found)).toEqual(['grew: earlier lead']);
  });

  it('GIVEN one source on two days THEN an update; two sources a day apart THEN the same time', () => {
    expect(
      kinds(
        verdicts([
          claim({ id: 'd1', value: 200, qualifier: 'more than', date: '2025-03-27', claimant: 'agency', article: 'x' }),
          claim({ id: 'd2', value: 312, date: '2025-03-28', claimant: 'agency', article: 'y' }),
        ]),
      ),
    ).toEqual(['grew: d1 d2']);
    expect(
      kinds(
        verdicts([
          claim({
            id: 'seoul',
            value: 300,
            qualifier: 'at least',
            date: '2025-01-13',
            claimant: 'Seoul',
            article: 'x',
          }),
          claim({ id: 'kyiv', value: 1000, qualifier: 'about', date: '2025-01-14', claimant: 'Kyiv', article: 'y' }),
        ]),
      ),
    ).toEqual(['far apart: seoul kyiv']);
  });

  it('GIVEN figures more than a year apart THEN no growth or disagreement is read into them', () => {
    expect(
      verdicts([
        claim({ id: 'quake1999', value: 17000, qualifier: 'more than', date: '1999', scope: 'people' }),
        claim({ id: 'now', value: 35, qualifier: 'at least', date: '2025-03-27', scope: 'people' }),
      ]),
    ).toEqual([]);
  });

  it.each([
    [
      'officers and soldiers',
      { scope: 'officers@north-korean', subject: 'North Korean officers' },
      { scope: 'troops@north-korean', subject: 'North Korean soldiers' },
      'six counts North Korean officers; 400 counts North Korean soldiers: not the same thing.',
    ],
    [
      'two nations',
      { scope: 'troops@ukrainian', subject: 'Ukrainian soldiers' },
      { scope: 'troops@north-korean', subject: 'North Korean soldiers' },
      'six counts Ukrainian soldiers; 400 counts North Korean soldiers: not the same thing.',
    ],
    [
      'an increment and a total',
      { scope: 'more:troops', subject: 'more soldiers' },
      { scope: 'troops', subject: 'soldiers' },
      'six counts more soldiers; 400 counts soldiers: not the same thing.',
    ],
    [
      'a part and the whole',
      { scope: 'part:people', subject: 'av de skadde' },
      { scope: 'people', subject: 'people' },
      'six counts av de skadde; 400 counts people: not the same thing.',
    ],
  ])('GIVEN %s THEN different scope, once, whatever their dates', (_name, a, b, explanation) => {
    const found = verdicts([
      claim({ id: 'a', value: 6, wording: 'six', date: '2024-10-03', ...a }),
      claim({ id: 'b', value: 400, wording: '400', date: '2025-02-26', ...b }),
      claim({ id: 'c', value: 410, wording: '410', date: '2025-02-27', ...b }),
    ]);
    expect(found.filter((verdict) => verdict.kind === 'different scope').map((verdict) => verdict.explanation)).toEqual(
      [explanation],
    );
  });

  it('GIVEN killed and injured given together that add up to a casualty figure of the same time THEN consistent, naming all three', () => {
    const found = compareFigures(
      [
        claim({
          id: 'dead',
          value: 400,
          qualifier: 'about',
          wording: 'Rundt 400',
          date: '--02-26',
          at: 10,
          claimant: 'sørkoreansk etterretning',
        }),
        claim({
          id: 'hurt',
          value: 3600,
          category: 'injured',
          wording: '3600',
          date: '--02-26',
          at: 10,
          claimant: 'sørkoreansk etterretning',
        }),
        claim({
          id: 'total',
          value: 4000,
          category: 'casualties',
          qualifier: 'about',
          wording: 'rundt 4000',
          date: null,
          at: 90,
          claimant: 'Seoul',
        }),
      ],
      'casualties',
    )[0]!.verdicts;
    expect(found).toEqual([
      {
        kind: 'consistent',
        claims: ['dead', 'hurt', 'total'],
        explanation: 'Rundt 400 killed + 3600 injured = 4,000, in line with rundt 4000 killed or injured.',
      },
    ]);
  });

  it("GIVEN one source's dead and another's wounded THEN they add up to nothing anyone said", () => {
    const found = compareFigures(
      [
        claim({ id: 'dead', value: 1000, qualifier: 'about', date: '2025-01-13', at: 10, claimant: 'Kyiv' }),
        claim({
          id: 'hurt',
          value: 2700,
          category: 'injured',
          qualifier: 'about',
          date: '2025-01-13',
          at: 90,
          claimant: 'Seoul',
        }),
        claim({
          id: 'total',
          value: 3800,
          category: 'casualties',
          qualifier: 'about',
          date: '2025-01-14',
          at: 0,
          claimant: 'Kyiv',
        }),
      ],
      'casualties',
    )[0]!.verdicts;
    expect(found).toEqual([]);
  });

  it('GIVEN figures without a full date that differ THEN undated, saying which lacks a year', () => {
    const neither = verdicts([
      claim({ id: 'feb', value: 400, qualifier: 'about', date: '--02-26', article: 'x' }),
      claim({ id: 'dec', value: 200, qualifier: 'more than', date: '--12-18', article: 'y' }),
    ]);
    expect(kinds(neither)).toEqual(['undated: feb dec']);
    // "more than 200" allows about 400: they can both be true, and are far apart.
    expect(neither[0]!.explanation).toMatch(
      /can both be true but are far apart \(400 vs 200\); neither gives a full date, so it cannot be told whether time passed\.$/,
    );
    const exact = verdicts([
      claim({ id: 'feb', value: 400, qualifier: 'about', date: '--02-26', article: 'x' }),
      claim({ id: 'dec', value: 200, date: '--12-18', article: 'y' }),
    ]);
    expect(exact[0]!.explanation).toMatch(
      /neither gives a full date, so it cannot be told whether time passed or they disagree\.$/,
    );
    const one = verdicts([
      claim({ id: 'oct', value: 3, qualifier: 'more than', date: '2024-10-03', article: 'x' }),
      claim({ id: 'feb', value: 3600, date: '--02-26', article: 'y' }),
    ]);
    expect(one[0]!.explanation).toMatch(/; 3600 gives no full date/);
  });

  it('GIVEN weapons THEN one report per item, compared within it', () => {
    const reports = compareFigures(
      [
        claim({
          id: 's1',
          value: 2_000_000,
          category: 'weapons',
          item: 'shells',
          scope: 'shells',
          qualifier: 'vague',
          low: 2_000_000,
          high: 9_999_999,
          date: '2025-01-14',
        }),
        claim({
          id: 'c1',
          value: 2000,
          category: 'weapons',
          item: 'containers',
          scope: 'containers',
          qualifier: 'vague',
          low: 2000,
          high: 9999,
          date: '2025-01-14',
        }),
        claim({
          id: 'c2',
          value: 10000,
          category: 'weapons',
          item: 'containers',
          scope: 'containers',
          qualifier: 'more than',
          date: '2025-01-14',
          article: 'b',
        }),
      ],
      'weapons',
    );
    expect(reports.map((report) => [report.item, report.claims.map((c) => c.id), kinds(report.verdicts)])).toEqual([
      ['shells', ['s1'], []],
      ['containers', ['c1', 'c2'], ['disagree: c1 c2']],
    ]);
  });
});

describe('compareFigures on the fixtures: the verdicts a careful reader expects', () => {
  let fixtures: Map<string, Article>;
  beforeAll(async () => {
    fixtures = await articlesOf(FIXTURE_ARTICLES);
  });

  const expectations = fixtureExpectations();
  const present = expectations.flatMap((expectation) =>
    (expectation.verdicts ?? []).map((verdict) => [expectation.article, verdict] as const),
  );
  const absent = expectations.flatMap((expectation) =>
    (expectation.absentVerdicts ?? []).map((verdict) => [expectation.article, verdict] as const),
  );
  const label = (verdict: ExpectedVerdict) => `${verdict.kind} ${verdict.category} [${verdict.values.join(', ')}]`;

  it.each(present.map(([article, verdict]) => [article, label(verdict), verdict] as const))(
    'GIVEN %s alone THEN %s',
    (article, _label, verdict) => {
      const reports = reportOf([fixtures.get(article)!]);
      expect(
        findVerdict(reports, verdict),
        reports
          .flatMap((report) => report.verdicts.map((v) => `${report.category}: ${v.kind} — ${v.explanation}`))
          .join('\n'),
      ).not.toBeNull();
    },
  );

  it.each(absent.map(([article, verdict]) => [article, label(verdict), verdict] as const))(
    'GIVEN %s alone THEN no %s',
    (article, _label, verdict) => {
      expect(findVerdict(reportOf([fixtures.get(article)!]), verdict)).toBeNull();
    },
  );

  for (const story of storyExpectations()) {
    it.each(story.verdicts.map((verdict) => [story.story, label(verdict), verdict] as const))(
      'GIVEN the story "%s" THEN %s',
      (_story, _label, verdict) => {
        const reports = reportOf(story.articles.map((id) => fixtures.get(id)!));
        expect(
          findVerdict(reports, verdict),
          reports
            .flatMap((report) => report.verdicts.map((v) => `${report.category}: ${v.kind} — ${v.explanation}`))
            .join('\n'),
        ).not.toBeNull();
      },
    );
    it.each((story.absentVerdicts ?? []).map((verdict) => [story.story, label(verdict), verdict] as const))(
      'GIVEN the story "%s" THEN no %s',
      (_story, _label, verdict) => {
        expect(findVerdict(reportOf(story.articles.map((id) => fixtures.get(id)!)), verdict)).toBeNull();
      },
    );
  }
});
