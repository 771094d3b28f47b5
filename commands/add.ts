import { InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/bot/handlers.js';
import { replyWhenReady } from '../src/bot/respond.js';
import { addArticle, sourceLabel, type AddSource } from '../src/engine/add.js';
import { notice } from '../src/render/discordMessage.js';
import { renderAddedForDiscord, renderAddFailureForDiscord } from '../src/render/added.js';
import { ADD_PERMISSION, mayAdd } from './addAccess.js';

export const add = {
  data: new SlashCommandBuilder()
    .setName('add')
    .setDescription('Add an article to the corpus from a link or a file, and see what it changes (Manage Messages)')
    .addStringOption((option) =>
      option.setName('url').setDescription('The article’s link (http or https)').setMaxLength(2000),
    )
    .addAttachmentOption((option) => option.setName('file').setDescription('An article file: .md, .txt, .html or .pdf'))
    .addStringOption((option) =>
      option.setName('note').setDescription('A note kept with the article (why it matters)').setMaxLength(300),
    )
    // Hidden from members without Manage Messages; checked again at run time (ADD_ROLE_ID may let a role add).
    .setDefaultMemberPermissions(ADD_PERMISSION)
    .setContexts(InteractionContextType.Guild)
    .toJSON(),

  async execute(interaction, context) {
    const url = interaction.options.getString('url')?.trim() || null;
    const file = interaction.options.getAttachment('file');
    const note = interaction.options.getString('note')?.trim() || null;
    if (Boolean(url) === Boolean(file)) {
      await interaction.reply(notice('Give either a link (url:) or a file (file:) to add, one of the two.'));
      return;
    }
    const adding = await mayAdd(interaction, context);
    if (!adding) return;
    const source: AddSource = file ? { url: file.url, fileName: file.name } : { url: url! };
    const by = interaction.user.id;
    // The fetch and the indexing take longer than Discord's 3 s: acknowledge first, publicly (the team sees what was added).
    await replyWhenReady(
      interaction,
      async () => {
        const outcome = await addArticle(adding.target, source, {
          addedBy: by,
          via: file ? 'file' : 'url',
          note,
          fetch: adding.fetch,
        });
        if (!outcome.ok) {
          context.log.info({ reason: outcome.reason, fetchReason: outcome.fetchReason }, 'article not added');
          return renderAddFailureForDiscord(outcome, sourceLabel(source));
        }
        context.log.info(
          {
            articleId: outcome.article.id,
            figures: outcome.changes.figures.length,
            verdicts: outcome.changes.verdicts.length,
          },
          'article added',
        );
        return renderAddedForDiscord(outcome, by, note);
      },
      { ephemeral: false, slow: true, deferAfterMs: context.deferAfterMs },
    );
  },
} satisfies Command;
