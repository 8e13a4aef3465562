// Loads the real WebAssembly modules in Node (the glue is built for web/worker; Node 20's fetch
// cannot read a file path, so the bytes are passed in: TOOLCHAIN.md, trap 2).
import { readFile } from 'node:fs/promises';
import createRnnEngine, { type RnnEngineModule } from '../../../web/src/wasm/rnn_engine.mjs';
import createRnnFormats, { type RnnFormatsModule } from '../../../web/src/wasm/rnn_formats.mjs';

/** One module per file, instantiated once. */
function loader<T>(
  file: string,
  create: (options: { wasmBinary: Uint8Array }) => Promise<T>,
): () => Promise<T> {
  let cached: Promise<T> | null = null;
  return () =>
    (cached ??= readFile(new URL(`../../../web/src/wasm/${file}`, import.meta.url)).then((wasmBinary) =>
      create({ wasmBinary }),
    ));
}

export const loadEngine: () => Promise<RnnEngineModule> = loader('rnn_engine.wasm', createRnnEngine);
/** The file formats module (the page loads it only when a model is downloaded). */
export const loadFormats: () => Promise<RnnFormatsModule> = loader('rnn_formats.wasm', createRnnFormats);
