// <classify-view>: the one `Review` box, the Classify button (always enabled), ready examples, and
// one panel per trained model, side by side when the compare view trained several. Typing
// classifies after a short pause; the text goes to each model's worker, which tokenizes it off
// the main thread (a 1 MB paste never blocks the page).
//
// Mounting: set `models` to the workers that hold trained models, [{label, client}]. Assign a new
// array after a model is retrained: the panels classify the current text again.
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { base } from '../theme';
import type { EngineClient } from '../../engine/client';
import { LanguageController, ui } from '../../i18n';
import '../../charts/line-chart';
import { exampleReviews } from './examples';
import './model-reading-panel';

/** Curve colours of the overlaid models, in panel order. */
const MODEL_COLOURS = ['#1f5fa8', '#c0392b', '#2e8b57', '#8a3ab9', '#b35c00', '#555'];

export interface ClassifyModel {
  label: string;
  client: EngineClient;
  /** Trained on Long memory's synthetic tokens: its panel says what a typed review means to it. */
  synthetic?: boolean;
  /** Said above the verdicts (a model opened from a file: whose word ids it reads). */
  note?: string;
}

/** Pause after the last keystroke before classifying. */
const TYPING_DEBOUNCE_MS = 300;

@customElement('classify-view')
export class ClassifyView extends LitElement {
  private readonly language = new LanguageController(this);
  @property({ attribute: false }) models: ClassifyModel[] = [];

  /** The text the panels classify (the box's content after the pause). */
  @state() private text = '';
  @state() private revision = 0;
  /** The box changed and the pause has not ended yet: what the panels show is for older text. */
  @state() private typing = false;

  private timer: number | undefined;
  /** Each panel's latest ‖∂z/∂x_t‖ curve, by model label (the overlay when several models are open). */
  @state() private gradients = new Map<string, (number | null)[]>();

  static styles = [
    base,
    css`
    :host { display: block; }
    h2 { margin-top: 0; }
    label.review { display: block; margin: var(--space-3) 0 var(--space-1); }
    textarea { width: 100%; min-height: 7rem; box-sizing: border-box; font-size: var(--text-base); }
    .actions { display: flex; flex-wrap: wrap; gap: var(--space-2) var(--space-3); align-items: center; margin: var(--space-2) 0 var(--space-4); }
    .examples { display: flex; flex-wrap: wrap; gap: var(--space-2); align-items: center; }
    .examples span { font-weight: 600; margin-right: var(--space-1); }
    .panels { display: flex; flex-wrap: wrap; gap: var(--space-4); align-items: flex-start; }
  `,
  ];

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.clearTimeout(this.timer);
  }

  protected willUpdate(changed: PropertyValues): void {
    // A retrained model (a new models array): classify the current text again.
    if (changed.has('models') && changed.get('models') !== undefined) this.revision++;
  }

  private get box(): HTMLTextAreaElement | null {
    return this.renderRoot.querySelector('textarea');
  }

  private onInput(): void {
    window.clearTimeout(this.timer);
    this.typing = true;
    this.timer = window.setTimeout(() => this.classifyNow(false), TYPING_DEBOUNCE_MS);
  }

  /** Classifies the box's text now; `force` re-asks even if the text has not changed. */
  private classifyNow(force: boolean): void {
    window.clearTimeout(this.timer);
    this.typing = false;
    this.text = this.box?.value ?? '';
    if (force) this.revision++;
  }

  private useExample(text: string): void {
    const box = this.box;
    if (box) box.value = text;
    this.classifyNow(true);
  }

  /** The models' curves over the same review, aligned at its last word (kept tokens are the last ones). */
  private renderGradientOverlay() {
    const curves = this.models.map((m) => this.gradients.get(m.label) ?? []);
    const len = Math.max(0, ...curves.map((g) => g.length));
    if (len === 0) return nothing;
    const x = Array.from({ length: len }, (_, i) => i + 1);
    const columns = [
      x,
      ...curves.map((g) =>
        x.map((_, i) => {
          const v = g[i - (len - g.length)];
          return v !== undefined && v !== null && v > 0 ? v : null;
        }),
      ),
    ];
    const series = this.models.map((m, i) => ({
      label: m.label,
      color: MODEL_COLOURS[i % MODEL_COLOURS.length],
      points: true,
    }));
    return html`<section class="overlay"><h3>${ui.cell.gradCompareHeading}</h3><p class="help">${ui.cell.gradNote}</p>
      <line-chart class="gradients-overlay" logY label=${ui.cell.gradCompareHeading} xLabel=${ui.cell.gradX} yLabel=${ui.cell.gradY}
        .series=${series} .columns=${columns}></line-chart></section>`;
  }

  render() {
    const several = this.models.length > 1;
    return html`
      <h2>${ui.classify.heading}</h2>
      <p class="intro">${ui.classify.intro}</p>
      <label class="review" for="review">${ui.classify.reviewLabel}</label>
      <textarea id="review" spellcheck="true" placeholder=${ui.classify.reviewPlaceholder} aria-describedby="review-help"
        @input=${this.onInput}></textarea>
      <p class="help" id="review-help">${ui.classify.reviewHelp}</p>
      <div class="actions">
        <button class="primary" @click=${() => this.classifyNow(true)}>${ui.classify.classify}</button>
        <div class="examples" role="group" aria-labelledby="examples-label">
          <span id="examples-label">${ui.classify.examplesLabel}:</span>
          ${exampleReviews.map((e) => html`<button @click=${() => this.useExample(e.text)}>${ui.classify.examples[e.id]}</button>`)}
        </div>
      </div>
      ${
        this.models.length === 0
          ? html`<p class="empty" role="status">${ui.classify.noModels}</p>`
          : html`${this.models.filter((m) => m.note).map((m) => html`<p class="notice" role="note">${several ? `${m.label}: ` : ''}${m.note}</p>`)}
          ${several ? this.renderGradientOverlay() : nothing}<div class="panels"
            @gradients-ready=${(e: CustomEvent<{ label: string; values: (number | null)[] }>) => {
              this.gradients = new Map(this.gradients).set(e.detail.label, e.detail.values);
            }}>${this.models.map(
              (
                m,
              ) => html`<classify-model-panel .label=${m.label} .client=${m.client} ?synthetic=${m.synthetic ?? false}
            ?showLabel=${several} ?typing=${this.typing} .text=${this.text} .revision=${this.revision}></classify-model-panel>`,
            )}</div>`
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'classify-view': ClassifyView;
  }
}
