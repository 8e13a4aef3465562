// What both languages write the same way: the cells' equations in Keras' form (written once here,
// quoted by en/ and ko/), and the lookup of a sentence by recurrent cell kind.

/** The equations the Classify and Cell anatomy texts quote. */
export const EQUATIONS = {
  simpleRnnState: 'h_t = tanh(x_t W + h_{t-1} U + b)',
  lstmState: 'h_t = o_t ⊙ tanh(c_t)',
  gruState: 'h_t = z ⊙ h_{t-1} + (1 − z) ⊙ h̃_t',
  /** Cell anatomy's form (one step, so h̃ without its index; the minus of t−1 typeset). */
  gruStep: 'h_t = z ⊙ h_{t−1} + (1 − z) ⊙ h̃',
  lstmOutput: 'h_t = o ⊙ tanh(c_t)',
} as const;

/** One sentence per recurrent cell kind; '' for any other kind. */
export function byCellKind(sentences: { SimpleRNN: string; LSTM: string; GRU: string }) {
  return (kind: string): string => (sentences as Record<string, string>)[kind] ?? '';
}
