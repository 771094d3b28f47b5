import { SlashCommandBuilder } from 'discord.js';
import type { APIEmbed } from 'discord.js';
import type { Command } from '../src/bot/handlers.js';
import { COLORS, fitEmbeds } from '../src/render/discordMessage.js';
import { languageLabel } from '../src/render/text.js';

export const help = {
  data: new SlashCommandBuilder().setName('help').setDescription('What the bot knows and how to ask it').toJSON(),

  async execute(interaction, context) {
    const engine = context.engine();
    const { articles, problems } = engine.corpus;
    const languages = [...new Set(articles.map((article) => languageLabel(article.language)))].join(', ');
    const indexed = Math.floor(engine.indexedAt.getTime() / 1000);
    const help = context.labels.help;
    const embed: APIEmbed = {
      title: 'Crosscheck',
      description: [
        help.intro(
          context.labels.articles(articles.length),
          context.labels.passages(engine.stats().passages),
          languages,
          `<t:${indexed}:R>`,
        ),
        problems.length > 0 ? help.problems(problems.length) : '',
        '',
        ...help.commands,
        '',
        help.footer,
      ]
        .filter((line, i, lines) => line || lines[i - 1])
        .join('\n'),
      color: COLORS.answer,
    };
    await interaction.reply({ embeds: fitEmbeds([embed]), allowedMentions: { parse: [] }, flags: 'Ephemeral' });
  },
} satisfies Command;
