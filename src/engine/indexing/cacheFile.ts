import type { Claim, ClaimSource } from '../../model/claim.js';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../../model/article.js';
import type { PassageNumbers } from '../../model/passageFacts.js';
import type { IndexSnapshot } from '../../search/searchIndex.js';

/**
 * The analysis of every article (passages, tokens, figures) and the index built from them, saved
 * between runs so that a restart reads the index back and re-analyzes only what changed. A file
 * is trusted only if it is whole (its checksum matches) and was written by the same analysis code
 * (a hash of the source); anything else is discarded.
 */

const MAGIC = 'crosscheck-index-cache';
const FORMAT = 3;
/** The header line's length: magic, format, a SHA-256 in hex. The block of words is aligned from the file's start. */
const HEADER_BYTES = Buffer.byteLength(`${MAGIC} ${FORMAT} ${'0'.repeat(64)}\n`);

/** An article's analysis as stored: passages without their article, tokens packed, claims without what the article gives back. */
export interface StoredAnalysis {
  passages: StoredPassage[];
  claims: StoredClaim[];
}

/**
 * A claim as one article states it, stored without its quote (a slice of the article) and what
 * follows from its one source: a tenth of the size, and claims are most of the file. A claim of
 * any other shape is stored whole.
 */
type CompactClaim = [
  figureAt: number,
  value: number,
  low: number | null,
  high: number | null,
  qualifier: Claim['qualifier'],
  wording: string,
  category: Claim['category'],
  item: string | null,
  subject: string,
  scope: string,
  asOf: Claim['asOf'],
  attributedTo: Claim['attributedTo'],
  start: number,
  end: number,
  asOfBasis: ClaimSource['asOfBasis'],
  kind?: ClaimKind,
];
export type StoredClaim = CompactClaim | Claim;

/** What kind of figure a claim is, where it is not a plain count (rate, projection…): stored only when any is set. */
type ClaimKind = Pick<Claim, 'rate' | 'projection' | 'combined' | 'incident' | 'alternative'>;
const KIND_FIELDS = ['rate', 'projection', 'combined', 'incident', 'alternative'] as const;

export function packClaim(claim: Claim, article: Article): StoredClaim {
  const source = claim.sources[0]!;
  const id = `${article.id}@`;
  const compact =
    claim.sources.length === 1 &&
    claim.id.startsWith(id) &&
    /^\d+$/.test(claim.id.slice(id.length)) &&
    source.articleId === article.id &&
    claim.articles.length === 1 &&
    claim.articles[0] === article.id &&
    claim.quote === source.quote &&
    source.quote === article.text.slice(source.start, source.end) &&
    source.wording === claim.wording &&
    source.asOf === claim.asOf &&
    source.attributedTo === claim.attributedTo &&
    claim.attributions.length === (claim.attributedTo ? 1 : 0) &&
    (claim.attributions.length === 0 || claim.attributions[0] === claim.attributedTo) &&
    source.qualifier === claim.qualifier &&
    source.low === claim.low &&
    source.high === claim.high &&
    claim.span === undefined;
  if (!compact) return claim;
  const kind: ClaimKind = {};
  for (const field of KIND_FIELDS) if (claim[field] !== undefined) Object.assign(kind, { [field]: claim[field] });
  const { value, low, high, qualifier, wording, category, item, subject, scope, asOf, attributedTo } = claim;
  const packed: CompactClaim = [
    Number(claim.id.slice(id.length)),
    value,
    low,
    high,
    qualifier,
    wording,
    category,
    item,
    subject,
    scope,
    asOf,
    attributedTo,
    source.start,
    source.end,
    source.asOfBasis,
  ];
  if (Object.keys(kind).length > 0) packed.push(kind);
  return packed;
}

export function unpackClaim(stored: StoredClaim, article: Article): Claim {
  if (!Array.isArray(stored)) return stored;
  const [
    figureAt,
    value,
    low,
    high,
    qualifier,
    wording,
    category,
    item,
    subject,
    scope,
    asOf,
    attributedTo,
    start,
    end,
    asOfBasis,
    kind,
  ] = stored;
  const quote = article.text.slice(start, end);
  return {
    id: `${article.id}@${figureAt}`,
    value,
    low,
    high,
    qualifier,
    wording,
    category,
    item,
    subject,
    scope,
    ...kind,
    asOf,
    attributedTo,
    attributions: attributedTo ? [attributedTo] : [],
    articles: [article.id],
    quote,
    sources: [
      { articleId: article.id, quote, start, end, wording, attributedTo, asOf, asOfBasis, qualifier, low, high },
    ],
  };
}

export interface StoredPassage {
  index: number;
  start: number;
  end: number;
  /** Sentence offsets, flat: start, end, start, end… */
  sentences: number[];
  /** Packed tokens (see search/passages.ts), their stem numbers those of the file's stem table. */
  tokens: Uint32Array;
  numbers: PassageNumbers;
}

/** The built index of a corpus, and which corpus: the article keys in order, hashed. */
export interface StoredIndex {
  layout: string;
  snapshot: IndexSnapshot;
}

export interface CacheContents {
  stems: string[];
  entries: [string, StoredAnalysis][];
  index: StoredIndex | null;
}

/** The JSON part of the file; the numbers (tokens, postings) follow it as one block of 32-bit words. */
interface CacheHead {
  format: number;
  code: string;
  stems: string[];
  /** Per article: its claims, and per passage its figures (the rest of a passage is numbers, in the block). */
  entries: [string, { claims: StoredClaim[]; numbers: CompactNumbers[] }][];
  /** The index snapshot's terms, and the lengths of its arrays in the block (`ids`: when its passage ids have gaps). */
  index: { layout: string; terms: string[]; postings: number; fieldLengths: number; ids?: number } | null;
}

/** Words before each passage's tokens in the block: index, start, end, token words, sentence words; then the sentence offsets. */
const PASSAGE_HEAD = 5;

/**
 * A passage's figures, short: 0 when no sentence has one; else per sentence its exact counts, 1
 * (only vague ones) or 0 (none), and where the counts stand. Any other shape is stored whole.
 */
type CompactNumbers = 0 | [(number[] | 0 | 1)[], number[]] | PassageNumbers;

export function packNumbers(numbers: PassageNumbers): CompactNumbers {
  const { sentences, countTokens } = numbers;
  if (sentences.some((sentence) => sentence.counts.length > 0 && !sentence.hasCount)) return numbers;
  if (countTokens.length === 0 && sentences.every((sentence) => !sentence.hasCount)) return 0;
  return [
    sentences.map((sentence) => (sentence.counts.length > 0 ? sentence.counts : sentence.hasCount ? 1 : 0)),
    countTokens,
  ];
}

export function unpackNumbers(compact: CompactNumbers, sentenceCount: number): PassageNumbers {
  if (compact === 0)
    return {
      sentences: Array.from({ length: sentenceCount }, () => ({ counts: [], hasCount: false })),
      countTokens: [],
    };
  if (!Array.isArray(compact)) return compact;
  const [sentences, countTokens] = compact;
  return {
    sentences: sentences.map((sentence) =>
      Array.isArray(sentence) ? { counts: sentence, hasCount: true } : { counts: [], hasCount: sentence === 1 },
    ),
    countTokens,
  };
}

export type LoadResult = ({ ok: true } & CacheContents) | { ok: false; reason: string };

let codeHash: string | null = null;

/** The folders of src/ whose code decides what an analysis holds. */
const ANALYSIS_FOLDERS = ['model', 'languages', 'text', 'corpus', 'figures', 'search', 'engine'];

/**
 * A hash of the code that analyzes articles. Any change to it (a new rule, a new lexicon word)
 * makes old caches stale, without anyone having to remember to bump a version.
 */
export function analysisCodeVersion(): string {
  if (codeHash) return codeHash;
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const hash = createHash('sha256');
  const addFolder = (dir: string, name: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const relative = `${name}/${entry.name}`;
      if (entry.isDirectory()) addFolder(path.join(dir, entry.name), relative);
      else if (entry.isFile()) hash.update(relative).update(readFileSync(path.join(dir, entry.name)));
    }
  };
  for (const folder of ANALYSIS_FOLDERS) {
    const dir = path.join(root, folder);
    if (existsSync(dir)) addFolder(dir, folder);
  }
  codeHash = hash.digest('hex').slice(0, 16);
  return codeHash;
}

/**
 * Packs analyses and the built index into the cache file's bytes: a header line with a checksum,
 * then the length of a JSON head, the head, and the packed numbers raw. Not compressed: at 100k
 * passages, reading 100 MB is quicker than inflating 20 (the point of the file is a quick start).
 */
export function encodeCache({ stems, entries, index }: CacheContents): Buffer {
  const blocks: Uint32Array[] = [];
  const head: CacheHead = {
    format: FORMAT,
    code: analysisCodeVersion(),
    stems,
    entries: entries.map(([key, analysis]) => [
      key,
      {
        claims: analysis.claims,
        numbers: analysis.passages.map((passage) => {
          blocks.push(
            Uint32Array.of(
              passage.index,
              passage.start,
              passage.end,
              passage.tokens.length,
              passage.sentences.length,
              ...passage.sentences,
            ),
            passage.tokens,
          );
          return packNumbers(passage.numbers);
        }),
      },
    ]),
    index: index && {
      layout: index.layout,
      terms: index.snapshot.terms,
      postings: index.snapshot.postings.length,
      fieldLengths: index.snapshot.fieldLengths.length,
      ids: index.snapshot.ids?.length,
    },
  };
  if (index) blocks.push(index.snapshot.postings, index.snapshot.fieldLengths);
  if (index?.snapshot.ids) blocks.push(index.snapshot.ids);
  const json = Buffer.from(JSON.stringify(head));
  const jsonLength = Buffer.alloc(4);
  jsonLength.writeUInt32LE(json.length);
  const body = Buffer.concat([
    jsonLength,
    json,
    Buffer.alloc(padding(HEADER_BYTES + 4 + json.length)),
    ...blocks.map((block) => Buffer.from(block.buffer, block.byteOffset, block.byteLength)),
  ]);
  const header = Buffer.from(`${MAGIC} ${FORMAT} ${createHash('sha256').update(body).digest('hex')}\n`);
  return Buffer.concat([header, body]);
}

/** Bytes to add after `length` bytes to reach a multiple of 4. */
function padding(length: number): number {
  return (4 - (length % 4)) % 4;
}

export function decodeCache(bytes: Buffer): LoadResult {
  const newline = bytes.indexOf(0x0a);
  const header = bytes.subarray(0, Math.max(0, newline)).toString('utf8').split(' ');
  if (newline < 0 || header[0] !== MAGIC) return { ok: false, reason: 'not a cache file' };
  if (Number(header[1]) !== FORMAT) return { ok: false, reason: `format ${header[1]}, expected ${FORMAT}` };
  const body = bytes.subarray(newline + 1);
  if (createHash('sha256').update(body).digest('hex') !== header[2])
    return { ok: false, reason: 'checksum mismatch (truncated or corrupt)' };
  let head: CacheHead;
  let numbers: Uint32Array;
  try {
    const jsonLength = body.readUInt32LE(0);
    head = JSON.parse(body.subarray(4, 4 + jsonLength).toString('utf8')) as CacheHead;
    if (head.code !== analysisCodeVersion()) return { ok: false, reason: 'written by other analysis code' };
    const start = body.byteOffset + 4 + jsonLength + padding(newline + 1 + 4 + jsonLength);
    const end = body.byteOffset + body.length;
    if (start > end || (end - start) % 4 !== 0) throw new RangeError('the numbers do not end on a word');
    // Read in place when the file's bytes are aligned in memory (a file read whole is), else copied.
    numbers =
      start % 4 === 0
        ? new Uint32Array(body.buffer, start, (end - start) / 4)
        : new Uint32Array(body.buffer.slice(start, end));
  } catch (error) {
    return { ok: false, reason: `unreadable: ${(error as Error).message}` };
  }

  let at = 0;
  const take = (length: number) => {
    if (at + length > numbers.length) throw new RangeError('the numbers end early');
    return numbers.subarray(at, (at += length));
  };
  try {
    const entries = head.entries.map(([key, analysis]): [string, StoredAnalysis] => [
      key,
      {
        claims: analysis.claims,
        passages: analysis.numbers.map((numbers) => {
          const [index, start, end, tokens, sentences] = take(PASSAGE_HEAD);
          const offsets = Array.from(take(sentences!));
          return {
            index: index!,
            start: start!,
            end: end!,
            sentences: offsets,
            tokens: take(tokens!),
            numbers: unpackNumbers(numbers, offsets.length / 2),
          };
        }),
      },
    ]);
    const index = head.index && {
      layout: head.index.layout,
      snapshot: {
        terms: head.index.terms,
        postings: take(head.index.postings),
        fieldLengths: take(head.index.fieldLengths),
        ...(head.index.ids === undefined ? {} : { ids: take(head.index.ids) }),
      },
    };
    if (at !== numbers.length) throw new RangeError('numbers left over');
    return { ok: true, stems: head.stems, entries, index };
  } catch (error) {
    return { ok: false, reason: `unreadable: ${(error as Error).message}` };
  }
}

/** Reads a cache file; a missing, truncated, corrupt or stale one is a reason, never an exception. */
export async function loadCacheFile(file: string): Promise<LoadResult> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    return {
      ok: false,
      reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no cache yet' : (error as Error).message,
    };
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

/** Where the cache of a corpus folder lives: one file per folder, under `dir`. */
export function cacheFileFor(cacheDir: string, corpusDir: string): string {
  const name = createHash('sha1').update(path.resolve(corpusDir)).digest('hex').slice(0, 12);
  return path.join(cacheDir, `index-${name}.cache`);
}
