/**
 * The bot following its corpus folder, end to end: the real bot (startBot without an engine, so
 * LiveEngine on CORPUS_DIR) against the fake Discord, with files changed under it while it runs.
 */
import { appendFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PermissionFlagsBits, Routes, type APIEmbed } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningBot, StartBotOptions } from '../../src/bot/run.js';
import { readEnv } from '../../src/config/env.js';
import { createLogger } from '../../src/log.js';
import { tempCorpus } from '../helpers.js';
import { DEFAULT_MEMBER_PERMISSIONS } from '../support/fake-discord/fixtures.js';
import type { FakeDiscordServer, FakeInteraction } from '../support/fake-discord.js';
import {
  captureLogs,
  command,
  type LogLine,
  startBot,
  startServer,
  startTestBot,
  stopAll,
  TOKEN,
  type TestBot,
} from './harness.js';

const EPHEMERAL = 64;
const MANAGE_SERVER = (BigInt(DEFAULT_MEMBER_PERMISSIONS) | PermissionFlagsBits.ManageGuild).toString();

const article = (title: string, text: string) =>
  `---\ntitle: ${JSON.stringify(title)}\npublished: 2024-12-01\nlanguage: en\n---\n${text}\n`;
const DONETSK = article(
  'Officers killed near Donetsk',
  'Six North Korean officers were killed near Donetsk, Ukrainian officials said on Friday.',
);
const KURSK = article(
  'Drone strikes in Kursk',
  'Andrii Kovalenko said drones killed more than 200 troops in Kursk last week.',
);

interface LiveBot extends RunningBot, Pick<TestBot, 'logs' | 'waitForLog'> {
  dir: string;
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await stopAll();
});

/** The bot as `npm start` runs it, on a throwaway corpus folder it follows (or on `{ dir }`, one already made). */
async function startLiveBot(
  server: FakeDiscordServer,
  files: Record<string, string> | { dir: string },
  live?: StartBotOptions['live'],
): Promise<LiveBot> {
  let corpus: { dir: string };
  if (typeof files.dir === 'string') corpus = { dir: files.dir };
  else {
    const made = await tempCorpus(files as Record<string, string>);
    cleanups.push(made.cleanup);
    corpus = made;
  }
  const { logs, waitForLog, sink } = captureLogs();
  const env = readEnv(
    {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: server.apiBase,
      CORPUS_DIR: corpus.dir,
      ASK_COOLDOWN_SECONDS: '0',
      ALLOWED_GUILD_IDS: server.guild.id,
    },
    { dotenv: false },
  );
  const bot = await startBot({ env, log: createLogger('debug', sink), ...(live ? { live } : {}) });
  cleanups.push(() => bot.stop());
  await bot.ready;
  return Object.assign(bot, { logs, waitForLog, dir: corpus.dir });
}

/** Everything the first embed of a reply says. */
function shown(embeds: unknown): string {
  const embed = (embeds as APIEmbed[] | undefined)?.[0];
  return [
    embed?.title,
    embed?.description,
    ...(embed?.fields ?? []).flatMap((field) => [field.name, field.value]),
  ].join('\n');
}

/**
 * Asks, and returns the cited passages as shown ('' when nothing answers: a "no answer" reply
 * repeats the question, so its words alone prove nothing).
 */
async function ask(server: FakeDiscordServer, question: string): Promise<string> {
  const { callback } = await command(server, { name: 'ask', options: { question } });
  const embed = (callback.data?.embeds as APIEmbed[] | undefined)?.[0];
  // An answer is blue (a no-answer grey): its quotes are in the description.
  return embed?.color === 0x2b6cb0 ? (embed.description ?? '') : '';
}

/** The first "reloaded the corpus" line logged after `after`, one that added `file` when given. */
function reloaded(bot: LiveBot, { after, added }: { after?: LogLine; added?: string }) {
  const from = after ? bot.logs.indexOf(after) : -1;
  return bot.waitForLog(
    (line) =>
      line.msg.startsWith('reloaded the corpus') &&
      bot.logs.indexOf(line) > from &&
      (!added || (line.added as string[]).includes(added)),
  );
}

/** `/reload` by a member with these permissions; resolves with the interaction once its reply is complete. */
async function reload(server: FakeDiscordServer, memberPermissions: string): Promise<FakeInteraction> {
  const { interaction, callback } = await command(server, { name: 'reload', memberPermissions });
  if (callback.type === 5) {
    await server.waitForRequest(
      (request) =>
        request.method === 'PATCH' &&
        request.path === Routes.webhookMessage(server.applicationId, interaction.token, '@original'),
    );
  }
  return interaction;
}

describe('the bot follows its corpus folder', () => {
  // How soon is the watcher's debounce (300 ms) plus one rebuild: not timed here, where a busy machine
  // would fail it; the test waits for the reload the bot does on its own, then asks.
  it('GIVEN the bot is running WHEN a new article file is added THEN it reloads on its own and /ask answers from it', async () => {
    const server = await startServer();
    const bot = await startLiveBot(server, { 'donetsk.md': DONETSK });
    expect(await ask(server, 'Kovalenko drones')).toBe('');

    await writeFile(path.join(bot.dir, 'kursk.md'), KURSK);
    await reloaded(bot, { added: 'kursk.md' });
    const answer = await ask(server, 'Kovalenko drones');

    expect(answer).toContain('Kovalenko');
    expect(bot.logs.find((line) => line.msg.startsWith('reloaded the corpus'))).toMatchObject({
      level: 30,
      component: 'corpus',
      added: ['kursk.md'],
      msg: expect.stringMatching(/^reloaded the corpus: 1 added; 2 articles/),
    });
  });

  it('GIVEN a malformed article is dropped in, and a good one turns malformed THEN each is logged by name, and the bot keeps answering from the last good version', async () => {
    const server = await startServer();
    const bot = await startLiveBot(server, { 'donetsk.md': DONETSK, 'kursk.md': KURSK });

    await writeFile(path.join(bot.dir, 'scan.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01]));
    await writeFile(
      path.join(bot.dir, 'kursk.md'),
      Buffer.concat([Buffer.from(KURSK), Buffer.from([0xff, 0xfe, 0xfd])]),
    );

    await Promise.all(
      [
        'corpus problem: scan.md: binary file, not text',
        'corpus problem: kursk.md: not valid UTF-8 text: save it as UTF-8; serving its last good version',
      ].map((message) => bot.waitForLog((line) => line.msg === message)),
    );
    expect(bot.logs.find((line) => line.msg.startsWith('corpus problem: scan.md'))).toMatchObject({
      level: 40,
      file: 'scan.md',
    });
    expect(await ask(server, 'Kovalenko drones')).toContain('Kovalenko');
    expect(await ask(server, 'officers killed near Donetsk')).toContain('Donetsk');
    const sources = await command(server, { name: 'sources' });
    expect(shown(sources.callback.data?.embeds)).toMatch(/scan\.md.*binary file/);
  });

  it('GIVEN the corpus folder disappears THEN an error line says so, the bot keeps answering from the last index, and picks the folder up again when it is back', async () => {
    const server = await startServer();
    const bot = await startLiveBot(server, { 'donetsk.md': DONETSK }, { retryMs: 200 });
    const away = `${bot.dir}-away`;
    cleanups.push(() => rm(away, { recursive: true, force: true }));

    await rename(bot.dir, away);
    await bot.waitForLog(
      (line) => line.msg === `corpus folder ${bot.dir} is gone or cannot be watched; still serving the last index`,
    );
    expect(bot.logs.find((line) => line.msg.startsWith('corpus folder'))).toMatchObject({ level: 50, dir: bot.dir });
    expect(await ask(server, 'officers killed near Donetsk')).toContain('Donetsk');

    await rename(away, bot.dir);
    const back = await bot.waitForLog((line) => line.msg === `corpus folder ${bot.dir} is back`);
    // The watcher is ready before the reload that follows the return: a file written after it is seen.
    await reloaded(bot, { after: back });
    await writeFile(path.join(bot.dir, 'kursk.md'), KURSK);
    await reloaded(bot, { added: 'kursk.md' });
    expect(await ask(server, 'Kovalenko drones')).toContain('Kovalenko');
  });
});

describe('the index cache', () => {
  it('GIVEN a cache file WHEN the bot restarts THEN the start-up log says the cache was used, and the answers are the same', async () => {
    const server = await startServer();
    const cacheDir = await tempCorpus({});
    cleanups.push(cacheDir.cleanup);
    const cacheFile = path.join(cacheDir.dir, 'index.cache');
    const first = await startLiveBot(server, { 'donetsk.md': DONETSK, 'kursk.md': KURSK }, { watch: false, cacheFile });
    await first.live!.saved;
    const answer = await ask(server, 'Kovalenko drones');
    await first.stop();
    expect(first.logs.find((line) => line.msg.startsWith('index cache not used'))).toMatchObject({
      reason: 'no cache yet',
    });

    const second = await startLiveBot(server, { dir: first.dir }, { watch: false, cacheFile });
    expect(second.logs.find((line) => line.msg.startsWith('index cache'))).toMatchObject({
      level: 30,
      component: 'corpus',
      msg: 'index cache used: 2 articles and their index',
    });
    expect(answer).toContain('Kovalenko');
    expect(await ask(server, 'Kovalenko drones')).toBe(answer);
  });
});

describe('/reload', () => {
  it('GIVEN a member with Manage Server THEN a private report lists what was added, changed and removed, and every problem by file', async () => {
    const server = await startServer();
    // Not watching: as on a network share, only /reload brings the changes in.
    const bot = await startLiveBot(
      server,
      { 'donetsk.md': DONETSK, 'old.md': article('Old', 'An older report about troop movements near the border.') },
      { watch: false },
    );
    await writeFile(path.join(bot.dir, 'kursk.md'), KURSK);
    await appendFile(path.join(bot.dir, 'donetsk.md'), 'Two more officers were wounded.\n');
    await rm(path.join(bot.dir, 'old.md'));
    await writeFile(path.join(bot.dir, 'empty.md'), '');
    expect(await ask(server, 'Kovalenko drones')).toBe('');

    const interaction = await reload(server, MANAGE_SERVER);

    expect(interaction.callback).toMatchObject({ type: 5, data: { flags: EPHEMERAL } });
    expect(interaction.original?.flags).toBe(EPHEMERAL);
    const embed = interaction.original!.embeds[0]!;
    expect(embed.title).toBe('Corpus reloaded');
    const [summary, ...lists] = embed.description!.split('\n');
    expect(summary).toMatch(/^Indexed the changes\. Now 2 articles \(\d+ passages\), rebuilt in \d+ ms\.$/);
    expect(lists).toEqual([
      '',
      '**Added (1)**',
      '`kursk.md`',
      '',
      '**Changed (1)**',
      '`donetsk.md`',
      '',
      '**Removed (1)**',
      '`old.md`',
      '',
      '**Problems (1)**',
      '`empty.md`: empty file',
    ]);
    expect(await ask(server, 'Kovalenko drones')).toContain('Kovalenko');
    expect(await bot.waitForLog((line) => line.msg === 'reload requested')).toMatchObject({
      command: 'reload',
      added: 1,
      changed: 1,
      removed: 1,
      problems: 1,
    });
  });

  it('GIVEN a file that turned malformed THEN the report says it is kept at its last good version', async () => {
    const server = await startServer();
    const bot = await startLiveBot(server, { 'donetsk.md': DONETSK }, { watch: false });
    await writeFile(path.join(bot.dir, 'donetsk.md'), '---\ntitle: [unclosed\n---\nSix officers.\n');

    const interaction = await reload(server, MANAGE_SERVER);

    const description = interaction.original!.embeds[0]!.description!;
    expect(description).toMatch(/^No change\. Now 1 article /);
    expect(description).toContain('**Kept at their last good version (1)**\n`donetsk.md`');
    expect(description).toMatch(/\*\*Problems \(1\)\*\*\n`donetsk\.md`: .*serving its last good version/);
    expect(await ask(server, 'officers killed near Donetsk')).toContain('Donetsk');
  });

  it('GIVEN hundreds of problem files with long names THEN the report stays within Discord’s limits and counts what it leaves out', async () => {
    const server = await startServer();
    const bot = await startLiveBot(server, { 'donetsk.md': DONETSK }, { watch: false });
    await Promise.all(
      Array.from({ length: 300 }, (_, i) =>
        writeFile(path.join(bot.dir, `broken-${String(i).padStart(3, '0')}-${'x'.repeat(180)}.md`), ''),
      ),
    );

    const interaction = await reload(server, MANAGE_SERVER);

    // The fake checks every limit Discord does (50035 otherwise): the edit was accepted.
    const edit = server.requests.find(
      (request) => request.method === 'PATCH' && request.path.includes(interaction.token),
    );
    expect(edit?.status).toBe(200);
    const description = interaction.original!.embeds[0]!.description!;
    expect(description.length).toBeLessThanOrEqual(4096);
    expect(description).toContain('**Problems (300)**');
    expect(description).toMatch(/…and \d+ more \(every one is in the log\)$/);
  });

  it('GIVEN a member without Manage Server (the command shown to them by a server override) THEN a private refusal, and nothing is rebuilt', async () => {
    const server = await startServer();
    const bot = await startLiveBot(server, { 'donetsk.md': DONETSK }, { watch: false });
    await writeFile(path.join(bot.dir, 'kursk.md'), KURSK);

    const { interaction, callback } = await command(server, {
      name: 'reload',
      memberPermissions: DEFAULT_MEMBER_PERMISSIONS,
    });

    expect(callback.type).toBe(4);
    expect(callback.data).toMatchObject({
      flags: EPHEMERAL,
      content: 'Only members with the Manage Server permission can reload the corpus.',
    });
    expect(bot.live?.reloads).toBe(0);
    expect(await ask(server, 'Kovalenko drones')).toBe('');
    expect(await bot.waitForLog((line) => line.msg === 'reload refused')).toMatchObject({
      level: 40,
      interactionId: interaction.id,
      userId: server.user.id,
    });
  });

  it('GIVEN an Administrator (which implies Manage Server) THEN the reload runs', async () => {
    const server = await startServer();
    await startLiveBot(server, { 'donetsk.md': DONETSK }, { watch: false });

    const interaction = await reload(
      server,
      (BigInt(DEFAULT_MEMBER_PERMISSIONS) | PermissionFlagsBits.Administrator).toString(),
    );

    expect(interaction.original?.embeds[0]?.title).toBe('Corpus reloaded');
  });

  it('GIVEN a bot serving a fixed index THEN /reload says there is nothing to reload', async () => {
    const server = await startServer();
    await startTestBot(server);

    const { callback } = await command(server, { name: 'reload', memberPermissions: MANAGE_SERVER });

    expect(callback.data).toMatchObject({
      flags: EPHEMERAL,
      content: expect.stringContaining('no corpus folder to reload'),
    });
  });
});
