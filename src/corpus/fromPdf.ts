/**
 * An article from a PDF's text layer (through `unpdf`, Mozilla's pdf.js built for servers): lines
 * rebuilt from the positions of the text, paragraphs from the gaps between them. A scanned PDF
 * has no text layer and is refused with that reason. Metadata only as the file states it: its
 * title and language; a file's creation date is not a publication date, and its author is no
 * publisher, so neither is taken.
 */
import { extractTextItems, getMeta } from 'unpdf';
import { MIN_ARTICLE_CHARS, type PageResult } from './fromHtml.js';

interface Line {
  y: number;
  size: number;
  text: string;
}

export async function articleFromPdf(bytes: Uint8Array, fetchedFrom: string | null): Promise<PageResult> {
  let pages: Awaited<ReturnType<typeof extractTextItems>>['items'];
  let info: Record<string, unknown>;
  try {
    // pdf.js takes ownership of the buffer it reads: each call gets its own copy.
    pages = (await extractTextItems(bytes.slice())).items;
    info = ((await getMeta(bytes.slice())).info ?? {}) as Record<string, unknown>;
  } catch (error) {
    return { ok: false, reason: `the PDF cannot be read (${error instanceof Error ? error.message : String(error)})` };
  }
  const paragraphs = pages.flatMap((items) => paragraphsOf(linesOf(items)));
  const text = paragraphs.join('\n\n');
  if (text.length < MIN_ARTICLE_CHARS) {
    return {
      ok: false,
      reason:
        text.length === 0
          ? 'the PDF has no text layer (a scan or an image): nothing to index'
          : `the PDF has only ${text.length} characters of text`,
    };
  }
  const stated = typeof info.Title === 'string' ? info.Title.trim() : '';
  // Word processors fill the title with the file name ("Microsoft Word - brief.docx"): that is no title.
  const title = stated && !/\.(docx?|pdf|odt|rtf)$/i.test(stated) ? stated : null;
  const language =
    typeof info.Language === 'string' && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(info.Language)
      ? info.Language
      : null;
  const firstLine = paragraphs[0]!.split(/(?<=[.!?])\s/)[0]!.slice(0, 200);
  return {
    ok: true,
    article: {
      title: title ?? firstLine,
      publisher: null,
      url: fetchedFrom,
      published: null,
      language,
      text,
      provenance: {
        title: title ? 'the PDF title' : 'first line',
        ...(fetchedFrom ? { url: 'the address it was fetched from' } : {}),
        ...(language ? { language: 'the PDF language' } : {}),
      },
    },
  };
}

type Item = Awaited<ReturnType<typeof extractTextItems>>['items'][number][number];

/** The page's lines, top down: items at one height, left to right. */
function linesOf(items: readonly Item[]): Line[] {
  const byHeight = new Map<number, Item[]>();
  for (const item of items) {
    if (!item.str.trim()) continue;
    const y = Math.round(item.y);
    byHeight.set(y, [...(byHeight.get(y) ?? []), item]);
  }
  return [...byHeight.entries()]
    .sort(([a], [b]) => b - a)
    .map(([y, row]) => ({
      y,
      size: Math.max(...row.map((item) => item.fontSize)),
      text: row
        .sort((a, b) => a.x - b.x)
        .map((item) => item.str)
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
    }));
}

/** Lines joined into paragraphs: a gap taller than a line and a half, or a change of type size, starts one. */
function paragraphsOf(lines: readonly Line[]): string[] {
  const paragraphs: string[] = [];
  let current = '';
  lines.forEach((line, i) => {
    const previous = lines[i - 1];
    const gap = previous ? previous.y - line.y : 0;
    const breaks = !previous || gap > 1.5 * Math.max(previous.size, line.size) || previous.size !== line.size;
    if (breaks) {
      if (current) paragraphs.push(current);
      current = line.text;
    } else if (/\p{L}-$/u.test(current) && /^\p{Ll}/u.test(line.text)) {
      current = current.slice(0, -1) + line.text; // a word hyphenated across the line break
    } else {
      current = `${current} ${line.text}`;
    }
  });
  if (current) paragraphs.push(current);
  return paragraphs;
}
