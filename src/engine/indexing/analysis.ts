import type { Claim } from '../../model/claim.js';
import type { Article } from '../../model/article.js';
import { extractClaims } from '../../figures/claims.js';
import { analyzeArticle, PACKED_TOKEN_WIDTH, PackedPassage, packNumbers } from '../../search/passages.js';
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

/** An analysis as the cache file and the analysis threads carry it. */
export function packAnalysis({ passages, claims }: Analysis): StoredAnalysis {
  return {
    claims: claims.map((claim) => packClaim(claim, passages[0]!.article)),
    passages: passages.map((passage) => ({
      index: passage.index,
      start: passage.start,
      end: passage.end,
      packed: passage.packed,
      numbers: passage.storedNumbers ?? packNumbers(numbersOf(passage)),
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
    const { packed } = data;
    if (remap)
      for (let at = 1 + packed[0]! * 2 + 2; at < packed.length; at += PACKED_TOKEN_WIDTH)
        packed[at] = remap[packed[at]!]!;
    return new PackedPassage(firstId + i, article, data.index, data.start, data.end, packed, language, data.numbers);
  });
  const claims = Array.isArray(stored.claims)
    ? stored.claims.map((claim) => unpackClaim(claim, article))
    : stored.claims.read(article);
  return { passages, claims };
}
