import { serverOnly } from '../src/bot/guilds.js';
import type { Command, MessageCommand } from '../src/bot/handlers.js';
import { add } from './add.js';
import { addFromMessage } from './addFromMessage.js';
import { ask } from './ask.js';
import { figures } from './figures.js';
import { help } from './help.js';
import { reload } from './reload.js';
import { remove } from './remove.js';
import { source } from './source.js';
import { sources } from './sources.js';
import { watch } from './watch.js';

/**
 * Every slash command of the bot, in the order Discord lists them; each registered for servers only
 * (no DMs, no user installs), whatever its own definition says.
 */
export const commands: readonly Command[] = [ask, sources, source, figures, help, reload, watch, add, remove].map(
  (command): Command => ({ ...command, data: serverOnly(command.data) }),
);

/** The message context-menu commands (right-click a message → Apps), servers only too. */
export const messageCommands: readonly MessageCommand[] = [addFromMessage].map(
  (command): MessageCommand => ({ ...command, data: serverOnly(command.data) }),
);

/** Every definition registered with Discord: the slash commands, then the context-menu ones. */
export const definitions = [...commands, ...messageCommands].map((command) => command.data);
