import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { articleFromHtml, type PageArticle } from '../../src/corpus/fromHtml.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { canonicalUrl, duplicateOf, saveArticle, slug } from '../../src/corpus/save.js';
import { Engine } from '../../src/engine/engine.js';
import { tempCorpus } from '../helpers.js';

const page = async (name: string): Promise<PageArticle> => {
  const result = articleFromHtml(await readFile(path.join(import.meta.dirname, 'pages', name), 'utf8'), null);
  if (!result.ok) throw new Error(result.reason);
  return result.article;
};
const addition = { addedBy: '300000000000000001', via: 'url' as const, addedAt: new Date('2025-03-15T09:00:00Z') };

let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => {
  await cleanup?.();
  cleanup = undefined;
});

describe('saving an article added from a page', () => {
  it('GIVEN a page saved into the corpus THEN the loader reads it back with every field, where each came from, and who added it; no temporary file is left', async () => {
    const corpus = await tempCorpus({});
    cleanup = corpus.cleanup;
    const { id } = await saveArticle(corpus.dir, await page('wire-jsonld.html'), addition);

    expect(id).toMatch(/^added\/2025-03-14-north-korean-losses-near-kursk-pass-1-000-seoul-says-[0-9a-f]{8}$/);
    expect(await readdir(path.join(corpus.dir, 'added'))).toEqual([`${id.slice('added/'.length)}.md`]);
    const { articles, problems } = await loadCorpus(corpus.dir);
    expect(problems).toEqual([]);
    expect(articles[0]).toMatchObject({
      id,
      title: 'North Korean losses near Kursk pass 1,000, Seoul says',
      publisher: 'Harbour Wire',
      url: 'https://harbourwire.example/world/2025/03/14/north-korea-kursk-losses',
      published: '2025-03-14',
      language: 'en',
      provenance: {
        publisher: 'front matter (from the page: JSON-LD publisher)',
        url: 'front matter (from the page: canonical link)',
      },
    });
    const front = await readFile(path.join(corpus.dir, `${id}.md`), 'utf8');
    expect(front).toContain('addedBy: "300000000000000001"');
    expect(front).toContain('via: url');
    expect(front).toContain('addedAt: 2025-03-15T09:00:00.000Z');

    const engine = await Engine.load(corpus.dir);
    const answer = engine.ask('how many North Korean soldiers died');
    expect(answer.passages[0]?.article.id).toBe(id);
    expect(answer.figures?.flatMap((report) => report.claims.map((claim) => claim.value))).toContain(300);
  });

  it('GIVEN a page that states no date or publisher THEN the file is named by the day it was added, and the fields stay empty', async () => {
    const corpus = await tempCorpus({});
    cleanup = corpus.cleanup;
    const { id } = await saveArticle(corpus.dir, await page('bare.html'), addition);
    expect(id).toMatch(/^added\/2025-03-15-seoul-lawmakers-briefed-on-troop-rotation-/);
    const [article] = (await loadCorpus(corpus.dir)).articles;
    expect(article).toMatchObject({ publisher: null, published: null, url: null });
  });

  it('GIVEN a title in Hangul or Cyrillic THEN a file name of plain letters all the same', () => {
    expect(slug('국정원 "북한군 사상자 3천 명 넘어"')).toBe('article');
    expect(slug('Сколько погибло')).toBe('article');
    expect(slug('Žďár: Česká stopa')).toBe('zdar-ceska-stopa');
    expect(slug(null)).toBe('article');
  });
});

describe('telling a copy of an article already there', () => {
  const known = [
    {
      id: 'wire/kursk',
      url: 'https://harbourwire.example/world/kursk-losses',
      text: 'More than 1,000 killed.\n\nSecond paragraph.',
    },
  ];

  it.each([
    [
      'https://HarbourWire.example/world/kursk-losses/?utm_source=discord&utm_medium=chat#comments',
      'other text',
      'address',
    ],
    ['https://other.example/copy', 'More than 1,000   killed.\nSecond paragraph.', 'text'],
  ])('GIVEN %s THEN it is a copy of wire/kursk, by %s', (url, text, by) => {
    expect(duplicateOf(known, { url, text: text as string })).toEqual({ id: 'wire/kursk', by });
  });

  it('GIVEN another article at another address THEN no copy', () => {
    expect(
      duplicateOf(known, { url: 'https://harbourwire.example/world/kursk-losses?page=2', text: 'new' }),
    ).toBeNull();
    expect(canonicalUrl('https://a.example/x/?b=2&a=1&fbclid=zz')).toBe('https://a.example/x?a=1&b=2');
  });
});
