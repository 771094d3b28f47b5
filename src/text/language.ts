import { languageFor } from '../languages/index.js';

/**
 * A language we stem, fold and take stop words for: the own tag of a registered language module
 * ("en", "nb"). Others are indexed with case and diacritic folding only.
 */
export type AnalyzedLanguage = string;

/** Maps a BCP 47 tag to the language module that reads it: all Norwegian (no, nb, nn) share one. */
export function analyzerLanguage(tag: string | null): AnalyzedLanguage | null {
  return languageFor(tag)?.tags[0] ?? null;
}

const displayNames = new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' });

/** "Norwegian Bokmål" for `nb`; the tag itself where Intl has no name. */
export function languageName(tag: string | null): string | null {
  if (!tag) return null;
  try {
    return displayNames.of(tag) ?? tag;
  } catch {
    return tag;
  }
}
