import type { APIEmbed, APIMessage } from 'discord.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { SEED, tempCorpus } from '../helpers.js';
import type { AcceptedCallback, ChatInputOptions, FakeDiscordServer } from '../support/fake-discord.js';
import { answerEmbedOf, buttonsOf, command, embedsOf, startServer, startTestBot, stopAll, textOf } from './harness.js';

const EPHEMERAL = 64;
let server: FakeDiscordServer;

afterEach(stopAll);

/** A `<@…`, `<#…` or @everyone/@here that Discord would render: not after an odd run of backslashes. */
function unescapedMentions(text: string): string[] {
  return [...text.matchAll(/<[@#]|@(everyone|here)/gi)]
    .filter((match) => (text.slice(0, match.index).match(/\\*$/)?.[0].length ?? 0) % 2 === 0)
    .map((match) => match[0]);
}

/** Discord's limits, written out: the fake server enforces them too (50035), this says which one broke. */
function expectWithinLimits(embeds: APIEmbed[]): void {
  expect(embeds.length).toBeLessThanOrEqual(10);
  let total = 0;
  for (const embed of embeds) {
    expect(embed.title?.length ?? 0).toBeLessThanOrEqual(256);
    expect(embed.description?.length ?? 0).toBeLessThanOrEqual(4096);
    expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(2048);
    total += (embed.title?.length ?? 0) + (embed.description?.length ?? 0) + (embed.footer?.text.length ?? 0);
    for (const field of embed.fields ?? []) total += field.name.length + field.value.length;
  }
  expect(total).toBeLessThanOrEqual(6000);
}

/** The line of the figures embed that lists a claim, by its wording (quoted after the value in bold). */
function claimLine(embed: APIEmbed, wording: string): string {
  const line = embed.description
    ?.split('\n')
    .find((candidate) => candidate.includes(`“${wording}”`) || candidate.includes(`**${wording}**`));
  if (!line) throw new Error(`no line for "${wording}" in:\n${embed.description}`);
  return line;
}

function figuresEmbed(callback: AcceptedCallback | APIMessage | null | undefined, title: RegExp): APIEmbed {
  const found = embedsOf(callback).find((embed) => title.test(embed.title ?? ''));
  if (!found)
    throw new Error(
      `no embed titled ${title}: ${embedsOf(callback)
        .map((embed) => embed.title)
        .join(', ')}`,
    );
  return found;
}

describe('/figures topic:killed', () => {
  it('GIVEN the seed corpus THEN one embed lists every killed figure side by side, with who, when, sources and the verdicts', async () => {
    server = await startServer();
    await startTestBot(server);

    const { callback, interaction } = await command(server, { name: 'figures', options: { topic: 'killed' } });

    expect(callback.type).toBe(4);
    expect(callback.request.status).toBe(204);
    expect(callback.data?.flags ?? 0).toBe(0);
    expect(callback.data?.allowed_mentions).toEqual({ parse: [] });
    const embeds = embedsOf(callback);
    expect(embeds).toHaveLength(1);
    const [embed] = embeds as [APIEmbed];
    expect(embed.title).toMatch(/^Killed — \d+ figures$/);

    // The six officers of 3 Oct 2024, told by two outlets: two numbered citations.
    const six = claimLine(embed, 'six');
    expect(six).toMatch(/^`[A-Z]` \*\*6\*\* · “six” · North Korean officers · 3 Oct 2024 · .+ · \[\d+\]\[\d+\]$/);
    // The differing accounts, each led by its value, with what was counted and who says it (short).
    expect(claimLine(embed, 'at least 100')).toMatch(
      /\*\* · “at least 100” · North Korean soldiers · .* · Lee Seong-kweun/,
    );
    expect(claimLine(embed, 'several hundred')).toMatch(/^`[A-Z]` \*\*200–900\*\* · .* · US military official · /);
    expect(claimLine(embed, 'exceeded 200')).toContain('18 Dec (year unknown)');
    // The Norwegian figure: no year anywhere in its article, and none invented; its language said.
    expect(claimLine(embed, 'Rundt 400')).toMatch(
      /^`[A-Z]` \*\*≈400\*\* · “Rundt 400” \(nb\) · .* · 26 Feb \(year unknown\)/,
    );
    // Under the figures, the verdicts, compact by letter: "at least 100" and "several hundred" are far apart.
    expect(embed.description).toMatch(/^⚠️ far apart [A-Z]–[A-Z], [A-Z]–[A-Z]$/m);
    expect(embed.description).not.toMatch(/do not overlap/);
    // Every citation number is explained in the footer, with the article's id.
    const cited = new Set([...embed.description!.matchAll(/\[(\d+)\]/g)].map((match) => match[1]));
    const keyed = new Set([...embed.footer!.text.matchAll(/^\[(\d+)\] /gm)].map((match) => match[1]));
    expect([...cited].sort()).toEqual([...keyed].sort());
    for (const id of [SEED.ytn, SEED.minister, SEED.losses, SEED.norwegian]) expect(embed.footer?.text).toContain(id);
    expect(embed.footer?.text).toMatch(/^\[\d+\] 000_76f2eabdc61f15ff · YTN, 2024-10-05$/m);
    // Seven figures fit: no paging; the verdicts in full behind "Why?", the claims as a CSV file a button away.
    expect(buttonsOf(callback)).toEqual([
      expect.objectContaining({ label: 'Why?', custom_id: 'figures:why:killed:0' }),
      expect.objectContaining({ label: 'CSV file', custom_id: 'figures:csv:killed' }),
    ]);

    // "Why?", clicked by anyone: the verdicts in full, for the clicker alone.
    const click = await server.sendInteraction(
      server.buildButtonClick({
        customId: 'figures:why:killed:0',
        user: { id: '300000000000000009', username: 'bystander' },
      }),
    );
    const why = await click.waitForCallback();
    expect(why.data?.flags).toBe(EPHEMERAL);
    expect(embedsOf(why)[0]!.description).toMatch(
      /^⚠️ \*\*Far apart\*\* \([A-Z], [A-Z]\): at least 100 .* several hundred .*$/m,
    );
    // The chart: a PNG uploaded with the reply (multipart), drawn as the figures' embed image.
    expect(callback.request.files).toEqual([expect.objectContaining({ filename: 'figures-killed.png' })]);
    expect(callback.request.files[0]!.size).toBeGreaterThan(10_000);
    expect(embed.image?.url).toBe('attachment://figures-killed.png');
    expect(interaction.original?.attachments.map((attachment) => attachment.filename)).toEqual(['figures-killed.png']);
  });

  it('GIVEN "CSV file" is clicked THEN the clicker alone gets the claims as a CSV file', async () => {
    server = await startServer();
    await startTestBot(server);
    const { interaction } = await command(server, { name: 'figures', options: { topic: 'killed' } });

    const click = await server.sendInteraction(
      server.buildButtonClick({ customId: 'figures:csv:killed', message: interaction.original as APIMessage }),
    );
    const reply = await click.waitForCallback();

    expect([reply.type, reply.data?.flags]).toEqual([4, EPHEMERAL]);
    expect(reply.data?.content).toMatch(/^7 killed figures as CSV/);
    expect(reply.request.files).toEqual([expect.objectContaining({ filename: 'figures-killed.csv' })]);
    expect(click.original?.attachments.map((attachment) => attachment.filename)).toEqual(['figures-killed.csv']);
  });

  it('GIVEN public:false THEN the figures are for the asker alone', async () => {
    server = await startServer();
    await startTestBot(server);

    const { callback } = await command(server, { name: 'figures', options: { topic: 'injured', public: false } });

    expect(callback.data?.flags).toBe(EPHEMERAL);
    expect(figuresEmbed(callback, /^Injured/).description).toContain('**≈1,000** · “around 1,000”');
  });

  it('GIVEN a topic the corpus has no figures of THEN it says so and lists the topics', async () => {
    server = await startServer();
    await startTestBot(server);

    const { callback } = await command(server, { name: 'figures', options: { topic: 'guns' } });

    expect(callback.request.status).toBe(204);
    const [embed] = embedsOf(callback) as [APIEmbed];
    expect(embed.description).toMatch(/^No figures about guns in the corpus\.\nTopics: `killed`/);
  });
});

describe('/figures with no topic', () => {
  it('GIVEN the seed corpus THEN one overview embed, a line per topic, and a menu that opens a topic for the chooser alone, with its chart', async () => {
    server = await startServer();
    await startTestBot(server);

    const { callback, interaction } = await command(server, { name: 'figures' });

    expect(callback.type).toBe(4);
    expect(callback.request.status).toBe(204);
    expect(callback.data?.allowed_mentions).toEqual({ parse: [] });
    const embeds = embedsOf(callback);
    expect(embeds).toHaveLength(1);
    expectWithinLimits(embeds);
    const lines = embeds[0]!.description!.split('\n');
    // Killed first: how many, from the smallest to the largest, and how many pairs disagree or are far apart.
    expect(lines[0]).toBe('**Killed** — 7 figures, 6 to ≈400 · 2 ⚠️');
    for (const topic of ['Injured', 'Deployed', 'Weapons: shells'])
      expect(lines.some((line) => line.startsWith(`**${topic}** — `))).toBe(true);
    expect(callback.request.files).toEqual([]);
    // The menu: one option per topic with figures.
    const rows = callback.data?.components as {
      components: { type: number; custom_id: string; placeholder: string; options: { value: string }[] }[];
    }[];
    expect(rows).toHaveLength(1);
    const [menu] = rows[0]!.components;
    expect(menu).toMatchObject({ type: 3, custom_id: 'figures:open', placeholder: 'Open a topic…' });
    expect(menu!.options.map((option) => option.value)).toEqual(
      expect.arrayContaining(['killed', 'injured', 'shells']),
    );

    // Someone picks "killed": the killed figures and their chart, for them alone; the overview stays.
    const pick = await server.sendInteraction(
      server.buildSelect({
        customId: 'figures:open',
        values: ['killed'],
        message: interaction.original as APIMessage,
        user: { id: '300000000000000009', username: 'reader' },
      }),
    );
    const opened = await pick.waitForCallback();
    expect([opened.type, opened.data?.flags]).toEqual([4, EPHEMERAL]);
    const [killed] = embedsOf(opened) as [APIEmbed];
    expect(killed.title).toMatch(/^Killed — 7 figures$/);
    expect(killed.image?.url).toBe('attachment://figures-killed.png');
    expect(opened.request.files.map((file) => file.filename)).toEqual(['figures-killed.png']);
    expect(server.requests.filter((request) => request.method === 'PATCH')).toEqual([]);
  });

  it('GIVEN more topics than a message holds embeds THEN still one embed and one menu, every topic in both', async () => {
    // Six categories and seven weapon items: thirteen reports, more than a message's ten embeds.
    const items = ['shells', 'missiles', 'launchers', 'guns', 'containers', 'drones', 'weapons'];
    const corpus = await tempCorpus(
      Object.fromEntries(
        items.map((item, i) => [
          `w${i}.md`,
          `---\ntitle: Arms ${i}\npublisher: Wire\npublished: 2024-11-0${i + 1}\n---\nNorth Korea has sent ${100 + i} ${item} to Russia, officials said. About ${20 + i} soldiers were killed and ${30 + i} injured, and ${5 + i} were captured. Another ${1000 + i} troops were deployed. At least ${3000 + i} more soldiers were sent as reinforcements. Casualties have reached ${4000 + i}.\n`,
        ]),
      ),
    );
    try {
      const engine = await Engine.load(corpus.dir);
      const reports = engine.figures().filter((report) => report.claims.length > 0);
      server = await startServer();
      await startTestBot(server, { engine });

      const { callback, interaction } = await command(server, { name: 'figures' });

      expect(callback.request.status).toBe(204);
      expect(reports.length).toBeGreaterThan(10);
      const embeds = embedsOf(callback);
      expect(embeds).toHaveLength(1);
      expect(embeds[0]!.description!.split('\n').filter((line) => line.startsWith('**'))).toHaveLength(reports.length);
      const rows = callback.data?.components as { components: { options: { value: string }[] }[] }[];
      const values = rows[0]!.components[0]!.options.map((option) => option.value);
      expect(new Set(values).size).toBe(values.length);
      expect(values).toEqual(expect.arrayContaining(['killed', 'captured', 'shells', 'guns']));

      // The menu works from the message alone.
      const pick = await server.sendInteraction(
        server.buildSelect({ customId: 'figures:open', values: ['guns'], message: interaction.original as APIMessage }),
      );
      const opened = await pick.waitForCallback();
      expect([opened.type, opened.data?.flags]).toEqual([4, EPHEMERAL]);
      expect(embedsOf(opened).map((embed) => embed.title)).toEqual([expect.stringMatching(/^Weapons: guns — /)]);
      expect(opened.request.files.map((file) => file.filename)).toEqual(['figures-weapons-guns.png']);
    } finally {
      await corpus.cleanup();
    }
  });

  it('GIVEN a menu value that is no topic THEN the chooser alone is told so', async () => {
    server = await startServer();
    await startTestBot(server);
    const pick = await server.sendInteraction(server.buildSelect({ customId: 'figures:open', values: ['pizza'] }));
    const reply = await pick.waitForCallback();
    expect([reply.type, reply.data?.flags]).toEqual([4, EPHEMERAL]);
    expect(reply.data?.content).toContain('There is no topic "pizza"');
  });
});

describe('a topic with more figures than one embed shows', () => {
  let corpus: Awaited<ReturnType<typeof tempCorpus>>;
  let engine: Engine;

  beforeAll(async () => {
    // Forty articles, each with its own count of the dead: more than one page.
    corpus = await tempCorpus(
      Object.fromEntries(
        Array.from({ length: 40 }, (_, i) => [
          `a${String(i).padStart(3, '0')}.md`,
          `---\ntitle: Report ${i}\npublisher: Wire ${i % 5}\npublished: 2025-01-${String((i % 28) + 1).padStart(2, '0')}\n---\nAt least ${100 + i * 37} North Korean soldiers have been killed, officials said on Monday. Another ${i + 3} soldiers were injured in the fighting.\n`,
        ]),
      ),
    );
    engine = await Engine.load(corpus.dir);
  });

  afterAll(() => corpus.cleanup());

  it('GIVEN 40 killed figures THEN the most reported and latest come first, the rest are counted, and "More figures" pages in place', async () => {
    const total = engine.figures('killed')[0]!.claims.length;
    expect(total).toBeGreaterThan(15);
    server = await startServer();
    await startTestBot(server, { engine });

    const { callback, interaction } = await command(server, { name: 'figures', options: { topic: 'killed' } });

    const [embed] = embedsOf(callback) as [APIEmbed];
    expectWithinLimits([embed]);
    expect(embed.description).toContain(`*Showing 15 of ${total}, the most reported and latest first.*`);
    expect(buttonsOf(callback)).toEqual([
      expect.objectContaining({ label: 'Previous figures', custom_id: 'figures:page:killed:0', disabled: true }),
      expect.objectContaining({ label: 'More figures', custom_id: 'figures:page:killed:15' }),
      expect.objectContaining({ label: 'Why?', custom_id: 'figures:why:killed:0' }),
      expect.objectContaining({ label: 'CSV file', custom_id: 'figures:csv:killed' }),
    ]);

    const click = await server.sendInteraction(
      server.buildButtonClick({ customId: 'figures:page:killed:15', message: interaction.original as APIMessage }),
    );
    const update = await click.waitForCallback();

    expect(update.type).toBe(7);
    const [page] = embedsOf(update) as [APIEmbed];
    expect(page.description).toContain(`*Figures 16–30 of ${total}, the most reported and latest first.*`);
    expect(buttonsOf(update)).toEqual([
      expect.objectContaining({ custom_id: 'figures:page:killed:0' }),
      expect.objectContaining({ custom_id: 'figures:page:killed:30' }),
      expect.objectContaining({ custom_id: 'figures:why:killed:15' }),
      expect.objectContaining({ custom_id: 'figures:csv:killed' }),
    ]);
    // The page keeps its one chart: the update sends it again, in place of the old one.
    expect(click.original?.attachments.map((attachment) => attachment.filename)).toEqual(['figures-killed.png']);
    expect(click.original?.id).toBe(interaction.original?.id);
  });

  it('GIVEN someone else clicks "More figures" THEN they get the next page for them alone, and the asker\'s message is not edited', async () => {
    const total = engine.figures('killed')[0]!.claims.length;
    server = await startServer();
    await startTestBot(server, { engine });
    const { interaction } = await command(server, { name: 'figures', options: { topic: 'killed' } });

    const click = await server.sendInteraction(
      server.buildButtonClick({
        customId: 'figures:page:killed:15',
        message: interaction.original as APIMessage,
        user: { id: '300000000000000009', username: 'bystander' },
      }),
    );
    const copy = await click.waitForCallback();

    expect([copy.type, copy.data?.flags]).toEqual([4, EPHEMERAL]);
    const [page] = embedsOf(copy) as [APIEmbed];
    expect(page.description).toContain(`*Figures 16–30 of ${total}, the most reported and latest first.*`);
    expect(click.original?.id).not.toBe(interaction.original?.id);
    expect(server.requests.filter((request) => request.method === 'PATCH')).toEqual([]);
  });
});

describe('/ask about a figure', () => {
  it('GIVEN "how many killed" THEN the cited passages and the killed figures side by side come in one reply, within every limit', async () => {
    server = await startServer();
    await startTestBot(server);

    const { callback } = await command(server, { name: 'ask', options: { question: 'how many killed' } });

    expect(callback.type).toBe(4);
    expect(callback.request.status).toBe(204);
    expect(callback.data?.allowed_mentions).toEqual({ parse: [] });
    const embeds = embedsOf(callback);
    expectWithinLimits(embeds);
    expect(embeds).toHaveLength(2);
    // The passages, each cited to a seed article.
    const answer = answerEmbedOf(callback);
    expect(answer.description).toMatch(/^\*\*≈100–400 North Korean soldiers killed\*\*/);
    expect([...answer.description!.matchAll(/^\*\*\[(\d+)\]\*\* /gm)].map((m) => m[1])).toEqual(['1', '2']);
    // Under them, the killed figures, citing each article by the same number as the passages.
    const figures = embeds[1]!;
    expect(figures.title).toMatch(/^Killed — \d+ figures$/);
    expect(claimLine(figures, 'six')).toContain('3 Oct 2024');
    expect(claimLine(figures, 'Rundt 400')).toContain('(year unknown)');
    expect(figures.description).toMatch(/^⚠️ far apart /m);
    const numberOf = new Map<string, string>();
    for (const embed of embeds)
      for (const [, n, id] of embed.footer?.text.matchAll(/\[(\d+)\] (\d{3}_[0-9a-f]{16})/g) ?? []) {
        expect(numberOf.get(id!) ?? n).toBe(n);
        numberOf.set(id!, n!);
      }
    expect(numberOf.get(SEED.losses)).toBe('1');
    // The figures all fit: paging and "Why?".
    expect(buttonsOf(callback).map((button) => button.label)).toEqual(['◀', '▶', 'Why?']);
    // The killed chart comes with the answer, drawn as the figures' image.
    expect(callback.request.files.map((file) => file.filename)).toEqual(['figures-killed.png']);
    expect(figures.image?.url).toBe('attachment://figures-killed.png');
  });

  it('GIVEN "Show figures" (offered when the figures do not fit beside the passages) THEN the clicker gets every figure and verdict, after a restart too', async () => {
    server = await startServer();
    const first = await startTestBot(server);
    const { callback, interaction } = await command(server, {
      name: 'ask',
      options: { question: 'how many killed', limit: 10 },
    });
    expectWithinLimits(embedsOf(callback));
    // Ten passages on one page and the seed's seven figures fit together now: the button is not offered,
    // but one posted under an earlier answer still works.
    expect(buttonsOf(callback).map((button) => button.label)).toEqual(['Why?']);
    const show = { custom_id: 'ask:figures:10' };

    await first.stop();
    await startTestBot(server);
    const click = await server.sendInteraction(
      server.buildButtonClick({ customId: show!.custom_id!, message: interaction.original as APIMessage }),
    );
    const reply = await click.waitForCallback();

    expect(reply.type).toBe(4);
    expect(reply.data?.flags).toBe(EPHEMERAL);
    expect(reply.data?.content).toBe('Figures for “how many killed”');
    const killed = figuresEmbed(reply, /^Killed/);
    expect(killed.description).not.toMatch(/more verdicts?:/);
    expect(killed.description).toMatch(/^✅ /m);
    // The message it was clicked on is left as it was.
    expect(server.requests.some((request) => request.method === 'PATCH' && request.path.includes(click.token))).toBe(
      false,
    );
  });

  it("GIVEN a question that names a figure without asking for one THEN a button offers that category's figures", async () => {
    server = await startServer();
    await startTestBot(server);

    const { callback } = await command(server, { name: 'ask', options: { question: 'officers killed near Donetsk' } });

    expect(embedsOf(callback)).toHaveLength(1);
    const all = buttonsOf(callback).find((button) => button.custom_id === 'figures:show:killed');
    expect(all?.label).toMatch(/^All killed figures \(\d+\)$/);

    const click = await server.sendInteraction(server.buildButtonClick({ customId: all!.custom_id! }));
    const reply = await click.waitForCallback();
    expect(reply.data?.flags).toBe(EPHEMERAL);
    expect(claimLine(figuresEmbed(reply, /^Killed/), 'six')).toContain('North Korean officers');
  });

  it('GIVEN "@everyone how many killed" THEN nobody is pinged and nothing in the reply renders as a mention', async () => {
    server = await startServer();
    await startTestBot(server);

    const { callback } = await command(server, {
      name: 'ask',
      options: { question: '@everyone <@&123> how many killed' },
    });

    expect(callback.request.status).toBe(204);
    expect(callback.data?.allowed_mentions).toEqual({ parse: [] });
    const embeds = embedsOf(callback);
    expect(embeds.length).toBeGreaterThan(1);
    const shown = [callback.data?.content ?? '', ...embeds.map(textOf)].join('\n');
    expect(unescapedMentions(shown)).toEqual([]);
    expect(shown).not.toMatch(/@everyone|@here/);
  });
});

describe('a corpus written to break the figures', () => {
  it('GIVEN claimants and wordings full of mentions and markdown THEN /figures and /ask are accepted by Discord and ping no one', async () => {
    const corpus = await tempCorpus({
      'x.md': `---\ntitle: "@everyone **bold**"\npublisher: "<@123> ||Wire||"\npublished: 2024-10-05\n---\nAt least 100 soldiers were killed, according to @everyone <@&1> **Commander** [click](https://evil.example). ${'Another 20 soldiers were killed, said <@99> __officials__. '.repeat(40)}\n`,
      'y.md': `---\ntitle: Other\npublished: 2024-10-06\n---\nAbout 300 soldiers were killed, @here sources told <#5> ~~Reuters~~.\n`,
    });
    try {
      const engine = await Engine.load(corpus.dir);
      server = await startServer();
      await startTestBot(server, { engine });
      const commands: ChatInputOptions[] = [
        { name: 'figures' },
        { name: 'figures', options: { topic: 'killed' } },
        { name: 'ask', options: { question: 'how many killed', limit: 10 } },
      ];
      for (const options of commands) {
        const { callback } = await command(server, options);
        expect(callback.request.status).toBe(204);
        expect(callback.data?.allowed_mentions).toEqual({ parse: [] });
        const embeds = embedsOf(callback);
        expectWithinLimits(embeds);
        expect(unescapedMentions([callback.data?.content ?? '', ...embeds.map(textOf)].join('\n'))).toEqual([]);
      }
    } finally {
      await corpus.cleanup();
    }
  });
});
