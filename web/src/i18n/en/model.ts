// The Model view: layer editor, model JSON and the Keras summary (English). The summary table's
// headings stay as Keras prints them in both languages.
import { groupThousands as n } from '../format';

export const model = {
  lockedWhileTraining: 'Locked while a model trains: the trained model is the one shown here.',
  editorHeading: 'Layers',
  inputLengthLabel: 'Input length (time steps = maxlen)',
  oneHotLabel: 'One-hot width (features per step)',
  inputNote: (oneHot: boolean) =>
    oneHot
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
  unsupportedLayer: (kind: string) =>
    `${kind} is not one of the layers this editor knows; edit it in the JSON below.`,
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
  modelJsonHelp:
    'Edit the model or paste the output of Keras\u2019 model.to_json() (Keras 2 or 3) or a TF.js model.json: the layer editor follows it.',
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
  /** What TF.js would do differently with a layer (engine/tfjs-notes.ts); the engine's English word for word. */
  tfjsNote: {
    gru_reset_after: (layer: string) =>
      `TF.js cannot load this model: GRU layer '${layer}' uses reset_after=True (Keras' default), which TF.js refuses ("GRUCell does not support reset_after parameter set to true"). Set reset_after to false to use the model in TF.js; the saved files are still what Keras reads.`,
    keras3_hard_sigmoid: (layer: string) =>
      `Layer '${layer}' uses Keras 3's hard_sigmoid (x/6 + 0.5); TF.js computes Keras 2's (0.2x + 0.5), so its predictions would differ. Use sigmoid to share the model with TF.js.`,
  },
  gruAnswerPlain: (u: number, nIn: number, plain: number) =>
    `With reset_after off: 3 × u × (n + u + 1) = 3 × ${u} × (${nIn} + ${u} + 1) = ${n(plain)}, the textbook count. Keras’ default (reset_after on) adds a second bias per gate.`,
};
