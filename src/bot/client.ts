import { Client, GatewayIntentBits, type ClientOptions } from 'discord.js';
import type { Env } from '../config/env.js';

/**
 * The discord.js client with only the Guilds intent (no privileged intents), pointed at
 * `DISCORD_API_URL` when set. `rest.api` is passed only then: discord.js merges client options by
 * spreading, so `api: undefined` would replace Discord's own address in production.
 */
export function createClient(env: Pick<Env, 'DISCORD_API_URL'>): Client {
  const options: ClientOptions = {
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
  };
  if (env.DISCORD_API_URL) options.rest = { api: env.DISCORD_API_URL };
  return new Client(options);
}
