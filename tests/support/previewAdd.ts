/**
 * Writes the replies of adding articles as JSON, for a look with shared/tools/discord-preview:
 * `npx tsx tests/support/previewAdd.ts OUT_DIR`. Not a test: a tool for reviewing the replies.
 */
import { cp, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { addArticle, removeArticle } from '../../src/engine/add.js';
import { LiveEngine } from '../../src/engine/live.js';
import {
  renderAddedForDiscord,
  renderAddedItemsForDiscord,
  renderAddFailureForDiscord,
  renderItemFailuresForDiscord,
  renderRemovedForDiscord,
} from '../../src/render/added.js';
import { SEED_CORPUS, tempCorpus } from '../helpers.js';
import { makePdf } from './pdf.js';
import { startPageServer, testPage } from './pages.js';

const out = process.argv[2] ?? 'preview-add';
const fixtures = path.resolve(import.meta.dirname, '../engine/fixtures/added');
const pages = await startPageServer({
  '/world/seoul-raises-estimate': { body: testPage('nis-september.html') },
  '/bare': { body: testPage('bare.html') },
  '/ko': { body: testPage('ko-wire.html') },
  '/wire': { body: testPage('wire-jsonld.html') },
  '/brief.pdf': {
    type: 'application/pdf',
    body: makePdf(
      [
        [
          {
            text: 'Ukrainian officials said on Monday that about 150 North Korean soldiers had been captured since the spring, most of them near the Kursk border, and that the count was not final.',
            y: 740,
          },
        ],
      ],
      'Briefing note',
    ),
  },
});
const corpus = await tempCorpus({});
await cp(SEED_CORPUS, corpus.dir, { recursive: true });
await cp(path.join(fixtures, 'april-nis.md'), path.join(corpus.dir, 'april-nis.md'));
const live = await LiveEngine.start(corpus.dir, { watch: false });
const options = { addedBy: '123456789012345678', via: 'url' as const, fetch: { allowHosts: pages.allowHosts } };
await mkdir(out, { recursive: true });
// As Discord receives it: discord.js sends `allowedMentions` as `allowed_mentions`.
const write = (name: string, reply: { allowedMentions?: unknown }) =>
  writeFile(
    path.join(out, `${name}.json`),
    JSON.stringify({ ...reply, allowed_mentions: reply.allowedMentions }, null, 2),
  );

const added = await addArticle(live, { url: `${pages.base}/world/seoul-raises-estimate` }, options);
if (!added.ok) throw new Error(added.message);
await write('add-url', renderAddedForDiscord(added, '123456789012345678', 'NIS update to lawmakers'));
const wire = await addArticle(live, { url: `${pages.base}/wire` }, options);
if (!wire.ok) throw new Error(wire.message);
await write('add-wire', renderAddedForDiscord(wire, '123456789012345678'));
const duplicate = await addArticle(live, { url: `${pages.base}/world/seoul-raises-estimate` }, options);
if (duplicate.ok) throw new Error('not refused');
await write('add-duplicate', renderAddFailureForDiscord(duplicate, `${pages.base}/world/seoul-raises-estimate`));
const items = await Promise.all([
  addArticle(live, { url: `${pages.base}/bare` }, options),
  addArticle(live, { url: `${pages.base}/ko` }, options),
  addArticle(live, { url: `${pages.base}/brief.pdf`, fileName: 'brief.pdf' }, options),
]);
await write(
  'add-message',
  renderAddedItemsForDiscord(
    items.flatMap((item) => (item.ok ? [item] : [])),
    '123456789012345678',
  ),
);
await write(
  'add-message-failures',
  renderItemFailuresForDiscord([
    {
      what: `${pages.base}/bare`,
      message:
        'Already in the corpus as added/2025-12-06-seoul-lawmakers-briefed-on-troop-rotation-0a1b2c3d (the same address): not added again.',
    },
    { what: 'photo.png', message: 'photo.png is a .png file: only .md, .txt, .html and .pdf are added.' },
  ]),
);
const removed = await removeArticle(live, added.article.id);
if (removed.ok) await write('remove', renderRemovedForDiscord(removed, '123456789012345678'));
live.close();
await pages.close();
await corpus.cleanup();
