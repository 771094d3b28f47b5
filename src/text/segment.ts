import { languageFor, perRegistry } from '../languages/index.js';
import type { Span } from '../model/passage.js';
import type { AnalyzedLanguage } from './language.js';
import { escapeRegExp, wordRegExp } from './wordBoundary.js';

// Intl.Segmenter ends a sentence after any period; these do not end one ("U.S. Secretary", "Sept. 24"),
// whatever the language of the text.
const abbreviationBeforeEnd = perRegistry((all) => {
  const words = [...new Set(all.flatMap((module) => module.segmentation.abbreviations))];
  const alternatives = words.map(escapeRegExp).join('|');
  return wordRegExp(`(?:\\b\\p{Lu}\\.|\\b(?:${alternatives})\\.)\\s*$`, 'u');
});

const sentenceSegmenters = new Map<string, Intl.Segmenter>();
function sentenceSegmenter(locale: string): Intl.Segmenter {
  let segmenter = sentenceSegmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
    sentenceSegmenters.set(locale, segmenter);
  }
  return segmenter;
}

/** "by" → "[Bb]y": a byline's lead word in any case, its names capitalised. */
const anyCase = (word: string) =>
  [...escapeRegExp(word)]
    .map((c) => (c.toLowerCase() !== c.toUpperCase() ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c))
    .join('');

/**
 * Lines of a web page that are not the article, in every language (pages mix them): each
 * language's furniture, its source lines ("Original Source: …", "Kilde: …", "• Source 1 • Source 2"),
 * bylines, and a broadcast transcript's bracketed labels ("[Anchor]").
 */
const furniture = perRegistry((all) => {
  const lines = all.flatMap((module) => module.segmentation.furniture ?? []);
  const labels = all.flatMap((module) => module.metadata.sourceLabels).map(escapeRegExp);
  const placeholders = all.flatMap((module) => module.metadata.placeholderSources);
  // Fragments that may stand anywhere in a line (".*cookies.*") are searched for, unanchored: an
  // anchored ".*" would be tried from every position of every line of the corpus.
  const anywhere = lines.filter((line) => line.startsWith('.*')).map((line) => line.replace(/^\.\*|\.\*$/g, ''));
  const words = [
    `\\[[^\\]]{1,40}\\]`,
    `(?:${labels.join('|')})s? ?:.*`,
    ...lines.filter((line) => !line.startsWith('.*')),
  ];
  if (placeholders.length > 0) words.push(`(?:[•·|,-]?\\s*(?:${placeholders.join('|')})\\s*)+`);
  const leads = all.flatMap((module) => module.segmentation.bylines ?? []).map(anyCase);
  const name = `\\p{Lu}[\\p{L}.'’-]*`;
  return {
    line: wordRegExp(`^(?:${words.join('|')})$`, 'iu'),
    anywhere: anywhere.length > 0 ? wordRegExp(`(?:${anywhere.join('|')})`, 'iu') : /(?!)/,
    byline:
      leads.length > 0
        ? new RegExp(`^(?:${leads.join('|')}):? ${name}(?:,? (?:\\p{Ll}{1,4} |& )?${name}){0,5}$`, 'u')
        : /(?!)/,
  };
});

/** Whether a line (trimmed) is page furniture rather than article text. */
export function isFurniture(line: string): boolean {
  if (line.length > 200) return false;
  const { line: pattern, anywhere, byline } = furniture();
  return pattern.test(line) || anywhere.test(line) || byline.test(line);
}

/** A list number alone ("2." of "2. How many soldiers…?") opens the sentence after it. */
const LIST_MARKER = /^\(?\d{1,2}[.)]$/;

/**
 * Splits text into sentences, with offsets into the text. Lines are never joined: in articles a
 * line break ends a headline, a dateline or a paragraph, whatever its punctuation.
 */
export function splitSentences(text: string, language: AnalyzedLanguage | null): Span[] {
  const segmenter = sentenceSegmenter((language ? languageFor(language)?.analysis.segmenterLocale : null) ?? 'en');
  const ABBREVIATION_BEFORE_END = abbreviationBeforeEnd();
  const spans: Span[] = [];
  for (const line of lines(text)) {
    if (isFurniture(text.slice(line.start, line.end).trim())) continue;
    let pending: Span | null = null;
    for (const { segment, index } of segmenter.segment(text.slice(line.start, line.end))) {
      const span = trimSpan(text, line.start + index, line.start + index + segment.length);
      if (!span) continue;
      // Only the end of the pending sentence matters; testing all of it makes long paragraphs quadratic.
      const pendingEnd = pending ? text.slice(Math.max(pending.start, pending.end - 16), pending.end) : '';
      const pendingWhole = pending && pending.end - pending.start <= 4 ? text.slice(pending.start, pending.end) : '';
      if (pending && (ABBREVIATION_BEFORE_END.test(pendingEnd) || LIST_MARKER.test(pendingWhole))) {
        pending.end = span.end;
      } else if (pending && /^[\p{Ll}\d]/u.test(text.slice(span.start, span.start + 1))) {
        // A "sentence" starting in lower case or with a digit continues the previous one.
        pending.end = span.end;
      } else {
        if (pending) spans.push(pending);
        pending = span;
      }
    }
    if (pending) spans.push(pending);
  }
  return spans.flatMap((span) => splitLong(text, span));
}

/** A "sentence" longer than this is a run-on paragraph or a pasted table: quoted whole, it would be useless. */
export const MAX_SENTENCE_CHARS = 600;

/** Cuts an over-long sentence at spaces into pieces of at most {@link MAX_SENTENCE_CHARS}. */
function splitLong(text: string, span: Span): Span[] {
  if (span.end - span.start <= MAX_SENTENCE_CHARS) return [span];
  const pieces: Span[] = [];
  let start = span.start;
  while (span.end - start > MAX_SENTENCE_CHARS) {
    const window = text.slice(start, start + MAX_SENTENCE_CHARS);
    const space = window.lastIndexOf(' ');
    const end = space > MAX_SENTENCE_CHARS / 2 ? start + space : start + MAX_SENTENCE_CHARS;
    const piece = trimSpan(text, start, end);
    if (piece) pieces.push(piece);
    start = end;
  }
  const last = trimSpan(text, start, span.end);
  if (last) pieces.push(last);
  return pieces;
}

function lines(text: string): Span[] {
  const result: Span[] = [];
  const pattern = /[^\r\n]+/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    result.push({ start: match.index, end: match.index + match[0].length });
  }
  return result;
}

function trimSpan(text: string, start: number, end: number): Span | null {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return start < end ? { start, end } : null;
}

/** A passage: one or a few consecutive sentences of one paragraph. */
export interface PassageSpan extends Span {
  sentences: Span[];
}

/** Passages stay short enough to quote in a chat message and to answer one thing. */
export const PASSAGE_MAX_CHARS = 320;
export const PASSAGE_MAX_SENTENCES = 2;

/**
 * Groups sentences into passages: consecutive sentences of the same line, up to
 * {@link PASSAGE_MAX_SENTENCES} and {@link PASSAGE_MAX_CHARS}; a longer sentence stands alone.
 */
export function groupPassages(text: string, sentences: Span[]): PassageSpan[] {
  const passages: PassageSpan[] = [];
  let current: PassageSpan | null = null;
  for (const sentence of sentences) {
    const sameLine = current !== null && !/[\r\n]/.test(text.slice(current.end, sentence.start));
    const fits =
      current !== null &&
      current.sentences.length < PASSAGE_MAX_SENTENCES &&
      sentence.end - current.start <= PASSAGE_MAX_CHARS;
    if (current && sameLine && fits) {
      current.sentences.push(sentence);
      current.end = sentence.end;
    } else {
      if (current) passages.push(current);
      current = { start: sentence.start, end: sentence.end, sentences: [sentence] };
    }
  }
  if (current) passages.push(current);
  return passages;
}
