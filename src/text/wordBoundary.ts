/**
 * Word boundaries for patterns built from the words of every language. JavaScript's `\b` knows only
 * ASCII letters, even with the `u` flag: "\bпо данным" or "\büber" never match. Patterns that join
 * language words with `\b` are compiled with {@link wordRegExp}, whose `\b` is a boundary between a
 * letter, digit or mark of any script and anything else.
 */
const WORD_CHARACTER = '[\\p{L}\\p{N}\\p{M}_]';

/** A word or phrase as a regular expression matching it literally ("bl.a" matches only "bl.a"). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A boundary between a word character of any script and anything else (a `\b` for every language). */
export const WORD_BOUNDARY = `(?:(?<=${WORD_CHARACTER})(?!${WORD_CHARACTER})|(?<!${WORD_CHARACTER})(?=${WORD_CHARACTER}))`;

/** Where a word starts: no word character before. */
const WORD_START = `(?<!${WORD_CHARACTER})`;
/** Where a word ends: no word character after. */
const WORD_END = `(?!${WORD_CHARACTER})`;

/**
 * A RegExp whose `\b`s are Unicode word boundaries; compiled with the `u` flag, which they need.
 * A `\b` that opens a group of words ("\b(?:said|told)") needs only the look behind, one that
 * closes it only the look ahead: half the work of the two-sided boundary at every position tried,
 * which matters in patterns run over every passage of a corpus.
 */
export function wordRegExp(source: string, flags = ''): RegExp {
  const boundaries = source.replace(/(?<!\\)\\b/g, (_, offset: number) => {
    const before = source.slice(Math.max(0, offset - 2), offset);
    const after = source.slice(offset + 2, offset + 4);
    const opens = before === '' || /[(|:^]$/.test(before) || before === '\\s';
    const closes = after === '' || /^[)|$[]/.test(after) || after === '\\s';
    if (opens && !closes) return WORD_START;
    if (closes && !opens) return WORD_END;
    return WORD_BOUNDARY;
  });
  return new RegExp(boundaries, flags.includes('u') ? flags : `${flags}u`);
}
