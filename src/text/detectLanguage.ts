/**
 * Language detection, for articles that do not state their language. Its own module because the
 * detector's n-gram tables cost ~85 MB and ~0.2 s to load: only the corpus reader imports it, not
 * the analysis threads or the renderers, which read tags already known.
 */
import { eld } from 'eld/extrasmall';

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
