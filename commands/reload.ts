import { plural } from '../src/text/plural.js';
import {
  InteractionContextType,
  MessageFlags,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type APIEmbed,
} from 'discord.js';
import type { Command } from '../src/bot/handlers.js';
import { replyWhenReady } from '../src/bot/respond.js';
import type { ReloadReport } from '../src/engine/live.js';
import { DISCORD_LIMITS } from '../src/render/discordLimits.js';
import { COLORS, fitEmbeds, notice, type DiscordReply } from '../src/render/discordMessage.js';
import { escapeCut } from '../src/render/discordText.js';

/** What the report may spend on listed files; the rest of the description is headings and "…and N more". */
const LIST_BUDGET = DISCORD_LIMITS.embedDescription - 600;

export const reload = {
  data: new SlashCommandBuilder()
    .setName('reload')
    .setDescription('Rebuild the index from the corpus folder now, and report what changed (Manage Server)')
    // Hidden from members without Manage Server; checked again below, since server admins can override this.
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageGuild)
    .setContexts(InteractionContextType.Guild)
    .toJSON(),

  async execute(interaction, context) {
    // Discord's default_member_permissions can be overridden per channel or role by an admin: the bot checks itself.
    if (!interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild)) {
      context.log.warn({ reason: 'missing Manage Server' }, 'reload refused');
      await interaction.reply(notice('Only members with the Manage Server permission can reload the corpus.'));
      return;
    }
    if (!context.reload) {
      await interaction.reply(notice('This bot serves a fixed index: there is no corpus folder to reload.'));
      return;
    }
    const reload = context.reload;
    // A rebuild of a large corpus takes longer than Discord's 3 s: acknowledge first, privately.
    await replyWhenReady(
      interaction,
      async () => {
        const report = await reload();
        context.log.info(
          {
            added: report.added.length,
            changed: report.changed.length,
            removed: report.removed.length,
            problems: report.problems.length,
          },
          'reload requested',
        );
        return renderReloadReport(report);
      },
      { ephemeral: true, slow: true, deferAfterMs: context.deferAfterMs },
    );
  },
} satisfies Command;

/** A file name as Discord shows it: inline code when that is safe, else escaped text. */
function fileName(file: string): string {
  return /^[^`\n\r]{1,200}$/.test(file) ? `\`${file}\`` : escapeCut(file, 200);
}

/**
 * The report of a reload for the one who asked: what was added, changed, removed or kept at its
 * last good version, and every problem by file. Within Discord's limits however many files there
 * are: what does not fit is counted ("…and 40 more") and is in the log.
 */
export function renderReloadReport(report: ReloadReport): DiscordReply {
  const sections: [string, string[]][] = [
    ['Added', report.added.map(fileName)],
    ['Changed', report.changed.map(fileName)],
    ['Removed', report.removed.map(fileName)],
    ['Kept at their last good version', report.keptLastGood.map(fileName)],
    ['Problems', report.problems.map((problem) => `${fileName(problem.file)}: ${escapeCut(problem.reason, 300)}`)],
  ];
  // A file kept at its last good version is a problem to fix, not a change to the index.
  const changes = report.added.length + report.changed.length + report.removed.length;
  const lines = [
    report.error
      ? `${escapeCut(report.error, 500)}. Still serving the last index.`
      : `${changes === 0 ? 'No change.' : 'Indexed the changes.'} Now ${plural(report.articles, 'article')} (${plural(report.passages, 'passage')}), rebuilt in ${report.ms} ms.`,
  ];
  let budget = LIST_BUDGET;
  for (const [title, items] of sections) {
    if (items.length === 0) continue;
    lines.push('', `**${title} (${items.length})**`);
    let shown = 0;
    for (const item of items) {
      if (item.length + 1 > budget) break;
      lines.push(item);
      budget -= item.length + 1;
      shown++;
    }
    if (shown < items.length) lines.push(`…and ${items.length - shown} more (every one is in the log)`);
  }
  const embed: APIEmbed = {
    title: report.error ? 'Could not read the corpus folder' : 'Corpus reloaded',
    description: lines.join('\n'),
    color: report.error ? COLORS.none : report.problems.length > 0 ? COLORS.figures : COLORS.sources,
  };
  return { embeds: fitEmbeds([embed]), components: [], allowedMentions: { parse: [] }, flags: MessageFlags.Ephemeral };
}
