import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
  type APIStringSelectComponent,
} from 'discord.js';
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
import { figuresEmbeds, type RenderedReport } from './discordFigures.js';
import { summaryLine } from './summary.js';
import { DISCORD_LIMITS as LIMIT } from './discordLimits.js';
import { COLORS, embedLength, message, type ButtonIds, type DiscordReply } from './discordMessage.js';
import { codeId, cut, defuseMentions, escapeCut, escapeDiscord, safeUrl } from './discordText.js';
import { formatPublished, languageLabel } from './text.js';
import { en, type Labels } from './labels.js';

export interface AnswerContext {
  /** How many articles the corpus has, for the footer. */
  articles: number;
  /** How many passages a page shows (default {@link DEFAULT_LIMIT}); the answer may hold more, for the other pages. */
  limit?: number;
  /** The first passage shown (0-based): the page. Default 0. */
  offset?: number;
  /** What the figures under an answer need from the corpus; without it they cite bare article ids. */
  figures?: AnswerFiguresContext;
  /** The buttons' ids and the footer's question, as the Discord face wires them. */
  buttons: ButtonIds;
  /** What `/figures topic:` takes, for the figures' pointers to it. */
  topics: readonly string[];
  /** The bot's own words, in the language of the one who asked; English by default. */
  labels?: Labels;
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
/** "“" and "”" and the line break before each quote. */
const QUOTE_OVERHEAD = 4;
/** An article's title in its citation: enough to recognise it. */
const TITLE_CHARS = 70;

/** An answer as laid out: the reply, and what the "Why?" reply needs to name the same letters. */
export interface AnswerLayout {
  reply: DiscordReply;
  /** The figures as shown, with each claim's letter. */
  figures: RenderedReport[];
}

/**
 * An answer: for a figure question, its bottom line first (the range of the estimates, from how
 * many sources, the latest, how many disagree; see render/summary.ts); then one page of passages,
 * grouped under their article's one citation number, with the figures in bold ("how many") or the
 * asked words; for a figure question, the figures side by side in the embeds under it (see
 * discordFigures.ts), sharing the message's 6,000 characters and the citation numbers.
 *
 * Buttons: ◀ ▶ when the answer holds more passages than a page (the same message, three at a time);
 * "Why?" when the figures carry verdicts (their full explanations, for the clicker alone); "Show
 * figures" when some figures were left out for space; "All <category> figures" when the question
 * names a category of which the corpus has more figures than the answer shows.
 */
export function renderAnswerForDiscord(answer: Answer, context: AnswerContext): DiscordReply {
  return layoutAnswer(answer, context).reply;
}

export function layoutAnswer(answer: Answer, context: AnswerContext): AnswerLayout {
  const { buttons: ids } = context;
  const labels = context.labels ?? en;
  const { passages } = answer;
  const size = Math.min(Math.max(1, Math.trunc(context.limit ?? DEFAULT_LIMIT)), MAX_LIMIT);
  const offset = Math.min(Math.max(0, Math.trunc(context.offset ?? 0)), Math.max(0, passages.length - 1));
  const numbers = citationNumbers(answer);
  const key = footerKey(answer, numbers, offset, size);
  const footer = {
    text: cut(
      `${key}Crosscheck · ${labels.articles(context.articles)}${ids.askedNote(answer.question)}`,
      LIMIT.footerText,
    ),
  };
  const figures = (answer.figures ?? []).filter((report) => report.claims.length > 0);
  const buttons: APIButtonComponent[] = [];
  let embed: APIEmbed;
  let shownFigures: RenderedReport[] = [];
  if (answer.noAnswer || passages.length === 0) {
    const suggestions =
      answer.suggestions.length > 0
        ? `\n\n${labels.tryAskingAbout} ${answer.suggestions.map((word) => escapeCut(word, 100)).join(', ')}`
        : '';
    embed = {
      title: escapeCut(answer.question, LIMIT.embedTitle) || labels.yourQuestion,
      description: cut(escapeCut(answer.message ?? 'No answer.', 3000) + suggestions, LIMIT.embedDescription),
      color: COLORS.none,
      footer: {
        text: cut(
          `Crosscheck · ${labels.articles(context.articles)}${ids.askedNote(answer.question)}`,
          LIMIT.footerText,
        ),
      },
    };
  } else {
    const page = (at: number) => passagesEmbed(answer, numbers, at, size, footer, LIMIT.embedsTotal, labels);
    embed = page(offset);
    let figuresBudget = LIMIT.embedsTotal - embedLength(embed);
    if (figures.length > 0) {
      // Every page gets the same room, so that the figures under them stay put as the pages turn:
      // what the longest page needs, unless the figures would then not fit: then at least PASSAGES_FLOOR.
      const wanted = figuresEmbeds(figures, figureOptions(context, numbers, LIMIT.embedsTotal)).embeds.reduce(
        (sum, e) => sum + embedLength(e),
        0,
      );
      let natural = 0;
      for (let at = 0; at < passages.length; at += size) natural = Math.max(natural, embedLength(page(at)) + 40);
      const room = Math.max(LIMIT.embedsTotal - wanted, Math.min(natural, PASSAGES_FLOOR));
      if (embedLength(embed) > room) embed = passagesEmbed(answer, numbers, offset, size, footer, room, labels);
      figuresBudget = LIMIT.embedsTotal - Math.max(Math.min(room, natural), embedLength(embed));
    }
    if (passages.length > size) {
      const previous = Math.max(0, offset - size);
      const next = offset + size;
      // Distinct ids even when disabled: ◀ points before `offset`, ▶ after it.
      buttons.push(
        button('◀', ids.passagesPage(offset === 0 ? -1 : previous, size), offset === 0),
        button('▶', ids.passagesPage(next, size), next >= passages.length),
      );
    }
    if (figures.length > 0) {
      const rendering = figuresEmbeds(figures, figureOptions(context, numbers, figuresBudget));
      shownFigures = rendering.shown;
      if (rendering.shown.some(({ report }) => report.verdicts.length > 0))
        buttons.push(button(labels.why, ids.why(size)));
      if (!rendering.complete) buttons.push(button(labels.showFigures, ids.showFigures(MAX_LIMIT)));
      return finish(answer, context, [embed, ...rendering.embeds], buttons, figures, shownFigures, rendering.citations);
    }
  }
  return finish(answer, context, [embed], buttons, figures, shownFigures, numbers);
}

function finish(
  answer: Answer,
  context: AnswerContext,
  embeds: APIEmbed[],
  buttons: APIButtonComponent[],
  figures: FiguresReport[],
  shown: RenderedReport[],
  cited: ReadonlyMap<string, number>,
): AnswerLayout {
  const ids = context.buttons;
  const labels = context.labels ?? en;
  for (const category of answer.noAnswer ? [] : (context.figures?.asked ?? [])) {
    const listed = figures
      .filter((report) => report.category === category)
      .reduce((sum, report) => sum + report.claims.length, 0);
    const inCorpus = context.figures!.count(category);
    const id = ids.figuresOf(category);
    if (
      inCorpus > listed &&
      buttons.length < 5 &&
      id.length <= LIMIT.customId &&
      !buttons.some((b) => 'custom_id' in b && b.custom_id === id)
    ) {
      buttons.push(button(cut(labels.allFigures(category, labels.count(inCorpus)), LIMIT.buttonLabel), id));
    }
  }
  const rows: APIActionRowComponent<APIButtonComponent | APIStringSelectComponent>[] = [];
  if (buttons.length > 0) rows.push({ type: ComponentType.ActionRow, components: buttons.slice(0, 5) });
  const menu = answer.noAnswer ? null : sourceMenu(answer, cited, context);
  if (menu) rows.push({ type: ComponentType.ActionRow, components: [menu] });
  return { reply: message(embeds, rows), figures: shown };
}

/**
 * "Open a source…" under an answer: one option per article the message cites, by its citation
 * number ("[2] Title cut · YTN · 2024-10-05"), in number order, at most 25. The value is the
 * article id (its first 100 characters: /source finds an article by a unique prefix).
 */
function sourceMenu(
  answer: Answer,
  cited: ReadonlyMap<string, number>,
  context: AnswerContext,
): APIStringSelectComponent | null {
  const labels = context.labels ?? en;
  const refs = new Map<string, ArticleRef>();
  for (const passage of answer.passages) refs.set(passage.article.id, passage.article);
  const options: APIStringSelectComponent['options'] = [];
  const values = new Set<string>();
  for (const [id, n] of [...cited].sort((a, b) => a[1] - b[1])) {
    if (options.length >= LIMIT.selectOptions) break;
    const value = id.slice(0, LIMIT.selectOptionText);
    if (values.has(value)) continue;
    values.add(value);
    const ref = refs.get(id) ?? context.figures?.article(id);
    const title = oneLine(ref?.title ?? '') || id;
    const about = [ref?.publisher ? oneLine(ref.publisher) : '', ref?.published ? formatPublished(ref.published) : '']
      .filter(Boolean)
      .join(' · ');
    options.push({
      label: cut(`[${n}] ${cut(title, TITLE_CHARS)}`, LIMIT.selectOptionText),
      value,
      ...(about ? { description: cut(about, LIMIT.selectOptionText) } : {}),
    });
  }
  if (options.length === 0) return null;
  return {
    type: ComponentType.StringSelect,
    custom_id: context.buttons.openSource(),
    placeholder: cut(labels.openSource, LIMIT.selectPlaceholder),
    options,
  };
}

/** Text on one line: what a menu option shows (it shows text raw: no markdown to escape). */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function button(label: string, customId: string, disabled = false): APIButtonComponent {
  return {
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: cut(defuseMentions(label), LIMIT.buttonLabel),
    custom_id: customId,
    ...(disabled ? { disabled } : {}),
  };
}

/**
 * One number per article, for the whole answer (every page) and its figures: the passages'
 * articles in the order they are cited, each passage's "also reported by" after it; the figures
 * number the articles they add after these.
 */
export function citationNumbers(answer: Pick<Answer, 'passages'>): Map<string, number> {
  const numbers = new Map<string, number>();
  const add = (id: string) => {
    if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
  };
  for (const passage of answer.passages) {
    add(passage.article.id);
    for (const id of passage.alsoReportedBy) add(id);
  }
  return numbers;
}

/** The footer's key to the page's citations: "[1] 002_e6e5… · [2] 000_76f2…", ids being what /source takes. */
function footerKey(answer: Answer, numbers: ReadonlyMap<string, number>, offset: number, size: number): string {
  const ids = new Set<string>();
  for (const passage of answer.passages.slice(offset, offset + size)) {
    ids.add(passage.article.id);
    for (const id of passage.alsoReportedBy.slice(0, 5)) ids.add(id);
  }
  if (ids.size === 0) return '';
  const key = [...ids]
    .sort((a, b) => numbers.get(a)! - numbers.get(b)!)
    .map((id) => `[${numbers.get(id)}] ${defuseMentions(cut(id.replace(/\s+/g, ' '), 100))}`)
    .join(' · ');
  return `${cut(key, 1200)}\n`;
}

/** Figures under an answer: their citations continue the answer's numbers, in the embeds the passages leave. */
function figureOptions(context: AnswerContext, numbers: ReadonlyMap<string, number>, budget: number) {
  const lookup = context.figures;
  return {
    budget,
    labels: context.labels ?? en,
    maxEmbeds: LIMIT.embedsPerMessage - 1,
    citations: numbers,
    topics: context.topics,
    ...(lookup
      ? {
          article: (id: string) => lookup.article(id),
          inCorpus: (report: FiguresReport) => lookup.count(report.category, report.item),
        }
      : {}),
  };
}

/** The bottom line, in Discord's markdown, citing the article numbers of the claims of each part. */
function bottomLine(answer: Answer, numbers: ReadonlyMap<string, number>, max: number, labels: Labels): string {
  const { summary } = answer;
  if (!summary) return '';
  const articlesOf = new Map<string, string[]>();
  for (const report of answer.figures ?? [])
    for (const claim of report.claims) articlesOf.set(claim.id, claim.articles);
  const local = new Map(numbers);
  const cite = (claims: readonly string[]) => {
    const cited = [...new Set(claims.flatMap((id) => articlesOf.get(id) ?? []))].map((id) => {
      if (!local.has(id)) local.set(id, Math.max(0, ...local.values()) + 1);
      return local.get(id)!;
    });
    const sorted = [...new Set(cited)].sort((a, b) => a - b);
    const shown = sorted
      .slice(0, 4)
      .map((n) => `[${n}]`)
      .join('');
    return sorted.length === 0 ? '' : ` ${shown}${sorted.length > 4 ? '…' : ''}`;
  };
  const line = summaryLine(summary, {
    strong: (text) => `**${text}**`,
    text: (text) => escapeCut(text.replace(/\s+/g, ' '), 80),
    cite,
    words: labels.summary,
  });
  return cut(line, max);
}

/**
 * One page of the answer within `total` characters of embed text: the bottom line (figure
 * questions), then each article of the page once, under its citation number, with its quotes.
 */
function passagesEmbed(
  answer: Answer,
  numbers: ReadonlyMap<string, number>,
  offset: number,
  size: number,
  footer: { text: string },
  total: number,
  labels: Labels,
): APIEmbed {
  const { passages } = answer;
  const page = passages.slice(offset, offset + size);
  const summary = bottomLine(answer, numbers, 600, labels);
  // Without a bottom line the question is the title, as a heading for the quotes.
  const title = summary ? undefined : escapeCut(answer.question, LIMIT.embedTitle) || labels.yourQuestion;
  const caveat = answer.message ? `${escapeCut(answer.message, 300)}\n\n` : '';
  const status =
    passages.length > size || offset > 0
      ? `\n\n*${labels.passagesRange(offset + 1, offset + page.length, passages.length)}*`
      : '';
  const groups = new Map<string, AnswerPassage[]>();
  for (const passage of page) groups.set(passage.article.id, [...(groups.get(passage.article.id) ?? []), passage]);
  const headings = [...groups.values()].map((group) => articleHeading(group, numbers, labels));
  const fixed =
    (title?.length ?? 0) +
    footer.text.length +
    (summary ? summary.length + 2 : 0) +
    caveat.length +
    status.length +
    headings.reduce((sum, heading) => sum + heading.length + 2, 0);
  const room = Math.min(LIMIT.embedDescription, total) - fixed;
  const perQuote = Math.floor(room / Math.max(1, page.length)) - QUOTE_OVERHEAD;
  const body = [...groups.values()]
    .map(
      (group, i) => `${headings[i]}${group.map((passage) => `\n${quoteWithHighlights(passage, perQuote)}`).join('')}`,
    )
    .join('\n\n');
  const description = `${summary ? `${summary}\n\n` : ''}${caveat}${body}${status}`;
  return { ...(title ? { title } : {}), description, color: COLORS.answer, footer };
}

/**
 * An article's one citation: "**[1]** [Title cut at ~70](url) · YTN · 2024-10-05 · also [4][5]",
 * with the parts it does not know left out rather than printed as "unknown".
 */
function articleHeading(group: AnswerPassage[], numbers: ReadonlyMap<string, number>, labels: Labels): string {
  const { article } = group[0]!;
  const url = safeUrl(article.url);
  const title = escapeCut(article.title.replace(/\s+/g, ' '), TITLE_CHARS) || labels.untitled;
  const parts = [url ? `[${title}](${url})` : title];
  if (article.publisher) parts.push(escapeCut(article.publisher.replace(/\s+/g, ' '), 60));
  if (article.published) parts.push(formatPublished(article.published));
  const also = [...new Set(group.flatMap((passage) => passage.alsoReportedBy))];
  if (also.length > 0) {
    const cited = also
      .slice(0, 5)
      .map((id) => `[${numbers.get(id)}]`)
      .join('');
    parts.push(`${labels.also} ${cited}${also.length > 5 ? ` +${also.length - 5}` : ''}`);
  }
  return `**[${numbers.get(article.id)}]** ${parts.join(' · ')}`;
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

/** How many articles one page of /sources shows: ten fields read well and stay far inside the limits. */
export const SOURCES_PAGE_SIZE = 10;

/** A page of /sources: up to ten articles, with Previous/Next when there are more (ids from the face). */
export function renderSourcesForDiscord(
  report: SourcesReport,
  page: number,
  ids: Pick<ButtonIds, 'sourcesPage'>,
  labels: Labels = en,
): DiscordReply {
  const pages = Math.max(1, Math.ceil(report.articles.length / SOURCES_PAGE_SIZE));
  const current = Math.min(Math.max(0, page), pages - 1);
  const shown = report.articles.slice(current * SOURCES_PAGE_SIZE, (current + 1) * SOURCES_PAGE_SIZE);
  // Ten fields of at most 500 characters leave room for the page note: no article is dropped to fit.
  const fields = shown.map((article): APIEmbedField => {
    const url = safeUrl(article.url, 200);
    return {
      name: escapeCut(article.title, 200) || labels.untitled,
      value: cut(
        `${codeId(article.id)} · ${escapeCut(
          `${article.publisher ?? labels.publisherUnknown}, ${article.published ? formatPublished(article.published) : labels.dateUnknown}`,
          200,
        )} · ${escapeDiscord(languageLabel(article.language))} · ${labels.passages(article.passages)}${url ? `\n${url}` : ''}`,
        300,
      ),
    };
  });
  const problems =
    report.problems.length > 0
      ? `\n\n**${labels.filesNotServed(report.problems.length)}:**\n${report.problems
          .slice(0, 10)
          .map((problem) => cut(`• ${codeId(problem.file)}: ${escapeCut(problem.reason, 200)}`, 200))
          .join('\n')}${report.problems.length > 10 ? `\n${labels.andNMore(report.problems.length - 10)}` : ''}`
      : '';
  const title = labels.articles(report.articles.length);
  const fieldsLength = fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  const embed: APIEmbed = {
    title,
    description: cut(
      `${labels.page(current + 1, pages)}${problems}`,
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
                label: labels.previous,
                custom_id: ids.sourcesPage(current - 1),
                disabled: current === 0,
              },
              {
                type: ComponentType.Button,
                style: ButtonStyle.Secondary,
                label: labels.next,
                custom_id: ids.sourcesPage(current + 1),
                disabled: current >= pages - 1,
              },
            ],
          },
        ]
      : [];
  return message([embed], components);
}

export function renderSourceForDiscord(source: SourceDetail, labels: Labels = en): DiscordReply {
  const first = source.passages[0]?.quote;
  const url = safeUrl(source.url);
  const embed: APIEmbed = {
    title: escapeCut(source.title, LIMIT.embedTitle) || labels.untitled,
    ...(url ? { url } : {}),
    ...(first ? { description: `“${escapeCut(first, 1500)}”` } : {}),
    fields: [
      {
        name: labels.publisher,
        value: escapeCut(source.publisher ?? labels.unknown, 200) || labels.unknown,
        inline: true,
      },
      {
        name: labels.published,
        value: source.published ? formatPublished(source.published) : labels.dateUnknown,
        inline: true,
      },
      {
        name: labels.language,
        value: source.language ? escapeDiscord(languageLabel(source.language)) : labels.languageUnknown,
        inline: true,
      },
      { name: labels.passagesHeading, value: String(source.passages.length), inline: true },
      { name: labels.id, value: codeId(source.id), inline: true },
    ],
    color: COLORS.sources,
  };
  return message([embed]);
}

/** What rendering one article opened from an answer needs besides the article and its answer. */
export interface ArticleViewContext {
  /** Its citation number in the answer it was opened from; null when it is opened on its own. */
  number: number | null;
  /** An article's publisher and date, for the figures' citation key. */
  article(id: string): ArticleRef | undefined;
  /** What `/figures topic:` takes, for the figures' pointers to it. */
  topics: readonly string[];
  buttons: Pick<ButtonIds, 'askAbout'>;
  labels?: Labels;
}

/** The passages an opened article shows for the question: enough to judge it, not the whole article. */
export const ARTICLE_VIEW_PASSAGES = 3;

/**
 * One article opened from an answer ("Open a source…"), for the chooser alone: the article under
 * its citation number (link, publisher, date, language), its top passages for the question with
 * the figures or asked words in bold, then its figures side by side as it tells them, and a button
 * "Ask about this article". `answer` is the question asked of this article alone.
 */
export function renderArticleForDiscord(
  source: ArticleRef & { passages: number },
  answer: Answer,
  context: ArticleViewContext,
): DiscordReply {
  const labels = context.labels ?? en;
  const url = safeUrl(source.url);
  const number = context.number ?? 1;
  const numbers = new Map([[source.id, number]]);
  const title = escapeCut(
    `[${number}] ${source.title.replace(/\s+/g, ' ') || labels.untitled}`,
    Math.min(LIMIT.embedTitle, TITLE_CHARS + 8),
  );
  const about = [
    source.publisher ? escapeCut(source.publisher.replace(/\s+/g, ' '), 60) : '',
    source.published ? formatPublished(source.published) : '',
    source.language ? escapeDiscord(languageLabel(source.language)) : '',
    labels.passages(source.passages),
  ]
    .filter(Boolean)
    .join(' · ');
  const question = escapeCut(answer.question, 200);
  const page = answer.noAnswer ? [] : answer.passages.slice(0, ARTICLE_VIEW_PASSAGES);
  const heading = page.length > 0 ? `**${labels.passagesFor(question)}**` : `*${labels.articleSilent(question)}*`;
  const footer = { text: defuseMentions(cut(source.id.replace(/\s+/g, ' '), 200)) };
  const fixed = title.length + about.length + heading.length + footer.text.length + 8;
  const perQuote =
    Math.floor((Math.min(LIMIT.embedDescription, PASSAGES_FLOOR) - fixed) / Math.max(1, page.length)) - QUOTE_OVERHEAD;
  const quotes = page.map((passage) => `\n${quoteWithHighlights(passage, perQuote)}`).join('');
  const embed: APIEmbed = {
    title,
    ...(url ? { url } : {}),
    description: `${about}\n\n${heading}${quotes}`,
    color: COLORS.sources,
    footer,
  };
  const reports = (answer.figures ?? []).filter((report) => report.claims.length > 0);
  const rendering = figuresEmbeds(reports, {
    budget: LIMIT.embedsTotal - embedLength(embed),
    maxEmbeds: LIMIT.embedsPerMessage - 1,
    citations: numbers,
    topics: context.topics,
    article: context.article,
    labels,
  });
  const ask = context.buttons.askAbout(source.id);
  const rows: APIActionRowComponent<APIButtonComponent>[] =
    ask.length <= LIMIT.customId
      ? [{ type: ComponentType.ActionRow, components: [button(labels.askAboutArticle, ask)] }]
      : [];
  return message([embed, ...rendering.embeds], rows);
}
