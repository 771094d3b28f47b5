/** The menu "Open a topic…" under the figures overview: the chosen topic's figures and chart, for the chooser alone. */
import type { SelectHandler } from '../../src/bot/handlers.js';
import { replyWhenReady } from '../../src/bot/respond.js';
import { notice } from '../../src/render/discordMessage.js';
import { figuresMayBeSlow, figuresReply, figureTopics } from '../figures.js';

const ID = 'figures:open';

/** `figures:open`: the topic is the value chosen, not part of the id. */
export function openTopicId(): string {
  return ID;
}

export const openTopic = {
  parse: (customId) => (customId === ID ? {} : null),

  async run(interaction, _data, context) {
    const topic = interaction.values[0] ?? '';
    if (!figureTopics.includes(topic)) {
      await interaction.reply(notice(`There is no topic "${topic.slice(0, 50)}" any more; try /figures.`));
      return;
    }
    const engine = context.engine();
    await replyWhenReady(interaction, () => figuresReply(engine, context.buttonIds, topic), {
      ephemeral: true,
      slow: figuresMayBeSlow(engine, topic),
      deferAfterMs: context.deferAfterMs,
    });
  },
} satisfies SelectHandler<Record<string, never>>;
