import type { Logger } from 'pino';
import type { Engine } from '../engine/engine.js';
import type { Cooldown } from './cooldown.js';

/** What every command handler may use. The engine is read through a function: a reload swaps it in one step. */
export interface BotContext {
  engine(): Engine;
  log: Logger;
  askCooldown: Cooldown;
  /** How long an answer may take before the bot defers its reply; Discord allows 3 s for the first response. */
  deferAfterMs: number;
}
