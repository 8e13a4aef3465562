// The Classify view (English).
import { groupThousands as n } from '../format';
import { EQUATIONS, byCellKind } from '../equations';

const plural = (count: number, one: string, many = `${one}s`) => `${n(count)} ${count === 1 ? one : many}`;

export const classify = {
  tab: 'Classify',
  trainedHere: (title: string) => `${title} (Train tab)`,
  trainedInCompare: (title: string) => `${title} (Compare)`,
  heading: 'Classify a review',
  intro:
    'Type or paste a movie review: the trained model reads it word by word. Below, its verdict, the tokens it saw, ' +
    'how its opinion moved while reading, and what happened inside its recurrent layers.',
  reviewLabel: 'Review',
  reviewPlaceholder: 'Type a review in English, e.g. “A wonderful film, the best I have seen this year.”',
  classify: 'Classify',
  examplesLabel: 'Examples',
  reviewHelp:
    'Classifies as you type. The same tokenizer as the training data: lower-case words of letters, digits and apostrophes.',
  mapsScrollLabel: (words: number) => `Heat maps of ${n(words)} words: scroll sideways to see them all`,
  syntheticNote:
    'This model learned Long memory’s synthetic tokens, not reviews: it only knows the ids 3 (A, label 1), 4 (B, label 0) and 5 to 34 (noise). A typed review is turned into ids with the IMDB word list as for the other models, and every id from 35 up becomes 2 (unknown); so it reads the few commonest words as the tokens that share their ids (“the” is id 4, which it learned as B) and everything else as an id it never saw. Its verdict says nothing about the review; to see it remember, type a sequence of common words and watch the heat maps.',
  verdict: (p: number) => `${p >= 0.5 ? 'Positive' : 'Negative'} — probability ${p.toFixed(2)}`,
  verdictExplain:
    'Probability of a positive review (the output layer’s sigmoid); 0.5 and above reads as positive.',
  noModels:
    'No trained model yet: train one in the Train tab (or several in Compare), then come back here to classify reviews with it.',
  emptyReview: 'Type or paste a review above, or pick an example, to classify it.',
  working: 'Reading the review…',
  noWords:
    'No words found: punctuation, symbols and emoji are not words for this model (it reads runs of letters, digits and apostrophes). Type a few words in English.',
  failed: (msg: string) => `Could not classify: ${msg}`,
  oneWord: 'Only one word: the verdict rests on that word alone (read after the start token).',
  allOov: (count: number) =>
    `All ${plural(count, 'word')} ${count === 1 ? 'is' : 'are'} out of the vocabulary (id 2): the model sees the same “unknown word” at every step and cannot tell ${count === 1 ? 'it' : 'them'} apart. ` +
    'It learnt from English movie reviews — try writing in English.',
  someOov: (oov: number, words: number, numWordsHint: boolean) =>
    `${n(oov)} of ${plural(words, 'word')} ${oov === 1 ? 'is' : 'are'} out of the vocabulary (marked, id 2)${numWordsHint ? '; a larger num_words keeps more words' : ''}.`,
  cut: (total: number, kept: number, cut: number) =>
    `The review has ${plural(total, 'token')} with the start token; maxlen keeps the last ${n(kept)} (Keras’ 'pre' truncation), ` +
    `so the first ${plural(cut, 'token')} (greyed) never reach the network.`,
  tokensHeading: 'Tokens',
  tokensLabel: 'Tokens of the review with their ids',
  tokensLegend:
    'Each token with its id. Out of vocabulary (id 2): dashed and marked “oov”. Greyed and struck through: cut by maxlen. Padding (id 0) is not shown.',
  oovMark: 'oov',
  cutMark: 'cut',
  tokenTitle: (text: string, id: number, oov: boolean, cut: boolean) =>
    `${text}: id ${id}${oov ? ', out of vocabulary' : ''}${cut ? ', cut by maxlen (not read)' : ''}`,
  omittedCut: (count: number) => `… ${plural(count, 'earlier token')} cut by maxlen`,
  chartHeading: 'Prediction after each word',
  chartNote:
    'One forward pass over the review: after each word the output layer is applied to the hidden state h_t. ' +
    'This is not the same as classifying each prefix on its own, which would be padded with more zeros in front and start from another state.',
  chartLabel: (points: number) => `Probability of positive after each kept token: ${plural(points, 'point')}`,
  chartX: 'token',
  chartY: 'P(positive)',
  chartSeries: 'P(positive)',
  mapsHeading: 'Inside the network',
  layerPicker: 'Recurrent layer to inspect',
  layerOption: (i: number, kind: string, name: string) => `${i + 1}. ${kind} ‘${name}’`,
  mapsNote: byCellKind({
    SimpleRNN: `SimpleRNN: the hidden state ${EQUATIONS.simpleRnnState} after each word.`,
    LSTM: `LSTM: the input, forget and output gates (0 = closed, 1 = open), the cell state c_t that carries memory, and the hidden state ${EQUATIONS.lstmState}.`,
    GRU: `GRU: the update gate z (1 = keep the previous state) and reset gate r, and the hidden state ${EQUATIONS.gruState}.`,
  }),
  mapHelp:
    'Rows are units, columns are the kept tokens. Hover a cell, or focus a map and move with the arrow keys, to read it.',
  mapTitle: {
    input: 'Input gate i',
    forget: 'Forget gate f',
    output: 'Output gate o',
    update: 'Update gate z',
    reset: 'Reset gate r',
    cell: 'Cell state c',
    hidden: 'Hidden state h',
  } as Record<string, string>,
  mapLabel: (title: string, units: number, steps: number) =>
    `${title}: heat map of ${plural(units, 'unit')} × ${plural(steps, 'token')}. Arrow keys move between cells.`,
  cellReadout: (word: string, step: number, unit: number, value: number) =>
    `‘${word}’ (token ${step + 1}), unit ${unit + 1}: ${value.toFixed(3)}`,
  mapIdle: 'Hover or focus a cell to read it.',
  scaleLabel: (lo: number, hi: number) => `colour scale from ${lo.toFixed(2)} to ${hi.toFixed(2)}`,
  examples: {
    positive: 'Clear positive',
    negative: 'Clear negative',
    mixed: 'Mixed',
    negation: 'With negation',
  } as Record<string, string>,
};
