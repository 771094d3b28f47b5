import { createHash } from 'node:crypto';
import type { Article } from '../corpus/article.js';
import { extractClaims, type Claim } from '../figures/claims.js';
import { analyzeArticle, type Passage } from '../search/passages.js';
import { analyzerLanguage } from '../text/language.js';
import { numbersOf } from './facts.js';
import { packTokens, unpackTokens, type StoredAnalysis } from './indexCache.js';

interface Analysis {
  passages: Passage[];
  claims: Claim[];
}

/**
 * The analysis of each article (passages, tokens, figures), kept across rebuilds of the index and
 * keyed by everything it depends on, so that a reload re-analyzes only the articles that changed.
 * It can be saved to and seeded from the index cache file, so that a restart does the same.
 */
export class AnalysisCache {
  private entries = new Map<string, Analysis>();
  private stored = new Map<string, StoredAnalysis>();
  private storedStems: string[] = [];

  /** Analyses read from the cache file, used when an article with the same key is met. */
  seed(stored: Map<string, StoredAnalysis>, stems: string[]): void {
    this.stored = stored;
    this.storedStems = stems;
  }

  /** Passages (renumbered from `firstId`) and raw claims of an article, analyzed now or earlier. */
  analyze(article: Article, firstId: number): Analysis {
    const key = keyOf(article);
    let entry = this.entries.get(key);
    if (!entry) {
      const stored = this.stored.get(key);
      entry = stored ? this.hydrate(article, stored) : fresh(article);
      this.stored.delete(key);
      this.entries.set(key, entry);
    } else if (entry.passages[0]?.article !== article) {
      // Same text and metadata under a new Article object: reuse the work, point at the new object.
      entry = { passages: entry.passages.map((passage) => ({ ...passage, article })), claims: entry.claims };
      this.entries.set(key, entry);
    }
    const passages = entry.passages[0]?.id === firstId ? entry.passages : entry.passages.map((passage, i) => ({ ...passage, id: firstId + i }));
    return { passages, claims: entry.claims };
  }

  /** Forgets articles no longer in the corpus, so the cache never outgrows it. */
  retain(articles: readonly Article[]): void {
    const keep = new Set(articles.map(keyOf));
    for (const key of this.entries.keys()) if (!keep.has(key)) this.entries.delete(key);
    this.stored.clear();
  }

  /** Every analysis, packed for the cache file, with the stem table the packed tokens point into. */
  export(): { entries: [string, StoredAnalysis][]; stems: string[] } {
    const stems: string[] = [];
    const stemIds = new Map<string, number>();
    const stemIndex = (stem: string) => {
      let id = stemIds.get(stem);
      if (id === undefined) {
        id = stems.push(stem) - 1;
        stemIds.set(stem, id);
      }
      return id;
    };
    const entries: [string, StoredAnalysis][] = [...this.entries].map(([key, { passages, claims }]) => [
      key,
      {
        claims,
        passages: passages.map((passage) => ({
          index: passage.index,
          start: passage.start,
          end: passage.end,
          language: passage.language,
          sentences: passage.sentences.flatMap((span) => [span.start, span.end]),
          tokens: packTokens(passage.tokens, passage.start, stemIndex),
          numbers: passage.numbers ?? numbersOf(passage),
        })),
      },
    ]);
    return { entries, stems };
  }

  private hydrate(article: Article, stored: StoredAnalysis): Analysis {
    const language = analyzerLanguage(article.language);
    const passages = stored.passages.map(
      (passage, i): Passage => ({
        id: i,
        article,
        index: passage.index,
        start: passage.start,
        end: passage.end,
        language,
        sentences: pairs(passage.sentences),
        tokens: unpackTokens(passage.tokens, this.storedStems, article.text, passage.start, language),
        numbers: passage.numbers,
      }),
    );
    return { passages, claims: stored.claims };
  }
}

function pairs(flat: number[]): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (let i = 0; i < flat.length; i += 2) spans.push({ start: flat[i]!, end: flat[i + 1]! });
  return spans;
}

function fresh(article: Article): Analysis {
  const passages = analyzeArticle(article);
  // Figures are read on every question that finds the passage: read them now, not mid-answer.
  for (const passage of passages) passage.numbers = numbersOf(passage);
  return { passages, claims: extractClaims(passages) };
}

function keyOf(article: Article): string {
  return createHash('sha1').update(`${article.id}\0${article.language}\0${article.published}\0${article.text}`).digest('base64');
}
