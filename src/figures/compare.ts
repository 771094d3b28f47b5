/**
 * Figures side by side: the same figure reported twice counted once, claims grouped by what they
 * count, and a verdict on each pair that matters — do the sources really disagree, or do they only
 * differ in date or in what they count?
 */
import type { AsOf, Attribution, Claim, ClaimSource, FiguresReport, Verdict } from '../model/claim.js';
import type { FigureCategory } from '../model/categories.js';
import { describeAttribution } from './attribution.js';
import { perRegistry } from '../languages/index.js';
import { categoryByName, categoryNames, figureCategories } from '../model/categories.js';
import { compareDates, formatDate } from '../text/dates.js';
import { wordRegExp } from '../text/wordBoundary.js';

/** Two dates closer than this are the same period for comparing figures. */
const SAME_PERIOD_DAYS = 14;
/** Figures further apart than this are not one count over time: "over 17,000 died in 1999" is another quake. */
const ANOTHER_TIME_DAYS = 365;

/**
 * Counts each figure once: claims with the same category, item and value (both exact-ish or both
 * vague: "hundreds" is not "more than 200"), of a compatible scope
 * and not dated far apart, are one claim with all their sources ("about 1,000 injured" told three
 * times in one article, "six officers" by two outlets).
 */
export function mergeClaims(claims: readonly Claim[]): Claim[] {
  const merging = mergingClaims(claims);
  for (;;) {
    const step = merging.next();
    if (step.done) return step.value;
  }
}

/** Claims merged between two pauses of {@link mergingClaims}: some 10 ms. */
const MERGE_SLICE = 2000;

/**
 * {@link mergeClaims} as work in slices: it pauses (yields) every few thousand claims, so that an
 * engine merging the claims of a large corpus anew (a reload) lets the event loop through.
 */
export function* mergingClaims(claims: readonly Claim[]): Generator<void, Claim[]> {
  let sincePause = 0;
  const merged: Claim[] = [];
  // Only claims with the same category, item, value and kind of wording can merge: look among those
  // alone, so merging stays linear in a corpus of tens of thousands of figures.
  const buckets = new Map<string, Claim[]>();
  for (const claim of claims) {
    const key = `${claim.category}|${claim.item}|${claim.value}|${claim.qualifier === 'vague'}`;
    const bucket = buckets.get(key) ?? [];
    const same = bucket.find((other) => compatibleClaims(other, claim) && !datedApart(other, claim));
    if (same) {
      absorb(same, claim);
    } else {
      const copy = {
        ...claim,
        sources: [...claim.sources],
        attributions: [...claim.attributions],
        articles: [...claim.articles],
      };
      merged.push(copy);
      bucket.push(copy);
      buckets.set(key, bucket);
    }
    if (++sincePause === MERGE_SLICE) {
      sincePause = 0;
      yield;
    }
  }
  for (const claim of merged) {
    settle(claim);
    if (++sincePause === MERGE_SLICE) {
      sincePause = 0;
      yield;
    }
  }
  return merged;
}

function absorb(into: Claim, claim: Claim): void {
  into.sources.push(...claim.sources);
  for (const id of claim.articles) if (!into.articles.includes(id)) into.articles.push(id);
  for (const attribution of claim.attributions) {
    if (
      !into.attributions.some(
        (known) => known.claimant === attribution.claimant && known.channel === attribution.channel,
      )
    ) {
      into.attributions.push(attribution);
    }
  }
  // "13 dead" told again as "13 people": the merged claim says who, and whose, when any source does.
  const into_ = parseScope(into.scope);
  const other = parseScope(claim.scope);
  if (into_.base === 'unspecified' && other.base !== 'unspecified') {
    into.scope = claim.scope;
    into.subject = claim.subject;
  } else if (!into_.nation && other.nation && into_.base === other.base) {
    into.scope = claim.scope;
    into.subject = claim.subject;
  }
}

/**
 * Picks what a merged claim shows: one telling, whose date, claimant and words go together — never
 * a year from one article with a month or a claimant from another. The telling that dates the
 * figure best leads (a known year beats none, since only a full date can be compared; then a date
 * stated with the figure beats one carried from context, which beats the article's date), then the
 * one that names its speaker most fully (one with a channel, then any named one); among equals, a
 * live-blog entry's stamp beats none, and the first entry to give the figure wins.
 */
function settle(claim: Claim): void {
  const lead = [...claim.sources].sort(
    (a, b) =>
      dateRank(b) - dateRank(a) ||
      attributionRank(b.attributedTo) - attributionRank(a.attributedTo) ||
      compareTimes(a, b),
  )[0]!;
  claim.attributedTo = lead.attributedTo;
  claim.quote = lead.quote;
  claim.wording = lead.wording;
  claim.asOf = lead.asOf;
  // The qualifier goes with the words: "approximately 11,000" merged with "11,000" is about 11,000
  // where it was said so; the merged claim shows the range its tellings span together.
  if (lead.qualifier !== undefined) {
    claim.qualifier = lead.qualifier;
    claim.low = lead.low ?? null;
    claim.high = lead.high ?? null;
  }
  const told = claim.sources.filter((source) => source.qualifier !== undefined);
  if (new Set(told.map((source) => source.qualifier)).size > 1) {
    const ranges = told.map((source) =>
      plausibleRange({
        value: claim.value,
        low: source.low ?? null,
        high: source.high ?? null,
        qualifier: source.qualifier!,
      }),
    );
    claim.span = {
      low: Math.round(Math.min(...ranges.map((range) => range[0]))),
      high: Math.round(Math.max(...ranges.map((range) => range[1]))),
    };
  }
}

const basisRank = { sentence: 3, context: 2, published: 1 } as const;

function dateRank(source: ClaimSource): number {
  if (!source.asOf || !source.asOfBasis) return 0;
  return (source.asOf.date.startsWith('--') ? 0 : 4) + basisRank[source.asOfBasis];
}

function compareTimes(a: ClaimSource, b: ClaimSource): number {
  const time = (source: ClaimSource) => source.asOf?.time ?? '~';
  return time(a) < time(b) ? -1 : time(a) > time(b) ? 1 : 0;
}

function attributionRank(attribution: Attribution | null): number {
  if (!attribution) return 0;
  return 1 + (attribution.channel ? 2 : 0) + (attribution.claimant.split(/\s+/).length > 1 ? 1 : 0);
}

/** A scope's parts: what was counted (`troops`, `more:troops`, `other:…`, `unspecified`) and whose (`north-korean`). */
function parseScope(scope: string): { base: string; nation: string | null } {
  let parsed = parsedScopes.get(scope);
  if (!parsed) {
    const at = scope.lastIndexOf('@');
    parsed = at < 0 ? { base: scope, nation: null } : { base: scope.slice(0, at), nation: scope.slice(at + 1) };
    parsedScopes.set(scope, parsed);
  }
  return parsed;
}
const parsedScopes = new Map<string, { base: string; nation: string | null }>();

/** The scope prefixes of figures that are no plain count: `per-day:`, `projection:`, `transferred:` (see claims.ts). */
const KIND_PREFIX = /^(?:(?:per-\w+|projection|transferred):)+/;

/**
 * Whether two claims may count the same thing: the same thing or one left unspecified, and the
 * same nation or one left unsaid (Ukrainian servicemen are not North Korean soldiers; "100
 * soldiers" in an article about North Koreans may well be them).
 */
export function compatibleScope(a: string, b: string): boolean {
  // A rate, a forecast or people moved elsewhere are compared only with their own kind, even unspecified.
  const kindA = KIND_PREFIX.exec(a)?.[0] ?? '';
  const kindB = KIND_PREFIX.exec(b)?.[0] ?? '';
  if (kindA !== kindB) return false;
  const x = parseScope(a.slice(kindA.length));
  const y = parseScope(b.slice(kindB.length));
  const bases = x.base === y.base || x.base === 'unspecified' || y.base === 'unspecified';
  const nations = x.nation === null || y.nation === null || x.nation === y.nation;
  return bases && nations;
}

/**
 * Whether two claims may count the same thing: compatible scopes (a rate, a forecast or a part has
 * a scope of its own), and not one incident against a cumulative toll ("the strike killed 20" is
 * not "4,000 killed so far").
 */
export function compatibleClaims(a: Claim, b: Claim): boolean {
  if (!compatibleScope(a.scope, b.scope)) return false;
  return a.incident === undefined || b.incident === undefined || a.incident === b.incident;
}

/** Two alternatives offered in one sentence ("1 million shells, or perhaps 2 million"). */
function alternatives(a: Claim, b: Claim): boolean {
  return (
    a.alternative === true &&
    b.alternative === true &&
    a.sources.some((x) => b.sources.some((y) => x.articleId === y.articleId && x.start === y.start))
  );
}

function datedApart(a: Claim, b: Claim): boolean {
  const days = daysBetween(a.asOf, b.asOf);
  return days !== null && days > 31;
}

/** Days between two dates when both have a known year; null when that cannot be said. */
function daysBetween(a: AsOf | null, b: AsOf | null): number | null {
  if (!a || !b || a.date.startsWith('--') || b.date.startsWith('--')) return null;
  return Math.abs(dayOf(a) - dayOf(b));
}

// Reports compare every pair of a category: what can be worked out per claim is worked out once.
const days = new WeakMap<AsOf, number>();
function dayOf(asOf: AsOf): number {
  let day = days.get(asOf);
  if (day === undefined) {
    const { date } = asOf;
    day = Date.parse(date.length === 4 ? `${date}-07-01` : date.length === 7 ? `${date}-15` : date) / 86_400_000;
    days.set(asOf, day);
  }
  return day;
}

/**
 * The range a figure's words allow, for comparison. Open bounds are closed with a reading of news
 * usage, not of the text: "at least 100" or "more than 100" is read as up to 1.5 times 100 (a
 * source meaning "several hundred" says so); "about" as ±10%; "up to", "less than" as up to the figure.
 * Two figures of one time whose readings miss each other while their words ({@link statedRange})
 * meet are "far apart"; only when the words themselves cannot both be true do they "disagree".
 */
const ranges = new WeakMap<object, [number, number]>();
export function plausibleRange(claim: Pick<Claim, 'value' | 'low' | 'high' | 'qualifier'>): [number, number] {
  let range = ranges.get(claim);
  if (!range) {
    range = rangeOf(claim);
    ranges.set(claim, range);
  }
  return range;
}

function rangeOf(claim: Pick<Claim, 'value' | 'low' | 'high' | 'qualifier'>): [number, number] {
  const { value, low, high, qualifier } = claim;
  switch (qualifier) {
    case 'at least':
    case 'more than':
      return [low ?? value, (low ?? value) * 1.5];
    case 'about':
      return low !== null && high !== null && low !== high ? [low * 0.9, high * 1.1] : [value * 0.9, value * 1.1];
    case 'nearly':
      return [value * 0.85, value];
    case 'up to':
    case 'less than':
      return [0, high ?? value];
    default:
      return [low ?? value, high ?? value];
  }
}

/**
 * The range the words themselves allow, with no reading of usage: "at least 100" and "more than
 * 100" are open above (several hundred is at least 100), "about" is ±10%, "nearly" up to 15% under.
 * Two figures whose stated ranges meet can both be true: they are "far apart", never "disagree".
 */
export function statedRange(claim: Pick<Claim, 'value' | 'low' | 'high' | 'qualifier'>): [number, number] {
  const { value, low, high, qualifier } = claim;
  if (qualifier === 'at least' || qualifier === 'more than') return [low ?? value, Infinity];
  if (qualifier === 'vague' && high === null) return [low ?? value, Infinity];
  return plausibleRange(claim);
}

/** A figure's estimate as a reader compares it: the range its words give ("200–900"), else its value. */
function estimate(claim: Claim): string {
  const { value, low, high } = claim;
  const n = (x: number) => x.toLocaleString('en');
  return low !== null && high !== null && low !== high ? `${n(low)}–${n(high)}` : n(value);
}

function overlaps(a: [number, number], b: [number, number]): boolean {
  return a[0] <= b[1] && b[0] <= a[1];
}

type PeriodRelation = 'same' | 'before' | 'after' | 'unknown';

/**
 * Whether two claims speak of the same time. Claims of one article with no dates of their own share
 * the article's moment; dated claims compare their dates; anything else cannot be ordered.
 */
function period(a: Claim, b: Claim): PeriodRelation {
  const days = daysBetween(a.asOf, b.asOf);
  // "Earlier on Monday, officials had put the death toll at 16": older than the article's other figures of that day.
  const shared = a.articles.find((id) => b.articles.includes(id));
  if (shared && a.asOf?.date === b.asOf?.date && toldAsEarlier(a, shared) !== toldAsEarlier(b, shared)) {
    return toldAsEarlier(a, shared) ? 'before' : 'after';
  }
  if (days !== null) {
    // Entries of a live blog on one day: their stamps order them ("9 killed" at 09:20, "13" at 18:47).
    const [x, y] = [a.asOf!, b.asOf!];
    if (x.date === y.date && x.time && y.time && x.time !== y.time) return x.time < y.time ? 'before' : 'after';
    // One article or one source on two days: an update ("over 200 injured" Thursday, "312" Friday).
    // Two sources a day apart are rather two views of the same time.
    const oneVoice =
      shared !== undefined || a.attributions.some((p) => b.attributions.some((q) => p.claimant === q.claimant));
    if (days > 0 && days <= SAME_PERIOD_DAYS && x.date.length === 10 && y.date.length === 10 && oneVoice)
      return x.date < y.date ? 'before' : 'after';
    if (days <= SAME_PERIOD_DAYS) return 'same';
    return compareDates(a.asOf!.date, b.asOf!.date) < 0 ? 'before' : 'after';
  }
  const sameArticle = a.articles.some((id) => b.articles.includes(id));
  if (a.asOf && b.asOf && a.asOf.date === b.asOf.date) return 'same';
  // Without a year, February may come before or after August: only the same month is the same time.
  if (a.asOf && b.asOf && a.asOf.date.startsWith('--') && b.asOf.date.startsWith('--')) {
    return sameArticle && a.asOf.date.slice(0, 4) === b.asOf.date.slice(0, 4) ? 'same' : 'unknown';
  }
  if (sameArticle) return 'same';
  return 'unknown';
}

/** A sentence that opens by placing itself before the rest of the day: "Earlier on Monday, …", "Tidligere mandag …". */
const earlier = perRegistry((all) =>
  wordRegExp(`^(?:${[...new Set(all.flatMap((module) => module.claims.earlier))].join('|')})\\b`, 'i'),
);

function toldAsEarlier(claim: Claim, articleId: string): boolean {
  const here = claim.sources.filter((source) => source.articleId === articleId);
  const opensWithEarlier = earlier();
  return here.length > 0 && here.every((source) => opensWithEarlier.test(source.quote));
}

/** Whether two claims speak of the same period, whatever their order within it. */
function closeInTime(a: Claim, b: Claim): boolean {
  const days = daysBetween(a.asOf, b.asOf);
  return days !== null ? days <= SAME_PERIOD_DAYS : period(a, b) === 'same';
}

/** Builds the side-by-side report for one category (all categories when none is given). */
export function compareFigures(claims: readonly Claim[], category?: FigureCategory): FiguresReport[] {
  const categories = category ? [category] : categoryNames();
  const reports: FiguresReport[] = [];
  for (const wanted of categories) {
    const ofCategory = claims.filter((claim) => claim.category === wanted);
    const items = categoryByName(wanted)?.items ? [...new Set(ofCategory.map((claim) => claim.item))] : [null];
    for (const item of items) {
      const group = ofCategory.filter((claim) => claim.item === item).sort(byDate);
      if (group.length === 0 && category === undefined) continue;
      reports.push({
        category: wanted,
        item,
        claims: group,
        verdicts: [...pairVerdicts(group), ...sumVerdicts(group, claims)],
      });
    }
  }
  return reports;
}

function byDate(a: Claim, b: Claim): number {
  if (a.asOf && b.asOf)
    return (
      compareDates(a.asOf.date, b.asOf.date) ||
      (a.asOf.time ?? '').localeCompare(b.asOf.time ?? '') ||
      a.value - b.value
    );
  if (a.asOf || b.asOf) return a.asOf ? -1 : 1;
  return a.value - b.value;
}

/**
 * The pairs that matter: within one scope, every pair about the same period (do they agree?) and
 * each claim with the one before it in time (did it grow?); across scopes, one pair per pair of
 * scopes, to say they count different things.
 */
function pairVerdicts(group: Claim[]): Verdict[] {
  const verdicts: Verdict[] = [];
  const scopesSeen = new Set<string>();
  for (let j = 0; j < group.length; j++) {
    let comparedWithEarlier = false;
    for (let i = j - 1; i >= 0; i--) {
      const a = group[i]!;
      const b = group[j]!;
      if (alternatives(a, b)) continue;
      if (!compatibleClaims(a, b)) {
        // Once per pair of scopes, whenever they stand side by side: they are not to be compared.
        const key = a.scope < b.scope ? `${a.scope}|${b.scope}` : `${b.scope}|${a.scope}`;
        if (!scopesSeen.has(key)) {
          scopesSeen.add(key);
          verdicts.push({
            kind: 'different scope',
            claims: [a.id, b.id],
            explanation: compatibleScope(a.scope, b.scope)
              ? `${figure(a)} ${a.incident ? 'counts one incident' : 'is a cumulative toll'}; ${figure(b)} ${b.incident ? 'counts one incident' : 'is a cumulative toll'}: not the same thing.`
              : `${figure(a)} counts ${a.subject}; ${figure(b)} counts ${b.subject}: not the same thing.`,
          });
        }
        continue;
      }
      const relation = period(a, b);
      const apart = !overlaps(plausibleRange(a), plausibleRange(b));
      if (relation === 'same') {
        verdicts.push(
          !apart
            ? { kind: 'consistent', claims: [a.id, b.id], explanation: `${cited(a)} and ${cited(b)} agree.` }
            : overlaps(statedRange(a), statedRange(b))
              ? {
                  kind: 'far apart',
                  claims: [a.id, b.id],
                  explanation: `${cited(a)} and ${cited(b)} are about the same time; their words can both be true, but the estimates are far apart (${estimate(a)} vs ${estimate(b)}).`,
                }
              : {
                  kind: 'disagree',
                  claims: [a.id, b.id],
                  explanation: `${cited(a)} and ${cited(b)} are about the same time but do not overlap.`,
                },
        );
        continue;
      }
      if (comparedWithEarlier) continue;
      comparedWithEarlier = true;
      const [earlier, later] = relation === 'after' ? [b, a] : [a, b];
      const gap = daysBetween(a.asOf, b.asOf);
      if (gap !== null && gap > ANOTHER_TIME_DAYS) continue;
      // "at least 35" and, a day later, 51: the toll rose past what was stated, though the two overlap.
      const openEnded = earlier.qualifier === 'at least' || earlier.qualifier === 'more than';
      if (relation !== 'unknown' && openEnded && plausibleRange(later)[0] > earlier.value) {
        verdicts.push({
          kind: 'grew',
          claims: [earlier.id, later.id],
          explanation: `From ${figure(earlier)} (${when(earlier)}) to ${figure(later)} (${when(later)}): later and higher, as time passed.`,
        });
        continue;
      }
      if (relation === 'unknown') {
        if (apart)
          verdicts.push({
            kind: 'undated',
            claims: [a.id, b.id],
            explanation: overlaps(statedRange(a), statedRange(b))
              ? `${cited(a)} and ${cited(b)} can both be true but are far apart (${estimate(a)} vs ${estimate(b)}); ${undatedReason(a, b)}, so it cannot be told whether time passed.`
              : `${cited(a)} and ${cited(b)} differ, but ${undatedReason(a, b)}, so it cannot be told whether time passed or they disagree.`,
          });
        else
          verdicts.push({
            kind: 'consistent',
            claims: [a.id, b.id],
            explanation: `${cited(a)} and ${cited(b)} agree.`,
          });
      } else if (!apart) {
        verdicts.push({
          kind: 'consistent',
          claims: [earlier.id, later.id],
          explanation: `${cited(earlier)} and, later, ${cited(later)} agree.`,
        });
      } else if (plausibleRange(later)[0] > plausibleRange(earlier)[1]) {
        verdicts.push({
          kind: 'grew',
          claims: [earlier.id, later.id],
          explanation: `From ${figure(earlier)} (${when(earlier)}) to ${figure(later)} (${when(later)}): later and higher, as time passed.`,
        });
      } else {
        verdicts.push({
          kind: 'disagree',
          claims: [earlier.id, later.id],
          explanation: `${cited(later)} is lower than the earlier ${cited(earlier)}: a correction or a real disagreement.`,
        });
      }
    }
  }
  return verdicts;
}

/**
 * Killed plus injured that add up to a casualty figure of the same time: parts of one whole. The
 * parts must be given together (in one sentence, or by one source): one source's dead and another's
 * wounded add up to nothing anyone said.
 */
function sumVerdicts(group: Claim[], all: readonly Claim[]): Verdict[] {
  const verdicts: Verdict[] = [];
  for (const whole of figureCategories()) {
    if (whole.sumOf?.length !== 2) continue;
    const [first, second] = whole.sumOf as [string, string];
    for (const total of group.filter((claim) => claim.category === whole.name)) {
      const [low, high] = plausibleRange(total);
      const near = (claim: Claim) => closeInTime(claim, total) && compatibleClaims(claim, total);
      for (const a of all.filter((claim) => claim.category === first && near(claim))) {
        for (const b of all.filter(
          (claim) => claim.category === second && near(claim) && closeInTime(claim, a) && givenTogether(a, claim),
        )) {
          const sum = a.value + b.value;
          if (sum >= low && sum <= high) {
            verdicts.push({
              kind: 'consistent',
              claims: [a.id, b.id, total.id],
              explanation: `${figure(a)} ${first} + ${figure(b)} ${second} = ${sum.toLocaleString('en')}, in line with ${figure(total)} ${first} or ${second}.`,
            });
          }
        }
      }
    }
  }
  return verdicts;
}

function givenTogether(a: Claim, b: Claim): boolean {
  const sameSentence = a.sources.some((x) => b.sources.some((y) => x.articleId === y.articleId && x.start === y.start));
  const sameSource = a.attributions.some((x) => b.attributions.some((y) => x.claimant === y.claimant));
  return sameSentence || sameSource;
}

function figure(claim: Claim): string {
  return claim.wording;
}

const citations = new WeakMap<Claim, string>();
function cited(claim: Claim): string {
  let text = citations.get(claim);
  if (text === undefined) {
    text = citation(claim);
    citations.set(claim, text);
  }
  return text;
}

function citation(claim: Claim): string {
  return `${claim.wording} (${claim.attributedTo ? describeAttribution(claim.attributedTo) : 'unattributed'}${claim.asOf ? `, ${when(claim)}` : ''})`;
}

function when(claim: Claim): string {
  return claim.asOf
    ? `${formatDate(claim.asOf.date, claim.asOf.precision)}${claim.asOf.time ? ` ${claim.asOf.time}` : ''}`
    : 'date unknown';
}

function undatedReason(a: Claim, b: Claim): string {
  const missing = [a, b].filter((claim) => !claim.asOf || claim.asOf.date.startsWith('--'));
  return missing.length === 2 ? 'neither gives a full date' : `${missing[0]!.wording} gives no full date`;
}
