import {
  DiscordAPIError,
  RESTJSONErrorCodes,
  type BaseInteraction,
  type ButtonInteraction,
  type Interaction,
} from 'discord.js';
import { answerContext } from '../../commands/ask.js';
import { figureLookups, figuresMayBeSlow, figuresReply, sendFigures } from '../../commands/figures.js';
import { findCommand } from '../../commands/index.js';
import {
  BUTTON,
  notice,
  questionFromFooter,
  renderAnswerForDiscord,
  renderSourcesForDiscord,
} from '../render/discord.js';
import { renderFiguresForDiscord } from '../render/discordFigures.js';
import { escapeCut } from '../render/discordText.js';
import type { BotContext } from './context.js';
import { updateWhenReady } from './respond.js';

/**
 * Routes one interaction to its handler. Errors stop here: the full error goes to the log with the
 * interaction's context, the user gets a short message for them alone, and no other command is affected.
 */
export async function handleInteraction(interaction: Interaction, context: BotContext): Promise<void> {
  const started = performance.now();
  const log = context.log.child({
    interactionId: interaction.id,
    userId: interaction.user.id,
    guildId: interaction.guildId,
    command: describe(interaction),
  });
  // The engine is taken once: a reload during this interaction cannot mix two indexes in one answer.
  const engine = context.engine();
  const scoped: BotContext = { ...context, engine: () => engine, log };
  try {
    if (interaction.isChatInputCommand()) {
      const command = findCommand(interaction.commandName);
      if (!command) {
        await interaction.reply(notice(`Unknown command /${interaction.commandName}.`));
        return;
      }
      await command.execute(interaction, scoped);
    } else if (interaction.isAutocomplete()) {
      await findCommand(interaction.commandName)?.autocomplete?.(interaction, scoped);
    } else if (interaction.isButton()) {
      await handleButton(interaction, scoped);
    }
    log.info({ latencyMs: Math.round(performance.now() - started) }, 'interaction handled');
  } catch (error) {
    log.error({ err: error, latencyMs: Math.round(performance.now() - started) }, 'interaction failed');
    await tellUser(interaction, log, error);
  }
}

/**
 * Discord's answers that mean the interaction is gone for good: its 3 s (or 15 min) have passed.
 * Nothing sent to it can arrive, so nothing more is tried.
 */
const GONE = new Set<number | string>([
  RESTJSONErrorCodes.UnknownInteraction,
  RESTJSONErrorCodes.UnknownWebhook,
  RESTJSONErrorCodes.InvalidWebhookToken,
]);

function isGone(error: unknown): boolean {
  return error instanceof DiscordAPIError && GONE.has(error.code);
}

async function handleButton(interaction: ButtonInteraction, context: BotContext): Promise<void> {
  const id = interaction.customId;
  if (id.startsWith(BUTTON.sourcesPage)) {
    const page = Number(id.slice(BUTTON.sourcesPage.length));
    await updateWhenReady(
      interaction,
      () => renderSourcesForDiscord(context.engine().sources(), Number.isInteger(page) ? page : 0),
      {
        deferAfterMs: context.deferAfterMs,
      },
    );
    return;
  }
  if (id.startsWith(`${BUTTON.morePassages}:`)) {
    const question = questionFromFooter(interaction.message.embeds[0]?.footer?.text);
    const limit = Number(id.split(':')[2]);
    if (!question) {
      await interaction.reply(notice('This answer is too old to extend; ask again with /ask.'));
      return;
    }
    await updateWhenReady(
      interaction,
      async () => {
        const engine = context.engine();
        return renderAnswerForDiscord(await engine.ask(question, { limit }), answerContext(engine, question, limit));
      },
      { deferAfterMs: context.deferAfterMs },
    );
    return;
  }
  if (id.startsWith(BUTTON.askFigures)) {
    // "Show figures" under an answer: the answer's figures with the whole message's room, for the clicker alone.
    const question = questionFromFooter(interaction.message.embeds[0]?.footer?.text);
    const limit = Number(id.split(':')[2]);
    if (!question) {
      await interaction.reply(
        notice('This answer is too old to show its figures; ask again with /ask, or use /figures.'),
      );
      return;
    }
    await sendFigures(
      interaction,
      async () => {
        const engine = context.engine();
        const answer = await engine.ask(question, Number.isInteger(limit) && limit > 0 ? { limit } : {});
        const reports = (answer.figures ?? []).filter((report) => report.claims.length > 0);
        if (reports.length === 0) return notice('This question has no figures side by side any more; try /figures.');
        const { article, inCorpus } = figureLookups(engine);
        return renderFiguresForDiscord(reports, {
          article,
          inCorpus,
          heading: `Figures for “${escapeCut(question, 200)}”`,
        });
      },
      { ephemeral: true, slow: false, deferAfterMs: context.deferAfterMs },
    );
    return;
  }
  if (id.startsWith(BUTTON.figuresShow)) {
    // A topic's figures (left out of a /figures message, or named by a question), for the clicker alone.
    const topic = id.slice(BUTTON.figuresShow.length);
    const engine = context.engine();
    await sendFigures(interaction, () => figuresReply(engine, topic), {
      ephemeral: true,
      slow: figuresMayBeSlow(engine, topic),
      deferAfterMs: context.deferAfterMs,
    });
    return;
  }
  if (id.startsWith(BUTTON.figuresPage)) {
    // Another page of one topic's figures, in place: `figures:page:<topic>:<offset>`.
    const rest = id.slice(BUTTON.figuresPage.length);
    const topic = rest.slice(0, rest.lastIndexOf(':'));
    const offset = Number(rest.slice(rest.lastIndexOf(':') + 1));
    const engine = context.engine();
    const work = () => figuresReply(engine, topic, Number.isInteger(offset) && offset > 0 ? offset : 0);
    if (figuresMayBeSlow(engine, topic)) {
      await interaction.deferUpdate();
      const { flags: _flags, ...message } = work();
      await interaction.editReply(message);
    } else {
      await updateWhenReady(interaction, work, { deferAfterMs: context.deferAfterMs });
    }
    return;
  }
  await interaction.reply(notice('That button no longer does anything; ask again with /ask.'));
}

async function tellUser(interaction: BaseInteraction, log: BotContext['log'], failure: unknown): Promise<void> {
  if (!interaction.isRepliable()) return;
  if (isGone(failure)) {
    // A reply would meet the same 10062: the failure above is the whole story.
    log.warn(
      { code: (failure as DiscordAPIError).code, reason: 'the interaction has expired' },
      'could not tell the user about the failure',
    );
    return;
  }
  const message = notice('Something went wrong while answering. It has been logged; please try again.');
  try {
    if (interaction.isChatInputCommand() && interaction.deferred && !interaction.replied && !interaction.ephemeral) {
      // The public "thinking…" message would otherwise turn into a public error: replace it with a private one.
      await interaction.deleteReply();
    }
    if (interaction.deferred || interaction.replied) await interaction.followUp(message);
    else await interaction.reply(message);
  } catch (error) {
    // The interaction may have expired (10062): there is no one left to tell.
    log.warn({ err: error }, 'could not tell the user about the failure');
  }
}

function describe(interaction: Interaction): string {
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) return interaction.commandName;
  if (interaction.isButton()) return `button:${interaction.customId.split(':').slice(0, 2).join(':')}`;
  return `type:${interaction.type}`;
}
