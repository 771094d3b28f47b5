/**
 * findAttributions: who says a figure, by the patterns of news English and Norwegian. Each row
 * is a sentence and every source it names, in order, as [claimant, channel]; a pronoun source is
 * marked "(pronoun)" and stands for the previous sentence's source in the extractor.
 */
import { describe, expect, it } from 'vitest';
import { describeAttribution, findAttributions } from '../../src/figures/attribution.js';

type Row = [
  pattern: string,
  sentence: string,
  language: 'en' | 'nb',
  sources: [claimant: string, channel: string | null][],
];

const ROWS: Row[] = [
  // English: the speaker before the verb, with an appositive on either side of the name.
  [
    'name, role, verb',
    'Andrii Kovalenko, the head of the Center for Countering Disinformation, also highlighted on December 18 that losses could have exceeded 200 troops.',
    'en',
    [['Andrii Kovalenko, the head of the Center for Countering Disinformation', null]],
  ],
  [
    'role, name, "informed X that": X is the channel',
    'South Korean Member of Parliament, Lee Seong-kweun, informed Reuters that at least 100 North Korean soldiers have died.',
    'en',
    [['South Korean Member of Parliament, Lee Seong-kweun', 'Reuters']],
  ],
  [
    'clause, role, name, "said on Telegram"',
    "The death toll from this morning's strike has risen to 13, the head of the regional military administration, Serhiy Bondar, said on Telegram.",
    'en',
    [['the head of the regional military administration, Serhiy Bondar', null]],
  ],
  [
    'an aside between commas is skipped',
    'A U.S. official, speaking on condition of anonymity, said last week that North Korea had suffered "several hundred" deaths.',
    'en',
    [['A U.S. official', null]],
  ],
  [
    'title and name before "confirmed … that"',
    "South Korea's Defense Minister Kim Yonghyun confirmed on Tuesday that six officers died.",
    'en',
    [["South Korea's Defense Minister Kim Yonghyun", null]],
  ],
  [
    'two speakers: each figure takes the nearest before it',
    'Lee pointed out that while his figure indicates over 100 dead, a US military official provided a different estimate, suggesting several hundred losses.',
    'en',
    [
      ['Lee', null],
      ['a US military official', null],
    ],
  ],
  [
    'clause, claimant, "said"',
    "Russia launched 72 drones and four ballistic missiles at Ukraine overnight, Ukraine's air force said.",
    'en',
    [["Ukraine's air force", null]],
  ],
  ['"officials said" after the figure', 'Six officers were killed, officials said.', 'en', [['officials', null]]],
  [
    '"according to" a list with an abbreviation',
    'North Korea has about 11,000 troops in Russia, according to U.S., South Korean and Ukrainian assessments.',
    'en',
    [['U.S., South Korean and Ukrainian assessments', null]],
  ],
  [
    '"according to information from"',
    'According to information from US and South Korean officials, over 10,000 North Korean soldiers have been dispatched.',
    'en',
    [['US and South Korean officials', null]],
  ],
  [
    '"according to" a name with an appositive',
    "It told lawmakers that at least 300 soldiers had died, according to Park Sun-woo, a member of parliament's intelligence committee.",
    'en',
    [
      ['It (pronoun)', null],
      ["Park Sun-woo, a member of parliament's intelligence committee", null],
    ],
  ],
  [
    '"put the figure at", and "who spoke to X": X is the channel',
    "Western officials who spoke to Meridian put the figure at between 1,000 and 1,500, while Ukraine's military says the death toll is far higher.",
    'en',
    [
      ['Western officials', 'Meridian'],
      ["Ukraine's military", null],
    ],
  ],
  [
    '"puts … at" after an opening phrase',
    'Counting the wounded, Kyiv now puts North Korean casualties at nearly 4,000.',
    'en',
    [['Kyiv', null]],
  ],
  [
    '"has since put the number … at"',
    'The regional administration has since put the number of injured at 46.',
    'en',
    [['The regional administration', null]],
  ],
  [
    '"estimates" with a clause and no "that"',
    'Seoul estimates North Korea has earned as much as $20 billion.',
    'en',
    [['Seoul', null]],
  ],
  [
    '", and says": the sentence\'s subject',
    'An independent Russian outlet that tallies obituaries has identified by name 111,387 Russian soldiers killed, and says the true toll is likely twice that.',
    'en',
    [['An independent Russian outlet', null]],
  ],
  [
    'a broadcast caption names the speaker',
    '[U.S. Secretary of State Tony Blinken / U.S. Secretary of State (U.N. Security Council meeting on Sept. 24): North Korea has delivered millions of shells.]',
    'en',
    [['U.S. Secretary of State Tony Blinken', null]],
  ],
  [
    '"It added" is a pronoun',
    'It added that more than three North Korean soldiers were injured.',
    'en',
    [['It (pronoun)', null]],
  ],
  ['"he said" is a pronoun', 'Two children are among the dead, he said.', 'en', [['he (pronoun)', null]]],
  [
    'the pronoun after a named speaker is that speaker',
    'The South Korean government also said in August that it had confirmed that North Korea had sent more than 500 support units.',
    'en',
    [
      ['The South Korean government', null],
      ['it (pronoun)', null],
    ],
  ],
  [
    'passive "are said to" names no one',
    'Six North Korean officers are said to have been killed in Ukraine.',
    'en',
    [],
  ],
  ['passive "were reported" names no one', 'Twenty people were reported killed in the attack.', 'en', []],
  [
    'a capital "Reports" is a noun, yet it speaks here',
    'Reports suggest that “several thousand” North Korean infantry soldiers are training in Russia.',
    'en',
    [['Reports', null]],
  ],
  [
    '"estimates" as a noun after "with" names no one',
    'Ammunition has kept Russian guns firing, with estimates suggesting that Pyongyang has provided nearly half of the shells.',
    'en',
    [],
  ],
  [
    'an opening phrase is no claimant',
    'In recent developments, South Korea said that 100 soldiers had died.',
    'en',
    [['South Korea', null]],
  ],
  // Norwegian.
  [
    'inverted "…, sa Seoul."',
    'Troppene er ment å erstatte de rundt 4000 soldatene som er drept eller skadet, sa Seoul.',
    'nb',
    [['Seoul', null]],
  ],
  [
    'inverted, a weekday after the claimant is dropped',
    'Nord-Korea har sendt minst 3000 flere soldater, rapporterte Sør-Koreas militær torsdag.',
    'nb',
    [['Sør-Koreas militær', null]],
  ],
  [
    'inverted, a place after the claimant is dropped',
    'Minst 600 soldater er drept, opplyste Sør-Koreas etterretningstjeneste NIS på en lukket høring i nasjonalforsamlingen mandag.',
    'nb',
    [['Sør-Koreas etterretningstjeneste NIS', null]],
  ],
  [
    'inverted after a closing quote, "i sin vurdering" dropped',
    '«Til dags dato er omtrent 220 rakettoppskyttere levert,» sa de felles stabssjefene i sin vurdering.',
    'nb',
    [['de felles stabssjefene', null]],
  ],
  [
    'inverted, "i et intervju med BBC" is the channel',
    'Nord-Korea kan sende opptil 6000 nye soldater, sier sjefen for Ukrainas militære etterretning i et intervju med BBC.',
    'nb',
    [['sjefen for Ukrainas militære etterretning', 'BBC']],
  ],
  [
    'inverted, "på Telegram" dropped',
    'Dødstallet har steget til 14, opplyser byens fungerende ordfører Oleksij Hrytsenko på Telegram.',
    'nb',
    [['byens fungerende ordfører Oleksij Hrytsenko', null]],
  ],
  [
    '"ifølge X" at the end',
    'Rundt 400 soldater ble drept per 26. februar, med ytterligere 3600 skadet, ifølge sørkoreansk etterretning.',
    'nb',
    [['sørkoreansk etterretning', null]],
  ],
  [
    '"Ifølge X har …": the finite verb ends X',
    'Ifølge sørkoreansk etterretning har Nord-Korea totalt sendt anslagsvis 14.000 soldater.',
    'nb',
    [['sørkoreansk etterretning', null]],
  ],
  [
    '"har ifølge X sendt opptil …": neither the participle nor the qualifier is X',
    'Nord-Korea har ifølge sørkoreanske og ukrainske anslag sendt opptil 12.000 soldater til Russland.',
    'nb',
    [['sørkoreanske og ukrainske anslag', null]],
  ],
  [
    '"X hevder at"',
    'Ukrainske myndigheter hevder at over 2000 nordkoreanere er drept.',
    'nb',
    [['Ukrainske myndigheter', null]],
  ],
  [
    'inverted "anslår X" after a subset',
    'Av disse er rundt 4700 drept eller såret, blant dem minst 600 falne, anslår den sørkoreanske etterretningstjenesten.',
    'nb',
    [['den sørkoreanske etterretningstjenesten', null]],
  ],
  [
    '"da X anslo at": the when-clause\'s speaker',
    'Dødstallet har doblet seg siden januar, da NIS anslo at rundt 300 soldater var drept.',
    'nb',
    [['NIS', null]],
  ],
  [
    'a time said first puts the speaker after the verb',
    'Fredag kveld meldte statlige medier at antallet omkomne hadde steget til 51.',
    'nb',
    [['statlige medier', null]],
  ],
  ['"bekrefter nå at"', 'Politiet bekrefter nå at tre personer har omkommet i brannen.', 'nb', [['Politiet', null]]],
  [
    'a speaker after "men" is the second clause\'s',
    'Ukraina har vist fram to soldater, men sørkoreanske kilder mener at flere kan ha blitt tatt.',
    'nb',
    [['sørkoreanske kilder', null]],
  ],
  ['passive "ble antatt" names no one', 'Rundt 400 soldater ble antatt å ha blitt drept.', 'nb', []],
];

describe('findAttributions: who says it', () => {
  it.each(ROWS)('%s', (_pattern, sentence, language, expected) => {
    const found = findAttributions(sentence, language).map((span) => [
      `${span.claimant}${span.pronoun ? ' (pronoun)' : ''}`,
      span.channel,
    ]);
    expect(found).toEqual(expected);
  });

  it('GIVEN any attribution THEN its span lies inside the sentence and its claimant has no figure in it', () => {
    for (const [, sentence, language] of ROWS) {
      for (const span of findAttributions(sentence, language)) {
        expect(span.start).toBeGreaterThanOrEqual(0);
        expect(span.end).toBeLessThanOrEqual(sentence.length);
        expect(span.claimant).not.toMatch(/\d/);
      }
    }
  });

  it('GIVEN a channel THEN the one-line description names both', () => {
    expect(describeAttribution({ claimant: 'South Korean MP Lee Seong-kweun', channel: 'Reuters' })).toBe(
      'South Korean MP Lee Seong-kweun, to Reuters',
    );
    expect(describeAttribution({ claimant: 'Seoul', channel: null })).toBe('Seoul');
  });
});
