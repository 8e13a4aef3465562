// The HDF5 worker: h5wasm (4 MB of JavaScript with its WebAssembly inside) is loaded here, the
// first time a .keras file is written or a model file opened, never on the main thread. Files live
// in h5wasm's in-memory file system for the length of one request.
/// <reference lib="webworker" />
import h5wasm from 'h5wasm';
import { FileProblem } from './file-problem';
import { walkH5, writeH5, type H5Api } from './h5-core';
import type { H5Reply, H5Request } from './h5-protocol';

declare const self: DedicatedWorkerGlobalScope;

let api: Promise<H5Api> | null = null;
const load = (): Promise<H5Api> =>
  (api ??= h5wasm.ready.then((m) => ({ File: h5wasm.File, FS: m.FS as unknown as H5Api['FS'] })));

let serial = 0;
self.onmessage = async (e: MessageEvent<H5Request>) => {
  const req = e.data;
  const scratch = `/model-${++serial}.h5`;
  let reply: H5Reply;
  try {
    const h5 = await load();
    if (req.kind === 'write') {
      const bytes = writeH5(h5, scratch, req.datasets, req.groups);
      self.postMessage({ id: req.id, ok: true, kind: 'write', bytes } satisfies H5Reply, [bytes.buffer]);
      return;
    }
    reply = { id: req.id, ok: true, kind: 'walk', walk: walkH5(h5, scratch, req.bytes) };
  } catch (err) {
    reply =
      err instanceof FileProblem
        ? { id: req.id, ok: false, error: err.message, problem: err.problem, params: [...err.params] }
        : {
            id: req.id,
            ok: false,
            error: err instanceof Error ? err.message : String(err),
            fatal: err instanceof WebAssembly.RuntimeError,
          };
  }
  self.postMessage(reply);
  // A trap leaves h5wasm's memory in an unknown state: this worker ends, the page starts another.
  if (!reply.ok && reply.fatal) self.close();
};
