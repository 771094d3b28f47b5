import {
  DiscordAPIError,
  RESTJSONErrorCodes,
  type BaseInteraction,
  type ButtonInteraction,
  type Interaction,
  type ModalSubmitInteraction,
  type StringSelectMenuInteraction,
} from 'discord.js';
import { notice } from '../render/discordMessage.js';
import { labelsFor } from '../render/labels.js';
import type { BotContext } from './context.js';
import { refuseOutsider } from './guilds.js';
import type { Handlers } from './handlers.js';

/**
 * Routes one interaction to its handler. Errors stop here: the full error goes to the log with the
 * interaction's context, the user gets a short message for them alone, and no other command is affected.
 */
export async function handleInteraction(
  interaction: Interaction,
  context: BotContext,
  handlers: Omit<Handlers, 'buttonIds'>,
): Promise<void> {
  const started = performance.now();
  const log = context.log.child({
    interactionId: interaction.id,
    userId: interaction.user.id,
    guildId: interaction.guildId,
    command: describe(interaction),
  });
  // The engine is taken once: a reload during this interaction cannot mix two indexes in one answer.
  const engine = context.engine();
  // The bot's own words in the user's language: Discord sends the user's client locale ("nb", "en-GB").
  const labels = labelsFor(interaction.locale);
  const scoped: BotContext = { ...context, engine: () => engine, log, labels };
  try {
    // Before any handler: someone outside the team's servers gets a refusal and nothing of the corpus.
    if (await refuseOutsider(interaction, context.allowedGuilds, log, labels.refusal)) return;
    if (interaction.isChatInputCommand()) {
      const command = findCommand(handlers, interaction.commandName);
      if (!command) {
        await interaction.reply(notice(labels.unknownCommand(interaction.commandName)));
        return;
      }
      await command.execute(interaction, scoped);
    } else if (interaction.isMessageContextMenuCommand()) {
      const command = (handlers.messageCommands ?? []).find((c) => c.data.name === interaction.commandName);
      if (!command) {
        await interaction.reply(notice(`Unknown command ${interaction.commandName}.`));
        return;
      }
      await command.execute(interaction, scoped);
    } else if (interaction.isAutocomplete()) {
      await findCommand(handlers, interaction.commandName)?.autocomplete?.(interaction, scoped);
    } else if (interaction.isButton()) {
      await handleButton(interaction, scoped, handlers);
    } else if (interaction.isStringSelectMenu()) {
      await handleSelect(interaction, scoped, handlers);
    } else if (interaction.isModalSubmit()) {
      await handleModal(interaction, scoped, handlers);
    }
    log.info({ latencyMs: Math.round(performance.now() - started) }, 'interaction handled');
  } catch (error) {
    log.error({ err: error, latencyMs: Math.round(performance.now() - started) }, 'interaction failed');
    await tellUser(interaction, log, error, labels.failed);
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

function findCommand({ commands }: Pick<Handlers, 'commands'>, name: string) {
  return commands.find((command) => command.data.name === name);
}

/** A click goes to the first kind of button that reads its id; an id no kind reads is from a button retired. */
async function handleButton(
  interaction: ButtonInteraction,
  context: BotContext,
  { buttons }: Pick<Handlers, 'buttons'>,
): Promise<void> {
  for (const button of buttons) {
    const data = button.parse(interaction.customId);
    if (data !== null) {
      await button.run(interaction, data, context);
      return;
    }
  }
  await interaction.reply(notice(context.labels.buttonRetired));
}

/** A choice in a menu goes to the first kind of menu that reads its id, as a click does. */
async function handleSelect(
  interaction: StringSelectMenuInteraction,
  context: BotContext,
  { selects = [] }: Pick<Handlers, 'selects'>,
): Promise<void> {
  for (const select of selects) {
    const data = select.parse(interaction.customId);
    if (data !== null) {
      await select.run(interaction, data, context);
      return;
    }
  }
  await interaction.reply(notice(context.labels.menuRetired));
}

/** A form sent goes to the first kind of modal that reads its id; one no kind reads is from a button retired. */
async function handleModal(
  interaction: ModalSubmitInteraction,
  context: BotContext,
  { modals = [] }: Pick<Handlers, 'modals'>,
): Promise<void> {
  for (const modal of modals) {
    const data = modal.parse(interaction.customId);
    if (data !== null) {
      await modal.run(interaction, data, context);
      return;
    }
  }
  await interaction.reply(notice(context.labels.buttonRetired));
}

async function tellUser(
  interaction: BaseInteraction,
  log: BotContext['log'],
  failure: unknown,
  text: string,
): Promise<void> {
  if (!interaction.isRepliable()) return;
  if (isGone(failure)) {
    // A reply would meet the same 10062: the failure above is the whole story.
    log.warn(
      { code: (failure as DiscordAPIError).code, reason: 'the interaction has expired' },
      'could not tell the user about the failure',
    );
    return;
  }
  const message = notice(text);
  try {
    if (
      (interaction.isChatInputCommand() || interaction.isMessageContextMenuCommand()) &&
      interaction.deferred &&
      !interaction.replied &&
      !interaction.ephemeral
    ) {
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
  if (interaction.isCommand() || interaction.isAutocomplete()) return interaction.commandName;
  if (interaction.isButton()) return `button:${interaction.customId.split(':').slice(0, 2).join(':')}`;
  if (interaction.isStringSelectMenu()) return `select:${interaction.customId.split(':').slice(0, 2).join(':')}`;
  if (interaction.isModalSubmit()) return `modal:${interaction.customId.split(':').slice(0, 2).join(':')}`;
  return `type:${interaction.type}`;
}
