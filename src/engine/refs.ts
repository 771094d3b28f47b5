import type { Article, ArticleRef } from '../model/article.js';

/** The citation fields of an article, and nothing else: what every answer carries about its source. */
export function articleRef(article: Article): ArticleRef {
  const { id, title, publisher, url, published, language } = article;
  return { id, title, publisher, url, published, language };
}
