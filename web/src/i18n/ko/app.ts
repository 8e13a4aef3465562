// The page frame (Korean). Same keys as en/app.ts; words from docs/glossary-ko.md.
import type { app as En } from '../en/app';
import type { Translation } from '../translation';

export const app: Translation<typeof En> = {
  updateRegion: '새 버전',
  updateReady:
    'RNN Playground의 새 버전이 준비되었습니다. 새로 고치면 적용됩니다: 설정은 링크에 있어 그대로 남지만 훈련한 모델은 사라집니다.',
  updateWhileTraining: 'RNN Playground의 새 버전이 준비되었습니다. 훈련이 끝나면 불러올 수 있습니다.',
  updateApply: '새 버전으로 새로 고침',
  updateLater: '나중에',
  buildLabel: (label) => `버전 ${label}. 한 번 방문한 뒤에는 오프라인에서도 동작합니다.`,
  appTitle: 'RNN 플레이그라운드',
  tagline: '순환 신경망을 만들고, 이 탭 안에서 IMDB 리뷰로 훈련하고, 그 속을 들여다보세요.',
  engineLoading: '엔진을 시작하는 중…',
  engineReady: (simd) => `엔진 준비 완료 (WebAssembly${simd ? ', SIMD 사용' : ''}).`,
  engineFailed: (msg) => `엔진을 시작하지 못했습니다: ${msg}`,
  engineRestarted: (msg) =>
    `엔진 워커가 멈췄습니다 (${msg}). 새 워커를 시작했습니다. 설정은 그대로이니 준비되면 다시 훈련하세요.`,
  presetLabel: '프리셋',
  customPreset: '직접 만든 모델',
  summaryOnly: '요약만',
  summaryOnlyNote: (why) => `요약만 볼 수 있습니다: ${why}`,
  source: (s) => `출처: ${s}`,
  languageLabel: '언어',
  sectionsLabel: '화면',
  tabModel: '모델',
  tabData: '데이터',
  tabTrain: '훈련',
  tabCompare: '비교',
  linkLabel: '이 설정의 링크',
  copyLink: '링크 복사',
  linkCopied: '링크를 복사했습니다.',
  badLink: (msg) => `이 링크를 열 수 없습니다: ${msg} 대신 기본 설정을 보여 줍니다.`,
  summaryOnlyCannotTrain: (why) => `이 프리셋은 요약을 보기 위한 것입니다: ${why}`,
};
