import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseFrontMatter, parseSimpleFrontMatter } from '../../src/corpus/frontMatter.js';

/** What `yaml` makes of a header, as parseFrontMatter uses it: the value, or that it throws. */
function viaYaml(text: string): { value: unknown } | { error: true } {
  try {
    return { value: parseYaml(text, { logLevel: 'error' }) ?? {} };
  } catch {
    return { error: true };
  }
}

/** The fast path either declines or gives exactly what `yaml` gives. Returns whether it answered. */
function agreesWithYaml(text: string): boolean {
  const fast = parseSimpleFrontMatter(text);
  if (fast === undefined) return false;
  expect({ value: fast }, JSON.stringify(text)).toStrictEqual(viaYaml(text));
  return true;
}

// Pieces that YAML reads in more than one way, mixed into keys and values.
const tricky = [
  ' ',
  '  ',
  ':',
  ': ',
  ' :',
  '#',
  ' #',
  '# ',
  '"',
  "'",
  "''",
  '\\',
  '\\"',
  '-',
  '- ',
  '?',
  '? ',
  ',',
  '[',
  ']',
  '{',
  '}',
  '&',
  '*',
  '!',
  '|',
  '>',
  '%',
  '@',
  '`',
  '~',
  '.',
  '..',
  '...',
  '---',
  '0',
  '1',
  '-1',
  '+1',
  '0x1F',
  '0o17',
  '1e3',
  '.5',
  '1.',
  '1_000',
  '.inf',
  '-.Inf',
  '.nan',
  '.NaN',
  'null',
  'Null',
  'NULL',
  'true',
  'True',
  'TRUE',
  'false',
  'FALSE',
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  '2024-10-05',
  '2024-10-05T08:58:00Z',
  '2024-10-05 20:58',
  '12:30',
  '1:2:3',
  'https://example.com/a?b=c#d',
  'http://x',
  'mailto:a@b',
  'Reuters',
  'NTB',
  'C#',
  'a#b',
  'x:y',
  'nb',
  'en-GB',
  'æøå',
  'Nord-Korea',
  'Ærlig talt',
  '\u00a0',
  '\u2028',
  '\u0085',
  '\ufeff',
  '\t',
  '\r',
  '\u00e9',
  '😀',
  '\ud800',
  '\u0000',
  '\u007f',
  '<<',
  '__proto__',
  '=',
  'a b',
  'Six killed',
];
const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...tricky) },
  { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: 'binary' }) },
);
const words = fc.array(piece, { maxLength: 5 }).map((parts) => parts.join(''));
const key = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom('title', 'publisher', 'url', 'published', 'language', 'tags', 'author_1', 'x-y', '_k'),
  },
  { weight: 1, arbitrary: words },
);
const value = fc.oneof(
  words,
  words.map((text) => `"${text}"`),
  words.map((text) => `'${text}'`),
  words.map((text) => `"${text.replaceAll('"', '')}"`),
  words.map((text) => `'${text.replaceAll("'", "''")}'`),
);
const line = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .tuple(
        key,
        fc.constantFrom(':', ': ', ':  ', ': ', ': ', ':\t', ' :'),
        value,
        fc.constantFrom('', '', ' ', '  ', ' # note', '#x', '\t'),
      )
      .map(([k, separator, v, tail]) => `${k}${separator}${v}${tail}`),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '   ',
      '# a comment',
      '#',
      '  # indented comment',
      '\t',
      '- item',
      '  nested: 1',
      '  continued',
    ),
  },
  { weight: 1, arbitrary: words },
);
const header = fc
  .tuple(fc.array(line, { maxLength: 7 }), fc.constantFrom('\n', '\r\n'), fc.boolean())
  .map(([lines, eol, finalBreak]) => lines.join(eol) + (finalBreak && lines.length ? eol : ''));

/** Headers like the ones newsrooms and our generator write. */
const titleCharacter = fc.constantFrom(...'abcXYZ019 .,:;!?#-–—()/&%@*\'’"æøåÆØÅéü연합'.split(''));
const common = fc.record({
  title: fc.string({ minLength: 1, maxLength: 40, unit: titleCharacter }),
  publisher: fc.constantFrom('Reuters', 'NRK', 'Meduza', 'The Kyiv Independent', "Yonhap's desk", 'Dagbladet: nyheter'),
  url: fc.webUrl({ withQueryParameters: true, withFragments: true }),
  published: fc
    .date({ min: new Date('1990-01-01'), max: new Date('2039-12-31'), noInvalidDate: true })
    .map((date) => date.toISOString().slice(0, 10)),
  language: fc.constantFrom('en', 'nb', 'nn', 'en-GB'),
});

describe('parseSimpleFrontMatter against yaml', () => {
  it('GIVEN generated headers full of YAML pitfalls THEN it declines or gives exactly what yaml gives', () => {
    let answered = 0;
    let runs = 0;
    fc.assert(
      fc.property(header, (text) => {
        runs++;
        if (agreesWithYaml(text)) answered++;
      }),
      { numRuns: 5000 },
    );
    // Not vacuous: a good share of the generated headers takes the fast path.
    expect(answered / runs).toBeGreaterThan(0.1);
  });

  it('GIVEN arbitrary text THEN it declines or gives exactly what yaml gives', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200, unit: 'binary' }), (text) => void agreesWithYaml(text)),
      { numRuns: 2000 },
    );
  });

  it('GIVEN common headers, with quoted or plain text, LF or CRLF THEN it gives what yaml gives, and answers when the text is quoted', () => {
    fc.assert(
      fc.property(
        common,
        fc.constantFrom('plain', 'double', 'single'),
        fc.constantFrom('\n', '\r\n'),
        (fields, quoting, eol) => {
          const quote = (text: string) =>
            quoting === 'plain'
              ? text
              : quoting === 'double'
                ? `"${text.replace(/["\\]/g, '')}"`
                : `'${text.replaceAll("'", "''")}'`;
          const text =
            [
              `title: ${quote(fields.title)}`,
              `publisher: ${quote(fields.publisher)}`,
              `url: ${fields.url}`,
              `published: ${fields.published}`,
              `language: ${fields.language}`,
            ].join(eol) + eol;
          const answered = agreesWithYaml(text);
          // A URL ending in ":" reads as a key in YAML; it and plain text that may be a number go to yaml.
          if (quoting !== 'plain' && !fields.url.endsWith(':')) expect(answered, JSON.stringify(text)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it.each([
    [
      'the benchmark shape',
      'title: "980 Russian soldiers died near Bryansk"\npublisher: "Meduza"\nurl: https://news.example/009/009965\npublished: 2025-04-21\nlanguage: en\n',
    ],
    [
      'CRLF, comments and blank lines',
      '# from the wire\r\ntitle: Strike kills six\r\n\r\n   \r\npublisher: Reuters\r\n',
    ],
    ['an unquoted date stays the text written', 'published: 2024-10-05\n'],
    ['a date-time', 'published: 2024-10-05T20:58:00+09:00\n'],
    ['colons and hashes inside a value', 'title: Breaking:news C# x:y\nurl: https://example.com/a?b=c#frag\n'],
    ['empty, ~ and null values', 'title:\npublisher: ~\nurl: null\nlanguage:   \n'],
    ['booleans', 'draft: true\nfeatured: False\n'],
    ['single quotes doubled', "title: 'It''s over: the war'\n"],
    ['unicode', 'title: Nord-Korea har sendt minst 3000 flere soldater — ifølge NTB\npublisher: Yonhap 연합뉴스\n'],
    ['no fields at all', '# nothing here\n\n'],
    ['nothing', ''],
  ])('GIVEN %s THEN it answers as yaml would', (_name, text) => {
    expect(agreesWithYaml(text)).toBe(true);
  });

  it.each([
    ['a number', 'title: 1984\n'],
    ['a list', 'tags:\n  - a\n  - b\n'],
    ['a flow list', 'tags: [a, b]\n'],
    ['a repeated key', 'title: a\ntitle: b\n'],
    ['an escape', 'title: "a\\"b"\n'],
    ['a trailing comment', 'title: Six killed # per Reuters\n'],
    ['a tab', 'title:\tSix\n'],
    ['a multi-line value', 'title: Six\n  killed\n'],
    ['a key YAML reads as true', 'true: 1\n'],
    ['an anchor', 'title: &t Six\n'],
    ['an emoji', 'title: Six 😀\n'],
  ])('GIVEN %s THEN it leaves the header to yaml', (_name, text) => {
    expect(parseSimpleFrontMatter(text)).toBeUndefined();
  });
});

describe('parseFrontMatter', () => {
  it('GIVEN an unquoted date THEN the schema keeps the date as written', () => {
    const result = parseFrontMatter('---\npublished: 2024-10-05\n---\nText.\n');
    expect(result).toEqual({ ok: true, data: { published: '2024-10-05' }, body: 'Text.\n' });
  });

  it('GIVEN a date of month precision THEN it is kept as written, the month (issue 11: never a reason to drop the article)', () => {
    expect(parseFrontMatter('---\npublished: 2025-03\n---\nText.\n')).toEqual({
      ok: true,
      data: { published: '2025-03' },
      body: 'Text.\n',
    });
    expect(parseFrontMatter('---\npublished: "2025-03"\n---\nText.\n')).toMatchObject({
      ok: true,
      data: { published: '2025-03' },
    });
    expect(parseFrontMatter('---\npublished: 2025-13\n---\nText.\n')).toMatchObject({ ok: false });
  });

  it('GIVEN a header the fast path declines THEN yaml reads it, and its errors still say where', () => {
    expect(parseFrontMatter('---\ntitle: Six\ntags: [a, b]\n---\nText.\n')).toEqual({
      ok: true,
      data: { title: 'Six', tags: ['a', 'b'] },
      body: 'Text.\n',
    });
    const broken = parseFrontMatter('---\ntitle: a\ntitle: b\n---\nText.\n');
    expect(broken).toEqual({
      ok: false,
      reason: expect.stringMatching(/^front matter is not valid YAML: Map keys must be unique/),
    });
    expect(parseFrontMatter('---\ntitle: 1984\n---\nText.\n')).toEqual({
      ok: false,
      reason: 'front matter: title: Invalid input: expected string, received number',
    });
  });
});
