import { plural } from '../text/plural.js';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import type { Article, CorpusProblem } from '../model/article.js';
import { type Corpus, CorpusUnreadableError, IGNORE_FILE, loadCorpus } from '../corpus/load.js';
import { Engine } from './engine.js';
import { corpusSize, estimateHeap, heapAdvice } from './heapEstimate.js';
import { AnalysisStore } from './indexing/analysisStore.js';
import { encodeCache, loadCacheFile, saveCacheFile } from './indexing/cacheFile.js';
import type { SearchIndexFactory } from '../search/searchIndex.js';

/** What a reload changed, for the log and for `/reload`. */
export interface ReloadReport {
  added: string[];
  changed: string[];
  removed: string[];
  /** Files that became unreadable and are served as they last were. */
  keptLastGood: string[];
  problems: CorpusProblem[];
  articles: number;
  passages: number;
  /** Articles this reload analyzed: the added and changed ones (the others' analyses are reused). */
  analyzed: number;
  ms: number;
  /** Set when the corpus could not be read at all: the previous index keeps serving. */
  error?: string;
}

/** Told of each reload that swapped a new engine in (see {@link LiveEngine.onReload}). */
export type ReloadListener = (engine: Engine, report: ReloadReport) => void;

/** The part of a logger this module uses, so any logger (pino, console) fits. */
export interface ReloadLog {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface LiveEngineOptions {
  /** Watch the folder and reload on changes; off for one-shot uses. Default true. */
  watch?: boolean;
  /** How long to wait after the last change before reloading: a `git pull` of 200 files is one reload. Default 300 ms. */
  debounceMs?: number;
  /** How often to look for a corpus folder that has disappeared. Default 2 s. */
  retryMs?: number;
  /** Where to keep the analysis between runs (see indexing/cacheFile.ts); none when unset. */
  cacheFile?: string;
  /** The heap the corpus is weighed against before building (see heapEstimate.ts): V8's limit unless a test sets one. */
  heapLimitBytes?: number;
  /** The search library; MiniSearch unless a test brings another. */
  searchIndex?: SearchIndexFactory;
  log?: ReloadLog;
}

/** How long after {@link LiveEngine.reloadFor} the watcher's events for its files are taken as already indexed. */
const INDEXED_CHANGE_MS = 5000;

const quiet: ReloadLog = { info() {}, warn() {}, error() {} };

/**
 * An engine that follows its corpus folder. Queries always go to a complete engine: a reload makes
 * the next one from it (only the changed articles analyzed and indexed again, the index updated
 * copy-on-write) and swaps it in with one assignment, so no query sees a half-updated index.
 * A file that turns malformed keeps its last good version; a folder that disappears leaves the last
 * index serving until it comes back.
 */
export class LiveEngine {
  private engine: Engine;
  private readonly store: AnalysisStore;
  private lastGood = new Map<string, Article>();
  private running: Promise<ReloadReport> | null = null;
  private queued: Promise<ReloadReport> | null = null;
  private watcher: FSWatcher | null = null;
  private debounce: NodeJS.Timeout | null = null;
  private retry: NodeJS.Timeout | null = null;
  private closed = false;
  /** Files this process changed and has already reloaded (see {@link reloadFor}), with when: their watcher events are no news. */
  private readonly indexedChanges = new Map<string, number>();
  /** How many reloads have run, for tests and the log. */
  reloads = 0;
  private readonly listeners = new Set<ReloadListener>();

  private constructor(
    readonly dir: string,
    engine: Engine,
    store: AnalysisStore,
    private readonly options: Required<Omit<LiveEngineOptions, 'log' | 'heapLimitBytes' | 'searchIndex'>> & {
      log: ReloadLog;
    },
  ) {
    this.engine = engine;
    this.store = store;
    this.remember(engine);
  }

  /** Loads the corpus (throws `CorpusUnreadableError` if the folder cannot be read at start) and starts watching it. */
  static async start(dir: string, options: LiveEngineOptions = {}): Promise<LiveEngine> {
    const log = options.log ?? quiet;
    const store = new AnalysisStore(options.searchIndex);
    // The cache file is read and its index rebuilt in memory while the corpus is read (on a thread when large).
    const seedFrom = async (file: string) => {
      const loaded = await loadCacheFile(file);
      if (loaded.ok) store.seed(loaded);
      return loaded;
    };
    const [corpus, cached] = await Promise.all([
      loadCorpus(dir),
      options.cacheFile ? seedFrom(options.cacheFile) : null,
    ]);
    const seeded = cached?.ok ? cached.entries.length : 0;
    if (cached && !cached.ok && options.cacheFile)
      log.info({ cacheFile: options.cacheFile, reason: cached.reason }, `index cache not used: ${cached.reason}`);
    const heap = estimateHeap(corpusSize(corpus), options.heapLimitBytes);
    if (!heap.fits) log.warn({ dir, ...heap }, heapAdvice(heap));
    const started = performance.now();
    const engine = await Engine.build(corpus, { store });
    if (store.workerProblem) log.warn({ dir }, store.workerProblem);
    if (cached?.ok) {
      const what = store.changed ? plural(seeded, 'article') : `${plural(seeded, 'article')} and their index`;
      log.info(
        { cacheFile: options.cacheFile, ms: Math.round(performance.now() - started) },
        `index cache used: ${what}`,
      );
    }
    const live = new LiveEngine(dir, engine, store, {
      watch: options.watch ?? true,
      debounceMs: options.debounceMs ?? 300,
      retryMs: options.retryMs ?? 2000,
      cacheFile: options.cacheFile ?? '',
      log,
    });
    live.save();
    if (live.options.watch) await live.startWatching();
    return live;
  }

  /** The last save of the index cache, for tests and shutdown. */
  saved: Promise<void> = Promise.resolve();

  /**
   * Saves the analysis and the index in the background: serving never waits for the disk, and a
   * failed save is only logged. Nothing is written when the file already holds what is served.
   */
  private save(): void {
    const file = this.options.cacheFile;
    if (!file || !this.store.changed) return;
    this.saved = this.saved
      // After the current turn: packing a large corpus takes a while, and start-up should not wait for it.
      .then(() => new Promise((resolve) => setImmediate(resolve)))
      .then(async () => {
        if (!this.store.changed) return; // an earlier save in the queue wrote it
        this.store.changed = false;
        try {
          await saveCacheFile(file, encodeCache(this.store.export()));
        } catch (error) {
          this.store.changed = true;
          throw error;
        }
      })
      .catch((error: unknown) =>
        this.options.log.warn(
          { cacheFile: file, err: error },
          `could not save the index cache: ${(error as Error).message}`,
        ),
      );
  }

  /**
   * Calls `listener` after every reload that swapped a new engine in (one that could not read the
   * folder swaps nothing), with that engine. Returns a function that stops the calls.
   */
  onReload(listener: ReloadListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The engine to answer with now. Take it once per request, so one answer comes from one index. */
  current(): Engine {
    return this.engine;
  }

  /**
   * Rebuilds from the folder and swaps the new engine in. Calls during a reload wait for one more
   * reload after it (several calls share it), so the last change is never missed and never rebuilt twice.
   */
  reload(): Promise<ReloadReport> {
    if (!this.running) {
      this.running = this.rebuild().finally(() => (this.running = null));
      return this.running;
    }
    this.queued ??= this.running.then(() => {
      this.queued = null;
      return this.reload();
    });
    return this.queued;
  }

  /**
   * Reloads now for files this process has just written, moved or removed (an article added from the
   * chat), rather than after the watcher's debounce, so the caller can answer from the new index at
   * once. The watcher's events for those files, arriving later, do not reload a second time; a
   * reload already scheduled by the watcher is folded into this one (it lists the whole folder).
   */
  reloadFor(files: readonly string[]): Promise<ReloadReport> {
    const now = Date.now();
    for (const file of files) this.indexedChanges.set(path.resolve(file), now);
    if (this.debounce) {
      clearTimeout(this.debounce);
      this.debounce = null;
    }
    return this.reload();
  }

  /**
   * Whether a watcher event is one {@link reloadFor} has already indexed (each file's events within a
   * few seconds) — the file's, or its folder's when the write created the folder (the first article
   * added makes `added/`; the watcher may report only the folder).
   */
  private alreadyIndexed(file: string): boolean {
    const key = path.resolve(file);
    const now = Date.now();
    let indexed = false;
    for (const [changed, at] of this.indexedChanges) {
      if (now - at > INDEXED_CHANGE_MS) this.indexedChanges.delete(changed);
      else if (changed === key || changed.startsWith(key + path.sep)) indexed = true;
    }
    return indexed;
  }

  close(): void {
    this.closed = true;
    void this.watcher?.close();
    if (this.debounce) clearTimeout(this.debounce);
    if (this.retry) clearTimeout(this.retry);
  }

  private async rebuild(): Promise<ReloadReport> {
    const started = performance.now();
    const before = this.engine;
    const analyzedBefore = this.store.analyzed;
    let corpus: Corpus;
    try {
      // Only the files changed since the corpus served now are read again.
      corpus = await loadCorpus(this.dir, { previous: before.corpus.files });
    } catch (error) {
      if (!(error instanceof CorpusUnreadableError)) throw error;
      const report = this.unchanged(before, started, error.message);
      this.options.log.error(
        { dir: this.dir, articles: report.articles },
        `${error.message}; still serving the last index`,
      );
      return report;
    }

    // A file that was good and is now broken keeps serving as it was; the problem is still reported.
    const keptLastGood: string[] = [];
    const problems = corpus.problems.map((problem) => {
      const previous = this.lastGood.get(problem.file);
      if (!previous || problem.reason.startsWith('same text as')) return problem;
      keptLastGood.push(problem.file);
      corpus.articles.push(previous);
      return { ...problem, reason: `${problem.reason}; serving its last good version` };
    });
    corpus.articles.sort((a, b) => a.file.localeCompare(b.file));
    // Made from the engine serving now: only what changed is analyzed and indexed again.
    const next = await Engine.update(before, { ...corpus, problems }, { store: this.store });
    if (this.store.workerProblem) this.options.log.warn({ dir: this.dir }, this.store.workerProblem);

    const report = this.diff(before, next, started, keptLastGood, problems, this.store.analyzed - analyzedBefore);
    this.engine = next;
    this.remember(next);
    this.reloads++;
    this.save();
    this.options.log.info({ ...report, problems: problems.length }, `reloaded the corpus: ${describe(report)}`);
    for (const problem of problems)
      this.options.log.warn({ file: problem.file }, `corpus problem: ${problem.file}: ${problem.reason}`);
    for (const listener of this.listeners) {
      try {
        listener(next, report);
      } catch (error) {
        this.options.log.error({ err: error }, 'a reload listener failed');
      }
    }
    return report;
  }

  private remember(engine: Engine): void {
    this.lastGood = new Map(engine.corpus.articles.map((article) => [article.file, article]));
  }

  private diff(
    before: Engine,
    after: Engine,
    started: number,
    keptLastGood: string[],
    problems: CorpusProblem[],
    analyzed: number,
  ): ReloadReport {
    const old = new Map(before.corpus.articles.map((article) => [article.file, article]));
    const now = new Map(after.corpus.articles.map((article) => [article.file, article]));
    return {
      added: [...now.keys()].filter((file) => !old.has(file)),
      changed: [...now]
        .filter(([file, article]) => old.has(file) && !sameTelling(old.get(file)!, article))
        .map(([file]) => file),
      removed: [...old.keys()].filter((file) => !now.has(file)),
      keptLastGood,
      problems,
      articles: after.corpus.articles.length,
      passages: after.stats().passages,
      analyzed,
      ms: Math.round(performance.now() - started),
    };
  }

  private unchanged(engine: Engine, started: number, error: string): ReloadReport {
    return {
      added: [],
      changed: [],
      removed: [],
      keptLastGood: [],
      problems: engine.corpus.problems,
      articles: engine.corpus.articles.length,
      passages: engine.stats().passages,
      analyzed: 0,
      ms: Math.round(performance.now() - started),
      error,
    };
  }

  /** Resolves once the watcher has seen the folder: changes from then on are caught. */
  private startWatching(): Promise<void> {
    if (this.closed) return Promise.resolve();
    // chokidar follows new subfolders ("git pull" may create them) where fs.watch on Linux does not.
    this.watcher = watch(this.dir, {
      ignoreInitial: true,
      awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 20 },
    });
    this.watcher.on('all', (event, file) => {
      if (event === 'unlinkDir' && file === this.dir) return this.lost();
      // Hidden files and folders are no articles (a save's temporary file, .removed/), except the ignore list.
      const hidden = path
        .relative(this.dir, file)
        .split(path.sep)
        .some((part) => part.startsWith('.') && part !== IGNORE_FILE);
      if (hidden) return;
      if (this.alreadyIndexed(file)) {
        this.options.log.info({ file, event }, 'change already indexed');
        return;
      }
      this.schedule();
    });
    this.watcher.on('error', () => this.lost());
    const watcher = this.watcher;
    return new Promise((resolve) => watcher.once('ready', () => resolve()));
  }

  private schedule(): void {
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = null;
      if (!existsSync(this.dir)) return this.lost();
      void this.reload();
    }, this.options.debounceMs);
  }

  /** The folder is gone (or cannot be watched): keep serving, look for it again, reload when it is back. */
  private lost(): void {
    void this.watcher?.close();
    this.watcher = null;
    if (this.closed || this.retry) return;
    this.options.log.error(
      { dir: this.dir },
      `corpus folder ${this.dir} is gone or cannot be watched; still serving the last index`,
    );
    const look = () => {
      this.retry = null;
      if (this.closed) return;
      if (!existsSync(this.dir)) {
        this.retry = setTimeout(look, this.options.retryMs);
        return;
      }
      this.options.log.info({ dir: this.dir }, `corpus folder ${this.dir} is back`);
      void this.startWatching().then(() => this.reload());
    };
    this.retry = setTimeout(look, this.options.retryMs);
  }
}

/** Whether an article tells the same as before: what a reader would call a change (a new link is not). */
function sameTelling(a: Article, b: Article): boolean {
  return (
    a === b || (a.title === b.title && a.publisher === b.publisher && a.published === b.published && a.text === b.text)
  );
}

function describe(report: ReloadReport): string {
  const parts = [
    report.added.length > 0 ? `${report.added.length} added` : '',
    report.changed.length > 0 ? `${report.changed.length} changed` : '',
    report.removed.length > 0 ? `${report.removed.length} removed` : '',
    report.keptLastGood.length > 0 ? `${report.keptLastGood.length} kept at their last good version` : '',
  ].filter(Boolean);
  return `${parts.join(', ') || 'no change'}; ${plural(report.articles, 'article')}, ${plural(report.passages, 'passage')}, ${plural(report.problems.length, 'problem')}, in ${report.ms} ms`;
}
