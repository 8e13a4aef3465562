// Parts of the page (app-root.ts) that hold no state of their own: its header with the language
// choice, the tabs and their keyboard order, the dismissible messages, the new-version prompt,
// why the set-up cannot be trained, and the page's styles. Templates rendered inside app-root.
import { css, html, nothing } from 'lit';
import type { ModelSummary } from '../engine/engine-api';
import { presetById } from '../presets/presets';
import type { PlaygroundState } from '../state/playground-state';
import { setupProblem } from '../state/setup-check';
import type { PendingUpdate } from '../pwa/register';
import { groupLargeNumbers } from '../i18n/format';
import { chooseLanguage, language, messageText, ui, type Lang, type Text } from '../i18n';

/** The page's layout: header, preset bar, tabs, footer. */
export const pageStyles = css`
    :host { display: block; max-width: 80rem; margin: 0 auto; padding: var(--space-3) var(--space-4) var(--space-6); }
    header { display: flex; flex-wrap: wrap; gap: var(--space-1) var(--space-5); align-items: baseline; }
    h1 { margin: 0; font-size: var(--text-2xl); line-height: 1.25; letter-spacing: -0.01em; }
    .tagline { margin: 0; color: var(--text-muted); flex: 1 1 20rem; }
    .language { margin-left: auto; display: inline-flex; gap: var(--space-2); align-items: center; }
    .bar { display: flex; flex-wrap: wrap; gap: var(--space-2) var(--space-5); align-items: center; margin: var(--space-3) 0; }
    .bar > span { display: inline-flex; flex-wrap: wrap; gap: var(--space-2); align-items: center; max-width: 100%; }
    #preset { max-width: min(34rem, 100%); }
    .link input { width: 22rem; max-width: 100%; font-family: var(--font-mono); font-size: var(--text-xs); }
    .status, .source { color: var(--text-muted); font-size: var(--text-sm); margin: 0; }
    [role=tablist] { display: flex; gap: var(--space-1); border-bottom: 2px solid var(--accent); margin-top: var(--space-4); overflow-x: auto; }
    [role=tab] { border: 1px solid var(--border); border-bottom: none; background: var(--surface); border-radius: var(--radius) var(--radius) 0 0;
      padding: 0 var(--space-4); min-height: 2.75rem; flex: 0 0 auto; font-size: var(--text-base); }
    [role=tab][aria-selected=true] { background: var(--accent); color: var(--accent-text); border-color: var(--accent); }
    [role=tab]:focus-visible { outline-offset: -4px; outline-color: var(--focus); }
    [role=tabpanel] { padding-top: var(--space-4); }
    footer { margin-top: var(--space-6); font-size: var(--text-sm); color: var(--text-muted); }
    @media (max-width: 40rem) {
      :host { padding: var(--space-2) var(--space-3) var(--space-5); }
      [role=tab] { padding: 0 var(--space-3); flex: 1 0 auto; }
    }
  `;

export const TABS = ['model', 'data', 'train', 'compare', 'classify', 'runs'] as const;
export type Tab = (typeof TABS)[number];
export const TAB_TITLES: Record<Tab, () => string> = {
  model: () => ui.app.tabModel,
  data: () => ui.app.tabData,
  train: () => ui.app.tabTrain,
  compare: () => ui.app.tabCompare,
  classify: () => ui.classify.tab,
  runs: () => ui.runs.tab,
};

/** The tab the arrow keys, Home and End move to from `tab` (the tabs pattern of WAI-ARIA), or null. */
export function tabAfterKey(tab: Tab, key: string): Tab | null {
  const i = TABS.indexOf(tab);
  if (key === 'ArrowRight') return TABS[(i + 1) % TABS.length];
  if (key === 'ArrowLeft') return TABS[(i + TABS.length - 1) % TABS.length];
  if (key === 'Home') return TABS[0];
  if (key === 'End') return TABS[TABS.length - 1];
  return null;
}

/** The title, tagline and language choice. */
export function pageHeader() {
  return html`
  <header>
    <h1>${ui.app.appTitle}</h1>
    <p class="tagline">${ui.app.tagline}</p>
    <span class="language"><label for="language">${ui.app.languageLabel}</label>
      <select id="language" @change=${(e: Event) => chooseLanguage((e.target as HTMLSelectElement).value as Lang)}>
        <option value="ko" lang="ko" ?selected=${language() === 'ko'}>한국어</option>
        <option value="en" lang="en" ?selected=${language() === 'en'}>English</option>
      </select></span>
  </header>`;
}

/**
 * A message with a Dismiss button, or nothing: an error (an alert), a notice read out when it
 * changes (live-notice), or a plain notice.
 */
export function dismissible(
  kind: 'error' | 'live-notice' | 'notice',
  text: Text | null,
  dismiss: () => void,
) {
  if (!text) return nothing;
  const button = html`<button @click=${dismiss}>${ui.common.dismiss}</button>`;
  if (kind === 'error') return html`<div class="error" role="alert">${text()} ${button}</div>`;
  if (kind === 'live-notice') return html`<div class="notice" aria-live="polite">${text()} ${button}</div>`;
  return html`<div class="notice">${text()} ${button}</div>`;
}

/**
 * The new-version prompt: offered, never forced; while a model trains (`busy`: in the Train tab or
 * in Compare) it waits for the run to end, since a reload would end it.
 */
export function updatePrompt(update: PendingUpdate | null, busy: boolean, later: () => void) {
  if (!update) return nothing;
  return html`<div class="notice" role="region" aria-label=${ui.app.updateRegion} aria-live="polite">
    ${busy ? ui.app.updateWhileTraining : ui.app.updateReady}
    <button ?disabled=${busy} @click=${() => update.apply()}>${ui.app.updateApply}</button>
    <button @click=${later}>${ui.app.updateLater}</button></div>`;
}

/** Why the current set-up cannot be trained, or null. */
export function trainBlocker(
  setup: PlaygroundState,
  summary: ModelSummary | null,
  modelError: Error | null,
): string | null {
  if (modelError) return ui.common.cannotTrain;
  if (!summary) return ui.app.engineLoading;
  const preset = setup.preset ? presetById(setup.preset) : undefined;
  if (preset?.summary_only && isPresetModel(setup, preset.model))
    return ui.app.summaryOnlyCannotTrain(ui.presets.summaryOnly[preset.id] ?? preset.summary_only);
  const problem = setupProblem(setup);
  return problem ? ui.common.setupProblem(groupLargeNumbers(messageText(problem))) : null;
}

/** Whether the set-up's model is still `model` (a preset's), whatever its layout. */
export function isPresetModel(setup: PlaygroundState, model: unknown): boolean {
  try {
    return JSON.stringify(JSON.parse(setup.model)) === JSON.stringify(model);
  } catch {
    return false;
  }
}
