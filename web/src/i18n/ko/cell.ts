// 셀 들여다보기, 그레이디언트 그래프, 단어 빼기 (Korean). Same keys as en/cell.ts.
import type { cell as En } from '../en/cell';
import type { Translation } from '../translation';
import { EQUATIONS, byCellKind } from '../equations';

export const cell: Translation<typeof En> = {
  anatomy: '셀 들여다보기',
  anatomyIntro: byCellKind({
    SimpleRNN:
      '한 타임스텝의 SimpleRNN 셀을 책과 같은 모양으로 그리고, 이 단어에서 모델이 계산한 숫자를 넣었습니다.',
    LSTM:
      '한 타임스텝의 LSTM 셀을 책과 같은 모양으로 그렸습니다. 세 게이트(입력 게이트 i, 삭제 게이트 f, 출력 게이트 o), 후보 g, ' +
      '그리고 셀 안에서만 순환하는 셀 상태 c. 상자마다 이 단어에서 모델이 계산한 숫자가 들어 있습니다.',
    GRU:
      '한 타임스텝의 GRU 셀을 책과 같은 모양으로 그렸습니다. 업데이트 게이트 z, 리셋 게이트 r, 후보 h̃ ' +
      `(Keras의 식: ${EQUATIONS.gruStep}). 상자마다 이 단어에서 모델이 계산한 숫자가 들어 있습니다.`,
  }),
  resetAfter: (after) =>
    after
      ? '(reset_after=True, Keras 기본값: r이 h_{t−1} U_h + b_rh에 곱해짐)'
      : '(reset_after=False: r이 U_h 앞에서 h_{t−1}에 곱해짐)',
  timeStep: '타임스텝',
  stepText: (t, steps, word) => `${steps}개 중 ${t + 1}번째: ‘${word}’`,
  play: '재생',
  pause: '일시 정지',
  copy: '이 단계를 JSON으로 복사',
  copied: '이 단계를 클립보드에 복사했습니다 (아래에도 보입니다).',
  copyFailed: '여기서는 클립보드를 쓸 수 없습니다. 아래 글을 선택해 복사하세요.',
  copiedJson: '이 단계의 JSON',
  explainIdle: '숫자에 초점을 두거나 마우스를 올리면 어떻게 계산되었는지, 다음에 어디로 가는지 보여 줍니다.',
  boxes: {
    x: 'x_t (입력)',
    h_prev: 'h_{t−1} (이전 은닉 상태)',
    c_prev: 'c_{t−1} (이전 셀 상태)',
    i: 'i (입력 게이트)',
    f: 'f (삭제 게이트)',
    g: 'g (후보)',
    o: 'o (출력 게이트)',
    z: 'z (업데이트 게이트)',
    r: 'r (리셋 게이트)',
    hh: 'h̃ (후보)',
    c: 'c_t (셀 상태)',
    h: 'h_t (새 은닉 상태)',
  },
  oneHotInput: (id, word) => `x_t는 원-핫 벡터입니다: 번호 ${id}(‘${word}’)에서 1, 나머지는 0.`,
  flows: {
    i: 'i ⊙ g로 c_t에 들어갑니다: 후보를 셀 상태에 얼마나 쓸지 정합니다.',
    f: 'f ⊙ c_{t−1}로 c_t에 들어갑니다: 이전 셀 상태를 얼마나 남길지 정합니다 (1이면 모두 남김).',
    g: 'i ⊙ g로 c_t에 들어갑니다: 셀 상태에 새로 넣자고 제안하는 내용입니다.',
    o: `${EQUATIONS.lstmOutput}로 들어갑니다: 셀 상태를 얼마나 내보낼지 정합니다.`,
    z: `${EQUATIONS.gruStep}로 들어갑니다: 1이면 이전 은닉 상태를 유지하고, 0이면 후보를 받습니다.`,
    r: '후보 h̃로 들어갑니다: 이전 은닉 상태를 얼마나 쓸지 정합니다.',
    hh: '가중치 1 − z로 h_t에 들어갑니다.',
    c: '셀 안에만 머뭅니다: 다음 타임스텝의 c_{t−1}이 되고, h_t는 tanh와 o를 거쳐 이것을 보여 줍니다.',
    h: '이 층의 이 타임스텝 출력입니다: 다음 타임스텝의 h_{t−1}이 되고, 위층의 입력(마지막 단어 뒤에는 출력층의 입력)이 됩니다.',
    x: '커널 W와 곱해져 모든 게이트의 활성화 전 값에 들어갑니다.',
    h_prev: '순환 커널 U와 곱해져 모든 게이트의 활성화 전 값에 들어갑니다.',
    c_prev: '삭제 게이트 f와 곱해져 c_t에 들어갑니다.',
  },
  inputFrom: (first, oneHot, word) =>
    first
      ? oneHot
        ? `‘${word}’의 원-핫 벡터의 한 성분`
        : `‘${word}’의 Embedding 행의 한 성분`
      : `‘${word}’에서 아래층의 h_t`,
  prevFrom: (first) => (first ? '첫 단어 앞의 패딩 타임스텝을 지난 뒤의 상태' : '이전 단어 뒤의 상태'),
  rest: (count, sum) => `… (나머지 ${count}개: ${sum})`,

  gradHeading: '단어마다 예측을 아직 얼마나 움직일 수 있는지',
  gradNote:
    '단어마다 첫 순환층의 입력 x_t에 대한 출력층 로짓 z의 그레이디언트 크기 ‖∂z/∂x_t‖ (역전파로 계산). ' +
    '리뷰 앞쪽으로 갈수록 곡선이 내려가면 앞 단어들은 거의 영향을 주지 못한다는 뜻입니다. SimpleRNN은 보통 그렇고 ' +
    '(그레이디언트가 타임스텝을 거치며 사라짐), LSTM과 GRU는 더 많이 유지합니다. 로그 눈금.',
  gradX: '토큰',
  gradY: '‖∂z/∂x_t‖ (그레이디언트 크기)',
  gradCompareHeading: '단어마다 예측을 아직 얼마나 움직일 수 있는지, 모든 모델',
  gradTrainHeading: '단어마다 예측을 아직 얼마나 움직일 수 있는지 (검증 리뷰 64개, 에포크마다)',
  gradTrainNote:
    '에포크가 끝날 때마다 같은 검증 리뷰 64개에 대한 ‖∂z/∂x_t‖의 평균을, 단어가 리뷰 끝에서 몇 단어 앞에 있는지에 따라 그립니다 ' +
    '(왼쪽: 긴 리뷰의 첫 단어들, 0: 마지막 단어). 로그 눈금.',
  gradTrainX: '리뷰 끝에서 몇 단어 앞',
  epochSeries: (e) => `에포크 ${e}`,

  movesHeading: '가장 크게 바뀐 곳',
  move: (word, step, unit, delta, cause, gate, candidate) => {
    const d = `${delta >= 0 ? '+' : '−'}${Math.abs(delta).toFixed(2)}`;
    const where = `‘${word}’ (${step + 1}번째 토큰)`;
    if (cause === 'input')
      return `${where}: 유닛 ${unit + 1}의 셀 상태 c가 ${d}만큼 바뀌었습니다 — 입력 게이트(i = ${gate.toFixed(2)})가 후보 g = ${candidate.toFixed(2)}를 써 넣었습니다.`;
    if (cause === 'forget')
      return `${where}: 유닛 ${unit + 1}의 셀 상태 c가 ${d}만큼 바뀌었습니다 — 삭제 게이트(f = ${gate.toFixed(2)})가 담고 있던 값을 지웠습니다.`;
    if (cause === 'update')
      return `${where}: 유닛 ${unit + 1}의 은닉 상태 h가 ${d}만큼 바뀌었습니다 — 업데이트 게이트(z = ${gate.toFixed(2)})가 후보 h̃ = ${candidate.toFixed(2)}를 들여보냈습니다.`;
    return `${where}: 유닛 ${unit + 1}의 은닉 상태 h가 ${d}만큼 바뀌었습니다.`;
  },
  wordsHeading: '단어마다 한 일',
  wordsNote:
    '그 단어 하나만 모르는 단어(번호 2)로 바꾸었을 때 판정이 얼마나 바뀌는지로 단어를 색칠했습니다. ' +
    '초록색은 긍정 쪽으로, 빨간색은 부정 쪽으로 민 단어입니다. 단어를 누르면 리뷰에서 빠지고 (다시 누르면 돌아옵니다), ' +
    '판정, 그래프, 히트맵이 바로 따라 바뀝니다.',
  wordDelta: (word, delta) =>
    `‘${word}’가 없으면 긍정 확률이 ${delta >= 0 ? '+' : '−'}${Math.abs(delta).toFixed(3)}만큼 바뀝니다`,
  removedMark: '빠짐',
  removeWord: (word) => `리뷰에서 ‘${word}’ 빼기`,
  restoreWord: (word) => `‘${word}’ 되돌리기`,
  removedCount: (n) => `단어 ${n}개를 뺐습니다: 판정은 줄인 리뷰에 대한 것입니다.`,
  restoreAll: '모든 단어 되돌리기',
};
