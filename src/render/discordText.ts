import { escapeMarkdown } from 'discord.js';
import { truncate } from './text.js';

/**
 * Makes article text or a user's question safe to show in Discord: markdown shows as typed, and
 * mentions, channel links, masked links and "@everyone" cannot render as anything but text.
 * Pings are also prevented by `allowedMentions: { parse: [] }` on every message; this is the second lock.
 *
 * Every `[` and `]` is escaped, not only whole `[text](url)` patterns: a quote is escaped in pieces
 * (around its highlights), and a link split across pieces would otherwise slip through.
 */
export function escapeDiscord(text: string): string {
  return escapeMarkdown(text, { heading: true, bulletedList: true, numberedList: true })
    .replace(/[[\]]/g, '\\$&')
    .replace(/</g, '\\<')
    .replace(/^>/gm, '\\>')
    .replace(/@(everyone|here)/gi, '@\u200b$1');
}

/**
 * For text Discord shows raw (embed footers): a zero-width space after every `<` and `@`, so that
 * nothing can read as a mention, and {@link restoreMentions} gives back exactly the original.
 */
export function defuseMentions(text: string): string {
  return text.replace(/[<@]/g, '$&\u200b');
}

export function restoreMentions(text: string): string {
  return text.replace(/([<@])\u200b/g, '$1');
}

/**
 * {@link truncate}, and never half an emoji: a cut between the two halves of a surrogate pair
 * would leave a lone half that Discord shows as garbage.
 */
export function cut(text: string, max: number): string {
  const short = truncate(text, max);
  return short === text ? text : short.replace(/[\uD800-\uDBFF](?=…$)/, '');
}

/**
 * An article's link as Discord may show it: http(s) only, normalised by the URL parser (which
 * percent-encodes `<`, `>`, spaces and quotes), with `(`, `)` encoded so it cannot end a masked
 * link early and "@everyone" encoded so it cannot read as one. Null when there is no usable link.
 */
export function safeUrl(url: string | null | undefined, max = 512): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const href = parsed.href
    .replace(/\(/g, '%28')
    .replace(/\)/g, '%29')
    .replace(/@(everyone|here)/gi, '%40$1');
  // A link longer than this would crowd the citation out of its field; the title still names the article.
  return href.length <= max ? href : null;
}

/** An article id as inline code when that is safe (ids are file names), else escaped text. */
export function codeId(id: string): string {
  return /^[\w.-]{1,100}$/.test(id) ? `\`${id}\`` : escapeCut(id, 100);
}

/**
 * `cut(escapeDiscord(text), max)`, escaping only what can be shown: escaping never shortens text,
 * and discord.js' escaping is quadratic on long runs without spaces (a 10,000-character quote).
 */
export function escapeCut(text: string, max: number): string {
  return cut(escapeDiscord(text.length > max ? text.slice(0, max + 1) : text), max);
}
