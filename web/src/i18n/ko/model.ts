// The Model view (Korean). Same keys as en/model.ts. The Keras summary table (Layer (type),
// Output Shape, Param #, Total params) stays in Keras' own words: readers hold it against Keras.
import { groupThousands as n } from '../format';
import type { model as En } from '../en/model';
import type { Translation } from '../translation';

export const model: Translation<typeof En> = {
  lockedWhileTraining: '모델을 훈련하는 동안에는 잠겨 있습니다: 훈련 중인 모델이 여기 보이는 모델입니다.',
  editorHeading: '층',
  inputLengthLabel: '입력 길이 (타임스텝 = maxlen)',
  oneHotLabel: '원-핫 벡터 크기 (타임스텝마다 특성 수)',
  inputNote: (oneHot) =>
    oneHot
      ? '입력: 토큰마다 원-핫 벡터 (타임스텝 × 어휘 사전 크기). 09-2에서 단어 임베딩을 쓰기 전과 같습니다.'
      : '입력: 타임스텝마다 토큰 번호 하나.',
  layerLegend: (i, kind, name) => `${i}. ${kind} ‘${name}’`,
  outputShape: (s) => `출력 크기: ${s}`,
  outputShapeUnknown: '출력 크기: — (모델을 고치면 보입니다)',
  moveUp: (name) => `${name} 층을 위로 이동`,
  moveDown: (name) => `${name} 층을 아래로 이동`,
  remove: (name) => `${name} 층 삭제`,
  addLayerKind: '새 층의 종류',
  addLayer: '층 추가',
  addLayerHelp: '새 층은 맨 끝에 추가됩니다. 화살표 버튼으로 옮기세요.',
  unsupportedLayer: (kind) => `${kind}은(는) 이 편집기가 모르는 층입니다. 아래 JSON에서 고치세요.`,
  noLayerList: '편집기는 층 목록이 있는 Sequential 모델이 필요합니다. 아래 JSON에서 고치세요.',
  option: (layer, key) => `${layer} ${key}`,
  optionHelp: {
    units: 'units (뉴런 개수)',
    input_dim: 'input_dim (어휘 사전 크기)',
    output_dim: 'output_dim (임베딩 벡터 크기)',
    activation: 'activation (활성화 함수)',
    recurrent_activation: 'recurrent_activation (게이트의 활성화 함수)',
    return_sequences: 'return_sequences (모든 타임스텝의 출력을 다음 층으로)',
    dropout: 'dropout (입력 드롭아웃)',
    recurrent_dropout: 'recurrent_dropout (은닉 상태 드롭아웃)',
    reset_after: 'reset_after (Keras 기본값)',
    use_bias: 'use_bias (절편 사용)',
    rate: 'rate (드롭아웃 비율)',
  },
  modelJsonLabel: '모델 JSON',
  modelJsonHelp:
    '모델을 고치거나 Keras의 model.to_json() 출력(Keras 2 또는 3)이나 TF.js model.json을 붙여 넣으세요. 층 편집기가 따라 바뀝니다.',
  summaryHeading: '요약',
  colLayer: 'Layer (type)',
  colShape: 'Output Shape',
  colParams: 'Param #',
  colFormula: '계산식',
  showFormulas: '계산식 보기',
  totalParams: (v) => `Total params: ${v}`,
  trainableParams: (v) => `Trainable params: ${v}`,
  nonTrainableParams: (v) => `Non-trainable params: ${v}`,
  invalidModel: '이 모델은 올바르지 않습니다:',
  gruQuestion: (name, actual, plain) =>
    `GRU ‘${name}’의 모델 파라미터는 왜 ${n(plain)}개가 아니라 ${n(actual)}개일까요?`,
  gruAnswer: (u, nIn, actual, plain) =>
    `교과서의 식 3 × u × (n + u + 1) = 3 × ${u} × (${nIn} + ${u} + 1) = ${n(plain)}은 게이트마다 절편을 하나씩 셉니다. ` +
    `Keras의 GRU는 기본값이 reset_after=True여서 리셋 게이트를 순환 가중치 곱 다음에 적용하고, 게이트마다 ` +
    `순환 절편을 하나 더 둡니다: 3 × u × (n + u + 2) = ${n(actual)}, 즉 3 × ${u} = ${3 * u}개가 더 많습니다. ` +
    `reset_after를 끄면 ${n(plain)}개가 됩니다.`,
  tfjsNote: {
    gru_reset_after: (layer) =>
      `TF.js는 이 모델을 불러올 수 없습니다: ‘${layer}’ GRU 층이 reset_after=True(Keras의 기본값)를 쓰는데, TF.js의 GRU는 이 설정을 지원하지 않습니다. TF.js에서 쓰려면 reset_after를 false로 바꾸세요. 저장한 파일은 Keras에서 그대로 읽을 수 있습니다.`,
    keras3_hard_sigmoid: (layer) =>
      `‘${layer}’ 층은 Keras 3의 hard_sigmoid(x/6 + 0.5)를 씁니다. TF.js는 Keras 2의 식(0.2x + 0.5)으로 계산하므로 TF.js의 예측은 달라집니다. TF.js와 같은 모델을 쓰려면 sigmoid를 쓰세요.`,
  },
  gruAnswerPlain: (u, nIn, plain) =>
    `reset_after를 끄면: 3 × u × (n + u + 1) = 3 × ${u} × (${nIn} + ${u} + 1) = ${n(plain)}, 교과서의 개수입니다. Keras의 기본값(reset_after 켬)은 게이트마다 절편을 하나 더 둡니다.`,
};
