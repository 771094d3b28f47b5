/**
 * The watch channel's announcement of a corpus change: one message per reload, one embed per
 * article that came in or changed — its title linked to the article, who published it and when,
 * its figures, and the verdicts they make with the figures already there, conflicts first:
 *
 *   New: Seoul raises toll of North Koreans killed in Russia            (links to the article)
 *   Harbour Wire · 4 Sep 2025 · en · `added/nis-september`
 *
 *   • Killed **≥2,000** · North Korean soldiers · 4 Sep 2025 · NIS
 *
 *   ❌ **disagrees**: **≥2,000** (4 Sep 2025) vs **≈600** (4 Sep 2025, Yonhap) [1]
 *   📈 **grew**: **≈600** (30 Apr 2025, NIS) [1] → **≥2,000** (4 Sep 2025)
 *   [1] 002_e6e5478af83b0f24 · Yonhap, 2025-04-30                        (the footer)
 *
 * Figures of the new article are shown by value and date; those already there also by who says
 * so and a citation keyed in the footer. Within Discord's limits however many articles came in:
 * articles share the 6,000 characters, what does not fit is counted ("+3 more figures", "+12
 * more articles" with their ids), never dropped silently.
 */
import type { APIEmbed } from 'discord.js';
import type { ArticleChange, CorpusChanges } from '../engine/articleChanges.js';
import type { ArticleRef, Claim, VerdictKind } from '../engine/types.js';
import { shortClaimant } from '../figures/attribution.js';
import { formatDate } from '../text/dates.js';
import { plural } from '../text/plural.js';
import { normalized, reportLabel, VERDICT_MARK } from './discordFigures.js';
import { DISCORD_LIMITS as LIMIT } from './discordLimits.js';
import { COLORS, embedLength, message, type DiscordReply } from './discordMessage.js';
import { cut, defuseMentions, escapeCut, safeUrl } from './discordText.js';

/** How each kind of verdict reads, and what joins its figures. */
const VERDICT_WORDS: Record<VerdictKind, { label: string; join: string }> = {
  disagree: { label: 'disagrees', join: ' vs ' },
  'far apart': { label: 'far apart', join: ' vs ' },
  grew: { label: 'grew', join: ' → ' },
  undated: { label: 'no year to order them', join: ' vs ' },
  'different scope': { label: 'another scope', join: ' vs ' },
  consistent: { label: 'agrees', join: ' = ' },
};

/** Articles cited for one figure already there; the rest are counted. */
const MAX_CITED = 2;
/** Figures and verdicts an article's embed lists at most: the rest are counted. */
const MAX_LINES = 25;
/** Room kept in each embed for the note that counts what was left out. */
const NOTE_ROOM = 80;
/** Lengths can grow by a few characters between the trial and the final rendering. */
const SAFETY = 16;

/** Article text on one line, escaped and cut. */
function line(text: string, max: number): string {
  return escapeCut((text.length > max * 4 ? text.slice(0, max * 4) : text).replace(/\s+/g, ' ').trim(), max);
}

function when(claim: Claim): string {
  if (!claim.asOf) return 'undated';
  return line(
    `${formatDate(claim.asOf.date, claim.asOf.precision)}${claim.asOf.time ? ` ${claim.asOf.time}` : ''}`,
    40,
  );
}

function who(claim: Claim): string | null {
  return claim.attributedTo ? line(shortClaimant(claim.attributedTo.claimant), 50) || null : null;
}

function published(ref: ArticleRef): string {
  if (!ref.published) return 'date unknown';
  const day = ref.published.slice(0, 10);
  const precision = /^\d{4}-\d{2}-\d{2}$/.test(day) ? 'day' : /^\d{4}-\d{2}$/.test(day) ? 'month' : 'year';
  return line(formatDate(day, precision), 40);
}

/** Citation numbers within one embed, keyed in its footer. */
class Citations {
  readonly numbers = new Map<string, number>();
  number(id: string): number {
    let n = this.numbers.get(id);
    if (n === undefined) {
      n = this.numbers.size + 1;
      this.numbers.set(id, n);
    }
    return n;
  }
}

/** The citation key line of one article: its id (what /source takes), publisher and date. */
function legendLine(id: string, n: number, refs: CorpusChanges['refs']): string {
  const ref = refs.get(id);
  const about = ref
    ? [
        ref.publisher ?? (ref.title ? `“${cut(ref.title.replace(/\s+/g, ' '), 60)}”` : ''),
        ref.published?.slice(0, 10) ?? '',
      ]
        .filter(Boolean)
        .join(', ')
    : '';
  return cut(
    `[${n}] ${cut(id.replace(/\s+/g, ' '), 100)}${about ? ` · ${cut(about.replace(/\s+/g, ' '), 100)}` : ''}`,
    180,
  );
}

interface Rendered {
  embed: APIEmbed;
  figures: number;
  verdicts: number;
}

/**
 * One article's embed within `budget` characters: its header always; then its figures, then its
 * verdicts, while they fit; then a note counting what did not. `minimal`: the header and the count.
 */
function renderArticle(
  change: ArticleChange,
  announced: ReadonlySet<string>,
  refs: CorpusChanges['refs'],
  budget: number,
  minimal = false,
): Rendered {
  const { article } = change;
  const title = line(
    `${change.status === 'added' ? 'New' : 'Changed'}: ${article.title || article.id}`,
    LIMIT.embedTitle,
  );
  const header = [
    article.publisher ? line(article.publisher, 80) : 'Publisher unknown',
    published(article),
    ...(article.language ? [line(article.language, 10)] : []),
    codeId(article.id),
  ].join(' · ');
  const url = safeUrl(article.url);
  const citations = new Citations();
  const mine = (claim: Claim) => claim.sources.some((source) => announced.has(source.articleId));
  const cite = (claim: Claim) => {
    const others = claim.articles.filter((id) => !announced.has(id));
    if (others.length === 0) return '';
    const cited = others.slice(0, MAX_CITED).map((id) => `[${citations.number(id)}]`);
    return ` ${cited.join('')}${others.length > MAX_CITED ? ` +${others.length - MAX_CITED} more` : ''}`;
  };
  const figureLine = (claim: Claim) => {
    const parts = [`• ${reportLabel(claim)} **${normalized(claim)}**`, subject(claim), when(claim)];
    const by = who(claim);
    if (by) parts.push(by);
    const also = change.repeated.has(claim.id) ? cite(claim) : '';
    return `${parts.join(' · ')}${also ? ` · also told by${also}` : ''}`;
  };
  const described = (claim: Claim, withSubject: boolean) => {
    const about = withSubject ? ` ${subject(claim)}` : '';
    if (mine(claim)) return `**${normalized(claim)}**${about} (${when(claim)})`;
    const by = who(claim);
    return `**${normalized(claim)}**${about} (${when(claim)}${by ? `, ${by}` : ''})${cite(claim)}`;
  };
  const verdictLine = ({ verdict, claims }: ArticleChange['verdicts'][number]) => {
    const words = VERDICT_WORDS[verdict.kind] ?? { label: line(String(verdict.kind), 30), join: ' vs ' };
    const scoped = verdict.kind === 'different scope';
    // Three figures that agree are parts and their whole: "A + B = C".
    const joined =
      claims.length === 3 && verdict.kind === 'consistent'
        ? `${described(claims[0]!, true)} + ${described(claims[1]!, true)} = ${described(claims[2]!, true)}`
        : claims.map((claim) => described(claim, scoped)).join(words.join);
    const label = claims.length === 3 && verdict.kind === 'consistent' ? 'adds up' : words.label;
    return `${VERDICT_MARK[verdict.kind] ?? '•'} **${label}**: ${joined}`;
  };

  let description = header;
  let footerLines: string[] = [];
  const footer = () => defuseMentions(footerLines.join('\n'));
  const size = (text: string, keyLines: string[]) =>
    title.length + text.length + defuseMentions(keyLines.join('\n')).length;
  const room = Math.min(budget, LIMIT.embedsTotal);
  let figures = 0;
  let verdicts = 0;
  // The line is made here: the citations it numbers are taken back when it does not fit.
  const tryAdd = (make: () => string, gap: boolean): boolean => {
    const before = new Map(citations.numbers);
    const next = `${description}${gap ? '\n\n' : '\n'}${make()}`;
    const keys = [...citations.numbers].map(([id, n]) => legendLine(id, n, refs));
    const fits =
      next.length + NOTE_ROOM <= LIMIT.embedDescription &&
      size(next, keys) + NOTE_ROOM <= room &&
      keys.join('\n').length <= LIMIT.footerText;
    if (!fits) {
      citations.numbers.clear();
      for (const [id, n] of before) citations.numbers.set(id, n);
      return false;
    }
    description = next;
    footerLines = keys;
    return true;
  };

  if (!minimal) {
    if (change.figures.length === 0) tryAdd(() => 'No new figures.', true);
    for (const [i, claim] of change.figures.slice(0, MAX_LINES).entries()) {
      if (!tryAdd(() => figureLine(claim), i === 0)) break;
      figures++;
    }
    if (figures === change.figures.length) {
      for (const [i, verdict] of change.verdicts.slice(0, MAX_LINES).entries()) {
        if (!tryAdd(() => verdictLine(verdict), i === 0)) break;
        verdicts++;
      }
    }
  } else if (change.figures.length === 0) {
    description += '\n\nNo new figures.';
  }
  const left = [
    change.figures.length > figures ? `+${plural(change.figures.length - figures, 'more figure')}` : '',
    change.verdicts.length > verdicts ? `+${plural(change.verdicts.length - verdicts, 'more verdict')}` : '',
  ].filter(Boolean);
  if (left.length > 0) description += `${figures + verdicts > 0 ? '\n' : '\n\n'}*${left.join(', ')}: see \`/figures\`*`;

  const conflict = change.verdicts.some(({ verdict }) => verdict.kind === 'disagree' || verdict.kind === 'far apart');
  const embed: APIEmbed = {
    title,
    ...(url ? { url } : {}),
    description,
    color: conflict ? COLORS.figures : change.figures.length > 0 ? COLORS.answer : COLORS.none,
    ...(footerLines.length > 0 ? { footer: { text: footer() } } : {}),
  };
  return { embed, figures, verdicts };
}

/** An article id as inline code when that is safe (ids are paths: `added/2025-09-04-…`), else escaped text. */
function codeId(id: string): string {
  return /^[\w./-]{1,100}$/.test(id) ? `\`${id}\`` : escapeCut(id, 100);
}

function subject(claim: Claim): string {
  return !claim.subject || claim.subject === 'unspecified' ? 'not specified' : line(claim.subject, 60) || '?';
}

/** Ids as a reader scans them, within `room` characters: "`a`, `b` and 3 more". */
function idList(ids: readonly string[], room: number): string {
  const shown: string[] = [];
  let length = 0;
  for (const id of ids) {
    const text = codeId(id);
    if (length + text.length + 2 > room - 20) break;
    shown.push(text);
    length += text.length + 2;
  }
  const more = ids.length - shown.length;
  return `${shown.join(', ')}${more > 0 ? `${shown.length > 0 ? ' and ' : ''}${plural(more, 'more')}` : ''}`;
}

/**
 * The announcement of a corpus change, or null when there is nothing to tell: no article came in
 * or changed (with topics: none with a figure of them), and none was removed. A removal is one line
 * ("Removed: …"), and only when every topic is watched: a removed article's figures are no longer known.
 */
export function renderWatchAnnouncement(changes: CorpusChanges): DiscordReply | null {
  const removed = changes.topics.length === 0 ? changes.removed : [];
  if (changes.articles.length === 0 && removed.length === 0) return null;
  const announced = new Set(changes.articles.map((change) => change.article.id));
  const budget = LIMIT.embedsTotal - SAFETY * LIMIT.embedsPerMessage;
  const trial = (change: ArticleChange, room: number, minimal = false) =>
    renderArticle(change, announced, changes.refs, room, minimal);

  // Every article gets its header and counts; the rest of the room goes evenly to those that want more.
  const candidates = changes.articles.slice(0, LIMIT.embedsPerMessage);
  let minimal = candidates.map((change) => embedLength(trial(change, budget, true).embed));
  while (candidates.length > 0 && minimal.reduce((sum, n) => sum + n, 0) > budget) {
    candidates.pop();
    minimal = minimal.slice(0, candidates.length);
  }
  const desired = candidates.map((change, i) =>
    Math.max(minimal[i]!, embedLength(trial(change, budget).embed) + NOTE_ROOM),
  );
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
  const embeds: APIEmbed[] = [];
  let carry = left;
  for (const [i, change] of candidates.entries()) {
    const rendered = trial(change, share[i]! + carry);
    embeds.push(rendered.embed);
    carry = Math.max(0, share[i]! + carry - embedLength(rendered.embed));
  }

  const added = changes.articles.filter((change) => change.status === 'added').length;
  const changed = changes.articles.length - added;
  const counts = [
    added > 0 ? `${plural(added, 'new article')}` : '',
    changed > 0 ? `${plural(changed, 'article')} changed` : '',
  ].filter(Boolean);
  const lines = [
    `**Corpus update**${counts.length > 0 ? `: ${counts.join(', ')}` : ''}${
      changes.topics.length > 0 ? ` · topics: ${changes.topics.map((topic) => line(topic, 30)).join(', ')}` : ''
    }`,
  ];
  const more = changes.articles.slice(embeds.length).map((change) => change.article.id);
  if (more.length > 0) lines.push(`+${plural(more.length, 'more article')}: ${idList(more, 1000)} — see \`/sources\``);
  if (removed.length > 0) lines.push(`Removed: ${idList(removed, 600)}`);
  return message(embeds, [], lines.join('\n'));
}
