// The Train view (English).
import { fixed, groupThousands as n } from '../format';
import { common } from './common';

const formatSeconds = common.seconds;

export const train = {
  // Why a run did not learn, and what to try (diagnosis: state/run-diagnosis.ts).
  chanceLevel: (epochs: number) =>
    `Validation accuracy has stayed at chance level (0.50 ± 0.02) for ${epochs} epochs: the model is guessing, not learning.`,
  tryLowerRate: (optimizer: string, lr: number, suggested: number) =>
    `A learning rate of ${lr} is too large for ${optimizer}: every step overshoots. Try ${suggested} (${optimizer}’s default).`,
  tryHigherRate: (optimizer: string, lr: number, suggested: number) =>
    `With ${optimizer} at learning rate ${lr} the weights move slowly: train more epochs, or try ${suggested} (${optimizer}’s default).`,
  tryOther: (optimizer: string, suggested: number) =>
    `Try more epochs, ${optimizer}’s default learning rate ${suggested}, or a smaller model.`,
  // The published curve: "the same model" only when it is (state/preset-match.ts).
  bookCurveSame: (src: string, title: string) =>
    `Dashed lines: the curve published in ${src} for ${title}: the same model, data, optimizer, learning rate and batch size as yours. Yours starts from its own random weights, so expect the same shape, not the same numbers.`,
  bookCurveDiffers: (src: string, title: string, diffs: string) =>
    `Dashed lines: the curve published in ${src} for ${title}. It is not the same run as yours: ${diffs}.`,
  bookDiffModel: 'your model is not the preset’s (Your own model)',
  bookDiffPack: `you train on the quick subset (${n(2000)} training and 500 validation reviews, not the book’s ${n(20000)} and ${n(5000)}): with a tenth of the examples the model generalises less, so expect your validation accuracy to sit a few hundredths below the book’s (choose the book’s split in Data to compare like with like)`,
  bookDiffNumWords: (mine: number, book: number) => `num_words ${n(mine)}, not ${n(book)}`,
  bookDiffMaxlen: (mine: number, book: number) => `maxlen ${n(mine)}, not ${n(book)}`,
  bookDiffOptimizer: (mine: string, book: string) => `optimizer ${mine}, not ${book}`,
  bookDiffRate: (mine: number, book: number) => `learning rate ${mine}, not ${book}`,
  bookDiffBatch: (mine: number, book: number) => `batch size ${n(mine)}, not ${n(book)}`,
  trainHeading: 'Training',
  optimizerLabel: 'Optimizer',
  learningRateLabel: 'Learning rate',
  clipnormLabel: 'Gradient clipping, clipnorm (0 = off)',
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
  progressText: (
    epoch: number,
    epochs: number,
    batch: number,
    batches: number,
    eta: number,
    sps: number | null,
  ) =>
    `Epoch ${epoch}/${epochs} · batch ${batch}/${batches} · ETA ${formatSeconds(eta)} · ${sps === null ? '—' : n(Math.round(sps))} samples/s`,
  statusIdle: 'Not trained yet.',
  statusLoadingData: 'Loading the data…',
  statusTraining: (epoch: number, epochs: number) => `Training: epoch ${epoch} of ${epochs}…`,
  statusPaused: 'Paused.',
  statusStopping: 'Stopping after this batch…',
  testAccuracy: (acc: number | null) => `Test accuracy: ${fixed(acc, 3)}`,
  trainFailed: (msg: string) => `Training failed: ${msg}`,
  resultLine: (reason: string, epochs: number, best: number, loss: number | null, secs: number) =>
    `${reason} after ${epochs} epoch${epochs === 1 ? '' : 's'} (${formatSeconds(secs)}); best epoch ${best}; test loss ${fixed(loss, 4)}.`,
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
