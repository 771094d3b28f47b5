import type { Claim, ClaimSource, FiguresReport } from '../model/claim.js';
import type { FigureCategory } from '../model/categories.js';
import { compareFigures } from '../figures/compare.js';
import { stem } from '../text/analyze.js';
import { analyzerLanguage } from '../text/language.js';
import type { AnswerPassage } from './types.js';
import type { QueryWord } from './question.js';

/** A chat answer shows the figures that matter, not every figure of a category: a table of 700 helps no one. */
export const MAX_FIGURES_PER_CATEGORY = 12;

/** The language of an article by id (its tag, e.g. `nb`), as the engine knows it. */
export type LanguageOf = (articleId: string) => string | null;

/**
 * Claims by category, built once per engine: still a map from category to its claims (in the
 * order given), and with each category's lookups, so that a question picks its figures without
 * scanning, stemming or sorting the whole category.
 */
export interface ClaimsByCategory extends ReadonlyMap<FigureCategory, readonly Claim[]> {
  /** The lookups of one category; undefined when the corpus has no claim of it. */
  lookup(category: FigureCategory): CategoryClaims | undefined;
}

/**
 * Groups claims by category and indexes each category. `languageOf` is optional: the stems of the
 * claims' sentences need each article's language, so without it they are indexed on the first
 * question that needs them, per category, with the `languageOf` that question brings.
 */
export function groupClaims(claims: readonly Claim[], languageOf?: LanguageOf): ClaimsByCategory {
  const groups = new Map<FigureCategory, Claim[]>();
  for (const claim of claims) {
    const group = groups.get(claim.category) ?? [];
    group.push(claim);
    groups.set(claim.category, group);
  }
  const indexed = new ClaimGroups();
  for (const [category, group] of groups) {
    const lookup = new CategoryClaims(group);
    if (languageOf) lookup.stemIndex(languageOf);
    indexed.set(category, group);
    indexed.lookups.set(category, lookup);
  }
  return indexed;
}

/** Per article: the claims it tells, in the order given. */
export function claimsByArticle(claims: readonly Claim[]): Map<string, Claim[]> {
  const byArticle = new Map<string, Claim[]>();
  for (const claim of claims) {
    for (const id of claim.articles) {
      const told = byArticle.get(id);
      if (told) told.push(claim);
      else byArticle.set(id, [claim]);
    }
  }
  return byArticle;
}

/**
 * Builds every category's stem index in slices of `slice` claims, letting the event loop through
 * between them: per-version work, done right after an engine is made rather than on the first
 * question that needs it.
 */
export async function indexStems(groups: ClaimsByCategory, languageOf: LanguageOf, slice = 2000): Promise<void> {
  for (const category of groups.keys()) {
    const lookup = groups.lookup(category);
    while (lookup && !lookup.indexStems(languageOf, slice)) await new Promise((resolve) => setImmediate(resolve));
  }
}

class ClaimGroups extends Map<FigureCategory, readonly Claim[]> implements ClaimsByCategory {
  readonly lookups = new Map<FigureCategory, CategoryClaims>();
  lookup(category: FigureCategory): CategoryClaims | undefined {
    return this.lookups.get(category);
  }
}

/**
 * One category's claims and what picks among them:
 *
 * - `ranked`: the claims in the order the figures of an answer are chosen — most reported first,
 *   then latest (by the date's text, as `localeCompare` orders it), then as given — so the top 12
 *   are the first 12, not a sort of the whole category per question;
 * - by article: where each claim's sources stand, so "the claims of the passages cited" is a
 *   look-up of the cited articles;
 * - by stem: the claims whose sentences contain a word, so a word of the question selects its
 *   claims directly.
 *
 * Claims are referred to by rank: their position in `ranked`.
 */
export class CategoryClaims {
  /** The claims in the order given (the engine's order): the order of a short list, as before. */
  readonly claims: readonly Claim[];
  /** rank → position in `claims`. */
  private readonly ranked: Int32Array;
  /** Per article id: its claims' sources as flat triples (rank, start, end). */
  private readonly sourcesByArticle = new Map<string, number[]>();
  /** stem → ranks of the claims whose sentences contain it, ascending; built once, on first need. */
  private byStem: Map<string, Int32Array> | null = null;
  /** The stem lists while they are being built, and how many ranks they hold. */
  private stemLists: Map<number, number[]> | null = null;
  private stemmed = 0;

  constructor(claims: readonly Claim[]) {
    this.claims = claims;
    // The dates in `localeCompare` order, equal ones sharing a rank: the sort below then compares
    // numbers, and orders exactly as a sort by `localeCompare` would.
    const dates = [...new Set(claims.map(dateOf))].sort((a, b) => a.localeCompare(b));
    const dateRank = new Map<string, number>();
    dates.forEach((date, i) => {
      dateRank.set(date, i > 0 && dates[i - 1]!.localeCompare(date) === 0 ? dateRank.get(dates[i - 1]!)! : i);
    });
    const reported = Int32Array.from(claims, (claim) => claim.articles.length);
    const latest = Int32Array.from(claims, (claim) => dateRank.get(dateOf(claim))!);
    this.ranked = Int32Array.from(claims.keys()).sort(
      (a, b) => reported[b]! - reported[a]! || latest[b]! - latest[a]! || a - b,
    );
    this.ranked.forEach((position, rank) => {
      for (const source of claims[position]!.sources) {
        let triples = this.sourcesByArticle.get(source.articleId);
        if (!triples) this.sourcesByArticle.set(source.articleId, (triples = []));
        triples.push(rank, source.start, source.end);
      }
    });
  }

  /** The claim of a rank. */
  claimAt(rank: number): Claim {
    return this.claims[this.ranked[rank]!]!;
  }

  /** Its position in the order given. */
  positionOf(rank: number): number {
    return this.ranked[rank]!;
  }

  get size(): number {
    return this.claims.length;
  }

  /**
   * stem → ranks, ascending. The stems of a claim are those of every word of its sources'
   * sentences, each in its article's language. `languageOf` must be the same for the life of
   * these claims (the engine's): the index is built with the first one given.
   */
  stemIndex(languageOf: LanguageOf): ReadonlyMap<string, Int32Array> {
    while (!this.indexStems(languageOf, Infinity));
    return this.byStem!;
  }

  /**
   * Indexes the stems of up to `budget` more claims; true once every claim is indexed. The engine
   * calls it in slices right after it is made, so that no question pays for a category's index.
   */
  indexStems(languageOf: LanguageOf, budget: number): boolean {
    if (this.byStem) return true;
    const lists = (this.stemLists ??= new Map());
    const end = Math.min(this.ranked.length, this.stemmed + budget);
    for (let rank = this.stemmed; rank < end; rank++) {
      for (const source of this.claimAt(rank).sources) {
        for (const stemmed of stemsOfSource(source, languageOf)) {
          const list = lists.get(stemmed);
          // Ranks come in ascending order: a rank already last is this claim's, from another word or source.
          if (!list) lists.set(stemmed, [rank]);
          else if (list[list.length - 1] !== rank) list.push(rank);
        }
      }
    }
    this.stemmed = end;
    if (end < this.ranked.length) return false;
    this.byStem = new Map([...lists].map(([id, ranks]) => [stemNames[id]!, Int32Array.from(ranks)]));
    this.stemLists = null;
    return true;
  }

  /** Ranks of the claims with a source inside one of the spans, ascending, once each. */
  citedIn(spans: readonly { id: string; start: number; end: number }[]): number[] {
    const ranks = new Set<number>();
    for (const span of spans) {
      const triples = this.sourcesByArticle.get(span.id);
      if (!triples) continue;
      for (let i = 0; i < triples.length; i += 3) {
        if (triples[i + 1]! >= span.start && triples[i + 2]! <= span.end) ranks.add(triples[i]!);
      }
    }
    return [...ranks].sort((a, b) => a - b);
  }
}

function dateOf(claim: Claim): string {
  return claim.asOf?.date ?? '';
}

/**
 * The stems of a source's sentence, in its article's language, once each, as numbers: what a
 * focus word is matched against. Kept per source: the engine made after a change of the corpus
 * reuses the sources of the articles that did not change (the analysis store keeps them), so it
 * stems only the new ones. Numbers rather than strings keep them small.
 */
function stemsOfSource(source: ClaimSource, languageOf: LanguageOf): Int32Array {
  let stems = sourceStems.get(source);
  if (!stems) {
    const language = analyzerLanguage(languageOf(source.articleId));
    const ids = new Set<number>();
    for (const [word] of source.quote.matchAll(WORD)) {
      const stemmed = stem(word, language);
      let id = stemNumbers.get(stemmed);
      if (id === undefined) {
        id = stemNames.length;
        stemNumbers.set(stemmed, id);
        stemNames.push(stemmed);
      }
      ids.add(id);
    }
    stems = Int32Array.from(ids);
    sourceStems.set(source, stems);
  }
  return stems;
}
const sourceStems = new WeakMap<ClaimSource, Int32Array>();
const stemNumbers = new Map<string, number>();
const stemNames: string[] = [];
const WORD = /[\p{L}\p{N}]+/gu;

/**
 * The figures for a question about a figure: per asked category, the claims about what else the
 * question names ("injured in Kursk" → those whose sentence mentions Kursk; all of the category
 * when no claim does), preferring claims from the passages cited, then the most reported, then
 * the latest; compared among themselves. A category with no more claims than are shown keeps
 * them in the engine's order.
 *
 * Per question it reads about as many claims as it shows, not the category: the claims of a focus
 * word come from the stem index in rank order (several words: their lists merged), the cited ones
 * from the cited articles. The stem index of a category is built the first time a word narrows it.
 */
export function figuresForQuestion(
  groups: ClaimsByCategory,
  categories: readonly FigureCategory[],
  words: readonly QueryWord[],
  cited: readonly AnswerPassage[],
  languageOf: LanguageOf,
): FiguresReport[] {
  // Words that name the figure ("killed", "how many") select the category; the others narrow it.
  const focus = [...new Set(words.filter((word) => word.concepts.length === 0).map((word) => word.stem))];
  const citedSpans = cited.map((passage) => ({ id: passage.article.id, start: passage.start, end: passage.end }));

  const reports: FiguresReport[] = [];
  for (const category of categories) {
    const lookup = groups.lookup(category);
    if (!lookup) continue;
    const chosen = choose(lookup, focus, citedSpans, languageOf);
    reports.push(...compareFigures(chosen, category).filter((report) => report.claims.length > 0));
  }
  return reports;
}

/** The claims shown for one category (see {@link figuresForQuestion}), in the order compared. */
function choose(
  lookup: CategoryClaims,
  focus: readonly string[],
  citedSpans: { id: string; start: number; end: number }[],
  languageOf: LanguageOf,
): Claim[] {
  const index = focus.length > 0 ? lookup.stemIndex(languageOf) : null;
  // The focused claims: the union of the focus words' lists; none of them found, the whole category.
  const lists = index
    ? focus
        .map((wanted) => index.get(wanted))
        .filter((list): list is Int32Array => list !== undefined && list.length > 0)
    : [];
  const focused = new RankedUnion(lists, lookup.size);

  const first = focused.take(MAX_FIGURES_PER_CATEGORY + 1, () => true);
  if (first.length <= MAX_FIGURES_PER_CATEGORY) {
    // All of them fit: in the engine's order.
    return first
      .map((rank) => lookup.positionOf(rank))
      .sort((a, b) => a - b)
      .map((position) => lookup.claims[position]!);
  }
  const fromCited = lookup
    .citedIn(citedSpans)
    .filter((rank) => focused.has(rank))
    .slice(0, MAX_FIGURES_PER_CATEGORY);
  const skip = new Set(fromCited);
  const rest = new RankedUnion(lists, lookup.size).take(
    MAX_FIGURES_PER_CATEGORY - fromCited.length,
    (rank) => !skip.has(rank),
  );
  return [...fromCited, ...rest].map((rank) => lookup.claimAt(rank));
}

/** The union of ascending lists of ranks, walked in ascending order; no lists stands for every rank below `size`. */
class RankedUnion {
  private readonly heads: number[];
  private next = 0;

  constructor(
    private readonly lists: readonly Int32Array[],
    private readonly size: number,
  ) {
    this.heads = lists.map(() => 0);
  }

  /** The next `count` ranks that `keep` accepts, ascending. */
  take(count: number, keep: (rank: number) => boolean): number[] {
    const taken: number[] = [];
    while (taken.length < count) {
      const rank = this.advance();
      if (rank === null) break;
      if (keep(rank)) taken.push(rank);
    }
    return taken;
  }

  /** Whether a rank is in the union. */
  has(rank: number): boolean {
    if (this.lists.length === 0) return rank >= 0 && rank < this.size;
    return this.lists.some((list) => contains(list, rank));
  }

  private advance(): number | null {
    if (this.lists.length === 0) return this.next < this.size ? this.next++ : null;
    let least = Infinity;
    this.lists.forEach((list, i) => {
      const head = this.heads[i]!;
      if (head < list.length && list[head]! < least) least = list[head]!;
    });
    if (least === Infinity) return null;
    // Every list holding it moves past it: each rank comes out once.
    this.lists.forEach((list, i) => {
      if (list[this.heads[i]!] === least) this.heads[i] = this.heads[i]! + 1;
    });
    return least;
  }
}

function contains(sorted: Int32Array, value: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const at = sorted[middle]!;
    if (at === value) return true;
    if (at < value) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}
