/**
 * Builders for INTERACTION_CREATE payloads shaped like the ones Discord sends over the
 * gateway. They are plain objects: tests may mutate them before `sendInteraction`.
 *
 * discord.js' BaseInteraction constructor reads `entitlements.reduce(...)`,
 * `authorizing_integration_owners`, `app_permissions`, `member.user`/`user`, and the
 * component interactions read `message` — so every builder always sets those.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ButtonStyle,
  ChannelType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  Locale,
  MessageType,
  type APIApplicationCommand,
  type APIAttachment,
  type APIApplicationCommandAutocompleteGuildInteraction,
  type APIApplicationCommandInteractionDataOption,
  type APIApplicationCommandOption,
  type APIChatInputApplicationCommandGuildInteraction,
  type APIMessage,
  type APIMessageComponentButtonInteraction,
  type APIModalSubmitInteraction,
  type APIUser,
} from 'discord.js';
import {
  DEFAULT_APP_PERMISSIONS,
  DEFAULT_MEMBER_PERMISSIONS,
  makeBotMessage,
  makeMember,
  type FakeGuild,
} from './fixtures.js';
import { interactionToken, snowflake } from './ids.js';

/** Button-click payload for a guild (Discord's types only name the non-guild variant). */
export type APIButtonGuildInteraction = Omit<APIMessageComponentButtonInteraction, 'user'> &
  Required<Pick<APIMessageComponentButtonInteraction, 'guild_id' | 'member'>>;

/** A modal submitted in a guild (Discord's types name the guild variant loosely). */
export type APIModalSubmitGuildInteraction = Omit<APIModalSubmitInteraction, 'user'> &
  Required<Pick<APIModalSubmitInteraction, 'guild_id' | 'member'>>;

/** Any payload the builders produce; `sendInteraction` accepts these (or a hand-built one). */
export type FakeInteractionPayload =
  | APIChatInputApplicationCommandGuildInteraction
  | APIApplicationCommandAutocompleteGuildInteraction
  | APIButtonGuildInteraction
  | APIModalSubmitGuildInteraction;

/** Where an interaction happens; the server fills this from its configuration. */
export interface InteractionContext {
  applicationId: string;
  bot: APIUser;
  guild: FakeGuild;
  /** The user clicking / typing; tests can override per interaction. */
  user: APIUser;
  /** Registered commands (of `type`, chat input by default), so built options get the declared types and the real command id. */
  findCommand?: (name: string, guildId: string, type?: ApplicationCommandType) => APIApplicationCommand | undefined;
}

export interface BaseInteractionOptions {
  /** Fields merged onto the context's default user (e.g. `{ id, username }`). */
  user?: Partial<APIUser>;
  /** Defaults to the first text channel of the guild. */
  channelId?: string;
  /** The invoking member's computed permissions (string bitfield). */
  memberPermissions?: string;
  /** The bot's computed permissions in the channel (string bitfield). */
  appPermissions?: string;
  locale?: Locale;
  id?: string;
  token?: string;
  /**
   * The guild the interaction comes from, when not the server's first (e.g. one the bot is not
   * allowed in, or has left). Its first channel is the default channel.
   */
  guild?: FakeGuild;
  /**
   * A direct message with the bot instead of a guild: no `guild_id`, no `member`, the invoker in
   * `user`, context BotDM. Discord sends these for commands whose contexts allow DMs (or when a
   * client ignores the contexts); a bot must still cope.
   */
  dm?: boolean;
}

export type CommandOptionValue = string | number | boolean;

/** Either a name→value map (types inferred from the registered command, else from JS types) or raw options. */
export type CommandOptionsInput = Record<string, CommandOptionValue> | APIApplicationCommandInteractionDataOption[];

export interface ChatInputOptions extends BaseInteractionOptions {
  /** Command name, e.g. `ask`. */
  name: string;
  /**
   * Files given to attachment options, by option name: the option's value is the attachment's id,
   * and the attachment is in `resolved.attachments`, as Discord sends them.
   */
  attachments?: Record<string, AttachmentSpec>;
  commandId?: string;
  subcommandGroup?: string;
  subcommand?: string;
  options?: CommandOptionsInput;
}

export interface AutocompleteOptions extends BaseInteractionOptions {
  name: string;
  commandId?: string;
  subcommandGroup?: string;
  subcommand?: string;
  /** The option being typed into; `value` is the partial input (Discord sends it as typed). */
  focused: { name: string; value: string | number; type?: ApplicationCommandOptionType };
  /** Other options already filled in. */
  options?: Record<string, CommandOptionValue>;
}

export interface ButtonOptions extends BaseInteractionOptions {
  customId: string;
  /**
   * The message carrying the button (e.g. a stored `@original` from an earlier interaction).
   * Defaults to a bot message with one button using `customId`.
   */
  message?: APIMessage;
  /**
   * The values chosen in a string select menu: the interaction is then a select (component type 3)
   * rather than a click, as when a user picks an option of the menu whose id is `customId`.
   */
  values?: string[];
}

export interface ModalSubmitOptions extends BaseInteractionOptions {
  /** The modal's custom id, as the bot set it when it showed the form. */
  customId: string;
  /** The text inputs' values by their custom ids, as the user typed them. */
  fields: Record<string, string>;
  /** The message whose button opened the form, when it was a component's (Discord sends it then). */
  message?: APIMessage;
}

function inferType(value: CommandOptionValue): ApplicationCommandOptionType {
  if (typeof value === 'boolean') return ApplicationCommandOptionType.Boolean;
  if (typeof value === 'number') {
    return Number.isInteger(value) ? ApplicationCommandOptionType.Integer : ApplicationCommandOptionType.Number;
  }
  return ApplicationCommandOptionType.String;
}

/** The declared options at the (sub)command level we are building for. */
function declaredLeafOptions(
  command: APIApplicationCommand | undefined,
  group: string | undefined,
  sub: string | undefined,
): APIApplicationCommandOption[] | undefined {
  if (!command) return undefined;
  let options: APIApplicationCommandOption[] | undefined = command.options;
  for (const level of [group, sub]) {
    if (level === undefined) continue;
    const found = options?.find((o) => o.name === level);
    if (!found) throw new Error(`fake-discord: command /${command.name} has no subcommand (group) "${level}"`);
    options = 'options' in found ? (found.options as APIApplicationCommandOption[] | undefined) : undefined;
  }
  return options ?? [];
}

function toOptions(
  input: Record<string, CommandOptionValue>,
  declared: APIApplicationCommandOption[] | undefined,
  commandName: string,
): APIApplicationCommandInteractionDataOption[] {
  return Object.entries(input).map(([name, value]) => {
    const decl = declared?.find((o) => o.name === name);
    if (declared && !decl) {
      // A test passing an option the registered command does not declare is a test bug; say so loudly.
      throw new Error(`fake-discord: /${commandName} does not declare option "${name}"`);
    }
    const type = decl?.type ?? inferType(value);
    return { name, type, value } as APIApplicationCommandInteractionDataOption;
  });
}

/** Wraps leaf options in subcommand / subcommand-group layers like Discord nests them. */
function nest(
  leaf: APIApplicationCommandInteractionDataOption[],
  group: string | undefined,
  sub: string | undefined,
): APIApplicationCommandInteractionDataOption[] {
  let options = leaf;
  if (sub !== undefined) {
    options = [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: sub,
        options,
      } as APIApplicationCommandInteractionDataOption,
    ];
  }
  if (group !== undefined) {
    options = [
      {
        type: ApplicationCommandOptionType.SubcommandGroup,
        name: group,
        options,
      } as APIApplicationCommandInteractionDataOption,
    ];
  }
  return options;
}

/** Fields of an interaction in a direct message with the bot (see `BaseInteractionOptions.dm`). */
function directMessage(ctx: InteractionContext, opts: BaseInteractionOptions) {
  const id = opts.id ?? snowflake();
  const user = { ...ctx.user, ...opts.user };
  const channelId = opts.channelId ?? snowflake();
  return {
    id,
    token: opts.token ?? interactionToken(id),
    application_id: ctx.applicationId,
    version: 1 as const,
    channel_id: channelId,
    channel: { id: channelId, type: ChannelType.DM, flags: 0, last_message_id: null, recipients: [user] },
    user,
    app_permissions: opts.appPermissions ?? DEFAULT_APP_PERMISSIONS,
    locale: opts.locale ?? Locale.EnglishUS,
    entitlements: [],
    // "0" = GUILD_INSTALL: a guild-installed app in the bot's DM is authorized by "0".
    authorizing_integration_owners: { 0: '0' },
    context: InteractionContextType.BotDM,
    attachment_size_limit: 10 * 1024 * 1024,
  };
}

/** Fields shared by every guild interaction (or, with `dm`, by every DM interaction). */
function common(base: InteractionContext, opts: BaseInteractionOptions) {
  if (opts.dm) return directMessage(base, opts) as unknown as ReturnType<typeof guildCommon>;
  return guildCommon(base, opts);
}

function guildCommon(base: InteractionContext, opts: BaseInteractionOptions) {
  const ctx = opts.guild ? { ...base, guild: opts.guild } : base;
  const id = opts.id ?? snowflake();
  const user = { ...ctx.user, ...opts.user };
  const channelId = opts.channelId ?? ctx.guild.channels[0]?.id;
  if (!channelId) throw new Error('fake-discord: the guild has no channel to send an interaction from');
  const channel = ctx.guild.channels.find((c) => c.id === channelId);
  return {
    id,
    token: opts.token ?? interactionToken(id),
    application_id: ctx.applicationId,
    version: 1 as const,
    guild_id: ctx.guild.id,
    guild: { id: ctx.guild.id, locale: ctx.guild.create.preferred_locale, features: [] },
    guild_locale: ctx.guild.create.preferred_locale,
    channel_id: channelId,
    // Interactions carry a partial channel; discord.js only uses it to resolve the cached one.
    channel: {
      id: channelId,
      type: channel?.type ?? 0,
      name: channel?.name ?? 'unknown',
      guild_id: ctx.guild.id,
      parent_id: null,
      position: 0,
      nsfw: false,
      flags: 0,
      permissions: opts.memberPermissions ?? DEFAULT_MEMBER_PERMISSIONS,
      last_message_id: null,
      rate_limit_per_user: 0,
      topic: null,
    },
    member: makeMember(user, opts.memberPermissions ?? DEFAULT_MEMBER_PERMISSIONS),
    app_permissions: opts.appPermissions ?? DEFAULT_APP_PERMISSIONS,
    locale: opts.locale ?? Locale.EnglishUS,
    entitlements: [],
    // "0" = GUILD_INSTALL: the app is installed in this guild.
    authorizing_integration_owners: { 0: ctx.guild.id },
    context: InteractionContextType.Guild,
    attachment_size_limit: 10 * 1024 * 1024,
  };
}

function resolveCommand(ctx: InteractionContext, name: string) {
  const command = ctx.findCommand?.(name, ctx.guild.id);
  return {
    command,
    data: {
      id: command?.id ?? snowflake(),
      name,
      type: ApplicationCommandType.ChatInput as const,
      ...(command?.guild_id ? { guild_id: command.guild_id } : {}),
    },
  };
}

/** A slash command invocation (interaction type 2, command type 1). */
export function buildChatInputInteraction(
  ctx: InteractionContext,
  opts: ChatInputOptions,
): APIChatInputApplicationCommandGuildInteraction {
  const { command, data } = resolveCommand(ctx, opts.name);
  const raw = opts.options ?? {};
  const leaf = Array.isArray(raw)
    ? [...raw]
    : toOptions(raw, declaredLeafOptions(command, opts.subcommandGroup, opts.subcommand), opts.name);
  const files = Object.entries(opts.attachments ?? {}).map(([name, spec]) => ({
    name,
    attachment: makeAttachment(spec),
  }));
  for (const { name, attachment } of files) {
    leaf.push({ name, type: ApplicationCommandOptionType.Attachment, value: attachment.id });
  }
  const options = nest(leaf, opts.subcommandGroup, opts.subcommand);
  return {
    ...common(ctx, opts),
    type: InteractionType.ApplicationCommand,
    data: {
      ...data,
      id: opts.commandId ?? data.id,
      ...(options.length > 0 ? { options } : {}),
      ...(files.length > 0
        ? { resolved: { attachments: Object.fromEntries(files.map(({ attachment }) => [attachment.id, attachment])) } }
        : {}),
    },
  } as APIChatInputApplicationCommandGuildInteraction;
}

/** An autocomplete request (interaction type 4): exactly one option has `focused: true`. */
export function buildAutocompleteInteraction(
  ctx: InteractionContext,
  opts: AutocompleteOptions,
): APIApplicationCommandAutocompleteGuildInteraction {
  const { command, data } = resolveCommand(ctx, opts.name);
  const declared = declaredLeafOptions(command, opts.subcommandGroup, opts.subcommand);
  const others = toOptions(opts.options ?? {}, declared, opts.name);
  const focusedType =
    opts.focused.type ??
    declared?.find((o) => o.name === opts.focused.name)?.type ??
    ApplicationCommandOptionType.String;
  const focused = {
    name: opts.focused.name,
    type: focusedType,
    value: opts.focused.value,
    focused: true,
  } as unknown as APIApplicationCommandInteractionDataOption;
  return {
    ...common(ctx, opts),
    type: InteractionType.ApplicationCommandAutocomplete,
    data: {
      ...data,
      id: opts.commandId ?? data.id,
      options: nest([...others, focused], opts.subcommandGroup, opts.subcommand),
    },
  } as unknown as APIApplicationCommandAutocompleteGuildInteraction;
}

/** A button click (interaction type 3, component type 2) on a message the bot sent earlier. */
export function buildButtonInteraction(ctx: InteractionContext, opts: ButtonOptions): APIButtonGuildInteraction {
  const base = common(ctx, opts);
  const message =
    opts.message ??
    makeBotMessage({
      bot: ctx.bot,
      applicationId: ctx.applicationId,
      channelId: base.channel_id,
      body: {
        content: 'A message with a button',
        components: [
          {
            type: ComponentType.ActionRow,
            id: 1,
            components: [
              {
                type: ComponentType.Button,
                id: 2,
                style: ButtonStyle.Secondary,
                label: 'Click',
                custom_id: opts.customId,
              },
            ],
          },
        ],
      },
      interaction: {
        id: snowflake(),
        type: InteractionType.ApplicationCommand,
        // A DM has no member: the invoker is `user`.
        user: base.member?.user ?? (base as unknown as { user: APIUser }).user,
        name: 'command',
      },
    });
  return {
    ...base,
    type: InteractionType.MessageComponent,
    data: opts.values
      ? { custom_id: opts.customId, component_type: ComponentType.StringSelect, values: opts.values }
      : { custom_id: opts.customId, component_type: ComponentType.Button },
    message,
  } as APIButtonGuildInteraction;
}

/** A file attached to a message or given to a command's attachment option, as Discord describes it. */
export interface AttachmentSpec {
  filename: string;
  /** Where the file is fetched from (Discord's CDN; in tests a local server). */
  url: string;
  size: number;
  contentType?: string;
}

/** An attachment as Discord sends it in a message or in `resolved.attachments`. */
export function makeAttachment(spec: AttachmentSpec): APIAttachment {
  return {
    id: snowflake(),
    filename: spec.filename,
    size: spec.size,
    url: spec.url,
    proxy_url: spec.url,
    ...(spec.contentType ? { content_type: spec.contentType } : {}),
  };
}

export interface MessageCommandOptions extends BaseInteractionOptions {
  /** The context-menu command's name, e.g. `Add to Crosscheck`. */
  name: string;
  /** The message right-clicked: a member's message with this text and these attachments. */
  target: { content: string; attachments?: AttachmentSpec[]; author?: Partial<APIUser> };
}

/**
 * A message context-menu command (interaction type 2, command type 3): `target_id` and the message
 * itself in `resolved.messages`, its content included (Discord sends it to the app without the
 * Message Content intent, since a member chose the message).
 */
export function buildMessageCommandInteraction(
  ctx: InteractionContext,
  opts: MessageCommandOptions,
): FakeInteractionPayload {
  const base = common(ctx, opts);
  const command = ctx.findCommand?.(opts.name, ctx.guild.id, ApplicationCommandType.Message);
  const author = {
    ...ctx.user,
    id: snowflake(),
    username: 'colleague',
    global_name: 'Colleague',
    ...opts.target.author,
  };
  const message: APIMessage = {
    id: snowflake(),
    channel_id: base.channel_id,
    author,
    content: opts.target.content,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: (opts.target.attachments ?? []).map(makeAttachment),
    embeds: [],
    pinned: false,
    type: MessageType.Default,
  };
  return {
    ...base,
    type: InteractionType.ApplicationCommand,
    data: {
      id: command?.id ?? snowflake(),
      name: opts.name,
      type: ApplicationCommandType.Message,
      target_id: message.id,
      resolved: { messages: { [message.id]: message } },
      ...(command?.guild_id ? { guild_id: command.guild_id } : {}),
    },
  } as unknown as FakeInteractionPayload;
}

/**
 * A modal submitted (interaction type 5): each text input in an action row of its own, with its
 * value, as Discord sends a form of short text inputs.
 */
export function buildModalSubmitInteraction(
  ctx: InteractionContext,
  opts: ModalSubmitOptions,
): APIModalSubmitGuildInteraction {
  return {
    ...common(ctx, opts),
    type: InteractionType.ModalSubmit,
    data: {
      custom_id: opts.customId,
      components: Object.entries(opts.fields).map(([customId, value]) => ({
        type: ComponentType.ActionRow,
        components: [{ type: ComponentType.TextInput, custom_id: customId, value }],
      })),
    },
    ...(opts.message ? { message: opts.message } : {}),
  } as unknown as APIModalSubmitGuildInteraction;
}
