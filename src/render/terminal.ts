import { plural } from '../text/plural.js';
import type { Answer, FiguresReport, SourceDetail, SourcesReport, VerdictKind } from '../engine/types.js';
import { describeAttribution } from '../figures/attribution.js';
import { formatDate } from '../text/dates.js';
import { byline, formatPublished, languageLabel, truncate } from './text.js';

export interface TerminalStyle {
  /** Bold and dim with ANSI codes: only on a terminal that has not asked for NO_COLOR. */
  color: boolean;
  /** Terminal width for wrapping; quotes are never cut, only wrapped. */
  width: number;
}

export function terminalStyle(stream: NodeJS.WriteStream): TerminalStyle {
  return { color: Boolean(stream.isTTY) && !process.env.NO_COLOR, width: Math.min(stream.columns || 100, 120) };
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
  out.push(bold(style, `Q: ${answer.question}`), '');
  for (const passage of answer.passages) {
    out.push(wrap(`[${passage.rank}] ${marked(style, passage.quote, passage.highlights)}`, style.width, '    ', true));
    const { article } = passage;
    out.push(
      wrap(
        dim(
          style,
          `— ${byline(article)} · "${truncate(article.title, 90)}" (${article.id})${article.url ? ` ${article.url}` : ''}`,
        ),
        style.width,
        '    ',
      ),
    );
    if (passage.alsoReportedBy.length > 0)
      out.push(wrap(dim(style, `Also reported by: ${passage.alsoReportedBy.join(', ')}`), style.width, '    '));
    out.push('');
  }
  if (answer.message) out.push(answer.message);
  if (answer.figures && answer.figures.length > 0)
    out.push('', bold(style, 'Figures side by side'), '', renderFigures(answer.figures, style));
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
  grew: '↗ grew',
  'different scope': '≠ different scope',
  consistent: '✓ consistent',
  undated: '? undated',
};

function padCell(text: string, width: number): string {
  const cut = truncate(text, width);
  return cut + ' '.repeat(Math.max(0, width - cut.length));
}

/** One table per category: figure, what, as of, who says so, source; the verdicts under it. */
export function renderFigures(reports: FiguresReport[], style: TerminalStyle): string {
  if (reports.length === 0 || reports.every((report) => report.claims.length === 0))
    return 'No figures of that kind in the corpus.';
  const out: string[] = [];
  for (const report of reports) {
    if (report.claims.length === 0) continue;
    const heading = `${report.category}${report.item ? ` (${report.item})` : ''}`.toUpperCase();
    out.push(bold(style, `${heading} — ${report.claims.length} figure${report.claims.length === 1 ? '' : 's'}`));
    const columns = [18, 26, 22, 36];
    out.push(
      dim(
        style,
        `  ${['Figure', 'What', 'As of', 'Who says so'].map((title, i) => padCell(title, columns[i]!)).join(' ')} Source`,
      ),
    );
    for (const claim of report.claims) {
      const who = claim.attributedTo ? describeAttribution(claim.attributedTo) : 'unattributed';
      const more = claim.attributions.length > 1 ? ` (+${claim.attributions.length - 1})` : '';
      const asOf = claim.asOf ? formatDate(claim.asOf.date, claim.asOf.precision) : 'date unknown';
      out.push(
        `  ${[claim.wording, claim.subject, asOf, who + more].map((cell, i) => padCell(cell, columns[i]!)).join(' ')} ${claim.articles.join(', ')}`,
      );
    }
    for (const verdict of report.verdicts)
      out.push(
        wrap(`${VERDICT_MARK[verdict.kind]}: ${verdict.explanation}`, style.width, '      ', true).replace(/^/, '  '),
      );
    out.push('');
  }
  return out.join('\n').trimEnd();
}
