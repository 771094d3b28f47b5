import type { Logger } from 'pino';
import type { Engine } from '../engine/engine.js';
import type { Cooldown } from './cooldown.js';

/**
 * What the bot needs of an engine: an {@link Engine}, except that `ask` may also answer
 * asynchronously. Only an asynchronous answer can be deferred when slow: a synchronous one blocks
 * the event loop (and the defer timer) until it is done.
 */
export type BotEngine = Omit<Engine, 'ask'> & {
  ask(...args: Parameters<Engine['ask']>): ReturnType<Engine['ask']> | Promise<ReturnType<Engine['ask']>>;
};

/** What every command handler may use. The engine is read through a function: a reload swaps it in one step. */
export interface BotContext {
  engine(): BotEngine;
  log: Logger;
  askCooldown: Cooldown;
  /** How long an answer may take before the bot defers its reply; Discord allows 3 s for the first response. */
  deferAfterMs: number;
}
