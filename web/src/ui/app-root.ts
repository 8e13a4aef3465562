// The page: the shared set-up (state/), the preset choice and the link that carries the set-up,
// and six sections as tabs (Model, Data, Train, Compare, Classify, Runs). It owns the main engine
// worker, which summarises the model and trains it; a crashed worker is replaced and the page
// keeps working. Its stateless parts: page-parts.ts; the kept runs: kept-runs.ts.
import { LitElement, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { base } from './theme';
import {
  TABS,
  TAB_TITLES,
  dismissible,
  isPresetModel,
  pageHeader,
  pageStyles,
  tabAfterKey,
  trainBlocker,
  updatePrompt,
  type Tab,
} from './page-parts';
import { EngineClient } from '../engine/client';
import type { ModelSummary } from '../engine/engine-api';
import { presetById, presets } from '../presets/presets';
import {
  defaultState,
  stateFromHash,
  stateFromPreset,
  stateToHash,
  type PlaygroundState,
} from '../state/playground-state';
import { presetOfModel } from '../state/preset-match';
import { matchInputLength } from '../state/setup-check';
import { registerServiceWorker, type PendingUpdate } from '../pwa/register';
import { groupLargeNumbers } from '../i18n/format';
import { LanguageController, messageText, onLanguageChange, ui, type Text } from '../i18n';
import './model-editor-panel';
import './data-panel';
import './train-panel';
import './compare-panel';
import './runs-panel';
import './share-panel';
import './open-model-panel';
import type { OpenedModel } from '../files/open-model';
import { openedModelRun, openedModelSetup } from '../state/opened-model';
import './chapter-panel';
import type { OpenRun } from './train-panel';
import type { RunRecord } from '../storage/runs-db';
import { KeptRuns } from './kept-runs';
import './classify/classify-view';
import type { ClassifyModel } from './classify/classify-view';
import { classifyModelsOf, type TrainedModel } from './trained-models';

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
    this.classifyModels = classifyModelsOf(this.trainedHere, [
      ...this.trainedInCompare,
      ...this.trainedInChapter,
    ]);
  }
  private offLanguage: (() => void) | null = null;

  // ---- Runs (storage/runs-db.ts): kept runs, the one open, and storage problems. ----
  private readonly kept = new KeptRuns(this);
  @state() private openRun: OpenRun | null = null;

  private restarts = 0;
  private summarizeTimer: number | undefined;
  private urlTimer: number | undefined;
  private requestSeq = 0;

  static styles = [base, pageStyles];

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

  /** Runs cut off by the last reload become 'interrupted'; the newest run becomes Classify's model. */
  private async startRuns(): Promise<void> {
    if (!(await this.kept.start())) return;
    const newest = this.kept.runs[0];
    if (!newest || this.trainedHere) return;
    try {
      const saved = await this.kept.db.get(newest.id);
      if (saved && !this.training && !this.trainedHere)
        await this.useForClassify(saved.run, saved.state.weights);
    } catch (e) {
      // A run the engine refuses stays listed (Open run says why); Classify waits for a new model.
      if (!(e instanceof Error && e.name === 'EngineError')) this.kept.storageFailed(e);
    }
  }

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
      const saved = await this.kept.db.get(id);
      if (!saved) throw new Error(ui.runs.noLongerStored);
      this.applySetup(saved.run.setup, true);
      await this.useForClassify(saved.run, saved.state.weights);
      this.openRun = saved;
      const { name } = saved.run,
        epochs = saved.run.history.length;
      this.kept.note = () => ui.runs.opened(name, epochs);
      this.tab = 'train';
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.kept.note = () => ui.runs.openFailed(message);
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
    this.openRun = openedModelRun(opened.fileName, setup, opened.weights);
    const name = opened.fileName;
    this.trainedHere = {
      title: () => name,
      label: () => ui.files.classifyLabel(name),
      client,
      note: () => ui.files.wordIdsNote,
    };
    this.updateClassifyModels();
  };

  private async deleteRun(id: string): Promise<void> {
    if ((await this.kept.delete(id)) && this.openRun?.run.id === id) this.openRun = null;
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
    if (!fromOutside) next = matchInputLength(prev, next);
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
    const next = tabAfterKey(this.tab, e.key);
    if (!next) return;
    e.preventDefault();
    this.tab = next;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`#tab-${this.tab}`)?.focus(),
    );
  }

  protected updated(): void {
    document.title = ui.app.appTitle; // the tab's title follows the language too
  }

  render() {
    // The preset's name only while the model is still the preset's (else: "Your own model").
    const preset = presetOfModel(this.setup);
    const blocker = trainBlocker(this.setup, this.summary, this.modelError);
    const onChange = (e: CustomEvent<PlaygroundState>) => this.applySetup(e.detail);
    return html`
      ${pageHeader()}
      <p class="status" role="note">${this.engineStatus()}</p>
      ${dismissible('error', this.linkError, () => (this.linkError = null))}
      ${dismissible('error', this.kept.problem, () => (this.kept.problem = null))}
      ${dismissible('live-notice', this.kept.note, () => (this.kept.note = null))}
      ${updatePrompt(this.pendingUpdate, this.training || this.comparing || this.chapterRunning, () => (this.pendingUpdate = null))}
      ${dismissible('notice', this.workerNote, () => (this.workerNote = null))}
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
        preset?.summary_only && isPresetModel(this.setup, preset.model)
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
        <train-panel .setup=${this.setup} .client=${this.client} .blocker=${blocker} .openRun=${this.openRun} .recordRun=${this.kept.record}
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
        <chapter-panel .setup=${this.setup} .recordRun=${this.kept.record} @chapter-running=${(e: CustomEvent<boolean>) => (this.chapterRunning = e.detail)}
          @chapter-trained=${(e: CustomEvent<ClassifyModel[]>) => {
            this.trainedInChapter = e.detail.map((m) => ({ title: () => m.label, client: m.client }));
            this.updateClassifyModels();
          }}></chapter-panel>
        <compare-panel .setup=${this.setup} .summary=${this.summary} .summarize=${this.summarizeJson} .blocker=${blocker} .recordRun=${this.kept.record}
          @compare-running=${(e: CustomEvent<boolean>) => (this.comparing = e.detail)}
          @compare-trained=${(e: CustomEvent<TrainedModel[]>) => {
            this.trainedInCompare = e.detail;
            this.updateClassifyModels();
          }}></compare-panel>
      </section>
      <section role="tabpanel" id="panel-classify" aria-labelledby="tab-classify" ?hidden=${this.tab !== 'classify'}>
        <classify-view .models=${this.classifyModels}></classify-view>
      </section>
      <section role="tabpanel" id="panel-runs" aria-labelledby="tab-runs" ?hidden=${this.tab !== 'runs'}>
        <share-panel .setup=${this.setup} .client=${this.client} ?busy=${this.training} ?hasModel=${this.trainedHere !== null}></share-panel>
        <open-model-panel .client=${this.client} ?busy=${this.training || this.comparing} .useModel=${this.useOpenedModel}></open-model-panel>
        <runs-panel .runs=${this.kept.runs} .problem=${this.kept.problem} .openId=${this.openRun?.run.id ?? null}
          @run-open=${(e: CustomEvent<{ id: string }>) => this.openSavedRun(e.detail.id)}
          @run-rename=${(e: CustomEvent<{ id: string; name: string }>) => this.kept.rename(e.detail.id, e.detail.name)}
          @run-delete=${(e: CustomEvent<{ id: string }>) => this.deleteRun(e.detail.id)}></runs-panel>
      </section>
      <footer>${ui.app.buildLabel(__BUILD_LABEL__)}</footer>
    `;
  }
}
