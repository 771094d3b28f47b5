import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import {
  articleHash,
  articlesChanged,
  corpusChanges,
  corpusDigest,
  diffDigests,
} from '../../src/engine/articleChanges.js';
import { Engine } from '../../src/engine/engine.js';
import type { Article } from '../../src/model/article.js';
import { SEED_CORPUS } from '../helpers.js';

const article = (id: string, published: string, title: string, text: string): Article => ({
  id,
  file: `${id}.md`,
  title,
  publisher: 'Harbour Wire',
  url: `https://news.example.com/${id}`,
  published,
  language: 'en',
  text,
  provenance: {},
});

const SEPTEMBER = article(
  'added/nis-september',
  '2025-09-04',
  'Seoul raises toll of North Koreans killed in Russia',
  "At least 2,000 North Korean soldiers have been killed fighting for Russia, South Korea's National Intelligence Service told lawmakers on Thursday.",
);
const ALSO_SEPTEMBER = article(
  'added/nis-september-2',
  '2025-09-04',
  'Spy agency briefs lawmakers on losses',
  "At least 2,000 North Korean soldiers have been killed fighting for Russia, South Korea's National Intelligence Service told lawmakers on Thursday. Another 2,700 were wounded.",
);
const TALKS = article(
  'added/talks',
  '2025-09-05',
  'Envoys meet in Geneva',
  'Envoys from both sides met in Geneva on Friday; the talks ended without a joint statement.',
);

async function engineWith(...added: Article[]): Promise<Engine> {
  const seed = await loadCorpus(SEED_CORPUS);
  return Engine.build({ ...seed, articles: [...seed.articles, ...added] });
}

describe('which articles changed', () => {
  it('GIVEN the same article in another file, or saved again THEN its hash is the same; another text, title, publisher or date THEN not', () => {
    const hash = articleHash(SEPTEMBER);
    const moved: Article = { ...SEPTEMBER, file: 'elsewhere/nis.md', provenance: { title: 'front matter' } };
    expect(articleHash(moved)).toBe(hash);
    for (const changed of [
      { text: `${SEPTEMBER.text} More later.` },
      { title: 'Another title' },
      { publisher: 'Another Wire' },
      { published: '2025-09-05' },
    ])
      expect(articleHash({ ...SEPTEMBER, ...changed })).not.toBe(hash);
  });

  it('GIVEN two digests THEN new ids are added, other hashes changed, missing ids removed, each in corpus order', () => {
    const before = new Map([
      ['a', '1'],
      ['b', '2'],
      ['c', '3'],
    ]);
    const after = new Map([
      ['a', '1'],
      ['b', '9'],
      ['d', '4'],
      ['e', '5'],
    ]);
    expect(diffDigests(before, after)).toEqual({ added: ['d', 'e'], changed: ['b'], removed: ['c'] });
    expect(diffDigests(after, after)).toEqual({ added: [], changed: [], removed: [] });
  });

  it('GIVEN the engines before and after a reload THEN the articles it brought, by id', async () => {
    const before = await engineWith(TALKS);
    const after = await engineWith({ ...TALKS, text: `${TALKS.text} A new round is planned.` }, SEPTEMBER);
    expect(articlesChanged(before, after)).toEqual({ added: [SEPTEMBER.id], changed: [TALKS.id], removed: [] });
    expect(articlesChanged(after, after)).toEqual({ added: [], changed: [], removed: [] });
    expect(corpusDigest(after.corpus.articles).get(SEPTEMBER.id)).toBe(articleHash(SEPTEMBER));
  });
});

describe('what the changed articles change', () => {
  it('GIVEN two new articles and one without figures THEN each with its figures, a verdict told once, the one without figures last', async () => {
    const engine = await engineWith(TALKS, SEPTEMBER, ALSO_SEPTEMBER);
    const changes = corpusChanges(engine, {
      added: [TALKS.id, SEPTEMBER.id, ALSO_SEPTEMBER.id],
      changed: [],
      removed: [],
    });

    expect(changes.articles.map((change) => change.article.id)).toEqual([SEPTEMBER.id, ALSO_SEPTEMBER.id, TALKS.id]);
    const [first, second, last] = changes.articles;
    expect(first!.figures.map((claim) => [claim.category, claim.value])).toEqual([['killed', 2000]]);
    expect(first!.verdicts.length).toBeGreaterThan(0);
    // The 2,000 both tell is one claim: its verdicts are told under the first article only.
    const told = new Set(first!.verdicts);
    expect(second!.verdicts.some((verdict) => told.has(verdict))).toBe(false);
    expect(second!.figures.map((claim) => claim.value)).toEqual(expect.arrayContaining([2000, 2700]));
    expect(last).toMatchObject({ status: 'added', figures: [], verdicts: [] });
    // Conflicts first within an article.
    const order = ['disagree', 'far apart', 'grew', 'undated', 'different scope', 'consistent'];
    const kinds = first!.verdicts.map(({ verdict }) => order.indexOf(verdict.kind));
    expect(kinds).toEqual([...kinds].sort((a, b) => a - b));
    // Every article a verdict cites is there for the citations.
    for (const { claims } of first!.verdicts)
      for (const claim of claims) for (const id of claim.articles) expect(changes.refs.get(id)?.id).toBe(id);
  });

  it('GIVEN topics THEN only figures of those count, and an article with none is left out', async () => {
    const engine = await engineWith(SEPTEMBER, TALKS);
    const diff = { added: [SEPTEMBER.id, TALKS.id], changed: [], removed: ['gone'] };

    const killed = corpusChanges(engine, diff, ['killed']);
    expect(killed.articles.map((change) => change.article.id)).toEqual([SEPTEMBER.id]);
    expect(killed.outsideTopics).toEqual([TALKS.id]);
    expect(killed.removed).toEqual(['gone']);

    const shells = corpusChanges(engine, diff, ['shells']);
    expect(shells.articles).toEqual([]);
    expect(shells.outsideTopics).toEqual([SEPTEMBER.id, TALKS.id]);
  });
});
