import { CorpusUnreadableError } from './corpus/load.js';
import { readEnvOrReport } from './config/env.js';
import { runConsole } from './console/console.js';
import { LiveEngine } from './engine/live.js';
import { terminalStyle } from './render/terminal.js';

/** `npm start`: the Discord bot when DISCORD_TOKEN is set, the offline console otherwise. */
async function main(): Promise<number> {
  const env = readEnvOrReport();
  if (!env) return 1;
  if (env.DISCORD_TOKEN) {
    const [{ runBot }, { commands, messageCommands }, { buttons, buttonIds, selects, modals }] = await Promise.all([
      import('./bot/run.js'),
      import('../commands/index.js'),
      import('../commands/components/index.js'),
    ]);
    return runBot(env, { commands, messageCommands, buttons, buttonIds, selects, modals });
  }

  // Not watched (the console answers one person, who reloads by restarting), but reloaded in place by /add.
  let live: LiveEngine;
  try {
    live = await LiveEngine.start(env.CORPUS_DIR, { watch: false });
  } catch (error) {
    if (error instanceof CorpusUnreadableError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const engine = live.current();
  process.stderr.write(`${engine.summary()}\n`);
  await runConsole(engine, process.stdin, process.stdout, terminalStyle(process.stdout), {
    target: live,
    fetch: { allowHosts: env.FETCH_ALLOW_HOSTS },
  });
  live.close();
  return 0;
}

process.exitCode = await main();
