// The Compare view (English).
import { groupThousands as n } from '../format';

export const compare = {
  colTrainedWith: 'Trained with',
  packQuickShort: 'quick subset',
  packBookShort: 'the book’s split',
  trainedWith: (pack: string, numWords: number, maxlen: number, opt: string, lr: number, batch: number, epochs: number, patience: number) =>
    `${pack}, num_words ${n(numWords)}, maxlen ${n(maxlen)}, ${opt} lr ${lr}, batch ${n(batch)}, ≤ ${n(epochs)} epoch${epochs === 1 ? '' : 's'}${patience > 0 ? `, early stopping (patience ${patience})` : ''}`,
  compareHeading: 'Compare models',
  compareHelp: (conc: number) =>
    `Each preset trains with its own recipe (num_words, maxlen, optimizer, learning rate, batch size, early stopping) on the data set chosen in Data, for at most the epochs set in Training; the model in the editor trains with this set-up’s settings. Each model has its own worker; ${conc} at once, the rest wait in a queue.`,
  compareModels: 'Models to compare',
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
  jobQueued: 'queued',
  jobLoading: 'loading data',
  jobTraining: (e: number, total: number) => `epoch ${e}/${total}`,
  jobDone: (reason: string) => reason,
  jobFailed: (msg: string) => `failed: ${msg}`,
  jobCancelled: 'cancelled',
  compareValLoss: 'Validation loss per epoch',
  compareValAcc: 'Validation accuracy per epoch',
  paramHeading: 'Where the parameters are',
  paramChartLabel: (nIn: number, u: number, totals: string) => `Recurrent layer parameters for n = ${nIn} inputs and u = ${u} units: ${totals}`,
  paramTableLabel: 'Recurrent weights by cell type',
  paramChartExplain: (nIn: number, u: number) =>
    `One recurrent layer reading n = ${nIn} features with u = ${u} units. SimpleRNN has one set of weights (kernel n × u, recurrent kernel u × u, bias u). ` +
    `LSTM keeps four such sets (input, forget, candidate, output: 4×) and GRU three (update, reset, candidate: 3×); Keras’ GRU also keeps a second bias per gate (reset_after).`,
  timesRecurrent: (k: number) => `${k}× recurrent`,
  weightPart: { kernel: 'kernel', recurrent: 'recurrent kernel', bias: 'bias' } as Record<'kernel' | 'recurrent' | 'bias', string>,
  cellType: 'Cell',
  paramUnitsLabel: 'Units (u)',
  paramFeaturesLabel: 'Input features (n)',
};
