// The language a journey runs in (the Playwright project: 'en' or 'ko', see playwright.config.ts)
// and the names it finds things by. The names issue 15 fixes are spelled out here, independently
// of the page's tables; longer texts come from the tables (tests/js/i18n.test.ts checks those).
import { readFileSync } from 'node:fs';
import { test } from '@playwright/test';
import * as en from './tables-en';
import * as ko from './tables-ko';

// Playwright's loader does not import JSON modules, so the English preset texts (kept in
// presets.json, which en/presets.ts imports) are read from the file here.
const presetFile = JSON.parse(
  readFileSync(new URL('../../../web/src/presets/presets.json', import.meta.url), 'utf8'),
) as { id: string; title: string; source: string; summary_only: string | null }[];
type PresetText = 'title' | 'source' | 'summary_only';
/** id → text, for the presets that have that text. */
const byId = (key: PresetText) =>
  Object.fromEntries(presetFile.filter((p) => p[key] !== null).map((p) => [p.id, p[key]])) as Record<
    string,
    string
  >;
const tables = {
  en: {
    ...en,
    presets: {
      title: byId('title'),
      source: byId('source'),
      summaryOnly: byId('summary_only'),
    },
  },
  ko,
};

export type Lang = 'en' | 'ko';

const FIXED = {
  en: {
    tabs: ['Model', 'Data', 'Train', 'Compare', 'Classify', 'Runs'],
    model: 'Model',
    data: 'Data',
    trainTab: 'Train',
    compareTab: 'Compare',
    classifyTab: 'Classify',
    train: 'Train',
    pause: 'Pause',
    resume: 'Resume',
    stop: 'Stop',
    compare: 'Compare',
    classify: 'Classify',
    preset: 'Preset',
    dataSet: 'Data set',
    epochs: 'Epochs',
    learningRate: 'Learning rate',
    review: 'Review',
    testAccuracy: /^Test accuracy: [01]\.\d{3}$/,
    verdict: /^(Positive|Negative) — probability (0\.\d\d|1\.00)$/,
    positive: 'Positive',
    negative: 'Negative',
  },
  ko: {
    tabs: ['모델', '데이터', '훈련', '비교', '분류', '훈련 기록'],
    model: '모델',
    data: '데이터',
    trainTab: '훈련',
    compareTab: '비교',
    classifyTab: '분류',
    train: '훈련',
    pause: '일시 정지',
    resume: '계속',
    stop: '중지',
    compare: '비교',
    classify: '분류',
    preset: '프리셋',
    dataSet: '데이터 세트',
    epochs: '에포크',
    learningRate: '학습률',
    review: '리뷰',
    testAccuracy: /^테스트 정확도: [01]\.\d{3}$/,
    verdict: /^(긍정|부정) — 확률 (0\.\d\d|1\.00)$/,
    positive: '긍정',
    negative: '부정',
  },
};

export function lang(): Lang {
  return test.info().project.name === 'ko' ? 'ko' : 'en';
}

/** The browser locale a language's page is opened in (for specs that set the locale themselves). */
export const LOCALE = { en: 'en-US', ko: 'ko-KR' } as const;

/** A describe block whose pages open in a Korean browser (for the specs that run in the 'en' project only). */
export function describeInKorean(title: string, body: () => void) {
  test.describe(title, () => {
    test.use({ locale: LOCALE.ko });
    body();
  });
}

/** The fixed names of a language. */
export function namesOf(l: Lang) {
  return FIXED[l];
}

/** The fixed names of the current language. */
export function names() {
  return FIXED[lang()];
}

/** The page's string tables in the current language. */
export function texts() {
  return tables[lang()];
}

/** A RegExp matching a text literally. */
export function literal(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}
