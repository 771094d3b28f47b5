/**
 * Expressions: a number read in digits or words, joined into a range ("between 100 and 200"),
 * qualified ("at least"), and classified (a count, a year, a measure…).
 */
import type { Qualifier } from '../../model/claim.js';
import type { NumberKind, NumberMention } from './mention.js';
import { CURRENCY_PREFIXES, readDigitAtom } from './notations.js';
import {
  escapeRe,
  isClaimed,
  isDigit,
  isLowerWord,
  nextWord,
  phraseBefore,
  wordBefore,
  type Atom,
  type Scan,
  type Word,
} from './scan.js';
import { readCompoundWords, readSeparateWords } from './words.js';
import { withCounter } from './counters.js';

export function readAtom(s: Scan, pos: number): Atom | null {
  if (isDigit(s.text[pos])) return readDigitAtom(s, pos, s.module);
  const atom = s.lang.words.grammar === 'compound' ? readCompoundWords(s, pos) : readSeparateWords(s, pos);
  // "수백 명", "두 명": a counter after number words too.
  return atom && s.module.numbers.counters ? withCounter(s, atom, s.module) : atom;
}

// ---------------------------------------------------------------------------
// Noun checks for ambiguous number words

/** "one" counts before a noun: not in "one of", "no one", "one after another". */
function oneIsCount(s: Scan, atom: Atom): boolean {
  const prev = wordBefore(s, atom.start);
  if (prev && s.lang.oneNotCountPrecededBy.has(prev.word.toLowerCase())) return false;
  const nxt = nextWord(s.text, atom.end);
  return nxt !== null && !s.lang.oneNotCountFollowedBy.has(nxt.lower);
}

/** A lower-case word with a plural ending, or an irregular plural. */
function pluralish(s: Scan, w: Word): boolean {
  if (!isLowerWord(w.raw)) return false;
  const { words, plural, irregularPlurals } = s.lang;
  return (w.lower.length >= words.pluralMinLength && plural.test(w.lower)) || irregularPlurals.has(w.lower);
}

/** "tre soldater", "to store skip": a plural noun, perhaps after an adjective, follows. */
function nounFollows(s: Scan, atom: Atom): boolean {
  const w1 = nextWord(s.text, atom.end);
  if (!w1) return false;
  if (atom.needsNounCheck === 'stressed-one')
    return isLowerWord(w1.raw) && !s.lang.stressedOneNotCountBefore.has(w1.lower);
  if (pluralish(s, w1)) return true;
  if (isLowerWord(w1.raw) && s.lang.pluralAdjective.test(w1.lower)) {
    const w2 = nextWord(s.text, w1.end);
    return w2 !== null && pluralish(s, w2);
  }
  return false;
}

/** A number expression before its wording is cut from the text. */
export type Expr = Omit<NumberMention, 'wording'>;

function canRange(a: Atom, b: Atom): boolean {
  return !a.vague && !b.vague && !a.forced && !b.forced;
}

interface RangeResult {
  second: Atom;
  lowV: number;
  prefixStart: number | null;
}

/** Looks for "A-B", "A to B", "A til B", "A or B", "between A and B", "mellom A og B", "from A to B". */
function readRange(s: Scan, first: Atom, floor: number): RangeResult | null {
  const { text } = s;
  const rest = text.slice(first.end, first.end + 30);
  const between = phraseBefore(s, first.start, s.lang.betweenAlternatives, floor);
  const from = phraseBefore(s, first.start, s.lang.fromAlternatives, floor);
  let m: RegExpExecArray | null;
  let connector: 'dash' | 'to' | 'or' | 'and' | null = null;
  if ((m = /^[ \u00A0]?[-–—~∼〜][ \u00A0]?(?=[0-9])/.exec(rest)) && first.fromDigits) connector = 'dash';
  else if ((m = s.lang.to.exec(rest))) connector = 'to';
  else if ((m = s.lang.or.exec(rest))) connector = 'or';
  else if (between && (m = s.lang.and.exec(rest))) connector = 'and';
  if (!m || !connector) return null;
  const p2 = first.end + m[0].length;
  if (isClaimed(s, p2)) return null;
  if (connector === 'dash' && !isDigit(text[p2])) return null;
  const second = readAtom(s, p2);
  if (!second || !canRange(first, second)) return null;
  if (connector === 'dash' && !second.fromDigits) return null;
  // "from 100 to 200" after a change verb ("rose from 100 to 200") is a change, not a range.
  if (connector === 'to' && from) {
    const verb = phraseBefore(s, from.start, s.context.changeVerbs, floor);
    if (verb) return null;
  }
  if (connector === 'to' && !from && phraseBefore(s, first.start, s.context.changeVerbs, floor)) return null;
  let lowV = first.value;
  // "between 1 and 1.5 million": the scale word belongs to both figures.
  if (second.multiplied && !first.multiplied && first.value <= second.base) lowV = first.value * second.scale;
  if (!(second.value > lowV)) return null;
  if (connector === 'or' && first.fromDigits !== second.fromDigits) return null;
  const prefixStart = connector === 'and' ? between!.start : connector === 'to' && from ? from.start : null;
  return { second, lowV, prefixStart };
}

function qualifierBefore(s: Scan, pos: number, floor: number): { start: number; q: Qualifier } | null {
  const m = phraseBefore(s, pos, s.lang.qualifierAlternatives, floor);
  if (!m) return null;
  const key = m.phrase.toLowerCase().replace(/[\s\u00A0]+/g, ' ');
  const q = s.lang.qualifiers.get(key);
  return q ? { start: m.start, q } : null;
}

/** Applies a qualifier to an interval (see the module comment). */
function qualify(
  q: Qualifier,
  value: number,
  low: number,
  high: number,
): Pick<Expr, 'value' | 'low' | 'high' | 'qualifier'> {
  switch (q) {
    case 'at least':
    case 'more than':
      return { value, low, high: null, qualifier: q };
    case 'nearly':
    case 'up to':
    case 'less than':
      return { value, low: null, high, qualifier: q };
    default:
      return { value, low, high, qualifier: q };
  }
}

const CURRENCY_PREFIX_ALTS = [...CURRENCY_PREFIXES]
  .sort((a, b) => b[0].length - a[0].length)
  .map(([w]) => escapeRe(w))
  .join('|');

const yearish = (a: Atom): boolean => a.plainInt && a.digitCount === 4 && a.value >= 1900 && a.value <= 2100;

interface Classified {
  kind: NumberKind;
  unit?: string;
  start: number;
  end: number;
}

/**
 * Decides the kind of the number(s) spanning [coreStart, coreEnd) and extends the span over
 * currency signs and unit words. `first`/`last` are the atoms (the same atom unless a range).
 */
function classify(
  s: Scan,
  first: Atom,
  last: Atom,
  isRange: boolean,
  coreStart: number,
  coreEnd: number,
  floor: number,
): Classified {
  const { text } = s;
  const after = text.slice(coreEnd, coreEnd + 60);
  let m: RegExpExecArray | null;
  if (first.forced) {
    const r: Classified = { kind: first.forced.kind, start: coreStart, end: coreEnd };
    if (first.forced.unit !== undefined) r.unit = first.forced.unit;
    return r;
  }
  const currency = phraseBefore(s, coreStart, CURRENCY_PREFIX_ALTS, floor, '[ \\u00A0]?');
  if (currency && coreStart === first.start) {
    const cw = s.units.currencyAfter.exec(after);
    const unit =
      CURRENCY_PREFIXES.find(([w]) => w.toLowerCase() === currency.phrase.toLowerCase())?.[1] ?? currency.phrase;
    return { kind: 'money', unit, start: currency.start, end: coreEnd + (cw ? cw[0].length : 0) };
  }
  if (last.counter) return { kind: 'count', start: coreStart, end: coreEnd };
  if (first.gluedSuffix) return { kind: 'money', start: coreStart, end: coreEnd };
  if ((m = s.context.percent.exec(after)))
    return { kind: 'percent', unit: '%', start: coreStart, end: coreEnd + m[0].length };
  if ((m = s.units.currencyAfter.exec(after)) && (first.multiplied || !s.units.currencyAfterScaleOnly(m[1]!))) {
    return { kind: 'money', unit: s.units.currencyUnit(m[1]!), start: coreStart, end: coreEnd + m[0].length };
  }
  if ((m = s.context.ageAfter.exec(after)))
    return { kind: 'age', unit: 'year', start: coreStart, end: coreEnd + m[0].length };
  if (phraseBefore(s, coreStart, s.context.ageBefore, floor))
    return { kind: 'age', unit: 'year', start: coreStart, end: coreEnd };
  if (!last.multiplied && (m = s.units.physical.exec(after))) {
    return { kind: 'measure', unit: s.units.physicalUnit(m[1]!), start: coreStart, end: coreEnd + m[0].length };
  }
  if ((m = s.units.duration.exec(after)))
    return { kind: 'measure', unit: s.units.durationUnit(m[1]!), start: coreStart, end: coreEnd + m[0].length };
  if (first.fromDigits && !isRange && (m = s.context.timeAfter.exec(after)))
    return { kind: 'time', start: coreStart, end: coreEnd + m[0].length };
  if (first.plainInt && (m = s.context.decadeAfter.exec(after)))
    return { kind: 'year', start: coreStart, end: coreEnd + m[0].length };
  if (
    first.fromDigits &&
    (phraseBefore(s, coreStart, s.context.codePrefixes, floor) ||
      /[#№]$/.test(text.slice(Math.max(floor, coreStart - 1), coreStart)))
  ) {
    return { kind: 'other', start: coreStart, end: coreEnd };
  }
  // Norwegian press style: "Kim Jong-un (40)".
  if (
    first.fromDigits &&
    !isRange &&
    first.digitCount <= 3 &&
    first.plainInt &&
    text[coreStart - 1] === '(' &&
    text[coreEnd] === ')' &&
    /\p{Lu}[\p{L}-]*[ \u00A0]?\($/u.test(text.slice(Math.max(0, coreStart - 40), coreStart))
  ) {
    return { kind: 'age', unit: 'year', start: coreStart, end: coreEnd };
  }
  if (yearish(first) && (!isRange || yearish(last)) && isYear(s, first, last, floor))
    return { kind: 'year', start: coreStart, end: coreEnd };
  return { kind: 'count', start: coreStart, end: coreEnd };
}

/** Builds the expression starting with `first`; returns null when the atom is not a number here. */
export function buildExpr(s: Scan, first: Atom, floor: number): Expr | null {
  const { text } = s;
  // "2022-23": a span of years (a failed range, since 23 < 2022).
  if (yearish(first)) {
    const yy = /^[-–](\d{2})(?![\p{N}\p{L}])/u.exec(text.slice(first.end, first.end + 4));
    const hi = yy ? Math.floor(first.value / 100) * 100 + Number(yy[1]) : 0;
    if (yy && hi > first.value) {
      return {
        start: first.start,
        end: first.end + 3,
        value: first.value,
        low: first.value,
        high: hi,
        qualifier: 'exact',
        kind: 'year',
      };
    }
  }
  const range = readRange(s, first, floor);
  if (!range) {
    if (first.needsNounCheck === 'one' && !oneIsCount(s, first)) return null;
    if (
      (first.needsNounCheck === 'plural' || first.needsNounCheck === 'stressed-one') &&
      !nounFollows(s, first) &&
      !qualifierBefore(s, first.start, floor)
    ) {
      return null;
    }
  }
  const last = range ? range.second : first;
  const coreStart = range?.prefixStart ?? first.start;
  const c = classify(s, first, last, range !== null, coreStart, last.end, floor);
  const low0 = range ? range.lowV : first.low;
  const high0 = last.high;
  const value0 = range ? (range.lowV + last.value) / 2 : first.value;
  const base: Expr = {
    start: c.start,
    end: c.end,
    value: value0,
    low: low0,
    high: high0,
    qualifier: 'exact',
    kind: c.kind,
  };
  if (c.unit !== undefined) base.unit = c.unit;

  // Qualifiers only make sense on quantities (and on fractions: "nearly half").
  const quantity =
    c.kind === 'count' ||
    c.kind === 'measure' ||
    c.kind === 'percent' ||
    c.kind === 'money' ||
    c.kind === 'age' ||
    (c.kind === 'other' && first.forced?.kind === 'other' && !first.fromDigits);
  if (!quantity) return base;
  base.qualifier = first.vague ? 'vague' : first.approx ? 'about' : 'exact';
  const q = qualifierBefore(s, c.start, floor);
  // "выросло до 1 000" (rose to 1,000): after a change verb, a word for "to" that also means "up to" is "to".
  const changedTo = q?.q === 'up to' && phraseBefore(s, q.start, s.context.changeVerbs, floor) !== null;
  if (q && !changedTo) return { ...base, start: q.start, ...qualify(q.q, value0, low0, high0) };
  // "300여 명", "100명 이상": a qualifier written after the number.
  const own = last.qualifier ?? first.qualifier;
  if (own) return { ...base, ...qualify(own, value0, low0, high0) };
  if (!range && c.kind === 'count') {
    const sm = s.context.suffixQualifiers.exec(text.slice(c.end, c.end + 20));
    if (sm)
      return {
        ...base,
        end: c.end + sm[0].length,
        ...qualify(sm[1] ? 'at least' : sm[2] ? 'about' : 'up to', value0, low0, high0),
      };
  }
  return base;
}

/**
 * Year rule for a plain 4-digit number in 1900–2100 (or a range of two such numbers).
 * A year when: a year context precedes ("in", "since", "i", "mid-"…); or a determiner plus a
 * singular noun ("the 2024 election"); or a possessive ("2024's"); or no counted noun follows
 * (punctuation, end, a function word, or a singular noun: "2024 summit"). A count when a plural
 * noun follows, possibly after capitalised words ("2000 North Korean soldiers"), when a count
 * word follows ("2000 more"), when a count qualifier precedes and any lower-case word follows
 * ("about 2000 badly wounded"), or after a change verb ("rose to 2000").
 */
function isYear(s: Scan, first: Atom, last: Atom, floor: number): boolean {
  const { text } = s;
  if (phraseBefore(s, first.start, s.context.yearContext, floor)) return true;
  if (phraseBefore(s, first.start, s.context.yearPrefixes, floor, '-')) return true;
  if (phraseBefore(s, first.start, `(?:${s.context.changeVerbs})[\\s\\u00A0]+(?:${s.context.rangeTo})`, floor))
    return false;
  if (/^['’]s(?![\p{L}])/u.test(text.slice(last.end))) return true;
  // The first lower-case word after the number, skipping up to three capitalised words.
  let w = nextWord(text, last.end);
  for (let k = 0; k < 3 && w && !isLowerWord(w.raw); k++) w = nextWord(text, w.end);
  if (!w || !isLowerWord(w.raw)) return true;
  if (s.context.functionWordsAfter.has(w.lower)) return true;
  const plural = pluralish(s, w) || s.lang.countWords.has(w.lower);
  if (plural) return false;
  if (phraseBefore(s, first.start, s.context.yearDeterminers, floor)) return true;
  return !qualifierBefore(s, first.start, floor);
}
