/**
 * The claims of figures reports as CSV, for a spreadsheet (`cli -- figures killed --csv`, the CSV
 * file of `/figures`). RFC 4180: comma-separated, CRLF line ends, a header row; a field with a
 * comma, a quote or a line break is quoted, its quotes doubled. A text field that a spreadsheet
 * would read as a formula (=, +, -, @ first) gets a leading apostrophe, so opening the file runs nothing.
 */
import type { FiguresReport } from '../engine/types.js';
import { claimLetters } from './letters.js';

const HEADER = [
  'category',
  'item',
  'letter',
  'value',
  'low',
  'high',
  'qualifier',
  'wording',
  'subject',
  'scope',
  'as_of',
  'claimant',
  'channel',
  'articles',
  'quote',
] as const;

/** One RFC 4180 field. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Every claim of the reports, one row each, lettered as in the figures embed and the chart. */
export function figuresCsv(reports: readonly FiguresReport[]): string {
  const rows: string[] = [HEADER.join(',')];
  for (const report of reports) {
    const letters = claimLetters(report.claims);
    for (const claim of report.claims) {
      rows.push(
        [
          report.category,
          report.item,
          letters.get(claim.id)!,
          claim.value,
          claim.low,
          claim.high,
          claim.qualifier,
          claim.wording,
          claim.subject,
          claim.scope,
          claim.asOf ? `${claim.asOf.date}${claim.asOf.time ? ` ${claim.asOf.time}` : ''}` : null,
          claim.attributedTo?.claimant ?? null,
          claim.attributedTo?.channel ?? null,
          claim.articles.join(' '),
          claim.quote,
        ]
          .map(csvField)
          .join(','),
      );
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}
