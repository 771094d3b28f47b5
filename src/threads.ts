import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * Starts a worker thread on a module beside `caller` (its `import.meta.url`), named without its
 * extension: the compiled `.js` in production, the `.ts` through tsx when running from source
 * (a worker does not inherit the loader). `data` reaches the module as `workerData.data`.
 */
export function startThread(caller: string, name: string, data?: unknown): Worker {
  const typescript = fileURLToPath(caller).endsWith('.ts');
  const entry = new URL(`./${name}${typescript ? '.ts' : '.js'}`, caller).href;
  const loader = typescript ? import.meta.resolve('tsx/esm/api') : null;
  const boot = `
    const { workerData } = require('node:worker_threads');
    (async () => {
      if (workerData.loader) (await import(workerData.loader)).register();
      await import(workerData.entry);
    })();
  `;
  return new Worker(boot, { eval: true, workerData: { entry, loader, data } });
}

/** The first message a thread sends; an error or an exit before it rejects. */
export function nextMessage<T>(worker: Worker): Promise<T> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
    };
    const onMessage = (message: T) => {
      cleanup();
      resolve(message);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`thread exited with code ${code}`));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.on('exit', onExit);
  });
}
