import { findAttributions } from '../figures/attribution.js';
import { perRegistry } from '../languages/index.js';
import { conceptById } from '../model/concepts.js';
import { findNumbers } from '../text/numbers/index.js';
import { indexTerms } from '../text/analyze.js';
import type { PassageFacts, PassageNumbers, SentenceFact } from '../model/passageFacts.js';
import type { Passage } from '../model/passage.js';

/** Reads the counts of each sentence of a passage (see numbers.ts). */
export function numbersOf(passage: Passage): PassageNumbers {
  const { text } = passage.article;
  const countTokens: number[] = [];
  const sentences = passage.sentences.map((span) => {
    const mentions = findNumbers(text.slice(span.start, span.end), passage.article.language ?? 'en').filter(
      (m) => m.kind === 'count',
    );
    for (const mention of mentions) {
      // The number's own word ("100" in "at least 100"), not its qualifier, anchors what it counts.
      const at = passage.tokens.findLastIndex((token) => token.start < span.start + mention.end);
      if (at >= 0) countTokens.push(at);
    }
    return {
      counts: [...new Set(mentions.filter((m) => m.qualifier !== 'vague').map((m) => m.value))],
      hasCount: mentions.length > 0,
    };
  });
  return { sentences, countTokens };
}

/** The tokens of a passage's counts: read with the analysis, so a question needs no further facts to know where its figures stand. */
export function countTokensOf(passage: Passage): readonly number[] {
  return (passage.numbers ??= numbersOf(passage)).countTokens;
}

/** Capitalised words that name an office, an institution or a date, not a place or a person, in any language. */
const titles = perRegistry((all) => new RegExp(`^(${all.flatMap((module) => module.titles).join('|')})$`, 'i'));

const strength = new WeakMap<Passage, number>();

/**
 * How well a passage says who says it: 2 when it names a source and the channel ("told Reuters"),
 * 1 when it names a source of more than one word ("South Korea reports"), else 0.
 */
export function sourceStrength(passage: Passage): number {
  let value = strength.get(passage);
  if (value === undefined) {
    value = 0;
    for (const sentence of passage.sentences) {
      for (const attribution of findAttributions(
        passage.article.text.slice(sentence.start, sentence.end),
        passage.article.language ?? 'en',
      )) {
        if (attribution.pronoun) continue;
        value = Math.max(value, attribution.channel ? 2 : attribution.claimant.includes(' ') ? 1 : 0);
      }
    }
    strength.set(passage, value);
  }
  return value;
}

/** The facts of a passage, computed once and kept on it (copies of the passage keep them too). */
export function factsOf(passage: Passage): PassageFacts {
  if (passage.facts) return passage.facts;
  const { text } = passage.article;
  // A packed passage unpacks its figures and tokens on each read: read them once here.
  const passageNumbers = (passage.numbers ??= numbersOf(passage));
  const { countTokens } = passageNumbers;
  const passageTokens = passage.tokens;
  const title = titles();
  const sentences = passage.sentences.map((span, i): SentenceFact => {
    const tokens = passageTokens.filter(
      (token) => token.start >= span.start && token.end <= span.end && !token.stopWord,
    );
    const concepts = tokens.flatMap((token) => token.concepts);
    const numbers = passageNumbers.sentences[i]!;
    return {
      start: span.start,
      end: span.end,
      events: new Set(concepts.filter((id) => conceptById(id)?.role === 'event')),
      subjects: new Set(concepts.filter((id) => conceptById(id)?.role === 'subject')),
      counts: new Set(numbers.counts),
      hasCount: numbers.hasCount,
      terms: termIds(tokens.filter((token) => !/^\d/.test(token.stem)).flatMap(indexTerms)),
      names: new Set(
        tokens
          .filter(
            (token) =>
              token.start > span.start &&
              token.concepts.length === 0 &&
              /^\p{Lu}/u.test(text.slice(token.start, token.end)) &&
              !title.test(text.slice(token.start, token.end)),
          )
          .map((token) => token.stem),
      ),
    };
  });
  const facts = {
    sentences,
    terms: unionOf(sentences.map((sentence) => sentence.terms)),
    hasCount: sentences.some((sentence) => sentence.hasCount),
    countTokens,
  };
  passage.facts = facts;
  return facts;
}

/**
 * Two passages report the same fact when a sentence of each tells the same event of the same
 * subject with the same figure ("six officers died" / "six officers were killed"), or, where one
 * gives no exact figure ("several officers were killed"), in much the same words and naming the same
 * place or person. Passages that share
 * most of their words are the same whatever they say. The thresholds were set on the seed corpus.
 */
export function sameFact(a: PassageFacts, b: PassageFacts): boolean {
  if (canReach(a.terms, b.terms, NEAR_DUPLICATE) && overlap(a.terms, b.terms) >= NEAR_DUPLICATE) return true;
  for (const x of a.sentences) {
    for (const y of b.sentences) {
      if (!intersects(x.events, y.events)) continue;
      // The cheap tests first: this runs for every pair of an answer's candidates.
      const sharedSubject = intersects(x.subjects, y.subjects);
      const bothSubjectless = x.subjects.size === 0 && y.subjects.size === 0;
      if (!sharedSubject && !bothSubjectless) continue;
      const similarity = overlap(x.terms, y.terms);
      if (!sharedSubject && similarity < SAME_WORDS) continue;
      if (x.counts.size > 0 && y.counts.size > 0) {
        if (intersects(x.counts, y.counts) && similarity >= SAME_FIGURE_WORDS) return true;
      } else if (similarity >= SAME_WORDS && intersects(x.names, y.names)) {
        // Without a figure to compare, only a shared name (Donetsk) tells "several officers killed"
        // is the strike where six died, and "some killed in action" is not "100 killed in Kursk".
        return true;
      }
    }
  }
  return false;
}

/** Jaccard overlap of content terms at which two passages are one text, copied or syndicated. */
const NEAR_DUPLICATE = 0.6;
/** …at which two sentences about the same event and subject, without comparable figures, tell one fact. */
const SAME_WORDS = 0.3;
/** …at which two sentences with the same figure for the same event and subject tell one fact. */
const SAME_FIGURE_WORDS = 0.15;

/** Jaccard overlap of two sets of terms, as ascending ids: a merge, with no string hashed. */
function overlap(a: Int32Array, b: Int32Array): number {
  let shared = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! === b[j]!) {
      shared++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return shared / (a.length + b.length - shared || 1);
}

/** Whether two sets' Jaccard overlap can reach `at` at all: it is at most the smaller size over the larger. */
function canReach(a: Int32Array, b: Int32Array, at: number): boolean {
  return Math.min(a.length, b.length) >= at * Math.max(a.length, b.length);
}

/**
 * Terms as numbers, one per distinct term ever seen (the corpus' vocabulary): an answer compares
 * its candidates' words pairwise, and sorted numbers compare by a merge.
 */
const termNumbers = new Map<string, number>();

/** The distinct terms as ascending ids. */
function termIds(terms: Iterable<string>): Int32Array {
  const ids = new Set<number>();
  for (const term of terms) {
    let id = termNumbers.get(term);
    if (id === undefined) termNumbers.set(term, (id = termNumbers.size));
    ids.add(id);
  }
  return Int32Array.from(ids).sort();
}

function unionOf(sets: readonly Int32Array[]): Int32Array {
  const ids = new Set<number>();
  for (const set of sets) for (const id of set) ids.add(id);
  return Int32Array.from(ids).sort();
}

function intersects<T>(a: Set<T>, b: Set<T>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const item of small) if (large.has(item)) return true;
  return false;
}
