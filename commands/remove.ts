import { ButtonStyle, ComponentType, InteractionContextType, SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/bot/handlers.js';
import { ADDED_FOLDER } from '../src/corpus/save.js';
import { message, notice, privately } from '../src/render/discordMessage.js';
import { escapeCut } from '../src/render/discordText.js';
import { ADD_PERMISSION, mayAdd } from './addAccess.js';
import { confirmRemoveId } from './components/confirmRemove.js';

export const remove = {
  data: new SlashCommandBuilder()
    .setName('remove')
    .setDescription('Take an article added from the chat out of the corpus (kept in .removed/) (Manage Messages)')
    .addStringOption((option) =>
      option
        .setName('id')
        .setDescription('The article’s id, as /add said it (added/…)')
        .setRequired(true)
        .setAutocomplete(true)
        .setMaxLength(200),
    )
    .setDefaultMemberPermissions(ADD_PERMISSION)
    .setContexts(InteractionContextType.Guild)
    .toJSON(),

  async execute(interaction, context) {
    const id = interaction.options.getString('id', true).trim();
    const adding = await mayAdd(interaction, context, 0);
    if (!adding) return;
    const article = context.engine().corpus.articles.find((candidate) => candidate.id === id);
    if (!article || !id.startsWith(`${ADDED_FOLDER}/`)) {
      await interaction.reply(
        notice(
          article
            ? `${id} was not added from the chat: only articles under ${ADDED_FOLDER}/ are removed here (the others are files on the server).`
            : `No added article ${id}. /sources lists the articles; added ones start with ${ADDED_FOLDER}/.`,
        ),
      );
      return;
    }
    const customId = confirmRemoveId(id);
    if (!customId) {
      await interaction.reply(
        notice(`${id} is too long an id to remove from here: move its file out of the corpus folder on the server.`),
      );
      return;
    }
    await interaction.reply(
      privately(
        message(
          [],
          [
            {
              type: ComponentType.ActionRow,
              components: [
                { type: ComponentType.Button, style: ButtonStyle.Danger, label: 'Remove', custom_id: customId },
              ],
            },
          ],
          `Remove **${escapeCut(article.title, 200)}** (${escapeCut(id, 200)}) from the corpus? It is moved to .removed/ in the corpus folder, not deleted.`,
        ),
      ),
    );
  },

  async autocomplete(interaction, context) {
    const typed = interaction.options.getFocused().toLowerCase();
    const choices = context
      .engine()
      .corpus.articles.filter((article) => article.id.startsWith(`${ADDED_FOLDER}/`))
      .filter(
        (article) => !typed || article.id.toLowerCase().includes(typed) || article.title.toLowerCase().includes(typed),
      )
      .slice(0, 25)
      .map((article) => ({ name: `${article.id}`.slice(0, 100), value: article.id.slice(0, 100) }));
    await interaction.respond(choices);
  },
} satisfies Command;
