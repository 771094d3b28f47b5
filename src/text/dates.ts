/**
 * Date layer of figure extraction: finds date expressions in English and
 * Norwegian sentences and resolves them against an article's publication date.
 *
 * Design rules:
 * - Pure functions, no dependencies beyond the JavaScript runtime.
 * - Offsets are UTF-16 code-unit offsets into the original text, so
 *   `text.slice(start, end) === wording` always holds.
 * - Never invent a year: a day+month without a year and without a publication
 *   date resolves to the ISO 8601 "no year" form `--MM-DD` (`--MM` for a bare
 *   month); relative expressions ("Tuesday", "last year", "on the 3rd") resolve
 *   to nothing without a publication date.
 * - Past bias: a date without a year is taken to be the most recent such date
 *   not after the publication date, because news reports mostly past events.
 */

/** How much of a resolved date is known. */
export type Precision = 'day' | 'month' | 'year';

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

/** Relative expressions understood by {@link scanDateExpressions}. */
export type RelativeDate =
  | 'yesterday'
  | 'today'
  | 'tomorrow'
  | 'day-before-yesterday'
  | 'last-year'
  | 'this-year'
  | 'next-year'
  | 'year-before-last'
  | 'last-month'
  | 'this-month'
  | 'next-month';

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
}

// ---------------------------------------------------------------------------
// Lexicon

const EN_MONTHS: Readonly<Record<string, number>> = {
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};
const NB_MONTHS: Readonly<Record<string, number>> = {
  januar: 1,
  februar: 2,
  mars: 3,
  april: 4,
  mai: 5,
  juni: 6,
  juli: 7,
  august: 8,
  september: 9,
  oktober: 10,
  november: 11,
  desember: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  okt: 10,
  nov: 11,
  des: 12,
};
const FULL_MONTH_NAMES = new Set([
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'januar',
  'februar',
  'mars',
  'mai',
  'juni',
  'juli',
  'oktober',
  'desember',
]);
const EN_WEEKDAYS: Readonly<Record<string, number>> = {
  sunday: 0,
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
};
const NB_WEEKDAYS: Readonly<Record<string, number>> = {
  søndag: 0,
  mandag: 1,
  tirsdag: 2,
  onsdag: 3,
  torsdag: 4,
  fredag: 5,
  lørdag: 6,
};

const byLengthDesc = (a: string, b: string): number => b.length - a.length;
const MONTH_ALT = [...new Set([...Object.keys(EN_MONTHS), ...Object.keys(NB_MONTHS)])].sort(byLengthDesc).join('|');
const FULL_MONTH_ALT = [...FULL_MONTH_NAMES].sort(byLengthDesc).join('|');
const WEEKDAY_ALT = [...Object.keys(EN_WEEKDAYS), ...Object.keys(NB_WEEKDAYS)].sort(byLengthDesc).join('|');
const SP = '[ \\u00A0\\u202F\\u2009]';

const isUpperInitial = (w: string): boolean => w.length > 0 && w[0] !== w[0]!.toLowerCase();
const isLowerInitial = (w: string): boolean =>
  w.length > 0 && w[0] === w[0]!.toLowerCase() && w[0] !== w[0]!.toUpperCase();

/**
 * Month number of a month word, or null. `attached` = the month word stands
 * next to a day or a year (then case is lenient for Norwegian names).
 * English month names must be capitalised ("may" is a verb, "march" a noun);
 * Norwegian names are lower case by convention, and a standalone capitalised
 * Norwegian-only name ("Mars") is taken for a proper noun.
 */
function monthOf(word: string, attached: boolean): number | null {
  const lower = word.toLowerCase();
  const en = EN_MONTHS[lower];
  const nb = NB_MONTHS[lower];
  if (!attached && !FULL_MONTH_NAMES.has(lower)) return null;
  if (en !== undefined && isUpperInitial(word)) return en;
  if (nb !== undefined && (attached || isLowerInitial(word))) return nb;
  return null;
}

function weekdayOf(word: string): number | null {
  const lower = word.toLowerCase();
  const en = EN_WEEKDAYS[lower];
  if (en !== undefined) return isUpperInitial(word) ? en : null;
  const nb = NB_WEEKDAYS[lower];
  return nb ?? null;
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

/** Parses the publication date: ISO date or timestamp (date part is taken as written), else any full date {@link parseDateline} understands. */
function parseReference(published: string | null): Ymd | null {
  if (!published) return null;
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
  handle: (m: RegExpExecArray, text: string, language: string) => DateExpression | null;
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

const PATTERNS: Pattern[] = [
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
    handle: (m, text, language) => {
      const a = Number(m[1]),
        b = Number(m[3]),
        y = Number(m[4]);
      if (!plausibleYear(y)) return null;
      let d = a,
        mo = b;
      if (m[2] === '/') {
        const monthFirst = a > 12 ? false : b > 12 ? true : !isNorwegianLang(language);
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
      `(?<![\\p{L}\\p{N}])(${MONTH_ALT})(\\.?)${SP}+(\\d{1,2})(?:st|nd|rd|th)?(?![\\p{L}\\p{N}]|[.,:]\\p{N})(?:,?${SP}+(\\d{4})(?![\\p{L}\\p{N}]|[.,]\\p{N}))?`,
      'dgiu',
    ),
    handle: (m, text) => {
      const mo = monthOf(m[1]!, true);
      const d = Number(m[3]);
      if (mo === null || !validMd(mo, d)) return null;
      if (m[2] === '.' && FULL_MONTH_NAMES.has(m[1]!.toLowerCase())) return null; // "in August. 3 more…"
      const y = m[4] !== undefined ? Number(m[4]) : undefined;
      if (y !== undefined && (!plausibleYear(y) || !validYmd(y, mo, d))) {
        // Year not plausible: keep the day+month only.
        const dayEnd = groupSpan(m, 3)![1];
        const suffix = /^(?:st|nd|rd|th)/i.exec(text.slice(dayEnd));
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
      `(?<![\\p{L}\\p{N}]|\\p{N}[.,])(\\d{1,2})(st|nd|rd|th|\\.)?${SP}+(?:of${SP}+)?(${MONTH_ALT})(?![\\p{L}])(?:\\.?,?${SP}+(\\d{4})(?![\\p{L}\\p{N}]|[.,]\\p{N}))?`,
      'dgiu',
    ),
    handle: (m, text) => {
      const d = Number(m[1]);
      const mo = monthOf(m[3]!, true);
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
      const mo = monthOf(m[1]!, true);
      const y = Number(m[2]);
      if (mo === null || !plausibleYear(y)) return null;
      return expr(text, m.index, m.index + m[0].length, { type: 'absolute', year: y, month: mo });
    },
  },
  // on the 3rd (day of the publication month)
  {
    re: new RegExp(
      `(?<![\\p{L}])(?:on|since|by|until|till|from|before|after)${SP}+(the${SP}+(\\d{1,2})(?:st|nd|rd|th))(?![\\p{L}\\p{N}])`,
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
      `(?<![\\p{L}])(?:(?:in|since|by|during|until|till|from|before|after|through|throughout|early|late|i|siden|innen|fra|til|før|etter|gjennom|året|year)${SP}+|mid-)((?:19|20)\\d{2}|2100)(?![\\p{L}\\p{N}]|[.,]\\p{N}|[-–]\\p{N})`,
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
      `(?<![\\p{L}])(?:earlier|later|tidligere|senere)${SP}+(?:this${SP}+(year|month)|denne${SP}+(måneden)|i${SP}+(måneden|år)|dette${SP}+(året))(?![\\p{L}])`,
      'dgiu',
    ),
    handle: (m, text) => {
      const unit = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').toLowerCase();
      const relative: RelativeDate = unit === 'month' || unit.startsWith('måned') ? 'this-month' : 'this-year';
      return expr(text, m.index, m.index + m[0].length, { type: 'relative', relative });
    },
  },
  // last year, this month, next year, the year before last
  {
    re: new RegExp(
      `(?<![\\p{L}])(?:(the${SP}+year${SP}+before${SP}+last)|(last|this|next|forrige|neste|denne|dette)${SP}+(year|month|måned|måneden|år|året))(?![\\p{L}])`,
      'dgiu',
    ),
    handle: (m, text) => {
      if (m[1]) return expr(text, m.index, m.index + m[0].length, { type: 'relative', relative: 'year-before-last' });
      const which = m[2]!.toLowerCase();
      const unit = m[3]!.toLowerCase();
      const isMonth = unit === 'month' || unit.startsWith('måned');
      // Norwegian agreement: "denne måneden", "dette året", "forrige måned", "neste år".
      const when =
        which === 'last' || which === 'forrige' ? 'last' : which === 'next' || which === 'neste' ? 'next' : 'this';
      const relative = `${when}-${isMonth ? 'month' : 'year'}` as RelativeDate;
      return expr(text, m.index, m.index + m[0].length, { type: 'relative', relative });
    },
  },
  // yesterday, today, tomorrow, i går, i dag, i morgen, i forgårs, i fjor, i forfjor, i år
  {
    re: new RegExp(
      `(?<![\\p{L}])(yesterday|today|tomorrow|the${SP}+day${SP}+before${SP}+yesterday|i${SP}+går|igår|i${SP}+dag|idag|i${SP}+morgen|i${SP}+forgårs|i${SP}+fjor|i${SP}+forfjor|i${SP}+år)(?![\\p{L}])`,
      'dgiu',
    ),
    handle: (m, text) => {
      const w = m[1]!.toLowerCase().replace(/[\s\u00A0\u202F\u2009]+/g, ' ');
      const map: Record<string, RelativeDate> = {
        yesterday: 'yesterday',
        today: 'today',
        tomorrow: 'tomorrow',
        'the day before yesterday': 'day-before-yesterday',
        'i går': 'yesterday',
        igår: 'yesterday',
        'i dag': 'today',
        idag: 'today',
        'i morgen': 'tomorrow',
        'i forgårs': 'day-before-yesterday',
        'i fjor': 'last-year',
        'i forfjor': 'year-before-last',
        'i år': 'this-year',
      };
      const relative = map[w];
      if (!relative) return null;
      return expr(text, m.index, m.index + m[0].length, { type: 'relative', relative });
    },
  },
  // on Tuesday, last Tuesday, Monday's briefing, torsdag, forrige torsdag, torsdagens
  {
    re: new RegExp(
      `(?<![\\p{L}])(?:(last|this|next|past|on|sist|forrige|neste|på)${SP}+)?(${WEEKDAY_ALT})(?:'s|’s|ens|s(?=${SP}))?(?![\\p{L}])`,
      'dgiu',
    ),
    handle: (m, text) => {
      const wd = weekdayOf(m[2]!);
      if (wd === null) return null;
      // "on Tuesdays" (habitual) is not a date.
      if (/^s$/i.test(text.slice(groupSpan(m, 2)![1], m.index + m[0].length))) return null;
      const mod = m[1]?.toLowerCase();
      const [ws, we] = groupSpan(m, 2)!;
      const keepModifier = mod !== undefined && mod !== 'on' && mod !== 'på';
      const start = keepModifier ? m.index : ws;
      const weekdayMode =
        mod === 'last' || mod === 'past' || mod === 'sist' || mod === 'forrige'
          ? 'before'
          : mod === 'next' || mod === 'neste'
            ? 'after'
            : 'on-or-before';
      return expr(text, start, we, { type: 'weekday', weekday: wd, weekdayMode });
    },
  },
  // in August, i januar (og februar) — continuation handled in scanDateExpressions
  {
    re: new RegExp(
      `(?<![\\p{L}])(?:in|since|by|during|until|till|from|before|after|of|through|throughout|between|early|late|i|fra|siden|til|innen|før|etter|gjennom|mellom|medio|ultimo|primo|begynnelsen${SP}+av|slutten${SP}+av|midten${SP}+av|starten${SP}+av|utgangen${SP}+av)${SP}+(?:(?:early|late|mid)${SP}*-?${SP}*)?(${FULL_MONTH_ALT})(?![\\p{L}])|(?<![\\p{L}])mid-(${FULL_MONTH_ALT})(?![\\p{L}])`,
      'dgiu',
    ),
    handle: (m, text) => {
      const g = m[1] !== undefined ? 1 : 2;
      const mo = monthOf(m[g]!, false);
      if (mo === null) return null;
      const [s, e] = groupSpan(m, g)!;
      return expr(text, s, e, { type: 'absolute', month: mo });
    },
  },
];

const CONTINUATION = new RegExp(
  `^${SP}*(?:,|and|or|og|eller|to|til|through|-|–)${SP}*(${FULL_MONTH_ALT})(?![\\p{L}])`,
  'diu',
);

/**
 * Finds date expressions (absolute, relative, weekday, bare years in a year
 * context) without resolving them. Results are sorted by `start` and never
 * overlap; when patterns compete, the more specific (earlier in the list) wins,
 * e.g. "October 5, 2024" is one expression, not "October 5" plus "2024".
 *
 * English and Norwegian month and weekday names are recognised in any
 * `language` (corpora mix them); `language` only decides the order of
 * ambiguous slash dates ("5/10/2024": month first for English, day first otherwise).
 */
export function scanDateExpressions(text: string, language = 'en'): DateExpression[] {
  const found: DateExpression[] = [];
  const overlaps = (s: number, e: number): boolean => found.some((f) => s < f.end && f.start < e);
  for (const p of PATTERNS) {
    p.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = p.re.exec(text)) !== null) {
      if (m[0].length === 0) {
        p.re.lastIndex++;
        continue;
      }
      const r = p.handle(m, text, language);
      if (r && !overlaps(r.start, r.end)) {
        found.push(r);
        // "in January and February", "i januar og februar": continue a month list.
        if (r.type === 'absolute' && r.month !== undefined && r.day === undefined && r.year === undefined) {
          let end = r.end;
          for (;;) {
            const c = CONTINUATION.exec(text.slice(end));
            if (!c) break;
            const mo = monthOf(c[1]!, false);
            const [cs, ce] = c.indices![1]!;
            if (mo === null || overlaps(end + cs, end + ce)) break;
            found.push(expr(text, end + cs, end + ce, { type: 'absolute', month: mo }));
            end += ce;
          }
        }
      }
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

function isNorwegianLang(language: string): boolean {
  return /^(nb|no|nn|nob|nno|nor)(?:[-_]|$)/i.test(language.trim());
}

// ---------------------------------------------------------------------------
// Resolution

function resolve(e: DateExpression, ref: Ymd | null): { date: string; precision: Precision } | null {
  switch (e.type) {
    case 'absolute':
    case 'year': {
      const { year: y, month: mo, day: d } = e;
      if (y !== undefined) {
        if (mo === undefined) return { date: pad4(y), precision: 'year' };
        if (d === undefined) return { date: isoYm(y, mo), precision: 'month' };
        return validYmd(y, mo, d) ? { date: isoYmd(y, mo, d), precision: 'day' } : null;
      }
      if (mo === undefined) return null;
      if (d === undefined) {
        if (!ref) return { date: `--${pad2(mo)}`, precision: 'month' };
        return { date: isoYm(mo <= ref.m ? ref.y : ref.y - 1, mo), precision: 'month' };
      }
      if (!ref) return { date: `--${pad2(mo)}-${pad2(d)}`, precision: 'day' };
      let year = mo < ref.m || (mo === ref.m && d <= ref.d) ? ref.y : ref.y - 1;
      for (let i = 0; i < 8 && !validYmd(year, mo, d); i++) year--;
      return validYmd(year, mo, d) ? { date: isoYmd(year, mo, d), precision: 'day' } : null;
    }
    case 'day-only': {
      if (!ref || e.day === undefined) return null;
      let y = ref.y,
        mo = ref.m;
      if (e.day > ref.d) {
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
      if (!ref || e.weekday === undefined) return null;
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
      const day = (n: number): { date: string; precision: Precision } => {
        const t = addDays(ref, n);
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
 * @param language 'en', 'nb' (or 'no'/'nn'); both languages' names are recognised either way.
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

/**
 * Extracts the first full date (day, month and year) from a dateline or timestamp
 * and returns it as `YYYY-MM-DD`, or null if there is none.
 *
 * Understands '2024.10.05. PM 8:58', '2024-10-05', '2024-10-05T08:58:00Z',
 * 'October 5, 2024', '5 October 2024', '5. oktober 2024', '05.10.2024'.
 * Slash dates are read day-first unless only month-first is valid ("10/25/2024").
 */
export function parseDateline(text: string): string | null {
  for (const e of scanDateExpressions(text, 'nb')) {
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

const EN_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const NB_SHORT = ['jan.', 'feb.', 'mars', 'apr.', 'mai', 'juni', 'juli', 'aug.', 'sep.', 'okt.', 'nov.', 'des.'];

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
  const nb = isNorwegianLang(locale);
  const en = /^en(?:[-_]|$)/i.test(locale);
  if (nb || en) {
    const months = nb ? NB_SHORT : EN_SHORT;
    const parts: string[] = [];
    if (d !== undefined) parts.push(nb ? `${d}.` : String(d));
    if (mo !== undefined) parts.push(months[mo - 1]!);
    if (y !== undefined) parts.push(String(y));
    else parts.push(nb ? '(ukjent år)' : '(year unknown)');
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
