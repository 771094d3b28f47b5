/** Helpers shared by the renderers: dates and names as a person reads them. */

import type { ArticleRef } from '../engine/types.js';
import { languageName } from '../text/language.js';

/** "2024-10-05" stays as is: unambiguous in every locale. A date-time is cut to its date. */
export function formatPublished(published: string | null): string {
  return published ? published.slice(0, 10) : 'date unknown';
}

/** "YTN, 2024-10-05": who and when, with honest blanks. */
export function byline(article: ArticleRef): string {
  return `${article.publisher ?? 'publisher unknown'}, ${formatPublished(article.published)}`;
}

export function languageLabel(tag: string | null): string {
  return tag ? `${languageName(tag)} (${tag})` : 'language unknown';
}

/**
 * Cuts text at a word boundary so that the result, ellipsis included, is at most `max` characters.
 * A cut never leaves half of a backslash escape behind, which would escape the ellipsis in Discord.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return '…'.slice(0, max);
  let cut = text.slice(0, max - 1);
  const space = cut.search(/\s\S*$/);
  if (space > max * 0.6) cut = cut.slice(0, space);
  cut = cut.replace(/\\+$/, (slashes) => (slashes.length % 2 ? slashes.slice(1) : slashes)).trimEnd();
  return `${cut}…`;
}
