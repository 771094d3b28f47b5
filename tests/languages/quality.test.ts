/**
 * How well Crosscheck reads each language it supports, on fixture articles written for it (wire
 * copy, live blogs, analysis pieces, regional papers, with the traps of real reporting): per
 * language, figure precision and recall (a figure is found when an extracted claim of its article
 * has its category and value), category accuracy (of the expected figures whose value was
 * extracted at all, how many were filed in the right category), asOf accuracy over the found
 * figures whose expectation states a date, and the share of questions answered in the top three
 * passages. Questions are asked of ONE engine over every fixture of every language, so an English
 * question may be answered from a Korean article and a German one must find the German article
 * among all the others.
 *
 * Fixtures: tests/languages/fixtures/<language>/ and the English and Norwegian articles of
 * tests/figures/fixtures (articles and held-out). The table is printed when the test runs and kept
 * in the README.
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { Engine } from '../../src/engine/engine.js';
import type { Answer } from '../../src/engine/types.js';
import type { Article } from '../../src/model/article.js';
import {
  type ExpectedArticle,
  type ExpectedQuestion,
  dateMatches,
  describeClaim,
  describeExpected,
  FIXTURE_ARTICLES,
  figuresOf,
  fixtureExpectations,
  HOLDOUT_ARTICLES,
  matchClaims,
} from '../figures/fixtures/expectations.js';

const LANGUAGE_FIXTURES = path.join(import.meta.dirname, 'fixtures');

/** The targets of the languages issue, per language. */
const TARGETS = { recall: 0.9, precision: 0.95, asOf: 0.9, questions: 0.9 };

interface Tally {
  articles: number;
  expected: number;
  extracted: number;
  found: number;
  valueFound: number;
  datesChecked: number;
  datesRight: number;
  questions: number;
  answered: number;
  noAnswers: number;
  noAnswersRight: number;
}

const empty = (): Tally => ({
  articles: 0,
  expected: 0,
  extracted: 0,
  found: 0,
  valueFound: 0,
  datesChecked: 0,
  datesRight: 0,
  questions: 0,
  answered: 0,
  noAnswers: 0,
  noAnswersRight: 0,
});

interface Fixture {
  /** The article's id in the combined corpus. */
  id: string;
  article: Article;
  expectation: ExpectedArticle;
  language: string;
}

const tallies = new Map<string, Tally>();
const problems = new Map<string, string[]>();
const fixtures: Fixture[] = [];
let engine: Engine;

const tallyOf = (language: string) => {
  let tally = tallies.get(language);
  if (!tally) tallies.set(language, (tally = empty()));
  return tally;
};
const note = (language: string, line: string) => {
  problems.set(language, [...(problems.get(language) ?? []), line]);
};

async function collect(dir: string, idPrefix: string, folderLanguage: string | null): Promise<void> {
  const corpus = await loadCorpus(dir);
  const unexpected = corpus.problems.filter((problem) => !problem.file.endsWith('.json'));
  if (unexpected.length > 0) throw new Error(`corpus problems in ${dir}: ${JSON.stringify(unexpected)}`);
  const byId = new Map(corpus.articles.map((article) => [article.id, article]));
  for (const expectation of fixtureExpectations(dir)) {
    const article = byId.get(expectation.article);
    if (!article) throw new Error(`${dir}: ${expectation.article}.expected.json has no article beside it`);
    const language = folderLanguage ?? article.language?.split('-')[0] ?? 'unknown';
    fixtures.push({
      id: `${idPrefix}${article.id}`,
      article: { ...article, id: `${idPrefix}${article.id}` },
      expectation,
      language,
    });
  }
}

function scoreFigures({ id, article, expectation, language }: Fixture): void {
  const tally = tallyOf(language);
  const { merged } = figuresOf(article);
  const { pairs, missed, extra } = matchClaims(expectation.claims, merged);
  tally.articles++;
  tally.expected += expectation.claims.length;
  tally.extracted += merged.length;
  tally.found += pairs.length;
  for (const wanted of expectation.claims) {
    if (pairs.some((pair) => pair.expected === wanted) || merged.some((claim) => claim.value === wanted.value))
      tally.valueFound++;
  }
  for (const { expected, claim } of pairs) {
    if (expected.asOf === undefined) continue;
    tally.datesChecked++;
    if (dateMatches(expected.asOf, claim)) tally.datesRight++;
    else note(language, `${id}: DATE ${describeExpected(expected)} — got ${describeClaim(claim)}`);
  }
  for (const wanted of missed) {
    const sameValue = merged.find((claim) => claim.value === wanted.value);
    note(
      language,
      `${id}: MISSED ${describeExpected(wanted)}${sameValue ? ` (filed as ${describeClaim(sameValue)})` : ''}`,
    );
  }
  for (const claim of extra) note(language, `${id}: EXTRA ${describeClaim(claim)}`);
}

const fold = (text: string) => text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ');
const isArticle = (id: string, wanted: string) => id === wanted || id.endsWith(`/${wanted}`);

/** Whether the answer does what the question expects; the reason when it does not. */
function judge(question: ExpectedQuestion, fixture: Fixture, answer: Answer): string | null {
  if (question.notInDocuments) return answer.noAnswer ? null : `answered (${answer.passages[0]?.article.id ?? '?'})`;
  if (answer.noAnswer) return `no answer: ${answer.message ?? ''}`;
  const article = question.article ?? fixture.id;
  const phrase = fold(question.passage ?? '');
  const hit = answer.passages.some(
    (passage) =>
      [passage.article.id, ...passage.alsoReportedBy].some((id) => isArticle(id, article)) &&
      fold(passage.quote).includes(phrase),
  );
  return hit
    ? null
    : `top 3: ${answer.passages.map((passage) => `${passage.article.id} "${passage.quote.slice(0, 60)}…"`).join(' | ')}`;
}

function scoreQuestions(fixture: Fixture): void {
  const tally = tallyOf(fixture.language);
  for (const question of fixture.expectation.questions ?? []) {
    const wrong = judge(question, fixture, engine.ask(question.question, { limit: 3 }));
    if (question.notInDocuments) {
      tally.noAnswers++;
      if (!wrong) tally.noAnswersRight++;
    } else {
      tally.questions++;
      if (!wrong) tally.answered++;
    }
    if (wrong) note(fixture.language, `${fixture.id}: QUESTION "${question.question}" — ${wrong}`);
  }
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
const metrics = (tally: Tally) => ({
  precision: ratio(tally.found, tally.extracted),
  recall: ratio(tally.found, tally.expected),
  category: ratio(tally.found, tally.valueFound),
  asOf: ratio(tally.datesRight, tally.datesChecked),
  questions: ratio(tally.answered, tally.questions),
  noAnswers: ratio(tally.noAnswersRight, tally.noAnswers),
});

/** The table, as printed and as kept in the README. */
function qualityTable(): string {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const header =
    '| language | articles | figures | precision | recall | category | asOf | questions (top 3) | not in the documents |';
  const rows = [...tallies.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([language, tally]) => {
      const m = metrics(tally);
      return `| ${language} | ${tally.articles} | ${tally.expected} | ${pct(m.precision)} | ${pct(m.recall)} | ${pct(m.category)} | ${pct(m.asOf)} (${tally.datesChecked}) | ${tally.questions === 0 ? '—' : `${pct(m.questions)} (${tally.questions})`} | ${tally.noAnswers === 0 ? '—' : `${tally.noAnswersRight}/${tally.noAnswers}`} |`;
    });
  return [header, `|${'---|'.repeat(9)}`, ...rows].join('\n');
}

beforeAll(async () => {
  await collect(FIXTURE_ARTICLES, '', null);
  await collect(HOLDOUT_ARTICLES, '', null);
  for (const language of readdirSync(LANGUAGE_FIXTURES, { withFileTypes: true })) {
    if (language.isDirectory())
      await collect(path.join(LANGUAGE_FIXTURES, language.name), `${language.name}/`, language.name);
  }
  engine = await Engine.build({ dir: LANGUAGE_FIXTURES, articles: fixtures.map((f) => f.article), problems: [] });
  for (const fixture of fixtures) {
    scoreFigures(fixture);
    scoreQuestions(fixture);
  }
  const lines = ['Per-language quality on the fixture articles', qualityTable()];
  for (const [language, list] of [...problems.entries()].sort(([a], [b]) => a.localeCompare(b)))
    lines.push(`${language}:`, ...list.map((line) => `  ${line}`));
  console.log(lines.join('\n'));
}, 120_000);

describe('per-language quality on the fixture articles', () => {
  it('GIVEN the fixture folders THEN every article has its expectations and ids do not collide', () => {
    expect(fixtures.length).toBeGreaterThan(0);
    expect(new Set(fixtures.map((fixture) => fixture.id)).size).toBe(fixtures.length);
  });

  it.each(['recall', 'precision', 'asOf', 'questions'] as const)(
    'GIVEN each language THEN its %s meets the target',
    (measure) => {
      const under = [...tallies.entries()]
        .map(([language, tally]) => [language, metrics(tally)[measure]] as const)
        .filter(([, value]) => value < TARGETS[measure]);
      expect(under, `${measure} under ${TARGETS[measure]}`).toEqual([]);
    },
  );

  it('GIVEN a question the documents do not answer THEN each language says "not in the documents"', () => {
    const wrong = [...tallies.entries()].filter(([, tally]) => tally.noAnswersRight < tally.noAnswers);
    expect(wrong.map(([language]) => language)).toEqual([]);
  });
});
