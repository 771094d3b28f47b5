import { z } from 'zod';

/** What a citation shows about an article. Every field but `id` may be unknown (`null`): we never invent metadata. */
export interface ArticleRef {
  /** The file name without its extension: stable, and what `/source <id>` takes. */
  id: string;
  title: string;
  publisher: string | null;
  url: string | null;
  /** ISO date (`YYYY-MM-DD`) or date-time, as the article states it. */
  published: string | null;
  /** BCP 47 tag (`en`, `nb`), from the front matter or detected from the text. */
  language: string | null;
}

export interface Article extends ArticleRef {
  /** Path relative to the corpus folder, for reports. */
  file: string;
  /** The article body exactly as in the file (front matter removed): every quote is a substring of it. */
  text: string;
  /** Where each metadata field came from, so a reader can judge it. */
  provenance: Partial<Record<keyof ArticleRef, string>>;
}

/** A file that could not be served as an article, or was served with a caveat. */
export interface CorpusProblem {
  file: string;
  reason: string;
}

const isoDate = z.union([z.string(), z.date()]).transform((value, ctx) => {
  // YAML turns an unquoted 2024-10-05 into a Date; keep the date the author wrote.
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value.trim();
  if (!/^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text) || Number.isNaN(Date.parse(text))) {
    ctx.addIssue({ code: 'custom', message: `"${text}" is not an ISO date such as 2024-10-05` });
    return z.NEVER;
  }
  return text;
});

const optionalText = z.string().trim().min(1).nullish();

/** The YAML front matter of a `.md` article. Every key is optional; unknown keys are allowed and ignored. */
export const frontMatterSchema = z.looseObject({
  title: optionalText,
  publisher: optionalText,
  url: z.url({ protocol: /^https?$/ }).nullish(),
  published: isoDate.nullish(),
  language: z
    .string()
    .trim()
    .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'is not a BCP 47 language tag such as en or nb')
    .nullish(),
});

export type FrontMatter = z.infer<typeof frontMatterSchema>;
