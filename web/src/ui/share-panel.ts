// Keep and share, to Keras: `Download TF.js model` and `Download .keras` (the model Classify uses,
// from the main worker; the .keras file through files/model-files.ts, loaded on demand),
// `Copy Keras code` (a Python cell for the current set-up: export/keras-code.ts) and `Download
// data` (the .npz of the current data settings and word_index.json). fflate is loaded only when a
// file is made.
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { base, card } from './theme';
import type { EngineClient } from '../engine/client';
import { dataFileName, kerasCode } from '../export/keras-code';
import { presetById } from '../presets/presets';
import type { PlaygroundState } from '../state/playground-state';
import { LanguageController, ui, type Text } from '../i18n';

function save(bytes: Uint8Array | string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

@customElement('share-panel')
export class SharePanel extends LitElement {
  private readonly language = new LanguageController(this);
  @property({ attribute: false }) setup!: PlaygroundState;
  @property({ attribute: false }) client!: EngineClient;
  @property({ type: Boolean }) busy = false;
  /** The main worker holds a model (trained, opened or restored): the TF.js and .keras downloads are possible. */
  @property({ type: Boolean }) hasModel = false;

  @state() private code: string | null = null;
  @state() private message: Text | null = null;
  @state() private working = false;

  static styles = [
    base,
    card,
    css`
    .buttons { display: flex; flex-wrap: wrap; gap: 0.5rem; margin: 0.5rem 0; }
    button { font-size: 0.95rem; padding: 0.3rem 0.8rem; cursor: pointer; }
    textarea { width: 100%; box-sizing: border-box; min-height: 16rem; font-family: ui-monospace, monospace; font-size: 0.8rem; }
  `,
  ];

  private async make(work: () => Promise<string>): Promise<void> {
    this.working = true;
    this.message = () => ui.runs.preparing;
    try {
      const name = await work();
      this.message = () => ui.runs.downloaded(name);
    } catch (e) {
      const msg = e instanceof Error ? e.message : String(e);
      this.message = () => ui.runs.exportFailed(msg);
    } finally {
      this.working = false;
    }
  }

  private downloadTfjs(): Promise<void> {
    return this.make(async () => {
      const [{ modelJson, weights }, files] = await Promise.all([
        this.client.request('exportTfjs', {}),
        import('../export/notebook-files'),
      ]);
      const name = files.tfjsZipName(modelJson);
      save(files.tfjsZip(modelJson, weights), name, 'application/zip');
      return name;
    });
  }

  private downloadKeras(): Promise<void> {
    const { optimizer, learning_rate } = this.setup.training;
    const date_saved = new Date().toISOString().slice(0, 19).replace('T', '@');
    return this.make(async () => {
      const files = await import('../files/model-files');
      const { name, bytes } = await files.makeKerasFile(this.client, {
        optimizer,
        learning_rate,
        date_saved,
      });
      save(bytes, name, 'application/zip');
      return name;
    });
  }

  private downloadData(): Promise<void> {
    const data = this.setup.data;
    return this.make(async () => {
      const [arrays, files] = await Promise.all([
        this.client.request('exportData', data),
        import('../export/notebook-files'),
      ]);
      save(files.dataNpz(arrays), dataFileName(data), 'application/octet-stream');
      await this.downloadWordIndex(files.kerasWordIndex);
      return `${dataFileName(data)}, word_index.json`;
    });
  }

  private async downloadWordIndex(convert?: (text: string) => string): Promise<void> {
    const response = await fetch(new URL('data/word-index.json', document.baseURI));
    if (!response.ok) throw new Error(`word-index.json: HTTP ${response.status}`);
    const toKeras = convert ?? (await import('../export/notebook-files')).kerasWordIndex;
    save(toKeras(await response.text()), 'word_index.json', 'application/json');
  }

  private async copyCode(): Promise<void> {
    const preset = this.setup.preset ? presetById(this.setup.preset) : undefined;
    this.code = kerasCode({ ...this.setup, title: preset?.title ?? ui.app.customPreset });
    if (this.code === null) {
      this.message = () => ui.runs.noKerasCode;
      return;
    }
    try {
      await navigator.clipboard.writeText(this.code);
      this.message = () => ui.runs.copied;
    } catch {
      this.message = () => ui.runs.copyManually;
    }
  }

  render() {
    if (!this.setup) return nothing;
    const s = ui.runs;
    return html`
      <h3>${s.shareHeading}</h3>
      <p>${s.shareIntro}</p>
      <div class="buttons">
        <button ?disabled=${this.working || this.busy} @click=${() => this.downloadData()}>${s.downloadData}</button>
        <button @click=${() => this.copyCode()}>${s.copyKerasCode}</button>
        <button ?disabled=${this.working || this.busy || !this.hasModel} @click=${() => this.downloadTfjs()}>${s.downloadTfjs}</button>
        <button ?disabled=${this.working || this.busy || !this.hasModel} @click=${() => this.downloadKeras()}>${ui.files.downloadKeras}</button>
        <button ?disabled=${this.working} @click=${() =>
          this.make(async () => {
            await this.downloadWordIndex();
            return 'word_index.json';
          })}>${s.downloadWordIndex}</button>
      </div>
      ${this.hasModel ? nothing : html`<p>${s.tfjsNeedsModel}</p>`}
      <p aria-live="polite">${this.message?.() ?? ''}</p>
      ${
        this.code
          ? html`<label for="keras-code">${s.kerasCodeLabel}</label>
        <textarea id="keras-code" readonly .value=${this.code}></textarea>`
          : nothing
      }`;
  }
}
