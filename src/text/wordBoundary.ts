/**
 * Word boundaries for patterns built from the words of every language. JavaScript's `\b` knows only
 * ASCII letters, even with the `u` flag: "\bпо данным" or "\büber" never match. Patterns that join
 * language words with `\b` are compiled with {@link wordRegExp}, whose `\b` is a boundary between a
 * letter, digit or mark of any script and anything else.
 */
const WORD_CHARACTER = '[\\p{L}\\p{N}\\p{M}_]';

/** A boundary between a word character of any script and anything else (a `\b` for every language). */
export const WORD_BOUNDARY = `(?:(?<=${WORD_CHARACTER})(?!${WORD_CHARACTER})|(?<!${WORD_CHARACTER})(?=${WORD_CHARACTER}))`;

/** A RegExp whose `\b`s are Unicode word boundaries; compiled with the `u` flag, which they need. */
export function wordRegExp(source: string, flags = ''): RegExp {
  return new RegExp(source.replace(/(?<!\\)\\b/g, WORD_BOUNDARY), flags.includes('u') ? flags : `${flags}u`);
}
