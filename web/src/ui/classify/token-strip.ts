// The review's tokens as the network receives them: each with its id; out-of-vocabulary ones
// (id 2) dashed and marked; the part maxlen cuts (at the front, 'pre') greyed and struck through;
// padding never shown. A huge paste lists only the last cut tokens and counts the others.
import { LitElement, css, html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ClassifyResult } from '../../engine/protocol';
import { LanguageController, ui } from '../../i18n';

@customElement('token-strip')
export class TokenStrip extends LitElement {
  private readonly language = new LanguageController(this);
  @property({ attribute: false }) tokens: ClassifyResult['tokens'] = [];
  @property({ type: Number }) cutOmitted = 0;
  /**
   * What each word did: token pos → change of P(positive) when that word alone is replaced by
   * the unknown word. With it, the read tokens are buttons that remove (or restore) a word.
   */
  @property({ attribute: false }) deltas: Map<number, number> | null = null;

  static styles = css`
    :host { display: block; }
    ol { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem; padding: 0; margin: 0.3rem 0; max-height: 16rem; overflow-y: auto; }
    li { border: 1px solid #8aa; border-radius: 4px; padding: 0.05rem 0.3rem; background: #f4f8fb; font-size: 0.9rem; line-height: 1.3; }
    li .id { font-size: 0.7rem; color: #456; margin-left: 0.2rem; font-variant-numeric: tabular-nums; }
    li .mark { font-size: 0.65rem; font-weight: 700; text-transform: uppercase; margin-left: 0.2rem; }
    li.oov { border: 1px dashed #b35c00; background: #fff3e6; }
    li.oov .mark { color: #b35c00; }
    li.cut { opacity: 0.45; text-decoration: line-through; background: #eee; border-color: #bbb; }
    li.start { font-style: italic; }
    li.omitted { border: none; background: none; color: #666; font-style: italic; }
    .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .legend { font-size: 0.8rem; color: #555; margin: 0; }
    li button { all: unset; cursor: pointer; }
    li button:focus-visible { outline: 2px solid #1f5fa8; }
    li.removed { opacity: 0.6; text-decoration: line-through; border-style: dotted; background: #fff; }
  `;

  /** Green: the word pushed towards positive (without it P falls); red: towards negative. */
  private colour(pos: number): string {
    const d = this.deltas?.get(pos);
    if (d === undefined || !this.deltas) return '';
    const max = Math.max(1e-6, ...[...this.deltas.values()].map(Math.abs));
    const a = Math.min(1, Math.abs(d) / max) * 0.75;
    return d < 0 ? `background: rgba(40, 150, 60, ${a.toFixed(3)})` : `background: rgba(200, 50, 50, ${a.toFixed(3)})`;
  }

  private tooltip(t: ClassifyResult['tokens'][number]): string {
    const d = this.deltas?.get(t.pos);
    return ui.classify.tokenTitle(t.text, t.id, t.oov, t.cut) + (d === undefined ? '' : ` — ${ui.cell.wordDelta(t.text, d)}`);
  }

  private toggle(t: ClassifyResult['tokens'][number], inner: TemplateResult) {
    const d = this.deltas?.get(t.pos);
    const label = (t.removed ? ui.cell.restoreWord(t.text) : ui.cell.removeWord(t.text)) + (d === undefined ? '' : `. ${ui.cell.wordDelta(t.text, d)}`);
    return html`<button aria-pressed=${t.removed ? 'true' : 'false'} aria-label=${label} data-delta=${d ?? ''}
      @click=${() => this.dispatchEvent(new CustomEvent('token-toggle', { detail: t.pos, bubbles: true, composed: true }))}>${inner}</button>`;
  }

  render() {
    return html`
      <p class="legend">${ui.classify.tokensLegend}</p>
      <ol aria-label=${ui.classify.tokensLabel}>
        ${this.cutOmitted > 0 ? html`<li class="omitted cut">${ui.classify.omittedCut(this.cutOmitted)}</li>` : nothing}
        ${this.tokens.map((t, i) => {
          const inner = html`<span class="word">${t.text}</span><span class="id">${t.id}</span>${
            t.oov ? html`<span class="mark">${ui.classify.oovMark}</span>` : nothing}${
            t.cut ? html`<span class="sr">${ui.classify.cutMark}</span>` : nothing}${
            t.removed ? html`<span class="mark">${ui.cell.removedMark}</span>` : nothing}`;
          return html`<li
            class="token ${t.oov ? 'oov' : ''} ${t.cut ? 'cut' : ''} ${t.removed ? 'removed' : ''} ${i === 0 && t.id === 1 ? 'start' : ''}"
            data-id=${t.id} data-oov=${t.oov} data-cut=${t.cut} data-pos=${t.pos} style=${this.colour(t.pos)}
            title=${this.tooltip(t)}>${this.deltas && !t.cut ? this.toggle(t, inner) : inner}</li>`;
        })}
      </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'token-strip': TokenStrip;
  }
}
