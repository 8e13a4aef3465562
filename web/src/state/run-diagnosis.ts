// Says when a run is not learning and what to try: the page must not leave a learner looking at a
// flat 0.500 (Adam at learning rate 10 trains to exactly that) or a NaN without a word.
// Pure: the train panel passes the epochs logged so far and the settings of the run.
import type { EpochLog, TrainingSettings } from '../engine/protocol';

/** Keras 3's default learning rate of each optimizer (what the advice suggests). */
export const DEFAULT_LEARNING_RATE: Record<TrainingSettings['optimizer'], number> = {
  rmsprop: 0.001,
  adam: 0.001,
  sgd: 0.01,
};
export const OPTIMIZER_NAMES: Record<TrainingSettings['optimizer'], string> = {
  rmsprop: 'RMSprop',
  adam: 'Adam',
  sgd: 'SGD',
};

/** Chance level for two balanced classes, and how close to it counts as "not learning". */
export const CHANCE = 0.5;
export const CHANCE_BAND = 0.02;
/** Epochs in a row at chance level before the page says so. */
export const CHANCE_EPOCHS = 2;

export type Advice = 'lower' | 'higher' | 'other';

export type Diagnosis =
  | { kind: 'non_finite'; epoch: number; advice: Advice; suggested: number }
  | { kind: 'chance'; epochs: number; advice: Advice; suggested: number };

/** Which way the learning rate should move, judged against the optimizer's default. */
export function adviceFor(optimizer: TrainingSettings['optimizer'], lr: number): Advice {
  const d = DEFAULT_LEARNING_RATE[optimizer];
  if (lr > 3 * d) return 'lower';
  if (lr < d / 3) return 'higher';
  return 'other';
}

/**
 * null while the run looks healthy; otherwise what went wrong:
 *  - non_finite: a loss is NaN or infinite (or the engine stopped the run for it);
 *  - chance: the last CHANCE_EPOCHS or more epochs all have val_accuracy within 0.5 ± 0.02.
 */
export function diagnoseRun(
  history: readonly EpochLog[],
  training: Pick<TrainingSettings, 'optimizer' | 'learning_rate'>,
  stoppedNonFinite = false,
): Diagnosis | null {
  const advice = adviceFor(training.optimizer, training.learning_rate);
  const suggested = DEFAULT_LEARNING_RATE[training.optimizer];
  const bad = history.findIndex((h) => !Number.isFinite(h.loss) || !Number.isFinite(h.val_loss));
  if (bad >= 0 || stoppedNonFinite) {
    // A stop inside an epoch logs no row for it: that epoch is the next one.
    const epoch = bad >= 0 ? history[bad].epoch : (history.at(-1)?.epoch ?? 0) + 1;
    return { kind: 'non_finite', epoch, advice: advice === 'other' ? 'lower' : advice, suggested };
  }
  let run = 0;
  // (1e-9: 0.48 − 0.5 is −0.020000000000000018 in floating point, and 0.48 is in the band.)
  const atChance = (v: number | null) => v !== null && Math.abs(v - CHANCE) <= CHANCE_BAND + 1e-9;
  for (let i = history.length - 1; i >= 0 && atChance(history[i].val_accuracy); i--) run++;
  return run >= CHANCE_EPOCHS ? { kind: 'chance', epochs: run, advice, suggested } : null;
}
