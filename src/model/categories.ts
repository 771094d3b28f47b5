/**
 * The figure categories: what a figure counts (killed, deployed, weapons…). This registry is the
 * one list: the extractor reads a claim's category from it, the engine and `/figures` offer its
 * names and items, the CLI's JSON contract accepts its names. A new category is one entry here,
 * plus the concept it names (src/model/concepts.ts) and that concept's words in each language.
 */
export interface CategoryDefinition {
  /** Stable name: a claim's `category`, a `/figures` topic, a value of the CLI's JSON. */
  name: string;
  /** How a person reads it in a list of choices. */
  label: string;
  /**
   * Concepts whose words name it: the event for most ("killed" for killed), every item counted for
   * a category of things (weapons: shells, missiles…). A concept belongs to one category at most.
   */
  concepts: readonly string[];
  /** Items a person may ask about on their own (`/figures shells`); claims of the category name one. */
  items?: readonly string[];
  /** Only people are counted: "1200 buildings … damaged" is no figure of it. */
  countsPeople: boolean;
  /** The categories it adds up: killed + injured = casualties, which comparison checks ("consistent"). */
  sumOf?: readonly string[];
  /** The count of a subject with no event names it: "11,000 troops in Kursk" are troops deployed. */
  namedBySubjectAlone?: boolean;
  /** The category an increment of it is: "3,000 more troops" sent are reinforcements, not a deployment. */
  increment?: string;
}

const BUILT_IN: readonly CategoryDefinition[] = [
  { name: 'killed', label: 'killed', concepts: ['killed'], countsPeople: true },
  { name: 'injured', label: 'injured', concepts: ['injured'], countsPeople: true },
  {
    name: 'casualties',
    label: 'casualties (killed or injured)',
    concepts: ['casualties'],
    countsPeople: true,
    sumOf: ['killed', 'injured'],
  },
  {
    name: 'deployed',
    label: 'deployed (troops sent)',
    concepts: ['deployed'],
    countsPeople: false,
    namedBySubjectAlone: true,
    increment: 'reinforcements',
  },
  { name: 'reinforcements', label: 'reinforcements', concepts: ['reinforcements'], countsPeople: false },
  { name: 'captured', label: 'captured', concepts: ['captured'], countsPeople: true },
  {
    name: 'weapons',
    label: 'weapons (every item)',
    concepts: ['weapons', 'shells', 'missiles', 'launchers', 'guns', 'containers', 'drones'],
    items: ['shells', 'missiles', 'launchers', 'guns', 'containers'],
    countsPeople: false,
  },
];

/** A category's name. Any registered name; the built-in ones are listed in this file. */
export type FigureCategory = string;

const categories: CategoryDefinition[] = [...BUILT_IN];
let version = 0;

/** Every category, in the order the registry lists them (the order `/figures` shows them in). */
export function figureCategories(): readonly CategoryDefinition[] {
  return categories;
}

/** The names of every category. */
export function categoryNames(): string[] {
  return categories.map((category) => category.name);
}

export function isFigureCategory(name: string): boolean {
  return categories.some((category) => category.name === name);
}

export function categoryByName(name: string): CategoryDefinition | undefined {
  return categories.find((category) => category.name === name);
}

/** The category a concept names ("shells" → weapons), if any. */
export function categoryOfConcept(conceptId: string): CategoryDefinition | undefined {
  return categories.find((category) => category.concepts.includes(conceptId));
}

/** What `/figures` accepts: every category, then the items of those that have some. */
export function figureTopics(): string[] {
  return [...categoryNames(), ...categories.flatMap((category) => category.items ?? [])];
}

/** How a topic reads in a list of choices: a category's label, an item's name. */
export function topicLabel(topic: string): string {
  return categoryByName(topic)?.label ?? topic;
}

/** The category whose items include `item` (weapons for shells). */
export function categoryOfItem(item: string): CategoryDefinition | undefined {
  return categories.find((category) => category.items?.includes(item));
}

/** Adds a category. Returns a function that removes it again, for tests. */
export function registerCategory(category: CategoryDefinition): () => void {
  if (isFigureCategory(category.name)) throw new Error(`categories: "${category.name}" is already defined`);
  categories.push(category);
  version++;
  return () => {
    const at = categories.indexOf(category);
    if (at >= 0) categories.splice(at, 1);
    version++;
  };
}

/** Changes whenever a category is added or removed. */
export function categoriesVersion(): number {
  return version;
}
