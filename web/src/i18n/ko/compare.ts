// The Compare view (Korean). Same keys as en/compare.ts.
import type { compare as En } from '../en/compare';
import { groupThousands as n } from '../format';
import type { Translation } from '../translation';

export const compare: Translation<typeof En> = {
  colTrainedWith: '훈련 조건',
  packQuickShort: '작은 부분 집합',
  packBookShort: '책과 같은 분할',
  trainedWith: (pack: string, numWords: number, maxlen: number, opt: string, lr: number, batch: number, epochs: number, patience: number) =>
    `${pack}, num_words ${n(numWords)}, maxlen ${n(maxlen)}, ${opt} 학습률 ${lr}, 배치 ${n(batch)}, 에포크 최대 ${n(epochs)}번${patience > 0 ? `, 조기 종료 (patience ${patience})` : ''}`,
  compareHeading: '모델 비교',
  compareHelp: (conc: number) =>
    `프리셋은 저마다 자기 조건(num_words, maxlen, 옵티마이저, 학습률, 배치 크기, 조기 종료)으로, 데이터에서 고른 데이터 세트에서, 훈련에서 정한 에포크까지만 훈련합니다. 편집기의 모델은 이 설정대로 훈련합니다. 모델마다 자기 워커를 쓰며 한 번에 ${conc}개씩, 나머지는 대기열에서 기다립니다.`,
  compareModels: '비교할 모델',
  compareCurrent: '편집기의 모델',
  compare: '비교',
  cancelCompare: '비교 취소',
  compareNeedTwo: '모델을 하나 이상 고르세요.',
  colModel: '모델',
  colState: '상태',
  colSecondsPerEpoch: '에포크당 초',
  colBestValAcc: '최고 검증 정확도',
  colTestAcc: '테스트 정확도',
  compareProgress: (done: number, total: number) => `모델 ${total}개 중 ${done}개 끝남.`,
  compareTable: '비교 결과',
  jobQueued: '대기 중',
  jobLoading: '데이터를 불러오는 중',
  jobTraining: (e: number, total: number) => `에포크 ${e}/${total}`,
  jobDone: (reason: string) => reason,
  jobFailed: (msg: string) => `실패: ${msg}`,
  jobCancelled: '취소됨',
  compareValLoss: '에포크마다 검증 손실',
  compareValAcc: '에포크마다 검증 정확도',
  paramHeading: '모델 파라미터는 어디에 있을까',
  paramChartLabel: (nIn: number, u: number, totals: string) => `입력 n = ${nIn}, 뉴런 u = ${u}개인 순환층의 모델 파라미터: ${totals}`,
  paramTableLabel: '셀 종류별 순환층 가중치',
  paramChartExplain: (nIn: number, u: number) =>
    `특성 n = ${nIn}개를 읽는 뉴런 u = ${u}개의 순환층 하나. SimpleRNN은 가중치 한 벌(입력 가중치 n × u, 순환 가중치 u × u, 절편 u)을 가집니다. ` +
    `LSTM은 이런 벌을 넷(입력, 삭제, 후보, 출력: 4×), GRU는 셋(업데이트, 리셋, 후보: 3×) 가집니다. Keras의 GRU는 게이트마다 절편을 하나 더 둡니다 (reset_after).`,
  timesRecurrent: (k: number) => `순환 ${k}×`,
  weightPart: { kernel: '입력 가중치', recurrent: '순환 가중치', bias: '절편' },
  cellType: '셀',
  paramUnitsLabel: '뉴런 (u)',
  paramFeaturesLabel: '입력 특성 (n)',
};
