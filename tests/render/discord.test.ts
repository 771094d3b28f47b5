import fc from 'fast-check';
import type { APIEmbed } from 'discord.js';
import { describe, expect, it } from 'vitest';
import type { Answer, AnswerPassage, ArticleRef, SourceDetail, SourcesReport } from '../../src/engine/types.js';
import { questionFromFooter } from '../../commands/components/askedQuestion.js';
import { buttonIds } from '../../commands/components/index.js';
import { figureTopics } from '../../commands/figures.js';
import {
  citationNumbers,
  renderAnswerForDiscord,
  renderArticleForDiscord,
  renderSourceForDiscord,
  renderSourcesForDiscord,
} from '../../src/render/discord.js';
import { en, labelsFor, nb } from '../../src/render/labels.js';
import { embedLength, notice, type DiscordReply } from '../../src/render/discordMessage.js';
import { escapeDiscord } from '../../src/render/discordText.js';
import { expectComponentsWithin, expectEmbedWithin, LIMITS } from './discordLimits.js';
import { nasty, text, unescapedMentions, wellFormed } from './hostileText.js';

/** The bot's own button ids and topics, as the Discord face passes them to the renderer. */
const wiring = { buttons: buttonIds, topics: figureTopics };

const longText = fc.oneof(
  text(30),
  fc
    .tuple(nasty, fc.integer({ min: 1, max: 10_000 }))
    .map(([part, length]) => wellFormed(part.repeat(Math.ceil(length / Math.max(1, part.length))).slice(0, length))),
  fc.constantFrom(
    '*'.repeat(10_000),
    '<@1>'.repeat(2500),
    '@everyone '.repeat(1000),
    'word '.repeat(2000),
    '👍🏽'.repeat(2500),
  ),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const id = fc.oneof(
  fc.stringMatching(/^\d{3}_[0-9a-f]{16}$/),
  text(4).filter((s) => s.length > 0),
);
const url = maybe(
  fc.oneof(
    fc.webUrl({ withQueryParameters: true, withFragments: true }),
    fc.constantFrom('https://x.example/<@1>/(a)', 'https://x.example/@everyone'),
  ),
);

const article: fc.Arbitrary<ArticleRef> = fc.record({
  id,
  title: fc.oneof(text(6), longText),
  publisher: maybe(fc.oneof(text(3), longText)),
  url,
  published: maybe(fc.constantFrom('2024-10-05', '2024-10-05T08:00:00Z')),
  language: maybe(fc.constantFrom('en', 'nb', 'ko')),
});

/** Highlights at valid offsets: sorted, inside the quote, not overlapping. */
const passage = (rank: number): fc.Arbitrary<AnswerPassage> =>
  longText.chain((quote) =>
    fc
      .uniqueArray(fc.integer({ min: 0, max: quote.length }), { maxLength: 8 })
      // Valid offsets fall between characters, never inside an emoji's surrogate pair.
      .map((cuts) => cuts.filter((at) => !/[\uD800-\uDBFF]/.test(quote[at - 1] ?? '')).sort((a, b) => a - b))
      .chain((cuts) =>
        fc.record({
          rank: fc.constant(rank),
          score: fc.double({ min: 0, max: 100, noNaN: true }),
          quote: fc.constant(quote),
          start: fc.constant(0),
          end: fc.constant(quote.length),
          highlights: fc.constant(
            cuts.flatMap((start, i) =>
              i % 2 === 0 && cuts[i + 1] !== undefined && cuts[i + 1]! > start ? [{ start, end: cuts[i + 1]! }] : [],
            ),
          ),
          article,
          alsoReportedBy: fc.array(id, { maxLength: 12 }),
        }),
      ),
  );

const answer: fc.Arbitrary<Answer> = fc
  .record({
    question: fc.oneof(text(10), longText),
    status: fc.constantFrom('answered', 'no-answer', 'invalid-question' as const),
    message: fc.option(fc.oneof(text(8), longText), { nil: undefined }),
    suggestions: fc.array(text(2), { maxLength: 8 }),
    count: fc.integer({ min: 0, max: 10 }),
  })
  .chain(({ count, status, message, ...rest }) =>
    fc
      .tuple(...Array.from({ length: status === 'answered' ? count : 0 }, (_, i) => passage(i + 1)))
      .map((passages) => ({
        ...rest,
        status,
        noAnswer: status !== 'answered',
        ...(message !== undefined ? { message } : {}),
        passages,
      })),
  );

/** Every piece of text Discord shows from a reply. */
function shownTexts(reply: DiscordReply): string[] {
  return [
    reply.content ?? '',
    ...reply.embeds.flatMap((embed) => [
      embed.title ?? '',
      embed.description ?? '',
      embed.footer?.text ?? '',
      embed.author?.name ?? '',
      ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
    ]),
    ...reply.components.flatMap((row) =>
      row.components.map((button) => ('label' in button ? (button.label ?? '') : '')),
    ),
  ];
}

function expectWithinLimits(reply: DiscordReply): void {
  expect(reply.allowedMentions).toEqual({ parse: [] });
  if (reply.content !== undefined) expect(reply.content.length).toBeLessThanOrEqual(LIMITS.content);
  expect(reply.embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
  let total = 0;
  for (const embed of reply.embeds) {
    expectEmbedWithin(embed);
    if (embed.url !== undefined) expect(() => new URL(embed.url!)).not.toThrow();
    total += embedLength(embed);
  }
  expect(total).toBeLessThanOrEqual(LIMITS.total);
  expectComponentsWithin(reply.components);
  for (const row of reply.components) {
    for (const button of row.components) {
      if ('custom_id' in button) expect(button.custom_id.length).toBeLessThanOrEqual(LIMITS.customId);
      if ('label' in button) expect(button.label?.length ?? 0).toBeLessThanOrEqual(LIMITS.label);
    }
  }
  for (const shown of shownTexts(reply)) {
    expect(unescapedMentions(shown), shown.slice(0, 200)).toEqual([]);
    // A cut inside an emoji would leave half a surrogate pair: Discord shows it as garbage.
    expect(shown).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
  }
}

const RUNS = { numRuns: Number(process.env.RUNS ?? 100) };

describe('renderAnswerForDiscord, for any answer', () => {
  it('GIVEN any answer THEN the reply is within every Discord limit and cannot mention anyone', () => {
    fc.assert(
      fc.property(answer, fc.integer({ min: 0, max: 100_000 }), (a, articles) => {
        expectWithinLimits(renderAnswerForDiscord(a, { articles, ...wiring }));
      }),
      RUNS,
    );
  });

  it('GIVEN any answered question THEN each article of the page has one citation number, its passages under it', () => {
    fc.assert(
      fc.property(answer, fc.integer({ min: 0, max: 12 }), (a, offset) => {
        const [embed] = renderAnswerForDiscord(a, { articles: 5, offset, ...wiring }).embeds as [APIEmbed];
        if (a.noAnswer || a.passages.length === 0) return;
        const numbers = citationNumbers(a);
        const start = Math.min(offset, a.passages.length - 1);
        const page = a.passages.slice(start, start + 3);
        const headed = [...embed.description!.matchAll(/^\*\*\[(\d+)\]\*\* /gm)].map((m) => Number(m[1]));
        // One heading per article of the page, in the order first cited, each with the answer's number.
        expect(headed).toEqual([...new Set(page.map((p) => numbers.get(p.article.id)!))]);
        expect(embed.fields).toBeUndefined();
      }),
      RUNS,
    );
  });

  it('GIVEN any answer in Norwegian THEN the reply is within every limit too', () => {
    fc.assert(
      fc.property(answer, fc.integer({ min: 0, max: 100_000 }), (a, articles) => {
        expectWithinLimits(renderAnswerForDiscord(a, { articles, ...wiring, labels: nb }));
      }),
      RUNS,
    );
  });

  it('GIVEN any answered question THEN "Open a source…" offers each article the message cites once, by its number', () => {
    fc.assert(
      fc.property(answer, (a) => {
        const reply = renderAnswerForDiscord(a, { articles: 5, ...wiring });
        const menus = reply.components.flatMap((row) => row.components).filter((c) => c.type === 3);
        if (a.noAnswer || a.passages.length === 0) {
          expect(menus).toEqual([]);
          return;
        }
        const [menu] = menus as unknown as [{ custom_id: string; options: { label: string; value: string }[] }];
        expect(menu.custom_id).toBe('ask:open');
        const numbers = citationNumbers(a);
        const expected = [...numbers]
          .sort((x, y) => x[1] - y[1])
          .filter(([id], i, all) => all.findIndex(([other]) => other.slice(0, 100) === id.slice(0, 100)) === i)
          .slice(0, LIMITS.selectOptions);
        expect(menu.options.map((option) => option.value)).toEqual(expected.map(([id]) => id.slice(0, 100)));
        expect(menu.options.map((option) => option.label.match(/^\[(\d+)\] /)?.[1])).toEqual(
          expected.map(([, n]) => String(n)),
        );
      }),
      RUNS,
    );
  });

  it('GIVEN any answer of one article THEN the opened article is within every limit, in either language', () => {
    fc.assert(
      fc.property(
        answer,
        article,
        fc.nat(500),
        fc.option(fc.nat(40), { nil: null }),
        fc.constantFrom(en, nb),
        (a, ref, passages, number, labels) => {
          const reply = renderArticleForDiscord({ ...ref, passages }, a, {
            number,
            article: () => undefined,
            topics: figureTopics,
            buttons: buttonIds,
            labels,
          });
          expectWithinLimits(reply);
          expect(reply.embeds[0]!.title!.startsWith(`\\[${number ?? 1}\\] `)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('GIVEN any question THEN the buttons under it can read it back from the footer', () => {
    fc.assert(
      fc.property(answer, (a) => {
        const [embed] = renderAnswerForDiscord(a, { articles: 5, ...wiring }).embeds as [APIEmbed];
        if (a.question.length <= 500) expect(questionFromFooter(embed.footer?.text)).toBe(a.question);
      }),
      RUNS,
    );
  });
});

describe('renderSourcesForDiscord and renderSourceForDiscord, for any corpus', () => {
  const summary = article.chain((ref) =>
    fc.record({ passages: fc.nat(500) }).map(({ passages }) => ({ ...ref, passages })),
  );
  const report: fc.Arbitrary<SourcesReport> = fc.record({
    articles: fc.array(summary, { maxLength: 40 }),
    problems: fc.array(fc.record({ file: fc.oneof(text(3), longText), reason: fc.oneof(text(5), longText) }), {
      maxLength: 15,
    }),
  });

  it('GIVEN any list of articles and problems THEN every page is within the limits and pages with buttons', () => {
    fc.assert(
      fc.property(report, fc.integer({ min: -3, max: 6 }), (r, page) => {
        const reply = renderSourcesForDiscord(r, page, buttonIds);
        expectWithinLimits(reply);
        const pages = Math.max(1, Math.ceil(r.articles.length / 10));
        expect(reply.components.length).toBe(pages > 1 ? 1 : 0);
        expect(reply.embeds[0]!.fields!.length).toBe(
          Math.min(10, r.articles.length - Math.min(Math.max(0, page), pages - 1) * 10),
        );
      }),
      RUNS,
    );
  });

  it('GIVEN any article THEN its detail is within the limits', () => {
    const detail: fc.Arbitrary<SourceDetail> = article.chain((ref) =>
      fc
        .record({
          file: text(3),
          provenance: fc.constant({}),
          passages: fc
            .array(longText, { maxLength: 3 })
            .map((quotes) => quotes.map((quote, index) => ({ index, start: 0, end: quote.length, quote }))),
        })
        .map((rest) => ({ ...ref, ...rest })),
    );
    fc.assert(
      fc.property(detail, (d) => expectWithinLimits(renderSourceForDiscord(d))),
      RUNS,
    );
  });

  it('GIVEN any text THEN a notice is within the limits, for the asker alone', () => {
    fc.assert(
      fc.property(longText, (t) => {
        const reply = notice(t);
        expectWithinLimits(reply);
        expect(reply.flags).toBe(64);
      }),
      RUNS,
    );
  });
});

describe('escapeDiscord', () => {
  it('GIVEN mentions and markdown THEN they show as typed', () => {
    expect(escapeDiscord('@everyone <@&123> **x** [a](https://b)')).toBe(
      '@\u200beveryone \\<@&123> \\*\\*x\\*\\* \\[a\\](https://b)',
    );
  });

  it('GIVEN a backslash before a mention THEN the backslash itself is escaped and the mention still is', () => {
    expect(escapeDiscord('\\<@1>')).toBe('\\\\\\<@1>');
    expect(unescapedMentions(escapeDiscord('\\<@1>'))).toEqual([]);
  });
});

describe('exact payloads of small answers', () => {
  const ytn: ArticleRef = {
    id: '000_76f2eabdc61f15ff',
    title: 'Six officers killed',
    publisher: 'YTN',
    url: 'https://www.ytn.co.kr/a',
    published: '2024-10-05',
    language: 'en',
  };
  const rbc: ArticleRef = {
    id: '002_e6e5478af83b0f24',
    title: 'Troops face losses',
    publisher: 'newsukraine.rbc.ua',
    url: null,
    published: null,
    language: 'en',
  };

  /** The row of "Open a source…" with these options. */
  const sourceMenu = (...options: { label: string; value: string; description?: string }[]) => ({
    type: 1,
    components: [{ type: 3, custom_id: 'ask:open', placeholder: 'Open a source…', options }],
  });

  it('GIVEN one cited passage THEN one embed: the question, the article once under its number with a masked link, the quote with the asked word in bold, no button but the menu of its sources', () => {
    const reply = renderAnswerForDiscord(
      {
        question: 'how many killed',
        status: 'answered',
        noAnswer: false,
        suggestions: [],
        passages: [
          {
            rank: 1,
            score: 1,
            quote: 'Six officers were killed.',
            start: 0,
            end: 25,
            highlights: [{ start: 18, end: 24 }],
            article: ytn,
            alsoReportedBy: ['001_10382fba07225c82'],
          },
        ],
      },
      { articles: 5, ...wiring },
    );
    expect(reply).toStrictEqual({
      embeds: [
        {
          title: 'how many killed',
          description:
            '**[1]** [Six officers killed](https://www.ytn.co.kr/a) · YTN · 2024-10-05 · also [2]\n“Six officers were **killed**.”',
          color: 0x2b6cb0,
          footer: {
            text: '[1] 000_76f2eabdc61f15ff · [2] 001_10382fba07225c82\nCrosscheck · 5 articles · asked: how many killed',
          },
        },
      ],
      // The article quoted and the one that reports the same (known here by its id alone).
      components: [
        sourceMenu(
          { label: '[1] Six officers killed', value: '000_76f2eabdc61f15ff', description: 'YTN · 2024-10-05' },
          { label: '[2] 001_10382fba07225c82', value: '001_10382fba07225c82' },
        ),
      ],
      allowedMentions: { parse: [] },
    });
  });

  it('GIVEN ten passages of one article THEN one number, three passages a page, "4–6 of 10", and ◀ ▶ to page', () => {
    const passages = Array.from(
      { length: 10 },
      (_, i): AnswerPassage => ({
        rank: i + 1,
        score: 1,
        quote: `Quote ${i + 1}.`,
        start: 0,
        end: 8,
        highlights: [],
        article: rbc,
        alsoReportedBy: [],
      }),
    );
    const reply = renderAnswerForDiscord(
      { question: 'how many killed', status: 'answered', noAnswer: false, suggestions: [], passages },
      { articles: 5, offset: 3, ...wiring },
    );
    expect(reply.embeds[0]!.description).toBe(
      '**[1]** Troops face losses · newsukraine.rbc.ua\n“Quote 4.”\n“Quote 5.”\n“Quote 6.”\n\n*Passages 4–6 of 10*',
    );
    expect(reply.components).toStrictEqual([
      {
        type: 1,
        components: [
          { type: 2, style: 2, label: '◀', custom_id: 'ask:page:0:3' },
          { type: 2, style: 2, label: '▶', custom_id: 'ask:page:6:3' },
        ],
      },
      sourceMenu({ label: '[1] Troops face losses', value: '002_e6e5478af83b0f24', description: 'newsukraine.rbc.ua' }),
    ]);
    // The first page: ◀ disabled (with an id of its own); the last: ▶ disabled.
    const first = renderAnswerForDiscord(
      { question: 'q', status: 'answered', noAnswer: false, suggestions: [], passages },
      { articles: 5, ...wiring },
    );
    expect(first.components[0]!.components.map((b) => ['custom_id' in b && b.custom_id, b.disabled ?? false])).toEqual([
      ['ask:page:-1:3', true],
      ['ask:page:3:3', false],
    ]);
    const last = renderAnswerForDiscord(
      { question: 'q', status: 'answered', noAnswer: false, suggestions: [], passages },
      { articles: 5, offset: 9, ...wiring },
    );
    expect(last.embeds[0]!.description).toMatch(/“Quote 10\.”\n\n\*Passages 10–10 of 10\*$/);
    expect(last.components[0]!.components.map((b) => b.disabled ?? false)).toEqual([false, true]);
  });

  it('GIVEN no more passages than a page THEN no paging buttons, only the menu of sources', () => {
    const passages = [1, 2, 3].map(
      (rank): AnswerPassage => ({
        rank,
        score: 1,
        quote: `Quote ${rank}.`,
        start: 0,
        end: 8,
        highlights: [],
        article: rbc,
        alsoReportedBy: [],
      }),
    );
    const reply = renderAnswerForDiscord(
      { question: 'q', status: 'answered', noAnswer: false, suggestions: [], passages },
      { articles: 5, limit: 6, ...wiring },
    );
    expect(reply.components).toStrictEqual([
      sourceMenu({ label: '[1] Troops face losses', value: '002_e6e5478af83b0f24', description: 'newsukraine.rbc.ua' }),
    ]);
  });

  it('GIVEN no answer THEN the reason and the suggestions, grey, with the question escaped', () => {
    const reply = renderAnswerForDiscord(
      {
        question: '@here drones',
        status: 'no-answer',
        noAnswer: true,
        message: 'No passage answers "@here drones".',
        suggestions: ['troops'],
        passages: [],
      },
      { articles: 5, ...wiring },
    );
    expect(reply).toStrictEqual({
      embeds: [
        {
          title: '@\u200bhere drones',
          description: 'No passage answers "@\u200bhere drones".\n\nTry asking about: troops',
          color: 0x718096,
          footer: { text: 'Crosscheck · 5 articles · asked: @\u200bhere drones' },
        },
      ],
      components: [],
      allowedMentions: { parse: [] },
    });
    expect(questionFromFooter(reply.embeds[0]!.footer!.text)).toBe('@here drones');
  });

  it('GIVEN a notice THEN plain content, ephemeral, pinging no one', () => {
    expect(notice('You can ask again in 5 s.')).toStrictEqual({
      content: 'You can ask again in 5 s.',
      embeds: [],
      components: [],
      allowedMentions: { parse: [] },
      flags: 64,
    });
  });
});

describe('labelsFor', () => {
  it.each([
    ['nb', nb],
    ['no', nb],
    ['nb-NO', nb],
    ['en-US', en],
    ['en-GB', en],
    ['fr', en],
    ['nn', en],
    [undefined, en],
  ] as const)('GIVEN the locale %s THEN its table (English when it has none)', (locale, table) => {
    expect(labelsFor(locale)).toBe(table);
  });

  it('GIVEN the Norwegian table THEN every label is written out, none left in English', () => {
    const flat = (labels: object, prefix = ''): [string, unknown][] =>
      Object.entries(labels).flatMap(([key, value]) =>
        value && typeof value === 'object' ? flat(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value]],
      );
    const english = new Map(flat(en));
    // Words that are the same in both: the name of a field, a symbol.
    const same = new Set(['id', 'tag', 'count', 'summary.count']);
    const untranslated = flat(nb).filter(
      ([key, value]) =>
        !same.has(key) &&
        (typeof value === 'function'
          ? (value as (...args: unknown[]) => string)(2, 3, 4) ===
            (english.get(key) as (...args: unknown[]) => string)(2, 3, 4)
          : value === english.get(key)),
    );
    expect(untranslated.map(([key]) => key)).toEqual([]);
  });
});
