// The review's tokens as the network receives them: each with its id; out-of-vocabulary ones
// (id 2) dashed and marked; the part maxlen cuts (at the front, 'pre') greyed and struck through;
// padding never shown. A huge paste lists only the last cut tokens and counts the others.
import { LitElement, css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
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
    li { border: 1px solid var(--border); border-radius: 4px; padding: 0.1rem 0.35rem; background: var(--surface); font-size: var(--text-sm); line-height: 1.4; }
    li .id { font-size: var(--text-xs); color: var(--text-muted); margin-left: 0.25rem; font-variant-numeric: tabular-nums; }
    li .mark { font-size: var(--text-xs); font-weight: 700; text-transform: uppercase; margin-left: 0.25rem; }
    li.oov { border: 2px dashed var(--notice-border); background: var(--notice-bg); }
    li.oov .mark { color: var(--text); font-weight: 600; }
    /* Greyed by colour, not opacity: the muted text keeps its contrast (axe) in both themes. */
    li.cut { color: var(--text-muted); text-decoration: line-through; background: var(--surface-2); border-color: var(--border); }
    li.start { font-style: italic; }
    li.omitted { border: none; background: none; color: var(--text-muted); font-style: italic; }
    .sr { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
    .legend { font-size: var(--text-sm); color: var(--text-muted); margin: 0; }
    li button { all: unset; cursor: pointer; display: inline-flex; align-items: center; justify-content: center; min-height: 24px; min-width: 24px; }
    li button .id { color: inherit; }
    li button:focus-visible { outline: 2px solid var(--focus, currentColor); outline-offset: 2px; }
    li.removed { opacity: 0.6; text-decoration: line-through; border-style: dotted; background: var(--bg); }
  `;

  /** The largest |delta|, which the strongest colour stands for (found once per deltas, not per word). */
  private largest = 1e-6;

  protected willUpdate(changed: PropertyValues): void {
    if (changed.has('deltas')) {
      let max = 1e-6;
      for (const d of this.deltas?.values() ?? []) max = Math.max(max, Math.abs(d));
      this.largest = max;
    }
  }

  /** Green: the word pushed towards positive (without it P falls); red: towards negative. */
  private colour(pos: number): string {
    const d = this.deltas?.get(pos);
    if (d === undefined || !this.deltas) return '';
    const a = Math.min(1, Math.abs(d) / this.largest) * 0.4;
    return d < 0
      ? `background: rgba(40, 150, 60, ${a.toFixed(3)})`
      : `background: rgba(200, 50, 50, ${a.toFixed(3)})`;
  }

  private tooltip(t: ClassifyResult['tokens'][number]): string {
    const d = this.deltas?.get(t.pos);
    return (
      ui.classify.tokenTitle(t.text, t.id, t.oov, t.cut) +
      (d === undefined ? '' : ` — ${ui.cell.wordDelta(t.text, d)}`)
    );
  }

  private toggle(t: ClassifyResult['tokens'][number], inner: TemplateResult) {
    const d = this.deltas?.get(t.pos);
    const label =
      (t.removed ? ui.cell.restoreWord(t.text) : ui.cell.removeWord(t.text)) +
      (d === undefined ? '' : `. ${ui.cell.wordDelta(t.text, d)}`);
    // The button is named by what it shows (the word, its id), as a speech user would say it; what
    // a click does is its description (title), read out after the name.
    return html`<button aria-pressed=${t.removed ? 'true' : 'false'} title=${label} data-delta=${d ?? ''}
      @click=${() => this.dispatchEvent(new CustomEvent('token-toggle', { detail: t.pos, bubbles: true, composed: true }))}>${inner}</button>`;
  }

  render() {
    return html`
      <p class="legend">${ui.classify.tokensLegend}</p>
      <ol tabindex="0" aria-label=${ui.classify.tokensLabel}>
        ${this.cutOmitted > 0 ? html`<li class="omitted cut">${ui.classify.omittedCut(this.cutOmitted)}</li>` : nothing}
        ${this.tokens.map((t, i) => {
          const inner = html`<span class="word">${t.text}</span><span class="id">${t.id}</span>${
            t.oov ? html`<span class="mark">${ui.classify.oovMark}</span>` : nothing
          }${t.cut ? html`<span class="sr">${ui.classify.cutMark}</span>` : nothing}${
            t.removed ? html`<span class="mark">${ui.cell.removedMark}</span>` : nothing
          }`;
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
