/**
 * Only where it belongs: the bot serves the servers in ALLOWED_GUILD_IDS and nothing else. Driven end
 * to end: the real discord.js client against the fake Discord, with a second server the bot was
 * invited to without permission, and direct messages.
 */
import { Routes } from 'discord.js';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { commands, definitions } from '../../commands/index.js';
import { NoGuildAllowedError, REFUSAL } from '../../src/bot/guilds.js';
import { readEnv } from '../../src/config/env.js';
import { createLogger } from '../../src/log.js';
import { SEED_CORPUS } from '../helpers.js';
import type {
  AcceptedCallback,
  ChatInputOptions,
  FakeDiscordServer,
  FakeInteraction,
} from '../support/fake-discord.js';
import { captureLogs, seed, startBot, startServer, startTestBot, stopAll, TOKEN, type TestBot } from './harness.js';
import { cleanEnv, run, TSX, type Child } from './process.js';

const EPHEMERAL = 64;
/** Words of the seed corpus that must never reach a stranger: publishers, a title's words, an article id. */
const CORPUS_WORDS = ['YTN', 'newsukraine', 'North Korean', '000_76f2eabdc61f15ff', 'article'];

afterEach(stopAll);

/** A fake Discord where the bot is in the team's server and in a stranger's, and is allowed in the team's only. */
async function teamAndStranger(env: Record<string, string> = {}) {
  const server = await startServer({ guilds: [{ name: 'The Newsroom' }, { name: 'Stranger Things Fan Club' }] });
  const [team, stranger] = server.guilds as [FakeDiscordServer['guild'], FakeDiscordServer['guild']];
  const bot = await startTestBot(server, { env: { ALLOWED_GUILD_IDS: team.id, ...env } });
  return { server, team, stranger, bot };
}

/** The refusal: a private message of one line, with nothing else in it. */
function expectRefusal(callback: AcceptedCallback): void {
  expect(callback.type).toBe(4);
  expect(callback.data).toMatchObject({ content: REFUSAL, flags: EPHEMERAL });
  expect(callback.data?.embeds ?? []).toEqual([]);
  expect(callback.data?.components ?? []).toEqual([]);
  const sent = JSON.stringify(callback.data);
  for (const word of CORPUS_WORDS) expect(sent).not.toContain(word);
}

/** Nothing but the refusal went to Discord for this interaction: no edit, no follow-up. */
function expectNothingMoreFor(server: FakeDiscordServer, interaction: FakeInteraction): void {
  const about = server.requests.filter(
    (request) => request.path.includes(interaction.token) && !request.path.startsWith('/interactions/'),
  );
  expect(about.map((request) => `${request.method} ${request.path}`)).toEqual([]);
  expect(interaction.followups).toEqual([]);
}

function refusedLog(bot: TestBot, interaction: FakeInteraction) {
  return bot.waitForLog(
    (line) => line.msg === 'interaction refused: not from an allowed server' && line.interactionId === interaction.id,
  );
}

describe('a server the bot is not allowed in', () => {
  it('GIVEN the bot is in a server not in ALLOWED_GUILD_IDS at start-up THEN it leaves it, logged, and stays in the allowed one', async () => {
    const { server, team, stranger, bot } = await teamAndStranger();

    const leave = await server.waitForRequest(
      (request) => request.method === 'DELETE' && request.path === Routes.userGuild(stranger.id),
    );
    expect(leave.status).toBe(204);
    const logged = await bot.waitForLog((line) => line.msg === 'left a server the bot is not allowed in');
    expect(logged).toMatchObject({ level: 40, guildId: stranger.id, guildName: 'Stranger Things Fan Club' });
    expect(server.leftGuilds.map((guild) => guild.id)).toEqual([stranger.id]);
    expect(server.guilds.map((guild) => guild.id)).toEqual([team.id]);
    // Left once, though discord.js reports the guild both as available and, at ready, in its cache.
    expect(server.requests.filter((request) => request.method === 'DELETE')).toHaveLength(1);
    expect(bot.logs.filter((line) => line.msg.startsWith('could not leave'))).toEqual([]);
  });

  it('GIVEN someone invites the bot to another server while it runs THEN it leaves that server at once, logged', async () => {
    const { server, bot } = await teamAndStranger();
    await bot.waitForLog((line) => line.msg === 'left a server the bot is not allowed in');

    const invited = server.addGuild({ name: 'Somebody Else' });
    await server.waitForRequest(
      (request) => request.method === 'DELETE' && request.path === Routes.userGuild(invited.id),
    );
    const logged = await bot.waitForLog(
      (line) => line.msg === 'left a server the bot is not allowed in' && line.guildId === invited.id,
    );
    expect(logged.guildName).toBe('Somebody Else');
    expect(server.leftGuilds.map((guild) => guild.name)).toEqual(['Stranger Things Fan Club', 'Somebody Else']);
  });

  it('GIVEN /ask, /sources, /source and a button from a server not allowed THEN each gets the private refusal and no data', async () => {
    const { server, stranger, bot } = await teamAndStranger();

    const tried: ChatInputOptions[] = [
      { name: 'ask', options: { question: 'how many killed' } },
      { name: 'sources' },
      { name: 'source', options: { id: '000' } },
      { name: 'figures', options: { topic: 'killed' } },
      { name: 'help' },
    ];
    for (const options of tried) {
      const interaction = await server.sendInteraction(server.buildChatInput({ ...options, guild: stranger }));
      expectRefusal(await interaction.waitForCallback());
      const logged = await refusedLog(bot, interaction);
      expect(logged).toMatchObject({ level: 40, guildId: stranger.id, where: 'a server not allowed' });
      expectNothingMoreFor(server, interaction);
    }

    const click = await server.sendInteraction(server.buildButtonClick({ customId: 'more:1:0', guild: stranger }));
    expectRefusal(await click.waitForCallback());
  });

  it('GIVEN autocomplete from a server not allowed THEN no suggestion (no article ids) is offered', async () => {
    const { server, stranger } = await teamAndStranger();

    const interaction = await server.sendInteraction(
      server.buildAutocomplete({ name: 'source', focused: { name: 'id', value: '0' }, guild: stranger }),
    );
    const callback = await interaction.waitForCallback();
    expect(callback.type).toBe(8);
    expect(callback.data).toEqual({ choices: [] });
  });

  it('GIVEN the same commands from the allowed server THEN they are answered as always', async () => {
    const { server, team } = await teamAndStranger();

    const interaction = await server.sendInteraction(
      server.buildChatInput({ name: 'ask', options: { question: 'how many killed' }, guild: team }),
    );
    const callback = await interaction.waitForCallback();
    expect(callback.type).toBe(4);
    expect(JSON.stringify(callback.data)).toContain('newsukraine.rbc.ua');
  });
});

describe('a direct message', () => {
  it('GIVEN /ask, /sources and a button in a DM THEN each gets the private refusal and no data, logged as a DM', async () => {
    const { server, bot } = await teamAndStranger();

    const tried: ChatInputOptions[] = [{ name: 'ask', options: { question: 'how many killed' } }, { name: 'sources' }];
    for (const options of tried) {
      const interaction = await server.sendInteraction(server.buildChatInput({ ...options, dm: true }));
      expect(interaction.payload.guild_id).toBeUndefined();
      expectRefusal(await interaction.waitForCallback());
      expect(await refusedLog(bot, interaction)).toMatchObject({ guildId: null, where: 'a direct message' });
      expectNothingMoreFor(server, interaction);
    }
    const click = await server.sendInteraction(server.buildButtonClick({ customId: 'more:1:0', dm: true }));
    expectRefusal(await click.waitForCallback());
  });

  it('GIVEN ALLOW_ANY_GUILD=true THEN every server is served and none is left, but a DM is still refused', async () => {
    const server = await startServer({ guilds: [{ name: 'The Newsroom' }, { name: 'Another Newsroom' }] });
    const bot = await startTestBot(server, { env: { ALLOWED_GUILD_IDS: '', ALLOW_ANY_GUILD: 'true' } });
    const other = server.guilds[1]!;

    const answered = await server.sendInteraction(
      server.buildChatInput({ name: 'ask', options: { question: 'how many killed' }, guild: other }),
    );
    expect(JSON.stringify((await answered.waitForCallback()).data)).toContain('newsukraine.rbc.ua');
    const dm = await server.sendInteraction(
      server.buildChatInput({ name: 'ask', options: { question: 'how many killed' }, dm: true }),
    );
    expectRefusal(await dm.waitForCallback());
    expect(server.leftGuilds).toEqual([]);
    expect(bot.logs.filter((line) => line.msg === 'left a server the bot is not allowed in')).toEqual([]);
  });
});

describe('registration', () => {
  it('GIVEN every command THEN it is registered for servers only: context Guild (0), installed by servers only (0)', () => {
    expect(commands.length).toBeGreaterThan(0);
    expect(definitions.length).toBeGreaterThan(commands.length);
    for (const data of definitions) {
      expect(data, data.name).toMatchObject({ contexts: [0], integration_types: [0] });
    }
  });
});

describe('no server allowed', () => {
  const children: Child[] = [];
  afterAll(() => {
    for (const child of children) child.signal('SIGKILL');
  });

  it('GIVEN neither ALLOWED_GUILD_IDS nor DISCORD_GUILD_ID THEN startBot refuses before loading anything or reaching Discord', async () => {
    const server = await startServer();
    const { sink, logs } = captureLogs();
    const env = readEnv(
      { DISCORD_TOKEN: TOKEN, DISCORD_API_URL: server.apiBase, CORPUS_DIR: SEED_CORPUS },
      { dotenv: false },
    );
    server.clearRequests();

    const started = startBot({ env, engine: await seed(), log: createLogger('debug', sink) });

    await expect(started).rejects.toThrow(NoGuildAllowedError);
    await expect(started).rejects.toThrow(
      /^config: no server is allowed: set ALLOWED_GUILD_IDS \(or DISCORD_GUILD_ID\) to your server’s id/,
    );
    expect(server.requests).toEqual([]);
    expect(server.identifyCount).toBe(0);
    expect(logs).toEqual([]);
  });

  // Child processes: tsx starts slowly on a busy 2-core machine, so each has a minute.
  it('GIVEN npm start with a token and no server allowed THEN exit 1 saying what to set, the token nowhere', async () => {
    const bot = run(TSX, ['src/main.ts'], cleanEnv({ DISCORD_TOKEN: TOKEN, CORPUS_DIR: SEED_CORPUS }));
    children.push(bot);
    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toMatch(/"level":60.*config: no server is allowed: set ALLOWED_GUILD_IDS/);
    expect(bot.stderr()).toContain('ALLOW_ANY_GUILD=true serves every server');
    expect(bot.stdout() + bot.stderr()).not.toContain(TOKEN);
  }, 60_000);

  it('GIVEN npm start without a token and no server allowed THEN the console runs: it needs none of this', async () => {
    const console = run(TSX, ['src/main.ts'], cleanEnv({ CORPUS_DIR: SEED_CORPUS }));
    children.push(console);
    console.process.stdin.end('/sources\n');
    expect(await console.exited).toBe(0);
    expect(console.stdout()).toContain('YTN');
  }, 60_000);
});
