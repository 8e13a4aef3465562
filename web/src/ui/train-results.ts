// What the Train section draws from a run's events: the epoch charts beside the book's published
// curves (and the note on how the set-up differs from the book's run), the input-gradient curves,
// the epoch log, the progress bar's text and the advice for a run that diverged or learns nothing.
// Templates rendered inside train-panel.ts (its styles apply).
import { html, nothing } from 'lit';
import { themeColor } from './theme';
import type { BookCurve } from '../charts/book-curves';
import '../charts/line-chart';
import type { SeriesStyle } from '../charts/line-chart';
import type { BatchEvent, EpochLog, KerasVersion, TrainingSettings } from '../engine/protocol';
import { presetById, type Preset } from '../presets/presets';
import type { PlaygroundState } from '../state/playground-state';
import { differencesFromBook } from '../state/preset-match';
import { OPTIMIZER_NAMES, type Diagnosis } from '../state/run-diagnosis';
import { ui } from '../i18n';
import { fixed } from '../i18n/format';

// Training and validation series: theme colours, and different dashes (never colour alone).
export const trainStyle = () => ({ color: themeColor('c-train') });
const valStyle = () => ({ color: themeColor('c-val'), dash: [2, 3] });

/** The published curve run by the same Keras generation (the first one when none is). */
export function matchingCurve(books: { source: string }[], keras: KerasVersion): number {
  const i = books.findIndex((b) => (keras === 3 ? /keras3/ : /tf2/).test(b.source));
  return Math.max(0, i);
}

/** "The same model" only when it is; otherwise every way this set-up differs from the book's run. */
function bookNote(setup: PlaygroundState, src: string, preset: Preset): string {
  const diffs = differencesFromBook(setup, preset);
  if (diffs.length === 0) return ui.train.bookCurveSame(src, preset.title);
  const { data, training } = setup;
  const T = ui.train;
  const text = diffs.map((k) => {
    switch (k) {
      case 'model':
        return T.bookDiffModel;
      case 'pack':
        return T.bookDiffPack;
      case 'num_words':
        return T.bookDiffNumWords(data.num_words, preset.data.num_words);
      case 'maxlen':
        return T.bookDiffMaxlen(data.maxlen, preset.data.maxlen);
      case 'optimizer':
        return T.bookDiffOptimizer(
          OPTIMIZER_NAMES[training.optimizer],
          OPTIMIZER_NAMES[preset.training.optimizer],
        );
      case 'learning_rate':
        return T.bookDiffRate(training.learning_rate, preset.training.learning_rate);
      case 'batch_size':
        return T.bookDiffBatch(training.batch_size, preset.training.batch_size);
    }
  });
  return ui.train.bookCurveDiffers(src, preset.title, text.join('; '));
}

export function bookChoice(
  setup: PlaygroundState,
  books: { source: string; model: string }[],
  chosen: number,
  book: BookCurve | undefined,
  choose: (index: number) => void,
) {
  const preset = setup.preset ? presetById(setup.preset) : undefined;
  if (books.length === 0) return html`<p class="note">${ui.train.noBookCurve}</p>`;
  return html`<p class="note"><label for="book">${ui.train.bookCurveLabel}</label>
    <select id="book" @change=${(e: Event) => choose(Number((e.target as HTMLSelectElement).value))}>
      ${books.map((b, i) => html`<option value=${i} ?selected=${i === chosen}>${ui.train.bookSource(b.source)}</option>`)}
      <option value=${books.length} ?selected=${chosen >= books.length}>${ui.train.bookCurveNone}</option>
    </select>
    ${book && preset ? html`<span class="book-note">${bookNote(setup, ui.train.bookSource(book.source), preset)}</span>` : nothing}</p>`;
}

export function epochChart(
  history: readonly EpochLog[],
  label: string,
  yLabel: string,
  train: 'loss' | 'accuracy',
  val: 'val_loss' | 'val_accuracy',
  trainName: string,
  valName: string,
  book: BookCurve | undefined,
) {
  const n = Math.max(history.length, book?.epoch.length ?? 0);
  const x = Array.from({ length: n }, (_, i) => i + 1);
  const mine = (k: typeof train | typeof val) => x.map((_, i) => history[i]?.[k] ?? null);
  const series: SeriesStyle[] = [
    { label: trainName, ...trainStyle(), points: true },
    { label: valName, ...valStyle(), points: true },
  ];
  const columns: (number | null)[][] = [x, mine(train), mine(val)];
  if (book) {
    series.push(
      { label: ui.train.sBook(trainName), ...trainStyle(), dash: [10, 5] },
      { label: ui.train.sBook(valName), ...valStyle(), dash: [10, 4, 2, 4] },
    );
    columns.push(
      x.map((_, i) => book[train][i] ?? null),
      x.map((_, i) => book[val][i] ?? null),
    );
  }
  return html`<line-chart integerX label=${label} xLabel=${ui.common.xEpoch} yLabel=${yLabel} .series=${series} .columns=${columns}></line-chart>`;
}

/** One curve per epoch: position t of the padded reviews is t − (maxlen − 1) words before the end. */
export function gradientChart(history: readonly EpochLog[]) {
  const epochs = history.filter((h) => h.input_gradients && h.input_gradients.length > 0);
  if (epochs.length === 0) return nothing;
  const len = epochs[0].input_gradients!.length;
  const x = Array.from({ length: len }, (_, t) => t - (len - 1));
  const last = epochs.length - 1;
  const series: SeriesStyle[] = epochs.map((e, i) => ({
    label: ui.cell.epochSeries(e.epoch),
    color: `hsl(${270 - (150 * i) / Math.max(1, last)}, 60%, ${i === last ? 35 : 65}%)`,
  }));
  const columns = [x, ...epochs.map((e) => e.input_gradients!.map((g) => (g !== null && g > 0 ? g : null)))];
  return html`<div class="gradients"><p class="note">${ui.cell.gradTrainNote}</p>
    <line-chart class="gradients" logY label=${ui.cell.gradTrainHeading} xLabel=${ui.cell.gradTrainX} yLabel=${ui.cell.gradY}
      .series=${series} .columns=${columns}></line-chart></div>`;
}

/** The epoch log as a table (Keras' fit() history). */
export function historyTable(history: readonly EpochLog[]) {
  return html`<div class="log" tabindex="0" role="region" aria-label=${ui.train.historyHeading}><table class="numbers" aria-label=${ui.train.historyHeading}>
    <thead><tr><th scope="col">${ui.train.colEpoch}</th><th scope="col">loss</th><th scope="col">accuracy</th>
      <th scope="col">val_loss</th><th scope="col">val_accuracy</th><th scope="col">${ui.train.colSeconds}</th></tr></thead>
    <tbody>${history.map(
      (h) => html`<tr><td>${h.epoch}</td><td>${fixed(h.loss, 4)}</td><td>${fixed(h.accuracy, 4)}</td>
      <td>${fixed(h.val_loss, 4)}</td><td>${fixed(h.val_accuracy, 4)}</td><td>${h.seconds.toFixed(1)}</td></tr>`,
    )}</tbody>
  </table></div>`;
}

/** The progress bar's share and text after batch b of a run of epochs offset+1..runEpochs. */
export function progressOf(
  b: BatchEvent | null,
  epochOffset: number,
  runEpochs: number,
  finished: boolean,
): { pct: number; text: string } {
  if (!b) return { pct: 0, text: '' };
  const done = (b.epoch - 1 - epochOffset) * b.batches_per_epoch + b.batch;
  const total = (runEpochs - epochOffset) * b.batches_per_epoch;
  const pct = finished ? 100 : Math.min(100, Math.round((100 * done) / total));
  return {
    pct,
    text: ui.train.progressText(
      b.epoch,
      runEpochs,
      b.batch,
      b.batches_per_epoch,
      finished ? 0 : b.eta_seconds,
      b.samples_per_second,
    ),
  };
}

/** What to try, for a run that diverged or learns nothing. */
export function adviceText(d: Diagnosis, t: TrainingSettings): string {
  const opt = OPTIMIZER_NAMES[t.optimizer];
  if (d.advice === 'lower') return ui.train.tryLowerRate(opt, t.learning_rate, d.suggested);
  if (d.advice === 'higher') return ui.train.tryHigherRate(opt, t.learning_rate, d.suggested);
  return ui.train.tryOther(opt, d.suggested);
}
