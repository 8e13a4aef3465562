// The Data view (Korean). Same keys as en/data.ts.
import { groupThousands as n } from '../format';
import type { data as En } from '../en/data';
import type { Translation } from '../translation';

export const data: Translation<typeof En> = {
  dataHeading: '데이터',
  packLabel: '데이터 세트',
  packQuick: '작은 부분 집합 (빠름, 기본값)',
  packBook: '책과 같은 분할 (20,000 / 5,000 / 25,000)',
  packLongMemory: '긴 기억 (합성 데이터, 타임스텝 200개)',
  numWordsLabel: 'num_words (어휘 사전 크기)',
  maxlenLabel: 'maxlen (리뷰마다 남길 토큰 수)',
  dataLoading: (loaded, total) =>
    `데이터를 불러오는 중… ${total ? `${(total / 1e6).toFixed(1)} MB 중 ` : ''}${(loaded / 1e6).toFixed(1)} MB`,
  dataFailed: (msg) =>
    `데이터를 불러오지 못했습니다: ${msg} 데이터 파일이 빌드되었는지(npm run build) 확인하고 다시 시도하세요.`,
  dataCounts: (train, val, test) =>
    `훈련 세트 ${n(train)}개, 검증 세트 ${n(val)}개, 테스트 세트 ${n(test)}개의 리뷰.`,
  lengthHeading: '리뷰 길이 (훈련 세트)',
  lengthStats: (mean, median, maxlen, cut) =>
    `평균 ${mean.toFixed(1)} 토큰, 중간값 ${median}. maxlen ${maxlen}은 마지막 ${maxlen}개 토큰만 남깁니다: 리뷰의 ${cut.toFixed(0)}%는 더 길어서 앞부분이 잘리고, 더 짧은 리뷰는 앞에 0으로 패딩됩니다.`,
  histogramLabel: (bins, maxlen) => `리뷰 길이의 히스토그램 (구간 ${bins}개), maxlen ${maxlen} 토큰에서 자름`,
  maxlenMark: (m) => `maxlen ${m}`,
  samplesHeading: '인코딩된 리뷰',
  sampleLabel: (label) => (label === 1 ? '긍정' : '부정'),
  sampleIds: '번호',
  sampleWords: '단어로 되돌림',
  samplesNote: '번호: 0 패딩(보이지 않음), 1 시작, 2 어휘 사전에 없는 단어(num_words 밖), 4부터 빈도순 단어.',
  sampleTokens: '토큰',
  longMemoryAbout:
    '긴 기억 데이터는 리뷰가 아닙니다. 시퀀스마다 타임스텝이 200개이고, 그중 한 곳에 A(레이블 1)나 B(레이블 0)가 있으며 나머지 타임스텝에는 잡음 토큰 30개(n1 … n30) 중 하나가 무작위로 놓입니다. 검증 세트와 테스트 세트에서는 A나 B가 처음 40개 타임스텝 안에 있으므로, 레이블을 맞히려면 적어도 160개 타임스텝의 잡음을 지나는 동안 기억해야 합니다. 훈련 세트에서는 어디에나 있을 수 있습니다. 데이터는 고정된 시드로 만들어 누구에게나 같습니다.',
  longMemorySamplesNote:
    '번호: 3은 A(레이블 1), 4는 B(레이블 0), 5부터 34는 잡음 토큰 n1부터 n30입니다. 패딩, 시작, 어휘 사전에 없는 단어의 번호는 없습니다.',
  wordIndexFailed: (msg) => `단어 목록을 불러오지 못했습니다 (${msg}). 리뷰를 번호로만 보여 줍니다.`,
};
