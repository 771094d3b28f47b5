import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { SEED, SEED_CORPUS } from '../helpers.js';

let engine: Engine;
beforeAll(async () => {
  engine = await Engine.load(SEED_CORPUS);
});

/** The passages an answer cites, as "article id: quote", including the articles that also report each. */
function cited(question: string, limit = 3) {
  const answer = engine.ask(question, { limit });
  return answer.passages.map((passage) => ({
    articles: [passage.article.id, ...passage.alsoReportedBy],
    quote: passage.quote,
  }));
}

// question → an article and a phrase that must be among the top three passages, and why.
const EXPECTED: [question: string, article: string, phrase: string | RegExp, why: string][] = [
  [
    'how many killed',
    SEED.losses,
    /at least 100 (North Korean )?soldiers (have died|confirmed dead)/,
    'synonym: died, dead ↔ killed',
  ],
  ['how many injured', SEED.losses, 'around 1,000 more were injured', 'the plain word'],
  ['how many wounded', SEED.losses, '1,000', 'synonym: wounded ↔ injured'],
  [
    'North Korean officers killed near Donetsk',
    SEED.ytn,
    /six North Korean (military )?officers/i,
    'several words, one fact',
  ],
  ['how many dead', SEED.losses, 'over 100 dead', 'synonym: dead'],
  ['losses in Kursk', SEED.losses, 'Kursk', 'synonym: losses, and a place'],
  ['hvor mange er drept', SEED.norwegian, 'drept', 'Norwegian question, Norwegian article'],
  ['forsterkninger', SEED.norwegian, 'Forsterkningene ble sendt', 'Norwegian inflection through the stemmer'],
  [
    'reinforcements sent in January',
    SEED.norwegian,
    'Forsterkningene ble sendt til Russland i januar',
    'English question, Norwegian article',
  ],
  ['how many kiled', SEED.losses, /\b(died|dead)\b/, 'a typo still finds the concept'],
  [
    'how many solders were dispatched',
    SEED.losses,
    'over 10,000 North Korean soldiers have been dispatched',
    'typo: solders',
  ],
  ['Kovalenko', SEED.losses, 'Andrii Kovalenko', 'a name'],
  ['drone inexperience', SEED.losses, 'inexperience with drone operations', 'two rare words'],
  ['shells supplied to Russia', SEED.engineers, 'larger-caliber shells', 'weapons'],
  ['rocket launchers', SEED.norwegian, 'rakettoppskyttere', 'English to Norwegian compound through the lexicon'],
  ['Putin visit Pyongyang', SEED.losses, 'visited Pyongyang', 'prefix: visit → visited'],
];

describe('ask: retrieval quality on the seed corpus', () => {
  it.each(EXPECTED)('GIVEN "%s" THEN %s says "%s" in the top 3 (%s)', (question, article, phrase) => {
    const top = cited(question);
    const hit = top.find(
      (passage) =>
        passage.articles.includes(article) &&
        (typeof phrase === 'string' ? passage.quote.includes(phrase) : phrase.test(passage.quote)),
    );
    expect(hit, `top 3 were:\n${top.map((p) => `${p.articles[0]}: ${p.quote}`).join('\n')}`).toBeDefined();
  });

  it('GIVEN "how many killed" with limit 5 THEN the six officers, the 100 dead and the Norwegian 400 killed are all cited', () => {
    const quotes = cited('how many killed', 5).map((passage) => passage.quote);
    expect(quotes.some((quote) => /six North Korean (military )?officers/i.test(quote))).toBe(true);
    expect(quotes.some((quote) => /at least 100 (North Korean )?soldiers (have died|confirmed dead)/.test(quote))).toBe(
      true,
    );
    expect(quotes.some((quote) => quote.includes('Rundt 400 nordkoreanske soldater ble antatt å ha blitt drept'))).toBe(
      true,
    );
  });

  it('GIVEN a fact told by three outlets THEN it is cited once, with the others as also reporting it', () => {
    const answer = engine.ask('six officers killed near Donetsk', { limit: 3 });
    const officers = answer.passages.filter((passage) => /six North Korean/i.test(passage.quote));
    expect(officers).toHaveLength(1);
    expect([officers[0]!.article.id, ...officers[0]!.alsoReportedBy].sort()).toEqual(
      [SEED.ytn, SEED.minister, SEED.engineers].sort(),
    );
  });

  it('GIVEN a "how many" question THEN each quote is the article text at its offsets and its figures are marked, not the asked words', () => {
    const answer = engine.ask('how many injured', { limit: 5 });
    const marked = answer.passages.map((passage) => {
      const article = engine.corpus.articles.find((candidate) => candidate.id === passage.article.id)!;
      expect(article.text.slice(passage.start, passage.end)).toBe(passage.quote);
      return passage.highlights.map((h) => passage.quote.slice(h.start, h.end));
    });
    expect(marked.flat()).toContain('around 1,000');
    expect(marked.flat()).not.toContain('injured');
  });

  it('GIVEN an answer THEN each quote is the article text at its offsets and highlights mark asked words', () => {
    const answer = engine.ask('injured soldiers in Kursk', { limit: 5 });
    for (const passage of answer.passages) {
      const article = engine.corpus.articles.find((candidate) => candidate.id === passage.article.id)!;
      expect(article.text.slice(passage.start, passage.end)).toBe(passage.quote);
      const marked = passage.highlights.map((h) => passage.quote.slice(h.start, h.end).toLowerCase());
      expect(marked.length).toBeGreaterThan(0);
      for (const word of marked)
        expect([
          'injured',
          'injuries',
          'wounded',
          'skadet',
          'casualties',
          'casualty',
          'soldiers',
          'soldater',
          'troops',
          'kursk',
        ]).toContain(word);
    }
  });
});

describe('ask: questions the corpus cannot answer', () => {
  it.each(['what is the capital of France', 'recipe for chocolate cake', 'who won the 2018 World Cup'])(
    'GIVEN "%s" THEN no passages, a reason, and words that do occur as suggestions',
    (question) => {
      const answer = engine.ask(question);
      expect(answer).toMatchObject({ noAnswer: true, status: 'no-answer', passages: [] });
      expect(answer.message).toMatch(/^Not in the documents: no passage answers/);
      expect(answer.suggestions.length).toBeGreaterThan(0);
      for (const word of answer.suggestions) {
        expect(engine.ask(word).noAnswer, `suggestion "${word}" must find something`).toBe(false);
      }
    },
  );

  it.each([
    ['roughly how many soldiers died', 'roughly'],
    ['how many killed lately', 'lately'],
  ])(
    'GIVEN the figure question "%s" with a word the articles never use THEN it answers from the others and says it left "%s" out',
    (question, left) => {
      const answer = engine.ask(question);
      expect(answer.noAnswer).toBe(false);
      expect(answer.ignoredWords).toEqual([left]);
      expect(answer.message).toContain(`never use "${left}"`);
      expect(answer.passages[0]!.article.id).toBe(SEED.losses);
      expect(answer.figures?.some((report) => report.category === 'killed')).toBe(true);
    },
  );

  it.each([
    ['how many generals were killed', 'generals'],
    ['how many killed in Bakhmut', 'Bakhmut'],
  ])(
    'GIVEN "%s", whose subject or place the articles never name THEN "not in the documents", and no figures of someone else',
    (question, missing) => {
      const answer = engine.ask(question);
      expect(answer).toMatchObject({ noAnswer: true, status: 'no-answer', passages: [] });
      expect(answer.message).toMatch(/^Not in the documents/);
      expect(answer.message).toContain(`never "${missing}"`);
      expect(answer.figures).toBeUndefined();
      // Words to try instead: topics and spellings of the missing word, not neighbours of "killed".
      expect(answer.suggestions).not.toContain('filled');
      expect(answer.suggestions.length).toBeGreaterThan(0);
    },
  );

  it('GIVEN a question about officers THEN only passages that name officers (or generals) answer it', () => {
    const answer = engine.ask('how many officers were killed');
    expect(answer.passages.length).toBeGreaterThan(0);
    for (const passage of answer.passages) expect(passage.quote).toMatch(/officer|commander|general/i);
  });

  it('GIVEN one known and one unknown rare word THEN it does not pad with passages that match only the known one', () => {
    expect(engine.ask('capital of Ukraine').noAnswer).toBe(true);
  });

  it.each([
    ['', 'Ask a question, for example: how many killed'],
    ['   \t  ', 'Ask a question, for example: how many killed'],
    ['x'.repeat(501), 'That question is 501 characters long; keep it under 500, for example: how many killed'],
    [
      'how the what?',
      'That question has no words to search for, only common ones like "how" or "the". Try naming what you want to know, for example: how many killed',
    ],
  ])('GIVEN the question %j THEN a clear message and no passages', (question, message) => {
    expect(engine.ask(question)).toMatchObject({ status: 'invalid-question', noAnswer: true, message, passages: [] });
  });

  it('GIVEN a limit THEN at most that many passages, clamped to 1..10', () => {
    expect(engine.ask('North Korea', { limit: 5 }).passages).toHaveLength(5);
    expect(engine.ask('North Korea', { limit: 50 }).passages).toHaveLength(10);
    expect(engine.ask('North Korea', { limit: 0 }).passages).toHaveLength(1);
  });
});
