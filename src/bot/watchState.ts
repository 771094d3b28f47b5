/**
 * What the watch channel keeps between runs, in one small JSON file: the channel chosen with
 * `/watch` (or that it was turned off), and the articles already announced (id → hash of what
 * each says), so that a restart announces nothing twice and what arrived while the bot was down
 * once. Written whole or not at all (a temporary file, then renamed over the old one).
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** The watch channel as chosen with `/watch`; `off` when it was turned off there. */
export type WatchChoice =
  | { channelId: string; topics: string[]; setBy: string | null; setAt: string }
  | { off: true; setBy: string | null; setAt: string };

export interface WatchState {
  /** Set by `/watch`; it wins over WATCH_CHANNEL_ID. Null when `/watch` was never used. */
  choice: WatchChoice | null;
  /** The articles announced (or seen without need to announce), by id; null before the first look. */
  announced: Map<string, string> | null;
}

const VERSION = 1;

/**
 * Where the state of a corpus' watch channel is kept: beside its index cache file
 * (`.cache/index-<hash>.watch.json`), or in the corpus folder's parent when there is no cache.
 */
export function watchStateFileFor(cacheFile: string | undefined, corpusDir: string): string {
  if (cacheFile) return `${cacheFile.replace(/\.cache$/, '')}.watch.json`;
  const dir = path.resolve(corpusDir);
  return path.join(path.dirname(dir), `.crosscheck-watch-${path.basename(dir)}.json`);
}

export function emptyWatchState(): WatchState {
  return { choice: null, announced: null };
}

const isString = (value: unknown): value is string => typeof value === 'string';

function choiceFrom(value: unknown): WatchChoice | null {
  if (!value || typeof value !== 'object') return null;
  const raw = value as Record<string, unknown>;
  const setBy = isString(raw.setBy) ? raw.setBy : null;
  const setAt = isString(raw.setAt) ? raw.setAt : '';
  if (raw.off === true) return { off: true, setBy, setAt };
  if (!isString(raw.channelId) || !/^\d{17,20}$/.test(raw.channelId)) return null;
  const topics = Array.isArray(raw.topics) ? raw.topics.filter(isString) : [];
  return { channelId: raw.channelId, topics, setBy, setAt };
}

/**
 * Reads the state; a missing file is the empty state. A file that cannot be read or parsed is the
 * empty state too, with the reason: the caller logs it, and starts over without announcing the
 * whole corpus (see WatchChannel).
 */
export async function readWatchState(file: string): Promise<{ state: WatchState; problem: string | null }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { state: emptyWatchState(), problem: null };
    return { state: emptyWatchState(), problem: (error as Error).message };
  }
  try {
    const raw = JSON.parse(text) as Record<string, unknown>;
    if (raw.version !== VERSION) return { state: emptyWatchState(), problem: `unknown format ${String(raw.version)}` };
    const announced =
      raw.announced && typeof raw.announced === 'object'
        ? new Map(
            Object.entries(raw.announced as Record<string, unknown>).filter((entry): entry is [string, string] =>
              isString(entry[1]),
            ),
          )
        : null;
    return { state: { choice: choiceFrom(raw.choice), announced }, problem: null };
  } catch (error) {
    return { state: emptyWatchState(), problem: `not valid JSON: ${(error as Error).message}` };
  }
}

/** Writes the state whole or not at all: to a temporary name beside it, then renamed over the old one. */
export async function writeWatchState(file: string, state: WatchState): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const body = {
    version: VERSION,
    choice: state.choice,
    announced: state.announced ? Object.fromEntries([...state.announced].sort(([a], [b]) => a.localeCompare(b))) : null,
  };
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, `${JSON.stringify(body, null, 1)}\n`);
  await rename(temporary, file);
}
