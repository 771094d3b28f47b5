/**
 * Adding an article from outside the corpus folder — a link, an uploaded file, a file on disk — in
 * one pipeline that the bot, the console and the CLI share: fetch safely, extract, refuse a copy of
 * an article already there, save into `added/`, index it before answering, and tell what it changes.
 * Every failure is a value with a message for the one who asked, and leaves nothing saved.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { articleFromHtml, type PageArticle, type PageResult } from '../corpus/fromHtml.js';
import { articleFromPdf } from '../corpus/fromPdf.js';
import { articleFromFile } from '../corpus/load.js';
import { duplicateOf, removeAdded, saveArticle, type Addition } from '../corpus/save.js';
import { FetchError, safeFetch, type FetchedDocument, type SafeFetchOptions } from '../fetch/safeFetch.js';
import type { ArticleRef } from '../model/article.js';
import { figureChanges, reportsTouching, type FigureChanges } from './changes.js';
import type { Engine } from './engine.js';
import type { ReloadReport } from './live.js';

/** The files that can be added: pages, text, Markdown and PDF. */
export const ADDABLE_EXTENSIONS: Readonly<Record<string, 'html' | 'text' | 'pdf'>> = {
  '.html': 'html',
  '.htm': 'html',
  '.md': 'text',
  '.markdown': 'text',
  '.txt': 'text',
  '.pdf': 'pdf',
};

/** What to add: a link to fetch (an attachment's too, named by its file name), or a file's bytes. */
export type AddSource =
  | { url: string; fileName?: string }
  | {
      fileName: string;
      bytes: Uint8Array;
    };

/** The corpus an article is added to: a folder followed by an engine that can reload it now (a LiveEngine). */
export interface AddTarget {
  readonly dir: string;
  current(): Engine;
  reloadFor(files: readonly string[]): Promise<ReloadReport>;
}

export interface AddOptions extends Omit<Addition, 'addedAt'> {
  /** How links are fetched: FETCH_ALLOW_HOSTS, a resolver (tests). */
  fetch?: Pick<SafeFetchOptions, 'allowHosts' | 'resolve' | 'timeoutMs' | 'connectTimeoutMs' | 'limits' | 'transport'>;
  /** Default: now. */
  addedAt?: Date;
}

/** Why nothing was added. */
export type AddFailure = 'fetch' | 'type-not-allowed' | 'too-large' | 'not-an-article' | 'duplicate' | 'not-indexed';

export type AddOutcome =
  | {
      ok: true;
      /** The article as the engine now serves it (its language detected where the page stated none). */
      article: ArticleRef;
      file: string;
      passages: number;
      changes: FigureChanges;
    }
  | {
      ok: false;
      reason: AddFailure;
      /** What happened, in words for the one who asked. */
      message: string;
      /** The fetch failure's own reason (blocked-address, http-status, timeout…). */
      fetchReason?: FetchError['reason'];
      /** For a duplicate: the article already there. */
      existing?: string;
    };

/** A file this large is not read (a Discord attachment's size is known before it is fetched). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

// Adds to one folder one at a time: two people pasting the same link at once get one article and one refusal.
const queues = new WeakMap<AddTarget, Promise<unknown>>();

/** Adds one article (see the module's comment). Never throws for anything a user can send; a disk failure throws. */
export function addArticle(target: AddTarget, source: AddSource, options: AddOptions): Promise<AddOutcome> {
  return serially(target, () => addNow(target, source, options));
}

function serially<T>(target: AddTarget, work: () => Promise<T>): Promise<T> {
  const next = (queues.get(target) ?? Promise.resolve()).catch(() => undefined).then(work);
  queues.set(target, next);
  return next;
}

/** A short name for what is being added: the link, or the file's name. */
export function sourceLabel(source: AddSource): string {
  return 'bytes' in source ? source.fileName : (source.fileName ?? source.url);
}

async function addNow(target: AddTarget, source: AddSource, options: AddOptions): Promise<AddOutcome> {
  const extracted = await extract(source, options);
  if (!extracted.ok) return extracted;
  const { article } = extracted;

  const engine = target.current();
  const existing = duplicateOf(engine.corpus.articles, article);
  if (existing) {
    return {
      ok: false,
      reason: 'duplicate',
      existing: existing.id,
      message: `Already in the corpus as ${existing.id} (${existing.by === 'address' ? 'the same address' : 'the same text'}): not added again.`,
    };
  }

  const saved = await saveArticle(target.dir, article, {
    addedBy: options.addedBy,
    via: options.via,
    note: options.note ?? null,
    addedAt: options.addedAt ?? new Date(),
  });
  // The folder too: the first addition creates added/, and the watcher reports that as well.
  await target.reloadFor([saved.file, path.dirname(saved.file)]);
  const now = target.current();
  const detail = now.source(saved.id);
  if (!detail || detail.id !== saved.id) {
    // The loader would not serve it: take it out again, so nothing is left of a failed addition.
    const problem = now.corpus.problems.find((p) => p.file === `${saved.id}.md`);
    await rm(saved.file, { force: true });
    await target.reloadFor([saved.file]);
    return {
      ok: false,
      reason: 'not-indexed',
      message: `The article could not be indexed${problem ? `: ${problem.reason}` : ''}. Nothing was saved.`,
    };
  }
  const { file: _file, provenance: _provenance, passages, ...ref } = detail;
  return {
    ok: true,
    article: ref,
    file: saved.file,
    passages: passages.length,
    changes: figureChanges(reportsTouching(now, [saved.id]), [saved.id]),
  };
}

type Extracted = { ok: true; article: PageArticle } | Extract<AddOutcome, { ok: false }>;

const failure = (reason: AddFailure, message: string): Extracted => ({ ok: false, reason, message });

async function extract(source: AddSource, options: AddOptions): Promise<Extracted> {
  if ('bytes' in source) {
    const kind = kindOfName(source.fileName);
    if (!kind) return typeNotAllowed(source.fileName);
    if (source.bytes.length > MAX_FILE_BYTES) return failure('too-large', `${source.fileName} is larger than 20 MB.`);
    return fromBytes(kind, source.bytes, source.fileName, null);
  }
  // An attachment says what it is by its name; a link by the type the site sends.
  const named = source.fileName ? kindOfName(source.fileName) : null;
  if (source.fileName && !named) return typeNotAllowed(source.fileName);
  let document: FetchedDocument;
  try {
    document = await safeFetch(source.url, options.fetch ?? {});
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    const reason: AddFailure =
      error.reason === 'type-not-allowed' ? 'type-not-allowed' : error.reason === 'too-large' ? 'too-large' : 'fetch';
    return { ok: false, reason, fetchReason: error.reason, message: error.message };
  }
  if (source.fileName) {
    // An uploaded file: its address is the chat's, not the article's, and is not kept.
    return fromBytes(named!, document.body, source.fileName, null, document.charset);
  }
  const kind = document.kind === 'text' ? 'text' : document.kind;
  const name =
    document.kind === 'text'
      ? document.mediaType === 'text/markdown' || /\.(md|markdown)$/i.test(new URL(document.url).pathname)
        ? 'page.md'
        : 'page.txt'
      : `page.${document.kind}`;
  return fromBytes(kind, document.body, name, document.url, document.charset);
}

function kindOfName(fileName: string): 'html' | 'text' | 'pdf' | null {
  return ADDABLE_EXTENSIONS[path.extname(fileName).toLowerCase()] ?? null;
}

function typeNotAllowed(fileName: string): Extracted {
  const extension = path.extname(fileName).toLowerCase() || 'a file without an extension';
  return failure(
    'type-not-allowed',
    `${fileName} is ${extension === 'a file without an extension' ? extension : `a ${extension} file`}: only .md, .txt, .html and .pdf are added.`,
  );
}

async function fromBytes(
  kind: 'html' | 'text' | 'pdf',
  bytes: Uint8Array,
  fileName: string,
  url: string | null,
  charset: string | null = null,
): Promise<Extracted> {
  let result: PageResult;
  // pdf.js takes a plain Uint8Array, not a Buffer (what a fetch or a file read gives).
  if (kind === 'pdf') result = await articleFromPdf(new Uint8Array(bytes), url);
  else if (kind === 'html') result = articleFromHtml(decode(bytes, charset), url);
  else {
    const read = await articleFromFile(
      bytes,
      fileName.replace(/\.[^.]*$/, (ext) => (ext === '.txt' ? '.txt' : '.md')),
    );
    if ('reason' in read) return failure('not-an-article', `${fileName}: ${read.reason}.`);
    const { id: _id, file: _file, ...article } = read;
    result = { ok: true, article: { ...article, url: article.url ?? url } };
  }
  if (!result.ok) return failure('not-an-article', `Not added: ${result.reason}.`);
  return result;
}

/** A page's text by its charset (UTF-8 when none is given or it is unknown). */
function decode(bytes: Uint8Array, charset: string | null): string {
  try {
    return new TextDecoder(charset ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/** Removes an added article (moves it to `.removed/`) and reloads; a refusal says why. */
export function removeArticle(target: AddTarget, id: string): Promise<RemoveOutcome> {
  return serially(target, () => removeNow(target, id));
}

export type RemoveOutcome = { ok: true; id: string; title: string; moved: string } | { ok: false; message: string };

async function removeNow(target: AddTarget, id: string): Promise<RemoveOutcome> {
  const article = target.current().corpus.articles.find((candidate) => candidate.id === id);
  const removed = await removeAdded(target.dir, id);
  if (!removed.ok) return { ok: false, message: `Not removed: ${removed.reason}.` };
  await target.reloadFor([removed.from, removed.to]);
  return {
    ok: true,
    id,
    title: article?.title ?? id,
    moved: path.relative(target.dir, removed.to).split(path.sep).join('/'),
  };
}
