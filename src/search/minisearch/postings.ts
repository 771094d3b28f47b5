import SearchableMap from 'minisearch/SearchableMap';

/**
 * The index's terms, numbered in the order first met: MiniSearch's radix tree maps a term to its
 * number and answers typo and prefix lookups. Shared by an index and every index updated from it,
 * and only growing: a term an update adds is unknown to older versions, which hold no postings for
 * it (see {@link TermRecords.has}).
 */
export class TermDictionary {
  readonly tree: SearchableMap<number>;
  readonly list: string[];

  /** Terms numbered in the order given; in code-unit order (as a build and a snapshot give them), the tree is built in one pass. */
  constructor(terms: readonly string[] = []) {
    if (isSorted(terms)) {
      this.list = [...terms];
      const tree = terms.length > 0 ? radixTree(terms, 0, terms.length, 0) : new Map();
      this.tree = new SearchableMap<number>(tree as ConstructorParameters<typeof SearchableMap<number>>[0]);
    } else {
      this.list = [];
      this.tree = new SearchableMap<number>();
      for (const term of terms) this.add(term);
    }
  }

  number(term: string): number | undefined {
    return this.tree.get(term);
  }

  /** The term's number, numbering it now if it is new. */
  add(term: string): number {
    let number = this.tree.get(term);
    if (number === undefined) {
      number = this.list.push(term) - 1;
      this.tree.set(term, number);
    }
    return number;
  }
}

function isSorted(terms: readonly string[]): boolean {
  for (let i = 1; i < terms.length; i++) if (!(terms[i - 1]! < terms[i]!)) return false;
  return true;
}

/**
 * MiniSearch's radix tree of `terms[from, to)` (sorted, unique, all sharing their first `depth`
 * code units), each term's value its position: as inserting them one by one makes it (a node is a
 * Map from edge label to child, '' to the value), in time linear in their length rather than in
 * the children scanned at each insert.
 */
function radixTree(terms: readonly string[], from: number, to: number, depth: number): Map<string, unknown> {
  const node = new Map<string, unknown>();
  let i = from;
  if (terms[i]!.length === depth) node.set('', i++);
  while (i < to) {
    const first = terms[i]!;
    const unit = first.charCodeAt(depth);
    let j = i + 1;
    while (j < to && terms[j]!.charCodeAt(depth) === unit) j++;
    if (j - i === 1) node.set(first.slice(depth), new Map([['', i]]));
    else {
      const last = terms[j - 1]!;
      let common = depth + 1;
      while (common < first.length && first.charCodeAt(common) === last.charCodeAt(common)) common++;
      node.set(first.slice(depth, common), radixTree(terms, i, j, common));
    }
    i = j;
  }
  return node;
}

/**
 * Where a term's record starts: [title count n1, text count n2, best count nb, title ids (n1),
 * title term frequencies (n1), text ids (n2), text term frequencies (n2), best ids (nb)]. Ids ascend;
 * "best" are a common term's best passages (none stored when all its text passages are its best).
 */
export const RECORD_HEAD = 3;

export function recordWords(titleCount: number, textCount: number, bestCount: number): number {
  return RECORD_HEAD + 2 * titleCount + 2 * textCount + bestCount;
}

/** Arena 0 is no arena: a term whose arena is 0 has no postings in this version. */
const NONE = 0;
/** Arenas a version may use before its records are compacted into one (arena numbers are bytes). */
const MAX_ARENAS = 255;

/**
 * Every term's postings record of one index version, held in a few large arrays ("arenas"): the
 * index built or read (a view of the cache file's numbers), then one arena per update holding the
 * records that update rewrote. A version's tables say, per term number, which arena and where;
 * an update copies the tables (a few bytes per term) and shares every arena, so the version it
 * was made from keeps reading its own records unchanged.
 */
export class TermRecords {
  constructor(
    readonly arenas: readonly Uint32Array[],
    /** Per term number: its record's arena, {@link NONE} when the term has no postings here. */
    readonly arenaOf: Uint8Array,
    readonly offsetOf: Uint32Array,
    /** Words of the arenas this version's records use; the rest are older versions' records. */
    readonly liveWords: number,
  ) {}

  /** Records laid end to end in term order in one arena, as a build or a snapshot has them. */
  static ofArena(arena: Uint32Array, termCount: number): TermRecords {
    const arenaOf = new Uint8Array(termCount);
    const offsetOf = new Uint32Array(termCount);
    let at = 0;
    for (let term = 0; term < termCount; term++) {
      if (at + RECORD_HEAD > arena.length) throw new Error('index snapshot is damaged');
      arenaOf[term] = 1;
      offsetOf[term] = at;
      at += recordWords(arena[at]!, arena[at + 1]!, arena[at + 2]!);
    }
    if (at !== arena.length) throw new Error('index snapshot is damaged');
    return new TermRecords([new Uint32Array(0), arena], arenaOf, offsetOf, arena.length);
  }

  get termCount(): number {
    return this.arenaOf.length;
  }

  /** Whether this version holds postings for a term number. */
  has(term: number): boolean {
    return term < this.arenaOf.length && this.arenaOf[term] !== NONE;
  }

  /** The arena holding a term's record (call only when {@link has}). */
  arena(term: number): Uint32Array {
    return this.arenas[this.arenaOf[term]!]!;
  }

  offset(term: number): number {
    return this.offsetOf[term]!;
  }

  /** Words of the arenas no version made from these records can read: worth compacting when they outweigh the live ones. */
  get wastedWords(): number {
    let total = 0;
    for (const arena of this.arenas) total += arena.length;
    return total - this.liveWords;
  }

  /**
   * These records with some terms' records replaced (written in `arena`, at the offsets given;
   * offset -1: the term has no postings any more), for `termCount` terms.
   */
  replaced(termCount: number, arena: Uint32Array, replacements: ReadonlyMap<number, number>): TermRecords {
    const arenaOf = new Uint8Array(termCount);
    arenaOf.set(this.arenaOf);
    const offsetOf = new Uint32Array(termCount);
    offsetOf.set(this.offsetOf);
    let live = this.liveWords;
    const number = this.arenas.length;
    for (const [term, offset] of replacements) {
      if (this.has(term)) {
        const old = this.arena(term);
        const at = this.offsetOf[term]!;
        live -= recordWords(old[at]!, old[at + 1]!, old[at + 2]!);
      }
      if (offset < 0) {
        arenaOf[term] = NONE;
        continue;
      }
      arenaOf[term] = number;
      offsetOf[term] = offset;
      live += recordWords(arena[offset]!, arena[offset + 1]!, arena[offset + 2]!);
    }
    return new TermRecords([...this.arenas, arena], arenaOf, offsetOf, live);
  }

  /** Whether the next update should compact: too many arenas, or more dead words than live ones. */
  get wantsCompacting(): boolean {
    return this.arenas.length >= MAX_ARENAS - 1 || this.wastedWords > Math.max(this.liveWords, 1 << 20);
  }

  /** The live records copied into one arena, in term order, yielding whenever `due` says a slice of work is done. */
  *compacted(due: () => boolean): Generator<void, TermRecords> {
    const arena = new Uint32Array(this.liveWords);
    const arenaOf = new Uint8Array(this.termCount);
    const offsetOf = new Uint32Array(this.termCount);
    let at = 0;
    for (let term = 0; term < this.termCount; term++) {
      if (!this.has(term)) continue;
      const source = this.arena(term);
      const from = this.offsetOf[term]!;
      const words = recordWords(source[from]!, source[from + 1]!, source[from + 2]!);
      arena.set(source.subarray(from, from + words), at);
      arenaOf[term] = 1;
      offsetOf[term] = at;
      at += words;
      if (due()) yield;
    }
    return new TermRecords([new Uint32Array(0), arena], arenaOf, offsetOf, at);
  }
}

/** Where `id` is in `ids[from, to)` (ascending), or -1. */
export function positionOf(ids: Uint32Array, from: number, to: number, id: number): number {
  let low = from;
  let high = to - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const found = ids[middle]!;
    if (found < id) low = middle + 1;
    else if (found > id) high = middle - 1;
    else return middle;
  }
  return -1;
}

/**
 * The `k`-th largest of `values[0, count)`, found by selection (average O(count)), reordering
 * `values` in place.
 */
export function kthLargest(values: Float64Array, count: number, k: number): number {
  let low = 0;
  let high = count - 1;
  const target = k - 1;
  while (low < high) {
    const pivot = values[(low + high) >>> 1]!;
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i]! > pivot) i++;
      while (values[j]! < pivot) j--;
      if (i <= j) {
        const swap = values[i]!;
        values[i] = values[j]!;
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (target <= j) high = j;
    else if (target >= i) low = i;
    else break;
  }
  return values[target]!;
}

/** The first position in `sorted[low, end)` (ascending) whose id is not below `id`: galloping, then halving. */
export function lowerBound(sorted: Uint32Array, low: number, end: number, id: number): number {
  let step = 1;
  let high = low;
  while (high < end && sorted[high]! < id) {
    low = high + 1;
    high = low + step;
    step *= 2;
  }
  if (high > end) high = end;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]! < id) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * For each of the ascending `ids`, its position in `sorted[from, from + count)` (ascending), or -1,
 * into `positions`: one walk along both, galloping over the long stretches of the longer one.
 */
export function locate(
  sorted: Uint32Array,
  from: number,
  count: number,
  ids: Uint32Array,
  positions: Int32Array,
): void {
  const end = from + count;
  let low = from;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    low = lowerBound(sorted, low, end, id);
    positions[i] = low < end && sorted[low] === id ? low : -1;
  }
}
