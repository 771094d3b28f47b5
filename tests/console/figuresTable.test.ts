import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import type { FiguresReport } from '../../src/engine/types.js';
import { describeAttribution } from '../../src/figures/attribution.js';
import { renderFigures, terminalStyle } from '../../src/render/terminal.js';
import { SEED_CORPUS } from '../helpers.js';

let reports: FiguresReport[];
beforeAll(async () => {
  reports = (await Engine.load(SEED_CORPUS)).figures();
});

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI escapes are what it looks for
const ANSI = /\x1b\[/;

describe('the figures table in a terminal', () => {
  it.each([80, 120, 50])('GIVEN %i columns THEN every line fits and no word is broken', (width) => {
    const text = renderFigures(reports, { color: false, width });
    const lines = text.split('\n');
    for (const line of lines) expect(line.length, line).toBeLessThanOrEqual(width);
    const tokens = new Set(text.split(/\s+/));
    for (const report of reports) {
      for (const claim of report.claims) {
        const words = [claim.wording, claim.subject, claim.attributedTo ? describeAttribution(claim.attributedTo) : '']
          .join(' ')
          .split(/\s+/)
          .filter((word) => word.length > 0 && word.length <= 16);
        for (const word of words) expect(tokens, `"${word}" at ${width} columns`).toContain(word);
      }
    }
    expect(text).not.toMatch(ANSI);
  });

  it('GIVEN 120 columns THEN one line per seed killed figure that fits its columns, lettered as the chart', () => {
    const text = renderFigures(
      reports.filter((report) => report.category === 'killed'),
      { color: false, width: 120 },
    );
    expect(text).toMatch(
      /^ {2}A six +North Korean officers +3 Oct 2024 +the Ukrainian media 'Kiwu Post' \(\+1\) +000, 001$/m,
    );
    expect(text).toMatch(/^ {2}G several hundred +unspecified +date unknown +a US military official +002$/m);
  });

  it('GIVEN 80 columns THEN the Who column wraps at spaces under itself', () => {
    const lines = renderFigures(
      reports.filter((report) => report.category === 'killed'),
      { color: false, width: 80 },
    ).split('\n');
    const header = lines[1]!;
    const who = header.indexOf('Who says so');
    const row = lines.findIndex((line) => line.startsWith('  D '));
    // The continuation lines of D start in the Who column, with whole words.
    expect(lines[row + 1]!.slice(0, who).trim()).not.toBe('');
    expect(
      lines
        .slice(row, row + 4)
        .map((line) => line.slice(who).split(/\s{2,}/)[0])
        .join(' '),
    ).toContain('Andrii Kovalenko, the head of the');
  });

  it('GIVEN a terminal, a pipe or NO_COLOR THEN colour only on the terminal without NO_COLOR, 80 columns when unknown', () => {
    expect(terminalStyle({ isTTY: true, columns: 100 }, {})).toEqual({ color: true, width: 100 });
    expect(terminalStyle({ isTTY: true, columns: 100 }, { NO_COLOR: '1' })).toEqual({ color: false, width: 100 });
    expect(terminalStyle({ isTTY: false, columns: undefined as unknown as number }, {})).toEqual({
      color: false,
      width: 80,
    });
    expect(terminalStyle({ isTTY: true, columns: 300 }, {})).toEqual({ color: true, width: 120 });
    expect(renderFigures(reports, { color: true, width: 100 })).toMatch(ANSI);
  });
});
