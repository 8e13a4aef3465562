// The page's side of the HDF5 worker: promise-based write and walk. The worker starts on the
// first request; one that crashed (h5wasm aborting on a hostile file) or took longer than
// TIMEOUT_MS (a file whose structure loops) is ended and the next request starts a fresh one, so a
// bad file never freezes the page or leaves it without HDF5.
import { FileProblem, type ProblemCode, type ProblemParams } from './file-problem';
import type { H5DatasetIn, H5Walk } from './h5-core';
import type { H5Reply, H5Request } from './h5-protocol';

/** Far longer than any model file takes (the Reuters model's 12 MB: well under a second). */
const TIMEOUT_MS = 30_000;

type Pending = { resolve: (r: H5Reply & { ok: true }) => void; reject: (e: Error) => void };
type Ask = H5Request extends infer R ? (R extends { id: number } ? Omit<R, 'id'> : never) : never;

export class H5Client {
  private worker: Worker | null = null;
  private nextId = 1;
  private pending = new Map<number, Pending>();

  private start(): Worker {
    const worker = new Worker(new URL('./h5.worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<H5Reply>) => {
      const r = e.data,
        p = this.pending.get(r.id);
      if (!p) return;
      this.pending.delete(r.id);
      if (!r.ok && r.fatal) this.drop(new FileProblem('h5Unreadable', r.error));
      if (r.ok) p.resolve(r);
      else if (r.problem) p.reject(new FileProblem(r.problem, ...(r.params as ProblemParams[ProblemCode])));
      else p.reject(new FileProblem('h5Unreadable', r.error));
    };
    worker.onerror = (e: ErrorEvent) => {
      e.preventDefault();
      this.drop(new FileProblem('h5Unreadable', e.message || 'the HDF5 reader stopped'));
    };
    return worker;
  }

  /** The worker is gone (crashed or ended): every pending request fails, the next starts anew. */
  private drop(error: Error): void {
    this.worker?.terminate();
    this.worker = null;
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  private ask(req: Ask, transfer: Transferable[] = []): Promise<H5Reply & { ok: true }> {
    this.worker ??= this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => this.drop(new FileProblem('h5Unreadable', `no answer after ${TIMEOUT_MS / 1000} s`)),
        TIMEOUT_MS,
      );
      const settle =
        <T>(f: (v: T) => void) =>
        (v: T) => {
          clearTimeout(timer);
          f(v);
        };
      this.pending.set(id, { resolve: settle(resolve), reject: settle(reject) });
      this.worker!.postMessage({ ...req, id }, transfer);
    });
  }

  async write(datasets: H5DatasetIn[], groups: string[] = []): Promise<Uint8Array> {
    const r = await this.ask({ kind: 'write', datasets, groups });
    if (r.kind !== 'write') throw new Error('HDF5 worker: a walk reply to a write');
    return r.bytes;
  }

  async walk(bytes: Uint8Array): Promise<H5Walk> {
    const r = await this.ask({ kind: 'walk', bytes });
    if (r.kind !== 'walk') throw new Error('HDF5 worker: a write reply to a walk');
    return r.walk;
  }

  terminate(): void {
    this.drop(new Error('HDF5 worker stopped'));
  }
}
