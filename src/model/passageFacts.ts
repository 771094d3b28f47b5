/**
 * What a passage's sentences state, as the engine reads it to rank and to tell one fact from
 * another. Plain data: the passage carries it (search/passages.ts), the engine derives it (engine/facts.ts).
 */

/** What one sentence states, reduced to what decides whether two sentences state the same fact. */
export interface SentenceFact {
  start: number;
  end: number;
  /** Concepts by role: what happened (killed), to whom (officers). */
  events: Set<string>;
  subjects: Set<string>;
  /** Exact figures; vague ones ("hundreds") cannot identify a fact. */
  counts: Set<number>;
  hasCount: boolean;
  /** Content terms, for word overlap: as ascending ids (engine/facts.ts numbers them). */
  terms: Int32Array;
  /** Names of places and people (capitalised words the lexicon does not know): what pins a fact down. */
  names: Set<string>;
}

/** The figures of a passage's sentences: the costly part of its facts, kept in the index cache. */
export interface PassageNumbers {
  /** Per sentence: its exact counts, and whether it has any count at all (vague ones too). */
  sentences: { counts: number[]; hasCount: boolean }[];
  /** Where each count stands, as an index into the passage's tokens. */
  countTokens: number[];
}

export interface PassageFacts {
  sentences: SentenceFact[];
  /** Every sentence's terms, as ascending ids. */
  terms: Int32Array;
  hasCount: boolean;
  /** Where each count stands, as an index into the passage's tokens, to tell what it counts. */
  countTokens: number[];
}
