import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { askJson } from '../../src/cli/contract.js';
import { Engine } from '../../src/engine/engine.js';
import { compatibleScope } from '../../src/figures/compare.js';
import { shortClaimant } from '../../src/figures/attribution.js';
import type { Answer, Claim } from '../../src/engine/types.js';
import { summaryLine } from '../../src/render/summary.js';
import { SEED_CORPUS, tempCorpus } from '../helpers.js';

/** The bottom line of a figure question, held part by part against the claims it names. */
describe('the summary of a figure question', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await Engine.load(SEED_CORPUS);
  });

  const plain = { strong: (text: string) => text, text: (text: string) => text, cite: () => '' };

  function checkAgainstClaims(answer: Answer): void {
    const summary = answer.summary!;
    const report = answer.figures!.find((r) => r.category === summary.category && r.item === summary.item)!;
    const byId = new Map(report.claims.map((claim) => [claim.id, claim]));
    const claim = (id: string): Claim => {
      expect(byId.has(id), `claim ${id} is in the report`).toBe(true);
      return byId.get(id)!;
    };
    const main = summary.claims.map(claim);
    // The range: its ends are the lowest and highest of the estimates, as those claims state them.
    expect(claim(summary.low.claim).value).toBe(summary.low.value);
    expect(claim(summary.high.claim).value).toBe(summary.high.value);
    expect(summary.low.value).toBe(Math.min(...main.map((c) => c.value)));
    expect(summary.high.value).toBe(Math.max(...main.map((c) => c.value)));
    // The estimates are of one subject: every pair may count the same thing.
    for (const a of main) for (const b of main) expect(compatibleScope(a.scope, b.scope)).toBe(true);
    if (summary.subject) expect(main.some((c) => c.subject === summary.subject)).toBe(true);
    // The articles: exactly those the estimates are told in.
    expect(new Set(summary.articles)).toEqual(new Set(main.flatMap((c) => c.articles)));
    // Each source says each estimate it is credited with, in the articles it is credited with.
    for (const source of summary.sources) {
      for (const id of source.claims) {
        const tellings = claim(id).sources.filter((s) => s.attributedTo);
        expect(tellings.some((s) => shortClaimant(s.attributedTo!.claimant).length > 0)).toBe(true);
      }
      for (const article of source.articles)
        expect(source.claims.some((id) => claim(id).articles.includes(article))).toBe(true);
    }
    for (const id of summary.unattributed) expect(claim(id).attributions).toEqual([]);
    // The latest: a full date, and no estimate has a later one.
    if (summary.latest) {
      const latest = claim(summary.latest.claim);
      expect(latest.asOf).toEqual(summary.latest.asOf);
      expect(latest.value).toBe(summary.latest.value);
      for (const c of main)
        if (c.asOf && /^\d{4}/.test(c.asOf.date)) expect(c.asOf.date <= summary.latest.asOf.date).toBe(true);
    } else {
      for (const c of main) expect(/^\d{4}/.test(c.asOf?.date ?? '')).toBe(false);
    }
    // Disagreements: each pair is a verdict of that kind about those claims.
    for (const [kind, pairs] of [
      ['disagree', summary.disagree],
      ['far apart', summary.farApart],
    ] as const) {
      for (const pair of pairs)
        expect(report.verdicts.some((v) => v.kind === kind && v.claims.join() === pair.join())).toBe(true);
      expect(pairs.length).toBe(
        report.verdicts.filter((v) => v.kind === kind && v.claims.every((id) => summary.claims.includes(id))).length,
      );
    }
    // Separately: figures of another scope, as their claims state them.
    for (const figure of summary.separately) {
      const c = claim(figure.claim);
      expect([c.value, c.subject, c.asOf]).toEqual([figure.value, figure.subject, figure.asOf]);
      expect(summary.claims).not.toContain(figure.claim);
    }
  }

  it('GIVEN "how many killed" on the seed THEN about 100 to 400 North Korean soldiers, each part true of the claims it names', () => {
    const answer = engine.ask('how many killed', { limit: 10 });
    askJson.parse(JSON.parse(JSON.stringify(answer)));
    checkAgainstClaims(answer);
    expect(summaryLine(answer.summary!, plain)).toBe(
      '≈100–400 North Korean soldiers killed — 5 estimates from 7 sources in 2 articles; none with a full date; 2 pairs far apart · separately: 6 North Korean officers, 20 people (3 Oct 2024)',
    );
  });

  it.each(['how many injured', 'how many troops were deployed', 'how many soldiers captured', 'how many shells'])(
    'GIVEN "%s" on the seed THEN each part of the summary is true of the claims it names',
    (question) => {
      const answer = engine.ask(question, { limit: 10 });
      if (!answer.summary) return;
      checkAgainstClaims(answer);
    },
  );

  it('GIVEN the figure fixtures (dated estimates, disagreements) THEN each part of every summary is true of its claims', async () => {
    const fixtures = await Engine.load(path.join(import.meta.dirname, '../figures/fixtures/articles'));
    let dated = 0;
    for (const question of ['how many killed', 'how many injured', 'how many troops deployed', 'how many captured']) {
      const answer = fixtures.ask(question, { limit: 10 });
      if (!answer.summary) continue;
      checkAgainstClaims(answer);
      if (answer.summary.latest) dated++;
      expect(summaryLine(answer.summary, plain)).toMatch(/^[≈≥>≲≤<]?[\d,]+(–[\d,]+)? .* — \d+ estimates? /);
    }
    expect(dated).toBeGreaterThan(0);
  });

  it('GIVEN one claimant told by three outlets THEN one estimate from one source in three articles, and the line says so', async () => {
    const article = (outlet: string, day: number, lead: string) =>
      `---\ntitle: Losses in Kursk\npublisher: ${outlet}\npublished: 2025-01-${day}\nlanguage: en\n---\n${lead}\n\nAbout 300 North Korean soldiers have been killed in Kursk, the National Intelligence Service said on Monday.\n`;
    const corpus = await tempCorpus({
      'a.md': article('Wire One', 13, 'Seoul briefed lawmakers behind closed doors.'),
      'b.md': article('Daily Two', 13, 'The spy agency gave its first estimate in weeks.'),
      'c.md': article('Herald Three', 14, 'Lawmakers were told of heavy losses.'),
    });
    try {
      const answer = (await Engine.load(corpus.dir)).ask('how many soldiers killed', { limit: 10 });
      checkAgainstClaims(answer);
      expect(summaryLine(answer.summary!, plain)).toMatch(
        /^≈300 North Korean soldiers killed — 1 estimate from 1 source in 3 articles \(National Intelligence Service told in 3 of them\); latest dated ≈300 \(National Intelligence Service, 1[34] Jan 2025\)$/,
      );
    } finally {
      await corpus.cleanup();
    }
  });

  it('GIVEN a question about no figure THEN no summary', () => {
    expect(engine.ask('who trained the engineers').summary).toBeUndefined();
  });
});
