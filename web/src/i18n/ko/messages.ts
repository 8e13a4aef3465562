// Messages from the page's own code (Korean). Same keys as en/messages.ts.
import type { messages as En } from '../en/messages';
import type { Translation } from '../translation';

const saved = { weights: '가중치', 'optimizer state': '옵티마이저 상태' };

export const messages: Translation<typeof En> = {
  downloadFailed: (file, why) => `${file}을 내려받지 못했습니다: ${why}. 연결을 확인하고 다시 불러오세요.`,
  downloadHttp: (file, status) =>
    `${file}을 내려받지 못했습니다 (HTTP ${status}). 사이트가 완전하지 않을 수 있습니다: npm run build로 다시 빌드하세요.`,
  dataDamaged: (file, why) =>
    `데이터 파일 ${file}이 손상되었습니다: ${why} 사이트를 다시 빌드하거나 다시 불러오세요.`,
  workerCrashed: (why) => `엔진 워커가 멈췄습니다: ${why}`,
  workerStopped: '엔진 워커를 중지했습니다.',
  engineTrapped: (why) => `엔진이 멈췄습니다: ${why}`,
  alreadyTraining: '이 워커에서 이미 훈련 중입니다. 먼저 중지하세요.',
  modelTraining: '이 모델은 지금 훈련 중입니다. 훈련이 끝나면 리뷰를 다시 분류합니다.',
  noTrainedModel: '아직 훈련한 모델이 없습니다. 먼저 모델을 훈련(훈련 탭)한 다음 분류하세요.',
  reviewTooLong: (chars, max) => `리뷰가 ${chars}자입니다. 최대 ${max}자까지 붙여 넣으세요.`,
  maxlenMismatch: (steps, maxlen) =>
    `모델은 타임스텝 ${steps}개의 시퀀스를 읽는데 maxlen은 ${maxlen}입니다. 둘을 같게 하세요 (데이터 화면, 또는 층 편집기의 입력 길이).`,
  numWordsTooLarge: (numWords, vocab, embedding) =>
    `num_words는 ${numWords}인데 모델은 서로 다른 토큰 번호를 ${vocab}개만 읽습니다. num_words를 낮추거나 ${embedding ? 'Embedding의 input_dim' : '원-핫 벡터 크기'}을(를) 키우세요.`,
  savedDoNotFit: (what, count, expected) =>
    `저장된 ${saved[what] ?? what}이(가) 이 모델에 맞지 않습니다: 수 ${count}개인데 ${expected}개가 필요합니다.`,
  savedNotFinite: (what, at) => `저장된 ${saved[what] ?? what}에 유한한 수가 아닌 값이 있습니다 (${at}번째).`,
  outputNotNumber:
    '이 모델의 출력이 수가 아닙니다: 훈련 중에 가중치가 발산했습니다. 학습률을 낮춰 다시 훈련하세요.',
  downloadWhileTraining: '이 모델은 훈련 중입니다. 훈련이 끝나면 내려받으세요.',
  noModelToDownload: '아직 훈련한 모델이 없습니다. 모델을 훈련하거나 기록을 여세요.',
  otherPackTraining: '다른 데이터 세트로 모델을 훈련하는 중입니다. 훈련이 끝나면 데이터를 내려받으세요.',
  workerTraining: '이 워커는 훈련 중입니다. 먼저 훈련을 중지하세요.',
};
