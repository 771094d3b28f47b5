import type { Attribution, Claim, FiguresReport } from '../model/claim.js';
import type { Article } from '../model/article.js';
import { plural } from '../text/plural.js';
import { loadCorpus, type Corpus } from '../corpus/load.js';
import { passageText } from '../search/passages.js';
import type { Passage } from '../model/passage.js';
import type { SearchIndex } from '../search/searchIndex.js';
import { categoryNames, categoryOfItem, isFigureCategory, type FigureCategory } from '../model/categories.js';
import { compareFigures, mergingClaims } from '../figures/compare.js';
import { ask } from './ask.js';
import { parseQuestion, type ParsedQuestion } from './question.js';
import {
  claimsByArticle,
  figuresForQuestion,
  groupClaims,
  indexStems,
  type ClaimsByCategory,
} from './figuresForQuestion.js';
import { buildIndex, updateIndex, type BuildOptions, type BuiltIndex } from './indexing/build.js';
import { runInSlices, runToEnd } from './indexing/slices.js';
import { articleRef } from './refs.js';
import type { Answer, ArticleSummary, AskOptions, CorpusStats, SourceDetail, SourcesReport } from './types.js';

/**
 * The question-answering core: a corpus loaded and indexed once, answering in plain typed data.
 * It knows nothing of Discord or terminals; every face renders what it returns.
 */
export class Engine {
  readonly corpus: Corpus;
  /** Every passage, by id: in corpus order after a build, with the articles changed since after an update. */
  readonly passages: readonly Passage[];
  /** When the index was built, for "last indexed" in help. */
  readonly indexedAt: Date;
  /** Every figure of the corpus, each counted once with all its sources. */
  readonly claims: readonly Claim[];
  /** Faces learn of it only through the engine (`stats`, `knows`, `ask`): the search library can change under them. */
  private readonly index: SearchIndex;
  /** What an update of this engine starts from. */
  private readonly built: BuiltIndex;
  private readonly claimsByCategory: ClaimsByCategory;
  /** Per article: the claims it tells, in engine order (a question about one article reads only those). */
  private readonly claimsByArticle: ReadonlyMap<string, readonly Claim[]>;
  private readonly languageOf: ReadonlyMap<string, string | null>;
  private readonly reportCache = new Map<string, FiguresReport[]>();
  private readonly passageCounts = new Map<string, number>();

  private constructor(corpus: Corpus, built: BuiltIndex, claims: Claim[]) {
    const { passages, index, placed } = built;
    this.corpus = corpus;
    this.passages = passages;
    this.index = index;
    this.built = built;
    this.claims = claims;
    this.claimsByCategory = groupClaims(this.claims);
    this.claimsByArticle = claimsByArticle(this.claims);
    this.languageOf = new Map(corpus.articles.map((article) => [article.id, article.language]));
    this.indexedAt = new Date();
    for (const [article, { count }] of placed)
      this.passageCounts.set(article.id, (this.passageCounts.get(article.id) ?? 0) + count);
  }

  /** Loads and indexes a corpus folder. Throws `CorpusUnreadableError` only if the folder itself cannot be read. */
  static async load(dir: string, options?: BuildOptions): Promise<Engine> {
    return Engine.build(await loadCorpus(dir), options);
  }

  /**
   * Indexes a corpus read (see indexing/build.ts): on worker threads when the articles are many, in
   * slices that let the event loop through, reusing the analyses of `options.store`.
   */
  static async build(corpus: Corpus, options?: BuildOptions): Promise<Engine> {
    return Engine.of(corpus, await buildIndex(corpus, options), options);
  }

  /** The engine of an index built or updated: its claims merged in slices (see {@link BuildOptions.atOnce}). */
  private static async of(corpus: Corpus, built: BuiltIndex, options?: BuildOptions): Promise<Engine> {
    const merging = mergingClaims(built.claims);
    // Merging every claim anew is the step of an update still in proportion to the corpus (0.5 s
    // at 10k articles, several at 100k): in slices. Re-merging only the buckets a change touches
    // would not pay: a 1% change touches buckets holding ~70% of the merge's cost.
    const claims = options?.atOnce ? runToEnd(merging) : await runInSlices(merging);
    const engine = new Engine(corpus, built, claims);
    // Which claims a question's words pick: indexed before the engine serves, so no question waits for it.
    await indexStems(engine.claimsByCategory, engine.languageOfArticle);
    return engine;
  }

  /**
   * The engine of a corpus that changed since `previous` was built, made from it (see
   * indexing/build.ts): only the articles added or changed are analyzed and indexed, and the index
   * is updated rather than built again; `previous` answers unchanged meanwhile. An article read
   * again exactly as before counts as unchanged, and the new engine holds the previous Article.
   * `options.store` should be the store `previous` was built with.
   */
  static async update(previous: Engine, corpus: Corpus, options?: BuildOptions): Promise<Engine> {
    if (previous.passages.length === 0) return Engine.build(corpus, options);
    const articles = [...corpus.articles];
    const reusing = reuseUnchanged(previous.corpus.articles, articles);
    if (options?.atOnce) runToEnd(reusing);
    else await runInSlices(reusing);
    const next = { ...corpus, articles };
    return Engine.of(next, await updateIndex(previous.built, next, options), options);
  }

  private readonly languageOfArticle = (id: string) => this.languageOf.get(id) ?? null;

  /** What the corpus holds, for help texts and the log. */
  stats(): CorpusStats {
    const { articles, problems } = this.corpus;
    return {
      articles: articles.length,
      passages: this.passages.length,
      problems: problems.length,
      languages: [...new Set(articles.map((article) => article.language))],
      indexedAt: this.indexedAt,
    };
  }

  /** Whether a word (as a stem) occurs in some passage's text: a word the corpus knows is not taken for a typo. */
  knows(stem: string): boolean {
    return this.index.frequency(stem) > 0;
  }

  /** One line for the log: what is served, and what is not. */
  summary(): string {
    const { articles, problems } = this.corpus;
    if (articles.length === 0 && problems.length === 0)
      return `${this.corpus.dir} is empty: no articles to answer from.`;
    const head = `Indexed ${plural(articles.length, 'article')} (${plural(this.passages.length, 'passage')}) from ${this.corpus.dir}`;
    if (problems.length === 0) return `${head}; no problems.`;
    return `${head}; ${plural(problems.length, 'problem')}: ${problems.map((p) => `${p.file}: ${p.reason}`).join('; ')}`;
  }

  /**
   * The question as the engine reads it: its words (the corpus' own words are never taken for
   * typos), whether it asks for a figure, of which categories. A face that needs these before or
   * beside the answer (a cooldown that spares unaskable questions, the figures to show) parses once
   * here and passes the result to {@link ask}.
   */
  parse(question: string): ParsedQuestion {
    return parseQuestion(question, (stem) => this.knows(stem));
  }

  /** The passages that answer, each cited, with the figures when the question asks for one. */
  ask(question: string | ParsedQuestion, options: AskOptions = {}): Answer {
    const parsed = typeof question === 'string' ? this.parse(question) : question;
    // One article asked about: its figures as it tells them, grouped afresh (a few claims).
    const groups = options.article ? groupClaims(this.claimsToldBy(options.article)) : this.claimsByCategory;
    return ask(this.index, parsed, options, (categories, words, cited) =>
      figuresForQuestion(groups, categories, words, cited, this.languageOfArticle),
    );
  }

  /** One article's figures side by side, as it tells them (see {@link claimsToldBy}): every category of them. */
  figuresToldBy(articleId: string): FiguresReport[] {
    return compareFigures(this.claimsToldBy(articleId)).filter((report) => report.claims.length > 0);
  }

  /**
   * The claims one article tells, as it tells them: its own sources and articles only (the quote
   * and who is said to say it from its own telling), so that a figure told by five outlets is
   * this article's figure here.
   */
  claimsToldBy(articleId: string): Claim[] {
    return (this.claimsByArticle.get(articleId) ?? []).flatMap((claim) => {
      const sources = claim.sources.filter((source) => source.articleId === articleId);
      if (sources.length === 0) return [];
      const same = (a: Attribution, b: Attribution) => a.claimant === b.claimant && a.channel === b.channel;
      const attributions: Attribution[] = [];
      for (const source of sources)
        if (source.attributedTo && !attributions.some((a) => same(a, source.attributedTo!)))
          attributions.push(source.attributedTo);
      const lead = claim.attributedTo;
      const attributedTo = lead && attributions.some((a) => same(a, lead)) ? lead : (attributions[0] ?? null);
      return [{ ...claim, articles: [articleId], sources, quote: sources[0]!.quote, attributions, attributedTo }];
    });
  }

  /**
   * The figures side by side: one report per category (weapons: per item), or only those of one
   * category or item ("killed", "shells"). Unknown names give an empty list; `figureTopics()` (src/model/categories.ts) lists the known.
   * A large category is compared among its most relevant figures (see figures/compare.ts
   * `MAX_COMPARED`); `comparing` adds the figures of some articles (those just added) to them.
   */
  figures(topic?: string, { comparing }: { comparing?: readonly string[] } = {}): FiguresReport[] {
    const wanted = topic?.trim().toLowerCase() ?? '';
    if (comparing && comparing.length > 0) return this.compareTopic(wanted, comparing);
    // Once per engine and topic.
    let reports = this.reportCache.get(wanted);
    if (!reports) {
      reports = this.compareTopic(wanted);
      this.reportCache.set(wanted, reports);
    }
    return reports;
  }

  private compareTopic(wanted: string, comparing: readonly string[] = []): FiguresReport[] {
    const ids = new Set(comparing);
    const options = ids.size > 0 ? { alsoCompare: (claim: Claim) => claim.articles.some((id) => ids.has(id)) } : {};
    // Every category, or an item of one: from the category's reports (each compared once per engine).
    const ofCategory = (category: FigureCategory) =>
      ids.size > 0 ? compareFigures(this.claims, category, options) : this.figures(category);
    if (!wanted) return categoryNames().flatMap((category) => ofCategory(category).filter((r) => r.claims.length > 0));
    if (isFigureCategory(wanted)) return compareFigures(this.claims, wanted, options);
    const itemOf = categoryOfItem(wanted);
    return itemOf ? ofCategory(itemOf.name).filter((report) => report.item === wanted) : [];
  }

  sources(): SourcesReport {
    return {
      articles: this.corpus.articles.map((article) => this.summarize(article.id)!),
      problems: this.corpus.problems,
    };
  }

  /**
   * One article by id. A unique prefix of an id ("004") or a unique part of a title also finds it,
   * since that is what people type; an ambiguous one finds nothing.
   */
  source(query: string): SourceDetail | null {
    const article = this.findArticle(query);
    if (!article) return null;
    const { first, count } = this.built.placed.get(article) ?? { first: 0, count: 0 };
    const passages = Array.from({ length: count }, (_, i) => this.index.passage(first + i)!).map((passage) => ({
      index: passage.index,
      start: passage.start,
      end: passage.end,
      quote: passageText(passage),
    }));
    return { ...articleRef(article), file: article.file, provenance: article.provenance, passages };
  }

  /** Articles whose id or title contains the text, for autocomplete and "did you mean". */
  matchArticles(text: string): ArticleSummary[] {
    const needle = text.trim().toLowerCase();
    return this.corpus.articles
      .filter(
        (article) =>
          !needle || article.id.toLowerCase().includes(needle) || article.title.toLowerCase().includes(needle),
      )
      .map((article) => this.summarize(article.id)!);
  }

  private findArticle(query: string) {
    const needle = query.trim().toLowerCase();
    if (!needle) return undefined;
    const { articles } = this.corpus;
    const exact = articles.find((article) => article.id.toLowerCase() === needle);
    if (exact) return exact;
    for (const matches of [
      articles.filter((article) => article.id.toLowerCase().startsWith(needle)),
      articles.filter((article) => article.title.toLowerCase().includes(needle)),
    ]) {
      if (matches.length === 1) return matches[0];
      if (matches.length > 1) return undefined;
    }
    return undefined;
  }

  private summarize(id: string): ArticleSummary | undefined {
    const article = this.corpus.articles.find((candidate) => candidate.id === id);
    return article && { ...articleRef(article), passages: this.passageCounts.get(id) ?? 0 };
  }
}

/** Articles compared with their previous reading between two pauses of an update. */
const SLICE_ARTICLES = 5000;

/**
 * Puts the previous Article in place of each article read again exactly as before (the index
 * knows its passages by that object). In slices: comparing every text is some 0.4 s at 100k articles.
 */
function* reuseUnchanged(previous: readonly Article[], articles: Article[]): Generator<void, void> {
  const before = new Map(previous.map((article) => [article.file, article]));
  for (let i = 0; i < articles.length; i++) {
    const old = before.get(articles[i]!.file);
    // A file not read again (same size, mtime, inode) is the very same object: nothing to compare.
    if (old && old !== articles[i] && sameArticle(old, articles[i]!)) articles[i] = old;
    if (i % SLICE_ARTICLES === SLICE_ARTICLES - 1) yield;
  }
}

/** Whether an article was read again exactly as before: every field the engine shows or indexes. */
function sameArticle(a: Article, b: Article): boolean {
  return (
    a.id === b.id &&
    a.title === b.title &&
    a.publisher === b.publisher &&
    a.url === b.url &&
    a.published === b.published &&
    a.language === b.language &&
    a.text === b.text &&
    JSON.stringify(a.provenance) === JSON.stringify(b.provenance)
  );
}
