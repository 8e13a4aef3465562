// Types of the Emscripten glue built from cpp/bindings/formats/formats_bindings.cpp (rnn_formats.mjs
// is a build output): the file formats module, loaded only when a model is downloaded.
export interface RnnFormatsModule {
  /** {"ok": true, "value": {"model_json": text}} as the CLI writes model.json, or {"ok": false, "error"}. */
  tfjsModelJson(modelJson: string): string;
}
declare const createRnnFormats: (options?: { wasmBinary?: ArrayBuffer | Uint8Array; locateFile?: (p: string) => string }) => Promise<RnnFormatsModule>;
export default createRnnFormats;
