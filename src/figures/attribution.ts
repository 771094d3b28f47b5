/**
 * Who says a figure: the claimant ("South Korean Member of Parliament, Lee Seong-kweun") and,
 * where the text gives it, the channel ("Reuters" in "informed Reuters that…"). Found by general
 * patterns of news English and Norwegian, each named below; never from a list of known people.
 */

export interface Attribution {
  claimant: string;
  channel: string | null;
}

/** An attribution and where it stands in its sentence, to pick the one nearest a figure. */
export interface AttributionSpan extends Attribution {
  start: number;
  end: number;
  /** Pronoun claimants ("It added…") stand for the previous sentence's source. */
  pronoun: boolean;
}

const SPEECH_VERBS_EN =
  'said|says|told|tells|informed|reported|reports|noted|notes|highlighted|confirmed|confirms|stated|states|estimated|estimates|announced|claimed|claims|added|adds|revealed|pointed out|provided|contended|contend|contends|insisted|insist|insists|warned|suggested|suggest|suggests|wrote|believes|believe|assessed|assess';
/** Verbs that report whatever follows them; the others report only a clause ("confirmed that…") or an estimate ("provided a different estimate"). */
const BARE_SPEECH = /^(said|says|told|tells|informed|sa|sier|skrev|skriver)$/;
const REPORTS_WHAT = /^\s*(?:[^\s,.;]+\s+){0,5}?(?:that|at|estimates?|figures?|assessments?|numbers?|tally|count|anslag|tall)\b/i;
/** "are said to", "were reported": a passive verb has no speaker before it. */
const PASSIVE = /\b(?:is|are|was|were|be|been|being|er|ble|blir|blitt)$/i;
const SPEECH_VERBS_NB = 'sa|sier|rapporterte|rapporterer|opplyste|opplyser|meldte|melder|skrev|skriver|uttalte|uttaler|bekreftet|bekrefter|anslår|anslo|hevdet|hevder';
/** Words between a claimant and its verb that belong to neither ("also", "further"). */
const ADVERBS = /\s+(?:also|further|furthermore|reportedly|now|later|then|has|have|had|recently|previously|earlier|ogs[åa]|har|hadde)$/i;
const PRONOUNS = /^(it|he|she|they|we|the report|the outlet|det|han|hun|de)$/i;
/** Time words after an inverted Norwegian claimant: "rapporterte Sør-Koreas militær torsdag". */
const TRAILING_TIME =
  /\s+(?:i dag|i går|i sin vurdering|i en uttalelse|mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag|on \w+day|in a statement|on \w+ \d+)$/i;

const MAX_CLAIMANT_WORDS = 14;
/** A phrase with a verb or a figure in it is a clause, not a name: "Six officers were killed". */
const NOT_A_NOUN_PHRASE = /\d|\b(?:is|are|was|were|has|have|had|will|would|could|may|might|indicates?|er|ble|har|hadde|vil)\b/i;
/** A phrase that opens a sentence without naming anyone: "In recent developments, …". */
const OPENING_PHRASE = /^(?:in|on|at|after|before|meanwhile|however|additionally|also|moreover|still|yet|but|and|so|since|while|i|på|etter|før|samtidig|men|og)\b/i;

/** Every attribution in a sentence, in order. */
export function findAttributions(sentence: string, language: string): AttributionSpan[] {
  const spans: AttributionSpan[] = [];
  const add = (claimant: string, channel: string | null, start: number, end: number) => {
    const cleaned = tidy(claimant);
    // A claimant is a name or a noun phrase: never a figure ("at least 100 soldiers confirmed dead").
    if (!cleaned || /\d/.test(cleaned) || cleaned.split(/\s+/).length > MAX_CLAIMANT_WORDS) return;
    spans.push({ claimant: cleaned, channel: channel ? tidy(channel) : null, start, end, pronoun: PRONOUNS.test(cleaned) });
  };

  // "according to (information from) X" / "ifølge X": the source follows.
  for (const match of sentence.matchAll(/\b(?:according to|ifølge|citing)\s+(?:information from\s+|the information from\s+)?([^,.;:()\]]+)/giu)) {
    add(match[1]!, null, match.index, match.index + match[0].length);
  }

  // A broadcast caption: "[Name / Title (context): what they said]".
  const caption = /^\[([^/\]:]+?)\s*\/[^\]:]*:/u.exec(sentence);
  if (caption) add(caption[1]!, null, 0, caption[0].length);

  // "X said/told Y that…" (case-sensitive: a capital "Reports" opening a sentence is a noun): the claimant is the noun phrase before the verb, back to the start of the
  // sentence or the last clause break, keeping an appositive ("Kovalenko, the head of …, highlighted").
  const verbs = language.startsWith('n') ? `${SPEECH_VERBS_EN}|${SPEECH_VERBS_NB}` : SPEECH_VERBS_EN;
  const speech = new RegExp(`\\b(${verbs})\\b(?:\\s+(?!that\\b|at\\b|on\\b|in\\b)([\\p{Lu}][\\p{L}.'-]*(?:\\s+[\\p{Lu}][\\p{L}.'-]*){0,3}))?`, 'gu');
  for (const match of sentence.matchAll(speech)) {
    const before = sentence.slice(0, match.index).trimEnd();
    const verb = match[1]!.toLowerCase();
    const recipient = ['told', 'tells', 'informed'].includes(verb) ? (match[2] ?? null) : null;
    const rest = sentence.slice(match.index + match[0].length);
    const reportsAClause = /^\s*(?:that|at)\b/i.test(rest);
    if (before.length === 0 || PASSIVE.test(before)) continue;
    if (/,\s*["”']?$/.test(before) && !reportsAClause) {
      // Inverted: ", said Seoul." / ", rapporterte Sør-Koreas militær torsdag".
      const after = /^\s*([^,.;:]+)/u.exec(sentence.slice(match.index + match[1]!.length));
      if (after) add(after[1]!.replace(TRAILING_TIME, ''), null, match.index, match.index + match[0].length);
      continue;
    }
    if (!BARE_SPEECH.test(verb) && !REPORTS_WHAT.test(rest)) continue;
    const claimant = claimantBefore(before.replace(/,$/, ''));
    if (claimant) add(claimant, recipient, match.index - claimant.length, match.index + match[0].length);
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** The noun phrase ending a clause: from the last "that", "while", ";" or opening comma phrase. */
function claimantBefore(text: string): string | null {
  const withoutAdverbs = text.replace(ADVERBS, '').replace(ADVERBS, '');
  // Clause breaks that a claimant cannot span.
  const cut = Math.max(
    ...[/\bthat\s/gi, /\bwhile\s/gi, /;/g, /:/g, /\bat\s(?=\p{Ll})/gu, /\bog\s/gi, /\band\s(?=\p{Ll})/gu].map((re) => {
      let last = -1;
      for (const match of withoutAdverbs.matchAll(re)) last = match.index + match[0].length;
      return last;
    }),
  );
  let phrase = withoutAdverbs.slice(Math.max(0, cut)).trim();
  // An opening phrase before a comma ("In recent developments, South Korea …") is not the claimant,
  // unless the comma opens an appositive that closes right before the verb ("Lee, the MP,").
  const parts = phrase.split(/,\s*/);
  // "Lee Seong-kweun, an MP," is one name; "In recent developments, Seoul" and "Six were killed, officials" are not.
  if (parts.length === 2 && (OPENING_PHRASE.test(parts[0]!) || NOT_A_NOUN_PHRASE.test(parts[0]!))) phrase = parts[1]!;
  if (parts.length > 3) phrase = parts.at(-1)!;
  phrase = phrase.trim();
  if (!/^[\p{L}"'“[]/u.test(phrase)) return null;
  return phrase || null;
}

function tidy(text: string): string {
  return text
    .trim()
    .replace(/^(?:the information from|information from)\s+/i, '')
    .replace(/[\s,]+$/, '')
    .replace(/^[“"'](.*)[”"']$/u, '$1');
}

/** "South Korean MP Lee Seong-kweun, to Reuters": an attribution as one line. */
export function describeAttribution(attribution: Attribution): string {
  return attribution.channel ? `${attribution.claimant}, to ${attribution.channel}` : attribution.claimant;
}
