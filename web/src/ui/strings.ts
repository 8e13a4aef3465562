// Every user-visible string of the page, in one place (a Korean table will sit beside this one).
const n = (v: number) => v.toLocaleString('en-US');

export const strings = {
  appTitle: 'RNN Playground',
  tagline: 'Build a recurrent network, train it on IMDB reviews in this tab, and look inside.',
  engineLoading: 'Starting the engine…',
  engineReady: (simd: boolean) => `Engine ready (WebAssembly${simd ? ' with SIMD' : ''}).`,
  engineFailed: (msg: string) => `The engine could not start: ${msg}`,
  engineRestarted: (msg: string) => `The engine worker stopped (${msg}). A fresh one has been started: your set-up is kept, train again when ready.`,
  presetLabel: 'Preset',
  customPreset: 'Your own model',
  summaryOnly: 'summary only',
  summaryOnlyNote: (why: string) => `Summary only: ${why}`,
  source: (s: string) => `Source: ${s}`,

  // Tabs
  sectionsLabel: 'Sections',
  tabModel: 'Model',
  tabData: 'Data',
  tabTrain: 'Train',
  tabCompare: 'Compare',

  // Link
  linkLabel: 'Link to this set-up',
  copyLink: 'Copy link',
  linkCopied: 'Link copied.',
  badLink: (msg: string) => `This link could not be opened: ${msg} The default set-up is shown instead.`,
  dismiss: 'Dismiss',

  // Model: editor
  editorHeading: 'Layers',
  inputLengthLabel: 'Input length (time steps = maxlen)',
  oneHotLabel: 'One-hot width (features per step)',
  inputNote: (oneHot: boolean) => oneHot
    ? 'Input: each token as a one-hot vector (time steps × vocabulary), as in 09-2 before embeddings.'
    : 'Input: token ids, one per time step.',
  layerLegend: (i: number, kind: string, name: string) => `${i}. ${kind} ‘${name}’`,
  outputShape: (s: string) => `Output shape: ${s}`,
  outputShapeUnknown: 'Output shape: — (fix the model to see it)',
  moveUp: (name: string) => `Move layer ${name} up`,
  moveDown: (name: string) => `Move layer ${name} down`,
  remove: (name: string) => `Remove layer ${name}`,
  addLayerKind: 'New layer type',
  addLayer: 'Add layer',
  addLayerHelp: 'New layers are added at the end; move them with the arrows.',
  unsupportedLayer: (kind: string) => `${kind} is not one of the layers this editor knows; edit it in the JSON below.`,
  noLayerList: 'The editor needs a Sequential model with a layer list; edit the JSON below.',
  option: (layer: string, key: string) => `${layer} ${key}`,
  optionHelp: {
    units: 'units',
    input_dim: 'input_dim (vocabulary)',
    output_dim: 'output_dim (embedding size)',
    activation: 'activation',
    recurrent_activation: 'recurrent_activation',
    return_sequences: 'return_sequences (pass every step’s output up)',
    dropout: 'dropout (inputs)',
    recurrent_dropout: 'recurrent_dropout (state)',
    reset_after: 'reset_after (Keras’ default)',
    use_bias: 'use_bias',
    rate: 'rate',
  } as Record<string, string>,
  modelJsonLabel: 'Model JSON',
  modelJsonHelp: 'Edit the model or paste the output of Keras\u2019 model.to_json() (Keras 2 or 3) or a TF.js model.json: the layer editor follows it.',

  // Model: summary
  summaryHeading: 'Summary',
  colLayer: 'Layer (type)',
  colShape: 'Output Shape',
  colParams: 'Param #',
  colFormula: 'Formula',
  showFormulas: 'Show formulas',
  totalParams: (v: string) => `Total params: ${v}`,
  trainableParams: (v: string) => `Trainable params: ${v}`,
  nonTrainableParams: (v: string) => `Non-trainable params: ${v}`,
  invalidModel: 'This model is not valid:',
  gruQuestion: (name: string, actual: number, plain: number) =>
    `Why does GRU ‘${name}’ have ${n(actual)} parameters and not ${n(plain)}?`,
  gruAnswer: (u: number, nIn: number, actual: number, plain: number) =>
    `The textbook formula 3 × u × (n + u + 1) = 3 × ${u} × (${nIn} + ${u} + 1) = ${n(plain)} counts one bias per gate. ` +
    `Keras’ GRU defaults to reset_after=True, which applies the reset gate after the recurrent product and keeps a ` +
    `second, recurrent bias per gate: 3 × u × (n + u + 2) = ${n(actual)}, that is 3 × ${u} = ${3 * u} more. ` +
    `Untick reset_after to get ${n(plain)}.`,
  gruAnswerPlain: (u: number, nIn: number, plain: number) =>
    `With reset_after off: 3 × u × (n + u + 1) = 3 × ${u} × (${nIn} + ${u} + 1) = ${n(plain)}, the textbook count. Keras’ default (reset_after on) adds a second bias per gate.`,
  cannotTrain: 'Training is off until the model is fixed.',

  // Data
  dataHeading: 'Data',
  packLabel: 'Data set',
  packQuick: 'Quick subset (fast; default)',
  packBook: 'The book’s split (20,000 / 5,000 / 25,000)',
  numWordsLabel: 'num_words (vocabulary size)',
  maxlenLabel: 'maxlen (tokens kept per review)',
  dataLoading: (loaded: number, total: number | null) =>
    `Loading data… ${(loaded / 1e6).toFixed(1)} MB${total ? ` of ${(total / 1e6).toFixed(1)} MB` : ''}`,
  dataFailed: (msg: string) => `The data could not be loaded: ${msg} Check that the data files were built (npm run build) and try again.`,
  retry: 'Try again',
  dataCounts: (train: number, val: number, test: number) =>
    `${n(train)} training, ${n(val)} validation and ${n(test)} test reviews.`,
  lengthHeading: 'Review lengths (training split)',
  lengthStats: (mean: number, median: number, maxlen: number, cut: number) =>
    `Mean ${mean.toFixed(1)} tokens, median ${median}. maxlen ${maxlen} keeps the last ${maxlen} tokens: ${cut.toFixed(0)}% of reviews are longer and get cut at the front; shorter ones are padded with 0 at the front.`,
  histogramLabel: (bins: number, maxlen: number) => `Histogram of review lengths in ${bins} bins, with the maxlen cut at ${maxlen} tokens`,
  maxlenMark: (m: number) => `maxlen ${m}`,
  samplesHeading: 'Encoded reviews',
  sampleLabel: (label: number) => (label === 1 ? 'positive' : 'negative'),
  sampleIds: 'ids',
  sampleWords: 'decoded',
  samplesNote: 'Ids: 0 padding (not shown), 1 start, 2 out of vocabulary (beyond num_words), words from 4 by frequency.',
  wordIndexFailed: (msg: string) => `The word list could not be loaded (${msg}); the reviews are shown as ids only.`,

  // Train
  trainHeading: 'Training',
  optimizerLabel: 'Optimizer',
  learningRateLabel: 'Learning rate',
  batchSizeLabel: 'Batch size',
  epochsLabel: 'Epochs',
  patienceLabel: 'Early stopping patience (0 = off)',
  restoreBestLabel: 'Restore best weights',
  seedLabel: 'Seed',
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
  nanLoss: (msg: string | null) => msg
    ? `The loss became NaN (not a number). ${msg}`
    : 'The loss became NaN (not a number): the weights diverged. Lower the learning rate and train again.',
  resultLine: (reason: string, epochs: number, best: number, loss: number, secs: number) =>
    `${reason} after ${epochs} epoch${epochs === 1 ? '' : 's'} (${formatSeconds(secs)}); best epoch ${best}; test loss ${loss.toFixed(4)}.`,
  stopReason: { finished: 'Finished', completed: 'Finished', early_stopping: 'Stopped early', non_finite_loss: 'Stopped (NaN loss)', early_stopped: 'Stopped early', stopped: 'Stopped by you', nan: 'Stopped (NaN loss)' } as Record<string, string>,
  setupProblem: (msg: string) => `Cannot train yet: ${msg}`,
  summaryOnlyCannotTrain: (why: string) => `This preset is for its summary only: ${why}`,
  batchLossChart: 'Loss per batch',
  epochLossChart: 'Loss per epoch',
  epochAccChart: 'Accuracy per epoch',
  xBatch: 'epoch (batches)',
  xEpoch: 'epoch',
  yLoss: 'loss',
  yAcc: 'accuracy',
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
  kerasVersionLabel: 'Keras version',
  kerasVersion: { 3: 'Keras 3', 2: 'tf.keras 2 (TF 2.6–2.10)' } as Record<2 | 3, string>,
  historyHeading: 'Training log',
  colEpoch: 'Epoch',
  colSeconds: 'Seconds',

  // Compare
  compareHeading: 'Compare models',
  compareHelp: (conc: number) =>
    `Each model trains in its own worker with the data and training settings of this set-up; ${conc} at once, the rest wait in a queue.`,
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
  compareTable: 'Comparison',
  jobQueued: 'queued',
  jobLoading: 'loading data',
  jobTraining: (e: number, total: number) => `epoch ${e}/${total}`,
  jobDone: (reason: string) => reason,
  jobFailed: (msg: string) => `failed: ${msg}`,
  jobCancelled: 'cancelled',
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
  colStarted: 'Started (s)',
  colEnded: 'Ended (s)',
  colPrinted: (k: 2 | 3) => (k === 3 ? 'Printed, 2025 notebook' : 'Printed, 2021 runs'),
  colNotebookSeconds: 'Notebook seconds',
  bestAt: (epoch: number) => `best ${epoch}`,
  printedCell: (p: { epochs: number; val_loss: number; val_accuracy: number; last_epoch_only?: boolean; test_accuracy?: number; words?: number }) =>
    `${p.epochs} epochs; ${p.last_epoch_only ? 'last' : 'best'} ${p.val_loss.toFixed(4)} / ${p.val_accuracy.toFixed(3)}` +
    `${p.test_accuracy ? `; test ${p.test_accuracy.toFixed(4)}` : ''}${p.words ? ` (${p.words} words)` : ''}`,
  notebookSeconds: (s: number, words?: number) => `${n(s)} s${words ? ` (${words} words)` : ''}`,
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

const BOOK_SOURCES: Record<string, string> = {
  'book-2025-keras3': 'the book’s current notebook (Keras 3, 2025)',
  'blog-2021-tf2.6': 'a 2021 blog run of the book’s code (TensorFlow 2.6)',
  'blog-2022-keras': 'the 2022 blog post (Keras)',
};

export function formatSeconds(s: number): string {
  if (!Number.isFinite(s) || s < 0) return '—';
  if (s < 60) return `${Math.round(s)} s`;
  const m = Math.floor(s / 60);
  return `${m} min ${Math.round(s - 60 * m)} s`;
}

export function groupThousands(v: number): string {
  return v.toLocaleString('en-US');
}

/** The protocol says 'nan'; the engine's own name is 'non_finite_loss': both mean the loss diverged. */
export function isNanStop(r: { stop_reason: string }): boolean {
  return r.stop_reason === 'nan' || r.stop_reason === 'non_finite_loss';
}
