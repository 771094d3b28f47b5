/**
 * The bot token stays out of the logs and out of what users see, wherever it hides: in the client's
 * internals, in an error carrying request headers, in an error's message. And `.env` is never committed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { DiscordAPIError, HTTPError, Routes } from 'discord.js';
import { pino } from 'pino';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { BotEngine } from '../../src/bot/context.js';
import type { Engine } from '../../src/engine/engine.js';
import { SEED_CORPUS } from '../helpers.js';
import { startFakeDiscord, type FakeDiscordServer } from '../support/fake-discord.js';
import { command, seed, startServer, startTestBot, stopAll, TOKEN } from './harness.js';
import { cleanEnv, ROOT, run, TSX } from './process.js';

const EPHEMERAL = 64;
/** Everything the bot logged, as the text that would reach a log file. */
const logText = (logs: unknown[]) => logs.map((line) => JSON.stringify(line)).join('\n');

afterEach(stopAll);

describe('the token in logs', () => {
  it('GIVEN the client’s options, its REST and gateway managers and errors carrying the Authorization header are logged THEN the token appears nowhere', async () => {
    const server = await startServer();
    const bot = await startTestBot(server);
    const { client } = bot;
    const log = bot.context.log;

    // What a careless debugging line would log. The gateway manager holds the token in its options.
    log.debug({ options: client.options }, 'client options');
    log.debug({ rest: client.rest }, 'client rest');
    log.debug({ ws: client.ws }, 'client gateway');
    log.debug(
      { client: { token: client.token, rest: { headers: { Authorization: `Bot ${client.token}` } } } },
      'client token',
    );
    // An error as an HTTP library might build it: the request with its headers, the token in the message.
    const leaky = Object.assign(new Error(`request to /users/@me failed (Authorization: Bot ${TOKEN})`), {
      request: { method: 'GET', headers: { Authorization: `Bot ${TOKEN}`, 'User-Agent': 'DiscordBot' } },
      config: { headers: { authorization: `Bot ${TOKEN}` }, auth: { token: TOKEN } },
    });
    log.error({ err: leaky }, 'request failed');
    // Real discord.js errors from the REST layer: a refusal and a server error past its retries.
    // (Not a 401: @discordjs/rest forgets its token after one, and the client would be useless.)
    server.failNext({ path: '/users/@me', status: 403, body: { message: 'Missing Access', code: 50001 } });
    const refused = await client.rest.get(Routes.user('@me')).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(DiscordAPIError);
    log.error({ err: refused }, 'REST refused');
    server.serverErrorNext('/users/@me', { times: 4 });
    const broken = await client.rest.get(Routes.user('@me')).catch((error: unknown) => error);
    expect(broken).toBeInstanceOf(HTTPError);
    log.error({ err: broken }, 'REST broken');

    await bot.waitForLog((line) => line.msg === 'REST broken');
    const text = logText(bot.logs);
    expect(text).not.toContain(TOKEN);
    // The lines are there, with the secret censored, not dropped.
    expect(bot.logs.find((line) => line.msg === 'client token')).toMatchObject({
      client: { token: '[redacted]', rest: { headers: { Authorization: '[redacted]' } } },
    });
    expect(bot.logs.find((line) => line.msg === 'request failed')).toMatchObject({
      err: {
        message: 'request to /users/@me failed (Authorization: Bot [redacted])',
        request: { headers: { Authorization: '[redacted]' } },
      },
    });
    expect(bot.logs.find((line) => line.msg === 'client gateway')).toBeDefined();
  });

  it('GIVEN the same objects through a logger without the guards THEN the token would leak: the test above tests something', async () => {
    const server = await startServer();
    const bot = await startTestBot(server);
    let raw = '';
    const unguarded = pino(
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          raw += chunk.toString('utf8');
          done();
        },
      }),
    );

    unguarded.info({ ws: bot.client.ws }, 'client gateway');

    expect(raw).toContain(TOKEN);
  });

  it('GIVEN a command fails with an error that carries the token THEN the log has the failure without it, and the user sees neither', async () => {
    const server = await startServer();
    const engine = await seed();
    const failing: BotEngine = Object.assign(Object.create(engine) as Engine, {
      ask: () => {
        throw Object.assign(new Error(`upstream refused Bot ${TOKEN}`), { headers: { authorization: `Bot ${TOKEN}` } });
      },
    });
    const bot = await startTestBot(server, { engine: failing });

    const { callback } = await command(server, { name: 'ask', options: { question: 'how many killed' } });

    expect(callback.data).toMatchObject({
      flags: EPHEMERAL,
      content: 'Something went wrong while answering. It has been logged; please try again.',
    });
    expect(JSON.stringify(callback.data)).not.toContain(TOKEN);
    await bot.waitForLog((line) => line.msg === 'interaction failed');
    expect(bot.logs.find((line) => line.msg === 'interaction failed')).toMatchObject({
      err: { message: 'upstream refused Bot [redacted]', headers: { authorization: '[redacted]' } },
    });
    expect(logText(bot.logs)).not.toContain(TOKEN);
    // The token also never went anywhere but the Authorization header of the bot's own requests.
    for (const request of server.requests) {
      const { authorization, ...headers } = request.headers;
      expect(JSON.stringify([headers, request.body, request.path])).not.toContain(TOKEN);
      if (authorization) expect(authorization).toBe(`Bot ${TOKEN}`);
    }
  });
});

describe('npm start with a token Discord refuses', () => {
  const servers: FakeDiscordServer[] = [];
  afterAll(async () => {
    await Promise.all(servers.map((server) => server.close()));
  });

  it('GIVEN the login is refused (401) THEN it exits 1 with the error logged, and the token is not in the output', async () => {
    // Only another token is accepted: the bot's is refused as a revoked one would be.
    const server = await startFakeDiscord({ token: 'another-token.abcdefghijklmnopqrstuvwxyz' });
    servers.push(server);
    const child = run(
      TSX,
      ['src/main.ts'],
      cleanEnv({
        DISCORD_TOKEN: TOKEN,
        DISCORD_API_URL: server.apiBase,
        CORPUS_DIR: SEED_CORPUS,
        LOG_LEVEL: 'debug',
        ALLOWED_GUILD_IDS: server.guild.id,
      }),
    );

    expect(await child.exited).toBe(1);
    expect(child.stderr()).toMatch(/"level":60.*could not log in to Discord/);
    expect(child.stdout() + child.stderr()).not.toContain(TOKEN);
  });
});

describe('.env', () => {
  it('GIVEN the repository THEN .env (and its variants) are git-ignored, .env.example is not, and no .env is tracked', () => {
    for (const file of ['.env', '.env.local', '.env.production']) {
      expect(spawnSync('git', ['check-ignore', '-q', file], { cwd: ROOT }).status, file).toBe(0);
    }
    expect(spawnSync('git', ['check-ignore', '-q', '.env.example'], { cwd: ROOT }).status).toBe(1);
    const tracked = execFileSync('git', ['ls-files'], { cwd: ROOT, encoding: 'utf8' }).split('\n');
    expect(tracked.filter((file) => /(^|\/)\.env($|\.)/.test(file) && !file.endsWith('.env.example'))).toEqual([]);
  });
});
