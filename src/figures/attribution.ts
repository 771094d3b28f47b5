/**
 * Who says a figure: the claimant ("South Korean Member of Parliament, Lee Seong-kweun") and,
 * where the text gives it, the channel ("Reuters" in "informed Reuters that…"). Found by general
 * patterns of news writing, each named below, with the words of the language modules; never from
 * a list of known people.
 */

import type { Attribution } from '../model/claim.js';
import {
  DEFAULT_LANGUAGE,
  languageFor,
  perLanguage,
  perRegistry,
  type AttributionWords,
  type LanguageModule,
} from '../languages/index.js';
import { scanDateExpressions } from '../text/dates.js';
import { escapeRegExp, wordRegExp } from '../text/wordBoundary.js';

/** An attribution and where it stands in its sentence, to pick the one nearest a figure. */
export interface AttributionSpan extends Attribution {
  start: number;
  end: number;
  /** Pronoun claimants ("It added…") stand for the previous sentence's source. */
  pronoun: boolean;
  /** "Das teilte der NIS mit", "C'est ce qu'a indiqué X": the source of the sentence before. */
  backward?: boolean;
}

/** Attribution words of every language, compiled once per version of the language registry. */
const attributionPatterns = perRegistry((all) => {
  const words = (pick: (attribution: AttributionWords) => readonly string[]) =>
    [...new Set(all.flatMap((module) => pick(module.attribution)))].join('|');
  return {
    /** Verbs that report whatever follows them; the others report only a clause ("confirmed that…") or an estimate ("provided a different estimate"). */
    bareSpeech: new RegExp(`^(?:${words((a) => a.bareSpeechVerbs)})$`),
    told: new RegExp(`^(?:${words((a) => a.toldVerbs)})$`),
    accordingTo: wordRegExp(
      `\\b(${words((a) => a.accordingTo)})\\s+(?:(?:${words((a) => a.sourceIntroductions) || '(?!)'})\\s+)?`,
      'giu',
    ),
    backwardPronoun: new RegExp(`^(?:${words((a) => a.backwardPronouns ?? []) || '(?!)'})$`, 'iu'),
    accordingToAfter: new RegExp(
      `(?<![\\p{L}])(?:${words((a) => a.accordingToAfter ?? []) || '(?!)'})(?![\\p{L}])`,
      'giu',
    ),
    sourceIntroduction: new RegExp(`^(?:${words((a) => a.sourceIntroductions) || '(?!)'})\\s+`, 'i'),
    /** "said that…", "sa at…", "uvedl, že…" (a comma before it, as Czech, German and Russian write it): the verb reports a clause. */
    reportsAClause: wordRegExp(`^\\s*,?\\s*(?:${words((a) => a.complementizers)})\\b`, 'i'),
    /** After a fronted time, the claimant is what stands between the verb and "that": "I går sa politiet at…". */
    claimantBeforeClause: wordRegExp(`^\\s+([^,.;:]+?)\\s*,?\\s+(?:${words((a) => a.complementizers)})\\b`, 'iu'),
    listJoiner: wordRegExp(`\\b(?:${words((a) => a.listJoiners)})\\b`),
    /** An appositive opens with an article that is not a pronoun too: "Park, a member of…". */
    appositiveOpening: new RegExp(
      `^(?!(?:${words((a) => a.pronounArticles) || '(?!)'})\\s)(?:${words((a) => a.subjectArticles)})\\s`,
      'i',
    ),
    auxiliaryAtEnd: wordRegExp(`\\b(?:${words((a) => a.auxiliaries)})\\s*$`, 'i'),
    /** Clause breaks a claimant cannot span; the punctuation ones are every language's. */
    clauseBreaks: [
      wordRegExp(`\\b(?:${words((a) => a.clauseBreaks)})\\s|[;:]`, 'gi'),
      wordRegExp(`\\b(?:${words((a) => a.clauseBreaksCaseSensitive) || '(?!)'})\\s`, 'gu'),
    ],
    spokeTo: new RegExp(`^(.+?)\\s+(?:${words((a) => a.spokeTo)})\\s+(.+)$`, 'iu'),
    conjunction: new RegExp(`^(?:${words((a) => a.conjunctions)})$`, 'i'),
    article: new RegExp(`^(?:${words((a) => a.subjectArticles)})$`, 'i'),
    nameParticle: new RegExp(`^(?:${words((a) => a.nameParticles)})$`, 'i'),
    /** "are said to", "were reported": a passive verb has no speaker before it. */
    passive: wordRegExp(`\\b(?:${words((a) => a.passiveAuxiliaries)})$`, 'i'),
    pronouns: new RegExp(`^(?:${words((a) => a.pronouns)})$`, 'i'),
    /** Function words that are never a claimant on their own ("with estimates suggesting…"). */
    functionWord: new RegExp(`^(?:${words((a) => a.functionWords)})$`, 'i'),
    /** A finite verb ends an "according to" phrase: "Ifølge X har Nord-Korea sendt…". */
    finiteVerb: new RegExp(`^(?:${words((a) => a.finiteVerbs)})$`, 'i'),
    /** Qualifier words that belong to the figure after a claimant, not to the claimant. */
    qualifierWords: new RegExp(`^(?:${words((a) => a.qualifierWords)})$`, 'i'),
    /** "confirmed that…", "berichtet, dass…": what a non-bare verb reports (a comma may come first). */
    reportsWhat: wordRegExp(`^\\s*,?\\s*(?:[^\\s,.;]+\\s+){0,5}?(?:${words((a) => a.reportedObjects)})\\b`, 'i'),
    /** "put the number of injured at 46", "puts casualties at nearly 4,000": an estimate stated as a value. */
    putVerb: new RegExp(`^(?:${words((a) => a.putVerbs) || '(?!)'})$`),
    putsAt: wordRegExp(`^\\s+(?:[^\\s,.;]+\\s+){1,6}?(?:${words((a) => a.putAt) || '(?!)'})\\b`, 'i'),
    adverbs: new RegExp(`\\s+(?:${words((a) => a.adverbs)})$`, 'i'),
    trailingTime: new RegExp(`\\s+(?:${words((a) => a.trailingTimes)})$`, 'i'),
    /** "…, a déclaré jeudi le ministère": a time between an inverted verb and its claimant. */
    leadingTime: new RegExp(`^\\s*(?:${words((a) => a.trailingTimes)})\\s+`, 'i'),
    /** ", заявила в понедельник разведка": a time between an inverted verb and its claimant. */
    timeAfterVerb: wordRegExp(`^\\s+(?:${words((a) => a.trailingTimes)})\\b(?=\\s)`, 'i'),
    /** ", сообщили в Минобороны": the institution named after a preposition is the source. */
    sourcePreposition: wordRegExp(`^\\s+(?:${words((a) => a.sourcePrepositions ?? []) || '(?!)'})\\s+(?=\\p{L})`, 'i'),
    /** "…, sier X i et intervju med BBC" / "said X in an interview with the BBC": the outlet is the channel. */
    interview: new RegExp(`\\s+(?:${words((a) => a.interviewWith)})\\s+(.+)$`, 'iu'),
    claimantTail: new RegExp(`\\s+(?:${words((a) => a.claimantTails)})\\s.*$`, 'iu'),
    notAClaimantStart: wordRegExp(`^\\s*(?:${words((a) => a.notClaimantStarts)})\\b`, 'iu'),
    /** A phrase with a verb or a figure in it is a clause, not a name: "Six officers were killed". */
    notANounPhrase: wordRegExp(`\\d|\\b(?:${words((a) => a.clauseVerbs)})\\b`, 'i'),
    openingPhrase: wordRegExp(`^(?:${words((a) => a.openingWords)})\\b`, 'i'),
    parenthetical: wordRegExp(`^(?:${words((a) => a.parentheticals)})\\b`, 'iu'),
    /** A sentence's subject: the words before its first relative pronoun or auxiliary. */
    sentenceSubject: wordRegExp(
      `^((?:${words((a) => a.subjectArticles)})?\\s*[^\\s,;:]+(?:\\s+[^\\s,;:]+){0,6}?)\\s+(?:${words((a) => a.subjectEnds)})\\b`,
      'i',
    ),
    /**
     * A time said first, Norwegian style, puts the speaker after the verb: "Fredag kveld meldte statlige
     * medier at…", "I går sa politiet at…".
     */
    frontedTime: new RegExp(
      `^(?:(?:${words((a) => a.frontedTime.before)})\\s+)?(?:${words((a) => a.frontedTime.times)})(?:\\s+(?:${words((a) => a.frontedTime.partsOfDay)}))?$`,
      'i',
    ),
  };
});

/**
 * "X said/told Y that…": the speech verbs of an article's language and of the default language (English
 * is quoted in every corpus), compiled once per language.
 */
const speechPattern = perLanguage((module) => {
  const verbs = [...new Set([...DEFAULT_LANGUAGE.attribution.speechVerbs, ...module.attribution.speechVerbs])];
  return new RegExp(
    `(?<![\\p{L}\\p{N}_])(${verbs.join('|')})(?![\\p{L}\\p{N}_])(?:\\s+([\\p{Lu}][\\p{L}.'-]*(?:\\s+[\\p{Lu}][\\p{L}.'-]*){0,3}))?`,
    'gu',
  );
});

/**
 * Finite verbs by their form ("dorazilo", "vrátili": the Czech past tense), matched case-sensitively and
 * only in the language's own articles: English "special" has the form of a Czech past tense.
 */
const finiteVerbForm = perLanguage(
  (module) => new RegExp(`^(?:${module.attribution.finiteVerbForms?.join('|') || '(?!)'})$`, 'u'),
);

const MAX_CLAIMANT_WORDS = 14;

/** Every attribution in a sentence, in order. */
export function findAttributions(sentence: string, language: string): AttributionSpan[] {
  const patterns = attributionPatterns();
  const spans: AttributionSpan[] = [];
  const add = (claimant: string, channel: string | null, start: number, end: number, backward = false) => {
    const cleaned = tidy(claimant);
    // A claimant is a name or a noun phrase: never a figure ("at least 100 soldiers confirmed dead").
    if (
      !cleaned ||
      /\d/.test(cleaned) ||
      patterns.functionWord.test(cleaned) ||
      cleaned.split(/\s+/).length > MAX_CLAIMANT_WORDS
    )
      return;
    spans.push({
      claimant: cleaned,
      channel: channel ? tidy(channel) : null,
      start,
      end,
      pronoun: patterns.pronouns.test(cleaned),
      ...(backward ? { backward } : {}),
    });
  };

  // "according to (information from) X" / "ifølge X": the source follows, up to a clause break, a
  // figure or a finite verb; "U.S., South Korean and Ukrainian assessments" is one source.
  for (const match of sentence.matchAll(patterns.accordingTo)) {
    const from = match.index + match[0].length;
    const claimant = accordingTo(sentence.slice(from), sentence.slice(0, match.index), patterns, language);
    if (claimant) add(claimant, null, match.index, from + claimant.length);
  }

  // "dem Ministerium zufolge": the source stands before the word, back to a clause break.
  for (const match of sentence.matchAll(patterns.accordingToAfter)) {
    const before = sentence.slice(0, match.index);
    const from = Math.max(before.search(/[^,;:()–—]*$/u), 0);
    const claimant = before.slice(from).trim();
    if (claimant && claimant.split(/\s+/).length <= 8) add(claimant, null, from, match.index + match[0].length);
  }

  // A broadcast caption: "[Name / Title (context): what they said]".
  const caption = /^\[([^/\]:]+?)\s*\/[^\]:]*:/u.exec(sentence);
  if (caption) add(caption[1]!, null, 0, caption[0].length);

  // "X said/told Y that…" (case-sensitive: a capital "Reports" opening a sentence is a noun): the
  // claimant is the noun phrase before the verb, keeping an appositive ("Kovalenko, the head of …,
  // highlighted"); or, inverted, the noun phrase after it (", said Seoul.", ", sier sjefen for …").
  const speech = speechPattern(languageFor(language) ?? DEFAULT_LANGUAGE);
  for (const match of sentence.matchAll(speech)) {
    const before = sentence.slice(0, match.index).trimEnd();
    const verb = match[1]!.toLowerCase();
    const recipient = patterns.told.test(verb) ? (match[2] ?? null) : null;
    const rest = sentence.slice(match.index + match[0].length);
    // ", заявила в понедельник разведка": the time between the verb and its claimant is neither.
    const afterVerb = sentence.slice(match.index + match[1]!.length).replace(patterns.timeAfterVerb, '');
    const reportsAClause = patterns.reportsAClause.test(rest);
    if (before.length === 0 || patterns.passive.test(before)) continue;
    // "Das erklärte ein Sprecher des Ministeriums am Donnerstag.": the speaker after the verb, of what was said before.
    if (patterns.backwardPronoun.test(before)) {
      const after = /^\s*([^,.;:]+)/u.exec(afterVerb);
      if (after) {
        const claimant = after[1]!
          .replace(patterns.leadingTime, '')
          .replace(patterns.trailingTime, '')
          .replace(patterns.claimantTail, '');
        add(claimant, null, match.index, match.index + match[0].length, true);
      }
      continue;
    }
    if (patterns.putVerb.test(verb) && !patterns.putsAt.test(afterVerb)) continue;
    const institution = /[,"”'»]$/.test(before) ? patterns.sourcePreposition.exec(afterVerb) : null;
    if (institution) {
      // ", сообщили в Минобороны": the institution is the source.
      const named = /^[^,.;:]+/u.exec(afterVerb.slice(institution[0].length));
      if (named) add(named[0], null, match.index, match.index + match[0].length);
      continue;
    }
    // ", uvedla ve čtvrtek rozvědka", ", uvedlo loni v prosinci ministerstvo": a time said right after
    // the verb stands before an inverted claimant.
    const timeEnd = leadingTimesEnd(afterVerb, language);
    const claimantSide =
      timeEnd > 0 && /^\s+\p{L}/u.test(afterVerb.slice(timeEnd)) ? afterVerb.slice(timeEnd) : afterVerb;
    if (/[,"”'»]$/.test(before) && !reportsAClause && !patterns.notAClaimantStart.test(claimantSide)) {
      // Inverted: ", said Seoul." / ", rapporterte Sør-Koreas militær torsdag" / ", sier X i et intervju med BBC".
      const after = /^\s*([^,.;:]+)/u.exec(claimantSide);
      if (after) {
        let claimant = after[1]!.replace(patterns.leadingTime, '').replace(patterns.trailingTime, '');
        let channel: string | null = null;
        const interview = patterns.interview.exec(claimant);
        if (interview) {
          channel = interview[1]!;
          claimant = claimant.slice(0, interview.index);
        }
        claimant = claimant.replace(patterns.claimantTail, '');
        add(claimant, channel, match.index, match.index + match[0].length);
      }
      continue;
    }
    if (!patterns.bareSpeech.test(verb) && !patterns.reportsWhat.test(rest) && !patterns.putVerb.test(verb)) continue;
    let found = claimantBefore(before.replace(/[,"”'»]+$/, '').trimEnd());
    if (found && patterns.frontedTime.test(found.claimant)) {
      const after = patterns.claimantBeforeClause.exec(afterVerb);
      found = after ? { claimant: after[1]!, channel: null, start: match.index } : null;
      if (found) {
        add(found.claimant, null, match.index, match.index + match[1]!.length + after![0].length);
        continue;
      }
    }
    // "Rozvědka NIS v březnu uvedla": a time said between the claimant and its verb is not the claimant's.
    if (found) found = { ...found, claimant: withoutTrailingTimes(found.claimant, language) };
    // The span ends with the verb, or with its recipient ("informed Reuters"); a capitalised word after
    // another verb ("puts North Korean casualties at…") is what is reported, not who hears it.
    if (found)
      add(
        found.claimant,
        recipient ?? found.channel,
        found.start,
        match.index + (recipient ? match[0].length : match[1]!.length),
      );
  }
  const module = languageFor(language) ?? DEFAULT_LANGUAGE;
  if (module.attribution.headFinal) {
    for (const found of headFinalAttributions(sentence, module)) add(found.claimant, null, found.start, found.end);
  }
  return spans.sort((a, b) => a.start - b.start);
}

const headFinalPatterns = perLanguage((module) => {
  const words = module.attribution.headFinal!;
  const phrase = (text: string) => escapeRegExp(text).replace(/ /g, '\\s*');
  const particles = [...words.claimantParticles].sort((a, b) => b.length - a.length);
  return {
    accordingTo: new RegExp(`(${words.accordingTo.map(phrase).join('|')})(?![\\p{L}])`, 'gu'),
    verb: new RegExp(`(?<![\\p{L}])(?:${words.speechVerbs.join('|')})\\p{L}*`, 'gu'),
    topic: new RegExp(`^(.*?\\p{L}\\)?)(?:${particles.map(phrase).join('|')})$`, 'u'),
    subject: new RegExp(`^(.*?\\p{L}\\)?)(?:${words.subjectParticles.map(phrase).join('|') || '(?!)'})$`, 'u'),
    /** A quotation's end: "…300명이라고", "…밝혔으며". */
    quoteEnd: new RegExp(`(?:${words.quoteEnds.map(phrase).join('|') || '(?!)'})$`, 'u'),
    /** A word with one of these endings belongs to another part of the clause than the claimant's name. */
    phraseEnd: new RegExp(`(?:${words.phraseEnds.map(phrase).join('|') || '(?!)'})$`, 'u'),
    notClaimants: new Set(words.notClaimants),
  };
});

/**
 * Head-final attribution (Korean): "X에 따르면" names X; "X은 … 밝혔다" names the topic X of the
 * clause a speech verb ends, or, after a quotation ("…라고 X은 밝혔다"), the topic between the two.
 */
function headFinalAttributions(
  sentence: string,
  module: LanguageModule,
): { claimant: string; start: number; end: number }[] {
  const words = module.attribution.headFinal!;
  const patterns = headFinalPatterns(module);
  const found: { claimant: string; start: number; end: number }[] = [];
  const wordsOf = (text: string) => [...text.matchAll(/[^\s,;:"“”'‘’]+/gu)].map((m) => ({ text: m[0], at: m.index }));
  /** The noun phrase ending at the last of `list`: up to maxWords words, none with a figure, a particle or a time. */
  const phraseBefore = (list: { text: string; at: number }[], head: string, headAt: number) => {
    let claimant = head;
    let start = headAt;
    for (let k = list.length - 1; k >= 0 && claimant.split(' ').length < words.maxWords; k--) {
      const word = list[k]!;
      if (
        /\d/.test(word.text) ||
        !/\p{L}/u.test(word.text) ||
        patterns.notClaimants.has(word.text) ||
        patterns.phraseEnd.test(word.text)
      )
        break;
      claimant = `${word.text} ${claimant}`;
      start = word.at;
    }
    return { claimant, start };
  };
  for (const match of sentence.matchAll(patterns.accordingTo)) {
    const before = sentence.slice(0, match.index);
    const clause = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf('.')) + 1);
    const offset = before.length - clause.length;
    const list = wordsOf(clause).map((word) => ({ ...word, at: word.at + offset }));
    const last = list.pop();
    if (!last || /\d/.test(last.text) || last.at + last.text.length !== match.index) continue;
    const { claimant, start } = phraseBefore(list, last.text, last.at);
    found.push({ claimant, start, end: match.index + match[0].length });
  }
  for (const verb of sentence.matchAll(patterns.verb)) {
    const list = wordsOf(sentence.slice(0, verb.index));
    const topics = list
      .map((word, k) => ({ word, k, head: patterns.topic.exec(word.text)?.[1] }))
      .filter((topic) => topic.head && !/\d/.test(topic.word.text) && !patterns.notClaimants.has(topic.word.text));
    const lastQuote = list.findLastIndex((word) => patterns.quoteEnd.test(word.text));
    // "…라고 영국 국방부가 분석했다": after a quotation, the subject right before the verb speaks.
    const last = list.length - 1;
    const subject = last > lastQuote && lastQuote >= 0 ? patterns.subject.exec(list[last]!.text)?.[1] : undefined;
    if (subject && !/\d/.test(list[last]!.text)) {
      const { claimant, start } = phraseBefore(list.slice(lastQuote + 1, last), subject, list[last]!.at);
      found.push({ claimant, start, end: list[last]!.at + list[last]!.text.length });
      continue;
    }
    const chosen = topics.filter((topic) => topic.k > lastQuote).at(-1) ?? topics[0];
    if (!chosen) continue;
    const { claimant, start } = phraseBefore(list.slice(0, chosen.k), chosen.head!, chosen.word.at);
    // The span is the claimant's: the clause it opens is what it says, not part of its name.
    found.push({ claimant, start, end: chosen.word.at + chosen.word.text.length });
  }
  return found;
}

/**
 * The source named after "according to"/"ifølge": up to a clause break, a figure or a finite verb,
 * keeping a list ("U.S., South Korean and Ukrainian assessments") and an appositive ("Park, a member
 * of parliament's intelligence committee"). In "har ifølge X sendt opptil 12.000", the participle
 * after X belongs to the clause, not to X.
 */
function accordingTo(
  rest: string,
  before: string,
  patterns: ReturnType<typeof attributionPatterns>,
  language: string,
): string | null {
  const verbForm = finiteVerbForm(languageFor(language) ?? DEFAULT_LANGUAGE);
  // Abbreviations ("U.S.") are not sentence ends.
  const masked = rest.replace(/\b(\p{Lu})\./gu, '$1\u0000');
  const end = masked.search(/[.;:()\]]|$/u);
  const parts = masked.slice(0, end).split(/,\s*/);
  let claimant = parts[0]!;
  if (parts.length > 1) {
    const next = parts[1]!;
    const list =
      patterns.listJoiner.test(next) &&
      claimant.split(/\s+/).length <= 3 &&
      next.split(/\s+/).length <= 6 &&
      !patterns.notANounPhrase.test(next);
    const appositive =
      patterns.appositiveOpening.test(next) && next.split(/\s+/).length <= 10 && !patterns.notANounPhrase.test(next);
    if (list || appositive) claimant = `${claimant}, ${next}`;
  }
  const words = claimant.split(/\s+/);
  let cut = words.findIndex(
    (word, i) => i > 0 && (/\d/.test(word) || patterns.finiteVerb.test(word) || verbForm.test(word)),
  );
  if (cut === -1) cut = words.length;
  const kept = words.slice(0, cut);
  // "podle odhadů zhruba 6000": a qualifier alone is no source.
  while (kept.length > 0 && patterns.qualifierWords.test(kept.at(-1)!)) kept.pop();
  // "har ifølge X sendt": the claimant sits between an auxiliary and its participle.
  if (cut < words.length && patterns.auxiliaryAtEnd.test(before) && kept.length > 1 && /^\p{Ll}/u.test(kept.at(-1)!))
    kept.pop();
  const text = kept.join(' ').replaceAll('\u0000', '.').trim();
  return text || null;
}

/** What may stand between two times, or before the first: nothing, or one short word ("v", "ve", "on"). */
const TIME_CONTEXT = /^\s*(?:\p{L}{1,3}\s+)?$/u;

/** Where the times a phrase opens with end ("ve čtvrtek", "loni v prosinci"); 0 when it opens with none. */
function leadingTimesEnd(phrase: string, language: string): number {
  let end = 0;
  for (const date of scanDateExpressions(phrase, language)) {
    if (date.start < end || !TIME_CONTEXT.test(phrase.slice(end, date.start))) break;
    end = date.end;
  }
  return end;
}

/** A claimant without the times it opens or ends with ("Jihokorejská rozvědka NIS v březnu"), unless nothing else is left. */
function withoutTrailingTimes(claimant: string, language: string): string {
  const dates = scanDateExpressions(claimant, language);
  let end = claimant.trimEnd().length;
  for (let i = dates.length - 1; i >= 0; i--) {
    const date = dates[i]!;
    if (!/^\s*$/.test(claimant.slice(date.end, end))) break;
    // …with the words that place it: "v březnu", "na konci ledna".
    const context = /(?:^|\s)(?:\p{Ll}{1,5}\s+)?\p{Ll}{1,5}\s*$/u.exec(claimant.slice(0, date.start));
    end = context ? context.index : date.start;
  }
  const start = leadingTimesEnd(claimant.slice(0, end), language);
  const kept = claimant.slice(start, end).trim();
  return kept || claimant;
}

/**
 * The noun phrase ending a clause, from the last "that", "while", ";" or opening comma phrase,
 * with its appositives ("the head of the regional military administration, Serhiy Bondar"),
 * without an aside ("…, speaking on condition of anonymity,"); "X who spoke to Y" names Y as channel.
 */
function claimantBefore(text: string): { claimant: string; channel: string | null; start: number } | null {
  const patterns = attributionPatterns();
  const withoutAdverbs = text.replace(patterns.adverbs, '').replace(patterns.adverbs, '');
  // Clause breaks that a claimant cannot span.
  const cut = Math.max(
    ...patterns.clauseBreaks.map((re) => {
      let last = -1;
      for (const match of withoutAdverbs.matchAll(re)) last = match.index + match[0].length;
      return last;
    }),
  );
  const phrase = withoutAdverbs.slice(Math.max(0, cut)).trim();
  const parts = phrase.split(/,\s*/);
  while (parts.length > 1 && patterns.parenthetical.test(parts.at(-1)!)) parts.pop();
  let claimant = parts.pop()!.trim();
  while (
    parts.length > 0 &&
    appositive(parts.at(-1)!) &&
    `${parts.at(-1)} ${claimant}`.split(/\s+/).length <= MAX_CLAIMANT_WORDS
  ) {
    claimant = `${parts.pop()!.trim()}, ${claimant}`;
  }
  let channel: string | null = null;
  const spoke = patterns.spokeTo.exec(claimant);
  if (spoke) {
    claimant = spoke[1]!;
    channel = spoke[2]!;
  }
  // "An independent outlet that tallies obituaries has identified …, and says": the sentence's subject.
  if (!claimant || patterns.conjunction.test(claimant)) {
    const subject = patterns.sentenceSubject.exec(text)?.[1];
    return subject && !/\d/.test(subject) && subject.split(/\s+/).length <= 8
      ? { claimant: subject, channel: null, start: 0 }
      : null;
  }
  if (!/^[\p{L}"'“[]/u.test(claimant)) return null;
  return { claimant, channel, start: Math.max(0, withoutAdverbs.lastIndexOf(claimant)) };
}

/** A comma part that can stand beside a name: "the head of …", "South Korean Member of Parliament". */
function appositive(part: string): boolean {
  const patterns = attributionPatterns();
  const words = part.trim().split(/\s+/);
  if (words.length > 10 || patterns.notANounPhrase.test(part) || patterns.openingPhrase.test(part)) return false;
  if (patterns.article.test(words[0]!)) return true;
  return words.every((word) => /^[\p{Lu}"'“]/u.test(word) || patterns.nameParticle.test(word));
}

function tidy(text: string): string {
  return text
    .trim()
    .replace(attributionPatterns().sourceIntroduction, '')
    .replace(/[\s,]+$/, '')
    .replace(/^[“"'](.*)[”"']$/u, '$1');
}

/** "South Korean MP Lee Seong-kweun, to Reuters": an attribution as one line. */
export function describeAttribution(attribution: Attribution): string {
  return attribution.channel ? `${attribution.claimant}, to ${attribution.channel}` : attribution.claimant;
}

/**
 * A claimant as a figure line names it: of "Andrii Kovalenko, the head of the Center for Countering
 * Disinformation" the part that names (the shortest comma-separated part with a capital), without
 * a leading article; the full description is {@link describeAttribution}.
 */
export function shortClaimant(claimant: string): string {
  const parts = claimant
    .split(/,\s+/)
    .map((part) => part.trim())
    .filter(Boolean);
  const naming = parts.filter((part) => /\p{Lu}/u.test(part));
  const pick = (naming.length > 0 ? naming : parts).reduce(
    (a, b) => (b.length < a.length ? b : a),
    parts[0] ?? claimant,
  );
  return pick.replace(/^(?:the|a|an)\s+/i, '');
}
