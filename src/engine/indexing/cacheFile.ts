import type { Claim, ClaimSource } from '../../model/claim.js';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../../model/article.js';
import type { IndexSnapshot } from '../../search/searchIndex.js';
import { type CompactNumbers, packNumbers, unpackNumbers } from '../../search/passages.js';

/**
 * The analysis of every article (passages, tokens, figures) and the index built from them, saved
 * between runs so that a restart reads the index back and re-analyzes only what changed. A file
 * is trusted only if it is whole (its checksum matches) and was written by the same analysis code
 * (a hash of the source); anything else is discarded.
 */

const MAGIC = 'crosscheck-index-cache';
const FORMAT = 5;
/** The header line's length: magic, format, a SHA-256 in hex. The block of words is aligned from the file's start. */
const HEADER_BYTES = Buffer.byteLength(`${MAGIC} ${FORMAT} ${'0'.repeat(64)}\n`);

/** An article's analysis as stored: passages without their article, tokens packed, claims without what the article gives back. */
export interface StoredAnalysis {
  passages: StoredPassage[];
  /** Packed one by one (threads), or rows of the cache file's claim table, read when the article is at hand. */
  claims: StoredClaim[] | ClaimRows;
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
  /** Sentences, tokens and figures packed (see search/passages.ts), the tokens' stem numbers those of the file's stem table. */
  packed: Uint32Array;
  /** Its figures, where they could not be packed. */
  numbers?: CompactNumbers;
}

/** The built index of a corpus, and which corpus: the article keys in order with their passage ids, hashed. */
export interface StoredIndex {
  layout: string;
  /** Per article, in corpus order: the id of its first passage in the index. */
  firstIds: Uint32Array;
  snapshot: IndexSnapshot;
}

export interface CacheContents {
  stems: string[];
  entries: [string, StoredAnalysis][];
  index: StoredIndex | null;
}

/**
 * The JSON part of the file: what is text (stems, the claims' words, article keys, short figures);
 * every number follows it in sections of typed arrays, each at a multiple of 8 bytes, read as views.
 */
interface CacheHead {
  format: number;
  code: string;
  stems: string[];
  /** The words of the claims' table (see {@link ClaimTable}). */
  strings: string[];
  /**
   * Per article: how many passages (their numbers are in the passages' section), the figures of
   * those that could not be packed (by place), how many rows of the claims' table are its claims,
   * and claims stored whole (at their place).
   */
  entries: [
    string,
    { passages: number; numbers?: [number, CompactNumbers][]; claims: number; whole?: [number, Claim][] },
  ][];
  /** The index: each field of its snapshot, and of the stored index besides, a section (typed arrays) or a JSON value. */
  index: { layout: string; snapshot: Fields; fields: Fields } | null;
  /** The sections after the head, in order: the typed array each is read as, and its length in elements. */
  sections: [TypedArrayName, number][];
}

/** Fields of a record as the head holds them: a typed array as the number of its section, anything else as JSON. */
type Fields = Record<string, { section: number } | { json: unknown }>;

/** Sections every file has; the index snapshot's follow. */
const PASSAGES = 0;
const CLAIM_WORDS = 1;
const CLAIM_NUMBERS = 2;

/** Words before each passage's packed numbers in the passages' section: index, start, end, how many words are packed. */
const PASSAGE_HEAD = 4;

const TYPED_ARRAYS = {
  Uint8Array,
  Uint16Array,
  Uint32Array,
  Int32Array,
  Float32Array,
  Float64Array,
};
type TypedArrayName = keyof typeof TYPED_ARRAYS;
type TypedArray = Uint8Array | Uint16Array | Uint32Array | Int32Array | Float32Array | Float64Array;

function typedArrayName(value: unknown): TypedArrayName | null {
  for (const [name, type] of Object.entries(TYPED_ARRAYS)) if (value instanceof type) return name as TypedArrayName;
  return null;
}

/**
 * Claims stored compact, as a table: per claim a row of words (its offsets, and its words as numbers
 * into a table of strings, 0 for none) and of three numbers (value, low, high; NaN for none). Reading
 * a claim back allocates the claim alone: no JSON to parse, no array per claim.
 */
const ROW_WORDS = 17;
const ROW_NUMBERS = 3;

class ClaimTableWriter {
  readonly strings: string[] = [];
  private readonly ids = new Map<string, number>();
  private readonly words: number[] = [];
  private readonly numbers: number[] = [];

  /** Its words, each number 0 for none, else 1 + the string's place in the table. */
  private id(text: string | null | undefined): number {
    if (text === null || text === undefined) return 0;
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.strings.push(text);
      this.ids.set(text, id);
    }
    return id;
  }

  add(claim: CompactClaim): void {
    const [figureAt, value, low, high, qualifier, wording, category, item, subject, scope, asOf, by, start, end] =
      claim;
    const [asOfBasis, kind] = [claim[14], claim[15]];
    let flags = 0;
    KIND_FLAGS.forEach((field, i) => {
      const flag = kind?.[field];
      if (flag !== undefined) flags |= (flag ? 3 : 1) << (i * 2);
    });
    this.words.push(
      figureAt,
      start,
      end,
      this.id(qualifier),
      this.id(wording),
      this.id(category),
      this.id(item),
      this.id(subject),
      this.id(scope),
      this.id(asOf?.date),
      this.id(asOf?.precision),
      this.id(asOf?.time),
      this.id(by?.claimant),
      this.id(by?.channel),
      this.id(asOfBasis),
      flags,
      this.id(kind?.rate),
    );
    this.numbers.push(value, low ?? Number.NaN, high ?? Number.NaN);
  }

  sections(): [Uint32Array, Float64Array] {
    return [Uint32Array.from(this.words), Float64Array.from(this.numbers)];
  }
}

/** The yes/no kinds of a claim, two bits each in a row's flags: set, and its value. */
const KIND_FLAGS = ['projection', 'combined', 'incident', 'alternative'] as const;

export class ClaimTable {
  constructor(
    private readonly strings: readonly string[],
    private readonly words: Uint32Array,
    private readonly numbers: Float64Array,
  ) {
    if (words.length / ROW_WORDS !== numbers.length / ROW_NUMBERS) throw new RangeError('claim rows do not match');
  }

  get rows(): number {
    return this.words.length / ROW_WORDS;
  }

  private text(id: number): string | null {
    if (id === 0) return null;
    const text = this.strings[id - 1];
    if (text === undefined) throw new RangeError('a claim word out of the table');
    return text;
  }

  private number(value: number): number | null {
    return Number.isNaN(value) ? null : value;
  }

  /** Row `row`, as {@link packClaim} packs a claim. */
  packed(row: number): CompactClaim {
    // Read in place (no view, no closure per row): a corpus of 100k articles has half a million claims.
    const { words } = this;
    const w = row * ROW_WORDS;
    const n = row * ROW_NUMBERS;
    const text = (at: number) => this.text(words[w + at]!);
    const date = text(9);
    const claimant = text(12);
    const flags = words[w + 15]!;
    const rate = text(16);
    let kind: ClaimKind | undefined;
    if (flags !== 0 || rate) {
      kind = {};
      for (let i = 0; i < KIND_FLAGS.length; i++) {
        const bits = (flags >>> (i * 2)) & 3;
        if (bits) kind[KIND_FLAGS[i]!] = bits === 3;
      }
      if (rate) kind.rate = rate as ClaimKind['rate'];
    }
    const packed: CompactClaim = [
      words[w]!,
      this.numbers[n]!,
      this.number(this.numbers[n + 1]!),
      this.number(this.numbers[n + 2]!),
      text(3) as Claim['qualifier'],
      text(4)!,
      text(5) as Claim['category'],
      text(6),
      text(7)!,
      text(8)!,
      date === null
        ? null
        : {
            date,
            precision: text(10) as NonNullable<Claim['asOf']>['precision'],
            ...(words[w + 11] ? { time: text(11)! } : {}),
          },
      claimant === null ? null : { claimant, channel: text(13) },
      words[w + 1]!,
      words[w + 2]!,
      text(14) as ClaimSource['asOfBasis'],
    ];
    if (kind) packed.push(kind);
    return packed;
  }
}

/** An article's claims in the cache file: `count` rows of the table from `first`, and those stored whole at their place. */
export class ClaimRows {
  constructor(
    private readonly table: ClaimTable,
    private readonly first: number,
    private readonly count: number,
    private readonly whole: readonly [number, Claim][] = [],
  ) {
    if (first + count > table.rows) throw new RangeError('the claims end early');
  }

  /** As {@link packClaim} packs them, in order. */
  packed(): StoredClaim[] {
    const claims: StoredClaim[] = [];
    let row = this.first;
    for (const [at, claim] of this.whole) {
      while (claims.length < at) claims.push(this.table.packed(row++));
      claims.push(claim);
    }
    while (row < this.first + this.count) claims.push(this.table.packed(row++));
    return claims;
  }

  read(article: Article): Claim[] {
    if (this.whole.length > 0) return this.packed().map((claim) => unpackClaim(claim, article));
    const claims: Claim[] = new Array(this.count);
    for (let i = 0; i < this.count; i++) claims[i] = unpackClaim(this.table.packed(this.first + i), article);
    return claims;
  }
}

export { packNumbers, unpackNumbers };

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
 * then the length of a JSON head, the head, and the sections of numbers raw. Not compressed: at 100k
 * passages, reading 100 MB is quicker than inflating 20 (the point of the file is a quick start).
 */
export function encodeCache({ stems, entries, index }: CacheContents): Buffer {
  const passageBlocks: Uint32Array[] = [];
  const claims = new ClaimTableWriter();
  const head: CacheHead = {
    format: FORMAT,
    code: analysisCodeVersion(),
    stems,
    strings: claims.strings,
    entries: entries.map(([key, analysis]) => {
      const stored = Array.isArray(analysis.claims) ? analysis.claims : analysis.claims.packed();
      const whole: [number, Claim][] = [];
      stored.forEach((claim, at) => {
        if (Array.isArray(claim)) claims.add(claim);
        else whole.push([at, claim]);
      });
      const numbers: [number, CompactNumbers][] = [];
      analysis.passages.forEach((passage, at) => {
        passageBlocks.push(
          Uint32Array.of(passage.index, passage.start, passage.end, passage.packed.length),
          passage.packed,
        );
        if (passage.numbers !== undefined) numbers.push([at, passage.numbers]);
      });
      return [
        key,
        {
          passages: analysis.passages.length,
          ...(numbers.length > 0 ? { numbers } : {}),
          claims: stored.length - whole.length,
          ...(whole.length > 0 ? { whole } : {}),
        },
      ];
    }),
    index: null,
    sections: [],
  };
  // A section is written from one array or from many of one type (the passages': two per passage).
  const [claimWords, claimNumbers] = claims.sections();
  const sections: [TypedArrayName, TypedArray[]][] = [
    ['Uint32Array', passageBlocks],
    ['Uint32Array', [claimWords]],
    ['Float64Array', [claimNumbers]],
  ];
  // Every typed array of the index is a section, whatever its name: an index that gains one needs no change here.
  const fields = (record: object): Fields => {
    const out: Fields = {};
    for (const [field, value] of Object.entries(record)) {
      const type = typedArrayName(value);
      out[field] = type ? { section: sections.push([type, [value as TypedArray]]) - 1 } : { json: value };
    }
    return out;
  };
  if (index) {
    const { layout, snapshot, ...rest } = index;
    head.index = { layout, snapshot: fields(snapshot), fields: fields(rest) };
  }
  head.sections = sections.map(([type, blocks]) => [type, blocks.reduce((sum, block) => sum + block.length, 0)]);
  const json = Buffer.from(JSON.stringify(head));
  const jsonLength = Buffer.alloc(4);
  jsonLength.writeUInt32LE(json.length);
  const parts: Buffer[] = [jsonLength, json];
  let length = HEADER_BYTES + 4 + json.length;
  for (const [, blocks] of sections) {
    parts.push(Buffer.alloc(padding(length)));
    length += padding(length);
    for (const block of blocks) {
      parts.push(Buffer.from(block.buffer, block.byteOffset, block.byteLength));
      length += block.byteLength;
    }
  }
  const checksum = createHash('sha256');
  for (const part of parts) checksum.update(part);
  return Buffer.concat([Buffer.from(`${MAGIC} ${FORMAT} ${checksum.digest('hex')}\n`), ...parts]);
}

/** Bytes to add after `length` bytes to reach a multiple of 8: where a section may start (a Float64Array's alignment). */
function padding(length: number): number {
  return (8 - (length % 8)) % 8;
}

/**
 * Reads a cache file's bytes in place: the numbers are views into `bytes` (copied only if the
 * buffer is not aligned in memory), and nothing is made of an article's analysis but its passages'
 * few numbers until the article is met (see {@link ClaimRows}).
 */
export function decodeCache(bytes: Buffer): LoadResult {
  const newline = bytes.indexOf(0x0a);
  const header = bytes.subarray(0, Math.max(0, newline)).toString('utf8').split(' ');
  if (newline < 0 || header[0] !== MAGIC) return { ok: false, reason: 'not a cache file' };
  if (Number(header[1]) !== FORMAT) return { ok: false, reason: `format ${header[1]}, expected ${FORMAT}` };
  const body = bytes.subarray(newline + 1);
  if (createHash('sha256').update(body).digest('hex') !== header[2])
    return { ok: false, reason: 'checksum mismatch (truncated or corrupt)' };
  try {
    const jsonLength = body.readUInt32LE(0);
    const head = JSON.parse(body.subarray(4, 4 + jsonLength).toString('utf8')) as CacheHead;
    if (head.code !== analysisCodeVersion()) return { ok: false, reason: 'written by other analysis code' };
    // Where the sections lie, as offsets into the file, then as views.
    let at = newline + 1 + 4 + jsonLength;
    const sections = head.sections.map(([name, length]) => {
      const type = TYPED_ARRAYS[name] as new (
        ...args: [ArrayBufferLike, number, number] | [ArrayBufferLike]
      ) => TypedArray & { BYTES_PER_ELEMENT: number };
      const bytesPer = TYPED_ARRAYS[name]?.BYTES_PER_ELEMENT;
      if (!bytesPer) throw new RangeError(`a section of unknown type ${name}`);
      at += padding(at);
      const start = at;
      at += length * bytesPer;
      if (at > bytes.length) throw new RangeError('the sections end early');
      const offset = bytes.byteOffset + start;
      // In place when the bytes are aligned in memory (a file read whole is), else copied.
      return offset % bytesPer === 0
        ? new type(bytes.buffer, offset, length)
        : new type(bytes.buffer.slice(offset, offset + length * bytesPer));
    });
    if (at !== bytes.length) throw new RangeError('bytes left over');
    const section = <T extends TypedArray>(n: number, type: new (...args: never[]) => T): T => {
      const found = sections[n];
      if (!(found instanceof type)) throw new RangeError(`section ${n} missing or of another type`);
      return found;
    };
    const passages = section(PASSAGES, Uint32Array);
    const table = new ClaimTable(head.strings, section(CLAIM_WORDS, Uint32Array), section(CLAIM_NUMBERS, Float64Array));
    let word = 0;
    let row = 0;
    const entries = head.entries.map(([key, { passages: count, numbers, claims, whole }]): [string, StoredAnalysis] => {
      const stored = Array.from({ length: count }, (): StoredPassage => {
        if (word + PASSAGE_HEAD > passages.length) throw new RangeError('the passages end early');
        const [index, start, end, length] = passages.subarray(word, (word += PASSAGE_HEAD));
        if (word + length! > passages.length) throw new RangeError('the passages end early');
        return { index: index!, start: start!, end: end!, packed: passages.subarray(word, (word += length!)) };
      });
      for (const [at, figures] of numbers ?? []) stored[at]!.numbers = figures;
      return [key, { passages: stored, claims: new ClaimRows(table, (row += claims) - claims, claims, whole) }];
    });
    if (word !== passages.length || row !== table.rows) throw new RangeError('numbers left over');
    const fields = (stored: Fields): Record<string, unknown> => {
      const record: Record<string, unknown> = {};
      for (const [field, value] of Object.entries(stored)) {
        if ('json' in value) record[field] = value.json;
        else if (sections[value.section]) record[field] = sections[value.section];
        else throw new RangeError(`no section ${value.section}`);
      }
      return record;
    };
    let index: StoredIndex | null = null;
    if (head.index) {
      const { firstIds } = fields(head.index.fields);
      if (!(firstIds instanceof Uint32Array)) throw new RangeError("the index's passage ids are missing");
      index = {
        layout: head.index.layout,
        firstIds,
        snapshot: fields(head.index.snapshot) as unknown as IndexSnapshot,
      };
    }
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
