/**
 * "Show figures" under an answer whose figures did not all fit: the answer's figures with the whole
 * message's room, for the clicker alone.
 */
import type { ButtonHandler } from '../../src/bot/handlers.js';
import { replyWhenReady } from '../../src/bot/respond.js';
import { renderFiguresForDiscord } from '../../src/render/discordFigures.js';
import { notice } from '../../src/render/discordMessage.js';
import { escapeCut } from '../../src/render/discordText.js';
import { figureLookups, figureTopics, withAnswerCharts } from '../figures.js';
import { questionFromFooter } from './askedQuestion.js';

// No colon after the kind: ids of this prefix have been posted since the first version.
const PREFIX = 'ask:figures';

/** `ask:figures:<limit>`: the limit the answer was asked with; the question is in its footer. */
export function showFiguresId(limit: number): string {
  return `${PREFIX}:${limit}`;
}

export const showFigures = {
  parse: (customId) => (customId.startsWith(PREFIX) ? { limit: Number(customId.split(':')[2]) } : null),

  async run(interaction, { limit }, context) {
    const question = questionFromFooter(interaction.message.embeds[0]?.footer?.text);
    if (!question) {
      await interaction.reply(notice(context.labels.tooOldForFigures));
      return;
    }
    await replyWhenReady(
      interaction,
      async () => {
        const engine = context.engine();
        const answer = await engine.ask(question, Number.isInteger(limit) && limit > 0 ? { limit } : {});
        const reports = (answer.figures ?? []).filter((report) => report.claims.length > 0);
        if (reports.length === 0) return notice(context.labels.noFiguresAnyMore);
        const { article, inCorpus } = figureLookups(engine);
        const reply = renderFiguresForDiscord(reports, {
          article,
          inCorpus,
          heading: context.labels.figuresFor(escapeCut(question, 200)),
          topics: figureTopics,
          buttons: context.buttonIds,
          labels: context.labels,
        });
        return withAnswerCharts(engine, reply, reports, context.labels);
      },
      { ephemeral: true, deferAfterMs: context.deferAfterMs },
    );
  },
} satisfies ButtonHandler<{ limit: number }>;
