/** Runs the project's scripts as child processes, the way a user runs them, with a clean environment. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

/**
 * The parent's environment without any Discord or bot settings, each set to empty so that a
 * developer's `.env` (dotenv never overrides a variable that is set) cannot leak into the test.
 */
export function cleanEnv(overrides: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of [
    'DISCORD_TOKEN',
    'DISCORD_CLIENT_ID',
    'DISCORD_GUILD_ID',
    'DISCORD_API_URL',
    'CORPUS_DIR',
    'LOG_LEVEL',
    'ASK_COOLDOWN_SECONDS',
    'ALLOWED_GUILD_IDS',
    'ALLOW_ANY_GUILD',
    'FETCH_ALLOW_HOSTS',
  ])
    env[key] = '';
  // vitest sets these for its workers; the scripts must run as in production.
  delete env.VITEST;
  delete env.VITEST_WORKER_ID;
  delete env.VITEST_POOL_ID;
  delete env.NODE_ENV;
  return { ...env, ...overrides };
}

export interface Child {
  process: ChildProcessWithoutNullStreams;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal's name) once the process and all that hold its output have ended. */
  exited: Promise<number | string>;
  /** Sends a signal to the process group: the command and everything it started. */
  signal(signal: NodeJS.Signals): void;
  /** Resolves once stdout or stderr contains `text`. */
  waitForOutput(text: string | RegExp, timeoutMs?: number): Promise<void>;
}

/**
 * Starts a command in its own process group, as a terminal or a service manager does: `npm start`
 * runs `sh -c tsx …`, and sh passes no signal on, so a stop signal must reach the whole group.
 */
export function run(command: string, args: string[], env: NodeJS.ProcessEnv): Child {
  const child = spawn(command, args, { cwd: ROOT, env, detached: true });
  let out = '';
  let err = '';
  const listeners = new Set<() => void>();
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    for (const listener of listeners) listener();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
    for (const listener of listeners) listener();
  });
  const exited = new Promise<number | string>((resolve) =>
    child.on('close', (code, signal) => resolve(code ?? signal ?? -1)),
  );
  return {
    process: child,
    stdout: () => out,
    stderr: () => err,
    exited,
    signal(signal) {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // The group is already gone.
      }
    },
    waitForOutput(text, timeoutMs = 15_000) {
      const seen = () => (typeof text === 'string' ? (out + err).includes(text) : text.test(out + err));
      if (seen()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`timed out waiting for ${String(text)}; stdout: ${out}\nstderr: ${err}`));
        }, timeoutMs);
        const check = () => {
          if (!seen()) return;
          clearTimeout(timer);
          listeners.delete(check);
          resolve();
        };
        listeners.add(check);
        void exited.then(() => {
          if (!listeners.has(check)) return;
          clearTimeout(timer);
          listeners.delete(check);
          reject(new Error(`exited before printing ${String(text)}; stdout: ${out}\nstderr: ${err}`));
        });
      });
    },
  };
}
