/**
 * The languages issue's own questions, asked of one engine over every fixture article of every
 * language: each question in a language is answered from an article in that language, and the
 * English "how many killed" puts the figures of all of them side by side.
 */
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { Engine } from '../../src/engine/engine.js';
import type { Article } from '../../src/model/article.js';

let engine: Engine;
const languageOf = new Map<string, string | null>();

beforeAll(async () => {
  const folders = ['../languages/fixtures', '../figures/fixtures/articles', '../figures/fixtures/holdout'];
  const articles: Article[] = [];
  for (const folder of folders) {
    const corpus = await loadCorpus(path.resolve(import.meta.dirname, folder));
    articles.push(...corpus.articles.map((article) => ({ ...article, id: `${folder}/${article.id}` })));
  }
  for (const article of articles) languageOf.set(article.id, article.language?.split('-')[0] ?? null);
  engine = await Engine.build({ dir: 'fixtures', articles, problems: [] });
}, 120_000);

describe('questions in each language, over the articles of all of them', () => {
  it.each([
    ['wie viele Soldaten aus Nordkorea wurden getötet', 'de'],
    ['combien de militaires nord-coréens sont morts', 'fr'],
    ['сколько погибших северокорейских военных', 'ru'],
    ['скільки загиблих солдатів КНДР', 'uk'],
    ['북한군 전사자 수', 'ko'],
    ['kolik vojáků KLDR padlo', 'cs'],
    ['hvor mange nordkoreanske soldater er drept', 'nb'],
  ])('GIVEN "%s" THEN the first passage is from a %s article, and it has killed figures', (question, language) => {
    const answer = engine.ask(question);
    expect(answer.noAnswer).toBe(false);
    expect(languageOf.get(answer.passages[0]!.article.id)).toBe(language);
    expect(answer.figures?.some((report) => report.category === 'killed' && report.claims.length > 0)).toBe(true);
  });

  it('GIVEN the English "how many killed" THEN the killed figures come from articles in all eight languages', () => {
    const answer = engine.ask('how many killed');
    const killed = answer.figures?.find((report) => report.category === 'killed');
    const languages = new Set(
      killed?.claims.flatMap((claim) => claim.sources.map((source) => languageOf.get(source.articleId))),
    );
    expect([...languages].sort()).toEqual(['cs', 'de', 'en', 'fr', 'ko', 'nb', 'ru', 'uk']);
  });
});
