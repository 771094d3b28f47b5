import MiniSearch from 'minisearch';
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
const BM25 = { k: 1.2, b: 0.3 };
/** How much a word in the title counts against one in the passage: the title is shared by every passage of its article. */
const TITLE_BOOST = 0.4;
/** What a near miss is worth against the exact word, as in MiniSearch's defaults. */
export const FUZZY_WEIGHT = 0.45;
export const PREFIX_WEIGHT = 0.375;
/** A word found in at most this many passages is read in full; a commoner one only through its best passages. */
const RARE_POSTINGS = 2000;
/** How many of its best passages a common term contributes: enough for any answer, few enough to score in a millisecond. */
const TOP_PER_COMMON_TERM = 400;
/** How many hits `find` returns, best first: the answer is made from these. */
const MAX_HITS = 200;
/** Expansions of a misspelt or unfinished word, at most, the commonest first. */
const MAX_EXPANSIONS = 12;

/** One index term that stands for a question word, and what a match on it is worth (1 for the word itself). */
export interface TermChoice {
  term: string;
  weight: number;
}

export interface Hit {
  passage: Passage;
  score: number;
  /** For each question word, whether the passage text (not only its title) has it. */
  matched: boolean[];
  /** Index terms of the passage text that matched, for highlighting. */
  textTerms: Set<string>;
}

/**
 * MiniSearch, with read access to its postings: the index stays MiniSearch's (build, add, discard,
 * serialisation); queries read its postings directly to score only the passages worth scoring.
 */
class PassageSearch extends MiniSearch<IndexedDocument> {
  postings(term: string, field: 'title' | 'text'): Map<number, number> | undefined {
    return this._index.get(term)?.get(this._fieldIds[field]!);
  }

  fieldLength(shortId: number, field: 'title' | 'text'): number {
    return this._fieldLength.get(shortId)?.[this._fieldIds[field]!] ?? 0;
  }

  averageLength(field: 'title' | 'text'): number {
    return this._avgFieldLength[this._fieldIds[field]!] ?? 1;
  }

  passageId(shortId: number): number {
    return this._documentIds.get(shortId) as number;
  }

  /** Index terms within `distance` edits of a term, with their distance. */
  near(term: string, distance: number): [string, number][] {
    return [...this._index.fuzzyGet(term, distance)].map(([found, [, edits]]) => [found, edits]);
  }

  /** Index terms that start with a prefix. */
  startingWith(prefix: string): string[] {
    return [...this._index.atPrefix(prefix).keys()];
  }
}

/**
 * The search index over passages. Articles are analyzed by our own analyzer (language-aware stems,
 * concept terms); MiniSearch indexes the resulting terms. Queries are scored with BM25 over its
 * postings, reading a rare word's passages in full and a common word's only through its best
 * passages, kept once computed: the index never changes, a reload builds a new one.
 */
export class PassageIndex {
  readonly passages: readonly Passage[];
  private readonly search: PassageSearch;
  private readonly documentFrequency = new Map<string, number>();
  private readonly surfaceForms = new Map<string, Map<string, number>>();
  private readonly bestOfTerm = new Map<string, number[]>();

  constructor(passages: readonly Passage[]) {
    this.passages = passages;
    const titleTerms = new Map<Article, string>();
    this.search = new PassageSearch({
      fields: ['title', 'text'],
      tokenize: (text) => text.split(' '),
      processTerm: (term) => term || null,
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

  /**
   * The terms a typed word may stand for: itself, words within `typos` edits (a misspelling), and,
   * for an unfinished last word, words it begins; near misses weigh less than the word itself.
   */
  expand(stem: string, typos: number, prefix: boolean): TermChoice[] {
    const choices = new Map<string, number>([[stem, 1]]);
    if (typos > 0) for (const [term, edits] of this.search.near(stem, typos)) if (edits > 0) choices.set(term, Math.max(choices.get(term) ?? 0, FUZZY_WEIGHT * (1 - edits / (stem.length + 1))));
    if (prefix) for (const term of this.search.startingWith(stem)) if (term !== stem) choices.set(term, Math.max(choices.get(term) ?? 0, PREFIX_WEIGHT));
    return [...choices]
      .filter(([term]) => !term.startsWith(CONCEPT_TERM_PREFIX))
      .sort((a, b) => (a[0] === stem ? -1 : b[0] === stem ? 1 : this.frequency(b[0]) - this.frequency(a[0])))
      .slice(0, MAX_EXPANSIONS + 1)
      .map(([term, weight]) => ({ term, weight }));
  }

  /** Corpus words within `distance` edits of a stem, for "did you mean" suggestions. */
  similarStems(stem: string, distance: number): string[] {
    return this.search
      .near(stem, distance)
      .filter(([term, edits]) => edits > 0 && !term.startsWith(CONCEPT_TERM_PREFIX) && !/^\d/.test(term))
      .sort((a, b) => a[1] - b[1] || this.frequency(b[0]) - this.frequency(a[0]))
      .map(([term]) => term);
  }

  /**
   * The passages that best match the question's words, each word given as the terms that stand for
   * it. A passage is a candidate if it has one of the rare words; if every word is common, if it is
   * among the best passages of one of them. Candidates are scored with BM25 over all words.
   */
  find(words: readonly TermChoice[][]): Hit[] {
    const total = this.search.documentCount;
    if (total === 0 || words.length === 0) return [];
    const postingsOf = words.map((choices) => choices.map(({ term }) => this.search.postings(term, 'text')));
    const titleOf = words.map((choices) => choices.map(({ term }) => this.search.postings(term, 'title')));
    const size = (i: number) => postingsOf[i]!.reduce((sum, postings) => sum + (postings?.size ?? 0), 0) + titleOf[i]!.reduce((sum, postings) => sum + (postings?.size ?? 0), 0);

    const rare = words.map((_, i) => i).filter((i) => size(i) <= RARE_POSTINGS);
    const candidates = new Set<number>();
    if (rare.length > 0) {
      for (const i of rare) for (const postings of [...postingsOf[i]!, ...titleOf[i]!]) for (const shortId of postings?.keys() ?? []) candidates.add(shortId);
    } else {
      for (const choices of words) for (const { term } of choices) for (const shortId of this.best(term)) candidates.add(shortId);
    }

    const hits: Hit[] = [];
    for (const shortId of candidates) {
      let score = 0;
      const matched = words.map(() => false);
      const textTerms = new Set<string>();
      words.forEach((choices, i) => {
        let best = 0;
        choices.forEach(({ term, weight }, j) => {
          const tf = postingsOf[i]![j]?.get(shortId);
          const titleTf = titleOf[i]![j]?.get(shortId);
          if (!tf && !titleTf) return;
          const idf = this.idf(term);
          let value = 0;
          if (tf) {
            value += this.bm25(tf, shortId, 'text');
            matched[i] = true;
            textTerms.add(term);
          }
          if (titleTf) value += TITLE_BOOST * this.bm25(titleTf, shortId, 'title');
          best = Math.max(best, value * idf * weight);
        });
        score += best;
      });
      if (score > 0) hits.push({ passage: this.passages[this.search.passageId(shortId)]!, score, matched, textTerms });
    }
    hits.sort((a, b) => b.score - a.score || a.passage.id - b.passage.id);
    return hits.slice(0, MAX_HITS);
  }

  private bm25(tf: number, shortId: number, field: 'title' | 'text'): number {
    const length = this.search.fieldLength(shortId, field) / this.search.averageLength(field);
    return (tf * (BM25.k + 1)) / (tf + BM25.k * (1 - BM25.b + BM25.b * length));
  }

  private idf(term: string): number {
    const frequency = Math.max(this.search.postings(term, 'text')?.size ?? 0, this.search.postings(term, 'title')?.size ?? 0);
    return Math.log(1 + (this.search.documentCount - frequency + 0.5) / (frequency + 0.5));
  }

  /** A common term's best passages by its own score, computed on first use and kept. */
  private best(term: string): number[] {
    let best = this.bestOfTerm.get(term);
    if (!best) {
      const scored: [number, number][] = [];
      const text = this.search.postings(term, 'text');
      const title = this.search.postings(term, 'title');
      for (const [shortId, tf] of text ?? []) scored.push([shortId, this.bm25(tf, shortId, 'text') + TITLE_BOOST * this.bm25(title?.get(shortId) ?? 0, shortId, 'title')]);
      scored.sort((a, b) => b[1] - a[1]);
      best = scored.slice(0, TOP_PER_COMMON_TERM).map(([shortId]) => shortId);
      this.bestOfTerm.set(term, best);
    }
    return best;
  }
}
