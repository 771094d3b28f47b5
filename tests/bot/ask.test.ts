import type { APIMessage } from 'discord.js';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BotEngine } from '../../src/bot/context.js';
import type { Engine } from '../../src/engine/engine.js';
import { SEED } from '../helpers.js';
import type { FakeDiscordServer } from '../support/fake-discord.js';
import {
  answerEmbedOf,
  buttonsOf,
  command,
  embedOf,
  embedsOf,
  originalEdit,
  seed,
  sleep,
  startServer,
  startTestBot,
  stopAll,
  textOf,
} from './harness.js';

const EPHEMERAL = 64;
let engine: Engine;
let server: FakeDiscordServer;

beforeAll(async () => {
  engine = await seed();
});

afterEach(stopAll);

/** A `<…>` or @everyone/@here that Discord would render as a mention: not after an odd run of backslashes. */
function unescapedMentions(text: string): string[] {
  return [...text.matchAll(/<[@#]|@(everyone|here)/gi)]
    .filter((match) => (text.slice(0, match.index).match(/\\*$/)?.[0].length ?? 0) % 2 === 0)
    .map((match) => match[0]);
}

describe('/ask', () => {
  it('GIVEN the seed corpus WHEN asked "how many killed" THEN one public reply cites the articles that report deaths, pinging no one', async () => {
    server = await startServer();
    await startTestBot(server);

    const { callback } = await command(server, { name: 'ask', options: { question: 'how many killed' } });

    expect(callback.type).toBe(4);
    expect(callback.data?.flags ?? 0).toBe(0);
    expect(callback.data?.allowed_mentions).toEqual({ parse: [] });
    const embed = answerEmbedOf(callback);
    // The bottom line first: the range of the soldiers killed, from how many sources.
    expect(embed.description).toMatch(
      /^\*\*≈100–400 North Korean soldiers killed\*\* \[\d\]\[\d\] — 5 estimates from 7 sources in 2 articles;/,
    );
    // Then the article a reader would check, once under its number, with the figures in bold.
    expect(embed.description).toMatch(
      /\n\n\*\*\[1\]\*\* North Korean Troops Face Significant Losses in Russia-Ukraine Conflict · newsukraine\.rbc\.ua\n“.*\*\*at least 100\*\* North Korean soldiers have died/,
    );
    expect(embed.description).toContain('*Passages 1–3 of 10*');
    expect(embed.fields).toBeUndefined();
    expect(embed.footer?.text).toBe(
      `[1] ${SEED.losses} · [2] ${SEED.ytn} · [3] ${SEED.minister} · [4] ${SEED.engineers}\nCrosscheck · 5 articles · asked: how many killed`,
    );
    expect(buttonsOf(callback)).toEqual([
      expect.objectContaining({ label: '◀', custom_id: 'ask:page:-1:3', disabled: true }),
      expect.objectContaining({ label: '▶', custom_id: 'ask:page:3:3' }),
      expect.objectContaining({ label: 'Why?', custom_id: 'ask:why:3' }),
    ]);
    // The fake validates like Discord (50035 on any limit): the reply was accepted, and this is what was sent.
    expect(callback.request.status).toBe(204);
  });

  it('GIVEN limit 10 WHEN asked "how many killed" THEN all ten passages on one page, each article once, YTN with its date, and no paging', async () => {
    server = await startServer();
    await startTestBot(server);

    const { callback } = await command(server, { name: 'ask', options: { question: 'how many killed', limit: 10 } });

    const embed = answerEmbedOf(callback);
    const headings = [...embed.description!.matchAll(/^\*\*\[(\d+)\]\*\* /gm)].map((m) => m[1]);
    expect(headings).toEqual([...new Set(headings)]);
    expect(embed.description).toMatch(/^\*\*\[\d\]\*\* Six North Korean officers killed .* · YTN · 2024-10-05/m);
    expect(embed.description).toContain('officers');
    expect(embed.description).not.toContain('*Passages');
    expect(buttonsOf(callback).map((button) => button.label)).not.toContain('▶');
    expect(callback.request.status).toBe(204);
  });

  it('GIVEN a question full of mentions THEN nobody is pinged and no mention renders', async () => {
    server = await startServer();
    await startTestBot(server);

    const { callback } = await command(server, {
      name: 'ask',
      options: { question: '@everyone <@&123> @here how many killed' },
    });

    expect(callback.type).toBe(4);
    expect(callback.data?.allowed_mentions).toEqual({ parse: [] });
    const shown = embedsOf(callback).map(textOf).join('\n');
    // Mentions are either dropped from the question or shown escaped; never live.
    expect(unescapedMentions(shown)).toEqual([]);
    expect(shown).not.toMatch(/@everyone|@here/);
    expect(answerEmbedOf(callback).footer?.text).toContain('how many killed');
  });

  it('GIVEN public:false THEN the answer is for the asker alone', async () => {
    server = await startServer();
    await startTestBot(server);

    const { callback } = await command(server, {
      name: 'ask',
      options: { question: 'how many killed', public: false },
    });

    expect(callback.type).toBe(4);
    expect(callback.data?.flags).toBe(EPHEMERAL);
    expect(answerEmbedOf(callback).description).toContain(
      '**[1]** North Korean Troops Face Significant Losses in Russia-Ukraine Conflict · newsukraine.rbc.ua',
    );
  });

  it('GIVEN a question of only common words THEN a short notice for the asker alone, even though answers are public', async () => {
    server = await startServer();
    await startTestBot(server);

    const { callback } = await command(server, { name: 'ask', options: { question: 'the of' } });

    expect(callback.type).toBe(4);
    expect(callback.data?.flags).toBe(EPHEMERAL);
    expect(callback.data?.content).toMatch(/no words to search for.*how many killed/);
    expect(callback.data?.embeds ?? []).toEqual([]);
    expect(callback.data?.allowed_mentions).toEqual({ parse: [] });
  });

  it('GIVEN a public /ask the corpus cannot answer THEN the reply is for the asker alone, and it took their turn', async () => {
    server = await startServer();
    await startTestBot(server, { env: { ASK_COOLDOWN_SECONDS: '30' } });

    const { callback } = await command(server, {
      name: 'ask',
      options: { question: 'submarine volcano', public: true },
    });
    const again = await command(server, { name: 'ask', options: { question: 'how many killed' } });

    expect(callback.type).toBe(4);
    expect(callback.data?.flags).toBe(EPHEMERAL);
    expect(callback.data?.allowed_mentions).toEqual({ parse: [] });
    expect(embedOf(callback).description).toMatch(/^Not in the documents: no passage answers "submarine volcano"/);
    // The question could be asked, so it counts as the asker's turn, as an answer does.
    expect(again.callback.data).toMatchObject({ flags: EPHEMERAL, content: 'You can ask again in 30 s.' });
  });

  it('GIVEN a question nothing answers THEN the reason and words to try instead, in grey', async () => {
    server = await startServer();
    await startTestBot(server);

    const { callback } = await command(server, { name: 'ask', options: { question: 'submarine volcano' } });

    const embed = embedOf(callback);
    expect(embed.description).toMatch(/^Not in the documents: no passage answers/);
    expect(embed.description).toContain('Try asking about:');
    expect(embed.fields ?? []).toEqual([]);
    expect(buttonsOf(callback)).toEqual([]);
  });
});

/** "Passages 4–6 of 10" of an answer embed, as [first, last, total]. */
function pageOf(embed: { description?: string }): number[] {
  const match = /\*Passages (\d+)–(\d+) of (\d+)\*$/.exec(embed.description ?? '');
  return match ? match.slice(1).map(Number) : [];
}

describe('paging the passages (◀ ▶)', () => {
  it('GIVEN an answer WHEN ▶ is clicked on it after the bot restarted THEN the message shows passages 4–6 in place, the figures as they were', async () => {
    server = await startServer();
    const first = await startTestBot(server);
    const { interaction } = await command(server, { name: 'ask', options: { question: 'how many killed' } });
    const message = interaction.original as APIMessage;
    expect(pageOf(message.embeds[0]!)).toEqual([1, 3, 10]);

    // A restart: the first bot is gone, a new process with empty memory answers the click.
    await first.stop();
    await startTestBot(server);
    const next = buttonsOf(message).find((button) => button.label === '▶')!;
    const click = await server.sendInteraction(server.buildButtonClick({ customId: next.custom_id!, message }));
    const update = await click.waitForCallback();

    expect(update.type).toBe(7);
    const embed = answerEmbedOf(update);
    expect(pageOf(embed)).toEqual([4, 6, 10]);
    // The bottom line and the figures stay put.
    expect(embed.description!.split('\n')[0]).toBe(message.embeds[0]!.description!.split('\n')[0]);
    expect(embedsOf(update).slice(1)).toEqual(message.embeds.slice(1));
    expect(embed.footer?.text).toMatch(/\nCrosscheck · 5 articles · asked: how many killed$/);
    expect(buttonsOf(update).slice(0, 2)).toEqual([
      expect.objectContaining({ label: '◀', custom_id: 'ask:page:0:3' }),
      expect.objectContaining({ label: '▶', custom_id: 'ask:page:6:3' }),
    ]);
    // The same message, edited in place.
    expect(click.original?.id).toBe(message.id);
    expect(pageOf(click.original!.embeds[0]!)).toEqual([4, 6, 10]);

    // ◀ goes back to the first page.
    const back = await server.sendInteraction(
      server.buildButtonClick({ customId: 'ask:page:0:3', message: click.original as APIMessage }),
    );
    expect(pageOf(answerEmbedOf(await back.waitForCallback()))).toEqual([1, 3, 10]);
  });

  it("GIVEN someone else clicks ▶ THEN they get passages 4–6 for them alone and the asker's message is not edited; the asker's click still edits it", async () => {
    server = await startServer();
    await startTestBot(server);
    const { interaction } = await command(server, { name: 'ask', options: { question: 'how many killed' } });
    const message = interaction.original as APIMessage;
    const next = buttonsOf(message).find((button) => button.label === '▶')!.custom_id!;
    const bystander = { id: '300000000000000009', username: 'bystander' };

    const theirs = await server.sendInteraction(server.buildButtonClick({ customId: next, message, user: bystander }));
    const copy = await theirs.waitForCallback();

    expect(copy.type).toBe(4);
    expect(copy.data?.flags).toBe(EPHEMERAL);
    expect(copy.data?.allowed_mentions).toEqual({ parse: [] });
    expect(pageOf(answerEmbedOf(copy))).toEqual([4, 6, 10]);
    expect(theirs.original?.id).not.toBe(message.id);
    // Nothing edited the asker's message: no update callback (the one callback was a new message), no PATCH.
    expect(server.requests.filter((request) => request.method === 'PATCH')).toEqual([]);

    const asker = await server.sendInteraction(server.buildButtonClick({ customId: next, message }));
    const update = await asker.waitForCallback();
    expect(update.type).toBe(7);
    expect(update.data?.flags ?? 0).toBe(0);
    expect(asker.original?.id).toBe(message.id);
    expect(pageOf(asker.original!.embeds[0]!)).toEqual([4, 6, 10]);
  });

  it('GIVEN a "More passages" button posted before paging (ask:more:6) THEN it opens passages 4–6 in place', async () => {
    server = await startServer();
    await startTestBot(server);
    const { interaction } = await command(server, { name: 'ask', options: { question: 'how many killed' } });
    const message = interaction.original as APIMessage;

    const click = await server.sendInteraction(server.buildButtonClick({ customId: 'ask:more:6', message }));
    const update = await click.waitForCallback();

    expect(update.type).toBe(7);
    expect(pageOf(answerEmbedOf(update))).toEqual([4, 6, 10]);
  });

  it('GIVEN a message without the question in its footer THEN the clicker is told to ask again, privately', async () => {
    server = await startServer();
    await startTestBot(server);

    const click = await server.sendInteraction(server.buildButtonClick({ customId: 'ask:page:3:3' }));
    const callback = await click.waitForCallback();

    expect(callback.type).toBe(4);
    expect(callback.data).toMatchObject({ flags: EPHEMERAL, content: expect.stringContaining('ask again with /ask') });
  });
});

describe('the "Why?" button', () => {
  it.each([
    ['the asker', undefined],
    ['someone else', { id: '300000000000000009', username: 'bystander' }],
  ])(
    'GIVEN %s clicks "Why?" THEN every verdict in full, by the letters of the message, for the clicker alone; the message is not edited',
    async (_who, user) => {
      server = await startServer();
      const first = await startTestBot(server);
      const { interaction } = await command(server, { name: 'ask', options: { question: 'how many killed' } });
      const message = interaction.original as APIMessage;
      const why = buttonsOf(message).find((button) => button.label === 'Why?')!;
      // After a restart too: the id and the footer say all it needs.
      await first.stop();
      await startTestBot(server);

      const click = await server.sendInteraction(
        server.buildButtonClick({ customId: why.custom_id!, message, ...(user ? { user } : {}) }),
      );
      const reply = await click.waitForCallback();

      expect(reply.type).toBe(4);
      expect(reply.data?.flags).toBe(EPHEMERAL);
      expect(reply.data?.allowed_mentions).toEqual({ parse: [] });
      const [embed] = embedsOf(reply);
      expect(embed!.title).toBe('Why — Killed');
      // The compact line of the message, "⚠️ far apart D–E, E–G", in full.
      expect(message.embeds[1]!.description).toContain('⚠️ far apart D–E, E–G');
      expect(embed!.description).toMatch(
        /^⚠️ \*\*Far apart\*\* \(D, E\): exceeded 200 \(Andrii Kovalenko, the head of the Center for Countering Disinformation, 18 Dec \(year unknown\)\) and at least 100 .* far apart \(200 vs 100\)\.$/m,
      );
      expect(embed!.description).toMatch(/^⚠️ \*\*Far apart\*\* \(E, G\): at least 100 .* several hundred .*$/m);
      // The claimants in full, once.
      expect(embed!.description).toContain('`E` South Korean Member of Parliament, Lee Seong-kweun, to Reuters');
      expect(click.original?.id).not.toBe(message.id);
      expect(server.requests.filter((request) => request.method === 'PATCH')).toEqual([]);
    },
  );
});

describe('the ask cooldown', () => {
  it('GIVEN a 30 s cooldown WHEN one user asks twice THEN the second time they are told when they can ask again; another user is not affected', async () => {
    server = await startServer();
    await startTestBot(server, { env: { ASK_COOLDOWN_SECONDS: '30' } });
    const alice = { id: '300000000000000001', username: 'alice' };
    const bob = { id: '300000000000000002', username: 'bob' };

    const first = await command(server, { name: 'ask', options: { question: 'how many killed' }, user: alice });
    const second = await command(server, { name: 'ask', options: { question: 'how many wounded' }, user: alice });
    const other = await command(server, { name: 'ask', options: { question: 'how many killed' }, user: bob });

    expect(answerEmbedOf(first.callback).description).toContain('**[1]**');
    expect(second.callback.data).toMatchObject({ flags: EPHEMERAL, content: 'You can ask again in 30 s.' });
    expect(other.callback.data?.flags ?? 0).toBe(0);
    expect(answerEmbedOf(other.callback).description).toContain('**[1]**');
  });

  it('GIVEN a 30 s cooldown WHEN a user first asks a question of only common words THEN they are told why, and their next real question is still answered', async () => {
    server = await startServer();
    await startTestBot(server, { env: { ASK_COOLDOWN_SECONDS: '30' } });

    const invalid = await command(server, { name: 'ask', options: { question: 'the of' } });
    const real = await command(server, { name: 'ask', options: { question: 'how many killed' } });
    const again = await command(server, { name: 'ask', options: { question: 'how many injured' } });

    expect(invalid.callback.data).toMatchObject({
      flags: EPHEMERAL,
      content: expect.stringContaining('no words to search for'),
    });
    expect(real.callback.data?.flags ?? 0).toBe(0);
    expect(answerEmbedOf(real.callback).footer?.text).toMatch(/ · asked: how many killed$/);
    // The real question took the turn.
    expect(again.callback.data).toMatchObject({ flags: EPHEMERAL, content: 'You can ask again in 30 s.' });
  });
});

describe('failures', () => {
  /** The seed engine, except that `ask` fails the first `times` calls. */
  function failingEngine(times: number): BotEngine {
    let calls = 0;
    return Object.assign(Object.create(engine) as Engine, {
      ask: (...args: Parameters<Engine['ask']>) => {
        if (calls++ < times) throw new Error('the index exploded');
        return engine.ask(...args);
      },
    });
  }

  it('GIVEN the engine throws THEN the asker gets a private apology, the log has the error with the interaction, and the bot keeps answering', async () => {
    server = await startServer();
    const bot = await startTestBot(server, { engine: failingEngine(1) });

    const failed = await command(server, { name: 'ask', options: { question: 'how many killed' } });

    expect(failed.callback.type).toBe(4);
    expect(failed.callback.data).toMatchObject({
      flags: EPHEMERAL,
      content: 'Something went wrong while answering. It has been logged; please try again.',
      allowed_mentions: { parse: [] },
    });
    const error = bot.logs.find((line) => line.msg === 'interaction failed');
    expect(error).toMatchObject({
      level: 50,
      interactionId: failed.interaction.id,
      command: 'ask',
      userId: server.user.id,
      err: { message: 'the index exploded' },
    });

    const next = await command(server, { name: 'ask', options: { question: 'how many killed' } });
    expect(next.callback.type).toBe(4);
    expect(answerEmbedOf(next.callback).description).toContain(
      '**[1]** North Korean Troops Face Significant Losses in Russia-Ukraine Conflict · newsukraine.rbc.ua',
    );
    const sources = await command(server, { name: 'sources' });
    expect(embedOf(sources.callback).title).toBe('5 articles');
  });
});

describe('slow answers', () => {
  /** Every answer a slow engine has started, so that a test can wait for them to be over. */
  const started: Promise<unknown>[] = [];

  /** The seed engine answering after `ms`, as an engine that does real work off the event loop would. */
  function slowEngine(ms: number, fail = false): BotEngine {
    return Object.assign(Object.create(engine) as Engine, {
      ask: (...args: Parameters<Engine['ask']>) => {
        const answer = (async () => {
          await sleep(ms);
          if (fail) throw new Error('timed out upstream');
          return engine.ask(...args);
        })();
        started.push(answer);
        return answer;
      },
    });
  }

  it('GIVEN an answer slower than the defer threshold THEN the reply is deferred, then the answer replaces "thinking…"', async () => {
    server = await startServer();
    await startTestBot(server, { engine: slowEngine(500), deferAfterMs: 100 });

    const { interaction, callback } = await command(server, { name: 'ask', options: { question: 'how many killed' } });

    expect(callback.type).toBe(5);
    expect(callback.data?.flags ?? 0).toBe(0);
    const edit = await originalEdit(server, interaction);
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ allowed_mentions: { parse: [] } });
    expect(interaction.originalLoading).toBe(false);
    expect(answerEmbedOf(interaction.original).description).toContain(
      '**[1]** North Korean Troops Face Significant Losses in Russia-Ukraine Conflict · newsukraine.rbc.ua',
    );
  });

  it('GIVEN a slow private question THEN the deferral is private too', async () => {
    server = await startServer();
    await startTestBot(server, { engine: slowEngine(300), deferAfterMs: 50 });

    const { interaction, callback } = await command(server, {
      name: 'ask',
      options: { question: 'how many killed', public: false },
    });

    expect(callback).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    await originalEdit(server, interaction);
    expect(interaction.original?.flags).toBe(EPHEMERAL);
    expect(answerEmbedOf(interaction.original).description).toContain('**[1]**');
  });

  it('GIVEN a slow invalid question THEN the public "thinking…" is replaced by a private notice', async () => {
    server = await startServer();
    await startTestBot(server, { engine: slowEngine(300), deferAfterMs: 50 });

    const { interaction, callback } = await command(server, { name: 'ask', options: { question: 'the of' } });

    expect(callback.type).toBe(5);
    await server.waitForRequest(
      (request) =>
        request.method === 'POST' && request.path.startsWith(`/webhooks/${server.applicationId}/${interaction.token}`),
    );
    expect(interaction.original).toBeNull();
    expect(interaction.followups).toHaveLength(1);
    expect(interaction.followups[0]).toMatchObject({
      flags: EPHEMERAL,
      content: expect.stringContaining('no words to search for'),
    });
  });

  it('GIVEN a slow answer that fails THEN the public "thinking…" is replaced by a private apology', async () => {
    server = await startServer();
    const bot = await startTestBot(server, { engine: slowEngine(300, true), deferAfterMs: 50 });

    const { interaction, callback } = await command(server, { name: 'ask', options: { question: 'how many killed' } });

    expect(callback.type).toBe(5);
    await server.waitForRequest(
      (request) =>
        request.method === 'POST' && request.path.startsWith(`/webhooks/${server.applicationId}/${interaction.token}`),
    );
    expect(interaction.original).toBeNull();
    expect(interaction.followups[0]).toMatchObject({
      flags: EPHEMERAL,
      content: expect.stringContaining('Something went wrong'),
    });
    expect(bot.logs.find((line) => line.msg === 'interaction failed')).toMatchObject({
      interactionId: interaction.id,
      err: { message: 'timed out upstream' },
    });
  });

  it('GIVEN the interaction expired before the bot could defer, and the answer then fails THEN both are logged and the bot lives on', async () => {
    server = await startServer();
    const bot = await startTestBot(server, { engine: slowEngine(300, true), deferAfterMs: 50 });

    const expired = await server.sendInteraction(
      server.buildChatInput({ name: 'ask', options: { question: 'how many killed' } }),
    );
    expired.expire();
    await bot.waitForLog((line) => line.msg === 'could not tell the user about the failure');
    // The failing answer settles after the interaction is long given up; then one more turn for the bot to react.
    await Promise.allSettled(started);
    await new Promise(setImmediate);

    expect(expired.acknowledged).toBe(false);
    expect(bot.logs.find((line) => line.msg === 'interaction failed')).toMatchObject({
      interactionId: expired.id,
      err: { code: 10062 },
    });
    const next = await command(server, { name: 'sources' });
    expect(next.callback.type).toBe(4);
  });

  it('GIVEN a slow page ("More passages" posted before paging) clicked by someone else THEN their private copy is deferred, then filled; the asker\'s message is not edited', async () => {
    server = await startServer();
    await startTestBot(server, { engine: slowEngine(300), deferAfterMs: 50 });
    const { interaction } = await command(server, { name: 'ask', options: { question: 'how many killed' } });
    await originalEdit(server, interaction);
    const message = interaction.original as APIMessage;
    server.clearRequests();

    const click = await server.sendInteraction(
      server.buildButtonClick({
        customId: 'ask:more:6',
        message,
        user: { id: '300000000000000009', username: 'bystander' },
      }),
    );

    const deferral = await click.waitForCallback();
    expect(deferral.type).toBe(5);
    expect(deferral.data?.flags).toBe(EPHEMERAL);
    await originalEdit(server, click);
    expect(click.original?.id).not.toBe(message.id);
    expect(pageOf(click.original!.embeds[0]!)).toEqual([4, 6, 10]);
    expect(
      server.requests.filter((request) => request.method === 'PATCH' && request.path.includes(interaction.token)),
    ).toEqual([]);
  });

  it('GIVEN a slow page ("More passages" posted before paging) THEN the update is deferred, then the message is edited', async () => {
    server = await startServer();
    await startTestBot(server, { engine: slowEngine(300), deferAfterMs: 50 });
    const { interaction } = await command(server, { name: 'ask', options: { question: 'how many killed' } });
    await originalEdit(server, interaction);
    const message = interaction.original as APIMessage;

    const click = await server.sendInteraction(server.buildButtonClick({ customId: 'ask:more:6', message }));

    expect((await click.waitForCallback()).type).toBe(6);
    await originalEdit(server, click);
    expect(click.original?.id).toBe(message.id);
    expect(pageOf(click.original!.embeds[0]!)).toEqual([4, 6, 10]);
  });
});
