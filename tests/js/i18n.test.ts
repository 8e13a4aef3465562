// The string tables: both languages have the same keys (nested ones too) and the same parameter
// lists; every Korean text contains Hangul unless its key is a listed identifier; the language a
// first visit gets from navigator.languages.
import { describe, expect, it } from 'vitest';
import { tables } from '../../web/src/i18n';
import { identifierKeys } from '../../web/src/i18n/identifiers';
import { detectLanguage } from '../../web/src/i18n/language';

const HANGUL = /[\uac00-\ud7a3]/;
type Value = string | ((...a: never[]) => string) | Record<string, unknown>;

/** Every leaf of a table as [path, value]. */
function leaves(table: Record<string, unknown>, prefix: string): [string, Value][] {
  return Object.entries(table).flatMap(([k, v]): [string, Value][] =>
    typeof v === 'object' && v !== null
      ? leaves(v as Record<string, unknown>, `${prefix}.${k}`)
      : [[`${prefix}.${k}`, v as Value]],
  );
}

// Arguments for functions whose text depends on which value they get (a known key or a boolean).
const sampleArgs: Record<string, unknown[][]> = {
  'classify.mapsNote': [['SimpleRNN'], ['LSTM'], ['GRU']],
  'cell.anatomyIntro': [['SimpleRNN'], ['LSTM'], ['GRU']],
  'cell.inputFrom': [
    [true, true, 'good'],
    [true, false, 'good'],
    [false, false, 'good'],
  ],
  'cell.prevFrom': [[true], [false]],
  'cell.resetAfter': [[true], [false]],
  'cell.move': [
    ['good', 1, 2, 0.5, 'input', 0.9, 0.8],
    ['good', 1, 2, -0.5, 'forget', 0.1, 0],
    ['good', 1, 2, 0.5, 'update', 0.2, 0.7],
    ['good', 1, 2, 0.5, 'state', 0, 0],
  ],
  'train.bookSource': [['book-2025-keras3'], ['blog-2021-tf2.6'], ['blog-2022-keras']],
  // A run's default name: the model's title and a time stamp, with Compare and "Run chapter 9" marked.
  'runs.runName': [
    ['09-3 LSTM(8)', '2026-12-05 01:41', 'compare'],
    ['09-3 LSTM(8)', '2026-12-05 01:41', 'chapter'],
  ],
  // A refused link: the source, the field (a key of LIMITS or of the link table's fields), the value.
  'link.outOfRange': [
    ['link', 'epochs', '0'],
    ['saved set-up', 'learning_rate', 'list'],
    ['link', 'seed', 'object'],
  ],
  'link.notOneOf': [
    ['link', 'optimizer', 'rmsprop, adam, sgd', '"adagrad"'],
    ['saved set-up', 'pack', 'quick, book', 'undefined'],
  ],
  'link.notBoolean': [['link', 'restore_best', '1']],
  'link.noSettings': [
    ['link', 'data'],
    ['saved set-up', 'training'],
  ],
  'link.noSetup': [['link'], ['saved set-up']],
  'link.formatVersion': [['link', '7', 1]],
  'link.unknownPreset': [['link', '"x"']],
  'link.noModel': [['saved set-up']],
  'link.modelTooLong': [['link', 300000, 200000]],
};

/** The texts a value can produce: a string itself, or a function called with sample arguments. */
function texts(path: string, v: Value): string[] {
  if (typeof v === 'string') return [v];
  const f = v as (...a: unknown[]) => string;
  const calls = sampleArgs[path] ?? [
    Array(f.length).fill(1),
    Array(f.length).fill(0),
    Array(f.length).fill(2.5),
  ];
  return calls.map((args) => f(...args));
}

describe('string tables', () => {
  const views = Object.keys(tables.en) as (keyof typeof tables.en)[];

  it('have the same views, keys and parameter counts in both languages', () => {
    expect(Object.keys(tables.ko).sort()).toEqual([...views].sort());
    for (const view of views) {
      const en = leaves(tables.en[view] as Record<string, unknown>, view);
      const ko = new Map(leaves(tables.ko[view] as Record<string, unknown>, view));
      expect([...ko.keys()].sort(), view).toEqual(en.map(([k]) => k).sort());
      for (const [k, v] of en) {
        expect(typeof ko.get(k), k).toBe(typeof v);
        // (English engine texts take rest parameters, length 0: engine-messages.test.ts checks those.)
        if (typeof v === 'function' && v.length > 0)
          expect((ko.get(k) as () => string).length, k).toBe(v.length);
      }
    }
  });

  it('write every Korean text with Hangul, except the listed identifiers', () => {
    const missing: string[] = [];
    for (const view of views) {
      for (const [path, v] of leaves(tables.ko[view] as Record<string, unknown>, view)) {
        if (identifierKeys.some((id) => path === id || path.startsWith(`${id}.`))) continue;
        for (const t of texts(path, v)) if (!HANGUL.test(t) && t !== '—') missing.push(`${path}: ${t}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('list only identifiers that exist and really stay Latin', () => {
    const all = new Map(views.flatMap((view) => leaves(tables.ko[view] as Record<string, unknown>, view)));
    for (const id of identifierKeys) {
      const v = all.get(id);
      expect(v, id).toBeDefined();
      // An identifier's Korean text is its English text: nothing to translate there.
      const en = new Map(
        views.flatMap((view) => leaves(tables.en[view] as Record<string, unknown>, view)),
      ).get(id)!;
      expect(texts(id, v!), id).toEqual(texts(id, en));
    }
  });

  it('show the names the Korean tests and readers rely on', () => {
    const ko = tables.ko;
    expect([ko.app.tabModel, ko.app.tabData, ko.app.tabTrain, ko.app.tabCompare, ko.classify.tab]).toEqual([
      '모델',
      '데이터',
      '훈련',
      '비교',
      '분류',
    ]);
    expect([
      ko.train.train,
      ko.train.pause,
      ko.train.resume,
      ko.train.stop,
      ko.compare.compare,
      ko.classify.classify,
    ]).toEqual(['훈련', '일시 정지', '계속', '중지', '비교', '분류']);
    expect([
      ko.app.presetLabel,
      ko.data.packLabel,
      ko.train.epochsLabel,
      ko.train.learningRateLabel,
      ko.classify.reviewLabel,
      ko.app.languageLabel,
    ]).toEqual(['프리셋', '데이터 세트', '에포크', '학습률', '리뷰', '언어']);
    expect(ko.train.testAccuracy(0.8123)).toBe('테스트 정확도: 0.812');
    expect(ko.classify.verdict(0.8912)).toBe('긍정 — 확률 0.89');
    expect(ko.classify.verdict(0.0749)).toBe('부정 — 확률 0.07');
    expect(ko.common.seconds(125)).toBe('2분 5초');
    expect(tables.en.common.seconds(125)).toBe('2 min 5 s');
  });
});

describe('first-visit language', () => {
  it('takes the first entry starting with ko or en, English if none', () => {
    expect(detectLanguage(['ko-KR', 'en-US'])).toBe('ko');
    expect(detectLanguage(['ja-JP', 'ko', 'en'])).toBe('ko');
    expect(detectLanguage(['fr-FR', 'en-GB', 'ko-KR'])).toBe('en');
    expect(detectLanguage(['de-DE', 'ja'])).toBe('en');
    expect(detectLanguage([])).toBe('en');
    expect(detectLanguage(['kok-IN', 'KO_kr'])).toBe('ko'); // Konkani is not Korean; case and _ tolerated
  });
});
