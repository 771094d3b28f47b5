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
    expect(embed.title).toBe('how many killed');
    // The quote a reader would check, with the asked words in bold, cited as [1].
    expect(embed.description).toMatch(/^\*\*\[1\]\*\* “.*at least 100 North Korean soldiers have \*\*died\*\*/);
    expect(embed.fields?.[0]).toMatchObject({
      name: '[1] newsukraine.rbc.ua, date unknown',
      value: expect.stringContaining(`\`${SEED.losses}\``),
    });
    // Three passages, three citations; the same numbers in the text and in the fields.
    expect(embed.fields?.map((field) => field.name.slice(0, 3))).toEqual(['[1]', '[2]', '[3]']);
    expect(embed.footer?.text).toBe('Crosscheck · 5 articles · asked: how many killed');
    expect(buttonsOf(callback)).toEqual([expect.objectContaining({ label: 'More passages', custom_id: 'ask:more:6' })]);
    // The fake validates like Discord (50035 on any limit): the reply was accepted, and this is what was sent.
    expect(callback.request.status).toBe(204);
  });

  it('GIVEN limit 10 WHEN asked "how many killed" THEN YTN is cited with its date, and no "More passages" button is left', async () => {
    server = await startServer();
    await startTestBot(server);

    const { callback } = await command(server, { name: 'ask', options: { question: 'how many killed', limit: 10 } });

    const embed = answerEmbedOf(callback);
    expect(embed.fields).toHaveLength(10);
    const ytn = embed.fields!.find((field) => field.name.endsWith('YTN, 2024-10-05'));
    expect(ytn?.value).toContain(SEED.ytn);
    expect(embed.description).toContain('officers');
    // Ten passages leave the figures under them too little room for every verdict: those are a click away.
    expect(buttonsOf(callback)).toEqual([
      expect.objectContaining({ label: 'Show figures', custom_id: 'ask:figures:10' }),
    ]);
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
    expect(answerEmbedOf(callback).title).toContain('how many killed');
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
    expect(answerEmbedOf(callback).fields?.[0]?.name).toBe('[1] newsukraine.rbc.ua, date unknown');
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

describe('the "More passages" button', () => {
  it('GIVEN an answer WHEN "More passages" is clicked on it after the bot restarted THEN the message updates to six passages', async () => {
    server = await startServer();
    const first = await startTestBot(server);
    const { interaction } = await command(server, { name: 'ask', options: { question: 'how many killed' } });
    const message = interaction.original as APIMessage;
    expect(message.embeds[0]?.fields).toHaveLength(3);

    // A restart: the first bot is gone, a new process with empty memory answers the click.
    await first.stop();
    await startTestBot(server);
    const click = await server.sendInteraction(
      server.buildButtonClick({ customId: buttonsOf(message)[0]!.custom_id!, message }),
    );
    const update = await click.waitForCallback();

    expect(update.type).toBe(7);
    const embed = answerEmbedOf(update);
    expect(embed.fields).toHaveLength(6);
    expect(embed.fields!.some((field) => field.name.endsWith('YTN, 2024-10-05'))).toBe(true);
    expect(embed.footer?.text).toBe('Crosscheck · 5 articles · asked: how many killed');
    expect(buttonsOf(update)).toEqual([expect.objectContaining({ custom_id: 'ask:more:9' })]);
    // The same message, edited in place.
    expect(click.original?.id).toBe(message.id);
    expect(click.original?.embeds[0]?.fields).toHaveLength(6);
  });

  it('GIVEN someone else clicks "More passages" THEN they get the six passages for them alone and the asker\'s message is not edited; the asker\'s click still edits it', async () => {
    server = await startServer();
    await startTestBot(server);
    const { interaction } = await command(server, { name: 'ask', options: { question: 'how many killed' } });
    const message = interaction.original as APIMessage;
    const more = buttonsOf(message)[0]!.custom_id!;
    const bystander = { id: '300000000000000009', username: 'bystander' };

    const theirs = await server.sendInteraction(server.buildButtonClick({ customId: more, message, user: bystander }));
    const copy = await theirs.waitForCallback();

    expect(copy.type).toBe(4);
    expect(copy.data?.flags).toBe(EPHEMERAL);
    expect(copy.data?.allowed_mentions).toEqual({ parse: [] });
    expect(answerEmbedOf(copy).fields).toHaveLength(6);
    expect(buttonsOf(copy)).toEqual([expect.objectContaining({ custom_id: 'ask:more:9' })]);
    expect(theirs.original?.id).not.toBe(message.id);
    // Nothing edited the asker's message: no update callback (the one callback was a new message), no PATCH.
    expect(server.requests.filter((request) => request.method === 'PATCH')).toEqual([]);

    const asker = await server.sendInteraction(server.buildButtonClick({ customId: more, message }));
    const update = await asker.waitForCallback();
    expect(update.type).toBe(7);
    expect(update.data?.flags ?? 0).toBe(0);
    expect(asker.original?.id).toBe(message.id);
    expect(asker.original?.embeds[0]?.fields).toHaveLength(6);
  });

  it('GIVEN a message without the question in its footer THEN the clicker is told to ask again, privately', async () => {
    server = await startServer();
    await startTestBot(server);

    const click = await server.sendInteraction(server.buildButtonClick({ customId: 'ask:more:6' }));
    const callback = await click.waitForCallback();

    expect(callback.type).toBe(4);
    expect(callback.data).toMatchObject({ flags: EPHEMERAL, content: expect.stringContaining('ask again with /ask') });
  });
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

    expect(answerEmbedOf(first.callback).fields?.length).toBeGreaterThan(0);
    expect(second.callback.data).toMatchObject({ flags: EPHEMERAL, content: 'You can ask again in 30 s.' });
    expect(other.callback.data?.flags ?? 0).toBe(0);
    expect(answerEmbedOf(other.callback).fields?.length).toBeGreaterThan(0);
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
    expect(answerEmbedOf(real.callback).title).toBe('how many killed');
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
    expect(answerEmbedOf(next.callback).fields?.[0]?.name).toBe('[1] newsukraine.rbc.ua, date unknown');
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
    expect(answerEmbedOf(interaction.original).fields?.[0]?.name).toBe('[1] newsukraine.rbc.ua, date unknown');
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
    expect(answerEmbedOf(interaction.original).fields?.length).toBeGreaterThan(0);
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

  it('GIVEN a slow "More passages" clicked by someone else THEN their private copy is deferred, then filled; the asker\'s message is not edited', async () => {
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
    expect(click.original?.embeds[0]?.fields).toHaveLength(6);
    expect(
      server.requests.filter((request) => request.method === 'PATCH' && request.path.includes(interaction.token)),
    ).toEqual([]);
  });

  it('GIVEN a slow "More passages" THEN the update is deferred, then the message is edited', async () => {
    server = await startServer();
    await startTestBot(server, { engine: slowEngine(300), deferAfterMs: 50 });
    const { interaction } = await command(server, { name: 'ask', options: { question: 'how many killed' } });
    await originalEdit(server, interaction);
    const message = interaction.original as APIMessage;

    const click = await server.sendInteraction(server.buildButtonClick({ customId: 'ask:more:6', message }));

    expect((await click.waitForCallback()).type).toBe(6);
    await originalEdit(server, click);
    expect(click.original?.id).toBe(message.id);
    expect(click.original?.embeds[0]?.fields).toHaveLength(6);
  });
});
