/**
 * The pipeline that adds an article (src/engine/add.ts), as the bot, the console and the CLI use
 * it: pages served by a local server on 127.0.0.1 (exempted as FETCH_ALLOW_HOSTS does), files
 * handed over as bytes, the live engine reloaded in place.
 */
import { readdir, readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addArticle, removeArticle, type AddOptions } from '../../src/engine/add.js';
import { LiveEngine, type ReloadLog } from '../../src/engine/live.js';
import { tempCorpus } from '../helpers.js';
import { makePdf } from '../support/pdf.js';
import { startPageServer, testPage, type PageServer } from '../support/pages.js';

const fixture = (name: string) => readFile(path.resolve(import.meta.dirname, 'fixtures/added', name), 'utf8');

let pages: PageServer;
beforeAll(async () => {
  pages = await startPageServer({
    '/world/seoul-raises-estimate': { body: testPage('nis-september.html') },
    '/copy/seoul-raises-estimate': { body: testPage('nis-september.html') },
    '/front': { body: testPage('front-page.html') },
    '/ko': { body: testPage('ko-wire.html') },
    '/brief.pdf': {
      type: 'application/pdf',
      body: makePdf(
        [
          [
            { text: 'Briefing note: the northern front in August', y: 780 },
            { text: 'Ukrainian officials said on Monday that about 150 North Korean soldiers', y: 740 },
            { text: 'had been captured since the spring, most of them near the Kursk border.', y: 726 },
            { text: 'The note gives no figure for the dead and says the count is not final.', y: 712 },
          ],
        ],
        'Briefing note: the northern front in August',
      ),
    },
    '/image.png': { type: 'image/png', body: new Uint8Array([0x89, 0x50, 0x4e, 0x47]) },
  });
});
afterAll(() => pages.close());

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** A corpus of one article (the NIS's April toll), followed by a live engine. */
async function corpus(watch = false, log?: ReloadLog) {
  const made = await tempCorpus({ 'april-nis.md': await fixture('april-nis.md') });
  cleanups.push(made.cleanup);
  const live = await LiveEngine.start(made.dir, { watch, ...(log ? { log } : {}) });
  cleanups.push(() => live.close());
  return live;
}

const options = (): AddOptions => ({
  addedBy: '123456789012345678',
  via: 'url',
  fetch: { allowHosts: pages.allowHosts },
});

describe('adding an article', () => {
  it('GIVEN a news page THEN it is saved in added/, answerable at once, and its figure grew from the one there', async () => {
    const live = await corpus();
    const outcome = await addArticle(live, { url: `${pages.base}/world/seoul-raises-estimate` }, options());
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.article).toMatchObject({
      title: 'Seoul raises its estimate of North Korean dead',
      publisher: 'Northgate Daily',
      published: '2025-09-04',
      language: 'en',
      url: 'https://northgate.example/world/2025/09/04/seoul-raises-estimate',
    });
    expect(outcome.article.id).toMatch(
      /^added\/2025-09-04-seoul-raises-its-estimate-of-north-korean-dead-[0-9a-f]{8}$/,
    );
    expect(outcome.passages).toBeGreaterThan(0);
    // The engine serves it already: no wait for the watcher.
    const answer = live.current().ask('how many North Korean soldiers killed');
    expect(answer.passages.map((passage) => passage.article.id)).toContain(outcome.article.id);
    expect(outcome.changes.figures.map((claim) => [claim.category, claim.value, claim.qualifier])).toEqual([
      ['killed', 2000, 'at least'],
    ]);
    const grew = outcome.changes.verdicts.find(({ verdict }) => verdict.kind === 'grew');
    expect(grew?.claims.map((claim) => claim.value).sort((a, b) => a - b)).toEqual([600, 2000]);
    // The file: front matter with who added it and how, the body the page's paragraphs only.
    const saved = await readFile(outcome.file, 'utf8');
    expect(saved).toMatch(/^---\n/);
    expect(saved).toContain('addedBy: "123456789012345678"');
    expect(saved).toContain('via: url');
    expect(saved).not.toMatch(/Share Post|Markets steady|First!/);
  });

  it('GIVEN the same page twice, or its text at another address THEN the copy is refused with the id of the first, and nothing is saved', async () => {
    const live = await corpus();
    const first = await addArticle(live, { url: `${pages.base}/world/seoul-raises-estimate` }, options());
    if (!first.ok) throw new Error(first.message);
    const again = await addArticle(live, { url: `${pages.base}/world/seoul-raises-estimate` }, options());
    expect(again).toMatchObject({ ok: false, reason: 'duplicate', existing: first.article.id });
    expect(again.ok ? '' : again.message).toBe(
      `Already in the corpus as ${first.article.id} (the same address): not added again.`,
    );
    const copy = await addArticle(live, { url: `${pages.base}/copy/seoul-raises-estimate` }, options());
    expect(copy).toMatchObject({ ok: false, reason: 'duplicate', existing: first.article.id });
    expect(await readdir(path.join(live.dir, 'added'))).toHaveLength(1);
  });

  it('GIVEN two adds of one page at once THEN one is added and the other refused as its copy', async () => {
    const live = await corpus();
    const link = { url: `${pages.base}/world/seoul-raises-estimate` };
    const [a, b] = await Promise.all([addArticle(live, link, options()), addArticle(live, link, options())]);
    expect([a.ok, b.ok]).toEqual([true, false]);
    expect(await readdir(path.join(live.dir, 'added'))).toHaveLength(1);
  });

  it('GIVEN failures THEN each says what happened and nothing is saved', async () => {
    const live = await corpus();
    const cases = await Promise.all([
      addArticle(live, { url: `${pages.base}/missing` }, options()),
      addArticle(live, { url: `${pages.base}/front` }, options()),
      addArticle(live, { url: `${pages.base}/image.png` }, options()),
      addArticle(live, { url: `${pages.base}/world/seoul-raises-estimate` }, { ...options(), fetch: {} }),
      addArticle(live, { fileName: 'notes.docx', bytes: new Uint8Array([1, 2, 3]) }, { ...options(), via: 'file' }),
    ]);
    expect(cases.map((outcome) => (outcome.ok ? 'added' : [outcome.reason, outcome.fetchReason ?? null]))).toEqual([
      ['fetch', 'http-status'],
      ['not-an-article', null],
      ['type-not-allowed', 'type-not-allowed'],
      ['fetch', 'blocked-address'],
      ['type-not-allowed', null],
    ]);
    const messages = cases.map((outcome) => (outcome.ok ? '' : outcome.message));
    expect(messages[0]).toMatch(/not found \(HTTP 404\)/);
    expect(messages[1]).toMatch(/^Not added: the page has (no|only \d+ characters of) article text/);
    expect(messages[2]).toMatch(/image\/png, not a page or a document/);
    expect(messages[3]).toMatch(/127\.0\.0\.1 is a loopback address/);
    expect(messages[4]).toBe('notes.docx is a .docx file: only .md, .txt, .html and .pdf are added.');
    expect(await readdir(live.dir)).toEqual(['april-nis.md']);
  });

  it('GIVEN a name that resolves to a private address THEN it is refused before any connection', async () => {
    const live = await corpus();
    let requests = 0;
    const counted = ((...args: Parameters<typeof http.request>) => {
      requests++;
      return http.request(...args);
    }) as typeof http.request;
    const outcome = await addArticle(
      live,
      { url: 'http://intranet.example/story' },
      {
        ...options(),
        fetch: {
          allowHosts: pages.allowHosts,
          resolve: async () => [{ address: '10.0.0.7', family: 4 }],
          transport: { http: counted, https: counted as never },
        },
      },
    );
    expect(outcome).toMatchObject({ ok: false, reason: 'fetch', fetchReason: 'blocked-address' });
    expect(outcome.ok ? '' : outcome.message).toBe(
      'Not fetched: intranet.example leads to a private network address, not the public internet. Crosscheck fetches only public pages.',
    );
    expect(requests).toBe(0);
  });

  it('GIVEN a PDF link, a Korean page and Markdown and text files THEN each is read as its kind', async () => {
    const live = await corpus();
    const pdf = await addArticle(live, { url: `${pages.base}/brief.pdf` }, options());
    const ko = await addArticle(live, { url: `${pages.base}/ko` }, options());
    const md = await addArticle(
      live,
      { fileName: 'field-notes.md', bytes: Buffer.from(await fixture('field-notes.md')) },
      { ...options(), via: 'file' },
    );
    const txt = await addArticle(
      live,
      {
        fileName: 'wire.txt',
        bytes: Buffer.from(
          'Kyiv reports fresh strikes on power plants\n\nKyiv said on Sunday that overnight strikes had damaged two power plants in the east and left about 40,000 homes without electricity. Repair crews were working through the day to restore supplies before the cold weather arrives.\n',
        ),
      },
      { ...options(), via: 'file' },
    );
    for (const outcome of [pdf, ko, md, txt]) if (!outcome.ok) throw new Error(outcome.message);
    expect(pdf.ok && pdf.article).toMatchObject({
      title: 'Briefing note: the northern front in August',
      url: `${pages.base}/brief.pdf`,
    });
    expect(pdf.ok && pdf.changes.figures.map((claim) => [claim.category, claim.value])).toEqual([['captured', 150]]);
    expect(ko.ok && ko.article).toMatchObject({ language: 'ko', publisher: '한빛일보', published: '2025-01-13' });
    expect(md.ok && md.article).toMatchObject({
      title: 'Field notes from the Sumy border',
      publisher: 'Valley Courier',
      url: null,
    });
    expect(md.ok && md.changes.figures).toEqual([]);
    // A text file states no language: it is detected, as the corpus reader does.
    expect(txt.ok && txt.article).toMatchObject({
      title: 'Kyiv reports fresh strikes on power plants',
      language: 'en',
    });
    expect((await readdir(path.join(live.dir, 'added'))).sort()).toHaveLength(4);
  });

  it('GIVEN an added article removed THEN its file is moved to .removed/, the engine no longer serves it, and only added articles can be', async () => {
    const live = await corpus();
    const added = await addArticle(live, { url: `${pages.base}/world/seoul-raises-estimate` }, options());
    if (!added.ok) throw new Error(added.message);
    const removed = await removeArticle(live, added.article.id);
    expect(removed).toMatchObject({
      ok: true,
      id: added.article.id,
      title: 'Seoul raises its estimate of North Korean dead',
    });
    expect(removed.ok && removed.moved).toBe(`.removed/${path.basename(added.file)}`);
    expect(await readdir(path.join(live.dir, '.removed'))).toEqual([path.basename(added.file)]);
    expect(live.current().corpus.articles.map((article) => article.id)).toEqual(['april-nis']);
    expect(await removeArticle(live, 'april-nis')).toEqual({
      ok: false,
      message: 'Not removed: only articles added from the chat (ids starting added/) can be removed here.',
    });
    expect(await removeArticle(live, 'added/../april-nis')).toMatchObject({ ok: false });
    expect(await removeArticle(live, added.article.id)).toEqual({
      ok: false,
      message: `Not removed: there is no added article ${added.article.id}.`,
    });
  });

  it('GIVEN a watched corpus THEN an addition is indexed once: the watcher’s event for the file does not reload again', async () => {
    const seen: string[] = [];
    let noticed: () => void = () => undefined;
    const watcherSawIt = new Promise<void>((resolve) => (noticed = resolve));
    const log: ReloadLog = {
      info: (_object, message) => {
        seen.push(message);
        if (message === 'change already indexed') noticed();
      },
      warn: () => undefined,
      error: () => undefined,
    };
    const live = await corpus(true, log);
    const outcome = await addArticle(live, { url: `${pages.base}/world/seoul-raises-estimate` }, options());
    expect(outcome.ok).toBe(true);
    expect(live.reloads).toBe(1);
    await watcherSawIt;
    expect(live.reloads).toBe(1);
    expect(seen.filter((message) => message.startsWith('reloaded the corpus'))).toHaveLength(1);
  });
});
