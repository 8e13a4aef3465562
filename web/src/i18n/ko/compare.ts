// The Compare view (Korean). Same keys as en/compare.ts.
import type { compare as En } from '../en/compare';
import { groupThousands as n } from '../format';
import type { Translation } from '../translation';

export const compare: Translation<typeof En> = {
  colTrainedWith: '훈련 조건',
  packQuickShort: '작은 부분 집합',
  packBookShort: '책과 같은 분할',
  packLongMemoryShort: '긴 기억',
  trainedWith: (pack, numWords, maxlen, opt, lr, batch, epochs, patience) =>
    `${pack}, num_words ${n(numWords)}, maxlen ${n(maxlen)}, ${opt} 학습률 ${lr}, 배치 ${n(batch)}, 에포크 최대 ${n(epochs)}번${patience > 0 ? `, 조기 종료 (patience ${patience})` : ''}`,
  compareHeading: '모델 비교',
  compareHelp: (conc) =>
    `프리셋은 저마다 자기 조건(num_words, maxlen, 옵티마이저, 학습률, 배치 크기, 조기 종료)으로, 데이터에서 고른 데이터 세트에서, 훈련에서 정한 에포크까지만 훈련합니다. 편집기의 모델은 이 설정대로 훈련합니다. 모델마다 자기 워커를 쓰며 한 번에 ${conc}개씩, 나머지는 대기열에서 기다립니다.`,
  compareModels: '비교할 모델',
  longMemoryIntro:
    '긴 기억: 시퀀스마다 레이블을 정하는 토큰(A 또는 B) 하나와 무작위 잡음 199개 타임스텝이 있습니다. 검증 세트와 테스트 세트에서는 이 토큰이 처음 40개 타임스텝 안에 있으므로, 모델은 적어도 160개 타임스텝의 잡음을 지나 마지막 타임스텝까지 이 토큰을 기억해야 판단할 수 있습니다. 검증 정확도를 보세요. 0.5는 찍는 수준입니다. SimpleRNN은 타임스텝을 거슬러 올라갈 때마다 tanh를 지나며 그레이디언트가 작아져서 앞쪽 토큰이 가중치를 거의 바꾸지 못하므로 0.5 근처에 머뭅니다. LSTM의 셀 상태와 GRU의 업데이트 게이트는 토큰을 거의 그대로 전달할 수 있어서 1.0 가까이 올라갑니다.',
  longMemoryOutcome: '테스트 세트(토큰이 처음 40개 타임스텝 안에 있음)의 결과:',
  longMemoryRow: (model, accuracy, verdict) =>
    `${model}: 테스트 정확도 ${accuracy.toFixed(3)} — ${verdict === 'remembered' ? '잡음을 지나서도 토큰을 기억했습니다' : verdict === 'chance' ? '찍는 수준(0.5) 근처입니다. 토큰을 그만큼 멀리 전달하지 못했습니다' : '일부만: 몇몇 시퀀스에서만 토큰을 전달했습니다'}.`,
  compareCurrent: '편집기의 모델',
  compare: '비교',
  cancelCompare: '비교 취소',
  compareNeedTwo: '모델을 하나 이상 고르세요.',
  colModel: '모델',
  colState: '상태',
  colSecondsPerEpoch: '에포크당 초',
  colBestValAcc: '최고 검증 정확도',
  colTestAcc: '테스트 정확도',
  compareProgress: (done, total) => `모델 ${total}개 중 ${done}개 끝남.`,
  compareTable: '비교 결과',
  byLengthHeading: '리뷰 길이별 테스트 정확도',
  byLengthNote: (count) =>
    `테스트 세트(리뷰 ${n(count)}개)에서 리뷰마다 패딩하거나 자르기 전의 토큰 개수(시작 토큰 포함)로 길이를 셉니다. maxlen보다 긴 리뷰는 앞부분이 잘리고, 잘리지 않은 긴 리뷰는 많은 타임스텝을 거쳐 전달되어야 합니다. 데이터 팩은 리뷰마다 토큰을 최대 500개까지 보관하므로, 토큰이 정확히 500개인 몇몇 리뷰는 더 긴 리뷰와 함께 셉니다.`,
  bucketColumn: (bucket) => `토큰 ${bucket}개`,
  bucketCount: (count) => `리뷰 ${n(count)}개`,
  jobQueued: '대기 중',
  jobLoading: '데이터를 불러오는 중',
  jobTraining: (e, total) => `에포크 ${e}/${total}`,
  jobDone: (reason) => reason,
  jobFailed: (msg) => `실패: ${msg}`,
  jobCancelled: '취소됨',
  compareValLoss: '에포크마다 검증 손실',
  compareValAcc: '에포크마다 검증 정확도',
  paramHeading: '모델 파라미터는 어디에 있을까',
  paramChartLabel: (nIn, u, totals) => `입력 n = ${nIn}, 뉴런 u = ${u}개인 순환층의 모델 파라미터: ${totals}`,
  paramTableLabel: '셀 종류별 순환층 가중치',
  paramChartExplain: (nIn, u) =>
    `특성 n = ${nIn}개를 읽는 뉴런 u = ${u}개의 순환층 하나. SimpleRNN은 가중치 한 벌(입력 가중치 n × u, 순환 가중치 u × u, 절편 u)을 가집니다. ` +
    `LSTM은 이런 벌을 넷(입력, 삭제, 후보, 출력: 4×), GRU는 셋(업데이트, 리셋, 후보: 3×) 가집니다. Keras의 GRU는 게이트마다 절편을 하나 더 둡니다 (reset_after).`,
  timesRecurrent: (k) => `순환 ${k}×`,
  weightPart: { kernel: '입력 가중치', recurrent: '순환 가중치', bias: '절편' },
  cellType: '셀',
  paramUnitsLabel: '뉴런 (u)',
  paramFeaturesLabel: '입력 특성 (n)',

  // 9장 전체 실행
  chapterHeading: '9장 전체',
  chapterHelp: (conc, keras) =>
    `9장의 모델 여섯 개를 책의 설정(RMSprop 1e-4, 배치 64, 최대 100 에포크, patience 3의 조기 종료와 최상의 가중치로 되돌리기, 시드 42)으로 ${keras}에서 훈련합니다. 한 번에 ${conc}개씩, 오래 걸리는 모델부터. Keras 버전은 훈련 탭에서 고릅니다.`,
  runChapter: '9장 전체 실행',
  chapterQuick: '작은 부분 집합으로 (빠른 미리 보기)',
  cancelChapter: '9장 실행 취소',
  chapterRunning: (done, total) => `9장: 모델 ${total}개 중 ${done}개 끝남…`,
  chapterDone: (models, secs) => `9장: 모델 ${models}개, ${secs}초`,
  chapterCancelled: '9장: 취소됨.',
  chapterTable: '9장 결과',
  chapterCaption: (quick, keras, k) =>
    `${quick ? '작은 부분 집합(리뷰 2,000 / 500 / 1,000개): 책의 데이터가 아닌 미리 보기' : '책의 분할(리뷰 20,000 / 5,000 / 25,000개)'}, ${keras}; 책에 실린 값: ${k === 3 ? '책의 2025년 노트북 (Keras 3)' : '책 코드의 2021년 실행 (TF 2.6)과 초판의 단어 500개 09-2 실행'}.`,
  chapterValLoss: '9장: 에포크마다 검증 손실',
  chapterValAcc: '9장: 에포크마다 검증 정확도',
  colEpochsRun: '실행한 에포크',
  colBestValLoss: '최저 검증 손실',
  colSeconds: '초',
  colStarted: '시작 (초)',
  colEnded: '끝 (초)',
  colPrinted: (k) => (k === 3 ? '책에 실린 값, 2025년 노트북' : '책에 실린 값, 2021년 실행'),
  colNotebookSeconds: '노트북 초',
  bestAt: (epoch) => `최고 ${epoch}`,
  printedCell: (epochs, lastOnly, valLoss, valAcc, test, words) =>
    `${epochs} 에포크; ${lastOnly ? '마지막' : '최고'} ${valLoss.toFixed(4)} / ${valAcc.toFixed(3)}${test ? `; 테스트 ${test.toFixed(4)}` : ''}${words ? ` (단어 ${words}개)` : ''}`,
  notebookSeconds: (s, words) => `${n(s)}초${words ? ` (단어 ${words}개)` : ''}`,
};
