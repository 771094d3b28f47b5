import type { Article } from '../corpus/article.js';
import type { PassageFacts, PassageNumbers } from '../engine/facts.js';
import { tokenize, type Token } from '../text/analyze.js';
import { analyzerLanguage, type AnalyzedLanguage } from '../text/language.js';
import { groupPassages, splitSentences, type Span } from '../text/segment.js';

/** A passage of an article, analyzed once at index time. */
export interface Passage {
  /** Position in the whole corpus' passage list: the id MiniSearch stores. */
  id: number;
  article: Article;
  /** Position within its article, from 0. */
  index: number;
  start: number;
  end: number;
  sentences: Span[];
  /** Tokens with offsets into the article text. */
  tokens: Token[];
  language: AnalyzedLanguage | null;
  /** Its sentences' figures, read once with the analysis (and kept in the index cache); see engine/facts.ts. */
  numbers?: PassageNumbers;
  /** What its sentences state (figures, events, names), derived when first needed; see engine/facts.ts. */
  facts?: PassageFacts;
}

/** Splits one article into passages and analyzes them with its language. Ids are numbered from `firstId`. */
export function analyzeArticle(article: Article, firstId = 0): Passage[] {
  const language = analyzerLanguage(article.language);
  const spans = groupPassages(article.text, splitSentences(article.text, language));
  return spans.map((span, index) => {
    const tokens = tokenize(article.text.slice(span.start, span.end), language).map((token) => ({
      ...token,
      start: token.start + span.start,
      end: token.end + span.start,
    }));
    return { id: firstId + index, article, index, start: span.start, end: span.end, sentences: span.sentences, tokens, language };
  });
}

/** Splits every article into passages, numbered across the corpus. */
export function buildPassages(articles: readonly Article[]): Passage[] {
  const passages: Passage[] = [];
  for (const article of articles) passages.push(...analyzeArticle(article, passages.length));
  return passages;
}

export function passageText(passage: Passage): string {
  return passage.article.text.slice(passage.start, passage.end);
}
