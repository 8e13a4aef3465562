// The messages between the page and the HDF5 worker (h5.worker.ts), which runs h5wasm off the
// main thread and only when a model file is written or opened. One request, one reply of the same
// id. A failure carries the FileProblem's code and parameters when it has them (the page words
// them in its language); a crash of the worker (h5wasm aborting on bytes it could not parse) ends
// that worker only: the client rejects what was pending and starts a new worker next time.
import type { ProblemCode } from './file-problem';
import type { H5DatasetIn, H5Walk } from './h5-core';

export type H5Request =
  /** A new HDF5 file holding these float32 datasets (and these groups, even if empty). */
  | { id: number; kind: 'write'; datasets: H5DatasetIn[]; groups: string[] }
  /** Every dataset and group attribute of a file, and the float32 values. */
  | { id: number; kind: 'walk'; bytes: Uint8Array };

export type H5Reply =
  | { id: number; ok: true; kind: 'write'; bytes: Uint8Array }
  | { id: number; ok: true; kind: 'walk'; walk: H5Walk }
  /** `fatal`: h5wasm trapped; this worker closes itself and must not be asked again. */
  | { id: number; ok: false; error: string; problem?: ProblemCode; params?: unknown[]; fatal?: boolean };
