/**
 * The figures of one `/figures` topic, for the clicker alone: "All killed figures" under an answer,
 * or a topic left out of a /figures message for space.
 */
import type { ButtonHandler } from '../../src/bot/handlers.js';
import { replyWhenReady } from '../../src/bot/respond.js';
import { figuresMayBeSlow, figuresReply } from '../figures.js';

const PREFIX = 'figures:show:';

/** `figures:show:<topic>`. */
export function figuresOfId(topic: string): string {
  return `${PREFIX}${topic}`;
}

export const figuresOf = {
  parse: (customId) => (customId.startsWith(PREFIX) ? { topic: customId.slice(PREFIX.length) } : null),

  async run(interaction, { topic }, context) {
    const engine = context.engine();
    await replyWhenReady(interaction, () => figuresReply(engine, context.buttonIds, topic, 0, context.labels), {
      ephemeral: true,
      slow: figuresMayBeSlow(engine, topic),
      deferAfterMs: context.deferAfterMs,
    });
  },
} satisfies ButtonHandler<{ topic: string }>;
