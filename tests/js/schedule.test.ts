// The scheduling of "Run chapter 9" and Compare (engine/schedule.ts, ui/train-jobs.ts) against fake
// workers whose training ends when the test says so: how many train at once, in which order, with
// which settings, and that a failure or a cancellation is handled.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Request, WorkerMessage } from '../../web/src/engine/protocol';
import { runLongestFirst, workerLimit } from '../../web/src/engine/schedule';
import { CHAPTER9, chapterTraining } from '../../web/src/presets/chapter9';
import { presetById } from '../../web/src/presets/presets';
import { newJob, trainJob, type TrainJob } from '../../web/src/ui/train-jobs';

// Replies as the worker's schemas want them (web/src/engine/protocol.ts).
const SUMMARY = {
  model_name: 'm',
  input_shape: '(None, 100)',
  rows: [],
  total_params: 8809,
  trainable_params: 8809,
  non_trainable_params: 0,
  notes: [],
  text: '',
};
const DATA_INFO = {
  pack: 'book',
  vocab_size: 10000,
  stored_length: 500,
  train_count: 20000,
  validation_count: 5000,
  test_count: 25000,
  length_histogram: [],
  mean_length: 231,
  median_length: 174,
  samples: [],
};

/** A worker that answers summarize and loadData at once and holds train until finish() is called. */
class FakeWorker {
  static all: FakeWorker[] = [];
  train: Request | null = null;
  terminated = false;
  onmessage: ((e: { data: WorkerMessage }) => void) | null = null;
  onerror: ((e: { message: string }) => void) | null = null;
  constructor() {
    FakeWorker.all.push(this);
  }
  postMessage(m: Request) {
    if (m.kind === 'train') this.train = m;
    else
      queueMicrotask(() =>
        this.onmessage?.({
          data: { id: m.id, ok: true, value: m.kind === 'summarize' ? SUMMARY : DATA_INFO },
        }),
      );
  }
  terminate() {
    this.terminated = true;
  }
  get training(): boolean {
    return this.train !== null && !this.done;
  }
  done = false;
  finish(ok = true) {
    this.done = true;
    const id = this.train!.id;
    const history = [{ epoch: 1, loss: 0.69, accuracy: 0.5, val_loss: 0.68, val_accuracy: 0.55, seconds: 1 }];
    this.onmessage?.({ data: { event: 'epoch', ...history[0] } });
    this.onmessage?.({
      data: ok
        ? {
            id,
            ok: true,
            value: {
              history,
              stop_reason: 'early_stopped',
              message: null,
              best_epoch: 1,
              best_val_loss: 0.68,
              best_val_accuracy: 0.55,
              test_loss: 0.68,
              test_accuracy: 0.56,
              total_params: 8809,
              seconds: 1,
              state: { weights: new Float32Array(8809), optimizer: new Float32Array(8809), iterations: 313 },
            },
          }
        : { id, ok: false, error: 'out of memory' },
    });
  }
}

const realWorker = (globalThis as { Worker?: unknown }).Worker;
beforeEach(() => {
  FakeWorker.all = [];
  (globalThis as { Worker?: unknown }).Worker = FakeWorker;
});
afterEach(() => {
  (globalThis as { Worker?: unknown }).Worker = realWorker;
});

const settle = () => new Promise((r) => setTimeout(r, 0));
const modelOf = (w: FakeWorker) =>
  JSON.parse((w.train!.params as { modelJson: string }).modelJson).config.name as string;

function chapterJobs(keras: 2 | 3, pack: 'book' | 'quick'): TrainJob[] {
  return CHAPTER9.map((c) =>
    newJob(
      c.id,
      () => c.id,
      JSON.stringify({ ...(presetById(c.id)!.model as object), config: { name: c.id } }),
      c.seconds,
      { pack, num_words: 500, maxlen: 100 },
      chapterTraining(keras),
    ),
  );
}

describe('worker limit', () => {
  it('is one per core, fewer when the device reports little memory, at least one', () => {
    expect(workerLimit(2, undefined)).toBe(2);
    expect(workerLimit(8, 8)).toBe(8);
    expect(workerLimit(8, 1)).toBe(2);
    expect(workerLimit(4, 0.5)).toBe(1);
    expect(workerLimit(4, 0.25)).toBe(1);
    expect(workerLimit(undefined, undefined)).toBe(2);
    expect(workerLimit(0, 4)).toBe(2);
  });
});

describe('running the chapter', () => {
  it('trains as many at once as allowed, the longest first, with the book settings', async () => {
    const jobs = chapterJobs(2, 'book');
    const started: string[] = [];
    let most = 0;
    const update = (job: TrainJob, patch: Partial<TrainJob>) => Object.assign(job, patch);
    const all = runLongestFirst(jobs, 2, (job) => {
      started.push(job.id);
      return trainJob(job, update, () => true);
    });
    // Each round: the two running workers are training; finish the oldest one.
    for (let round = 0; round < 6; round++) {
      await settle();
      const running = FakeWorker.all.filter((w) => w.training);
      most = Math.max(most, running.length);
      expect(running.length).toBe(Math.min(2, 6 - round));
      running[0].finish();
    }
    await all;
    expect(most).toBe(2);
    // Longest first by the measured seconds: 64, 36, 22, 15, 10, 7.
    expect(started).toEqual([
      'lstm-2layer',
      'lstm-dropout',
      'lstm',
      'gru',
      'onehot-simplernn-500',
      'embedding-simplernn-500',
    ]);
    expect(FakeWorker.all.map(modelOf)).toEqual(started);
    // The book's recipe, typed here call by call from its code (not read from the presets):
    // compile(RMSprop(learning_rate=1e-4)), fit(batch_size=64, epochs=100,
    // callbacks=[EarlyStopping(patience=3, restore_best_weights=True)]), seed 42, on tf.keras 2.
    const compile = { optimizer: 'rmsprop', learning_rate: 1e-4 };
    const fit = { batch_size: 64, epochs: 100 };
    const earlyStopping = { patience: 3, restore_best: true };
    for (const w of FakeWorker.all) {
      expect(w.train!.params).toMatchObject({
        data: { pack: 'book', num_words: 500, maxlen: 100 },
        training: { ...compile, ...fit, ...earlyStopping, seed: 42, keras: 2 },
      });
    }
    expect(
      jobs.every((j) => j.state === 'done' && j.result?.test_accuracy === 0.56 && j.history.length === 1),
    ).toBe(true);
    // The first two overlapped: the second started before the first ended.
    const [a, b] = ['lstm-2layer', 'lstm-dropout'].map((id) => jobs.find((j) => j.id === id)!);
    expect(b.startedAt!).toBeLessThan(a.endedAt!);
  });

  it('goes on after a failed model and stops starting new ones once cancelled', async () => {
    const jobs = chapterJobs(3, 'quick');
    let cancelled = false;
    const update = (job: TrainJob, patch: Partial<TrainJob>) => Object.assign(job, patch);
    const all = runLongestFirst(
      jobs,
      2,
      (job) => trainJob(job, update, () => true),
      () => cancelled,
    );
    await settle();
    FakeWorker.all[0].finish(false);
    await settle();
    expect(jobs.find((j) => j.id === 'lstm-2layer')!.state).toBe('failed');
    expect(jobs.find((j) => j.id === 'lstm-2layer')!.error).toBe('out of memory');
    expect(FakeWorker.all[0].terminated).toBe(true);
    expect(FakeWorker.all.filter((w) => w.training).length).toBe(2); // lstm took its lane
    cancelled = true;
    for (const w of FakeWorker.all.filter((x) => x.training)) w.finish();
    await all;
    expect(FakeWorker.all.length).toBe(3);
    expect(jobs.filter((j) => j.state === 'queued').map((j) => j.id)).toEqual([
      'onehot-simplernn-500',
      'embedding-simplernn-500',
      'gru',
    ]);
  });
});
