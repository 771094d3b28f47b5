/**
 * Each kind of button reads back the id it builds, and only its own; ids already posted keep
 * working. The routing answers an id no kind reads, and a click whose message lost its question.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { askedNote, questionFromFooter } from '../../commands/components/askedQuestion.js';
import { confirmRemove, confirmRemoveId } from '../../commands/components/confirmRemove.js';
import { askAbout, askAboutSubmit } from '../../commands/components/askAbout.js';
import { buttonIds, buttons, modals, selects } from '../../commands/components/index.js';
import { openSource } from '../../commands/components/openSource.js';
import { figuresCsv } from '../../commands/components/figuresCsv.js';
import { figuresOf } from '../../commands/components/figuresOf.js';
import { openTopic } from '../../commands/components/openTopic.js';
import { figuresPage } from '../../commands/components/figuresPage.js';
import { passagesPage } from '../../commands/components/passagesPage.js';
import { showFigures } from '../../commands/components/showFigures.js';
import { postToChannel } from '../../commands/components/postToChannel.js';
import { sourcesPage } from '../../commands/components/sourcesPage.js';
import { whyVerdicts } from '../../commands/components/whyVerdicts.js';
import type { FakeDiscordServer } from '../support/fake-discord.js';
import { startServer, startTestBot, stopAll } from './harness.js';

const EPHEMERAL = 64;

describe('button ids', () => {
  const cases = [
    { id: buttonIds.passagesPage(3, 3), posted: 'ask:page:3:3', kind: passagesPage, data: { offset: 3, size: 3 } },
    { id: buttonIds.why(3), posted: 'ask:why:3', kind: whyVerdicts, data: { of: 'answer', size: 3 } },
    {
      id: buttonIds.figuresWhy('shells', 15),
      posted: 'figures:why:shells:15',
      kind: whyVerdicts,
      data: { of: 'figures', topic: 'shells', offset: 15 },
    },
    { id: buttonIds.showFigures(3), posted: 'ask:figures:3', kind: showFigures, data: { limit: 3 } },
    { id: buttonIds.figuresOf('killed'), posted: 'figures:show:killed', kind: figuresOf, data: { topic: 'killed' } },
    {
      id: buttonIds.figuresPage('shells', 15),
      posted: 'figures:page:shells:15',
      kind: figuresPage,
      data: { topic: 'shells', offset: 15 },
    },
    { id: buttonIds.sourcesPage(2), posted: 'sources:page:2', kind: sourcesPage, data: { page: 2 } },
    { id: buttonIds.figuresCsv('killed'), posted: 'figures:csv:killed', kind: figuresCsv, data: { topic: 'killed' } },
    { id: buttonIds.postToChannel(), posted: 'post:channel', kind: postToChannel, data: {} },
    {
      id: confirmRemoveId('added/2025-09-04-seoul-raises-estimate-ddaf1749')!,
      posted: 'remove:confirm:added/2025-09-04-seoul-raises-estimate-ddaf1749',
      kind: confirmRemove,
      data: { id: 'added/2025-09-04-seoul-raises-estimate-ddaf1749' },
    },
    {
      id: buttonIds.askAbout('000_76f2eabdc61f15ff'),
      posted: 'ask:about:000_76f2eabdc61f15ff',
      kind: askAbout,
      data: { article: '000_76f2eabdc61f15ff' },
    },
  ] as const;

  it.each(cases)(
    'GIVEN the id built for $posted THEN it is the format already posted, and its kind reads it back',
    ({ id, posted, kind, data }) => {
      expect(id).toBe(posted);
      expect(kind.parse(id)).toStrictEqual(data);
    },
  );

  it.each(cases)('GIVEN $posted THEN no other kind of button reads it', ({ id, kind }) => {
    expect(buttons.filter((other) => other !== kind && other.parse(id) !== null)).toStrictEqual([]);
  });

  it('GIVEN every kind THEN each is routed (listed once)', () => {
    expect(new Set(buttons)).toStrictEqual(
      new Set([
        passagesPage,
        whyVerdicts,
        showFigures,
        figuresOf,
        figuresPage,
        sourcesPage,
        figuresCsv,
        postToChannel,
        confirmRemove,
        askAbout,
      ]),
    );
    expect(buttons).toHaveLength(10);
  });

  it('GIVEN the menu of topics THEN its id is its own, and no button reads it', () => {
    expect(buttonIds.openTopic()).toBe('figures:open');
    expect(selects).toStrictEqual([openTopic, openSource]);
    expect(openTopic.parse(buttonIds.openTopic())).toStrictEqual({});
    expect(openTopic.parse('figures:open:x')).toBeNull();
    expect(buttons.filter((button) => button.parse(buttonIds.openTopic()) !== null)).toStrictEqual([]);
  });

  it('GIVEN the menu of sources and the form about one article THEN their ids are their own', () => {
    expect(buttonIds.openSource()).toBe('ask:open');
    expect(openSource.parse('ask:open')).toStrictEqual({});
    expect(openTopic.parse('ask:open')).toBeNull();
    expect(buttons.filter((button) => button.parse('ask:open') !== null)).toStrictEqual([]);
    expect(modals).toStrictEqual([askAboutSubmit]);
    expect(askAboutSubmit.parse(buttonIds.askAbout('003_x'))).toStrictEqual({ article: '003_x' });
    // An id longer than a custom id holds is cut: a unique prefix still finds the article.
    expect(buttonIds.askAbout('a'.repeat(200)).length).toBeLessThanOrEqual(100);
  });

  it('GIVEN a "More passages" id already posted (ask:more:<n>) THEN it opens the page of the last three of those n', () => {
    expect(passagesPage.parse('ask:more:6')).toStrictEqual({ offset: 3, size: 3 });
    expect(passagesPage.parse('ask:more:9')).toStrictEqual({ offset: 6, size: 3 });
    expect(passagesPage.parse('ask:more:x')).toStrictEqual({ offset: 3, size: 3 });
    // A bad page is the first page of three.
    expect(passagesPage.parse('ask:page:-1:3')).toStrictEqual({ offset: 0, size: 3 });
    expect(passagesPage.parse('ask:page:x:y')).toStrictEqual({ offset: 0, size: 3 });
  });

  it('GIVEN a page id with a bad offset THEN the first page, as before', () => {
    expect(figuresPage.parse('figures:page:killed:x')).toStrictEqual({ topic: 'killed', offset: 0 });
    expect(sourcesPage.parse('sources:page:x')).toStrictEqual({ page: 0 });
  });

  it('GIVEN a question with a mention THEN the footer note defuses it and the components read it back as asked', () => {
    const footer = `Crosscheck · 5 articles${askedNote('@everyone how many killed')}`;
    expect(footer).toBe('Crosscheck · 5 articles · asked: @\u200beveryone how many killed');
    expect(questionFromFooter(footer)).toBe('@everyone how many killed');
    expect(questionFromFooter('Crosscheck · 5 articles')).toBeNull();
  });
});

describe('clicks the bot cannot act on', () => {
  let server: FakeDiscordServer;
  afterEach(stopAll);

  it('GIVEN a button id no kind reads (a retired button) THEN the clicker alone is told it does nothing now', async () => {
    server = await startServer();
    await startTestBot(server);

    const click = await server.sendInteraction(server.buildButtonClick({ customId: 'poll:vote:1' }));
    const callback = await click.waitForCallback();

    expect(callback.type).toBe(4);
    expect(callback.data).toMatchObject({
      content: 'That button no longer does anything; ask again with /ask.',
      flags: EPHEMERAL,
    });
  });

  it('GIVEN "More passages" (or ◀ ▶) on a message without the question in its footer THEN the clicker is told to ask again', async () => {
    server = await startServer();
    await startTestBot(server);

    const click = await server.sendInteraction(server.buildButtonClick({ customId: 'ask:more:6' }));
    const callback = await click.waitForCallback();

    expect(callback.data).toMatchObject({
      content: 'This answer is too old to page; ask again with /ask.',
      flags: EPHEMERAL,
    });
  });
});
