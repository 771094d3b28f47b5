import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../src/engine/engine.js';
import { tempCorpus } from '../helpers.js';
import { command, embedOf, startServer, startTestBot, stopAll } from './harness.js';

afterEach(stopAll);

describe('/help', () => {
  it('GIVEN the seed corpus THEN it counts articles and passages in the plural, privately', async () => {
    const server = await startServer();
    await startTestBot(server);

    const { callback } = await command(server, { name: 'help' });

    expect(callback.data?.flags).toBe(64);
    expect(embedOf(callback).description).toMatch(/^I answer from \*\*5 articles\*\* \(\d+ passages\) in /);
  });

  it('GIVEN one article of one passage THEN "1 article (1 passage)", not "1 articles (1 passages)"', async () => {
    const corpus = await tempCorpus({
      'one.md':
        '---\ntitle: One\npublisher: Wire\npublished: 2024-11-01\n---\nSix soldiers were killed, officials said.\n',
    });
    try {
      const engine = await Engine.load(corpus.dir);
      const server = await startServer();
      await startTestBot(server, { engine });

      const { callback } = await command(server, { name: 'help' });

      expect(embedOf(callback).description).toMatch(/^I answer from \*\*1 article\*\* \(1 passage\) in /);
    } finally {
      await corpus.cleanup();
    }
  });
});
