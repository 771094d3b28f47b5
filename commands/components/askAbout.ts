/**
 * "Ask about this article" under an article opened from an answer: a form with one question, then
 * that question answered from that article alone (its passages and its figures), for the asker alone.
 */
import { ComponentType, TextInputStyle, type APIModalInteractionResponseCallbackData } from 'discord.js';
import type { ButtonHandler, ModalHandler } from '../../src/bot/handlers.js';
import { replyWhenReady } from '../../src/bot/respond.js';
import { MAX_QUESTION_CHARS } from '../../src/engine/types.js';
import { cut } from '../../src/render/discordText.js';
import { notice } from '../../src/render/discordMessage.js';
import type { Labels } from '../../src/render/labels.js';
import { articleReply, numberOf } from './openSource.js';

const PREFIX = 'ask:about:';
const FIELD = 'question';
/** Discord's limits on a form: its title, a field's label. */
const TITLE_CHARS = 45;
const LABEL_CHARS = 45;
const PLACEHOLDER_CHARS = 100;

/** `ask:about:<article id>` (its first 90 characters: a unique prefix finds it), on the button and on its form. */
export function askAboutId(articleId: string): string {
  return `${PREFIX}${articleId.slice(0, 90)}`;
}

const parse = (customId: string) => (customId.startsWith(PREFIX) ? { article: customId.slice(PREFIX.length) } : null);

/** The form: one line for the question, as long as /ask takes. */
export function askAboutForm(articleId: string, labels: Labels): APIModalInteractionResponseCallbackData {
  return {
    custom_id: askAboutId(articleId),
    title: cut(labels.askAboutArticle, TITLE_CHARS),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.TextInput,
            custom_id: FIELD,
            label: cut(labels.questionField, LABEL_CHARS),
            style: TextInputStyle.Short,
            placeholder: cut(labels.questionPlaceholder, PLACEHOLDER_CHARS),
            required: true,
            max_length: MAX_QUESTION_CHARS,
          },
        ],
      },
    ],
  };
}

/** The click opens the form; nothing is asked yet. */
export const askAbout = {
  parse,
  async run(interaction, { article }, context) {
    await interaction.showModal(askAboutForm(article, context.labels));
  },
} satisfies ButtonHandler<{ article: string }>;

/** The form sent: the question answered from the article alone, privately. A question costs a turn, as /ask does. */
export const askAboutSubmit = {
  parse,
  async run(interaction, { article }, context) {
    const question = interaction.fields.getTextInputValue(FIELD).trim();
    const engine = context.engine();
    const parsed = engine.parse(question);
    if (!parsed.ok) {
      await interaction.reply(notice(parsed.message));
      return;
    }
    const wait = context.askCooldown.take(interaction.user.id);
    if (wait > 0) {
      await interaction.reply(notice(context.labels.cooldown(Math.ceil(wait))));
      return;
    }
    // The article keeps the number the answer gave it, read from the title of the view the form came from.
    const number = numberOf(interaction.message?.embeds[0]?.title);
    await replyWhenReady(
      interaction,
      async () =>
        (await articleReply(engine, article, question, number, context)) ?? notice(context.labels.articleGone),
      { ephemeral: true, deferAfterMs: context.deferAfterMs },
    );
  },
} satisfies ModalHandler<{ article: string }>;
