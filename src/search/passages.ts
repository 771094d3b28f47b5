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
 * A passage's sentences and tokens in one array of numbers: the sentence count, each sentence's
 * start and end (in the article), then the tokens (see {@link packTokens}).
 */
export function packPassage(sentences: readonly Span[], tokens: readonly Token[], passageStart: number): Uint32Array {
  return packPassageInto(new Uint32Array(packedLength(sentences, tokens)), sentences, tokens, passageStart);
}

function packedLength(sentences: readonly Span[], tokens: readonly Token[]): number {
  return 1 + sentences.length * 2 + tokens.length * PACKED_TOKEN_WIDTH;
}

function packPassageInto(
  packed: Uint32Array,
  sentences: readonly Span[],
  tokens: readonly Token[],
  passageStart: number,
): Uint32Array {
  packed[0] = sentences.length;
  sentences.forEach((span, i) => {
    packed[1 + i * 2] = span.start;
    packed[2 + i * 2] = span.end;
  });
  packed.set(packTokens(tokens, passageStart), 1 + sentences.length * 2);
  return packed;
}

/**
 * A passage as search keeps it: a few numbers and one array of numbers (its sentences and tokens
 * packed), its figures short. Token objects and facts are made when asked and kept for the
 * passages used lately only: a corpus of a million passages holds no object per sentence or token.
 */
export class PackedPassage implements Passage {
  private compactNumbers: CompactNumbers | undefined;

  constructor(
    readonly id: number,
    readonly article: Article,
    readonly index: number,
    readonly start: number,
    readonly end: number,
    /** Its sentences and tokens (see {@link packPassage}); often a view into a larger buffer (an article's, the cache file's). */
    readonly packed: Uint32Array,
    readonly language: AnalyzedLanguage | null,
    numbers?: CompactNumbers,
  ) {
    this.compactNumbers = numbers;
  }

  get sentences(): Span[] {
    const { packed } = this;
    const spans: Span[] = new Array(packed[0]!);
    for (let i = 0; i < spans.length; i++) spans[i] = { start: packed[1 + i * 2]!, end: packed[2 + i * 2]! };
    return spans;
  }

  /** Its tokens, packed (see {@link packTokens}); {@link tokens} gives them as objects. */
  get packedTokens(): Uint32Array {
    return this.packed.subarray(1 + this.packed[0]! * 2);
  }

  get tokens(): Token[] {
    return unpacked.get(this) ?? unpacked.set(this, unpackTokens(this.packedTokens, this.start, this.language));
  }

  get numbers(): PassageNumbers | undefined {
    return this.compactNumbers === undefined ? undefined : unpackNumbers(this.compactNumbers, this.packed[0]!);
  }

  set numbers(numbers: PassageNumbers | undefined) {
    this.compactNumbers = numbers && packNumbers(numbers);
  }

  /** Its figures as kept: short (see {@link packNumbers}). */
  get storedNumbers(): CompactNumbers | undefined {
    return this.compactNumbers;
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
