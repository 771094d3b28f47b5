/**
 * How well the extractor reads figures: precision and recall over the seed corpus and the fixture
 * articles (wire copy, live blogs, analysis pieces; English and Norwegian), against what a careful
 * reader lists (tests/figures/fixtures). A figure is found when an extracted claim of its article
 * has its category and value; the date (asOf) and the source (claimant) are scored apart, over the
 * found figures whose expectation states them.
 *
 * Three sets: the seed corpus; the fixtures (tests/figures/fixtures/articles), written to cover
 * the phrasings the seeds lack and used to develop the rules; and the held-out articles
 * (tests/figures/fixtures/holdout), written with their expectations before the extractor was run
 * on them, to measure it on text it was not built on. Before the last round of general rules they
 * scored precision 0.857 and recall 0.643; the misses that remain are listed when the test runs.
 *
 * The floors are set just under what the extractor reaches today: a change that loses figures or
 * invents them fails here, with the table printed to say where.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../../src/model/article.js';
import {
  articlesOf,
  claimantMatches,
  dateMatches,
  describeClaim,
  describeExpected,
  differences,
  figuresOf,
  fixtureExpectations,
  findVerdict,
  FIXTURE_ARTICLES,
  HOLDOUT_ARTICLES,
  reportOf,
  matchClaims,
  rangeMatches,
  SEED_CORPUS,
  seedExpectations,
  type ExpectedArticle,
} from './fixtures/expectations.js';

interface Tally {
  expected: number;
  extracted: number;
  found: number;
  datesChecked: number;
  datesRight: number;
  sourcesChecked: number;
  sourcesRight: number;
  rangesRight: number;
}

const empty = (): Tally => ({
  expected: 0,
  extracted: 0,
  found: 0,
  datesChecked: 0,
  datesRight: 0,
  sourcesChecked: 0,
  sourcesRight: 0,
  rangesRight: 0,
});

const tallies = new Map<string, Tally>();
const problems: string[] = [];
const heldOutVerdicts = { expected: 0, found: 0 };

function add(group: string, part: Tally): void {
  const tally = tallies.get(group) ?? empty();
  for (const key of Object.keys(part) as (keyof Tally)[]) tally[key] += part[key];
  tallies.set(group, tally);
}

function score(expectation: ExpectedArticle, article: Article, source: string): void {
  const { merged } = figuresOf(article);
  const { pairs, missed, extra } = matchClaims(expectation.claims, merged);
  const part: Tally = {
    ...empty(),
    expected: expectation.claims.length,
    extracted: merged.length,
    found: pairs.length,
  };
  for (const { expected, claim } of pairs) {
    if (expected.asOf !== undefined) {
      part.datesChecked++;
      if (dateMatches(expected.asOf, claim)) part.datesRight++;
    }
    if (expected.claimant !== undefined) {
      part.sourcesChecked++;
      if (claimantMatches(expected.claimant, claim)) part.sourcesRight++;
    }
    if (rangeMatches(expected, claim)) part.rangesRight++;
    const wrong = differences(expected, claim);
    if (wrong.length > 0) problems.push(`  ${article.id}: ${describeExpected(expected)} — ${wrong.join('; ')}`);
  }
  for (const wanted of missed)
    problems.push(`  ${article.id}: MISSED ${describeExpected(wanted)}${wanted.note ? ` (${wanted.note})` : ''}`);
  for (const claim of extra) problems.push(`  ${article.id}: EXTRA ${describeClaim(claim)}`);
  add('all', part);
  add(source, part);
  add(`style: ${expectation.style}`, part);
  add(`language: ${article.language}`, part);
}

const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);

function metrics(tally: Tally) {
  return {
    precision: ratio(tally.found, tally.extracted),
    recall: ratio(tally.found, tally.expected),
    asOf: ratio(tally.datesRight, tally.datesChecked),
    attribution: ratio(tally.sourcesRight, tally.sourcesChecked),
    range: ratio(tally.rangesRight, tally.found),
  };
}

beforeAll(async () => {
  const seeds = await articlesOf(SEED_CORPUS);
  const fixtures = await articlesOf(FIXTURE_ARTICLES);
  for (const expectation of seedExpectations()) score(expectation, seeds.get(expectation.article)!, 'seed corpus');
  for (const expectation of fixtureExpectations()) score(expectation, fixtures.get(expectation.article)!, 'fixtures');
  const holdout = await articlesOf(HOLDOUT_ARTICLES);
  for (const expectation of fixtureExpectations(HOLDOUT_ARTICLES)) {
    const article = holdout.get(expectation.article)!;
    score(expectation, article, 'held-out');
    const reports = reportOf([article]);
    for (const verdict of expectation.verdicts ?? []) {
      heldOutVerdicts.expected++;
      if (findVerdict(reports, verdict)) heldOutVerdicts.found++;
      else
        problems.push(
          `  ${article.id}: verdict MISSED ${verdict.kind} ${verdict.category} [${verdict.values.join(', ')}]`,
        );
    }
  }

  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  const lines = [
    'Figure extraction quality (found = article + category + value; asOf and source over found figures that state them)',
    `${'group'.padEnd(22)} ${'expected'.padStart(8)} ${'extracted'.padStart(9)} ${'found'.padStart(5)} ${'precision'.padStart(9)} ${'recall'.padStart(7)} ${'asOf'.padStart(7)} ${'source'.padStart(7)} ${'range'.padStart(7)}`,
  ];
  const order = [
    'all',
    'seed corpus',
    'fixtures',
    'held-out',
    ...[...tallies.keys()].filter((key) => key.startsWith('style')).sort(),
    ...[...tallies.keys()].filter((key) => key.startsWith('language')).sort(),
  ];
  for (const group of order) {
    const tally = tallies.get(group)!;
    const m = metrics(tally);
    lines.push(
      `${group.padEnd(22)} ${String(tally.expected).padStart(8)} ${String(tally.extracted).padStart(9)} ${String(tally.found).padStart(5)} ${pct(m.precision).padStart(9)} ${pct(m.recall)} ${pct(m.asOf)} ${pct(m.attribution)} ${pct(m.range)}`,
    );
  }
  lines.push(`held-out verdicts found: ${heldOutVerdicts.found}/${heldOutVerdicts.expected}`);
  if (problems.length > 0) lines.push('Known misses and differences:', ...problems);
  console.log(lines.join('\n'));
});

describe('figure extraction quality over the seed corpus and the fixtures', () => {
  it('GIVEN every article THEN precision and recall stay above their floors', () => {
    const all = metrics(tallies.get('all')!);
    expect(all.precision).toBeGreaterThanOrEqual(0.95);
    expect(all.recall).toBeGreaterThanOrEqual(0.9);
  });

  it('GIVEN the found figures THEN their dates, sources and ranges are right', () => {
    const all = metrics(tallies.get('all')!);
    expect(all.asOf).toBeGreaterThanOrEqual(0.95);
    expect(all.attribution).toBeGreaterThanOrEqual(0.95);
    expect(all.range).toBeGreaterThanOrEqual(0.97);
  });

  it('GIVEN the held-out articles THEN precision and recall stay above their (lower) floors, and most expected verdicts are given', () => {
    const heldOut = metrics(tallies.get('held-out')!);
    expect(heldOut.precision).toBeGreaterThanOrEqual(0.9);
    expect(heldOut.recall).toBeGreaterThanOrEqual(0.85);
    expect(heldOut.asOf).toBeGreaterThanOrEqual(0.9);
    expect(heldOut.attribution).toBeGreaterThanOrEqual(0.9);
    expect(heldOutVerdicts.found / heldOutVerdicts.expected).toBeGreaterThanOrEqual(0.8);
  });

  it.each([
    'seed corpus',
    'fixtures',
    'style: wire',
    'style: live blog',
    'style: analysis',
    'language: en',
    'language: nb',
  ])('GIVEN the %s THEN neither precision nor recall falls under 0.9', (group) => {
    const m = metrics(tallies.get(group)!);
    expect(m.precision).toBeGreaterThanOrEqual(0.9);
    expect(m.recall).toBeGreaterThanOrEqual(0.9);
  });
});
