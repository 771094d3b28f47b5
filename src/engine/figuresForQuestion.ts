import type { Claim, FigureCategory } from '../figures/claims.js';
import { compareFigures, type FiguresReport } from '../figures/compare.js';
import { stem } from '../text/analyze.js';
import { analyzerLanguage } from '../text/language.js';
import type { AnswerPassage } from './types.js';
import type { QueryWord } from './question.js';

/** A chat answer shows the figures that matter, not every figure of a category: a table of 700 helps no one. */
export const MAX_FIGURES_PER_CATEGORY = 12;

/** Claims by category, built once per engine. */
export type ClaimsByCategory = ReadonlyMap<FigureCategory, readonly Claim[]>;

export function groupClaims(claims: readonly Claim[]): ClaimsByCategory {
  const groups = new Map<FigureCategory, Claim[]>();
  for (const claim of claims) {
    const group = groups.get(claim.category) ?? [];
    group.push(claim);
    groups.set(claim.category, group);
  }
  return groups;
}

const claimStems = new WeakMap<Claim, Set<string>>();

/** The stems of a claim's sentences, in each sentence's own language: what a focus word is matched against. */
function stemsOf(claim: Claim, languageOf: (articleId: string) => string | null): Set<string> {
  let stems = claimStems.get(claim);
  if (!stems) {
    stems = new Set();
    for (const source of claim.sources) {
      const language = analyzerLanguage(languageOf(source.articleId));
      for (const word of source.quote.match(/[\p{L}\p{N}]+/gu) ?? []) stems.add(stem(word, language));
    }
    claimStems.set(claim, stems);
  }
  return stems;
}

/**
 * The figures for a question about a figure: per asked category, the claims about what else the
 * question names ("injured in Kursk" → those whose sentence mentions Kursk), preferring claims
 * from the passages cited, then the most reported, then the latest; compared among themselves.
 */
export function figuresForQuestion(
  groups: ClaimsByCategory,
  categories: readonly FigureCategory[],
  words: readonly QueryWord[],
  cited: readonly AnswerPassage[],
  languageOf: (articleId: string) => string | null,
): FiguresReport[] {
  // Words that name the figure ("killed", "how many") select the category; the others narrow it.
  const focus = words.filter((word) => word.concepts.length === 0).map((word) => word.stem);
  const citedSpans = cited.map((passage) => ({ id: passage.article.id, start: passage.start, end: passage.end }));
  const fromCited = (claim: Claim) =>
    claim.sources.some((source) => citedSpans.some((span) => span.id === source.articleId && source.start >= span.start && source.end <= span.end));

  const reports: FiguresReport[] = [];
  for (const category of categories) {
    let claims = [...(groups.get(category) ?? [])];
    if (focus.length > 0) {
      const focused = claims.filter((claim) => focus.some((wanted) => stemsOf(claim, languageOf).has(wanted)));
      if (focused.length > 0) claims = focused;
    }
    if (claims.length > MAX_FIGURES_PER_CATEGORY) {
      claims = claims
        .map((claim) => ({ claim, cited: fromCited(claim) ? 1 : 0 }))
        .sort((a, b) => b.cited - a.cited || b.claim.articles.length - a.claim.articles.length || (b.claim.asOf?.date ?? '').localeCompare(a.claim.asOf?.date ?? ''))
        .slice(0, MAX_FIGURES_PER_CATEGORY)
        .map(({ claim }) => claim);
    }
    reports.push(...compareFigures(claims, category).filter((report) => report.claims.length > 0));
  }
  return reports;
}
