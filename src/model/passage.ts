import type { Article } from './article.js';
import type { PassageFacts, PassageNumbers } from './passageFacts.js';

/** A span of an article's text: `text.slice(start, end)` is the sentence, exactly. */
export interface Span {
  start: number;
  end: number;
}

/** A word of a text, with the index terms it stands for. Offsets are into the analyzed text. */
export interface Token {
  start: number;
  end: number;
  /** Its stem, case- and diacritic-folded: what search matches on. */
  stem: string;
  /** Concept ids from the lexicon ("killed" for "died" and "drept"). */
  concepts: string[];
  stopWord: boolean;
}

/**
 * A passage of an article, analyzed once at index time: one or a few sentences, the unit an answer
 * quotes. search/passages.ts builds them (tokens packed); every layer above reads them as this.
 */
export interface Passage {
  /** Position in the whole corpus' passage list: the id the search index stores. */
  readonly id: number;
  readonly article: Article;
  /** Position within its article, from 0. */
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly sentences: Span[];
  /** The analyzer's language (a registered language's tag), or null when none applies. */
  readonly language: string | null;
  /** Tokens with offsets into the article text. */
  readonly tokens: Token[];
  /** Its sentences' figures, read once with the analysis (and kept in the index cache); see engine/facts.ts. */
  numbers?: PassageNumbers;
  /** What its sentences state (figures, events, names), derived when first needed; see engine/facts.ts. */
  facts?: PassageFacts;
}
