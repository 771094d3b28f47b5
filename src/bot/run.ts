import { Events } from 'discord.js';
import type { Env } from '../config/env.js';
import { CorpusUnreadableError } from '../corpus/load.js';
import { Engine } from '../engine/engine.js';
import { createLogger } from '../log.js';
import { createClient } from './client.js';
import { Cooldown } from './cooldown.js';
import type { BotContext } from './context.js';
import { handleInteraction } from './interactions.js';

/** Discord allows 3 s for the first response; answers slower than this are deferred first. */
export const DEFER_AFTER_MS = 1500;

/** Runs the bot until SIGINT or SIGTERM. Resolves with the process exit code. */
export async function runBot(env: Env): Promise<number> {
  const log = createLogger(env.LOG_LEVEL);
  let engine: Engine;
  try {
    engine = await Engine.load(env.CORPUS_DIR);
  } catch (error) {
    if (error instanceof CorpusUnreadableError) {
      log.fatal(error.message);
      return 1;
    }
    throw error;
  }
  log.info({ articles: engine.corpus.articles.length, passages: engine.index.size, problems: engine.corpus.problems }, engine.summary());

  const client = createClient(env);
  const context: BotContext = {
    engine: () => engine,
    log,
    askCooldown: new Cooldown(env.ASK_COOLDOWN_SECONDS),
    deferAfterMs: DEFER_AFTER_MS,
  };
  client.on(Events.InteractionCreate, (interaction) => void handleInteraction(interaction, context));
  client.once(Events.ClientReady, (ready) => log.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, 'connected to Discord'));
  client.on(Events.Error, (error) => log.error({ err: error }, 'client error'));
  client.on(Events.ShardDisconnect, (event, shard) => log.warn({ code: event.code, shard }, 'gateway disconnected'));
  client.on(Events.ShardResume, (shard) => log.info({ shard }, 'gateway resumed'));

  const stopped = new Promise<number>((resolve) => {
    const stop = (signal: string) => {
      log.info({ signal }, 'shutting down');
      void client.destroy().finally(() => resolve(0));
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });

  try {
    await client.login(env.DISCORD_TOKEN);
  } catch (error) {
    log.fatal({ err: error }, 'could not log in to Discord: check DISCORD_TOKEN');
    await client.destroy();
    return 1;
  }
  return stopped;
}
