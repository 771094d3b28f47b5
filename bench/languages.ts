/**
 * The benchmark's other languages: German, French, Russian, Ukrainian, Korean and Czech articles,
 * stated the way each language's news states figures ("Mindestens 1.500 nordkoreanische Soldaten
 * wurden getötet", "북한군 약 300명이 사망했다"), with the language's number notation, dates and
 * attribution. English and Norwegian live in generate.ts, where the benchmark began.
 *
 * Each language gives: the head of its vocabulary (real function words), syllables for a made-up
 * long tail, sentence templates, titles, and a planted fact (a unique name with a figure, three
 * decoys naming the same person, a question in the language and one in English).
 */
import { createRequire } from 'node:module';
import { stopwords as french } from '@orama/stopwords/french';
import { stopwords as german } from '@orama/stopwords/german';
import { stopwords as russian } from '@orama/stopwords/russian';
import { stopwords as ukrainian } from '@orama/stopwords/ukrainian';
import type { Rng } from './generate.js';

const iso = createRequire(import.meta.url)('stopwords-iso') as Record<string, string[]>;

export type OtherLanguage = 'de' | 'fr' | 'ru' | 'uk' | 'ko' | 'cs';
export type EventName = 'killed' | 'injured' | 'deployed' | 'captured';

/** One planted fact in a language: the passage that answers, decoys naming the same person, and the questions. */
export interface PlantedText {
  answer: string;
  decoys: string[];
  /** Asked in the article's language. */
  question: string;
  /** Asked in English, naming the person as the article also writes them in Latin letters. */
  questionEn: string;
}

export interface BenchLanguage {
  /** Real common words: the head of the Zipf vocabulary. */
  common: readonly string[];
  /** Syllables of the made-up long tail. */
  syllables: readonly string[];
  /** Words of the story dropped into filler now and then. */
  domain: readonly string[];
  publishers: readonly string[];
  sentence(rng: Rng, filler: (count: number) => string): string;
  title(rng: Rng, filler: (count: number) => string): string;
  /** `name` is a unique made-up surname in Latin letters; `event` what the figure counts. */
  plant(rng: Rng, name: string, event: EventName): PlantedText;
  /** Questions for the latency run. */
  questions(rng: Rng): string;
}

/** The share of each language in a generated corpus, roughly as a team following this story collects it. */
export const LANGUAGE_MIX: ReadonlyArray<readonly ['en' | 'nb' | OtherLanguage, number]> = [
  ['en', 0.55],
  ['ko', 0.1],
  ['uk', 0.08],
  ['ru', 0.08],
  ['de', 0.05],
  ['fr', 0.05],
  ['nb', 0.05],
  ['cs', 0.04],
];

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const words = (list: readonly string[]) => list.filter((word) => /^\p{L}{2,}$/u.test(word));
const opt = (word: string) => (word ? `${word} ` : '');

/** A figure as digits grouped the language's way, or its words for "dozens", "hundreds", "thousands". */
function figure(rng: Rng, group: string, vague: readonly string[]): string {
  if (rng.chance(0.1)) return rng.pick(vague);
  const magnitude = rng.pick([10, 100, 100, 1000, 1000, 10000]);
  const value = Math.max(5, rng.int(1, 9) * magnitude + (rng.chance(0.4) ? rng.int(0, magnitude / 10) * 10 : 0));
  return value < 1000 ? String(value) : String(value).replace(/\B(?=(\d{3})+(?!\d))/g, group);
}

// ---------------------------------------------------------------------------------------------
// German

const DE_MONTHS = 'Januar Februar März April Mai Juni Juli August September Oktober November Dezember'.split(' ');
const DE_DAYS = 'Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag'.split(' ');
const DE_PLACES = ['Kursk', 'Donezk', 'Pokrowsk', 'Sudscha', 'Belgorod', 'Charkiw', 'Saporischschja', 'Bachmut'];
const DE_EVENTS: Record<EventName, { said: string[]; ask: string; en: string }> = {
  killed: { said: ['getötet', 'tödlich verwundet'], ask: 'getötet', en: 'killed' },
  injured: { said: ['verwundet', 'verletzt'], ask: 'verwundet', en: 'injured' },
  deployed: { said: ['entsandt', 'verlegt', 'stationiert'], ask: 'entsandt', en: 'deployed' },
  captured: { said: ['gefangen genommen'], ask: 'gefangen genommen', en: 'captured' },
};
const DE_DATE = (rng: Rng) =>
  rng.pick([
    `am ${rng.int(1, 28)}. ${rng.pick(DE_MONTHS)}`,
    `am ${rng.pick(DE_DAYS)}`,
    `im ${rng.pick(DE_MONTHS)}`,
    'vergangene Woche',
  ]);
const DE_QUALIFIERS = ['mindestens', 'etwa', 'rund', 'mehr als', 'fast', 'bis zu', 'über', '', ''];
const DE_SUBJECTS = ['nordkoreanische Soldaten', 'Soldaten aus Nordkorea', 'russische Soldaten', 'Zivilisten'];
const DE_NUMBER = (rng: Rng) => figure(rng, '.', ['Dutzende', 'Hunderte', 'Tausende', 'zehn', 'zwölf']);
const DE_EVENT = (rng: Rng) => DE_EVENTS[rng.pick(['killed', 'injured', 'deployed', 'captured'] as const)];

const german_: BenchLanguage = {
  common: [...words(german), 'Krieg', 'Front', 'Regierung', 'Armee', 'Angaben', 'Bericht', 'Lage', 'Region'],
  syllables: ['ka', 'ber', 'ten', 'mü', 'schl', 'ver', 'hau', 'lin', 'gen', 'sto', 'rei', 'wa', 'ung', 'ach', 'zei'],
  domain: ['Soldaten', 'Truppen', 'Drohnen', 'Granaten', 'Verluste', 'Kämpfe', 'Front'],
  publishers: ['Deutsche Welle', 'Der Spiegel', 'FAZ', 'Süddeutsche Zeitung', 'tagesschau.de', 'dpa'],
  sentence(rng, filler) {
    const event = DE_EVENT(rng);
    switch (rng.int(0, 8)) {
      case 0:
        return `${capitalize(opt(rng.pick(DE_QUALIFIERS)))}${DE_NUMBER(rng)} ${rng.pick(DE_SUBJECTS)} wurden ${DE_DATE(rng)} bei ${rng.pick(DE_PLACES)} ${rng.pick(event.said)}, teilte das ukrainische Verteidigungsministerium mit.`;
      case 1:
        return `Laut dem südkoreanischen Geheimdienst wurden ${opt(rng.pick(DE_QUALIFIERS))}${DE_NUMBER(rng)} Soldaten in ${rng.pick(DE_PLACES)} ${rng.pick(event.said)}.`;
      case 2:
        return `Nordkorea hat ${opt(rng.pick(DE_QUALIFIERS))}${DE_NUMBER(rng)} weitere Soldaten nach ${rng.pick(DE_PLACES)} geschickt, sagte ein Sprecher ${DE_DATE(rng)}.`;
      case 3:
        return `Pjöngjang lieferte ${opt(rng.pick(DE_QUALIFIERS))}${DE_NUMBER(rng)} ${rng.pick(['Granaten', 'Raketen', 'Haubitzen'])} an Russland, berichtete die Agentur Yonhap.`;
      default:
        return `${capitalize(filler(rng.int(10, 22)))}.`;
    }
  },
  title: (rng, filler) =>
    rng.pick([
      `${capitalize(DE_NUMBER(rng))} nordkoreanische Soldaten bei ${rng.pick(DE_PLACES)} ${DE_EVENT(rng).said[0]}`,
      `Nordkorea schickt weitere Soldaten nach ${rng.pick(DE_PLACES)}`,
      capitalize(filler(rng.int(4, 7))),
    ]),
  plant(rng, name, eventName) {
    const event = DE_EVENTS[eventName];
    const place = rng.pick(DE_PLACES);
    return {
      answer: `Nach Angaben des Analysten ${name} wurden ${DE_DATE(rng)} bei ${place} ${opt(rng.pick(DE_QUALIFIERS))}${rng.int(12, 4000)} Soldaten ${rng.pick(event.said)}.`,
      decoys: [
        `${name} sagte, ${rng.int(12, 900)} Granaten seien auf ${rng.pick(DE_PLACES)} abgefeuert worden.`,
        `Laut ${name} bleibt die Lage in ${rng.pick(DE_PLACES)} unübersichtlich.`,
        `Der Analyst ${name} sprach ${DE_DATE(rng)} in ${rng.pick(DE_PLACES)} mit Journalisten.`,
      ],
      question: `wie viele Soldaten wurden laut ${name} ${event.ask}`,
      questionEn: `how many ${event.en} according to ${name}`,
    };
  },
  questions: (rng) =>
    rng.pick([
      `wie viele Soldaten wurden ${DE_EVENT(rng).ask}`,
      `nordkoreanische Soldaten ${DE_EVENT(rng).ask} ${rng.pick(DE_PLACES)}`,
      'Verluste Nordkoreas',
    ]),
};

// ---------------------------------------------------------------------------------------------
// French

const FR_MONTHS = 'janvier février mars avril mai juin juillet août septembre octobre novembre décembre'.split(' ');
const FR_DAYS = 'lundi mardi mercredi jeudi vendredi samedi dimanche'.split(' ');
const FR_PLACES = ['Koursk', 'Donetsk', 'Pokrovsk', 'Soudja', 'Belgorod', 'Kharkiv', 'Zaporijia', 'Bakhmout'];
const FR_EVENTS: Record<EventName, { said: string[]; ask: string; en: string }> = {
  killed: { said: ['ont été tués', 'sont morts', 'ont péri'], ask: 'tués', en: 'killed' },
  injured: { said: ['ont été blessés'], ask: 'blessés', en: 'wounded' },
  deployed: { said: ['ont été déployés', 'ont été envoyés'], ask: 'déployés', en: 'deployed' },
  captured: { said: ['ont été faits prisonniers', 'ont été capturés'], ask: 'capturés', en: 'captured' },
};
const FR_DATE = (rng: Rng) =>
  rng.pick([
    `le ${rng.int(1, 28)} ${rng.pick(FR_MONTHS)}`,
    rng.pick(FR_DAYS),
    `en ${rng.pick(FR_MONTHS)}`,
    'la semaine dernière',
  ]);
const FR_QUALIFIERS = ['au moins', 'environ', 'près de', 'plus de', "jusqu'à", 'quelque', '', ''];
const FR_SUBJECTS = ['soldats nord-coréens', 'militaires nord-coréens', 'soldats russes', 'civils'];
const FR_NUMBER = (rng: Rng) =>
  figure(rng, '\u00a0', ['des dizaines de', 'des centaines de', 'des milliers de', 'dix', 'douze']);
const FR_EVENT = (rng: Rng) => FR_EVENTS[rng.pick(['killed', 'injured', 'deployed', 'captured'] as const)];

const french_: BenchLanguage = {
  common: [...words(french), 'guerre', 'front', 'gouvernement', 'armée', 'rapport', 'situation', 'région'],
  syllables: ['ra', 'mon', 'tel', 'lé', 'sou', 'vin', 'cha', 'ber', 'gue', 'tion', 'eau', 'pré', 'lan', 'doc', 'ville'],
  domain: ['soldats', 'troupes', 'drones', 'obus', 'pertes', 'combats', 'front'],
  publishers: ['Le Monde', 'Le Figaro', 'France 24', 'Libération', 'Ouest-France', 'AFP'],
  sentence(rng, filler) {
    const event = FR_EVENT(rng);
    switch (rng.int(0, 8)) {
      case 0:
        return `${capitalize(opt(rng.pick(FR_QUALIFIERS)))}${FR_NUMBER(rng)} ${rng.pick(FR_SUBJECTS)} ${rng.pick(event.said)} près de ${rng.pick(FR_PLACES)} ${FR_DATE(rng)}, a indiqué le ministère ukrainien de la Défense.`;
      case 1:
        return `Selon le renseignement sud-coréen, ${opt(rng.pick(FR_QUALIFIERS))}${FR_NUMBER(rng)} soldats ${rng.pick(event.said)} à ${rng.pick(FR_PLACES)}.`;
      case 2:
        return `La Corée du Nord a envoyé ${opt(rng.pick(FR_QUALIFIERS))}${FR_NUMBER(rng)} soldats supplémentaires à ${rng.pick(FR_PLACES)}, a affirmé un porte-parole ${FR_DATE(rng)}.`;
      case 3:
        return `Pyongyang a livré ${opt(rng.pick(FR_QUALIFIERS))}${FR_NUMBER(rng)} ${rng.pick(['obus', 'missiles', 'obusiers'])} à la Russie, selon l'agence Yonhap.`;
      default:
        return `${capitalize(filler(rng.int(10, 22)))}.`;
    }
  },
  title: (rng, filler) =>
    rng.pick([
      `${capitalize(FR_NUMBER(rng))} soldats nord-coréens ${FR_EVENT(rng).said[0]} près de ${rng.pick(FR_PLACES)}`,
      `La Corée du Nord envoie de nouveaux soldats à ${rng.pick(FR_PLACES)}`,
      capitalize(filler(rng.int(4, 7))),
    ]),
  plant(rng, name, eventName) {
    const event = FR_EVENTS[eventName];
    const place = rng.pick(FR_PLACES);
    return {
      answer: `Selon l'analyste ${name}, ${opt(rng.pick(FR_QUALIFIERS))}${rng.int(12, 4000)} soldats ${rng.pick(event.said)} près de ${place} ${FR_DATE(rng)}.`,
      decoys: [
        `${name} a déclaré que ${rng.int(12, 900)} obus avaient été tirés sur ${rng.pick(FR_PLACES)}.`,
        `Selon ${name}, la situation à ${rng.pick(FR_PLACES)} reste confuse.`,
        `L'analyste ${name} s'est exprimé devant la presse à ${rng.pick(FR_PLACES)} ${FR_DATE(rng)}.`,
      ],
      question: `combien de soldats ${event.ask} selon ${name}`,
      questionEn: `how many ${event.en} according to ${name}`,
    };
  },
  questions: (rng) =>
    rng.pick([
      `combien de soldats ${FR_EVENT(rng).ask}`,
      `soldats nord-coréens ${FR_EVENT(rng).ask} ${rng.pick(FR_PLACES)}`,
      'pertes nord-coréennes',
    ]),
};

// ---------------------------------------------------------------------------------------------
// Russian and Ukrainian

/** Latin letters to Cyrillic, for made-up surnames ("Zarvekov" → "Зарвеков"). */
function cyrillic(name: string, ukrainian: boolean): string {
  const pairs: [RegExp, string][] = [
    [/kh/g, 'х'],
    [/sh/g, 'ш'],
    [/ch/g, 'ч'],
    [/zh/g, 'ж'],
    [/ts/g, 'ц'],
    [/yu/g, 'ю'],
    [/ya/g, 'я'],
    [/ye/g, ukrainian ? 'є' : 'е'],
  ];
  const single: Record<string, string> = {
    a: 'а',
    b: 'б',
    c: 'к',
    d: 'д',
    e: 'е',
    f: 'ф',
    g: 'г',
    h: ukrainian ? 'г' : 'х',
    i: ukrainian ? 'і' : 'и',
    j: 'й',
    k: 'к',
    l: 'л',
    m: 'м',
    n: 'н',
    o: 'о',
    p: 'п',
    q: 'к',
    r: 'р',
    s: 'с',
    t: 'т',
    u: 'у',
    v: 'в',
    w: 'в',
    x: 'кс',
    y: ukrainian ? 'и' : 'ы',
    z: 'з',
  };
  let text = name.toLowerCase();
  for (const [pattern, letter] of pairs) text = text.replace(pattern, letter);
  text = [...text].map((c) => single[c] ?? c).join('');
  return capitalize(text);
}

interface SlavicWords {
  months: string[];
  days: string[];
  places: [string, string][];
  events: Record<EventName, { said: string[]; ask: string; en: string }>;
  qualifiers: string[];
  subjects: string[];
  vague: string[];
  items: string[];
  lastWeek: string;
  /** "in the area of", before a place in the genitive. */
  near: string;
  inMonth: (month: number) => string;
  on: (day: string) => string;
  source: string[];
  accordingTo: string;
  analyst: string;
  said: string;
  decoys: (name: string, rng: Rng, place: string, date: string) => string[];
  how: string;
  sent: (qualifier: string, n: string, place: string) => string;
  supplied: (qualifier: string, n: string, item: string) => string;
  title: (n: string, event: string, place: string) => string;
  generic: string[];
}

function slavic(w: SlavicWords, ukrainian: boolean, base: readonly string[]): BenchLanguage {
  const date = (rng: Rng) =>
    rng.pick([
      `${rng.int(1, 28)} ${rng.pick(w.months)}`,
      w.on(rng.pick(w.days)),
      w.inMonth(rng.int(0, 11)),
      w.lastWeek,
    ]);
  const number = (rng: Rng) => figure(rng, '\u00a0', w.vague);
  const event = (rng: Rng) => w.events[rng.pick(['killed', 'injured', 'deployed', 'captured'] as const)];
  const place = (rng: Rng) => rng.pick(w.places)[1];
  return {
    common: [...words(base), ...w.generic],
    syllables: ukrainian
      ? ['ка', 'ро', 'тен', 'мі', 'сор', 'вел', 'да', 'лун', 'бре', 'тис', 'мор', 'ши', 'пел', 'ній', 'ство']
      : ['ка', 'ро', 'тен', 'ми', 'сор', 'вел', 'да', 'лун', 'бре', 'тис', 'мор', 'щи', 'пел', 'ный', 'ство'],
    domain: w.generic.slice(0, 7),
    publishers: ukrainian
      ? ['Укрінформ', 'Українська правда', 'Суспільне', 'УНІАН']
      : ['Медуза', 'Новая газета', 'Интерфакс', 'Русская служба Би-би-си'],
    sentence(rng, filler) {
      const e = event(rng);
      switch (rng.int(0, 8)) {
        case 0:
          return `${capitalize(rng.pick(e.said))} ${opt(rng.pick(w.qualifiers))}${number(rng)} ${rng.pick(w.subjects)} ${w.near} ${place(rng)} ${date(rng)}, ${rng.pick(w.source)}.`;
        case 1:
          return `${w.accordingTo}, ${date(rng)} ${rng.pick(e.said)} ${opt(rng.pick(w.qualifiers))}${number(rng)} ${rng.pick(w.subjects)}.`;
        case 2:
          return w.sent(opt(rng.pick(w.qualifiers)), number(rng), place(rng));
        case 3:
          return w.supplied(opt(rng.pick(w.qualifiers)), number(rng), rng.pick(w.items));
        default:
          return `${capitalize(filler(rng.int(10, 22)))}.`;
      }
    },
    title: (rng, filler) =>
      rng.pick([w.title(number(rng), event(rng).said[0]!, place(rng)), capitalize(filler(rng.int(4, 7)))]),
    plant(rng, name, eventName) {
      const e = w.events[eventName];
      const native = cyrillic(name, ukrainian);
      const where = place(rng);
      return {
        answer: `${capitalize(rng.pick(e.said))} ${opt(rng.pick(w.qualifiers))}${rng.int(12, 4000)} ${rng.pick(w.subjects)} ${w.near} ${where} ${date(rng)}, ${w.said} ${w.analyst} ${native} (${name}).`,
        decoys: w.decoys(native, rng, place(rng), date(rng)),
        question: `${w.how} ${e.ask} ${ukrainian ? 'за словами' : 'по словам'} ${native}`,
        questionEn: `how many ${e.en} according to ${name}`,
      };
    },
    questions: (rng) => rng.pick([`${w.how} ${event(rng).ask}`, `${event(rng).ask} ${place(rng)}`]),
  };
}

const russian_ = slavic(
  {
    months: 'января февраля марта апреля мая июня июля августа сентября октября ноября декабря'.split(' '),
    days: ['понедельник', 'вторник', 'среду', 'четверг', 'пятницу', 'субботу', 'воскресенье'],
    places: [
      ['Курск', 'Курска'],
      ['Донецк', 'Донецка'],
      ['Покровск', 'Покровска'],
      ['Суджа', 'Суджи'],
      ['Белгород', 'Белгорода'],
      ['Харьков', 'Харькова'],
      ['Запорожье', 'Запорожья'],
      ['Бахмут', 'Бахмута'],
    ],
    events: {
      killed: { said: ['погибли', 'были убиты'], ask: 'погибших', en: 'killed' },
      injured: { said: ['были ранены', 'получили ранения'], ask: 'раненых', en: 'injured' },
      deployed: { said: ['были направлены', 'были переброшены'], ask: 'направлено военных', en: 'deployed' },
      captured: { said: ['попали в плен', 'были взяты в плен'], ask: 'пленных', en: 'captured' },
    },
    qualifiers: ['около', 'не менее', 'более', 'почти', 'до', 'свыше', 'примерно', '', ''],
    subjects: ['северокорейских военных', 'военнослужащих КНДР', 'российских военных', 'мирных жителей'],
    vague: ['десятки', 'сотни', 'тысячи'],
    items: ['снарядов', 'ракет', 'гаубиц'],
    lastWeek: 'на прошлой неделе',
    near: 'в районе',
    inMonth: (month) =>
      `в ${'январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре'.split(' ')[month]}`,
    on: (day) => `${day === 'вторник' ? 'во' : 'в'} ${day}`,
    source: ['сообщили в Минобороны Украины', 'заявил представитель Генштаба', 'сообщает агентство Ёнхап'],
    accordingTo: 'По данным южнокорейской разведки',
    analyst: 'аналитик',
    said: 'заявил',
    decoys: (name, rng, place, date) => [
      `${name} сообщил, что по району ${place} было выпущено ${rng.int(12, 900)} снарядов.`,
      `По словам ${name}, обстановка в районе ${place} остаётся напряжённой.`,
      `Аналитик ${name} встретился с журналистами ${date}.`,
    ],
    how: 'сколько',
    sent: (q, n, place) => `КНДР направила в район ${place} ${q}${n} военных, сообщили в Минобороны Украины.`,
    supplied: (q, n, item) => `Пхеньян передал России ${q}${n} ${item}, сообщает агентство Ёнхап.`,
    title: (n, event, place) => `В районе ${place} ${event} ${n} северокорейских военных`,
    generic: ['военных', 'войска', 'дроны', 'снаряды', 'потери', 'бои', 'фронт', 'война', 'правительство', 'армия'],
  },
  false,
  russian,
);

const ukrainian_ = slavic(
  {
    months: 'січня лютого березня квітня травня червня липня серпня вересня жовтня листопада грудня'.split(' '),
    days: ['понеділок', 'вівторок', 'середу', 'четвер', 'пʼятницю', 'суботу', 'неділю'],
    places: [
      ['Курськ', 'Курська'],
      ['Донецьк', 'Донецька'],
      ['Покровськ', 'Покровська'],
      ['Суджа', 'Суджі'],
      ['Бєлгород', 'Бєлгорода'],
      ['Харків', 'Харкова'],
      ['Запоріжжя', 'Запоріжжя'],
      ['Бахмут', 'Бахмута'],
    ],
    events: {
      killed: { said: ['загинули', 'були вбиті'], ask: 'загиблих', en: 'killed' },
      injured: { said: ['були поранені', 'отримали поранення'], ask: 'поранених', en: 'injured' },
      deployed: { said: ['були направлені', 'були перекинуті'], ask: 'направлено військових', en: 'deployed' },
      captured: { said: ['потрапили в полон'], ask: 'полонених', en: 'captured' },
    },
    qualifiers: ['близько', 'щонайменше', 'понад', 'майже', 'до', 'приблизно', '', ''],
    subjects: ['північнокорейських військових', 'військових КНДР', 'російських військових', 'цивільних'],
    vague: ['десятки', 'сотні', 'тисячі'],
    items: ['снарядів', 'ракет', 'гаубиць'],
    lastWeek: 'минулого тижня',
    near: 'в районі',
    inMonth: (month) =>
      `у ${'січні лютому березні квітні травні червні липні серпні вересні жовтні листопаді грудні'.split(' ')[month]}`,
    on: (day) => `у ${day}`,
    source: ['повідомили в Міноборони України', 'заявив речник Генштабу', 'повідомляє агентство Йонхап'],
    accordingTo: 'За даними південнокорейської розвідки',
    analyst: 'аналітик',
    said: 'заявив',
    decoys: (name, rng, place, date) => [
      `${name} повідомив, що по району ${place} було випущено ${rng.int(12, 900)} снарядів.`,
      `За словами ${name}, ситуація в районі ${place} залишається напруженою.`,
      `Аналітик ${name} зустрівся з журналістами ${date}.`,
    ],
    how: 'скільки',
    sent: (q, n, place) => `КНДР направила в район ${place} ${q}${n} військових, повідомили в Міноборони України.`,
    supplied: (q, n, item) => `Пхеньян передав Росії ${q}${n} ${item}, повідомляє агентство Йонхап.`,
    title: (n, event, place) => `У районі ${place} ${event} ${n} північнокорейських військових`,
    generic: ['військових', 'війська', 'дрони', 'снаряди', 'втрати', 'бої', 'фронт', 'війна', 'уряд', 'армія'],
  },
  true,
  ukrainian,
);

// ---------------------------------------------------------------------------------------------
// Korean

const hasFinalConsonant = (syllable: string) => (syllable.charCodeAt(0) - 0xac00) % 28 !== 0;
/** The subject particle after a word: 이 after a final consonant, 가 after a vowel. */
const subjectParticle = (word: string) => (hasFinalConsonant(word.slice(-1)) ? '이' : '가');
const KO_SYLLABLES = [...'가나다라마바사아자차카타파하고노도로모보소오조초코토포호구누두루무부수우주추'];
const KO_PLACES = ['쿠르스크', '도네츠크', '포크로우스크', '수자', '벨고로드', '하르키우', '자포리자', '바흐무트'];
const KO_EVENTS: Record<EventName, { said: string[]; ask: string; en: string }> = {
  killed: { said: ['사망했다', '전사했다', '숨졌다'], ask: '사망자', en: 'killed' },
  injured: { said: ['부상했다', '다쳤다'], ask: '부상자', en: 'injured' },
  deployed: { said: ['파병됐다', '배치됐다'], ask: '파병 병력', en: 'deployed' },
  captured: { said: ['포로로 잡혔다', '생포됐다'], ask: '포로', en: 'captured' },
};
const KO_SOURCES = ['국가정보원', '국정원', '합동참모본부', '우크라이나 국방부', '미 국방부'];
const KO_DATE = (rng: Rng) =>
  rng.pick([`${rng.int(1, 12)}월 ${rng.int(1, 28)}일`, '지난주', `지난 ${rng.int(1, 28)}일`, `${rng.int(1, 12)}월`]);
/** A figure as Korean news writes it: "1,500", "3천", "1만 2천", "2천500". */
function koreanNumber(rng: Rng): string {
  const digits = figure(rng, ',', ['수십', '수백', '수천']);
  const value = Number(digits.replace(/,/g, ''));
  if (!Number.isFinite(value) || value < 1000 || rng.chance(0.5)) return digits;
  const man = Math.floor(value / 10000);
  const cheon = Math.floor((value % 10000) / 1000);
  const rest = value % 1000;
  return [man ? `${man}만` : '', cheon ? `${cheon}천${rest ? rest : ''}` : rest ? String(rest) : '']
    .filter(Boolean)
    .join(' ');
}
const KO_COUNT = (rng: Rng) => {
  const n = koreanNumber(rng);
  if (n.startsWith('수')) return `${n} 명`;
  return rng.pick([`약 ${n}명`, `최소 ${n}명`, `${n}여 명`, `${n}명 이상`, `${n}명`]);
};
const KO_EVENT = (rng: Rng) => KO_EVENTS[rng.pick(['killed', 'injured', 'deployed', 'captured'] as const)];

const korean_: BenchLanguage = {
  common: [...words(iso.ko ?? []), '북한', '러시아', '우크라이나', '정부', '군', '전쟁', '전선', '보고서'],
  syllables: KO_SYLLABLES,
  domain: ['북한군', '병력', '드론', '포탄', '사상자', '전투', '전선'],
  publishers: ['연합뉴스', 'KBS', '조선일보', '한겨레', 'YTN', '중앙일보'],
  sentence(rng, filler) {
    const event = KO_EVENT(rng);
    const source = rng.pick(KO_SOURCES);
    switch (rng.int(0, 8)) {
      case 0:
        return `${source}에 따르면 ${KO_DATE(rng)} ${rng.pick(KO_PLACES)}에서 북한군 ${KO_COUNT(rng)}${subjectParticle('명')} ${rng.pick(event.said)}.`;
      case 1:
        return `북한군 ${event.ask}는 ${KO_COUNT(rng)}으로 집계됐다고 ${source}${subjectParticle(source)} 밝혔다.`;
      case 2:
        return `북한이 ${rng.pick(KO_PLACES)}에 병력 ${KO_COUNT(rng)}을 추가로 보냈다고 ${source}${subjectParticle(source)} 전했다.`;
      case 3:
        return `북한은 러시아에 포탄 ${koreanNumber(rng)}발을 넘긴 것으로 알려졌다.`;
      default:
        return `${filler(rng.int(8, 18))}.`;
    }
  },
  title: (rng, filler) =>
    rng.pick([
      `북한군 ${KO_COUNT(rng)} ${rng.pick(KO_PLACES)}서 ${KO_EVENT(rng).said[0]!.replace(/했다$|됐다$|다$/, '')}`,
      `북한, ${rng.pick(KO_PLACES)}에 병력 추가 파병`,
      filler(rng.int(3, 6)),
    ]),
  plant(rng, name, eventName) {
    const event = KO_EVENTS[eventName];
    const native = Array.from({ length: 3 }, () => rng.pick(KO_SYLLABLES)).join('');
    return {
      answer: `${native}(${name}) 분석관은 ${KO_DATE(rng)} ${rng.pick(KO_PLACES)}에서 북한군 ${rng.pick(['약 ', '최소 ', ''])}${rng.int(12, 4000)}명이 ${rng.pick(event.said)}고 밝혔다.`,
      decoys: [
        `${native} 분석관은 ${rng.pick(KO_PLACES)}에 포탄 ${rng.int(12, 900)}발이 발사됐다고 말했다.`,
        `${native} 분석관에 따르면 ${rng.pick(KO_PLACES)}의 상황은 여전히 불투명하다.`,
        `${native} 분석관은 ${KO_DATE(rng)} ${rng.pick(KO_PLACES)}에서 기자들과 만났다.`,
      ],
      question: `${native} 분석관 북한군 ${event.ask} 몇 명`,
      questionEn: `how many ${event.en} according to ${name}`,
    };
  },
  questions: (rng) =>
    rng.pick([`북한군 ${KO_EVENT(rng).ask} 수`, `${rng.pick(KO_PLACES)} 북한군 ${KO_EVENT(rng).ask}`]),
};

// ---------------------------------------------------------------------------------------------
// Czech

const CS_MONTHS = 'ledna února března dubna května června července srpna září října listopadu prosince'.split(' ');
const CS_DAYS = ['v pondělí', 'v úterý', 've středu', 've čtvrtek', 'v pátek', 'v sobotu', 'v neděli'];
const CS_PLACES = ['Kurska', 'Doněcka', 'Pokrovska', 'Sudži', 'Bělgorodu', 'Charkova', 'Záporoží', 'Bachmutu'];
const CS_EVENTS: Record<EventName, { said: string[]; ask: string; en: string }> = {
  killed: { said: ['zahynulo', 'padlo', 'bylo zabito'], ask: 'padlo', en: 'killed' },
  injured: { said: ['bylo zraněno'], ask: 'bylo zraněno', en: 'wounded' },
  deployed: { said: ['bylo vysláno', 'bylo nasazeno'], ask: 'bylo vysláno', en: 'deployed' },
  captured: { said: ['bylo zajato'], ask: 'bylo zajato', en: 'captured' },
};
const CS_DATE = (rng: Rng) =>
  rng.pick([`${rng.int(1, 28)}. ${rng.pick(CS_MONTHS)}`, rng.pick(CS_DAYS), 'minulý týden']);
const CS_QUALIFIERS = ['nejméně', 'přibližně', 'zhruba', 'více než', 'téměř', 'až', '', ''];
const CS_SUBJECTS = ['severokorejských vojáků', 'vojáků KLDR', 'ruských vojáků', 'civilistů'];
const CS_NUMBER = (rng: Rng) => figure(rng, '\u00a0', ['desítky', 'stovky', 'tisíce']);
const CS_EVENT = (rng: Rng) => CS_EVENTS[rng.pick(['killed', 'injured', 'deployed', 'captured'] as const)];

const czech_: BenchLanguage = {
  common: [...words(iso.cs ?? []), 'válka', 'fronta', 'vláda', 'armáda', 'zpráva', 'situace', 'oblast'],
  syllables: ['ka', 'ro', 'ten', 'mí', 'sor', 'vel', 'da', 'lun', 'bře', 'tis', 'mor', 'ště', 'pel', 'ný', 'ost'],
  domain: ['vojáci', 'vojska', 'drony', 'granáty', 'ztráty', 'boje', 'fronta'],
  publishers: ['ČTK', 'iROZHLAS', 'Deník N', 'Novinky.cz', 'Aktuálně.cz', 'ČT24'],
  sentence(rng, filler) {
    const event = CS_EVENT(rng);
    switch (rng.int(0, 8)) {
      case 0:
        return `U ${rng.pick(CS_PLACES)} ${CS_DATE(rng)} ${rng.pick(event.said)} ${opt(rng.pick(CS_QUALIFIERS))}${CS_NUMBER(rng)} ${rng.pick(CS_SUBJECTS)}, uvedlo ukrajinské ministerstvo obrany.`;
      case 1:
        return `Podle jihokorejské zpravodajské služby ${rng.pick(event.said)} ${opt(rng.pick(CS_QUALIFIERS))}${CS_NUMBER(rng)} vojáků.`;
      case 2:
        return `KLDR vyslala do Ruska ${opt(rng.pick(CS_QUALIFIERS))}${CS_NUMBER(rng)} dalších vojáků, uvedla agentura Jonhap.`;
      case 3:
        return `Pchjongjang dodal Rusku ${opt(rng.pick(CS_QUALIFIERS))}${CS_NUMBER(rng)} ${rng.pick(['granátů', 'raket', 'houfnic'])}, sdělil mluvčí.`;
      default:
        return `${capitalize(filler(rng.int(10, 22)))}.`;
    }
  },
  title: (rng, filler) =>
    rng.pick([
      `U ${rng.pick(CS_PLACES)} ${CS_EVENT(rng).said[0]} ${CS_NUMBER(rng)} severokorejských vojáků`,
      capitalize(filler(rng.int(4, 7))),
    ]),
  plant(rng, name, eventName) {
    const event = CS_EVENTS[eventName];
    return {
      answer: `Podle analytika ${name} ${CS_DATE(rng)} u ${rng.pick(CS_PLACES)} ${rng.pick(event.said)} ${opt(rng.pick(CS_QUALIFIERS))}${rng.int(12, 4000)} vojáků.`,
      decoys: [
        `${name} uvedl, že na okolí ${rng.pick(CS_PLACES)} bylo vypáleno ${rng.int(12, 900)} granátů.`,
        `Podle ${name} zůstává situace u ${rng.pick(CS_PLACES)} nepřehledná.`,
        `Analytik ${name} hovořil s novináři ${CS_DATE(rng)}.`,
      ],
      question: `kolik vojáků ${event.ask} podle ${name}`,
      questionEn: `how many ${event.en} according to ${name}`,
    };
  },
  questions: (rng) => rng.pick([`kolik vojáků ${CS_EVENT(rng).ask}`, `ztráty KLDR u ${rng.pick(CS_PLACES)}`]),
};

export const OTHER_LANGUAGES: Record<OtherLanguage, BenchLanguage> = {
  de: german_,
  fr: french_,
  ru: russian_,
  uk: ukrainian_,
  ko: korean_,
  cs: czech_,
};
