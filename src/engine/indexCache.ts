import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { Claim } from '../figures/claims.js';
import { conceptsOf, isStopWord, type Token } from '../text/analyze.js';
import type { AnalyzedLanguage } from '../text/language.js';
import type { PassageNumbers } from './facts.js';

/**
 * The analysis of every article (passages, tokens, figures), saved between runs so that a restart
 * re-analyzes only what changed. A file is trusted only if it is whole (its checksum matches) and
 * was written by the same analysis code (a hash of the source); anything else is discarded.
 */

const MAGIC = 'crosscheck-index-cache';
const FORMAT = 1;

/** An article's analysis as stored: passages without their article, tokens packed. */
export interface StoredAnalysis {
  passages: StoredPassage[];
  claims: Claim[];
}

export interface StoredPassage {
  index: number;
  start: number;
  end: number;
  language: AnalyzedLanguage | null;
  /** Sentence offsets, flat: start, end, start, end… */
  sentences: number[];
  /** Per token: offset from the passage start, length, index of its stem in the file's stem table. */
  tokens: number[];
  numbers: PassageNumbers;
}

interface CacheFile {
  format: number;
  code: string;
  stems: string[];
  entries: [string, StoredAnalysis][];
}

export type LoadResult = { ok: true; entries: Map<string, StoredAnalysis>; stems: string[] } | { ok: false; reason: string };

let codeHash: string | null = null;

/**
 * A hash of the code that analyzes articles. Any change to it (a new rule, a new lexicon word)
 * makes old caches stale, without anyone having to remember to bump a version.
 */
export function analysisCodeVersion(): string {
  if (codeHash) return codeHash;
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const hash = createHash('sha256');
  for (const folder of ['corpus', 'text', 'lexicon', 'figures', 'search', 'engine']) {
    const dir = path.join(root, folder);
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.isFile()) hash.update(entry.name).update(readFileSync(path.join(dir, entry.name)));
    }
  }
  codeHash = hash.digest('hex').slice(0, 16);
  return codeHash;
}

/** Packs analyses into the cache file's bytes: a header line with a checksum, then gzipped JSON. */
export function encodeCache(entries: Iterable<[string, StoredAnalysis]>, stems: string[]): Buffer {
  const file: CacheFile = { format: FORMAT, code: analysisCodeVersion(), stems, entries: [...entries] };
  const body = gzipSync(JSON.stringify(file), { level: 1 });
  const header = Buffer.from(`${MAGIC} ${FORMAT} ${createHash('sha256').update(body).digest('hex')}\n`);
  return Buffer.concat([header, body]);
}

export function decodeCache(bytes: Buffer): LoadResult {
  const newline = bytes.indexOf(0x0a);
  const header = bytes.subarray(0, Math.max(0, newline)).toString('utf8').split(' ');
  if (newline < 0 || header[0] !== MAGIC) return { ok: false, reason: 'not a cache file' };
  if (Number(header[1]) !== FORMAT) return { ok: false, reason: `format ${header[1]}, expected ${FORMAT}` };
  const body = bytes.subarray(newline + 1);
  if (createHash('sha256').update(body).digest('hex') !== header[2]) return { ok: false, reason: 'checksum mismatch (truncated or corrupt)' };
  let file: CacheFile;
  try {
    file = JSON.parse(gunzipSync(body).toString('utf8')) as CacheFile;
  } catch (error) {
    return { ok: false, reason: `unreadable: ${(error as Error).message}` };
  }
  if (file.code !== analysisCodeVersion()) return { ok: false, reason: 'written by other analysis code' };
  return { ok: true, entries: new Map(file.entries), stems: file.stems };
}

/** Reads a cache file; a missing, truncated, corrupt or stale one is a reason, never an exception. */
export async function loadCacheFile(file: string): Promise<LoadResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return { ok: false, reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no cache yet' : (error as Error).message };
  }
  return decodeCache(bytes);
}

/** Writes a cache file whole or not at all: to a temporary name, then renamed over the old one. */
export async function saveCacheFile(file: string, bytes: Buffer): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, bytes);
  await rename(temporary, file);
}

/** Packs one passage's tokens against a shared stem table. */
export function packTokens(tokens: readonly Token[], passageStart: number, stemIndex: (stem: string) => number): number[] {
  const packed: number[] = [];
  for (const token of tokens) packed.push(token.start - passageStart, token.end - token.start, stemIndex(token.stem));
  return packed;
}

/** Unpacks tokens: concepts and stop words follow from the stem, the text and the language. */
export function unpackTokens(packed: readonly number[], stems: readonly string[], text: string, passageStart: number, language: AnalyzedLanguage | null): Token[] {
  const tokens: Token[] = [];
  for (let i = 0; i < packed.length; i += 3) {
    const start = passageStart + packed[i]!;
    const end = start + packed[i + 1]!;
    const stem = stems[packed[i + 2]!]!;
    tokens.push({ start, end, stem, concepts: conceptsOf(stem, language), stopWord: isStopWord(text.slice(start, end), language) });
  }
  return tokens;
}

/** Where the cache of a corpus folder lives: one file per folder, under `dir`. */
export function cacheFileFor(cacheDir: string, corpusDir: string): string {
  const name = createHash('sha1').update(path.resolve(corpusDir)).digest('hex').slice(0, 12);
  return path.join(cacheDir, `index-${name}.cache`);
}
