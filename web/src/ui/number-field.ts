// A labelled number field that answers every input: what the user typed stays in the box (it
// never snaps back), a value outside the allowed range or not a number marks the field
// aria-invalid and says the allowed range and the value still in use. A valid value is sent at
// once ('value-change', detail: the number); an invalid one never is.
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { Limit } from '../state/limits';
import { formatLimit, parseField } from '../state/number-input';
import { LanguageController, ui } from '../i18n';

@customElement('number-field')
export class NumberField extends LitElement {
  private readonly language = new LanguageController(this);
  @property() label = '';
  @property() fieldId = '';
  @property({ type: Number }) value = 0;
  /** The allowed values (one of state/limits.ts LIMITS, the engine's own). */
  @property({ attribute: false }) limit: Limit = { min: 0, max: 0, integer: false };
  @property({ type: Boolean }) disabled = false;
  /** What the user typed, while it differs from the value in use (kept, never replaced). */
  @state() private draft: string | null = null;
  /** Set once the user left (or pressed Enter in) a field holding an invalid text. */
  @state() private showError = false;

  static styles = css`
    :host { display: inline-flex; flex-direction: column; }
    label { font-weight: 600; margin-right: 0.3rem; }
    input { font-size: 1rem; width: 6.5rem; }
    input[aria-invalid=true] { border: 2px solid #c00; background: #fff3f3; }
    .field-error { color: #a00; font-size: 0.85rem; max-width: 24rem; }
  `;

  protected willUpdate(changed: PropertyValues): void {
    // A valid draft that no longer matches the value (a preset was chosen, a link opened) gives way.
    if (changed.has('value') && this.draft !== null) {
      const v = parseField(this.draft, this.limit);
      if (v !== null && v !== this.value) this.draft = null;
    }
  }

  /** Forgets what was typed (the owner chose a new set-up). */
  reset(): void {
    this.draft = null;
    this.showError = false;
  }

  private onInput(text: string, commit: boolean): void {
    this.draft = text;
    const v = parseField(text, this.limit);
    if (v === null) {
      if (commit) this.showError = true;
      return;
    }
    this.showError = false;
    if (v !== this.value)
      this.dispatchEvent(new CustomEvent('value-change', { detail: v, bubbles: true, composed: true }));
  }

  render() {
    const text = this.draft ?? String(this.value);
    const invalid = this.draft !== null && parseField(this.draft, this.limit) === null;
    const errorId = `${this.fieldId}-error`;
    const { min, max, integer, minExclusive } = this.limit;
    const message = !(invalid && this.showError)
      ? ''
      : // The same sentence, but "above" the minimum when the minimum itself is refused.
        (minExclusive ? ui.common.fieldInvalidAbove : ui.common.fieldInvalid)(
          this.label,
          integer,
          formatLimit(min),
          formatLimit(max),
          text,
          formatLimit(this.value),
        );
    return html`<span><label for=${this.fieldId}>${this.label}</label>
      <input id=${this.fieldId} type="text" inputmode=${this.limit.integer ? 'numeric' : 'decimal'} autocomplete="off" spellcheck="false"
        .value=${text} ?disabled=${this.disabled}
        aria-invalid=${invalid && this.showError ? 'true' : 'false'} aria-describedby=${errorId}
        @input=${(e: Event) => this.onInput((e.target as HTMLInputElement).value, false)}
        @change=${(e: Event) => this.onInput((e.target as HTMLInputElement).value, true)} /></span>
      <span id=${errorId} class="field-error" aria-live="polite">${message || nothing}</span>`;
  }
}
