/** "More passages" under an answer: the same question, with more passages; in place for the asker, privately for anyone else. */
import type { ButtonHandler } from '../../src/bot/handlers.js';
import { updateWhenReady } from '../../src/bot/respond.js';
import { renderAnswerForDiscord } from '../../src/render/discord.js';
import { notice } from '../../src/render/discordMessage.js';
import { answerContext } from '../ask.js';
import { withAnswerCharts } from '../figures.js';
import { questionFromFooter } from './askedQuestion.js';

const PREFIX = 'ask:more:';

/** `ask:more:<limit>`; the question is in the answer's footer. */
export function morePassagesId(limit: number): string {
  return `${PREFIX}${limit}`;
}

export const morePassages = {
  parse: (customId) => (customId.startsWith(PREFIX) ? { limit: Number(customId.split(':')[2]) } : null),

  async run(interaction, { limit }, context) {
    const question = questionFromFooter(interaction.message.embeds[0]?.footer?.text);
    if (!question) {
      await interaction.reply(notice('This answer is too old to extend; ask again with /ask.'));
      return;
    }
    await updateWhenReady(
      interaction,
      async () => {
        const engine = context.engine();
        const parsed = engine.parse(question);
        const answer = await engine.ask(parsed, { limit });
        return withAnswerCharts(
          engine,
          renderAnswerForDiscord(answer, answerContext(engine, parsed, limit, context.buttonIds)),
          answer.figures,
        );
      },
      { deferAfterMs: context.deferAfterMs },
    );
  },
} satisfies ButtonHandler<{ limit: number }>;
