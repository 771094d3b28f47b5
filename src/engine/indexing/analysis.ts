import type { Claim } from '../../model/claim.js';
import type { Article } from '../../model/article.js';
import { extractClaims } from '../../figures/claims.js';
import { analyzeArticle, PACKED_TOKEN_WIDTH, PackedPassage, packWithFigures } from '../../search/passages.js';
import { analyzerLanguage } from '../../text/language.js';
import { numbersOf } from '../facts.js';
import { packClaim, unpackClaim, type StoredAnalysis } from './cacheFile.js';

/** What indexing reads from an article: its passages (with their tokens and figures) and its claims. */
export interface Analysis {
  passages: PackedPassage[];
  claims: Claim[];
}

/** Analyzes an article now: passages (numbered from `firstId`), their tokens and figures, and its claims. */
export function analyze(article: Article, firstId = 0): Analysis {
  const passages = analyzeArticle(article, firstId);
  // Figures are read on every question that finds the passage: read them now, not mid-answer.
  for (const passage of passages) passage.numbers = numbersOf(passage);
  return { passages, claims: extractClaims(passages) };
}

/** An analysis as the cache file and the analysis threads carry it: each passage's figures packed with its tokens. */
export function packAnalysis({ passages, claims }: Analysis): StoredAnalysis {
  const packed = packWithFigures(
    passages,
    passages.map((passage) => passage.numbers ?? numbersOf(passage)),
  );
  return {
    claims: claims.map((claim) => packClaim(claim, passages[0]!.article)),
    passages: passages.map((passage, i) => ({
      index: passage.index,
      start: passage.start,
      end: passage.end,
      ...packed[i]!,
    })),
  };
}

/**
 * An analysis read back (from the cache file, or a thread), its stems numbered by `remap[n]` in
 * this process (null: numbered as here already). Its passages are numbered from `firstId`.
 */
export function unpackAnalysis(
  article: Article,
  stored: StoredAnalysis,
  remap: ArrayLike<number> | null,
  firstId = 0,
): Analysis {
  const language = analyzerLanguage(article.language);
  const passages = stored.passages.map((data, i) => {
    const passage = new PackedPassage(
      firstId + i,
      article,
      data.index,
      data.start,
      data.end,
      data.packed,
      language,
      data.numbers,
    );
    if (remap) {
      const tokens = passage.packedTokens; // a view: renumbered in place
      for (let at = 2; at < tokens.length; at += PACKED_TOKEN_WIDTH) tokens[at] = remap[tokens[at]!]!;
    }
    return passage;
  });
  const claims = Array.isArray(stored.claims)
    ? stored.claims.map((claim) => unpackClaim(claim, article))
    : stored.claims.read(article);
  return { passages, claims };
}
