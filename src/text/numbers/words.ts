/**
 * Numbers written in words. Two grammars, chosen by the language module: separate words
 * ("two hundred thousand") and compound words ("tretusen"); the words themselves are the module's.
 */
import type { NumberMorph } from '../../languages/index.js';
import {
  isHSpace,
  isLetter,
  makeAtom,
  phraseBefore,
  readWordAt,
  type Atom,
  type NumberReading,
  type Scan,
  type Word,
} from './scan.js';

interface WordSeq {
  words: Word[];
  gaps: string[];
}

/** Words from `pos` joined by single spaces (or a hyphen when `hyphen`), up to `max`. */
function wordsFrom(text: string, pos: number, max: number, hyphen: boolean): WordSeq {
  const words: Word[] = [];
  const gaps: string[] = [];
  let w = readWordAt(text, pos);
  while (w && words.length < max) {
    words.push(w);
    let i = w.end;
    let gap = '';
    if (hyphen && text[i] === '-' && isLetter(text[i + 1])) {
      gap = '-';
      i++;
    } else {
      while (isHSpace(text[i])) i++;
      if (i === w.end) break;
      gap = ' ';
    }
    const nw = readWordAt(text, i);
    if (!nw) break;
    gaps.push(gap);
    w = nw;
  }
  return { words, gaps };
}

/** Evaluates a sequence of number morphemes; null if it is not a well-formed number. */
export function evaluate(ms: NumberMorph[]): number | null {
  let total = 0,
    cur = 0;
  let last: NumberMorph['cat'] | null = null;
  let beforeAnd: NumberMorph['cat'] | null = null;
  let lastMorph: NumberMorph | null = null;
  for (const m of ms) {
    // "soixante-dix", "quatre-vingt-douze": a teen after a ten that takes one adds to it.
    if (m.cat === 'teen' && last === 'ten' && lastMorph?.takesTeen) {
      cur += m.v;
      last = 'teen';
      lastMorph = m;
      continue;
    }
    lastMorph = m;
    switch (m.cat) {
      case 'unit':
        if (last === null || last === 'hundred' || last === 'scale') cur += m.v;
        else if (last === 'and' && beforeAnd !== 'unit') cur += m.v;
        else if (last === 'ten' && cur % 10 === 0) cur += m.v;
        else return null;
        break;
      case 'teen':
        if (last === null || last === 'hundred' || last === 'scale' || (last === 'and' && beforeAnd !== 'unit'))
          cur += m.v;
        else return null;
        break;
      case 'ten':
        if (last === null || last === 'hundred' || last === 'scale' || last === 'and') cur += m.v;
        else return null;
        break;
      case 'hundred':
        if (last === null) cur = m.alone ? m.v : 100;
        // "тысяча двести": a whole hundreds word after a scale word.
        else if (m.alone && last === 'scale' && cur === 0) cur = m.v;
        else if (!m.alone && (last === 'unit' || last === 'teen' || last === 'ten') && cur > 0 && cur < 100) cur *= 100;
        else return null;
        break;
      case 'scale':
        if (last === 'and') return null;
        if (last !== null && cur === 0) return null;
        total += (cur || 1) * m.v;
        cur = 0;
        break;
      case 'and':
        if (last !== 'hundred' && last !== 'scale' && last !== 'unit' && !(last === 'ten' && m.afterTen)) return null;
        beforeAnd = last;
        break;
    }
    last = m.cat;
  }
  if (last === 'and' || last === null) return null;
  return total + cur;
}

const MAX_MORPHS_MEMO = 50_000;

/** A compound number word's morphemes, remembered per language. */
function compoundMorphs(lang: NumberReading, word: string): NumberMorph[] | null {
  let morphs = lang.morphMemo.get(word);
  if (morphs === undefined) {
    morphs = decompose(lang, word);
    if (lang.morphMemo.size >= MAX_MORPHS_MEMO) lang.morphMemo.clear();
    lang.morphMemo.set(word, morphs);
  }
  return morphs;
}

/**
 * Decomposes a compound word into number morphemes ("tretusen" → [tre, tusen],
 * "hundreogfemti" → [hundre, og, femti]); the first decomposition that is a
 * well-formed number wins. Depth-first with a step budget, so adversarial
 * input cannot blow up.
 */
function decompose(lang: NumberReading, word: string): NumberMorph[] | null {
  if (word.length > 30) return null;
  let budget = 500;
  const path: NumberMorph[] = [];
  const dfs = (from: number): boolean => {
    if (--budget < 0) return false;
    if (from === word.length) return evaluate(path) !== null || (path.length === 1 && path[0]!.cat === 'and');
    for (const [str, m] of lang.morphemes) {
      if (!word.startsWith(str, from)) continue;
      path.push(m);
      if (dfs(from + str.length)) return true;
      path.pop();
    }
    return false;
  };
  return dfs(0) ? [...path] : null;
}

const vagueAtom = (start: number, end: number, low: number, high: number, value = low): Atom =>
  makeAtom(start, end, value, { low, high, vague: true });

/** Product of consecutive scale words at words[k…] ("hundred thousand" → 1e5); null if none. */
function scaleRun(
  words: Word[],
  gaps: string[],
  k: number,
  table: Readonly<Record<string, number>>,
): { scale: number; next: number } | null {
  let scale = 1,
    n = k;
  while (n < words.length && n < k + 2 && table[words[n]!.lower] !== undefined && (n === k || gaps[n - 1] === ' ')) {
    scale *= table[words[n]!.lower]!;
    n++;
  }
  return n > k ? { scale, next: n } : null;
}

/** Whether the words at `k` are the phrase `phrase` (words joined by single spaces), spaced as written. */
function phraseAt(lw: string[], gaps: string[], k: number, phrase: readonly string[]): boolean {
  for (let i = 0; i < phrase.length; i++) {
    if (lw[k + i] !== phrase[i]) return false;
    if (i > 0 && gaps[k + i - 1] !== ' ') return false;
  }
  return true;
}

/**
 * The idioms of a language's number words, from its data: vague words ("dozens", "hundrevis"),
 * multiples ("tens of thousands"), leads before a scale ("several hundred", "et par tusen"),
 * vague phrases ("a handful"), halves ("half a million", "halvannen"). `undefined` when none
 * begins here; `null` when the words are no number.
 */
function readIdiom(lang: NumberReading, words: Word[], gaps: string[]): Atom | null | undefined {
  const idioms = lang.words.idioms;
  const lw = words.map((w) => w.lower);
  const end = (k: number): number => words[k]!.end;
  const st = words[0]!.start;
  const spaced = (k: number): boolean => gaps[k] === ' ';

  // tens / hundreds of thousands, hundrevis av tusen; "desítky tisíc", where a genitive does what "of" does
  const factor = idioms.vagueMultiples[lw[0]!];
  const scaleAt = lang.of.has(lw[1] ?? '') && spaced(0) ? 2 : 1;
  const multiple = idioms.vagueMultipleScales[lw[scaleAt] ?? ''];
  if (factor !== undefined && multiple !== undefined && spaced(0) && spaced(scaleAt - 1))
    return vagueAtom(st, end(scaleAt), 2 * factor * multiple, 10 * factor * multiple - 1);
  // dozens, hundreds, thousands, hundrevis, tusenvis, millioner
  const vague = idioms.vagueWords[lw[0]!];
  if (vague) return vagueAtom(st, end(0), vague[0], vague[1]);
  // scores of
  const beforeOf = idioms.vagueWordsBeforeOf[lw[0]!];
  if (beforeOf && lang.of.has(lw[1] ?? '') && spaced(0)) return vagueAtom(st, end(0), beforeOf[0], beforeOf[1]);
  // several / a few / a couple (of) / flere / noen / et par + scale
  for (const [phrase, lead] of lang.vagueLeads) {
    if (!phraseAt(lw, gaps, 0, phrase)) continue;
    let next = phrase.length;
    if (lead.of && lang.of.has(lw[next] ?? '') && spaced(next - 1)) next++;
    const run = spaced(next - 1) ? scaleRun(words, gaps, next, lang.words.vagueScales) : null;
    if (run)
      return vagueAtom(st, end(run.next - 1), lead.low * run.scale, lead.high * run.scale, lead.value * run.scale);
    const small = vaguePhrase(lang, lw, gaps);
    if (small) return vagueAtom(st, end(small.length - 1), small.low, small.high, small.value);
    return lead.alone ? vagueAtom(st, end(phrase.length - 1), lead.low, lead.high, lead.value) : null;
  }
  // a handful, noen få, en håndfull
  const small = vaguePhrase(lang, lw, gaps);
  if (small) return vagueAtom(st, end(small.length - 1), small.low, small.high, small.value);
  // half a million, half a dozen, en halv million, et halvt dusin
  for (const phrase of lang.halfOf) {
    if (!phraseAt(lw, gaps, 0, phrase) || !spaced(phrase.length - 1)) continue;
    const scaleWord = lw[phrase.length];
    const scale = scaleWord ? lang.words.digitScales[scaleWord] : undefined;
    if (scale === undefined) continue;
    if (!idioms.halfOfAbbreviatedScales && lang.words.abbreviatedScales.includes(scaleWord!)) continue;
    return makeAtom(st, end(phrase.length), scale / 2, {
      approx: lang.morphs[scaleWord!]?.approx === true,
      multiplied: true,
      base: 0.5,
      scale,
    });
  }
  // half, halvparten: a fraction
  if (idioms.half.includes(lw[0]!)) return makeAtom(st, end(0), 0.5, { forced: { kind: 'other' } });
  // halvannen (million)
  if (idioms.oneAndAHalf.includes(lw[0]!)) {
    const scale = lw[1] ? lang.words.digitScales[lw[1]] : undefined;
    if (scale !== undefined) return makeAtom(st, end(1), 1.5 * scale, { multiplied: true, base: 1.5, scale });
    return makeAtom(st, end(0), 1.5);
  }
  return undefined;
}

function vaguePhrase(
  lang: NumberReading,
  lw: string[],
  gaps: string[],
): { length: number; low: number; high: number; value: number } | null {
  for (const [phrase, [low, high, value]] of lang.vaguePhrases)
    if (phraseAt(lw, gaps, 0, phrase)) return { length: phrase.length, low, high, value };
  return null;
}

/** Numbers written in separate words: "two hundred thousand", "twenty-one", "a few hundred", "dozens". */
export function readSeparateWords(s: Scan, pos: number): Atom | null {
  const { text, lang } = s;
  const { denominators, ordinals } = lang.words;
  // Called at every word of every sentence: most words are no number, and reading eight words ahead for each is the costly part.
  const first = readWordAt(text, pos);
  if (!first || !lang.firstWords.has(first.lower)) return null;
  const { words, gaps } = wordsFrom(text, pos, 8, true);
  if (words.length === 0) return null;
  const lw = words.map((w) => w.lower);
  const spaced = (k: number): boolean => gaps[k] === ' ';
  const end = (k: number): number => words[k]!.end;
  const st = words[0]!.start;

  // "около тысячи", "более миллиона": after a qualifier, one of the scale.
  const scale = lang.words.digitScales[lw[0]!];
  if (
    scale !== undefined &&
    lang.words.scalesOneAfterQualifier?.includes(lw[0]!) &&
    phraseBefore(s, pos, lang.qualifierAlternatives, 0)
  )
    return makeAtom(st, end(0), scale, { multiplied: true, base: 1, scale });
  const idiom = readIdiom(lang, words, gaps);
  if (idiom !== undefined) return idiom;
  // Fractions: a third of, one-third, two-thirds, three quarters
  if (words.length >= 2) {
    const den = denominators[lw[1]!];
    const article = lang.indefiniteOne.has(lw[0]!);
    const unit = lang.morphs[lw[0]!];
    const num = article ? 1 : unit?.cat === 'unit' ? unit.v : undefined;
    if (den !== undefined && num !== undefined && num > 0) {
      const plural = lang.plural.test(lw[1]!);
      // "a third of", "one-third", "one half" or "one halves", "two-thirds", "three quarters".
      const ok = article
        ? spaced(0) && lang.of.has(lw[2] ?? '') && spaced(1) && !plural
        : num === 1
          ? !plural || den === 2
          : plural;
      if (ok) return makeAtom(st, end(1), num / den, { forced: { kind: 'other' } });
    }
  }

  // Number phrase.
  const morphs: NumberMorph[] = [];
  let best: { k: number; value: number } | null = null;
  const bare = new Set(lang.words.bareScales ?? []);
  // Where each morpheme's words end: a hyphenated number word ("dix-sept", "quatre-vingts") is one.
  const ends: number[] = [];
  for (let k = 0; k < words.length; k++) {
    if (
      k > 0 &&
      gaps[k - 1] === '-' &&
      !(morphs[morphs.length - 1]?.cat === 'ten' || morphs[morphs.length - 1]?.cat === 'unit')
    )
      break;
    const joined = gaps[k] === '-' && lw[k + 1] !== undefined ? lang.morphs[`${lw[k]}-${lw[k + 1]}`] : undefined;
    let m = joined ?? lang.morphs[lw[k]!];
    if (k === 0 && lang.indefiniteOne.has(lw[0]!)) {
      const nxt = lang.morphs[lw[1] ?? ''];
      if (spaced(0) && nxt && (nxt.cat === 'hundred' || nxt.cat === 'scale')) m = { cat: 'unit', v: 1 };
    }
    if (!m) break;
    // Bare "hundred", "million"; but "mille", "cent", "сто", "тысяча" where the language says so.
    if (k === 0 && (m.cat === 'and' || ((m.cat === 'hundred' || m.cat === 'scale') && !m.alone && !bare.has(lw[0]!))))
      break;
    morphs.push(m);
    const v = evaluate(morphs);
    if (v === null) {
      if (m.cat === 'and') {
        ends.push(k);
        continue;
      }
      morphs.pop();
      break;
    }
    if (joined) k++;
    ends.push(k);
    best = { k, value: v };
  }
  if (best) {
    const used = morphs.slice(0, ends.indexOf(best.k) + 1);
    const approx = used.some((m) => m.approx);
    const e = end(best.k);
    // twenty-first, thirty-second: ordinal
    if (used[used.length - 1]!.cat === 'ten' && gaps[best.k] === '-' && words[best.k + 1]) {
      const ord = ordinals[lw[best.k + 1]!];
      if (ord !== undefined && ord < 10)
        return makeAtom(st, end(best.k + 1), best.value + ord, { forced: { kind: 'ordinal' } });
    }
    const scaleM = used.filter((m) => m.cat === 'scale');
    const atom = makeAtom(st, e, best.value, {
      approx,
      multiplied: scaleM.length > 0,
      scale: scaleM.length ? scaleM[scaleM.length - 1]!.v : 1,
    });
    atom.base = atom.scale !== 1 ? best.value / atom.scale : best.value;
    // "un", "une": one only before a scale word ("un million"), else an article.
    if (best.k === 0 && lang.articleOnes.has(lw[0]!) && !lang.or.test(text.slice(e))) return null;
    if (best.k === 0 && lang.ambiguous.has(lw[0]!)) atom.needsNounCheck = 'one';
    return atom;
  }
  const ord = ordinals[lw[0]!];
  if (ord !== undefined) return makeAtom(st, end(0), ord, { forced: { kind: 'ordinal' } });
  return null;
}

/** Numbers written in compound words: "tretusen", "to hundre", "hundreogfemti", "hundrevis". */
export function readCompoundWords(s: Scan, pos: number): Atom | null {
  const { text, lang } = s;
  const { denominators, ordinals } = lang.words;
  // As in the separate grammar: reject at once a first word that cannot begin a number phrase.
  const first = readWordAt(text, pos);
  if (!first || (!lang.firstWords.has(first.lower) && !compoundMorphs(lang, first.lower))) return null;
  const { words, gaps } = wordsFrom(text, pos, 8, false);
  if (words.length === 0) return null;
  const lw = words.map((w) => w.lower);
  const end = (k: number): number => words[k]!.end;
  const st = words[0]!.start;

  const idiom = readIdiom(lang, words, gaps);
  if (idiom !== undefined) return idiom;
  // Fractions: en tredjedel, to tredjedeler, tredjedel
  if (denominators[lw[0]!] !== undefined)
    return makeAtom(st, end(0), 1 / denominators[lw[0]!]!, { forced: { kind: 'other' } });
  if (words.length >= 2 && denominators[lw[1]!] !== undefined) {
    const numM = compoundMorphs(lang, lw[0]!);
    const num = numM ? evaluate(numM) : null;
    if (num !== null && num > 0 && num < 10)
      return makeAtom(st, end(1), num / denominators[lw[1]!]!, { forced: { kind: 'other' } });
  }

  // Number phrase: words decomposed into morphemes ("to hundre", "tretusen", "hundre og femti").
  const morphs: NumberMorph[] = [];
  let best: { k: number; value: number; count: number } | null = null;
  for (let k = 0; k < words.length; k++) {
    if (k > 0 && gaps[k - 1] !== ' ') break;
    const ms = compoundMorphs(lang, lw[k]!);
    if (!ms) break;
    morphs.push(...ms);
    const v = evaluate(morphs);
    if (v === null) {
      if (ms.length === 1 && ms[0]!.cat === 'and') continue;
      break;
    }
    best = { k, value: v, count: morphs.length };
  }
  if (best) {
    const used = morphs.slice(0, best.count);
    const first = used[0]!;
    // Bare "million"/"milliard" are not numbers; "en"/"et"/"ett" only before a scale word.
    if (best.k === 0 && used.length === 1 && first.cat === 'scale' && first.v >= 1e6) return null;
    const scaleM = used.filter((m) => m.cat === 'scale');
    const approx = used.some((m) => m.approx);
    const atom = makeAtom(st, end(best.k), best.value, {
      approx,
      multiplied: scaleM.length > 0,
      scale: scaleM.length ? scaleM[scaleM.length - 1]!.v : 1,
    });
    atom.base = atom.scale !== 1 ? best.value / atom.scale : best.value;
    if (best.k === 0) {
      if (lang.stressedOnes.has(lw[0]!)) atom.needsNounCheck = 'stressed-one';
      else if (lang.articleOnes.has(lw[0]!)) return null;
      else if (lang.ambiguous.has(lw[0]!)) atom.needsNounCheck = 'plural';
    }
    return atom;
  }
  const ord = ordinals[lw[0]!];
  if (ord !== undefined) return makeAtom(st, end(0), ord, { forced: { kind: 'ordinal' } });
  return null;
}
