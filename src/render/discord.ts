import { plural } from '../text/plural.js';
import { ButtonStyle, ComponentType, type APIButtonComponent, type APIEmbed, type APIEmbedField } from 'discord.js';
import {
  DEFAULT_LIMIT,
  MAX_LIMIT,
  type Answer,
  type AnswerPassage,
  type ArticleRef,
  type FiguresReport,
  type SourceDetail,
  type SourcesReport,
} from '../engine/types.js';
import { figuresEmbeds } from './discordFigures.js';
import { DISCORD_LIMITS as LIMIT } from './discordLimits.js';
import { COLORS, embedLength, message, type ButtonIds, type DiscordReply } from './discordMessage.js';
import { codeId, cut, defuseMentions, escapeCut, escapeDiscord, safeUrl } from './discordText.js';
import { byline, formatPublished, languageLabel } from './text.js';

export interface AnswerContext {
  /** How many articles the corpus has, for the footer. */
  articles: number;
  /** How many passages were asked for (default {@link DEFAULT_LIMIT}): fewer in the answer means there are no more. */
  limit?: number;
  /** What the figures under an answer need from the corpus; without it they cite bare article ids. */
  figures?: AnswerFiguresContext;
  /** The buttons' ids and the footer's question, as the Discord face wires them. */
  buttons: ButtonIds;
  /** What `/figures topic:` takes, for the figures' pointers to it. */
  topics: readonly string[];
}

export interface AnswerFiguresContext {
  /** An article's publisher and date, for the figures' citation key. */
  article(id: string): ArticleRef | undefined;
  /** How many figures the corpus has of a category (and, for weapons, an item). */
  count(category: string, item?: string | null): number;
  /** The figure categories the question names, whether or not the answer carries their figures. */
  asked: readonly string[];
}

/**
 * With figures under it, the passages embed keeps at least this much of the 6,000 characters
 * (or all it needs, if less): the quotes are the answer, the figures a companion with a button.
 */
const PASSAGES_FLOOR = 3600;

/**
 * What the source fields of one answer may take together, so that the quotes keep most of the
 * 6,000 characters and no citation is ever dropped to make room.
 */
const FIELDS_BUDGET = 2400;
/** "**[10]** " before each quote and the blank line between quotes. */
const QUOTE_OVERHEAD = 12;

/**
 * An answer: one embed of numbered quotes with the asked words in bold and one field per source;
 * for a question about a figure, the figures side by side in the embeds under it (see
 * discordFigures.ts), sharing the message's 6,000 characters.
 *
 * Buttons: "More passages" when the answer filled what was asked; "Show figures" when some of the
 * answer's figures were left out for space (they come to the clicker alone, with the whole message's
 * room); "All <category> figures" when the question names a category of which the corpus has more
 * figures than the answer shows (none, or only those about the question).
 */
export function renderAnswerForDiscord(answer: Answer, context: AnswerContext): DiscordReply {
  const { buttons: ids } = context;
  const footer = {
    text: cut(`Crosscheck · ${plural(context.articles, 'article')}${ids.askedNote(answer.question)}`, LIMIT.footerText),
  };
  const title = escapeCut(answer.question, LIMIT.embedTitle) || 'Your question';
  const { passages } = answer;
  const figures = (answer.figures ?? []).filter((report) => report.claims.length > 0);
  const buttons: APIButtonComponent[] = [];
  let embed: APIEmbed;
  if (answer.noAnswer || passages.length === 0) {
    const suggestions =
      answer.suggestions.length > 0
        ? `\n\nTry asking about: ${answer.suggestions.map((word) => escapeCut(word, 100)).join(', ')}`
        : '';
    embed = {
      title,
      description: cut(escapeCut(answer.message ?? 'No answer.', 3000) + suggestions, LIMIT.embedDescription),
      color: COLORS.none,
      footer,
    };
  } else {
    embed = passagesEmbed(answer, title, footer, LIMIT.embedsTotal);
    if (figures.length > 0) {
      // The passages keep what they need, unless the figures would then not fit: then at least PASSAGES_FLOOR.
      const wanted = figuresEmbeds(figures, figureOptions(context, passages.length, LIMIT.embedsTotal)).embeds.reduce(
        (sum, e) => sum + embedLength(e),
        0,
      );
      const natural = embedLength(embed);
      const room = Math.max(LIMIT.embedsTotal - wanted, Math.min(natural, PASSAGES_FLOOR));
      if (natural > room) embed = passagesEmbed(answer, title, footer, room);
    }
    // More passages only when this answer filled what was asked: a shorter one has no more to give.
    if (passages.length >= (context.limit ?? DEFAULT_LIMIT) && passages.length < MAX_LIMIT) {
      buttons.push(button('More passages', ids.morePassages(Math.min(MAX_LIMIT, passages.length + 3))));
    }
  }
  const embeds = [embed];
  if (figures.length > 0) {
    const rendering = figuresEmbeds(
      figures,
      figureOptions(context, passages.length, LIMIT.embedsTotal - embedLength(embed)),
    );
    embeds.push(...rendering.embeds);
    if (!rendering.complete) buttons.push(button('Show figures', ids.showFigures(context.limit ?? DEFAULT_LIMIT)));
  }
  for (const category of context.figures?.asked ?? []) {
    const shown = figures
      .filter((report) => report.category === category)
      .reduce((sum, report) => sum + report.claims.length, 0);
    const inCorpus = context.figures!.count(category);
    const id = ids.figuresOf(category);
    if (
      inCorpus > shown &&
      buttons.length < 5 &&
      id.length <= LIMIT.customId &&
      !buttons.some((b) => 'custom_id' in b && b.custom_id === id)
    ) {
      buttons.push(button(cut(`All ${category} figures (${inCorpus.toLocaleString('en')})`, LIMIT.buttonLabel), id));
    }
  }
  return message(embeds, buttons.length > 0 ? [{ type: ComponentType.ActionRow, components: buttons }] : []);
}

function button(label: string, customId: string): APIButtonComponent {
  return {
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: cut(defuseMentions(label), LIMIT.buttonLabel),
    custom_id: customId,
  };
}

/** Figures under an answer: their citations follow the passages' [1]…[n], in the embeds the passages leave. */
function figureOptions(context: AnswerContext, passages: number, budget: number) {
  const lookup = context.figures;
  return {
    budget,
    maxEmbeds: LIMIT.embedsPerMessage - 1,
    firstCitation: passages + 1,
    topics: context.topics,
    ...(lookup
      ? {
          article: (id: string) => lookup.article(id),
          inCorpus: (report: FiguresReport) => lookup.count(report.category, report.item),
        }
      : {}),
  };
}

/** The quotes and their sources within `total` characters of embed text. */
function passagesEmbed(answer: Answer, title: string, footer: { text: string }, total: number): APIEmbed {
  const { passages } = answer;
  const fieldsBudget = Math.min(FIELDS_BUDGET, Math.floor(total * 0.4));
  const fields = passages.map((passage) => sourceField(passage, Math.floor(fieldsBudget / passages.length)));
  const fieldsLength = fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  // A caveat about the answer (the engine's `message`) comes first: it says how to read the quotes.
  const caveat = answer.message ? `${escapeCut(answer.message, 300)}\n\n` : '';
  // The quotes share what is left of the description: each is cut after escaping (escaping can
  // double a quote's length), at a word, with a visible "…".
  const room =
    Math.min(LIMIT.embedDescription, total - title.length - footer.text.length - fieldsLength) - caveat.length;
  const perQuote = Math.floor(room / passages.length) - QUOTE_OVERHEAD;
  const description =
    caveat + passages.map((passage) => `**[${passage.rank}]** ${quoteWithHighlights(passage, perQuote)}`).join('\n\n');
  return { title, description, fields, color: COLORS.answer, footer };
}

/**
 * A quote in curly quotes with its highlights in bold, at most `budget` characters. It is escaped
 * stretch by stretch (plain, highlighted, plain…) and cut at a stretch, so a cut never splits an
 * escape or leaves a bold mark open.
 */
function quoteWithHighlights(passage: AnswerPassage, budget: number): string {
  const { quote } = passage;
  const stretches: { text: string; bold: boolean }[] = [];
  let at = 0;
  for (const { start, end } of [...passage.highlights].sort((a, b) => a.start - b.start)) {
    // An overlapping or out-of-range highlight is left unmarked rather than repeating text.
    if (start < at || end <= start || end > quote.length) continue;
    stretches.push({ text: quote.slice(at, start), bold: false }, { text: quote.slice(start, end), bold: true });
    at = end;
  }
  stretches.push({ text: quote.slice(at), bold: false });

  let room = Math.max(budget, 40) - 2; // the quotation marks
  let out = '';
  const shown = stretches.filter((stretch) => stretch.text.length > 0);
  for (const [i, stretch] of shown.entries()) {
    // Escaping never shortens text: a stretch longer than the room left is escaped only as far as can show.
    const text = escapeDiscord(stretch.text.length > room ? stretch.text.slice(0, room + 1) : stretch.text);
    const marks = stretch.bold ? 4 : 0;
    const mark = (inner: string) => (stretch.bold ? `**${inner}**` : inner);
    // Keep one character for a final "…" unless this is the last stretch.
    if (text.length + marks <= room - (i === shown.length - 1 ? 0 : 1)) {
      out += mark(text);
      room -= text.length + marks;
      continue;
    }
    out += room - marks >= 2 ? mark(cut(text, room - marks)) : '…';
    break;
  }
  return `“${out}”`;
}

function sourceField(passage: AnswerPassage, room: number): APIEmbedField {
  const { article, alsoReportedBy } = passage;
  const name = cut(`[${passage.rank}] ${escapeCut(byline(article), 100)}`, 100);
  const more = alsoReportedBy.length > 5 ? ` and ${alsoReportedBy.length - 5} more` : '';
  const also =
    alsoReportedBy.length > 0 ? `\nAlso reported by: ${alsoReportedBy.slice(0, 5).map(codeId).join(', ')}${more}` : '';
  const tail = `\n${codeId(article.id)}${also}`;
  // The title takes what the name and the id leave; the link only if the title can keep a few words beside it.
  const titleRoom = Math.max(30, room - name.length - tail.length);
  const url = safeUrl(article.url);
  const linked = url !== null && titleRoom - url.length - 4 >= 30;
  const title = escapeCut(article.title, linked ? titleRoom - url.length - 4 : titleRoom) || 'untitled';
  return {
    name,
    value: cut(
      `${linked ? `[${title}](${url})` : title}${tail}`,
      Math.min(LIMIT.fieldValue, Math.max(room - name.length, 120)),
    ),
  };
}

/** How many articles one page of /sources shows: ten fields read well and stay far inside the limits. */
export const SOURCES_PAGE_SIZE = 10;

/** A page of /sources: up to ten articles, with Previous/Next when there are more (ids from the face). */
export function renderSourcesForDiscord(
  report: SourcesReport,
  page: number,
  ids: Pick<ButtonIds, 'sourcesPage'>,
): DiscordReply {
  const pages = Math.max(1, Math.ceil(report.articles.length / SOURCES_PAGE_SIZE));
  const current = Math.min(Math.max(0, page), pages - 1);
  const shown = report.articles.slice(current * SOURCES_PAGE_SIZE, (current + 1) * SOURCES_PAGE_SIZE);
  // Ten fields of at most 500 characters leave room for the page note: no article is dropped to fit.
  const fields = shown.map((article): APIEmbedField => {
    const url = safeUrl(article.url, 200);
    return {
      name: escapeCut(article.title, 200) || 'untitled',
      value: cut(
        `${codeId(article.id)} · ${escapeCut(byline(article), 200)} · ${escapeDiscord(languageLabel(article.language))} · ${plural(article.passages, 'passage')}${url ? `\n${url}` : ''}`,
        300,
      ),
    };
  });
  const problems =
    report.problems.length > 0
      ? `\n\n**${report.problems.length} file${report.problems.length === 1 ? '' : 's'} not served:**\n${report.problems
          .slice(0, 10)
          .map((problem) => cut(`• ${codeId(problem.file)}: ${escapeCut(problem.reason, 200)}`, 200))
          .join('\n')}${report.problems.length > 10 ? `\n…and ${report.problems.length - 10} more` : ''}`
      : '';
  const title = `${report.articles.length} article${report.articles.length === 1 ? '' : 's'}`;
  const fieldsLength = fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  const embed: APIEmbed = {
    title,
    description: cut(
      `Page ${current + 1} of ${pages}.${problems}`,
      Math.min(LIMIT.embedDescription, LIMIT.embedsTotal - title.length - fieldsLength),
    ),
    fields,
    color: COLORS.sources,
  };
  const components: DiscordReply['components'] =
    pages > 1
      ? [
          {
            type: ComponentType.ActionRow,
            components: [
              {
                type: ComponentType.Button,
                style: ButtonStyle.Secondary,
                label: 'Previous',
                custom_id: ids.sourcesPage(current - 1),
                disabled: current === 0,
              },
              {
                type: ComponentType.Button,
                style: ButtonStyle.Secondary,
                label: 'Next',
                custom_id: ids.sourcesPage(current + 1),
                disabled: current >= pages - 1,
              },
            ],
          },
        ]
      : [];
  return message([embed], components);
}

export function renderSourceForDiscord(source: SourceDetail): DiscordReply {
  const first = source.passages[0]?.quote;
  const url = safeUrl(source.url);
  const embed: APIEmbed = {
    title: escapeCut(source.title, LIMIT.embedTitle) || 'untitled',
    ...(url ? { url } : {}),
    ...(first ? { description: `“${escapeCut(first, 1500)}”` } : {}),
    fields: [
      { name: 'Publisher', value: escapeCut(source.publisher ?? 'unknown', 200) || 'unknown', inline: true },
      { name: 'Published', value: formatPublished(source.published), inline: true },
      { name: 'Language', value: escapeDiscord(languageLabel(source.language)), inline: true },
      { name: 'Passages', value: String(source.passages.length), inline: true },
      { name: 'Id', value: codeId(source.id), inline: true },
    ],
    color: COLORS.sources,
  };
  return message([embed]);
}
