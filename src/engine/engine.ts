import { loadCorpus, type Corpus } from '../corpus/load.js';
import { PassageIndex, type IndexBuilder } from '../search/passageIndex.js';
import { passageText, type Passage } from '../search/passages.js';
import { AnalysisCache } from './analysisCache.js';
import type { Claim } from '../figures/claims.js';
import { categoryOfItem, figureTopics, isFigureCategory } from '../model/categories.js';
import { compareFigures, mergeClaims, type FiguresReport } from '../figures/compare.js';
import { ask } from './ask.js';
import { figuresForQuestion, groupClaims, type ClaimsByCategory } from './figuresForQuestion.js';
import { articleRef } from './refs.js';
import { runInSlices, runToEnd } from './slices.js';
import type { Answer, ArticleSummary, AskOptions, SourceDetail, SourcesReport } from './types.js';

/** What `figures` accepts: the categories, and the weapon items (src/model/categories.ts lists them). */
export const FIGURE_TOPICS: readonly string[] = figureTopics();

/**
 * The question-answering core: a corpus loaded and indexed once, answering in plain typed data.
 * It knows nothing of Discord or terminals; every face renders what it returns.
 */
export class Engine {
  readonly corpus: Corpus;
  readonly index: PassageIndex;
  /** When the index was built, for "last indexed" in help. */
  readonly indexedAt: Date;
  /** Every figure of the corpus, each counted once with all its sources. */
  readonly claims: readonly Claim[];
  private readonly claimsByCategory: ClaimsByCategory;
  private readonly languageOf: ReadonlyMap<string, string | null>;
  private readonly reportCache = new Map<string, FiguresReport[]>();
  private readonly passageCounts = new Map<string, number>();

  private constructor(corpus: Corpus, index: PassageIndex, claims: readonly Claim[]) {
    this.corpus = corpus;
    this.index = index;
    this.claims = mergeClaims(claims);
    this.claimsByCategory = groupClaims(this.claims);
    this.languageOf = new Map(corpus.articles.map((article) => [article.id, article.language]));
    this.indexedAt = new Date();
    for (const passage of this.index.passages) {
      this.passageCounts.set(passage.article.id, (this.passageCounts.get(passage.article.id) ?? 0) + 1);
    }
  }

  /** Loads and indexes a corpus folder. Throws `CorpusUnreadableError` only if the folder itself cannot be read. */
  static async load(dir: string): Promise<Engine> {
    return Engine.build(await loadCorpus(dir));
  }

  /**
   * Indexes a corpus read, analyzing the articles on worker threads when there are many (see
   * analysisWorkers.ts): the same engine as {@link fromCorpus}, sooner, without blocking the event loop meanwhile.
   */
  static async build(corpus: Corpus, cache = new AnalysisCache()): Promise<Engine> {
    const assembly = new Assembly(corpus, cache);
    // Articles are indexed as their analyses arrive, in corpus order, while the threads go on.
    await cache.prepare(corpus.articles, () => runToEnd(assembly.taking(false)));
    // The rest (from the cache, or analyzed here) in slices: a bot rebuilding 100k passages still answers meanwhile.
    await runInSlices(assembly.taking(true));
    return new Engine(corpus, assembly.index(), assembly.claims);
  }

  /**
   * Indexes a corpus already read, at once. Pass the cache of the previous engine to re-analyze only
   * the articles that changed: the index itself is always built whole, so an engine is never half-built.
   */
  static fromCorpus(corpus: Corpus, cache = new AnalysisCache()): Engine {
    const assembly = new Assembly(corpus, cache);
    runToEnd(assembly.taking(true));
    return new Engine(corpus, assembly.index(), assembly.claims);
  }

  /** One line for the log: what is served, and what is not. */
  summary(): string {
    const { articles, problems } = this.corpus;
    const head = `Indexed ${articles.length} article${articles.length === 1 ? '' : 's'} (${this.index.size} passages) from ${this.corpus.dir}`;
    if (problems.length === 0) return `${head}; no problems.`;
    return `${head}; ${problems.length} problem${problems.length === 1 ? '' : 's'}: ${problems.map((p) => `${p.file}: ${p.reason}`).join('; ')}`;
  }

  ask(question: string, options?: AskOptions): Answer {
    return ask(this.index, question, options, (categories, words, cited) =>
      figuresForQuestion(this.claimsByCategory, categories, words, cited, (id) => this.languageOf.get(id) ?? null),
    );
  }

  /**
   * The figures side by side: one report per category (weapons: per item), or only those of one
   * category or item ("killed", "shells"). Unknown names give an empty list; {@link FIGURE_TOPICS} lists the known.
   */
  figures(topic?: string): FiguresReport[] {
    const wanted = topic?.trim().toLowerCase() ?? '';
    // Comparing every pair of a category is the slow part: once per engine and topic.
    let reports = this.reportCache.get(wanted);
    if (!reports) {
      if (!wanted) reports = compareFigures(this.claims);
      else if (isFigureCategory(wanted)) reports = compareFigures(this.claims, wanted);
      else {
        const itemOf = categoryOfItem(wanted);
        reports = itemOf ? compareFigures(this.claims, itemOf.name).filter((report) => report.item === wanted) : [];
      }
      this.reportCache.set(wanted, reports);
    }
    return reports;
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
    const passages = this.index.passages
      .filter((passage) => passage.article === article)
      .map((passage) => ({
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

/** Passages indexed between two pauses of work done in slices: some 20 ms. */
const SLICE_PASSAGES = 1000;

/**
 * A corpus' passages, claims and index, put together article by article in corpus order (passage
 * ids follow it), from the cache or analyzed now.
 */
class Assembly {
  readonly passages: Passage[] = [];
  readonly claims: Claim[] = [];
  private next = 0;
  /** Indexes passages as they come, unless the cache file holds the index of these very articles. */
  private readonly builder: IndexBuilder | null;

  constructor(
    private readonly corpus: Corpus,
    private readonly cache: AnalysisCache,
  ) {
    this.builder = cache.holdsIndexOf(corpus.articles) ? null : PassageIndex.builder();
  }

  /** Takes the next articles while they are analyzed already (`all`: every one, analyzing the rest now), pausing every slice. */
  *taking(all: boolean): Generator<void, void> {
    const { articles } = this.corpus;
    let sincePause = 0;
    while (this.next < articles.length && (all || this.cache.has(articles[this.next]!))) {
      const analysis = this.cache.analyze(articles[this.next++]!, this.passages.length);
      this.passages.push(...analysis.passages);
      this.claims.push(...analysis.claims);
      if (this.builder) for (const passage of analysis.passages) this.builder.add(passage);
      sincePause += analysis.passages.length;
      if (sincePause >= SLICE_PASSAGES) {
        sincePause = 0;
        yield;
      }
    }
  }

  /** The index, once every article was taken. */
  index(): PassageIndex {
    this.cache.retain(this.corpus.articles);
    return this.cache.index(this.corpus.articles, this.passages, this.builder ?? undefined);
  }
}
