import { afterEach, describe, expect, it } from 'vitest';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CorpusUnreadableError, loadCorpus } from '../../src/corpus/load.js';
import { SEED, SEED_CORPUS, tempCorpus } from '../helpers.js';

describe('loadCorpus on the seed articles', () => {
  it('GIVEN the five seeds THEN each has the metadata its text supports, and null elsewhere', async () => {
    const { articles, problems } = await loadCorpus(SEED_CORPUS);
    expect(problems).toEqual([]);
    const byId = Object.fromEntries(articles.map((article) => [article.id, article]));
    expect(Object.keys(byId)).toEqual(Object.values(SEED));

    // YTN: a dateline, a sign-off "I'm YTN's …" and a copyright line.
    expect(byId[SEED.ytn]).toMatchObject({
      title:
        'Six North Korean officers killed on battlefield in Ukra...North Korea-Russia military honeymoon is deepening.',
      publisher: 'YTN',
      published: '2024-10-05',
      url: null,
      language: 'en',
    });
    expect(byId[SEED.ytn]!.provenance.published).toContain('2024.10.05. PM 8:58');

    // "Related Sources: • Source 1 • Source 2" names no outlet.
    expect(byId[SEED.minister]).toMatchObject({
      title: 'North Korean Soldiers Deployed in Ukraine: A New Chapter in Russo-North Korean Relations',
      publisher: null,
      published: null,
      url: null,
      language: 'en',
    });
    // "Original Source: newsukraine.rbc.ua" names the outlet but is no article URL.
    expect(byId[SEED.losses]).toMatchObject({
      title: 'North Korean Troops Face Significant Losses in Russia-Ukraine Conflict',
      publisher: 'newsukraine.rbc.ua',
      published: null,
      url: null,
    });
    expect(byId[SEED.engineers]).toMatchObject({ publisher: null, published: null, url: null, language: 'en' });
    // "rapporterte CNN" is a cited outlet, not the publisher; "Med postledninger" names none.
    expect(byId[SEED.norwegian]).toMatchObject({ publisher: null, published: null, url: null, language: 'nb' });
    expect(byId[SEED.norwegian]!.title).toMatch(/^Nord -Korea har sendt minst 3000 flere soldater/);
  });

  it('GIVEN a seed THEN its text is the file, unchanged', async () => {
    const { readFile } = await import('node:fs/promises');
    const { articles } = await loadCorpus(SEED_CORPUS);
    const raw = await readFile(`${SEED_CORPUS}/${SEED.norwegian}.txt`, 'utf8');
    expect(articles.find((article) => article.id === SEED.norwegian)!.text).toBe(raw);
  });
});

describe('loadCorpus on Markdown with front matter', () => {
  let cleanup = async () => {};
  afterEach(() => cleanup());

  it('GIVEN full front matter THEN every field comes from it and the body is the text below it', async () => {
    const corpus = await tempCorpus({
      'reuters-strike.md': [
        '---',
        'title: Strike kills six',
        'publisher: Reuters',
        'url: https://example.com/strike',
        'published: 2024-10-04',
        'language: en',
        '---',
        'Six officers were killed in a strike near Donetsk on Thursday, officials said.',
        '',
      ].join('\n'),
    });
    cleanup = corpus.cleanup;
    const { articles, problems } = await loadCorpus(corpus.dir);
    expect(problems).toEqual([]);
    expect(articles[0]).toMatchObject({
      id: 'reuters-strike',
      title: 'Strike kills six',
      publisher: 'Reuters',
      url: 'https://example.com/strike',
      published: '2024-10-04',
      language: 'en',
      text: 'Six officers were killed in a strike near Donetsk on Thursday, officials said.\n',
    });
  });

  it('GIVEN no front matter THEN the title is the first heading and the language is detected', async () => {
    const corpus = await tempCorpus({
      'note.md':
        '# Tropper sendt til Kursk\n\nNord-Korea har sendt tusenvis av soldater til Russland, ifølge sørkoreansk etterretning, og flere er ventet å følge etter i løpet av vinteren.\n',
    });
    cleanup = corpus.cleanup;
    const { articles } = await loadCorpus(corpus.dir);
    expect(articles[0]).toMatchObject({
      title: 'Tropper sendt til Kursk',
      language: 'nb',
      publisher: null,
      published: null,
    });
  });
});

describe('loadCorpus on bad files', () => {
  let cleanup = async () => {};
  afterEach(() => cleanup());

  it('GIVEN one bad file of each kind THEN each is reported by name and reason, and the good article is served', async () => {
    const good = 'Six North Korean officers were killed near Donetsk, officials said on Friday.\n';
    const corpus = await tempCorpus({
      'good.txt': good,
      'copy-of-good.txt': `${good}\n`,
      'empty.txt': '',
      'blank.md': '  \n\n',
      'image.txt': new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]),
      'latin1.txt': new Uint8Array([0x53, 0xf8, 0x72, 0x20, 0x4b, 0x6f, 0x72, 0x65, 0x61]),
      'broken-yaml.md': '---\ntitle: [unclosed\n---\nText.\n',
      'unclosed.md': '---\ntitle: Never closed\nText.\n',
      'bad-fields.md': '---\npublished: last Tuesday\nurl: not a link\n---\nText.\n',
      'only-front-matter.md': '---\ntitle: Nothing below\n---\n',
      'report.pdf': '%PDF-1.4',
      '.gitkeep': '',
    });
    cleanup = corpus.cleanup;
    const { articles, problems } = await loadCorpus(corpus.dir);

    expect(articles.map((article) => article.id)).toEqual(['copy-of-good']);
    expect(problems).toEqual([
      {
        file: 'bad-fields.md',
        reason: 'front matter: url: Invalid URL; published: "last Tuesday" is not an ISO date such as 2024-10-05',
      },
      { file: 'blank.md', reason: 'empty file' },
      {
        file: 'broken-yaml.md',
        reason: expect.stringMatching(/^front matter is not valid YAML: /) as unknown as string,
      },
      { file: 'empty.txt', reason: 'empty file' },
      { file: 'good.txt', reason: 'same text as copy-of-good.txt; indexed once' },
      { file: 'image.txt', reason: 'binary file, not text' },
      { file: 'latin1.txt', reason: 'not valid UTF-8 text: save it as UTF-8' },
      { file: 'only-front-matter.md', reason: 'no article text after the front matter' },
      { file: 'report.pdf', reason: 'not an article file (.pdf): save articles as .md or .txt' },
      { file: 'unclosed.md', reason: 'front matter opened with --- is never closed with ---' },
    ]);
  });

  it('GIVEN many files read at once, copies among them THEN output is in name order and each copy names the first file by name', async () => {
    const files: Record<string, string> = {};
    const body = (n: number) =>
      `Report ${n}: ${n * 10} North Korean soldiers were seen near Kursk on Friday, officials said.\n`;
    for (let n = 0; n < 150; n++) files[`a-${String(n).padStart(3, '0')}.txt`] = body(n);
    // The first of these copies is large, so it finishes reading after the small one named next.
    files['a-140.txt'] = `${body(140)}${' \n'.repeat(500_000)}`;
    files['a-1400.txt'] = body(140);
    files['b-copy-of-7.md'] = `---\ntitle: Seven\n---\n${body(7)}`;
    // Copies whose white space differs: runs of spaces, tabs, line breaks, no-break spaces.
    files['b-copy-of-8.txt'] = `  ${body(8).replaceAll(' ', ' \t ').replace('Kursk', 'Kursk\r\n\r\n')}\n\n`;
    files['b-copy-of-9.txt'] = body(9).replaceAll(' ', '\u00a0');
    files['c-empty.txt'] = '';
    const corpus = await tempCorpus(files);
    cleanup = corpus.cleanup;
    const { articles, problems } = await loadCorpus(corpus.dir);

    expect(articles.map((article) => article.file)).toEqual(
      Array.from({ length: 150 }, (_, n) => `a-${String(n).padStart(3, '0')}.txt`),
    );
    expect(problems).toEqual([
      { file: 'a-1400.txt', reason: 'same text as a-140.txt; indexed once' },
      { file: 'b-copy-of-7.md', reason: 'same text as a-007.txt; indexed once' },
      { file: 'b-copy-of-8.txt', reason: 'same text as a-008.txt; indexed once' },
      { file: 'b-copy-of-9.txt', reason: 'same text as a-009.txt; indexed once' },
      { file: 'c-empty.txt', reason: 'empty file' },
    ]);
  });

  it('GIVEN articles in subfolders and a folder named like an article THEN files are taken in path order and folders skipped', async () => {
    const { mkdir, writeFile } = await import('node:fs/promises');
    const corpus = await tempCorpus({});
    cleanup = corpus.cleanup;
    const text = (n: number) =>
      `Article ${n}: ${n} drones struck Kharkiv overnight, the regional governor said on Telegram.\n`;
    await mkdir(`${corpus.dir}/2024/10`, { recursive: true });
    await mkdir(`${corpus.dir}/folder.md`);
    await mkdir(`${corpus.dir}/.hidden`);
    await writeFile(`${corpus.dir}/2024/10/b.txt`, text(1));
    await writeFile(`${corpus.dir}/2024/a.txt`, text(2));
    await writeFile(`${corpus.dir}/2024/10/a.txt`, text(2));
    await writeFile(`${corpus.dir}/.hidden/x.txt`, text(3));
    await writeFile(`${corpus.dir}/z.txt`, text(4));
    const { articles, problems } = await loadCorpus(corpus.dir);
    expect(articles.map((article) => article.id)).toEqual(['2024/10/a', '2024/10/b', 'z']);
    expect(problems).toEqual([{ file: '2024/a.txt', reason: 'same text as 2024/10/a.txt; indexed once' }]);
  });

  it('GIVEN a folder that does not exist THEN it throws an error naming the folder', async () => {
    await expect(loadCorpus('/nonexistent/corpus')).rejects.toThrow(CorpusUnreadableError);
    await expect(loadCorpus('/nonexistent/corpus')).rejects.toThrow(
      'corpus: cannot read the folder /nonexistent/corpus',
    );
  });
});

describe('loadCorpus on an article dated to the month', () => {
  let cleanup = async () => {};
  afterEach(() => cleanup());

  it('GIVEN published: 2025-03 THEN the article is served, dated to the month, with no problem', async () => {
    const corpus = await tempCorpus({
      'march.md': '---\ntitle: Losses\npublished: 2025-03\n---\nAbout 600 North Korean soldiers have been killed.\n',
    });
    cleanup = corpus.cleanup;
    const { articles, problems } = await loadCorpus(corpus.dir);
    expect(problems).toEqual([]);
    expect(articles.map((article) => [article.id, article.published])).toEqual([['march', '2025-03']]);
  });
});

describe('loadCorpus and the files that are not articles', () => {
  let cleanup: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await cleanup?.();
    cleanup = undefined;
  });

  it('GIVEN a README and a .crosscheckignore (gitignore syntax) THEN those files are neither articles nor problems', async () => {
    const article = (title: string) => `---\ntitle: ${title}\n---\n\n${title}: at least 100 soldiers were killed.\n`;
    const corpus = await tempCorpus({
      'README.md': '# Our corpus\n\nArticles about the war, one per file.\n',
      '.crosscheckignore': '# not articles\ndrafts/\n*.notes.md\n!kept.notes.md\n',
      'wire.md': article('Wire'),
      'team.notes.md': 'who reads what',
      'kept.notes.md': article('Kept notes'),
    });
    cleanup = corpus.cleanup;
    await mkdir(path.join(corpus.dir, 'drafts'));
    await writeFile(path.join(corpus.dir, 'drafts', 'half-written.md'), article('Draft'));
    await mkdir(path.join(corpus.dir, 'sub'));
    await writeFile(path.join(corpus.dir, 'sub', 'Readme.txt'), 'About this folder');
    await writeFile(path.join(corpus.dir, 'sub', 'story.md'), article('Story'));

    const { articles, problems } = await loadCorpus(corpus.dir);
    expect(articles.map((a) => a.id).sort()).toEqual(['kept.notes', 'sub/story', 'wire']);
    expect(problems).toEqual([]);
  });
});
