import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { detectLanguage } from '../text/language.js';
import type { Article, ArticleRef, CorpusProblem } from './article.js';
import { parseFrontMatter } from './frontMatter.js';
import { inferMetadata } from './infer.js';

export interface Corpus {
  dir: string;
  articles: Article[];
  /** Every file not served, or served with a caveat, with the reason: nothing is dropped silently. */
  problems: CorpusProblem[];
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

/** Reads every article in a folder (and its subfolders). Files are read in name order, so ids and output are stable. */
export async function loadCorpus(dir: string): Promise<Corpus> {
  let names: string[];
  try {
    if (!(await stat(dir)).isDirectory()) throw new Error('not a folder');
    names = (await readdir(dir, { recursive: true })).map(String).sort();
  } catch (error) {
    throw new CorpusUnreadableError(dir, error);
  }

  const articles: Article[] = [];
  const problems: CorpusProblem[] = [];
  const seenText = new Map<string, string>();

  for (const name of names) {
    const file = name.split(path.sep).join('/');
    if (file.split('/').some((part) => part.startsWith('.'))) continue; // .gitkeep, .DS_Store: not articles
    const full = path.join(dir, name);
    const info = await stat(full).catch(() => null);
    if (!info?.isFile()) continue;

    const result = await readArticle(full, file, info.size);
    if ('reason' in result) {
      problems.push(result);
      continue;
    }
    const key = createHash('sha256').update(result.text.replace(/\s+/g, ' ').trim()).digest('hex');
    const earlier = seenText.get(key);
    if (earlier) {
      problems.push({ file, reason: `same text as ${earlier}; indexed once` });
      continue;
    }
    seenText.set(key, file);
    articles.push(result);
  }
  return { dir, articles, problems };
}

async function readArticle(full: string, file: string, size: number): Promise<Article | CorpusProblem> {
  const extension = path.extname(file).toLowerCase();
  if (!ARTICLE_EXTENSIONS.has(extension)) {
    return { file, reason: `not an article file (${extension || 'no extension'}): save articles as .md or .txt` };
  }
  if (size > MAX_ARTICLE_BYTES) {
    return { file, reason: `too large (${(size / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_ARTICLE_BYTES / 1024 / 1024} MB)` };
  }
  const bytes = await readFile(full);
  if (bytes.includes(0)) return { file, reason: 'binary file, not text' };
  let source: string;
  try {
    source = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
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
  const language = detectLanguage(text);
  return {
    id,
    file,
    text,
    title: inferred.title ?? id,
    publisher: inferred.publisher,
    url: inferred.url,
    published: inferred.published,
    language,
    provenance: { ...inferred.provenance, ...(language ? { language: 'detected from the text' } : {}) },
  };
}

function fromMarkdown(id: string, file: string, source: string): Article | CorpusProblem {
  const parsed = parseFrontMatter(source);
  if (!parsed.ok) return { file, reason: parsed.reason };
  const text = parsed.body;
  if (!text.trim()) return { file, reason: 'no article text after the front matter' };

  const { data } = parsed;
  const provenance: Article['provenance'] = {};
  const fields: (keyof ArticleRef)[] = ['title', 'publisher', 'url', 'published', 'language'];
  for (const field of fields) if (data[field]) provenance[field] = 'front matter';

  let title = data.title ?? null;
  if (!title) {
    const firstLine = text.split(/\r?\n/).find((line) => line.trim())!.trim();
    title = firstLine.replace(/^#+\s*/, '');
    provenance.title = /^#/.test(firstLine) ? 'first heading' : 'first line';
  }
  let language = data.language ?? null;
  if (!language) {
    language = detectLanguage(text);
    if (language) provenance.language = 'detected from the text';
  }
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
