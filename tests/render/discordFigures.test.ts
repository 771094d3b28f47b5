import fc from 'fast-check';
import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { Answer, ArticleRef, Claim, FiguresReport, Verdict, VerdictKind } from '../../src/engine/types.js';
import { buttonIds } from '../../commands/components/index.js';
import { figureTopics as topics } from '../../commands/figures.js';
import { summarize } from '../../src/engine/summary.js';
import { renderAnswerForDiscord } from '../../src/render/discord.js';
import { figuresEmbeds, renderFiguresForDiscord } from '../../src/render/discordFigures.js';
import { embedLength, type DiscordReply } from '../../src/render/discordMessage.js';
import { expectEmbedWithin, LIMITS } from './discordLimits.js';
import { text, unescapedMentions } from './hostileText.js';

// Discord's limits, written out here rather than imported: the test must not share a mistake with the code.

const longText = fc.oneof(
  { weight: 4, arbitrary: text(12) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '*'.repeat(10_000),
      '<@1>'.repeat(2500),
      '@everyone '.repeat(1000),
      'word '.repeat(2000),
      '👍🏽'.repeat(2500),
      `${'x'.repeat(9_990)}\n@here`,
    ),
  },
);
const articleId = fc.oneof(
  fc.stringMatching(/^\d{3}_[0-9a-f]{16}$/),
  text(3).filter((s) => s.length > 0),
  fc.constant('<@1>/@everyone'),
);
const kinds: VerdictKind[] = ['disagree', 'far apart', 'grew', 'different scope', 'consistent', 'undated'];
const categories = ['killed', 'injured', 'casualties', 'deployed', 'reinforcements', 'captured', 'weapons'] as const;

function claimArb(id: string, category: Claim['category'], item: string | null): fc.Arbitrary<Claim> {
  return fc
    .record({
      value: fc.integer({ min: 0, max: 10_000_000 }),
      spread: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
      qualifier: fc.constantFrom(
        'exact',
        'at least',
        'more than',
        'about',
        'nearly',
        'up to',
        'less than',
        'vague' as const,
      ),
      wording: fc.oneof(text(4), longText),
      subject: fc.oneof(fc.constant('unspecified'), text(4), longText),
      asOf: fc.option(
        fc.record({
          date: fc.constantFrom('2024-10-03', '2024-10', '2024', '--02-26', '--12', 'garbage <@1>'),
          precision: fc.constantFrom('day', 'month', 'year' as const),
        }),
        { nil: null },
      ),
      attributedTo: fc.option(
        fc.record({ claimant: fc.oneof(text(4), longText), channel: fc.option(text(3), { nil: null }) }),
        { nil: null },
      ),
      others: fc.array(fc.record({ claimant: text(3), channel: fc.constant(null) }), { maxLength: 3 }),
      articles: fc.uniqueArray(articleId, { minLength: 1, maxLength: 6 }),
      quote: longText,
    })
    .map(({ value, spread, qualifier, wording, subject, asOf, attributedTo, others, articles, quote }) => ({
      id,
      value,
      low: value,
      high: spread === null ? null : value + spread,
      qualifier,
      wording,
      category,
      item,
      subject,
      scope: 'unspecified',
      asOf,
      attributedTo,
      attributions: attributedTo ? [attributedTo, ...others] : others,
      articles,
      quote,
      sources: [],
    }));
}

/** A report: up to `maxClaims` claims (hundreds, sometimes), and verdicts naming them with hostile explanations. */
function reportArb(index: number, maxClaims: number): fc.Arbitrary<FiguresReport> {
  return fc
    .record({
      category: fc.constantFrom(...categories),
      item: fc.oneof(fc.constantFrom('shells', 'missiles', 'drones'), text(2)),
      count: fc.oneof(
        { weight: 3, arbitrary: fc.integer({ min: 0, max: 12 }) },
        { weight: 1, arbitrary: fc.integer({ min: 13, max: maxClaims }) },
      ),
    })
    .chain(({ category, item, count }) =>
      fc
        .tuple(
          ...Array.from({ length: count }, (_, i) =>
            claimArb(`r${index}c${i}`, category, category === 'weapons' ? item : null),
          ),
        )
        .chain((claims) =>
          fc
            .array(
              fc.record({
                kind: fc.constantFrom(...kinds),
                claims: fc.array(
                  fc.oneof(
                    fc.constantFrom(...(claims.length > 0 ? claims.map((claim) => claim.id) : ['none'])),
                    fc.constant('elsewhere'),
                  ),
                  { minLength: 1, maxLength: 3 },
                ),
                explanation: fc.oneof(text(6), longText),
              }),
              { maxLength: Math.min(60, claims.length * 3) },
            )
            .map(
              (verdicts): FiguresReport => ({
                category,
                item: category === 'weapons' ? item : null,
                claims,
                verdicts: verdicts as Verdict[],
              }),
            ),
        ),
    );
}

const reportsArb = (maxReports: number, maxClaims: number) =>
  fc
    .integer({ min: 0, max: maxReports })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => reportArb(i, maxClaims))));

const articleLookup = fc.option(
  fc.array(
    fc.record({
      publisher: fc.option(fc.oneof(text(3), longText), { nil: null }),
      title: fc.oneof(text(3), longText),
      published: fc.option(fc.constant('2024-10-05'), { nil: null }),
    }),
    {
      minLength: 1,
      maxLength: 4,
    },
  ),
  { nil: undefined },
);

function lookupFrom(refs: { publisher: string | null; title: string; published: string | null }[] | undefined) {
  if (!refs) return undefined;
  return (id: string): ArticleRef => ({ id, url: null, language: null, ...refs[id.length % refs.length]! });
}

function expectEmbedsWithin(embeds: APIEmbed[], budget = LIMITS.total): void {
  expect(embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
  for (const embed of embeds) {
    expectEmbedWithin(embed);
    for (const shown of [
      embed.title ?? '',
      embed.description ?? '',
      embed.footer?.text ?? '',
      ...(embed.fields ?? []).flatMap((f) => [f.name, f.value]),
    ]) {
      expect(unescapedMentions(shown), shown.slice(0, 200)).toEqual([]);
      expect(shown).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
  }
  expect(embeds.reduce((sum, embed) => sum + embedLength(embed), 0)).toBeLessThanOrEqual(budget);
}

function expectReplyWithin(reply: DiscordReply): void {
  expect(reply.allowedMentions).toEqual({ parse: [] });
  if (reply.content !== undefined) {
    expect(reply.content.length).toBeLessThanOrEqual(LIMITS.content);
    expect(unescapedMentions(reply.content)).toEqual([]);
  }
  expectEmbedsWithin(reply.embeds);
  expect(reply.components.length).toBeLessThanOrEqual(5);
  const ids = new Set<string>();
  for (const row of reply.components) {
    expect(row.components.length).toBeGreaterThan(0);
    expect(row.components.length).toBeLessThanOrEqual(5);
    for (const button of row.components) {
      if ('custom_id' in button) {
        expect(button.custom_id.length).toBeGreaterThan(0);
        expect(button.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
        expect(ids.has(button.custom_id)).toBe(false);
        ids.add(button.custom_id);
      }
      if ('label' in button) {
        expect(button.label?.length ?? 0).toBeGreaterThan(0);
        expect(button.label?.length ?? 0).toBeLessThanOrEqual(LIMITS.label);
        expect(unescapedMentions(button.label ?? '')).toEqual([]);
      }
    }
  }
}

const RUNS = { numRuns: Number(process.env.RUNS ?? 60) };

describe('renderFiguresForDiscord, for any figures', () => {
  it('GIVEN any reports (hostile text, 10,000-character quotes, hundreds of claims) THEN every Discord limit holds and nothing can mention anyone', () => {
    fc.assert(
      fc.property(
        reportsArb(14, 300),
        fc.option(fc.constantFrom('killed', 'shells', 'weapons'), { nil: undefined }),
        fc.nat(400),
        articleLookup,
        (reports, topic, offset, refs) => {
          expectReplyWithin(
            renderFiguresForDiscord(reports, {
              ...(topic ? { topic, offset } : {}),
              article: lookupFrom(refs),
              topics,
              buttons: buttonIds,
            }),
          );
        },
      ),
      RUNS,
    );
  });

  it('GIVEN any reports and any budget THEN the figures keep to the budget and the embeds they are given', () => {
    fc.assert(
      fc.property(
        reportsArb(12, 200),
        fc.integer({ min: 0, max: 6000 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 50 }),
        (reports, budget, maxEmbeds, firstCitation) => {
          const rendering = figuresEmbeds(reports, { budget, maxEmbeds, firstCitation, topics });
          expectEmbedsWithin(rendering.embeds, budget);
          expect(rendering.embeds.length).toBeLessThanOrEqual(maxEmbeds);
          // Every report with claims is shown or named as left out.
          expect(rendering.shown.length + rendering.leftOut.length).toBe(
            reports.filter((report) => report.claims.length > 0).length,
          );
        },
      ),
      RUNS,
    );
  });

  it("GIVEN any reports THEN each listed claim is one line, and every citation number it carries is keyed in its embed's footer", () => {
    fc.assert(
      fc.property(reportsArb(6, 60), articleLookup, (reports, refs) => {
        const rendering = figuresEmbeds(reports, { article: lookupFrom(refs), firstCitation: 4, topics });
        rendering.embeds.forEach((embed, i) => {
          const lines = embed.description!.split('\n');
          const claimLines = lines.filter((line) => /^`[A-Z]{1,2}` \*\*/.test(line));
          expect(claimLines).toHaveLength(rendering.shown[i]!.claims);
          const cited = new Set(
            claimLines.flatMap((line) =>
              [...(line.match(/(?:\[\d+\])+(?: \+\d+ more)?$/)?.[0].matchAll(/\[(\d+)\]/g) ?? [])].map((m) =>
                Number(m[1]),
              ),
            ),
          );
          const keyed = new Set([...(embed.footer?.text ?? '').matchAll(/^\[(\d+)\] /gm)].map((m) => Number(m[1])));
          expect([...cited].sort()).toEqual([...keyed].sort());
          for (const n of cited) expect(n).toBeGreaterThanOrEqual(4);
        });
      }),
      RUNS,
    );
  });

  it('GIVEN hundreds of claims THEN the most reported is listed, and the embed says how many it shows of how many', () => {
    fc.assert(
      fc.property(
        reportArb(0, 400).filter((report) => report.claims.length > 40),
        (report) => {
          const rendering = figuresEmbeds([report], { topics });
          const [shown] = rendering.shown;
          expect(shown!.claims).toBeLessThan(report.claims.length);
          const description = rendering.embeds[0]!.description!;
          expect(description).toContain(`Showing ${shown!.claims} of ${report.claims.length.toLocaleString('en')}`);
          const most = Math.max(...report.claims.map((claim) => claim.articles.length));
          // The listed claims are among the most reported: none left out is reported more than one listed.
          const listed = report.claims.filter((claim) =>
            description.includes(`**${claim.wording.replace(/\s+/g, ' ').trim().slice(0, 20)}`),
          );
          if (listed.length > 0 && report.claims.every((claim) => claim.wording.trim().length > 0)) {
            expect(Math.max(...listed.map((claim) => claim.articles.length))).toBe(most);
          }
          expect(rendering.complete).toBe(false);
        },
      ),
      { numRuns: 20 },
    );
  });
});

describe('renderAnswerForDiscord with figures', () => {
  const answer = (reports: FiguresReport[], passages: number, quote: string): Answer => ({
    question: '@everyone how many killed',
    status: 'answered',
    noAnswer: false,
    suggestions: [],
    passages: Array.from({ length: passages }, (_, i) => ({
      rank: i + 1,
      score: 1,
      quote,
      start: 0,
      end: quote.length,
      highlights: [],
      article: { id: `00${i}_x`, title: quote, publisher: '<@1>', url: null, published: null, language: 'en' },
      alsoReportedBy: [],
    })),
    figures: reports,
    // The bottom line of those figures, with whatever text they hold.
    ...(summarize(reports) ? { summary: summarize(reports)! } : {}),
  });

  it('GIVEN any answer with any figures THEN one reply within every limit: the passages first, with every citation', () => {
    fc.assert(
      fc.property(
        reportsArb(10, 200),
        fc.integer({ min: 1, max: 10 }),
        longText,
        fc.array(fc.constantFrom(...categories), { maxLength: 4 }),
        (reports, passages, quote, asked) => {
          const reply = renderAnswerForDiscord(answer(reports, passages, quote), {
            articles: 5,
            limit: passages,
            figures: { article: () => undefined, count: () => 500, asked },
            buttons: buttonIds,
            topics,
          });
          expectReplyWithin(reply);
          const [first] = reply.embeds;
          // The bottom line first, whenever the figures have one.
          if (summarize(reports)) expect(first!.description!.split('\n')[0]).toMatch(/^\*\*[≈≥>≲≤<]?\d/);
          // One number per article: the page's articles each headed once, in order.
          expect([...first!.description!.matchAll(/^\*\*\[(\d+)\]\*\* /gm)].map((m) => Number(m[1]))).toEqual(
            Array.from({ length: passages }, (_, i) => i + 1),
          );
          // Figures cite the passages' articles by the same numbers, and articles of their own after them.
          for (const embed of reply.embeds.slice(1)) {
            for (const [, n, id] of embed.footer?.text.matchAll(/^\[(\d+)\] (\S+)/gm) ?? []) {
              const own = /^00(\d)_x$/.exec(id!);
              if (own) expect(Number(n)).toBe(Number(own[1]) + 1);
              else expect(Number(n)).toBeGreaterThan(passages);
            }
          }
        },
      ),
      RUNS,
    );
  });
});

describe('exact rendering of a small report', () => {
  const claim = (over: Partial<Claim>): Claim => ({
    id: 'c',
    value: 6,
    low: 6,
    high: 6,
    qualifier: 'exact',
    wording: 'six',
    category: 'killed',
    item: null,
    subject: 'North Korean officers',
    scope: 'officers@north-korean',
    asOf: { date: '2024-10-03', precision: 'day' },
    attributedTo: { claimant: "the Ukrainian media 'Kiwu Post'", channel: null },
    attributions: [{ claimant: "the Ukrainian media 'Kiwu Post'", channel: null }],
    articles: ['000_76f2eabdc61f15ff'],
    quote: '',
    sources: [],
    ...over,
  });
  const report: FiguresReport = {
    category: 'killed',
    item: null,
    claims: [
      claim({
        id: 'a',
        articles: ['000_76f2eabdc61f15ff', '001_10382fba07225c82'],
        attributions: [
          { claimant: "the Ukrainian media 'Kiwu Post'", channel: null },
          { claimant: 'Kim', channel: null },
        ],
      }),
      claim({
        id: 'b',
        value: 400,
        low: 400,
        high: 400,
        qualifier: 'about',
        wording: 'Rundt 400',
        subject: 'North Korean soldiers',
        asOf: { date: '--02-26', precision: 'day' },
        attributedTo: null,
        attributions: [],
        articles: ['004_14b0dfdcbc3388b4'],
      }),
      claim({
        id: 'c',
        value: 100,
        low: 100,
        high: null,
        qualifier: 'at least',
        wording: 'at least 100',
        subject: 'unspecified',
        asOf: null,
        attributedTo: { claimant: 'Lee <@1>', channel: 'Reuters' },
        attributions: [{ claimant: 'Lee <@1>', channel: 'Reuters' }],
        articles: ['002_e6e5478af83b0f24'],
      }),
      claim({
        id: 'd',
        value: 300,
        low: 200,
        high: 900,
        qualifier: 'vague',
        wording: 'several hundred',
        subject: 'soldiers',
        asOf: null,
        attributedTo: { claimant: 'a US official', channel: null },
        attributions: [{ claimant: 'a US official', channel: null }],
        articles: ['002_e6e5478af83b0f24'],
      }),
    ],
    verdicts: [
      { kind: 'consistent', claims: ['b', 'd'], explanation: 'Rundt 400 and several hundred agree.' },
      {
        kind: 'disagree',
        claims: ['c', 'd'],
        explanation: 'at least 100 (Lee <@1>) and several hundred do not overlap.',
      },
    ],
  };
  const articles: Record<string, ArticleRef> = {
    '004_14b0dfdcbc3388b4': {
      id: '004_14b0dfdcbc3388b4',
      title: 'Nord-Korea har sendt flere soldater',
      publisher: null,
      url: null,
      published: null,
      language: 'nb',
    },
    '000_76f2eabdc61f15ff': {
      id: '000_76f2eabdc61f15ff',
      title: 'Six officers',
      publisher: 'YTN',
      url: null,
      published: '2024-10-05',
      language: 'en',
    },
    '001_10382fba07225c82': {
      id: '001_10382fba07225c82',
      title: 'North Korean Soldiers Deployed',
      publisher: null,
      url: null,
      published: null,
      language: 'en',
    },
  };

  it('GIVEN four claims and two verdicts THEN one line per claim led by its value, the verdicts compact by letter with the disagreement first, and the citation key in the footer', () => {
    const reply = renderFiguresForDiscord([report], {
      topic: 'killed',
      article: (id) => articles[id],
      topics,
      buttons: buttonIds,
    });
    expect(reply).toStrictEqual({
      embeds: [
        {
          title: 'Killed — 4 figures',
          description: [
            "`A` **6** · “six” · North Korean officers · 3 Oct 2024 · Ukrainian media 'Kiwu Post' (+1 more) · [1][2]",
            '`B` **≈400** · “Rundt 400” (nb) · North Korean soldiers · 26 Feb (year unknown) · unattributed · [3]',
            '`C` **≥100** · “at least 100” · not specified · undated · Lee \\<@1> · [4]',
            '`D` **200–900** · “several hundred” · soldiers · undated · US official · [4]',
            '',
            '❌ C≠D',
            '✅ B=D',
          ].join('\n'),
          color: 0xc05621,
          footer: {
            text: '[1] 000_76f2eabdc61f15ff · YTN, 2024-10-05\n[2] 001_10382fba07225c82 · “North Korean Soldiers Deployed”\n[3] 004_14b0dfdcbc3388b4 · “Nord-Korea har sendt flere soldater”\n[4] 002_e6e5478af83b0f24',
          },
        },
      ],
      components: [{ type: 1, components: [{ type: 2, style: 2, label: 'Why?', custom_id: 'figures:why:killed:0' }] }],
      allowedMentions: { parse: [] },
    });
  });

  it('GIVEN no claims for a topic THEN a grey embed says so and lists the topics', () => {
    const reply = renderFiguresForDiscord([{ category: 'captured', item: null, claims: [], verdicts: [] }], {
      topic: 'captured',
      topics,
      buttons: buttonIds,
    });
    expect(reply.embeds).toHaveLength(1);
    expect(reply.embeds[0]!.description).toMatch(
      /^No figures about captured in the corpus\.\nTopics: `killed`, `injured`/,
    );
    expect(reply.embeds[0]!.color).toBe(0x718096);
  });
});
