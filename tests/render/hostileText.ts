import fc from 'fast-check';

/**
 * Text a hostile or careless user or article may contain: mentions, markdown, code fences, emoji,
 * line breaks, long runs. Shared by the renderer property tests.
 */
export const nasty = fc.oneof(
  fc.constantFrom(
    '@everyone',
    '@here',
    '@EVERYONE',
    '<@123456789012345678>',
    '<@!123456789012345678>',
    '<@&123456789012345678>',
    '<#123456789012345678>',
    '</ask:1234567890>',
    '<t:1700000000:R>',
    '```js\nalert(1)\n```',
    '`code`',
    '**bold**',
    '__under__',
    '~~strike~~',
    '||spoiler||',
    '# heading',
    '\n- item',
    '\n1. item',
    '> quote',
    '[click](https://evil.example)',
    '\\',
    '\\<@1>',
    '👍🏽',
    '🇳🇴',
    'é',
    '\u200b',
    '\n\n',
    '*',
    '_',
    '<',
    '@',
    '</figures:1234567890>',
    '[1]',
    '·',
  ),
  fc.string({ unit: 'grapheme', maxLength: 8 }),
);

/** Text from files and from Discord is well-formed UTF-16: drop the lone surrogates that slicing makes. */
export const wellFormed = (s: string) =>
  s.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '');

/** Up to `maxParts` hostile pieces joined. */
export const text = (maxParts: number) =>
  fc.array(nasty, { maxLength: maxParts }).map((parts) => wellFormed(parts.join('')));

/** A `<` or `@everyone`/`@here` that Discord would read as a mention: not preceded by an odd run of backslashes. */
export function unescapedMentions(shown: string): string[] {
  const found: string[] = [];
  for (const match of shown.matchAll(/<[@#/:t]|@(everyone|here)/gi)) {
    let backslashes = 0;
    while (shown[match.index - 1 - backslashes] === '\\') backslashes++;
    if (backslashes % 2 === 0) found.push(match[0]);
  }
  return found;
}
