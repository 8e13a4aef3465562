// Keys whose Korean text stays in Latin letters on purpose, as the book and Keras print them:
// the Keras summary table (users hold it against Keras' printout), Keras' history keys in chart
// legends, and texts made only of a layer's kind and name or an option's Keras name. Every other
// Korean value contains Hangul (tests/js/i18n.test.ts checks it).
export const identifierKeys: readonly string[] = [
  'model.layerLegend', // "1. LSTM ‘lstm’"
  'model.option', // "lstm units" (the field's accessible name: layer name and Keras option)
  'model.colLayer',
  'model.colShape',
  'model.colParams',
  'model.totalParams',
  'model.trainableParams',
  'model.nonTrainableParams',
  'data.maxlenMark', // "maxlen 100" on the histogram
  'train.sLoss',
  'train.sValLoss',
  'train.sAcc',
  'train.sValAcc',
  'train.kerasVersion.2',
  'train.kerasVersion.3', // "tf.keras 2 (TF 2.6–2.10)", "Keras 3": version names
  'compare.jobDone', // passes the translated stop reason through
  'classify.oovMark', // the "oov" tag the legend explains
  'classify.layerOption', // "1. LSTM ‘lstm’"
  'presets.title.lstm',
  'presets.title.gru', // "09-3 LSTM(8)": section number and Keras layer only
];
