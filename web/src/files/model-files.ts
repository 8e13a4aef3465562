// The page's entry to model files, loaded by dynamic import only when a user downloads a .keras
// file or opens a model (it brings fflate and starts the HDF5 worker, which loads h5wasm).
import type { EngineClient } from '../engine/client';
import type { KerasCompile } from '../engine/protocol';
import { H5Client } from './h5-client';
import { kerasFile, kerasFileName } from './keras-file';
import { openModelFiles, type OpenedModel, type PickedFile } from './open-model';

let h5: H5Client | null = null;
const h5Client = () => (h5 ??= new H5Client());

/** The .keras file of the model `client`'s worker holds, and its name. */
export async function makeKerasFile(
  client: EngineClient,
  compile: KerasCompile,
): Promise<{ name: string; bytes: Uint8Array }> {
  const archive = await client.request('exportKeras', { compile });
  const bytes = await kerasFile(archive, (d, g) => h5Client().write(d, g));
  return { name: kerasFileName(archive.config_json), bytes };
}

/** The picked files as a model and its weights (nothing is loaded into a worker yet). */
export function openPickedFiles(client: EngineClient, files: PickedFile[]): Promise<OpenedModel> {
  return openModelFiles(files, {
    describe: (file) => client.request('describeModelFile', file),
    walkH5: (bytes) => h5Client().walk(bytes),
    openTfjs: (file) => client.request('openTfjsFile', file),
  });
}

export { FileProblem } from './file-problem';
export type { OpenedModel } from './open-model';
