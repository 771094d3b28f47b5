/**
 * A figure as the engine states it: a claim (a count of something, as of a date, by a claimant,
 * with every place it is made), and the verdicts that compare claims side by side. Plain data:
 * figures/ extracts and compares them, the engine serves them, the faces render them.
 */
import type { FigureCategory } from './categories.js';

/** How much of a resolved date is known. */
export type Precision = 'day' | 'month' | 'year';

/** How the text qualifies a figure; see src/text/numbers/index.ts for the value/low/high each implies. */
export type Qualifier = 'exact' | 'at least' | 'more than' | 'about' | 'nearly' | 'up to' | 'less than' | 'vague';

/** Who says a figure: the claimant and, where the text gives it, the channel ("Reuters" in "informed Reuters that…"). */
export interface Attribution {
  claimant: string;
  channel: string | null;
}

export interface AsOf {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; `--MM-DD` / `--MM` when the text gives no year. */
  date: string;
  precision: Precision;
  /** `HH:MM`, when a live blog's entry stamp dates the figure within its day ("18:47 GMT", "kl. 16.05"). */
  time?: string;
}

/** Where an `asOf` came from: the sentence itself, the sentence before it, or the article's date. */
export type AsOfBasis = 'sentence' | 'context' | 'published';

/** One place a claim is made. */
export interface ClaimSource {
  articleId: string;
  /** The sentence, exactly as in the article (`text.slice(start, end)`). */
  quote: string;
  start: number;
  end: number;
  /** The figure's own words, e.g. "at least 100". */
  wording: string;
  attributedTo: Attribution | null;
  asOf: AsOf | null;
  asOfBasis: AsOfBasis | null;
  /** How this telling qualifies the figure ("approximately 11,000" merged with "11,000" is still about 11,000 here). */
  qualifier?: Qualifier;
  low?: number | null;
  high?: number | null;
}

/** The period a rate counts per: "roughly 70 casualties a day" is 70 per `day`. */
export type RatePeriod = 'day' | 'week' | 'month' | 'year';

export interface Claim {
  /** Stable within an index: the first source's article and offset. */
  id: string;
  value: number;
  /** The range the words state; `null` is open ("at least 100" has no upper bound). */
  low: number | null;
  high: number | null;
  qualifier: Qualifier;
  wording: string;
  category: FigureCategory;
  /** What was counted, for weapons: shells, missiles, launchers, containers, guns, weapons. */
  item: string | null;
  /** Who was counted, as a person reads it: "North Korean officers". */
  subject: string;
  /**
   * What decides whether two claims count the same thing: officers, troops, people, an item,
   * `other:<words>` or `unspecified`; `more:<scope>` for an increment ("two more soldiers
   * captured"); and `@<nation>` when the text says whose ("troops@north-korean").
   */
  scope: string;
  /**
   * A rate, not a count: "roughly 70 casualties a day" is 70 per day. Compared only with rates of
   * the same period (its scope starts `per-<period>:`).
   */
  rate?: RatePeriod;
  /** A forecast, not a count: "could lose up to 9,000" (its scope starts `projection:`). */
  projection?: boolean;
  /** Of several nations together: "Russian and North Korean losses of 350" (its scope's nation joins them with `+`). */
  combined?: boolean;
  /**
   * One incident ("the strike killed 20 people") is `true`; a cumulative toll the text calls one
   * ("so far", "in total", "since October") is `false`; left out when the text says neither. An
   * incident and a cumulative toll are not compared.
   */
  incident?: boolean;
  /** One of two figures offered as alternatives in one sentence ("1 million shells, or perhaps 2 million"): never a disagreement with the other. */
  alternative?: boolean;
  /** The range its tellings span together, when they qualify it differently ("approximately 11,000" and "11,000"). */
  span?: { low: number | null; high: number | null };
  asOf: AsOf | null;
  attributedTo: Attribution | null;
  /** Every distinct source of this figure, when several sources report it. */
  attributions: Attribution[];
  articles: string[];
  quote: string;
  sources: ClaimSource[];
}

export type VerdictKind = 'disagree' | 'far apart' | 'grew' | 'different scope' | 'consistent' | 'undated';

export interface Verdict {
  kind: VerdictKind;
  /** The claims it is about, by id, in the order the explanation names them. */
  claims: string[];
  /** One line a user can read. */
  explanation: string;
}

export interface FiguresReport {
  category: FigureCategory;
  /** For weapons: what was counted (shells, missiles…); null for people. */
  item: string | null;
  claims: Claim[];
  verdicts: Verdict[];
  /**
   * How many of the claims the verdicts compare, when not all: a category of more than
   * figures/compare.ts `MAX_COMPARED` figures is compared among its most relevant (most reported,
   * then latest: those a face lists first).
   */
  compared?: number;
}
