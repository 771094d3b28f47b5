import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { figureChanges } from '../../src/engine/changes.js';
import { Engine } from '../../src/engine/engine.js';
import type { Article } from '../../src/model/article.js';
import { SEED, SEED_CORPUS } from '../helpers.js';

const added = (id: string, published: string, text: string): Article => ({
  id,
  file: `${id}.md`,
  title: text.split('\n')[0]!,
  publisher: 'Harbour Wire',
  url: null,
  published,
  language: 'en',
  text,
  provenance: {},
});

async function withAdded(article: Article) {
  const seed = await loadCorpus(SEED_CORPUS);
  const engine = await Engine.build({ ...seed, articles: [...seed.articles, article] });
  return figureChanges(engine.figures(), [article.id]);
}

describe('what an added article changes', () => {
  it('GIVEN a later, higher toll THEN its figure and the verdicts it makes with the seed figures, conflicts first', async () => {
    const changes = await withAdded(
      added(
        'added/nis-september',
        '2025-09-04',
        "Seoul raises toll of North Koreans killed in Russia\n\nAt least 2,000 North Korean soldiers have been killed fighting for Russia, South Korea's National Intelligence Service told lawmakers on Thursday.",
      ),
    );
    expect(changes.figures.map((claim) => [claim.category, claim.value])).toEqual([['killed', 2000]]);
    expect(changes.repeated).toEqual([]);
    expect(changes.verdicts.length).toBeGreaterThan(0);
    for (const { claims } of changes.verdicts) {
      expect(claims.some((claim) => claim.value === 2000)).toBe(true);
      expect(claims.some((claim) => claim.sources.some((source) => source.articleId !== 'added/nis-september'))).toBe(
        true,
      );
    }
    const kinds = changes.verdicts.map(({ verdict }) => verdict.kind);
    expect(kinds).toEqual(
      [...kinds].sort(
        (a, b) =>
          ['disagree', 'grew', 'undated', 'different scope', 'consistent'].indexOf(a) -
          ['disagree', 'grew', 'undated', 'different scope', 'consistent'].indexOf(b),
      ),
    );
    // The Norwegian seed's "Rundt 400" (26 Feb, no year) cannot be told apart from growth: said so.
    expect(changes.verdicts.find(({ claims }) => claims.some((claim) => claim.value === 400))?.verdict.kind).toBe(
      'undated',
    );
  });

  it('GIVEN an article that repeats a seed figure THEN the figure is counted as repeated, with the seed article among its tellings', async () => {
    const changes = await withAdded(
      added(
        'added/officers',
        '2024-10-06',
        'Officers killed\n\nSix North Korean officers were killed in a Ukrainian missile strike near Donetsk on October 3, Ukrainian media reported.',
      ),
    );
    const officers = changes.repeated.find((claim) => claim.value === 6);
    expect(officers?.sources.map((source) => source.articleId)).toEqual(
      expect.arrayContaining([SEED.ytn, 'added/officers']),
    );
  });

  it('GIVEN an article without figures THEN no figures and no verdicts', async () => {
    const changes = await withAdded(
      added('added/none', '2025-01-02', 'Talks\n\nDiplomats met in Geneva to discuss the war.'),
    );
    expect(changes).toMatchObject({ figures: [], repeated: [], verdicts: [] });
  });
});
