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
 * Token objects of the passages used lately. A corpus of 100k passages holds millions of tokens:
 * as objects they would cost hundreds of megabytes, packed a few tens; a question only ever reads
 * the tokens of the few hundred passages it finds.
 */
const MAX_UNPACKED_PASSAGES = 8192;
const unpacked = new Map<PackedPassage, Token[]>();

function remember(passage: PackedPassage, tokens: Token[]): Token[] {
  if (unpacked.size >= MAX_UNPACKED_PASSAGES) unpacked.delete(unpacked.keys().next().value!);
  unpacked.set(passage, tokens);
  return tokens;
}

/** A passage as search keeps it: its tokens packed in numbers, unpacked for the passages used lately. */
export class PackedPassage implements Passage {
  numbers?: PassageNumbers;
  facts?: PassageFacts;

  constructor(
    readonly id: number,
    readonly article: Article,
    readonly index: number,
    readonly start: number,
    readonly end: number,
    readonly sentences: Span[],
    readonly language: AnalyzedLanguage | null,
    /** Its tokens, packed (see {@link packTokens}); {@link tokens} gives them as objects. */
    readonly packedTokens: Uint32Array,
  ) {}

  get tokens(): Token[] {
    return unpacked.get(this) ?? remember(this, unpackTokens(this.packedTokens, this.start, this.language));
  }

  /** The same analysis at another place in the corpus, or under a new Article object with the same text. */
  relocated(id: number, article: Article): PackedPassage {
    const copy = new PackedPassage(
      id,
      article,
      this.index,
      this.start,
      this.end,
      this.sentences,
      this.language,
      this.packedTokens,
    );
    copy.numbers = this.numbers;
    copy.facts = this.facts;
    return copy;
  }
}

/** Splits one article into passages and analyzes them with its language. Ids are numbered from `firstId`. */
export function analyzeArticle(article: Article, firstId = 0): PackedPassage[] {
  const language = analyzerLanguage(article.language);
  const spans = groupPassages(article.text, splitSentences(article.text, language));
  return spans.map((span, index) => {
    const tokens = tokenize(article.text.slice(span.start, span.end), language, span.start);
    const passage = new PackedPassage(
      firstId + index,
      article,
      index,
      span.start,
      span.end,
      span.sentences,
      language,
      packTokens(tokens, span.start),
    );
    remember(passage, tokens);
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
