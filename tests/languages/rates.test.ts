/**
 * Rates are rates in every language: a daily loss carries its period and is compared only with
 * rates, never with a cumulative toll. Sentences written for this test, in each language's news style.
 */
import { describe, expect, it } from 'vitest';
import { extractClaims } from '../../src/figures/claims.js';
import type { Article } from '../../src/model/article.js';
import { buildPassages } from '../../src/search/passages.js';

const claimsOf = (text: string, language: string) => {
  const article: Article = {
    id: `rates-${language}`,
    file: `rates-${language}.md`,
    title: 'Rates',
    publisher: null,
    url: null,
    published: '2025-03-14',
    language,
    text,
    provenance: {},
  };
  return extractClaims(buildPassages([article]));
};

describe('a rate in each language', () => {
  it.each([
    ['en', 'Russia is losing about 1,200 soldiers a day, British intelligence said.', 1200],
    ['nb', 'Russland mister rundt 1200 soldater om dagen, ifølge britisk etterretning.', 1200],
    ['de', 'Russland verliert nach britischen Angaben täglich rund 1.200 Soldaten.', 1200],
    ['fr', 'La Russie perd environ 1 200 soldats par jour, selon le renseignement britannique.', 1200],
    ['ru', 'Россия теряет около 1200 военных в сутки, по данным британской разведки.', 1200],
    ['uk', 'Росія втрачає близько 1200 військових на добу, за даними британської розвідки.', 1200],
    ['ko', '영국 정보당국에 따르면 러시아군은 하루 평균 1200명의 병력을 잃고 있다.', 1200],
    ['cs', 'Rusko podle britské rozvědky denně ztrácí kolem 1200 vojáků.', 1200],
  ])('GIVEN a daily loss in %s THEN a rate per day, apart from totals', (language, text, value) => {
    const claims = claimsOf(text, language);
    const claim = claims.find((candidate) => candidate.value === value);
    expect(claim, JSON.stringify(claims.map((c) => [c.category, c.value, c.scope]))).toBeDefined();
    expect(claim!.scope).toMatch(/^per-day:/);
  });
});
