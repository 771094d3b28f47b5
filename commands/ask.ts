import { SlashCommandBuilder } from 'discord.js';
import type { BotEngine } from '../src/bot/context.js';
import type { Command } from '../src/bot/handlers.js';
import { replyWhenReady } from '../src/bot/respond.js';
import type { ParsedQuestion } from '../src/engine/question.js';
import { DEFAULT_LIMIT, MAX_LIMIT, MAX_QUESTION_CHARS } from '../src/engine/types.js';
import { renderAnswerForDiscord, type AnswerContext } from '../src/render/discord.js';
import { notice, privately, type ButtonIds } from '../src/render/discordMessage.js';
import { en, type Labels } from '../src/render/labels.js';
import { figureLookups, figureTopics, withAnswerCharts } from './figures.js';

export const ask = {
  data: new SlashCommandBuilder()
    .setName('ask')
    .setDescription('Ask the team’s articles: cited passages, and differing figures side by side')
    .addStringOption((option) =>
      option
        .setName('question')
        .setDescription('For example: how many killed')
        .setRequired(true)
        .setMaxLength(MAX_QUESTION_CHARS),
    )
    .addIntegerOption((option) =>
      option
        .setName('limit')
        .setDescription('How many passages a page shows (1–10, default 3)')
        .setMinValue(1)
        .setMaxValue(MAX_LIMIT),
    )
    .addBooleanOption((option) =>
      option.setName('public').setDescription('Show the answer to the channel (default: yes)'),
    )
    .toJSON(),

  async execute(interaction, context) {
    const question = interaction.options.getString('question', true);
    const engine = context.engine();
    const parsed = engine.parse(question);
    // Validated before the cooldown: a question that cannot be asked (only common words, too long)
    // does not cost the asker their turn. It still goes to the engine, which says why, privately.
    if (parsed.ok) {
      const wait = context.askCooldown.take(interaction.user.id);
      if (wait > 0) {
        await interaction.reply(notice(context.labels.cooldown(Math.ceil(wait))));
        return;
      }
    }
    const limit = interaction.options.getInteger('limit') ?? undefined;
    const visible = interaction.options.getBoolean('public') ?? true;
    await replyWhenReady(
      interaction,
      async () => {
        // The whole answer: its pages turn in place (◀ ▶), `limit` passages at a time.
        const answer = await engine.ask(parsed, { limit: MAX_LIMIT });
        // A question that cannot be asked is the asker's business, not the channel's (a notice is ephemeral).
        if (answer.status === 'invalid-question') return notice(answer.message ?? 'That question cannot be asked.');
        const reply = withAnswerCharts(
          engine,
          renderAnswerForDiscord(
            answer,
            answerContext(engine, parsed, limit ?? DEFAULT_LIMIT, context.buttonIds, context.labels),
          ),
          answer.figures,
          context.labels,
        );
        // "Not in the documents" tells the channel nothing; the asker alone sees it and the words to try.
        return answer.status === 'no-answer' ? privately(reply) : reply;
      },
      { ephemeral: !visible, deferAfterMs: context.deferAfterMs },
    );
  },
} satisfies Command;

/**
 * What rendering an answer needs besides the answer: the corpus size for the footer, the limit asked
 * for, and for figures the articles' bylines, how many figures the corpus has of each kind, and the
 * categories the question names; and the buttons' ids.
 */
export function answerContext(
  engine: BotEngine,
  parsed: ParsedQuestion,
  limit: number,
  buttonIds: ButtonIds,
  labels: Labels = en,
): AnswerContext {
  const { article, count } = figureLookups(engine);
  return {
    articles: engine.corpus.articles.length,
    limit,
    figures: { article, count, asked: parsed.ok ? parsed.figureCategories : [] },
    buttons: buttonIds,
    topics: figureTopics,
    labels,
  };
}
