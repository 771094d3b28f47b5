/**
 * Adding an article never changes another article's claims, dates or attributions. Articles are
 * added one by one — the seed corpus, the fixture articles, the held-out ones, the fixtures of
 * every language (tests/languages/fixtures), then a wire article of 2024-12-19 with a February
 * figure (tests/figures/fixtures/later) — and the engine is built after each addition.
 */
import type { Claim, ClaimSource } from '../../src/model/claim.js';
import { describe, expect, it } from 'vitest';
import path from 'node:path';
import type { Article } from '../../src/model/article.js';
import { Engine } from '../../src/engine/engine.js';
import { articlesOf, FIXTURE_ARTICLES, FIXTURES, HOLDOUT_ARTICLES, SEED_CORPUS } from './fixtures/expectations.js';

const LATER_ARTICLES = path.join(FIXTURES, 'later');
const LANGUAGE_FIXTURES = path.resolve(import.meta.dirname, '../languages/fixtures');

/** One telling of a figure by an article, as a reader of that article sees it. */
function telling(claim: Claim, source: ClaimSource): string {
  const asOf = source.asOf
    ? `${source.asOf.date}/${source.asOf.precision}${source.asOf.time ? `T${source.asOf.time}` : ''}`
    : '-';
  const by = source.attributedTo ? `${source.attributedTo.claimant} via ${source.attributedTo.channel}` : '-';
  return `${claim.category} ${claim.item ?? ''} ${claim.value} @${source.start} "${source.wording}" as of ${asOf} by ${by}`;
}

function tellingsByArticle(claims: readonly Claim[]): Map<string, string[]> {
  const byArticle = new Map<string, string[]>();
  for (const claim of claims) {
    for (const source of claim.sources) {
      const list = byArticle.get(source.articleId) ?? [];
      list.push(telling(claim, source));
      byArticle.set(source.articleId, list);
    }
  }
  for (const list of byArticle.values()) list.sort();
  return byArticle;
}

/** The date and claimant a claim shows, unless they are those of one of its tellings. */
function mixedTellings(claims: readonly Claim[]): string[] {
  return claims
    .filter(
      (claim) =>
        !claim.sources.some(
          (source) =>
            JSON.stringify(source.asOf) === JSON.stringify(claim.asOf) &&
            JSON.stringify(source.attributedTo) === JSON.stringify(claim.attributedTo),
        ),
    )
    .map(
      (claim) =>
        `${claim.category} ${claim.value} shows ${claim.asOf?.date ?? '-'} by ${claim.attributedTo?.claimant ?? '-'}; told ${claim.sources.map((source) => `${source.asOf?.date ?? '-'} by ${source.attributedTo?.claimant ?? '-'} (${source.articleId})`).join(', ')}`,
    );
}

describe('adding an article', () => {
  it('GIVEN articles added one by one THEN no article already present changes its tellings, and each claim shows one telling', async () => {
    const seeds = await articlesOf(SEED_CORPUS);
    const fixtures = await articlesOf(FIXTURE_ARTICLES);
    const holdout = await articlesOf(HOLDOUT_ARTICLES);
    const languages = await articlesOf(LANGUAGE_FIXTURES);
    const later = await articlesOf(LATER_ARTICLES);
    const order: Article[] = [
      ...seeds.values(),
      ...fixtures.values(),
      ...holdout.values(),
      ...languages.values(),
      ...later.values(),
    ];
    expect(later.get('en-wire-nis-february')?.published).toBe('2024-12-19');

    const present: Article[] = [];
    let before = new Map<string, string[]>();
    const changed: string[] = [];
    const mixed: string[] = [];
    for (const article of order) {
      present.push(article);
      const engine = await Engine.build({ dir: 'added', articles: [...present], problems: [] });
      const after = tellingsByArticle(engine.claims);
      for (const [id, tellings] of before) {
        if (JSON.stringify(after.get(id) ?? []) !== JSON.stringify(tellings)) {
          changed.push(
            `${article.id} changed ${id}: ${JSON.stringify(tellings)} → ${JSON.stringify(after.get(id) ?? [])}`,
          );
        }
      }
      for (const line of mixedTellings(engine.claims)) mixed.push(`after ${article.id}: ${line}`);
      before = after;
    }
    expect(changed).toEqual([]);
    expect(mixed).toEqual([]);
    // One engine per article added: it grows with every language's fixtures (26 s seen on a loaded 2-core machine).
  }, 180_000);
});
