import { createHash } from 'node:crypto';
import {
  close as closeCallback,
  closeSync,
  fstat as fstatCallback,
  fstatSync,
  open as openCallback,
  statSync,
  openSync,
  read as readCallback,
  readSync,
  stat as statCallback,
  type Stats,
} from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import ignore, { type Ignore } from 'ignore';
import path from 'node:path';
import { promisify } from 'node:util';
import { nextMessage, startThread } from '../threads.js';
import type { Article, ArticleRef, CorpusProblem } from '../model/article.js';
import { parseFrontMatter } from './frontMatter.js';
import { inferMetadata } from './infer.js';

export interface Corpus {
  dir: string;
  articles: Article[];
  /** Every file not served, or served with a caveat, with the reason: nothing is dropped silently. */
  problems: CorpusProblem[];
  /** How each file read, by its stat: a later load given these reads again only the files changed since. */
  files?: FileMemos;
  /** How many article files this load read; the others were taken from `previous` unread. */
  filesRead?: number;
}

/** What one file read to, and the stat it was read at (size, modification time, inode). */
export interface FileMemo {
  signature: string;
  entry: Entry;
}

/** The files of a corpus read, by their path in the folder. */
export type FileMemos = ReadonlyMap<string, FileMemo>;

export interface LoadOptions {
  /**
   * The files of the corpus read last time (`Corpus.files`): a file whose size, modification time
   * and inode are as then is taken from there unread. New and removed files are found as ever: the
   * folder is listed each time.
   */
  previous?: FileMemos;
}

/** Thrown when the corpus folder itself cannot be read; a bad file is a problem, not an error. */
export class CorpusUnreadableError extends Error {
  constructor(dir: string, cause: unknown) {
    super(`corpus: cannot read the folder ${dir}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'CorpusUnreadableError';
  }
}

const ARTICLE_EXTENSIONS = new Set(['.md', '.markdown', '.txt']);
/** Larger than any news article by far: such a file is a dump or a mistake, and would slow every query. */
export const MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

/**
 * A folder with at least this many entries is read on a worker thread: thousands of file calls,
 * front matter and hashes would hold the main thread for a second or more, and a bot reloading its
 * corpus must go on answering meanwhile.
 */
export const THREAD_FROM_ENTRIES = 1000;

/**
 * Reads every article in a folder (and its subfolders). Files are read many at a time but taken in
 * name order, so ids and output are stable. With `previous`, only the files changed since are read.
 */
export async function loadCorpus(dir: string, options: LoadOptions = {}): Promise<Corpus> {
  const names = await listFolder(dir);
  const { previous } = options;
  if (names.length < THREAD_FROM_ENTRIES) return readCorpus(dir, names, previous);
  // Only the signatures go to the thread: the articles themselves stay here, and need no copying.
  const known = new Map<string, string>();
  for (const [file, memo] of previous ?? []) known.set(file, memo.signature);
  const thread = startThread(import.meta.url, 'loadWorker', { dir, names, known });
  let reply: { reads: EntryRead[] } | { error: string };
  try {
    reply = await nextMessage(thread);
  } catch {
    return readCorpus(dir, names, previous); // the thread itself failed: read here rather than not at all
  } finally {
    void thread.terminate();
  }
  if ('error' in reply) throw new Error(reply.error);
  return assemble(dir, names, reply.reads, previous);
}

/** Every entry of a folder and its subfolders, by name, but those that are not articles by the team's say. */
async function listFolder(dir: string): Promise<string[]> {
  let names: string[];
  try {
    if (!(await stat(dir)).isDirectory()) throw new Error('not a folder');
    names = (await readdir(dir, { recursive: true })).map(String).sort();
  } catch (error) {
    throw new CorpusUnreadableError(dir, error);
  }
  const ignored = await ignoreRules(dir);
  return names.filter((name) => {
    const file = fileOf(name);
    return !README.test(path.posix.basename(file)) && !ignored?.ignores(file);
  });
}

/** A folder's README says what the folder is; it is not an article. */
const README = /^readme(\.(md|markdown|txt))?$/i;
/** Files the team keeps in the corpus folder that are not articles, in gitignore syntax. */
export const IGNORE_FILE = '.crosscheckignore';

/** None without the file: asking the library about 100,000 names that no rule names takes ~0.2 s on each reload. */
async function ignoreRules(dir: string): Promise<Ignore | null> {
  const text = await readFile(path.join(dir, IGNORE_FILE), 'utf8').catch(() => null);
  return text === null ? null : ignore().add(text);
}

/**
 * Reads the articles among `names` (entries of `dir`, sorted), here. `blocking` reads each file with
 * synchronous calls, one after another: on a worker thread, where nothing else waits, that spares
 * the round trips through libuv's pool that dominate reading thousands of small files.
 */
export async function readCorpus(dir: string, names: readonly string[], previous?: FileMemos): Promise<Corpus> {
  const known = previous && new Map([...previous].map(([file, memo]) => [file, memo.signature]));
  return assemble(dir, names, await readEntries(dir, names, known), previous);
}

/**
 * Each of `names` read, in their order, or `unchanged` where its stat is the one `known` has for it.
 * A file that cannot be read fails the whole as the first such file in name order (as when files
 * were read one by one).
 */
export async function readEntries(
  dir: string,
  names: readonly string[],
  known?: ReadonlyMap<string, string>,
  blocking = false,
): Promise<EntryRead[]> {
  const calls = blocking ? blockingCalls : pooledCalls;
  const results = await mapConcurrently(names, blocking ? 1 : READ_CONCURRENCY, (name) =>
    readEntry(dir, name, calls, known).catch((error: unknown) => ({ error })),
  );
  for (const result of results) if (result !== UNCHANGED && 'error' in result) throw result.error;
  return results as EntryRead[];
}

/** The corpus of the entries read; those unchanged taken from `previous`. */
function assemble(dir: string, names: readonly string[], reads: readonly EntryRead[], previous?: FileMemos): Corpus {
  // Taken in name order: the first of two copies is the one served.
  const articles: Article[] = [];
  const problems: CorpusProblem[] = [];
  const files = new Map<string, FileMemo>();
  const seenText = new Map<string, string>();
  let filesRead = 0;
  for (const [index, read] of reads.entries()) {
    const file = fileOf(names[index]!);
    let entry: Entry;
    if (read === UNCHANGED) {
      const memo = previous!.get(file)!;
      files.set(file, memo);
      entry = memo.entry;
    } else {
      if (read.signature !== null) {
        files.set(file, { signature: read.signature, entry: read.entry });
        filesRead++;
      }
      entry = read.entry;
    }
    if (!entry) continue;
    if ('reason' in entry) {
      problems.push(entry);
      continue;
    }
    const { article, textKey } = entry;
    const earlier = seenText.get(textKey);
    if (earlier) {
      problems.push({ file: article.file, reason: `same text as ${earlier}; indexed once` });
      continue;
    }
    seenText.set(textKey, article.file);
    articles.push(article);
  }
  return { dir, articles, problems, files, filesRead };
}

/** Enough to keep the disk and libuv's threads busy; few enough not to hold many files open at once. */
const READ_CONCURRENCY = 64;
// The callback API, promisified: for thousands of small files it is about twice as fast as
// fs/promises, which goes through a FileHandle (nodejs/node#37583, #52046).
const statFile = promisify(statCallback);

/** `fn` over every item, at most `limit` at a time; the results in the items' order. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** One entry of the folder: nothing for hidden files and folders, else an article (with a key to spot copies) or a problem. */
export type Entry = { article: Article; textKey: string } | CorpusProblem | null;
/** An entry read, with the stat of the article file it was read from (null for entries that are no article file). */
export type EntryRead = { signature: string | null; entry: Entry } | typeof UNCHANGED;
/** An entry whose file has the stat it was read at last time. */
const UNCHANGED = 'unchanged';

type FileBytes = { bytes: Buffer; info: Stats } | { size: number; info: Stats } | null;

/** What changes when a file is written: its size, its modification time, or (written by rename) its inode. */
function signatureOf(info: Stats): string {
  return `${info.size}:${info.mtimeMs}:${info.ino}`;
}

function fileOf(name: string): string {
  return name.split(path.sep).join('/');
}

async function readEntry(
  dir: string,
  name: string,
  calls: FileCalls,
  known?: ReadonlyMap<string, string>,
): Promise<EntryRead> {
  const file = fileOf(name);
  const none = { signature: null, entry: null };
  if (file.split('/').some((part) => part.startsWith('.'))) return none; // .gitkeep, .DS_Store: not articles
  const full = path.join(dir, name);
  const extension = path.extname(file).toLowerCase();
  if (!ARTICLE_EXTENSIONS.has(extension)) {
    if (!(await statFile(full).catch(() => null))?.isFile()) return none;
    const reason = `not an article file (${extension || 'no extension'}): save articles as .md or .txt`;
    return { signature: null, entry: { file, reason } };
  }
  const before = known?.get(file);
  if (before !== undefined) {
    const info = await calls.stat(full).catch(() => null);
    if (info && signatureOf(info) === before) return UNCHANGED;
  }
  const read = await readArticleFile(full, calls);
  if (read === null) return none;
  // The stat taken before the bytes were read: a write while reading changes it again, and is read next time.
  const signature = signatureOf(read.info);
  if ('size' in read) {
    const reason = `too large (${(read.size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_ARTICLE_BYTES / 1024 / 1024} MB)`;
    return { signature, entry: { file, reason } };
  }

  const parsed = readArticle(read.bytes, file, extension);
  if ('reason' in parsed) return { signature, entry: parsed };
  const result = parsed.language === null ? await withDetectedLanguage(parsed, extension) : parsed;
  return { signature, entry: { article: result, textKey: textKey(result.text) } };
}

/** What two copies of an article share, whatever their line breaks and spacing. */
export function textKey(text: string): string {
  // Every run of white space as one space (runs that already are one space are left alone: much faster than /\s+/g).
  return createHash('sha256')
    .update(text.replace(/\s{2,}|[^\S ]/g, ' ').trim())
    .digest('hex');
}

/** The file calls an article is read with: through libuv's pool, or blocking (on a thread of its own). */
interface FileCalls {
  stat(file: string): Promise<Stats>;
  open(file: string): Promise<number>;
  fstat(fd: number): Promise<Stats>;
  read(fd: number, into: Buffer, at: number): Promise<number>;
  close(fd: number): Promise<void>;
}

const openPooled = promisify(openCallback);
const readPooled = promisify(readCallback);
const pooledCalls: FileCalls = {
  stat: statFile,
  open: (file) => openPooled(file, 'r'),
  fstat: promisify(fstatCallback),
  read: async (fd, into, at) => (await readPooled(fd, into, at, into.length - at, at)).bytesRead,
  close: promisify(closeCallback),
};

// Synchronous calls in async clothes: the same reading code, no round trip through the pool.
const blockingCalls: FileCalls = {
  stat: async (file) => statSync(file),
  open: async (file) => openSync(file, 'r'),
  fstat: async (fd) => fstatSync(fd),
  read: async (fd, into, at) => readSync(fd, into, at, into.length - at, at),
  close: async (fd) => closeSync(fd),
};

/**
 * The bytes of a file, in four calls (open, fstat, read, close): null if it is no file (a folder
 * named like an article) or is gone; its size if over the limit, unread. Any other failure throws.
 */
async function readArticleFile(full: string, calls: FileCalls): Promise<FileBytes> {
  let fd: number;
  try {
    fd = await calls.open(full);
  } catch (error) {
    if (['ENOENT', 'EISDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) return null;
    throw error;
  }
  try {
    const info = await calls.fstat(fd);
    if (!info.isFile()) return null;
    if (info.size > MAX_ARTICLE_BYTES) return { size: info.size, info };
    const bytes = Buffer.allocUnsafe(info.size);
    let filled = 0;
    while (filled < bytes.length) {
      const bytesRead = await calls.read(fd, bytes, filled);
      if (bytesRead === 0) break; // shrank while read
      filled += bytesRead;
    }
    return { bytes: bytes.subarray(0, filled), info };
  } finally {
    await calls.close(fd);
  }
}

/**
 * One article file's bytes read as the corpus reads them (`.md` with its front matter, `.txt` with
 * what its text states, the language detected where none is stated): for a file handed over
 * rather than found in the folder (added from the chat). A problem says why it is no article.
 */
export async function articleFromFile(bytes: Uint8Array, fileName: string): Promise<Article | CorpusProblem> {
  const extension = path.extname(fileName).toLowerCase();
  if (!ARTICLE_EXTENSIONS.has(extension))
    return { file: fileName, reason: `not an article file (${extension || 'no extension'})` };
  const parsed = readArticle(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), fileName, extension);
  if ('reason' in parsed) return parsed;
  return parsed.language === null ? withDetectedLanguage(parsed, extension) : parsed;
}

/** Strict: a file that is not UTF-8 is reported, not read with replacement characters. Each decode starts afresh. */
const utf8 = new TextDecoder('utf-8', { fatal: true });

function readArticle(bytes: Buffer, file: string, extension: string): Article | CorpusProblem {
  if (bytes.includes(0)) return { file, reason: 'binary file, not text' };
  let source: string;
  try {
    source = utf8.decode(bytes);
  } catch {
    return { file, reason: 'not valid UTF-8 text: save it as UTF-8' };
  }
  source = source.replace(/^\uFEFF/, '');
  if (!source.trim()) return { file, reason: 'empty file' };

  const id = file.slice(0, file.length - extension.length);
  return extension === '.txt' ? fromText(id, file, source) : fromMarkdown(id, file, source);
}

function fromText(id: string, file: string, text: string): Article {
  const inferred = inferMetadata(text);
  return {
    id,
    file,
    text,
    title: inferred.title ?? id,
    publisher: inferred.publisher,
    url: inferred.url,
    published: inferred.published,
    language: inferred.language,
    provenance: inferred.provenance,
  };
}

// The detector's tables cost ~85 MB and ~0.2 s: loaded on the first article that does not state its language.
let detector: Promise<typeof import('../text/detectLanguage.js')> | undefined;

/** The article with the language its text reads as, where it states none ("detected from the text"). */
async function withDetectedLanguage(article: Article, extension: string): Promise<Article> {
  detector ??= import('../text/detectLanguage.js');
  const language = (await detector).detectLanguage(article.text);
  if (!language) return article;
  const detected = 'detected from the text';
  // Where the field stands among the others, as a reader of /source met it before.
  const provenance =
    extension === '.txt'
      ? { language: detected, ...article.provenance }
      : { ...article.provenance, language: detected };
  return { ...article, language, provenance };
}

function fromMarkdown(id: string, file: string, source: string): Article | CorpusProblem {
  const parsed = parseFrontMatter(source);
  if (!parsed.ok) return { file, reason: parsed.reason };
  const text = parsed.body;
  if (!text.trim()) return { file, reason: 'no article text after the front matter' };

  const { data } = parsed;
  const provenance: Article['provenance'] = {};
  const fields: (keyof ArticleRef)[] = ['title', 'publisher', 'url', 'published', 'language'];
  // An article added from a page records where on the page each field was found.
  const recorded =
    typeof data.provenance === 'object' && data.provenance !== null ? (data.provenance as Record<string, unknown>) : {};
  for (const field of fields) {
    if (!data[field]) continue;
    const from = recorded[field];
    provenance[field] =
      typeof from === 'string' && from.trim() ? `front matter (from the page: ${from.trim()})` : 'front matter';
  }

  let title = data.title ?? null;
  if (!title) {
    const firstLine = text
      .split(/\r?\n/)
      .find((line) => line.trim())!
      .trim();
    title = firstLine.replace(/^#+\s*/, '');
    provenance.title = /^#/.test(firstLine) ? 'first heading' : 'first line';
  }
  const language = data.language ?? null;
  return {
    id,
    file,
    text,
    title,
    publisher: data.publisher ?? null,
    url: data.url ?? null,
    published: data.published ?? null,
    language,
    provenance,
  };
}
