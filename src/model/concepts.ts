/**
 * The concepts of the team's questions: what "killed", "troops" or "shells" stand for, whatever
 * the language. Search expands a question through them ("killed" also finds "died", "drept"), and
 * the figures extractor reads what a number counts from them. The words of each concept live in
 * the language modules (src/languages/), keyed by the concept's id.
 */
export interface Concept {
  /** Stable id; the language modules key their words by it, and a figure category lists it. */
  id: string;
  /** How a person would name it. */
  label: string;
  /**
   * What part of a claim it names: an `event` is what happened to people (killed, deployed), a
   * `subject` who it happened to (officers, troops), an `item` what was counted (shells); a `topic` is neither.
   */
  role: 'event' | 'subject' | 'item' | 'topic';
  /** Concepts a question about this one should also find: "casualties" means killed and injured. */
  includes?: readonly string[];
}

const BUILT_IN: readonly Concept[] = [
  { id: 'killed', label: 'killed', role: 'event' },
  { id: 'injured', label: 'injured', role: 'event' },
  { id: 'casualties', label: 'casualties', role: 'event', includes: ['killed', 'injured'] },
  { id: 'troops', label: 'troops', role: 'subject' },
  { id: 'deployed', label: 'deployed', role: 'event' },
  { id: 'reinforcements', label: 'reinforcements', role: 'event' },
  { id: 'captured', label: 'captured', role: 'event' },
  { id: 'officers', label: 'officers', role: 'subject', includes: ['generals'] },
  { id: 'generals', label: 'generals', role: 'subject' },
  { id: 'weapons', label: 'weapons', role: 'item', includes: ['shells', 'missiles', 'launchers', 'guns'] },
  { id: 'shells', label: 'shells', role: 'item' },
  { id: 'missiles', label: 'missiles', role: 'item' },
  { id: 'launchers', label: 'launchers', role: 'item' },
  { id: 'guns', label: 'guns', role: 'item' },
  { id: 'containers', label: 'containers', role: 'item' },
  { id: 'drones', label: 'drones', role: 'item' },
  { id: 'intelligence', label: 'intelligence', role: 'topic' },
  { id: 'north', label: 'north', role: 'topic' },
  { id: 'korea', label: 'Korea', role: 'topic' },
  { id: 'south', label: 'south', role: 'topic' },
  { id: 'north-korean', label: 'North Korean', role: 'topic' },
  { id: 'russia', label: 'Russia', role: 'topic' },
  { id: 'ukraine', label: 'Ukraine', role: 'topic' },
];

const concepts: Concept[] = [...BUILT_IN];
const byId = new Map<string, Concept>(concepts.map((concept) => [concept.id, concept]));
let version = 0;

/** Every concept, in the order defined. */
export function allConcepts(): readonly Concept[] {
  return concepts;
}

export function conceptById(id: string): Concept | undefined {
  return byId.get(id);
}

/**
 * Adds a concept (a new figure category's event, say). Returns a function that removes it again,
 * for tests. Lexicons compiled from the concepts see the change: see {@link conceptsVersion}.
 */
export function registerConcept(concept: Concept): () => void {
  if (byId.has(concept.id)) throw new Error(`concepts: "${concept.id}" is already defined`);
  concepts.push(concept);
  byId.set(concept.id, concept);
  version++;
  return () => {
    const at = concepts.indexOf(concept);
    if (at >= 0) concepts.splice(at, 1);
    byId.delete(concept.id);
    version++;
  };
}

/** Changes whenever a concept is added or removed: what compiled lexicons check to stay current. */
export function conceptsVersion(): number {
  return version;
}
