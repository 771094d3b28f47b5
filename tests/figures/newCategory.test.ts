/**
 * A new figure category is one registry entry (with its concept and that concept's words in a
 * language): this test adds "evacuated" and follows it through the extractor, the question parser
 * and the CLI's JSON contract. The registries are restored afterwards.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimJson } from '../../src/cli/contract.js';
import type { Article } from '../../src/model/article.js';
import { parseQuestion } from '../../src/engine/question.js';
import { extractClaims } from '../../src/figures/claims.js';
import { english } from '../../src/languages/en.js';
import { registerLanguage } from '../../src/languages/index.js';
import { categoryNames, isFigureCategory, registerCategory } from '../../src/model/categories.js';
import { registerConcept } from '../../src/model/concepts.js';
import { buildPassages } from '../../src/search/passages.js';

function article(text: string): Article {
  return {
    id: 'evacuation',
    file: 'evacuation.md',
    text,
    title: 'Evacuation',
    publisher: null,
    url: null,
    published: '2025-01-14',
    language: 'en',
    provenance: {},
  };
}

const SENTENCE = 'About 300 people were evacuated from Sudzha, the regional governor said.';

function claimJsonOf(category: string) {
  return {
    id: 'evacuation:0',
    value: 300,
    low: 300,
    high: 300,
    qualifier: 'about',
    wording: 'About 300',
    category,
    item: null,
    subject: 'people',
    asOf: null,
    attributedTo: null,
    attributions: [],
    articles: ['evacuation'],
    quote: SENTENCE,
  };
}

describe('GIVEN a category "evacuated" added to the registry', () => {
  const restore: (() => void)[] = [];
  beforeAll(() => {
    restore.push(registerConcept({ id: 'evacuated', label: 'evacuated', role: 'event' }));
    restore.push(
      registerCategory({ name: 'evacuated', label: 'evacuated', concepts: ['evacuated'], countsPeople: true }),
    );
    restore.push(
      registerLanguage({ ...english, concepts: { ...english.concepts, evacuated: ['evacuated', 'evacuation'] } }),
    );
  });
  afterAll(() => {
    for (const undo of restore.reverse()) undo();
  });

  it('THEN a sentence with it is extracted as that category', () => {
    const claims = extractClaims(buildPassages([article(SENTENCE)]));
    expect(claims.map((claim) => [claim.category, claim.value, claim.qualifier, claim.attributedTo?.claimant])).toEqual(
      [['evacuated', 300, 'about', 'the regional governor']],
    );
  });

  it('THEN a question about it asks for that category', () => {
    const question = parseQuestion('how many evacuated');
    expect(question.ok && question.figureCategories).toEqual(['evacuated']);
  });

  it("THEN the CLI's JSON contract accepts it", () => {
    expect(categoryNames()).toContain('evacuated');
    expect(claimJson.safeParse(claimJsonOf('evacuated')).success).toBe(true);
  });
});

describe('GIVEN the registries restored', () => {
  it('THEN the category is gone, and the contract rejects it again', () => {
    expect(isFigureCategory('evacuated')).toBe(false);
    expect(claimJson.safeParse(claimJsonOf('evacuated')).success).toBe(false);
    expect(claimJson.safeParse(claimJsonOf('killed')).success).toBe(true);
  });

  it('THEN the sentence is no figure of the story', () => {
    expect(extractClaims(buildPassages([article(SENTENCE)]))).toEqual([]);
  });
});
