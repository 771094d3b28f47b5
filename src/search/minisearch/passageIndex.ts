import type { Article } from '../../model/article.js';
import { CONCEPT_TERM_PREFIX, conceptsOf, indexTerms, tokenize } from '../../text/analyze.js';
import { analyzerLanguage, type AnalyzedLanguage } from '../../text/language.js';
import { PACKED_TOKEN_WIDTH, stemTable, type PackedPassage } from '../passages.js';
import type {
  Hit,
  IndexBuilder,
  IndexChange,
  IndexSnapshot,
  SearchIndex,
  SearchIndexFactory,
  TermChoice,
} from '../searchIndex.js';
import {
  kthLargest,
  locate,
  lowerBound,
  positionOf,
  RECORD_HEAD,
  recordWords,
  TermDictionary,
  TermRecords,
} from './postings.js';

/** The fields of a passage, in the order of their field lengths: its article's title, its own text. */
const FIELDS = 2;
const TITLE = 0;
const TEXT = 1;

/**
 * Passages are already cut to a few sentences, so length says little about relevance: a weaker
 * length normalisation than BM25's usual 0.75 keeps a long, precise sentence from losing to a headline.
 */
const BM25 = { k: 1.2, b: 0.3 };
/** How much a word in the title counts against one in the passage: the title is shared by every passage of its article. */
const TITLE_BOOST = 0.4;
/** What a near miss is worth against the exact word, as in MiniSearch's defaults. */
export const FUZZY_WEIGHT = 0.45;
export const PREFIX_WEIGHT = 0.375;
/** A word found in at most this many passages is read in full; a commoner one only through its best passages. */
const RARE_POSTINGS = 2000;
/** How many of its best passages a common term contributes: enough for any answer, few enough to score in a millisecond. */
const TOP_PER_COMMON_TERM = 400;
/** How many hits `find` returns, best first: the answer is made from these. */
const MAX_HITS = 200;
/** Expansions of a misspelt or unfinished word, at most, the commonest first. */
const MAX_EXPANSIONS = 12;
/** Passages read to find how a stem is usually written. */
const SURFACE_SAMPLE = 200;
/** Expansions of typed words kept per index version: a typo lookup in the term tree is a fifth of a question's time. */
const EXPANSIONS_KEPT = 2000;
/** Work of an update between two pauses that let the event loop through. */
const SLICE_MS = 20;

/** The best passages a term with `textCount` text passages keeps in its record (none: all of them are its best). */
function bestCount(textCount: number): number {
  return textCount > TOP_PER_COMMON_TERM ? TOP_PER_COMMON_TERM : 0;
}

function bm25(tf: number, fieldLength: number, averageLength: number): number {
  const length = fieldLength / averageLength;
  return (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + BM25.b * length));
}

/** Field lengths by passage id (title, text), of an index and of the indexes updated from it: only ever appended to. */
class FieldLengths {
  constructor(
    public array: Uint32Array,
    /** Words written: every version made from this store reads below its own `nextId`, never past it. */
    public used: number,
  ) {}

  /** Room for `words` words, in a larger array if need be (versions before keep the one they read). */
  grow(words: number): void {
    if (words > this.array.length) {
      const larger = new Uint32Array(Math.max(words, Math.ceil(this.array.length * 1.5)));
      larger.set(this.array.subarray(0, this.used));
      this.array = larger;
    }
    this.used = words;
  }
}

/** The term numbers of a passage's title and text, with how often each occurs. */
class TermCounter {
  private readonly numbersOfStem = new Map<AnalyzedLanguage | null, (number[] | undefined)[]>();
  private lastArticle: Article | null = null;
  private lastTitle = new Map<number, number>();

  constructor(private readonly numberOf: (term: string) => number) {}

  title(article: Article): Map<number, number> {
    if (article !== this.lastArticle) {
      const language = analyzerLanguage(article.language);
      const counts = new Map<number, number>();
      for (const token of tokenize(article.title, language))
        if (!token.stopWord)
          for (const term of indexTerms(token)) {
            const number = this.numberOf(term);
            counts.set(number, (counts.get(number) ?? 0) + 1);
          }
      this.lastArticle = article;
      this.lastTitle = counts;
    }
    return this.lastTitle;
  }

  text(passage: PackedPassage): Map<number, number> {
    const counts = new Map<number, number>();
    const packed = passage.packedTokens;
    for (let i = 0; i < packed.length; i += PACKED_TOKEN_WIDTH) {
      if (packed[i + 1]! & 1) continue; // a stop word
      for (const number of this.stemNumbers(packed[i + 2]!, passage.language))
        counts.set(number, (counts.get(number) ?? 0) + 1);
    }
    return counts;
  }

  /** A stem's index terms (itself and its concepts), numbered. */
  private stemNumbers(stemId: number, language: AnalyzedLanguage | null): number[] {
    let table = this.numbersOfStem.get(language);
    if (!table) this.numbersOfStem.set(language, (table = []));
    let numbers = table[stemId];
    if (!numbers) {
      const stem = stemTable.stem(stemId);
      const terms = [stem, ...conceptsOf(stem, language).map((id) => CONCEPT_TERM_PREFIX + id)];
      numbers = table[stemId] = terms.map(this.numberOf);
    }
    return numbers;
  }
}

/** A field's length as MiniSearch counts it: its distinct words, where an empty field is one empty word. */
function fieldLength(counts: Map<number, number>): number {
  return Math.max(1, counts.size);
}

/** Postings met while building, three words each (term × 2 + field, passage id, term frequency), in chunks. */
class PostingStream {
  private static readonly CHUNK = 3 << 20;
  readonly chunks: Uint32Array[] = [];
  private current = new Uint32Array(0);
  private at = 0;

  push(key: number, id: number, tf: number): void {
    if (this.at === this.current.length) {
      if (this.current.length > 0) this.chunks.push(this.current);
      this.current = new Uint32Array(PostingStream.CHUNK);
      this.at = 0;
    }
    this.current[this.at++] = key;
    this.current[this.at++] = id;
    this.current[this.at++] = tf;
  }

  *[Symbol.iterator](): Generator<Uint32Array> {
    yield* this.chunks;
    yield this.current.subarray(0, this.at);
  }
}

/** Scratch arrays for choosing a term's best passages, grown as needed. */
let scoresScratch = new Float64Array(1024);
let selectScratch = new Float64Array(1024);

/**
 * Writes the best passages of the term whose record starts at `at` into its record: its top
 * {@link TOP_PER_COMMON_TERM} text passages by its own BM25 score (ties: the lower id), chosen by
 * selection rather than by sorting every passage.
 */
function chooseBest(arena: Uint32Array, at: number, lengths: Uint32Array, averages: readonly number[]): void {
  const titleCount = arena[at]!;
  const textCount = arena[at + 1]!;
  const count = arena[at + 2]!;
  if (count === 0) return;
  const titleIds = at + RECORD_HEAD;
  const textIds = titleIds + 2 * titleCount;
  const best = textIds + 2 * textCount;
  if (scoresScratch.length < textCount) {
    scoresScratch = new Float64Array(textCount * 2);
    selectScratch = new Float64Array(textCount * 2);
  }
  const scores = scoresScratch;
  let title = 0;
  for (let i = 0; i < textCount; i++) {
    const id = arena[textIds + i]!;
    while (title < titleCount && arena[titleIds + title]! < id) title++;
    const titleTf = title < titleCount && arena[titleIds + title] === id ? arena[titleIds + titleCount + title]! : 0;
    scores[i] =
      bm25(arena[textIds + textCount + i]!, lengths[id * FIELDS + TEXT]!, averages[TEXT]!) +
      TITLE_BOOST * bm25(titleTf, lengths[id * FIELDS + TITLE]!, averages[TITLE]!);
  }
  selectScratch.set(scores.subarray(0, textCount));
  const threshold = kthLargest(selectScratch, textCount, count);
  let ties = count;
  for (let i = 0; i < textCount; i++) if (scores[i]! > threshold) ties--;
  let write = best;
  for (let i = 0; i < textCount; i++)
    if (scores[i]! > threshold || (scores[i] === threshold && ties-- > 0)) arena[write++] = arena[textIds + i]!;
}

/** How a question word's term is read: where its postings are, and what a match on it weighs. */
interface Choice {
  term: string;
  /** The term's weight times its idf. */
  weight: number;
  arena: Uint32Array;
  titleIds: number;
  titleCount: number;
  textIds: number;
  textCount: number;
  best: number;
  bestCount: number;
}

const NO_POSTINGS = new Uint32Array(0);

/** What an update did, counted: it is proportional to the change, not to the index. */
export interface UpdateWork {
  /** Passages whose terms were read: those removed and those added. */
  passages: number;
  /** Terms whose postings were rewritten (or dropped) for the new version; the others are shared with the old one. */
  terms: number;
  /** Postings (passage, term frequency) written into the rewritten terms' records. */
  postings: number;
  /** Whether the records were compacted into one arena (when older versions' records outweighed the live ones). */
  compacted: boolean;
}

interface IndexParts {
  passages: readonly PackedPassage[];
  byId: readonly (PackedPassage | undefined)[];
  nextId: number;
  dictionary: TermDictionary;
  records: TermRecords;
  lengthStore: FieldLengths;
  totals: readonly number[];
  work?: UpdateWork;
}

interface PassageIndexBuilder extends IndexBuilder {
  finish(passages: readonly PackedPassage[]): PassageIndex;
}

/** A snapshot read back, waiting for its passages (see {@link PassageIndex.readSnapshot}). */
export interface ReadSnapshot {
  readonly parts: Omit<IndexParts, 'passages' | 'byId'>;
  readonly ids: Uint32Array | undefined;
}

/**
 * The search index over passages. Articles are analyzed by our own analyzer (language-aware stems,
 * concept terms); the terms are numbered in MiniSearch's radix tree (for typos and prefixes), and
 * each term's postings are held in typed arrays: per field, ascending passage ids and their term
 * frequencies, and for a common term its best passages, chosen when the term's postings are
 * written. Queries are scored with BM25, reading a rare word's passages in full and a common
 * word's only through its best passages. A version never changes: an update makes a new one that
 * shares what the change did not touch.
 */
export class PassageIndex implements SearchIndex {
  readonly passages: readonly PackedPassage[];
  readonly nextId: number;
  /** What the update that made this version did (none for a built or read index). */
  readonly work: UpdateWork | undefined;
  private readonly byId: readonly (PackedPassage | undefined)[];
  private readonly dictionary: TermDictionary;
  private readonly records: TermRecords;
  private readonly lengthStore: FieldLengths;
  /** Per passage id: distinct terms of its title and of its text, for BM25's length normalisation. */
  private readonly lengths: Uint32Array;
  private readonly totals: readonly number[];
  private readonly averages: readonly number[];
  private readonly surfaceForms = new Map<string, string | null>();
  private readonly expansions = new Map<string, TermChoice[]>();
  private readonly nearby = new Map<string, [string, number][]>();

  private constructor(parts: IndexParts) {
    this.passages = parts.passages;
    this.byId = parts.byId;
    this.nextId = parts.nextId;
    this.dictionary = parts.dictionary;
    this.records = parts.records;
    this.lengthStore = parts.lengthStore;
    this.lengths = parts.lengthStore.array;
    this.totals = parts.totals;
    this.work = parts.work;
    const count = parts.passages.length;
    this.averages = parts.totals.map((total) => (count > 0 ? total / count : 0) || 1);
  }

  /**
   * Indexes passages one by one, in order (numbered 0, 1, 2…), from their packed tokens: a corpus
   * can be indexed while later articles are still being analyzed.
   */
  static builder(): PassageIndexBuilder {
    const numbers = new Map<string, number>();
    const terms: string[] = [];
    const counter = new TermCounter((term) => {
      let number = numbers.get(term);
      if (number === undefined) {
        number = terms.push(term) - 1;
        numbers.set(term, number);
      }
      return number;
    });
    const stream = new PostingStream();
    let lengths = new Uint32Array(1024);
    let count = 0;
    return {
      add(passage: PackedPassage): void {
        if (passage.id !== count)
          throw new Error(`passage ${passage.id} added as passage ${count}: passages must be added in order`);
        const title = counter.title(passage.article);
        const text = counter.text(passage);
        for (const [number, tf] of title) stream.push(number * FIELDS + TITLE, count, tf);
        for (const [number, tf] of text) stream.push(number * FIELDS + TEXT, count, tf);
        if ((count + 1) * FIELDS > lengths.length) {
          const larger = new Uint32Array(lengths.length * 2);
          larger.set(lengths);
          lengths = larger;
        }
        lengths[count * FIELDS + TITLE] = fieldLength(title);
        lengths[count * FIELDS + TEXT] = fieldLength(text);
        count++;
      },
      finish(passages: readonly PackedPassage[]): PassageIndex {
        if (passages.length !== count) throw new Error(`${passages.length} passages, ${count} indexed`);
        numbers.clear();
        const lengthStore = new FieldLengths(lengths.slice(0, count * FIELDS), count * FIELDS);
        const totals = sumLengths(lengthStore.array);
        const averages = totals.map((total) => (count > 0 ? total / count : 0) || 1);
        // Terms renumbered in code-unit order, so that a snapshot's term tree is built in one pass.
        const order = terms.map((_, number) => number).sort((a, b) => byTerm(terms[a]!, terms[b]!));
        const renumbered = new Uint32Array(terms.length);
        order.forEach((number, rank) => {
          renumbered[number] = rank;
        });
        const sortedTerms = order.map((number) => terms[number]!);
        const keyOf = (key: number) => renumbered[key >>> 1]! * FIELDS + (key & 1);
        // Each term's record laid out in term order: its size from its postings counted per field.
        const counts = new Uint32Array(terms.length * FIELDS);
        for (const chunk of stream) for (let i = 0; i < chunk.length; i += 3) counts[keyOf(chunk[i]!)]!++;
        const offsets = new Uint32Array(terms.length);
        let size = 0;
        for (let term = 0; term < terms.length; term++) {
          offsets[term] = size;
          const textCount = counts[term * FIELDS + TEXT]!;
          size += recordWords(counts[term * FIELDS + TITLE]!, textCount, bestCount(textCount));
        }
        const arena = new Uint32Array(size);
        for (let term = 0; term < terms.length; term++) {
          const at = offsets[term]!;
          arena[at] = counts[term * FIELDS + TITLE]!;
          arena[at + 1] = counts[term * FIELDS + TEXT]!;
          arena[at + 2] = bestCount(arena[at + 1]!);
        }
        // Passages were added in id order, so each term's ids arrive ascending.
        const filled = new Uint32Array(terms.length * FIELDS);
        for (const chunk of stream)
          for (let i = 0; i < chunk.length; i += 3) {
            const key = keyOf(chunk[i]!);
            const term = key >>> 1;
            const at = offsets[term]!;
            const start = at + RECORD_HEAD + (key & 1 ? 2 * arena[at]! : 0);
            const fieldCount = counts[key]!;
            const position = filled[key]!++;
            arena[start + position] = chunk[i + 1]!;
            arena[start + fieldCount + position] = chunk[i + 2]!;
          }
        for (let term = 0; term < terms.length; term++) chooseBest(arena, offsets[term]!, lengthStore.array, averages);
        return new PassageIndex({
          passages,
          byId: passages,
          nextId: count,
          dictionary: new TermDictionary(sortedTerms),
          records: new TermRecords([NO_POSTINGS, arena], new Uint8Array(terms.length).fill(1), offsets, size),
          lengthStore,
          totals,
        });
      },
    };
  }

  /** Indexes passages numbered 0…n-1, at once. */
  static build(passages: readonly PackedPassage[]): PassageIndex {
    const builder = PassageIndex.builder();
    for (const passage of passages) builder.add(passage);
    return builder.finish(passages);
  }

  /**
   * A snapshot read back before the passages it indexes are at hand: a start reads it while the
   * corpus files are still being read. Its arrays are used as they are (views into the cache file
   * can back them); only the term tree is built. Throws if the snapshot is damaged.
   */
  static readSnapshot(snapshot: IndexSnapshot): ReadSnapshot {
    const { terms, postings, fieldLengths, ids } = snapshot;
    if (fieldLengths.length % FIELDS !== 0 || (ids && ids.length * FIELDS !== fieldLengths.length))
      throw new Error('index snapshot is damaged');
    const records = TermRecords.ofArena(postings, terms.length);
    let lengths = fieldLengths;
    let nextId = fieldLengths.length / FIELDS;
    if (ids) {
      nextId = ids.length > 0 ? ids[ids.length - 1]! + 1 : 0;
      lengths = new Uint32Array(nextId * FIELDS);
      for (let i = 0; i < ids.length; i++) {
        if (i > 0 && ids[i]! <= ids[i - 1]!) throw new Error('index snapshot is damaged');
        lengths[ids[i]! * FIELDS + TITLE] = fieldLengths[i * FIELDS + TITLE]!;
        lengths[ids[i]! * FIELDS + TEXT] = fieldLengths[i * FIELDS + TEXT]!;
      }
    }
    return {
      parts: {
        nextId,
        dictionary: new TermDictionary(terms),
        records,
        lengthStore: new FieldLengths(lengths, lengths.length),
        totals: sumLengths(fieldLengths),
      },
      ids,
    };
  }

  /** The index of a snapshot (read with {@link readSnapshot}) taken from an index of the same passages. */
  static restore(passages: readonly PackedPassage[], read: ReadSnapshot): PassageIndex {
    const { parts, ids } = read;
    const fits = ids
      ? passages.length === ids.length && passages.every((passage, i) => passage.id === ids[i])
      : passages.length === parts.nextId && passages.every((passage, i) => passage.id === i);
    if (!fits) throw new Error('index snapshot is of other passages');
    return new PassageIndex({ ...parts, passages, byId: ids ? byIdOf(passages, parts.nextId) : passages });
  }

  /** What {@link restore} reads back: the live terms in code-unit order, and their records end to end in that order. */
  snapshot(): IndexSnapshot {
    const { records } = this;
    const list = this.dictionary.list;
    const live: number[] = [];
    for (let number = 0; number < records.termCount; number++) if (records.has(number)) live.push(number);
    const single = records.arenas.length === 2 && records.liveWords === records.arenas[1]!.length;
    const inOrder = single && live.every((number, i) => i === 0 || list[live[i - 1]!]! < list[number]!);
    if (!inOrder) live.sort((a, b) => byTerm(list[a]!, list[b]!));
    const terms = live.map((number) => list[number]!);
    let postings: Uint32Array;
    if (inOrder) postings = records.arenas[1]!;
    else {
      postings = new Uint32Array(records.liveWords);
      let at = 0;
      for (const term of live) {
        const arena = records.arena(term);
        const from = records.offset(term);
        const words = recordWords(arena[from]!, arena[from + 1]!, arena[from + 2]!);
        postings.set(arena.subarray(from, from + words), at);
        at += words;
      }
    }
    if (this.dense) return { terms, postings, fieldLengths: this.lengths.subarray(0, this.nextId * FIELDS) };
    const fieldLengths = new Uint32Array(this.size * FIELDS);
    const ids = new Uint32Array(this.size);
    this.passages.forEach((passage, i) => {
      ids[i] = passage.id;
      fieldLengths[i * FIELDS + TITLE] = this.lengths[passage.id * FIELDS + TITLE]!;
      fieldLengths[i * FIELDS + TEXT] = this.lengths[passage.id * FIELDS + TEXT]!;
    });
    return { terms, postings, fieldLengths, ids };
  }

  /** Whether the ids are 0…n-1, without gaps. */
  private get dense(): boolean {
    return this.passages.length === this.nextId;
  }

  get size(): number {
    return this.passages.length;
  }

  passage(id: number): PackedPassage | undefined {
    return this.byId[id];
  }

  /** A term's number, if this version holds postings for it. */
  private numberOf(term: string): number | undefined {
    const number = this.dictionary.number(term);
    return number !== undefined && this.records.has(number) ? number : undefined;
  }

  /** In how many passages' text a term occurs. */
  frequency(term: string): number {
    const number = this.numberOf(term);
    return number === undefined ? 0 : this.records.arena(number)[this.records.offset(number) + 1]!;
  }

  /** A term's postings, field by field, as (passage id, term frequency) pairs: what MiniSearch would hold. */
  postingsOf(term: string): { title: [number, number][]; text: [number, number][] } {
    const choice = this.choice(term, 1);
    const pairs = (ids: number, count: number) =>
      Array.from({ length: count }, (_, i): [number, number] => [
        choice.arena[ids + i]!,
        choice.arena[ids + count + i]!,
      ]);
    return { title: pairs(choice.titleIds, choice.titleCount), text: pairs(choice.textIds, choice.textCount) };
  }

  /** Per passage id, its field lengths (title, text), and their averages: what BM25 normalises by. */
  fieldLengthsOf(id: number): [number, number] {
    return [this.lengths[id * FIELDS + TITLE]!, this.lengths[id * FIELDS + TEXT]!];
  }

  /** The commonest way a stem is written in the corpus, to show a person ("killed" for "kill"). */
  surfaceOf(stem: string): string | null {
    if (this.surfaceForms.has(stem)) return this.surfaceForms.get(stem)!;
    // Read from a sample of the passages that have it: enough to find the usual spelling.
    const { arena, textIds, textCount } = this.choice(stem, 1);
    const forms = new Map<string, number>();
    for (let i = 0; i < Math.min(textCount, SURFACE_SAMPLE); i++) {
      const passage = this.byId[arena[textIds + i]!]!;
      for (const token of passage.tokens) {
        if (token.stem !== stem || token.stopWord) continue;
        const surface = passage.article.text.slice(token.start, token.end).toLowerCase();
        forms.set(surface, (forms.get(surface) ?? 0) + 1);
      }
    }
    const best = [...forms].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
    this.surfaceForms.set(stem, best);
    return best;
  }

  /**
   * Index terms (of this version) within `distance` edits of a term, with their distance; kept for
   * the words asked lately (a question's unknown word is looked up for its expansion and for suggestions).
   */
  private near(term: string, distance: number): [string, number][] {
    const key = `${distance} ${term}`;
    let found = this.nearby.get(key);
    if (found) this.nearby.delete(key);
    else {
      found = [];
      for (const [near, [number, edits]] of this.dictionary.tree.fuzzyGet(term, distance))
        if (this.records.has(number)) found.push([near, edits]);
      if (this.nearby.size >= EXPANSIONS_KEPT) this.nearby.delete(this.nearby.keys().next().value!);
    }
    this.nearby.set(key, found);
    return found;
  }

  /** Index terms (of this version) that start with a prefix. */
  private startingWith(prefix: string): string[] {
    const found: string[] = [];
    for (const [term, number] of this.dictionary.tree.atPrefix(prefix)) if (this.records.has(number)) found.push(term);
    return found;
  }

  /**
   * The terms a typed word may stand for: itself, words within `typos` edits (a misspelling), and,
   * for an unfinished last word, words it begins; near misses weigh less than the word itself.
   * Kept for the words asked lately.
   */
  expand(stem: string, typos: number, prefix: boolean): TermChoice[] {
    const key = `${typos}${prefix ? '+' : ' '}${stem}`;
    let choices = this.expansions.get(key);
    if (choices) this.expansions.delete(key);
    else {
      choices = this.expanded(stem, typos, prefix);
      if (this.expansions.size >= EXPANSIONS_KEPT) this.expansions.delete(this.expansions.keys().next().value!);
    }
    this.expansions.set(key, choices);
    return choices.map((choice) => ({ ...choice }));
  }

  private expanded(stem: string, typos: number, prefix: boolean): TermChoice[] {
    const choices = new Map<string, number>([[stem, 1]]);
    if (typos > 0)
      for (const [term, edits] of this.near(stem, typos))
        if (edits > 0)
          choices.set(term, Math.max(choices.get(term) ?? 0, FUZZY_WEIGHT * (1 - edits / (stem.length + 1))));
    if (prefix)
      for (const term of this.startingWith(stem))
        if (term !== stem) choices.set(term, Math.max(choices.get(term) ?? 0, PREFIX_WEIGHT));
    // Each term's frequency read once, not at every comparison of the sort.
    return [...choices]
      .filter(([term]) => !term.startsWith(CONCEPT_TERM_PREFIX))
      .map(([term, weight]) => ({
        term,
        weight,
        frequency: term === stem ? Number.POSITIVE_INFINITY : this.frequency(term),
      }))
      .sort((a, b) => b.frequency - a.frequency || byTerm(a.term, b.term))
      .slice(0, MAX_EXPANSIONS + 1)
      .map(({ term, weight }) => ({ term, weight }));
  }

  /** Corpus words within `distance` edits of a stem, for "did you mean" suggestions. */
  similarStems(stem: string, distance: number): string[] {
    return this.near(stem, distance)
      .filter(([term, edits]) => edits > 0 && !term.startsWith(CONCEPT_TERM_PREFIX) && !/^\d/.test(term))
      .map(([term, edits]) => ({ term, edits, frequency: this.frequency(term) }))
      .sort((a, b) => a.edits - b.edits || b.frequency - a.frequency || byTerm(a.term, b.term))
      .map(({ term }) => term);
  }

  /** Where a term's postings are, and its weight times its idf. */
  private choice(term: string, weight: number): Choice {
    const number = this.numberOf(term);
    if (number === undefined)
      return {
        term,
        weight: 0,
        arena: NO_POSTINGS,
        titleIds: 0,
        titleCount: 0,
        textIds: 0,
        textCount: 0,
        best: 0,
        bestCount: 0,
      };
    const arena = this.records.arena(number);
    const at = this.records.offset(number);
    const titleCount = arena[at]!;
    const textCount = arena[at + 1]!;
    const titleIds = at + RECORD_HEAD;
    const textIds = titleIds + 2 * titleCount;
    const frequency = Math.max(textCount, titleCount);
    const idf = Math.log(1 + (this.size - frequency + 0.5) / (frequency + 0.5));
    return {
      term,
      weight: weight * idf,
      arena,
      titleIds,
      titleCount,
      textIds,
      textCount,
      best: textIds + 2 * textCount,
      bestCount: arena[at + 2]!,
    };
  }

  /**
   * The passages that best match the question's words, each word given as the terms that stand for
   * it. A passage is a candidate if it has one of the rare words; if every word is common, if it is
   * among the best passages of one of them. Candidates are scored with BM25 over all words.
   */
  find(words: readonly TermChoice[][], within?: readonly number[]): Hit[] {
    if (this.size === 0 || words.length === 0) return [];
    // Per question word, per term standing for it: where its postings are, and its idf, read once.
    const choicesOf = words.map((choices) => choices.map(({ term, weight }) => this.choice(term, weight)));

    const rare = choicesOf.filter(
      (choices) => choices.reduce((sum, choice) => sum + choice.textCount + choice.titleCount, 0) <= RARE_POSTINGS,
    );
    const candidates = this.candidatesOf(choicesOf, rare, within);
    const count = candidates.length;

    // Word by word, term by term: each term's postings walked once along the ascending candidates.
    const scores = new Float64Array(count);
    const wordScores = new Float64Array(count);
    const matched = new Uint8Array(count * words.length);
    const inText = new Int32Array(count);
    const inTitle = new Int32Array(count);
    const [titleAverage, textAverage] = this.averages as [number, number];
    const { lengths } = this;
    choicesOf.forEach((choices, word) => {
      wordScores.fill(0);
      for (const { weight, arena, titleIds, titleCount, textIds, textCount } of choices) {
        if (textCount + titleCount === 0) continue;
        locate(arena, textIds, textCount, candidates, inText);
        locate(arena, titleIds, titleCount, candidates, inTitle);
        for (let c = 0; c < count; c++) {
          const text = inText[c]!;
          const title = inTitle[c]!;
          if (text < 0 && title < 0) continue;
          const id = candidates[c]!;
          let value = 0;
          if (text >= 0) {
            value += bm25(arena[text + textCount]!, lengths[id * FIELDS + TEXT]!, textAverage);
            matched[c * words.length + word] = 1;
          }
          if (title >= 0)
            value += TITLE_BOOST * bm25(arena[title + titleCount]!, lengths[id * FIELDS + TITLE]!, titleAverage);
          value *= weight;
          if (value > wordScores[c]!) wordScores[c] = value;
        }
      }
      for (let c = 0; c < count; c++) scores[c]! += wordScores[c]!;
    });

    return this.bestHits(candidates, scores).map((c) => {
      const id = candidates[c]!;
      const textTerms = new Set<string>();
      for (const choices of choicesOf)
        for (const { term, arena, textIds, textCount } of choices)
          if (textCount > 0 && positionOf(arena, textIds, textIds + textCount, id) >= 0) textTerms.add(term);
      return {
        passage: this.byId[id]!,
        score: scores[c]!,
        matched: words.map((_, word) => matched[c * words.length + word] === 1),
        textTerms,
      };
    });
  }

  /**
   * The passages worth scoring, ascending and each once: those given, else those of the rare words,
   * else the best passages of every (common) word's terms.
   */
  private candidatesOf(
    choicesOf: readonly (readonly Choice[])[],
    rare: readonly (readonly Choice[])[],
    within: readonly number[] | undefined,
  ): Uint32Array {
    const ids: number[] = [];
    // A few passages given (one article's): each is scored, however common the words.
    if (within) {
      for (const id of within) if (this.byId[id]) ids.push(id);
    } else if (rare.length > 0) {
      for (const choices of rare)
        for (const { arena, titleIds, titleCount, textIds, textCount } of choices) {
          for (let i = 0; i < textCount; i++) ids.push(arena[textIds + i]!);
          for (let i = 0; i < titleCount; i++) ids.push(arena[titleIds + i]!);
        }
    } else {
      for (const choices of choicesOf)
        for (const { arena, textIds, textCount, best, bestCount } of choices)
          if (bestCount > 0) for (let i = 0; i < bestCount; i++) ids.push(arena[best + i]!);
          else for (let i = 0; i < textCount; i++) ids.push(arena[textIds + i]!);
    }
    const sorted = Uint32Array.from(ids).sort();
    let unique = 0;
    for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[unique++] = sorted[i]!;
    return sorted.subarray(0, unique);
  }

  /** The {@link MAX_HITS} best-scored candidates (positions in `candidates`), best first, ties by id; chosen by selection. */
  private bestHits(candidates: Uint32Array, scores: Float64Array): number[] {
    let positive = 0;
    for (let c = 0; c < scores.length; c++) if (scores[c]! > 0) positive++;
    let threshold = 0;
    let ties = Number.POSITIVE_INFINITY;
    if (positive > MAX_HITS) {
      const values = new Float64Array(positive);
      let at = 0;
      for (let c = 0; c < scores.length; c++) if (scores[c]! > 0) values[at++] = scores[c]!;
      threshold = kthLargest(values, positive, MAX_HITS);
      ties = MAX_HITS;
      for (let c = 0; c < scores.length; c++) if (scores[c]! > threshold) ties--;
    }
    const picked: number[] = [];
    for (let c = 0; c < scores.length; c++) {
      const score = scores[c]!;
      if (score > threshold || (score === threshold && score > 0 && ties-- > 0)) picked.push(c);
    }
    return picked.sort((a, b) => scores[b]! - scores[a]! || candidates[a]! - candidates[b]!);
  }

  /** This index with `change` applied, as a new index sharing every term's postings the change does not touch. */
  update(change: IndexChange): Promise<PassageIndex> {
    return inSlices(this.updating(change));
  }

  /** The update as work that yields every {@link SLICE_MS}. */
  *updating(change: IndexChange): Generator<void, PassageIndex> {
    const removed = new Set<number>();
    for (const id of change.removed) {
      if (!this.byId[id]) throw new Error(`passage ${id} is not in the index`);
      removed.add(id);
    }
    let nextId = this.nextId;
    for (const passage of change.added) {
      if (passage.id < nextId)
        throw new Error(`passage ${passage.id} added below ${nextId}: ids must be new and ascending`);
      nextId = passage.id + 1;
    }
    const clock = new SliceClock();
    // The field lengths are appended to in place when this is the newest version, else copied.
    let lengthStore = this.lengthStore;
    if (lengthStore.used !== this.nextId * FIELDS)
      lengthStore = new FieldLengths(this.lengths.slice(0, this.nextId * FIELDS), this.nextId * FIELDS);
    lengthStore.grow(nextId * FIELDS);
    const lengths = lengthStore.array;

    // What each touched term loses and gains.
    const touched = new Map<number, TermChange>();
    const changeOf = (number: number) => {
      let termChange = touched.get(number);
      if (!termChange) touched.set(number, (termChange = { removed: [[], []], added: [[], []] }));
      return termChange;
    };
    const totals = [...this.totals];
    const counter = new TermCounter((term) => this.dictionary.add(term));
    for (const id of [...removed].sort((a, b) => a - b)) {
      const passage = this.byId[id]!;
      for (const number of counter.title(passage.article).keys()) changeOf(number).removed[TITLE].push(id);
      for (const number of counter.text(passage).keys()) changeOf(number).removed[TEXT].push(id);
      totals[TITLE]! -= this.lengths[id * FIELDS + TITLE]!;
      totals[TEXT]! -= this.lengths[id * FIELDS + TEXT]!;
      if (clock.due()) yield;
    }
    for (const passage of change.added) {
      const { id } = passage;
      const title = counter.title(passage.article);
      const text = counter.text(passage);
      for (const [number, tf] of title) changeOf(number).added[TITLE].push(id, tf);
      for (const [number, tf] of text) changeOf(number).added[TEXT].push(id, tf);
      lengths[id * FIELDS + TITLE] = fieldLength(title);
      lengths[id * FIELDS + TEXT] = fieldLength(text);
      totals[TITLE]! += fieldLength(title);
      totals[TEXT]! += fieldLength(text);
      if (clock.due()) yield;
    }
    const count = this.size - removed.size + change.added.length;
    const averages = totals.map((total) => (count > 0 ? total / count : 0) || 1);

    // The touched terms' records, rewritten into one new arena: the old postings less the removed
    // passages, then the added ones (their ids are above every old one, so the order holds).
    const terms = [...touched.keys()].sort((a, b) => a - b);
    const sizes = terms.map((number) => {
      const { removed: lost, added } = touched.get(number)!;
      const [titleCount, textCount] = this.fieldCounts(number);
      const title = titleCount - lost[TITLE].length + added[TITLE].length / 2;
      const text = textCount - lost[TEXT].length + added[TEXT].length / 2;
      if (title < 0 || text < 0) throw new Error('index update: a removed passage was not indexed as its terms say');
      return [title, text] as const;
    });
    let size = 0;
    for (const [title, text] of sizes) if (title + text > 0) size += recordWords(title, text, bestCount(text));
    const arena = new Uint32Array(size);
    const replacements = new Map<number, number>();
    const work: UpdateWork = {
      passages: removed.size + change.added.length,
      terms: terms.length,
      postings: 0,
      compacted: false,
    };
    let at = 0;
    for (let t = 0; t < terms.length; t++) {
      const number = terms[t]!;
      const [title, text] = sizes[t]!;
      if (title + text === 0) {
        replacements.set(number, -1);
        continue;
      }
      replacements.set(number, at);
      arena[at] = title;
      arena[at + 1] = text;
      arena[at + 2] = bestCount(text);
      const { removed: lost, added } = touched.get(number)!;
      const titleAt = at + RECORD_HEAD;
      const textAt = titleAt + 2 * title;
      this.writeField(number, TITLE, lost[TITLE], added[TITLE], arena, titleAt, title);
      this.writeField(number, TEXT, lost[TEXT], added[TEXT], arena, textAt, text);
      chooseBest(arena, at, lengths, averages);
      work.postings += title + text;
      at += recordWords(title, text, bestCount(text));
      if (clock.due()) yield;
    }
    let records = this.records.replaced(this.dictionary.list.length, arena, replacements);
    if (records.wantsCompacting) {
      records = yield* records.compacted(() => clock.due());
      work.compacted = true;
    }
    yield;
    const passages =
      removed.size === 0
        ? [...this.passages, ...change.added]
        : [...this.passages.filter((passage) => !removed.has(passage.id)), ...change.added];
    yield;
    return new PassageIndex({
      passages,
      byId: passages.length === nextId ? passages : byIdOf(passages, nextId),
      nextId,
      dictionary: this.dictionary,
      records,
      lengthStore,
      totals,
      work,
    });
  }

  /** A term's title and text passage counts in this version (none for a term it does not hold). */
  private fieldCounts(number: number): [number, number] {
    if (!this.records.has(number)) return [0, 0];
    const arena = this.records.arena(number);
    const at = this.records.offset(number);
    return [arena[at]!, arena[at + 1]!];
  }

  /**
   * Writes one field of a term's new record at `to` (ids, then term frequencies, `count` of each):
   * this version's postings less the removed passages (ascending ids), copied in the stretches
   * between them, then the added (id, tf) pairs.
   */
  private writeField(
    number: number,
    field: number,
    removed: readonly number[],
    added: readonly number[],
    arena: Uint32Array,
    to: number,
    count: number,
  ): void {
    let written = 0;
    if (this.records.has(number)) {
      const old = this.records.arena(number);
      const at = this.records.offset(number);
      const oldCount = old[at + field]!;
      const ids = at + RECORD_HEAD + (field === TEXT ? 2 * old[at]! : 0);
      const end = ids + oldCount;
      const copy = (from: number, until: number) => {
        arena.set(old.subarray(from, until), to + written);
        arena.set(old.subarray(from + oldCount, until + oldCount), to + count + written);
        written += until - from;
      };
      let next = ids;
      for (const id of removed) {
        const position = lowerBound(old, next, end, id);
        if (old[position] !== id || position >= end)
          throw new Error('index update: a removed passage was not indexed as its terms say');
        copy(next, position);
        next = position + 1;
      }
      copy(next, end);
    }
    for (let i = 0; i < added.length; i += 2) {
      arena[to + written] = added[i]!;
      arena[to + count + written] = added[i + 1]!;
      written++;
    }
    if (written !== count) throw new Error('index update: a removed passage was not indexed as its terms say');
  }
}

/** What an update does to one term, per field: the passages it loses (ascending ids), and the (id, tf) pairs it gains. */
interface TermChange {
  removed: [number[], number[]];
  added: [number[], number[]];
}

function byTerm(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sumLengths(lengths: Uint32Array): number[] {
  const totals = [0, 0];
  for (let i = 0; i < lengths.length; i += FIELDS) {
    totals[TITLE]! += lengths[i + TITLE]!;
    totals[TEXT]! += lengths[i + TEXT]!;
  }
  return totals;
}

/** Passages by id, for ids with gaps. */
function byIdOf(passages: readonly PackedPassage[], nextId: number): (PackedPassage | undefined)[] {
  const byId = new Array<PackedPassage | undefined>(nextId).fill(undefined);
  for (const passage of passages) byId[passage.id] = passage;
  return byId;
}

/** Says when a slice of work has run its time. */
class SliceClock {
  private started = performance.now();

  due(): boolean {
    const now = performance.now();
    if (this.started < 0) this.started = now; // the first check after a pause
    if (now - this.started < SLICE_MS) return false;
    this.started = -1;
    return true;
  }
}

/** Runs work to its end, letting the event loop through at each of its pauses. */
async function inSlices<T>(work: Generator<void, T>): Promise<T> {
  for (;;) {
    const step = work.next();
    if (step.done) return step.value;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** The MiniSearch implementation of {@link SearchIndex}, as the engine's indexing makes it. */
export const miniSearchIndex: SearchIndexFactory = {
  builder: () => PassageIndex.builder(),
  readSnapshot(snapshot) {
    const read = PassageIndex.readSnapshot(snapshot);
    return (passages) => PassageIndex.restore(passages, read);
  },
};
