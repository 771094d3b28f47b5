import type { Claim, FiguresReport, Verdict } from '../model/claim.js';
import { figureCategories } from '../model/categories.js';
import type { Engine } from './engine.js';

/** What some articles change in the figures: told when an article comes in from the chat or a folder. */
export interface FigureChanges {
  /** The articles the changes are of. */
  articles: string[];
  /** Their figures, each once; a figure they repeat from an article already there is among them. */
  figures: Claim[];
  /** Figures of theirs that articles already there told too: confirmed, not new. */
  repeated: Claim[];
  /**
   * Verdicts between one of their figures and one that was there: a toll that grew, a figure it
   * disagrees with, one of another scope. Conflicts first.
   */
  verdicts: ChangedVerdict[];
}

export interface ChangedVerdict {
  verdict: Verdict;
  /** The verdict's claims, in its order. */
  claims: Claim[];
}

/** Conflicts matter most to a team: they lead, then growth, then the rest. */
const ORDER: Record<Verdict['kind'], number> = {
  disagree: 0,
  'far apart': 1,
  grew: 2,
  undated: 3,
  'different scope': 4,
  consistent: 5,
};

/**
 * The changes `articleIds` make, read from the reports of an engine that holds them (its
 * `figures()`): their figures, and each verdict joining one of theirs with one told elsewhere.
 */
export function figureChanges(reports: readonly FiguresReport[], articleIds: readonly string[]): FigureChanges {
  const ids = new Set(articleIds);
  const theirs = (claim: Claim) => claim.sources.some((source) => ids.has(source.articleId));
  const others = (claim: Claim) => claim.sources.some((source) => !ids.has(source.articleId));
  const figures: Claim[] = [];
  const seen = new Set<string>();
  const verdicts: ChangedVerdict[] = [];
  for (const report of reports) {
    const byId = new Map(report.claims.map((claim) => [claim.id, claim]));
    for (const claim of report.claims) {
      if (theirs(claim) && !seen.has(claim.id)) {
        seen.add(claim.id);
        figures.push(claim);
      }
    }
    for (const verdict of report.verdicts) {
      const claims = verdict.claims.map((id) => byId.get(id)).filter((claim): claim is Claim => claim !== undefined);
      // Between theirs and what was there: two different claims, one of each.
      const joins = claims.some(theirs) && claims.some((claim) => others(claim) && !theirs(claim));
      if (joins) verdicts.push({ verdict, claims });
    }
  }
  verdicts.sort((a, b) => ORDER[a.verdict.kind] - ORDER[b.verdict.kind]);
  return {
    articles: [...ids],
    figures,
    repeated: figures.filter(others),
    verdicts,
  };
}

/**
 * The side-by-side reports of only the categories some articles tell figures in: the others cannot
 * hold a change of theirs, and comparing every category of a large corpus takes seconds.
 */
export function reportsTouching(engine: Engine, articleIds: readonly string[]): FiguresReport[] {
  const ids = new Set(articleIds);
  const touched = new Set(
    engine.claims.filter((claim) => claim.sources.some((source) => ids.has(source.articleId))).map((c) => c.category),
  );
  return figureCategories()
    .filter((category) => touched.has(category.name))
    .flatMap((category) => engine.figures(category.name, { comparing: articleIds }));
}
