// The Train view (Korean). Same keys as en/train.ts. Series names (loss, val_loss, accuracy,
// val_accuracy) are the keys of Keras' history and stay as Keras prints them.
import { groupThousands as n } from '../format';
import type { train as En } from '../en/train';
import type { Translation } from '../translation';
import { common } from './common';

const formatSeconds = common.seconds;

export const train: Translation<typeof En> = {
  trainHeading: '훈련',
  optimizerLabel: '옵티마이저',
  learningRateLabel: '학습률',
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
  progressText: (epoch: number, epochs: number, batch: number, batches: number, eta: number, sps: number) =>
    `에포크 ${epoch}/${epochs} · 배치 ${batch}/${batches} · 남은 시간 ${formatSeconds(eta)} · 초당 샘플 ${n(Math.round(sps))}개`,
  statusIdle: '아직 훈련하지 않았습니다.',
  statusLoadingData: '데이터를 불러오는 중…',
  statusTraining: (epoch: number, epochs: number) => `훈련 중: 에포크 ${epoch}/${epochs}…`,
  statusPaused: '일시 정지했습니다.',
  statusStopping: '이 배치가 끝나면 중지합니다…',
  testAccuracy: (acc: number) => `테스트 정확도: ${acc.toFixed(3)}`,
  trainFailed: (msg: string) => `훈련하지 못했습니다: ${msg}`,
  resultLine: (reason: string, epochs: number, best: number, loss: number, secs: number) =>
    `${reason}: 에포크 ${epochs}번 (${formatSeconds(secs)}), 최상의 에포크 ${best}, 테스트 손실 ${loss.toFixed(4)}.`,
  batchLossChart: '배치마다 손실',
  epochLossChart: '에포크마다 손실',
  epochAccChart: '에포크마다 정확도',
  xBatch: '에포크 (배치)',
  sLoss: 'loss',
  sValLoss: 'val_loss',
  sAcc: 'accuracy',
  sValAcc: 'val_accuracy',
  sBook: (what: string) => `책의 ${what}`,
  bookCurveLabel: '책에 실린 곡선',
  bookCurveNone: '없음',
  bookSource: (s: string) => BOOK_SOURCES[s] ?? s,
  bookCurveNote: (src: string, quick: boolean) =>
    `점선: ${src}에 실린 같은 모델의 곡선입니다 (전체 데이터, 그쪽의 num_words와 배치 크기. ${quick ? '작은 부분 집합으로 훈련한 여러분의 결과와는 다릅니다' : '여러분의 모델은 같은 크기의 분할로 자신의 무작위 초깃값에서 훈련합니다'}).`,
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
