import { once } from 'node:events';
import path from 'node:path';
import { Events, type Client, type Guild } from 'discord.js';
import type { Logger } from 'pino';
import type { Env } from '../config/env.js';
import { CorpusUnreadableError } from '../corpus/load.js';
import { cacheFileFor } from '../engine/indexing/cacheFile.js';
import { LiveEngine, type LiveEngineOptions } from '../engine/live.js';
import { createLogger, protectSecret } from '../log.js';
import type { AddOptions } from '../engine/add.js';
import { addingFor } from './adding.js';
import { en } from '../render/labels.js';
import { createClient } from './client.js';
import { Cooldown } from './cooldown.js';
import type { BotContext, BotEngine } from './context.js';
import { GuildAllowList, leaveIfNotAllowed, NoGuildAllowedError } from './guilds.js';
import type { Handlers } from './handlers.js';
import { handleInteraction } from './interactions.js';
import { WatchChannel } from './watch.js';
import { watchStateFileFor } from './watchState.js';

/** Discord allows 3 s for the first response; answers slower than this are deferred first. */
export const DEFER_AFTER_MS = 1500;

/** While the login waits for Discord, a line says so this often: a silent wait looks like a hang. */
export const LOGIN_WAIT_LOG_MS = 10_000;
/**
 * When a login that Discord does not answer is given up. discord.js' own REST gives up after four
 * tries of 15 s; a gateway that accepts the connection and stays silent would be waited for forever.
 */
export const LOGIN_GIVE_UP_MS = 60_000;
/** After a stop signal the process ends within this, whatever discord.js is still doing (a reconnect). */
export const SHUTDOWN_LIMIT_MS = 5000;

/**
 * Discord could not be reached at all (no such host, connection refused, no answer): a network
 * problem to report with the host, not a bad token.
 */
export class DiscordUnreachableError extends Error {
  constructor(
    readonly host: string,
    reason: string,
  ) {
    super(`could not reach Discord at ${host}: ${reason}. Check the network (or DISCORD_API_URL, if set).`);
    this.name = 'DiscordUnreachableError';
  }
}

/** Errors of the network, not of Discord's answer: node's socket and DNS codes and undici's, as people read them. */
const NETWORK_CODES: ReadonlyMap<string, string> = new Map([
  ['ECONNREFUSED', 'the connection was refused'],
  ['ECONNRESET', 'the connection was reset'],
  ['ENOTFOUND', 'the host name does not resolve'],
  ['EAI_AGAIN', 'the host name could not be looked up'],
  ['ETIMEDOUT', 'the connection timed out'],
  ['EHOSTUNREACH', 'the host is unreachable'],
  ['ENETUNREACH', 'the network is unreachable'],
  ['UND_ERR_CONNECT_TIMEOUT', 'the connection timed out'],
  ['UND_ERR_HEADERS_TIMEOUT', 'no answer in time'],
  ['UND_ERR_SOCKET', 'the connection failed'],
]);

/** The network reason a login failed ("ECONNREFUSED"), or null when Discord did answer (a bad token, say). */
function networkFailure(error: unknown): string | null {
  for (let cause = error, depth = 0; cause instanceof Error && depth < 4; cause = cause.cause, depth++) {
    const code = (cause as { code?: unknown }).code;
    const reason = typeof code === 'string' ? NETWORK_CODES.get(code) : undefined;
    if (reason) return `${reason} (${code})`;
    // discord.js aborts a request after 15 s without an answer, four times over.
    if (cause.name === 'AbortError') return 'no answer in time';
  }
  return null;
}

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
  /** How links pasted to /add are fetched, beyond FETCH_ALLOW_HOSTS (tests give their own resolver). */
  fetch?: AddOptions['fetch'];
  deferAfterMs?: number;
  /** How long the login waits for Discord, and how often it says it is waiting (defaults above; tests shorten them). */
  login?: { giveUpAfterMs?: number; logEveryMs?: number };
}

export interface RunningBot {
  client: Client;
  context: BotContext;
  /** The followed corpus; null when a fixed engine was given. */
  live: LiveEngine | null;
  /** The watch channel of the followed corpus (src/bot/watch.ts); null when a fixed engine was given. */
  watch: WatchChannel | null;
  /** Resolves once discord.js is ready (the guilds have arrived). */
  ready: Promise<void>;
  /** Closes the gateway connection and stops following the corpus. Safe to call more than once. */
  stop(): Promise<void>;
}

/**
 * Loads the corpus and follows it (unless given an engine), connects to Discord and answers
 * interactions until stopped. Throws `CorpusUnreadableError` if the corpus folder cannot be read,
 * `DiscordUnreachableError` if Discord cannot be reached or does not answer, and discord.js' error
 * if it refuses the login (the client is destroyed first).
 */
export async function startBot({
  env,
  handlers,
  engine: given,
  live: liveOptions = {},
  log = createLogger(env.LOG_LEVEL),
  fetch,
  deferAfterMs = DEFER_AFTER_MS,
  login: { giveUpAfterMs = LOGIN_GIVE_UP_MS, logEveryMs = LOGIN_WAIT_LOG_MS } = {},
}: StartBotOptions): Promise<RunningBot> {
  // Whatever logger was passed, if it came from createLogger it now censors the token by value too.
  protectSecret(env.DISCORD_TOKEN);
  // Before anything is loaded: a bot with no server to serve would serve whoever invites it.
  const allowedGuilds = GuildAllowList.fromEnv(env);
  const live = given
    ? null
    : await LiveEngine.start(env.CORPUS_DIR, { ...liveOptions, log: log.child({ component: 'corpus' }) });
  const engine: BotEngine = given ?? live!.current();
  log.info(
    { articles: engine.corpus.articles.length, passages: engine.stats().passages, problems: engine.corpus.problems },
    engine.summary(),
  );

  const client = createClient(env);
  // Corpus changes told in a channel: its state file beside the index cache (or the corpus' parent).
  const watch = live
    ? new WatchChannel({
        client,
        live,
        envChannelId: env.WATCH_CHANNEL_ID ?? null,
        allowedGuilds,
        log: log.child({ component: 'watch' }),
        file: watchStateFileFor(liveOptions.cacheFile, env.CORPUS_DIR),
      })
    : null;
  const context: BotContext = {
    // A reload swaps the live engine in one step; each interaction takes it once (see handleInteraction).
    engine: live ? () => live.current() : () => engine,
    reload: live ? () => live.reload() : null,
    log,
    askCooldown: new Cooldown(env.ASK_COOLDOWN_SECONDS),
    deferAfterMs,
    buttonIds: handlers.buttonIds,
    allowedGuilds,
    adding: addingFor(env, live, allowedGuilds, fetch),
    watch,
    // Each interaction gets its own, by its locale (see handleInteraction).
    labels: en,
  };
  client.on(Events.InteractionCreate, (interaction) => {
    // handleInteraction catches every error of a command; this only guards against the log itself failing.
    handleInteraction(interaction, context, handlers).catch((error: unknown) =>
      log.error({ err: error }, 'interaction handler crashed'),
    );
  });
  // A server the bot is not allowed in is left as soon as the bot is there: invited (GuildCreate), back
  // from an outage (GuildAvailable), or found at start-up (below, on ready).
  // Each guild object once: at start-up a guild is both available and in the cache at ready. One
  // invited again after leaving is a new object.
  const left = new WeakSet<Guild>();
  const leave = (guild: Guild) => {
    if (left.has(guild) || allowedGuilds.allows(guild.id)) return;
    left.add(guild);
    void leaveIfNotAllowed(guild, allowedGuilds, log);
  };
  client.on(Events.GuildCreate, leave);
  client.on(Events.GuildAvailable, leave);
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
    for (const guild of client.guilds.cache.values()) leave(guild);
    watch?.start();
  });
  ready.catch(() => undefined);

  try {
    await logIn(client, env, log, { giveUpAfterMs, logEveryMs });
  } catch (error) {
    live?.close();
    await client.destroy();
    throw error;
  }
  let stopped: Promise<void> | undefined;
  const stop = () => {
    stopping = true;
    live?.close();
    // An announcement under way is finished and recorded first, so that a restart does not repeat it.
    return (stopped ??= (watch?.close() ?? Promise.resolve()).then(() => client.destroy()));
  };
  return { client, context, live, watch, ready, stop };
}

/**
 * `client.login`, saying every `logEveryMs` what it is waiting for and where, and giving up after
 * `giveUpAfterMs`. A failure to reach Discord becomes a {@link DiscordUnreachableError}.
 */
async function logIn(
  client: Client,
  env: Env,
  log: Logger,
  { giveUpAfterMs, logEveryMs }: { giveUpAfterMs: number; logEveryMs: number },
): Promise<void> {
  const apiHost = new URL(env.DISCORD_API_URL ?? 'https://discord.com/api').host;
  // Until the API has told it where the gateway is, the login waits for the API; then for the gateway.
  const waitingFor = () => {
    const gateway = client.ws.gateway;
    return gateway
      ? { what: 'Discord’s gateway', host: new URL(gateway).host }
      : { what: 'Discord’s API', host: apiHost };
  };
  const started = performance.now();
  const ticker = setInterval(() => {
    const { what, host } = waitingFor();
    log.warn(
      { host, waitedMs: Math.round(performance.now() - started) },
      `still waiting for ${what} at ${host} to answer the login`,
    );
  }, logEveryMs);
  let timer: NodeJS.Timeout | undefined;
  const login = client.login(env.DISCORD_TOKEN);
  // Given up on below, the login may still fail later: that is no news.
  login.catch(() => undefined);
  try {
    await Promise.race([
      login,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const { what, host } = waitingFor();
          reject(
            new DiscordUnreachableError(host, `${what} did not answer within ${Math.round(giveUpAfterMs / 1000)} s`),
          );
        }, giveUpAfterMs);
      }),
    ]);
  } catch (error) {
    const reason = error instanceof DiscordUnreachableError ? null : networkFailure(error);
    throw reason ? new DiscordUnreachableError(waitingFor().host, reason) : error;
  } finally {
    clearInterval(ticker);
    clearTimeout(timer);
  }
}

/**
 * Ends the process `ms` from now if it is still running then, whatever holds it open (a gateway
 * reconnecting, a request nobody will answer). Unref'd: it never keeps the process alive itself.
 */
function exitWithin(ms: number, code: number, log: Logger): void {
  setTimeout(() => {
    log.warn({ ms }, 'still closing; exiting anyway');
    process.exit(code);
  }, ms).unref();
}

/** Runs the bot until SIGINT or SIGTERM. Resolves with the process exit code. */
export async function runBot(env: Env, handlers: Handlers): Promise<number> {
  const log = createLogger(env.LOG_LEVEL);
  // Listen for signals from the start: a signal during login still shuts down cleanly.
  let signalled: (signal: string) => void = () => undefined;
  const signal = new Promise<string>((resolve) => (signalled = resolve));
  const onSignal = (name: string) => () => {
    log.info({ signal: name }, 'shutting down');
    // A stop is bounded: a gateway that is reconnecting (or a login that waits) does not hold the process.
    exitWithin(SHUTDOWN_LIMIT_MS, 0, log);
    signalled(name);
  };
  process.once('SIGINT', onSignal('SIGINT'));
  process.once('SIGTERM', onSignal('SIGTERM'));

  // Every promise of an interaction is awaited or caught where it starts: one that fails unhandled is
  // a bug. Logged (the token censored) and the process ends, so that a supervisor restarts it and the
  // bug is seen, rather than the bot going on in a state nobody planned for.
  process.on('unhandledRejection', (reason: unknown) => {
    log.fatal({ err: reason }, 'unhandled rejection: a bug; exiting');
    process.exit(1);
  });

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
    if (
      error instanceof CorpusUnreadableError ||
      error instanceof DiscordUnreachableError ||
      error instanceof NoGuildAllowedError
    )
      log.fatal(error.message);
    else log.fatal({ err: error }, 'could not log in to Discord: check DISCORD_TOKEN');
    // A login given up on may leave a request open for a while: it does not hold the exit.
    exitWithin(SHUTDOWN_LIMIT_MS, 1, log);
    return 1;
  }
  // A gateway that will not reconnect leaves a process that answers nothing: exit, so a supervisor restarts it.
  // (Not `once`: it would reject on the client's next 'error' event, which is only logged.)
  const lost = new Promise<null>((resolve) => bot.client.once(Events.ShardDisconnect, () => resolve(null)));
  const reason = await Promise.race([signal, lost]);
  if (!reason) exitWithin(SHUTDOWN_LIMIT_MS, 1, log);
  await bot.stop();
  return reason ? 0 : 1;
}
