/**
 * Figures side by side in Discord: one embed per report (a category, or a weapon item), one line
 * per claim, then the verdicts, each with its mark. Sources are numbered citations ("[4]") whose
 * key is in the embed's footer, so every embed stands on its own when others are left out.
 *
 *   `A` **six** (6) · North Korean officers · as of 3 Oct 2024 · per the Ukrainian media … (+1 more) · [4][5]
 *   ❌ **Disagree** (D, E): exceeded 200 (…) and at least 100 (…) are about the same time but do not overlap.
 *
 * A message holds 6,000 characters of embeds: reports share them (small ones whole, the rest
 * evenly), a report that cannot show even one figure is left out and named, and a report too big
 * for its share shows its most relevant figures (most reported, then latest) and says how many more.
 */
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
} from 'discord.js';
import type { ArticleRef, Claim, FiguresReport, Verdict, VerdictKind } from '../engine/types.js';
import { describeAttribution, shortClaimant } from '../figures/attribution.js';
import { formatDate } from '../text/dates.js';
import { findNumbers } from '../text/numbers/index.js';
import { COLORS, embedLength, message, type ButtonIds, type DiscordReply } from './discordMessage.js';
import { DISCORD_LIMITS as LIMIT } from './discordLimits.js';
import { cut, defuseMentions, escapeCut } from './discordText.js';
import { formatPublished } from './text.js';
import { claimLetters } from './letters.js';
import { en, type Labels } from './labels.js';

export const VERDICT_MARK: Record<VerdictKind, string> = {
  disagree: '❌',
  'far apart': '⚠️',
  grew: '📈',
  'different scope': '↔️',
  consistent: '✅',
  undated: '❔',
};

/** A verdict's kind as the "Why?" reply names it, in the reader's language. */
function verdictLabel(kind: VerdictKind, labels: Labels): string | undefined {
  const names: Record<VerdictKind, string> = {
    disagree: labels.verdict.disagree,
    'far apart': labels.verdict.farApart,
    grew: labels.verdict.grew,
    'different scope': labels.verdict.differentScope,
    consistent: labels.verdict.consistent,
    undated: labels.verdict.undated,
  };
  return names[kind];
}

/** What a reader most needs to see first when not every verdict fits: conflicts, then changes, then the rest. */
export const VERDICT_ORDER: VerdictKind[] = [
  'disagree',
  'far apart',
  'grew',
  'undated',
  'different scope',
  'consistent',
];

/**
 * A verdict's kind in a compact line, and how it joins the letters of its claims: "❌ D≠E",
 * "❔ no year C–D", "✅ C=F"; the full explanations are behind the "Why?" button.
 */
function compactKinds(labels: Labels): Record<VerdictKind, { label: string; join: string }> {
  return {
    disagree: { label: '', join: '≠' },
    'far apart': { label: `${labels.compact.farApart} `, join: '–' },
    grew: { label: `${labels.compact.grew} `, join: '→' },
    undated: { label: `${labels.compact.noYear} `, join: '–' },
    'different scope': { label: `${labels.compact.otherScope} `, join: '–' },
    consistent: { label: '', join: '=' },
  };
}

/** Claims one embed lists at most: a longer list is not read, and the letters stay single. */
export const MAX_CLAIMS_PER_EMBED = 15;
/** Sources cited per claim line; the rest are counted ("+4"). */
const MAX_CITATIONS_PER_CLAIM = 3;
/** Room kept for at least one verdict when choosing how many claims to list. */
const VERDICT_ROOM = 260;
/** Citation numbers can grow by a digit between the trial and the final rendering. */
const SAFETY = 24;

export interface FiguresRenderOptions {
  /** What `/figures topic:` takes: a report that does not fit whole points there for the rest. */
  topics: readonly string[];
  /** Characters of embed text the figures may take together; default Discord's 6,000 per message. */
  budget?: number;
  /** Embeds the figures may use; default Discord's 10 per message. */
  maxEmbeds?: number;
  /** The number of the first source citation: after the passages' [1]…[n] in an answer. */
  firstCitation?: number;
  /** An article's publisher and date for the citation key; the id alone when unknown. */
  article?: (id: string) => ArticleRef | undefined;
  /** How many figures the corpus has of a report's kind, to say when a report shows only some (an answer's). */
  inCorpus?: (report: FiguresReport) => number;
  /** For one report: how many of its most relevant claims to skip (paging). */
  offset?: number;
  /** Citation numbers already given (an answer's articles, in the order it cites them): figures reuse them. */
  citations?: ReadonlyMap<string, number>;
  /** The bot's own words, in the reader's language; English by default. */
  labels?: Labels;
}

/** One report as rendered. */
export interface RenderedReport {
  report: FiguresReport;
  /** Claims listed, and the offset of the next page when more remain. */
  claims: number;
  next: number | null;
  verdicts: number;
  /** The letter of each claim listed, by id: what the compact verdicts and the "Why?" reply name. */
  labels: ReadonlyMap<string, string>;
}

export interface FiguresRendering {
  embeds: APIEmbed[];
  shown: RenderedReport[];
  /** Reports with claims that did not fit at all. */
  leftOut: FiguresReport[];
  /** True when every claim and verdict given was shown. */
  complete: boolean;
  /** Every citation number of the rendering: those given, and those of the articles the figures added. */
  citations: ReadonlyMap<string, number>;
}

/** A report's name as a reader says it: "Killed", "Weapons: shells". */
export function reportLabel(report: Pick<FiguresReport, 'category' | 'item'>): string {
  const category = report.category.charAt(0).toUpperCase() + report.category.slice(1);
  return report.item ? `${category}: ${report.item}` : category;
}

/** What `/figures topic:` takes for a report: its item when that is a topic, else its category. */
export function reportTopic(report: Pick<FiguresReport, 'category' | 'item'>, topics: readonly string[]): string {
  if (report.item && topics.includes(report.item)) return report.item;
  return topics.includes(report.category) ? report.category : 'weapons';
}

/** Article text on one line (a line break in a wording would break the table), escaped and cut. */
function line(text: string, max: number): string {
  return escapeCut(oneLine(text, max), max);
}

/** Whitespace runs as one space, trimmed; only as much of a long text as can show. */
function oneLine(text: string, max: number): string {
  return (text.length > max * 4 ? text.slice(0, max * 4) : text).replace(/\s+/g, ' ').trim();
}

/** Numbers for cited articles, shared by every embed of a message so one article has one number. */
class Citations {
  constructor(
    private next: number,
    private readonly numbers = new Map<string, number>(),
  ) {}

  number(id: string): number {
    let n = this.numbers.get(id);
    if (n === undefined) {
      n = this.next++;
      this.numbers.set(id, n);
    }
    return n;
  }

  copy(): Citations {
    return new Citations(this.next, new Map(this.numbers));
  }

  entries(): ReadonlyMap<string, number> {
    return new Map(this.numbers);
  }

  adopt(other: Citations): void {
    this.next = other.next;
    for (const [id, n] of other.numbers) this.numbers.set(id, n);
  }
}

/** The citations a rendering starts from: an answer's numbers, the next after them for new articles. */
function seeded(options: FiguresRenderOptions): Citations {
  const given = options.citations ?? new Map<string, number>();
  const next = Math.max(options.firstCitation ?? 1, ...[...given.values()].map((n) => n + 1));
  return new Citations(next, new Map(given));
}

const rankedCache = new WeakMap<FiguresReport, Claim[]>();

/** The report's claims, most relevant first: the most reported, then the latest. */
export function ranked(report: FiguresReport): Claim[] {
  let list = rankedCache.get(report);
  if (!list) {
    const dateKey = (claim: Claim) => {
      const date = claim.asOf?.date ?? '';
      // A known year beats a day without one, which beats no date at all.
      return `${/^\d{4}/.test(date) ? 2 : date ? 1 : 0}${date}${claim.asOf?.time ?? ''}`;
    };
    list = [...report.claims].sort(
      (a, b) =>
        b.articles.length - a.articles.length ||
        b.sources.length - a.sources.length ||
        (dateKey(a) < dateKey(b) ? 1 : dateKey(a) > dateKey(b) ? -1 : 0),
    );
    rankedCache.set(report, list);
  }
  return list;
}

const count = (n: number) => (Number.isFinite(n) ? n.toLocaleString('en') : String(n));

/** A figure as a reader compares it: the range its words allow ("hundrevis" → 200–999), else its value with its qualifier's mark (≈400, ≥100). */
export function normalized(claim: Pick<Claim, 'value' | 'low' | 'high' | 'qualifier'>): string {
  const { value, low, high, qualifier } = claim;
  if (low !== null && high !== null && low !== high) return `${count(low)}–${count(high)}`;
  switch (qualifier) {
    case 'about':
      return `≈${count(value)}`;
    case 'more than':
      return `>${count(value)}`;
    case 'at least':
      return `≥${count(value)}`;
    case 'nearly':
      return `≲${count(value)}`;
    case 'up to':
      return `≤${count(value)}`;
    case 'less than':
      return `<${count(value)}`;
    case 'vague':
      return high === null ? `${count(low ?? value)}+` : count(value);
    default:
      return count(value);
  }
}

function when(claim: Claim, labels: Labels): string {
  if (!claim.asOf) return labels.undated;
  const date = formatDate(claim.asOf.date, claim.asOf.precision);
  return line(`${date}${claim.asOf.time ? ` ${claim.asOf.time}` : ''}`, 40);
}

/** Who says it, by a short name ("Andrii Kovalenko"); the full description is behind "Why?". */
function who(claim: Claim, labels: Labels): string {
  if (!claim.attributedTo)
    return claim.attributions.length > 0 ? labels.sources(claim.attributions.length) : labels.unattributed;
  const others = claim.attributions.filter(
    (a) => a.claimant !== claim.attributedTo!.claimant || a.channel !== claim.attributedTo!.channel,
  ).length;
  return `${line(shortClaimant(claim.attributedTo.claimant), 60) || '?'}${others > 0 ? ` (${labels.andMore(others)})` : ''}`;
}

/**
 * The qualifier of the words shown: a figure told as "over 100" and "at least 100" is one claim with
 * the qualifier of its first telling; the line shows the lead telling's words, and marks them so (≥, not >).
 */
function shownQualifier(claim: Claim, article: FiguresRenderOptions['article']): Claim['qualifier'] {
  const from = claim.sources.find((source) => source.wording === claim.wording)?.articleId ?? claim.articles[0];
  const language = (from ? article?.(from)?.language : null) ?? 'en';
  const key = `${language}|${claim.wording}`;
  let known = qualifiers.get(claim);
  if (known?.key !== key) {
    const mention = findNumbers(oneLine(claim.wording, 60), language).find((m) => m.value === claim.value);
    known = { key, qualifier: mention?.qualifier ?? claim.qualifier };
    qualifiers.set(claim, known);
  }
  return known.qualifier;
}
// A report is rendered several times while its room is worked out: each wording is read once.
const qualifiers = new WeakMap<Claim, { key: string; qualifier: Claim['qualifier'] }>();

/** The figure's own words and their language, when they say more than its value ("Rundt 400", nb). */
function wording(claim: Claim, article: FiguresRenderOptions['article']): string {
  const words = oneLine(claim.wording, 60);
  const digits = (text: string) => text.replace(/[^\d]/g, '');
  if (!words || (/^[\d.,\s]+$/.test(words) && digits(words) === digits(String(claim.value)))) return '';
  const from = claim.sources.find((source) => source.wording === claim.wording)?.articleId ?? claim.articles[0];
  const language = from ? article?.(from)?.language : null;
  return ` · “${line(words, 60)}”${language && language !== 'en' ? ` (${line(language, 10)})` : ''}`;
}

function claimLine(
  claim: Claim,
  label: string,
  citations: Citations,
  perClaim: number,
  article: FiguresRenderOptions['article'],
  labels: Labels,
): string {
  // The value first, normalised, so that "six", "hundrevis" and "at least 100" compare at a glance.
  const figure = `**${normalized({ ...claim, qualifier: shownQualifier(claim, article) })}**${wording(claim, article)}`;
  const subject =
    !claim.subject || claim.subject === 'unspecified' ? labels.notSpecified : line(claim.subject, 60) || '?';
  const cited = claim.articles
    .slice(0, perClaim)
    .map((id) => `[${citations.number(id)}]`)
    .join('');
  const more = claim.articles.length > perClaim ? ` ${labels.andMore(claim.articles.length - perClaim)}` : '';
  return `\`${label}\` ${figure} · ${subject} · ${when(claim, labels)} · ${who(claim, labels)}${cited || more ? ` · ${cited}${more}` : ''}`;
}

/** The verdicts of the claims listed, one line per kind, by letter: "❌ D≠E", "❔ no year C–D, C–E". */
function compactVerdicts(
  verdicts: readonly Verdict[],
  labels: ReadonlyMap<string, string>,
  room: number,
  words: Labels,
): { text: string; shown: number } {
  const compact = compactKinds(words);
  const lines = new Map<VerdictKind, string[]>();
  // The length of the lines as they stand, kept as tokens are added: hundreds of verdicts stay linear.
  let length = 0;
  let shown = 0;
  for (const verdict of verdicts) {
    const kind = VERDICT_MARK[verdict.kind] ? verdict.kind : 'consistent';
    const named = verdict.claims.flatMap((id) => (labels.has(id) ? [labels.get(id)!] : []));
    // A sum (A + B = C) reads as one.
    const token =
      named.length === 3 && verdict.kind === 'consistent'
        ? `${named[0]}+${named[1]}=${named[2]}`
        : named.join(compact[kind].join);
    const list = lines.get(kind);
    const added = list
      ? 2 + token.length
      : (lines.size > 0 ? 1 : 0) + VERDICT_MARK[kind].length + 1 + compact[kind].label.length + token.length;
    if (length + added > room) break;
    length += added;
    if (list) list.push(token);
    else lines.set(kind, [token]);
    shown++;
  }
  const text = VERDICT_ORDER.filter((kind) => lines.has(kind))
    .map((kind) => `${VERDICT_MARK[kind]} ${compact[kind].label}${lines.get(kind)!.join(', ')}`)
    .join('\n');
  return { text, shown };
}

/** A verdict with its full explanation, for the "Why?" reply. */
export function verdictLine(verdict: Verdict, labels: ReadonlyMap<string, string>, words: Labels = en): string {
  const named = verdict.claims.flatMap((id) => (labels.has(id) ? [labels.get(id)!] : []));
  const mark = VERDICT_MARK[verdict.kind] ?? '•';
  const label = verdictLabel(verdict.kind, words) ?? line(String(verdict.kind), 30);
  return `${mark} **${label}**${named.length > 0 ? ` (${named.join(', ')})` : ''}: ${line(verdict.explanation, 360) || '…'}`;
}

/** The citation key, in the footer: footers show text as is, so it is only defused, never escaped. */
function legendLine(id: string, n: number, article: FiguresRenderOptions['article']): string {
  const ref = article?.(id);
  // The id is what /source takes; then who published it and when, or its title when the publisher is unknown.
  const who = ref
    ? ref.publisher
      ? cut(oneLine(ref.publisher, 60), 60)
      : ref.title
        ? `“${cut(oneLine(ref.title, 60), 60)}”`
        : ''
    : '';
  const date = ref?.published ? formatPublished(ref.published) : '';
  const about = [who, date].filter(Boolean).join(', ');
  return cut(`[${n}] ${cut(oneLine(id, 100), 100)}${about ? ` · ${oneLine(about, 100)}` : ''}`, 180);
}

function hiddenVerdictsLine(hidden: Verdict[], topic: string | null, labels: Labels): string {
  const byKind = VERDICT_ORDER.map((kind) => [kind, hidden.filter((v) => v.kind === kind).length] as const).filter(
    ([, n]) => n > 0,
  );
  const where = topic ? ` — \`/figures topic:${topic}\`` : '';
  return `${labels.moreVerdicts(hidden.length)}: ${byKind.map(([kind, n]) => `${labels.count(n)} ${VERDICT_MARK[kind]}`).join(' · ')}${where}`;
}

interface ReportContext {
  citations: Citations;
  options: FiguresRenderOptions;
  /** Paging (one report, a /figures message): the note points at the buttons rather than at /figures. */
  paged: boolean;
}

interface Attempt {
  embed: APIEmbed;
  rendered: RenderedReport;
  citations: Citations;
}

/**
 * One report within `budget` characters (title, description and footer): as many of its most
 * relevant claims as leave room for a verdict (each citing up to three sources, or one when that
 * lists more claims), then verdicts by importance while they fit, then a count of the verdicts not
 * shown by kind, which always fits. `minimal` lists one claim and no verdict. Null when not even that fits.
 */
function renderReport(report: FiguresReport, budget: number, context: ReportContext, minimal = false): Attempt | null {
  const { options, paged } = context;
  const labels = options.labels ?? en;
  const offset = Math.max(0, Math.min(options.offset ?? 0, Math.max(0, report.claims.length - 1)));
  const page = ranked(report).slice(offset, offset + MAX_CLAIMS_PER_EMBED);
  if (page.length === 0) return null;
  const total = report.claims.length;
  const corpusTotal = options.inCorpus?.(report) ?? total;
  const topic = reportTopic(report, options.topics);
  const order = new Map(report.claims.map((claim, i) => [claim.id, i]));
  const inReport = new Set(report.claims.map((claim) => claim.id));
  const counted = labels.figuresCounted(total, corpusTotal);
  const title = line(`${reportLabel(report)} — ${counted}`, LIMIT.embedTitle);
  // The count of verdicts not shown is never longer than the count of them all.
  const summaryRoom =
    report.verdicts.length > 0 ? 2 + hiddenVerdictsLine(report.verdicts, paged ? null : topic, labels).length : 0;
  const limit = Math.min(budget, LIMIT.embedsTotal);

  for (let k = minimal ? 1 : page.length; k >= 1; k--) {
    for (const perClaim of [MAX_CITATIONS_PER_CLAIM, 1]) {
      const citations = context.citations.copy();
      const shown = page.slice(0, k).sort((a, b) => order.get(a.id)! - order.get(b.id)!);
      const letters = claimLetters(shown);
      const lines = shown.map((claim) =>
        claimLine(claim, letters.get(claim.id)!, citations, perClaim, options.article, labels),
      );
      const notes: string[] = [];
      if (k < total || offset > 0) {
        const range =
          offset > 0
            ? labels.figuresRange(offset + 1, offset + k, labels.count(total))
            : labels.showing(k, labels.count(total));
        notes.push(
          `*${range}, ${labels.mostReportedFirst}${paged ? '' : ` ${labels.more}: \`/figures topic:${topic}\``}*`,
        );
      }
      if (report.compared !== undefined) notes.push(`*${labels.comparedAmong(labels.count(report.compared))}*`);
      if (corpusTotal > total)
        notes.push(`*${labels.aboutYourQuestion(labels.count(corpusTotal), `\`/figures topic:${topic}\``)}*`);
      const legendIds = [...new Set(shown.flatMap((claim) => claim.articles.slice(0, perClaim)))].sort(
        (a, b) => citations.number(a) - citations.number(b),
      );
      const footer = defuseMentions(
        legendIds.map((id) => legendLine(id, citations.number(id), options.article)).join('\n'),
      );
      const head = [...lines, ...notes].join('\n');

      // Verdicts about the claims listed: every claim of this report that a verdict names must be shown.
      const shownIds = new Set(shown.map((claim) => claim.id));
      const relevant = minimal
        ? []
        : report.verdicts.filter((v) => v.claims.every((id) => !inReport.has(id) || shownIds.has(id)));
      const longest = 24;
      // What the verdict lines may take: the description's limit and the budget, less the count's room.
      const room =
        Math.min(LIMIT.embedDescription - head.length, limit - title.length - head.length - footer.length) -
        summaryRoom;
      if (room < 0 || footer.length > LIMIT.footerText) continue;
      if (!minimal && k > 1 && relevant.length > 0 && room < Math.min(VERDICT_ROOM, 60 + longest)) continue;

      const sorted = VERDICT_ORDER.flatMap((kind) => relevant.filter((v) => v.kind === kind));
      let verdicts = '';
      let shownVerdicts = 0;
      if (!minimal) {
        const compact = compactVerdicts(sorted, letters, room - 2, labels);
        verdicts = compact.text ? `\n\n${compact.text}` : '';
        shownVerdicts = compact.shown;
      }
      let description = head + verdicts;
      if (shownVerdicts < report.verdicts.length) {
        const shownSet = new Set(sorted.slice(0, shownVerdicts));
        description += `${verdicts ? '\n' : '\n\n'}${hiddenVerdictsLine(
          report.verdicts.filter((v) => !shownSet.has(v)),
          paged ? null : topic,
          labels,
        )}`;
      }
      const next = offset + k < total ? offset + k : null;
      const embed: APIEmbed = {
        title,
        description,
        color: COLORS.figures,
        ...(footer ? { footer: { text: footer } } : {}),
      };
      return { embed, rendered: { report, claims: k, next, verdicts: shownVerdicts, labels: letters }, citations };
    }
  }
  return null;
}

/**
 * The figures as embeds within `budget` characters and `maxEmbeds` embeds. Reports share the room:
 * each first gets what it needs to show one figure, then the rest is spread evenly among those that
 * want more (small reports whole). Reports that cannot show one figure are left out, last first.
 */
export function figuresEmbeds(reports: readonly FiguresReport[], options: FiguresRenderOptions): FiguresRendering {
  const budget = Math.max(0, Math.min(options.budget ?? LIMIT.embedsTotal, LIMIT.embedsTotal));
  const maxEmbeds = Math.max(0, Math.min(options.maxEmbeds ?? LIMIT.embedsPerMessage, LIMIT.embedsPerMessage));
  const withClaims = reports.filter((report) => report.claims.length > 0);
  const candidates = withClaims.slice(0, maxEmbeds);
  const leftOut = withClaims.slice(maxEmbeds);
  const paged = options.offset !== undefined && candidates.length === 1;
  const trial = (report: FiguresReport, room: number, minimal = false) =>
    renderReport(report, room, { citations: seeded(options), options, paged }, minimal);
  const size = (attempt: Attempt | null) => (attempt ? embedLength(attempt.embed) + SAFETY : Infinity);

  let minimal = candidates.map((report) => size(trial(report, budget, true)));
  while (candidates.length > 0 && minimal.reduce((sum, n) => sum + n, 0) > budget) {
    leftOut.unshift(candidates.pop()!);
    minimal = minimal.slice(0, candidates.length);
  }
  const desired = candidates.map((report, i) => Math.max(minimal[i]!, size(trial(report, budget))));

  // Water-filling: everyone's minimum, then equal shares of what is left to those that want more.
  const share = [...minimal];
  let left = budget - share.reduce((sum, n) => sum + n, 0);
  for (;;) {
    const needy = share.flatMap((n, i) => (n < desired[i]! ? [i] : []));
    if (needy.length === 0 || left < needy.length) break;
    const each = Math.floor(left / needy.length);
    for (const i of needy) {
      const give = Math.min(each, desired[i]! - share[i]!);
      share[i]! += give;
      left -= give;
    }
  }

  const citations = seeded(options);
  const embeds: APIEmbed[] = [];
  const shown: RenderedReport[] = [];
  let carry = left;
  candidates.forEach((report, i) => {
    const room = share[i]! + carry - SAFETY;
    const attempt = renderReport(report, room, { citations, options, paged });
    if (!attempt) {
      leftOut.push(report);
      carry += share[i]!;
      return;
    }
    citations.adopt(attempt.citations);
    embeds.push(attempt.embed);
    shown.push(attempt.rendered);
    carry = Math.max(0, room - embedLength(attempt.embed)) + SAFETY;
  });
  // Keep the reports' order for those left out too.
  leftOut.sort((a, b) => withClaims.indexOf(a) - withClaims.indexOf(b));
  const complete =
    leftOut.length === 0 &&
    shown.every(
      ({ report, claims, verdicts }) => claims === report.claims.length && verdicts === report.verdicts.length,
    );
  return { embeds, shown, leftOut, complete, citations: citations.entries() };
}

/**
 * The "Why?" reply: for each report as it was shown, every verdict on the claims listed with its full
 * explanation, conflicts first, then each letter's sources described in full (once).
 */
export function whyEmbeds(shown: readonly RenderedReport[], words: Labels = en): APIEmbed[] {
  const embeds: APIEmbed[] = [];
  const budget = Math.floor(LIMIT.embedsTotal / Math.max(1, shown.length)) - 80;
  for (const { report, labels } of shown) {
    const verdicts = VERDICT_ORDER.flatMap((kind) =>
      report.verdicts.filter((v) => v.kind === kind && v.claims.every((id) => labels.has(id))),
    );
    const who = report.claims
      .filter((claim) => labels.has(claim.id) && claim.attributions.length > 0)
      .map((claim) => {
        const lead = claim.attributedTo ?? claim.attributions[0]!;
        const others = claim.attributions.filter(
          (a) => a !== lead && describeAttribution(a) !== describeAttribution(lead),
        );
        return `\`${labels.get(claim.id)}\` ${line(describeAttribution(lead), 200)}${
          others.length > 0 ? `; ${words.also} ${others.map((a) => line(describeAttribution(a), 100)).join('; ')}` : ''
        }`;
      });
    const title = words.whyTitle(reportLabel(report));
    const room = Math.min(LIMIT.embedDescription, budget - title.length);
    let description = '';
    for (const text of [
      ...verdicts.map((v) => verdictLine(v, labels, words)),
      ...(who.length > 0 ? ['', `**${words.whoSaysSo}**`, ...who] : []),
    ]) {
      const next = description ? `${description}\n${text}` : text;
      if (next.length > room) {
        description = `${description}\n…`;
        break;
      }
      description = next;
    }
    embeds.push({
      title: line(title, LIMIT.embedTitle),
      description: description || words.noVerdicts,
      color: COLORS.figures,
    });
  }
  return embeds;
}

export interface FiguresReplyOptions extends Pick<FiguresRenderOptions, 'article' | 'inCorpus' | 'topics' | 'labels'> {
  /** The ids of the paging and topic buttons, as the Discord face wires them. */
  buttons: Pick<ButtonIds, 'figuresOf' | 'figuresPage' | 'figuresWhy'>;
  /** The topic asked for (/figures topic:…); none for every topic. */
  topic?: string;
  /** One report: the claims to skip, for paging. */
  offset?: number;
  /** A line above the embeds ("Figures for “how many killed”"), already safe to show. */
  heading?: string;
}

const button = (label: string, customId: string, disabled = false): APIButtonComponent => ({
  type: ComponentType.Button,
  style: ButtonStyle.Secondary,
  label: cut(defuseMentions(oneLine(label, LIMIT.buttonLabel)), LIMIT.buttonLabel) || '…',
  custom_id: customId,
  ...(disabled ? { disabled } : {}),
});

/** The figures of a /figures reply as rendered: one topic from its page, or every report. */
function replyRendering(
  withClaims: FiguresReport[],
  options: Omit<FiguresReplyOptions, 'buttons'>,
): { rendering: FiguresRendering; single: boolean } {
  const topic = options.topic?.trim().toLowerCase() || undefined;
  const single = withClaims.length === 1 && topic !== undefined;
  const rendering = figuresEmbeds(withClaims, {
    article: options.article,
    inCorpus: options.inCorpus,
    topics: options.topics,
    ...(options.labels ? { labels: options.labels } : {}),
    ...(single ? { offset: Math.max(0, Math.trunc(options.offset ?? 0)) } : {}),
  });
  return { rendering, single };
}

/** The "Why?" reply of a /figures message: its verdicts in full, by the letters that message shows. */
export function renderFiguresWhyForDiscord(
  reports: readonly FiguresReport[],
  options: Omit<FiguresReplyOptions, 'buttons'>,
): DiscordReply {
  const { rendering } = replyRendering(
    reports.filter((report) => report.claims.length > 0),
    options,
  );
  return message(whyEmbeds(rendering.shown, options.labels));
}

/**
 * The reply to /figures: every report, or those of one topic. One report pages through its claims
 * (most relevant first) with Previous/Next; several reports that do not all fit are named, with the
 * command that shows each and a button for up to five of them.
 */
export function renderFiguresForDiscord(reports: readonly FiguresReport[], options: FiguresReplyOptions): DiscordReply {
  const withClaims = reports.filter((report) => report.claims.length > 0);
  const topic = options.topic?.trim().toLowerCase() || undefined;
  const { topics, buttons: ids } = options;
  const labels = options.labels ?? en;
  const heading = options.heading ? `${options.heading}\n` : '';
  if (withClaims.length === 0) {
    const what = topic ? labels.noFiguresAbout(line(topic, 100)) : labels.noFiguresYet;
    return message(
      [
        {
          title: labels.figuresSideBySide,
          description: `${what}\n${labels.topicsList}: ${topics.map((t) => `\`${t}\``).join(', ')}`,
          color: COLORS.none,
        },
      ],
      [],
      heading.trim() || undefined,
    );
  }

  const { rendering, single } = replyRendering(withClaims, options);
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  let content = heading;
  if (single && topic !== undefined && rendering.shown[0]) {
    const [{ report, claims, next }] = rendering.shown as [RenderedReport];
    const offset = Math.max(0, Math.min(Math.trunc(options.offset ?? 0), report.claims.length - 1));
    const id = (at: number) => ids.figuresPage(topic, at);
    if (offset > 0 || next !== null) {
      const previous = Math.max(0, offset - Math.max(claims, MAX_CLAIMS_PER_EMBED));
      // Distinct ids even when disabled: Previous points before `offset`, More at or after it.
      const [back, forward] = [id(previous), id(next ?? offset)];
      if (forward.length <= LIMIT.customId) {
        rows.push({
          type: ComponentType.ActionRow,
          components: [
            button(labels.previousFigures, back, offset === 0),
            button(labels.moreFigures, forward, next === null),
          ],
        });
      }
    }
    // The verdicts in full, for the clicker alone.
    const why = ids.figuresWhy(topic, offset);
    if (report.verdicts.length > 0 && why.length <= LIMIT.customId) {
      const row = rows[0] ?? { type: ComponentType.ActionRow, components: [] };
      row.components.push(button(labels.why, why));
      if (rows.length === 0) rows.push(row);
    }
  }
  if (rendering.leftOut.length > 0) {
    const pointers = [...new Set(rendering.leftOut.map((report) => reportTopic(report, topics)))];
    const names = rendering.leftOut.map((report) => line(reportLabel(report).toLowerCase(), 60)).join(', ');
    content += `${labels.leftOutForSpace}: ${names}. ${labels.seeEachWith} ${pointers.map((t) => `\`/figures topic:${t}\``).join(', ')}${pointers.length <= 5 ? ` ${labels.orTheButtonsBelow}` : ''}.`;
    const buttons = new Map<string, APIButtonComponent>();
    for (const report of rendering.leftOut) {
      const id = ids.figuresOf(report.item ?? report.category);
      if (id.length <= LIMIT.customId && buttons.size < 5 && !buttons.has(id))
        buttons.set(id, button(reportLabel(report), id));
    }
    if (buttons.size > 0) rows.push({ type: ComponentType.ActionRow, components: [...buttons.values()] });
  }
  return message(rendering.embeds, rows, content.trim() || undefined);
}
