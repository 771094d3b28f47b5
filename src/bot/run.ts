import { once } from 'node:events';
import path from 'node:path';
import { Events, type Client } from 'discord.js';
import type { Logger } from 'pino';
import type { Env } from '../config/env.js';
import { CorpusUnreadableError } from '../corpus/load.js';
import { cacheFileFor } from '../engine/indexCache.js';
import { LiveEngine, type LiveEngineOptions } from '../engine/live.js';
import { createLogger, protectSecret } from '../log.js';
import { createClient } from './client.js';
import { Cooldown } from './cooldown.js';
import type { BotContext, BotEngine } from './context.js';
import type { Handlers } from './handlers.js';
import { handleInteraction } from './interactions.js';

/** Discord allows 3 s for the first response; answers slower than this are deferred first. */
export const DEFER_AFTER_MS = 1500;

export interface StartBotOptions {
  env: Env;
  /** The commands and buttons to answer with (the composition root's). */
  handlers: Handlers;
  /**
   * A fixed engine to serve (tests). When omitted, the corpus in `env.CORPUS_DIR` is loaded and
   * followed: changes are indexed while the bot runs, and `/reload` rebuilds on demand.
   */
  engine?: BotEngine;
  /** How the corpus folder is followed when no engine is given (debounce, retry); the log is the bot's. */
  live?: Omit<LiveEngineOptions, 'log'>;
  /** Where logs go; a logger on stderr at `env.LOG_LEVEL` when omitted. */
  log?: Logger;
  deferAfterMs?: number;
}

export interface RunningBot {
  client: Client;
  context: BotContext;
  /** The followed corpus; null when a fixed engine was given. */
  live: LiveEngine | null;
  /** Resolves once discord.js is ready (the guilds have arrived). */
  ready: Promise<void>;
  /** Closes the gateway connection and stops following the corpus. Safe to call more than once. */
  stop(): Promise<void>;
}

/**
 * Loads the corpus and follows it (unless given an engine), connects to Discord and answers
 * interactions until stopped. Throws `CorpusUnreadableError` if the corpus folder cannot be read,
 * and discord.js' error if the login fails (the client is destroyed first).
 */
export async function startBot({
  env,
  handlers,
  engine: given,
  live: liveOptions = {},
  log = createLogger(env.LOG_LEVEL),
  deferAfterMs = DEFER_AFTER_MS,
}: StartBotOptions): Promise<RunningBot> {
  // Whatever logger was passed, if it came from createLogger it now censors the token by value too.
  protectSecret(env.DISCORD_TOKEN);
  const live = given
    ? null
    : await LiveEngine.start(env.CORPUS_DIR, { ...liveOptions, log: log.child({ component: 'corpus' }) });
  const engine: BotEngine = given ?? live!.current();
  log.info(
    { articles: engine.corpus.articles.length, passages: engine.index.size, problems: engine.corpus.problems },
    engine.summary(),
  );

  const client = createClient(env);
  const context: BotContext = {
    // A reload swaps the live engine in one step; each interaction takes it once (see handleInteraction).
    engine: live ? () => live.current() : () => engine,
    reload: live ? () => live.reload() : null,
    log,
    askCooldown: new Cooldown(env.ASK_COOLDOWN_SECONDS),
    deferAfterMs,
    buttonIds: handlers.buttonIds,
  };
  client.on(Events.InteractionCreate, (interaction) => {
    // handleInteraction catches every error of a command; this only guards against the log itself failing.
    handleInteraction(interaction, context, handlers).catch((error: unknown) =>
      log.error({ err: error }, 'interaction handler crashed'),
    );
  });
  client.on(Events.Error, (error) => log.error({ err: error }, 'client error'));
  // discord.js reconnects by itself after most closes; ShardDisconnect means it has given up (bad token, intents).
  let stopping = false;
  client.on(Events.ShardReconnecting, (shard) => {
    // discord.js reports its own closing on stop as a reconnect; that is no news.
    if (!stopping) log.warn({ shard }, 'gateway connection lost; reconnecting');
  });
  client.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, 'gateway resumed'));
  client.on(Events.ShardError, (error, shard) => log.error({ err: error, shard }, 'gateway error'));
  client.on(Events.ShardDisconnect, (event, shard) =>
    log.fatal({ code: event.code, shard }, 'gateway closed for good: no more commands will arrive'),
  );
  // Registered before login, so that a fast READY is not missed.
  const ready = once(client, Events.ClientReady).then(() => {
    log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'connected to Discord');
  });
  ready.catch(() => undefined);

  try {
    await client.login(env.DISCORD_TOKEN);
  } catch (error) {
    live?.close();
    await client.destroy();
    throw error;
  }
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopping = true;
    live?.close();
    return (stopped ??= client.destroy());
  };
  return { client, context, live, ready, stop };
}

/** Runs the bot until SIGINT or SIGTERM. Resolves with the process exit code. */
export async function runBot(env: Env, handlers: Handlers): Promise<number> {
  const log = createLogger(env.LOG_LEVEL);
  // Listen for signals from the start: a signal during login still shuts down cleanly.
  let signalled: (signal: string) => void = () => undefined;
  const signal = new Promise<string>((resolve) => (signalled = resolve));
  const onSignal = (name: string) => () => signalled(name);
  process.once('SIGINT', onSignal('SIGINT'));
  process.once('SIGTERM', onSignal('SIGTERM'));

  // A promise nobody awaited that fails (a late answer, a REST call after shutdown began) belongs to one
  // interaction at most: log it rather than let Node end the process and every other user's session.
  const onUnhandled = (reason: unknown) => log.error({ err: reason }, 'unhandled rejection');
  process.on('unhandledRejection', onUnhandled);

  let bot: RunningBot;
  try {
    // The analysis of every article is kept between runs in .cache/ (git-ignored), so a restart
    // re-analyzes only what changed; a missing, stale or damaged cache is rebuilt, never trusted.
    bot = await startBot({
      env,
      handlers,
      log,
      live: { cacheFile: cacheFileFor(path.resolve('.cache'), env.CORPUS_DIR) },
    });
  } catch (error) {
    if (error instanceof CorpusUnreadableError) log.fatal(error.message);
    else log.fatal({ err: error }, 'could not log in to Discord: check DISCORD_TOKEN');
    return 1;
  }
  // A gateway that will not reconnect leaves a process that answers nothing: exit, so a supervisor restarts it.
  const lost = once(bot.client, Events.ShardDisconnect).then(() => null);
  const reason = await Promise.race([signal, lost]);
  if (reason) log.info({ signal: reason }, 'shutting down');
  await bot.stop();
  process.off('unhandledRejection', onUnhandled);
  return reason ? 0 : 1;
}
