// The Train view (Korean). Same keys as en/train.ts. Series names (loss, val_loss, accuracy,
// val_accuracy) are the keys of Keras' history and stay as Keras prints them.
import { fixed, groupThousands as n } from '../format';
import type { train as En } from '../en/train';
import type { Translation } from '../translation';
import { common } from './common';

const formatSeconds = common.seconds;

export const train: Translation<typeof En> = {
  chanceLevel: (epochs) =>
    `검증 정확도가 에포크 ${epochs}번 동안 우연 수준(0.50 ± 0.02)에 머물렀습니다: 모델이 배우지 못하고 찍고 있습니다.`,
  tryLowerRate: (optimizer, lr, suggested) =>
    `${optimizer}에 학습률 ${lr}은(는) 너무 큽니다: 한 걸음마다 지나쳐 버립니다. ${suggested}(${optimizer}의 기본값)을(를) 써 보세요.`,
  tryHigherRate: (optimizer, lr, suggested) =>
    `${optimizer}의 학습률 ${lr}에서는 가중치가 천천히 바뀝니다: 에포크를 늘리거나 ${suggested}(${optimizer}의 기본값)을(를) 써 보세요.`,
  tryOther: (optimizer, suggested) =>
    `에포크를 늘리거나, ${optimizer}의 기본 학습률 ${suggested}을(를) 쓰거나, 더 작은 모델을 써 보세요.`,
  bookCurveSame: (src, title) =>
    `점선: ${src}에 실린 ${title}의 곡선입니다. 모델, 데이터, 옵티마이저, 학습률, 배치 크기가 여러분과 같습니다. 여러분의 모델은 자신의 무작위 초깃값에서 시작하므로 숫자가 아니라 모양이 같을 것입니다.`,
  bookCurveDiffers: (src, title, diffs) =>
    `점선: ${src}에 실린 ${title}의 곡선입니다. 여러분의 훈련과 같은 조건이 아닙니다: ${diffs}.`,
  bookDiffModel: '모델이 프리셋과 다릅니다 (직접 만든 모델)',
  bookDiffPack: `작은 부분 집합으로 훈련합니다 (훈련 리뷰 ${n(2000)}개와 검증 리뷰 500개, 책은 ${n(20000)}개와 ${n(5000)}개): 샘플이 10분의 1이라 일반화가 덜 되므로 검증 정확도가 책보다 0.0몇 정도 낮게 나옵니다 (같은 조건으로 비교하려면 데이터에서 책과 같은 분할을 고르세요)`,
  bookDiffNumWords: (mine, book) => `num_words가 ${n(book)}이 아니라 ${n(mine)}입니다`,
  bookDiffMaxlen: (mine, book) => `maxlen이 ${n(book)}이 아니라 ${n(mine)}입니다`,
  bookDiffOptimizer: (mine, book) => `옵티마이저가 ${book}이 아니라 ${mine}입니다`,
  bookDiffRate: (mine, book) => `학습률이 ${book}이 아니라 ${mine}입니다`,
  bookDiffBatch: (mine, book) => `배치 크기가 ${n(book)}이 아니라 ${n(mine)}입니다`,
  trainHeading: '훈련',
  optimizerLabel: '옵티마이저',
  learningRateLabel: '학습률',
  clipnormLabel: '그레이디언트 클리핑, clipnorm (0 = 사용 안 함)',
  batchSizeLabel: '배치 크기',
  epochsLabel: '에포크',
  patienceLabel: '조기 종료 patience (0 = 끔)',
  restoreBestLabel: '최상의 가중치로 되돌리기',
  seedLabel: '시드',
  kerasVersionLabel: 'Keras 버전',
  kerasVersion: { 3: 'Keras 3', 2: 'tf.keras 2 (TF 2.6–2.10)' },
  train: '훈련',
  pause: '일시 정지',
  resume: '계속',
  stop: '중지',
  progressLabel: '훈련 진행',
  progressText: (epoch, epochs, batch, batches, eta, sps) =>
    `에포크 ${epoch}/${epochs} · 배치 ${batch}/${batches} · 남은 시간 ${formatSeconds(eta)} · 초당 샘플 ${sps === null ? '—' : n(Math.round(sps))}개`,
  statusIdle: '아직 훈련하지 않았습니다.',
  statusLoadingData: '데이터를 불러오는 중…',
  statusTraining: (epoch, epochs) => `훈련 중: 에포크 ${epoch}/${epochs}…`,
  statusPaused: '일시 정지했습니다.',
  statusStopping: '이 배치가 끝나면 중지합니다…',
  testAccuracy: (acc) => `테스트 정확도: ${fixed(acc, 3)}`,
  trainFailed: (msg) => `훈련하지 못했습니다: ${msg}`,
  resultLine: (reason, epochs, best, loss, secs) =>
    `${reason}: 에포크 ${epochs}번 (${formatSeconds(secs)}), 최상의 에포크 ${best}, 테스트 손실 ${fixed(loss, 4)}.`,
  batchLossChart: '배치마다 손실',
  epochLossChart: '에포크마다 손실',
  epochAccChart: '에포크마다 정확도',
  xBatch: '에포크 (배치)',
  sLoss: 'loss',
  sValLoss: 'val_loss',
  sAcc: 'accuracy',
  sValAcc: 'val_accuracy',
  sBook: (what) => `책의 ${what}`,
  bookCurveLabel: '책에 실린 곡선',
  bookCurveNone: '없음',
  bookSource: (s) => BOOK_SOURCES[s] ?? s,
  noBookCurve: '출처에 이 프리셋의 에포크별 곡선이 실려 있지 않습니다.',
  historyHeading: '훈련 기록표',
  colEpoch: '에포크',
  colSeconds: '초',
};

const BOOK_SOURCES: Record<string, string> = {
  'book-2025-keras3': '책의 현재 노트북 (Keras 3, 2025)',
  'blog-2021-tf2.6': '책의 코드를 실행한 2021년 블로그 (TensorFlow 2.6)',
  'blog-2022-keras': '2022년 블로그 글 (Keras)',
};
