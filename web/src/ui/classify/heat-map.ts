// One heat map: units (rows) × kept tokens (columns), drawn on a canvas so that a 1000-step,
// 256-unit layer costs one image, not 256,000 elements. Reading it: hovering a cell, or focusing
// the map and moving with the arrow keys (Home/End for the first/last token), shows the word, the
// unit and the value in a live region beside it. The maps of a layer sit in one scroller of the
// panel (model-reading-panel.ts), with the words written once above and below them as page text
// (word-axis.ts); so a map draws no words and does not scroll on its own. Its title, read-out and
// scale stay at the scroller's left edge while the columns scroll. The canvas holds one pixel per
// cell and the browser scales it up CELL times without smoothing (image-rendering: pixelated):
// 500 steps × 8 units are 4,000 pixels written at once, not 4,000 filled rectangles on a canvas
// 7,000 pixels wide; the cell under the cursor is outlined by an element over the canvas.
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { LanguageController, ui } from '../../i18n';

/** 'gate': values in [0, 1] (sigmoid gates); 'signed': a symmetric scale around 0 (states). */
export type HeatScale = 'gate' | 'signed';

/** Column width and the room for the unit numbers: the word axis lines its words up with these. */
export const CELL = 14;
export const ROW_LABELS = 34;

type Rgb = [number, number, number];

/** Gates: white (closed, 0) to deep blue (open, 1). */
function gateColour(v: number): Rgb {
  const t = Math.min(1, Math.max(0, v));
  return [Math.round(255 - 225 * t), Math.round(255 - 175 * t), Math.round(255 - 95 * t)];
}

/** States: blue (negative) – white (0) – red (positive), |v| / bound as intensity. */
function signedColour(v: number, bound: number): Rgb {
  const t = Math.min(1, Math.abs(v) / bound);
  const fade = Math.round(255 * (1 - t));
  return v >= 0 ? [Math.round(255 - 55 * t), fade, fade] : [fade, Math.round(255 - 155 * t), 255];
}

/** A colour as CSS text (the scale bar's gradient). */
const cssRgb = ([r, g, b]: Rgb) => `rgb(${r},${g},${b})`;

@customElement('heat-map')
export class HeatMap extends LitElement {
  private readonly language = new LanguageController(this);
  /** Which map this is: a key of ui.classify.mapTitle ('input', 'cell', 'hidden', ...). */
  @property() kind = 'hidden';
  @property({ attribute: false }) words: string[] = [];
  /** [step][unit], one row per kept token. */
  @property({ attribute: false }) values: number[][] = [];
  @property() scale: HeatScale = 'gate';

  @state() private cursor: { step: number; unit: number } | null = null;
  @query('canvas') private canvas!: HTMLCanvasElement;

  static styles = css`
    :host { display: block; width: max-content; min-width: 100%; margin: 0.6rem 0 1rem; }
    h4 { margin: 0 0 0.2rem; font-size: 0.95rem; }
    h4, .readout, .scale { position: sticky; left: 0; width: fit-content; max-width: min(36rem, 85vw); }
    .map { display: inline-flex; outline: none; border: 2px solid transparent; border-radius: 3px; }
    /* Unit numbers as page text (legible in both themes), kept in view while the columns scroll. */
    .units { position: sticky; left: 0; z-index: 1; flex: none; background: var(--bg); color: var(--text); font-size: 0.75rem;
      font-variant-numeric: tabular-nums; text-align: right; box-sizing: border-box; padding-right: 4px; }
    .units span { display: block; }
    .map:focus-visible { border-color: var(--focus); }
    .plot { position: relative; flex: none; }
    canvas { display: block; cursor: crosshair; image-rendering: pixelated; }
    .cursor { position: absolute; box-sizing: border-box; width: ${CELL}px; height: ${CELL}px; border: 2px solid #f90; pointer-events: none; }
    .readout { font-size: 0.85rem; min-height: 1.2em; margin: 0.15rem 0 0; font-variant-numeric: tabular-nums; }
    .scale { font-size: var(--text-xs); color: var(--text-muted); display: flex; align-items: center; gap: 0.4rem; }
    .bar { width: 8rem; height: 0.6rem; border: 1px solid var(--border); }
  `;

  get steps(): number {
    return this.values.length;
  }

  get units(): number {
    return this.values[0]?.length ?? 0;
  }

  /** Half-width of the signed scale: 1 for tanh-bounded states, else the largest |value|. */
  private bound(): number {
    if (this.scale === 'gate') return 1;
    let m = 0;
    for (const row of this.values) for (const v of row) m = Math.max(m, Math.abs(v));
    return m <= 1 ? 1 : m;
  }

  private colour(v: number, bound: number): Rgb {
    return this.scale === 'gate' ? gateColour(v) : signedColour(v, bound);
  }

  render() {
    const title = ui.classify.mapTitle[this.kind] ?? this.kind;
    const c = this.cursor;
    const bound = this.bound();
    const lo = this.scale === 'gate' ? 0 : -bound;
    const gradient =
      this.scale === 'gate'
        ? `linear-gradient(to right, ${cssRgb(gateColour(0))}, ${cssRgb(gateColour(1))})`
        : `linear-gradient(to right, ${cssRgb(signedColour(-1, 1))}, #fff, ${cssRgb(signedColour(1, 1))})`;
    return html`
      <h4 id="title">${title}</h4>
      <div>
        <div class="map" tabindex="0" role="group" aria-label=${ui.classify.mapLabel(title, this.units, this.steps)}
          aria-describedby="readout" data-units=${this.units} data-steps=${this.steps}
          @keydown=${this.onKey} @focus=${this.onFocus}>
          <div class="units" aria-hidden="true" style="width:${ROW_LABELS}px">${Array.from(
            { length: this.units },
            (_, u) => html`<span style="height:${CELL}px;line-height:${CELL}px">${u + 1}</span>`,
          )}</div>
          <div class="plot" style="width:${this.steps * CELL}px;height:${this.units * CELL}px">
            <canvas style="width:${this.steps * CELL}px;height:${this.units * CELL}px"
              @mousemove=${this.onMouse} @mouseleave=${() => (this.cursor = null)}></canvas>
            ${c ? html`<div class="cursor" style="left:${c.step * CELL}px;top:${c.unit * CELL}px"></div>` : nothing}
          </div>
        </div>
      </div>
      <p class="readout" id="readout" aria-live="polite">${
        c
          ? ui.classify.cellReadout(this.words[c.step] ?? '', c.step, c.unit, this.values[c.step][c.unit])
          : ui.classify.mapIdle
      }</p>
      <div class="scale" aria-label=${ui.classify.scaleLabel(lo, bound)} role="img">
        <span aria-hidden="true">${lo.toFixed(2)}</span><span class="bar" style="background:${gradient}"></span><span aria-hidden="true">${bound.toFixed(2)}</span>
      </div>`;
  }

  protected willUpdate(changed: PropertyValues): void {
    if (
      (changed.has('values') || changed.has('words')) &&
      this.cursor &&
      (this.cursor.step >= this.steps || this.cursor.unit >= this.units)
    )
      this.cursor = null;
  }

  protected updated(changed: PropertyValues): void {
    if (changed.has('values') || changed.has('scale')) this.draw();
  }

  private draw(): void {
    const canvas = this.canvas;
    if (!canvas) return;
    const steps = Math.max(1, this.steps);
    const units = Math.max(1, this.units);
    canvas.width = steps;
    canvas.height = units;
    const g = canvas.getContext('2d');
    if (!g || this.steps === 0 || this.units === 0) return;
    const image = g.createImageData(steps, units);
    const px = image.data;
    const bound = this.bound();
    for (let t = 0; t < steps; t++) {
      const row = this.values[t];
      for (let u = 0; u < units; u++) {
        const [r, gr, b] = this.colour(row[u], bound);
        const i = (u * steps + t) * 4;
        px[i] = r;
        px[i + 1] = gr;
        px[i + 2] = b;
        px[i + 3] = 255;
      }
    }
    g.putImageData(image, 0, 0);
  }

  private onMouse(e: MouseEvent): void {
    const r = this.canvas.getBoundingClientRect();
    const step = Math.floor((e.clientX - r.left) / CELL);
    const unit = Math.floor((e.clientY - r.top) / CELL);
    if (step < 0 || unit < 0 || step >= this.steps || unit >= this.units) {
      this.cursor = null;
      return;
    }
    if (this.cursor?.step !== step || this.cursor?.unit !== unit) this.cursor = { step, unit };
  }

  private onFocus(): void {
    if (!this.cursor && this.steps > 0 && this.units > 0) this.cursor = { step: 0, unit: 0 };
  }

  private onKey(e: KeyboardEvent): void {
    if (this.steps === 0 || this.units === 0) return;
    const c = this.cursor ?? { step: 0, unit: 0 };
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [c.step - 1, c.unit],
      ArrowRight: [c.step + 1, c.unit],
      ArrowUp: [c.step, c.unit - 1],
      ArrowDown: [c.step, c.unit + 1],
      Home: [0, c.unit],
      End: [this.steps - 1, c.unit],
    };
    const m = moves[e.key];
    if (!m) return;
    e.preventDefault();
    const step = Math.min(this.steps - 1, Math.max(0, m[0]));
    const unit = Math.min(this.units - 1, Math.max(0, m[1]));
    this.cursor = { step, unit };
    // Keep the cell in view inside the panel's scroller, which all the layer's maps share.
    const scroller = this.closest('.maps-scroll') as HTMLElement | null;
    if (scroller) {
      const x = ROW_LABELS + step * CELL;
      if (x < scroller.scrollLeft + ROW_LABELS) scroller.scrollLeft = x - ROW_LABELS;
      else if (x + CELL > scroller.scrollLeft + scroller.clientWidth)
        scroller.scrollLeft = x + CELL - scroller.clientWidth;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'heat-map': HeatMap;
  }
}
