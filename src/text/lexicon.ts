/**
 * The compiled lexicon: each language's concept words (src/languages/), stemmed and folded as
 * articles are, to the concept ids they stand for. Compiled once per version of the language and
 * concept registries.
 */
import { languages, languagesVersion } from '../languages/index.js';
import { allConcepts, conceptsVersion } from '../model/concepts.js';
import { stem } from './stem.js';

// The registry versions the lexicon was compiled at: two numbers, as this is checked for every token.
let compiledLanguages = -1;
let compiledConcepts = -1;
let lexicons = new Map<string, Map<string, string[]>>();

function compiled(): Map<string, Map<string, string[]>> {
  if (compiledLanguages !== languagesVersion() || compiledConcepts !== conceptsVersion()) {
    lexicons = new Map();
    for (const module of languages()) lexicons.set(module.tags[0]!, new Map());
    for (const concept of allConcepts()) {
      for (const module of languages()) {
        const language = module.tags[0]!;
        const lexicon = lexicons.get(language)!;
        for (const word of module.concepts[concept.id] ?? []) {
          const key = stem(word, language);
          const ids = lexicon.get(key) ?? [];
          if (!ids.includes(concept.id)) ids.push(concept.id);
          lexicon.set(key, ids);
        }
      }
    }
    compiledLanguages = languagesVersion();
    compiledConcepts = conceptsVersion();
  }
  return lexicons;
}

/** Concept ids a word's stem belongs to in a language (none for languages without a lexicon). */
export function conceptsOf(stemmed: string, language: string | null): string[] {
  return language ? (compiled().get(language)?.get(stemmed) ?? []) : [];
}

/** Every lexicon stem of a language, for matching a misspelt question word to its concept. */
export function lexiconStems(language: string): Iterable<[string, string[]]> {
  return compiled().get(language)?.entries() ?? [];
}

/** Whether a stem is a concept word of a language. */
export function inLexicon(stemmed: string, language: string): boolean {
  return compiled().get(language)?.has(stemmed) ?? false;
}
