// The Classify view (Korean). Same keys as en/classify.ts. Review text and tokens are never
// translated: the model reads English reviews.
import { groupThousands as n } from '../format';
import type { classify as En } from '../en/classify';
import type { Translation } from '../translation';
import { EQUATIONS, byCellKind } from '../equations';

export const classify: Translation<typeof En> = {
  tab: '분류',
  trainedHere: (title) => `${title} (훈련 탭)`,
  trainedInCompare: (title) => `${title} (비교)`,
  heading: '리뷰 분류하기',
  intro:
    '영화 리뷰를 입력하거나 붙여 넣으세요. 훈련한 모델이 단어를 하나씩 읽습니다. 아래에 모델의 판정, 모델이 본 토큰, ' +
    '읽는 동안 판단이 어떻게 바뀌었는지, 순환층 안에서 무슨 일이 일어났는지가 나옵니다.',
  reviewLabel: '리뷰',
  reviewPlaceholder: '영어로 리뷰를 입력하세요. 예: “A wonderful film, the best I have seen this year.”',
  classify: '분류',
  examplesLabel: '예시',
  reviewHelp:
    '입력하는 대로 분류합니다. 훈련 데이터와 같은 토큰화: 글자, 숫자, 아포스트로피로 된 소문자 단어.',
  mapsScrollLabel: (words) => `단어 ${n(words)}개의 히트맵: 옆으로 스크롤하면 모두 볼 수 있습니다`,
  syntheticNote:
    '이 모델은 리뷰가 아니라 긴 기억의 합성 토큰을 배웠습니다. 아는 것은 번호 3(A, 레이블 1), 4(B, 레이블 0), 5부터 34(잡음)뿐입니다. 입력한 리뷰는 다른 모델처럼 IMDB 단어 목록으로 번호가 되고, 35 이상의 번호는 모두 2(어휘 사전에 없는 단어)가 됩니다. 그래서 가장 흔한 몇몇 단어는 같은 번호의 토큰으로 읽히고(“the”는 번호 4, 즉 B로 배운 토큰), 나머지는 본 적 없는 번호로 읽힙니다. 이 판정은 리뷰에 대해 아무것도 말해 주지 않습니다. 기억하는 모습을 보려면 흔한 단어들을 입력하고 히트맵을 보세요.',
  verdict: (p) => `${p >= 0.5 ? '긍정' : '부정'} — 확률 ${p.toFixed(2)}`,
  verdictExplain: '긍정 리뷰일 확률 (출력층의 시그모이드 출력). 0.5 이상이면 긍정으로 읽습니다.',
  noModels:
    '아직 훈련한 모델이 없습니다. 훈련 탭에서 모델을 훈련하거나 (비교 탭에서 여러 개를) 훈련한 다음, 여기로 돌아와 리뷰를 분류하세요.',
  emptyReview: '위에 리뷰를 입력하거나 붙여 넣거나 예시를 골라 분류하세요.',
  working: '리뷰를 읽는 중…',
  noWords:
    '단어가 없습니다. 구두점, 기호, 이모지는 이 모델에게 단어가 아닙니다 (글자, 숫자, 아포스트로피가 이어진 것만 읽습니다). 영어 단어를 몇 개 입력하세요.',
  failed: (msg) => `분류하지 못했습니다: ${msg}`,
  oneWord: '단어가 하나뿐입니다. 판정은 그 단어 하나에만 달려 있습니다 (시작 토큰 다음에 읽음).',
  allOov: (count) =>
    `단어 ${n(count)}개가 모두 어휘 사전에 없는 단어(번호 2)입니다. 모델은 타임스텝마다 같은 “모르는 단어”를 보므로 구별하지 못합니다. ` +
    '모델은 영어 영화 리뷰로 배웠습니다. 영어로 써 보세요.',
  someOov: (oov, words, numWordsHint) =>
    `단어 ${n(words)}개 중 ${n(oov)}개가 어휘 사전에 없는 단어입니다 (표시됨, 번호 2)${numWordsHint ? '. num_words를 키우면 더 많은 단어가 남습니다' : ''}.`,
  cut: (total, kept, cut) =>
    `이 리뷰는 시작 토큰을 포함해 토큰 ${n(total)}개입니다. maxlen은 마지막 ${n(kept)}개만 남기므로 (Keras의 'pre' 자르기) ` +
    `앞쪽 토큰 ${n(cut)}개(흐리게 표시)는 신경망에 전달되지 않습니다.`,
  tokensHeading: '토큰',
  tokensLabel: '리뷰의 토큰과 번호',
  tokensLegend:
    '토큰마다 번호가 붙어 있습니다. 어휘 사전에 없는 단어(번호 2): 점선 테두리와 “oov” 표시. 흐리게 줄이 그어진 토큰: maxlen으로 잘림. 패딩(번호 0)은 보이지 않습니다.',
  oovMark: 'oov',
  cutMark: '잘림',
  tokenTitle: (text, id, oov, cut) =>
    `${text}: 번호 ${id}${oov ? ', 어휘 사전에 없는 단어' : ''}${cut ? ', maxlen으로 잘림 (읽지 않음)' : ''}`,
  omittedCut: (count) => `… 앞쪽 토큰 ${n(count)}개는 maxlen으로 잘림`,
  chartHeading: '단어마다 예측',
  chartNote:
    '리뷰를 한 번 정방향으로 계산합니다. 단어마다 은닉 상태 h_t에 출력층을 적용합니다. ' +
    '앞부분만 떼어 따로 분류하는 것과는 다릅니다. 그렇게 하면 앞에 0이 더 많이 패딩되고 다른 상태에서 시작하기 때문입니다.',
  chartLabel: (points) => `남은 토큰마다 긍정 확률: 점 ${n(points)}개`,
  chartX: '토큰',
  chartY: 'P(긍정)',
  chartSeries: 'P(긍정)',
  mapsHeading: '신경망의 속',
  layerPicker: '들여다볼 순환층',
  layerOption: (i, kind, name) => `${i + 1}. ${kind} ‘${name}’`,
  mapsNote: byCellKind({
    SimpleRNN: `SimpleRNN: 단어마다 은닉 상태 ${EQUATIONS.simpleRnnState}.`,
    LSTM: `LSTM: 입력 게이트, 삭제 게이트, 출력 게이트 (0 = 닫힘, 1 = 열림), 기억을 나르는 셀 상태 c_t, 그리고 은닉 상태 ${EQUATIONS.lstmState}.`,
    GRU: `GRU: 업데이트 게이트 z (1 = 이전 상태 유지)와 리셋 게이트 r, 그리고 은닉 상태 ${EQUATIONS.gruState}.`,
  }),
  mapHelp:
    '행은 뉴런, 열은 남은 토큰입니다. 칸 위에 마우스를 올리거나, 지도에 포커스를 두고 화살표 키로 움직여 값을 읽으세요.',
  mapTitle: {
    input: '입력 게이트 i',
    forget: '삭제 게이트 f',
    output: '출력 게이트 o',
    update: '업데이트 게이트 z',
    reset: '리셋 게이트 r',
    cell: '셀 상태 c',
    hidden: '은닉 상태 h',
  },
  mapLabel: (title, units, steps) =>
    `${title}: 뉴런 ${n(units)}개 × 토큰 ${n(steps)}개의 히트맵. 화살표 키로 칸을 옮깁니다.`,
  cellReadout: (word, step, unit, value) =>
    `‘${word}’ (토큰 ${step + 1}), 뉴런 ${unit + 1}: ${value.toFixed(3)}`,
  mapIdle: '칸 위에 마우스를 올리거나 포커스를 두면 값이 보입니다.',
  scaleLabel: (lo, hi) => `색 범위 ${lo.toFixed(2)} ~ ${hi.toFixed(2)}`,
  examples: {
    positive: '분명한 긍정',
    negative: '분명한 부정',
    mixed: '긍정과 부정이 섞임',
    negation: '부정어가 있음',
  },
};
