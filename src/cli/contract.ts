import { z } from 'zod';
import { isFigureCategory } from '../model/categories.js';

/**
 * The JSON the CLI prints with --json: the contract scripts and other tools rely on. Tests parse
 * real output with these schemas; a field may be added, never removed or retyped.
 */
const article = z.object({
  id: z.string(),
  title: z.string(),
  publisher: z.string().nullable(),
  url: z.string().nullable(),
  published: z.string().nullable(),
  language: z.string().nullable(),
});

const asOf = z
  .object({
    date: z.string().regex(/^(\d{4}(-\d{2}){0,2}|--\d{2}(-\d{2})?)$/),
    precision: z.enum(['day', 'month', 'year']),
  })
  .nullable();
const attribution = z.object({ claimant: z.string(), channel: z.string().nullable() });

export const claimJson = z.object({
  id: z.string(),
  value: z.number(),
  low: z.number().nullable(),
  high: z.number().nullable(),
  qualifier: z.enum(['exact', 'at least', 'more than', 'about', 'nearly', 'up to', 'less than', 'vague']),
  wording: z.string(),
  // Any category of the registry (src/model/categories.ts), as it stands when the JSON is checked.
  category: z.string().refine(isFigureCategory, { message: 'not a figure category' }),
  item: z.string().nullable(),
  subject: z.string(),
  asOf,
  attributedTo: attribution.nullable(),
  attributions: z.array(attribution),
  articles: z.array(z.string()).min(1),
  quote: z.string(),
  // Added with issue 11: what kind of figure it is, where it is not a plain count.
  rate: z.enum(['day', 'week', 'month', 'year']).optional(),
  projection: z.boolean().optional(),
  combined: z.boolean().optional(),
  incident: z.boolean().optional(),
  alternative: z.boolean().optional(),
  span: z.object({ low: z.number().nullable(), high: z.number().nullable() }).optional(),
});

export const figuresJson = z.object({
  category: claimJson.shape.category,
  item: z.string().nullable(),
  claims: z.array(claimJson),
  verdicts: z.array(
    z.object({
      kind: z.enum(['disagree', 'far apart', 'grew', 'different scope', 'consistent', 'undated']),
      claims: z.array(z.string()),
      explanation: z.string(),
    }),
  ),
});

const qualifier = claimJson.shape.qualifier;
const bound = z.object({ value: z.number(), qualifier, claim: z.string() });

/** The bottom line of a figure question; every part names the claims it rests on (src/engine/summary.ts). */
export const summaryJson = z.object({
  category: claimJson.shape.category,
  item: z.string().nullable(),
  subject: z.string(),
  what: z.string(),
  low: bound,
  high: bound,
  claims: z.array(z.string()).min(1),
  sources: z.array(z.object({ name: z.string(), claims: z.array(z.string()), articles: z.array(z.string()) })),
  unattributed: z.array(z.string()),
  articles: z.array(z.string()),
  latest: z
    .object({ claim: z.string(), value: z.number(), qualifier, asOf: asOf.unwrap(), claimant: z.string().nullable() })
    .nullable(),
  disagree: z.array(z.array(z.string())),
  farApart: z.array(z.array(z.string())),
  separately: z.array(z.object({ claim: z.string(), value: z.number(), qualifier, subject: z.string(), asOf })),
  moreSeparately: z.number().int().nonnegative(),
});

export const askJson = z.object({
  question: z.string(),
  noAnswer: z.boolean(),
  message: z.string().optional(),
  ignoredWords: z.array(z.string()).optional(),
  suggestions: z.array(z.string()),
  passages: z.array(
    z.object({
      rank: z.number().int().positive(),
      score: z.number(),
      quote: z.string(),
      start: z.number().int(),
      end: z.number().int(),
      highlights: z.array(z.object({ start: z.number().int(), end: z.number().int() })),
      alsoReportedBy: z.array(z.string()),
      article,
    }),
  ),
  figures: z.array(figuresJson).optional(),
  summary: summaryJson.optional(),
});

export const sourcesJson = z.object({
  articles: z.array(article.extend({ passages: z.number().int().nonnegative() })),
  problems: z.array(z.object({ file: z.string(), reason: z.string() })),
});

export const sourceJson = article.extend({
  file: z.string(),
  provenance: z.record(z.string(), z.string()),
  passages: z.array(
    z.object({ index: z.number().int(), start: z.number().int(), end: z.number().int(), quote: z.string() }),
  ),
});

/**
 * `add`: what was added and what it changes, or why nothing was (`added: false`, with `reason`,
 * `message`, and `existing` for a duplicate). Added with issue 13.
 */
export const addJson = z.object({
  added: z.boolean(),
  article: article.optional(),
  file: z.string().optional(),
  passages: z.number().int().nonnegative().optional(),
  figures: z.array(claimJson).optional(),
  repeated: z.array(z.string()).optional(),
  verdicts: figuresJson.shape.verdicts.optional(),
  reason: z.string().optional(),
  message: z.string().optional(),
  existing: z.string().optional(),
});
