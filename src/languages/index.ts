/**
 * The registry of languages: every language module the machinery reads text with. A new language
 * is one module in this folder and one line in {@link BUILT_IN}.
 */
import { german } from './de.js';
import { czech } from './cs.js';
import { english } from './en.js';
import { french } from './fr.js';
import { korean } from './ko.js';
import { norwegian } from './nb.js';
import { russian } from './ru.js';
import { ukrainian } from './uk.js';
import type { LanguageModule } from './types.js';

export type {
  AttributionWords,
  ClaimWords,
  CounterWords,
  DateWords,
  LanguageModule,
  MetadataWords,
  NumberContextWords,
  NumberMorph,
  NumberWords,
  RelativeDate,
} from './types.js';

const BUILT_IN: readonly LanguageModule[] = [english, norwegian, german, french, russian, ukrainian, korean, czech];

const modules: LanguageModule[] = [...BUILT_IN];
let version = 0;

/** The language text in an unknown language is read with (its numbers, its speech verbs). */
export const DEFAULT_LANGUAGE: LanguageModule = english;

/** Every registered language, English first. */
export function languages(): readonly LanguageModule[] {
  return modules;
}

/** The module for a BCP 47 tag ("nb-NO", "nn" → Norwegian), or null when none reads it. */
export function languageFor(tag: string | null | undefined): LanguageModule | null {
  const primary = tag?.toLowerCase().split(/[-_]/)[0];
  if (!primary) return null;
  return modules.find((module) => module.tags.includes(primary)) ?? null;
}

/**
 * Adds a language, or replaces the one that reads the same primary tag (a test gives English a new
 * concept's words this way). Returns a function that undoes it, for tests. Patterns compiled from
 * the registered languages are compiled again after a change: see {@link languagesVersion}.
 */
export function registerLanguage(module: LanguageModule): () => void {
  const replaced = modules.find((other) => other.tags[0] === module.tags[0]) ?? null;
  const taken = module.tags.find((tag) => {
    const reader = languageFor(tag);
    return reader !== null && reader !== replaced;
  });
  if (taken) throw new Error(`languages: "${taken}" is already read by ${languageFor(taken)!.name}`);
  if (replaced) modules[modules.indexOf(replaced)] = module;
  else modules.push(module);
  version++;
  return () => {
    const at = modules.indexOf(module);
    if (at >= 0) {
      if (replaced) modules[at] = replaced;
      else modules.splice(at, 1);
    }
    version++;
  };
}

/** Changes whenever a language is added or removed: what compiled patterns check to stay current. */
export function languagesVersion(): number {
  return version;
}

/**
 * A value computed from the registered languages, computed again only after the registry changes:
 * patterns are compiled once per registry version, never per call.
 */
export function perRegistry<T>(compute: (all: readonly LanguageModule[]) => T): () => T {
  let computedAt = -1;
  let value: T;
  return () => {
    if (computedAt !== version) {
      value = compute(modules);
      computedAt = version;
    }
    return value;
  };
}

/** A value computed once per language module (its compiled patterns), kept while the module lives. */
export function perLanguage<T>(compute: (module: LanguageModule) => T): (module: LanguageModule) => T {
  const values = new WeakMap<LanguageModule, T>();
  return (module) => {
    let value = values.get(module);
    if (value === undefined) {
      value = compute(module);
      values.set(module, value);
    }
    return value;
  };
}
