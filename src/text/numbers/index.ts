/**
 * Number layer of figure extraction: finds every numeric expression in a
 * sentence (in any registered language; the examples below are English and
 * Norwegian), with exact offsets, a value, an interval,
 * a qualifier and a kind. Only `kind: 'count'` mentions are candidates for
 * figures ("20 people killed"); every other kind (years, dates, times,
 * measures, ordinals, percentages, phone numbers, ages, money, codes and
 * fractions) is classified so callers can drop it.
 *
 * ## Conventions for `value`, `low`, `high`
 * `low`/`high` are what the wording states, never an invented tolerance;
 * `null` means open on that side. For a stated figure N:
 *
 * | qualifier   | examples                                   | value | low  | high |
 * |-------------|--------------------------------------------|-------|------|------|
 * | exact       | "20", "six", "1.5 million"                 | N     | N    | N    |
 * | at least    | "at least", "minst", "100 or more", "100+" | N     | N    | null |
 * | more than   | "more than", "over", "exceeded", "drøyt"   | N     | N    | null |
 * | about       | "about", "around", "some", "rundt", "ca."  | N     | N    | N    |
 * | nearly      | "nearly", "almost", "close to", "nesten"   | N     | null | N    |
 * | up to       | "up to", "as many as", "opptil", "inntil"  | N     | null | N    |
 * | less than   | "fewer than", "under", "færre enn"         | N     | null | N    |
 *
 * "more than"/"less than" bounds are exclusive but stored as the stated figure
 * (N, not N+1: "more than 1.5 million" has no meaningful successor); the
 * qualifier tells strictness. "about" keeps low = high = N: the tolerance is a
 * policy for the caller, not something the text says.
 *
 * Ranges ("170,000–180,000", "between 100 and 200", "mellom 100 og 200",
 * "from 1,000 to 1,500", "two or three") have low/high = the two figures and
 * value = the midpoint; the qualifier is 'exact' unless a qualifier word
 * precedes ("about 100-200" → 'about'; "up to 100-200" → low null).
 *
 * Vague words have qualifier 'vague', an interval read from the word, and a
 * value at the low end (what the speaker commits to):
 *
 * | wording                                 | value  | low    | high     |
 * |-----------------------------------------|--------|--------|----------|
 * | a few / noen få                         | 3      | 2      | 5        |
 * | a couple / et par                       | 2      | 2      | 3        |
 * | a handful / en håndfull                 | 4      | 2      | 6        |
 * | dozens / dusinvis                       | 24     | 24     | 99       |
 * | scores (of)                             | 40     | 40     | 99       |
 * | hundreds / hundrevis                    | 200    | 200    | 999      |
 * | thousands / tusenvis                    | 2,000  | 2,000  | 9,999    |
 * | tens of thousands / titusenvis          | 20,000 | 20,000 | 99,999   |
 * | hundreds of thousands / hundretusenvis  | 200k   | 200k   | 999,999  |
 * | millions / millioner / millionvis       | 2M     | 2M     | 9,999,999|
 * | several X / flere X (X = hundred, …)    | 3X     | 2X     | 9X       |
 * | a few X / noen X                        | 3X     | 2X     | 5X       |
 * | a couple (of) X / et par X              | 2X     | 2X     | 3X       |
 *
 * A qualifier word before a vague word keeps its own meaning on the vague
 * interval ("at least hundreds" → at least, low 200, high null). "a dozen" /
 * "et dusin" (and "two dozen") are 'about' 12 (24). "several", "many",
 * "some" alone are not numbers.
 *
 * Non-count kinds keep a value too: year → the year; date → the day of month
 * (the year when there is no day); time → the hour; ordinal → the rank;
 * phone → the digits as a number; fractions (kind 'other', "half", "a third
 * of", "halvparten") → 0.5, 1/3…; codes ("KN-23") → the digits.
 *
 * ## Wording
 * `wording` covers qualifier words ("at least 100"), range words ("between
 * 1,000 and 1,500"), currency ("$5 million"), units ("240 mm", "40%",
 * "20-year-old"), but never the counted noun.
 *
 * ## Separators
 * English: "1,000" thousands, "3.5" decimal. Norwegian: "11.000" and "10 000"
 * (space, NBSP or thin space) thousands, "3,5" decimal. Space groups join only
 * when the next group is exactly three digits and, unless it is "000", no unit
 * follows: "omtrent 220 240 mm" is about 220 (count) + 240 mm (measure). The
 * other language's separator before exactly three digits ("3,600" in a
 * Norwegian text, "11.000" in an English one) is read as thousands unless the
 * integer part is 0 or a scale word, unit or percent follows ("1,250 millioner").
 *
 * ## Years
 * A plain 4-digit number in 1900–2100 is a year after a year context ("in",
 * "since", "i", "mid-"…), before a possessive or a singular noun ("the 2024
 * election"), or with no counted noun after it; a count before a plural noun
 * ("2000 North Korean soldiers"), a count word ("2000 more") or after a change
 * verb ("rose to 2000").
 *
 * ## Known limitations
 * - A year context wins over a following plural: "in 2000 cases" is a year.
 * - "on/since/by the 3rd" is a date even in "on the 3rd floor".
 * - "from A to B" is a range unless a change verb precedes ("rose from 100 to 200").
 * - "10 500 km" (space group before a unit) reads as 10 + 500 km.
 * - Ambiguous words are conservative: English "one" needs a following word
 *   that is not a stop word ("one of", "one after another", "no one" are not
 *   counts); Norwegian "to/tre/ni/seks" need a plural-looking noun (-er, -ene,
 *   -ar, -ane, or a known irregular plural) or a qualifier, so "tre drepte"
 *   is missed; "en/et/ett" count only before a scale word ("en million").
 * - "several", "many", "flere", "noen" alone are not numbers.
 * - Only ASCII digits; number words are not joined across line breaks.
 */

import { DEFAULT_LANGUAGE, languageFor, languagesVersion } from '../../languages/index.js';
import { buildExpr, readAtom, type Expr } from './expressions.js';
import type { NumberMention } from './mention.js';
import { prescan, unitPatterns } from './notations.js';
import {
  firstClaimEndingAfter,
  isAlnum,
  isDigit,
  isLetter,
  MARK,
  numberContext,
  numberReading,
  overlapsClaimed,
  type Scan,
} from './scan.js';

export type { NumberKind, NumberMention } from './mention.js';

/**
 * Finds every numeric expression in `text` with exact offsets.
 *
 * @param language a BCP 47 tag ('en', 'nb', 'nn-NO'…): the registered language
 *   module that reads it (src/languages/; English for a tag none reads) gives the
 *   thousands/decimal separators ("1,000" and "3.5" in English; "11.000",
 *   "10 000" and "3,5" in Norwegian), the number words, idioms and qualifiers.
 *   Units, dates and the words around numbers of every registered language are
 *   read whatever the language.
 * @returns mentions sorted by `start`, never overlapping; each satisfies
 *   `text.slice(start, end) === wording` and `start < end`. Only `kind: 'count'`
 *   mentions are figure candidates. See the module comment for the
 *   value/low/high conventions.
 *
 * Never throws; unusual input yields fewer mentions, not errors.
 */
export function findNumbers(text: string, language: string): NumberMention[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  // Indexing reads each sentence twice (its facts, then its claims): the second read is free.
  if (recentAt !== languagesVersion()) {
    recent.clear();
    recentAt = languagesVersion();
  }
  const key = `${language}\u0000${text}`;
  const known = recent.get(key);
  if (known) return known;
  // Frozen: the list is shared between callers, so none may change it.
  const found = Object.freeze(scanNumbers(text, language)) as NumberMention[];
  if (recent.size >= RECENT_SENTENCES) recent.clear();
  recent.set(key, found);
  return found;
}

/** How many sentences' numbers are remembered: the sentences of the article being indexed. */
const RECENT_SENTENCES = 512;
const recent = new Map<string, NumberMention[]>();
/** The registry version the remembered sentences were read with: a language registered later reads them anew. */
let recentAt = -1;

function scanNumbers(text: string, language: string): NumberMention[] {
  const module = languageFor(language) ?? DEFAULT_LANGUAGE;
  const context = numberContext();
  const { fixed, skip } = prescan(text, module.tags[0]!);
  const claimed = [...skip, ...fixed.map((f): [number, number] => [f.start, f.end])].sort((a, b) => a[0] - b[0]);
  const s: Scan = { text, lang: numberReading(module), module, context, units: unitPatterns(), claimed };
  const out: NumberMention[] = fixed.map((f) => {
    const mention: NumberMention = {
      start: f.start,
      end: f.end,
      wording: text.slice(f.start, f.end),
      value: f.value,
      low: f.value,
      high: f.value,
      qualifier: 'exact',
      kind: f.kind,
    };
    if (f.unit !== undefined) mention.unit = f.unit;
    return mention;
  });

  let lastEnd = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const claim = s.claimed[firstClaimEndingAfter(s, i)];
    if (claim && claim[0] <= i) {
      i = claim[1];
      lastEnd = Math.max(lastEnd, claim[1]);
      continue;
    }
    const c = text[i];
    const startsDigit = isDigit(c) && !isDigit(text[i - 1]);
    const startsWord = isLetter(c) && !isAlnum(text[i - 1]);
    if (!startsDigit && !startsWord) {
      i++;
      continue;
    }
    const floor = lastEnd;
    let e: Expr | null = null;
    try {
      const atom = readAtom(s, i);
      if (atom && atom.start >= floor && !overlapsClaimed(s, atom.start, atom.end)) e = buildExpr(s, atom, floor);
    } catch {
      // Defensive: a reader bug must cost one mention, not the whole sentence.
      e = null;
    }
    if (e && e.end > e.start && e.start >= floor && e.end <= n && !overlapsClaimed(s, e.start, e.end)) {
      const mention: NumberMention = {
        start: e.start,
        end: e.end,
        wording: text.slice(e.start, e.end),
        value: e.value,
        low: e.low,
        high: e.high,
        qualifier: e.qualifier,
        kind: e.kind,
      };
      if (e.unit !== undefined) mention.unit = e.unit;
      out.push(mention);
      lastEnd = e.end;
      i = e.end;
      continue;
    }
    // Not a number here: skip the rest of this word / digit run.
    if (startsWord) {
      while (i < n && (isLetter(text[i]) || MARK.test(text[i]!))) i++;
    } else {
      while (i < n && isDigit(text[i])) i++;
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
