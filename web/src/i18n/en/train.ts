// The Train view (English).
import { groupThousands as n } from '../format';
import { common } from './common';

const formatSeconds = common.seconds;

export const train = {
  trainHeading: 'Training',
  optimizerLabel: 'Optimizer',
  learningRateLabel: 'Learning rate',
  batchSizeLabel: 'Batch size',
  epochsLabel: 'Epochs',
  patienceLabel: 'Early stopping patience (0 = off)',
  restoreBestLabel: 'Restore best weights',
  seedLabel: 'Seed',
  kerasVersionLabel: 'Keras version',
  kerasVersion: { 3: 'Keras 3', 2: 'tf.keras 2 (TF 2.6–2.10)' } as Record<2 | 3, string>,
  train: 'Train',
  pause: 'Pause',
  resume: 'Resume',
  stop: 'Stop',
  progressLabel: 'Training progress',
  progressText: (epoch: number, epochs: number, batch: number, batches: number, eta: number, sps: number) =>
    `Epoch ${epoch}/${epochs} · batch ${batch}/${batches} · ETA ${formatSeconds(eta)} · ${n(Math.round(sps))} samples/s`,
  statusIdle: 'Not trained yet.',
  statusLoadingData: 'Loading the data…',
  statusTraining: (epoch: number, epochs: number) => `Training: epoch ${epoch} of ${epochs}…`,
  statusPaused: 'Paused.',
  statusStopping: 'Stopping after this batch…',
  testAccuracy: (acc: number) => `Test accuracy: ${acc.toFixed(3)}`,
  trainFailed: (msg: string) => `Training failed: ${msg}`,
  resultLine: (reason: string, epochs: number, best: number, loss: number, secs: number) =>
    `${reason} after ${epochs} epoch${epochs === 1 ? '' : 's'} (${formatSeconds(secs)}); best epoch ${best}; test loss ${loss.toFixed(4)}.`,
  batchLossChart: 'Loss per batch',
  epochLossChart: 'Loss per epoch',
  epochAccChart: 'Accuracy per epoch',
  xBatch: 'epoch (batches)',
  sLoss: 'loss',
  sValLoss: 'val_loss',
  sAcc: 'accuracy',
  sValAcc: 'val_accuracy',
  sBook: (what: string) => `published ${what}`,
  bookCurveLabel: 'Published curve',
  bookCurveNone: 'None',
  bookSource: (s: string) => BOOK_SOURCES[s] ?? s,
  bookCurveNote: (src: string, quick: boolean) =>
    `Dashed lines: the curve published in ${src}, for the same model (its full data, num_words and batch size; ${quick ? 'your quick subset differs' : 'yours trains on the same split sizes, from its own random start'}).`,
  noBookCurve: 'The sources printed no per-epoch curve for this preset.',
  historyHeading: 'Training log',
  colEpoch: 'Epoch',
  colSeconds: 'Seconds',
};

const BOOK_SOURCES: Record<string, string> = {
  'book-2025-keras3': 'the book’s current notebook (Keras 3, 2025)',
  'blog-2021-tf2.6': 'a 2021 blog run of the book’s code (TensorFlow 2.6)',
  'blog-2022-keras': 'the 2022 blog post (Keras)',
};
