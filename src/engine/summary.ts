/**
 * The bottom line of a figure question: the range of the estimates of the asked thing for the main
 * subject, how many estimates from how many sources in how many articles, the latest fully dated
 * one, how many pairs disagree, and, apart, the figures of other scopes (one strike's dead, the
 * officers among them). Every part names the claims it rests on, so a face can cite them and a test
 * can hold each part against them.
 */
import { compatibleScope } from '../figures/compare.js';
import { shortClaimant } from '../figures/attribution.js';
import { categoryByName } from '../model/categories.js';
import type { AsOf, Claim, FiguresReport } from '../model/claim.js';
import { compareDates } from '../text/dates.js';
import type { AnswerSummary, SummarySource } from './types.js';

/** Figures of other scopes named after "separately:" at most. */
const MAX_SEPARATELY = 3;

/** The summary of the first report with claims; null when there is none. */
export function summarize(reports: readonly FiguresReport[]): AnswerSummary | null {
  const report = reports.find((candidate) => candidate.claims.length > 0);
  if (!report) return null;
  const scope = mainScope(report.claims);
  // The main scope's estimates, and those that leave theirs unsaid (or say less: "troops" for
  // "North Korean troops") in an article that tells one of them: the same story's figures.
  const told = new Set(report.claims.filter((claim) => claim.scope === scope).flatMap((claim) => claim.articles));
  const main = report.claims.filter(
    (claim) =>
      claim.scope === scope || (compatibleScope(claim.scope, scope) && claim.articles.some((id) => told.has(id))),
  );
  const others = report.claims.filter((claim) => !main.includes(claim));
  const low = main.reduce((a, b) => (b.value < a.value ? b : a));
  const high = main.reduce((a, b) => (b.value > a.value ? b : a));
  const subject =
    mostCommon(main.filter((claim) => claim.scope !== 'unspecified' && claim.subject).map((claim) => claim.subject)) ??
    '';
  const category = categoryByName(report.category);
  const ids = new Set(main.map((claim) => claim.id));
  const pairs = (kind: string) =>
    report.verdicts
      .filter((verdict) => verdict.kind === kind && verdict.claims.every((id) => ids.has(id)))
      .map((verdict) => verdict.claims);
  return {
    category: report.category,
    item: report.item,
    subject,
    what: report.item ?? category?.name ?? report.category,
    low: { value: low.value, qualifier: low.qualifier, claim: low.id },
    high: { value: high.value, qualifier: high.qualifier, claim: high.id },
    claims: main.map((claim) => claim.id),
    sources: sourcesOf(main),
    unattributed: main.filter((claim) => claim.attributions.length === 0).map((claim) => claim.id),
    articles: [...new Set(main.flatMap((claim) => claim.articles))],
    latest: latest(main),
    disagree: pairs('disagree'),
    farApart: pairs('far apart'),
    separately: others.slice(0, MAX_SEPARATELY).map((claim) => ({
      claim: claim.id,
      value: claim.value,
      qualifier: claim.qualifier,
      subject: claim.subject,
      asOf: claim.asOf,
    })),
    moreSeparately: Math.max(0, others.length - MAX_SEPARATELY),
  };
}

/**
 * The main subject: the named scope ("troops@north-korean") with the most estimates, then the most
 * articles. An increment ("two more") is never it.
 */
function mainScope(claims: readonly Claim[]): string {
  const scopes = [...new Set(claims.map((claim) => claim.scope))].filter((scope) => !scope.startsWith('more:'));
  if (scopes.length === 0) return claims[0]!.scope;
  // The most estimates of it, then the most articles telling them.
  const weight = (scope: string) => {
    const own = claims.filter((claim) => claim.scope === scope);
    return own.length * 1000 + new Set(own.flatMap((claim) => claim.articles)).size;
  };
  const named = scopes.filter((scope) => scope !== 'unspecified');
  return (named.length > 0 ? named : scopes).reduce((a, b) => (weight(b) > weight(a) ? b : a));
}

function mostCommon(values: string[]): string | null {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  let best: string | null = null;
  for (const [value, n] of counts) if (best === null || n > counts.get(best)!) best = value;
  return best;
}

/** A claimant's name folded for comparing: case, diacritics, a leading article and punctuation dropped. */
function fold(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^(?:the|a|an)\s+/, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A claimant's folded words, worked out once per name: every figure question summarises the same few claimants. */
function claimantWords(claimant: string): ReadonlySet<string> {
  let words = foldedClaimants.get(claimant);
  if (!words) {
    words = new Set(fold(claimant).split(' ').filter(Boolean));
    if (foldedClaimants.size >= 10_000) foldedClaimants.clear();
    foldedClaimants.set(claimant, words);
  }
  return words;
}
const foldedClaimants = new Map<string, ReadonlySet<string>>();

/**
 * The independent sources: claimants, not the outlets that carry them (the channel "Reuters" is
 * not a source; the NIS told by five outlets is one source in five articles). Two names are one
 * source when one's words are all in the other ("Lee" and "South Korean Member of Parliament, Lee
 * Seong-kweun").
 */
function sourcesOf(claims: readonly Claim[]): SummarySource[] {
  type Source = SummarySource & { words: ReadonlySet<string>; claimSet: Set<string>; articleSet: Set<string> };
  const sources: Source[] = [];
  // The figures most reported have hundreds of sources, of a few claimants: which known source a
  // claimant's words match is looked up once until a source is added or its words change.
  let matches = new Map<string, Source | undefined>();
  for (const claim of claims) {
    for (const source of claim.sources) {
      if (!source.attributedTo) continue;
      const { claimant } = source.attributedTo;
      const words = claimantWords(claimant);
      if (words.size === 0) continue;
      let same: Source | undefined;
      if (matches.has(claimant)) same = matches.get(claimant);
      else {
        same = sources.find(
          (known) => [...words].every((w) => known.words.has(w)) || [...known.words].every((w) => words.has(w)),
        );
        matches.set(claimant, same);
      }
      let target = same;
      if (!target) {
        target = {
          name: shortClaimant(claimant),
          claims: [],
          articles: [],
          words,
          claimSet: new Set(),
          articleSet: new Set(),
        };
        sources.push(target);
        matches = new Map();
      }
      if (same && words.size > same.words.size) {
        same.words = words;
        matches = new Map();
      }
      if (!target.claimSet.has(claim.id)) {
        target.claimSet.add(claim.id);
        target.claims.push(claim.id);
      }
      if (!target.articleSet.has(source.articleId)) {
        target.articleSet.add(source.articleId);
        target.articles.push(source.articleId);
      }
    }
  }
  return sources.map(({ words: _words, claimSet: _claims, articleSet: _articles, ...source }) => source);
}

/** The claim with the latest full date (a known year): a date without its year cannot be ordered. */
function latest(claims: readonly Claim[]): AnswerSummary['latest'] {
  const dated = claims.filter((claim): claim is Claim & { asOf: AsOf } => /^\d{4}/.test(claim.asOf?.date ?? ''));
  if (dated.length === 0) return null;
  const claim = dated.reduce((a, b) => (compareDates(b.asOf.date, a.asOf.date) > 0 ? b : a));
  return {
    claim: claim.id,
    value: claim.value,
    qualifier: claim.qualifier,
    asOf: claim.asOf,
    claimant: claim.attributedTo ? shortClaimant(claim.attributedTo.claimant) : null,
  };
}
