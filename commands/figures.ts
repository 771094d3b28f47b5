import {
  MessageFlags,
  SlashCommandBuilder,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
} from 'discord.js';
import type { BotEngine } from '../src/bot/context.js';
import { replyWhenReady } from '../src/bot/respond.js';
import { FIGURE_TOPICS } from '../src/engine/engine.js';
import { topicLabel } from '../src/model/categories.js';
import type { ArticleRef, FiguresReport } from '../src/engine/types.js';
import { notice, type AnswerFiguresContext, type DiscordReply } from '../src/render/discord.js';
import { renderFiguresForDiscord } from '../src/render/discordFigures.js';
import type { Command } from './command.js';

export const figures = {
  data: new SlashCommandBuilder()
    .setName('figures')
    .setDescription('Figures side by side: who counts what, as of when, and where the sources disagree')
    .addStringOption((option) =>
      option
        .setName('topic')
        .setDescription('What was counted (default: every topic, in short)')
        .addChoices(...FIGURE_TOPICS.map((topic) => ({ name: topicLabel(topic), value: topic }))),
    )
    .addBooleanOption((option) =>
      option.setName('public').setDescription('Show the figures to the channel (default: yes)'),
    )
    .toJSON(),

  async execute(interaction, context) {
    const topic = interaction.options.getString('topic') ?? undefined;
    const visible = interaction.options.getBoolean('public') ?? true;
    if (topic !== undefined && !FIGURE_TOPICS.includes(topic)) {
      await interaction.reply(
        notice(`There is no topic "${topic.slice(0, 50)}". Topics: ${FIGURE_TOPICS.join(', ')}.`),
      );
      return;
    }
    const engine = context.engine();
    await sendFigures(interaction, () => figuresReply(engine, topic), {
      ephemeral: !visible,
      slow: figuresMayBeSlow(engine, topic),
      deferAfterMs: context.deferAfterMs,
    });
  },
} satisfies Command;

/** The /figures reply for a topic (every topic when none), from a given page of its claims. */
export function figuresReply(engine: BotEngine, topic: string | undefined, offset = 0): DiscordReply {
  const reports = figuresOf(engine, topic);
  return renderFiguresForDiscord(reports, {
    ...(topic ? { topic, offset } : {}),
    article: figureLookups(engine).article,
  });
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

/**
 * Sends figures as the reply to a command or a click. When the work may block for seconds it is
 * deferred first; otherwise at once, or deferred if it takes longer than `deferAfterMs` (an async
 * answer). A click's reply is for the clicker alone when `ephemeral`.
 */
export async function sendFigures(
  interaction: ChatInputCommandInteraction | ButtonInteraction,
  work: () => DiscordReply | Promise<DiscordReply>,
  { ephemeral, slow, deferAfterMs }: { ephemeral: boolean; slow: boolean; deferAfterMs: number },
): Promise<void> {
  if (!slow && interaction.isChatInputCommand()) {
    await replyWhenReady(interaction, work, { ephemeral, deferAfterMs });
    return;
  }
  const flags = ephemeral ? { flags: MessageFlags.Ephemeral as const } : {};
  if (!slow) {
    const pending = Promise.resolve().then(work);
    let timer: NodeJS.Timeout | undefined;
    const early = await Promise.race([
      pending,
      new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), deferAfterMs))),
    ]).finally(() => clearTimeout(timer));
    if (early) {
      await interaction.reply({ ...withoutFlags(early), ...flags });
      return;
    }
    await interaction.deferReply(flags);
    await interaction.editReply(withoutFlags(await pending));
    return;
  }
  await interaction.deferReply(flags);
  await interaction.editReply(withoutFlags(await work()));
}

function withoutFlags({ flags: _flags, ...message }: DiscordReply): Omit<DiscordReply, 'flags'> {
  return message;
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
