// The review's tokens as the network receives them: each with its id; out-of-vocabulary ones
// (id 2) dashed and marked; the part maxlen cuts (at the front, 'pre') greyed and struck through;
// padding never shown. A huge paste lists only the last cut tokens and counts the others.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ClassifyResult } from '../../engine/protocol';
import { LanguageController, ui } from '../../i18n';

@customElement('token-strip')
export class TokenStrip extends LitElement {
  private readonly language = new LanguageController(this);
  @property({ attribute: false }) tokens: ClassifyResult['tokens'] = [];
  @property({ type: Number }) cutOmitted = 0;

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
  `;

  render() {
    return html`
      <p class="legend">${ui.classify.tokensLegend}</p>
      <ol aria-label=${ui.classify.tokensLabel}>
        ${this.cutOmitted > 0 ? html`<li class="omitted cut">${ui.classify.omittedCut(this.cutOmitted)}</li>` : nothing}
        ${this.tokens.map((t, i) => html`<li
            class="token ${t.oov ? 'oov' : ''} ${t.cut ? 'cut' : ''} ${i === 0 && t.id === 1 ? 'start' : ''}"
            data-id=${t.id} data-oov=${t.oov} data-cut=${t.cut}
            title=${ui.classify.tokenTitle(t.text, t.id, t.oov, t.cut)}><span class="word">${t.text}</span><span class="id">${t.id}</span>${
              t.oov ? html`<span class="mark">${ui.classify.oovMark}</span>` : nothing}${
              t.cut ? html`<span class="sr">${ui.classify.cutMark}</span>` : nothing}</li>`)}
      </ol>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'token-strip': TokenStrip;
  }
}
