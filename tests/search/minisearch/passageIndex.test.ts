import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/model/article.js';
import { loadCorpus } from '../../../src/corpus/load.js';
import { PassageIndex } from '../../../src/search/minisearch/passageIndex.js';
import { buildPassages, type PackedPassage } from '../../../src/search/passages.js';
import { indexTerms, tokenize } from '../../../src/text/analyze.js';
import { analyzerLanguage } from '../../../src/text/language.js';
import { SEED_CORPUS } from '../../helpers.js';

/** Edge cases beside the seeds: a title and a passage with nothing but stop words, which MiniSearch counts as one empty word. */
const oddities: Article[] = [
  {
    id: 'only-stop-words',
    file: 'only-stop-words.md',
    title: 'The',
    text: 'The and of. Killed in Kursk.',
    publisher: null,
    url: null,
    published: null,
    language: 'en',
    provenance: {},
  },
];
const passages = buildPassages([...(await loadCorpus(SEED_CORPUS)).articles, ...oddities]);

/** The index as MiniSearch itself builds it, one document per passage, with the same terms. */
function miniSearchOf(list: readonly PackedPassage[]) {
  const search = new MiniSearch<{ id: number; title: string; text: string }>({
    fields: ['title', 'text'],
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term || null,
  });
  search.addAll(
    list.map((passage) => ({
      id: passage.id,
      title: tokenize(passage.article.title, analyzerLanguage(passage.article.language))
        .filter((token) => !token.stopWord)
        .flatMap(indexTerms)
        .join(' '),
      text: passage.tokens
        .filter((token) => !token.stopWord)
        .flatMap(indexTerms)
        .join(' '),
    })),
  );
  return search;
}

/** MiniSearch's serialised form, with its running average of field lengths set apart (it rounds differently from a sum). */
function comparable(search: MiniSearch) {
  const { averageFieldLength, ...rest } = search.toJSON();
  return { rest: { ...rest, index: [...rest.index].sort((a, b) => (a[0] < b[0] ? -1 : 1)) }, averageFieldLength };
}

describe('the passage index', () => {
  it('GIVEN the seed corpus WHEN built in bulk THEN MiniSearch holds exactly what its own addAll builds', () => {
    const ours = comparable(PassageIndex.build(passages)['search']);
    const theirs = comparable(miniSearchOf(passages));
    expect(ours.rest).toEqual(theirs.rest);
    ours.averageFieldLength.forEach((average, field) => {
      expect(average).toBeCloseTo(theirs.averageFieldLength[field]!, 9);
    });
    expect(ours.rest.documentCount).toBe(passages.length);
  });

  it('GIVEN a snapshot of the index WHEN restored THEN the index and every search are the same', () => {
    const built = PassageIndex.build(passages);
    const restored = PassageIndex.restore(passages, PassageIndex.readSnapshot(built.snapshot()));
    expect(comparable(restored['search'])).toEqual(comparable(built['search']));
    for (const words of [
      [[{ term: 'kill', weight: 1 }]],
      [[{ term: 'kovalenko', weight: 1 }], [{ term: '~killed', weight: 1 }]],
      [[{ term: 'drept', weight: 1 }]],
    ]) {
      const ids = (index: PassageIndex) => index.find(words).map((hit) => [hit.passage.id, hit.score]);
      expect(ids(restored)).toEqual(ids(built));
      expect(ids(built).length).toBeGreaterThan(0);
    }
    expect(restored.frequency('kill')).toBe(built.frequency('kill'));
  });

  it('GIVEN a snapshot of other passages THEN it is refused, not half-used', () => {
    const snapshot = PassageIndex.build(passages).snapshot();
    expect(() => PassageIndex.restore(passages.slice(1), PassageIndex.readSnapshot(snapshot))).toThrow(
      'index snapshot is of other passages',
    );
    expect(() =>
      PassageIndex.restore(
        passages,
        PassageIndex.readSnapshot({
          ...snapshot,
          postings: snapshot.postings.subarray(0, snapshot.postings.length - 3),
        }),
      ),
    ).toThrow();
  });

  it('GIVEN a stem THEN its usual spelling in the corpus is shown', () => {
    const index = PassageIndex.build(passages);
    expect(index.surfaceOf('kill')).toBe('killed');
    expect(index.surfaceOf('no-such-stem')).toBeNull();
  });
});
