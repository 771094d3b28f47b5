import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleFromHtml } from '../../src/corpus/fromHtml.js';

const page = (name: string) => readFileSync(path.join(import.meta.dirname, 'pages', name), 'utf8');

function extracted(name: string, url: string | null = null) {
  const result = articleFromHtml(page(name), url);
  if (!result.ok) throw new Error(result.reason);
  return result.article;
}

describe('an article from a web page', () => {
  it('GIVEN a wire page with JSON-LD, OpenGraph, a cookie banner, navigation, a share bar, related links and comments THEN the JSON-LD metadata and only the article paragraphs', () => {
    const article = extracted('wire-jsonld.html', 'https://harbourwire.example/world/x?utm_source=chat');
    expect(article).toMatchObject({
      title: 'North Korean losses near Kursk pass 1,000, Seoul says',
      publisher: 'Harbour Wire',
      url: 'https://harbourwire.example/world/2025/03/14/north-korea-kursk-losses',
      published: '2025-03-14',
      language: 'en',
      provenance: {
        title: 'JSON-LD headline',
        publisher: 'JSON-LD publisher',
        url: 'canonical link',
        published: 'JSON-LD datePublished',
        language: 'JSON-LD inLanguage',
      },
    });
    const lines = article.text.split('\n\n');
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^SEOUL, March 14 \(Harbour Wire\) - More than 1,000 North Korean soldiers/);
    expect(lines[4]).toMatch(/a Ukrainian commander in the Sumy region told reporters\.$/);
    for (const furniture of [
      'cookies',
      'Accept all',
      'Business',
      'Tweet',
      'Related',
      'Kim visits',
      'Comments',
      'propaganda',
      'Privacy',
      'Photo:',
    ])
      expect(article.text).not.toContain(furniture);
  });

  it('GIVEN a regional page with OpenGraph only and a broken JSON-LD block THEN the meta tags, the canonical-less og:url and the nb_NO locale', () => {
    const article = extracted('regional-opengraph.html');
    expect(article).toMatchObject({
      title: 'Nordkoreanske soldater trukket tilbake fra Kursk',
      publisher: 'Fjordposten',
      url: 'https://fjordposten.example/utenriks/nordkorea-kursk',
      published: '2025-02-11',
      language: 'nb-NO',
      provenance: {
        title: 'og:title',
        publisher: 'og:site_name',
        url: 'og:url',
        published: 'article:published_time',
        language: 'og:locale',
      },
    });
    expect(article.text).toContain('rundt 300 nordkoreanske soldater drept');
    expect(article.text).not.toMatch(/Kommentarer|Godt skrevet|Del på|Sport/);
  });

  it('GIVEN a bare page with neither THEN the page title and the address it came from, and nothing invented', () => {
    const article = extracted('bare.html', 'https://briefings.example/seoul/rotation');
    expect(article).toMatchObject({
      title: 'Seoul lawmakers briefed on troop rotation',
      publisher: null,
      url: 'https://briefings.example/seoul/rotation',
      published: null,
      language: null,
      provenance: { title: 'the page title', url: 'the address it was fetched from' },
    });
    expect(article.text.split('\n\n')).toHaveLength(3);
  });

  it('GIVEN a Korean page whose JSON-LD is an array with types as arrays and objects for publisher and language THEN those are read', () => {
    const article = extracted('ko-wire.html');
    expect(article).toMatchObject({
      title: '국정원 "북한군 사상자 3천 명 넘어"',
      publisher: '한빛일보',
      published: '2025-01-13',
      language: 'ko',
    });
    expect(article.text).toContain('사망자는 약 300명이며');
  });

  it('GIVEN an AMP live blog (amp-img, amp-sidebar, a consent banner, LiveBlogPosting) THEN its updates as paragraphs, and the canonical page as its address', () => {
    const article = extracted('amp-liveblog.html', 'https://eastline.example/amp/live/kursk');
    expect(article).toMatchObject({
      title: 'Live: North Korean units pulled back from Kursk front',
      publisher: 'Eastline News',
      url: 'https://eastline.example/live/2025/02/07/kursk-north-korea',
      published: '2025-02-07',
      language: 'en-GB',
      provenance: { url: 'canonical link', title: 'JSON-LD headline' },
    });
    expect(article.text).toContain('close to 1,000 killed and wounded');
    expect(article.text).toContain('Russian officials have not commented on the reports.');
    expect(article.text).not.toMatch(/Menu|Home|cookies|Accept|©/);
  });

  it('GIVEN a front page of links THEN not an article, with the reason', () => {
    const result = articleFromHtml(page('front-page.html'), 'https://harbourwire.example/');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(/no article text|only \d+ characters/);
  });
});
