/** What a citation shows about an article. Every field but `id` may be unknown (`null`): we never invent metadata. */
export interface ArticleRef {
  /** The file name without its extension: stable, and what `/source <id>` takes. */
  id: string;
  title: string;
  publisher: string | null;
  url: string | null;
  /** ISO date (`YYYY-MM-DD`), date-time, or month (`YYYY-MM`, when the article gives no day), as the article states it. */
  published: string | null;
  /** BCP 47 tag (`en`, `nb`), from the front matter or detected from the text. */
  language: string | null;
}

export interface Article extends ArticleRef {
  /** Path relative to the corpus folder, for reports. */
  file: string;
  /** The article body exactly as in the file (front matter removed): every quote is a substring of it. */
  text: string;
  /** Where each metadata field came from, so a reader can judge it. */
  provenance: Partial<Record<keyof ArticleRef, string>>;
}

/** A file that could not be served as an article, or was served with a caveat. */
export interface CorpusProblem {
  file: string;
  reason: string;
}
