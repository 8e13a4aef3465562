// The cell anatomy, the gradient charts and word removal (Classify, and the Train tab's gradient
// chart). Numbers are formatted by the caller (web/src/ui/classify/cell-format.ts).
import { EQUATIONS, byCellKind } from '../equations';

export const cell = {
  anatomy: 'Cell anatomy',
  anatomyIntro: byCellKind({
    SimpleRNN:
      'One SimpleRNN cell at one time step, drawn as the book draws it, with the numbers your model computed for this word.',
    LSTM:
      'One LSTM cell at one time step, drawn as the book draws it: three gates (input i, forget f, output o), the candidate g, ' +
      'and the cell state c that only circulates inside the cell. Every box holds the numbers your model computed for this word.',
    GRU:
      'One GRU cell at one time step, drawn as the book draws it: the update gate z, the reset gate r and the candidate h̃ ' +
      `(Keras’ form, ${EQUATIONS.gruStep}). Every box holds the numbers your model computed for this word.`,
  }),
  resetAfter: (after: boolean) =>
    after
      ? '(reset_after=True, Keras’ default: r multiplies h_{t−1} U_h + b_rh)'
      : '(reset_after=False: r multiplies h_{t−1} before U_h)',
  timeStep: 'Time step',
  stepText: (t: number, steps: number, word: string) => `${t + 1} of ${steps}: ‘${word}’`,
  play: 'Play',
  pause: 'Pause',
  copy: 'Copy step as JSON',
  copied: 'Copied this step to the clipboard (also shown below).',
  copyFailed: 'The clipboard is not available here: select the text below and copy it.',
  copiedJson: 'The step as JSON',
  explainIdle: 'Focus or hover a number to see how it was computed and where it flows next.',
  boxes: {
    x: 'x_t (input)',
    h_prev: 'h_{t−1} (previous state)',
    c_prev: 'c_{t−1} (previous cell state)',
    i: 'i (input gate)',
    f: 'f (forget gate)',
    g: 'g (candidate)',
    o: 'o (output gate)',
    z: 'z (update gate)',
    r: 'r (reset gate)',
    hh: 'h̃ (candidate)',
    c: 'c_t (cell state)',
    h: 'h_t (new state)',
  },
  oneHotInput: (id: number, word: string) => `x_t is one-hot: a 1 at id ${id} (‘${word}’), 0 elsewhere.`,
  flows: {
    i: 'It flows into c_t as i ⊙ g: how much of the candidate is written into the cell state.',
    f: 'It flows into c_t as f ⊙ c_{t−1}: how much of the old cell state is kept (1 keeps all).',
    g: 'It flows into c_t as i ⊙ g: the new content proposed for the cell state.',
    o: `It flows into ${EQUATIONS.lstmOutput}: how much of the cell state is shown.`,
    z: `It flows into ${EQUATIONS.gruStep}: 1 keeps the previous state, 0 takes the candidate.`,
    r: 'It flows into the candidate h̃: how much of the previous state it may use.',
    hh: 'It flows into h_t with weight 1 − z.',
    c: 'It stays inside the cell: it is the next step’s c_{t−1}, and h_t shows it through tanh and o.',
    h: 'It is this layer’s output at this step: the next step’s h_{t−1}, and the input of the layer above (or of the output layer after the last word).',
    x: 'It is multiplied by the kernel W into every gate’s pre-activation.',
    h_prev: 'It is multiplied by the recurrent kernel U into every gate’s pre-activation.',
    c_prev: 'It is multiplied by the forget gate f into c_t.',
  },
  inputFrom: (first: boolean, oneHot: boolean, word: string) =>
    first
      ? oneHot
        ? `a component of the one-hot vector of ‘${word}’`
        : `a component of the Embedding row of ‘${word}’`
      : `the lower layer’s h_t at ‘${word}’`,
  prevFrom: (first: boolean) =>
    first ? 'the state after the padding steps before the first word' : 'the state after the previous word',
  rest: (count: number, sum: string) => `… (${count} more: ${sum})`,

  gradHeading: 'How much each word can still move the prediction',
  gradNote:
    'The size of the gradient ‖∂z/∂x_t‖ of the output layer’s logit z with respect to the first recurrent layer’s input at each word, ' +
    'computed by the backward pass. A curve that falls towards the start of the review means the early words barely count any more: ' +
    'a SimpleRNN’s usually does (the gradient vanishes through the time steps); an LSTM’s and a GRU’s keep more. Log scale.',
  gradX: 'token',
  gradY: '‖∂z/∂x_t‖',
  gradCompareHeading: 'How much each word can still move the prediction, every model',
  gradTrainHeading:
    'How much each word can still move the prediction (64 validation reviews, after each epoch)',
  gradTrainNote:
    'After each epoch: the mean of ‖∂z/∂x_t‖ over the same 64 validation reviews, by how many words before the end of the review the word stands ' +
    '(left: the first words of a long review; 0: the last word). Log scale.',
  gradTrainX: 'words before the end of the review',
  epochSeries: (e: number) => `epoch ${e}`,

  movesHeading: 'The largest moves',
  move: (
    word: string,
    step: number,
    unit: number,
    delta: number,
    cause: string,
    gate: number,
    candidate: number,
  ) => {
    const d = `${delta >= 0 ? '+' : '−'}${Math.abs(delta).toFixed(2)}`;
    const where = `‘${word}’ (token ${step + 1})`;
    if (cause === 'input')
      return `${where}: the cell state c of unit ${unit + 1} moved by ${d} — the input gate (i = ${gate.toFixed(2)}) wrote the candidate g = ${candidate.toFixed(2)} into it.`;
    if (cause === 'forget')
      return `${where}: the cell state c of unit ${unit + 1} moved by ${d} — the forget gate (f = ${gate.toFixed(2)}) erased what it held.`;
    if (cause === 'update')
      return `${where}: the hidden state h of unit ${unit + 1} moved by ${d} — the update gate (z = ${gate.toFixed(2)}) let the candidate h̃ = ${candidate.toFixed(2)} in.`;
    return `${where}: the hidden state h of unit ${unit + 1} moved by ${d}.`;
  },
  wordsHeading: 'What each word did',
  wordsNote:
    'Each word coloured by how much the verdict changes when that word alone is replaced by the unknown word (id 2): ' +
    'green words pushed towards positive, red towards negative. Click a word to remove it from the review (click again to bring it back): ' +
    'the verdict, the chart and the heat maps follow.',
  wordDelta: (word: string, delta: number) =>
    `without ‘${word}’ P(positive) moves by ${delta >= 0 ? '+' : '−'}${Math.abs(delta).toFixed(3)}`,
  removedMark: 'removed',
  removeWord: (word: string) => `Remove ‘${word}’ from the review`,
  restoreWord: (word: string) => `Bring back ‘${word}’`,
  removedCount: (n: number) =>
    `${n} word${n === 1 ? '' : 's'} removed: the verdict is for the shortened review.`,
  restoreAll: 'Restore all words',
};
