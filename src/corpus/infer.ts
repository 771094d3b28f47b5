import { parseDateline } from '../text/dates.js';

/** Metadata a plain-text article states about itself, each with the words it came from. */
export interface InferredMetadata {
  title: string | null;
  publisher: string | null;
  url: string | null;
  published: string | null;
  provenance: { title?: string; publisher?: string; url?: string; published?: string };
}

const HEADER_LINES = 8;
// Words that follow a copyright holder's name but are not part of it.
const NOT_A_NAME = /^(All|Unauthorized|Rights|Reserved|Any|No|This|The)$/;

/**
 * Infers a `.txt` article's metadata from what its text states, and nothing else: the title is the
 * first non-empty line; a date only from a dateline near the top; a publisher only from a line that
 * names one (`Original Source: …`, a broadcaster's sign-off, a copyright line); a URL only when written out.
 */
export function inferMetadata(text: string): InferredMetadata {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const result: InferredMetadata = {
    title: lines[0] ?? null,
    publisher: null,
    url: null,
    published: null,
    provenance: {},
  };
  if (result.title) result.provenance.title = 'first line';

  for (const line of lines.slice(1, HEADER_LINES)) {
    const date = parseDateline(line);
    if (date) {
      result.published = date;
      result.provenance.published = `dateline "${line}"`;
      break;
    }
  }

  for (const line of lines) {
    const source = /^(?:Original Source|Source|Kilde|URL|Link)\s*:\s*(\S.*)$/i.exec(line);
    if (source) {
      const value = source[1]!.trim();
      const url = /^https?:\/\/\S+$/i.exec(value);
      if (url && !result.url) {
        result.url = value;
        result.provenance.url = `line "${line}"`;
      }
      if (!result.publisher && !/^source \d+$/i.test(value)) {
        result.publisher = url ? new URL(value).hostname.replace(/^www\./, '') : value;
        result.provenance.publisher = `line "${line}"`;
      }
    }
  }

  // A broadcaster's sign-off ("I'm YTN's Kwon Younghee.") or a copyright line names the outlet.
  for (const line of [...lines].reverse()) {
    if (result.publisher) break;
    const signOff = /\bI'm ([A-Z][\w&.-]*)'s \p{Lu}/u.exec(line);
    const copyright =
      /(?:©|\(c\)|copyright)(?:\s+holder)?\s*(?:\(c\)|©)?\s*(?:\d{4}\s+)?((?:[A-Z][\w&.-]*\s*){1,4})/i.exec(line);
    const name = signOff?.[1] ?? firstNameWords(copyright?.[1]);
    if (name) {
      result.publisher = name;
      result.provenance.publisher = `${signOff ? 'sign-off' : 'copyright line'} "${line}"`;
    }
  }
  return result;
}

function firstNameWords(candidate: string | undefined): string | null {
  if (!candidate) return null;
  const words: string[] = [];
  for (const word of candidate.trim().split(/\s+/)) {
    if (NOT_A_NAME.test(word)) break;
    words.push(word);
  }
  return words.length > 0 ? words.join(' ') : null;
}
