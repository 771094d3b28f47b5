/**
 * Dates you can trust (issue 11): a figure's `asOf` is read from its own article, with the rules a
 * careful reader applies — "by March" in January is the coming March, "last year" dates only the
 * figure it governs, "on the 12th" is a day of the article's month, and an article dated to the
 * month only still dates its figures, to the month.
 */
import type { Claim } from '../../src/model/claim.js';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/model/article.js';
import { extractClaims } from '../../src/figures/claims.js';
import { buildPassages } from '../../src/search/passages.js';

function claims(text: string, published: string | null, language = 'en'): Claim[] {
  const article: Article = {
    id: 'a',
    file: 'a.md',
    text,
    title: 'a',
    publisher: null,
    url: null,
    published,
    language,
    provenance: {},
  };
  return extractClaims(buildPassages([article]));
}

const dated = (found: Claim[]) =>
  found.map((claim) => [claim.category, claim.value, claim.asOf?.date ?? null, claim.asOf?.precision ?? null]);

describe('dates of figures', () => {
  it('GIVEN "by March" in a January article THEN the coming March', () => {
    expect(
      dated(
        claims('North Korea could send up to 5,000 more soldiers to Russia by March, the agency said.', '2025-01-15'),
      ),
    ).toEqual([['reinforcements', 5000, '2025-03', 'month']]);
  });

  it('GIVEN "by February" in a December article THEN February of the next year', () => {
    expect(
      dated(
        claims(
          'North Korea may send up to 3,000 more soldiers to Russia by February, South Korean lawmakers said on Thursday.',
          '2024-12-19',
        ),
      ),
    ).toEqual([['reinforcements', 3000, '2025-02', 'month']]);
  });

  it('GIVEN "last year" with one of two figures THEN it dates only that one', () => {
    expect(
      dated(
        claims(
          'North Korea sent about 11,000 soldiers to Russia last year, and some 4,000 of them have been killed or wounded, Seoul said.',
          '2025-03-10',
        ),
      ),
    ).toEqual([
      ['deployed', 11000, '2024', 'year'],
      ['casualties', 4000, '2025-03-10', 'day'],
    ]);
  });

  it('GIVEN "on the 12th" THEN a day of the article\'s month', () => {
    expect(dated(claims('Seven people were killed on the 12th, regional officials said.', '2025-03-14'))).toEqual([
      ['killed', 7, '2025-03-12', 'day'],
    ]);
  });

  it('GIVEN an article dated to the month only THEN its figures are dated to that month, and "the 12th" to its day', () => {
    expect(
      dated(
        claims(
          'About 600 North Korean soldiers have been killed, the spy agency said. Seven people were killed on the 12th, officials said.',
          '2025-03',
        ),
      ),
    ).toEqual([
      ['killed', 600, '2025-03', 'month'],
      ['killed', 7, '2025-03-12', 'day'],
    ]);
  });

  it('GIVEN an article dated to the month only THEN a weekday, which needs the day, dates nothing finer than the month', () => {
    const found = claims('Seven people were killed on Monday, officials said.', '2025-03');
    expect(dated(found)).toEqual([['killed', 7, '2025-03', 'month']]);
    expect(found[0]!.sources[0]!.asOfBasis).toBe('published');
  });
});
