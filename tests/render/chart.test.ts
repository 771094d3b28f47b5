import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import type { Claim, FiguresReport } from '../../src/engine/types.js';
import { CHART_WIDTH, chartFileName, chartPng, chartSvg, shortClaimant } from '../../src/render/chart.js';
import { nb } from '../../src/render/labels.js';
import { SEED_CORPUS } from '../helpers.js';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

function claim(id: string, over: Partial<Claim>): Claim {
  return {
    id,
    value: 100,
    low: 100,
    high: 100,
    qualifier: 'exact',
    wording: '100',
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

const report: FiguresReport = {
  category: 'killed',
  item: null,
  claims: [
    claim('a', {
      value: 6,
      low: 6,
      high: 6,
      asOf: { date: '2024-10-03', precision: 'day' },
      attributedTo: { claimant: 'Kyiv Daily', channel: null },
    }),
    claim('b', {
      value: 400,
      low: 400,
      high: 400,
      asOf: { date: '--02-26', precision: 'day' },
      attributedTo: { claimant: 'South Korean intelligence', channel: null },
    }),
    claim('c', {
      value: 100,
      low: 100,
      high: null,
      qualifier: 'at least',
      attributedTo: { claimant: 'Lee, a lawmaker', channel: null },
    }),
    claim('d', {
      value: 200,
      low: 200,
      high: 999,
      qualifier: 'vague',
      attributedTo: { claimant: '<script>&"x"</script>', channel: null },
    }),
  ],
  verdicts: [{ kind: 'disagree', claims: ['c', 'b'], explanation: '' }],
};

describe('the chart of a report', () => {
  it('is a PNG of the chart width, the same bytes for the same report', () => {
    const png = chartPng(report);
    const { width, height } = pngSize(png);
    expect(width).toBe(CHART_WIDTH);
    const svgHeight = Number(/height="(\d+)"/.exec(chartSvg(report))![1]);
    expect(height).toBe(svgHeight);
    expect(height).toBeGreaterThan(400);
    expect(height).toBeLessThan(800);
    expect(chartPng(structuredClone(report)).equals(png)).toBe(true);
  });

  it('writes its own words in the reader’s language, the articles’ words as they are', () => {
    const svg = chartSvg(report, nb);
    expect(svg).toContain('ukjent år');
    expect(svg).toContain('udatert');
    expect(svg).toContain('>Killed — 4 tall</text>');
    expect(svg).toContain('Kyiv Daily · A');
    expect(svg).not.toContain('year unknown');
    expect(chartPng(report, nb).equals(chartPng(report))).toBe(false);
  });

  it('letters each claim as the figures embed does, names each source once and joins the disagreeing pair', () => {
    const svg = chartSvg(report);
    for (const letter of ['A', 'B', 'C', 'D']) expect(svg).toMatch(new RegExp(`>${letter}( [^<]*)?</text>`));
    expect(svg).toContain('>B 26 Feb</text>');
    expect(svg).toContain('year unknown');
    expect(svg).toContain('undated');
    expect(svg).toContain('Kyiv Daily · A');
    expect(svg).toContain('>Lee · C</text>');
    expect(svg).toContain('stroke-dasharray');
    // Text from articles is escaped, never markup.
    expect(svg).not.toContain('<script>');
  });

  it('never fails and never draws at NaN, whatever the figures', () => {
    const arb = fc.array(
      fc.record({
        value: fc.oneof(fc.integer({ min: 0, max: 1e9 }), fc.constant(0.5)),
        low: fc.option(fc.integer({ min: 0, max: 1e9 }), { nil: null }),
        high: fc.option(fc.integer({ min: 0, max: 1e9 }), { nil: null }),
        date: fc.option(fc.constantFrom('2024-10-03', '2024-10', '2024', '--02-26', '--12', '2024-99-99x', 'garbage'), {
          nil: null,
        }),
        claimant: fc.option(fc.string({ maxLength: 300 }), { nil: null }),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const claims = rows.map((row, i) =>
          claim(`c${i}`, {
            value: row.value,
            low: row.low,
            high: row.high,
            asOf: row.date ? { date: row.date, precision: 'day' } : null,
            attributedTo: row.claimant === null ? null : { claimant: row.claimant, channel: null },
          }),
        );
        const svg = chartSvg({ category: 'killed', item: null, claims, verdicts: [] });
        expect(svg).not.toMatch(/NaN|Infinity|undefined/);
      }),
      { numRuns: 60 },
    );
  });

  it('GIVEN more sources than the legend holds THEN it names those that fit and counts the rest, and stays about 4:3', () => {
    const many: FiguresReport = {
      category: 'killed',
      item: null,
      claims: Array.from({ length: 20 }, (_, i) =>
        claim(`m${i}`, {
          value: 10 * (i + 1),
          attributedTo: { claimant: `Source number ${i + 1} of the ministry`, channel: null },
        }),
      ),
      verdicts: [],
    };
    const svg = chartSvg(many);
    expect(svg).toMatch(/>\+\d+ more sources<\/text>/);
    const height = Number(/height="(\d+)"/.exec(svg)![1]);
    expect(height / CHART_WIDTH).toBeLessThan(0.85);
  });

  it('GIVEN more claims than the embed lists at once THEN the chart draws those it lists first, lettered A to O', () => {
    const claims = Array.from({ length: 40 }, (_, i) =>
      claim(`x${i}`, { value: i + 1, low: i + 1, high: i + 1, articles: i % 5 === 0 ? ['a', 'b', 'c'] : ['a'] }),
    );
    const svg = chartSvg({ category: 'killed', item: null, claims, verdicts: [] });
    expect(svg).toContain('Killed — 15 of 40 figures, the most reported');
    expect(svg).toContain('>O</text>');
    expect(svg).not.toContain('>P</text>');
    // The eight told by three articles are among them.
    expect((svg.match(/<circle cx="[\d.]+" cy="[\d.]+" r="9"/g) ?? []).length).toBe(15);
  });

  it('GIVEN control characters and broken surrogates in a claimant THEN the PNG is still drawn', () => {
    const hostile = structuredClone(report);
    hostile.claims[0]!.attributedTo = { claimant: 'Kyiv\u0000 Daily\u0007 \uD800 <b>&amp;', channel: null };
    hostile.claims[1]!.subject = '\uDC00\u001F';
    expect(() => chartPng(hostile)).not.toThrow();
    expect(chartSvg(hostile)).toContain('Kyiv Daily  &#60;b&#62;&#38;amp; · A');
  });

  it('names its file after the report, and shortens a claimant to the name before its description', () => {
    expect(chartFileName({ category: 'weapons', item: 'shells' })).toBe('figures-weapons-shells.png');
    expect(
      shortClaimant({ attributedTo: { claimant: 'Andrii Kovalenko, the head of the Center', channel: null } }),
    ).toBe('Andrii Kovalenko');
    expect(shortClaimant({ attributedTo: null })).toBe('unattributed');
  });
});

describe('the chart of the seed corpus', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await Engine.load(SEED_CORPUS);
  });

  it('draws killed with every figure lettered, the undated ones in the band', () => {
    const [killed] = engine.figures('killed');
    const png = chartPng(killed!);
    expect(pngSize(png).width).toBe(CHART_WIDTH);
    const svg = chartSvg(killed!);
    for (const letter of ['A', 'B', 'C', 'D', 'E', 'F', 'G'])
      expect(svg).toMatch(new RegExp(`>${letter}( [^<]*)?</text>`));
    expect(svg).toContain('3 Oct 2024');
  });
});
