import type { ArticleRef, CorpusProblem } from '../model/article.js';
import type { AsOf, FiguresReport, Qualifier } from '../model/claim.js';
import type { FigureCategory } from '../model/categories.js';

// The faces read every type of an answer from here; those other layers share are defined in src/model.
export type { ArticleRef, CorpusProblem, FiguresReport };
export type { Claim, Qualifier, Verdict, VerdictKind } from '../model/claim.js';
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
  /** For a question about a figure: the bottom line of its figures, every part naming its claims. */
  summary?: AnswerSummary;
}

/** One end of a summary's range: the value of one claim, as its words qualify it. */
export interface SummaryBound {
  value: number;
  qualifier: Qualifier;
  /** The claim's id. */
  claim: string;
}

/** An independent source of a summary's estimates: a claimant, however many outlets carry it. */
export interface SummarySource {
  /** Its short name ("Andrii Kovalenko"). */
  name: string;
  /** The claims it gives, by id. */
  claims: string[];
  /** The articles that report it saying so. */
  articles: string[];
}

/**
 * The bottom line of a figure question (src/engine/summary.ts): the estimates of the main subject
 * (the most reported scope, and figures that leave theirs unsaid) and, apart, those of other scopes.
 */
export interface AnswerSummary {
  category: FigureCategory;
  item: string | null;
  /** Who was counted, as the claims say it ("North Korean soldiers"); empty when none says. */
  subject: string;
  /** What happened to them: the category's name or the item ("killed", "shells"). */
  what: string;
  /** The lowest and the highest estimate (values as stated: "at least 100" is 100). */
  low: SummaryBound;
  high: SummaryBound;
  /** The estimates of the main subject, by claim id. */
  claims: string[];
  sources: SummarySource[];
  /** Estimates that no one is said to give. */
  unattributed: string[];
  /** The articles those estimates are told in. */
  articles: string[];
  /** The estimate with the latest full date (a known year); null when none has one. */
  latest: { claim: string; value: number; qualifier: Qualifier; asOf: AsOf; claimant: string | null } | null;
  /** Pairs of those estimates whose words cannot both be true of the same time, by claim id. */
  disagree: string[][];
  /** Pairs whose words can both be true but whose estimates are far apart. */
  farApart: string[][];
  /** Figures of other scopes, apart (one strike's dead): at most three. */
  separately: { claim: string; value: number; qualifier: Qualifier; subject: string; asOf: AsOf | null }[];
  /** Figures of other scopes not listed. */
  moreSeparately: number;
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
  /**
   * Answer from this one article (its id) as if it were the whole corpus: its passages only, and
   * the figures as it tells them (its own sources, compared among themselves). An unknown id answers nothing.
   */
  article?: string;
}

/** Three passages fit one chat message and usually hold the differing accounts. */
export const DEFAULT_LIMIT = 3;
export const MAX_LIMIT = 10;
/** Longer questions are pasted articles or abuse, not questions; Discord's option limit matches. */
export const MAX_QUESTION_CHARS = 500;
