// One model trained in its own engine worker, as Compare and "Run chapter 9" both do: the job
// record the tables draw, and the run that fills it in (summary, data, training, result).
import { EngineClient } from '../engine/client';
import type { DataSettings, EpochLog, TrainResult, TrainingSettings } from '../engine/protocol';
import type { Scheduled } from '../engine/schedule';
import { messageText, ui } from '../i18n';
import type { RunRecorder } from '../storage/run-recorder';
import { groupLargeNumbers } from '../i18n/format';
import { isNanStop } from './stop-reason';

export type JobState = 'queued' | 'loading' | 'training' | 'done' | 'failed' | 'cancelled';

export interface TrainJob extends Scheduled {
  id: string;
  /** The model's name in the current language. */
  title: () => string;
  modelJson: string;
  /** What this model is trained with. */
  data: DataSettings;
  training: TrainingSettings;
  state: JobState;
  epoch: number;
  params: number | null;
  history: EpochLog[];
  result: TrainResult | null;
  error: string | null;
  /** The worker holding this model (kept after training, so the model can still be used). */
  client: EngineClient | null;
  /** performance.now() when its worker started and when its training ended (ms), or null. */
  startedAt: number | null;
  endedAt: number | null;
}

export function newJob(
  id: string,
  title: () => string,
  modelJson: string,
  cost: number,
  data: DataSettings,
  training: TrainingSettings,
): TrainJob {
  return {
    id,
    title,
    modelJson,
    cost,
    data,
    training,
    state: 'queued',
    epoch: 0,
    params: null,
    history: [],
    result: null,
    error: null,
    client: null,
    startedAt: null,
    endedAt: null,
  };
}

/**
 * Trains `job` with its data and training settings in a new worker. `update` applies a change to
 * the job and redraws; once `alive()` turns false (the run was cancelled or replaced) nothing
 * more is recorded. `record`, if given, keeps the run (Runs tab) from the start of its training.
 */
export async function trainJob(
  job: TrainJob,
  update: (job: TrainJob, patch: Partial<TrainJob>) => void,
  alive: () => boolean,
  record?: (client: EngineClient, job: TrainJob) => RunRecorder | null,
): Promise<void> {
  const { data, training } = job;
  const client = new EngineClient();
  update(job, { state: 'loading', client, startedAt: performance.now() });
  client.on((e) => {
    if (!alive()) return;
    if (e.event === 'batch' && e.epoch !== job.epoch) update(job, { epoch: e.epoch });
    else if (e.event === 'epoch') update(job, { history: [...job.history, e] });
  });
  let recorder: RunRecorder | null = null;
  try {
    const summary = await client.request('summarize', { modelJson: job.modelJson });
    update(job, { params: summary.total_params });
    await client.request('loadData', data);
    if (!alive()) return;
    update(job, { state: 'training', epoch: 1 });
    recorder = record?.(client, job) ?? null;
    const result = await client.request('train', { modelJson: job.modelJson, data, training });
    await recorder?.finish(result);
    if (!alive()) return;
    update(job, {
      state: 'done',
      result,
      params: result.total_params,
      endedAt: performance.now(),
      error: isNanStop(result) ? ui.common.nanLoss(result.message) : null,
    });
  } catch (e) {
    void recorder?.abandon();
    if (!alive()) return;
    update(job, { state: 'failed', error: groupLargeNumbers(messageText(e)), endedAt: performance.now() });
    client.terminate();
  }
}

/** Ends every unfinished job's worker and marks it cancelled (finished ones keep their worker unless `all`). */
export function cancelJobs(jobs: TrainJob[], all: boolean): void {
  for (const j of jobs) {
    if (j.state !== 'done' && j.state !== 'failed') j.state = 'cancelled';
    if (all || j.state === 'cancelled') {
      j.client?.terminate();
      j.client = null;
    }
  }
}

export function jobStateText(j: TrainJob): string {
  switch (j.state) {
    case 'queued':
      return ui.compare.jobQueued;
    case 'loading':
      return ui.compare.jobLoading;
    case 'training':
      return ui.compare.jobTraining(j.epoch, j.training.epochs);
    case 'done':
      return ui.compare.jobDone(ui.common.stopReason[j.result?.stop_reason ?? 'finished'] ?? '');
    case 'failed':
      return ui.compare.jobFailed(j.error ?? '');
    case 'cancelled':
      return ui.compare.jobCancelled;
  }
}

/** The chart colours of the overlaid runs. */
export const RUN_COLORS = [
  '#1f77b4',
  '#d62728',
  '#2ca02c',
  '#9467bd',
  '#ff7f0e',
  '#8c564b',
  '#e377c2',
  '#17becf',
];

/** [epochs, one column per job] of a per-epoch quantity, for line-chart. */
export function epochColumns(jobs: TrainJob[], key: 'val_loss' | 'val_accuracy'): (number | null)[][] {
  const n = Math.max(1, ...jobs.map((j) => j.history.length));
  const x = Array.from({ length: n }, (_, i) => i + 1);
  return [x, ...jobs.map((j) => x.map((_, i) => j.history[i]?.[key] ?? null))];
}
