// The page: preset choice, the model's JSON, and its summary computed by the engine worker.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { EngineClient } from '../engine/client';
import type { ModelSummary } from '../engine/engine-api';
import { presetById, presets } from '../presets/presets';
import { strings } from './strings';
import './model-summary';

@customElement('app-root')
export class AppRoot extends LitElement {
  @state() private engineStatus = strings.engineLoading;
  @state() private presetId = 'lstm';
  @state() private modelText = '';
  @state() private summary: ModelSummary | null = null;
  @state() private error: string | null = null;

  private client = new EngineClient();
  private summarizeTimer: number | undefined;
  private requestSeq = 0;

  static styles = css`
    :host { display: block; max-width: 70rem; margin: 0 auto; padding: 1rem; font-family: system-ui, sans-serif; }
    h1 { margin: 0 0 0.2rem; }
    .tagline { margin: 0 0 1rem; color: #444; }
    .row { display: flex; gap: 2rem; flex-wrap: wrap; align-items: flex-start; }
    .col { flex: 1 1 28rem; min-width: 0; }
    label.block { display: block; font-weight: 600; margin: 0.75rem 0 0.25rem; }
    select { font-size: 1rem; padding: 0.2rem; }
    textarea { width: 100%; min-height: 24rem; font-family: ui-monospace, monospace; font-size: 0.85rem; box-sizing: border-box; }
    .help { font-size: 0.85rem; color: #555; margin: 0.2rem 0; }
    .error { background: #fde8e8; border: 1px solid #d33; padding: 0.5rem 0.75rem; border-radius: 4px; }
    .status { font-size: 0.85rem; color: #555; }
    .summary-only { background: #fff6dd; border: 1px solid #e0b000; padding: 0.4rem 0.7rem; border-radius: 4px; }
  `;

  connectedCallback(): void {
    super.connectedCallback();
    this.client.request('init', {}).then(
      (info) => (this.engineStatus = strings.engineReady(info.simd)),
      (e: Error) => (this.engineStatus = strings.engineFailed(e.message)),
    );
    this.selectPreset(this.presetId);
  }

  private selectPreset(id: string): void {
    const p = presetById(id);
    if (!p) return;
    this.presetId = id;
    this.modelText = JSON.stringify(p.model, null, 2);
    this.requestSummary(0);
  }

  private requestSummary(delayMs: number): void {
    window.clearTimeout(this.summarizeTimer);
    this.summarizeTimer = window.setTimeout(() => {
      const seq = ++this.requestSeq;
      this.client.request('summarize', { modelJson: this.modelText }).then(
        (s) => {
          if (seq !== this.requestSeq) return;
          this.summary = s;
          this.error = null;
        },
        (e: Error) => {
          if (seq !== this.requestSeq) return;
          this.summary = null;
          this.error = e.message;
        },
      );
    }, delayMs);
  }

  render() {
    const preset = presetById(this.presetId);
    return html`
      <h1>${strings.appTitle}</h1>
      <p class="tagline">${strings.tagline}</p>
      <p class="status" role="note">${this.engineStatus}</p>
      <div class="row">
        <div class="col">
          <label class="block" for="preset">${strings.presetLabel}</label>
          <select id="preset" @change=${(e: Event) => this.selectPreset((e.target as HTMLSelectElement).value)}>
            ${presets.map((p) => html`<option value=${p.id} ?selected=${p.id === this.presetId}>
              ${p.title}${p.summary_only ? ` (${strings.summaryOnly})` : ''}</option>`)}
          </select>
          ${preset ? html`<p class="help">${strings.source(preset.source)}</p>` : nothing}
          ${preset?.summary_only ? html`<p class="summary-only">${strings.summaryOnlyNote(preset.summary_only)}</p>` : nothing}
          <label class="block" for="model-json">${strings.modelJsonLabel}</label>
          <p class="help" id="model-json-help">${strings.modelJsonHelp}</p>
          <textarea id="model-json" spellcheck="false" aria-describedby="model-json-help"
            .value=${this.modelText}
            @input=${(e: Event) => { this.modelText = (e.target as HTMLTextAreaElement).value; this.requestSummary(250); }}></textarea>
        </div>
        <div class="col">
          <h2>${strings.summaryHeading}</h2>
          ${this.error
            ? html`<div class="error" role="alert"><strong>${strings.invalidModel}</strong> <span>${this.error}</span></div>`
            : html`<model-summary .summary=${this.summary}></model-summary>`}
        </div>
      </div>
    `;
  }
}
