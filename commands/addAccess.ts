/** Who may add articles from the chat, checked when a command runs (Discord's default permission can be overridden). */
import {
  PermissionFlagsBits,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type MessageContextMenuCommandInteraction,
} from 'discord.js';
import type { Adding, BotContext } from '../src/bot/context.js';
import { notice } from '../src/render/discordMessage.js';

/** What the commands that add or remove are registered with: hidden from members without Manage Messages. */
export const ADD_PERMISSION = PermissionFlagsBits.ManageMessages;

type Interaction = ChatInputCommandInteraction | MessageContextMenuCommandInteraction | ButtonInteraction;

function hasRole(interaction: Interaction, roleId: string): boolean {
  const roles = interaction.member?.roles;
  if (!roles) return false;
  return Array.isArray(roles) ? roles.includes(roleId) : roles.cache.has(roleId);
}

/**
 * Adding as enabled for this member, taking `count` of their rate limit; null after telling them
 * privately why not (turned off, no permission, too many of late).
 */
export async function mayAdd(
  interaction: Interaction,
  context: BotContext,
  count = 1,
): Promise<Extract<Adding, { enabled: true }> | null> {
  const adding = context.adding;
  if (!adding?.enabled) {
    await interaction.reply(notice(adding?.reason ?? 'Adding articles is turned off for this bot.'));
    return null;
  }
  const permitted =
    interaction.memberPermissions?.has(ADD_PERMISSION) ||
    (adding.roleId !== null && hasRole(interaction, adding.roleId));
  if (!permitted) {
    context.log.warn({ reason: 'missing Manage Messages or the add role' }, 'adding refused');
    await interaction.reply(
      notice(
        adding.roleId
          ? 'Only members with the Manage Messages permission or the role for adding articles can add to or remove from the corpus.'
          : 'Only members with the Manage Messages permission can add to or remove from the corpus.',
      ),
    );
    return null;
  }
  const waitMs = adding.limit.take(interaction.user.id, count);
  if (waitMs > 0) {
    context.log.warn({ reason: 'rate limit', count }, 'adding refused');
    const most = `One member may add up to ${adding.limit.max} articles every ${Math.round(adding.limit.windowMs / 60_000)} minutes`;
    await interaction.reply(
      notice(
        Number.isFinite(waitMs)
          ? `${most}, and you have reached that: try again in ${Math.max(1, Math.ceil(waitMs / 60_000))} min.`
          : `${most}: that message has more (${count}) than that.`,
      ),
    );
    return null;
  }
  return adding;
}
