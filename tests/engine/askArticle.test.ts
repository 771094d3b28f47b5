/** `ask(question, { article })`: one article answers as if it were the whole corpus. */
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { SEED, SEED_CORPUS } from '../helpers.js';

let engine: Engine;
beforeAll(async () => {
  engine = await Engine.load(SEED_CORPUS);
});

describe('ask restricted to one article', () => {
  it('GIVEN "how many killed" about YTN THEN only its passages, and its figures as it tells them', () => {
    const answer = engine.ask('how many killed', { article: SEED.ytn, limit: 10 });
    expect(answer.status).toBe('answered');
    expect(answer.passages.length).toBeGreaterThan(0);
    for (const passage of answer.passages) {
      expect(passage.article.id).toBe(SEED.ytn);
      expect(passage.alsoReportedBy).toEqual([]);
    }
    const claims = (answer.figures ?? []).flatMap((report) => report.claims);
    expect(claims.length).toBeGreaterThan(0);
    for (const claim of claims) {
      expect(claim.articles).toEqual([SEED.ytn]);
      expect(claim.sources.every((source) => source.articleId === SEED.ytn)).toBe(true);
      // Who says so is someone this article names.
      if (claim.attributedTo)
        expect(claim.sources.some((source) => source.attributedTo?.claimant === claim.attributedTo!.claimant)).toBe(
          true,
        );
    }
    // Every figure of the whole answer told by YTN is here, as YTN tells it.
    const whole = (engine.ask('how many killed', { limit: 10 }).figures ?? []).flatMap((report) => report.claims);
    const told = whole.filter((claim) => claim.articles.includes(SEED.ytn)).map((claim) => claim.id);
    expect(claims.map((claim) => claim.id)).toEqual(expect.arrayContaining(told));
  });

  it('GIVEN a question one article does not answer THEN "not in this article", whatever the others say', () => {
    // The Norwegian article is about reinforcements; the engineers are in another article.
    const elsewhere = engine.ask('how many engineers', { limit: 10 });
    const ids = new Set(elsewhere.passages.map((passage) => passage.article.id));
    const silent = Object.values(SEED).find((id) => !ids.has(id))!;
    const answer = engine.ask('how many engineers', { article: silent });
    expect(answer.noAnswer).toBe(true);
    expect(answer.message).toMatch(/^Not in this article: /);
  });

  it('GIVEN an id no article has THEN nothing answers', () => {
    const answer = engine.ask('how many killed', { article: 'no-such-article' });
    expect(answer.noAnswer).toBe(true);
    expect(answer.figures ?? []).toEqual([]);
  });

  it('GIVEN an article THEN its figures of every kind, each citing it alone', () => {
    const reports = engine.figuresToldBy(SEED.norwegian);
    expect(reports.length).toBeGreaterThan(0);
    for (const report of reports) for (const claim of report.claims) expect(claim.articles).toEqual([SEED.norwegian]);
  });
});
