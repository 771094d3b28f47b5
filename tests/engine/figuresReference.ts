/**
 * The oracle for tests/engine/figuresForQuestion.test.ts: `figuresForQuestion` as it was before
 * claims were indexed (from abc6ef6 to c4d5d53), a scan of every claim of the category per
 * question. Kept verbatim so the indexed implementation can be checked to choose the same claims,
 * in the same order, with the same reports.
 */
import type { Claim, FiguresReport } from '../../src/model/claim.js';
import type { FigureCategory } from '../../src/model/categories.js';
import { compareFigures } from '../../src/figures/compare.js';
import { stem } from '../../src/text/analyze.js';
import { analyzerLanguage } from '../../src/text/language.js';
import type { AnswerPassage } from '../../src/engine/types.js';
import type { QueryWord } from '../../src/engine/question.js';

const MAX_FIGURES_PER_CATEGORY = 12;

export type ReferenceGroups = ReadonlyMap<FigureCategory, readonly Claim[]>;

export function referenceGroupClaims(claims: readonly Claim[]): ReferenceGroups {
  const groups = new Map<FigureCategory, Claim[]>();
  for (const claim of claims) {
    const group = groups.get(claim.category) ?? [];
    group.push(claim);
    groups.set(claim.category, group);
  }
  return groups;
}

const claimStems = new WeakMap<Claim, Set<string>>();

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

export function referenceFiguresForQuestion(
  groups: ReferenceGroups,
  categories: readonly FigureCategory[],
  words: readonly QueryWord[],
  cited: readonly Pick<AnswerPassage, 'article' | 'start' | 'end'>[],
  languageOf: (articleId: string) => string | null,
): FiguresReport[] {
  const focus = words.filter((word) => word.concepts.length === 0).map((word) => word.stem);
  const citedSpans = cited.map((passage) => ({ id: passage.article.id, start: passage.start, end: passage.end }));
  const fromCited = (claim: Claim) =>
    claim.sources.some((source) =>
      citedSpans.some((span) => span.id === source.articleId && source.start >= span.start && source.end <= span.end),
    );

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
        .sort(
          (a, b) =>
            b.cited - a.cited ||
            b.claim.articles.length - a.claim.articles.length ||
            (b.claim.asOf?.date ?? '').localeCompare(a.claim.asOf?.date ?? ''),
        )
        .slice(0, MAX_FIGURES_PER_CATEGORY)
        .map(({ claim }) => claim);
    }
    reports.push(...compareFigures(claims, category).filter((report) => report.claims.length > 0));
  }
  return reports;
}
