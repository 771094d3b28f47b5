import { plural } from '../text/plural.js';
import type { Answer, FiguresReport, SourceDetail, SourcesReport, VerdictKind } from '../engine/types.js';
import { describeAttribution } from '../figures/attribution.js';
import { formatDate } from '../text/dates.js';
import { claimLetters } from './letters.js';
import { summaryLine } from './summary.js';
import { byline, formatPublished, languageLabel, truncate } from './text.js';

export interface TerminalStyle {
  /** Bold and dim with ANSI codes: only on a terminal that has not asked for NO_COLOR. */
  color: boolean;
  /** Terminal width for wrapping; quotes are never cut, only wrapped. */
  width: number;
}

/**
 * How to write to a stream: colour only on a terminal and never with NO_COLOR set (no-color.org:
 * any non-empty value); as wide as the terminal, 80 columns when piped or unknown, at most 120.
 */
export function terminalStyle(
  stream: Pick<NodeJS.WriteStream, 'isTTY' | 'columns'>,
  env: NodeJS.ProcessEnv = process.env,
): TerminalStyle {
  return { color: Boolean(stream.isTTY) && !env.NO_COLOR, width: Math.min(stream.columns || 80, 120) };
}

const bold = (style: TerminalStyle, text: string) => (style.color ? `\x1b[1m${text}\x1b[22m` : text);
const dim = (style: TerminalStyle, text: string) => (style.color ? `\x1b[2m${text}\x1b[22m` : text);

/** Wraps at spaces; every line after the first gets `indent` (and the first too unless `hanging`). */
function wrap(text: string, width: number, indent: string, hanging = false): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && visibleLength(line) + 1 + visibleLength(word) > width - indent.length) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines.map((l, i) => (hanging && i === 0 ? l : indent + l)).join('\n');
}

function visibleLength(text: string): number {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes are what it strips
  return text.replace(/\x1b\[\d+m/g, '').length;
}

function marked(style: TerminalStyle, quote: string, highlights: Answer['passages'][number]['highlights']): string {
  if (!style.color) return quote;
  let out = '';
  let at = 0;
  for (const { start, end } of highlights) {
    out += quote.slice(at, start) + bold(style, quote.slice(start, end));
    at = end;
  }
  return out + quote.slice(at);
}

export function renderAnswer(answer: Answer, style: TerminalStyle): string {
  const out: string[] = [];
  if (answer.noAnswer) {
    out.push(answer.message ?? 'No answer.');
    if (answer.suggestions.length > 0) out.push(`Try asking about: ${answer.suggestions.join(', ')}`);
    return out.join('\n');
  }
  // One number per article, shared by the passages, the bottom line and the figures.
  const numbers = new Map<string, number>();
  const number = (id: string) => {
    if (!numbers.has(id)) numbers.set(id, numbers.size + 1);
    return numbers.get(id)!;
  };
  for (const passage of answer.passages) {
    number(passage.article.id);
    for (const id of passage.alsoReportedBy) number(id);
  }
  if (answer.summary) {
    const articlesOf = new Map(
      (answer.figures ?? []).flatMap((report) => report.claims.map((claim) => [claim.id, claim.articles] as const)),
    );
    const cite = (claims: readonly string[]) => {
      const cited = [...new Set(claims.flatMap((id) => articlesOf.get(id) ?? []).map(number))].sort((a, b) => a - b);
      return cited.length > 0 ? ` ${cited.map((n) => `[${n}]`).join('')}` : '';
    };
    out.push(
      wrap(
        summaryLine(answer.summary, { strong: (text) => bold(style, text), text: (text) => text, cite }),
        style.width,
        '',
      ),
      '',
    );
  }
  out.push(bold(style, `Q: ${answer.question}`), '');
  // Each article once, under its number, with its passages.
  const groups = new Map<string, Answer['passages']>();
  for (const passage of answer.passages)
    groups.set(passage.article.id, [...(groups.get(passage.article.id) ?? []), passage]);
  for (const group of groups.values()) {
    const { article } = group[0]!;
    const about = [
      truncate(article.title.replace(/\s+/g, ' '), 70),
      article.publisher,
      article.published ? formatPublished(article.published) : null,
      article.id,
    ].filter(Boolean);
    const also = [...new Set(group.flatMap((passage) => passage.alsoReportedBy))];
    out.push(
      wrap(
        `${bold(style, `[${number(article.id)}]`)} ${about.join(' · ')}${article.url ? ` ${article.url}` : ''}`,
        style.width,
        '    ',
        true,
      ),
    );
    for (const passage of group)
      out.push(wrap(`“${marked(style, passage.quote, passage.highlights)}”`, style.width, '    '));
    if (also.length > 0)
      out.push(
        wrap(
          dim(style, `Also reported by: ${also.map((id) => `[${number(id)}] ${id}`).join(', ')}`),
          style.width,
          '    ',
        ),
      );
    out.push('');
  }
  if (answer.message) out.push(answer.message);
  if (answer.figures && answer.figures.length > 0) {
    for (const report of answer.figures) for (const claim of report.claims) claim.articles.forEach(number);
    const key = [...numbers].filter(
      ([id]) => !groups.has(id) && !answer.passages.some((p) => p.alsoReportedBy.includes(id)),
    );
    out.push('', bold(style, 'Figures side by side'), '', renderFigures(answer.figures, style, numbers));
    if (key.length > 0) out.push(dim(style, key.map(([id, n]) => `[${n}] ${id}`).join(' · ')));
  }
  return out.join('\n').trimEnd();
}

export function renderSources(report: SourcesReport, style: TerminalStyle): string {
  const out: string[] = [
    bold(style, `${report.articles.length} article${report.articles.length === 1 ? '' : 's'}`),
    '',
  ];
  for (const article of report.articles) {
    out.push(`${bold(style, article.id)}  ${truncate(article.title, style.width - article.id.length - 4)}`);
    out.push(
      dim(
        style,
        `    ${byline(article)} · ${languageLabel(article.language)} · ${plural(article.passages, 'passage')}${article.url ? ` · ${article.url}` : ''}`,
      ),
    );
  }
  if (report.problems.length > 0) {
    out.push('', bold(style, `${plural(report.problems.length, 'file')} not served as articles:`));
    for (const problem of report.problems) out.push(`  ${problem.file}: ${problem.reason}`);
  }
  return out.join('\n');
}

export function renderSource(source: SourceDetail, style: TerminalStyle): string {
  // A provenance names where a field was read ("front matter", a dateline) or how it was found
  // ("detected from the text"): only the first kind takes "from".
  const origin = (field: keyof SourceDetail['provenance']) => {
    const how = source.provenance[field];
    if (!how) return '';
    return dim(style, how.startsWith('detected ') ? ` (${how})` : ` (from ${how})`);
  };
  const out = [
    bold(style, source.title) + origin('title'),
    `id:        ${source.id} (${source.file})`,
    `publisher: ${source.publisher ?? 'unknown'}${origin('publisher')}`,
    `published: ${formatPublished(source.published)}${origin('published')}`,
    `url:       ${source.url ?? 'unknown'}${origin('url')}`,
    `language:  ${languageLabel(source.language)}${origin('language')}`,
    '',
    bold(style, plural(source.passages.length, 'passage')),
  ];
  for (const passage of source.passages)
    out.push(wrap(`${passage.index + 1}. ${passage.quote}`, style.width, '    ', true));
  return out.join('\n');
}

const VERDICT_MARK: Record<VerdictKind, string> = {
  disagree: '✗ disagree',
  'far apart': '! far apart',
  grew: '↗ grew',
  'different scope': '≠ different scope',
  consistent: '✓ consistent',
  undated: '? undated',
};

/** A cell's text as lines of at most `width`, broken at spaces; a word longer than the column is cut with "…". */
function wrapCell(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of text.split(/\s+/).filter(Boolean)) {
    if (word.length > width) word = `${word.slice(0, Math.max(0, width - 1))}…`;
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length > 0 ? lines : [''];
}

/** An article id as short as /source takes it: the number of a "000_76f2…" id, else the id. */
function shortId(id: string): string {
  return /^(\d+)_[0-9a-f]{6,}$/.exec(id)?.[1] ?? id;
}

/** Columns narrower than this are not worth a column: the table turns into one block per figure. */
const MIN_COLUMN = 8;
/** Longest word a column is widened for; longer ones are cut with "…". */
const LONG_WORD = 16;

/**
 * One report's claims as a table as wide as the terminal: columns as wide as their text when that
 * fits, else the room shared equally (water-filling: a column that needs less than its share
 * keeps its natural width) and never below its longest word, text wrapped at spaces within its column. Sources are short ids (what /source takes); when even that
 * does not fit the Sources column goes, and narrower still each figure is a block of wrapped lines.
 */
function figuresTable(report: FiguresReport, style: TerminalStyle, numbers?: ReadonlyMap<string, number>): string[] {
  const width = Math.max(20, style.width);
  const letters = claimLetters(report.claims);
  const rows = report.claims.map((claim) => {
    const who = claim.attributedTo ? describeAttribution(claim.attributedTo) : 'unattributed';
    const more = claim.attributions.length > 1 ? ` (+${claim.attributions.length - 1})` : '';
    const asOf = claim.asOf ? formatDate(claim.asOf.date, claim.asOf.precision) : 'date unknown';
    return {
      letter: letters.get(claim.id)!,
      cells: [
        claim.wording,
        claim.subject,
        asOf,
        who + more,
        numbers
          ? claim.articles.map((id) => `[${numbers.get(id) ?? shortId(id)}]`).join('')
          : claim.articles.map(shortId).join(', '),
      ],
    };
  });
  const titles = ['Figure', 'What', 'As of', 'Who says so', 'Source'];
  const indent = 2 + Math.max(...rows.map((row) => row.letter.length)) + 1;
  const natural = titles.map((title, i) => Math.max(title.length, ...rows.map((row) => row.cells[i]!.length)));
  const longestWord = titles.map((title, i) =>
    Math.min(
      LONG_WORD,
      Math.max(title.length, ...rows.flatMap((row) => row.cells[i]!.split(/\s+/).map((w) => w.length))),
    ),
  );
  for (const columns of [5, 4]) {
    const room = width - indent - (columns - 1) * 2;
    const nat = natural.slice(0, columns);
    const min = longestWord.slice(0, columns).map((w) => Math.max(Math.min(w, MIN_COLUMN), w));
    let widths: number[];
    if (nat.reduce((a, b) => a + b, 0) <= room) widths = nat;
    else if (min.reduce((a, b) => a + b, 0) <= room) {
      // Water-filling: the room is shared equally; a column that needs less than its share gets
      // its natural width, and what it leaves is shared again among the others.
      widths = [...min];
      let open = nat.map((_, i) => i).filter((i) => nat[i]! > min[i]!);
      for (;;) {
        const left = room - widths.reduce((a, b) => a + b, 0);
        if (open.length === 0 || left <= 0) break;
        const share = Math.floor(
          (room - widths.reduce((sum, w, i) => sum + (open.includes(i) ? 0 : w), 0)) / open.length,
        );
        const done = open.filter((i) => nat[i]! <= share);
        if (done.length === 0) {
          for (const i of open) widths[i] = Math.max(min[i]!, share);
          break;
        }
        for (const i of done) widths[i] = nat[i]!;
        open = open.filter((i) => !done.includes(i));
      }
      // A column held at its longest word can push the others over: take it back from the widest.
      for (let over = widths.reduce((a, b) => a + b, 0) - room; over > 0; over--) {
        const widest = widths.reduce((best, w, i) => (w - min[i]! > widths[best]! - min[best]! ? i : best), 0);
        if (widths[widest]! <= min[widest]!) break;
        widths[widest]! -= 1;
      }
    } else continue;
    const pad = (text: string, w: number) => text + ' '.repeat(Math.max(0, w - text.length));
    const out = [
      dim(
        style,
        `${' '.repeat(indent)}${titles
          .slice(0, columns)
          .map((t, i) => pad(t, widths[i]!))
          .join('  ')}`.trimEnd(),
      ),
    ];
    for (const row of rows) {
      const cells = row.cells.slice(0, columns).map((cell, i) => wrapCell(cell, widths[i]!));
      const height = Math.max(...cells.map((lines) => lines.length));
      for (let k = 0; k < height; k++) {
        const head =
          k === 0 ? `  ${bold(style, row.letter)}${' '.repeat(indent - 2 - row.letter.length)}` : ' '.repeat(indent);
        out.push(`${head}${cells.map((lines, i) => pad(lines[k] ?? '', widths[i]!)).join('  ')}`.trimEnd());
      }
    }
    return out;
  }
  // Too narrow for columns: one block per figure, its details wrapped under it.
  return rows.flatMap((row) => [
    `  ${bold(style, row.letter)} ${row.cells[0]}`,
    wrap(row.cells.slice(1).filter(Boolean).join(' · '), width, ' '.repeat(indent)),
  ]);
}

/** One table per category: figure, what, as of, who says so, source; the verdicts under it. */
export function renderFigures(
  reports: FiguresReport[],
  style: TerminalStyle,
  numbers?: ReadonlyMap<string, number>,
): string {
  if (reports.length === 0 || reports.every((report) => report.claims.length === 0))
    return 'No figures of that kind in the corpus.';
  const out: string[] = [];
  for (const report of reports) {
    if (report.claims.length === 0) continue;
    const heading = `${report.category}${report.item ? ` (${report.item})` : ''}`.toUpperCase();
    out.push(bold(style, `${heading} — ${report.claims.length} figure${report.claims.length === 1 ? '' : 's'}`));
    // A large category is compared among its most relevant figures (figures/compare.ts MAX_COMPARED).
    if (report.compared !== undefined)
      out.push(
        `  Verdicts compare the ${report.compared.toLocaleString('en')} most reported of them, then the latest.`,
      );
    const labels = claimLetters(report.claims);
    out.push(...figuresTable(report, style, numbers));
    // The verdicts, one compact line per kind by letter, conflicts first; /figures explains them in full.
    for (const line of compactVerdictLines(report, labels))
      out.push(wrap(line, style.width, '      ', true).replace(/^/, '  '));
    out.push('');
  }
  return out.join('\n').trimEnd();
}

const VERDICT_ORDER: VerdictKind[] = ['disagree', 'far apart', 'grew', 'undated', 'different scope', 'consistent'];
const JOIN: Record<VerdictKind, string> = {
  disagree: '≠',
  'far apart': '–',
  grew: '→',
  undated: '–',
  'different scope': '–',
  consistent: '=',
};

/** "✗ disagree D≠E", "? undated C–D, C–E": one line per kind of verdict, by the claims' letters. */
export function compactVerdictLines(report: FiguresReport, labels: ReadonlyMap<string, string>): string[] {
  return VERDICT_ORDER.flatMap((kind) => {
    const pairs = report.verdicts
      .filter((verdict) => verdict.kind === kind)
      .map((verdict) => {
        const named = verdict.claims.map((id) => labels.get(id) ?? '?');
        return named.length === 3 && kind === 'consistent'
          ? `${named[0]}+${named[1]}=${named[2]}`
          : named.join(JOIN[kind]);
      });
    return pairs.length > 0 ? [`${VERDICT_MARK[kind]} ${pairs.join(', ')}`] : [];
  });
}
