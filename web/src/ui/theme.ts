// Shared element styles for every component (shadow roots do not see the page's stylesheet; the
// custom properties of theme.css inherit into them). Components list `base` first in their styles.
import { css } from 'lit';

/** A series colour of theme.css, resolved for canvas drawing (uPlot cannot read var()). */
export function themeColor(name: string, fallback = '#0072b2'): string {
  if (typeof document === 'undefined') return fallback;
  return getComputedStyle(document.documentElement).getPropertyValue(`--${name}`).trim() || fallback;
}

/** The colour of a recurrent cell kind in every chart. */
export function cellColor(kind: string | null | undefined): string {
  const k = (kind ?? '').toLowerCase();
  return themeColor(k === 'simplernn' || k === 'lstm' || k === 'gru' ? `c-${k}` : 'c-other');
}

/** Line dash per recurrent cell kind, so that charts never tell the cells apart by colour alone. */
export function cellDash(kind: string | null | undefined): number[] | undefined {
  const k = (kind ?? '').toLowerCase();
  return k === 'lstm' ? [10, 5] : k === 'gru' ? [3, 4] : k === 'simplernn' ? undefined : [12, 4, 3, 4];
}

/** uPlot axis colours and fonts from the theme (canvas text cannot read CSS). */
export function axisTheme(): {
  stroke: string;
  grid: { stroke: string; width: number };
  ticks: { stroke: string; width: number };
  font: string;
  labelFont: string;
} {
  const text = themeColor('text-muted', '#465464');
  const line = themeColor('border', '#b8c2ce');
  return {
    stroke: text,
    grid: { stroke: line, width: 1 },
    ticks: { stroke: line, width: 1 },
    font: '13px system-ui, sans-serif',
    labelFont: '600 14px system-ui, sans-serif',
  };
}

export const base = css`
  :host { color: var(--text); font-family: var(--font-sans); font-size: var(--text-base); line-height: var(--leading); }
  h2 { font-size: var(--text-xl); line-height: 1.3; margin: var(--space-2) 0 var(--space-3); }
  h3 { font-size: var(--text-lg); line-height: 1.35; margin: var(--space-5) 0 var(--space-2); }
  h4 { font-size: var(--text-base); margin: var(--space-4) 0 var(--space-1); }
  p { margin: var(--space-2) 0; }
  label { font-weight: 600; }
  button, select, input, textarea { font: inherit; font-size: var(--text-sm); color: var(--text); }
  button, select, input:not([type=checkbox]):not([type=radio]) {
    min-height: var(--control-height); box-sizing: border-box; border-radius: var(--radius);
    border: 1px solid var(--border); background: var(--bg); padding: 0 var(--space-3);
  }
  textarea { border-radius: var(--radius); border: 1px solid var(--border); background: var(--bg); padding: var(--space-2); }
  button { background: var(--surface-2); font-weight: 600; cursor: pointer; padding: 0 var(--space-4); }
  button:hover:not(:disabled) { border-color: var(--accent); }
  button:disabled { opacity: 0.55; cursor: not-allowed; }
  button.primary { background: var(--accent); color: var(--accent-text); border-color: var(--accent); }
  input[type=checkbox], input[type=radio] { flex: none; width: 1.5rem; height: 1.5rem; margin: 0 var(--space-2) 0 0; vertical-align: middle; accent-color: var(--accent); }
  input[type=number] { width: 7rem; }
  :focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
  .help, .note, .intro { color: var(--text-muted); font-size: var(--text-sm); }
  .error { background: var(--error-bg); border: 1px solid var(--error-border); color: var(--error-text); padding: var(--space-2) var(--space-3); border-radius: var(--radius); }
  .notice, .warning, .empty { background: var(--notice-bg); border: 1px solid var(--notice-border); padding: var(--space-2) var(--space-3); border-radius: var(--radius); }
  .blocked { color: var(--error-text); }
  table { border-collapse: collapse; }
  th, td { padding: var(--space-1) var(--space-3) var(--space-1) 0; border-bottom: 1px solid var(--border); overflow-wrap: normal; }
  /* Numbers never break inside a cell; a table too wide for the screen scrolls in its box. */
  td.num, .numbers td, .numbers th { white-space: nowrap; }
  th { text-align: left; }
  code, .mono { font-family: var(--font-mono); }
  /* A wide table or figure scrolls inside its own box on a narrow screen. */
  .scroll-x { overflow-x: auto; max-width: 100%; }
  .fields { display: flex; flex-wrap: wrap; gap: var(--space-3) var(--space-5); align-items: center; }
  .fields > span { display: inline-flex; flex-wrap: wrap; align-items: center; gap: var(--space-2); }
  .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
`;

/** A bordered box with a small heading, for the Runs tab's side panels (share, open a model). */
export const card = css`
  :host { display: block; border: 1px solid var(--border); border-radius: 6px; padding: 0.2rem 0.9rem 0.6rem; margin: 0 0 1rem; }
  h3 { margin: 0.5rem 0 0.3rem; font-size: 1.05rem; }
  p { font-size: 0.9rem; color: var(--text-muted); margin: 0.2rem 0; }
  label { display: block; font-weight: 600; margin-top: 0.5rem; }
`;
