/** A count with its English noun, singular for one: "1 passage", "1,204 passages". For our own messages, not articles. */
export function plural(n: number, word: string): string {
  return `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
}
