import type { PackedPassage } from './passages.js';

/**
 * What the engine asks of a search library. Passages arrive analyzed (stems, concept terms: see
 * passages.ts); an index stores their terms and answers with scored passages. MiniSearch is the one
 * implementation (search/minisearch/); another library fits behind these few calls.
 */
export interface SearchIndex {
  /** The passages indexed, in ascending id order. Ids are unique and stable across updates, so after one they may have gaps. */
  readonly passages: readonly PackedPassage[];
  /** `passages.length`. */
  readonly size: number;
  /** The passage of an id, if this index holds it. */
  passage(id: number): PackedPassage | undefined;
  /** One above every id this index (or any index it was updated from) has used: where added passages' ids start. */
  readonly nextId: number;
  /**
   * This index with `change` applied, as a new index. This one stays exactly as it was and keeps
   * answering while the new one is made (copy-on-write: what the change does not touch is shared,
   * not copied); the work is in proportion to the change (its passages and the terms they use),
   * in slices that let the event loop through.
   */
  update(change: IndexChange): Promise<SearchIndex>;
  /** In how many passages' text a term occurs. */
  frequency(term: string): number;
  /** The commonest way a stem is written in the corpus, to show a person ("killed" for "kill"). */
  surfaceOf(stem: string): string | null;
  /**
   * The terms a typed word may stand for: itself, words within `typos` edits, and with `prefix`
   * words it begins; near misses weigh less than the word itself.
   */
  expand(stem: string, typos: number, prefix: boolean): TermChoice[];
  /** Corpus words within `distance` edits of a stem, the closest first, for "did you mean" suggestions. */
  similarStems(stem: string, distance: number): string[];
  /**
   * The passages that best match the question's words (each given as the terms that stand for it),
   * best first; only among the passages `within` (by id, may be sparse) when given, e.g. one article's.
   */
  find(words: readonly TermChoice[][], within?: readonly number[]): Hit[];
  /** The index in a form quick to save and to read back (see {@link SearchIndexFactory.readSnapshot}). */
  snapshot(): IndexSnapshot;
}

/** How indexes of one library are made: built passage by passage, or read back from a snapshot. */
export interface SearchIndexFactory {
  /**
   * Indexes passages one by one, in order (numbered 0, 1, 2…): a corpus can be indexed while later
   * articles are still being analyzed.
   */
  builder(): IndexBuilder;
  /**
   * Reads a snapshot back before the passages it indexes are at hand (a start reads it while the
   * corpus files are still being read). Throws if the snapshot is damaged; the function returned
   * throws if given other passages than those indexed.
   */
  readSnapshot(snapshot: IndexSnapshot): (passages: readonly PackedPassage[]) => SearchIndex;
}

/** What changed in a corpus, for {@link SearchIndex.update}. */
export interface IndexChange {
  /** Ids of indexed passages to drop (of articles removed or changed). */
  removed: readonly number[];
  /** Passages to index (of articles added or changed), with ids from `nextId` upward, ascending. */
  added: readonly PackedPassage[];
}

export interface IndexBuilder {
  add(passage: PackedPassage): void;
  /** The index, once every passage of `passages` was added. */
  finish(passages: readonly PackedPassage[]): SearchIndex;
}

/** One index term that stands for a question word, and what a match on it is worth (1 for the word itself). */
export interface TermChoice {
  term: string;
  weight: number;
}

export interface Hit {
  passage: PackedPassage;
  score: number;
  /** For each question word, whether the passage text (not only its title) has it. */
  matched: boolean[];
  /** Index terms of the passage text that matched, for highlighting. */
  textTerms: Set<string>;
}

/**
 * A built index as the cache file stores it (see engine/indexing/cacheFile.ts): the terms, and
 * typed arrays an index reads as they are (views into one buffer can back them).
 */
export interface IndexSnapshot {
  terms: string[];
  /**
   * Per term, in the order of `terms`: its passage counts in the title and in the text, and how many
   * best passages it keeps (a common term's, chosen when the index was built or updated); then the
   * title's passage ids and term frequencies, the text's, and the best passages' ids.
   */
  postings: Uint32Array;
  /** Per passage (in id order): how many distinct terms its title has, and its text. */
  fieldLengths: Uint32Array;
  /** The passages' ids, ascending, when they have gaps (an index updated); absent when they are 0…n-1. */
  ids?: Uint32Array;
}
