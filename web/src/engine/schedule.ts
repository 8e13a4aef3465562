// How the page spreads training runs over engine workers (Compare and "Run chapter 9"): as many
// at once as the machine has cores — each worker trains on its own thread, the main thread only
// draws — fewer when the device reports little memory (each worker holds its own copy of the
// data pack and the WebAssembly heap), and the longest runs first, so that the last ones to start
// are short and the lanes finish close together.

/** Memory one training worker may need with the book's pack (bytes of heap, data and caches). */
export const MEMORY_PER_WORKER_GB = 0.5;

/**
 * Workers to run at once: navigator.hardwareConcurrency (2 when unknown), capped at one per
 * MEMORY_PER_WORKER_GB of navigator.deviceMemory when the device reports it; at least 1.
 */
export function workerLimit(
  hardwareConcurrency: number | undefined,
  deviceMemoryGB: number | undefined,
): number {
  const cores = hardwareConcurrency && hardwareConcurrency > 0 ? Math.floor(hardwareConcurrency) : 2;
  const byMemory =
    deviceMemoryGB && deviceMemoryGB > 0 ? Math.floor(deviceMemoryGB / MEMORY_PER_WORKER_GB) : Infinity;
  return Math.max(1, Math.min(cores, byMemory));
}

/** This browser's limit (navigator.deviceMemory exists in Chromium only). */
export function browserWorkerLimit(): number {
  const nav = navigator as Navigator & { deviceMemory?: number };
  return workerLimit(nav.hardwareConcurrency, nav.deviceMemory);
}

export interface Scheduled {
  /** Expected cost (any unit, e.g. seconds): higher starts first. */
  cost: number;
}

/**
 * Runs every job through `run`, at most `limit` at a time, the costliest first (ties keep the
 * given order); resolves when all have settled. A job whose run rejects does not stop the others
 * (its run is expected to record its own failure). `cancelled()` is asked before each start.
 */
export async function runLongestFirst<J extends Scheduled>(
  jobs: readonly J[],
  limit: number,
  run: (job: J) => Promise<void>,
  cancelled: () => boolean = () => false,
): Promise<void> {
  const queue = jobs
    .map((job, i) => ({ job, i }))
    .sort((a, b) => b.job.cost - a.job.cost || a.i - b.i)
    .map((e) => e.job);
  const lane = async (): Promise<void> => {
    for (let job = queue.shift(); job && !cancelled(); job = queue.shift()) {
      try {
        await run(job);
      } catch {
        /* recorded by run */
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, queue.length)) }, lane));
}
