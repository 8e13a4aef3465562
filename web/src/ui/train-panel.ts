// The Train section: optimizer, learning rate, batch size, epochs, early stopping, seed and Keras
// version (whose arithmetic; the published curve of the matching generation is drawn); Train,
// Pause, Resume and Stop; live charts (per-batch loss, per-epoch loss and accuracy beside the curve
// the book printed); a progress bar; and the test accuracy at the end. The worker computes, this
// component only draws what its events say (the charts, log and progress text: train-results.ts).
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { base } from './theme';
import { bookCurve } from '../charts/book-curves';
import '../charts/line-chart';
import type { EngineClient } from '../engine/client';
import type {
  BatchEvent,
  EpochLog,
  KerasVersion,
  ModelState,
  TrainResult,
  TrainingSettings,
  WorkerEvent,
} from '../engine/protocol';
import { presetById } from '../presets/presets';
import { sameData, sameModel, type PlaygroundState } from '../state/playground-state';
import { LIMITS } from '../state/limits';
import { OPTIMIZER_NAMES, diagnoseRun } from '../state/run-diagnosis';
import type { RunRecorder } from '../storage/run-recorder';
import type { RunRecord } from '../storage/runs-db';
import './number-field';
import { NumberField } from './number-field';
import { isNanStop } from './stop-reason';
import { LanguageController, messageText, ui, type Text } from '../i18n';
import { groupLargeNumbers } from '../i18n/format';
import {
  adviceText,
  bookChoice,
  epochChart,
  gradientChart,
  historyTable,
  matchingCurve,
  progressOf,
  trainStyle,
} from './train-results';

/** A kept run the Train tab can go on training: its record and its weights and optimizer state. */
export interface OpenRun {
  run: RunRecord;
  state: ModelState;
}

/** Starts keeping a run (app-root gives the database); null when runs cannot be kept. */
export type RecordRun = (
  client: EngineClient,
  start: { setup: PlaygroundState; source: RunRecord['source']; continues?: RunRecord },
) => RunRecorder | null;

type Phase = 'idle' | 'loading' | 'training' | 'stopping';

@customElement('train-panel')
export class TrainPanel extends LitElement {
  private readonly language = new LanguageController(this);
  @property({ attribute: false }) setup!: PlaygroundState;
  @property({ attribute: false }) client!: EngineClient;
  /** Why training is not possible now (invalid model, summary-only preset...), or null. */
  @property({ attribute: false }) blocker: string | null = null;
  /** A run opened under Runs (its curves are shown; Continue training goes on from it). */
  @property({ attribute: false }) openRun: OpenRun | null = null;
  @property({ attribute: false }) recordRun: RecordRun | null = null;

  @state() private phase: Phase = 'idle';
  @state() private paused = false;
  @state() private lastBatch: BatchEvent | null = null;
  @state() private history: EpochLog[] = [];
  @state() private result: TrainResult | null = null;
  /** Messages are kept as functions so that they follow a change of language. */
  @state() private error: Text | null = null;
  @state() private status: Text = () => ui.train.statusIdle;
  @state() private bookIndex = 0;
  @state() private batchColumns: (number | null)[][] = [[], []];

  /** The settings of the run shown (the fields may change after it). */
  private runTraining: TrainingSettings | null = null;
  private unsubscribe: (() => void) | null = null;
  private subscribed: EngineClient | null = null;
  private runEpochs = 0;
  /** Epochs the continued run had trained before this segment. */
  private epochOffset = 0;
  /** What Continue training goes on from: the opened run, or the run that just ended here. */
  @state() private continueFrom: OpenRun | null = null;

  static styles = [
    base,
    css`
    :host { display: block; }
    .fields { align-items: flex-start; }
    .buttons { display: flex; gap: var(--space-2); margin: var(--space-4) 0; flex-wrap: wrap; align-items: center; }
    .buttons button { min-width: 6rem; }
    .progress { height: 1rem; background: var(--surface-2); border: 1px solid var(--border); border-radius: var(--radius); overflow: hidden; max-width: 48rem; }
    .progress > div { height: 100%; background: var(--accent); transition: width 0.2s; }
    .progress-text { font-family: var(--font-mono); font-size: var(--text-sm); margin: var(--space-1) 0 var(--space-3); overflow-wrap: anywhere; }
    [role=status] { font-size: var(--text-lg); font-weight: 700; margin: var(--space-2) 0; }
    .result { margin: var(--space-1) 0; }
    .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(22rem, 100%), 1fr)); gap: var(--space-4); }
    .log { overflow-x: auto; max-width: 100%; }
    table { font-size: var(--text-sm); font-family: var(--font-mono); font-variant-numeric: tabular-nums; }
    th, td { padding: var(--space-1) var(--space-3) var(--space-1) 0; text-align: right; }
  `,
  ];

  protected updated(changed: PropertyValues): void {
    if (changed.has('client') && this.client !== this.subscribed) {
      this.unsubscribe?.();
      this.subscribed = this.client;
      this.unsubscribe = this.client.on((e) => this.onEvent(e));
    }
    if (changed.has('openRun') && this.openRun && !this.running) {
      const { run } = this.openRun;
      this.continueFrom = this.openRun;
      this.history = [...run.history];
      this.result = null;
      this.error = null;
      this.lastBatch = null;
      this.batchColumns = [[], []];
      this.status = () => ui.runs.openedStatus(run.history.length, run.test_accuracy);
    }
    if (changed.has('setup')) {
      const prev = changed.get('setup') as PlaygroundState | undefined;
      if (!prev || prev.preset !== this.setup.preset || prev.training.keras !== this.setup.training.keras) {
        this.bookIndex = matchingCurve(
          this.setup.preset ? (presetById(this.setup.preset)?.book_curves ?? []) : [],
          this.setup.training.keras,
        );
      }
      if (prev && prev.preset !== this.setup.preset) {
        // A new preset: what was typed into the fields gives way to its settings.
        this.renderRoot.querySelectorAll<NumberField>('number-field').forEach((f) => f.reset());
      }
    }
  }

  private get running(): boolean {
    return this.phase !== 'idle';
  }

  private setRunning(phase: Phase): void {
    const was = this.running;
    this.phase = phase;
    if (was !== this.running)
      this.dispatchEvent(
        new CustomEvent('training-change', { detail: this.running, bubbles: true, composed: true }),
      );
  }

  private onEvent(e: WorkerEvent): void {
    if (!this.running) return;
    switch (e.event) {
      case 'batch': {
        this.lastBatch = e;
        const [xs, ys] = this.batchColumns;
        xs.push(e.epoch - 1 + e.batch / e.batches_per_epoch);
        ys.push(e.batch_loss);
        // A new array object tells the chart to redraw (it coalesces to one draw per frame).
        this.batchColumns = [xs, ys];
        if (this.phase === 'training' && !this.paused) {
          const epochs = this.runEpochs;
          this.status = () => ui.train.statusTraining(e.epoch, epochs);
        }
        break;
      }
      case 'epoch':
        this.history = [...this.history, e];
        break;
      case 'paused':
        this.paused = true;
        this.status = () => ui.train.statusPaused;
        break;
      case 'resumed':
        this.paused = false;
        break;
      case 'fatal':
        this.error = () => ui.train.trainFailed(groupLargeNumbers(messageText(e)));
        this.status = () => ui.train.statusIdle;
        this.paused = false;
        this.setRunning('idle');
        break;
      default:
        break;
    }
  }

  /** The open run, when the set-up still is its model and data (so its weights fit). */
  private continuable(): OpenRun | null {
    const c = this.continueFrom;
    return c && sameModel(c.run.setup.model, this.setup.model) && sameData(c.run.setup.data, this.setup.data)
      ? c
      : null;
  }

  private async train(continues: OpenRun | null = null): Promise<void> {
    const client = this.client;
    const { data, training, model } = this.setup;
    this.error = null;
    this.result = null;
    this.history = continues ? [...continues.run.history] : [];
    this.lastBatch = null;
    this.paused = false;
    this.batchColumns = [[], []];
    this.epochOffset = continues?.run.history.length ?? 0;
    this.runEpochs = this.epochOffset + training.epochs;
    this.runTraining = training;
    this.status = () => ui.train.statusLoadingData;
    this.setRunning('loading');
    let recorder: RunRecorder | null = null;
    try {
      await client.request('loadData', data);
      if (client !== this.client || !this.running) return;
      this.setRunning('training');
      const first = this.epochOffset + 1,
        epochs = this.runEpochs;
      this.status = () => ui.train.statusTraining(first, epochs);
      recorder =
        this.recordRun?.(client, { setup: this.setup, source: 'train', continues: continues?.run }) ?? null;
      // Keras' optimizer would not carry its state over to another optimizer: neither do we.
      const sameOptimizer = continues?.run.setup.training.optimizer === training.optimizer;
      const resume = continues
        ? {
            epochs_done: this.epochOffset,
            state: sameOptimizer
              ? continues.state
              : { ...continues.state, optimizer: new Float32Array(0), iterations: 0 },
          }
        : undefined;
      const result = await client.request('train', { modelJson: model, data, training, resume });
      await recorder?.finish(result);
      if (recorder?.record) this.continueFrom = { run: recorder.record, state: result.state };
      recorder = null;
      if (client !== this.client) return;
      this.result = result;
      if (isNanStop(result)) {
        // What happened (the engine's words) and what to try.
        const d = diagnoseRun(result.history, training, true);
        this.error = () =>
          `${ui.common.nanLoss(result.message && groupLargeNumbers(result.message))}${d ? ` ${adviceText(d, this.runTraining ?? this.setup.training)}` : ''}`;
        this.status = () =>
          Number.isFinite(result.test_accuracy)
            ? ui.train.testAccuracy(result.test_accuracy)
            : ui.train.statusIdle;
      } else {
        this.status = () => ui.train.testAccuracy(result.test_accuracy);
      }
    } catch (e) {
      void recorder?.abandon();
      if (client !== this.client && this.error) return;
      this.error = () => ui.train.trainFailed(groupLargeNumbers(messageText(e)));
      this.status = () => ui.train.statusIdle;
    } finally {
      if (client === this.client || !this.error) {
        this.paused = false;
        this.setRunning('idle');
      }
    }
  }

  private async control(kind: 'pause' | 'resume' | 'stop'): Promise<void> {
    try {
      if (kind === 'stop') {
        this.setRunning('stopping');
        this.status = () => ui.train.statusStopping;
        await this.client.request('stop', {});
      } else {
        const r = await this.client.request(kind, {});
        this.paused = r.paused;
        if (r.paused) this.status = () => ui.train.statusPaused;
        else if (this.lastBatch) {
          const epoch = this.lastBatch.epoch,
            epochs = this.runEpochs;
          this.status = () => ui.train.statusTraining(epoch, epochs);
        }
      }
    } catch (e) {
      this.error = () => ui.train.trainFailed(groupLargeNumbers(messageText(e)));
    }
  }

  private changeTraining(patch: Partial<TrainingSettings>): void {
    const detail = { ...this.setup, training: { ...this.setup.training, ...patch } };
    this.dispatchEvent(new CustomEvent('state-change', { detail, bubbles: true, composed: true }));
  }

  private numberField(
    id: string,
    label: string,
    key: 'learning_rate' | 'clipnorm' | 'batch_size' | 'epochs' | 'patience' | 'seed',
  ) {
    const lim = LIMITS[key];
    return html`<number-field fieldId=${id} label=${label} .value=${this.setup.training[key] ?? 0} .limit=${lim} ?disabled=${this.running}
      @value-change=${(e: CustomEvent<number>) => this.changeTraining({ [key]: e.detail })}></number-field>`;
  }

  /** A run at chance level is said while it lasts (a NaN is said in the error box). */
  private renderDiagnosis() {
    if (!this.runTraining || this.history.length === 0) return nothing;
    const d = diagnoseRun(this.history, this.runTraining);
    if (!d || d.kind !== 'chance') return nothing;
    return html`<div class="warning" aria-live="polite">${ui.train.chanceLevel(d.epochs)} ${adviceText(d, this.runTraining ?? this.setup.training)}</div>`;
  }

  render() {
    if (!this.setup) return nothing;
    const t = this.setup.training;
    const preset = this.setup.preset ? presetById(this.setup.preset) : undefined;
    const books = preset?.book_curves ?? [];
    const chosen = books[this.bookIndex];
    const book = chosen ? bookCurve(chosen.source, chosen.model) : undefined;
    const p = progressOf(this.lastBatch, this.epochOffset, this.runEpochs, this.result !== null);
    const continuable = this.continuable();
    return html`
      <h2>${ui.train.trainHeading}</h2>
      ${continuable && !this.running ? html`<p class="note">${ui.runs.continueNote(continuable.run.name, continuable.run.history.length)}</p>` : nothing}
      <div class="fields">
        <span><label for="optimizer">${ui.train.optimizerLabel}</label>
          <select id="optimizer" ?disabled=${this.running}
            @change=${(e: Event) => this.changeTraining({ optimizer: (e.target as HTMLSelectElement).value as TrainingSettings['optimizer'] })}>
            ${(['rmsprop', 'adam', 'sgd'] as const).map((o) => html`<option value=${o} ?selected=${o === t.optimizer}>${OPTIMIZER_NAMES[o]}</option>`)}
          </select></span>
        ${this.numberField('learning-rate', ui.train.learningRateLabel, 'learning_rate')}
        ${this.numberField('clipnorm', ui.train.clipnormLabel, 'clipnorm')}
        ${this.numberField('batch-size', ui.train.batchSizeLabel, 'batch_size')}
        ${this.numberField('epochs', ui.train.epochsLabel, 'epochs')}
        ${this.numberField('patience', ui.train.patienceLabel, 'patience')}
        <span><input id="restore-best" type="checkbox" .checked=${t.restore_best} ?disabled=${this.running}
          @change=${(e: Event) => this.changeTraining({ restore_best: (e.target as HTMLInputElement).checked })} />
          <label for="restore-best">${ui.train.restoreBestLabel}</label></span>
        ${this.numberField('seed', ui.train.seedLabel, 'seed')}
        <span><label for="keras-version">${ui.train.kerasVersionLabel}</label>
          <select id="keras-version" ?disabled=${this.running}
            @change=${(e: Event) => this.changeTraining({ keras: Number((e.target as HTMLSelectElement).value) as KerasVersion })}>
            ${([3, 2] as const).map((k) => html`<option value=${k} ?selected=${k === t.keras}>${ui.train.kerasVersion[k]}</option>`)}
          </select></span>
      </div>
      <div class="buttons">
        <button class="primary" ?disabled=${this.running || this.blocker !== null} @click=${() => this.train()}>${ui.train.train}</button>
        ${
          continuable
            ? html`<button ?disabled=${this.running || this.blocker !== null}
          @click=${() => this.train(continuable)}>${ui.runs.continueTraining(continuable.run.history.length + 1)}</button>`
            : nothing
        }
        <button ?disabled=${this.phase !== 'training' || this.paused} @click=${() => this.control('pause')}>${ui.train.pause}</button>
        <button ?disabled=${this.phase !== 'training' || !this.paused} @click=${() => this.control('resume')}>${ui.train.resume}</button>
        <button ?disabled=${this.phase !== 'training'} @click=${() => this.control('stop')}>${ui.train.stop}</button>
        ${this.blocker && !this.running ? html`<span class="blocked">${this.blocker}</span>` : nothing}
      </div>
      <div class="progress" role="progressbar" aria-label=${ui.train.progressLabel} aria-valuemin="0" aria-valuemax="100"
        aria-valuenow=${p.pct} aria-valuetext=${p.text || `${p.pct}%`}><div style="width:${p.pct}%"></div></div>
      <p class="progress-text">${p.text}</p>
      <p role="status">${this.status()}</p>
      ${
        this.result
          ? html`<p class="result">${ui.train.resultLine(
              ui.common.stopReason[this.result.stop_reason] ?? this.result.stop_reason,
              this.result.history.length,
              this.result.best_epoch,
              this.result.test_loss,
              this.result.seconds,
            )}</p>`
          : nothing
      }
      ${this.error ? html`<div class="error" role="alert">${this.error()}</div>` : nothing}
      ${this.renderDiagnosis()}
      ${bookChoice(this.setup, books, this.bookIndex, book, (i) => (this.bookIndex = i))}
      <div class="charts">
        <line-chart label=${ui.train.batchLossChart} xLabel=${ui.train.xBatch} yLabel=${ui.common.yLoss}
          .series=${[{ label: ui.train.sLoss, ...trainStyle() }]} .columns=${this.batchColumns}></line-chart>
        ${epochChart(this.history, ui.train.epochLossChart, ui.common.yLoss, 'loss', 'val_loss', ui.train.sLoss, ui.train.sValLoss, book)}
        ${epochChart(this.history, ui.train.epochAccChart, ui.common.yAcc, 'accuracy', 'val_accuracy', ui.train.sAcc, ui.train.sValAcc, book)}
        ${gradientChart(this.history)}
      </div>
      ${this.history.length ? historyTable(this.history) : nothing}`;
  }
}
