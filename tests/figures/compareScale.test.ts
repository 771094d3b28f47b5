/**
 * compareFigures at scale: the verdicts it looks up (close in time, given together) are those of
 * comparing everything with everything (tests/figures/compareReference.ts, the code it replaced),
 * over thousands of generated claims; and a category of more than MAX_COMPARED figures is
 * compared among its most relevant, every figure still listed; a total gives at most MAX_SUMS_PER_TOTAL sums.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../bench/generate.js';
import type { AsOf, Attribution, Claim, ClaimSource, FiguresReport, Qualifier } from '../../src/model/claim.js';
import type { FigureCategory } from '../../src/model/categories.js';
import { compareFigures, MAX_COMPARED, MAX_SUMS_PER_TOTAL, mostRelevant } from '../../src/figures/compare.js';
import { renderFigures } from '../../src/render/terminal.js';
import { renderFiguresForDiscord } from '../../src/render/discordFigures.js';
import { nb } from '../../src/render/labels.js';
import { buttonIds } from '../../commands/components/index.js';
import { referenceCompareFigures } from './compareReference.js';

const DATES: (string | null)[] = [
  ...Array.from({ length: 40 }, (_, i) => `2024-0${1 + Math.floor(i / 14)}-${String(1 + (i % 28)).padStart(2, '0')}`),
  '2024-02',
  '2024-03',
  '2024',
  '--02-10',
  '--02',
  null,
  null,
];
const SCOPES = [
  'troops@north-korean',
  'troops',
  'officers',
  'people',
  'unspecified',
  'more:troops',
  'projection:people',
];
const CLAIMANTS = ['Ukraine', 'the NIS', 'Pentagon officials', 'a local governor', 'Reuters sources'];
const QUALIFIERS: Qualifier[] = ['exact', 'exact', 'exact', 'at least', 'about', 'more than', 'nearly', 'up to'];

/**
 * Claims as mergeClaims leaves them, `count` of them in `articles` articles: killed and injured
 * often told in one sentence (parts of a whole), casualty figures near their sum, dates of every
 * kind (full, month, year, no year, none; live-blog stamps), scopes that can and cannot be
 * compared, incidents, alternatives, sentences that place themselves earlier in the day.
 */
function generatedClaims(count: number, articles: number, seed: number): Claim[] {
  const rng = new Rng(seed);
  const claims: Claim[] = [];
  const source = (articleId: string, start: number, quote: string, asOf: AsOf | null, who: Attribution | null) =>
    ({
      articleId,
      quote,
      start,
      end: start + quote.length,
      wording: '',
      attributedTo: who,
      asOf,
      asOfBasis: asOf ? rng.pick(['sentence', 'context', 'published'] as const) : null,
    }) satisfies ClaimSource;
  const make = (category: FigureCategory, value: number, sentence: { article: string; start: number }) => {
    const date = rng.pick(DATES);
    const asOf: AsOf | null = date
      ? {
          date,
          precision: date.length === 10 || date.length === 7 ? 'day' : date.length === 4 ? 'year' : 'month',
          ...(rng.chance(0.1) ? { time: rng.pick(['09:20', '18:47', '12:00']) } : {}),
        }
      : null;
    const qualifier = rng.pick(QUALIFIERS);
    const who = rng.chance(0.8) ? { claimant: rng.pick(CLAIMANTS), channel: rng.chance(0.3) ? 'Reuters' : null } : null;
    const quote = `${rng.chance(0.05) ? 'Earlier on Monday, ' : ''}officials said ${value} were ${category}.`;
    const sources = [source(sentence.article, sentence.start, quote, asOf, who)];
    // The same figure told by another article too: most reported first.
    if (rng.chance(0.2)) sources.push(source(`a${rng.int(0, articles - 1)}`, rng.int(0, 50) * 100, quote, asOf, who));
    const scope = rng.pick(SCOPES);
    const claim: Claim = {
      id: `${sentence.article}:${sentence.start}:${category}:${claims.length}`,
      value,
      low: qualifier === 'at least' || qualifier === 'more than' ? value : null,
      high: qualifier === 'up to' ? value : null,
      qualifier,
      wording: `${qualifier === 'exact' ? '' : `${qualifier} `}${value}`,
      category,
      item: null,
      subject: scope,
      scope,
      ...(rng.chance(0.1) ? { incident: rng.chance(0.5) } : {}),
      ...(rng.chance(0.03) ? { alternative: true } : {}),
      asOf,
      attributedTo: who,
      attributions: who ? [who] : [],
      articles: [...new Set(sources.map((s) => s.articleId))],
      quote,
      sources,
    };
    claims.push(claim);
    return claim;
  };
  while (claims.length < count) {
    const sentence = { article: `a${rng.int(0, articles - 1)}`, start: rng.int(0, 50) * 100 };
    const killed = rng.int(1, 60) * 5;
    const injured = rng.int(1, 60) * 5;
    const roll = rng.int(0, 9);
    if (roll < 4) {
      // Killed and injured in one sentence, sometimes with their total.
      make('killed', killed, sentence);
      make('injured', injured, sentence);
      if (rng.chance(0.3)) make('casualties', killed + injured + rng.int(-5, 5), sentence);
    } else if (roll < 7) make('killed', killed, sentence);
    else if (roll < 9) make('injured', injured, sentence);
    else make('casualties', killed + injured, sentence);
  }
  return claims;
}

/** The verdicts, each as one comparable line. */
const lines = (reports: { verdicts: { kind: string; claims: string[]; explanation: string }[] }[]) =>
  reports.flatMap((report) => report.verdicts.map((v) => `${v.kind} ${v.claims.join(' ')} ${v.explanation}`));

/** The same reports as the oracle's: the same claims, and the same verdicts (see {@link expectSameVerdicts}). */
function expectSameReports(actual: FiguresReport[], expected: FiguresReport[]): void {
  expect(actual.map(({ verdicts: _, ...report }) => report)).toEqual(
    expected.map(({ verdicts: _, ...report }) => report),
  );
  expectSameVerdicts(lines(actual), lines(expected));
}

/**
 * The same verdicts as the oracle's, except that of the sums of one total (verdicts naming three
 * claims, the total last) there are at most MAX_SUMS_PER_TOTAL, taken from the oracle's in their order.
 */
function expectSameVerdicts(actual: string[], expected: string[]): void {
  const isSum = (line: string) => line.includes(' + ');
  expect(actual.filter((line) => !isSum(line))).toEqual(expected.filter((line) => !isSum(line)));
  const byTotal = (all: string[]) => {
    const sums = new Map<string, string[]>();
    for (const line of all.filter(isSum)) {
      const total = line.split(' ')[3]!;
      sums.set(total, [...(sums.get(total) ?? []), line]);
    }
    return sums;
  };
  const ours = byTotal(actual);
  for (const [total, sums] of byTotal(expected)) {
    const kept = ours.get(total) ?? [];
    if (sums.length <= MAX_SUMS_PER_TOTAL) expect(kept).toEqual(sums);
    else {
      expect(kept.length).toBe(MAX_SUMS_PER_TOTAL);
      expect(kept.map((line) => sums.indexOf(line))).toEqual(
        kept.map((line) => sums.indexOf(line)).sort((x, y) => x - y),
      );
      expect(kept.every((line) => sums.includes(line))).toBe(true);
    }
  }
}

describe('compareFigures at scale', () => {
  it('GIVEN two thousand claims, none of them a category larger than it compares THEN the same reports as comparing every pair, the sums of a total up to MAX_SUMS_PER_TOTAL', () => {
    for (const seed of [1, 2]) {
      // Few casualty figures, thousands of parts: the sums are looked up among all the killed and injured.
      const claims = generatedClaims(2000, 300, seed).filter(
        (claim) => claim.category !== 'casualties' || Number(claim.id.split(':')[3]) % 20 === 0,
      );
      const casualties = claims.filter((claim) => claim.category === 'casualties');
      expect(casualties.length).toBeGreaterThan(5);
      expect(casualties.length).toBeLessThanOrEqual(MAX_COMPARED);
      const expected = referenceCompareFigures(claims, 'casualties');
      expectSameReports(compareFigures(claims, 'casualties'), expected);
      // Sums there are, and totals with more of them than a report gives.
      expect(lines(expected).filter((line) => line.includes(' + ')).length).toBeGreaterThan(10);

      // A category of a few hundred figures: every pair, as before.
      const some = claims.slice(0, 500);
      for (const category of ['killed', 'injured', 'casualties'] as const) {
        expect(some.filter((claim) => claim.category === category).length).toBeLessThanOrEqual(MAX_COMPARED);
        expectSameReports(compareFigures(some, category), referenceCompareFigures(some, category));
      }
    }
    // The oracle tries every part against every part: slow on a busy machine.
  }, 60_000);

  it('GIVEN a category larger than it compares THEN every figure is listed and its most relevant are compared as every pair of them would be', () => {
    const claims = generatedClaims(4000, 600, 4);
    const killed = claims.filter((claim) => claim.category === 'killed');
    expect(killed.length).toBeGreaterThan(MAX_COMPARED);
    const [report] = compareFigures(claims, 'killed');
    expect(report!.claims.length).toBe(killed.length);
    expect(report!.compared).toBe(MAX_COMPARED);
    // The most relevant figures, as a face lists them: most reported, then latest.
    const compared = new Set(mostRelevant(report!.claims).slice(0, MAX_COMPARED));
    const named = new Set(report!.verdicts.flatMap((verdict) => verdict.claims));
    expect([...named].every((id) => [...compared].some((claim) => claim.id === id))).toBe(true);
    const expected = referenceCompareFigures(
      claims.filter((claim) => claim.category !== 'killed' || compared.has(claim)),
      'killed',
    );
    expect(lines([report!])).toEqual(lines(expected));
    // The terminal says so under the heading.
    expect(renderFigures([report!], { color: false, width: 100 }).split('\n').slice(0, 2)).toEqual([
      `KILLED — ${killed.length} figures`,
      `  Verdicts compare the ${MAX_COMPARED} most reported of them, then the latest.`,
    ]);
    // And so does the /figures reply, in the reader's language.
    const description = (labels?: typeof nb) =>
      renderFiguresForDiscord([report!], { topic: 'killed', topics: ['killed'], buttons: buttonIds, labels })
        .embeds?.[0]?.description;
    expect(description()).toContain(`*Verdicts compare the ${MAX_COMPARED} most reported of them, then the latest.*`);
    expect(description(nb)).toContain(`*Vurderingene sammenligner de ${MAX_COMPARED} mest omtalte av dem`);
  });

  it('GIVEN many pairs of parts adding up to one total THEN at most MAX_SUMS_PER_TOTAL of them, those of one sentence first, in their order', () => {
    // 40 killed and 40 injured figures of one claimant on one day, each pair adding up to 100.
    const claims = generatedClaims(40, 10, 6).map((claim, i) => ({
      ...claim,
      id: `part${i}`,
      category: (i % 2 === 0 ? 'killed' : 'injured') as FigureCategory,
      value: 50,
      qualifier: 'exact' as const,
      low: null,
      high: null,
      scope: 'people',
      incident: undefined,
      alternative: undefined,
      asOf: { date: '2024-02-10', precision: 'day' as const },
      attributions: [{ claimant: 'Ukraine', channel: null }],
    }));
    const total = { ...claims[0]!, id: 'total', category: 'casualties' as FigureCategory, value: 100 };
    const all = [...claims, total];
    const expected = lines(referenceCompareFigures(all, 'casualties')).filter((line) => line.includes(' + '));
    expect(expected.length).toBeGreaterThan(MAX_SUMS_PER_TOTAL);
    const sums = lines(compareFigures(all, 'casualties')).filter((line) => line.includes(' + '));
    expect(sums.length).toBe(MAX_SUMS_PER_TOTAL);
    // A subsequence of all the sums, in their order, with the one of the total's own sentence (part0 + part1) first.
    expect(sums.every((line) => expected.includes(line))).toBe(true);
    expect(sums.map((line) => expected.indexOf(line))).toEqual(
      [...sums.map((line) => expected.indexOf(line))].sort((x, y) => x - y),
    );
  });

  it('GIVEN figures asked to be compared whatever their rank (an article just added) THEN they are compared too', () => {
    const claims = generatedClaims(4000, 600, 5);
    const [plain] = compareFigures(claims, 'killed');
    const added = plain!.claims.find((claim) => !mostRelevant(plain!.claims).slice(0, MAX_COMPARED).includes(claim))!;
    expect(plain!.verdicts.some((verdict) => verdict.claims.includes(added.id))).toBe(false);
    const [withAdded] = compareFigures(claims, 'killed', { alsoCompare: (claim) => claim === added });
    expect(withAdded!.compared).toBe(MAX_COMPARED + 1);
    expect(withAdded!.verdicts.some((verdict) => verdict.claims.includes(added.id))).toBe(true);
  });
});
