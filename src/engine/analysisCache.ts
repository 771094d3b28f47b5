import { createHash } from 'node:crypto';
import type { Article } from '../corpus/article.js';
import { extractClaims, type Claim } from '../figures/claims.js';
import { analyzeArticle, type Passage } from '../search/passages.js';
import { factsOf } from './facts.js';

interface Analysis {
  passages: Passage[];
  claims: Claim[];
}

/**
 * The analysis of each article (passages, tokens, figures), kept across rebuilds of the index and
 * keyed by everything it depends on, so that a reload re-analyzes only the articles that changed.
 */
export class AnalysisCache {
  private entries = new Map<string, Analysis>();

  /** Passages (renumbered from `firstId`) and raw claims of an article, analyzed now or earlier. */
  analyze(article: Article, firstId: number): Analysis {
    const key = keyOf(article);
    let entry = this.entries.get(key);
    if (!entry || entry.passages[0]?.article !== article) {
      // Same text and metadata under a new Article object: reuse the work, point at the new object.
      entry = entry ? { passages: entry.passages.map((passage) => ({ ...passage, article })), claims: entry.claims } : fresh(article);
      this.entries.set(key, entry);
    }
    const passages = entry.passages[0]?.id === firstId ? entry.passages : entry.passages.map((passage, i) => ({ ...passage, id: firstId + i }));
    return { passages, claims: entry.claims };
  }

  /** Forgets articles no longer in the corpus, so the cache never outgrows it. */
  retain(articles: readonly Article[]): void {
    const keep = new Set(articles.map(keyOf));
    for (const key of this.entries.keys()) if (!keep.has(key)) this.entries.delete(key);
  }
}

function fresh(article: Article): Analysis {
  const passages = analyzeArticle(article);
  // Facts are read on every question that finds the passage: work them out now, not mid-answer.
  for (const passage of passages) factsOf(passage);
  return { passages, claims: extractClaims(passages) };
}

function keyOf(article: Article): string {
  return createHash('sha1').update(`${article.id}\0${article.language}\0${article.published}\0${article.text}`).digest('base64');
}
