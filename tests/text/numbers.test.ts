import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { languageFor } from '../../src/languages/index.js';
import { findNumbers, type NumberMention } from '../../src/text/numbers/index.js';

/** Norwegian codes ('nb', 'no', 'nn', 'nob', 'nb-NO'…) are read by the Norwegian module. */
const isNorwegian = (code: string): boolean => languageFor(code.trim())?.name === 'Norwegian';

type Expected = Partial<Omit<NumberMention, 'start' | 'end'>> & { wording: string };

interface Case {
  given: string;
  lang: string;
  then: Expected[];
  /** Wordings that must NOT come out as counts (or at all, with `absent`). */
  notCounts?: string[];
  absent?: string[];
}

/** Offsets are exact, mentions sorted and disjoint, intervals sane. */
function checkInvariants(text: string, mentions: NumberMention[]): void {
  let prevEnd = 0;
  for (const m of mentions) {
    expect(m.start).toBeGreaterThanOrEqual(prevEnd);
    expect(m.end).toBeGreaterThan(m.start);
    expect(m.end).toBeLessThanOrEqual(text.length);
    expect(text.slice(m.start, m.end)).toBe(m.wording);
    expect(Number.isFinite(m.value)).toBe(true);
    if (m.low !== null && m.high !== null) expect(m.low).toBeLessThanOrEqual(m.high);
    prevEnd = m.end;
  }
}

function run(c: Case): void {
  const mentions = findNumbers(c.given, c.lang);
  checkInvariants(c.given, mentions);
  for (const exp of c.then) {
    const found = mentions.find((m) => m.wording === exp.wording);
    expect(
      found,
      `no mention worded "${exp.wording}" in ${JSON.stringify(mentions.map((m) => m.wording))}`,
    ).toBeDefined();
    expect(found).toMatchObject(exp);
  }
  for (const w of c.notCounts ?? []) {
    const bad = mentions.filter((m) => m.kind === 'count' && m.wording.includes(w));
    expect(bad, `"${w}" must not be a count`).toEqual([]);
  }
  for (const w of c.absent ?? []) {
    expect(
      mentions.filter((m) => m.wording === w),
      `"${w}" must not be a mention`,
    ).toEqual([]);
  }
}

function table(title: string, cases: Case[]): void {
  describe(title, () => {
    for (const c of cases) {
      const then = c.then
        .map((e) => `${e.wording}${e.kind ? ` ${e.kind}` : ''}${e.qualifier ? ` (${e.qualifier})` : ''}`)
        .join('; ');
      it(`GIVEN "${c.given}" THEN ${then || 'nothing counted'}`, () => run(c));
    }
  });
}

const countsOf = (text: string, lang: string): NumberMention[] =>
  findNumbers(text, lang).filter((m) => m.kind === 'count');

// ---------------------------------------------------------------------------

table('seed corpus sentences (English)', [
  {
    given:
      "The attack killed 20 people, including six North Korean officers, according to the Ukrainian media 'Kiwu Post'.",
    lang: 'en',
    then: [
      { wording: '20', value: 20, low: 20, high: 20, qualifier: 'exact', kind: 'count' },
      { wording: 'six', value: 6, qualifier: 'exact', kind: 'count' },
    ],
  },
  {
    given: 'It added that more than three North Korean soldiers were injured.',
    lang: 'en',
    then: [{ wording: 'more than three', value: 3, low: 3, high: null, qualifier: 'more than', kind: 'count' }],
  },
  {
    given:
      'North Korea had already sent more than 500 technical and medical support units to Russian-occupied areas in Ukraine.',
    lang: 'en',
    then: [{ wording: 'more than 500', value: 500, low: 500, high: null, qualifier: 'more than', kind: 'count' }],
  },
  {
    given:
      'North Korea has delivered large amounts of weapons and ammunition to Russia, including ballistic missiles, launchers, and millions of shells.',
    lang: 'en',
    then: [
      { wording: 'millions', qualifier: 'vague', kind: 'count', value: 2_000_000, low: 2_000_000, high: 9_999_999 },
    ],
  },
  {
    given:
      'Lee Seong-kweun informed Reuters that at least 100 North Korean soldiers have died and around 1,000 more were injured during intense combat.',
    lang: 'en',
    then: [
      { wording: 'at least 100', value: 100, low: 100, high: null, qualifier: 'at least', kind: 'count' },
      { wording: 'around 1,000', value: 1000, low: 1000, high: 1000, qualifier: 'about', kind: 'count' },
    ],
  },
  {
    given: 'South Korea reports that over 100 North Korean soldiers were killed and about 1,000 injured.',
    lang: 'en',
    then: [
      { wording: 'over 100', value: 100, qualifier: 'more than', kind: 'count' },
      { wording: 'about 1,000', value: 1000, qualifier: 'about', kind: 'count' },
    ],
  },
  {
    given:
      'According to information from US and South Korean officials, over 10,000 North Korean soldiers have been dispatched.',
    lang: 'en',
    then: [{ wording: 'over 10,000', value: 10_000, low: 10_000, high: null, qualifier: 'more than', kind: 'count' }],
  },
  {
    given: 'North Korea has supposedly sent over 10,000 shipping containers filled with various artillery supplies.',
    lang: 'en',
    then: [{ wording: 'over 10,000', value: 10_000, qualifier: 'more than', kind: 'count' }],
  },
  {
    given: 'North Korean military losses in the Kursk region could have exceeded 200 troops.',
    lang: 'en',
    then: [{ wording: 'exceeded 200', value: 200, low: 200, high: null, qualifier: 'more than', kind: 'count' }],
  },
  {
    given: 'a US military official provided a different estimate, suggesting several hundred losses.',
    lang: 'en',
    then: [{ wording: 'several hundred', value: 300, low: 200, high: 900, qualifier: 'vague', kind: 'count' }],
  },
  {
    given: 'Reports suggest that “several thousand” North Korean infantry soldiers are training in Russia.',
    lang: 'en',
    then: [{ wording: 'several thousand', value: 3000, low: 2000, high: 9000, qualifier: 'vague', kind: 'count' }],
  },
  {
    given: 'North Korea has shipped thousands of containers of weaponry to Russia.',
    lang: 'en',
    then: [{ wording: 'thousands', value: 2000, low: 2000, high: 9999, qualifier: 'vague', kind: 'count' }],
  },
  {
    given: 'Pyongyang has provided nearly half of the larger-caliber shells used by Russian forces this year.',
    lang: 'en',
    then: [{ wording: 'nearly half', kind: 'other', value: 0.5, low: null, high: 0.5, qualifier: 'nearly' }],
    notCounts: ['half'],
  },
  {
    given:
      'with at least 100 soldiers confirmed dead and around 1,000 injured, according to South Korean intelligence.',
    lang: 'en',
    then: [
      { wording: 'at least 100', qualifier: 'at least', kind: 'count' },
      { wording: 'around 1,000', qualifier: 'about', kind: 'count' },
    ],
  },
]);

table('seed corpus sentences (Norwegian)', [
  {
    given:
      'Nord -Korea har sendt minst 3000 flere soldater for å kjempe i Ukraina og erstatte hundrevis som allerede ble drept, rapporterte Sør -Koreas militær torsdag.',
    lang: 'nb',
    then: [
      { wording: 'minst 3000', value: 3000, low: 3000, high: null, qualifier: 'at least', kind: 'count' },
      { wording: 'hundrevis', value: 200, low: 200, high: 999, qualifier: 'vague', kind: 'count' },
    ],
  },
  {
    given:
      'Forsterkningene ble sendt til Russland i januar og februar for å styrke Nord -Koreas estimerte 11.000 soldater som allerede var i Russland.',
    lang: 'nb',
    then: [
      { wording: 'estimerte 11.000', value: 11_000, low: 11_000, high: 11_000, qualifier: 'about', kind: 'count' },
    ],
  },
  {
    given: 'Troppene er ment å erstatte de rundt 4000 Pyongyang -soldatene som er drept eller skadet i kamp.',
    lang: 'nb',
    then: [{ wording: 'rundt 4000', value: 4000, qualifier: 'about', kind: 'count' }],
  },
  {
    given:
      'Rundt 400 nordkoreanske soldater ble antatt å ha blitt drept per 26. februar, med ytterligere 3600 skadet, ifølge sørkoreansk etterretning.',
    lang: 'nb',
    then: [
      { wording: 'Rundt 400', value: 400, qualifier: 'about', kind: 'count' },
      { wording: '26. februar', kind: 'date' },
      { wording: '3600', value: 3600, qualifier: 'exact', kind: 'count' },
    ],
    notCounts: ['26'],
  },
  {
    given:
      '“Til dags dato anslås det at Nord -Korea har levert en betydelig mengde av [ballistic missiles]170 mm selvgående våpen, og omtrent 220 240 mm flere rakettoppskyttere, ”sa de felles stabssjefene.',
    lang: 'nb',
    then: [
      { wording: '170 mm', value: 170, kind: 'measure', unit: 'mm' },
      { wording: 'omtrent 220', value: 220, low: 220, high: 220, qualifier: 'about', kind: 'count' },
      { wording: '240 mm', value: 240, kind: 'measure', unit: 'mm' },
    ],
    notCounts: ['220240', '220 240', '170'],
  },
  {
    given:
      'mangel på beredskap til å kjempe en krig fra det 21. århundre, var Russland fremdeles i stand til å ta tilbake nesten hele Kursk tidligere denne måneden.',
    lang: 'nb',
    then: [{ wording: '21.', value: 21, kind: 'ordinal' }],
    notCounts: ['21'],
  },
  {
    given:
      'Putin og Kim hadde bekreftet nasjonenes militære allianse i fjor, med Pyongyang som sendte tusenvis av tropper for å hjelpe Kreml.',
    lang: 'nb',
    then: [{ wording: 'tusenvis', value: 2000, low: 2000, high: 9999, qualifier: 'vague', kind: 'count' }],
  },
  {
    given: 'med de to nasjonene som fortsatte å bygge videre på sitt partnerskap.',
    lang: 'nb',
    then: [{ wording: 'to', value: 2, kind: 'count' }],
  },
]);

table('non-counts from the seed corpus', [
  {
    given: '2024.10.05. PM 8:58',
    lang: 'en',
    then: [
      { wording: '2024.10.05.', kind: 'date' },
      { wording: 'PM 8:58', kind: 'time', value: 8 },
    ],
    notCounts: ['2024', '10', '05', '8', '58'],
  },
  {
    given: '[Phone] 02-398-8585',
    lang: 'en',
    then: [{ wording: '02-398-8585', kind: 'phone' }],
    notCounts: ['02', '398', '8585'],
  },
  {
    given:
      "The historical alliance has deepened significantly since Russia's invasion of Ukraine in 2022, raising alarms.",
    lang: 'en',
    then: [{ wording: '2022', kind: 'year', value: 2022 }],
  },
  {
    given:
      '[U.S. Secretary of State Tony Blinken (U.N. Security Council meeting on Sept. 24): North Korea has delivered weapons]',
    lang: 'en',
    then: [{ wording: 'Sept. 24', kind: 'date', value: 24 }],
    notCounts: ['24'],
  },
  {
    given: 'On the 3rd local time, Ukrainian forces attacked the area near Donetsk.',
    lang: 'en',
    then: [{ wording: 'the 3rd', kind: 'date', value: 3 }],
    notCounts: ['3'],
  },
  {
    given: "North Korea's KN-23 ballistic missiles, modeled after Russia's Iskander-M, have played a pivotal role.",
    lang: 'en',
    then: [{ wording: 'KN-23', kind: 'other', value: 23 }],
    notCounts: ['23'],
  },
  {
    given: '1. Why is North Korea supporting Russia in Ukraine?\n2. How many North Korean soldiers are in Ukraine?',
    lang: 'en',
    then: [
      { wording: '1.', kind: 'other' },
      { wording: '2.', kind: 'other' },
    ],
    notCounts: ['1', '2'],
  },
]);

table('digits and separators', [
  { given: 'killed 1,000 people', lang: 'en', then: [{ wording: '1,000', value: 1000, kind: 'count' }] },
  { given: 'more than 10,000 troops', lang: 'en', then: [{ wording: 'more than 10,000', value: 10_000 }] },
  { given: 'about 3,600 wounded', lang: 'en', then: [{ wording: 'about 3,600', value: 3600 }] },
  {
    given: 'some 1,234,567 voters',
    lang: 'en',
    then: [{ wording: 'some 1,234,567', value: 1_234_567, qualifier: 'about' }],
  },
  {
    given: 'a 3.5 magnitude quake hit; 0.5 percent',
    lang: 'en',
    then: [
      { wording: '3.5', value: 3.5 },
      { wording: '0.5 percent', value: 0.5, kind: 'percent' },
    ],
  },
  {
    given: 'estimated 11.000 soldiers',
    lang: 'en',
    then: [{ wording: 'estimated 11.000', value: 11_000, qualifier: 'about' }],
  },
  { given: '1.5 million refugees', lang: 'en', then: [{ wording: '1.5 million', value: 1_500_000, kind: 'count' }] },
  { given: 'some 2 billion rounds', lang: 'en', then: [{ wording: 'some 2 billion', value: 2e9, qualifier: 'about' }] },
  {
    given: 'a 12k-strong force, 5K marchers',
    lang: 'en',
    then: [
      { wording: '12k', value: 12_000, kind: 'count' },
      { wording: '5K', value: 5000 },
    ],
  },
  { given: 'hele 170.000 soldater', lang: 'nb', then: [{ wording: '170.000', value: 170_000, kind: 'count' }] },
  {
    given: 'minst 10 000 soldater',
    lang: 'nb',
    then: [{ wording: 'minst 10 000', value: 10_000, qualifier: 'at least' }],
  },
  { given: 'minst 10\u00A0000 soldater', lang: 'nb', then: [{ wording: 'minst 10\u00A0000', value: 10_000 }] },
  {
    given: 'over 1 200 000 flyktninger',
    lang: 'nb',
    then: [{ wording: 'over 1 200 000', value: 1_200_000, qualifier: 'more than' }],
  },
  {
    given: 'rundt 3,5 millioner mennesker',
    lang: 'nb',
    then: [{ wording: 'rundt 3,5 millioner', value: 3_500_000, qualifier: 'about' }],
  },
  { given: '2 millioner skudd', lang: 'nb', then: [{ wording: '2 millioner', value: 2_000_000, kind: 'count' }] },
  { given: 'rundt 1,250 millioner', lang: 'nb', then: [{ wording: 'rundt 1,250 millioner', value: 1_250_000 }] },
  {
    given: 'over 1,5 mrd. kroner',
    lang: 'nb',
    then: [{ wording: 'over 1,5 mrd. kroner', value: 1.5e9, kind: 'money', unit: 'NOK' }],
  },
  { given: 'sendte 3,600 soldater', lang: 'nb', then: [{ wording: '3,600', value: 3600 }] },
  { given: 'en økning på 3,5 ganger', lang: 'nb', then: [{ wording: '3,5', value: 3.5 }] },
  { given: 'med 3000 soldater', lang: 'nb', then: [{ wording: '3000', value: 3000, kind: 'count' }] },
  {
    given: 'in 2024 500 soldiers died',
    lang: 'en',
    then: [
      { wording: '2024', kind: 'year' },
      { wording: '500', value: 500, kind: 'count' },
    ],
  },
]);

table('English number words', [
  {
    given: 'Six North Korean officers are said to have been killed.',
    lang: 'en',
    then: [{ wording: 'Six', value: 6, kind: 'count' }],
  },
  {
    given: 'twenty-five soldiers and ninety-nine tanks',
    lang: 'en',
    then: [
      { wording: 'twenty-five', value: 25 },
      { wording: 'ninety-nine', value: 99 },
    ],
  },
  {
    given: 'two hundred troops, three thousand shells',
    lang: 'en',
    then: [
      { wording: 'two hundred', value: 200 },
      { wording: 'three thousand', value: 3000 },
    ],
  },
  { given: 'one hundred and fifty prisoners', lang: 'en', then: [{ wording: 'one hundred and fifty', value: 150 }] },
  {
    given: 'a hundred men and a thousand rounds, a million shells',
    lang: 'en',
    then: [
      { wording: 'a hundred', value: 100 },
      { wording: 'a thousand', value: 1000 },
      { wording: 'a million', value: 1e6 },
    ],
  },
  { given: 'two million rounds', lang: 'en', then: [{ wording: 'two million', value: 2e6 }] },
  { given: 'fifteen drones', lang: 'en', then: [{ wording: 'fifteen', value: 15 }] },
  { given: 'a dozen drones', lang: 'en', then: [{ wording: 'a dozen', value: 12, qualifier: 'about', kind: 'count' }] },
  { given: 'two dozen drones', lang: 'en', then: [{ wording: 'two dozen', value: 24, qualifier: 'about' }] },
  {
    given: 'dozens of drones',
    lang: 'en',
    then: [{ wording: 'dozens', value: 24, low: 24, high: 99, qualifier: 'vague' }],
  },
  {
    given: 'hundreds of civilians',
    lang: 'en',
    then: [{ wording: 'hundreds', value: 200, low: 200, high: 999, qualifier: 'vague' }],
  },
  {
    given: 'tens of thousands of troops',
    lang: 'en',
    then: [{ wording: 'tens of thousands', low: 20_000, high: 99_999, qualifier: 'vague' }],
  },
  {
    given: 'hundreds of thousands of refugees',
    lang: 'en',
    then: [{ wording: 'hundreds of thousands', low: 200_000, high: 999_999 }],
  },
  { given: 'a few soldiers', lang: 'en', then: [{ wording: 'a few', value: 3, low: 2, high: 5, qualifier: 'vague' }] },
  {
    given: 'a few hundred soldiers',
    lang: 'en',
    then: [{ wording: 'a few hundred', value: 300, low: 200, high: 500, qualifier: 'vague' }],
  },
  {
    given: 'a handful of advisers',
    lang: 'en',
    then: [{ wording: 'a handful', value: 4, low: 2, high: 6, qualifier: 'vague' }],
  },
  {
    given: 'a couple of tanks',
    lang: 'en',
    then: [{ wording: 'a couple', value: 2, low: 2, high: 3, qualifier: 'vague' }],
  },
  { given: 'scores of bodies', lang: 'en', then: [{ wording: 'scores', low: 40, high: 99, qualifier: 'vague' }] },
  { given: 'half a million shells', lang: 'en', then: [{ wording: 'half a million', value: 500_000, kind: 'count' }] },
  { given: 'a third of the troops', lang: 'en', then: [{ wording: 'a third', kind: 'other' }] },
  {
    given: 'two-thirds of the shells and three quarters of the drones',
    lang: 'en',
    then: [
      { wording: 'two-thirds', kind: 'other' },
      { wording: 'three quarters', kind: 'other', value: 0.75 },
    ],
  },
  { given: 'half the battalion', lang: 'en', then: [{ wording: 'half', kind: 'other', value: 0.5 }] },
  {
    given: 'the first time; a second strike; the twenty-first century',
    lang: 'en',
    then: [
      { wording: 'first', kind: 'ordinal' },
      { wording: 'second', kind: 'ordinal' },
      { wording: 'twenty-first', kind: 'ordinal', value: 21 },
    ],
  },
  { given: 'several missile launches', lang: 'en', then: [], absent: ['several'] },
]);

table('English "one" is conservative', [
  { given: 'One soldier was killed.', lang: 'en', then: [{ wording: 'One', value: 1, kind: 'count' }] },
  { given: 'only one North Korean officer survived', lang: 'en', then: [{ wording: 'one', value: 1, kind: 'count' }] },
  { given: 'at least one of the soldiers', lang: 'en', then: [], absent: ['one', 'at least one'] },
  { given: 'shells were found one after another on the battlefield', lang: 'en', then: [], absent: ['one'] },
  { given: 'No one was hurt; one day it will end; the one that got away', lang: 'en', then: [], absent: ['one'] },
  { given: 'one or two soldiers', lang: 'en', then: [{ wording: 'one or two', low: 1, high: 2, value: 1.5 }] },
]);

table('Norwegian number words', [
  { given: 'tre soldater ble drept', lang: 'nb', then: [{ wording: 'tre', value: 3, kind: 'count' }] },
  { given: 'to nordkoreanske soldater', lang: 'nb', then: [{ wording: 'to', value: 2, kind: 'count' }] },
  { given: 'minst to ble drept', lang: 'nb', then: [{ wording: 'minst to', value: 2, qualifier: 'at least' }] },
  {
    given: 'fem stridsvogner og tolv droner, sju eller åtte fly',
    lang: 'nb',
    then: [
      { wording: 'fem', value: 5 },
      { wording: 'tolv', value: 12 },
      { wording: 'sju eller åtte', low: 7, high: 8 },
    ],
  },
  {
    given: 'tjue soldater og tjuefem droner',
    lang: 'nb',
    then: [
      { wording: 'tjue', value: 20 },
      { wording: 'tjuefem', value: 25 },
    ],
  },
  {
    given: 'to hundre soldater, tre tusen granater, tretusen mann',
    lang: 'nb',
    then: [
      { wording: 'to hundre', value: 200 },
      { wording: 'tre tusen', value: 3000 },
      { wording: 'tretusen', value: 3000 },
    ],
  },
  { given: 'hundre og femti fanger', lang: 'nb', then: [{ wording: 'hundre og femti', value: 150 }] },
  { given: 'tusen soldater', lang: 'nb', then: [{ wording: 'tusen', value: 1000 }] },
  {
    given: 'en million granater og ett hundre fly',
    lang: 'nb',
    then: [
      { wording: 'en million', value: 1e6 },
      { wording: 'ett hundre', value: 100 },
    ],
  },
  { given: 'to millioner granater', lang: 'nb', then: [{ wording: 'to millioner', value: 2e6 }] },
  { given: 'en halv million flyktninger', lang: 'nb', then: [{ wording: 'en halv million', value: 500_000 }] },
  {
    given: 'et dusin droner og dusinvis av raketter',
    lang: 'nb',
    then: [
      { wording: 'et dusin', value: 12, qualifier: 'about' },
      { wording: 'dusinvis', low: 24, high: 99, qualifier: 'vague' },
    ],
  },
  {
    given: 'flere hundre soldater og noen tusen sivile',
    lang: 'nb',
    then: [
      { wording: 'flere hundre', low: 200, high: 900, value: 300 },
      { wording: 'noen tusen', low: 2000, high: 5000 },
    ],
  },
  { given: 'titusenvis av soldater', lang: 'nb', then: [{ wording: 'titusenvis', low: 20_000, high: 99_999 }] },
  { given: 'millioner av granater', lang: 'nb', then: [{ wording: 'millioner', qualifier: 'vague', low: 2e6 }] },
  { given: 'halvparten av granatene', lang: 'nb', then: [{ wording: 'halvparten', kind: 'other', value: 0.5 }] },
  {
    given: 'nesten en tredjedel av styrken',
    lang: 'nb',
    then: [{ wording: 'nesten en tredjedel', kind: 'other', qualifier: 'nearly' }],
  },
  {
    given: 'for første gang; den tredje brigaden',
    lang: 'nb',
    then: [
      { wording: 'første', kind: 'ordinal' },
      { wording: 'tredje', kind: 'ordinal', value: 3 },
    ],
  },
  // Function words that are also numbers stay out unless the pattern is explicit.
  { given: 'en mann kom inn i et hus med et tre', lang: 'nb', then: [], absent: ['en', 'et', 'tre'] },
  { given: 'de to ble enige, og han sa at ni av dem', lang: 'nb', then: [], absent: ['to', 'ni'] },
  { given: 'Det er en av de største operasjonene', lang: 'nb', then: [], absent: ['en'] },
  { given: 'det var flere soldater der', lang: 'nb', then: [], absent: ['flere'] },
]);

table('qualifiers', [
  {
    given: 'upwards of 300 troops',
    lang: 'en',
    then: [{ wording: 'upwards of 300', qualifier: 'more than', low: 300, high: null }],
  },
  { given: 'in excess of 300 troops', lang: 'en', then: [{ wording: 'in excess of 300', qualifier: 'more than' }] },
  { given: 'losses exceeding 1,000', lang: 'en', then: [{ wording: 'exceeding 1,000', qualifier: 'more than' }] },
  {
    given: 'roughly 40 tanks, approximately 50 drones',
    lang: 'en',
    then: [
      { wording: 'roughly 40', qualifier: 'about' },
      { wording: 'approximately 50', qualifier: 'about' },
    ],
  },
  {
    given: 'some 500 soldiers and an estimated 11,000 troops',
    lang: 'en',
    then: [
      { wording: 'some 500', qualifier: 'about' },
      { wording: 'an estimated 11,000', qualifier: 'about', value: 11_000 },
    ],
  },
  {
    given: 'nearly 1,000 and almost 2,000 and close to 3,000',
    lang: 'en',
    then: [
      { wording: 'nearly 1,000', qualifier: 'nearly', low: null, high: 1000 },
      { wording: 'almost 2,000', qualifier: 'nearly' },
      { wording: 'close to 3,000', qualifier: 'nearly' },
    ],
  },
  {
    given: 'up to 300 and as many as 400',
    lang: 'en',
    then: [
      { wording: 'up to 300', qualifier: 'up to', low: null, high: 300 },
      { wording: 'as many as 400', qualifier: 'up to' },
    ],
  },
  {
    given: 'fewer than 50, less than 60, under 70',
    lang: 'en',
    then: [
      { wording: 'fewer than 50', qualifier: 'less than', high: 50, low: null },
      { wording: 'less than 60', qualifier: 'less than' },
      { wording: 'under 70', qualifier: 'less than' },
    ],
  },
  {
    given: 'no more than 5 and no fewer than 6',
    lang: 'en',
    then: [
      { wording: 'no more than 5', qualifier: 'up to' },
      { wording: 'no fewer than 6', qualifier: 'at least' },
    ],
  },
  {
    given: '100 or more soldiers, 200 or so tanks, 300-odd drones, 400+ shells',
    lang: 'en',
    then: [
      { wording: '100 or more', qualifier: 'at least' },
      { wording: '200 or so', qualifier: 'about' },
      { wording: '300-odd', qualifier: 'about' },
      { wording: '400+', qualifier: 'at least' },
    ],
  },
  {
    given: 'at least hundreds of casualties',
    lang: 'en',
    then: [{ wording: 'at least hundreds', qualifier: 'at least', low: 200, high: null }],
  },
  {
    given: 'more than a dozen drones',
    lang: 'en',
    then: [{ wording: 'more than a dozen', qualifier: 'more than', value: 12 }],
  },
  { given: 'over 40% of shells', lang: 'en', then: [{ wording: 'over 40%', kind: 'percent', qualifier: 'more than' }] },
  {
    given: 'mer enn 100 og flere enn 200',
    lang: 'nb',
    then: [
      { wording: 'mer enn 100', qualifier: 'more than' },
      { wording: 'flere enn 200', qualifier: 'more than' },
    ],
  },
  { given: 'over 300 soldater', lang: 'nb', then: [{ wording: 'over 300', qualifier: 'more than' }] },
  {
    given: 'omtrent 100, cirka 200, ca. 300, anslagsvis 400',
    lang: 'nb',
    then: [
      { wording: 'omtrent 100', qualifier: 'about' },
      { wording: 'cirka 200', qualifier: 'about' },
      { wording: 'ca. 300', qualifier: 'about' },
      { wording: 'anslagsvis 400', qualifier: 'about' },
    ],
  },
  {
    given: 'nesten 500 og opptil 600 og inntil 700',
    lang: 'nb',
    then: [
      { wording: 'nesten 500', qualifier: 'nearly' },
      { wording: 'opptil 600', qualifier: 'up to' },
      { wording: 'inntil 700', qualifier: 'up to' },
    ],
  },
  {
    given: 'under 50 og færre enn 60',
    lang: 'nb',
    then: [
      { wording: 'under 50', qualifier: 'less than' },
      { wording: 'færre enn 60', qualifier: 'less than' },
    ],
  },
]);

table('ranges', [
  {
    given: 'between 170,000 and 180,000 troops',
    lang: 'en',
    then: [
      {
        wording: 'between 170,000 and 180,000',
        low: 170_000,
        high: 180_000,
        value: 175_000,
        qualifier: 'exact',
        kind: 'count',
      },
    ],
  },
  { given: '170,000–180,000 troops', lang: 'en', then: [{ wording: '170,000–180,000', low: 170_000, high: 180_000 }] },
  {
    given: '170.000-180.000 soldater',
    lang: 'nb',
    then: [{ wording: '170.000-180.000', low: 170_000, high: 180_000 }],
  },
  { given: '100 to 200 soldiers', lang: 'en', then: [{ wording: '100 to 200', low: 100, high: 200, value: 150 }] },
  {
    given: 'from 1,000 to 1,500 soldiers',
    lang: 'en',
    then: [{ wording: 'from 1,000 to 1,500', low: 1000, high: 1500 }],
  },
  { given: 'mellom 100 og 200 soldater', lang: 'nb', then: [{ wording: 'mellom 100 og 200', low: 100, high: 200 }] },
  { given: 'fra 100 til 200 soldater', lang: 'nb', then: [{ wording: 'fra 100 til 200', low: 100, high: 200 }] },
  {
    given: 'between 1 and 1.5 million people',
    lang: 'en',
    then: [{ wording: 'between 1 and 1.5 million', low: 1e6, high: 1.5e6 }],
  },
  { given: 'two or three officers', lang: 'en', then: [{ wording: 'two or three', low: 2, high: 3 }] },
  {
    given: 'about 100-200 soldiers',
    lang: 'en',
    then: [{ wording: 'about 100-200', qualifier: 'about', low: 100, high: 200 }],
  },
  {
    given: 'up to 100-200 soldiers',
    lang: 'en',
    then: [{ wording: 'up to 100-200', qualifier: 'up to', low: null, high: 200 }],
  },
  { given: '20-25% of the shells', lang: 'en', then: [{ wording: '20-25%', kind: 'percent', low: 20, high: 25 }] },
  {
    given: 'the toll rose from 100 to 200',
    lang: 'en',
    then: [
      { wording: '100', value: 100, qualifier: 'exact' },
      { wording: '200', value: 200 },
    ],
  },
  {
    given: 'they won 3-2 and sent 500 to Russia',
    lang: 'en',
    then: [{ wording: '3' }, { wording: '2' }, { wording: '500' }],
  },
]);

table('non-counts are classified', [
  { given: 'in 2022 and i 2023', lang: 'en', then: [{ wording: '2022', kind: 'year' }] },
  { given: 'Invasjonen i 2022 endret alt.', lang: 'nb', then: [{ wording: '2022', kind: 'year' }] },
  { given: 'The 2024 election and 2024.', lang: 'en', then: [{ wording: '2024', kind: 'year' }] },
  {
    given: 'Since 2014 Russia has occupied Crimea; by 2030, mid-2024',
    lang: 'en',
    then: [
      { wording: '2014', kind: 'year' },
      { wording: '2030', kind: 'year' },
      { wording: '2024', kind: 'year' },
    ],
  },
  { given: 'the 1990s and 1990-tallet', lang: 'en', then: [{ wording: '1990s', kind: 'year' }] },
  { given: 'på 1990-tallet', lang: 'nb', then: [{ wording: '1990-tallet', kind: 'year' }] },
  {
    given: 'the 2022-23 winter campaign',
    lang: 'en',
    then: [{ wording: '2022-23', kind: 'year', low: 2022, high: 2023 }],
  },
  {
    given: 'about 2000 soldiers and 1950 tanks',
    lang: 'en',
    then: [
      { wording: 'about 2000', kind: 'count' },
      { wording: '1950', kind: 'count' },
    ],
  },
  {
    given: 'on October 3, 3 October, Oct. 3, 2024',
    lang: 'en',
    then: [
      { wording: 'October 3', kind: 'date' },
      { wording: '3 October', kind: 'date' },
      { wording: 'Oct. 3, 2024', kind: 'date' },
    ],
  },
  {
    given: 'dated 2024-10-05 and 05.10.2024',
    lang: 'en',
    then: [
      { wording: '2024-10-05', kind: 'date' },
      { wording: '05.10.2024', kind: 'date' },
    ],
  },
  {
    given: 'at 8:58 and kl. 14.30, 8 pm',
    lang: 'nb',
    then: [
      { wording: '8:58', kind: 'time' },
      { wording: 'kl. 14.30', kind: 'time', value: 14 },
    ],
  },
  { given: 'at 8 pm local time', lang: 'en', then: [{ wording: '8 pm', kind: 'time' }] },
  {
    given: '170 mm, 240mm, 240-mm rockets, 5 km, 12 kg, 155-millimetre shells, 300 km/h',
    lang: 'en',
    then: [
      { wording: '170 mm', kind: 'measure', unit: 'mm' },
      { wording: '240mm', kind: 'measure', unit: 'mm' },
      { wording: '240-mm', kind: 'measure', unit: 'mm' },
      { wording: '5 km', kind: 'measure', unit: 'km' },
      { wording: '12 kg', kind: 'measure', unit: 'kg' },
      { wording: '155-millimetre', kind: 'measure', unit: 'mm' },
      { wording: '300 km/h', kind: 'measure', unit: 'km/h' },
    ],
  },
  {
    given: 'for 3 days and two weeks, i 20 år',
    lang: 'en',
    then: [
      { wording: '3 days', kind: 'measure', unit: 'day' },
      { wording: 'two weeks', kind: 'measure', unit: 'week' },
    ],
  },
  {
    given: 'i 20 år og to uker',
    lang: 'nb',
    then: [
      { wording: '20 år', kind: 'measure', unit: 'year' },
      { wording: 'to uker', kind: 'measure', unit: 'week' },
    ],
  },
  {
    given: 'the 3rd battalion in the 21st century',
    lang: 'en',
    then: [
      { wording: '3rd', kind: 'ordinal' },
      { wording: '21st', kind: 'ordinal' },
    ],
  },
  {
    given: 'nearly 40% of shells, 40 percent, 12 per cent, 40 prosent',
    lang: 'nb',
    then: [
      { wording: '40%', kind: 'percent', unit: '%' },
      { wording: '40 percent', kind: 'percent' },
      { wording: '12 per cent', kind: 'percent' },
      { wording: '40 prosent', kind: 'percent' },
    ],
  },
  {
    given: 'call +47 22 33 44 55 or 22 33 44 55',
    lang: 'nb',
    then: [
      { wording: '+47 22 33 44 55', kind: 'phone' },
      { wording: '22 33 44 55', kind: 'phone' },
    ],
  },
  { given: 'Tel: 555-123-4567', lang: 'en', then: [{ wording: '555-123-4567', kind: 'phone' }] },
  {
    given: 'aged 20, a 20-year-old soldier, 19 years old',
    lang: 'en',
    then: [
      { wording: '20', kind: 'age' },
      { wording: '20-year-old', kind: 'age' },
      { wording: '19 years old', kind: 'age' },
    ],
  },
  {
    given: 'en 20 år gammel soldat, en 19-åring, Kim Jong-un (40)',
    lang: 'nb',
    then: [
      { wording: '20 år gammel', kind: 'age' },
      { wording: '19-åring', kind: 'age' },
      { wording: '40', kind: 'age' },
    ],
  },
  {
    given: '$5 million in aid, US$2bn, €300, 5 million dollars',
    lang: 'en',
    then: [
      { wording: '$5 million', kind: 'money', unit: 'USD', value: 5e6 },
      { wording: 'US$2bn', kind: 'money', value: 2e9 },
      { wording: '€300', kind: 'money', unit: 'EUR' },
      { wording: '5 million dollars', kind: 'money' },
    ],
  },
  {
    given: '5 millioner kroner og 300 kr',
    lang: 'nb',
    then: [
      { wording: '5 millioner kroner', kind: 'money', unit: 'NOK', value: 5e6 },
      { wording: '300 kr', kind: 'money' },
    ],
  },
  {
    given: 'KN-23, Iskander-M, F-16s, Su-34, S-400, MiG-29, 9M723, COVID-19, G7',
    lang: 'en',
    then: [
      { wording: 'KN-23', kind: 'other' },
      { wording: 'F-16s', kind: 'other' },
      { wording: 'Su-34', kind: 'other' },
      { wording: 'S-400', kind: 'other' },
      { wording: 'MiG-29', kind: 'other' },
      { wording: '9M723', kind: 'other' },
      { wording: 'COVID-19', kind: 'other' },
      { wording: 'G7', kind: 'other' },
    ],
    absent: ['Iskander-M'],
  },
  {
    given: 'UN Resolution 2231 and Article 5, No. 3, #4',
    lang: 'en',
    then: [
      { wording: '2231', kind: 'other' },
      { wording: '5', kind: 'other' },
      { wording: '3', kind: 'other' },
      { wording: '4', kind: 'other' },
    ],
  },
  {
    given: 'visit https://example.com/2024/10/05/story-123 or mail a1@b2.no',
    lang: 'en',
    then: [],
    absent: ['2024', '10', '05', '123', '1', '2'],
  },
]);

table('year or count: a 4-digit number in 1900–2100', [
  { given: 'Pyongyang sent 2000 North Korean soldiers.', lang: 'en', then: [{ wording: '2000', kind: 'count' }] },
  {
    given: 'About 2000 badly wounded men',
    lang: 'en',
    then: [{ wording: 'About 2000', kind: 'count', qualifier: 'about' }],
  },
  {
    given: 'Russia lost 1950 tanks and 2,000 more in 2024.',
    lang: 'en',
    then: [
      { wording: '1950', kind: 'count' },
      { wording: '2,000', kind: 'count' },
      { wording: '2024', kind: 'year' },
    ],
  },
  { given: 'The death toll rose to 2000.', lang: 'en', then: [{ wording: '2000', kind: 'count' }] },
  { given: 'the North Korea-Russia 2024 summit', lang: 'en', then: [{ wording: '2024', kind: 'year' }] },
  {
    given: "2024's losses were heavy; pre-2022 levels",
    lang: 'en',
    then: [
      { wording: '2024', kind: 'year' },
      { wording: '2022', kind: 'year' },
    ],
  },
  { given: 'The war began in 2022.', lang: 'en', then: [{ wording: '2022', kind: 'year' }] },
  {
    given: 'Nord-Korea sendte 2000 nye soldater, og i 2023 ble 1900 soldater drept',
    lang: 'nb',
    then: [
      { wording: '2000', kind: 'count' },
      { wording: '2023', kind: 'year' },
      { wording: '1900', kind: 'count' },
    ],
  },
  {
    given: '2022-2024 was hard; between 2022 and 2024',
    lang: 'en',
    then: [
      { wording: '2022-2024', kind: 'year', low: 2022, high: 2024 },
      { wording: 'between 2022 and 2024', kind: 'year' },
    ],
  },
]);

table('slash shorthand is not a count', [
  {
    given: '24/7 coverage, 1/3 of troops, since 9/11',
    lang: 'en',
    then: [
      { wording: '24/7', kind: 'other' },
      { wording: '1/3', kind: 'other' },
      { wording: '9/11', kind: 'other' },
    ],
  },
  { given: 'on 10/25/2024', lang: 'en', then: [{ wording: '10/25/2024', kind: 'date' }] },
]);

describe('counts only', () => {
  it('GIVEN the YTN article header and footer THEN no count comes out', () => {
    const text =
      '2024.10.05. PM 8:58\nFont size settings\n[Phone] 02-398-8585\n[Mail] social@ytn.co.kr\nOn the 3rd local time, KN-23 in 2022 on Sept. 24';
    expect(countsOf(text, 'en')).toEqual([]);
  });

  it('GIVEN the seed corpus files THEN every mention satisfies the offset invariants', () => {
    const dir = join(process.cwd(), 'corpus');
    // Without the seed corpus this test would check nothing: it fails instead.
    expect(existsSync(dir), `the seed corpus is missing: ${dir}`).toBe(true);
    const files = readdirSync(dir).filter((x) => x.endsWith('.txt'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const text = readFileSync(join(dir, f), 'utf8');
      const lang = /\b(og|som|ikke|det)\b/.test(text) && /[æøå]/.test(text) ? 'nb' : 'en';
      checkInvariants(text, findNumbers(text, lang));
    }
  });
});

describe('language codes', () => {
  it.each([
    ['nb', true],
    ['no', true],
    ['nn', true],
    ['nb-NO', true],
    ['NOB', true],
    ['en', false],
    ['en-GB', false],
    ['de', false],
    ['', false],
  ])('GIVEN %j THEN isNorwegian is %s', (code, expected) => {
    expect(isNorwegian(code)).toBe(expected);
  });

  it('GIVEN an unknown language THEN English rules apply', () => {
    expect(countsOf('more than 1,000 soldiers', 'it')[0]).toMatchObject({ value: 1000, qualifier: 'more than' });
  });

  it('GIVEN empty text THEN no mentions', () => {
    expect(findNumbers('', 'en')).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// Property tests

const FRAGMENTS = [
  '0',
  '1',
  '3',
  '20',
  '220',
  '240',
  '2024',
  '1,000',
  '11.000',
  '10 000',
  '10\u00A0000',
  '3,5',
  '3.5',
  '1.5',
  '12k',
  '170.000',
  '-',
  '–',
  '.',
  ',',
  ':',
  '/',
  '%',
  '$',
  '€',
  '(',
  ')',
  '[',
  ']',
  '+',
  '#',
  ' ',
  ' ',
  ' ',
  '\n',
  '\u00A0',
  "'",
  'one',
  'two',
  'a',
  'an',
  'half',
  'third',
  'dozen',
  'dozens',
  'hundred',
  'hundreds',
  'thousand',
  'thousands',
  'million',
  'millions',
  'several',
  'few',
  'of',
  'and',
  'or',
  'to',
  'between',
  'from',
  'at least',
  'more than',
  'over',
  'about',
  'nearly',
  'up to',
  'fewer than',
  'exceeded',
  'some',
  'an estimated',
  'en',
  'et',
  'ett',
  'én',
  'tre',
  'fire',
  'ti',
  'tjuefem',
  'hundre',
  'tusen',
  'millioner',
  'hundrevis',
  'tusenvis',
  'og',
  'til',
  'mellom',
  'fra',
  'minst',
  'rundt',
  'omtrent',
  'ca.',
  'nesten',
  'opptil',
  'soldater',
  'soldiers',
  'mm',
  'km',
  'år',
  'years',
  'old',
  'gammel',
  'percent',
  'prosent',
  'kroner',
  'PM',
  'kl.',
  'October',
  'februar',
  'Sept.',
  'the',
  '3rd',
  'KN',
  'F',
  'Su',
  'århundre',
  'Tuesday',
  'torsdag',
  'in',
  'i',
  'https://x.no/1',
  'İ',
  '\uD83D\uDE00',
  '\uD800',
];

describe('properties', () => {
  it('GIVEN arbitrary strings THEN findNumbers never throws and offsets are exact', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.constantFrom('en', 'nb', 'no', 'xx'),
        (text, lang) => {
          const mentions = findNumbers(text, lang);
          for (const m of mentions) {
            if (!(m.start >= 0 && m.start < m.end && m.end <= text.length && text.slice(m.start, m.end) === m.wording))
              return false;
          }
          return true;
        },
      ),
      { numRuns: 500 },
    );
  });

  it('GIVEN strings built from tricky fragments THEN mentions are exact, sorted, disjoint and sane', () => {
    const textArb = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }).map((parts) => parts.join(''));
    const spacedArb = fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 30 }).map((parts) => parts.join(' '));
    fc.assert(
      fc.property(fc.oneof(textArb, spacedArb), fc.constantFrom('en', 'nb'), (text, lang) => {
        const mentions = findNumbers(text, lang);
        let prevEnd = 0;
        for (const m of mentions) {
          if (m.start < prevEnd || m.start >= m.end || m.end > text.length) return false;
          if (text.slice(m.start, m.end) !== m.wording) return false;
          if (!Number.isFinite(m.value)) return false;
          if (m.low !== null && m.high !== null && m.low > m.high) return false;
          prevEnd = m.end;
        }
        return true;
      }),
      { numRuns: 1500 },
    );
  });
});
