/**
 * Realistic Discord objects (users, application, guilds, messages) for the fake server.
 * They are typed against discord-api-types (re-exported by discord.js) so that a missing
 * required field is a compile error rather than a discord.js crash at runtime.
 */
import {
  ChannelType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildVerificationLevel,
  Locale,
  MessageType,
  PermissionFlagsBits,
  type APIApplication,
  type APIGuildMember,
  type APIMessage,
  type APIRole,
  type APIUser,
  type ApplicationFlags,
  type ChannelFlags,
  type GatewayGuildCreateDispatchData,
  type GuildMemberFlags,
  type GuildSystemChannelFlags,
  type RoleFlags,
  type UserFlags,
} from 'discord.js';
import { isoNow, snowflake } from './ids.js';

function bits(...flags: bigint[]): string {
  return flags.reduce((acc, f) => acc | f, 0n).toString();
}

/** What `@everyone` gets in a freshly created guild (roughly): enough to read and use commands. */
export const DEFAULT_MEMBER_PERMISSIONS = bits(
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.AttachFiles,
  PermissionFlagsBits.ReadMessageHistory,
  PermissionFlagsBits.AddReactions,
  PermissionFlagsBits.UseApplicationCommands,
  PermissionFlagsBits.UseExternalEmojis,
);

/** The permissions a bot invited with a typical "send messages + embeds" scope computes to in a channel. */
export const DEFAULT_APP_PERMISSIONS = bits(
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.SendMessagesInThreads,
  PermissionFlagsBits.EmbedLinks,
  PermissionFlagsBits.AttachFiles,
  PermissionFlagsBits.ReadMessageHistory,
  PermissionFlagsBits.UseExternalEmojis,
  PermissionFlagsBits.AddReactions,
);

export function makeUser(overrides: Partial<APIUser> = {}): APIUser {
  const id = overrides.id ?? snowflake();
  return {
    id,
    username: `user${id.slice(-4)}`,
    global_name: null,
    discriminator: '0',
    avatar: null,
    public_flags: 0 as UserFlags,
    flags: 0 as UserFlags,
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
    collectibles: null,
    primary_guild: null,
    ...overrides,
  };
}

export function makeBotUser(overrides: Partial<APIUser> = {}): APIUser {
  return makeUser({
    username: 'Crosscheck',
    discriminator: '0',
    bot: true,
    verified: true,
    mfa_enabled: false,
    ...overrides,
  });
}

export function makeApplication(id: string, bot: APIUser): APIApplication {
  return {
    id,
    name: bot.username,
    icon: null,
    description: 'Fake application served by tests/support/fake-discord',
    summary: '',
    bot_public: false,
    bot_require_code_grant: false,
    bot,
    verify_key: 'a'.repeat(64),
    team: null,
    // GatewayMessageContent etc. are not granted: the bot must not rely on privileged intents.
    flags: 0 as ApplicationFlags,
    flags_new: '0',
    redirect_uris: [],
    interactions_endpoint_url: null,
    role_connections_verification_url: null,
    approximate_guild_count: 1,
    integration_types_config: { 0: {} },
  };
}

export interface FakeChannelSpec {
  id?: string;
  name: string;
  /** Defaults to a guild text channel. */
  type?: ChannelType.GuildText | ChannelType.GuildAnnouncement | ChannelType.GuildForum;
  topic?: string | null;
}

export interface FakeGuildSpec {
  id?: string;
  name?: string;
  /** Text channels created under a "Text Channels" category. Defaults to `#general`. */
  channels?: FakeChannelSpec[];
  preferredLocale?: Locale;
  /** Roles besides @everyone and the bot's (e.g. one a setting names), with no permissions of their own. */
  roles?: { id: string; name: string }[];
}

/** A guild as the fake knows it: ids for building interactions, plus the GUILD_CREATE payload. */
export interface FakeGuild {
  id: string;
  name: string;
  ownerId: string;
  everyoneRoleId: string;
  botRoleId: string;
  /** Text-like channels (not the category), in order. */
  channels: { id: string; name: string; type: ChannelType }[];
  /** Exactly what is dispatched as GUILD_CREATE. */
  create: GatewayGuildCreateDispatchData;
}

export function makeGuild(spec: FakeGuildSpec, bot: APIUser, joinedAt: number): FakeGuild {
  const id = spec.id ?? snowflake();
  const name = spec.name ?? 'Crosscheck Test Guild';
  const owner = makeUser({ username: 'guild_owner' });
  const categoryId = snowflake();
  const botRoleId = snowflake();
  const channelSpecs = spec.channels ?? [{ name: 'general' }];
  const channels = channelSpecs.map((c) => ({
    id: c.id ?? snowflake(),
    name: c.name,
    type: c.type ?? ChannelType.GuildText,
    topic: c.topic ?? null,
  }));

  const roles: APIRole[] = [
    {
      // The @everyone role always shares the guild's id.
      id,
      name: '@everyone',
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position: 0,
      permissions: DEFAULT_MEMBER_PERMISSIONS,
      managed: false,
      mentionable: false,
      flags: 0 as RoleFlags,
    },
    {
      // Discord creates a managed role for every bot that joins with permissions.
      id: botRoleId,
      name: bot.username,
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position: 1,
      permissions: DEFAULT_APP_PERMISSIONS,
      managed: true,
      mentionable: false,
      tags: { bot_id: bot.id },
      flags: 0 as RoleFlags,
    },
    ...(spec.roles ?? []).map(
      (role, i): APIRole => ({
        id: role.id,
        name: role.name,
        color: 0,
        colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
        hoist: false,
        icon: null,
        unicode_emoji: null,
        position: 2 + i,
        permissions: '0',
        managed: false,
        mentionable: false,
        flags: 0 as RoleFlags,
      }),
    ),
  ];

  const botMember: APIGuildMember = {
    user: bot,
    nick: null,
    avatar: null,
    banner: null,
    roles: [botRoleId],
    joined_at: isoNow(joinedAt),
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0 as GuildMemberFlags,
    pending: false,
    communication_disabled_until: null,
  };

  const create: GatewayGuildCreateDispatchData = {
    id,
    name,
    icon: null,
    icon_hash: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: owner.id,
    region: 'deprecated',
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: GuildVerificationLevel.Low,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.AllMembers,
    roles,
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: channels[0]?.id ?? null,
    system_channel_flags: 0 as GuildSystemChannelFlags,
    rules_channel_id: null,
    public_updates_channel_id: null,
    safety_alerts_channel_id: null,
    max_members: 500_000,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    vanity_url_code: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    premium_progress_bar_enabled: false,
    preferred_locale: spec.preferredLocale ?? Locale.EnglishUS,
    nsfw_level: GuildNSFWLevel.Default,
    hub_type: null,
    incidents_data: null,
    // GUILD_CREATE-only fields.
    joined_at: isoNow(joinedAt),
    large: false,
    unavailable: false,
    member_count: 2,
    voice_states: [],
    // Without GUILD_MEMBERS intent Discord still sends the bot's own member.
    members: [botMember],
    channels: [
      {
        id: categoryId,
        type: ChannelType.GuildCategory,
        name: 'Text Channels',
        position: 0,
        parent_id: null,
        permission_overwrites: [],
        flags: 0 as ChannelFlags,
        nsfw: false,
      },
      ...channels.map((c, position) => ({
        id: c.id,
        type: c.type as ChannelType.GuildText,
        name: c.name,
        position,
        parent_id: categoryId,
        topic: c.topic,
        nsfw: false,
        last_message_id: null,
        rate_limit_per_user: 0,
        permission_overwrites: [],
        flags: 0,
      })),
    ],
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
  return {
    id,
    name,
    ownerId: owner.id,
    everyoneRoleId: id,
    botRoleId,
    channels: channels.map(({ id: cid, name: cname, type }) => ({ id: cid, name: cname, type })),
    create,
  };
}

/** The subset of a message body (callback `data`, webhook body) that ends up on the stored message. */
export interface MessageBody {
  content?: string;
  embeds?: unknown[];
  components?: unknown[];
  flags?: number;
  attachments?: unknown[];
  tts?: boolean;
  poll?: unknown;
}

/** A message as Discord returns it for interaction responses and follow-ups (authored by the bot via webhook). */
export function makeBotMessage(args: {
  bot: APIUser;
  applicationId: string;
  channelId: string;
  body: MessageBody;
  type?: MessageType;
  interaction?: { id: string; type: number; user: APIUser; name?: string; guildId?: string };
  id?: string;
}): APIMessage {
  const { bot, applicationId, channelId, body } = args;
  const message: APIMessage = {
    id: args.id ?? snowflake(),
    channel_id: channelId,
    author: bot,
    content: body.content ?? '',
    timestamp: isoNow(),
    edited_timestamp: null,
    tts: body.tts ?? false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: (body.embeds ?? []) as APIMessage['embeds'],
    components: (body.components ?? []) as APIMessage['components'],
    pinned: false,
    type: args.type ?? (args.interaction ? MessageType.ChatInputCommand : MessageType.Default),
    flags: body.flags ?? 0,
    webhook_id: applicationId,
    application_id: applicationId,
  };
  if (args.interaction) {
    const { id, type, user, name, guildId } = args.interaction;
    message.interaction_metadata = {
      id,
      type,
      user,
      authorizing_integration_owners: guildId ? { 0: guildId } : { 1: user.id },
    } as APIMessage['interaction_metadata'];
    if (name !== undefined) {
      // Deprecated by Discord but still sent, and discord.js still reads it.
      message.interaction = { id, type, name, user } as APIMessage['interaction'];
    }
  }
  return message;
}

export function makeMember(user: APIUser, permissions: string, roles: string[] = []) {
  return {
    user,
    nick: null,
    avatar: null,
    banner: null,
    roles,
    joined_at: isoNow(Date.now() - 86_400_000),
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
    communication_disabled_until: null,
    unusual_dm_activity_until: null,
    permissions,
  };
}
