/**
 * The message every Discord renderer produces, and the last guard on its size: the shape shared by
 * answers, figures and listings, so that none of those renderers needs another.
 */
import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIStringSelectComponent,
  type AttachmentBuilder,
} from 'discord.js';
import { DISCORD_LIMITS as LIMIT } from './discordLimits.js';
import { cut, escapeCut } from './discordText.js';
import { en, type Labels } from './labels.js';

/** A message as the bot sends it: the same shape for a reply, an edit and a button update. */
export interface DiscordReply {
  content?: string;
  embeds: APIEmbed[];
  /** Rows of buttons, or a row holding one select menu. */
  components: APIActionRowComponent<APIButtonComponent | APIStringSelectComponent>[];
  /** Files sent with the message: a chart that an embed shows (`attachment://NAME`), a CSV. An edit that has them replaces the message's files. */
  files?: AttachmentBuilder[];
  /** Nothing the bot sends may ping anyone, whatever the text says. */
  allowedMentions: { parse: [] };
  /** Set on notices and no-answers: they are for the asker alone, whoever else can see the command. */
  flags?: MessageFlags.Ephemeral;
}

export const COLORS = { answer: 0x2b6cb0, none: 0x718096, figures: 0xc05621, sources: 0x2f855a } as const;

/**
 * How the Discord face wires the buttons a reply may carry. Each kind of button's custom id is
 * built by the component that handles its click, which also parses it back: render owns no ids.
 * An answer also carries its question in the footer (`askedNote`), where the components that ask
 * it again read it back, after a restart too.
 */
export interface ButtonIds {
  /** ◀ ▶ under an answer: the page of `size` passages from `offset` (-1: a disabled ◀ on the first page). */
  passagesPage(offset: number, size: number): string;
  /** "Why?" under an answer: the full explanations of its verdicts (pages of `size` passages), for the clicker alone. */
  why(size: number): string;
  /** "Show figures" under an answer whose figures did not all fit (asked with `limit` passages). */
  showFigures(limit: number): string;
  /** The figures of one `/figures` topic, for the clicker alone ("All killed figures", a topic left out). */
  figuresOf(topic: string): string;
  /** Another page of one topic's figures, from `offset`, in place. */
  figuresPage(topic: string, offset: number): string;
  /** "Why?" under one topic's figures (the page from `offset`): its verdicts in full, for the clicker alone. */
  figuresWhy(topic: string, offset: number): string;
  /** A page of /sources, in place. */
  sourcesPage(page: number): string;
  /** "Post to channel" under a private listing: the same message, posted for everyone. */
  postToChannel(): string;
  /** The end of an answer's footer: the question as asked, from which a click reads it back. */
  askedNote(question: string): string;
  /** "CSV file" under a topic's figures: the topic's claims as a CSV file, for the clicker alone. */
  figuresCsv(topic: string): string;
  /** The menu "Open a topic…" under the figures overview (the topic is the value chosen). */
  openTopic(): string;
  /** The menu "Open a source…" under an answer (the article is the value chosen; the question is in the footer). */
  openSource(): string;
  /** "Ask about this article" under an article opened from an answer: a question about that article alone. */
  askAbout(articleId: string): string;
}

/** A message of embeds (fitted to Discord's limits), buttons and an optional line of text above them. */
export function message(
  embeds: APIEmbed[],
  components: DiscordReply['components'] = [],
  content?: string,
): DiscordReply {
  return {
    ...(content ? { content: cut(content, LIMIT.content) } : {}),
    embeds: fitEmbeds(embeds),
    components,
    allowedMentions: { parse: [] },
  };
}

/** A short message for the asker alone: errors, cooldowns, bad input. */
export function notice(text: string): DiscordReply {
  return privately(message([], [], escapeCut(text, LIMIT.content)));
}

/**
 * For the asker alone, with a "Post to channel" button: a listing is usually wanted by one person,
 * and shared when it helps the discussion.
 */
export function privatelyWithPost(
  reply: DiscordReply,
  ids: Pick<ButtonIds, 'postToChannel'>,
  labels: Labels = en,
): DiscordReply {
  return privately(withPostButton(reply, ids, labels));
}

/** The message with a "Post to channel" button after its others (an update of a private message keeps it). */
export function withPostButton(
  reply: DiscordReply,
  ids: Pick<ButtonIds, 'postToChannel'>,
  labels: Labels = en,
): DiscordReply {
  const post: APIButtonComponent = {
    type: ComponentType.Button,
    style: ButtonStyle.Secondary,
    label: labels.postToChannel,
    custom_id: ids.postToChannel(),
  };
  const rows = [...reply.components];
  const last = rows.at(-1);
  if (last && last.components.length < LIMIT.buttonsPerRow)
    rows[rows.length - 1] = { ...last, components: [...last.components, post] };
  else rows.push({ type: ComponentType.ActionRow, components: [post] });
  return { ...reply, components: rows };
}

/** A message as posted for everyone from its private copy: the same, without its "Post to channel" button. */
export function postedCopy(
  reply: Pick<DiscordReply, 'content' | 'embeds' | 'components'>,
  postId: string,
): DiscordReply {
  const components = reply.components
    .map((row) => ({
      ...row,
      components: row.components.filter((button) => !('custom_id' in button) || button.custom_id !== postId),
    }))
    .filter((row) => row.components.length > 0);
  return message(reply.embeds, components, reply.content);
}

/** The same message, for the asker (or the clicker) alone. */
export function privately(reply: DiscordReply): DiscordReply {
  return { ...reply, flags: MessageFlags.Ephemeral };
}

/**
 * The last guard before sending: every text within its limit, at most 25 fields, and all embeds
 * together within 6,000 characters, cutting from the end with a visible note rather than being rejected.
 */
export function fitEmbeds(embeds: APIEmbed[]): APIEmbed[] {
  const fitted = embeds.slice(0, LIMIT.embedsPerMessage).map((embed) => ({
    ...embed,
    ...(embed.title !== undefined ? { title: cut(embed.title, LIMIT.embedTitle) } : {}),
    ...(embed.description !== undefined ? { description: cut(embed.description, LIMIT.embedDescription) } : {}),
    ...(embed.footer ? { footer: { ...embed.footer, text: cut(embed.footer.text, LIMIT.footerText) } } : {}),
    ...(embed.fields
      ? {
          fields: embed.fields.slice(0, LIMIT.embedFields).map((field) => ({
            ...field,
            name: cut(field.name, LIMIT.fieldName) || '\u200b',
            value: cut(field.value, LIMIT.fieldValue) || '\u200b',
          })),
        }
      : {}),
  }));
  let over = fitted.reduce((sum, embed) => sum + embedLength(embed), 0) - LIMIT.embedsTotal;
  for (let i = fitted.length - 1; i >= 0 && over > 0; i--) {
    const embed = fitted[i]!;
    while (over > 0 && embed.fields && embed.fields.length > 0) {
      const removed = embed.fields.pop()!;
      over -= removed.name.length + removed.value.length;
    }
    if (over > 0 && embed.description) {
      const keep = Math.max(0, embed.description.length - over - 1);
      const shorter = keep > 0 ? cut(embed.description, keep) : '';
      over -= embed.description.length - shorter.length;
      embed.description = shorter || undefined;
    }
  }
  return fitted;
}

/** What Discord counts toward the 6,000 characters of a message's embeds. */
export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}
