/** "Previous figures" / "More figures": another page of one topic's figures; in place for the asker, privately for anyone else. */
import type { ButtonHandler } from '../../src/bot/handlers.js';
import { updateWhenReady } from '../../src/bot/respond.js';
import { figuresMayBeSlow, figuresReply } from '../figures.js';

const PREFIX = 'figures:page:';

/** `figures:page:<topic>:<offset>`: the topic may hold colons, the offset is after the last. */
export function figuresPageId(topic: string, offset: number): string {
  return `${PREFIX}${topic}:${offset}`;
}

export const figuresPage = {
  parse(customId) {
    if (!customId.startsWith(PREFIX)) return null;
    const rest = customId.slice(PREFIX.length);
    const offset = Number(rest.slice(rest.lastIndexOf(':') + 1));
    return {
      topic: rest.slice(0, rest.lastIndexOf(':')),
      offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
    };
  },

  async run(interaction, { topic, offset }, context) {
    const engine = context.engine();
    await updateWhenReady(interaction, () => figuresReply(engine, context.buttonIds, topic, offset, context.labels), {
      slow: figuresMayBeSlow(engine, topic),
      deferAfterMs: context.deferAfterMs,
    });
  },
} satisfies ButtonHandler<{ topic: string; offset: number }>;
