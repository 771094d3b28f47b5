/**
 * wordRegExp: `\b` as a boundary of words in any script. JavaScript's own `\b` knows only ASCII
 * letters, so "\bпо данным" never matched and "\bsiden" matched inside "påsiden".
 */
import { describe, expect, it } from 'vitest';
import { wordRegExp } from '../../src/text/wordBoundary.js';

describe('wordRegExp', () => {
  it.each([
    ['\\b(?:по данным)\\b', 'По данным разведки', true],
    ['\\b(?:по данным)\\b', 'тропо данным', false],
    ['\\b(?:сколько)\\b', 'сколько погибших', true],
    ['\\b(?:за даними)\\b', 'За даними ГУР', true],
    ['\\b(?:scale)\\b', 'escalated', false],
    ['\\b(?:über)\\b', 'mit über 300', true],
    ['\\b(?:siden)\\b', 'påsiden', false],
  ])('GIVEN %s on "%s" THEN %s', (source, text, matches) => {
    expect(wordRegExp(source, 'i').test(text)).toBe(matches);
  });

  it('GIVEN a native \\b THEN Cyrillic words have no boundary: the reason for wordRegExp', () => {
    expect(/\bпо данным\b/iu.test('По данным разведки')).toBe(false);
  });
});
