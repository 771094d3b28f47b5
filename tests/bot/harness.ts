/**
 * Runs the real bot (startBot: real discord.js client, real handlers) against the fake Discord
 * server, with logs captured in memory. Each test starts its own server and bot; `stopAll` ends them.
 */
import { Writable } from 'node:stream';
import { REST, Routes, type APIEmbed, type APIMessage } from 'discord.js';
import { buttonIds, buttons, modals, selects } from '../../commands/components/index.js';
import { commands, definitions, messageCommands } from '../../commands/index.js';
import type { BotEngine } from '../../src/bot/context.js';
import { startBot as startBotWith, type RunningBot, type StartBotOptions } from '../../src/bot/run.js';
import { readEnv } from '../../src/config/env.js';
import { Engine } from '../../src/engine/engine.js';
import { createLogger } from '../../src/log.js';
import { SEED_CORPUS } from '../helpers.js';
import {
  startFakeDiscord,
  type ChatInputOptions,
  type FakeDiscordOptions,
  type FakeDiscordServer,
  type FakeInteraction,
} from '../support/fake-discord.js';

/** startBot with the bot's own commands and buttons, as src/main.ts wires them. */
export function startBot(options: Omit<StartBotOptions, 'handlers'>): Promise<RunningBot> {
  return startBotWith({ ...options, handlers: { commands, messageCommands, buttons, buttonIds, selects, modals } });
}

export const TOKEN = 'test-token.abcdefghijklmnopqrstuvwxyz';

/** One JSON log line as pino writes it. */
export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface TestBot extends RunningBot {
  logs: LogLine[];
  /** Resolves with the first log line, already written or still to come, that matches. */
  waitForLog(matches: (line: LogLine) => boolean): Promise<LogLine>;
}

/** A pino destination that keeps every line in memory, and lets a test wait for one instead of sleeping. */
export function captureLogs(): Pick<TestBot, 'logs' | 'waitForLog'> & { sink: Writable } {
  const logs: LogLine[] = [];
  const waiting = new Set<{ matches: (line: LogLine) => boolean; resolve: (line: LogLine) => void }>();
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const text of chunk.toString('utf8').split('\n')) {
        if (!text.trim()) continue;
        const line = JSON.parse(text) as LogLine;
        logs.push(line);
        for (const waiter of waiting) {
          if (!waiter.matches(line)) continue;
          waiting.delete(waiter);
          waiter.resolve(line);
        }
      }
      done();
    },
  });
  const waitForLog = (matches: (line: LogLine) => boolean) => {
    const found = logs.find(matches);
    return found ? Promise.resolve(found) : new Promise<LogLine>((resolve) => waiting.add({ matches, resolve }));
  };
  return { logs, waitForLog, sink };
}

let seedEngine: Promise<Engine> | undefined;
/** The seed corpus, indexed once per test file. */
export function seed(): Promise<Engine> {
  return (seedEngine ??= Engine.load(SEED_CORPUS));
}

const running: { bots: RunningBot[]; servers: FakeDiscordServer[] } = { bots: [], servers: [] };

export async function startServer(options: FakeDiscordOptions = {}): Promise<FakeDiscordServer> {
  // A short heartbeat keeps reconnect tests fast; everything else is event-driven.
  const server = await startFakeDiscord({ heartbeatIntervalMs: 250, ...options });
  running.servers.push(server);
  // Register the real command definitions, so built interactions carry their ids and option types.
  const rest = new REST({ api: server.apiBase }).setToken(TOKEN);
  await rest.put(Routes.applicationGuildCommands(server.applicationId, server.guild.id), {
    body: definitions,
  });
  return server;
}

export async function startTestBot(
  server: FakeDiscordServer,
  { engine, env = {}, deferAfterMs }: { engine?: BotEngine; env?: Record<string, string>; deferAfterMs?: number } = {},
): Promise<TestBot> {
  const { logs, waitForLog, sink } = captureLogs();
  const config = readEnv(
    {
      DISCORD_TOKEN: TOKEN,
      DISCORD_API_URL: server.apiBase,
      CORPUS_DIR: SEED_CORPUS,
      ASK_COOLDOWN_SECONDS: '0',
      // The fake's guilds at start: the bot serves them (tests of other servers override this).
      ALLOWED_GUILD_IDS: server.guilds.map((guild) => guild.id).join(','),
      ...env,
    },
    { dotenv: false },
  );
  const bot = await startBot({
    env: config,
    engine: engine ?? (await seed()),
    log: createLogger('debug', sink),
    ...(deferAfterMs !== undefined ? { deferAfterMs } : {}),
  });
  running.bots.push(bot);
  await bot.ready;
  return Object.assign(bot, { logs, waitForLog });
}

/** For afterEach: destroys every client, then closes every server. */
export async function stopAll(): Promise<void> {
  const { bots, servers } = running;
  running.bots = [];
  running.servers = [];
  await Promise.all(bots.map((bot) => bot.stop()));
  await Promise.all(servers.map((server) => server.close()));
}

/** Sends a slash command and waits for the bot's first response to it. */
export async function command(server: FakeDiscordServer, options: ChatInputOptions) {
  const interaction = await server.sendInteraction(server.buildChatInput(options));
  return { interaction, callback: await interaction.waitForCallback() };
}

/** The single embed of a callback or message. */
type Sent = { data?: Record<string, unknown> } | APIMessage | null | undefined;

/** A callback's data, or a stored message: what the bot sent. */
function body(source: Sent): Record<string, unknown> {
  if (!source) return {};
  return 'id' in source ? (source as unknown as Record<string, unknown>) : (source.data ?? {});
}

export function embedOf(source: Sent): APIEmbed {
  const embeds = (body(source).embeds as APIEmbed[] | undefined) ?? [];
  if (embeds.length !== 1) throw new Error(`expected one embed, got ${embeds.length}`);
  return embeds[0]!;
}

/** Every embed of a callback or message, in order. */
export function embedsOf(source: Sent): APIEmbed[] {
  return (body(source).embeds as APIEmbed[] | undefined) ?? [];
}

/** The answer's own embed (the passages), the first of a reply that may carry figures under it. */
export function answerEmbedOf(source: Sent): APIEmbed {
  const [first] = embedsOf(source);
  if (!first) throw new Error('expected an answer embed, got none');
  return first;
}

/** Every text of an embed, as a user reads it. */
export function textOf(embed: APIEmbed): string {
  return [
    embed.title,
    embed.description,
    ...(embed.fields ?? []).flatMap((field) => [field.name, field.value]),
    embed.footer?.text,
  ].join('\n');
}

/** The buttons on a callback or message (not its menus: see {@link menusOf}). */
export function buttonsOf(source: Sent): { label?: string; custom_id?: string; disabled?: boolean }[] {
  const rows = (body(source).components ?? []) as {
    components: { type?: number; label?: string; custom_id?: string; disabled?: boolean }[];
  }[];
  return rows
    .flatMap((row) => row.components)
    .filter((component) => component.type === undefined || component.type === 2);
}

/** A select menu as sent. */
export interface SentMenu {
  type: number;
  custom_id: string;
  placeholder?: string;
  options: { label: string; value: string; description?: string }[];
}

/** The string select menus on a callback or message. */
export function menusOf(source: Sent): SentMenu[] {
  const rows = (body(source).components ?? []) as { components: SentMenu[] }[];
  return rows.flatMap((row) => row.components).filter((component) => component.type === 3);
}

/** The PATCH of `@original` (an edit after a deferral) for an interaction. */
export function originalEdit(server: FakeDiscordServer, interaction: FakeInteraction) {
  return server.waitForRequest(
    (request) =>
      request.method === 'PATCH' &&
      request.path === Routes.webhookMessage(server.applicationId, interaction.token, '@original'),
  );
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
