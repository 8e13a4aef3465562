// The Compare section: several models trained side by side, each preset with its own data and
// training settings (the blog's models with 10,000 words and maxlen 500, the book's with 500 and
// 100...) for at most the set-up's epochs, the editor's model with the set-up's; one engine worker
// each, scheduled as "Run chapter 9" is (engine/schedule.ts: one per core, the longest first, the
// rest wait in a queue); their validation curves overlaid, a table of parameters, time per epoch,
// best validation and test accuracy; and why LSTM and GRU have 4× and 3× the recurrent weights of
// SimpleRNN.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { base, cellColor, cellDash } from './theme';
import '../charts/line-chart';
import '../charts/param-bars';
import type { EngineClient } from '../engine/client';
import type { ModelSummary } from '../engine/engine-api';
import type { Summarize } from '../engine/weight-parts';
import type { DataSettings, LengthAccuracy, TrainingSettings } from '../engine/protocol';
import { LENGTH_BUCKETS } from '../data/length-buckets';
import { browserWorkerLimit, runLongestFirst } from '../engine/schedule';
import { expectedSeconds } from '../presets/chapter9';
import { presets, type Preset } from '../presets/presets';
import { readModel, setInputShape } from '../state/model-layers';
import type { PlaygroundState } from '../state/playground-state';
import { lastDim } from './model-summary';
import { OPTIMIZER_NAMES } from '../state/run-diagnosis';
import type { RecordRun } from './train-panel';
import { LanguageController, ui } from '../i18n';
import { cancelJobs, epochColumns, jobStateText, newJob, trainJob, type TrainJob } from './train-jobs';
import { RunningAnnouncer } from './running-announcer';

/** The model's recurrent cell kind (its first SimpleRNN, LSTM or GRU layer), which sets its colour and dash. */
function cellKindOf(modelJson: string): string | null {
  try {
    return (
      readModel(JSON.parse(modelJson))?.layers.find((l) => /^(SimpleRNN|LSTM|GRU)$/.test(l.kind))?.kind ??
      null
    );
  } catch {
    return null;
  }
}
const CURRENT = 'current';
const DEFAULT_PICKS = ['embedding-simplernn-500', 'lstm', 'gru'];
/** On `Long memory`: the experiment's three cells (docs/long-memory.md). */
const LONG_MEMORY_PICKS = ['long-memory-simplernn', 'long-memory-lstm', 'long-memory-gru'];
const isLongMemory = (d: DataSettings) => d.pack === 'long-memory';

interface Candidate {
  id: string;
  /** The model's name in the current language. */
  title: () => string;
  model: () => string | null;
  settings: () => { data: DataSettings; training: TrainingSettings };
}

/** Test accuracy on Long memory, read as a learner would: carried the token, near chance, or in between. */
export function longMemoryVerdict(accuracy: number): 'remembered' | 'chance' | 'partly' {
  if (accuracy >= 0.9) return 'remembered';
  if (accuracy <= 0.65) return 'chance';
  return 'partly';
}

/** A row's "trained with": data set, num_words, maxlen, optimizer and learning rate, batch, epochs. */
export function trainedWith(data: DataSettings, t: TrainingSettings): string {
  const pack = {
    quick: ui.compare.packQuickShort,
    book: ui.compare.packBookShort,
    'long-memory': ui.compare.packLongMemoryShort,
  }[data.pack];
  // clipnorm is Keras' own word in both languages.
  return (
    ui.compare.trainedWith(
      pack,
      data.num_words,
      data.maxlen,
      OPTIMIZER_NAMES[t.optimizer],
      t.learning_rate,
      t.batch_size,
      t.epochs,
      t.patience,
    ) + (t.clipnorm ? `, clipnorm ${t.clipnorm}` : '')
  );
}

@customElement('compare-panel')
export class ComparePanel extends LitElement {
  private readonly language = new LanguageController(this);
  @property({ attribute: false }) setup!: PlaygroundState;
  @property({ attribute: false }) summary: ModelSummary | null = null;
  /** The engine's summary of any model (the parameter bars' counts come from it). */
  @property({ attribute: false }) summarize: Summarize | null = null;
  @property({ attribute: false }) blocker: string | null = null;
  /** Keeps each compared model as a run (app-root gives the database). */
  @property({ attribute: false }) recordRun: RecordRun | null = null;
  @state() private picks = new Set<string>(DEFAULT_PICKS);
  @state() jobs: TrainJob[] = [];
  /** IMDB: each finished model's test accuracy by review length, asked of its worker once it is done. */
  @state() private byLength = new Map<TrainJob, LengthAccuracy>();

  private readonly limit = browserWorkerLimit();
  private runId = 0;

  static styles = [
    base,
    css`
    :host { display: block; }
    fieldset { border: 1px solid var(--border); border-radius: var(--radius); }
    fieldset label { display: flex; align-items: center; margin: var(--space-1) 0; font-weight: 400; min-height: 2rem; }
    button { margin: var(--space-3) var(--space-2) var(--space-3) 0; }
    table { margin: var(--space-2) 0; font-variant-numeric: tabular-nums; }
    th, td { text-align: right; }
    th:first-child, td:first-child, td:nth-child(2), th:nth-child(2) { text-align: left; }
    .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(22rem, 100%), 1fr)); gap: var(--space-4); }
    .count { color: var(--text-muted); font-size: var(--text-sm); }
    table.by-length th[scope=row] { text-align: left; font-weight: 400; }
    td.with { text-align: left; font-size: var(--text-sm); max-width: 22rem; white-space: normal; }
  `,
  ];

  /** Keeps a compared model as a run, with the settings it trains with. */
  private recordJob = (client: EngineClient, job: TrainJob) => {
    const preset = presets.find((p) => p.id === job.id);
    return (
      this.recordRun?.(client, {
        setup: {
          preset: preset ? preset.id : this.setup.preset,
          model: job.modelJson,
          data: job.data,
          training: job.training,
        },
        source: 'compare',
      }) ?? null
    );
  };

  /** The presets made for the chosen data set: on Long memory its three, on IMDB the curriculum's. */
  private candidates(): Candidate[] {
    const longMemory = isLongMemory(this.setup.data);
    const list: Candidate[] = presets
      .filter((p) => !p.summary_only && (p.data.pack === 'long-memory') === longMemory)
      .map((p) => ({
        id: p.id,
        title: () => ui.presets.title[p.id] ?? p.title,
        model: () => JSON.stringify(p.model),
        settings: () => this.presetSettings(p),
      }));
    list.push({
      id: CURRENT,
      title: () => ui.compare.compareCurrent,
      model: () => (this.blocker ? null : this.setup.model),
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
      data: { pack: p.data.pack ?? data.pack, num_words: p.data.num_words, maxlen: p.data.maxlen },
      training: {
        ...p.training,
        epochs: Math.min(p.training.epochs, training.epochs),
        seed: training.seed,
        keras: training.keras,
      },
    };
  }

  private picksFor = '';

  /** A change between IMDB and Long memory picks that data set's default models. */
  protected willUpdate(): void {
    if (!this.setup) return;
    const family = isLongMemory(this.setup.data) ? 'long-memory' : 'imdb';
    if (family !== this.picksFor && !this.running) {
      this.picksFor = family;
      this.picks = new Set(family === 'long-memory' ? LONG_MEMORY_PICKS : DEFAULT_PICKS);
    }
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
        return model === null
          ? []
          : [
              newJob(
                c.id,
                c.title,
                this.fitToData(model, data.maxlen),
                expectedSeconds(c.id),
                data,
                training,
              ),
            ];
      });
    const alive = () => run === this.runId;
    const update = (job: TrainJob, patch: Partial<TrainJob>) => {
      Object.assign(job, patch);
      this.jobs = [...this.jobs];
      if (patch.state === 'done') {
        this.announceTrained();
        if (!isLongMemory(job.data)) void this.measureByLength(job, alive);
      }
    };
    this.byLength = new Map();
    void runLongestFirst(
      this.jobs,
      this.limit,
      (job) => trainJob(job, update, alive, this.recordJob),
      () => !alive(),
    );
  }

  private async measureByLength(job: TrainJob, alive: () => boolean): Promise<void> {
    try {
      const result = await job.client?.request('testAccuracyByLength', {});
      if (result && alive()) this.byLength = new Map(this.byLength).set(job, result);
    } catch {
      // The table is extra: a model whose worker was closed meanwhile is left out of it.
    }
  }

  /**
   * Tells the page which workers now hold a trained model ('compare-trained', detail: label and
   * client per model), so another view (classify) can use them side by side.
   */
  private announceTrained(): void {
    const detail = this.jobs
      .filter((j) => j.state === 'done' && j.client)
      .map((j) => ({ title: j.title, client: j.client!, synthetic: j.data.pack === 'long-memory' }));
    this.dispatchEvent(new CustomEvent('compare-trained', { detail, bubbles: true, composed: true }));
  }

  private cancel(): void {
    this.runId++;
    cancelJobs(this.jobs, true);
    this.jobs = [...this.jobs];
    this.announceTrained();
  }

  /** Tells the page when models start or stop training here ('compare-running', detail: boolean). */
  private readonly runningChange = new RunningAnnouncer(this, 'compare-running');

  protected updated(): void {
    this.runningChange.update(this.running);
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
      ${isLongMemory(this.setup.data) ? html`<p class="note">${ui.compare.longMemoryIntro}</p>` : nothing}
      <fieldset ?disabled=${this.running}>
        <legend>${ui.compare.compareModels}</legend>
        ${this.candidates().map(
          (c) => html`<label><input type="checkbox" .checked=${this.picks.has(c.id)}
          ?disabled=${c.id === CURRENT && this.blocker !== null}
          @change=${(e: Event) => this.toggle(c.id, (e.target as HTMLInputElement).checked)} /> ${c.title()}</label>`,
        )}
      </fieldset>
      <button class="primary" ?disabled=${this.running || this.picks.size === 0} @click=${() => this.start()}>${ui.compare.compare}</button>
      ${this.running ? html`<button @click=${() => this.cancel()}>${ui.compare.cancelCompare}</button>` : nothing}
      <p class="sr-only" aria-live="polite">${this.jobs.length ? ui.compare.compareProgress(this.jobs.filter((j) => j.state === 'done' || j.state === 'failed' || j.state === 'cancelled').length, this.jobs.length) : ''}</p>
      ${this.jobs.length ? this.renderResults() : nothing}
      ${this.renderLongMemoryVerdict()}
      ${this.renderByLength()}
      <h3>${ui.compare.paramHeading}</h3>
      <param-bars .features=${rnn.n} .units=${rnn.u} .summarize=${this.summarize}></param-bars>`;
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

  /** IMDB: test accuracy in each length bucket, one row per finished model. */
  private renderByLength() {
    const rows = this.jobs.flatMap((j) => {
      const r = this.byLength.get(j);
      return r ? [{ job: j, r }] : [];
    });
    if (rows.length === 0) return nothing;
    const pct = (a: number | null) => (a === null ? '—' : a.toFixed(3));
    return html`<h3 id="by-length-heading">${ui.compare.byLengthHeading}</h3>
      <p class="help">${ui.compare.byLengthNote(rows[0].r.count)}</p>
      <div class="scroll-x" tabindex="0" role="region" aria-labelledby="by-length-heading"><table class="numbers by-length" aria-labelledby="by-length-heading">
        <thead><tr><th scope="col">${ui.compare.colModel}</th>${LENGTH_BUCKETS.map((b) => html`<th scope="col">${ui.compare.bucketColumn(b)}</th>`)}</tr></thead>
        <tbody>${rows.map(
          ({ job, r }) =>
            html`<tr><th scope="row">${job.title()}</th>${r.buckets.map(
              (b) =>
                html`<td>${pct(b.accuracy)} <span class="count">(${ui.compare.bucketCount(b.count)})</span></td>`,
            )}</tr>`,
        )}</tbody>
      </table></div>`;
  }

  /** On Long memory, once every model has finished: what the learner sees, in words. */
  private renderLongMemoryVerdict() {
    const finished = this.jobs.filter((j) => j.state === 'done' && j.result);
    if (!isLongMemory(this.setup.data) || finished.length === 0 || finished.length < this.jobs.length)
      return nothing;
    const rows = finished.map((j) => ({ title: j.title(), accuracy: j.result!.test_accuracy ?? 0 }));
    return html`<div class="note" role="status"><p>${ui.compare.longMemoryOutcome}</p><ul>
      ${rows.map((r) => html`<li>${ui.compare.longMemoryRow(r.title, r.accuracy, longMemoryVerdict(r.accuracy))}</li>`)}</ul></div>`;
  }

  private renderResults() {
    const series = this.jobs.map((j) => {
      const kind = cellKindOf(j.modelJson);
      return { label: j.title(), color: cellColor(kind), dash: cellDash(kind), points: true };
    });
    const cols = (k: 'val_loss' | 'val_accuracy') => epochColumns(this.jobs, k);
    const fmt = (v: number | undefined | null, d = 3) =>
      v === undefined || v === null || !Number.isFinite(v) ? '—' : v.toFixed(d);
    return html`
      <div class="scroll-x" tabindex="0" role="region" aria-label=${ui.compare.compareTable}><table class="numbers" aria-label=${ui.compare.compareTable}>
        <thead><tr><th scope="col">${ui.compare.colModel}</th><th scope="col">${ui.compare.colTrainedWith}</th><th scope="col">${ui.compare.colState}</th><th scope="col">${ui.model.colParams}</th>
          <th scope="col">${ui.compare.colSecondsPerEpoch}</th><th scope="col">${ui.compare.colBestValAcc}</th><th scope="col">${ui.compare.colTestAcc}</th></tr></thead>
        <tbody>${this.jobs.map((j) => {
          const secs = j.history.length
            ? j.history.reduce((a, h) => a + h.seconds, 0) / j.history.length
            : null;
          const bestVal = j.result
            ? j.result.best_val_accuracy
            : j.history.length
              ? Math.max(...j.history.flatMap((h) => (h.val_accuracy === null ? [] : [h.val_accuracy])))
              : null;
          return html`<tr><td>${j.title()}</td><td class="with">${trainedWith(j.data, j.training)}</td><td>${jobStateText(j)}</td><td>${j.params?.toLocaleString('en-US') ?? '—'}</td>
            <td>${fmt(secs, 1)}</td><td>${fmt(bestVal)}</td><td>${fmt(j.result?.test_accuracy)}</td></tr>`;
        })}</tbody>
      </table></div>
      <div class="charts">
        <line-chart integerX label=${ui.compare.compareValLoss} xLabel=${ui.common.xEpoch} yLabel=${ui.common.yLoss} .series=${series} .columns=${cols('val_loss')}></line-chart>
        <line-chart integerX label=${ui.compare.compareValAcc} xLabel=${ui.common.xEpoch} yLabel=${ui.common.yAcc} .series=${series} .columns=${cols('val_accuracy')}></line-chart>
      </div>`;
  }
}
