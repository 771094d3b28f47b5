/**
 * Numbers written in digits and the notations around them: separators, units, currencies,
 * percentages, ages, codes ("KN-23"), and the spans with a fixed kind found before anything else
 * (phones, dates, times, list markers, URLs).
 */
import { perRegistry } from '../../languages/index.js';
import { scanDateExpressions } from '../dates.js';
import type { NumberKind } from './mention.js';
import {
  escapeRe,
  isAlnum,
  isDigit,
  isHSpace,
  isLetter,
  isLowerWord,
  makeAtom,
  numberContext,
  nextWord,
  phraseRe,
  readWordAt,
  UPPER,
  type Atom,
  type Scan,
  type UnitPatterns,
} from './scan.js';
import { wordRegExp } from '../wordBoundary.js';

/** Unit symbols and abbreviations any language writes ("mm", "km²", "kg"), to their canonical unit. */
const UNIT_SYMBOLS: ReadonlyArray<readonly [string, string]> = [
  ['mm', 'mm'],
  ['cm', 'cm'],
  ['km/h', 'km/h'],
  ['km²', 'km2'],
  ['km2', 'km2'],
  ['km', 'km'],
  ['m²', 'm2'],
  ['ha', 'ha'],
  ['m', 'm'],
  ['ft', 'ft'],
  ['kg', 'kg'],
  ['lbs', 'lb'],
  ['lb', 'lb'],
  ['mw', 'MW'],
  ['gw', 'GW'],
  ['kw', 'kW'],
  ['kwh', 'kWh'],
  ['mwh', 'MWh'],
  ['gwh', 'GWh'],
  ['twh', 'TWh'],
  ['°c', '°C'],
  ['°f', '°F'],
  ['°', '°'],
  ['mil', 'mil'],
];
/** Currency codes any language writes after a number ("500 USD"). */
const CURRENCY_CODES: ReadonlyArray<readonly [string, string]> = [
  ['usd', 'USD'],
  ['eur', 'EUR'],
  ['gbp', 'GBP'],
  ['nok', 'NOK'],
  ['krw', 'KRW'],
];
/** Currency signs and codes before a number ("$5", "NOK 500"). */
export const CURRENCY_PREFIXES: ReadonlyArray<[string, string]> = [
  ['US$', 'USD'],
  ['$', 'USD'],
  ['€', 'EUR'],
  ['£', 'GBP'],
  ['¥', 'JPY'],
  ['₩', 'KRW'],
  ['₽', 'RUB'],
  ['₴', 'UAH'],
  ['USD', 'USD'],
  ['EUR', 'EUR'],
  ['GBP', 'GBP'],
  ['NOK', 'NOK'],
  ['KRW', 'KRW'],
  ['RUB', 'RUB'],
  ['UAH', 'UAH'],
  ['kr.', 'NOK'],
  ['kr', 'NOK'],
];

function alternation(list: ReadonlyArray<readonly [string, string]>): string {
  return [...list]
    .sort((a, b) => b[0].length - a[0].length)
    .map(([w]) => phraseRe(w))
    .join('|');
}
function lookup(list: ReadonlyArray<readonly [string, string]>, found: string): string {
  const key = found.toLowerCase().replace(/[\s\u00A0]+/g, ' ');
  return list.find(([w]) => w.toLowerCase() === key)?.[1] ?? key;
}

const UNIT_END = '(?![\\p{L}\\p{N}])';

/** The units of every language with the symbols, compiled once per version of the language registry. */
export const unitPatterns = perRegistry((all): UnitPatterns => {
  const physical = [...UNIT_SYMBOLS, ...all.flatMap((module) => module.numbers.units.physical)];
  const durations = all.flatMap((module) => module.numbers.units.durations);
  const currencies = [...CURRENCY_CODES, ...all.flatMap((module) => module.numbers.units.currencies)];
  const afterScaleOnly = new Set(
    all.flatMap((module) => module.numbers.units.currenciesAfterScaleOnly.map((word) => word.toLowerCase())),
  );
  return {
    physical: new RegExp(`^(?:[ \\u00A0]?|-)(${alternation(physical)})${UNIT_END}`, 'iu'),
    duration: new RegExp(`^(?:[ \\u00A0]|-)(${alternation(durations)})${UNIT_END}`, 'iu'),
    currencyAfter: new RegExp(`^(?:[ \\u00A0]|-)(${alternation(currencies)})(?![\\p{L}\\p{N}])`, 'iu'),
    physicalUnit: (found) => lookup(physical, found),
    durationUnit: (found) => lookup(durations, found),
    currencyUnit: (found) => lookup(currencies, found),
    currencyAfterScaleOnly: (found) => afterScaleOnly.has(found.toLowerCase()),
  };
});

export const CURRENCY_BEFORE_RE = new RegExp(
  `(?:^|[^\\p{L}\\p{N}])(${CURRENCY_PREFIXES.map(([w]) => escapeRe(w)).join('|')})[ \\u00A0]?$`,
  'u',
);

export const threeDigitsAt = (text: string, p: number): boolean =>
  isDigit(text[p]) && isDigit(text[p + 1]) && isDigit(text[p + 2]) && !isDigit(text[p + 3]);

export function scaleWordAfter(s: Scan, pos: number): { end: number; scale: number; approx: boolean } | null {
  const w = nextWord(s.text, pos);
  if (!w) return null;
  const scale = s.lang.words.digitScales[w.lower];
  if (scale === undefined) return null;
  let end = w.end;
  if (s.lang.words.abbreviatedScales.includes(w.lower) && s.text[end] === '.') end++;
  return { end, scale, approx: s.lang.morphs[w.lower]?.approx === true };
}

/** True when a physical unit follows `pos` (used to refuse joining "220 240 mm"). */
export const unitFollows = (s: Scan, pos: number): boolean => s.units.physical.test(s.text.slice(pos, pos + 40));
export const scaleOrUnitFollows = (s: Scan, pos: number): boolean =>
  unitFollows(s, pos) || s.context.percent.test(s.text.slice(pos, pos + 30)) || scaleWordAfter(s, pos) !== null;

/** Reads a number written in digits starting at `i` (text[i] is a digit, text[i-1] is not). */
export function readDigitAtom(s: Scan, i: number): Atom | null {
  const { text } = s;
  const { separators } = s.lang.words;
  // Letters glued before: a model name or code ("F16", "MH17", "KN-23", "Su-34", "COVID-19").
  const codeStart = codeStartBefore(text, i);
  if (codeStart !== null) {
    const end = codeEnd(text, i);
    const digits = text.slice(i, end).match(/^\d+/)![0];
    return makeAtom(codeStart, end, Number(digits), { forced: { kind: 'other' }, fromDigits: true });
  }

  let j = i;
  while (isDigit(text[j])) j++;
  const intStr = text.slice(i, j);
  let digits = intStr;
  let grouped = false;
  const GS = separators.group;
  const DS = separators.decimal;

  if (intStr.length <= 3) {
    // Thousands with the language's group separator: 1,000 / 11.000 / 170.000
    let k = j;
    while (text[k] === GS && threeDigitsAt(text, k + 1)) {
      digits += text.slice(k + 1, k + 4);
      k += 4;
    }
    if (k > j) {
      j = k;
      grouped = true;
    }
    // Space-grouped thousands: 10 000 (nb; NBSP/thin space in any language). The next group must be
    // exactly three digits and, unless it is "000", not followed by a unit: "220 240 mm" is 220 of 240 mm.
    if (!grouped) {
      let k2 = j;
      for (;;) {
        const sep = text[k2];
        const sepOk =
          sep === '\u00A0' || sep === '\u202F' || sep === '\u2009' || (separators.spaceGroupsThousands && sep === ' ');
        if (!sepOk || !threeDigitsAt(text, k2 + 1)) break;
        const group = text.slice(k2 + 1, k2 + 4);
        if (group !== '000' && unitFollows(s, k2 + 4)) break;
        if (text[k2 + 4] === GS && isDigit(text[k2 + 5])) break;
        digits += group;
        k2 += 4;
      }
      if (k2 > j) {
        j = k2;
        grouped = true;
      }
    }
    // The other separator with exactly three digits: 1,000,000 (nb) / 1.000.000 (en) are thousands;
    // a single group ("3,600" in nb, "11.000" in en) is read as thousands unless the integer part is 0
    // or a scale word, unit or percent follows ("1,250 millioner", "3.125 km").
    if (!grouped && text[j] === DS && threeDigitsAt(text, j + 1)) {
      let k3 = j,
        groups = 0,
        acc = '';
      while (text[k3] === DS && threeDigitsAt(text, k3 + 1)) {
        acc += text.slice(k3 + 1, k3 + 4);
        k3 += 4;
        groups++;
      }
      if (
        groups >= 2 ||
        (intStr !== '0' && !scaleOrUnitFollows(s, k3) && !(text[k3] === GS && isDigit(text[k3 + 1])))
      ) {
        digits += acc;
        j = k3;
        grouped = true;
      }
    }
  }
  // Decimals: 3.5 (en), 3,5 (nb); Norwegian text also tolerates 3.5 when the part is not a 3-digit group.
  let decimals = '';
  if (text[j] === DS && isDigit(text[j + 1])) {
    let k = j + 1;
    while (isDigit(text[k])) k++;
    decimals = text.slice(j + 1, k);
    j = k;
  } else if (separators.pointDecimalToo && !grouped && text[j] === '.' && isDigit(text[j + 1])) {
    let k = j + 1;
    while (isDigit(text[k])) k++;
    if (k - j - 1 !== 3 && !(text[k] === '.' && isDigit(text[k + 1]))) {
      decimals = text.slice(j + 1, k);
      j = k;
    }
  }
  const value = Number(decimals ? `${digits}.${decimals}` : digits);
  if (!Number.isFinite(value)) return null;
  const plainInt = !grouped && !decimals;
  let atom = makeAtom(i, j, value, { fromDigits: true, plainInt, digitCount: digits.length });

  // Slash forms that are not full dates ("24/7", "1/3", "9/11"): a ratio or shorthand, not a count.
  if (text[j] === '/' && isDigit(text[j + 1])) {
    let k = j;
    while (text[k] === '/' && isDigit(text[k + 1])) {
      k++;
      while (isDigit(text[k])) k++;
    }
    return { ...atom, end: k, forced: { kind: 'other' } };
  }

  // Letters glued after the digits.
  if (isLetter(text[j])) {
    const w = readWordAt(text, j)!;
    const lower = w.lower;
    if (plainInt && s.context.ordinalSuffixes.has(lower)) return { ...atom, end: w.end, forced: { kind: 'ordinal' } };
    if (lower === 'k' && !isDigit(text[w.end])) {
      return {
        ...atom,
        end: w.end,
        value: value * 1000,
        low: value * 1000,
        high: value * 1000,
        multiplied: true,
        base: value,
        scale: 1000,
      };
    }
    if (lower === 's' && plainInt && intStr.length === 4 && value >= 1900 && value <= 2090) {
      return { ...atom, end: w.end, forced: { kind: 'year' } };
    }
    if (lower === 's' && plainInt && intStr.length === 2) return { ...atom, end: w.end, forced: { kind: 'other' } };
    if (
      ['m', 'bn', 'b', 'mn', 'mln', 'mrd'].includes(lower) &&
      !isDigit(text[w.end]) &&
      CURRENCY_BEFORE_RE.test(text.slice(Math.max(0, i - 5), i))
    ) {
      const scale = lower === 'm' || lower === 'mn' || lower === 'mln' ? 1e6 : 1e9;
      return {
        ...atom,
        end: w.end,
        value: value * scale,
        low: value * scale,
        high: value * scale,
        multiplied: true,
        base: value,
        scale,
        gluedSuffix: lower,
      };
    }
    const unit = s.units.physical.exec(text.slice(j, j + 40));
    if (unit)
      return { ...atom, end: j + unit[0].length, forced: { kind: 'measure', unit: s.units.physicalUnit(unit[1]!) } };
    const dur = /^(h|d|min|s)(?![\p{L}\p{N}])/u.exec(text.slice(j));
    if (dur)
      return {
        ...atom,
        end: j + dur[0].length,
        forced: {
          kind: 'measure',
          unit: ({ h: 'hour', d: 'day', min: 'minute', s: 'second' } as Record<string, string>)[dur[1]!.toLowerCase()]!,
        },
      };
    // Anything else glued ("9M723", "3D", "5G"): a code.
    return { ...atom, end: codeEnd(text, i), forced: { kind: 'other' } };
  }

  // Norwegian ordinal dot: "det 21. århundre", "3. plass" (dates were claimed earlier).
  if (separators.ordinalPeriod && plainInt && intStr.length <= 3 && text[j] === '.' && isHSpace(text[j + 1])) {
    const w = nextWord(text, j + 1);
    if (
      w &&
      isLowerWord(w.raw) &&
      s.lang.words.digitScales[w.lower] === undefined &&
      !s.units.physical.test(text.slice(j + 1, j + 40)) &&
      !s.units.currencyAfter.test(text.slice(j + 1, j + 40)) &&
      !s.context.percent.test(text.slice(j + 1, j + 40))
    ) {
      return { ...atom, end: j + 1, forced: { kind: 'ordinal' } };
    }
  }

  // Scale words: "1.5 million", "2 millioner", "10 thousand", "two dozen".
  const sc = scaleWordAfter(s, j);
  if (sc) {
    let scale = sc.scale;
    let end = sc.end;
    // "1.5 hundred thousand" / "5 hundre tusen"
    if (scale === 100) {
      const sc2 = scaleWordAfter(s, end);
      if (sc2 && sc2.scale > 100) {
        scale *= sc2.scale;
        end = sc2.end;
      }
    }
    const v = value * scale;
    atom = {
      ...atom,
      end,
      value: v,
      low: v,
      high: v,
      multiplied: true,
      base: value,
      scale,
      approx: sc.approx,
      plainInt: false,
    };
  }
  return atom;
}

/** Start of letters glued before digits at `i` that make a code ("F16", "KN-23", "Su-34"), or null. */
export function codeStartBefore(text: string, i: number): number | null {
  if (isLetter(text[i - 1])) {
    let k = i;
    while (k > 0 && isAlnum(text[k - 1])) k--;
    return k;
  }
  if (text[i - 1] === '-' && isLetter(text[i - 2])) {
    let k = i - 1;
    while (k > 0 && isLetter(text[k - 1])) k--;
    const letters = text.slice(k, i - 1);
    // Upper case marks a designation ("KN-23", "Su-34", "F-16"); lower case is a prefix ("mid-2024", "pre-2022").
    if (UPPER.test(letters)) {
      while (k > 1 && text[k - 1] === '-' && isAlnum(text[k - 2])) {
        k--;
        while (k > 0 && isAlnum(text[k - 1])) k--;
      }
      return k;
    }
  }
  return null;
}

/** End of an alphanumeric code that contains position `i` ("9M723", "F-16s", "Kh-101"). */
export function codeEnd(text: string, i: number): number {
  let e = i;
  for (;;) {
    while (isAlnum(text[e])) e++;
    if (text[e] === '-' && isAlnum(text[e + 1]) && /[0-9\p{Lu}]/u.test(text[e + 1]!)) {
      e++;
      continue;
    }
    return e;
  }
}

export interface Fixed {
  start: number;
  end: number;
  kind: NumberKind;
  value: number;
  unit?: string;
}

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"'\]]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;
/**
 * Phone numbers (after a label: "tel.", "tlf:"; international: "+47 …"; the usual groupings) and
 * times of day ("14:30", "2:30 pm", "kl. 16.05"), with the labels and clock words of every
 * language, compiled once per version of the language registry.
 */
const fixedPatterns = perRegistry(() => {
  const { phoneLabels, clock } = numberContext();
  return {
    phones: [
      wordRegExp(
        `(?:\\[(?:${phoneLabels})\\]|\\b(?:${phoneLabels})\\.?:?)[ \\u00A0]*(\\+?\\(?\\d[\\d \\u00A0().-]{4,}\\d)`,
        'giu',
      ),
      /(?<![\p{L}\p{N}+])\+\d{1,3}(?:[ \u00A0.-]?\(?\d{1,4}\)?){2,}(?![\p{N}])/gu,
      /(?<![\p{L}\p{N}.,-])\(\d{2,4}\)[ \u00A0]?\d{3,4}[-. ]\d{4}(?![\p{N}]|[.,-]\d)/gu,
      /(?<![\p{L}\p{N}.,-])\d{2,4}([-.])\d{3,4}\1\d{4}(?![\p{N}]|[.,-]\d)/gu,
      /(?<![\p{L}\p{N}.,])\d{2}[ \u00A0]\d{2}[ \u00A0]\d{2}[ \u00A0]\d{2}(?![\p{N}]|[.,]\d)/gu,
    ],
    times: [
      /(?<![\p{L}\p{N}])(?:(?:AM|PM|am|pm|a\.m\.|p\.m\.)[ \u00A0]*)?(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?:[ \u00A0]*(?:AM|PM|am|pm|a\.m\.|p\.m\.)(?![\p{L}]))?(?![\p{N}])/gu,
      new RegExp(`(?<![\\p{L}])(?:${clock})[ \\u00A0]*(?:[01]?\\d|2[0-3])(?:[.:][0-5]\\d)?(?![\\p{N}])`, 'giu'),
    ],
  };
});
const LIST_MARKER_RE = /(?:^|\n)[ \t]*(\d{1,2}[.)])(?=[ \t]+\p{Lu})/gu;

export function prescan(text: string, language: string): { fixed: Fixed[]; skip: Array<[number, number]> } {
  const fixed: Fixed[] = [];
  const skip: Array<[number, number]> = [];
  const taken = (a: number, b: number): boolean =>
    fixed.some((f) => a < f.end && f.start < b) || skip.some(([x, y]) => a < y && x < b);
  const digitsOf = (s: string): number => Number(s.replace(/\D/g, '').slice(0, 15) || '0');

  for (const m of text.matchAll(URL_RE)) skip.push([m.index, m.index + m[0].length]);
  const patterns = fixedPatterns();
  for (const re of patterns.phones) {
    for (const m of text.matchAll(re)) {
      const num = m[1] ?? m[0];
      const start = m.index + m[0].length - num.length;
      const end = start + num.trimEnd().length;
      if ((num.match(/\d/g)?.length ?? 0) < 7 || taken(start, end)) continue;
      fixed.push({ start, end, kind: 'phone', value: digitsOf(num) });
    }
  }
  for (const d of scanDateExpressions(text, language)) {
    if (!d.hasDigits || d.type === 'year' || taken(d.start, d.end)) continue;
    fixed.push({ start: d.start, end: d.end, kind: 'date', value: d.day ?? d.year ?? 0 });
  }
  for (const re of patterns.times) {
    for (const m of text.matchAll(re)) {
      const end = m.index + m[0].length;
      if (taken(m.index, end)) continue;
      const hour = /(\d{1,2})(?:[:.]\d{2})?/.exec(m[0].replace(/^\D+/, ''));
      fixed.push({ start: m.index, end, kind: 'time', value: hour ? Number(hour[1]) : 0 });
    }
  }
  for (const m of text.matchAll(LIST_MARKER_RE)) {
    const start = m.index + m[0].length - m[1]!.length;
    const end = start + m[1]!.length;
    if (taken(start, end)) continue;
    fixed.push({ start, end, kind: 'other', value: Number(m[1]!.slice(0, -1)) });
  }
  return { fixed, skip };
}
