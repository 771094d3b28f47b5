import type { ArticleRef, CorpusProblem } from '../model/article.js';
import type { FiguresReport } from '../model/claim.js';

// The faces read every type of an answer from here; those other layers share are defined in src/model.
export type { ArticleRef, CorpusProblem, FiguresReport };
export type { Claim, Verdict, VerdictKind } from '../model/claim.js';
export type { FigureCategory } from '../model/categories.js';

/** A range of a quote to mark: a word that matched the question. Offsets are into `quote`. */
export interface Highlight {
  start: number;
  end: number;
}

/** One cited passage of an answer. */
export interface AnswerPassage {
  /** 1-based position in the answer. */
  rank: number;
  /** Relevance, for ordering only: comparable within one answer, not across answers. */
  score: number;
  /** The passage exactly as in the article: `article text.slice(start, end) === quote`. */
  quote: string;
  start: number;
  end: number;
  /** The words of the quote that matched the question. */
  highlights: Highlight[];
  article: ArticleRef;
  /** Other articles that report the same fact, by id; the quote above stands for them all. */
  alsoReportedBy: string[];
}

export type AnswerStatus = 'answered' | 'no-answer' | 'invalid-question';

/** What `ask` returns: plain data that every face (Discord, terminal, JSON) renders. */
export interface Answer {
  question: string;
  status: AnswerStatus;
  /** True when no passage answers: either nothing matched or the question was not usable. */
  noAnswer: boolean;
  /** Why there is no answer, or a caveat about the answer, in a sentence a user can act on. */
  message?: string;
  /**
   * Words of the question the articles never use and that name neither its figure, who was counted
   * nor a place ("recently", "roughly"): left out of the search; absent when none was. `message` says so.
   */
  ignoredWords?: string[];
  /** Words that do occur in the corpus, offered when the question found nothing. */
  suggestions: string[];
  passages: AnswerPassage[];
  /** For a question about a figure ("how many killed"): the figures of the asked categories, side by side. */
  figures?: FiguresReport[];
}

/** What an engine holds, for help texts and the log. */
export interface CorpusStats {
  articles: number;
  passages: number;
  /** Files of the corpus folder that could not be read. */
  problems: number;
  /** The articles' languages, each once, in corpus order (null: unknown). */
  languages: (string | null)[];
  /** When the index was built. */
  indexedAt: Date;
}

export interface ArticleSummary extends ArticleRef {
  passages: number;
}

export interface SourcesReport {
  articles: ArticleSummary[];
  problems: CorpusProblem[];
}

export interface SourcePassage {
  index: number;
  start: number;
  end: number;
  quote: string;
}

export interface SourceDetail extends ArticleRef {
  file: string;
  /** Where each metadata field came from ("dateline …", "front matter"), so a reader can judge it. */
  provenance: Partial<Record<keyof ArticleRef, string>>;
  passages: SourcePassage[];
}

export interface AskOptions {
  /** How many passages at most; default {@link DEFAULT_LIMIT}, at most {@link MAX_LIMIT}. */
  limit?: number;
}

/** Three passages fit one chat message and usually hold the differing accounts. */
export const DEFAULT_LIMIT = 3;
export const MAX_LIMIT = 10;
/** Longer questions are pasted articles or abuse, not questions; Discord's option limit matches. */
export const MAX_QUESTION_CHARS = 500;
