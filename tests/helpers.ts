import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const SEED_CORPUS = path.resolve(import.meta.dirname, '../corpus');
export const SEED = {
  ytn: '000_76f2eabdc61f15ff',
  minister: '001_10382fba07225c82',
  losses: '002_e6e5478af83b0f24',
  engineers: '003_dc26ae1dfb1dba40',
  norwegian: '004_14b0dfdcbc3388b4',
} as const;

/** A throwaway corpus folder with the given files (text, or raw bytes). */
export async function tempCorpus(
  files: Record<string, string | Uint8Array>,
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'crosscheck-corpus-'));
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
