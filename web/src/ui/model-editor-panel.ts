// The Model section: the layer editor, the model's Keras JSON (either can be edited, the other
// follows) and the Keras-style summary, which the engine recomputes as the user types.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { base } from './theme';
import type { ModelSummary } from '../engine/engine-api';
import type { PlaygroundState } from '../state/playground-state';
import { LanguageController, ui } from '../i18n';
import './layer-editor';
import './model-summary';

@customElement('model-editor-panel')
export class ModelEditorPanel extends LitElement {
  private readonly language = new LanguageController(this);
  @property({ attribute: false }) setup!: PlaygroundState;
  @property({ attribute: false }) summary: ModelSummary | null = null;
  @property({ attribute: false }) error: string | null = null;
  @property({ type: Boolean }) busy = false;

  static styles = [
    base,
    css`
    :host { display: block; }
    .row { display: flex; gap: var(--space-6); flex-wrap: wrap; align-items: flex-start; }
    .col { flex: 1 1 30rem; min-width: 0; }
    h2 { margin-top: 0; }
    label.block { display: block; margin: var(--space-4) 0 var(--space-1); }
    textarea { width: 100%; min-height: 16rem; font-family: var(--font-mono); font-size: var(--text-xs); box-sizing: border-box; background: var(--code-bg); }
  `,
  ];

  private parsedDoc(): unknown {
    try {
      return JSON.parse(this.setup.model);
    } catch {
      return undefined;
    }
  }

  private change(model: string): void {
    this.dispatchEvent(
      new CustomEvent('state-change', { detail: { ...this.setup, model }, bubbles: true, composed: true }),
    );
  }

  render() {
    return html`<div class="row">
      <div class="col">
        <h2>${ui.model.editorHeading}</h2>
        <layer-editor .doc=${this.parsedDoc()} .rows=${this.summary?.rows ?? null} .error=${this.error} ?disabled=${this.busy}
          @model-edit=${(e: CustomEvent<unknown>) => this.change(JSON.stringify(e.detail, null, 2))}></layer-editor>
        <label class="block" for="model-json">${ui.model.modelJsonLabel}</label>
        <p class="help" id="model-json-help">${ui.model.modelJsonHelp}</p>
        ${this.busy ? html`<p class="help" id="model-json-locked">${ui.model.lockedWhileTraining}</p>` : nothing}
        <textarea id="model-json" spellcheck="false" aria-describedby=${this.busy ? 'model-json-help model-json-locked' : 'model-json-help'} ?readonly=${this.busy}
          .value=${this.setup.model}
          @input=${(e: Event) => this.change((e.target as HTMLTextAreaElement).value)}></textarea>
      </div>
      <div class="col">
        <h2>${ui.model.summaryHeading}</h2>
        ${
          this.error
            ? html`<div class="error" role="alert"><strong>${ui.model.invalidModel}</strong> <span>${this.error}</span></div>
              <p class="blocked">${ui.common.cannotTrain}</p>`
            : html`<model-summary .summary=${this.summary}></model-summary>`
        }
      </div>
    </div>`;
  }
}
