// The Data section: which pack, num_words and maxlen; the review-length histogram with the maxlen
// cut marked; a few encoded reviews as ids and decoded back to words. The pack is read by an
// engine worker of its own (so describing data never disturbs a training run); the word list is
// fetched by the page to decode ids.
import { LitElement, css, html, nothing, svg, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { base } from './theme';
import { EngineClient } from '../engine/client';
import type { DataInfo, DataSettings } from '../engine/protocol';
import { idToWord, parseWordIndex, type WordIndex } from '../data/word-index';
import { LONG_MEMORY_STEPS, LONG_MEMORY_VOCAB, longMemoryTokenName } from '../data/long-memory';
import type { PlaygroundState } from '../state/playground-state';
import { LIMITS } from '../state/limits';
import './number-field';
import { groupLargeNumbers } from '../i18n/format';
import { LanguageController, messageText, ui, type Text } from '../i18n';

@customElement('data-panel')
export class DataPanel extends LitElement {
  private readonly language = new LanguageController(this);
  @property({ attribute: false }) setup!: PlaygroundState;
  /** Loads data only while the section is shown. */
  @property({ type: Boolean }) active = false;
  @property({ type: Boolean }) busy = false;
  @state() private info: DataInfo | null = null;
  @state() private error: Text | null = null;
  /** Messages are kept as functions so that they follow a change of language. */
  @state() private progress: Text | null = null;
  @state() private words: WordIndex | null = null;
  @state() private wordsError: Text | null = null;

  private client: EngineClient | null = null;
  private loadedKey = '';
  private timer: number | undefined;
  private seq = 0;

  static styles = [
    base,
    css`
    :host { display: block; }
    input[type=number] { width: 6.5rem; }
    /* The longest data set name must not widen the page on a phone. */
    select { max-width: 18rem; }
    svg { width: 100%; max-width: 48rem; height: auto; font: 13px var(--font-sans); }
    svg .bar { fill: var(--c-simplernn); }
    svg .bar.past { fill: var(--surface-2); stroke: var(--border); }
    svg .cut { stroke: var(--c-cut); }
    svg text { fill: var(--text-muted); }
    svg text.cut-label { fill: var(--c-cut); font-weight: 600; }
    svg .axis { stroke: var(--text-muted); }
    .sample { border: 1px solid var(--border); border-radius: var(--radius); padding: var(--space-2) var(--space-3); margin: var(--space-2) 0; }
    .ids { font-family: var(--font-mono); font-size: var(--text-xs); color: var(--text-muted); word-break: break-word; }
    .words { font-size: var(--text-sm); }
    .special { color: var(--text-muted); }
  `,
  ];

  protected updated(changed: PropertyValues): void {
    if (!this.active || !this.setup) return;
    const key = JSON.stringify(this.setup.data);
    if (key !== this.loadedKey) {
      this.loadedKey = key;
      window.clearTimeout(this.timer);
      this.timer = window.setTimeout(() => this.load(this.setup.data), changed.has('active') ? 0 : 300);
    }
    if (!this.words && !this.wordsError) void this.loadWords();
  }

  private async loadWords(): Promise<void> {
    this.wordsError = () => '';
    try {
      const res = await fetch(new URL('data/word-index.json', document.baseURI));
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      this.words = parseWordIndex(await res.text());
      this.wordsError = null;
    } catch (e) {
      this.wordsError = () => ui.data.wordIndexFailed(messageText(e));
    }
  }

  private async load(data: DataSettings): Promise<void> {
    const seq = ++this.seq;
    if (!this.client || this.client.failure) {
      this.client = new EngineClient();
      this.client.on((ev) => {
        if (ev.event === 'dataProgress') this.progress = () => ui.data.dataLoading(ev.loaded, ev.total);
      });
    }
    this.error = null;
    this.progress = () => ui.data.dataLoading(0, null);
    try {
      const info = await this.client.request('loadData', data);
      if (seq !== this.seq) return;
      this.info = info;
    } catch (e) {
      if (seq !== this.seq) return;
      this.info = null;
      this.error = () => ui.data.dataFailed(groupLargeNumbers(messageText(e)));
    } finally {
      if (seq === this.seq) this.progress = null;
    }
  }

  private change(patch: Partial<DataSettings>): void {
    const detail = { ...this.setup, data: { ...this.setup.data, ...patch } };
    this.dispatchEvent(new CustomEvent('state-change', { detail, bubbles: true, composed: true }));
  }

  /**
   * Long memory has one size (its 35 ids, 200 steps): choosing it takes them; leaving it for IMDB
   * takes the book's 500 words and maxlen 100.
   */
  private choosePack(pack: DataSettings['pack']): void {
    const was = this.setup.data.pack;
    if (pack === 'long-memory')
      this.change({ pack, num_words: LONG_MEMORY_VOCAB, maxlen: LONG_MEMORY_STEPS });
    else if (was === 'long-memory') this.change({ pack, num_words: 500, maxlen: 100 });
    else this.change({ pack });
  }

  private numberField(id: string, label: string, key: 'num_words' | 'maxlen') {
    const lim = LIMITS[key];
    return html`<number-field fieldId=${id} label=${label} .value=${this.setup.data[key]} .limit=${lim} ?disabled=${this.busy} @value-change=${(e: CustomEvent<number>) => this.change({ [key]: e.detail })}></number-field>`;
  }

  render() {
    if (!this.setup) return nothing;
    const d = this.setup.data;
    return html`
      <h2>${ui.data.dataHeading}</h2>
      <div class="fields">
        <span><label for="pack">${ui.data.packLabel}</label>
          <select id="pack" ?disabled=${this.busy} @change=${(e: Event) => this.choosePack((e.target as HTMLSelectElement).value as DataSettings['pack'])}>
            <option value="quick" ?selected=${d.pack === 'quick'}>${ui.data.packQuick}</option>
            <option value="book" ?selected=${d.pack === 'book'}>${ui.data.packBook}</option>
            <option value="long-memory" ?selected=${d.pack === 'long-memory'}>${ui.data.packLongMemory}</option>
          </select></span>
        ${this.numberField('num-words', ui.data.numWordsLabel, 'num_words')}
        ${this.numberField('maxlen', ui.data.maxlenLabel, 'maxlen')}
      </div>
      ${this.progress ? html`<p aria-live="polite">${this.progress()}</p>` : nothing}
      ${
        this.error
          ? html`<div class="error" role="alert">${this.error()}
        <button @click=${() => this.load(this.setup.data)}>${ui.common.retry}</button></div>`
          : nothing
      }
      ${this.info ? this.renderInfo(this.info) : nothing}`;
  }

  private renderInfo(info: DataInfo) {
    const maxlen = this.setup.data.maxlen;
    return html`
      <p>${ui.data.dataCounts(info.train_count, info.validation_count, info.test_count)}</p>
      <h3>${ui.data.lengthHeading}</h3>
      ${this.renderHistogram(info, maxlen)}
      ${this.setup.data.pack === 'long-memory' ? html`<p class="note">${ui.data.longMemoryAbout}</p>` : nothing}
      <h3>${ui.data.samplesHeading}</h3>
      <p class="help">${this.setup.data.pack === 'long-memory' ? ui.data.longMemorySamplesNote : ui.data.samplesNote}</p>
      ${this.wordsError ? html`<p class="help">${this.wordsError()}</p>` : nothing}
      ${info.samples.slice(0, 4).map((s, i) => this.renderSample(s, i))}`;
  }

  private renderHistogram(info: DataInfo, maxlen: number) {
    const bins = info.length_histogram;
    if (bins.length === 0) return nothing;
    const total = bins.reduce((a, b) => a + b.count, 0) || 1;
    // Reviews longer than maxlen: whole bins past the cut, and the share of the bin it falls in.
    let longer = 0;
    for (const b of bins) {
      if (b.bin_start >= maxlen) longer += b.count;
      else if (b.bin_end > maxlen) longer += (b.count * (b.bin_end - maxlen)) / (b.bin_end - b.bin_start);
    }
    const W = 640,
      H = 200,
      left = 44,
      bottom = 28,
      top = 10;
    const xMax = bins[bins.length - 1].bin_end;
    const yMax = Math.max(...bins.map((b) => b.count)) || 1;
    const x = (v: number) => left + ((W - left - 10) * v) / xMax;
    const y = (c: number) => top + (H - top - bottom) * (1 - c / yMax);
    const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.round(f * xMax));
    const cutX = x(Math.min(maxlen, xMax));
    return html`
      <p>${ui.data.lengthStats(info.mean_length, info.median_length, maxlen, (100 * longer) / total)}</p>
      <svg viewBox="0 0 ${W} ${H}" role="img" aria-label=${ui.data.histogramLabel(bins.length, maxlen)}>
        ${bins.map(
          (
            b,
          ) => svg`<rect x=${x(b.bin_start)} y=${y(b.count)} width=${Math.max(1, x(b.bin_end) - x(b.bin_start) - 1)}
          height=${H - bottom - y(b.count)} class=${b.bin_start >= maxlen ? 'bar past' : 'bar'}></rect>`,
        )}
        <line class="axis" x1=${left} x2=${W - 10} y1=${H - bottom} y2=${H - bottom}></line>
        ${ticks.map((t) => svg`<text x=${x(t)} y=${H - bottom + 14} text-anchor="middle">${t}</text>`)}
        <text x=${left - 4} y=${top + 8} text-anchor="end">${yMax}</text>
        <text x=${left - 4} y=${H - bottom} text-anchor="end">0</text>
        <line class="cut" x1=${cutX} x2=${cutX} y1=${top} y2=${H - bottom} stroke-width="2" stroke-dasharray="5 3"></line>
        <text class="cut-label" x=${cutX > W - 90 ? cutX - 4 : cutX + 4} y=${top + 14} text-anchor=${cutX > W - 90 ? 'end' : 'start'}>${ui.data.maxlenMark(maxlen)}</text>
      </svg>`;
  }

  private renderSample(s: { ids: number[]; label: number }, i: number) {
    const ids = s.ids.filter((id) => id !== 0);
    if (this.setup.data.pack === 'long-memory') {
      return html`<div class="sample">
        <strong>#${i + 1} (${ui.data.sampleLabel(s.label)})</strong>
        <p class="ids"><span class="special">${ui.data.sampleIds}:</span> ${ids.join(' ')}</p>
        <p class="words"><span class="special">${ui.data.sampleTokens}:</span>
          ${ids.map((id) => {
            const name = longMemoryTokenName(id) ?? String(id);
            return name.startsWith('n') ? `${name} ` : html`<strong>${name}</strong> `;
          })}</p>
      </div>`;
    }
    const words = this.words;
    return html`<div class="sample">
      <strong>#${i + 1} (${ui.data.sampleLabel(s.label)})</strong>
      <p class="ids"><span class="special">${ui.data.sampleIds}:</span> ${ids.join(' ')}</p>
      ${
        words
          ? html`<p class="words"><span class="special">${ui.data.sampleWords}:</span>
        ${ids.map((id) => (id < 4 ? html`<span class="special">${idToWord(id, words)}</span> ` : `${idToWord(id, words)} `))}</p>`
          : nothing
      }
    </div>`;
  }
}
