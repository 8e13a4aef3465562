// A uPlot line chart as a Lit element. Data arrive as columns (x, then one array per series);
// the chart redraws at most once per animation frame however often the columns change, so a
// worker sending an event per batch never makes the page draw per batch.
import { LitElement, css, html, unsafeCSS, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import uPlot from 'uplot';
import uPlotCss from 'uplot/dist/uPlot.min.css?inline';
import { LanguageController, ui } from '../i18n';

export interface SeriesStyle {
  label: string;
  color: string;
  dash?: number[];
  /** Draw points only (for sparse series such as per-epoch values). */
  points?: boolean;
}

@customElement('line-chart')
export class LineChart extends LitElement {
  private readonly language = new LanguageController(this);
  /** The chart's accessible name; the element also says how many points it holds. */
  @property() label = '';
  @property() xLabel = '';
  @property() yLabel = '';
  @property({ attribute: false }) series: SeriesStyle[] = [];
  /** [x, y1, y2, ...]; null entries leave gaps. */
  @property({ attribute: false }) columns: (number | null)[][] = [[]];
  @property({ type: Number }) height = 220;
  /** Ticks on whole x values only (epochs). */
  @property({ type: Boolean }) integerX = false;
  /** A logarithmic y axis (values ≤ 0 must be given as null). */
  @property({ type: Boolean }) logY = false;

  private plot: uPlot | null = null;
  private frame = 0;
  private resize: ResizeObserver | null = null;
  private seriesKey = '';

  static styles = [unsafeCSS(uPlotCss), css`
    :host { display: block; min-width: 0; }
    figure { margin: 0; }
    figcaption { font-size: 0.85rem; color: #333; margin-bottom: 0.2rem; }
    .plot { width: 100%; min-height: 1px; }
  `];

  /** Points drawn so far (the x column's length). */
  get pointCount(): number {
    return this.columns[0]?.length ?? 0;
  }

  render() {
    const n = this.pointCount;
    return html`<figure role="img" aria-label=${ui.common.chartPoints(this.label, n)}>
      <figcaption aria-hidden="true">${this.label}</figcaption>
      <div class="plot"></div>
    </figure>`;
  }

  protected updated(changed: PropertyValues): void {
    const key = JSON.stringify(this.series) + this.height + this.xLabel + this.yLabel + this.integerX + this.logY;
    if (!this.plot || key !== this.seriesKey) {
      this.seriesKey = key;
      this.create();
    } else if (changed.has('columns')) {
      this.scheduleDraw();
    }
  }

  connectedCallback(): void {
    super.connectedCallback();
    this.resize = new ResizeObserver(() => {
      const w = this.plotWidth();
      if (this.plot && w > 0 && Math.abs(w - this.plot.width) > 1) this.plot.setSize({ width: w, height: this.height });
    });
    this.resize.observe(this);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resize?.disconnect();
    cancelAnimationFrame(this.frame);
    this.plot?.destroy();
    this.plot = null;
  }

  private plotWidth(): number {
    return Math.floor(this.getBoundingClientRect().width);
  }

  private create(): void {
    this.plot?.destroy();
    const target = this.renderRoot.querySelector('.plot') as HTMLElement;
    const opts: uPlot.Options = {
      width: Math.max(this.plotWidth(), 200),
      height: this.height,
      legend: { show: true },
      cursor: { drag: { x: false, y: false } },
      scales: { x: { time: false }, ...(this.logY ? { y: { distr: 3, log: 10 } } : {}) },
      axes: [
        this.integerX ? { label: this.xLabel, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500] } : { label: this.xLabel },
        { label: this.yLabel },
      ],
      series: [
        { label: this.xLabel },
        ...this.series.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: 2,
          dash: s.dash,
          spanGaps: true,
          points: { show: s.points ?? false, size: 6, fill: s.color },
        })),
      ],
    };
    this.plot = new uPlot(opts, this.data(), target);
  }

  private data(): uPlot.AlignedData {
    const cols = this.columns.length === this.series.length + 1 ? this.columns : [[], ...this.series.map(() => [])];
    return cols as unknown as uPlot.AlignedData;
  }

  private scheduleDraw(): void {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.plot?.setData(this.data());
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'line-chart': LineChart;
  }
}
