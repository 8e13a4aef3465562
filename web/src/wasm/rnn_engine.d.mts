// Types of the Emscripten glue built from cpp/bindings/bindings.cpp (rnn_engine.mjs is a build
// output). Every function returns a JSON reply {"ok": true, "value": ...} | {"ok": false, "error": "..."}.
export interface RnnEngineModule {
  summarizeModel(modelJson: string): string;
  engineInfo(): string;
}
declare const createRnnEngine: (options?: { wasmBinary?: ArrayBuffer | Uint8Array; locateFile?: (p: string) => string }) => Promise<RnnEngineModule>;
export default createRnnEngine;
