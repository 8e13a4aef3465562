// The words under the heat maps' columns, written once as page text (not into each map's canvas):
// one word per column, read from bottom to top (sideways-lr), in the page's text colour at a size a class can
// read from the back of the room; a word longer than the axis is cut with an ellipsis and given
// whole in its title. Lined up with heat-map.ts's columns (CELL wide, after ROW_LABELS).
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { CELL, ROW_LABELS } from './heat-map';

@customElement('word-axis')
export class WordAxis extends LitElement {
  @property({ attribute: false }) words: string[] = [];
  /** 'top': the words end at the maps below them; 'bottom': they start at the maps above. */
  @property({ reflect: true }) side: 'top' | 'bottom' = 'top';

  static styles = css`
    :host { display: flex; width: max-content; min-width: 100%; }
    :host([side=top]) { align-items: flex-end; }
    :host([side=bottom]) { align-items: flex-start; }
    /* Read from bottom to top without a transform per word: a rotated element each would make
       every frame of the page composite a thousand more pieces (docs/benchmarks.md). */
    span {
      writing-mode: sideways-lr;
      font-size: 0.8125rem; line-height: 1; color: var(--text); white-space: nowrap;
      max-height: 7.5rem; overflow: hidden; text-overflow: ellipsis; padding: 2px 0; box-sizing: border-box;
    }
    @supports not (writing-mode: sideways-lr) {
      span { writing-mode: vertical-rl; transform: rotate(180deg); }
    }
  `;

  render() {
    return html`<div style="width:${ROW_LABELS}px;flex:none"></div>${this.words.map(
      (w) => html`<span style="width:${CELL}px" title=${w}>${w}</span>`,
    )}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'word-axis': WordAxis;
  }
}
