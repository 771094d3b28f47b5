/**
 * Saving an article added from the chat: one Markdown file in `added/` of the corpus folder, with
 * front matter saying what it is, who added it, how, and where on the page each field was found.
 * Written atomically (a hidden temporary file, then a rename), so the watcher and the loader never
 * see half a file. Nothing is ever overwritten: the name carries a hash of the text.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'yaml';
import type { PageArticle } from './fromHtml.js';
import { textKey } from './load.js';

export const ADDED_FOLDER = 'added';

export interface Addition {
  /** The Discord user id of who added it (null from the terminal). */
  addedBy: string | null;
  via: 'url' | 'file' | 'message';
  addedAt: Date;
  /** What the one who added it said about it (`/add … note:`), kept in the front matter. */
  note?: string | null;
}

/** An article already in the corpus, as far as telling a copy of it goes. */
export interface KnownArticle {
  id: string;
  url: string | null;
  text: string;
}

/** The id of the article `candidate` copies — same address (canonically) or same text — or null. */
export function duplicateOf(
  known: Iterable<KnownArticle>,
  candidate: Pick<PageArticle, 'url' | 'text'>,
): { id: string; by: 'address' | 'text' } | null {
  const url = candidate.url ? canonicalUrl(candidate.url) : null;
  const key = textKey(candidate.text);
  for (const article of known) {
    if (url && article.url && canonicalUrl(article.url) === url) return { id: article.id, by: 'address' };
    if (textKey(article.text) === key) return { id: article.id, by: 'text' };
  }
  return null;
}

/** Tracking parameters that make one article look like many addresses. */
const TRACKING = /^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ref|ref_src|cmpid|ocid|at_medium|at_campaign)$/i;

/** An address as it names the article: host in lower case, no fragment, no tracking, no trailing slash. */
export function canonicalUrl(address: string): string {
  try {
    const url = new URL(address);
    url.hash = '';
    for (const name of [...url.searchParams.keys()]) if (TRACKING.test(name)) url.searchParams.delete(name);
    url.searchParams.sort();
    if (url.pathname.length > 1) url.pathname = url.pathname.replace(/\/+$/, '');
    return url.href;
  } catch {
    return address.trim();
  }
}

/** Saves the article; returns its id (the path without extension, as the loader names it) and file. */
export async function saveArticle(
  corpusDir: string,
  article: PageArticle,
  addition: Addition,
): Promise<{ id: string; file: string }> {
  const day = article.published ?? addition.addedAt.toISOString().slice(0, 10);
  const hash = createHash('sha256').update(article.text).digest('hex').slice(0, 8);
  const name = `${day}-${slug(article.title)}-${hash}`;
  const folder = path.join(corpusDir, ADDED_FOLDER);
  await mkdir(folder, { recursive: true });
  const file = path.join(folder, `${name}.md`);
  const temporary = path.join(folder, `.${name}.${randomBytes(4).toString('hex')}.tmp`);
  const front = Object.fromEntries(
    Object.entries({
      title: article.title,
      publisher: article.publisher,
      url: article.url,
      published: article.published,
      language: article.language,
      addedBy: addition.addedBy,
      addedAt: addition.addedAt.toISOString(),
      via: addition.via,
      note: addition.note?.trim() || null,
      provenance: article.provenance,
    }).filter(([, value]) => value !== null && value !== undefined),
  );
  try {
    await writeFile(temporary, `---\n${stringify(front)}---\n\n${article.text}\n`, { flag: 'wx' });
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return { id: `${ADDED_FOLDER}/${name}`, file };
}

/** A file name from the title: ASCII letters and digits, at most 60 characters, cut at a word. */
export function slug(title: string | null): string {
  const ascii = (title ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  const cut = ascii.length <= 60 ? ascii : ascii.slice(0, 61).replace(/-[^-]*$/, '');
  return /[a-z]/.test(cut) ? cut : 'article';
}

/** Where removed articles go: a hidden folder of the corpus, which the loader does not read. */
export const REMOVED_FOLDER = '.removed';

/** Why an article cannot be removed, in words for the one who asked. */
export type RemoveResult = { ok: true; from: string; to: string } | { ok: false; reason: string };

/**
 * Moves the added article `id` (`added/…`, as the loader names it) to `.removed/` in the corpus
 * folder: never deleted, and back in the corpus by moving it back. Only articles under `added/`
 * are moved: the team's own files are the team's to manage on disk.
 */
export async function removeAdded(corpusDir: string, id: string): Promise<RemoveResult> {
  const parts = id.split('/');
  if (
    parts[0] !== ADDED_FOLDER ||
    parts.length < 2 ||
    parts.some((part) => !part || part === '.' || part === '..' || part.startsWith('.'))
  ) {
    return {
      ok: false,
      reason: `only articles added from the chat (ids starting ${ADDED_FOLDER}/) can be removed here`,
    };
  }
  const from = path.join(corpusDir, `${id}.md`);
  if (!(await stat(from).catch(() => null))?.isFile()) return { ok: false, reason: `there is no added article ${id}` };
  const folder = path.join(corpusDir, REMOVED_FOLDER, ...parts.slice(1, -1));
  await mkdir(folder, { recursive: true });
  const base = parts.at(-1)!;
  // A name already taken in .removed/ (the same article added and removed twice) gets a suffix: nothing is overwritten.
  let to = path.join(folder, `${base}.md`);
  for (let n = 2; await stat(to).catch(() => null); n++) to = path.join(folder, `${base}-${n}.md`);
  await rename(from, to);
  return { ok: true, from, to };
}
