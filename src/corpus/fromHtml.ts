/**
 * An article from a web page: its text through Mozilla's Readability (the reader view of Firefox)
 * on a server-side DOM (linkedom: the same paragraphs as jsdom on our test pages, in a tenth of
 * the time), its paragraphs kept; its metadata from the page in order of trust — JSON-LD
 * `NewsArticle`/`Article`, then OpenGraph and `article:` meta tags, then `<html lang>` and
 * `<link rel=canonical>`. Nothing is invented: what the page does not state stays null, and each
 * field says where it came from.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ArticleRef } from '../model/article.js';

type Field = 'title' | 'publisher' | 'url' | 'published' | 'language';
/** linkedom's document: the project has no DOM library types (it runs on Node). */
type PageDocument = ReturnType<typeof parseHTML>['document'];

export interface PageArticle {
  title: string | null;
  publisher: string | null;
  /** The page's canonical address, else the one it was fetched from. */
  url: string | null;
  /** As the page states it: `YYYY-MM-DD` (the publisher's own calendar day). */
  published: string | null;
  language: string | null;
  /** The article's paragraphs, one per line, a blank line between. */
  text: string;
  /** Where each field came from ("JSON-LD headline", "og:site_name", "<html lang>"). */
  provenance: Partial<Record<keyof ArticleRef, string>>;
}

/** Shorter than this, what Readability found is a teaser, a caption or a paywall, not an article. */
export const MIN_ARTICLE_CHARS = 200;

export type PageResult = { ok: true; article: PageArticle } | { ok: false; reason: string };

const ARTICLE_TYPES = /^(News|Reportage|Analysis|Opinion|Report|Background|Review)?Article$|^(Live)?BlogPosting$/;
const BLOCKS = 'p, h2, h3, h4, h5, h6, li, blockquote, pre, td';

export function articleFromHtml(html: string, pageUrl: string | null): PageResult {
  const { document } = parseHTML(html);
  const metadata = pageMetadata(document, pageUrl);
  // Readability changes the document it reads: the metadata is read first.
  const readable = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0]).parse();
  const text = readable?.content ? paragraphs(readable.content) : '';
  if (text.length < MIN_ARTICLE_CHARS) {
    return {
      ok: false,
      reason:
        text.length === 0
          ? 'the page has no article text (a front page, a video page, or a page that needs a script or a login)'
          : `the page has only ${text.length} characters of article text (a teaser or a paywall?)`,
    };
  }
  const title = metadata.title ?? (readable?.title?.trim() || null);
  const provenance = { ...metadata.provenance };
  if (!metadata.title && title) provenance.title = 'the page title';
  return { ok: true, article: { ...metadata, title, text, provenance } };
}

/** The text of the article's block elements, innermost only (a list item's paragraph once). */
function paragraphs(content: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${content}</body></html>`);
  const blocks = [...document.querySelectorAll(BLOCKS)].filter((block) => block.querySelector(BLOCKS) === null);
  return blocks
    .map((block) => (block.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

interface Metadata {
  title: string | null;
  publisher: string | null;
  url: string | null;
  published: string | null;
  language: string | null;
  provenance: Partial<Record<Field, string>>;
}

function pageMetadata(document: PageDocument, pageUrl: string | null): Metadata {
  const ld = jsonLdArticle(document);
  const meta = (key: string) =>
    document.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content')?.trim() || null;
  const canonical = document.querySelector('link[rel="canonical"]')?.getAttribute('href')?.trim() || null;
  const htmlLang = document.querySelector('html')?.getAttribute('lang')?.trim() || null;

  const result: Metadata = { title: null, publisher: null, url: null, published: null, language: null, provenance: {} };
  const take = (field: Field, candidates: [value: string | null | undefined, from: string][]) => {
    for (const [value, from] of candidates) {
      const clean = field === 'published' ? isoDay(value) : field === 'url' ? httpUrl(value, pageUrl) : tidy(value);
      if (clean) {
        result[field] = field === 'language' ? languageTag(clean) : clean;
        if (result[field]) {
          result.provenance[field] = from;
          return;
        }
      }
    }
  };
  take('title', [
    [ld?.headline, 'JSON-LD headline'],
    [ld?.name, 'JSON-LD name'],
    [meta('og:title'), 'og:title'],
  ]);
  take('publisher', [
    [nameOf(ld?.publisher), 'JSON-LD publisher'],
    [meta('og:site_name'), 'og:site_name'],
  ]);
  take('url', [
    [canonical, 'canonical link'],
    [stringOf(ld?.url), 'JSON-LD url'],
    [meta('og:url'), 'og:url'],
    [pageUrl, 'the address it was fetched from'],
  ]);
  take('published', [
    [stringOf(ld?.datePublished), 'JSON-LD datePublished'],
    [meta('article:published_time'), 'article:published_time'],
  ]);
  take('language', [
    [languageOf(ld?.inLanguage), 'JSON-LD inLanguage'],
    [meta('og:locale'), 'og:locale'],
    [htmlLang, '<html lang>'],
  ]);
  return result;
}

type Json = Record<string, unknown>;

/** The first article object of the page's JSON-LD, through `@graph` and arrays; null when none parses. */
function jsonLdArticle(document: PageDocument): Json | null {
  for (const script of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue; // a broken block is skipped: the meta tags may still say what it meant to
    }
    const found = findArticle(data, 0);
    if (found) return found;
  }
  return null;
}

function findArticle(data: unknown, depth: number): Json | null {
  if (depth > 4 || data === null || typeof data !== 'object') return null;
  if (Array.isArray(data)) {
    for (const item of data) {
      const found = findArticle(item, depth + 1);
      if (found) return found;
    }
    return null;
  }
  const object = data as Json;
  const types = ([] as unknown[]).concat(object['@type'] ?? []);
  if (types.some((type) => typeof type === 'string' && ARTICLE_TYPES.test(type))) return object;
  return findArticle(object['@graph'], depth + 1);
}

const stringOf = (value: unknown): string | null => (typeof value === 'string' ? value : null);

function nameOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return nameOf(value[0]);
  if (value && typeof value === 'object') return stringOf((value as Json).name);
  return null;
}

function languageOf(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object')
    return stringOf((value as Json).alternateName) ?? stringOf((value as Json).name);
  return null;
}

function tidy(value: string | null | undefined): string | null {
  const text = value?.replace(/\s+/g, ' ').trim();
  return text ? text : null;
}

/** The day as the page wrote it ("2025-03-14T06:30:00+09:00" → 2025-03-14: the publisher's calendar day). */
function isoDay(value: string | null | undefined): string | null {
  const day = /^\s*(\d{4}-\d{2}-\d{2})/.exec(value ?? '')?.[1];
  return day && !Number.isNaN(Date.parse(day)) ? day : null;
}

function httpUrl(value: string | null | undefined, base: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value, base ?? undefined);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** "en_GB", "en-GB" → "en-GB"; anything that is no BCP 47 tag → null. */
function languageTag(value: string): string | null {
  const tag = value.replace(/_/g, '-');
  return /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(tag) ? tag : null;
}
