// Every user-visible string of the page, in one place (a Korean table will sit beside this one).
export const strings = {
  appTitle: 'RNN Playground',
  tagline: 'Build a recurrent network, train it on IMDB reviews in this tab, and look inside.',
  engineLoading: 'Starting the engine…',
  engineReady: (simd: boolean) => `Engine ready (WebAssembly${simd ? ' with SIMD' : ''}).`,
  engineFailed: (msg: string) => `The engine could not start: ${msg}`,
  presetLabel: 'Preset',
  summaryOnly: 'summary only',
  summaryOnlyNote: (why: string) => `Summary only: ${why}`,
  modelJsonLabel: 'Model JSON',
  modelJsonHelp: 'Edit the model or paste the output of Keras\u2019 model.to_json() (Keras 2 or 3) or a TF.js model.json.',
  summaryHeading: 'Summary',
  colLayer: 'Layer (type)',
  colShape: 'Output Shape',
  colParams: 'Param #',
  colFormula: 'Formula',
  showFormulas: 'Show formulas',
  totalParams: (n: string) => `Total params: ${n}`,
  trainableParams: (n: string) => `Trainable params: ${n}`,
  nonTrainableParams: (n: string) => `Non-trainable params: ${n}`,
  invalidModel: 'This model is not valid:',
  source: (s: string) => `Source: ${s}`,
};

export function groupThousands(n: number): string {
  return n.toLocaleString('en-US');
}
