/**
 * Numbers written in words. Two grammars, chosen by the language module: separate words
 * ("two hundred thousand") and compound words ("tretusen"); the words themselves are the module's.
 */
import type { NumberMorph } from '../../languages/index.js';
import {
  isHSpace,
  isLetter,
  makeAtom,
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
  for (const m of ms) {
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
        if (last === null) cur = 100;
        else if ((last === 'unit' || last === 'teen' || last === 'ten') && cur > 0 && cur < 100) cur *= 100;
        else return null;
        break;
      case 'scale':
        if (last === 'and') return null;
        if (last !== null && cur === 0) return null;
        total += (cur || 1) * m.v;
        cur = 0;
        break;
      case 'and':
        if (last !== 'hundred' && last !== 'scale' && last !== 'unit') return null;
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

/** Numbers written in separate words: "two hundred thousand", "twenty-one", "a few hundred", "dozens". */
export function readSeparateWords(s: Scan, pos: number): Atom | null {
  const { text, lang } = s;
  const { vagueScales, digitScales, abbreviatedScales, denominators, ordinals } = lang.words;
  // Called at every word of every sentence: most words are no number, and reading eight words ahead for each is the costly part.
  const first = readWordAt(text, pos);
  if (!first || !lang.firstWords.has(first.lower)) return null;
  const { words, gaps } = wordsFrom(text, pos, 8, true);
  if (words.length === 0) return null;
  const lw = words.map((w) => w.lower);
  const spaced = (k: number): boolean => gaps[k] === ' ';
  const end = (k: number): number => words[k]!.end;
  const st = words[0]!.start;

  // tens / hundreds of thousands|millions|billions
  if ((lw[0] === 'tens' || lw[0] === 'hundreds') && lw[1] === 'of' && spaced(0) && spaced(1)) {
    const sc = vagueScales[lw[2]?.replace(/s$/, '') ?? ''];
    if (sc && sc >= 1000 && lw[2]!.endsWith('s')) {
      const f = lw[0] === 'tens' ? 10 : 100;
      return vagueAtom(st, end(2), 2 * f * sc, 10 * f * sc - 1);
    }
  }
  // several / a few / a couple (of) + scale
  let vagueLead: { low: number; high: number; value: number; next: number } | null = null;
  if (lw[0] === 'several' && spaced(0)) vagueLead = { low: 2, high: 9, value: 3, next: 1 };
  else if (lw[0] === 'a' && lw[1] === 'few' && spaced(0)) vagueLead = { low: 2, high: 5, value: 3, next: 2 };
  else if (lw[0] === 'a' && lw[1] === 'couple' && spaced(0))
    vagueLead = { low: 2, high: 3, value: 2, next: lw[2] === 'of' && spaced(1) ? 3 : 2 };
  if (vagueLead) {
    const run = spaced(vagueLead.next - 1) ? scaleRun(words, gaps, vagueLead.next, vagueScales) : null;
    if (run)
      return vagueAtom(
        st,
        end(run.next - 1),
        vagueLead.low * run.scale,
        vagueLead.high * run.scale,
        vagueLead.value * run.scale,
      );
    if (lw[0] === 'a' && lw[1] === 'few') return vagueAtom(st, end(1), 2, 5, 3);
    if (lw[0] === 'a' && lw[1] === 'couple') return vagueAtom(st, end(1), 2, 3, 2);
  }
  if (lw[0] === 'a' && lw[1] === 'handful' && spaced(0)) return vagueAtom(st, end(1), 2, 6, 4);
  // dozens, scores of, hundreds, thousands, millions, billions
  if (lw[0] === 'dozens') return vagueAtom(st, end(0), 24, 99);
  if (lw[0] === 'scores' && lw[1] === 'of' && spaced(0)) return vagueAtom(st, end(0), 40, 99);
  const pluralScale: Record<string, number> = { hundreds: 100, thousands: 1e3, millions: 1e6, billions: 1e9 };
  if (pluralScale[lw[0]!] !== undefined) {
    const sc = pluralScale[lw[0]!]!;
    return vagueAtom(st, end(0), 2 * sc, 10 * sc - 1);
  }
  // half a million / half a dozen / half
  if (lw[0] === 'half') {
    if ((lw[1] === 'a' || lw[1] === 'an') && spaced(0) && spaced(1)) {
      const sc = digitScales[lw[2] ?? ''];
      if (sc !== undefined && !abbreviatedScales.includes(lw[2]!)) {
        return makeAtom(st, end(2), sc / 2, { approx: lw[2] === 'dozen', multiplied: true, base: 0.5, scale: sc });
      }
    }
    return makeAtom(st, end(0), 0.5, { forced: { kind: 'other' } });
  }
  // Fractions: a third of, one-third, two-thirds, three quarters
  if (words.length >= 2) {
    const den = denominators[lw[1]!];
    const num = lw[0] === 'a' ? 1 : lang.morphs[lw[0]!]?.cat === 'unit' ? lang.morphs[lw[0]!]!.v : undefined;
    if (den !== undefined && num !== undefined && num > 0) {
      const plural = lw[1]!.endsWith('s');
      const ok =
        lw[0] === 'a'
          ? spaced(0) && lw[2] === 'of' && spaced(1) && !plural
          : lw[0] === 'one'
            ? !plural || lw[1] === 'halves'
            : plural;
      if (ok) return makeAtom(st, end(1), num / den, { forced: { kind: 'other' } });
    }
  }

  // Number phrase.
  const morphs: NumberMorph[] = [];
  let best: { k: number; value: number } | null = null;
  for (let k = 0; k < words.length; k++) {
    if (
      k > 0 &&
      gaps[k - 1] === '-' &&
      !(morphs[morphs.length - 1]?.cat === 'ten' || morphs[morphs.length - 1]?.cat === 'unit')
    )
      break;
    let m = lang.morphs[lw[k]!];
    if (k === 0 && lw[0] === 'a') {
      const nxt = lang.morphs[lw[1] ?? ''];
      if (spaced(0) && nxt && (nxt.cat === 'hundred' || nxt.cat === 'scale')) m = { cat: 'unit', v: 1 };
    }
    if (!m) break;
    if (k === 0 && (m.cat === 'hundred' || m.cat === 'scale' || m.cat === 'and')) break; // bare "hundred", "million"
    morphs.push(m);
    const v = evaluate(morphs);
    if (v === null) {
      if (m.cat === 'and') continue;
      morphs.pop();
      break;
    }
    best = { k, value: v };
  }
  if (best) {
    const used = morphs.slice(0, best.k + 1);
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
  const { vagueScales, digitScales, denominators, ordinals } = lang.words;
  // As in the separate grammar: reject at once a first word that cannot begin a number phrase.
  const first = readWordAt(text, pos);
  if (!first || (!lang.firstWords.has(first.lower) && !compoundMorphs(lang, first.lower))) return null;
  const { words, gaps } = wordsFrom(text, pos, 8, false);
  if (words.length === 0) return null;
  const lw = words.map((w) => w.lower);
  const end = (k: number): number => words[k]!.end;
  const st = words[0]!.start;

  // hundrevis, tusenvis, titusenvis, hundretusenvis, millionvis, dusinvis, "hundrevis av tusen"
  const vagueWords: Record<string, [number, number]> = {
    dusinvis: [24, 99],
    hundrevis: [200, 999],
    tusenvis: [2000, 9999],
    titusenvis: [20_000, 99_999],
    hundretusenvis: [200_000, 999_999],
    millionvis: [2e6, 1e7 - 1],
    milliardvis: [2e9, 1e10 - 1],
  };
  if (lw[0] === 'hundrevis' && lw[1] === 'av' && (lw[2] === 'tusen' || lw[2] === 'millioner')) {
    const sc = lw[2] === 'tusen' ? 1e3 : 1e6;
    return vagueAtom(st, end(2), 200 * sc, 1000 * sc - 1);
  }
  if (lw[0] === 'titusener' || lw[0] === 'titusenvis') return vagueAtom(st, end(0), 20_000, 99_999);
  if (vagueWords[lw[0]!]) {
    const [lo, hi] = vagueWords[lw[0]!]!;
    return vagueAtom(st, end(0), lo, hi);
  }
  if (lw[0] === 'millioner' || lw[0] === 'milliarder') {
    const sc = lw[0] === 'millioner' ? 1e6 : 1e9;
    return vagueAtom(st, end(0), 2 * sc, 10 * sc - 1);
  }
  // flere / noen / et par + scale; noen få; et par; en håndfull
  let lead: { low: number; high: number; value: number; next: number } | null = null;
  if (lw[0] === 'flere') lead = { low: 2, high: 9, value: 3, next: 1 };
  else if (lw[0] === 'noen') lead = { low: 2, high: 5, value: 3, next: 1 };
  else if (lw[0] === 'et' && lw[1] === 'par') lead = { low: 2, high: 3, value: 2, next: 2 };
  if (lead) {
    const run = words.length > lead.next ? scaleRun(words, gaps, lead.next, vagueScales) : null;
    if (run)
      return vagueAtom(st, end(run.next - 1), lead.low * run.scale, lead.high * run.scale, lead.value * run.scale);
    if (lw[0] === 'noen' && lw[1] === 'få') return vagueAtom(st, end(1), 2, 5, 3);
    if (lw[0] === 'et' && lw[1] === 'par') return vagueAtom(st, end(1), 2, 3, 2);
    if (lw[0] !== 'et') return null;
  }
  if (lw[0] === 'en' && lw[1] === 'håndfull') return vagueAtom(st, end(1), 2, 6, 4);
  // et halvt dusin, en halv million, halvannen (million)
  if ((lw[0] === 'en' || lw[0] === 'et') && (lw[1] === 'halv' || lw[1] === 'halvt') && lw[2]) {
    const sc = digitScales[lw[2]];
    if (sc !== undefined)
      return makeAtom(st, end(2), sc / 2, { approx: sc === 12, multiplied: true, base: 0.5, scale: sc });
  }
  if (lw[0] === 'halvannen' || lw[0] === 'halvannet') {
    const sc = lw[1] ? digitScales[lw[1]] : undefined;
    if (sc !== undefined) return makeAtom(st, end(1), 1.5 * sc, { multiplied: true, base: 1.5, scale: sc });
    return makeAtom(st, end(0), 1.5);
  }
  // Fractions: halvparten, halvdelen, en tredjedel, to tredjedeler, tredjedel
  if (lw[0] === 'halvparten' || lw[0] === 'halvdelen') return makeAtom(st, end(0), 0.5, { forced: { kind: 'other' } });
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
