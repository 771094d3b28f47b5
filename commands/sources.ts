import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../src/bot/handlers.js';
import { privatelyWithPost } from '../src/render/discordMessage.js';
import { renderSourcesForDiscord } from '../src/render/discord.js';

export const sources = {
  data: new SlashCommandBuilder()
    .setName('sources')
    .setDescription('Every article the bot knows: publisher, date, language')
    .toJSON(),

  async execute(interaction, context) {
    await interaction.reply(
      privatelyWithPost(
        renderSourcesForDiscord(context.engine().sources(), 0, context.buttonIds, context.labels),
        context.buttonIds,
        context.labels,
      ),
    );
  },
} satisfies Command;
