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
      await interaction.reply(notice(context.labels.noTopicAnyMore(topic.slice(0, 50))));
      return;
    }
    const engine = context.engine();
    await replyWhenReady(interaction, () => figuresReply(engine, context.buttonIds, topic, 0, context.labels), {
      ephemeral: true,
      slow: figuresMayBeSlow(engine, topic),
      deferAfterMs: context.deferAfterMs,
    });
  },
} satisfies SelectHandler<Record<string, never>>;
