// The Compare section: several models trained side by side, each preset with its own data and
// training settings (the blog's models with 10,000 words and maxlen 500, the book's with 500 and
// 100...) for at most the set-up's epochs, the editor's model with the set-up's; one engine worker
// each, scheduled as "Run chapter 9" is (engine/schedule.ts: one per core, the longest first, the
// rest wait in a queue); their validation curves overlaid, a table of parameters, time per epoch,
// best validation and test accuracy; and why LSTM and GRU have 4× and 3× the recurrent weights of
// SimpleRNN.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../charts/line-chart';
import '../charts/param-bars';
import type { ModelSummary } from '../engine/engine-api';
import type { DataSettings, TrainingSettings } from '../engine/protocol';
import { browserWorkerLimit, runLongestFirst } from '../engine/schedule';
import { expectedSeconds } from '../presets/chapter9';
import { presets, type Preset } from '../presets/presets';
import { readModel, setInputShape } from '../state/model-layers';
import type { PlaygroundState } from '../state/playground-state';
import { lastDim } from './model-summary';
import { OPTIMIZER_NAMES } from '../state/run-diagnosis';
import { LanguageController, ui } from '../i18n';
import { RUN_COLORS, cancelJobs, epochColumns, jobStateText, newJob, trainJob, type TrainJob } from './train-jobs';

const CURRENT = 'current';
const DEFAULT_PICKS = ['embedding-simplernn-500', 'lstm', 'gru'];

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

@customElement('compare-panel')
export class ComparePanel extends LitElement {
  private readonly language = new LanguageController(this);
  @property({ attribute: false }) setup!: PlaygroundState;
  @property({ attribute: false }) summary: ModelSummary | null = null;
  @property({ attribute: false }) blocker: string | null = null;
  @state() private picks = new Set<string>(DEFAULT_PICKS);
  @state() jobs: TrainJob[] = [];

  private readonly limit = browserWorkerLimit();
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
      training: { ...p.training, epochs: Math.min(p.training.epochs, training.epochs), seed: training.seed, keras: training.keras },
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
        return model === null ? [] : [newJob(c.id, c.title, this.fitToData(model, data.maxlen), expectedSeconds(c.id), data, training)];
      });
    const alive = () => run === this.runId;
    const update = (job: TrainJob, patch: Partial<TrainJob>) => {
      Object.assign(job, patch);
      this.jobs = [...this.jobs];
      if (patch.state === 'done') this.announceTrained();
    };
    void runLongestFirst(this.jobs, this.limit, (job) => trainJob(job, update, alive), () => !alive());
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
    cancelJobs(this.jobs, true);
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
    const series = this.jobs.map((j, i) => ({ label: j.title, color: RUN_COLORS[i % RUN_COLORS.length], points: true }));
    const cols = (k: 'val_loss' | 'val_accuracy') => epochColumns(this.jobs, k);
    const fmt = (v: number | undefined | null, d = 3) => (v === undefined || v === null || !Number.isFinite(v) ? '—' : v.toFixed(d));
    return html`
      <table aria-label=${ui.compare.compareTable}>
        <thead><tr><th scope="col">${ui.compare.colModel}</th><th scope="col">${ui.compare.colTrainedWith}</th><th scope="col">${ui.compare.colState}</th><th scope="col">${ui.model.colParams}</th>
          <th scope="col">${ui.compare.colSecondsPerEpoch}</th><th scope="col">${ui.compare.colBestValAcc}</th><th scope="col">${ui.compare.colTestAcc}</th></tr></thead>
        <tbody>${this.jobs.map((j) => {
          const secs = j.history.length ? j.history.reduce((a, h) => a + h.seconds, 0) / j.history.length : null;
          const bestVal = j.result ? j.result.best_val_accuracy : j.history.length ? Math.max(...j.history.flatMap((h) => (h.val_accuracy === null ? [] : [h.val_accuracy]))) : null;
          return html`<tr><td>${j.title}</td><td class="with">${trainedWith(j.data, j.training)}</td><td>${jobStateText(j)}</td><td>${j.params?.toLocaleString('en-US') ?? '—'}</td>
            <td>${fmt(secs, 1)}</td><td>${fmt(bestVal)}</td><td>${fmt(j.result?.test_accuracy)}</td></tr>`;
        })}</tbody>
      </table>
      <div class="charts">
        <line-chart integerX label=${ui.compare.compareValLoss} xLabel=${ui.common.xEpoch} yLabel=${ui.common.yLoss} .series=${series} .columns=${cols('val_loss')}></line-chart>
        <line-chart integerX label=${ui.compare.compareValAcc} xLabel=${ui.common.xEpoch} yLabel=${ui.common.yAcc} .series=${series} .columns=${cols('val_accuracy')}></line-chart>
      </div>`;
  }
}
