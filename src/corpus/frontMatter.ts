import { z } from 'zod';
import { parse as parseYaml, YAMLParseError } from 'yaml';

const isoDate = z.union([z.string(), z.date()]).transform((value, ctx) => {
  // YAML turns an unquoted 2024-10-05 into a Date; keep the date the author wrote.
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : value.trim();
  if (isIsoDay(text) || isIsoMonth(text)) return text;
  ctx.addIssue({ code: 'custom', message: `"${text}" is not an ISO date such as 2024-10-05` });
  return z.NEVER;
});

function isIsoDay(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(text) && !Number.isNaN(Date.parse(text));
}

/** `2025-03`: a date of month precision, which the article keeps (its figures are dated to the month). */
function isIsoMonth(text: string): boolean {
  const month = /^\d{4}-(\d{2})$/.exec(text);
  return month !== null && Number(month[1]) >= 1 && Number(month[1]) <= 12;
}

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

export type FrontMatterResult = { ok: true; data: FrontMatter; body: string } | { ok: false; reason: string };

const OPENING = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSING = /^(---|\.\.\.)[ \t]*$/m;

/**
 * Splits a Markdown file into its YAML front matter and body. A file without front matter has
 * empty metadata and the whole text as body; one that opens front matter and never closes it,
 * or whose YAML or fields are wrong, is an error with a reason a person can act on.
 */
export function parseFrontMatter(source: string): FrontMatterResult {
  const opening = OPENING.exec(source);
  if (!opening) return { ok: true, data: {}, body: source };

  const rest = source.slice(opening[0].length);
  const closing = CLOSING.exec(rest);
  if (!closing) return { ok: false, reason: 'front matter opened with --- is never closed with ---' };

  const yamlText = rest.slice(0, closing.index);
  let raw: unknown;
  try {
    raw = parseSimpleFrontMatter(yamlText) ?? parseYaml(yamlText) ?? {};
  } catch (error) {
    const detail = error instanceof YAMLParseError ? error.message.split('\n')[0] : String(error);
    return { ok: false, reason: `front matter is not valid YAML: ${detail}` };
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, reason: 'front matter must be a list of key: value lines' };
  }

  const parsed = frontMatterSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    return { ok: false, reason: `front matter: ${issues.join('; ')}` };
  }
  const bodyStart = opening[0].length + closing.index + closing[0].length;
  return { ok: true, data: parsed.data, body: source.slice(bodyStart).replace(/^\r?\n/, '') };
}

// The `yaml` package (YAML 1.2, core schema) is exact but slow for thousands of tiny headers, so
// the common shape is read here and everything else goes to it. tests/corpus/frontMatter.test.ts
// holds this to `yaml` on generated input.

/** Anything but printable text and CRLF/LF line breaks: tabs, control characters, a BOM, U+2028/9, surrogates (emoji). */
const UNUSUAL_CHARACTER = /[^\n\r\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]|\r(?!\n)/;
const BLANK_LINE = /^ *$/;
/** `key:` at the margin, then nothing or a space and a value. */
const KEY_LINE = /^([A-Za-z_][\w-]{0,63}):(?:$| +(.*)$)/;
const DOUBLE_QUOTED = /^"([^"\\]*)"$/;
const SINGLE_QUOTED = /^'((?:[^']|'')*)'$/;
/** A plain value starting with one of these, or holding `: ` or ` #`, or ending in `:`, means more than text. */
const PLAIN_INDICATOR = /^[-?:,[\]{}#&*!|>%@`]|: | #|:$/;
// The core schema's tests for a plain scalar, in `yaml`'s order (yaml/dist/schema/core).
const CORE_NULL = /^(?:~|[Nn]ull|NULL)?$/;
const CORE_BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const CORE_NUMBER = [
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];

/**
 * Reads front matter in which every line is a `key: value` pair at the margin (the value plain, or
 * quoted on one line without escapes, or empty), a `#` comment at the margin, or blank. Gives what
 * `yaml`'s `parse` gives for it, `{}` where that gives `null`; `undefined` for anything else
 * (numbers, lists, nesting, multi-line or escaped values, tabs, repeated keys…), which is left to `yaml`.
 */
export function parseSimpleFrontMatter(yamlText: string): Record<string, string | boolean | null> | undefined {
  if (UNUSUAL_CHARACTER.test(yamlText)) return undefined;
  const data: Record<string, string | boolean | null> = {};
  for (const line of yamlText.split(/\r?\n/)) {
    if (line.startsWith('#') || BLANK_LINE.test(line)) continue;
    const match = KEY_LINE.exec(line);
    if (!match) return undefined;
    const key = match[1]!;
    if (key === '__proto__' || CORE_NULL.test(key) || CORE_BOOL.test(key) || Object.hasOwn(data, key)) return undefined;
    const value = scalar((match[2] ?? '').replace(/ +$/, ''));
    if (value === undefined) return undefined;
    data[key] = value;
  }
  return data;
}

function scalar(text: string): string | boolean | null | undefined {
  if (text.startsWith('"')) return DOUBLE_QUOTED.exec(text)?.[1];
  if (text.startsWith("'")) return SINGLE_QUOTED.exec(text)?.[1]?.replaceAll("''", "'");
  if (PLAIN_INDICATOR.test(text)) return undefined;
  if (CORE_NULL.test(text)) return null;
  if (CORE_BOOL.test(text)) return text[0] === 't' || text[0] === 'T';
  if (CORE_NUMBER.some((test) => test.test(text))) return undefined;
  return text;
}
