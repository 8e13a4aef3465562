// The Compare section: several models trained side by side, each preset with its own data and
// training settings (the blog's models with 10,000 words and maxlen 500, the book's with 500 and
// 100...) for at most the set-up's epochs, the editor's model with the set-up's; one engine worker each, at most navigator.hardwareConcurrency − 1 at once (at least
// one; the rest wait in a queue); their validation curves overlaid, a table of parameters, time
// per epoch, best validation and test accuracy; and why LSTM and GRU have 4× and 3× the
// recurrent weights of SimpleRNN.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../charts/line-chart';
import '../charts/param-bars';
import { EngineClient } from '../engine/client';
import type { ModelSummary } from '../engine/engine-api';
import type { DataSettings, EpochLog, TrainResult, TrainingSettings } from '../engine/protocol';
import { presets, type Preset } from '../presets/presets';
import { readModel, setInputShape } from '../state/model-layers';
import type { PlaygroundState } from '../state/playground-state';
import { lastDim } from './model-summary';
import { OPTIMIZER_NAMES } from '../state/run-diagnosis';
import { isNanStop } from './stop-reason';
import type { RunRecorder } from '../storage/run-recorder';
import type { RecordRun } from './train-panel';
import { groupLargeNumbers } from '../i18n/format';
import { LanguageController, ui } from '../i18n';

const COLORS = ['#1f77b4', '#d62728', '#2ca02c', '#9467bd', '#ff7f0e', '#8c564b', '#e377c2', '#17becf'];
const CURRENT = 'current';
const DEFAULT_PICKS = ['embedding-simplernn-500', 'lstm', 'gru'];

type JobState = 'queued' | 'loading' | 'training' | 'done' | 'failed' | 'cancelled';

export interface CompareJob {
  id: string;
  title: string;
  modelJson: string;
  /** What this model is trained with (shown in its row). */
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
}

interface Candidate {
  id: string;
  title: string;
  model: () => string | null;
  settings: () => { data: DataSettings; training: TrainingSettings };
}

/** A row's "trained with": data set, num_words, maxlen, optimizer and learning rate, batch, epochs. */
export function trainedWith(data: DataSettings, t: TrainingSettings): string {
  return ui.compare.trainedWith(data.pack === 'book' ? ui.compare.packBookShort : ui.compare.packQuickShort, data.num_words, data.maxlen,
    OPTIMIZER_NAMES[t.optimizer], t.learning_rate, t.batch_size, t.epochs, t.patience);
}

export function concurrencyLimit(hardwareConcurrency: number | undefined): number {
  return Math.max(1, (hardwareConcurrency ?? 2) - 1);
}

@customElement('compare-panel')
export class ComparePanel extends LitElement {
  private readonly language = new LanguageController(this);
  @property({ attribute: false }) setup!: PlaygroundState;
  @property({ attribute: false }) summary: ModelSummary | null = null;
  @property({ attribute: false }) blocker: string | null = null;
  /** Keeps each compared model as a run (app-root gives the database). */
  @property({ attribute: false }) recordRun: RecordRun | null = null;
  @state() private picks = new Set<string>(DEFAULT_PICKS);
  @state() jobs: CompareJob[] = [];

  private readonly limit = concurrencyLimit(navigator.hardwareConcurrency);
  private runId = 0;

  static styles = css`
    :host { display: block; }
    h2 { margin: 0.2rem 0 0.5rem; font-size: 1.2rem; }
    h3 { margin: 1.2rem 0 0.4rem; font-size: 1.05rem; }
    fieldset { border: 1px solid #bbb; border-radius: 6px; }
    fieldset label { display: block; margin: 0.15rem 0; }
    button { font-size: 1rem; padding: 0.35rem 1.1rem; font-weight: 600; margin: 0.6rem 0.5rem 0.6rem 0; cursor: pointer; }
    table { border-collapse: collapse; font-size: 0.92rem; margin: 0.5rem 0; }
    th, td { padding: 0.25rem 0.9rem 0.25rem 0; text-align: right; border-bottom: 1px solid #ddd; }
    th:first-child, td:first-child, td:nth-child(2), th:nth-child(2) { text-align: left; }
    .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: 1rem; }
    .help { font-size: 0.85rem; color: #555; }
    td.with { text-align: left; font-size: 0.82rem; max-width: 22rem; }
  `;

  private candidates(): Candidate[] {
    const list: Candidate[] = presets.filter((p) => !p.summary_only)
      .map((p) => ({ id: p.id, title: p.title, model: () => JSON.stringify(p.model), settings: () => this.presetSettings(p) }));
    list.push({
      id: CURRENT, title: ui.compare.compareCurrent, model: () => (this.blocker ? null : this.setup.model),
      settings: () => ({ data: this.setup.data, training: this.setup.training }),
    });
    return list;
  }

  /**
   * A preset trains with its own recipe (num_words, maxlen, optimizer, learning rate, batch size,
   * early stopping), on the set-up's data set (quick subset or the book's split) and seed, for at
   * most the set-up's number of epochs.
   */
  private presetSettings(p: Preset): { data: DataSettings; training: TrainingSettings } {
    const { data, training } = this.setup;
    return {
      data: { pack: data.pack, num_words: p.data.num_words, maxlen: p.data.maxlen },
      training: { ...p.training, epochs: Math.min(p.training.epochs, training.epochs), seed: training.seed },
    };
  }

  private get running(): boolean {
    return this.jobs.some((j) => j.state === 'queued' || j.state === 'loading' || j.state === 'training');
  }

  private toggle(id: string, on: boolean): void {
    const next = new Set(this.picks);
    if (on) next.add(id);
    else next.delete(id);
    this.picks = next;
  }

  /** The model with its input length set to its data's maxlen (the data decide the length). */
  private fitToData(modelJson: string, maxlen: number): string {
    try {
      const doc = JSON.parse(modelJson);
      const m = readModel(doc);
      if (!m) return modelJson;
      return JSON.stringify(setInputShape(doc, maxlen, m.oneHotFeatures));
    } catch {
      return modelJson;
    }
  }

  private start(): void {
    this.cancel();
    const run = ++this.runId;
    this.jobs = this.candidates()
      .filter((c) => this.picks.has(c.id))
      .flatMap((c) => {
        const model = c.model();
        const { data, training } = c.settings();
        return model === null ? [] : [{
          id: c.id, title: c.title, modelJson: this.fitToData(model, data.maxlen), data, training, state: 'queued' as JobState, epoch: 0,
          params: null, history: [], result: null, error: null, client: null,
        }];
      });
    for (let i = 0; i < Math.min(this.limit, this.jobs.length); i++) void this.worker(run);
  }

  /** One lane of the pool: takes queued jobs one after another until none is left. */
  private async worker(run: number): Promise<void> {
    for (;;) {
      const job = this.jobs.find((j) => j.state === 'queued');
      if (!job || run !== this.runId) return;
      await this.runJob(job, run);
    }
  }

  private update1(job: CompareJob, patch: Partial<CompareJob>): void {
    Object.assign(job, patch);
    this.jobs = [...this.jobs];
  }

  private async runJob(job: CompareJob, run: number): Promise<void> {
    const { data, training } = job;
    const client = new EngineClient();
    this.update1(job, { state: 'loading', client });
    client.on((e) => {
      if (run !== this.runId) return;
      if (e.event === 'batch' && e.epoch !== job.epoch) this.update1(job, { epoch: e.epoch });
      else if (e.event === 'epoch') this.update1(job, { history: [...job.history, e] });
    });
    let recorder: RunRecorder | null = null;
    try {
      const summary = await client.request('summarize', { modelJson: job.modelJson });
      this.update1(job, { params: summary.total_params });
      await client.request('loadData', data);
      if (run !== this.runId) return;
      this.update1(job, { state: 'training', epoch: 1 });
      const preset = presets.find((p) => p.id === job.id);
      recorder = this.recordRun?.(client, {
        setup: { preset: preset ? preset.id : this.setup.preset, model: job.modelJson, data, training }, source: 'compare',
      }) ?? null;
      const result = await client.request('train', { modelJson: job.modelJson, data, training });
      await recorder?.finish(result);
      if (run !== this.runId) return;
      this.update1(job, { state: 'done', result, params: result.total_params, error: isNanStop(result) ? ui.common.nanLoss(result.message) : null });
      this.announceTrained();
    } catch (e) {
      void recorder?.abandon();
      if (run !== this.runId) return;
      this.update1(job, { state: 'failed', error: groupLargeNumbers(e instanceof Error ? e.message : String(e)) });
      client.terminate();
    }
  }

  /**
   * Tells the page which workers now hold a trained model ('compare-trained', detail: label and
   * client per model), so another view (classify) can use them side by side.
   */
  private announceTrained(): void {
    const detail = this.jobs.filter((j) => j.state === 'done' && j.client).map((j) => ({ label: j.title, client: j.client! }));
    this.dispatchEvent(new CustomEvent('compare-trained', { detail, bubbles: true, composed: true }));
  }

  private cancel(): void {
    this.runId++;
    for (const j of this.jobs) {
      if (j.state !== 'done' && j.state !== 'failed') j.state = 'cancelled';
      j.client?.terminate();
      j.client = null;
    }
    this.jobs = [...this.jobs];
    this.announceTrained();
  }

  private wasRunning = false;

  /** Tells the page when models start or stop training here ('compare-running', detail: boolean). */
  protected updated(): void {
    if (this.running === this.wasRunning) return;
    this.wasRunning = this.running;
    this.dispatchEvent(new CustomEvent('compare-running', { detail: this.running, bubbles: true, composed: true }));
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.cancel();
  }

  private stateText(j: CompareJob): string {
    switch (j.state) {
      case 'queued': return ui.compare.jobQueued;
      case 'loading': return ui.compare.jobLoading;
      case 'training': return ui.compare.jobTraining(j.epoch, j.training.epochs);
      case 'done': return ui.compare.jobDone(ui.common.stopReason[j.result?.stop_reason ?? 'finished'] ?? '');
      case 'failed': return ui.compare.jobFailed(j.error ?? '');
      case 'cancelled': return ui.compare.jobCancelled;
    }
  }

  render() {
    if (!this.setup) return nothing;
    const rnn = this.recurrentShape();
    return html`
      <h2>${ui.compare.compareHeading}</h2>
      <p class="help">${ui.compare.compareHelp(this.limit)}</p>
      <fieldset ?disabled=${this.running}>
        <legend>${ui.compare.compareModels}</legend>
        ${this.candidates().map((c) => html`<label><input type="checkbox" .checked=${this.picks.has(c.id)}
          ?disabled=${c.id === CURRENT && this.blocker !== null}
          @change=${(e: Event) => this.toggle(c.id, (e.target as HTMLInputElement).checked)} /> ${c.title}</label>`)}
      </fieldset>
      <button ?disabled=${this.running || this.picks.size === 0} @click=${() => this.start()}>${ui.compare.compare}</button>
      ${this.running ? html`<button @click=${() => this.cancel()}>${ui.compare.cancelCompare}</button>` : nothing}
      ${this.jobs.length ? this.renderResults() : nothing}
      <h3>${ui.compare.paramHeading}</h3>
      <param-bars .features=${rnn.n} .units=${rnn.u}></param-bars>`;
  }

  /** n and u of the first recurrent layer of the editor's model (the book's 16 and 8 otherwise). */
  private recurrentShape(): { n: number; u: number } {
    const rows = this.summary?.rows ?? [];
    const i = rows.findIndex((r) => r.type === 'SimpleRNN' || r.type === 'LSTM' || r.type === 'GRU');
    if (i < 0 || !this.summary) return { n: 16, u: 8 };
    const u = lastDim(rows[i].output_shape);
    const n = lastDim(i === 0 ? this.summary.input_shape : rows[i - 1].output_shape);
    return u && n ? { n, u } : { n: 16, u: 8 };
  }

  private renderResults() {
    const maxEpochs = Math.max(1, ...this.jobs.map((j) => j.history.length));
    const x = Array.from({ length: maxEpochs }, (_, i) => i + 1);
    const series = this.jobs.map((j, i) => ({ label: j.title, color: COLORS[i % COLORS.length], points: true }));
    const cols = (k: 'val_loss' | 'val_accuracy') => [x, ...this.jobs.map((j) => x.map((_, i) => j.history[i]?.[k] ?? null))];
    const fmt = (v: number | undefined | null, d = 3) => (v === undefined || v === null || !Number.isFinite(v) ? '—' : v.toFixed(d));
    return html`
      <table aria-label=${ui.compare.compareTable}>
        <thead><tr><th scope="col">${ui.compare.colModel}</th><th scope="col">${ui.compare.colTrainedWith}</th><th scope="col">${ui.compare.colState}</th><th scope="col">${ui.model.colParams}</th>
          <th scope="col">${ui.compare.colSecondsPerEpoch}</th><th scope="col">${ui.compare.colBestValAcc}</th><th scope="col">${ui.compare.colTestAcc}</th></tr></thead>
        <tbody>${this.jobs.map((j) => {
          const secs = j.history.length ? j.history.reduce((a, h) => a + h.seconds, 0) / j.history.length : null;
          const bestVal = j.result ? j.result.best_val_accuracy : j.history.length ? Math.max(...j.history.flatMap((h) => (h.val_accuracy === null ? [] : [h.val_accuracy]))) : null;
          return html`<tr><td>${j.title}</td><td class="with">${trainedWith(j.data, j.training)}</td><td>${this.stateText(j)}</td><td>${j.params?.toLocaleString('en-US') ?? '—'}</td>
            <td>${fmt(secs, 1)}</td><td>${fmt(bestVal)}</td><td>${fmt(j.result?.test_accuracy)}</td></tr>`;
        })}</tbody>
      </table>
      <div class="charts">
        <line-chart integerX label=${ui.compare.compareValLoss} xLabel=${ui.common.xEpoch} yLabel=${ui.common.yLoss} .series=${series} .columns=${cols('val_loss')}></line-chart>
        <line-chart integerX label=${ui.compare.compareValAcc} xLabel=${ui.common.xEpoch} yLabel=${ui.common.yAcc} .series=${series} .columns=${cols('val_accuracy')}></line-chart>
      </div>`;
  }
}
