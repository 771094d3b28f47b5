/**
 * Figure extraction: every count about the story in an article, as a typed claim — what was
 * counted (killed, deployed, shells…), of whom, how many, as of when, and who says so.
 *
 * Every rule is a general one about how news sentences state figures, named where it is applied;
 * none is tuned to a particular sentence. Numbers come from `numbers.ts` (raw text, not index
 * tokens), dates from `dates.ts`, sources from `attribution.ts`, and meaning from the lexicon.
 */
import { conceptById } from '../lexicon/concepts.js';
import type { Passage } from '../search/passages.js';
import type { Token } from '../text/analyze.js';
import { findAttributions, type Attribution, type AttributionSpan } from './attribution.js';
import { findDates, type Precision } from './dates.js';
import { findNumbers, type NumberMention, type Qualifier } from './numbers.js';

export const FIGURE_CATEGORIES = ['killed', 'injured', 'casualties', 'deployed', 'reinforcements', 'captured', 'weapons'] as const;
export type FigureCategory = (typeof FIGURE_CATEGORIES)[number];

export interface AsOf {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; `--MM-DD` / `--MM` when the text gives no year. */
  date: string;
  precision: Precision;
}

/** Where an `asOf` came from: the sentence itself, the sentence before it, or the article's date. */
export type AsOfBasis = 'sentence' | 'context' | 'published';

/** One place a claim is made. */
export interface ClaimSource {
  articleId: string;
  /** The sentence, exactly as in the article (`text.slice(start, end)`). */
  quote: string;
  start: number;
  end: number;
  /** The figure's own words, e.g. "at least 100". */
  wording: string;
  attributedTo: Attribution | null;
  asOf: AsOf | null;
  asOfBasis: AsOfBasis | null;
}

export interface Claim {
  /** Stable within an index: the first source's article and offset. */
  id: string;
  value: number;
  /** The range the words state; `null` is open ("at least 100" has no upper bound). */
  low: number | null;
  high: number | null;
  qualifier: Qualifier;
  wording: string;
  category: FigureCategory;
  /** What was counted, for weapons: shells, missiles, launchers, containers, guns, weapons. */
  item: string | null;
  /** Who was counted, as a person reads it: "North Korean officers". */
  subject: string;
  /** What decides whether two claims count the same thing: officers, troops, people, an item, or `unspecified`. */
  scope: string;
  asOf: AsOf | null;
  attributedTo: Attribution | null;
  /** Every distinct source of this figure, when several sources report it. */
  attributions: Attribution[];
  articles: string[];
  quote: string;
  sources: ClaimSource[];
}

/** How far after a number the event it counts may stand, in content words ("100 North Korean soldiers have died"). */
const EVENT_AFTER = 8;
/** …and how far before it ("killed 20 people, including six officers"). */
const EVENT_BEFORE = 5;
/** The counted noun phrase: the first few content words after the number. */
const NOUN_PHRASE = 4;
/** Words that make a deployment a reinforcement: "3,000 more soldiers", "minst 3000 flere soldater". */
const ADDITIVE = /^(more|additional|extra|fresh|new|further|another|flere|ytterligere|nye|ekstra|nya)$/i;
const PEOPLE = /^(people|persons|civilians|menn|mennesker|personer|sivile)$/i;
const JOINING = /^(or|and|eller|og|and\/or)$/i;
const NORTH_KOREAN = /^(north|nord|korean|nordkoreansk\p{L}*|pyongyang)$/iu;

interface Context {
  /** The previous sentence's date, when it had one of its own or carried one. */
  asOf: AsOf | null;
  /** The previous sentence's last named source, for "It added that…". */
  attribution: AttributionSpan | null;
}

/**
 * Extracts the claims of every article, one per figure as written, in article order. Use
 * {@link mergeClaims} to count the same figure reported twice once.
 */
export function extractClaims(passages: readonly Passage[]): Claim[] {
  const claims: Claim[] = [];
  let context: Context = { asOf: null, attribution: null };
  let article: Passage['article'] | null = null;
  for (const passage of passages) {
    if (passage.article !== article) {
      article = passage.article;
      context = { asOf: null, attribution: null };
    }
    for (const sentence of passage.sentences) {
      context = claimsOfSentence(passage, sentence.start, sentence.end, context, claims);
    }
  }
  return claims;
}

function claimsOfSentence(passage: Passage, start: number, end: number, previous: Context, out: Claim[]): Context {
  const { article } = passage;
  const text = article.text.slice(start, end);
  const language = article.language ?? 'en';
  const tokens = passage.tokens.filter((token) => token.start >= start && token.end <= end);
  const mentions = findNumbers(text, language);
  const counts = mentions.filter((mention) => mention.kind === 'count');
  const dates = findDates(text, language, { published: article.published });
  const attributions = findAttributions(text, language);
  const named = attributions.filter((span) => !span.pronoun);

  // A date of the sentence's own, else one carried from the sentence before ("On the 3rd, …. The attack killed 20").
  const ownDate = dates.length > 0;
  for (const mention of counts) {
    const figure = readFigure(text, start, tokens, mention, mentions);
    if (!figure) continue;
    const date = nearest(dates, mention) ?? null;
    const asOf: AsOf | null = date ? { date: date.date, precision: date.precision } : (previous.asOf ?? published(article.published));
    const asOfBasis: AsOfBasis | null = date ? 'sentence' : previous.asOf ? 'context' : article.published ? 'published' : null;
    const attribution = pickAttribution(attributions, mention, previous.attribution);
    const source: ClaimSource = {
      articleId: article.id,
      quote: text,
      start,
      end,
      wording: mention.wording,
      attributedTo: attribution ? { claimant: attribution.claimant, channel: attribution.channel } : null,
      asOf,
      asOfBasis,
    };
    out.push({
      id: `${article.id}@${start + mention.start}`,
      value: mention.value,
      low: mention.low,
      high: mention.high,
      qualifier: mention.qualifier,
      wording: mention.wording,
      ...figure,
      asOf,
      attributedTo: source.attributedTo,
      attributions: source.attributedTo ? [source.attributedTo] : [],
      articles: [article.id],
      quote: text,
      sources: [source],
    });
  }
  const carried = ownDate ? dateOf(dates.at(-1)!) : counts.length > 0 ? previous.asOf : null;
  return { asOf: carried, attribution: named.at(-1) ?? (attributions.length > 0 ? previous.attribution : null) };
}

interface Figure {
  category: FigureCategory;
  item: string | null;
  subject: string;
  scope: string;
}

/**
 * Reads what a number counts from the words around it:
 * - the counted noun phrase right after it names an item ("10,000 shipping containers") → weapons;
 * - else the nearest event after it, or shortly before it, names the category ("100 soldiers have
 *   died", "killed 20 people"); "killed or injured" together is casualties; a deployment of "more"
 *   troops is reinforcements;
 * - else a count of troops with no event is troops present: deployed;
 * - anything else (the two countries) is no figure of the story.
 */
function readFigure(text: string, offset: number, tokens: Token[], mention: NumberMention, all: NumberMention[]): Figure | null {
  const numberEnd = offset + mention.end;
  const numberStart = offset + mention.start;
  // Words inside other numbers ("240 mm" after "220") are not words of the phrase.
  const inOtherNumber = (token: Token) => all.some((other) => other !== mention && token.start >= offset + other.start && token.end <= offset + other.end);
  const nextCount = all.find((other) => other.kind === 'count' && other.start >= mention.end);
  const afterLimit = nextCount ? offset + nextCount.start : Infinity;

  const after = tokens.filter((token) => token.start >= numberEnd && token.start < afterLimit && !inOtherNumber(token));
  const afterContent = after.filter((token) => !token.stopWord);
  const before = tokens.filter((token) => token.end <= numberStart && !inOtherNumber(token) && !token.stopWord).reverse();

  const phrase = nounPhrase(text, offset, numberEnd, afterContent);
  const item = phrase.find((token) => role(token) === 'item');
  const subjectToken = phrase.find((token) => role(token) === 'subject');
  const people = phrase.find((token) => PEOPLE.test(word(text, offset, token)));

  let event: string | null = null;
  const eventAfter = afterContent.slice(0, EVENT_AFTER).find((token) => role(token) === 'event');
  const eventBefore = before.slice(0, EVENT_BEFORE).find((token) => role(token) === 'event');
  const eventToken = eventAfter ?? eventBefore;
  if (eventToken) event = eventOf(eventToken, tokens, (token) => word(text, offset, token));

  let category: FigureCategory;
  if (item && !subjectToken && !people) category = 'weapons';
  else if (event) category = event as FigureCategory;
  else if (subjectToken) category = 'deployed';
  else return null;
  if (category === 'deployed' && afterContent.slice(0, 2).some((token) => ADDITIVE.test(word(text, offset, token)))) {
    category = 'reinforcements';
  }
  if (category === 'weapons') {
    const id = conceptOfRole(item!, 'item')!;
    return { category, item: id, subject: id, scope: id };
  }

  // Who was counted: the phrase's own noun, else the nearest person-noun of the sentence.
  const subject = subjectToken ?? nearestSubject(tokens, numberStart);
  const northKorean = (subjectToken ? phrase : tokens).some((token) => NORTH_KOREAN.test(word(text, offset, token)) || token.concepts.includes('north-korean'));
  if (people) return { category, item: null, subject: 'people', scope: 'people' };
  if (subject) {
    const id = conceptOfRole(subject, 'subject')!;
    const label = id === 'troops' ? 'soldiers' : id;
    return { category, item: null, subject: `${northKorean ? 'North Korean ' : ''}${label}`, scope: id };
  }
  const words = phrase.filter((token) => role(token) !== 'event');
  if (words.length > 0) {
    const described = text.slice(words[0]!.start - offset, words.at(-1)!.end - offset);
    return { category, item: null, subject: described, scope: `other:${words.map((token) => token.stem).join(' ')}` };
  }
  return { category, item: null, subject: 'unspecified', scope: 'unspecified' };
}

/** The counted noun phrase: content words after the number up to a clause break or an event word. */
function nounPhrase(text: string, offset: number, from: number, afterContent: Token[]): Token[] {
  const phrase: Token[] = [];
  let at = from;
  for (const token of afterContent.slice(0, NOUN_PHRASE)) {
    if (/[,.;:()]/.test(text.slice(at - offset, token.start - offset))) break;
    if (role(token) === 'event') break;
    phrase.push(token);
    at = token.end;
  }
  return phrase;
}

/** "killed" next to "or/and injured" is casualties: one figure for both. */
function eventOf(token: Token, tokens: Token[], wordOf: (token: Token) => string): string {
  const id = conceptOfRole(token, 'event')!;
  if (id !== 'killed' && id !== 'injured') return id;
  const at = tokens.indexOf(token);
  const other = id === 'killed' ? 'injured' : 'killed';
  for (const [joiner, next] of [
    [tokens[at + 1], tokens[at + 2]],
    [tokens[at - 2], tokens[at - 1]],
  ] as const) {
    if (joiner && next && JOINING.test(wordOf(joiner)) && next.concepts.includes(other)) return 'casualties';
  }
  return id;
}

function nearestSubject(tokens: Token[], position: number): Token | undefined {
  let best: Token | undefined;
  for (const token of tokens) {
    if (role(token) !== 'subject') continue;
    if (!best || Math.abs(token.start - position) < Math.abs(best.start - position)) best = token;
  }
  return best;
}

function role(token: Token): string | null {
  for (const id of token.concepts) {
    const concept = conceptById(id);
    if (concept && concept.role !== 'topic') return concept.role;
  }
  return null;
}

function conceptOfRole(token: Token, wanted: string): string | undefined {
  return token.concepts.find((id) => conceptById(id)?.role === wanted);
}

function word(text: string, offset: number, token: Token): string {
  return text.slice(token.start - offset, token.end - offset);
}

function nearest<T extends { start: number; end: number }>(spans: T[], mention: NumberMention): T | undefined {
  let best: T | undefined;
  let bestDistance = Infinity;
  for (const span of spans) {
    const distance = span.start >= mention.end ? span.start - mention.end : mention.start - span.end;
    if (distance < bestDistance) {
      best = span;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * The source of a figure: the nearest named speaker before it ("Lee pointed out that … over 100
 * dead, a US official …, suggesting several hundred"), else one after it ("…, according to X").
 * "It added…" stands for the previous sentence's source.
 */
function pickAttribution(spans: AttributionSpan[], mention: NumberMention, previous: AttributionSpan | null): AttributionSpan | null {
  const before = spans.filter((span) => span.start <= mention.start);
  const chosen = before.at(-1) ?? spans.find((span) => span.start > mention.start) ?? null;
  if (!chosen?.pronoun) return chosen;
  // "The government said that it had confirmed…": the pronoun is the sentence's own earlier speaker.
  return before.filter((span) => !span.pronoun).at(-1) ?? previous;
}

function dateOf(date: { date: string; precision: Precision }): AsOf {
  return { date: date.date, precision: date.precision };
}

function published(date: string | null): AsOf | null {
  return date ? { date: date.slice(0, 10), precision: 'day' } : null;
}
