/**
 * What an addition to the corpus says: the article (title, publisher, date, language, passages
 * indexed) and what it changes — its figures, and the verdicts they make with the articles already
 * there, conflicts first:
 *
 *   📈 grew: killed ≥2,000 North Korean soldiers (NIS, 4 Sep 2025) from ≈600 (Lee, 30 Apr 2025)
 *   ❌ disagrees: killed 6 officers (Kyiv Post, 3 Oct 2024) with 11 officers (YTN, 3 Oct 2024)
 *
 * One set of lines, shown by the bot (markdown, escaped) and the terminal (plain).
 */
import type { APIEmbed } from 'discord.js';
import type { AddOutcome, RemoveOutcome } from '../engine/add.js';
import type { ChangedVerdict, FigureChanges } from '../engine/changes.js';
import type { Claim } from '../engine/types.js';
import { shortClaimant } from '../figures/attribution.js';
import { formatDate } from '../text/dates.js';
import { plural } from '../text/plural.js';
import { normalized, VERDICT_MARK } from './discordFigures.js';
import { COLORS, message, notice, type DiscordReply } from './discordMessage.js';
import { cut, escapeCut, safeUrl } from './discordText.js';
import { formatPublished, languageLabel } from './text.js';

/** Lines of changes shown at most; the rest are counted. */
export const MAX_CHANGE_LINES = 8;

type Added = Extract<AddOutcome, { ok: true }>;
/** How text from articles is made safe where it is shown: escaped for Discord, as is on a terminal. */
type Escape = (text: string, max: number) => string;
const plain: Escape = (text, max) => cut(text.replace(/\s+/g, ' ').trim(), max);

/**
 * A figure as a line names it: "≥2,000 North Korean soldiers (NIS, 4 Sep 2025)". Beside `like`
 * (the figure it is compared with, named first), what they share is not said again: "from ≈600 (30 Apr 2025)".
 */
function figure(claim: Claim, safe: Escape, like?: Claim): string {
  const named = (subject: string) => (subject && subject !== 'unspecified' ? subject : '');
  const subject =
    named(claim.subject) && named(claim.subject) !== named(like?.subject ?? '') ? ` ${safe(claim.subject, 60)}` : '';
  const claimant = (c: Claim | undefined) => (c?.attributedTo ? shortClaimant(c.attributedTo.claimant) : null);
  const who = claimant(claim) && claimant(claim) !== claimant(like) ? safe(claimant(claim)!, 40) : null;
  const when = claim.asOf ? formatDate(claim.asOf.date, claim.asOf.precision) : 'undated';
  return `${normalized(claim)}${subject} (${who ? `${who}, ` : ''}${when})`;
}

const category = (claim: Claim) => (claim.item ? `${claim.category} (${claim.item})` : claim.category);

/** One verdict between a figure of the new article and one already there. */
function verdictLine({ verdict, claims }: ChangedVerdict, ids: ReadonlySet<string>, safe: Escape): string {
  const isNew = (claim: Claim) => claim.sources.some((source) => ids.has(source.articleId));
  const theirs = claims.find(isNew) ?? claims[0]!;
  const other = claims.find((claim) => claim !== theirs) ?? claims[1]!;
  const mark = VERDICT_MARK[verdict.kind] ?? '•';
  const what = category(theirs);
  switch (verdict.kind) {
    case 'grew': {
      // Later and higher: the later figure grew from the earlier one, whichever article is new.
      const later = (theirs.asOf?.date ?? '') >= (other.asOf?.date ?? '') ? theirs : other;
      const earlier = later === theirs ? other : theirs;
      return `${mark} grew: ${what} ${figure(later, safe)} from ${figure(earlier, safe, later)}`;
    }
    case 'disagree':
      return `${mark} disagrees: ${what} ${figure(theirs, safe)} with ${figure(other, safe, theirs)}`;
    case 'far apart':
      return `${mark} far apart: ${what} ${figure(theirs, safe)} and ${figure(other, safe, theirs)}`;
    case 'undated':
      return `${mark} no year to compare: ${what} ${figure(theirs, safe)} and ${figure(other, safe, theirs)}`;
    case 'different scope':
      return `${mark} other scope: ${what} ${figure(theirs, safe)} beside ${figure(other, safe, theirs)}`;
    default:
      return claims.length === 3
        ? `${mark} adds up: ${claims.map((claim) => `${category(claim)} ${figure(claim, safe)}`).join(' + ')}`
        : `${mark} agrees: ${what} ${figure(theirs, safe)} with ${figure(other, safe, theirs)}`;
  }
}

/**
 * What the article changes, as lines: its figures (those already told elsewhere said so), then the
 * verdicts with the articles already there, conflicts first; "No new figures." when it has none.
 * Verdicts of another scope are counted, not listed: they say only that two figures count different things.
 */
export function changeLines(changes: FigureChanges, safe: Escape = plain, max = MAX_CHANGE_LINES): string[] {
  if (changes.figures.length === 0) return ['No new figures.'];
  const ids = new Set(changes.articles);
  const repeated = new Set(changes.repeated.map((claim) => claim.id));
  const shownFigures = changes.figures.slice(0, 5);
  const lines = [
    `Figures: ${shownFigures
      .map((claim) => `${category(claim)} ${figure(claim, safe)}${repeated.has(claim.id) ? ', already reported' : ''}`)
      .join(
        '; ',
      )}${changes.figures.length > shownFigures.length ? `; and ${changes.figures.length - shownFigures.length} more` : ''}`,
  ];
  const listed = changes.verdicts.filter(({ verdict }) => verdict.kind !== 'different scope');
  const otherScope = changes.verdicts.length - listed.length;
  for (const changed of listed.slice(0, max)) lines.push(verdictLine(changed, ids, safe));
  if (listed.length > max) lines.push(`…and ${plural(listed.length - max, 'more verdict')} (see /figures)`);
  if (listed.length === 0)
    lines.push('No verdict with the figures already there: nothing it agrees or conflicts with.');
  if (otherScope > 0)
    lines.push(`${VERDICT_MARK['different scope']} ${plural(otherScope, 'figure pair')} of another scope`);
  return lines;
}

/** "YTN · 2024-10-05 · Korean (ko) · 7 passages indexed" */
function factsLine(added: Added, safe: Escape): string {
  const { article } = added;
  return [
    article.publisher ? safe(article.publisher, 100) : 'publisher unknown',
    formatPublished(article.published),
    languageLabel(article.language),
    `${plural(added.passages, 'passage')} indexed`,
  ].join(' · ');
}

const idCode = (id: string) => (/^[\w./-]{1,200}$/.test(id) ? `\`${id}\`` : escapeCut(id, 200));

/** The public reply to `/add`: the article, its id (for `/remove`), who added it, and what it changes. */
export function renderAddedForDiscord(added: Added, addedBy: string | null, note?: string | null): DiscordReply {
  const embed: APIEmbed = {
    title: escapeCut(`Added: ${added.article.title}`, 256),
    ...(safeUrl(added.article.url) ? { url: safeUrl(added.article.url)! } : {}),
    description: [
      factsLine(added, escapeCut),
      `${idCode(added.article.id)}${addedBy ? ` · added by <@${addedBy}>` : ''}`,
      note ? `Note: ${escapeCut(note, 300)}` : '',
      '',
      '**What it changes**',
      ...changeLines(added.changes, escapeCut),
    ]
      .filter((line, i) => line || i > 2)
      .join('\n'),
    color: added.changes.verdicts.some(({ verdict }) => verdict.kind === 'disagree' || verdict.kind === 'far apart')
      ? COLORS.figures
      : COLORS.sources,
  };
  return message([embed]);
}

/** A failed addition, for the one who asked alone. */
export function renderAddFailureForDiscord(outcome: Extract<AddOutcome, { ok: false }>, what: string): DiscordReply {
  return notice(`Not added (${cut(what, 200)}): ${outcome.message}`);
}

/** One line per item of a message added with "Add to Crosscheck". */
export function addedItemLine(added: Added): string {
  const { changes } = added;
  const conflicts = changes.verdicts.filter(
    ({ verdict }) => verdict.kind === 'disagree' || verdict.kind === 'far apart',
  ).length;
  const grew = changes.verdicts.filter(({ verdict }) => verdict.kind === 'grew').length;
  const figures =
    changes.figures.length === 0
      ? 'no new figures'
      : [
          plural(changes.figures.length, 'figure'),
          conflicts > 0 ? `${conflicts} ${VERDICT_MARK.disagree}/${VERDICT_MARK['far apart']}` : '',
          grew > 0 ? `${grew} ${VERDICT_MARK.grew}` : '',
        ]
          .filter(Boolean)
          .join(', ');
  return `✅ **${escapeCut(added.article.title, 120)}** — ${factsLine(added, escapeCut)} · ${figures} · ${idCode(added.article.id)}`;
}

/**
 * The public reply to "Add to Crosscheck": a line per article added, then the verdicts each makes
 * (the conflicts and growth), within one embed.
 */
export function renderAddedItemsForDiscord(added: readonly Added[], addedBy: string): DiscordReply {
  const lines = added.flatMap((item) => [
    addedItemLine(item),
    ...changeLines(item.changes, escapeCut, 3)
      .slice(1)
      // One line per article: only the verdicts that say something (pairs of another scope are left to /figures).
      .filter((line) => !line.startsWith('No verdict') && !line.startsWith(VERDICT_MARK['different scope']))
      .map((line) => `  ${line}`),
  ]);
  const embed: APIEmbed = {
    title: `Added ${plural(added.length, 'article')} from a message`,
    description: [...lines, '', `added by <@${addedBy}>`].join('\n'),
    color: COLORS.sources,
  };
  return message([embed]);
}

/** The items of a message that were not added, one line each, for the one who asked alone. */
export function renderItemFailuresForDiscord(failures: readonly { what: string; message: string }[]): DiscordReply {
  return notice(failures.map(({ what, message: why }) => `⛔ ${cut(what, 120)}: ${why}`).join('\n'));
}

/** The reply once an article is removed. */
export function renderRemovedForDiscord(removed: Extract<RemoveOutcome, { ok: true }>, by: string): DiscordReply {
  return message([
    {
      title: escapeCut(`Removed: ${removed.title}`, 256),
      description: `${idCode(removed.id)} moved to ${idCode(removed.moved)} (not deleted: moving it back restores it) · removed by <@${by}>`,
      color: COLORS.none,
    },
  ]);
}

/** An addition on a terminal: what the console and the CLI print. */
export function renderAddedText(outcome: AddOutcome, what: string): string {
  if (!outcome.ok) return `Not added (${what}): ${outcome.message}`;
  return [
    `Added: ${plain(outcome.article.title, 200)}`,
    `  ${factsLine(outcome, plain)}`,
    `  id: ${outcome.article.id}`,
    '',
    'What it changes:',
    ...changeLines(outcome.changes).map((line) => `  ${line}`),
  ].join('\n');
}

/** A removal on a terminal. */
export function renderRemovedText(outcome: RemoveOutcome): string {
  return outcome.ok ? `Removed ${outcome.id}: moved to ${outcome.moved} (not deleted).` : outcome.message;
}
