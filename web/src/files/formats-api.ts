// The formats module's Keras functions (cpp/bindings/formats, issue 18's format core: see
// cpp/engine/keras_format.hpp), as the engine worker calls them. Every one returns the module's
// reply framing {"ok": true, "value": ...} | {"ok": false, "error", "code"?, "params"?} as text.
import type { RnnFormatsModule } from '../wasm/rnn_formats.mjs';
import type { KerasDataset } from '../engine/protocol';

export interface FormatsApi extends RnnFormatsModule {
  /** value: {metadata_json, config_json, members, groups, datasets: [{path, shape, offset, dtype}]}. */
  kerasSave(modelJson: string, compileJson: string): string;
  /** value: {model_json, weights: [{path, shape, offset}], notes}. */
  kerasOpen(configJson: string, h5ListingJson: string): string;
  h5ModelOpen(h5ListingJson: string): string;
}

/** kerasSave's value with the worker's copy of the weights the datasets slice. */
export interface KerasArchive {
  metadata_json: string;
  config_json: string;
  groups: string[];
  datasets: KerasDataset[];
  weights: Float32Array<ArrayBuffer>;
}
