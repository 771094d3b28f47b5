/**
 * The concept lexicon: words that mean the same thing for the team's questions, across languages
 * and synonyms. Search expands a question through it ("killed" also finds "died", "drept"), and the
 * figures extractor reads a claim's category from it. One home, so both always agree.
 *
 * Words are listed as they appear in text; they are stemmed and folded with the same analyzer as
 * articles when the lexicon is compiled, so listing one inflection usually covers the others.
 */
export interface Concept {
  /** Stable id, also the category name for figures where `figureCategory` is set. */
  id: string;
  /** How a person would name it. */
  label: string;
  /**
   * What part of a claim it names: an `event` is what happened to people (killed, deployed), a
   * `subject` who it happened to (officers, troops), an `item` what was counted (shells); a `topic` is neither.
   */
  role: 'event' | 'subject' | 'item' | 'topic';
  words: { en: readonly string[]; nb: readonly string[] };
  /** Concepts a question about this one should also find: "casualties" means killed and injured. */
  includes?: readonly string[];
}

export const CONCEPTS: readonly Concept[] = [
  {
    id: 'killed',
    label: 'killed',
    role: 'event',
    words: {
      en: [
        'killed',
        'kill',
        'died',
        'die',
        'dead',
        'death',
        'deaths',
        'losses',
        'fatalities',
        'fatality',
        'slain',
        'perished',
        'toll',
      ],
      nb: [
        'drept',
        'drepte',
        'drepe',
        'døde',
        'død',
        'dødsfall',
        'dødstall',
        'dødstallet',
        'falt',
        'falne',
        'omkom',
        'omkommet',
        'omkomne',
        'tap',
      ],
    },
  },
  {
    id: 'injured',
    label: 'injured',
    role: 'event',
    words: {
      en: ['injured', 'injury', 'injuries', 'wounded', 'wounds', 'hurt'],
      nb: ['skadet', 'skadde', 'såret', 'sårede', 'skader'],
    },
  },
  {
    id: 'casualties',
    label: 'casualties',
    role: 'event',
    words: { en: ['casualties', 'casualty'], nb: ['tapstall'] },
    includes: ['killed', 'injured'],
  },
  {
    id: 'troops',
    label: 'troops',
    role: 'subject',
    words: {
      en: [
        'troops',
        'troop',
        'soldiers',
        'soldier',
        'forces',
        'personnel',
        'servicemen',
        'infantry',
        'fighters',
        'army',
      ],
      nb: ['soldater', 'soldat', 'soldatene', 'tropper', 'troppene', 'styrker', 'personell', 'hær', 'infanteri'],
    },
  },
  {
    id: 'deployed',
    label: 'deployed',
    role: 'event',
    words: {
      en: ['deployed', 'deploy', 'deployment', 'sent', 'send', 'sending', 'dispatched', 'dispatch', 'stationed'],
      nb: ['sendt', 'sende', 'sendte', 'utplassert', 'utplassering', 'utstasjonert'],
    },
  },
  {
    id: 'reinforcements',
    label: 'reinforcements',
    role: 'event',
    words: {
      en: ['reinforcements', 'reinforcement', 'reinforce', 'reinforced'],
      nb: ['forsterkninger', 'forsterkningene', 'forsterke', 'forsterket'],
    },
  },
  {
    id: 'captured',
    label: 'captured',
    role: 'event',
    words: {
      en: ['captured', 'capture', 'prisoners', 'prisoner', 'pows'],
      nb: ['fanget', 'fanger', 'krigsfanger', 'krigsfange'],
    },
  },
  {
    id: 'officers',
    label: 'officers',
    role: 'subject',
    words: {
      en: ['officers', 'officer', 'commanders', 'commander', 'generals'],
      nb: ['offiserer', 'offiser', 'befal'],
    },
  },
  {
    id: 'weapons',
    label: 'weapons',
    role: 'item',
    words: {
      en: ['weapons', 'weapon', 'weaponry', 'arms', 'munitions', 'ammunition', 'hardware'],
      nb: ['våpen', 'våpnene', 'ammunisjon', 'materiell'],
    },
    includes: ['shells', 'missiles', 'launchers', 'guns'],
  },
  {
    id: 'shells',
    label: 'shells',
    role: 'item',
    words: { en: ['shells', 'shell', 'rounds'], nb: ['granater', 'granat', 'artillerigranater'] },
  },
  {
    id: 'missiles',
    label: 'missiles',
    role: 'item',
    words: { en: ['missiles', 'missile', 'rockets', 'rocket'], nb: ['missiler', 'missil', 'raketter', 'rakett'] },
  },
  {
    id: 'launchers',
    label: 'launchers',
    role: 'item',
    words: { en: ['launchers', 'launcher'], nb: ['rakettoppskytere', 'rakettoppskyttere', 'utskytere', 'oppskytere'] },
  },
  {
    id: 'guns',
    label: 'guns',
    role: 'item',
    words: {
      en: ['guns', 'howitzers', 'howitzer', 'cannons', 'artillery'],
      nb: ['kanoner', 'haubitser', 'artilleri', 'artillerisystem', 'artillerisystemer'],
    },
  },
  {
    id: 'containers',
    label: 'containers',
    role: 'item',
    words: { en: ['containers', 'container'], nb: ['containere', 'konteinere'] },
  },
  {
    id: 'drones',
    label: 'drones',
    role: 'item',
    words: { en: ['drones', 'drone', 'uav'], nb: ['droner', 'drone', 'dronen'] },
  },
  {
    id: 'intelligence',
    label: 'intelligence',
    role: 'topic',
    words: { en: ['intelligence', 'nis', 'spy'], nb: ['etterretning', 'etterretningstjeneste'] },
  },
  { id: 'north', label: 'north', role: 'topic', words: { en: ['north'], nb: ['nord'] } },
  {
    id: 'korea',
    label: 'Korea',
    role: 'topic',
    words: { en: ['korea', 'korean', 'koreans'], nb: ['korea', 'koreansk', 'koreanske', 'koreanere'] },
  },
  { id: 'south', label: 'south', role: 'topic', words: { en: ['south'], nb: ['sør'] } },
  {
    id: 'north-korean',
    label: 'North Korean',
    role: 'topic',
    words: { en: ['pyongyang'], nb: ['nordkoreansk', 'nordkoreanske', 'nordkoreanere', 'pyongyang'] },
  },
  {
    id: 'russia',
    label: 'Russia',
    role: 'topic',
    words: {
      en: ['russia', 'russian', 'russians', 'moscow', 'kremlin'],
      nb: ['russland', 'russisk', 'russiske', 'moskva', 'kreml'],
    },
  },
  {
    id: 'ukraine',
    label: 'Ukraine',
    role: 'topic',
    words: { en: ['ukraine', 'ukrainian', 'ukrainians', 'kyiv'], nb: ['ukraina', 'ukrainsk', 'ukrainske', 'kyiv'] },
  },
];

export function conceptById(id: string): Concept | undefined {
  return CONCEPTS.find((concept) => concept.id === id);
}
