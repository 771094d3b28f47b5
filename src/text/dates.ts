/**
 * Date layer of figure extraction: finds date expressions in sentences and
 * resolves them against an article's publication date. The month and weekday
 * names and relative dates are those of every registered language module
 * (src/languages/); the examples below are English and Norwegian.
 *
 * Design rules:
 * - Pure functions of the text and the registered languages.
 * - Offsets are UTF-16 code-unit offsets into the original text, so
 *   `text.slice(start, end) === wording` always holds.
 * - Never invent a year: a day+month without a year and without a publication
 *   date resolves to the ISO 8601 "no year" form `--MM-DD` (`--MM` for a bare
 *   month); relative expressions ("Tuesday", "last year", "on the 3rd") resolve
 *   to nothing without a publication date.
 * - Past bias: a date without a year is taken to be the most recent such date
 *   not after the publication date, because news reports mostly past events.
 */

import type { Precision } from '../model/claim.js';
import {
  DEFAULT_LANGUAGE,
  languageFor,
  perRegistry,
  type DateWords,
  type LanguageModule,
  type RelativeDate,
} from '../languages/index.js';
import { escapeRegExp as escapeRe } from './wordBoundary.js';

export type { RelativeDate } from '../languages/index.js';

/**
 * A date expression found in text and resolved to ISO form.
 *
 * `date` is `YYYY-MM-DD`, `YYYY-MM` or `YYYY` when the year is known, and
 * `--MM-DD` / `--MM` (ISO 8601 "year omitted" form) when it is not.
 */
export interface ResolvedDate {
  date: string;
  precision: Precision;
  start: number;
  end: number;
  wording: string;
}

/**
 * A raw (unresolved) date expression. Lower level than {@link ResolvedDate};
 * exported because the number layer uses it to classify digits that belong to
 * dates ("26. februar", "Sept. 24", "2024.10.05.").
 */
export interface DateExpression {
  start: number;
  end: number;
  wording: string;
  /**
   * - `absolute`: any of year/month/day stated explicitly ("October 3", "2024-10-05", "in August")
   * - `year`: a bare year in a year context ("in 2022")
   * - `day-only`: "on the 3rd" (day of the publication month)
   * - `weekday`: "on Tuesday", "last Tuesday", "torsdag"
   * - `relative`: "yesterday", "last year", "i fjor", "earlier this month"
   */
  type: 'absolute' | 'year' | 'day-only' | 'weekday' | 'relative';
  /** True when the wording contains at least one digit. */
  hasDigits: boolean;
  year?: number;
  month?: number;
  day?: number;
  /** 0 = Sunday … 6 = Saturday. */
  weekday?: number;
  /** For weekdays: 'on-or-before' (default), 'before' ("last Tuesday"), 'after' ("next Tuesday"). */
  weekdayMode?: 'on-or-before' | 'before' | 'after';
  relative?: RelativeDate;
  /** For a month named as a deadline ("by March", "innen mars"): the nearest such month, which may be still to come. */
  deadline?: boolean;
  /** A month of a year named relative to the publication ("지난해 10월", "loni v prosinci", "i fjor i desember"): years from it. */
  yearOffset?: number;
}

// ---------------------------------------------------------------------------
// The words of every language, compiled once per version of the language registry

const SP = '[ \\u00A0\\u202F\\u2009]';
const byLengthDesc = (a: string, b: string): number => b.length - a.length;
/** Alternatives of phrases, whose spaces match any run of spaces. */
const phrases = (list: Iterable<string>): string =>
  [...new Set(list)].map((phrase) => escapeRe(phrase).replace(/ /g, `${SP}+`)).join('|');
/** A phrase as written, with its spaces made single, lower case: the key of a phrase table. */
const phraseKey = (text: string): string => text.toLowerCase().replace(/[\s\u00A0\u202F\u2009]+/g, ' ');

const isUpperInitial = (w: string): boolean => w.length > 0 && w[0] !== w[0]!.toLowerCase();
const isLowerInitial = (w: string): boolean =>
  w.length > 0 && w[0] === w[0]!.toLowerCase() && w[0] !== w[0]!.toUpperCase();

interface DateVocabulary {
  modules: readonly LanguageModule[];
  fullMonthNames: ReadonlySet<string>;
  relativePhrases: ReadonlyMap<string, RelativeDate>;
  thisPeriod: ReadonlyMap<string, 'this-month' | 'this-year'>;
  patterns: Pattern[];
  continuation: RegExp;
}

const vocabulary = perRegistry((modules): DateVocabulary => {
  const all = (pick: (dates: DateWords) => Iterable<string>) => modules.flatMap((module) => [...pick(module.dates)]);
  const fullMonthNames = new Set(all((d) => d.fullMonthNames));
  const words: Omit<DateVocabulary, 'patterns' | 'continuation'> = {
    modules,
    fullMonthNames,
    relativePhrases: new Map(modules.flatMap((module) => Object.entries(module.dates.relativePhrases))),
    thisPeriod: new Map(modules.flatMap((module) => Object.entries(module.dates.thisPeriod))),
  };
  return { ...words, patterns: datePatterns(words, all), continuation: continuationOf(all) };
});

/**
 * Month number of a month word, or null. `attached` = the month word stands
 * next to a day or a year (then case is lenient where names are not capitalised).
 * Capitalised names must be capitalised ("may" is a verb, "march" a noun);
 * lower-case names are lower case by convention, and a standalone capitalised
 * name ("Mars") is taken for a proper noun.
 */
function monthOf(
  words: Pick<DateVocabulary, 'modules' | 'fullMonthNames'>,
  word: string,
  attached: boolean,
): number | null {
  const lower = word.toLowerCase();
  if (!attached && !words.fullMonthNames.has(lower)) return null;
  for (const { dates } of words.modules) {
    const month = dates.months[lower];
    if (month === undefined) continue;
    if (dates.namesCapitalised ? isUpperInitial(word) : attached || isLowerInitial(word)) return month;
  }
  return null;
}

/** The first language that knows a weekday name decides: where names are capitalised, only a capitalised one. */
function weekdayOf(words: Pick<DateVocabulary, 'modules'>, word: string): number | null {
  const lower = word.toLowerCase();
  for (const { dates } of words.modules) {
    const weekday = dates.weekdays[lower];
    if (weekday !== undefined) return !dates.namesCapitalised || isUpperInitial(word) ? weekday : null;
  }
  return null;
}

// ---------------------------------------------------------------------------
// Calendar helpers (UTC, proleptic Gregorian)

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}
function daysInMonth(y: number, m: number): number {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1] ?? 0;
}
function validYmd(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}
/** Day+month valid in at least one year (29 February included). */
function validMd(m: number, d: number): boolean {
  return validYmd(2000, m, d);
}
const pad2 = (n: number): string => String(n).padStart(2, '0');
const pad4 = (n: number): string => String(n).padStart(4, '0');
const isoYmd = (y: number, m: number, d: number): string => `${pad4(y)}-${pad2(m)}-${pad2(d)}`;
const isoYm = (y: number, m: number): string => `${pad4(y)}-${pad2(m)}`;

interface Ymd {
  y: number;
  m: number;
  d: number;
}

function addDays(ref: Ymd, days: number): Ymd {
  const t = new Date(Date.UTC(ref.y, ref.m - 1, ref.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}
function dayOfWeek(ref: Ymd): number {
  return new Date(Date.UTC(ref.y, ref.m - 1, ref.d)).getUTCDay();
}

/**
 * A publication date known to the month only (`published: 2025-03`): a day of its month ("the
 * 12th") and its year resolve, a weekday or "yesterday" does not.
 */
interface YearMonth {
  y: number;
  m: number;
  d: null;
}

/**
 * Parses the publication date: ISO date or timestamp (date part is taken as written), an ISO month
 * (`2025-03`), else any full date {@link parseDateline} understands.
 */
function parseReference(published: string | null): Ymd | YearMonth | null {
  if (!published) return null;
  const month = /^\s*(\d{4})-(\d{2})\s*$/.exec(published);
  if (month) {
    const y = Number(month[1]),
      m = Number(month[2]);
    return m >= 1 && m <= 12 ? { y, m, d: null } : null;
  }
  const m = /^\s*(\d{4})-(\d{2})-(\d{2})/.exec(published);
  if (m) {
    const y = Number(m[1]),
      mo = Number(m[2]),
      d = Number(m[3]);
    return validYmd(y, mo, d) ? { y, m: mo, d } : null;
  }
  const iso = parseDateline(published);
  if (!iso) return null;
  return { y: Number(iso.slice(0, 4)), m: Number(iso.slice(5, 7)), d: Number(iso.slice(8, 10)) };
}

const YEAR_MIN = 1900;
const YEAR_MAX = 2100;
const plausibleYear = (y: number): boolean => y >= YEAR_MIN && y <= YEAR_MAX;

// ---------------------------------------------------------------------------
// Scanner

interface Pattern {
  re: RegExp;
  /** `slashMonthFirst`: how an ambiguous slash date ("5/10/2024") is read in this text. */
  handle: (m: RegExpExecArray, text: string, slashMonthFirst: boolean) => DateExpression | null;
}

function expr(
  text: string,
  start: number,
  end: number,
  fields: Omit<DateExpression, 'start' | 'end' | 'wording' | 'hasDigits'>,
): DateExpression {
  const wording = text.slice(start, end);
  return { start, end, wording, hasDigits: /\d/.test(wording), ...fields };
}

/** Start/end of a capture group (requires the `d` flag). */
function groupSpan(m: RegExpExecArray, group: number): [number, number] | null {
  const span = m.indices?.[group];
  return span ? [span[0], span[1]] : null;
}

/** A never-matching alternative where no language has words for a pattern. */
const alternatives = (list: Iterable<string>): string => phrases(list) || '(?!)';

/** The date patterns, most specific first, with the words of every registered language. */
function datePatterns(
  words: Omit<DateVocabulary, 'patterns' | 'continuation'>,
  all: (pick: (dates: DateWords) => Iterable<string>) => string[],
): Pattern[] {
  const MONTH_ALT = [...new Set(all((d) => Object.keys(d.months)))].sort(byLengthDesc).join('|');
  const FULL_MONTH_ALT = [...words.fullMonthNames].sort(byLengthDesc).join('|');
  const WEEKDAY_ALT = all((d) => Object.keys(d.weekdays))
    .sort(byLengthDesc)
    .join('|');
  const suffixes = phrases(all((d) => d.dayOrdinalSuffixes));
  const SUFFIX = suffixes ? `(?:${suffixes})?` : '';
  const SUFFIX_OR_PERIOD = suffixes ? `(${suffixes}|\\.)?` : '(\\.)?';
  const dayOfMonth = phrases(all((d) => d.dayOfMonth));
  const OF = dayOfMonth ? `(?:(?:${dayOfMonth})${SP}+)?` : '';
  const before = new Set(all((d) => d.weekdayModifiers.before));
  const after = new Set(all((d) => d.weekdayModifiers.after));
  const on = new Set(all((d) => d.weekdayModifiers.on));
  const lastWords = new Set(all((d) => d.periodModifiers.last));
  const nextWords = new Set(all((d) => d.periodModifiers.next));
  const monthUnits = new Set(all((d) => d.periodUnits.month));
  const monthParts = phrases(all((d) => d.monthParts));
  const suffixAfterDay = suffixes ? new RegExp(`^(?:${suffixes})`, 'i') : null;
  const weekdayPlurals = phrases(all((d) => d.weekdayPlurals));
  const weekdayPlural = new RegExp(`^(?:${weekdayPlurals || '(?!)'})$`, 'i');
  // Particles that may attach to a date word ("지난달에", "월요일에는"): the word still ends there.
  const particles = phrases(all((d) => d.particles ?? []));
  const END = particles ? `(?=(?:${particles})?(?![\\p{L}]))` : '(?![\\p{L}])';
  return [
    ...markerPatterns(words, all),
    // 2024-10-05, 2024.10.05., 2024/10/05
    {
      re: /(?<![\p{L}\p{N}]|[\p{N}][-./])(\d{4})([-./])(\d{1,2})\2(\d{1,2})(\.(?=[\s)\]]|$))?(?![\p{N}]|[-./]\p{N})/dgu,
      handle: (m, text) => {
        const y = Number(m[1]),
          mo = Number(m[3]),
          d = Number(m[4]);
        if (!plausibleYear(y) || !validYmd(y, mo, d)) return null;
        return expr(text, m.index, m.index + m[0].length, { type: 'absolute', year: y, month: mo, day: d });
      },
    },
    // 05.10.2024, 5/10/2024 (en: M/D/Y unless impossible), 05-10-2024
    {
      re: /(?<![\p{L}\p{N}]|[\p{N}][-./])(\d{1,2})([-./])(\d{1,2})\2(\d{4})(?![\p{N}]|[-./]\p{N})/dgu,
      handle: (m, text, slashMonthFirst) => {
        const a = Number(m[1]),
          b = Number(m[3]),
          y = Number(m[4]);
        if (!plausibleYear(y)) return null;
        let d = a,
          mo = b;
        if (m[2] === '/') {
          const monthFirst = a > 12 ? false : b > 12 ? true : slashMonthFirst;
          if (monthFirst) {
            mo = a;
            d = b;
          }
        }
        if (!validYmd(y, mo, d)) return null;
        return expr(text, m.index, m.index + m[0].length, { type: 'absolute', year: y, month: mo, day: d });
      },
    },
    // October 3, Sept. 24, Dec 18, 2024, October 3rd
    {
      re: new RegExp(
        `(?<![\\p{L}\\p{N}])(${MONTH_ALT})(\\.?)${SP}+(\\d{1,2})${SUFFIX}(?![\\p{L}\\p{N}]|[.,:]\\p{N})(?:,?${SP}+(\\d{4})(?![\\p{L}\\p{N}]|[.,]\\p{N}))?`,
        'dgiu',
      ),
      handle: (m, text) => {
        const mo = monthOf(words, m[1]!, true);
        const d = Number(m[3]);
        if (mo === null || !validMd(mo, d)) return null;
        if (m[2] === '.' && words.fullMonthNames.has(m[1]!.toLowerCase())) return null; // "in August. 3 more…"
        const y = m[4] !== undefined ? Number(m[4]) : undefined;
        if (y !== undefined && (!plausibleYear(y) || !validYmd(y, mo, d))) {
          // Year not plausible: keep the day+month only.
          const dayEnd = groupSpan(m, 3)![1];
          const suffix = suffixAfterDay?.exec(text.slice(dayEnd)) ?? null;
          return expr(text, m.index, dayEnd + (suffix ? suffix[0].length : 0), { type: 'absolute', month: mo, day: d });
        }
        return expr(text, m.index, m.index + m[0].length, {
          type: 'absolute',
          month: mo,
          day: d,
          ...(y !== undefined ? { year: y } : {}),
        });
      },
    },
    // 3 October 2024, 26. februar, 3rd of October, 5. oktober 2024
    {
      re: new RegExp(
        `(?<![\\p{L}\\p{N}]|\\p{N}[.,])(\\d{1,2})${SUFFIX_OR_PERIOD}${SP}+${OF}(${MONTH_ALT})(?![\\p{L}])(?:\\.?,?${SP}+(\\d{4})(?![\\p{L}\\p{N}]|[.,]\\p{N}))?`,
        'dgiu',
      ),
      handle: (m, text) => {
        const d = Number(m[1]);
        const mo = monthOf(words, m[3]!, true);
        if (mo === null || !validMd(mo, d)) return null;
        const y = m[4] !== undefined ? Number(m[4]) : undefined;
        if (y !== undefined && (!plausibleYear(y) || !validYmd(y, mo, d))) {
          const monthEnd = groupSpan(m, 3)![1];
          return expr(text, m.index, monthEnd, { type: 'absolute', month: mo, day: d });
        }
        return expr(text, m.index, m.index + m[0].length, {
          type: 'absolute',
          month: mo,
          day: d,
          ...(y !== undefined ? { year: y } : {}),
        });
      },
    },
    // October 2024, februar 2025
    {
      re: new RegExp(`(?<![\\p{L}\\p{N}])(${MONTH_ALT})\\.?,?${SP}+(\\d{4})(?![\\p{L}\\p{N}]|[.,]\\p{N})`, 'dgiu'),
      handle: (m, text) => {
        const mo = monthOf(words, m[1]!, true);
        const y = Number(m[2]);
        if (mo === null || !plausibleYear(y)) return null;
        return expr(text, m.index, m.index + m[0].length, { type: 'absolute', year: y, month: mo });
      },
    },
    // on the 3rd (day of the publication month)
    {
      re: new RegExp(
        `(?<![\\p{L}])(?:${alternatives(all((d) => d.dayOnlyContext))})${SP}+((?:${alternatives(all((d) => d.dayOnlyArticle))})${SP}+(\\d{1,2})(?:${alternatives(all((d) => d.dayOrdinalSuffixes))}))(?![\\p{L}\\p{N}])`,
        'dgiu',
      ),
      handle: (m, text) => {
        const d = Number(m[2]);
        if (d < 1 || d > 31) return null;
        const [s, e] = groupSpan(m, 1)!;
        return expr(text, s, e, { type: 'day-only', day: d });
      },
    },
    // in 2022, i 2023, since 2014, mid-2024
    {
      re: new RegExp(
        `(?<![\\p{L}])(?:(?:${alternatives(all((d) => d.yearContext))})${SP}+|mid-)((?:19|20)\\d{2}|2100)(?![\\p{L}\\p{N}]|[.,]\\p{N}|[-–]\\p{N})`,
        'dgiu',
      ),
      handle: (m, text) => {
        const y = Number(m[1]);
        if (!plausibleYear(y)) return null;
        const [s, e] = groupSpan(m, 1)!;
        return expr(text, s, e, { type: 'year', year: y });
      },
    },
    // earlier this month, later this year, tidligere denne måneden, tidligere i år
    {
      re: new RegExp(
        `(?<![\\p{L}])(?:${alternatives(all((d) => d.earlierOrLater))})${SP}+(${alternatives(words.thisPeriod.keys())})(?![\\p{L}])`,
        'dgiu',
      ),
      handle: (m, text) => {
        const relative = words.thisPeriod.get(phraseKey(m[1]!));
        if (!relative) return null;
        return expr(text, m.index, m.index + m[0].length, { type: 'relative', relative });
      },
    },
    // last year, this month, next year, the year before last
    {
      re: new RegExp(
        `(?<![\\p{L}])(?:(${alternatives(all((d) => d.yearBeforeLast))})|(${alternatives(all((d) => [...d.periodModifiers.last, ...d.periodModifiers.this, ...d.periodModifiers.next]))})${SP}+(${alternatives(all((d) => [...d.periodUnits.year, ...d.periodUnits.month]))}))${END}`,
        'dgiu',
      ),
      handle: (m, text) => {
        if (m[1]) return expr(text, m.index, m.index + m[0].length, { type: 'relative', relative: 'year-before-last' });
        const which = m[2]!.toLowerCase();
        const unit = m[3]!.toLowerCase();
        const isMonth = monthUnits.has(unit);
        const when = lastWords.has(which) ? 'last' : nextWords.has(which) ? 'next' : 'this';
        const relative = `${when}-${isMonth ? 'month' : 'year'}` as RelativeDate;
        return expr(text, m.index, m.index + m[0].length, { type: 'relative', relative });
      },
    },
    // yesterday, today, tomorrow, i går, i dag, i morgen, i forgårs, i fjor, i forfjor, i år
    {
      re: new RegExp(`(?<![\\p{L}])(${alternatives(words.relativePhrases.keys())})${END}`, 'dgiu'),
      handle: (m, text) => {
        const relative = words.relativePhrases.get(phraseKey(m[1]!));
        if (!relative) return null;
        return expr(text, m.index, m.index + m[0].length, { type: 'relative', relative });
      },
    },
    // on Tuesday, last Tuesday, Monday's briefing, torsdag, forrige torsdag, torsdagens
    {
      re: new RegExp(
        `(?<![\\p{L}])(?:(${alternatives(all((d) => [...d.weekdayModifiers.before, ...d.weekdayModifiers.this, ...d.weekdayModifiers.after, ...d.weekdayModifiers.on]))})${SP}+)?(${WEEKDAY_ALT})(?:${[...all((d) => d.weekdayPossessives).map(escapeRe), ...(weekdayPlurals ? [`(?:${weekdayPlurals})(?=${SP})`] : [])].join('|') || '(?!)'})?${END}`,
        'dgiu',
      ),
      handle: (m, text) => {
        const wd = weekdayOf(words, m[2]!);
        if (wd === null) return null;
        // "on Tuesdays" (habitual) is not a date.
        if (weekdayPlural.test(text.slice(groupSpan(m, 2)![1], m.index + m[0].length))) return null;
        const mod = m[1]?.toLowerCase();
        const [ws, we] = groupSpan(m, 2)!;
        const keepModifier = mod !== undefined && !on.has(mod);
        const start = keepModifier ? m.index : ws;
        const weekdayMode =
          mod !== undefined && before.has(mod)
            ? 'before'
            : mod !== undefined && after.has(mod)
              ? 'after'
              : 'on-or-before';
        return expr(text, start, we, { type: 'weekday', weekday: wd, weekdayMode });
      },
    },
    // by March, innen mars: a deadline, which may lie ahead of the article
    {
      re: new RegExp(
        `(?<![\\p{L}])(?:${alternatives(all((d) => d.deadlineContext ?? []))})${SP}+(${FULL_MONTH_ALT})(?![\\p{L}])`,
        'dgiu',
      ),
      handle: (m, text) => {
        const mo = monthOf(words, m[1]!, false);
        if (mo === null) return null;
        const [s, e] = groupSpan(m, 1)!;
        return expr(text, s, e, { type: 'absolute', month: mo, deadline: true });
      },
    },
    // in August, i januar (og februar) — continuation handled in scanDateExpressions
    {
      re: new RegExp(
        `(?<![\\p{L}])(?:${alternatives(all((d) => d.monthContext))})${SP}+${monthParts ? `(?:(?:${monthParts})${SP}*-?${SP}*)?` : ''}(${FULL_MONTH_ALT})(?![\\p{L}])|(?<![\\p{L}])(?:${alternatives(all((d) => d.monthPrefixes))})-(${FULL_MONTH_ALT})(?![\\p{L}])`,
        'dgiu',
      ),
      handle: (m, text) => {
        const g = m[1] !== undefined ? 1 : 2;
        const mo = monthOf(words, m[g]!, false);
        if (mo === null) return null;
        const [s, e] = groupSpan(m, g)!;
        return expr(text, s, e, { type: 'absolute', month: mo });
      },
    },
  ];
}

/**
 * Dates written with a marker after each number (Korean "2025년 3월 5일", "3월 5일", "2025년 3월",
 * "3월", "5일" and "지난 5일" for the 5th of the publication month), with the markers of every
 * language that has them. A day's marker followed by a span word ("5일간", "3일 동안") is no date.
 */
function markerPatterns(
  words: Omit<DateVocabulary, 'patterns' | 'continuation'>,
  all: (pick: (dates: DateWords) => Iterable<string>) => string[],
): Pattern[] {
  const markers = words.modules.flatMap((module) => (module.dates.numericMarkers ? [module.dates.numericMarkers] : []));
  if (markers.length === 0) return [];
  const Y = `(?:${markers.map((m) => escapeRe(m.year)).join('|')})`;
  const M = `(?:${markers.map((m) => escapeRe(m.month)).join('|')})`;
  const D = `(?:${markers.map((m) => escapeRe(m.day)).join('|')})(?!${markers.flatMap((m) => m.notDateAfterDay).join('|') || '(?!)'})`;
  const lastWords = phrases(all((d) => d.periodModifiers.last));
  const NUM = '(?<![\\p{L}\\p{N}.,])';
  // "지난해 10월", "올해 1~2월": a month of a year named relative to the publication.
  const offsets: Partial<Record<RelativeDate, number>> = {
    'last-year': -1,
    'this-year': 0,
    'next-year': 1,
    'year-before-last': -2,
  };
  const relativeYears = [...words.relativePhrases].filter(([, relative]) => offsets[relative] !== undefined);
  const RELATIVE_YEAR = phrases(relativeYears.map(([phrase]) => phrase)) || '(?!)';
  const absolute = (text: string, m: RegExpExecArray, y?: string, mo?: string, d?: string): DateExpression | null => {
    const year = y !== undefined ? Number(y) : undefined;
    const month = mo !== undefined ? Number(mo) : undefined;
    const day = d !== undefined ? Number(d) : undefined;
    if (year !== undefined && !plausibleYear(year)) return null;
    if (month !== undefined && (month < 1 || month > 12)) return null;
    if (month !== undefined && day !== undefined && !validMd(month, day)) return null;
    return expr(text, m.index, m.index + m[0].length, {
      type: 'absolute',
      ...(year !== undefined ? { year } : {}),
      ...(month !== undefined ? { month } : {}),
      ...(day !== undefined ? { day } : {}),
    });
  };
  return [
    // 2025년 3월 5일, 2025년 3월, 3월 5일; "1~2월": the months up to February, dated by the last
    {
      re: new RegExp(
        `(?:(?<![\\p{L}])(${RELATIVE_YEAR})${SP}+)?${NUM}(?:(\\d{4})${Y}${SP}*)?(?:\\d{1,2}[~∼〜-])?(\\d{1,2})${M}(?:${SP}*(\\d{1,2})${D})?`,
        'dgu',
      ),
      handle: (m, text) => {
        const found = absolute(text, m, m[2], m[3], m[4]);
        const relative = m[1] !== undefined ? words.relativePhrases.get(phraseKey(m[1])) : undefined;
        const offset = relative !== undefined ? offsets[relative] : undefined;
        return found && offset !== undefined && m[2] === undefined ? { ...found, yearOffset: offset } : found;
      },
    },
    // 2025년
    {
      re: new RegExp(`${NUM}(\\d{4})${Y}`, 'dgu'),
      handle: (m, text) => absolute(text, m, m[1]),
    },
    // 5일, 지난 5일: a day of the publication month
    {
      re: new RegExp(`${NUM}(?:(?:${lastWords || '(?!)'})${SP}+)?(\\d{1,2})${D}`, 'dgu'),
      handle: (m, text) => {
        const day = Number(m[1]);
        if (day < 1 || day > 31) return null;
        return expr(text, m.index, m.index + m[0].length, { type: 'day-only', day });
      },
    },
  ];
}

/** "January and February", "januar og februar": a list of months continues after the first. */
function continuationOf(all: (pick: (dates: DateWords) => Iterable<string>) => string[]): RegExp {
  const fullMonths = [...new Set(all((d) => d.fullMonthNames))].sort(byLengthDesc).join('|');
  const joiners = phrases(all((d) => d.monthListJoiners));
  return new RegExp(`^${SP}*(?:,|${joiners ? `${joiners}|` : ''}-|–)${SP}*(${fullMonths})(?![\\p{L}])`, 'diu');
}

/**
 * Finds date expressions (absolute, relative, weekday, bare years in a year
 * context) without resolving them. Results are sorted by `start` and never
 * overlap; when patterns compete, the more specific (earlier in the list) wins,
 * e.g. "October 5, 2024" is one expression, not "October 5" plus "2024".
 *
 * The month and weekday names of every registered language are recognised in any
 * `language` (corpora mix them); `language` only decides the order of ambiguous
 * slash dates ("5/10/2024": month first where its module says so, as English does;
 * English for a tag no module reads), unless `order` says how this text writes them.
 */
export function scanDateExpressions(
  text: string,
  language = 'en',
  order?: { slashMonthFirst: boolean },
): DateExpression[] {
  const words = vocabulary();
  const slashMonthFirst = order?.slashMonthFirst ?? (languageFor(language) ?? DEFAULT_LANGUAGE).dates.slashMonthFirst;
  // The number reader, the figure extractor and the attribution reader scan the same sentence in
  // turn, with other texts between: the last few scans are kept.
  const recent = recentScans.find(
    (scan) => scan.text === text && scan.words === words && scan.slashMonthFirst === slashMonthFirst,
  );
  if (recent) return recent.found.map((e) => ({ ...e }));
  const found = scanText(text, words, slashMonthFirst);
  recentScans.unshift({ text, words, slashMonthFirst, found });
  if (recentScans.length > RECENT_SCANS) recentScans.pop();
  return found.map((e) => ({ ...e }));
}

const RECENT_SCANS = 8;
const recentScans: { text: string; words: DateVocabulary; slashMonthFirst: boolean; found: DateExpression[] }[] = [];

function scanText(text: string, words: DateVocabulary, slashMonthFirst: boolean): DateExpression[] {
  const found: DateExpression[] = [];
  const overlaps = (s: number, e: number): boolean => found.some((f) => s < f.end && f.start < e);
  for (const p of words.patterns) {
    p.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = p.re.exec(text)) !== null) {
      if (m[0].length === 0) {
        p.re.lastIndex++;
        continue;
      }
      const r = p.handle(m, text, slashMonthFirst);
      if (r && !overlaps(r.start, r.end)) {
        found.push(r);
        // "in January and February", "i januar og februar": continue a month list.
        if (r.type === 'absolute' && r.month !== undefined && r.day === undefined && r.year === undefined) {
          let end = r.end;
          for (;;) {
            const c = words.continuation.exec(text.slice(end));
            if (!c) break;
            const mo = monthOf(words, c[1]!, false);
            const [cs, ce] = c.indices![1]!;
            if (mo === null || overlaps(end + cs, end + ce)) break;
            found.push(expr(text, end + cs, end + ce, { type: 'absolute', month: mo }));
            end += ce;
          }
        }
      }
    }
  }
  return withRelativeYears(
    text,
    found.sort((a, b) => a.start - b.start),
  );
}

const YEAR_OFFSETS: Partial<Record<RelativeDate, number>> = { 'last-year': -1, 'this-year': 0, 'year-before-last': -2 };

/**
 * "loni v prosinci", "i fjor i desember", "last year in December": a relative year followed by a
 * month (one short word between, or none) is one date, that month of that year.
 */
function withRelativeYears(text: string, found: DateExpression[]): DateExpression[] {
  const out: DateExpression[] = [];
  for (const e of found) {
    const year = out.at(-1);
    const offset = year?.type === 'relative' && year.relative ? YEAR_OFFSETS[year.relative] : undefined;
    if (
      year &&
      offset !== undefined &&
      e.type === 'absolute' &&
      e.month !== undefined &&
      e.day === undefined &&
      e.year === undefined &&
      /^[\s\u00A0]+(?:\p{Ll}{1,3}[\s\u00A0]+)?$/u.test(text.slice(year.end, e.start))
    ) {
      out[out.length - 1] = {
        ...expr(text, year.start, e.end, { type: 'absolute', month: e.month }),
        yearOffset: offset,
      };
      continue;
    }
    out.push(e);
  }
  return out;
}

// ---------------------------------------------------------------------------
// Resolution

function resolve(e: DateExpression, ref: Ymd | YearMonth | null): { date: string; precision: Precision } | null {
  switch (e.type) {
    case 'absolute':
    case 'year': {
      const { month: mo, day: d } = e;
      const y = e.year ?? (e.yearOffset !== undefined && ref ? ref.y + e.yearOffset : undefined);
      if (e.yearOffset !== undefined && y === undefined) return null;
      if (y !== undefined) {
        if (mo === undefined) return { date: pad4(y), precision: 'year' };
        if (d === undefined) return { date: isoYm(y, mo), precision: 'month' };
        return validYmd(y, mo, d) ? { date: isoYmd(y, mo, d), precision: 'day' } : null;
      }
      if (mo === undefined) return null;
      if (d === undefined) {
        if (!ref) return { date: `--${pad2(mo)}`, precision: 'month' };
        // "by March" in January is the coming March; "by March" in April the one just past.
        const monthsAhead = (mo - ref.m + 12) % 12;
        if (e.deadline && monthsAhead > 0 && monthsAhead < 6) {
          return { date: isoYm(mo > ref.m ? ref.y : ref.y + 1, mo), precision: 'month' };
        }
        return { date: isoYm(mo <= ref.m ? ref.y : ref.y - 1, mo), precision: 'month' };
      }
      if (!ref) return { date: `--${pad2(mo)}-${pad2(d)}`, precision: 'day' };
      let year = mo < ref.m || (mo === ref.m && (ref.d === null || d <= ref.d)) ? ref.y : ref.y - 1;
      for (let i = 0; i < 8 && !validYmd(year, mo, d); i++) year--;
      return validYmd(year, mo, d) ? { date: isoYmd(year, mo, d), precision: 'day' } : null;
    }
    case 'day-only': {
      if (!ref || e.day === undefined) return null;
      let y = ref.y,
        mo = ref.m;
      if (ref.d !== null && e.day > ref.d) {
        mo--;
        if (mo === 0) {
          mo = 12;
          y--;
        }
      }
      for (let i = 0; i < 3 && e.day > daysInMonth(y, mo); i++) {
        mo--;
        if (mo === 0) {
          mo = 12;
          y--;
        }
      }
      return validYmd(y, mo, e.day) ? { date: isoYmd(y, mo, e.day), precision: 'day' } : null;
    }
    case 'weekday': {
      if (!ref || ref.d === null || e.weekday === undefined) return null;
      const dow = dayOfWeek(ref);
      let shift: number;
      if (e.weekdayMode === 'after') shift = (e.weekday - dow + 7) % 7 || 7;
      else {
        const back = (dow - e.weekday + 7) % 7;
        shift = -(e.weekdayMode === 'before' && back === 0 ? 7 : back);
      }
      const t = addDays(ref, shift);
      return { date: isoYmd(t.y, t.m, t.d), precision: 'day' };
    }
    case 'relative': {
      if (!ref || !e.relative) return null;
      const { d } = ref;
      const day = (n: number): { date: string; precision: Precision } | null => {
        if (d === null) return null;
        const t = addDays({ ...ref, d }, n);
        return { date: isoYmd(t.y, t.m, t.d), precision: 'day' };
      };
      const month = (n: number): { date: string; precision: Precision } => {
        const idx = ref.y * 12 + (ref.m - 1) + n;
        return { date: isoYm(Math.floor(idx / 12), (idx % 12) + 1), precision: 'month' };
      };
      switch (e.relative) {
        case 'yesterday':
          return day(-1);
        case 'today':
          return day(0);
        case 'tomorrow':
          return day(1);
        case 'day-before-yesterday':
          return day(-2);
        case 'last-year':
          return { date: pad4(ref.y - 1), precision: 'year' };
        case 'this-year':
          return { date: pad4(ref.y), precision: 'year' };
        case 'next-year':
          return { date: pad4(ref.y + 1), precision: 'year' };
        case 'year-before-last':
          return { date: pad4(ref.y - 2), precision: 'year' };
        case 'last-month':
          return month(-1);
        case 'this-month':
          return month(0);
        case 'next-month':
          return month(1);
      }
    }
  }
  return null;
}

/**
 * Finds dates in `text` and resolves them against the article's publication date.
 *
 * - Explicit dates ("3 October 2024", "2024-10-05", "October 2024") resolve as written.
 * - Day+month without a year ("on October 3", "26. februar", "Sept. 24") → the most
 *   recent such date not after `published`; without `published` → `--MM-DD`.
 * - Month without a year ("in August", "i januar og februar") → most recent such month
 *   not after the publication month (precision 'month'); without `published` → `--MM`.
 * - "on the 3rd" → that day of the publication month, or of the previous month if the
 *   day is after the publication day.
 * - Weekdays ("on Tuesday", "torsdag", "Monday's") → most recent such weekday on or
 *   before `published`; "last Tuesday" strictly before, "next Tuesday" strictly after.
 * - Relative words ("yesterday", "i går", "last year", "i fjor", "this year", "i år",
 *   "earlier this month", "tidligere denne måneden") → relative to `published`.
 * - Bare years in a year context ("in 2022", "i 2023") → precision 'year'.
 * - Without `published`, weekday/relative/day-only expressions are dropped (never invent a year).
 *
 * @param language a BCP 47 tag; every registered language's names are recognised either way.
 * @param reference `published` is an ISO date or timestamp (the date part is used as written), or null.
 */
export function findDates(text: string, language: string, reference: { published: string | null }): ResolvedDate[] {
  const ref = parseReference(reference.published);
  const out: ResolvedDate[] = [];
  for (const e of scanDateExpressions(text, language)) {
    const r = resolve(e, ref);
    if (r) out.push({ date: r.date, precision: r.precision, start: e.start, end: e.end, wording: e.wording });
  }
  return out;
}

const DATELINE_ORDER = { slashMonthFirst: false } as const;

/**
 * Extracts the first full date (day, month and year) from a dateline or timestamp
 * and returns it as `YYYY-MM-DD`, or null if there is none.
 *
 * Understands '2024.10.05. PM 8:58', '2024-10-05', '2024-10-05T08:58:00Z',
 * 'October 5, 2024', '5 October 2024', '5. oktober 2024', '05.10.2024'.
 * Slash dates are read day-first unless only month-first is valid ("10/25/2024"): a dateline's
 * language is not known yet, and day-first is how most datelines outside the U.S. write them.
 */
export function parseDateline(text: string): string | null {
  for (const e of scanDateExpressions(text, DEFAULT_LANGUAGE.tags[0], DATELINE_ORDER)) {
    if (e.type === 'absolute' && e.year !== undefined && e.month !== undefined && e.day !== undefined) {
      return isoYmd(e.year, e.month, e.day);
    }
  }
  return null;
}

// ---------------------------------------------------------------------------
// Ordering and display

const KNOWN_ISO = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
const UNKNOWN_YEAR_ISO = /^--\d{2}(?:-\d{2})?$/;

/**
 * Comparator for ISO date strings (or objects with a `date` field) as produced by
 * {@link findDates}: dates with a known year first, chronologically (a coarser date
 * sorts before finer dates inside it: '2024' < '2024-10' < '2024-10-03'); then
 * year-unknown dates ('--02-26') by month and day; then anything unparseable.
 */
export function compareDates(a: string | { date: string }, b: string | { date: string }): number {
  const x = typeof a === 'string' ? a : a.date;
  const y = typeof b === 'string' ? b : b.date;
  const rank = (s: string): number => (KNOWN_ISO.test(s) ? 0 : UNKNOWN_YEAR_ISO.test(s) ? 1 : 2);
  const rx = rank(x),
    ry = rank(y);
  if (rx !== ry) return rx - ry;
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Formats an ISO date from {@link findDates} for display.
 *
 * English (default, and any 'en-*'): '3 Oct 2024', 'Oct 2024', '2024', '26 Feb (year unknown)'.
 * Norwegian ('nb', 'no', 'nn'): '3. okt. 2024', 'okt. 2024', '26. feb. (ukjent år)'.
 * Other locales use `Intl.DateTimeFormat`. English and Norwegian use fixed month
 * abbreviations so output does not depend on the runtime's ICU data.
 *
 * @param precision defaults to the precision implied by `iso`; a coarser precision truncates.
 * @returns `iso` unchanged when it is not a date this module produces.
 */
export function formatDate(iso: string, precision?: Precision, locale = 'en'): string {
  const known = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  const unknown = known ? null : /^--(\d{2})(?:-(\d{2}))?$/.exec(iso);
  if (!known && !unknown) return iso;
  const y = known ? Number(known[1]) : undefined;
  let mo = known ? (known[2] !== undefined ? Number(known[2]) : undefined) : Number(unknown![1]);
  let d = known
    ? known[3] !== undefined
      ? Number(known[3])
      : undefined
    : unknown![2] !== undefined
      ? Number(unknown![2])
      : undefined;
  if (mo !== undefined && (mo < 1 || mo > 12)) return iso;
  if (precision === 'month' || precision === 'year') d = undefined;
  if (precision === 'year') {
    if (y !== undefined) mo = undefined;
  }
  const language = languageFor(locale.trim());
  if (language) {
    const { shortMonths, dayPeriod, unknownYear } = language.dates;
    const parts: string[] = [];
    if (d !== undefined) parts.push(dayPeriod ? `${d}.` : String(d));
    if (mo !== undefined) parts.push(shortMonths[mo - 1]!);
    if (y !== undefined) parts.push(String(y));
    else parts.push(unknownYear);
    return parts.join(' ');
  }
  try {
    const opts: Intl.DateTimeFormatOptions = { timeZone: 'UTC' };
    if (d !== undefined) opts.day = 'numeric';
    if (mo !== undefined) opts.month = 'short';
    if (y !== undefined) opts.year = 'numeric';
    const date = new Date(Date.UTC(y ?? 2000, (mo ?? 1) - 1, d ?? 1));
    const s = new Intl.DateTimeFormat(locale, opts).format(date);
    return y === undefined ? `${s} (?)` : s;
  } catch {
    return formatDate(iso, precision, 'en');
  }
}
