/**
 * "Open a source…" under an answer, and the bot's own words in the asker's language, end to end:
 * the real discord.js client against the local Discord-compatible server.
 */
import { Locale, type APIEmbed, type APIMessage } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { SEED } from '../helpers.js';
import type { FakeDiscordServer } from '../support/fake-discord.js';
import { LIMITS } from '../render/discordLimits.js';
import { buttonsOf, command, embedsOf, menusOf, startServer, startTestBot, stopAll, textOf } from './harness.js';

const EPHEMERAL = 64;
const READER = { id: '300000000000000009', username: 'reader' };

afterEach(stopAll);

/** Every citation number a message shows: "[3]" in its embeds' text (escaped or not) and footers. */
function citedNumbers(embeds: APIEmbed[]): Set<number> {
  const text = embeds.map(textOf).join('\n');
  return new Set([...text.matchAll(/\\?\[(\d+)\\?\]/g)].map((m) => Number(m[1])));
}

async function askKilled(server: FakeDiscordServer, locale?: Locale) {
  const { interaction, callback } = await command(server, {
    name: 'ask',
    options: { question: 'how many killed' },
    ...(locale ? { locale } : {}),
  });
  return { message: interaction.original as APIMessage, callback };
}

describe('"Open a source…" under an answer', () => {
  it('GIVEN /ask how many killed THEN the menu lists each cited article once, by the number the message gives it', async () => {
    const server = await startServer();
    await startTestBot(server);
    const { callback } = await askKilled(server);

    const [menu, ...others] = menusOf(callback);
    expect(others).toEqual([]);
    expect(menu).toMatchObject({ custom_id: 'ask:open', placeholder: 'Open a source…' });
    const numbers = menu!.options.map((option) => Number(/^\[(\d+)\] /.exec(option.label)?.[1]));
    const values = menu!.options.map((option) => option.value);
    // Each article once, each number once, in order, and every number the message cites has its option.
    expect(new Set(values).size).toBe(values.length);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(new Set(numbers)).toEqual(citedNumbers(embedsOf(callback)));
    // [1] is the article the first passage quotes, under its title and publisher.
    expect(menu!.options[0]).toEqual({
      label: '[1] North Korean Troops Face Significant Losses in Russia-Ukraine Conflict',
      value: SEED.losses,
      description: 'newsukraine.rbc.ua',
    });
    expect(values).toEqual(expect.arrayContaining([SEED.losses, SEED.ytn, SEED.minister]));
    for (const option of menu!.options) {
      expect(option.label.length).toBeLessThanOrEqual(LIMITS.selectOptionText);
      expect(option.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.selectOptionText);
    }
    // The row of ◀ ▶ Why? and the menu's row: within Discord's five.
    const rows = callback.data?.components as unknown[];
    expect(rows.length).toBeLessThanOrEqual(LIMITS.actionRows);
    expect(callback.request.status).toBe(204);
  });

  it('GIVEN someone chooses an article THEN they alone get its passages for the question and its figures, under its number', async () => {
    const server = await startServer();
    await startTestBot(server);
    const { message, callback } = await askKilled(server);
    const option = menusOf(callback)[0]!.options.find((candidate) => candidate.value === SEED.ytn)!;
    const n = Number(/^\[(\d+)\]/.exec(option.label)![1]);

    const pick = await server.sendInteraction(
      server.buildSelect({ customId: 'ask:open', values: [SEED.ytn], message, user: READER }),
    );
    const opened = await pick.waitForCallback();

    expect([opened.type, opened.data?.flags]).toEqual([4, EPHEMERAL]);
    const [article, ...figures] = embedsOf(opened);
    // Under the number the answer gave it (escaped as an embed title shows it), with its title.
    expect(article!.title!.startsWith(`\\[${n}\\] `)).toBe(true);
    expect(article!.title).toContain(option.label.slice(`[${n}] `.length, `[${n}] `.length + 20));
    expect(article!.description).toContain('**Passages for “how many killed”**');
    // Its own passages only: the quotes are YTN's, with the figure in bold.
    expect(article!.description).toMatch(/“[^”]*\*\*[^*]+\*\*[^”]*”/);
    expect(article!.footer?.text).toBe(SEED.ytn);
    // Its figures, as it tells them: every claim cites this article's number and no other.
    expect(figures.length).toBeGreaterThan(0);
    for (const embed of figures) {
      expect(embed.title).toMatch(/ — \d+ figures?$/);
      const cited = new Set([...(embed.description ?? '').matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
      expect(cited).toEqual(new Set([n]));
    }
    expect(buttonsOf(opened)).toEqual([
      expect.objectContaining({ label: 'Ask about this article', custom_id: `ask:about:${SEED.ytn}` }),
    ]);
    // The answer itself is untouched.
    expect(server.requests.filter((request) => request.method === 'PATCH')).toEqual([]);

    // "Ask about this article": a form, then the typed question answered from that article alone.
    const ask = await server.sendInteraction(
      server.buildButtonClick({
        customId: `ask:about:${SEED.ytn}`,
        message: pick.original as APIMessage,
        user: READER,
      }),
    );
    const form = await ask.waitForCallback();
    expect(form.type).toBe(9);
    expect(form.data).toMatchObject({ custom_id: `ask:about:${SEED.ytn}`, title: 'Ask about this article' });
    const sent = await server.sendInteraction(
      server.buildModalSubmit({
        customId: `ask:about:${SEED.ytn}`,
        fields: { question: 'how many injured' },
        message: pick.original as APIMessage,
        user: READER,
      }),
    );
    const answered = await sent.waitForCallback();
    expect([answered.type, answered.data?.flags]).toEqual([4, EPHEMERAL]);
    const [again] = embedsOf(answered);
    expect(again!.title).toBe(article!.title);
    expect(again!.description).toContain('“how many injured”');
    expect(again!.footer?.text).toBe(SEED.ytn);
  });

  it('GIVEN a menu on a message without its question THEN the chooser alone is told to ask again', async () => {
    const server = await startServer();
    await startTestBot(server);
    const pick = await server.sendInteraction(server.buildSelect({ customId: 'ask:open', values: [SEED.ytn] }));
    const reply = await pick.waitForCallback();
    expect([reply.type, reply.data?.flags]).toEqual([4, EPHEMERAL]);
    expect(reply.data?.content).toBe('This answer is too old to open its sources; ask again with /ask.');
  });
});

describe('the bot’s own words in the asker’s language', () => {
  it('GIVEN a Norwegian client (nb, no) THEN the labels of the answer are Norwegian; the answer’s own text is not translated', async () => {
    const server = await startServer();
    await startTestBot(server);
    const { callback, message } = await askKilled(server, Locale.Norwegian);

    const [answer, ...figures] = embedsOf(callback);
    expect(answer!.description).toContain('*Utdrag 1–3 av 10*');
    expect(answer!.description).toMatch(
      /^\*\*≈100–400 North Korean soldiers killed\*\* \[\d\]\[\d\] — 5 anslag fra 7 kilder i 2 artikler;/,
    );
    expect(answer!.footer?.text).toMatch(/Crosscheck · 5 artikler · asked: how many killed$/);
    expect(figures[0]!.title).toMatch(/^Killed — \d+ tall$/);
    expect(buttonsOf(callback).map((button) => button.label)).toEqual(['◀', '▶', 'Hvorfor?']);
    expect(menusOf(callback)[0]!.placeholder).toBe('Åpne en kilde …');
    expect(callback.request.status).toBe(204);

    // Opened by a Norwegian reader: Norwegian headings and button; a cooldown notice too.
    const pick = await server.sendInteraction(
      server.buildSelect({
        customId: 'ask:open',
        values: [SEED.ytn],
        message,
        locale: 'no' as Locale,
      }),
    );
    const opened = await pick.waitForCallback();
    expect(embedsOf(opened)[0]!.description).toContain('**Utdrag om «how many killed»**');
    expect(buttonsOf(opened).map((button) => button.label)).toEqual(['Spør om denne artikkelen']);
  });

  it('GIVEN a French client (fr), not a language of the labels THEN the labels are English', async () => {
    const server = await startServer();
    await startTestBot(server);
    const { callback } = await askKilled(server, Locale.French);

    expect(embedsOf(callback)[0]!.description).toContain('*Passages 1–3 of 10*');
    expect(buttonsOf(callback).map((button) => button.label)).toEqual(['◀', '▶', 'Why?']);
    expect(menusOf(callback)[0]!.placeholder).toBe('Open a source…');
  });

  it('GIVEN a Norwegian client THEN /help and /sources are Norwegian too', async () => {
    const server = await startServer();
    await startTestBot(server);
    const help = await command(server, { name: 'help', locale: Locale.Norwegian });
    expect(embedsOf(help.callback)[0]!.description).toMatch(/^Jeg svarer ut fra \*\*5 artikler\*\* \(\d+ utdrag\) på /);
    const sources = await command(server, { name: 'sources', locale: Locale.Norwegian });
    expect(embedsOf(sources.callback)[0]!.title).toBe('5 artikler');
    expect(buttonsOf(sources.callback).map((button) => button.label)).toEqual(['Del i kanalen']);
  });

  it('GIVEN a Norwegian client asking again too soon THEN the cooldown notice is Norwegian', async () => {
    const server = await startServer();
    await startTestBot(server, { env: { ASK_COOLDOWN_SECONDS: '30' } });
    await command(server, { name: 'ask', options: { question: 'how many killed' }, locale: Locale.Norwegian });
    const { callback } = await command(server, {
      name: 'ask',
      options: { question: 'how many injured' },
      locale: Locale.Norwegian,
    });
    expect(callback.data).toMatchObject({ flags: EPHEMERAL });
    expect(callback.data?.content).toMatch(/^Du kan spørre igjen om \d+ s\.$/);
  });
});
