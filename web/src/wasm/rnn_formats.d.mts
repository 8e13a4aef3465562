// Types of the Emscripten glue built from cpp/bindings/formats/formats_bindings.cpp (rnn_formats.mjs
// is a build output): the file formats module, loaded only when a model is downloaded or opened.
// Every function returns the reply framing {"ok": true, "value": ...} | {"ok": false, "error", "code"?,
// "params"?}; the values' JSON shapes are in docs/formats.md.
export interface RnnFormatsModule {
  /** {"ok": true, "value": {"model_json": text}} as the CLI writes model.json, or {"ok": false, "error"}. */
  tfjsModelJson(modelJson: string): string;
  /** A .keras file described: {"metadata_json", "config_json", "members", "groups", "datasets": [{"path", "shape", "offset", "dtype"}]}. */
  kerasSave(modelJson: string, compileJson: string): string;
  /** A Keras 3 .keras file from config.json and the listing of model.weights.h5: {"model_json", "weights": [{"path", "shape", "offset"}], "notes"}. */
  kerasOpen(configJson: string, h5ListingJson: string): string;
  /** A tf.keras 2 model.save('x.h5') file from its listing: same value as kerasOpen. */
  h5ModelOpen(h5ListingJson: string): string;
  /** A TF.js model.json with its one weight file: {"model_json", "weights_b64", "notes"}. */
  tfjsOpen(modelJson: string, weightsBin: Uint8Array): string;
}
declare const createRnnFormats: (options?: { wasmBinary?: ArrayBuffer | Uint8Array; locateFile?: (p: string) => string }) => Promise<RnnFormatsModule>;
export default createRnnFormats;
