/**
 * French: the notations, number words, qualifiers, dates, elision, attribution and figures the
 * French module (src/languages/fr.ts) makes the language-neutral machinery read.
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
  findNumbers(text, 'fr')
    .filter((mention) => mention.kind === 'count')
    .map(({ wording, value, low, high, qualifier }) => ({ wording, value, low, high, qualifier }));

function claimsOf(text: string, published = '2025-03-05') {
  const article: Article = {
    id: 'fr-test',
    title: 'Test',
    publisher: null,
    url: null,
    published,
    language: 'fr',
    text,
    file: 'fr-test.md',
    provenance: {},
  };
  return extractClaims(buildPassages([article])).map((claim) => ({
    category: claim.category,
    item: claim.item,
    value: claim.value,
    low: claim.low,
    high: claim.high,
    qualifier: claim.qualifier,
    scope: claim.scope,
    asOf: claim.asOf?.date ?? null,
    claimant: claim.attributedTo?.claimant ?? null,
  }));
}

describe('French numbers', () => {
  it.each([
    ['1 500 soldats', 1500],
    ['1\u202f500 soldats', 1500],
    ['9.000 soldats', 9000],
    ['deux mille soldats', 2000],
    ['mille soldats', 1000],
    ['cent soldats', 100],
    ['deux cents soldats', 200],
    ['vingt et un soldats', 21],
    ['soixante et onze soldats', 71],
    ['soixante-dix soldats', 70],
    ['soixante-dix-sept soldats', 77],
    ['quatre-vingts soldats', 80],
    ['quatre-vingt-douze soldats', 92],
    ['dix-huit soldats', 18],
    ['1,5 million de soldats', 1_500_000],
  ])('GIVEN "%s" THEN %d', (text, value) => {
    expect(counts(text)[0]?.value).toBe(value);
  });

  it('GIVEN the article "un" THEN no number', () => {
    expect(counts('un soldat a été blessé')).toEqual([]);
  });

  it('GIVEN "un ou deux millions" THEN one range', () => {
    expect(counts("un ou deux millions d'obus")[0]).toMatchObject({
      value: 1_500_000,
      low: 1_000_000,
      high: 2_000_000,
    });
  });

  it.each([
    ['environ 300 morts', 'about'],
    ['près de 300 morts', 'about'],
    ['quelque 300 morts', 'about'],
    ['au moins 300 morts', 'at least'],
    ['plus de 300 morts', 'more than'],
    ["jusqu'à 300 morts", 'up to'],
    ['moins de 300 morts', 'less than'],
  ])('GIVEN "%s" THEN the qualifier is %s', (text, qualifier) => {
    expect(counts(text)[0]).toMatchObject({ value: 300, qualifier });
  });

  it('GIVEN vague idioms THEN their intervals', () => {
    expect(counts('des centaines de soldats')[0]).toMatchObject({ value: 200, low: 200, high: 999 });
    expect(counts('plusieurs milliers de soldats')[0]).toMatchObject({ value: 3000, low: 2000, high: 9000 });
    expect(counts('une dizaine de soldats')[0]).toMatchObject({ value: 10, low: 8, high: 12 });
    expect(counts('des dizaines de milliers de soldats')[0]).toMatchObject({ low: 20_000, high: 99_999 });
  });
});

describe('French dates', () => {
  const dates = (text: string, published = '2025-03-05') =>
    findDates(text, 'fr', { published }).map((date) => date.date);
  it.each([
    ['le 3 mars 2025', '2025-03-03'],
    ['le 1er mars', '2025-03-01'],
    ['lundi', '2025-03-03'],
    ['hier', '2025-03-04'],
    ['en février', '2025-02'],
    ['le mois dernier', '2025-02'],
    ["l'an dernier", '2024'],
    ['à la fin de février', '2025-02'],
  ])('GIVEN "%s" in an article of Wednesday 5 March 2025 THEN %s', (text, date) => {
    expect(dates(text)).toEqual([date]);
  });
});

describe('French elision, attribution and figures', () => {
  it('GIVEN "l\'armée" THEN two tokens, the article a stop word', () => {
    const tokens = tokenize("l'armée", 'fr');
    expect(tokens.map((token) => [token.stem, token.stopWord])).toEqual([
      ['l', true],
      ['arme', false],
    ]);
  });

  it.each([
    ['Selon le ministère, 300 soldats ont été tués.', 'le ministère'],
    ["D'après le renseignement sud-coréen, 300 soldats ont été tués.", 'le renseignement sud-coréen'],
    ['Environ 300 soldats ont été tués, a déclaré jeudi le ministère.', 'le ministère'],
    ['Le ministère a indiqué que 300 soldats ont été tués.', 'Le ministère'],
    ["Kiev fait également état d'environ 1 800 blessés.", 'Kiev'],
    ['En janvier, des députés avaient évoqué quelque 300 morts.', 'des députés'],
  ])('GIVEN "%s" THEN the claimant is %s', (text, claimant) => {
    expect(findAttributions(text, 'fr').map((span) => span.claimant)).toContain(claimant);
  });

  it('GIVEN "ont été tués" after the noun THEN killed, of the nation named', () => {
    expect(claimsOf('Environ 300 soldats nord-coréens ont été tués.')).toEqual([
      expect.objectContaining({ category: 'killed', value: 300, qualifier: 'about', scope: 'troops@north-korean' }),
    ]);
  });

  it('GIVEN "obus d\'artillerie" THEN the head is shells, not guns', () => {
    expect(claimsOf("Pyongyang a livré un ou deux millions d'obus d'artillerie.")).toEqual([
      expect.objectContaining({ category: 'weapons', item: 'shells', low: 1_000_000, high: 2_000_000 }),
    ]);
  });

  it('GIVEN "militaires supplémentaires" or "en renfort" THEN reinforcements', () => {
    expect(claimsOf('La Corée du Nord a envoyé 1 500 militaires supplémentaires.')).toEqual([
      expect.objectContaining({ category: 'reinforcements', value: 1500 }),
    ]);
    expect(claimsOf("Le préfet a annoncé l'envoi de 80 militaires en renfort.")).toEqual([
      expect.objectContaining({ category: 'reinforcements', value: 80 }),
    ]);
  });

  it('GIVEN "2 700 autres blessés" after a death toll THEN injured, not killed', () => {
    expect(
      claimsOf('Environ 300 soldats ont été tués et 2 700 autres blessés.').map((claim) => claim.category),
    ).toEqual(['killed', 'injured']);
  });

  it("GIVEN \"C'est ce qu'a indiqué X lundi.\" after a figure THEN X and Monday are the figure's", () => {
    expect(claimsOf("Au moins 450 soldats ont été tués. C'est ce qu'a indiqué lundi le ministère.")).toEqual([
      expect.objectContaining({ value: 450, claimant: 'le ministère', asOf: '2025-03-03' }),
    ]);
  });

  it('GIVEN "pertes … à 4 000 hommes" THEN the event before names a count of people', () => {
    expect(claimsOf("Les pertes nord-coréennes s'élèveraient à 4 000 hommes.")).toEqual([
      expect.objectContaining({ category: 'casualties', value: 4000 }),
    ]);
  });

  it('GIVEN "La Corée du Nord a dépêché…" THEN the soldiers are North Korean', () => {
    expect(claimsOf('La Corée du Nord a dépêché environ 12 000 soldats en Russie.')).toEqual([
      expect.objectContaining({ category: 'deployed', value: 12_000, scope: 'troops@north-korean' }),
    ]);
  });

  it('GIVEN "ont perdu la vie" THEN killed', () => {
    expect(claimsOf('Plus de 2 000 soldats ont perdu la vie.')).toEqual([
      expect.objectContaining({ category: 'killed', value: 2000, qualifier: 'more than' }),
    ]);
  });
});
