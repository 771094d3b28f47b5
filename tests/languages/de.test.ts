/**
 * German: the notations, number words, qualifiers, dates, attribution and figures the German
 * module (src/languages/de.ts) makes the language-neutral machinery read.
 */
import { describe, expect, it } from 'vitest';
import type { Article } from '../../src/model/article.js';
import { findAttributions } from '../../src/figures/attribution.js';
import { extractClaims } from '../../src/figures/claims.js';
import { buildPassages } from '../../src/search/passages.js';
import { tokenize } from '../../src/text/analyze.js';
import { findDates } from '../../src/text/dates.js';
import { findNumbers } from '../../src/text/numbers/index.js';

const counts = (text: string) =>
  findNumbers(text, 'de')
    .filter((mention) => mention.kind === 'count')
    .map(({ wording, value, low, high, qualifier }) => ({ wording, value, low, high, qualifier }));

function claimsOf(text: string, published = '2025-03-12') {
  const article: Article = {
    id: 'de-test',
    title: 'Test',
    publisher: null,
    url: null,
    published,
    language: 'de',
    text,
    file: 'de-test.md',
    provenance: {},
  };
  return extractClaims(buildPassages([article])).map((claim) => ({
    category: claim.category,
    value: claim.value,
    qualifier: claim.qualifier,
    scope: claim.scope,
    asOf: claim.asOf?.date ?? null,
    claimant: claim.attributedTo?.claimant ?? null,
  }));
}

describe('German numbers', () => {
  it.each([
    ['1.500 Soldaten', 1500],
    ['10 000 Soldaten', 10_000],
    ['9.000 Soldaten', 9000],
    ['zweitausend Soldaten', 2000],
    ['zweitausendfünfhundert Soldaten', 2500],
    ['dreihundertfünfundzwanzig Soldaten', 325],
    ['einundzwanzig Tote', 21],
    ['eine Million Granaten', 1_000_000],
    ['1,5 Millionen Granaten', 1_500_000],
  ])('GIVEN "%s" THEN %d', (text, value) => {
    expect(counts(text)[0]?.value).toBe(value);
  });

  it('GIVEN an article ("ein Soldat") THEN no number', () => {
    expect(counts('ein Soldat wurde verletzt')).toEqual([]);
  });

  it.each([
    ['etwa 300 Tote', 'about'],
    ['rund 300 Tote', 'about'],
    ['ungefähr 300 Tote', 'about'],
    ['circa 300 Tote', 'about'],
    ['mindestens 300 Tote', 'at least'],
    ['mehr als 300 Tote', 'more than'],
    ['über 300 Tote', 'more than'],
    ['bis zu 300 Tote', 'up to'],
    ['fast 300 Tote', 'nearly'],
  ])('GIVEN "%s" THEN the qualifier is %s', (text, qualifier) => {
    expect(counts(text)[0]).toMatchObject({ value: 300, qualifier });
  });

  it('GIVEN vague idioms THEN their intervals', () => {
    expect(counts('Hunderte Soldaten')[0]).toMatchObject({ value: 200, low: 200, high: 999, qualifier: 'vague' });
    expect(counts('Tausende Soldaten')[0]).toMatchObject({ value: 2000, low: 2000, high: 9999 });
    expect(counts('mehrere hundert Soldaten')[0]).toMatchObject({ value: 300, low: 200, high: 900 });
  });

  it('GIVEN "zwischen 1 und 2 Millionen" THEN one range', () => {
    expect(counts('zwischen 1 und 2 Millionen Granaten')[0]).toMatchObject({
      value: 1_500_000,
      low: 1_000_000,
      high: 2_000_000,
    });
  });
});

describe('German dates', () => {
  const dates = (text: string, published = '2025-03-12') =>
    findDates(text, 'de', { published }).map((date) => date.date);
  it.each([
    ['am 3. März 2025', '2025-03-03'],
    ['am 3. Jan. 2025', '2025-01-03'],
    ['am Montag', '2025-03-10'],
    ['gestern', '2025-03-11'],
    ['im März', '2025-03'],
    ['im vergangenen Jahr', '2024'],
    ['letzten Monat', '2025-02'],
  ])('GIVEN "%s" in an article of Wednesday 12 March 2025 THEN %s', (text, date) => {
    expect(dates(text)).toEqual([date]);
  });

  it('GIVEN "bis März" in a January article THEN the coming March', () => {
    expect(findDates('bis März', 'de', { published: '2025-01-20' }).map((date) => date.date)).toEqual(['2025-03']);
  });
});

describe('German attribution and figures', () => {
  it.each([
    ['Laut dem Verteidigungsministerium wurden 300 Soldaten getötet.', 'dem Verteidigungsministerium'],
    ['Nach Angaben des Geheimdienstes wurden 300 Soldaten getötet.', 'Geheimdienstes'],
    ['Es wurden 300 Soldaten getötet, sagte ein Sprecher des Ministeriums.', 'ein Sprecher des Ministeriums'],
  ])('GIVEN "%s" THEN the claimant is %s', (text, claimant) => {
    expect(findAttributions(text, 'de').map((span) => span.claimant)).toContain(claimant);
  });

  it('GIVEN a verb-final clause THEN the participle after the count names it', () => {
    expect(
      claimsOf('Der Geheimdienst erklärte, dass rund 1.500 nordkoreanische Soldaten getötet worden seien.'),
    ).toEqual([
      expect.objectContaining({ category: 'killed', value: 1500, qualifier: 'about', scope: 'troops@north-korean' }),
    ]);
  });

  it('GIVEN "ums Leben gekommen" with its verb far away THEN killed', () => {
    expect(claimsOf('Bis Ende Februar kamen mehr als 2.000 Nordkoreaner ums Leben.')).toEqual([
      expect.objectContaining({ category: 'killed', value: 2000, qualifier: 'more than', asOf: '2025-02' }),
    ]);
  });

  it('GIVEN "als Verstärkung geschickt" THEN reinforcements', () => {
    expect(claimsOf('Pjöngjang hat 3.000 Soldaten als Verstärkung nach Kursk geschickt.')).toEqual([
      expect.objectContaining({ category: 'reinforcements', value: 3000 }),
    ]);
  });

  it('GIVEN "getötet oder verwundet" THEN casualties', () => {
    expect(claimsOf('Etwa 4.700 Soldaten wurden getötet oder verwundet.')).toEqual([
      expect.objectContaining({ category: 'casualties', value: 4700 }),
    ]);
  });

  it('GIVEN "X zufolge" THEN X is the source', () => {
    expect(
      findAttributions('Dem Ministerium zufolge wurden 300 Soldaten getötet.', 'de').map((span) => span.claimant),
    ).toEqual(['Dem Ministerium']);
  });

  it('GIVEN "auf mindestens 450 gestiegen" THEN the event before the count names it, the participle is no noun', () => {
    expect(claimsOf('Die Zahl der getöteten Soldaten ist auf mindestens 450 gestiegen.')).toEqual([
      expect.objectContaining({ category: 'killed', value: 450, qualifier: 'at least' }),
    ]);
  });

  it('GIVEN "Das erklärte X am Donnerstag." after a figure THEN X and Thursday are the figure\'s', () => {
    expect(
      claimsOf('Mindestens 450 Soldaten sind gefallen. Das erklärte ein Sprecher des Ministeriums am Montag.'),
    ).toEqual([expect.objectContaining({ value: 450, claimant: 'ein Sprecher des Ministeriums', asOf: '2025-03-10' })]);
  });

  it('GIVEN a verb-final loss ("700.000 Soldaten verloren") THEN the loss is the count\'s: casualties, as "lost" is unless the text says killed', () => {
    expect(claimsOf('Russland hat rund 700.000 Soldaten verloren.')).toEqual([
      expect.objectContaining({ category: 'casualties', value: 700_000, scope: 'troops@russian' }),
    ]);
  });

  it('GIVEN "ums" THEN it is a stop word, not a counted noun', () => {
    expect(tokenize('ums Leben', 'de')[0]?.stopWord).toBe(true);
  });
});
