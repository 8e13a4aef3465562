// Messages from the page's own code (the worker, the set-up checks), English.
// Thrown as MessageError (../message.ts) with a code and parameters, so the page can say them in
// either language; their English text is what a log or a Node test sees.
export const messages = {
  downloadFailed: (file: string, why: string) =>
    `Could not download ${file}: ${why}. Check the connection and reload.`,
  downloadHttp: (file: string, status: number) =>
    `Could not download ${file} (HTTP ${status}). The site may be incomplete: rebuild it with npm run build.`,
  dataDamaged: (file: string, why: string) =>
    `The data file ${file} is damaged: ${why} Rebuild the site or reload.`,
  workerCrashed: (why: string) => `The engine worker crashed: ${why}`,
  workerStopped: 'The engine worker was stopped.',
  engineTrapped: (why: string) => `The engine stopped: ${why}`,
  alreadyTraining: 'A training run is already going in this worker: stop it first.',
  modelTraining: 'This model is training right now: the review is classified again when the run ends.',
  noTrainedModel: 'There is no trained model yet: train a model first (Train tab), then classify.',
  reviewTooLong: (chars: string, max: string) =>
    `The review is ${chars} characters long; paste at most ${max}.`,
  maxlenMismatch: (steps: number, maxlen: number) =>
    `The model reads sequences of ${steps} steps but maxlen is ${maxlen}: make them equal (Data section, or the input length in the layer editor).`,
  numWordsTooLarge: (numWords: number, vocab: number, embedding: boolean) =>
    `num_words is ${numWords} but the model reads only ${vocab} different token ids: lower num_words or raise the ${embedding ? "Embedding's input_dim" : 'one-hot width'}.`,
  savedDoNotFit: (what: 'weights' | 'optimizer state', count: number, expected: number) =>
    `The saved ${what} do not fit this model: ${count} numbers for ${expected}.`,
  savedNotFinite: (what: 'weights' | 'optimizer state', at: number) =>
    `The saved ${what} hold a value that is not a finite number (at ${at}).`,
  outputNotNumber:
    "This model's output is not a number: its weights diverged during training. Train it again with a lower learning rate.",
  downloadWhileTraining: 'This model is training: download it when the run has ended.',
  noModelToDownload: 'There is no trained model yet: train one or open a run first.',
  otherPackTraining: 'A model is training on the other data pack: download the data when the run has ended.',
  workerTraining: 'This worker is training: stop the run first.',
};
