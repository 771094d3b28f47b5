import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/model/article.js';
import { loadCorpus } from '../../../src/corpus/load.js';
import { PassageIndex } from '../../../src/search/minisearch/passageIndex.js';
import { TermDictionary } from '../../../src/search/minisearch/postings.js';
import { buildPassages, type PackedPassage } from '../../../src/search/passages.js';
import type { TermChoice } from '../../../src/search/searchIndex.js';
import { indexTerms, tokenize } from '../../../src/text/analyze.js';
import { analyzerLanguage } from '../../../src/text/language.js';
import { SEED_CORPUS } from '../../helpers.js';

function article(id: string, title: string, text: string): Article {
  return {
    id,
    file: `${id}.md`,
    title,
    text,
    publisher: null,
    url: null,
    published: null,
    language: 'en',
    provenance: {},
  };
}

/** Edge cases beside the seeds: a title and a passage with nothing but stop words, which MiniSearch counts as one empty word. */
const oddities: Article[] = [article('only-stop-words', 'The', 'The and of. Killed in Kursk.')];
const passages = buildPassages([...(await loadCorpus(SEED_CORPUS)).articles, ...oddities]);

/** The index terms of a title, as the index reads it. */
function titleTerms(title: string): string[] {
  return tokenize(title, analyzerLanguage('en'))
    .filter((token) => !token.stopWord)
    .flatMap(indexTerms);
}

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

/** A search's hits, comparable across indexes: which passage (by article and place), and its score. */
function results(index: PassageIndex, words: readonly TermChoice[][]): [string, number, number][] {
  return index.find(words).map((hit) => [hit.passage.article.id, hit.passage.index, hit.score]);
}

describe('the passage index', () => {
  it('GIVEN the seed corpus WHEN built THEN it holds exactly the postings and field lengths MiniSearch builds', () => {
    const ours = PassageIndex.build(passages);
    const theirs = miniSearchOf(passages).toJSON();
    expect(ours.snapshot().terms.sort()).toEqual(theirs.index.map(([term]) => term).sort());
    for (const [term, fields] of theirs.index) {
      const pairs = (field: string) =>
        Object.entries(fields[field] ?? {}).map(([id, tf]): [number, number] => [Number(id), tf]);
      expect(ours.postingsOf(term)).toEqual({ title: pairs('0'), text: pairs('1') });
    }
    for (const [id, lengths] of Object.entries(theirs.fieldLength))
      expect(ours.fieldLengthsOf(Number(id))).toEqual(lengths);
    ours['averages'].forEach((average, field) => {
      expect(average).toBeCloseTo(theirs.averageFieldLength[field]!, 9);
    });
    expect(ours.size).toBe(theirs.documentCount);
  });

  it('GIVEN a snapshot of the index WHEN restored THEN the index and every search are the same', () => {
    const built = PassageIndex.build(passages);
    const restored = PassageIndex.restore(passages, PassageIndex.readSnapshot(built.snapshot()));
    expect(restored.snapshot()).toEqual(built.snapshot());
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

  it('GIVEN the sorted terms of a snapshot THEN the term tree built in one pass answers as one built term by term', () => {
    const terms = PassageIndex.build(passages).snapshot().terms;
    const bulk = new TermDictionary(terms);
    const oneByOne = new TermDictionary([...terms].reverse());
    const named = (dictionary: TermDictionary, found: Iterable<[string, unknown]>) =>
      [...found]
        .map(([term, value]) => [term, Array.isArray(value) ? value[1] : dictionary.list[value as number]])
        .sort();
    for (const term of terms) expect(bulk.list[bulk.number(term)!]).toBe(term);
    for (const word of ['kill', 'kovalenko', 'kursk', 'ukrain', 'soldat', 'x', '1', 'drept', 'zzz'])
      for (const distance of [1, 2]) {
        expect(named(bulk, bulk.tree.fuzzyGet(word, distance))).toEqual(
          named(oneByOne, oneByOne.tree.fuzzyGet(word, distance)),
        );
        expect(named(bulk, bulk.tree.atPrefix(word.slice(0, distance + 1)))).toEqual(
          named(oneByOne, oneByOne.tree.atPrefix(word.slice(0, distance + 1))),
        );
      }
  });

  it('GIVEN a stem THEN its usual spelling in the corpus is shown', () => {
    const index = PassageIndex.build(passages);
    expect(index.surfaceOf('kill')).toBe('killed');
    expect(index.surfaceOf('no-such-stem')).toBeNull();
  });
});

/**
 * A corpus of many short articles over a small vocabulary, so that its commonest words are in
 * thousands of passages: questions of common words only are answered from their best passages.
 */
const VOCABULARY = (
  'drone strike village army report city killed wounded soldier border shell missile bridge ' +
  'convoy harbour refinery tank officer medic river winter supply brigade airfield depot ' +
  'ceasefire talks minister envoy rocket battery trench outpost'
).split(' ');

function syntheticArticles(count: number, seed: number, prefix = 'a'): Article[] {
  let state = seed;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  // Zipf-like: the first words far commoner than the last.
  const word = () => VOCABULARY[Math.floor(VOCABULARY.length * random() ** 2.2)]!;
  const sentence = () => {
    const words = Array.from({ length: 4 + Math.floor(random() * 9) }, word);
    return `${words.join(' ')}.`;
  };
  return Array.from({ length: count }, (_, i) =>
    article(
      `${prefix}${i}`,
      `${word()} ${word()} ${word()}`,
      Array.from({ length: 1 + Math.floor(random() * 3) }, sentence).join(' '),
    ),
  );
}

/** Questions of every kind: rare and common words, typos and unfinished words, as the engine expands them. */
function questionsFor(index: PassageIndex): TermChoice[][][] {
  const plain = (...terms: string[]) => terms.map((term) => [{ term, weight: 1 }]);
  return [
    plain('drone', 'strike'),
    plain('drone', 'strike', 'village'),
    plain('kill'),
    plain('depot', 'trench'),
    plain('outpost'),
    plain('zyxqor'),
    plain('vanishword', 'drone'),
    plain('ceasefir', 'talk'),
    [index.expand('vilage', 1, false), index.expand('rep', 0, true)],
    [index.expand('brigad', 1, true), index.expand('drone', 0, false)],
    [index.expand('zyxqo', 1, true)],
  ];
}

/** A passage list numbered 0…n-1 in the same order: what a build from scratch indexes. */
function renumbered(list: readonly PackedPassage[]): PackedPassage[] {
  return list.map((passage, i) => passage.relocated(i, passage.article));
}

describe('an update of the passage index', () => {
  const base = syntheticArticles(2600, 7);
  base[5] = article('a5', 'vanishword convoy', 'The vanishword convoy crossed the river at dawn.');
  const basePassages = buildPassages(base);
  const removedArticles = new Set(['a5', 'a17', 'a300', 'a1999']);
  const added = [
    article('a17', 'drone report', 'A changed article: the zyxqor drone struck the depot twice.'),
    ...syntheticArticles(6, 99, 'new'),
  ];

  async function updated() {
    const index = PassageIndex.build(basePassages);
    const removed = basePassages.filter((passage) => removedArticles.has(passage.article.id));
    const addedPassages = buildPassages(added).map((passage, i) =>
      passage.relocated(index.nextId + i, passage.article),
    );
    const before = questionsFor(index).map((words) => results(index, words));
    const next = await index.update({ removed: removed.map((passage) => passage.id), added: addedPassages });
    return { index, next, removed, addedPassages, before };
  }

  it('GIVEN an index WHEN some articles are removed, changed and added THEN it answers as one built from scratch over the same passages', async () => {
    const { next } = await updated();
    const scratch = PassageIndex.build(renumbered(next.passages));
    expect(next.size).toBe(scratch.size);
    const questions = questionsFor(next);
    expect(questionsFor(scratch)).toEqual(questions);
    for (const words of questions) expect(results(next, words)).toEqual(results(scratch, words));
    expect(results(next, [[{ term: 'zyxqor', weight: 1 }]])).toEqual([['a17', 0, expect.any(Number)]]);
    expect(next.frequency('vanishword')).toBe(0);
    for (const term of ['drone', 'zyxqor', 'vanishword', 'kill', 'depot'])
      expect(next.frequency(term)).toBe(scratch.frequency(term));
    expect(next.similarStems('dron', 1)).toEqual(scratch.similarStems('dron', 1));
    // Common words only: answered through their best passages, which the update chose again.
    expect(next.frequency('drone')).toBeGreaterThan(2000);
    expect(next.find(questions[0]!).length).toBe(200);
  });

  it('GIVEN an update THEN the new index never answers from a removed passage and does from the added ones', async () => {
    const { next, removed, addedPassages } = await updated();
    const removedIds = new Set(removed.map((passage) => passage.id));
    const all = next.passages.map((passage) => passage.id);
    const cited = questionsFor(next).flatMap((words) => [
      ...next.find(words),
      ...next.find(words, [...removedIds, ...all.slice(0, 50)]),
    ]);
    expect(cited.some((hit) => removedIds.has(hit.passage.id))).toBe(false);
    expect(cited.some((hit) => hit.passage.article.id.startsWith('new'))).toBe(true);
    for (const passage of removed) expect(next.passage(passage.id)).toBeUndefined();
    for (const passage of addedPassages) expect(next.passage(passage.id)).toBe(passage);
  });

  it('GIVEN an update under way and done THEN the old index answers exactly as before, and knows none of the new words', async () => {
    const { index, removed, addedPassages, before } = await updated();
    const asked = () => questionsFor(index).map((words) => results(index, words));
    expect(asked()).toEqual(before);
    // Step by step, asking the old index between the update's slices.
    const again = index.updating({ removed: removed.map((passage) => passage.id), added: addedPassages });
    for (let step = again.next(); !step.done; step = again.next()) expect(asked()).toEqual(before);
    expect(asked()).toEqual(before);
    expect(index.frequency('zyxqor')).toBe(0);
    expect(index.expand('zyxqo', 1, true).map((choice) => choice.term)).toEqual(['zyxqo']);
    expect(index.similarStems('zyxqo', 1)).toEqual([]);
    expect(index.passage(removed[0]!.id)).toBe(removed[0]);
  });

  it('GIVEN an update THEN its work is counted: only the changed passages read, only their terms rewritten', async () => {
    const { index, next, removed, addedPassages } = await updated();
    const termsOf = (list: readonly PackedPassage[]) =>
      new Set(
        list.flatMap((passage) => [
          ...titleTerms(passage.article.title),
          ...passage.tokens.filter((token) => !token.stopWord).flatMap(indexTerms),
        ]),
      );
    const touched = termsOf([...removed, ...addedPassages]);
    expect(next.work).toEqual({
      passages: removed.length + addedPassages.length,
      terms: touched.size,
      postings: [...touched].reduce(
        (sum, term) => sum + next.postingsOf(term).title.length + next.postingsOf(term).text.length,
        0,
      ),
      compacted: false,
    });
    const untouched = index.snapshot().terms.filter((term) => !touched.has(term));
    expect(untouched.length).toBeGreaterThan(0);
    for (const term of untouched) expect(next.postingsOf(term)).toEqual(index.postingsOf(term));
    // One article changed: fewer passages read and fewer terms rewritten.
    const one = basePassages.filter((passage) => passage.article.id === 'a300');
    const small = await index.update({ removed: one.map((passage) => passage.id), added: [] });
    expect(small.work!.passages).toBe(one.length);
    expect(small.work!.terms).toBe(termsOf(one).size);
    expect(small.work!.terms).toBeLessThan(next.work!.terms);
  });

  it('GIVEN updates one after another, and two from the same index THEN each answers as one built from scratch', async () => {
    const { index, next } = await updated();
    const third = await next.update({
      removed: next.passages.slice(10, 40).map((passage) => passage.id),
      added: buildPassages(syntheticArticles(5, 3, 'third')).map((passage, i) =>
        passage.relocated(next.nextId + i, passage.article),
      ),
    });
    const sibling = await index.update({
      removed: [0, 1, 2],
      added: buildPassages(syntheticArticles(3, 5, 'sibling')).map((passage, i) =>
        passage.relocated(index.nextId + i, passage.article),
      ),
    });
    for (const version of [next, third, sibling]) {
      const scratch = PassageIndex.build(renumbered(version.passages));
      for (const words of questionsFor(version)) expect(results(version, words)).toEqual(results(scratch, words));
    }
    // The sibling took the ids `next` took, in field lengths of its own.
    expect(next.passage(index.nextId)!.article.id).toBe('a17');
    expect(sibling.passage(index.nextId)!.article.id).toBe('sibling0');
  });

  it('GIVEN many small updates THEN the records are compacted at last, and it still answers as one built from scratch', async () => {
    let { next } = await updated();
    let updates = 0;
    while (!next.work!.compacted && updates < 300) {
      const moved = next.passages[updates]!;
      next = await next.update({ removed: [moved.id], added: [moved.relocated(next.nextId, moved.article)] });
      updates++;
    }
    expect(next.work!.compacted).toBe(true);
    const scratch = PassageIndex.build(renumbered(next.passages));
    for (const words of questionsFor(next)) expect(results(next, words)).toEqual(results(scratch, words));
  });

  it('GIVEN an updated index with gaps in its ids WHEN snapshot and read back THEN it answers the same, and only with its passages', async () => {
    const { next } = await updated();
    const snapshot = next.snapshot();
    expect(snapshot.ids).toEqual(Uint32Array.from(next.passages, (passage) => passage.id));
    const restored = PassageIndex.restore(next.passages, PassageIndex.readSnapshot(snapshot));
    for (const words of questionsFor(next)) expect(results(restored, words)).toEqual(results(next, words));
    expect(restored.nextId).toBe(next.nextId);
    expect(() => PassageIndex.restore(renumbered(next.passages), PassageIndex.readSnapshot(snapshot))).toThrow(
      'index snapshot is of other passages',
    );
  });
});
