import { SlashCommandBuilder } from 'discord.js';
import type { BotEngine } from '../src/bot/context.js';
import type { Command } from '../src/bot/handlers.js';
import { replyWhenReady } from '../src/bot/respond.js';
import { figureTopics as registeredTopics, topicLabel } from '../src/model/categories.js';
import type { ArticleRef, FiguresReport } from '../src/engine/types.js';
import type { AnswerFiguresContext } from '../src/render/discord.js';
import { cachedChartPng, reportKey } from '../src/render/chart.js';
import { renderFiguresOverview, withCharts, withCsvButton } from '../src/render/discordCharts.js';
import { renderFiguresForDiscord } from '../src/render/discordFigures.js';
import { notice, type ButtonIds, type DiscordReply } from '../src/render/discordMessage.js';
import { en, type Labels } from '../src/render/labels.js';

export const figures = {
  data: new SlashCommandBuilder()
    .setName('figures')
    .setDescription('Figures side by side: who counts what, as of when, and where the sources disagree')
    .addStringOption((option) =>
      option
        .setName('topic')
        .setDescription('What was counted (default: every topic, in short)')
        .addChoices(...registeredTopics().map((topic) => ({ name: topicLabel(topic), value: topic }))),
    )
    .addBooleanOption((option) =>
      option.setName('public').setDescription('Show the figures to the channel (default: yes)'),
    )
    .toJSON(),

  async execute(interaction, context) {
    const topic = interaction.options.getString('topic') ?? undefined;
    const visible = interaction.options.getBoolean('public') ?? true;
    if (topic !== undefined && !registeredTopics().includes(topic)) {
      await interaction.reply(notice(context.labels.noSuchTopic(topic.slice(0, 50), registeredTopics().join(', '))));
      return;
    }
    const engine = context.engine();
    await replyWhenReady(interaction, () => figuresReply(engine, context.buttonIds, topic, 0, context.labels), {
      ephemeral: !visible,
      slow: figuresMayBeSlow(engine, topic),
      deferAfterMs: context.deferAfterMs,
    });
  },
} satisfies Command;

/** What `/figures topic:` takes, for the renderers' pointers to it. */
export const figureTopics: readonly string[] = registeredTopics();

/** The /figures reply for a topic (every topic when none), from a given page of its claims. */
export function figuresReply(
  engine: BotEngine,
  buttonIds: ButtonIds,
  topic: string | undefined,
  offset = 0,
  labels: Labels = en,
): DiscordReply {
  const reports = figuresOf(engine, topic);
  // Every topic: one line each and a menu that opens one (its figures, verdicts and chart).
  if (!topic) return renderFiguresOverview(reports, figureTopics, buttonIds, labels);
  const reply = renderFiguresForDiscord(reports, {
    topic,
    offset,
    article: figureLookups(engine).article,
    topics: figureTopics,
    buttons: buttonIds,
    labels,
  });
  const charted = withCharts(
    reply,
    reports,
    (report) => cachedChartPng(engine, report.item ? `${topic}/${report.item}` : topic, report, labels),
    labels,
  );
  return withCsvButton(charted, topic, buttonIds, labels);
}

/**
 * An answer's figures with their charts (drawn once per index and set of claims). `scope` keeps apart
 * charts of the same claims told differently: one article's (`article:<id>`) from the whole corpus'.
 */
export function withAnswerCharts(
  engine: BotEngine,
  reply: DiscordReply,
  reports: readonly FiguresReport[] = [],
  labels: Labels = en,
  scope = 'answer',
): DiscordReply {
  return withCharts(
    reply,
    reports,
    (report) => cachedChartPng(engine, `${scope}:${reportKey(report)}`, report, labels),
    labels,
  );
}

/**
 * Above this many claims in the corpus, comparing a topic's figures the first time may take
 * seconds (every pair is compared, synchronously): the reply is deferred before, not after, so
 * Discord's 3-second deadline cannot pass while the bot is busy.
 */
const SLOW_CLAIMS = 400;
const computed = new WeakMap<object, Set<string>>();

export function figuresMayBeSlow(engine: BotEngine, topic: string | undefined): boolean {
  return engine.claims.length > SLOW_CLAIMS && !computed.get(engine)?.has(topic ?? '');
}

function figuresOf(engine: BotEngine, topic: string | undefined): FiguresReport[] {
  const reports = engine.figures(topic);
  let topics = computed.get(engine);
  if (!topics) computed.set(engine, (topics = new Set()));
  topics.add(topic ?? '');
  return reports;
}

export interface FigureLookups extends Omit<AnswerFiguresContext, 'asked'> {
  inCorpus(report: Pick<FiguresReport, 'category' | 'item'>): number;
}

const lookups = new WeakMap<object, FigureLookups>();

/** Article details and figure counts of an engine, built once per engine on first use. */
export function figureLookups(engine: BotEngine): FigureLookups {
  let found = lookups.get(engine);
  if (!found) {
    let articles: Map<string, ArticleRef> | undefined;
    let counts: Map<string, number> | undefined;
    const count = (category: string, item?: string | null) => {
      if (!counts) {
        counts = new Map();
        for (const claim of engine.claims) {
          counts.set(claim.category, (counts.get(claim.category) ?? 0) + 1);
          if (claim.item)
            counts.set(`${claim.category}:${claim.item}`, (counts.get(`${claim.category}:${claim.item}`) ?? 0) + 1);
        }
      }
      return counts.get(item ? `${category}:${item}` : category) ?? 0;
    };
    found = {
      article: (id) => (articles ??= new Map(engine.corpus.articles.map((article) => [article.id, article]))).get(id),
      count,
      inCorpus: (report) => count(report.category, report.item),
    };
    lookups.set(engine, found);
  }
  return found;
}
