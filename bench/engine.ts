/**
 * The engine as the bot runs in production: the JavaScript `npm run build` compiles into dist/
 * (`npm run bench` builds first). Measuring the TypeScript through tsx would add its loader and its
 * code transform (every function renamed at run time) to every figure.
 */
const compiled = (module: string) => new URL(`../dist/src/${module}`, import.meta.url).href;

export const { Engine } = (await import(compiled('engine/engine.js'))) as typeof import('../src/engine/engine.js');
export const { LiveEngine } = (await import(compiled('engine/live.js'))) as typeof import('../src/engine/live.js');
