import { ChannelType, InteractionContextType, PermissionFlagsBits, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/bot/handlers.js';
import { replyWhenReady } from '../src/bot/respond.js';
import type { WatchTarget } from '../src/bot/watch.js';
import { figureTopics } from '../src/model/categories.js';
import { message, notice, privately, type DiscordReply } from '../src/render/discordMessage.js';
import { plural } from '../src/text/plural.js';

export const watch = {
  data: new SlashCommandBuilder()
    .setName('watch')
    .setDescription(
      'Announce new and changed articles, their figures and what they change, in a channel (Manage Server)',
    )
    // Hidden from members without Manage Server; checked again below, since server admins can override this.
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .addChannelOption((option) =>
      option
        .setName('channel')
        .setDescription('Where to announce corpus changes')
        .addChannelTypes(ChannelType.GuildText, ChannelType.GuildAnnouncement),
    )
    .addStringOption((option) =>
      option
        .setName('topics')
        .setDescription(
          `Only articles with figures of these, comma-separated (${figureTopics().slice(0, 4).join(', ')}…)`,
        )
        .setMaxLength(200),
    )
    .addBooleanOption((option) => option.setName('off').setDescription('Stop announcing corpus changes'))
    .toJSON(),

  async execute(interaction, context) {
    // Discord's default_member_permissions can be overridden per channel or role by an admin: the bot checks itself.
    if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
      context.log.warn({ reason: 'missing Manage Server' }, 'watch refused');
      await interaction.reply(notice('Only members with the Manage Server permission can set the watch channel.'));
      return;
    }
    const control = context.watch;
    if (!control) {
      await interaction.reply(notice('This bot serves a fixed index: there is no corpus folder to watch.'));
      return;
    }
    const channelId = interaction.options.get('channel')?.value;
    const topicsText = interaction.options.getString('topics');
    const off = interaction.options.getBoolean('off') ?? false;

    const privateReply = { ephemeral: true, deferAfterMs: context.deferAfterMs };
    if (off) {
      await replyWhenReady(
        interaction,
        async () => {
          const was = await control.off(interaction.user.id);
          return said(
            was ? `No longer announcing corpus changes in <#${was.channelId}>.` : 'No watch channel was set.',
          );
        },
        privateReply,
      );
      return;
    }
    if (typeof channelId !== 'string') {
      await interaction.reply(privately(said(statusText(control.status()))));
      return;
    }
    const topics = parseTopics(topicsText ?? '');
    if ('unknown' in topics) {
      await interaction.reply(
        notice(`Unknown topic: ${topics.unknown.slice(0, 50)}. Topics: ${figureTopics().join(', ')}.`),
      );
      return;
    }
    await replyWhenReady(
      interaction,
      async () => {
        const result = await control.set(channelId, topics.topics, interaction.user.id);
        return result.ok
          ? said(
              `Corpus changes will be announced in <#${channelId}>${topicsNote(result.target.topics)}: each new or changed article, its figures and the verdicts they make with those already there. The ${plural(result.articles, 'article')} already in the corpus are not announced.`,
            )
          : notice(`Cannot announce in that channel: ${result.reason}.`);
      },
      privateReply,
    );
  },
} satisfies Command;

/** The topics typed ("killed, deployed"), each a known one; every topic when none. */
export function parseTopics(text: string): { topics: string[] } | { unknown: string } {
  const known = figureTopics();
  const topics = [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((topic) => topic.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
  const unknown = topics.find((topic) => !known.includes(topic));
  return unknown === undefined ? { topics } : { unknown };
}

function topicsNote(topics: readonly string[]): string {
  return topics.length > 0 ? ` (only articles with figures of ${topics.join(', ')})` : '';
}

function statusText(target: WatchTarget | null): string {
  if (!target) return 'No watch channel: corpus changes are not announced. Set one with `/watch channel:`.';
  const from = target.source === 'environment' ? ' (set by WATCH_CHANNEL_ID)' : '';
  return `Corpus changes are announced in <#${target.channelId}>${from}${topicsNote(target.topics)}. Stop with \`/watch off:True\`.`;
}

/**
 * A private line that may show a channel as a link: unlike `notice`, not escaped (it holds only
 * ids and known topic names), and, as every reply, pinging no one.
 */
function said(text: string): DiscordReply {
  return privately(message([], [], text));
}
