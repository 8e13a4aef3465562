// One trained model reading the review: its verdict (a status region), notes on the review (no
// words, all out of vocabulary, maxlen cut), the tokens, the prediction after each word, and heat
// maps of the chosen recurrent layer. It asks its worker for a trace whenever the text changes;
// at most one request is in flight, and only the reply for the latest text is shown.
//
// A reply is drawn in two frames: first the verdict, the tokens with their occlusion colours and
// the gradient curve; after that frame is painted, the heavy parts (the per-word chart, Cell
// anatomy, the largest moves, the heat maps and their word axes: thousands of elements for a
// 500-token review) follow from the same reply. So what issue 19 (point 6) wants within 100 ms
// does not wait for them (docs/benchmarks.md, "Explanations in Classify").
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { base } from '../theme';
import type { EngineClient } from '../../engine/client';
import type { TraceResult } from '../../engine/protocol';
import { groupLargeNumbers } from '../../i18n/format';
import { LanguageController, messageText, ui, type Text } from '../../i18n';
import { hasNoWords, reviewFacts, reviewNotes } from './review-notes';
import type { HeatScale } from './heat-map';
import '../../charts/line-chart';
import './cell-anatomy';
import { largestMoves } from './largest-moves';
import './heat-map';
import './word-axis';
import './token-strip';
import './word-chart';

interface MapSpec {
  kind: string;
  values: number[][];
  scale: HeatScale;
}

/** The maps of one recurrent layer: its gates (0..1), then cell and hidden state (signed). */
export function mapsOfLayer(layer: TraceResult['layers'][number]): MapSpec[] {
  const maps: MapSpec[] = layer.gates.map((g) => ({
    kind: g.name,
    values: g.values,
    scale: 'gate' as const,
  }));
  if (layer.cell) maps.push({ kind: 'cell', values: layer.cell, scale: 'signed' });
  maps.push({ kind: 'hidden', values: layer.hidden, scale: 'signed' });
  return maps;
}

/** The words of the kept tokens, one per step (the words a reply's per-step rows belong to). */
const keptWordsOf = new WeakMap<TraceResult, string[]>();
/** The per-word chart before the first reply's details: an empty plot that already takes its room. */
const NO_WORDS: string[] = [];
const NO_VALUES: number[] = [];
function keptWords(r: TraceResult): string[] {
  let words = keptWordsOf.get(r);
  if (!words) {
    const kept = r.tokens.filter((t) => !t.cut && !t.removed).map((t) => t.text);
    words = kept.slice(Math.max(0, kept.length - r.per_step.length));
    keptWordsOf.set(r, words);
  }
  return words;
}

@customElement('classify-model-panel')
export class ClassifyModelPanel extends LitElement {
  private readonly language = new LanguageController(this);
  @property() label = '';
  @property({ type: Boolean }) showLabel = false;
  /** Trained on Long memory's synthetic tokens, not on reviews. */
  @property({ type: Boolean }) synthetic = false;
  @property({ attribute: false }) client: EngineClient | null = null;
  @property() text = '';
  /** Bumped by the Classify button: classify again even if the text is the same. */
  @property({ type: Number }) revision = 0;
  /** The review box changed and will be classified after the typing pause. */
  @property({ type: Boolean }) typing = false;

  @state() private result: TraceResult | null = null;
  /** Kept as a function so that it follows a change of language. */
  @state() private error: Text | null = null;
  @state() private busy = false;
  @state() private layerIndex = -1;
  /** Token positions the reader removed from the review (cleared when the text changes). */
  @state() private removed: number[] = [];
  @state() private anatomyOpen = false;
  /** The reply the heavy parts draw: `result`, one painted frame after it arrived. */
  @state() private detailed: TraceResult | null = null;
  private detailFrame = 0;
  private detailTimer: number | undefined;
  /** Resolves when `detailed` has caught up with `result` (awaited by updateComplete). */
  private detailCaughtUp: Promise<void> = Promise.resolve();
  private detailWaiters: () => void = () => {};

  private inFlight = false;
  private again = false;
  private shownFor: {
    text: string;
    revision: number;
    client: EngineClient | null;
    removed: number[];
  } | null = null;

  static styles = [
    base,
    css`
    :host { display: block; flex: 1 1 30rem; min-width: 0; border: 1px solid var(--border); border-radius: var(--radius); padding: var(--space-3) var(--space-4); background: var(--bg); }
    h3 { margin: 0 0 var(--space-2); }
    h4 { margin: var(--space-4) 0 var(--space-1); }
    .verdict { font-size: var(--text-xl); font-weight: 700; margin: var(--space-1) 0; padding: var(--space-1) var(--space-3); border-radius: var(--radius); background: var(--surface); }
    .verdict.positive { background: var(--ok-bg); color: var(--ok-text); }
    .verdict.negative { background: var(--bad-bg); color: var(--bad-text); }
    .verdict.message { font-size: var(--text-base); font-weight: 500; }
    .explain { color: var(--text-muted); font-size: var(--text-sm); margin: var(--space-1) 0; }
    /* One scroller for all the layer's maps: their columns stay lined up under one word axis. */
    .maps-scroll { overflow-x: auto; max-width: 100%; border: 1px solid var(--border); border-radius: var(--radius); padding: var(--space-2); box-sizing: border-box; }
    .maps-scroll:focus-visible { outline: 3px solid var(--focus); }
    label { margin-right: var(--space-2); }
    ul.moves { margin: var(--space-1) 0 var(--space-2); padding-left: var(--space-5); font-size: var(--text-sm); }
    button.anatomy { margin: var(--space-3) 0 var(--space-1); }
    .working .verdict { opacity: 0.7; }
  `,
  ];

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.followDetails();
  }

  protected willUpdate(changed: PropertyValues): void {
    if (changed.has('result')) this.scheduleDetails();
    if (changed.has('text') && changed.get('text') !== undefined) this.removed = [];
    if (changed.has('text') || changed.has('revision') || changed.has('client') || changed.has('removed'))
      this.refresh();
  }

  /**
   * Lets the heavy parts follow `result` once the frame that shows its verdict, colours and curve
   * has been painted (a task queued from requestAnimationFrame runs after that paint); with no
   * result they go at once.
   */
  private scheduleDetails(): void {
    this.cancelDetails();
    if (!this.result || !this.isConnected) {
      this.detailed = this.result;
      return;
    }
    this.detailCaughtUp = new Promise((resolve) => (this.detailWaiters = resolve));
    this.detailFrame = requestAnimationFrame(() => {
      this.detailTimer = window.setTimeout(() => {
        this.detailed = this.result;
        this.cancelDetails();
      }, 0);
    });
  }

  /** Stops a pending catch-up; whoever waits on it looks again (getUpdateComplete's loop). */
  private cancelDetails(): void {
    cancelAnimationFrame(this.detailFrame);
    window.clearTimeout(this.detailTimer);
    this.detailWaiters();
    this.detailCaughtUp = Promise.resolve();
  }

  /** The heavy parts take `result` now (nothing to wait for). */
  private followDetails(): void {
    this.cancelDetails();
    this.detailed = this.result;
  }

  /** Complete when the whole panel, the heavy parts included, shows the latest reply. */
  protected async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.detailed !== this.result) {
      await this.detailCaughtUp;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  private toggleToken(pos: number): void {
    this.removed = this.removed.includes(pos)
      ? this.removed.filter((p) => p !== pos)
      : [...this.removed, pos].sort((a, b) => a - b);
  }

  private refresh(): void {
    if (this.text.trim() === '') {
      this.result = null;
      this.error = null;
      this.busy = false;
      this.shownFor = {
        text: this.text,
        revision: this.revision,
        client: this.client,
        removed: this.removed,
      };
      return;
    }
    const cur = this.shownFor;
    if (
      cur &&
      cur.text === this.text &&
      cur.revision === this.revision &&
      cur.client === this.client &&
      cur.removed === this.removed
    )
      return;
    void this.run();
  }

  private async run(): Promise<void> {
    if (this.inFlight) {
      this.again = true;
      return;
    }
    const client = this.client;
    if (!client) return;
    const asked = { text: this.text, revision: this.revision, client, removed: this.removed };
    this.inFlight = true;
    this.busy = true;
    try {
      const r = await client.request('traceReview', { text: asked.text, removed: asked.removed });
      if (asked.text === this.text && client === this.client && asked.removed === this.removed) {
        this.result = r;
        this.error = null;
        if (this.layerIndex >= r.layers.length || this.layerIndex < 0) this.layerIndex = r.layers.length - 1;
        this.dispatchEvent(
          new CustomEvent('gradients-ready', {
            detail: { label: this.label, values: r.input_gradients },
            bubbles: true,
            composed: true,
          }),
        );
      }
    } catch (e) {
      if (asked.text === this.text && client === this.client) {
        const msg = e instanceof Error ? e.message : String(e);
        this.result = null;
        this.error = () =>
          /no trained model/i.test(msg)
            ? ui.classify.noModels
            : ui.classify.failed(groupLargeNumbers(messageText(e)));
      }
    } finally {
      this.shownFor = asked;
      this.inFlight = false;
      const stale =
        this.again || asked.text !== this.text || client !== this.client || asked.removed !== this.removed;
      this.again = false;
      if (stale && this.text.trim() !== '') void this.run();
      else this.busy = false;
    }
  }

  render() {
    // Busy while the engine works and while the heavy parts still show the previous reply (the frame
    // between a reply's verdict and its details); only the former dims the verdict.
    const working = this.busy || this.typing;
    const busy = working || this.detailed !== this.result;
    return html`<section class=${working ? 'working' : ''} aria-busy=${busy ? 'true' : 'false'} aria-label=${this.label}>
      ${this.showLabel ? html`<h3>${this.label}</h3>` : nothing}
      ${this.synthetic ? html`<p class="note synthetic">${ui.classify.syntheticNote}</p>` : nothing}
      ${this.renderStatus()}
      ${this.result && !hasNoWords(this.result) ? this.renderResult(this.result) : nothing}
    </section>`;
  }

  private renderStatus() {
    const r = this.result;
    let text: string;
    let cls = 'message';
    if (this.text.trim() === '') text = ui.classify.emptyReview;
    else if (this.error) text = this.error();
    else if (!r) text = ui.classify.working;
    else if (hasNoWords(r)) text = ui.classify.noWords;
    else {
      text = ui.classify.verdict(r.probability);
      cls = r.probability >= 0.5 ? 'positive' : 'negative';
    }
    const notes = r && !this.error && !hasNoWords(r) ? reviewNotes(r) : [];
    const facts = r ? reviewFacts(r) : null;
    const allOov = facts !== null && facts.words > 0 && notes[0] === ui.classify.allOov(facts.words);
    return html`
      <p role="status" class="verdict ${cls}">${text}</p>
      ${cls !== 'message' ? html`<p class="explain">${ui.classify.verdictExplain}</p>` : nothing}
      ${notes.map((n, i) => html`<p class=${i === 0 && allOov ? 'warning' : 'note'}>${n}</p>`)}`;
  }

  /** The tokens coloured by occlusion and the gradient curve: drawn in the frame the reply arrives. */
  private renderResult(r: TraceResult) {
    const keptTokens = r.tokens.filter((t) => !t.cut && !t.removed);
    // Occlusion row k belongs to the k-th kept token.
    const first = keptTokens.length - r.occlusion.length;
    const deltas = new Map<number, number>();
    r.occlusion.forEach((p, k) => {
      if (p !== null) deltas.set(keptTokens[first + k].pos, p - r.probability);
    });
    const grads = r.input_gradients.map((g) => (g !== null && g > 0 ? g : null));
    const detailed = this.detailed && !hasNoWords(this.detailed) ? this.detailed : null;
    return html`
      <h4>${ui.classify.tokensHeading}</h4>
      <p class="note"><strong>${ui.cell.wordsHeading}:</strong> ${ui.cell.wordsNote}</p>
      ${
        this.removed.length > 0
          ? html`<p class="note">${ui.cell.removedCount(this.removed.length)}
        <button @click=${() => (this.removed = [])}>${ui.cell.restoreAll}</button></p>`
          : nothing
      }
      <token-strip .tokens=${r.tokens} .cutOmitted=${r.cut_omitted ?? 0} .deltas=${deltas}
        @token-toggle=${(e: CustomEvent<number>) => this.toggleToken(e.detail)}></token-strip>
      <h4>${ui.classify.chartHeading}</h4>
      <p class="note">${ui.classify.chartNote}</p>
      <word-chart .words=${detailed ? keptWords(detailed) : NO_WORDS} .values=${detailed ? detailed.per_step : NO_VALUES}></word-chart>
      <h4>${ui.cell.gradHeading}</h4>
      <p class="note">${ui.cell.gradNote}</p>
      <line-chart class="gradients" .label=${ui.cell.gradHeading} .xLabel=${ui.cell.gradX} .yLabel=${ui.cell.gradY} logY
        .series=${[{ label: ui.cell.gradY, color: '#8a3ab9', points: true }]} .columns=${[grads.map((_, i) => i + 1), grads]}></line-chart>
      ${detailed ? this.renderDetails(detailed) : nothing}`;
  }

  /** The layer's parts (Cell anatomy, the largest moves, the heat maps): drawn a frame later. */
  private renderDetails(r: TraceResult) {
    const words = keptWords(r);
    const layer = r.layers[Math.min(Math.max(0, this.layerIndex), r.layers.length - 1)];
    return html`
      ${
        layer && r.layers.length > 1
          ? html`<p>
        <label for="layer">${ui.classify.layerPicker}</label>
        <select id="layer" @change=${(e: Event) => (this.layerIndex = Number((e.target as HTMLSelectElement).value))}>
          ${r.layers.map((l, i) => html`<option value=${i} ?selected=${l === layer}>${ui.classify.layerOption(i, l.kind, l.name)}</option>`)}
        </select></p>`
          : nothing
      }
      ${
        layer
          ? html`
        <button class="anatomy" aria-expanded=${this.anatomyOpen ? 'true' : 'false'}
          @click=${() => (this.anatomyOpen = !this.anatomyOpen)}>${ui.cell.anatomy}</button>
        ${
          this.anatomyOpen
            ? html`<cell-anatomy .layers=${r.layers} .words=${words}
          .layerIndex=${Math.max(0, this.layerIndex)}></cell-anatomy>`
            : nothing
        }
        <h4>${ui.classify.mapsHeading}</h4>
        <p class="note">${ui.classify.mapsNote(layer.kind)} ${ui.classify.mapHelp}</p>
        <p class="note"><strong>${ui.cell.movesHeading}:</strong></p>
        <ul class="moves">${largestMoves(layer).map((m) => html`<li>${ui.cell.move(words[m.step] ?? '', m.step, m.unit, m.delta, m.cause, m.gate, m.candidate)}</li>`)}</ul>
        <div class="maps-scroll" tabindex="0" role="region" aria-label=${ui.classify.mapsScrollLabel(words.length)}>
          <word-axis side="top" .words=${words}></word-axis>
          ${mapsOfLayer(layer).map((m) => html`<heat-map kind=${m.kind} scale=${m.scale} .words=${words} .values=${m.values}></heat-map>`)}
          <word-axis side="bottom" aria-hidden="true" .words=${words}></word-axis>
        </div>
      `
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'classify-model-panel': ClassifyModelPanel;
  }
}
