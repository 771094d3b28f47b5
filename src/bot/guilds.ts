import {
  ApplicationIntegrationType,
  InteractionContextType,
  type Guild,
  type Interaction,
  type RESTPostAPIApplicationCommandsJSONBody,
} from 'discord.js';
import type { Logger } from 'pino';
import type { Env } from '../config/env.js';
import { notice } from '../render/discordMessage.js';

/**
 * The servers the bot serves. A DM is never one of them: the corpus is a team's, and a DM has no team.
 * `any` (ALLOW_ANY_GUILD=true) serves every server the bot is in.
 */
export class GuildAllowList {
  private constructor(
    readonly any: boolean,
    readonly ids: ReadonlySet<string>,
  ) {}

  static fromEnv(env: Pick<Env, 'ALLOWED_GUILD_IDS' | 'ALLOW_ANY_GUILD'>): GuildAllowList {
    if (!env.ALLOW_ANY_GUILD && env.ALLOWED_GUILD_IDS.length === 0) throw new NoGuildAllowedError();
    return new GuildAllowList(env.ALLOW_ANY_GUILD, new Set(env.ALLOWED_GUILD_IDS));
  }

  /** Whether an interaction from this server (null: a DM or a group DM) is served. */
  allows(guildId: string | null | undefined): boolean {
    if (!guildId) return false;
    return this.any || this.ids.has(guildId);
  }
}

/** The bot was started with no server to serve: it would serve whoever invites it. */
export class NoGuildAllowedError extends Error {
  override name = 'NoGuildAllowedError';
  constructor() {
    super(
      'config: no server is allowed: set ALLOWED_GUILD_IDS (or DISCORD_GUILD_ID) to your server’s id, so that the bot answers there only ' +
        '(in Discord, enable Developer Mode, then right-click your server → Copy Server ID). ' +
        'ALLOW_ANY_GUILD=true serves every server the bot is invited to: anyone who can invite it could read the corpus.',
    );
  }
}

/** What someone outside the allowed servers is told, privately; nothing about the corpus. */
export const REFUSAL = 'Crosscheck answers only in the servers it was set up for.';

/**
 * Answers an interaction from outside the allowed servers (another server, a DM) with a short
 * private refusal, and nothing else: no answer, no article names, no autocomplete suggestions.
 * Returns false when the interaction is from an allowed server and should be handled.
 */
export async function refuseOutsider(
  interaction: Interaction,
  allowed: GuildAllowList,
  log: Logger,
  refusal = REFUSAL,
): Promise<boolean> {
  if (allowed.allows(interaction.guildId)) return false;
  log.warn(
    { guildId: interaction.guildId, where: interaction.guildId ? 'a server not allowed' : 'a direct message' },
    'interaction refused: not from an allowed server',
  );
  if (interaction.isAutocomplete()) await interaction.respond([]);
  else if (interaction.isRepliable()) await interaction.reply(notice(refusal));
  return true;
}

/** Leaves `guild` when it is not allowed, saying so in the log. Returns whether it left. */
export async function leaveIfNotAllowed(guild: Guild, allowed: GuildAllowList, log: Logger): Promise<boolean> {
  if (allowed.allows(guild.id)) return false;
  try {
    await guild.leave();
    log.warn({ guildId: guild.id, guildName: guild.name }, 'left a server the bot is not allowed in');
    return true;
  } catch (error) {
    log.error(
      { err: error, guildId: guild.id, guildName: guild.name },
      'could not leave a server the bot is not allowed in',
    );
    return false;
  }
}

/**
 * A command as registered for servers only: usable in a server's channels (no DMs, no group DMs)
 * and installed by servers only (no user installs, which would let anyone use it anywhere).
 */
export function serverOnly<Data extends RESTPostAPIApplicationCommandsJSONBody>(data: Data): Data {
  return {
    ...data,
    contexts: [InteractionContextType.Guild],
    integration_types: [ApplicationIntegrationType.GuildInstall],
  };
}
