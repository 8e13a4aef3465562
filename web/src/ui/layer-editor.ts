// The layer editor: one box per layer with its options, its output shape and, when the engine
// rejects the stack because of it, the engine's message in place. It edits the Keras JSON document
// through state/model-layers.ts and announces each new document with a 'model-edit' event.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { base } from './theme';
import type { SummaryRow } from '../engine/engine-api';
import {
  LAYER_KINDS,
  addLayer,
  moveLayer,
  readModel,
  removeLayer,
  setInputShape,
  setLayerOption,
  type EditorLayer,
  type LayerKind,
} from '../state/model-layers';
import { LanguageController, ui } from '../i18n';

type OptionSpec =
  | { key: string; type: 'int'; min: number; fallback: number }
  | { key: string; type: 'rate'; fallback: number }
  | { key: string; type: 'bool'; fallback: boolean }
  | { key: string; type: 'choice'; choices: string[]; fallback: string };

const RNN_ACTIVATIONS = ['tanh', 'relu', 'sigmoid', 'linear'];
const GATE_ACTIVATIONS = ['sigmoid', 'hard_sigmoid'];

const OPTIONS: Record<LayerKind, OptionSpec[]> = {
  Embedding: [
    { key: 'input_dim', type: 'int', min: 1, fallback: 500 },
    { key: 'output_dim', type: 'int', min: 1, fallback: 16 },
  ],
  SimpleRNN: [
    { key: 'units', type: 'int', min: 1, fallback: 8 },
    { key: 'activation', type: 'choice', choices: RNN_ACTIVATIONS, fallback: 'tanh' },
    { key: 'return_sequences', type: 'bool', fallback: false },
    { key: 'dropout', type: 'rate', fallback: 0 },
    { key: 'recurrent_dropout', type: 'rate', fallback: 0 },
    { key: 'use_bias', type: 'bool', fallback: true },
  ],
  LSTM: [],
  GRU: [],
  Dense: [
    { key: 'units', type: 'int', min: 1, fallback: 1 },
    {
      key: 'activation',
      type: 'choice',
      choices: ['sigmoid', 'softmax', 'relu', 'tanh', 'linear'],
      fallback: 'linear',
    },
    { key: 'use_bias', type: 'bool', fallback: true },
  ],
  Dropout: [{ key: 'rate', type: 'rate', fallback: 0.5 }],
};
OPTIONS.LSTM = [
  ...OPTIONS.SimpleRNN.slice(0, 2),
  { key: 'recurrent_activation', type: 'choice', choices: GATE_ACTIVATIONS, fallback: 'sigmoid' },
  ...OPTIONS.SimpleRNN.slice(2),
];
OPTIONS.GRU = [...OPTIONS.LSTM, { key: 'reset_after', type: 'bool', fallback: true }];

function optionValue(config: Record<string, unknown>, spec: OptionSpec): unknown {
  const v = config[spec.key];
  // Keras 3 may spell an activation as an object; the editor shows its name.
  if (spec.type === 'choice' && v && typeof v === 'object')
    return (v as { config?: { name?: string } }).config?.name ?? spec.fallback;
  return v === undefined || v === null ? spec.fallback : v;
}

@customElement('layer-editor')
export class LayerEditor extends LitElement {
  private readonly language = new LanguageController(this);
  /** The model document (parsed Keras JSON), or undefined when the text is not JSON. */
  @property({ attribute: false }) doc: unknown;
  @property({ attribute: false }) rows: SummaryRow[] | null = null;
  @property({ attribute: false }) error: string | null = null;
  @property({ type: Boolean }) disabled = false;
  @state() private newKind: LayerKind = 'Dense';

  static styles = [
    base,
    css`
    :host { display: block; }
    ol { list-style: none; padding: 0; margin: 0; }
    fieldset { border: 1px solid var(--border); border-radius: var(--radius); margin: 0 0 var(--space-2); padding: var(--space-2) var(--space-3) var(--space-3); }
    fieldset.invalid { border: 2px solid var(--error-border); background: var(--error-bg); }
    legend { font-weight: 700; padding: 0 var(--space-1); }
    .opts { display: flex; flex-wrap: wrap; gap: var(--space-2) var(--space-4); align-items: center; }
    .opts label { font-size: var(--text-sm); font-weight: 500; display: inline-flex; flex-wrap: wrap; gap: var(--space-1) var(--space-2); align-items: center; }
    input[type=number] { width: 6rem; }
    .shape { font-family: var(--font-mono); font-size: var(--text-sm); color: var(--text-muted); margin: var(--space-2) 0 0; }
    .shape.seq { color: var(--ok-text); font-weight: 600; }
    .here { color: var(--error-text); font-size: var(--text-sm); margin: var(--space-1) 0 0; }
    .tools { float: right; display: flex; gap: var(--space-1); }
    .tools button { min-width: 2.5rem; padding: 0 var(--space-2); }
    .input { margin: 0 0 var(--space-2); display: flex; flex-wrap: wrap; gap: var(--space-2) var(--space-4); align-items: center; font-size: var(--text-sm); }
    .add { display: flex; gap: var(--space-2); align-items: center; margin-top: var(--space-2); flex-wrap: wrap; }
  `,
  ];

  private emit(doc: unknown): void {
    this.dispatchEvent(new CustomEvent('model-edit', { detail: doc, bubbles: true, composed: true }));
  }

  render() {
    const m = this.doc === undefined ? null : readModel(this.doc);
    if (!m) return html`<p class="help">${ui.model.noLayerList}</p>`;
    const oneHot = m.oneHotFeatures !== null;
    return html`
      <div class="input">
        <span>${ui.model.inputNote(oneHot)}</span>
        <label>${ui.model.inputLengthLabel}
          <input type="number" min="1" .value=${String(m.inputLength ?? '')} ?disabled=${this.disabled}
            @change=${(e: Event) => this.setInput(e, m.oneHotFeatures, 'length')} /></label>
        ${
          oneHot
            ? html`<label>${ui.model.oneHotLabel}
          <input type="number" min="1" .value=${String(m.oneHotFeatures)} ?disabled=${this.disabled}
            @change=${(e: Event) => this.setInput(e, m.inputLength, 'features')} /></label>`
            : nothing
        }
      </div>
      <ol aria-label=${ui.model.editorHeading}>
        ${m.layers.map((l, i) => this.renderLayer(l, i, m.layers.length))}
      </ol>
      <div class="add">
        <label>${ui.model.addLayerKind}
          <select .value=${this.newKind} ?disabled=${this.disabled}
            @change=${(e: Event) => (this.newKind = (e.target as HTMLSelectElement).value as LayerKind)}>
            ${LAYER_KINDS.map((k) => html`<option value=${k} ?selected=${k === this.newKind}>${k}</option>`)}
          </select></label>
        <button ?disabled=${this.disabled} @click=${() => this.emit(addLayer(this.doc, this.newKind))}>${ui.model.addLayer}</button>
        <span class="help">${ui.model.addLayerHelp}</span>
      </div>`;
  }

  private setInput(e: Event, other: number | null, which: 'length' | 'features'): void {
    const v = Number((e.target as HTMLInputElement).value);
    if (!Number.isInteger(v) || v < 1) return;
    const m = readModel(this.doc)!;
    const length = which === 'length' ? v : (m.inputLength ?? 100);
    const features = which === 'features' ? v : other === null ? null : m.oneHotFeatures;
    this.emit(setInputShape(this.doc, length, features));
  }

  private renderLayer(l: EditorLayer, i: number, count: number) {
    const known = (LAYER_KINDS as readonly string[]).includes(l.kind);
    const row = this.rows?.find((r) => r.name === l.name);
    const flagged = this.error !== null && this.error.includes(`'${l.name}'`);
    const seq = l.config.return_sequences === true;
    return html`<li>
      <fieldset class=${flagged ? 'invalid' : ''} aria-invalid=${flagged ? 'true' : 'false'}>
        <legend>${ui.model.layerLegend(i + 1, l.kind, l.name)}</legend>
        <div class="tools">
          <button aria-label=${ui.model.moveUp(l.name)} title=${ui.model.moveUp(l.name)} ?disabled=${this.disabled || i === 0}
            @click=${() => this.emit(moveLayer(this.doc, i, -1))}>↑</button>
          <button aria-label=${ui.model.moveDown(l.name)} title=${ui.model.moveDown(l.name)} ?disabled=${this.disabled || i === count - 1}
            @click=${() => this.emit(moveLayer(this.doc, i, 1))}>↓</button>
          <button aria-label=${ui.model.remove(l.name)} title=${ui.model.remove(l.name)} ?disabled=${this.disabled}
            @click=${() => this.emit(removeLayer(this.doc, i))}>✕</button>
        </div>
        <div class="opts">
          ${known ? OPTIONS[l.kind as LayerKind].map((spec) => this.renderOption(l, i, spec)) : html`<span>${ui.model.unsupportedLayer(l.kind)}</span>`}
        </div>
        <p class=${seq ? 'shape seq' : 'shape'}>${row ? ui.model.outputShape(row.output_shape) : ui.model.outputShapeUnknown}</p>
        ${flagged ? html`<p class="here">${this.error}</p>` : nothing}
      </fieldset>
    </li>`;
  }

  private renderOption(l: EditorLayer, i: number, spec: OptionSpec) {
    const label = ui.model.option(l.name, spec.key);
    const text = ui.model.optionHelp[spec.key] ?? spec.key;
    const value = optionValue(l.config, spec);
    const set = (v: unknown) => this.emit(setLayerOption(this.doc, i, spec.key, v));
    switch (spec.type) {
      case 'bool':
        return html`<label><input type="checkbox" aria-label=${label} .checked=${value === true} ?disabled=${this.disabled}
          @change=${(e: Event) => set((e.target as HTMLInputElement).checked)} />${text}</label>`;
      case 'choice': {
        const choices = spec.choices.includes(String(value))
          ? spec.choices
          : [String(value), ...spec.choices];
        return html`<label>${text}<select aria-label=${label} ?disabled=${this.disabled}
          @change=${(e: Event) => set((e.target as HTMLSelectElement).value)}>
          ${choices.map((c) => html`<option value=${c} ?selected=${c === value}>${c}</option>`)}</select></label>`;
      }
      case 'int':
        return html`<label>${text}<input type="number" aria-label=${label} min=${spec.min} step="1" .value=${String(value)}
          ?disabled=${this.disabled} @input=${(e: Event) => {
            const v = Number((e.target as HTMLInputElement).value);
            if ((e.target as HTMLInputElement).value !== '' && Number.isInteger(v)) set(v);
          }} /></label>`;
      case 'rate':
        return html`<label>${text}<input type="number" aria-label=${label} min="0" max="0.99" step="0.05" .value=${String(value)}
          ?disabled=${this.disabled} @input=${(e: Event) => {
            const v = Number((e.target as HTMLInputElement).value);
            if ((e.target as HTMLInputElement).value !== '' && Number.isFinite(v)) set(v);
          }} /></label>`;
    }
  }
}
