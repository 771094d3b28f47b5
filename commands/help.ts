import { SlashCommandBuilder } from 'discord.js';
import type { APIEmbed } from 'discord.js';
import type { Command } from '../src/bot/handlers.js';
import { COLORS, fitEmbeds } from '../src/render/discordMessage.js';
import { plural } from '../src/text/plural.js';
import { languageLabel } from '../src/render/text.js';

export const help = {
  data: new SlashCommandBuilder().setName('help').setDescription('What the bot knows and how to ask it').toJSON(),

  async execute(interaction, context) {
    const engine = context.engine();
    const { articles, problems } = engine.corpus;
    const languages = [...new Set(articles.map((article) => languageLabel(article.language)))].join(', ');
    const indexed = Math.floor(engine.indexedAt.getTime() / 1000);
    const embed: APIEmbed = {
      title: 'Crosscheck',
      description: [
        `I answer from **${plural(articles.length, 'article')}** (${plural(engine.stats().passages, 'passage')}) in ${languages || 'no language yet'}, last indexed <t:${indexed}:R>.`,
        problems.length > 0 ? `${problems.length} file(s) in the corpus could not be read: see /sources.` : '',
        '',
        '**/ask** `question` — the passages that answer, each cited to its article. Try `/ask how many killed`.',
        '**/sources** — every article with its publisher, date and language.',
        '**/source** `id` — one article: metadata, link and first passage.',
        '**/figures** `topic` — the figures side by side: who counts what, as of when, and where the sources disagree (❌ disagree, 📈 grew, ↔️ different scope, ✅ consistent, ❔ undated), with a chart and a CSV file. Try `/figures topic:killed`, or `/figures` alone for every topic in one line each.',
        '**/reload** — for members with Manage Server: rebuild the index from the corpus folder now and see what changed.',
        '**/add** `url` or `file` — for members with Manage Messages: add an article (a link, or a .md, .txt, .html or .pdf file) and see what it changes; right-click a message → Apps → **Add to Crosscheck** adds its links and files. **/remove** `id` takes one out again.',
        '**/watch** `channel` — for members with Manage Server: announce new and changed articles, their figures and what they change, in a channel.',
        '',
        'Every quote is the article’s own words; check it by its citation.',
      ]
        .filter((line, i, lines) => line || lines[i - 1])
        .join('\n'),
      color: COLORS.answer,
    };
    await interaction.reply({ embeds: fitEmbeds([embed]), allowedMentions: { parse: [] }, flags: 'Ephemeral' });
  },
} satisfies Command;
