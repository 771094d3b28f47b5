/** "Post to channel" under a private /sources or /source: the same message, posted for everyone, by the clicker. */
import type { ButtonHandler } from '../../src/bot/handlers.js';
import { postedCopy, type DiscordReply } from '../../src/render/discordMessage.js';

const ID = 'post:channel';

export function postToChannelId(): string {
  return ID;
}

export const postToChannel = {
  parse(customId) {
    return customId === ID ? {} : null;
  },

  async run(interaction) {
    // What the clicker sees is what is posted: the private message itself, read back from the click.
    const { content, embeds, components } = interaction.message;
    const shown = {
      content,
      embeds: embeds.map((embed) => embed.toJSON()),
      components: components.map((row) => row.toJSON()) as DiscordReply['components'],
    };
    await interaction.reply(postedCopy(shown, ID));
  },
} satisfies ButtonHandler<object>;
