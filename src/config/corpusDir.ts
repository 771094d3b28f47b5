/** Where the articles are: `CORPUS_DIR` if set (an empty value counts as unset), else `corpus/`. */
export function corpusDirFromEnv(env: NodeJS.ProcessEnv): string {
  return env.CORPUS_DIR?.trim() || 'corpus';
}
