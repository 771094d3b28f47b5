/**
 * ◀ ▶ under an answer: another page of its passages, in place for the asker (the figures under them
 * stay put), privately for anyone else. "More passages" buttons posted before paging (`ask:more:<n>`,
 * the answer grown to n passages) open the page of the last three of those n.
 */
import type { ButtonHandler } from '../../src/bot/handlers.js';
import { updateWhenReady } from '../../src/bot/respond.js';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../../src/engine/types.js';
import { renderAnswerForDiscord } from '../../src/render/discord.js';
import { notice } from '../../src/render/discordMessage.js';
import { answerContext } from '../ask.js';
import { withAnswerCharts } from '../figures.js';
import { questionFromFooter } from './askedQuestion.js';

const PREFIX = 'ask:page:';
/** The retired "More passages": still on messages already posted. */
const OLD_PREFIX = 'ask:more:';

/** `ask:page:<offset>:<size>`; the question is in the answer's footer. */
export function passagesPageId(offset: number, size: number): string {
  return `${PREFIX}${offset}:${size}`;
}

const whole = (text: string | undefined, fallback: number, max: number) => {
  const n = Number(text);
  return Number.isInteger(n) && n >= 0 ? Math.min(n, max) : fallback;
};

export const passagesPage = {
  parse(customId) {
    if (customId.startsWith(OLD_PREFIX)) {
      const grown = whole(customId.slice(OLD_PREFIX.length), DEFAULT_LIMIT * 2, MAX_LIMIT);
      return { offset: Math.max(0, grown - DEFAULT_LIMIT), size: DEFAULT_LIMIT };
    }
    if (!customId.startsWith(PREFIX)) return null;
    const [offset, size] = customId.slice(PREFIX.length).split(':');
    return {
      offset: whole(offset, 0, MAX_LIMIT - 1),
      size: Math.max(1, whole(size, DEFAULT_LIMIT, MAX_LIMIT)),
    };
  },

  async run(interaction, { offset, size }, context) {
    const question = questionFromFooter(interaction.message.embeds[0]?.footer?.text);
    if (!question) {
      await interaction.reply(notice(context.labels.tooOldToPage));
      return;
    }
    await updateWhenReady(
      interaction,
      async () => {
        const engine = context.engine();
        const parsed = engine.parse(question);
        // The whole answer, as /ask asked it: every page of it, and the same figures under each.
        const answer = await engine.ask(parsed, { limit: MAX_LIMIT });
        return withAnswerCharts(
          engine,
          renderAnswerForDiscord(answer, {
            ...answerContext(engine, parsed, size, context.buttonIds, context.labels),
            offset,
          }),
          answer.figures,
          context.labels,
        );
      },
      { deferAfterMs: context.deferAfterMs },
    );
  },
} satisfies ButtonHandler<{ offset: number; size: number }>;
