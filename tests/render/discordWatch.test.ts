import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { type ArticleChange, type CorpusChanges, corpusChanges } from '../../src/engine/articleChanges.js';
import { Engine } from '../../src/engine/engine.js';
import type { Article } from '../../src/model/article.js';
import { embedLength, type DiscordReply } from '../../src/render/discordMessage.js';
import { renderWatchAnnouncement } from '../../src/render/discordWatch.js';
import { SEED, SEED_CORPUS } from '../helpers.js';
import { expectEmbedWithin, LIMITS } from './discordLimits.js';
import { text, unescapedMentions } from './hostileText.js';

const SEPTEMBER: Article = {
  id: 'added/nis-september',
  file: 'added/nis-september.md',
  title: 'Seoul raises toll of North Koreans killed in Russia',
  publisher: 'Eastern Daily',
  url: 'https://daily.example.org/world/nk-toll-september',
  published: '2025-09-04',
  language: 'en',
  text: "At least 2,000 North Korean soldiers have been killed fighting for Russia, South Korea's National Intelligence Service told lawmakers on Thursday.",
  provenance: {},
};

let changes: CorpusChanges;
let engine: Engine;
beforeAll(async () => {
  const seed = await loadCorpus(SEED_CORPUS);
  engine = await Engine.build({ ...seed, articles: [...seed.articles, SEPTEMBER] });
  changes = corpusChanges(engine, { added: [SEPTEMBER.id], changed: [], removed: [] });
});

/** Everything the message says. */
function shown(reply: DiscordReply): string {
  return [
    reply.content ?? '',
    ...reply.embeds.flatMap((embed) => [
      embed.title ?? '',
      embed.url ?? '',
      embed.description ?? '',
      embed.footer?.text ?? '',
    ]),
  ].join('\n');
}

function expectWithinLimits(reply: DiscordReply): void {
  expect(reply.content?.length ?? 0).toBeLessThanOrEqual(LIMITS.content);
  expect(reply.embeds.length).toBeLessThanOrEqual(LIMITS.embeds);
  for (const embed of reply.embeds) expectEmbedWithin(embed);
  expect(reply.embeds.reduce((sum, embed) => sum + embedLength(embed), 0)).toBeLessThanOrEqual(LIMITS.total);
  expect(reply.allowedMentions).toEqual({ parse: [] });
  expect(reply.flags).toBeUndefined();
}

/** The change of the September article, as another article (another id and title). */
function copy(change: ArticleChange, i: number, ref: Partial<ArticleChange['article']> = {}): ArticleChange {
  return { ...change, article: { ...change.article, id: `added/brief-${i}`, title: `Brief ${i}`, ...ref } };
}

describe('the watch channel’s announcement', () => {
  it('GIVEN a new article with a higher toll THEN its title links to it, its byline, its figure, and its verdicts with the seed figures, conflicts first, cited', () => {
    const reply = renderWatchAnnouncement(changes)!;

    expectWithinLimits(reply);
    expect(reply.content).toBe('**Corpus update**: 1 new article');
    expect(reply.embeds).toHaveLength(1);
    const [embed] = reply.embeds;
    expect(embed!.title).toBe('New: Seoul raises toll of North Koreans killed in Russia');
    expect(embed!.url).toBe('https://daily.example.org/world/nk-toll-september');
    const [byline, blank, figure, gap, ...verdicts] = embed!.description!.split('\n');
    expect(byline).toBe('Eastern Daily · 4 Sep 2025 · en · `added/nis-september`');
    expect([blank, gap]).toEqual(['', '']);
    expect(figure).toMatch(/^• Killed \*\*≥2,000\*\* · North Korean soldiers · 4 Sep 2025 · /);
    expect(verdicts.length).toBe(changes.articles[0]!.verdicts.length);
    const marks = ['❌', '⚠️', '📈', '❔', '↔️', '✅'];
    const order = verdicts.map((line) => marks.findIndex((mark) => line.startsWith(mark)));
    expect(order).not.toContain(-1);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    // Each verdict names the new figure and one already there, cited by number and keyed in the footer.
    for (const line of verdicts) {
      // (A verdict of another scope says what each counts.)
      expect(line).toMatch(/\*\*≥2,000\*\*( [^(]+)? \(4 Sep 2025\)/);
      expect(line).toMatch(/\) \[\d\]/);
    }
    // The Norwegian seed's "Rundt 400" has no year: said so.
    expect(verdicts.find((line) => line.includes('≈400'))).toMatch(/^❔ \*\*no year to order them\*\*/);
    expect(embed!.footer!.text).toMatch(/^\[1\] \d{3}_[0-9a-f]{16} · /);
    expect(embed!.footer!.text).toContain(`${SEED.norwegian} · `);
    for (const [, n] of [...embed!.description!.matchAll(/\[(\d)\]/g)])
      expect(embed!.footer!.text).toContain(`[${n}] `);
  });

  it('GIVEN nothing came in or changed THEN nothing to announce; removals alone THEN one line, unless topics are watched', () => {
    const none: CorpusChanges = { ...changes, articles: [], removed: [] };
    expect(renderWatchAnnouncement(none)).toBeNull();
    const removed = renderWatchAnnouncement({ ...none, removed: ['old-report', 'added/duplicate'] })!;
    expect(removed).toMatchObject({
      content: '**Corpus update**\nRemoved: `old-report`, `added/duplicate`',
      embeds: [],
    });
    expect(renderWatchAnnouncement({ ...none, removed: ['old-report'], topics: ['killed'] })).toBeNull();
  });

  it('GIVEN an article without figures THEN "No new figures."', () => {
    const talks: ArticleChange = {
      article: { id: 'talks', title: 'Talks', publisher: null, url: null, published: null, language: null },
      status: 'changed',
      figures: [],
      repeated: new Set(),
      verdicts: [],
    };
    const reply = renderWatchAnnouncement({ ...changes, articles: [talks] })!;
    expect(reply.content).toBe('**Corpus update**: 1 article changed');
    expect(reply.embeds[0]).toMatchObject({
      title: 'Changed: Talks',
      description: 'Publisher unknown · date unknown · `talks`\n\nNo new figures.',
    });
    expect(reply.embeds[0]!.url).toBeUndefined();
  });

  it('GIVEN 25 articles at once THEN one message within Discord’s limits: ten embeds, and the rest counted with their ids', () => {
    const one = changes.articles[0]!;
    const many = Array.from({ length: 25 }, (_, i) => copy(one, i));
    const reply = renderWatchAnnouncement({ ...changes, articles: many })!;

    expectWithinLimits(reply);
    expect(reply.embeds).toHaveLength(10);
    expect(reply.content).toMatch(/^\*\*Corpus update\*\*: 25 new articles\n\+15 more articles: `added\/brief-10`, /);
    // Every embed still shows its article's figure.
    for (const embed of reply.embeds) expect(embed.description).toContain('**≥2,000**');
  });

  it('GIVEN an article with every figure of the corpus THEN its embed lists what fits and counts the rest', () => {
    const reports = engine.figures();
    const all = reports.flatMap((report) => report.claims);
    const verdicts = reports.flatMap((report) =>
      report.verdicts.map((verdict) => ({
        verdict,
        claims: verdict.claims.map((id) => all.find((claim) => claim.id === id)!),
      })),
    );
    const big: ArticleChange = {
      ...changes.articles[0]!,
      figures: all,
      verdicts: [...verdicts, ...verdicts, ...verdicts],
    };
    const reply = renderWatchAnnouncement({ ...changes, articles: [big, copy(changes.articles[0]!, 1)] })!;

    expectWithinLimits(reply);
    expect(reply.embeds).toHaveLength(2);
    expect(reply.embeds[0]!.description).toMatch(/\*\+\d+ more (figures|verdicts)[^*]*: see `\/figures`\*$/);
  });

  it('GIVEN hostile titles, publishers, ids and links THEN nothing can ping or break out, and the message stays within limits', () => {
    fc.assert(
      fc.property(text(12), text(6), text(4), text(4), (title, publisher, id, url) => {
        const hostile = copy(changes.articles[0]!, 0, {
          title,
          publisher,
          id: id || 'x',
          url: `https://evil.example/${url}`,
          language: url.slice(0, 12) || null,
        });
        const reply = renderWatchAnnouncement({
          ...changes,
          articles: [hostile, hostile],
          removed: [id || 'y'],
        })!;
        expectWithinLimits(reply);
        expect(unescapedMentions(shown(reply).replace(/https:\/\/\S+/g, ''))).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
