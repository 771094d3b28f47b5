import { eld } from 'eld/extrasmall';
import { languageFor } from '../languages/index.js';

/**
 * A language we stem, fold and take stop words for: the own tag of a registered language module
 * ("en", "nb"). Others are indexed with case and diacritic folding only.
 */
export type AnalyzedLanguage = string;

// eld answers ISO 639-1, which is already BCP 47, except its one Norwegian ("no"): we call it Bokmål.
const ELD_TO_BCP47: Record<string, string> = { no: 'nb' };

/**
 * Two languages scoring this close are not told apart by the text (short Bokmål reads as Danish
 * as often as not), so neither is named.
 */
const NEAR_TIE = 0.005;

/**
 * Detects the language of an article's text. Returns `null` where the text does not tell: too few
 * letters for the detector to be reliable, or two languages scoring all but the same.
 */
export function detectLanguage(text: string): string | null {
  const result = eld.detect(text);
  if (!result.language || !result.isReliable()) return null;
  const [best = 0, second = 0] = Object.values(result.getScores()).sort((a, b) => b - a);
  if (best - second < NEAR_TIE) return null;
  return ELD_TO_BCP47[result.language] ?? result.language;
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
