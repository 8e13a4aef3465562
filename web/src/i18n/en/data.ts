// The Data view (English).
import { groupThousands as n } from '../format';

export const data = {
  dataHeading: 'Data',
  packLabel: 'Data set',
  packQuick: 'Quick subset (fast; default)',
  packBook: 'The book’s split (20,000 / 5,000 / 25,000)',
  packLongMemory: 'Long memory (synthetic, 200 steps)',
  numWordsLabel: 'num_words (vocabulary size)',
  maxlenLabel: 'maxlen (tokens kept per review)',
  dataLoading: (loaded: number, total: number | null) =>
    `Loading data… ${(loaded / 1e6).toFixed(1)} MB${total ? ` of ${(total / 1e6).toFixed(1)} MB` : ''}`,
  dataFailed: (msg: string) =>
    `The data could not be loaded: ${msg} Check that the data files were built (npm run build) and try again.`,
  dataCounts: (train: number, val: number, test: number) =>
    `${n(train)} training, ${n(val)} validation and ${n(test)} test reviews.`,
  lengthHeading: 'Review lengths (training split)',
  lengthStats: (mean: number, median: number, maxlen: number, cut: number) =>
    `Mean ${mean.toFixed(1)} tokens, median ${median}. maxlen ${maxlen} keeps the last ${maxlen} tokens: ${cut.toFixed(0)}% of reviews are longer and get cut at the front; shorter ones are padded with 0 at the front.`,
  histogramLabel: (bins: number, maxlen: number) =>
    `Histogram of review lengths in ${bins} bins, with the maxlen cut at ${maxlen} tokens`,
  maxlenMark: (m: number) => `maxlen ${m}`,
  samplesHeading: 'Encoded reviews',
  sampleLabel: (label: number) => (label === 1 ? 'positive' : 'negative'),
  sampleIds: 'ids',
  sampleWords: 'decoded',
  samplesNote:
    'Ids: 0 padding (not shown), 1 start, 2 out of vocabulary (beyond num_words), words from 4 by frequency.',
  sampleTokens: 'tokens',
  longMemoryAbout:
    'Long memory is not made of reviews. Each sequence has 200 steps: one of them holds A (label 1) or B (label 0), every other step one of 30 noise tokens n1 … n30 drawn at random. In the validation and test sequences A or B is within the first 40 steps, so the label must be remembered through at least 160 steps of noise; in the training sequences it can be anywhere. The data are drawn from a fixed seed, the same for everyone.',
  longMemorySamplesNote:
    'Ids: 3 is A (label 1), 4 is B (label 0), 5 to 34 the noise tokens n1 to n30; there is no padding, start or unknown id.',
  wordIndexFailed: (msg: string) =>
    `The word list could not be loaded (${msg}); the reviews are shown as ids only.`,
};
