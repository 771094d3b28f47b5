/**
 * Korean: the particle stripper, numbers with counters and myriad scales, dates with markers,
 * head-final attribution, figures whose noun stands before the number, and language detection on
 * short text. The articles of tests/languages/fixtures/ko measure the whole (quality.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { inferMetadata } from '../../src/corpus/infer.js';
import { Engine } from '../../src/engine/engine.js';
import { findAttributions } from '../../src/figures/attribution.js';
import { extractClaims } from '../../src/figures/claims.js';
import { stripParticles } from '../../src/languages/ko.js';
import type { Article } from '../../src/model/article.js';
import { buildPassages } from '../../src/search/passages.js';
import { isStopWord, stem } from '../../src/text/analyze.js';
import { findDates } from '../../src/text/dates.js';
import { detectLanguage } from '../../src/text/detectLanguage.js';
import { findNumbers } from '../../src/text/numbers/index.js';

const counts = (text: string) =>
  findNumbers(text, 'ko')
    .filter((mention) => mention.kind === 'count')
    .map(({ wording, value, low, high, qualifier }) => ({ wording, value, low, high, qualifier }));

const article = (id: string, text: string, published = '2025-03-12', language = 'ko'): Article => ({
  id,
  title: id,
  publisher: null,
  url: null,
  published,
  language,
  file: `${id}.md`,
  text,
  provenance: {},
});

describe('Korean particle stripper', () => {
  it.each([
    '북한군이',
    '북한군은',
    '북한군의',
    '북한군을',
    '북한군에',
    '북한군도',
    '북한군에서',
    '북한군으로',
    '북한군',
  ])('GIVEN %s THEN the stem is 북한군', (word) => {
    expect(stripParticles(word)).toBe('북한군');
  });

  it('GIVEN 사망했다, 사망한, 사망자, 사망자는 THEN they share 사망', () => {
    expect(['사망했다', '사망한', '사망자', '사망자는'].map(stripParticles)).toEqual(['사망', '사망', '사망', '사망']);
  });

  it('GIVEN words that only look like they end in a particle THEN they are kept whole', () => {
    // 북한 is not 북 + 한, 포로 not 포 + 로, 기자 not 기 + 자, 우크라이나 not 우크라 + 이나.
    expect(['북한', '포로', '기자', '우크라이나', '우크라이나의', '러시아'].map(stripParticles)).toEqual([
      '북한',
      '포로',
      '기자',
      '우크라이나',
      '우크라이나',
      '러시아',
    ]);
  });

  it('GIVEN a counter with a particle THEN it is the counter, a stop word', () => {
    expect(stripParticles('명으로')).toBe('명');
    expect(isStopWord('명으로', 'ko')).toBe(true);
    expect(isStopWord('북한군은', 'ko')).toBe(false);
  });

  it('GIVEN Hangul THEN the index stem stays composed', () => {
    expect(stem('전사자가', 'ko')).toBe('전사');
  });
});

describe('Korean numbers', () => {
  it('GIVEN myriad notation THEN the value', () => {
    expect(counts('2천500명')).toMatchObject([{ wording: '2천500명', value: 2500 }]);
    expect(counts('1만 2천 명이')).toMatchObject([{ wording: '1만 2천 명', value: 12000 }]);
    expect(counts('1만2천명')).toMatchObject([{ value: 12000 }]);
    expect(counts('1만 명')).toMatchObject([{ value: 10000 }]);
    expect(counts('포탄 5천만 발')).toMatchObject([{ wording: '5천만 발', value: 50_000_000 }]);
    expect(counts('3천')).toMatchObject([{ value: 3000 }]);
    expect(counts('1,500명')).toMatchObject([{ value: 1500 }]);
    expect(counts('400명')).toMatchObject([{ value: 400, qualifier: 'exact' }]);
  });

  it('GIVEN 300여 명 THEN more than 300', () => {
    expect(counts('300여 명')).toEqual([
      { wording: '300여 명', value: 300, low: 300, high: null, qualifier: 'more than' },
    ]);
    expect(counts('300여명을')).toMatchObject([{ wording: '300여명', qualifier: 'more than' }]);
  });

  it('GIVEN a qualifier after the counter THEN it qualifies the number', () => {
    expect(counts('100명 이상이 숨졌다')).toEqual([
      { wording: '100명 이상', value: 100, low: 100, high: null, qualifier: 'more than' },
    ]);
    expect(counts('3천 명을 넘어선')).toMatchObject([{ value: 3000, qualifier: 'more than' }]);
    expect(counts('1천명 가까이')).toMatchObject([{ value: 1000, low: null, high: 1000, qualifier: 'nearly' }]);
    expect(counts('70명가량')).toMatchObject([{ value: 70, qualifier: 'about' }]);
    expect(counts('100명 미만')).toMatchObject([{ value: 100, qualifier: 'less than' }]);
  });

  it('GIVEN a qualifier before the number THEN it qualifies it', () => {
    expect(counts('약 300명')).toMatchObject([{ wording: '약 300명', qualifier: 'about' }]);
    expect(counts('최소 100명')).toMatchObject([{ value: 100, low: 100, high: null, qualifier: 'at least' }]);
    expect(counts('최대 2만 명')).toMatchObject([{ value: 20000, low: null, high: 20000, qualifier: 'up to' }]);
  });

  it('GIVEN vague and native numbers THEN their values; 한 alone is no number', () => {
    expect(counts('수백 명')).toMatchObject([{ value: 200, low: 200, high: 999, qualifier: 'vague' }]);
    expect(counts('수천 명의')).toMatchObject([{ value: 2000, high: 9999 }]);
    expect(counts('수십 명씩')).toMatchObject([{ value: 20, high: 99 }]);
    expect(counts('주민 두 명이')).toMatchObject([{ wording: '두 명', value: 2 }]);
    expect(counts('한 관계자는')).toEqual([]);
  });

  it('GIVEN ranges and alternatives THEN one range', () => {
    expect(counts('200~300명')).toMatchObject([{ value: 250, low: 200, high: 300 }]);
    expect(counts('100만 발 또는 200만 발')).toMatchObject([{ low: 1_000_000, high: 2_000_000 }]);
  });

  it('GIVEN durations, money, ages, dates and times THEN no count', () => {
    expect(counts('3년 동안 2개월 5일간 10억 원 20대 남성 152㎜ 3월 5일 오후 3시 2025년')).toEqual([]);
  });
});

describe('Korean dates', () => {
  const dates = (text: string) =>
    findDates(text, 'ko', { published: '2025-03-12' }).map(({ wording, date }) => [wording, date]);

  it('GIVEN dates with markers THEN they resolve', () => {
    expect(dates('3월 5일 밝혔다')).toEqual([['3월 5일', '2025-03-05']]);
    expect(dates('2025년 3월')).toEqual([['2025년 3월', '2025-03']]);
    expect(dates('2024년에 파병')).toEqual([['2024년', '2024']]);
    expect(dates('지난해 10월부터')).toEqual([['지난해 10월', '2024-10']]);
    expect(dates('올해 1~2월 사이')).toEqual([['올해 1~2월', '2025-02']]);
  });

  it('GIVEN a day alone THEN a day of the publication month', () => {
    expect(dates('국방부는 10일 발표했다')).toEqual([['10일', '2025-03-10']]);
    expect(dates('지난 5일 국회에서')).toEqual([['지난 5일', '2025-03-05']]);
    expect(dates('5일간 전투')).toEqual([]);
    expect(dates('3일 동안')).toEqual([]);
  });

  it('GIVEN relative dates and weekdays, with particles THEN they resolve', () => {
    expect(dates('지난달에')).toEqual([['지난달', '2025-02']]);
    expect(dates('지난해에는')).toEqual([['지난해', '2024']]);
    expect(dates('올해')).toEqual([['올해', '2025']]);
    expect(dates('어제')).toEqual([['어제', '2025-03-11']]);
    expect(dates('그제')).toEqual([['그제', '2025-03-10']]);
    expect(dates('이달 초')).toEqual([['이달', '2025-03']]);
    expect(dates('월요일에')).toEqual([['월요일', '2025-03-10']]);
  });
});

describe('Korean attribution', () => {
  const claimants = (text: string) => findAttributions(text, 'ko').map((span) => span.claimant);

  it('GIVEN a topic before the speech verb THEN it is the claimant', () => {
    expect(claimants('국가정보원(국정원)은 5일 북한군 전사자가 약 300명이라고 보고했다.')).toEqual([
      '국가정보원(국정원)',
    ]);
    expect(claimants('한편 합동참모본부(합참)는 이날 북한이 3천 명을 파병했다고 전했다.')).toEqual([
      '합동참모본부(합참)',
    ]);
  });

  it('GIVEN a quotation before the topic THEN the topic after it', () => {
    expect(claimants('북한군 전사자는 약 300명이라고 국정원은 밝혔다.')).toEqual(['국정원']);
  });

  it('GIVEN a subject right before the verb, after a quotation THEN it speaks', () => {
    expect(claimants('러시아는 하루 1천500명의 병력을 잃고 있다고 영국 국방부가 분석했다.')).toEqual(['영국 국방부']);
  });

  it('GIVEN 에 따르면 THEN the source before it', () => {
    expect(claimants('우크라이나 국방부 정보총국(HUR)에 따르면 북한군 400명이 숨졌다.')).toEqual([
      '우크라이나 국방부 정보총국(HUR)',
    ]);
  });

  it('GIVEN no speaker THEN no claimant', () => {
    expect(claimants('북한군 사상자는 3천 명으로 추산된다.')).toEqual([]);
  });
});

describe('Korean figures', () => {
  const figures = (text: string) =>
    extractClaims(buildPassages([article('ko', text)])).map(({ category, item, value, qualifier, scope }) => ({
      category,
      item,
      value,
      qualifier,
      scope,
    }));

  it('GIVEN the event noun before the number THEN its category', () => {
    expect(figures('사망자 400명이 나왔다.')).toMatchObject([{ category: 'killed', value: 400 }]);
    expect(figures('북한군 전사자는 약 300명으로 추산된다.')).toMatchObject([
      { category: 'killed', value: 300, qualifier: 'about', scope: 'troops@north-korean' },
    ]);
  });

  it('GIVEN the item before the number and its counter THEN the item', () => {
    expect(figures('북한은 단거리 탄도미사일 200여 기를 러시아에 넘겼다.')).toMatchObject([
      { category: 'weapons', item: 'missiles', value: 200, qualifier: 'more than' },
    ]);
  });

  it('GIVEN two clauses joined by a verb ending THEN each count has its own verb', () => {
    expect(figures('화재로 작업자 2명이 숨지고 5명이 다쳤다.')).toMatchObject([
      { category: 'killed', value: 2 },
      { category: 'injured', value: 5 },
    ]);
  });

  it('GIVEN troops sent to Russia THEN the sender is their nation, not the destination', () => {
    expect(figures('북한은 특수작전군 병력 1만여 명을 러시아에 파견했다.')).toMatchObject([
      { category: 'deployed', value: 10000, scope: 'troops@north-korean' },
    ]);
  });

  it('GIVEN killed or wounded THEN casualties', () => {
    expect(figures('북한군 가운데 약 4천 명이 죽거나 다쳤다.')).toMatchObject([
      { category: 'casualties', value: 4000 },
    ]);
  });

  it('GIVEN bare event nouns before counts, and a linked noun that counts no one THEN each its event', () => {
    expect(figures('이번 공격으로 사망 1명, 부상 3명의 피해가 발생했다.')).toMatchObject([
      { category: 'killed', value: 1 },
      { category: 'injured', value: 3 },
    ]);
  });

  it('GIVEN more troops sent THEN reinforcements', () => {
    expect(figures('북한은 3천 명을 추가로 파병했다.')).toMatchObject([{ category: 'reinforcements', value: 3000 }]);
  });

  it('GIVEN North Koreans who shot Russian comrades THEN Russian soldiers killed', () => {
    expect(figures('북한군 병사들이 러시아군 동료 4명을 오인 사격으로 숨지게 했다.')).toMatchObject([
      { category: 'killed', value: 4, scope: 'troops@russian' },
    ]);
  });

  it('GIVEN a figure the correction withdraws THEN no figure', () => {
    expect(
      figures('이 기사는 북한군 사상자를 약 3천 명으로 보도했으나, 국정원이 밝힌 사상자는 약 4천 명이다.'),
    ).toMatchObject([{ category: 'casualties', value: 4000 }]);
  });
});

describe('Korean metadata', () => {
  it('GIVEN a Korean copyright line THEN the outlet is the publisher', () => {
    const text = '제목\n\n본문이다.\n\n저작권자 © 한빛통신 무단전재 및 재배포 금지\n';
    expect(inferMetadata(text).publisher).toBe('한빛통신');
  });
});

describe('Korean detection and questions across languages', () => {
  it.each(['북한군 전사자 수', '사망자 400명', '국정원 "북한군 전사자 약 300명…부상자 2천700명"'])(
    'GIVEN short Korean text "%s" THEN eld reads Korean',
    (text) => {
      expect(detectLanguage(text)).toBe('ko');
    },
  );

  it('GIVEN an English question THEN the Korean figure stands beside the English one', async () => {
    const engine = await Engine.build({
      dir: '.',
      articles: [
        article(
          'en',
          'South Korean intelligence said at least 300 North Korean soldiers had been killed in Kursk.',
          '2025-01-13',
          'en',
        ),
        article('ko', '국가정보원은 북한군 전사자가 약 300명에 이른다고 10일 밝혔다.', '2025-03-10'),
      ],
      problems: [],
    });
    const answer = engine.ask('how many North Korean soldiers were killed', { limit: 3 });
    const killed = answer.figures?.find((report) => report.category === 'killed');
    expect(killed?.claims.flatMap((claim) => claim.articles)).toEqual(expect.arrayContaining(['en', 'ko']));
    const korean = engine.ask('북한군 전사자 수', { limit: 3 });
    expect(korean.passages[0]?.quote).toContain('약 300명');
  });
});
