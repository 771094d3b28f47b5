import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
} from 'discord.js';
import type { Answer, AnswerPassage, SourceDetail, SourcesReport } from '../engine/types.js';
import { DISCORD_LIMITS as LIMIT } from './discordLimits.js';
import { escapeDiscord } from './discordText.js';
import { byline, formatPublished, languageLabel, truncate } from './text.js';

/** A message as the bot sends it: the same shape for a reply, an edit and a button update. */
export interface DiscordReply {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  /** Nothing the bot sends may ping anyone, whatever the text says. */
  allowedMentions: { parse: [] };
}

export const COLORS = { answer: 0x2b6cb0, none: 0x718096, figures: 0xc05621, sources: 0x2f855a } as const;

/** The footer of an answer carries the question as asked, so that a button can ask it again after a restart. */
const QUESTION_MARK = ' · asked: ';

export const BUTTON = {
  morePassages: 'ask:more',
  sourcesPage: 'sources:page:',
} as const;

function reply(embeds: APIEmbed[], components: DiscordReply['components'] = [], content?: string): DiscordReply {
  return { ...(content ? { content: truncate(content, LIMIT.content) } : {}), embeds: fitEmbeds(embeds), components, allowedMentions: { parse: [] } };
}

export interface AnswerContext {
  /** How many articles the corpus has, for the footer. */
  articles: number;
}

/** An answer as one embed: numbered quotes with the asked words in bold, then one field per source. */
export function renderAnswerForDiscord(answer: Answer, context: AnswerContext): DiscordReply {
  const footer = { text: truncate(`Crosscheck · ${context.articles} articles${QUESTION_MARK}${answer.question}`, LIMIT.footerText) };
  const title = truncate(escapeDiscord(answer.question), LIMIT.embedTitle);
  if (answer.noAnswer) {
    const suggestions = answer.suggestions.length > 0 ? `\n\nTry asking about: ${answer.suggestions.map(escapeDiscord).join(', ')}` : '';
    return reply([{ title, description: truncate(escapeDiscord(answer.message ?? 'No answer.') + suggestions, LIMIT.embedDescription), color: COLORS.none, footer }]);
  }

  // Share the description among the quotes; a long quote is cut at a word with a visible "…".
  const perQuote = Math.floor(Math.min(LIMIT.embedDescription, 3600) / answer.passages.length) - 24;
  const description = answer.passages.map((passage) => `**[${passage.rank}]** ${quoteWithHighlights(passage, perQuote)}`).join('\n\n');
  const fields = answer.passages.map(sourceField);
  const embed: APIEmbed = { title, description, fields, color: COLORS.answer, footer };

  const buttons: APIButtonComponent[] = [];
  if (answer.passages.length < 10 && answer.passages.length >= 3) {
    buttons.push({ type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'More passages', custom_id: `${BUTTON.morePassages}:${Math.min(10, answer.passages.length + 3)}` });
  }
  return reply([embed], buttons.length > 0 ? [{ type: ComponentType.ActionRow, components: buttons }] : []);
}

/** The question an answer message was for, read back from its footer (see {@link QUESTION_MARK}). */
export function questionFromFooter(footerText: string | undefined | null): string | null {
  if (!footerText) return null;
  const at = footerText.indexOf(QUESTION_MARK);
  return at >= 0 ? footerText.slice(at + QUESTION_MARK.length) : null;
}

function quoteWithHighlights(passage: AnswerPassage, budget: number): string {
  // Cut the raw quote first: escaping and bold marks are added after, so a cut never splits them.
  const quote = truncate(passage.quote, Math.max(40, Math.floor(budget * 0.8)));
  let out = '';
  let at = 0;
  for (const { start, end } of passage.highlights) {
    if (start >= quote.length || end > quote.length - (quote.endsWith('…') ? 1 : 0)) break;
    out += `${escapeDiscord(quote.slice(at, start))}**${escapeDiscord(quote.slice(start, end))}**`;
    at = end;
  }
  return `“${out}${escapeDiscord(quote.slice(at))}”`;
}

function sourceField(passage: AnswerPassage): APIEmbedField {
  const { article } = passage;
  const title = escapeDiscord(truncate(article.title, 150));
  const linked = article.url ? `[${title}](${article.url})` : title;
  const also = passage.alsoReportedBy.length > 0 ? `\nAlso reported by: ${passage.alsoReportedBy.map(escapeDiscord).join(', ')}` : '';
  return {
    name: truncate(`[${passage.rank}] ${byline(article)}`, LIMIT.fieldName),
    value: truncate(`${linked}\n\`${article.id}\`${also}`, LIMIT.fieldValue),
  };
}

/** How many articles one page of /sources shows: ten fields read well and stay far inside the limits. */
export const SOURCES_PAGE_SIZE = 10;

export function renderSourcesForDiscord(report: SourcesReport, page: number): DiscordReply {
  const pages = Math.max(1, Math.ceil(report.articles.length / SOURCES_PAGE_SIZE));
  const current = Math.min(Math.max(0, page), pages - 1);
  const shown = report.articles.slice(current * SOURCES_PAGE_SIZE, (current + 1) * SOURCES_PAGE_SIZE);
  const fields = shown.map(
    (article): APIEmbedField => ({
      name: truncate(escapeDiscord(article.title), LIMIT.fieldName),
      value: truncate(
        `\`${article.id}\` · ${escapeDiscord(byline(article))} · ${languageLabel(article.language)} · ${article.passages} passages${article.url ? `\n${article.url}` : ''}`,
        LIMIT.fieldValue,
      ),
    }),
  );
  const problems =
    report.problems.length > 0
      ? `\n\n**${report.problems.length} file${report.problems.length === 1 ? '' : 's'} not served:**\n${report.problems
          .slice(0, 10)
          .map((problem) => `• \`${escapeDiscord(problem.file)}\`: ${escapeDiscord(problem.reason)}`)
          .join('\n')}${report.problems.length > 10 ? `\n…and ${report.problems.length - 10} more` : ''}`
      : '';
  const embed: APIEmbed = {
    title: `${report.articles.length} article${report.articles.length === 1 ? '' : 's'}`,
    description: truncate(`Page ${current + 1} of ${pages}.${problems}`, LIMIT.embedDescription),
    fields,
    color: COLORS.sources,
  };
  const components: DiscordReply['components'] =
    pages > 1
      ? [
          {
            type: ComponentType.ActionRow,
            components: [
              { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Previous', custom_id: `${BUTTON.sourcesPage}${current - 1}`, disabled: current === 0 },
              { type: ComponentType.Button, style: ButtonStyle.Secondary, label: 'Next', custom_id: `${BUTTON.sourcesPage}${current + 1}`, disabled: current >= pages - 1 },
            ],
          },
        ]
      : [];
  return reply([embed], components);
}

export function renderSourceForDiscord(source: SourceDetail): DiscordReply {
  const first = source.passages[0]?.quote ?? '';
  const embed: APIEmbed = {
    title: truncate(escapeDiscord(source.title), LIMIT.embedTitle),
    ...(source.url ? { url: source.url } : {}),
    description: truncate(`“${escapeDiscord(first)}”`, 1500),
    fields: [
      { name: 'Publisher', value: escapeDiscord(source.publisher ?? 'unknown'), inline: true },
      { name: 'Published', value: formatPublished(source.published), inline: true },
      { name: 'Language', value: languageLabel(source.language), inline: true },
      { name: 'Passages', value: String(source.passages.length), inline: true },
      { name: 'Id', value: `\`${escapeDiscord(source.id)}\``, inline: true },
    ],
    color: COLORS.sources,
  };
  return reply([embed]);
}

/** A short message for the asker alone: errors, cooldowns, bad input. */
export function notice(text: string): DiscordReply {
  return reply([], [], escapeDiscord(text));
}

/**
 * The last guard before sending: every text within its limit, at most 25 fields, and all embeds
 * together within 6,000 characters, cutting from the end with a visible note rather than being rejected.
 */
export function fitEmbeds(embeds: APIEmbed[]): APIEmbed[] {
  const fitted = embeds.slice(0, LIMIT.embedsPerMessage).map((embed) => ({
    ...embed,
    ...(embed.title !== undefined ? { title: truncate(embed.title, LIMIT.embedTitle) } : {}),
    ...(embed.description !== undefined ? { description: truncate(embed.description, LIMIT.embedDescription) } : {}),
    ...(embed.footer ? { footer: { ...embed.footer, text: truncate(embed.footer.text, LIMIT.footerText) } } : {}),
    ...(embed.fields
      ? {
          fields: embed.fields.slice(0, LIMIT.embedFields).map((field) => ({
            ...field,
            name: truncate(field.name, LIMIT.fieldName) || '\u200b',
            value: truncate(field.value, LIMIT.fieldValue) || '\u200b',
          })),
        }
      : {}),
  }));
  let over = fitted.reduce((sum, embed) => sum + embedLength(embed), 0) - LIMIT.embedsTotal;
  for (let i = fitted.length - 1; i >= 0 && over > 0; i--) {
    const embed = fitted[i]!;
    while (over > 0 && embed.fields && embed.fields.length > 0) {
      const removed = embed.fields.pop()!;
      over -= removed.name.length + removed.value.length;
    }
    if (over > 0 && embed.description) {
      const keep = Math.max(0, embed.description.length - over - 1);
      const shorter = keep > 0 ? truncate(embed.description, keep) : '';
      over -= embed.description.length - shorter.length;
      embed.description = shorter || undefined;
    }
  }
  return fitted;
}

/** What Discord counts toward the 6,000 characters of a message's embeds. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}
