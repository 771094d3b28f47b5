import { escapeMarkdown } from 'discord.js';

/**
 * Makes article text or a user's question safe to show in Discord: markdown shows as typed, and
 * mentions, channel links, masked links and "@everyone" cannot render as anything but text.
 * Pings are also prevented by `allowedMentions: { parse: [] }` on every message; this is the second lock.
 */
export function escapeDiscord(text: string): string {
  return escapeMarkdown(text, { maskedLink: true, heading: true, bulletedList: true, numberedList: true })
    .replace(/</g, '\\<')
    .replace(/^>/gm, '\\>')
    .replace(/@(everyone|here)/gi, '@\u200b$1');
}
