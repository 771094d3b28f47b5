import { createInterface } from 'node:readline';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { addArticle, removeArticle, type AddOptions, type AddSource, type AddTarget } from '../engine/add.js';
import type { Engine } from '../engine/engine.js';
import { renderAddedText, renderRemovedText } from '../render/added.js';
import { figureTopics } from '../model/categories.js';
import { MAX_LIMIT } from '../engine/types.js';
import { renderAnswer, renderFigures, renderSource, renderSources, type TerminalStyle } from '../render/terminal.js';
import { languageLabel } from '../render/text.js';

export const CONSOLE_HELP = `Commands (the same as the bot's):
  /ask <question> [--limit N]   cited passages that answer, e.g. /ask how many killed
  /sources                      every article, its publisher, date and language
  /source <id>                  one article and its passages (an id prefix such as 004 is enough)
  /figures [category]           figures side by side: who says what, as of when, and whether they disagree
  /add <url | file>             add an article (a link, or a .md, .txt, .html or .pdf file) and see what it changes
  /remove <id>                  move an added article (added/…) to .removed/ in the corpus folder
  /help                         this help
  /quit                         leave (or Ctrl-D)
A line without a leading / is asked as a question.`;

/** The reply to one console line, and whether the console should close after it. */
export interface ConsoleReply {
  text: string;
  quit?: boolean;
}

/** Runs one console command against the engine. Never throws for anything a user can type. */
export function runConsoleCommand(engine: Engine, line: string, style: TerminalStyle): ConsoleReply {
  const trimmed = line.trim();
  if (!trimmed) return { text: '' };
  const match = /^\/(\S+)\s*([\s\S]*)$/.exec(trimmed);
  const [command, rest] = match ? [match[1]!.toLowerCase(), match[2]!.trim()] : ['ask', trimmed];

  switch (command) {
    case 'ask': {
      const limitMatch = /(?:^|\s)--limit[ =](\S+)\s*$/.exec(rest);
      const question = limitMatch ? rest.slice(0, limitMatch.index).trim() : rest;
      let limit: number | undefined;
      if (limitMatch) {
        limit = Number(limitMatch[1]);
        if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
          return { text: `--limit must be a whole number from 1 to ${MAX_LIMIT}.` };
        }
      }
      return { text: renderAnswer(engine.ask(question, limit ? { limit } : {}), style) };
    }
    case 'sources':
      return { text: renderSources(engine.sources(), style) };
    case 'source': {
      if (!rest) return { text: 'Which article? /source <id>; /sources lists them.' };
      const source = engine.source(rest);
      if (source) return { text: renderSource(source, style) };
      const close = engine.matchArticles(rest).map((article) => article.id);
      return {
        text:
          close.length > 1
            ? `"${rest}" matches several articles: ${close.join(', ')}`
            : `No article "${rest}". /sources lists them.`,
      };
    }
    case 'figures': {
      const topic = rest.toLowerCase();
      if (topic && !figureTopics().includes(topic))
        return { text: `Unknown category "${rest}". Use one of: ${figureTopics().join(', ')}` };
      return { text: renderFigures(engine.figures(topic || undefined), style) };
    }
    case 'help':
      return { text: `${describeCorpus(engine)}\n\n${CONSOLE_HELP}` };
    case 'quit':
    case 'exit':
      return { text: '', quit: true };
    default:
      return { text: `Unknown command /${command}. ${CONSOLE_HELP}` };
  }
}

function describeCorpus(engine: Engine): string {
  const { articles, passages, languages, indexedAt } = engine.stats();
  const named = [...new Set(languages.map(languageLabel))].join(', ');
  return `Crosscheck knows ${plural(articles, 'article')} (${plural(passages, 'passage')}) in ${named || 'no language'}; indexed ${indexedAt.toISOString()}.`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Adding from the console: the corpus folder the engine was loaded from, reloaded in place. */
export interface ConsoleAdding {
  target: AddTarget;
  fetch?: AddOptions['fetch'];
}

/** `/add <url|file>` and `/remove <id>`: the pipeline the bot and the CLI share. Null for any other line. */
export async function runConsoleAdd(line: string, adding: ConsoleAdding | undefined): Promise<ConsoleReply | null> {
  const match = /^\/(add|remove)(?:\s+([\s\S]*))?$/i.exec(line.trim());
  if (!match) return null;
  const [command, rest = ''] = [match[1]!.toLowerCase(), match[2]?.trim() ?? ''];
  if (!adding) return { text: 'This console serves a fixed index: there is no corpus folder to change.' };
  if (command === 'remove') {
    if (!rest) return { text: 'Which article? /remove added/<id>; /sources lists them.' };
    return { text: renderRemovedText(await removeArticle(adding.target, rest)) };
  }
  if (!rest) return { text: 'What to add? /add https://news.example/story, or /add path/to/article.pdf' };
  let source: AddSource;
  if (/^https?:\/\//i.test(rest)) source = { url: rest };
  else {
    const file = rest.replace(/^(["'])(.*)\1$/, '$2');
    if (!existsSync(file)) return { text: `No such file: ${file}` };
    source = { fileName: path.basename(file), bytes: await readFile(file) };
  }
  const outcome = await addArticle(adding.target, source, {
    addedBy: null,
    via: 'url' in source ? 'url' : 'file',
    ...(adding.fetch ? { fetch: adding.fetch } : {}),
  });
  return { text: renderAddedText(outcome, rest) };
}

/**
 * The offline console. On a terminal it prompts; otherwise it reads one command per line and
 * exits at end of input, so `echo "/ask how many killed" | npm start` works in scripts.
 */
export async function runConsole(
  engine: Engine,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream & { isTTY?: boolean },
  style: TerminalStyle,
  adding?: ConsoleAdding,
): Promise<void> {
  const interactive = Boolean((input as { isTTY?: boolean }).isTTY) && Boolean(output.isTTY);
  const lines = createInterface({ input, output: interactive ? output : undefined, terminal: interactive });
  if (interactive) {
    output.write(`${describeCorpus(engine)}\nType /help for commands, /quit to leave.\n`);
    lines.setPrompt('crosscheck> ');
    lines.prompt();
  }
  for await (const line of lines) {
    let reply: ConsoleReply;
    try {
      // After an /add the folder's engine is a new one: every line asks the current one.
      reply = (await runConsoleAdd(line, adding)) ?? runConsoleCommand(adding?.target.current() ?? engine, line, style);
    } catch (error) {
      // A bug in one command must not end the session: say so, keep the console open.
      reply = { text: `Something went wrong answering that: ${(error as Error).message}` };
    }
    if (reply.text) output.write(`${reply.text}\n${interactive ? '' : '\n'}`);
    if (reply.quit) break;
    if (interactive) lines.prompt();
  }
  lines.close();
}
