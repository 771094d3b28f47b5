/**
 * The bot under faults, end to end against the fake Discord: gateway closes and zombie connections,
 * rate limits and server errors on the reply routes, expired interactions, and one command failing
 * while another user's runs.
 */
import { once } from 'node:events';
import { Events, Routes, type APIEmbed } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BotEngine } from '../../src/bot/context.js';
import type { Engine } from '../../src/engine/engine.js';
import type { AcceptedCallback, FakeDiscordServer, FakeInteraction } from '../support/fake-discord.js';
import { command, seed, sleep, startServer, startTestBot, stopAll, type TestBot } from './harness.js';

const EPHEMERAL = 64;
let engine: Engine;

beforeAll(async () => {
  engine = await seed();
});

/** The first embed a callback or message carries (an answer may add more, e.g. figures). */
function firstEmbed(source: AcceptedCallback | { embeds?: APIEmbed[] } | null | undefined): APIEmbed | undefined {
  if (!source) return undefined;
  const embeds = 'request' in source ? (source.data?.embeds as APIEmbed[] | undefined) : source.embeds;
  return embeds?.[0];
}

/** A cited answer to "how many killed", as the asker sees it. */
function expectAnswer(source: Parameters<typeof firstEmbed>[0]): void {
  const embed = firstEmbed(source);
  expect(embed?.footer?.text).toMatch(/ · asked: how many killed$/);
  expect(embed?.description).toMatch(/^\*\*\[1\]\*\* /m);
}

/**
 * The seed engine whose answers each wait until `count` of them are under way at once, so they finish
 * only if the bot works them out side by side; it fails questions that contain "explode". `mostAtOnce`
 * says how many overlapped. Should they never overlap, each gives up waiting after 5 s and answers anyway.
 */
function overlappingEngine(count: number): BotEngine & { mostAtOnce: () => number } {
  let atOnce = 0;
  let most = 0;
  let allStarted!: () => void;
  const together = new Promise<void>((resolve) => (allStarted = resolve));
  return Object.assign(Object.create(engine) as Engine, {
    ask: async (...args: Parameters<Engine['ask']>) => {
      atOnce++;
      most = Math.max(most, atOnce);
      if (atOnce === count) allStarted();
      try {
        let giveUp: NodeJS.Timeout | undefined;
        await Promise.race([together, new Promise((resolve) => (giveUp = setTimeout(resolve, 5000)))]);
        clearTimeout(giveUp);
        const question = typeof args[0] === 'string' ? args[0] : args[0].text;
        if (question.includes('explode')) throw new Error(`the index exploded on "${question}"`);
        return engine.ask(...args);
      } finally {
        atOnce--;
      }
    },
    mostAtOnce: () => most,
  });
}

/** The seed engine answering after `ms`, failing for questions that contain "explode". */
function slowEngine(ms: number): BotEngine {
  return Object.assign(Object.create(engine) as Engine, {
    ask: async (...args: Parameters<Engine['ask']>) => {
      await sleep(ms);
      const question = typeof args[0] === 'string' ? args[0] : args[0].text;
      if (question.includes('explode')) throw new Error(`the index exploded on "${question}"`);
      return engine.ask(...args);
    },
  });
}

const linesFor = (bot: TestBot, interaction: FakeInteraction, msg: string) =>
  bot.logs.filter((line) => line.interactionId === interaction.id && line.msg === msg);

/** Requests the bot sent for one interaction (its callback, and webhook calls with its token). */
const requestsFor = (server: FakeDiscordServer, interaction: FakeInteraction) =>
  server.requests.filter((request) => request.path.includes(interaction.token));

describe('the gateway', () => {
  afterEach(stopAll);

  it('GIVEN a resumable close (4000) THEN the bot resumes the same session and the next command works', async () => {
    const server = await startServer();
    const bot = await startTestBot(server);

    const resumed = once(bot.client, Events.ShardResume);
    server.closeGateway(4000);
    await resumed;

    const { callback } = await command(server, { name: 'ask', options: { question: 'how many killed' } });
    expectAnswer(callback);
    expect([server.identifyCount, server.resumeCount]).toEqual([1, 1]);
  });

  it('GIVEN heartbeats stop being acknowledged (a zombie connection) THEN the bot drops it, resumes, and the next command works', async () => {
    const server = await startServer();
    const bot = await startTestBot(server);

    const resumed = once(bot.client, Events.ShardResume);
    server.stopHeartbeatAcks();
    await resumed;

    const { callback } = await command(server, { name: 'ask', options: { question: 'how many killed' } });
    expectAnswer(callback);
    // discord.js closed the silent socket itself (its private "resuming" code), and resumed.
    expect(server.gateway.connections[0]).toMatchObject({ closedBy: 'client', closeCode: 4200 });
    expect(server.resumeCount).toBe(1);
  });
});

// @discordjs/ws waits 5 s between IDENTIFYs of one shard, as Discord demands: these take ~5 s each,
// spent waiting, so they wait side by side. Each has its own server and bot; all are stopped at the end.
describe.concurrent('the gateway ending the session', () => {
  afterAll(stopAll);

  it.each([
    [4007, 'invalid sequence: discord.js re-identifies'],
    [4009, 'session timed out: the resume is refused and discord.js re-identifies'],
  ])(
    'GIVEN a close that ends the session (%i, %s) THEN a new session and the next command works',
    async (code) => {
      const server = await startServer();
      const bot = await startTestBot(server);

      server.closeGateway(code);
      await server.waitForIdentify({ count: 2, timeoutMs: 15_000 });
      await server.waitForReady();

      const { callback } = await command(server, { name: 'ask', options: { question: 'how many killed' } });
      expectAnswer(callback);
      expect(server.identifyCount).toBe(2);
      expect(bot.logs.map((line) => line.msg)).toContain('gateway connection lost; reconnecting');
      // The session ended, the bot did not: no fatal line, nothing for a supervisor to do.
      expect(bot.logs.filter((line) => line.level >= 60)).toEqual([]);
    },
    20_000,
  );

  it('GIVEN an invalid session (op 9, not resumable) THEN the bot identifies again and the next command works', async () => {
    const server = await startServer();
    await startTestBot(server);

    server.sendInvalidSession(false);
    await server.waitForIdentify({ count: 2, timeoutMs: 15_000 });
    await server.waitForReady();

    const { callback } = await command(server, { name: 'sources' });
    expect(firstEmbed(callback)?.title).toBe('5 articles');
  }, 20_000);
});

describe('REST faults on the reply', () => {
  afterEach(stopAll);

  it('GIVEN a 429 with retry_after on the interaction callback THEN discord.js waits that long, retries, and the answer arrives', async () => {
    const server = await startServer();
    await startTestBot(server);
    const limit = server.rateLimitNext('/interactions/:id/:token/callback', { retryAfter: 0.3 });

    const { interaction, callback } = await command(server, { name: 'ask', options: { question: 'how many killed' } });

    expectAnswer(callback);
    const callbacks = server.requests.filter(
      (request) => request.path === Routes.interactionCallback(interaction.id, interaction.token),
    );
    expect(callbacks.map((request) => request.status)).toEqual([429, 204]);
    expect(limit.hits).toHaveLength(1);
    expect(callbacks[1]!.at - callbacks[0]!.at).toBeGreaterThanOrEqual(250);
  });

  it('GIVEN 500s on the edit after a deferral THEN the edit is retried and the answer replaces "thinking…"', async () => {
    const server = await startServer();
    await startTestBot(server, { engine: slowEngine(200), deferAfterMs: 50 });
    const failure = server.serverErrorNext('/webhooks/:appId/:token/messages/@original', { method: 'PATCH', times: 2 });

    const { interaction, callback } = await command(server, { name: 'ask', options: { question: 'how many killed' } });
    expect(callback.type).toBe(5);
    await server.waitForRequest(
      (request) => request.method === 'PATCH' && request.path.includes(interaction.token) && request.status === 200,
    );

    expect(failure.hits).toHaveLength(2);
    const edits = requestsFor(server, interaction).filter((request) => request.method === 'PATCH');
    expect(edits.map((request) => request.status)).toEqual([500, 500, 200]);
    expect(interaction.originalLoading).toBe(false);
    expectAnswer(interaction.original);
  });

  it('GIVEN 500s on the follow-up THEN it is retried and the private notice arrives', async () => {
    const server = await startServer();
    await startTestBot(server, { engine: slowEngine(200), deferAfterMs: 50 });
    // A slow invalid question: the public "thinking…" is deleted and a private follow-up sent instead.
    const failure = server.serverErrorNext('/webhooks/:appId/:token', { method: 'POST', times: 2 });

    const { interaction, callback } = await command(server, { name: 'ask', options: { question: 'the of' } });
    expect(callback.type).toBe(5);
    await server.waitForRequest(
      (request) => request.method === 'POST' && request.path.includes(interaction.token) && request.status === 200,
    );

    expect(failure.hits).toHaveLength(2);
    expect(interaction.followups).toHaveLength(1);
    expect(interaction.followups[0]).toMatchObject({
      flags: EPHEMERAL,
      content: expect.stringContaining('no words to search for'),
    });
  });

  it('GIVEN the edit keeps failing past discord.js retries THEN the failure is logged once and the asker is told privately', async () => {
    const server = await startServer();
    const bot = await startTestBot(server, { engine: slowEngine(100), deferAfterMs: 20 });
    server.serverErrorNext('/webhooks/:appId/:token/messages/@original', { method: 'PATCH', times: 10 });

    const { interaction } = await command(server, { name: 'ask', options: { question: 'how many killed' } });
    await server.waitForRequest(
      (request) => request.method === 'POST' && request.path.includes(interaction.token) && request.status === 200,
    );

    expect(linesFor(bot, interaction, 'interaction failed')).toEqual([
      expect.objectContaining({ level: 50, err: expect.objectContaining({ status: 500 }) }),
    ]);
    // discord.js' own retries (3 by default), then no more.
    const edits = requestsFor(server, interaction).filter((request) => request.method === 'PATCH');
    expect(edits.length).toBe(4);
    expect(interaction.followups.at(-1) ?? interaction.original).toMatchObject({
      flags: EPHEMERAL,
      content: expect.stringContaining('Something went wrong'),
    });
  });
});

describe('an expired interaction (10062)', () => {
  afterEach(stopAll);

  it('GIVEN the token expired before the reply THEN the failure is logged once, nothing is retried, and the bot keeps answering', async () => {
    const server = await startServer();
    const bot = await startTestBot(server);
    // Hold the reply at the server until the interaction has expired, so the order is certain.
    server.failNext({ path: '/interactions/:id/:token/callback', delayMs: 200 });

    const expired = await server.sendInteraction(
      server.buildChatInput({ name: 'ask', options: { question: 'how many killed' } }),
    );
    expired.expire();
    await server.waitForRequest((request) => request.path.includes(expired.token) && request.status === 404);
    // The bot's last word on this interaction: nothing for it is sent after this line.
    await bot.waitForLog(
      (line) => line.interactionId === expired.id && line.msg === 'could not tell the user about the failure',
    );

    expect(expired.acknowledged).toBe(false);
    const failed = linesFor(bot, expired, 'interaction failed');
    expect(failed).toEqual([expect.objectContaining({ level: 50, err: expect.objectContaining({ code: 10062 }) })]);
    // One request: the reply. No retry by discord.js (a 404 is final), no apology sent into the void.
    expect(requestsFor(server, expired).map((request) => [request.method, request.status])).toEqual([['POST', 404]]);
    expect(linesFor(bot, expired, 'could not tell the user about the failure')).toEqual([
      expect.objectContaining({ level: 40, reason: 'the interaction has expired' }),
    ]);

    const next = await command(server, { name: 'ask', options: { question: 'how many killed' } });
    expectAnswer(next.callback);
  });
});

describe('one failing command', () => {
  afterEach(stopAll);

  it('GIVEN two users asking at once and one answer throws THEN the other user gets their answer, and only the failing one an apology', async () => {
    const server = await startServer();
    const overlapping = overlappingEngine(2);
    const bot = await startTestBot(server, { engine: overlapping });
    const alice = { id: '400000000000000001', username: 'alice' };
    const bob = { id: '400000000000000002', username: 'bob' };

    const [failing, fine] = await Promise.all([
      command(server, { name: 'ask', options: { question: 'explode how many killed' }, user: alice }),
      command(server, { name: 'ask', options: { question: 'how many killed' }, user: bob }),
    ]);

    expect(failing.callback.data).toMatchObject({
      flags: EPHEMERAL,
      content: expect.stringContaining('Something went wrong'),
    });
    expect(fine.callback.type).toBe(4);
    expect(fine.callback.data?.flags ?? 0).toBe(0);
    expectAnswer(fine.callback);
    // They really overlapped: bob's answer was being worked out while alice's failed.
    expect(overlapping.mostAtOnce()).toBe(2);

    // The log line of an answer follows its reply.
    await bot.waitForLog((line) => line.interactionId === fine.interaction.id && line.msg === 'interaction handled');
    expect(linesFor(bot, failing.interaction, 'interaction failed')).toEqual([
      expect.objectContaining({
        userId: alice.id,
        command: 'ask',
        err: expect.objectContaining({ message: expect.stringContaining('exploded') }),
      }),
    ]);
    expect(linesFor(bot, fine.interaction, 'interaction failed')).toEqual([]);
    expect(linesFor(bot, fine.interaction, 'interaction handled')).toEqual([
      expect.objectContaining({ userId: bob.id, latencyMs: expect.any(Number) }),
    ]);

    // And the bot goes on, for alice too.
    const again = await command(server, { name: 'ask', options: { question: 'how many killed' }, user: alice });
    expectAnswer(again.callback);
  });
});
