/**
 * `/ask how many killed` on the seed corpus, as the bot renders it: the exact payload (drawn with
 * shared/tools/discord-preview before it was written down), and what a reader must see at a glance.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { answerContext } from '../../commands/ask.js';
import { buttonIds } from '../../commands/components/index.js';
import { Engine } from '../../src/engine/engine.js';
import { MAX_LIMIT } from '../../src/engine/types.js';
import { layoutAnswer } from '../../src/render/discord.js';
import { whyEmbeds } from '../../src/render/discordFigures.js';
import type { DiscordReply } from '../../src/render/discordMessage.js';
import { SEED, SEED_CORPUS } from '../helpers.js';
import { nb } from '../../src/render/labels.js';
import { expectComponentsWithin, expectEmbedWithin } from './discordLimits.js';

const FIXTURES = path.join(import.meta.dirname, 'fixtures');

/** The expected payload, or with UPDATE_PAYLOADS=1 the one rendered now (then look at it before committing). */
function expected(name: string, actual: unknown): unknown {
  const file = path.join(FIXTURES, `${name}.json`);
  if (process.env.UPDATE_PAYLOADS) writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** Every "[n] id" the message keys, as pairs. */
function keyed(reply: DiscordReply): [number, string][] {
  return reply.embeds.flatMap((embed) =>
    [...(embed.footer?.text ?? '').matchAll(/\[(\d+)\] (\d{3}_[0-9a-f]{16})/g)].map((m): [number, string] => [
      Number(m[1]),
      m[2]!,
    ]),
  );
}

describe('/ask how many killed on the seed corpus', () => {
  let engine: Engine;
  const render = (offset = 0, labels = answerContext(engine, engine.parse(''), 3, buttonIds).labels) => {
    const parsed = engine.parse('how many killed');
    const answer = engine.ask(parsed, { limit: MAX_LIMIT });
    return layoutAnswer(answer, { ...answerContext(engine, parsed, 3, buttonIds, labels), offset });
  };
  beforeAll(async () => {
    engine = await Engine.load(SEED_CORPUS);
  });

  it('GIVEN the first page THEN the exact payload', () => {
    const { reply } = render();
    expect(reply).toStrictEqual(expected('ask-how-many-killed', reply));
  });

  it('GIVEN a Norwegian reader THEN the exact payload: the same answer, the bot’s own words in Norwegian', () => {
    const { reply } = render(0, nb);
    expect(reply).toStrictEqual(expected('ask-how-many-killed.nb', reply));
    for (const embed of reply.embeds) expectEmbedWithin(embed);
    expectComponentsWithin(reply.components);
    const why = { embeds: whyEmbeds(render(0, nb).figures, nb) };
    expect(why).toStrictEqual(expected('ask-how-many-killed.why.nb', why));
  });

  it('GIVEN the first page THEN "Open a source…" offers every article of the message once, by its number', () => {
    const { reply } = render();
    expectComponentsWithin(reply.components);
    const menu = reply.components[1]!.components[0]!;
    expect(menu).toMatchObject({ type: 3, custom_id: 'ask:open', placeholder: 'Open a source…' });
    const options = 'options' in menu ? menu.options : [];
    // The answer's articles on every page, each once: the menu is the same whichever page shows.
    const everyPage = [0, 3, 6, 9].flatMap((offset) => keyed(render(offset).reply));
    const pairs = [...new Map(everyPage.map(([n, id]) => [n, id])).entries()].sort((a, b) => a[0] - b[0]);
    expect(options.map((option) => [Number(/^\[(\d+)\] /.exec(option.label)?.[1]), option.value])).toEqual(pairs);
    expect(render(3).reply.components[1]).toStrictEqual(reply.components[1]);
  });

  it('GIVEN the second page THEN the exact payload: other passages, the same figures', () => {
    const second = render(3).reply;
    expect(second).toStrictEqual(expected('ask-how-many-killed.page2', second));
    expect(second.embeds.slice(1)).toStrictEqual(render().reply.embeds.slice(1));
  });

  it('GIVEN "Why?" THEN the exact payload: every verdict in full, by the same letters', () => {
    const why = { embeds: whyEmbeds(render().figures) };
    expect(why).toStrictEqual(expected('ask-how-many-killed.why', why));
    for (const embed of why.embeds) expectEmbedWithin(embed);
  });

  it('GIVEN the first page THEN the first line of the first embed is the range of the soldiers killed, with its sources', () => {
    const [first] = render().reply.embeds;
    const line = first!.description!.split('\n')[0]!;
    expect(line).toMatch(
      /^\*\*≈100–400 North Korean soldiers killed\*\* \[\d\]\[\d\] — 5 estimates from 7 sources in 2 articles; none with a full date; 2 pairs far apart \[\d\] · separately: 6 North Korean officers, 20 people \(3 Oct 2024\) \[\d\]\[\d\]$/,
    );
    expect(first!.title).toBeUndefined();
  });

  it('GIVEN any page THEN every article has exactly one citation number in the message, the same on every page', () => {
    const numberOf = new Map<string, number>();
    for (const offset of [0, 3, 6, 9]) {
      const pairs = keyed(render(offset).reply);
      for (const [n, id] of pairs) {
        expect(numberOf.get(id) ?? n, id).toBe(n);
        numberOf.set(id, n);
      }
      // No number stands for two articles.
      const byNumber = new Map<number, Set<string>>();
      for (const [n, id] of pairs) byNumber.set(n, (byNumber.get(n) ?? new Set()).add(id));
      for (const ids of byNumber.values()) expect(ids.size).toBe(1);
    }
    expect(new Set(numberOf.keys())).toEqual(new Set(Object.values(SEED)));
    expect(new Set(numberOf.values()).size).toBe(5);
  });

  it('GIVEN the first page THEN the figures lead with their value and the verdicts are one compact line per kind, conflicts first', () => {
    const figures = render().reply.embeds[1]!.description!.split('\n');
    expect(figures).toContain('⚠️ far apart D–E, E–G');
    expect(figures.filter((line) => /^(❌|⚠️|📈|❔|↔️|✅) /.test(line))).toEqual([
      '⚠️ far apart D–E, E–G',
      '❔ no year C–D, C–E, E–F',
      '↔️ other scope A–B, B–C, A–C',
      '✅ C=F, F=G, D=G',
    ]);
    expect(figures.find((line) => line.startsWith('`C`'))).toMatch(/^`C` \*\*≈400\*\* · “Rundt 400” \(nb\) · /);
  });
});
