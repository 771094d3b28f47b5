import { afterAll, describe, expect, it } from 'vitest';
import { startFakeDiscord as startServer, type FakeDiscordServer } from '../support/fake-discord.js';
import { cleanEnv, run, TSX } from './process.js';

const TOKEN = 'deploy-token.abcdefghijklmnopqrstuvwxyz';
const servers: FakeDiscordServer[] = [];

async function startFakeDiscord(): Promise<FakeDiscordServer> {
  const server = await startServer();
  servers.push(server);
  return server;
}

// afterAll, not afterEach: the tests run at the same time, each with its own server.
afterAll(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const deploy = (env: Record<string, string>) => run(TSX, ['src/deployCommands.ts'], cleanEnv(env));

// Concurrent: each test has its own server, and most of the time is the child's start-up.
describe.concurrent('npm run deploy-commands', () => {
  it('GIVEN a token, the application id and a guild THEN the commands are registered in that guild with their options', async () => {
    const server = await startFakeDiscord();
    const child = deploy({
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: server.applicationId,
      DISCORD_GUILD_ID: server.guild.id,
      DISCORD_API_URL: server.apiBase,
    });

    expect(await child.exited).toBe(0);
    expect(child.stdout()).toBe(
      `Registered 10 commands in guild ${server.guild.id}: /ask, /sources, /source, /figures, /help, /reload, /watch, /add, /remove, “Add to Crosscheck” (message menu)\n`,
    );
    expect(server.getCommands()).toEqual([]);
    const stored = server.getCommands(server.guild.id);
    expect(stored.map((command) => command.name)).toEqual([
      'ask',
      'sources',
      'source',
      'figures',
      'help',
      'reload',
      'watch',
      'add',
      'remove',
      'Add to Crosscheck',
    ]);
    const [ask, sources, source, figures, help, reload, watch] = stored;
    expect(ask!.options).toEqual([
      expect.objectContaining({ name: 'question', type: 3, required: true, max_length: 500 }),
      expect.objectContaining({ name: 'limit', type: 4, min_value: 1, max_value: 10 }),
      expect.objectContaining({ name: 'public', type: 5 }),
    ]);
    expect(ask!.options?.[1]).not.toHaveProperty('required', true);
    expect(sources!.options ?? []).toEqual([]);
    expect(source!.options).toEqual([
      expect.objectContaining({ name: 'id', type: 3, required: true, autocomplete: true }),
    ]);
    // /figures: an optional topic from a fixed list (every category and weapon item), and public.
    expect(figures!.options).toEqual([
      expect.objectContaining({
        name: 'topic',
        type: 3,
        choices: expect.arrayContaining([
          expect.objectContaining({ value: 'killed' }),
          expect.objectContaining({ value: 'shells' }),
        ]),
      }),
      expect.objectContaining({ name: 'public', type: 5 }),
    ]);
    expect(figures!.options?.[0]).not.toHaveProperty('required', true);
    expect((figures!.options![0] as { choices?: { value: string }[] }).choices?.map((choice) => choice.value)).toEqual([
      'killed',
      'injured',
      'casualties',
      'deployed',
      'reinforcements',
      'captured',
      'weapons',
      'shells',
      'missiles',
      'launchers',
      'guns',
      'containers',
    ]);
    expect(help!.options ?? []).toEqual([]);
    // Hidden from members without Manage Server (0x20), and only in servers.
    expect(reload).toMatchObject({ default_member_permissions: '32', contexts: [0] });
    expect(reload!.options ?? []).toEqual([]);
    // Slash commands have a description; a message context-menu command (type 3) has none, as Discord wants.
    for (const command of stored.filter((c) => c.type === 1)) expect(command.description.length).toBeGreaterThan(0);
    // Adding and removing articles: hidden from members without Manage Messages (0x2000), checked again at run time.
    for (const name of ['add', 'remove', 'Add to Crosscheck']) {
      expect(stored.find((command) => command.name === name)).toMatchObject({ default_member_permissions: '8192' });
    }
    expect(stored.find((command) => command.name === 'Add to Crosscheck')).toMatchObject({ type: 3, description: '' });
    // /watch: Manage Server too; a text or announcement channel, topics, off — all optional.
    expect(watch).toMatchObject({ default_member_permissions: '32', contexts: [0] });
    expect(watch!.options).toEqual([
      expect.objectContaining({ name: 'channel', type: 7, channel_types: [0, 5] }),
      expect.objectContaining({ name: 'topics', type: 3, max_length: 200 }),
      expect.objectContaining({ name: 'off', type: 5 }),
    ]);
    for (const option of watch!.options ?? []) expect(option).not.toHaveProperty('required', true);
    // Every command in servers only: no DMs, no user installs (ALLOWED_GUILD_IDS does the rest at run time).
    for (const command of stored) expect(command).toMatchObject({ contexts: [0], integration_types: [0] });
    // The token went in the Authorization header, and nowhere near the output.
    const put = server.requests.find((request) => request.method === 'PUT');
    expect(put?.headers.authorization).toBe(`Bot ${TOKEN}`);
    expect(child.stdout() + child.stderr()).not.toContain(TOKEN);
  });

  it('GIVEN no DISCORD_CLIENT_ID THEN exit 1 naming the variable, and nothing is registered', async () => {
    const server = await startFakeDiscord();
    const child = deploy({ DISCORD_TOKEN: TOKEN, DISCORD_GUILD_ID: server.guild.id, DISCORD_API_URL: server.apiBase });

    expect(await child.exited).toBe(1);
    expect(child.stderr()).toContain('DISCORD_CLIENT_ID');
    expect(child.stdout()).toBe('');
    expect(server.requests).toEqual([]);
  });

  it('GIVEN a malformed guild id THEN exit 1 saying where to get it, without echoing the token', async () => {
    const server = await startFakeDiscord();
    const child = deploy({
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: server.applicationId,
      DISCORD_GUILD_ID: 'my-server',
      DISCORD_API_URL: server.apiBase,
    });

    expect(await child.exited).toBe(1);
    expect(child.stderr()).toMatch(/DISCORD_GUILD_ID .*Copy Server ID/);
    expect(child.stderr()).not.toContain('my-server');
    expect(child.stderr()).not.toContain(TOKEN);
  });

  it('GIVEN Discord refuses (the bot is not in the guild) THEN exit 1 with the reason', async () => {
    const server = await startFakeDiscord();
    const child = deploy({
      DISCORD_TOKEN: TOKEN,
      DISCORD_CLIENT_ID: server.applicationId,
      DISCORD_GUILD_ID: '123456789012345678',
      DISCORD_API_URL: server.apiBase,
    });

    expect(await child.exited).toBe(1);
    expect(child.stderr()).toMatch(/Discord refused the commands: Missing Access/);
  });
});
