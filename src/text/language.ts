import { franc } from 'franc';
import { languageFor } from '../languages/index.js';

/**
 * A language we stem, fold and take stop words for: the own tag of a registered language module
 * ("en", "nb"). Others are indexed with case and diacritic folding only.
 */
export type AnalyzedLanguage = string;

// franc answers ISO 639-3; articles and Intl speak BCP 47. Only languages a team is likely to drop in.
const ISO639_3_TO_BCP47: Record<string, string> = {
  eng: 'en',
  sco: 'en',
  nob: 'nb',
  nno: 'nn',
  dan: 'da',
  swe: 'sv',
  deu: 'de',
  fra: 'fr',
  spa: 'es',
  ita: 'it',
  por: 'pt',
  nld: 'nl',
  fin: 'fi',
  pol: 'pl',
  rus: 'ru',
  ukr: 'uk',
  kor: 'ko',
  jpn: 'ja',
  cmn: 'zh',
  arb: 'ar',
  tur: 'tr',
  ces: 'cs',
  ron: 'ro',
  hun: 'hu',
  ell: 'el',
  heb: 'he',
};

/**
 * Detects the language of an article's text. Returns `null` for text too short to tell
 * (franc needs a few sentences; a guess on a headline is worse than no answer).
 */
export function detectLanguage(text: string): string | null {
  const code = franc(text, { minLength: 40 });
  if (code === 'und') return null;
  return ISO639_3_TO_BCP47[code] ?? code;
}

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
