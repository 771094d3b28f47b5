import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { tempCorpus } from '../helpers.js';
import type { FakeDiscordServer } from '../support/fake-discord.js';
import { answerEmbedOf, command, embedOf, embedsOf, startServer, startTestBot, stopAll, textOf } from './harness.js';

/** A `<@…`, `<#…` or @everyone/@here that Discord would render: not after an odd run of backslashes. */
function unescapedMentions(text: string): string[] {
  return [...text.matchAll(/<[@#]|@(everyone|here)/gi)]
    .filter((match) => (text.slice(0, match.index).match(/\\*$/)?.[0].length ?? 0) % 2 === 0)
    .map((match) => match[0]);
}

describe('GIVEN a corpus written to break the bot: mentions, markdown and huge paragraphs', () => {
  let corpus: Awaited<ReturnType<typeof tempCorpus>>;
  let engine: Engine;
  let server: FakeDiscordServer;

  beforeAll(async () => {
    // One 16,000-character paragraph (indexing grows faster than linearly with a paragraph's length: keep it at that).
    const long = Array.from(
      { length: 300 },
      (_, i) => `**drones** <@${100000000000000000 + i}> _strike_ @everyone`,
    ).join(' ');
    corpus = await tempCorpus({
      'a.md': `---\ntitle: "@everyone <@&123> **Drones** ${'very long title '.repeat(40)}"\npublisher: "<@456> ||spoiler|| ${'Wire '.repeat(100)}"\nurl: https://example.com/a_(b)/@here\npublished: 2024-10-05\n---\n${long}\n`,
      'b.md': `---\ntitle: Drones over the river\npublisher: "[click](https://evil.example)"\n---\nDrones were seen over the river. \`\`\`js\nalert(1)\n\`\`\` and 30 drones were shot down.\n`,
      'c.txt': `Drone report\n\n${'Drones '.repeat(3000)}\n`,
    });
    engine = await Engine.load(corpus.dir);
  });

  afterAll(() => corpus.cleanup());
  afterEach(stopAll);

  it('WHEN asked about drones, with every passage THEN Discord accepts the reply and nothing in it renders as a mention', async () => {
    server = await startServer();
    await startTestBot(server, { engine });

    const { callback } = await command(server, { name: 'ask', options: { question: 'drones', limit: 10 } });

    // The fake rejects any payload over Discord's limits with 50035, as Discord does.
    expect(callback.request.status).toBe(204);
    expect(callback.type).toBe(4);
    const embed = answerEmbedOf(callback);
    expect(embed.description).toContain('**[1]**');
    // The answer, and the drone figures side by side under it.
    for (const shown of embedsOf(callback)) expect(unescapedMentions(textOf(shown))).toEqual([]);
    expect(callback.data?.allowed_mentions).toEqual({ parse: [] });
  });

  it('WHEN listing and showing the articles THEN Discord accepts both and nothing renders as a mention', async () => {
    server = await startServer();
    await startTestBot(server, { engine });

    const list = await command(server, { name: 'sources' });
    expect(list.callback.request.status).toBe(204);
    expect(embedOf(list.callback).fields).toHaveLength(3);
    expect(unescapedMentions(textOf(embedOf(list.callback)))).toEqual([]);

    for (const article of engine.corpus.articles) {
      const { callback } = await command(server, { name: 'source', options: { id: article.id } });
      expect(callback.request.status).toBe(204);
      expect(unescapedMentions(textOf(embedOf(callback)))).toEqual([]);
    }
  });
});
