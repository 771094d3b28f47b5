import type { Claim } from '../../model/claim.js';
import type { Article } from '../../model/article.js';
import { extractClaims } from '../../figures/claims.js';
import { analyzeArticle, PACKED_TOKEN_WIDTH, PackedPassage } from '../../search/passages.js';
import { analyzerLanguage } from '../../text/language.js';
import { numbersOf } from '../facts.js';
import { packClaim, unpackClaim, type StoredAnalysis } from './cacheFile.js';

/** What indexing reads from an article: its passages (with their tokens and figures) and its claims. */
export interface Analysis {
  passages: PackedPassage[];
  claims: Claim[];
}

/** Analyzes an article now: passages, their tokens and figures, and its claims. */
export function analyze(article: Article): Analysis {
  const passages = analyzeArticle(article);
  // Figures are read on every question that finds the passage: read them now, not mid-answer.
  for (const passage of passages) passage.numbers = numbersOf(passage);
  return { passages, claims: extractClaims(passages) };
}

/** An analysis as the cache file and the analysis threads carry it. */
export function packAnalysis({ passages, claims }: Analysis): StoredAnalysis {
  return {
    claims: claims.map((claim) => packClaim(claim, passages[0]!.article)),
    passages: passages.map((passage) => ({
      index: passage.index,
      start: passage.start,
      end: passage.end,
      sentences: passage.sentences.flatMap((span) => [span.start, span.end]),
      tokens: passage.packedTokens,
      numbers: passage.numbers ?? numbersOf(passage),
    })),
  };
}

/**
 * An analysis read back (from the cache file, or a thread), its stems numbered by `remap[n]` in
 * this process. Its passages are numbered from 0, as {@link analyze} numbers them.
 */
export function unpackAnalysis(article: Article, stored: StoredAnalysis, remap: ArrayLike<number>): Analysis {
  const language = analyzerLanguage(article.language);
  const passages = stored.passages.map((data, i) => {
    const tokens = data.tokens;
    for (let at = 2; at < tokens.length; at += PACKED_TOKEN_WIDTH) tokens[at] = remap[tokens[at]!]!;
    const passage = new PackedPassage(
      i,
      article,
      data.index,
      data.start,
      data.end,
      pairs(data.sentences),
      language,
      tokens,
    );
    passage.numbers = data.numbers;
    return passage;
  });
  return { passages, claims: stored.claims.map((claim) => unpackClaim(claim, article)) };
}

function pairs(flat: number[]): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (let i = 0; i < flat.length; i += 2) spans.push({ start: flat[i]!, end: flat[i + 1]! });
  return spans;
}
