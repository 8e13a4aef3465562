/// <reference types="vite/client" />
// The prediction after each kept token as a uPlot line: x is the token's position, labelled with
// the word; y the probability of positive, with the 0.5 boundary dashed. The legend under the
// plot reads the word and value under the cursor.
import { LitElement, css, html, unsafeCSS, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import uPlot from 'uplot';
import uPlotCss from 'uplot/dist/uPlot.min.css?inline';
import { LanguageController, language, ui } from '../../i18n';
import { axisTheme, themeColor } from '../theme';

@customElement('word-chart')
export class WordChart extends LitElement {
  private readonly language = new LanguageController(this);
  @property({ attribute: false }) words: string[] = [];
  /** Probability of positive after each word (same length as words). */
  @property({ attribute: false }) values: number[] = [];

  private plot: uPlot | null = null;
  private plotLanguage = '';
  private resize: ResizeObserver | null = null;

  static styles = [
    unsafeCSS(uPlotCss),
    css`
    :host { display: block; min-width: 0; }
    figure { margin: 0; }
    .plot { width: 100%; min-height: 1px; }
  `,
  ];

  render() {
    return html`<figure role="img" aria-label=${ui.classify.chartLabel(this.values.length)} data-points=${this.values.length}>
      <div class="plot"></div>
    </figure>`;
  }

  connectedCallback(): void {
    super.connectedCallback();
    this.resize = new ResizeObserver(() => {
      const w = this.width();
      if (this.plot && Math.abs(w - this.plot.width) > 1)
        this.plot.setSize({ width: w, height: this.plot.height });
    });
    this.resize.observe(this);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize?.disconnect();
    this.plot?.destroy();
    this.plot = null;
  }

  protected updated(changed: PropertyValues): void {
    if (!changed.has('values') && !changed.has('words')) return;
    // A new review: new data for the same plot (its labels read this.words when drawn); a plot made
    // in another language is made again, with this one's axis names.
    if (this.plot && this.plotLanguage === language()) this.plot.setData(this.data());
    else this.create();
  }

  private data(): uPlot.AlignedData {
    const x = this.values.map((_, i) => i);
    return [x, this.values, x.map(() => 0.5)];
  }

  private width(): number {
    return Math.max(240, Math.floor(this.getBoundingClientRect().width));
  }

  private create(): void {
    this.plot?.destroy();
    const word = (i: number | null) =>
      i === null || i === undefined ? '' : (this.words[Math.round(i)] ?? '');
    const opts: uPlot.Options = {
      width: this.width(),
      height: 230,
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: { time: false, range: (u) => [-0.5, Math.max(0.5, u.data[0].length - 0.5)] },
        y: { range: [0, 1] },
      },
      axes: [
        {
          ...axisTheme(),
          label: ui.classify.chartX,
          // Whole positions only, each labelled with its word.
          incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500],
          space: 28,
          values: (_u, splits) => splits.map((v) => (Number.isInteger(v) ? word(v) : '')),
          rotate: -60,
          size: 70,
        },
        { ...axisTheme(), label: ui.classify.chartY, splits: () => [0, 0.25, 0.5, 0.75, 1] },
      ],
      series: [
        { label: ui.classify.chartX, value: (_u, v) => word(v) },
        {
          label: ui.classify.chartSeries,
          stroke: themeColor('c-probability'),
          width: 2,
          points: { show: true, size: 6, fill: themeColor('c-probability') },
          value: (_u, v) => (v === null ? '—' : v.toFixed(3)),
        },
        {
          label: '0.5',
          stroke: themeColor('text-muted', '#777'),
          dash: [4, 4],
          width: 1,
          points: { show: false },
        },
      ],
    };
    this.plotLanguage = language();
    this.plot = new uPlot(opts, this.data(), this.renderRoot.querySelector('.plot') as HTMLElement);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'word-chart': WordChart;
  }
}
