import { once } from 'node:events';
import { Events } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { answerEmbedOf, command, embedOf, startServer, startTestBot, stopAll } from './harness.js';

afterEach(stopAll);

describe('the gateway connection', () => {
  it.each([
    [4000, 'an unknown-error close'],
    [1006, 'a dropped connection'],
  ])('GIVEN %i (%s) THEN the bot resumes and the next /ask is answered', async (code) => {
    const server = await startServer();
    const bot = await startTestBot(server);
    const before = await command(server, { name: 'ask', options: { question: 'how many killed' } });
    expect(before.callback.type).toBe(4);

    const resumed = once(bot.client, Events.ShardResume);
    server.closeGateway(code);
    await resumed;

    const after = await command(server, { name: 'ask', options: { question: 'how many killed' } });
    expect(after.callback.type).toBe(4);
    expect(answerEmbedOf(after.callback).description).toContain(
      '**[1]** North Korean Troops Face Significant Losses in Russia-Ukraine Conflict · newsukraine.rbc.ua',
    );
    expect(server.identifyCount).toBe(1);
    expect(server.resumeCount).toBe(1);
    expect(bot.logs.map((line) => line.msg)).toEqual(
      expect.arrayContaining(['gateway connection lost; reconnecting', 'gateway resumed']),
    );
  });

  it('GIVEN a command sent while the bot is disconnected THEN it is answered after the resume', async () => {
    const server = await startServer();
    await startTestBot(server);

    server.closeGateway(4000);
    const missed = await server.sendInteraction(server.buildChatInput({ name: 'sources' }), { waitForReady: false });
    await server.waitForResume();

    expect(embedOf(await missed.waitForCallback()).title).toBe('5 articles');
  });

  it('GIVEN a fatal close (4004, token revoked) THEN the bot says so at fatal level', async () => {
    const server = await startServer();
    const bot = await startTestBot(server);
    // @discordjs/ws also reports 4004 as a shard error; the bot logs it rather than crashing.
    const disconnected = once(bot.client, Events.ShardDisconnect);

    server.closeGateway(4004);
    await disconnected;

    expect(bot.logs.find((line) => line.msg.startsWith('gateway closed for good'))).toMatchObject({
      level: 60,
      code: 4004,
    });
  });

  it('GIVEN the bot is logged in THEN it asked for the Guilds intent only', async () => {
    const server = await startServer();
    await startTestBot(server);

    expect(server.gateway.identifies[0]?.intents).toBe(1);
  });
});
