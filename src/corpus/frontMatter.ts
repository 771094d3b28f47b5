import { parse as parseYaml, YAMLParseError } from 'yaml';
import { frontMatterSchema, type FrontMatter } from './article.js';

export type FrontMatterResult =
  | { ok: true; data: FrontMatter; body: string }
  | { ok: false; reason: string };

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

  let raw: unknown;
  try {
    raw = parseYaml(rest.slice(0, closing.index)) ?? {};
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
