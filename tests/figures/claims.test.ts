/**
 * extractClaims on the seed corpus: every figure a careful reader finds in each article (the table
 * is tests/figures/fixtures/seed.expected.json), the numbers that are no figures, and the report
 * the issue "Figures side by side" asks for. Then one case per general rule of the extractor, on
 * sentences of its own, so a rule that breaks says which.
 */
import type { Claim, FiguresReport } from '../../src/model/claim.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/model/article.js';
import { extractClaims } from '../../src/figures/claims.js';
import { compareFigures, mergeClaims } from '../../src/figures/compare.js';
import { buildPassages } from '../../src/search/passages.js';
import { SEED } from '../helpers.js';
import {
  articlesOf,
  describeClaim,
  describeExpected,
  differences,
  figuresInside,
  figuresOf,
  matchClaims,
  SEED_CORPUS,
  seedExpectations,
  type ExpectedClaim,
  type Matching,
} from './fixtures/expectations.js';

const TABLE = seedExpectations();

let seeds: Map<string, Article>;
const matchings = new Map<string, Matching>();
let report: FiguresReport[];

beforeAll(async () => {
  seeds = await articlesOf(SEED_CORPUS);
  for (const expectation of TABLE)
    matchings.set(
      expectation.article,
      matchClaims(expectation.claims, figuresOf(seeds.get(expectation.article)!).merged),
    );
  report = compareFigures(mergeClaims(extractClaims(buildPassages([...seeds.values()]))));
});

describe('extractClaims: every figure of the seed corpus', () => {
  const cases = TABLE.flatMap((expectation) =>
    expectation.claims.map(
      (claim) => [expectation.article.slice(0, 3), describeExpected(claim), expectation.article, claim] as const,
    ),
  );

  it.each(cases)(
    'GIVEN seed %s THEN %s is read with its range, scope, date and source',
    (_short, _what, article, expected: ExpectedClaim) => {
      const pair = matchings.get(article)!.pairs.find((candidate) => candidate.expected === expected);
      expect(
        pair,
        `not extracted; the article's claims are:\n${figuresOf(seeds.get(article)!).merged.map(describeClaim).join('\n')}`,
      ).toBeDefined();
      expect(differences(expected, pair!.claim)).toEqual([]);
    },
  );

  it.each(TABLE.map((expectation) => [expectation.article.slice(0, 3), expectation.article] as const))(
    'GIVEN seed %s THEN no figure beyond the table is read',
    (_short, article) => {
      expect(matchings.get(article)!.extra.map(describeClaim)).toEqual([]);
    },
  );

  const nonFigures = TABLE.flatMap((expectation) =>
    (expectation.notFigures ?? []).map((text) => [expectation.article.slice(0, 3), text, expectation.article] as const),
  );
  it.each(nonFigures)('GIVEN seed %s THEN "%s" is no figure', (_short, text, article) => {
    const found = seeds.get(article)!;
    expect(found.text.includes(text), `"${text}" is not in ${article}`).toBe(true);
    expect(figuresInside(found, figuresOf(found).raw, text).map(describeClaim)).toEqual([]);
  });

  it('GIVEN any seed claim THEN its quote is the article text at its offsets and its wording stands at its id offset', () => {
    for (const article of seeds.values()) {
      for (const claim of figuresOf(article).raw) {
        const source = claim.sources[0]!;
        expect(article.text.slice(source.start, source.end)).toBe(source.quote);
        const offset = Number(claim.id.slice(claim.id.lastIndexOf('@') + 1));
        expect(article.text.slice(offset, offset + claim.wording.length)).toBe(claim.wording);
      }
    }
  });
});

describe('Done when: the side-by-side report of the seed corpus', () => {
  const of = (category: string) => report.find((entry) => entry.category === category && entry.item === null)!;
  const worded = (category: string, wording: RegExp) => {
    const found = of(category).claims.filter((claim) => claim.sources.some((source) => wording.test(source.wording)));
    expect(found, `${category} ${wording} among ${of(category).claims.map(describeClaim).join('\n')}`).toHaveLength(1);
    return found[0]!;
  };
  const claimants = (claim: Claim) =>
    claim.attributions.map(
      (attribution) => `${attribution.claimant}${attribution.channel ? ` → ${attribution.channel}` : ''}`,
    );

  it('GIVEN the killed THEN six North Korean officers, as of 3 October 2024, told by the YTN and the minister articles', () => {
    const six = worded('killed', /^six$/i);
    expect(six.value).toBe(6);
    expect(six.subject).toBe('North Korean officers');
    expect(six.asOf).toEqual({ date: '2024-10-03', precision: 'day' });
    expect(six.articles).toEqual(expect.arrayContaining([SEED.ytn, SEED.minister]));
  });

  it('GIVEN the killed THEN at least 100, from South Korean intelligence and from Lee Seong-kweun to Reuters', () => {
    const hundred = worded('killed', /^at least 100$/);
    expect(hundred).toMatchObject({ value: 100, low: 100, high: null });
    expect(claimants(hundred)).toEqual(
      expect.arrayContaining([
        'South Korean intelligence',
        'South Korean Member of Parliament, Lee Seong-kweun → Reuters',
      ]),
    );
  });

  it('GIVEN the killed THEN several hundred from a US military official, far apart from at least 100 (both can be true)', () => {
    const several = worded('killed', /^several hundred$/);
    expect(several).toMatchObject({ qualifier: 'vague', low: 200, high: 900 });
    expect(claimants(several)).toEqual(['a US military official']);
    const hundred = worded('killed', /^at least 100$/);
    const verdict = of('killed').verdicts.find(
      (candidate) =>
        candidate.kind === 'far apart' &&
        candidate.claims.includes(hundred.id) &&
        candidate.claims.includes(several.id),
    );
    expect(verdict?.explanation).toMatch(
      /at least 100 .* several hundred .* can both be true, but the estimates are far apart/,
    );
  });

  it('GIVEN the killed THEN more than 200 from Andrii Kovalenko, as of 18 December of an unknown year', () => {
    const kovalenko = worded('killed', /^exceeded 200$/);
    expect(kovalenko).toMatchObject({ value: 200, low: 200, high: null, qualifier: 'more than' });
    expect(kovalenko.attributedTo?.claimant).toMatch(
      /^Andrii Kovalenko, the head of the Center for Countering Disinformation$/,
    );
    expect(kovalenko.asOf).toEqual({ date: '--12-18', precision: 'day' });
  });

  it('GIVEN the killed THEN about 400 as of 26 February with no year: the Norwegian article states none and has no date (the issue expected 2025-02-26; we never invent a year)', () => {
    const four = worded('killed', /^Rundt 400$/);
    expect(four).toMatchObject({ value: 400, qualifier: 'about' });
    expect(four.asOf).toEqual({ date: '--02-26', precision: 'day' });
    expect(seeds.get(SEED.norwegian)!.published).toBeNull();
  });

  it('GIVEN the injured THEN more than 3, about 1,000 and 3,600', () => {
    expect(
      of('injured')
        .claims.map((claim) => [claim.qualifier, claim.value])
        .sort((a, b) => Number(a[1]) - Number(b[1])),
    ).toEqual([
      ['more than', 3],
      ['about', 1000],
      ['exact', 3600],
    ]);
  });

  it('GIVEN the deployed THEN more than 500, several thousand, more than 10,000 and about 11,000 are among them', () => {
    const figures = of('deployed').claims.map((claim) => `${claim.qualifier} ${claim.value}`);
    expect(figures).toEqual(expect.arrayContaining(['more than 500', 'vague 3000', 'more than 10000', 'about 11000']));
    expect(worded('deployed', /^several thousand$/).low).toBe(2000);
  });

  it('GIVEN the reinforcements THEN at least 3,000', () => {
    expect(of('reinforcements').claims.map((claim) => [claim.qualifier, claim.value])).toEqual([['at least', 3000]]);
  });

  it('GIVEN the casualties THEN about 4,000, consistent with 400 killed plus 3,600 injured', () => {
    const [total] = of('casualties').claims;
    expect(total).toMatchObject({ value: 4000, qualifier: 'about' });
    const four = worded('killed', /^Rundt 400$/);
    const injured = of('injured').claims.find((claim) => claim.value === 3600)!;
    const sums = of('casualties').verdicts.filter((verdict) => verdict.kind === 'consistent');
    expect(sums).toHaveLength(1);
    expect(sums[0]!.claims).toEqual([four.id, injured.id, total!.id]);
    expect(sums[0]!.explanation).toBe(
      'Rundt 400 killed + 3600 injured = 4,000, in line with rundt 4000 killed or injured.',
    );
  });
});

// ---------------------------------------------------------------------------------------------
// The general rules, one sentence each (articles of one paragraph, English unless said).

function article(text: string, options: { language?: string; published?: string | null } = {}): Article {
  return {
    id: 'a',
    file: 'a.md',
    text,
    title: 'a',
    publisher: null,
    url: null,
    published: options.published === undefined ? '2025-01-14' : options.published,
    language: options.language ?? 'en',
    provenance: {},
  };
}

function claims(text: string, options?: { language?: string; published?: string | null }): Claim[] {
  return extractClaims(buildPassages([article(text, options)]));
}

type Shape = Partial<
  Pick<
    Claim,
    | 'category'
    | 'item'
    | 'value'
    | 'scope'
    | 'subject'
    | 'rate'
    | 'projection'
    | 'combined'
    | 'incident'
    | 'alternative'
  >
> & {
  asOf?: string | null;
  claimant?: string | null;
};

function shape(claim: Claim, wanted: Shape): Shape {
  const out: Shape = {};
  for (const key of Object.keys(wanted) as (keyof Shape)[]) {
    if (key === 'asOf')
      out.asOf = claim.asOf ? `${claim.asOf.date}${claim.asOf.time ? `T${claim.asOf.time}` : ''}` : null;
    else if (key === 'claimant') out.claimant = claim.attributedTo?.claimant ?? null;
    else (out as Record<string, unknown>)[key] = claim[key];
  }
  return out;
}

const RULES: [
  rule: string,
  text: string,
  options: { language?: string; published?: string | null },
  expected: Shape[],
][] = [
  [
    '"killed or wounded" is one casualty figure',
    'Ukrainian forces have killed or wounded about 3,800 North Korean soldiers.',
    {},
    [{ category: 'casualties', value: 3800, scope: 'troops@north-korean' }],
  ],
  [
    '"wounded or killed", the other order, too',
    'Some 40 people were wounded or killed in the blast.',
    {},
    [{ category: 'casualties', value: 40, scope: 'people' }],
  ],
  [
    '"drept eller skadet" in Norwegian',
    'Rundt 4000 soldater er drept eller skadet.',
    { language: 'nb' },
    [{ category: 'casualties', value: 4000 }],
  ],
  [
    'the verb right before a number names it, not an event after "and"',
    'Nine people were killed and 64 injured in the strike.',
    {},
    [
      { category: 'killed', value: 9, scope: 'people' },
      { category: 'injured', value: 64, scope: 'people' },
    ],
  ],
  [
    "an event of another clause is not the number's",
    'Kyiv puts North Korean casualties at nearly 4,000, roughly a third of the force Pyongyang has sent.',
    {},
    [{ category: 'casualties', value: 4000 }],
  ],
  [
    "an event before an earlier count is that count's",
    'Its forces killed up to 420 servicemen and destroyed 14 armoured vehicles.',
    {},
    [{ category: 'killed', value: 420 }],
  ],
  [
    'a subset after "including" keeps the event before it',
    'The attack killed 20 people, including six officers.',
    {},
    [
      { category: 'killed', value: 20, scope: 'people' },
      { category: 'killed', value: 6, scope: 'officers' },
    ],
  ],
  [
    "a participle right after the comma is the count's event",
    'Kyiv holds a handful of prisoners; two of them, captured in January, were shown on video.',
    {},
    [
      { category: 'captured', value: 4 },
      { category: 'captured', value: 2, asOf: '2025-01' },
    ],
  ],
  [
    'a noun that is no one the story counts needs its event next to it',
    'North Korea sent troops to Russia in October, weeks after the two countries signed a pact.',
    {},
    [],
  ],
  [
    '"50 of the drones" is a part of a count, not a count',
    'Russia launched 72 drones overnight. Air defences shot down 50 of the drones.',
    {},
    [{ category: 'weapons', item: 'drones', value: 72 }],
  ],
  [
    '"68 av dronene" in Norwegian',
    'Russland angrep med 112 droner i natt. 68 av dronene ble skutt ned.',
    { language: 'nb' },
    [{ category: 'weapons', item: 'drones', value: 112 }],
  ],
  [
    'the head of "artillery shells" is shells',
    'Pyongyang has shipped millions of artillery shells.',
    {},
    [{ category: 'weapons', item: 'shells', value: 2_000_000 }],
  ],
  [
    'the head of "containers of weaponry" is containers',
    'North Korea has shipped thousands of containers of weaponry.',
    {},
    [{ category: 'weapons', item: 'containers', value: 2000 }],
  ],
  [
    '"10 to 15 and shoot down drones": "and" does not open a noun phrase',
    'They now move in smaller groups of 10 to 15 and shoot down drones with shotguns.',
    {},
    [],
  ],
  [
    'a nation stated with the counted is part of the scope',
    'Its forces had killed up to 420 Ukrainian servicemen.',
    {},
    [{ category: 'killed', value: 420, scope: 'troops@ukrainian', subject: 'Ukrainian soldiers' }],
  ],
  [
    "a demonym alone counts that nation's people",
    'Ukrainske myndigheter hevder at over 2000 nordkoreanere er drept.',
    { language: 'nb' },
    [{ category: 'killed', value: 2000, scope: 'unspecified@north-korean', subject: 'North Koreans' }],
  ],
  [
    "the nation a sentence opens with is the sender's",
    'Nord-Korea kan sende opptil 6000 nye soldater til Russland.',
    { language: 'nb' },
    [{ category: 'reinforcements', value: 6000, scope: 'projection:troops@north-korean' }],
  ],
  [
    '"two more … captured" is an increment',
    'Ukraine says two more North Korean soldiers captured in Kursk.',
    {},
    [{ category: 'captured', value: 2, scope: 'more:troops@north-korean' }],
  ],
  [
    '"N more" after a count of another kind is no increment',
    'At least 100 soldiers have died and around 1,000 more were injured.',
    {},
    [
      { category: 'killed', value: 100 },
      { category: 'injured', value: 1000, scope: 'troops' },
    ],
  ],
  [
    'counts after a colon break down the count before it',
    'Nord-Korea har totalt sendt anslagsvis 14.000 soldater: rundt 11.000 i fjor høst og om lag 3000 nye i januar.',
    { language: 'nb', published: '2025-04-29' },
    [
      { category: 'deployed', value: 14000, asOf: '2025-04-29' },
      { category: 'deployed', value: 11000, asOf: '2024' },
      { category: 'reinforcements', value: 3000, asOf: '2025-01' },
    ],
  ],
  [
    '"the figure" is the previous sentence\'s event',
    'Estimates of the number killed vary. Western officials put the figure at between 1,000 and 1,500.',
    {},
    [{ category: 'killed', value: 1250, claimant: 'Western officials' }],
  ],
  [
    '"the total" is the count before it in the sentence',
    'About 11,000 troops were sent, but the total could reach up to 12,000.',
    {},
    [
      { category: 'deployed', value: 11000 },
      { category: 'deployed', value: 12000 },
    ],
  ],
  [
    'a death toll of no one named counts people',
    'The death toll from the floods rose to at least 21 on Monday.',
    { published: '2024-09-16' },
    [{ category: 'killed', value: 21, scope: 'people', asOf: '2024-09-16' }],
  ],
  [
    '"mistet livet" is a death',
    'Over 17.000 mennesker mistet livet.',
    { language: 'nb' },
    [{ category: 'killed', value: 17000, scope: 'people' }],
  ],
  [
    '"lost" before a count of troops is a loss of lives',
    'Russia has lost 980,000 troops, a figure that counts both the dead and the wounded.',
    {},
    [{ category: 'casualties', value: 980000, scope: 'troops@russian' }],
  ],
  [
    'only people are injured: damaged buildings are no figure',
    'Rundt 1200 bygninger er ødelagt eller alvorlig skadet.',
    { language: 'nb' },
    [],
  ],
  [
    '"of the injured" makes a part of the injured',
    'Over 300 personer er skadet. Nærmere 40 av de skadde er i kritisk tilstand.',
    { language: 'nb' },
    [
      { category: 'injured', value: 300, scope: 'people' },
      { category: 'injured', value: 40, scope: 'part:unspecified' },
    ],
  ],
  [
    'prisoners of war are soldiers',
    'Russia holds more than 8,000 Ukrainian prisoners of war.',
    {},
    [{ category: 'captured', value: 8000, scope: 'troops@ukrainian' }],
  ],
  [
    'a since-date starts the period, it does not date the figure',
    'Ukraine has killed or wounded 3,800 North Koreans since they entered combat in December.',
    {},
    [{ category: 'casualties', value: 3800, asOf: '2025-01-14' }],
  ],
  [
    '…unless the figure is in a when-clause of that date',
    'Dødstallet har doblet seg siden januar, da NIS anslo at rundt 300 soldater var drept.',
    { language: 'nb', published: '2025-03-14' },
    [{ category: 'killed', value: 300, asOf: '2025-01' }],
  ],
  [
    'a date across "but" is another clause\'s',
    'About 11,000 troops were sent, but the defence chief said last month that 2,000 more troops would follow.',
    {},
    [
      { category: 'deployed', value: 11000, asOf: '2025-01-14' },
      { category: 'reinforcements', value: 2000, asOf: '2024-12' },
    ],
  ],
  [
    'a past-tense sentence carries the date of the sentence before',
    'On the 3rd, forces attacked the area. The attack killed 20 people.',
    { published: '2024-10-05' },
    [{ category: 'killed', value: 20, asOf: '2024-10-03' }],
  ],
  [
    'a present-tense sentence is of the time of writing',
    'North Korea began sending troops in October. Pyongyang has also shipped millions of artillery shells.',
    {},
    [{ category: 'weapons', value: 2_000_000, asOf: '2025-01-14' }],
  ],
  [
    'a weekday resolves against the publication date ("Monday\'s briefing", published on a Tuesday)',
    "Roughly 1,000 of them were killed, spokesman Oleh Marchenko told reporters at Monday's briefing.",
    {},
    [{ category: 'killed', value: 1000, asOf: '2025-01-13', claimant: 'spokesman Oleh Marchenko' }],
  ],
  [
    '"It told…" with no earlier source is the previous sentence\'s subject',
    "South Korea's National Intelligence Service gave a lower count. It told lawmakers that at least 300 soldiers had died.",
    {},
    [{ category: 'killed', value: 300, claimant: "South Korea's National Intelligence Service" }],
  ],
  [
    "an unattributed figure takes its paragraph's source",
    'Dødstallet har steget til 14, opplyser ordfører Oleksij Hrytsenko. Minst 32 personer er skadet.',
    { language: 'nb' },
    [
      { category: 'killed', value: 14, claimant: 'ordfører Oleksij Hrytsenko' },
      { category: 'injured', value: 32, claimant: 'ordfører Oleksij Hrytsenko' },
    ],
  ],
  [
    '…but not across paragraphs',
    'Dødstallet har steget til 14, opplyser ordføreren.\n\nMinst 32 personer er skadet.',
    { language: 'nb' },
    [
      { category: 'killed', value: 14, claimant: 'ordføreren' },
      { category: 'injured', value: 32, claimant: null },
    ],
  ],
  [
    "a source after a contrast is not the figure's",
    'Ukraina har vist fram to nordkoreanske soldater som ble tatt til fange, men sørkoreanske kilder mener at flere kan ha blitt tatt.',
    { language: 'nb' },
    [{ category: 'captured', value: 2, claimant: null }],
  ],
];

describe('extractClaims: the general rules', () => {
  it.each(RULES)('%s', (_rule, text, options, expected) => {
    const found = claims(text, options);
    expect(
      found.map((claim, i) => shape(claim, expected[i] ?? { category: claim.category, value: claim.value })),
    ).toEqual(expected);
  });

  it("GIVEN live-blog entry stamps THEN each entry's figures carry their time, and a new entry carries nothing over", () => {
    const found = claims(
      '18:47 GMT\nThe death toll has risen to 13, Governor Ivan Petrenko said.\n\n09:20 GMT\nNine people were killed.',
      { published: '2025-01-20T19:05:00Z' },
    );
    expect(found.map((claim) => [claim.value, claim.asOf, claim.attributedTo?.claimant ?? null])).toEqual([
      [13, { date: '2025-01-20', precision: 'day', time: '18:47' }, 'Governor Ivan Petrenko'],
      [9, { date: '2025-01-20', precision: 'day', time: '09:20' }, null],
    ]);
  });

  it('GIVEN an article with no date THEN a day without a year keeps its unknown year and a weekday is no date', () => {
    const found = claims('Rundt 400 soldater ble drept per 26. februar, rapporterte militæret torsdag.', {
      language: 'nb',
      published: null,
    });
    expect(found.map((claim) => claim.asOf)).toEqual([{ date: '--02-26', precision: 'day' }]);
    expect(
      claims('Minst 3000 soldater er sendt, rapporterte militæret torsdag.', { language: 'nb', published: null }).map(
        (claim) => claim.asOf,
      ),
    ).toEqual([null]);
  });
});

/**
 * Figures filed right (issue 11): each rule named by its pattern, in English and Norwegian. The
 * sentences are written for these tests; the fixtures in tests/languages/fixtures measure the rules
 * on whole articles.
 */
const FILED_RIGHT: typeof RULES = [
  [
    'the verb that applies to the number names the category, not a relative clause on its noun',
    'About 1,300 of the soldiers Pyongyang dispatched have died, the agency said.',
    {},
    [{ category: 'killed', value: 1300, scope: 'troops@north-korean' }],
  ],
  [
    '…past the comma that ends the relative clause (nb)',
    'Rundt 1300 av soldatene Pyongyang sendte, har dødd.',
    { language: 'nb' },
    [{ category: 'killed', value: 1300 }],
  ],
  [
    'a toll defined by a relative as counting the dead and the wounded is casualties',
    'Kyiv gives a toll of 2,500 that counts the dead, wounded and missing.',
    {},
    [{ category: 'casualties', value: 2500 }],
  ],
  [
    '…in Norwegian',
    'Ukraina oppgir et tapstall på 2500 som omfatter døde, sårede og savnede.',
    { language: 'nb' },
    [{ category: 'casualties', value: 2500 }],
  ],
  [
    '"lost N soldiers" is casualties',
    'North Korea has lost 600 troops in Kursk.',
    {},
    [{ category: 'casualties', value: 600, scope: 'troops@north-korean' }],
  ],
  [
    '"N troops were lost" is casualties',
    'About 600 North Korean troops were lost in the fighting.',
    {},
    [{ category: 'casualties', value: 600, scope: 'troops@north-korean' }],
  ],
  [
    '…unless the text says killed',
    'Russia lost 400 soldiers killed in the assault on Sudzha.',
    {},
    [{ category: 'killed', value: 400, scope: 'troops@russian' }],
  ],
  [
    '"ble tapt" is casualties (nb)',
    'Rundt 600 nordkoreanske soldater ble tapt i kampene.',
    { language: 'nb' },
    [{ category: 'casualties', value: 600, scope: 'troops@north-korean' }],
  ],
  [
    'drones lost to jamming are no casualties',
    'Air defences shot down 50 of the drones, while 18 others were lost to electronic jamming.',
    {},
    [],
  ],
  [
    '"an additional", "a further", "another" before the count are reinforcements',
    'Pyongyang sent an additional 3,000 troops in January. A further 2,000 soldiers followed. Another 1,000 soldiers arrived in March.',
    {},
    [
      { category: 'reinforcements', value: 3000 },
      { category: 'reinforcements', value: 2000 },
      { category: 'reinforcements', value: 1000 },
    ],
  ],
  [
    'a new wave, a second rotation are reinforcements',
    'A new wave of 4,000 troops arrived in February. A second rotation of 5,000 soldiers was deployed in April.',
    {},
    [
      { category: 'reinforcements', value: 4000 },
      { category: 'reinforcements', value: 5000 },
    ],
  ],
  [
    'troops sent to replace or to bolster are reinforcements',
    'North Korea sent 1,500 troops to replace the fallen. Pyongyang dispatched 2,000 soldiers to bolster the front.',
    {},
    [
      { category: 'reinforcements', value: 1500 },
      { category: 'reinforcements', value: 2000 },
    ],
  ],
  [
    '…but firefighters sent to reinforce flood barriers are deployed',
    'About 1,200 firefighters have been deployed to reinforce flood barriers.',
    {},
    [{ category: 'deployed', value: 1200 }],
  ],
  [
    'reinforcements in Norwegian: "ytterligere", "en ny bølge på", "for å erstatte"',
    'Nord-Korea sendte ytterligere 3000 soldater i januar. En ny bølge på 4000 soldater kom i februar. Nord-Korea sendte 1500 soldater for å erstatte de falne.',
    { language: 'nb' },
    [
      { category: 'reinforcements', value: 3000 },
      { category: 'reinforcements', value: 4000 },
      { category: 'reinforcements', value: 1500 },
    ],
  ],
  [
    'the victims of an active verb are not its agents',
    'North Korean soldiers shot four of their Russian comrades.',
    {},
    [{ category: 'killed', value: 4, scope: 'troops@russian', subject: 'Russian soldiers' }],
  ],
  [
    "…and the agent's nation is not given to victims of none",
    'North Korean troops killed 12 soldiers near Sudzha.',
    {},
    [{ category: 'killed', value: 12, scope: 'troops' }],
  ],
  [
    '…in Norwegian',
    'Nordkoreanske soldater skjøt fire av sine russiske kamerater.',
    { language: 'nb' },
    [{ category: 'killed', value: 4, scope: 'troops@russian' }],
  ],
  [
    'a rate carries its period and a scope of its own',
    'North Korean units are suffering roughly 70 casualties a day. The enemy loses about 1,200 soldiers per day.',
    {},
    [
      { category: 'casualties', value: 70, rate: 'day', scope: 'per-day:unspecified' },
      { category: 'casualties', value: 1200, rate: 'day', scope: 'per-day:troops' },
    ],
  ],
  [
    '"killed 20 people in a day" is no rate',
    'The shelling killed 20 people in a day.',
    {},
    [{ category: 'killed', value: 20, rate: undefined }],
  ],
  [
    'a rate in Norwegian',
    'Nordkoreanske styrker har rundt 70 tap om dagen.',
    { language: 'nb' },
    [{ category: 'killed', value: 70, rate: 'day' }],
  ],
  [
    'wounded evacuated are a part, not the total of the wounded',
    'About 800 wounded were evacuated to Pyongyang.',
    {},
    [{ category: 'injured', value: 800, scope: 'transferred:unspecified' }],
  ],
  [
    '…in Norwegian',
    'Rundt 800 sårede ble evakuert til Pyongyang.',
    { language: 'nb' },
    [{ category: 'injured', value: 800, scope: 'transferred:unspecified' }],
  ],
  [
    'construction workers have a scope of their own',
    'North Korea has also sent 6,000 construction workers to Kursk.',
    {},
    [{ category: 'deployed', value: 6000, subject: 'construction workers' }],
  ],
  [
    'a forecast is a projection',
    'North Korea could lose up to 9,000 soldiers by spring, analysts warn.',
    {},
    [{ category: 'casualties', value: 9000, projection: true, scope: 'projection:troops@north-korean' }],
  ],
  [
    '…not a modal of another verb, nor "could have"',
    'Several thousand North Korean soldiers are training in Russia and could be deployed soon. Losses could have exceeded 200 troops.',
    {},
    [
      { category: 'deployed', value: 3000, projection: undefined },
      { category: 'killed', value: 200, projection: undefined },
    ],
  ],
  [
    'a forecast in Norwegian',
    'Nord-Korea kan miste opptil 9000 soldater innen våren, mener analytikere.',
    { language: 'nb' },
    [{ category: 'casualties', value: 9000, projection: true }],
  ],
  [
    'nations joined before the event are combined',
    'Russian and North Korean losses of 350 were reported.',
    {},
    [{ category: 'killed', value: 350, combined: true, scope: 'unspecified@north-korean+russian' }],
  ],
  [
    '…in Norwegian',
    'Russiske og nordkoreanske tap på 350 ble rapportert.',
    { language: 'nb' },
    [{ category: 'killed', value: 350, combined: true }],
  ],
  [
    'one incident, and cumulative tolls',
    'The strike killed 20 people in Sumy. So far, 4,000 North Korean soldiers have been killed. Since October, about 1,000 have died.',
    {},
    [
      { category: 'killed', value: 20, incident: true },
      { category: 'killed', value: 4000, incident: false },
      { category: 'killed', value: 1000, incident: false },
    ],
  ],
  [
    '"has since put" opens no period',
    'An earlier version said 64 people were injured in the strike. The administration has since put the number of injured at 46.',
    {},
    [
      { category: 'injured', value: 64, incident: true },
      { category: 'injured', value: 46, incident: undefined },
    ],
  ],
  [
    'incidents and tolls in Norwegian',
    'Angrepet drepte 20 mennesker. Så langt er 4000 nordkoreanske soldater drept.',
    { language: 'nb' },
    [
      { category: 'killed', value: 20, incident: true },
      { category: 'killed', value: 4000, incident: false },
    ],
  ],
  [
    'who loses is whose the lost are',
    'Analysts estimate that North Korea could lose up to 9,000 soldiers by the end of the year.',
    {},
    [{ category: 'casualties', value: 9000, scope: 'projection:troops@north-korean' }],
  ],
  [
    'an average between the loss verb and its count (nb)',
    'Russland har mistet i snitt 1200 soldater hver dag.',
    { language: 'nb' },
    [{ category: 'casualties', value: 1200, rate: 'day', scope: 'per-day:troops@russian' }],
  ],
  [
    'the speaker before the verb is not who was counted',
    "The mayor's office has since confirmed 11 dead.",
    {},
    [{ category: 'killed', value: 11, scope: 'unspecified' }],
  ],
  [
    "the event noun's nations, not a subject of another nation elsewhere",
    "Russian and North Korean losses of 350 were reported by Ukraine's general staff.",
    {},
    [{ category: 'killed', value: 350, scope: 'unspecified@north-korean+russian' }],
  ],
  [
    'an increment word between the verb and its count (nb)',
    'Nord-Korea vil sende ytterligere 2000 til 3000 soldater for å erstatte dem som har falt.',
    { language: 'nb' },
    [{ category: 'reinforcements', value: 2500 }],
  ],
  [
    'people held or exchanged are captured',
    'Kyiv has said it holds about 6,000 Russian servicemen. Kyiv says about 8,000 Ukrainians are held in Russia. The remaining 610 would be exchanged on Sunday.',
    {},
    [
      { category: 'captured', value: 6000, scope: 'troops@russian' },
      { category: 'captured', value: 8000, scope: 'unspecified@ukrainian' },
      { category: 'captured', value: 610 },
    ],
  ],
  ['…but meetings held are no figure', 'The two sides have held 20 meetings since March.', {}, []],
  [
    'people held in Norwegian',
    'Ukraina holder rundt 6000 russiske soldater.',
    { language: 'nb' },
    [{ category: 'captured', value: 6000, scope: 'troops@russian' }],
  ],
  [
    'a count joined to the one before it shares its event',
    'Pyongyang had sent 11,000 to 12,000 soldiers in total, alongside roughly 1,000 labourers.',
    {},
    [
      { category: 'deployed', value: 11500 },
      { category: 'deployed', value: 1000, subject: 'labourers' },
    ],
  ],
  [
    '…not a count clauses later',
    'The toll rose to at least 21 on Monday, officials said, as rivers kept rising and thousands of people were told to leave.',
    {},
    [{ category: 'killed', value: 21 }],
  ],
  [
    'a deadline after the article date dates its forecast only, not the next sentence',
    'North Korea is expected to send a further 5,000 troops by April. The ministry estimated that Pyongyang had sent 11,000 soldiers.',
    { published: '2025-03-02' },
    [
      { category: 'reinforcements', value: 5000 },
      { category: 'deployed', value: 11000, asOf: '2025-03-02' },
    ],
  ],
  [
    'a correction\'s "the correct figure" is of the withdrawn figure\'s date',
    'An earlier version said the team treated 1,400 wounded soldiers in January. The correct figure is about 1,100.',
    { published: '2025-03-02' },
    [
      { category: 'injured', value: 1400, asOf: '2025-01' },
      { category: 'injured', value: 1100, asOf: '2025-01' },
    ],
  ],
  [
    'a total between the loss verb and its count; nations a sentence opens with, combined',
    'Russiske og nordkoreanske styrker mister til sammen rundt 1000 soldater hver dag.',
    { language: 'nb' },
    [
      {
        category: 'casualties',
        value: 1000,
        rate: 'day',
        combined: true,
        scope: 'per-day:troops@north-korean+russian',
      },
    ],
  ],
  [
    '"a total of" between the loss verb and its count',
    'Russia lost a total of 300 soldiers in the battle.',
    {},
    [{ category: 'casualties', value: 300, scope: 'troops@russian' }],
  ],
  [
    "an event noun's nation within its clause, not the headline's speaker",
    'Ukraina: Nordkoreanske tap passerer 5000',
    { language: 'nb' },
    [{ category: 'killed', value: 5000, scope: 'unspecified@north-korean' }],
  ],
  [
    'alternatives in one sentence are flagged',
    'Pyongyang has shipped 1 million shells, or perhaps 2 million, to Russia.',
    {},
    [
      { category: 'weapons', value: 1000000, alternative: true },
      { category: 'weapons', value: 2000000, alternative: true },
    ],
  ],
  [
    '…or one claim with a range',
    'Pyongyang has shipped 1 million or 2 million rounds.',
    {},
    [{ category: 'weapons', value: 1500000 }],
  ],
];

describe('extractClaims: figures filed right', () => {
  it.each(FILED_RIGHT)('%s', (_rule, text, options, expected) => {
    const found = claims(text, options);
    expect(
      found.map((claim, i) => shape(claim, expected[i] ?? { category: claim.category, value: claim.value })),
    ).toEqual(expected);
  });

  it('GIVEN "approximately 11,000" and "11,000" WHEN merged THEN each telling keeps its qualifier and the claim shows the span', () => {
    const merged = mergeClaims(
      claims('North Korea has sent approximately 11,000 troops. Officials say 11,000 troops are in Kursk.'),
    );
    expect(merged).toHaveLength(1);
    expect(merged[0]!.sources.map((source) => [source.wording, source.qualifier])).toEqual([
      ['approximately 11,000', 'about'],
      ['11,000', 'exact'],
    ]);
    expect(merged[0]!.span).toEqual({ low: 9900, high: 12100 });
    const lead = merged[0]!.sources.find((source) => source.wording === merged[0]!.wording)!;
    expect(merged[0]!.qualifier).toBe(lead.qualifier);
  });
});

describe('compareFigures: rates, forecasts, incidents and alternatives stay apart from totals', () => {
  const verdictsOf = (text: string, category: string) =>
    compareFigures(mergeClaims(claims(text, { published: '2025-03-10' })), category).flatMap((report) =>
      report.verdicts.map((verdict) => verdict.kind),
    );

  it('GIVEN a rate and a total THEN they are different scopes, never a disagreement', () => {
    expect(
      verdictsOf('North Korean units suffer roughly 70 casualties a day. About 4,000 casualties so far.', 'casualties'),
    ).toEqual(['different scope']);
  });

  it('GIVEN a forecast and a total THEN they are not compared as one count', () => {
    expect(
      verdictsOf('North Korea has lost 4,000 troops. It could lose up to 9,000 troops by spring.', 'casualties'),
    ).toEqual(['different scope']);
  });

  it('GIVEN one incident and a cumulative toll THEN no disagreement', () => {
    expect(
      verdictsOf('The strike killed 20 people on Monday. So far, 300 people have been killed in the region.', 'killed'),
    ).toEqual(['different scope']);
  });

  it('GIVEN two alternatives in one sentence THEN no verdict between them', () => {
    expect(verdictsOf('Pyongyang has shipped 1 million shells, or perhaps 2 million, to Russia.', 'weapons')).toEqual(
      [],
    );
  });
});
