import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../src/corpus/frontMatter.js';
import { Engine } from '../../src/engine/engine.js';
import { MAX_LIMIT } from '../../src/engine/types.js';
import { SEED_CORPUS } from '../helpers.js';

let engine: Engine;
beforeAll(async () => {
  engine = await Engine.load(SEED_CORPUS);
});

/** Questions as people and bots paste them: mentions, markdown, invisible marks, other scripts, regex characters. */
const oddQuestion = fc.oneof(
  fc.string({ maxLength: 600 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.constantFrom(
    '@everyone how many killed',
    '<@&123456789012345678> how many killed',
    '```js\nhow many killed\n```',
    '**how** _many_ ~~killed~~ ||spoiler||',
    'how\u200b many\u202e killed\u0000\u0007',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: regex metacharacters, not a template
    '.*+?^${}()|[]\\',
    '!!!???...',
    'the of and a',
    '몇 명이 죽었나요',
    'сколько погибло',
    '💀💀 how many killed 💀',
    'how many killed'.repeat(40),
  ),
);

describe('ask on hostile questions', () => {
  it('GIVEN any question and limit THEN it never throws, and answers within the contract', () => {
    fc.assert(
      fc.property(oddQuestion, fc.integer({ min: -5, max: 50 }), (question, limit) => {
        const answer = engine.ask(question, { limit });
        expect(answer.passages.length).toBeLessThanOrEqual(MAX_LIMIT);
        expect(answer.noAnswer).toBe(answer.passages.length === 0);
        if (answer.noAnswer) expect(answer.message).toBeTruthy();
        for (const passage of answer.passages) {
          const article = engine.corpus.articles.find((candidate) => candidate.id === passage.article.id)!;
          expect(article.text.slice(passage.start, passage.end)).toBe(passage.quote);
          for (const { start, end } of passage.highlights)
            expect(0 <= start && start < end && end <= passage.quote.length).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('GIVEN a question in a script the corpus does not have THEN a clear no-answer, not an error', () => {
    const answer = engine.ask('몇 명이 죽었나요');
    expect(answer).toMatchObject({ noAnswer: true, passages: [] });
    expect(answer.message).toMatch(/^Not in the documents: no passage answers/);
  });

  it('GIVEN 10,000 characters THEN the length message, with the question cut in the echo', () => {
    const answer = engine.ask('killed '.repeat(1500));
    expect(answer.status).toBe('invalid-question');
    expect(answer.question.length).toBeLessThanOrEqual(80);
    expect(answer.message).toMatch(/^That question is 10499 characters long; keep it under 500/);
  });

  it('GIVEN a mention and markdown around a real question THEN it still answers the question', () => {
    const answer = engine.ask('@everyone **how many killed**');
    expect(answer.noAnswer).toBe(false);
    expect(answer.passages[0]!.quote).toMatch(/killed|dead|died|drept/);
  });
});

describe('parseFrontMatter on arbitrary input', () => {
  it('GIVEN any text after an opening --- THEN a result or a reason, never an exception', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const result = parseFrontMatter(`---\n${text}`);
        if (result.ok) expect(typeof result.body).toBe('string');
        else expect(result.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
