/** What the number parser finds: one numeric expression, its value, interval, qualifier and kind. */
import type { Qualifier } from '../../model/claim.js';

/** What a numeric expression is. Only 'count' is a candidate figure. */
export type NumberKind =
  | 'count'
  | 'year'
  | 'date'
  | 'time'
  | 'measure'
  | 'ordinal'
  | 'percent'
  | 'phone'
  | 'age'
  | 'money'
  | 'other';

/** One numeric expression found by {@link findNumbers}. `text.slice(start, end) === wording`. */
export interface NumberMention {
  /** Offset (UTF-16 code units) of the whole expression, qualifier words included. */
  start: number;
  end: number;
  /** `text.slice(start, end)`, e.g. "at least 100", "several hundred", "rundt 4000". */
  wording: string;
  /** Representative value: the figure, a range's midpoint, or a vague word's low end. */
  value: number;
  /** Lower bound; null = open. */
  low: number | null;
  /** Upper bound; null = open-ended. */
  high: number | null;
  qualifier: Qualifier;
  kind: NumberKind;
  /** measure: 'mm', 'km', 'kg', 'day', 'year'…; percent: '%'; money: 'USD', 'NOK'…; age: 'year'. */
  unit?: string;
}
