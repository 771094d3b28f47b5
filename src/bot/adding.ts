import type { Env } from '../config/env.js';
import type { AddOptions, AddTarget } from '../engine/add.js';
import type { Adding } from './context.js';
import type { GuildAllowList } from './guilds.js';
import { RateLimit } from './rateLimit.js';

/** Articles one member may add (or try to) in {@link ADD_WINDOW_MS}. */
export const ADD_LIMIT = 10;
/** Ten minutes: enough for a team's burst of links, too short to flood the corpus. */
export const ADD_WINDOW_MS = 10 * 60 * 1000;

/**
 * Whether and how the bot adds articles from the chat. Only with a corpus folder it follows (not a
 * fixed engine) and a list of allowed servers: with ALLOW_ANY_GUILD anyone who invites the bot
 * could write to the corpus.
 */
export function addingFor(
  env: Pick<Env, 'FETCH_ALLOW_HOSTS' | 'ADD_ROLE_ID'>,
  target: AddTarget | null,
  allowedGuilds: GuildAllowList,
  fetch: AddOptions['fetch'] = {},
): Adding {
  if (allowedGuilds.any) {
    return {
      enabled: false,
      reason:
        'Adding articles is turned off: it needs ALLOWED_GUILD_IDS to name the servers the bot serves (it stays off with ALLOW_ANY_GUILD).',
    };
  }
  if (!target) return { enabled: false, reason: 'This bot serves a fixed index: there is no corpus folder to add to.' };
  return {
    enabled: true,
    target,
    fetch: { allowHosts: env.FETCH_ALLOW_HOSTS, ...fetch },
    roleId: env.ADD_ROLE_ID ?? null,
    limit: new RateLimit(ADD_LIMIT, ADD_WINDOW_MS),
  };
}
