/**
 * A Discord-compatible server on 127.0.0.1 for end-to-end tests: the real discord.js
 * `Client` / `REST` log in against it (REST under `/api/v10`, gateway over WebSocket on the
 * same port) and the test drives interactions and faults from the outside.
 *
 *   const server = await startFakeDiscord({ heartbeatIntervalMs: 500 });
 *   const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: server.apiBase } });
 *   await client.login('any-token');
 *   const interaction = await server.sendInteraction(server.buildChatInput({ name: 'ask', options: { q: 'hi' } }));
 *   const callback = await interaction.waitForCallback();
 *
 * Implementation lives in ./fake-discord/*.ts; this file wires it together.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type {
  APIApplication,
  APIApplicationCommand,
  APIApplicationCommandAutocompleteGuildInteraction,
  APIChatInputApplicationCommandGuildInteraction,
  APIMessage,
  APIUser,
  GatewayIdentifyData,
  GatewayResumeData,
} from 'discord.js';
import {
  makeApplication,
  makeBotUser,
  makeGuild,
  makeUser,
  type FakeGuild,
  type FakeGuildSpec,
} from './fake-discord/fixtures.js';
import { FakeGateway } from './fake-discord/gateway.js';
import { snowflake } from './fake-discord/ids.js';
import { FakeInteraction } from './fake-discord/interaction.js';
import {
  buildAutocompleteInteraction,
  buildButtonInteraction,
  buildChatInputInteraction,
  buildMessageCommandInteraction,
  buildModalSubmitInteraction,
  type APIButtonGuildInteraction,
  type APIModalSubmitGuildInteraction,
  type MessageCommandOptions,
  type ModalSubmitOptions,
  type AutocompleteOptions,
  type ButtonOptions,
  type ChatInputOptions,
  type FakeInteractionPayload,
  type InteractionContext,
} from './fake-discord/payloads.js';
import { FakeRest } from './fake-discord/rest.js';
import type { FaultHandle, FaultSpec, RecordedRequest, RequestPredicate } from './fake-discord/types.js';

export type { AcceptedCallback } from './fake-discord/interaction.js';
export { FakeInteraction } from './fake-discord/interaction.js';
export type { FakeChannelSpec, FakeGuild, FakeGuildSpec } from './fake-discord/fixtures.js';
export type { GatewayConnectionRecord, GatewayReceived } from './fake-discord/gateway.js';
export type {
  APIButtonGuildInteraction,
  AutocompleteOptions,
  BaseInteractionOptions,
  AttachmentSpec,
  ButtonOptions,
  ChatInputOptions,
  CommandOptionsInput,
  MessageCommandOptions,
  CommandOptionValue,
  FakeInteractionPayload,
  InteractionContext,
  APIModalSubmitGuildInteraction,
  ModalSubmitOptions,
} from './fake-discord/payloads.js';
export {
  buildAutocompleteInteraction,
  buildButtonInteraction,
  buildChatInputInteraction,
  buildModalSubmitInteraction,
} from './fake-discord/payloads.js';
export type { FaultHandle, FaultSpec, RecordedFile, RecordedRequest, RequestPredicate } from './fake-discord/types.js';
export type { DiscordErrorBody, DiscordErrorTree } from './fake-discord/validate.js';
export { LIMITS as DISCORD_LIMITS } from './fake-discord/validate.js';

export interface FakeDiscordOptions {
  /** HELLO `heartbeat_interval` in ms (Discord: 41250). Lower it so zombie detection is fast. */
  heartbeatIntervalMs?: number;
  /** When set, only this bot token is accepted (REST 401 / gateway 4004 otherwise). Default: any token. */
  token?: string;
  /** Guilds the bot is in (GUILD_CREATE on identify). Default: one guild with `#general`. */
  guilds?: FakeGuildSpec[];
  /** Overrides for the bot user (e.g. a fixed `id`). */
  botUser?: Partial<APIUser>;
  applicationId?: string;
  /** Overrides for the default interaction user. */
  user?: Partial<APIUser>;
  /**
   * Discord allows 3s for the initial response; set this to enforce such a deadline (10062 after it).
   * Default: no deadline (slow CI should not flake), use `interaction.expire()` to test expiry.
   */
  ackDeadlineMs?: number | null;
  /** Close with 4014 when the bot asks for privileged intents it "was not granted". Default false. */
  rejectPrivilegedIntents?: boolean;
  /** Default timeout of the `waitFor*` helpers (ms). Default 5000. */
  defaultTimeoutMs?: number;
}

export interface SendInteractionOptions {
  /** Wait for a READY/RESUMED session before dispatching (default true). False: dispatch into the session log (replayed on RESUME). */
  waitForReady?: boolean;
  timeoutMs?: number;
}

export interface FakeDiscordServer {
  /** `http://127.0.0.1:PORT` */
  readonly url: string;
  /** `${url}/api` — pass as `rest: { api }`; discord.js appends `/v10`. */
  readonly apiBase: string;
  /** `ws://127.0.0.1:PORT` — what `/gateway/bot` advertises. */
  readonly gatewayUrl: string;
  readonly bot: APIUser;
  readonly application: APIApplication;
  readonly applicationId: string;
  /** The guilds the bot is in now (one it leaves is removed, one added with `addGuild` appended). */
  readonly guilds: readonly FakeGuild[];
  /** Guilds the bot left with `DELETE /users/@me/guilds/:id`, in order. */
  readonly leftGuilds: readonly FakeGuild[];
  /** First configured guild and its first text channel (what builders default to). */
  readonly guild: FakeGuild;
  readonly channelId: string;
  /** The default invoking user of built interactions. */
  readonly user: APIUser;
  /** Every HTTP request received, in order. */
  readonly requests: readonly RecordedRequest[];
  /** Messages posted with `POST /channels/:id/messages`. */
  readonly channelMessages: readonly APIMessage[];
  /** The gateway internals for detailed assertions (identifies, resumes, connections, received ops). */
  readonly gateway: FakeGateway;
  readonly identifyCount: number;
  readonly resumeCount: number;

  /** Resolves with the first answered request matching `predicate` (already-answered ones included). */
  waitForRequest(predicate: RequestPredicate, timeoutMs?: number): Promise<RecordedRequest>;
  /** Forgets recorded requests (not state). */
  clearRequests(): void;

  /** Makes the next `times` requests matching the spec fail (429/5xx/any status) or be delayed. */
  failNext(spec: FaultSpec): FaultHandle;
  /** Sugar: `times` 429s with `retryAfter` seconds on `path` (default global=false). */
  rateLimitNext(path: string | RegExp, opts?: Omit<FaultSpec, 'path' | 'status'>): FaultHandle;
  /** Sugar: `times` 500s on `path`. @discordjs/rest retries 5xx up to 3 times before throwing HTTPError. */
  serverErrorNext(path: string | RegExp, opts?: Omit<FaultSpec, 'path'>): FaultHandle;
  clearFaults(): void;

  /** Stored application commands: global when `guildId` is omitted. */
  getCommands(guildId?: string): APIApplicationCommand[];

  /** Slash command (interaction type 2) from the default user in the default channel. */
  buildChatInput(opts: ChatInputOptions): APIChatInputApplicationCommandGuildInteraction;
  /** Autocomplete request (type 4) with one focused option. */
  buildAutocomplete(opts: AutocompleteOptions): APIApplicationCommandAutocompleteGuildInteraction;
  /** Button click (type 3, component_type 2) on `opts.message` or a synthesized bot message. */
  buildButtonClick(opts: ButtonOptions): APIButtonGuildInteraction;
  /** A choice in a string select menu (type 3, component_type 3, `data.values`) on `opts.message`. */
  buildSelect(opts: ButtonOptions & { values: string[] }): APIButtonGuildInteraction;
  /** A message context-menu command (right-click a message → Apps) on a member's message. */
  buildMessageCommand(opts: MessageCommandOptions): FakeInteractionPayload;
  /** A modal submitted (type 5) with its text inputs' values, from the form a button of `opts.message` opened. */
  buildModalSubmit(opts: ModalSubmitOptions): APIModalSubmitGuildInteraction;
  /** Registers the interaction (so its token works) and dispatches INTERACTION_CREATE. */
  sendInteraction(payload: FakeInteractionPayload, opts?: SendInteractionOptions): Promise<FakeInteraction>;
  getInteraction(id: string): FakeInteraction | undefined;
  /** The bot is added to a new guild (someone invited it): GUILD_CREATE on the current session. */
  addGuild(spec?: FakeGuildSpec): FakeGuild;
  /** Generic dispatch (op 0) on the current session. */
  dispatch(event: string, data: unknown): void;

  waitForReady(timeoutMs?: number): Promise<void>;
  /** Waits until `count` IDENTIFYs happened in total (default: one more than now). */
  waitForIdentify(opts?: { count?: number; timeoutMs?: number }): Promise<GatewayIdentifyData>;
  waitForResume(opts?: { count?: number; timeoutMs?: number }): Promise<GatewayResumeData>;
  closeGateway(code?: number, reason?: string): void;
  stopHeartbeatAcks(): void;
  resumeHeartbeatAcks(): void;
  sendReconnect(): void;
  sendInvalidSession(resumable: boolean): void;

  close(): Promise<void>;
}

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscordServer> {
  const timeout = options.defaultTimeoutMs ?? 5000;
  const bot = makeBotUser(options.botUser);
  const applicationId = options.applicationId ?? bot.id;
  const application = makeApplication(applicationId, bot);
  const joinedAt = Date.now() - 7 * 86_400_000;
  const guilds = (options.guilds ?? [{}]).map((spec) => makeGuild(spec, bot, joinedAt));
  const guild = guilds[0];
  if (!guild?.channels[0]) throw new Error('fake-discord: need at least one guild with one channel');
  const user = makeUser({ username: 'tester', global_name: 'Tester', ...options.user });

  let port = 0;
  const httpUrl = () => `http://127.0.0.1:${port}`;
  const wsUrl = () => `ws://127.0.0.1:${port}`;

  const gateway = new FakeGateway({
    heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
    token: options.token,
    rejectPrivilegedIntents: options.rejectPrivilegedIntents ?? false,
    bot,
    application,
    guilds,
    wsUrl,
  });
  const commands = new Map<string, APIApplicationCommand[]>();
  const interactionsById = new Map<string, FakeInteraction>();
  const interactionsByToken = new Map<string, FakeInteraction>();
  const channelMessages: APIMessage[] = [];
  const leftGuilds: FakeGuild[] = [];
  const rest = new FakeRest({
    token: options.token,
    ackDeadlineMs: options.ackDeadlineMs ?? null,
    bot,
    application,
    guilds,
    leftGuilds,
    gateway,
    httpUrl,
    wsUrl,
    commands,
    interactionsById,
    interactionsByToken,
    channelMessages,
  });

  const http: Server = createServer((req, res) => {
    void rest.handle(req, res);
  });
  http.on('upgrade', (req, socket, head) => gateway.handleUpgrade(req, socket, head));
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(0, '127.0.0.1', () => resolve());
  });
  port = (http.address() as AddressInfo).port;

  const ctx: InteractionContext = {
    applicationId,
    bot,
    guild,
    user,
    findCommand: (name, guildId, type = 1) =>
      (commands.get(guildId) ?? []).find((c) => c.name === name && c.type === type) ??
      (commands.get('global') ?? []).find((c) => c.name === name && c.type === type),
  };
  let closed = false;

  const server: FakeDiscordServer = {
    url: httpUrl(),
    apiBase: `${httpUrl()}/api`,
    gatewayUrl: wsUrl(),
    bot,
    application,
    applicationId,
    guilds,
    leftGuilds,
    guild,
    channelId: guild.channels[0].id,
    user,
    get requests() {
      return rest.requests;
    },
    channelMessages,
    gateway,
    get identifyCount() {
      return gateway.identifyCount;
    },
    get resumeCount() {
      return gateway.resumeCount;
    },

    waitForRequest: (predicate, timeoutMs = timeout) => rest.waitForRequest(predicate, timeoutMs),
    clearRequests: () => {
      rest.requests.length = 0;
    },
    failNext: (spec) => rest.inject(spec),
    rateLimitNext: (path, opts = {}) => rest.inject({ ...opts, path, status: 429 }),
    serverErrorNext: (path, opts = {}) => rest.inject({ status: 500, ...opts, path }),
    clearFaults: () => rest.clearFaults(),

    getCommands: (guildId) => commands.get(guildId ?? 'global') ?? [],

    buildChatInput: (opts) => buildChatInputInteraction(ctx, opts),
    buildAutocomplete: (opts) => buildAutocompleteInteraction(ctx, opts),
    buildButtonClick: (opts) => buildButtonInteraction(ctx, opts),
    buildSelect: (opts) => buildButtonInteraction(ctx, opts),
    buildMessageCommand: (opts) => buildMessageCommandInteraction(ctx, opts),
    buildModalSubmit: (opts) => buildModalSubmitInteraction(ctx, opts),
    async sendInteraction(payload, opts = {}) {
      if (interactionsById.has(payload.id)) throw new Error(`fake-discord: interaction ${payload.id} was already sent`);
      if (opts.waitForReady ?? true) await gateway.waitForReady(opts.timeoutMs ?? timeout);
      // Register before dispatching: the bot may answer before this function returns.
      const interaction = new FakeInteraction(payload);
      interactionsById.set(payload.id, interaction);
      interactionsByToken.set(payload.token, interaction);
      gateway.dispatch('INTERACTION_CREATE', payload);
      return interaction;
    },
    getInteraction: (id) => interactionsById.get(id),
    addGuild(spec = {}) {
      const added = makeGuild({ name: 'Another Server', ...spec }, bot, Date.now());
      guilds.push(added);
      gateway.dispatch('GUILD_CREATE', added.create);
      return added;
    },
    dispatch: (event, data) => {
      gateway.dispatch(event, data);
    },

    waitForReady: async (timeoutMs = timeout) => {
      await gateway.waitForReady(timeoutMs);
    },
    waitForIdentify: ({ count, timeoutMs } = {}) =>
      gateway.waitForIdentify(count ?? gateway.identifyCount + 1, timeoutMs ?? timeout),
    waitForResume: ({ count, timeoutMs } = {}) =>
      gateway.waitForResume(count ?? gateway.resumeCount + 1, timeoutMs ?? timeout),
    closeGateway: (code, reason) => gateway.closeGateway(code, reason),
    stopHeartbeatAcks: () => gateway.stopHeartbeatAcks(),
    resumeHeartbeatAcks: () => gateway.resumeHeartbeatAcks(),
    sendReconnect: () => gateway.sendReconnect(),
    sendInvalidSession: (resumable) => gateway.sendInvalidSession(resumable),

    async close() {
      if (closed) return;
      closed = true;
      const error = new Error('fake-discord closed');
      gateway.close();
      rest.close();
      for (const interaction of interactionsById.values()) interaction.dispose(error);
      await new Promise<void>((resolve) => {
        http.close(() => resolve());
        // Keep-alive sockets from undici would otherwise hold close() open.
        http.closeAllConnections();
      });
    },
  };
  return server;
}

/** Re-exported for tests that need unique ids in hand-built payloads. */
export { snowflake };
