// Chapter 9's six trainable models as the book trains them, and what each edition printed for
// them (CURRICULUM.md): the 2025 notebooks run Keras 3, the 2021 runs of the book's code ran
// tf.keras 2 (TF 2.6); the 500-word 09-2 runs are the first edition's.
import type { KerasVersion, TrainingSettings } from '../engine/protocol';

/** The presets, with the native seconds each took to its early stop on the book's split (docs/reproduction.md), used to start the longest first. */
export const CHAPTER9: { id: string; seconds: number }[] = [
  { id: 'onehot-simplernn-500', seconds: 10 },
  { id: 'embedding-simplernn-500', seconds: 7 },
  { id: 'lstm', seconds: 22 },
  { id: 'lstm-dropout', seconds: 36 },
  { id: 'lstm-2layer', seconds: 64 },
  { id: 'gru', seconds: 15 },
];

/** Expected seconds of any model (Compare's order): the chapter's measured ones, else a middle guess. */
export function expectedSeconds(id: string): number {
  return CHAPTER9.find((c) => c.id === id)?.seconds ?? 30;
}

/** The book's settings: RMSprop(1e-4), batch 64, up to 100 epochs, EarlyStopping(patience 3, restore_best_weights), seed 42. */
export function chapterTraining(keras: KerasVersion): TrainingSettings {
  return {
    optimizer: 'rmsprop',
    learning_rate: 1e-4,
    batch_size: 64,
    epochs: 100,
    patience: 3,
    restore_best: true,
    seed: 42,
    keras,
  };
}

export interface Printed {
  epochs: number;
  /** Best val_loss / val_acc; for 09-2's first-edition runs the last epoch's (all that was printed). */
  val_loss: number;
  val_accuracy: number;
  last_epoch_only?: boolean;
  test_accuracy?: number;
  /** Seconds of training in the hosted notebook (2025 only). */
  seconds?: number;
  /** The notebook's 09-2 models used 200 words, not 500. */
  words?: number;
}

export const PRINTED: Record<KerasVersion, Record<string, Printed>> = {
  3: {
    'onehot-simplernn-500': { epochs: 84, val_loss: 0.549, val_accuracy: 0.732, seconds: 636, words: 200 },
    'embedding-simplernn-500': { epochs: 34, val_loss: 0.541, val_accuracy: 0.731, seconds: 263, words: 200 },
    lstm: { epochs: 52, val_loss: 0.4368, val_accuracy: 0.793, seconds: 149 },
    'lstm-dropout': { epochs: 33, val_loss: 0.4473, val_accuracy: 0.79, seconds: 94 },
    'lstm-2layer': { epochs: 17, val_loss: 0.467, val_accuracy: 0.784, test_accuracy: 0.7848, seconds: 73 },
    gru: { epochs: 100, val_loss: 0.4317, val_accuracy: 0.798, seconds: 286 },
  },
  2: {
    'onehot-simplernn-500': { epochs: 36, val_loss: 0.4488, val_accuracy: 0.7944, last_epoch_only: true },
    'embedding-simplernn-500': { epochs: 40, val_loss: 0.4562, val_accuracy: 0.787, last_epoch_only: true },
    lstm: { epochs: 32, val_loss: 0.4319, val_accuracy: 0.8 },
    'lstm-dropout': { epochs: 35, val_loss: 0.4301, val_accuracy: 0.799 },
    'lstm-2layer': { epochs: 35, val_loss: 0.4307, val_accuracy: 0.802 },
    gru: { epochs: 60, val_loss: 0.4351, val_accuracy: 0.8 },
  },
};
