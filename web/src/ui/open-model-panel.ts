// `Open a model`: a file input for a .keras file, a tf.keras 2 .h5 model, or a TF.js model.json
// with its weights.bin. The files are refused by size before a byte is read, then read and checked
// by files/model-files.ts (loaded, with fflate and the HDF5 worker, only when a file is picked);
// the model is handed to the page through `useModel` (app-root puts it into the editor, the engine
// worker and the Train tab). Every refusal is said in the alert region, in the page's language;
// nothing already there (the model, the saved runs) changes.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { base, card } from './theme';
import type { EngineClient } from '../engine/client';
import { FileProblem, MAX_UPLOAD_BYTES, type ProblemCode } from '../files/file-problem';
import type { OpenedModel } from '../files/open-model';
import type { FileNote } from '../engine/protocol';
import { EngineError } from '../engine/engine-api';
import { ENGINE_MESSAGES } from '../i18n/engine-messages';
import { LanguageController, messageText, ui, type Text } from '../i18n';

/** A note of the formats module in the current language (its code is a place in the engine's list). */
function noteText(n: FileNote): string {
  const code = ENGINE_MESSAGES[n.code]?.code;
  return code ? messageText(new EngineError(n.text, { code, params: n.params })) : n.text;
}

/** The sentence for a refusal, in the current language. */
export function refusalText(e: unknown): string {
  if (e instanceof FileProblem) {
    const say = ui.files.problem[e.problem as ProblemCode] as (...p: unknown[]) => string;
    return ui.files.refused(say(...e.params));
  }
  return ui.files.refused(ui.files.problem.refusedModel(messageText(e)));
}

@customElement('open-model-panel')
export class OpenModelPanel extends LitElement {
  private readonly language = new LanguageController(this);
  @property({ attribute: false }) client!: EngineClient;
  /** A model trains in the main worker: opening waits. */
  @property({ type: Boolean }) busy = false;
  /** Puts an opened model into the page; rejects when the engine refuses it. */
  @property({ attribute: false }) useModel: ((m: OpenedModel) => Promise<void>) | null = null;

  @state() private problem: Text | null = null;
  @state() private status: Text | null = null;
  @state() private working = false;

  static styles = [
    base,
    card,
    css`
    input[type=file] { margin: 0.3rem 0; max-width: 100%; min-height: 2.75rem; }
    .error { background: var(--bad-bg); color: var(--bad-text); border: 1px solid var(--bad-text); padding: 0.5rem 0.75rem; border-radius: 4px; margin: 0.4rem 0; overflow-wrap: anywhere; }
  `,
  ];

  private async onPick(input: HTMLInputElement): Promise<void> {
    const files = [...(input.files ?? [])];
    if (files.length === 0) return;
    this.problem = null;
    this.status = null;
    const total = files.reduce((n, f) => n + f.size, 0);
    // Refused by size before anything is read or loaded.
    if (total > MAX_UPLOAD_BYTES) {
      const e = new FileProblem('tooLarge', total, MAX_UPLOAD_BYTES);
      this.problem = () => refusalText(e);
      input.value = '';
      return;
    }
    const name = files.map((f) => f.name).join(', ');
    this.working = true;
    this.status = () => ui.files.opening(name);
    try {
      const { openPickedFiles } = await import('../files/model-files');
      const opened = await openPickedFiles(this.client, files);
      await this.useModel?.(opened);
      this.status = () => {
        const notes = opened.notes.map(noteText).join(' ');
        return `${ui.files.opened(opened.fileName, opened.weights.length)}${notes ? ` ${ui.files.openedNotes(notes)}` : ''}`;
      };
    } catch (e) {
      this.status = null;
      this.problem = () => refusalText(e);
    } finally {
      this.working = false;
      // The same file can be picked again (after fixing it, or to open it once more).
      input.value = '';
    }
  }

  render() {
    const f = ui.files;
    return html`
      <h3>${f.openHeading}</h3>
      <p id="open-model-help">${f.openHelp}</p>
      <label for="open-model">${f.openLabel}</label>
      <input id="open-model" type="file" multiple accept=".keras,.h5,.hdf5,.json,.bin,.zip" aria-describedby="open-model-help"
        ?disabled=${this.busy || this.working} @change=${(e: Event) => this.onPick(e.target as HTMLInputElement)} />
      ${this.problem ? html`<div class="error" role="alert">${this.problem()}</div>` : nothing}
      <p aria-live="polite">${this.status?.() ?? ''}</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'open-model-panel': OpenModelPanel;
  }
}
