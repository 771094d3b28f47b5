import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { corpusDirFromEnv } from './corpusDir.js';
import { parseAllowedHosts } from './hosts.js';

/** Empty strings count as unset: `DISCORD_GUILD_ID=` in .env means "not set", not "the empty id". */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());

const snowflake = z
  .string()
  .trim()
  .regex(/^\d{17,20}$/, 'must be a Discord id: 17 to 20 digits');

/** `ALLOWED_GUILD_IDS`: server ids separated by commas, blanks and repeats ignored. */
const guildIds = z.string().transform((value, context) => {
  const ids = value
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  const bad = ids.findIndex((id) => !/^\d{17,20}$/.test(id));
  if (bad >= 0) {
    context.addIssue({
      code: 'custom',
      message: `must be server ids separated by commas, each 17 to 20 digits: entry ${bad + 1} of ${ids.length} is not one`,
    });
    return z.NEVER;
  }
  return [...new Set(ids)];
});

const hostList = z.string().transform((value, context) => {
  try {
    return parseAllowedHosts(value);
  } catch (error) {
    context.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});

const flag = z
  .string()
  .trim()
  .toLowerCase()
  .refine((value) => value === 'true' || value === 'false', 'must be true or false')
  .transform((value) => value === 'true');

const fields = z.object({
  DISCORD_TOKEN: optional(
    z
      .string()
      .trim()
      .regex(/^[\w.-]{20,}$/, 'does not look like a bot token: copy it from the Bot page of the developer portal'),
  ),
  DISCORD_CLIENT_ID: optional(snowflake),
  DISCORD_GUILD_ID: optional(snowflake),
  DISCORD_API_URL: optional(z.url({ protocol: /^https?$/ })),
  CORPUS_DIR: optional(z.string()).transform((value) => corpusDirFromEnv({ CORPUS_DIR: value })),
  LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])).transform(
    (value) => value ?? 'info',
  ),
  ASK_COOLDOWN_SECONDS: optional(z.coerce.number().min(0).max(3600)).transform((value) => value ?? 3),
  ALLOWED_GUILD_IDS: optional(guildIds),
  ALLOW_ANY_GUILD: optional(flag).transform((value) => value ?? false),
  FETCH_ALLOW_HOSTS: optional(hostList).transform((value) => value ?? []),
  // A role whose members may add articles (/add, "Add to Crosscheck", /remove) besides those with Manage Messages.
  ADD_ROLE_ID: optional(snowflake),
  /** The channel that corpus changes are announced in (src/bot/watch.ts); `/watch` overrides it. */
  WATCH_CHANNEL_ID: optional(snowflake),
});

/**
 * The servers the bot serves: `ALLOWED_GUILD_IDS`, else `DISCORD_GUILD_ID`, else none (the bot then
 * refuses to start unless `ALLOW_ANY_GUILD=true`: see src/bot/guilds.ts). A list and ALLOW_ANY_GUILD
 * together contradict each other and are refused; DISCORD_GUILD_ID with ALLOW_ANY_GUILD is a
 * development server that registers commands at once, and every server is served.
 */
const schema = fields
  .superRefine((env, context) => {
    if (env.ALLOW_ANY_GUILD && env.ALLOWED_GUILD_IDS) {
      context.addIssue({
        code: 'custom',
        path: ['ALLOW_ANY_GUILD'],
        message: 'cannot be true while ALLOWED_GUILD_IDS lists servers: set one or the other',
      });
    }
  })
  .transform((env) => ({
    ...env,
    // With ALLOW_ANY_GUILD no list applies, so nothing that needs one (adding articles) is enabled by it.
    ALLOWED_GUILD_IDS: env.ALLOW_ANY_GUILD
      ? []
      : (env.ALLOWED_GUILD_IDS ?? (env.DISCORD_GUILD_ID ? [env.DISCORD_GUILD_ID] : [])),
  }));

export type Env = Readonly<z.infer<typeof schema>>;

/** Where to get each value, said when it is missing or wrong. */
const HOW_TO_GET: Record<string, string> = {
  DISCORD_TOKEN: 'Discord developer portal → your application → Bot → Reset Token',
  DISCORD_CLIENT_ID: 'Discord developer portal → your application → General Information → Application ID',
  DISCORD_GUILD_ID: 'in Discord, enable Developer Mode, then right-click your server → Copy Server ID',
  ALLOWED_GUILD_IDS: 'in Discord, enable Developer Mode, then right-click each server → Copy Server ID',
  ADD_ROLE_ID: 'in Discord, enable Developer Mode, then Server Settings → Roles → right-click the role → Copy Role ID',
  WATCH_CHANNEL_ID: 'in Discord, enable Developer Mode, then right-click the channel → Copy Channel ID',
};

export class EnvError extends Error {
  override name = 'EnvError';
}

/**
 * Reads and checks the environment once (after loading `.env`). Values are never echoed back in
 * errors: one of them is a secret.
 */
export function readEnv(source: NodeJS.ProcessEnv = process.env, { dotenv = true } = {}): Env {
  if (dotenv) loadDotenv({ quiet: true });
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0]);
      return `- ${key} ${issue.message}${HOW_TO_GET[key] ? ` (${HOW_TO_GET[key]})` : ''}`;
    });
    throw new EnvError(`config: the environment has bad values:\n${lines.join('\n')}`);
  }
  return Object.freeze(parsed.data);
}

/** {@link readEnv} for a script's start: the environment, or null after saying on stderr what is wrong. */
export function readEnvOrReport(source: NodeJS.ProcessEnv = process.env): Env | null {
  try {
    return readEnv(source);
  } catch (error) {
    if (!(error instanceof EnvError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return null;
  }
}
