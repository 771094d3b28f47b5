/** "CSV file" under a topic's figures: its claims as a CSV file, for the clicker alone. */
import type { ButtonHandler } from '../../src/bot/handlers.js';
import { replyWhenReady } from '../../src/bot/respond.js';
import { renderFiguresCsv } from '../../src/render/discordCharts.js';
import { notice } from '../../src/render/discordMessage.js';
import { figuresMayBeSlow } from '../figures.js';

const PREFIX = 'figures:csv:';

/** `figures:csv:<topic>`. */
export function figuresCsvId(topic: string): string {
  return `${PREFIX}${topic}`;
}

export const figuresCsv = {
  parse: (customId) => (customId.startsWith(PREFIX) ? { topic: customId.slice(PREFIX.length) } : null),

  async run(interaction, { topic }, context) {
    const engine = context.engine();
    await replyWhenReady(
      interaction,
      () => {
        const reports = engine.figures(topic).filter((report) => report.claims.length > 0);
        return reports.length > 0
          ? renderFiguresCsv(reports, topic, context.labels)
          : notice(context.labels.noFiguresNow(topic));
      },
      { ephemeral: true, slow: figuresMayBeSlow(engine, topic), deferAfterMs: context.deferAfterMs },
    );
  },
} satisfies ButtonHandler<{ topic: string }>;
