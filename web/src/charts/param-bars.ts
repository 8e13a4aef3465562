// Why LSTM has 4× and GRU 3× the recurrent weights of SimpleRNN: one bar per cell type, split
// into kernel, recurrent kernel and bias, drawn as SVG with the numbers written on it. The numbers
// are the engine's (engine/weight-parts.ts, from its model summaries).
import { LitElement, css, html, nothing, svg } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  RECURRENT_CELLS,
  weightParts,
  type RecurrentCell,
  type Summarize,
  type WeightParts,
} from '../engine/weight-parts';
import { LanguageController, ui } from '../i18n';
import { base } from '../ui/theme';

const PATTERNS = svg`<defs>
  <pattern id="hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
    <rect width="6" height="6" style="fill: var(--c-recurrent)"></rect><rect width="2" height="6" style="fill: var(--bg)" opacity="0.55"></rect></pattern>
  <pattern id="dots" width="5" height="5" patternUnits="userSpaceOnUse">
    <rect width="5" height="5" style="fill: var(--c-bias)"></rect><circle cx="2.5" cy="2.5" r="1.1" style="fill: var(--bg)"></circle></pattern>
</defs>`;

// Each part has a theme colour and its own fill pattern (solid, hatched, dotted): the bars never
// rely on colour alone, and the table below gives every number as text.
const PARTS = [
  { key: 'kernel', fill: 'var(--c-kernel)' },
  { key: 'recurrent', fill: 'url(#hatch)' },
  { key: 'bias', fill: 'url(#dots)' },
] as const;

@customElement('param-bars')
export class ParamBars extends LitElement {
  private readonly language = new LanguageController(this);
  /** Input features n and units u of the recurrent layer compared. */
  @property({ type: Number }) features = 16;
  @property({ type: Number }) units = 8;
  /** Asks the engine for a model's summary; the bars wait for it. */
  @property({ attribute: false }) summarize: Summarize | null = null;
  /** The engine's split for n features and u units, one row per cell type (null until it answers). */
  @state() private shown: { n: number; u: number; rows: { kind: RecurrentCell; w: WeightParts }[] } | null =
    null;
  private asked = '';

  static styles = [
    base,
    css`
    :host { display: block; }
    svg { width: 100%; max-width: 44rem; height: auto; font: 14px var(--font-sans); }
    svg text { fill: var(--text); }
    svg rect.part { stroke: var(--bg); stroke-width: 1.5; }
    .legend { display: flex; flex-wrap: wrap; gap: var(--space-1) var(--space-4); font-size: var(--text-sm); }
    .legend svg { width: 1.2rem; height: 1.2rem; vertical-align: middle; margin-right: var(--space-1); }
    table { font-size: var(--text-sm); margin-top: var(--space-2); font-variant-numeric: tabular-nums; }
    th, td { text-align: right; }
    th:first-child, td:first-child { text-align: left; }
  `,
  ];

  protected willUpdate(): void {
    const summarize = this.summarize;
    const n = this.features,
      u = this.units;
    const key = `${n}×${u}`;
    if (!summarize || key === this.asked) return;
    this.asked = key;
    Promise.all(
      RECURRENT_CELLS.map(async (kind) => ({ kind, w: await weightParts(summarize, kind, n, u) })),
    ).then(
      (rows) => {
        if (this.asked === key) this.shown = { n, u, rows };
      },
      // A worker that failed (the page says so elsewhere): ask again with the next set-up.
      () => (this.asked = ''),
    );
  }

  render() {
    if (!this.shown) return nothing;
    const { n, u, rows } = this.shown;
    const max = Math.max(...rows.map((r) => r.w.total));
    const left = 90,
      width = 520,
      barH = 26,
      gap = 14;
    const base = rows[0].w.recurrent;
    return html`
      <svg viewBox="0 0 ${left + width + 150} ${rows.length * (barH + gap) + 10}" role="img"
        aria-label=${ui.compare.paramChartLabel(n, u, rows.map((r) => `${r.kind} ${r.w.total}`).join(', '))}>
        ${PATTERNS}
        ${rows.map((r, i) => {
          const y = 5 + i * (barH + gap);
          let x = left;
          return svg`<text x="0" y=${y + barH / 2 + 4}>${r.kind}</text>
            ${PARTS.map((p) => {
              const v = r.w[p.key];
              const w = (v / max) * width;
              const rect = svg`<rect class="part" x=${x} y=${y} width=${w} height=${barH} style="fill: ${p.fill}"></rect>`;
              x += w;
              return rect;
            })}
            <text x=${x + 6} y=${y + barH / 2 + 4}>${r.w.total.toLocaleString('en-US')} (${ui.compare.timesRecurrent(r.w.recurrent / base)})</text>`;
        })}
      </svg>
      <div class="legend" aria-hidden="true">${PARTS.map((p) => html`<span><svg viewBox="0 0 12 12"><rect width="12" height="12" style="fill: ${p.fill}"></rect></svg>${ui.compare.weightPart[p.key]}</span>`)}</div>
      <div class="scroll-x" tabindex="0" role="region" aria-label=${ui.compare.paramTableLabel}><table class="numbers" aria-label=${ui.compare.paramTableLabel}>
        <thead><tr><th scope="col">${ui.compare.cellType}</th><th scope="col">${ui.compare.weightPart.kernel}</th>
          <th scope="col">${ui.compare.weightPart.recurrent}</th><th scope="col">${ui.compare.weightPart.bias}</th><th scope="col">${ui.model.colParams}</th></tr></thead>
        <tbody>${rows.map(
          (r) => html`<tr><td>${r.kind}</td>
          <td>${n} × ${r.w.gates > 1 ? `${r.w.gates} × ` : ''}${u} = ${r.w.kernel.toLocaleString('en-US')}</td>
          <td>${u} × ${r.w.gates > 1 ? `${r.w.gates} × ` : ''}${u} = ${r.w.recurrent.toLocaleString('en-US')}</td>
          <td>${r.w.bias.toLocaleString('en-US')}</td><td>${r.w.total.toLocaleString('en-US')}</td></tr>`,
        )}</tbody>
      </table></div>
      <p>${ui.compare.paramChartExplain(n, u)}</p>`;
  }
}
