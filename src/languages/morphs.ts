/**
 * Building blocks of the number-word tables of languages whose number words inflect (Russian,
 * Ukrainian): a morph per word and every case form of a word to it.
 */
import type { NumberMorph } from './types.js';

export const unit = (v: number): NumberMorph => ({ cat: 'unit', v });
export const teen = (v: number): NumberMorph => ({ cat: 'teen', v });
export const ten = (v: number): NumberMorph => ({ cat: 'ten', v });
/** "двести", "сто": a whole hundreds word, a number on its own. */
export const hundreds = (v: number): NumberMorph => ({ cat: 'hundred', v, alone: true });
export const scale = (v: number, alone = false): NumberMorph => ({ cat: 'scale', v, ...(alone ? { alone } : {}) });

/** Every case form of a number word, to its morph. */
export const forms = (morph: NumberMorph, ...words: string[]): Record<string, NumberMorph> =>
  Object.fromEntries(words.map((word) => [word, morph]));
