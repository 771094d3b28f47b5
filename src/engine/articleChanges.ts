/**
 * Which articles a change of the corpus brought, and what they change in the figures: what the
 * watch channel announces after a reload. Plain data, compared by content: an article is new when
 * its id is, changed when its text (or its title, publisher or date) is, and a file only touched
 * or saved again as it was is no change at all.
 */
import { createHash } from 'node:crypto';
import type { Article, ArticleRef } from '../model/article.js';
import type { Claim, FiguresReport } from '../model/claim.js';
import { type ChangedVerdict, figureChanges, reportsTouching } from './changes.js';
import type { Engine } from './engine.js';
import { articleRef } from './refs.js';

/** What was known of each article, by id: a hash of what it says (see {@link articleHash}). */
export type CorpusDigest = ReadonlyMap<string, string>;

/** How the articles of two corpora differ, by id; each list in corpus order. */
export interface ArticleDiff {
  added: string[];
  changed: string[];
  removed: string[];
}

/**
 * A short hash of what an article says: its text and the metadata its figures depend on (a date
 * moves a figure's "as of"). Its file's name, modification time and front-matter layout are not in it.
 */
export function articleHash(article: Pick<Article, 'title' | 'publisher' | 'published' | 'text'>): string {
  return createHash('sha256')
    .update(`${article.title}\0${article.publisher ?? ''}\0${article.published ?? ''}\0${article.text}`)
    .digest('base64url')
    .slice(0, 22);
}

/** Every article of a corpus with its hash. */
export function corpusDigest(articles: readonly Article[]): Map<string, string> {
  return new Map(articles.map((article) => [article.id, articleHash(article)]));
}

/** The articles new in `after`, those whose hash differs, and those gone. */
export function diffDigests(before: CorpusDigest, after: CorpusDigest): ArticleDiff {
  return {
    added: [...after.keys()].filter((id) => !before.has(id)),
    changed: [...after.keys()].filter((id) => before.has(id) && before.get(id) !== after.get(id)),
    removed: [...before.keys()].filter((id) => !after.has(id)),
  };
}

/** The articles `after` brought or changed compared with `before`, and those it no longer has. */
export function articlesChanged(before: Engine, after: Engine): ArticleDiff {
  return diffDigests(corpusDigest(before.corpus.articles), corpusDigest(after.corpus.articles));
}

/** One article that came in or changed, with what it changes. */
export interface ArticleChange {
  article: ArticleRef;
  status: 'added' | 'changed';
  /** Its figures (of the topics asked for), each once; a figure it repeats is among them. */
  figures: Claim[];
  /** The ids of those figures that articles already there told too. */
  repeated: ReadonlySet<string>;
  /**
   * The verdicts its figures make with figures already there, conflicts first. A verdict that joins
   * figures of two of the articles announced together is told once, under the first.
   */
  verdicts: ChangedVerdict[];
}

/** What a change of the corpus changes, ready to announce. */
export interface CorpusChanges {
  /** The articles that came in or changed, those with conflicts first, those without figures last. */
  articles: ArticleChange[];
  /** Articles that came in or changed but have no figure of the topics asked for: not announced. */
  outsideTopics: string[];
  /** The ids of the articles gone. */
  removed: string[];
  /** The topics the changes were restricted to; empty for every topic. */
  topics: string[];
  /** Every article a figure or verdict above cites, by id: for the citations. */
  refs: ReadonlyMap<string, ArticleRef>;
}

/** The order figureChanges sorts verdicts in, for sorting articles by their most serious verdict. */
const SERIOUS: Record<ChangedVerdict['verdict']['kind'], number> = {
  disagree: 0,
  'far apart': 1,
  grew: 2,
  undated: 3,
  'different scope': 4,
  consistent: 5,
};

/** Whether a report is of one of `topics` (a category, or a weapon item); every report when none. */
function ofTopics(report: Pick<FiguresReport, 'category' | 'item'>, topics: readonly string[]): boolean {
  return (
    topics.length === 0 || topics.includes(report.category) || (report.item !== null && topics.includes(report.item))
  );
}

/**
 * What the articles `diff` adds or changes make of the figures of `engine` (the engine after the
 * change): per article, its figures and the verdicts they make with those already there
 * ({@link figureChanges} over all of them together). With `topics`, only figures of those topics
 * count, and an article with none of them is left out (`outsideTopics`).
 */
export function corpusChanges(engine: Engine, diff: ArticleDiff, topics: readonly string[] = []): CorpusChanges {
  const byId = new Map(engine.corpus.articles.map((article) => [article.id, article]));
  const status = new Map<string, ArticleChange['status']>([
    ...diff.added.map((id) => [id, 'added'] as const),
    ...diff.changed.map((id) => [id, 'changed'] as const),
  ]);
  const ids = [...status.keys()].filter((id) => byId.has(id));
  const reports = reportsTouching(engine, ids).filter((report) => ofTopics(report, topics));
  const changes = figureChanges(reports, ids);
  const repeated = new Set(changes.repeated.map((claim) => claim.id));
  const told = new Set<ChangedVerdict>();
  const refs = new Map<string, ArticleRef>();
  const cite = (id: string) => {
    const article = byId.get(id);
    if (article && !refs.has(id)) refs.set(id, articleRef(article));
  };

  const articles: ArticleChange[] = [];
  const outsideTopics: string[] = [];
  for (const id of ids) {
    const from = (claim: Claim) => claim.sources.some((source) => source.articleId === id);
    const figures = changes.figures.filter(from);
    if (topics.length > 0 && figures.length === 0) {
      outsideTopics.push(id);
      continue;
    }
    const verdicts = changes.verdicts.filter((change) => !told.has(change) && change.claims.some(from));
    for (const change of verdicts) told.add(change);
    for (const claim of [...figures, ...verdicts.flatMap((change) => change.claims)]) claim.articles.forEach(cite);
    articles.push({
      article: articleRef(byId.get(id)!),
      status: status.get(id)!,
      figures,
      repeated: new Set(figures.filter((claim) => repeated.has(claim.id)).map((claim) => claim.id)),
      verdicts,
    });
  }
  const rank = (change: ArticleChange) =>
    change.verdicts.length > 0
      ? Math.min(...change.verdicts.map(({ verdict }) => SERIOUS[verdict.kind]))
      : change.figures.length > 0
        ? 6
        : 7;
  // A stable sort: within a rank, the corpus' order.
  articles.sort((a, b) => rank(a) - rank(b));
  return { articles, outsideTopics, removed: [...diff.removed], topics: [...topics], refs };
}
