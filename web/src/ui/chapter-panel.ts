// "Run chapter 9": the chapter's six models trained with the book's settings (chapter9.ts), as
// many at once as the machine has cores and the longest first (engine/schedule.ts), each in its
// own worker; their validation curves overlaid live; a table that fills in as each finishes,
// beside what the edition matching the chosen Keras version printed; and a status line with the
// wall time of the whole chapter. Every model is kept as a run (Runs tab) as it trains, as
// Compare's are, and every finished row keeps its worker, so its model can be used in Classify
// like any other trained model.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { base } from './theme';
import '../charts/line-chart';
import type { EngineClient } from '../engine/client';
import type { DataSettings } from '../engine/protocol';
import { browserWorkerLimit, runLongestFirst } from '../engine/schedule';
import { CHAPTER9, PRINTED, chapterTraining } from '../presets/chapter9';
import { presetById } from '../presets/presets';
import type { PlaygroundState } from '../state/playground-state';
import { LanguageController, ui, type Text } from '../i18n';
import type { RecordRun } from './train-panel';
import {
  RUN_COLORS,
  cancelJobs,
  epochColumns,
  jobStateText,
  newJob,
  trainJob,
  type TrainJob,
} from './train-jobs';
import { RunningAnnouncer } from './running-announcer';

@customElement('chapter-panel')
export class ChapterPanel extends LitElement {
  private readonly language = new LanguageController(this);
  @property({ attribute: false }) setup!: PlaygroundState;
  /** Keeps each of the chapter's models as a run (app-root gives the database). */
  @property({ attribute: false }) recordRun: RecordRun | null = null;
  @state() private quick = false;
  @state() private jobs: TrainJob[] = [];
  @state() private status: Text = () => '';
  /** The data and Keras version of the run shown (the page's choice may have changed since). */
  @state() private shown: { quick: boolean; keras: 2 | 3 } | null = null;

  private readonly limit = browserWorkerLimit();
  private runId = 0;
  private startedAt = 0;

  static styles = [
    base,
    css`
    :host { display: block; margin-bottom: 1.5rem; }
    h2 { margin: 0.2rem 0 0.5rem; font-size: 1.2rem; }
    .controls { display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; align-items: center; }
    button { font-size: 1rem; padding: 0.35rem 1.1rem; font-weight: 600; cursor: pointer; }
    table { border-collapse: collapse; font-size: 0.88rem; margin: 0.5rem 0; }
    caption { text-align: left; font-weight: 600; padding-bottom: 0.3rem; }
    th, td { padding: 0.2rem 0.7rem 0.2rem 0; text-align: right; border-bottom: 1px solid var(--border); }
    th:first-child, td:first-child, td:nth-child(2), th:nth-child(2) { text-align: left; }
    .printed { color: var(--text-muted); }
    [role=status] { font-size: 1.1rem; font-weight: 700; margin: 0.4rem 0; }
    .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: 1rem; }
    .help { font-size: var(--text-sm); color: var(--text-muted); }
  `,
  ];

  /** Keeps a chapter model as a run, with the preset, data and training it runs with. */
  private recordJob = (client: EngineClient, job: TrainJob) =>
    this.recordRun?.(client, {
      setup: { preset: job.id, model: job.modelJson, data: job.data, training: job.training },
      source: 'chapter',
    }) ?? null;

  private get running(): boolean {
    return this.jobs.some((j) => j.state === 'queued' || j.state === 'loading' || j.state === 'training');
  }

  private start(): void {
    this.cancel();
    const run = ++this.runId;
    const keras = this.setup.training.keras;
    const training = chapterTraining(keras);
    this.shown = { quick: this.quick, keras };
    const pack = this.quick ? 'quick' : 'book';
    this.jobs = CHAPTER9.map((c) => {
      const preset = presetById(c.id)!;
      const data: DataSettings = { pack, num_words: preset.data.num_words, maxlen: preset.data.maxlen };
      return newJob(
        c.id,
        () => ui.presets.title[preset.id] ?? preset.title,
        JSON.stringify(preset.model),
        c.seconds,
        data,
        training,
      );
    });
    this.startedAt = performance.now();
    const total = this.jobs.length;
    this.status = () => ui.compare.chapterRunning(0, total);
    const alive = () => run === this.runId;
    const update = (job: TrainJob, patch: Partial<TrainJob>) => {
      Object.assign(job, patch);
      this.jobs = [...this.jobs];
      if (patch.state === 'done' || patch.state === 'failed') this.onFinished();
    };
    void runLongestFirst(
      this.jobs,
      this.limit,
      (job) => trainJob(job, update, alive, this.recordJob),
      () => !alive(),
    );
  }

  private onFinished(): void {
    const finished = this.jobs.filter((j) => j.state === 'done' || j.state === 'failed').length;
    const total = this.jobs.length;
    if (finished < total) {
      this.status = () => ui.compare.chapterRunning(finished, total);
    } else {
      const last = Math.max(...this.jobs.map((j) => j.endedAt ?? 0));
      const done = this.jobs.filter((j) => j.state === 'done').length;
      const seconds = Math.round((last - this.startedAt) / 1000);
      this.status = () => ui.compare.chapterDone(done, seconds);
    }
    this.announceTrained();
  }

  /** Tells the page which workers hold a trained chapter model ('chapter-trained'), for Classify. */
  private announceTrained(): void {
    const detail = this.jobs
      .filter((j) => j.state === 'done' && j.client)
      .map((j) => ({ label: j.title(), client: j.client! }));
    this.dispatchEvent(new CustomEvent('chapter-trained', { detail, bubbles: true, composed: true }));
  }

  private cancel(): void {
    this.runId++;
    const wasRunning = this.running;
    cancelJobs(this.jobs, !wasRunning);
    this.jobs = [...this.jobs];
    this.announceTrained();
    if (wasRunning) this.status = () => ui.compare.chapterCancelled;
  }

  /** Tells the page when the chapter starts or stops training ('chapter-running', detail: boolean). */
  private readonly runningChange = new RunningAnnouncer(this, 'chapter-running');

  protected updated(): void {
    this.runningChange.update(this.running);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.runId++;
    cancelJobs(this.jobs, true);
  }

  render() {
    if (!this.setup) return nothing;
    return html`
      <h2>${ui.compare.chapterHeading}</h2>
      <p class="help">${ui.compare.chapterHelp(this.limit, ui.train.kerasVersion[this.setup.training.keras])}</p>
      <div class="controls">
        <button ?disabled=${this.running} @click=${() => this.start()}>${ui.compare.runChapter}</button>
        <label><input type="checkbox" .checked=${this.quick} ?disabled=${this.running}
          @change=${(e: Event) => (this.quick = (e.target as HTMLInputElement).checked)} /> ${ui.compare.chapterQuick}</label>
        ${this.running ? html`<button @click=${() => this.cancel()}>${ui.compare.cancelChapter}</button>` : nothing}
      </div>
      <p role="status">${this.status()}</p>
      ${this.jobs.length && this.shown ? this.renderRun(this.shown.quick, this.shown.keras) : nothing}`;
  }

  private renderRun(quick: boolean, keras: 2 | 3) {
    const fmt = (v: number | undefined | null, d = 3) =>
      v === undefined || v === null || !Number.isFinite(v) ? '—' : v.toFixed(d);
    const since = (t: number | null) => (t === null ? '—' : ((t - this.startedAt) / 1000).toFixed(1));
    const series = this.jobs.map((j, i) => ({
      label: j.title(),
      color: RUN_COLORS[i % RUN_COLORS.length],
      points: true,
    }));
    return html`
      <table aria-label=${ui.compare.chapterTable}>
        <caption>${ui.compare.chapterCaption(quick, ui.train.kerasVersion[keras], keras)}</caption>
        <thead><tr>
          <th scope="col">${ui.compare.colModel}</th><th scope="col">${ui.compare.colState}</th>
          <th scope="col">${ui.compare.colEpochsRun}</th><th scope="col">${ui.compare.colBestValLoss}</th>
          <th scope="col">${ui.compare.colBestValAcc}</th><th scope="col">${ui.compare.colTestAcc}</th>
          <th scope="col">${ui.compare.colSeconds}</th><th scope="col">${ui.compare.colStarted}</th><th scope="col">${ui.compare.colEnded}</th>
          <th scope="col">${ui.compare.colPrinted(keras)}</th><th scope="col">${ui.compare.colNotebookSeconds}</th>
        </tr></thead>
        <tbody>${this.jobs.map((j) => {
          const r = j.result;
          const best = r ? r.history[r.best_epoch - 1] : undefined;
          const p = PRINTED[keras][j.id];
          return html`<tr data-id=${j.id}>
            <td>${j.title()}</td><td>${jobStateText(j)}</td>
            <td>${r ? `${r.history.length} (${ui.compare.bestAt(r.best_epoch)})` : '—'}</td>
            <td>${fmt(best?.val_loss ?? r?.best_val_loss, 4)}</td><td>${fmt(r?.best_val_accuracy)}</td><td>${fmt(r?.test_accuracy)}</td>
            <td>${j.endedAt !== null && j.startedAt !== null ? ((j.endedAt - j.startedAt) / 1000).toFixed(1) : '—'}</td>
            <td class="started">${since(j.startedAt)}</td><td class="ended">${since(j.endedAt)}</td>
            <td class="printed">${p ? ui.compare.printedCell(p.epochs, p.last_epoch_only ?? false, p.val_loss, p.val_accuracy, p.test_accuracy ?? null, p.words ?? null) : '—'}</td>
            <td class="printed">${p?.seconds ? ui.compare.notebookSeconds(p.seconds, p.words ?? null) : '—'}</td>
          </tr>`;
        })}</tbody>
      </table>
      <div class="charts">
        <line-chart integerX label=${ui.compare.chapterValLoss} xLabel=${ui.common.xEpoch} yLabel=${ui.common.yLoss} .series=${series} .columns=${epochColumns(this.jobs, 'val_loss')}></line-chart>
        <line-chart integerX label=${ui.compare.chapterValAcc} xLabel=${ui.common.xEpoch} yLabel=${ui.common.yAcc} .series=${series} .columns=${epochColumns(this.jobs, 'val_accuracy')}></line-chart>
      </div>`;
  }
}
