import MiniSearch, { type Query, type SearchResult } from 'minisearch';
import type { Article } from '../corpus/article.js';
import { CONCEPT_TERM_PREFIX, indexTerms, tokenize } from '../text/analyze.js';
import { analyzerLanguage } from '../text/language.js';
import type { Passage } from './passages.js';

interface IndexedDocument {
  id: number;
  title: string;
  text: string;
}

/**
 * Passages are already cut to a few sentences, so length says little about relevance: a weaker
 * length normalisation than BM25's usual 0.75 keeps a long, precise sentence from losing to a headline.
 */
const BM25 = { k: 1.2, b: 0.3, d: 0.5 };

/** How much a word in the title counts against one in the passage: the title is shared by every passage of its article. */
const TITLE_BOOST = 0.4;

export interface Hit {
  passage: Passage;
  score: number;
  /** Index terms of the passage that matched (after fuzzy and prefix expansion), with the fields they matched in. */
  match: Record<string, string[]>;
  /** Terms of the query that found something in this passage. */
  queryTerms: Set<string>;
}

/**
 * The search index over passages. Articles are analyzed by our own analyzer (language-aware stems,
 * concept terms); MiniSearch indexes the resulting terms, so it needs no language knowledge itself.
 */
export class PassageIndex {
  readonly passages: readonly Passage[];
  private readonly search: MiniSearch<IndexedDocument>;
  private readonly documentFrequency = new Map<string, number>();
  private readonly surfaceForms = new Map<string, Map<string, number>>();

  constructor(passages: readonly Passage[]) {
    this.passages = passages;
    const titleTerms = new Map<Article, string>();
    this.search = new MiniSearch<IndexedDocument>({
      fields: ['title', 'text'],
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term || null,
      searchOptions: { tokenize: (text) => text.split(' '), processTerm: (term) => term || null },
    });

    const documents: IndexedDocument[] = passages.map((passage) => {
      let title = titleTerms.get(passage.article);
      if (title === undefined) {
        const language = analyzerLanguage(passage.article.language);
        title = tokenize(passage.article.title, language)
          .filter((token) => !token.stopWord)
          .flatMap(indexTerms)
          .join(' ');
        titleTerms.set(passage.article, title);
      }
      const content = passage.tokens.filter((token) => !token.stopWord);
      this.count(passage, content);
      return { id: passage.id, title, text: content.flatMap(indexTerms).join(' ') };
    });
    this.search.addAll(documents);
  }

  private count(passage: Passage, tokens: Passage['tokens']): void {
    const seen = new Set<string>();
    for (const token of tokens) {
      for (const term of indexTerms(token)) {
        if (seen.has(term)) continue;
        seen.add(term);
        this.documentFrequency.set(term, (this.documentFrequency.get(term) ?? 0) + 1);
      }
      const surface = passage.article.text.slice(token.start, token.end).toLowerCase();
      const forms = this.surfaceForms.get(token.stem) ?? new Map<string, number>();
      forms.set(surface, (forms.get(surface) ?? 0) + 1);
      this.surfaceForms.set(token.stem, forms);
    }
  }

  get size(): number {
    return this.passages.length;
  }

  /** In how many passages a term occurs. */
  frequency(term: string): number {
    return this.documentFrequency.get(term) ?? 0;
  }

  /** The commonest way a stem is written in the corpus, to show a person ("killed" for "kill"). */
  surfaceOf(stem: string): string | null {
    const forms = this.surfaceForms.get(stem);
    if (!forms) return null;
    return [...forms.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  }

  /** Stems of the corpus with their passage counts, for suggestions. */
  *stems(): Iterable<[string, number]> {
    for (const [term, count] of this.documentFrequency) if (!term.startsWith(CONCEPT_TERM_PREFIX)) yield [term, count];
  }

  /** Runs a MiniSearch query over passages. */
  run(query: Query): Hit[] {
    const results = this.search.search(query, { boost: { title: TITLE_BOOST, text: 1 }, bm25: BM25 });
    return results.map((result: SearchResult) => ({
      passage: this.passages[result.id as number]!,
      score: result.score,
      match: result.match,
      queryTerms: new Set(result.queryTerms),
    }));
  }
}
