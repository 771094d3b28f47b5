/**
 * The watch channel: after each reload of the corpus (files dropped on disk, articles added from
 * the chat), one message in a channel of the team's server says which articles came in or changed,
 * their figures and the verdicts they make with the figures already there. Nothing when nothing
 * changed; nothing twice across restarts; what arrived while the bot was down, once.
 *
 * The channel is the one chosen with `/watch` (kept in the state file) or else WATCH_CHANNEL_ID.
 * What was announced is the state file's `announced` (id → hash of each article): a reload is
 * compared with it, not with the engine before, so a restart picks up where the last run left off.
 * It is updated only once the message is posted: a post that fails is tried again at the next change.
 */
import { PermissionFlagsBits, type Client, type SendableChannels } from 'discord.js';
import type { Logger } from 'pino';
import { corpusChanges, corpusDigest, diffDigests } from '../engine/articleChanges.js';
import type { Engine } from '../engine/engine.js';
import type { LiveEngine } from '../engine/live.js';
import { renderWatchAnnouncement } from '../render/discordWatch.js';
import { plural } from '../text/plural.js';
import type { GuildAllowList } from './guilds.js';
import { emptyWatchState, readWatchState, type WatchState, writeWatchState } from './watchState.js';

/** Where changes are announced, and of which topics (none: every topic). */
export interface WatchTarget {
  channelId: string;
  topics: string[];
  /** Chosen with `/watch`, or WATCH_CHANNEL_ID. */
  source: 'command' | 'environment';
}

export type WatchResult = { ok: true; target: WatchTarget; articles: number } | { ok: false; reason: string };

/** What `/watch` may do with the watch channel. */
export interface WatchControl {
  /** The channel announced in now, or null. */
  status(): WatchTarget | null;
  /**
   * Announces in `channelId` from now on (of `topics` only, when any). The articles already in the
   * corpus are not announced. Refused, with the reason, for a channel the bot cannot post in.
   */
  set(channelId: string, topics: string[], by: string): Promise<WatchResult>;
  /** Stops announcing (WATCH_CHANNEL_ID included) until `set` again. Returns what was watched. */
  off(by: string): Promise<WatchTarget | null>;
}

export interface WatchChannelOptions {
  client: Client;
  live: LiveEngine;
  /** WATCH_CHANNEL_ID: used when `/watch` has not chosen (or turned off) a channel. */
  envChannelId: string | null;
  allowedGuilds: GuildAllowList;
  log: Logger;
  /** The state file (see watchState.ts). */
  file: string;
}

const NEEDED = [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages, PermissionFlagsBits.EmbedLinks];

export class WatchChannel implements WatchControl {
  private state: WatchState = emptyWatchState();
  /** Every read and write of the state, and every announcement, in turn. */
  private chain: Promise<void> = Promise.resolve();
  private unsubscribe: (() => void) | null = null;
  private closed = false;
  /** The last problem logged with the channel: said once, not at every reload. */
  private complained: string | null = null;

  constructor(private readonly options: WatchChannelOptions) {}

  /**
   * Reads the state file, announces what changed since the last run, then each reload. Call once
   * the client is ready (the channel is looked up then).
   */
  start(): void {
    const { live, log, file } = this.options;
    void this.enqueue(async () => {
      const { state, problem } = await readWatchState(file);
      if (problem)
        log.warn(
          { file, reason: problem },
          `watch state not used (${problem}): the corpus as it is now counts as announced`,
        );
      this.state = state;
      const target = this.status();
      if (target) {
        log.info(
          { channelId: target.channelId, topics: target.topics, source: target.source },
          `watch channel: corpus changes are announced in channel ${target.channelId}`,
        );
        // A channel that cannot be used is said at start-up, not only at the first change.
        await this.channel(target.channelId);
      }
      await this.check(live.current());
    });
    this.unsubscribe = live.onReload((engine) => void this.enqueue(() => this.check(engine)));
  }

  /** Resolves once everything asked of the watch channel so far is done (tests, shutdown). */
  idle(): Promise<void> {
    return this.chain;
  }

  /** Stops following the reloads; resolves once what was under way is done (a post and its record). */
  close(): Promise<void> {
    this.closed = true;
    this.unsubscribe?.();
    this.unsubscribe = null;
    return this.chain;
  }

  status(): WatchTarget | null {
    const { choice } = this.state;
    if (choice)
      return 'off' in choice ? null : { channelId: choice.channelId, topics: choice.topics, source: 'command' };
    return this.options.envChannelId
      ? { channelId: this.options.envChannelId, topics: [], source: 'environment' }
      : null;
  }

  set(channelId: string, topics: string[], by: string): Promise<WatchResult> {
    return this.enqueue(async () => {
      const found = await this.channel(channelId);
      if ('problem' in found) return { ok: false, reason: found.problem };
      const engine = this.options.live.current();
      this.state = {
        choice: { channelId, topics, setBy: by, setAt: new Date().toISOString() },
        // What is there now is not news: announcements start with the next change.
        announced: corpusDigest(engine.corpus.articles),
      };
      this.complained = null;
      await this.save();
      const target = this.status()!;
      this.options.log.info(
        { channelId, topics, userId: by },
        `watch channel set: corpus changes are announced in channel ${channelId}`,
      );
      return { ok: true, target, articles: engine.corpus.articles.length };
    });
  }

  off(by: string): Promise<WatchTarget | null> {
    return this.enqueue(async () => {
      const was = this.status();
      this.state = { choice: { off: true, setBy: by, setAt: new Date().toISOString() }, announced: null };
      await this.save();
      this.options.log.info({ channelId: was?.channelId ?? null, userId: by }, 'watch channel turned off');
      return was;
    });
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const run = this.chain.then(task);
    this.chain = run.then(
      () => undefined,
      (error: unknown) => this.options.log.error({ err: error }, `watch channel failed: ${(error as Error).message}`),
    );
    return run;
  }

  private save(): Promise<void> {
    return writeWatchState(this.options.file, this.state);
  }

  /** Announces what `engine` holds that was not announced yet, and records it once posted. */
  private async check(engine: Engine): Promise<void> {
    const target = this.status();
    if (this.closed) return;
    if (!target) {
      // Not watched: what comes in meanwhile is not news for later. The next watch starts from the corpus as it is then.
      if (this.state.announced) {
        this.state.announced = null;
        await this.save();
      }
      return;
    }
    const { log } = this.options;
    const now = corpusDigest(engine.corpus.articles);
    if (!this.state.announced) {
      // A first look (or a lost state file): what is there is the starting point, not news.
      this.state.announced = now;
      await this.save();
      log.info(
        { articles: now.size },
        `watch channel: ${plural(now.size, 'article')} already in the corpus, not announced`,
      );
      return;
    }
    const diff = diffDigests(this.state.announced, now);
    if (diff.added.length + diff.changed.length + diff.removed.length === 0) {
      log.debug('watch channel: no article changed');
      return;
    }
    const changes = corpusChanges(engine, diff, target.topics);
    const reply = renderWatchAnnouncement(changes);
    const about = {
      added: diff.added,
      changed: diff.changed,
      removed: diff.removed,
      outsideTopics: changes.outsideTopics,
    };
    if (reply) {
      const channel = await this.channel(target.channelId);
      if ('problem' in channel) return;
      try {
        const sent = await channel.channel.send({
          content: reply.content,
          embeds: reply.embeds,
          allowedMentions: reply.allowedMentions,
        });
        log.info(
          { ...about, channelId: target.channelId, messageId: sent.id },
          `watch channel: announced ${describe(changes.articles.length, diff.removed.length)}`,
        );
      } catch (error) {
        // Kept unannounced: the next change (or restart) tries again, with everything since.
        log.error(
          { err: error, channelId: target.channelId, ...about },
          `watch channel: could not post the announcement: ${(error as Error).message}`,
        );
        return;
      }
    } else {
      log.info(about, 'watch channel: nothing to announce (no article of the topics watched)');
    }
    this.state.announced = now;
    await this.save();
  }

  /**
   * The channel to post in, or why it cannot be: unknown, not in a server the bot serves, not a text
   * channel, or one where the bot may not post embeds. A problem is logged once per channel.
   */
  private async channel(channelId: string): Promise<{ channel: SendableChannels } | { problem: string }> {
    const { client, allowedGuilds, log } = this.options;
    const problem = await (async () => {
      let channel: Awaited<ReturnType<Client['channels']['fetch']>>;
      try {
        channel = await client.channels.fetch(channelId);
      } catch (error) {
        return `channel ${channelId} cannot be found (${(error as Error).message})`;
      }
      if (!channel) return `channel ${channelId} cannot be found`;
      if (channel.isDMBased() || !('guildId' in channel) || !allowedGuilds.allows(channel.guildId))
        return `channel ${channelId} is not in a server this bot serves`;
      if (!channel.isSendable()) return `channel ${channelId} is not a channel messages can be posted in`;
      const me = client.user;
      const permissions = me && 'permissionsFor' in channel ? channel.permissionsFor(me) : null;
      if (permissions && !permissions.has(NEEDED))
        return `the bot may not post in channel ${channelId}: it needs View Channel, Send Messages and Embed Links there`;
      return channel;
    })();
    if (typeof problem !== 'string') {
      this.complained = null;
      return { channel: problem };
    }
    if (this.complained !== problem) {
      this.complained = problem;
      log.error({ channelId }, `watch channel: ${problem}; nothing is announced until that is fixed`);
    }
    return { problem };
  }
}

function describe(articles: number, removed: number): string {
  return [articles > 0 ? plural(articles, 'article') : '', removed > 0 ? `${removed} removed` : '']
    .filter(Boolean)
    .join(', ');
}
