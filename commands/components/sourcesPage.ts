/** "Previous" / "Next" under /sources: another page of the list; in place for the asker, privately for anyone else. */
import type { ButtonHandler } from '../../src/bot/handlers.js';
import { updateWhenReady } from '../../src/bot/respond.js';
import { renderSourcesForDiscord } from '../../src/render/discord.js';

const PREFIX = 'sources:page:';

/** `sources:page:<page>`, counting from 0. */
export function sourcesPageId(page: number): string {
  return `${PREFIX}${page}`;
}

export const sourcesPage = {
  parse(customId) {
    if (!customId.startsWith(PREFIX)) return null;
    const page = Number(customId.slice(PREFIX.length));
    return { page: Number.isInteger(page) ? page : 0 };
  },

  async run(interaction, { page }, context) {
    await updateWhenReady(
      interaction,
      () => renderSourcesForDiscord(context.engine().sources(), page, context.buttonIds),
      { deferAfterMs: context.deferAfterMs },
    );
  },
} satisfies ButtonHandler<{ page: number }>;
