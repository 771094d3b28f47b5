/**
 * A picture of one report's figures: who said what, when. x is the figure's as-of date, with the
 * figures of no year and of no date in a band at the right; y is the value on a log scale (the
 * seed's figures run from 6 to 999). Each claim is a point, a low–high bar when its words give a
 * range ("hundreds" 200–999), or a point with a short arrow when they give one bound ("at least 100"
 * ↑, "up to 400" ↓); coloured by claimant, with its letter beside it (the letters of the figures
 * embed, src/render/letters.ts); pairs that disagree are joined by a red dashed line. A report of
 * more claims than the embed lists at once is drawn with those it lists first, lettered alike.
 *
 * Our own SVG, drawn to PNG by resvg with Noto Sans loaded from its npm package and no system font,
 * so the bytes are the same on every machine. Measured against ECharts and Vega-Lite (SVG, then the
 * same resvg step, seed's killed report): ECharts 29 ms and 68 MB of packages, Vega-Lite 64 ms and
 * 25 MB, this file 0 bytes of packages; neither library avoids overlapping letters or draws the
 * side band without the same amount of layout code as this.
 */
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';
import type { Claim, FiguresReport, VerdictKind } from '../engine/types.js';
import { formatDate } from '../text/dates.js';
import { MAX_CLAIMS_PER_EMBED, ranked, reportLabel } from './discordFigures.js';
import { en, type Labels } from './labels.js';
import { claimLetters } from './letters.js';

/**
 * The PNG's width. Discord frames an embed image in 400×300 (a phone in ~340 px), so the chart is
 * about 4:3 and its type 22–28 px, read there as 11–14 px.
 */
export const CHART_WIDTH = 800;
const PLOT_HEIGHT = 300;
/** Rows of the legend at most. */
const LEGEND_ROWS = 4;
const FONT = 'Noto Sans';
const PAD = 24;
const TITLE_SIZE = 32;
const TEXT_SIZE = 24;
const LETTER_SIZE = 28;
const SMALL_SIZE = 20;
const LEGEND_SIZE = 22;
/** Okabe–Ito: told apart with the common colour blindnesses; grey is for "unattributed". */
const PALETTE = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#8C6D1F', '#000000'];
const UNATTRIBUTED = '#8A8F98';
/** Verdicts that join their claims with a line. */
const JOINED: ReadonlySet<VerdictKind | string> = new Set(['disagree']);
const JOIN_COLOR = '#C62828';

const require = createRequire(import.meta.url);
let fontFiles: string[] | undefined;

/** The fonts, from the npm package (TTF: resvg reads no WOFF). Never the system's. */
function fonts(): string[] {
  fontFiles ??= [
    require.resolve('@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf'),
    require.resolve('@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf'),
  ];
  return fontFiles;
}

/** The text without what XML cannot hold: control characters, U+FFFE/U+FFFF and lone surrogates. */
function xmlChars(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) out += text.slice(i, ++i + 1);
    } else if (!(c >= 0xdc00 && c <= 0xdfff) && (c >= 0x20 || c === 9 || c === 10 || c === 13) && c < 0xfffe)
      out += text[i];
  }
  return out;
}

/** XML-escaped text, without the characters XML cannot hold (controls, lone surrogates), which would make the SVG unreadable. */
function esc(text: string): string {
  return xmlChars(text).replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Roughly how wide a text is in Noto Sans at `size` px (for layout: labels, legend rows). */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const c of text) {
    if (/[iljI.,:;'|!·\s]/.test(c)) em += 0.28;
    else if (/[ft()\-–[\]r]/.test(c)) em += 0.36;
    else if (/[mwMW]/.test(c)) em += 0.86;
    else if (/[A-Z0-9≈≥≤]/.test(c)) em += 0.64;
    else em += 0.56;
  }
  return em * size * (bold ? 1.07 : 1);
}

/** A text cut to `width` px with an ellipsis. */
function fitText(text: string, width: number, size: number, bold = false): string {
  if (text.length < 200 && textWidth(text, size, bold) <= width) return text;
  let cut = text.slice(0, Math.ceil(width / (size * 0.28)));
  while (cut.length > 1 && textWidth(`${cut}…`, size, bold) > width) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** Who a claim is by, short, for the legend: the name before its description ("Andrii Kovalenko, the head of…"). */
export function shortClaimant(claim: Pick<Claim, 'attributedTo'>): string {
  const name = claim.attributedTo?.claimant.replace(/\s+/g, ' ').trim();
  if (!name) return 'unattributed';
  const head = name.split(/,\s|\s\(|\s—\s/)[0]!.trim();
  return head.length >= 3 ? head : name;
}

type Column = 'dated' | 'no year' | 'undated';

function columnOf(claim: Claim): Column {
  const date = claim.asOf?.date;
  if (!date) return 'undated';
  return /^\d{4}(-\d{2}(-\d{2})?)?$/.test(date) ? 'dated' : 'no year';
}

/** A dated claim's time, in days since the epoch: the middle of its month or year when that is all it says. */
function dayOf(claim: Claim): number {
  const [y, m, d] = claim.asOf!.date.split('-').map(Number) as [number, number?, number?];
  if (m === undefined) return Date.UTC(y, 6, 1) / 86_400_000;
  if (d === undefined) return Date.UTC(y, m - 1, 15) / 86_400_000;
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

function shortDate(day: number): string {
  return formatDate(new Date(day * 86_400_000).toISOString().slice(0, 10), 'day');
}

function compact(n: number): string {
  if (n >= 1e6) return `${+(n / 1e6).toPrecision(3)}M`;
  if (n >= 1e4) return `${+(n / 1e3).toPrecision(3)}k`;
  return n.toLocaleString('en');
}

interface Mark {
  claim: Claim;
  letter: string;
  color: string;
  x: number;
  y: number;
  /** The bar's ends (low, high) in px, when the words give a range. */
  bar: [number, number] | null;
  /** A bound only: an arrow up ("at least") or down ("up to"). */
  arrow: 'up' | 'down' | null;
  /** Beside the letter: the day and month of a figure whose year is unknown. */
  note: string;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** The chart of one report as SVG (what {@link chartPng} draws); deterministic for the same report. */
export function chartSvg(report: FiguresReport, labels: Labels = en): string {
  const words = labels.chart;
  // Those the figures embed lists first, under the same letters: a chart of hundreds of points is
  // read by no one, and takes the better part of a second to draw.
  const total = report.claims.length;
  const order = new Map(report.claims.map((claim, i) => [claim.id, i]));
  const claims =
    total > MAX_CLAIMS_PER_EMBED
      ? ranked(report)
          .slice(0, MAX_CLAIMS_PER_EMBED)
          .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
      : report.claims;
  const letters = claimLetters(claims);
  const W = CHART_WIDTH;

  // Colours by claimant, in the order claimants first appear.
  const sourceColor = new Map<string, string>();
  const sourceLetters = new Map<string, string[]>();
  for (const claim of claims) {
    const who = shortClaimant(claim);
    if (!sourceColor.has(who))
      sourceColor.set(
        who,
        who === 'unattributed'
          ? UNATTRIBUTED
          : PALETTE[[...sourceColor.keys()].filter((k) => k !== 'unattributed').length % PALETTE.length]!,
      );
    sourceLetters.set(who, [...(sourceLetters.get(who) ?? []), letters.get(claim.id)!]);
  }

  // y: log10 over every value and bound, whole decades.
  const numbers = claims.flatMap((c) => [c.value, c.low, c.high]).filter((n): n is number => n !== null && n > 0);
  const lo = Math.floor(Math.log10(Math.max(1, Math.min(...numbers, 1e12))));
  let hi = Math.ceil(Math.log10(Math.max(...numbers, 1)) - 1e-9);
  if (hi <= lo) hi = lo + 1;
  const top = PAD + TITLE_SIZE + 28;
  const bottom = top + PLOT_HEIGHT;
  const yOf = (n: number) => bottom - ((Math.log10(Math.max(n, 10 ** lo)) - lo) / (hi - lo)) * PLOT_HEIGHT;
  const ticks: number[] = [];
  for (let e = lo; e <= hi; e++) {
    ticks.push(10 ** e);
    if (hi - lo <= 2 && e < hi) ticks.push(2 * 10 ** e, 5 * 10 ** e);
  }
  const tickWidth = Math.max(...ticks.map((t) => textWidth(compact(t), TEXT_SIZE)));
  const left = PAD + tickWidth + 12;
  const right = W - PAD;

  // x: the dated panel, then a band column for each of "no year" and "undated" that has claims.
  const byColumn = (column: Column) => claims.filter((claim) => columnOf(claim) === column);
  const dated = byColumn('dated');
  const bands = (['no year', 'undated'] as const).filter((column) => byColumn(column).length > 0);
  const bandWidth =
    dated.length > 0 ? Math.min(190, (right - left) / (2 * bands.length)) : (right - left) / Math.max(1, bands.length);
  const bandLeft = right - bands.length * bandWidth;
  const xs = new Map<string, number>();
  const spread = (group: Claim[], centre: number, room: number) => {
    const step = Math.min(56, room / Math.max(1, group.length));
    for (const [i, claim] of group.entries()) xs.set(claim.id, centre + (i - (group.length - 1) / 2) * step);
  };
  const axisLabels: { x: number; text: string }[] = [];
  if (dated.length > 0) {
    const days = dated.map(dayOf);
    const [first, last] = [Math.min(...days), Math.max(...days)];
    const panel = { from: left + 40, to: bandLeft - (bands.length > 0 ? 50 : 40) };
    const xOf = (day: number) =>
      first === last
        ? (panel.from + panel.to) / 2
        : panel.from + ((day - first) / (last - first)) * (panel.to - panel.from);
    const groups = new Map<number, Claim[]>();
    for (const claim of dated) groups.set(dayOf(claim), [...(groups.get(dayOf(claim)) ?? []), claim]);
    for (const [day, group] of groups) spread(group, xOf(day), 120);
    const labelled = first === last ? [first] : [first, ...(last - first > 60 ? [(first + last) / 2] : []), last];
    for (const day of labelled) axisLabels.push({ x: xOf(day), text: shortDate(Math.round(day)) });
  }
  bands.forEach((column, i) => {
    const group = byColumn(column);
    if (column === 'no year') group.sort((a, b) => (a.asOf!.date < b.asOf!.date ? -1 : 1));
    spread(group, bandLeft + (i + 0.5) * bandWidth, bandWidth - 40);
  });

  const marks: Mark[] = claims.map((claim) => {
    const { low, high, value, qualifier } = claim;
    const range = low !== null && high !== null && low !== high;
    const arrow =
      !range && high === null && low !== null
        ? 'up'
        : !range && low === null && high !== null && qualifier !== 'nearly'
          ? 'down'
          : null;
    return {
      claim,
      letter: letters.get(claim.id)!,
      color: sourceColor.get(shortClaimant(claim))!,
      x: xs.get(claim.id)!,
      y: yOf(value),
      bar: range ? [yOf(low), yOf(high)] : null,
      arrow,
      note:
        columnOf(claim) === 'no year'
          ? formatDate(claim.asOf!.date, claim.asOf!.precision).replace(/\s*\(.*\)$/, '')
          : '',
    };
  });

  const svg: string[] = [];
  const text = (x: number, y: number, s: string, size: number, attrs = '') =>
    svg.push(`<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" font-size="${size}"${attrs}>${esc(s)}</text>`);

  // Title.
  const title = `${reportLabel(report)} — ${words.figures(claims.length, total)}`;
  text(PAD, PAD + TITLE_SIZE - 4, fitText(title, W - 2 * PAD, TITLE_SIZE, true), TITLE_SIZE, ' font-weight="bold"');

  // The band's background and headings.
  bands.forEach((column, i) => {
    const x = bandLeft + i * bandWidth;
    svg.push(
      `<rect x="${(x + 6).toFixed(1)}" y="${top}" width="${(bandWidth - 12).toFixed(1)}" height="${PLOT_HEIGHT}" fill="#F1F2F4" rx="6"/>`,
    );
    text(
      x + bandWidth / 2,
      bottom + 30,
      column === 'no year' ? words.yearUnknown : words.undated,
      SMALL_SIZE + 1,
      ' text-anchor="middle" fill="#444"',
    );
  });
  // Grid and y ticks.
  for (const t of ticks) {
    const y = yOf(t);
    svg.push(
      `<line x1="${left}" y1="${y.toFixed(1)}" x2="${right}" y2="${y.toFixed(1)}" stroke="#D9DCE1" stroke-width="1"/>`,
    );
    text(left - 10, y + 7, compact(t), TEXT_SIZE, ' text-anchor="end" fill="#444"');
  }
  svg.push(`<line x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}" stroke="#888" stroke-width="1.5"/>`);
  for (const { x, text: label } of axisLabels) {
    svg.push(`<line x1="${x.toFixed(1)}" y1="${bottom}" x2="${x.toFixed(1)}" y2="${bottom + 6}" stroke="#888"/>`);
    text(x, bottom + 30, label, TEXT_SIZE, ' text-anchor="middle" fill="#444"');
  }

  // Disagreeing pairs, under the points.
  const at = new Map(marks.map((mark) => [mark.claim.id, mark]));
  for (const verdict of report.verdicts) {
    if (!JOINED.has(verdict.kind)) continue;
    const [a, b] = verdict.claims.map((id) => at.get(id));
    if (!a || !b) continue;
    svg.push(
      `<line x1="${a.x.toFixed(1)}" y1="${a.y.toFixed(1)}" x2="${b.x.toFixed(1)}" y2="${b.y.toFixed(1)}" stroke="${JOIN_COLOR}" stroke-width="3" stroke-dasharray="8 6"/>`,
    );
  }

  // Bars, arrows and points.
  for (const mark of marks) {
    const { x, y, color } = mark;
    if (mark.bar) {
      const [y1, y2] = mark.bar;
      svg.push(
        `<line x1="${x.toFixed(1)}" y1="${y1.toFixed(1)}" x2="${x.toFixed(1)}" y2="${y2.toFixed(1)}" stroke="${color}" stroke-width="5" stroke-linecap="round" opacity="0.55"/>`,
        `<line x1="${(x - 9).toFixed(1)}" y1="${y1.toFixed(1)}" x2="${(x + 9).toFixed(1)}" y2="${y1.toFixed(1)}" stroke="${color}" stroke-width="3"/>`,
        `<line x1="${(x - 9).toFixed(1)}" y1="${y2.toFixed(1)}" x2="${(x + 9).toFixed(1)}" y2="${y2.toFixed(1)}" stroke="${color}" stroke-width="3"/>`,
      );
    }
    if (mark.arrow) {
      const d = mark.arrow === 'up' ? -1 : 1;
      const end = Math.max(top, Math.min(bottom, y + d * 42));
      svg.push(
        `<line x1="${x.toFixed(1)}" y1="${y.toFixed(1)}" x2="${x.toFixed(1)}" y2="${end.toFixed(1)}" stroke="${color}" stroke-width="3"/>`,
        `<path d="M${(x - 7).toFixed(1)} ${(end - d * 9).toFixed(1)} L${x.toFixed(1)} ${end.toFixed(1)} L${(x + 7).toFixed(1)} ${(end - d * 9).toFixed(1)}" fill="none" stroke="${color}" stroke-width="3" stroke-linejoin="round"/>`,
      );
    }
    svg.push(
      `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="9" fill="${color}" stroke="#FFFFFF" stroke-width="2.5"/>`,
    );
  }

  // Letters: right of the point, else left, else moved up or down until they overlap nothing.
  const taken: Box[] = marks.flatMap((m) => {
    const boxes = [{ x: m.x - 10, y: m.y - 10, w: 20, h: 20 }];
    if (m.bar) boxes.push({ x: m.x - 10, y: Math.min(...m.bar), w: 20, h: Math.abs(m.bar[0] - m.bar[1]) });
    if (m.arrow) boxes.push({ x: m.x - 8, y: m.arrow === 'up' ? m.y - 42 : m.y, w: 16, h: 42 });
    return boxes;
  });
  for (const mark of marks) {
    const label = mark.note ? `${mark.letter} ${mark.note}` : mark.letter;
    const w = textWidth(label, LETTER_SIZE, true);
    const h = LETTER_SIZE;
    let placed: { box: Box; anchor: 'start' | 'end' } | null = null;
    for (const dy of [0, -26, 26, -52, 52, -78, 78]) {
      for (const side of ['start', 'end'] as const) {
        const box = { x: side === 'start' ? mark.x + 13 : mark.x - 13 - w, y: mark.y - h / 2 + dy, w, h };
        if (box.x < left || box.x + box.w > right) continue;
        if (!taken.some((other) => overlaps(box, other))) {
          placed = { box, anchor: side };
          break;
        }
      }
      if (placed) break;
    }
    placed ??= { box: { x: mark.x + 13, y: mark.y - h / 2, w, h }, anchor: 'start' };
    taken.push(placed.box);
    const tx = placed.anchor === 'start' ? placed.box.x : placed.box.x + w;
    text(
      tx,
      placed.box.y + h - 4,
      label,
      LETTER_SIZE,
      ` font-weight="bold" fill="${mark.color === UNATTRIBUTED ? '#555' : mark.color}" text-anchor="${placed.anchor}" stroke="#FFFFFF" stroke-width="4" paint-order="stroke"`,
    );
  }

  // The legend: one entry per source, its letters after it; wrapped into rows, at most
  // LEGEND_ROWS (the picture stays about 4:3, as Discord frames it), the rest counted.
  let y = bottom + 70;
  let x = PAD;
  let row = 1;
  const rowHeight = LEGEND_SIZE + 11;
  const entries = [...sourceColor];
  for (const [i, [who, color]] of entries.entries()) {
    const label = `${who === 'unattributed' ? words.unattributed : who} · ${sourceLetters.get(who)!.join(', ')}`;
    const shown = fitText(label, W - 2 * PAD - 24, LEGEND_SIZE);
    const w = 24 + textWidth(shown, LEGEND_SIZE) + 22;
    const rest = words.moreSources(entries.length - i);
    if (x > PAD && x + w > W - PAD) {
      if (row === LEGEND_ROWS) {
        text(x, y, rest, LEGEND_SIZE, ' fill="#555"');
        break;
      }
      x = PAD;
      y += rowHeight;
      row++;
    }
    // Keep room on the last row for the count of the sources not named.
    const last = row === LEGEND_ROWS && i < entries.length - 1;
    if (last && x + w + textWidth(rest, LEGEND_SIZE) + 10 > W - PAD) {
      text(x, y, rest, LEGEND_SIZE, ' fill="#555"');
      break;
    }
    svg.push(`<circle cx="${x + 9}" cy="${y - 7}" r="8" fill="${color}"/>`);
    text(x + 24, y, shown, LEGEND_SIZE, ' fill="#222"');
    x += w;
  }
  // The key to the marks.
  y += rowHeight;
  const key = words.key;
  text(PAD, y, fitText(key, W - 2 * PAD, SMALL_SIZE), SMALL_SIZE, ' fill="#555"');
  const height = Math.ceil(y + PAD - 4);

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${height}" viewBox="0 0 ${W} ${height}" font-family="${FONT}"><rect width="${W}" height="${height}" fill="#FFFFFF"/>${svg.join('')}</svg>`;
}

/** The chart of one report as PNG bytes, `CHART_WIDTH` px wide; the same bytes for the same report on every machine. */
export function chartPng(report: FiguresReport, labels: Labels = en): Buffer {
  const resvg = new Resvg(chartSvg(report, labels), {
    font: { fontFiles: fonts(), loadSystemFonts: false, defaultFontFamily: FONT },
    fitTo: { mode: 'original' },
  });
  return resvg.render().asPng();
}

/** A file name for a report's chart: `figures-killed.png`, `figures-weapons-shells.png`. */
export function chartFileName(report: Pick<FiguresReport, 'category' | 'item'>): string {
  const name = [report.category, report.item]
    .filter(Boolean)
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-');
  return `figures-${name || 'chart'}.png`;
}

const cache = new WeakMap<object, Map<string, Buffer>>();

/**
 * The chart, drawn once per index and topic: `index` is what one version of the index is (the
 * engine: a reload makes a new one, and its charts go with the old one), `key` the topic or, for an
 * answer's figures, the report's category and claims.
 */
export function cachedChartPng(index: object, key: string, report: FiguresReport, labels: Labels = en): Buffer {
  let charts = cache.get(index);
  if (!charts) cache.set(index, (charts = new Map()));
  // One picture per language of its words.
  const keyed = labels === en ? key : `${labels.tag}|${key}`;
  let png = charts.get(keyed);
  if (!png) {
    png = chartPng(report, labels);
    charts.set(keyed, png);
  }
  return png;
}

/** The cache key of a report that is not a whole topic (an answer's): its kind and its claims. */
export function reportKey(report: FiguresReport): string {
  return `${report.category}:${report.item ?? ''}:${report.claims.map((claim) => claim.id).join(',')}:${report.verdicts.length}`;
}
