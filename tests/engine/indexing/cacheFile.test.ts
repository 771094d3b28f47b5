import { mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../../src/engine/engine.js';
import { analyze, packAnalysis, unpackAnalysis } from '../../../src/engine/indexing/analysis.js';
import {
  decodeCache,
  encodeCache,
  packClaim,
  packNumbers,
  unpackClaim,
  unpackNumbers,
  type StoredAnalysis,
  type StoredClaim,
} from '../../../src/engine/indexing/cacheFile.js';
import { numbersOf } from '../../../src/engine/facts.js';
import { loadCorpus } from '../../../src/corpus/load.js';
import { extractClaims } from '../../../src/figures/claims.js';
import { analyzeArticle, stemTable } from '../../../src/search/passages.js';
import { PassageIndex } from '../../../src/search/minisearch/passageIndex.js';
import { LiveEngine, type ReloadLog } from '../../../src/engine/live.js';
import { SEED_CORPUS, tempCorpus } from '../../helpers.js';

const FIGURE_FIXTURES = path.resolve(import.meta.dirname, '../../figures/fixtures');

function recordingLog() {
  const lines: string[] = [];
  const log: ReloadLog = {
    info: (_o, m) => lines.push(m),
    warn: (_o, m) => lines.push(m),
    error: (_o, m) => lines.push(m),
  };
  return { log, lines };
}

describe('the index cache', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function cacheDir() {
    const dir = await mkdtemp(path.join(tmpdir(), 'crosscheck-cache-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    return dir;
  }

  async function start(cacheFile: string) {
    const { log, lines } = recordingLog();
    const live = await LiveEngine.start(SEED_CORPUS, { watch: false, cacheFile, log });
    cleanups.push(() => live.close());
    await live.saved;
    return { live, lines };
  }

  const questions = [
    'how many killed',
    'hvor mange er drept',
    'North Korean officers killed near Donetsk',
    'what is the capital of France',
  ];

  it('GIVEN a first start THEN the cache is written whole; GIVEN a second start THEN it is used and every answer is the same as a fresh build', async () => {
    const dir = await cacheDir();
    const file = path.join(dir, 'index.cache');
    const first = await start(file);
    expect(first.lines).toContain('index cache not used: no cache yet');
    expect(await readdir(dir)).toEqual(['index.cache']); // written under a temporary name, then renamed

    const second = await start(file);
    expect(second.lines.some((line) => line.startsWith('index cache used: 5 articles'))).toBe(true);
    const fresh = await Engine.load(SEED_CORPUS);
    for (const question of questions)
      expect(second.live.current().ask(question, { limit: 5 })).toEqual(fresh.ask(question, { limit: 5 }));
    expect(second.live.current().figures()).toEqual(fresh.figures());
  });

  it('GIVEN a second start over the same articles THEN the index is read back, not built, and the file is not rewritten', async () => {
    const dir = await cacheDir();
    const file = path.join(dir, 'index.cache');
    await start(file);
    const before = await stat(file);
    const second = await start(file);
    expect(second.lines.find((line) => line.startsWith('index cache used'))).toBe(
      'index cache used: 5 articles and their index',
    );
    expect((await stat(file)).mtimeMs).toBe(before.mtimeMs);
  });

  it('GIVEN an article whose title alone changed THEN the saved index is not used (titles are indexed) and the new title is found', async () => {
    const corpus = await tempCorpus({
      'a.md': '---\ntitle: Drone strike near Kursk\n---\nAt least 12 soldiers were killed, officials said.\n',
      'b.md': 'Another article about shells.\n',
    });
    cleanups.push(corpus.cleanup);
    const file = path.join(await cacheDir(), 'index.cache');
    const first = await LiveEngine.start(corpus.dir, { watch: false, cacheFile: file });
    await first.saved;
    first.close();
    await writeFile(
      path.join(corpus.dir, 'a.md'),
      '---\ntitle: Artillery duel in Belgorod\n---\nAt least 12 soldiers were killed, officials said.\n',
    );
    const { log, lines } = recordingLog();
    const second = await LiveEngine.start(corpus.dir, { watch: false, cacheFile: file, log });
    cleanups.push(() => second.close());
    await second.saved; // the rebuilt index is written back: let it finish before the folder goes
    expect(lines).toContain('index cache used: 2 articles');
    const titleHits = (word: string) =>
      second
        .current()
        ['index'].find([[{ term: word, weight: 1 }]])
        .map((hit) => hit.passage.article.title);
    expect(titleHits('belgorod')).toEqual(['Artillery duel in Belgorod']);
    expect(titleHits('kursk')).toEqual([]);
  });

  it.each([
    ['truncated', async (file: string) => truncate(file, 200), 'checksum mismatch (truncated or corrupt)'],
    [
      'corrupt',
      async (file: string) => {
        const bytes = await readFile(file);
        bytes[bytes.length - 10]! ^= 0xff;
        await writeFile(file, bytes);
      },
      'checksum mismatch (truncated or corrupt)',
    ],
    ['not a cache', async (file: string) => writeFile(file, 'hello'), 'not a cache file'],
  ])(
    'GIVEN a %s cache file THEN it is discarded with a log line and the corpus is indexed from scratch, answering the same',
    async (_kind, damage, reason) => {
      const dir = await cacheDir();
      const file = path.join(dir, 'index.cache');
      await start(file);
      await damage(file);
      const { live, lines } = await start(file);
      expect(lines).toContain(`index cache not used: ${reason}`);
      expect(live.current().ask('how many killed').passages[0]!.quote).toContain(
        'at least 100 North Korean soldiers have died',
      );
    },
  );

  it('GIVEN a cache written by other analysis code THEN it is not trusted', () => {
    const head = Buffer.from(JSON.stringify({ format: 5, code: 'someone-else', stems: [], entries: [], index: null }));
    const length = Buffer.alloc(4);
    length.writeUInt32LE(head.length);
    const body = Buffer.concat([length, head, Buffer.alloc((4 - ((4 + head.length) % 4)) % 4)]);
    const bytes = Buffer.concat([
      Buffer.from(`crosscheck-index-cache 5 ${createHash('sha256').update(body).digest('hex')}\n`),
      body,
    ]);
    expect(decodeCache(bytes)).toEqual({ ok: false, reason: 'written by other analysis code' });
  });
});

describe('the index in the cache file', () => {
  it('GIVEN an index whose snapshot (and stored index) carry typed arrays of any name WHEN written and read back THEN each is the same, read as a view into the bytes of the file', () => {
    const snapshot = {
      terms: ['kill', 'officer'],
      postings: Uint32Array.of(1, 0, 2, 1, 1, 3),
      fieldLengths: Uint32Array.of(2, 5),
      weights: Float64Array.of(0.5, 1.25),
    };
    const index = { layout: 'abc', snapshot, firstIds: Uint32Array.of(0, 7) };
    const bytes = encodeCache({ stems: [], entries: [], index });
    const loaded = decodeCache(bytes);
    if (!loaded.ok) throw new Error(loaded.reason);
    expect(loaded.index).toEqual(index);
    const read = loaded.index!.snapshot as unknown as typeof snapshot;
    for (const array of [read.postings, read.fieldLengths, read.weights]) expect(array.buffer).toBe(bytes.buffer);
  });
});

describe('passages in the cache file', () => {
  it('GIVEN every passage of the seeds and the figure fixtures WHEN written to the cache file and read back THEN each has the same sentences, tokens and figures', async () => {
    const articles = [...(await loadCorpus(SEED_CORPUS)).articles, ...(await loadCorpus(FIGURE_FIXTURES)).articles];
    const analyses = articles.map((article) => analyze(article));
    const odd = analyses[0]!.passages[0]!;
    // A figure that is no whole number cannot be packed with the tokens: it is kept whole.
    odd.numbers = { sentences: odd.sentences.map(() => ({ counts: [2.5], hasCount: true })), countTokens: [0] };
    const entries = analyses.map((analysis, i): [string, StoredAnalysis] => [String(i), packAnalysis(analysis)]);
    const loaded = decodeCache(encodeCache({ stems: stemTable.stems, entries, index: null }));
    if (!loaded.ok) throw new Error(loaded.reason);
    let withFigures = 0;
    loaded.entries.forEach(([, stored], i) => {
      const read = unpackAnalysis(articles[i]!, stored, null).passages;
      expect(read).toHaveLength(analyses[i]!.passages.length);
      read.forEach((passage, p) => {
        const before = analyses[i]!.passages[p]!;
        expect(passage.sentences).toEqual(before.sentences);
        expect(passage.tokens).toEqual(before.tokens);
        expect(passage.numbers).toEqual(before.numbers);
        if (passage.numbers!.countTokens.length > 0) withFigures++;
      });
    });
    expect(withFigures).toBeGreaterThan(20);
  });
});

describe('claims in the cache file', () => {
  it('GIVEN every claim of the seeds and the figure fixtures WHEN packed and unpacked THEN each is the same, and nearly all are stored compact', async () => {
    const articles = [...(await loadCorpus(SEED_CORPUS)).articles, ...(await loadCorpus(FIGURE_FIXTURES)).articles];
    let compact = 0;
    let total = 0;
    for (const article of articles) {
      for (const claim of extractClaims(analyzeArticle(article))) {
        const stored = packClaim(claim, article);
        expect(unpackClaim(JSON.parse(JSON.stringify(stored)) as StoredClaim, article)).toEqual(claim);
        total++;
        if (Array.isArray(stored)) compact++;
      }
    }
    expect(total).toBeGreaterThan(50);
    expect(compact / total).toBeGreaterThan(0.95);
  });

  it('GIVEN every claim of the seeds and the figure fixtures, and one of another shape, WHEN written to the cache file and read back THEN each is the same, in order', async () => {
    const articles = [...(await loadCorpus(SEED_CORPUS)).articles, ...(await loadCorpus(FIGURE_FIXTURES)).articles];
    const analyses = articles.map((article) => analyze(article));
    const first = analyses[0]!.claims[0]!;
    // A claim of two sources is stored whole, between the compact ones.
    analyses[0]!.claims.splice(1, 0, {
      ...first,
      sources: [first.sources[0]!, { ...first.sources[0]!, articleId: 'other' }],
      articles: [first.articles[0]!, 'other'],
    });
    const entries = analyses.map((analysis, i): [string, StoredAnalysis] => [String(i), packAnalysis(analysis)]);
    const loaded = decodeCache(encodeCache({ stems: stemTable.stems, entries, index: null }));
    if (!loaded.ok) throw new Error(loaded.reason);
    loaded.entries.forEach(([key, stored], i) => {
      expect(key).toBe(String(i));
      expect(unpackAnalysis(articles[i]!, stored, null).claims).toEqual(analyses[i]!.claims);
    });
    expect(analyses.flatMap((analysis) => analysis.claims).length).toBeGreaterThan(50);
  });

  it('GIVEN the figures of every passage of the seeds and fixtures WHEN packed and unpacked THEN they are the same', async () => {
    const articles = [...(await loadCorpus(SEED_CORPUS)).articles, ...(await loadCorpus(FIGURE_FIXTURES)).articles];
    let withFigures = 0;
    for (const passage of articles.flatMap((article) => analyzeArticle(article))) {
      const numbers = numbersOf(passage);
      if (numbers.countTokens.length > 0) withFigures++;
      const stored = JSON.parse(JSON.stringify(packNumbers(numbers))) as Parameters<typeof unpackNumbers>[0];
      expect(unpackNumbers(stored, passage.sentences.length)).toEqual(numbers);
    }
    expect(withFigures).toBeGreaterThan(20);
    const odd = { sentences: [{ counts: [3], hasCount: false }], countTokens: [] };
    expect(unpackNumbers(packNumbers(odd), 1)).toEqual(odd);
  });

  it('GIVEN a claim of another shape (two sources) THEN it is stored whole', async () => {
    const article = (await loadCorpus(SEED_CORPUS)).articles[0]!;
    const claim = extractClaims(analyzeArticle(article))[0]!;
    const merged = {
      ...claim,
      sources: [claim.sources[0]!, { ...claim.sources[0]!, articleId: 'other' }],
      articles: [article.id, 'other'],
    };
    expect(packClaim(merged, article)).toBe(merged);
  });
});

describe('an updated index in the cache file', () => {
  it('GIVEN an index updated (ids with gaps) WHEN its snapshot is written and read back THEN the same arrays, ids included', async () => {
    const { articles } = await loadCorpus(SEED_CORPUS);
    const dense = articles
      .flatMap((article) => analyzeArticle(article))
      .map((passage, id) => passage.relocated(id, passage.article));
    const index = await PassageIndex.build(dense).update({
      removed: dense.slice(0, 3).map((passage) => passage.id),
      added: [],
    });
    const snapshot = index.snapshot();
    expect(snapshot.ids).toBeDefined();
    const decoded = decodeCache(
      encodeCache({ stems: [], entries: [], index: { layout: 'x', firstIds: Uint32Array.of(0), snapshot } }),
    );
    expect(decoded.ok && decoded.index?.snapshot).toEqual(snapshot);
  });
});
