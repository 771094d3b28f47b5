import { SlashCommandBuilder } from 'discord.js';
import { DEFAULT_LIMIT, MAX_LIMIT, MAX_QUESTION_CHARS } from '../src/engine/types.js';
import { notice, renderAnswerForDiscord } from '../src/render/discord.js';
import { replyWhenReady } from '../src/bot/respond.js';
import type { Command } from './command.js';

export const ask = {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask the team’s articles: cited passages, and differing figures side by side')
    .addStringOption((option) =>
      option.setName('question').setDescription('For example: how many killed').setRequired(true).setMaxLength(MAX_QUESTION_CHARS),
    )
    .addIntegerOption((option) => option.setName('limit').setDescription('How many passages (1–10, default 3)').setMinValue(1).setMaxValue(MAX_LIMIT))
    .addBooleanOption((option) => option.setName('public').setDescription('Show the answer to the channel (default: yes)'))
    .toJSON(),

  async execute(interaction, context) {
    const wait = context.askCooldown.take(interaction.user.id);
    if (wait > 0) {
      await interaction.reply(notice(`You can ask again in ${Math.ceil(wait)} s.`));
      return;
    }
    const question = interaction.options.getString('question', true);
    const limit = interaction.options.getInteger('limit') ?? undefined;
    const visible = interaction.options.getBoolean('public') ?? true;
    await replyWhenReady(
      interaction,
      async () => {
        const engine = context.engine();
        const answer = await engine.ask(question, limit ? { limit } : {});
        // A question that cannot be asked is the asker's business, not the channel's (a notice is ephemeral).
        if (answer.status === 'invalid-question') return notice(answer.message ?? 'That question cannot be asked.');
        return renderAnswerForDiscord(answer, { articles: engine.corpus.articles.length, limit: limit ?? DEFAULT_LIMIT });
      },
      { ephemeral: !visible, deferAfterMs: context.deferAfterMs },
    );
  },
} satisfies Command;
