import type { Logger } from 'pino';
import type { AddOptions, AddTarget } from '../engine/add.js';
import type { Engine } from '../engine/engine.js';
import type { ReloadReport } from '../engine/live.js';
import type { ButtonIds } from '../render/discordMessage.js';
import type { Labels } from '../render/labels.js';
import type { Cooldown } from './cooldown.js';
import type { GuildAllowList } from './guilds.js';
import type { RateLimit } from './rateLimit.js';
import type { WatchControl } from './watch.js';

/**
 * Adding articles from the chat (`/add`, "Add to Crosscheck", `/remove`): enabled only with a corpus
 * folder being followed and a list of allowed servers; otherwise the reason it is not.
 */
export type Adding =
  | {
      enabled: true;
      target: AddTarget;
      /** How links are fetched (FETCH_ALLOW_HOSTS; a resolver in tests). */
      fetch: AddOptions['fetch'];
      /** ADD_ROLE_ID: members with this role may add, besides those with Manage Messages. */
      roleId: string | null;
      /** Per user: articles added (or tried) in a window. */
      limit: RateLimit;
    }
  | { enabled: false; reason: string };

/**
 * What the bot needs of an engine: an {@link Engine}, except that `ask` may also answer
 * asynchronously. Only an asynchronous answer can be deferred when slow: a synchronous one blocks
 * the event loop (and the defer timer) until it is done.
 */
export type BotEngine = Omit<Engine, 'ask'> & {
  ask(...args: Parameters<Engine['ask']>): ReturnType<Engine['ask']> | Promise<ReturnType<Engine['ask']>>;
};

/**
 * What every command and button handler may use. The engine is read through a function: a reload swaps it in
 * one step. Within one interaction it always returns the same engine, so one answer comes from one index.
 */
export interface BotContext {
  engine(): BotEngine;
  /**
   * Rebuilds the index from the corpus folder now and says what changed (`/reload`). Null when the
   * bot serves a fixed engine (tests) and there is no folder being followed.
   */
  reload: (() => Promise<ReloadReport>) | null;
  log: Logger;
  askCooldown: Cooldown;
  /** How long an answer may take before the bot defers its reply; Discord allows 3 s for the first response. */
  deferAfterMs: number;
  /** The ids of the buttons a reply may carry, for the renderers. */
  buttonIds: ButtonIds;
  /** The servers the bot serves; an interaction from anywhere else is refused before any handler runs. */
  allowedGuilds: GuildAllowList;
  /** Adding articles from the chat; absent is the same as disabled. */
  adding?: Adding;
  /** The watch channel (`/watch`); null when the bot serves a fixed engine and no folder is followed. */
  watch?: WatchControl | null;
  /**
   * The bot's own words in the language of the interaction's locale (English when it has no table):
   * set per interaction by the routing, passed to every renderer.
   */
  labels: Labels;
}
