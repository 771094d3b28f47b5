/**
 * Adding articles from the chat, end to end: the real bot (startBot on a corpus folder it follows)
 * against the fake Discord, fetching from a local page server on 127.0.0.1 that FETCH_ALLOW_HOSTS
 * exempts. `/add` by link and by file, "Add to Crosscheck" on a message, duplicates, permissions,
 * a blocked address, the rate limit and `/remove`.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { PermissionFlagsBits, Routes, type APIEmbed, type APIMessage } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { RunningBot, StartBotOptions } from '../../src/bot/run.js';
import { readEnv } from '../../src/config/env.js';
import { createLogger } from '../../src/log.js';
import { tempCorpus } from '../helpers.js';
import { DEFAULT_MEMBER_PERMISSIONS } from '../support/fake-discord/fixtures.js';
import type { AcceptedCallback, FakeDiscordServer, FakeInteraction } from '../support/fake-discord.js';
import { startPageServer, testPage, type PageServer } from '../support/pages.js';
import { makePdf } from '../support/pdf.js';
import { captureLogs, command, startBot, startServer, stopAll, TOKEN, textOf, type TestBot } from './harness.js';

const EPHEMERAL = 64;
const EDITOR = (BigInt(DEFAULT_MEMBER_PERMISSIONS) | PermissionFlagsBits.ManageMessages).toString();
const ROLE = '222222222222222222';

const fixture = (name: string) => readFile(path.resolve(import.meta.dirname, '../engine/fixtures/added', name), 'utf8');

const PDF = makePdf(
  [
    [
      { text: 'Briefing note: the northern front in August', y: 780 },
      { text: 'Ukrainian officials said on Monday that about 150 North Korean soldiers', y: 740 },
      { text: 'had been captured since the spring, most of them near the Kursk border.', y: 726 },
      { text: 'The note gives no figure for the dead and says the count is not final.', y: 712 },
    ],
  ],
  'Briefing note: the northern front in August',
);

let pages: PageServer;
beforeAll(async () => {
  pages = await startPageServer({
    '/world/seoul-raises-estimate': { body: testPage('nis-september.html') },
    '/bare': { body: testPage('bare.html') },
    '/ko': { body: testPage('ko-wire.html') },
    '/attachments/brief.pdf': { type: 'application/pdf', body: PDF },
    '/attachments/field-notes.md': { type: 'text/markdown; charset=utf-8', body: await fixture('field-notes.md') },
  });
});
afterAll(() => pages.close());

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await stopAll();
});

interface AddBot extends RunningBot, Pick<TestBot, 'logs' | 'waitForLog'> {
  dir: string;
}

/** The bot as `npm start` runs it, on a corpus of the NIS's April toll, fetching from the page server. */
async function startAddBot(
  server: FakeDiscordServer,
  { env = {}, fetch }: { env?: Record<string, string>; fetch?: StartBotOptions['fetch'] } = {},
): Promise<AddBot> {
  const corpus = await tempCorpus({ 'april-nis.md': await fixture('april-nis.md') });
  cleanups.push(corpus.cleanup);
  const { logs, waitForLog, sink } = captureLogs();
  const config = readEnv(
    {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: server.apiBase,
      CORPUS_DIR: corpus.dir,
      ASK_COOLDOWN_SECONDS: '0',
      ALLOWED_GUILD_IDS: server.guild.id,
      FETCH_ALLOW_HOSTS: pages.host,
      ...env,
    },
    { dotenv: false },
  );
  const bot = await startBot({ env: config, log: createLogger('debug', sink), ...(fetch ? { fetch } : {}) });
  cleanups.push(() => bot.stop());
  await bot.ready;
  return Object.assign(bot, { logs, waitForLog, dir: corpus.dir });
}

const webhook = (server: FakeDiscordServer, interaction: FakeInteraction) =>
  Routes.webhook(server.applicationId, interaction.token);

/** Once the deferred reply has been edited: the message as it stands. */
async function edited(server: FakeDiscordServer, interaction: FakeInteraction): Promise<APIMessage> {
  await server.waitForRequest(
    (request) =>
      request.method === 'PATCH' &&
      request.path === Routes.webhookMessage(server.applicationId, interaction.token, '@original'),
  );
  return interaction.original!;
}

/** The first follow-up message of an interaction (a private account after a public "thinking…"). */
async function followUp(server: FakeDiscordServer, interaction: FakeInteraction): Promise<APIMessage> {
  await server.waitForRequest((request) => request.method === 'POST' && request.path === webhook(server, interaction));
  return interaction.followups[0]!;
}

/** The embeds' text of a message. */
const shown = (message: { embeds?: APIEmbed[] }) => (message.embeds ?? []).map(textOf).join('\n');

/** `/ask`, and the text of the answer however it was sent (at once, or deferred then edited). */
async function ask(server: FakeDiscordServer, question: string): Promise<string> {
  const { interaction, callback } = await command(server, { name: 'ask', options: { question } });
  if (callback.type === 5) return shown(await edited(server, interaction));
  return shown((callback.data ?? {}) as { embeds?: APIEmbed[] });
}

async function add(
  server: FakeDiscordServer,
  options: Record<string, string>,
  memberPermissions = EDITOR,
): Promise<{ interaction: FakeInteraction; callback: AcceptedCallback }> {
  return command(server, { name: 'add', options, memberPermissions });
}

describe('/add', () => {
  it('GIVEN a link THEN the reply (public, edited after a deferral) names the article and the toll it grew from, and /ask answers from it right after', async () => {
    const server = await startServer();
    const bot = await startAddBot(server);
    const link = pages.set('/world/seoul-raises-estimate', { body: testPage('nis-september.html') });

    const { interaction, callback } = await add(server, { url: link, note: 'NIS update' });
    expect(callback.type).toBe(5);
    expect(callback.data?.flags ?? 0).toBe(0);
    const reply = await edited(server, interaction);
    const text = shown(reply);
    expect(text).toContain('Added: Seoul raises its estimate of North Korean dead');
    expect(text).toContain('Northgate Daily · 2025-09-04 · English (en) · ');
    expect(text).toMatch(/\d+ passages? indexed/);
    expect(text).toContain('Note: NIS update');
    expect(text).toMatch(/Figures: killed ≥2,000 North Korean soldiers \([^)]*4 Sep 2025\)/);
    expect(text).toMatch(/📈 grew: killed ≥2,000 North Korean soldiers \([^)]*4 Sep 2025\) from ≈600 \(30 Apr 2025\)/);
    expect(reply.embeds[0]?.url).toBe('https://northgate.example/world/2025/09/04/seoul-raises-estimate');
    // Nothing the bot sends can ping: every message it wrote says so.
    const written = server.requests.filter(
      (request) => request.path.includes(interaction.token) && request.method === 'PATCH',
    );
    expect(written.map((request) => (request.body as { allowed_mentions?: unknown }).allowed_mentions)).toEqual([
      { parse: [] },
    ]);

    // Answerable now: the reply came after the reload, not before.
    const answer = await ask(server, 'how many North Korean soldiers were killed');
    expect(answer).toContain('2,000');
    expect(answer).toContain('Seoul raises its estimate');
    expect(bot.logs.filter((line) => line.msg.startsWith('reloaded the corpus'))).toHaveLength(1);
    expect(bot.logs.find((line) => line.msg === 'article added')).toMatchObject({ figures: 1 });
  });

  it('GIVEN a file attached THEN it is added from the attachment’s address, without keeping that address', async () => {
    const server = await startServer();
    const bot = await startAddBot(server);
    const payload = server.buildChatInput({
      name: 'add',
      memberPermissions: EDITOR,
      attachments: {
        file: {
          filename: 'field-notes.md',
          url: `${pages.base}/attachments/field-notes.md`,
          size: 600,
          contentType: 'text/markdown',
        },
      },
    });
    const interaction = await server.sendInteraction(payload);
    const text = shown(await edited(server, interaction));
    expect(text).toContain('Added: Field notes from the Sumy border');
    expect(text).toContain('No new figures.');
    const [file] = await readdir(path.join(bot.dir, 'added'));
    const saved = await readFile(path.join(bot.dir, 'added', file!), 'utf8');
    expect(saved).toContain('via: file');
    expect(saved).not.toContain(pages.base);
  });

  it('GIVEN a link already added THEN it is refused privately with the existing id, and nothing more is saved', async () => {
    const server = await startServer();
    const bot = await startAddBot(server);
    const link = `${pages.base}/bare`;
    const first = await add(server, { url: link });
    const id = /`(added\/[^`]+)`/.exec(shown(await edited(server, first.interaction)))?.[1];
    expect(id).toBeDefined();

    const again = await add(server, { url: link });
    const refusal = await followUp(server, again.interaction);
    expect(refusal.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(refusal.content).toBe(
      `Not added (${link}): Already in the corpus as ${id} (the same address): not added again.`,
    );
    // The public "thinking…" was taken down: the channel sees nothing of a refusal.
    expect(
      server.requests.some((request) => request.method === 'DELETE' && request.path.includes(again.interaction.token)),
    ).toBe(true);
    expect(await readdir(path.join(bot.dir, 'added'))).toHaveLength(1);
  });

  it('GIVEN a member without Manage Messages THEN refused privately, nothing fetched; with ADD_ROLE_ID’s role THEN allowed', async () => {
    const server = await startServer({ guilds: [{ roles: [{ id: ROLE, name: 'Researchers' }] }] });
    await startAddBot(server, { env: { ADD_ROLE_ID: ROLE } });
    const before = pages.requested.length;
    const { callback } = await add(server, { url: `${pages.base}/ko` }, DEFAULT_MEMBER_PERMISSIONS);
    expect(callback.type).toBe(4);
    expect(callback.data?.flags).toBe(EPHEMERAL);
    expect(callback.data?.content).toBe(
      'Only members with the Manage Messages permission or the role for adding articles can add to or remove from the corpus.',
    );
    expect(pages.requested.length).toBe(before);

    const payload = server.buildChatInput({
      name: 'add',
      options: { url: `${pages.base}/ko` },
      memberPermissions: DEFAULT_MEMBER_PERMISSIONS,
    });
    (payload.member as { roles: string[] }).roles = [ROLE];
    const interaction = await server.sendInteraction(payload);
    expect(shown(await edited(server, interaction))).toContain('Korean (ko)');
  });

  it('GIVEN a name resolving to a private address THEN refused privately, saying so, with no connection attempted', async () => {
    const server = await startServer();
    let connections = 0;
    const counted = ((...args: Parameters<typeof http.request>) => {
      connections++;
      return http.request(...args);
    }) as typeof http.request;
    const bot = await startAddBot(server, {
      fetch: {
        resolve: async () => [{ address: '10.0.0.7', family: 4 }],
        transport: { http: counted, https: counted as never },
      },
    });
    const { interaction } = await add(server, { url: 'http://intranet.example/story' });
    const refusal = await followUp(server, interaction);
    expect(refusal.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(refusal.content).toBe(
      'Not added (http://intranet.example/story): Not fetched: intranet.example leads to a private network address, not the public internet. Crosscheck fetches only public pages.',
    );
    expect(connections).toBe(0);
    expect(existsSync(path.join(bot.dir, 'added'))).toBe(false);
  });

  it('GIVEN ten additions by one member THEN the eleventh is refused privately, and another member may still add', async () => {
    const server = await startServer();
    await startAddBot(server);
    for (let i = 0; i < 10; i++) {
      const { interaction } = await add(server, { url: `${pages.base}/missing-${i}` });
      expect((await followUp(server, interaction)).content).toMatch(/not found \(HTTP 404\)/);
    }
    const { callback } = await add(server, { url: `${pages.base}/ko` });
    expect(callback.type).toBe(4);
    expect(callback.data?.flags).toBe(EPHEMERAL);
    expect(callback.data?.content).toBe(
      'One member may add up to 10 articles every 10 minutes, and you have reached that: try again in 10 min.',
    );
    const other = await server.sendInteraction(
      server.buildChatInput({
        name: 'add',
        options: { url: `${pages.base}/ko` },
        memberPermissions: EDITOR,
        user: { id: '333333333333333333', username: 'other' },
      }),
    );
    expect(shown(await edited(server, other))).toContain('Added:');
  });

  it('GIVEN ALLOW_ANY_GUILD THEN adding is turned off, and says why', async () => {
    const server = await startServer();
    await startAddBot(server, { env: { ALLOWED_GUILD_IDS: '', ALLOW_ANY_GUILD: 'true' } });
    const { callback } = await add(server, { url: `${pages.base}/ko` });
    expect(callback.data?.flags).toBe(EPHEMERAL);
    expect(callback.data?.content).toMatch(/^Adding articles is turned off: it needs ALLOWED\\_GUILD\\_IDS/);
  });
});

describe('"Add to Crosscheck" on a message', () => {
  it('GIVEN a message with two links and a PDF THEN each is added, one line each, and /ask answers from them', async () => {
    const server = await startServer();
    const bot = await startAddBot(server);
    const payload = server.buildMessageCommand({
      name: 'Add to Crosscheck',
      memberPermissions: EDITOR,
      target: {
        content: `Two reads on the rotation: ${pages.base}/bare and <${pages.base}/ko>.`,
        attachments: [
          {
            filename: 'brief.pdf',
            url: `${pages.base}/attachments/brief.pdf`,
            size: PDF.length,
            contentType: 'application/pdf',
          },
        ],
      },
    });
    const interaction = await server.sendInteraction(payload);
    expect((await interaction.waitForCallback()).type).toBe(5);
    const text = shown(await edited(server, interaction));
    const lines = text.split('\n').filter((line) => line.startsWith('✅'));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain('Seoul lawmakers briefed on troop rotation');
    expect(lines[1]).toContain('국정원');
    expect(lines[2]).toContain('Briefing note: the northern front in August');
    expect(await readdir(path.join(bot.dir, 'added'))).toHaveLength(3);
    const saved = await Promise.all(
      (await readdir(path.join(bot.dir, 'added'))).map((file) => readFile(path.join(bot.dir, 'added', file), 'utf8')),
    );
    expect(saved.every((file) => file.includes('via: message'))).toBe(true);
    expect(await ask(server, 'how many North Korean soldiers captured')).toContain('Briefing note');
  });

  it('GIVEN a message with one new link and one already added THEN the new one is added publicly and the copy refused privately', async () => {
    const server = await startServer();
    await startAddBot(server);
    const first = await add(server, { url: `${pages.base}/bare` });
    const id = /`(added\/[^`]+)`/.exec(shown(await edited(server, first.interaction)))?.[1];
    const interaction = await server.sendInteraction(
      server.buildMessageCommand({
        name: 'Add to Crosscheck',
        memberPermissions: EDITOR,
        target: { content: `${pages.base}/bare\n${pages.base}/ko` },
      }),
    );
    const text = shown(await edited(server, interaction));
    expect(text.split('\n').filter((line) => line.startsWith('✅'))).toHaveLength(1);
    const refusal = await followUp(server, interaction);
    expect(refusal.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(refusal.content).toBe(
      `⛔ ${pages.base}/bare: Already in the corpus as ${id} (the same address): not added again.`,
    );
  });
});

describe('/remove', () => {
  it('GIVEN an added article THEN /remove asks to confirm, and the click moves it to .removed/ and says so publicly', async () => {
    const server = await startServer();
    const bot = await startAddBot(server);
    const added = await add(server, { url: `${pages.base}/world/seoul-raises-estimate` });
    const id = /`(added\/[^`]+)`/.exec(shown(await edited(server, added.interaction)))![1]!;

    const { callback } = await command(server, { name: 'remove', options: { id }, memberPermissions: EDITOR });
    expect(callback.data?.flags).toBe(EPHEMERAL);
    expect(callback.data?.content).toContain('Seoul raises its estimate of North Korean dead');
    const rows = (callback.data?.components ?? []) as { components: { custom_id: string; label: string }[] }[];
    const button = rows[0]?.components[0];
    expect(button).toMatchObject({ label: 'Remove', custom_id: `remove:confirm:${id}` });
    expect(existsSync(path.join(bot.dir, `${id}.md`))).toBe(true);

    const click = await server.sendInteraction(
      server.buildButtonClick({ customId: button!.custom_id, memberPermissions: EDITOR }),
    );
    expect((await click.waitForCallback()).type).toBe(6);
    const said = await followUp(server, click);
    expect(said.flags ?? 0).toBe(0);
    expect(shown(said)).toContain('Removed: Seoul raises its estimate of North Korean dead');
    expect(existsSync(path.join(bot.dir, `${id}.md`))).toBe(false);
    expect(await readdir(path.join(bot.dir, '.removed'))).toEqual([`${id.slice('added/'.length)}.md`]);
    expect(await ask(server, 'how many North Korean soldiers were killed')).not.toContain('Seoul raises its estimate');
  });

  it('GIVEN an article not added from the chat, or a member without permission THEN refused privately', async () => {
    const server = await startServer();
    await startAddBot(server);
    const own = await command(server, { name: 'remove', options: { id: 'april-nis' }, memberPermissions: EDITOR });
    expect(own.callback.data?.content).toMatch(/^april-nis was not added from the chat/);
    const stranger = await command(server, { name: 'remove', options: { id: 'added/x' } });
    expect(stranger.callback.data?.content).toBe(
      'Only members with the Manage Messages permission can add to or remove from the corpus.',
    );
  });
});
