// The files the page hands to a Keras notebook: the TF.js model as one zip, the data set as an .npz
// and the word index as Keras' imdb.get_word_index() gives it. Pure: bytes and text out.
import { zipSync } from 'fflate';
import type { ExportedData } from '../engine/protocol';
import { parseWordIndex } from '../data/word-index';
import { npz } from './npz';

/** `<model name>-tfjs.zip`: the Keras model's name in model.json (letters, digits, _ and - kept). */
export function tfjsZipName(modelJson: string): string {
  let name = 'model';
  try {
    const doc = JSON.parse(modelJson) as {
      modelTopology?: { config?: { name?: unknown }; model_config?: { config?: { name?: unknown } } };
    };
    const n = doc.modelTopology?.model_config?.config?.name ?? doc.modelTopology?.config?.name;
    if (typeof n === 'string' && n.trim()) name = n.trim();
  } catch {
    /* keep 'model' */
  }
  return `${name.replace(/[^A-Za-z0-9_-]+/g, '_')}-tfjs.zip`;
}

/** model.json and weights.bin (float32, little-endian, the manifest's order), stored. */
export function tfjsZip(modelJson: string, weights: Float32Array): Uint8Array {
  return zipSync(
    {
      'model.json': new TextEncoder().encode(modelJson),
      'weights.bin': new Uint8Array(weights.buffer, weights.byteOffset, weights.byteLength),
    },
    { level: 0 },
  );
}

/** x_train, y_train, x_val, y_val, x_test, y_test as np.savez would store them. */
export function dataNpz(d: ExportedData): Uint8Array {
  const rows = (x: Int32Array) => [x.length / d.maxlen, d.maxlen];
  return npz({
    x_train: { data: d.x_train, shape: rows(d.x_train) },
    y_train: { data: d.y_train, shape: [d.y_train.length] },
    x_val: { data: d.x_val, shape: rows(d.x_val) },
    y_val: { data: d.y_val, shape: [d.y_val.length] },
    x_test: { data: d.x_test, shape: rows(d.x_test) },
    y_test: { data: d.y_test, shape: [d.y_test.length] },
  });
}

/** The site's word-index.json as Keras' get_word_index(): {word: rank}, the word's id = rank + 3. */
export function kerasWordIndex(siteWordIndexText: string): string {
  const index = parseWordIndex(siteWordIndexText);
  const out: Record<string, number> = {};
  index.words.forEach((w, i) => (out[w] = i + 1));
  return JSON.stringify(out);
}
