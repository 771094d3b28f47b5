import { plural } from '../text/plural.js';
import type { Answer, FiguresReport, SourceDetail, SourcesReport, VerdictKind } from '../engine/types.js';
import { describeAttribution } from '../figures/attribution.js';
import { formatDate } from '../text/dates.js';
import { summaryLine } from './summary.js';
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

function padCell(text: string, width: number): string {
  const cut = truncate(text, width);
  return cut + ' '.repeat(Math.max(0, width - cut.length));
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
    const columns = [18, 26, 22, 36];
    out.push(
      dim(
        style,
        `  ${['Figure', 'What', 'As of', 'Who says so'].map((title, i) => padCell(title, columns[i]!)).join(' ')} Source`,
      ),
    );
    const labels = new Map(report.claims.map((claim, i) => [claim.id, letter(i)]));
    for (const claim of report.claims) {
      const who = claim.attributedTo ? describeAttribution(claim.attributedTo) : 'unattributed';
      const more = claim.attributions.length > 1 ? ` (+${claim.attributions.length - 1})` : '';
      const asOf = claim.asOf ? formatDate(claim.asOf.date, claim.asOf.precision) : 'date unknown';
      const cited = numbers
        ? claim.articles.map((id) => `[${numbers.get(id) ?? id}]`).join('')
        : claim.articles.join(', ');
      out.push(
        `${labels.get(claim.id)} ${[claim.wording, claim.subject, asOf, who + more].map((cell, i) => padCell(cell, columns[i]!)).join(' ')} ${cited}`,
      );
    }
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

function letter(i: number): string {
  return i < 26
    ? String.fromCharCode(65 + i)
    : `${String.fromCharCode(65 + Math.floor(i / 26) - 1)}${String.fromCharCode(65 + (i % 26))}`;
}

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
