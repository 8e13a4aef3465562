// The Keras-style summary table of a model, as computed by the engine.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ModelSummary } from '../engine/engine-api';
import { groupThousands, strings } from './strings';

@customElement('model-summary')
export class ModelSummaryView extends LitElement {
  @property({ attribute: false }) summary: ModelSummary | null = null;
  @state() private showFormulas = false;

  static styles = css`
    table { border-collapse: collapse; font-family: ui-monospace, monospace; font-size: 0.95rem; }
    th, td { padding: 0.25rem 0.9rem 0.25rem 0; text-align: left; border-bottom: 1px solid #ddd; }
    td.num, th.num { text-align: right; }
    .totals { font-family: ui-monospace, monospace; margin: 0.5rem 0 0; }
    .totals p { margin: 0.1rem 0; }
    .note { color: #7a4b00; font-size: 0.9rem; }
    label { font-size: 0.9rem; }
  `;

  render() {
    const s = this.summary;
    if (!s) return nothing;
    return html`
      <label><input type="checkbox" .checked=${this.showFormulas}
        @change=${(e: Event) => (this.showFormulas = (e.target as HTMLInputElement).checked)} />
        ${strings.showFormulas}</label>
      <table aria-label=${strings.summaryHeading}>
        <thead><tr>
          <th scope="col">${strings.colLayer}</th><th scope="col">${strings.colShape}</th>
          <th scope="col" class="num">${strings.colParams}</th>
          ${this.showFormulas ? html`<th scope="col">${strings.colFormula}</th>` : nothing}
        </tr></thead>
        <tbody>
          ${s.rows.map((r) => html`<tr>
            <td>${r.name} (${r.type})</td><td>${r.output_shape}</td>
            <td class="num" title=${r.formula}>${groupThousands(r.params)}</td>
            ${this.showFormulas ? html`<td>${r.formula}</td>` : nothing}
          </tr>`)}
        </tbody>
      </table>
      <div class="totals">
        <p>${strings.totalParams(groupThousands(s.total_params))}</p>
        <p>${strings.trainableParams(groupThousands(s.trainable_params))}</p>
        <p>${strings.nonTrainableParams(groupThousands(s.non_trainable_params))}</p>
      </div>
      ${s.notes.map((n) => html`<p class="note">${n}</p>`)}
    `;
  }
}
