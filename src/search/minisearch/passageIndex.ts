import MiniSearch from 'minisearch';
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

/** MiniSearch's field ids, in the order of its `fields` option. */
const FIELDS = ['title', 'text'] as const;
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

/** A snapshot read back into MiniSearch, waiting for its passages (see {@link PassageIndex.readSnapshot}). */
export interface ReadSnapshot {
  readonly search: PassageSearch;
  readonly fieldLengths: Uint32Array;
  readonly ids?: Uint32Array;
}

interface PassageIndexBuilder extends IndexBuilder {
  finish(passages: readonly PackedPassage[], nextId?: number): PassageIndex;
}

type FieldTermData = Map<number, Map<number, number>>;

/**
 * MiniSearch, with read access to its postings: the index stays MiniSearch's (its radix tree for
 * typos and prefixes, its postings, add and discard); queries read the postings directly to score
 * only the passages worth scoring. It is filled in bulk, each term's postings gathered first and
 * put in the tree once, rather than one tree walk per word of every passage; a test checks the
 * result equals what MiniSearch's own `addAll` builds.
 */
class PassageSearch extends MiniSearch<{ id: number }> {
  constructor() {
    super({ fields: [...FIELDS], tokenize: (text) => text.split(' '), processTerm: (term) => term || null });
  }

  averageLength(field: number): number {
    return this._avgFieldLength[field] || 1;
  }

  /** Fills an empty index: passage `i` is document `i`, with the given per-term postings and field lengths. */
  fill(byTerm: Iterable<[string, FieldTermData]>, fieldLengths: Uint32Array): void {
    const count = fieldLengths.length / FIELDS.length;
    const totals = FIELDS.map(() => 0);
    for (let shortId = 0; shortId < count; shortId++) {
      this._documentIds.set(shortId, shortId);
      this._idToShortId.set(shortId, shortId);
      const lengths = FIELDS.map((_, field) => fieldLengths[shortId * FIELDS.length + field]!);
      lengths.forEach((length, field) => {
        totals[field]! += length;
      });
      this._fieldLength.set(shortId, lengths);
    }
    this._documentCount = count;
    this._nextId = count;
    this._avgFieldLength = totals.map((total) => (count > 0 ? total / count : 0));
    for (const [term, data] of byTerm) this._index.set(term, data);
  }

  termData(term: string): FieldTermData | undefined {
    return this._index.get(term);
  }

  terms(): IterableIterator<[string, FieldTermData]> {
    return this._index.entries();
  }

  /** Index terms within `distance` edits of a term, with their distance. */
  near(term: string, distance: number): [string, number][] {
    return [...this._index.fuzzyGet(term, distance)].map(([found, [, edits]]) => [found, edits]);
  }

  /** Index terms that start with a prefix. */
  startingWith(prefix: string): string[] {
    return [...this._index.atPrefix(prefix).keys()];
  }
}

export type { PassageSearch };

/** The index terms of each stem number, per language: a token's stem and its concepts. */
const termsOfStem = new Map<AnalyzedLanguage | null, string[][]>();

function stemTerms(stemId: number, language: AnalyzedLanguage | null): string[] {
  let table = termsOfStem.get(language);
  if (!table) termsOfStem.set(language, (table = []));
  let terms = table[stemId];
  if (!terms) {
    const stem = stemTable.stem(stemId);
    terms = table[stemId] = [stem, ...conceptsOf(stem, language).map((id) => CONCEPT_TERM_PREFIX + id)];
  }
  return terms;
}

/** Adds one passage's term frequencies of a field to the per-term postings; returns its distinct-term count as MiniSearch counts it. */
function addField(
  byTerm: Map<string, FieldTermData>,
  field: number,
  shortId: number,
  termCounts: Map<string, number>,
): number {
  for (const [term, tf] of termCounts) {
    let data = byTerm.get(term);
    if (!data) byTerm.set(term, (data = new Map()));
    let postings = data.get(field);
    if (!postings) data.set(field, (postings = new Map()));
    postings.set(shortId, tf);
  }
  // MiniSearch counts the distinct words of the field as split, where an empty field is one empty word.
  return Math.max(1, termCounts.size);
}

/**
 * The search index over passages. Articles are analyzed by our own analyzer (language-aware stems,
 * concept terms); MiniSearch indexes the resulting terms. Queries are scored with BM25 over its
 * postings, reading a rare word's passages in full and a common word's only through its best
 * passages, kept once computed: the index never changes, a reload builds a new one.
 */
export class PassageIndex implements SearchIndex {
  readonly passages: readonly PackedPassage[];
  private readonly search: PassageSearch;
  /** Per passage: distinct terms of its title and of its text, for BM25's length normalisation. */
  private readonly fieldLengths: Uint32Array;
  private readonly averageLengths: [number, number];
  private readonly surfaceForms = new Map<string, string | null>();
  private readonly bestOfTerm = new Map<string, number[]>();
  readonly nextId: number;
  /** TEMPORARY (fallback until helper idx's update lands): where each id sits in `passages` when ids have gaps. */
  private readonly positions: Map<number, number> | null;

  private constructor(
    passages: readonly PackedPassage[],
    search: PassageSearch,
    fieldLengths: Uint32Array,
    nextId = (passages.at(-1)?.id ?? -1) + 1,
  ) {
    this.passages = passages;
    this.search = search;
    this.fieldLengths = fieldLengths;
    this.averageLengths = [search.averageLength(TITLE), search.averageLength(TEXT)];
    this.nextId = nextId;
    const gaps = passages.some((passage, i) => passage.id !== i);
    this.positions = gaps ? new Map(passages.map((passage, i) => [passage.id, i])) : null;
  }

  passage(id: number): PackedPassage | undefined {
    const passage = this.passages[this.positions ? (this.positions.get(id) ?? -1) : id];
    return passage?.id === id ? passage : undefined;
  }

  /** TEMPORARY fallback until helper idx's in-place update lands: correct, but it rebuilds the whole index. */
  async update({ removed, added }: IndexChange): Promise<PassageIndex> {
    const gone = new Set(removed);
    const passages = [...this.passages.filter((passage) => !gone.has(passage.id)), ...added];
    const builder = PassageIndex.builder();
    for (const passage of passages) builder.add(passage);
    return builder.finish(passages, Math.max(this.nextId, (added.at(-1)?.id ?? -1) + 1));
  }

  /**
   * Indexes passages one by one, in order (numbered 0, 1, 2…), from their packed tokens: a corpus
   * can be indexed while later articles are still being analyzed.
   */
  static builder(): PassageIndexBuilder {
    const byTerm = new Map<string, FieldTermData>();
    const lengths: number[] = [];
    const titleCounts = new Map<Article, Map<string, number>>();
    let lastId = -1;
    return {
      add(passage: PackedPassage): void {
        const shortId = lengths.length / FIELDS.length;
        if (passage.id <= lastId)
          throw new Error(`passage ${passage.id} added after passage ${lastId}: passages must be added in order`);
        lastId = passage.id;
        let title = titleCounts.get(passage.article);
        if (!title) {
          const language = analyzerLanguage(passage.article.language);
          const terms = tokenize(passage.article.title, language)
            .filter((token) => !token.stopWord)
            .flatMap(indexTerms);
          titleCounts.set(passage.article, (title = countTerms(terms)));
        }
        const text = new Map<string, number>();
        const packed = passage.packedTokens;
        for (let i = 0; i < packed.length; i += PACKED_TOKEN_WIDTH) {
          if (packed[i + 1]! & 1) continue; // a stop word
          for (const term of stemTerms(packed[i + 2]!, passage.language)) text.set(term, (text.get(term) ?? 0) + 1);
        }
        lengths.push(addField(byTerm, TITLE, shortId, title), addField(byTerm, TEXT, shortId, text));
      },
      finish(passages: readonly PackedPassage[], nextId?: number): PassageIndex {
        if (passages.length * FIELDS.length !== lengths.length)
          throw new Error(`${passages.length} passages, ${lengths.length / FIELDS.length} indexed`);
        const search = new PassageSearch();
        const fieldLengths = Uint32Array.from(lengths);
        search.fill(byTerm, fieldLengths);
        return new PassageIndex(passages, search, fieldLengths, nextId);
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
   * A snapshot read back into MiniSearch, before the passages it indexes are at hand: a start reads
   * it while the corpus files are still being read. Throws if the snapshot is damaged.
   */
  static readSnapshot(snapshot: IndexSnapshot): ReadSnapshot {
    const { terms, postings, fieldLengths, ids } = snapshot;
    const byTerm: [string, FieldTermData][] = new Array(terms.length);
    let at = 0;
    for (let t = 0; t < terms.length; t++) {
      const data: FieldTermData = new Map();
      for (let field = 0; field < FIELDS.length; field++) {
        const count = postings[at++]!;
        if (count === 0) continue;
        const map = new Map<number, number>();
        for (const end = at + count * 2; at < end; at += 2) map.set(postings[at]!, postings[at + 1]!);
        data.set(field, map);
      }
      byTerm[t] = [terms[t]!, data];
    }
    if (at !== postings.length) throw new Error('index snapshot is damaged');
    const search = new PassageSearch();
    search.fill(byTerm, fieldLengths);
    return { search, fieldLengths, ids };
  }

  /** The index of a snapshot (read with {@link readSnapshot}) taken from an index of the same passages. */
  static restore(passages: readonly PackedPassage[], read: ReadSnapshot): PassageIndex {
    const idOf = (i: number) => (read.ids ? read.ids[i] : i);
    if (
      read.fieldLengths.length !== passages.length * FIELDS.length ||
      passages.some((passage, i) => passage.id !== idOf(i))
    )
      throw new Error('index snapshot is of other passages');
    return new PassageIndex(passages, read.search, read.fieldLengths);
  }

  /** What {@link restore} reads back. */
  snapshot(): IndexSnapshot {
    const terms: string[] = [];
    let size = 0;
    for (const [term, data] of this.search.terms()) {
      terms.push(term);
      size += FIELDS.length;
      for (const postings of data.values()) size += postings.size * 2;
    }
    const postings = new Uint32Array(size);
    let at = 0;
    for (const term of terms) {
      const data = this.search.termData(term)!;
      for (let field = 0; field < FIELDS.length; field++) {
        const map = data.get(field);
        postings[at++] = map?.size ?? 0;
        for (const [shortId, tf] of map ?? []) {
          postings[at++] = shortId;
          postings[at++] = tf;
        }
      }
    }
    const ids = this.positions ? Uint32Array.from(this.passages, (passage) => passage.id) : undefined;
    return { terms, postings, fieldLengths: this.fieldLengths, ...(ids && { ids }) };
  }

  private postings(term: string, field: number): Map<number, number> | undefined {
    return this.search.termData(term)?.get(field);
  }

  get size(): number {
    return this.passages.length;
  }

  /** In how many passages' text a term occurs. */
  frequency(term: string): number {
    return this.postings(term, TEXT)?.size ?? 0;
  }

  /** The commonest way a stem is written in the corpus, to show a person ("killed" for "kill"). */
  surfaceOf(stem: string): string | null {
    if (this.surfaceForms.has(stem)) return this.surfaceForms.get(stem)!;
    // Read from a sample of the passages that have it: enough to find the usual spelling.
    const forms = new Map<string, number>();
    let read = 0;
    for (const shortId of this.postings(stem, TEXT)?.keys() ?? []) {
      if (read++ >= SURFACE_SAMPLE) break;
      const passage = this.passages[shortId]!;
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
   * The terms a typed word may stand for: itself, words within `typos` edits (a misspelling), and,
   * for an unfinished last word, words it begins; near misses weigh less than the word itself.
   */
  expand(stem: string, typos: number, prefix: boolean): TermChoice[] {
    const choices = new Map<string, number>([[stem, 1]]);
    if (typos > 0)
      for (const [term, edits] of this.search.near(stem, typos))
        if (edits > 0)
          choices.set(term, Math.max(choices.get(term) ?? 0, FUZZY_WEIGHT * (1 - edits / (stem.length + 1))));
    if (prefix)
      for (const term of this.search.startingWith(stem))
        if (term !== stem) choices.set(term, Math.max(choices.get(term) ?? 0, PREFIX_WEIGHT));
    return [...choices]
      .filter(([term]) => !term.startsWith(CONCEPT_TERM_PREFIX))
      .sort((a, b) => (a[0] === stem ? -1 : b[0] === stem ? 1 : this.frequency(b[0]) - this.frequency(a[0])))
      .slice(0, MAX_EXPANSIONS + 1)
      .map(([term, weight]) => ({ term, weight }));
  }

  /** Corpus words within `distance` edits of a stem, for "did you mean" suggestions. */
  similarStems(stem: string, distance: number): string[] {
    return this.search
      .near(stem, distance)
      .filter(([term, edits]) => edits > 0 && !term.startsWith(CONCEPT_TERM_PREFIX) && !/^\d/.test(term))
      .sort((a, b) => a[1] - b[1] || this.frequency(b[0]) - this.frequency(a[0]))
      .map(([term]) => term);
  }

  /**
   * The passages that best match the question's words, each word given as the terms that stand for
   * it. A passage is a candidate if it has one of the rare words; if every word is common, if it is
   * among the best passages of one of them. Candidates are scored with BM25 over all words.
   */
  find(words: readonly TermChoice[][], within?: readonly number[]): Hit[] {
    if (this.size === 0 || words.length === 0) return [];
    // Per question word, per term standing for it: its postings in each field, and its idf, read once.
    const choicesOf = words.map((choices) =>
      choices.map(({ term, weight }) => {
        const text = this.postings(term, TEXT);
        const title = this.postings(term, TITLE);
        return { term, weight: weight * this.idf(term), text, title, size: (text?.size ?? 0) + (title?.size ?? 0) };
      }),
    );

    const rare = choicesOf.filter((choices) => choices.reduce((sum, choice) => sum + choice.size, 0) <= RARE_POSTINGS);
    const candidates = new Set<number>();
    // A few passages given (one article's): each is scored, however common the words.
    if (within) {
      for (const id of within) {
        const shortId = this.positions ? (this.positions.get(id) ?? -1) : id;
        if (shortId >= 0 && shortId < this.size) candidates.add(shortId);
      }
    } else if (rare.length > 0) {
      for (const choices of rare)
        for (const { text, title } of choices)
          for (const postings of [text, title]) for (const shortId of postings?.keys() ?? []) candidates.add(shortId);
    } else {
      for (const choices of words)
        for (const { term } of choices) for (const shortId of this.best(term)) candidates.add(shortId);
    }

    const hits: Hit[] = [];
    for (const shortId of candidates) {
      let score = 0;
      const matched = words.map(() => false);
      const textTerms = new Set<string>();
      choicesOf.forEach((choices, i) => {
        let best = 0;
        for (const { term, weight, text, title } of choices) {
          const tf = text?.get(shortId);
          const titleTf = title?.get(shortId);
          if (!tf && !titleTf) continue;
          let value = 0;
          if (tf) {
            value += this.bm25(tf, shortId, TEXT);
            matched[i] = true;
            textTerms.add(term);
          }
          if (titleTf) value += TITLE_BOOST * this.bm25(titleTf, shortId, TITLE);
          best = Math.max(best, value * weight);
        }
        score += best;
      });
      if (score > 0) hits.push({ passage: this.passages[shortId]!, score, matched, textTerms });
    }
    hits.sort((a, b) => b.score - a.score || a.passage.id - b.passage.id);
    return hits.slice(0, MAX_HITS);
  }

  private bm25(tf: number, shortId: number, field: number): number {
    const length = this.fieldLengths[shortId * FIELDS.length + field]! / this.averageLengths[field]!;
    return (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + BM25.b * length));
  }

  private idf(term: string): number {
    const frequency = Math.max(this.postings(term, TEXT)?.size ?? 0, this.postings(term, TITLE)?.size ?? 0);
    return Math.log(1 + (this.size - frequency + 0.5) / (frequency + 0.5));
  }

  /** A common term's best passages by its own score, computed on first use and kept. */
  private best(term: string): number[] {
    let best = this.bestOfTerm.get(term);
    if (!best) {
      const scored: [number, number][] = [];
      const text = this.postings(term, TEXT);
      const title = this.postings(term, TITLE);
      for (const [shortId, tf] of text ?? [])
        scored.push([
          shortId,
          this.bm25(tf, shortId, TEXT) + TITLE_BOOST * this.bm25(title?.get(shortId) ?? 0, shortId, TITLE),
        ]);
      scored.sort((a, b) => b[1] - a[1]);
      best = scored.slice(0, TOP_PER_COMMON_TERM).map(([shortId]) => shortId);
      this.bestOfTerm.set(term, best);
    }
    return best;
  }
}

/** How often each term occurs in a list of terms. */
function countTerms(terms: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  return counts;
}

/** The MiniSearch implementation of {@link SearchIndex}, as the engine's indexing makes it. */
export const miniSearchIndex: SearchIndexFactory = {
  builder: () => PassageIndex.builder(),
  readSnapshot(snapshot) {
    const read = PassageIndex.readSnapshot(snapshot);
    return (passages) => PassageIndex.restore(passages, read);
  },
};
