// Strings shared by several views (Korean). Same keys as en/common.ts.
import type { common as En } from '../en/common';
import type { Translation } from '../translation';

export const common: Translation<typeof En> = {
  fieldInvalid: (label, integer, min, max, typed, inUse) =>
    `${label}: ${min}부터 ${max}까지의 ${integer ? '정수' : '수'}여야 합니다. “${typed}”은(는) 쓸 수 없어 지금 값 ${inUse}을(를) 그대로 씁니다.`,
  fieldInvalidAbove: (label, integer, min, max, typed, inUse) =>
    `${label}: ${min}보다 크고 ${max} 이하인 ${integer ? '정수' : '수'}여야 합니다. “${typed}”은(는) 쓸 수 없어 지금 값 ${inUse}을(를) 그대로 씁니다.`,
  seconds: (s: number): string => {
    if (!Number.isFinite(s) || s < 0) return '—';
    if (s < 60) return `${Math.round(s)}초`;
    const m = Math.floor(s / 60);
    return `${m}분 ${Math.round(s - 60 * m)}초`;
  },
  chartPoints: (label, n) => `${label}: 점 ${n}개`,
  chartLatest: (values) => `최근 값: ${values}.`,
  dismiss: '닫기',
  retry: '다시 시도',
  cannotTrain: '모델을 고칠 때까지 훈련할 수 없습니다.',
  nanLoss: (msg) =>
    msg
      ? `손실이 NaN(숫자가 아님)이 되었습니다. ${msg}`
      : '손실이 NaN(숫자가 아님)이 되었습니다: 가중치가 발산했습니다. 학습률을 낮추고 다시 훈련하세요.',
  stopReason: {
    finished: '완료',
    completed: '완료',
    early_stopping: '조기 종료',
    non_finite_loss: '중지 (손실 NaN)',
    early_stopped: '조기 종료',
    stopped: '사용자가 중지',
    nan: '중지 (손실 NaN)',
  },
  xEpoch: '에포크',
  yLoss: '손실',
  yAcc: '정확도',
  setupProblem: (msg) => `아직 훈련할 수 없습니다: ${msg}`,
};
