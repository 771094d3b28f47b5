/**
 * The watch channel, end to end: the real bot following a corpus folder (startBot without an
 * engine) against the fake Discord, with article files dropped under it, restarts with the same
 * state file, and `/watch`. Nothing here waits for a duration: each test waits for the message,
 * the reload's log line, or the watch channel's own queue (`watch.idle()`).
 */
import { readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PermissionFlagsBits, Routes, type APIEmbed, type APIMessage } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { RunningBot } from '../../src/bot/run.js';
import { readEnv } from '../../src/config/env.js';
import { createLogger } from '../../src/log.js';
import { tempCorpus } from '../helpers.js';
import { DEFAULT_MEMBER_PERMISSIONS } from '../support/fake-discord/fixtures.js';
import type { FakeDiscordServer } from '../support/fake-discord.js';
import { captureLogs, command, originalEdit, startBot, startServer, stopAll, TOKEN, type TestBot } from './harness.js';

const EPHEMERAL = 64;
const MANAGE_SERVER = (BigInt(DEFAULT_MEMBER_PERMISSIONS) | PermissionFlagsBits.ManageGuild).toString();

const article = (front: Record<string, string>, text: string) =>
  `---\n${Object.entries(front)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
    .join('\n')}\nlanguage: en\n---\n${text}\n`;

/** Already in the corpus when the bot starts: a toll in April. */
const APRIL = article(
  {
    title: 'Seoul puts North Korean deaths in Kursk at about 600',
    publisher: 'Harbour Wire',
    url: 'https://news.example.com/2025/04/30/kursk-toll',
    published: '2025-04-30',
  },
  "About 600 North Korean soldiers have been killed fighting for Russia in the Kursk region, South Korea's National Intelligence Service told lawmakers on Wednesday.",
);
/** Dropped in while the bot runs: a later, higher toll. */
const SEPTEMBER = article(
  {
    title: 'Seoul raises toll of North Koreans killed in Russia',
    publisher: 'Eastern Daily',
    url: 'https://daily.example.org/world/nk-toll-september',
    published: '2025-09-04',
  },
  "At least 2,000 North Korean soldiers have been killed fighting for Russia, South Korea's spy agency said on Thursday, in a briefing to a parliamentary committee.",
);
/** No figure at all. */
const TALKS = article(
  {
    title: 'Envoys meet in Geneva without a breakthrough',
    publisher: 'Lakeside Post',
    url: 'https://post.example.net/geneva-talks',
    published: '2025-09-05',
  },
  'Envoys from both sides met in Geneva on Friday. The talks ended without a joint statement, and a further round was not scheduled.',
);

interface WatchBot extends RunningBot, Pick<TestBot, 'logs' | 'waitForLog'> {}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await stopAll();
});

/** A server whose guild has #general and #corpus-news (the watch channel). */
async function serverWithWatchChannel(): Promise<{ server: FakeDiscordServer; watchId: string }> {
  const server = await startServer({ guilds: [{ channels: [{ name: 'general' }, { name: 'corpus-news' }] }] });
  return { server, watchId: server.guild.channels[1]!.id };
}

async function folder(files: Record<string, string> = {}): Promise<string> {
  const made = await tempCorpus(files);
  cleanups.push(made.cleanup);
  return made.dir;
}

/**
 * The bot as `npm start` runs it on `corpus`, its index cache (and so the watch state file) in
 * `stateDir`. Resolves once the watch channel's first look at the corpus is done.
 */
async function startWatchBot(
  server: FakeDiscordServer,
  corpus: string,
  stateDir: string,
  env: Record<string, string> = {},
  { watch = true }: { watch?: boolean } = {},
): Promise<WatchBot> {
  const { logs, waitForLog, sink } = captureLogs();
  const config = readEnv(
    {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: server.apiBase,
      CORPUS_DIR: corpus,
      ASK_COOLDOWN_SECONDS: '0',
      ALLOWED_GUILD_IDS: server.guild.id,
      ...env,
    },
    { dotenv: false },
  );
  const bot = await startBot({
    env: config,
    log: createLogger('debug', sink),
    live: { cacheFile: path.join(stateDir, 'index.cache'), watch },
  });
  cleanups.push(() => bot.stop());
  await bot.ready;
  await bot.watch!.idle();
  return Object.assign(bot, { logs, waitForLog });
}

/** The messages the bot posted in a channel, in order. */
function posted(server: FakeDiscordServer, channelId: string): APIMessage[] {
  return server.channelMessages.filter((message) => message.channel_id === channelId);
}

/** Resolves with the channel's messages once it has at least `count`. */
async function announcements(server: FakeDiscordServer, channelId: string, count: number): Promise<APIMessage[]> {
  await server.waitForRequest(
    (request) =>
      request.method === 'POST' &&
      request.path === Routes.channelMessages(channelId) &&
      posted(server, channelId).length >= count,
    30_000,
  );
  return posted(server, channelId);
}

/** Everything a message says: its text and every embed's. */
function shown(message: APIMessage): string {
  return [
    message.content,
    ...message.embeds.flatMap((embed: APIEmbed) => [
      embed.title,
      embed.url,
      embed.description,
      ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
      embed.footer?.text,
    ]),
  ]
    .filter(Boolean)
    .join('\n');
}

/** `/watch` by a member with Manage Server; resolves with what the member is told, once told (after a deferral too). */
async function watchCommand(server: FakeDiscordServer, options: Record<string, string | boolean> = {}) {
  const { interaction, callback } = await command(server, { name: 'watch', options, memberPermissions: MANAGE_SERVER });
  if (callback.type !== 5) return callback.data as { content?: string; flags?: number };
  const edit = await originalEdit(server, interaction);
  return { ...(edit.body as { content?: string }), flags: callback.data?.flags as number | undefined };
}

/** Reloads now and waits until the watch channel has dealt with it. */
async function reloadAndSettle(bot: WatchBot): Promise<void> {
  await bot.live!.reload();
  await bot.watch!.idle();
}

describe('the watch channel (WATCH_CHANNEL_ID)', () => {
  it('GIVEN an article with a new figure is dropped into the corpus THEN exactly one announcement names it, its figure and the verdict it makes, and pings no one', async () => {
    const { server, watchId } = await serverWithWatchChannel();
    const corpus = await folder({ 'april.md': APRIL });
    const bot = await startWatchBot(server, corpus, await folder(), { WATCH_CHANNEL_ID: watchId });
    // What was there at start is not news.
    expect(posted(server, watchId)).toEqual([]);
    expect(bot.logs.find((line) => line.msg.startsWith('watch channel: 1 article already in the corpus'))).toBeTruthy();

    await writeFile(path.join(corpus, 'september.md'), SEPTEMBER);
    const [announcement] = await announcements(server, watchId, 1);

    const text = shown(announcement!);
    expect(announcement!.content).toBe('**Corpus update**: 1 new article');
    const embed = announcement!.embeds[0]!;
    expect(embed.title).toBe('New: Seoul raises toll of North Koreans killed in Russia');
    expect(embed.url).toBe('https://daily.example.org/world/nk-toll-september');
    expect(embed.description).toContain('Eastern Daily · 4 Sep 2025 · en · `september`');
    expect(text).toMatch(/• Killed \*\*≥2,000\*\* · North Korean soldiers/);
    // The verdict with the April figure, cited to its article in the footer.
    expect(text).toMatch(/📈 \*\*grew\*\*: \*\*≈600\*\* \(30 Apr 2025[^)]*\) \[1\] → \*\*≥2,000\*\*/);
    expect(embed.footer?.text).toContain('[1] april · Harbour Wire, 2025-04-30');
    // Never a ping: the request said so, whatever the text.
    const request = server.requests.find(
      (r) => r.method === 'POST' && r.path === Routes.channelMessages(watchId) && r.status === 200,
    );
    expect((request!.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
    // Nothing else was posted, in the watch channel or elsewhere, and another look finds nothing new.
    await reloadAndSettle(bot);
    expect(server.channelMessages).toHaveLength(1);
    expect(await bot.waitForLog((line) => line.msg === 'watch channel: announced 1 article')).toMatchObject({
      component: 'watch',
      added: ['september'],
      channelId: watchId,
    });
  });

  it('GIVEN an article without figures THEN its announcement says "No new figures."', async () => {
    const { server, watchId } = await serverWithWatchChannel();
    const corpus = await folder({ 'april.md': APRIL });
    await startWatchBot(server, corpus, await folder(), { WATCH_CHANNEL_ID: watchId });

    await writeFile(path.join(corpus, 'talks.md'), TALKS);
    const [announcement] = await announcements(server, watchId, 1);

    expect(announcement!.embeds).toHaveLength(1);
    expect(announcement!.embeds[0]!.title).toBe('New: Envoys meet in Geneva without a breakthrough');
    expect(announcement!.embeds[0]!.description).toBe('Lakeside Post · 5 Sep 2025 · en · `talks`\n\nNo new figures.');
  });

  it('GIVEN a file saved again or touched without a change to its text THEN nothing is posted', async () => {
    const { server, watchId } = await serverWithWatchChannel();
    const corpus = await folder({ 'april.md': APRIL, 'september.md': SEPTEMBER });
    const bot = await startWatchBot(server, corpus, await folder(), { WATCH_CHANNEL_ID: watchId });
    const file = path.join(corpus, 'september.md');

    // Saved again as it was: the watcher reloads (a change event), and the reload changes no article.
    const before = bot.logs.length;
    await writeFile(file, await readFile(file));
    await bot.waitForLog((line) => line.msg.startsWith('reloaded the corpus') && bot.logs.indexOf(line) >= before);
    await bot.watch!.idle();
    // Touched: whether or not the watcher sees it, a reload finds no change.
    await utimes(file, new Date(), new Date());
    await reloadAndSettle(bot);

    expect(server.channelMessages).toEqual([]);
  });

  it('GIVEN a change of an article’s text THEN it is announced as changed, once', async () => {
    const { server, watchId } = await serverWithWatchChannel();
    const corpus = await folder({ 'april.md': APRIL, 'talks.md': TALKS });
    const bot = await startWatchBot(server, corpus, await folder(), { WATCH_CHANNEL_ID: watchId }, { watch: false });

    await writeFile(
      path.join(corpus, 'talks.md'),
      TALKS.replace('was not scheduled.', 'was not scheduled. At least 30 civilians were killed overnight.'),
    );
    await reloadAndSettle(bot);
    await reloadAndSettle(bot);

    const messages = posted(server, watchId);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.embeds[0]!.title).toBe('Changed: Envoys meet in Geneva without a breakthrough');
    expect(messages[0]!.content).toBe('**Corpus update**: 1 article changed');
  });

  it('GIVEN a restart with the same state file THEN nothing is announced again, and a file dropped while the bot was down is announced once', async () => {
    const { server, watchId } = await serverWithWatchChannel();
    const corpus = await folder({ 'april.md': APRIL });
    const state = await folder();
    const env = { WATCH_CHANNEL_ID: watchId };

    const first = await startWatchBot(server, corpus, state, env);
    await writeFile(path.join(corpus, 'september.md'), SEPTEMBER);
    await announcements(server, watchId, 1);
    await first.stop();
    const file = JSON.parse(await readFile(path.join(state, 'index.watch.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(file.announced as object)).toEqual(['april', 'september']);

    // Started again over the same corpus: its first look finds nothing new.
    const second = await startWatchBot(server, corpus, state, env);
    expect(posted(server, watchId)).toHaveLength(1);
    await second.stop();

    // Dropped while the bot is down: announced by the next start, once.
    await writeFile(path.join(corpus, 'talks.md'), TALKS);
    const third = await startWatchBot(server, corpus, state, env);
    const messages = await announcements(server, watchId, 2);
    expect(messages).toHaveLength(2);
    expect(messages[1]!.embeds.map((embed) => embed.title)).toEqual([
      'New: Envoys meet in Geneva without a breakthrough',
    ]);
    await reloadAndSettle(third);
    await third.stop();
    await startWatchBot(server, corpus, state, env);
    expect(posted(server, watchId)).toHaveLength(2);
  });

  it('GIVEN a run without a watch channel between two with one THEN what came in meanwhile is not announced later', async () => {
    const { server, watchId } = await serverWithWatchChannel();
    const corpus = await folder({ 'april.md': APRIL });
    const state = await folder();

    const watched = await startWatchBot(server, corpus, state, { WATCH_CHANNEL_ID: watchId }, { watch: false });
    await watched.stop();
    const unwatched = await startWatchBot(server, corpus, state, {}, { watch: false });
    await writeFile(path.join(corpus, 'september.md'), SEPTEMBER);
    await reloadAndSettle(unwatched);
    await unwatched.stop();
    const again = await startWatchBot(server, corpus, state, { WATCH_CHANNEL_ID: watchId }, { watch: false });

    expect(server.channelMessages).toEqual([]);
    expect(
      again.logs.find((line) => line.msg.startsWith('watch channel: 2 articles already in the corpus')),
    ).toBeTruthy();
  });

  it('GIVEN a burst of 20 articles in one reload THEN one message within Discord’s limits, counting the articles that did not fit', async () => {
    const { server, watchId } = await serverWithWatchChannel();
    const corpus = await folder({ 'april.md': APRIL });
    const bot = await startWatchBot(server, corpus, await folder(), { WATCH_CHANNEL_ID: watchId }, { watch: false });
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        writeFile(
          path.join(corpus, `brief-${String(i).padStart(2, '0')}.md`),
          article(
            {
              title: `Front-line brief ${i + 1}: shelling reported along the ${'southern '.repeat(8)}front`,
              publisher: 'Harbour Wire',
              published: `2025-09-${String(10 + (i % 9)).padStart(2, '0')}`,
            },
            `At least ${1000 + i * 50} North Korean soldiers have been killed so far, officials in Kyiv said on Monday. About ${30 + i} artillery shells hit the town overnight.`,
          ),
        ),
      ),
    );

    await reloadAndSettle(bot);

    const messages = posted(server, watchId);
    expect(messages).toHaveLength(1);
    const [message] = messages as [APIMessage];
    expect(message.embeds.length).toBeLessThanOrEqual(10);
    const embedChars = message.embeds.reduce(
      (sum, embed) =>
        sum + (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0),
      0,
    );
    expect(embedChars).toBeLessThanOrEqual(6000);
    expect(message.content.length).toBeLessThanOrEqual(2000);
    expect(message.content).toMatch(/^\*\*Corpus update\*\*: 20 new articles\n\+\d+ more articles: `brief-/);
    const more = Number(/\+(\d+) more articles/.exec(message.content)![1]);
    expect(more + message.embeds.length).toBe(20);
  });

  it('GIVEN an announcement Discord refuses THEN it is logged and kept: the next change announces both articles in one message', async () => {
    const { server, watchId } = await serverWithWatchChannel();
    const corpus = await folder({ 'april.md': APRIL });
    const bot = await startWatchBot(server, corpus, await folder(), { WATCH_CHANNEL_ID: watchId }, { watch: false });
    // A permission removed for a moment: Discord answers 403 Missing Permissions.
    server.failNext({
      method: 'POST',
      path: Routes.channelMessages(watchId),
      status: 403,
      body: { code: 50013, message: 'Missing Permissions' },
    });

    await writeFile(path.join(corpus, 'september.md'), SEPTEMBER);
    await reloadAndSettle(bot);
    expect(posted(server, watchId)).toEqual([]);
    expect(
      await bot.waitForLog((line) => line.msg.startsWith('watch channel: could not post the announcement')),
    ).toMatchObject({ level: 50, added: ['september'] });

    await writeFile(path.join(corpus, 'talks.md'), TALKS);
    await reloadAndSettle(bot);
    const messages = posted(server, watchId);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.content).toBe('**Corpus update**: 2 new articles');
    expect(messages[0]!.embeds.map((embed) => embed.title)).toEqual([
      'New: Seoul raises toll of North Koreans killed in Russia',
      'New: Envoys meet in Geneva without a breakthrough',
    ]);
  });

  it('GIVEN an article whose title and text try to mention everyone THEN the announcement cannot ping', async () => {
    const { server, watchId } = await serverWithWatchChannel();
    const corpus = await folder({ 'april.md': APRIL });
    const bot = await startWatchBot(server, corpus, await folder(), { WATCH_CHANNEL_ID: watchId }, { watch: false });
    await writeFile(
      path.join(corpus, 'loud.md'),
      article(
        {
          title: '@everyone read this <@123456789012345678> <@&123456789012345679>',
          publisher: '@here Wire',
          published: '2025-09-06',
        },
        '@everyone At least 2,500 North Korean soldiers have been killed, <@123456789012345678> was told on Saturday.',
      ),
    );

    await reloadAndSettle(bot);

    const [message] = posted(server, watchId);
    const text = shown(message!);
    expect(text).not.toMatch(/@(everyone|here)/);
    expect(text).not.toMatch(/(?<!\\)<@/);
    expect(message!.mentions).toEqual([]);
    expect(message!.mention_everyone).toBe(false);
    const request = server.requests.find((r) => r.method === 'POST' && r.path === Routes.channelMessages(watchId));
    expect((request!.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
  });
});

describe('/watch', () => {
  it('GIVEN a member without Manage Server THEN a private refusal, and no watch channel is set', async () => {
    const { server, watchId } = await serverWithWatchChannel();
    const bot = await startWatchBot(server, await folder({ 'april.md': APRIL }), await folder());

    const { callback } = await command(server, {
      name: 'watch',
      options: { channel: watchId },
      memberPermissions: DEFAULT_MEMBER_PERMISSIONS,
    });

    expect(callback).toMatchObject({
      type: 4,
      data: { flags: EPHEMERAL, content: 'Only members with the Manage Server permission can set the watch channel.' },
    });
    expect(bot.watch!.status()).toBeNull();
    expect(await bot.waitForLog((line) => line.msg === 'watch refused')).toMatchObject({ level: 40 });
  });

  it('GIVEN /watch channel: topics: by a member with Manage Server THEN changes of those topics are announced there, others not, and /watch off stops them', async () => {
    const { server, watchId } = await serverWithWatchChannel();
    const corpus = await folder({ 'april.md': APRIL });
    const state = await folder();
    const bot = await startWatchBot(server, corpus, state, {}, { watch: false });

    const set = await watchCommand(server, { channel: watchId, topics: 'killed' });
    expect(set).toMatchObject({
      flags: EPHEMERAL,
      content: expect.stringContaining(
        `Corpus changes will be announced in <#${watchId}> (only articles with figures of killed)`,
      ),
    });
    const status = await watchCommand(server);
    expect(status.content).toContain(
      `Corpus changes are announced in <#${watchId}> (only articles with figures of killed)`,
    );

    // An article without a figure of the topic is not announced; one with a toll is.
    await writeFile(path.join(corpus, 'talks.md'), TALKS);
    await reloadAndSettle(bot);
    expect(posted(server, watchId)).toEqual([]);
    await writeFile(path.join(corpus, 'september.md'), SEPTEMBER);
    await reloadAndSettle(bot);
    expect(posted(server, watchId).map((message) => message.content)).toEqual([
      '**Corpus update**: 1 new article · topics: killed',
    ]);
    // The choice is kept for the next start.
    const kept = JSON.parse(await readFile(path.join(state, 'index.watch.json'), 'utf8')) as { choice: unknown };
    expect(kept.choice).toMatchObject({ channelId: watchId, topics: ['killed'], setBy: server.user.id });

    const off = await watchCommand(server, { off: true });
    expect(off.content).toBe(`No longer announcing corpus changes in <#${watchId}>.`);
    await writeFile(
      path.join(corpus, 'later.md'),
      SEPTEMBER.replace('At least 2,000', 'At least 2,100').replace('2025-09-04', '2025-09-20'),
    );
    await reloadAndSettle(bot);
    expect(posted(server, watchId)).toHaveLength(1);
  });

  it('GIVEN an unknown topic THEN it is refused with the list of topics', async () => {
    const { server, watchId } = await serverWithWatchChannel();
    const bot = await startWatchBot(server, await folder({ 'april.md': APRIL }), await folder());

    const refused = await watchCommand(server, { channel: watchId, topics: 'killed, weather' });

    expect(refused).toMatchObject({
      flags: EPHEMERAL,
      content: expect.stringMatching(/^Unknown topic: weather\. Topics: /),
    });
    expect(bot.watch!.status()).toBeNull();
  });

  it('GIVEN WATCH_CHANNEL_ID of a channel outside the allowed servers THEN nothing is posted there, and the log says why', async () => {
    const server = await startServer({
      guilds: [{ channels: [{ name: 'general' }] }, { name: 'Elsewhere', channels: [{ name: 'leaks' }] }],
    });
    const elsewhere = server.guilds[1]!.channels[0]!.id;
    const corpus = await folder({ 'april.md': APRIL });
    const bot = await startWatchBot(server, corpus, await folder(), { WATCH_CHANNEL_ID: elsewhere }, { watch: false });

    await writeFile(path.join(corpus, 'september.md'), SEPTEMBER);
    await reloadAndSettle(bot);

    expect(posted(server, elsewhere)).toEqual([]);
    // Not served: left at start-up, so either not found any more or found outside the servers served.
    expect(
      await bot.waitForLog((line) =>
        new RegExp(`^watch channel: channel ${elsewhere} (cannot be found|is not in a server this bot serves)`).test(
          line.msg,
        ),
      ),
    ).toMatchObject({ level: 50, component: 'watch' });
  });
});
