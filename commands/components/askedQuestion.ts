/**
 * An answer's footer ends with the question as asked, so that its buttons can ask it again after a
 * restart, when nothing else remembers it. Written and read back here only.
 */
import { MAX_QUESTION_CHARS } from '../../src/engine/types.js';
import { cut, defuseMentions, restoreMentions } from '../../src/render/discordText.js';

const QUESTION_MARK = ' · asked: ';

/** The end of an answer's footer. Footers show text raw (no markdown, no mentions): the question is defused rather than escaped, reversibly. */
export function askedNote(question: string): string {
  return `${QUESTION_MARK}${defuseMentions(cut(question, MAX_QUESTION_CHARS))}`;
}

/** The question an answer message was for, read back from its footer; null when it has none. */
export function questionFromFooter(footerText: string | undefined | null): string | null {
  if (!footerText) return null;
  const at = footerText.indexOf(QUESTION_MARK);
  return at >= 0 ? restoreMentions(footerText.slice(at + QUESTION_MARK.length)) : null;
}
