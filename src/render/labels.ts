/**
 * The bot's own words in Discord, per language of the interaction's locale: button labels, headings,
 * notices, the menus' placeholders, the bottom line's connecting words. Answers, quotes, claims and
 * verdict explanations are the engine's and the articles' text, and stay as they are.
 *
 * Every table has every key (a missing one is a compile error); a locale without a table gets
 * English. Renderers take a table as an argument: nothing here is global state.
 */

/** How a number of things is said: "1 article", "3 articles". */
type Counted = (n: number) => string;

export interface Labels {
  /** The BCP 47 tag of the table ("en", "nb"): numbers are grouped as its readers write them. */
  readonly tag: string;
  count(n: number): string;
  articles: Counted;
  passages: Counted;
  figures: Counted;

  // An answer.
  yourQuestion: string;
  tryAskingAbout: string;
  /** "Passages 4–6 of 10". */
  passagesRange(from: number, to: number, total: number): string;
  /** Before the other articles that report the same ("also [4][5]"). */
  also: string;
  untitled: string;
  why: string;
  showFigures: string;
  /** "All killed figures (12)". */
  allFigures(category: string, n: string): string;
  openSource: string;
  askAboutArticle: string;

  // One article, opened from an answer.
  /** The heading of an article's passages for a question. */
  passagesFor(question: string): string;
  /** The article says nothing that answers the question. */
  articleSilent(question: string): string;
  /** The modal of "Ask about this article". */
  questionField: string;
  questionPlaceholder: string;

  // Figures.
  figuresSideBySide: string;
  figuresByTopic: string;
  /** "7 figures", or "7 of 30 figures" when the corpus has more than the report lists. */
  figuresCounted(listed: number, inCorpus: number): string;
  noFiguresAbout(topic: string): string;
  noFiguresYet: string;
  topicsList: string;
  /** "Showing 5 of 12" / "Figures 6–10 of 12". */
  showing(shown: number, total: string): string;
  figuresRange(from: number, to: number, total: string): string;
  mostReportedFirst: string;
  /** A large category's verdicts are found among its most reported figures (figures/compare.ts MAX_COMPARED). */
  comparedAmong: (count: string) => string;
  more: string;
  aboutYourQuestion(total: string, command: string): string;
  undated: string;
  unattributed: string;
  notSpecified: string;
  sources: Counted;
  /** "(+2 more)" after a claimant, " +2 more" after citations. */
  andMore(n: number): string;
  /** Compact verdict kinds, as they lead their letters ("far apart D–E"). */
  compact: { farApart: string; grew: string; noYear: string; otherScope: string };
  /** The verdict kinds of the "Why?" reply. */
  verdict: {
    disagree: string;
    farApart: string;
    grew: string;
    differentScope: string;
    consistent: string;
    undated: string;
  };
  moreVerdicts: Counted;
  whyTitle(report: string): string;
  whoSaysSo: string;
  noVerdicts: string;
  previousFigures: string;
  moreFigures: string;
  leftOutForSpace: string;
  seeEachWith: string;
  orTheButtonsBelow: string;
  openTopic: string;
  moreTopics: Counted;
  openTopicHint: string;
  /** "7 figures, 6 to ≈400". */
  topicRange(low: string, high: string): string;
  csvFile: string;
  csvNote(figures: string): string;
  chartDescription(report: string): string;

  // Listings.
  postToChannel: string;
  previous: string;
  next: string;
  page(current: number, pages: number): string;
  filesNotServed(n: number): string;
  /** The end of a list cut short: "…and 3 more". */
  andNMore(n: number): string;
  publisher: string;
  published: string;
  language: string;
  passagesHeading: string;
  id: string;
  unknown: string;
  dateUnknown: string;
  publisherUnknown: string;
  languageUnknown: string;

  // Notices.
  cooldown(seconds: number): string;
  refusal: string;
  failed: string;
  unknownCommand(name: string): string;
  buttonRetired: string;
  menuRetired: string;
  tooOldToPage: string;
  tooOldToExplain: string;
  tooOldToOpen: string;
  tooOldForFigures: string;
  noFiguresAnyMore: string;
  /** The heading of an answer's figures shown apart ("Show figures"). */
  figuresFor(question: string): string;
  noSuchTopic(topic: string, topics: string): string;
  noTopicAnyMore(topic: string): string;
  noFiguresNow(topic: string): string;
  noVerdictsAnyMore: string;
  articleGone: string;

  /** The bottom line's connecting words (render/summary.ts). */
  summary: SummaryWords;
  /** The words of the figures' chart (render/chart.ts). */
  chart: {
    /** "7 figures", or "15 of 40 figures, the most reported". */
    figures(shown: number, total: number): string;
    yearUnknown: string;
    undated: string;
    unattributed: string;
    moreSources: Counted;
    /** The key to the marks, under the legend. */
    key: string;
  };
  /** /help. */
  help: {
    intro(articles: string, passages: string, languages: string, indexed: string): string;
    problems(n: number): string;
    /** One line per command, in Discord's markdown. */
    commands: readonly string[];
    footer: string;
  };
}

/** The words that join the parts of a bottom line: "5 estimates from 3 sources in 2 articles; latest dated ≈400 …". */
export interface SummaryWords {
  count(n: number): string;
  estimates: Counted;
  articles: Counted;
  fromSources: Counted;
  andUnattributed(n: string): string;
  noneAttributed: string;
  /** "(the NIS told in 3 of them)". */
  toldIn(name: string, n: string): string;
  in: string;
  latestDated: string;
  noneFullyDated: string;
  pairsDisagree: Counted;
  pairsFarApart: Counted;
  noTwoDisagree: string;
  separately: string;
  andMore(n: string): string;
  notSpecified: string;
}

const plural = (one: string, many: string, tag: string) => (n: number) =>
  `${n.toLocaleString(tag)} ${n === 1 ? one : many}`;

const EN_SUMMARY: SummaryWords = {
  count: (n) => n.toLocaleString('en'),
  estimates: plural('estimate', 'estimates', 'en'),
  articles: plural('article', 'articles', 'en'),
  fromSources: (n) => `from ${plural('source', 'sources', 'en')(n)}`,
  andUnattributed: (n) => ` and ${n} unattributed`,
  noneAttributed: 'none attributed',
  toldIn: (name, n) => ` (${name} told in ${n} of them)`,
  in: 'in',
  latestDated: 'latest dated',
  noneFullyDated: 'none with a full date',
  pairsDisagree: (n) => (n === 1 ? '1 pair disagrees' : `${n.toLocaleString('en')} pairs disagree`),
  pairsFarApart: (n) => `${plural('pair', 'pairs', 'en')(n)} far apart`,
  noTwoDisagree: 'no two disagree',
  separately: 'separately',
  andMore: (n) => ` and ${n} more`,
  notSpecified: 'not specified',
};

export const en: Labels = {
  tag: 'en',
  count: (n) => n.toLocaleString('en'),
  articles: plural('article', 'articles', 'en'),
  passages: plural('passage', 'passages', 'en'),
  figures: plural('figure', 'figures', 'en'),

  yourQuestion: 'Your question',
  tryAskingAbout: 'Try asking about:',
  passagesRange: (from, to, total) => `Passages ${from}–${to} of ${total}`,
  also: 'also',
  untitled: 'untitled',
  why: 'Why?',
  showFigures: 'Show figures',
  allFigures: (category, n) => `All ${category} figures (${n})`,
  openSource: 'Open a source…',
  askAboutArticle: 'Ask about this article',

  passagesFor: (question) => `Passages for “${question}”`,
  articleSilent: (question) => `Nothing in this article answers “${question}”.`,
  questionField: 'Question',
  questionPlaceholder: 'For example: how many killed',

  figuresSideBySide: 'Figures side by side',
  figuresByTopic: 'Figures by topic',
  figuresCounted: (listed, inCorpus) =>
    inCorpus > listed
      ? `${listed.toLocaleString('en')} of ${plural('figure', 'figures', 'en')(inCorpus)}`
      : plural('figure', 'figures', 'en')(listed),
  noFiguresAbout: (topic) => `No figures about ${topic} in the corpus.`,
  noFiguresYet: 'No figures in the corpus yet.',
  topicsList: 'Topics',
  showing: (shown, total) => `Showing ${shown} of ${total}`,
  figuresRange: (from, to, total) => `Figures ${from}–${to} of ${total}`,
  mostReportedFirst: 'the most reported and latest first.',
  comparedAmong: (count) => `Verdicts compare the ${count} most reported of them, then the latest.`,
  more: 'More',
  aboutYourQuestion: (total, command) => `Those about your question; all ${total} with ${command}`,
  undated: 'undated',
  unattributed: 'unattributed',
  notSpecified: 'not specified',
  sources: plural('source', 'sources', 'en'),
  andMore: (n) => `+${n.toLocaleString('en')} more`,
  compact: { farApart: 'far apart', grew: 'grew', noYear: 'no year', otherScope: 'other scope' },
  verdict: {
    disagree: 'Disagree',
    farApart: 'Far apart',
    grew: 'Grew',
    differentScope: 'Different scope',
    consistent: 'Consistent',
    undated: 'Undated',
  },
  moreVerdicts: (n) => `+${plural('more verdict', 'more verdicts', 'en')(n)}`,
  whyTitle: (report) => `Why — ${report}`,
  whoSaysSo: 'Who says so',
  noVerdicts: 'No verdicts.',
  previousFigures: 'Previous figures',
  moreFigures: 'More figures',
  leftOutForSpace: 'Left out for space',
  seeEachWith: 'See each with',
  orTheButtonsBelow: 'or the buttons below',
  openTopic: 'Open a topic…',
  moreTopics: (n) => `…and ${plural('more topic', 'more topics', 'en')(n)}`,
  openTopicHint: 'Open a topic below for its figures, verdicts and chart, or `/figures topic:…`',
  topicRange: (low, high) => `${low} to ${high}`,
  csvFile: 'CSV file',
  csvNote: (figures) =>
    `${figures} as CSV (RFC 4180, UTF-8), for a spreadsheet. Letters as in the figures and the chart.`,
  chartDescription: (report) => `Chart of the ${report} figures by date and value`,

  postToChannel: 'Post to channel',
  previous: 'Previous',
  next: 'Next',
  page: (current, pages) => `Page ${current} of ${pages}.`,
  filesNotServed: (n) => `${n.toLocaleString('en')} ${n === 1 ? 'file' : 'files'} not served`,
  andNMore: (n) => `…and ${n.toLocaleString('en')} more`,
  publisher: 'Publisher',
  published: 'Published',
  language: 'Language',
  passagesHeading: 'Passages',
  id: 'Id',
  unknown: 'unknown',
  dateUnknown: 'date unknown',
  publisherUnknown: 'publisher unknown',
  languageUnknown: 'language unknown',

  cooldown: (seconds) => `You can ask again in ${seconds} s.`,
  refusal: 'Crosscheck answers only in the servers it was set up for.',
  failed: 'Something went wrong while answering. It has been logged; please try again.',
  unknownCommand: (name) => `Unknown command /${name}.`,
  buttonRetired: 'That button no longer does anything; ask again with /ask.',
  menuRetired: 'That menu no longer does anything; ask again with /figures.',
  tooOldToPage: 'This answer is too old to page; ask again with /ask.',
  tooOldToExplain: 'This answer is too old to explain; ask again with /ask.',
  tooOldToOpen: 'This answer is too old to open its sources; ask again with /ask.',
  tooOldForFigures: 'This answer is too old to show its figures; ask again with /ask, or use /figures.',
  noFiguresAnyMore: 'This question has no figures side by side any more; try /figures.',
  figuresFor: (question) => `Figures for “${question}”`,
  noSuchTopic: (topic, topics) => `There is no topic "${topic}". Topics: ${topics}.`,
  noTopicAnyMore: (topic) => `There is no topic "${topic}" any more; try /figures.`,
  noFiguresNow: (topic) => `No ${topic} figures in the corpus now.`,
  noVerdictsAnyMore: 'This answer has no verdicts any more; ask again with /ask.',
  articleGone: 'That article is no longer in the corpus; see /sources.',

  summary: EN_SUMMARY,
  chart: {
    figures: (shown, total) =>
      shown < total
        ? `${shown} of ${total.toLocaleString('en')} figures, the most reported`
        : plural('figure', 'figures', 'en')(total),
    yearUnknown: 'year unknown',
    undated: 'undated',
    unattributed: 'unattributed',
    moreSources: (n) => `+${plural('more source', 'more sources', 'en')(n)}`,
    key: 'Log scale · bar: a range · arrow: “at least” or “up to” · dashes: disagree',
  },
  help: {
    intro: (articles, passages, languages, indexed) =>
      `I answer from **${articles}** (${passages}) in ${languages || 'no language yet'}, last indexed ${indexed}.`,
    problems: (n) => `${n} file(s) in the corpus could not be read: see /sources.`,
    commands: [
      '**/ask** `question` — the passages that answer, each cited to its article. Try `/ask how many killed`.',
      '**/sources** — every article with its publisher, date and language.',
      '**/source** `id` — one article: metadata, link and first passage.',
      '**/figures** `topic` — the figures side by side: who counts what, as of when, and where the sources disagree (❌ disagree, 📈 grew, ↔️ different scope, ✅ consistent, ❔ undated), with a chart and a CSV file. Try `/figures topic:killed`, or `/figures` alone for every topic in one line each.',
      '**/reload** — for members with Manage Server: rebuild the index from the corpus folder now and see what changed.',
      '**/add** `url` or `file` — for members with Manage Messages: add an article (a link, or a .md, .txt, .html or .pdf file) and see what it changes; right-click a message → Apps → **Add to Crosscheck** adds its links and files. **/remove** `id` takes one out again.',
      '**/watch** `channel` — for members with Manage Server: announce new and changed articles, their figures and what they change, in a channel.',
    ],
    footer: 'Every quote is the article’s own words; check it by its citation.',
  },
};

/** Norwegian (Bokmål). */
export const nb: Labels = {
  tag: 'nb',
  count: (n) => n.toLocaleString('nb'),
  articles: plural('artikkel', 'artikler', 'nb'),
  passages: plural('utdrag', 'utdrag', 'nb'),
  figures: plural('tall', 'tall', 'nb'),

  yourQuestion: 'Spørsmålet ditt',
  tryAskingAbout: 'Prøv å spørre om:',
  passagesRange: (from, to, total) => `Utdrag ${from}–${to} av ${total}`,
  also: 'også',
  untitled: 'uten tittel',
  why: 'Hvorfor?',
  showFigures: 'Vis tallene',
  allFigures: (category, n) => `Alle tall: ${category} (${n})`,
  openSource: 'Åpne en kilde …',
  askAboutArticle: 'Spør om denne artikkelen',

  passagesFor: (question) => `Utdrag om «${question}»`,
  articleSilent: (question) => `Ingenting i denne artikkelen svarer på «${question}».`,
  questionField: 'Spørsmål',
  questionPlaceholder: 'For eksempel: hvor mange ble drept',

  figuresSideBySide: 'Tallene side om side',
  figuresByTopic: 'Tall etter tema',
  figuresCounted: (listed, inCorpus) =>
    inCorpus > listed
      ? `${listed.toLocaleString('nb')} av ${inCorpus.toLocaleString('nb')} tall`
      : `${listed.toLocaleString('nb')} tall`,
  noFiguresAbout: (topic) => `Ingen tall om ${topic} i artiklene.`,
  noFiguresYet: 'Ingen tall i artiklene ennå.',
  topicsList: 'Temaer',
  showing: (shown, total) => `Viser ${shown} av ${total}`,
  figuresRange: (from, to, total) => `Tall ${from}–${to} av ${total}`,
  mostReportedFirst: 'de mest omtalte og nyeste først.',
  comparedAmong: (count) => `Vurderingene sammenligner de ${count} mest omtalte av dem, deretter de nyeste.`,
  more: 'Flere',
  aboutYourQuestion: (total, command) => `De som gjelder spørsmålet ditt; alle ${total} med ${command}`,
  undated: 'udatert',
  unattributed: 'uten kilde',
  notSpecified: 'ikke oppgitt',
  sources: plural('kilde', 'kilder', 'nb'),
  andMore: (n) => `+${n.toLocaleString('nb')} til`,
  compact: { farApart: 'langt fra hverandre', grew: 'økte', noYear: 'uten år', otherScope: 'annet omfang' },
  verdict: {
    disagree: 'Uenige',
    farApart: 'Langt fra hverandre',
    grew: 'Økte',
    differentScope: 'Annet omfang',
    consistent: 'Stemmer overens',
    undated: 'Udatert',
  },
  moreVerdicts: (n) => `+${n.toLocaleString('nb')} ${n === 1 ? 'vurdering' : 'vurderinger'} til`,
  whyTitle: (report) => `Hvorfor — ${report}`,
  whoSaysSo: 'Hvem sier det',
  noVerdicts: 'Ingen vurderinger.',
  previousFigures: 'Forrige tall',
  moreFigures: 'Flere tall',
  leftOutForSpace: 'Utelatt av plasshensyn',
  seeEachWith: 'Se hvert med',
  orTheButtonsBelow: 'eller knappene under',
  openTopic: 'Åpne et tema …',
  moreTopics: (n) => `… og ${n.toLocaleString('nb')} ${n === 1 ? 'tema' : 'temaer'} til`,
  openTopicHint: 'Åpne et tema under for tallene, vurderingene og diagrammet, eller bruk `/figures topic:…`',
  topicRange: (low, high) => `${low} til ${high}`,
  csvFile: 'CSV-fil',
  csvNote: (figures) =>
    `${figures} som CSV (RFC 4180, UTF-8), for regneark. Bokstavene er de samme som i tallene og diagrammet.`,
  chartDescription: (report) => `Diagram over tallene for ${report} etter dato og verdi`,

  postToChannel: 'Del i kanalen',
  previous: 'Forrige',
  next: 'Neste',
  page: (current, pages) => `Side ${current} av ${pages}.`,
  filesNotServed: (n) => `${n.toLocaleString('nb')} ${n === 1 ? 'fil' : 'filer'} kunne ikke leses`,
  andNMore: (n) => `… og ${n.toLocaleString('nb')} til`,
  publisher: 'Utgiver',
  published: 'Publisert',
  language: 'Språk',
  passagesHeading: 'Utdrag',
  id: 'Id',
  unknown: 'ukjent',
  dateUnknown: 'ukjent dato',
  publisherUnknown: 'ukjent utgiver',
  languageUnknown: 'ukjent språk',

  cooldown: (seconds) => `Du kan spørre igjen om ${seconds} s.`,
  refusal: 'Crosscheck svarer bare på serverne den er satt opp for.',
  failed: 'Noe gikk galt med svaret. Feilen er logget; prøv igjen.',
  unknownCommand: (name) => `Ukjent kommando /${name}.`,
  buttonRetired: 'Den knappen gjør ikke noe lenger; spør på nytt med /ask.',
  menuRetired: 'Den menyen gjør ikke noe lenger; prøv /figures på nytt.',
  tooOldToPage: 'Dette svaret er for gammelt til å bla i; spør på nytt med /ask.',
  tooOldToExplain: 'Dette svaret er for gammelt til å forklares; spør på nytt med /ask.',
  tooOldToOpen: 'Dette svaret er for gammelt til å åpne kildene; spør på nytt med /ask.',
  tooOldForFigures: 'Dette svaret er for gammelt til å vise tallene; spør på nytt med /ask, eller bruk /figures.',
  noFiguresAnyMore: 'Dette spørsmålet har ingen tall å sammenligne lenger; prøv /figures.',
  figuresFor: (question) => `Tall for «${question}»`,
  noSuchTopic: (topic, topics) => `Det finnes ikke noe tema «${topic}». Temaer: ${topics}.`,
  noTopicAnyMore: (topic) => `Temaet «${topic}» finnes ikke lenger; prøv /figures.`,
  noFiguresNow: (topic) => `Ingen tall for ${topic} i artiklene nå.`,
  noVerdictsAnyMore: 'Dette svaret har ingen vurderinger lenger; spør på nytt med /ask.',
  articleGone: 'Den artikkelen finnes ikke lenger blant artiklene; se /sources.',

  summary: {
    count: (n) => n.toLocaleString('nb'),
    estimates: plural('anslag', 'anslag', 'nb'),
    articles: plural('artikkel', 'artikler', 'nb'),
    fromSources: (n) => `fra ${plural('kilde', 'kilder', 'nb')(n)}`,
    andUnattributed: (n) => ` og ${n} uten kilde`,
    noneAttributed: 'ingen med oppgitt kilde',
    toldIn: (name, n) => ` (${name} gjengitt i ${n} av dem)`,
    in: 'i',
    latestDated: 'nyeste med dato',
    noneFullyDated: 'ingen med full dato',
    pairsDisagree: (n) => `${n.toLocaleString('nb')} par er uenige`,
    pairsFarApart: (n) => `${n.toLocaleString('nb')} par langt fra hverandre`,
    noTwoDisagree: 'ingen er uenige',
    separately: 'separat',
    andMore: (n) => ` og ${n} til`,
    notSpecified: 'ikke oppgitt',
  },
  chart: {
    figures: (shown, total) =>
      shown < total
        ? `${shown} av ${total.toLocaleString('nb')} tall, de mest omtalte`
        : `${total.toLocaleString('nb')} tall`,
    yearUnknown: 'ukjent år',
    undated: 'udatert',
    unattributed: 'uten kilde',
    moreSources: (n) => `+${n.toLocaleString('nb')} ${n === 1 ? 'kilde' : 'kilder'} til`,
    key: 'Logaritmisk skala · strek: et intervall · pil: «minst» eller «opptil» · stiplet: uenige',
  },
  help: {
    intro: (articles, passages, languages, indexed) =>
      `Jeg svarer ut fra **${articles}** (${passages}) på ${languages || 'ingen språk ennå'}, sist indeksert ${indexed}.`,
    problems: (n) => `${n} ${n === 1 ? 'fil' : 'filer'} blant artiklene kunne ikke leses: se /sources.`,
    commands: [
      '**/ask** `question` — utdragene som svarer, hvert med henvisning til artikkelen sin. Prøv `/ask how many killed`.',
      '**/sources** — alle artiklene med utgiver, dato og språk.',
      '**/source** `id` — én artikkel: opplysninger, lenke og første utdrag.',
      '**/figures** `topic` — tallene side om side: hvem som teller hva, per når, og hvor kildene er uenige (❌ uenige, 📈 økte, ↔️ annet omfang, ✅ stemmer overens, ❔ udatert), med diagram og CSV-fil. Prøv `/figures topic:killed`, eller bare `/figures` for alle temaene med én linje hver.',
      '**/reload** — for medlemmer med Administrer server: bygg indeksen på nytt fra artikkelmappen nå og se hva som er endret.',
      '**/add** `url` eller `file` — for medlemmer med Administrer meldinger: legg til en artikkel (en lenke, eller en .md-, .txt-, .html- eller .pdf-fil) og se hva den endrer; høyreklikk en melding → Apper → **Add to Crosscheck** legger til lenkene og filene i den. **/remove** `id` tar en ut igjen.',
      '**/watch** `channel` — for medlemmer med Administrer server: kunngjør nye og endrede artikler, tallene deres og hva de endrer, i en kanal.',
    ],
    footer: 'Hvert sitat er artikkelens egne ord; sjekk det ved henvisningen.',
  },
};

/** Every table, by the primary tag of a locale; Discord sends Bokmål as "no" (older clients "nb"). */
const TABLES: ReadonlyMap<string, Labels> = new Map([
  ['en', en],
  ['nb', nb],
  ['no', nb],
]);

/** The languages the bot's labels come in, for the README and /help. */
export const LABEL_LANGUAGES: readonly string[] = ['en', 'nb'];

/** The table for a locale ("nb", "no", "en-GB", "fr"): its language's, else English. */
export function labelsFor(locale: string | null | undefined): Labels {
  const primary = (locale ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  return TABLES.get(primary) ?? en;
}
