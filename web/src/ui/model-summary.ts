// The Keras-style summary table of a model, as computed by the engine.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { base } from './theme';
import type { ModelSummary } from '../engine/engine-api';
import { groupThousands, LanguageController, ui } from '../i18n';

/** The last number of a shape such as "(None, 100, 16)" (one-hot input: its width), or null. */
export function lastDim(shape: string): number | null {
  const m = /(\d+)\)\s*$/.exec(shape);
  return m ? Number(m[1]) : null;
}

@customElement('model-summary')
export class ModelSummaryView extends LitElement {
  private readonly language = new LanguageController(this);
  @property({ attribute: false }) summary: ModelSummary | null = null;
  @state() private showFormulas = true;

  static styles = [
    base,
    css`
    :host { display: block; }
    .table { overflow-x: auto; max-width: 100%; }
    table { font-family: var(--font-mono); font-size: var(--text-sm); }
    th, td { padding: var(--space-1) var(--space-4) var(--space-1) 0; text-align: left; }
    td:nth-child(-n+3), th { white-space: nowrap; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    .totals { font-family: var(--font-mono); margin: var(--space-2) 0 0; }
    .totals p { margin: var(--space-1) 0; }
    .note { color: var(--notice-border); }
    label { font-weight: 500; display: inline-flex; align-items: center; }
    .gru { background: var(--surface); border-left: 4px solid var(--c-gru); padding: var(--space-2) var(--space-3); margin: var(--space-3) 0; }
    .gru summary { font-weight: 600; cursor: pointer; min-height: 1.5rem; }
  `,
  ];

  render() {
    const s = this.summary;
    if (!s) return nothing;
    return html`
      <label><input type="checkbox" .checked=${this.showFormulas}
        @change=${(e: Event) => (this.showFormulas = (e.target as HTMLInputElement).checked)} />
        ${ui.model.showFormulas}</label>
      <div class="table" tabindex="0" role="region" aria-label=${ui.model.summaryHeading}><table aria-label=${ui.model.summaryHeading}>
        <thead><tr>
          <th scope="col">${ui.model.colLayer}</th><th scope="col">${ui.model.colShape}</th>
          <th scope="col" class="num">${ui.model.colParams}</th>
          ${this.showFormulas ? html`<th scope="col">${ui.model.colFormula}</th>` : nothing}
        </tr></thead>
        <tbody>
          ${s.rows.map(
            (r) => html`<tr>
            <td>${r.name} (${r.type})</td><td>${r.output_shape}</td>
            <td class="num" title=${r.formula}>${groupThousands(r.params)}</td>
            ${this.showFormulas ? html`<td>${r.formula}</td>` : nothing}
          </tr>`,
          )}
        </tbody>
      </table></div>
      <div class="totals">
        <p>${ui.model.totalParams(groupThousands(s.total_params))}</p>
        <p>${ui.model.trainableParams(groupThousands(s.trainable_params))}</p>
        <p>${ui.model.nonTrainableParams(groupThousands(s.non_trainable_params))}</p>
      </div>
      ${s.tfjs_notes.map((n) => html`<p class="note">${ui.model.tfjsNote[n.kind](n.layer)}</p>`)}
      ${s.rows.map((r, i) => (r.type === 'GRU' ? this.gruExplanation(s, i) : nothing))}
    `;
  }

  /** The book's 600-versus-624 question, answered with this layer's own numbers. */
  private gruExplanation(s: ModelSummary, i: number) {
    const r = s.rows[i];
    const u = lastDim(r.output_shape);
    const nIn = lastDim(i === 0 ? s.input_shape : s.rows[i - 1].output_shape);
    if (u === null || nIn === null) return nothing;
    const plain = 3 * u * (nIn + u + 1);
    if (r.params === plain) return html`<p class="gru">${ui.model.gruAnswerPlain(u, nIn, plain)}</p>`;
    return html`<details class="gru" open><summary>${ui.model.gruQuestion(r.name, r.params, plain)}</summary>
      <p>${ui.model.gruAnswer(u, nIn, r.params, plain)}</p></details>`;
  }
}
