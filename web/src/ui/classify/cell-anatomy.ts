// <cell-anatomy>: one recurrent layer's cell at one time step, drawn as the book draws it, with
// the step's vectors in every box. A `Time step` slider (and the arrow keys on it, and a play
// button) walks through the kept tokens; focusing or hovering a number explains it — the engine's
// pre-activation with its largest terms (listed from the layer's weights, contributions.ts) and
// where it flows next — in a live region a screen reader announces. `Copy step as JSON` copies
// the step (step-json.ts). Every value shown is the engine's; moving the slider only indexes them.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { LayerSteps } from '../../engine/protocol';
import { LanguageController, ui } from '../../i18n';
import { num, sub } from './cell-format';
import { preActivationTerms } from './contributions';
import { GATE_KEYS, gateColumns, stepJson } from './step-json';

/** The book's equations of each cell (mathematics: the same in every language). */
const EQUATIONS: Record<LayerSteps['kind'], string[]> = {
  SimpleRNN: ['h_t = tanh(x_t W_x + h_{t−1} W_h + b)'],
  LSTM: [
    'i = σ(x_t W_i + h_{t−1} U_i + b_i)   f = σ(x_t W_f + h_{t−1} U_f + b_f)   o = σ(x_t W_o + h_{t−1} U_o + b_o)',
    'g = tanh(x_t W_g + h_{t−1} U_g + b_g)',
    'c_t = f ⊙ c_{t−1} + i ⊙ g',
    'h_t = o ⊙ tanh(c_t)',
  ],
  GRU: [
    'z = σ(x_t W_z + h_{t−1} U_z + b_z)   r = σ(x_t W_r + h_{t−1} U_r + b_r)',
    'h̃ = tanh(x_t W_h + …)',
    'h_t = z ⊙ h_{t−1} + (1 − z) ⊙ h̃',
  ],
};
const CANDIDATE = (after: boolean) =>
  after
    ? 'h̃ = tanh(x_t W_h + r ⊙ (h_{t−1} U_h + b_rh) + b_h)'
    : 'h̃ = tanh(x_t W_h + (r ⊙ h_{t−1}) U_h + b_h)';

const ACTIVATION: Record<string, string> = {
  i: 'σ',
  f: 'σ',
  o: 'σ',
  z: 'σ',
  r: 'σ',
  g: 'tanh',
  hh: 'tanh',
  h: 'tanh',
};
const SYMBOL: Record<string, string> = {
  i: 'i',
  f: 'f',
  g: 'g',
  o: 'o',
  z: 'z',
  r: 'r',
  hh: 'h̃',
  h: 'h',
  c: 'c',
  x: 'x',
  h_prev: 'h_{t−1}',
  c_prev: 'c_{t−1}',
};
/** Milliseconds per step while playing. */
const PLAY_MS = 600;

@customElement('cell-anatomy')
export class CellAnatomy extends LitElement {
  private readonly language = new LanguageController(this);
  @property({ attribute: false }) layers: LayerSteps[] = [];
  /** The kept tokens, one per step. */
  @property({ attribute: false }) words: string[] = [];
  @property({ type: Number }) layerIndex = 0;

  @state() private step = 0;
  @state() private focusKey: string | null = null;
  @state() private playing = false;
  @state() private copiedText = '';
  @state() private copyMessage = '';

  private timer: number | undefined;

  static styles = css`
    :host { display: block; }
    .controls { display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; align-items: center; margin: 0.3rem 0; }
    .controls input[type=range] { width: min(28rem, 70vw); }
    label { font-weight: 600; }
    .words { display: flex; flex-wrap: wrap; gap: 0.2rem; max-height: 5.5rem; overflow-y: auto; margin: 0.3rem 0; font-size: 0.9rem; }
    .words span { padding: 0 0.25rem; border-radius: 3px; color: #555; }
    .words span[aria-current=step] { background: #1f5fa8; color: #fff; font-weight: 700; }
    .eq { font-family: 'Cambria Math', 'STIX Two Math', serif; font-size: 1rem; margin: 0.1rem 0; }
    .cell { display: grid; grid-template-columns: minmax(8rem, 1fr) minmax(12rem, 2fr) minmax(8rem, 1fr); gap: 0.6rem; align-items: start;
      border: 2px solid #345; border-radius: 10px; padding: 0.6rem; background: #f7f9fc; margin: 0.4rem 0; }
    .col { display: flex; flex-direction: column; gap: 0.5rem; }
    .box { border: 1px solid #8aa; border-radius: 6px; background: #fff; padding: 0.25rem 0.4rem; }
    .box h5 { margin: 0 0 0.2rem; font-size: 0.85rem; }
    .box.gate { border-color: #b35c00; }
    .box.state { border-color: #1f5fa8; border-width: 2px; }
    .nums { display: flex; flex-wrap: wrap; gap: 0.15rem; }
    .num { font: 0.78rem ui-monospace, monospace; padding: 0.05rem 0.2rem; border-radius: 3px; background: #eef2f6; cursor: help; }
    .num:focus, .num:hover, .num.on { outline: 2px solid #1f5fa8; background: #dbe8f7; }
    .arrow { text-align: center; color: #456; font-size: 0.85rem; }
    .explain { min-height: 2.6rem; background: #fffbe8; border: 1px solid #e0c060; border-radius: 4px; padding: 0.3rem 0.5rem; font-size: 0.92rem; }
    .explain .formula { font-family: 'Cambria Math', 'STIX Two Math', serif; }
    pre { white-space: pre-wrap; word-break: break-all; font-size: 0.75rem; max-height: 10rem; overflow: auto; background: #f4f4f4; padding: 0.3rem; }
    button { font-size: 0.95rem; padding: 0.2rem 0.8rem; cursor: pointer; }
  `;

  disconnectedCallback(): void {
    super.disconnectedCallback();
    window.clearInterval(this.timer);
  }

  private get layer(): LayerSteps | undefined {
    return this.layers[Math.min(Math.max(0, this.layerIndex), this.layers.length - 1)];
  }

  protected willUpdate(): void {
    const steps = this.words.length;
    if (this.step >= steps) this.step = Math.max(0, steps - 1);
  }

  private setStep(t: number): void {
    this.step = Math.min(Math.max(0, t), Math.max(0, this.words.length - 1));
  }

  private togglePlay(): void {
    if (this.playing) {
      this.playing = false;
      window.clearInterval(this.timer);
      return;
    }
    if (this.step >= this.words.length - 1) this.step = 0;
    this.playing = true;
    this.timer = window.setInterval(() => {
      if (this.step >= this.words.length - 1) {
        this.togglePlay();
        return;
      }
      this.step++;
    }, PLAY_MS);
  }

  private async copy(): Promise<void> {
    const s = ui.cell;
    const layer = this.layer;
    if (!layer) return;
    this.copiedText = JSON.stringify(stepJson(layer, this.step, this.words[this.step] ?? ''));
    try {
      await navigator.clipboard.writeText(this.copiedText);
      this.copyMessage = s.copied;
    } catch {
      this.copyMessage = s.copyFailed;
    }
  }

  /** The explanation of the number under focus: a formula, and where the number flows next. */
  private explanation(layer: LayerSteps): string {
    const s = ui.cell;
    const key = this.focusKey;
    if (!key) return s.explainIdle;
    const [box, unitText] = key.split(':');
    const j = Number(unitText);
    const t = this.step;
    const u = layer.hidden[t].length;
    const word = this.words[t] ?? '';
    const name = `${SYMBOL[box]}${sub(j + 1)}`;
    const flow = (s.flows as Record<string, string>)[box] ?? '';
    if (box === 'x')
      return `${name} = ${num(layer.x ? layer.x[t][j] : 0)}: ${s.inputFrom(this.layerIndex === 0, !layer.x, word)}. ${flow}`;
    if (box === 'h_prev') return `${name} = ${num(layer.h_prev[t][j])}: ${s.prevFrom(t === 0)}. ${flow}`;
    if (box === 'c_prev') return `${name} = ${num(layer.c_prev![t][j])}: ${s.prevFrom(t === 0)}. ${flow}`;
    if (box === 'c') {
      const g = (k: number) => layer.values[t][k * u + j];
      return (
        `c${sub(j + 1)} = f${sub(j + 1)}·c_{t−1,${j + 1}} + i${sub(j + 1)}·g${sub(j + 1)} = ${num(g(1))}·${num(layer.c_prev![t][j])} + ` +
        `${num(g(0))}·${num(g(2))} = ${num(layer.cell![t][j])}. ${flow}`
      );
    }
    if (box === 'h' && layer.kind === 'LSTM') {
      return `h${sub(j + 1)} = o${sub(j + 1)}·tanh(c${sub(j + 1)}) = ${num(layer.values[t][3 * u + j])}·tanh(${num(layer.cell![t][j])}) = ${num(layer.hidden[t][j])}. ${flow}`;
    }
    if (box === 'h' && layer.kind === 'GRU') {
      const z = layer.values[t][j];
      return (
        `h${sub(j + 1)} = z${sub(j + 1)}·h_{t−1,${j + 1}} + (1 − z${sub(j + 1)})·h̃${sub(j + 1)} = ${num(z)}·${num(layer.h_prev[t][j])} + ` +
        `${num(1 - z)}·${num(layer.values[t][2 * u + j])} = ${num(layer.hidden[t][j])}. ${flow}`
      );
    }
    // A gate, the candidate, or a SimpleRNN's h: act(pre-activation) with its largest terms.
    const g = box === 'h' ? 0 : GATE_KEYS[layer.kind].indexOf(box);
    const col = g * u + j;
    const e = preActivationTerms(layer, t, col);
    const terms = e.top.map(
      (term) =>
        `${e.reset !== 1 && term.source === 'h' ? `r${sub(j + 1)}·` : ''}${num(term.weight)}·${term.source}${sub(term.index + 1)}`,
    );
    if (e.restCount > 0) terms.push(s.rest(e.restCount, num(e.rest)));
    terms.push(`b ${num(e.bias)}`);
    // The engine's pre-activation (the listed terms add up to it within float rounding).
    return `${name} = ${ACTIVATION[box]}(${terms.join(' + ')}) = ${ACTIVATION[box]}(${num(layer.pre[t][col])}) = ${num(layer.values[t][col])}. ${flow}`;
  }

  private numbers(box: string, values: readonly number[]) {
    return html`<div class="nums">${values.map((v, j) => {
      const key = `${box}:${j}`;
      return html`<span class="num ${this.focusKey === key ? 'on' : ''}" tabindex="0" data-key=${key}
        aria-label=${`${SYMBOL[box]}${sub(j + 1)} ${num(v)}`}
        @focus=${() => (this.focusKey = key)} @mouseenter=${() => (this.focusKey = key)}>${num(v)}</span>`;
    })}</div>`;
  }

  private box(key: string, values: readonly number[], cls = '') {
    return html`<div class="box ${cls}" data-box=${key}><h5>${(ui.cell.boxes as Record<string, string>)[key]}</h5>${this.numbers(key, values)}</div>`;
  }

  render() {
    const layer = this.layer;
    const steps = this.words.length;
    if (!layer || steps === 0) return nothing;
    const s = ui.cell;
    const t = Math.min(this.step, steps - 1);
    const u = layer.hidden[t].length;
    const keys = GATE_KEYS[layer.kind];
    const gate = (k: string) => gateColumns(layer.values[t], keys.indexOf(k), u);
    const input = layer.x
      ? this.box('x', layer.x[t])
      : html`<div class="box" data-box="x"><h5>${s.boxes.x}</h5><p>${s.oneHotInput(layer.x_ids![t], this.words[t])}</p></div>`;
    const middle =
      layer.kind === 'LSTM'
        ? html`${this.box('f', gate('f'), 'gate')}${this.box('i', gate('i'), 'gate')}${this.box('g', gate('g'), 'gate')}
          ${this.box('o', gate('o'), 'gate')}<p class="arrow">c_t = f ⊙ c_{t−1} + i ⊙ g → h_t = o ⊙ tanh(c_t)</p>`
        : layer.kind === 'GRU'
          ? html`${this.box('z', gate('z'), 'gate')}${this.box('r', gate('r'), 'gate')}${this.box('hh', gate('hh'), 'gate')}
          <p class="arrow">h_t = z ⊙ h_{t−1} + (1 − z) ⊙ h̃</p>`
          : html`<p class="arrow">a = x_t W_x + h_{t−1} W_h + b → h_t = tanh(a)</p>`;
    return html`
      <p class="note">${s.anatomyIntro(layer.kind)}</p>
      ${EQUATIONS[layer.kind].map((e) => html`<p class="eq">${e.startsWith('h̃') ? html`${CANDIDATE(layer.reset_after)} ${s.resetAfter(layer.reset_after)}` : e}</p>`)}
      <div class="controls">
        <label for="step">${s.timeStep}</label>
        <input id="step" type="range" role="slider" min="0" max=${steps - 1} .value=${String(t)}
          aria-valuetext=${s.stepText(t, steps, this.words[t])} @input=${(e: Event) => this.setStep(Number((e.target as HTMLInputElement).value))}>
        <output for="step">${s.stepText(t, steps, this.words[t])}</output>
        <button @click=${() => this.togglePlay()} aria-pressed=${this.playing ? 'true' : 'false'}>${this.playing ? s.pause : s.play}</button>
        <button @click=${() => this.copy()}>${s.copy}</button>
      </div>
      <div class="words" aria-hidden="true">${this.words.map((w, i) => html`<span aria-current=${i === t ? 'step' : 'false'}>${w}</span>`)}</div>
      <div class="cell" data-kind=${layer.kind}>
        <div class="col">${input}${this.box('h_prev', layer.h_prev[t], 'state')}${layer.c_prev ? this.box('c_prev', layer.c_prev[t], 'state') : nothing}</div>
        <div class="col">${middle}</div>
        <div class="col">${layer.cell ? this.box('c', layer.cell[t], 'state') : nothing}${this.box('h', layer.hidden[t], 'state')}</div>
      </div>
      <p class="explain" role="status" aria-live="polite"><span class="formula">${this.explanation(layer)}</span></p>
      ${
        this.copyMessage
          ? html`<p role="status">${this.copyMessage}</p>
        <details open><summary>${s.copiedJson}</summary><pre class="copied">${this.copiedText}</pre></details>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'cell-anatomy': CellAnatomy;
  }
}
