// Loads the real WebAssembly module in Node (the glue is built for web/worker; Node 20's fetch
// cannot read a file path, so the bytes are passed in: TOOLCHAIN.md, trap 2).
import { readFile } from 'node:fs/promises';
import createRnnEngine, { type RnnEngineModule } from '../../../web/src/wasm/rnn_engine.mjs';
import createRnnFormats, { type RnnFormatsModule } from '../../../web/src/wasm/rnn_formats.mjs';

let cached: Promise<RnnEngineModule> | null = null;

export function loadEngine(): Promise<RnnEngineModule> {
  cached ??= (async () => {
    const wasmBinary = await readFile(new URL('../../../web/src/wasm/rnn_engine.wasm', import.meta.url));
    return createRnnEngine({ wasmBinary });
  })();
  return cached;
}

let formats: Promise<RnnFormatsModule> | null = null;

/** The file formats module (loaded by the page only when a model is downloaded). */
export function loadFormats(): Promise<RnnFormatsModule> {
  formats ??= (async () => {
    const wasmBinary = await readFile(new URL('../../../web/src/wasm/rnn_formats.wasm', import.meta.url));
    return createRnnFormats({ wasmBinary });
  })();
  return formats;
}
