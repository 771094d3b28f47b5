import { perRegistry, type MetadataWords } from '../languages/index.js';
import { parseDateline } from '../text/dates.js';
import { wordRegExp } from '../text/wordBoundary.js';

/** Metadata a plain-text article states about itself, each with the words it came from. */
export interface InferredMetadata {
  title: string | null;
  publisher: string | null;
  url: string | null;
  published: string | null;
  /** Only a `Language: xx` line near the top; detection is the loader's business. */
  language: string | null;
  provenance: { title?: string; publisher?: string; url?: string; published?: string; language?: string };
}

const HEADER_LINES = 8;

/** `Language: de`, `language: pt-BR`: a writer's own word on the language, which beats any guess. */
const LANGUAGE_DECLARATION = /^language\s*:\s*([a-z]{2,3}(?:-[a-z0-9]{2,8})*)$/i;

/** The canonical BCP 47 tag a declaration line states, or `null` for any other line or a tag that is none. */
function declaredLanguage(line: string): string | null {
  const tag = LANGUAGE_DECLARATION.exec(line)?.[1];
  if (!tag) return null;
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null;
  }
}

/** The source-line, sign-off and copyright words of every language, compiled once per registry version. */
const metadataPatterns = perRegistry((all) => {
  const words = (pick: (metadata: MetadataWords) => readonly string[]) =>
    [...new Set(all.flatMap((module) => pick(module.metadata)))].join('|') || '(?!)';
  return {
    source: new RegExp(`^(?:${words((m) => m.sourceLabels)})\\s*:\\s*(\\S.*)$`, 'i'),
    placeholder: new RegExp(`^(?:${words((m) => m.placeholderSources)})$`, 'i'),
    signOff: wordRegExp(
      `\\b(?:${words((m) => m.signOff.before)}) ([A-Z][\\w&.-]*)(?:${words((m) => m.signOff.after)}) \\p{Lu}`,
      'u',
    ),
    copyright: new RegExp(
      `(?:©|\\(c\\)|${words((m) => m.copyright)})(?:\\s+(?:${words((m) => m.copyrightHolder)}))?\\s*(?:\\(c\\)|©)?\\s*(?:\\d{4}\\s+)?((?:[A-Z][\\w&.-]*\\s*){1,4})`,
      'i',
    ),
    /** Words that follow a copyright holder's name but are not part of it. */
    notAName: new RegExp(`^(?:${words((m) => m.notNames)})$`),
  };
});

/**
 * Infers a `.txt` article's metadata from what its text states, and nothing else: the title is the
 * first non-empty line; a date only from a dateline near the top; a publisher only from a line that
 * names one (`Original Source: …`, a broadcaster's sign-off, a copyright line); a URL only when written out.
 */
export function inferMetadata(text: string): InferredMetadata {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const result: InferredMetadata = {
    title: null,
    publisher: null,
    url: null,
    published: null,
    language: null,
    provenance: {},
  };
  const declaration = lines.slice(0, HEADER_LINES).find((line) => declaredLanguage(line));
  if (declaration) {
    result.language = declaredLanguage(declaration);
    result.provenance.language = 'stated in the text';
  }
  // The declaration is about the article, not its headline.
  result.title = lines.find((line) => line !== declaration) ?? null;
  if (result.title) result.provenance.title = 'first line';

  for (const line of lines.slice(1, HEADER_LINES)) {
    const date = parseDateline(line);
    if (date) {
      result.published = date;
      result.provenance.published = `dateline "${line}"`;
      break;
    }
  }

  const patterns = metadataPatterns();
  for (const line of lines) {
    const source = patterns.source.exec(line);
    if (source) {
      const value = source[1]!.trim();
      const url = /^https?:\/\/\S+$/i.exec(value);
      if (url && !result.url) {
        result.url = value;
        result.provenance.url = `line "${line}"`;
      }
      if (!result.publisher && !patterns.placeholder.test(value)) {
        result.publisher = url ? new URL(value).hostname.replace(/^www\./, '') : value;
        result.provenance.publisher = `line "${line}"`;
      }
    }
  }

  // A broadcaster's sign-off ("I'm YTN's Kwon Younghee.") or a copyright line names the outlet.
  for (const line of [...lines].reverse()) {
    if (result.publisher) break;
    const signOff = patterns.signOff.exec(line);
    const copyright = patterns.copyright.exec(line);
    const name = signOff?.[1] ?? firstNameWords(copyright?.[1], patterns.notAName);
    if (name) {
      result.publisher = name;
      result.provenance.publisher = `${signOff ? 'sign-off' : 'copyright line'} "${line}"`;
    }
  }
  return result;
}

function firstNameWords(candidate: string | undefined, notAName: RegExp): string | null {
  if (!candidate) return null;
  const words: string[] = [];
  for (const word of candidate.trim().split(/\s+/)) {
    if (notAName.test(word)) break;
    words.push(word);
  }
  return words.length > 0 ? words.join(' ') : null;
}
