// Why LSTM has 4× and GRU 3× the recurrent weights of SimpleRNN: one bar per cell type, split
// into kernel, recurrent kernel and bias, drawn as SVG with the numbers written on it.
import { LitElement, css, html, svg } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { recurrentWeights } from '../state/model-layers';
import { LanguageController, ui } from '../i18n';

const PARTS = [
  { key: 'kernel', color: '#4e79a7' },
  { key: 'recurrent', color: '#f28e2b' },
  { key: 'bias', color: '#59a14f' },
] as const;

@customElement('param-bars')
export class ParamBars extends LitElement {
  private readonly language = new LanguageController(this);
  /** Input features n and units u of the recurrent layer compared. */
  @property({ type: Number }) features = 16;
  @property({ type: Number }) units = 8;

  static styles = css`
    :host { display: block; }
    svg { width: 100%; max-width: 44rem; height: auto; font: 12px system-ui, sans-serif; }
    .legend span { display: inline-block; margin-right: 1rem; font-size: 0.85rem; }
    .swatch { display: inline-block; width: 0.8rem; height: 0.8rem; margin-right: 0.3rem; vertical-align: middle; }
    table { border-collapse: collapse; font-size: 0.85rem; margin-top: 0.4rem; }
    th, td { padding: 0.15rem 0.6rem 0.15rem 0; text-align: right; border-bottom: 1px solid #ddd; }
    th:first-child, td:first-child { text-align: left; }
  `;

  render() {
    const n = this.features, u = this.units;
    const kinds = ['SimpleRNN', 'GRU', 'LSTM'] as const;
    const rows = kinds.map((k) => ({ kind: k, w: recurrentWeights(k, n, u) }));
    const max = Math.max(...rows.map((r) => r.w.total));
    const left = 90, width = 520, barH = 26, gap = 14;
    const base = rows[0].w.recurrent;
    return html`
      <svg viewBox="0 0 ${left + width + 150} ${rows.length * (barH + gap) + 10}" role="img"
        aria-label=${ui.compare.paramChartLabel(n, u, rows.map((r) => `${r.kind} ${r.w.total}`).join(', '))}>
        ${rows.map((r, i) => {
          const y = 5 + i * (barH + gap);
          let x = left;
          return svg`<text x="0" y=${y + barH / 2 + 4}>${r.kind}</text>
            ${PARTS.map((p) => {
              const v = r.w[p.key];
              const w = (v / max) * width;
              const rect = svg`<rect x=${x} y=${y} width=${w} height=${barH} fill=${p.color}></rect>`;
              x += w;
              return rect;
            })}
            <text x=${x + 6} y=${y + barH / 2 + 4}>${r.w.total.toLocaleString('en-US')} (${ui.compare.timesRecurrent(r.w.recurrent / base)})</text>`;
        })}
      </svg>
      <div class="legend">${PARTS.map((p) => html`<span><span class="swatch" style="background:${p.color}"></span>${ui.compare.weightPart[p.key]}</span>`)}</div>
      <table aria-label=${ui.compare.paramTableLabel}>
        <thead><tr><th scope="col">${ui.compare.cellType}</th><th scope="col">${ui.compare.weightPart.kernel}</th>
          <th scope="col">${ui.compare.weightPart.recurrent}</th><th scope="col">${ui.compare.weightPart.bias}</th><th scope="col">${ui.model.colParams}</th></tr></thead>
        <tbody>${rows.map((r) => html`<tr><td>${r.kind}</td>
          <td>${n} × ${r.w.gates > 1 ? `${r.w.gates} × ` : ''}${u} = ${r.w.kernel.toLocaleString('en-US')}</td>
          <td>${u} × ${r.w.gates > 1 ? `${r.w.gates} × ` : ''}${u} = ${r.w.recurrent.toLocaleString('en-US')}</td>
          <td>${r.w.bias.toLocaleString('en-US')}</td><td>${r.w.total.toLocaleString('en-US')}</td></tr>`)}</tbody>
      </table>
      <p>${ui.compare.paramChartExplain(n, u)}</p>`;
  }
}
