import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/bot/handlers.js';
import { privatelyWithPost } from '../src/render/discordMessage.js';
import { DISCORD_LIMITS } from '../src/render/discordLimits.js';
import { renderSourceForDiscord } from '../src/render/discord.js';
import { notice } from '../src/render/discordMessage.js';
import { truncate } from '../src/render/text.js';

export const source = {
  data: new SlashCommandBuilder()
    .setName('source')
    .setDescription('One article: its metadata, link and first passage')
    .addStringOption((option) =>
      option
        .setName('id')
        .setDescription('The article (type to search ids and titles)')
        .setRequired(true)
        .setAutocomplete(true),
    )
    .toJSON(),

  async execute(interaction, context) {
    const id = interaction.options.getString('id', true);
    const found = context.engine().source(id);
    if (!found) {
      await interaction.reply(notice(`No article "${truncate(id, 100)}". Use /sources to list them.`));
      return;
    }
    await interaction.reply(
      privatelyWithPost(renderSourceForDiscord(found, context.labels), context.buttonIds, context.labels),
    );
  },

  async autocomplete(interaction, context) {
    const typed = interaction.options.getFocused();
    const choices = context
      .engine()
      .matchArticles(typed)
      .slice(0, DISCORD_LIMITS.autocompleteChoices)
      .map((article) => ({
        name: truncate(`${article.id} · ${article.title}`, DISCORD_LIMITS.choiceName),
        value: article.id.slice(0, DISCORD_LIMITS.choiceValue),
      }));
    await interaction.respond(choices);
  },
} satisfies Command;
