// The Runs section: every run kept in this browser (storage/runs-db.ts), newest first — model,
// data, date, epochs, best validation and test accuracy — with Open run, Rename and Delete per row.
// It only shows and asks: the page (app-root) reads and writes the database and answers
// 'run-open', 'run-rename' and 'run-delete' (detail: {id, name?}).
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { base } from './theme';
import { presetById } from '../presets/presets';
import type { RunRecord } from '../storage/runs-db';
import { LanguageController, ui, type Text } from '../i18n';

/** A run's model, as its preset's title or the first words of its layer list. */
export function runModelTitle(run: RunRecord): string {
  const preset = run.setup.preset ? presetById(run.setup.preset) : undefined;
  if (preset) return preset.title;
  try {
    const doc = JSON.parse(run.setup.model) as { config?: { layers?: { class_name?: string }[] } };
    const layers = doc.config?.layers?.map((l) => l.class_name).filter((c) => c && c !== 'InputLayer');
    if (layers?.length) return layers.join(' → ');
  } catch {
    /* not JSON: fall through */
  }
  return ui.runs.modelFallback;
}

@customElement('runs-panel')
export class RunsPanel extends LitElement {
  private readonly language = new LanguageController(this);
  @property({ attribute: false }) runs: RunRecord[] = [];
  /** Storage is unavailable or full: the sentence to show, or null. */
  @property({ attribute: false }) problem: Text | null = null;
  /** The run currently open (its row is marked). */
  @property({ attribute: false }) openId: string | null = null;

  @state() private renaming: string | null = null;
  @state() private deleting: string | null = null;

  static styles = [
    base,
    css`
    :host { display: block; }
    h2 { margin: 0.2rem 0 0.5rem; font-size: 1.2rem; }
    .intro { color: var(--text-muted); font-size: 0.9rem; }
    table { border-collapse: collapse; font-size: 0.9rem; margin: 0.5rem 0; }
    th, td { padding: 0.3rem 0.8rem 0.3rem 0; text-align: left; border-bottom: 1px solid var(--border); vertical-align: top; }
    td.num { text-align: right; font-family: ui-monospace, monospace; }
    tr[aria-current=true] td { background: var(--ok-bg); }
    button { font-size: 0.9rem; padding: 0.2rem 0.6rem; margin: 0 0.3rem 0.2rem 0; cursor: pointer; }
    td.actions { white-space: nowrap; }
    .error { background: var(--bad-bg); color: var(--bad-text); border: 1px solid var(--bad-text); padding: 0.5rem 0.75rem; border-radius: 4px; }
    .empty { background: var(--notice-bg); color: var(--text); border: 1px solid var(--notice-border); padding: 0.5rem 0.8rem; border-radius: 4px; }
  `,
  ];

  private emit(type: 'run-open' | 'run-rename' | 'run-delete', detail: { id: string; name?: string }): void {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  render() {
    const s = ui.runs;
    return html`
      <h2>${s.heading}</h2>
      <p class="intro">${s.intro}</p>
      ${this.problem ? html`<div class="error" role="alert">${this.problem()}</div>` : nothing}
      ${this.runs.length === 0 ? html`<p class="empty">${s.empty}</p>` : this.renderTable()}`;
  }

  private renderTable() {
    const s = ui.runs;
    const pct = (v: number | null) => (v === null ? '—' : v.toFixed(3));
    return html`<table aria-label=${s.tableLabel}>
      <thead><tr><th scope="col">${s.colName}</th><th scope="col">${s.colModel}</th><th scope="col">${s.colData}</th>
        <th scope="col">${s.colDate}</th><th scope="col">${s.colEpochs}</th><th scope="col">${s.colBestValAcc}</th>
        <th scope="col">${s.colTestAcc}</th><th scope="col">${s.colStatus}</th><th scope="col">${s.colActions}</th></tr></thead>
      <tbody>${this.runs.map(
        (r) => html`<tr aria-current=${r.id === this.openId ? 'true' : 'false'}>
        <td>${this.renaming === r.id ? this.renderRename(r) : r.name}</td>
        <td>${runModelTitle(r)}</td>
        <td>${s.data(r.setup.data.pack, r.setup.data.num_words, r.setup.data.maxlen)}</td>
        <td><time datetime=${new Date(r.created).toISOString()}>${new Date(r.created).toLocaleString()}</time></td>
        <td class="num">${r.history.length}</td>
        <td class="num">${pct(r.best_val_accuracy)}</td>
        <td class="num">${pct(r.test_accuracy)}</td>
        <td>${s.status[r.status] ?? r.status}</td>
        <td class="actions">${
          this.deleting === r.id
            ? this.renderConfirm(r)
            : html`
          <button aria-label=${s.openLabel(r.name)} @click=${() => this.emit('run-open', { id: r.id })}>${s.open}</button>
          <button aria-label=${s.renameButtonLabel(r.name)} @click=${() => this.startRename(r.id)}>${s.rename}</button>
          <button aria-label=${s.deleteLabel(r.name)} @click=${() => (this.deleting = r.id)}>${s.delete}</button>`
        }</td>
      </tr>`,
      )}</tbody>
    </table>`;
  }

  private startRename(id: string): void {
    this.renaming = id;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLInputElement>('input.rename')?.focus(),
    );
  }

  private renderRename(r: RunRecord) {
    const s = ui.runs;
    const commit = () => {
      const name = this.renderRoot.querySelector<HTMLInputElement>('input.rename')?.value.trim() ?? '';
      if (name) this.emit('run-rename', { id: r.id, name: name.slice(0, 200) });
      this.renaming = null;
    };
    return html`<form @submit=${(e: Event) => {
      e.preventDefault();
      commit();
    }}>
      <input class="rename" aria-label=${s.renameLabel(r.name)} .value=${r.name} maxlength="200"
        @keydown=${(e: KeyboardEvent) => {
          if (e.key === 'Escape') this.renaming = null;
        }} />
      <button type="submit">${s.save}</button>
      <button type="button" @click=${() => (this.renaming = null)}>${s.cancel}</button></form>`;
  }

  private renderConfirm(r: RunRecord) {
    const s = ui.runs;
    return html`<span role="group" aria-label=${s.confirmDelete(r.name)}>${s.confirmDelete(r.name)}
      <button @click=${() => {
        this.deleting = null;
        this.emit('run-delete', { id: r.id });
      }}>${s.confirmYes}</button>
      <button @click=${() => (this.deleting = null)}>${s.cancel}</button></span>`;
  }
}
