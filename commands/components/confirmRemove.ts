/** "Remove" under `/remove id`'s question: moves the added article to `.removed/` once confirmed. */
import type { ButtonHandler } from '../../src/bot/handlers.js';
import { removeArticle } from '../../src/engine/add.js';
import { renderRemovedForDiscord } from '../../src/render/added.js';
import { mayAdd } from '../addAccess.js';

const PREFIX = 'remove:confirm:';

/** Discord's limit on a custom id. */
const MAX_ID = 100;

/** The button's id for article `id`, or null when the id is too long to carry (then the file is removed on disk). */
export function confirmRemoveId(id: string): string | null {
  const customId = `${PREFIX}${id}`;
  return customId.length <= MAX_ID ? customId : null;
}

export const confirmRemove = {
  parse(customId) {
    return customId.startsWith(PREFIX) && customId.length > PREFIX.length
      ? { id: customId.slice(PREFIX.length) }
      : null;
  },

  async run(interaction, { id }, context) {
    // Checked again at the click: the question may be old, and permissions change.
    const adding = await mayAdd(interaction, context, 0);
    if (!adding) return;
    await interaction.deferUpdate();
    const removed = await removeArticle(adding.target, id);
    if (!removed.ok) {
      await interaction.editReply({
        content: removed.message,
        embeds: [],
        components: [],
        allowedMentions: { parse: [] },
      });
      return;
    }
    context.log.info({ articleId: id, movedTo: removed.moved }, 'article removed');
    await interaction.editReply({
      content: `Removed ${id}.`,
      embeds: [],
      components: [],
      allowedMentions: { parse: [] },
    });
    // The team sees what left the corpus, as it saw what came in.
    await interaction.followUp(renderRemovedForDiscord(removed, interaction.user.id));
  },
} satisfies ButtonHandler<{ id: string }>;
