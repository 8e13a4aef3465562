// Strings shared by several views (English). The Korean table ko/common.ts has the same keys.
export const common = {
  fieldInvalid: (label: string, integer: boolean, min: string, max: string, typed: string, inUse: string) =>
    `${label} must be ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}; “${typed}” is not. The value in use is still ${inUse}.`,
  fieldInvalidAbove: (
    label: string,
    integer: boolean,
    min: string,
    max: string,
    typed: string,
    inUse: string,
  ) =>
    `${label} must be ${integer ? 'a whole number' : 'a number'} above ${min} and at most ${max}; “${typed}” is not. The value in use is still ${inUse}.`,
  /** A duration: "42 s", "3 min 5 s"; a dash when unknown. */
  seconds: (s: number): string => {
    if (!Number.isFinite(s) || s < 0) return '—';
    if (s < 60) return `${Math.round(s)} s`;
    const m = Math.floor(s / 60);
    return `${m} min ${Math.round(s - 60 * m)} s`;
  },
  /** A chart's accessible name: its title and how many points it holds. */
  chartPoints: (label: string, n: number) => `${label}: ${n} point${n === 1 ? '' : 's'}`,
  chartLatest: (values: string) => `Latest values: ${values}.`,
  dismiss: 'Dismiss',
  retry: 'Try again',
  cannotTrain: 'Training is off until the model is fixed.',
  nanLoss: (msg: string | null) =>
    msg
      ? `The loss became NaN (not a number). ${msg}`
      : 'The loss became NaN (not a number): the weights diverged. Lower the learning rate and train again.',
  stopReason: {
    finished: 'Finished',
    completed: 'Finished',
    early_stopping: 'Stopped early',
    non_finite_loss: 'Stopped (NaN loss)',
    early_stopped: 'Stopped early',
    stopped: 'Stopped by you',
    nan: 'Stopped (NaN loss)',
  } as Record<string, string>,
  xEpoch: 'epoch',
  yLoss: 'loss',
  yAcc: 'accuracy',
  setupProblem: (msg: string) => `Cannot train yet: ${msg}`,
};
