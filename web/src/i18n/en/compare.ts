// The Compare view (English).
import { groupThousands as n } from '../format';

export const compare = {
  colTrainedWith: 'Trained with',
  packQuickShort: 'quick subset',
  packBookShort: 'the book’s split',
  packLongMemoryShort: 'Long memory',
  trainedWith: (
    pack: string,
    numWords: number,
    maxlen: number,
    opt: string,
    lr: number,
    batch: number,
    epochs: number,
    patience: number,
  ) =>
    `${pack}, num_words ${n(numWords)}, maxlen ${n(maxlen)}, ${opt} lr ${lr}, batch ${n(batch)}, ≤ ${n(epochs)} epoch${epochs === 1 ? '' : 's'}${patience > 0 ? `, early stopping (patience ${patience})` : ''}`,
  compareHeading: 'Compare models',
  compareHelp: (conc: number) =>
    `Each preset trains with its own recipe (num_words, maxlen, optimizer, learning rate, batch size, early stopping) on the data set chosen in Data, for at most the epochs set in Training; the model in the editor trains with this set-up’s settings. Each model has its own worker; ${conc} at once, the rest wait in a queue.`,
  compareModels: 'Models to compare',
  longMemoryIntro:
    'Long memory: each sequence holds one token, A or B, that sets its label, and 199 steps of random noise. In the validation and test sequences the token is within the first 40 steps, so a model must carry it through at least 160 steps of noise to the end, where it decides. Watch the validation accuracy: 0.5 is guessing. SimpleRNN’s gradients shrink at every step back through tanh, so the early token barely moves its weights and it stays near 0.5; LSTM’s cell state and GRU’s update gate can pass the token along almost unchanged, so they climb to nearly 1.0.',
  longMemoryOutcome: 'What the test sequences (token within the first 40 steps) say:',
  longMemoryRow: (model: string, accuracy: number, verdict: 'remembered' | 'chance' | 'partly') =>
    `${model}: test accuracy ${accuracy.toFixed(3)} — ${verdict === 'remembered' ? 'it remembered the token across the noise' : verdict === 'chance' ? 'near chance (0.5): it did not carry the token that far' : 'partly: it carried the token in some sequences only'}.`,
  compareCurrent: 'The model in the editor',
  compare: 'Compare',
  cancelCompare: 'Cancel comparison',
  compareNeedTwo: 'Pick at least one model.',
  colModel: 'Model',
  colState: 'State',
  colSecondsPerEpoch: 'Seconds per epoch',
  colBestValAcc: 'Best val accuracy',
  colTestAcc: 'Test accuracy',
  compareProgress: (done: number, total: number) => `${done} of ${total} models finished.`,
  compareTable: 'Comparison',
  byLengthHeading: 'Test accuracy by review length',
  byLengthNote: (count: number) =>
    `On the test split (${n(count)} reviews), each review counted by its length in tokens before padding or cutting (the start token included). A review longer than maxlen loses its beginning; a long review that fits must be carried through many steps. The data pack keeps at most 500 tokens of a review, so the few reviews of exactly 500 tokens are counted with the longer ones.`,
  bucketColumn: (bucket: string) => `${bucket} tokens`,
  bucketCount: (count: number) => `${n(count)} reviews`,
  jobQueued: 'queued',
  jobLoading: 'loading data',
  jobTraining: (e: number, total: number) => `epoch ${e}/${total}`,
  jobDone: (reason: string) => reason,
  jobFailed: (msg: string) => `failed: ${msg}`,
  jobCancelled: 'cancelled',
  compareValLoss: 'Validation loss per epoch',
  compareValAcc: 'Validation accuracy per epoch',
  paramHeading: 'Where the parameters are',
  paramChartLabel: (nIn: number, u: number, totals: string) =>
    `Recurrent layer parameters for n = ${nIn} inputs and u = ${u} units: ${totals}`,
  paramTableLabel: 'Recurrent weights by cell type',
  paramChartExplain: (nIn: number, u: number) =>
    `One recurrent layer reading n = ${nIn} features with u = ${u} units. SimpleRNN has one set of weights (kernel n × u, recurrent kernel u × u, bias u). ` +
    `LSTM keeps four such sets (input, forget, candidate, output: 4×) and GRU three (update, reset, candidate: 3×); Keras’ GRU also keeps a second bias per gate (reset_after).`,
  timesRecurrent: (k: number) => `${k}× recurrent`,
  weightPart: { kernel: 'kernel', recurrent: 'recurrent kernel', bias: 'bias' } as Record<
    'kernel' | 'recurrent' | 'bias',
    string
  >,
  cellType: 'Cell',
  paramUnitsLabel: 'Units (u)',
  paramFeaturesLabel: 'Input features (n)',

  // Run chapter 9
  chapterHeading: 'The whole chapter',
  chapterHelp: (conc: number, keras: string) =>
    `Trains chapter 9’s six models with the book’s settings (RMSprop 1e-4, batch 64, up to 100 epochs, early stopping with patience 3 restoring the best weights, seed 42) in ${keras}, ${conc} at once, the longest first. Choose the Keras version on the Train tab.`,
  runChapter: 'Run chapter 9',
  chapterQuick: 'On the quick subset (a fast preview)',
  cancelChapter: 'Cancel chapter run',
  chapterRunning: (done: number, total: number) => `Chapter 9: ${done} of ${total} models finished…`,
  chapterDone: (models: number, secs: number) => `Chapter 9: ${models} models in ${secs} s`,
  chapterCancelled: 'Chapter 9: cancelled.',
  chapterTable: 'Chapter 9 results',
  chapterCaption: (quick: boolean, keras: string, k: 2 | 3) =>
    `${quick ? 'Quick subset (2,000 / 500 / 1,000 reviews): a preview, not the book’s data' : 'The book’s split (20,000 / 5,000 / 25,000 reviews)'}, ${keras}; printed: ${k === 3 ? 'the book’s 2025 notebook (Keras 3)' : 'the 2021 runs of the book’s code (TF 2.6) and the first edition’s 500-word 09-2 runs'}.`,
  chapterValLoss: 'Chapter 9: validation loss per epoch',
  chapterValAcc: 'Chapter 9: validation accuracy per epoch',
  colEpochsRun: 'Epochs run',
  colBestValLoss: 'Best val_loss',
  colSeconds: 'Seconds',
  colStarted: 'Started (s)',
  colEnded: 'Ended (s)',
  colPrinted: (k: 2 | 3) => (k === 3 ? 'Printed, 2025 notebook' : 'Printed, 2021 runs'),
  colNotebookSeconds: 'Notebook seconds',
  bestAt: (epoch: number) => `best ${epoch}`,
  printedCell: (
    epochs: number,
    lastOnly: boolean,
    valLoss: number,
    valAcc: number,
    test: number | null,
    words: number | null,
  ) =>
    `${epochs} epochs; ${lastOnly ? 'last' : 'best'} ${valLoss.toFixed(4)} / ${valAcc.toFixed(3)}${test ? `; test ${test.toFixed(4)}` : ''}${words ? ` (${words} words)` : ''}`,
  notebookSeconds: (s: number, words: number | null) => `${n(s)} s${words ? ` (${words} words)` : ''}`,
};
