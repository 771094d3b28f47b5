import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { SEED, tempCorpus } from '../helpers.js';
import type { FakeDiscordServer } from '../support/fake-discord.js';
import { buttonsOf, command, embedOf, startServer, startTestBot, stopAll } from './harness.js';

const EPHEMERAL = 64;
let server: FakeDiscordServer;

afterEach(stopAll);

describe('/sources', () => {
  it('GIVEN the seed corpus THEN one private page lists the five articles with publisher, date and language, with only "Post to channel"', async () => {
    server = await startServer();
    await startTestBot(server);

    const { callback } = await command(server, { name: 'sources' });

    expect([callback.type, callback.data?.flags]).toEqual([4, EPHEMERAL]);
    expect(callback.data?.allowed_mentions).toEqual({ parse: [] });
    const embed = embedOf(callback);
    expect(embed.title).toBe('5 articles');
    expect(embed.description).toBe('Page 1 of 1.');
    expect(embed.fields?.map((field) => field.value.match(/^`([^`]+)`/)?.[1])).toEqual(Object.values(SEED));
    expect(embed.fields?.[0]?.value).toContain('YTN, 2024-10-05');
    expect(embed.fields?.[2]?.value).toContain('newsukraine.rbc.ua, date unknown');
    expect(embed.fields?.[4]?.value).toMatch(/\(nb\)/);
    expect(buttonsOf(callback).map((button) => button.label)).toEqual(['Post to channel']);
  });

  it('GIVEN "Post to channel" clicked THEN the same listing is posted for everyone, without the button, mentioning no one', async () => {
    server = await startServer();
    await startTestBot(server);
    const { interaction, callback } = await command(server, { name: 'sources' });

    const click = await server.sendInteraction(
      server.buildButtonClick({ customId: buttonsOf(callback)[0]!.custom_id!, message: interaction.original! }),
    );
    const posted = await click.waitForCallback();

    expect([posted.type, posted.data?.flags ?? 0]).toEqual([4, 0]);
    expect(posted.data?.embeds).toEqual(callback.data?.embeds);
    expect(buttonsOf(posted)).toEqual([]);
    expect(posted.data?.allowed_mentions).toEqual({ parse: [] });
  });

  describe('GIVEN a corpus of 23 articles', () => {
    let corpus: Awaited<ReturnType<typeof tempCorpus>>;
    let engine: Engine;

    beforeAll(async () => {
      const files: Record<string, string> = {};
      for (let i = 1; i <= 23; i++) {
        const n = String(i).padStart(2, '0');
        files[`article-${n}.md`] =
          `---\ntitle: Report number ${n}\npublisher: Wire ${n}\npublished: 2024-11-${n}\nlanguage: en\n---\n` +
          `Report ${n} says that ${i * 10} soldiers crossed the river at dawn. Officials confirmed the crossing later that day.\n`;
      }
      corpus = await tempCorpus(files);
      engine = await Engine.load(corpus.dir);
    });

    afterAll(() => corpus.cleanup());

    it('THEN page 1 shows ten with Previous disabled, and Next turns the same message to page 2, then 3', async () => {
      server = await startServer();
      await startTestBot(server, { engine });

      const { interaction, callback } = await command(server, { name: 'sources' });
      const page1 = embedOf(callback);
      expect(page1.title).toBe('23 articles');
      expect(page1.description).toBe('Page 1 of 3.');
      expect(page1.fields?.map((field) => field.name)).toEqual(
        Array.from({ length: 10 }, (_, i) => `Report number ${String(i + 1).padStart(2, '0')}`),
      );
      expect(buttonsOf(callback)).toEqual([
        expect.objectContaining({ label: 'Previous', disabled: true }),
        expect.objectContaining({ label: 'Next', disabled: false }),
        expect.objectContaining({ label: 'Post to channel' }),
      ]);

      const next = buttonsOf(callback)[1]!.custom_id!;
      const click = await server.sendInteraction(
        server.buildButtonClick({ customId: next, message: interaction.original! }),
      );
      const update = await click.waitForCallback();
      expect(update.type).toBe(7);
      const page2 = embedOf(update);
      expect(page2.description).toBe('Page 2 of 3.');
      expect(page2.fields?.[0]?.name).toBe('Report number 11');
      expect(click.original?.id).toBe(interaction.original?.id);
      expect(buttonsOf(update).map((button) => button.label ?? '')).toEqual(['Previous', 'Next', 'Post to channel']);
      expect(buttonsOf(update).map((button) => button.disabled ?? false)).toEqual([false, false, false]);

      const last = await server.sendInteraction(
        server.buildButtonClick({ customId: buttonsOf(update)[1]!.custom_id!, message: click.original! }),
      );
      const page3 = await last.waitForCallback();
      expect(embedOf(page3).fields?.map((field) => field.name)).toEqual([
        'Report number 21',
        'Report number 22',
        'Report number 23',
      ]);
      expect(buttonsOf(page3).map((button) => button.disabled ?? false)).toEqual([false, true, false]);
    });

    it("THEN someone else's Next gets page 2 for them alone, and the asker's message is not edited", async () => {
      server = await startServer();
      await startTestBot(server, { engine });
      const { interaction, callback } = await command(server, { name: 'sources' });

      const click = await server.sendInteraction(
        server.buildButtonClick({
          customId: buttonsOf(callback)[1]!.custom_id!,
          message: interaction.original!,
          user: { id: '300000000000000009', username: 'bystander' },
        }),
      );
      const copy = await click.waitForCallback();

      expect([copy.type, copy.data?.flags]).toEqual([4, EPHEMERAL]);
      expect(embedOf(copy).description).toBe('Page 2 of 3.');
      expect(click.original?.id).not.toBe(interaction.original?.id);
      expect(server.requests.filter((request) => request.method === 'PATCH')).toEqual([]);
    });
  });
});

describe('/source', () => {
  it('GIVEN "004" typed into the id option THEN autocomplete offers the Norwegian article', async () => {
    server = await startServer();
    await startTestBot(server);

    const interaction = await server.sendInteraction(
      server.buildAutocomplete({ name: 'source', focused: { name: 'id', value: '004' } }),
    );
    const callback = await interaction.waitForCallback();

    expect(callback.type).toBe(8);
    const choices = callback.data?.choices as { name: string; value: string }[];
    expect(choices).toHaveLength(1);
    expect(choices[0]!.value).toBe(SEED.norwegian);
    expect(choices[0]!.name).toMatch(new RegExp(`^${SEED.norwegian} · Nord -Korea har sendt`));
    expect(choices[0]!.name.length).toBeLessThanOrEqual(100);
  });

  it('GIVEN nothing typed yet THEN autocomplete offers every article', async () => {
    server = await startServer();
    await startTestBot(server);

    const interaction = await server.sendInteraction(
      server.buildAutocomplete({ name: 'source', focused: { name: 'id', value: '' } }),
    );

    expect(((await interaction.waitForCallback()).data!.choices as unknown[]).length).toBe(5);
  });

  it('GIVEN an id THEN its metadata, first passage and id, privately with "Post to channel"', async () => {
    server = await startServer();
    await startTestBot(server);

    const { callback } = await command(server, { name: 'source', options: { id: SEED.ytn } });

    expect([callback.type, callback.data?.flags]).toEqual([4, EPHEMERAL]);
    expect(buttonsOf(callback).map((button) => button.label)).toEqual(['Post to channel']);
    const embed = embedOf(callback);
    expect(embed.title).toBe(
      'Six North Korean officers killed on battlefield in Ukra...North Korea-Russia military honeymoon is deepening.',
    );
    expect(embed.description).toMatch(/^“.+”$/s);
    expect(Object.fromEntries(embed.fields!.map((field) => [field.name, field.value]))).toMatchObject({
      Publisher: 'YTN',
      Published: '2024-10-05',
      Id: `\`${SEED.ytn}\``,
    });
  });

  it('GIVEN the unique prefix people type THEN the article it names', async () => {
    server = await startServer();
    await startTestBot(server);

    const { callback } = await command(server, { name: 'source', options: { id: '004' } });

    expect(embedOf(callback).fields?.find((field) => field.name === 'Id')?.value).toBe(`\`${SEED.norwegian}\``);
    expect(embedOf(callback).fields?.find((field) => field.name === 'Language')?.value).toMatch(/\(nb\)/);
  });

  it('GIVEN an unknown id THEN a private notice pointing to /sources', async () => {
    server = await startServer();
    await startTestBot(server);

    const { callback } = await command(server, { name: 'source', options: { id: '<@123> nope' } });

    expect(callback.type).toBe(4);
    expect(callback.data).toMatchObject({
      flags: EPHEMERAL,
      content: 'No article "\\<@123> nope". Use /sources to list them.',
      allowed_mentions: { parse: [] },
    });
  });
});

describe('/help', () => {
  it('GIVEN the seed corpus THEN a private embed says what the bot knows', async () => {
    server = await startServer();
    await startTestBot(server);

    const { callback } = await command(server, { name: 'help' });

    expect(callback.type).toBe(4);
    expect(callback.data?.flags).toBe(EPHEMERAL);
    expect(embedOf(callback).description).toMatch(/I answer from \*\*5 articles\*\*/);
  });
});
