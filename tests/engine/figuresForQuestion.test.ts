import type { Claim } from '../../src/model/claim.js';
import type { FigureCategory } from '../../src/model/categories.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureCorpus, questions, Rng } from '../../bench/generate.js';
import { ask } from '../../src/engine/ask.js';
import { Engine } from '../../src/engine/engine.js';
import {
  figuresForQuestion,
  groupClaims,
  MAX_FIGURES_PER_CATEGORY,
  type ClaimsByCategory,
} from '../../src/engine/figuresForQuestion.js';
import type { QueryWord } from '../../src/engine/question.js';
import type { AnswerPassage } from '../../src/engine/types.js';
import { categoryNames } from '../../src/model/categories.js';
import { stem } from '../../src/text/analyze.js';
import { analyzerLanguage } from '../../src/text/language.js';
import { SEED_CORPUS } from '../helpers.js';
import { referenceFiguresForQuestion, referenceGroupClaims, type ReferenceGroups } from './figuresReference.js';

const FIGURE_CATEGORIES = categoryNames();

// The figures of an answer are chosen from indexes (stem → claims, claims by article, a ranking
// made once); the oracle is the scan they replaced (figuresReference.ts). Both must give the same
// reports: the same claims, in the same order, with the same verdicts.

const root = await mkdtemp(path.join(tmpdir(), 'crosscheck-figures-'));
afterAll(() => rm(root, { recursive: true, force: true }));

interface Setup {
  engine: Engine;
  groups: ClaimsByCategory;
  reference: ReferenceGroups;
  languageOf: (id: string) => string | null;
}

function setUp(engine: Engine): Setup {
  const languages = new Map(engine.corpus.articles.map((article) => [article.id, article.language]));
  return {
    engine,
    groups: groupClaims(engine.claims),
    reference: referenceGroupClaims(engine.claims),
    languageOf: (id) => languages.get(id) ?? null,
  };
}

type Span = Pick<AnswerPassage, 'article' | 'start' | 'end'>;
const span = (id: string, start: number, end: number) => ({ article: { id }, start, end }) as unknown as AnswerPassage;
const focusWord = (stemmed: string): QueryWord => ({ surface: stemmed, stem: stemmed, concepts: [], corrected: false });
const conceptWord = (stemmed: string, concept: string): QueryWord => ({
  surface: stemmed,
  stem: stemmed,
  concepts: [concept],
  corrected: false,
});

/** Reports as what a reader sees of them: claims by id in order, verdicts in order. */
const shape = (reports: ReturnType<typeof figuresForQuestion>) =>
  reports.map((report) => ({
    category: report.category,
    item: report.item,
    claims: report.claims.map((claim) => claim.id),
    verdicts: report.verdicts,
  }));

/**
 * Asks every question twice, through the engine and through `ask` with the oracle choosing the
 * figures, and expects the same answers. Returns how many questions had figures.
 */
function sameAnswers({ engine, reference, languageOf }: Setup, asked: readonly string[]): number {
  let withFigures = 0;
  for (const question of asked) {
    for (const limit of [3, 10]) {
      const answer = engine.ask(question, { limit });
      const expected = ask(engine['index'], engine.parse(question), { limit }, (categories, words, cited) =>
        referenceFiguresForQuestion(reference, categories, words, cited, languageOf),
      );
      expect(answer, `${question} (limit ${limit})`).toEqual(expected);
      if (limit === 3 && answer.figures) withFigures++;
    }
  }
  return withFigures;
}

/**
 * Random calls the questions rarely make: focus words from the claims' own sentences (common,
 * rare, several at once, in the wrong language, unknown), words that name a concept (ignored),
 * and cited spans around claims' sentences, exactly on them, one character short, or elsewhere.
 */
function sameOnRandomCalls({ engine, groups, reference, languageOf }: Setup, calls: number, seed: number) {
  const rng = new Rng(seed);
  const coverage = { overCap: 0, overCapWithCited: 0, focused: 0, multiFocus: 0 };
  const byCategory = new Map<FigureCategory, Claim[]>();
  for (const claim of engine.claims) byCategory.set(claim.category, [...(byCategory.get(claim.category) ?? []), claim]);
  const passages = engine.passages;
  const wordsOf = (claim: Claim) => {
    const source = rng.pick(claim.sources);
    return {
      words: source.quote.match(/[\p{L}\p{N}]+/gu) ?? [],
      language: analyzerLanguage(languageOf(source.articleId)),
    };
  };
  for (let call = 0; call < calls; call++) {
    const present = [...byCategory.keys()];
    const categories: FigureCategory[] = rng.chance(0.15) ? [rng.pick(FIGURE_CATEGORIES)] : [rng.pick(present)];
    if (rng.chance(0.2)) categories.push(rng.pick(present));
    const words: QueryWord[] = [];
    if (rng.chance(0.3)) words.push(conceptWord('kill', 'killed'));
    const focusCount = rng.pick([0, 0, 1, 1, 1, 2, 3]);
    for (let i = 0; i < focusCount; i++) {
      const pool = byCategory.get(rng.chance(0.8) ? categories[0]! : rng.pick(present)) ?? engine.claims;
      const { words: found, language } = wordsOf(rng.pick(pool));
      const word = found.length > 0 ? rng.pick(found) : 'zorbleq';
      const roll = rng.next();
      words.push(
        focusWord(
          roll < 0.75
            ? stem(word, language)
            : roll < 0.85
              ? stem(word, language === 'en' ? 'nb' : 'en')
              : roll < 0.95
                ? stem(word, null)
                : 'zorbleq',
        ),
      );
    }
    const cited: AnswerPassage[] = [];
    const citedCount = rng.pick([0, 1, 3, 5, 10]);
    for (let i = 0; i < citedCount; i++) {
      const roll = rng.next();
      const pool = byCategory.get(categories[0]!) ?? engine.claims;
      const source = rng.pick(rng.pick(pool).sources);
      if (roll < 0.35) {
        const around = passages.find(
          (passage) =>
            passage.article.id === source.articleId && passage.start <= source.start && passage.end >= source.end,
        );
        cited.push(
          around ? span(around.article.id, around.start, around.end) : span(source.articleId, source.start, source.end),
        );
      } else if (roll < 0.55) cited.push(span(source.articleId, source.start, source.end));
      else if (roll < 0.65) cited.push(span(source.articleId, source.start + 1, source.end));
      else if (roll < 0.75) cited.push(span(source.articleId, source.start, source.end - 1));
      else {
        const passage = rng.pick(passages);
        cited.push(span(passage.article.id, passage.start, passage.end));
      }
    }
    const actual = figuresForQuestion(groups, categories, words, cited, languageOf);
    const expected = referenceFiguresForQuestion(reference, categories, words, cited, languageOf);
    expect(
      shape(actual),
      JSON.stringify({
        categories,
        words: words.map((w) => w.stem),
        cited: cited.map((c: Span) => [c.article.id, c.start, c.end]),
      }),
    ).toEqual(shape(expected));
    expect(actual).toEqual(expected);

    // What the call exercised, for the coverage checks below.
    const focus = words.filter((word) => word.concepts.length === 0);
    if (focus.length > 0) coverage.focused++;
    if (focus.length > 1) coverage.multiFocus++;
    const group = byCategory.get(categories[0]!) ?? [];
    if (group.length > MAX_FIGURES_PER_CATEGORY) {
      coverage.overCap++;
      const inSpan = group.some((claim) =>
        claim.sources.some((s) =>
          cited.some((c) => c.article.id === s.articleId && s.start >= c.start && s.end <= c.end),
        ),
      );
      if (inSpan) coverage.overCapWithCited++;
    }
  }
  return coverage;
}

const HANDPICKED = [
  'how many killed',
  'how many injured',
  'how many wounded in Kursk',
  'how many North Korean officers killed near Donetsk',
  'how many troops deployed',
  'how many casualties',
  'how many reinforcements',
  'how many captured',
  'how many shells',
  'number of missiles sent to Russia',
  'hvor mange er drept',
  'hvor mange soldater drept i Kursk',
  'casualties?',
  'killed Kovalenko',
  'how many killed zorbleq',
];

describe('figuresForQuestion: the indexed choice equals the scan it replaced', () => {
  describe('over the seed corpus', () => {
    let setup: Setup;
    beforeAll(async () => {
      setup = setUp(await Engine.load(SEED_CORPUS));
    });

    it('GIVEN the bench questions and handpicked ones THEN every answer, figures included, is the same', () => {
      const withFigures = sameAnswers(setup, [...HANDPICKED, ...questions(150, 11)]);
      expect(withFigures).toBeGreaterThan(20);
    });

    it('GIVEN random categories, focus words and cited spans THEN the same reports', () => {
      const coverage = sameOnRandomCalls(setup, 400, 21);
      expect(coverage.focused).toBeGreaterThan(100);
    });

    it('GIVEN the groups THEN they are still the claims by category, in the engine order', () => {
      for (const category of FIGURE_CATEGORIES)
        expect(setup.groups.get(category)).toEqual(setup.reference.get(category));
      expect([...setup.groups.keys()]).toEqual([...setup.reference.keys()]);
    });
  });

  describe('over a generated corpus of 200 articles', () => {
    let setup: Setup;
    beforeAll(async () => {
      const generated = await ensureCorpus(root, 200);
      setup = setUp(await Engine.load(generated.dir));
    }, 60_000);

    it('GIVEN the bench questions and handpicked ones THEN every answer, figures included, is the same', () => {
      const withFigures = sameAnswers(setup, [...HANDPICKED, ...questions(300, 12)]);
      expect(withFigures).toBeGreaterThan(50);
    }, 60_000);

    it('GIVEN random categories, focus words and cited spans THEN the same reports, also where a category has more figures than are shown', () => {
      const coverage = sameOnRandomCalls(setup, 1500, 22);
      // The paths that matter were taken: more figures than shown, some of them cited, several focus words.
      expect(coverage.overCap).toBeGreaterThan(500);
      expect(coverage.overCapWithCited).toBeGreaterThan(200);
      expect(coverage.multiFocus).toBeGreaterThan(100);
    }, 60_000);

    it('GIVEN the stem index built at grouping (languageOf given) THEN the same reports as built on first use', () => {
      const eager = groupClaims(setup.engine.claims, setup.languageOf);
      for (const question of [...HANDPICKED, ...questions(100, 13)]) {
        ask(setup.engine['index'], setup.engine.parse(question), {}, (categories, words, cited) => {
          const lazy = figuresForQuestion(setup.groups, categories, words, cited, setup.languageOf);
          expect(figuresForQuestion(eager, categories, words, cited, setup.languageOf), question).toEqual(lazy);
          return lazy;
        });
      }
    });
  });
});
