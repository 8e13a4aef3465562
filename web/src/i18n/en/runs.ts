// The Runs view and keeping runs (English).
import { groupThousands as n } from '../format';

export const runs = {
  tab: 'Runs',
  heading: 'Runs kept in this browser',
  intro:
    'Every training run is saved here as it trains (after every epoch) and when it ends: its set-up, curves, ' +
    'weights and optimizer state. Open a run to see its curves, classify with its model, or train it further.',
  empty: 'No runs yet: train a model (Train or Compare tab) and it appears here.',
  tableLabel: 'Saved runs',
  colName: 'Name',
  colModel: 'Model',
  colData: 'Data',
  colDate: 'Date',
  colEpochs: 'Epochs',
  colBestValAcc: 'Best val acc',
  colTestAcc: 'Test acc',
  colStatus: 'State',
  colActions: 'Actions',
  open: 'Open run',
  rename: 'Rename',
  delete: 'Delete',
  save: 'Save',
  cancel: 'Cancel',
  renameLabel: (name: string) => `New name for ${name}`,
  openLabel: (name: string) => `Open run ${name}`,
  renameButtonLabel: (name: string) => `Rename ${name}`,
  deleteLabel: (name: string) => `Delete ${name}`,
  confirmDelete: (name: string) => `Delete the run “${name}” and its weights? This cannot be undone.`,
  confirmYes: 'Yes, delete',
  data: (pack: string, numWords: number, maxlen: number) =>
    `${pack} · num_words ${n(numWords)} · maxlen ${n(maxlen)}`,
  status: {
    training: 'training',
    interrupted: 'interrupted (kept at its last finished epoch)',
    finished: 'finished',
    early_stopped: 'early stopped',
    stopped: 'stopped',
    nan: 'stopped: loss not a number',
  } as Record<string, string>,
  modelFallback: 'Model',
  opened: (name: string, epochs: number) =>
    `Opened ${name}: ${n(epochs)} epochs. Classify uses its model; training can go on from epoch ${n(epochs + 1)} (Train tab).`,
  openFailed: (msg: string) => `The run could not be opened: ${msg}`,
  runName: (model: string, stamp: string, from: 'train' | 'compare' | 'chapter') =>
    `${model}${from === 'compare' ? ' (Compare)' : from === 'chapter' ? ' (Run chapter 9)' : ''} · ${stamp}`,
  classifyLabel: (name: string) => `${name} (saved run)`,
  interruptedNote: (count: number) =>
    `${n(count)} run${count === 1 ? ' was' : 's were'} cut off by a reload while training: kept at the last finished epoch, marked interrupted.`,
  leaveWarning:
    'A model is training: leaving the page stops it (the last finished epoch is kept under Runs).',
  storageFull:
    "The browser's storage for this site is full: this run is not saved. Delete old runs under Runs to make room; runs saved before are kept.",
  storageUnavailable: (detail: string) =>
    `Runs cannot be saved in this browser (${detail}). The page keeps working; runs saved before are kept.`,
  noLongerStored: 'it is no longer stored',
  shareHeading: 'Take it to a Keras notebook',
  shareIntro:
    "Train the same model on the same reviews in Keras (Colab, the book's notebooks): download the data, " +
    'paste the Keras code into a cell, and hold the two curves side by side.',
  downloadTfjs: 'Download TF.js model',
  copyKerasCode: 'Copy Keras code',
  downloadData: 'Download data',
  downloadWordIndex: 'Download word_index.json',
  tfjsNeedsModel:
    'Train a model, open a run or open a model file first: the TF.js and .keras downloads are the model Classify uses.',
  kerasCodeLabel: 'Keras code (a Python cell)',
  copied: 'Copied: paste it into a notebook cell.',
  copyManually: 'The browser did not allow copying: select the code below and copy it.',
  noKerasCode: 'The model is not a Sequential layer list: fix it on the Model tab first.',
  preparing: 'Preparing the file…',
  downloaded: (name: string) => `Downloaded ${name}.`,
  exportFailed: (msg: string) => `Could not prepare the file: ${msg}`,
  continueTraining: (epoch: number) => `Go on from epoch ${n(epoch)}`,
  openedStatus: (epochs: number, testAccuracy: number | null) =>
    `Saved run: ${n(epochs)} epochs${testAccuracy === null ? '' : `, test accuracy ${testAccuracy.toFixed(3)}`}.`,
  continueNote: (name: string, epochs: number) =>
    `Open run: ${name}, ${n(epochs)} epochs trained. Go on from epoch ${n(epochs + 1)} continues it with its weights and optimizer state; Train starts a new run.`,
};
