// Types of the Emscripten glue built from cpp/bindings/bindings.cpp (rnn_engine.mjs is a build
// output). Every function returns a JSON reply {"ok": true, "value": ...} | {"ok": false, "error": "..."}.
export interface EngineSession {
  loadPack(bytes: Uint8Array): string;
  describeData(numWords: number, maxlen: number, samples: number): string;
  startTraining(modelJson: string, settingsJson: string): string;
  runSlice(maxBatches: number): string;
  stopTraining(): string;
  finishTraining(): string;
  predict(sequencesJson: string): string;
  /** count sequences of equal length, flat and sample-major; faster than predict for many. */
  predictIds(ids: Int32Array, count: number): string;
  trace(idsJson: string): string;
  /** A saved model (topology only; weights zero until written into stateView(0)). */
  loadModel(modelJson: string): string;
  /**
   * A view of wasm memory over the weights (0) or the run's optimizer state (1), or null: copy it
   * (slice) before any other call, or set() saved values into it (its length is fixed).
   */
  stateView(which: 0 | 1): Float32Array | null;
  /**
   * One array of the data set at numWords / maxlen (0 x_train, 1 y_train, 2 x_val, 3 y_val,
   * 4 x_test, 5 y_test) as a view of wasm memory to copy at once, or the error message.
   */
  dataView(numWords: number, maxlen: number, which: number): Int32Array | string;
  delete(): void;
}

export interface RnnEngineModule {
  summarizeModel(modelJson: string): string;
  engineInfo(): string;
  /** Bytes the engine's allocator holds for live allocations (a plain number, not a JSON reply). */
  allocatorBytesInUse(): number;
  /** Embind's own count of live emscripten::val handles (each one a JS value C++ holds). */
  count_emval_handles(): number;
  Session: new () => EngineSession;
}
declare const createRnnEngine: (options?: { wasmBinary?: ArrayBuffer | Uint8Array; locateFile?: (p: string) => string }) => Promise<RnnEngineModule>;
export default createRnnEngine;
