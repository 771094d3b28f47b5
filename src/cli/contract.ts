import { z } from 'zod';

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

export const askJson = z.object({
  question: z.string(),
  noAnswer: z.boolean(),
  message: z.string().optional(),
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
});

export const sourcesJson = z.object({
  articles: z.array(article.extend({ passages: z.number().int().nonnegative() })),
  problems: z.array(z.object({ file: z.string(), reason: z.string() })),
});

export const sourceJson = article.extend({
  file: z.string(),
  provenance: z.record(z.string(), z.string()),
  passages: z.array(z.object({ index: z.number().int(), start: z.number().int(), end: z.number().int(), quote: z.string() })),
});
