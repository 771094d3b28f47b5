/**
 * Figure extraction: every count about the story in an article, as a typed claim — what was
 * counted (killed, deployed, shells…), of whom, how many, as of when, and who says so.
 *
 * Every rule is a general one about how news sentences state figures, named where it is applied;
 * none is tuned to a particular sentence. Numbers come from src/text/numbers (raw text, not index
 * tokens), dates from src/text/dates.ts, sources from `attribution.ts`, meaning from the concepts
 * (src/model/concepts.ts), categories from their registry (src/model/categories.ts), and the words
 * each rule looks for from the language modules (src/languages/).
 */
import type { AsOf, AsOfBasis, Claim, ClaimSource, Precision, RatePeriod } from '../model/claim.js';
import {
  languageFor,
  perRegistry,
  type ClaimWords,
  type LanguageModule,
  type NumberContextWords,
} from '../languages/index.js';
import { categoryByName, categoryOfConcept, figureCategories, type FigureCategory } from '../model/categories.js';
import { conceptById } from '../model/concepts.js';
import type { Passage, Token } from '../model/passage.js';
import { findAttributions, type AttributionSpan } from './attribution.js';
import { findDates } from '../text/dates.js';
import { findNumbers, type NumberMention } from '../text/numbers/index.js';
import { wordRegExp } from '../text/wordBoundary.js';

/** How far after a number the event it counts may stand, in content words ("100 North Korean soldiers have died"). */
const EVENT_AFTER = 8;
/** …and how far before it, within its clause ("killed 20 people", "the death toll … has risen to 13"). */
const EVENT_BEFORE = 8;
/** The counted noun phrase: the first few content words after the number. */
const NOUN_PHRASE = 4;
/** Punctuation that ends a clause: an event beyond it is another clause's ("…, roughly a third of the force Pyongyang has sent"). */
const CLAUSE_PUNCTUATION = /[,;:()!?–—…]/;
/** Time zones an entry stamp may name: codes, the same in every language. */
const TIME_ZONES = 'GMT|UTC|CET|CEST|BST|EST|EDT|PST|PDT';
/** Word boundaries for every script: `\\b` knows only ASCII letters, and Hangul or Cyrillic words have none. */
const B = '(?<![\\p{L}\\p{N}_])';
const E = '(?![\\p{L}\\p{N}_])';

/** Nations a count may be of, by how the languages name them; a generic demonym ("Chinese") is its own key. */
const NATIONS: readonly { key: string; adjective: string; people: string; end: string }[] = [
  { key: 'north-korean', adjective: 'North Korean', people: 'North Koreans', end: '\\p{L}*' },
  { key: 'south-korean', adjective: 'South Korean', people: 'South Koreans', end: '\\p{L}*' },
  { key: 'ukrainian', adjective: 'Ukrainian', people: 'Ukrainians', end: '\\p{L}*' },
  { key: 'russian', adjective: 'Russian', people: 'Russians', end: '(?![\\p{L}\\p{N}_])' },
];

/**
 * The words the rules below look for, from every language (corpora mix them), compiled once per
 * version of the language registry. Each rule's comment says what its words are.
 */
const claimPatterns = perRegistry((all) => {
  const words = (pick: (claims: ClaimWords) => readonly string[]) =>
    [...new Set(all.flatMap((module) => pick(module.claims)))].join('|');
  const whole = (pick: (claims: ClaimWords) => readonly string[], flags = 'i') =>
    new RegExp(`^(?:${words(pick)})$`, flags);
  const optional = (pick: (claims: ClaimWords) => readonly string[] | undefined) =>
    [...new Set(all.flatMap((module) => pick(module.claims) ?? []))].join('|') || '(?!)';
  const numberContext = (pick: (context: NumberContextWords) => readonly string[]) =>
    [...new Set(all.flatMap((module) => pick(module.numbers.context)))].join('|') || '(?!)';
  return {
    /**
     * A live-blog entry stamp on a line of its own: "18:47 GMT", "2:30 pm", "kl. 16.05", with the clock
     * words and the time-of-day words of the number context.
     */
    entryStamp: new RegExp(
      `^(?:(?:${numberContext((c) => c.clock)})\\s*)?([01]?\\d|2[0-3])[:.]([0-5]\\d)(?:\\s*(?:${TIME_ZONES})|${numberContext((c) => c.timeAfter)})?$`,
      'iu',
    ),
    /** The opening proper noun phrase of a sentence, which "It told…" in the next one may stand for. */
    opener: new RegExp(
      `^((?:\\p{Lu}[\\p{L}'’.-]*)(?:\\s+(?:${words((c) => c.nameParticles) || '(?!)'}|\\p{Lu}[\\p{L}'’.-]*))+)\\s+\\p{Ll}`,
      'u',
    ),
    /** Words that make a count additional: "3,000 more soldiers", "minst 3000 flere soldater", "two more captured". */
    additive: whole((c) => c.additive),
    /** "en renfort", "als Verstärkung", "as reinforcements": a count sent as an increment. */
    asIncrement: new RegExp(`(?<![\\p{L}])(?:${words((c) => c.asIncrement ?? []) || '(?!)'})(?![\\p{L}])`, 'iu'),
    people: whole((c) => c.people),
    civilians: whole((c) => c.civilians),
    /**
     * Nouns for people, which alone can be killed, injured or captured: "Two children are among the
     * dead" is a figure, "rundt 1200 bygninger ødelagt eller alvorlig skadet" (damaged) is not. Agent
     * nouns ("firefighters", "arbeidere") are people by their ending.
     */
    personNoun: new RegExp(`^(?:${words((c) => c.personNouns)})$|(?:${words((c) => c.personNounEndings)})$`, 'iu'),
    /** "lost about 980,000 troops", "mistet 300 soldater": a loss of people is their death. */
    lossVerb: whole((c) => c.lossVerbs),
    /** "lost their lives", "mistet livet". */
    life: whole((c) => c.lives),
    /** "ums Leben" (kommen): a death, with its verb anywhere in the clause. */
    deathPhrase: new RegExp(`(?<![\\p{L}])(?:${words((c) => c.deathPhrases ?? []) || '(?!)'})(?![\\p{L}])`, 'giu'),
    /**
     * An apposition that says what a figure counts: "about 980,000 troops, a figure that counts both
     * the dead and the wounded" is a casualty figure.
     */
    definingApposition: wordRegExp(`^\\s*(?:${words((c) => c.definingAppositions)})\\b`, 'i'),
    /** "of whom roughly 250,000", "hvorav fire", "av dem": a part of the count before it, of the same people. */
    partOfBefore: new RegExp(`(?:${words((c) => c.partOfBefore)})\\s*$`, 'i'),
    /** Prepositions and conjunctions end a noun phrase even where the stop-word lists miss them ("3,800 North Koreans since…"). */
    phraseEnd: whole((c) => c.phraseEnd),
    /** "120 were civilians", "40 var barn": a count whose noun comes after its verb. */
    predicateNoun: new RegExp(`^\\s+(?:${words((c) => c.copulas)})\\s+(\\p{L}+)`, 'iu'),
    partOfThose: wordRegExp(`^\\s+(?:${words((c) => c.of)})\\s+(?:${words((c) => c.partOfPronouns)})\\b`, 'i'),
    /** "Nærmere 40 av de skadde": a part of a count named by its event ("of the injured"), not that count. */
    partOfEvent: new RegExp(
      `^\\s+(?:${words((c) => c.of)})\\s+(?:${words((c) => c.partOfArticles)})\\s+(\\p{L}+)`,
      'iu',
    ),
    of: whole((c) => c.of, ''),
    /** "68 av dronene": a part of something counted before ("of the drones"), not a count of its own. */
    definitePluralAfterOf: all
      .filter((module) => module.claims.definitePluralAfterOf.length > 0)
      .map((module) => ({
        of: new RegExp(`^(?:${module.claims.of.join('|')})$`, 'i'),
        noun: new RegExp(`\\p{L}(?:${module.claims.definitePluralAfterOf.join('|')})$`, 'u'),
      })),
    /** Prisoners of war are soldiers. */
    prisonersOfWar: whole((c) => c.prisonersOfWar, 'iu'),
    prisoners: whole((c) => c.prisoners),
    ofWar: wordRegExp(`^\\s+(?:${words((c) => c.ofWar)})\\b`, 'i'),
    joining: whole((c) => c.joining),
    and: wordRegExp(`\\b(?:${words((c) => c.and)})\\b`, 'i'),
    /** Nouns that stand for a figure named before: "Estimates of the number killed vary. Officials put the figure at…". */
    anaphoric: whole((c) => c.anaphoric),
    /** A subset after a comma keeps the event before it: "killed 20 people, including six officers", "skadet, blant dem fem barn". */
    subsetOpener: wordRegExp(`^\\s*(?:${words((c) => c.subsetOpeners)})\\b`, 'i'),
    /** An aside between commas opened by a subset opener: "Total losses, including the wounded, exceeded 4,700". */
    aside: wordRegExp(`,\\s*(?:${words((c) => c.subsetOpeners)})\\b[^,.;:()!?–—]*,`, 'gi'),
    /** A relative clause right after the counted noun tells what happened to them: "Dva vojáci, které Ukrajinci zajali". */
    relativeOpener: wordRegExp(`^\\s*(?:${words((c) => c.patientRelatives ?? []) || '(?!)'})\\b`, 'i'),
    /** Nouns naming a count of the dead ("the death toll … has risen to 13"): with no one named, they count people. */
    toll: whole((c) => c.tolls, 'iu'),
    /** "since December", "siden i fjor høst": the start of a period, not the date a figure holds for. */
    since: wordRegExp(`\\b(?:${words((c) => c.since)})\\b[^,.;:]{0,60}$`, 'i'),
    runningTotal: wordRegExp(`\\b(?:${words((c) => c.since)})\\b`, 'i'),
    /** "…since January, when NIS estimated about 300": a figure in the when-clause is of that date. */
    when: wordRegExp(`\\b(?:${words((c) => c.when)})\\b`, 'i'),
    /** A contrast between clauses: a date across it belongs to the other clause ("…in the autumn, but X said last month…"). */
    clauseContrast: wordRegExp(`;|,\\s*(?:${words((c) => c.contrast)})\\b`, 'i'),
    /** A new clause joined to the one before: ", and …", ", og …". */
    clauseJoin: wordRegExp(`,\\s*(?:${words((c) => c.and)})\\b`, 'i'),
    /** "이날", "that day": a word that dates its sentence with the last date the article named. */
    sameDay: new RegExp(`${B}(?:${words((c) => c.sameDay ?? []) || '(?!)'})${E}`, 'iu'),
    /** "…으로 보도했으나": words after a figure in its clause that withdraw it (a correction). */
    retracted: new RegExp(`${B}(?:${words((c) => c.retracted ?? []) || '(?!)'})`, 'iu'),
    /** "10월부터": a word after a date that makes it the start of a period. */
    sinceAfter: new RegExp(`^\\s*(?:${words((c) => c.sinceAfter ?? []) || '(?!)'})`, 'u'),
    /**
     * Present or perfect verbs: the figure is the state of things when the article was written
     * ("North Korea has about 11,000 troops", "Av disse er rundt 4700 drept"), not the date of the
     * sentence before, which a past-tense sentence continues ("On the 3rd … . The attack killed 20").
     */
    presentOrPerfect: wordRegExp(`\\b(?:${words((c) => c.presentOrPerfect)})\\b`, 'i'),
    /** Event words that are nouns: the words before them describe the counted ("North Korean casualties"), not an agent. */
    eventNoun: whole((c) => c.eventNouns, 'iu'),
    demonym: new RegExp(`^\\p{Lu}\\p{Ll}+(?:${words((c) => c.demonymEndings) || '(?!)'})s?$`, 'u'),
    // Figures filed right (issue 11): the optional words of each language; a language without them
    // files every count as a plain total.
    /** "an additional 3,000", "a second rotation of 5,000": an increment, said before the count. */
    incrementBefore: new RegExp(`(?<!\\p{L})(?:${optional((c) => c.incrementsBefore)})\\s*$`, 'iu'),
    /** "sent 1,500 troops to replace the fallen": an increment, said by its purpose. */
    incrementPurpose: new RegExp(`(?<!\\p{L})(?:${optional((c) => c.incrementPurposes)})(?!\\p{L})`, 'iu'),
    /** "shot four of their comrades": a verb that kills when a count follows it right away. */
    killingVerb: new RegExp(`(?<!\\p{L})(?:${optional((c) => c.killingVerbs)})\\s+$`, 'iu'),
    relativePronoun: new RegExp(`^(?:${optional((c) => c.relativePronouns)})$`, 'i'),
    /** "four of their Russian comrades": the partitive whose noun says who was counted. */
    partitive: new RegExp(`^\\s+(?:${words((c) => c.of)})\\s+(?:${optional((c) => c.partitiveDeterminers)})\\s+`, 'iu'),
    /** "a toll of 2,500 that counts the dead, wounded and missing". */
    definingRelative: new RegExp(`^\\s*(?:${optional((c) => c.definingRelatives)})(?!\\p{L})`, 'iu'),
    /** "holds 6,000 servicemen", "are held", "would be exchanged": people in custody. */
    custodyVerb: new RegExp(`^(?:${optional((c) => c.custodyVerbs)})$`, 'i'),
    lossAuxiliary: new RegExp(`^(?:${optional((c) => c.lossAuxiliaries)})$`, 'i'),
    rates: (['day', 'week', 'month', 'year'] as const)
      .map((period) => ({ period, words: optional((c) => c.rates?.[period]) }))
      .filter((rate) => rate.words !== '(?!)')
      .map(({ period, words }) => ({ period, pattern: new RegExp(`(?<!\\p{L})(?:${words})(?!\\p{L})`, 'iu') })),
    /** Case-sensitive: "may" is a forecast, "May" a month. */
    projection: new RegExp(`(?<!\\p{L})(?:${optional((c) => c.projections)})(?!\\p{L})`, 'u'),
    incident: new RegExp(`(?<!\\p{L})(?:${optional((c) => c.incidents)})(?!\\p{L})`, 'iu'),
    /** Case-sensitive, for the lookaheads of "since October" (not "has since put"). */
    cumulative: new RegExp(`(?<!\\p{L})(?:${optional((c) => c.cumulative)})(?!\\p{L})`, 'u'),
    transfer: new RegExp(`(?<!\\p{L})(?:${optional((c) => c.transfers)})(?!\\p{L})`, 'iu'),
    or: new RegExp(`(?<!\\p{L})(?:${optional((c) => c.or)})(?!\\p{L})`, 'iu'),
    joiningWord: new RegExp(`(?<!\\p{L})(?:${words((c) => c.joining)})(?!\\p{L})`, 'iu'),
    /** Nothing, or an average, between a verb and its count: "lost on average 1,200", "mistet i snitt 1200". */
    averageGap: new RegExp(`^\\s*(?:(?:${optional((c) => c.averages)})\\s+)?$`, 'iu'),
    /** Right before a count, what joins it to the count before it: "and", "alongside", "sammen med". */
    countJoin: new RegExp(`(?<!\\p{L})(?:${words((c) => c.and)}|${optional((c) => c.alongside)}),?\\s*$`, 'iu'),
    cumulativeGap: new RegExp(`^\\s*(?:${optional((c) => c.cumulative)})\\s*$`, 'u'),
    /** Between two nations, what joins them into one count: "Russian and North Korean losses". */
    nationJoiner: new RegExp(`^\\s*(?:,|${words((c) => c.joining)})\\s*$`, 'i'),
    nations: NATIONS.map((nation) => ({
      ...nation,
      pattern: wordRegExp(`\\b(?:${words((c) => c.nations[nation.key] ?? [])})${nation.end}`, 'iu'),
    })),
  };
});
let patterns: ReturnType<typeof claimPatterns>;
/** The sentence's language writes its nouns with a capital (German): a counted phrase ends with one. */
let capitalNouns = false;

interface Context {
  /** The previous sentence's date, when it had one of its own or carried one. */
  asOf: AsOf | null;
  /** The previous sentence's last named source, for "It added that…" and for the sentences of its paragraph. */
  attribution: AttributionSpan | null;
  /** Where the previous sentence ended, to tell whether this one is in the same paragraph. */
  end: number;
  /** The previous sentence's opening proper noun phrase: "South Korea's National Intelligence Service gave…". */
  opener: string | null;
  /** The current live-blog entry's stamp. */
  time: string | null;
  /** The previous sentence's last event word, for "the figure" in this one. */
  event: Token | null;
  /** The categories of the previous sentence's figures, for "270 of those" in this one. */
  categories: FigureCategory[];
  /** The last date the article named, for "이날" (that day) in this one. */
  lastDate: AsOf | null;
}

const FRESH: Context = {
  asOf: null,
  attribution: null,
  end: -1,
  opener: null,
  time: null,
  event: null,
  categories: [],
  lastDate: null,
};

/**
 * Extracts the claims of every article, one per figure as written, in article order. Use
 * {@link mergeClaims} to count the same figure reported twice once.
 */
export function extractClaims(passages: readonly Passage[]): Claim[] {
  patterns = claimPatterns();
  const claims: Claim[] = [];
  let context: Context = FRESH;
  let article: Passage['article'] | null = null;
  for (const passage of passages) {
    if (passage.article !== article) {
      article = passage.article;
      context = FRESH;
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
  const samePara = previous.end >= 0 && !/[\r\n]/.test(article.text.slice(previous.end, start));

  // A live-blog entry stamp opens a new entry: its own time, and nothing carried from the entry before.
  const stamp = patterns.entryStamp.exec(text.trim());
  if (stamp) return { ...FRESH, end, time: `${stamp[1]!.padStart(2, '0')}:${stamp[2]}` };

  const module = languageFor(language);
  capitalNouns = module?.claims.nounsCapitalised ?? false;
  const mentions = findNumbers(text, language);
  const tokens = withLossEvents(
    text,
    start,
    passage.tokens.filter((token) => token.start >= start && token.end <= end),
    mentions,
  );
  const counts = mentions.filter((mention) => mention.kind === 'count');
  const dates = findDates(text, language, { published: article.published });
  const attributions = findAttributions(text, language);
  const named = attributions.filter((span) => !span.pronoun);
  const publishedDay = article.published?.slice(0, 10) ?? null;
  // Present and perfect tenses speak of the moment of writing: no date carried from the sentence before.
  // …and so does a running total ("since October", "з початку року"): not the date of the sentence before.
  const current = patterns.presentOrPerfect.test(text) || patterns.runningTotal.test(text);
  // "이날" (that day): the day the article last named, whatever came between.
  const sameDay = patterns.sameDay.test(text) ? previous.lastDate : null;

  let lastFigure: { mention: NumberMention; figure: Figure } | null = null;
  let lastClaim: Claim | null = null;
  const categories: FigureCategory[] = [];
  for (const mention of counts) {
    // "…약 3천 명으로 보도했으나": a figure its own clause withdraws is no figure.
    if (patterns.retracted.test(text.slice(mention.end).split(/[,;.]/)[0]!)) continue;
    // "about 11,000 troops were sent…, but X said the total could reach up to 12,000": "the total" is
    // of the count before it in the sentence; with none, of the previous sentence's event.
    const referent = lastFigure ? { category: lastFigure.figure.category, subject: lastFigure.figure } : null;
    let figure = readFigure(
      text,
      start,
      tokens,
      mention,
      mentions,
      attributions,
      previous.event,
      referent?.subject ?? null,
      module,
      dates,
    );
    // "sendt anslagsvis 14.000 soldater: rundt 11.000 i fjor høst og om lag 3000 nye i januar":
    // counts with no noun or event of their own after a colon break down the count before it.
    // "270 of those returned were servicemen and 120 were civilians": a count with no noun or event of
    // its own, joined to the count before it, is of the same kind.
    const joint = lastFigure ? text.slice(lastFigure.mention.end, mention.start) : '';
    const coordinated = (patterns.and.test(joint) || patterns.or.test(joint)) && !/[.;:]/.test(joint);
    if (!figure && lastFigure && (joint.includes(':') || coordinated) && !ownNoun(text, start, tokens, mention)) {
      const additive = patterns.additive.test(
        text
          .slice(mention.end)
          .trim()
          .split(/\s+/)[0]
          ?.replace(/[^\p{L}]/gu, '') ?? '',
      );
      const inherited: Figure = lastFigure.figure;
      figure = {
        ...inherited,
        category: (additive ? categoryByName(inherited.category)?.increment : undefined) ?? inherited.category,
      };
      // "… and 120 were civilians": the noun after "were" says who this part is.
      const predicate = patterns.predicateNoun.exec(text.slice(mention.end))?.[1];
      if (predicate && (patterns.people.test(predicate) || patterns.personNoun.test(predicate))) {
        figure = {
          ...figure,
          subject: predicate,
          scope:
            patterns.people.test(predicate) || patterns.civilians.test(predicate)
              ? 'people'
              : `other:${predicate.toLowerCase()}`,
        };
      }
    }
    if (!figure) continue;
    // "270 of those returned": a part of a count of the same kind named before.
    if (
      patterns.partOfThose.test(text.slice(mention.end)) &&
      (previous.categories.includes(figure.category) || lastFigure?.figure.category === figure.category)
    ) {
      figure = { ...figure, subject: `part of ${figure.subject}`, scope: `part:${figure.scope}` };
    }
    // "1 million shells, or perhaps 2 million": alternatives, one claim each, never a disagreement.
    if (lastFigure && lastClaim && figure.category === lastFigure.figure.category) {
      const joint = text.slice(lastFigure.mention.end, mention.start);
      if (patterns.or.test(joint) && !/[.;:]/.test(joint) && !ownNoun(text, start, tokens, mention)) {
        figure = { ...figure, alternative: true };
        lastClaim.alternative = true;
      }
    }
    figure = kindOf(text, mention, mentions, figure);
    categories.push(figure.category);
    lastFigure = { mention, figure };
    const date =
      nearest(
        dates.filter((candidate) => datesFigure(text, candidate, mention, module?.claims.headFinal === true)),
        mention,
      ) ?? null;
    // "The correct figure is about 1,100": the figure of the sentence before is of that sentence's date.
    const carried = sameDay ?? (current && !figure.refersBack ? null : previous.asOf);
    delete figure.refersBack;
    let asOf: AsOf | null = date ? dateOf(date) : (carried ?? published(article.published));
    const asOfBasis: AsOfBasis | null = date
      ? 'sentence'
      : carried
        ? 'context'
        : article.published
          ? 'published'
          : null;
    if (asOf && previous.time && asOf.date === publishedDay) asOf = { ...asOf, time: previous.time };
    const attribution = pickAttribution(text, attributions, mention, previous, samePara);
    const source: ClaimSource = {
      articleId: article.id,
      quote: text,
      start,
      end,
      wording: mention.wording,
      attributedTo: attribution ? { claimant: attribution.claimant, channel: attribution.channel } : null,
      asOf,
      asOfBasis,
      qualifier: mention.qualifier,
      low: mention.low,
      high: mention.high,
    };
    lastClaim = {
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
    };
    out.push(lastClaim);
  }
  // A deadline after the article's date ("by April" in a March article) is its forecast's, not the
  // date the next sentence's figures hold for.
  const future = (date: { date: string }) =>
    publishedDay !== null && !date.date.startsWith('--') && date.date > publishedDay.slice(0, date.date.length);
  const ownDates = dates.filter(
    (date) =>
      !patterns.since.test(text.slice(0, date.start)) &&
      !patterns.sinceAfter.test(text.slice(date.end)) &&
      !future(date),
  );
  // "… 450 gefallen. Das erklärte ein Sprecher am Donnerstag.": the source, and the date, of the sentence before.
  const backward = counts.length === 0 && samePara ? attributions.find((span) => span.backward) : undefined;
  if (backward) {
    const told = ownDates[0] ? dateOf(ownDates[0]) : null;
    for (const claim of out) {
      const source = claim.sources[0]!;
      if (source.articleId !== article.id || source.end !== previous.end) continue;
      if (!claim.attributedTo) {
        const attributedTo = { claimant: backward.claimant, channel: backward.channel };
        claim.attributedTo = attributedTo;
        claim.attributions = [attributedTo];
        source.attributedTo = attributedTo;
      }
      if (told && source.asOfBasis === 'published') {
        claim.asOf = told;
        source.asOf = told;
        source.asOfBasis = 'sentence';
      }
    }
  }
  const carried =
    ownDates.length > 0
      ? dateOf(ownDates.at(-1)!)
      : (sameDay ?? (counts.length > 0 && !current ? previous.asOf : null));
  const resolved =
    named.at(-1) ??
    (attributions.length > 0 ? resolvePronoun(previous, attributions) : samePara ? previous.attribution : null);
  const opener = patterns.opener.exec(text)?.[1] ?? null;
  const event = tokens.filter((token) => role(token) === 'event').at(-1) ?? null;
  const lastDate = ownDates.length > 0 ? dateOf(ownDates.at(-1)!) : (sameDay ?? previous.lastDate);
  return { asOf: carried, attribution: resolved, end, opener, time: previous.time, event, categories, lastDate };
}

/**
 * Verbs of loss and killing that name an event only in context; the lexicon keeps them out of
 * search, where "lost" and "shot" mean much else. They are marked for this sentence:
 * - "lost their lives"/"mistet livet" is a death;
 * - "lost" right before a count ("Russia has lost about 980,000 troops") or after it with an
 *   auxiliary ("600 troops were lost") is a loss of soldiers, dead or wounded: casualties, unless
 *   the count's clause says killed;
 * - a killing verb right before a count ("shot four of their comrades"; not "shot down 50 drones") kills.
 */
function withLossEvents(text: string, offset: number, tokens: Token[], mentions: NumberMention[]): Token[] {
  const marked = (token: Token, concept: string): Token => ({ ...token, concepts: [...token.concepts, concept] });
  const counts = mentions.filter((mention) => mention.kind === 'count');
  // A loss is a death when the count's clause says killed: "lost 400 soldiers killed in action".
  const lossOf = (mention: NumberMention): string => {
    const next = counts.find((other) => other.start >= mention.end);
    const clauseEnd = text.slice(mention.end).search(/[;:()!?–—]|,\s|\.(?:\s|$)/);
    const end = offset + Math.min(next?.start ?? Infinity, clauseEnd < 0 ? text.length : mention.end + clauseEnd);
    const saysKilled = tokens.some(
      (token) => token.start >= offset + mention.end && token.end <= end && token.concepts.includes('killed'),
    );
    return saysKilled ? 'killed' : 'casualties';
  };
  const killed = (token: Token): Token => marked(token, 'killed');
  const phrases = [...text.matchAll(patterns.deathPhrase)].map((match) => [
    offset + match.index,
    offset + match.index + match[0].length,
  ]);
  return tokens.map((token, i) => {
    const lower = word(text, offset, token).toLowerCase();
    // "kamen … ums Leben", "ont perdu la vie": the phrase's last word is the event.
    if (phrases.some(([from, to]) => token.end === to && token.start >= from!)) return killed(token);
    if (patterns.life.test(lower)) {
      const verb = [tokens[i - 1], tokens[i - 2]].find(
        (other) => other && patterns.lossVerb.test(word(text, offset, other)),
      );
      if (verb && !/[,.;:]/.test(text.slice(verb.end - offset, token.start - offset))) return marked(token, 'killed');
    }
    if (patterns.lossVerb.test(lower)) {
      const next = counts.find((mention) => offset + mention.start >= token.end);
      // "mistet i snitt 1200 soldater": an average between the verb and its count is the count's.
      if (next && verbGap(text.slice(token.end - offset, next.start))) return marked(token, lossOf(next));
      // "About 600 North Korean troops were lost": a passive loss after its count, in its clause.
      const auxiliary = tokens[i - 1];
      const last = counts.filter((mention) => offset + mention.end <= token.start).at(-1);
      if (
        auxiliary &&
        last &&
        patterns.lossAuxiliary.test(word(text, offset, auxiliary)) &&
        // …of soldiers: "18 others were lost to jamming" are drones.
        tokens
          .slice(0, i)
          .some(
            (other) =>
              other.start >= offset + last.end && other.concepts.some((id) => conceptById(id)?.role === 'subject'),
          ) &&
        !/[;:()!?–—]|,\s|\.\s/.test(text.slice(last.end, token.start - offset)) &&
        text.slice(last.end, token.start - offset).split(/\s+/).length <= EVENT_AFTER
      )
        return marked(token, lossOf(last));
      // "hat rund 700.000 Soldaten verloren": a verb-final loss right after the counted noun phrase, ending
      // its clause ("mistet livet" goes on: their lives, a death, read below).
      const between = last ? text.slice(last.end, token.start - offset) : '';
      const words = last ? tokens.filter((other) => other.start >= offset + last.end && other.end <= token.start) : [];
      const endsClause = /^\s*(?:[,.;:!?()–—]|$)/.test(text.slice(token.end - offset));
      if (
        last &&
        endsClause &&
        !/[,.;:()!?–—]/.test(between) &&
        words.length <= 3 &&
        words.every((other) => !other.stopWord)
      )
        return marked(token, lossOf(last));
    }
    const next = counts.find((mention) => offset + mention.start >= token.end);
    if (
      next &&
      /^\s*$/.test(text.slice(token.end - offset, next.start)) &&
      patterns.killingVerb.test(text.slice(Math.max(0, token.start - offset - 20), next.start))
    )
      return marked(token, 'killed');
    // "it holds about 6,000 Russian servicemen", "8,000 Ukrainians are held in Russia", "the remaining
    // 610 would be exchanged": people held or exchanged are captured (only people: see readFigure).
    if (patterns.custodyVerb.test(lower) && !token.concepts.includes('captured')) {
      // …unless the noun says it: "holds 8,000 Ukrainian prisoners of war".
      const noun = next ? tokens.filter((other) => other.start >= offset + next.end).slice(0, NOUN_PHRASE + 1) : [];
      if (
        next &&
        verbGap(text.slice(token.end - offset, next.start)) &&
        !noun.some((other) => other.concepts.includes('captured'))
      )
        return marked(token, 'captured');
      const auxiliary = tokens[i - 1];
      const last = counts.filter((mention) => offset + mention.end <= token.start).at(-1);
      if (
        auxiliary &&
        last &&
        patterns.lossAuxiliary.test(word(text, offset, auxiliary)) &&
        !/[;:()!?–—]|,\s|\.\s/.test(text.slice(last.end, token.start - offset)) &&
        text.slice(last.end, token.start - offset).split(/\s+/).length <= EVENT_AFTER
      )
        return marked(token, 'captured');
    }
    return token;
  });
}

/** Nothing, an average or a total between a verb and its count: "lost on average 1,200", "mister til sammen 1000". */
function verbGap(gap: string): boolean {
  return patterns.averageGap.test(gap) || patterns.cumulativeGap.test(gap);
}

/**
 * Whether a date in the sentence is the date of a figure: not across a contrast between clauses
 * ("…were sent in the autumn, but X said last month…"), not after a colon that ends the figure's
 * clause ("14.000 soldater: rundt 11.000 i fjor høst"), and not the start of a period ("about 3,800
 * … since they entered combat in December"), unless the figure is in a when-clause of that date
 * ("siden januar, da NIS anslo at rundt 300…").
 */
function datesFigure(
  text: string,
  date: { start: number; end: number },
  mention: NumberMention,
  headFinal: boolean,
): boolean {
  const [from, to] = date.start >= mention.end ? [mention.end, date.start] : [date.end, mention.start];
  const between = text.slice(from, to);
  if (patterns.clauseContrast.test(between)) return false;
  // "1만 명을 보냈으며, 올해 1~2월 …": where verbs end clauses, a date after a comma is the next clause's.
  if (headFinal && date.start >= mention.end && /[,;]/.test(between)) return false;
  if (date.start >= mention.end && between.includes(':')) return false;
  if (patterns.since.test(text.slice(0, date.start)) || patterns.sinceAfter.test(text.slice(date.end)))
    return date.end <= mention.start && patterns.when.test(between);
  // "sent about 11,000 … last year, and some 4,000 of them have been killed": a date of an earlier
  // clause does not date a figure whose own clause is in the present or perfect, the time of writing.
  const joined = date.end <= mention.start ? patterns.clauseJoin.exec(between) : null;
  if (joined) {
    const clauseStart = from + joined.index + joined[0].length;
    const clauseEnd = text.slice(mention.end).search(/[,;.]/);
    const clause = text.slice(clauseStart, clauseEnd < 0 ? text.length : mention.end + clauseEnd);
    if (patterns.presentOrPerfect.test(clause)) return false;
  }
  return true;
}

/** The pronoun's speaker: a named one earlier in the sentence, the previous sentence's, or that sentence's subject. */
function resolvePronoun(previous: Context, spans: AttributionSpan[]): AttributionSpan | null {
  const named = spans.filter((span) => !span.pronoun);
  if (previous.attribution) return previous.attribution;
  if (previous.opener) return { claimant: previous.opener, channel: null, start: 0, end: 0, pronoun: false };
  return named[0] ?? null;
}

interface Figure {
  category: FigureCategory;
  item: string | null;
  subject: string;
  scope: string;
  rate?: RatePeriod;
  projection?: boolean;
  combined?: boolean;
  incident?: boolean;
  alternative?: boolean;
  /** "The correct figure is about 1,100": a figure named by a noun that stands for the previous sentence's (not kept on the claim). */
  refersBack?: boolean;
}

/**
 * What kind of figure a count is, where it is not a plain total (issue 11, "figures filed right"):
 * - a rate, by the period its clause counts per ("roughly 70 casualties a day"): scope `per-day:…`;
 * - a forecast, by a modal or forecast verb in its clause ("could lose up to 9,000"): `projection:…`;
 * - of people moved somewhere, a part, not a total ("800 wounded were evacuated"): `transferred:…`;
 * - of nations counted together ("Russian and North Korean losses"): combined;
 * - of people, one incident ("the strike killed 20 people") or a cumulative toll the sentence calls
 *   one ("so far", "in total", "since October"); the scope stays, the comparison keeps them apart.
 */
function kindOf(text: string, mention: NumberMention, all: readonly NumberMention[], figure: Figure): Figure {
  const after = clauseAfter(text, mention, all);
  const before = clauseBefore(text, mention, all);
  const clause = `${before} ${mention.wording} ${after}`;
  let { scope, subject } = figure;
  const kind: Partial<Figure> = {};
  const rate = patterns.rates.find((candidate) => candidate.pattern.test(after) || candidate.pattern.test(before));
  if (rate) {
    kind.rate = rate.period;
    scope = `per-${rate.period}:${scope}`;
    subject = `${subject === 'unspecified' ? figure.category : subject} per ${rate.period}`;
  }
  // The forecast must govern the count's own verb: not "are training in Russia and could be deployed".
  const ownVerb = after.split(patterns.joiningWord)[0]!;
  if (patterns.projection.test(before) || patterns.projection.test(ownVerb)) {
    kind.projection = true;
    scope = `projection:${scope}`;
    subject = `${subject} (forecast)`;
  }
  const people = countsPeople(figure.category);
  if (people && patterns.transfer.test(clause)) {
    const verb = patterns.transfer.exec(clause)![0].toLowerCase();
    scope = `transferred:${scope}`;
    subject = `${subject === 'unspecified' ? figure.category : subject} ${verb}`;
  }
  if (figure.scope.slice(figure.scope.lastIndexOf('@') + 1).includes('+')) kind.combined = true;
  if (people) {
    if (patterns.cumulative.test(text)) kind.incident = false;
    else if (patterns.incident.test(text)) kind.incident = true;
  }
  return { ...figure, ...kind, scope, subject };
}

/**
 * Reads what a number counts from the words around it:
 * - the head of the counted noun phrase right after it names an item ("10,000 shipping containers",
 *   "millions of artillery shells") → weapons;
 * - else the event it stands with names the category: a verb right before it ("killed 20",
 *   "captured two"), else the nearest event after it in its clause ("100 soldiers have died"), else
 *   one before it in its clause or before a subset ("killed 20 people, including six officers");
 *   "killed or injured" together is casualties; a deployment of "more" troops is reinforcements;
 * - else a count of troops with no event is troops present: deployed;
 * - anything else (the two countries, 50 of the drones, 12 people missing) is no figure of the story.
 */
function readFigure(
  text: string,
  offset: number,
  tokens: Token[],
  mention: NumberMention,
  all: NumberMention[],
  spans: AttributionSpan[],
  previousEvent: Token | null,
  earlierFigure: Figure | null,
  module: LanguageModule | null,
  dates: readonly { start: number; end: number }[] = [],
): Figure | null {
  const numberEnd = offset + mention.end;
  const numberStart = offset + mention.start;
  const wordOf = (token: Token) => word(text, offset, token);
  // Words inside other numbers ("240 mm" after "220") are not words of the phrase.
  const inOtherNumber = (token: Token) =>
    all.some((other) => other !== mention && token.start >= offset + other.start && token.end <= offset + other.end);
  const nextCount = all.find((other) => other.kind === 'count' && other.start >= mention.end);
  const afterLimit = nextCount ? offset + nextCount.start : Infinity;

  const after = tokens.filter((token) => token.start >= numberEnd && token.start < afterLimit && !inOtherNumber(token));
  const before = tokens.filter((token) => token.end <= numberStart && !inOtherNumber(token)).reverse();

  const nounBefore = module?.claims.countedNounBefore;
  let phrase = nounBefore
    ? countedPhrase(text, offset, mention, before, after, nounBefore, dates)
    : nounPhrase(text, offset, numberEnd, after);
  // "four of their Russian comrades", "1,300 of the soldiers Pyongyang dispatched": a partitive's
  // noun says who was counted (not "50 of the drones", a part of something counted before).
  const partitive = phrase.length === 0 ? patterns.partitive.exec(text.slice(mention.end)) : null;
  if (partitive) {
    const from = numberEnd + partitive[0].length;
    const own = nounPhrase(
      text,
      offset,
      from,
      after.filter((token) => token.start >= from),
    );
    if (
      !own.some((token) => role(token) === 'item') &&
      own.some(
        (token) =>
          role(token) === 'subject' || patterns.people.test(wordOf(token)) || nationOf(wordOf(token), false) !== null,
      )
    )
      phrase = own;
  }
  // The head of "artillery shells" is shells; of "containers of weaponry", containers (the phrase stops at "of").
  const item = phrase.filter((token) => role(token) === 'item').at(-1);
  const subjectToken = phrase.find((token) => role(token) === 'subject');
  const people = phrase.find((token) => patterns.people.test(wordOf(token)));

  // An earlier count of the sentence keeps the event before it for itself.
  const earlier = all.filter((other) => other.kind === 'count' && other.end <= mention.start).at(-1);
  // "sent 11,000 soldiers, alongside roughly 1,000 labourers": a count joined to the one before it
  // with no verb of its own shares its event; any other count keeps the event before it for itself.
  const joinedToEarlier =
    earlier !== undefined &&
    patterns.countJoin.test(text.slice(earlier.end, mention.start)) &&
    !/[;:()!?–—.]/.test(text.slice(earlier.end, mention.start)) &&
    // …right after the earlier count's noun phrase, not clauses later.
    (text.slice(earlier.end, mention.start).match(/,/g) ?? []).length <= 1 &&
    text.slice(earlier.end, mention.start).trim().split(/\s+/).length <= NOUN_PHRASE + 3 &&
    !tokens.some((token) => token.start >= offset + earlier.end && token.end <= numberStart && role(token) === 'event');
  const floor = earlier && !joinedToEarlier ? offset + earlier.end : -Infinity;
  let found = findEvent(text, offset, numberStart, numberEnd, before, after, floor, module?.claims.headFinal === true);
  // "the two countries" near "sending troops": a noun that is no one the story counts needs its event next to it.
  const ownOther =
    phrase.length > 0 &&
    !item &&
    !subjectToken &&
    !people &&
    phrase.some(
      (token) => role(token) === null && !nationOf(wordOf(token), false) && !patterns.personNoun.test(wordOf(token)),
    );
  if (found?.how === 'clause' && ownOther) found = null;
  let eventToken = found?.token ?? null;
  // "put the figure at between 1,000 and 1,500": the figure of an earlier count of the sentence, else
  // of the previous sentence's event.
  const anaphoric =
    !eventToken &&
    !item &&
    !subjectToken &&
    phrase.length === 0 &&
    before.slice(0, 6).some((token) => patterns.anaphoric.test(wordOf(token)));
  if (anaphoric && earlierFigure && earlierFigure.item === null) return earlierFigure;
  const refersBack = anaphoric && previousEvent !== null;
  if (refersBack) eventToken = previousEvent;
  const event = eventToken ? eventOf(eventToken, tokens, wordOf) : null;

  const itemId = item ? conceptOfRole(item, 'item')! : null;
  let category: FigureCategory;
  const itemCategory = itemId && !subjectToken && !people ? categoryOfConcept(itemId) : undefined;
  if (itemCategory) category = itemCategory.name;
  else if (event) {
    const named = categoryOfConcept(event);
    if (!named) return null;
    category = named.name;
  } else if (subjectToken && bySubjectAlone()) category = bySubjectAlone()!.name;
  else if (joinedToEarlier && earlierFigure && earlierFigure.item === null && phrase.length > 0)
    category = earlierFigure.category;
  else return null;
  // "3,000 more soldiers", "an additional 3,000", "a second rotation of 5,000", "two more … captured":
  // an increment, not a total ("추가로 3천 명을" too).
  // "1 500 militaires supplémentaires": where adjectives follow the noun, any word of the counted phrase.
  // …or right before it: "another 3,000 troops", "ещё 3 000 военных".
  const additive =
    /^\p{L}*\s*(?:\S+\s+)?/u
      .exec(text.slice(mention.end))![0]
      .split(/\s+/)
      .some((w) => patterns.additive.test(w.replace(/[^\p{L}]/gu, ''))) ||
    phrase.some((token) => patterns.additive.test(wordOf(token))) ||
    patterns.additive.test(
      /(\p{L}+)\s+$/u.exec(text.slice(Math.max(0, mention.start - 30), mention.start))?.[1] ?? '',
    ) ||
    patterns.incrementBefore.test(text.slice(earlier?.end ?? 0, mention.start));
  const incrementCategory = categoryByName(category)?.increment;
  // "sent 1,500 troops to replace the fallen", "to bolster the front": an increment by its purpose.
  const purpose = patterns.incrementPurpose.test(clauseAfter(text, mention, all));
  if (incrementCategory && additive) category = incrementCategory;
  // "envoyés en renfort", "als Verstärkung geschickt": sent as an increment, said in the count's own clause.
  if (incrementCategory) {
    const clauseEnd = text.slice(mention.end).search(CLAUSE_PUNCTUATION);
    if (patterns.asIncrement.test(text.slice(mention.end, clauseEnd < 0 ? undefined : mention.end + clauseEnd)))
      category = incrementCategory;
  }
  // "about 980,000 troops, a figure that counts both the dead and the wounded": the sum of its parts.
  const sum = sumOfKilledAndInjured();
  if (
    sum &&
    (sum.sumOf!.includes(category) || categoryByName(category)?.namedBySubjectAlone) &&
    definesCasualties(text, offset, tokens, mention, sum.sumOf!)
  )
    category = sum.name;
  const increment =
    additive &&
    !isIncrementCategory(category) &&
    !all.some((other) => other.kind === 'count' && other.end <= mention.start);
  if (itemCategory && category === itemCategory.name)
    return { category, item: itemId, subject: itemId!, scope: itemId! };

  // "390 válečných zajatců", "390 war prisoners": words right before an event noun that heads the phrase describe it.
  const headedByEvent =
    eventToken !== null &&
    phrase.length > 0 &&
    !subjectToken &&
    !people &&
    patterns.eventNoun.test(wordOf(eventToken)) &&
    after[after.indexOf(phrase.at(-1)!) + 1] === eventToken &&
    !phrase.some((token) => patterns.personNoun.test(wordOf(token)) || nationOf(wordOf(token), false));
  // "North Korean soldiers shot four of their Russian comrades", "Ukrainian forces captured two
  // soldiers": the subject of an active verb before the count is its agent, not who was counted.
  const agentBefore =
    countsPeople(category) &&
    found !== null &&
    found.how === 'adjacent' &&
    found.token.end <= numberStart &&
    !patterns.eventNoun.test(wordOf(found.token)) &&
    !patterns.lossVerb.test(wordOf(found.token)) &&
    !patterns.toll.test(wordOf(found.token));
  let figure = subjectOf(
    text,
    offset,
    tokens,
    headedByEvent ? [] : phrase,
    subjectToken,
    people,
    eventToken,
    numberStart,
    spans,
    module?.claims.headFinal === true,
    agentBefore,
  );
  // Only people are killed, injured or captured: "1200 bygninger … skadet" counts damaged buildings.
  const human = categoryByName(category)?.countsPeople ?? false;
  if (human && figure.scope.startsWith('other:') && !phrase.some((token) => patterns.personNoun.test(wordOf(token))))
    return null;
  // "Nine people were killed and 64 injured", "fire mennesker ble drept og rundt 20 skadet", "of whom
  // roughly 250,000 had been killed": a count with no noun, joined to the count before it or a part
  // of it, counts the same people.
  if (
    phrase.length === 0 &&
    earlierFigure &&
    earlierFigure.item === null &&
    figure.scope !== earlierFigure.scope &&
    earlier
  ) {
    const joint = text.slice(earlier.end, mention.start);
    const joined =
      (patterns.and.test(joint) && !/[.;:]/.test(joint)) || patterns.partOfBefore.test(text.slice(0, mention.start));
    if (joined && /^(unspecified|troops|people)/.test(figure.scope)) {
      figure = { item: null, subject: earlierFigure.subject, scope: earlierFigure.scope };
    }
  }
  const partOf = patterns.partOfEvent.exec(text.slice(mention.end));
  if (partOf && eventToken && wordOf(eventToken).toLowerCase() === partOf[1]!.toLowerCase()) {
    figure = { item: null, subject: partOf[0].trim(), scope: `part:${figure.scope}` };
  }
  // …of troops only: firefighters sent "to reinforce flood barriers" are no reinforcements.
  if (incrementCategory && purpose && !additive && /^(?:troops|officers|unspecified)(?:@|$)/.test(figure.scope))
    category = incrementCategory;
  const back = refersBack ? { refersBack: true } : {};
  if (increment)
    return { category, item: null, subject: `more ${figure.subject}`, scope: `more:${figure.scope}`, ...back };
  return { category, ...figure, ...back };
}

/**
 * Who was counted: the phrase's own noun ("six North Korean officers", "1,200 firefighters"), a
 * nation alone ("4700 nordkoreanere"), else the nearest person-noun of the sentence outside its
 * attributions; a death toll of no one named counts people. A nation stated with them is part of
 * the scope: Ukrainian servicemen are not North Korean soldiers.
 */
function subjectOf(
  text: string,
  offset: number,
  tokens: Token[],
  phrase: Token[],
  subjectToken: Token | undefined,
  people: Token | undefined,
  eventToken: Token | null,
  numberStart: number,
  spans: AttributionSpan[],
  headFinal: boolean,
  agentBefore = false,
): Omit<Figure, 'category'> {
  const wordOf = (token: Token) => word(text, offset, token);
  const inAttribution = (token: Token) =>
    spans.some((span) => token.start - offset >= span.start && token.end - offset <= span.end);
  const phraseText = phrase.length > 0 ? text.slice(phrase[0]!.start - offset, phrase.at(-1)!.end - offset) : '';
  // "Nord -Koreas estimerte 11.000 soldater": a possessive nation right before the number; not a
  // nation after a preposition, which is a place or a destination ("vyslala do Ruska 14 tisíc",
  // "отправила в Россию 11 000 военных"; the stop-word lists hold the prepositions).
  const beforeNumber = text.slice(Math.max(0, numberStart - offset - 24), numberStart - offset);
  const owner = /(\S+\s*-?\S*?)(['’]s|s)?\s*$/u.exec(beforeNumber);
  const prepositionBefore = patterns.phraseEnd.test(/(\p{L}+)\s+\S+\s*$/u.exec(beforeNumber)?.[1] ?? '');
  const prior = tokens.filter((token) => token.end <= numberStart);
  const place = prepositionBefore || (!owner?.[2] && prior.length >= 2 && prior.at(-2)!.stopWord);
  const possessive = place ? null : nationOf(owner?.[1] ?? '', true);
  // "Nord-Korea har sendt …", "North Korea has about 11,000 troops", "Ukraine's general staff says
  // Russia has lost …": the nation the sentence (or the clause its source opens it with) is about.
  const firstOwn = tokens.findIndex((token) => !inAttribution(token));
  const leadingSource =
    firstOwn > 0 && spans.some((span) => span.start === 0 || text.slice(0, span.start).trim() === '');
  // "La Corée du Nord a dépêché…": an article before the nation is no part of its name.
  let openFrom = firstOwn;
  while (openFrom >= 0 && tokens[openFrom]?.stopWord && openFrom < firstOwn + 1) openFrom++;
  const opening = firstOwn === 0 || leadingSource ? tokens.slice(openFrom, openFrom + 4) : [];
  const openingText = opening.length > 0 ? text.slice(opening[0]!.start - offset, opening.at(-1)!.end - offset) : '';
  // "Russiske og nordkoreanske styrker mister …": a sentence may open with nations counted together.
  const openingNations = nationOf(openingText, false);
  const sentenceNation = agentBefore
    ? null
    : openingNations?.key.includes('+')
      ? openingNations
      : (patterns.nations.find((nation) => nation.pattern.exec(openingText)?.index === 0) ?? null);
  const nationRanges = nationSpans(phraseText);
  const phraseStart = phrase[0]?.start ?? 0;
  const nationWords = (token: Token) =>
    nationRanges.some(([from, to]) => token.start - phraseStart >= from && token.end - phraseStart <= to);
  const scoped = (base: string, nation: Nation | null) => (nation ? `${base}@${nation.key}` : base);

  // "North Korean casualties at nearly 4,000", "Pyongyang som sendte tusenvis av tropper": the nation
  // before an event noun, or before a verb of sending (the sender's troops; not before "killed").
  const eventAt = eventToken ? tokens.indexOf(eventToken) : -1;
  // …within its clause: "Ukraina: Nordkoreanske tap" are North Korean losses.
  const sameClause = (token: Token) =>
    eventToken !== null && !CLAUSE_PUNCTUATION.test(text.slice(token.end - offset, eventToken.start - offset));
  const eventAdjectives =
    eventAt > 0
      ? tokens
          .slice(Math.max(0, eventAt - 3), eventAt)
          .filter((token) => !inAttribution(token) && sameClause(token))
          .map(wordOf)
          .join(' ')
      : '';
  // "Russian and North Korean losses of 350": nations joined before it are counted together.
  const widerAdjectives =
    eventAt > 0
      ? tokens
          .slice(Math.max(0, eventAt - 5), eventAt)
          .filter((token) => !inAttribution(token) && sameClause(token))
          .map(wordOf)
          .join(' ')
      : '';
  const eventNation =
    // Where verbs end their clauses, the words before a verb of sending are its destination ("러시아에 파견").
    eventToken &&
    (patterns.eventNoun.test(wordOf(eventToken)) || (!headFinal && eventToken.concepts.includes('deployed')))
      ? ((n) => (n?.key.includes('+') ? n : nationOf(eventAdjectives, false)))(nationOf(widerAdjectives, false))
      : null;

  // "…estimate that North Korea could lose up to 9,000 soldiers": who loses is whose the lost are.
  const lossOwner =
    eventToken && eventAt > 0 && patterns.lossVerb.test(wordOf(eventToken)) && eventToken.end <= numberStart
      ? nationOf(
          tokens
            .slice(Math.max(0, eventAt - 4), eventAt)
            .map(wordOf)
            .join(' '),
          false,
        )
      : null;
  if (subjectToken || people) {
    const nation =
      nationOf(phraseText, false) ?? possessive ?? (subjectToken ? (eventNation ?? sentenceNation ?? lossOwner) : null);
    if (people && !subjectToken)
      return { item: null, subject: nation ? `${nation.adjective} people` : 'people', scope: scoped('people', nation) };
    const id = conceptOfRole(subjectToken!, 'subject')!;
    const label = id === 'troops' ? 'soldiers' : id;
    return { item: null, subject: `${nation ? `${nation.adjective} ` : ''}${label}`, scope: scoped(id, nation) };
  }
  const words = phrase.filter((token) => role(token) !== 'event' && !nationWords(token));
  if (words.length > 0) {
    const nation = nationOf(phraseText, false);
    return {
      item: null,
      subject: phraseText,
      scope: scoped(`other:${words.map((token) => token.stem).join(' ')}`, nation),
    };
  }
  const phraseNation = nationOf(phraseText, false);
  // "8,000 Ukrainian prisoners of war": prisoners of war are soldiers.
  const pow =
    eventToken &&
    (patterns.prisonersOfWar.test(wordOf(eventToken)) ||
      (patterns.prisoners.test(wordOf(eventToken)) && patterns.ofWar.test(text.slice(eventToken.end - offset))));
  if (pow) {
    const nation = phraseNation ?? eventNation;
    return {
      item: null,
      subject: `${nation ? `${nation.adjective} ` : ''}prisoners of war`,
      scope: scoped('troops', nation),
    };
  }
  if (phraseNation) return { item: null, subject: phraseNation.people, scope: scoped('unspecified', phraseNation) };

  // "The mayor's office has since confirmed 11 dead": a noun before a verb of the count's clause is
  // its subject, who speaks or acts, not who was counted.
  const beforeVerb = (token: Token) =>
    token.end <= numberStart && patterns.presentOrPerfect.test(text.slice(token.end - offset, numberStart - offset));
  const subject = nearestSubject(
    tokens.filter(
      (token) =>
        !inAttribution(token) &&
        !beforeVerb(token) &&
        !(agentBefore && eventToken !== null && token.end <= eventToken.start),
    ),
    numberStart,
  );
  if (subject) {
    const id = conceptOfRole(subject, 'subject')!;
    const label = id === 'troops' ? 'soldiers' : id;
    const at = tokens.indexOf(subject);
    const adjectives = tokens
      .slice(Math.max(0, at - 3), at)
      .map(wordOf)
      .join(' ');
    // "북한군" names its nation in the word itself.
    const own = nationOf(wordOf(subject), false) ?? nationOf(adjectives, false);
    // "Russian and North Korean losses of 350 … reported by Ukraine's general staff": the nations of the
    // event noun say whose losses; a subject of another nation elsewhere in the sentence is not theirs.
    if (eventNation && own && own.key !== eventNation.key)
      return { item: null, subject: eventNation.people, scope: scoped('unspecified', eventNation) };
    const nation = own ?? eventNation ?? sentenceNation ?? lossOwner;
    return { item: null, subject: `${nation ? `${nation.adjective} ` : ''}${label}`, scope: scoped(id, nation) };
  }
  if (eventToken && patterns.toll.test(wordOf(eventToken))) return { item: null, subject: 'people', scope: 'people' };
  if (eventNation) return { item: null, subject: eventNation.people, scope: scoped('unspecified', eventNation) };
  return { item: null, subject: 'unspecified', scope: 'unspecified' };
}

interface Nation {
  key: string;
  adjective: string;
  people: string;
}

/** Where a phrase names nations ("North Korean" in "North Korean prisoners"), to tell them from its nouns. */
function nationSpans(phrase: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const nation of patterns.nations) {
    for (const match of phrase.matchAll(new RegExp(nation.pattern.source, 'giu')))
      spans.push([match.index, match.index + match[0].length]);
  }
  for (const match of phrase.matchAll(/\p{L}+/gu))
    if (patterns.demonym.test(match[0])) spans.push([match.index, match.index + match[0].length]);
  return spans;
}

/** The first nation a phrase names; with `possessiveOnly`, only one the phrase ends with. */
function nationOf(phrase: string, possessiveOnly: boolean): Nation | null {
  if (!phrase) return null;
  const named: { at: number; end: number; nation: Nation }[] = [];
  for (const nation of patterns.nations) {
    const match = nation.pattern.exec(phrase);
    if (!match) continue;
    if (possessiveOnly && !/^\s*(?:['’]s|s)?\s*$/u.test(phrase.slice(match.index + match[0].length))) continue;
    named.push({ at: match.index, end: match.index + match[0].length, nation });
  }
  named.sort((a, b) => a.at - b.at);
  // "Russian and North Korean": nations joined by "and"/"or" are counted together, combined.
  if (!possessiveOnly && named.length >= 2 && patterns.nationJoiner.test(phrase.slice(named[0]!.end, named[1]!.at))) {
    const [a, b] = [named[0]!.nation, named[1]!.nation];
    return {
      key: [a.key, b.key].sort().join('+'),
      adjective: `${a.adjective} and ${b.adjective}`,
      people: `${a.people} and ${b.people}`,
    };
  }
  if (named.length > 0) return named[0]!.nation;
  if (possessiveOnly) return null;
  const demonym = phrase.split(/\s+/).find((word) => patterns.demonym.test(word));
  if (!demonym) return null;
  const adjective = demonym.replace(/s$/, '');
  return { key: adjective.toLowerCase(), adjective, people: `${adjective}s` };
}

/** An event and how it stands with its number: next to it (or to its subset), or only somewhere in its clause. */
interface FoundEvent {
  token: Token;
  how: 'adjacent' | 'clause';
}

/**
 * The event a number stands with (see {@link readFigure}):
 * - a verb right before it, with nothing but function words between ("killed 20", "put the number
 *   of injured at 46"; not "killed and 64 injured", where "and" starts another count);
 * - else the nearest one after it in its clause, or a participle right after its comma ("two of
 *   them, captured in January");
 * - else one before it in its clause, not beyond another count, which has that event for itself
 *   ("killed up to 420 servicemen … and destroyed 14 vehicles"), except for a subset opened by
 *   "including" or "blant dem" ("killed 20 people, including six officers").
 */
function findEvent(
  text: string,
  offset: number,
  numberStart: number,
  numberEnd: number,
  before: Token[],
  after: Token[],
  floor: number,
  headFinal: boolean,
): FoundEvent | null {
  const gap = (from: number, to: number) => text.slice(from - offset, to - offset);
  const wordOf = (token: Token) => word(text, offset, token);
  const beforeContent = before.filter((token) => !token.stopWord);
  // "направила в Россию 6 000 строителей": a place between the verb and its count does not part them;
  // "sende ytterligere 2000 soldater": nor does an increment word, which is the count's.
  const immediate = beforeContent.find((token) => !isPlace(token) && !patterns.additive.test(wordOf(token)));
  // Where verbs end their clauses, a verb before a count is the clause before's ("2명이 숨지고 5명이
  // 다쳤다"): only an event noun right before counts there ("사망자 400명").
  const verbFinal = headFinal && !(immediate && patterns.eventNoun.test(wordOf(immediate)));
  if (immediate && role(immediate) === 'event' && !verbFinal) {
    const between = before.filter((token) => token.start >= immediate.end);
    if (
      !CLAUSE_PUNCTUATION.test(gap(immediate.end, numberStart)) &&
      between.length <= 3 &&
      !between.some((token) => patterns.joining.test(wordOf(token)))
    )
      return { token: immediate, how: 'adjacent' };
  }

  let seen = 0;
  for (const [at, token] of after.entries()) {
    const between = gap(numberEnd, token.start);
    if (CLAUSE_PUNCTUATION.test(between)) {
      // "two of them, captured in January": a participle right after one comma is theirs.
      const marks = between.match(/[,;:()!?–—…]/g)!;
      if (marks.length === 1 && marks[0] === ',' && /,\s*$/.test(between) && role(token) === 'event')
        return { token, how: 'adjacent' };
      // "Dva severokorejští vojáci, které Ukrajinci zajali v lednu": so is the event of a relative clause there.
      const clause = gap(numberEnd, token.end);
      if (
        marks.length !== 1 ||
        marks[0] !== ',' ||
        !patterns.relativeOpener.test(clause.slice(clause.indexOf(',') + 1))
      )
        break;
    }
    if (token.stopWord) continue;
    if (role(token) === 'event') {
      // "1,300 of the soldiers Pyongyang dispatched have died": the event of a relative clause on the
      // counted noun is background; the clause's main verb after it says what the count is of.
      const main = inRelativeClause(text, offset, after, at) ? mainEventAfter(text, offset, after, at) : null;
      return { token: main ?? token, how: 'adjacent' };
    }
    if (++seen >= EVENT_AFTER) break;
  }
  seen = 0;
  // "Общие потери, включая раненых, превысили 4 700": an aside between the event and its count parts neither.
  const masked = text.slice(0, numberStart - offset).replace(patterns.aside, (aside) => ' '.repeat(aside.length));
  const inAside = (token: Token) => /^\s*$/.test(masked.slice(token.start - offset, token.end - offset));
  for (const token of beforeContent) {
    if (inAside(token)) continue;
    const between = masked.slice(token.end - offset, numberStart - offset);
    const subset = () => {
      const breaks = [...between.matchAll(/[,;:()!?–—…]/g)];
      return breaks.length === 1 && patterns.subsetOpener.test(between.slice(breaks[0]!.index + 1));
    };
    if (CLAUSE_PUNCTUATION.test(between) && !subset()) break;
    if (token.end <= floor && !subset()) break;
    if (role(token) === 'event') return { token, how: subset() ? 'adjacent' : 'clause' };
    if (++seen >= EVENT_BEFORE) break;
  }
  return null;
}

/**
 * Whether the event at `at` stands in a relative clause on the counted noun: after a relative pronoun
 * ("the troops that Russia sent", "soldatene som ble sendt"), or right after a capitalised subject
 * of a contact clause ("the soldiers Pyongyang dispatched").
 */
function inRelativeClause(text: string, offset: number, after: Token[], at: number): boolean {
  const before = after.slice(0, at);
  if (before.some((token) => patterns.relativePronoun.test(word(text, offset, token)))) return true;
  const content = before.filter((token) => !token.stopWord);
  const last = content.at(-1);
  return content.length >= 2 && last !== undefined && /^\p{Lu}/u.test(word(text, offset, last));
}

/**
 * The main verb after a relative clause: the next event, past at most one comma ("1300 av soldatene
 * Pyongyang sendte, har dødd") and a few words, that is not itself in a relative clause.
 */
function mainEventAfter(text: string, offset: number, after: Token[], at: number): Token | null {
  let commas = 0;
  let seen = 0;
  for (let i = at + 1; i < after.length; i++) {
    const token = after[i]!;
    const between = text.slice(after[i - 1]!.end - offset, token.start - offset);
    if (/[;:()!?–—.]/.test(between)) return null;
    commas += (between.match(/,/g) ?? []).length;
    if (commas > 1) return null;
    if (token.stopWord) continue;
    if (role(token) === 'event') return token;
    if (++seen >= 3) return null;
  }
  return null;
}

/** Whether a category counts people only (killed, injured, captured). */
function countsPeople(category: FigureCategory): boolean {
  return categoryByName(category)?.countsPeople ?? false;
}

/** Where a count's clause begins and ends in its sentence (a comma in "1,300" breaks nothing). */
function clauseOf(text: string, mention: NumberMention): { start: number; end: number } {
  let start = 0;
  let end = text.length;
  for (const match of text.matchAll(/[;:()!?–—]|,(?=\s)|\.(?=\s|$)/g)) {
    if (match.index < mention.start) start = match.index + 1;
    else if (match.index >= mention.end) {
      end = match.index;
      break;
    }
  }
  return { start, end };
}

/** The words after a count in its clause, up to the next count. */
function clauseAfter(text: string, mention: NumberMention, all: readonly NumberMention[]): string {
  const next = all.find((other) => other.kind === 'count' && other.start >= mention.end);
  return text.slice(mention.end, Math.min(clauseOf(text, mention).end, next?.start ?? Infinity));
}

/** The words before a count in its clause, from the count before it. */
function clauseBefore(text: string, mention: NumberMention, all: readonly NumberMention[]): string {
  const previous = all.filter((other) => other.kind === 'count' && other.end <= mention.start).at(-1);
  return text.slice(Math.max(clauseOf(text, mention).start, previous?.end ?? 0), mention.start);
}

/** The category a subject counted with no event names ("11,000 troops": deployed). */
function bySubjectAlone() {
  return figureCategories().find((category) => category.namedBySubjectAlone);
}

/** The category that adds up two others (casualties: killed + injured). */
function sumOfKilledAndInjured() {
  return figureCategories().find((category) => category.sumOf?.length === 2);
}

/** A category some other is the increment of ("more troops sent" are reinforcements). */
function isIncrementCategory(name: string): boolean {
  return figureCategories().some((category) => category.increment === name);
}

/** Whether the words after a count define it as its parts together, killed and wounded (see the defining appositions). */
function definesCasualties(
  text: string,
  offset: number,
  tokens: Token[],
  mention: NumberMention,
  parts: readonly string[],
): boolean {
  const rest = text.slice(mention.end);
  let comma = rest.search(/[,.;:]/);
  if (comma < 0 || rest[comma] !== ',' || !patterns.definingApposition.test(rest.slice(comma + 1))) {
    // "a toll of 2,500 that counts the dead, wounded and missing": a defining relative on the count or its noun.
    const words = /^(?:\s+\p{L}+){0,3}/u.exec(rest)![0];
    const candidates = [0, ...[...words.matchAll(/\s+\p{L}+/gu)].map((match) => match.index + match[0].length)];
    const at = candidates.find((from) => patterns.definingRelative.test(rest.slice(from)));
    if (at === undefined) return false;
    comma = at - 1;
  }
  const from = offset + mention.end + comma + 1;
  const stop = rest.slice(comma + 1).search(/[.;:]/);
  const to = stop < 0 ? Infinity : from + stop;
  const inside = tokens.filter((token) => token.start >= from && token.end <= to);
  return parts.every((part) => inside.some((token) => token.concepts.includes(part)));
}

/** Whether a number has a noun of its own after it, other than "more"/"nye" ("11.000 i fjor" has none). */
function ownNoun(text: string, offset: number, tokens: Token[], mention: NumberMention): boolean {
  const after = tokens.filter((token) => token.start >= offset + mention.end);
  return nounPhrase(text, offset, offset + mention.end, after).some(
    (token) => !patterns.additive.test(word(text, offset, token)),
  );
}

/**
 * The counted noun phrase where it stands before the number ("단거리 탄도미사일 200여 기", "노동자 6천 명"):
 * the bare nouns right before it, up to an event word, a stop word or a noun with a case ending;
 * the noun after it only when a linker joins it ("1만1천여 명의 병력").
 */
function countedPhrase(
  text: string,
  offset: number,
  mention: NumberMention,
  before: Token[],
  after: Token[],
  words: NonNullable<ClaimWords['countedNounBefore']>,
  dates: readonly { start: number; end: number }[],
): Token[] {
  const cased = (token: Token) => {
    const lower = word(text, offset, token).toLowerCase();
    // A word of two syllables ending like a particle is one only where its stem says so (포로 is a noun, 말까지 not).
    return words.caseEndings.some(
      (ending) => lower.endsWith(ending) && (lower.length - ending.length >= 2 || token.stem.length < lower.length),
    );
  };
  const rest = text.slice(mention.end);
  if (words.linkers.some((linker) => rest.startsWith(linker))) {
    // "1천만 발 이상의 탄약과 … 미사일": the linked noun phrase ends with its first case ending.
    const linked = nounPhrase(text, offset, offset + mention.end + /^\p{L}*/u.exec(rest)![0].length, after);
    const end = linked.findIndex(cased);
    const phrase = end < 0 ? linked : linked.slice(0, end + 1);
    // "부상 3명의 피해": a linked noun that counts no one and nothing is no noun of the count.
    const counts = phrase.some(
      (token) =>
        role(token) === 'item' ||
        role(token) === 'subject' ||
        patterns.people.test(word(text, offset, token)) ||
        patterns.personNoun.test(word(text, offset, token)),
    );
    if (counts || phrase.length === 0) return phrase;
  }
  const phrase: Token[] = [];
  let at = offset + mention.start;
  for (const token of before) {
    if (!/^\s+$/u.test(text.slice(token.end - offset, at - offset))) break;
    // "올해 3천 명": a date is no noun of the count.
    const dated = dates.some((date) => token.start - offset < date.end && token.end - offset > date.start);
    if (token.stopWord || role(token) === 'event' || dated) break;
    // "보낸 포탄이 100만 발": a noun marked as the subject right before the count is what it counts
    // where it names a thing or people the story counts; "북한은 1만 명을" names neither.
    if (cased(token)) {
      if (phrase.length === 0 && (role(token) === 'item' || role(token) === 'subject')) phrase.unshift(token);
      break;
    }
    phrase.unshift(token);
    at = token.start;
    if (phrase.length >= NOUN_PHRASE) break;
  }
  return phrase;
}

/**
 * The counted noun phrase: the words right after the number up to a clause break, an event word or
 * a function word. "of"/"av" may open it ("millions of shells"; "50 of the drones" then stops at
 * "the": a part of something counted before, with no noun of its own), and "and"/"or" may join
 * its words ("technical and medical support units") but not open it ("10 to 15 and shoot down…").
 */
function nounPhrase(text: string, offset: number, from: number, after: Token[]): Token[] {
  const phrase: Token[] = [];
  let at = from;
  let opened = false;
  for (const token of after) {
    if (/[,.;:()!?–—]/.test(text.slice(at - offset, token.start - offset))) break;
    const lower = word(text, offset, token).toLowerCase();
    // "2 700 autres blessés", "two more soldiers": an additive word belongs to the count, not to its noun.
    if (phrase.length === 0 && !opened && patterns.additive.test(lower)) {
      at = token.end;
      continue;
    }
    if (token.stopWord) {
      // "two more North Korean soldiers": "more" belongs to the count, not the end of its noun.
      if (phrase.length === 0 && patterns.additive.test(lower)) {
        at = token.end;
        continue;
      }
      if (!opened && phrase.length === 0 && patterns.of.test(lower)) {
        opened = true;
        at = token.end;
        continue;
      }
      if (phrase.length > 0 && patterns.joining.test(lower)) {
        at = token.end;
        continue;
      }
      break;
    }
    if (role(token) === 'event' || patterns.phraseEnd.test(lower)) break;
    // "68 av dronene": a part of something counted before ("of the drones"), not a count of its own.
    if (
      opened &&
      phrase.length === 0 &&
      patterns.definitePluralAfterOf.some(
        (rule) => rule.of.test(text.slice(from - offset, token.start - offset).trim()) && rule.noun.test(lower),
      )
    )
      break;
    phrase.push(token);
    at = token.end;
    if (phrase.length >= NOUN_PHRASE) break;
  }
  // "auf mindestens 450 gestiegen": where nouns are capitalised, lower-case words after the last noun are no part of it.
  if (capitalNouns) {
    const last = phrase.findLastIndex((token) => /^\p{Lu}/u.test(word(text, offset, token)));
    phrase.length = last + 1;
  }
  return phrase;
}

/** "killed" next to "or/and injured" (either order) is casualties: one figure for both. */
function eventOf(token: Token, tokens: Token[], wordOf: (token: Token) => string): string {
  const id = conceptOfRole(token, 'event')!;
  const sum = sumOfKilledAndInjured();
  if (!sum || !sum.sumOf!.includes(id)) return id;
  const at = tokens.indexOf(token);
  const other = sum.sumOf!.find((part) => part !== id)!;
  // "погибли или были ранены", "killed or were wounded": an auxiliary may stand before the other part.
  const afterJoiner = tokens[at + 2]?.stopWord ? tokens[at + 3] : tokens[at + 2];
  const back = tokens[at - 1]?.stopWord && !patterns.joining.test(wordOf(tokens[at - 1]!)) ? at - 1 : at;
  for (const [joiner, next] of [
    [tokens[at + 1], afterJoiner],
    [tokens[back - 1], tokens[back - 2]],
  ] as const) {
    if (joiner && next && patterns.joining.test(wordOf(joiner)) && next.concepts.includes(other)) return sum.name;
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

/** A word of a place or nation the story names ("Россию", "Kursk"): a topic concept, no role in a claim. */
function isPlace(token: Token): boolean {
  return token.concepts.length > 0 && token.concepts.every((id) => conceptById(id)?.role === 'topic');
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
 * "It added…" stands for the previous sentence's source, or for that sentence's subject ("South
 * Korea's National Intelligence Service gave a lower count. It told lawmakers…"). A figure with no
 * source in its sentence has the source of its paragraph's sentence before ("Minst 32 personer er
 * skadet" after "…, opplyser ordføreren").
 */
function pickAttribution(
  text: string,
  spans: AttributionSpan[],
  mention: NumberMention,
  previous: Context,
  samePara: boolean,
): AttributionSpan | null {
  const before = spans.filter((span) => span.start <= mention.start);
  // A source after the figure across a contrast ("…, men sørkoreanske kilder mener…") speaks of something else.
  const later = spans.filter(
    (span) => span.start > mention.start && !patterns.clauseContrast.test(text.slice(mention.end, span.start)),
  );
  const chosen = before.at(-1) ?? later.find((span) => !span.pronoun) ?? later[0] ?? null;
  if (!chosen) return samePara ? previous.attribution : null;
  if (!chosen.pronoun) return chosen;
  // "The government said that it had confirmed…": the pronoun is the sentence's own earlier speaker.
  return (
    before.filter((span) => !span.pronoun).at(-1) ??
    resolvePronoun(
      previous,
      spans.filter((span) => span.start > mention.start),
    )
  );
}

function dateOf(date: { date: string; precision: Precision }): AsOf {
  return { date: date.date, precision: date.precision };
}

function published(date: string | null): AsOf | null {
  if (!date) return null;
  // An article dated to the month (`published: 2025-03`) dates its figures to the month, no finer.
  if (/^\d{4}-\d{2}$/.test(date)) return { date, precision: 'month' };
  return { date: date.slice(0, 10), precision: 'day' };
}
