// `Copy Keras code`: one Python cell, in the book's style, that trains the playground's model in
// Keras on the same data: it loads the downloaded .npz and word_index.json, rebuilds the model
// with keras.Sequential, compiles it with the same optimizer, learning rate and loss, fits it with
// the same batch size, epochs and EarlyStopping, and carries `encode(text)` — this site's
// tokenizer rules (data/tokenizer.ts) in Python — so that model.predict on a typed review prints
// the probability the Classify tab shows. One-hot models one-hot encode batch by batch in a
// keras.utils.PyDataset (the whole array would take gigabytes: the book's 4 GB problem).
import type { DataSettings, TrainingSettings } from '../engine/protocol';
import { KERAS_DEFAULTS, readModel, type EditorLayer } from '../state/model-layers';

/** The data file's name: imdb-<quick|book>-<num_words>-<maxlen>.npz, long-memory-<num_words>-<maxlen>.npz */
export function dataFileName(d: DataSettings): string {
  return `${d.pack === 'long-memory' ? '' : 'imdb-'}${d.pack}-${d.num_words}-${d.maxlen}.npz`;
}

const py = (v: unknown): string => {
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (v === null || v === undefined) return 'None';
  return String(v);
};

function layerLine(l: EditorLayer): string {
  const c = l.config;
  const args: string[] = [];
  if (l.kind === 'Embedding') args.push(py(c.input_dim), py(c.output_dim));
  else if (l.kind === 'Dropout') args.push(py(c.rate));
  else args.push(py(c.units));
  for (const [key, fallback] of Object.entries(KERAS_DEFAULTS[l.kind] ?? {})) {
    if (c[key] !== undefined && c[key] !== fallback) args.push(`${key}=${py(c[key])}`);
  }
  return `model.add(keras.layers.${l.kind}(${args.join(', ')}))`;
}

const OPTIMIZERS: Record<TrainingSettings['optimizer'], string> = {
  rmsprop: 'RMSprop',
  adam: 'Adam',
  sgd: 'SGD',
};

/** The Python `encode(text)`: data/tokenizer.ts' rules, then imdb.load_data's ids, then pad_sequences. */
export const PYTHON_ENCODE = `# This site's tokenizer (web/src/data/tokenizer.ts): NFC, lower case, <br> as a space, ’ as ',
# tokens = runs of letters, digits and apostrophes (apostrophes at either end dropped); ids as
# imdb.load_data gives them (1 start, 2 out of vocabulary, word of rank r -> r + 3), padded and cut
# at the front as pad_sequences does.
BR_TAG = re.compile(r'<\\s*br\\s*/?\\s*>')

def tokenize(text):
    text = unicodedata.normalize('NFC', unicodedata.normalize('NFC', text).lower())
    text = BR_TAG.sub(' ', text).replace('\\u2019', "'")
    tokens, run = [], []
    for ch in text + ' ':
        if ch == "'" or unicodedata.category(ch)[0] in 'LN':
            run.append(ch)
        elif run:
            token = ''.join(run).strip("'")
            run = []
            if token:
                tokens.append(token)
    return tokens

def encode(text, num_words=NUM_WORDS, maxlen=MAXLEN):
    ids = [1] + [word_index[t] + 3 if t in word_index and word_index[t] + 3 < num_words else 2
                 for t in tokenize(text)]
    ids = ids[-maxlen:]
    return np.array([0] * (maxlen - len(ids)) + ids, dtype='int32')
`;

export interface KerasCodeInput {
  model: string;
  data: DataSettings;
  training: TrainingSettings;
  title: string;
}

/** The cell, or null when the model text is not a Sequential layer list. */
export function kerasCode({ model, data, training, title }: KerasCodeInput): string | null {
  let doc: unknown;
  try {
    doc = JSON.parse(model);
  } catch {
    return null;
  }
  const m = readModel(doc);
  if (!m || m.layers.length === 0) return null;
  const last = m.layers[m.layers.length - 1];
  const softmax = last.kind === 'Dense' && last.config.activation === 'softmax';
  const loss = softmax ? 'sparse_categorical_crossentropy' : 'binary_crossentropy';
  const oneHot = m.oneHotFeatures;
  const maxlen = m.inputLength ?? data.maxlen;
  const optimizer = OPTIMIZERS[training.optimizer];
  const lines: string[] = [
    `# ${title}: the RNN Playground model, data and training in Keras 3`,
    `# Upload ${dataFileName(data)} and word_index.json (Download data) beside this notebook.`,
    'import json, math, re, unicodedata',
    'import numpy as np',
    'import keras',
    '',
    `NUM_WORDS, MAXLEN = ${data.num_words}, ${maxlen}`,
    `data = np.load('${dataFileName(data)}')`,
    "train_seq, train_target = data['x_train'], data['y_train']",
    "val_seq, val_target = data['x_val'], data['y_val']",
    "test_seq, test_target = data['x_test'], data['y_test']",
    "with open('word_index.json', encoding='utf-8') as f:",
    '    word_index = json.load(f)',
    '',
    PYTHON_ENCODE,
  ];
  if (oneHot) {
    lines.push(
      `ONE_HOT = ${oneHot}`,
      '',
      'class OneHotBatches(keras.utils.PyDataset):',
      '    """Reviews one-hot encoded one batch at a time: the whole array would not fit in memory."""',
      '    def __init__(self, seq, target, batch_size, shuffle=False, **kwargs):',
      '        super().__init__(**kwargs)',
      '        self.seq, self.target, self.batch_size, self.shuffle = seq, target, batch_size, shuffle',
      '        self.order = np.arange(len(seq))',
      '        if shuffle:',
      '            np.random.shuffle(self.order)',
      '',
      '    def __len__(self):',
      '        return math.ceil(len(self.seq) / self.batch_size)',
      '',
      '    def __getitem__(self, i):',
      '        rows = self.order[i * self.batch_size:(i + 1) * self.batch_size]',
      '        return keras.utils.to_categorical(self.seq[rows], ONE_HOT), self.target[rows]',
      '',
      '    def on_epoch_end(self):',
      '        if self.shuffle:',
      '            np.random.shuffle(self.order)',
      '',
      `train_oh = OneHotBatches(train_seq, train_target, ${training.batch_size}, shuffle=True)`,
      `val_oh = OneHotBatches(val_seq, val_target, ${training.batch_size})`,
      `test_oh = OneHotBatches(test_seq, test_target, ${training.batch_size})`,
    );
  }
  lines.push(
    '',
    'model = keras.Sequential()',
    `model.add(keras.Input(shape=(${oneHot ? `MAXLEN, ${oneHot}` : 'MAXLEN,'})))`,
    ...m.layers.map(layerLine),
    'model.summary()',
    '',
    // clipnorm only when set (Keras' default is no clipping), so the book's cells stay the book's.
    `${training.optimizer} = keras.optimizers.${optimizer}(learning_rate=${py(training.learning_rate)}${training.clipnorm ? `, clipnorm=${py(training.clipnorm)}` : ''})`,
    `model.compile(optimizer=${training.optimizer}, loss='${loss}', metrics=['accuracy'])`,
  );
  const callbacks: string[] = [];
  if (training.patience > 0) {
    lines.push(
      `early_stopping_cb = keras.callbacks.EarlyStopping(patience=${training.patience}, restore_best_weights=${py(training.restore_best)})`,
    );
    callbacks.push('early_stopping_cb');
  }
  const fitData = oneHot ? 'train_oh' : `train_seq, train_target, batch_size=${training.batch_size}`;
  const valData = oneHot ? 'val_oh' : '(val_seq, val_target)';
  lines.push(
    `history = model.fit(${fitData}, epochs=${training.epochs},`,
    `                    validation_data=${valData}${callbacks.length ? `, callbacks=[${callbacks.join(', ')}]` : ''})`,
    `print(model.evaluate(${oneHot ? 'test_oh' : 'test_seq, test_target'}))`,
    '',
    "review = 'A wonderful film, the best I have seen this year.'",
    oneHot
      ? 'prediction = model.predict(keras.utils.to_categorical(encode(review)[None, :], ONE_HOT))'
      : 'prediction = model.predict(encode(review)[None, :])',
    `print('probability of positive:', float(prediction[0][${softmax ? 1 : 0}]))`,
  );
  return lines.join('\n') + '\n';
}
