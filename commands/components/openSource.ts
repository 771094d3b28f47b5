/**
 * The menu "Open a source…" under an answer: the chosen article, for the chooser alone — its top
 * passages for the question asked (read back from the answer's footer), its figures as it tells
 * them, and "Ask about this article".
 */
import type { SelectHandler } from '../../src/bot/handlers.js';
import { replyWhenReady } from '../../src/bot/respond.js';
import type { BotContext, BotEngine } from '../../src/bot/context.js';
import { MAX_LIMIT } from '../../src/engine/types.js';
import { citationNumbers, renderArticleForDiscord, ARTICLE_VIEW_PASSAGES } from '../../src/render/discord.js';
import { notice, type DiscordReply } from '../../src/render/discordMessage.js';
import { figureLookups, figureTopics, withAnswerCharts } from '../figures.js';
import { questionFromFooter } from './askedQuestion.js';

const ID = 'ask:open';

/** `ask:open`: the article is the value chosen, the question is in the answer's footer. */
export function openSourceId(): string {
  return ID;
}

/**
 * The citation number the answer gave an article: "[3] …" at the head of the option chosen, or of
 * an opened article's title (escaped there: "\[3\] …").
 */
export function numberOf(label: string | undefined | null): number | null {
  const match = /^\\?\[(\d+)\\?\]/.exec(label ?? '');
  return match ? Number(match[1]) : null;
}

/**
 * One article opened for a question: its passages for it and its figures (for a question about a
 * figure, those the question asks for; otherwise all it tells), as the chooser's private reply.
 * Null when the article is no longer in the corpus.
 */
export async function articleReply(
  engine: BotEngine,
  articleId: string,
  question: string,
  number: number | null,
  context: Pick<BotContext, 'buttonIds' | 'labels'>,
): Promise<DiscordReply | null> {
  // The value is the id, or its first 100 characters: a unique prefix finds it as /source does.
  const found = engine.source(articleId);
  if (!found) return null;
  const parsed = engine.parse(question);
  const answer = await engine.ask(parsed, { limit: ARTICLE_VIEW_PASSAGES, article: found.id });
  const figures = parsed.ok && parsed.asksForFigure ? (answer.figures ?? []) : engine.figuresToldBy(found.id);
  const reply = renderArticleForDiscord(
    { ...found, passages: found.passages.length },
    { ...answer, figures },
    {
      number,
      article: figureLookups(engine).article,
      topics: figureTopics,
      buttons: context.buttonIds,
      labels: context.labels,
    },
  );
  return withAnswerCharts(engine, reply, figures, context.labels, `article:${found.id}`);
}

export const openSource = {
  parse: (customId) => (customId === ID ? {} : null),

  async run(interaction, _data, context) {
    const question = questionFromFooter(interaction.message.embeds[0]?.footer?.text);
    if (!question) {
      await interaction.reply(notice(context.labels.tooOldToOpen));
      return;
    }
    const value = interaction.values[0] ?? '';
    // The option chosen, as the message shows it: its label starts with the article's number.
    const rows = interaction.message.components.map((row) => row.toJSON()) as {
      components?: { custom_id?: string; options?: { label: string; value: string }[] }[];
    }[];
    const option = rows
      .flatMap((row) => row.components ?? [])
      .find((component) => component.custom_id === ID)
      ?.options?.find((candidate) => candidate.value === value);
    const engine = context.engine();
    await replyWhenReady(
      interaction,
      async () => {
        // The number the answer gave it; asked again when the message does not say (it always does).
        let number = numberOf(option?.label);
        if (number === null) {
          const answer = await engine.ask(question, { limit: MAX_LIMIT });
          number = citationNumbers(answer).get(value) ?? null;
        }
        return (await articleReply(engine, value, question, number, context)) ?? notice(context.labels.articleGone);
      },
      { ephemeral: true, deferAfterMs: context.deferAfterMs },
    );
  },
} satisfies SelectHandler<Record<string, never>>;
