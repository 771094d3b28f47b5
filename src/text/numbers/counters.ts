/**
 * Counters and myriad scales, for the languages whose module gives them (Korean): "400명",
 * "2천500명", "1만 2천 명", "5천만 발", "300여 명", "100명 이상", "수백 명", "두 명". A counter
 * right after a number says it counts; particles may follow it ("400명으로"), and are no part of
 * the wording.
 */
import type { Qualifier } from '../../model/claim.js';
import { perLanguage, type LanguageModule } from '../../languages/index.js';
import { escapeRe, isDigit, isHSpace, isLetter, type Atom, type Scan } from './scan.js';

interface Compiled {
  scales: Readonly<Record<string, number>>;
  glued: ReadonlyArray<readonly [string, Qualifier]>;
  /** A counter word, then what may follow it: nothing more of a word, or a particle. */
  counter: RegExp;
  after: RegExp;
  afterQualifiers: ReadonlyMap<string, Qualifier>;
  units: ReadonlyArray<{ re: RegExp; kind: 'measure' | 'money'; unit: string }>;
}

const compiled = perLanguage((module: LanguageModule): Compiled | null => {
  const words = module.numbers.counters;
  if (!words) return null;
  const particles = [...new Set(words.particles)]
    .sort((a, b) => b.length - a.length)
    .map(escapeRe)
    .join('|');
  const ends = `(?=(?:${particles})?(?![\\p{L}\\p{N}]))`;
  const alternatives = (list: readonly string[]) =>
    [...list]
      .sort((a, b) => b.length - a.length)
      .map(escapeRe)
      .join('|');
  const afterWords = words.afterQualifiers.map(([word]) => word);
  const { physical, durations, currencies } = module.numbers.units;
  const units = [
    ...durations.map(([word, unit]) => ({ word, unit, kind: 'measure' as const })),
    ...physical.map(([word, unit]) => ({ word, unit, kind: 'measure' as const })),
    ...currencies.map(([word, unit]) => ({ word, unit, kind: 'money' as const })),
  ]
    .sort((a, b) => b.word.length - a.word.length)
    .map(({ word, unit, kind }) => ({ re: new RegExp(`^[ \\u00A0]?${escapeRe(word)}${ends}`, 'u'), kind, unit }));
  return {
    scales: words.scales,
    glued: [...words.gluedQualifiers].sort((a, b) => b[0].length - a[0].length),
    // The counter, and glued to it a qualifier ("100명이상") or a particle.
    counter: new RegExp(
      `^[ \\u00A0]?(?:${alternatives(words.words)})(?=(?:${alternatives(afterWords)})|(?:${particles})?(?![\\p{L}\\p{N}]))`,
      'u',
    ),
    // "100명 이상", "3천 명을 넘어선": the qualifier may follow the counter's own particle.
    after: new RegExp(
      `^(?:${alternatives(words.particlesBeforeQualifier) || '(?!)'})?[ \\u00A0]?(${alternatives(afterWords)})${ends}`,
      'u',
    ),
    afterQualifiers: new Map(words.afterQualifiers.map(([word, qualifier]) => [word, qualifier])),
    units,
  };
});

/** Whether the language reads counters at all. */
export function readsCounters(s: Scan): boolean {
  return s.lang.words.counters !== undefined;
}

/**
 * Digits followed by scale characters, more digits, a glued qualifier, a unit or a counter
 * ("2천500명", "1만 2천 명", "300여 명", "5천만 발", "3년", "10억 원"): the atom they make, or null
 * where none of these follows the digits `atom` was read from (ending at `j`).
 */
export function readMyriad(s: Scan, atom: Atom, j: number, module: LanguageModule): Atom | null {
  const words = compiled(module);
  if (!words) return null;
  const { text } = s;
  let total = 0;
  let section = 0;
  let current: number | null = atom.value;
  let scaled = false;
  // Myriad grouping: 천, 백, 십 within a group of four digits, 만, 억, 조 between groups ("5천만" = 5000 × 만).
  let lastScale = Infinity;
  let lastGroup = Infinity;
  let p = j;
  for (;;) {
    const scale = words.scales[text[p] ?? ''];
    const fits = scale !== undefined && (scale >= 1e4 ? scale < lastGroup : scale < lastScale);
    if (scale !== undefined && fits) {
      if (scale >= 1e4) {
        const group = section + (current ?? 0);
        total += (group || 1) * scale;
        section = 0;
        lastGroup = scale;
        lastScale = Infinity;
      } else {
        section += (current ?? 1) * scale;
        lastScale = scale;
      }
      current = null;
      scaled = true;
      p++;
      continue;
    }
    if (scaled && current === null && isDigit(text[p])) {
      let k = p;
      while (isDigit(text[k]) || (text[k] === ',' && isDigit(text[k + 1]))) k++;
      current = Number(text.slice(p, k).replace(/,/g, ''));
      p = k;
      continue;
    }
    // "1만 2천": a space before digits that carry a smaller scale of their own.
    if (scaled && current === null && isHSpace(text[p]) && isDigit(text[p + 1])) {
      let k = p + 1;
      while (isDigit(text[k])) k++;
      const next = words.scales[text[k] ?? ''];
      if (next !== undefined && (next >= 1e4 ? next < lastGroup : true)) {
        p++;
        continue;
      }
    }
    break;
  }
  const value = total + section + (current ?? 0);
  let result: Atom = scaled
    ? {
        ...atom,
        end: p,
        value,
        low: value,
        high: value,
        multiplied: true,
        base: atom.value,
        scale: Math.min(lastGroup, lastScale),
        plainInt: false,
      }
    : atom;
  // "300여 명", "1만여 명": a qualifier glued to the number, before its counter or a space.
  for (const [suffix, qualifier] of words.glued) {
    if (!text.startsWith(suffix, p)) continue;
    const rest = text.slice(p + suffix.length);
    if (!isLetter(rest[0]) || words.counter.test(rest)) {
      result = { ...result, end: p + suffix.length, qualifier };
      p += suffix.length;
    }
    break;
  }
  const rest = text.slice(p);
  // "20대 남성", "40세": an age.
  const age = s.context.ageAfter.exec(rest);
  if (age) return { ...result, end: p + age[0].length, forced: { kind: 'age', unit: 'year' } };
  for (const unit of words.units) {
    const found = unit.re.exec(rest);
    if (found) return { ...result, end: p + found[0].length, forced: { kind: unit.kind, unit: unit.unit } };
  }
  if (atom.fromDigits && !scaled && isLetter(rest[0]) && s.context.timeAfter.exec(rest))
    return { ...result, forced: { kind: 'time' }, end: p + s.context.timeAfter.exec(rest)![0].length };
  const counted = withCounter(s, result, module);
  if (counted !== result) return counted;
  return scaled || result.qualifier !== undefined ? result : null;
}

/** The atom extended over a counter after it, and a qualifier after the counter ("100명 이상"); the atom itself where none follows. */
export function withCounter(s: Scan, atom: Atom, module: LanguageModule): Atom {
  const words = compiled(module);
  if (!words) return atom;
  const counter = words.counter.exec(s.text.slice(atom.end));
  if (!counter) return atom;
  let end = atom.end + counter[0].length;
  let qualifier = atom.qualifier;
  const after = words.after.exec(s.text.slice(end));
  if (after) {
    end += after[0].length;
    qualifier = words.afterQualifiers.get(after[1]!) ?? qualifier;
  }
  const counted: Atom = { ...atom, end, counter: true };
  delete counted.needsNounCheck;
  if (qualifier !== undefined) counted.qualifier = qualifier;
  return counted;
}
