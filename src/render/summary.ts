/**
 * The bottom line of a figure question as one line, the same in every face: the range of the
 * estimates of the main subject, how many estimates from how many sources in how many articles, the
 * latest fully dated one, how many pairs disagree, and, apart, the figures of other scopes. Each
 * part cites the claims it rests on through `cite` (the face's citation numbers).
 *
 *   **≈100–400 North Korean soldiers killed** [1][3] — 5 estimates from 7 sources in 2 articles; …
 */
import type { AnswerSummary, Qualifier } from '../engine/types.js';
import { formatDate } from '../text/dates.js';
import { en, type SummaryWords } from './labels.js';

export interface SummaryStyle {
  /** The range and its subject, marked as the face marks its most important words. */
  strong(text: string): string;
  /** Article text (a subject, a claimant) made safe for the face. */
  text(text: string): string;
  /** The citations of some claims, by id: " [1][3]", or "" when the face cites nothing. */
  cite(claims: readonly string[]): string;
  /** The connecting words, in the reader's language; English by default. */
  words?: SummaryWords;
}

const count = (n: number) => n.toLocaleString('en');

/** A figure's value with the mark of its qualifier: ≈400, ≥100, >200, ≤50. */
export function markedValue(value: number, qualifier: Qualifier): string {
  const mark: Partial<Record<Qualifier, string>> = {
    about: '≈',
    'at least': '≥',
    'more than': '>',
    nearly: '≲',
    'up to': '≤',
    'less than': '<',
    vague: '≈',
  };
  return `${mark[qualifier] ?? ''}${count(value)}`;
}

/** The range: "≈100–400" (≈ when either end is not exact), or one value with its mark. */
function range(summary: AnswerSummary): string {
  const { low, high } = summary;
  if (low.value === high.value) return markedValue(high.value, high.qualifier);
  const exact = low.qualifier === 'exact' && high.qualifier === 'exact';
  return `${exact ? '' : '≈'}${count(low.value)}–${count(high.value)}`;
}

export function summaryLine(summary: AnswerSummary, style: SummaryStyle): string {
  const words = style.words ?? en.summary;
  const subject = [summary.subject, summary.what].filter(Boolean).join(' ');
  const rangeCited = style.cite([summary.low.claim, summary.high.claim]);
  const head = `${style.strong(`${range(summary)} ${style.text(subject)}`)}${rangeCited}`;

  // The estimates' citations, unless they are those of the range already.
  const allCited = style.cite(summary.claims);
  const named = summary.sources.length;
  const unattributed = summary.unattributed.length;
  const from =
    named > 0
      ? `${words.fromSources(named)}${unattributed > 0 ? words.andUnattributed(words.count(unattributed)) : ''}`
      : words.noneAttributed;
  // A source told by several outlets is one source: said, for the most told.
  const told = [...summary.sources].sort((a, b) => b.articles.length - a.articles.length)[0];
  const toldBy =
    told && told.articles.length > 1 ? words.toldIn(style.text(told.name), words.count(told.articles.length)) : '';
  const counts = `${words.estimates(summary.claims.length)} ${from} ${words.in} ${words.articles(summary.articles.length)}${toldBy}${allCited === rangeCited ? '' : allCited}`;

  const parts = [counts];
  if (summary.latest) {
    const { latest } = summary;
    const when = formatDate(latest.asOf.date, latest.asOf.precision);
    parts.push(
      `${words.latestDated} ${markedValue(latest.value, latest.qualifier)} (${latest.claimant ? `${style.text(latest.claimant)}, ` : ''}${when})${style.cite([latest.claim])}`,
    );
  } else if (summary.claims.length > 1) {
    parts.push(words.noneFullyDated);
  }
  const conflicts: string[] = [];
  if (summary.disagree.length > 0)
    conflicts.push(`${words.pairsDisagree(summary.disagree.length)}${style.cite(summary.disagree.flat())}`);
  if (summary.farApart.length > 0)
    conflicts.push(`${words.pairsFarApart(summary.farApart.length)}${style.cite(summary.farApart.flat())}`);
  if (conflicts.length === 0 && summary.claims.length > 1) conflicts.push(words.noTwoDisagree);
  parts.push(...conflicts);

  let line = `${head} — ${parts.join('; ')}`;
  if (summary.separately.length > 0) {
    // Figures of one date together: "20 people, 6 North Korean officers (3 Oct 2024)".
    const byDate = new Map<string, AnswerSummary['separately']>();
    for (const figure of summary.separately) {
      const key = figure.asOf ? formatDate(figure.asOf.date, figure.asOf.precision) : '';
      byDate.set(key, [...(byDate.get(key) ?? []), figure]);
    }
    const groups = [...byDate].map(([when, figures]) => {
      const listed = figures
        .map(
          (f) =>
            `${markedValue(f.value, f.qualifier)} ${style.text(f.subject && f.subject !== 'unspecified' ? f.subject : words.notSpecified)}`,
        )
        .join(', ');
      return `${listed}${when ? ` (${when})` : ''}${style.cite(figures.map((f) => f.claim))}`;
    });
    const more = summary.moreSeparately > 0 ? words.andMore(words.count(summary.moreSeparately)) : '';
    line += ` · ${words.separately}: ${groups.join('; ')}${more}`;
  }
  return line;
}
