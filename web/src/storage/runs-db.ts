// Runs kept in the browser's IndexedDB (through `idb`): every training run's set-up, per-epoch
// history, final metrics, and its weights and optimizer state. Two object stores, written together
// in one transaction so a run and its state never disagree:
//   runs:   RunRecord (small: what the Runs tab lists), key `id`
//   states: { id, state: ModelState } (the weights; read only when a run is opened)
// Every operation reports failure as a StorageError (full or unavailable; the page words it); a
// failed write aborts its transaction, so what was saved before stays as it was.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { EpochLog, ModelState, TrainResult } from '../engine/protocol';
import type { PlaygroundState } from '../state/playground-state';

export type RunStatus = 'training' | 'interrupted' | TrainResult['stop_reason'];

export interface RunRecord {
  id: string;
  name: string;
  /** ms since 1970 (Date.now()) when the run started, and when it was last saved. */
  created: number;
  updated: number;
  setup: PlaygroundState;
  /** Where the run was trained: the Train tab, Compare, or "Run chapter 9" (on the Compare tab). */
  source: 'train' | 'compare' | 'chapter';
  status: RunStatus;
  history: EpochLog[];
  best_val_accuracy: number | null;
  test_accuracy: number | null;
  total_params: number | null;
}

interface RunsSchema extends DBSchema {
  runs: { key: string; value: RunRecord; indexes: { created: number } };
  states: { key: string; value: { id: string; state: ModelState } };
}

export const DB_NAME = 'rnn-playground';
const DB_VERSION = 1;

/** A storage operation failed: the storage is full, or unavailable (with the browser's reason). */
export class StorageError extends Error {
  constructor(
    readonly kind: 'full' | 'unavailable',
    readonly detail: string,
  ) {
    super(`${kind}: ${detail}`);
    this.name = 'StorageError';
  }
}

export function storageError(e: unknown): StorageError {
  if (e instanceof StorageError) return e;
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  const detail = (e instanceof Error ? e.message : String(e)) || name || 'IndexedDB';
  return new StorageError(name === 'QuotaExceededError' ? 'full' : 'unavailable', detail);
}

/** Best validation accuracy of a history (null when no epoch has validation numbers). */
export function bestValAccuracy(history: EpochLog[]): number | null {
  const vals = history
    .map((h) => h.val_accuracy)
    .filter((v): v is number => v !== null && Number.isFinite(v));
  return vals.length ? Math.max(...vals) : null;
}

export class RunsDb {
  private db: Promise<IDBPDatabase<RunsSchema>> | null = null;

  private open(): Promise<IDBPDatabase<RunsSchema>> {
    if (typeof indexedDB === 'undefined')
      return Promise.reject(new StorageError('unavailable', 'no IndexedDB'));
    this.db ??= openDB<RunsSchema>(DB_NAME, DB_VERSION, {
      upgrade(db) {
        const runs = db.createObjectStore('runs', { keyPath: 'id' });
        runs.createIndex('created', 'created');
        db.createObjectStore('states', { keyPath: 'id' });
      },
    });
    const opening = this.db;
    opening.catch(() => {
      if (this.db === opening) this.db = null;
    });
    return opening;
  }

  private async guard<T>(work: (db: IDBPDatabase<RunsSchema>) => Promise<T>): Promise<T> {
    try {
      return await work(await this.open());
    } catch (e) {
      throw storageError(e);
    }
  }

  /** Every run, newest first. */
  list(): Promise<RunRecord[]> {
    return this.guard(async (db) => (await db.getAllFromIndex('runs', 'created')).reverse());
  }

  get(id: string): Promise<{ run: RunRecord; state: ModelState } | null> {
    return this.guard(async (db) => {
      const tx = db.transaction(['runs', 'states'], 'readonly');
      const [run, state] = await Promise.all([
        tx.objectStore('runs').get(id),
        tx.objectStore('states').get(id),
        tx.done,
      ]);
      return run && state ? { run, state: state.state } : null;
    });
  }

  /** Saves a run with its state (both or neither). */
  put(run: RunRecord, state: ModelState): Promise<void> {
    return this.guard(async (db) => {
      const tx = db.transaction(['runs', 'states'], 'readwrite');
      await Promise.all([
        tx.objectStore('runs').put(run),
        tx.objectStore('states').put({ id: run.id, state }),
        tx.done,
      ]);
    });
  }

  rename(id: string, name: string): Promise<void> {
    return this.guard(async (db) => {
      const tx = db.transaction('runs', 'readwrite');
      const run = await tx.store.get(id);
      if (run) await tx.store.put({ ...run, name });
      await tx.done;
    });
  }

  delete(id: string): Promise<void> {
    return this.guard(async (db) => {
      const tx = db.transaction(['runs', 'states'], 'readwrite');
      await Promise.all([tx.objectStore('runs').delete(id), tx.objectStore('states').delete(id), tx.done]);
    });
  }

  /**
   * Runs still marked 'training' when the page starts were cut off by a reload or a closed tab:
   * they keep the state of their last finished epoch and become 'interrupted'.
   */
  markInterrupted(): Promise<number> {
    return this.guard(async (db) => {
      const tx = db.transaction('runs', 'readwrite');
      let count = 0;
      for (const run of await tx.store.getAll()) {
        if (run.status !== 'training') continue;
        await tx.store.put({ ...run, status: 'interrupted' });
        count++;
      }
      await tx.done;
      return count;
    });
  }
}

export function newRunId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
