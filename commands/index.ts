import { serverOnly } from '../src/bot/guilds.js';
import type { Command } from '../src/bot/handlers.js';
import { ask } from './ask.js';
import { figures } from './figures.js';
import { help } from './help.js';
import { reload } from './reload.js';
import { source } from './source.js';
import { sources } from './sources.js';
import { watch } from './watch.js';

/**
 * Every slash command of the bot, in the order Discord lists them; each registered for servers only
 * (no DMs, no user installs), whatever its own definition says.
 */
export const commands: readonly Command[] = [ask, sources, source, figures, help, reload, watch].map(
  (command): Command => ({ ...command, data: serverOnly(command.data) }),
);
