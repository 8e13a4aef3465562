// The page: the shared set-up (state/), the preset choice and the link that carries the set-up,
// and four sections as tabs (Model, Data, Train, Compare). It owns the main engine worker, which
// summarises the model and trains it; a crashed worker is replaced and the page keeps working.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { base } from './theme';
import { EngineClient } from '../engine/client';
import type { ModelSummary } from '../engine/engine-api';
import { presetById, presets } from '../presets/presets';
import { LIMITS, withinLimit } from '../state/limits';
import { readModel, setInputShape } from '../state/model-layers';
import {
  defaultState,
  stateFromHash,
  stateFromPreset,
  stateToHash,
  type PlaygroundState,
} from '../state/playground-state';
import { presetOfModel } from '../state/preset-match';
import { setupProblem } from '../state/setup-check';
import { registerServiceWorker, type PendingUpdate } from '../pwa/register';
import { groupLargeNumbers } from '../i18n/format';
import {
  chooseLanguage,
  language,
  LanguageController,
  messageText,
  onLanguageChange,
  ui,
  type Lang,
  type Text,
} from '../i18n';
import './model-editor-panel';
import './data-panel';
import './train-panel';
import './compare-panel';
import './runs-panel';
import './share-panel';
import './open-model-panel';
import type { OpenedModel } from '../files/open-model';
import { openedModelSetup } from '../state/opened-model';
import './chapter-panel';
import type { OpenRun, RecordRun } from './train-panel';
import { RunRecorder } from '../storage/run-recorder';
import { RunsDb, newRunId, storageError, type RunRecord } from '../storage/runs-db';
// ---- Classify tab (engineer "classify"): the view, and the workers holding trained models. ----
import './classify/classify-view';
import type { ClassifyModel } from './classify/classify-view';
// ---- end Classify tab ----

/**
 * A worker holding a trained model, and its name in the current language: `label` names it whole
 * (a saved run), otherwise the Classify tab names it from its `title`.
 */
interface TrainedModel {
  title: () => string;
  client: EngineClient;
  label?: () => string;
  /** Trained on Long memory's synthetic tokens, not on reviews. */
  synthetic?: boolean;
  /** Said beside its verdicts (a model opened from a file may read other word ids). */
  note?: () => string;
}

const TABS = ['model', 'data', 'train', 'compare', 'classify', 'runs'] as const;
type Tab = (typeof TABS)[number];
const TAB_TITLES: Record<Tab, () => string> = {
  model: () => ui.app.tabModel,
  data: () => ui.app.tabData,
  train: () => ui.app.tabTrain,
  compare: () => ui.app.tabCompare,
  classify: () => ui.classify.tab,
  runs: () => ui.runs.tab,
};

@customElement('app-root')
export class AppRoot extends LitElement {
  private readonly language = new LanguageController(this);
  @state() private setup: PlaygroundState = defaultState();
  /** Messages are kept as functions so that they follow a change of language. */
  @state() private engineStatus: Text = () => ui.app.engineLoading;
  @state() private summary: ModelSummary | null = null;
  /** Why the engine rejected the model (said in the current language when rendered). */
  @state() private modelError: Error | null = null;
  @state() private tab: Tab = 'model';
  @state() private linkError: Text | null = null;
  @state() private workerNote: Text | null = null;
  @state() private training = false;
  @state() private client = this.startClient();
  @state() private copied = false;
  /** A new version of the site, installed and waiting for the user's word (never taken while training). */
  @state() private pendingUpdate: PendingUpdate | null = null;
  /** Models are training in the Compare tab. */
  @state() private comparing = false;
  /** The chapter's models are training (Compare tab, Run chapter 9). */
  @state() private chapterRunning = false;
  /** Classify tab: the main worker once a run in it has ended, then the compare view's trained workers. */
  @state() private classifyModels: ClassifyModel[] = [];
  private trainedHere: TrainedModel | null = null;
  private trainedInCompare: TrainedModel[] = [];
  private trainedInChapter: TrainedModel[] = [];
  /** Rebuilt when the language changes too, so the model names follow it. */
  private updateClassifyModels(): void {
    this.classifyModels = [
      ...(this.trainedHere
        ? [
            {
              label: this.trainedHere.label?.() ?? ui.classify.trainedHere(this.trainedHere.title()),
              client: this.trainedHere.client,
              synthetic: this.trainedHere.synthetic,
              note: this.trainedHere.note?.(),
            },
          ]
        : []),
      ...[...this.trainedInCompare, ...this.trainedInChapter].map((m) => ({
        label: ui.classify.trainedInCompare(m.title()),
        client: m.client,
        synthetic: m.synthetic,
      })),
    ];
  }
  private offLanguage: (() => void) | null = null;

  // ---- Runs (storage/runs-db.ts): kept runs, the one open, and storage problems. ----
  private readonly runsDb = new RunsDb();
  @state() private runs: RunRecord[] = [];
  @state() private runsProblem: Text | null = null;
  @state() private runsNote: Text | null = null;
  @state() private openRun: OpenRun | null = null;
  private refreshTimer: number | undefined;

  private restarts = 0;
  private summarizeTimer: number | undefined;
  private urlTimer: number | undefined;
  private requestSeq = 0;

  static styles = [
    base,
    css`
    :host { display: block; max-width: 80rem; margin: 0 auto; padding: var(--space-3) var(--space-4) var(--space-6); }
    header { display: flex; flex-wrap: wrap; gap: var(--space-1) var(--space-5); align-items: baseline; }
    h1 { margin: 0; font-size: var(--text-2xl); line-height: 1.25; letter-spacing: -0.01em; }
    .tagline { margin: 0; color: var(--text-muted); flex: 1 1 20rem; }
    .language { margin-left: auto; display: inline-flex; gap: var(--space-2); align-items: center; }
    .bar { display: flex; flex-wrap: wrap; gap: var(--space-2) var(--space-5); align-items: center; margin: var(--space-3) 0; }
    .bar > span { display: inline-flex; flex-wrap: wrap; gap: var(--space-2); align-items: center; max-width: 100%; }
    #preset { max-width: min(34rem, 100%); }
    .link input { width: 22rem; max-width: 100%; font-family: var(--font-mono); font-size: var(--text-xs); }
    .status, .source { color: var(--text-muted); font-size: var(--text-sm); margin: 0; }
    [role=tablist] { display: flex; gap: var(--space-1); border-bottom: 2px solid var(--accent); margin-top: var(--space-4); overflow-x: auto; }
    [role=tab] { border: 1px solid var(--border); border-bottom: none; background: var(--surface); border-radius: var(--radius) var(--radius) 0 0;
      padding: 0 var(--space-4); min-height: 2.75rem; flex: 0 0 auto; font-size: var(--text-base); }
    [role=tab][aria-selected=true] { background: var(--accent); color: var(--accent-text); border-color: var(--accent); }
    [role=tab]:focus-visible { outline-offset: -4px; outline-color: var(--focus); }
    [role=tabpanel] { padding-top: var(--space-4); }
    footer { margin-top: var(--space-6); font-size: var(--text-sm); color: var(--text-muted); }
    @media (max-width: 40rem) {
      :host { padding: var(--space-2) var(--space-3) var(--space-5); }
      [role=tab] { padding: 0 var(--space-3); flex: 1 0 auto; }
    }
  `,
  ];

  connectedCallback(): void {
    super.connectedCallback();
    this.loadFromUrl();
    window.addEventListener('hashchange', this.onHashChange);
    window.addEventListener('beforeunload', this.onBeforeUnload);
    void this.startRuns();
    this.offLanguage = onLanguageChange(() => this.updateClassifyModels());
    registerServiceWorker((u) => (this.pendingUpdate = u));
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    window.removeEventListener('beforeunload', this.onBeforeUnload);
    this.offLanguage?.();
  }

  /** Leaving the page while a model trains asks first (the browser shows its own words). */
  private onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (!this.training && !this.comparing && !this.chapterRunning) return;
    e.preventDefault();
    e.returnValue = ui.runs.leaveWarning;
  };

  private storageFailed(e: unknown): void {
    const error = storageError(e);
    this.runsProblem =
      error.kind === 'full' ? () => ui.runs.storageFull : () => ui.runs.storageUnavailable(error.detail);
  }

  /** Runs cut off by the last reload become 'interrupted'; the newest run becomes Classify's model. */
  private async startRuns(): Promise<void> {
    try {
      const interrupted = await this.runsDb.markInterrupted();
      if (interrupted) this.runsNote = () => ui.runs.interruptedNote(interrupted);
      this.runs = await this.runsDb.list();
    } catch (e) {
      this.storageFailed(e);
      return;
    }
    const newest = this.runs[0];
    if (!newest || this.trainedHere) return;
    try {
      const saved = await this.runsDb.get(newest.id);
      if (saved && !this.training && !this.trainedHere)
        await this.useForClassify(saved.run, saved.state.weights);
    } catch (e) {
      // A run the engine refuses stays listed (Open run says why); Classify waits for a new model.
      if (!(e instanceof Error && e.name === 'EngineError')) this.storageFailed(e);
    }
  }

  private refreshRuns(): void {
    window.clearTimeout(this.refreshTimer);
    this.refreshTimer = window.setTimeout(() => {
      this.runsDb.list().then(
        (r) => (this.runs = r),
        (e: unknown) => this.storageFailed(e),
      );
    }, 100);
  }

  private recordRun: RecordRun = (client, start) => {
    const preset = start.setup.preset ? presetById(start.setup.preset) : undefined;
    const name = ui.runs.runName(
      preset?.title ?? ui.app.customPreset,
      new Date().toISOString().slice(0, 16).replace('T', ' '),
      start.source,
    );
    return new RunRecorder(
      this.runsDb,
      client,
      { ...start, name },
      {
        onProblem: (e) => this.storageFailed(e),
        onSaved: () => {
          this.runsProblem = null;
          this.refreshRuns();
        },
      },
    );
  };

  private async useForClassify(run: RunRecord, weights: Float32Array): Promise<void> {
    const client = this.client;
    await client.request('loadModel', { modelJson: run.setup.model, weights, data: run.setup.data });
    this.trainedHere = {
      title: () => run.name,
      label: () => ui.runs.classifyLabel(run.name),
      client,
      synthetic: run.setup.data.pack === 'long-memory',
    };
    this.updateClassifyModels();
  }

  private async openSavedRun(id: string): Promise<void> {
    if (this.training) return;
    try {
      const saved = await this.runsDb.get(id);
      if (!saved) throw new Error(ui.runs.noLongerStored);
      this.applySetup(saved.run.setup, true);
      await this.useForClassify(saved.run, saved.state.weights);
      this.openRun = saved;
      const { name } = saved.run,
        epochs = saved.run.history.length;
      this.runsNote = () => ui.runs.opened(name, epochs);
      this.tab = 'train';
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.runsNote = () => ui.runs.openFailed(message);
    }
  }

  /**
   * A model opened from a file (open-model-panel): the engine takes it first (if it refuses, the
   * page stays as it was), then the editor shows it with data settings that fit it, Classify uses
   * it, and the Train tab can go on from its weights (a new run; no saved run is touched).
   */
  private useOpenedModel = async (opened: OpenedModel): Promise<void> => {
    if (this.training) throw new Error(ui.app.engineLoading);
    const setup = openedModelSetup(this.setup, opened.modelJson);
    const client = this.client;
    await client.request('loadModel', { modelJson: setup.model, weights: opened.weights, data: setup.data });
    this.applySetup(setup, true);
    const now = Date.now();
    const run: RunRecord = {
      id: newRunId(),
      name: opened.fileName,
      created: now,
      updated: now,
      setup,
      source: 'train',
      status: 'finished',
      history: [],
      best_val_accuracy: null,
      test_accuracy: null,
      total_params: opened.weights.length,
    };
    this.openRun = { run, state: { weights: opened.weights, optimizer: new Float32Array(0), iterations: 0 } };
    const name = opened.fileName;
    this.trainedHere = {
      title: () => name,
      label: () => ui.files.classifyLabel(name),
      client,
      note: () => ui.files.wordIdsNote,
    };
    this.updateClassifyModels();
  };

  private async renameRun(id: string, name: string): Promise<void> {
    try {
      await this.runsDb.rename(id, name);
      this.runs = await this.runsDb.list();
    } catch (e) {
      this.storageFailed(e);
    }
  }

  private async deleteRun(id: string): Promise<void> {
    try {
      await this.runsDb.delete(id);
      this.runs = await this.runsDb.list();
      if (this.openRun?.run.id === id) this.openRun = null;
    } catch (e) {
      this.storageFailed(e);
    }
  }

  private onHashChange = () => {
    if (location.hash !== stateToHash(this.setup)) this.loadFromUrl();
  };

  private loadFromUrl(): void {
    try {
      const fromLink = stateFromHash(location.hash);
      this.linkError = null;
      this.applySetup(fromLink ?? this.setup, true);
    } catch (e) {
      this.linkError = () => ui.app.badLink(messageText(e));
      this.applySetup(defaultState(), true);
    }
  }

  private startClient(): EngineClient {
    const client = new EngineClient();
    client.request('init', {}).then(
      (info) => (this.engineStatus = () => ui.app.engineReady(info.simd)),
      (e: Error) => (this.engineStatus = () => ui.app.engineFailed(messageText(e))),
    );
    client.on((ev) => {
      if (ev.event !== 'fatal' || client !== this.client) return;
      // Replace the worker so that the page keeps working; the set-up is in this.setup. A worker
      // that cannot even start would fail again: give up after a few tries and say so.
      this.training = false;
      if (++this.restarts > 3) {
        this.engineStatus = () => ui.app.engineFailed(messageText(ev));
        return;
      }
      this.workerNote = () => ui.app.engineRestarted(messageText(ev));
      this.client = this.startClient();
      this.requestSummary(0);
    });
    return client;
  }

  /** Takes a new set-up: keeps the model's input length equal to maxlen, updates the URL and summary. */
  private applySetup(next: PlaygroundState, fromOutside = false): void {
    const prev = this.setup;
    if (!fromOutside && next.data.maxlen !== prev.data.maxlen && next.model === prev.model) {
      try {
        const doc = JSON.parse(next.model);
        const m = readModel(doc);
        if (m)
          next = {
            ...next,
            model: JSON.stringify(setInputShape(doc, next.data.maxlen, m.oneHotFeatures), null, 2),
          };
      } catch {
        /* the model text is not JSON: the summary says so */
      }
    } else if (!fromOutside && next.model !== prev.model) {
      try {
        const m = readModel(JSON.parse(next.model));
        if (
          m?.inputLength &&
          m.inputLength !== next.data.maxlen &&
          withinLimit(LIMITS.maxlen, m.inputLength)
        ) {
          next = { ...next, data: { ...next.data, maxlen: m.inputLength } };
        }
      } catch {
        /* as above */
      }
    }
    this.setup = next;
    if (fromOutside || next.model !== prev.model) this.requestSummary(fromOutside ? 0 : 200);
    window.clearTimeout(this.urlTimer);
    this.urlTimer = window.setTimeout(
      () => {
        const hash = stateToHash(this.setup);
        if (location.hash !== hash) history.replaceState(null, '', hash);
      },
      fromOutside ? 0 : 250,
    );
  }

  private selectPreset(id: string): void {
    const p = presetById(id);
    if (p) this.applySetup(stateFromPreset(p, this.setup.training.seed, this.setup.training.keras), true);
  }

  /** The engine's summary of any model, from the current worker (the compare panel's bars use it). */
  private summarizeJson = (modelJson: string) => this.client.request('summarize', { modelJson });

  private requestSummary(delayMs: number): void {
    window.clearTimeout(this.summarizeTimer);
    this.summarizeTimer = window.setTimeout(() => {
      const seq = ++this.requestSeq;
      this.client.request('summarize', { modelJson: this.setup.model }).then(
        (s) => {
          if (seq !== this.requestSeq) return;
          this.summary = s;
          this.modelError = null;
        },
        (e: Error) => {
          if (seq !== this.requestSeq) return;
          this.summary = null;
          this.modelError = e;
        },
      );
    }, delayMs);
  }

  /** Why the current set-up cannot be trained, or null. */
  private trainBlocker(): string | null {
    if (this.modelError) return ui.common.cannotTrain;
    if (!this.summary) return ui.app.engineLoading;
    const preset = this.setup.preset ? presetById(this.setup.preset) : undefined;
    if (preset?.summary_only && this.isPresetModel(preset.model))
      return ui.app.summaryOnlyCannotTrain(ui.presets.summaryOnly[preset.id] ?? preset.summary_only);
    const problem = setupProblem(this.setup);
    return problem ? ui.common.setupProblem(groupLargeNumbers(messageText(problem))) : null;
  }

  private isPresetModel(model: unknown): boolean {
    try {
      return JSON.stringify(JSON.parse(this.setup.model)) === JSON.stringify(model);
    } catch {
      return false;
    }
  }

  private link(): string {
    return location.href.split('#')[0] + stateToHash(this.setup);
  }

  private async copyLink(): Promise<void> {
    const input = this.renderRoot.querySelector<HTMLInputElement>('#link');
    try {
      await navigator.clipboard.writeText(this.link());
    } catch {
      input?.select();
    }
    this.copied = true;
    window.setTimeout(() => (this.copied = false), 2000);
  }

  private onTabKey(e: KeyboardEvent): void {
    const i = TABS.indexOf(this.tab);
    let next = -1;
    if (e.key === 'ArrowRight') next = (i + 1) % TABS.length;
    else if (e.key === 'ArrowLeft') next = (i + TABS.length - 1) % TABS.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = TABS.length - 1;
    if (next < 0) return;
    e.preventDefault();
    this.tab = TABS[next];
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`#tab-${this.tab}`)?.focus(),
    );
  }

  protected updated(): void {
    document.title = ui.app.appTitle; // the tab's title follows the language too
  }

  /** The new-version prompt: offered, never forced; while a model trains it waits for the run to end. */
  private renderUpdatePrompt() {
    if (!this.pendingUpdate) return nothing;
    const update = this.pendingUpdate;
    // A reload would end a run in the Train tab or in Compare: wait until none is running.
    const busy = this.training || this.comparing || this.chapterRunning;
    return html`<div class="notice" role="region" aria-label=${ui.app.updateRegion} aria-live="polite">
      ${busy ? ui.app.updateWhileTraining : ui.app.updateReady}
      <button ?disabled=${busy} @click=${() => update.apply()}>${ui.app.updateApply}</button>
      <button @click=${() => (this.pendingUpdate = null)}>${ui.app.updateLater}</button></div>`;
  }

  render() {
    // The preset's name only while the model is still the preset's (else: "Your own model").
    const preset = presetOfModel(this.setup);
    const blocker = this.trainBlocker();
    const onChange = (e: CustomEvent<PlaygroundState>) => this.applySetup(e.detail);
    return html`
      <header>
        <h1>${ui.app.appTitle}</h1>
        <p class="tagline">${ui.app.tagline}</p>
        <span class="language"><label for="language">${ui.app.languageLabel}</label>
          <select id="language" @change=${(e: Event) => chooseLanguage((e.target as HTMLSelectElement).value as Lang)}>
            <option value="ko" lang="ko" ?selected=${language() === 'ko'}>한국어</option>
            <option value="en" lang="en" ?selected=${language() === 'en'}>English</option>
          </select></span>
      </header>
      <p class="status" role="note">${this.engineStatus()}</p>
      ${
        this.linkError
          ? html`<div class="error" role="alert">${this.linkError()}
        <button @click=${() => (this.linkError = null)}>${ui.common.dismiss}</button></div>`
          : nothing
      }
      ${
        this.runsProblem
          ? html`<div class="error" role="alert">${this.runsProblem()}
        <button @click=${() => (this.runsProblem = null)}>${ui.common.dismiss}</button></div>`
          : nothing
      }
      ${
        this.runsNote
          ? html`<div class="notice" aria-live="polite">${this.runsNote()}
        <button @click=${() => (this.runsNote = null)}>${ui.common.dismiss}</button></div>`
          : nothing
      }
      ${this.renderUpdatePrompt()}
      ${
        this.workerNote
          ? html`<div class="notice">${this.workerNote()}
        <button @click=${() => (this.workerNote = null)}>${ui.common.dismiss}</button></div>`
          : nothing
      }
      <div class="bar">
        <span><label for="preset">${ui.app.presetLabel}</label>
          <select id="preset" .value=${preset?.id ?? ''} ?disabled=${this.training}
            @change=${(e: Event) => this.selectPreset((e.target as HTMLSelectElement).value)}>
            ${preset ? nothing : html`<option value="" selected>${ui.app.customPreset}</option>`}
            ${presets.map(
              (p) => html`<option value=${p.id} ?selected=${p.id === preset?.id}>
              ${ui.presets.title[p.id] ?? p.title}${p.summary_only ? ` (${ui.app.summaryOnly})` : ''}</option>`,
            )}
          </select></span>
        ${preset ? html`<span class="source">${ui.app.source(ui.presets.source[preset.id] ?? preset.source)}</span>` : nothing}
        <span class="link"><label for="link">${ui.app.linkLabel}</label>
          <input id="link" readonly .value=${this.link()} @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
          <button @click=${() => this.copyLink()}>${ui.app.copyLink}</button>
          <span aria-live="polite">${this.copied ? ui.app.linkCopied : ''}</span></span>
      </div>
      ${
        preset?.summary_only && this.isPresetModel(preset.model)
          ? html`<p class="notice">${ui.app.summaryOnlyNote(ui.presets.summaryOnly[preset.id] ?? preset.summary_only)}</p>`
          : nothing
      }
      <div role="tablist" aria-label=${ui.app.sectionsLabel} @keydown=${(e: KeyboardEvent) => this.onTabKey(e)}>
        ${TABS.map(
          (
            t,
          ) => html`<button role="tab" id="tab-${t}" aria-controls="panel-${t}" aria-selected=${this.tab === t ? 'true' : 'false'}
          tabindex=${this.tab === t ? 0 : -1} @click=${() => (this.tab = t)}>${TAB_TITLES[t]()}</button>`,
        )}
      </div>
      <section role="tabpanel" id="panel-model" aria-labelledby="tab-model" ?hidden=${this.tab !== 'model'}>
        <model-editor-panel .setup=${this.setup} .summary=${this.summary} .error=${this.modelError ? groupLargeNumbers(messageText(this.modelError)) : null} ?busy=${this.training}
          @state-change=${onChange}></model-editor-panel>
      </section>
      <section role="tabpanel" id="panel-data" aria-labelledby="tab-data" ?hidden=${this.tab !== 'data'}>
        <data-panel .setup=${this.setup} ?active=${this.tab === 'data'} ?busy=${this.training}
          @state-change=${onChange}></data-panel>
      </section>
      <section role="tabpanel" id="panel-train" aria-labelledby="tab-train" ?hidden=${this.tab !== 'train'}>
        <train-panel .setup=${this.setup} .client=${this.client} .blocker=${blocker} .openRun=${this.openRun} .recordRun=${this.recordRun}
          @state-change=${onChange} @training-change=${(e: CustomEvent<boolean>) => {
            this.training = e.detail;
            // Classify tab: a run that ended leaves a trained model in this worker.
            if (e.detail) return;
            const id = preset?.id;
            this.trainedHere = {
              title: () => (id ? (ui.presets.title[id] ?? id) : ui.app.customPreset),
              client: this.client,
              synthetic: this.setup.data.pack === 'long-memory',
            };
            this.updateClassifyModels();
          }}></train-panel>
      </section>
      <section role="tabpanel" id="panel-compare" aria-labelledby="tab-compare" ?hidden=${this.tab !== 'compare'}>
        <chapter-panel .setup=${this.setup} .recordRun=${this.recordRun} @chapter-running=${(e: CustomEvent<boolean>) => (this.chapterRunning = e.detail)}
          @chapter-trained=${(e: CustomEvent<ClassifyModel[]>) => {
            this.trainedInChapter = e.detail.map((m) => ({ title: () => m.label, client: m.client }));
            this.updateClassifyModels();
          }}></chapter-panel>
        <compare-panel .setup=${this.setup} .summary=${this.summary} .summarize=${this.summarizeJson} .blocker=${blocker} .recordRun=${this.recordRun}
          @compare-running=${(e: CustomEvent<boolean>) => (this.comparing = e.detail)}
          @compare-trained=${(e: CustomEvent<TrainedModel[]>) => {
            this.trainedInCompare = e.detail;
            this.updateClassifyModels();
          }}></compare-panel>
      </section>
      <!-- Classify tab (engineer "classify") -->
      <section role="tabpanel" id="panel-classify" aria-labelledby="tab-classify" ?hidden=${this.tab !== 'classify'}>
        <classify-view .models=${this.classifyModels}></classify-view>
      </section>
      <section role="tabpanel" id="panel-runs" aria-labelledby="tab-runs" ?hidden=${this.tab !== 'runs'}>
        <share-panel .setup=${this.setup} .client=${this.client} ?busy=${this.training} ?hasModel=${this.trainedHere !== null}></share-panel>
        <open-model-panel .client=${this.client} ?busy=${this.training || this.comparing} .useModel=${this.useOpenedModel}></open-model-panel>
        <runs-panel .runs=${this.runs} .problem=${this.runsProblem} .openId=${this.openRun?.run.id ?? null}
          @run-open=${(e: CustomEvent<{ id: string }>) => this.openSavedRun(e.detail.id)}
          @run-rename=${(e: CustomEvent<{ id: string; name: string }>) => this.renameRun(e.detail.id, e.detail.name)}
          @run-delete=${(e: CustomEvent<{ id: string }>) => this.deleteRun(e.detail.id)}></runs-panel>
      </section>
      <footer>${ui.app.buildLabel(__BUILD_LABEL__)}</footer>
    `;
  }
}
