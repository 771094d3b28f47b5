/**
 * "Why?" under an answer with figures, or under one topic's /figures: the full explanation of every
 * verdict shown (by the same letters), and each figure's sources described in full, for the clicker alone.
 */
import type { ButtonHandler } from '../../src/bot/handlers.js';
import { replyWhenReady } from '../../src/bot/respond.js';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../../src/engine/types.js';
import { layoutAnswer } from '../../src/render/discord.js';
import { renderFiguresWhyForDiscord, whyEmbeds } from '../../src/render/discordFigures.js';
import { figureLookups, figureTopics, figuresMayBeSlow } from '../figures.js';
import { message, notice } from '../../src/render/discordMessage.js';
import { answerContext } from '../ask.js';
import { questionFromFooter } from './askedQuestion.js';

const PREFIX = 'ask:why:';
const FIGURES_PREFIX = 'figures:why:';

/** `ask:why:<size>`: the page size the answer was laid out with (the letters depend on it); the question is in its footer. */
export function whyId(size: number): string {
  return `${PREFIX}${size}`;
}

/** `figures:why:<topic>:<offset>`: the topic may hold colons, the offset is after the last. */
export function figuresWhyId(topic: string, offset: number): string {
  return `${FIGURES_PREFIX}${topic}:${offset}`;
}

type Why = { of: 'answer'; size: number } | { of: 'figures'; topic: string; offset: number };

export const whyVerdicts = {
  parse(customId): Why | null {
    if (customId.startsWith(FIGURES_PREFIX)) {
      const rest = customId.slice(FIGURES_PREFIX.length);
      const offset = Number(rest.slice(rest.lastIndexOf(':') + 1));
      return {
        of: 'figures',
        topic: rest.slice(0, Math.max(0, rest.lastIndexOf(':'))),
        offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
      };
    }
    if (!customId.startsWith(PREFIX)) return null;
    const size = Number(customId.slice(PREFIX.length));
    return { of: 'answer', size: Number.isInteger(size) && size >= 1 && size <= MAX_LIMIT ? size : DEFAULT_LIMIT };
  },

  async run(interaction, why, context) {
    if (why.of === 'figures') {
      const engine = context.engine();
      const { topic, offset } = why;
      await replyWhenReady(
        interaction,
        () =>
          renderFiguresWhyForDiscord(engine.figures(topic), {
            topic,
            offset,
            article: figureLookups(engine).article,
            topics: figureTopics,
            labels: context.labels,
          }),
        { ephemeral: true, slow: figuresMayBeSlow(engine, topic), deferAfterMs: context.deferAfterMs },
      );
      return;
    }
    const { size } = why;
    const question = questionFromFooter(interaction.message.embeds[0]?.footer?.text);
    if (!question) {
      await interaction.reply(notice(context.labels.tooOldToExplain));
      return;
    }
    await replyWhenReady(
      interaction,
      async () => {
        const engine = context.engine();
        const parsed = engine.parse(question);
        const answer = await engine.ask(parsed, { limit: MAX_LIMIT });
        // Laid out as the message was, so that the letters are the message's.
        const { figures } = layoutAnswer(
          answer,
          answerContext(engine, parsed, size, context.buttonIds, context.labels),
        );
        if (figures.length === 0) return notice(context.labels.noVerdictsAnyMore);
        return message(whyEmbeds(figures, context.labels));
      },
      { ephemeral: true, deferAfterMs: context.deferAfterMs },
    );
  },
} satisfies ButtonHandler<Why>;
