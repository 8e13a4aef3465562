// The presets' titles, sources and "summary only" reasons (Korean). Same keys as en/presets.ts
// (the preset ids; tests/js/i18n.test.ts checks them). Layer names stay as Keras spells them.
import type { presets as En } from '../en/presets';
import type { Translation } from '../translation';

export const presets: Translation<typeof En> = {
  title: {
    'onehot-simplernn-500': '09-2 원-핫 인코딩 SimpleRNN (단어 500개)',
    'onehot-simplernn-200': '09-2 원-핫 인코딩 SimpleRNN (단어 200개, 현재 노트북)',
    'embedding-simplernn-500': '09-2 단어 임베딩 SimpleRNN (단어 500개)',
    'embedding-simplernn-200': '09-2 단어 임베딩 SimpleRNN (단어 200개, 현재 노트북)',
    lstm: '09-3 LSTM(8)',
    'lstm-dropout': '09-3 드롭아웃 0.3을 적용한 LSTM(8)',
    'lstm-2layer': '09-3 드롭아웃 0.3을 적용한 2개 층의 LSTM(8)',
    gru: '09-3 GRU(8)',
    'blog-simplernn': '블로그: SimpleRNN(32), 단어 10,000개, 길이 500',
    'blog-simplernn-4': '블로그: 4개 층의 SimpleRNN(32)',
    'blog-lstm': '블로그: 2차원 단어 임베딩의 LSTM(32)',
    'reuters-gru': '블로그: 로이터 GRU 모델 (토픽 46개)',
    'long-memory-simplernn': '긴 기억: 원-핫 인코딩 SimpleRNN(8), 타임스텝 200개',
    'long-memory-lstm': '긴 기억: 원-핫 인코딩 LSTM(8), 타임스텝 200개',
    'long-memory-gru': '긴 기억: 원-핫 인코딩 GRU(8), 타임스텝 200개',
  },
  source: {
    'onehot-simplernn-500': '혼자 공부하는 머신러닝+딥러닝 09-2',
    'onehot-simplernn-200': '혼자 공부하는 머신러닝+딥러닝 09-2 (2024년 노트북)',
    'embedding-simplernn-500': '혼자 공부하는 머신러닝+딥러닝 09-2',
    'embedding-simplernn-200': '혼자 공부하는 머신러닝+딥러닝 09-2 (2024년 노트북)',
    lstm: '혼자 공부하는 머신러닝+딥러닝 09-3',
    'lstm-dropout': '혼자 공부하는 머신러닝+딥러닝 09-3',
    'lstm-2layer': '혼자 공부하는 머신러닝+딥러닝 09-3',
    gru: '혼자 공부하는 머신러닝+딥러닝 09-3',
    'blog-simplernn': '9장을 정리한 블로그 글',
    'blog-simplernn-4': '9장을 정리한 블로그 글',
    'blog-lstm': '9장을 정리한 블로그 글',
    'reuters-gru': '9장을 정리한 블로그 글',
    'long-memory-simplernn': '이 사이트의 긴 기억 실험 (docs/long-memory.md)',
    'long-memory-lstm': '이 사이트의 긴 기억 실험 (docs/long-memory.md)',
    'long-memory-gru': '이 사이트의 긴 기억 실험 (docs/long-memory.md)',
  },
  summaryOnly: {
    'blog-simplernn-4':
      '마지막 층이 Dense 출력층 없는 SimpleRNN이라 분류할 수 없습니다. 블로그도 요약만 보여 줍니다. 훈련하려면 Dense(1, sigmoid) 층을 추가하세요.',
    'reuters-gru': '로이터 뉴스를 토픽 46개로 분류하는 모델인데, 여기에는 IMDB 리뷰 데이터만 있습니다.',
  },
};
