/** "Previous" / "Next" under /sources: another page of the list; in place for the asker, privately for anyone else. */
import type { ButtonHandler } from '../../src/bot/handlers.js';
import { updateWhenReady } from '../../src/bot/respond.js';
import { MessageFlags } from 'discord.js';
import { renderSourcesForDiscord } from '../../src/render/discord.js';
import { withPostButton } from '../../src/render/discordMessage.js';

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
    // A private listing keeps its "Post to channel" button from page to page.
    const isPrivate = interaction.message.flags.has(MessageFlags.Ephemeral);
    await updateWhenReady(
      interaction,
      () => {
        const reply = renderSourcesForDiscord(context.engine().sources(), page, context.buttonIds, context.labels);
        return isPrivate ? withPostButton(reply, context.buttonIds, context.labels) : reply;
      },
      { deferAfterMs: context.deferAfterMs },
    );
  },
} satisfies ButtonHandler<{ page: number }>;
