import type { Article } from '../model/article.js';
import type { PassageFacts, PassageNumbers } from '../model/passageFacts.js';
import type { Passage, Span, Token } from '../model/passage.js';
import { conceptsOf, tokenize } from '../text/analyze.js';
import { analyzerLanguage, type AnalyzedLanguage } from '../text/language.js';
import { groupPassages, splitSentences } from '../text/segment.js';

/**
 * Every stem met in this process, numbered: packed tokens store the number. Shared by all engines
 * and only growing (a stem is a few bytes, and a corpus reuses its words).
 */
class StemTable {
  readonly stems: string[] = [];
  private readonly ids = new Map<string, number>();

  id(stem: string): number {
    let id = this.ids.get(stem);
    if (id === undefined) {
      id = this.stems.push(stem) - 1;
      this.ids.set(stem, id);
    }
    return id;
  }

  stem(id: number): string {
    return this.stems[id]!;
  }
}

export const stemTable = new StemTable();

/** Packed tokens hold three numbers per token: offset from the passage start, length × 2 + stop-word bit, stem number. */
export const PACKED_TOKEN_WIDTH = 3;

export function packTokens(tokens: readonly Token[], passageStart: number): Uint32Array {
  const packed = new Uint32Array(tokens.length * PACKED_TOKEN_WIDTH);
  tokens.forEach((token, i) => {
    packed[i * 3] = token.start - passageStart;
    packed[i * 3 + 1] = (token.end - token.start) * 2 + (token.stopWord ? 1 : 0);
    packed[i * 3 + 2] = stemTable.id(token.stem);
  });
  return packed;
}

function unpackTokens(packed: Uint32Array, passageStart: number, language: AnalyzedLanguage | null): Token[] {
  const tokens: Token[] = new Array(packed.length / PACKED_TOKEN_WIDTH);
  for (let i = 0, t = 0; i < packed.length; i += 3, t++) {
    const start = passageStart + packed[i]!;
    const stem = stemTable.stem(packed[i + 2]!);
    tokens[t] = {
      start,
      end: start + (packed[i + 1]! >>> 1),
      stem,
      concepts: conceptsOf(stem, language),
      stopWord: (packed[i + 1]! & 1) === 1,
    };
  }
  return tokens;
}

/**
 * Objects made from a passage's packed numbers for the passages used lately. A corpus of 100k
 * passages holds millions of tokens: as objects they would cost hundreds of megabytes, packed a few
 * tens; a question only ever reads the tokens (and facts) of the few hundred passages it finds.
 */
const MAX_UNPACKED_PASSAGES = 8192;

/** A map that forgets its oldest entry past {@link MAX_UNPACKED_PASSAGES}. */
class Recent<V> {
  private readonly map = new Map<PackedPassage, V>();

  get(passage: PackedPassage): V | undefined {
    return this.map.get(passage);
  }

  set(passage: PackedPassage, value: V): V {
    if (!this.map.has(passage) && this.map.size >= MAX_UNPACKED_PASSAGES)
      this.map.delete(this.map.keys().next().value!);
    this.map.set(passage, value);
    return value;
  }
}

const unpacked = new Recent<Token[]>();
const recentFacts = new Recent<PassageFacts>();

/**
 * A passage's figures, short: 0 when no sentence has one; else per sentence its exact counts, 1
 * (only vague ones) or 0 (none), and where the counts stand. Any other shape is kept whole.
 */
export type CompactNumbers = 0 | [(number[] | 0 | 1)[], number[]] | PassageNumbers;

export function packNumbers(numbers: PassageNumbers): CompactNumbers {
  const { sentences, countTokens } = numbers;
  if (sentences.some((sentence) => sentence.counts.length > 0 && !sentence.hasCount)) return numbers;
  if (countTokens.length === 0 && sentences.every((sentence) => !sentence.hasCount)) return 0;
  return [
    sentences.map((sentence) => (sentence.counts.length > 0 ? sentence.counts : sentence.hasCount ? 1 : 0)),
    countTokens,
  ];
}

export function unpackNumbers(compact: CompactNumbers, sentenceCount: number): PassageNumbers {
  if (compact === 0)
    return {
      sentences: Array.from({ length: sentenceCount }, () => ({ counts: [], hasCount: false })),
      countTokens: [],
    };
  if (!Array.isArray(compact)) return compact;
  const [sentences, countTokens] = compact;
  return {
    sentences: sentences.map((sentence) =>
      Array.isArray(sentence) ? { counts: sentence, hasCount: true } : { counts: [], hasCount: sentence === 1 },
    ),
    countTokens,
  };
}

/**
 * A passage's sentences and tokens in one array of numbers: how many sentences and tokens, each
 * sentence's start and end (in the article), the tokens (see {@link packTokens}); then, where it
 * was written with them (see {@link packWithFigures}), its figures.
 */
export function packPassage(sentences: readonly Span[], tokens: readonly Token[], passageStart: number): Uint32Array {
  return packPassageInto(new Uint32Array(packedLength(sentences, tokens)), sentences, tokens, passageStart);
}

function packedLength(sentences: readonly Span[], tokens: readonly Token[]): number {
  return 2 + sentences.length * 2 + tokens.length * PACKED_TOKEN_WIDTH;
}

function packPassageInto(
  packed: Uint32Array,
  sentences: readonly Span[],
  tokens: readonly Token[],
  passageStart: number,
): Uint32Array {
  packed[0] = sentences.length;
  packed[1] = tokens.length;
  sentences.forEach((span, i) => {
    packed[2 + i * 2] = span.start;
    packed[3 + i * 2] = span.end;
  });
  packed.set(packTokens(tokens, passageStart), 2 + sentences.length * 2);
  return packed;
}

/**
 * A passage's figures as words after its tokens: per sentence its count of exact counts × 2 + 1
 * if it has any count, then those counts; then how many count tokens, and their places. Null when
 * a count is no whole number below 2^32: those figures are kept as an object.
 */
function figureWords({ sentences, countTokens }: PassageNumbers): number[] | null {
  const words: number[] = [];
  for (const { counts, hasCount } of sentences) {
    if (counts.some((count) => !Number.isInteger(count) || count < 0 || count >= 2 ** 32)) return null;
    words.push(counts.length * 2 + (hasCount ? 1 : 0), ...counts);
  }
  words.push(countTokens.length, ...countTokens);
  return words;
}

function readFigureWords(words: Uint32Array, sentenceCount: number): PassageNumbers {
  let at = 0;
  const sentences = Array.from({ length: sentenceCount }, () => {
    const head = words[at++]!;
    const counts = Array.from(words.subarray(at, (at += head >>> 1)));
    return { counts, hasCount: (head & 1) === 1 };
  });
  const countTokens = Array.from(words.subarray(at + 1, at + 1 + words[at]!));
  return { sentences, countTokens };
}

/**
 * The passages' packed numbers with their figures written after their tokens, in one buffer (a
 * view each), as the cache file and the analysis threads carry them: no object per passage for
 * its figures. A passage whose figures cannot be written so has them in `numbers`.
 */
export function packWithFigures(
  passages: readonly PackedPassage[],
  figures: readonly PassageNumbers[],
): { packed: Uint32Array; numbers?: CompactNumbers }[] {
  const parts = passages.map((passage, i) => ({
    bare: passage.packed.subarray(0, passage.tokensEnd),
    words: figureWords(figures[i]!),
    figures: figures[i]!,
  }));
  const buffer = new Uint32Array(parts.reduce((sum, part) => sum + part.bare.length + (part.words?.length ?? 0), 0));
  let at = 0;
  return parts.map(({ bare, words, figures }) => {
    const start = at;
    buffer.set(bare, at);
    at += bare.length;
    if (!words) return { packed: buffer.subarray(start, at), numbers: packNumbers(figures) };
    buffer.set(words, at);
    at += words.length;
    return { packed: buffer.subarray(start, at) };
  });
}

/**
 * A passage as search keeps it: a few numbers and one array of numbers (its sentences, tokens and
 * often its figures, packed). Token objects and facts are made when asked and kept for the
 * passages used lately only: a corpus of a million passages holds no object per sentence or token.
 */
export class PackedPassage implements Passage {
  /** Its figures when not in {@link packed}: short (see {@link packNumbers}). */
  private compactNumbers: CompactNumbers | undefined;

  constructor(
    readonly id: number,
    readonly article: Article,
    readonly index: number,
    readonly start: number,
    readonly end: number,
    /** See {@link packPassage}; often a view into a larger buffer (an article's, the cache file's). */
    readonly packed: Uint32Array,
    readonly language: AnalyzedLanguage | null,
    numbers?: CompactNumbers,
  ) {
    this.compactNumbers = numbers;
  }

  get sentences(): Span[] {
    const { packed } = this;
    const spans: Span[] = new Array(packed[0]!);
    for (let i = 0; i < spans.length; i++) spans[i] = { start: packed[2 + i * 2]!, end: packed[3 + i * 2]! };
    return spans;
  }

  /** Where its tokens end in {@link packed} (its figures follow, when written there). */
  get tokensEnd(): number {
    return 2 + this.packed[0]! * 2 + this.packed[1]! * PACKED_TOKEN_WIDTH;
  }

  /** Its tokens, packed (see {@link packTokens}); {@link tokens} gives them as objects. */
  get packedTokens(): Uint32Array {
    return this.packed.subarray(2 + this.packed[0]! * 2, this.tokensEnd);
  }

  get tokens(): Token[] {
    return unpacked.get(this) ?? unpacked.set(this, unpackTokens(this.packedTokens, this.start, this.language));
  }

  get numbers(): PassageNumbers | undefined {
    if (this.compactNumbers !== undefined) return unpackNumbers(this.compactNumbers, this.packed[0]!);
    const end = this.tokensEnd;
    return this.packed.length > end ? readFigureWords(this.packed.subarray(end), this.packed[0]!) : undefined;
  }

  set numbers(numbers: PassageNumbers | undefined) {
    this.compactNumbers = numbers && packNumbers(numbers);
  }

  get facts(): PassageFacts | undefined {
    return recentFacts.get(this);
  }

  set facts(facts: PassageFacts | undefined) {
    if (facts) recentFacts.set(this, facts);
  }

  /** The same analysis at another place in the corpus, or under a new Article object with the same text. */
  relocated(id: number, article: Article): PackedPassage {
    return new PackedPassage(
      id,
      article,
      this.index,
      this.start,
      this.end,
      this.packed,
      this.language,
      this.compactNumbers,
    );
  }
}

/** Splits one article into passages and analyzes them with its language. Ids are numbered from `firstId`. */
export function analyzeArticle(article: Article, firstId = 0): PackedPassage[] {
  const language = analyzerLanguage(article.language);
  const spans = groupPassages(article.text, splitSentences(article.text, language));
  const tokens = spans.map((span) => tokenize(article.text.slice(span.start, span.end), language, span.start));
  // One buffer for the article, a view per passage: an array buffer each would cost more than most passages' numbers.
  const buffer = new Uint32Array(spans.reduce((sum, span, i) => sum + packedLength(span.sentences, tokens[i]!), 0));
  let at = 0;
  return spans.map((span, index) => {
    const length = packedLength(span.sentences, tokens[index]!);
    const packed = packPassageInto(buffer.subarray(at, (at += length)), span.sentences, tokens[index]!, span.start);
    const passage = new PackedPassage(firstId + index, article, index, span.start, span.end, packed, language);
    unpacked.set(passage, tokens[index]!);
    return passage;
  });
}

/** Splits every article into passages, numbered across the corpus. */
export function buildPassages(articles: readonly Article[]): PackedPassage[] {
  const passages: PackedPassage[] = [];
  for (const article of articles) passages.push(...analyzeArticle(article, passages.length));
  return passages;
}

export function passageText(passage: Passage): string {
  return passage.article.text.slice(passage.start, passage.end);
}
