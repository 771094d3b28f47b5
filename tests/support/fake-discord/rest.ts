/**
 * The HTTP half of the fake: Discord's REST API v10 as far as a slash-command bot uses it.
 * Every request is recorded before routing; injected faults are applied before routes.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  type APIApplication,
  type APIApplicationCommand,
  type APIAttachment,
  type APIMessage,
  type APIUser,
  type RESTPostAPIInteractionCallbackWithResponseResult,
} from 'discord.js';
import type { FakeGuild, MessageBody } from './fixtures.js';
import { makeBotMessage } from './fixtures.js';
import type { FakeGateway } from './gateway.js';
import { isoNow, snowflake } from './ids.js';
import type { FakeInteraction } from './interaction.js';
import { Signal } from './signal.js';
import type { FaultHandle, FaultSpec, RecordedFile, RecordedRequest, RequestPredicate } from './types.js';
import {
  FormErrors,
  isEmptyMessage,
  validateAutocompleteChoices,
  validateCommands,
  validateMessageBody,
  validateModal,
  type DiscordErrorBody,
} from './validate.js';

export const API_PREFIX = '/api/v10';

/** What the REST layer needs from the server object. */
export interface RestState {
  token?: string;
  ackDeadlineMs: number | null;
  bot: APIUser;
  application: APIApplication;
  guilds: FakeGuild[];
  /** Guilds the bot left (`DELETE /users/@me/guilds/:id`), in order. */
  leftGuilds: FakeGuild[];
  gateway: FakeGateway;
  httpUrl: () => string;
  wsUrl: () => string;
  /** Keyed by `"global"` or a guild id. */
  commands: Map<string, APIApplicationCommand[]>;
  interactionsById: Map<string, FakeInteraction>;
  interactionsByToken: Map<string, FakeInteraction>;
  channelMessages: APIMessage[];
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

interface RouteContext {
  request: RecordedRequest;
  params: Record<string, string>;
}

interface Route {
  method: string;
  pattern: RegExp;
  keys: string[];
  /** Interaction callbacks and webhook-token routes are unauthenticated on Discord. */
  auth: boolean;
  handler: (ctx: RouteContext) => Reply;
}

const error = (status: number, code: number, message: string): Reply => ({ status, body: { code, message } });
const json = (body: unknown, status = 200): Reply => ({ status, body });
const noContent = (): Reply => ({ status: 204 });

const ERR = {
  unauthorized: () => error(401, 0, '401: Unauthorized'),
  notFound: () => error(404, 0, '404: Not Found'),
  missingAccess: () => error(403, 50001, 'Missing Access'),
  unknownInteraction: () => error(404, 10062, 'Unknown interaction'),
  alreadyAcknowledged: () => error(400, 40060, 'Interaction has already been acknowledged.'),
  unknownWebhook: () => error(404, 10015, 'Unknown Webhook'),
  invalidWebhookToken: () => error(401, 50027, 'Invalid Webhook Token'),
  unknownMessage: () => error(404, 10008, 'Unknown Message'),
  unknownChannel: () => error(404, 10003, 'Unknown Channel'),
  unknownGuild: () => error(404, 10004, 'Unknown Guild'),
  emptyMessage: () => error(400, 50006, 'Cannot send an empty message'),
  invalidForm: (body: DiscordErrorBody): Reply => ({ status: 400, body }),
};

/** `/interactions/:id/:token/callback` → anchored RegExp with named keys. */
function compile(path: string): { pattern: RegExp; keys: string[] } {
  const keys: string[] = [];
  const source = path
    .split('/')
    .map((segment) => {
      if (segment.startsWith(':')) {
        keys.push(segment.slice(1));
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { pattern: new RegExp(`^${source}$`), keys };
}

function decodePath(path: string): string {
  return path
    .split('/')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    })
    .join('/');
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Only these message flags can be set on create by a bot / toggled on edit. */
const CREATE_FLAGS =
  MessageFlags.Ephemeral |
  MessageFlags.SuppressEmbeds |
  MessageFlags.SuppressNotifications |
  MessageFlags.IsComponentsV2;
const EDIT_FLAGS = MessageFlags.SuppressEmbeds | MessageFlags.IsComponentsV2;

class Fault implements FaultHandle {
  remaining: number;
  readonly hits: RecordedRequest[] = [];
  private readonly matcher: RegExp;

  constructor(readonly spec: FaultSpec) {
    this.remaining = spec.times ?? 1;
    this.matcher = typeof spec.path === 'string' ? compile(spec.path).pattern : spec.path;
  }

  matches(request: RecordedRequest): boolean {
    if (this.remaining <= 0) return false;
    if (this.spec.method && this.spec.method.toUpperCase() !== request.method) return false;
    // Accept patterns written either way: `/users/@me` or Routes' encoded `/users/%40me`.
    return this.matcher.test(request.path) || this.matcher.test(decodePath(request.path));
  }

  cancel(): void {
    this.remaining = 0;
  }
}

export class FakeRest {
  readonly requests: RecordedRequest[] = [];
  private readonly faults: Fault[] = [];
  private readonly completed = new Signal<RecordedRequest>();
  private readonly routes: Route[] = [];
  private seq = 0;

  constructor(private readonly state: RestState) {
    this.registerRoutes();
  }

  inject(spec: FaultSpec): FaultHandle {
    const fault = new Fault(spec);
    this.faults.push(fault);
    return fault;
  }

  clearFaults(): void {
    for (const f of this.faults) f.cancel();
    this.faults.length = 0;
  }

  /** Resolves with the first *answered* request matching `predicate`, including ones already answered. */
  waitForRequest(predicate: RequestPredicate, timeoutMs: number): Promise<RecordedRequest> {
    const existing = this.requests.find((r) => r.status !== undefined && predicate(r));
    if (existing) return Promise.resolve(existing);
    return this.completed.wait(predicate, timeoutMs, () => {
      const recent = this.requests
        .slice(-8)
        .map((r) => `${r.method} ${r.path} → ${r.status ?? 'pending'}`)
        .join('; ');
      return `a matching request (recent: ${recent || 'none'})`;
    });
  }

  close(): void {
    this.completed.rejectAll(new Error('fake-discord closed'));
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
    }
    const { body, files } = await parseBody(raw, headers['content-type']);
    const rawPath = url.pathname;
    const request: RecordedRequest = {
      seq: ++this.seq,
      method: (req.method ?? 'GET').toUpperCase(),
      path: rawPath.startsWith(`${API_PREFIX}/`) ? rawPath.slice(API_PREFIX.length) : rawPath,
      rawPath,
      query: Object.fromEntries(url.searchParams),
      headers,
      body,
      files,
      at: Date.now(),
    };
    this.requests.push(request);

    let reply: Reply;
    try {
      reply = await this.dispatch(request);
    } catch (err) {
      // A bug in the fake must not look like a Discord outage; make it loud.
      console.error('fake-discord: route handler crashed', err);
      reply = error(500, 0, `fake-discord internal error: ${String(err)}`);
    }
    this.respond(res, request, reply);
  }

  private async dispatch(request: RecordedRequest): Promise<Reply> {
    const fault = this.faults.find((f) => f.matches(request));
    if (fault) {
      fault.remaining--;
      fault.hits.push(request);
      if (fault.spec.delayMs) await sleep(fault.spec.delayMs);
      if (fault.spec.status !== undefined) return faultReply(fault.spec);
    }
    if (!request.rawPath.startsWith(`${API_PREFIX}/`)) return ERR.notFound();
    // discord.js' Routes percent-encode segments (`@me` → `%40me`); route on the decoded form.
    const path = decodePath(request.path);
    for (const route of this.routes) {
      if (route.method !== request.method) continue;
      const m = route.pattern.exec(path);
      if (!m) continue;
      if (route.auth && !this.authorized(request)) return ERR.unauthorized();
      const params = Object.fromEntries(route.keys.map((k, i) => [k, m[i + 1]!]));
      return route.handler({ request, params });
    }
    return ERR.notFound();
  }

  private authorized(request: RecordedRequest): boolean {
    const match = /^Bot (\S+)$/.exec(request.headers.authorization ?? '');
    return !!match && (this.state.token === undefined || match[1] === this.state.token);
  }

  private respond(res: ServerResponse, request: RecordedRequest, reply: Reply): void {
    const headers: Record<string, string> = { ...reply.headers };
    let payload = '';
    if (reply.status !== 204 && reply.body !== undefined) {
      payload = JSON.stringify(reply.body);
      // @discordjs/rest only parses JSON when Content-Type says so.
      headers['content-type'] = 'application/json';
    }
    request.status = reply.status;
    request.responseBody = reply.body;
    request.respondedAt = Date.now();
    res.writeHead(reply.status, headers);
    res.end(payload);
    this.completed.emit(request);
  }

  private route(method: string, path: string, auth: boolean, handler: Route['handler']): void {
    this.routes.push({ method, ...compile(path), auth, handler });
  }

  private registerRoutes(): void {
    const s = this.state;

    this.route('GET', '/gateway', false, () => json({ url: s.wsUrl() }));
    this.route('GET', '/gateway/bot', true, () =>
      json({
        url: s.wsUrl(),
        shards: 1,
        session_start_limit: {
          total: 1000,
          remaining: Math.max(0, 1000 - s.gateway.identifyCount),
          reset_after: 14_400_000,
          max_concurrency: 1,
        },
      }),
    );
    this.route('GET', '/users/@me', true, () => json(s.bot));
    this.route('GET', '/applications/@me', true, () => json(s.application));
    this.route('GET', '/oauth2/applications/@me', true, () => json(s.application));

    // Application commands: bulk overwrite + list, global and per guild.
    const commandScope = (params: Record<string, string>): string | Reply => {
      if (params.appId !== s.application.id) return ERR.missingAccess();
      if (params.guildId === undefined) return 'global';
      // A bot that is not in the guild gets Missing Access, not Unknown Guild.
      return s.guilds.some((g) => g.id === params.guildId) ? params.guildId : ERR.missingAccess();
    };
    for (const path of ['/applications/:appId/commands', '/applications/:appId/guilds/:guildId/commands']) {
      this.route('GET', path, true, ({ params }) => {
        const scope = commandScope(params);
        return typeof scope === 'string' ? json(s.commands.get(scope) ?? []) : scope;
      });
      this.route('PUT', path, true, ({ params, request }) => {
        const scope = commandScope(params);
        if (typeof scope !== 'string') return scope;
        const problems = validateCommands(request.body).toBody();
        if (problems) return ERR.invalidForm(problems);
        const stored = this.storeCommands(scope, request.body as Record<string, unknown>[]);
        return json(stored);
      });
    }

    this.route('POST', '/interactions/:id/:token/callback', false, (ctx) => this.interactionCallback(ctx));

    // Interaction webhooks (application id + interaction token).
    this.route('POST', '/webhooks/:appId/:token', false, (ctx) => this.webhookExecute(ctx));
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      this.route(method, '/webhooks/:appId/:token/messages/:messageId', false, (ctx) => this.webhookMessage(ctx));
    }

    // Plain channel access, for bots that also post outside interactions.
    this.route('GET', '/channels/:channelId', true, ({ params }) => {
      const found = this.findChannel(params.channelId!);
      return found ? json({ ...found.channel, guild_id: found.guild.id }) : ERR.unknownChannel();
    });
    this.route('POST', '/channels/:channelId/messages', true, ({ params, request }) => {
      if (!this.findChannel(params.channelId!)) return ERR.unknownChannel();
      const problem = this.checkMessage(request, [], true);
      if (problem) return problem;
      const message = makeBotMessage({
        bot: s.bot,
        applicationId: s.application.id,
        channelId: params.channelId!,
        body: request.body as MessageBody,
      });
      delete message.webhook_id;
      message.attachments = attachmentsFrom(request.files, s.httpUrl(), params.channelId!);
      s.channelMessages.push(message);
      return json(message);
    });
    // Leaving a guild: gone from the bot's guilds, and GUILD_DELETE (without `unavailable`) on the gateway.
    this.route('DELETE', '/users/@me/guilds/:guildId', true, ({ params }) => {
      const index = s.guilds.findIndex((g) => g.id === params.guildId);
      if (index < 0) return ERR.unknownGuild();
      const [guild] = s.guilds.splice(index, 1);
      s.leftGuilds.push(guild!);
      s.gateway.dispatch('GUILD_DELETE', { id: guild!.id });
      return noContent();
    });
    this.route('GET', '/guilds/:guildId', true, ({ params }) => {
      const guild = s.guilds.find((g) => g.id === params.guildId);
      if (!guild) return ERR.unknownGuild();
      const { channels: _c, members: _m, voice_states: _v, presences: _p, threads: _t, ...rest } = guild.create;
      return json(rest);
    });
  }

  private storeCommands(scope: string, body: Record<string, unknown>[]): APIApplicationCommand[] {
    const previous = this.state.commands.get(scope) ?? [];
    const stored = body.map((cmd) => {
      const type = (cmd.type as number | undefined) ?? 1;
      // Discord keeps a command's id across overwrites when name and type are unchanged.
      const existing = previous.find((p) => p.name === cmd.name && p.type === type);
      return {
        default_member_permissions: null,
        nsfw: false,
        integration_types: [0],
        contexts: null,
        description: '',
        name_localizations: null,
        description_localizations: null,
        ...cmd,
        type,
        id: existing?.id ?? snowflake(),
        application_id: this.state.application.id,
        ...(scope === 'global' ? {} : { guild_id: scope }),
        version: snowflake(),
      } as unknown as APIApplicationCommand;
    });
    this.state.commands.set(scope, stored);
    return stored;
  }

  private findChannel(channelId: string) {
    for (const guild of this.state.guilds) {
      const channel = guild.create.channels.find((c) => c.id === channelId);
      if (channel) return { guild, channel };
    }
    return undefined;
  }

  /** Shared create/edit validation: form errors first, then Discord's "empty message" check. */
  private checkMessage(request: RecordedRequest, path: (string | number)[], requireContent: boolean): Reply | null {
    const errors = new FormErrors();
    const body = path.length
      ? (request.body as Record<string, unknown> | undefined)?.[path[0] as string]
      : request.body;
    validateMessageBody(errors, path, body);
    const problems = errors.toBody();
    if (problems) return ERR.invalidForm(problems);
    if (requireContent && isEmptyMessage(isObject(body) ? body : {}, request.files.length)) return ERR.emptyMessage();
    return null;
  }

  private interactionCallback({ request, params }: RouteContext): Reply {
    const s = this.state;
    const interaction = s.interactionsById.get(params.id!);
    const late =
      interaction !== undefined && s.ackDeadlineMs !== null && request.at - interaction.dispatchedAt > s.ackDeadlineMs;
    if (!interaction || interaction.token !== params.token || interaction.expired || late) {
      return ERR.unknownInteraction();
    }
    if (interaction.acknowledged) return ERR.alreadyAcknowledged();

    const body = isObject(request.body) ? request.body : {};
    const type = body.type;
    const data = isObject(body.data) ? body.data : undefined;
    const allowed = allowedCallbackTypes(interaction.payload.type);
    if (typeof type !== 'number' || !allowed.includes(type)) {
      const errors = new FormErrors();
      errors.add(['type'], 'BASE_TYPE_CHOICES', `Value must be one of {${allowed.join(', ')}}.`);
      return ERR.invalidForm(errors.toBody()!);
    }

    const channelId = interaction.payload.channel_id ?? interaction.payload.channel?.id ?? '0';
    const invoker = interaction.payload.member?.user ?? (interaction.payload as { user?: APIUser }).user!;
    const newMessage = (messageBody: MessageBody) =>
      makeBotMessage({
        bot: s.bot,
        applicationId: s.application.id,
        channelId,
        body: messageBody,
        interaction: {
          id: interaction.id,
          type: interaction.payload.type,
          user: invoker,
          name:
            'data' in interaction.payload && 'name' in interaction.payload.data
              ? interaction.payload.data.name
              : undefined,
          guildId: interaction.payload.guild_id,
        },
      });

    switch (type) {
      case InteractionResponseType.ChannelMessageWithSource: {
        const problem = this.checkMessage(request, ['data'], true);
        if (problem) return problem;
        interaction.original = newMessage({
          ...(data as MessageBody),
          flags: ((data?.flags as number) ?? 0) & CREATE_FLAGS,
        });
        interaction.original.attachments = attachmentsFrom(request.files, s.httpUrl(), channelId);
        break;
      }
      case InteractionResponseType.DeferredChannelMessageWithSource: {
        const ephemeral = ((data?.flags as number | undefined) ?? 0) & MessageFlags.Ephemeral;
        interaction.original = newMessage({ content: '', flags: ephemeral | MessageFlags.Loading });
        interaction.originalLoading = true;
        break;
      }
      case InteractionResponseType.DeferredMessageUpdate:
        interaction.original = interaction.payload.message ?? null;
        break;
      case InteractionResponseType.UpdateMessage: {
        const problem = this.checkMessage(request, ['data'], false);
        if (problem) return problem;
        const base = interaction.payload.message;
        interaction.original = base ? applyEdit(base, data ?? {}, request.files, s.httpUrl()) : newMessage(data ?? {});
        break;
      }
      case InteractionResponseType.ApplicationCommandAutocompleteResult: {
        const errors = new FormErrors();
        validateAutocompleteChoices(errors, ['data'], data);
        const problems = errors.toBody();
        if (problems) return ERR.invalidForm(problems);
        break;
      }
      case InteractionResponseType.Modal: {
        const errors = new FormErrors();
        validateModal(errors, ['data'], data);
        const problems = errors.toBody();
        if (problems) return ERR.invalidForm(problems);
        break;
      }
      default:
        break;
    }

    interaction.accept({ type, data, at: request.at, request });

    // discord.js always sends `?with_response=<bool>`; only `true` expects a body.
    if (request.query.with_response !== 'true') return noContent();
    const message = interaction.original;
    const result: RESTPostAPIInteractionCallbackWithResponseResult = {
      interaction: {
        id: interaction.id,
        type: interaction.payload.type,
        ...(message
          ? {
              response_message_id: message.id,
              response_message_loading: interaction.originalLoading,
              response_message_ephemeral: ((message.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
            }
          : {}),
      },
      ...(hasResource(type) ? { resource: { type, ...(message ? { message } : {}) } } : {}),
    } as RESTPostAPIInteractionCallbackWithResponseResult;
    return json(result);
  }

  /** Finds the interaction behind a webhook token, or the error Discord would give. */
  private webhookInteraction(params: Record<string, string>): FakeInteraction | Reply {
    const interaction = this.state.interactionsByToken.get(params.token!);
    if (params.appId !== this.state.application.id || !interaction) return ERR.unknownWebhook();
    if (interaction.expired) return ERR.invalidWebhookToken();
    // The webhook only exists once the interaction has been acknowledged.
    if (!interaction.acknowledged) return ERR.unknownWebhook();
    return interaction;
  }

  private webhookExecute({ request, params }: RouteContext): Reply {
    const found = this.webhookInteraction(params);
    if (!('payload' in found)) return found;
    const interaction = found;
    const problem = this.checkMessage(request, [], true);
    if (problem) return problem;
    const body = (isObject(request.body) ? request.body : {}) as MessageBody;
    let message: APIMessage;
    if (interaction.original && interaction.originalLoading) {
      // Discord turns the first follow-up after a deferral into the deferred message itself.
      message = applyEdit(interaction.original, body as Record<string, unknown>, request.files, this.state.httpUrl());
      message.edited_timestamp = null;
      interaction.original = message;
      interaction.originalLoading = false;
    } else {
      const base = interaction.original;
      message = makeBotMessage({
        bot: this.state.bot,
        applicationId: this.state.application.id,
        channelId: interaction.payload.channel_id ?? '0',
        body: { ...body, flags: (body.flags ?? 0) & CREATE_FLAGS },
        interaction: {
          id: interaction.id,
          type: interaction.payload.type,
          user: interaction.payload.member?.user ?? base?.author ?? this.state.bot,
          guildId: interaction.payload.guild_id,
        },
      });
      message.attachments = attachmentsFrom(request.files, this.state.httpUrl(), message.channel_id);
      interaction.followups.push(message);
    }
    // Without ?wait=true Discord does not return the message.
    return request.query.wait === 'true' ? json(message) : noContent();
  }

  private webhookMessage({ request, params }: RouteContext): Reply {
    const found = this.webhookInteraction(params);
    if (!('payload' in found)) return found;
    const interaction = found;
    const isOriginal = params.messageId === '@original' || params.messageId === interaction.original?.id;
    const message = isOriginal ? interaction.original : interaction.followups.find((m) => m.id === params.messageId);
    if (!message) return ERR.unknownMessage();

    if (request.method === 'GET') return json(message);
    if (request.method === 'DELETE') {
      if (isOriginal) interaction.original = null;
      else interaction.followups.splice(interaction.followups.indexOf(message), 1);
      return noContent();
    }
    const problem = this.checkMessage(request, [], false);
    if (problem) return problem;
    const body = isObject(request.body) ? request.body : {};
    const edited = applyEdit(message, body, request.files, this.state.httpUrl());
    if (isOriginal && interaction.originalLoading) {
      // Editing the deferred placeholder *is* the reply, not an edit of one.
      edited.edited_timestamp = null;
      edited.flags = (edited.flags ?? 0) & ~MessageFlags.Loading;
    }
    if (isEmptyMessage(edited as unknown as Record<string, unknown>, 0)) return ERR.emptyMessage();
    if (isOriginal) {
      interaction.original = edited;
      interaction.originalLoading = false;
    } else {
      interaction.followups[interaction.followups.indexOf(message)] = edited;
    }
    return json(edited);
  }
}

/** Which initial responses Discord accepts per interaction type. */
function allowedCallbackTypes(interactionType: number): number[] {
  switch (interactionType) {
    case InteractionType.Ping:
      return [InteractionResponseType.Pong];
    case InteractionType.ApplicationCommand:
      return [4, 5, 9, 12];
    case InteractionType.MessageComponent:
      return [4, 5, 6, 7, 9];
    case InteractionType.ApplicationCommandAutocomplete:
      return [InteractionResponseType.ApplicationCommandAutocompleteResult];
    case InteractionType.ModalSubmit:
      return [4, 5, 6, 7];
    default:
      return [];
  }
}

function hasResource(type: number): boolean {
  return type === 4 || type === 5 || type === 6 || type === 7 || type === 12;
}

function applyEdit(
  message: APIMessage,
  body: Record<string, unknown>,
  files: RecordedFile[],
  baseUrl: string,
): APIMessage {
  const next: APIMessage = { ...message, edited_timestamp: isoNow() };
  if ('content' in body) next.content = (body.content as string | null) ?? '';
  if ('embeds' in body) next.embeds = (body.embeds as APIMessage['embeds'] | null) ?? [];
  if ('components' in body) next.components = (body.components as APIMessage['components'] | null) ?? [];
  if (typeof body.flags === 'number') next.flags = ((message.flags ?? 0) & ~EDIT_FLAGS) | (body.flags & EDIT_FLAGS);
  if ('attachments' in body || files.length > 0) {
    const keep = Array.isArray(body.attachments)
      ? message.attachments.filter((a) => (body.attachments as { id?: unknown }[]).some((k) => String(k.id) === a.id))
      : message.attachments;
    next.attachments = [...keep, ...attachmentsFrom(files, baseUrl, message.channel_id)];
  }
  return next;
}

function attachmentsFrom(files: RecordedFile[], baseUrl: string, channelId: string): APIAttachment[] {
  return files.map((f) => {
    const id = snowflake();
    const url = `${baseUrl}/attachments/${channelId}/${id}/${encodeURIComponent(f.filename)}`;
    return { id, filename: f.filename, size: f.size, url, proxy_url: url, content_type: f.contentType };
  });
}

function faultReply(spec: FaultSpec): Reply {
  const status = spec.status!;
  if (status !== 429) {
    const message =
      status >= 500 ? `${status}: ${status === 500 ? 'Internal Server Error' : 'Server Error'}` : `${status}: Injected`;
    return { status, body: spec.body ?? { message, code: 0 } };
  }
  const retryAfter = spec.retryAfter ?? 0.05;
  const global = spec.global ?? false;
  // Real Discord rounds Retry-After up to whole seconds; a fractional value keeps tests fast,
  // and @discordjs/rest multiplies it by 1000 either way.
  const headers: Record<string, string> = {
    'retry-after': String(retryAfter),
    'x-ratelimit-scope': spec.scope ?? (global ? 'global' : 'user'),
  };
  if (global) {
    headers['x-ratelimit-global'] = 'true';
  } else {
    // Per-route limits also describe the bucket, which @discordjs/rest uses to wait before retrying.
    headers['x-ratelimit-limit'] = '5';
    headers['x-ratelimit-remaining'] = '0';
    headers['x-ratelimit-reset'] = ((Date.now() + retryAfter * 1000) / 1000).toFixed(3);
    headers['x-ratelimit-reset-after'] = retryAfter.toFixed(3);
    headers['x-ratelimit-bucket'] = 'fakebucket';
  }
  return {
    status,
    headers,
    body: spec.body ?? {
      message: 'You are being rate limited.',
      retry_after: retryAfter,
      global,
      ...(global ? { code: 0 } : {}),
    },
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function parseBody(
  raw: Buffer,
  contentType: string | undefined,
): Promise<{ body: unknown; files: RecordedFile[] }> {
  if (raw.length === 0) return { body: undefined, files: [] };
  const type = contentType ?? '';
  if (type.startsWith('application/json')) {
    try {
      return { body: JSON.parse(raw.toString('utf8')), files: [] };
    } catch {
      return { body: raw.toString('utf8'), files: [] };
    }
  }
  if (type.startsWith('multipart/form-data')) {
    // Let the platform's fetch implementation parse multipart, then mimic Discord: JSON lives in payload_json.
    const form = await new Response(raw, { headers: { 'content-type': type } }).formData();
    let body: unknown;
    const files: RecordedFile[] = [];
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') {
        if (field === 'payload_json') body = JSON.parse(value);
      } else {
        files.push({ field, filename: value.name, contentType: value.type, size: value.size });
      }
    }
    return { body, files };
  }
  return { body: raw.toString('utf8'), files: [] };
}
