import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The folder graph is a ladder: a folder imports only from folders on lower rungs (and from
 * itself). Folders on one rung do not import each other, so each can change without the others
 * noticing. README "Layout" draws the same ladder; a new folder gets its rung here.
 */
const LADDER: readonly (readonly string[])[] = [
  ['src/model', 'src/config', 'src/log.ts', 'src/threads.ts'],
  ['src/languages'],
  ['src/text'],
  // Fetching links safely: a utility of its own, under the readers of articles that will use it.
  ['src/fetch'],
  ['src/corpus', 'src/search', 'src/figures'],
  ['src/engine'],
  ['src/render'],
  ['src/console', 'src/cli', 'src/bot'],
  ['commands', 'components'],
  ['src/main.ts', 'src/deployCommands.ts'],
];

type Graph = ReadonlyMap<string, readonly string[]>;

/** The rung and the folder (or top-level file) a file belongs to. */
function placeOf(file: string, ladder = LADDER): { rung: number; unit: string } | null {
  for (const [rung, units] of ladder.entries()) {
    for (const unit of units) if (file === unit || file.startsWith(`${unit}/`)) return { rung, unit };
  }
  return null;
}

/** Imports into another folder on the same rung or a higher one. */
function wrongWayImports(graph: Graph, ladder = LADDER): string[] {
  const wrong: string[] = [];
  for (const [file, imports] of graph) {
    const from = placeOf(file, ladder);
    for (const target of imports) {
      const to = placeOf(target, ladder);
      if (from && to && from.unit !== to.unit && to.rung >= from.rung) wrong.push(`${file} → ${target}`);
    }
  }
  return wrong;
}

/** Each cycle met by a depth-first walk, as "a → b → a". */
function cyclesOf(graph: Graph): string[] {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    stack.push(file);
    for (const target of graph.get(file) ?? []) {
      if (state.get(target) === 'open') cycles.push([...stack.slice(stack.indexOf(target)), target].join(' → '));
      else if (!state.has(target)) visit(target);
    }
    stack.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return cycles;
}

const root = path.resolve(import.meta.dirname, '..');

function sourceFiles(dir: string): string[] {
  const folder = path.join(root, dir);
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

/** Every relative import of a file (static, type-only, re-export or dynamic), as a path from the root. */
function importsOf(file: string): string[] {
  const text = readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)'(\.{1,2}\/[^']+)'/gm)].map((match) =>
    path.relative(root, path.resolve(path.dirname(path.join(root, file)), match[1]!.replace(/\.js$/, '.ts'))),
  );
}

const files = ['src', 'commands', 'components'].flatMap(sourceFiles);
const graph: Graph = new Map(files.map((file) => [file, importsOf(file)]));

describe('the architecture', () => {
  it('GIVEN every source file THEN each has a place on the ladder', () => {
    expect(files.length).toBeGreaterThan(40);
    expect(files.filter((file) => !placeOf(file))).toEqual([]);
  });

  it('GIVEN every import THEN it names a file that exists', () => {
    const missing = [...graph].flatMap(([file, imports]) =>
      imports.filter((target) => !graph.has(target)).map((target) => `${file} → ${target}`),
    );
    expect(missing).toEqual([]);
  });

  it('GIVEN every import THEN none goes up the ladder or sideways to another folder on its rung', () => {
    expect(wrongWayImports(graph)).toEqual([]);
  });

  it('GIVEN the file graph THEN it has no cycle', () => {
    expect(cyclesOf(graph)).toEqual([]);
  });

  it('GIVEN a made-up graph THEN the checks find its upward import, its sideways import and its cycle', () => {
    const ladder = [['low'], ['mid-a', 'mid-b'], ['high']];
    const madeUp: Graph = new Map([
      ['low/x.ts', ['high/z.ts']],
      ['mid-a/y.ts', ['mid-b/w.ts', 'low/x.ts']],
      ['mid-b/w.ts', []],
      ['high/z.ts', ['mid-a/y.ts', 'low/x.ts']],
    ]);
    expect(wrongWayImports(madeUp, ladder)).toEqual(['low/x.ts → high/z.ts', 'mid-a/y.ts → mid-b/w.ts']);
    expect(cyclesOf(madeUp)).toEqual([
      'low/x.ts → high/z.ts → mid-a/y.ts → low/x.ts',
      'low/x.ts → high/z.ts → low/x.ts',
    ]);
  });
});
