import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputCommandInteraction,
  MessageContextMenuCommandInteraction,
  ModalSubmitInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
  RESTPostAPIContextMenuApplicationCommandsJSONBody,
  StringSelectMenuInteraction,
} from 'discord.js';
import type { ButtonIds } from '../render/discordMessage.js';
import type { BotContext } from './context.js';

/** One slash command: its definition as registered with Discord, and what it does. */
export interface Command {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, context: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>;
}

/** One message context-menu command (right-click a message → Apps): its definition and what it does. */
export interface MessageCommand {
  data: RESTPostAPIContextMenuApplicationCommandsJSONBody;
  execute(interaction: MessageContextMenuCommandInteraction, context: BotContext): Promise<void>;
}

/**
 * One kind of button: the module that builds its custom id also reads it back (`parse`), then acts
 * on the click (`run`), as Sapphire's interaction handlers do. Ids outlive the process (they sit on
 * posted messages), so a kind's id format never changes.
 */
export interface ButtonHandler<Data = unknown> {
  /** What the click asks for, read from the custom id; null when the id is not this kind's. */
  parse(customId: string): Data | null;
  run(interaction: ButtonInteraction, data: Data, context: BotContext): Promise<void>;
}

/** One kind of select menu, as {@link ButtonHandler}: the id names the menu, the choice is in `interaction.values`. */
export interface SelectHandler<Data = unknown> {
  parse(customId: string): Data | null;
  run(interaction: StringSelectMenuInteraction, data: Data, context: BotContext): Promise<void>;
}

/** One kind of modal (a form a button opened), as {@link ButtonHandler}: the id names the form, the answers are in `interaction.fields`. */
export interface ModalHandler<Data = unknown> {
  parse(customId: string): Data | null;
  run(interaction: ModalSubmitInteraction, data: Data, context: BotContext): Promise<void>;
}

/** What the bot answers with, given by the composition root: src/bot itself knows no command or button. */
export interface Handlers {
  /** Every slash command, in the order Discord lists them. */
  commands: readonly Command[];
  /** Every message context-menu command ("Add to Crosscheck"). */
  messageCommands?: readonly MessageCommand[];
  /** Every kind of button; a click goes to the first whose `parse` accepts its id. */
  buttons: readonly ButtonHandler[];
  /** Every kind of select menu; a choice goes to the first whose `parse` accepts its id. */
  selects?: readonly SelectHandler[];
  /** Every kind of modal; a form sent goes to the first whose `parse` accepts its id. */
  modals?: readonly ModalHandler[];
  /** The ids those buttons' modules build, for the renderers (which own none). */
  buttonIds: ButtonIds;
}
