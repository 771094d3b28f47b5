import { languageFor, perRegistry } from '../languages/index.js';

/**
 * Lowercases and removes diacritics, including the Nordic letters NFKD leaves alone, so "død" meets
 * "dod"; composed again after, so that Hangul syllables, which NFKD splits into letters, stay whole.
 */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[’']/g, "'")
    .normalize('NFC');
}

/** Thousands separators differ by language ("1,000", "11.000", "10 000"): index the digits only. */
function normalizeNumber(word: string): string | null {
  if (/^\d{1,3}([.,\u00a0\u202f ]\d{3})+$/.test(word)) return word.replace(/\D/g, '');
  if (/^\d+([.,]\d+)?$/.test(word)) return word.replace(',', '.');
  return null;
}

/** Word forms remembered per language: a large news vocabulary, a few megabytes. */
const MAX_REMEMBERED_STEMS = 200_000;
// Kept per version of the language registry: a language registered again may stem differently.
const stemMemos = perRegistry(() => new Map<string | null, Map<string, string>>());
/** Each language's elided words before an apostrophe ("l'", "d'"), as one pattern; null where it has none. */
const elisionPatterns = perRegistry(
  (all) =>
    new Map(
      all.map((module) => {
        const elisions = module.analysis.elisions ?? [];
        return [
          module.tags[0]!,
          elisions.length > 0 ? new RegExp(`^(?:${elisions.join('|')})['’](?=\\p{L})`, 'u') : null,
        ] as const;
      }),
    ),
);

/** How long an elided word and its apostrophe open `word` ("l'" in "l'armée"): 0 where none does. */
export function elidedLength(word: string, language: string | null): number {
  const elision = language ? elisionPatterns().get(language) : null;
  return elision?.exec(word.toLowerCase())?.[0].length ?? 0;
}

/** The folded stem of one word in a language (a registered tag); words of languages we cannot stem are folded only. */
export function stem(word: string, language: string | null): string {
  // A corpus repeats its words: each word form is stemmed once per language.
  const stems = stemMemos();
  let memo = stems.get(language);
  if (!memo) {
    memo = new Map();
    stems.set(language, memo);
  }
  let stemmed = memo.get(word);
  if (stemmed === undefined) {
    const elision = language ? elisionPatterns().get(language) : null;
    const lower = word
      .toLowerCase()
      .replace(elision ?? /(?!)/, '')
      .replace(/[’']s$/, '')
      .replace(/[’']$/, '');
    const stemmer = language ? languageFor(language)?.analysis.stemmer : undefined;
    stemmed = normalizeNumber(lower) ?? fold(stemmer ? stemmer(lower) : lower);
    if (memo.size >= MAX_REMEMBERED_STEMS) memo.clear();
    memo.set(word, stemmed);
  }
  return stemmed;
}

const stopWordSets = perRegistry(
  (all) => new Map(all.map((module) => [module.tags[0]!, new Set(module.analysis.stopWords)] as const)),
);
/** The languages whose stop words are known by stem too, with their stemmers. */
const stopWordStemmers = perRegistry(
  (all) =>
    new Map(
      all
        .filter((module) => module.analysis.stopWordsByStem === true)
        .map((module) => [module.tags[0]!, module.analysis.stemmer] as const),
    ),
);

/** The stop words of a language (a registered tag), lower case. */
export function stopWordsOf(language: string): ReadonlySet<string> {
  return stopWordSets().get(language) ?? NONE;
}
const NONE: ReadonlySet<string> = new Set();

export function isStopWord(word: string, language: string | null): boolean {
  if (language === null) return false;
  const stopWords = stopWordsOf(language);
  const lower = word.toLowerCase();
  if (stopWords.has(lower)) return true;
  // "qu'il", "l'on": an elided word before a stop word.
  const elision = elisionPatterns().get(language);
  if (elision && stopWords.has(lower.replace(elision, ''))) return true;
  // Where particles attach to words ("명으로"), a stop word is known by its stem.
  const stemmer = stopWordStemmers().get(language);
  return stemmer !== undefined && stopWords.has(stemmer(lower));
}
