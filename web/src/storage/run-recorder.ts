// Keeps one training run in the RunsDb while it trains: after every epoch (the worker's checkpoint
// event) the run is saved with that epoch's weights and optimizer state, marked 'training'; when
// the run ends it is saved with its result. Until the first epoch ends there is nothing to keep.
// A run that continues a saved one starts from that record (same id: the epoch count goes on).
import type { EngineClient } from '../engine/client';
import type { EpochLog, ModelState, TrainResult } from '../engine/protocol';
import type { PlaygroundState } from '../state/playground-state';
import {
  bestValAccuracy,
  newRunId,
  storageError,
  type RunRecord,
  type RunsDb,
  type StorageError,
} from './runs-db';

export interface RecorderHooks {
  /** A save failed (storage full or unavailable). */
  onProblem: (error: StorageError) => void;
  /** A save succeeded (the Runs list may refresh). */
  onSaved: (run: RunRecord) => void;
}

export class RunRecorder {
  private run: RunRecord;
  private stopListening: () => void;
  /** Saves one after another, so a late epoch never overwrites the final record. */
  private queue: Promise<void> = Promise.resolve();
  /** An epoch of this run (or of this continuation) has been saved. */
  private savedHere = false;

  constructor(
    private readonly db: RunsDb,
    client: EngineClient,
    start: { name: string; setup: PlaygroundState; source: RunRecord['source']; continues?: RunRecord },
    private readonly hooks: RecorderHooks,
  ) {
    const now = Date.now();
    this.run = start.continues
      ? { ...start.continues, setup: start.setup, status: 'training', updated: now }
      : {
          id: newRunId(),
          name: start.name,
          created: now,
          updated: now,
          setup: start.setup,
          source: start.source,
          status: 'training',
          history: [],
          best_val_accuracy: null,
          test_accuracy: null,
          total_params: null,
        };
    const history: EpochLog[] = [...this.run.history];
    this.stopListening = client.on((e) => {
      if (e.event === 'epoch') history.push(e);
      else if (e.event === 'checkpoint') this.save({ history: [...history] }, e.state);
    });
  }

  get id(): string {
    return this.run.id;
  }

  /** The run as last saved (null until a save succeeded). */
  get record(): RunRecord | null {
    return this.savedHere ? this.run : null;
  }

  /** The run ended: its result (and final weights) are saved; events are no longer followed. */
  finish(result: TrainResult): Promise<void> {
    this.stopListening();
    const history = [
      ...this.run.history.filter((h) => h.epoch < (result.history[0]?.epoch ?? Infinity)),
      ...result.history,
    ];
    return this.save(
      {
        history,
        status: result.stop_reason,
        test_accuracy: Number.isFinite(result.test_accuracy) ? result.test_accuracy : null,
        total_params: result.total_params,
      },
      result.state,
    );
  }

  /** The run failed or was cancelled: whatever its last epoch saved stays, marked interrupted. */
  abandon(): Promise<void> {
    this.stopListening();
    if (!this.savedHere) return this.queue;
    return this.enqueue(async () => {
      this.run = { ...this.run, status: 'interrupted', updated: Date.now() };
      const saved = await this.db.get(this.run.id).catch(() => null);
      if (saved) await this.db.put(this.run, saved.state);
    });
  }

  private save(patch: Partial<RunRecord>, state: ModelState): Promise<void> {
    return this.enqueue(async () => {
      const next = { ...this.run, ...patch, updated: Date.now() };
      next.best_val_accuracy = bestValAccuracy(next.history);
      await this.db.put(next, state);
      this.run = next;
      this.savedHere = true;
      this.hooks.onSaved(next);
    });
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(work).catch((e: unknown) => this.hooks.onProblem(storageError(e)));
    return this.queue;
  }
}
