import { afterAll, describe, expect, it } from 'vitest';
import { SEED_CORPUS } from '../helpers.js';
import { startFakeDiscord, type FakeDiscordServer } from '../support/fake-discord.js';
import { cleanEnv, run, TSX, type Child } from './process.js';

// Shaped like a real bot token (three dot-separated parts), so that a leak would be recognisable.
const SECRET = 'this-is-the-secret-part_0123456789';
const TOKEN = `MTA4NzY1NDMyMTA5ODc2NTQzMg.GsEcRt.${SECRET}`;
const servers: FakeDiscordServer[] = [];
const children: Child[] = [];

// afterAll, not afterEach: the tests run at the same time, each with its own server and process.
afterAll(async () => {
  for (const child of children) child.signal('SIGKILL');
  await Promise.all(servers.map((server) => server.close()));
});

/** The bot as `npm start` (or, with `direct`, the command npm runs: `tsx src/main.ts`) against a fresh fake Discord. */
async function start({ direct = false } = {}): Promise<{ server: FakeDiscordServer; bot: Child }> {
  const server = await startFakeDiscord({ heartbeatIntervalMs: 1000 });
  servers.push(server);
  const env = cleanEnv({
    DISCORD_TOKEN: TOKEN,
    DISCORD_API_URL: server.apiBase,
    CORPUS_DIR: SEED_CORPUS,
    ALLOWED_GUILD_IDS: server.guild.id,
    LOG_LEVEL: 'debug',
  });
  const bot = direct ? run(TSX, ['src/main.ts'], env) : run('npm', ['start'], env);
  children.push(bot);
  await server.waitForIdentify({ timeoutMs: 20_000 });
  await bot.waitForOutput('connected to Discord');
  return { server, bot };
}

function expectNoToken(bot: Child): void {
  for (const output of [bot.stdout(), bot.stderr()]) {
    expect(output).not.toContain(TOKEN);
    expect(output).not.toContain(SECRET);
  }
}

describe.concurrent('npm start with DISCORD_TOKEN', () => {
  it('GIVEN a token and the API address THEN it logs in with the Guilds intent only, answers /ask, and stops cleanly on SIGTERM, never printing the token', async () => {
    const { server, bot } = await start();
    expect(server.gateway.identifies[0]).toMatchObject({ intents: 1, token: TOKEN });

    const ask = await server.sendInteraction(
      server.buildChatInput({ name: 'ask', options: { question: 'how many killed' } }),
    );
    const callback = await ask.waitForCallback(10_000);
    expect(callback.type).toBe(4);
    expect((callback.data!.embeds as { description: string }[])[0]!.description).toContain(
      '**[1]** North Korean Troops Face Significant Losses in Russia-Ukraine Conflict · newsukraine.rbc.ua',
    );
    await bot.waitForOutput('interaction handled');

    // As a terminal's Ctrl-C or a service manager does: the signal goes to npm, sh, tsx and the bot.
    bot.signal('SIGTERM');
    await bot.exited;
    expect(bot.stderr()).toMatch(/"signal":"SIGTERM".*"msg":"shutting down"/);
    // The bot closed the gateway itself (a clean 1000), rather than being killed mid-connection.
    expect(server.gateway.connections.at(-1)).toMatchObject({ closedBy: 'client', closeCode: 1000 });
    expect(bot.stderr()).not.toContain('reconnecting');
    expectNoToken(bot);
  });

  it('GIVEN SIGTERM to the bot process itself THEN it exits with code 0', async () => {
    const { bot } = await start({ direct: true });

    bot.process.kill('SIGTERM');

    expect(await bot.exited).toBe(0);
    expect(bot.stderr()).toContain('shutting down');
    expectNoToken(bot);
  });

  it('GIVEN the gateway closes for good (4004: token revoked) THEN it exits 1 so that a supervisor restarts it', async () => {
    const { server, bot } = await start();

    server.closeGateway(4004);

    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toContain('gateway closed for good');
    expectNoToken(bot);
  });

  it('GIVEN a corpus folder that does not exist THEN it exits 1 saying which folder, before connecting', async () => {
    const server = await startFakeDiscord();
    servers.push(server);
    const bot = run(
      TSX,
      ['src/main.ts'],
      cleanEnv({
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_URL: server.apiBase,
        CORPUS_DIR: '/nonexistent/articles',
        ALLOWED_GUILD_IDS: server.guild.id,
      }),
    );
    children.push(bot);

    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toMatch(/"level":60.*corpus: cannot read the folder \/nonexistent\/articles/);
    expect(server.identifyCount).toBe(0);
    expectNoToken(bot);
  });

  it('GIVEN a malformed token THEN it exits 1 naming DISCORD_TOKEN, without echoing it', async () => {
    const bot = run(TSX, ['src/main.ts'], cleanEnv({ DISCORD_TOKEN: 'not a token!', CORPUS_DIR: SEED_CORPUS }));
    children.push(bot);

    expect(await bot.exited).toBe(1);
    expect(bot.stderr()).toMatch(/DISCORD_TOKEN does not look like a bot token.*Reset Token/);
    expect(bot.stderr()).not.toContain('not a token!');
  });
});
