import { CorpusUnreadableError } from './corpus/load.js';
import { readEnvOrReport } from './config/env.js';
import { runConsole } from './console/console.js';
import { Engine } from './engine/engine.js';
import { terminalStyle } from './render/terminal.js';

/** `npm start`: the Discord bot when DISCORD_TOKEN is set, the offline console otherwise. */
async function main(): Promise<number> {
  const env = readEnvOrReport();
  if (!env) return 1;
  if (env.DISCORD_TOKEN) {
    const [{ runBot }, { commands }, { buttons, buttonIds, selects, modals }] = await Promise.all([
      import('./bot/run.js'),
      import('../commands/index.js'),
      import('../commands/components/index.js'),
    ]);
    return runBot(env, { commands, buttons, buttonIds, selects, modals });
  }

  let engine: Engine;
  try {
    engine = await Engine.load(env.CORPUS_DIR);
  } catch (error) {
    if (error instanceof CorpusUnreadableError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  process.stderr.write(`${engine.summary()}\n`);
  await runConsole(engine, process.stdin, process.stdout, terminalStyle(process.stdout));
  return 0;
}

process.exitCode = await main();
