// The Keras-style summary table of a model, as computed by the engine.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
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

  static styles = css`
    table { border-collapse: collapse; font-family: ui-monospace, monospace; font-size: 0.95rem; }
    th, td { padding: 0.25rem 0.9rem 0.25rem 0; text-align: left; border-bottom: 1px solid #ddd; }
    td.num, th.num { text-align: right; }
    .totals { font-family: ui-monospace, monospace; margin: 0.5rem 0 0; }
    .totals p { margin: 0.1rem 0; }
    .note { color: #7a4b00; font-size: 0.9rem; }
    label { font-size: 0.9rem; }
    .gru { background: #eef6ff; border-left: 4px solid #36c; padding: 0.3rem 0.7rem; margin: 0.6rem 0; font-size: 0.92rem; }
    .gru summary { font-weight: 600; cursor: pointer; }
  `;

  render() {
    const s = this.summary;
    if (!s) return nothing;
    return html`
      <label><input type="checkbox" .checked=${this.showFormulas}
        @change=${(e: Event) => (this.showFormulas = (e.target as HTMLInputElement).checked)} />
        ${ui.model.showFormulas}</label>
      <table aria-label=${ui.model.summaryHeading}>
        <thead><tr>
          <th scope="col">${ui.model.colLayer}</th><th scope="col">${ui.model.colShape}</th>
          <th scope="col" class="num">${ui.model.colParams}</th>
          ${this.showFormulas ? html`<th scope="col">${ui.model.colFormula}</th>` : nothing}
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
        <p>${ui.model.totalParams(groupThousands(s.total_params))}</p>
        <p>${ui.model.trainableParams(groupThousands(s.trainable_params))}</p>
        <p>${ui.model.nonTrainableParams(groupThousands(s.non_trainable_params))}</p>
      </div>
      ${s.notes.map((n) => html`<p class="note">${n}</p>`)}
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
