/**
 * The pictures and files of the figures in Discord: each report's chart attached and shown as its
 * embed's image, the overview of every topic (`/figures` alone) with a menu that opens one, and the
 * claims as a CSV file.
 */
import {
  AttachmentBuilder,
  ButtonStyle,
  ComponentType,
  type APIEmbed,
  type APIStringSelectComponent,
} from 'discord.js';
import type { Claim, FiguresReport } from '../engine/types.js';
import { plural } from '../text/plural.js';
import { en, type Labels } from './labels.js';
import { chartFileName } from './chart.js';
import { figuresCsv } from './csv.js';
import { reportLabel, reportTopic, VERDICT_MARK } from './discordFigures.js';
import { DISCORD_LIMITS as LIMIT } from './discordLimits.js';
import { COLORS, message, privately, type ButtonIds, type DiscordReply } from './discordMessage.js';
import { cut, escapeCut } from './discordText.js';

/** Charts one message carries at most: each is a tall picture, and a phone scrolls past every one. */
export const MAX_CHARTS = 3;

/** Does this embed show this report? Its title starts with the report's name ("Killed — 7 figures"). */
function shows(embed: APIEmbed, report: FiguresReport): boolean {
  const label = reportLabel(report);
  const title = embed.title ?? '';
  return title === label || title.startsWith(`${label} `);
}

/**
 * The reply with the chart of each report it shows (the first {@link MAX_CHARTS}): the PNG attached
 * and drawn as that report's embed image. Reports without an embed in the reply get no chart.
 */
export function withCharts(
  reply: DiscordReply,
  reports: readonly FiguresReport[],
  chart: (report: FiguresReport) => Buffer,
  labels: Labels = en,
): DiscordReply {
  const files: AttachmentBuilder[] = [];
  const embeds = reply.embeds.map((embed) => {
    if (files.length >= Math.min(MAX_CHARTS, LIMIT.files - (reply.files?.length ?? 0))) return embed;
    const report = reports.find((candidate) => candidate.claims.length > 0 && shows(embed, candidate));
    if (!report) return embed;
    const name = chartFileName(report);
    if (files.some((file) => file.name === name)) return embed;
    files.push(
      new AttachmentBuilder(chart(report), {
        name,
        description: labels.chartDescription(reportLabel(report).toLowerCase()),
      }),
    );
    return { ...embed, image: { url: `attachment://${name}` } };
  });
  if (files.length === 0) return reply;
  return { ...reply, embeds, files: [...(reply.files ?? []), ...files] };
}

const QUALIFIER_MARK: Partial<Record<Claim['qualifier'], string>> = {
  about: '≈',
  nearly: '≈',
  'at least': '≥',
  'more than': '>',
  'up to': '≤',
  'less than': '<',
};

/** A claim's value as the overview gives it: "≈400", "≥100", "6". */
function statedValue(claim: Claim): string {
  const n = Number.isFinite(claim.value) ? claim.value.toLocaleString('en') : String(claim.value);
  return `${QUALIFIER_MARK[claim.qualifier] ?? ''}${n}`;
}

/** "7 figures, 6 to ≈400 · 1 ❌ · 2 ⚠️": how many, from the smallest to the largest stated, how many disagree and how many are far apart. */
export function topicLine(report: FiguresReport, labels: Labels = en): string {
  const sorted = [...report.claims].sort((a, b) => a.value - b.value);
  const [least, most] = [sorted[0], sorted.at(-1)];
  const range =
    !least || !most
      ? ''
      : least === most
        ? `, ${statedValue(least)}`
        : `, ${labels.topicRange(statedValue(least), statedValue(most))}`;
  // Conflicts, then estimates far apart: the two kinds a reader of the overview should open.
  const counts = (['disagree', 'far apart'] as const)
    .map((kind) => [kind, report.verdicts.filter((verdict) => verdict.kind === kind).length] as const)
    .filter(([, n]) => n > 0)
    .map(([kind, n]) => ` · ${n} ${VERDICT_MARK[kind]}`);
  return `${labels.figures(report.claims.length)}${range}${counts.join('')}`;
}

export interface OverviewIds extends Pick<ButtonIds, 'openTopic'> {}

/**
 * `/figures` alone: one embed, a line per topic with figures ("**Killed** — 7 figures, 6 to ≈400 · 2 ❌"),
 * and a menu "Open a topic…" that shows one topic's figures and chart to the chooser alone.
 */
export function renderFiguresOverview(
  reports: readonly FiguresReport[],
  topics: readonly string[],
  ids: OverviewIds,
  labels: Labels = en,
): DiscordReply {
  const withClaims = reports.filter((report) => report.claims.length > 0);
  if (withClaims.length === 0)
    return message([
      {
        title: labels.figuresSideBySide,
        description: `${labels.noFiguresYet}\n${labels.topicsList}: ${topics.map((t) => `\`${t}\``).join(', ')}`,
        color: COLORS.none,
      },
    ]);
  const lines = withClaims.map((report) => `**${escapeCut(reportLabel(report), 80)}** — ${topicLine(report, labels)}`);
  let description = '';
  let shown = 0;
  for (const line of lines) {
    if (description.length + line.length + 80 > LIMIT.embedDescription) break;
    description += `${description ? '\n' : ''}${line}`;
    shown++;
  }
  if (shown < lines.length) description += `\n${labels.moreTopics(lines.length - shown)}`;
  description += `\n\n-# ${labels.openTopicHint}`;
  const options = new Map<string, APIStringSelectComponent['options'][number]>();
  for (const report of withClaims) {
    const value = reportTopic(report, topics);
    if (options.size >= LIMIT.selectOptions || options.has(value) || value.length > LIMIT.selectOptionText) continue;
    options.set(value, {
      label: cut(reportLabel(report), LIMIT.selectOptionText) || value,
      value,
      description: cut(topicLine(report, labels), LIMIT.selectOptionText),
    });
  }
  const menu: APIStringSelectComponent = {
    type: ComponentType.StringSelect,
    custom_id: ids.openTopic(),
    placeholder: cut(labels.openTopic, LIMIT.selectPlaceholder),
    options: [...options.values()],
  };
  return message(
    [{ title: labels.figuresByTopic, description, color: COLORS.figures }],
    options.size > 0 ? [{ type: ComponentType.ActionRow, components: [menu] }] : [],
  );
}

/** The reply with a "CSV file" button for the topic's claims, in a row of its own when there is room. */
export function withCsvButton(
  reply: DiscordReply,
  topic: string,
  ids: Pick<ButtonIds, 'figuresCsv'>,
  labels: Labels = en,
): DiscordReply {
  const id = ids.figuresCsv(topic);
  if (reply.components.length >= LIMIT.actionRows || id.length > LIMIT.customId || reply.embeds.length === 0)
    return reply;
  return {
    ...reply,
    components: [
      ...reply.components,
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            label: labels.csvFile,
            custom_id: id,
            emoji: { name: '📄' },
          },
        ],
      },
    ],
  };
}

/** The claims of a topic as a CSV file, for the clicker alone. */
export function renderFiguresCsv(reports: readonly FiguresReport[], topic: string, labels: Labels = en): DiscordReply {
  const claims = reports.reduce((sum, report) => sum + report.claims.length, 0);
  const name = `figures-${topic.toLowerCase().replace(/[^a-z0-9-]+/g, '-') || 'all'}.csv`;
  return privately({
    ...message(
      [],
      [],
      labels.csvNote(
        escapeCut(labels === en ? plural(claims, `${topic} figure`) : `${labels.figures(claims)} (${topic})`, 200),
      ),
    ),
    files: [new AttachmentBuilder(Buffer.from(figuresCsv(reports), 'utf8'), { name })],
  });
}
