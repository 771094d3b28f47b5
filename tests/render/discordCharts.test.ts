import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buttonIds } from '../../commands/components/index.js';
import { figureTopics as topics } from '../../commands/figures.js';
import type { Claim, FiguresReport } from '../../src/engine/types.js';
import { chartSvg } from '../../src/render/chart.js';
import {
  MAX_CHARTS,
  renderFiguresCsv,
  renderFiguresOverview,
  topicLine,
  withCharts,
  withCsvButton,
} from '../../src/render/discordCharts.js';
import { renderFiguresForDiscord } from '../../src/render/discordFigures.js';
import { expectEmbedWithin, LIMITS } from './discordLimits.js';
import { text } from './hostileText.js';

function claim(id: string, value: number, over: Partial<Claim> = {}): Claim {
  return {
    id,
    value,
    low: value,
    high: value,
    qualifier: 'exact',
    wording: String(value),
    category: 'killed',
    item: null,
    subject: 'soldiers',
    scope: 'troops',
    asOf: null,
    attributedTo: null,
    attributions: [],
    articles: ['a'],
    quote: '',
    sources: [],
    ...over,
  };
}

const report = (category: string, item: string | null, claims: Claim[]): FiguresReport => ({
  category,
  item,
  claims,
  verdicts: claims.length > 1 ? [{ kind: 'disagree', claims: [claims[0]!.id, claims[1]!.id], explanation: 'x' }] : [],
});

const png = () => Buffer.from('png');

describe('charts in a Discord reply', () => {
  it('GIVEN several reports THEN each shown one gets its own file and image, at most MAX_CHARTS', () => {
    const reports = ['shells', 'missiles', 'launchers', 'guns', 'containers'].map((item, i) =>
      report('weapons', item, [claim(`${item}1`, 10 + i), claim(`${item}2`, 20 + i)]),
    );
    const reply = withCharts(
      renderFiguresForDiscord(reports, { topics, buttons: buttonIds, topic: 'weapons' }),
      reports,
      png,
    );
    expect(reply.files).toHaveLength(MAX_CHARTS);
    const names = reply.files!.map((file) => file.name);
    expect(new Set(names).size).toBe(names.length);
    const images = reply.embeds.flatMap((embed) => (embed.image ? [embed.image.url] : []));
    expect(images).toEqual(names.map((name) => `attachment://${name}`));
    expect(names[0]).toBe('figures-weapons-shells.png');
  });

  it('GIVEN no report with claims THEN the reply is as it was', () => {
    const reply = renderFiguresForDiscord([], { topics, buttons: buttonIds, topic: 'killed' });
    expect(withCharts(reply, [], png)).toBe(reply);
  });

  it('GIVEN a topic THEN "CSV file" comes in a row of its own, never past five rows', () => {
    const reports = [report('killed', null, [claim('a', 6), claim('b', 400, { qualifier: 'about' })])];
    const reply = renderFiguresForDiscord(reports, { topics, buttons: buttonIds, topic: 'killed' });
    const withButton = withCsvButton(reply, 'killed', buttonIds);
    expect(withButton.components.at(-1)).toMatchObject({
      components: [{ label: 'CSV file', custom_id: 'figures:csv:killed' }],
    });
    const full = { ...reply, components: Array.from({ length: 5 }, () => withButton.components.at(-1)!) };
    expect(withCsvButton(full, 'killed', buttonIds)).toBe(full);
  });

  it('GIVEN the claims THEN the CSV file is for the clicker alone, named after the topic', () => {
    const reply = renderFiguresCsv([report('killed', null, [claim('a', 6), claim('b', 20)])], 'killed');
    expect(reply.flags).toBe(64);
    expect(reply.files?.map((file) => file.name)).toEqual(['figures-killed.csv']);
    expect(reply.content).toMatch(/^2 killed figures as CSV/);
  });
});

describe('the figures overview', () => {
  it('GIVEN a report THEN its line: how many, smallest to largest stated, disagreements', () => {
    const killed = report('killed', null, [
      claim('a', 6),
      claim('b', 400, { qualifier: 'about' }),
      claim('c', 100, { qualifier: 'at least', high: null }),
    ]);
    expect(topicLine(killed)).toBe('3 figures, 6 to ≈400 · 1 ❌');
    expect(topicLine(report('injured', null, [claim('a', 3000)]))).toBe('1 figure, 3,000');
  });

  it('GIVEN any reports with hostile names THEN one embed and one menu within every limit', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ category: text(3), item: fc.option(text(3), { nil: null }), n: fc.integer({ min: 0, max: 4 }) }),
          {
            maxLength: 40,
          },
        ),
        (rows) => {
          const reports = rows.map((row, i) =>
            report(
              row.category,
              row.item,
              Array.from({ length: row.n }, (_, k) => claim(`r${i}c${k}`, k * 7)),
            ),
          );
          const reply = renderFiguresOverview(reports, topics, buttonIds);
          expect(reply.embeds).toHaveLength(1);
          expectEmbedWithin(reply.embeds[0]!);
          expect(reply.components.length).toBeLessThanOrEqual(1);
          for (const row of reply.components) {
            expect(row.components).toHaveLength(1);
            const menu = row.components[0] as { options: { label: string; value: string; description?: string }[] };
            expect(menu.options.length).toBeGreaterThan(0);
            expect(menu.options.length).toBeLessThanOrEqual(LIMITS.selectOptions);
            for (const option of menu.options) {
              expect(option.label.length).toBeGreaterThan(0);
              expect(option.label.length).toBeLessThanOrEqual(LIMITS.selectOptionText);
              expect(option.value.length).toBeLessThanOrEqual(LIMITS.selectOptionText);
              expect(option.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.selectOptionText);
            }
            expect(new Set(menu.options.map((option) => option.value)).size).toBe(menu.options.length);
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('the chart at scale', () => {
  it('GIVEN 400 claims from 60 sources THEN it still draws (the cost is measured in bench/chart.ts)', () => {
    const claims = Array.from({ length: 400 }, (_, i) =>
      claim(`c${i}`, 1 + ((i * 7919) % 5000), {
        asOf:
          i % 3 === 0
            ? null
            : { date: `2024-${String(1 + (i % 12)).padStart(2, '0')}-0${1 + (i % 9)}`, precision: 'day' },
        attributedTo: { claimant: `Source ${i % 60}`, channel: null },
      }),
    );
    const svg = chartSvg({ category: 'killed', item: null, claims, verdicts: [] });
    expect(svg).toContain('>A</text>');
    expect(svg).not.toMatch(/NaN/);
  });
});
