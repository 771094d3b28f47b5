import { once } from 'node:events';
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  DiscordAPIError,
  type ClientOptions,
  Events,
  GatewayIntentBits,
  MessageFlags,
  REST,
  Routes,
  SlashCommandBuilder,
  type Interaction,
} from 'discord.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeDiscord, type FakeDiscordServer } from './fake-discord.js';

const TOKEN = 'fake-bot-token';

let server: FakeDiscordServer;
let client: Client | undefined;

beforeEach(async () => {
  // A short heartbeat keeps zombie-detection tests fast; everything else is event-driven.
  server = await startFakeDiscord({ heartbeatIntervalMs: 250 });
});

afterEach(async () => {
  await client?.destroy();
  client = undefined;
  await server.close();
});

async function login(options: Partial<ClientOptions> = {}): Promise<Client<true>> {
  const c = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: server.apiBase }, ...options });
  client = c;
  const ready = once(c, Events.ClientReady);
  await c.login(TOKEN);
  await ready;
  return c as Client<true>;
}

/**
 * Runs `handler` on the next interaction the client receives and settles with its outcome,
 * so discord.js errors become assertion failures instead of unhandled rejections.
 */
function handleNext<T>(c: Client, handler: (interaction: Interaction) => Promise<T>): Promise<T> {
  const result = new Promise<T>((resolve, reject) => {
    c.once(Events.InteractionCreate, (interaction) => {
      handler(interaction).then(resolve, reject);
    });
  });
  result.catch(() => undefined);
  return result;
}

describe('fake Discord server with the real discord.js client', () => {
  it('logs in, becomes clientReady and caches the configured guild', async () => {
    const c = await login();

    expect(c.user.id).toBe(server.bot.id);
    expect(c.application.id).toBe(server.applicationId);
    const guild = c.guilds.cache.get(server.guild.id);
    expect(guild?.name).toBe(server.guild.name);
    expect(guild?.available).toBe(true);
    expect(c.channels.cache.get(server.channelId)?.isTextBased()).toBe(true);
    expect(guild?.members.me?.id).toBe(server.bot.id);

    // What discord.js actually sent: /gateway/bot with the bot token, then one plain JSON connection.
    const gatewayBot = await server.waitForRequest((r) => r.path === Routes.gatewayBot());
    expect(gatewayBot.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(server.gateway.connections[0]?.query).toEqual({ v: '10', encoding: 'json' });
    expect(server.identifyCount).toBe(1);
    const identify = server.gateway.identifies[0]!;
    expect(identify.token).toBe(TOKEN);
    expect(identify.intents).toBe(GatewayIntentBits.Guilds);
    expect(identify.compress).toBe(false);
  });

  it('delivers a chat command and records reply() as callback type 4 with allowed_mentions', async () => {
    const c = await login();
    const handled = handleNext(c, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error(`unexpected ${interaction.type}`);
      await interaction.reply({
        content: `Q: ${interaction.options.getString('question')}`,
        allowedMentions: { parse: [] },
      });
      return {
        name: interaction.commandName,
        guildId: interaction.guildId,
        locale: interaction.locale,
        member: interaction.member?.user.id,
      };
    });

    const fake = await server.sendInteraction(server.buildChatInput({ name: 'ask', options: { question: 'why?' } }));
    expect(await handled).toEqual({ name: 'ask', guildId: server.guild.id, locale: 'en-US', member: server.user.id });

    const callback = await fake.waitForCallback();
    expect(callback.type).toBe(4);
    expect(callback.data).toMatchObject({ content: 'Q: why?', allowed_mentions: { parse: [] } });
    // discord.js 14.28 always asks explicitly for no response body.
    expect(callback.request.query.with_response).toBe('false');
    expect(callback.request.path).toBe(Routes.interactionCallback(fake.id, fake.token));
    expect(callback.request.status).toBe(204);
    expect(fake.original?.content).toBe('Q: why?');
  });

  it('returns the callback resource when discord.js asks withResponse', async () => {
    const c = await login();
    const handled = handleNext(c, async (interaction) => {
      if (!interaction.isRepliable()) throw new Error('not repliable');
      const response = await interaction.reply({ content: 'with body', withResponse: true });
      return { content: response.resource?.message?.content, id: response.interaction.id };
    });
    const fake = await server.sendInteraction(server.buildChatInput({ name: 'ask' }));
    expect(await handled).toEqual({ content: 'with body', id: fake.id });
  });

  it('records deferReply() as type 5 and editReply() as PATCH @original', async () => {
    const c = await login();
    const handled = handleNext(c, async (interaction) => {
      if (!interaction.isChatInputCommand()) throw new Error('not a command');
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      const message = await interaction.editReply({ content: 'done thinking' });
      return message.content;
    });
    const fake = await server.sendInteraction(server.buildChatInput({ name: 'ask' }));
    expect(await handled).toBe('done thinking');

    expect((await fake.waitForCallback()).type).toBe(5);
    const edit = await server.waitForRequest(
      (r) => r.method === 'PATCH' && r.path === Routes.webhookMessage(server.applicationId, fake.token, '@original'),
    );
    expect(edit.body).toMatchObject({ content: 'done thinking' });
    expect(edit.status).toBe(200);
    expect(fake.original?.flags).toBe(MessageFlags.Ephemeral);
    expect(fake.originalLoading).toBe(false);
  });

  it('records a button click update() as type 7 and autocomplete respond() as type 8', async () => {
    const c = await login();
    const row = new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId('more:1').setLabel('More').setStyle(ButtonStyle.Primary),
    );
    const clicked = handleNext(c, async (interaction) => {
      if (!interaction.isButton()) throw new Error('not a button');
      await interaction.update({ content: 'expanded', components: [row] });
      return interaction.customId;
    });
    const button = await server.sendInteraction(server.buildButtonClick({ customId: 'more:1' }));
    expect(await clicked).toBe('more:1');
    const update = await button.waitForCallback();
    expect(update.type).toBe(7);
    expect(button.original?.content).toBe('expanded');
    expect(button.original?.id).toBe(button.payload.type === 3 ? button.payload.message.id : undefined);

    const completed = handleNext(c, async (interaction) => {
      if (!interaction.isAutocomplete()) throw new Error('not autocomplete');
      const focused = interaction.options.getFocused(true);
      await interaction.respond([{ name: `${focused.value} election`, value: 'story-1' }]);
      return focused.name;
    });
    const auto = await server.sendInteraction(
      server.buildAutocomplete({ name: 'ask', focused: { name: 'story', value: 'mayor' } }),
    );
    expect(await completed).toBe('story');
    const respond = await auto.waitForCallback();
    expect(respond.type).toBe(8);
    expect(respond.data).toEqual({ choices: [{ name: 'mayor election', value: 'story-1' }] });
  });

  it('rejects a too-long reply with 50035 so discord.js throws DiscordAPIError', async () => {
    const c = await login();
    const handled = handleNext(c, async (interaction) => {
      if (!interaction.isRepliable()) throw new Error('not repliable');
      try {
        await interaction.reply({ content: 'x'.repeat(2001) });
        return null;
      } catch (error) {
        return error;
      }
    });
    const fake = await server.sendInteraction(server.buildChatInput({ name: 'ask' }));
    const error = await handled;
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50035);
    expect((error as DiscordAPIError).status).toBe(400);
    expect((error as DiscordAPIError).message).toContain('data.content[BASE_TYPE_MAX_LENGTH]');
    // A rejected response does not acknowledge the interaction.
    expect(fake.acknowledged).toBe(false);
  });

  it('validates embeds like Discord', async () => {
    const c = await login();
    const handled = handleNext(c, async (interaction) => {
      if (!interaction.isRepliable()) throw new Error('not repliable');
      const fields = Array.from({ length: 26 }, (_, i) => ({ name: `f${i}`, value: 'v' }));
      return interaction.reply({ embeds: [{ title: 't'.repeat(257), fields }] }).then(
        () => null,
        (error: unknown) => error,
      );
    });
    await server.sendInteraction(server.buildChatInput({ name: 'ask' }));
    const error = (await handled) as DiscordAPIError;
    expect(error.code).toBe(50035);
    expect(error.message).toContain('data.embeds[0].title[BASE_TYPE_MAX_LENGTH]');
    expect(error.message).toContain('data.embeds[0].fields[BASE_TYPE_MAX_LENGTH]');
  });

  it('answers a second callback with 40060 and an expired one with 10062', async () => {
    const c = await login();
    const replied = handleNext(c, async (interaction) => {
      if (interaction.isRepliable()) await interaction.reply('first');
    });
    const fake = await server.sendInteraction(server.buildChatInput({ name: 'ask' }));
    await replied;
    const again = await fetch(`${server.apiBase}/v10${Routes.interactionCallback(fake.id, fake.token)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 4, data: { content: 'second' } }),
    });
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual({ code: 40060, message: 'Interaction has already been acknowledged.' });

    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const late = handleNext(c, async (interaction) => {
      await gate;
      if (!interaction.isRepliable()) throw new Error('not repliable');
      return interaction.reply('too late').then(
        () => null,
        (error: unknown) => error,
      );
    });
    const expired = await server.sendInteraction(server.buildChatInput({ name: 'ask' }));
    expired.expire();
    release();
    const error = (await late) as DiscordAPIError;
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error.code).toBe(10062);
    expect(error.status).toBe(404);
  });

  it('stores commands bulk-overwritten with REST.put and echoes them with ids', async () => {
    const rest = new REST({ api: server.apiBase }).setToken(TOKEN);
    const ask = new SlashCommandBuilder()
      .setName('ask')
      .setDescription('Ask about the story')
      .addIntegerOption((o) => o.setName('count').setDescription('How many passages').setRequired(true));
    const route = Routes.applicationGuildCommands(server.applicationId, server.guild.id);

    const stored = (await rest.put(route, { body: [ask.toJSON()] })) as {
      id: string;
      name: string;
      guild_id: string;
    }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ name: 'ask', guild_id: server.guild.id, application_id: server.applicationId });
    expect(stored[0]!.id).toMatch(/^\d{17,20}$/);
    expect(await rest.get(route)).toEqual(stored);
    expect(server.getCommands(server.guild.id)).toEqual(stored);

    // Overwriting keeps the id of an unchanged command, like Discord.
    const again = (await rest.put(route, { body: [ask.toJSON()] })) as { id: string }[];
    expect(again[0]!.id).toBe(stored[0]!.id);

    // Built interactions pick up the registered id and declared option types.
    const payload = server.buildChatInput({ name: 'ask', options: { count: 3 } });
    expect(payload.data.id).toBe(stored[0]!.id);
    expect(payload.data.options).toEqual([{ name: 'count', type: 4, value: 3 }]);

    const invalid = await rest.put(route, { body: [{ name: 'Bad Name', description: '' }] }).catch((e: unknown) => e);
    expect(invalid).toBeInstanceOf(DiscordAPIError);
    expect((invalid as DiscordAPIError).code).toBe(50035);
  });

  it('resumes after a 4000 close and replays an interaction sent while disconnected', async () => {
    const c = await login();
    server.closeGateway(4000);
    // Dispatched into the session log while the client is away; RESUME must replay it.
    const handled = handleNext(c, async (interaction) => {
      if (interaction.isRepliable()) await interaction.reply('after resume');
    });
    const missed = await server.sendInteraction(server.buildChatInput({ name: 'ask' }), { waitForReady: false });
    await server.waitForResume();
    await handled;
    expect((await missed.waitForCallback()).data).toMatchObject({ content: 'after resume' });

    expect(server.identifyCount).toBe(1);
    expect(server.resumeCount).toBe(1);
    // discord.js reconnects to resume_gateway_url, not the /gateway/bot URL.
    expect(server.gateway.connections.at(-1)?.path).toBe('/resume');

    const later = handleNext(c, async (interaction) => {
      if (interaction.isRepliable()) await interaction.reply('still works');
    });
    const next = await server.sendInteraction(server.buildChatInput({ name: 'ask' }));
    await later;
    expect((await next.waitForCallback()).data).toMatchObject({ content: 'still works' });
  });

  it('resumes after op 7 and a zombie connection, re-identifies after op 9', async () => {
    // @discordjs/ws spaces IDENTIFYs ≥5 s apart (max_concurrency 1); skip that wait here only.
    const c = await login({ ws: { buildIdentifyThrottler: async () => ({ waitForIdentify: async () => {} }) } });

    // Wait for the *client* to process RESUMED: sending op 9 while discord.js is still
    // handling RESUMED crashes its RESUMED handler (sessionInfo already cleared).
    let resumed = once(c, Events.ShardResume);
    server.sendReconnect();
    await resumed;
    expect(server.resumeCount).toBe(1);

    resumed = once(c, Events.ShardResume);
    server.stopHeartbeatAcks();
    await resumed;
    expect(server.resumeCount).toBe(2);
    // Both times discord.js closed the old socket itself with its private "resuming" code.
    expect(server.gateway.connections.slice(0, 2).map((conn) => [conn.closeCode, conn.closedBy])).toEqual([
      [4200, 'client'],
      [4200, 'client'],
    ]);

    server.sendInvalidSession(false);
    await server.waitForIdentify({ count: 2 });
    await server.waitForReady();

    const handled = handleNext(c, async (interaction) => {
      if (interaction.isRepliable()) await interaction.reply('alive');
    });
    const fake = await server.sendInteraction(server.buildChatInput({ name: 'ask' }));
    await handled;
    expect((await fake.waitForCallback()).type).toBe(4);
  });

  it('does not reconnect after the fatal close code 4004', async () => {
    const c = await login();
    const disconnected = once(c, Events.ShardDisconnect);
    // @discordjs/ws surfaces 4004 as a shard error as well; swallow it for this test.
    c.on(Events.ShardError, () => undefined);
    server.closeGateway(4004);
    const [event] = (await disconnected) as [{ code: number }];
    expect(event.code).toBe(4004);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(server.identifyCount + server.resumeCount).toBe(1);
  });

  it('lets discord.js retry a 429 on the callback route and a 500 on editReply', async () => {
    const c = await login();
    const limit = server.rateLimitNext('/interactions/:id/:token/callback', { retryAfter: 0.05 });
    const failure = server.serverErrorNext('/webhooks/:appId/:token/messages/@original', { method: 'PATCH' });
    const handled = handleNext(c, async (interaction) => {
      if (!interaction.isRepliable()) throw new Error('not repliable');
      await interaction.deferReply();
      await interaction.editReply('eventually');
    });
    const fake = await server.sendInteraction(server.buildChatInput({ name: 'ask' }));
    await handled;

    expect(limit.hits).toHaveLength(1);
    expect(limit.hits[0]!.status).toBe(429);
    expect(failure.hits).toHaveLength(1);
    const callbacks = server.requests.filter((r) => r.path === Routes.interactionCallback(fake.id, fake.token));
    expect(callbacks.map((r) => r.status)).toEqual([429, 204]);
    expect(fake.original?.content).toBe('eventually');
  });

  it('treats follow-ups after a deferral like Discord and rejects empty messages', async () => {
    const c = await login();
    const handled = handleNext(c, async (interaction) => {
      if (!interaction.isRepliable()) throw new Error('not repliable');
      await interaction.deferReply();
      const first = await interaction.followUp('first follow-up');
      const second = await interaction.followUp({ content: 'second', flags: MessageFlags.Ephemeral });
      const empty = await interaction.followUp({ content: '' }).catch((e: unknown) => e);
      return { first: first.id, second: second.id, empty };
    });
    const fake = await server.sendInteraction(server.buildChatInput({ name: 'ask' }));
    const { first, second, empty } = await handled;
    // The first follow-up replaces the "thinking…" message.
    expect(first).toBe(fake.original?.id);
    expect(fake.followups.map((m) => m.id)).toEqual([second]);
    expect(fake.followups[0]?.flags).toBe(MessageFlags.Ephemeral);
    expect((empty as DiscordAPIError).code).toBe(50006);
  });

  it('serves @me routes and answers unknown routes with a recorded Discord-style 404', async () => {
    const c = await login();
    expect(await c.rest.get(Routes.user('@me'))).toMatchObject({ id: server.bot.id, bot: true });
    expect((await c.application.fetch()).id).toBe(server.applicationId);

    const error = await c.rest.get('/unknown/route').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).status).toBe(404);
    const recorded = await server.waitForRequest((r) => r.path === '/unknown/route');
    expect(recorded.responseBody).toEqual({ message: '404: Not Found', code: 0 });
  });
});
